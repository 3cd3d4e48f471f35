import AxiomDL.Generalization.Capacity.SauerShelah
import AxiomDL.Generalization.Witnesses

/-!
# Capacity: uniform convergence for classes of finite VC dimension

A class `C` of binary classifiers `X → Bool`, scored by the 0-1 loss `classLoss` on labelled
examples `(x, y)`. The Vapnik–Chervonenkis inequality is a named assumption (`VCInequality`):
it abstracts the ghost sample, the random swaps and Hoeffding's inequality, and leaves the
combinatorial step, the number `N` of traces of the class on `2 m` points, as a parameter. The
Sauer–Shelah lemma then bounds `N` by the VC dimension:

* `vc_uniform_convergence`: under VC dimension at most `d`, some member's empirical and
  population risks differ by more than `ε` with probability at most `∑_{i ≤ d} C(2m, i) · τ`;
* `vc_uniform_convergence_pow`: at most `(2 m + 1) ^ d · τ`, polynomial in `m`, against the
  per-pattern tail `τ = 4 exp(-m ε² / 8)`, which is exponentially small;
* `vc_uniform_convergence_two_pow`: with no assumption on the class, `2 ^ (2 m) · τ`;
* `vc_uniform_convergence_compl`: the complement form, with probability at least
  `1 - ∑_{i ≤ d} C(2m, i) · τ` no member deviates.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization.Capacity

section VCBound

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {X : Type w}

/-- The 0-1 loss of the classifier `h` on the labelled example `z = (x, y)`. -/
def classLoss (h : X → Bool) (z : X × Bool) : K := zeroOneLoss (h z.1) z.2

/-- Assumption: the Vapnik–Chervonenkis inequality for the class `C` of binary classifiers with
the 0-1 loss, at accuracy `ε` with `0 < ε`, on samples `S ω` of `m ≥ 1` labelled examples:
whenever the class has at most `N` traces on every `2 m` points (`GrowthLE C (2 * m) N`), some
member's empirical and population risks differ by more than `ε` with probability at most
`N · τ`, where the per-pattern tail `τ` satisfies `0 < τ` (`4 exp(-m ε² / 8)` in
Vapnik–Chervonenkis). It abstracts the ghost-sample symmetrisation, the random swaps between
the two samples, Hoeffding's inequality for each trace, and the union bound over the traces.
Area: generalization
Status: established
Evidence: A theorem for i.i.d. samples (Vapnik–Chervonenkis 1971); with the Sauer–Shelah lemma it gives nonvacuous bounds only when `m` is large against the VC dimension, which fails for modern networks (more parameters than examples; Zhang et al. 2017), and it fails for dependent data.
Refs: Vapnik, Chervonenkis, "On the uniform convergence of relative frequencies of events to their probabilities" (1971); Shalev-Shwartz, Ben-David (2014), Thm. 6.11; Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017).
-/
structure VCInequality (μ : FinAddProb K Ω) (D : Expectation K (X × Bool))
    (S : Ω → List (X × Bool)) (C : List (X → Bool)) (m : Nat) (ε τ : K) : Prop where
  /-- The samples are nonempty. -/
  m_pos : 0 < m
  /-- The accuracy is positive. -/
  eps_pos : 0 < ε
  /-- The per-pattern tail is positive. -/
  tau_pos : 0 < τ
  /-- Every sample has `m` examples. -/
  sample_length : ∀ ω, (S ω).length = m
  /-- The deviation bound in terms of the growth function on `2 m` points. -/
  bound : ∀ N : Nat, GrowthLE C (2 * m) N →
    μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω) ≤ natToScalar N * τ

/-- Uniform convergence under VC dimension at most `d`: some member of the class deviates by
more than `ε` with probability at most `∑_{i ≤ d} C(2m, i) · τ`. -/
theorem vc_uniform_convergence {μ : FinAddProb K Ω} {D : Expectation K (X × Bool)}
    {S : Ω → List (X × Bool)} {C : List (X → Bool)} {m : Nat} {ε τ : K} {d : Nat}
    (hvc : VCInequality μ D S C m ε τ) (hd : VCDimLE C d) :
    μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω)
      ≤ natToScalar (binomSum (2 * m) (d + 1)) * τ :=
  hvc.bound _ (growthLE_of_vcDimLE hd (2 * m))

/-- Uniform convergence under VC dimension at most `d`, polynomial form: the failure
probability is at most `(2 m + 1) ^ d · τ`. -/
theorem vc_uniform_convergence_pow {μ : FinAddProb K Ω} {D : Expectation K (X × Bool)}
    {S : Ω → List (X × Bool)} {C : List (X → Bool)} {m : Nat} {ε τ : K} {d : Nat}
    (hvc : VCInequality μ D S C m ε τ) (hd : VCDimLE C d) :
    μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω)
      ≤ natToScalar ((2 * m + 1) ^ d) * τ := by
  have h1 : μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω)
      ≤ natToScalar (binomSum (2 * m) (d + 1)) * τ := vc_uniform_convergence hvc hd
  have h2 : (natToScalar (binomSum (2 * m) (d + 1)) : K) ≤ natToScalar ((2 * m + 1) ^ d) :=
    natToScalar_mono_le (binomSum_le_pow (2 * m) d)
  have hτ : (0 : K) ≤ τ := by
    have := hvc.tau_pos
    grind
  have h3 : natToScalar (binomSum (2 * m) (d + 1)) * τ ≤ natToScalar ((2 * m + 1) ^ d) * τ :=
    AxiomDL.mul_le_mul_of_nonneg_right h2 hτ
  grind

/-- Uniform convergence with no assumption on the class: the failure probability is at most
`2 ^ (2 m) · τ` (every class has at most `2 ^ n` traces on `n` points). -/
theorem vc_uniform_convergence_two_pow {μ : FinAddProb K Ω} {D : Expectation K (X × Bool)}
    {S : Ω → List (X × Bool)} {C : List (X → Bool)} {m : Nat} {ε τ : K}
    (hvc : VCInequality μ D S C m ε τ) :
    μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω) ≤ natToScalar (2 ^ (2 * m)) * τ :=
  hvc.bound _ (growthLE_two_pow C (2 * m))

/-- Uniform convergence, complement form: under VC dimension at most `d`, with probability at
least `1 - ∑_{i ≤ d} C(2m, i) · τ` no member of the class deviates by more than `ε`. -/
theorem vc_uniform_convergence_compl {μ : FinAddProb K Ω} {D : Expectation K (X × Bool)}
    {S : Ω → List (X × Bool)} {C : List (X → Bool)} {m : Nat} {ε τ : K} {d : Nat}
    (hvc : VCInequality μ D S C m ε τ) (hd : VCDimLE C d) :
    1 - natToScalar (binomSum (2 * m) (d + 1)) * τ
      ≤ μ.P (fun ω => ¬ ∃ h ∈ C, Deviates D classLoss S ε h ω) := by
  have h1 : μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω)
      ≤ natToScalar (binomSum (2 * m) (d + 1)) * τ := vc_uniform_convergence hvc hd
  have h2 : μ.P (fun ω => ¬ ∃ h ∈ C, Deviates D classLoss S ε h ω)
      = 1 - μ.P (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω) :=
    μ.prob_not (fun ω => ∃ h ∈ C, Deviates D classLoss S ε h ω)
  grind

end VCBound

end AxiomDL.Generalization.Capacity
