import AxiomDL.Expressivity.Deep

/-!
# Expressivity: deep ReLU networks with vector-valued hidden layers

A deep ReLU network on the line with `L` hidden layers of width `n` computes
`h₀ = [x]`, `h_{l+1} = relu (W_{l+1} h_l + b_{l+1})` (a vector of `n` activations), and outputs
`⟪a, h_L⟫`. Vectors are lists of scalars. A hidden unit (`DeepUnit`) holds its incoming weights
`w` (a list) and its bias `b`, and computes `relu (⟪w, h⟫ + b)`, where `dot w h` pairs the
entries position by position; surplus entries of the longer list are ignored, so a missing weight
acts as a zero weight. A layer is a list of units, and its width is its length. `DeepRep n L f`
says that `f` is computed exactly by such a network with exactly `L` hidden layers, each of width
exactly `n`; every unit of a layer reads all `n` activations of the layer before. For `L = 0` the
network is the linear map `x ↦ a₀ x`.

Results: a one-hidden-layer network is a depth-1 deep network (`deepRep_one`). Composing a deep
network with a one-hidden-layer network of the same width adds a layer
(`deepRep_comp_shallow`), so every chain network of `Deep.lean` is a deep network
(`deepRep_of_chainRep`), and residual networks of width `n` are deep networks of width `2 + n`
(`deepRep_of_resRep`). Depth and width monotonicity are in `DeepNetMono.lean`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL.Expressivity

/-- A hidden unit of a deep network: incoming weights `w` and bias `b`. On the activations `h`
of the layer before it computes `relu (⟪w, h⟫ + b)`. -/
structure DeepUnit (K : Type u) where
  /-- Incoming weights, one per unit of the layer before. -/
  w : List K
  /-- Bias. -/
  b : K

section Widths

variable {α : Type v}

/-- Every layer in the list has width exactly `n`. -/
def LayerWidths (n : Nat) : List (List α) → Prop
  | [] => True
  | l :: ls => l.length = n ∧ LayerWidths n ls

/-- Appending a layer of width `n` keeps every width equal to `n`. -/
theorem layerWidths_append {n : Nat} {l : List α} (hl : l.length = n) (ls : List (List α))
    (h : LayerWidths n ls) : LayerWidths n (ls ++ [l]) := by
  induction ls with
  | nil =>
    show l.length = n ∧ LayerWidths n ([] : List (List α))
    exact ⟨hl, trivial⟩
  | cons l' ls ih =>
    have h' : l'.length = n ∧ LayerWidths n ls := h
    show l'.length = n ∧ LayerWidths n (ls ++ [l])
    exact ⟨h'.1, ih h'.2⟩

end Widths

section DeepNet

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The pairing `⟪w, h⟫ = ∑ wᵢ hᵢ` of two lists, position by position; surplus entries of the
longer list are ignored. -/
def dot : List K → List K → K
  | [], _ => 0
  | w :: ws, h =>
    match h with
    | [] => 0
    | x :: xs => w * x + dot ws xs

/-- Pairing with the empty list on the right gives zero. -/
theorem dot_nil_right (ws : List K) : dot ws [] = 0 := by
  cases ws with
  | nil => rfl
  | cons w ws => rfl

/-- The first entry of a list, or `0` for the empty list. -/
def headOr : List K → K
  | [] => 0
  | w :: _ => w

/-- Pairing with the one-entry list `[x]` reads the first weight: `⟪w, [x]⟫ = w₀ x`. -/
theorem dot_singleton (ws : List K) (x : K) : dot ws [x] = headOr ws * x := by
  cases ws with
  | nil =>
    show (0 : K) = 0 * x
    grind
  | cons w ws =>
    have h0 : dot ws [] = 0 := dot_nil_right ws
    show w * x + dot ws [] = w * x
    rw [h0]
    grind

/-- Scale every entry of a list by `c`. -/
def scaleList (c : K) : List K → List K
  | [] => []
  | w :: ws => c * w :: scaleList c ws

