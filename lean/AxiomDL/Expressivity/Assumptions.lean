import AxiomDL.Expressivity.Interpolation
import AxiomDL.Expressivity.Regions
import AxiomDL.Foundations.Sums
import AxiomDL.Foundations.Models

/-!
# Expressivity: assumption bundles

The working hypotheses of finite-width expressivity, each with a witness inside its intended
regime (positive tolerances, nonempty intervals, non-constant targets):

* `UniversalApproxBudget`: universal approximation at a given width with an explicit error
  budget, for Lipschitz targets on an interval.
* `ArchitecturePreserves`: one architecture family represents everything another does, up to a
  width overhead (discharged for residual → deep and chain → residual ReLU networks with
  overhead 2).
* `FiniteWidthCloseness`: width-`n` networks are within `C / (n + 1)` of their infinite-width
  limit on `[-1, 1]`.
* `LotteryTicket`: a dense network contains a sparse subnetwork that, trained in isolation from
  its initial weights, is `ε`-close to the trained dense network.

Linear-region counting and depth efficiency are in `Regions.lean`; lazy training and the
kernel margin are in `Lazy.lean`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

/-- `s` is obtained from `n` by deleting units (a pruned subnetwork). -/
inductive IsSubnet {K : Type u} : List (Neuron K) → List (Neuron K) → Prop
  /-- The empty network is a subnetwork of itself. -/
  | nil : IsSubnet [] []
  /-- Keep the first unit. -/
  | keep (u : Neuron K) {s n : List (Neuron K)} : IsSubnet s n → IsSubnet (u :: s) (u :: n)
  /-- Prune the first unit. -/
  | drop (u : Neuron K) {s n : List (Neuron K)} : IsSubnet s n → IsSubnet s (u :: n)

/-- Every network is a subnetwork of itself. -/
theorem IsSubnet.refl {K : Type u} (net : List (Neuron K)) : IsSubnet net net := by
  induction net with
  | nil => exact IsSubnet.nil
  | cons u us ih => exact IsSubnet.keep u ih

/-- A subnetwork is no wider than the network. -/
theorem IsSubnet.length_le {K : Type u} {s n : List (Neuron K)} (h : IsSubnet s n) :
    s.length ≤ n.length := by
  induction h with
  | nil => exact Nat.le_refl 0
  | keep u hsub ih =>
    rw [List.length_cons, List.length_cons]
    omega
  | drop u hsub ih =>
    rw [List.length_cons]
    omega

section Assumptions

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- `f` is `lip`-Lipschitz on `[lo, hi]`. -/
def LipschitzOn (f : K → K) (lip lo hi : K) : Prop :=
  ∀ x y : K, lo ≤ x → x ≤ hi → lo ≤ y → y ≤ hi → y ≤ x →
    f x - f y ≤ lip * (x - y) ∧ f y - f x ≤ lip * (x - y)

/-- Assumption: universal approximation at width `n` with error budget `ε`: every
`lip`-Lipschitz target on the interval `[lo, hi]` is uniformly `ε`-approximated on `[lo, hi]`
by a one-hidden-layer ReLU network of width at most `n`; here `0 < lip`, `lo < hi` and `0 < ε`.
Area: expressivity
Status: established
Evidence: In 1-D, piecewise-linear interpolation on a grid of `n ≥ lip · (hi - lo) / ε + 1` points achieves it (`AxiomDL.Expressivity.interpolation` builds the interpolant); in higher dimension widths grow exponentially with dimension for Lipschitz targets.
Refs: Cybenko (1989); Hornik (1991); Leshno, Lin, Pinkus, Schocken (1993); Yarotsky (2017).
-/
structure UniversalApproxBudget (lip lo hi ε : K) (n : Nat) : Prop where
  /-- The Lipschitz constant is positive. -/
  lip_pos : 0 < lip
  /-- The interval is nonempty and not a point. -/
  lo_lt_hi : lo < hi
  /-- The error budget is positive. -/
  eps_pos : 0 < ε
  /-- Every Lipschitz target has an `ε`-approximant of width at most `n`. -/
  approx : ∀ f : K → K, LipschitzOn f lip lo hi →
    ∃ net : List (Neuron K), net.length ≤ n ∧
      ∀ x, lo ≤ x → x ≤ hi → shallowEval net x - f x ≤ ε ∧ f x - shallowEval net x ≤ ε

