"""``axiomdl mcp`` (the MCP server on stdio) and ``axiomdl search`` (its ranking, on the CLI).

Heavy imports (the SDK, the engine) happen inside the commands, so listing commands
stays fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from axiomdl.cli.common import dump, emit, evidence_option, format_option, project_options
from axiomdl.errors import EXIT_FINDINGS, EXIT_OK, AxiomdlError

ROLES = ("assumption", "conjecture", "discharge", "witness", "separation", "theorem", "definition")
AREAS = ("landscape", "expressivity", "generalization", "foundations", "other")
STATUSES = ("established", "plausible", "contested", "refuted-in-regime")


@click.command("mcp")
@project_options
@evidence_option
def mcp_cmd(project: Path | None, open_session, evidence_dir: Path | None) -> int:
    """Serve the project to AI assistants over the Model Context Protocol (stdio).

    Tools: search, assumption, rests_on, why, impact, unused, lint, falsify, check_loss,
    try, build. Resources: axiomdl://catalogue, axiomdl://graph,
    axiomdl://assumption/NAME. Prompt: prove_against_assumptions. The project is loaded
    once and reloaded when its Lean files change. See docs/mcp.md for client set-up.
    """
    from axiomdl.mcp import require_sdk

    require_sdk()
    from axiomdl.mcp.server import create_server
    from axiomdl.mcp.state import ProjectState

    if evidence_dir is not None and not evidence_dir.is_dir():
        raise AxiomdlError(
            "no probe results there; run `axiomdl probe --results DIR` first", file=evidence_dir
        )
    state = ProjectState(project, open_session, evidence_dir)
    state.session()  # a bad project is exit 2 here, before any client talks to us
    state.evidence()
    create_server(state).run("stdio")
    return EXIT_OK


@click.command("search")
@click.argument("query")
@click.option("--kind", type=click.Choice(ROLES), default=None, help="Only this role.")
@click.option("--area", type=click.Choice(AREAS), default=None, help="Only this area.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only this status.")
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(1, 10_000),
    default=20,
    show_default=True,
    help="At most N.",
)
@project_options
@format_option(("text", "json"))
def search_cmd(query, kind, area, status, limit, project, open_session, fmt) -> int:
    """Find declarations by name (exact, acronym like PL, prefix, substring) or docstring words.

    Exit 1 when nothing matches.
    """
    from axiomdl.mcp import tools
    from axiomdl.mcp.state import ProjectState

    state = ProjectState(project, open_session)
    r = tools.search(state, query, kind, area, status, limit)
    if fmt == "json":
        emit(dump(r), None)
    else:
        width = min(max((len(h.name) for h in r.hits), default=10), 60)
        lines = [f"{h.name:<{width}}  {h.role:<11} {h.match:<9} {h.file}:{h.line}" for h in r.hits]
        more = f" (showing {len(r.hits)})" if r.total > len(r.hits) else ""
        lines.append(f"{r.total} match(es) for `{query}`{more}")
        emit("\n".join(lines) + "\n", None)
    return EXIT_OK if r.total else EXIT_FINDINGS


def register(group: click.Group) -> None:
    """Attach ``mcp`` and ``search``."""
    group.add_command(mcp_cmd)
    group.add_command(search_cmd)
