import AxiomDL.Generalization.ImplicitBias
import AxiomDL.Expressivity.Rescaling

/-!
# Generalisation: flat minima, max-margin bias and benign overfitting

* `FlatMinimaGeneralize` (contested): the generalisation gap is bounded by a constant times a
  sharpness measure. For ReLU networks with sharpness measured by the output-layer curvature
  and a gap that depends only on the network function, rescaling
  (`AxiomDL.Expressivity.rescaling_changes_sharpness`) shows that the bound must then hold with
  the sharpness multiplied by `c * c` for every `c > 0` (`flatMinima_rescaled`): the sharpness
  is not reparameterisation-invariant, so the bound cannot be informative.
* `MaxMarginBias`: on separable data, the direction of the gradient-descent iterates of
  logistic regression approaches the max-margin direction.
* `BenignOverfitting`: interpolating predictors whose excess risk is bounded by a vanishing
  bound, so that the excess risk itself vanishes (`BenignOverfitting.excess_vanishes`).
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section Bias

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: flat minima generalise: for every parameter `θ` (a minimum found by training),
the generalisation gap is at most `C` times the sharpness.
Area: generalization
Status: contested
Evidence: Sharpness correlates with the generalisation gap across large- and small-batch training (Keskar et al. 2017; Jiang et al. 2020), but sharpness is not reparameterisation-invariant: rescaling ReLU layers leaves the function unchanged while making the minimum arbitrarily sharp or flat (Dinh et al. 2017; formally `AxiomDL.Expressivity.rescaling_changes_sharpness`), and adaptive sharpness correlates only weakly (Andriushchenko et al. 2023).
Refs: Hochreiter, Schmidhuber (1997); Keskar et al. (ICLR 2017); Dinh, Pascanu, Bengio, Bengio (ICML 2017); Jiang et al. (ICLR 2020); Andriushchenko et al. (ICML 2023).
Probe: rescaling-sharpness
-/
structure FlatMinimaGeneralize {Θ : Type v} (sharp gap : Θ → K) (C : K) : Prop where
  /-- The gap is bounded by the sharpness. -/
  bound : ∀ θ, gap θ ≤ C * sharp θ

/-- Witness: a zero gap satisfies `FlatMinimaGeneralize` for any sharpness with `C = 0`. -/
theorem flatMinimaGeneralize_zero {Θ : Type v} (sharp : Θ → K) :
    FlatMinimaGeneralize sharp (fun _ => (0 : K)) 0 := by
  refine ⟨fun θ => ?_⟩
  show (0 : K) ≤ 0 * sharp θ
  grind

/-- Witness: `FlatMinimaGeneralize` over `Rat`. -/
example := flatMinimaGeneralize_zero (K := Rat) (fun (_ : Unit) => (1 : Rat))

