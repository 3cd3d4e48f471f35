import AxiomDL.Generalization.Witnesses

/-!
# Separations in generalisation: realisable vs agnostic, stability vs uniform convergence

Three separations on the fair coin (a sample is one fair coin flip `ω`; the examples and the
predictions are booleans; the loss is the 0-1 loss), each with its constants strictly inside the
regime (`0 < ε < 1`, `0 ≤ δ < 1`, `β ≥ 0`):

* Realisability is independent of the other hypotheses of PAC learning: with the target `id`
  and the class of the two constant classifiers (the agnostic setting: the target is not in the
  class), the sample marginals are right and every bad hypothesis is rarely consistent, yet no
  hypothesis of the class has true error zero.
* Uniform stability does not imply uniform convergence: the constant algorithm `true` is
  uniformly `1/4`-stable (so `stability_generalization` bounds its expected gap), but the
  empirical risk of its hypothesis on one example is `0` or `1` while its population risk is
  `1/2`, so at accuracy `1/4` it deviates with probability one: `Concentration` fails for every
  `δ < 1`. This is a small-sample separation: with one example no hypothesis concentrates at
  accuracy `1/4`, however stable the algorithm. The library's `stability_generalization` bounds
  the gap in expectation only; the high-probability stability bounds of Bousquet–Elisseeff
  (2002) need `β = O(1/m)` and many examples, which this model does not have.
* Uniform convergence does not imply uniform stability: the class `{true, false}` of constant
  classifiers concentrates at accuracy `1/2` (no deviation ever exceeds `1/2`, so the deviation
  event is empty: the edge of the regime, as in the library's other one-flip witnesses), but its
  empirical risk minimiser on one example, the memorising algorithm, flips its prediction when
  the example is replaced, so it is uniformly `β`-stable for no `β < 1`.
-/

set_option autoImplicit false

namespace AxiomDL.Generalization

/-- The fair coin as an expectation: the average of the point masses at `true` and `false`. -/
def fairCoinE : Expectation Rat Bool :=
  Expectation.mix (Expectation.pointMass true) (Expectation.pointMass false)

/-- The fair coin as a finitely additive probability: uniform on `[true, false]`. -/
noncomputable def fairCoinP : FinAddProb Rat Bool :=
  uniformOn [true, false] bool_list_ne_nil

/-- `false ≠ true`. -/
theorem bool_false_ne_true' : (false = true) → False :=
  fun h => bool_true_ne_false h.symm

/-- An event of the fair coin that holds at exactly one of the two outcomes has probability
`1/2`. -/
theorem fairCoinP_of_count_one {p : Bool → Prop} (h : countWhere p [true, false] = 1) :
    (fairCoinP).P p = 1 / 2 := by
  have hn0 : (natToScalar 0 : Rat) = 0 := natToScalar_zero
  have hn1 : (natToScalar 1 : Rat) = natToScalar 0 + 1 := natToScalar_succ 0
  have hn2 : (natToScalar 2 : Rat) = natToScalar 1 + 1 := natToScalar_succ 1
  have hn1' : (natToScalar 1 : Rat) = 1 := by grind
  have hn2' : (natToScalar 2 : Rat) = 2 := by grind
  show (uniformOn (K := Rat) [true, false] bool_list_ne_nil).P p = 1 / 2
  rw [uniformOn_P, h]
  show (natToScalar 1 : Rat) / natToScalar 2 = 1 / 2
  rw [hn1', hn2']

/-- Every constant prediction has population 0-1 risk `1/2` under the fair coin. -/
theorem fairCoinE_popRisk (b : Bool) : popRisk fairCoinE zeroOneLoss b = (1 : Rat) / 2 := by
  cases b with
  | true =>
    have h1 : (zeroOneLoss true true : Rat) = 0 := zeroOneLoss_self true
    have h2 : (zeroOneLoss true false : Rat) = 1 := zeroOneLoss_of_ne bool_true_ne_false
    have h3 : (0 : Rat) + 1 = 1 := by grind
    show ((zeroOneLoss true true : Rat) + zeroOneLoss true false) / 2 = 1 / 2
    rw [h1, h2, h3]
  | false =>
    have h1 : (zeroOneLoss false true : Rat) = 1 := zeroOneLoss_of_ne bool_false_ne_true'
    have h2 : (zeroOneLoss false false : Rat) = 0 := zeroOneLoss_self false
    have h3 : (1 : Rat) + 0 = 1 := by grind
    show ((zeroOneLoss false true : Rat) + zeroOneLoss false false) / 2 = 1 / 2
    rw [h1, h2, h3]

section Agnostic

/-- The two constant classifiers on `Bool`. -/
def constClassifiers : List (Bool → Bool) :=
  [fun _ => true, fun _ => false]

/-- The constant classifier `true` agrees with the target `id` on exactly one sample. -/
theorem count_consistent_true :
    countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true))
      [true, false] = 1 := by
  have e1 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) true)
      = 1 := natInd_of_pos (fun _ _ => rfl)
  have e2 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) false)
      = 0 := natInd_of_neg (fun hc => bool_true_ne_false (hc 0 (Nat.succ_pos 0)))
  have e3 : countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true))
      [] = 0 := rfl
  show natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) true)
    + (natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true) false)
      + countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true)) [])
    = 1
  omega

