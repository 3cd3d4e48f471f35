import AxiomDL.Landscape.Basic
import AxiomDL.Landscape.Convexity
import AxiomDL.Landscape.Smoothness
import AxiomDL.Landscape.PL
import AxiomDL.Landscape.Growth
import AxiomDL.Landscape.Descent

/-!
# Relations among strong convexity, PL, quadratic growth, the error bound and the
restricted secant inequality

The implications of Karimi–Nutini–Schmidt (2016) that are purely algebraic in our setting,
each stated as a discharge:

* strong convexity ⇒ convexity; strong convexity ⇒ PL (completing the square);
* strong convexity ⇒ quadratic growth (given stationary minimisers, e.g. under smoothness);
* strong convexity ⇒ restricted secant inequality (constant `μ/2`);
* convexity + quadratic growth ⇒ restricted secant inequality (constant `μ/2`);
* restricted secant inequality ⇒ error bound (same constant);
* error bound + smoothness ⇒ PL (constant `μ²/L`).

PL ⇒ quadratic growth also holds for smooth losses, but its proof integrates along the gradient
flow and is not algebraic; it is not stated here.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section Relations

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- Discharge: μ-strong convexity with `μ ≥ 0` ⇒ convexity. -/
theorem convex_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) {μ : K}
    (hSC : StrongConvex E f g μ) (hμ : 0 ≤ μ) : Convex E f g := by
  constructor
  intro x y
  have h1 : f x + E.inner (g x) (E.sub y x) + μ / 2 * E.normSq (E.sub y x) ≤ f y :=
    hSC.lower x y
  have h2 : 0 ≤ μ / 2 * E.normSq (E.sub y x) :=
    mul_nonneg (by grind) (E.normSq_nonneg (E.sub y x))
  grind

/-- Discharge: μ-strong convexity (`μ > 0`) ⇒ μ-PL relative to any attained value `fstar`, by
completing the square: `⟪g, d⟫ + μ/2 ‖d‖² ≥ -‖g‖²/(2μ)`. -/
theorem pl_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) {μ fstar : K}
    (hSC : StrongConvex E f g μ) (hμ : 0 < μ) (hatt : ∃ xm : V, f xm = fstar) :
    PolyakLojasiewicz E f g μ fstar := by
  obtain ⟨xm, hxm⟩ := hatt
  constructor
  intro x
  have h1 : f x + E.inner (g x) (E.sub xm x) + μ / 2 * E.normSq (E.sub xm x) ≤ f xm :=
    hSC.lower x xm
  have h2 : f x + E.inner (g x) (E.sub xm x) + μ / 2 * E.normSq (E.sub xm x) ≤ fstar := by
    grind
  have h3 : μ * (f x + E.inner (g x) (E.sub xm x) + μ / 2 * E.normSq (E.sub xm x))
      ≤ μ * fstar :=
    mul_le_mul_of_nonneg_left h2 (by grind)
  have h4 : -E.normSq (g x)
      ≤ 2 * μ * E.inner (g x) (E.sub xm x) + μ * μ * E.normSq (E.sub xm x) :=
    E.neg_normSq_le_complete_square μ (g x) (E.sub xm x)
  grind

/-- Discharge: μ-strong convexity ⇒ μ-PL relative to the optimal value of a minimiser
selection. -/
theorem pl_of_strongConvex_of_projects (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ) (hμ : 0 < μ)
    (hP : ProjectsToMinimizers f fstar proj) (x0 : V) : PolyakLojasiewicz E f g μ fstar :=
  pl_of_strongConvex E f g hSC hμ ⟨proj x0, hP.attains x0⟩

/-- Discharge: μ-strong convexity ⇒ μ-quadratic growth, when the selected minimisers are
stationary. -/
theorem quadraticGrowth_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers f fstar proj) (hstat : ∀ x : V, IsStationary E g (proj x)) :
    QuadraticGrowth E f fstar proj μ := by
  constructor
  intro x
  have h1 : f (proj x) + E.inner (g (proj x)) (E.sub x (proj x))
      + μ / 2 * E.normSq (E.sub x (proj x)) ≤ f x :=
    hSC.lower (proj x) x
  have hg : g (proj x) = E.zero := hstat x
  have h2 : E.inner (g (proj x)) (E.sub x (proj x)) = 0 := by
    rw [hg]
    exact E.inner_zero_left (E.sub x (proj x))
  have h3 : f (proj x) = fstar := hP.attains x
  grind

