import AxiomDL.Expressivity.Shallow

/-!
# Expressivity: breakpoints and linear pieces, counted in `Nat`

A width-`n` one-hidden-layer ReLU network on the line has at most `n` breakpoints: each unit
`a * relu (w * x + b)` can only bend at `x = -b / w` (`kinks`, one candidate per unit; for
`w = 0` the candidate `-b / 0 = 0` is a junk value of a unit that never bends). Away from its
kink a unit is affine (`Neuron.eval_of_preact_nonneg`, `Neuron.eval_of_preact_nonpos`), so the
network has at most `n + 1` linear pieces. Precisely: at every input the network equals the
affine map of its active units (`shallowEval_eq_active`), all inputs with the same
activation pattern lie on one affine piece (`shallowEval_affine_on_pattern`), and inputs that no
kink separates share their activation pattern (`shallowEval_affine_between_kinks`,
`shallowRep_kinks_le`).

For deep networks the standard bound multiplies: a composition of layers of widths
`n₁, …, n_L` has at most `(n₁ + 1) ⋯ (n_L + 1)` pieces (`pieceBound`). The multiplicativity
(`pieceBound_append`), the closed form `(n + 1) ^ L` (`pieceBound_replicate`) and the resulting
depth-versus-width count (`pieceBound_shallow_lt_deep`) are proved here as natural-number
statements; the link from networks to piece counts (measured on a grid, `gridPieces` in
`Regions.lean`) is the assumption `AxiomDL.Expressivity.LinearRegionsBound`.
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

open Classical in
/-- `gate p a` is `a` if `p` holds and `0` otherwise. -/
noncomputable def gate (p : Prop) (a : K) : K := if p then a else 0

/-- An open gate passes its value. -/
theorem gate_of_pos {p : Prop} (h : p) (a : K) : gate p a = a := by
  unfold gate
  exact if_pos h

/-- A closed gate gives zero. -/
theorem gate_of_neg {p : Prop} (h : ¬ p) (a : K) : gate p a = 0 := by
  unfold gate
  exact if_neg h

/-- The slope of the affine piece of a network at `x`: `∑ a w` over the units active at `x`. -/
noncomputable def activeSlope : List (Neuron K) → K → K
  | [], _ => 0
  | u :: us, x => gate (0 ≤ u.w * x + u.b) (u.a * u.w) + activeSlope us x

/-- The intercept of the affine piece of a network at `x`: `∑ a b` over the active units. -/
noncomputable def activeIntercept : List (Neuron K) → K → K
  | [], _ => 0
  | u :: us, x => gate (0 ≤ u.w * x + u.b) (u.a * u.b) + activeIntercept us x

/-- At every input the network equals the affine map of its active units. -/
theorem shallowEval_eq_active (net : List (Neuron K)) (x : K) :
    shallowEval net x = activeSlope net x * x + activeIntercept net x := by
  induction net with
  | nil =>
    show (0 : K) = 0 * x + 0
    grind
  | cons u us ih =>
    show u.eval x + shallowEval us x
      = (gate (0 ≤ u.w * x + u.b) (u.a * u.w) + activeSlope us x) * x
        + (gate (0 ≤ u.w * x + u.b) (u.a * u.b) + activeIntercept us x)
    by_cases h : 0 ≤ u.w * x + u.b
    · have e0 : u.eval x = u.a * u.w * x + u.a * u.b := u.eval_of_preact_nonneg h
      have e1 : gate (0 ≤ u.w * x + u.b) (u.a * u.w) = u.a * u.w := gate_of_pos h (u.a * u.w)
      have e2 : gate (0 ≤ u.w * x + u.b) (u.a * u.b) = u.a * u.b := gate_of_pos h (u.a * u.b)
      rw [e0, e1, e2, ih]
      grind
    · have hle : u.w * x + u.b ≤ 0 := by grind
      have e0 : u.eval x = 0 := u.eval_of_preact_nonpos hle
      have e1 : gate (0 ≤ u.w * x + u.b) (u.a * u.w) = 0 := gate_of_neg h (u.a * u.w)
      have e2 : gate (0 ≤ u.w * x + u.b) (u.a * u.b) = 0 := gate_of_neg h (u.a * u.b)
      rw [e0, e1, e2, ih]
      grind

