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
        ProbeSpec(
            "double-descent",
            "double_descent",
            "Test risk of the min-norm least-squares fit against parameters p at fixed n",
            ("InterpolationPeak", "OverparamDescent", "UnderparamAscent", "BenignOverparam"),
        ),
        ProbeSpec(
            "neural-collapse",
            "neural_collapse",
            "NC1–NC4 of last-layer features of small MLPs trained into the terminal phase",
            ("WithinClassCollapse", "SimplexETF", "SelfDuality", "NearestCentreDecision"),
        ),
        ProbeSpec(
            "mode-connectivity",
            "mode_connectivity",
            "Loss barriers on straight and one-bend paths between two trained small nets",
            ("LinearModeConnected", "PiecewiseLinearConnected"),
        ),
        ProbeSpec(
            "scaling-laws",
            "scaling_laws",
            "Power-law fits of test loss in data and parameters; does more data ever hurt?",
            ("PowerLawScaling", "BrokenPowerLaw", "ChinchillaScaling", "MoreDataHelps"),
        ),
    )
}

__all__ = ["PROBES", "ProbeSpec"]
