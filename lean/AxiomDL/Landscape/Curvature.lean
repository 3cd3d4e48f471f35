import AxiomDL.Landscape.Smoothness

/-!
# Sharpness without Hessians

The library has no second derivatives, so the sharpness (the top Hessian eigenvalue) of a loss
is characterised by second-order difference quotients. `IsSharpness E f g sharp` says that, at
every `x`, `sharp x` is the least upper curvature of `f` at `x`:

* for every `c > sharp x`, near `x` the quadratic upper bound
  `f y ≤ f x + ⟪g x, y - x⟫ + c/2 ‖y - x‖²` holds;
* for every `c < sharp x`, arbitrarily close to `x` that bound fails.

For a twice continuously differentiable `f` on `ℝⁿ` with gradient `g` this is exactly
`sharp x = λ_max(∇²f(x))` (the lim sup of `2 (f y - f x - ⟪∇f x, y - x⟫) / ‖y - x‖²` as
`y → x`), and the first clause forces `g x = ∇f(x)` wherever `f` is differentiable, so the
definition ties both oracles to the loss. A global smoothness constant bounds the sharpness
(`sharp_le_of_smooth`).
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Curvature

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- `sharp` is the sharpness of `f` (with gradient oracle `g`): at every `x`, `sharp x` is the
least upper curvature of `f` at `x` (see the module docstring). -/
def IsSharpness (E : InnerProductSpace K V) (f : V → K) (g : V → V) (sharp : V → K) : Prop :=
  ∀ x : V,
    (∀ c : K, sharp x < c → ∃ r : K, 0 < r ∧ ∀ y : V, E.normSq (E.sub y x) ≤ r →
      f y ≤ f x + E.inner (g x) (E.sub y x) + c / 2 * E.normSq (E.sub y x)) ∧
    (∀ c : K, c < sharp x → ∀ r : K, 0 < r → ∃ y : V, E.normSq (E.sub y x) ≤ r ∧
      f x + E.inner (g x) (E.sub y x) + c / 2 * E.normSq (E.sub y x) < f y)

/-- A global smoothness constant bounds the sharpness: if `f` is L-smooth, `sharp x ≤ L`
everywhere. -/
theorem sharp_le_of_smooth (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L : K}
    {sharp : V → K} (hS : Smooth E f g L) (hsh : IsSharpness E f g sharp) (x : V) :
    sharp x ≤ L := by
  by_cases h : sharp x ≤ L
  · exact h
  · have hlt : L < sharp x := by grind
    have hone : (0 : K) < 1 := by grind
    obtain ⟨y, _, hy⟩ := (hsh x).2 L hlt 1 hone
    have hup : f y ≤ f x + E.inner (g x) (E.sub y x) + L / 2 * E.normSq (E.sub y x) :=
      hS.upper x y
    exfalso
    grind

end Curvature

end AxiomDL
