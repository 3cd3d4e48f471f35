import AxiomDL.Generalization.DoubleDescent
import AxiomDL.Foundations.Models

/-!
# Double descent: witnesses and separations over `Rat`

Concrete risk curves `Nat → K`, each given by cases on the number of parameters `p`:

* `ddCurve` (threshold `n = 2`): `1/4, 1/2, 1` up to the threshold, then `1/8 · (1/2)^(p-3)`:
  peak, rising arm from `0`, second descent and benign over-parameterisation at once;
* `reboundCurve` (`n = 1`): `1, 3, 1, 2, 2, …`: a strict peak, but the risk rises again after the
  second descent (as in the well-specified isotropic model of Hastie et al. 2022);
* `halvingCurve` (`n = 1`): `(1/2)^p`, falling everywhere: descent without a peak (as with
  optimally tuned ridge, Nakkiran et al. 2021);
* `plateauCurve` (`n = 1`): `1/2, 2`, then `1/2 + 1/4 · (1/2)^(p-2)`: peak and descent, but no
  over-parameterised model beats the model with `p = 0`;
* `AxiomDL.natToScalar` (`n = 1`): the risk `p` rises everywhere: the rising arm without a peak
  (the classical picture in which more parameters always overfit more).

The `Rat` instances of core's `grind` classes come from `AxiomDL.Foundations.Models`, which
imports the core modules that declare them; nothing else in this file's imports does.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization

section Curves

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- A double-descent curve with threshold `n = 2`. -/
def ddCurve : Nat → K
  | 0 => 1 / 4
  | 1 => 1 / 2
  | 2 => 1
  | p + 3 => 1 / 8 * (1 / 2) ^ p

/-- A peak at `n = 1` followed by a rebound. -/
def reboundCurve : Nat → K
  | 0 => 1
  | 1 => 3
  | 2 => 1
  | _ + 3 => 2

/-- The risk `(1/2)^p`, falling at every `p`. -/
def halvingCurve (p : Nat) : K :=
  (1 / 2) ^ p

/-- A peak at `n = 1`, then a descent that stays above the risk at `p = 0`. -/
def plateauCurve : Nat → K
  | 0 => 1 / 2
  | 1 => 2
  | p + 2 => 1 / 2 + 1 / 4 * (1 / 2) ^ p

/-- `0 < (1/2)^m ≤ 1`. -/
theorem half_pow_bounds (m : Nat) : 0 < (1 / 2 : K) ^ m ∧ (1 / 2 : K) ^ m ≤ 1 :=
  ⟨pow_pos_of_pos (by grind) m, AxiomDL.pow_le_one (by grind) (by grind) m⟩

/-- `(1/2)^(m+1) = (1/2)^m · (1/2)`. -/
theorem half_pow_succ (m : Nat) : (1 / 2 : K) ^ (m + 1) = (1 / 2) ^ m * (1 / 2) :=
  AxiomDL.pow_succ' (1 / 2) m

/-- `(1/2)^0 = 1`. -/
theorem half_pow_zero : (1 / 2 : K) ^ (0 : Nat) = 1 :=
  AxiomDL.pow_zero' (1 / 2)

/-- Every `p` is `0`, `1`, `2` or `m + 3`. -/
theorem nat_cases_three (p : Nat) : p = 0 ∨ p = 1 ∨ p = 2 ∨ ∃ m, p = m + 3 := by
  by_cases h : p < 3
  · have h3 : p = 0 ∨ p = 1 ∨ p = 2 := by omega
    rcases h3 with h0 | h1 | h2
    · exact Or.inl h0
    · exact Or.inr (Or.inl h1)
    · exact Or.inr (Or.inr (Or.inl h2))
  · exact Or.inr (Or.inr (Or.inr ⟨p - 3, by omega⟩))

