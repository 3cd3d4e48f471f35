"""Graph exports: Graphviz DOT, GraphML (via networkx) and JSON."""

from __future__ import annotations

import io

import networkx as nx

from axiomdl.graph import declaration_model, edge_models
from axiomdl.model import GraphExport
from axiomdl.session import Session

_COLOURS = {
    "assumption": "#d95f02",
    "conjecture": "#7570b3",
    "discharge": "#1b9e77",
    "witness": "#66a61e",
    "separation": "#e31a1c",
    "theorem": "#1f78b4",
    "definition": "#999999",
    "axiom": "#e7298a",
}


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(s: Session) -> str:
    """DOT with kind colours and dashed proof edges."""
    out = [
        "digraph axiomdl {",
        "  rankdir=LR;",
        "  node [shape=box, style=filled, fontname=Helvetica];",
    ]
    for n, data in sorted(s.graph.nodes(data=True)):
        role = data.get("role", "definition")
        out.append(
            f"  {_q(n)} [label={_q(n + chr(10) + role)}, fillcolor={_q(_COLOURS.get(role, '#ffffff'))}];"
        )
    for u, v, a in sorted(s.graph.edges(data=True)):
        style = "solid" if a["label"] == "statement" else "dashed"
        out.append(f"  {_q(u)} -> {_q(v)} [style={style}, label={_q(a['position'])}];")
    out.append("}")
    return "\n".join(out) + "\n"


def to_graphml(s: Session) -> str:
    """GraphML, with node role/kind/file/line and edge label/position/provenance."""
    g = nx.DiGraph()
    for n, data in s.graph.nodes(data=True):
        d = s.project.decls[n]
        g.add_node(
            n,
            role=data.get("role", ""),
            kind=data.get("kind", ""),
            file=s.project.file_of(n).path,
            line=d.line,
        )
    for u, v, a in s.graph.edges(data=True):
        g.add_edge(u, v, **a)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    return buf.getvalue().decode("utf-8")


def to_json_model(s: Session) -> GraphExport:
    """The graph as a pydantic payload."""
    nodes = [declaration_model(s.project, n) for n in sorted(s.graph.nodes)]
    return GraphExport(mode=s.analysis.mode, nodes=nodes, edges=edge_models(s.graph))  # type: ignore[arg-type]
