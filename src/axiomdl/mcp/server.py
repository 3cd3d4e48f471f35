"""The MCP server: typed tools, resources and a prompt over one project, served on stdio.

Built on the official SDK's ``MCPServer``: each tool's input schema comes from its
annotated parameters and its output schema from the pydantic model it returns.
Every failure a client can cause comes back as a tool error with one line of text
(``unknown declaration `X`; did you mean …``); the server keeps serving.
"""

import io
import os
import re
import sys
from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

import anyio
import anyio.to_thread
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.server.stdio import stdio_server
from mcp.types import Resource
from pydantic import Field

from axiomdl import __version__
from axiomdl.compute.falsify import DEFAULT_INSTANCES
from axiomdl.compute.models import FalsifyReport, LossReport
from axiomdl.errors import AxiomdlError
from axiomdl.mcp import lean_tools, tools
from axiomdl.mcp.models import AssumptionInfo, LeanCheck, SearchResult, UnusedResult
from axiomdl.mcp.render import assumption_md, prove_prompt
from axiomdl.mcp.state import ProjectState
from axiomdl.model import ImpactResult, LintResult, RestsOn, WhyResult

T = TypeVar("T")
Kind = Literal[
    "assumption", "conjecture", "discharge", "witness", "separation", "theorem", "definition"
]
Area = Literal["landscape", "expressivity", "generalization", "foundations", "other"]
Status = Literal["established", "plausible", "contested", "refuted-in-regime"]
Name = Annotated[str, Field(description="full Lean name or an unambiguous suffix")]
Source = Annotated[
    str, Field(description="Lean 4 source of one module (UTF-8, at most 1,000,000 bytes)")
]

INSTRUCTIONS = """\
axiomdl answers questions about a Lean 4 library of named deep-learning assumptions
(Prop structures taken as hypotheses, never axioms) and the theorems proved from them.
Find names with `search` (an acronym such as PL works), read one with `assumption`,
ask what a result rests on with `rests_on`/`why`, what falls with `impact`. Before
proposing Lean code: `lint` it (unknown names, sorry, docstring headers), `falsify` its
arithmetic statements, then `try` it with Lean when a toolchain is installed. The
resource axiomdl://catalogue lists every assumption."""