/-- Witness: `ddCurve` has a strict peak at the threshold `n = 2`. -/
theorem ddCurve_peak : InterpolationPeak (ddCurve (K := K)) 2 := by
  refine ⟨by omega, ?_⟩
  intro p hp
  rcases nat_cases_three p with h | h | h | ⟨m, h⟩
  · subst h
    show (1 / 4 : K) < 1
    grind
  · subst h
    show (1 / 2 : K) < 1
    grind
  · exact absurd h hp
  · subst h
    have hb := half_pow_bounds (K := K) m
    show 1 / 8 * (1 / 2 : K) ^ m < 1
    grind

/-- Witness: `ddCurve` falls strictly beyond the threshold `n = 2`. -/
theorem ddCurve_descent : OverparamDescent (ddCurve (K := K)) 2 := by
  refine ⟨by omega, ?_⟩
  intro p hp
  rcases nat_cases_three p with h | h | h | ⟨m, h⟩
  · exact absurd hp (by omega)
  · exact absurd hp (by omega)
  · subst h
    have h0 := half_pow_zero (K := K)
    show 1 / 8 * (1 / 2 : K) ^ (0 : Nat) < 1
    grind
  · subst h
    have hb := half_pow_bounds (K := K) m
    have hs := half_pow_succ (K := K) m
    show 1 / 8 * (1 / 2 : K) ^ (m + 1) < 1 / 8 * (1 / 2) ^ m
    grind

/-- Witness: `ddCurve` rises on `[0, 2]`. -/
theorem ddCurve_ascent : UnderparamAscent (ddCurve (K := K)) 2 0 := by
  refine ⟨by omega, ?_⟩
  intro p _ hp
  have hcases : p = 0 ∨ p = 1 := by omega
  rcases hcases with h | h
  · subst h
    show (1 / 4 : K) < 1 / 2
    grind
  · subst h
    show (1 / 2 : K) < 1
    grind

/-- Witness: the over-parameterised model `p = 3` of `ddCurve` (risk `1/8`) beats every model
with `p ≤ 2`. -/
theorem ddCurve_benign : BenignOverparam (ddCurve (K := K)) 2 := by
  refine ⟨by omega, 3, by omega, ?_⟩
  intro q hq
  have h0 := half_pow_zero (K := K)
  have e3 : ddCurve (K := K) 3 = 1 / 8 * (1 / 2) ^ (0 : Nat) := rfl
  rw [e3]
  have hcases : q = 0 ∨ q = 1 ∨ q = 2 := by omega
  rcases hcases with h | h | h
  · subst h
    show 1 / 8 * (1 / 2 : K) ^ (0 : Nat) < 1 / 4
    grind
  · subst h
    show 1 / 8 * (1 / 2 : K) ^ (0 : Nat) < 1 / 2
    grind
  · subst h
    show 1 / 8 * (1 / 2 : K) ^ (0 : Nat) < 1
    grind

/-- `reboundCurve` has a strict peak at `n = 1`. -/
theorem reboundCurve_peak : InterpolationPeak (reboundCurve (K := K)) 1 := by
  refine ⟨by omega, ?_⟩
  intro p hp
  rcases nat_cases_three p with h | h | h | ⟨m, h⟩
  · subst h
    show (1 : K) < 3
    grind
  · exact absurd h hp
  · subst h
    show (1 : K) < 3
    grind
  · subst h
    show (2 : K) < 3
    grind

/-- `reboundCurve` rises from `p = 2` to `p = 3`, so its risk does not keep falling. -/
theorem reboundCurve_not_descent : ¬ OverparamDescent (reboundCurve (K := K)) 1 := by
  intro h
  have h2 : reboundCurve (K := K) (2 + 1) < reboundCurve 2 := h.descent 2 (by omega)
  have e : reboundCurve (K := K) (2 + 1) = 2 := rfl
  have e2 : reboundCurve (K := K) 2 = 1 := rfl
  rw [e, e2] at h2
  grind

