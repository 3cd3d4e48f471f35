import AxiomDL.Generalization.Capacity.PACBayes
import AxiomDL.Generalization.Capacity.Compression
import AxiomDL.Generalization.Capacity.CoinModel

/-!
# Capacity: witnesses for the Occam, PAC-Bayes and compression assumptions

All on the fair-coin model of `Generalization/Capacity/CoinModel.lean`, over `Rat`:

* `logBounds_witness`: `log x = 1 - 1/x` satisfies `LogBounds`;
* `occam_joint_witness`: the concentration witness of `Generalization/Witnesses.lean` (one
  constant prediction, accuracy `1/2`, failure probability `1/2`) is an Occam bound with the
  uniform prior, through the discharge `occamConcentration_of_concentration`;
* `pacBayes_joint_witness`: the PAC-Bayes bound with the prior `(1/2, 1/2)` on the two constant
  predictions, the complexity term `φ(k) = 1/2 + k` (the least constant term that holds on
  this model, so the bound is not vacuous) and `δ = 1/2`, together with `LogBounds`;
* `compression_joint_witness`: a compression scheme of size `1` on samples of `2` examples of
  the identity target, with compression concentration at `ε = δ = 1/4`.
-/

set_option autoImplicit false

namespace AxiomDL.Generalization.Capacity

/-- Witness: `log x = 1 - 1/x` satisfies `LogBounds` over `Rat`. -/
theorem logBounds_witness : LogBounds (fun x : Rat => 1 - 1 / x) := logBounds_one_sub_inv

/-- Witness: the one-hypothesis concentration model of `Generalization/Witnesses.lean` (the
constant prediction `true` on one fair coin flip, accuracy and failure probability `1/2`),
restated for the discharge to Occam concentration.
Covers: AxiomDL.Generalization.Capacity.occamConcentration_of_concentration
-/
theorem concentration_occam_witness :
    Concentration coinProb coinExp zeroOneLoss (fun ω => [ω]) [true]
      (Deviates coinExp zeroOneLoss (fun ω => [ω]) (1 / 2)) (1 / 2) (1 / 2) :=
  concentration_joint_witness.1

/-- Witness: Occam concentration over `Rat` on the fair-coin model: the constant prediction
`true`, the uniform prior on the one-element list, accuracy `1/2` and failure probability
`1 · 1/2 = 1/2 ∈ (0, 1)`.
Covers: AxiomDL.Generalization.Capacity.occam_bound AxiomDL.Generalization.Capacity.occam_bound_compl AxiomDL.Generalization.Capacity.gibbs_occam_bound
-/
theorem occam_joint_witness :
    OccamConcentration coinProb coinExp zeroOneLoss (fun ω => [ω]) [true]
      (fun _ => 1 / natToScalar [true].length) (fun _ => (1 : Rat) / 2)
      (natToScalar [true].length * (1 / 2)) := by
  have hhalf := half_pos_lt_one_rat
  have e1 : (natToScalar [true].length : Rat) = 1 := natToScalar_one_rat
  refine occamConcentration_of_concentration concentration_occam_witness ?_ hhalf.1 ?_
  · intro h
    cases h
  · rw [e1]
    grind

