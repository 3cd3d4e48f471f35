import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.EdgeOfStability
import AxiomDL.Landscape.Noise

/-!
# Open problems in loss-landscape geometry and optimisation

Each open problem is a `Prop` definition with a `Conjecture:` docstring, never an unproved
theorem. They are parametrised by the setting (space, loss, gradient oracle, …); the conjecture
is that they hold for the losses of trained deep networks in the stated regime, not for every
loss.
-/

set_option autoImplicit false

universe u v w

namespace AxiomDL

section Conjectures

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- `x_t → xlim`: the squared distance of the iterates to `xlim` eventually stays below every
positive tolerance. -/
def ConvergesTo (E : InnerProductSpace K V) (x : Nat → V) (xlim : V) : Prop :=
  ∀ ε : K, 0 < ε → ∃ T : Nat, ∀ t : Nat, T ≤ t → E.normSq (E.sub (x t) xlim) ≤ ε

/-- Conjecture: SGD is biased towards flat minima, in the linear-stability form of Wu, Ma and E
(2018): a local minimiser whose sharpness exceeds `2/η` is not stable for SGD with step `η > 0`.
Here `sharp` is the sharpness of `f` (`IsSharpness`, which also ties the gradient oracle `g` to
`f`) and the sampled gradients `sg` are within `σsq` of `g` (`BoundedGradientNoise`). The claim:
arbitrarily close to such a minimiser `xlim` there is a start `x0` and a sample sequence `ξ`
whose SGD iterates do not converge to `xlim`. Contrapositively, the minima that SGD converges to
from every nearby start have sharpness at most `2/η`.
Area: landscape
Status: plausible
Evidence: Small-batch SGD finds flatter minima than large-batch training (Keskar et al. 2017) and linear-stability analysis predicts sharpness ≤ 2/η (Wu, Ma, E 2018; for GD this is the classical instability of a fixed point whose linearisation expands); Dinh et al. (2017) show sharpness is not reparameterisation-invariant, so its link to generalisation is disputed (not claimed here).
Refs: Keskar, Mudigere, Nocedal, Smelyanskiy, Tang, "On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima" (ICLR 2017); Wu, Ma, E, "How SGD Selects the Global Minima in Over-parameterized Learning" (NeurIPS 2018); Dinh, Pascanu, Bengio, Bengio, "Sharp Minima Can Generalize For Deep Nets" (ICML 2017).
-/
def SGDFlatMinimaBias {ι : Type w} (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    (sg : ι → V → V) (sharp : V → K) (η σsq : K) : Prop :=
  IsSharpness E f g sharp → BoundedGradientNoise E g sg σsq → 0 < η →
    ∀ xlim : V, IsLocalMin E f xlim → 2 / η < sharp xlim →
      ∀ r : K, 0 < r → ∃ (x0 : V) (ξ : Nat → ι),
        E.normSq (E.sub x0 xlim) ≤ r ∧ ¬ ConvergesTo E (sgdIter E sg η ξ x0) xlim

/-- Conjecture: gradient descent converges at the edge of stability. Whenever the
edge-of-stability hypothesis holds for GD from `x0` with step `η`, and `fstar` is the infimum of
the loss (a lower bound that is approached arbitrarily closely), the loss values converge to
`fstar`: eventually `fstar ≤ f(x_t) ≤ fstar + δ` for every `δ > 0`. This is the regime where the
descent lemma does not apply: any smoothness constant `L` bounds the sharpness
(`sharp_le_of_smooth`), so `L ≥ 2/η - ε`, and for `ε ≤ 1/η` the step is not below `1/L`.
Area: landscape
Status: contested
Evidence: Training loss keeps decreasing at the edge of stability in the experiments of Cohen et al. (2021); proofs exist only for special models (Arora, Li, Panigrahi 2022; Damian, Nichani, Lee 2023), and convergence to the global minimum is not established.
Refs: Cohen, Kaur, Li, Kolter, Talwalkar (ICLR 2021); Arora, Li, Panigrahi, "Understanding Gradient Descent on Edge of Stability in Deep Learning" (ICML 2022); Damian, Nichani, Lee, "Self-Stabilization" (ICLR 2023).
-/
def EdgeOfStabilityConvergence (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    (sharp : V → K) (η ε fstar : K) (x0 : V) : Prop :=
  EdgeOfStability E f g sharp η ε x0 → BoundedBelow f fstar →
    (∀ δ : K, 0 < δ → ∃ y : V, f y ≤ fstar + δ) →
      ∀ δ : K, 0 < δ → ∃ T : Nat, ∀ t : Nat, T ≤ t → f (gdIter E g η x0 t) ≤ fstar + δ

/-- Conjecture: for sufficiently over-parameterised networks every local minimum of the training
loss is global (no spurious local minima, although saddles may remain).
Area: landscape
Status: contested
Evidence: Proved for deep linear networks and for very wide or quadratic-activation networks; fails for small two-layer ReLU networks (Safran–Shamir 2018), and the width needed in general is unknown.
Refs: Kawaguchi (NeurIPS 2016); Nguyen, Hein, "The Loss Surface of Deep and Wide Neural Networks" (ICML 2017); Safran, Shamir (ICML 2018); Soltanolkotabi, Javanmard, Lee (IEEE Trans. IT 2019).
-/
def LocalMinimaAreGlobal (E : InnerProductSpace K V) (f : V → K) : Prop :=
  ∀ x : V, IsLocalMin E f x → IsGlobalMin f x

/-- Conjecture: mode connectivity, in ε-chain form. Any two global minimisers are joined by a
finite chain of parameters with steps of squared length at most `ε` along which the loss stays
within `ε` of the optimum, for every `ε > 0` (the discrete form of "minima form a connected
low-loss set"; weaker than a continuous low-loss path, which the library cannot state without
topology).
Area: landscape
Status: plausible
Evidence: Low-loss paths between independently trained networks are found empirically (Garipov et al. 2018; Draxler et al. 2018); proved for dropout-stable or very wide networks (Kuditipudi et al. 2019); linear connectivity needs permutation alignment (Entezari et al. 2022).
Refs: Garipov, Izmailov, Podoprikhin, Vetrov, Wilson (NeurIPS 2018); Draxler, Veschgini, Salmhofer, Hamprecht (ICML 2018); Kuditipudi et al. (NeurIPS 2019); Entezari, Sedghi, Saukh, Neyshabur (ICLR 2022).
-/
def ModeConnectivity (E : InnerProductSpace K V) (f : V → K) (fstar : K) : Prop :=
  ∀ a b : V, f a = fstar → f b = fstar → ∀ ε : K, 0 < ε →
    ∃ (n : Nat) (p : Nat → V), p 0 = a ∧ p n = b ∧
      (∀ k : Nat, k < n → E.normSq (E.sub (p (k + 1)) (p k)) ≤ ε) ∧
      (∀ k : Nat, k ≤ n → f (p k) ≤ fstar + ε)

/-- Conjecture: the PL* condition persists along the whole GD trajectory of practical-width
networks: started at `x0` with step `η`, every iterate satisfies μ-PL* for some `μ > 0`
independent of the iterate (not only in the NTK ball around initialisation).
Area: landscape
Status: contested
Evidence: Liu–Zhu–Belkin (2022) prove PL* in a ball whose radius grows with width; feature learning moves practical networks out of that ball, and measured PL constants along trajectories vary widely.
Refs: Liu, Zhu, Belkin (ACHA 2022); Chizat, Oyallon, Bach, "On Lazy Training in Differentiable Programming" (NeurIPS 2019).
Probe: pl-trajectory
-/
def PLStarAlongTrajectory (E : InnerProductSpace K V) (f : V → K) (g : V → V) (η : K) (x0 : V) :
    Prop :=
  ∃ μ : K, 0 < μ ∧ PLStarOn E f g μ (fun x => ∃ t : Nat, gdIter E g η x0 t = x)

end Conjectures

end AxiomDL
