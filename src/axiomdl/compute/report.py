"""Build the ``falsify`` and ``check-loss`` payloads, shared by the CLI and the MCP server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy

from axiomdl.compute.falsify import Outcome
from axiomdl.compute.loss import LossAnalysis, analyse, parse_box, parse_loss
from axiomdl.compute.models import FalsifyReport, FalsifyResult, LossProperty, LossReport
from axiomdl.errors import AxiomdlError


def show_value(x: Any) -> str:
    """A constant as exact text, with a float beside irrational values; ``—`` for None."""
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:.6g}"
    e = sympy.nsimplify(x) if not isinstance(x, sympy.Expr) else x
    s = sympy.sstr(e)
    if e.free_symbols or e.is_Rational:
        return s
    try:
        return f"{s} ≈ {float(e):.6g}"
    except TypeError:
        return s


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
    e, syms = parse_loss(expr, names)
    la = analyse(e, syms, parse_box(box, names), grid)
    amap, theorems = applicable(get_session(), la)
    props = []
    for k, v in la.verdicts.items():
        const = v.constant
        props.append(
            LossProperty(
                name=k,
                holds=v.holds,
                constant=None
                if const is None
                else sympy.sstr(sympy.nsimplify(const) if not isinstance(const, float) else const),
                constant_float=None if const is None else float(const),
                method=v.method,
                note=v.note,
            )
        )
    if la.fstar is not None:
        minimum = show_value(la.fstar)
        if la.minimizer:
            minimum += " at (" + ", ".join(f"{k}={v:.4g}" for k, v in la.minimizer.items()) + ")"
        minimum += f"  [{la.fstar_method}]"
    else:
        minimum = la.fstar_method
    rep = LossReport(
        expression=sympy.sstr(e),
        variables=names,
        domain=la.domain,
        hessian=[[sympy.sstr(sympy.simplify(x)) for x in row] for row in la.hessian.tolist()],
        minimum=minimum,
        properties=props,
        assumption_map=amap,
        theorems_scope=(
            "global"
            if la.box is None
            else "box only: the library states its assumptions for all parameters, so these "
            "theorems hold for the loss restricted to the box (e.g. while the iterates stay in it)"
        ),
        theorems=theorems,
    )
    return rep, la
