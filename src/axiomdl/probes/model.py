"""Pydantic models for probe results (``probe-results/NAME/result.json``) and their schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from axiomdl.basemodel import Model

PROBE_SCHEMA_VERSION = "1.0"

VerdictKind = Literal["supported", "contradicted", "inconclusive"]
Number = float | int | str | bool | None


class Verdict(Model):
    """The measured verdict on one assumption, with the numbers behind it."""

    assumption: str = Field(description="short Lean name of the assumption, e.g. PLStarOn")
    claim: str = Field(description="what was tested, in one sentence")
    verdict: VerdictKind
    regime: str | None = Field(
        default=None, description="where the assumption fails (for `contradicted`)"
    )
    numbers: dict[str, Number] = Field(default_factory=dict)
    note: str = ""

    @property
    def label(self) -> str:
        """``supported`` / ``contradicted in regime R`` / ``inconclusive``."""
        if self.verdict == "contradicted" and self.regime:
            return f"contradicted in regime {self.regime}"
        return self.verdict


class Series(Model):
    """One measured curve (x against y), kept so plots can be redrawn from the JSON."""

    name: str
    x: list[float]
    y: list[float]


class ProbeResult(Model):
    """Everything one probe run measured: configuration, seeds, verdicts, series, plots."""

    schema_version: str = PROBE_SCHEMA_VERSION
    probe: str
    title: str
    quick: bool
    seed: int
    backend: str = "numpy"
    data: list[str] = Field(description="data sets used (bundled or synthetic)")
    config: dict[str, Any] = Field(default_factory=dict)
    verdicts: list[Verdict]
    headline: str = Field(description="one line with the key numbers")
    series: list[Series] = Field(default_factory=list)
    plots: list[str] = Field(default_factory=list, description="plot files, relative to the result")
    elapsed_s: float = Field(default=0.0, description="wall time; not part of the verdict")


class ProbeRun(Model):
    """``axiomdl probe -f json``: the results of one invocation."""

    schema_version: str = PROBE_SCHEMA_VERSION
    results_dir: str
    results: list[ProbeResult]


def probe_schema() -> dict[str, Any]:
    """JSON Schema of a single ``result.json``."""
    return ProbeResult.model_json_schema()


def write_schema(path: Path) -> None:
    """Write ``docs/schema/probe.schema.json`` atomically."""
    from axiomdl.scan.cache import atomic_write_text

    atomic_write_text(path, json.dumps(probe_schema(), indent=2) + "\n")
