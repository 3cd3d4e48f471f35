import AxiomDL.Expressivity.Shallow

/-!
# Expressivity: compositions of one-hidden-layer networks, and residual blocks

`compose [f₁, …, f_L]` applies `f₁` first. `DepthRep layer L f` says that `f` is a composition
of exactly `L` functions from the class `layer`. Composing `L` one-hidden-layer 1-D networks of
width `n` gives `ChainRep n L f`: a deep ReLU network whose hidden layers have width `n` but that
passes a single scalar between consecutive hidden layers (a linear bottleneck of width 1). The
genuine deep networks, whose hidden layers pass all `n` activations on, are `DeepRep` in
`DeepNet.lean`; every chain network is one of them (`AxiomDL.Expressivity.deepRep_of_chainRep`).
A residual block adds the identity to a width-`n` network (`ResRep n L`, a residual network
whose residual stream is 1-D).

Depth monotonicity is a function-class inclusion: chain networks of width `n ≥ 2` can be
deepened with identity layers (`chainRep_succ_depth`), and residual networks of any width can be
deepened with zero residual branches (`resRep_succ_depth`). A residual network of width `n` is a
chain network of width `2 + n` (`chainRep_of_resRep`).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Compose

variable {α : Type u}

/-- Compose a list of layers, applying the head first. -/
def compose : List (α → α) → α → α
  | [], x => x
  | f :: fs, x => compose fs (f x)

/-- Composition of the concatenation is composition of the compositions. -/
theorem compose_append (fs gs : List (α → α)) (x : α) :
    compose (fs ++ gs) x = compose gs (compose fs x) := by
  induction fs generalizing x with
  | nil => rfl
  | cons f fs ih => exact ih (f x)

/-- `f` is a composition of exactly `L` layers from the class `layer`. -/
def DepthRep (layer : (α → α) → Prop) (L : Nat) (f : α → α) : Prop :=
  ∃ fs : List (α → α), fs.length = L ∧ (∀ g ∈ fs, layer g) ∧ ∀ x, compose fs x = f x

/-- A single layer is a depth-1 composition. -/
theorem depthRep_one {layer : (α → α) → Prop} {f : α → α} (hf : layer f) :
    DepthRep layer 1 f := by
  refine ⟨[f], rfl, ?_, fun x => rfl⟩
  intro g hg
  rcases List.mem_cons.mp hg with h | h
  · rw [h]
    exact hf
  · exact nomatch h

/-- Depth monotonicity through identity layers: if the identity is a layer, a depth-`L`
composition is also a depth-`L + 1` composition. -/
theorem depthRep_succ_of_id {layer : (α → α) → Prop} (hid : layer (fun x => x)) {L : Nat}
    {f : α → α} (h : DepthRep layer L f) : DepthRep layer (L + 1) f := by
  obtain ⟨fs, hlen, hall, hf⟩ := h
  refine ⟨(fun x => x) :: fs, ?_, ?_, ?_⟩
  · rw [List.length_cons, hlen]
  · intro g hg
    rcases List.mem_cons.mp hg with h | h
    · rw [h]
      exact hid
    · exact hall g h
  · intro x
    exact hf x

/-- Depth monotonicity, any number of steps. -/
theorem depthRep_mono_of_id {layer : (α → α) → Prop} (hid : layer (fun x => x)) {L M : Nat}
    (hLM : L ≤ M) {f : α → α} (h : DepthRep layer L f) : DepthRep layer M f := by
  induction M with
  | zero =>
    have hL : L = 0 := by omega
    subst hL
    exact h
  | succ k ih =>
    by_cases hk : L ≤ k
    · exact depthRep_succ_of_id hid (ih hk)
    · have hL : L = k + 1 := by omega
      subst hL
      exact h

/-- A larger layer class gives a larger depth-`L` class. -/
theorem depthRep_layer_mono {layer layer' : (α → α) → Prop} (hsub : ∀ g, layer g → layer' g)
    {L : Nat} {f : α → α} (h : DepthRep layer L f) : DepthRep layer' L f := by
  obtain ⟨fs, hlen, hall, hf⟩ := h
  exact ⟨fs, hlen, fun g hg => hsub g (hall g hg), hf⟩

/-- Composition: depths add. -/
theorem depthRep_comp {layer : (α → α) → Prop} {L₁ L₂ : Nat} {f g : α → α}
    (hf : DepthRep layer L₁ f) (hg : DepthRep layer L₂ g) :
    DepthRep layer (L₁ + L₂) (fun x => g (f x)) := by
  obtain ⟨fs, hlen₁, hall₁, hf'⟩ := hf
  obtain ⟨gs, hlen₂, hall₂, hg'⟩ := hg
  refine ⟨fs ++ gs, ?_, ?_, ?_⟩
  · rw [List.length_append, hlen₁, hlen₂]
  · intro k hk
    rcases List.mem_append.mp hk with h | h
    · exact hall₁ k h
    · exact hall₂ k h
  · intro x
    rw [compose_append, hf' x, hg' (f x)]