/-- Inputs with the same activation pattern share the affine piece (slope and intercept). -/
theorem active_eq_of_same_pattern (net : List (Neuron K)) {x y : K}
    (hpat : ∀ u ∈ net, (0 ≤ u.w * x + u.b ↔ 0 ≤ u.w * y + u.b)) :
    activeSlope net x = activeSlope net y ∧ activeIntercept net x = activeIntercept net y := by
  induction net with
  | nil => exact ⟨rfl, rfl⟩
  | cons u us ih =>
    obtain ⟨hs, hi⟩ := ih (fun v hv => hpat v (List.mem_cons.mpr (Or.inr hv)))
    have hu : 0 ≤ u.w * x + u.b ↔ 0 ≤ u.w * y + u.b := hpat u (List.mem_cons.mpr (Or.inl rfl))
    show gate (0 ≤ u.w * x + u.b) (u.a * u.w) + activeSlope us x
        = gate (0 ≤ u.w * y + u.b) (u.a * u.w) + activeSlope us y ∧
      gate (0 ≤ u.w * x + u.b) (u.a * u.b) + activeIntercept us x
        = gate (0 ≤ u.w * y + u.b) (u.a * u.b) + activeIntercept us y
    by_cases hx : 0 ≤ u.w * x + u.b
    · have hy : 0 ≤ u.w * y + u.b := hu.mp hx
      rw [gate_of_pos hx, gate_of_pos hx, gate_of_pos hy, gate_of_pos hy, hs, hi]
      exact ⟨rfl, rfl⟩
    · have hy : ¬ 0 ≤ u.w * y + u.b := fun hy => hx (hu.mpr hy)
      rw [gate_of_neg hx, gate_of_neg hx, gate_of_neg hy, gate_of_neg hy, hs, hi]
      exact ⟨rfl, rfl⟩

/-- Linear pieces are activation regions: on the set of inputs sharing the activation pattern of
`x`, the network is the single affine map `y ↦ s y + i` with `s`, `i` read off at `x`. -/
theorem shallowEval_affine_on_pattern (net : List (Neuron K)) {x y : K}
    (hpat : ∀ u ∈ net, (0 ≤ u.w * x + u.b ↔ 0 ≤ u.w * y + u.b)) :
    shallowEval net y = activeSlope net x * y + activeIntercept net x := by
  obtain ⟨hs, hi⟩ := active_eq_of_same_pattern net hpat
  rw [shallowEval_eq_active net y, hs, hi]

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

/-- Every unit contributes its candidate breakpoint `-b / w` to `kinks`. -/
theorem mem_kinks {net : List (Neuron K)} {u : Neuron K} (hu : u ∈ net) :
    -u.b / u.w ∈ kinks net := by
  induction net with
  | nil => exact nomatch hu
  | cons v vs ih =>
    show -u.b / u.w ∈ (-v.b / v.w) :: kinks vs
    rcases List.mem_cons.mp hu with h | h
    · rw [h]
      exact List.mem_cons.mpr (Or.inl rfl)
    · exact List.mem_cons.mpr (Or.inr (ih h))

/-- For `w ≠ 0` the pre-activation of a unit vanishes at its kink `-b / w`. -/
theorem Neuron.preact_kink (u : Neuron K) (hw : u.w ≠ 0) : u.w * (-u.b / u.w) + u.b = 0 := by
  have h : u.w * (-u.b / u.w) = -u.b := AxiomDL.mul_div_cancel_left hw
  rw [h]
  grind

