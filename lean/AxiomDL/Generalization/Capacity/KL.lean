import AxiomDL.Generalization.Capacity.Sup
import AxiomDL.Generalization.Probability

/-!
# Capacity: finite distributions, a logarithm assumption, and the Kullback–Leibler divergence

PAC-Bayes bounds weigh a finite list `hs` of hypotheses by a prior `π` and a posterior `ρ`
(weights `H → K`). Core Lean has no logarithm, so `log` enters through the assumption
`LogBounds`, which asks only for the properties the proofs use: `log 1 = 0`, monotonicity, and
the two tangent-line bounds `x - 1 ≤ x log x` and `log x ≤ x - 1` for `x > 0`. These hold for
the natural logarithm, and (unlike `log (x y) = log x + log y`) they also have a model over
`Rat`: `log x = 1 - 1/x` (`logBounds_one_sub_inv`).

* `kl log hs ρ π = ∑_h ρ(h) log (ρ(h) / π(h))`, with `0 log 0 = 0` (`klTerm`);
* Gibbs' inequality `0 ≤ KL(ρ ‖ π)` for a posterior and a prior of total weight at most one
  (`kl_nonneg`), from `x - 1 ≤ x log x`;
* `KL(ρ ‖ π) ≤ χ²(ρ ‖ π) = ∑_h ρ(h)² / π(h) - 1` (`kl_le_chiSq`), from `log x ≤ x - 1`;
* `KL(π ‖ π) = 0` (`kl_self`).
-/

set_option autoImplicit false

universe u w

namespace AxiomDL.Generalization.Capacity

section KL

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {H : Type w}

