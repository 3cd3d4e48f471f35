import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Benign

/-!
# Stationary points and global minima

Which assumptions make every stationary point a global minimiser: convexity, the PL
inequality (with `μ > 0` and a lower bound), and star convexity (whose centre is a global
minimiser). Each gives a discharge of `BenignLandscape`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Stationarity

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Convex + stationary ⇒ global minimum: if `g x = 0` for a convex loss, then `f x ≤ f y` for
every `y`. -/
theorem isGlobalMin_of_convex_of_isStationary (E : InnerProductSpace K V) (f : V → K)
    (g : V → V) (hC : Convex E f g) {x : V} (hx : IsStationary E g x) : IsGlobalMin f x := by
  have hgx : g x = E.zero := hx
  show ∀ y : V, f x ≤ f y
  intro y
  have h1 : f x + E.inner (g x) (E.sub y x) ≤ f y := hC.first_order x y
  have h2 : E.inner (g x) (E.sub y x) = 0 := by
    rw [hgx]
    exact E.inner_zero_left (E.sub y x)
  grind

/-- PL ⇒ every stationary point is a global minimum: with `μ > 0` and `fstar` a lower bound,
`g x = 0` forces `f x ≤ fstar ≤ f y`. -/
theorem isGlobalMin_of_pl_of_isStationary (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} (hPL : PolyakLojasiewicz E f g μ fstar) (hB : BoundedBelow f fstar)
    (hμ : 0 < μ) {x : V} (hx : IsStationary E g x) : IsGlobalMin f x := by
  have hN : E.normSq (g x) = 0 := normSq_eq_zero_of_isStationary E g hx
  have h1 : μ * (f x - fstar) ≤ E.normSq (g x) / 2 := hPL.pl x
  have h2 : μ * (f x - fstar) ≤ 0 := by grind
  have h3 : f x - fstar ≤ 0 := nonpos_of_mul_nonpos_left h2 hμ
  show ∀ y : V, f x ≤ f y
  intro y
  have h4 : fstar ≤ f y := hB.lower_bound y
  grind

/-- PL gives the optimal value: under μ-PL with `μ > 0` and lower bound `fstar`, every
stationary point attains `fstar`. -/
theorem eq_of_pl_of_isStationary (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} (hPL : PolyakLojasiewicz E f g μ fstar) (hB : BoundedBelow f fstar)
    (hμ : 0 < μ) {x : V} (hx : IsStationary E g x) : f x = fstar := by
  have hN : E.normSq (g x) = 0 := normSq_eq_zero_of_isStationary E g hx
  have h1 : μ * (f x - fstar) ≤ E.normSq (g x) / 2 := hPL.pl x
  have h2 : μ * (f x - fstar) ≤ 0 := by grind
  have h3 : f x - fstar ≤ 0 := nonpos_of_mul_nonpos_left h2 hμ
  have h4 : fstar ≤ f x := hB.lower_bound x
  grind

/-- Star convexity (towards a global minimiser) + stationary ⇒ global minimum. -/
theorem isGlobalMin_of_starConvex_of_isStationary (E : InnerProductSpace K V) (f : V → K)
    (g : V → V) {xstar : V} (hS : StarConvex E f g xstar) {x : V} (hx : IsStationary E g x) :
    IsGlobalMin f x := by
  have hgx : g x = E.zero := hx
  have h1 : f x + E.inner (g x) (E.sub xstar x) ≤ f xstar := hS.star x
  have h2 : E.inner (g x) (E.sub xstar x) = 0 := by
    rw [hgx]
    exact E.inner_zero_left (E.sub xstar x)
  show ∀ y : V, f x ≤ f y
  intro y
  have h3 : f xstar ≤ f y := hS.minimiser y
  grind

/-- Discharge: convexity ⇒ benign landscape. -/
theorem benignLandscape_of_convex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    (hC : Convex E f g) : BenignLandscape E f g :=
  ⟨fun _ hx => isGlobalMin_of_convex_of_isStationary E f g hC hx⟩

/-- Discharge: μ-PL (with `μ > 0`) and a lower bound ⇒ benign landscape. -/
theorem benignLandscape_of_pl (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} (hPL : PolyakLojasiewicz E f g μ fstar) (hB : BoundedBelow f fstar)
    (hμ : 0 < μ) : BenignLandscape E f g :=
  ⟨fun _ hx => isGlobalMin_of_pl_of_isStationary E f g hPL hB hμ hx⟩

/-- Discharge: star convexity (towards a global minimiser) ⇒ benign landscape. -/
theorem benignLandscape_of_starConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {xstar : V} (hS : StarConvex E f g xstar) : BenignLandscape E f g :=
  ⟨fun _ hx => isGlobalMin_of_starConvex_of_isStationary E f g hS hx⟩

/-- Discharge: convexity ⇒ star convexity towards any global minimiser. -/
theorem starConvex_of_convex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    (hC : Convex E f g) {xstar : V} (hmin : IsGlobalMin f xstar) : StarConvex E f g xstar :=
  { minimiser := hmin, star := fun x => hC.first_order x xstar }

/-- Discharge: interpolation ⇒ the loss is bounded below by `0`. -/
theorem boundedBelow_of_interpolation (f : V → K) (hI : Interpolation f) : BoundedBelow f 0 :=
  ⟨hI.nonneg⟩

/-- Discharge: the global μ-PL* inequality (on the whole space) ⇒ μ-PL relative to `f* = 0`
(with the same, positive, constant). -/
theorem pl_of_plStarOn_univ (E : InnerProductSpace K V) (f : V → K) (g : V → V) {μ : K}
    (hP : PLStarOn E f g μ (fun _ => True)) : PolyakLojasiewicz E f g μ 0 := by
  constructor
  intro x
  have h1 : μ * f x ≤ E.normSq (g x) / 2 := hP.pl_star x trivial
  grind

/-- Under interpolation, PL* (on the whole space) makes every stationary point a global
minimiser, with loss zero. -/
theorem eq_zero_of_plStar_of_isStationary (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ : K} (hI : Interpolation f) (hP : PLStarOn E f g μ (fun _ => True)) {x : V}
    (hx : IsStationary E g x) : f x = 0 :=
  eq_of_pl_of_isStationary E f g (pl_of_plStarOn_univ E f g hP)
    (boundedBelow_of_interpolation f hI) hP.pos hx

end Stationarity

end AxiomDL
