"""A deterministic synthetic project (N declarations, E edges) for the explorer's benchmark.

It builds the scanner's own records (RawDecl, FileScan, Refs) and runs them
through the real graph builder and analysis, so the site generator sees exactly
what it sees for a scanned Lean project, only larger.
"""

from __future__ import annotations

import random
from pathlib import Path

from axiomdl.graph import build_graph
from axiomdl.queries import Analysis
from axiomdl.scan.project import Project, Refs
from axiomdl.scan.records import FileScan, RawDecl
from axiomdl.session import Session

_AREAS = ("landscape", "expressivity", "generalization", "foundations")
_STATUSES = ("established", "plausible", "contested", "refuted-in-regime")
_SHARE = (  # (role, Lean kind, fraction of nodes)
    ("assumption", "structure", 0.05),
    ("conjecture", "def", 0.005),
    ("definition", "def", 0.06),
    ("discharge", "theorem", 0.03),
    ("witness", "example", 0.04),
)


def synthetic_session(n_nodes: int = 5000, n_edges: int = 20000, seed: int = 7) -> Session:
    """A session over a random layered DAG with the library's mix of kinds."""
    rng = random.Random(seed)
    roles: list[tuple[str, str]] = []
    for role, kind, frac in _SHARE:
        roles += [(role, kind)] * max(1, int(n_nodes * frac))
    roles += [("theorem", "theorem")] * (n_nodes - len(roles))
    names = [f"Synth.M{i // 50:03d}.{role[:3]}_{i}" for i, (role, _) in enumerate(roles)]
    n_hyp = sum(1 for r, _ in roles if r in ("assumption", "conjecture"))
    refs = {n: Refs() for n in names}
    edges: set[tuple[int, int]] = set()
    cap = sum(i for i in range(n_nodes))
    if n_edges > cap:
        raise ValueError(f"a DAG on {n_nodes} nodes has at most {cap} edges")
    while len(edges) < n_edges:
        u = rng.randrange(1, n_nodes)
        # Prefer nearby and foundational targets, as real libraries do.
        v = rng.randrange(0, n_hyp) if u >= n_hyp and rng.random() < 0.35 else rng.randrange(0, u)
        if (u, v) in edges:
            continue
        edges.add((u, v))
        r = rng.random()
        role_u = roles[u][0]
        if role_u in ("discharge", "witness") and v < n_hyp and r < 0.5:
            refs[names[u]].concl.add(names[v])
        elif r < 0.65:
            refs[names[u]].hyp.add(names[v])
        else:
            refs[names[u]].proof.add(names[v])
    files: list[FileScan] = []
    decls: dict[str, RawDecl] = {}
    decl_file: dict[str, int] = {}
    for i, (name, (role, kind)) in enumerate(zip(names, roles, strict=True)):
        if i % 50 == 0:
            mod = f"Synth.M{i // 50:03d}"
            files.append(FileScan(path=mod.replace(".", "/") + ".lean", module=mod))
        short = name.rsplit(".", 1)[1]
        r = refs[name]
        binders = " ".join(
            f"(h{k} : {t.rsplit('.', 1)[1]} f c)" for k, t in enumerate(sorted(r.hyp)[:6])
        )
        concl = " ∧ ".join(t.rsplit(".", 1)[1] + " f c" for t in sorted(r.concl)[:3]) or "f c ≤ c"
        meta: dict[str, str] = {}
        doc = f"Result {i}: a *synthetic* statement about `{short}`; see [notes](https://example.org/{i})."
        if role in ("assumption", "conjecture"):
            meta = {
                "area": _AREAS[i % 4],
                "status": _STATUSES[(i // 4) % 4],
                "evidence": f"Synthetic evidence line {i}.",
                "refs": f"Author {i % 17}, *Paper {i}* (2024).",
            }
            doc = f"{role.capitalize()}: synthetic property {i} of the loss.\n" + "\n".join(
                f"{k.capitalize()}: {v}" for k, v in meta.items()
            )
        d = RawDecl(
            name=name,
            kind=kind,
            line=1 + (i % 50) * 12,
            end_line=8 + (i % 50) * 12,
            ctx=0,
            role=role,
            doc=doc,
            meta=meta,
            statement=f"{kind} {short} {{K : Type}} (f : K → K) (c : K) {binders} : {concl}",
        )
        files[-1].decls.append(d)
        decls[name] = d
        decl_file[name] = len(files) - 1
    project = Project(Path("synthetic"), files, decls, decl_file, refs)
    g = build_graph(project)
    return Session(project, g, Analysis(g))
