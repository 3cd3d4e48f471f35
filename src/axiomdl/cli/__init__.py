"""The ``axiomdl`` command: one entry point, documented exit codes, no tracebacks for bad input.

Exit codes: 0 ok · 1 findings · 2 bad usage or input · 3 Lean toolchain needed · 4 internal error.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from axiomdl import __version__
from axiomdl.cli.core_cmds import register as register_core
from axiomdl.errors import EXIT_USAGE, AxiomdlError

EXIT_INTERNAL = 4


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="axiomdl")
def cli() -> None:
    """Track which deep-learning results rest on which named assumptions.

    Without -C/--project, commands work on the bundled AxiomDL Lean library.
    Exit codes: 0 ok, 1 findings, 2 bad usage or input, 3 Lean toolchain needed.
    """


register_core(cli)

# Command groups that live in their own modules (site, computation, probes, Lean backend).
_EXTENSIONS = ("site_cmd", "compute_cmd", "probe_cmd", "lean_cmd", "mcp_cmd", "lattice_cmd")
for _mod in _EXTENSIONS:
    try:
        _m = importlib.import_module(f"axiomdl.cli.{_mod}")
    except ModuleNotFoundError as _e:
        if _e.name != f"axiomdl.cli.{_mod}":
            raise
        continue
    _m.register(cli)


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
