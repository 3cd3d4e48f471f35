import AxiomDL.Landscape.Witnesses
import AxiomDL.Landscape.WitnessesEoS

/-!
# Joint witnesses over `Rat`

A theorem whose hypotheses cannot hold together proves nothing. For every landscape theorem and
discharge with two or more assumptions, one of the witnesses below establishes all of them at
once for one concrete instance over `Rat`: the same space (`ratSpace`), loss (`f x = x²`),
gradient (`g x = 2x`) and constants, with every constant strictly inside its regime
(`L = μ = 2`, `f* = 0`, the nearest-point selection `proj x = 0`, noise level `σ² = 1` with
genuinely noisy samples `2x ± 1`). Each witness lists the theorems it covers in its `Covers:`
line. The numeric side conditions of the theorems (such as `L η ≤ 1` or `μ ≤ L`) are satisfiable
for these constants too (for example `η = 1/2`).
-/

set_option autoImplicit false

namespace AxiomDL

/-- Witness: the hypotheses of the gradient-descent and SGD theorems hold jointly over `Rat`: on
`ratSpace`, `f x = x²` with gradient `2x` is `2`-smooth with sharpness `2` (`IsSharpness`, the
second hypothesis of `sharp_le_of_smooth`), `2`-PL and `2`-PL* (on the whole line) with `f* = 0`,
bounded below by `0` and interpolating, and its sampled gradients `2x ± 1` have noise level `1`.
Covers: AxiomDL.descent_lemma AxiomDL.descent_lemma_inv AxiomDL.gdStep_le AxiomDL.gdIter_succ_le AxiomDL.gdIter_add_le AxiomDL.gdIter_antitone AxiomDL.isStationary_of_isGlobalMin_of_smooth AxiomDL.sharp_le_of_smooth AxiomDL.gdStep_sub_le_of_pl_at AxiomDL.gdStep_sub_le AxiomDL.gd_linear_convergence AxiomDL.gd_linear_convergence_inv AxiomDL.gd_interpolation_geometric AxiomDL.gd_plStar_geometric AxiomDL.gd_sum_normSq_le_telescope AxiomDL.gd_sum_normSq_le AxiomDL.gd_sum_normSq_le_inv AxiomDL.gd_exists_small_gradient AxiomDL.gd_exists_small_gradient_div AxiomDL.sgd_descent_lemma AxiomDL.sgdStep_sub_le AxiomDL.sgd_noise_ball AxiomDL.isGlobalMin_of_pl_of_isStationary AxiomDL.eq_of_pl_of_isStationary AxiomDL.benignLandscape_of_pl AxiomDL.pl_of_plStarOn_univ AxiomDL.eq_zero_of_plStar_of_isStationary
-/
theorem gd_joint_witness_rat :
    Smooth ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      IsSharpness ratSpace (quadLoss (K := Rat)) quadGrad (fun _ => 2) ∧
      PolyakLojasiewicz ratSpace (quadLoss (K := Rat)) quadGrad 2 0 ∧
      PLStarOn ratSpace (quadLoss (K := Rat)) quadGrad 2 (fun _ => True) ∧
      BoundedBelow (quadLoss (K := Rat)) 0 ∧ Interpolation (quadLoss (K := Rat)) ∧
      BoundedGradientNoise ratSpace (quadGrad (K := Rat)) noisyGrad 1 :=
  ⟨smooth_witness (K := Rat), isSharpness_quadLoss (K := Rat), pl_witness (K := Rat),
    plStarOn_witness (K := Rat),
    boundedBelow_witness (K := Rat), interpolation_witness (K := Rat),
    boundedGradientNoise_witness (K := Rat)⟩

/-- Witness: the hypotheses of the convexity theorems hold jointly over `Rat`: on `ratSpace`,
`f x = x²` with gradient `2x` is convex, `2`-strongly convex, star convex towards its minimiser
`0` and `2`-smooth.
Covers: AxiomDL.gdStep_convex_bound AxiomDL.gd_convex_sum_le AxiomDL.gd_convex_rate AxiomDL.gd_convex_rate_div AxiomDL.isGlobalMin_of_convex_of_isStationary AxiomDL.benignLandscape_of_convex AxiomDL.isGlobalMin_of_starConvex_of_isStationary AxiomDL.benignLandscape_of_starConvex AxiomDL.starConvex_of_convex AxiomDL.convex_of_strongConvex AxiomDL.pl_of_strongConvex
-/
theorem convexity_joint_witness_rat :
    Convex ratSpace (quadLoss (K := Rat)) quadGrad ∧
      StrongConvex ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      StarConvex ratSpace (quadLoss (K := Rat)) quadGrad 0 ∧
      Smooth ratSpace (quadLoss (K := Rat)) quadGrad 2 :=
  ⟨convex_witness (K := Rat), strongConvex_witness (K := Rat), starConvex_witness (K := Rat),
    smooth_witness (K := Rat)⟩

/-- Witness: the hypotheses of the relations among strong convexity, smoothness, the
minimiser selection and the growth conditions hold jointly over `Rat`: on `ratSpace`,
`f x = x²` with gradient `2x` is convex, `2`-strongly convex and `2`-smooth, `proj x = 0` is its
nearest-point minimiser selection with optimal value `0`, and it has `2`-quadratic growth, the
`2`-error bound and the `2`-restricted secant inequality.
Covers: AxiomDL.boundedBelow_of_projects AxiomDL.isGlobalMin_of_projects AxiomDL.pl_of_strongConvex_of_projects AxiomDL.quadraticGrowth_of_strongConvex AxiomDL.quadraticGrowth_of_strongConvex_of_smooth AxiomDL.restrictedSecant_of_strongConvex AxiomDL.restrictedSecant_of_convex_of_quadraticGrowth AxiomDL.errorBound_of_restrictedSecant AxiomDL.errorBound_of_strongConvex AxiomDL.pl_of_errorBound_of_smooth
-/
theorem growth_joint_witness_rat :
    StrongConvex ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      Smooth ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      Convex ratSpace (quadLoss (K := Rat)) quadGrad ∧
      ProjectsToMinimizers ratSpace (quadLoss (K := Rat)) 0 (fun _ => 0) ∧
      BoundedBelow (quadLoss (K := Rat)) 0 ∧
      QuadraticGrowth ratSpace (quadLoss (K := Rat)) 0 (fun _ => 0) 2 ∧
      ErrorBound ratSpace (quadLoss (K := Rat)) quadGrad 0 (fun _ => 0) 2 ∧
      RestrictedSecant ratSpace (quadLoss (K := Rat)) quadGrad 0 (fun _ => 0) 2 :=
  ⟨strongConvex_witness (K := Rat), smooth_witness (K := Rat), convex_witness (K := Rat),
    projectsToMinimizers_witness (K := Rat), boundedBelow_witness (K := Rat),
    quadraticGrowth_witness (K := Rat), errorBound_witness (K := Rat),
    restrictedSecant_witness (K := Rat)⟩

/-- Witness: over `Rat`, the landscape of `x²` is benign. -/
theorem benignLandscape_witness_rat : BenignLandscape ratSpace (quadLoss (K := Rat)) quadGrad :=
  benignLandscape_witness (K := Rat)

end AxiomDL
