"""The dependency graph: a networkx DiGraph from each declaration to what it uses.

Edge attributes: ``label`` (statement|proof), ``position`` (hypothesis|conclusion|value)
and ``provenance`` (static|exact). Node attributes: ``role`` and ``kind``.
"""

from __future__ import annotations

import networkx as nx

from axiomdl.model import Declaration, Edge
from axiomdl.scan.project import Project

# Shared attribute dicts keep a million-edge graph small.
_ATTRS = {
    (lab, pos, prov): {"label": lab, "position": pos, "provenance": prov}
    for lab in ("statement", "proof")
    for pos in ("hypothesis", "conclusion", "value")
    for prov in ("static", "exact")
}


def edge_attrs(label: str, position: str, provenance: str = "static") -> dict[str, str]:
    """The (shared, read-only) attribute dict for an edge kind."""
    return _ATTRS[(label, position, provenance)]


def build_graph(project: Project) -> nx.DiGraph:
    """Build the static dependency graph of a scanned project."""
    g = nx.DiGraph()
    g.add_nodes_from(
        (n, {"role": d.role, "kind": d.kind, "builds": "builds_inline" in d.flags})
        for n, d in sorted(project.decls.items())
    )
    hyp_a = edge_attrs("statement", "hypothesis")
    con_a = edge_attrs("statement", "conclusion")
    prf_a = edge_attrs("proof", "value")
    succ = g._succ  # direct adjacency writes: the documented layout of DiGraph
    pred = g._pred
    for n, r in sorted(project.refs.items()):
        s = succ[n]
        for targets, attrs in ((r.hyp, hyp_a), (r.concl, con_a), (r.proof, prf_a)):
            for t in sorted(targets):  # sorted: the same graph (and paths) every run
                if t in succ and t not in s:
                    s[t] = attrs
                    pred[t][n] = attrs
    return g


def declaration_model(project: Project, name: str) -> Declaration:
    """The pydantic view of one declaration."""
    d = project.decls[name]
    fs = project.file_of(name)
    return Declaration(
        name=name,
        kind=d.kind,
        role=d.role,  # type: ignore[arg-type]
        module=fs.module,
        file=fs.path,
        line=d.line,
        end_line=d.end_line,
        doc=d.doc,
        area=d.meta.get("area"),
        status=d.meta.get("status"),
        evidence=d.meta.get("evidence"),
        refs=d.meta.get("refs"),
        probe=d.meta.get("probe"),
        statement=d.statement,
        flags=sorted(d.flags),
        attributes=d.attrs,
    )


def edge_models(g: nx.DiGraph) -> list[Edge]:
    """All edges as pydantic models, sorted for stable output."""
    return [
        Edge(
            source=u, target=v, label=a["label"], position=a["position"], provenance=a["provenance"]
        )
        for u, v, a in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
