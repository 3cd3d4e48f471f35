"""``axiomdl site OUT/``: the static assumption explorer (works offline from file://)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from axiomdl.cli.common import evidence_option, project_options
from axiomdl.errors import EXIT_OK
from axiomdl.progress import progress_display, progress_enabled


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
def site_progress(quiet: bool) -> Iterator[Callable[[str, int], None]]:
    """The shared progress bar (axiomdl.progress) fed by build_site's callback."""
    with progress_display(progress_enabled(quiet)) as work:
        work.step("reading the graph")

        def step(what: str, n: int) -> None:
            if what == "data":
                work.step("writing declarations", n)
            elif what == "advance":
                work.advance(n)

        yield step


@click.command("site")
@click.argument("out", type=click.Path(path_type=Path))
@project_options
@repo_url_option
@evidence_option
@click.option(
    "--include-deps",
    is_flag=True,
    help="Show every declaration read from the dependencies (default: the project's own, "
    "and what they rest on).",
)
def site(
    out: Path,
    project: Path | None,
    open_session,
    repo_url: str | None,
    evidence_dir: Path | None,
    quiet: bool,
    include_deps: bool = False,
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
            include_deps=include_deps,
        )
    click.echo(
        f"wrote the explorer for {r.declarations} declarations ({r.files} files) to {r.out} "
        f"in {r.seconds:.2f} s; open {r.out / 'index.html'}"
    )
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``site`` to the top-level group."""
    group.add_command(site)
