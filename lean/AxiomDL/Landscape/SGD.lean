import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Noise

/-!
# Stochastic gradient descent with bounded noise

Under L-smoothness and the deterministic worst-case noise bound `‖sg i x - g x‖² ≤ σ²`, one
SGD step with `0 ≤ η`, `L η ≤ 1` satisfies
`f(x⁺) ≤ f(x) - η/2 ‖g x‖² + η/2 σ²`.
Adding μ-PL, SGD converges linearly up to a noise ball: for every sample sequence,
`f(x_t) - f* ≤ (1 - μη)^t (f(x_0) - f*) + B` whenever `σ² ≤ 2μB`.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL

section SGD

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v} {ι : Type w}

/-- The noisy descent lemma: one SGD step decreases an L-smooth loss up to the noise level,
`f(x⁺) ≤ f(x) - η/2 ‖g x‖² + η/2 σ²`. -/
theorem sgd_descent_lemma (E : InnerProductSpace K V) (f : V → K) (g : V → V) (sg : ι → V → V)
    {L η σsq : K} (hS : Smooth E f g L) (hN : BoundedGradientNoise E g sg σsq) (hη : 0 ≤ η)
    (hLη : L * η ≤ 1) (i : ι) (x : V) :
    f (sgdStep E sg η i x) ≤ f x - η / 2 * E.normSq (g x) + η / 2 * σsq := by
  -- the curvature term: `L/2 η² ‖s‖² ≤ η/2 ‖s‖²` because `L η ≤ 1`
  have hquad : L / 2 * (η * η * E.normSq (sg i x)) ≤ η / 2 * E.normSq (sg i x) := by
    have hns : 0 ≤ E.normSq (sg i x) := E.normSq_nonneg (sg i x)
    have hprod : 0 ≤ (1 - L * η) * (η * E.normSq (sg i x)) :=
      mul_nonneg (by grind) (mul_nonneg hη hns)
    grind
  -- the cross term, from `η ‖s - g‖² ≤ η σ²` expanded
  have hcross : -(η * E.inner (g x) (sg i x))
      ≤ η / 2 * σsq - η / 2 * E.normSq (sg i x) - η / 2 * E.normSq (g x) := by
    have hq : η * E.normSq (E.sub (sg i x) (g x)) ≤ η * σsq :=
      mul_le_mul_of_nonneg_left (hN.noise i x) hη
    have hexp : E.normSq (E.sub (sg i x) (g x))
        = E.normSq (sg i x) - 2 * E.inner (sg i x) (g x) + E.normSq (g x) :=
      E.normSq_sub (sg i x) (g x)
    have he : η * E.normSq (E.sub (sg i x) (g x))
        = η * (E.normSq (sg i x) - 2 * E.inner (sg i x) (g x) + E.normSq (g x)) := by
      rw [hexp]
    have hc : E.inner (sg i x) (g x) = E.inner (g x) (sg i x) := E.inner_comm (sg i x) (g x)
    have hc' : η * E.inner (sg i x) (g x) = η * E.inner (g x) (sg i x) := by
      rw [hc]
    grind
  -- smoothness along the step `x⁺ - x = -η s` (with `s = sg i x`)
  have h1 : f (sgdStep E sg η i x)
      ≤ f x + -(η * E.inner (g x) (sg i x)) + L / 2 * (η * η * E.normSq (sg i x)) := by
    have hup : f (sgdStep E sg η i x) ≤ f x + E.inner (g x) (E.sub (sgdStep E sg η i x) x)
        + L / 2 * E.normSq (E.sub (sgdStep E sg η i x) x) :=
      hS.upper x (sgdStep E sg η i x)
    have h2 : E.inner (g x) (E.sub (sgdStep E sg η i x) x) = -(η * E.inner (g x) (sg i x)) :=
      E.inner_step_right x (sg i x) (g x) η
    have h3 : E.normSq (E.sub (sgdStep E sg η i x) x) = η * η * E.normSq (sg i x) :=
      E.normSq_step x (sg i x) η
    rw [h2, h3] at hup
    exact hup
  -- combine
  calc f (sgdStep E sg η i x)
      ≤ f x + -(η * E.inner (g x) (sg i x)) + L / 2 * (η * η * E.normSq (sg i x)) := h1
    _ ≤ f x + (η / 2 * σsq - η / 2 * E.normSq (sg i x) - η / 2 * E.normSq (g x))
          + η / 2 * E.normSq (sg i x) := by grind
    _ = f x - η / 2 * E.normSq (g x) + η / 2 * σsq := by grind

