import AxiomDL.Expressivity.Shallow

/-!
# Expressivity: breakpoints and linear pieces, counted in `Nat`

A width-`n` one-hidden-layer ReLU network on the line has at most `n` breakpoints: each unit
`a * relu (w * x + b)` can only bend at `x = -b / w` (`kinks`, one candidate per unit; for
`w = 0` the candidate `-b / 0 = 0` is a junk value of a unit that never bends). Away from its
kink a unit is affine (`Neuron.eval_of_preact_nonneg`, `Neuron.eval_of_preact_nonpos`), so the
network has at most `n + 1` linear pieces.

For deep networks the standard bound multiplies: a composition of layers of widths
`n₁, …, n_L` has at most `(n₁ + 1) ⋯ (n_L + 1)` pieces (`pieceBound`). The multiplicativity
(`pieceBound_append`), the closed form `(n + 1) ^ L` (`pieceBound_replicate`) and the resulting
depth-versus-width count (`pieceBound_shallow_lt_deep`) are proved here as natural-number
statements; the link from networks to piece counts is the assumption
`AxiomDL.Expressivity.LinearRegionsBound`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Kinks

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Where the pre-activation is nonnegative, a unit is the affine map `x ↦ a w x + a b`. -/
theorem Neuron.eval_of_preact_nonneg (u : Neuron K) {x : K} (h : 0 ≤ u.w * x + u.b) :
    u.eval x = u.a * u.w * x + u.a * u.b := by
  have hr : relu (u.w * x + u.b) = u.w * x + u.b := relu_of_nonneg h
  show u.a * relu (u.w * x + u.b) = u.a * u.w * x + u.a * u.b
  rw [hr]
  grind

/-- Where the pre-activation is nonpositive, a unit is zero. -/
theorem Neuron.eval_of_preact_nonpos (u : Neuron K) {x : K} (h : u.w * x + u.b ≤ 0) :
    u.eval x = 0 := by
  have hr : relu (u.w * x + u.b) = 0 := relu_of_nonpos h
  show u.a * relu (u.w * x + u.b) = 0
  rw [hr]
  grind

/-- The candidate breakpoints `-b / w` of a network, one per unit. -/
def kinks : List (Neuron K) → List K
  | [] => []
  | u :: us => (-u.b / u.w) :: kinks us

/-- There is exactly one candidate breakpoint per unit. -/
theorem length_kinks (net : List (Neuron K)) : (kinks net).length = net.length := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show (kinks us).length + 1 = us.length + 1
    rw [ih]

/-- Width `n` gives at most `n` breakpoints: every width-`n` representable function is computed
by a network with at most `n` candidate breakpoints. -/
theorem shallowRep_kinks_le {n : Nat} {f : K → K} (h : ShallowRep n f) :
    ∃ net : List (Neuron K), (∀ x, shallowEval net x = f x) ∧ (kinks net).length ≤ n := by
  obtain ⟨net, hlen, hf⟩ := h
  refine ⟨net, hf, ?_⟩
  have hk : (kinks net).length = net.length := length_kinks net
  omega

end Kinks

/-- The standard upper bound on the number of linear pieces of a 1-D ReLU network whose layers
have widths `ws` (input layer first): `∏ (nᵢ + 1)`. -/
def pieceBound : List Nat → Nat
  | [] => 1
  | n :: ns => (n + 1) * pieceBound ns

/-- One layer of width `n` gives at most `n + 1` pieces. -/
theorem pieceBound_single (n : Nat) : pieceBound [n] = n + 1 := by
  show (n + 1) * 1 = n + 1
  omega

/-- The piece bound is positive. -/
theorem pieceBound_pos (ws : List Nat) : 0 < pieceBound ws := by
  induction ws with
  | nil => exact Nat.succ_pos 0
  | cons n ns ih =>
    show 0 < (n + 1) * pieceBound ns
    exact Nat.mul_pos (Nat.succ_pos n) ih

/-- Composition multiplies the piece bounds. -/
theorem pieceBound_append (ws vs : List Nat) :
    pieceBound (ws ++ vs) = pieceBound ws * pieceBound vs := by
  induction ws with
  | nil =>
    show pieceBound vs = 1 * pieceBound vs
    omega
  | cons n ns ih =>
    show (n + 1) * pieceBound (ns ++ vs) = (n + 1) * pieceBound ns * pieceBound vs
    rw [ih]
    exact (Nat.mul_assoc (n + 1) (pieceBound ns) (pieceBound vs)).symm

/-- Depth `L` at constant width `n` gives the bound `(n + 1) ^ L`. -/
theorem pieceBound_replicate (L n : Nat) : pieceBound (List.replicate L n) = (n + 1) ^ L := by
  induction L with
  | zero => rfl
  | succ k ih =>
    show (n + 1) * pieceBound (List.replicate k n) = (n + 1) ^ k * (n + 1)
    rw [ih]
    exact Nat.mul_comm (n + 1) ((n + 1) ^ k)

/-- Depth versus width, as a count: if `m + 1 < 2 ^ L`, a single hidden layer of width `m` has a
smaller piece bound than `L` layers of width `1`. -/
theorem pieceBound_shallow_lt_deep {m L : Nat} (h : m + 1 < 2 ^ L) :
    pieceBound [m] < pieceBound (List.replicate L 1) := by
  have h1 : pieceBound [m] = m + 1 := pieceBound_single m
  have h2 : pieceBound (List.replicate L 1) = 2 ^ L := pieceBound_replicate L 1
  rw [h1, h2]
  exact h

end AxiomDL.Expressivity
