import AxiomDL.Generalization.Capacity.RademacherBounds
import AxiomDL.Generalization.Capacity.CoinModel

/-!
# Capacity: a joint witness for the Rademacher assumptions

On the fair-coin model (`Generalization/Capacity/CoinModel.lean`): the sample is one flip
`ω`, the class is the two constant predictions `[true, false]` under the 0-1 loss, and both
have population risk `1/2`. On every sample the largest generalisation gap is exactly `1/2`
(`supGap_coin`: the prediction equal to the flip has empirical risk `0`), and the empirical
Rademacher complexity is at least `1/2` (`rademacher_coin_ge`: the sign `+1` is matched by the
wrong prediction, loss `1`, the sign `-1` by the right one, loss `0`). So symmetrisation holds
with room to spare (`1/2 ≤ 2 · 1/2`), and the largest gap, constant at its mean, never exceeds
it by `t = 1/2`: McDiarmid holds with `δ = 1/2`. Both descriptions of the law agree
(`coin_same_law`).
-/

set_option autoImplicit false

namespace AxiomDL.Generalization.Capacity

/-- On the one-flip sample, the largest generalisation gap of the two constant predictions is
`1/2`. -/
theorem supGap_coin (ω : Bool) :
    supGap coinExp zeroOneLoss [true, false] [ω] = (1 : Rat) / 2 := by
  have hle : supGap coinExp zeroOneLoss [true, false] [ω] ≤ (1 : Rat) / 2 := by
    refine supOver_le bool_list_ne_nil ?_
    intro h _
    have e : popRisk coinExp zeroOneLoss h - empRisk zeroOneLoss h [ω]
        = (1 : Rat) / 2 - zeroOneLoss h ω := gap_coin h ω
    have hb : (0 : Rat) ≤ zeroOneLoss h ω ∧ (zeroOneLoss h ω : Rat) ≤ 1 := zeroOneLoss_bounds h ω
    show popRisk coinExp zeroOneLoss h - empRisk zeroOneLoss h [ω] ≤ 1 / 2
    grind
  have hge : popRisk coinExp zeroOneLoss ω - empRisk zeroOneLoss ω [ω]
      ≤ supGap coinExp zeroOneLoss [true, false] [ω] :=
    le_supGap coinExp zeroOneLoss (mem_bools ω) [ω]
  have e : popRisk coinExp zeroOneLoss ω - empRisk zeroOneLoss ω [ω]
      = (1 : Rat) / 2 - zeroOneLoss ω ω := gap_coin ω ω
  have e0 : (zeroOneLoss ω ω : Rat) = 0 := zeroOneLoss_self ω
  grind

/-- On the one-flip sample, the empirical Rademacher complexity of the two constant predictions
is at least `1/2`. -/
theorem rademacher_coin_ge (ω : Bool) :
    (1 : Rat) / 2 ≤ rademacher zeroOneLoss [true, false] [ω] := by
  obtain ⟨c, hc⟩ := exists_ne_bool ω
  have e : radSum zeroOneLoss [true, false] [ω]
      = supOver [true, false] (fun h => corr [true] (vals (zeroOneLoss (K := Rat)) h [ω]))
        + (supOver [true, false] (fun h => corr [false] (vals (zeroOneLoss (K := Rat)) h [ω]))
          + 0) := rfl
  have h1 : corr [true] (vals (zeroOneLoss (K := Rat)) c [ω])
      ≤ supOver [true, false] (fun h => corr [true] (vals (zeroOneLoss (K := Rat)) h [ω])) :=
    le_supOver (g := fun h => corr [true] (vals (zeroOneLoss (K := Rat)) h [ω])) (mem_bools c)
  have h2 : corr [false] (vals (zeroOneLoss (K := Rat)) ω [ω])
      ≤ supOver [true, false] (fun h => corr [false] (vals (zeroOneLoss (K := Rat)) h [ω])) :=
    le_supOver (g := fun h => corr [false] (vals (zeroOneLoss (K := Rat)) h [ω])) (mem_bools ω)
  have v1 : corr [true] (vals (zeroOneLoss (K := Rat)) c [ω]) = zeroOneLoss c ω + 0 := rfl
  have v2 : corr [false] (vals (zeroOneLoss (K := Rat)) ω [ω]) = -zeroOneLoss ω ω + 0 := rfl
  have z1 : (zeroOneLoss c ω : Rat) = 1 := zeroOneLoss_of_ne hc
  have z2 : (zeroOneLoss ω ω : Rat) = 0 := zeroOneLoss_self ω
  have hden : radDen [ω] = (2 : Rat) * 1 := by
    have e1 : radDen [ω] = (natToScalar (signVectors 1).length : Rat) * natToScalar 1 := rfl
    have e2 : (signVectors 1).length = 2 := rfl
    rw [e1, e2, natToScalar_two_rat, natToScalar_one_rat]
  have hsum : (2 : Rat) * 1 * (1 / 2) ≤ radSum zeroOneLoss [true, false] [ω] := by grind
  have hpos : (0 : Rat) < 2 * 1 := by grind
  have hdiv : (1 : Rat) / 2 ≤ radSum zeroOneLoss [true, false] [ω] / (2 * 1) :=
    AxiomDL.le_div_of_mul_le hpos hsum
  show (1 : Rat) / 2 ≤ radSum zeroOneLoss [true, false] [ω] / radDen [ω]
  rw [hden]
  exact hdiv