/-- One SGD step contracts the suboptimality up to the noise level, under L-smoothness, μ-PL
(`μ > 0`) and bounded noise: `f(x⁺) - f* ≤ (1 - μη)(f(x) - f*) + η/2 σ²`. -/
theorem sgdStep_sub_le (E : InnerProductSpace K V) (f : V → K) (g : V → V) (sg : ι → V → V)
    {L η μ fstar σsq : K} (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar)
    (hμ : 0 < μ) (hN : BoundedGradientNoise E g sg σsq) (hη : 0 ≤ η) (hLη : L * η ≤ 1)
    (i : ι) (x : V) :
    f (sgdStep E sg η i x) - fstar ≤ (1 - μ * η) * (f x - fstar) + η / 2 * σsq := by
  have h1 : f (sgdStep E sg η i x) ≤ f x - η / 2 * E.normSq (g x) + η / 2 * σsq :=
    sgd_descent_lemma E f g sg hS hN hη hLη i x
  have h2 : η * (μ * (f x - fstar)) ≤ η * (E.normSq (g x) / 2) :=
    mul_le_mul_of_nonneg_left (hPL.pl x) hη
  grind

/-- SGD under smoothness, μ-PL (`μ > 0`) and bounded noise converges linearly to a noise ball:
for every sample sequence `ξ`, `f(x_t) - f* ≤ (1 - μη)^t (f(x_0) - f*) + B`, for any `B ≥ 0`
with `σ² ≤ 2μB` (e.g. `B = σ²/(2μ)`), when `0 ≤ η`, `L η ≤ 1`, `μ η ≤ 1`. The noise model is a
worst-case bias bound, not a variance bound, so the ball `σ²/(2μ)` does not shrink with `η`
(with bounded variance it would be of order `η L σ²/μ`). -/
theorem sgd_noise_ball (E : InnerProductSpace K V) (f : V → K) (g : V → V) (sg : ι → V → V)
    {L η μ fstar σsq B : K} (hS : Smooth E f g L) (hPL : PolyakLojasiewicz E f g μ fstar)
    (hμ : 0 < μ) (hN : BoundedGradientNoise E g sg σsq) (hη : 0 ≤ η) (hLη : L * η ≤ 1)
    (hμη : μ * η ≤ 1) (hB0 : 0 ≤ B) (hB : σsq ≤ 2 * μ * B) (ξ : Nat → ι) (x0 : V) (t : Nat) :
    f (sgdIter E sg η ξ x0 t) - fstar ≤ (1 - μ * η) ^ t * (f x0 - fstar) + B := by
  have hρ : 0 ≤ 1 - μ * η := by grind
  have hc : η / 2 * σsq ≤ (1 - (1 - μ * η)) * B := by
    have hm : η * σsq ≤ η * (2 * μ * B) := mul_le_mul_of_nonneg_left hB hη
    grind
  have hstep : ∀ s : Nat, f (sgdIter E sg η ξ x0 (s + 1)) - fstar
      ≤ (1 - μ * η) * (f (sgdIter E sg η ξ x0 s) - fstar) + η / 2 * σsq :=
    fun s => sgdStep_sub_le E f g sg hS hPL hμ hN hη hLη (ξ s) (sgdIter E sg η ξ x0 s)
  have hmain : f (sgdIter E sg η ξ x0 t) - fstar
      ≤ (1 - μ * η) ^ t * (f (sgdIter E sg η ξ x0 0) - fstar) + B :=
    le_pow_mul_add_of_step (fun s => f (sgdIter E sg η ξ x0 s) - fstar) (1 - μ * η)
      (η / 2 * σsq) B hρ hB0 hc hstep t
  exact hmain

end SGD

end AxiomDL
