import AxiomDL.Generalization.FiniteClass
import AxiomDL.Generalization.Stability

/-!
# Generalisation: joint witnesses (finite classes, PAC learning, stability)

For every theorem of the area whose hypotheses name two or more assumptions, a witness here
establishes all of them at once, for one concrete instance over `Rat`, with every constant
strictly inside the intended regime (positive accuracies and noise levels, failure bounds below
one, nonempty samples and data, a non-constant target, a nonzero margin, distributions that are
not point masses). Each names the theorems it covers on a `Covers:` line. So the hypotheses of
those theorems are jointly satisfiable, and the theorems are not vacuous. The witnesses for
the implicit-bias and benign-overfitting theorems are in `Generalization/BiasWitnesses.lean`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization

section ZeroOne

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The 0-1 loss of the prediction `h` on the label `z`. -/
def zeroOneLoss (h z : Bool) : K := if h = z then 0 else 1

/-- A correct prediction has 0-1 loss zero. -/
theorem zeroOneLoss_self (b : Bool) : (zeroOneLoss b b : K) = 0 := by
  unfold zeroOneLoss
  exact if_pos rfl

/-- A wrong prediction has 0-1 loss one. -/
theorem zeroOneLoss_of_ne {h z : Bool} (hne : h ≠ z) : (zeroOneLoss h z : K) = 1 := by
  unfold zeroOneLoss
  exact if_neg hne

/-- The 0-1 loss lies in `[0, 1]`. -/
theorem zeroOneLoss_mem_Icc (h z : Bool) :
    (0 : K) ≤ zeroOneLoss h z ∧ (zeroOneLoss h z : K) ≤ 1 := by
  by_cases e : h = z
  · have e1 : (zeroOneLoss h z : K) = 0 := by
      unfold zeroOneLoss
      exact if_pos e
    constructor
    · grind
    · grind
  · have e1 : (zeroOneLoss h z : K) = 1 := zeroOneLoss_of_ne e
    constructor
    · grind
    · grind

end ZeroOne

/-- Two booleans differ from each other. -/
theorem bool_true_ne_false : (true = false) → False := by
  intro h
  cases h

