import AxiomDL.Generalization.Risk
import AxiomDL.Generalization.Counting

/-!
# Generalisation: finite hypothesis classes

* From a per-hypothesis concentration inequality (`Concentration`, Hoeffding-style: the
  empirical risk of each hypothesis deviates from its population risk by more than `ε` with
  probability at most `δ`), the union bound gives uniform convergence over a finite class: the
  probability that *some* hypothesis deviates is at most `|H| · δ`
  (`uniform_convergence_finite`).
* PAC learning in the realisable case. Examples `x` come from a data distribution `D`, labelled
  by a target `c`; the true error of `h` is `D(h x ≠ c x)` (`trueError`). A sample drawn at
  `ω` is `sample ω 0, …, sample ω (m - 1)`, each distributed as `D` (`SampleMarginals`).
  Realisability (`Realizable`) is PAC realisability: some hypothesis of the class has true
  error zero. If every hypothesis with true error above `ε` is consistent with the sample with
  probability at most `δ` (`BadRarelyConsistent`, `δ = (1 - ε)^m` for `m` i.i.d. examples),
  then every ERM (a learner that returns a hypothesis consistent with the sample whenever the
  class has one) returns a hypothesis of true error above `ε` with probability at most `|H| · δ`
  (`erm_realizable_consistency`): the zero-error hypothesis is consistent with the sample except
  on an event of probability `m · 0 = 0`.
* The counting bound of `Generalization/Counting.lean` gives `BadRarelyConsistent` for the
  uniform distribution on a list of samples, with `δ = k / #samples`
  (`badRarelyConsistent_of_count`).
-/

set_option autoImplicit false

universe u v w x y

namespace AxiomDL.Generalization

section FiniteClass

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {H : Type w} {Z : Type x}

/-- The deviation event: on the sample `S ω`, the empirical risk of `h` differs from its
population risk by more than `ε`. -/
def Deviates (D : Expectation K Z) (loss : H → Z → K) (S : Ω → List Z) (ε : K) (h : H)
    (ω : Ω) : Prop :=
  ε < empRisk loss h (S ω) - popRisk D loss h ∨ ε < popRisk D loss h - empRisk loss h (S ω)

