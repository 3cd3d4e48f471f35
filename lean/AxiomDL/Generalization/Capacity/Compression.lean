import AxiomDL.Generalization.Capacity.Combinatorics
import AxiomDL.Generalization.FiniteClass

/-!
# Capacity: sample compression schemes

A sample compression scheme of size `k` (Littlestone–Warmuth) keeps at most `k` of the `m`
labelled examples of a sample and rebuilds from them a hypothesis consistent with the whole
sample. Index sets are strictly decreasing lists of indices below `m`; `indexSets m (k + 1)`
lists all of them with at most `k` entries, and there are exactly
`binomSum m (k + 1) = ∑_{i ≤ k} C(m, i)` (`length_indexSets`, `mem_indexSets`).

The probabilistic step is a named assumption (`CompressionConcentration`): for each fixed index
set, the rebuilt hypothesis has true error above `ε` and is consistent with the sample with
probability at most `δ` (`(1 - ε)^(m - k)` for i.i.d. examples: the rebuilt hypothesis does not
depend on the other `m - k` examples, each of which it then misclassifies with probability more
than `ε`). The union bound over the index sets gives the compression bound
(`compression_bound`): the learned hypothesis has true error above `ε` with probability at most
`∑_{i ≤ k} C(m, i) · δ ≤ (m + 1)^k · δ` (`compression_bound_pow`).
-/

set_option autoImplicit false

universe u v w y

namespace AxiomDL.Generalization.Capacity

section IndexSets

/-- The strictly decreasing lists of fewer than `k` indices below `n`. -/
def indexSets : Nat → Nat → List (List Nat)
  | _, 0 => []
  | 0, _ + 1 => [[]]
  | n + 1, k + 1 => indexSets n (k + 1) ++ consAll n (indexSets n k)

/-- There are `∑_{i < k} C(n, i)` index sets with fewer than `k` indices below `n`. -/
theorem length_indexSets : ∀ (n k : Nat), (indexSets n k).length = binomSum n k := by
  intro n
  induction n with
  | zero =>
    intro k
    cases k with
    | zero => rfl
    | succ k =>
      have e : (indexSets 0 (k + 1)).length = 1 := rfl
      have e2 : binomSum 0 (k + 1) = 1 := binomSum_zero_succ k
      omega
  | succ n ih =>
    intro k
    cases k with
    | zero => rfl
    | succ k =>
      have e : (indexSets (n + 1) (k + 1)).length
          = (indexSets n (k + 1)).length + (consAll n (indexSets n k)).length := by
        show (indexSets n (k + 1) ++ consAll n (indexSets n k)).length = _
        rw [List.length_append]
      have e1 : (consAll n (indexSets n k)).length = (indexSets n k).length :=
        length_consAll n (indexSets n k)
      have h1 : (indexSets n (k + 1)).length = binomSum n (k + 1) := ih (k + 1)
      have h2 : (indexSets n k).length = binomSum n k := ih k
      have e2 : binomSum (n + 1) (k + 1) = binomSum n (k + 1) + binomSum n k :=
        binomSum_succ_succ n k
      omega

/-- An index set of `indexSets n k` has fewer than `k` entries, all below `n`. -/
theorem mem_indexSets : ∀ (n k : Nat) (I : List Nat), I ∈ indexSets n k →
    I.length < k ∧ ∀ i ∈ I, i < n := by
  intro n
  induction n with
  | zero =>
    intro k I hI
    cases k with
    | zero =>
      have h' : I ∈ ([] : List (List Nat)) := hI
      exact nomatch h'
    | succ k =>
      have h' : I ∈ [([] : List Nat)] := hI
      rcases List.mem_cons.mp h' with e | hn
      · rw [e]
        exact ⟨Nat.succ_pos k, fun _ hi => nomatch hi⟩
      · exact nomatch hn
  | succ n ih =>
    intro k I hI
    cases k with
    | zero =>
      have h' : I ∈ ([] : List (List Nat)) := hI
      exact nomatch h'
    | succ k =>
      have h' : I ∈ indexSets n (k + 1) ++ consAll n (indexSets n k) := hI
      rcases List.mem_append.mp h' with h1 | h2
      · obtain ⟨hlen, hlt⟩ := ih (k + 1) I h1
        refine ⟨hlen, ?_⟩
        intro i hi
        have := hlt i hi
        omega
      · obtain ⟨J, hJ, e⟩ := mem_consAll h2
        obtain ⟨hlen, hlt⟩ := ih k J hJ
        rw [e]
        refine ⟨?_, ?_⟩
        · have e2 : (n :: J).length = J.length + 1 := rfl
          omega
        · intro i hi
          rcases List.mem_cons.mp hi with ei | hi'
          · omega
          · have := hlt i hi'
            omega

