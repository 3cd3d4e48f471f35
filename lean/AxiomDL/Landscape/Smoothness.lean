import AxiomDL.Foundations

/-!
# Landscape assumptions: smoothness

L-smoothness in its one-sided descent-lemma form (sometimes called *L-upper smoothness*): the
global quadratic upper bound `f y ≤ f x + ⟪g x, y - x⟫ + L/2 ‖y - x‖²` with `L > 0`, which is
all that the convergence proofs use. It is implied by an `L`-Lipschitz gradient; for convex `f`
the two are equivalent, for nonconvex `f` the upper bound alone is strictly weaker (it says
nothing about how fast `f` may curve downwards).
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Smoothness

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: L-smoothness in one-sided descent-lemma form ("L-upper smoothness"), with
`L > 0`: `f y ≤ f x + ⟪g x, y - x⟫ + L/2 ‖y - x‖²` for all `x, y` (a global quadratic upper
bound only; it does not bound the curvature from below, so for nonconvex `f` it is weaker than
an L-Lipschitz gradient).
Area: landscape
Status: refuted-in-regime
Evidence: Holds for least squares and logistic regression; deep-network losses are not globally smooth (polynomial growth in the weights, ReLU kinks), and along GD the local sharpness rises to about `2/η` (edge of stability), outside the regime `η ≤ 1/L` this bound is used in.
Refs: Nesterov, "Introductory Lectures on Convex Optimization" (2004), Lemma 1.2.3; Cohen, Kaur, Li, Kolter, Talwalkar, "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability" (ICLR 2021).
Probe: edge-of-stability
-/
structure Smooth (E : InnerProductSpace K V) (f : V → K) (g : V → V) (L : K) : Prop where
  /-- The smoothness constant is positive. -/
  pos : 0 < L
  /-- The quadratic upper bound. -/
  upper : ∀ x y : V, f y ≤ f x + E.inner (g x) (E.sub y x) + L / 2 * E.normSq (E.sub y x)

end Smoothness

end AxiomDL
