"""Pydantic payloads of the computation commands (JSON output carries ``schema_version``)."""

from __future__ import annotations

from pydantic import Field

from axiomdl.basemodel import Model

SCHEMA_VERSION = "1.0"


class FalsifyResult(Model):
    """One declaration: checked, counterexample, unsatisfied (no instance) or skipped."""

    name: str
    status: str
    instances: int = 0
    values: dict[str, str] | None = None
    detail: str = ""
    reason: str = ""
    file: str = ""
    line: int = 0
    seconds: float = 0.0


class FalsifyReport(Model):
    """``axiomdl falsify -f json``."""

    schema_version: str = SCHEMA_VERSION
    project: str
    instances: int
    seed: int
    counts: dict[str, int]
    seconds: float
    results: list[FalsifyResult]


class LossEstimate(Model):
    """What a grid over a named box shows: an estimate, never a proof."""

    holds: bool | None
    value: float | None = None
    box: str
    note: str = ""


class LossProperty(Model):
    """One landscape property of a concrete loss: proved over the domain, or estimated."""

    name: str  # convex | smooth | strongly_convex | pl
    holds: bool | None  # proved by sympy over `scope` (True/False); None: not decided
    scope: str  # "global" (ℝⁿ) | "box" (the --box the user gave)
    constant: str | None = None  # the proved constant (L, μ), exact
    constant_float: float | None = None
    method: str  # symbolic (proved or refuted) | estimated (only the grid says something)
    note: str = ""  # why it holds or fails (the proof's reason)
    estimate: LossEstimate | None = None


class ApplicableTheorem(Model):
    """A library theorem whose required assumptions the loss meets."""

    name: str
    requires: list[str]
    conclusion: str
    instantiated: str = ""
    scope: str = "global"  # global: every required property proved; box: on the box only
    constants: dict[str, str] = Field(default_factory=dict)
    quantifiers: str = ""
    checked: list[str] = Field(default_factory=list)  # hypotheses the constants satisfy
    side_conditions: list[str] = Field(default_factory=list)  # left for the user, filled in


class LossReport(Model):
    """``axiomdl check-loss -f json``."""

    schema_version: str = "2.0"
    expression: str
    variables: list[str]
    domain: str
    sample_box: str
    hessian: list[list[str]]
    minimum: str | None = None
    minimum_proved: bool = False
    properties: list[LossProperty]
    assumption_map: dict[str, str] = Field(default_factory=dict)
    theorems_scope: str = "global"  # global | box only: … | mixed: … (each theorem has `scope`)
    theorems: list[ApplicableTheorem] = Field(default_factory=list)


class BoundReport(Model):
    """``axiomdl bound -f json``."""

    schema_version: str = SCHEMA_VERSION
    name: str
    statement: str
    quantity: str
    bound: str
    parameters: dict[str, str]
    exact: str | None = None
    value: float | None = None
    solve_for: str | None = None
    target: float | None = None
    needed: int | float | None = None
    needed_bound: float | None = None
    note: str = ""
