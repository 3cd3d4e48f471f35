import AxiomDL.Expressivity.NeuralCollapseDecision
import AxiomDL.Foundations.Models

/-!
# Neural collapse: witnesses and separations over `Rat`

All models live on the 1-D space `selfSpace` (`ratSpace` over `Rat`).

* Two classes with means `μ 0 = 1`, `μ 1 = -1` (`twoMeans`): the global mean is `0`, so the
  centred means are `±1`, the 2-class simplex ETF with `r = 1` (`(2 - 1) · (1 · (-1)) = -1`).
  With exactly collapsed features `feat i = μ (i % 2)` and the self-dual classifier, all four
  properties hold at once. With features `μ c ± 1/2` (`spreadFeat`, two examples per class, so
  the class means are exact) NC1 holds with `ε = 1/4` but not with `ε = 1/8`, while NC4 still
  holds (it follows from NC2 and NC3).
* Three classes with means `0, 1, 5` (`threeMeans`): global mean `2`, centred means
  `-2, -1, 3`, not of equal norm, so not an ETF. With collapsed features and the self-dual
  classifier, the classifier picks class `0` (score `2`) at the mean of class `1` (score `1`),
  whose nearest centre is itself: NC1 and NC3 without NC4.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Models

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Two class means `μ 0 = 1`, `μ c = -1` for `c ≥ 1`. -/
def twoMeans : Nat → K
  | 0 => 1
  | _ + 1 => -1

/-- The class of a Boolean tag: `true ↦ 0`, `false ↦ 1`. -/
def boolClass : Bool → Nat
  | true => 0
  | false => 1

/-- The deviation `±1/2` of a Boolean tag. -/
def halfDev : Bool → K
  | true => 1 / 2
  | false => -(1 / 2)

/-- Four examples, two per class: `(class tag, deviation tag)`. -/
def spreadLabel (p : Bool × Bool) : Nat :=
  boolClass p.1

/-- The feature `μ c ± 1/2` of an example; each class mean is exact. -/
def spreadFeat (p : Bool × Bool) : K :=
  twoMeans (spreadLabel p) + halfDev p.2

/-- Three class means `0, 1, 5` (classes `0, 1, 2`). -/
def threeMeans : Nat → K
  | 0 => 0
  | 1 => 1
  | _ + 2 => 5

/-- The global mean of `twoMeans` over two classes is `0`. -/
theorem twoMeans_globalMean : globalMean (AxiomDL.selfSpace (K := K)) twoMeans 2 = 0 := by
  show 1 / ((0 : K) + 1 + 1) * (0 + 1 + -1) = 0
  have h2 : (0 : K) + 1 + 1 = 2 := by grind
  rw [h2]
  grind

/-- The centred means of `twoMeans` are the means themselves. -/
theorem twoMeans_centred (c : Nat) :
    centredMean (AxiomDL.selfSpace (K := K)) twoMeans 2 c = twoMeans c := by
  show twoMeans c - globalMean AxiomDL.selfSpace twoMeans 2 = twoMeans c
  rw [twoMeans_globalMean]
  grind

/-- `(μ c)² = 1` for `twoMeans`. -/
theorem twoMeans_sq (c : Nat) : (twoMeans c : K) * twoMeans c = 1 := by
  cases c with
  | zero =>
    show (1 : K) * 1 = 1
    grind
  | succ m =>
    show (-1 : K) * -1 = 1
    grind

/-- The deviations have square `1/4`. -/
theorem halfDev_sq (d : Bool) : (halfDev d : K) * halfDev d = 1 / 4 := by
  cases d with
  | false =>
    show (-(1 / 2) : K) * -(1 / 2) = 1 / 4
    grind
  | true =>
    show (1 / 2 : K) * (1 / 2) = 1 / 4
    grind

/-- Every Boolean tag names one of two classes. -/
theorem boolClass_lt (d : Bool) : boolClass d < 2 := by
  cases d with
  | false =>
    show 1 < 2
    omega
  | true =>
    show 0 < 2
    omega