/-- The expected largest gap of the two constant predictions under the fair coin is `1/2`. -/
theorem expGap_coin :
    expGap coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω]) = (1 : Rat) / 2 := by
  have e : expGap coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω])
      = (supGap coinExp zeroOneLoss [true, false] [true]
        + supGap coinExp zeroOneLoss [true, false] [false]) / 2 := rfl
  rw [e, supGap_coin true, supGap_coin false]
  grind

/-- The expected Rademacher complexity of the two constant predictions under the fair coin is
at least `1/2`. -/
theorem expRad_coin_ge :
    (1 : Rat) / 2 ≤ expRad coinExp zeroOneLoss [true, false] (fun ω => [ω]) := by
  have e : expRad coinExp zeroOneLoss [true, false] (fun ω => [ω])
      = (rademacher zeroOneLoss [true, false] [true]
        + rademacher zeroOneLoss [true, false] [false]) / 2 := rfl
  have h1 : (1 : Rat) / 2 ≤ rademacher zeroOneLoss [true, false] [true] := rademacher_coin_ge true
  have h2 : (1 : Rat) / 2 ≤ rademacher zeroOneLoss [true, false] [false] :=
    rademacher_coin_ge false
  rw [e]
  grind

/-- Witness: symmetrisation and McDiarmid concentration hold together on the fair-coin model
over `Rat`: two constant predictions under the 0-1 loss (a nonempty class of two members),
one-flip samples, a law that is not a point mass, expected gap `1/2` against expected
Rademacher complexity at least `1/2`, deviation `t = 1/2` and failure probability
`δ = 1/2 ∈ (0, 1)`.
Covers: AxiomDL.Generalization.Capacity.rademacherDeviation_of_symmetrization_mcDiarmid AxiomDL.Generalization.Capacity.expected_learner_gap_le AxiomDL.Generalization.Capacity.expGap_le_of_abs_le
-/
theorem rademacher_joint_witness :
    Symmetrization coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω])
      ∧ McDiarmid coinProb coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω])
        (1 / 2) (1 / 2) := by
  have hhalf := half_pos_lt_one_rat
  refine ⟨⟨bool_list_ne_nil, fun _ hnil => by cases hnil, ?_⟩,
    ⟨hhalf.1, hhalf.1, hhalf.2, coin_same_law, ?_⟩⟩
  · have h1 := expGap_coin
    have h2 := expRad_coin_ge
    grind
  · refine prob_le_of_forall_not coinProb ?_ (by grind)
    intro ω hlt
    have e1 : supGap coinExp zeroOneLoss [true, false] [ω] = (1 : Rat) / 2 := supGap_coin ω
    have e2 := expGap_coin
    have hlt' : expGap coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω]) + 1 / 2
        < supGap coinExp zeroOneLoss [true, false] [ω] := hlt
    grind

