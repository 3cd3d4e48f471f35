import AxiomDL.Expressivity.Deep
import AxiomDL.Expressivity.Interpolation
import AxiomDL.Expressivity.LinearPieces
import AxiomDL.Foundations.Sums

/-!
# Expressivity: assumption bundles

The working hypotheses of finite-width expressivity, each with a witness:

* `UniversalApproxBudget`: universal approximation at a given width with an explicit error
  budget, for Lipschitz targets on an interval.
* `ArchitecturePreserves`: one architecture family represents everything another does, up to a
  width overhead (discharged for residual ↔ plain ReLU networks with overhead 2).
* `FiniteWidthCloseness`: width-`n` networks are within `C / (n + 1)` of their infinite-width
  limit.
* `LotteryTicket`: a dense network contains a sparse subnetwork that is `ε`-close to it.
* `LinearRegionsBound`: the linear-piece count of a network is bounded by `pieceBound`.
* `DepthEfficiency`: depth-`L` width-2 networks reach `2 ^ L` linear pieces (sawtooth).

Lazy training and the kernel margin are in `Lazy.lean`.
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
`lip`-Lipschitz target on `[lo, hi]` is uniformly `ε`-approximated on `[lo, hi]` by a
one-hidden-layer ReLU network of width at most `n`.
Area: expressivity
Status: established
Evidence: In 1-D, piecewise-linear interpolation on a grid of `n ≥ lip · (hi - lo) / ε + 1` points achieves it (`AxiomDL.Expressivity.interpolation` builds the interpolant); in higher dimension widths grow exponentially with dimension for Lipschitz targets.
Refs: Cybenko (1989); Hornik (1991); Leshno, Lin, Pinkus, Schocken (1993); Yarotsky (2017).
-/
structure UniversalApproxBudget (lip lo hi ε : K) (n : Nat) : Prop where
  /-- Every Lipschitz target has an `ε`-approximant of width at most `n`. -/
  approx : ∀ f : K → K, LipschitzOn f lip lo hi →
    ∃ net : List (Neuron K), net.length ≤ n ∧
      ∀ x, lo ≤ x → x ≤ hi → shallowEval net x - f x ≤ ε ∧ f x - shallowEval net x ≤ ε

/-- Witness: for `0`-Lipschitz (constant) targets, width 1 suffices with error budget `0`. -/
theorem universalApproxBudget_const (lo hi : K) : UniversalApproxBudget 0 lo hi (0 : K) 1 := by
  refine ⟨fun f hf => ⟨[constNeuron (f lo)], Nat.le_refl 1, fun x hlo hhi => ?_⟩⟩
  have hlohi : lo ≤ hi := by grind
  obtain ⟨h1, h2⟩ := hf x lo hlo hhi (by grind) hlohi hlo
  have he : shallowEval [constNeuron (f lo)] x = f lo := by
    show (constNeuron (f lo)).eval x + 0 = f lo
    rw [constNeuron_eval]
    grind
  rw [he]
  constructor
  · grind
  · grind

/-- Witness: `UniversalApproxBudget` over `Rat`. -/
example := universalApproxBudget_const (K := Rat) 0 1

/-- Assumption: architecture `B` preserves the expressivity of architecture `A` up to a width
overhead: whatever `A` represents at width `n`, `B` represents at width `overhead n`.
Area: expressivity
Status: plausible
Evidence: Holds exactly between residual and plain 1-D ReLU networks with overhead 2 in both directions (`AxiomDL.Expressivity.architecturePreserves_res_plain`, `architecturePreserves_plain_res`); for normalisation layers, attention or weight sharing only partial results are known.
Refs: He et al. (CVPR 2016); Hardt, Ma (ICLR 2017); Lin, Jegelka (NeurIPS 2018).
-/
structure ArchitecturePreserves (A B : Nat → (K → K) → Prop) (overhead : Nat → Nat) : Prop where
  /-- The inclusion of function classes. -/
  preserves : ∀ n f, A n f → B (overhead n) f

/-- A width-`n` plain layer is a residual block of width `n + 2` (branch `h - id`). -/
theorem resBlock_of_shallowRep {n : Nat} {h : K → K} (hh : ShallowRep n h) :
    ResBlock (n + 2) h := by
  have hneg : ShallowRep 2 (fun x : K => -1 * x) := shallowRep_smul (-1) shallowRep_identity
  have hg : ShallowRep (n + 2) (fun x => h x + -1 * x) := shallowRep_add hh hneg
  refine ⟨fun x => h x + -1 * x, hg, ?_⟩
  intro x
  show h x = x + (h x + -1 * x)
  grind