end Compose

section Relu

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- `ShallowRep` only depends on the function pointwise. -/
theorem shallowRep_congr {n : Nat} {f g : K → K} (hfg : ∀ x, f x = g x) (h : ShallowRep n f) :
    ShallowRep n g := by
  obtain ⟨net, hlen, hnet⟩ := h
  exact ⟨net, hlen, fun x => (hnet x).trans (hfg x)⟩

/-- Compositions of `L` one-hidden-layer 1-D ReLU networks of width `n`: a deep network whose
hidden layers have width `n`, with a linear bottleneck of width 1 between consecutive hidden
layers (each layer reads out one scalar, which the next layer takes as its input). -/
def ChainRep (n L : Nat) (f : K → K) : Prop := DepthRep (ShallowRep (K := K) n) L f

/-- A one-hidden-layer network is a depth-1 chain network. -/
theorem chainRep_one {n : Nat} {f : K → K} (hf : ShallowRep n f) : ChainRep n 1 f :=
  depthRep_one hf

/-- Depth monotonicity for chain networks of width at least 2 (identity layers). -/
theorem chainRep_succ_depth {n L : Nat} (hn : 2 ≤ n) {f : K → K} (h : ChainRep n L f) :
    ChainRep n (L + 1) f :=
  depthRep_succ_of_id (shallowRep_identity_of_two_le hn) h

/-- Depth monotonicity for chain networks, any number of steps. -/
theorem chainRep_mono_depth {n L M : Nat} (hn : 2 ≤ n) (hLM : L ≤ M) {f : K → K}
    (h : ChainRep n L f) : ChainRep n M f :=
  depthRep_mono_of_id (shallowRep_identity_of_two_le hn) hLM h

/-- Width monotonicity for chain networks. -/
theorem chainRep_mono_width {n m L : Nat} (hnm : n ≤ m) {f : K → K} (h : ChainRep n L f) :
    ChainRep m L f :=
  depthRep_layer_mono (fun g (hg : ShallowRep n g) => shallowRep_mono hnm hg) h

/-- The residual map `x ↦ x + g x`. -/
def residual (g : K → K) : K → K := fun x => x + g x

/-- A residual block of width `n`: `x ↦ x + g x` with `g` a width-`n` network. -/
def ResBlock (n : Nat) (h : K → K) : Prop := ∃ g : K → K, ShallowRep n g ∧ ∀ x, h x = residual g x

/-- Depth-`L` residual ReLU networks with branches of width `n`. -/
def ResRep (n L : Nat) (f : K → K) : Prop := DepthRep (ResBlock (K := K) n) L f

/-- The identity is a residual block of every width (zero branch). -/
theorem resBlock_id (n : Nat) : ResBlock n (fun x : K => x) := by
  refine ⟨fun _ => 0, shallowRep_zero_any n, ?_⟩
  intro x
  show x = x + 0
  grind

/-- Depth monotonicity for residual networks, at every width (even width 0). -/
theorem resRep_succ_depth {n L : Nat} {f : K → K} (h : ResRep n L f) : ResRep n (L + 1) f :=
  depthRep_succ_of_id (resBlock_id n) h

/-- Width monotonicity for residual networks. -/
theorem resRep_mono_width {n m L : Nat} (hnm : n ≤ m) {f : K → K} (h : ResRep n L f) :
    ResRep m L f := by
  refine depthRep_layer_mono ?_ h
  intro k hk
  obtain ⟨g, hg, hkg⟩ := hk
  exact ⟨g, shallowRep_mono hnm hg, hkg⟩

/-- A residual block of width `n` is a one-hidden-layer network of width `2 + n` (the two extra
units carry the identity, `x = relu x - relu (-x)`). -/
theorem shallowRep_of_resBlock {n : Nat} {h : K → K} (hb : ResBlock n h) : ShallowRep (2 + n) h := by
  obtain ⟨g, hg, hhg⟩ := hb
  have hsum : ShallowRep (2 + n) (fun x => x + g x) := shallowRep_add shallowRep_identity hg
  exact shallowRep_congr (fun x => (hhg x).symm) hsum

/-- Residual networks of width `n` are chain networks of width `2 + n` at the same depth. -/
theorem chainRep_of_resRep {n L : Nat} {f : K → K} (h : ResRep n L f) : ChainRep (2 + n) L f :=
  depthRep_layer_mono (fun g (hb : ResBlock n g) => shallowRep_of_resBlock hb) h

end Relu

end AxiomDL.Expressivity
