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

/-- Conjecture: the strong lottery-ticket hypothesis at initialisation for the initialisation
scheme `init` (a width-`n` network for each `n`): every target network of width `k` is
`ε`-approximated on `[lo, hi]` by a pruned subnetwork of `init n`, without any training, once
`n ≥ overhead k ε`.
Area: expressivity
Status: plausible
Evidence: Proved with high probability for random initialisations with polynomial (Malach et al. 2020) and then logarithmic (Pensia et al. 2020) overparameterisation; in practice edge-popup finds such subnetworks in wide random networks (Ramanujan et al. 2020). Open for deterministic schemes and for the constants.
Refs: Ramanujan et al. (CVPR 2020); Malach, Yehudai, Shalev-Shwartz, Shamir (ICML 2020); Pensia et al. (NeurIPS 2020).
-/
def LotteryTicketAtInit (init : Nat → List (Neuron K)) (overhead : Nat → K → Nat) : Prop :=
  ∀ (target : List (Neuron K)) (lo hi ε : K), 0 < ε →
    ∀ n, overhead target.length ε ≤ n →
      ∃ sub : List (Neuron K), IsSubnet sub (init n) ∧
        ∀ x, lo ≤ x → x ≤ hi → shallowEval sub x - shallowEval target x ≤ ε ∧
          shallowEval target x - shallowEval sub x ≤ ε

/-- Conjecture: lazy training at practical widths: for the model family `model n` (width `n`),
trained parameters stay in a ball of squared radius `R` around initialisation on which the
linearisation error is already below the accuracy `ε` at the widths used in practice
(`n ≥ nPractical`).
Area: expressivity
Status: refuted-in-regime
Evidence: Linearised (NTK) models underperform trained finite networks on standard vision benchmarks and the empirical tangent kernel changes substantially early in training (Fort et al. 2020); it holds only at very large widths under NTK parameterisation.
Refs: Chizat, Oyallon, Bach (NeurIPS 2019); Fort et al., "Deep learning versus kernel learning" (NeurIPS 2020); Lee et al. (NeurIPS 2020).
Probe: lazy-training
-/
def LazyTrainingAtPracticalWidth {V : Type v} {X : Type w} (E : AxiomDL.InnerProductSpace K V)
    (model : Nat → V → X → K) (init : Nat → V) (J : Nat → X → V) (R ε : K)
    (nPractical : Nat) : Prop :=
  ∀ n, nPractical ≤ n → LazyTraining E (model n) (init n) (J n) R ε

end Conjectures

end AxiomDL.Expressivity
