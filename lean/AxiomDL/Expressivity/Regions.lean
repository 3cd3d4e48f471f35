import AxiomDL.Expressivity.DeepNetMono
import AxiomDL.Expressivity.LinearPieces
import AxiomDL.Foundations.Models

/-!
# Expressivity: linear pieces counted on a grid, and depth separation

The number of linear pieces of a function `f : K → K` is measured on a finite, strictly
increasing grid `x₀ < x₁ < ⋯ < x_N` (`gridPieces f grid`): walk along the grid and split it
greedily into maximal runs of consecutive points whose graph points `(xᵢ, f xᵢ)` lie on one line
(the line through the first two points of the run); `gridPieces` is the number of runs.
Collinearity of three graph points is tested without division (`Collinear`).

The count never exceeds the true number of linear pieces: if `f` is affine on each of the
consecutive intervals `I₁ < ⋯ < I_p`, then a run that starts at a grid point of `I_j` contains
every later grid point of `I_j` (they lie on the line of `I_j`), or that start point is the last
grid point of `I_j`; either way the next run starts in a later interval. So the runs are at most
`p`, and on a grid fine enough (two grid points in the interior of every piece) they are
exactly `p`.
The full piece-count statements are therefore the grid statements for every strictly increasing
grid.

`LinearRegionsBound grid` is the product bound of Montúfar et al. and Telgarsky on the grid, for
one-hidden-layer networks and for deep networks (`DeepRep`, hidden layers of width `n`).
`DepthEfficiency grid L` is Telgarsky's sawtooth on the grid: a depth-`L` network of width `2`
with at least `2 ^ L` pieces. Together they give depth separation (`depth_separation`). On the
grid `[-1, 0, 1]` both assumptions hold at depth `1` for one and the same count
(`depthSeparation_witness`), so the theorem's hypotheses are jointly satisfiable.
`AxiomDL.Foundations.Models` is imported for the `Rat` instances of core's `grind` classes that
this witness needs (its module docstring says why the default `Init` import is not relied on).
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Regions

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The graph points `(a, f a)`, `(b, f b)`, `(c, f c)` lie on one line: for `a < b < c` the
slopes on `[a, b]` and on `[b, c]` agree. Stated multiplied out, without division. -/
def Collinear (f : K → K) (a b c : K) : Prop :=
  (f b - f a) * (c - b) = (f c - f b) * (b - a)

/-- The list is strictly increasing. -/
def StrictlyIncreasing : List K → Prop
  | [] => True
  | x :: xs => (∀ y ∈ xs, x < y) ∧ StrictlyIncreasing xs

open Classical in
/-- The number of further runs when the grid continues with `xs` after the point `p`. The state
`none` means the current run so far is the single point `p`; `some (a, b)` means the current
run's line passes through the graph points at `a` and `b`. A grid point off that line starts a
new run. -/
noncomputable def runCount (f : K → K) : Option (K × K) → K → List K → Nat
  | _, _, [] => 0
  | Option.none, p, x :: xs => runCount f (Option.some (p, x)) x xs
  | Option.some (a, b), _, x :: xs =>
    if Collinear f a b x then runCount f (Option.some (a, b)) x xs
    else 1 + runCount f Option.none x xs

/-- The number of linear pieces of `f` seen on the grid: the number of maximal runs of
consecutive grid points whose graph points lie on one line (see the module docstring). -/
noncomputable def gridPieces (f : K → K) : List K → Nat
  | [] => 0
  | x :: xs => 1 + runCount f Option.none x xs

open Classical in
/-- On three grid points there is one run, or two if the graph bends. -/
theorem gridPieces_three (f : K → K) (a b c : K) :
    gridPieces f [a, b, c] = 1 + (if Collinear f a b c then 0 else 1 + 0) :=
  rfl

/-- Three collinear graph points form one piece. -/
theorem gridPieces_three_of_collinear {f : K → K} {a b c : K} (h : Collinear f a b c) :
    gridPieces f [a, b, c] = 1 := by
  have e := gridPieces_three f a b c
  rw [if_pos h] at e
  omega

/-- Three graph points that bend form two pieces. -/
theorem gridPieces_three_of_not_collinear {f : K → K} {a b c : K} (h : ¬ Collinear f a b c) :
    gridPieces f [a, b, c] = 2 := by
  have e := gridPieces_three f a b c
  rw [if_neg h] at e
  omega

/-- Three grid points show at most two pieces. -/
theorem gridPieces_three_le (f : K → K) (a b c : K) : gridPieces f [a, b, c] ≤ 2 := by
  by_cases h : Collinear f a b c
  · have e : gridPieces f [a, b, c] = 1 := gridPieces_three_of_collinear h
    omega
  · have e : gridPieces f [a, b, c] = 2 := gridPieces_three_of_not_collinear h
    omega

