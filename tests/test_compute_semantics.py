"""Parsing and Lean semantics of the arithmetic fragment, on small real Lean files."""

from __future__ import annotations

from pathlib import Path

import pytest

from axiomdl.compute.falsify import falsify
from axiomdl.compute.semantics import _ediv, _emod
from axiomdl.compute.syntax import Bin, Unsupported, parse_header, parse_term, show
from axiomdl.session import load

HEADER = """set_option autoImplicit false
universe u
namespace T
variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
"""


def statuses(tmp_path: Path, body: str) -> dict[str, tuple[str, str]]:
    (tmp_path / "T.lean").write_text(HEADER + body + "\nend T\n", encoding="utf-8")
    s = load(tmp_path, use_cache=False, quiet=True)
    return {o.name.split(".")[-1]: (o.status, o.reason) for o in falsify(s.project, instances=80)}


def test_precedence_follows_lean() -> None:
    assert show(parse_term("-a ^ 2")) == "-(a ^ 2)"
    assert show(parse_term("a + b * c ^ 2")) == "a + (b * (c ^ 2))"
    e = parse_term("0 ≤ x → x = y ∧ y = x")
    assert isinstance(e, Bin) and e.op == "→"
    assert show(parse_term("¬ 0 ≤ x ∨ p")) == "(¬(0 ≤ x)) ∨ p"


def test_header_binders() -> None:
    h = parse_header("theorem foo {a b : K} (h : a ≤ b) [Max K] (n : Nat) : a ^ n ≤ b ^ n")
    assert [(b.name, b.kind) for b in h.binders] == [("a", "{"), ("b", "{"), ("h", "("), ("n", "(")]
    assert h.inst_text == ["Max K"]
    assert h.type_text == "a ^ n ≤ b ^ n"


@pytest.mark.parametrize(
    ("text", "why"),
    [("[1, 2]", "list"), ("a ∈ l", "membership"), ("(f x).1 = 0", "projection")],
)
def test_outside_fragment_is_unsupported(text: str, why: str) -> None:
    with pytest.raises(Unsupported, match=why):
        parse_term(text)


def test_int_division_is_euclidean() -> None:
    # the examples of Int.ediv / Int.emod in Lean core
    assert [_ediv(12, 7), _ediv(12, -7), _ediv(-12, 7), _ediv(-12, -7)] == [1, -1, -2, 2]
    assert [_emod(12, 7), _emod(12, -7), _emod(-12, 7), _emod(-12, -7)] == [5, 5, 2, 2]
    assert _ediv(7, 0) == 0 and _emod(7, 0) == 7


def test_junk_values_and_coercions(tmp_path: Path) -> None:
    r = statuses(
        tmp_path,
        """
theorem inv_zero : (0 : K)⁻¹ = 0 := sorry
theorem nat_div_floor (n : Nat) : n / 2 * 2 ≤ n := sorry
theorem nat_sub_cast (n m : Nat) : (((n - m : Nat) : Int) ≥ 0) := sorry
theorem tiny (x : K) (h : 0 < x) : 0 < x / 1000000 := sorry
theorem int_neg_div : (-7 : Int) / (-2 : Int) = 4 := sorry
theorem wrong_nat_sub (n : Nat) : n - 1 < n := sorry
theorem wrong_inv (x : K) : x * x⁻¹ = 1 := sorry
""",
    )
    assert r["inv_zero"][0] == "checked"
    assert r["nat_div_floor"][0] == "checked"
    assert r["nat_sub_cast"][0] == "checked"
    assert r["tiny"][0] == "checked"
    assert r["int_neg_div"][0] == "checked"
    assert r["wrong_nat_sub"][0] == "counterexample"  # n = 0: 0 - 1 = 0
    assert r["wrong_inv"][0] == "counterexample"  # x = 0


def test_unfolds_project_definitions(tmp_path: Path) -> None:
    r = statuses(
        tmp_path,
        """
def sq (x : K) : K := x * x
def double : Nat → Nat
  | 0 => 0
  | n + 1 => double n + 2
theorem sq_nonneg' (x : K) : 0 ≤ sq x := sorry
theorem double_eq (n : Nat) : double n = 2 * n := sorry
theorem double_wrong (n : Nat) : double n = n + 1 := sorry
""",
    )
    assert r["sq_nonneg'"][0] == "checked"
    assert r["double_eq"][0] == "checked"
    assert r["double_wrong"][0] == "counterexample"


def test_skips_say_why(tmp_path: Path) -> None:
    r = statuses(
        tmp_path,
        """
theorem uses_list (l : List K) : l.length = l.length := sorry
theorem exists_concl (x : K) : ∃ y : K, x < y := sorry
theorem hyp_forall (x : K) (h : ∀ y : K, x ≤ y) : x ≤ 0 := sorry
""",
    )
    assert r["uses_list"][0] == "skipped" and r["uses_list"][1]
    assert r["exists_concl"] == ("skipped", "an existential conclusion")
    assert "∀" in r["hyp_forall"][1]


def test_unsatisfiable_hypotheses_are_reported(tmp_path: Path) -> None:
    r = statuses(tmp_path, "theorem vac (x : K) (h1 : 0 < x) (h2 : x < 0) : x = 7 := sorry\n")
    assert r["vac"][0] == "unsatisfied"


def test_variable_hypotheses_are_assumed(tmp_path: Path) -> None:
    # `variable (hk : 0 < k)` + `include hk`: the hypothesis belongs to the statement
    r = statuses(
        tmp_path,
        """
section S
variable (k : Nat) (hk : 0 < k)
include hk
theorem uses_include : 0 < k := hk
end S
""",
    )
    assert r["uses_include"][0] == "checked"


def test_auto_bound_implicits_follow_lean_typing(tmp_path: Path) -> None:
    # without `autoImplicit false`, `n` is auto-bound and numerals make it a Nat
    (tmp_path / "A.lean").write_text(
        "theorem auto_nonneg : 0 ≤ n := sorry\ntheorem auto_pred : n - 1 < n := sorry\n"
        "theorem fact_hyp (p : Nat) [Fact (0 < p)] : p - 1 < p := sorry\n",
        encoding="utf-8",
    )
    s = load(tmp_path, use_cache=False, quiet=True)
    r = {o.name: o for o in falsify(s.project, instances=50)}
    assert r["auto_nonneg"].status == "checked"
    assert r["auto_pred"].status == "counterexample" and r["auto_pred"].values == {"n": "0"}
    assert r["fact_hyp"].status == "skipped" and "instance hypothesis" in r["fact_hyp"].reason