/-- Witness: every `1`-Lipschitz target on `[-1, 1]` is within `1` of its value at the midpoint
`0`, so width `1` (a constant unit) suffices with error budget `1`. -/
theorem universalApproxBudget_unit : UniversalApproxBudget (1 : K) (-1) 1 1 1 := by
  refine ⟨by grind, by grind, by grind, fun f hf => ⟨[constNeuron (f 0)], Nat.le_refl 1,
    fun x hlo hhi => ?_⟩⟩
  have he : shallowEval [constNeuron (f 0)] x = f 0 := by
    show (constNeuron (f 0)).eval x + 0 = f 0
    rw [constNeuron_eval]
    grind
  rw [he]
  by_cases hx : 0 ≤ x
  · obtain ⟨h1, h2⟩ := hf x 0 hlo hhi (by grind) (by grind) hx
    constructor
    · grind
    · grind
  · obtain ⟨h1, h2⟩ := hf 0 x (by grind) (by grind) hlo hhi (by grind)
    constructor
    · grind
    · grind

/-- Witness: `UniversalApproxBudget` over `Rat`. -/
example : UniversalApproxBudget (1 : Rat) (-1) 1 1 1 := universalApproxBudget_unit

/-- Assumption: architecture `B` preserves the expressivity of architecture `A` up to a width
overhead: whatever `A` represents at width `n`, `B` represents at width `overhead n`.
Area: expressivity
Status: plausible
Evidence: Holds exactly from residual (1-D residual stream) to deep ReLU networks and from chain networks to residual networks, with overhead 2 (`AxiomDL.Expressivity.architecturePreserves_res_plain`, `architecturePreserves_chain_res`); for normalisation layers, attention or weight sharing only partial results are known.
Refs: He et al. (CVPR 2016); Hardt, Ma (ICLR 2017); Lin, Jegelka (NeurIPS 2018).
-/
structure ArchitecturePreserves (A B : Nat → (K → K) → Prop) (overhead : Nat → Nat) : Prop where
  /-- The inclusion of function classes. -/
  preserves : ∀ n f, A n f → B (overhead n) f

/-- A width-`n` one-hidden-layer network is a residual block of width `n + 2` (branch `h - id`). -/
theorem resBlock_of_shallowRep {n : Nat} {h : K → K} (hh : ShallowRep n h) :
    ResBlock (n + 2) h := by
  have hneg : ShallowRep 2 (fun x : K => -1 * x) := shallowRep_smul (-1) shallowRep_identity
  have hg : ShallowRep (n + 2) (fun x => h x + -1 * x) := shallowRep_add hh hneg
  refine ⟨fun x => h x + -1 * x, hg, ?_⟩
  intro x
  show h x = x + (h x + -1 * x)
  grind

/-- Chain networks of width `n` are residual networks of width `n + 2`. -/
theorem resRep_of_chainRep {n L : Nat} {f : K → K} (h : ChainRep n L f) : ResRep (n + 2) L f :=
  depthRep_layer_mono (fun g (hb : ShallowRep n g) => resBlock_of_shallowRep hb) h

/-- Witness: residual networks are deep networks with overhead 2 (`ArchitecturePreserves`
holds for residual → deep, with hidden layers of width `2 + n`). -/
theorem architecturePreserves_res_plain (L : Nat) :
    ArchitecturePreserves (fun n (f : K → K) => ResRep n L f) (fun n f => DeepRep n L f)
      (fun n => 2 + n) :=
  ⟨fun _ _ h => deepRep_of_resRep h⟩

/-- Witness: chain networks are residual networks with overhead 2 (`ArchitecturePreserves`
holds for chain → residual). -/
theorem architecturePreserves_chain_res (L : Nat) :
    ArchitecturePreserves (fun n (f : K → K) => ChainRep n L f) (fun n f => ResRep n L f)
      (fun n => n + 2) :=
  ⟨fun _ _ h => resRep_of_chainRep h⟩

/-- Witness: `ArchitecturePreserves` over `Rat`, at depth 3. -/
example : ArchitecturePreserves (fun n (f : Rat → Rat) => ResRep n 3 f)
    (fun n f => DeepRep n 3 f) (fun n => 2 + n) :=
  architecturePreserves_res_plain 3

