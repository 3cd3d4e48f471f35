"""``axiomdl site OUT/``: the static assumption explorer (works offline from file://)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from axiomdl.cli.common import evidence_option, project_options
from axiomdl.errors import EXIT_OK


def repo_url_option(f):
    """``--repo-url``: link source locations to a repository browser."""
    return click.option(
        "--repo-url",
        default=None,
        metavar="URL",
        help="Repository browser URL of the scanned folder (e.g. "
        "https://github.com/ORG/REPO/blob/main/lean); source locations link to FILE#Lstart-Lend.",
    )(f)


@contextmanager
def site_progress(quiet: bool) -> Iterator[Callable[[str, int], None] | None]:
    """A rich progress bar on stderr, only on a terminal and without ``--quiet``."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("reading the graph", total=None)

        def step(what: str, n: int) -> None:
            if what == "data":
                bar.update(task, description="writing declarations", total=n, completed=0)
            elif what == "advance":
                bar.advance(task, n)

        yield step


@click.command("site")
@click.argument("out", type=click.Path(path_type=Path))
@project_options
@repo_url_option
@evidence_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def site(
    out: Path,
    project: Path | None,
    open_session,
    repo_url: str | None,
    evidence_dir: Path | None,
    quiet: bool,
) -> int:
    """Write the static explorer (index, assumption map, graph, declaration views) to OUT."""
    from axiomdl.probes.evidence import load_evidence
    from axiomdl.site import build_site
    from axiomdl.site.build import project_title

    evidence = load_evidence(evidence_dir)
    s = open_session(project)
    label = str(project) if project is not None else "bundled AxiomDL library"
    with site_progress(quiet) as progress:
        r = build_site(
            s,
            out,
            label=label,
            title=project_title(project),
            repo_url=repo_url,
            evidence=evidence,
            progress=progress,
        )
    click.echo(
        f"wrote the explorer for {r.declarations} declarations ({r.files} files) to {r.out} "
        f"in {r.seconds:.2f} s; open {r.out / 'index.html'}"
    )
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``site`` to the top-level group."""
    group.add_command(site)