/-- Witness: concentration for the fair coin: the sample is one fair coin flip `ω`, the loss
is the 0-1 loss of the constant prediction `true` (population risk `1/2`), and with
`ε = δ = 1/2` the empirical risk (`0` or `1`) never deviates by more than `ε`; the class
`{true}` is finite. Nonempty samples, a non-constant loss, a distribution that is not a point
mass, `0 < ε` and `0 < δ < 1`.
Covers: AxiomDL.Generalization.uniform_convergence_finite AxiomDL.Generalization.uniform_convergence_finite_compl AxiomDL.Generalization.finiteClass_uniform_convergence
-/
theorem concentration_joint_witness :
    Concentration (uniformOn (K := Rat) [true, false] bool_list_ne_nil)
        (Expectation.mix (K := Rat) (Expectation.pointMass true) (Expectation.pointMass false))
        zeroOneLoss (fun ω => [ω]) [true]
        (Deviates (Expectation.mix (K := Rat) (Expectation.pointMass true)
          (Expectation.pointMass false))
          zeroOneLoss (fun ω => [ω]) (1 / 2))
        (1 / 2) (1 / 2) ∧
      FiniteClass (fun h : Bool => h = true) := by
  have hhalf : (0 : Rat) < 1 / 2 := AxiomDL.one_div_pos (by grind)
  have htwo : (2 : Rat) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hpop : popRisk (Expectation.mix (K := Rat) (Expectation.pointMass true)
      (Expectation.pointMass false)) zeroOneLoss true = (1 : Rat) / 2 := by
    have h1 : (zeroOneLoss true true : Rat) = 0 := zeroOneLoss_self true
    have h2 : (zeroOneLoss true false : Rat) = 1 := zeroOneLoss_of_ne bool_true_ne_false
    have h3 : (0 : Rat) + 1 = 1 := by grind
    show ((zeroOneLoss true true : Rat) + zeroOneLoss true false) / 2 = 1 / 2
    rw [h1, h2, h3]
  have hnever : ∀ ω : Bool, ¬ Deviates (Expectation.mix (K := Rat) (Expectation.pointMass true)
      (Expectation.pointMass false)) zeroOneLoss (fun ω => [ω]) ((1 : Rat) / 2) true ω := by
    intro ω hd
    have he : empRisk (zeroOneLoss (K := Rat)) true [ω] = zeroOneLoss true ω :=
      empRisk_singleton zeroOneLoss true ω
    have hb : (0 : Rat) ≤ zeroOneLoss true ω ∧ (zeroOneLoss true ω : Rat) ≤ 1 :=
      zeroOneLoss_mem_Icc true ω
    have hd' : (1 : Rat) / 2 < empRisk zeroOneLoss true [ω]
          - popRisk (Expectation.mix (K := Rat) (Expectation.pointMass true)
            (Expectation.pointMass false)) zeroOneLoss true
        ∨ (1 : Rat) / 2 < popRisk (Expectation.mix (K := Rat) (Expectation.pointMass true)
            (Expectation.pointMass false)) zeroOneLoss true
          - empRisk zeroOneLoss true [ω] := hd
    rw [he, hpop] at hd'
    rcases hd' with hlt | hlt
    · grind
    · grind
  refine ⟨⟨hhalf, by grind, by grind, ?_, fun _ _ => Iff.rfl, ?_⟩, finiteClass_singleton true⟩
  · intro ω hω
    cases hω
  · intro h hh
    rcases List.mem_cons.mp hh with e | hnil
    · subst e
      have hsub : (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P
            (Deviates (Expectation.mix (K := Rat) (Expectation.pointMass true)
              (Expectation.pointMass false)) zeroOneLoss (fun ω => [ω]) (1 / 2) true)
          ≤ (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P (fun _ => False) :=
        (uniformOn (K := Rat) [true, false] bool_list_ne_nil).prob_mono
          (fun ω hd => hnever ω hd)
      have h0 : (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P (fun _ => False) = 0 :=
        (uniformOn (K := Rat) [true, false] bool_list_ne_nil).prob_false
      grind
    · exact nomatch hnil

/-- Witness: PAC learning of the identity on `Bool` under the fair coin: the class
`{id, not, const true}` contains the (non-constant) target, so it is realisable; samples are
one fair coin flip (`m = 1`); with `ε = 1/4` the bad hypotheses are `not` (never consistent)
and `const true` (true error `1/2`, consistent with probability `1/2`), both below
`δ = 1 - 1/4 = (1 - ε)^m`. The distributions are not point masses, `0 < ε < 1` and
`0 ≤ δ < 1`.
Covers: AxiomDL.Generalization.erm_realizable_consistency AxiomDL.Generalization.realizable_erm_bound AxiomDL.Generalization.Realizable.exists_erm AxiomDL.Generalization.prob_not_sampleConsistent
-/
theorem pac_joint_witness :
    Realizable (uniformOn (K := Rat) [true, false] bool_list_ne_nil) (fun x : Bool => x)
        [fun x => x, fun x => !x, fun _ => true] ∧
      SampleMarginals (uniformOn (K := Rat) [true, false] bool_list_ne_nil)
        (uniformOn (K := Rat) [true, false] bool_list_ne_nil) (fun ω _ => ω) 1 ∧
      BadRarelyConsistent (uniformOn (K := Rat) [true, false] bool_list_ne_nil)
        (uniformOn (K := Rat) [true, false] bool_list_ne_nil) (fun x : Bool => x)
        (fun ω _ => ω) 1 [fun x => x, fun x => !x, fun _ => true] (1 / 4) (1 - 1 / 4) := by
  have hq : (0 : Rat) < 1 / 4 := AxiomDL.one_div_pos (by grind)
  have h4 : (4 : Rat) * (1 / 4) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hp : (0 : Rat) < 1 / 2 := AxiomDL.one_div_pos (by grind)
  have h2 : (2 : Rat) * (1 / 2) = 1 := AxiomDL.mul_one_div_cancel (by grind)
  have hnum : (1 : Rat) / 2 ≤ 1 - 1 / 4 := by grind
  refine ⟨realizable_of_mem _ _ (List.mem_cons.mpr (Or.inl rfl)),
    ⟨Nat.succ_pos 0, fun _ _ _ => rfl⟩,
    ⟨Nat.succ_pos 0, hq, by grind, by grind, by grind, ?_⟩⟩
  intro h hh hbad
  rcases List.mem_cons.mp hh with e | hh
  · subst e
    have h0 : trueError (uniformOn (K := Rat) [true, false] bool_list_ne_nil)
        (fun x : Bool => x) (fun x => x) = 0 :=
      trueError_self _ _
    grind
  rcases List.mem_cons.mp hh with e | hh
  · subst e
    have hne : ∀ b : Bool, (!b) = b → False := by
      intro b
      cases b
      · exact fun hb => bool_true_ne_false hb
      · exact fun hb => bool_true_ne_false hb.symm
    have hnone : ∀ ω : Bool,
        ¬ SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun x => !x) ω := by
      intro ω hc
      have hω : (!ω) = ω := hc 0 (Nat.succ_pos 0)
      exact hne ω hω
    have hsub : (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P
          (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun x => !x))
        ≤ (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P (fun _ => False) :=
      (uniformOn (K := Rat) [true, false] bool_list_ne_nil).prob_mono (fun ω hc => hnone ω hc)
    have h0 : (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P (fun _ => False) = 0 :=
      (uniformOn (K := Rat) [true, false] bool_list_ne_nil).prob_false
    grind
  rcases List.mem_cons.mp hh with e | hnil
  · subst e
    have e1 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1
        (fun _ => true) true) = 1 :=
      natInd_of_pos (fun _ _ => rfl)
    have e2 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1
        (fun _ => true) false) = 0 :=
      natInd_of_neg (fun hc => bool_true_ne_false (hc 0 (Nat.succ_pos 0)))
    have e3 : countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1
        (fun _ => true)) [] = 0 := rfl
    have hcount : countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1
        (fun _ => true)) [true, false] = 1 := by
      show natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) true)
        + (natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) false)
          + countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1
            (fun _ => true)) []) = 1
      omega
    have hn0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
    have hn1 : (natToScalar 1 : Rat) = natToScalar 0 + 1 := natToScalar_succ 0
    have hn2 : (natToScalar 2 : Rat) = natToScalar 1 + 1 := natToScalar_succ 1
    have hn1' : (natToScalar 1 : Rat) = 1 := by grind
    have hn2' : (natToScalar 2 : Rat) = 2 := by grind
    rw [uniformOn_P, hcount]
    show (natToScalar 1 : Rat) / natToScalar 2 ≤ 1 - 1 / 4
    rw [hn1', hn2']
    exact hnum
  · exact nomatch hnil

