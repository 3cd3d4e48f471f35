"""Everything the explorer shows, computed once from a session.

The pages and the browser share one source of truth: :class:`SiteData`. Sets
come from the engine's :class:`~axiomdl.queries.Analysis` (so the site agrees
with ``axiomdl rests-on``); impact is computed for all assumptions in one pass
over the results instead of one pass per assumption.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import networkx as nx

from axiomdl.queries import RESULT_ROLES, Analysis
from axiomdl.session import Session

ROLES = ("assumption", "conjecture", "discharge", "witness", "theorem", "definition", "axiom")
EDGE_HYP, EDGE_CONCL, EDGE_PROOF = 0, 1, 2
_POSITION_CODE = {"hypothesis": EDGE_HYP, "conclusion": EDGE_CONCL, "value": EDGE_PROOF}
_SLUG_BAD = re.compile(r"[^A-Za-z0-9_.-]")
_META_LINE = re.compile(r"^\s*(Area|Status|Evidence|Refs|Probe)\s*:.*$", re.M)
SNIPPET_CHARS = 240


@dataclass(slots=True)
class Node:
    """One declaration as the site shows it."""

    name: str
    role: str
    kind: str
    module: str
    file: str
    line: int
    end_line: int
    doc: str | None
    meta: dict[str, str]
    statement: str
    slug: str
    level: int = 0
    requires: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)
    uses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Impact:
    """What falls if an assumption is dropped (same split as ``axiomdl impact``)."""

    statement: list[str] = field(default_factory=list)
    proof: list[str] = field(default_factory=list)
    bundles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SiteData:
    """Nodes, labelled edges and per-assumption impact for one project."""

    label: str
    mode: str
    nodes: dict[str, Node]
    graph: nx.DiGraph
    impact: dict[str, Impact]
    # assumption → (measured verdict text, disagrees with the stated Status), from probes
    measured: dict[str, tuple[str, bool]] = field(default_factory=dict)

    def successors(self, name: str) -> list[tuple[str, str]]:
        """(target, position) for what ``name`` uses directly, sorted."""
        return sorted((t, a["position"]) for t, a in self.graph._succ[name].items())

    def predecessors(self, name: str) -> list[tuple[str, str]]:
        """(source, position) for what uses ``name`` directly, sorted."""
        return sorted((s, a["position"]) for s, a in self.graph._pred[name].items())


def slug_for(name: str, taken: set[str]) -> str:
    """A file-system-safe, unique, stable page name for a Lean name (which may hold any Unicode)."""
    base = _SLUG_BAD.sub("_", name)[:120] or "_"
    slug = base
    if slug != name or slug.lower() in taken:
        slug = f"{base}-{hashlib.sha1(name.encode()).hexdigest()[:10]}"
    taken.add(slug.lower())
    return slug


def doc_body(doc: str | None) -> str:
    """The docstring without its one-per-line metadata (shown in its own table)."""
    if not doc:
        return ""
    return _META_LINE.sub("", doc).strip()


def snippet(doc: str | None) -> str:
    """Plain search text: the docstring body, whitespace collapsed, cut short."""
    return " ".join(doc_body(doc).split())[:SNIPPET_CHARS]


def levels(g: nx.DiGraph) -> dict[str, int]:
    """Longest-path height over the condensation: every edge runs from a higher level down.

    The graph view puts level on the x axis, so dependency edges always point
    the same way and direction can be read without arrowheads.
    """
    cond = nx.condensation(g)
    members = cond.graph["mapping"]
    height: dict[int, int] = {}
    for c in reversed(list(nx.topological_sort(cond))):
        height[c] = 1 + max((height[t] for t in cond._succ[c]), default=-1)
    return {n: height[c] for n, c in members.items()}


def bit_names(bits: int, hyps: list[str]) -> list[str]:
    """Decode an assumption bitset, one step per set bit (``Analysis.names`` steps every bit)."""
    out = []
    while bits:
        low = bits & -bits
        out.append(hyps[low.bit_length() - 1])
        bits ^= low
    return out


def impact_all(
    a: Analysis, req: dict[str, int], use: dict[str, int], est: dict[str, int]
) -> dict[str, Impact]:
    """``Analysis.impact`` for every assumption at once (one pass over results).

    Same rules: a result falls "by statement" if it requires the assumption, "by
    proof" if it only uses it, and a discharge or witness that establishes it
    does not fall with it.
    """
    out = {h: Impact() for h in a.hyps}
    for n, r in a.roles.items():
        if r in RESULT_ROLES:
            rb = req[n]
            pb = use[n] & ~rb & ~est[n]
            for h in bit_names(rb, a.hyps):
                if h != n:
                    out[h].statement.append(n)
            for h in bit_names(pb, a.hyps):
                if h != n:
                    out[h].proof.append(n)
        else:
            direct = 0
            for t in a.g._succ[n]:
                direct |= a.bit.get(t, 0)
            for h in bit_names(a.bundle.get(n, 0) | direct, a.hyps):
                if h != n:
                    out[h].bundles.append(n)
    for imp in out.values():
        imp.statement.sort()
        imp.proof.sort()
        imp.bundles.sort()
    return out


def collect(s: Session, label: str) -> SiteData:
    """Gather the site's data from a loaded session."""
    p = s.project
    a = s.analysis
    g = s.graph
    lv = levels(g)
    taken: set[str] = set()
    req_bits: dict[str, int] = {}
    use_bits: dict[str, int] = {}
    est_bits: dict[str, int] = {}
    nodes: dict[str, Node] = {}
    for name in sorted(p.decls):
        d = p.decls[name]
        fs = p.file_of(name)
        rb = a.requires_bits(name)
        ub = a.uses_bits(name)
        eb = a.establishes_bits(name)
        req_bits[name] = rb
        use_bits[name] = ub
        est_bits[name] = eb
        nodes[name] = Node(
            name=name,
            role=d.role,
            kind=d.kind,
            module=fs.module,
            file=fs.path,
            line=d.line,
            end_line=d.end_line,
            doc=d.doc,
            meta=dict(d.meta),
            statement=d.statement,
            slug=slug_for(name, taken),
            level=lv.get(name, 0),
            requires=bit_names(rb, a.hyps),
            establishes=bit_names(eb, a.hyps),
            uses=bit_names(ub, a.hyps),
        )
    return SiteData(
        label=label,
        mode=a.mode,
        nodes=nodes,
        graph=g,
        impact=impact_all(a, req_bits, use_bits, est_bits),
    )