/-- Witness: the centred means `±1` of `twoMeans` form the 2-class simplex ETF with `r = 1`. -/
theorem twoMeans_simplexETF : SimplexETF (AxiomDL.selfSpace (K := K)) 2 twoMeans 1 := by
  refine ⟨by omega, by grind, ?_, ?_⟩
  · intro c _
    rw [twoMeans_centred]
    exact twoMeans_sq c
  · intro c c' hc hc' hne
    rw [twoMeans_centred, twoMeans_centred]
    have e2 : (AxiomDL.natToScalar 2 : K) = 0 + 1 + 1 := rfl
    have hcases : (c = 0 ∧ c' = 1) ∨ (c = 1 ∧ c' = 0) := by omega
    rcases hcases with ⟨h0, h1⟩ | ⟨h0, h1⟩
    · subst h0
      subst h1
      show (AxiomDL.natToScalar 2 - 1) * ((1 : K) * -1) = -1
      grind
    · subst h0
      subst h1
      show (AxiomDL.natToScalar 2 - 1) * ((-1 : K) * 1) = -1
      grind

/-- With the spread features `μ c ± 1/2`, NC1 holds with `ε = 1/4`. -/
theorem spread_withinClassCollapse :
    WithinClassCollapse (AxiomDL.selfSpace (K := K)) 2 spreadFeat spreadLabel twoMeans (1 / 4) := by
  refine ⟨by omega, fun p => boolClass_lt p.1, by grind, ?_⟩
  intro p
  rw [twoMeans_centred]
  have hd := halfDev_sq (K := K) p.2
  have hm := twoMeans_sq (K := K) (spreadLabel p)
  show (twoMeans (spreadLabel p) + halfDev p.2 - twoMeans (spreadLabel p))
      * (twoMeans (spreadLabel p) + halfDev p.2 - twoMeans (spreadLabel p))
      ≤ 1 / 4 * (twoMeans (spreadLabel p) * twoMeans (spreadLabel p))
  grind

/-- With the spread features, NC1 fails with `ε = 1/8`: the example `(true, true)` is at squared
distance `1/4` from its class mean, and `1/8 · ‖M 0‖² = 1/8`. -/
theorem spread_not_withinClassCollapse :
    ¬ WithinClassCollapse (AxiomDL.selfSpace (K := K)) 2 spreadFeat spreadLabel twoMeans (1 / 8) := by
  intro h
  have h1 := h.collapse (true, true)
  rw [twoMeans_centred] at h1
  have hv : (1 + 1 / 2 - 1) * (1 + 1 / 2 - 1) ≤ (1 / 8 : K) * (1 * 1) := h1
  grind

/-- The global mean of `threeMeans` over three classes is `2`. -/
theorem threeMeans_globalMean : globalMean (AxiomDL.selfSpace (K := K)) threeMeans 3 = 2 := by
  show 1 / ((0 : K) + 1 + 1 + 1) * (0 + 0 + 1 + 5) = 2
  have h3 : (0 : K) + 1 + 1 + 1 = 3 := by grind
  rw [h3]
  grind

/-- The centred mean of class `c` of `threeMeans` is `μ c - 2`. -/
theorem threeMeans_centred (c : Nat) :
    centredMean (AxiomDL.selfSpace (K := K)) threeMeans 3 c = threeMeans c - 2 := by
  show threeMeans c - globalMean AxiomDL.selfSpace threeMeans 3 = threeMeans c - 2
  rw [threeMeans_globalMean]

/-- The centred means `-2, -1, 3` of `threeMeans` do not have equal norms: no simplex ETF. -/
theorem threeMeans_not_simplexETF :
    ¬ ∃ r : K, SimplexETF (AxiomDL.selfSpace (K := K)) 3 threeMeans r := by
  intro hex
  obtain ⟨r, h⟩ := hex
  have h0 := h.equinorm 0 (by omega)
  have h1 := h.equinorm 1 (by omega)
  rw [threeMeans_centred] at h0
  rw [threeMeans_centred] at h1
  have v0 : ((0 : K) - 2) * (0 - 2) = r := h0
  have v1 : ((1 : K) - 2) * (1 - 2) = r := h1
  grind

/-- The self-dual classifier on `threeMeans` (scale `1`, centred biases `0`) scores class `0`
above class `1` at the mean of class `1`. -/
theorem threeMeans_classifier_not_picks :
    ¬ ClassifierPicks (AxiomDL.selfSpace (K := K)) 3
      (selfDualClassifier AxiomDL.selfSpace threeMeans 3 1)
      (centredBias AxiomDL.selfSpace threeMeans 3 1 0) 1 (threeMeans 1) := by
  intro hp
  have h3 := selfDuality_selfDualClassifier (AxiomDL.selfSpace (K := K)) threeMeans 3
    (s := 1) (by grind)
  have hb := fun c (_ : c < 3) => centredBias_spec (AxiomDL.selfSpace (K := K)) threeMeans 3 1 0 c
  have hle := hp 0 (by omega)
  rw [h3.score_eq hb (by omega : 0 < 3), h3.score_eq hb (by omega : 1 < 3)] at hle
  rw [threeMeans_centred, threeMeans_centred, threeMeans_globalMean] at hle
  have hv : (1 : K) * ((0 - 2) * (1 - 2)) + 0 ≤ 1 * ((1 - 2) * (1 - 2)) + 0 := hle
  grind