/-- Assumption: finite-width closeness: the width-`n` ReLU network `fam n` (exactly `n` hidden
units) is within `C / (n + 1)` of the infinite-width limit function `limit`, uniformly on the
inputs `x ∈ [-1, 1]` (stated multiplied out: `(n + 1) · |fam n x - limit x| ≤ C`).
Area: expressivity
Status: plausible
Evidence: Corrections to the infinite-width (NTK) training dynamics scale as `1/n` (Dyer, Gur-Ari 2020; Huang, Yau 2020), but function fluctuations at initialisation scale as `1/√n` (Neal 1996), and in the feature-learning regime the limit is a different (mean-field) object.
Refs: Neal (1996); Lee et al. (NeurIPS 2019); Dyer, Gur-Ari (ICLR 2020); Huang, Yau (ICML 2020); Yang, Hu (ICML 2021).
-/
structure FiniteWidthCloseness (fam : Nat → List (Neuron K)) (limit : K → K) (C : K) : Prop where
  /-- The network `fam n` has width `n`. -/
  width : ∀ n, (fam n).length = n
  /-- The `1/n` closeness bound on `[-1, 1]`. -/
  close : ∀ n x, -1 ≤ x → x ≤ 1 →
    AxiomDL.natToScalar (n + 1) * (shallowEval (fam n) x - limit x) ≤ C ∧
      AxiomDL.natToScalar (n + 1) * (limit x - shallowEval (fam n) x) ≤ C

/-- Under finite-width closeness, `fam n x - limit x ≤ C / (n + 1)` on `[-1, 1]`. -/
theorem FiniteWidthCloseness.sub_le_div {fam : Nat → List (Neuron K)} {limit : K → K} {C : K}
    (h : FiniteWidthCloseness fam limit C) (n : Nat) {x : K} (hlo : -1 ≤ x) (hhi : x ≤ 1) :
    shallowEval (fam n) x - limit x ≤ C / AxiomDL.natToScalar (n + 1) := by
  have hpos : (0 : K) < AxiomDL.natToScalar (n + 1) := AxiomDL.natToScalar_pos (Nat.succ_pos n)
  exact AxiomDL.le_div_of_mul_le hpos (h.close n x hlo hhi).1

/-- `k` copies of the unit `u`. -/
def copies (u : Neuron K) : Nat → List (Neuron K)
  | 0 => []
  | k + 1 => u :: copies u k

/-- `copies u k` has width `k`. -/
theorem length_copies (u : Neuron K) (k : Nat) : (copies u k).length = k := by
  induction k with
  | zero => rfl
  | succ j ih =>
    show (copies u j).length + 1 = j + 1
    rw [ih]

/-- `k` copies of a unit compute `k` times the unit. -/
theorem shallowEval_copies (u : Neuron K) (k : Nat) (x : K) :
    shallowEval (copies u k) x = AxiomDL.natToScalar k * u.eval x := by
  induction k with
  | zero =>
    show (0 : K) = 0 * u.eval x
    grind
  | succ j ih =>
    have hs : (AxiomDL.natToScalar (j + 1) : K) = AxiomDL.natToScalar j + 1 :=
      AxiomDL.natToScalar_succ j
    show u.eval x + shallowEval (copies u j) x = AxiomDL.natToScalar (j + 1) * u.eval x
    rw [ih, hs]
    grind

/-- The width-`n` network of `n` copies of `relu x / (n + 1)`; it computes
`n / (n + 1) · relu x`. -/
def reluFamily (n : Nat) : List (Neuron K) :=
  copies ⟨1 / AxiomDL.natToScalar (n + 1), 1, 0⟩ n

/-- The algebra of the `1 / (n + 1)` family: from `N c = 1` and `N = s + 1`,
`N (s (c r) - r) = -r` and `N (r - s (c r)) = r`. -/
theorem closeness_algebra {N s c : K} (r : K) (hc : N * c = 1) (hN : N = s + 1) :
    N * (s * (c * r) - r) = -r ∧ N * (r - s * (c * r)) = r := by
  have e1 : s * r * (N * c) = s * r := by
    rw [hc]
    grind
  have e2 : N * r = s * r + r := by
    rw [hN]
    grind
  constructor
  · grind
  · grind

