import AxiomDL.Generalization.Bias
import AxiomDL.Generalization.Stability
import AxiomDL.Expressivity.Assumptions

/-!
# Generalisation: open problems

Open problems are `Prop`-valued definitions with a `Conjecture:` docstring; nothing in the
library assumes them.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section Conjectures

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Conjecture: benign overfitting for two-layer ReLU networks: for the data distribution
family `excessAt` (the excess risk, at sample size `n`, of the two-layer ReLU network that
gradient descent trains to interpolation with width `width n`), the excess risk vanishes as
`n` grows although the training data are fitted exactly, with noisy labels.
Area: generalization
Status: plausible
Evidence: Proved for two-layer networks with smoothed leaky-ReLU or ReLU activations on high-dimensional, nearly orthogonal data (Frei et al. 2022; Kou et al. 2023); open for low-dimensional data, where ReLU interpolation is known to be non-benign in some regimes (Kornowski et al. 2023).
Refs: Frei, Chatterji, Bartlett (COLT 2022); Kou, Chen, Chen, Gu (ICML 2023); Kornowski, Yehudai, Shamir (NeurIPS 2023).
-/
def BenignOverfittingTwoLayerReLU (excessAt : (Nat → Nat) → Nat → K) (width : Nat → Nat) : Prop :=
  ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n → excessAt width n ≤ ε

/-- Conjecture: a reparameterisation-invariant flatness measure predicts generalisation: the
given sharpness measure `sharp` on 1-D ReLU networks (a landscape quantity such as adaptive or
normalised sharpness) is invariant under rescaling (`AxiomDL.Expressivity.rescaleNet`), and flat
minima generalise for it with constant `C`. The measure is a parameter on purpose: "there is an
invariant measure with `gap ≤ C * sharp`" would be trivially true, since for `C ≠ 0` the measure
`sharp := gap / C` is invariant whenever the gap depends only on the network function.
Area: generalization
Status: contested
Evidence: Rescaling-invariant variants (normalised, adaptive, or quotient-space sharpness) remove the Dinh et al. counterexample (Tsuzuku et al. 2020; Kwon et al. 2021), but large-scale studies find their correlation with generalisation weak or inconsistent (Andriushchenko et al. 2023).
Refs: Dinh et al. (ICML 2017); Tsuzuku, Sato, Sugiyama (ICML 2020); Kwon et al. (ICML 2021); Andriushchenko et al. (ICML 2023).
Probe: rescaling-sharpness
-/
def InvariantFlatnessPredicts (sharp gap : List (Expressivity.Neuron K) → K) (C : K) : Prop :=
  (∀ (c : K) (net : List (Expressivity.Neuron K)), 0 < c →
      sharp (Expressivity.rescaleNet c net) = sharp net) ∧
    FlatMinimaGeneralize sharp gap C

/-- Conjecture: the implicit bias of gradient descent on deep linear (matrix) factorisation is
the minimum nuclear norm: the trained product `w` has nuclear norm (`nuclear`) at most that of
every interpolant of the data.
Area: generalization
Status: refuted-in-regime
Evidence: Conjectured from experiments and proved for commuting measurements (Gunasekar et al. 2017); counterexamples where all nuclear-norm minimisers are avoided and GD drives the rank down instead (Razin, Cohen 2020); the bias is closer to low rank (Arora et al. 2019).
Refs: Gunasekar, Woodworth, Bhojanapalli, Neyshabur, Srebro (NeurIPS 2017); Arora, Cohen, Hu, Luo (NeurIPS 2019); Razin, Cohen (NeurIPS 2020).
Probe: min-norm
-/
def NuclearNormImplicitBias {V : Type v} (E : AxiomDL.InnerProductSpace K V) (data : List (V × K))
    (nuclear : V → K) (w : V) : Prop :=
  AxiomDL.Interpolates E data w ∧ ∀ v, AxiomDL.Interpolates E data v → nuclear w ≤ nuclear v

/-- Conjecture: stability explains the generalisation of SGD-trained deep networks: the trained
algorithm `A` is uniformly `β m`-stable at sample size `m` with `β m → 0`, in the non-convex
regime of deep learning.
Area: generalization
Status: contested
Evidence: Proved for SGD on smooth convex losses and for few epochs in the non-convex case (Hardt, Recht, Singer 2016); measured stability of deep networks trained to interpolation is poor, and algorithms fitting random labels cannot be uniformly stable with vanishing β (Zhang et al. 2017).
Refs: Hardt, Recht, Singer (ICML 2016); Zhang et al. (ICLR 2017); Bousquet, Elisseeff (JMLR 2002).
-/
def StabilityExplainsDeepGeneralization {H : Type w} {Z : Type v} (A : Nat → List Z → H)
    (loss : H → Z → K) (β : Nat → K) : Prop :=
  (∀ m, UniformStability (A m) loss (β m)) ∧ ∀ ε : K, 0 < ε → ∃ M : Nat, ∀ m, M ≤ m → β m ≤ ε

end Conjectures

end AxiomDL.Generalization