/-- Plain ReLU networks of width `n` are residual networks of width `n + 2`. -/
theorem resRep_of_deepRep {n L : Nat} {f : K → K} (h : DeepRep n L f) : ResRep (n + 2) L f :=
  depthRep_layer_mono (fun g (hb : ShallowRep n g) => resBlock_of_shallowRep hb) h

/-- Witness: residual networks are plain networks with overhead 2 (`ArchitecturePreserves`
holds for residual → plain). -/
theorem architecturePreserves_res_plain (L : Nat) :
    ArchitecturePreserves (fun n (f : K → K) => ResRep n L f) (fun n f => DeepRep n L f)
      (fun n => 2 + n) :=
  ⟨fun _ _ h => deepRep_of_resRep h⟩

/-- Witness: plain networks are residual networks with overhead 2 (`ArchitecturePreserves`
holds for plain → residual). -/
theorem architecturePreserves_plain_res (L : Nat) :
    ArchitecturePreserves (fun n (f : K → K) => DeepRep n L f) (fun n f => ResRep n L f)
      (fun n => n + 2) :=
  ⟨fun _ _ h => resRep_of_deepRep h⟩

/-- Witness: `ArchitecturePreserves` over `Rat`. -/
example := architecturePreserves_res_plain (K := Rat) 3

/-- Assumption: finite-width closeness: the width-`n` network function `fam n` is within
`C / (n + 1)` of its infinite-width limit `limit`, uniformly in the input (stated multiplied
out: `(n + 1) · |fam n x - limit x| ≤ C`).
Area: expressivity
Status: plausible
Evidence: Corrections to the infinite-width (NTK) training dynamics scale as `1/n` (Dyer, Gur-Ari 2020; Huang, Yau 2020), but function fluctuations at initialisation scale as `1/√n` (Neal 1996), and in the feature-learning regime the limit is a different (mean-field) object.
Refs: Neal (1996); Lee et al. (NeurIPS 2019); Dyer, Gur-Ari (ICLR 2020); Huang, Yau (ICML 2020); Yang, Hu (ICML 2021).
-/
structure FiniteWidthCloseness (fam : Nat → K → K) (limit : K → K) (C : K) : Prop where
  /-- The `1/n` closeness bound. -/
  close : ∀ n x, AxiomDL.natToScalar (n + 1) * (fam n x - limit x) ≤ C ∧
    AxiomDL.natToScalar (n + 1) * (limit x - fam n x) ≤ C

/-- Under finite-width closeness, `fam n x - limit x ≤ C / (n + 1)`. -/
theorem FiniteWidthCloseness.sub_le_div {fam : Nat → K → K} {limit : K → K} {C : K}
    (h : FiniteWidthCloseness fam limit C) (n : Nat) (x : K) :
    fam n x - limit x ≤ C / AxiomDL.natToScalar (n + 1) := by
  have hpos : (0 : K) < AxiomDL.natToScalar (n + 1) := AxiomDL.natToScalar_pos (Nat.succ_pos n)
  exact AxiomDL.le_div_of_mul_le hpos (h.close n x).1

/-- Witness: a width-independent family is `0`-close to its own limit. -/
theorem finiteWidthCloseness_const (g : K → K) : FiniteWidthCloseness (fun _ => g) g 0 := by
  refine ⟨fun n x => ?_⟩
  show AxiomDL.natToScalar (n + 1) * (g x - g x) ≤ 0 ∧
    AxiomDL.natToScalar (n + 1) * (g x - g x) ≤ 0
  constructor
  · grind
  · grind

/-- Witness: `FiniteWidthCloseness` over `Rat`. -/
example := finiteWidthCloseness_const (K := Rat) (fun x => x)

/-- Assumption: the lottery-ticket hypothesis for a given dense network: it contains a pruned
subnetwork of at most `k` units that is uniformly `ε`-close to it on `[lo, hi]`.
Area: expressivity
Status: contested
Evidence: Sparse trainable subnetworks are found by iterative magnitude pruning in small networks (Frankle, Carbin 2019), but at scale only with weight rewinding (Frankle et al. 2020), and pruning-at-initialisation methods match random pruning baselines (Frankle et al. 2021).
Refs: Frankle, Carbin (ICLR 2019); Frankle, Dziugaite, Roy, Carbin (ICML 2020); Frankle et al., "Pruning neural networks at initialization: why are we missing the mark?" (ICLR 2021).
-/
structure LotteryTicket (net : List (Neuron K)) (k : Nat) (lo hi ε : K) : Prop where
  /-- A sparse, close subnetwork exists. -/
  ticket : ∃ sub : List (Neuron K), IsSubnet sub net ∧ sub.length ≤ k ∧
    ∀ x, lo ≤ x → x ≤ hi → shallowEval sub x - shallowEval net x ≤ ε ∧
      shallowEval net x - shallowEval sub x ≤ ε

