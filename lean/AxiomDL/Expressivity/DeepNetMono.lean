import AxiomDL.Expressivity.DeepNet

/-!
# Expressivity: depth and width monotonicity of deep ReLU networks

For the deep networks `DeepRep` of `DeepNet.lean`: depth is monotone at width `≥ 2`
(`deepRep_succ_depth`, `deepRep_mono_depth`: a new first layer stores `x` as the pair
`relu x, relu (-x)`, and the old first layer reads it back), and width is monotone
(`deepRep_mono_width`: every layer is padded with zero units, whose zero activations no later
unit can see). The degenerate architectures compute degenerate functions: with no hidden layer
a network is linear (`DeepRep.linear_of_depth_zero`), and with a hidden layer of width `0` it is
zero (`DeepRep.eq_zero_of_width_zero`).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section DeepNetMono

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- `k` units with no weights and zero bias: each computes `relu (0 + 0) = 0`. -/
def zeroUnits : Nat → List (DeepUnit K)
  | 0 => []
  | k + 1 => ⟨[], 0⟩ :: zeroUnits k

/-- There are `k` zero units. -/
theorem length_zeroUnits (k : Nat) : (zeroUnits (K := K) k).length = k := by
  induction k with
  | zero => rfl
  | succ j ih =>
    show (zeroUnits (K := K) j).length + 1 = j + 1
    rw [ih]

/-- The first layer `[relu x, relu (-x), 0, …, 0]` of width `m + 2`: it stores the input as
`x = relu x - relu (-x)`. -/
def splitLayer (m : Nat) : List (DeepUnit K) := ⟨[1], 0⟩ :: ⟨[-1], 0⟩ :: zeroUnits m

/-- The units of an old first layer, rewired to read `x` from the pair `relu x, relu (-x)`:
first weight `w` becomes the weights `[w, -w]`. -/
def splitUnits : List (DeepUnit K) → List (DeepUnit K)
  | [] => []
  | u :: us => ⟨[headOr u.w, -headOr u.w], u.b⟩ :: splitUnits us

/-- Rewiring keeps the width. -/
theorem length_splitUnits (l : List (DeepUnit K)) : (splitUnits l).length = l.length := by
  induction l with
  | nil => rfl
  | cons u us ih =>
    show (splitUnits us).length + 1 = us.length + 1
    rw [ih]

/-- The split layer on the input `x`. -/
theorem layerEval_splitLayer (m : Nat) (x : K) :
    layerEval (splitLayer m) [x] = relu x :: relu (-x) :: layerEval (zeroUnits m) [x] := by
  have h1 : (1 : K) * x + 0 + 0 = x := by grind
  have h2 : (-1 : K) * x + 0 + 0 = -x := by grind
  show relu ((1 : K) * x + 0 + 0) :: relu ((-1 : K) * x + 0 + 0) :: layerEval (zeroUnits m) [x]
    = relu x :: relu (-x) :: layerEval (zeroUnits m) [x]
  rw [h1, h2]

/-- Reading `x` back from the split pair: `c relu x - c relu (-x) = c x`. -/
theorem dot_split (c x : K) (rest : List K) :
    dot [c, -c] (relu x :: relu (-x) :: rest) = c * x := by
  have hid : relu x - relu (-x) = x := relu_sub_relu_neg x
  have hm : c * (relu x - relu (-x)) = c * x := by rw [hid]
  show c * relu x + (-c * relu (-x) + 0) = c * x
  grind

/-- The rewired units on the split pair compute what the old units computed on `[x]`. -/
theorem layerEval_splitUnits (l : List (DeepUnit K)) (x : K) (rest : List K) :
    layerEval (splitUnits l) (relu x :: relu (-x) :: rest) = layerEval l [x] := by
  induction l with
  | nil => rfl
  | cons u us ih =>
    show relu (dot [headOr u.w, -headOr u.w] (relu x :: relu (-x) :: rest) + u.b)
        :: layerEval (splitUnits us) (relu x :: relu (-x) :: rest)
      = relu (dot u.w [x] + u.b) :: layerEval us [x]
    rw [dot_split, ih, dot_singleton]

