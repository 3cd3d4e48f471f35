import AxiomDL.Generalization.Capacity.Rademacher
import AxiomDL.Generalization.Risk

/-!
# Capacity: generalisation bounds from the Rademacher complexity

The probabilistic steps of the Rademacher bound are named assumptions, not theorems, because
core Lean has no product measures: the samples `S ω` are drawn with law `μ` (probabilities of
events) and `Eω` (expectations), and the largest generalisation gap over the finite class `C`
is `supGap D ev C (S ω) = max_{h ∈ C} (popRisk h - empRisk h (S ω))`.

* `Symmetrization`: `E[supGap] ≤ 2 E[R̂(C, S)]` (the ghost-sample argument);
* `McDiarmid`: the largest gap exceeds its mean by more than `t` with probability at most `δ`
  (bounded differences);
* `RademacherDeviation`: some member's gap exceeds `2 E[R̂] + t` with probability at most `δ`.

The two first give the third (`rademacherDeviation_of_symmetrization_mcDiarmid`), which gives
the usual statement "with probability at least `1 - δ`, every member of the class has population
risk at most its empirical risk plus `2 E[R̂] + t`" (`rademacher_generalization`), and with
values in `[-B, B]` the bound `2 B + t` (`rademacher_generalization_of_bounded`). In
expectation, any learner that returns members of `C` has expected gap at most `2 E[R̂]`
(`expected_learner_gap_le`).
-/

set_option autoImplicit false

universe u v w x

namespace AxiomDL.Generalization.Capacity

section Bounds

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {H : Type w} {Z : Type x}

/-- The largest generalisation gap `max_{h ∈ C} (popRisk h - empRisk h S)` over the class. -/
noncomputable def supGap (D : Expectation K Z) (ev : H → Z → K) (C : List H) (S : List Z) : K :=
  supOver C (fun h => popRisk D ev h - empRisk ev h S)

/-- The gap of each member is at most the largest gap. -/
theorem le_supGap (D : Expectation K Z) (ev : H → Z → K) {C : List H} {h : H} (hh : h ∈ C)
    (S : List Z) : popRisk D ev h - empRisk ev h S ≤ supGap D ev C S :=
  le_supOver (g := fun h => popRisk D ev h - empRisk ev h S) hh

/-- The expected empirical Rademacher complexity `E_ω [R̂(C, S ω)]` of the class on the random
sample. -/
noncomputable def expRad (Eω : Expectation K Ω) (ev : H → Z → K) (C : List H)
    (S : Ω → List Z) : K :=
  Eω.E (fun ω => rademacher ev C (S ω))

/-- The expected largest generalisation gap `E_ω [supGap (S ω)]`. -/
noncomputable def expGap (Eω : Expectation K Ω) (D : Expectation K Z) (ev : H → Z → K)
    (C : List H) (S : Ω → List Z) : K :=
  Eω.E (fun ω => supGap D ev C (S ω))

/-- Assumption: symmetrisation for the nonempty finite class `C` (losses `ev`, data expectation
`D`) on the nonempty random samples `S ω` with law `Eω`: the expected largest generalisation gap
is at most twice the expected empirical Rademacher complexity,
`E_ω [max_{h ∈ C} (popRisk h - empRisk h (S ω))] ≤ 2 E_ω [R̂(C, S ω)]`.
Area: generalization
Status: established
Evidence: A theorem for samples of i.i.d. examples from `D` (ghost sample and random signs); it fails for dependent examples (time series without mixing) and when training and test distributions differ.
Refs: Giné, Zinn, "Some limit theorems for empirical processes" (Ann. Probab. 1984); Bartlett, Mendelson, "Rademacher and Gaussian Complexities" (JMLR 2002); Shalev-Shwartz, Ben-David (2014), Lemma 26.2.
-/
structure Symmetrization (Eω : Expectation K Ω) (D : Expectation K Z) (ev : H → Z → K)
    (C : List H) (S : Ω → List Z) : Prop where
  /-- The class is nonempty. -/
  class_ne_nil : C ≠ []
  /-- Every sample is nonempty. -/
  sample_ne_nil : ∀ ω, S ω ≠ []
  /-- The symmetrisation inequality. -/
  expGap_le : expGap Eω D ev C S ≤ 2 * expRad Eω ev C S

/-- Assumption: bounded-difference (McDiarmid) concentration of the largest generalisation gap
of the class `C` around its mean: with `0 < t` and `0 < δ < 1`, the gap on the sample `S ω`
exceeds its expectation under `Eω` by more than `t` with `μ`-probability at most `δ`; `μ` and
`Eω` are the same law (`Eω` integrates the indicator of each event to its probability).
Area: generalization
Status: established
Evidence: McDiarmid's inequality gives `δ = exp(-2 m t² / B²)` for losses in `[0, B]` and `m` i.i.d. examples, since replacing one example moves the largest gap by at most `B / m`; it fails for unbounded (heavy-tailed) losses and for dependent examples.
Refs: McDiarmid, "On the method of bounded differences" (1989); Bartlett, Mendelson (JMLR 2002); Mohri, Rostamizadeh, Talwalkar, "Foundations of Machine Learning" (2018), Thm. 3.3.
-/
structure McDiarmid (μ : FinAddProb K Ω) (Eω : Expectation K Ω) (D : Expectation K Z)
    (ev : H → Z → K) (C : List H) (S : Ω → List Z) (t δ : K) : Prop where
  /-- The deviation is positive. -/
  t_pos : 0 < t
  /-- The failure probability is positive. -/
  delta_pos : 0 < δ
  /-- The failure probability is below one. -/
  delta_lt_one : δ < 1
  /-- `μ` and `Eω` describe the same law. -/
  same_law : ∀ A : Ω → Prop, μ.P A = Eω.E (fun ω => indicator (A ω))
  /-- The upper tail of the largest gap. -/
  tail : μ.P (fun ω => expGap Eω D ev C S + t < supGap D ev C (S ω)) ≤ δ

