"""Lean backend commands: doctor, build, export, compare, try, dojo trace.

Exit codes: 0 ok · 1 findings (build errors) · 2 bad usage/input or a missing extra ·
3 a Lean toolchain is needed and not found.
"""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import click

from axiomdl import __version__
from axiomdl.cli.common import (
    SECONDS,
    dump,
    emit,
    format_option,
    output_option,
    project_options,
)
from axiomdl.cli.lazy import LazyModule
from axiomdl.errors import EXIT_FINDINGS, EXIT_NO_LEAN, EXIT_OK, AxiomdlError
from axiomdl.scan.files import bundled_root

tcmod = LazyModule("axiomdl.lean.toolchain")  # subprocess & co., only when a command runs
PATH_ARG = click.argument("path", required=False, type=click.Path(path_type=Path))


def _pick(path: Path | None, project: Path | None) -> Path | None:
    if path is not None and project is not None and path != project:
        raise AxiomdlError("give the project either as PATH or as --project, not both")
    return path or project


def _scan_root(target: Path | None) -> Path:
    return target if target is not None else bundled_root() / "lean"


def _warn_mismatch(tc: tcmod.Toolchain) -> None:
    if tc.mismatch:
        click.echo(f"axiomdl: warning: {tc.mismatch}", err=True)


# -- doctor --------------------------------------------------------------------------


@click.command()
@click.option(
    "-C",
    "--project",
    type=click.Path(path_type=Path),
    default=None,
    help="Lean project whose lean-toolchain pin to compare (default: bundled library).",
)
@click.option(
    "--require-lean",
    is_flag=True,
    help="Exit 3 unless lake and lean are found and lean elaborates a one-line file.",
)
@format_option(("text", "json"))
def doctor(project, require_lean, fmt) -> int:
    """What is installed: Python side, Lean toolchain (vs the pin), optional extras.

    Exits 0 when the Python side works, even without Lean (static mode needs none);
    1 if the Python side is broken; 3 with --require-lean when Lean is missing or
    cannot elaborate a one-line file (which proves the toolchain really runs).
    """
    from axiomdl.lean.adapters import EXTRAS, has_extra
    from axiomdl.scan.parse import native_available

    root = tcmod.lake_root(project)
    tc = tcmod.discover(root)
    lib = bundled_root() / "lean"
    python_ok = lib.is_dir() and any(lib.rglob("*.lean"))
    info = {
        "axiomdl": __version__,
        "python": platform.python_version(),
        "bundled_library": str(lib) if python_ok else None,
        "tools": {k: (str(v) if v else None) for k, v in tc.paths.items()},
        "lean_version": tc.lean_version,
        "pin": tc.pin,
        "pin_file": str(tc.pin_file) if tc.pin_file else None,
        "pin_mismatch": tc.mismatch,
        "extras": {k: has_extra(k) for k in EXTRAS},
        "scanner_core": "native" if native_available() else "python",
        "notes": tc.notes,
    }
    if fmt == "json":
        click.echo(json.dumps(info, indent=2))
    else:
        ok, bad = "found", "MISSING"
        click.echo(f"axiomdl {__version__} on Python {info['python']}")
        click.echo(f"  bundled library   {'found: ' + str(lib) if python_ok else bad}")
        core = (
            "native C core"
            if native_available()
            else "pure Python (the C core was not built; same results, ~8x slower)"
        )
        click.echo(f"  scanner           {core}")
        for t in tcmod.TOOLS:
            p = tc.paths.get(t)
            click.echo(f"  {t:<17} {ok + ': ' + str(p) if p else bad}")
        click.echo(f"  lean version      {tc.lean_version or '-'} (pinned: {tc.pin or '-'})")
        for k, present in info["extras"].items():
            hint = "installed" if present else f"not installed (pip install 'axiomdl[{k}]')"
            click.echo(f"  extra [{k}]{' ' * (10 - len(k))} {hint}")
        for n in tc.notes:
            click.echo(f"  note: {n}")
        if tc.mismatch:
            click.echo(f"  warning: {tc.mismatch}")
        if not tc.usable:
            click.echo(
                "Lean is not installed: static commands work; build, export, try, --exact "
                f"need it; {tcmod.INSTALL_HINT}."
            )
    if not python_ok:
        return EXIT_FINDINGS
    if require_lean and not tc.usable:
        return EXIT_NO_LEAN
    if require_lean:
        why = tcmod.smoke_test(tc)
        if why is not None:
            click.echo(f"axiomdl: error: the Lean toolchain does not run: {why}", err=True)
            return EXIT_NO_LEAN
        click.echo("  smoke test        ok: lean elaborated a one-line file")
    return EXIT_OK