/-- The constant classifier `false` agrees with the target `id` on exactly one sample. -/
theorem count_consistent_false :
    countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false))
      [true, false] = 1 := by
  have e1 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false) true)
      = 0 := natInd_of_neg (fun hc => bool_false_ne_true' (hc 0 (Nat.succ_pos 0)))
  have e2 : natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false) false)
      = 1 := natInd_of_pos (fun _ _ => rfl)
  have e3 : countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false))
      [] = 0 := rfl
  show natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false) true)
    + (natInd (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false) false)
      + countWhere (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false)) [])
    = 1
  omega

/-- The constant classifier `true` errs on exactly one of the two inputs. -/
theorem count_err_true :
    countWhere (fun x : Bool => (fun _ => true) x ≠ (fun x : Bool => x) x) [true, false] = 1 := by
  have e1 : natInd (true ≠ true) = 0 := natInd_of_neg (fun hne => hne rfl)
  have e2 : natInd (true ≠ false) = 1 := natInd_of_pos bool_true_ne_false
  have e3 : countWhere (fun x : Bool => (fun _ => true) x ≠ (fun x : Bool => x) x) [] = 0 := rfl
  show natInd (true ≠ true) + (natInd (true ≠ false)
    + countWhere (fun x : Bool => (fun _ => true) x ≠ (fun x : Bool => x) x) []) = 1
  omega

/-- The constant classifier `false` errs on exactly one of the two inputs. -/
theorem count_err_false :
    countWhere (fun x : Bool => (fun _ => false) x ≠ (fun x : Bool => x) x) [true, false]
      = 1 := by
  have e1 : natInd (false ≠ true) = 1 := natInd_of_pos bool_false_ne_true'
  have e2 : natInd (false ≠ false) = 0 := natInd_of_neg (fun hne => hne rfl)
  have e3 : countWhere (fun x : Bool => (fun _ => false) x ≠ (fun x : Bool => x) x) [] = 0 := rfl
  show natInd (false ≠ true) + (natInd (false ≠ false)
    + countWhere (fun x : Bool => (fun _ => false) x ≠ (fun x : Bool => x) x) []) = 1
  omega

/-- Each constant classifier is consistent with a sample of one fair coin flip with probability
`1/2 ≤ 3/4 = (1 - 1/4)¹`. -/
theorem constClassifiers_badRarelyConsistent :
    BadRarelyConsistent fairCoinP fairCoinP (fun x : Bool => x) (fun ω _ => ω) 1
      constClassifiers (1 / 4) (3 / 4) := by
  refine ⟨Nat.succ_pos 0, by grind, by grind, by grind, by grind, ?_⟩
  intro h hh _
  have hh' : h ∈ [(fun _ => true : Bool → Bool), fun _ => false] := hh
  rcases List.mem_cons.mp hh' with e | hh
  · subst e
    have hp :
        (fairCoinP).P (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => true))
        = 1 / 2 := fairCoinP_of_count_one count_consistent_true
    grind
  rcases List.mem_cons.mp hh with e | hnil
  · subst e
    have hp :
        (fairCoinP).P (SampleConsistent (fun x : Bool => x) (fun ω _ => ω) 1 (fun _ => false))
        = 1 / 2 := fairCoinP_of_count_one count_consistent_false
    grind
  · exact nomatch hnil

/-- The class of the two constant classifiers is not realisable for the target `id`: each errs
with probability `1/2`. -/
theorem constClassifiers_not_realizable :
    ¬ Realizable fairCoinP (fun x : Bool => x) constClassifiers := by
  intro hr
  obtain ⟨h, hh, herr⟩ := hr.exists_zero_error
  have hh' : h ∈ [(fun _ => true : Bool → Bool), fun _ => false] := hh
  rcases List.mem_cons.mp hh' with e | hh
  · subst e
    have h1 : trueError fairCoinP (fun x : Bool => x) (fun _ => true) = 1 / 2 :=
      fairCoinP_of_count_one count_err_true
    grind
  rcases List.mem_cons.mp hh with e | hnil
  · subst e
    have h1 : trueError fairCoinP (fun x : Bool => x) (fun _ => false) = 1 / 2 :=
      fairCoinP_of_count_one count_err_false
    grind
  · exact nomatch hnil

