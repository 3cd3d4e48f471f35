"""The lattice as text, Markdown and Graphviz DOT (JSON is the model's own dump)."""

from __future__ import annotations

from collections import defaultdict

from axiomdl.lattice.models import BasisDerivation, BasisMember, LatticeResult, MinimalBasis


def short(name: str) -> str:
    """Names of the bundled library without their ``AxiomDL.`` prefix."""
    return name.removeprefix("AxiomDL.")


def _chain(via: list[str]) -> str:
    return " → ".join(short(v) for v in via)


def headline(r: LatticeResult) -> str:
    """One line of counts."""
    imp = [i for i in r.implications if not i.presupposed]
    proved = sum(1 for x in r.non_implications if not x.derived)
    line = (
        f"{_n(len(r.assumptions), 'assumption')} and conjectures; "
        f"{_n(len(imp), 'implication')} ({sum(1 for i in imp if i.chain)} through a chain), "
        f"{len(r.joint)} joint; {_n(len(r.separations), 'separation')} ({proved} pairs proved, "
        f"{len(r.non_implications) - proved} derived); {_n(r.open_total, 'open pair')} within "
        f"areas, {r.cross_area_undecided} undecided across areas"
    )
    if r.conflicts:
        line += f"; {_n(len(r.conflicts), 'CONFLICT')}"
    return line


