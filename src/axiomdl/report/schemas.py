"""Every JSON payload a command prints with ``-f json``, by the name of its schema file.

``axiomdl schema`` writes one ``docs/schema/NAME.schema.json`` per entry; these files are
the contract users validate against (and the tests validate every command's output
against the committed files, not against the models).
"""

from __future__ import annotations

from pydantic import BaseModel


def all_payloads() -> dict[str, type[BaseModel]]:
    """The core payloads plus those of the compute, Lean, search and probe commands."""
    from axiomdl.compute.models import BoundReport, FalsifyReport, LossReport
    from axiomdl.lean.models import BuildResult, CompareResult
    from axiomdl.mcp.models import SearchResult
    from axiomdl.model import PAYLOADS
    from axiomdl.probes.model import ProbeRun

    return {
        **PAYLOADS,
        "falsify": FalsifyReport,
        "check-loss": LossReport,
        "bound": BoundReport,
        "build": BuildResult,
        "compare": CompareResult,
        "search": SearchResult,
        "probe-run": ProbeRun,
    }
