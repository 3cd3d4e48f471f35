"""``axiomdl site OUT/``: the static assumption explorer (works offline from file://)."""

from __future__ import annotations

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


@click.command("site")
@click.argument("out", type=click.Path(path_type=Path))
@project_options
@repo_url_option
@evidence_option
def site(
    out: Path, project: Path | None, open_session, repo_url: str | None, evidence_dir: Path | None
) -> int:
    """Write the static explorer (index, graph view, one page per declaration) to OUT."""
    from axiomdl.probes.evidence import load_evidence
    from axiomdl.site import build_site

    evidence = load_evidence(evidence_dir)
    s = open_session(project)
    label = str(project) if project is not None else "bundled AxiomDL library"
    r = build_site(s, out, label=label, repo_url=repo_url, evidence=evidence)
    click.echo(
        f"wrote {r.pages} pages to {r.out} in {r.seconds:.2f} s; open {r.out / 'index.html'}"
    )
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``site`` to the top-level group."""
    group.add_command(site)
