import AxiomDL.Expressivity.Shallow

/-!
# Expressivity: interpolation of `n` points with a width-`n` ReLU network

Given `n` data points `(xᵢ, yᵢ)` with strictly increasing `xᵢ`, there is a one-hidden-layer
ReLU network of width exactly `n` that passes through all of them (`interpolation`).

The construction is explicit and proceeds from the right. One point is fitted by a constant
unit `c * relu (0 * x + 1) = c`. To put a new point `(x₀, y₀)` to the left of a network `N` that
fits the points `(x₁, y₁), …` (with `x₀ < x₁ < …`), add the left hinge
`c * relu (x₁ - x)`, which vanishes at every `xᵢ ≥ x₁`, with
`c = (y₀ - N x₀) / (x₁ - x₀)`; the division is by a positive number.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Interpolation

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Data points with strictly increasing first coordinates. -/
def SortedX : List (K × K) → Prop
  | [] => True
  | p :: ps => (∀ q ∈ ps, p.1 < q.1) ∧ SortedX ps

/-- The constant unit `c * relu (0 * x + 1) = c`. -/
def constNeuron (c : K) : Neuron K := ⟨c, 0, 1⟩

/-- The constant unit computes the constant `c`. -/
theorem constNeuron_eval (c x : K) : (constNeuron c).eval x = c := by
  have harg : (0 : K) * x + 1 = 1 := by grind
  show c * relu (0 * x + 1) = c
  rw [harg, relu_one]
  grind

/-- The left hinge `c * relu (t - x)`, written as the unit `(c, -1, t)`. -/
def leftHinge (c t : K) : Neuron K := ⟨c, -1, t⟩

/-- The left hinge vanishes to the right of its kink. -/
theorem leftHinge_eval_of_le {c t x : K} (h : t ≤ x) : (leftHinge c t).eval x = 0 := by
  have harg : (-1 : K) * x + t ≤ 0 := by grind
  show c * relu (-1 * x + t) = 0
  rw [relu_of_nonpos harg]
  grind

/-- To the left of its kink the left hinge is `c * (t - x)`. -/
theorem leftHinge_eval_of_ge {c t x : K} (h : x ≤ t) : (leftHinge c t).eval x = c * (t - x) := by
  have hnn : (0 : K) ≤ -1 * x + t := by grind
  have harg : (-1 : K) * x + t = t - x := by grind
  show c * relu (-1 * x + t) = c * (t - x)
  rw [relu_of_nonneg hnn, harg]

/-- Interpolation: `n` points with strictly increasing first coordinates are fitted exactly by
a one-hidden-layer ReLU network of width `n`. -/
theorem interpolation (pts : List (K × K)) (hs : SortedX pts) :
    ∃ net : List (Neuron K), net.length = pts.length ∧ ∀ p ∈ pts, shallowEval net p.1 = p.2 := by
  induction pts with
  | nil => exact ⟨[], rfl, fun p hp => nomatch hp⟩
  | cons p ps ih =>
    have hs' : (∀ q ∈ ps, p.1 < q.1) ∧ SortedX ps := hs
    obtain ⟨hlt, hrest⟩ := hs'
    obtain ⟨N, hNlen, hN⟩ := ih hrest
    cases ps with
    | nil =>
      refine ⟨[constNeuron p.2], rfl, ?_⟩
      intro r hr
      rcases List.mem_cons.mp hr with h | h
      · rw [h]
        show (constNeuron p.2).eval p.1 + 0 = p.2
        rw [constNeuron_eval]
        grind
      · exact nomatch h
    | cons q qs =>
      have hpq : p.1 < q.1 := hlt q (List.mem_cons.mpr (Or.inl rfl))
      have hne : q.1 - p.1 ≠ 0 := by grind
      have hrest' : (∀ s ∈ qs, q.1 < s.1) ∧ SortedX qs := hrest
      refine ⟨leftHinge ((p.2 - shallowEval N p.1) / (q.1 - p.1)) q.1 :: N, ?_, ?_⟩
      · show N.length + 1 = (q :: qs).length + 1
        rw [hNlen]
      · intro r hr
        rcases List.mem_cons.mp hr with h | h
        · rw [h]
          show (leftHinge ((p.2 - shallowEval N p.1) / (q.1 - p.1)) q.1).eval p.1
              + shallowEval N p.1 = p.2
          have hle : p.1 ≤ q.1 := by grind
          have hdiv : (q.1 - p.1) * ((p.2 - shallowEval N p.1) / (q.1 - p.1))
              = p.2 - shallowEval N p.1 := AxiomDL.mul_div_cancel_left hne
          rw [leftHinge_eval_of_ge hle]
          grind
        · have hqr : q.1 ≤ r.1 := by
            rcases List.mem_cons.mp h with h' | h'
            · grind
            · have hlt' : q.1 < r.1 := hrest'.1 r h'
              grind
          show (leftHinge ((p.2 - shallowEval N p.1) / (q.1 - p.1)) q.1).eval r.1
              + shallowEval N r.1 = r.2
          rw [leftHinge_eval_of_le hqr, hN r h]
          grind

/-- Interpolation at a prescribed width: `n` sorted points are fitted at every width `m ≥ n`. -/
theorem interpolation_of_le (pts : List (K × K)) (hs : SortedX pts) {m : Nat}
    (hm : pts.length ≤ m) :
    ∃ net : List (Neuron K), net.length = m ∧ ∀ p ∈ pts, shallowEval net p.1 = p.2 := by
  obtain ⟨N, hNlen, hN⟩ := interpolation pts hs
  induction m with
  | zero =>
    have h0 : N.length = 0 := by omega
    exact ⟨N, h0, hN⟩
  | succ k ih =>
    by_cases hk : pts.length ≤ k
    · obtain ⟨M, hMlen, hM⟩ := ih hk
      refine ⟨zeroNeuron :: M, ?_, ?_⟩
      · rw [List.length_cons, hMlen]
      · intro p hp
        rw [shallowEval_cons, zeroNeuron_eval, hM p hp]
        grind
    · have hN' : N.length = k + 1 := by omega
      exact ⟨N, hN', hN⟩

end Interpolation

end AxiomDL.Expressivity