/-- Discharge: μ-strong convexity + L-smoothness ⇒ μ-quadratic growth (smoothness makes the
minimisers stationary). -/
theorem quadraticGrowth_of_strongConvex_of_smooth (E : InnerProductSpace K V) (f : V → K)
    (g : V → V) {μ L fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hS : Smooth E f g L) (hL : 0 < L) (hP : ProjectsToMinimizers f fstar proj)
    (hB : BoundedBelow f fstar) : QuadraticGrowth E f fstar proj μ := by
  have hstat : ∀ x : V, IsStationary E g (proj x) := by
    intro x
    have hmin : IsGlobalMin f (proj x) := by
      show ∀ y : V, f (proj x) ≤ f y
      intro y
      have h1 : f (proj x) = fstar := hP.attains x
      have h2 : fstar ≤ f y := hB.lower_bound y
      grind
    exact isStationary_of_isGlobalMin_of_smooth E f g hS hL hmin
  exact quadraticGrowth_of_strongConvex E f g hSC hP hstat

/-- Discharge: μ-strong convexity ⇒ the restricted secant inequality with constant `μ/2`. -/
theorem restrictedSecant_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers f fstar proj) (hB : BoundedBelow f fstar) :
    RestrictedSecant E g proj (μ / 2) := by
  constructor
  intro x
  have h1 : f x + E.inner (g x) (E.sub (proj x) x) + μ / 2 * E.normSq (E.sub (proj x) x)
      ≤ f (proj x) :=
    hSC.lower x (proj x)
  have h2 : f (proj x) = fstar := hP.attains x
  have h3 : fstar ≤ f x := hB.lower_bound x
  have h4 : E.inner (g x) (E.sub (proj x) x) = -E.inner (g x) (E.sub x (proj x)) :=
    E.inner_sub_swap_right (g x) (proj x) x
  have h5 : E.normSq (E.sub (proj x) x) = E.normSq (E.sub x (proj x)) :=
    E.normSq_sub_comm (proj x) x
  rw [h4, h5] at h1
  grind

/-- Discharge: convexity + μ-quadratic growth ⇒ the restricted secant inequality with
constant `μ/2`. -/
theorem restrictedSecant_of_convex_of_quadraticGrowth (E : InnerProductSpace K V) (f : V → K)
    (g : V → V) {μ fstar : K} {proj : V → V} (hC : Convex E f g)
    (hQG : QuadraticGrowth E f fstar proj μ) (hP : ProjectsToMinimizers f fstar proj) :
    RestrictedSecant E g proj (μ / 2) := by
  constructor
  intro x
  have h1 : f x + E.inner (g x) (E.sub (proj x) x) ≤ f (proj x) := hC.first_order x (proj x)
  have h2 : f (proj x) = fstar := hP.attains x
  have h3 : μ / 2 * E.normSq (E.sub x (proj x)) ≤ f x - fstar := hQG.growth x
  have h4 : E.inner (g x) (E.sub (proj x) x) = -E.inner (g x) (E.sub x (proj x)) :=
    E.inner_sub_swap_right (g x) (proj x) x
  grind

/-- Discharge: the μ-restricted secant inequality (`μ > 0`) ⇒ the μ-error bound. -/
theorem errorBound_of_restrictedSecant (E : InnerProductSpace K V) (g : V → V) {μ : K}
    {proj : V → V} (hR : RestrictedSecant E g proj μ) (hμ : 0 < μ) : ErrorBound E g proj μ := by
  constructor
  intro x
  have h1 : μ * E.normSq (E.sub x (proj x)) ≤ E.inner (g x) (E.sub x (proj x)) := hR.secant x
  have h2 : 2 * μ * (μ * E.normSq (E.sub x (proj x)))
      ≤ 2 * μ * E.inner (g x) (E.sub x (proj x)) :=
    mul_le_mul_of_nonneg_left h1 (by grind)
  have h3 : -E.normSq (g x)
      ≤ 2 * (-μ) * E.inner (g x) (E.sub x (proj x))
        + (-μ) * (-μ) * E.normSq (E.sub x (proj x)) :=
    E.neg_normSq_le_complete_square (-μ) (g x) (E.sub x (proj x))
  grind

