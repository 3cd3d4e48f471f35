"""Core commands: report, rests-on, why, impact, unused, audit, lint, diff, graph, docs, schema."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import click

from axiomdl.bundled import bundled_root
from axiomdl.cli.common import (
    dump,
    emit,
    evidence_option,
    format_option,
    output_option,
    project_options,
    write_output,
)
from axiomdl.cli.lazy import LazyModule
from axiomdl.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, AxiomdlError
from axiomdl.report.limits import SUMMARY_THRESHOLD

# imported when a command runs, not when the command table is built (see cli/lazy.py)
build = LazyModule("axiomdl.report.build")
render = LazyModule("axiomdl.report.render")
github = LazyModule("axiomdl.report.github")

PATH_ARG = click.argument("path", required=False, type=click.Path(path_type=Path))
INCLUDE_DEPS = click.option(
    "--include-deps",
    is_flag=True,
    help="Also list the dependencies' declarations and findings (the imported Lake packages "
    "and the bundled library; by default only the project's own are listed).",
)


def _say_left_out(n: int) -> None:
    """Never hide findings silently: say on stderr how many dependencies' were left out."""
    if n:
        click.echo(
            f"axiomdl: {n} finding(s) in dependencies not listed (--include-deps lists them)",
            err=True,
        )


def _pick(path: Path | None, project: Path | None) -> Path | None:
    if path is not None and project is not None and path != project:
        raise AxiomdlError("give the project either as PATH or as --project, not both")
    return path or project


@click.command()
@PATH_ARG
@project_options
@format_option()
@output_option
@evidence_option
@click.option(
    "--site",
    "site_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the static explorer site to this folder (see `axiomdl site`).",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"Text: list every result (over {SUMMARY_THRESHOLD} results, the default "
    "lists the ones with the largest requires sets).",
)
@INCLUDE_DEPS
def report(
    path, project, open_session, fmt, output, evidence_dir, site_dir, show_all, include_deps
) -> int:
    """Assumptions, each result's requires set, and findings."""
    from axiomdl.probes.evidence import load_evidence

    evidence = load_evidence(evidence_dir)
    target = _pick(path, project)
    s = open_session(target)
    label = str(target) if target else "bundled AxiomDL library"

    def produce() -> tuple[str, int]:
        r = build.build_report(s, label, evidence=evidence, include_deps=include_deps)
        if fmt == "json":
            text = dump(r)
        elif fmt == "md":
            text = render.report_md(r)
        else:
            text = render.console_text(lambda c: render.report_text(r, c, show_all=show_all))
        return text, EXIT_FINDINGS if any(f.severity == "error" for f in r.findings) else EXIT_OK

    # the whole output, reused while no file (and no option or probe result) changes;
    # unreadable files were already reported once by `open_session` (exit 2 there)
    key = ("report", fmt, str(show_all and fmt == "text"), label, _evidence_key(evidence))
    key += ("include-deps",) if include_deps else ()
    text, code = s.cached(key, produce)
    emit(text, output)
    if site_dir is not None:
        from axiomdl.site import build_site
        from axiomdl.site.build import project_title

        site = build_site(
            s,
            site_dir,
            label=label,
            title=project_title(target),
            evidence=evidence,
            include_deps=include_deps,
        )
        click.echo(f"wrote the explorer to {site.out / 'index.html'}", err=True)
    return code


def _evidence_key(evidence: dict) -> str:
    """A digest of the probe results a report shows (part of its cache key)."""
    blob = json.dumps(
        [e.model_dump(mode="json") for _, e in sorted(evidence.items())], sort_keys=True
    )
    return hashlib.blake2b(blob.encode(), digest_size=16).hexdigest()


@click.command("rests-on")
@click.argument("name")
@project_options
@format_option()
@output_option
def rests_on(name, project, open_session, fmt, output) -> int:
    """Which assumptions NAME requires, establishes and uses (and via which discharge)."""
    s = open_session(project)
    r = build.rests_on(s, s.resolve_name(name))
    if s.export is not None:  # --exact: the Lean axioms the result depends on
        from axiomdl.lean.audit import foundations

        r.foundations = foundations(s.export, r.name)
    text = render.rests_on_text(r)
    if s.export is not None:
        text += f"foundations (exact): {', '.join(r.foundations) or 'none'}\n"
    emit(dump(r) if fmt == "json" else _md_or_text(text, fmt), output)
    return EXIT_OK