# -- build ---------------------------------------------------------------------------


@click.command()
@PATH_ARG
@project_options
@click.option("--target", default=None, help="Lake target to build (default: the default targets).")
@click.option(
    "--all-files", is_flag=True, help="Run `lean --json` on every file, not only failing ones."
)
@click.option(
    "--timeout",
    type=SECONDS,
    default=3600.0,
    show_default=True,
    help="Seconds allowed for `lake build`.",
)
@click.option(
    "--file-timeout",
    type=SECONDS,
    default=600.0,
    show_default=True,
    help="Seconds allowed per `lake env lean --json FILE`.",
)
@click.option(
    "--messages",
    "messages_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Map a saved `lean --json` output (JSON Lines) instead of running Lean.",
)
@click.option(
    "--json-out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the JSON result to FILE (e.g. for a CI artifact next to -f github).",
)
@format_option(("text", "json", "github"))
@output_option
def build(
    path,
    project,
    open_session,
    target,
    all_files,
    timeout,
    file_timeout,
    messages_file,
    json_out,
    fmt,
    output,
) -> int:
    """`lake build`, then per-declaration status (compiled/error/sorry); exit 1 on errors."""
    from axiomdl.lean.messages import github_annotations, text_report

    tgt = _pick(path, project)
    scan_root = _scan_root(tgt)
    lroot = tcmod.lake_root(tgt)
    if messages_file is not None:
        result = _replay(messages_file, open_session(tgt), scan_root, lroot)
    else:
        tc = tcmod.require("`axiomdl build`", lroot)
        _warn_mismatch(tc)
        s = open_session(tgt)
        from axiomdl.lean.build import run_build

        result = run_build(
            tc,
            s.project,
            scan_root,
            lroot,
            target=target,
            timeout=timeout,
            file_timeout=file_timeout,
            all_files=all_files,
        )
    if json_out is not None:
        emit(dump(result), json_out)
    if fmt == "json":
        emit(dump(result), output)
    elif fmt == "github":
        emit(github_annotations(result.diagnostics), output)
    else:
        emit(text_report(result), output)
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _replay(messages_file: Path, s, scan_root: Path, lroot: Path):
    from axiomdl.lean.messages import DeclIndex, count, parse_messages, place, statuses
    from axiomdl.lean.models import BuildResult

    try:
        text = messages_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AxiomdlError("no such file", file=messages_file) from None
    except (OSError, UnicodeDecodeError) as e:
        raise AxiomdlError(f"cannot read: {e}", file=messages_file) from None
    msgs, _other = parse_messages(text, source=str(messages_file))
    index = DeclIndex(s.project, scan_root, lroot)
    diags = place(msgs, index)
    checked = sorted({index.lake_path(m.file_name) for m in msgs})
    decls = statuses(s.project, index, diags, checked)
    return BuildResult(
        project=str(lroot),
        ok=not any(d.severity == "error" for d in diags),
        checked_files=checked,
        diagnostics=diags,
        declarations=decls,
        counts=count(decls),
    )


# -- export / compare ----------------------------------------------------------------


@click.command("export")
@PATH_ARG
@project_options
@click.option("--force", is_flag=True, help="Export every module again, ignoring the cache.")
@click.option("--no-build", is_flag=True, help="Do not run `lake build` first.")
@click.option(
    "--timeout",
    type=SECONDS,
    default=3600.0,
    show_default=True,
    help="Seconds allowed for each of `lake build` and the exporter.",
)
@output_option
def export_cmd(path, project, open_session, force, no_build, timeout, output) -> int:
    """Run the exporter (`lake exe axiomdl-export`) and cache its JSON Lines for --exact."""
    from axiomdl.lean import proc
    from axiomdl.lean.export import load_export, run_export

    tgt = _pick(path, project)
    lroot = tcmod.lake_root(tgt)
    tc = tcmod.require("`axiomdl export`", lroot)
    _warn_mismatch(tc)
    s = open_session(tgt)
    if not no_build:
        say = lambda line: click.echo(line, err=True)  # noqa: E731
        done = proc.run([str(tc.lake), "build"], cwd=lroot, timeout=timeout, on_line=say)
        if done.returncode != 0:
            raise AxiomdlError(
                "`lake build` failed; run `axiomdl build` for diagnostics",
                file=lroot,
                exit_code=EXIT_FINDINGS,
            )
    ep, ran = run_export(
        tc, lroot, [f.module for f in s.project.files], force=force, timeout=timeout
    )
    ex = load_export(ep)
    ex.warn()
    if output is not None:
        emit(ep.read_text(encoding="utf-8"), output)
    click.echo(
        f"exported {len(ex.decls)} declarations from {len(ex.modules)} module(s) "
        f"({len(ran)} re-exported) to {ep}",
        err=output is None,
    )
    return EXIT_OK


