import AxiomDL.Foundations

/-!
# Landscape assumptions: convexity and its relaxations

First-order convexity, μ-strong convexity (`μ > 0`), and star convexity (one-point convexity
towards a global minimiser), each as an inequality between the loss `f` and its gradient oracle
`g`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Convexity

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: convexity in first-order form, `f x + ⟪g x, y - x⟫ ≤ f y` for all `x, y`:
the loss lies above its tangent planes.
Area: landscape
Status: refuted-in-regime
Evidence: Holds for linear and logistic regression; neural-network losses are nonconvex (permutation symmetries of hidden units already produce non-convex sets of minimisers).
Refs: Nesterov, "Introductory Lectures on Convex Optimization" (2004), §2.1; Boyd, Vandenberghe, "Convex Optimization" (2004), §3.1.3.
-/
structure Convex (E : InnerProductSpace K V) (f : V → K) (g : V → V) : Prop where
  /-- The tangent-plane lower bound. -/
  first_order : ∀ x y : V, f x + E.inner (g x) (E.sub y x) ≤ f y

/-- Assumption: μ-strong convexity as a quadratic lower bound with a positive modulus `μ > 0`,
`f x + ⟪g x, y - x⟫ + μ/2 ‖y - x‖² ≤ f y` for all `x, y`.
Area: landscape
Status: refuted-in-regime
Evidence: Holds for ridge-regularised linear models; over-parameterised networks have non-isolated (manifolds of) global minima, which strong convexity excludes.
Refs: Nesterov, "Introductory Lectures on Convex Optimization" (2004), §2.1.3; Liu, Zhu, Belkin, "Loss landscapes and optimization in over-parameterized non-linear systems and neural networks" (ACHA 2022), §3.
-/
structure StrongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) (μ : K) : Prop where
  /-- The modulus is positive (with `μ = 0` this would be plain convexity). -/
  pos : 0 < μ
  /-- The quadratic lower bound. -/
  lower : ∀ x y : V, f x + E.inner (g x) (E.sub y x) + μ / 2 * E.normSq (E.sub y x) ≤ f y

/-- Assumption: star convexity towards a global minimiser `xstar` (first-order one-point
convexity): `xstar` minimises `f`, and `f x + ⟪g x, xstar - x⟫ ≤ f xstar` for every `x`.
Area: landscape
Status: plausible
Evidence: Zhou et al. (2019) observe that SGD iterates of trained networks satisfy this towards the final iterate (a star-convex path); Kleinberg, Li, Yuan (2018) observe one-point convexity after smoothing; not known to hold globally.
Refs: Zhou, Yang, Zhang, Liang, Tarokh, "SGD Converges to Global Minimum in Deep Learning via Star-convex Path" (ICLR 2019); Kleinberg, Li, Yuan, "An Alternative View: When Does SGD Escape Local Minima?" (ICML 2018); Hinder, Sidford, Sohoni (COLT 2020).
-/
structure StarConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) (xstar : V) : Prop where
  /-- The centre `xstar` is a global minimiser. -/
  minimiser : IsGlobalMin f xstar
  /-- The tangent plane at every `x` lies below `f` at `xstar`. -/
  star : ∀ x : V, f x + E.inner (g x) (E.sub xstar x) ≤ f xstar

end Convexity

end AxiomDL
