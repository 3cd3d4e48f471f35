import AxiomDL.Landscape.MoreRelations

/-!
# Separating models in the plane: a trough of minimisers, a saddle and a tilted ridge

Three losses on the plane `K × K` (`planeSpace`), each with its exact gradient:

* `troughLoss (a, b) = a²`, gradient `(2a, 0)`: its global minimisers form the whole line
  `a = 0`, as in over-parameterised models whose minima come in manifolds. The nearest minimiser
  of `(a, b)` is `(0, b)` (`troughProj`). It is `2`-smooth, convex, `2`-PL, and has `2`-quadratic
  growth, the `2`-error bound and the `2`-restricted secant inequality, but it is not strongly
  convex for any modulus: along the trough it is flat.
* `saddleLoss (a, b) = a² - b²`, gradient `(2a, -2b)`: `2`-smooth, but not convex, not bounded
  below, and its stationary point `(0, 0)` is not a minimiser (not benign).
* `tiltLoss (a, b) = a - b²`, gradient `(1, -2b)`: `2`-smooth and benign (its gradient never
  vanishes), but not convex, not bounded below, and PL for no constant and no reference value.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section Trough

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The trough loss `(a, b) ↦ a²`, flat along the line of minimisers `a = 0`. -/
def troughLoss (p : K × K) : K :=
  p.1 * p.1

/-- Its gradient `(2a, 0)`. -/
def troughGrad (p : K × K) : K × K :=
  (2 * p.1, 0)

/-- The nearest minimiser `(0, b)` of `(a, b)`. -/
def troughProj (p : K × K) : K × K :=
  (0, p.2)

/-- The trough loss is nonnegative. -/
theorem troughLoss_nonneg (p : K × K) : 0 ≤ troughLoss p :=
  mul_self_nonneg p.1

/-- The trough loss vanishes at the origin. -/
theorem troughLoss_zero : troughLoss ((0, 0) : K × K) = 0 := by
  show (0 : K) * 0 = 0
  grind

/-- The trough loss is `2`-smooth. -/
theorem trough_smooth : Smooth (planeSpace (K := K)) troughLoss troughGrad 2 := by
  constructor
  · grind
  · intro p q
    obtain ⟨p1, p2⟩ := p
    obtain ⟨q1, q2⟩ := q
    show q1 * q1 ≤ p1 * p1 + (2 * p1 * (q1 - p1) + 0 * (q2 - p2))
      + 2 / 2 * ((q1 - p1) * (q1 - p1) + (q2 - p2) * (q2 - p2))
    have h : 0 ≤ (q2 - p2) * (q2 - p2) := mul_self_nonneg (q2 - p2)
    grind

/-- The trough loss is convex. -/
theorem trough_convex : Convex (planeSpace (K := K)) troughLoss troughGrad := by
  constructor
  intro p q
  obtain ⟨p1, p2⟩ := p
  obtain ⟨q1, q2⟩ := q
  show p1 * p1 + (2 * p1 * (q1 - p1) + 0 * (q2 - p2)) ≤ q1 * q1
  have h : 0 ≤ (q1 - p1) * (q1 - p1) := mul_self_nonneg (q1 - p1)
  grind

/-- The trough loss is `2`-PL relative to its optimal value `0`. -/
theorem trough_pl : PolyakLojasiewicz (planeSpace (K := K)) troughLoss troughGrad 2 0 := by
  constructor
  intro p
  obtain ⟨p1, p2⟩ := p
  show 2 * (p1 * p1 - 0) ≤ (2 * p1 * (2 * p1) + 0 * 0) / 2
  grind

/-- `(a, b) ↦ (0, b)` is the nearest-point selection of the minimisers of the trough loss, with
optimal value `0`. -/
theorem trough_projects :
    ProjectsToMinimizers (planeSpace (K := K)) troughLoss 0 troughProj := by
  constructor
  · exact troughLoss_nonneg
  · intro p
    obtain ⟨p1, p2⟩ := p
    show (0 : K) * 0 = 0
    grind
  · intro p y hy
    obtain ⟨p1, p2⟩ := p
    obtain ⟨y1, y2⟩ := y
    have hy' : y1 * y1 = 0 := hy
    have hy0 : y1 = 0 := eq_zero_of_mul_self_eq_zero hy'
    subst hy0
    show (p1 - 0) * (p1 - 0) + (p2 - p2) * (p2 - p2) ≤ (p1 - 0) * (p1 - 0) + (p2 - y2) * (p2 - y2)
    have h : 0 ≤ (p2 - y2) * (p2 - y2) := mul_self_nonneg (p2 - y2)
    grind

/-- The trough loss has `2`-quadratic growth around its line of minimisers. -/
theorem trough_quadraticGrowth :
    QuadraticGrowth (planeSpace (K := K)) troughLoss 0 troughProj 2 := by
  refine { projects := trough_projects, pos := by grind, growth := ?_ }
  intro p
  obtain ⟨p1, p2⟩ := p
  show 2 / 2 * ((p1 - 0) * (p1 - 0) + (p2 - p2) * (p2 - p2)) ≤ p1 * p1 - 0
  grind