/-- Assumption: the Rademacher generalisation bound for the finite class `C`: with `0 < t` and
`0 < δ < 1`, the probability that some member's population risk exceeds its empirical risk on
the sample `S ω` by more than `2 E_ω[R̂(C, S ω)] + t` is at most `δ`.
Area: generalization
Status: established
Evidence: Follows from symmetrisation and McDiarmid for i.i.d. samples and bounded losses (`rademacherDeviation_of_symmetrization_mcDiarmid`); for deep networks it is true but uninformative, since the trained class fits random labels (Zhang et al. 2017), which puts its Rademacher complexity near the maximum.
Refs: Koltchinskii, Panchenko (2000); Bartlett, Mendelson (JMLR 2002), Thm. 8; Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017).
-/
structure RademacherDeviation (μ : FinAddProb K Ω) (Eω : Expectation K Ω)
    (D : Expectation K Z) (ev : H → Z → K) (C : List H) (S : Ω → List Z) (t δ : K) :
    Prop where
  /-- The slack is positive. -/
  t_pos : 0 < t
  /-- The failure probability is positive. -/
  delta_pos : 0 < δ
  /-- The failure probability is below one. -/
  delta_lt_one : δ < 1
  /-- The probability that some member's gap exceeds `2 E[R̂] + t`. -/
  tail : μ.P (fun ω => ∃ h ∈ C, 2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω))
    ≤ δ

/-- Discharge: symmetrisation and McDiarmid concentration give the Rademacher generalisation
bound (a member whose gap exceeds `2 E[R̂] + t` makes the largest gap exceed its mean by more
than `t`). -/
theorem rademacherDeviation_of_symmetrization_mcDiarmid {μ : FinAddProb K Ω}
    {Eω : Expectation K Ω} {D : Expectation K Z} {ev : H → Z → K} {C : List H}
    {S : Ω → List Z} {t δ : K} (hsym : Symmetrization Eω D ev C S)
    (hmc : McDiarmid μ Eω D ev C S t δ) : RademacherDeviation μ Eω D ev C S t δ := by
  refine ⟨hmc.t_pos, hmc.delta_pos, hmc.delta_lt_one, ?_⟩
  have himp : ∀ ω, (∃ h ∈ C, 2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)) →
      expGap Eω D ev C S + t < supGap D ev C (S ω) := by
    intro ω hex
    obtain ⟨h, hh, hlt⟩ := hex
    have h1 : popRisk D ev h - empRisk ev h (S ω) ≤ supGap D ev C (S ω) := le_supGap D ev hh (S ω)
    have h2 : expGap Eω D ev C S ≤ 2 * expRad Eω ev C S := hsym.expGap_le
    grind
  have hsub : μ.P (fun ω => ∃ h ∈ C,
        2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω))
      ≤ μ.P (fun ω => expGap Eω D ev C S + t < supGap D ev C (S ω)) :=
    μ.prob_mono himp
  have htail : μ.P (fun ω => expGap Eω D ev C S + t < supGap D ev C (S ω)) ≤ δ := hmc.tail
  grind

/-- The Rademacher generalisation bound: with probability at least `1 - δ`, every member of the
class has population risk at most its empirical risk plus `2 E[R̂] + t`. -/
theorem rademacher_generalization {μ : FinAddProb K Ω} {Eω : Expectation K Ω}
    {D : Expectation K Z} {ev : H → Z → K} {C : List H} {S : Ω → List Z} {t δ : K}
    (hrd : RademacherDeviation μ Eω D ev C S t δ) :
    1 - δ ≤ μ.P (fun ω => ∀ h ∈ C,
      popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t)) := by
  have himp : ∀ ω, ¬ (∃ h ∈ C,
      2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)) →
      ∀ h ∈ C, popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t) := by
    intro ω hn h hh
    by_cases hlt : 2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)
    · exact False.elim (hn ⟨h, hh, hlt⟩)
    · grind
  have h1 : μ.P (fun ω => ¬ (∃ h ∈ C,
        2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)))
      ≤ μ.P (fun ω => ∀ h ∈ C,
        popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t)) :=
    μ.prob_mono himp
  have h2 : μ.P (fun ω => ¬ (∃ h ∈ C,
        2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)))
      = 1 - μ.P (fun ω => ∃ h ∈ C,
        2 * expRad Eω ev C S + t < popRisk D ev h - empRisk ev h (S ω)) :=
    μ.prob_not _
  have h3 := hrd.tail
  grind

