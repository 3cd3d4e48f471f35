import AxiomDL.Landscape.EdgeOfStability
import AxiomDL.Landscape.Witnesses

/-!
# A witness for the edge-of-stability hypothesis

The model is the quadratic `f x = s/2 · x²` on the 1-D space `selfSpace`, with gradient `s x`
and constant sharpness `s` (`isSharpness_halfQuad`, proved from the definition of
`IsSharpness`). With `s = 3/2`, step `η = 1` and tolerance `ε = 1/2`, the sharpness sits in
`[2/η - ε, 2/η + ε] = [3/2, 5/2]`, and GD from `x0 = 1` oscillates, `x_{t+1} = -x_t / 2`,
while the loss decreases strictly at every step. This shows that the hypothesis is consistent
with every field strictly inside its regime (`η, ε > 0`, a genuine sharpness oracle); it is not
a model of deep-network training, where the sharpness settles at or slightly above `2/η` and the
loss decreases non-monotonically.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section WitnessesEoS

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The quadratic `s/2 · x²` on the 1-D space. -/
def halfQuad (s x : K) : K :=
  s / 2 * (x * x)

/-- The gradient `s · x` of `halfQuad s`. -/
def halfQuadGrad (s x : K) : K :=
  s * x

/-- The quadratic `s/2 · x²` has constant sharpness `s`. -/
theorem isSharpness_halfQuad (s : K) :
    IsSharpness (selfSpace (K := K)) (halfQuad s) (halfQuadGrad s) (fun _ => s) := by
  show ∀ x : K, _
  intro x
  constructor
  · intro c hc
    have hc' : s < c := hc
    have hone : (0 : K) < 1 := by grind
    refine ⟨1, hone, ?_⟩
    intro y _
    have hD : 0 ≤ (c / 2 - s / 2) * ((y - x) * (y - x)) :=
      mul_nonneg (by grind) (mul_self_nonneg (y - x))
    show s / 2 * (y * y) ≤ s / 2 * (x * x) + s * x * (y - x) + c / 2 * ((y - x) * (y - x))
    grind
  · intro c hc r hr
    have hc' : c < s := hc
    obtain ⟨d, hd0, hdr⟩ := exists_pos_mul_self_le hr
    refine ⟨x + d, ?_, ?_⟩
    · show (x + d - x) * (x + d - x) ≤ r
      grind
    · have hD : 0 < (s / 2 - c / 2) * (d * d) := mul_pos (by grind) hd0
      show s / 2 * (x * x) + s * x * (x + d - x) + c / 2 * ((x + d - x) * (x + d - x))
        < s / 2 * ((x + d) * (x + d))
      grind

/-- The model loss `x²` of the witnesses (`quadLoss`, gradient `quadGrad x = 2x`) has constant
sharpness `2`: it is `halfQuad 2`. -/
theorem isSharpness_quadLoss :
    IsSharpness (selfSpace (K := K)) quadLoss quadGrad (fun _ => (2 : K)) := by
  have hf : halfQuad (2 : K) = quadLoss := funext (fun x => by
    show 2 / 2 * (x * x) = x * x
    grind)
  have h : IsSharpness (selfSpace (K := K)) (halfQuad 2) (halfQuadGrad 2) (fun _ => (2 : K)) :=
    isSharpness_halfQuad 2
  rw [hf] at h
  exact h

/-- One GD step on `halfQuad (3/2)` with step `1` halves the iterate and flips its sign. -/
theorem eosIter_succ (t : Nat) :
    gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
      = gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
        - 1 * (3 / 2 * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t) :=
  rfl

/-- The squared iterate shrinks by the factor `1/4` at every step. -/
theorem eosIter_succ_sq (t : Nat) :
    gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
        * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
      = 1 / 4 * (gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
        * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t) := by
  rw [eosIter_succ t]
  grind

/-- The iterates never reach the minimiser: `0 < x_t²`. -/
theorem eosIter_sq_pos (t : Nat) :
    0 < gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
      * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t := by
  induction t with
  | zero =>
    show (0 : K) < 1 * 1
    grind
  | succ k ih =>
    have h : gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (k + 1)
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (k + 1)
        = 1 / 4 * (gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 k
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 k) :=
      eosIter_succ_sq k
    grind

/-- Witness: the edge-of-stability hypothesis is satisfiable with `η = 1 > 0`, `ε = 1/2 > 0` and
a genuine sharpness oracle: for `f x = 3/4 · x²` (sharpness `3/2 ∈ [2/η - ε, 2/η + ε]`) GD from
`x0 = 1` decreases the loss at every step. -/
theorem edgeOfStability_witness :
    EdgeOfStability (selfSpace (K := K)) (halfQuad (3 / 2)) (halfQuadGrad (3 / 2))
      (fun _ => 3 / 2) 1 (1 / 2) 1 := by
  refine { step_pos := by grind, tol_pos := by grind,
           sharpness := isSharpness_halfQuad (3 / 2), hovers := ?_, long_run_decrease := ?_ }
  · refine ⟨0, ?_⟩
    intro t _
    show (2 : K) / 1 - 1 / 2 ≤ 3 / 2 ∧ (3 : K) / 2 ≤ 2 / 1 + 1 / 2
    constructor
    · grind
    · grind
  · intro t
    refine ⟨t + 1, by omega, ?_⟩
    have h : gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
        = 1 / 4 * (gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t) :=
      eosIter_succ_sq t
    have hpos : 0 < gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
        * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t := eosIter_sq_pos t
    show (3 : K) / 2 / 2 * (gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1)
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 (t + 1))
        < 3 / 2 / 2 * (gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t
          * gdIter (selfSpace (K := K)) (halfQuadGrad (3 / 2)) 1 1 t)
    grind

end WitnessesEoS

/-- Witness: the edge-of-stability hypothesis over `Rat`. -/
theorem edgeOfStability_witness_rat :
    EdgeOfStability ratSpace (halfQuad (K := Rat) (3 / 2)) (halfQuadGrad (3 / 2))
      (fun _ => 3 / 2) 1 (1 / 2) 1 :=
  edgeOfStability_witness

end AxiomDL