def browser_payload(sd: SiteData) -> dict[str, object]:
    """The compact JSON the pages' scripts read (indices instead of repeated names)."""
    names = list(sd.nodes)
    idx = {n: i for i, n in enumerate(names)}
    kinds = sorted({n.kind for n in sd.nodes.values()})
    areas = sorted({n.meta["area"] for n in sd.nodes.values() if n.meta.get("area")})
    statuses = sorted({n.meta["status"] for n in sd.nodes.values() if n.meta.get("status")})
    kind_i = {k: i for i, k in enumerate(kinds)}
    area_i = {k: i for i, k in enumerate(areas)}
    status_i = {k: i for i, k in enumerate(statuses)}
    role_i = {k: i for i, k in enumerate(ROLES)}
    edges: list[int] = []
    for u, v, attrs in sd.graph.edges(data=True):
        edges += (idx[u], idx[v], _POSITION_CODE[attrs["position"]])
    sets: dict[str, list[list[int]]] = {"req": [], "est": [], "use": []}
    for n in sd.nodes.values():
        sets["req"].append([idx[x] for x in n.requires])
        sets["est"].append([idx[x] for x in n.establishes])
        sets["use"].append([idx[x] for x in n.uses])
    return {
        "label": sd.label,
        "mode": sd.mode,
        "roles": list(ROLES),
        "kinds": kinds,
        "areas": areas,
        "statuses": statuses,
        "names": names,
        "role": [role_i.get(n.role, role_i["definition"]) for n in sd.nodes.values()],
        "kind": [kind_i[n.kind] for n in sd.nodes.values()],
        "area": [area_i.get(n.meta.get("area", ""), -1) for n in sd.nodes.values()],
        "status": [status_i.get(n.meta.get("status", ""), -1) for n in sd.nodes.values()],
        "slug": [n.slug for n in sd.nodes.values()],
        "doc": [snippet(n.doc) for n in sd.nodes.values()],
        "level": [n.level for n in sd.nodes.values()],
        "edges": edges,
        **sets,
    }
