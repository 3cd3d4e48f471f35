import AxiomDL.Generalization.Bias
import AxiomDL.Generalization.Stability
import AxiomDL.Expressivity.Assumptions

/-!
# Generalisation: open problems

Open problems are `Prop`-valued definitions with a `Conjecture:` docstring; nothing in the
library assumes them. Each is stated about the objects it names: two-layer ReLU networks on
`V` (`twoLayerEval`), matrix sensing with a factorised PSD matrix trained by gradient descent
from a small scaled identity (`factorGD`), rescaling-invariant sharpness of ReLU networks, and
uniform stability at sample size `m`.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL.Generalization

section Conjectures

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- A two-layer ReLU network on the inner-product space `V`: hidden units `(a, w, b)`
computing `x ↦ a * relu (⟪w, x⟫ + b)`, summed. -/
noncomputable def twoLayerEval {V : Type v} (E : AxiomDL.InnerProductSpace K V)
    (net : List (K × V × K)) (x : V) : K :=
  AxiomDL.sumOver net (fun u => u.1 * Expressivity.relu (E.inner u.2.1 x + u.2.2))

/-- Conjecture: benign overfitting for two-layer ReLU networks: if, at every sample size `n`,
the two-layer ReLU network `net n` of width `width n ≥ 1` interpolates the `n` training
examples `data n`, whose labels are noisy (mean squared deviation from the regression function
`fstar` at least `σ² > 0`), then its excess risk `E_D[(net n - fstar)²]` under the input
distribution `D` tends to zero. `net n` stands for the network that gradient descent trains on
`data n`; training is not modelled, so for an arbitrary sequence of interpolating networks the
implication is false, and the conjecture is that it holds for the trained networks in the
high-dimensional regime.
Area: generalization
Status: plausible
Evidence: Proved for two-layer networks with smoothed leaky-ReLU or ReLU activations on high-dimensional, nearly orthogonal data (Frei et al. 2022; Kou et al. 2023); open for low-dimensional data, where ReLU interpolation is known to be non-benign in some regimes (Kornowski et al. 2023).
Refs: Frei, Chatterji, Bartlett (COLT 2022); Kou, Chen, Chen, Gu (ICML 2023); Kornowski, Yehudai, Shamir (NeurIPS 2023).
-/
def BenignOverfittingTwoLayerReLU {V : Type v} (E : AxiomDL.InnerProductSpace K V)
    (D : Expectation K V) (fstar : V → K) (data : Nat → List (V × K))
    (net : Nat → List (K × V × K)) (width : Nat → Nat) (σ2 : K) : Prop :=
  0 < σ2 → (∀ n, 0 < width n ∧ (net n).length = width n) → (∀ n, (data n).length = n) →
    (∀ n, ∀ p ∈ data n, twoLayerEval E (net n) p.1 = p.2) →
    (∀ n, 0 < n → σ2 ≤ empRisk sqErr fstar (data n)) →
    ∀ ε : K, 0 < ε → ∃ N : Nat, ∀ n, N ≤ n →
      D.E (fun x => (twoLayerEval E (net n) x - fstar x) * (twoLayerEval E (net n) x - fstar x))
        ≤ ε

/-- Conjecture: a reparameterisation-invariant flatness measure predicts generalisation: the
given sharpness measure `sharp` on 1-D ReLU networks (a landscape quantity such as adaptive or
normalised sharpness) is not constant, is invariant under rescaling
(`AxiomDL.Expressivity.rescaleNet`), and flat minima of the training loss `L` generalise for
it with constant `C > 0`. The measure is a parameter on purpose: "there is an invariant measure
with `gap ≤ C * sharp`" would be trivially true, since for `C > 0` the measure `sharp := gap / C`
is invariant whenever the gap depends only on the network function, and so is every constant
measure with a bounded gap; the non-constancy clause excludes the latter, and the conjecture is
meaningful only for a measure defined from the loss landscape.
Area: generalization
Status: contested
Evidence: Rescaling-invariant variants (normalised, adaptive, or quotient-space sharpness) remove the Dinh et al. counterexample (Tsuzuku et al. 2020; Kwon et al. 2021), but large-scale studies find their correlation with generalisation weak or inconsistent (Andriushchenko et al. 2023).
Refs: Dinh et al. (ICML 2017); Tsuzuku, Sato, Sugiyama (ICML 2020); Kwon et al. (ICML 2021); Andriushchenko et al. (ICML 2023).
Probe: rescaling-sharpness
-/
def InvariantFlatnessPredicts (L sharp gap : List (Expressivity.Neuron K) → K) (C : K) : Prop :=
  (∃ net net' : List (Expressivity.Neuron K), sharp net ≠ sharp net') ∧
    (∀ (c : K) (net : List (Expressivity.Neuron K)), 0 < c →
      sharp (Expressivity.rescaleNet c net) = sharp net) ∧
    FlatMinimaGeneralize L sharp gap C

/-- The Gram matrix `U Uᵀ` of a factor `U` with `d` columns. Matrices are functions
`Nat → Nat → K`, of which only the entries with indices below `d` are used. -/
def gramMat (d : Nat) (U : Nat → Nat → K) : Nat → Nat → K :=
  fun i j => AxiomDL.sumRange (fun k => U i k * U j k) d

