import AxiomDL.Expressivity.Shallow

/-!
# Expressivity: rescaling invariance of ReLU networks

Multiplying the incoming weights and bias of a hidden unit by `c > 0` and dividing its outgoing
weight by `c` leaves the network function unchanged (`shallowEval_rescaleNet`), because ReLU is
positively homogeneous. The curvature of the squared loss in the output weights, however,
scales by `c * c` (`outputCurvature_rescaleNet`).

`outputCurvature net x` is the trace of the output-weight block of the Hessian of
`½ (f x - y)²`, which is `∑ relu (w x + b)²` at every parameter. It is not the sharpness
itself (the largest eigenvalue of the full Hessian), but it bounds it from below at an
interpolating minimum: there `f x = y`, the Hessian is the rank-one matrix `∇f ∇fᵀ`, its largest
eigenvalue is `‖∇f‖²`, and the output weights contribute `∑ relu (w x + b)²` to `‖∇f‖²`. So
rescaling by a large `c` turns every interpolating minimum into one, computing the same
function, whose sharpness is at least `c * c` times its output-weight curvature: the same
function sits at *arbitrarily sharp* minima. This is the formal core of the Dinh et al. (2017)
counterexample to "flat minima generalise" (`rescaling_changes_sharpness`), cited in the
`Evidence:` line of `AxiomDL.Generalization.FlatMinimaGeneralize`. What is *not* shown here is
the converse, "arbitrarily flat": a small `c` shrinks the output-weight block but scales the
input-weight block by `1 / (c * c)`, so this rescaling alone does not flatten the minimum.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Rescaling

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Rescale a unit by `c`: incoming weight and bias times `c`, outgoing weight divided by `c`. -/
def Neuron.rescale (c : K) (u : Neuron K) : Neuron K := ⟨u.a / c, c * u.w, c * u.b⟩

/-- Rescaling a unit by `c > 0` does not change the function it computes. -/
theorem Neuron.eval_rescale {c : K} (hc : 0 < c) (u : Neuron K) (x : K) :
    (u.rescale c).eval x = u.eval x := by
  have hc0 : 0 ≤ c := by grind
  have hne : c ≠ 0 := by grind
  have harg : c * u.w * x + c * u.b = c * (u.w * x + u.b) := by grind
  have hrelu : relu (c * (u.w * x + u.b)) = c * relu (u.w * x + u.b) :=
    relu_mul_of_nonneg hc0 (u.w * x + u.b)
  have hcancel : c * (u.a / c) = u.a := AxiomDL.mul_div_cancel_left hne
  have hassoc : u.a / c * (c * relu (u.w * x + u.b))
      = c * (u.a / c) * relu (u.w * x + u.b) := by grind
  show u.a / c * relu (c * u.w * x + c * u.b) = u.a * relu (u.w * x + u.b)
  rw [harg, hrelu, hassoc, hcancel]

/-- Rescale every unit of a network by `c`. -/
def rescaleNet (c : K) : List (Neuron K) → List (Neuron K)
  | [] => []
  | u :: us => u.rescale c :: rescaleNet c us

/-- Rescaling keeps the width. -/
theorem length_rescaleNet (c : K) (net : List (Neuron K)) :
    (rescaleNet c net).length = net.length := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show (rescaleNet c us).length + 1 = us.length + 1
    rw [ih]

/-- Rescaling invariance: for `c > 0` the rescaled network computes the same function. -/
theorem shallowEval_rescaleNet {c : K} (hc : 0 < c) (net : List (Neuron K)) (x : K) :
    shallowEval (rescaleNet c net) x = shallowEval net x := by
  induction net with
  | nil => rfl
  | cons u us ih =>
    show (u.rescale c).eval x + shallowEval (rescaleNet c us) x = u.eval x + shallowEval us x
    rw [Neuron.eval_rescale hc u x, ih]