end IndexSets

section Compression

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {Ω : Type v} {X : Type w} {Y : Type y}

/-- The labelled examples at the indices `I` of the sample drawn at `ω`, labelled by the
target `c`: the data a compression scheme keeps. -/
def pointsAt (c : X → Y) (sample : Ω → Nat → X) (ω : Ω) : List Nat → List (X × Y)
  | [] => []
  | i :: I => (sample ω i, c (sample ω i)) :: pointsAt c sample ω I

/-- Assumption: a sample compression scheme of size `k` (`0 < k < m`) for the target `c` on
samples of `m` examples: on the sample drawn at `ω`, the compression keeps the index set `κ ω`
of at most `k` indices below `m`, and the reconstruction `ρ` maps the kept labelled examples to
a hypothesis consistent with all `m` examples.
Area: generalization
Status: plausible
Evidence: Every class of VC dimension `d` has one of size `2^O(d)` (Moran–Yehudayoff 2016) and maximum classes have one of size `d` (Floyd–Warmuth 1995); support vector machines compress to their support vectors; for trained deep networks no small scheme is known, and fitting random labels (Zhang et al. 2017) rules out small schemes for the trained architecture as a whole.
Refs: Littlestone, Warmuth, "Relating data compression and learnability" (1986); Floyd, Warmuth (Mach. Learn. 1995); Moran, Yehudayoff, "Sample compression schemes for VC classes" (JACM 2016).
-/
structure CompressionScheme (c : X → Y) (sample : Ω → Nat → X) (m k : Nat)
    (κ : Ω → List Nat) (ρ : List (X × Y) → X → Y) : Prop where
  /-- The scheme keeps at least one example. -/
  size_pos : 0 < k
  /-- The scheme keeps fewer examples than the sample has. -/
  size_lt : k < m
  /-- The kept indices form an index set with at most `k` entries below `m`. -/
  mem : ∀ ω, κ ω ∈ indexSets m (k + 1)
  /-- The rebuilt hypothesis is consistent with the whole sample. -/
  consistent : ∀ ω, SampleConsistent c sample m (ρ (pointsAt c sample ω (κ ω))) ω

/-- Assumption: compression concentration: for every index set `I` of at most `k` indices
below `m`, the hypothesis rebuilt by `ρ` from the examples at `I` has true error above `ε`
(`0 < ε < 1`) and is consistent with the whole sample of `m` examples with probability at most
`δ` (`0 < δ < 1`).
Area: generalization
Status: established
Evidence: For `m` i.i.d. examples it holds with `δ = (1 - ε)^(m - k)`: the rebuilt hypothesis depends only on the examples at `I`, and each of the other `m - |I|` examples is misclassified with probability more than `ε`; it fails for dependent examples and under distribution shift.
Refs: Littlestone, Warmuth (1986); Floyd, Warmuth (Mach. Learn. 1995), Thm. 5; Shalev-Shwartz, Ben-David (2014), Thm. 30.2.
-/
structure CompressionConcentration (μ : FinAddProb K Ω) (D : FinAddProb K X) (c : X → Y)
    (sample : Ω → Nat → X) (m k : Nat) (ρ : List (X × Y) → X → Y) (ε δ : K) : Prop where
  /-- The accuracy is positive. -/
  eps_pos : 0 < ε
  /-- The accuracy is below one. -/
  eps_lt_one : ε < 1
  /-- The bound is positive. -/
  delta_pos : 0 < δ
  /-- The bound is below one. -/
  delta_lt_one : δ < 1
  /-- The per-index-set bound. -/
  tail : ∀ I ∈ indexSets m (k + 1),
    μ.P (fun ω => ε < trueError D c (ρ (pointsAt c sample ω I))
      ∧ SampleConsistent c sample m (ρ (pointsAt c sample ω I)) ω) ≤ δ

