import AxiomDL.Generalization.Risk

/-!
# Generalisation: uniform stability bounds the expected generalisation gap

A learning algorithm `A : List Z → H` is uniformly `β`-stable at sample size `m ≥ 1` if
replacing one of the `m` training examples changes its loss on any point by at most `β`
(`UniformStability`, one-sided form).

The classical argument (Bousquet–Elisseeff) has two steps:

1. *Exchangeability* (`ReplaceOneExchangeable`): for a random sample `S` of size `m`, a random
   index `i < m` and a fresh example `z'`, with `zᵢ` the `i`-th example of `S`, the expected
   population loss `E[loss (A S) z']` equals the expected loss `E[loss (A S⁽ⁱ⁾) zᵢ]` of the
   algorithm trained on `S` with `zᵢ` replaced by `z'`, evaluated at the removed example `zᵢ`;
   and the expected empirical risk equals `E[loss (A S) zᵢ]`. Both are identities for i.i.d.
   samples and a uniformly random index, and are taken here as an assumption on the abstract
   expectation.
2. *Stability*: pointwise, `loss (A S⁽ⁱ⁾) zᵢ - loss (A S) zᵢ ≤ β`.

Together: `E[population risk] - E[empirical risk] ≤ β` (`stability_generalization`).
-/

set_option autoImplicit false

universe u v w x

namespace AxiomDL.Generalization

section Stability

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]
variable {H : Type w} {Z : Type v} {Ω : Type x}

