import AxiomDL.Landscape.ModeConnectivity

/-!
# Mode connectivity: witnesses and separations on the plane

Two losses on the plane `K × K` (`planeSpace`; `ratPlane` over `Rat`):

* the valley `valleyLoss (x, y) = y²`, convex with gradient `(0, 2y)`, whose minima include
  `(-1, 0)` and `(1, 0)`: linearly mode connected with every barrier `ε > 0`, hence also by a
  one-segment path;
* the bent valley `bentLoss (x, y) = (x² + y - 1)²`, which vanishes exactly on the parabola
  `y = 1 - x²`. Its minima `(-1, 0)` and `(1, 0)` are joined by the two-segment path through
  `(0, 1)`, on which `x² + y - 1 = t² - t` and so the loss is at most `1/16`; the straight segment
  between them passes through `(0, 0)`, where the loss is `1`. This separates
  `PiecewiseLinearConnected` from `LinearModeConnected`. The bent valley is also linearly
  connected between the nearby minima `(-1, 0)` and `(0, 1)` while it is convex for no gradient
  oracle, which separates `LinearModeConnected` from `Convex`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section PlaneLosses

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The valley `f (x, y) = y²`: its minimisers are the whole `x`-axis. -/
def valleyLoss (p : K × K) : K :=
  p.2 * p.2

/-- The gradient `(0, 2y)` of the valley. -/
def valleyGrad (p : K × K) : K × K :=
  (0, 2 * p.2)

/-- The bent valley `f (x, y) = (x² + y - 1)²`: zero exactly on the parabola `y = 1 - x²`. -/
def bentLoss (p : K × K) : K :=
  (p.1 * p.1 + p.2 - 1) * (p.1 * p.1 + p.2 - 1)

/-- The two-segment path `(-1, 0) → (0, 1) → (1, 0)` (then constant). -/
def bentPath : Nat → K × K
  | 0 => (-1, 0)
  | 1 => (0, 1)
  | _ + 2 => (1, 0)

/-- Unfolding the bent valley at a pair. -/
theorem bentLoss_eq (x y : K) : bentLoss (x, y) = (x * x + y - 1) * (x * x + y - 1) :=
  rfl

/-- On `t ∈ [0, 1]`, `(t² - t)² ≤ 1/16`: with `u = t - t²`, `0 ≤ u ≤ 1/4` and `u² ≤ u/4`. -/
theorem sq_sub_sq_le_sixteenth {t : K} (ht0 : 0 ≤ t) (ht1 : t ≤ 1) :
    (t * t - t) * (t * t - t) ≤ 1 / 16 := by
  have hu0 : 0 ≤ t * (1 - t) := mul_nonneg ht0 (by grind)
  have hsq : 0 ≤ (t - 1 / 2) * (t - 1 / 2) := mul_self_nonneg (t - 1 / 2)
  have hu1 : t - t * t ≤ 1 / 4 := by grind
  have hm : (t - t * t) * (t - t * t) ≤ (t - t * t) * (1 / 4) :=
    mul_le_mul_of_nonneg_left hu1 (by grind)
  grind

/-- Witness: the valley `y²` with gradient `(0, 2y)` is convex on the plane. -/
theorem valley_convex : Convex (planeSpace (K := K)) valleyLoss valleyGrad := by
  constructor
  intro x y
  obtain ⟨x1, x2⟩ := x
  obtain ⟨y1, y2⟩ := y
  show x2 * x2 + (0 * (y1 - x1) + 2 * x2 * (y2 - x2)) ≤ y2 * y2
  have h : 0 ≤ (y2 - x2) * (y2 - x2) := mul_self_nonneg (y2 - x2)
  grind

/-- Witness: the valley is linearly mode connected between its minima `(-1, 0)` and `(1, 0)`
with barrier `1/2` (by convexity). -/
theorem valley_linearModeConnected :
    LinearModeConnected (planeSpace (K := K)) valleyLoss (-1, 0) (1, 0) (1 / 2) :=
  linearModeConnected_of_convex planeSpace valley_convex (-1, 0) (1, 0) (by grind)

/-- The bent valley vanishes at `(-1, 0)`. -/
theorem bentLoss_left : bentLoss ((-1 : K), (0 : K)) = 0 := by
  rw [bentLoss_eq]
  grind

