import AxiomDL.Generalization.Capacity.VCBound
import AxiomDL.Generalization.Capacity.CoinModel

/-!
# Capacity: a witness for the VC assumptions

The class of the two constant classifiers on the one-point domain `Unit` has VC dimension
exactly `1` (`isVCDim_unitClass`: it shatters the point, and no two distinct points exist). On
the labelled examples `((), y)` with a fair-coin label `y`, every classifier has population 0-1
risk `1/2` and empirical risk `0` or `1` on a one-example sample, so it never deviates by more
than `ε = 1/2`: the VC inequality holds with `m = 1` and tail `τ = 1/2`
(`vc_joint_witness`).
-/

set_option autoImplicit false

namespace AxiomDL.Generalization.Capacity

/-- The two constant classifiers on `Unit`. -/
def unitClass : List (Unit → Bool) := [fun _ => true, fun _ => false]

/-- Examples `((), y)` with a fair-coin label `y`. -/
def unitCoinExp : Expectation Rat (Unit × Bool) :=
  Expectation.mix (Expectation.pointMass ((), true)) (Expectation.pointMass ((), false))

/-- Under the fair-coin label, every classifier on `Unit` has population 0-1 risk `1/2`. -/
theorem popRisk_unitCoin (h : Unit → Bool) : popRisk unitCoinExp classLoss h = (1 : Rat) / 2 :=
  zeroOneLoss_avg (h ())

/-- No classifier on `Unit` deviates by more than `1/2` on a one-example sample. -/
theorem not_deviates_unitCoin (h : Unit → Bool) (ω : Bool) :
    ¬ Deviates unitCoinExp classLoss (fun ω => [((), ω)]) ((1 : Rat) / 2) h ω := by
  intro hd
  have hp : popRisk unitCoinExp classLoss h = (1 : Rat) / 2 := popRisk_unitCoin h
  have he : empRisk (classLoss (K := Rat)) h [((), ω)] = classLoss h ((), ω) :=
    empRisk_singleton classLoss h ((), ω)
  have hl : (classLoss h ((), ω) : Rat) = zeroOneLoss (h ()) ω := rfl
  have hb : (0 : Rat) ≤ zeroOneLoss (h ()) ω ∧ (zeroOneLoss (h ()) ω : Rat) ≤ 1 :=
    zeroOneLoss_bounds (h ()) ω
  have hd' : (1 : Rat) / 2 < empRisk classLoss h [((), ω)] - popRisk unitCoinExp classLoss h
      ∨ (1 : Rat) / 2 < popRisk unitCoinExp classLoss h - empRisk classLoss h [((), ω)] := hd
  rw [he, hl, hp] at hd'
  rcases hd' with hlt | hlt
  · grind
  · grind

/-- The class of the two constant classifiers has VC dimension at most `1`: two distinct points
of `Unit` do not exist. -/
theorem vcDimLE_unitClass : VCDimLE unitClass 1 := by
  intro A hA _
  cases A with
  | nil => exact Nat.zero_le 1
  | cons a A =>
    cases A with
    | nil => exact Nat.le_refl 1
    | cons b A =>
      exfalso
      have hne : id b ≠ id a := (distinctOn_cons.mp hA).1 b (List.mem_cons.mpr (Or.inl rfl))
      apply hne
      cases a
      cases b
      rfl

/-- The class of the two constant classifiers shatters the point of `Unit`. -/
theorem shatters_unitClass : Shatters unitClass [()] := by
  intro f
  by_cases hf : f () = true
  · refine ⟨fun _ => true, List.mem_cons.mpr (Or.inl rfl), ?_⟩
    intro a _
    cases a
    exact hf.symm
  · have hf' : f () = false := eq_false_of_ne_true hf
    refine ⟨fun _ => false, List.mem_cons.mpr (Or.inr (List.mem_cons.mpr (Or.inl rfl))), ?_⟩
    intro a _
    cases a
    exact hf'.symm

/-- Witness: the VC dimension of the two constant classifiers on `Unit` is exactly `1`. -/
theorem isVCDim_unitClass : IsVCDim unitClass 1 :=
  ⟨vcDimLE_unitClass, [()], distinctOn_cons.mpr ⟨fun _ hb => nomatch hb, distinctOn_nil _⟩,
    rfl, shatters_unitClass⟩

/-- Witness: the VC inequality and a VC-dimension bound hold together over `Rat`: the two
constant classifiers on `Unit` (VC dimension exactly `1`), labelled examples with a fair-coin
label (a law that is not a point mass), samples of `m = 1` example, accuracy `ε = 1/2 > 0` and
tail `τ = 1/2 > 0`.
Covers: AxiomDL.Generalization.Capacity.vc_uniform_convergence AxiomDL.Generalization.Capacity.vc_uniform_convergence_pow AxiomDL.Generalization.Capacity.vc_uniform_convergence_two_pow AxiomDL.Generalization.Capacity.vc_uniform_convergence_compl
-/
theorem vc_joint_witness :
    VCInequality coinProb unitCoinExp (fun ω => [((), ω)]) unitClass 1 (1 / 2) (1 / 2)
      ∧ VCDimLE unitClass 1 := by
  have hhalf := half_pos_lt_one_rat
  refine ⟨⟨Nat.succ_pos 0, hhalf.1, hhalf.1, fun _ => rfl, ?_⟩, vcDimLE_unitClass⟩
  intro N _
  refine prob_le_of_forall_not coinProb ?_
    (AxiomDL.mul_nonneg (natToScalar_nonneg N) (by grind))
  intro ω hex
  obtain ⟨h, _, hd⟩ := hex
  exact not_deviates_unitCoin h ω hd

end AxiomDL.Generalization.Capacity