def _n(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


def lattice_text(r: LatticeResult) -> str:
    """The plain-text listing of ``axiomdl lattice``."""
    out = [f"axiomdl lattice ({r.mode} mode) — {r.project}", headline(r), ""]
    imp = [i for i in r.implications if not i.presupposed]
    out.append("Implications (A ⇒ B by proved discharges; a chain lists each step)")
    width = max((len(short(i.premise)) + len(short(i.conclusion)) for i in imp), default=0) + 3
    out += [
        f"  {(short(i.premise) + ' ⇒ ' + short(i.conclusion)).ljust(width)}  {_chain(i.via)}"
        for i in imp
    ] or ["  none"]
    if r.joint:
        out += ["", "Joint implications (every premise is needed)"]
        rows = [
            (" ∧ ".join(short(p) for p in j.premises) + " ⇒ " + short(j.conclusion), j.by)
            for j in r.joint
        ]
        width = max(len(a) for a, _ in rows)
        out += [f"  {a.ljust(width)}  {short(by)}" for a, by in rows]
    params: dict[str, list[str]] = defaultdict(list)
    for n in r.assumptions:
        for q in n.presupposes:
            params[q].append(n.name)
    if params:
        out += ["", "Presupposed parameters (A's statement takes a B, so A ⇒ B)"]
        out += [
            f"  {short(q)}: a parameter of {len(ns)} ({', '.join(short(x) for x in ns[:4])}"
            + (", …)" if len(ns) > 4 else ")")
            for q, ns in sorted(params.items())
        ]
    out += ["", "Separations (A ⇏ B: one model satisfies A and refutes B)"]
    if not r.separations:
        out.append("  none proved")
    for s in r.separations:
        given = f" (given {', '.join(short(x) for x in s.requires)})" if s.requires else ""
        out.append(
            f"  {' ∧ '.join(short(x) for x in s.holds)} ⇏ "
            f"{', '.join(short(x) for x in s.fails)}  {short(s.name)}{given}"
        )
    derived = [x for x in r.non_implications if x.derived]
    if derived:
        out += [
            "",
            f"Derived separations ({len(derived)}: the model also satisfies what its A implies "
            "and refutes what implies its B)",
        ]
        out += [
            f"  {short(x.premise)} ⇏ {short(x.conclusion)}  from {short(x.separation)}"
            + (f" via {_chain(x.via)}" if x.via else "")
            for x in derived
        ]
    out += [
        "",
        f"Pairs by area: row A, column B — ⇒ proved, ⇏ separated, ? open ({r.open_total} open; "
        f"{r.cross_area_undecided} pairs across areas are undecided and not shown)",
    ]
    for area, names in _areas(r):
        out += ["", f"  {area}:", *_matrix(r, names)]
    if r.conflicts:
        out += ["", f"CONFLICTS ({len(r.conflicts)}): a separation refutes what its model implies"]
        out += [
            f"  {c.file}:{c.line}: {short(c.separation)} refutes {short(c.fails)}, but "
            f"{' ∧ '.join(short(h) for h in c.holds)} ⇒ {short(c.fails)} via {_chain(c.via)}"
            for c in r.conflicts
        ]
    if r.notes:
        out += ["", "Not used by the lattice"]
        out += [
            f"  {n.file}:{n.line}: {'error' if n.code else 'note'}: {short(n.name)}: {n.reason}"
            for n in r.notes
        ]
    return "\n".join(out) + "\n"


def _areas(r: LatticeResult) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for n in r.assumptions:
        groups[n.area or "no area"].append(n.name)
    return sorted(groups.items())


def cell(r: LatticeResult) -> dict[tuple[str, str], str]:
    """Each decided ordered pair: ``⇒`` (implied) or ``⇏`` (separated)."""
    out = {(i.premise, i.conclusion): "⇒" for i in r.implications}
    out.update({(x.premise, x.conclusion): "⇏" for x in r.non_implications})
    return out


def _matrix(r: LatticeResult, names: list[str]) -> list[str]:
    cells = cell(r)
    width = max(len(short(n)) for n in names)
    head = " " * (width + 8) + " ".join(f"{k % 100:>2}" for k in range(1, len(names) + 1))
    rows = [head]
    for i, a in enumerate(names, 1):
        marks = " ".join(f"{'·' if a == b else cells.get((a, b), '?'):>2}" for b in names)
        rows.append(f"   {i:>3} {short(a).ljust(width)} {marks}")
    return rows


def lattice_md(r: LatticeResult) -> str:
    """Markdown: the same sections, as tables."""
    out = [f"# axiomdl lattice ({r.mode} mode)", "", headline(r) + ".", ""]
    out += lattice_md_sections(r, level=2)
    return "\n".join(out) + "\n"


def lattice_md_sections(r: LatticeResult, level: int = 2) -> list[str]:
    """The Markdown sections (shared with the catalogue)."""
    h = "#" * level
    imp = [i for i in r.implications if not i.presupposed]
    out = [f"{h} Implications", "", "| A | ⇒ B | by |", "|---|---|---|"]
    out += [f"| `{short(i.premise)}` | `{short(i.conclusion)}` | {_md_via(i.via)} |" for i in imp]
    if not imp:
        out.append("| – | – | none proved |")
    if r.joint:
        out += ["", "Joint implications (every premise is needed):", ""]
        out += [
            f"- {' ∧ '.join(f'`{short(p)}`' for p in j.premises)} ⇒ `{short(j.conclusion)}` "
            f"(`{short(j.by)}`)"
            for j in r.joint
        ]
    out += ["", f"{h} Separations", ""]
    if r.separations:
        out += ["| model satisfies | and refutes | theorem |", "|---|---|---|"]
        out += [
            f"| {', '.join(f'`{short(x)}`' for x in s.holds)} | "
            f"{', '.join(f'`{short(x)}`' for x in s.fails)} | `{short(s.name)}` |"
            for s in r.separations
        ]
        derived = [x for x in r.non_implications if x.derived]
        if derived:
            out += ["", f"Derived ({len(derived)}):", ""]
            out += [
                f"- `{short(x.premise)}` ⇏ `{short(x.conclusion)}` from `{short(x.separation)}`"
                + (f" via {_md_via(x.via)}" if x.via else "")
                for x in derived
            ]
    else:
        out.append("None proved yet.")
    out += [
        "",
        f"{h} Open pairs",
        "",
        f"{r.open_total} ordered pairs of the same area have neither A ⇒ B nor A ⇏ B proved "
        f"({r.cross_area_undecided} more across areas are not listed).",
        "",
    ]
    out.append("Row A, column B: ⇒ proved, ⇏ separated (proved or derived), ? open.")
    cells = cell(r)
    for area, names in _areas(r):
        out += ["", f"*{area}*", ""]
        out.append("| A \\ B | " + " | ".join(str(k) for k in range(1, len(names) + 1)) + " |")
        out.append("|---" * (len(names) + 1) + "|")
        for i, a in enumerate(names, 1):
            marks = " | ".join("·" if a == b else cells.get((a, b), "?") for b in names)
            out.append(f"| {i} `{short(a)}` | {marks} |")
    if r.conflicts:
        out += ["", f"{h} Conflicts", ""]
        out += [
            f"- `{short(c.separation)}` refutes `{short(c.fails)}`, which its model implies "
            f"via {_md_via(c.via)}"
            for c in r.conflicts
        ]
    return out


def _md_via(via: list[str]) -> str:
    return " → ".join(f"`{short(v)}`" for v in via)


def basis_md(b: MinimalBasis, level: int = 2, counts: bool = True) -> list[str]:
    """The minimal basis as Markdown (report and catalogue; the catalogue holds no counts,
    which would go stale with every new theorem)."""
    head = (
        basis_headline(b)
        if counts
        else "The fewest of the assumptions the theorems require from which the others follow "
        "by proved discharges or as parameters" + ("" if b.exact else " (greedy: an upper bound)")
    )
    out = [
        f"{'#' * level} Minimal basis",
        "",
        head + ".",
        "",
        "| member | area | independent of the other members of its area |",
        "|---|---|---|",
    ]
    out += [f"| `{short(m.name)}` | {m.area or '-'} | {_independence(m)} |" for m in b.members]
    if b.derived:
        out += ["", "Derived from the basis:", ""]
        out += [f"- `{short(d.name)}`: {_derivation(d)}" for d in b.derived]
    return out


def basis_headline(b: MinimalBasis) -> str:
    """``7 of the 23 required assumptions (exact minimum) …``."""
    kind = (
        "exact minimum"
        if b.exact
        else f"greedy: an upper bound; no basis has fewer than {b.lower_bound}"
    )
    line = (
        f"{len(b.members)} of the {len(b.required)} assumptions the theorems require ({kind}); "
        f"the other {len(b.derived)} follow by proved discharges or as parameters"
    )
    if b.choices:
        line += f"; {len(b.choices)} part(s) have several equally small choices"
    return line


def _independence(m: BasisMember) -> str:
    if m.independence == "proved":
        return "proved by " + ", ".join(short(x) for x in m.by)
    if m.independence == "alone-in-area":
        return "only member of its area"
    if m.not_implied_by:
        return (
            "not shown jointly; not implied by "
            + ", ".join(short(x) for x in m.not_implied_by)
            + f" (pairwise), open against {m.undecided_count}"
        )
    return "not shown (no separation refutes it)"


def _derivation(d: BasisDerivation) -> str:
    src = " ∧ ".join(short(x) for x in d.members)
    if d.presupposed:
        return f"a parameter of {src}"
    return f"from {src} via {_chain(d.via)}"


def basis_lines(b: MinimalBasis) -> list[str]:
    """The minimal basis as plain text lines (the report's text section)."""
    out = ["Minimal basis: " + basis_headline(b)]
    width = max((len(short(m.name)) for m in b.members), default=0)
    out += [
        f"  {short(m.name).ljust(width)}  {m.area or '-'}: {_independence(m)}" for m in b.members
    ]
    out += [f"  ⇐ {short(d.name)}: {_derivation(d)}" for d in b.derived]
    for part in b.choices:
        out.append("  equally small: " + " | ".join(", ".join(short(x) for x in c) for c in part))
    return out


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


STATUS_FILL = {
    "established": "#9BD8BE",
    "plausible": "#9CC8EA",
    "contested": "#F5CC7A",
    "refuted-in-regime": "#F0A07A",
}


def lattice_dot(r: LatticeResult) -> str:
    """Graphviz: discharges as solid arrows (joint ones through a ∧ node), proved
    separations as dashed red ``⊣`` arrows. Presupposed parameters are left out."""
    used: set[str] = set()
    edges: list[str] = []
    for k, j in enumerate(r.joint):
        node = f"and{k}"
        edges.append(f'  {node} [label="∧", shape=circle, width=0.25, fixedsize=true];')
        for p in j.premises:
            edges.append(f"  {_q(p)} -> {node} [arrowhead=none];")
            used.add(p)
        edges.append(f"  {node} -> {_q(j.conclusion)} [tooltip={_q(short(j.by))}];")
        used.add(j.conclusion)
    for i in r.implications:
        if i.presupposed or i.chain:
            continue
        edges.append(f"  {_q(i.premise)} -> {_q(i.conclusion)} [tooltip={_q(_chain(i.via))}];")
        used.update((i.premise, i.conclusion))
    for x in r.non_implications:
        if x.derived:
            continue
        edges.append(
            f'  {_q(x.premise)} -> {_q(x.conclusion)} [style=dashed, color="#C0392B", '
            f"arrowhead=tee, tooltip={_q('not implied: ' + short(x.separation))}];"
        )
        used.update((x.premise, x.conclusion))
    out = [
        "digraph lattice {",
        "  rankdir=BT;",
        '  node [shape=box, style="rounded,filled", fontname=Helvetica];',
        "  // solid: A ⇒ B (a discharge); dashed red ⊣: A ⇏ B (a separation)",
    ]
    for n in r.assumptions:
        if n.name in used:
            fill = STATUS_FILL.get(n.status or "", "#FFFFFF")
            out.append(f"  {_q(n.name)} [label={_q(short(n.name))}, fillcolor={_q(fill)}];")
    return "\n".join(out + edges + ["}"]) + "\n"
