"""`axiomdl check-loss`: every verdict pinned, and every global guarantee checked by running GD.

The table below is the contract: for each loss, what sympy must prove (True), refute
(False) or leave open (None) over ℝⁿ, with the proved constants. A property the grid only
estimates must never come out as proved. For every theorem listed as holding *globally*,
gradient descent is run from far-away starts and must respect the printed bound.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import sympy

from axiomdl.cli import main
from axiomdl.compute.loss import parse_loss

PROPS = ("convex", "smooth", "strongly_convex", "pl")
S13 = math.sqrt(13)

# loss, vars, proved verdicts (convex, smooth, strongly convex, PL), constants (L, μ, PL μ), f*
TABLE: list[tuple[str, str, tuple, dict, object]] = [
    ("w^2", "w", (True, True, True, True), {"smooth": 2, "strongly_convex": 2, "pl": 2}, 0),
    (
        "(w1 + 2*w2 - 1)^2 + (w1 - w2)^2",  # least squares, full rank
        "w1,w2",
        (True, True, True, True),
        {"smooth": 7 + S13, "strongly_convex": 7 - S13, "pl": 7 - S13},
        0,
    ),
    (  # least squares, rank deficient: PL without strong convexity
        "(w1 + w2 - 1)^2",
        "w1,w2",
        (True, True, False, True),
        {"smooth": 4, "pl": 4},
        0,
    ),
    (  # separable quadratic with an offset
        "3*(w1 - 1)^2 + (w2 + 2)^2 + 5",
        "w1,w2",
        (True, True, True, True),
        {"smooth": 6, "strongly_convex": 2, "pl": 2},
        5,
    ),
    ("log(1 + exp(-w))", "w", (True, True, False, False), {"smooth": 0.25}, 0),  # logistic
    (  # logistic regression on one sample (a ridge)
        "log(1 + exp(-(w1 + 2*w2)))",
        "w1,w2",
        (True, True, False, False),
        {"smooth": 1.25},
        0,
    ),
    ("sqrt(w^2 + 1)", "w", (True, True, False, False), {"smooth": 1}, 1),  # the issue's case
    ("(w1*w2 - 1)^2", "w1,w2", (False, False, False, False), {}, 0),  # factorisation
    ("w^4", "w", (True, False, False, False), {}, 0),
    ("abs(w)", "w", (True, False, False, False), {}, 0),
    ("max(w1, w2)", "w1,w2", (True, False, None, None), {}, None),  # unbounded below
    ("max(w, 0)^2", "w", (True, True, False, True), {"smooth": 2, "pl": 2}, 0),
    ("(relu(w) - 1)^2", "w", (False, True, False, False), {"smooth": 2}, 0),  # ReLU regression
    ("(relu(w1)*w2 - 1)^2", "w1,w2", (False, False, False, None), {}, 0),  # a ReLU unit
    ("(1 - w1)^2 + 100*(w2 - w1^2)^2", "w1,w2", (False, False, False, None), {}, 0),  # Rosenbrock
    ("w^3", "w", (False, False, False, None), {}, None),  # unbounded below
    ("max(0, 1 - w)", "w", (True, False, False, False), {}, 0),  # hinge
    (
        "log(1 + exp(-w)) + w^2/2",
        "w",
        (True, True, True, None),
        {"smooth": 1.25, "strongly_convex": 1},
        None,
    ),
    ("sin(w)", "w", (False, True, False, None), {"smooth": 1}, -1),
    ("2*w + 1", "w", (True, True, False, None), {}, None),  # affine: Smooth for every L > 0
]
IDS = [row[0] for row in TABLE]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("loss-cache")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ei:
        main(argv)
    out, err = capsys.readouterr()
    return int(ei.value.code or 0), out, err


def check(capsys: pytest.CaptureFixture[str], cache: Path, *args: str) -> dict:
    code, out, err = run(["check-loss", *args, "-f", "json", "--cache-dir", str(cache)], capsys)
    assert code == 0, err
    return json.loads(out)


def props(d: dict) -> dict[str, dict]:
    return {p["name"]: p for p in d["properties"]}


def value(text: str) -> float:
    """`sqrt(13) + 7 ≈ 10.61` → 10.6055…"""
    return float(sympy.sympify(text.split(" ≈ ")[0]))


@pytest.fixture(scope="module")
def results(cache: Path) -> dict[str, dict]:
    """Each loss of the table analysed once (the slow part), as JSON from the real CLI."""
    import contextlib
    import io

    out: dict[str, dict] = {}
    for expr, vs, *_ in TABLE:
        buf, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
            try:
                main(["check-loss", expr, "--vars", vs, "-f", "json", "--cache-dir", str(cache)])
            except SystemExit as e:
                assert not e.code, err.getvalue()
        out[expr] = json.loads(buf.getvalue())
    return out


@pytest.mark.parametrize(("expr", "vs", "want", "consts", "fstar"), TABLE, ids=IDS)
def test_verdicts_are_pinned(
    results: dict[str, dict], expr: str, vs: str, want: tuple, consts: dict, fstar: object
) -> None:
    d = results[expr]
    p = props(d)
    got = tuple(p[k]["holds"] for k in PROPS)
    assert got == want, {k: (p[k]["holds"], p[k]["note"]) for k in PROPS}
    for k in PROPS:
        if p[k]["holds"] is not None:
            assert p[k]["method"] == "symbolic" and p[k]["note"]  # decided: says why
        if p[k]["holds"]:
            assert p[k]["estimate"] is None  # a proof needs no estimate beside it
        else:
            assert p[k]["constant"] is None
    for k, c in consts.items():
        assert math.isclose(p[k]["constant_float"], c, rel_tol=1e-9), (k, p[k])
    if fstar is None:
        assert not d["minimum"].startswith(("0", "1", "5", "-1"))
    else:
        assert d["minimum_proved"] and d["minimum"].split()[0] == str(fstar), d["minimum"]


@pytest.mark.parametrize(("expr", "vs", "want", "consts", "fstar"), TABLE, ids=IDS)
def test_estimates_never_pass_for_proofs(
    results: dict[str, dict], expr: str, vs: str, want: tuple, consts: dict, fstar: object
) -> None:
    """An undecided property is labelled an estimate on a named box, never as holding;
    a theorem needing it is listed on the box only."""
    d = results[expr]
    p = props(d)
    for k in PROPS:
        if p[k]["holds"] is None:
            assert p[k]["method"] == "estimated"
            est = p[k]["estimate"]
            assert est is not None and est["box"] and "∈ [" in est["box"]
            assert est["note"].startswith("on ")
    undecided = {k for k in PROPS if p[k]["holds"] is not True}
    names = {
        "convex": "Convex",
        "smooth": "Smooth",
        "strongly_convex": "StrongConvex",
        "pl": "PolyakLojasiewicz",
    }
    for t in d["theorems"]:
        if t["scope"] == "global":
            assert not {names[k] for k in undecided} & set(t["requires"]), t["name"]


def test_pl_from_a_grid_is_never_yes(results: dict[str, dict]) -> None:
    for expr, d in results.items():
        pl = props(d)["pl"]
        if pl["holds"]:
            assert "grid" not in pl["note"], expr
        elif pl["estimate"] is not None and pl["estimate"]["holds"]:
            assert pl["holds"] is not True and "may be lower" in pl["estimate"]["note"]


# ------------------------------------------------------------------ GD from far starts


def _gd_functions(expr: str, vs: str):
    e, syms = parse_loss(expr, [v.strip() for v in vs.split(",")])
    ae = e.rewrite(sympy.Piecewise)
    fm = sympy.lambdify(syms, ae, "mpmath")  # exp(1000) overflows a float, not an mpf
    gm = sympy.lambdify(syms, [sympy.diff(ae, s) for s in syms], "mpmath")

    def f(*x: float) -> float:
        return float(fm(*x))

    def g(*x: float) -> list[float]:
        return [float(v) for v in gm(*x)]

    return f, g, len(syms)


def _starts(n: int) -> list[list[float]]:
    if n == 1:
        return [[1000.0], [-1000.0], [37.5]]
    return [[1000.0, -1000.0], [-800.0, 900.0], [500.0, 500.0]]


def _iterate(g, x0: list[float], eta: float, steps: int) -> list[list[float]]:
    xs = [list(x0)]
    for _ in range(steps):
        x = xs[-1]
        gx = g(*x)
        xs.append([xi - eta * gi for xi, gi in zip(x, gx, strict=True)])
    return xs


GD_THEOREMS = {
    "gd_linear_convergence_inv",
    "gd_convex_rate",
    "gd_exists_small_gradient_div",
    "descent_lemma_inv",
}


@pytest.mark.parametrize(("expr", "vs", "want", "consts", "fstar"), TABLE, ids=IDS)
def test_global_bounds_hold_along_gd_from_far_starts(
    results: dict[str, dict], expr: str, vs: str, want: tuple, consts: dict, fstar: object
) -> None:
    d = results[expr]
    glob = {t["name"].split(".")[-1]: t for t in d["theorems"] if t["scope"] == "global"}
    checked = set(glob) & GD_THEOREMS
    if not checked:  # only when no smoothness constant, which every GD theorem needs, is proved
        assert props(d)["smooth"]["constant"] is None
        return
    f, g, n = _gd_functions(expr, vs)
    for start in _starts(n):
        if "gd_linear_convergence_inv" in glob:
            c = glob["gd_linear_convergence_inv"]["constants"]
            L, mu, fs = value(c["L"]), value(c["μ"]), value(c["fstar"])
            xs = _iterate(g, start, 1 / L, 60)
            gap0 = f(*start) - fs
            for t, x in enumerate(xs):
                assert f(*x) - fs <= (1 - mu / L) ** t * gap0 * (1 + 1e-9) + 1e-9, (start, t)
        if "gd_convex_rate" in glob and d["minimum_proved"] and " at (" in d["minimum"]:
            c = glob["gd_convex_rate"]["constants"]
            L = value(c["L"])
            xstar = [
                float(sympy.sympify(v.split("=")[1]))
                for v in d["minimum"].split(" at (")[1].split(")")[0].split(", ")
            ]
            fs = f(*xstar)
            xs = _iterate(g, start, 1 / L, 200)
            r2 = sum((a - b) ** 2 for a, b in zip(start, xstar, strict=True))
            for T, x in enumerate(xs):
                assert T * (f(*x) - fs) <= L / 2 * r2 * (1 + 1e-9) + 1e-6, (start, T)
        if "gd_exists_small_gradient_div" in glob:
            c = glob["gd_exists_small_gradient_div"]["constants"]
            L, fs = value(c["L"]), value(c["fstar"])
            xs = _iterate(g, start, 1 / L, 200)
            norms = [sum(v * v for v in g(*x)) for x in xs]
            for T in range(1, 200):
                assert min(norms[:T]) <= 2 * L * (f(*start) - fs) / T * (1 + 1e-9) + 1e-9, (
                    start,
                    T,
                )
        if "descent_lemma_inv" in glob:
            L = value(glob["descent_lemma_inv"]["constants"]["L"])
            for x in _iterate(g, start, 1 / L, 30):
                gx = g(*x)
                step = [xi - gi / L for xi, gi in zip(x, gx, strict=True)]
                assert f(*step) <= f(*x) - sum(v * v for v in gx) / (2 * L) + 1e-9 * max(
                    1, abs(f(*x))
                )


def test_the_issue_case_is_no_longer_a_false_guarantee(results: dict[str, dict]) -> None:
    """`sqrt(w²+1)`: PL fails on ℝ (exactly), so no linear rate is promised globally; on the
    default box PL is an estimate and linear convergence is listed on the box only."""
    d = results["sqrt(w^2 + 1)"]
    pl = props(d)["pl"]
    assert pl["holds"] is False and "no μ > 0" in pl["note"]
    glob = {t["name"].split(".")[-1] for t in d["theorems"] if t["scope"] == "global"}
    assert "gd_linear_convergence_inv" not in glob and "gd_convex_rate" in glob
    box = {t["name"].split(".")[-1]: t for t in d["theorems"] if t["scope"] == "box"}
    lin = box["gd_linear_convergence_inv"]
    assert lin["constants"]["μ"].endswith("(estimated)") and lin["constants"]["fstar"] == "1"
    assert "∈ the box" in lin["quantifiers"]


def test_side_conditions_and_quantifiers_are_filled_in(results: dict[str, dict]) -> None:
    d = results["(w1 + 2*w2 - 1)^2 + (w1 - w2)^2"]
    ts = {t["name"].split(".")[-1]: t for t in d["theorems"]}
    lin = ts["gd_linear_convergence"]  # step size η left to the user
    assert "η ≤ 1/L = 0.0943" in lin["side_conditions"] and "η ≥ 0" in lin["side_conditions"]
    assert lin["quantifiers"].startswith("∀") and "x0 ∈ ℝ^2" in lin["quantifiers"]
    inv = ts["gd_linear_convergence_inv"]
    assert "μ ≤ L ✓" in inv["checked"] and "0.6799**t" in inv["instantiated"]
    small = ts["gd_exists_small_gradient_div"]
    assert "∃ t < T" in small["quantifiers"] and any("T" in s for s in small["side_conditions"])
    rate = ts["gd_convex_rate"]
    assert any("xstar = (w1=1/3, w2=1/3)" in s for s in rate["side_conditions"])


def test_non_smooth_losses_get_exact_kink_verdicts(results: dict[str, dict]) -> None:
    p = props(results["abs(w)"])
    assert "not differentiable at w = 0" in p["smooth"]["note"]
    assert "smoothness does not hold" in p["smooth"]["note"]
    assert "subgradient" in p["convex"]["note"]
    relu = props(results["(relu(w1)*w2 - 1)^2"])
    assert (
        "bends downward" in relu["convex"]["note"]
        and "not differentiable" in relu["smooth"]["note"]
    )


def test_a_box_makes_every_theorem_box_only(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    d = check(capsys, cache, "log(1 + exp(-w))", "--vars", "w", "--box", "w=-2:2")
    p = props(d)
    assert p["strongly_convex"]["holds"] and p["strongly_convex"]["scope"] == "box"
    assert d["theorems"] and all(t["scope"] == "box" for t in d["theorems"])
    code, out, _ = run(
        [
            "check-loss",
            "log(1 + exp(-w))",
            "--vars",
            "w",
            "--box",
            "w=-2:2",
            "--cache-dir",
            str(cache),
        ],
        capsys,
    )
    assert code == 0 and "theorems on the box only" in out and "hold globally" not in out


def test_text_output_names_the_box_of_every_estimate(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    code, out, _ = run(
        ["check-loss", "(w1*w2 - 1)^2", "--vars", "w1,w2", "--cache-dir", str(cache)], capsys
    )
    assert code == 0
    est = [ln for ln in out.splitlines() if "estimated:" in ln]
    assert est and all("w1 ∈ [-2, 2], w2 ∈ [-2, 2] (default box)" in ln for ln in est)
    assert "fails on ℝ^2" in out and "holds on" not in out


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["w1 +* 2", "--vars", "w1"], "cannot parse"),
        (["w1 + z", "--vars", "w1"], "unknown variable"),
        (["w1^2", "--vars", "w1", "--box", "w2=0:1"], "unknown variable"),
        (["w1^2", "--vars", "w1", "--box", "w1=1:0"], "empty interval"),
        (["w1^2", "--vars", "w1", "--box", "w1=a:1"], "non-numeric"),
        (["__import__('os')", "--vars", "w1"], "cannot parse"),
        (["floor(w)", "--vars", "w"], "unknown function `floor`"),
        (["log(w)", "--vars", "w"], "not a finite real number at (w=-2)"),
        (["w**w", "--vars", "w"], "not a finite real number"),
        (["w.diff()", "--vars", "w"], "cannot parse"),
    ],
)
def test_bad_input_is_exit_2(
    args: list[str], msg: str, capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    code, _, err = run(["check-loss", *args, "--cache-dir", str(cache)], capsys)
    assert code == 2
    assert msg in err and "Traceback" not in err and err.count("\n") == 1


def test_grid_eigenvalues_match_the_exact_ones() -> None:
    """The grid's Jacobi eigen-solver against a matrix with known spectrum 2 - √2, 2, 2 + √2."""
    from axiomdl.compute.sampling import eig

    vals, vecs = eig([[2.0, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 2.0]])
    for got, want in zip(vals, (2 - math.sqrt(2), 2.0, 2 + math.sqrt(2)), strict=True):
        assert math.isclose(got, want, rel_tol=1e-12)
    v = vecs[0]  # (1, -√2, 1)/2
    assert math.isclose(abs(v[1]), math.sqrt(2) / 2, rel_tol=1e-9) and math.isclose(v[0], v[2])