/-- Witness: the Rademacher generalisation bound holds on the fair-coin model over `Rat`
(slack `t = 1/2`, failure probability `δ = 1/2`), by the discharge from symmetrisation and
McDiarmid.
Covers: AxiomDL.Generalization.Capacity.rademacher_generalization AxiomDL.Generalization.Capacity.rademacher_generalization_of_bounded
-/
theorem rademacherDeviation_witness :
    RademacherDeviation coinProb coinExp coinExp zeroOneLoss [true, false] (fun ω => [ω])
      (1 / 2) (1 / 2) :=
  rademacherDeviation_of_symmetrization_mcDiarmid rademacher_joint_witness.1
    rademacher_joint_witness.2

/-- Under distribution shift (training examples always `true`, the population a point mass at
`false`), the constant prediction `true` has generalisation gap `1` on every sample. -/
theorem supGap_shift :
    supGap (Expectation.pointMass false) zeroOneLoss [true] [true] = (1 : Rat) := by
  have e : supGap (Expectation.pointMass false) zeroOneLoss [true] [true]
      = popRisk (Expectation.pointMass false) zeroOneLoss true
        - empRisk (zeroOneLoss (K := Rat)) true [true] := rfl
  have hp : popRisk (Expectation.pointMass (K := Rat) false) zeroOneLoss true = 1 :=
    zeroOneLoss_of_ne bool_true_ne_false
  have he : empRisk (zeroOneLoss (K := Rat)) true [true] = 0 := by
    rw [empRisk_singleton]
    exact zeroOneLoss_self true
  rw [e, hp, he]
  grind

/-- Separation: McDiarmid concentration does not imply symmetrisation. Under distribution shift
(training examples always `true`, the population a point mass at `false`), the one-member
class `[true]` has gap `1` on every sample, so the gap sits at its mean and McDiarmid holds
with `t = δ = 1/2`; its Rademacher complexity is `0` (`rademacher_singleton`), so
`E[gap] = 1 > 0 = 2 E[R̂]` and `Symmetrization` fails. -/
theorem mcDiarmid_not_symmetrization :
    ∃ (D : Expectation Rat Bool) (S : Bool → List Bool),
      McDiarmid coinProb coinExp D zeroOneLoss [true] S (1 / 2) (1 / 2)
        ∧ ¬ Symmetrization coinExp D zeroOneLoss [true] S := by
  have hhalf := half_pos_lt_one_rat
  have hgap : expGap coinExp (Expectation.pointMass false) zeroOneLoss [true] (fun _ => [true])
      = (1 : Rat) := by
    have e : expGap coinExp (Expectation.pointMass false) zeroOneLoss [true] (fun _ => [true])
        = (supGap (Expectation.pointMass false) zeroOneLoss [true] [true]
          + supGap (Expectation.pointMass false) zeroOneLoss [true] [true]) / 2 := rfl
    rw [e, supGap_shift]
    grind
  have hrad : expRad coinExp zeroOneLoss [true] (fun _ => [true]) = (0 : Rat) := by
    have e : expRad coinExp zeroOneLoss [true] (fun _ => [true])
        = (rademacher zeroOneLoss [true] [true] + rademacher zeroOneLoss [true] [true]) / 2 :=
      rfl
    rw [e, rademacher_singleton]
    grind
  refine ⟨Expectation.pointMass false, fun _ => [true],
    ⟨hhalf.1, hhalf.1, hhalf.2, coin_same_law, ?_⟩, ?_⟩
  · refine prob_le_of_forall_not coinProb ?_ (by grind)
    intro ω hlt
    have hlt' : expGap coinExp (Expectation.pointMass false) zeroOneLoss [true] (fun _ => [true])
        + 1 / 2 < supGap (Expectation.pointMass false) zeroOneLoss [true] [true] := hlt
    rw [hgap, supGap_shift] at hlt'
    grind
  · intro hsym
    have h1 : expGap coinExp (Expectation.pointMass false) zeroOneLoss [true] (fun _ => [true])
        ≤ 2 * expRad coinExp zeroOneLoss [true] (fun _ => [true]) := hsym.expGap_le
    rw [hgap, hrad] at h1
    grind

end AxiomDL.Generalization.Capacity