/-- Witness: every network is its own (unpruned) ticket, with error `0`. -/
theorem lotteryTicket_self (net : List (Neuron K)) (lo hi : K) :
    LotteryTicket net net.length lo hi 0 := by
  refine ⟨⟨net, IsSubnet.refl net, Nat.le_refl _, fun x _ _ => ?_⟩⟩
  constructor
  · grind
  · grind

/-- Witness: `LotteryTicket` over `Rat`. -/
example := lotteryTicket_self (K := Rat) [⟨1, 1, 0⟩] 0 1

/-- Assumption: linear-region counting: the number of linear pieces `pieces f` of a function
represented by a 1-D ReLU network is at most the product bound `pieceBound` of its widths.
Area: expressivity
Status: established
Evidence: A theorem for 1-D piecewise-linear networks (Montúfar et al. 2014; Telgarsky 2016; Serra et al. 2018 for sharper bounds); the bound is rarely attained, since typical networks have piece counts linear in the number of neurons (Hanin, Rolnick 2019).
Refs: Montúfar, Pascanu, Cho, Bengio (NeurIPS 2014); Telgarsky (COLT 2016); Serra, Tjandraatmadja, Ramalingam (ICML 2018); Hanin, Rolnick (ICML 2019).
Probe: linear-regions
-/
structure LinearRegionsBound (pieces : (K → K) → Nat) : Prop where
  /-- One hidden layer of width `n`: at most `n + 1` pieces. -/
  shallow : ∀ n f, ShallowRep n f → pieces f ≤ pieceBound [n]
  /-- Depth `L` at width `n`: at most `(n + 1) ^ L` pieces. -/
  deep : ∀ n L f, DeepRep n L f → pieces f ≤ pieceBound (List.replicate L n)

/-- Witness: the trivial piece count `0` satisfies `LinearRegionsBound`. -/
theorem linearRegionsBound_zero : LinearRegionsBound (fun _ : K → K => 0) :=
  ⟨fun _ _ _ => Nat.zero_le _, fun _ _ _ _ => Nat.zero_le _⟩

/-- Witness: `LinearRegionsBound` over `Rat`. -/
example := linearRegionsBound_zero (K := Rat)

/-- Assumption: depth efficiency at depth `L`: some depth-`L`, width-2 ReLU network has at least
`2 ^ L` linear pieces (the sawtooth obtained by composing the tent map).
Area: expressivity
Status: established
Evidence: The `L`-fold composition of the tent map `2 relu x - 4 relu (x - 1/2)` has `2 ^ L` pieces on `[0, 1]` (Telgarsky 2016); whether such functions matter for natural data is open.
Refs: Telgarsky, "Benefits of depth in neural networks" (COLT 2016); Eldan, Shamir (COLT 2016); Safran, Shamir (ICML 2017).
-/
structure DepthEfficiency (pieces : (K → K) → Nat) (L : Nat) : Prop where
  /-- A deep narrow network with exponentially many pieces exists. -/
  sawtooth : ∃ f : K → K, DeepRep 2 L f ∧ 2 ^ L ≤ pieces f

/-- Witness: depth efficiency at depth `0` for the piece count `1` (the identity). -/
theorem depthEfficiency_zero : DepthEfficiency (fun _ : K → K => 1) 0 :=
  ⟨⟨fun x => x, ⟨[], rfl, fun g hg => nomatch hg, fun x => rfl⟩, Nat.le_refl 1⟩⟩

/-- Witness: `DepthEfficiency` over `Rat`. -/
example := depthEfficiency_zero (K := Rat)

/-- Depth separation: under linear-region counting and depth efficiency at depth `L`, some
depth-`L` width-2 network needs width at least `2 ^ L - 1` to be represented with one hidden
layer. -/
theorem depth_separation {pieces : (K → K) → Nat} {L : Nat} (hreg : LinearRegionsBound pieces)
    (heff : DepthEfficiency pieces L) :
    ∃ f : K → K, DeepRep 2 L f ∧ ∀ m, ShallowRep m f → 2 ^ L ≤ m + 1 := by
  obtain ⟨f, hf, hp⟩ := heff.sawtooth
  refine ⟨f, hf, fun m hm => ?_⟩
  have h1 : pieces f ≤ pieceBound [m] := hreg.shallow m f hm
  have h2 : pieceBound [m] = m + 1 := pieceBound_single m
  calc 2 ^ L ≤ pieces f := hp
    _ ≤ pieceBound [m] := h1
    _ = m + 1 := h2

end Assumptions

end AxiomDL.Expressivity
