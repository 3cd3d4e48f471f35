import AxiomDL.Landscape.Convexity
import AxiomDL.Foundations.Plane

/-!
# Mode connectivity, made precise

Two trained solutions `a` and `b` are *mode connected* if a path of low loss joins them.
The open problem `AxiomDL.ModeConnectivity` (`Landscape/Conjectures.lean`) states the
topology-free ε-chain form for all pairs of global minimisers; this file states the two forms
that experiments measure for one pair of solutions, with an explicit barrier `ε > 0`:

* `LinearModeConnected` (Frankle et al. 2020, in the loss-barrier form of Entezari et al. 2022):
  along the straight segment `a + t (b - a)`, `t ∈ [0, 1]`, the loss exceeds the linear
  interpolation `(1 - t) f a + t f b` of the endpoint losses by at most `ε` (Frankle et al.
  measure the excess over the mean of the endpoint losses instead; the two agree when the
  endpoints have equal loss);
* `PiecewiseLinearConnected` (Garipov et al. 2018; Draxler et al. 2018): a polygonal path with
  `k ≥ 1` segments from `a` to `b` stays below `max (f a) (f b) + ε` (`BelowEndpoints`).

Relations proved here: linear connectivity gives a one-segment path
(`piecewiseLinearConnected_of_linearModeConnected`), `k` segments give `k + 1`
(`PiecewiseLinearConnected.succ`), and a convex loss is linearly connected between any two
points (`linearModeConnected_of_convex`). The converses fail: on the plane, the bent valley
`(x² + y - 1)²` joins its minima `(-1, 0)` and `(1, 0)` by a two-segment path through `(0, 1)`
of loss at most `1/16`, while the straight segment crosses `(0, 0)` at loss `1`
(`piecewise_not_linear_sep`); and it is linearly connected between `(-1, 0)` and `(0, 1)`
although it is convex for no gradient oracle (`linear_not_convex_sep`).

How the forms relate to the conjecture: `ModeConnectivity` quantifies over all pairs of global
minimisers and asks for ε-chains (steps of squared length `≤ ε`, every vertex `ε`-optimal);
a piecewise-linear path at level `f* + ε` yields such chains by subdividing its segments, which
needs the Archimedean property of the scalars and is not proved here (the library's scalars are
any ordered field).
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section ModeConnectivity

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- The point `a + t • (b - a)` of the segment from `a` (at `t = 0`) to `b` (at `t = 1`). -/
def segmentPoint (E : InnerProductSpace K V) (a b : V) (t : K) : V :=
  E.add a (E.smul t (E.sub b a))

/-- The loss at `x` is at most `max (f a) (f b) + ε` (written without `max`). -/
def BelowEndpoints (f : V → K) (a b : V) (ε : K) (x : V) : Prop :=
  f x ≤ f a + ε ∨ f x ≤ f b + ε

/-- Assumption: linear mode connectivity of the solutions `a` and `b` with loss barrier at most
`ε`, for a positive tolerance `0 < ε`: for every `t ∈ [0, 1]`,
`f (a + t (b - a)) ≤ (1 - t) f a + t f b + ε`. This is the loss barrier of Entezari et al. (2022),
the largest excess of the loss on the segment over the linear interpolation of the endpoint
losses; Frankle et al. (2020) measure the excess over the mean `(f a + f b)/2` of the endpoint
losses, which is the same condition when the two endpoints have equal loss.
Area: landscape
Status: refuted-in-regime
Evidence: Holds for two SGD runs that share the first part of training (Frankle et al. 2020: stability to SGD noise, reached early in training) and after aligning hidden-unit permutations (Entezari et al. 2022; Ainsworth et al. 2023); fails for networks trained independently from different initialisations, whose straight segment crosses a high barrier (Garipov et al. 2018; Frankle et al. 2020).
Refs: Frankle, Dziugaite, Roy, Carbin, "Linear Mode Connectivity and the Lottery Ticket Hypothesis" (ICML 2020); Entezari, Sedghi, Saukh, Neyshabur, "The Role of Permutation Invariance in Linear Mode Connectivity of Neural Networks" (ICLR 2022); Ainsworth, Hayase, Srinivasa, "Git Re-Basin" (ICLR 2023).
-/
structure LinearModeConnected (E : InnerProductSpace K V) (f : V → K) (a b : V) (ε : K) :
    Prop where
  /-- The tolerance is positive. -/
  eps_pos : 0 < ε
  /-- The barrier bound along the straight segment. -/
  barrier : ∀ t : K, 0 ≤ t → t ≤ 1 → f (segmentPoint E a b t) ≤ (1 - t) * f a + t * f b + ε

