"""Turning per-setting outcomes into one verdict, shared by the probes that test several
settings (data sets, regimes) of the same assumption.

An assumption is ``contradicted`` in the settings where the measurement goes against it (named
as the regime), ``supported`` when every setting agrees with it, and ``inconclusive`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from axiomdl.probes.model import Number, Verdict, VerdictKind

# Fraction of independent draws that must agree before a comparison counts as measured.
AGREE = 0.8


@dataclass(frozen=True)
class Outcome:
    """What one setting says about one assumption, and why."""

    setting: str
    verdict: VerdictKind | None  # None: the setting does not meet the assumption's premises
    why: str


def combine(
    assumption: str, claim: str, outcomes: list[Outcome], numbers: dict[str, Number]
) -> Verdict:
    """One verdict from the outcomes of every setting (contradictions name their settings).

    Settings outside the assumption's premises (``verdict=None``) are listed in the note and
    otherwise ignored; with none left the verdict is ``inconclusive``.
    """
    tested = [o for o in outcomes if o.verdict is not None]
    bad = [o for o in tested if o.verdict == "contradicted"]
    good = [o for o in tested if o.verdict == "supported"]
    notes = "; ".join(
        f"{o.setting}: {o.why}" + ("" if o.verdict is not None else " (not counted)")
        for o in outcomes
    )
    if bad:
        return Verdict(
            assumption=assumption,
            claim=claim,
            verdict="contradicted",
            regime="; ".join(o.setting for o in bad),
            numbers=numbers,
            note=notes,
        )
    kind: VerdictKind = "supported" if tested and len(good) == len(tested) else "inconclusive"
    return Verdict(assumption=assumption, claim=claim, verdict=kind, numbers=numbers, note=notes)


def frac_less(a: np.ndarray, b: np.ndarray) -> float:
    """Fraction of draws (paired, along axis 0) where ``a < b``."""
    return float(np.mean(np.asarray(a) < np.asarray(b)))


def relu_features(x: np.ndarray, p: int, rng: np.random.Generator) -> np.ndarray:
    """``p`` random ReLU features ``max(0, x W + b)``, W ~ N(0, 1/s²), b ~ N(0, 1/4), where s²
    is the mean squared norm of the rows of ``x`` (pre-activations of unit scale).

    Nested in ``p``: the first ``q`` columns are the ``q``-feature model of the same draw.
    """
    scale = float(np.sqrt((x * x).sum(axis=1).mean()))
    w = rng.standard_normal((x.shape[1], p)) / scale
    b = 0.5 * rng.standard_normal(p)
    return np.maximum(x @ w + b, 0.0)


def by_threshold(setting: str, value: float, ok: float, bad: float, why: str) -> Outcome:
    """``supported`` when ``value ≤ ok``, ``contradicted`` when ``value > bad``, else
    ``inconclusive`` (the band between is too close to call)."""
    if value <= ok:
        return Outcome(setting, "supported", why)
    if value > bad:
        return Outcome(setting, "contradicted", why)
    return Outcome(setting, "inconclusive", why)


def by_agreement(setting: str, frac: float, why: str) -> Outcome:
    """``supported`` when at least ``AGREE`` of the draws agree with the assumption,
    ``contradicted`` when at most ``1 − AGREE`` do, else ``inconclusive``."""
    return by_threshold(setting, 1.0 - frac, 1.0 - AGREE, AGREE - 1e-12, why)
