"""The explorer's data files: one small index, the edge list, and declaration shards.

Pages are a few fixed HTML shells; everything about a declaration is read from
``data/d/K.js`` when it is shown. Each data file is a script, not JSON, because a
page opened from ``file://`` may load a script but may not ``fetch()`` a file.
The JSON travels inside ``JSON.parse("…")``: parsing a string is faster than
compiling an object literal of the same size, and the text can never run as code.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from axiomdl.site.data import HYP_ROLES, ROLES, Node, SiteData, doc_body, snippet
from axiomdl.weakest import summary, weakness

SHARD = 400  # declarations per shard file: one shard is a few hundred kB at most
LIST_CAP = 200  # longer lists in a declaration view say "… and N more"
POSITION_CODE = {"hypothesis": 0, "conclusion": 1, "value": 2}


def script(var_or_call: str, value: object) -> str:
    """``window.X = JSON.parse("…");`` or ``f(k, JSON.parse("…"));`` for a value."""
    text = json.dumps(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    # A "</script>" inside the text cannot end anything (this file is not inline HTML),
    # but U+2028/2029 were not valid in JS string literals before ES2019: escape them.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if "(" in var_or_call:
        return f"{var_or_call}JSON.parse({text}));\n"
    return f"{var_or_call} = JSON.parse({text});\n"


def implies_edges(sd: SiteData, idx: dict[str, int]) -> list[list[int]]:
    """``[A, B, D]``: discharge D needs A and establishes B, so "A implies B" (read by
    ``axiomdl.lattice``; without it, every requirement of D counts)."""
    if sd.implies is not None:
        return sorted([idx[a], idx[b], idx[d]] for a, b, d in sd.implies)
    out = []
    for n in sd.nodes.values():
        if n.role != "discharge":
            continue
        for a in n.requires:
            for b in n.establishes:
                if a != b:
                    out.append([idx[a], idx[b], idx[n.name]])
    out.sort()
    return out


def core_payload(sd: SiteData, repo_url: str | None) -> dict[str, object]:
    """What every page needs: names, kinds, areas, statuses, requires sets, the map's edges."""
    nodes = list(sd.nodes.values())
    idx = {n.name: i for i, n in enumerate(nodes)}
    kinds = sorted({n.kind for n in nodes})
    areas = sorted({n.area for n in nodes if n.area})
    statuses = sorted({n.meta["status"] for n in nodes if n.meta.get("status")})
    kind_i = {k: i for i, k in enumerate(kinds)}
    area_i = {k: i for i, k in enumerate(areas)}
    status_i = {k: i for i, k in enumerate(statuses)}
    role_i = {k: i for i, k in enumerate(ROLES)}
    status_of = {n.name: n.meta.get("status") for n in nodes if n.role in HYP_ROLES}
    hyps = [i for i, n in enumerate(nodes) if n.role in HYP_ROLES]
    return {
        "label": sd.label,
        "title": sd.title,
        "mode": sd.mode,
        "repoUrl": repo_url or "",
        "shard": SHARD,
        "roles": list(ROLES),
        "kinds": kinds,
        "areas": areas,
        "statuses": statuses,
        "names": [n.name for n in nodes],
        "role": [role_i.get(n.role, role_i["definition"]) for n in nodes],
        "kind": [kind_i[n.kind] for n in nodes],
        "area": [area_i.get(n.area or "", -1) for n in nodes],
        "status": [status_i.get(n.meta.get("status", ""), -1) for n in nodes],
        "doc": [snippet(n.doc) for n in nodes],
        "req": [[idx[x] for x in n.requires] for n in nodes],
        "weak": [weakness(status_of.get(x) for x in n.requires) for n in nodes],
        "hyps": hyps,
        "reqBy": [len(sd.impact[nodes[i].name].statement) for i in hyps],
        "usedBy": [sd.used_by.get(nodes[i].name, 0) for i in hyps],
        "implies": implies_edges(sd, idx),
        "separates": [[idx[a], idx[b], idx[t]] for a, b, t in sd.separates],
        "measured": {
            str(idx[name]): [m.text, m.disagrees] for name, m in sorted(sd.measured.items())
        },
    }