/-- The graph of an affine function is collinear. -/
theorem collinear_of_affine {f : K → K} (s t : K) (hf : ∀ x, f x = s * x + t) (a b c : K) :
    Collinear f a b c := by
  have ha : f a = s * a + t := hf a
  have hb : f b = s * b + t := hf b
  have hc : f c = s * c + t := hf c
  show (f b - f a) * (c - b) = (f c - f b) * (b - a)
  rw [ha, hb, hc]
  grind

/-- ReLU bends between `-1` and `1`. -/
theorem not_collinear_relu : ¬ Collinear (fun x : K => relu x) (-1) 0 1 := by
  have h1 : relu (-1 : K) = 0 := relu_of_nonpos (by grind)
  have h2 : relu (0 : K) = 0 := relu_zero
  have h3 : relu (1 : K) = 1 := relu_one
  intro h
  have h' : (relu (0 : K) - relu (-1)) * (1 - 0) = (relu 1 - relu 0) * (0 - -1) := h
  rw [h1, h2, h3] at h'
  grind

/-- Assumption: linear-region counting on the grid `grid` (strictly increasing): a
one-hidden-layer ReLU network of width `n` shows at most `n + 1` linear pieces on the grid, and
a deep ReLU network with `L` hidden layers of width `n` (`DeepRep n L`) at most `(n + 1) ^ L`
(`pieceBound`). Pieces are counted by `gridPieces`, which never exceeds the true number of
linear pieces, so the bound for every grid is the bound on the true piece count.
Area: expressivity
Status: established
Evidence: A theorem for 1-D piecewise-linear networks (Montúfar et al. 2014; Telgarsky 2016; Serra et al. 2018 for sharper bounds); the bound is rarely attained, since typical networks have piece counts linear in the number of neurons (Hanin, Rolnick 2019).
Refs: Montúfar, Pascanu, Cho, Bengio (NeurIPS 2014); Telgarsky (COLT 2016); Serra, Tjandraatmadja, Ramalingam (ICML 2018); Hanin, Rolnick (ICML 2019).
Probe: linear-regions
-/
structure LinearRegionsBound (grid : List K) : Prop where
  /-- The grid is strictly increasing. -/
  sorted : StrictlyIncreasing grid
  /-- One hidden layer of width `n`: at most `n + 1` pieces. -/
  shallow : ∀ n f, ShallowRep n f → gridPieces f grid ≤ pieceBound [n]
  /-- `L` hidden layers of width `n`: at most `(n + 1) ^ L` pieces. -/
  deep : ∀ n L f, DeepRep n L f → gridPieces f grid ≤ pieceBound (List.replicate L n)

/-- Assumption: depth efficiency at depth `L ≥ 1` on the grid `grid` (strictly increasing): some
ReLU network with `L` hidden layers of width 2 shows at least `2 ^ L` linear pieces on the grid
(the sawtooth obtained by composing the tent map, on a grid fine enough to see its pieces).
Area: expressivity
Status: established
Evidence: The `L`-fold composition of the tent map `2 relu x - 4 relu (x - 1/2)` has `2 ^ L` pieces on `[0, 1]` (Telgarsky 2016); whether such functions matter for natural data is open.
Refs: Telgarsky, "Benefits of depth in neural networks" (COLT 2016); Eldan, Shamir (COLT 2016); Safran, Shamir (ICML 2017).
-/
structure DepthEfficiency (grid : List K) (L : Nat) : Prop where
  /-- The grid is strictly increasing. -/
  sorted : StrictlyIncreasing grid
  /-- The depth is positive. -/
  depth_pos : 0 < L
  /-- A deep narrow network with exponentially many pieces on the grid exists. -/
  sawtooth : ∃ f : K → K, DeepRep 2 L f ∧ 2 ^ L ≤ gridPieces f grid

/-- Depth separation: under linear-region counting and depth efficiency at depth `L` on the
same grid, some network with `L` hidden layers of width 2 needs width at least `2 ^ L - 1` to be
represented with one hidden layer. -/
theorem depth_separation {grid : List K} {L : Nat} (hreg : LinearRegionsBound grid)
    (heff : DepthEfficiency grid L) :
    ∃ f : K → K, DeepRep 2 L f ∧ ∀ m, ShallowRep m f → 2 ^ L ≤ m + 1 := by
  obtain ⟨f, hf, hp⟩ := heff.sawtooth
  refine ⟨f, hf, fun m hm => ?_⟩
  have h1 : gridPieces f grid ≤ pieceBound [m] := hreg.shallow m f hm
  have h2 : pieceBound [m] = m + 1 := pieceBound_single m
  calc 2 ^ L ≤ gridPieces f grid := hp
    _ ≤ pieceBound [m] := h1
    _ = m + 1 := h2