/-- The compression bound: the hypothesis learned by a compression scheme of size `k` has true
error above `ε` with probability at most `∑_{i ≤ k} C(m, i) · δ`. -/
theorem compression_bound {μ : FinAddProb K Ω} {D : FinAddProb K X} {c : X → Y}
    {sample : Ω → Nat → X} {m k : Nat} {κ : Ω → List Nat} {ρ : List (X × Y) → X → Y}
    {ε δ : K} (hsch : CompressionScheme c sample m k κ ρ)
    (hcc : CompressionConcentration μ D c sample m k ρ ε δ) :
    μ.P (fun ω => ε < trueError D c (ρ (pointsAt c sample ω (κ ω))))
      ≤ natToScalar (binomSum m (k + 1)) * δ := by
  have himp : ∀ ω, ε < trueError D c (ρ (pointsAt c sample ω (κ ω))) →
      ∃ I ∈ indexSets m (k + 1), ε < trueError D c (ρ (pointsAt c sample ω I))
        ∧ SampleConsistent c sample m (ρ (pointsAt c sample ω I)) ω :=
    fun ω hb => ⟨κ ω, hsch.mem ω, hb, hsch.consistent ω⟩
  have h1 : μ.P (fun ω => ε < trueError D c (ρ (pointsAt c sample ω (κ ω))))
      ≤ μ.P (fun ω => ∃ I ∈ indexSets m (k + 1), ε < trueError D c (ρ (pointsAt c sample ω I))
        ∧ SampleConsistent c sample m (ρ (pointsAt c sample ω I)) ω) :=
    μ.prob_mono himp
  have h2 : μ.P (fun ω => ∃ I ∈ indexSets m (k + 1),
        ε < trueError D c (ρ (pointsAt c sample ω I))
          ∧ SampleConsistent c sample m (ρ (pointsAt c sample ω I)) ω)
      ≤ natToScalar (indexSets m (k + 1)).length * δ :=
    μ.prob_exists_le_length_mul (indexSets m (k + 1))
      (fun I ω => ε < trueError D c (ρ (pointsAt c sample ω I))
        ∧ SampleConsistent c sample m (ρ (pointsAt c sample ω I)) ω) hcc.tail
  have e : (indexSets m (k + 1)).length = binomSum m (k + 1) := length_indexSets m (k + 1)
  rw [e] at h2
  grind

/-- The compression bound, polynomial form: probability at most `(m + 1)^k · δ`. -/
theorem compression_bound_pow {μ : FinAddProb K Ω} {D : FinAddProb K X} {c : X → Y}
    {sample : Ω → Nat → X} {m k : Nat} {κ : Ω → List Nat} {ρ : List (X × Y) → X → Y}
    {ε δ : K} (hsch : CompressionScheme c sample m k κ ρ)
    (hcc : CompressionConcentration μ D c sample m k ρ ε δ) :
    μ.P (fun ω => ε < trueError D c (ρ (pointsAt c sample ω (κ ω))))
      ≤ natToScalar ((m + 1) ^ k) * δ := by
  have h1 := compression_bound hsch hcc
  have h2 : (natToScalar (binomSum m (k + 1)) : K) ≤ natToScalar ((m + 1) ^ k) :=
    natToScalar_mono_le (binomSum_le_pow m k)
  have hδ : (0 : K) ≤ δ := by
    have := hcc.delta_pos
    grind
  have h3 : natToScalar (binomSum m (k + 1)) * δ ≤ natToScalar ((m + 1) ^ k) * δ :=
    AxiomDL.mul_le_mul_of_nonneg_right h2 hδ
  grind

end Compression

end AxiomDL.Generalization.Capacity