/-- Assumption: `log` behaves like a logarithm on the positive scalars, in the weak sense the
KL bounds use: `log 1 = 0`, it is monotone, and for `x > 0` it satisfies the tangent-line
bounds `x - 1 ≤ x log x` (that is, `1 - 1/x ≤ log x`) and `log x ≤ x - 1`.
Area: foundations
Status: established
Evidence: The natural logarithm satisfies all four (the bounds are the concavity of `log` at `1`); over `Rat`, which has no logarithm, `log x = 1 - 1/x` satisfies them, so the assumption has models in core Lean; it is deliberately weaker than `log (x y) = log x + log y`, which has no nonconstant monotone model over `Rat`.
Refs: Cover, Thomas, "Elements of Information Theory" (2006), Thm. 2.6.3 (Gibbs' inequality); Hardy, Littlewood, Pólya, "Inequalities" (1934).
-/
structure LogBounds (log : K → K) : Prop where
  /-- `log 1 = 0`. -/
  log_one : log 1 = 0
  /-- Monotone on the positive scalars. -/
  mono : ∀ x y, 0 < x → x ≤ y → log x ≤ log y
  /-- The tangent line at `1` bounds `log` from above. -/
  le_sub_one : ∀ x, 0 < x → log x ≤ x - 1
  /-- The lower bound `1 - 1/x ≤ log x`, multiplied by `x`. -/
  sub_one_le_mul : ∀ x, 0 < x → x - 1 ≤ x * log x

/-- A quotient of positive scalars is positive. -/
theorem div_pos' {a b : K} (ha : 0 < a) (hb : 0 < b) : 0 < a / b := by
  have e : a / b = a * (1 / b) := AxiomDL.div_eq_mul_one_div a b
  have h1 : 0 < 1 / b := AxiomDL.one_div_pos hb
  have h2 : 0 < a * (1 / b) := AxiomDL.mul_pos ha h1
  grind

/-- The model `log x = 1 - 1/x` of `LogBounds` (over any ordered field, in particular `Rat`). -/
theorem logBounds_one_sub_inv : LogBounds (fun x : K => 1 - 1 / x) := by
  refine ⟨?_, ?_, ?_, ?_⟩
  · have h1 : (1 : K) * (1 / 1) = 1 := AxiomDL.mul_one_div_cancel (by grind)
    show (1 : K) - 1 / 1 = 0
    grind
  · intro x y hx hxy
    show 1 - 1 / x ≤ 1 - 1 / y
    have hy : 0 < y := by grind
    have hy1 : y * (1 / y) = 1 := AxiomDL.mul_one_div_cancel (by grind)
    have hinv : 0 ≤ 1 / y := by
      have := AxiomDL.one_div_pos hy
      grind
    have h1 : x * (1 / y) ≤ y * (1 / y) := AxiomDL.mul_le_mul_of_nonneg_right hxy hinv
    have h2 : x * (1 / y) ≤ 1 := by grind
    have h3 : 1 / y ≤ 1 / x := AxiomDL.le_div_of_mul_le hx h2
    grind
  · intro x hx
    show 1 - 1 / x ≤ x - 1
    have hx1 : x * (1 / x) = 1 := AxiomDL.mul_one_div_cancel (by grind)
    have hsq : 0 ≤ (x - 1) * (x - 1) := AxiomDL.mul_self_nonneg (x - 1)
    have hinv : 0 ≤ 1 / x := by
      have := AxiomDL.one_div_pos hx
      grind
    have hm : 0 ≤ (x - 1) * (x - 1) * (1 / x) := AxiomDL.mul_nonneg hsq hinv
    have e : (x - 1) * (x - 1) * (1 / x) = x * (x * (1 / x)) - 2 * (x * (1 / x)) + 1 / x := by
      grind
    rw [hx1] at e
    grind
  · intro x hx
    show x - 1 ≤ x * (1 - 1 / x)
    have hx1 : x * (1 / x) = 1 := AxiomDL.mul_one_div_cancel (by grind)
    have e : x * (1 - 1 / x) = x - x * (1 / x) := by grind
    grind

open Classical in
/-- One term `p log (p / q)` of the Kullback–Leibler divergence, with the convention
`0 log 0 = 0`. -/
noncomputable def klTerm (log : K → K) (p q : K) : K := if p = 0 then 0 else p * log (p / q)

/-- A zero weight contributes nothing. -/
theorem klTerm_zero (log : K → K) (q : K) : klTerm log 0 q = 0 := by
  unfold klTerm
  exact if_pos rfl

/-- A nonzero weight contributes `p log (p / q)`. -/
theorem klTerm_of_ne (log : K → K) {p : K} (hp : p ≠ 0) (q : K) :
    klTerm log p q = p * log (p / q) := by
  unfold klTerm
  exact if_neg hp

/-- The Kullback–Leibler divergence `KL(ρ ‖ π) = ∑_{h ∈ hs} ρ(h) log (ρ(h) / π(h))`. -/
noncomputable def kl (log : K → K) (hs : List H) (ρ π : H → K) : K :=
  sumOver hs (fun h => klTerm log (ρ h) (π h))

/-- The χ² divergence `χ²(ρ ‖ π) = ∑_{h ∈ hs} ρ(h)² / π(h) - 1`. -/
def chiSq (hs : List H) (ρ π : H → K) : K := sumOver hs (fun h => ρ h * (ρ h / π h)) - 1

/-- `ρ` is a probability distribution on the list `hs`: nonnegative weights with total one
(the list should not repeat a hypothesis). -/
def IsWeighting (hs : List H) (ρ : H → K) : Prop := (∀ h ∈ hs, 0 ≤ ρ h) ∧ sumOver hs ρ = 1

/-- The termwise Gibbs inequality `p - q ≤ p log (p / q)` for `p ≥ 0`, `q > 0`. -/
theorem sub_le_klTerm {log : K → K} (hlog : LogBounds log) {p q : K} (hp : 0 ≤ p)
    (hq : 0 < q) : p - q ≤ klTerm log p q := by
  by_cases hp0 : p = 0
  · rw [hp0, klTerm_zero]
    grind
  · have hpos : 0 < p := by grind
    rw [klTerm_of_ne log hp0 q]
    have hx : 0 < p / q := div_pos' hpos hq
    have h1 : p / q - 1 ≤ p / q * log (p / q) := hlog.sub_one_le_mul (p / q) hx
    have h2 : q * (p / q - 1) ≤ q * (p / q * log (p / q)) :=
      AxiomDL.mul_le_mul_of_nonneg_left h1 (by grind)
    have h3 : q * (p / q) = p := AxiomDL.mul_div_cancel_left (by grind)
    have e1 : q * (p / q - 1) = q * (p / q) - q := by grind
    have e2 : q * (p / q * log (p / q)) = q * (p / q) * log (p / q) := by grind
    rw [h3] at e1 e2
    grind

/-- The termwise χ² bound `p log (p / q) ≤ p (p / q) - p` for `p ≥ 0`, `q > 0`. -/
theorem klTerm_le {log : K → K} (hlog : LogBounds log) {p q : K} (hp : 0 ≤ p) (hq : 0 < q) :
    klTerm log p q ≤ p * (p / q) - p := by
  by_cases hp0 : p = 0
  · rw [hp0, klTerm_zero]
    grind
  · have hpos : 0 < p := by grind
    rw [klTerm_of_ne log hp0 q]
    have hx : 0 < p / q := div_pos' hpos hq
    have h1 : log (p / q) ≤ p / q - 1 := hlog.le_sub_one (p / q) hx
    have h2 : p * log (p / q) ≤ p * (p / q - 1) := AxiomDL.mul_le_mul_of_nonneg_left h1 hp
    have e : p * (p / q - 1) = p * (p / q) - p := by grind
    grind

/-- A sum of differences is the difference of the sums. -/
theorem sumOver_sub (hs : List H) (f g : H → K) :
    sumOver hs (fun h => f h - g h) = sumOver hs f - sumOver hs g := by
  have e1 : sumOver hs (fun h => (f h - g h) + g h)
      = sumOver hs (fun h => f h - g h) + sumOver hs g :=
    sumOver_add hs (fun h => f h - g h) g
  have e2 : sumOver hs (fun h => (f h - g h) + g h) = sumOver hs f :=
    sumOver_congr hs (fun h _ => by
      show f h - g h + g h = f h
      grind)
  grind

/-- Gibbs' inequality: the KL divergence of a posterior `ρ` from a positive prior `π` of total
weight at most one is nonnegative. -/
theorem kl_nonneg {log : K → K} (hlog : LogBounds log) {hs : List H} {ρ π : H → K}
    (hρ : IsWeighting hs ρ) (hπ : ∀ h ∈ hs, 0 < π h) (hπ1 : sumOver hs π ≤ 1) :
    0 ≤ kl log hs ρ π := by
  have h1 : sumOver hs (fun h => ρ h - π h) ≤ kl log hs ρ π :=
    sumOver_le_sumOver hs (fun h hh => sub_le_klTerm hlog (hρ.1 h hh) (hπ h hh))
  have h2 : sumOver hs (fun h => ρ h - π h) = sumOver hs ρ - sumOver hs π := sumOver_sub hs ρ π
  have h3 : sumOver hs ρ = 1 := hρ.2
  grind

/-- The KL divergence is at most the χ² divergence. -/
theorem kl_le_chiSq {log : K → K} (hlog : LogBounds log) {hs : List H} {ρ π : H → K}
    (hρ : IsWeighting hs ρ) (hπ : ∀ h ∈ hs, 0 < π h) : kl log hs ρ π ≤ chiSq hs ρ π := by
  have h1 : kl log hs ρ π ≤ sumOver hs (fun h => ρ h * (ρ h / π h) - ρ h) :=
    sumOver_le_sumOver hs (fun h hh => klTerm_le hlog (hρ.1 h hh) (hπ h hh))
  have h2 : sumOver hs (fun h => ρ h * (ρ h / π h) - ρ h)
      = sumOver hs (fun h => ρ h * (ρ h / π h)) - sumOver hs ρ :=
    sumOver_sub hs (fun h => ρ h * (ρ h / π h)) ρ
  have h3 : sumOver hs ρ = 1 := hρ.2
  have e : chiSq hs ρ π = sumOver hs (fun h => ρ h * (ρ h / π h)) - 1 := rfl
  grind

/-- A distribution has KL divergence zero from itself. -/
theorem kl_self {log : K → K} (hlog : LogBounds log) {hs : List H} {π : H → K}
    (hπ : ∀ h ∈ hs, 0 < π h) : kl log hs π π = 0 := by
  refine sumOver_eq_zero hs ?_
  intro h hh
  have hne : π h ≠ 0 := by
    have := hπ h hh
    grind
  show klTerm log (π h) (π h) = 0
  rw [klTerm_of_ne log hne, self_div_self_eq_one hne, hlog.log_one]
  grind

end KL

end AxiomDL.Generalization.Capacity