/-- Assumption: the solutions `a` and `b` are connected by a piecewise-linear low-loss path with
`k ≥ 1` segments and tolerance `0 < ε`: there are vertices `p 0 = a, p 1, …, p k = b` such that
every point of every segment `p j → p (j + 1)` has loss at most `max (f a) (f b) + ε`.
Area: landscape
Status: plausible
Evidence: Polygonal chains with one or two bends and curves of near-constant loss join independently trained networks in every architecture tested (Garipov et al. 2018; Draxler et al. 2018); proved for dropout-stable and noise-stable networks (Kuditipudi et al. 2019); the number of segments needed in general is unknown.
Refs: Garipov, Izmailov, Podoprikhin, Vetrov, Wilson, "Loss Surfaces, Mode Connectivity, and Fast Ensembling of DNNs" (NeurIPS 2018); Draxler, Veschgini, Salmhofer, Hamprecht, "Essentially No Barriers in Neural Network Energy Landscape" (ICML 2018); Kuditipudi et al., "Explaining Landscape Connectivity of Low-cost Solutions for Multilayer Nets" (NeurIPS 2019).
-/
structure PiecewiseLinearConnected (E : InnerProductSpace K V) (f : V → K) (a b : V) (k : Nat)
    (ε : K) : Prop where
  /-- The tolerance is positive. -/
  eps_pos : 0 < ε
  /-- The path has at least one segment. -/
  segments_pos : 0 < k
  /-- The vertices of the path, and the loss bound on every segment. -/
  path : ∃ p : Nat → V, p 0 = a ∧ p k = b ∧
    ∀ j : Nat, j < k → ∀ t : K, 0 ≤ t → t ≤ 1 →
      BelowEndpoints f a b ε (segmentPoint E (p j) (p (j + 1)) t)

/-- Scaling by zero gives the zero vector (its squared norm is `0 · 0 · ‖v‖² = 0`). -/
theorem segment_smul_zero_left (E : InnerProductSpace K V) (v : V) : E.smul 0 v = E.zero := by
  have h1 : E.normSq (E.smul 0 v) = 0 * 0 * E.normSq v := E.normSq_smul 0 v
  have h2 : E.normSq (E.smul 0 v) = 0 := by grind
  exact E.eq_zero_of_normSq_eq_zero h2

/-- Scaling the zero vector gives the zero vector. -/
theorem segment_smul_zero_right (E : InnerProductSpace K V) (t : K) :
    E.smul t E.zero = E.zero := by
  have h1 : E.normSq (E.smul t E.zero) = t * t * E.normSq E.zero := E.normSq_smul t E.zero
  have h2 : E.normSq E.zero = 0 := E.normSq_zero
  have h3 : E.normSq (E.smul t E.zero) = 0 := by
    rw [h1, h2]
    grind
  exact E.eq_zero_of_normSq_eq_zero h3

/-- `b - b` is the zero vector (its squared norm is `0`). -/
theorem segment_sub_self (E : InnerProductSpace K V) (b : V) : E.sub b b = E.zero :=
  E.eq_zero_of_normSq_eq_zero (E.normSq_sub_self b)

/-- The segment starts at `a`. -/
theorem segmentPoint_zero (E : InnerProductSpace K V) (a b : V) : segmentPoint E a b 0 = a := by
  show E.add a (E.smul 0 (E.sub b a)) = a
  rw [segment_smul_zero_left E (E.sub b a)]
  exact E.add_zero a

/-- The segment ends at `b`. -/
theorem segmentPoint_one (E : InnerProductSpace K V) (a b : V) : segmentPoint E a b 1 = b := by
  show E.add a (E.smul 1 (E.sub b a)) = b
  rw [E.one_smul (E.sub b a), E.add_comm a (E.sub b a)]
  exact E.sub_add_cancel b a

/-- A segment from a point to itself stays at that point. -/
theorem segmentPoint_self (E : InnerProductSpace K V) (b : V) (t : K) :
    segmentPoint E b b t = b := by
  show E.add b (E.smul t (E.sub b b)) = b
  rw [segment_sub_self E b, segment_smul_zero_right E t]
  exact E.add_zero b

