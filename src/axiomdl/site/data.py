"""Everything the explorer shows, computed once from a session.

The pages and the browser share one source of truth: :class:`SiteData`. Sets
come from the engine's :class:`~axiomdl.queries.Analysis` (so the site agrees
with ``axiomdl rests-on``); impact is computed for all assumptions in one pass
over the results instead of one pass per assumption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from axiomdl.queries import RESULT_ROLES, Analysis
from axiomdl.session import Session
from axiomdl.witnesses import compute_coverage

ROLES = (
    "assumption",
    "conjecture",
    "discharge",
    "witness",
    "theorem",
    "definition",
    "axiom",
    "separation",
)
HYP_ROLES = ("assumption", "conjecture")
_META_LINE = re.compile(r"^\s*(Area|Status|Evidence|Refs|Probe)\s*:.*$", re.M)
SNIPPET_CHARS = 160


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
    area: str | None = None  # its Area: line, or for results the area of its module
    requires: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)
    uses: list[str] = field(default_factory=list)
    refutes: list[str] = field(default_factory=list)  # a separation's refuted assumptions


@dataclass(slots=True)
class Impact:
    """What falls if an assumption is dropped (same split as ``axiomdl impact``)."""

    statement: list[str] = field(default_factory=list)
    proof: list[str] = field(default_factory=list)
    bundles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Measured:
    """A probe's verdict on one assumption, its plots and the command that reproduces it."""

    text: str
    disagrees: bool
    plots: list[Path] = field(default_factory=list)
    command: str = ""


@dataclass(slots=True)
class SiteData:
    """Nodes, labelled edges and per-assumption impact for one project."""

    label: str
    mode: str
    nodes: dict[str, Node]
    graph: nx.DiGraph
    impact: dict[str, Impact]
    used_by: dict[str, int] = field(default_factory=dict)
    title: str = ""  # what the pages call the project ("deep learning", or its folder name)
    measured: dict[str, Measured] = field(default_factory=dict)
    # Witness status per result (axiomdl.witnesses): joint/single/none-needed/missing.
    witnessed: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # From axiomdl.lattice: (A, B, discharge) for each premise A a discharge needs (not a
    # parameter of B's statement), and (A, B, theorem) for each separation A ⇏ B it states.
    implies: list[tuple[str, str, str]] | None = None
    separates: list[tuple[str, str, str]] = field(default_factory=list)

    def successors(self, name: str) -> list[tuple[str, str]]:
        """(target, position) for what ``name`` uses directly, sorted."""
        return sorted((t, a["position"]) for t, a in self.graph._succ[name].items())

    def predecessors(self, name: str) -> list[tuple[str, str]]:
        """(source, position) for what uses ``name`` directly, sorted."""
        return sorted((s, a["position"]) for s, a in self.graph._pred[name].items())


def doc_body(doc: str | None) -> str:
    """The docstring without its one-per-line metadata (shown in its own table)."""
    if not doc:
        return ""
    return _META_LINE.sub("", doc).strip()


def snippet(doc: str | None) -> str:
    """Plain search text: the docstring body, whitespace collapsed, cut short."""
    return " ".join(doc_body(doc).split())[:SNIPPET_CHARS]


def module_area(module: str, areas: dict[str, str]) -> str | None:
    """The area a module belongs to: the last path component naming a known area.

    ``areas`` maps lower-case area names to their spelling (``AxiomDL.Landscape.GD``
    → ``landscape``); a module outside every area has none.
    """
    for part in reversed(module.split(".")):
        hit = areas.get(part.lower())
        if hit:
            return hit
    return None


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


_NON_SPACE = re.compile(r"\S")
_SPACE = re.compile(r"\s+")


