import AxiomDL.Generalization.Capacity.KL
import AxiomDL.Generalization.FiniteClass

/-!
# Capacity: Occam and PAC-Bayes bounds for finite hypothesis lists

A finite list `hs` of hypotheses carries a prior `π` (positive weights of total at most one),
chosen before the data.

* **Occam's razor** (`OccamConcentration`, `occam_bound`): if each hypothesis `h` deviates by
  more than its own accuracy `ε(h)` with probability at most `δ π(h)` (Hoeffding with
  `ε(h) = √((log (1/π(h)) + log (1/δ)) / (2m))`), the prior-weighted union bound gives: with
  probability at least `1 - δ`, every `h` has population risk at most its empirical risk plus
  `ε(h)`. Averaging over any posterior `ρ` on that event gives a PAC-Bayes-type bound for all
  posteriors at once (`gibbs_occam_bound`). A uniform per-hypothesis concentration bound is an
  Occam bound with the uniform prior (`occamConcentration_of_concentration`).
* **PAC-Bayes** (`PACBayesBound`): with probability at least `1 - δ`, simultaneously for every
  posterior `ρ`, the `ρ`-averaged population risk is at most the `ρ`-averaged empirical risk plus
  `φ(KL(ρ ‖ π))` for a nondecreasing complexity term `φ` (McAllester:
  `φ(k) = √((k + log (2√m / δ)) / (2m))`). With `LogBounds`, the KL term may be replaced by the
  χ² divergence (`pacBayes_chiSq`), and the prior as posterior pays only `φ 0`
  (`pacBayes_prior`).
-/

set_option autoImplicit false

universe u v w x

namespace AxiomDL.Generalization.Capacity

section Occam

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {H : Type w} {Z : Type x}

/-- The `ρ`-average `∑_{h ∈ hs} ρ(h) r(h)` of a quantity `r` over the list (the Gibbs risk when
`r` is a risk). -/
def gibbs (hs : List H) (ρ : H → K) (r : H → K) : K := sumOver hs (fun h => ρ h * r h)

