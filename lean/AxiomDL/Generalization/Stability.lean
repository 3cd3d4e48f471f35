import AxiomDL.Generalization.Risk

/-!
# Generalisation: uniform stability bounds the expected generalisation gap

A learning algorithm `A : List Z → H` is uniformly `β`-stable if replacing one training example
changes its loss on any point by at most `β` (`UniformStability`, one-sided form).

The classical argument (Bousquet–Elisseeff) has two steps:

1. *Exchangeability* (`ReplaceOneExchangeable`): for a random sample `S`, a random index `i` and
   a fresh example `z'`, the expected population loss `E[loss (A S) z']` equals the expected
   loss `E[loss (A S⁽ⁱ⁾) zᵢ]` of the algorithm trained on `S` with `zᵢ` replaced by `z'`,
   evaluated at the removed example `zᵢ`; and the expected empirical risk equals
   `E[loss (A S) zᵢ]`. Both are identities for i.i.d. samples and are taken here as an
   assumption on the abstract expectation.
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

/-- Assumption: uniform stability (one-sided): replacing the example at index `i` of any sample
by any `z'` raises the loss of the learned hypothesis at any point `z` by at most `β`.
Area: generalization
Status: plausible
Evidence: Proved for regularised convex ERM (β = O(1/(λ m))) and for SGD on smooth convex losses with few passes (Hardt, Recht, Singer 2016); the guarantees for non-convex deep networks are vacuous in practice, and empirical stability is measured rather than proved.
Refs: Bousquet, Elisseeff (JMLR 2002); Hardt, Recht, Singer (ICML 2016); Feldman, Vondrak (COLT 2019).
-/
structure UniformStability (A : List Z → H) (loss : H → Z → K) (β : K) : Prop where
  /-- The replace-one bound. -/
  stable : ∀ (S : List Z) (i : Nat) (z' z : Z), loss (A (S.set i z')) z - loss (A S) z ≤ β

/-- Witness: a constant algorithm is `0`-stable. -/
theorem uniformStability_const (h₀ : H) (loss : H → Z → K) :
    UniformStability (fun _ : List Z => h₀) loss 0 := by
  refine ⟨fun _ _ _ z => ?_⟩
  show loss h₀ z - loss h₀ z ≤ 0
  grind

/-- Witness: `UniformStability` over `Rat`. -/
example := uniformStability_const (K := Rat) (Z := Unit) () (fun _ _ => 0)

/-- Assumption: the replace-one exchangeability identities for the random draw `ω` of a sample
`S ω`, an index `idx ω` and a fresh example `fresh ω`, where `removed ω` is the example at index
`idx ω` of `S ω`: the expected population loss equals the expected loss at the removed example
after replacing it, and the expected empirical risk equals the expected loss at the removed
example.
Area: generalization
Status: established
Evidence: Identities for i.i.d. samples with a uniformly random index, by symmetry (renaming `zᵢ ↔ z'`); they fail for dependent or non-identically distributed data.
Refs: Bousquet, Elisseeff (JMLR 2002), Lemma 7; Shalev-Shwartz, Ben-David (2014), Thm. 13.2.
-/
structure ReplaceOneExchangeable (D : Expectation K Ω) (A : List Z → H) (loss : H → Z → K)
    (S : Ω → List Z) (idx : Ω → Nat) (fresh removed : Ω → Z) : Prop where
  /-- Population risk via the replaced sample. -/
  pop : D.E (fun ω => loss (A (S ω)) (fresh ω))
    = D.E (fun ω => loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω))
  /-- Empirical risk via the removed example. -/
  emp : D.E (fun ω => empRisk loss (A (S ω)) (S ω)) = D.E (fun ω => loss (A (S ω)) (removed ω))

/-- Stability implies generalisation in expectation: under the replace-one identities, a
uniformly `β`-stable algorithm has expected generalisation gap at most `β`. -/
theorem stability_generalization {D : Expectation K Ω} {A : List Z → H} {loss : H → Z → K}
    {S : Ω → List Z} {idx : Ω → Nat} {fresh removed : Ω → Z} {β : K}
    (hex : ReplaceOneExchangeable D A loss S idx fresh removed)
    (hstab : UniformStability A loss β) :
    D.E (fun ω => loss (A (S ω)) (fresh ω)) - D.E (fun ω => empRisk loss (A (S ω)) (S ω)) ≤ β := by
  have hgap : D.E (fun ω => loss (A ((S ω).set (idx ω) (fresh ω))) (removed ω))
      - D.E (fun ω => loss (A (S ω)) (removed ω)) ≤ β :=
    D.sub_le_of_forall_sub_le _ _ β
      (fun ω => hstab.stable (S ω) (idx ω) (fresh ω) (removed ω))
  rw [hex.pop, hex.emp]
  exact hgap

/-- Witness: the replace-one identities hold for a zero loss under the point mass. -/
theorem replaceOneExchangeable_zero {Ω' : Type x} (ω₀ : Ω') (A : List Z → H) (S : Ω' → List Z)
    (idx : Ω' → Nat) (fresh removed : Ω' → Z) :
    ReplaceOneExchangeable (Expectation.pointMass (K := K) ω₀) A (fun _ _ => 0) S idx fresh
      removed := by
  refine ⟨rfl, ?_⟩
  show empRisk (fun _ _ => (0 : K)) (A (S ω₀)) (S ω₀) = 0
  exact empRisk_eq_zero _ _ _ (fun _ _ => rfl)

/-- Witness: `ReplaceOneExchangeable` over `Rat`. -/
example := replaceOneExchangeable_zero (K := Rat) (H := Unit) (Z := Unit) ()
  (fun _ => ()) (fun _ => []) (fun _ => 0) (fun _ => ()) (fun _ => ())

end Stability

end AxiomDL.Generalization