/-- Assumption: uniform stability (one-sided) at sample size `m ≥ 1`: replacing the example at
any index `i < m` of any sample of size `m` by any `z'` raises the loss of the learned
hypothesis at any point `z` by at most `β`.
Area: generalization
Status: plausible
Evidence: Proved for regularised convex ERM (β = O(1/(λ m))) and for SGD on smooth convex losses with few passes (Hardt, Recht, Singer 2016); the guarantees for non-convex deep networks are vacuous in practice, and empirical stability is measured rather than proved.
Refs: Bousquet, Elisseeff (JMLR 2002); Hardt, Recht, Singer (ICML 2016); Feldman, Vondrak (COLT 2019).
-/
structure UniformStability (m : Nat) (A : List Z → H) (loss : H → Z → K) (β : K) : Prop where
  /-- The sample size is positive. -/
  size_pos : 0 < m
  /-- The replace-one bound on samples of size `m`. -/
  stable : ∀ S : List Z, S.length = m → ∀ i, i < m → ∀ z' z : Z,
    loss (A (S.set i z')) z - loss (A S) z ≤ β

/-- Witness: a constant algorithm is `β`-stable for every `β ≥ 0`, at every sample size
`m ≥ 1`. -/
theorem uniformStability_const {m : Nat} (hm : 0 < m) (h₀ : H) (loss : H → Z → K) {β : K}
    (hβ : 0 ≤ β) : UniformStability m (fun _ : List Z => h₀) loss β := by
  refine ⟨hm, fun _ _ _ _ _ z => ?_⟩
  show loss h₀ z - loss h₀ z ≤ β
  grind

/-- Witness: `UniformStability` over `Rat`, at sample size `1` with `β = 1`. -/
example : UniformStability 1 (fun _ : List Unit => ()) (fun _ _ => (0 : Rat)) 1 :=
  uniformStability_const (Nat.succ_pos 0) () (fun _ _ => (0 : Rat)) (by grind)

/-- Assumption: the replace-one exchangeability identities for the random draw `ω` of a sample
`S ω` of size `m`, an index `idx ω < m` and a fresh example `fresh ω`, where `removed ω` is the
example at index `idx ω` of `S ω`: the expected population loss equals the expected loss at the
removed example after replacing it, and the expected empirical risk equals the expected loss at
the removed example.
Area: generalization
Status: established
Evidence: Identities for i.i.d. samples with a uniformly random index, by symmetry (renaming `zᵢ ↔ z'`); they fail for dependent or non-identically distributed data.
Refs: Bousquet, Elisseeff (JMLR 2002), Lemma 7; Shalev-Shwartz, Ben-David (2014), Thm. 13.2.
-/
structure ReplaceOneExchangeable (D : Expectation K Ω) (A : List Z → H) (loss : H → Z → K)
    (m : Nat) (S : Ω → List Z) (idx : Ω → Nat) (fresh removed : Ω → Z) : Prop where
  /-- Every sample has size `m`. -/
  length_eq : ∀ ω, (S ω).length = m
  /-- The index is a position of the sample. -/
  idx_lt : ∀ ω, idx ω < (S ω).length
  /-- The removed example is the one at that position. -/
  removed_eq : ∀ ω, removed ω = ((S ω)[idx ω]'(idx_lt ω))
  /-- Population risk via the replaced sample. -/
  pop : D.E (fun ω => loss (A (S ω)) (fresh ω))
    = D.E (fun ω => loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω))
  /-- Empirical risk via the removed example. -/
  emp : D.E (fun ω => empRisk loss (A (S ω)) (S ω)) = D.E (fun ω => loss (A (S ω)) (removed ω))

/-- Stability implies generalisation in expectation: under the replace-one identities for
samples of size `m`, an algorithm that is uniformly `β`-stable at size `m` has expected
generalisation gap at most `β`. -/
theorem stability_generalization {D : Expectation K Ω} {A : List Z → H} {loss : H → Z → K}
    {m : Nat} {S : Ω → List Z} {idx : Ω → Nat} {fresh removed : Ω → Z} {β : K}
    (hex : ReplaceOneExchangeable D A loss m S idx fresh removed)
    (hstab : UniformStability m A loss β) :
    D.E (fun ω => loss (A (S ω)) (fresh ω)) - D.E (fun ω => empRisk loss (A (S ω)) (S ω)) ≤ β := by
  have hidx : ∀ ω, idx ω < m := by
    intro ω
    have h1 : idx ω < (S ω).length := hex.idx_lt ω
    have h2 : (S ω).length = m := hex.length_eq ω
    omega
  have hpt : ∀ ω, loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω)
      - loss (A (S ω)) (removed ω) ≤ β :=
    fun ω => hstab.stable (S ω) (hex.length_eq ω) (idx ω) (hidx ω) (fresh ω) (removed ω)
  have hgap : D.E (fun ω => loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω))
      - D.E (fun ω => loss (A (S ω)) (removed ω)) ≤ β :=
    D.sub_le_of_forall_sub_le (fun ω => loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω))
      (fun ω => loss (A (S ω)) (removed ω)) β hpt
  rw [hex.pop, hex.emp]
  exact hgap

/-- Witness: the replace-one identities hold for a zero loss under the point mass, for samples
of size one. -/
theorem replaceOneExchangeable_zero {Ω' : Type x} (ω₀ : Ω') (A : List Z → H) (z : Ω' → Z)
    (fresh : Ω' → Z) :
    ReplaceOneExchangeable (Expectation.pointMass (K := K) ω₀) A (fun _ _ => 0) 1
      (fun ω => [z ω]) (fun _ => 0) fresh z := by
  refine ⟨fun _ => rfl, fun _ => Nat.succ_pos 0, fun _ => rfl, rfl, ?_⟩
  show empRisk (fun _ _ => (0 : K)) (A [z ω₀]) [z ω₀] = 0
  exact empRisk_eq_zero _ _ _ (fun _ _ => rfl)

/-- Witness: `ReplaceOneExchangeable` over `Rat`. -/
example : ReplaceOneExchangeable (Expectation.pointMass (K := Rat) ()) (fun _ : List Unit => ())
    (fun _ _ => 0) 1 (fun _ => [()]) (fun _ => 0) (fun _ => ()) (fun _ => ()) :=
  replaceOneExchangeable_zero () (fun _ => ()) (fun _ => ()) (fun _ => ())

end Stability

end AxiomDL.Generalization