/-- The trough loss has the `2`-error bound. -/
theorem trough_errorBound :
    ErrorBound (planeSpace (K := K)) troughLoss troughGrad 0 troughProj 2 := by
  refine { projects := trough_projects, pos := by grind, bound := ?_ }
  intro p
  obtain ⟨p1, p2⟩ := p
  show 2 * 2 * ((p1 - 0) * (p1 - 0) + (p2 - p2) * (p2 - p2)) ≤ 2 * p1 * (2 * p1) + 0 * 0
  grind

/-- The trough loss has the `2`-restricted secant inequality. -/
theorem trough_restrictedSecant :
    RestrictedSecant (planeSpace (K := K)) troughLoss troughGrad 0 troughProj 2 := by
  refine { projects := trough_projects, pos := by grind, secant := ?_ }
  intro p
  obtain ⟨p1, p2⟩ := p
  show 2 * ((p1 - 0) * (p1 - 0) + (p2 - p2) * (p2 - p2))
    ≤ 2 * p1 * (p1 - 0) + 0 * (p2 - p2)
  grind

/-- The trough loss is star convex towards the minimiser `(0, 0)`. -/
theorem trough_starConvex : StarConvex (planeSpace (K := K)) troughLoss troughGrad (0, 0) := by
  have hmin : IsGlobalMin troughLoss ((0, 0) : K × K) := by
    show ∀ y : K × K, troughLoss ((0, 0) : K × K) ≤ troughLoss y
    intro y
    have h0 : troughLoss ((0, 0) : K × K) = 0 := troughLoss_zero
    have h1 : 0 ≤ troughLoss y := troughLoss_nonneg y
    grind
  exact starConvex_of_convex planeSpace troughLoss troughGrad trough_convex hmin

/-- The trough loss interpolates. -/
theorem trough_interpolation : Interpolation (troughLoss (K := K)) :=
  ⟨troughLoss_nonneg, ⟨(0, 0), troughLoss_zero⟩⟩

/-- The trough loss is `2`-PL* on the whole plane. -/
theorem trough_plStarOn :
    PLStarOn (planeSpace (K := K)) troughLoss troughGrad 2 (fun _ => True) := by
  constructor
  · grind
  · exact ⟨(0, 0), trivial⟩
  · intro p _
    obtain ⟨p1, p2⟩ := p
    show 2 * (p1 * p1) ≤ (2 * p1 * (2 * p1) + 0 * 0) / 2
    grind

/-- The trough loss's landscape is benign (it is convex). -/
theorem trough_benign : BenignLandscape (planeSpace (K := K)) troughLoss troughGrad :=
  benignLandscape_of_convex planeSpace troughLoss troughGrad trough_convex

/-- The trough loss is not strongly convex for any modulus: along the trough, from `(0, 0)` to
`(0, 1)`, the loss stays `0`, so `μ/2 ≤ 0`. -/
theorem trough_not_strongConvex :
    ¬ ∃ μ : K, StrongConvex (planeSpace (K := K)) troughLoss troughGrad μ := by
  intro hex
  obtain ⟨μ, hSC⟩ := hex
  have hμ : 0 < μ := hSC.pos
  have h : (0 : K) * 0 + (2 * 0 * (0 - 0) + 0 * (1 - 0))
      + μ / 2 * ((0 - 0) * (0 - 0) + (1 - 0) * (1 - 0)) ≤ 0 * 0 :=
    hSC.lower (0, 0) (0, 1)
  grind

end Trough

section Saddle

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The saddle `(a, b) ↦ a² - b²`. -/
def saddleLoss (p : K × K) : K :=
  p.1 * p.1 - p.2 * p.2

/-- Its gradient `(2a, -2b)`. -/
def saddleGrad (p : K × K) : K × K :=
  (2 * p.1, -(2 * p.2))

/-- The saddle is `2`-smooth: the upper bound has slack `2 (b' - b)²`. -/
theorem saddle_smooth : Smooth (planeSpace (K := K)) saddleLoss saddleGrad 2 := by
  constructor
  · grind
  · intro p q
    obtain ⟨p1, p2⟩ := p
    obtain ⟨q1, q2⟩ := q
    show q1 * q1 - q2 * q2 ≤ p1 * p1 - p2 * p2 + (2 * p1 * (q1 - p1) + -(2 * p2) * (q2 - p2))
      + 2 / 2 * ((q1 - p1) * (q1 - p1) + (q2 - p2) * (q2 - p2))
    have h : 0 ≤ (q2 - p2) * (q2 - p2) := mul_self_nonneg (q2 - p2)
    grind

/-- The saddle is not convex: the tangent plane at `(0, 0)` lies above it at `(0, 1)`. -/
theorem saddle_not_convex : ¬ Convex (planeSpace (K := K)) saddleLoss saddleGrad := by
  intro hC
  have h : (0 : K) * 0 - 0 * 0 + (2 * 0 * (0 - 0) + -(2 * 0) * (1 - 0)) ≤ 0 * 0 - 1 * 1 :=
    hC.first_order (0, 0) (0, 1)
  grind