/-- Witness: the family `reluFamily` (width `n`, computing `n / (n + 1) · relu x`) is within
`1 / (n + 1)` of the non-constant limit `relu` on `[-1, 1]`, with constant `C = 1`. -/
theorem finiteWidthCloseness_relu :
    FiniteWidthCloseness (reluFamily (K := K)) (fun x => relu x) 1 := by
  refine ⟨fun n => length_copies _ n, ?_⟩
  intro n x _ hx1
  have hN : (AxiomDL.natToScalar (n + 1) : K) = AxiomDL.natToScalar n + 1 :=
    AxiomDL.natToScalar_succ n
  have hpos : (0 : K) < AxiomDL.natToScalar (n + 1) := AxiomDL.natToScalar_pos (Nat.succ_pos n)
  have hc : AxiomDL.natToScalar (n + 1) * (1 / AxiomDL.natToScalar (n + 1)) = (1 : K) :=
    AxiomDL.mul_one_div_cancel (by grind)
  have he : shallowEval (reluFamily (K := K) n) x
      = AxiomDL.natToScalar n * (1 / AxiomDL.natToScalar (n + 1) * relu (1 * x + 0)) :=
    shallowEval_copies _ n x
  have h1x : (1 : K) * x + 0 = x := by grind
  rw [h1x] at he
  have hr0 : 0 ≤ relu x := relu_nonneg x
  have hr1 : relu x ≤ 1 := by
    by_cases hx0 : 0 ≤ x
    · have hrx : relu x = x := relu_of_nonneg hx0
      grind
    · have hrx : relu x = 0 := relu_of_not_nonneg hx0
      grind
  obtain ⟨a1, a2⟩ := closeness_algebra (relu x) hc hN
  show AxiomDL.natToScalar (n + 1) * (shallowEval (reluFamily n) x - relu x) ≤ 1 ∧
    AxiomDL.natToScalar (n + 1) * (relu x - shallowEval (reluFamily n) x) ≤ 1
  rw [he, a1, a2]
  constructor
  · grind
  · grind

/-- Witness: `FiniteWidthCloseness` over `Rat`. -/
example : FiniteWidthCloseness (reluFamily (K := Rat)) (fun x => relu x) 1 :=
  finiteWidthCloseness_relu

/-- Subtract `c · relu (w x₀ + b)` from the output weight of every unit. -/
noncomputable def updateOutputs (c x₀ : K) : List (Neuron K) → List (Neuron K)
  | [] => []
  | u :: us => ⟨u.a - c * relu (u.w * x₀ + u.b), u.w, u.b⟩ :: updateOutputs c x₀ us

/-- One gradient-descent step with step size `η` on the output weights, for the squared loss
`½ (f x₀ - y₀)²` at one data point: `a ← a - η (f x₀ - y₀) relu (w x₀ + b)`. -/
noncomputable def outputStep (η x₀ y₀ : K) (net : List (Neuron K)) : List (Neuron K) :=
  updateOutputs (η * (shallowEval net x₀ - y₀)) x₀ net

/-- `t` steps of `outputStep` from the network `net` (training the output layer). -/
noncomputable def trainOutputs (η x₀ y₀ : K) : Nat → List (Neuron K) → List (Neuron K)
  | 0, net => net
  | t + 1, net => outputStep η x₀ y₀ (trainOutputs η x₀ y₀ t net)

