"""``falsify``, ``check-loss`` and ``bound``: computation against the axioms with sympy."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import click

from axiomdl.cli.common import dump, emit, format_option, output_option, project_options
from axiomdl.cli.lazy import LazyModule
from axiomdl.errors import EXIT_FINDINGS, EXIT_OK, AxiomdlError

sympy = LazyModule("sympy")  # imported when a command runs (see cli/lazy.py)


def register(group: click.Group) -> None:
    """Attach the computation commands to the top-level CLI."""
    group.add_command(falsify_cmd)
    group.add_command(check_loss_cmd)
    group.add_command(bound_cmd)


# ---------------------------------------------------------------- falsify


@click.command("falsify")
@click.argument("names", nargs=-1)
@click.option(
    "-n",
    "--instances",
    type=click.IntRange(1, 1_000_000),
    default=None,
    help="Instances satisfying the hypotheses to try per declaration [default: 300].",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed (runs are reproducible)."
)
@click.option("--hide-skipped", is_flag=True, help="Do not list declarations outside the fragment.")
@format_option(("text", "json"), "text")
@output_option
@project_options
def falsify_cmd(
    names: tuple[str, ...],
    instances: int | None,
    seed: int,
    hide_skipped: bool,
    quiet: bool,
    fmt: str,
    output: Path | None,
    project: Path | None,
    open_session: Any,
) -> int:
    """Search for counterexamples to arithmetic theorems (all of them when no NAME is given).

    Statements over the scalar field K (modelled by Rat), Nat and Int with + - * / ^,
    relations, connectives, ∀, max/min and unfoldable definitions are evaluated exactly,
    with Lean's junk values (x / 0 = 0, truncated Nat subtraction, Int.ediv). Exit 1 if a
    counterexample is found; exit 2 if a NAME given is not arithmetic. With -q/--quiet,
    only the counterexamples are printed (no checked/skipped lines, no summary).
    """
    from axiomdl.compute.falsify import DEFAULT_INSTANCES, falsify
    from axiomdl.compute.report import falsify_report

    n_inst = instances or DEFAULT_INSTANCES
    s = open_session(project)
    full = [s.resolve_name(n) for n in names] if names else None
    if full:
        for n in full:
            if n not in s.project.decls:
                raise AxiomdlError(f"`{n}` is not a declaration of this project")
    t0 = time.perf_counter()
    outs = falsify(s.project, full, n_inst, seed)
    dt = time.perf_counter() - t0
    if full:
        bad = [o for o in outs if o.status == "skipped"]
        if bad:
            o = bad[0]
            raise AxiomdlError(
                f"`{o.name}` is not arithmetic: {o.reason} (falsify handles + - * / ^, "
                "≤ < = ≠, ∧ ∨ ¬ →, ∀, max/min over K, Nat and Int)",
                file=o.file,
                line=o.line,
            )
    counts = Counter(o.status for o in outs)
    if fmt == "json":
        rep = falsify_report(
            [o for o in outs if not quiet or o.status == "counterexample"],
            str(project) if project else "bundled AxiomDL library",
            n_inst,
            seed,
            dt,
        )
        emit(dump(rep), output)
    else:
        lines = []
        width = min(max((len(o.name) for o in outs), default=10), 60)
        for o in outs:
            if (o.status == "skipped" and hide_skipped) or (quiet and o.status != "counterexample"):
                continue
            if o.status == "checked":
                what = f"checked ({o.instances} instance{'s' if o.instances != 1 else ''})"
            elif o.status == "counterexample":
                vals = ", ".join(f"{k} = {v}" for k, v in (o.values or {}).items())
                what = f"counterexample {{{vals}}}" + (f": {o.detail}" if o.detail else "")
                what += f"  [{o.file}:{o.line}]"
            elif o.status == "unsatisfied":
                what = f"no instance: {o.reason}"
            else:
                what = f"skipped: {o.reason}"
            lines.append(f"{o.name:<{width}}  {what}")
        summary = (
            f"{counts.get('checked', 0)} checked, {counts.get('counterexample', 0)} "
            f"counterexample(s), {counts.get('unsatisfied', 0)} without instances, "
            f"{counts.get('skipped', 0)} skipped (outside the arithmetic fragment) "
            f"in {dt:.2f} s"
        )
        if not quiet:
            lines.append(summary)
        emit("".join(line + "\n" for line in lines), output)
    return EXIT_FINDINGS if counts.get("counterexample") else EXIT_OK


# ---------------------------------------------------------------- check-loss


@click.command("check-loss")
@click.argument("expr")
@click.option("--vars", "vars_", required=True, help="Comma-separated parameters, e.g. w1,w2.")
@click.option("--box", default=None, help="Restrict to a box: w1=-2:2,w2=0:1 (default: global).")
@click.option(
    "--grid",
    type=click.IntRange(9, 200_000),
    default=4000,
    show_default=True,
    help="Grid points for sampled verdicts.",
)
@format_option(("text", "json"), "text")
@output_option
@project_options
def check_loss_cmd(
    expr: str,
    vars_: str,
    box: str | None,
    grid: int,
    fmt: str,
    output: Path | None,
    project: Path | None,
    open_session: Any,
) -> int:
    """Decide which landscape assumptions a concrete loss EXPR satisfies, and what follows.

    EXPR is a sympy expression (`^` is power; abs, max, min, relu allowed) over the --vars.
    A property is reported as holding on ℝⁿ (or on --box) only when sympy proves it;
    otherwise a grid over a named box gives an estimate, labelled as one. Theorems whose
    assumptions hold are listed with their constants, side conditions and quantifiers:
    globally when every assumption is proved, else "on the box only".
    """
    from axiomdl.compute.report import loss_report, loss_text

    names = [v.strip() for v in vars_.split(",") if v.strip()]
    rep, la = loss_report(lambda: open_session(project), expr, names, box, grid)
    emit(dump(rep) if fmt == "json" else loss_text(rep, la), output)
    return EXIT_OK


# ---------------------------------------------------------------- bound


@click.command("bound")
@click.argument("name")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="K=V",
    help="A parameter value (repeatable); μ may be written mu.",
)
@click.option("--solve-for", default=None, help="The parameter to solve for (e.g. t, T, delta).")
@click.option("--target", type=float, default=None, help="The target ε for --solve-for.")
@format_option(("text", "json"), "text")
@output_option
@project_options
def bound_cmd(
    name: str,
    params: tuple[str, ...],
    solve_for: str | None,
    target: float | None,
    fmt: str,
    output: Path | None,
    project: Path | None,
    open_session: Any,
) -> int:
    """Evaluate the quantitative conclusion of theorem NAME for concrete parameters.

    Prints the exact and float value of the bound; with --solve-for and --target, the
    smallest number of steps or samples (or the parameter value) reaching the target.
    A parameter that violates a hypothesis of the theorem (μ > L, L ≤ 0) is exit 2.
    """
    from axiomdl.compute.bound import evaluate, read_quantitative
    from axiomdl.compute.models import BoundReport

    raw: dict[str, str] = {}
    for p in params:
        if "=" not in p:
            raise AxiomdlError(f"--param `{p}` is not NAME=VALUE")
        k, v = p.split("=", 1)
        raw[k.strip()] = v.strip()
    if target is not None and not 0 < target < float("inf"):
        raise AxiomdlError("--target must be positive and finite")
    s = open_session(project)
    full = s.resolve_name(name)
    if full not in s.project.decls:
        raise AxiomdlError(f"`{full}` is not a declaration of this project")
    q = read_quantitative(s.project, full)
    r = evaluate(q, raw, solve_for, target)

    def disp(x: sympy.Expr) -> str:
        return _atoms(sympy.sstr(x), q.display)

    exact_s = None
    if r.exact is not None:
        exact_s = sympy.sstr(r.exact)
    rep = BoundReport(
        name=full,
        statement=q.statement,
        quantity=disp(q.quantity),
        bound=disp(q.bound),
        parameters=r.params,
        exact=exact_s,
        value=r.value,
        solve_for=solve_for,
        target=target,
        needed=r.needed,
        needed_bound=r.needed_bound,
        note=r.note,
    )
    if fmt == "json":
        emit(dump(rep), output)
        return EXIT_OK
    lines = [
        full,
        f"  statement  {q.statement}",
        f"  bound      {rep.quantity} {'<' if q.strict else '≤'} {rep.bound}",
        "  with       "
        + (", ".join(f"{k} = {v}" for k, v in r.params.items()) or "(no parameters)"),
    ]
    if exact_s is not None:
        shown = exact_s if len(exact_s) <= 120 else exact_s[:60] + f"… ({len(exact_s)} characters)"
        lines.append(f"  exact      {shown}")
    if r.value is not None:
        lines.append(f"  value      {r.value:.6g}")
    if r.note and solve_for is None:
        lines.append(f"  note       {r.note}")
    if solve_for is not None:
        if r.needed is not None:
            lines.append(
                f"  needed     {solve_for} = {r.needed:g} for bound ≤ {target:g} "
                f"(bound there: {r.needed_bound:.6g})"
            )
        else:
            lines.append(f"  needed     — {r.note}")
    emit("\n".join(lines) + "\n", output)
    return EXIT_OK


def _atoms(text: str, display: dict[str, str]) -> str:
    import re

    for k, lean in sorted(display.items(), key=lambda kv: -len(kv[0])):
        if k == lean:
            continue
        rep = f"[{lean}]" if " " in lean else lean
        text = re.sub(rf"\b{re.escape(k)}\b", rep, text)
    return text
