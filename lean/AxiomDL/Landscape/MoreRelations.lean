import AxiomDL.Landscape.Relations
import AxiomDL.Landscape.Stationarity

/-!
# More relations of the Karimi–Nutini–Schmidt hierarchy

Implications that `Landscape.Relations` and `Landscape.Stationarity` leave implicit, stated as
discharges so that the lattice of assumptions sees them:

* the error bound ⇒ benign landscape (at a stationary point the error bound forces the distance
  to the solution set to vanish; Karimi–Nutini–Schmidt 2016, §2, use this to show that EB, like
  PL, makes every stationary point a global minimiser);
* each growth condition ⇒ its nearest-point minimiser selection (the selection is a field of
  quadratic growth, the error bound and the restricted secant inequality).

The converses fail; the separations are in `Landscape.Separations`.
-/

set_option autoImplicit false

universe u v

namespace AxiomDL

section MoreRelations

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K] {V : Type v}

/-- At a stationary point `x` the μ-error bound forces `x = proj x`. -/
theorem eq_proj_of_errorBound_of_isStationary (E : InnerProductSpace K V) {f : V → K}
    {g : V → V} {μ fstar : K} {proj : V → V} (hEB : ErrorBound E f g fstar proj μ) {x : V}
    (hx : IsStationary E g x) : x = proj x := by
  have hμ : 0 < μ := hEB.pos
  have hN : E.normSq (g x) = 0 := normSq_eq_zero_of_isStationary E g hx
  have h1 : μ * μ * E.normSq (E.sub x (proj x)) ≤ E.normSq (g x) := hEB.bound x
  have h2 : 0 ≤ E.normSq (E.sub x (proj x)) := E.normSq_nonneg (E.sub x (proj x))
  have hmm : 0 < μ * μ := mul_pos hμ hμ
  have h3 : μ * μ * E.normSq (E.sub x (proj x)) ≤ 0 := by grind
  have h4 : E.normSq (E.sub x (proj x)) ≤ 0 := nonpos_of_mul_nonpos_left h3 hmm
  have h5 : E.normSq (E.sub x (proj x)) = 0 := by grind
  have h6 : E.sub x (proj x) = E.zero := E.eq_zero_of_normSq_eq_zero h5
  have h7 : E.add (E.sub x (proj x)) (proj x) = x := E.sub_add_cancel x (proj x)
  rw [h6, E.zero_add] at h7
  exact h7.symm

/-- Discharge: the μ-error bound ⇒ benign landscape: every stationary point is its own selected
minimiser, hence a global minimiser. -/
theorem benignLandscape_of_errorBound (E : InnerProductSpace K V) (f : V → K) (g : V → V)
    {μ fstar : K} {proj : V → V} (hEB : ErrorBound E f g fstar proj μ) :
    BenignLandscape E f g := by
  constructor
  intro x hx
  have hxp : x = proj x := eq_proj_of_errorBound_of_isStationary E hEB hx
  have hmin : IsGlobalMin f (proj x) := isGlobalMin_of_projects E hEB.projects x
  rw [hxp]
  exact hmin

/-- Discharge: μ-quadratic growth ⇒ its nearest-point minimiser selection. -/
theorem projectsToMinimizers_of_quadraticGrowth (E : InnerProductSpace K V) {f : V → K}
    {fstar μ : K} {proj : V → V} (hQG : QuadraticGrowth E f fstar proj μ) :
    ProjectsToMinimizers E f fstar proj :=
  hQG.projects

/-- Discharge: the μ-error bound ⇒ its nearest-point minimiser selection. -/
theorem projectsToMinimizers_of_errorBound (E : InnerProductSpace K V) {f : V → K} {g : V → V}
    {fstar μ : K} {proj : V → V} (hEB : ErrorBound E f g fstar proj μ) :
    ProjectsToMinimizers E f fstar proj :=
  hEB.projects

/-- Discharge: the μ-restricted secant inequality ⇒ its nearest-point minimiser selection. -/
theorem projectsToMinimizers_of_restrictedSecant (E : InnerProductSpace K V) {f : V → K}
    {g : V → V} {fstar μ : K} {proj : V → V} (hR : RestrictedSecant E f g fstar proj μ) :
    ProjectsToMinimizers E f fstar proj :=
  hR.projects

end MoreRelations

end AxiomDL
