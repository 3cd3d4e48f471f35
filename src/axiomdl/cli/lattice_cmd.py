"""``axiomdl lattice``: which assumptions imply which, which are separated, which are open."""

from __future__ import annotations

from pathlib import Path

import click

from axiomdl.cli.common import dump, emit, format_option, output_option, project_options
from axiomdl.errors import EXIT_FINDINGS, EXIT_OK, AxiomdlError


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@project_options
@format_option(("text", "json", "md", "dot"))
@output_option
@click.option(
    "--core-names",
    type=click.Path(path_type=Path),
    default=None,
    help="Allowlist of outside names (default: core-names.txt beside the project, as lint).",
)
def lattice(path, project, open_session, fmt, output, core_names) -> int:
    """Implications (A ⇒ B), separations (A ⇏ B) and open pairs between assumptions.

    Exit 1 when a separation contradicts a proved implication or cannot be read;
    exit 2 when the project has no assumptions.
    """
    from axiomdl.lattice.build import lattice_result
    from axiomdl.lattice.lint import project_lattice
    from axiomdl.lattice.render import lattice_dot, lattice_md, lattice_text

    if path is not None and project is not None and path != project:
        raise AxiomdlError("give the project either as PATH or as --project, not both")
    target = path or project
    s = open_session(target)
    if not s.analysis.hyps:
        raise AxiomdlError(
            "no assumptions in this project: the lattice relates assumptions (mark one with a "
            "docstring starting `Assumption:`, or list them in axiomdl.toml)",
            file=target if target is not None else None,
        )
    if core_names is not None and not core_names.is_file():
        raise AxiomdlError("no such allowlist file", file=core_names)
    data = project_lattice(s, core_names)
    r = lattice_result(s, str(target) if target else "bundled AxiomDL library", data)
    if fmt == "json":
        emit(dump(r), output)
    elif fmt == "md":
        emit(lattice_md(r), output)
    elif fmt == "dot":
        emit(lattice_dot(r), output)
    else:
        emit(lattice_text(r), output)
    bad = r.conflicts or any(n.code for n in r.notes)
    return EXIT_FINDINGS if bad else EXIT_OK


def register(group: click.Group) -> None:
    """Attach ``lattice`` to the top-level group."""
    group.add_command(lattice)
