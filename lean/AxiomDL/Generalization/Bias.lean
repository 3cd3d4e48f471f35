import AxiomDL.Generalization.ImplicitBias
import AxiomDL.Generalization.Risk
import AxiomDL.Expressivity.Rescaling

/-!
# Generalisation: flat minima, max-margin bias and benign overfitting

* `FlatMinimaGeneralize` (contested): at the minima of the training loss, the generalisation
  gap is bounded by a positive constant times a sharpness measure. For ReLU networks with
  sharpness measured by the output-layer curvature, and a training loss and gap that depend
  only on the network function, rescaling (`AxiomDL.Expressivity.rescaling_changes_sharpness`)
  shows that the bound must then hold with the sharpness multiplied by `c * c` for every
  `c > 0` (`flatMinima_rescaled`), and hence that the gap of every minimum is at most `0`
  (`flatMinima_gap_nonpos`): the bound carries no information about generalisation.
* `MaxMarginBias`: on a finite, linearly separable, `±1`-labelled dataset, the direction of the
  gradient-descent iterates from zero on a margin loss `∑ ℓ(y ⟪w, x⟫)` (strictly decreasing
  `ℓ`, given by its derivative) approaches the hard-margin SVM solution `wstar`, which is
  nonzero (`MaxMarginBias.wstar_ne_zero`); the iterates are eventually nonzero
  (`MaxMarginBias.eventually_ne_zero`).
* `BenignOverfitting`: predictors that interpolate training data with noisy labels (noise
  level `σ² > 0`) while their excess risk tends to zero. They fit the training data better
  than the regression function itself by at least `σ²` (`BenignOverfitting.fits_noise`).
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section Bias

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: flat minima generalise: for every global minimum `θ` of the training loss `L`
(a minimum found by training), the generalisation gap is at most `C` times the sharpness, for
a constant `0 < C`.
Area: generalization
Status: contested
Evidence: Sharpness correlates with the generalisation gap across large- and small-batch training (Keskar et al. 2017; Jiang et al. 2020), but sharpness is not reparameterisation-invariant: rescaling ReLU layers leaves the function unchanged while making the minimum arbitrarily sharp or flat (Dinh et al. 2017; formally `AxiomDL.Generalization.flatMinima_gap_nonpos`), and adaptive sharpness correlates only weakly (Andriushchenko et al. 2023).
Refs: Hochreiter, Schmidhuber (1997); Keskar et al. (ICLR 2017); Dinh, Pascanu, Bengio, Bengio (ICML 2017); Jiang et al. (ICLR 2020); Andriushchenko et al. (ICML 2023).
Probe: rescaling-sharpness
-/
structure FlatMinimaGeneralize {Θ : Type v} (L sharp gap : Θ → K) (C : K) : Prop where
  /-- The constant is positive. -/
  const_pos : 0 < C
  /-- At a minimum of the training loss, the gap is bounded by the sharpness. -/
  bound : ∀ θ, (∀ θ', L θ ≤ L θ') → gap θ ≤ C * sharp θ

/-- Witness: over `Rat`, a gap of `1` at a sharpness of `2` with `C = 1` (every parameter of
a constant training loss is a minimum). -/
theorem flatMinimaGeneralize_witness :
    FlatMinimaGeneralize (fun (_ : Unit) => (0 : Rat)) (fun _ => 2) (fun _ => 1) 1 := by
  refine ⟨by grind, fun θ _ => ?_⟩
  show (1 : Rat) ≤ 1 * 2
  grind

/-- The output-layer curvature is a sum of squares, hence nonnegative. -/
theorem outputCurvature_nonneg (net : List (Expressivity.Neuron K)) (x : K) :
    0 ≤ Expressivity.outputCurvature net x := by
  induction net with
  | nil =>
    show (0 : K) ≤ 0
    grind
  | cons u us ih =>
    have h1 : 0 ≤ Expressivity.relu (u.w * x + u.b) * Expressivity.relu (u.w * x + u.b) :=
      AxiomDL.mul_self_nonneg _
    show 0 ≤ Expressivity.relu (u.w * x + u.b) * Expressivity.relu (u.w * x + u.b)
      + Expressivity.outputCurvature us x
    grind