end Agnostic

/-- Separation: the sample marginals and rarely consistent bad hypotheses do not imply
realisability (the agnostic setting). Under the fair coin with the target `id` and the class of
the two constant classifiers, every example of the one-flip sample has the data law
(`SampleMarginals`), every hypothesis of true error above `1/4` is consistent with the sample
with probability at most `3/4 = (1 - 1/4)¹` (`BadRarelyConsistent`), but each constant
classifier errs with probability `1/2`, so `Realizable` fails. -/
theorem badRarelyConsistent_not_realizable :
    SampleMarginals fairCoinP fairCoinP (fun ω _ => ω) 1
      ∧ BadRarelyConsistent fairCoinP fairCoinP (fun x : Bool => x) (fun ω _ => ω) 1
          constClassifiers (1 / 4) (3 / 4)
      ∧ ¬ Realizable fairCoinP (fun x : Bool => x) constClassifiers :=
  ⟨⟨Nat.succ_pos 0, fun _ _ _ => rfl⟩, constClassifiers_badRarelyConsistent,
    constClassifiers_not_realizable⟩

section Stability

/-- The prediction `true` deviates by more than `1/4` on every one-flip sample: its empirical
risk is `0` or `1`, its population risk `1/2`. -/
theorem fairCoin_deviates_quarter (ω : Bool) :
    Deviates fairCoinE zeroOneLoss (fun ω => [ω]) (1 / 4) true ω := by
  have he : empRisk (zeroOneLoss (K := Rat)) true [ω] = zeroOneLoss true ω :=
    empRisk_singleton zeroOneLoss true ω
  have hp : popRisk fairCoinE zeroOneLoss true = (1 : Rat) / 2 := fairCoinE_popRisk true
  show (1 : Rat) / 4 < empRisk zeroOneLoss true [ω] - popRisk fairCoinE zeroOneLoss true
    ∨ (1 : Rat) / 4 < popRisk fairCoinE zeroOneLoss true - empRisk zeroOneLoss true [ω]
  rw [he, hp]
  cases ω with
  | true =>
    have h0 : (zeroOneLoss true true : Rat) = 0 := zeroOneLoss_self true
    rw [h0]
    exact Or.inr (by grind)
  | false =>
    have h1 : (zeroOneLoss true false : Rat) = 1 := zeroOneLoss_of_ne bool_true_ne_false
    rw [h1]
    exact Or.inl (by grind)

/-- No prediction deviates by more than `1/2` on a one-flip sample. -/
theorem fairCoin_not_deviates_half (h ω : Bool) :
    ¬ Deviates fairCoinE zeroOneLoss (fun ω => [ω]) (1 / 2) h ω := by
  intro hd
  have he : empRisk (zeroOneLoss (K := Rat)) h [ω] = zeroOneLoss h ω :=
    empRisk_singleton zeroOneLoss h ω
  have hb : (0 : Rat) ≤ zeroOneLoss h ω ∧ (zeroOneLoss h ω : Rat) ≤ 1 :=
    zeroOneLoss_mem_Icc h ω
  have hp : popRisk fairCoinE zeroOneLoss h = (1 : Rat) / 2 := fairCoinE_popRisk h
  have hd' : (1 : Rat) / 2 < empRisk zeroOneLoss h [ω] - popRisk fairCoinE zeroOneLoss h
      ∨ (1 : Rat) / 2 < popRisk fairCoinE zeroOneLoss h - empRisk zeroOneLoss h [ω] := hd
  rw [he, hp] at hd'
  obtain ⟨hb0, hb1⟩ := hb
  rcases hd' with hlt | hlt
  · grind
  · grind

/-- The constant prediction `true` has no concentration at accuracy `1/4` from one flip: its
deviation event is sure, so its probability `1` exceeds every admissible `δ < 1`. -/
theorem const_not_concentration :
    ¬ ∃ (Dev : Bool → Bool → Prop) (δ : Rat),
      Concentration fairCoinP fairCoinE zeroOneLoss (fun ω => [ω]) [true] Dev (1 / 4) δ := by
  intro hex
  obtain ⟨Dev, δ, hc⟩ := hex
  have hlt : δ < 1 := hc.delta_lt_one
  have htail : (fairCoinP).P (Dev true) ≤ δ := hc.tail true (List.mem_cons.mpr (Or.inl rfl))
  have hall : ∀ ω, Dev true ω ↔ True := fun ω =>
    ⟨fun _ => trivial, fun _ => (hc.dev_iff true ω).mpr (fairCoin_deviates_quarter ω)⟩
  have hP : (fairCoinP).P (Dev true) = (fairCoinP).P (fun _ => True) :=
    (fairCoinP).congr (Dev true) (fun _ => True) hall
  have h1 : (fairCoinP).P (fun _ => True) = 1 := (fairCoinP).univ
  grind

