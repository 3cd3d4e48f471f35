"""Pydantic models for everything axiomdl emits as JSON.

Each top-level payload carries ``schema_version``; ``axiomdl schema`` writes the
JSON Schemas generated from these models into ``docs/schema/``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from axiomdl import SCHEMA_VERSION
from axiomdl.basemodel import Model
from axiomdl.lattice.models import LatticeResult, MinimalBasis
from axiomdl.probes.model import ProbeResult

Role = Literal[
    "assumption",
    "conjecture",
    "discharge",
    "witness",
    "separation",
    "theorem",
    "definition",
    "axiom",
]
EdgeLabel = Literal["statement", "proof"]
Position = Literal["hypothesis", "conclusion", "value"]
Provenance = Literal["static", "exact"]
WitnessStatus = Literal["joint", "single", "none-needed", "missing"]


class Declaration(Model):
    """A Lean declaration with its kind, place and docstring metadata."""

    name: str
    kind: str
    role: Role
    module: str
    package: str | None = Field(
        default=None, description="the dependency that declares it; null for the project's own"
    )
    file: str
    line: int
    end_line: int
    doc: str | None = None
    area: str | None = None
    status: str | None = None
    evidence: str | None = None
    refs: str | None = None
    probe: str | None = None
    statement: str = ""
    flags: list[str] = Field(default_factory=list)
    attributes: list[str] = Field(default_factory=list)


class Edge(Model):
    """``source`` uses ``target``: in its statement (hypothesis/conclusion) or only its proof/value."""

    source: str
    target: str
    label: EdgeLabel
    position: Position
    provenance: Provenance = "static"


class Finding(Model):
    """Something a user must look at: an audit or lint result, or unreadable input."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    declaration: str | None = None
    severity: Literal["error", "warning"] = "error"

    def one_line(self) -> str:
        """``file:line: message`` as compilers print it."""
        where = (
            f"{self.file}:{self.line}: "
            if self.file and self.line
            else (f"{self.file}: " if self.file else "")
        )
        return f"{where}{self.severity}: {self.message} [{self.code}]"


class Derivation(Model):
    """An assumption a proof uses without requiring it, and the path that derives it."""

    assumption: str
    path: list[str]


class RestsOn(Model):
    """What one declaration rests on."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    name: str
    role: Role
    requires: list[str]
    establishes: list[str]
    uses: list[str]
    refutes: list[str] = Field(
        default_factory=list,
        description="for a separation: the assumptions its model refutes (`establishes` then "
        "lists those it satisfies)",
    )
    derived: list[Derivation] = Field(default_factory=list)
    # assumptions a lemma applied in the proof requires that nothing here supplies
    # (path: the result, then the lemma)
    unsupported: list[Derivation] = Field(default_factory=list)
    foundations: list[str] = Field(default_factory=list)
    witnessed: WitnessStatus | None = Field(
        None,
        description="joint: a witness covers all requirements at once; single: the one "
        "requirement has a witness; none-needed: no requirement; missing: not shown satisfiable",
    )
    witnessed_by: list[str] = Field(default_factory=list)
    statuses: dict[str, str | None] = Field(
        default_factory=dict, description="stated Status of each required assumption"
    )
    summary: str = Field(
        default="", description="the weakest link in words, e.g. `rests on 1 contested assumption`"
    )


class PathStep(Model):
    """One edge of a ``why`` chain."""

    source: str
    target: str
    label: EdgeLabel
    position: Position


class WhyResult(Model):
    """The shortest labelled path from a declaration to an assumption."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    source: str
    target: str
    steps: list[PathStep]