/-- Averaging a pointwise bound `r ≤ r' + e` with nonnegative weights. -/
theorem gibbs_le_of_le (hs : List H) {ρ r r' e : H → K} (hρ : ∀ h ∈ hs, 0 ≤ ρ h)
    (hle : ∀ h ∈ hs, r h ≤ r' h + e h) : gibbs hs ρ r ≤ gibbs hs ρ r' + gibbs hs ρ e := by
  have h1 : gibbs hs ρ r ≤ sumOver hs (fun h => ρ h * r' h + ρ h * e h) := by
    refine sumOver_le_sumOver hs ?_
    intro h hh
    have hm : ρ h * r h ≤ ρ h * (r' h + e h) :=
      AxiomDL.mul_le_mul_of_nonneg_left (hle h hh) (hρ h hh)
    show ρ h * r h ≤ ρ h * r' h + ρ h * e h
    grind
  have h2 : sumOver hs (fun h => ρ h * r' h + ρ h * e h) = gibbs hs ρ r' + gibbs hs ρ e :=
    sumOver_add hs (fun h => ρ h * r' h) (fun h => ρ h * e h)
  grind

/-- Assumption: Occam concentration for the finite list `hs` with the prior `π` (positive
weights of total at most one): each hypothesis `h` has population risk above its empirical risk
on the nonempty sample `S ω` by more than its accuracy `ε(h) > 0` with probability at most
`δ π(h)`, where `0 < δ < 1`.
Area: generalization
Status: established
Evidence: Hoeffding's inequality gives it with `ε(h) = √((log (1/π(h)) + log (1/δ)) / (2m))` for losses in `[0, 1]` and `m` i.i.d. examples when the prior is fixed before seeing the data; it fails for data-dependent priors and dependent examples.
Refs: Blumer, Ehrenfeucht, Haussler, Warmuth, "Occam's Razor" (IPL 1987); Langford, "Tutorial on Practical Prediction Theory for Classification" (JMLR 2005); Shalev-Shwartz, Ben-David (2014), Thm. 7.7.
-/
structure OccamConcentration (μ : FinAddProb K Ω) (D : Expectation K Z) (loss : H → Z → K)
    (S : Ω → List Z) (hs : List H) (π ε : H → K) (δ : K) : Prop where
  /-- The failure probability is positive. -/
  delta_pos : 0 < δ
  /-- The failure probability is below one. -/
  delta_lt_one : δ < 1
  /-- The prior is positive on the list. -/
  prior_pos : ∀ h ∈ hs, 0 < π h
  /-- The prior has total weight at most one. -/
  prior_sum_le : sumOver hs π ≤ 1
  /-- The accuracies are positive. -/
  eps_pos : ∀ h ∈ hs, 0 < ε h
  /-- Every sample is nonempty. -/
  sample_ne_nil : ∀ ω, S ω ≠ []
  /-- The prior-weighted tails. -/
  tail : ∀ h ∈ hs, μ.P (fun ω => ε h < popRisk D loss h - empRisk loss h (S ω)) ≤ δ * π h

/-- Occam's razor: some hypothesis of the list exceeds its empirical risk by more than its
accuracy `ε(h)` with probability at most `δ`. -/
theorem occam_bound {μ : FinAddProb K Ω} {D : Expectation K Z} {loss : H → Z → K}
    {S : Ω → List Z} {hs : List H} {π ε : H → K} {δ : K}
    (hoc : OccamConcentration μ D loss S hs π ε δ) :
    μ.P (fun ω => ∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω)) ≤ δ := by
  have h1 : μ.P (fun ω => ∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω))
      ≤ sumOver hs (fun h => μ.P (fun ω => ε h < popRisk D loss h - empRisk loss h (S ω))) :=
    μ.prob_exists_le_sumOver hs (fun h ω => ε h < popRisk D loss h - empRisk loss h (S ω))
  have h2 : sumOver hs (fun h => μ.P (fun ω => ε h < popRisk D loss h - empRisk loss h (S ω)))
      ≤ sumOver hs (fun h => δ * π h) :=
    sumOver_le_sumOver hs hoc.tail
  have h3 : sumOver hs (fun h => δ * π h) = δ * sumOver hs π := sumOver_mul_left δ hs π
  have hδ : 0 ≤ δ := by
    have := hoc.delta_pos
    grind
  have h4 : δ * sumOver hs π ≤ δ * 1 := AxiomDL.mul_le_mul_of_nonneg_left hoc.prior_sum_le hδ
  grind

/-- Occam's razor, complement form: with probability at least `1 - δ`, every hypothesis of the
list has population risk at most its empirical risk plus its accuracy `ε(h)`. -/
theorem occam_bound_compl {μ : FinAddProb K Ω} {D : Expectation K Z} {loss : H → Z → K}
    {S : Ω → List Z} {hs : List H} {π ε : H → K} {δ : K}
    (hoc : OccamConcentration μ D loss S hs π ε δ) :
    1 - δ ≤ μ.P (fun ω => ∀ h ∈ hs, popRisk D loss h ≤ empRisk loss h (S ω) + ε h) := by
  have h1 := occam_bound hoc
  have himp : ∀ ω, ¬ (∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω)) →
      ∀ h ∈ hs, popRisk D loss h ≤ empRisk loss h (S ω) + ε h := by
    intro ω hn h hh
    by_cases hlt : ε h < popRisk D loss h - empRisk loss h (S ω)
    · exact False.elim (hn ⟨h, hh, hlt⟩)
    · grind
  have h2 : μ.P (fun ω => ¬ (∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω)))
      ≤ μ.P (fun ω => ∀ h ∈ hs, popRisk D loss h ≤ empRisk loss h (S ω) + ε h) :=
    μ.prob_mono himp
  have h3 : μ.P (fun ω => ¬ (∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω)))
      = 1 - μ.P (fun ω => ∃ h ∈ hs, ε h < popRisk D loss h - empRisk loss h (S ω)) :=
    μ.prob_not _
  grind

/-- The Occam bound for every posterior at once: with probability at least `1 - δ`, for every
posterior `ρ` with nonnegative weights, the `ρ`-averaged population risk is at most the
`ρ`-averaged empirical risk plus the `ρ`-average of the accuracies. -/
theorem gibbs_occam_bound {μ : FinAddProb K Ω} {D : Expectation K Z} {loss : H → Z → K}
    {S : Ω → List Z} {hs : List H} {π ε : H → K} {δ : K}
    (hoc : OccamConcentration μ D loss S hs π ε δ) :
    1 - δ ≤ μ.P (fun ω => ∀ ρ : H → K, (∀ h ∈ hs, 0 ≤ ρ h) →
      gibbs hs ρ (popRisk D loss) ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + gibbs hs ρ ε) := by
  have h1 := occam_bound_compl hoc
  have himp : ∀ ω, (∀ h ∈ hs, popRisk D loss h ≤ empRisk loss h (S ω) + ε h) →
      ∀ ρ : H → K, (∀ h ∈ hs, 0 ≤ ρ h) →
        gibbs hs ρ (popRisk D loss)
          ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + gibbs hs ρ ε :=
    fun ω hall ρ hρ => gibbs_le_of_le hs hρ hall
  have h2 := μ.prob_mono himp
  grind

/-- Discharge: a uniform concentration bound `δ` for each of the `n ≥ 1` hypotheses of the list
(`Concentration`, two-sided, at accuracy `ε`) is an Occam bound with the uniform prior `1/n`,
the constant accuracy `ε` and the failure probability `n δ`, when `0 < δ` and `n δ < 1`. -/
theorem occamConcentration_of_concentration {μ : FinAddProb K Ω} {D : Expectation K Z}
    {loss : H → Z → K} {S : Ω → List Z} {hs : List H} {Dev : H → Ω → Prop} {ε δ : K}
    (hc : Concentration μ D loss S hs Dev ε δ) (hne : hs ≠ []) (hδ : 0 < δ)
    (hnδ : natToScalar hs.length * δ < 1) :
    OccamConcentration μ D loss S hs (fun _ => 1 / natToScalar hs.length) (fun _ => ε)
      (natToScalar hs.length * δ) := by
  have hn : (0 : K) < natToScalar hs.length := natToScalar_pos (pos_length_of_ne_nil hne)
  have hn1 : natToScalar hs.length * (1 / natToScalar hs.length) = (1 : K) :=
    AxiomDL.mul_one_div_cancel (by grind)
  have hinv : (0 : K) < 1 / natToScalar hs.length := AxiomDL.one_div_pos hn
  refine ⟨?_, hnδ, fun _ _ => hinv, ?_, fun _ _ => hc.eps_pos, hc.sample_ne_nil, ?_⟩
  · exact AxiomDL.mul_pos hn hδ
  · -- `(1 : K)` fixes the scalar type: nothing else in this statement mentions `K`, and an
    -- unannotated numeral would default to `Nat` before the proof is elaborated
    have h1 : sumOver hs (fun _ => (1 : K) / natToScalar hs.length)
        ≤ natToScalar hs.length * (1 / natToScalar hs.length) :=
      sumOver_le_length_mul hs (fun _ _ => by
        show 1 / natToScalar hs.length ≤ (1 : K) / natToScalar hs.length
        grind)
    grind
  · intro h hh
    have h1 : μ.P (fun ω => ε < popRisk D loss h - empRisk loss h (S ω)) ≤ μ.P (Dev h) := by
      refine μ.prob_mono ?_
      intro ω hω
      exact (hc.dev_iff h ω).mpr (Or.inr hω)
    have h2 : μ.P (Dev h) ≤ δ := hc.tail h hh
    have e : natToScalar hs.length * δ * (1 / natToScalar hs.length) = δ := by
      have e1 : natToScalar hs.length * δ * (1 / natToScalar hs.length)
          = δ * (natToScalar hs.length * (1 / natToScalar hs.length)) := by grind
      rw [e1, hn1]
      grind
    show μ.P (fun ω => ε < popRisk D loss h - empRisk loss h (S ω))
      ≤ natToScalar hs.length * δ * (1 / natToScalar hs.length)
    grind

end Occam

section PACBayes

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {H : Type w} {Z : Type x}

/-- Assumption: the PAC-Bayes bound for the finite list `hs` with the prior `π` (positive
weights of total one, fixed before the data): with `0 < δ < 1`, with probability at least
`1 - δ`, simultaneously for every posterior `ρ` on `hs`, the `ρ`-averaged population risk is at
most the `ρ`-averaged empirical risk on the nonempty sample `S ω` plus `φ(KL(ρ ‖ π))`, for a
nondecreasing complexity term `φ` and the logarithm `log` of the KL divergence.
Area: generalization
Status: established
Evidence: A theorem for i.i.d. samples and losses in `[0, 1]` with `φ(k) = √((k + log (2√m/δ)) / (2m))` (McAllester, Maurer); optimised over the posterior it gives the first nonvacuous bounds for deep networks on MNIST (Dziugaite, Roy 2017); it fails when the prior depends on the training sample.
Refs: McAllester, "PAC-Bayesian model averaging" (COLT 1999); Maurer, "A note on the PAC Bayesian theorem" (2004); Dziugaite, Roy, "Computing Nonvacuous Generalization Bounds for Deep (Stochastic) Neural Networks" (UAI 2017).
-/
structure PACBayesBound (μ : FinAddProb K Ω) (D : Expectation K Z) (loss : H → Z → K)
    (S : Ω → List Z) (log : K → K) (hs : List H) (π : H → K) (φ : K → K) (δ : K) : Prop where
  /-- The failure probability is positive. -/
  delta_pos : 0 < δ
  /-- The failure probability is below one. -/
  delta_lt_one : δ < 1
  /-- The prior is positive on the list. -/
  prior_pos : ∀ h ∈ hs, 0 < π h
  /-- The prior has total weight one. -/
  prior_sum : sumOver hs π = 1
  /-- The complexity term is nondecreasing. -/
  phi_mono : ∀ a b, a ≤ b → φ a ≤ φ b
  /-- Every sample is nonempty. -/
  sample_ne_nil : ∀ ω, S ω ≠ []
  /-- The bound, for every posterior at once. -/
  bound : 1 - δ ≤ μ.P (fun ω => ∀ ρ : H → K, IsWeighting hs ρ →
    gibbs hs ρ (popRisk D loss) ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + φ (kl log hs ρ π))

/-- PAC-Bayes with the χ² divergence: since `KL ≤ χ²` and `φ` is nondecreasing, with
probability at least `1 - δ` every posterior satisfies the bound with `φ(χ²(ρ ‖ π))`. -/
theorem pacBayes_chiSq {μ : FinAddProb K Ω} {D : Expectation K Z} {loss : H → Z → K}
    {S : Ω → List Z} {log : K → K} {hs : List H} {π : H → K} {φ : K → K} {δ : K}
    (hpb : PACBayesBound μ D loss S log hs π φ δ) (hlog : LogBounds log) :
    1 - δ ≤ μ.P (fun ω => ∀ ρ : H → K, IsWeighting hs ρ →
      gibbs hs ρ (popRisk D loss)
        ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + φ (chiSq hs ρ π)) := by
  have himp : ∀ ω, (∀ ρ : H → K, IsWeighting hs ρ →
      gibbs hs ρ (popRisk D loss)
        ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + φ (kl log hs ρ π)) →
      ∀ ρ : H → K, IsWeighting hs ρ →
        gibbs hs ρ (popRisk D loss)
          ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + φ (chiSq hs ρ π) := by
    intro ω hall ρ hρ
    have h1 := hall ρ hρ
    have h2 : φ (kl log hs ρ π) ≤ φ (chiSq hs ρ π) :=
      hpb.phi_mono _ _ (kl_le_chiSq hlog hρ hpb.prior_pos)
    grind
  have h2 := μ.prob_mono himp
  have h3 := hpb.bound
  grind

/-- PAC-Bayes with the prior as posterior: with probability at least `1 - δ`, the
prior-averaged population risk is at most the prior-averaged empirical risk plus `φ 0`, since
`KL(π ‖ π) = 0`. -/
theorem pacBayes_prior {μ : FinAddProb K Ω} {D : Expectation K Z} {loss : H → Z → K}
    {S : Ω → List Z} {log : K → K} {hs : List H} {π : H → K} {φ : K → K} {δ : K}
    (hpb : PACBayesBound μ D loss S log hs π φ δ) (hlog : LogBounds log) :
    1 - δ ≤ μ.P (fun ω =>
      gibbs hs π (popRisk D loss) ≤ gibbs hs π (fun h => empRisk loss h (S ω)) + φ 0) := by
  have hπ : IsWeighting hs π := ⟨fun h hh => by
    have := hpb.prior_pos h hh
    grind, hpb.prior_sum⟩
  have hkl : kl log hs π π = 0 := kl_self hlog hpb.prior_pos
  have himp : ∀ ω, (∀ ρ : H → K, IsWeighting hs ρ →
      gibbs hs ρ (popRisk D loss)
        ≤ gibbs hs ρ (fun h => empRisk loss h (S ω)) + φ (kl log hs ρ π)) →
      gibbs hs π (popRisk D loss) ≤ gibbs hs π (fun h => empRisk loss h (S ω)) + φ 0 := by
    intro ω hall
    have h1 := hall π hπ
    rw [hkl] at h1
    exact h1
  have h2 := μ.prob_mono himp
  have h3 := hpb.bound
  grind

end PACBayes

end AxiomDL.Generalization.Capacity