def source_statement(lines: list[str], line: int, statement: str) -> str:
    """The statement as written in the source (line breaks and indentation kept).

    The scanner stores it with whitespace collapsed; the original is the shortest
    source text from ``line`` on with the same non-space characters. If the source
    does not match (edited since the scan), the collapsed statement is returned.
    """
    words = statement.split(" ", 2)
    if len(words) < 2 or not 0 < line <= len(lines):
        return statement
    text = "\n".join(lines[line - 1 : line + 400])
    m = re.search(re.escape(words[0]) + r"\s+" + re.escape(words[1]), text)
    if m is None:
        return statement
    want = len(statement) - statement.count(" ")
    end = None
    for k, c in enumerate(_NON_SPACE.finditer(text, m.start())):
        if k == want - 1:
            end = c.end()
            break
    if end is None:
        return statement
    raw = text[m.start() : end]
    if _SPACE.sub("", raw) != statement.replace(" ", ""):
        return statement
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    return "\n".join(x[indent:] if x[:indent].isspace() else x for x in raw.split("\n"))


def _file_lines(root: Path, path: str, cache: dict[str, list[str]]) -> list[str]:
    if path not in cache:
        f = Path(path) if Path(path).is_absolute() else root / path
        try:
            cache[path] = f.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[path] = []
    return cache[path]


def collect(s: Session, label: str, title: str | None = None) -> SiteData:
    """Gather the site's data from a loaded session."""
    p = s.project
    a = s.analysis
    g = s.graph
    areas = {d.meta["area"].lower(): d.meta["area"] for d in p.decls.values() if d.meta.get("area")}
    req_bits: dict[str, int] = {}
    use_bits: dict[str, int] = {}
    est_bits: dict[str, int] = {}
    nodes: dict[str, Node] = {}
    sources: dict[str, list[str]] = {}
    for name in sorted(p.decls):
        d = p.decls[name]
        fs = p.file_of(name)
        rb = a.requires_bits(name)
        ub = a.uses_bits(name)
        eb = a.establishes_bits(name)
        req_bits[name] = rb
        use_bits[name] = ub
        est_bits[name] = eb
        meta = dict(d.meta)
        nodes[name] = Node(
            name=name,
            role=d.role,
            kind=d.kind,
            module=fs.module,
            file=fs.path,
            line=d.line,
            end_line=d.end_line,
            doc=d.doc,
            meta=meta,
            statement=source_statement(_file_lines(p.root, fs.path, sources), d.line, d.statement),
            area=meta.get("area") or module_area(fs.module, areas),
            requires=bit_names(rb, a.hyps),
            establishes=bit_names(eb, a.hyps),
            uses=bit_names(ub, a.hyps),
        )
    for name, node in nodes.items():
        if node.role == "separation":  # what its model satisfies, and what it refutes
            from axiomdl.lattice.read import separation_sides

            sides = separation_sides(s, name)
            if sides is not None:
                node.establishes, node.refutes = sides
    cov = compute_coverage(s)
    return SiteData(
        label=label,
        mode=a.mode,
        nodes=nodes,
        graph=g,
        impact=impact_all(a, req_bits, use_bits, est_bits),
        used_by=a.used_by(),
        title=title or label,
        witnessed={n: (st, cov.witnesses[n]) for n, st in cov.status.items()},
        **_lattice_edges(s),
    )


def _lattice_edges(s: Session) -> dict[str, list[tuple[str, str, str]]]:
    """The map's arrows from the lattice: discharge premises (a premise that another premise
    implies, such as the space every condition is stated over, is not drawn) and the
    separations a theorem states itself (derived ones are not drawn)."""
    if not s.analysis.hyps:
        return {"implies": [], "separates": []}
    from axiomdl.lattice.build import needed_premises
    from axiomdl.lattice.lint import project_lattice

    data = project_lattice(s)
    implies: set[tuple[str, str, str]] = set()
    for c in data.clauses:
        if c.by is None:
            continue
        eff = needed_premises(data, c)  # None: fewer premises give it through other discharges
        implies.update((p, c.conclusion, c.by) for p in eff or ())
    separates = {
        (x.premise, x.conclusion, x.separation) for x in data.non_impl.values() if not x.derived
    }
    return {"implies": sorted(implies), "separates": sorted(separates)}
