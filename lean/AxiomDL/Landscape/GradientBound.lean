import AxiomDL.Landscape.Descent

/-!
# Smooth nonconvex losses: small gradients along gradient descent

Without any PL or convexity assumption, an L-smooth loss bounded below by `f*` satisfies,
along GD with step `1/L`,
`∑_{t < T} ‖g(x_t)‖² ≤ 2L (f(x_0) - f*)` (telescoping the descent lemma), and hence some
iterate among the first `T` has `‖g(x_t)‖² ≤ 2L (f(x_0) - f*) / T`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section GradientBound

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Telescoping the descent lemma: `η ∑_{t < T} ‖g(x_t)‖² ≤ 2 (f(x_0) - f(x_T))`. -/
theorem gd_sum_normSq_le_telescope (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L η : K} (hS : Smooth E f g L) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x0 : V) (T : Nat) :
    η * sumRange (fun t => E.normSq (g (gdIter E g η x0 t))) T
      ≤ 2 * (f x0 - f (gdIter E g η x0 T)) := by
  induction T with
  | zero =>
    have h0 : sumRange (fun t => E.normSq (g (gdIter E g η x0 t))) 0 = 0 :=
      sumRange_zero (fun t => E.normSq (g (gdIter E g η x0 t)))
    have h1 : gdIter E g η x0 0 = x0 := gdIter_zero E g η x0
    rw [h0, h1]
    grind
  | succ k ih =>
    have hs : sumRange (fun t => E.normSq (g (gdIter E g η x0 t))) (k + 1)
        = sumRange (fun t => E.normSq (g (gdIter E g η x0 t))) k
          + E.normSq (g (gdIter E g η x0 k)) :=
      sumRange_succ (fun t => E.normSq (g (gdIter E g η x0 t))) k
    have hd : f (gdStep E g η (gdIter E g η x0 k))
        ≤ f (gdIter E g η x0 k) - η / 2 * E.normSq (g (gdIter E g η x0 k)) :=
      descent_lemma E f g hS hη hLη (gdIter E g η x0 k)
    have hk : gdIter E g η x0 (k + 1) = gdStep E g η (gdIter E g η x0 k) := gdIter_succ E g η x0 k
    rw [hs]
    rw [hk]
    grind

/-- Smooth + bounded below: `η ∑_{t < T} ‖g(x_t)‖² ≤ 2 (f(x_0) - f*)` for `0 ≤ η`, `L η ≤ 1`. -/
theorem gd_sum_normSq_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) {L η fstar : K}
    (hS : Smooth E f g L) (hB : BoundedBelow f fstar) (hη : 0 ≤ η) (hLη : L * η ≤ 1) (x0 : V)
    (T : Nat) :
    η * sumRange (fun t => E.normSq (g (gdIter E g η x0 t))) T ≤ 2 * (f x0 - fstar) := by
  have h1 := gd_sum_normSq_le_telescope E f g hS hη hLη x0 T
  have h2 : fstar ≤ f (gdIter E g η x0 T) := hB.lower_bound (gdIter E g η x0 T)
  grind

/-- Smooth + bounded below, step `1/L`: `∑_{t < T} ‖g(x_t)‖² ≤ 2L (f(x_0) - f*)`. -/
theorem gd_sum_normSq_le_inv (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} (hS : Smooth E f g L) (hB : BoundedBelow f fstar) (hL : 0 < L) (x0 : V)
    (T : Nat) :
    sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T ≤ 2 * L * (f x0 - fstar) := by
  have hη : 0 < 1 / L := one_div_pos hL
  have hLη : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have h1 : 1 / L * sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T
      ≤ 2 * (f x0 - fstar) :=
    gd_sum_normSq_le E f g hS hB (by grind) (by grind) x0 T
  have h2 : L * (1 / L * sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T)
      ≤ L * (2 * (f x0 - fstar)) :=
    mul_le_mul_of_nonneg_left h1 (by grind)
  have h3 : L * (1 / L * sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T)
      = sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T := by
    have h3' : L * (1 / L * sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T)
        = L * (1 / L) * sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T := by
      grind
    rw [h3', hLη]
    grind
  grind

/-- The best iterate has a small gradient: for `T > 0` some `t < T` has
`T · ‖g(x_t)‖² ≤ 2L (f(x_0) - f*)` (GD with step `1/L`, smooth, bounded below). -/
theorem gd_exists_small_gradient (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} (hS : Smooth E f g L) (hB : BoundedBelow f fstar) (hL : 0 < L) (x0 : V)
    {T : Nat} (hT : 0 < T) :
    ∃ t, t < T ∧ natToScalar T * E.normSq (g (gdIter E g (1 / L) x0 t)) ≤ 2 * L * (f x0 - fstar) := by
  obtain ⟨t, ht, hle⟩ :=
    exists_mul_le_sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T hT
  -- restate `hle` beta-reduced, so that `grind` sees the same sum term as in `hsum`
  have hle' : natToScalar T * E.normSq (g (gdIter E g (1 / L) x0 t))
      ≤ sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T := hle
  have hsum : sumRange (fun t => E.normSq (g (gdIter E g (1 / L) x0 t))) T
      ≤ 2 * L * (f x0 - fstar) :=
    gd_sum_normSq_le_inv E f g hS hB hL x0 T
  exact ⟨t, ht, by grind⟩

/-- The best iterate has a small gradient, division form: for `T > 0` some `t < T` has
`‖g(x_t)‖² ≤ 2L (f(x_0) - f*) / T`. -/
theorem gd_exists_small_gradient_div (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {L fstar : K} (hS : Smooth E f g L) (hB : BoundedBelow f fstar) (hL : 0 < L) (x0 : V)
    {T : Nat} (hT : 0 < T) :
    ∃ t, t < T ∧
      E.normSq (g (gdIter E g (1 / L) x0 t)) ≤ 2 * L * (f x0 - fstar) / natToScalar T := by
  obtain ⟨t, ht, hle⟩ := gd_exists_small_gradient E f g hS hB hL x0 hT
  have hTpos : (0 : K) < natToScalar T := natToScalar_pos hT
  exact ⟨t, ht, le_div_of_mul_le hTpos hle⟩

end GradientBound

end AxiomDL