/-- Depth monotonicity at width at least 2: a new first layer stores `x` as
`relu x, relu (-x)`, and the old first layer (or, at depth 0, the output) reads it back. -/
theorem deepRep_succ_depth {n L : Nat} (hn : 2 ≤ n) {f : K → K} (h : DeepRep n L f) :
    DeepRep n (L + 1) f := by
  obtain ⟨m, rfl⟩ : ∃ m, n = m + 2 := ⟨n - 2, by omega⟩
  have hsplit : (splitLayer (K := K) m).length = m + 2 := by
    have hz : (zeroUnits (K := K) m).length = m := length_zeroUnits m
    show (zeroUnits (K := K) m).length + 1 + 1 = m + 2
    omega
  obtain ⟨ls, out, hlen, hw, hev⟩ := h
  cases ls with
  | nil =>
    refine ⟨[splitLayer m], [headOr out, -headOr out], ?_, ⟨hsplit, trivial⟩, ?_⟩
    · have h0 : ([] : List (List (DeepUnit K))).length = L := hlen
      show ([] : List (List (DeepUnit K))).length + 1 = L + 1
      rw [h0]
    · intro x
      have e0 : dot out [x] = f x := hev x
      show dot [headOr out, -headOr out] (layerEval (splitLayer m) [x]) = f x
      rw [layerEval_splitLayer, dot_split, ← dot_singleton]
      exact e0
  | cons l1 rest =>
    have hw' : l1.length = m + 2 ∧ LayerWidths (m + 2) rest := hw
    refine ⟨splitLayer m :: splitUnits l1 :: rest, out, ?_, ?_, ?_⟩
    · have h0 : rest.length + 1 = L := hlen
      show rest.length + 1 + 1 = L + 1
      omega
    · have h1 : (splitUnits l1).length = m + 2 := by rw [length_splitUnits, hw'.1]
      exact ⟨hsplit, h1, hw'.2⟩
    · intro x
      have e0 : dot out (hidden rest (layerEval l1 [x])) = f x := hev x
      show dot out (hidden rest (layerEval (splitUnits l1) (layerEval (splitLayer m) [x]))) = f x
      rw [layerEval_splitLayer, layerEval_splitUnits]
      exact e0

/-- Depth monotonicity at width at least 2, any number of steps. -/
theorem deepRep_mono_depth {n L M : Nat} (hn : 2 ≤ n) (hLM : L ≤ M) {f : K → K}
    (h : DeepRep n L f) : DeepRep n M f := by
  induction M with
  | zero =>
    have hL : L = 0 := by omega
    subst hL
    exact h
  | succ k ih =>
    by_cases hk : L ≤ k
    · exact deepRep_succ_depth hn (ih hk)
    · have hL : L = k + 1 := by omega
      subst hL
      exact h

/-- `k` zeros. -/
def zeros : Nat → List K
  | 0 => []
  | k + 1 => 0 :: zeros k

/-- Pairing with zeros gives zero. -/
theorem dot_zeros (ws : List K) (k : Nat) : dot ws (zeros k) = 0 := by
  induction ws generalizing k with
  | nil => rfl
  | cons w ws ih =>
    cases k with
    | zero => rfl
    | succ j =>
      show w * 0 + dot ws (zeros j) = 0
      rw [ih j]
      grind

/-- Trailing zero activations do not change a pairing. -/
theorem dot_append_zeros (ws h : List K) (k : Nat) : dot ws (h ++ zeros k) = dot ws h := by
  induction ws generalizing h with
  | nil => rfl
  | cons w ws ih =>
    cases h with
    | nil =>
      show dot (w :: ws) (zeros k) = 0
      exact dot_zeros (w :: ws) k
    | cons y ys =>
      show w * y + dot ws (ys ++ zeros k) = w * y + dot ws ys
      rw [ih ys]

/-- Trailing zero activations do not change a layer's output. -/
theorem layerEval_append_zeros (l : List (DeepUnit K)) (h : List K) (k : Nat) :
    layerEval l (h ++ zeros k) = layerEval l h := by
  induction l with
  | nil => rfl
  | cons u us ih =>
    show relu (dot u.w (h ++ zeros k) + u.b) :: layerEval us (h ++ zeros k)
      = relu (dot u.w h + u.b) :: layerEval us h
    rw [dot_append_zeros, ih]

/-- Zero units output zeros. -/
theorem layerEval_zeroUnits (k : Nat) (h : List K) : layerEval (zeroUnits k) h = zeros k := by
  induction k with
  | zero => rfl
  | succ j ih =>
    have h00 : (0 : K) + 0 = 0 := by grind
    show relu ((0 : K) + 0) :: layerEval (zeroUnits j) h = 0 :: zeros j
    rw [h00, relu_zero, ih]

/-- A layer side by side with another computes both outputs, one after the other. -/
theorem layerEval_append (l l' : List (DeepUnit K)) (h : List K) :
    layerEval (l ++ l') h = layerEval l h ++ layerEval l' h := by
  induction l with
  | nil => rfl
  | cons u us ih =>
    show relu (dot u.w h + u.b) :: layerEval (us ++ l') h
      = relu (dot u.w h + u.b) :: (layerEval us h ++ layerEval l' h)
    rw [ih]

/-- Pad every layer with `k` zero units. -/
def padLayers (k : Nat) : List (List (DeepUnit K)) → List (List (DeepUnit K))
  | [] => []
  | l :: ls => (l ++ zeroUnits k) :: padLayers k ls

/-- Padding keeps the depth. -/
theorem length_padLayers (k : Nat) (ls : List (List (DeepUnit K))) :
    (padLayers k ls).length = ls.length := by
  induction ls with
  | nil => rfl
  | cons l ls ih =>
    show (padLayers k ls).length + 1 = ls.length + 1
    rw [ih]

/-- Padding layers of width `n` with `k` zero units gives layers of width `n + k`. -/
theorem layerWidths_padLayers {n : Nat} (k : Nat) (ls : List (List (DeepUnit K)))
    (h : LayerWidths n ls) : LayerWidths (n + k) (padLayers k ls) := by
  induction ls with
  | nil => exact trivial
  | cons l ls ih =>
    have h' : l.length = n ∧ LayerWidths n ls := h
    have hl : (l ++ zeroUnits (K := K) k).length = n + k := by
      rw [List.length_append, h'.1, length_zeroUnits]
    exact ⟨hl, ih h'.2⟩

/-- The padded network carries the same activations followed by zeros. -/
theorem hidden_padLayers (k : Nat) (ls : List (List (DeepUnit K))) (h : List K) (j : Nat) :
    ∃ j', hidden (padLayers k ls) (h ++ zeros j) = hidden ls h ++ zeros j' := by
  induction ls generalizing h j with
  | nil => exact ⟨j, rfl⟩
  | cons l ls ih =>
    have e : layerEval (l ++ zeroUnits k) (h ++ zeros j) = layerEval l h ++ zeros k := by
      rw [layerEval_append, layerEval_append_zeros, layerEval_append_zeros, layerEval_zeroUnits]
    obtain ⟨j', hj'⟩ := ih (layerEval l h) k
    refine ⟨j', ?_⟩
    show hidden (padLayers k ls) (layerEval (l ++ zeroUnits k) (h ++ zeros j))
      = hidden ls (layerEval l h) ++ zeros j'
    rw [e]
    exact hj'

/-- Width monotonicity for deep networks: pad every hidden layer with zero units. -/
theorem deepRep_mono_width {n m L : Nat} (hnm : n ≤ m) {f : K → K} (h : DeepRep n L f) :
    DeepRep m L f := by
  obtain ⟨k, rfl⟩ : ∃ k, m = n + k := ⟨m - n, by omega⟩
  obtain ⟨ls, out, hlen, hw, hev⟩ := h
  refine ⟨padLayers k ls, out, ?_, layerWidths_padLayers k ls hw, ?_⟩
  · rw [length_padLayers, hlen]
  · intro x
    obtain ⟨j, hj⟩ := hidden_padLayers k ls [x] 0
    have e0 : ([x] : List K) ++ zeros 0 = [x] := rfl
    rw [e0] at hj
    have e1 : dot out (hidden ls [x]) = f x := hev x
    show dot out (hidden (padLayers k ls) [x]) = f x
    rw [hj, dot_append_zeros]
    exact e1

/-- With no hidden layer a deep network is linear: `f x = s x`. -/
theorem DeepRep.linear_of_depth_zero {n : Nat} {f : K → K} (h : DeepRep n 0 f) :
    ∃ s : K, ∀ x, f x = s * x := by
  obtain ⟨ls, out, hlen, _, hev⟩ := h
  cases ls with
  | nil =>
    refine ⟨headOr out, fun x => ?_⟩
    have e0 : dot out [x] = f x := hev x
    rw [← e0]
    exact dot_singleton out x
  | cons l rest =>
    exfalso
    have h0 : rest.length + 1 = 0 := hlen
    omega

/-- Layers of width `0` turn the empty activation vector into the empty vector. -/
theorem hidden_width_zero (ls : List (List (DeepUnit K))) (hw : LayerWidths 0 ls) :
    hidden ls [] = [] := by
  induction ls with
  | nil => rfl
  | cons l ls ih =>
    have hw' : l.length = 0 ∧ LayerWidths 0 ls := hw
    cases l with
    | nil => exact ih hw'.2
    | cons u us =>
      exfalso
      have h0 : us.length + 1 = 0 := hw'.1
      omega

/-- With at least one hidden layer of width `0`, a deep network computes zero. -/
theorem DeepRep.eq_zero_of_width_zero {L : Nat} {f : K → K} (h : DeepRep 0 (L + 1) f) (x : K) :
    f x = 0 := by
  obtain ⟨ls, out, hlen, hw, hev⟩ := h
  cases ls with
  | nil =>
    exfalso
    have h0 : 0 = L + 1 := hlen
    omega
  | cons l rest =>
    have hw' : l.length = 0 ∧ LayerWidths 0 rest := hw
    cases l with
    | nil =>
      have e0 : dot out (hidden rest (layerEval ([] : List (DeepUnit K)) [x])) = f x := hev x
      have e1 : hidden rest (layerEval ([] : List (DeepUnit K)) [x]) = [] :=
        hidden_width_zero rest hw'.2
      rw [e1, dot_nil_right] at e0
      exact e0.symm
    | cons u us =>
      exfalso
      have h0 : us.length + 1 = 0 := hw'.1
      omega

end DeepNetMono

end AxiomDL.Expressivity