/-- The class `{true, false}` concentrates at accuracy `1/2` with `δ = 1/2` (no deviation ever
exceeds `1/2`). -/
theorem bools_concentration :
    Concentration fairCoinP fairCoinE zeroOneLoss (fun ω => [ω]) [true, false]
      (Deviates fairCoinE zeroOneLoss (fun ω => [ω]) (1 / 2)) (1 / 2) (1 / 2) := by
  refine ⟨by grind, by grind, by grind, ?_, fun _ _ => Iff.rfl, ?_⟩
  · intro ω hω
    cases hω
  · intro h _
    have hsub : (fairCoinP).P (Deviates fairCoinE zeroOneLoss (fun ω => [ω]) (1 / 2) h)
        ≤ (fairCoinP).P (fun _ => False) :=
      (fairCoinP).prob_mono (fun ω hd => fairCoin_not_deviates_half h ω hd)
    have h0 : (fairCoinP).P (fun _ => False) = 0 := (fairCoinP).prob_false
    grind

/-- The memorising algorithm (the empirical risk minimiser of `{true, false}` on one example) is
uniformly `β`-stable for no `β < 1`: replacing the example `true` by `false` flips its prediction
and raises its loss at `true` from `0` to `1`. -/
theorem memorise_not_uniformStability (β : Rat) (hβ : β < 1) :
    ¬ UniformStability 1 memorise (zeroOneLoss (K := Rat)) β := by
  intro hs
  -- replace the only example (index `0` of `[true]`) by `false`, and test at `true`
  have hlen : [true].length = 1 := rfl
  have h : (zeroOneLoss (memorise ([true].set 0 false)) true : Rat)
      - zeroOneLoss (memorise [true]) true ≤ β :=
    hs.stable [true] hlen 0 (Nat.succ_pos 0) false true
  -- `List.set` and `memorise` are structural, so both predictions compute on the literals
  have hflip : memorise ([true].set 0 false) = false := rfl
  have hkeep : memorise [true] = true := rfl
  rw [hflip, hkeep] at h
  have h1 : (zeroOneLoss false true : Rat) = 1 := zeroOneLoss_of_ne bool_false_ne_true'
  have h0 : (zeroOneLoss true true : Rat) = 0 := zeroOneLoss_self true
  rw [h1, h0] at h
  -- `1 - 0 ≤ β` against `β < 1`
  grind

end Stability

/-- Separation: uniform stability does not imply uniform convergence. Under the fair coin with
one-flip samples and the 0-1 loss, the constant algorithm `true` is uniformly `1/4`-stable and
its class `{true}` is finite, but the empirical risk of `true` (`0` or `1`) always deviates from
its population risk `1/2` by more than `1/4`: `UniformStability` and `FiniteClass` hold,
`Concentration` at accuracy `1/4` fails for every `δ < 1`. -/
theorem uniformStability_not_concentration :
    UniformStability 1 (fun _ : List Bool => true) (zeroOneLoss (K := Rat)) (1 / 4)
      ∧ FiniteClass (fun h : Bool => h = true)
      ∧ ¬ (∃ (Dev : Bool → Bool → Prop) (δ : Rat),
          Concentration fairCoinP fairCoinE zeroOneLoss (fun ω => [ω]) [true] Dev (1 / 4) δ) :=
  ⟨uniformStability_const (Nat.succ_pos 0) true zeroOneLoss (by grind),
    finiteClass_singleton true, const_not_concentration⟩

/-- Separation: uniform convergence does not imply uniform stability. Under the fair coin with
one-flip samples and the 0-1 loss, the class `{true, false}` of constant classifiers
concentrates at accuracy `1/2` with `δ = 1/2`, but its empirical risk minimiser, the memorising
algorithm, is uniformly `β`-stable for no `β < 1`: `Concentration` holds, `UniformStability`
fails. -/
theorem concentration_not_uniformStability :
    Concentration fairCoinP fairCoinE zeroOneLoss (fun ω => [ω]) [true, false]
        (Deviates fairCoinE zeroOneLoss (fun ω => [ω]) (1 / 2)) (1 / 2) (1 / 2)
      ∧ (∀ β : Rat, β < 1 → ¬ UniformStability 1 memorise (zeroOneLoss (K := Rat)) β) :=
  ⟨bools_concentration, memorise_not_uniformStability⟩

end AxiomDL.Generalization
