"""Pydantic payloads of the computation commands (JSON output carries ``schema_version``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1.0"


class FalsifyResult(BaseModel):
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


class FalsifyReport(BaseModel):
    """``axiomdl falsify -f json``."""

    schema_version: str = SCHEMA_VERSION
    project: str
    instances: int
    seed: int
    counts: dict[str, int]
    seconds: float
    results: list[FalsifyResult]


class LossProperty(BaseModel):
    """One landscape property of a concrete loss."""

    name: str  # convex | smooth | strongly_convex | pl
    holds: bool | None
    constant: str | None = None
    constant_float: float | None = None
    method: str  # symbolic | sampled | estimated
    note: str = ""


class ApplicableTheorem(BaseModel):
    """A library theorem whose required landscape assumptions the loss meets."""

    name: str
    requires: list[str]
    conclusion: str
    instantiated: str = ""


class LossReport(BaseModel):
    """``axiomdl check-loss -f json``."""

    schema_version: str = SCHEMA_VERSION
    expression: str
    variables: list[str]
    domain: str
    hessian: list[list[str]]
    minimum: str | None = None
    properties: list[LossProperty]
    assumption_map: dict[str, str] = Field(default_factory=dict)
    theorems_scope: str = "global"
    theorems: list[ApplicableTheorem] = Field(default_factory=list)


class BoundReport(BaseModel):
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