/-- Witness: the PAC-Bayes bound and `LogBounds` together over `Rat`: the two constant
predictions under the 0-1 loss on one fair coin flip, the prior `(1/2, 1/2)`, the logarithm
model `1 - 1/x`, the nondecreasing complexity term `φ(k) = 1/2 + k` and `δ = 1/2 ∈ (0, 1)`.
Every posterior has Gibbs population risk `1/2`, so the bound holds since `φ ≥ 1/2`, and
`φ(0) = 1/2` is the least constant term that works here: posteriors near the point mass on
the flip have Gibbs gap near `1/2` and, under this logarithm model, KL divergence `0`. So
the bound is not vacuous for the 0-1 loss.
Covers: AxiomDL.Generalization.Capacity.pacBayes_chiSq AxiomDL.Generalization.Capacity.pacBayes_prior
-/
theorem pacBayes_joint_witness :
    PACBayesBound coinProb coinExp zeroOneLoss (fun ω => [ω]) (fun x : Rat => 1 - 1 / x)
        [true, false] (fun _ => (1 : Rat) / 2) (fun a => 1 / 2 + a) (1 / 2)
      ∧ LogBounds (fun x : Rat => 1 - 1 / x) := by
  have hlog : LogBounds (fun x : Rat => 1 - 1 / x) := logBounds_one_sub_inv
  have hhalf := half_pos_lt_one_rat
  have hsum : sumOver [true, false] (fun _ => (1 : Rat) / 2) = 1 := by
    have e : sumOver [true, false] (fun _ => (1 : Rat) / 2) = 1 / 2 + (1 / 2 + 0) := rfl
    rw [e]
    grind
  have hall : ∀ ω : Bool, ∀ ρ : Bool → Rat, IsWeighting [true, false] ρ →
      gibbs [true, false] ρ (popRisk coinExp zeroOneLoss)
        ≤ gibbs [true, false] ρ (fun h => empRisk zeroOneLoss h [ω])
          + (1 / 2 + kl (fun x : Rat => 1 - 1 / x) [true, false] ρ (fun _ => 1 / 2)) := by
    intro ω ρ hρ
    -- every member has population risk `1/2`, so the Gibbs population risk is `1/2`
    have h1 : gibbs [true, false] ρ (popRisk coinExp zeroOneLoss)
        = sumOver [true, false] (fun h => (1 : Rat) / 2 * ρ h) := by
      refine sumOver_congr _ ?_
      intro h _
      have hp : popRisk coinExp zeroOneLoss h = (1 : Rat) / 2 := popRisk_coin h
      show ρ h * popRisk coinExp zeroOneLoss h = 1 / 2 * ρ h
      rw [hp]
      grind
    have h2 : sumOver [true, false] (fun h => (1 : Rat) / 2 * ρ h)
        = 1 / 2 * sumOver [true, false] ρ :=
      AxiomDL.sumOver_mul_left ((1 : Rat) / 2) [true, false] ρ
    have h3 : sumOver [true, false] ρ = 1 := hρ.2
    have hemp : 0 ≤ gibbs [true, false] ρ (fun h => empRisk zeroOneLoss h [ω]) :=
      sumOver_nonneg _ (fun h hh => AxiomDL.mul_nonneg (hρ.1 h hh)
        (empRisk_nonneg zeroOneLoss h [ω] (fun z => (zeroOneLoss_bounds h z).1)))
    have hkl : 0 ≤ kl (fun x : Rat => 1 - 1 / x) [true, false] ρ (fun _ => 1 / 2) :=
      kl_nonneg hlog hρ (fun _ _ => hhalf.1) (by
        have h := hsum
        grind)
    grind
  refine ⟨⟨hhalf.1, hhalf.2, fun _ _ => hhalf.1, hsum, ?_, fun _ hnil => by cases hnil, ?_⟩,
    hlog⟩
  · intro a b hab
    show 1 / 2 + a ≤ 1 / 2 + b
    grind
  · refine sub_le_prob_of_forall coinProb ?_ (by grind)
    intro ω ρ hρ
    exact hall ω ρ hρ

/-- The scheme keeps the first example: `[0]` is an index set of at most one index below `2`. -/
theorem mem_indexSets_two : [0] ∈ indexSets 2 (1 + 1) := by
  show [0] ∈ [[], [0], [1]]
  exact List.mem_cons.mpr (Or.inr (List.mem_cons.mpr (Or.inl rfl)))

/-- Witness: a sample compression scheme of size `1` and compression concentration together
over `Rat`: samples of `m = 2` copies of a fair coin flip labelled by the identity target, the
scheme keeps the first example and rebuilds the identity (consistent with every sample), and
the rebuilt hypothesis never has true error above `ε = 1/4`, so `δ = 1/4 ∈ (0, 1)` bounds it.
Covers: AxiomDL.Generalization.Capacity.compression_bound AxiomDL.Generalization.Capacity.compression_bound_pow
-/
theorem compression_joint_witness :
    CompressionScheme (fun x : Bool => x) (fun (ω : Bool) (_ : Nat) => ω) 2 1 (fun _ => [0])
        (fun _ => fun x => x)
      ∧ CompressionConcentration coinProb coinProb (fun x : Bool => x)
        (fun (ω : Bool) (_ : Nat) => ω) 2 1 (fun _ => fun x => x) ((1 : Rat) / 4) (1 / 4) := by
  have h4 : (4 : Rat) * (1 / 4) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hq : (0 : Rat) < 1 / 4 := AxiomDL.one_div_pos (by grind)
  refine ⟨⟨Nat.succ_pos 0, by omega, fun _ => mem_indexSets_two, fun _ _ _ => rfl⟩,
    ⟨hq, by grind, hq, by grind, ?_⟩⟩
  intro I _
  refine prob_le_of_forall_not coinProb ?_ (by grind)
  intro ω hω
  have he : trueError coinProb (fun x : Bool => x) (fun x : Bool => x) = (0 : Rat) :=
    trueError_self coinProb (fun x : Bool => x)
  have h1 : (1 : Rat) / 4 < trueError coinProb (fun x : Bool => x) (fun x : Bool => x) := hω.1
  grind

end AxiomDL.Generalization.Capacity