/-- The saddle's landscape is not benign: `(0, 0)` is stationary but `(0, 1)` is lower. -/
theorem saddle_not_benign : ¬ BenignLandscape (planeSpace (K := K)) saddleLoss saddleGrad := by
  intro hB
  have hstat : IsStationary (planeSpace (K := K)) saddleGrad (0, 0) := by
    show ((2 : K) * 0, -((2 : K) * 0)) = ((0 : K), (0 : K))
    exact pair_congr (by grind) (by grind)
  have hmin : IsGlobalMin saddleLoss ((0, 0) : K × K) := hB.stationary_global (0, 0) hstat
  have h : saddleLoss ((0, 0) : K × K) ≤ saddleLoss (0, 1) := hmin (0, 1)
  have h' : (0 : K) * 0 - 0 * 0 ≤ 0 * 0 - 1 * 1 := h
  grind

/-- The saddle is not bounded below: `fstar ≤ -(fstar - 1)²` fails for every `fstar`. -/
theorem saddle_not_boundedBelow : ¬ ∃ fstar : K, BoundedBelow (saddleLoss (K := K)) fstar := by
  intro hex
  obtain ⟨fstar, hB⟩ := hex
  have h : fstar ≤ 0 * 0 - (fstar - 1) * (fstar - 1) := hB.lower_bound (0, fstar - 1)
  have hs : 0 ≤ (fstar - 1 / 2) * (fstar - 1 / 2) := mul_self_nonneg (fstar - 1 / 2)
  grind

end Saddle

section Tilt

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The tilted ridge `(a, b) ↦ a - b²`, falling without bound along `a`. -/
def tiltLoss (p : K × K) : K :=
  p.1 - p.2 * p.2

/-- Its gradient `(1, -2b)`, never zero. -/
def tiltGrad (p : K × K) : K × K :=
  (1, -(2 * p.2))

/-- The tilted ridge is `2`-smooth: the upper bound has slack `(a' - a)² + 2 (b' - b)²`. -/
theorem tilt_smooth : Smooth (planeSpace (K := K)) tiltLoss tiltGrad 2 := by
  constructor
  · grind
  · intro p q
    obtain ⟨p1, p2⟩ := p
    obtain ⟨q1, q2⟩ := q
    show q1 - q2 * q2 ≤ p1 - p2 * p2 + (1 * (q1 - p1) + -(2 * p2) * (q2 - p2))
      + 2 / 2 * ((q1 - p1) * (q1 - p1) + (q2 - p2) * (q2 - p2))
    have h1 : 0 ≤ (q1 - p1) * (q1 - p1) := mul_self_nonneg (q1 - p1)
    have h2 : 0 ≤ (q2 - p2) * (q2 - p2) := mul_self_nonneg (q2 - p2)
    grind

/-- The tilted ridge's landscape is benign: its gradient never vanishes, so it has no stationary
point at all. -/
theorem tilt_benign : BenignLandscape (planeSpace (K := K)) tiltLoss tiltGrad := by
  constructor
  intro p hp
  obtain ⟨p1, p2⟩ := p
  have h : ((1 : K), -(2 * p2)) = ((0 : K), (0 : K)) := hp
  injection h with h1 h2
  exfalso
  grind

/-- The tilted ridge is PL for no positive constant and no reference value `fstar`: at
`(fstar + 1/μ, 0)` the suboptimality times `μ` is `1`, while `‖g‖²/2 = 1/2`. -/
theorem tilt_not_pl (μ fstar : K) (hμ : 0 < μ) :
    ¬ PolyakLojasiewicz (planeSpace (K := K)) tiltLoss tiltGrad μ fstar := by
  intro hPL
  have hinv : μ * (1 / μ) = 1 := mul_one_div_cancel (by grind)
  have h : μ * ((fstar + 1 / μ) - 0 * 0 - fstar) ≤ (1 * 1 + -(2 * 0) * -(2 * 0)) / 2 :=
    hPL.pl (fstar + 1 / μ, 0)
  grind

/-- The tilted ridge is not bounded below: `fstar ≤ fstar - 1` fails. -/
theorem tilt_not_boundedBelow : ¬ ∃ fstar : K, BoundedBelow (tiltLoss (K := K)) fstar := by
  intro hex
  obtain ⟨fstar, hB⟩ := hex
  have h : fstar ≤ (fstar - 1) - 0 * 0 := hB.lower_bound (fstar - 1, 0)
  grind

/-- The tilted ridge is not convex: the tangent plane at `(0, 0)` lies above it at `(0, 1)`. -/
theorem tilt_not_convex : ¬ Convex (planeSpace (K := K)) tiltLoss tiltGrad := by
  intro hC
  have h : (0 : K) - 0 * 0 + (1 * (0 - 0) + -(2 * 0) * (1 - 0)) ≤ 0 - 1 * 1 :=
    hC.first_order (0, 0) (0, 1)
  grind

end Tilt

end AxiomDL
