import AxiomDL.Expressivity.NeuralCollapse

/-!
# Neural collapse: the decision rule (NC2 ∧ NC3 ⇒ NC4)

With weights `w c = s • M c` (NC3) and biases equal in the frame centred at the global mean
(`b c + ⟪w c, μ_G⟫ = β`), the score of class `c` at a feature `x` is `s ⟪M c, x - μ_G⟫ + β`
(`SelfDuality.score_eq`); with equal norms `‖M c‖² = r` (NC2) the squared distance to `μ c` is
`‖x - μ_G‖² - 2⟪x - μ_G, M c⟫ + r` (`SimplexETF.dist_eq`). Both rules therefore maximise
`⟪M c, x - μ_G⟫`, so they pick the same classes at every feature
(`nearestCentreDecision_of_simplexETF_selfDuality`). Under exact collapse the feature of a
training example is its class mean `μ y`, where the score is `s r + β` for `y` and
`-s r/(k - 1) + β` for every other class, so the classifier picks exactly the label
(`classifierPicks_iff_label`): zero training error with a unique decision.

`selfDualClassifier` and `centredBias` build, for any class means, the classifier that satisfies
NC3 and the centred-bias condition by construction.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Expressivity

section Decision

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The self-dual weights `w c = s • (μ c - μ_G)`. -/
def selfDualClassifier (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) (k : Nat) (s : K)
    (c : Nat) : V :=
  E.smul s (centredMean E μ k c)

/-- The biases `b c = β - ⟪w c, μ_G⟫`, equal (to `β`) in the frame centred at `μ_G`. -/
def centredBias (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) (k : Nat) (s β : K)
    (c : Nat) : K :=
  β - E.inner (selfDualClassifier E μ k s c) (globalMean E μ k)

/-- The self-dual weights satisfy NC3 for every positive scale `s`. -/
theorem selfDuality_selfDualClassifier (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V)
    (k : Nat) {s : K} (hs : 0 < s) : SelfDuality E k μ (selfDualClassifier E μ k s) s :=
  ⟨hs, fun _ _ => rfl⟩

/-- The centred biases are equal in the centred frame: `b c + ⟪w c, μ_G⟫ = β`. -/
theorem centredBias_spec (E : AxiomDL.InnerProductSpace K V) (μ : Nat → V) (k : Nat) (s β : K)
    (c : Nat) :
    centredBias E μ k s β c + E.inner (selfDualClassifier E μ k s c) (globalMean E μ k) = β := by
  show β - E.inner (selfDualClassifier E μ k s c) (globalMean E μ k)
      + E.inner (selfDualClassifier E μ k s c) (globalMean E μ k) = β
  grind

