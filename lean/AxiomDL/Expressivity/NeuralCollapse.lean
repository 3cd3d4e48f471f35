import AxiomDL.Foundations.Sums
import AxiomDL.Foundations.InnerProduct

/-!
# Expressivity: neural collapse of the last-layer features

At the end of training (the terminal phase, training error zero), Papyan, Han and Donoho (2020)
observe four properties of the last-layer features `feat i` of the training examples, their
class means `μ c` (classes `c = 0, …, k - 1`, `k ≥ 2`, balanced, so the global mean is
`μ_G = (1/k) ∑_c μ c`, `globalMean`) and the linear classifier `c ↦ ⟪w c, h⟫ + b c`:

* NC1 `WithinClassCollapse`: every feature is within `ε` (relative to its class's spread
  `‖μ c - μ_G‖²`) of its class mean;
* NC2 `SimplexETF`: the centred class means `M c = μ c - μ_G` (`centredMean`) have equal squared
  norms `r > 0` and the pairwise inner products `-r/(k - 1)` of a simplex equiangular tight frame;
* NC3 `SelfDuality`: the classifier weights are a positive multiple `s • M c` of the centred
  means;
* NC4 `NearestCentreDecision`: on every training feature, the classes the classifier picks
  (its maximisers, `ClassifierPicks`) are the classes whose mean is nearest
  (`NearestCentrePicks`).

Proved here, with biases that are equal in the frame centred at `μ_G`
(`b c + ⟪w c, μ_G⟫ = β`): equal norms (part of NC2) and NC3 give NC4 on every feature, collapsed
or not (`nearestCentreDecision_of_simplexETF_selfDuality`); with exact collapse (NC1 with
`ε = 0`) the classifier also picks exactly the training label (`classifierPicks_iff_label`). NC1
and NC3 without NC2 do not give NC4 (`nc1_nc3_not_nc4_sep` in `NeuralCollapseWitnesses`), so the
combination "NC1 ∧ NC3 ⇒ NC4" is false for Papyan's weights-only NC3.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Expressivity

section NeuralCollapse

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The vector sum `μ 0 + … + μ (k - 1)` of the class means. -/
def vsumRange (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) : Nat → V
  | 0 => E.zero
  | k + 1 => E.add (vsumRange E μ k) (μ k)

/-- The global mean `(1/k) ∑_{c<k} μ c` of `k` balanced classes. -/
def globalMean (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) (k : Nat) : V :=
  E.smul (1 / AxiomDL.natToScalar k) (vsumRange E μ k)

/-- The centred class mean `M c = μ c - μ_G`. -/
def centredMean (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) (k c : Nat) : V :=
  E.sub (μ c) (globalMean E μ k)