@click.command()
@click.argument("name")
@click.argument("assumption")
@project_options
@format_option()
@output_option
def why(name, assumption, project, open_session, fmt, output) -> int:
    """The shortest labelled path from NAME to ASSUMPTION."""
    s = open_session(project)
    w = build.why(s, s.resolve_name(name), _resolve_assumption(s, assumption))
    emit(dump(w) if fmt == "json" else _md_or_text(render.why_text(w), fmt), output)
    return EXIT_OK if w.steps else EXIT_FINDINGS


def _resolve_assumption(s, name: str) -> str:
    """Like ``resolve_name``, but an unknown name gets suggestions among assumptions only."""
    if name not in s.graph and not any(n.endswith("." + name) for n in s.graph.nodes):
        from axiomdl.queries import unknown_name_message

        assumptions = [n for n, role in s.analysis.roles.items() if role == "assumption"]
        raise AxiomdlError(unknown_name_message(name, assumptions))
    return s.resolve_name(name)


@click.command()
@click.argument("assumption")
@project_options
@format_option()
@output_option
@INCLUDE_DEPS
def impact(assumption, project, open_session, fmt, output, include_deps) -> int:
    """What falls if ASSUMPTION is dropped: statement vs proof dependents."""
    s = open_session(project)
    i = build.impact(s, _resolve_assumption(s, assumption), include_deps)
    emit(dump(i) if fmt == "json" else _md_or_text(render.impact_text(i), fmt), output)
    return EXIT_OK


@click.command()
@project_options
@format_option()
@output_option
@INCLUDE_DEPS
def unused(project, open_session, fmt, output, include_deps) -> int:
    """Assumptions that no result requires or uses."""
    s = open_session(project)
    names = [n for n in s.analysis.unused() if include_deps or s.owns(n)]
    if fmt == "json":
        from axiomdl.model import UnusedList

        emit(dump(UnusedList(unused=names)), output)
    else:
        emit(
            _md_or_text("\n".join(names) + ("\n" if names else "no unused assumptions\n"), fmt),
            output,
        )
    return EXIT_OK


@click.command()
@PATH_ARG
@project_options
@format_option(("text", "json", "md", "github"))
@output_option
@INCLUDE_DEPS
def audit(path, project, open_session, fmt, output, include_deps) -> int:
    """sorry, admit, native_decide, declared axioms, scope problems; exit 1 on findings."""
    s = open_session(_pick(path, project))
    everything = build.audit_findings(s)
    if s.analysis.mode == "exact":  # --exact: add the compiled environment's axiom audit
        from axiomdl.lean.audit import session_axiom_findings

        everything += session_axiom_findings(s)
    findings = build.in_scope(s, everything, include_deps)
    _say_left_out(len(everything) - len(findings))
    errors = [f for f in findings if f.severity == "error"]
    if fmt == "json":
        from axiomdl.model import AuditResult

        emit(dump(AuditResult(mode=s.analysis.mode, findings=findings)), output)
    elif fmt == "github":
        emit(github.github_lines(findings, s.project.root), output)
    else:
        text = (
            "".join(f.one_line() + "\n" for f in findings)
            + f"audit ({s.analysis.mode}): {len(errors)} finding(s)\n"
        )
        emit(_md_or_text(text, fmt), output)
    return EXIT_FINDINGS if errors else EXIT_OK


@click.command()
@PATH_ARG
@project_options
@click.option(
    "--core-names",
    type=click.Path(path_type=Path),
    default=None,
    help="Allowlist of verified core names (default: core-names.txt beside the library).",
)
@click.option(
    "--strict-names",
    is_flag=True,
    help="Report identifiers that are neither declared nor allowlisted on any project "
    "(always on for the AxiomDL library; elsewhere they may come from unread dependencies).",
)
@format_option(("text", "json", "github"))
@output_option
@INCLUDE_DEPS
def lint(path, project, open_session, core_names, strict_names, fmt, output, include_deps) -> int:
    """Static checks (the compiler stand-in); exit 1 on error findings.

    The AxiomDL library's own rules (allowlisted names, core-only imports,
    autoImplicit off) apply to it, or to any project with --strict-names."""
    from axiomdl.lint import find_core_names, library_files, run_lint

    target = _pick(path, project)
    s = open_session(target)
    root = target if target is not None else bundled_root() / "lean"
    if core_names is not None and not core_names.is_file():
        raise AxiomdlError("no such allowlist file", file=core_names)
    allow = core_names or find_core_names(root if root.is_dir() else root.parent)
    library = library_files(s, bundled=target is None)
    result = run_lint(s, allow, library=library, strict_names=strict_names)
    kept = build.in_scope(s, result.findings, include_deps)
    _say_left_out(len(result.findings) - len(kept))
    result.findings = kept
    if fmt == "json":
        emit(dump(result), output)
    elif fmt == "github":
        emit(github.github_lines(result.findings, s.project.root), output)
    else:
        emit(render.lint_text(result), output)
    # Warnings are shown but do not fail the run; errors do.
    return EXIT_FINDINGS if any(f.severity == "error" for f in result.findings) else EXIT_OK


