"""Build the ``falsify`` and ``check-loss`` payloads (and check-loss's text), shared by the
CLI and the MCP server. In check-loss output, proofs and estimates are kept apart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy

from axiomdl.compute.falsify import Outcome
from axiomdl.compute.loss import LossAnalysis, analyse, parse_box, parse_loss
from axiomdl.compute.models import (
    ApplicableTheorem,
    FalsifyReport,
    FalsifyResult,
    LossEstimate,
    LossProperty,
    LossReport,
)
from axiomdl.compute.optimum import show
from axiomdl.errors import AxiomdlError

MAX_VARS = 6


def falsify_report(
    outs: list[Outcome], project: str, instances: int, seed: int, seconds: float
) -> FalsifyReport:
    """The JSON payload of a falsify run."""
    counts: dict[str, int] = {}
    for o in outs:
        counts[o.status] = counts.get(o.status, 0) + 1
    return FalsifyReport(
        project=project,
        instances=instances,
        seed=seed,
        counts=counts,
        seconds=round(seconds, 3),
        results=[
            FalsifyResult(
                name=o.name,
                status=o.status,
                instances=o.instances,
                values=o.values,
                detail=o.detail,
                reason=o.reason,
                file=o.file,
                line=o.line,
                seconds=round(o.seconds, 4),
            )
            for o in outs
        ],
    )


def loss_report(
    get_session: Callable[[], Any], expr: str, names: list[str], box: str | None, grid: int
) -> tuple[LossReport, LossAnalysis]:
    """Analyse a loss and list the library theorems whose assumptions it meets.

    ``get_session`` is called only once the expression and box have parsed, so bad input
    is reported before any project is scanned.
    """
    from axiomdl.compute.apply import applicable

    if len(set(names)) != len(names):
        raise AxiomdlError("--vars lists a variable twice")
    if len(names) > MAX_VARS:
        raise AxiomdlError(
            f"--vars: at most {MAX_VARS} variables (the Hessian is analysed exactly)"
        )
    e, syms = parse_loss(expr, names)
    la = analyse(e, syms, parse_box(box, names), grid)
    amap, theorems = applicable(get_session(), la)
    return _build(la, amap, theorems), la


LABELS = {
    "convex": "convex",
    "smooth": "smooth (L)",
    "strongly_convex": "strongly convex (μ)",
    "pl": "Polyak-Łojasiewicz (μ)",
}
SYMBOL = {"smooth": "L", "strongly_convex": "μ", "pl": "μ"}


def show_value(x: Any) -> str:
    """Exact value, with a decimal beside it when it is irrational (``7 - sqrt(13) ≈ 3.394``)."""
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.4g}"
    e = sympy.nsimplify(x) if not isinstance(x, sympy.Expr) else x
    s = sympy.sstr(e)
    if e.free_symbols or e.is_Rational or not e.is_finite:
        return s
    try:
        return f"{s} ≈ {float(e):.4g}"
    except TypeError:
        return s


def _build(la: LossAnalysis, amap: dict[str, str], theorems: list[ApplicableTheorem]) -> LossReport:
    """The JSON payload of one analysis."""
    scope = "global" if la.box is None else "box"
    props = []
    for k, v in la.verdicts.items():
        const = v.fact.constant if v.fact.holds else None
        est = v.estimate
        props.append(
            LossProperty(
                name=k,
                holds=v.fact.holds,
                scope=scope,
                constant=None if const is None else sympy.sstr(sympy.nsimplify(const)),
                constant_float=None if const is None else float(const),
                method="symbolic" if v.fact.holds is not None else "estimated",
                note=v.fact.why,
                estimate=None
                if est is None
                else LossEstimate(
                    holds=est.holds, value=est.value, box=la.sample_text, note=est.why
                ),
            )
        )
    o = la.optimum
    if o.value is not None:
        minimum = show_value(o.value)
        if o.minimizer:
            minimum += " at " + show(o.minimizer)
        elif o.attained is False:
            minimum += " (infimum, not attained)"
        minimum += f"  [proved: {o.why}]"
    elif o.unbounded:
        minimum = f"unbounded below  [proved: {o.why}]"
    else:
        minimum = f"not proved ({o.why})"
        if la.est_fstar is not None:
            f, pt = la.est_fstar
            at = ", ".join(f"{n}={x:.4g}" for n, x in pt.items())
            minimum += f"; estimated on {la.sample_text}: grid minimum {f:.4g} at ({at})"
    return LossReport(
        expression=sympy.sstr(la.expr),
        variables=[str(s) for s in la.vars],
        domain=la.domain,
        sample_box=la.sample_text,
        hessian=[[sympy.sstr(sympy.simplify(x)) for x in row] for row in la.hessian.tolist()],
        minimum=minimum,
        minimum_proved=o.value is not None or o.unbounded,
        properties=props,
        assumption_map=amap,
        theorems_scope=_scope_summary(theorems, la),
        theorems=theorems,
    )


def _scope_summary(theorems: list[ApplicableTheorem], la: LossAnalysis) -> str:
    """One word for clients that read only the report level (each theorem has its own)."""
    scopes = {t.scope for t in theorems}
    if scopes <= {"global"}:
        return "global"
    why = "you asked about a box" if la.box is not None else "some constants are only estimated"
    what = "box only" if scopes == {"box"} else "mixed (see each theorem's scope)"
    return (
        f"{what}: {why}, and the library states its assumptions for all parameters, so the "
        "box-scoped theorems hold for the loss restricted to the box (e.g. while the iterates "
        "stay in it)"
    )


def loss_text(rep: LossReport, la: LossAnalysis) -> str:
    """The human-readable report: proved verdicts, then estimates, then the theorems."""
    where = la.space if la.box is None else "the box"
    out = [
        f"loss      {rep.expression}",
        f"domain    {rep.domain}; estimates on {rep.sample_box}",
        f"Hessian   {rep.hessian}"
        + ("  (piece by piece: the loss has kinks)" if la.nonsmooth else ""),
        f"f*        {rep.minimum}",
        "",
        f"{'property':<24}{'verdict':<22}{'constant':<26}reason",
    ]
    for k, v in la.verdicts.items():
        f = v.fact
        verdict = {True: f"holds on {where}", False: f"fails on {where}", None: "not proved"}[
            f.holds
        ]
        const = "—"
        if f.holds and k in SYMBOL:
            const = (
                f"any {SYMBOL[k]} > 0"
                if f.constant is None
                else f"{SYMBOL[k]} = {show_value(f.constant)}"
            )
        why = f.why
        if len(const) > 25:  # a long closed form: the decimal in the column, the exact value after
            why += f" (exact: {const})"
            const = f"{SYMBOL[k]} ≈ {float(f.constant):.4g}"
        out.append(f"{LABELS[k]:<24}{verdict:<22}{const:<26}{why}")
        e = v.estimate
        if e is not None and f.holds is not True:
            est = {True: "estimated: holds", False: "estimated: fails", None: "estimated: ?"}[
                e.holds
            ]
            c = (
                f"{SYMBOL[k]}̂ ≈ {e.value:.4g}"
                if e.value is not None and k in SYMBOL and e.holds
                else "—"
            )
            out.append(f"{'':<24}{est:<22}{c:<26}{e.why}")
    out.append("")
    if rep.assumption_map:
        out.append(
            "library names: "
            + ", ".join(f"{k} → {v.split('.')[-1]}" for k, v in rep.assumption_map.items())
        )
    glob = [t for t in rep.theorems if t.scope == "global"]
    box = [t for t in rep.theorems if t.scope == "box"]
    if glob:
        out.append(
            f"theorems that hold globally ({len(glob)}): every assumption they need is proved on {la.space}"
        )
        out += _theorem_lines(glob)
    if box:
        why = (
            "you asked about a box, and the library states its assumptions for all parameters"
            if la.box is not None
            else "some constants are only estimated there"
        )
        out.append(
            f"theorems on the box only ({len(box)}), {rep.sample_box}: {why}; they hold for the "
            "loss restricted to the box (e.g. while the iterates stay in it), not as global guarantees"
        )
        out += _theorem_lines(box)
    if not rep.theorems:
        out.append("no library theorem applies (its required assumptions are not all met)")
    return "\n".join(out) + "\n"


def _theorem_lines(ts: list[ApplicableTheorem]) -> list[str]:
    lines = []
    for t in ts:
        lines.append(f"  {t.name}   [requires {', '.join(t.requires)}]")
        if t.quantifiers:
            lines.append(f"      {t.quantifiers}")
        if t.instantiated:
            lines.append(f"      {t.instantiated}")
        facts = []
        if t.constants:
            facts.append(
                "with "
                + ", ".join(
                    f"{k} {v}" if v.startswith("≈") else f"{k} = {v}"
                    for k, v in t.constants.items()
                )
            )
        if t.checked:
            facts.append("checked: " + ", ".join(t.checked))
        if facts:
            lines.append("      " + " · ".join(facts))
        if t.side_conditions:
            lines.append("      side conditions: " + ", ".join(t.side_conditions))
    return lines
