import AxiomDL.Expressivity.Relu

/-!
# Expressivity: one-hidden-layer ReLU networks in one dimension

A hidden unit is a triple `(a, w, b)` computing `x ↦ a * relu (w * x + b)`; a network is a list
of units and computes the sum of its units. The width of a network is the length of the list.
`ShallowRep n f` says that `f` is computed exactly by some network of width exactly `n`.

Main results: the identity has width 2 (`shallowRep_identity`), width is monotone
(`shallowRep_succ`, `shallowRep_mono`), and representable functions are closed under sums with
additive widths (`shallowRep_add`) and under output scaling (`shallowRep_smul`).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

/-- A hidden ReLU unit `x ↦ a * relu (w * x + b)`: output weight `a`, input weight `w`, bias `b`. -/
structure Neuron (K : Type u) where
  /-- Output weight. -/
  a : K
  /-- Input weight. -/
  w : K
  /-- Bias. -/
  b : K

section Shallow

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The function computed by one hidden unit. -/
noncomputable def Neuron.eval (u : Neuron K) (x : K) : K := u.a * relu (u.w * x + u.b)

/-- The function computed by a one-hidden-layer network: the sum of its units. -/
noncomputable def shallowEval : List (Neuron K) → K → K
  | [], _ => 0
  | u :: us, x => u.eval x + shallowEval us x

/-- The empty network computes zero. -/
theorem shallowEval_nil (x : K) : shallowEval ([] : List (Neuron K)) x = 0 := rfl

/-- A network with a first unit computes that unit plus the rest. -/
theorem shallowEval_cons (u : Neuron K) (us : List (Neuron K)) (x : K) :
    shallowEval (u :: us) x = u.eval x + shallowEval us x := rfl

/-- Placing two networks side by side adds their functions. -/
theorem shallowEval_append (n₁ n₂ : List (Neuron K)) (x : K) :
    shallowEval (n₁ ++ n₂) x = shallowEval n₁ x + shallowEval n₂ x := by
  induction n₁ with
  | nil =>
    rw [List.nil_append, shallowEval_nil]
    grind
  | cons u us ih =>
    rw [List.cons_append, shallowEval_cons, shallowEval_cons, ih]
    grind

/-- `f` is computed exactly by a one-hidden-layer ReLU network of width exactly `n`. -/
def ShallowRep (n : Nat) (f : K → K) : Prop :=
  ∃ net : List (Neuron K), net.length = n ∧ ∀ x, shallowEval net x = f x

/-- The unit with all parameters zero. -/
def zeroNeuron : Neuron K := ⟨0, 0, 0⟩

/-- The zero unit computes zero. -/
theorem zeroNeuron_eval (x : K) : (zeroNeuron : Neuron K).eval x = 0 := by
  show (0 : K) * relu (0 * x + 0) = 0
  grind

/-- Width monotonicity, one step: a width-`n` network is representable at width `n + 1`
(pad with a zero unit). -/
theorem shallowRep_succ {n : Nat} {f : K → K} (h : ShallowRep n f) : ShallowRep (n + 1) f := by
  obtain ⟨net, hlen, hf⟩ := h
  refine ⟨zeroNeuron :: net, ?_, ?_⟩
  · rw [List.length_cons, hlen]
  · intro x
    rw [shallowEval_cons, zeroNeuron_eval, hf x]
    grind

/-- Width monotonicity: a width-`n` network is representable at every width `m ≥ n`. -/
theorem shallowRep_mono {n m : Nat} (hnm : n ≤ m) {f : K → K} (h : ShallowRep n f) :
    ShallowRep m f := by
  induction m with
  | zero =>
    have hn : n = 0 := by omega
    subst hn
    exact h
  | succ k ih =>
    by_cases hk : n ≤ k
    · exact shallowRep_succ (ih hk)
    · have hn : n = k + 1 := by omega
      subst hn
      exact h

