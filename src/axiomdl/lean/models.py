"""Pydantic models at the Lean boundary: ``lean --json`` messages, build results, exports.

``LeanMessage`` mirrors Lean's ``SerialMessage`` as its derived ``ToJson`` prints it
(see :mod:`axiomdl.lean.messages` for the source references); ``ExportDecl`` is one
line of the exporter's JSON Lines (schema ``axiomdl-export/1``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from axiomdl import SCHEMA_VERSION

Severity = Literal["information", "warning", "error"]
DeclStatusName = Literal["compiled", "error", "sorry"]


class LeanPos(BaseModel):
    """``Lean.Position``: 1-based line, 0-based column in codepoints."""

    model_config = ConfigDict(extra="forbid")
    line: int = Field(ge=0)
    column: int = Field(ge=0)


class LeanMessage(BaseModel):
    """One line of ``lean --json`` output (``Lean.SerialMessage``)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    file_name: str = Field(alias="fileName")
    pos: LeanPos
    end_pos: LeanPos | None = Field(default=None, alias="endPos")
    severity: Severity = "error"
    caption: str = ""
    data: str
    kind: str | None = None
    is_silent: bool = Field(default=False, alias="isSilent")
    keep_full_range: bool = Field(default=False, alias="keepFullRange")


class Diagnostic(BaseModel):
    """A Lean message placed in a file and, where possible, in a declaration."""

    file: str
    line: int
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None
    severity: Severity
    message: str
    declaration: str | None = None
    sorry: bool = False


class DeclStatus(BaseModel):
    """A declaration's build status: compiled, error, or sorry (compiles with a ``sorry``)."""

    name: str
    file: str
    line: int
    status: DeclStatusName


class BuildCounts(BaseModel):
    """How many declarations ended in each status."""

    compiled: int = 0
    error: int = 0
    sorry: int = 0


class BuildResult(BaseModel):
    """``axiomdl build``: lake's verdict, per-file diagnostics and per-declaration statuses."""

    schema_version: str = SCHEMA_VERSION
    project: str
    ok: bool
    lake_returncode: int | None = None
    seconds: float = 0.0
    checked_files: list[str] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    declarations: list[DeclStatus] = Field(default_factory=list)
    counts: BuildCounts = Field(default_factory=BuildCounts)


class ExportRange(BaseModel):
    """A declaration's source range (``DeclarationRange``: pos, endPos)."""

    model_config = ConfigDict(populate_by_name=True)
    pos: LeanPos
    end_pos: LeanPos = Field(alias="endPos")


class ExportHeader(BaseModel):
    """The first line of each module's export."""

    type: Literal["header"]
    schema_: Literal["axiomdl-export/1"] = Field(alias="schema")
    lean_version: str | None = None
    module: str | None = None


class ExportDecl(BaseModel):
    """One declaration of the compiled environment, as the exporter writes it."""

    model_config = ConfigDict(extra="ignore")
    type: Literal["decl"]
    name: str = Field(min_length=1)
    private: bool = False
    kind: str
    module: str
    range: ExportRange | None = None
    doc: str | None = None
    type_consts: list[str] = Field(default_factory=list)
    type_hyp_consts: list[str] | None = None
    type_concl_consts: list[str] | None = None
    value_consts: list[str] = Field(default_factory=list)
    field_consts: list[str] = Field(default_factory=list)
    axioms: list[str] | None = None


class EdgeDelta(BaseModel):
    """An edge found by only one mode."""

    source: str
    target: str
    label: str
    position: str


class CompareResult(BaseModel):
    """``axiomdl compare``: where the static scanner and the compiled environment disagree."""

    schema_version: str = SCHEMA_VERSION
    project: str
    static_edges: int
    exact_edges: int
    common_edges: int
    only_static: list[EdgeDelta]
    only_exact: list[EdgeDelta]
    relabelled: list[EdgeDelta] = Field(
        default_factory=list, description="same edge, different label/position (exact shown)"
    )
    not_exported: list[str] = Field(
        default_factory=list, description="static declarations missing from the export"
    )
    only_exported: list[str] = Field(
        default_factory=list, description="exported declarations the scanner did not see"
    )
    precision: float | None = Field(None, description="common / static edges")
    recall: float | None = Field(None, description="common / exact edges")