def edge_list(sd: SiteData, idx: dict[str, int]) -> list[int]:
    """Every edge as flat ``source, target, position-code`` triples."""
    out: list[int] = []
    for u, v, attrs in sd.graph.edges(data=True):
        out += (idx[u], idx[v], POSITION_CODE[attrs["position"]])
    return out


def _capped(items: list, key: str, rec: dict[str, object]) -> None:
    rec[key] = items[:LIST_CAP]
    if len(items) > LIST_CAP:
        rec["n" + key] = len(items)


def record(
    sd: SiteData, n: Node, idx: dict[str, int], plot_urls: dict[str, list[str]]
) -> dict[str, object]:
    """One declaration view's facts. Adding a row of facts = one more key here and in decl.js."""
    rec: dict[str, object] = {
        "m": n.module,
        "f": n.file,
        "l": n.line,
        "e": n.end_line,
        "s": n.statement,
        "d": doc_body(n.doc),
    }
    meta = {k: n.meta[k] for k in ("evidence", "refs", "probe") if n.meta.get(k)}
    if meta:
        rec["meta"] = meta
    if n.establishes:
        rec["est"] = [idx[x] for x in n.establishes]
    if n.refutes:
        rec["ref"] = [idx[x] for x in n.refutes]
    _capped([idx[x] for x in n.uses], "use", rec)
    _capped([[idx[t], POSITION_CODE[p]] for t, p in sd.successors(n.name)], "out", rec)
    _capped([[idx[s], POSITION_CODE[p]] for s, p in sd.predecessors(n.name)], "in", rec)
    if n.role in HYP_ROLES:
        imp = sd.impact[n.name]
        parts: dict[str, object] = {}
        for key, items in (("s", imp.statement), ("p", imp.proof), ("b", imp.bundles)):
            _capped([idx[x] for x in items], key, parts)
        rec["imp"] = parts
        m = sd.measured.get(n.name)
        if m:
            rec["ms"] = {"t": m.text, "x": m.disagrees, "plots": plot_urls.get(n.name, [])}
            if m.command:
                rec["ms"]["cmd"] = m.command
    else:
        rec["w"] = summary(sd.nodes[x].meta.get("status") for x in n.requires)
        wit = sd.witnessed.get(n.name)
        if wit is not None:
            rec["wit"] = {"s": wit[0], "by": [idx[x] for x in wit[1] if x in idx]}
    return rec


def shards(
    sd: SiteData, plot_urls: dict[str, list[str]]
) -> Iterator[tuple[int, list[dict[str, object]]]]:
    """(shard number, records) in name order; declaration i lives in shard i // SHARD."""
    nodes = list(sd.nodes.values())
    idx = {n.name: i for i, n in enumerate(nodes)}
    for k in range(0, len(nodes), SHARD):
        yield k // SHARD, [record(sd, n, idx, plot_urls) for n in nodes[k : k + SHARD]]


def write_data(
    sd: SiteData,
    root: Path,
    repo_url: str | None,
    plot_urls: dict[str, list[str]],
    tick: Callable[[int], None] | None = None,
) -> int:
    """Write ``data/index.js``, ``data/edges.js`` and ``data/d/K.js``; return the shard count."""
    data = root / "data"
    (data / "d").mkdir(parents=True)
    idx = {name: i for i, name in enumerate(sd.nodes)}
    (data / "index.js").write_text(
        script("window.AXIOMDL_SITE", core_payload(sd, repo_url)), encoding="utf-8"
    )
    (data / "edges.js").write_text(
        script("window.AXIOMDL_EDGES", edge_list(sd, idx)), encoding="utf-8"
    )
    count = 0
    for k, recs in shards(sd, plot_urls):
        (data / "d" / f"{k}.js").write_text(script(f"axiomdlShard({k}, ", recs), encoding="utf-8")
        count += 1
        if tick:
            tick(len(recs))
    return count