/-- The Frobenius inner product `⟪A, X⟫ = ∑_{i, j < d} A i j * X i j` of `d × d` matrices. -/
def frobInner (d : Nat) (A X : Nat → Nat → K) : K :=
  AxiomDL.sumRange (fun i => AxiomDL.sumRange (fun j => A i j * X i j) d) d

/-- The trace `∑_{i < d} X i i`; for a positive semidefinite matrix such as `U Uᵀ` it is the
nuclear norm. -/
def traceMat (d : Nat) (X : Nat → Nat → K) : K :=
  AxiomDL.sumRange (fun i => X i i) d

/-- The matrix-sensing residual `⟪A, U Uᵀ⟫ - y` at the measurement `(A, y)`. -/
def sensingResidual (d : Nat) (U : Nat → Nat → K) (p : (Nat → Nat → K) × K) : K :=
  frobInner d p.1 (gramMat d U) - p.2

/-- The gradient in `U` of the matrix-sensing loss `½ ∑ (⟪A, U Uᵀ⟫ - y)²`:
`∑ (⟪A, U Uᵀ⟫ - y) (A + Aᵀ) U`. -/
def sensingGrad (d : Nat) (meas : List ((Nat → Nat → K) × K)) (U : Nat → Nat → K) :
    Nat → Nat → K :=
  fun i j => AxiomDL.sumOver meas (fun p =>
    sensingResidual d U p * AxiomDL.sumRange (fun k => (p.1 i k + p.1 k i) * U k j) d)

/-- Gradient descent on the factor `U` of the matrix-sensing loss, from the scaled identity
`α I`, with step `η`. -/
def factorGD (d : Nat) (meas : List ((Nat → Nat → K) × K)) (η α : K) : Nat → Nat → Nat → K
  | 0 => fun i j => if i = j then α else 0
  | t + 1 => fun i j =>
    factorGD d meas η α t i j - η * sensingGrad d meas (factorGD d meas η α t) i j

/-- Conjecture: the implicit bias of gradient descent on factorised matrix sensing is the
minimum nuclear norm. For `d × d` PSD matrices `U Uᵀ` and nonempty measurements `meas` that
some PSD matrix `W Wᵀ` fits exactly: for every `ε > 0`, with small enough step `η` and initial
scale `α` (gradient descent from `α I`), the iterates eventually fit every measurement up to
`ε` and have trace (the nuclear norm of a PSD matrix) within `ε` of the least trace of a PSD
interpolant. This is the unconditional form; Gunasekar et al. state it conditionally on the
limit of gradient flow being an interpolant.
Area: generalization
Status: refuted-in-regime
Evidence: Conjectured from experiments and proved for commuting measurements (Gunasekar et al. 2017); counterexamples where all nuclear-norm minimisers are avoided and GD drives the rank down instead (Razin, Cohen 2020); the bias is closer to low rank (Arora et al. 2019).
Refs: Gunasekar, Woodworth, Bhojanapalli, Neyshabur, Srebro (NeurIPS 2017); Arora, Cohen, Hu, Luo (NeurIPS 2019); Razin, Cohen (NeurIPS 2020).
Probe: min-norm
-/
def NuclearNormImplicitBias (d : Nat) (meas : List ((Nat → Nat → K) × K)) : Prop :=
  0 < d → meas ≠ [] → (∃ W : Nat → Nat → K, ∀ p ∈ meas, sensingResidual d W p = 0) →
    ∀ ε : K, 0 < ε → ∃ δ₀ : K, 0 < δ₀ ∧ ∀ η α : K, 0 < η → η < δ₀ → 0 < α → α < δ₀ →
      ∃ T : Nat, ∀ t, T ≤ t →
        (∀ p ∈ meas, sensingResidual d (factorGD d meas η α t) p
            * sensingResidual d (factorGD d meas η α t) p ≤ ε) ∧
          ∀ W : Nat → Nat → K, (∀ p ∈ meas, sensingResidual d W p = 0) →
            traceMat d (gramMat d (factorGD d meas η α t)) ≤ traceMat d (gramMat d W) + ε

/-- Conjecture: stability explains the generalisation of trained deep networks: a training
algorithm `A m` (at sample size `m`) that fits every training set of size `m` exactly, as
SGD-trained deep networks do, is uniformly `β m`-stable on samples of size `m` for every
`m ≥ 1`, with `β m → 0`, in the non-convex regime of deep learning. `A` stands for the trained
network's algorithm; the network itself is not modelled.
Area: generalization
Status: contested
Evidence: Proved for SGD on smooth convex losses and for few epochs in the non-convex case (Hardt, Recht, Singer 2016); measured stability of deep networks trained to interpolation is poor, and algorithms fitting random labels cannot be uniformly stable with vanishing β (Zhang et al. 2017).
Refs: Hardt, Recht, Singer (ICML 2016); Zhang et al. (ICLR 2017); Bousquet, Elisseeff (JMLR 2002).
-/
def StabilityExplainsDeepGeneralization {H : Type w} {Z : Type v} (A : Nat → List Z → H)
    (loss : H → Z → K) (β : Nat → K) : Prop :=
  (∀ m (S : List Z), S.length = m → ∀ z ∈ S, loss (A m S) z = 0) →
    (∀ m, 0 < m → UniformStability m (A m) loss (β m)) ∧
      ∀ ε : K, 0 < ε → ∃ M : Nat, ∀ m, M ≤ m → β m ≤ ε

end Conjectures

end AxiomDL.Generalization
