import AxiomDL.Generalization.Probability

/-!
# Generalisation: finite hypothesis classes

* From a per-hypothesis concentration inequality (`Concentration`, Hoeffding-style), the union
  bound gives uniform convergence over a finite class: the probability that *some* hypothesis
  deviates is at most `|H| · δ` (`uniform_convergence_finite`).
* In the realisable case (`Realizable`), if every hypothesis with large true error is
  consistent with the sample with probability at most `δ` (`BadRarelyConsistent`, `δ = (1 - ε)^m`
  for `m` i.i.d. examples), then any consistent learner (ERM) outputs a bad hypothesis with
  probability at most `|H| · δ` (`erm_realizable_consistency`): the counting form of PAC
  consistency of ERM for finite classes.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section FiniteClass

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {H : Type w}

/-- Assumption: concentration for each hypothesis of the finite class `hs`: the event
`Dev h` ("the empirical risk of `h` deviates from its population risk by more than `ε`") has
probability at most `δ`.
Area: generalization
Status: established
Evidence: Hoeffding's inequality gives `δ = 2 exp(-2 m ε²)` for losses in `[0, 1]` and `m` i.i.d. examples; it fails for heavy-tailed losses and for dependent (non-i.i.d.) data.
Refs: Hoeffding (JASA 1963); Shalev-Shwartz, Ben-David, "Understanding Machine Learning" (2014), ch. 4.
-/
structure Concentration (μ : FinAddProb K Ω) (hs : List H) (Dev : H → Ω → Prop) (δ : K) :
    Prop where
  /-- The per-hypothesis tail bound. -/
  tail : ∀ h ∈ hs, μ.P (Dev h) ≤ δ

