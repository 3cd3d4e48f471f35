import AxiomDL.Foundations

/-!
# Landscape assumptions: optimal values

Assumptions about the optimal value of a loss `f : V → K`: a lower bound `f*`
(`BoundedBelow`), interpolation (`f* = 0` is attained by a nonnegative loss), and a nearest-point
selection `proj` of global minimisers (`ProjectsToMinimizers`), through which the growth
conditions of `Landscape.Growth` measure the distance to the solution set.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Basic

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Assumption: the loss is bounded below by the value `fstar`, i.e. `fstar ≤ f x` for all
`x`. When `fstar` is attained it is the optimal value `f*`.
Area: landscape
Status: established
Evidence: Training losses (squared error, cross-entropy) are nonnegative, so `f* ≥ 0` holds for every network.
Refs: Nesterov, "Introductory Lectures on Convex Optimization" (2004), §1.2; Bottou, Curtis, Nocedal, "Optimization Methods for Large-Scale Machine Learning" (SIAM Review 2018).
-/
structure BoundedBelow (f : V → K) (fstar : K) : Prop where
  /-- `fstar` is a lower bound of the loss. -/
  lower_bound : ∀ x : V, fstar ≤ f x

/-- Assumption: interpolation. The loss is nonnegative and its optimal value `f* = 0` is
attained: some parameter fits every training example exactly.
Area: landscape
Status: plausible
Evidence: Large networks fit even randomly labelled data to zero training error (Zhang et al. 2017); fails for under-parameterised models, and for cross-entropy `0` is only approached, not attained.
Refs: Zhang, Bengio, Hardt, Recht, Vinyals, "Understanding deep learning requires rethinking generalization" (ICLR 2017); Ma, Bassily, Belkin, "The Power of Interpolation" (ICML 2018); Vaswani, Bach, Schmidt (AISTATS 2019).
-/
structure Interpolation (f : V → K) : Prop where
  /-- The loss is nonnegative. -/
  nonneg : ∀ x : V, 0 ≤ f x
  /-- The value `0` is attained. -/
  attained : ∃ x : V, f x = 0

/-- Assumption: `proj` is a nearest-point selection of global minimisers: `fstar` is the optimal
value (`fstar ≤ f y` for all `y`), every `proj x` attains it, and no minimiser is closer to `x`
than `proj x` (`‖x - proj x‖² ≤ ‖x - y‖²` whenever `f y = fstar`). Then
`‖x - proj x‖² = dist(x, X*)²` for the solution set `X* = {y | f y = fstar}`, which is how
the growth conditions of `Landscape.Growth` are stated in the literature. The assumption
includes that the nearest points exist.
Area: landscape
Status: established
Evidence: In finite dimension a nonempty closed solution set has nearest points; over-parameterised models have whole manifolds of minimisers, so the selection depends on `x`.
Refs: Karimi, Nutini, Schmidt, "Linear Convergence of Gradient and Proximal-Gradient Methods Under the Polyak-Łojasiewicz Condition" (ECML-PKDD 2016), §2.
-/
structure ProjectsToMinimizers (E : InnerProductSpace K V) (f : V → K) (fstar : K)
    (proj : V → V) : Prop where
  /-- `fstar` is the optimal value: a lower bound of the loss. -/
  optimal : ∀ y : V, fstar ≤ f y
  /-- Every selected point attains the optimal value. -/
  attains : ∀ x : V, f (proj x) = fstar
  /-- The selected point is a nearest minimiser. -/
  nearest : ∀ x y : V, f y = fstar → E.normSq (E.sub x (proj x)) ≤ E.normSq (E.sub x y)

end Basic

end AxiomDL
