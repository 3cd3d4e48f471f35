"""Read probe results back as evidence for ``axiomdl report`` and the site.

Kept free of numpy so reports never need the ``probes`` extra.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from axiomdl.basemodel import Model
from axiomdl.errors import AxiomdlError
from axiomdl.probes.model import ProbeResult, Verdict

DEFAULT_RESULTS_DIR = Path("probe-results")

# Stated statuses that claim an assumption holds, and those that say it fails somewhere.
_CLAIMS_HOLDS = {"established", "plausible"}
_CLAIMS_FAILS = {"contested", "refuted-in-regime"}


class ProbeEvidence(Model):
    """One probe's verdicts, as read from ``NAME/result.json``."""

    probe: str
    seed: int
    quick: bool
    headline: str
    verdicts: list[Verdict]
    file: str
    plots: list[str] = Field(default_factory=list)  # plot files, relative to the folder of ``file``

    def verdict_for(self, assumption: str) -> Verdict | None:
        """The verdict whose short name matches the (short or full) Lean name ``assumption``."""
        short = assumption.rsplit(".", 1)[-1]
        for v in self.verdicts:
            if v.assumption == short or v.assumption == assumption:
                return v
        return None


def measured_evidence(results_dir: Path) -> dict[str, ProbeEvidence]:
    """Probe name → its verdicts, from every ``*/result.json`` under ``results_dir``.

    A missing directory gives ``{}``; an unreadable or invalid result is bad input (exit 2).
    """
    out: dict[str, ProbeEvidence] = {}
    if not results_dir.is_dir():
        return out
    for f in sorted(results_dir.glob("*/result.json")):
        try:
            r = ProbeResult.model_validate_json(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise AxiomdlError(f"cannot read probe result: {e}", file=f) from None
        except ValidationError as e:
            first = e.errors()[0]
            loc = ".".join(str(x) for x in first["loc"])
            raise AxiomdlError(
                f"not a probe result ({loc}: {first['msg']}); rerun `axiomdl probe`", file=f
            ) from None
        out[r.probe] = ProbeEvidence(
            probe=r.probe,
            seed=r.seed,
            quick=r.quick,
            headline=r.headline,
            verdicts=r.verdicts,
            file=str(f),
            plots=r.plots,
        )
    return out


def load_evidence(results_dir: Path | None) -> dict[str, ProbeEvidence]:
    """Evidence for a command's ``--evidence DIR``: a folder the user named must exist;
    without one, ``./probe-results`` is read if it is there."""
    if results_dir is not None and not results_dir.is_dir():
        raise AxiomdlError(
            "no probe results there; run `axiomdl probe --results DIR` first", file=results_dir
        )
    return measured_evidence(results_dir or DEFAULT_RESULTS_DIR)


def measured_for(name: str, probe: str | None, evidence: dict[str, ProbeEvidence]) -> str | None:
    """The ``measured`` text for an assumption row, or None when no probe result applies."""
    if not probe or probe not in evidence:
        return None
    ev = evidence[probe]
    v = ev.verdict_for(name)
    mode = "quick" if ev.quick else "full"
    if v is None:
        return f"no verdict ({probe}, {mode}, seed {ev.seed})"
    return f"{v.label} ({probe}, {mode}, seed {ev.seed})"


def disagrees(status: str | None, measured: str | None) -> bool:
    """Stated Status and measured verdict disagree.

    established/plausible but measured contradicted, or contested/refuted-in-regime but
    measured supported.
    """
    if not status or not measured:
        return False
    s = status.strip().lower()
    m = measured.strip().lower()
    if s in _CLAIMS_HOLDS and m.startswith("contradicted"):
        return True
    return s in _CLAIMS_FAILS and m.startswith("supported")
