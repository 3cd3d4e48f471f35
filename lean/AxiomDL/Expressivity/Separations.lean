import AxiomDL.Expressivity.Lazy

/-!
# Separations in the lazy-training (NTK) regime

The discharges of `Expressivity.Lazy` are `KernelMargin ⇒ PolyakLojasiewicz` (for least squares)
and `LazyTraining ∧ KernelMargin ⇒ PLStarOn` (for the model's own loss on the ball). Their
converses fail, and neither premise of the second can be dropped:

* PL without a kernel margin: least squares on a duplicated input with a consistent label is
  `2`-PL, but its NTK Gram matrix `[[1, 1], [1, 1]]` is singular (`dupData`).
* PL* without lazy training: the nonlinear model `θ + θ³` fitted to the target `2` has a loss
  that is `1`-PL* (with its true gradient) on the whole line, yet on no ball of positive radius is
  it equal to its linearisation (`cubicModel`): PL* does not need the lazy regime.
* Lazy training without PL*: the linear model `θ` (exactly lazy on every ball) fitted to two
  copies of one input with the conflicting targets `0` and `2` has a stationary point `θ = 1`
  with loss `1` inside the unit ball, so no PL* inequality holds there; the tangent kernel of the
  duplicated input has no margin, which is what the discharge needs.

Each model is over a general ordered field on `selfSpace`; the separations are stated over `Rat`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Expressivity

section Models

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Two samples with the same input `1` and the same target `1`. -/
def dupData : List (K × K) :=
  [((1 : K), (1 : K)), (1, 1)]

/-- Least squares on the duplicated input is `2`-PL with optimal value `0`: the loss is `r²`
and the squared gradient `4 r²`, with residual `r = w - 1`. -/
theorem dupData_pl :
    AxiomDL.PolyakLojasiewicz (AxiomDL.selfSpace (K := K))
      (AxiomDL.lsLoss AxiomDL.selfSpace dupData) (AxiomDL.lsGrad AxiomDL.selfSpace dupData)
      2 0 := by
  constructor
  intro w
  -- both samples are `(1, 1)`, so the residual is `w * 1 - 1` twice: `sumOver` and `combo`
  -- unfold (structural recursion on the two-element list behind `dupData`) one at a time
  have hl : AxiomDL.lsLoss (AxiomDL.selfSpace (K := K)) dupData w
      = ((w * 1 - 1) * (w * 1 - 1) + ((w * 1 - 1) * (w * 1 - 1) + 0)) / 2 := rfl
  have hg : AxiomDL.lsGrad (AxiomDL.selfSpace (K := K)) dupData w
      = (w * 1 - 1) * 1 + ((w * 1 - 1) * 1 + 0) := rfl
  have hn : (AxiomDL.selfSpace (K := K)).normSq (AxiomDL.lsGrad AxiomDL.selfSpace dupData w)
      = AxiomDL.lsGrad (AxiomDL.selfSpace (K := K)) dupData w
        * AxiomDL.lsGrad (AxiomDL.selfSpace (K := K)) dupData w := rfl
  rw [hn, hl, hg]
  -- `2 (2 r² / 2 - 0) ≤ (2 r)² / 2`: both sides are `2 r²`, a ring identity
  grind

/-- Two samples with the same input `1` have no tangent-kernel margin, whatever their targets:
the coefficients `1, -1` cancel (`‖1 · 1 + (-1) · 1‖² = 0` while `1² + (-1)² = 2`). -/
theorem not_kernelMargin_dup (a b : K) :
    ¬ ∃ lam : K, KernelMargin (AxiomDL.selfSpace (K := K)) [((1 : K), a), (1, b)] lam := by
  intro hex
  obtain ⟨lam, hk⟩ := hex
  have hpos : 0 < lam := hk.pos
  have h : lam * (1 * 1 + ((-1) * (-1) + 0))
      ≤ (1 * 1 + ((-1) * 1 + 0)) * (1 * 1 + ((-1) * 1 + 0)) :=
    hk.margin [1, -1]
  grind

/-- The nonlinear model `θ + θ³` (one parameter; the input is ignored). -/
def cubicModel (θ : K) (_ : Unit) : K :=
  θ + θ * θ * θ

/-- The gradient of its squared loss on the sample `((), 2)`: `(θ + θ³ - 2)(1 + 3θ²)`. -/
def cubicModelGrad (θ : K) : K :=
  (θ + θ * θ * θ - 2) * (1 + 3 * (θ * θ))

/-- The squared loss of `θ + θ³` on the target `2` is `1`-PL* on the whole line, with its true
gradient: the slope `1 + 3θ² ≥ 1`, so `‖g‖² = r² (1 + 3θ²)² ≥ r²`. -/
theorem cubicModel_plStarOn :
    AxiomDL.PLStarOn (AxiomDL.selfSpace (K := K)) (modelLoss cubicModel [((), (2 : K))])
      cubicModelGrad 1 (fun _ => True) := by
  refine ⟨by grind, ⟨0, trivial⟩, ?_⟩
  intro θ _
  have hs : (1 : K) ≤ 1 + 3 * (θ * θ) := by
    have h : (0 : K) ≤ θ * θ := AxiomDL.mul_self_nonneg θ
    grind
  have hs0 : (0 : K) ≤ 1 + 3 * (θ * θ) := by grind
  have hss : (1 + 3 * (θ * θ)) * 1 ≤ (1 + 3 * (θ * θ)) * (1 + 3 * (θ * θ)) :=
    AxiomDL.mul_le_mul_of_nonneg_left hs hs0
  have hq : (1 : K) ≤ (1 + 3 * (θ * θ)) * (1 + 3 * (θ * θ)) := by grind
  -- the PL* step with the residual `r` and the slope `q` as atoms (degree 4, not 10 in `θ`)
  have key : ∀ r q : K, 1 ≤ q * q → 1 * ((r * r + 0) / 2) ≤ r * q * (r * q) / 2 := by
    intro r q h1
    have he : r * r * 1 ≤ r * r * (q * q) :=
      AxiomDL.mul_le_mul_of_nonneg_left h1 (AxiomDL.mul_self_nonneg r)
    grind
  show 1 * (((θ + θ * θ * θ - 2) * (θ + θ * θ * θ - 2) + 0) / 2)
    ≤ (θ + θ * θ * θ - 2) * (1 + 3 * (θ * θ))
      * ((θ + θ * θ * θ - 2) * (1 + 3 * (θ * θ))) / 2
  exact key (θ + θ * θ * θ - 2) (1 + 3 * (θ * θ)) hq

/-- `θ + θ³` is not exactly lazy around `0` on any ball of positive radius, for any Jacobian:
at `d` and `2d` (with `0 < 4d² ≤ R`) the linearisation would give `6d³ = 0`. -/
theorem cubicModel_not_lazy :
    ¬ ∃ (J : Unit → K) (R : K),
      LazyTraining (AxiomDL.selfSpace (K := K)) cubicModel 0 J R 0 := by
  intro hex
  obtain ⟨J, R, hL⟩ := hex
  have hR : 0 < R := hL.radius_pos
  obtain ⟨d, hd, hdle⟩ := AxiomDL.exists_pos_mul_self_le (show (0 : K) < R / 4 by grind)
  have hb1 : (AxiomDL.selfSpace (K := K)).normSq ((AxiomDL.selfSpace (K := K)).sub d 0) ≤ R := by
    show (d - 0) * (d - 0) ≤ R
    grind
  have hb2 :
      (AxiomDL.selfSpace (K := K)).normSq ((AxiomDL.selfSpace (K := K)).sub (2 * d) 0) ≤ R := by
    show (2 * d - 0) * (2 * d - 0) ≤ R
    grind
  have e1 : d + d * d * d = (0 + 0 * 0 * 0) + J () * (d - 0) := hL.eq_linearise hb1 ()
  have e2 : 2 * d + 2 * d * (2 * d) * (2 * d) = (0 + 0 * 0 * 0) + J () * (2 * d - 0) :=
    hL.eq_linearise hb2 ()
  have h3 : d * d * d = 0 := by grind
  have h4 : d * (d * d * d) = 0 := by
    rw [h3]
    grind
  have h5 : 0 < d * d * (d * d) := AxiomDL.mul_pos hd hd
  grind

/-- The linear model `θ` (one parameter; the input is ignored). -/
def linModel (θ : K) (_ : Unit) : K :=
  θ

/-- Two samples with the same input and the conflicting targets `0` and `2`. -/
def conflictSamples : List (Unit × K) :=
  [((), 0), ((), 2)]

/-- The linear model is exactly lazy (`ε = 0`) on the unit ball around `0`, with `J = 1`. -/
theorem linModel_lazy : LazyTraining (AxiomDL.selfSpace (K := K)) linModel 0 (fun _ => 1) 1 0 := by
  refine ⟨by grind, ?_⟩
  intro θ _ x
  show θ - (0 + 1 * (θ - 0)) ≤ 0 ∧ (0 + 1 * (θ - 0)) - θ ≤ 0
  constructor
  · grind
  · grind

/-- The linear model's loss on the conflicting samples is not PL* on the unit ball for any
constant: at `θ = 1` its gradient `2θ - 2` vanishes while the loss is `1`. -/
theorem linModel_not_plStarOn :
    ¬ ∃ lam : K, AxiomDL.PLStarOn (AxiomDL.selfSpace (K := K))
      (modelLoss linModel conflictSamples)
      (lazyGrad AxiomDL.selfSpace linModel (fun _ => 1) conflictSamples) lam
      (fun θ => (AxiomDL.selfSpace (K := K)).normSq ((AxiomDL.selfSpace (K := K)).sub θ 0)
        ≤ 1) := by
  intro hex
  obtain ⟨lam, hP⟩ := hex
  have hpos : 0 < lam := hP.pos
  have hb : (AxiomDL.selfSpace (K := K)).normSq ((AxiomDL.selfSpace (K := K)).sub 1 0) ≤ 1 := by
    show ((1 : K) - 0) * (1 - 0) ≤ 1
    grind
  -- at `θ = 1` the residuals are `1 - 0` and `1 - 2`: loss `(1 + 1) / 2 = 1`, gradient `1 - 1 = 0`
  have hl : modelLoss (K := K) linModel conflictSamples 1
      = ((1 - 0) * (1 - 0) + ((1 - 2) * (1 - 2) + 0)) / 2 := rfl
  have hg : (AxiomDL.selfSpace (K := K)).normSq
        (lazyGrad AxiomDL.selfSpace linModel (fun _ => (1 : K)) conflictSamples 1)
      = ((1 - 0) * 1 + ((1 - 2) * 1 + 0)) * ((1 - 0) * 1 + ((1 - 2) * 1 + 0)) := rfl
  have h : lam * modelLoss (K := K) linModel conflictSamples 1
      ≤ (AxiomDL.selfSpace (K := K)).normSq
          (lazyGrad AxiomDL.selfSpace linModel (fun _ => (1 : K)) conflictSamples 1) / 2 :=
    hP.pl_star 1 hb
  rw [hl, hg] at h
  -- `lam * 1 ≤ 0 / 2` against `0 < lam`
  grind

end Models

/-- Separation: PL does not imply a tangent-kernel margin. Over `Rat`, least squares on two
copies of the sample `(1, 1)` is `2`-PL with optimal value `0` (the PL inequality only needs the
margin along the residual direction), but the duplicated input has no tangent-kernel margin for
any `λ`, so `KernelMargin` fails. -/
theorem polyakLojasiewicz_not_kernelMargin :
    AxiomDL.PolyakLojasiewicz AxiomDL.ratSpace
        (AxiomDL.lsLoss AxiomDL.ratSpace (dupData (K := Rat)))
        (AxiomDL.lsGrad AxiomDL.ratSpace (dupData (K := Rat))) 2 0
      ∧ ¬ (∃ lam : Rat, KernelMargin AxiomDL.ratSpace (dupData (K := Rat)) lam) :=
  ⟨dupData_pl (K := Rat), not_kernelMargin_dup (K := Rat) 1 1⟩

/-- Separation: PL* does not imply lazy training. Over `Rat`, the squared loss of the nonlinear
model `θ + θ³` on the target `2` is `1`-PL* on the whole line with its true gradient (the model's
slope `1 + 3θ²` never drops below `1`), but the model equals its linearisation at the
initialisation `0` on no ball of positive radius, for any Jacobian: `PLStarOn` holds and exact
`LazyTraining` fails. -/
theorem plStarOn_not_lazyTraining :
    AxiomDL.PLStarOn AxiomDL.ratSpace (modelLoss cubicModel [((), (2 : Rat))]) cubicModelGrad 1
        (fun _ => True)
      ∧ ¬ (∃ (J : Unit → Rat) (R : Rat), LazyTraining AxiomDL.ratSpace cubicModel 0 J R 0) :=
  ⟨cubicModel_plStarOn (K := Rat), cubicModel_not_lazy (K := Rat)⟩

/-- Separation: lazy training does not imply PL* (the kernel margin is needed). Over `Rat`, the
linear model `θ` is exactly lazy on the unit ball around `0`, but fitted to one input with the
conflicting targets `0` and `2` its loss has the stationary point `θ = 1` with loss `1` inside
the ball, so no PL* inequality holds there; its tangent data (a duplicated input) have no
kernel margin. `LazyTraining` holds, `PLStarOn` and `KernelMargin` fail. -/
theorem lazyTraining_not_plStarOn :
    LazyTraining AxiomDL.ratSpace linModel 0 (fun _ => 1) 1 0
      ∧ ¬ (∃ lam : Rat, AxiomDL.PLStarOn AxiomDL.ratSpace (modelLoss linModel conflictSamples)
          (lazyGrad AxiomDL.ratSpace linModel (fun _ => 1) conflictSamples) lam
          (fun θ => (AxiomDL.ratSpace).normSq ((AxiomDL.ratSpace).sub θ 0) ≤ 1))
      ∧ ¬ (∃ lam : Rat,
          KernelMargin AxiomDL.ratSpace
            (tangentData linModel 0 (fun _ => 1) conflictSamples) lam) := by
  refine ⟨linModel_lazy (K := Rat), linModel_not_plStarOn (K := Rat), ?_⟩
  -- the tangent data are the input `1` twice, with the targets `0 - f 0 ()` and `2 - f 0 ()`
  -- (`show` unfolds `tangentData` over `conflictSamples`); every numeral is typed, so nothing
  -- waits for the scalar type to be inferred
  show ¬ (∃ lam : Rat, KernelMargin AxiomDL.ratSpace
      [((1 : Rat), (0 : Rat) - linModel (K := Rat) 0 ()),
        ((1 : Rat), (2 : Rat) - linModel (K := Rat) 0 ())] lam)
  exact not_kernelMargin_dup (K := Rat) ((0 : Rat) - linModel (K := Rat) 0 ())
    ((2 : Rat) - linModel (K := Rat) 0 ())

end AxiomDL.Expressivity
