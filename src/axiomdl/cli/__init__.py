"""The ``axiomdl`` command: one entry point, documented exit codes, no tracebacks for bad input.

Exit codes: 0 ok · 1 findings · 2 bad usage or input · 3 Lean toolchain needed · 4 internal error.
"""

from __future__ import annotations

import os
import sys

import click

from axiomdl import __version__
from axiomdl.cli.lazy import LazyGroup
from axiomdl.errors import EXIT_USAGE, AxiomdlError

EXIT_INTERNAL = 4

# Modules that register commands (core first: its commands are listed first in --help).
_EXTENSIONS = (
    "core_cmds",
    "site_cmd",
    "compute_cmd",
    "probe_cmd",
    "lean_cmd",
    "mcp_cmd",
    "lattice_cmd",
)
# Command → module, so that running one command imports only its module (a command not
# listed here still works: the group then imports every module in _EXTENSIONS).
_INDEX = {
    **dict.fromkeys(
        (
            "report",
            "rests-on",
            "why",
            "impact",
            "unused",
            "audit",
            "lint",
            "diff",
            "graph",
            "docs",
            "schema",
        ),
        "core_cmds",
    ),
    "site": "site_cmd",
    **dict.fromkeys(("falsify", "check-loss", "bound"), "compute_cmd"),
    "probe": "probe_cmd",
    **dict.fromkeys(("doctor", "build", "export", "compare", "try", "dojo"), "lean_cmd"),
    **dict.fromkeys(("mcp", "search"), "mcp_cmd"),
    "lattice": "lattice_cmd",
}


@click.group(
    cls=LazyGroup,
    modules=tuple(f"axiomdl.cli.{m}" for m in _EXTENSIONS),
    index={k: f"axiomdl.cli.{v}" for k, v in _INDEX.items()},
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="axiomdl")
def cli() -> None:
    """Track which deep-learning results rest on which named assumptions.

    Without -C/--project, commands work on the bundled AxiomDL Lean library.
    Exit codes: 0 ok, 1 findings, 2 bad usage or input, 3 Lean toolchain needed.
    """


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning every user-caused error into one line and an exit code."""
    try:
        code = cli.main(args=argv, prog_name="axiomdl", standalone_mode=False)
    except AxiomdlError as e:
        click.echo(f"axiomdl: {e.one_line()}", err=True)
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo("axiomdl: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        msg = e.format_message().replace("\n", " ")
        ctx = getattr(e, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        click.echo(f"axiomdl: error: {msg}{hint}", err=True)
        sys.exit(e.exit_code if e.exit_code else EXIT_USAGE)
    except KeyboardInterrupt:
        click.echo("axiomdl: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # a bug, not bad input
        if os.environ.get("AXIOMDL_DEBUG"):
            raise
        click.echo(
            f"axiomdl: internal error: {type(e).__name__}: {e} (set AXIOMDL_DEBUG=1 for a traceback)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)
