import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Growth
import AxiomDL.Landscape.Benign
import AxiomDL.Landscape.Noise
import AxiomDL.Landscape.EdgeOfStability

/-!
# Witnesses for the landscape assumptions

Every landscape assumption is satisfiable. The model is the 1-D space `K` itself
(`selfSpace`, inner product = multiplication) with the quadratic loss `f x = x²` and its
gradient `g x = 2x`, over any scalar field `K`, in particular over `Rat`. One joint witness
shows that the hypotheses of the linear-convergence theorem (smooth + PL + bounded below +
interpolation) hold together. The edge-of-stability witness uses a linear loss and a constant
sharpness oracle: it shows consistency only, not realism.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Witnesses

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The quadratic model loss `f x = x²` on the 1-D space. -/
def quadLoss (x : K) : K :=
  x * x

/-- The gradient of the quadratic model loss, `g x = 2x`. -/
def quadGrad (x : K) : K :=
  2 * x

/-- Witness: `BoundedBelow` is satisfiable; `x²` is bounded below by `0`. -/
theorem boundedBelow_witness : BoundedBelow (quadLoss (K := K)) 0 := by
  constructor
  intro x
  show (0 : K) ≤ x * x
  exact mul_self_nonneg x

/-- Witness: `Interpolation` is satisfiable; `x²` is nonnegative and vanishes at `0`. -/
theorem interpolation_witness : Interpolation (quadLoss (K := K)) := by
  constructor
  · intro x
    show (0 : K) ≤ x * x
    exact mul_self_nonneg x
  · refine ⟨0, ?_⟩
    show (0 : K) * 0 = 0
    grind

/-- Witness: `ProjectsToMinimizers` is satisfiable; `proj := fun _ => 0` selects the minimiser
of `x²`. -/
theorem projectsToMinimizers_witness :
    ProjectsToMinimizers (quadLoss (K := K)) 0 (fun _ => 0) := by
  constructor
  intro x
  show (0 : K) * 0 = 0
  grind

/-- Witness: `Convex` is satisfiable; `x²` with gradient `2x` is convex. -/
theorem convex_witness : Convex (selfSpace (K := K)) quadLoss quadGrad := by
  constructor
  intro x y
  show x * x + 2 * x * (y - x) ≤ y * y
  have h : 0 ≤ (y - x) * (y - x) := mul_self_nonneg (y - x)
  grind

/-- Witness: `StrongConvex` is satisfiable; `x²` is `2`-strongly convex. -/
theorem strongConvex_witness : StrongConvex (selfSpace (K := K)) quadLoss quadGrad 2 := by
  constructor
  intro x y
  show x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x)) ≤ y * y
  grind

/-- Witness: `StarConvex` is satisfiable; `x²` is star convex towards `0`. -/
theorem starConvex_witness : StarConvex (selfSpace (K := K)) quadLoss quadGrad 0 := by
  constructor
  intro x
  show x * x + 2 * x * (0 - x) ≤ 0 * 0
  have h : 0 ≤ x * x := mul_self_nonneg x
  grind

/-- Witness: `Smooth` is satisfiable; `x²` is `2`-smooth. -/
theorem smooth_witness : Smooth (selfSpace (K := K)) quadLoss quadGrad 2 := by
  constructor
  intro x y
  show y * y ≤ x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x))
  grind

/-- Witness: `PolyakLojasiewicz` is satisfiable; `x²` is `2`-PL relative to `f* = 0`. -/
theorem pl_witness : PolyakLojasiewicz (selfSpace (K := K)) quadLoss quadGrad 2 0 := by
  constructor
  intro x
  show 2 * (x * x - 0) ≤ 2 * x * (2 * x) / 2
  grind

/-- Witness: `PLStarOn` is satisfiable; `x²` is `2`-PL* on the whole line. -/
theorem plStarOn_witness : PLStarOn (selfSpace (K := K)) quadLoss quadGrad 2 (fun _ => True) := by
  constructor
  intro x _
  show 2 * (x * x) ≤ 2 * x * (2 * x) / 2
  grind

/-- Witness: `QuadraticGrowth` is satisfiable; `x²` has `2`-quadratic growth around `0`. -/
theorem quadraticGrowth_witness :
    QuadraticGrowth (selfSpace (K := K)) quadLoss 0 (fun _ => 0) 2 := by
  constructor
  intro x
  show 2 / 2 * ((x - 0) * (x - 0)) ≤ x * x - 0
  grind

/-- Witness: `ErrorBound` is satisfiable; the gradient `2x` satisfies the `2`-error bound around
`0`. -/
theorem errorBound_witness : ErrorBound (selfSpace (K := K)) quadGrad (fun _ => 0) 2 := by
  constructor
  intro x
  show 2 * 2 * ((x - 0) * (x - 0)) ≤ 2 * x * (2 * x)
  grind

/-- Witness: `RestrictedSecant` is satisfiable; the gradient `2x` satisfies the `2`-restricted
secant inequality around `0`. -/
theorem restrictedSecant_witness :
    RestrictedSecant (selfSpace (K := K)) quadGrad (fun _ => 0) 2 := by
  constructor
  intro x
  show 2 * ((x - 0) * (x - 0)) ≤ 2 * x * (x - 0)
  grind