@click.command()
@PATH_ARG
@project_options
@format_option(("text", "json"))
@output_option
def compare(path, project, open_session, fmt, output) -> int:
    """Edges found by only one of the static and exact modes (the scanner's accuracy).

    Uses --export-file FILE, else the cached export (`axiomdl export`).
    """
    from axiomdl.graph import build_graph
    from axiomdl.lean.exact import compare as do_compare
    from axiomdl.lean.exact import compare_text

    tgt = _pick(path, project)
    s = open_session(tgt)
    if s.export is None:  # compare always needs the export; load it like --exact would
        from axiomdl.lean.exact import load_exact

        _g, export = load_exact(s.project, s.graph, tgt, True)
    else:
        export = s.export
    static_g = build_graph(s.project)
    c = do_compare(
        s.project, static_g, export, label=str(tgt) if tgt else "bundled AxiomDL library"
    )
    emit(dump(c) if fmt == "json" else compare_text(c), output)
    return EXIT_OK


# -- adapters ------------------------------------------------------------------------


@click.command("try")
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "-C",
    "--project",
    type=click.Path(path_type=Path),
    default=None,
    help="Built Lean project to check against (default: the bundled library).",
)
@click.option(
    "--timeout",
    type=SECONDS,
    default=300.0,
    show_default=True,
    help="Seconds allowed for Lean to check the snippet.",
)
@format_option(("text", "json"))
def try_cmd(file, project, timeout, fmt) -> int:
    """Check a snippet or file (`-` = stdin) against the built library, via LeanInteract.

    Prints Lean's messages and the goal at each `sorry`; exit 1 if Lean reports errors.
    """
    from axiomdl.lean.adapters import render_try, require_extra, try_code

    lroot = tcmod.lake_root(project)
    tc = tcmod.require("`axiomdl try`", lroot)
    _warn_mismatch(tc)
    require_extra("interact", "`axiomdl try`")
    if str(file) == "-":
        code, source = sys.stdin.read(), "<stdin>"
    else:
        try:
            code, source = file.read_text(encoding="utf-8"), str(file)
        except FileNotFoundError:
            raise AxiomdlError("no such file", file=file) from None
        except (OSError, UnicodeDecodeError) as e:
            raise AxiomdlError(f"cannot read: {e}", file=file) from None
    if not code.strip():
        raise AxiomdlError("nothing to check: the snippet is empty", file=source)
    out = try_code(lroot, code, timeout)
    click.echo(json.dumps(out, indent=2) if fmt == "json" else render_try(out, source), nl=False)
    errs = any(m.get("severity") == "error" for m in out.get("messages", []))
    return EXIT_FINDINGS if errs else EXIT_OK


@click.group()
def dojo() -> None:
    """LeanDojo integration (`pip install 'axiomdl[dojo]'`)."""


@dojo.command("trace")
@PATH_ARG
@click.option(
    "--dst",
    type=click.Path(path_type=Path),
    default=None,
    help="Where LeanDojo writes the trace (default: .lake/axiomdl/dojo).",
)
@click.option(
    "--timeout",
    type=SECONDS,
    default=7200.0,
    show_default=True,
    help="Seconds allowed for the whole trace.",
)
def dojo_trace(path, dst, timeout) -> int:
    """Trace the repository with lean-dojo (premises, tactics) where it supports the toolchain."""
    from axiomdl.lean.adapters import require_extra, run_worker

    lroot = tcmod.lake_root(path)
    tc = tcmod.require("`axiomdl dojo trace`", lroot)
    _warn_mismatch(tc)
    require_extra("dojo", "`axiomdl dojo trace`")
    out_dir = dst or (lroot / ".lake" / "axiomdl" / "dojo")
    out = run_worker(["trace", str(lroot), str(out_dir)], timeout=timeout)
    click.echo(f"traced {out['files']} files, {out['theorems']} theorems into {out['dst']}")
    return EXIT_OK


def register(group: click.Group) -> None:
    """Attach the Lean backend commands."""
    for cmd in (doctor, build, export_cmd, compare, try_cmd, dojo):
        group.add_command(cmd)