/-- The linear classifier `c ↦ ⟪w c, h⟫ + b c` picks class `c` at the feature `h`: `c` has a
largest score among the `k` classes (ties allowed). -/
def ClassifierPicks (E : AxiomDL.InnerProductSpace K V) (k : Nat) (w : Nat → V) (b : Nat → K)
    (c : Nat) (h : V) : Prop :=
  ∀ c' : Nat, c' < k → E.inner (w c') h + b c' ≤ E.inner (w c) h + b c

/-- The nearest-class-centre rule picks class `c` at the feature `h`: `μ c` is a nearest class
mean (ties allowed). -/
def NearestCentrePicks (E : AxiomDL.InnerProductSpace K V) (k : Nat) (μ : Nat → V) (c : Nat)
    (h : V) : Prop :=
  ∀ c' : Nat, c' < k → E.normSq (E.sub h (μ c)) ≤ E.normSq (E.sub h (μ c'))

/-- Assumption: NC1, within-class variability collapse with tolerance `ε ≥ 0`: for `k ≥ 2`
classes, every training feature `feat i` (label `label i < k`) is within squared distance
`ε ‖μ c - μ_G‖²` of its class mean `μ c`, `c = label i` (the class means are given as data;
`ε = 0` is exact collapse, where every feature equals its class mean).
Area: expressivity
Status: plausible
Evidence: Papyan et al. (2020) measure Tr(Σ_W Σ_B⁺)/C → 0 during the terminal phase on 7 datasets and 3 architectures; exact collapse is proved at the optimum of unconstrained-features models (Mixon et al. 2022; Zhu et al. 2021); collapse is weaker on test data (Hui et al. 2022) and in earlier layers.
Refs: Papyan, Han, Donoho, "Prevalence of neural collapse during the terminal phase of deep learning training" (PNAS 2020); Zhu et al., "A Geometric Analysis of Neural Collapse with Unconstrained Features" (NeurIPS 2021); Mixon, Parshall, Pi, "Neural collapse with unconstrained features" (Sampl. Theory Signal Process. Data Anal. 2022); Hui, Belkin, Nakkiran, "Limitations of Neural Collapse for Understanding Generalization in Deep Learning" (2022).
Probe: neural-collapse
-/
structure WithinClassCollapse {ι : Type w} (E : AxiomDL.InnerProductSpace K V) (k : Nat)
    (feat : ι → V) (label : ι → Nat) (μ : Nat → V) (ε : K) : Prop where
  /-- At least two classes. -/
  two_le : 2 ≤ k
  /-- Every label is a class. -/
  label_lt : ∀ i : ι, label i < k
  /-- The tolerance is nonnegative. -/
  eps_nonneg : 0 ≤ ε
  /-- Every feature is close to its class mean. -/
  collapse : ∀ i : ι,
    E.normSq (E.sub (feat i) (μ (label i))) ≤ ε * E.normSq (centredMean E μ k (label i))

/-- Assumption: NC2, the centred class means form a simplex equiangular tight frame: for `k ≥ 2`
classes, every `M c = μ c - μ_G` has squared norm `r` with `0 < r`, and distinct classes have
`⟪M c, M c'⟫ = -r/(k - 1)` (written `(k - 1) ⟪M c, M c'⟫ = -r`).
Area: expressivity
Status: refuted-in-regime
Evidence: Observed during the terminal phase with balanced classes (Papyan et al. 2020) and proved for the global optima of unconstrained-features models under cross-entropy and MSE (Zhu et al. 2021; Han et al. 2022); with imbalanced classes the minority means collapse together instead (minority collapse, Fang et al. 2021).
Refs: Papyan, Han, Donoho (PNAS 2020); Zhu et al. (NeurIPS 2021); Han, Papyan, Donoho, "Neural Collapse Under MSE Loss" (ICLR 2022); Fang, He, Long, Su, "Exploring deep neural networks via layer-peeled model: Minority collapse in imbalanced training" (PNAS 2021).
Probe: neural-collapse
-/
structure SimplexETF (E : AxiomDL.InnerProductSpace K V) (k : Nat) (μ : Nat → V) (r : K) :
    Prop where
  /-- At least two classes. -/
  two_le : 2 ≤ k
  /-- The common squared norm is positive. -/
  r_pos : 0 < r
  /-- Equal norms. -/
  equinorm : ∀ c : Nat, c < k → E.normSq (centredMean E μ k c) = r
  /-- Equal, maximally negative angles. -/
  equiangular : ∀ c c' : Nat, c < k → c' < k → c ≠ c' →
    (AxiomDL.natToScalar k - 1) * E.inner (centredMean E μ k c) (centredMean E μ k c') = -r

/-- Assumption: NC3, self-duality: the classifier weight of every class is a positive multiple
`w c = s • (μ c - μ_G)` of its centred class mean, with `0 < s` (Papyan's
`W / ‖W‖ = M / ‖M‖`; the biases are not constrained).
Area: expressivity
Status: plausible
Evidence: The distance between the normalised weights and the normalised centred means shrinks throughout the terminal phase in the experiments of Papyan et al. (2020), and self-duality holds at the optima of unconstrained-features models (Zhu et al. 2021); it is approximate at finite training time and fails with imbalanced classes (Fang et al. 2021).
Refs: Papyan, Han, Donoho (PNAS 2020); Zhu et al. (NeurIPS 2021); Fang, He, Long, Su (PNAS 2021).
Probe: neural-collapse
-/
structure SelfDuality (E : AxiomDL.InnerProductSpace K V) (k : Nat) (μ w : Nat → V) (s : K) :
    Prop where
  /-- The scale is positive. -/
  s_pos : 0 < s
  /-- The weights are the scaled centred means. -/
  dual : ∀ c : Nat, c < k → w c = E.smul s (centredMean E μ k c)

/-- Assumption: NC4, simplification to the nearest class centre: for `k ≥ 2` classes, on every
training feature `feat i` the classes that the linear classifier `⟪w c, h⟫ + b c` picks are
exactly the classes whose mean is nearest.
Area: expressivity
Status: plausible
Evidence: The mismatch between the network's decisions and the nearest-class-centre rule on the training set goes to zero in the terminal phase (Papyan et al. 2020); it follows from NC2 and NC3 with equal centred biases (`nearestCentreDecision_of_simplexETF_selfDuality`); on test data the two rules can disagree.
Refs: Papyan, Han, Donoho (PNAS 2020); Galanti, György, Hutter, "On the Role of Neural Collapse in Transfer Learning" (ICLR 2022).
Probe: neural-collapse
-/
structure NearestCentreDecision {ι : Type w} (E : AxiomDL.InnerProductSpace K V) (k : Nat)
    (feat : ι → V) (μ w : Nat → V) (b : Nat → K) : Prop where
  /-- At least two classes. -/
  two_le : 2 ≤ k
  /-- The classifier and the nearest-class-centre rule pick the same classes. -/
  agree : ∀ (i : ι) (c : Nat), c < k →
    (ClassifierPicks E k w b c (feat i) ↔ NearestCentrePicks E k μ c (feat i))

/-- With `k ≥ 2` classes, `k - 1 ≥ 1` as a scalar. -/
theorem one_le_natToScalar_sub_one {k : Nat} (hk : 2 ≤ k) :
    (1 : K) ≤ AxiomDL.natToScalar k - 1 := by
  obtain ⟨m, rfl⟩ : ∃ m, k = m + 2 := ⟨k - 2, by omega⟩
  have h1 : (AxiomDL.natToScalar (m + 1 + 1) : K) = AxiomDL.natToScalar (m + 1) + 1 :=
    AxiomDL.natToScalar_succ (m + 1)
  have h2 : (AxiomDL.natToScalar (m + 1) : K) = AxiomDL.natToScalar m + 1 :=
    AxiomDL.natToScalar_succ m
  have h0 : (0 : K) ≤ AxiomDL.natToScalar m := AxiomDL.natToScalar_nonneg m
  have e : (AxiomDL.natToScalar (m + 2) : K) = AxiomDL.natToScalar (m + 1 + 1) := rfl
  grind

/-- Two vectors at squared distance zero are equal. -/
theorem eq_of_normSq_sub_eq_zero (E : AxiomDL.InnerProductSpace K V) {x y : V}
    (h : E.normSq (E.sub x y) = 0) : x = y := by
  have h0 : E.sub x y = E.zero := E.eq_zero_of_normSq_eq_zero h
  have h1 : E.add (E.sub x y) y = x := E.sub_add_cancel x y
  rw [h0, E.zero_add y] at h1
  exact h1.symm

/-- Distances through a centre `G`:
`‖h - m‖² = ‖h - G‖² - 2⟪h - G, m - G⟫ + ‖m - G‖²`. -/
theorem normSq_sub_via_centre (E : AxiomDL.InnerProductSpace K V) (h m G : V) :
    E.normSq (E.sub h m)
      = E.normSq (E.sub h G) - 2 * E.inner (E.sub h G) (E.sub m G) + E.normSq (E.sub m G) := by
  have e1 : E.normSq (E.sub h m) = E.normSq h - 2 * E.inner h m + E.normSq m := E.normSq_sub h m
  have e2 : E.normSq (E.sub h G) = E.normSq h - 2 * E.inner h G + E.normSq G := E.normSq_sub h G
  have e3 : E.normSq (E.sub m G) = E.normSq m - 2 * E.inner m G + E.normSq G := E.normSq_sub m G
  have e4 : E.inner (E.sub h G) (E.sub m G) = E.inner h (E.sub m G) - E.inner G (E.sub m G) :=
    E.inner_sub_left h G (E.sub m G)
  have e5 : E.inner h (E.sub m G) = E.inner h m - E.inner h G := E.inner_sub_right h m G
  have e6 : E.inner G (E.sub m G) = E.inner G m - E.inner G G := E.inner_sub_right G m G
  have e7 : E.inner G m = E.inner m G := E.inner_comm G m
  have e8 : E.normSq G = E.inner G G := E.normSq_def G
  grind

/-- Under exact collapse (NC1 with `ε = 0`) every feature equals its class mean. -/
theorem WithinClassCollapse.feat_eq {ι : Type w} {E : AxiomDL.InnerProductSpace K V} {k : Nat}
    {feat : ι → V} {label : ι → Nat} {μ : Nat → V} (h : WithinClassCollapse E k feat label μ 0)
    (i : ι) : feat i = μ (label i) := by
  have h1 : E.normSq (E.sub (feat i) (μ (label i)))
      ≤ 0 * E.normSq (centredMean E μ k (label i)) := h.collapse i
  have h2 : 0 ≤ E.normSq (E.sub (feat i) (μ (label i))) := E.normSq_nonneg _
  have h3 : E.normSq (E.sub (feat i) (μ (label i))) = 0 := by grind
  exact eq_of_normSq_sub_eq_zero E h3

/-- NC1 with tolerance `ε` implies NC1 with every larger tolerance `ε'`. -/
theorem WithinClassCollapse.mono {ι : Type w} {E : AxiomDL.InnerProductSpace K V} {k : Nat}
    {feat : ι → V} {label : ι → Nat} {μ : Nat → V} {ε ε' : K}
    (h : WithinClassCollapse E k feat label μ ε) (hle : ε ≤ ε') :
    WithinClassCollapse E k feat label μ ε' := by
  have h0 : 0 ≤ ε := h.eps_nonneg
  refine ⟨h.two_le, h.label_lt, by grind, ?_⟩
  intro i
  have h1 := h.collapse i
  have h2 : 0 ≤ E.normSq (centredMean E μ k (label i)) := E.normSq_nonneg _
  have h3 : ε * E.normSq (centredMean E μ k (label i))
      ≤ ε' * E.normSq (centredMean E μ k (label i)) := AxiomDL.mul_le_mul_of_nonneg_right hle h2
  grind

/-- Features equal to their class means satisfy NC1 with `ε = 0`. -/
theorem withinClassCollapse_of_eq {ι : Type w} (E : AxiomDL.InnerProductSpace K V) {k : Nat}
    {feat : ι → V} {label : ι → Nat} {μ : Nat → V} (hk : 2 ≤ k) (hl : ∀ i, label i < k)
    (hfeat : ∀ i, feat i = μ (label i)) : WithinClassCollapse E k feat label μ 0 := by
  refine ⟨hk, hl, by grind, ?_⟩
  intro i
  rw [hfeat i, E.normSq_sub_self (μ (label i))]
  grind

/-- Under NC2, distinct centred class means have a negative inner product `-r/(k - 1)`. -/
theorem SimplexETF.inner_neg {E : AxiomDL.InnerProductSpace K V} {k : Nat} {μ : Nat → V} {r : K}
    (h : SimplexETF E k μ r) {c c' : Nat} (hc : c < k) (hc' : c' < k) (hne : c ≠ c') :
    E.inner (centredMean E μ k c) (centredMean E μ k c') < 0 := by
  have he := h.equiangular c c' hc hc' hne
  have hK : (1 : K) ≤ AxiomDL.natToScalar k - 1 := one_le_natToScalar_sub_one h.two_le
  have hr : 0 < r := h.r_pos
  by_cases hq : 0 ≤ E.inner (centredMean E μ k c) (centredMean E μ k c')
  · have hm : 0 ≤ (AxiomDL.natToScalar k - 1)
        * E.inner (centredMean E μ k c) (centredMean E μ k c') :=
      AxiomDL.mul_nonneg (by grind) hq
    grind
  · grind

/-- Under the equal norms of NC2, the squared distance to a class mean is
`‖x - μ c‖² = ‖x - μ_G‖² - 2⟪x - μ_G, M c⟫ + r`. -/
theorem SimplexETF.dist_eq {E : AxiomDL.InnerProductSpace K V} {k : Nat} {μ : Nat → V} {r : K}
    (h : SimplexETF E k μ r) {c : Nat} (hc : c < k) (x : V) :
    E.normSq (E.sub x (μ c)) = E.normSq (E.sub x (globalMean E μ k))
      - 2 * E.inner (E.sub x (globalMean E μ k)) (centredMean E μ k c) + r := by
  have h1 := normSq_sub_via_centre E x (μ c) (globalMean E μ k)
  have h2 : E.normSq (centredMean E μ k c) = r := h.equinorm c hc
  have h3 : centredMean E μ k c = E.sub (μ c) (globalMean E μ k) := rfl
  rw [h3] at h2 ⊢
  grind

/-- Under NC2 the class means are equidistant: `(k - 1) ‖μ c - μ c'‖² = 2 k r` for `c ≠ c'`. -/
theorem SimplexETF.dist_sq {E : AxiomDL.InnerProductSpace K V} {k : Nat} {μ : Nat → V} {r : K}
    (h : SimplexETF E k μ r) {c c' : Nat} (hc : c < k) (hc' : c' < k) (hne : c ≠ c') :
    (AxiomDL.natToScalar k - 1) * E.normSq (E.sub (μ c) (μ c'))
      = 2 * AxiomDL.natToScalar k * r := by
  have hd := h.dist_eq hc' (μ c)
  have hn : E.normSq (centredMean E μ k c) = r := h.equinorm c hc
  have he := h.equiangular c c' hc hc' hne
  have hM : centredMean E μ k c = E.sub (μ c) (globalMean E μ k) := rfl
  rw [← hM, hn] at hd
  rw [hd]
  grind

/-- Under NC3 with biases equal in the centred frame (`b c + ⟪w c, μ_G⟫ = β`), the score of a
class is `s ⟪M c, h - μ_G⟫ + β`. -/
theorem SelfDuality.score_eq {E : AxiomDL.InnerProductSpace K V} {k : Nat} {μ w : Nat → V}
    {b : Nat → K} {s β : K} (h3 : SelfDuality E k μ w s)
    (hb : ∀ c, c < k → b c + E.inner (w c) (globalMean E μ k) = β) {c : Nat} (hc : c < k)
    (x : V) :
    E.inner (w c) x + b c = s * E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) + β := by
  have hw : w c = E.smul s (centredMean E μ k c) := h3.dual c hc
  have hbc : b c + E.inner (w c) (globalMean E μ k) = β := hb c hc
  rw [hw] at hbc ⊢
  have e1 : E.inner (E.smul s (centredMean E μ k c)) x = s * E.inner (centredMean E μ k c) x :=
    E.inner_smul_left s (centredMean E μ k c) x
  have e2 : E.inner (E.smul s (centredMean E μ k c)) (globalMean E μ k)
      = s * E.inner (centredMean E μ k c) (globalMean E μ k) :=
    E.inner_smul_left s (centredMean E μ k c) (globalMean E μ k)
  have e3 : E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k))
      = E.inner (centredMean E μ k c) x - E.inner (centredMean E μ k c) (globalMean E μ k) :=
    E.inner_sub_right (centredMean E μ k c) x (globalMean E μ k)
  rw [e3]
  grind

end NeuralCollapse

end AxiomDL.Expressivity
