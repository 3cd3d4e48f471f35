import AxiomDL.Landscape.Basic

/-!
# Landscape assumptions: growth and error-bound conditions

Three conditions of Karimi–Nutini–Schmidt (2016), each with a positive constant `μ > 0` and
measured through a nearest-point selection `proj` of global minimisers (`ProjectsToMinimizers`,
a field of each), so that `‖x - proj x‖² = dist(x, X*)²` as in the literature: quadratic growth,
the error bound (squared form), and the restricted secant inequality. For a unique minimiser
`xstar`, `proj := fun _ => xstar`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Growth

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: μ-quadratic growth (`μ > 0`), `μ/2 · dist(x, X*)² ≤ f x - fstar`, with the
distance to the solution set taken through the nearest-point selection `proj`:
`μ/2 ‖x - proj x‖² ≤ f x - fstar`.
Area: landscape
Status: plausible
Evidence: Implied by PL for smooth losses (Karimi et al. 2016), hence expected wherever PL holds (near initialisation of wide networks); fails along flat valleys where the loss grows sub-quadratically.
Refs: Necoara, Nesterov, Glineur, "Linear convergence of first order methods for non-strongly convex optimization" (Math. Prog. 2019); Karimi, Nutini, Schmidt (ECML-PKDD 2016).
-/
structure QuadraticGrowth (E : InnerProductSpace K V) (f : V → K) (fstar : K) (proj : V → V)
    (μ : K) : Prop where
  /-- `proj` is a nearest-point selection of the global minimisers. -/
  projects : ProjectsToMinimizers E f fstar proj
  /-- The growth constant is positive. -/
  pos : 0 < μ
  /-- The quadratic lower bound on the suboptimality. -/
  growth : ∀ x : V, μ / 2 * E.normSq (E.sub x (proj x)) ≤ f x - fstar

/-- Assumption: the μ-error bound in squared form (`μ > 0`), `μ² · dist(x, X*)² ≤ ‖g x‖²`, with
the distance taken through the nearest-point selection `proj`:
`μ² ‖x - proj x‖² ≤ ‖g x‖²`.
Area: landscape
Status: plausible
Evidence: Equivalent to PL for smooth losses (Karimi et al. 2016); expected in the same regimes as PL, and fails near degenerate or spurious critical points.
Refs: Luo, Tseng, "Error bounds and convergence analysis of feasible descent methods" (Annals of OR 1993); Karimi, Nutini, Schmidt (ECML-PKDD 2016).
-/
structure ErrorBound (E : InnerProductSpace K V) (f : V → K) (g : V → V) (fstar : K)
    (proj : V → V) (μ : K) : Prop where
  /-- `proj` is a nearest-point selection of the global minimisers. -/
  projects : ProjectsToMinimizers E f fstar proj
  /-- The error-bound constant is positive. -/
  pos : 0 < μ
  /-- The error bound. -/
  bound : ∀ x : V, μ * μ * E.normSq (E.sub x (proj x)) ≤ E.normSq (g x)

/-- Assumption: the μ-restricted secant inequality (`μ > 0`),
`μ ‖x - x_p‖² ≤ ⟪g x, x - x_p⟫` where `x_p = proj x` is the nearest global minimiser: the
negative gradient points towards the solution set.
Area: landscape
Status: plausible
Evidence: Holds for strongly convex losses and for phase retrieval near the truth; Kleinberg–Li–Yuan (2018) report the related one-point convexity along SGD trajectories of neural networks.
Refs: Zhang, Yin, "Gradient methods for convex minimization: better rates under weaker conditions" (2013); Karimi, Nutini, Schmidt (ECML-PKDD 2016); Kleinberg, Li, Yuan (ICML 2018).
-/
structure RestrictedSecant (E : InnerProductSpace K V) (f : V → K) (g : V → V) (fstar : K)
    (proj : V → V) (μ : K) : Prop where
  /-- `proj` is a nearest-point selection of the global minimisers. -/
  projects : ProjectsToMinimizers E f fstar proj
  /-- The constant is positive. -/
  pos : 0 < μ
  /-- The restricted secant inequality. -/
  secant : ∀ x : V, μ * E.normSq (E.sub x (proj x)) ≤ E.inner (g x) (E.sub x (proj x))

end Growth

end AxiomDL
