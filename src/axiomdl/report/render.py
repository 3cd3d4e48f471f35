"""Render payloads as rich text tables or Markdown (JSON is the models' own dump)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from axiomdl.model import (
    AssumptionRow,
    DiffResult,
    ImpactResult,
    LintResult,
    Report,
    RestsOn,
    TheoremRow,
    WhyResult,
)
from axiomdl.probes.evidence import disagrees
from axiomdl.report.limits import SUMMARY_THRESHOLD

if TYPE_CHECKING:  # rich costs ~40 ms at start-up; rests-on and why never need it
    from rich.console import Console


def escape(text: str) -> str:
    """rich's markup escape, imported when a rich rendering needs it."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _short(name: str) -> str:
    return name.removeprefix("AxiomDL.")


def _established(names: list[str]) -> str:
    """How many discharges/witnesses establish it."""
    return str(len(names)) if names else "-"


def console_text(render, width: int = 150, color: bool = False) -> str:
    """Render through rich into a plain string (no colour unless asked)."""
    from rich.console import Console

    buf = io.StringIO()
    con = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False)
    render(con)
    return buf.getvalue()


def _has_measured(r: Report) -> bool:
    return any(a.measured for a in r.assumptions + r.conjectures)


def _measured_cell(a: AssumptionRow) -> str:
    """Measured verdict for the text table; a disagreement with Status is marked ⚠."""
    if not a.measured:
        return "-"
    text = escape(a.measured.split(" (", 1)[0])  # the verdict; JSON/Markdown keep the source
    return f"[bold red]⚠ {text}[/bold red]" if disagrees(a.status, a.measured) else text


def _measured_md(a: AssumptionRow) -> str:
    if not a.measured:
        return "-"
    return f"**⚠ {a.measured}**" if disagrees(a.status, a.measured) else a.measured


SUMMARY_TOP = 50  # how many (those with the largest requires sets)


def report_text(r: Report, con: Console, *, show_all: bool = False) -> None:
    """Text report: counts, assumptions, results with requires sets, findings.

    Over :data:`SUMMARY_THRESHOLD` results it lists the :data:`SUMMARY_TOP` with
    the largest requires sets and says how to get all of them (``show_all``
    lists every one). Tables over the threshold are laid out as plain columns:
    rich would spend seconds measuring tens of thousands of rows.
    """
    c = r.counts
    con.print(
        f"[bold]axiomdl report[/bold] ({r.mode} mode) — {escape(r.project)}\n"
        f"{c.files} files, {c.declarations} declarations: {c.assumptions} assumptions, "
        f"{c.conjectures} conjectures, {c.theorems} theorems, {c.discharges} discharges, "
        f"{c.witnesses} witnesses"
        + (f", {c.separations} separations" if c.separations else "")
        + f"; {c.edges} edges, {c.external_references} external names"
    )
    if r.targets:
        con.print("Lake targets: " + ", ".join(r.targets), markup=False)
    show_measured = _has_measured(r)
    cols = ["assumption", "area", "status", "required by", "used by", "established by"]
    rows = [
        [
            _short(a.name),
            a.area or "-",
            a.status or "-",
            str(a.required_by),
            str(a.used_by),
            _established(a.established_by),
        ]
        for a in r.assumptions
    ]
    _table(con, "Assumptions", cols, rows, r.assumptions if show_measured else None)
    if r.conjectures:
        rows = [[_short(a.name), a.area or "-", a.status or "-"] for a in r.conjectures]
        _table(
            con,
            "Conjectures (open problems)",
            ["conjecture", "area", "status"],
            rows,
            r.conjectures if show_measured else None,
        )
    if r.basis is not None:
        from axiomdl.lattice.render import basis_lines

        con.print("\n".join(basis_lines(r.basis)), markup=False)
    if show_measured:
        flagged = [a for a in r.assumptions + r.conjectures if disagrees(a.status, a.measured)]
        if flagged:
            con.print(
                f"[bold yellow]{len(flagged)} stated Status(es) disagree with the measured "
                "evidence (marked ⚠)[/bold yellow]"
            )
    results = r.theorems
    title = "Results and what they require"
    summary = len(results) > SUMMARY_THRESHOLD and not show_all
    if summary:
        results = sorted(results, key=lambda t: (-len(t.requires), -len(t.derived), t.name))
        results = results[:SUMMARY_TOP]
        title = f"{title}: the {len(results)} of {len(r.theorems):,} with the largest requires sets"
    status = {a.name: a.status for a in r.assumptions + r.conjectures}
    rows = [
        [
            _short(th.name),
            th.role,
            ", ".join(f"{_short(x)} ({status.get(x) or '?'})" for x in th.requires) or "∅",
            ", ".join(_short(x) for x in th.derived),
            th.summary.removeprefix("rests on "),
            _witnessed_cell(th),
        ]
        for th in results
    ]
    cols = ["result", "role", "requires (status)", "derived via discharge", "weakest link"]
    _table(con, title, [*cols, "witnessed"], rows)
    if summary:
        con.print(
            f"{len(r.theorems) - len(results):,} more results not listed: "
            "`axiomdl report --all` lists every one, "
            "`-f json` or `-f md` gives them all as data or Markdown.",
            markup=False,
        )
    con.print(witness_summary(r), markup=False)
    if r.unused:
        con.print("Unused assumptions: " + ", ".join(_short(x) for x in r.unused), markup=False)
    if r.findings:
        con.print(f"[bold red]{len(r.findings)} finding(s)[/bold red]")
        _plain(con, [f.one_line() for f in r.findings])
    else:
        con.print("No findings: no sorry, admit, native_decide or declared axiom.")