/-- The memorising algorithm: it predicts the first training label. -/
def memorise : List Bool → Bool
  | [] => false
  | z :: _ => z

/-- Witness: stability and exchangeability for a non-constant algorithm on nonempty samples: a
sample is one fair coin flip `ω` (the input distribution averages the two outcomes, not a
point mass), the fresh example is `!ω`, the algorithm memorises its training example, and the
loss is the 0-1 loss. The replace-one identities hold by the symmetry `ω ↦ !ω`; under the 0-1
loss every algorithm is `1`-stable; and the bound is attained: the memoriser has empirical
risk `0` and population risk `1`.
Covers: AxiomDL.Generalization.stability_generalization
-/
theorem stability_joint_witness :
    ReplaceOneExchangeable (Expectation.mix (K := Rat) (Expectation.pointMass true)
        (Expectation.pointMass false)) memorise zeroOneLoss 1 (fun ω => [ω]) (fun _ => 0)
        (fun ω => !ω) (fun ω => ω) ∧
      UniformStability 1 memorise (zeroOneLoss (K := Rat)) 1 := by
  refine ⟨⟨fun _ => rfl, fun _ => Nat.succ_pos 0, fun _ => rfl, ?_, ?_⟩, Nat.succ_pos 0, ?_⟩
  · show ((zeroOneLoss true false : Rat) + zeroOneLoss false true) / 2
      = (zeroOneLoss false true + zeroOneLoss true false) / 2
    have hc : (zeroOneLoss true false : Rat) + zeroOneLoss false true
        = zeroOneLoss false true + zeroOneLoss true false := by grind
    rw [hc]
  · show (empRisk (zeroOneLoss (K := Rat)) true [true] + empRisk zeroOneLoss false [false]) / 2
      = (zeroOneLoss true true + zeroOneLoss false false) / 2
    rw [empRisk_singleton, empRisk_singleton]
  · intro S _ i _ z' z
    have ha := zeroOneLoss_mem_Icc (K := Rat) (memorise (S.set i z')) z
    have hb := zeroOneLoss_mem_Icc (K := Rat) (memorise S) z
    grind

end AxiomDL.Generalization