/-- Under NC2 and NC3 with centred-equal biases, the classifier and the nearest-class-centre rule
pick the same classes at every feature `x`. -/
theorem classifierPicks_iff_nearestCentrePicks (E : AxiomDL.InnerProductSpace K V) {k : Nat}
    {μ w : Nat → V} {b : Nat → K} {r s β : K} (h2 : SimplexETF E k μ r)
    (h3 : SelfDuality E k μ w s) (hb : ∀ c, c < k → b c + E.inner (w c) (globalMean E μ k) = β)
    {c : Nat} (hc : c < k) (x : V) :
    ClassifierPicks E k w b c x ↔ NearestCentrePicks E k μ c x := by
  have hs : 0 < s := h3.s_pos
  have key : ∀ c' : Nat, c' < k → (E.inner (w c') x + b c' ≤ E.inner (w c) x + b c ↔
      E.normSq (E.sub x (μ c)) ≤ E.normSq (E.sub x (μ c'))) := by
    intro c' hc'
    have sc := h3.score_eq hb hc x
    have sc' := h3.score_eq hb hc' x
    have dc := h2.dist_eq hc x
    have dc' := h2.dist_eq hc' x
    have ic : E.inner (E.sub x (globalMean E μ k)) (centredMean E μ k c)
        = E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) := E.inner_comm _ _
    have ic' : E.inner (E.sub x (globalMean E μ k)) (centredMean E μ k c')
        = E.inner (centredMean E μ k c') (E.sub x (globalMean E μ k)) := E.inner_comm _ _
    constructor
    · intro hle
      have h1 : s * E.inner (centredMean E μ k c') (E.sub x (globalMean E μ k))
          ≤ s * E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) := by grind
      have h1' : E.inner (centredMean E μ k c') (E.sub x (globalMean E μ k))
          ≤ E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) :=
        AxiomDL.le_of_mul_le_mul_left h1 hs
      grind
    · intro hle
      have h1' : E.inner (centredMean E μ k c') (E.sub x (globalMean E μ k))
          ≤ E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) := by grind
      have h1 : s * E.inner (centredMean E μ k c') (E.sub x (globalMean E μ k))
          ≤ s * E.inner (centredMean E μ k c) (E.sub x (globalMean E μ k)) :=
        AxiomDL.mul_le_mul_of_nonneg_left h1' (by grind)
      grind
  constructor
  · intro hp
    show ∀ c' : Nat, c' < k → E.normSq (E.sub x (μ c)) ≤ E.normSq (E.sub x (μ c'))
    intro c' hc'
    exact (key c' hc').mp (hp c' hc')
  · intro hp
    show ∀ c' : Nat, c' < k → E.inner (w c') x + b c' ≤ E.inner (w c) x + b c
    intro c' hc'
    exact (key c' hc').mpr (hp c' hc')

/-- Discharge: NC2 (simplex ETF, of which only the equal norms are used) and NC3 (self-duality),
with biases equal in the frame centred at the global mean (`b c + ⟪w c, μ_G⟫ = β`), give NC4
for every family of features: the classifier decides by the nearest class centre. -/
theorem nearestCentreDecision_of_simplexETF_selfDuality {ι : Type w}
    (E : AxiomDL.InnerProductSpace K V) {k : Nat} {μ w : Nat → V} {b : Nat → K} {r s β : K}
    (h2 : SimplexETF E k μ r) (h3 : SelfDuality E k μ w s)
    (hb : ∀ c, c < k → b c + E.inner (w c) (globalMean E μ k) = β) (feat : ι → V) :
    NearestCentreDecision E k feat μ w b :=
  ⟨h2.two_le, fun i _ hc => classifierPicks_iff_nearestCentrePicks E h2 h3 hb hc (feat i)⟩

/-- Under NC2 and NC3 with centred-equal biases, at the class mean `μ y` the classifier picks
exactly the class `y`. -/
theorem classifierPicks_centre_iff (E : AxiomDL.InnerProductSpace K V) {k : Nat} {μ w : Nat → V}
    {b : Nat → K} {r s β : K} (h2 : SimplexETF E k μ r) (h3 : SelfDuality E k μ w s)
    (hb : ∀ c, c < k → b c + E.inner (w c) (globalMean E μ k) = β) {c y : Nat} (hc : c < k)
    (hy : y < k) : ClassifierPicks E k w b c (μ y) ↔ c = y := by
  have hsc : ∀ c', c' < k → E.inner (w c') (μ y) + b c'
      = s * E.inner (centredMean E μ k c') (centredMean E μ k y) + β :=
    fun c' hc' => h3.score_eq hb hc' (μ y)
  have hyy : E.inner (centredMean E μ k y) (centredMean E μ k y) = r := h2.equinorm y hy
  have hs : 0 < s := h3.s_pos
  have hr : 0 < r := h2.r_pos
  have hsr : 0 < s * r := AxiomDL.mul_pos hs hr
  constructor
  · intro hp
    by_cases hcy : c = y
    · exact hcy
    · have hle : E.inner (w y) (μ y) + b y ≤ E.inner (w c) (μ y) + b c := hp y hy
      rw [hsc y hy, hsc c hc, hyy] at hle
      have hneg : E.inner (centredMean E μ k c) (centredMean E μ k y) < 0 :=
        h2.inner_neg hc hy hcy
      have hm : s * E.inner (centredMean E μ k c) (centredMean E μ k y) < s * 0 :=
        AxiomDL.mul_lt_mul_of_pos_left hneg hs
      grind
  · intro hcy
    rw [hcy]
    show ∀ c' : Nat, c' < k → E.inner (w c') (μ y) + b c' ≤ E.inner (w y) (μ y) + b y
    intro c' hc'
    rw [hsc c' hc', hsc y hy, hyy]
    by_cases hc'y : c' = y
    · have hq : E.inner (centredMean E μ k c') (centredMean E μ k y) = r := by
        rw [hc'y]
        exact hyy
      have hm : s * E.inner (centredMean E μ k c') (centredMean E μ k y) = s * r := by
        rw [hq]
      grind
    · have hneg : E.inner (centredMean E μ k c') (centredMean E μ k y) < 0 :=
        h2.inner_neg hc' hy hc'y
      have hm : s * E.inner (centredMean E μ k c') (centredMean E μ k y) < s * 0 :=
        AxiomDL.mul_lt_mul_of_pos_left hneg hs
      grind

/-- Under exact within-class collapse (NC1 with `ε = 0`), NC2 and NC3 with centred-equal biases,
the classifier picks exactly the label of every training example: zero training error, and no
tie with another class. -/
theorem classifierPicks_iff_label {ι : Type w} (E : AxiomDL.InnerProductSpace K V) {k : Nat}
    {feat : ι → V} {label : ι → Nat} {μ w : Nat → V} {b : Nat → K} {r s β : K}
    (h1 : WithinClassCollapse E k feat label μ 0) (h2 : SimplexETF E k μ r)
    (h3 : SelfDuality E k μ w s) (hb : ∀ c, c < k → b c + E.inner (w c) (globalMean E μ k) = β)
    (i : ι) {c : Nat} (hc : c < k) : ClassifierPicks E k w b c (feat i) ↔ c = label i := by
  rw [h1.feat_eq i]
  exact classifierPicks_centre_iff E h2 h3 hb hc (h1.label_lt i)

/-- The mean of class `y` is a nearest class mean to itself (at squared distance `0`). -/
theorem nearestCentrePicks_self (E : AxiomDL.InnerProductSpace K V) (k : Nat) (μ : Nat → V)
    (y : Nat) : NearestCentrePicks E k μ y (μ y) := by
  show ∀ c' : Nat, c' < k → E.normSq (E.sub (μ y) (μ y)) ≤ E.normSq (E.sub (μ y) (μ c'))
  intro c' _
  rw [E.normSq_sub_self (μ y)]
  exact E.normSq_nonneg _

end Decision

end AxiomDL.Expressivity
