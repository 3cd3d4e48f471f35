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

* a nearest-point minimiser selection ⇒ a lower bound;
* strong convexity ⇒ convexity; strong convexity ⇒ PL (completing the square);
* strong convexity ⇒ quadratic growth (given stationary minimisers, e.g. under smoothness);
* strong convexity ⇒ restricted secant inequality (constant `μ/2`, where the literature has `μ`);
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

/-- Discharge: a nearest-point minimiser selection makes its optimal value a lower bound. -/
theorem boundedBelow_of_projects (E : InnerProductSpace K V) {f : V → K} {fstar : K}
    {proj : V → V} (hP : ProjectsToMinimizers E f fstar proj) : BoundedBelow f fstar :=
  ⟨hP.optimal⟩

/-- The selected points of a minimiser selection are global minimisers. -/
theorem isGlobalMin_of_projects (E : InnerProductSpace K V) {f : V → K} {fstar : K}
    {proj : V → V} (hP : ProjectsToMinimizers E f fstar proj) (x : V) :
    IsGlobalMin f (proj x) := by
  show ∀ y : V, f (proj x) ≤ f y
  intro y
  have h1 : f (proj x) = fstar := hP.attains x
  have h2 : fstar ≤ f y := hP.optimal y
  grind

/-- Discharge: μ-strong convexity ⇒ convexity. -/
theorem convex_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) {μ : K}
    (hSC : StrongConvex E f g μ) : Convex E f g := by
  constructor
  intro x y
  have h1 : f x + E.inner (g x) (E.sub y x) + μ / 2 * E.normSq (E.sub y x) ≤ f y :=
    hSC.lower x y
  have hμ : 0 < μ := hSC.pos
  have h2 : 0 ≤ μ / 2 * E.normSq (E.sub y x) :=
    mul_nonneg (by grind) (E.normSq_nonneg (E.sub y x))
  grind

/-- Discharge: μ-strong convexity ⇒ μ-PL relative to any attained value `fstar`, by
completing the square: `⟪g, d⟫ + μ/2 ‖d‖² ≥ -‖g‖²/(2μ)`. -/
theorem pl_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V) {μ fstar : K}
    (hSC : StrongConvex E f g μ) (hatt : ∃ xm : V, f xm = fstar) :
    PolyakLojasiewicz E f g μ fstar := by
  obtain ⟨xm, hxm⟩ := hatt
  have hμ : 0 < μ := hSC.pos
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
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers E f fstar proj) (x0 : V) : PolyakLojasiewicz E f g μ fstar :=
  pl_of_strongConvex E f g hSC ⟨proj x0, hP.attains x0⟩

/-- Discharge: μ-strong convexity ⇒ μ-quadratic growth, when the selected minimisers are
stationary. -/
theorem quadraticGrowth_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers E f fstar proj) (hstat : ∀ x : V, IsStationary E g (proj x)) :
    QuadraticGrowth E f fstar proj μ := by
  refine { projects := hP, pos := hSC.pos, growth := ?_ }
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
    (hS : Smooth E f g L) (hP : ProjectsToMinimizers E f fstar proj) :
    QuadraticGrowth E f fstar proj μ := by
  have hstat : ∀ x : V, IsStationary E g (proj x) := fun x =>
    isStationary_of_isGlobalMin_of_smooth E f g hS hS.pos (isGlobalMin_of_projects E hP x)
  exact quadraticGrowth_of_strongConvex E f g hSC hP hstat

/-- Discharge: μ-strong convexity ⇒ the restricted secant inequality with constant `μ/2` (the
literature gets `μ` by adding the quadratic lower bound at `proj x`, where the gradient vanishes;
this proof uses the bound at `x` only and loses a factor `2`). -/
theorem restrictedSecant_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers E f fstar proj) :
    RestrictedSecant E f g fstar proj (μ / 2) := by
  have hμ : 0 < μ := hSC.pos
  refine { projects := hP, pos := by grind, secant := ?_ }
  intro x
  have h1 : f x + E.inner (g x) (E.sub (proj x) x) + μ / 2 * E.normSq (E.sub (proj x) x)
      ≤ f (proj x) :=
    hSC.lower x (proj x)
  have h2 : f (proj x) = fstar := hP.attains x
  have h3 : fstar ≤ f x := hP.optimal x
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
    (hQG : QuadraticGrowth E f fstar proj μ) : RestrictedSecant E f g fstar proj (μ / 2) := by
  have hμ : 0 < μ := hQG.pos
  have hP : ProjectsToMinimizers E f fstar proj := hQG.projects
  refine { projects := hP, pos := by grind, secant := ?_ }
  intro x
  have h1 : f x + E.inner (g x) (E.sub (proj x) x) ≤ f (proj x) := hC.first_order x (proj x)
  have h2 : f (proj x) = fstar := hP.attains x
  have h3 : μ / 2 * E.normSq (E.sub x (proj x)) ≤ f x - fstar := hQG.growth x
  have h4 : E.inner (g x) (E.sub (proj x) x) = -E.inner (g x) (E.sub x (proj x)) :=
    E.inner_sub_swap_right (g x) (proj x) x
  grind

/-- Discharge: the μ-restricted secant inequality ⇒ the μ-error bound. -/
theorem errorBound_of_restrictedSecant (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hR : RestrictedSecant E f g fstar proj μ) :
    ErrorBound E f g fstar proj μ := by
  have hμ : 0 < μ := hR.pos
  refine { projects := hR.projects, pos := hμ, bound := ?_ }
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

/-- Discharge: μ-strong convexity ⇒ the error bound with constant `μ/2` (through the
restricted secant inequality; the literature gets the constant `μ`). -/
theorem errorBound_of_strongConvex (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hSC : StrongConvex E f g μ)
    (hP : ProjectsToMinimizers E f fstar proj) : ErrorBound E f g fstar proj (μ / 2) :=
  errorBound_of_restrictedSecant E f g (restrictedSecant_of_strongConvex E f g hSC hP)

/-- Discharge: the μ-error bound + L-smoothness ⇒ PL with constant `μ²/L` (positive). -/
theorem pl_of_errorBound_of_smooth (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ L fstar : K} {proj : V → V} (hEB : ErrorBound E f g fstar proj μ) (hS : Smooth E f g L) :
    PolyakLojasiewicz E f g (μ * μ / L) fstar := by
  have hL : 0 < L := hS.pos
  have hP : ProjectsToMinimizers E f fstar proj := hEB.projects
  constructor
  intro x
  -- the selected minimiser is stationary
  have hstat : g (proj x) = E.zero :=
    isStationary_of_isGlobalMin_of_smooth E f g hS hL (isGlobalMin_of_projects E hP x)
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

/-- The PL constant `μ²/L` produced by `pl_of_errorBound_of_smooth` is positive. -/
theorem errorBound_pl_constant_pos {μ L : K} (hμ : 0 < μ) (hL : 0 < L) : 0 < μ * μ / L := by
  have h1 : 0 < μ * μ := mul_pos hμ hμ
  have h2 : 0 < 1 / L := one_div_pos hL
  have h3 : μ * μ / L = μ * μ * (1 / L) := div_eq_mul_one_div (μ * μ) L
  rw [h3]
  exact mul_pos h1 h2

end Relations

end AxiomDL