/-- The bent valley vanishes at `(1, 0)`. -/
theorem bentLoss_right : bentLoss ((1 : K), (0 : K)) = 0 := by
  rw [bentLoss_eq]
  grind

/-- The bent valley vanishes at `(0, 1)`. -/
theorem bentLoss_top : bentLoss ((0 : K), (1 : K)) = 0 := by
  rw [bentLoss_eq]
  grind

/-- The two-segment path through `(0, 1)` joins `(-1, 0)` and `(1, 0)` with loss at most `1/16`
along the way, so with tolerance `1/2`. -/
theorem bent_piecewiseLinearConnected :
    PiecewiseLinearConnected (planeSpace (K := K)) bentLoss (-1, 0) (1, 0) 2 (1 / 2) := by
  refine ⟨by grind, by omega, bentPath, rfl, rfl, ?_⟩
  intro j hj t ht0 ht1
  have hq : (t * t - t) * (t * t - t) ≤ 1 / 16 := sq_sub_sq_le_sixteenth ht0 ht1
  have hcases : j = 0 ∨ j = 1 := by omega
  rcases hcases with h0 | h1
  · subst h0
    have hv : segmentPoint (planeSpace (K := K)) (bentPath 0) (bentPath (0 + 1)) t
        = (-1 + t * (0 - -1), 0 + t * (1 - 0)) := rfl
    rw [hv]
    show bentLoss (-1 + t * (0 - -1), 0 + t * (1 - 0)) ≤ bentLoss ((-1 : K), (0 : K)) + 1 / 2
      ∨ bentLoss (-1 + t * (0 - -1), 0 + t * (1 - 0)) ≤ bentLoss ((1 : K), (0 : K)) + 1 / 2
    rw [bentLoss_left, bentLoss_right, bentLoss_eq]
    exact Or.inl (by grind)
  · subst h1
    have hv : segmentPoint (planeSpace (K := K)) (bentPath 1) (bentPath (1 + 1)) t
        = (0 + t * (1 - 0), 1 + t * (0 - 1)) := rfl
    rw [hv]
    show bentLoss (0 + t * (1 - 0), 1 + t * (0 - 1)) ≤ bentLoss ((-1 : K), (0 : K)) + 1 / 2
      ∨ bentLoss (0 + t * (1 - 0), 1 + t * (0 - 1)) ≤ bentLoss ((1 : K), (0 : K)) + 1 / 2
    rw [bentLoss_left, bentLoss_right, bentLoss_eq]
    exact Or.inl (by grind)

/-- The straight segment from `(-1, 0)` to `(1, 0)` crosses `(0, 0)`, where the bent valley has
loss `1`: the barrier exceeds `1/2`. -/
theorem bent_not_linearModeConnected :
    ¬ LinearModeConnected (planeSpace (K := K)) bentLoss (-1, 0) (1, 0) (1 / 2) := by
  intro h
  have hb := h.barrier (1 / 2) (by grind) (by grind)
  have hv : segmentPoint (planeSpace (K := K)) (-1, 0) (1, 0) (1 / 2)
      = (-1 + 1 / 2 * (1 - -1), 0 + 1 / 2 * (0 - 0)) := rfl
  rw [hv, bentLoss_left, bentLoss_right, bentLoss_eq] at hb
  grind

/-- The bent valley is linearly mode connected between its nearby minima `(-1, 0)` and `(0, 1)`
with barrier `1/2` (on that segment `x² + y - 1 = t² - t`). -/
theorem bent_linearModeConnected_short :
    LinearModeConnected (planeSpace (K := K)) bentLoss (-1, 0) (0, 1) (1 / 2) := by
  refine ⟨by grind, ?_⟩
  intro t ht0 ht1
  have hq : (t * t - t) * (t * t - t) ≤ 1 / 16 := sq_sub_sq_le_sixteenth ht0 ht1
  have hv : segmentPoint (planeSpace (K := K)) (-1, 0) (0, 1) t
      = (-1 + t * (0 - -1), 0 + t * (1 - 0)) := rfl
  rw [hv, bentLoss_left, bentLoss_top, bentLoss_eq]
  grind

