import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Growth
import AxiomDL.Landscape.Benign
import AxiomDL.Landscape.Noise

/-!
# Witnesses for the landscape assumptions

Every landscape assumption is satisfiable with its constants strictly inside the intended regime
(`L, μ > 0`, a genuine nearest-point selection, genuinely noisy sampled gradients). The model
is the 1-D space `K` itself (`selfSpace`, inner product = multiplication) with the quadratic
loss `f x = x²` and its gradient `g x = 2x`, over any ordered field `K`, in particular over
`Rat`; the sampled gradients are `2x ± 1` (`noisyGrad`). The edge-of-stability witness is in
`Landscape.WitnessesEoS`, the joint witnesses over `Rat` in `Landscape.JointWitnesses`.
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

/-- The sign `±1` of a Boolean sample. -/
def signOf : Bool → K
  | true => 1
  | false => -1

/-- Noisy sampled gradients of `x²`: sample `b` returns `2x + 1` or `2x - 1`. -/
def noisyGrad (b : Bool) (x : K) : K :=
  2 * x + signOf b

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

/-- Witness: `ProjectsToMinimizers` is satisfiable; `proj := fun _ => 0` is the nearest-point
selection of the (unique) minimiser of `x²`, with optimal value `0`. -/
theorem projectsToMinimizers_witness :
    ProjectsToMinimizers (selfSpace (K := K)) quadLoss 0 (fun _ => 0) := by
  constructor
  · intro y
    show (0 : K) ≤ y * y
    exact mul_self_nonneg y
  · intro x
    show (0 : K) * 0 = 0
    grind
  · intro x y hy
    have hy' : y * y = 0 := hy
    have hy0 : y = 0 := eq_zero_of_mul_self_eq_zero hy'
    subst hy0
    show (x - 0) * (x - 0) ≤ (x - 0) * (x - 0)
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
  · grind
  · intro x y
    show x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x)) ≤ y * y
    grind

/-- Witness: `StarConvex` is satisfiable; `x²` is star convex towards its minimiser `0`. -/
theorem starConvex_witness : StarConvex (selfSpace (K := K)) quadLoss quadGrad 0 := by
  constructor
  · show ∀ y : K, (0 : K) * 0 ≤ y * y
    intro y
    have h : 0 ≤ y * y := mul_self_nonneg y
    grind
  · intro x
    show x * x + 2 * x * (0 - x) ≤ 0 * 0
    have h : 0 ≤ x * x := mul_self_nonneg x
    grind

/-- Witness: `Smooth` is satisfiable; `x²` is `2`-smooth. -/
theorem smooth_witness : Smooth (selfSpace (K := K)) quadLoss quadGrad 2 := by
  constructor
  · grind
  · intro x y
    show y * y ≤ x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x))
    grind

/-- Witness: `PolyakLojasiewicz` is satisfiable with a positive constant; `x²` is `2`-PL
relative to `f* = 0`. -/
theorem pl_witness : PolyakLojasiewicz (selfSpace (K := K)) quadLoss quadGrad 2 0 := by
  constructor
  intro x
  show 2 * (x * x - 0) ≤ 2 * x * (2 * x) / 2
  grind

/-- Witness: `PLStarOn` is satisfiable; `x²` is `2`-PL* on the whole line. -/
theorem plStarOn_witness : PLStarOn (selfSpace (K := K)) quadLoss quadGrad 2 (fun _ => True) := by
  constructor
  · grind
  · exact ⟨0, trivial⟩
  · intro x _
    show 2 * (x * x) ≤ 2 * x * (2 * x) / 2
    grind

/-- Witness: `QuadraticGrowth` is satisfiable; `x²` has `2`-quadratic growth around its
minimiser `0`. -/
theorem quadraticGrowth_witness :
    QuadraticGrowth (selfSpace (K := K)) quadLoss 0 (fun _ => 0) 2 := by
  refine { projects := projectsToMinimizers_witness, pos := by grind, growth := ?_ }
  intro x
  show 2 / 2 * ((x - 0) * (x - 0)) ≤ x * x - 0
  grind

/-- Witness: `ErrorBound` is satisfiable; the gradient `2x` of `x²` satisfies the `2`-error
bound around the minimiser `0`. -/
theorem errorBound_witness :
    ErrorBound (selfSpace (K := K)) quadLoss quadGrad 0 (fun _ => 0) 2 := by
  refine { projects := projectsToMinimizers_witness, pos := by grind, bound := ?_ }
  intro x
  show 2 * 2 * ((x - 0) * (x - 0)) ≤ 2 * x * (2 * x)
  grind

/-- Witness: `RestrictedSecant` is satisfiable; the gradient `2x` of `x²` satisfies the
`2`-restricted secant inequality around the minimiser `0`. -/
theorem restrictedSecant_witness :
    RestrictedSecant (selfSpace (K := K)) quadLoss quadGrad 0 (fun _ => 0) 2 := by
  refine { projects := projectsToMinimizers_witness, pos := by grind, secant := ?_ }
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

/-- Witness: `BoundedGradientNoise` is satisfiable with genuine noise: the sampled gradients
`2x ± 1` of `x²` are within squared distance `1` of the gradient `2x`. -/
theorem boundedGradientNoise_witness :
    BoundedGradientNoise (selfSpace (K := K)) quadGrad noisyGrad 1 := by
  constructor
  intro b x
  cases b with
  | true =>
    have hs : (signOf true : K) = 1 := rfl
    show (2 * x + signOf true - 2 * x) * (2 * x + signOf true - 2 * x) ≤ 1
    rw [hs]
    grind
  | false =>
    have hs : (signOf false : K) = -1 := rfl
    show (2 * x + signOf false - 2 * x) * (2 * x + signOf false - 2 * x) ≤ 1
    rw [hs]
    grind

end Witnesses

end AxiomDL