/-- Assumption: the lottery-ticket hypothesis (Frankle–Carbin) for the dense initial network
`net₀` and the training procedure `train` (`train t net` is `net` after `t` training steps):
`net₀` contains a pruned subnetwork of at most `k < |net₀|` units which, trained in isolation
from its own initial weights for at most `T` steps, is uniformly `ε`-close (`0 < ε`) on
`[lo, hi]` (`lo < hi`) to the dense network trained for `T` steps. Variant: units (neurons) are
pruned, not individual weights, and "matching test accuracy" is stated as closeness of the
trained functions; with `train t net = net` it is plain static prunability.
Area: expressivity
Status: contested
Evidence: Sparse trainable subnetworks are found by iterative magnitude pruning in small networks (Frankle, Carbin 2019), but at scale only with weight rewinding (Frankle et al. 2020), and pruning-at-initialisation methods match random pruning baselines (Frankle et al. 2021).
Refs: Frankle, Carbin (ICLR 2019); Frankle, Dziugaite, Roy, Carbin (ICML 2020); Frankle et al., "Pruning neural networks at initialization: why are we missing the mark?" (ICLR 2021).
-/
structure LotteryTicket (train : Nat → List (Neuron K) → List (Neuron K))
    (net₀ : List (Neuron K)) (T k : Nat) (lo hi ε : K) : Prop where
  /-- The tolerance is positive. -/
  eps_pos : 0 < ε
  /-- The interval is nonempty and not a point. -/
  lo_lt_hi : lo < hi
  /-- The ticket is a genuine pruning: fewer units than the dense network. -/
  sparse : k < net₀.length
  /-- A sparse subnetwork, trained in isolation for at most `T` steps, matches the dense network
  trained for `T` steps. -/
  ticket : ∃ sub : List (Neuron K), IsSubnet sub net₀ ∧ sub.length ≤ k ∧
    ∃ t, t ≤ T ∧ ∀ x, lo ≤ x → x ≤ hi →
      shallowEval (train t sub) x - shallowEval (train T net₀) x ≤ ε ∧
        shallowEval (train T net₀) x - shallowEval (train t sub) x ≤ ε

/-- Witness: with one step of output-layer gradient descent at the data point `(1, 0)`, the
dense network `relu x + relu (-x)` has the winning ticket `relu x` (width 1 of 2): the pruned
unit is inactive at the data point and on `[0, 1]`, so both networks train to the same function
there. -/
theorem lotteryTicket_witness :
    LotteryTicket (trainOutputs (1 : K) 1 0) [⟨1, 1, 0⟩, ⟨1, -1, 0⟩] 1 1 0 1 1 := by
  have hsub : IsSubnet ([⟨1, 1, 0⟩] : List (Neuron K)) [⟨1, 1, 0⟩, ⟨1, -1, 0⟩] :=
    IsSubnet.keep _ (IsSubnet.drop _ IsSubnet.nil)
  have hdead : relu ((-1 : K) * 1 + 0) = 0 := relu_of_nonpos (by grind)
  have hsame : shallowEval ([⟨1, 1, 0⟩, ⟨1, -1, 0⟩] : List (Neuron K)) 1
      = shallowEval ([⟨1, 1, 0⟩] : List (Neuron K)) 1 := by
    show (1 : K) * relu (1 * 1 + 0) + ((1 : K) * relu (-1 * 1 + 0) + 0)
      = (1 : K) * relu (1 * 1 + 0) + 0
    rw [hdead]
    grind
  refine ⟨by grind, by grind, by show 1 < 0 + 1 + 1; omega, [⟨1, 1, 0⟩], hsub, Nat.le_refl 1,
    1, Nat.le_refl 1, ?_⟩
  intro x hx0 _
  have hx : relu ((-1 : K) * x + 0) = 0 := relu_of_nonpos (by grind)
  have ed : shallowEval (trainOutputs (1 : K) 1 0 1 [⟨1, 1, 0⟩, ⟨1, -1, 0⟩]) x
      = (1 - 1 * (shallowEval ([⟨1, 1, 0⟩, ⟨1, -1, 0⟩] : List (Neuron K)) 1 - 0)
            * relu (1 * 1 + 0)) * relu (1 * x + 0)
        + ((1 - 1 * (shallowEval ([⟨1, 1, 0⟩, ⟨1, -1, 0⟩] : List (Neuron K)) 1 - 0)
            * relu (-1 * 1 + 0)) * relu (-1 * x + 0) + 0) :=
    rfl
  have es : shallowEval (trainOutputs (1 : K) 1 0 1 [⟨1, 1, 0⟩]) x
      = (1 - 1 * (shallowEval ([⟨1, 1, 0⟩] : List (Neuron K)) 1 - 0) * relu (1 * 1 + 0))
          * relu (1 * x + 0) + 0 :=
    rfl
  rw [hsame, hx] at ed
  rw [ed, es]
  constructor
  · grind
  · grind

end Assumptions

/-- Witness: `LotteryTicket` over `Rat`. -/
example : LotteryTicket (trainOutputs (1 : Rat) 1 0) [⟨1, 1, 0⟩, ⟨1, -1, 0⟩] 1 1 0 1 1 :=
  lotteryTicket_witness

end AxiomDL.Expressivity
