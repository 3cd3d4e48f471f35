"""The quantities the over-parameterisation probes measure, on inputs whose answer is known.

Each test builds a case by hand (an exact simplex ETF, the bent valley of
``piecewise_not_linear_sep``, an exact power law, …) and checks the probe's measuring code
returns the known value; the inverted answer would fail.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from axiomdl.probes.judge import Outcome, by_agreement, by_threshold, combine

# ---------------------------------------------------------------- neural collapse


def _simplex_etf(k: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    """k centred means with equal norms and cosines −1/(k−1), in ``dim`` ≥ k dimensions."""
    q, _ = np.linalg.qr(rng.standard_normal((dim, k)))
    return (np.eye(k) - 1.0 / k) @ q.T * 3.0


def test_collapse_metrics_on_an_exact_neural_collapse() -> None:
    from axiomdl.probes.neural_collapse import collapse_metrics

    rng = np.random.default_rng(0)
    k = 4
    m = _simplex_etf(k, 7, rng)
    shift = rng.standard_normal(7)  # global mean away from 0
    lab = np.repeat(np.arange(k), 5)
    h = m[lab] + shift
    w = 2.5 * m  # NC3 with s = 2.5
    b = -(w @ shift)  # equal centred biases
    got = collapse_metrics(h, lab, w, b, k)
    assert got["nc1_eps"] < 1e-20 and got["nc1_papyan"] < 1e-20
    assert got["nc2_norm_spread"] < 1e-12 and got["nc2_angle_dev"] < 1e-12
    assert got["nc3_dist"] < 1e-12 and got["nc3_scale"] == pytest.approx(2.5)
    assert got["nc4_mismatch"] == 0.0 and got["train_acc"] == 1.0


def test_collapse_metrics_measure_the_lean_nc1_tolerance() -> None:
    """ε is max_i ‖h_i − μ_c‖² / ‖μ_c − μ_G‖²: the smallest ε of `WithinClassCollapse`."""
    from axiomdl.probes.neural_collapse import collapse_metrics

    # two classes on a line: means ±1 (global mean 0), one feature of class 0 off by 0.5
    h = np.array([[-1.5], [-0.5], [1.0], [1.0]])
    lab = np.array([0, 0, 1, 1])
    got = collapse_metrics(h, lab, np.array([[-1.0], [1.0]]), np.zeros(2), 2)
    assert got["nc1_eps"] == pytest.approx(0.25)
    assert got["nc1_eps_mean"] == pytest.approx(0.125)
    # a classifier pointing the wrong way is no self-dual pair and disagrees with NCC
    bad = collapse_metrics(h, lab, np.array([[1.0], [-1.0]]), np.zeros(2), 2)
    assert bad["nc3_scale"] < 0 and bad["nc4_mismatch"] == 1.0


def test_minority_geometry_sees_collapsed_minorities() -> None:
    from axiomdl.probes.neural_collapse import minority_geometry

    rng = np.random.default_rng(1)
    k = 6
    m = _simplex_etf(k, 8, rng)
    lab = np.repeat(np.arange(k), 3)
    etf = minority_geometry(m[lab], lab, [3, 4, 5], k)
    assert etf["minority_cos_mean"] == pytest.approx(-1 / (k - 1))
    assert etf["minority_norm_ratio"] == pytest.approx(1.0)
    # minority means merged into one small vector: positive cosines, small norms
    m2 = m.copy()
    m2[3:] = 0.2 * m[3:].mean(axis=0) + 0.01 * rng.standard_normal((3, 8))
    col = minority_geometry(m2[lab], lab, [3, 4, 5], k)
    assert col["minority_cos_mean"] > 0.5 and col["minority_norm_ratio"] < 0.5


# ---------------------------------------------------------------- mode connectivity


def test_linear_barrier_of_the_bent_valley_and_a_convex_bowl() -> None:
    """The Lean separation `piecewise_not_linear_sep`: (x² + y − 1)² from (−1, 0) to (1, 0)
    crosses (0, 0) at loss 1; a convex loss has no barrier."""
    from axiomdl.probes.mode_connectivity import TS, linear_barrier

    a, b = np.array([-1.0, 0.0]), np.array([1.0, 0.0])
    pts = [a + t * (b - a) for t in TS]
    valley = np.array([(x * x + y - 1) ** 2 for x, y in pts])
    assert linear_barrier(valley) == pytest.approx(1.0)
    bowl = np.array([float(p @ p) + 0.3 * p[0] for p in pts])
    assert linear_barrier(bowl) <= 1e-12
    # through the bend (0, 1) both segments stay in the valley (loss ≤ 1/16)
    m = np.array([0.0, 1.0])
    bent = [a + t * (m - a) for t in TS] + [m + t * (b - m) for t in TS]
    assert max((x * x + y - 1) ** 2 for x, y in bent) <= 1 / 16 + 1e-12


def test_a_segment_between_identical_nets_has_no_barrier() -> None:
    """f(a + t(a − a)) = f(a) for every t: barrier 0; a sign-flipped copy has one."""
    from axiomdl.probes.mode_connectivity import linear_barrier, segment_losses
    from axiomdl.probes.nets import MLP

    rng = np.random.default_rng(3)
    net = MLP((6, 10, 2), act="relu")
    a = net.init(rng)
    x, y = rng.standard_normal((50, 6)), rng.standard_normal((50, 2))
    same = segment_losses(net, a, a.copy(), x, y)
    assert np.all(same == same[0])  # the loss is constant on the segment
    assert abs(linear_barrier(same)) <= 1e-14 * same[0]  # zero up to rounding of (1 − t)L + tL
    # b = −a flips every unit's sign: the midpoint is the zero net, far above the endpoints
    far = segment_losses(net, a, -a, x, y)
    mid = net.loss(np.zeros_like(a), x, y)
    assert far[len(far) // 2] == pytest.approx(mid)
    assert linear_barrier(far) >= mid - max(far[0], far[-1]) - 1e-12


def test_alignment_permutes_units_without_changing_the_function() -> None:
    from axiomdl.probes.mode_connectivity import align
    from axiomdl.probes.nets import MLP

    rng = np.random.default_rng(2)
    net = MLP((5, 12, 3), act="relu")
    a = net.init(rng)
    (w, c), (v, d) = net.unpack(a)
    perm = rng.permutation(12)
    c = c + 0.1 * rng.standard_normal(12)
    a = np.concatenate([w.ravel(), c, v.ravel(), d])
    b = np.concatenate([w[perm].ravel(), c[perm], v[:, perm].ravel(), d])  # a, shuffled
    x = rng.standard_normal((200, 5))
    back = align(net, a, b, x)
    assert np.abs(net.forward(back, x) - net.forward(b, x)).max() <= 1e-12
    assert np.allclose(back, a)  # matching the activations undoes the shuffle


# ---------------------------------------------------------------- scaling laws


def test_power_law_fit_recovers_an_exact_law() -> None:
    from axiomdl.probes.powerlaw import fit_power

    n = 20.0 * 2.0 ** np.arange(7)
    fit = fit_power(n, 0.05 + 3.0 * n**-0.6)
    assert abs(fit.E - 0.05) < 5e-5
    assert fit.alpha == pytest.approx(0.6, rel=1e-3)
    assert fit.ratio == pytest.approx(2**-0.6, rel=1e-3)
    assert fit.max_residual < 1e-6


def test_broken_fit_finds_the_break_and_the_judge_needs_it() -> None:
    from axiomdl.probes.powerlaw import fit_broken
    from axiomdl.probes.scaling_laws import _broken_outcome, _curve

    n = 16.0 * 2.0 ** np.arange(8)
    nb = n[4]
    excess = np.where(n <= nb, (n / nb) ** -0.3, (n / nb) ** -1.2)
    loss = 0.1 + excess
    _, after, k, res = fit_broken(n, loss)
    assert n[k] == nb and res < 0.05 and after.alpha > 0.8
    broken = _curve([int(v) for v in n], loss)
    assert _broken_outcome("x", broken).verdict == "supported"
    single = _curve([int(v) for v in n], 0.1 + n**-0.5)
    assert _broken_outcome("x", single).verdict == "inconclusive"
    assert single["fits"] and single["extrapolation_error"] < 1e-4


def test_chinchilla_fit_on_an_additive_grid() -> None:
    from axiomdl.probes.powerlaw import fit_chinchilla

    p = 16.0 * 2.0 ** np.arange(5)
    n = 20.0 * 2.0 ** np.arange(6)
    grid = 0.1 + 2.0 * p[:, None] ** -0.4 + 5.0 * n[None, :] ** -0.7
    fit = fit_chinchilla(p, n, grid)
    assert fit.max_residual < 1e-5
    assert fit.alpha == pytest.approx(0.4, rel=1e-3) and fit.beta == pytest.approx(0.7, rel=1e-3)
    # a multiplicative interaction is no additive law
    inter = 0.1 + 20.0 * p[:, None] ** -0.4 * n[None, :] ** -0.7
    assert fit_chinchilla(p, n, inter).max_residual > 0.05


def test_more_data_finds_a_sample_wise_peak() -> None:
    from axiomdl.probes.scaling_laws import _more_data

    ns = [20, 40, 80, 160]
    draws = np.array([[1.0, 0.8, 1.5, 0.4], [1.1, 0.7, 1.4, 0.5], [0.9, 0.9, 1.2, 0.3]])
    got = _more_data(ns, draws)
    assert got["rises"] == [[40, 80]]
    assert _more_data(ns, np.sort(draws, axis=1)[:, ::-1])["rises"] == []


# ---------------------------------------------------------------- double descent and judging


def test_double_descent_grid_brackets_the_threshold() -> None:
    from axiomdl.probes.double_descent import grid

    for n in (100, 200):
        g = grid(n)
        assert {n // 2, int(0.9 * n), n, int(1.1 * n)} <= set(g)
        assert g[0] <= n // 8 + 1 and g[-1] == 10 * n
        assert all(b / a > 1.09 for a, b in itertools.pairwise(g))


def test_combine_names_contradicting_settings_and_skips_inapplicable_ones() -> None:
    ok = Outcome("A", "supported", "fine")
    bad = Outcome("B", "contradicted", "rises")
    skip = Outcome("C", None, "not in the terminal phase")
    v = combine("X", "claim", [ok, bad, skip], {"n": 1})
    assert v.verdict == "contradicted" and v.regime == "B" and "(not counted)" in v.note
    assert combine("X", "c", [ok, skip], {}).verdict == "supported"
    assert combine("X", "c", [skip], {}).verdict == "inconclusive"
    assert combine("X", "c", [ok, Outcome("D", "inconclusive", "?")], {}).verdict == "inconclusive"
    assert by_threshold("s", 0.5, 1.0, 2.0, "").verdict == "supported"
    assert by_threshold("s", 1.5, 1.0, 2.0, "").verdict == "inconclusive"
    assert by_threshold("s", 2.5, 1.0, 2.0, "").verdict == "contradicted"
    assert by_agreement("s", 0.8, "").verdict == "supported"
    assert by_agreement("s", 0.5, "").verdict == "inconclusive"
    assert by_agreement("s", 0.2, "").verdict == "contradicted"