/-- The expected Rademacher complexity of a nonempty class with values in `[-B, B]` is at most
`B`. -/
theorem expRad_le_of_abs_le (Eω : Expectation K Ω) (ev : H → Z → K) {C : List H}
    (hC : C ≠ []) {S : Ω → List Z} (hS : ∀ ω, S ω ≠ []) {B : K} (hB0 : 0 ≤ B)
    (hB : ∀ h ∈ C, ∀ z, -B ≤ ev h z ∧ ev h z ≤ B) : expRad Eω ev C S ≤ B := by
  have h1 : Eω.E (fun ω => rademacher ev C (S ω)) ≤ Eω.E (fun _ => B) :=
    Eω.mono _ _ (fun ω => rademacher_le_of_abs_le ev hC (hS ω) hB0 (fun h hh z _ => hB h hh z))
  have h2 : Eω.E (fun _ => B) = B := Eω.map_const B
  show Eω.E (fun ω => rademacher ev C (S ω)) ≤ B
  grind

/-- The Rademacher bound for values in `[-B, B]`: with probability at least `1 - δ`, every member
of the nonempty class has population risk at most its empirical risk plus `2 B + t`. -/
theorem rademacher_generalization_of_bounded {μ : FinAddProb K Ω} {Eω : Expectation K Ω}
    {D : Expectation K Z} {ev : H → Z → K} {C : List H} {S : Ω → List Z} {t δ : K}
    (hrd : RademacherDeviation μ Eω D ev C S t δ) (hC : C ≠ []) (hS : ∀ ω, S ω ≠ []) {B : K}
    (hB0 : 0 ≤ B) (hB : ∀ h ∈ C, ∀ z, -B ≤ ev h z ∧ ev h z ≤ B) :
    1 - δ ≤ μ.P (fun ω => ∀ h ∈ C, popRisk D ev h ≤ empRisk ev h (S ω) + (2 * B + t)) := by
  have hR : expRad Eω ev C S ≤ B := expRad_le_of_abs_le Eω ev hC hS hB0 hB
  have hbase : 1 - δ ≤ μ.P (fun ω => ∀ h ∈ C,
      popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t)) :=
    rademacher_generalization hrd
  have himp : ∀ ω, (∀ h ∈ C,
      popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t)) →
      ∀ h ∈ C, popRisk D ev h ≤ empRisk ev h (S ω) + (2 * B + t) := by
    intro ω hall h hh
    have h1 : popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t) := hall h hh
    grind
  have hsub : μ.P (fun ω => ∀ h ∈ C,
        popRisk D ev h ≤ empRisk ev h (S ω) + (2 * expRad Eω ev C S + t))
      ≤ μ.P (fun ω => ∀ h ∈ C, popRisk D ev h ≤ empRisk ev h (S ω) + (2 * B + t)) :=
    μ.prob_mono himp
  grind

/-- In expectation: under symmetrisation, every learner `A` that returns members of the class
has expected generalisation gap at most twice the expected Rademacher complexity. -/
theorem expected_learner_gap_le {Eω : Expectation K Ω} {D : Expectation K Z} {ev : H → Z → K}
    {C : List H} {S : Ω → List Z} (hsym : Symmetrization Eω D ev C S) (A : Ω → H)
    (hA : ∀ ω, A ω ∈ C) :
    Eω.E (fun ω => popRisk D ev (A ω) - empRisk ev (A ω) (S ω)) ≤ 2 * expRad Eω ev C S := by
  have h1 : Eω.E (fun ω => popRisk D ev (A ω) - empRisk ev (A ω) (S ω))
      ≤ Eω.E (fun ω => supGap D ev C (S ω)) :=
    Eω.mono _ _ (fun ω => le_supGap D ev (hA ω) (S ω))
  have h2 : expGap Eω D ev C S ≤ 2 * expRad Eω ev C S := hsym.expGap_le
  have e : expGap Eω D ev C S = Eω.E (fun ω => supGap D ev C (S ω)) := rfl
  grind

/-- Under symmetrisation, a nonempty class with values in `[-B, B]` has expected largest
generalisation gap at most `2 B`. -/
theorem expGap_le_of_abs_le {Eω : Expectation K Ω} {D : Expectation K Z} {ev : H → Z → K}
    {C : List H} {S : Ω → List Z} (hsym : Symmetrization Eω D ev C S) {B : K} (hB0 : 0 ≤ B)
    (hB : ∀ h ∈ C, ∀ z, -B ≤ ev h z ∧ ev h z ≤ B) : expGap Eω D ev C S ≤ 2 * B := by
  have h1 : expRad Eω ev C S ≤ B :=
    expRad_le_of_abs_le Eω ev hsym.class_ne_nil hsym.sample_ne_nil hB0 hB
  have h2 : expGap Eω D ev C S ≤ 2 * expRad Eω ev C S := hsym.expGap_le
  grind

end Bounds

end AxiomDL.Generalization.Capacity