end Models

/-- Witness: over `Rat`, the four properties of neural collapse hold at once for two classes on
the 1-D space: features `μ (i % 2)` collapsed onto the class means `μ 0 = 1`, `μ 1 = -1`
(NC1 with `ε = 0`), centred means `±1` forming the simplex ETF with `r = 1 > 0` (NC2), the
self-dual classifier with scale `s = 1 > 0` (NC3), centred biases `0` (`b c + ⟪w c, μ_G⟫ = 0`,
the bias hypothesis of the covered theorems), and the nearest-class-centre decision (NC4).
Covers: AxiomDL.Expressivity.nearestCentreDecision_of_simplexETF_selfDuality AxiomDL.Expressivity.classifierPicks_iff_nearestCentrePicks AxiomDL.Expressivity.classifierPicks_centre_iff AxiomDL.Expressivity.classifierPicks_iff_label AxiomDL.Expressivity.WithinClassCollapse.feat_eq AxiomDL.Expressivity.SimplexETF.inner_neg AxiomDL.Expressivity.SimplexETF.dist_eq AxiomDL.Expressivity.SimplexETF.dist_sq AxiomDL.Expressivity.SelfDuality.score_eq -/
theorem neuralCollapse_joint_witness_rat :
    WithinClassCollapse AxiomDL.ratSpace 2 (fun i : Nat => twoMeans (i % 2)) (fun i => i % 2)
        twoMeans 0 ∧
      SimplexETF AxiomDL.ratSpace 2 twoMeans 1 ∧
      SelfDuality AxiomDL.ratSpace 2 twoMeans (selfDualClassifier AxiomDL.ratSpace twoMeans 2 1) 1 ∧
      (∀ c : Nat, c < 2 → centredBias AxiomDL.ratSpace twoMeans 2 1 0 c
        + (AxiomDL.ratSpace).inner (selfDualClassifier AxiomDL.ratSpace twoMeans 2 1 c)
          (globalMean AxiomDL.ratSpace twoMeans 2) = 0) ∧
      NearestCentreDecision AxiomDL.ratSpace 2 (fun i : Nat => twoMeans (i % 2)) twoMeans
        (selfDualClassifier AxiomDL.ratSpace twoMeans 2 1)
        (centredBias AxiomDL.ratSpace twoMeans 2 1 0) :=
  ⟨withinClassCollapse_of_eq AxiomDL.ratSpace (by omega)
      (fun i => by show i % 2 < 2; omega) (fun _ => rfl),
    twoMeans_simplexETF,
    selfDuality_selfDualClassifier AxiomDL.ratSpace twoMeans 2 (by grind),
    fun c _ => centredBias_spec AxiomDL.ratSpace twoMeans 2 1 0 c,
    nearestCentreDecision_of_simplexETF_selfDuality AxiomDL.ratSpace twoMeans_simplexETF
      (selfDuality_selfDualClassifier AxiomDL.ratSpace twoMeans 2 (by grind))
      (fun c _ => centredBias_spec AxiomDL.ratSpace twoMeans 2 1 0 c) _⟩

/-- Witness: over `Rat`, NC1 holds with the positive tolerance `ε = 1/4` for features that are
not collapsed: two examples per class at `μ c ± 1/2`.
Covers: AxiomDL.Expressivity.WithinClassCollapse.mono -/
theorem withinClassCollapse_spread_witness_rat :
    WithinClassCollapse AxiomDL.ratSpace 2 spreadFeat spreadLabel twoMeans (1 / 4) :=
  spread_withinClassCollapse

/-- Separation: `SimplexETF` (NC2) does not imply `WithinClassCollapse` (NC1). Over `Rat`, the
class means `±1` form the 2-class simplex ETF, while the features `μ c ± 1/2` are at squared
distance `1/4` from their class means, more than NC1 with `ε = 1/8` allows. -/
theorem nc2_not_nc1_sep :
    SimplexETF AxiomDL.ratSpace 2 twoMeans 1 ∧
      ¬ WithinClassCollapse AxiomDL.ratSpace 2 spreadFeat spreadLabel twoMeans (1 / 8) :=
  ⟨twoMeans_simplexETF, spread_not_withinClassCollapse⟩

