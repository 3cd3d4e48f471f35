"""Exact mode: turn an export into graph edges with provenance ``exact``, and compare modes.

Edge rules (docs/lean-backend.md):

* constants of the *type* are ``statement`` edges. The exporter splits the type into
  binder domains (``hypothesis``) and what is left after the binders (``conclusion``).
  A record without that split (older or hand-written exports) falls back to the static
  scan: a name the scanner placed in the conclusion stays there, anything else is a
  ``hypothesis``;
* constants in the constructors' types of a structure/class/inductive (its fields) are
  ``statement``/``conclusion`` edges, the scanner's convention for fields;
* constants of the *value* (definitions, theorems and opaques alike) are ``proof``/``value``
  edges.

A used constant that is not a declaration of the graph is attributed to the longest
prefix that is (``PL.mk`` and ``PL.bound`` belong to ``PL``); one with no such prefix is
outside the project and dropped. An exported declaration the scanner did not see (an
auto-named instance, say) adds no node, so that every node keeps its source position;
``axiomdl compare`` lists it. A static declaration that has no record in the export
(an ``example``, which Lean never adds to the environment) keeps its static edges, marked
``static``; ``axiomdl compare`` lists those declarations.
"""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx

from axiomdl.errors import EXIT_NO_LEAN, AxiomdlError
from axiomdl.graph import edge_attrs
from axiomdl.lean.export import Export, export_path, load_export, run_export
from axiomdl.lean.models import CompareResult, EdgeDelta
from axiomdl.lean.toolchain import discover, lake_root, missing_message
from axiomdl.scan.project import Project

_RANK = {"hypothesis": 0, "conclusion": 1, "value": 2}


class Resolver:
    """Map exported constant names to graph nodes (exact name, else longest node prefix)."""

    def __init__(self, nodes: set[str]) -> None:
        self.nodes = nodes
        self._memo: dict[str, str | None] = {}

    def __call__(self, name: str) -> str | None:
        hit = self._memo.get(name, "")
        if hit != "":
            return hit
        cur = name
        out = None
        while True:
            if cur in self.nodes:
                out = cur
                break
            if "." not in cur:
                break
            cur = cur.rsplit(".", 1)[0]
        self._memo[name] = out
        return out


def _add(g: nx.DiGraph, u: str, v: str, label: str, pos: str, prov: str = "exact") -> None:
    if u == v:
        return
    cur = g._succ[u].get(v)
    if cur is not None and _RANK[cur["position"]] <= _RANK[pos]:
        return
    a = edge_attrs(label, pos, prov)
    g._succ[u][v] = a
    g._pred[v][u] = a


def exact_graph(project: Project, static_g: nx.DiGraph, export: Export) -> nx.DiGraph:
    """The graph whose edges come from the compiled environment."""
    g = nx.DiGraph()
    g.add_nodes_from(static_g.nodes(data=True))
    static_nodes = set(static_g.nodes)
    owner_of = Resolver(static_nodes)
    owners: dict[str, list[str]] = {}
    for name in export.decls:
        o = owner_of(name)
        if o is not None:  # unknown to the scanner: listed by `compare`, not a node
            owners.setdefault(o, []).append(name)
    resolve = Resolver(set(g.nodes))
    for o, names in owners.items():
        refs = project.refs.get(o)
        for name in names:
            d = export.decls[name]
            if d.type_hyp_consts is not None and d.type_concl_consts is not None:
                hyp = {t for t in map(resolve, d.type_hyp_consts) if t}
                concl = {t for t in map(resolve, d.type_concl_consts) if t} - hyp
            else:
                typ = {t for t in map(resolve, d.type_consts) if t}
                static_concl = refs.concl if refs else set()
                concl = {t for t in typ if t in static_concl}
                hyp = typ - concl
            fields = {t for t in map(resolve, d.field_consts) if t} - hyp
            value = {t for t in map(resolve, d.value_consts) if t}
            for t in hyp:
                _add(g, o, t, "statement", "hypothesis")
            for t in concl | fields:
                _add(g, o, t, "statement", "conclusion")
            for t in value:
                _add(g, o, t, "proof", "value")
    for n in static_nodes - set(owners):
        for t, a in static_g._succ[n].items():
            _add(g, n, t, a["label"], a["position"], "static")
    return g