def _table(
    con: Console,
    title: str,
    cols: list[str],
    rows: list[list[str]],
    measured: list[AssumptionRow] | None = None,
) -> None:
    """A rich table, or plain aligned columns when it has more than the threshold's rows."""
    if len(rows) > SUMMARY_THRESHOLD:
        if measured is not None:
            cols = [*cols, "measured"]
            rows = [[*row, _measured_plain(a)] for row, a in zip(rows, measured, strict=True)]
        _plain(con, _columns(title, cols, rows))
        return
    from rich.table import Table
    from rich.text import Text

    t = Table(title=escape(title))
    for i, col in enumerate(cols):
        t.add_column(col, no_wrap=i == 0)
    if measured is not None:
        t.add_column("measured")
    for i, row in enumerate(rows):
        cells = [Text(x) for x in row]
        t.add_row(*cells, *([_measured_cell(measured[i])] if measured is not None else []))
    con.print(t)


def _measured_plain(a: AssumptionRow) -> str:
    if not a.measured:
        return "-"
    text = a.measured.split(" (", 1)[0]
    return f"⚠ {text}" if disagrees(a.status, a.measured) else text


def _columns(title: str, cols: list[str], rows: list[list[str]]) -> list[str]:
    """Left-aligned columns, as wide as their widest cell (the last column is not padded)."""
    widths = [max([len(col)] + [len(row[i]) for row in rows]) for i, col in enumerate(cols)]
    widths[-1] = 0

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "  ".join("─" * max(w, len(c)) for w, c in zip(widths, cols, strict=True))
    return [f"{title} ({len(rows):,})", line(cols), rule, *map(line, rows)]


def _plain(con: Console, lines: list[str]) -> None:
    """Write lines as they are: no markup, no wrapping, no per-line rich rendering."""
    con.file.write("\n".join(lines) + "\n")


def report_md(r: Report) -> str:
    """Markdown report."""
    c = r.counts
    out = [
        f"# axiomdl report ({r.mode} mode)",
        "",
        f"{c.files} files, {c.declarations} declarations: {c.assumptions} assumptions, {c.conjectures} "
        f"conjectures, {c.theorems} theorems, {c.discharges} discharges, {c.witnesses} witnesses.",
        "",
        "## Assumptions",
        "",
    ]
    if _has_measured(r):
        out += [
            "| assumption | area | status | measured | required by | used by |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            f"| `{_short(a.name)}` | {a.area or '-'} | {a.status or '-'} | {_measured_md(a)} "
            f"| {a.required_by} | {a.used_by} |"
            for a in r.assumptions
        ]
    else:
        out += [
            "| assumption | area | status | required by | used by |",
            "|---|---|---|---|---|",
        ]
        out += [
            f"| `{_short(a.name)}` | {a.area or '-'} | {a.status or '-'} | {a.required_by} | {a.used_by} |"
            for a in r.assumptions
        ]
    if r.basis is not None:
        from axiomdl.lattice.render import basis_md

        out += ["", *basis_md(r.basis)]
    out += [
        "",
        "## Results",
        "",
        witness_summary(r),
        "",
        "| result | role | requires | weakest link | witnessed |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| `{_short(t.name)}` | {t.role} | {', '.join('`' + _short(x) + '`' for x in t.requires) or '∅'} "
        f"| {t.summary} | {_witnessed_cell(t)} |"
        for t in r.theorems
    ]
    out += ["", "## Findings", ""]
    out += [f"- {f.one_line()}" for f in r.findings] or ["None."]
    return "\n".join(out) + "\n"