/-- A unit is active at `x` exactly when it is active at `y`, if `x` and `y` lie strictly on the
same side of a zero `k` of its pre-activation. -/
theorem Neuron.active_iff_of_same_side (u : Neuron K) {k x y : K} (hk : u.w * k + u.b = 0)
    (hside : (k < x ∧ k < y) ∨ (x < k ∧ y < k)) :
    (0 ≤ u.w * x + u.b ↔ 0 ≤ u.w * y + u.b) := by
  have ex : u.w * x + u.b = u.w * (x - k) := by grind
  have ey : u.w * y + u.b = u.w * (y - k) := by grind
  by_cases hw0 : u.w = 0
  · have hx0 : u.w * (x - k) = 0 := by
      rw [hw0]
      grind
    have hy0 : u.w * (y - k) = 0 := by
      rw [hw0]
      grind
    constructor <;> intro _ <;> grind
  · by_cases hwpos : 0 < u.w
    · rcases hside with ⟨hx, hy⟩ | ⟨hx, hy⟩
      · have h1 : 0 < u.w * (x - k) := AxiomDL.mul_pos hwpos (by grind)
        have h2 : 0 < u.w * (y - k) := AxiomDL.mul_pos hwpos (by grind)
        constructor <;> intro _ <;> grind
      · have h1 : 0 < u.w * (k - x) := AxiomDL.mul_pos hwpos (by grind)
        have h2 : 0 < u.w * (k - y) := AxiomDL.mul_pos hwpos (by grind)
        constructor <;> intro _ <;> grind
    · have hwneg : 0 < -u.w := by grind
      rcases hside with ⟨hx, hy⟩ | ⟨hx, hy⟩
      · have h1 : 0 < -u.w * (x - k) := AxiomDL.mul_pos hwneg (by grind)
        have h2 : 0 < -u.w * (y - k) := AxiomDL.mul_pos hwneg (by grind)
        constructor <;> intro _ <;> grind
      · have h1 : 0 < -u.w * (k - x) := AxiomDL.mul_pos hwneg (by grind)
        have h2 : 0 < -u.w * (k - y) := AxiomDL.mul_pos hwneg (by grind)
        constructor <;> intro _ <;> grind

/-- Two inputs that no candidate breakpoint separates have the same activation pattern. -/
theorem pattern_eq_of_no_kink_between (net : List (Neuron K)) {x y : K}
    (hsep : ∀ k ∈ kinks net, (k < x ∧ k < y) ∨ (x < k ∧ y < k)) :
    ∀ u ∈ net, (0 ≤ u.w * x + u.b ↔ 0 ≤ u.w * y + u.b) := by
  intro u hu
  by_cases hw : u.w = 0
  · have ex : u.w * x = 0 := by
      rw [hw]
      grind
    have ey : u.w * y = 0 := by
      rw [hw]
      grind
    constructor <;> intro _ <;> grind
  · exact u.active_iff_of_same_side (Neuron.preact_kink u hw) (hsep (-u.b / u.w) (mem_kinks hu))

/-- Between consecutive candidate breakpoints a network is one affine map: if no kink separates
`x` and `y`, the network at `y` is the affine map of the units active at `x`. -/
theorem shallowEval_affine_between_kinks (net : List (Neuron K)) {x y : K}
    (hsep : ∀ k ∈ kinks net, (k < x ∧ k < y) ∨ (x < k ∧ y < k)) :
    shallowEval net y = activeSlope net x * y + activeIntercept net x :=
  shallowEval_affine_on_pattern net (pattern_eq_of_no_kink_between net hsep)

/-- Width `n` gives at most `n` breakpoints: every width-`n` representable function is computed
by a network with at most `n` candidate breakpoints, and on every stretch of the line that none
of them cuts, the function is a single affine map. -/
theorem shallowRep_kinks_le {n : Nat} {f : K → K} (h : ShallowRep n f) :
    ∃ net : List (Neuron K), (∀ x, shallowEval net x = f x) ∧ (kinks net).length ≤ n ∧
      ∀ x y : K, (∀ k ∈ kinks net, (k < x ∧ k < y) ∨ (x < k ∧ y < k)) →
        f y = activeSlope net x * y + activeIntercept net x := by
  obtain ⟨net, hlen, hf⟩ := h
  have hk : (kinks net).length = net.length := length_kinks net
  refine ⟨net, hf, by omega, ?_⟩
  intro x y hsep
  rw [← hf y]
  exact shallowEval_affine_between_kinks net hsep

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