/-- Discharge: μ-strong convexity (`μ > 0`) ⇒ the error bound with constant `μ/2` (through the
restricted secant inequality). -/
theorem errorBound_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ) (hμ : 0 < μ)
    (hP : ProjectsToMinimizers f fstar proj) (hB : BoundedBelow f fstar) :
    ErrorBound E g proj (μ / 2) :=
  errorBound_of_restrictedSecant E g (restrictedSecant_of_strongConvex E f g hSC hP hB)
    (by grind)

/-- Discharge: the μ-error bound + L-smoothness ⇒ PL with constant `μ²/L`. -/
theorem pl_of_errorBound_of_smooth (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ L fstar : K} {proj : V → V} (hEB : ErrorBound E g proj μ) (hS : Smooth E f g L)
    (hL : 0 < L) (hP : ProjectsToMinimizers f fstar proj) (hB : BoundedBelow f fstar) :
    PolyakLojasiewicz E f g (μ * μ / L) fstar := by
  constructor
  intro x
  -- the selected minimiser is stationary
  have hmin : IsGlobalMin f (proj x) := by
    show ∀ y : V, f (proj x) ≤ f y
    intro y
    have h1 : f (proj x) = fstar := hP.attains x
    have h2 : fstar ≤ f y := hB.lower_bound y
    grind
  have hstat : g (proj x) = E.zero := isStationary_of_isGlobalMin_of_smooth E f g hS hL hmin
  -- smoothness at the minimiser: `f x - fstar ≤ L/2 ‖x - proj x‖²`
  have h1 : f x ≤ f (proj x) + E.inner (g (proj x)) (E.sub x (proj x))
      + L / 2 * E.normSq (E.sub x (proj x)) :=
    hS.upper (proj x) x
  have h2 : E.inner (g (proj x)) (E.sub x (proj x)) = 0 := by
    rw [hstat]
    exact E.inner_zero_left (E.sub x (proj x))
  have h3 : f (proj x) = fstar := hP.attains x
  have hup : f x - fstar ≤ L / 2 * E.normSq (E.sub x (proj x)) := by grind
  -- combine with the error bound
  have heb : μ * μ * E.normSq (E.sub x (proj x)) ≤ E.normSq (g x) := hEB.bound x
  have hmm : 0 ≤ μ * μ := mul_self_nonneg μ
  have h4 : μ * μ * (f x - fstar) ≤ μ * μ * (L / 2 * E.normSq (E.sub x (proj x))) :=
    mul_le_mul_of_nonneg_left hup hmm
  have h5 : L / 2 * (μ * μ * E.normSq (E.sub x (proj x))) ≤ L / 2 * E.normSq (g x) :=
    mul_le_mul_of_nonneg_left heb (by grind)
  have hk : μ * μ * (f x - fstar) ≤ L * (E.normSq (g x) / 2) := by grind
  -- divide by `L`
  have hinvpos : 0 < 1 / L := one_div_pos hL
  have hinv : L * (1 / L) = 1 := mul_one_div_cancel (by grind)
  have h6 : 1 / L * (μ * μ * (f x - fstar)) ≤ 1 / L * (L * (E.normSq (g x) / 2)) :=
    mul_le_mul_of_nonneg_left hk (by grind)
  have hdiv : μ * μ / L = μ * μ * (1 / L) := div_eq_mul_one_div (μ * μ) L
  have e1 : 1 / L * (L * (E.normSq (g x) / 2)) = E.normSq (g x) / 2 := by
    have e1' : 1 / L * (L * (E.normSq (g x) / 2)) = L * (1 / L) * (E.normSq (g x) / 2) := by
      grind
    rw [e1', hinv]
    grind
  have e2 : μ * μ / L * (f x - fstar) = 1 / L * (μ * μ * (f x - fstar)) := by
    rw [hdiv]
    grind
  calc μ * μ / L * (f x - fstar) = 1 / L * (μ * μ * (f x - fstar)) := e2
    _ ≤ 1 / L * (L * (E.normSq (g x) / 2)) := h6
    _ = E.normSq (g x) / 2 := e1

end Relations

end AxiomDL