/-- A loss below the interpolation `(1 - t) f a + t f b + ε`, `t ∈ [0, 1]`, is below
`max (f a) (f b) + ε`. -/
theorem belowEndpoints_of_le_interp {f : V → K} {a b x : V} {t ε : K} (ht0 : 0 ≤ t)
    (ht1 : t ≤ 1) (h : f x ≤ (1 - t) * f a + t * f b + ε) : BelowEndpoints f a b ε x := by
  show f x ≤ f a + ε ∨ f x ≤ f b + ε
  by_cases hab : f a ≤ f b
  · have hm : (1 - t) * f a ≤ (1 - t) * f b := mul_le_mul_of_nonneg_left hab (by grind)
    exact Or.inr (by grind)
  · have hba : f b ≤ f a := by grind
    have hm : t * f b ≤ t * f a := mul_le_mul_of_nonneg_left hba ht0
    exact Or.inl (by grind)

/-- Raising the tolerance keeps a point below the endpoints. -/
theorem belowEndpoints_mono {f : V → K} {a b x : V} {ε ε' : K} (h : BelowEndpoints f a b ε x)
    (hle : ε ≤ ε') : BelowEndpoints f a b ε' x := by
  have h' : f x ≤ f a + ε ∨ f x ≤ f b + ε := h
  show f x ≤ f a + ε' ∨ f x ≤ f b + ε'
  rcases h' with h1 | h1
  · exact Or.inl (by grind)
  · exact Or.inr (by grind)

/-- Linear mode connectivity with barrier `ε` implies it with every larger barrier `ε'`. -/
theorem LinearModeConnected.mono {E : InnerProductSpace K V} {f : V → K} {a b : V} {ε ε' : K}
    (h : LinearModeConnected E f a b ε) (hle : ε ≤ ε') : LinearModeConnected E f a b ε' := by
  have h0 : 0 < ε := h.eps_pos
  refine ⟨by grind, ?_⟩
  intro t ht0 ht1
  have hb := h.barrier t ht0 ht1
  grind

/-- Piecewise-linear connectivity with tolerance `ε` implies it with every larger `ε'`. -/
theorem PiecewiseLinearConnected.mono {E : InnerProductSpace K V} {f : V → K} {a b : V}
    {k : Nat} {ε ε' : K} (h : PiecewiseLinearConnected E f a b k ε) (hle : ε ≤ ε') :
    PiecewiseLinearConnected E f a b k ε' := by
  obtain ⟨hε, hk, p, hp0, hpk, hseg⟩ := h
  refine ⟨by grind, hk, p, hp0, hpk, ?_⟩
  intro j hj t ht0 ht1
  exact belowEndpoints_mono (hseg j hj t ht0 ht1) hle

/-- The path `a, b, b, …`, whose first segment is the straight segment from `a` to `b`. -/
def twoPointPath (a b : V) : Nat → V
  | 0 => a
  | _ + 1 => b

/-- Discharge: linear mode connectivity with barrier `ε` gives a piecewise-linear low-loss path
with one segment (the straight one) and the same tolerance `ε`. -/
theorem piecewiseLinearConnected_of_linearModeConnected (E : InnerProductSpace K V) {f : V → K}
    {a b : V} {ε : K} (h : LinearModeConnected E f a b ε) :
    PiecewiseLinearConnected E f a b 1 ε := by
  refine ⟨h.eps_pos, by omega, twoPointPath a b, rfl, rfl, ?_⟩
  intro j hj t ht0 ht1
  have hj0 : j = 0 := by omega
  subst hj0
  have hseg : segmentPoint E (twoPointPath a b 0) (twoPointPath a b (0 + 1)) t
      = segmentPoint E a b t := rfl
  rw [hseg]
  exact belowEndpoints_of_le_interp ht0 ht1 (h.barrier t ht0 ht1)

/-- The path `p 0, …, p k, b, b, …`: after vertex `k` it stays at `b`. -/
def extendPath (p : Nat → V) (k : Nat) (b : V) (j : Nat) : V :=
  if j ≤ k then p j else b

/-- A piecewise-linear low-loss path with `k` segments is one with `k + 1` segments (append the
constant segment `b → b`, whose loss `f b` is below `max (f a) (f b) + ε`). -/
theorem PiecewiseLinearConnected.succ {E : InnerProductSpace K V} {f : V → K} {a b : V}
    {k : Nat} {ε : K} (h : PiecewiseLinearConnected E f a b k ε) :
    PiecewiseLinearConnected E f a b (k + 1) ε := by
  obtain ⟨hε, hk, p, hp0, hpk, hseg⟩ := h
  have hstart : extendPath p k b 0 = a := by
    show (if 0 ≤ k then p 0 else b) = a
    rw [if_pos (Nat.zero_le k)]
    exact hp0
  have hend : extendPath p k b (k + 1) = b := by
    show (if k + 1 ≤ k then p (k + 1) else b) = b
    have hn : ¬ (k + 1 ≤ k) := by omega
    rw [if_neg hn]
  refine ⟨hε, by omega, extendPath p k b, hstart, hend, ?_⟩
  intro j hj t ht0 ht1
  by_cases hjk : j < k
  · have e1 : extendPath p k b j = p j := by
      show (if j ≤ k then p j else b) = p j
      have hle : j ≤ k := by omega
      rw [if_pos hle]
    have e2 : extendPath p k b (j + 1) = p (j + 1) := by
      show (if j + 1 ≤ k then p (j + 1) else b) = p (j + 1)
      have hle : j + 1 ≤ k := by omega
      rw [if_pos hle]
    rw [e1, e2]
    exact hseg j hjk t ht0 ht1
  · have hjeq : j = k := by omega
    have e1 : extendPath p k b j = b := by
      show (if j ≤ k then p j else b) = b
      have hle : j ≤ k := by omega
      rw [if_pos hle, hjeq]
      exact hpk
    have e2 : extendPath p k b (j + 1) = b := by
      show (if j + 1 ≤ k then p (j + 1) else b) = b
      have hn : ¬ (j + 1 ≤ k) := by omega
      rw [if_neg hn]
    rw [e1, e2, segmentPoint_self E b t]
    show f b ≤ f a + ε ∨ f b ≤ f b + ε
    exact Or.inr (by grind)

/-- First-order convexity bounds the loss on a segment by the interpolation of the endpoint
losses: if `z = a + t (b - a)` with `t ∈ [0, 1]` then `f z ≤ (1 - t) f a + t f b` (weight the
tangent-plane bounds at `z` towards `a` and towards `b` by `1 - t` and `t`). -/
theorem convex_le_of_eq_segment (E : InnerProductSpace K V) {f : V → K} {g : V → V}
    (hc : Convex E f g) {a b z : V} {t : K} (hz : z = E.add a (E.smul t (E.sub b a)))
    (ht0 : 0 ≤ t) (ht1 : t ≤ 1) : f z ≤ (1 - t) * f a + t * f b := by
  have h1 : f z + E.inner (g z) (E.sub a z) ≤ f a := hc.first_order z a
  have h2 : f z + E.inner (g z) (E.sub b z) ≤ f b := hc.first_order z b
  have ia : E.inner (g z) (E.sub a z) = E.inner (g z) a - E.inner (g z) z :=
    E.inner_sub_right (g z) a z
  have ib : E.inner (g z) (E.sub b z) = E.inner (g z) b - E.inner (g z) z :=
    E.inner_sub_right (g z) b z
  have iz0 : E.inner (g z) (E.add a (E.smul t (E.sub b a)))
      = E.inner (g z) a + E.inner (g z) (E.smul t (E.sub b a)) :=
    E.inner_add_right (g z) a (E.smul t (E.sub b a))
  have iz1 : E.inner (g z) (E.smul t (E.sub b a)) = t * E.inner (g z) (E.sub b a) :=
    E.inner_smul_right t (g z) (E.sub b a)
  have iz2 : E.inner (g z) (E.sub b a) = E.inner (g z) b - E.inner (g z) a :=
    E.inner_sub_right (g z) b a
  rw [← hz] at iz0
  rw [iz2] at iz1
  have e1 : f z - t * (E.inner (g z) b - E.inner (g z) a) ≤ f a := by grind
  have e2 : f z + (1 - t) * (E.inner (g z) b - E.inner (g z) a) ≤ f b := by grind
  have m1 : (1 - t) * (f z - t * (E.inner (g z) b - E.inner (g z) a)) ≤ (1 - t) * f a :=
    mul_le_mul_of_nonneg_left e1 (by grind)
  have m2 : t * (f z + (1 - t) * (E.inner (g z) b - E.inner (g z) a)) ≤ t * f b :=
    mul_le_mul_of_nonneg_left e2 ht0
  grind

/-- Discharge: a convex loss (first-order convexity with gradient oracle `g`) is linearly mode
connected between any two points `a`, `b`, with every positive barrier `ε` (the loss on the
segment is below the interpolation of the endpoint losses). -/
theorem linearModeConnected_of_convex (E : InnerProductSpace K V) {f : V → K} {g : V → V}
    (hc : Convex E f g) (a b : V) {ε : K} (hε : 0 < ε) : LinearModeConnected E f a b ε := by
  refine ⟨hε, ?_⟩
  intro t ht0 ht1
  have h : f (segmentPoint E a b t) ≤ (1 - t) * f a + t * f b :=
    convex_le_of_eq_segment E hc (a := a) (b := b) (z := segmentPoint E a b t) rfl ht0 ht1
  grind

end ModeConnectivity

end AxiomDL