/-- The grid `[-1, 0, 1]` is strictly increasing. -/
theorem strictlyIncreasing_grid3 : StrictlyIncreasing ([-1, 0, 1] : List K) := by
  have hA : ∀ y ∈ ([0, 1] : List K), (-1 : K) < y := by
    intro y hy
    rcases List.mem_cons.mp hy with h | h
    · grind
    · rcases List.mem_cons.mp h with h' | h'
      · grind
      · exact nomatch h'
  have hB : ∀ y ∈ ([1] : List K), (0 : K) < y := by
    intro y hy
    rcases List.mem_cons.mp hy with h | h
    · grind
    · exact nomatch h
  have hC : ∀ y ∈ ([] : List K), (1 : K) < y := fun y hy => nomatch hy
  exact ⟨hA, hB, hC, trivial⟩

/-- Witness: `LinearRegionsBound` holds on the grid `[-1, 0, 1]`: three points show at most two
pieces, and exactly one for the networks whose bound is `1` (no hidden unit, or no hidden
layer), which compute constant or linear functions. -/
theorem linearRegionsBound_grid3 : LinearRegionsBound ([-1, 0, 1] : List K) := by
  refine ⟨strictlyIncreasing_grid3, ?_, ?_⟩
  · intro n f hf
    cases n with
    | zero =>
      obtain ⟨net, hlen, hnet⟩ := hf
      cases net with
      | nil =>
        have hz : ∀ x, f x = 0 * x + 0 := by
          intro x
          rw [← hnet x]
          show (0 : K) = 0 * x + 0
          grind
        have h1 : gridPieces f ([-1, 0, 1] : List K) = 1 :=
          gridPieces_three_of_collinear (collinear_of_affine 0 0 hz (-1) 0 1)
        have h2 : pieceBound [0] = 0 + 1 := pieceBound_single 0
        omega
      | cons u us =>
        exfalso
        have h0 : us.length + 1 = 0 := hlen
        omega
    | succ k =>
      have h1 : gridPieces f ([-1, 0, 1] : List K) ≤ 2 := gridPieces_three_le f (-1) 0 1
      have h2 : pieceBound [k + 1] = k + 1 + 1 := pieceBound_single (k + 1)
      omega
  · intro n L f hf
    cases L with
    | zero =>
      obtain ⟨s, hs⟩ := hf.linear_of_depth_zero
      have hl : ∀ x, f x = s * x + 0 := by
        intro x
        rw [hs x]
        grind
      have h1 : gridPieces f ([-1, 0, 1] : List K) = 1 :=
        gridPieces_three_of_collinear (collinear_of_affine s 0 hl (-1) 0 1)
      have h2 : pieceBound (List.replicate 0 n) = 1 := rfl
      omega
    | succ k =>
      cases n with
      | zero =>
        have hz : ∀ x, f x = 0 * x + 0 := by
          intro x
          rw [hf.eq_zero_of_width_zero x]
          grind
        have h1 : gridPieces f ([-1, 0, 1] : List K) = 1 :=
          gridPieces_three_of_collinear (collinear_of_affine 0 0 hz (-1) 0 1)
        have h2 : 0 < pieceBound (List.replicate (k + 1) 0) := pieceBound_pos _
        omega
      | succ m =>
        have h1 : gridPieces f ([-1, 0, 1] : List K) ≤ 2 := gridPieces_three_le f (-1) 0 1
        have h2 : 2 ≤ pieceBound (List.replicate (k + 1) (m + 1)) := by
          show 2 * 1 ≤ (m + 1 + 1) * pieceBound (List.replicate k (m + 1))
          exact Nat.mul_le_mul (by omega) (pieceBound_pos _)
        omega

/-- Witness: `DepthEfficiency` holds at depth `1` on the grid `[-1, 0, 1]`: the width-2,
depth-1 network computing `relu` shows `2 = 2 ^ 1` pieces there. -/
theorem depthEfficiency_grid3 : DepthEfficiency ([-1, 0, 1] : List K) 1 := by
  have hrelu : ShallowRep 2 (fun x : K => relu x) := shallowRep_mono (by omega) shallowRep_relu
  have hdeep : DeepRep 2 1 (fun x : K => relu x) := deepRep_one hrelu
  have hp : gridPieces (fun x : K => relu x) ([-1, 0, 1] : List K) = 2 :=
    gridPieces_three_of_not_collinear not_collinear_relu
  refine ⟨strictlyIncreasing_grid3, by omega, fun x => relu x, hdeep, ?_⟩
  exact Nat.le_of_eq hp.symm

end Regions

/-- Witness: over `Rat`, on the grid `[-1, 0, 1]`, linear-region counting and depth efficiency
at depth `1` hold for one and the same piece count, so the hypotheses of depth separation are
jointly satisfiable at a positive depth.
Covers: AxiomDL.Expressivity.depth_separation -/
theorem depthSeparation_witness :
    LinearRegionsBound ([-1, 0, 1] : List Rat) ∧ DepthEfficiency ([-1, 0, 1] : List Rat) 1 :=
  ⟨linearRegionsBound_grid3, depthEfficiency_grid3⟩

end AxiomDL.Expressivity