@pytest.mark.parametrize(
    ("text", "names", "box"),
    [
        ("w1^4 + w2^4 + w3^4 + w1*w2 - 2*w3", ["w1", "w2", "w3"], (-2.0, 2.0)),
        ("(w1*w2 - 1)^2 + relu(w1)", ["w1", "w2"], (-2.0, 2.0)),
        ("sqrt(w) + log(w) - w^2", ["w"], (-1.0, 3.0)),  # undefined on half the box
        ("w^(3/2) + w", ["w"], (0.0, 2.0)),  # f and f' finite at 0, f'' is not
    ],
)
def test_the_vectorised_grid_agrees_with_point_by_point_evaluation(
    text: str, names: list[str], box: tuple[float, float]
) -> None:
    """The numpy grid against the plain definition: evaluate f, ∇f and ∇²f at each grid
    point with sympy, drop points where any is not a finite real, take the extremes."""
    from axiomdl.compute.kinks import almost_everywhere
    from axiomdl.compute.sampling import eig, grid, pl_ratio_min, sample

    e, syms = parse_loss(text, names)
    ae = almost_everywhere(e)
    b = {n: box for n in names}
    st, fn, _ = sample(ae, syms, b, 300)
    grad = [sympy.diff(ae, s) for s in syms]
    hess = [[sympy.diff(g, s) for s in syms] for g in grad]
    kept = []
    for pt in grid(b, names, 300):
        at = dict(zip(syms, pt, strict=True))
        try:
            f = complex(ae.evalf(subs=at))
            g = [complex(x.evalf(subs=at)) for x in grad]
            h = [[complex(x.evalf(subs=at)) for x in row] for row in hess]
        except (TypeError, ZeroDivisionError):  # zoo, nan, 1/0
            continue
        nums = [f, *g, *(x for row in h for x in row)]
        if all(math.isfinite(x.real) and abs(x.imag) < 1e-12 for x in nums):
            vals = eig([[x.real for x in row] for row in h])[0]
            kept.append((pt, f.real, [x.real for x in g], vals[0], vals[-1]))
    assert st.points == len(kept) > 0
    assert math.isclose(st.f_min, min(k[1] for k in kept), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(st.lam_min, min(k[3] for k in kept), rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(st.lam_max, max(k[4] for k in kept), rel_tol=1e-9, abs_tol=1e-9)
    fstar = st.f_min
    ratios = [0.5 * sum(x * x for x in g) / (f - fstar) for _, f, g, _, _ in kept if f > fstar]
    r = pl_ratio_min(st, fstar, names)
    assert r is not None and math.isclose(r[0], min(ratios), rel_tol=1e-9)
    assert math.isclose(float(fn(*st.f_min_at)), st.f_min, rel_tol=1e-12, abs_tol=1e-12)


def test_a_box_makes_log_a_loss(capsys: pytest.CaptureFixture[str], cache: Path) -> None:
    d = check(capsys, cache, "1 - log(w)", "--vars", "w", "--box", "w=1/2:2")
    p = props(d)
    assert p["convex"]["holds"] and p["smooth"]["constant"] == "4"
    assert p["strongly_convex"]["constant"] == "1/4" and p["convex"]["scope"] == "box"
    assert d["minimum"].startswith("1 - log(2)")