/-- The bent valley is convex for no gradient oracle `g`: the tangent-plane bounds at `(0, 0)`
(loss `1`) towards `(1, 0)` and `(-1, 0)` (loss `0`) would give `1 + g₁ ≤ 0` and `1 - g₁ ≤ 0`. -/
theorem bent_not_convex : ¬ ∃ g : K × K → K × K, Convex (planeSpace (K := K)) bentLoss g := by
  intro hex
  obtain ⟨g, hg⟩ := hex
  have h1 := hg.first_order (0, 0) (1, 0)
  have h2 := hg.first_order (0, 0) (-1, 0)
  have e1 : (planeSpace (K := K)).inner (g (0, 0)) ((planeSpace (K := K)).sub (1, 0) (0, 0))
      = (g (0, 0)).1 * (1 - 0) + (g (0, 0)).2 * (0 - 0) := rfl
  have e2 : (planeSpace (K := K)).inner (g (0, 0)) ((planeSpace (K := K)).sub (-1, 0) (0, 0))
      = (g (0, 0)).1 * (-1 - 0) + (g (0, 0)).2 * (0 - 0) := rfl
  have f0 : bentLoss ((0 : K), (0 : K)) = 1 := by
    rw [bentLoss_eq]
    grind
  rw [e1, f0, bentLoss_right] at h1
  rw [e2, f0, bentLoss_left] at h2
  grind

end PlaneLosses

/-- Separation: `PiecewiseLinearConnected` does not imply `LinearModeConnected`. Over `Rat`,
the bent valley `(x² + y - 1)²` on the plane joins its minima `(-1, 0)` and `(1, 0)` by a
two-segment path with tolerance `1/2` (the loss on it is at most `1/16`), while the straight
segment has barrier `1 > 1/2` at `(0, 0)`. -/
theorem piecewise_not_linear_sep :
    PiecewiseLinearConnected ratPlane bentLoss ((-1 : Rat), (0 : Rat)) (1, 0) 2 (1 / 2) ∧
      ¬ LinearModeConnected ratPlane bentLoss ((-1 : Rat), (0 : Rat)) (1, 0) (1 / 2) :=
  ⟨bent_piecewiseLinearConnected (K := Rat), bent_not_linearModeConnected (K := Rat)⟩

/-- Separation: `LinearModeConnected` does not imply `Convex`. Over `Rat`, the bent valley is
linearly mode connected between its minima `(-1, 0)` and `(0, 1)` with barrier `1/2`, and it is
convex for no gradient oracle at all. -/
theorem linear_not_convex_sep :
    LinearModeConnected ratPlane bentLoss ((-1 : Rat), (0 : Rat)) (0, 1) (1 / 2) ∧
      ¬ ∃ g : Rat × Rat → Rat × Rat, Convex ratPlane bentLoss g :=
  ⟨bent_linearModeConnected_short (K := Rat), bent_not_convex (K := Rat)⟩

/-- Witness: over `Rat`, on the plane, the valley `y²` with gradient `(0, 2y)` is convex and
linearly mode connected (barrier `1/2 > 0`) between its distinct minima `(-1, 0)` and `(1, 0)`.
Covers: AxiomDL.linearModeConnected_of_convex AxiomDL.convex_le_of_eq_segment AxiomDL.piecewiseLinearConnected_of_linearModeConnected AxiomDL.LinearModeConnected.mono -/
theorem valley_connected_witness_rat :
    Convex ratPlane valleyLoss valleyGrad ∧
      LinearModeConnected ratPlane valleyLoss ((-1 : Rat), (0 : Rat)) (1, 0) (1 / 2) :=
  ⟨valley_convex (K := Rat), valley_linearModeConnected (K := Rat)⟩

/-- Witness: over `Rat`, on the plane, the bent valley's minima `(-1, 0)` and `(1, 0)` are
connected by a two-segment low-loss path with tolerance `1/2 > 0`.
Covers: AxiomDL.PiecewiseLinearConnected.mono AxiomDL.PiecewiseLinearConnected.succ -/
theorem bent_piecewise_witness_rat :
    PiecewiseLinearConnected ratPlane bentLoss ((-1 : Rat), (0 : Rat)) (1, 0) 2 (1 / 2) :=
  bent_piecewiseLinearConnected (K := Rat)

end AxiomDL
