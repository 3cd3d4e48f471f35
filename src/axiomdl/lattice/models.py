"""Pydantic models of the lattice (``axiomdl lattice``) and of the report's minimal basis."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from axiomdl import SCHEMA_VERSION
from axiomdl.basemodel import Model


class LatticeNode(Model):
    """An assumption (or conjecture) of the lattice."""

    name: str
    role: Literal["assumption", "conjecture"]
    area: str | None = None
    status: str | None = None
    presupposes: list[str] = Field(
        default_factory=list,
        description="assumptions its own parameters are instances of (`E : InnerProductSpace K V`)",
    )


class Implication(Model):
    """A ⇒ B: B follows from A by proved discharges (and A's presuppositions)."""

    premise: str
    conclusion: str
    via: list[str] = Field(description="the discharges used, premises before conclusions")
    chain: bool = Field(description="more than one discharge: A ⇒ … ⇒ B")
    presupposed: bool = Field(
        default=False, description="B is one of A's parameters: no discharge is needed"
    )


class JointImplication(Model):
    """A discharge that needs several assumptions together: A₁ ∧ A₂ ⇒ B."""

    premises: list[str]
    conclusion: str
    by: str


class Separation(Model):
    """A ``Separation:`` theorem: one model satisfies ``holds`` and refutes ``fails``."""

    name: str
    holds: list[str]
    fails: list[str]
    requires: list[str] = Field(
        default_factory=list, description="assumptions the theorem takes as hypotheses"
    )
    file: str
    line: int


class NonImplication(Model):
    """A ⇏ B: a model satisfies A and refutes B."""

    premise: str
    conclusion: str
    separation: str = Field(description="the theorem exhibiting the model")
    derived: bool = Field(
        description="false: the separation states A and ¬B itself; true: derived through "
        "proved implications (its model satisfies everything its A implies and refutes "
        "everything that implies its B)"
    )
    via: list[str] = Field(default_factory=list, description="discharges used in the derivation")


class OpenQuestion(Model):
    """A ⇒ B? Neither an implication nor a separation is proved (same area only)."""

    premise: str
    conclusion: str
    area: str | None = None


class Conflict(Model):
    """A separation refutes B where its model satisfies A, while A ⇒ B is proved."""

    separation: str
    holds: list[str]
    fails: str
    via: list[str] = Field(description="the discharges proving the implication")
    file: str
    line: int


class LatticeNote(Model):
    """A declaration (or part of one) the lattice did not use, and why."""

    name: str
    role: str
    reason: str
    code: str | None = Field(
        default=None, description="a lint finding code when the note is an error, else null"
    )
    file: str
    line: int


class LatticeResult(Model):
    """``axiomdl lattice``: the implication structure between assumptions."""

    schema_version: str = SCHEMA_VERSION
    mode: Literal["static", "exact"] = "static"
    project: str
    assumptions: list[LatticeNode]
    implications: list[Implication] = Field(
        description="every A ⇒ B, closed transitively (presupposed parameters included)"
    )
    joint: list[JointImplication] = Field(
        description="discharges with several premises (beyond presupposed parameters)"
    )
    separations: list[Separation]
    non_implications: list[NonImplication] = Field(description="every A ⇏ B, proved or derived")
    open: list[OpenQuestion] = Field(
        description="ordered pairs of the same area with neither A ⇒ B nor A ⇏ B proved"
    )
    open_total: int = Field(description="how many open pairs there are (the list may be capped)")
    cross_area_undecided: int = Field(
        description="ordered pairs of different areas with neither proved (not listed)"
    )
    conflicts: list[Conflict]
    notes: list[LatticeNote]


class BasisMember(Model):
    """A member of the minimal basis, and whether it is proved independent of the others."""

    name: str
    area: str | None = None
    independence: Literal["proved", "alone-in-area", "not-shown"] = Field(
        description="proved: a separation's model satisfies every other member of its area and "
        "refutes it; alone-in-area: no other member shares its area; not-shown: neither"
    )
    by: list[str] = Field(default_factory=list, description="the separations proving it")
    not_implied_by: list[str] = Field(
        default_factory=list, description="other members of its area with a proved A ⇏ it"
    )
    undecided: list[str] = Field(
        default_factory=list,
        description="other members of its area with no separation (the first 50 by name: "
        "listing them all is quadratic in the basis; undecided_count has the total)",
    )
    undecided_count: int = Field(
        default=0, description="how many other members of its area have no separation"
    )


class BasisDerivation(Model):
    """A required assumption outside the basis, and the discharges that derive it."""

    name: str
    members: list[str] = Field(description="the basis members it is derived from")
    via: list[str] = Field(description="the discharges deriving it from the basis")
    presupposed: bool = Field(
        default=False, description="a parameter of some member's statement (needs no discharge)"
    )


class MinimalBasis(Model):
    """The fewest required assumptions from which every other required one follows."""

    required: list[str] = Field(description="assumptions the library's theorems require")
    members: list[BasisMember]
    derived: list[BasisDerivation]
    exact: bool = Field(description="true: proved minimum; false: a greedy upper bound")
    lower_bound: int = Field(description="no smaller basis exists (equals the size when exact)")
    choices: list[list[list[str]]] = Field(
        default_factory=list,
        description="where several equally small choices exist: the alternatives, per "
        "independent part of the implication graph (at most 5 each)",
    )
