"""Options and output plumbing shared by every command."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from axiomdl.errors import EXIT_USAGE, AxiomdlError

if TYPE_CHECKING:  # imported where used: the command table must stay light (see cli/lazy.py)
    from pydantic import BaseModel

    from axiomdl.session import Session


class Seconds(click.ParamType):
    """A positive, finite number of seconds (``nan``, ``inf`` and ``-1`` are usage errors)."""

    name = "seconds"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            x = float(value)
        except (TypeError, ValueError):
            self.fail(f"`{value}` is not a number of seconds", param, ctx)
        if not (0 < x < float("inf")):
            self.fail(f"`{value}` is not a positive, finite number of seconds", param, ctx)
        return x


SECONDS = Seconds()


def project_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--project/-C``, ``--jobs``, ``--no-cache``, ``--cache-dir`` (and load the session lazily)."""

    @click.option(
        "-C",
        "--project",
        "project",
        type=click.Path(path_type=Path),
        default=None,
        help="Lean project or folder to scan (default: the bundled AxiomDL library).",
    )
    @click.option(
        "-j",
        "--jobs",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Scan files in N parallel processes.",
    )
    @click.option("--no-cache", is_flag=True, help="Do not read or write the scan cache.")
    @click.option(
        "--cache-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Where to keep the scan cache (default: the user cache dir, or $AXIOMDL_CACHE_DIR).",
    )
    @click.option(
        "--exact",
        is_flag=True,
        help="Use edges exported from the compiled environment (a cached `axiomdl export`, "
        "or Lean to make one; exit 3 if neither).",
    )
    @click.option(
        "--export-file",
        type=click.Path(path_type=Path),
        default=None,
        help="Read the exact export from FILE (implies --exact).",
    )
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
    @click.option(
        "-v", "--verbose", is_flag=True, help="Say when a cache was stale or damaged and rebuilt."
    )
    @functools.wraps(f)
    def wrapper(
        *args: Any,
        project: Path | None,
        jobs: int,
        no_cache: bool,
        cache_dir: Path | None,
        exact: bool = False,
        export_file: Path | None = None,
        quiet: bool = False,
        verbose: bool = False,
        **kw: Any,
    ) -> Any:
        opened: list[Session] = []
        opener = functools.partial(
            _open,
            jobs=jobs,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            exact=export_file if export_file is not None else exact,
            opened=opened,
            quiet=quiet,
            verbose=verbose,
        )
        if "quiet" in inspect.signature(f).parameters:  # the command draws progress itself
            kw["quiet"] = quiet
        code = f(*args, project=project, open_session=opener, **kw)
        # a file that is not valid Lean source: bad input, whatever the command found
        bad = any(b.severity == "error" for s in opened for b in s.bad_files())
        if bad and (not isinstance(code, int) or code < EXIT_USAGE):
            return EXIT_USAGE
        return code

    return wrapper


def _open(
    path: Path | None,
    *,
    jobs: int,
    use_cache: bool,
    cache_dir: Path | None,
    exact: Path | bool = False,
    opened: list[Session] | None = None,
    quiet: bool = False,
    verbose: bool = False,
) -> Session:
    from axiomdl.session import load

    s = load(
        path,
        jobs=jobs,
        use_cache=use_cache,
        cache_dir=cache_dir,
        exact=exact,
        quiet=quiet,
        verbose=verbose,
    )
    report_input(s)
    if opened is not None:
        opened.append(s)
    return s


def report_input(s: Session) -> None:
    """Say once, on stderr, what could not be read: every command does it the same way."""
    note = s.lake_note()
    if note:
        click.echo(f"axiomdl: warning: {note}", err=True)
    for f in s.bad_files():
        click.echo(f"axiomdl: {f.one_line()}", err=True)
    for f in s.input_warnings():  # dependencies and axiomdl.toml: the scan went on
        click.echo(f"axiomdl: {f.one_line()}", err=True)


def format_option(
    choices: tuple[str, ...] = ("text", "json", "md"), default: str = "text"
) -> Callable[..., Any]:
    """``--format`` with the given choices."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def output_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--output/-o FILE``: write atomically instead of to stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        default=None,
        help="Write to FILE (atomically) instead of stdout.",
    )(f)


def evidence_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--evidence DIR``: probe results shown beside each assumption's stated Status."""
    return click.option(
        "--evidence",
        "evidence_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Probe results to show beside each Status (default: ./probe-results if it exists).",
    )(f)


def emit(text: str, output: Path | None) -> None:
    """Print, or write atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_output(output, text)


def write_output(output: Path, text: str) -> None:
    """Atomic write with a one-line error instead of a traceback."""
    if output.is_dir():
        raise AxiomdlError("is a directory; give a file name for the output", file=output)
    from axiomdl.scan.cache import atomic_write_text

    try:
        atomic_write_text(output, text)
    except OSError as e:
        raise AxiomdlError(f"cannot write output: {e.strerror}", file=output) from None


def dump(model: BaseModel) -> str:
    """JSON for a payload model."""
    return model.model_dump_json(indent=2) + "\n"