/-- The rescaling objection, formally: if flat minima generalise for 1-D ReLU networks with
sharpness the output-layer curvature at `x₀`, and the gap depends only on the network function,
then for every `c > 0` the gap is bounded by `C * (c * c * curvature)`. Letting `c` shrink
makes the bound as small as desired for the same function. -/
theorem flatMinima_rescaled {gap : List (Expressivity.Neuron K) → K} {C x₀ : K}
    (hflat : FlatMinimaGeneralize (fun net => Expressivity.outputCurvature net x₀) gap C)
    (hfun : ∀ net net' : List (Expressivity.Neuron K),
      (∀ x, Expressivity.shallowEval net x = Expressivity.shallowEval net' x) → gap net = gap net')
    (net : List (Expressivity.Neuron K)) {c : K} (hc : 0 < c) :
    gap net ≤ C * (c * c * Expressivity.outputCurvature net x₀) := by
  have heq : gap (Expressivity.rescaleNet c net) = gap net :=
    hfun _ _ (fun x => Expressivity.shallowEval_rescaleNet hc net x)
  have hb : gap (Expressivity.rescaleNet c net)
      ≤ C * Expressivity.outputCurvature (Expressivity.rescaleNet c net) x₀ :=
    hflat.bound (Expressivity.rescaleNet c net)
  have hcurv : Expressivity.outputCurvature (Expressivity.rescaleNet c net) x₀
      = c * c * Expressivity.outputCurvature net x₀ :=
    Expressivity.outputCurvature_rescaleNet hc net x₀
  rw [heq, hcurv] at hb
  exact hb

/-- Assumption: max-margin implicit bias of gradient descent on separable logistic regression:
the iterates `w t` align with the max-margin direction `wstar` in the squared-cosine sense:
for every `ε > 0`, eventually `⟪w t, wstar⟫ ≥ 0` and
`(1 - ε) ‖w t‖² ‖wstar‖² ≤ ⟪w t, wstar⟫²`.
Area: generalization
Status: established
Evidence: A theorem for linearly separable data and losses with exponential tails, with a logarithmically slow rate (Soudry et al. 2018; Ji, Telgarsky 2019); for homogeneous networks only convergence to a KKT point of the margin problem is known (Lyu, Li 2020).
Refs: Soudry, Hoffer, Nacson, Gunasekar, Srebro (JMLR 2018); Ji, Telgarsky (COLT 2019); Lyu, Li (ICLR 2020).
-/
structure MaxMarginBias {V : Type v} (E : AxiomDL.InnerProductSpace K V) (w : Nat → V) (wstar : V) :
    Prop where
  /-- Directional convergence in the squared-cosine form. -/
  aligns : ∀ ε : K, 0 < ε → ∃ T : Nat, ∀ t, T ≤ t →
    0 ≤ E.inner (w t) wstar ∧
      (1 - ε) * (E.normSq (w t) * E.normSq wstar) ≤ E.inner (w t) wstar * E.inner (w t) wstar

/-- Witness: a constant sequence already at the max-margin direction satisfies `MaxMarginBias`
(in the 1-D space). -/
theorem maxMarginBias_const (a : K) : MaxMarginBias (AxiomDL.selfSpace (K := K)) (fun _ => a) a := by
  refine ⟨fun ε hε => ⟨0, fun t _ => ?_⟩⟩
  have ha : 0 ≤ a * a := AxiomDL.mul_self_nonneg a
  have haa : 0 ≤ (a * a) * (a * a) := AxiomDL.mul_nonneg ha ha
  have hm : 0 ≤ ε * ((a * a) * (a * a)) := AxiomDL.mul_nonneg (by grind) haa
  show 0 ≤ a * a ∧ (1 - ε) * ((a * a) * (a * a)) ≤ (a * a) * (a * a)
  constructor
  · exact ha
  · grind

/-- Witness: `MaxMarginBias` over `Rat`. -/
example := maxMarginBias_const (K := Rat) 1

/-- Assumption: benign overfitting: for sample size `n` the interpolating predictor has excess
risk at most `bound n`, and the bound vanishes as `n` grows (as it does under the
effective-rank conditions of Bartlett et al.).
Area: generalization
Status: plausible
Evidence: Proved for minimum-norm interpolation in linear regression when the covariance has suitable effective ranks (Bartlett et al. 2020) and for some two-layer networks on well-separated data (Frei et al. 2022); with isotropic or low-dimensional features the overfitting is harmful (catastrophic), and for many settings it is only tempered (Mallinar et al. 2022).
Refs: Bartlett, Long, Lugosi, Tsigler (PNAS 2020); Belkin, Hsu, Ma, Mandal (PNAS 2019); Frei, Chatterji, Bartlett (COLT 2022); Mallinar et al. (NeurIPS 2022).
-/
structure BenignOverfitting (excess bound : Nat → K) : Prop where
  /-- The excess risk is bounded by `bound n`. -/
  le_bound : ∀ n, excess n ≤ bound n
  /-- The bound vanishes. -/
  vanishes : ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n → bound n ≤ ε

/-- Under benign overfitting the excess risk of the interpolating predictor vanishes. -/
theorem BenignOverfitting.excess_vanishes {excess bound : Nat → K}
    (h : BenignOverfitting excess bound) :
    ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n → excess n ≤ ε := by
  intro ε hε
  obtain ⟨N, hN⟩ := h.vanishes ε hε
  refine ⟨N, fun n hn => ?_⟩
  have h1 : excess n ≤ bound n := h.le_bound n
  have h2 : bound n ≤ ε := hN n hn
  grind

/-- Witness: zero excess risk with a zero bound is benign. -/
theorem benignOverfitting_zero : BenignOverfitting (fun _ => (0 : K)) (fun _ => 0) := by
  refine ⟨fun n => ?_, fun ε hε => ⟨0, fun n _ => ?_⟩⟩
  · show (0 : K) ≤ 0
    grind
  · show (0 : K) ≤ ε
    grind

/-- Witness: `BenignOverfitting` over `Rat`. -/
example := benignOverfitting_zero (K := Rat)

end Bias

end AxiomDL.Generalization