/-- The zero function has width `0`. -/
theorem shallowRep_zero : ShallowRep 0 (fun _ : K => (0 : K)) :=
  ⟨[], rfl, fun x => shallowEval_nil x⟩

/-- The zero function is representable at every width. -/
theorem shallowRep_zero_any (n : Nat) : ShallowRep n (fun _ : K => (0 : K)) :=
  shallowRep_mono (Nat.zero_le n) shallowRep_zero

/-- A single ReLU is a width-1 network. -/
theorem shallowRep_relu : ShallowRep 1 (fun x : K => relu x) := by
  refine ⟨[⟨1, 1, 0⟩], rfl, ?_⟩
  intro x
  have h1 : (1 : K) * x + 0 = x := by grind
  show (1 : K) * relu (1 * x + 0) + 0 = relu x
  rw [h1]
  grind

/-- ReLU networks represent the identity with width 2: `x = relu x - relu (-x)`. -/
theorem shallowRep_identity : ShallowRep 2 (fun x : K => x) := by
  refine ⟨[⟨1, 1, 0⟩, ⟨-1, -1, 0⟩], rfl, ?_⟩
  intro x
  have h1 : (1 : K) * x + 0 = x := by grind
  have h2 : (-1 : K) * x + 0 = -x := by grind
  have hid : relu x - relu (-x) = x := relu_sub_relu_neg x
  show (1 : K) * relu (1 * x + 0) + ((-1) * relu (-1 * x + 0) + 0) = x
  rw [h1, h2]
  grind

/-- The identity is representable at every width `n ≥ 2`. -/
theorem shallowRep_identity_of_two_le {n : Nat} (hn : 2 ≤ n) : ShallowRep n (fun x : K => x) :=
  shallowRep_mono hn shallowRep_identity

/-- Sums: widths add. -/
theorem shallowRep_add {n m : Nat} {f g : K → K} (hf : ShallowRep n f) (hg : ShallowRep m g) :
    ShallowRep (n + m) (fun x => f x + g x) := by
  obtain ⟨net₁, hlen₁, hf₁⟩ := hf
  obtain ⟨net₂, hlen₂, hg₂⟩ := hg
  refine ⟨net₁ ++ net₂, ?_, ?_⟩
  · rw [List.length_append, hlen₁, hlen₂]
  · intro x
    rw [shallowEval_append, hf₁ x, hg₂ x]

/-- Scale every output weight of a network by `c`. -/
def scaleOutput (c : K) : List (Neuron K) → List (Neuron K)
  | [] => []
  | u :: us => ⟨c * u.a, u.w, u.b⟩ :: scaleOutput c us

/-- Output scaling keeps the width. -/
theorem length_scaleOutput (c : K) (net : List (Neuron K)) :
    (scaleOutput c net).length = net.length := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show (scaleOutput c us).length + 1 = us.length + 1
    rw [ih]

/-- Output scaling scales the network function. -/
theorem shallowEval_scaleOutput (c : K) (net : List (Neuron K)) (x : K) :
    shallowEval (scaleOutput c net) x = c * shallowEval net x := by
  induction net with
  | nil =>
    show (0 : K) = c * 0
    grind
  | cons u us ih =>
    show c * u.a * relu (u.w * x + u.b) + shallowEval (scaleOutput c us) x
      = c * (u.a * relu (u.w * x + u.b) + shallowEval us x)
    rw [ih]
    grind

/-- Representable functions are closed under scaling, at the same width. -/
theorem shallowRep_smul {n : Nat} {f : K → K} (c : K) (hf : ShallowRep n f) :
    ShallowRep n (fun x => c * f x) := by
  obtain ⟨net, hlen, hnet⟩ := hf
  refine ⟨scaleOutput c net, ?_, ?_⟩
  · rw [length_scaleOutput, hlen]
  · intro x
    rw [shallowEval_scaleOutput, hnet x]

end Shallow

end AxiomDL.Expressivity