@click.command()
@click.argument("rev1")
@click.argument("rev2", required=False)
@click.option(
    "-C",
    "--project",
    "--repo",
    "repo",
    type=click.Path(path_type=Path),
    default=Path("."),
    show_default=True,
    help="Lean project to compare, as in every command; it must be inside a git repository "
    "(at the repository root, its lean/ folder if it has one).",
)
@click.option(
    "--path",
    "sub",
    default=None,
    help="Lean folder inside the repository (default: the project's folder).",
)
@click.option("--allow-growth", is_flag=True, help="Do not fail when a requires set grew.")
@format_option()
@output_option
def diff(rev1, rev2, repo, sub, allow_growth, fmt, output) -> int:
    """Requires-set changes from REV1 to REV2 (default: the work tree); exit 1 on growth."""
    from axiomdl.diff import diff_revisions

    bad: list = []
    d = diff_revisions(repo, rev1, rev2, sub, bad)
    for f in bad:  # as every scanning command reports them: once, on stderr
        click.echo(f"axiomdl: {f.one_line()}", err=True)
    emit(dump(d) if fmt == "json" else _md_or_text(render.diff_text(d), fmt), output)
    if any(f.severity == "error" for f in bad):
        return EXIT_USAGE
    return EXIT_FINDINGS if d.grew and not allow_growth else EXIT_OK


@click.command()
@PATH_ARG
@project_options
@format_option(("dot", "graphml", "json"), default="dot")
@output_option
def graph(path, project, open_session, fmt, output) -> int:
    """Export the dependency graph (DOT, GraphML or JSON)."""
    from axiomdl.report import graph_formats

    s = open_session(_pick(path, project))
    if fmt == "dot":
        emit(graph_formats.to_dot(s), output)
    elif fmt == "graphml":
        emit(graph_formats.to_graphml(s), output)
    else:
        emit(dump(graph_formats.to_json_model(s)), output)
    return EXIT_OK


@click.command()
@project_options
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Catalogue file (default: docs/axioms.md in the source checkout).",
)
@click.option("--check", is_flag=True, help="Exit 1 if the file is stale instead of writing it.")
def docs(project, open_session, output, check) -> int:
    """Regenerate the assumption catalogue docs/axioms.md."""
    from axiomdl.report.catalogue import render_catalogue

    s = open_session(project)
    r = build.build_report(s, "bundled AxiomDL library")
    text = render_catalogue(s, r)
    out = output or (bundled_root() / "docs" / "axioms.md")
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            click.echo(f"axiomdl: {out}: catalogue is stale; run `axiomdl docs`", err=True)
            return EXIT_FINDINGS
        return EXIT_OK
    write_output(out, text)
    click.echo(f"wrote {out}")
    return EXIT_OK


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the JSON Schemas (default: docs/schema in the source checkout).",
)
def schema(output) -> int:
    """Write JSON Schemas generated from the output models."""
    from axiomdl.report.schemas import all_payloads

    out = output or (bundled_root() / "docs" / "schema")
    payloads = all_payloads()
    for name, model in payloads.items():
        write_output(
            out / f"{name}.schema.json", json.dumps(model.model_json_schema(), indent=2) + "\n"
        )
    click.echo(f"wrote {len(payloads)} schemas to {out}")
    return EXIT_OK


def _md_or_text(text: str, fmt: str) -> str:
    return f"```\n{text}```\n" if fmt == "md" else text


def register(group: click.Group) -> None:
    """Attach the core commands to the top-level group."""
    for cmd in (report, rests_on, why, impact, unused, audit, lint, diff, graph, docs, schema):
        group.add_command(cmd)