/-- Witness: `BenignLandscape` is satisfiable; the only stationary point of `x²` is its global
minimiser `0`. -/
theorem benignLandscape_witness : BenignLandscape (selfSpace (K := K)) quadLoss quadGrad := by
  constructor
  intro x hx
  have h1 : 2 * x = 0 := hx
  have h2 : x = 0 := by grind
  show ∀ y : K, x * x ≤ y * y
  intro y
  have h3 : 0 ≤ y * y := mul_self_nonneg y
  subst h2
  grind

/-- Witness: `BoundedGradientNoise` is satisfiable; the exact gradient is a noiseless sampled
gradient with `σ² = 0`. -/
theorem boundedGradientNoise_witness :
    BoundedGradientNoise (selfSpace (K := K)) quadGrad (fun (_ : Unit) => quadGrad) 0 := by
  constructor
  intro _ x
  show (2 * x - 2 * x) * (2 * x - 2 * x) ≤ 0
  grind

/-- Witness: the edge-of-stability hypothesis is satisfiable (consistency only): for the linear
loss `f x = -x` with constant gradient `-1` and step `1`, a constant sharpness oracle `2/η`
hovers exactly at `2/η`, and the loss decreases at every step. -/
theorem edgeOfStability_witness (x0 : K) :
    EdgeOfStability (selfSpace (K := K)) (fun x => -x) (fun _ => -1) (fun _ => 2 / 1) 1 0 x0 := by
  constructor
  · refine ⟨0, ?_⟩
    intro t _
    constructor
    · grind
    · grind
  · intro t
    refine ⟨t + 1, by omega, ?_⟩
    have h : gdIter (selfSpace (K := K)) (fun _ => -1) 1 x0 (t + 1)
        = gdIter (selfSpace (K := K)) (fun _ => -1) 1 x0 t - 1 * (-1) := rfl
    show -(gdIter (selfSpace (K := K)) (fun _ => -1) 1 x0 (t + 1))
        < -(gdIter (selfSpace (K := K)) (fun _ => -1) 1 x0 t)
    grind

/-- Witness: the hypotheses of linear convergence are jointly satisfiable: `x²` is `2`-smooth,
`2`-PL, bounded below by `0` and interpolating. -/
theorem smooth_pl_interpolation_witness :
    Smooth (selfSpace (K := K)) quadLoss quadGrad 2 ∧
      PolyakLojasiewicz (selfSpace (K := K)) quadLoss quadGrad 2 0 ∧
      BoundedBelow (quadLoss (K := K)) 0 ∧ Interpolation (quadLoss (K := K)) :=
  ⟨smooth_witness, pl_witness, boundedBelow_witness, interpolation_witness⟩

/-- Witness: strong convexity, smoothness and a minimiser selection hold jointly (the
hypotheses of the discharges to quadratic growth and PL). -/
theorem strongConvex_smooth_witness :
    StrongConvex (selfSpace (K := K)) quadLoss quadGrad 2 ∧
      Smooth (selfSpace (K := K)) quadLoss quadGrad 2 ∧
      ProjectsToMinimizers (quadLoss (K := K)) 0 (fun _ => 0) :=
  ⟨strongConvex_witness, smooth_witness, projectsToMinimizers_witness⟩

end Witnesses

/-- Witness: over `Rat`, `x²` is `2`-smooth and `2`-PL, bounded below and interpolating. -/
theorem smooth_pl_interpolation_witness_rat :
    Smooth ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      PolyakLojasiewicz ratSpace (quadLoss (K := Rat)) quadGrad 2 0 ∧
      BoundedBelow (quadLoss (K := Rat)) 0 ∧ Interpolation (quadLoss (K := Rat)) :=
  smooth_pl_interpolation_witness

/-- Witness: over `Rat`, every convexity-type assumption holds for `x²`. -/
theorem convexity_witness_rat :
    Convex ratSpace (quadLoss (K := Rat)) quadGrad ∧
      StrongConvex ratSpace (quadLoss (K := Rat)) quadGrad 2 ∧
      StarConvex ratSpace (quadLoss (K := Rat)) quadGrad 0 :=
  ⟨convex_witness, strongConvex_witness, starConvex_witness⟩

/-- Witness: over `Rat`, the growth conditions hold for `x²` around `0`. -/
theorem growth_witness_rat :
    QuadraticGrowth ratSpace (quadLoss (K := Rat)) 0 (fun _ => 0) 2 ∧
      ErrorBound ratSpace (quadGrad (K := Rat)) (fun _ => 0) 2 ∧
      RestrictedSecant ratSpace (quadGrad (K := Rat)) (fun _ => 0) 2 :=
  ⟨quadraticGrowth_witness, errorBound_witness, restrictedSecant_witness⟩

/-- Witness: over `Rat`, the landscape of `x²` is benign and its exact gradient has zero noise. -/
theorem benign_noise_witness_rat :
    BenignLandscape ratSpace (quadLoss (K := Rat)) quadGrad ∧
      BoundedGradientNoise ratSpace (quadGrad (K := Rat)) (fun (_ : Unit) => quadGrad) 0 :=
  ⟨benignLandscape_witness, boundedGradientNoise_witness⟩

end AxiomDL