/-- Scaling the weights scales the pairing: `⟪c • w, h⟫ = c ⟪w, h⟫`. -/
theorem dot_scaleList (c : K) (ws h : List K) : dot (scaleList c ws) h = c * dot ws h := by
  induction ws generalizing h with
  | nil =>
    show (0 : K) = c * 0
    grind
  | cons w ws ih =>
    cases h with
    | nil =>
      show (0 : K) = c * 0
      grind
    | cons y ys =>
      show c * w * y + dot (scaleList c ws) ys = c * (w * y + dot ws ys)
      rw [ih ys]
      grind

/-- The activations `relu (⟪w, h⟫ + b)` of a layer on the activations `h` of the layer before. -/
noncomputable def layerEval : List (DeepUnit K) → List K → List K
  | [], _ => []
  | u :: us, h => relu (dot u.w h + u.b) :: layerEval us h

/-- The activations of the last hidden layer: the layers are applied in order, head first. -/
noncomputable def hidden : List (List (DeepUnit K)) → List K → List K
  | [], h => h
  | l :: ls, h => hidden ls (layerEval l h)

/-- The function computed by the deep network with hidden layers `layers` and output weights
`out`: `x ↦ ⟪out, h_L⟫` with `h₀ = [x]`. -/
noncomputable def deepEval (layers : List (List (DeepUnit K))) (out : List K) (x : K) : K :=
  dot out (hidden layers [x])

/-- `f` is computed exactly by a deep ReLU network on the line with exactly `L` hidden layers,
each of width exactly `n`, in which every unit reads all `n` activations of the layer before. -/
def DeepRep (n L : Nat) (f : K → K) : Prop :=
  ∃ (layers : List (List (DeepUnit K))) (out : List K),
    layers.length = L ∧ LayerWidths n layers ∧ ∀ x, deepEval layers out x = f x

/-- `DeepRep` depends on the function only pointwise, and the depth can be rewritten. -/
theorem deepRep_congr {n L L' : Nat} {f g : K → K} (hL : L = L') (hfg : ∀ x, f x = g x)
    (h : DeepRep n L f) : DeepRep n L' g := by
  obtain ⟨ls, out, hlen, hw, hev⟩ := h
  exact ⟨ls, out, hlen.trans hL, hw, fun x => (hev x).trans (hfg x)⟩

/-- With no hidden layer and output weight `1`, a deep network computes the identity. -/
theorem deepRep_zero_id (n : Nat) : DeepRep n 0 (fun x : K => x) := by
  refine ⟨[], [1], rfl, trivial, ?_⟩
  intro x
  show (1 : K) * x + 0 = x
  grind

/-- The layer that feeds the output `s = ⟪out, h⟫` of a network into the units of a
one-hidden-layer network: the unit `(a, w, b)` becomes the deep unit with weights `w • out` and
bias `b`, so its pre-activation is `w s + b`. -/
def liftLayer (out : List K) : List (Neuron K) → List (DeepUnit K)
  | [] => []
  | u :: us => ⟨scaleList u.w out, u.b⟩ :: liftLayer out us

/-- The output weights `a` of a one-hidden-layer network. -/
def outWeights : List (Neuron K) → List K
  | [] => []
  | u :: us => u.a :: outWeights us

/-- Lifting keeps the width. -/
theorem length_liftLayer (out : List K) (net : List (Neuron K)) :
    (liftLayer out net).length = net.length := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show (liftLayer out us).length + 1 = us.length + 1
    rw [ih]

/-- The lifted layer with the old output weights computes the one-hidden-layer network on the
scalar `⟪out, h⟫`. -/
theorem dot_outWeights_liftLayer (out : List K) (net : List (Neuron K)) (h : List K) :
    dot (outWeights net) (layerEval (liftLayer out net) h) = shallowEval net (dot out h) := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show u.a * relu (dot (scaleList u.w out) h + u.b)
        + dot (outWeights us) (layerEval (liftLayer out us) h)
      = u.a * relu (u.w * dot out h + u.b) + shallowEval us (dot out h)
    rw [dot_scaleList, ih]

/-- Appending a layer applies it last. -/
theorem hidden_append_single (ls : List (List (DeepUnit K))) (l : List (DeepUnit K))
    (h : List K) : hidden (ls ++ [l]) h = layerEval l (hidden ls h) := by
  induction ls generalizing h with
  | nil => rfl
  | cons l' ls ih => exact ih (layerEval l' h)