/-- The curvature of the squared loss `½ (f x - y)²` in the output weights at input `x`: the
trace of that Hessian block, `∑ relu (w x + b)²` (the same at every parameter, since the loss is
quadratic in the output weights). At an interpolating minimum it is a lower bound for the
sharpness (see the module docstring); it is not the sharpness itself. -/
noncomputable def outputCurvature : List (Neuron K) → K → K
  | [], _ => 0
  | u :: us, x => relu (u.w * x + u.b) * relu (u.w * x + u.b) + outputCurvature us x

/-- Rescaling by `c > 0` multiplies the output-weight curvature by `c * c`. -/
theorem outputCurvature_rescaleNet {c : K} (hc : 0 < c) (net : List (Neuron K)) (x : K) :
    outputCurvature (rescaleNet c net) x = c * c * outputCurvature net x := by
  induction net with
  | nil =>
    show (0 : K) = c * c * 0
    grind
  | cons u us ih =>
    have hc0 : 0 ≤ c := by grind
    have harg : c * u.w * x + c * u.b = c * (u.w * x + u.b) := by grind
    have hrelu : relu (c * (u.w * x + u.b)) = c * relu (u.w * x + u.b) :=
      relu_mul_of_nonneg hc0 (u.w * x + u.b)
    show relu (c * u.w * x + c * u.b) * relu (c * u.w * x + c * u.b)
        + outputCurvature (rescaleNet c us) x
      = c * c * (relu (u.w * x + u.b) * relu (u.w * x + u.b) + outputCurvature us x)
    rw [harg, hrelu, ih]
    grind

/-- The rescaling counterexample to reparameterisation-invariant sharpness (Dinh et al. 2017):
for every network and every `c > 0` there is a second parameter vector computing the same
function (so it interpolates exactly the data the first one does, and is a minimum of the squared
loss whenever the first one is) whose output-weight curvature is `c * c` times the original at
every input. Taking `c` large makes the same function sit at arbitrarily sharp minima, since the
output-weight curvature bounds the sharpness from below at an interpolating minimum. It does not
show "arbitrarily flat" (see the module docstring). -/
theorem rescaling_changes_sharpness {c : K} (hc : 0 < c) (net : List (Neuron K)) :
    ∃ net' : List (Neuron K), net'.length = net.length ∧
      (∀ x, shallowEval net' x = shallowEval net x) ∧
      (∀ x, outputCurvature net' x = c * c * outputCurvature net x) :=
  ⟨rescaleNet c net, length_rescaleNet c net, fun x => shallowEval_rescaleNet hc net x,
    fun x => outputCurvature_rescaleNet hc net x⟩

/-- A concrete instance: the single unit `relu x` and its rescaling by `2` compute the same
function, but at `x = 1` their output-weight curvatures are `1` and `4`. -/
theorem rescaling_sharpness_example :
    (∀ x, shallowEval (rescaleNet 2 ([⟨1, 1, 0⟩] : List (Neuron K))) x
        = shallowEval ([⟨1, 1, 0⟩] : List (Neuron K)) x) ∧
      outputCurvature ([⟨1, 1, 0⟩] : List (Neuron K)) 1 = 1 ∧
      outputCurvature (rescaleNet 2 ([⟨1, 1, 0⟩] : List (Neuron K))) 1 = 4 := by
  have h2 : (0 : K) < 2 := by grind
  have hone : outputCurvature ([⟨1, 1, 0⟩] : List (Neuron K)) 1 = 1 := by
    have harg : (1 : K) * 1 + 0 = 1 := by grind
    show relu ((1 : K) * 1 + 0) * relu ((1 : K) * 1 + 0) + 0 = 1
    rw [harg, relu_one]
    grind
  refine ⟨fun x => shallowEval_rescaleNet h2 _ x, hone, ?_⟩
  rw [outputCurvature_rescaleNet h2 _ 1, hone]
  grind

end Rescaling

end AxiomDL.Expressivity