def rests_on_text(r: RestsOn) -> str:
    """Plain text for rests-on."""
    lines = [
        f"{r.name} ({r.role}, {r.mode} mode)",
        "  requires:    "
        + (", ".join(f"{x} ({r.statuses.get(x) or 'no status'})" for x in r.requires) or "nothing"),
        "  establishes: " + (", ".join(r.establishes) or "nothing"),
        *(["  refutes:     " + ", ".join(r.refutes)] if r.refutes else []),
        "  uses:        " + (", ".join(r.uses) or "nothing"),
    ]
    for d in r.derived:
        lines.append(f"  derived {d.assumption} via " + " → ".join(d.path))
    for d in r.unsupported:
        lines.append(f"  lacks {d.assumption}: {d.path[-1]} requires it and nothing supplies it")
    if r.summary:
        lines.append(f"  {r.summary}")
    if r.witnessed is not None:
        lines.append("  witnessed:   " + _witnessed_long(r.witnessed, r.witnessed_by))
    return "\n".join(lines) + "\n"


_WITNESS_WORDS = {
    "joint": "jointly by",
    "single": "by",
    "none-needed": "nothing to witness (no requirement)",
    "missing": "no — no witness shows these requirements satisfiable together",
}


def _witnessed_long(status: str, by: list[str]) -> str:
    if status in ("joint", "single"):
        return f"{_WITNESS_WORDS[status]} " + ", ".join(by)
    return _WITNESS_WORDS[status]


def _witnessed_cell(t: TheoremRow) -> str:
    if t.witnessed in ("joint", "single"):
        more = f" +{len(t.witnessed_by) - 1}" if len(t.witnessed_by) > 1 else ""
        return f"{t.witnessed}: {_short(t.witnessed_by[0])}{more}"
    return {"missing": "NO", "none-needed": "-"}.get(t.witnessed or "", "")


def witness_summary(r: Report) -> str:
    """One line: how many results with several requirements have a joint witness."""
    multi = [t for t in r.theorems if len(t.requires) > 1 and t.role != "witness"]
    joint = sum(1 for t in multi if t.witnessed == "joint")
    single = [t for t in r.theorems if len(t.requires) == 1 and t.role != "witness"]
    ok1 = sum(1 for t in single if t.witnessed == "single")
    return (
        f"Hypotheses shown satisfiable: {joint} of {len(multi)} results with several "
        f"requirements have a joint witness (Covers:); {ok1} of {len(single)} with one "
        "requirement have a witness."
    )


def why_text(w: WhyResult) -> str:
    """A why chain printed as ``A —statement/hypothesis→ B``."""
    if not w.steps:
        return f"{w.source} does not depend on {w.target}\n"
    chain = w.steps[0].source
    for s in w.steps:
        chain += f"\n  —{s.label}/{s.position}→ {s.target}"
    return chain + "\n"


def impact_text(i: ImpactResult) -> str:
    """What falls if an assumption is dropped."""
    lines = [
        f"dropping {i.assumption} ({i.mode} mode):",
        f"  statement ({len(i.statement)}): results that take it as a hypothesis",
    ]
    lines += [f"    {x}" for x in i.statement]
    lines.append(f"  proof ({len(i.proof)}): results whose proofs go through it")
    lines += [f"    {x}" for x in i.proof]
    if i.bundles:
        lines.append(f"  bundles ({len(i.bundles)}): definitions and assumptions that mention it")
        lines += [f"    {x}" for x in i.bundles]
    return "\n".join(lines) + "\n"


def diff_text(d: DiffResult) -> str:
    """requires-set changes between revisions."""
    lines = [f"requires-set changes {d.rev1} → {d.rev2}:"]
    for c in d.grew:
        lines.append(
            f"  GREW   {c.name}: +{', '.join(c.added)}"
            + (f" -{', '.join(c.removed)}" if c.removed else "")
        )
    for c in d.shrank:
        lines.append(f"  shrank {c.name}: -{', '.join(c.removed)}")
    for n in d.added_results:
        lines.append(f"  new    {n}")
    for n in d.removed_results:
        lines.append(f"  gone   {n}")
    if len(lines) == 1:
        lines.append("  none")
    return "\n".join(lines) + "\n"


def lint_text(r: LintResult) -> str:
    """Compiler-style lint lines plus a summary."""
    lines = [f.one_line() for f in r.findings]
    names = (
        f"{r.identifiers_checked} identifiers checked"
        if r.name_checks
        else "unknown-name checks off: not the AxiomDL library (--strict-names turns them on)"
    )
    lines.append(f"{len(r.findings)} finding(s) in {r.files} files ({names})")
    return "\n".join(lines) + "\n"