/-- `halvingCurve` falls at every `p`, in particular beyond `n = 1`. -/
theorem halvingCurve_descent : OverparamDescent (halvingCurve (K := K)) 1 := by
  refine ⟨by omega, ?_⟩
  intro p _
  have hb := half_pow_bounds (K := K) p
  have hs := half_pow_succ (K := K) p
  show (1 / 2 : K) ^ (p + 1) < (1 / 2) ^ p
  grind

/-- `halvingCurve` has no peak at `n = 1`: its risk at `p = 0` is larger. -/
theorem halvingCurve_not_peak : ¬ InterpolationPeak (halvingCurve (K := K)) 1 := by
  intro h
  have h0 : halvingCurve (K := K) 0 < halvingCurve 1 := h.peak 0 (by omega)
  have hv : (1 / 2 : K) ^ (0 : Nat) < (1 / 2) ^ (0 + 1) := h0
  have e0 : (1 / 2 : K) ^ (0 : Nat) = 1 := half_pow_zero
  have e1 : (1 / 2 : K) ^ (0 + 1) = (1 / 2) ^ (0 : Nat) * (1 / 2) := half_pow_succ 0
  grind

/-- `plateauCurve` has a strict peak at `n = 1`. -/
theorem plateauCurve_peak : InterpolationPeak (plateauCurve (K := K)) 1 := by
  refine ⟨by omega, ?_⟩
  intro p hp
  rcases nat_cases_three p with h | h | h | ⟨m, h⟩
  · subst h
    show (1 / 2 : K) < 2
    grind
  · exact absurd h hp
  · subst h
    have hb := half_pow_bounds (K := K) 0
    show 1 / 2 + 1 / 4 * (1 / 2 : K) ^ (0 : Nat) < 2
    grind
  · subst h
    have hb := half_pow_bounds (K := K) (m + 1)
    show 1 / 2 + 1 / 4 * (1 / 2 : K) ^ (m + 1) < 2
    grind

/-- `plateauCurve` falls strictly beyond `n = 1`. -/
theorem plateauCurve_descent : OverparamDescent (plateauCurve (K := K)) 1 := by
  refine ⟨by omega, ?_⟩
  intro p hp
  obtain ⟨m, rfl⟩ : ∃ m, p = m + 1 := ⟨p - 1, by omega⟩
  by_cases hm : m = 0
  · subst hm
    have hb := half_pow_bounds (K := K) 0
    show 1 / 2 + 1 / 4 * (1 / 2 : K) ^ (0 : Nat) < 2
    grind
  · obtain ⟨k, rfl⟩ : ∃ k, m = k + 1 := ⟨m - 1, by omega⟩
    have hb := half_pow_bounds (K := K) k
    have hs := half_pow_succ (K := K) k
    show 1 / 2 + 1 / 4 * (1 / 2 : K) ^ (k + 1) < 1 / 2 + 1 / 4 * (1 / 2) ^ k
    grind

/-- No over-parameterised model of `plateauCurve` beats the model with `p = 0` (risk `1/2`). -/
theorem plateauCurve_not_benign : ¬ BenignOverparam (plateauCurve (K := K)) 1 := by
  intro h
  obtain ⟨p, hp, hbeat⟩ := h.beats
  have h0 : plateauCurve (K := K) p < plateauCurve 0 := hbeat 0 (by omega)
  obtain ⟨m, rfl⟩ : ∃ m, p = m + 2 := ⟨p - 2, by omega⟩
  have hb := half_pow_bounds (K := K) m
  have hv : 1 / 2 + 1 / 4 * (1 / 2 : K) ^ m < 1 / 2 := h0
  grind

/-- The risk `p` rises on `[0, 1]`. -/
theorem natCurve_ascent : UnderparamAscent (AxiomDL.natToScalar (K := K)) 1 0 := by
  refine ⟨by omega, ?_⟩
  intro p _ hp
  have h : p = 0 := by omega
  subst h
  have e0 : (AxiomDL.natToScalar 0 : K) = 0 := AxiomDL.natToScalar_zero
  have e1 : (AxiomDL.natToScalar (0 + 1) : K) = AxiomDL.natToScalar 0 + 1 :=
    AxiomDL.natToScalar_succ 0
  grind

