"""Payloads of the MCP tools that the rest of axiomdl has no model for.

The other tools return the existing models (``RestsOn``, ``WhyResult``, ``ImpactResult``,
``LintResult``, ``FalsifyReport``, ``LossReport``, ``Diagnostic``), so a client sees the
same JSON as ``axiomdl … -f json`` prints.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from axiomdl import SCHEMA_VERSION
from axiomdl.basemodel import Model
from axiomdl.lean.models import BuildResult, Diagnostic
from axiomdl.model import Declaration, Provenance, Role
from axiomdl.probes.model import Verdict
from axiomdl.search import MatchKind


class SearchHit(Model):
    """One declaration found by ``search``."""

    name: str
    role: Role
    kind: str
    match: MatchKind = Field(description="how it matched: exact, acronym, prefix, substring, text")
    area: str | None = None
    status: str | None = None
    file: str
    line: int
    summary: str = Field("", description="the docstring's prose, shortened")


class SearchResult(Model):
    """``search``: ranked declarations (exact name, acronym, prefix, substring, text)."""

    schema_version: str = SCHEMA_VERSION
    query: str
    total: int = Field(description="matches before the limit was applied")
    hits: list[SearchHit]


class Measured(Model):
    """A probe's measured verdict on an assumption (from ``axiomdl probe`` results)."""

    probe: str
    seed: int
    quick: bool
    verdict: Verdict | None = Field(description="None when the probe ran but gave no verdict")
    label: str = Field(description="`supported`, `contradicted in regime R`, `inconclusive`")
    disagrees_with_status: bool = Field(
        description="the stated Status claims the opposite of what was measured"
    )
    file: str = Field(description="the result.json it was read from")


class AssumptionInfo(Model):
    """``assumption``: everything known about one assumption or conjecture."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    declaration: Declaration = Field(description="statement, docstring, Area/Status/Evidence/Refs")
    summary: str
    measured: Measured | None = Field(
        None, description="measured probe result, when a probe covers it and results exist"
    )
    required_by: list[str] = Field(description="results whose statement requires it")
    used_by_proof: list[str] = Field(
        description="results whose proof uses it though their statement does not require it"
    )
    bundled_by: list[str] = Field(description="assumptions and definitions that bundle it")
    established_by_discharges: list[str] = Field(
        description="discharges that derive it from other assumptions"
    )
    witnesses: list[str] = Field(description="witnesses that show it satisfiable")
    joint_witnesses: list[str] = Field(
        default_factory=list,
        description="witnesses whose `Covers:` line shows it satisfiable together with others",
    )


class UnusedResult(Model):
    """``unused``: assumptions that no result requires or uses."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    unused: list[str]


ToolchainState = Literal["found", "missing"]


class LeanCheck(Model):
    """``try`` and ``build``: Lean's verdict, or that a Lean toolchain is needed.

    Without a toolchain ``toolchain`` is ``missing``, ``ok`` is None and ``message`` says
    how to install one: the call itself succeeded, so a client can fall back to
    ``lint`` and ``falsify``.
    """

    schema_version: str = SCHEMA_VERSION
    toolchain: ToolchainState
    ok: bool | None = Field(description="None when Lean did not run")
    message: str
    lean_version: str | None = None
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    sorries: int = Field(0, description="messages that report a declaration using `sorry`")
    build: BuildResult | None = Field(None, description="for `build`: the full build result")