/-- The rescaling objection, formally: if flat minima generalise for 1-D ReLU networks with
sharpness the output-layer curvature at `x₀`, and the training loss and the gap depend only on
the network function, then at every minimum `net` and for every `c > 0` the gap is bounded by
`C * (c * c * curvature)`. -/
theorem flatMinima_rescaled {L gap : List (Expressivity.Neuron K) → K} {C x₀ : K}
    (hflat : FlatMinimaGeneralize L (fun net => Expressivity.outputCurvature net x₀) gap C)
    (hfun : ∀ net net' : List (Expressivity.Neuron K),
      (∀ x, Expressivity.shallowEval net x = Expressivity.shallowEval net' x) → gap net = gap net')
    (hL : ∀ net net' : List (Expressivity.Neuron K),
      (∀ x, Expressivity.shallowEval net x = Expressivity.shallowEval net' x) → L net = L net')
    (net : List (Expressivity.Neuron K)) (hmin : ∀ net', L net ≤ L net') {c : K} (hc : 0 < c) :
    gap net ≤ C * (c * c * Expressivity.outputCurvature net x₀) := by
  have hsame : ∀ x, Expressivity.shallowEval (Expressivity.rescaleNet c net) x
      = Expressivity.shallowEval net x :=
    fun x => Expressivity.shallowEval_rescaleNet hc net x
  have heq : gap (Expressivity.rescaleNet c net) = gap net := hfun _ _ hsame
  have hLeq : L (Expressivity.rescaleNet c net) = L net := hL _ _ hsame
  have hmin' : ∀ net', L (Expressivity.rescaleNet c net) ≤ L net' := by
    intro net'
    rw [hLeq]
    exact hmin net'
  have hb : gap (Expressivity.rescaleNet c net)
      ≤ C * Expressivity.outputCurvature (Expressivity.rescaleNet c net) x₀ :=
    hflat.bound (Expressivity.rescaleNet c net) hmin'
  have hcurv : Expressivity.outputCurvature (Expressivity.rescaleNet c net) x₀
      = c * c * Expressivity.outputCurvature net x₀ :=
    Expressivity.outputCurvature_rescaleNet hc net x₀
  rw [heq, hcurv] at hb
  exact hb

/-- For `0 ≤ a` and `0 < b` some `c > 0` has `c * c * a < b` (take `c = b / (a + b)`). -/
theorem exists_pos_sq_mul_lt {a b : K} (ha : 0 ≤ a) (hb : 0 < b) :
    ∃ c : K, 0 < c ∧ c * c * a < b := by
  have hab : 0 < a + b := by grind
  have hne : a + b ≠ 0 := by grind
  obtain ⟨c, hc⟩ : ∃ c : K, c = b / (a + b) := ⟨_, rfl⟩
  have hcan : (a + b) * c = b := by
    rw [hc]
    exact AxiomDL.mul_div_cancel_left hne
  have hcpos : 0 < c := by
    have h1 : b / (a + b) = b * (1 / (a + b)) := AxiomDL.div_eq_mul_one_div b (a + b)
    have h2 : 0 < b * (1 / (a + b)) := AxiomDL.mul_pos hb (AxiomDL.one_div_pos hab)
    rw [hc, h1]
    exact h2
  clear hc
  have hbc : 0 < b * c := AxiomDL.mul_pos hb hcpos
  have hca : 0 ≤ c * a := AxiomDL.mul_nonneg (by grind) ha
  have hexp : c * a + b * c = b := by grind
  have hc1 : c ≤ 1 := by
    have h1 : b * c ≤ b * 1 := by grind
    exact AxiomDL.le_of_mul_le_mul_left h1 hb
  have hcc : c * (c * a) ≤ 1 * (c * a) := AxiomDL.mul_le_mul_of_nonneg_right hc1 hca
  have h3 : c * (c * a) ≤ c * a := by grind
  have h4 : c * a < b := by grind
  have e : c * c * a = c * (c * a) := by grind
  refine ⟨c, hcpos, ?_⟩
  rw [e]
  grind

/-- The rescaling objection, to the end: under the hypotheses of `flatMinima_rescaled`, the
generalisation gap of every minimum is at most `0`, whatever the network. The flat-minima
bound with the (non-invariant) output curvature as sharpness can therefore only hold for gaps
that carry no information. -/
theorem flatMinima_gap_nonpos {L gap : List (Expressivity.Neuron K) → K} {C x₀ : K}
    (hflat : FlatMinimaGeneralize L (fun net => Expressivity.outputCurvature net x₀) gap C)
    (hfun : ∀ net net' : List (Expressivity.Neuron K),
      (∀ x, Expressivity.shallowEval net x = Expressivity.shallowEval net' x) → gap net = gap net')
    (hL : ∀ net net' : List (Expressivity.Neuron K),
      (∀ x, Expressivity.shallowEval net x = Expressivity.shallowEval net' x) → L net = L net')
    (net : List (Expressivity.Neuron K)) (hmin : ∀ net', L net ≤ L net') : gap net ≤ 0 := by
  by_cases hg : gap net ≤ 0
  · exact hg
  · exfalso
    have hgpos : 0 < gap net := by grind
    have hC : 0 ≤ C := by
      have h := hflat.const_pos
      grind
    have ha : 0 ≤ C * Expressivity.outputCurvature net x₀ :=
      AxiomDL.mul_nonneg hC (outputCurvature_nonneg net x₀)
    obtain ⟨c, hcpos, hlt⟩ := exists_pos_sq_mul_lt ha hgpos
    have hb : gap net ≤ C * (c * c * Expressivity.outputCurvature net x₀) :=
      flatMinima_rescaled hflat hfun hL net hmin hcpos
    have e : C * (c * c * Expressivity.outputCurvature net x₀)
        = c * c * (C * Expressivity.outputCurvature net x₀) := by grind
    rw [e] at hb
    clear hflat hfun hL hmin
    grind

/-- The gradient `∑ ℓ'(y ⟪w, x⟫) y • x` of the margin loss `∑ ℓ(y ⟪w, x⟫)` over the data, for a
loss given by its derivative `dℓ`. -/
def marginGrad {V : Type v} (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    (dℓ : K → K) (w : V) : V :=
  AxiomDL.combo E data (fun p => dℓ (p.2 * E.inner w p.1) * p.2)

/-- Assumption: max-margin implicit bias of gradient descent on separable data: for a nonempty
dataset with labels `±1`, a margin loss `∑ ℓ(y ⟪w, x⟫)` with `ℓ` strictly decreasing (its
derivative `dℓ` is negative), a step `0 < η`, and the hard-margin SVM solution `wstar` (it
separates the data with margin `y ⟪wstar, x⟫ ≥ 1` and has the least norm among such
separators), the gradient-descent iterates `w t` from zero align with `wstar` in the
squared-cosine sense: for every `ε > 0`, eventually `⟪w t, wstar⟫ > 0` and
`(1 - ε) ‖w t‖² ‖wstar‖² ≤ ⟪w t, wstar⟫²`. The exponential tail of `ℓ` and the step-size bound
that the theorem needs are not expressible in core Lean (no `exp`); they are part of the
hypothesis, which is established only for such losses and steps.
Area: generalization
Status: established
Evidence: A theorem for linearly separable data and losses with exponential tails, with a logarithmically slow rate (Soudry et al. 2018; Ji, Telgarsky 2019); for homogeneous networks only convergence to a KKT point of the margin problem is known (Lyu, Li 2020).
Refs: Soudry, Hoffer, Nacson, Gunasekar, Srebro (JMLR 2018); Ji, Telgarsky (COLT 2019); Lyu, Li (ICLR 2020).
-/
structure MaxMarginBias {V : Type v} (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    (dℓ : K → K) (η : K) (wstar : V) : Prop where
  /-- The step size is positive. -/
  step_pos : 0 < η
  /-- The loss is strictly decreasing in the margin. -/
  loss_decreasing : ∀ u, dℓ u < 0
  /-- The dataset is nonempty. -/
  data_ne_nil : data ≠ []
  /-- The labels are `±1`. -/
  labels : ∀ p ∈ data, p.2 = 1 ∨ p.2 = -1
  /-- `wstar` separates the data with margin at least one (so the data are separable). -/
  separates : ∀ p ∈ data, 1 ≤ p.2 * E.inner wstar p.1
  /-- `wstar` has the least norm among margin-one separators: it is the max-margin
  direction. -/
  max_margin : ∀ v, (∀ p ∈ data, 1 ≤ p.2 * E.inner v p.1) → E.normSq wstar ≤ E.normSq v
  /-- Directional convergence of GD from zero, in the squared-cosine form. -/
  aligns : ∀ ε : K, 0 < ε → ∃ T : Nat, ∀ t, T ≤ t →
    0 < E.inner (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t) wstar ∧
      (1 - ε) * (E.normSq (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t)
          * E.normSq wstar)
        ≤ E.inner (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t) wstar
          * E.inner (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t) wstar

/-- A nonempty list has an element. -/
theorem exists_mem_of_ne_nil {α : Type w} {l : List α} (hl : l ≠ []) : ∃ a, a ∈ l := by
  cases l with
  | nil => exact absurd rfl hl
  | cons a as => exact ⟨a, List.mem_cons.mpr (Or.inl rfl)⟩

/-- Under the max-margin bias the max-margin direction is not the zero vector. -/
theorem MaxMarginBias.wstar_ne_zero {V : Type v} {E : AxiomDL.InnerProductSpace K V}
    {data : List (V × K)} {dℓ : K → K} {η : K} {wstar : V}
    (h : MaxMarginBias E data dℓ η wstar) : wstar ≠ E.zero := by
  intro hw
  obtain ⟨p, hp⟩ := exists_mem_of_ne_nil h.data_ne_nil
  have h1 : 1 ≤ p.2 * E.inner wstar p.1 := h.separates p hp
  have h2 : E.inner wstar p.1 = 0 := by
    rw [hw]
    exact E.inner_zero_left p.1
  rw [h2] at h1
  grind

/-- Under the max-margin bias the gradient-descent iterates are eventually nonzero. -/
theorem MaxMarginBias.eventually_ne_zero {V : Type v} {E : AxiomDL.InnerProductSpace K V}
    {data : List (V × K)} {dℓ : K → K} {η : K} {wstar : V}
    (h : MaxMarginBias E data dℓ η wstar) :
    ∃ T : Nat, ∀ t, T ≤ t → AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t ≠ E.zero := by
  have hone : (0 : K) < 1 := by grind
  obtain ⟨T, hT⟩ := h.aligns 1 hone
  refine ⟨T, fun t ht hz => ?_⟩
  have hpos : 0 < E.inner (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t) wstar :=
    (hT t ht).1
  have h0 : E.inner (AxiomDL.gdIter E (marginGrad E data dℓ) η E.zero t) wstar = 0 := by
    rw [hz]
    exact E.inner_zero_left wstar
  grind

/-- The squared loss of the predictor `f` on the example `(x, y)`. -/
def sqErr {X : Type v} (f : X → K) (p : X × K) : K := (f p.1 - p.2) * (f p.1 - p.2)

/-- Assumption: benign overfitting for the regression function `fstar` under the input
distribution `D`: at every sample size `n` the predictor `f n` interpolates the training data
`data n` (`n` examples), whose labels are noisy (their mean squared deviation from `fstar` is
at least the noise level `σ² > 0` for `n ≥ 1`), and yet the excess risk
`E_D[(f n - fstar)²]` (the excess squared-loss risk when the label noise has mean zero given
`x`) tends to zero. How `data n` is sampled and how `f n` is trained are not modelled.
Area: generalization
Status: plausible
Evidence: Proved for minimum-norm interpolation in linear regression when the covariance has suitable effective ranks (Bartlett et al. 2020) and for some two-layer networks on well-separated data (Frei et al. 2022); with isotropic or low-dimensional features the overfitting is harmful (catastrophic), and for many settings it is only tempered (Mallinar et al. 2022).
Refs: Bartlett, Long, Lugosi, Tsigler (PNAS 2020); Belkin, Hsu, Ma, Mandal (PNAS 2019); Frei, Chatterji, Bartlett (COLT 2022); Mallinar et al. (NeurIPS 2022).
-/
structure BenignOverfitting {X : Type v} (D : Expectation K X) (fstar : X → K)
    (data : Nat → List (X × K)) (f : Nat → X → K) (σ2 : K) : Prop where
  /-- The noise level is positive. -/
  noise_pos : 0 < σ2
  /-- There are `n` training examples at sample size `n`. -/
  length_eq : ∀ n, (data n).length = n
  /-- The predictor interpolates the training data. -/
  interpolates : ∀ n, ∀ p ∈ data n, f n p.1 = p.2
  /-- The training labels are noisy. -/
  noisy : ∀ n, 0 < n → σ2 ≤ empRisk sqErr fstar (data n)
  /-- The excess risk tends to zero. -/
  excess_tendsto : ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n →
    D.E (fun x => (f n x - fstar x) * (f n x - fstar x)) ≤ ε

/-- Under benign overfitting the excess risk of the interpolating predictor is nonnegative and
eventually below every `ε > 0`. -/
theorem BenignOverfitting.excess_vanishes {X : Type v} {D : Expectation K X} {fstar : X → K}
    {data : Nat → List (X × K)} {f : Nat → X → K} {σ2 : K}
    (h : BenignOverfitting D fstar data f σ2) :
    ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n →
      0 ≤ D.E (fun x => (f n x - fstar x) * (f n x - fstar x)) ∧
        D.E (fun x => (f n x - fstar x) * (f n x - fstar x)) ≤ ε := by
  intro ε hε
  obtain ⟨N, hN⟩ := h.excess_tendsto ε hε
  refine ⟨N, fun n hn => ⟨?_, hN n hn⟩⟩
  exact D.nonneg _ (fun x => AxiomDL.mul_self_nonneg (f n x - fstar x))

/-- Under benign overfitting the interpolating predictor has zero training error. -/
theorem BenignOverfitting.trainError_eq_zero {X : Type v} {D : Expectation K X} {fstar : X → K}
    {data : Nat → List (X × K)} {f : Nat → X → K} {σ2 : K}
    (h : BenignOverfitting D fstar data f σ2) (n : Nat) : empRisk sqErr (f n) (data n) = 0 := by
  apply AxiomDL.Generalization.empRisk_eq_zero
  intro p hp
  have hfit : f n p.1 = p.2 := h.interpolates n p hp
  show (f n p.1 - p.2) * (f n p.1 - p.2) = 0
  rw [hfit]
  grind

/-- Benign overfitting fits the noise: on every nonempty training set the interpolating
predictor's training error is below the regression function's by at least `σ² > 0`. -/
theorem BenignOverfitting.fits_noise {X : Type v} {D : Expectation K X} {fstar : X → K}
    {data : Nat → List (X × K)} {f : Nat → X → K} {σ2 : K}
    (h : BenignOverfitting D fstar data f σ2) {n : Nat} (hn : 0 < n) :
    empRisk sqErr (f n) (data n) + σ2 ≤ empRisk sqErr fstar (data n) := by
  have h0 : empRisk sqErr (f n) (data n) = 0 := h.trainError_eq_zero n
  have h1 : σ2 ≤ empRisk sqErr fstar (data n) := h.noisy n hn
  grind

end Bias

end AxiomDL.Generalization