def load_exact(
    project: Project,
    static_g: nx.DiGraph,
    path: Path | None,
    exact: Path | bool,
    *,
    quiet: bool = False,
) -> tuple[nx.DiGraph, Export]:
    """Read (or produce, when Lean is installed) the export and build the exact graph."""
    root = lake_root(path)
    if isinstance(exact, Path):
        ep = exact
        if not ep.is_file():
            raise AxiomdlError("no such export file", file=ep)
    else:
        ep = export_path(root)
        if not ep.is_file():
            tc = discover(root)
            if not tc.usable:
                raise AxiomdlError(
                    missing_message(tc, f"--exact (no cached export at {ep})")
                    + "; or run `axiomdl export` on a machine with Lean and pass "
                    "--export-file FILE",
                    exit_code=EXIT_NO_LEAN,
                )
            from axiomdl.lean import proc

            def say(line: str) -> None:
                if not quiet:
                    print(line, file=sys.stderr, flush=True)

            done = proc.run([str(tc.lake), "build"], cwd=root, timeout=3600, on_line=say)
            if done.returncode != 0:
                raise AxiomdlError(
                    "`lake build` failed; run `axiomdl build` for diagnostics", file=root
                )
            ep, _ = run_export(tc, root, [f.module for f in project.files], progress=say)
        elif not quiet:
            newest = max(
                (
                    (project.root / f.path).stat().st_mtime
                    for f in project.files
                    if (project.root / f.path).is_file()
                ),
                default=0.0,
            )
            if newest > ep.stat().st_mtime:
                print(
                    f"axiomdl: warning: {ep} is older than the sources; run `axiomdl export`",
                    file=sys.stderr,
                )
    export = load_export(ep)
    export.warn(quiet)
    return exact_graph(project, static_g, export), export


def compare(
    project: Project,
    static_g: nx.DiGraph,
    export: Export,
    label: str = "",
    exact_g: nx.DiGraph | None = None,
) -> CompareResult:
    """Edges found by only one mode, over the declarations both modes know."""
    if exact_g is None:
        exact_g = exact_graph(project, static_g, export)
    owner_of = Resolver(set(static_g.nodes))
    owned = {owner_of(n) for n in export.decls} - {None}
    stat = {
        (u, v): (a["label"], a["position"]) for u, v, a in static_g.edges(data=True) if u in owned
    }
    exa = {
        (u, v): (a["label"], a["position"])
        for u, v, a in exact_g.edges(data=True)
        if a["provenance"] == "exact" and u in owned
    }
    common = stat.keys() & exa.keys()

    def deltas(keys: set[tuple[str, str]], src: dict) -> list[EdgeDelta]:
        return [  # model_construct: the values come from our own graph, already valid
            EdgeDelta.model_construct(
                source=u, target=v, label=src[(u, v)][0], position=src[(u, v)][1]
            )
            for u, v in sorted(keys)
        ]

    relabelled = {k for k in common if stat[k] != exa[k]}
    not_exported = sorted(
        n for n in static_g.nodes if n not in owned and not n.startswith("example@")
    )
    only_exported = sorted(n for n in export.decls if owner_of(n) is None)
    return CompareResult(
        project=label,
        static_edges=len(stat),
        exact_edges=len(exa),
        common_edges=len(common),
        only_static=deltas(set(stat) - set(exa), stat),
        only_exact=deltas(set(exa) - set(stat), exa),
        relabelled=deltas(relabelled, exa),
        not_exported=not_exported,
        only_exported=only_exported,
        precision=round(len(common) / len(stat), 4) if stat else None,
        recall=round(len(common) / len(exa), 4) if exa else None,
    )


def compare_text(c: CompareResult) -> str:
    """Human-readable compare output."""
    out = [
        f"static edges: {c.static_edges}  exact edges: {c.exact_edges}  common: {c.common_edges}"
        + (f"  precision {c.precision:.3f}" if c.precision is not None else "")
        + (f"  recall {c.recall:.3f}" if c.recall is not None else "")
        + "\n"
    ]
    for title, rows in (
        ("only in static (the scanner guessed an edge Lean does not have)", c.only_static),
        ("only in exact (the scanner missed it)", c.only_exact),
        ("same edge, different label/position (exact shown)", c.relabelled),
    ):
        out.append(f"\n{title}: {len(rows)}\n")
        out.extend(f"  {e.source} -> {e.target}  [{e.label}/{e.position}]\n" for e in rows)
    if c.not_exported:
        out.append(f"\nscanned but not in the export: {len(c.not_exported)}\n")
        out.extend(f"  {n}\n" for n in c.not_exported)
    if c.only_exported:
        out.append(f"\nexported but not scanned: {len(c.only_exported)}\n")
        out.extend(f"  {n}\n" for n in c.only_exported)
    return "".join(out)
