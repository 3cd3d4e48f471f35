import AxiomDL.Expressivity.Assumptions
import AxiomDL.Expressivity.Lazy

/-!
# Expressivity: open problems

Open problems are `Prop`-valued definitions with a `Conjecture:` docstring; nothing in the
library assumes them.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Expressivity

section Conjectures

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Every weight (output weight, input weight, bias) of the network lies in `[-B, B]`. -/
def WeightsBounded (net : List (Neuron K)) (B : K) : Prop :=
  ∀ u ∈ net, (-B ≤ u.a ∧ u.a ≤ B) ∧ (-B ≤ u.w ∧ u.w ≤ B) ∧ (-B ≤ u.b ∧ u.b ≤ B)

/-- Conjecture: the strong lottery-ticket hypothesis at initialisation, in the shape of the
published theorems (bounded target weights, bounded inputs), for the deterministic
initialisation scheme `init` (a network of width exactly `n` for each `n`): every target
network of width `k` whose weights lie in `[-1, 1]` is `ε`-approximated (`0 < ε`) uniformly on
the inputs `[-1, 1]` by a pruned subnetwork of `init n`, without any training, once
`n ≥ overhead k ε`. Units are pruned (not single weights), as in `IsSubnet`. Without the bounds
the statement is false for every scheme: `init n` has finitely many subnetworks, so finitely
many values at `0`, and a constant target can be placed more than `ε` away from all of them.
Area: expressivity
Status: plausible
Evidence: Proved with high probability for random initialisations with bounded targets on the unit ball, with polynomial (Malach et al. 2020) and then logarithmic (Pensia et al. 2020) overparameterisation; in practice edge-popup finds such subnetworks in wide random networks (Ramanujan et al. 2020). Open for deterministic schemes with unit pruning and for the constants.
Refs: Ramanujan et al. (CVPR 2020); Malach, Yehudai, Shalev-Shwartz, Shamir (ICML 2020); Pensia et al. (NeurIPS 2020).
-/
def LotteryTicketAtInit (init : Nat → List (Neuron K)) (overhead : Nat → K → Nat) : Prop :=
  (∀ n, (init n).length = n) ∧
    ∀ target : List (Neuron K), WeightsBounded target 1 → ∀ ε : K, 0 < ε →
      ∀ n, overhead target.length ε ≤ n →
        ∃ sub : List (Neuron K), IsSubnet sub (init n) ∧
          ∀ x : K, -1 ≤ x → x ≤ 1 → shallowEval sub x - shallowEval target x ≤ ε ∧
            shallowEval target x - shallowEval sub x ≤ ε

/-- Conjecture: lazy training at practical widths: for the model family `model n` (width `n`,
on its own parameter space `V n`), with initialisation `init n`, tangent map `J n` and the
gradient oracle `grad n` of its training loss, at every practical width `n ≥ nPractical`
(1) lazy training holds on the ball of squared radius `R > 0` around `init n` with accuracy
`ε > 0`, and (2) gradient descent with step size `η > 0` from `init n` stays in that ball at
every step. Only (2) says that training is lazy; (1) alone is a property of the model.
Area: expressivity
Status: refuted-in-regime
Evidence: Linearised (NTK) models underperform trained finite networks on standard vision benchmarks and the empirical tangent kernel changes substantially early in training (Fort et al. 2020); it holds only at very large widths under NTK parameterisation.
Refs: Chizat, Oyallon, Bach (NeurIPS 2019); Fort et al., "Deep learning versus kernel learning" (NeurIPS 2020); Lee et al. (NeurIPS 2020).
Probe: lazy-training
-/
def LazyTrainingAtPracticalWidth {V : Nat → Type v} {X : Type w}
    (E : (n : Nat) → AxiomDL.InnerProductSpace K (V n)) (model : (n : Nat) → V n → X → K)
    (init : (n : Nat) → V n) (J : (n : Nat) → X → V n) (grad : (n : Nat) → V n → V n)
    (η R ε : K) (nPractical : Nat) : Prop :=
  0 < η ∧ 0 < R ∧ 0 < ε ∧
    ∀ n, nPractical ≤ n →
      LazyTraining (E n) (model n) (init n) (J n) R ε ∧
        ∀ t, (E n).normSq ((E n).sub (AxiomDL.gdIter (E n) (grad n) η (init n) t) (init n)) ≤ R

end Conjectures

end AxiomDL.Expressivity
