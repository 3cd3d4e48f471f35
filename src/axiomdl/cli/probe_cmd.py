"""``axiomdl probe``: run the empirical probes and write their results and plots."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from axiomdl.cli.common import dump, emit, format_option
from axiomdl.errors import EXIT_OK
from axiomdl.probes import PROBES


def _text(results: list, results_dir: Path) -> str:
    lines = []
    for r in results:
        mode = "quick" if r.quick else "full"
        lines.append(f"{r.probe} ({mode}, seed {r.seed}, {r.elapsed_s:.1f}s)")
        lines.append(f"  {r.headline}")
        for v in r.verdicts:
            lines.append(f"  {v.assumption:<30} {v.label}")
        if r.plots:
            lines.append(f"  plots: {', '.join(str(results_dir / r.probe / p) for p in r.plots)}")
    lines.append(f"results in {results_dir}/")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("names", nargs=-1)
@click.option("--quick", is_flag=True, help="Small settings: all probes in under 2 minutes.")
@click.option(
    "--seed",
    type=click.IntRange(0, 2**63 - 1),
    default=0,
    show_default=True,
    help="Seed of every experiment (numpy seeds are non-negative).",
)
@click.option(
    "--results",
    "results_dir",
    type=click.Path(path_type=Path),
    default=Path("probe-results"),
    show_default=True,
    help="Folder for NAME/result.json and plots.",
)
@click.option("--no-plots", is_flag=True, help="Skip the SVG/PNG plots.")
@click.option("--list", "list_only", is_flag=True, help="List the probes and what they measure.")
@format_option(("text", "json"))
def probe(names, quick, seed, results_dir, no_plots, list_only, fmt) -> int:
    """Run seeded experiments that test assumptions against measurements.

    NAMES are probe names (default: all). Results go to RESULTS/NAME/result.json with
    SVG/PNG plots; `axiomdl report` shows them beside each assumption's stated Status.
    """
    from axiomdl.probes.runner import check_names, check_results_dir, run_probes

    if list_only:
        for s in PROBES.values():
            click.echo(f"{s.name:<20} {s.title}\n{'':<20} assumptions: {', '.join(s.assumptions)}")
        return EXIT_OK
    chosen = check_names(names)
    check_results_dir(results_dir)
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("{task.description:<20}"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        ) as bar:
            tasks = {n: bar.add_task(n, total=1.0) for n in chosen}

            def progress(name: str, frac: float) -> None:
                bar.update(tasks[name], completed=min(1.0, frac))

            results = run_probes(
                chosen,
                quick=quick,
                seed=seed,
                results_dir=results_dir,
                plots=not no_plots,
                progress=progress,
            )
            for n in chosen:
                bar.update(tasks[n], completed=1.0)
    else:
        results = run_probes(
            chosen, quick=quick, seed=seed, results_dir=results_dir, plots=not no_plots
        )
    if fmt == "json":
        from axiomdl.probes.model import ProbeRun

        emit(dump(ProbeRun(results_dir=str(results_dir), results=results)), None)
    else:
        emit(_text(results, results_dir), None)
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``probe`` to the top-level group."""
    group.add_command(probe)