/-- The risk `p` has no peak at `n = 1`: it is larger at `p = 2`. -/
theorem natCurve_not_peak : ¬ InterpolationPeak (AxiomDL.natToScalar (K := K)) 1 := by
  intro h
  have h2 : (AxiomDL.natToScalar 2 : K) < AxiomDL.natToScalar 1 := h.peak 2 (by omega)
  have e1 : (AxiomDL.natToScalar (1 + 1) : K) = AxiomDL.natToScalar 1 + 1 :=
    AxiomDL.natToScalar_succ 1
  have e2 : (AxiomDL.natToScalar 2 : K) = AxiomDL.natToScalar 1 + 1 := e1
  grind

end Curves

/-- Witness: over `Rat`, `ddCurve` (threshold `n = 2`) shows the whole double-descent shape at
once: a strict peak at `p = 2`, the rising arm from `p0 = 0`, the strict second descent, and an
over-parameterised model (`p = 3`) that beats every under-parameterised one.
Covers: AxiomDL.Generalization.BenignOverparam.eventually AxiomDL.Generalization.risk_unimodal_of_ascent_descent -/
theorem doubleDescent_joint_witness_rat :
    InterpolationPeak (ddCurve (K := Rat)) 2 ∧ UnderparamAscent (ddCurve (K := Rat)) 2 0 ∧
      OverparamDescent (ddCurve (K := Rat)) 2 ∧ BenignOverparam (ddCurve (K := Rat)) 2 :=
  ⟨ddCurve_peak, ddCurve_ascent, ddCurve_descent, ddCurve_benign⟩

/-- Separation: `InterpolationPeak` does not imply `OverparamDescent`. Over `Rat`, the curve
`1, 3, 1, 2, 2, …` has a strict peak at the threshold `n = 1` but its risk rises again after the
second descent. -/
theorem peak_not_descent_sep :
    InterpolationPeak (reboundCurve (K := Rat)) 1 ∧
      ¬ OverparamDescent (reboundCurve (K := Rat)) 1 :=
  ⟨reboundCurve_peak, reboundCurve_not_descent⟩

/-- Separation: `OverparamDescent` does not imply `InterpolationPeak`. Over `Rat`, the curve
`(1/2)^p` falls at every `p` (no peak at `n = 1`). -/
theorem descent_not_peak_sep :
    OverparamDescent (halvingCurve (K := Rat)) 1 ∧
      ¬ InterpolationPeak (halvingCurve (K := Rat)) 1 :=
  ⟨halvingCurve_descent, halvingCurve_not_peak⟩

/-- Separation: `InterpolationPeak` and `OverparamDescent` together do not imply
`BenignOverparam`. Over `Rat`, the curve `1/2, 2, 1/2 + 1/4 · (1/2)^(p-2)` peaks at `n = 1` and
falls after it, but never below its risk `1/2` at `p = 0`. -/
theorem peak_descent_not_benign_sep :
    (InterpolationPeak (plateauCurve (K := Rat)) 1 ∧
        OverparamDescent (plateauCurve (K := Rat)) 1) ∧
      ¬ BenignOverparam (plateauCurve (K := Rat)) 1 :=
  ⟨⟨plateauCurve_peak, plateauCurve_descent⟩, plateauCurve_not_benign⟩

/-- Separation: `UnderparamAscent` does not imply `InterpolationPeak`. Over `Rat`, the risk
`p` rises on `[0, 1]` and keeps rising beyond the threshold `n = 1`. -/
theorem ascent_not_peak_sep :
    UnderparamAscent (AxiomDL.natToScalar (K := Rat)) 1 0 ∧
      ¬ InterpolationPeak (AxiomDL.natToScalar (K := Rat)) 1 :=
  ⟨natCurve_ascent, natCurve_not_peak⟩

end AxiomDL.Generalization
