"""``axiomdl mcp``: the assumption graph and the checks, served to AI assistants over MCP.

The server (:mod:`axiomdl.mcp.server`) needs the official ``mcp`` SDK, an optional extra;
the tool logic (:mod:`axiomdl.mcp.tools`) does not, so the benchmark and tests can call
it directly.
"""

from __future__ import annotations

from axiomdl.errors import EXIT_USAGE, AxiomdlError

INSTALL = "pip install 'axiomdl[mcp]'"


def require_sdk() -> None:
    """Exit 2 with the install command when the ``mcp`` SDK (version 2) is missing."""
    try:
        from mcp.server.mcpserver import MCPServer  # noqa: F401
    except ImportError:
        raise AxiomdlError(
            "`axiomdl mcp` needs the optional Model Context Protocol SDK (the `mcp` package, "
            f"version 2): {INSTALL}",
            exit_code=EXIT_USAGE,
        ) from None