/-- Separation: `NearestCentreDecision` (NC4) does not imply `WithinClassCollapse` (NC1). Over
`Rat`, the self-dual classifier on the ETF means `±1` decides by the nearest class centre on the
uncollapsed features `μ c ± 1/2`, which violate NC1 with `ε = 1/8`. -/
theorem nc4_not_nc1_sep :
    NearestCentreDecision AxiomDL.ratSpace 2 spreadFeat twoMeans
        (selfDualClassifier AxiomDL.ratSpace twoMeans 2 1)
        (centredBias AxiomDL.ratSpace twoMeans 2 1 0) ∧
      ¬ WithinClassCollapse AxiomDL.ratSpace 2 spreadFeat spreadLabel twoMeans (1 / 8) :=
  ⟨nearestCentreDecision_of_simplexETF_selfDuality AxiomDL.ratSpace twoMeans_simplexETF
      (selfDuality_selfDualClassifier AxiomDL.ratSpace twoMeans 2 (by grind))
      (fun c _ => centredBias_spec AxiomDL.ratSpace twoMeans 2 1 0 c) spreadFeat,
    spread_not_withinClassCollapse⟩

/-- Separation: `WithinClassCollapse` (NC1) does not imply `SimplexETF` (NC2). Over `Rat`, three
classes with means `0, 1, 5` and features collapsed onto them satisfy NC1 with `ε = 0`, but the
centred means `-2, -1, 3` have unequal norms, so they form a simplex ETF for no `r`. -/
theorem nc1_not_nc2_sep :
    WithinClassCollapse AxiomDL.ratSpace 3 (fun i : Nat => threeMeans (i % 3)) (fun i => i % 3)
        threeMeans 0 ∧
      ¬ ∃ r : Rat, SimplexETF AxiomDL.ratSpace 3 threeMeans r :=
  ⟨withinClassCollapse_of_eq AxiomDL.ratSpace (by omega) (fun i => by show i % 3 < 3; omega)
      (fun _ => rfl), threeMeans_not_simplexETF⟩

/-- Separation: `WithinClassCollapse` (NC1) and `SelfDuality` (NC3), with biases equal in the
centred frame, do not imply `NearestCentreDecision` (NC4); equal norms (NC2) are what NC4 needs.
Over `Rat`, three classes with means `0, 1, 5`, collapsed features and the self-dual classifier
(scale `1`, centred biases `0`): at the mean of class `1` the nearest centre is class `1` but
the classifier scores class `0` higher. -/
theorem nc1_nc3_not_nc4_sep :
    (WithinClassCollapse AxiomDL.ratSpace 3 (fun i : Nat => threeMeans (i % 3)) (fun i => i % 3)
          threeMeans 0 ∧
        SelfDuality AxiomDL.ratSpace 3 threeMeans
          (selfDualClassifier AxiomDL.ratSpace threeMeans 3 1) 1 ∧
        ∀ c : Nat, c < 3 → centredBias AxiomDL.ratSpace threeMeans 3 1 0 c
          + (AxiomDL.ratSpace).inner (selfDualClassifier AxiomDL.ratSpace threeMeans 3 1 c)
            (globalMean AxiomDL.ratSpace threeMeans 3) = 0) ∧
      ¬ NearestCentreDecision AxiomDL.ratSpace 3 (fun i : Nat => threeMeans (i % 3)) threeMeans
        (selfDualClassifier AxiomDL.ratSpace threeMeans 3 1)
        (centredBias AxiomDL.ratSpace threeMeans 3 1 0) := by
  have hl : ∀ i : Nat, (fun i : Nat => i % 3) i < 3 := fun i => by
    show i % 3 < 3
    omega
  refine ⟨⟨withinClassCollapse_of_eq AxiomDL.ratSpace (by omega) hl (fun _ => rfl),
      selfDuality_selfDualClassifier AxiomDL.ratSpace threeMeans 3 (by grind),
      fun c _ => centredBias_spec AxiomDL.ratSpace threeMeans 3 1 0 c⟩, ?_⟩
  intro h4
  have hagree := h4.agree 1 1 (by omega)
  have hnear : NearestCentrePicks AxiomDL.ratSpace 3 threeMeans 1 (threeMeans 1) :=
    nearestCentrePicks_self AxiomDL.ratSpace 3 threeMeans 1
  exact threeMeans_classifier_not_picks (K := Rat) (hagree.mpr hnear)

end AxiomDL.Expressivity