def _run(call: Callable[[], T]) -> T:
    """Run a tool body; user errors become one-line tool errors, bugs a labelled one."""
    try:
        return call()
    except AxiomdlError as e:
        raise ToolError(" ".join(e.one_line().removeprefix("error: ").split())) from None
    except ToolError:
        raise
    except Exception as e:  # a bug, not bad input: keep serving, say what broke
        if os.environ.get("AXIOMDL_DEBUG"):
            raise
        print(f"axiomdl mcp: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        raise ToolError(f"internal error: {type(e).__name__}: {e}") from None


# A JSON escape: a surrogate pair, a lone surrogate, or any other escaped character.
_JSON_ESCAPE = re.compile(
    r"\\(u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[dD][89a-fA-F][0-9a-fA-F]{2}|.)",
    re.S,
)


def _lone_to_replacement(m: re.Match[str]) -> str:
    body = m.group(1)
    return "\\ufffd" if len(body) == 5 and body[0] == "u" else m.group(0)


class _SurrogateSafeLines(io.TextIOBase):
    """stdin lines with lone-surrogate escapes (``\\udce9``) turned into U+FFFD.

    That is how JSON carries bytes that were not UTF-8 (Python's ``json.dumps`` of a
    ``surrogateescape`` string); the SDK's parser rejects such a message without an
    answer, leaving the client waiting. As U+FFFD the request arrives, and the
    snippet check answers it with a clear error.
    """

    def __init__(self, raw: io.TextIOBase) -> None:
        self._raw = raw

    def readline(self, size: int = -1) -> str:  # type: ignore[override]
        line = self._raw.readline(size)
        return _JSON_ESCAPE.sub(_lone_to_replacement, line) if "\\u" in line else line


class AxiomdlServer(MCPServer):
    """``MCPServer`` whose resource list has one entry per assumption of the current load."""

    def __init__(self, state: ProjectState) -> None:
        super().__init__(
            name="axiomdl",
            title="axiomdl: assumptions of deep learning in Lean 4",
            version=__version__,
            instructions=INSTRUCTIONS,
            log_level="WARNING",
        )
        self.state = state

    async def run_stdio_async(self) -> None:
        """Serve on stdio, reading stdin through :class:`_SurrogateSafeLines`."""
        raw = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        stdin = anyio.wrap_file(_SurrogateSafeLines(raw))
        async with stdio_server(stdin=stdin) as (read_stream, write_stream):
            low = self._lowlevel_server
            await low.run(read_stream, write_stream, low.create_initialization_options())

    async def list_resources(self) -> list[Resource]:
        """The catalogue and the graph, then ``axiomdl://assumption/<name>`` for each."""
        out = await super().list_resources()
        s = await anyio.to_thread.run_sync(self.state.session)
        for n in s.analysis.hyps:
            d = s.project.decls.get(n)
            out.append(
                Resource(
                    uri=f"axiomdl://assumption/{n}",
                    name=n,
                    description=f"{s.analysis.roles[n]}: status {d.meta.get('status', '?')}"
                    if d is not None
                    else None,
                    mime_type="text/markdown",
                )
            )
        return out


def create_server(state: ProjectState) -> AxiomdlServer:
    """A server with every tool, resource and prompt registered against ``state``."""
    server = AxiomdlServer(state)
    _register_queries(server, state)
    _register_checks(server, state)
    _register_resources(server, state)
    return server


def _register_queries(server: MCPServer, state: ProjectState) -> None:
    @server.tool()
    def search(
        query: Annotated[str, Field(description="a name, prefix, acronym (PL) or words")],
        kind: Kind | None = None,
        area: Area | None = None,
        status: Status | None = None,
        limit: Annotated[int, Field(ge=1, le=200)] = tools.DEFAULT_LIMIT,
    ) -> SearchResult:
        """Find declarations: exact name, acronym (PL → PolyakLojasiewicz), prefix,
        substring, then docstring words; filter by kind (role), area and status."""
        return _run(lambda: tools.search(state, query, kind, area, status, limit))

    @server.tool()
    def assumption(name: Name) -> AssumptionInfo:
        """One assumption or conjecture: statement, docstring, status, evidence (and
        measured probe verdicts), references, what requires it, what establishes it,
        its witnesses."""
        return _run(lambda: tools.assumption(state, name))

    @server.tool()
    def rests_on(name: Name) -> RestsOn:
        """The assumptions a result requires (hypotheses), establishes (conclusion) and
        uses (through its proof, with the discharge path), and whether a witness shows
        its requirements satisfiable together."""
        return _run(lambda: tools.rests_on(state, name))

    @server.tool()
    def why(name: Name, assumption: Name) -> WhyResult:
        """The shortest labelled path from a result to an assumption (no steps: it does
        not depend on it)."""
        return _run(lambda: tools.why(state, name, assumption))

    @server.tool()
    def impact(assumption: Name) -> ImpactResult:
        """What falls if an assumption is dropped: results whose statement requires it,
        results whose proof uses it, definitions that bundle it."""
        return _run(lambda: tools.impact(state, assumption))

    @server.tool()
    def unused() -> UnusedResult:
        """Assumptions that no result requires or uses."""
        return _run(lambda: tools.unused(state))


def _register_checks(server: MCPServer, state: ProjectState) -> None:
    @server.tool()
    def lint(source: Source) -> LintResult:
        """The strict lint on a snippet, as a new module of the project: unknown names,
        sorry/axiom/native_decide, missing `set_option autoImplicit false`, imports,
        assumption docstring headers. Findings name the file Snippet.lean."""
        return _run(lambda: tools.lint(state, source))

    @server.tool()
    def falsify(
        statement: Annotated[
            str,
            Field(
                description="a Lean declaration (theorem/lemma/example) or a bare statement "
                "such as `(x : Rat) (h : 0 < x) : 0 < x * x`"
            ),
        ],
        instances: Annotated[int, Field(ge=1, le=100_000)] = DEFAULT_INSTANCES,
        seed: int = 0,
    ) -> FalsifyReport:
        """Search for counterexamples by exact arithmetic (Rat, Nat, Int with Lean's
        junk values); statements outside the fragment come back `skipped` with a reason."""
        return _run(lambda: tools.falsify(state, statement, instances, seed))

    @server.tool()
    def check_loss(
        expr: Annotated[str, Field(description="a sympy expression, `^` is power")],
        vars: Annotated[list[str], Field(min_length=1, description="the parameters")],
        box: Annotated[
            dict[str, tuple[float, float]] | None,
            Field(description="restrict to a box: {name: [lo, hi]} (default: global)"),
        ] = None,
        grid: Annotated[int, Field(ge=9, le=200_000)] = 4000,
    ) -> LossReport:
        """Which landscape assumptions (convex, smooth, strongly convex, PL) a concrete
        loss satisfies, with constants, and the library theorems that then apply."""
        return _run(lambda: tools.check_loss(state, expr, vars, box, grid))

    @server.tool(name="try")
    def try_(
        source: Source,
        timeout: Annotated[float, Field(gt=0, le=3600)] = lean_tools.DEFAULT_TRY_TIMEOUT,
    ) -> LeanCheck:
        """Compile a snippet against the built library with Lean (`lake env lean
        --json`); without a Lean toolchain: toolchain `missing` and how to install one."""
        return _run(lambda: lean_tools.try_source(state, source, timeout))

    @server.tool()
    def build(
        path: Annotated[
            str | None,
            Field(description="a file (as `search` reports it) or module; default: all"),
        ] = None,
        timeout: Annotated[float, Field(gt=0, le=86_400)] = lean_tools.DEFAULT_BUILD_TIMEOUT,
    ) -> LeanCheck:
        """`lake build` with per-declaration diagnostics; without a Lean toolchain:
        toolchain `missing` and how to install one."""
        return _run(lambda: lean_tools.build(state, path, timeout))


def _register_resources(server: MCPServer, state: ProjectState) -> None:
    @server.resource(
        "axiomdl://catalogue",
        name="catalogue",
        description="Every assumption and conjecture by area, as docs/axioms.md renders it",
        mime_type="text/markdown",
    )
    def catalogue() -> str:
        from axiomdl.report.build import build_report
        from axiomdl.report.catalogue import render_catalogue

        def make(s):  # type: ignore[no-untyped-def]
            return render_catalogue(s, build_report(s, state.label, evidence=state.evidence()))

        return state.memo("catalogue", make)

    @server.resource(
        "axiomdl://graph",
        name="graph",
        description="The dependency graph: declarations and labelled edges (JSON)",
        mime_type="application/json",
    )
    def graph() -> str:
        from axiomdl.report.graph_formats import to_json_model

        return state.memo("graph-json", lambda s: to_json_model(s).model_dump_json())

    @server.resource(
        "axiomdl://assumption/{name}",
        name="assumption",
        description="One assumption or conjecture: statement, status, evidence, dependents",
        mime_type="text/markdown",
    )
    def assumption_resource(name: str) -> str:
        try:
            return assumption_md(tools.assumption(state, name))
        except AxiomdlError as e:
            raise ResourceNotFoundError(e.message) from None

    @server.prompt(
        name="prove_against_assumptions",
        description="Plan a proof of a goal from the library's assumptions: the relevant "
        "assumptions and theorems, and the lint → falsify → try workflow",
    )
    def prove_against_assumptions(
        goal: Annotated[str, Field(description="the statement to prove, in words or Lean")],
    ) -> str:
        return prove_prompt(state, goal)