/-- Uniform convergence over a finite class: the probability that some hypothesis in `hs`
deviates is at most `|hs| · δ`. -/
theorem uniform_convergence_finite {μ : FinAddProb K Ω} {hs : List H} {Dev : H → Ω → Prop}
    {δ : K} (hc : Concentration μ hs Dev δ) :
    μ.P (fun ω => ∃ h ∈ hs, Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ :=
  μ.prob_exists_le_length_mul hs Dev hc.tail

/-- Uniform convergence, complement form: with probability at least `1 - |hs| · δ` no
hypothesis deviates. -/
theorem uniform_convergence_finite_compl {μ : FinAddProb K Ω} {hs : List H}
    {Dev : H → Ω → Prop} {δ : K} (hc : Concentration μ hs Dev δ) :
    1 - AxiomDL.natToScalar hs.length * δ ≤ μ.P (fun ω => ¬ ∃ h ∈ hs, Dev h ω) := by
  have h1 : μ.P (fun ω => ∃ h ∈ hs, Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ :=
    uniform_convergence_finite hc
  have h2 : μ.P (fun ω => ¬ ∃ h ∈ hs, Dev h ω) = 1 - μ.P (fun ω => ∃ h ∈ hs, Dev h ω) :=
    μ.prob_not (fun ω => ∃ h ∈ hs, Dev h ω)
  grind

/-- Witness: `Concentration` holds for the point mass when no hypothesis ever deviates. -/
theorem concentration_witness {Ω' : Type v} (ω₀ : Ω') (hs : List H) :
    Concentration (dirac (K := K) ω₀) hs (fun _ _ => False) 0 := by
  refine ⟨fun h _ => ?_⟩
  have h0 : (dirac (K := K) ω₀).P (fun _ => False) = 0 := (dirac ω₀).prob_false
  show (dirac (K := K) ω₀).P (fun _ => False) ≤ 0
  grind

/-- Witness: `Concentration` over `Rat`. -/
example := concentration_witness (K := Rat) () ([] : List Unit)

/-- Assumption: finiteness of a hypothesis class `C`: its members are enumerated by a list.
Area: generalization
Status: established
Evidence: True for classes of finitely many parameter settings (e.g. networks with weights in a fixed finite precision, as on real hardware); false for the real-parameterised classes of deep learning, where it is replaced by capacity measures.
Refs: Valiant (1984); Shalev-Shwartz, Ben-David (2014), ch. 2.
-/
structure FiniteClass (C : H → Prop) : Prop where
  /-- An enumerating list. -/
  enum : ∃ hs : List H, ∀ h, C h → h ∈ hs

/-- Witness: the empty class is finite. -/
theorem finiteClass_empty : FiniteClass (fun _ : H => False) :=
  ⟨⟨[], fun _ hh => False.elim hh⟩⟩

/-- Witness: `FiniteClass` over `Unit`. -/
example := finiteClass_empty (H := Unit)

/-- Uniform convergence over a finite class given as a predicate: with an enumeration `hs` of
the class, the probability that some member deviates is at most `|hs| · δ`. -/
theorem finiteClass_uniform_convergence {C : H → Prop} (hfin : FiniteClass C)
    (μ : FinAddProb K Ω) (Dev : H → Ω → Prop) {δ : K} (hδ0 : 0 ≤ δ)
    (hδ : ∀ h, C h → μ.P (Dev h) ≤ δ) :
    ∃ hs : List H, (∀ h, C h → h ∈ hs) ∧
      μ.P (fun ω => ∃ h, C h ∧ Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ := by
  obtain ⟨hs, hmem⟩ := hfin.enum
  refine ⟨hs, hmem, ?_⟩
  have hsub : μ.P (fun ω => ∃ h, C h ∧ Dev h ω) ≤ μ.P (fun ω => ∃ h ∈ hs, C h ∧ Dev h ω) :=
    μ.prob_mono (fun _ hw => by
      obtain ⟨h, hc, hd⟩ := hw
      exact ⟨h, hmem h hc, hc, hd⟩)
  have hunion : μ.P (fun ω => ∃ h ∈ hs, C h ∧ Dev h ω) ≤ AxiomDL.natToScalar hs.length * δ := by
    apply μ.prob_exists_le_length_mul hs (fun h ω => C h ∧ Dev h ω)
    intro h _
    show μ.P (fun ω => C h ∧ Dev h ω) ≤ δ
    by_cases hc : C h
    · have h1 : μ.P (fun ω => C h ∧ Dev h ω) ≤ μ.P (Dev h) := μ.prob_mono (fun _ hw => hw.2)
      have h2 : μ.P (Dev h) ≤ δ := hδ h hc
      grind
    · have h1 : μ.P (fun ω => C h ∧ Dev h ω) ≤ μ.P (fun _ => False) :=
        μ.prob_mono (fun _ hw => hc hw.1)
      have h2 : μ.P (fun _ => False) = 0 := μ.prob_false
      grind
  grind

/-- Assumption: realisability: some hypothesis in the class `hs` is consistent with every
sample (`Consistent h ω`: `h` has zero empirical error on the sample `ω`).
Area: generalization
Status: plausible
Evidence: Over-parameterised networks fit their training sets exactly, even with random labels (Zhang et al. 2017); for noisy labels the Bayes-optimal predictor is not consistent, so realisability fails for the true label distribution.
Refs: Valiant (1984); Zhang, Bengio, Hardt, Recht, Vinyals (ICLR 2017).
-/
structure Realizable (hs : List H) (Consistent : H → Ω → Prop) : Prop where
  /-- A consistent hypothesis exists in the class. -/
  exists_consistent : ∃ h ∈ hs, ∀ ω, Consistent h ω

/-- Witness: a class containing a hypothesis consistent with everything is realisable. -/
theorem realizable_witness (h₀ : H) : Realizable [h₀] (fun _ (_ : Ω) => True) :=
  ⟨⟨h₀, List.mem_cons.mpr (Or.inl rfl), fun _ => True.intro⟩⟩

/-- Witness: `Realizable` over `Unit`. -/
example := realizable_witness (Ω := Unit) ()

/-- Assumption: every `Bad` hypothesis (true error above the target accuracy) is consistent
with the random sample with probability at most `δ`.
Area: generalization
Status: established
Evidence: For `m` i.i.d. examples and true error above `ε`, consistency has probability at most `(1 - ε)^m ≤ exp(-ε m)`; it fails under distribution shift between training and test data.
Refs: Valiant (1984); Blumer, Ehrenfeucht, Haussler, Warmuth (1987); Shalev-Shwartz, Ben-David (2014), Cor. 2.3.
-/
structure BadRarelyConsistent (μ : FinAddProb K Ω) (hs : List H) (Bad : H → Prop)
    (Consistent : H → Ω → Prop) (δ : K) : Prop where
  /-- The per-hypothesis bound. -/
  bound : ∀ h ∈ hs, Bad h → μ.P (Consistent h) ≤ δ
  /-- The bound is a nonnegative number. -/
  nonneg : 0 ≤ δ

/-- Witness: `BadRarelyConsistent` holds when no hypothesis is bad. -/
theorem badRarelyConsistent_witness {Ω' : Type v} (ω₀ : Ω') (hs : List H) :
    BadRarelyConsistent (dirac (K := K) ω₀) hs (fun _ => False) (fun _ _ => True) 0 :=
  ⟨fun _ _ hbad => False.elim hbad, by grind⟩

/-- Witness: `BadRarelyConsistent` over `Rat`. -/
example := badRarelyConsistent_witness (K := Rat) () ([] : List Unit)

/-- Realisable finite-class ERM consistency, counting form: a learner `erm` that always returns a
hypothesis of `hs` consistent with its sample (which realisability makes possible) returns a
bad hypothesis with probability at most `|hs| · δ`. -/
theorem erm_realizable_consistency {μ : FinAddProb K Ω} {hs : List H} {Bad : H → Prop}
    {Consistent : H → Ω → Prop} {δ : K} (hbad : BadRarelyConsistent μ hs Bad Consistent δ)
    (erm : Ω → H) (herm_mem : ∀ ω, erm ω ∈ hs) (herm_cons : ∀ ω, Consistent (erm ω) ω) :
    μ.P (fun ω => Bad (erm ω)) ≤ AxiomDL.natToScalar hs.length * δ := by
  have hsub : μ.P (fun ω => Bad (erm ω))
      ≤ μ.P (fun ω => ∃ h ∈ hs, Bad h ∧ Consistent h ω) :=
    μ.prob_mono (fun ω hb => ⟨erm ω, herm_mem ω, hb, herm_cons ω⟩)
  have hunion : μ.P (fun ω => ∃ h ∈ hs, Bad h ∧ Consistent h ω)
      ≤ AxiomDL.natToScalar hs.length * δ := by
    apply μ.prob_exists_le_length_mul hs (fun h ω => Bad h ∧ Consistent h ω)
    intro h hh
    show μ.P (fun ω => Bad h ∧ Consistent h ω) ≤ δ
    by_cases hb : Bad h
    · have h1 : μ.P (fun ω => Bad h ∧ Consistent h ω) ≤ μ.P (Consistent h) :=
        μ.prob_mono (fun _ hw => hw.2)
      have h2 : μ.P (Consistent h) ≤ δ := hbad.bound h hh hb
      grind
    · have h1 : μ.P (fun ω => Bad h ∧ Consistent h ω) ≤ μ.P (fun _ => False) :=
        μ.prob_mono (fun _ hw => hb hw.1)
      have h2 : μ.P (fun _ => False) = 0 := μ.prob_false
      have h3 : 0 ≤ δ := hbad.nonneg
      grind
  grind

/-- Realisability supplies the consistent learner: choosing, for each sample, a hypothesis of
`hs` consistent with it is always possible. -/
theorem Realizable.exists_erm {hs : List H} {Consistent : H → Ω → Prop}
    (hr : Realizable hs Consistent) :
    ∃ erm : Ω → H, (∀ ω, erm ω ∈ hs) ∧ ∀ ω, Consistent (erm ω) ω := by
  obtain ⟨h, hmem, hcons⟩ := hr.exists_consistent
  exact ⟨fun _ => h, fun _ => hmem, hcons⟩

/-- Realisable ERM consistency, packaged: under realisability some consistent learner exists,
and every consistent learner is bad with probability at most `|hs| · δ`. -/
theorem realizable_erm_bound {μ : FinAddProb K Ω} {hs : List H} {Bad : H → Prop}
    {Consistent : H → Ω → Prop} {δ : K} (hr : Realizable hs Consistent)
    (hbad : BadRarelyConsistent μ hs Bad Consistent δ) :
    ∃ erm : Ω → H, (∀ ω, Consistent (erm ω) ω) ∧
      μ.P (fun ω => Bad (erm ω)) ≤ AxiomDL.natToScalar hs.length * δ := by
  obtain ⟨erm, hmem, hcons⟩ := hr.exists_erm
  exact ⟨erm, hcons, erm_realizable_consistency hbad erm hmem hcons⟩

end FiniteClass

end AxiomDL.Generalization