/-- Composing a deep network of width `n` with a one-hidden-layer network of width `n` gives a
deep network of width `n` with one more hidden layer. -/
theorem deepRep_comp_shallow {n L : Nat} {f g : K → K} (hf : DeepRep n L f)
    (hg : ShallowRep n g) : DeepRep n (L + 1) (fun x => g (f x)) := by
  obtain ⟨ls, out, hlen, hw, hev⟩ := hf
  obtain ⟨net, hnet, hgev⟩ := hg
  have hl : (liftLayer out net).length = n := by
    rw [length_liftLayer, hnet]
  have h1 : ([liftLayer out net] : List (List (DeepUnit K))).length = 1 := rfl
  refine ⟨ls ++ [liftLayer out net], outWeights net, ?_, layerWidths_append hl ls hw, ?_⟩
  · rw [List.length_append, hlen, h1]
  · intro x
    have e1 : hidden (ls ++ [liftLayer out net]) [x]
        = layerEval (liftLayer out net) (hidden ls [x]) :=
      hidden_append_single ls (liftLayer out net) [x]
    have e2 : dot (outWeights net) (layerEval (liftLayer out net) (hidden ls [x]))
        = shallowEval net (dot out (hidden ls [x])) :=
      dot_outWeights_liftLayer out net (hidden ls [x])
    have e3 : dot out (hidden ls [x]) = f x := hev x
    show dot (outWeights net) (hidden (ls ++ [liftLayer out net]) [x]) = g (f x)
    rw [e1, e2, e3]
    exact hgev (f x)

/-- A one-hidden-layer network of width `n` is a depth-1 deep network of width `n`. -/
theorem deepRep_one {n : Nat} {f : K → K} (hf : ShallowRep n f) : DeepRep n 1 f :=
  deepRep_congr (by omega) (fun _ => rfl) (deepRep_comp_shallow (deepRep_zero_id n) hf)

/-- Composing a deep network with a list of one-hidden-layer networks of the same width adds one
hidden layer per network. -/
theorem deepRep_compose {n : Nat} (fs : List (K → K)) (hfs : ∀ g ∈ fs, ShallowRep n g)
    {L : Nat} {f : K → K} (h : DeepRep n L f) :
    DeepRep n (L + fs.length) (fun x => compose fs (f x)) := by
  induction fs generalizing L f with
  | nil =>
    exact deepRep_congr (by show L = L + 0; omega) (fun _ => rfl) h
  | cons g gs ih =>
    have hg : ShallowRep n g := hfs g (List.mem_cons.mpr (Or.inl rfl))
    have hgs : ∀ k ∈ gs, ShallowRep n k := fun k hk => hfs k (List.mem_cons.mpr (Or.inr hk))
    have h' : DeepRep n (L + 1) (fun x => g (f x)) := deepRep_comp_shallow h hg
    have h'' : DeepRep n (L + 1 + gs.length) (fun x => compose gs (g (f x))) :=
      ih (hfs := hgs) (L := L + 1) (f := fun x => g (f x)) (h := h')
    exact deepRep_congr (by show L + 1 + gs.length = L + (gs.length + 1); omega)
      (fun _ => rfl) h''

/-- Every chain network (compositions of width-`n` one-hidden-layer networks, with a width-1
bottleneck between them) is a deep network of width `n` at the same depth. -/
theorem deepRep_of_chainRep {n L : Nat} {f : K → K} (h : ChainRep n L f) : DeepRep n L f := by
  obtain ⟨fs, hlen, hall, hf⟩ := h
  have h0 : DeepRep n (0 + fs.length) (fun x => compose fs ((fun y : K => y) x)) :=
    deepRep_compose fs hall (deepRep_zero_id n)
  exact deepRep_congr (by omega) (fun x => hf x) h0

/-- Residual networks of width `n` (1-D residual stream) are deep networks of width `2 + n` at
the same depth. -/
theorem deepRep_of_resRep {n L : Nat} {f : K → K} (h : ResRep n L f) : DeepRep (2 + n) L f :=
  deepRep_of_chainRep (chainRep_of_resRep h)

end DeepNet

end AxiomDL.Expressivity