/-- Assumption: concentration for each hypothesis of the finite class `hs`: the event `Dev h`,
which is the deviation event `Deviates D loss S ε h` ("the empirical risk of `h` on the nonempty
sample `S ω` deviates from its population risk under `D` by more than `ε`"), has probability at
most `δ`, with `0 < ε` and `0 ≤ δ < 1`.
Area: generalization
Status: established
Evidence: Hoeffding's inequality gives `δ = 2 exp(-2 m ε²)` for losses in `[0, 1]` and `m` i.i.d. examples; it fails for heavy-tailed losses and for dependent (non-i.i.d.) data.
Refs: Hoeffding (JASA 1963); Shalev-Shwartz, Ben-David, "Understanding Machine Learning" (2014), ch. 4.
-/
structure Concentration (μ : FinAddProb K Ω) (D : Expectation K Z) (loss : H → Z → K)
    (S : Ω → List Z) (hs : List H) (Dev : H → Ω → Prop) (ε δ : K) : Prop where
  /-- The accuracy is positive. -/
  eps_pos : 0 < ε
  /-- The failure probability is nonnegative. -/
  delta_nonneg : 0 ≤ δ
  /-- The failure probability is below one (otherwise the bound says nothing). -/
  delta_lt_one : δ < 1
  /-- Every sample is nonempty, so empirical risks are genuine averages. -/
  sample_ne_nil : ∀ ω, S ω ≠ []
  /-- `Dev` is the deviation event. -/
  dev_iff : ∀ h ω, Dev h ω ↔ Deviates D loss S ε h ω
  /-- The per-hypothesis tail bound. -/
  tail : ∀ h ∈ hs, μ.P (Dev h) ≤ δ

/-- Uniform convergence over a finite class: the probability that some hypothesis in `hs`
deviates is at most `|hs| · δ`. -/
theorem uniform_convergence_finite {μ : FinAddProb K Ω} {D : Expectation K Z}
    {loss : H → Z → K} {S : Ω → List Z} {hs : List H} {Dev : H → Ω → Prop} {ε δ : K}
    (hc : Concentration μ D loss S hs Dev ε δ) :
    μ.P (fun ω => ∃ h ∈ hs, Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ :=
  μ.prob_exists_le_length_mul hs Dev hc.tail

/-- Uniform convergence, complement form: with probability at least `1 - |hs| · δ` no
hypothesis deviates. -/
theorem uniform_convergence_finite_compl {μ : FinAddProb K Ω} {D : Expectation K Z}
    {loss : H → Z → K} {S : Ω → List Z} {hs : List H} {Dev : H → Ω → Prop} {ε δ : K}
    (hc : Concentration μ D loss S hs Dev ε δ) :
    1 - AxiomDL.natToScalar hs.length * δ ≤ μ.P (fun ω => ¬ ∃ h ∈ hs, Dev h ω) := by
  have h1 : μ.P (fun ω => ∃ h ∈ hs, Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ :=
    uniform_convergence_finite hc
  have h2 : μ.P (fun ω => ¬ ∃ h ∈ hs, Dev h ω) = 1 - μ.P (fun ω => ∃ h ∈ hs, Dev h ω) :=
    μ.prob_not (fun ω => ∃ h ∈ hs, Dev h ω)
  grind

/-- Assumption: finiteness of a hypothesis class `C`: its members are enumerated by a list.
Area: generalization
Status: established
Evidence: True for classes of finitely many parameter settings (e.g. networks with weights in a fixed finite precision, as on real hardware); false for the real-parameterised classes of deep learning, where it is replaced by capacity measures.
Refs: Valiant (1984); Shalev-Shwartz, Ben-David (2014), ch. 2.
-/
structure FiniteClass (C : H → Prop) : Prop where
  /-- An enumerating list. -/
  enum : ∃ hs : List H, ∀ h, C h → h ∈ hs

/-- Witness: the class of one hypothesis is finite. -/
theorem finiteClass_singleton (h₀ : H) : FiniteClass (fun h : H => h = h₀) := by
  have hall : ∀ h : H, h = h₀ → h ∈ [h₀] := by
    intro h e
    rw [e]
    exact List.mem_cons.mpr (Or.inl rfl)
  exact ⟨⟨[h₀], hall⟩⟩

/-- Witness: `FiniteClass` over `Unit`, for a nonempty class. -/
example : FiniteClass (fun h : Unit => h = ()) := finiteClass_singleton ()

/-- Uniform convergence over a finite class given as a predicate: with an enumeration `hs` of
the class, the probability that some member deviates is at most `|hs| · δ`. -/
theorem finiteClass_uniform_convergence {C : H → Prop} (hfin : FiniteClass C)
    (μ : FinAddProb K Ω) (Dev : H → Ω → Prop) {δ : K} (hδ0 : 0 ≤ δ)
    (hδ : ∀ h, C h → μ.P (Dev h) ≤ δ) :
    ∃ hs : List H, (∀ h, C h → h ∈ hs) ∧
      μ.P (fun ω => ∃ h, C h ∧ Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ := by
  obtain ⟨hs, hmem⟩ := hfin.enum
  refine ⟨hs, hmem, ?_⟩
  have himp : ∀ ω, (∃ h, C h ∧ Dev h ω) → ∃ h ∈ hs, C h ∧ Dev h ω := by
    intro ω hw
    obtain ⟨h, hc, hd⟩ := hw
    exact ⟨h, hmem h hc, hc, hd⟩
  have hsub : μ.P (fun ω => ∃ h, C h ∧ Dev h ω) ≤ μ.P (fun ω => ∃ h ∈ hs, C h ∧ Dev h ω) :=
    μ.prob_mono himp
  have hterm : ∀ h ∈ hs, μ.P (fun ω => C h ∧ Dev h ω) ≤ δ := by
    intro h _
    by_cases hc : C h
    · have h1 : μ.P (fun ω => C h ∧ Dev h ω) ≤ μ.P (Dev h) := μ.prob_mono (fun _ hw => hw.2)
      have h2 : μ.P (Dev h) ≤ δ := hδ h hc
      grind
    · have h1 : μ.P (fun ω => C h ∧ Dev h ω) ≤ μ.P (fun _ => False) :=
        μ.prob_mono (fun _ hw => hc hw.1)
      have h2 : μ.P (fun _ => False) = 0 := μ.prob_false
      grind
  have hunion : μ.P (fun ω => ∃ h ∈ hs, C h ∧ Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ :=
    μ.prob_exists_le_length_mul hs (fun h ω => C h ∧ Dev h ω) hterm
  grind

end FiniteClass

section PAC

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {X : Type w} {Y : Type y}

/-- The true error of the hypothesis `h` for the target `c` under the data distribution `D`:
the probability of the examples `x` with `h x ≠ c x`. -/
def trueError (D : FinAddProb K X) (c h : X → Y) : K := D.P (fun x => h x ≠ c x)

/-- `h` agrees with the target `c` on the `m` examples `sample ω 0, …, sample ω (m - 1)` of the
sample drawn at `ω`. -/
def SampleConsistent (c : X → Y) (sample : Ω → Nat → X) (m : Nat) (h : X → Y) (ω : Ω) : Prop :=
  ∀ i, i < m → h (sample ω i) = c (sample ω i)

/-- The target itself has true error zero. -/
theorem trueError_self (D : FinAddProb K X) (c : X → Y) : trueError D c c = 0 := by
  have hcongr : D.P (fun x => c x ≠ c x) = D.P (fun _ => False) := by
    apply D.congr
    intro x
    constructor
    · intro hne
      exact hne rfl
    · intro hf
      exact False.elim hf
  have h0 : D.P (fun _ => False) = 0 := D.prob_false
  show D.P (fun x => c x ≠ c x) = 0
  rw [hcongr, h0]

/-- Assumption: PAC realisability: some hypothesis of the class `hs` has true error zero for
the target `c` under the data distribution `D`.
Area: generalization
Status: plausible
Evidence: Holds when the target is in the class, e.g. noiseless labels produced by a network of the trained architecture (teacher–student setups); fails under label noise, where even the Bayes-optimal predictor errs; fitting the training set exactly (Zhang et al. 2017) is a different, weaker property.
Refs: Valiant (1984); Shalev-Shwartz, Ben-David (2014), Def. 2.1; Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017).
-/
structure Realizable (D : FinAddProb K X) (c : X → Y) (hs : List (X → Y)) : Prop where
  /-- A hypothesis of the class with true error zero. -/
  exists_zero_error : ∃ h ∈ hs, trueError D c h = 0

/-- Witness: a class that contains the target is realisable. -/
theorem realizable_of_mem (D : FinAddProb K X) (c : X → Y) {hs : List (X → Y)} (hc : c ∈ hs) :
    Realizable D c hs :=
  ⟨⟨c, hc, trueError_self D c⟩⟩

/-- Assumption: each of the `m ≥ 1` examples of the random sample is distributed as the data
distribution `D`: the `i`-th example lies in an event `A` with probability `D(A)`.
Area: generalization
Status: established
Evidence: True for i.i.d. (and for exchangeable) sampling from `D`; fails under distribution shift between training data and the distribution the error is measured on, and for adaptively collected data.
Refs: Valiant (1984); Shalev-Shwartz, Ben-David (2014), ch. 2.
-/
structure SampleMarginals (μ : FinAddProb K Ω) (D : FinAddProb K X) (sample : Ω → Nat → X)
    (m : Nat) : Prop where
  /-- The sample is nonempty. -/
  size_pos : 0 < m
  /-- Each example has law `D`. -/
  marginal : ∀ i, i < m → ∀ A : X → Prop, μ.P (fun ω => A (sample ω i)) = D.P A

/-- Assumption: every hypothesis of `hs` whose true error exceeds `ε` is consistent with the
random sample of `m ≥ 1` examples with probability at most `δ`, where `0 < ε < 1` and
`0 ≤ δ < 1`.
Area: generalization
Status: established
Evidence: For `m` i.i.d. examples and true error above `ε`, consistency has probability at most `(1 - ε)^m ≤ exp(-ε m)`; it fails under distribution shift between training and test data.
Refs: Valiant (1984); Blumer, Ehrenfeucht, Haussler, Warmuth (1987); Shalev-Shwartz, Ben-David (2014), Cor. 2.3.
-/
structure BadRarelyConsistent (μ : FinAddProb K Ω) (D : FinAddProb K X) (c : X → Y)
    (sample : Ω → Nat → X) (m : Nat) (hs : List (X → Y)) (ε δ : K) : Prop where
  /-- The sample is nonempty. -/
  size_pos : 0 < m
  /-- The accuracy is positive. -/
  eps_pos : 0 < ε
  /-- The accuracy is below one (otherwise no hypothesis is bad). -/
  eps_lt_one : ε < 1
  /-- The bound is nonnegative. -/
  delta_nonneg : 0 ≤ δ
  /-- The bound is below one (otherwise it says nothing). -/
  delta_lt_one : δ < 1
  /-- The per-hypothesis bound. -/
  bound : ∀ h ∈ hs, ε < trueError D c h → μ.P (SampleConsistent c sample m h) ≤ δ

/-- A hypothesis of true error zero is inconsistent with the sample only on an event of
probability zero: the union bound over the `m` examples, each misclassified with probability
`trueError = 0`. -/
theorem prob_not_sampleConsistent {μ : FinAddProb K Ω} {D : FinAddProb K X} {c : X → Y}
    {sample : Ω → Nat → X} {m : Nat} (hmarg : SampleMarginals μ D sample m) {h : X → Y}
    (herr : trueError D c h = 0) :
    μ.P (fun ω => ¬ SampleConsistent c sample m h ω) = 0 := by
  have himp : ∀ ω, ¬ SampleConsistent c sample m h ω →
      ∃ i, i < m ∧ h (sample ω i) ≠ c (sample ω i) := by
    intro ω hn
    rcases Classical.em (∃ i, i < m ∧ h (sample ω i) ≠ c (sample ω i)) with hex | hno
    · exact hex
    · exfalso
      apply hn
      intro i hi
      rcases Classical.em (h (sample ω i) = c (sample ω i)) with heq | hne
      · exact heq
      · exact False.elim (hno ⟨i, hi, hne⟩)
  have hsub : μ.P (fun ω => ¬ SampleConsistent c sample m h ω)
      ≤ μ.P (fun ω => ∃ i, i < m ∧ h (sample ω i) ≠ c (sample ω i)) :=
    μ.prob_mono himp
  have hterm : ∀ i, i < m → μ.P (fun ω => h (sample ω i) ≠ c (sample ω i)) ≤ 0 := by
    intro i hi
    have hm : μ.P (fun ω => h (sample ω i) ≠ c (sample ω i)) = D.P (fun x => h x ≠ c x) :=
      hmarg.marginal i hi (fun x => h x ≠ c x)
    have he : D.P (fun x => h x ≠ c x) = 0 := herr
    grind
  have hunion : μ.P (fun ω => ∃ i, i < m ∧ h (sample ω i) ≠ c (sample ω i))
      ≤ AxiomDL.natToScalar m * 0 :=
    μ.prob_exists_lt_le (fun i ω => h (sample ω i) ≠ c (sample ω i)) m hterm
  have hz : (AxiomDL.natToScalar m : K) * 0 = 0 := by grind
  have hnn : 0 ≤ μ.P (fun ω => ¬ SampleConsistent c sample m h ω) := μ.nonneg _
  grind

/-- Realisable finite-class ERM consistency (PAC, counting form of Valiant's argument): under
PAC realisability, an ERM `erm` (it returns a hypothesis of `hs`, consistent with the sample
whenever `hs` has one) outputs a hypothesis of true error above `ε` with probability at most
`|hs| · δ`. -/
theorem erm_realizable_consistency {μ : FinAddProb K Ω} {D : FinAddProb K X} {c : X → Y}
    {sample : Ω → Nat → X} {m : Nat} {hs : List (X → Y)} {ε δ : K}
    (hr : Realizable D c hs) (hmarg : SampleMarginals μ D sample m)
    (hbad : BadRarelyConsistent μ D c sample m hs ε δ) (erm : Ω → X → Y)
    (herm_mem : ∀ ω, erm ω ∈ hs)
    (herm : ∀ ω, (∃ h ∈ hs, SampleConsistent c sample m h ω) →
      SampleConsistent c sample m (erm ω) ω) :
    μ.P (fun ω => ε < trueError D c (erm ω)) ≤ AxiomDL.natToScalar hs.length * δ := by
  obtain ⟨hstar, hmem, herr⟩ := hr.exists_zero_error
  have hfail : μ.P (fun ω => ¬ SampleConsistent c sample m hstar ω) = 0 :=
    prob_not_sampleConsistent hmarg herr
  have himp : ∀ ω, ε < trueError D c (erm ω) →
      (∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
        ∨ ¬ SampleConsistent c sample m hstar ω := by
    intro ω hb
    by_cases hcons : SampleConsistent c sample m hstar ω
    · exact Or.inl ⟨erm ω, herm_mem ω, hb, herm ω ⟨hstar, hmem, hcons⟩⟩
    · exact Or.inr hcons
  have hsub : μ.P (fun ω => ε < trueError D c (erm ω))
      ≤ μ.P (fun ω => (∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
        ∨ ¬ SampleConsistent c sample m hstar ω) :=
    μ.prob_mono himp
  have hor : μ.P (fun ω => (∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
        ∨ ¬ SampleConsistent c sample m hstar ω)
      ≤ μ.P (fun ω => ∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
        + μ.P (fun ω => ¬ SampleConsistent c sample m hstar ω) :=
    μ.prob_or_le (fun ω => ∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
      (fun ω => ¬ SampleConsistent c sample m hstar ω)
  have hterm : ∀ h ∈ hs,
      μ.P (fun ω => ε < trueError D c h ∧ SampleConsistent c sample m h ω) ≤ δ := by
    intro h hh
    by_cases hb : ε < trueError D c h
    · have h1 : μ.P (fun ω => ε < trueError D c h ∧ SampleConsistent c sample m h ω)
          ≤ μ.P (SampleConsistent c sample m h) := μ.prob_mono (fun _ hw => hw.2)
      have h2 : μ.P (SampleConsistent c sample m h) ≤ δ := hbad.bound h hh hb
      grind
    · have h1 : μ.P (fun ω => ε < trueError D c h ∧ SampleConsistent c sample m h ω)
          ≤ μ.P (fun _ => False) := μ.prob_mono (fun _ hw => hb hw.1)
      have h2 : μ.P (fun _ => False) = 0 := μ.prob_false
      have h3 : 0 ≤ δ := hbad.delta_nonneg
      grind
  have hunion : μ.P (fun ω => ∃ h ∈ hs, ε < trueError D c h ∧ SampleConsistent c sample m h ω)
      ≤ AxiomDL.natToScalar hs.length * δ :=
    μ.prob_exists_le_length_mul hs
      (fun h ω => ε < trueError D c h ∧ SampleConsistent c sample m h ω) hterm
  grind

/-- Realisability supplies an ERM: for each sample, choose a hypothesis of `hs` consistent with
it when there is one, and the zero-error hypothesis otherwise. -/
theorem Realizable.exists_erm {D : FinAddProb K X} {c : X → Y} {hs : List (X → Y)}
    (hr : Realizable D c hs) (sample : Ω → Nat → X) (m : Nat) :
    ∃ erm : Ω → X → Y, (∀ ω, erm ω ∈ hs) ∧
      ∀ ω, (∃ h ∈ hs, SampleConsistent c sample m h ω) →
        SampleConsistent c sample m (erm ω) ω := by
  obtain ⟨h₀, hmem₀, _⟩ := hr.exists_zero_error
  have hchoice : ∀ ω : Ω, ∃ h : X → Y, h ∈ hs ∧
      ((∃ g ∈ hs, SampleConsistent c sample m g ω) → SampleConsistent c sample m h ω) := by
    intro ω
    rcases Classical.em (∃ g ∈ hs, SampleConsistent c sample m g ω) with hex | hno
    · obtain ⟨g, hg, hcons⟩ := hex
      exact ⟨g, hg, fun _ => hcons⟩
    · exact ⟨h₀, hmem₀, fun hex => absurd hex hno⟩
  obtain ⟨erm, herm⟩ := Classical.axiomOfChoice hchoice
  exact ⟨erm, fun ω => (herm ω).1, fun ω => (herm ω).2⟩

/-- Realisable ERM consistency, packaged: under PAC realisability an ERM exists, and it
returns a hypothesis of true error above `ε` with probability at most `|hs| · δ`. -/
theorem realizable_erm_bound {μ : FinAddProb K Ω} {D : FinAddProb K X} {c : X → Y}
    {sample : Ω → Nat → X} {m : Nat} {hs : List (X → Y)} {ε δ : K}
    (hr : Realizable D c hs) (hmarg : SampleMarginals μ D sample m)
    (hbad : BadRarelyConsistent μ D c sample m hs ε δ) :
    ∃ erm : Ω → X → Y, (∀ ω, erm ω ∈ hs) ∧
      μ.P (fun ω => ε < trueError D c (erm ω)) ≤ AxiomDL.natToScalar hs.length * δ := by
  obtain ⟨erm, hmem, herm⟩ := hr.exists_erm sample m
  exact ⟨erm, hmem, erm_realizable_consistency hr hmarg hbad erm hmem herm⟩

/-- Discharge: counting gives `BadRarelyConsistent` for the uniform distribution on a list of
samples, with `δ = k / #samples`: if every hypothesis of true error above `ε` is consistent
with at most `k < #samples` of the samples, it is consistent with probability at most
`k / #samples`. With `erm_counting` this is the bridge from counts to probabilities. -/
theorem badRarelyConsistent_of_count {D : FinAddProb K X} {c : X → Y} {sample : Ω → Nat → X}
    {m : Nat} {hs : List (X → Y)} {ε : K} (samples : List Ω) (hne : samples ≠ []) (k : Nat)
    (hm : 0 < m) (hε : 0 < ε) (hε1 : ε < 1) (hk : k < samples.length)
    (hcount : ∀ h ∈ hs, ε < trueError D c h →
      countWhere (SampleConsistent c sample m h) samples ≤ k) :
    BadRarelyConsistent (uniformOn samples hne) D c sample m hs ε
      (AxiomDL.natToScalar k / AxiomDL.natToScalar samples.length) := by
  have hlen : (0 : K) < AxiomDL.natToScalar samples.length :=
    natToScalar_pos (pos_length_of_ne_nil hne)
  have hklt : (AxiomDL.natToScalar k : K) < AxiomDL.natToScalar samples.length :=
    natToScalar_strictMono_lt hk
  refine ⟨hm, hε, hε1, ?_, ?_, ?_⟩
  · exact AxiomDL.div_nonneg (natToScalar_nonneg k) hlen
  · exact div_lt_one_of_lt_of_pos hklt hlen
  · intro h hh hb
    have hle : (AxiomDL.natToScalar (countWhere (SampleConsistent c sample m h) samples) : K)
        ≤ AxiomDL.natToScalar k :=
      natToScalar_mono_le (hcount h hh hb)
    rw [uniformOn_P]
    exact div_le_div_of_le_of_pos hle hlen

end PAC

end AxiomDL.Generalization
