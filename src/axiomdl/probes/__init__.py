"""Empirical probes: seeded numpy experiments that measure whether an assumption holds.

Importing this package is cheap (no numpy/matplotlib); the probe modules load lazily, so
``axiomdl report --evidence`` works without the ``probes`` extra installed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProbeSpec:
    """A probe's name, module, one-line title and the Lean assumptions it measures."""

    name: str
    module: str
    title: str
    assumptions: tuple[str, ...]


PROBES: dict[str, ProbeSpec] = {
    s.name: s
    for s in (
        ProbeSpec(
            "pl-trajectory",
            "pl_trajectory",
            "PL ratio ½‖∇f‖²/(f−f*) along GD for MLPs of increasing width on digits",
            ("PolyakLojasiewicz", "PLStarOn", "PLStarAlongTrajectory"),
        ),
        ProbeSpec(
            "edge-of-stability",
            "edge_of_stability",
            "Top Hessian eigenvalue during full-batch GD at several step sizes, against 2/η",
            ("EdgeOfStability", "Smooth"),
        ),
        ProbeSpec(
            "lazy-training",
            "lazy_training",
            "Relative change of parameters and of the NTK Gram matrix against width",
            ("LazyTraining", "LazyTrainingAtPracticalWidth"),
        ),
        ProbeSpec(
            "min-norm",
            "min_norm",
            "GD on over-parameterised least squares against the pseudo-inverse solution",
            ("MinNormBias", "NuclearNormImplicitBias"),
        ),
        ProbeSpec(
            "rescaling-sharpness",
            "rescaling_sharpness",
            "Rescale layers of a trained ReLU net: same function, different sharpness",
            ("FlatMinimaGeneralize", "InvariantFlatnessPredicts"),
        ),
        ProbeSpec(
            "linear-regions",
            "linear_regions",
            "Linear pieces along 1-D input lines of ReLU nets against the width/depth bounds",
            ("LinearRegionsBound",),
        ),
    )
}

__all__ = ["PROBES", "ProbeSpec"]