class ImpactResult(Model):
    """What falls if an assumption is dropped."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    assumption: str
    statement: list[str] = Field(description="results whose statement requires the assumption")
    proof: list[str] = Field(
        description="results whose proof uses it, though their statement does not require it"
    )
    bundles: list[str] = Field(
        default_factory=list, description="assumptions and definitions that bundle it"
    )
    in_dependencies: int = Field(
        default=0,
        description="results and definitions of dependencies that fall too, not listed "
        "(`--include-deps` lists them)",
    )


class AssumptionRow(Model):
    """An assumption in a report: its metadata and how much rests on it."""

    name: str
    area: str | None
    status: str | None
    evidence: str | None
    refs: str | None
    probe: str | None = None
    measured: str | None = Field(
        default=None,
        description="measured verdict from `axiomdl probe` results (`supported`, "
        "`contradicted in regime R`, `inconclusive`), with probe, mode and seed",
    )
    required_by: int
    used_by: int
    established_by: list[str] = Field(default_factory=list)
    file: str
    line: int
    package: str | None = Field(
        default=None, description="the dependency that declares it; null for the project's own"
    )


class TheoremRow(Model):
    """A result in a report with its requires set."""

    name: str
    role: Role
    requires: list[str]
    establishes: list[str]
    refutes: list[str] = Field(
        default_factory=list, description="for a separation: what its model refutes"
    )
    derived: list[str] = Field(default_factory=list)
    witnessed: WitnessStatus | None = None
    witnessed_by: list[str] = Field(default_factory=list)
    summary: str = Field(
        default="", description="statuses of the required assumptions in words (weakest link)"
    )
    file: str
    line: int
    package: str | None = Field(
        default=None, description="the dependency that declares it; null for the project's own"
    )


class Counts(Model):
    """Headline numbers of a scanned project."""

    files: int
    declarations: int
    assumptions: int
    conjectures: int
    theorems: int
    discharges: int
    witnesses: int
    separations: int = 0
    definitions: int
    edges: int
    external_references: int
    by_area: dict[str, dict[str, int]] = Field(default_factory=dict)


class DependencyRow(Model):
    """A dependency whose modules the project imports: which version, how much was read."""

    name: str
    kind: Literal["git", "path", "folder", "bundled"] = Field(
        description="a git or path package of lake-manifest.json, a folder under "
        ".lake/packages (no manifest), or the AxiomDL library shipped with axiomdl"
    )
    rev: str | None = Field(default=None, description="the manifest's revision (git packages)")
    root: str
    files: int = Field(description="files read: the import closure, not the whole package")
    declarations: int


class Report(Model):
    """``axiomdl report``: the assumption set, each result's requires set, and findings."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    project: str
    counts: Counts
    # the Lake targets scanned (`lean_lib Name`, `lean_exe name`), from the lakefile
    targets: list[str] = Field(default_factory=list)
    assumptions: list[AssumptionRow]
    conjectures: list[AssumptionRow]
    theorems: list[TheoremRow]
    unused: list[str]
    findings: list[Finding]
    dependencies: list[DependencyRow] = Field(
        default_factory=list,
        description="packages the imports reached; their declarations are in the graph, "
        "their results are listed with --include-deps",
    )
    dependencies_listed: bool = Field(
        default=False,
        description="whether the dependencies' results are listed too (--include-deps)",
    )
    basis: MinimalBasis | None = Field(
        default=None,
        description="the fewest required assumptions from which the others follow by proved "
        "discharges (see `axiomdl lattice`); null when the project has no assumptions",
    )


class GraphExport(Model):
    """The dependency graph as JSON: nodes and labelled edges."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    nodes: list[Declaration]
    edges: list[Edge]


class RequiresChange(Model):
    """How one result's requires set changed between two revisions."""

    name: str
    added: list[str]
    removed: list[str]


class DiffResult(Model):
    """``axiomdl diff``: requires-set changes between two git revisions."""

    schema_version: str = SCHEMA_VERSION
    rev1: str
    rev2: str
    grew: list[RequiresChange]
    shrank: list[RequiresChange]
    added_results: list[str]
    removed_results: list[str]


class LintResult(Model):
    """``axiomdl lint``: findings, and how many files and names were checked."""

    schema_version: str = SCHEMA_VERSION
    files: int
    identifiers_checked: int
    # False on projects other than the AxiomDL library without --strict-names: their
    # names come from dependencies the scanner may not read, so none is "unknown"
    name_checks: bool = True
    findings: list[Finding]


class AuditResult(Model):
    """``axiomdl audit -f json``: sorry, foreign axioms, native_decide and scope findings."""

    schema_version: str = SCHEMA_VERSION
    mode: Provenance = "static"
    findings: list[Finding]


class UnusedList(Model):
    """``axiomdl unused -f json``: assumptions that no result requires or uses."""

    schema_version: str = SCHEMA_VERSION
    unused: list[str]


PAYLOADS: dict[str, type[BaseModel]] = {
    "report": Report,
    "rests-on": RestsOn,
    "why": WhyResult,
    "impact": ImpactResult,
    "graph": GraphExport,
    "diff": DiffResult,
    "lint": LintResult,
    "probe": ProbeResult,
    "audit": AuditResult,
    "unused": UnusedList,
    "lattice": LatticeResult,
}
