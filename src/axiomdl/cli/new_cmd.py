"""``axiomdl new PATH``: scaffold a Lean project that proves against AxiomDL."""

from __future__ import annotations

from pathlib import Path

import click

from axiomdl.errors import EXIT_OK


@click.command("new")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--name",
    default=None,
    help="Lean library (and namespace) of the project (default: from the folder name, "
    "`my-proofs` → MyProofs).",
)
@click.option(
    "--axiomdl-url",
    "url",
    default=None,
    help="Git URL of the AxiomDL repository to require. AxiomDL has no public URL yet: the "
    "default is a placeholder (https://github.com/REPLACE-ME/axiomdl.git) to set in the "
    "lakefile and the workflow.",
)
@click.option(
    "--axiomdl-rev", "rev", default="main", show_default=True, help="Git revision of AxiomDL."
)
@click.option(
    "--lakefile",
    type=click.Choice(["toml", "lean"]),
    default="toml",
    show_default=True,
    help="Write lakefile.toml or lakefile.lean.",
)
def new(path: Path, name: str | None, url: str | None, rev: str, lakefile: str) -> int:
    """Create a Lean project in PATH (new or empty) that proves theorems against AxiomDL.

    It requires AxiomDL with Lake, pins the same Lean release, and holds an example theorem
    proved from two library assumptions (with a witness), axiomdl.toml, a GitHub workflow
    (lake build, axiomdl audit, report and diff) and a README.
    """
    from axiomdl.scaffold import PLACEHOLDER_URL, new_project

    made = new_project(path, name=name, url=url or PLACEHOLDER_URL, rev=rev, lakefile=lakefile)
    click.echo(f"created {made.path}: library {made.lib}")
    for rel in made.files:
        click.echo(f"  {rel}")
    if url is None:
        click.echo(
            "next: set the AxiomDL repository URL in "
            f"{made.path / f'lakefile.{lakefile}'} and .github/workflows/axiomdl.yml "
            f"(it is the placeholder {PLACEHOLDER_URL}), then `lake update axiomdl && lake build`"
        )
    click.echo(f"try: axiomdl rests-on -C {made.path} {made.lib}.gd_two_steps")
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``new`` to the top-level group."""
    group.add_command(new)
