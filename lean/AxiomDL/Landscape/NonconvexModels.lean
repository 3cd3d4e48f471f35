import AxiomDL.Landscape.QuarticModels

/-!
# Separating models on the line: three nonconvex quartics

Three quartic losses on `selfSpace`, each with its exact derivative as gradient oracle and the
unique global minimiser `0` (optimal value `0`), scaled so that the points where they misbehave
are integers:

* `plQuartic t = t² (t² - 12t + 45)`, gradient `2t (2t² - 18t + 45)`: the gradient has the sign
  of `t` and `|g t| ≥ 9 |t|`, so the loss is `2`-PL, `9`-restricted secant, `9`-error bound and
  `18`-quadratic growth; but the gradient decreases on `[3, 4]` (`g 3 = 54 > 40 = g 4`), so the
  loss is not convex, and `f 4 - 4 g 4 = 48 > 0 = f 0` breaks star convexity towards `0`.
  (Karimi–Nutini–Schmidt's PL-but-not-convex example is `x² + 3 sin² x`; this is a polynomial
  analogue, not globally smooth.)
* `starQuartic t = t² (3t² - 42t + 216)`, gradient `6t (2t² - 21t + 72)`: star convex towards
  `0` (`t g t - f t = 3t² (3t² - 28t + 72) ≥ 0`), but the gradient decreases on `[3, 4]`
  (`g 3 = 486 > 480 = g 4`), so it is not convex.
* `qgQuartic t = t² (t² - 16t + 70)`, gradient `4t (t - 5)(t - 7)`: `12`-quadratic growth around
  `0`, but `t = 5` is a stationary point with loss `375 > 0` (a spurious local maximum next to
  the spurious local minimum `t = 7`), so it is not PL, has no error bound or restricted secant
  inequality, is not benign, not star convex and not convex.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section PLQuartic

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The PL-but-not-convex quartic `t² (t² - 12t + 45)`. -/
def plQuartic (t : K) : K :=
  t * t * (t * t - 12 * t + 45)

/-- Its gradient `2t (2t² - 18t + 45)`. -/
def plQuarticGrad (t : K) : K :=
  2 * t * (2 * (t * t) - 18 * t + 45)

/-- `t² - 12t + 45 = (t - 6)² + 9 ≥ 9`. -/
theorem plQuartic_factor_ge (t : K) : 9 ≤ t * t - 12 * t + 45 := by
  have h : 0 ≤ (t - 6) * (t - 6) := mul_self_nonneg (t - 6)
  grind

/-- `2t² - 18t + 45 = 2 (t - 9/2)² + 9/2 ≥ 9/2`. -/
theorem plQuarticGrad_factor_ge (t : K) : 9 / 2 ≤ 2 * (t * t) - 18 * t + 45 := by
  have h : 0 ≤ (t - 9 / 2) * (t - 9 / 2) := mul_self_nonneg (t - 9 / 2)
  grind

/-- The PL quartic is nonnegative. -/
theorem plQuartic_nonneg (t : K) : 0 ≤ plQuartic t :=
  mul_nonneg (mul_self_nonneg t) (by have h := plQuartic_factor_ge t; grind)

/-- The PL quartic vanishes at `0`. -/
theorem plQuartic_zero : plQuartic (0 : K) = 0 := by
  show (0 : K) * 0 * (0 * 0 - 12 * 0 + 45) = 0
  grind

/-- The PL quartic vanishes only at `0`. -/
theorem plQuartic_eq_zero (t : K) (h : plQuartic t = 0) : t = 0 :=
  eq_zero_of_mul_self_mul_eq_zero (by have h9 := plQuartic_factor_ge t; grind) h

/-- `fun _ => 0` is the nearest-point minimiser selection of the PL quartic. -/
theorem plQuartic_projects :
    ProjectsToMinimizers (selfSpace (K := K)) plQuartic 0 (fun _ => 0) :=
  projects_zero_of_unique_zero plQuartic_nonneg plQuartic_zero plQuartic_eq_zero

/-- The PL quartic is `2`-PL relative to its optimal value `0`: with `q = 2t² - 18t + 45 ≥ 9/2`
and `r = t² - 12t + 45`, `2 r ≤ 9 q ≤ 2 q²`, times `t²`. -/
theorem plQuartic_pl : PolyakLojasiewicz (selfSpace (K := K)) plQuartic plQuarticGrad 2 0 := by
  constructor
  intro t
  show 2 * (t * t * (t * t - 12 * t + 45) - 0)
      ≤ 2 * t * (2 * (t * t) - 18 * t + 45) * (2 * t * (2 * (t * t) - 18 * t + 45)) / 2
  have hq : 9 / 2 ≤ 2 * (t * t) - 18 * t + 45 := plQuarticGrad_factor_ge t
  have hqq : (2 * (t * t) - 18 * t + 45) * (9 / 2)
      ≤ (2 * (t * t) - 18 * t + 45) * (2 * (t * t) - 18 * t + 45) :=
    mul_le_mul_of_nonneg_left hq (by grind)
  have hs : 0 ≤ (t - 69 / 16) * (t - 69 / 16) := mul_self_nonneg (t - 69 / 16)
  -- `2r ≤ 9q` (`9q - 2r = 16 (t - 69/16)² + 279/16`), then `9q ≤ 2q²` from `hqq`
  have hlin : 2 * (t * t - 12 * t + 45) ≤ 9 * (2 * (t * t) - 18 * t + 45) := by grind
  have key : 2 * (t * t - 12 * t + 45)
      ≤ 2 * ((2 * (t * t) - 18 * t + 45) * (2 * (t * t) - 18 * t + 45)) := by grind
  have hm : t * t * (2 * (t * t - 12 * t + 45))
      ≤ t * t * (2 * ((2 * (t * t) - 18 * t + 45) * (2 * (t * t) - 18 * t + 45))) :=
    mul_le_mul_of_nonneg_left key (mul_self_nonneg t)
  -- the last step with `t`, `r`, `q` as atoms: the goal is `hm` halved
  have scale : ∀ s r q : K, s * s * (2 * r) ≤ s * s * (2 * (q * q)) →
      2 * (s * s * r - 0) ≤ 2 * s * q * (2 * s * q) / 2 := fun _ _ _ _ => by grind
  exact scale t (t * t - 12 * t + 45) (2 * (t * t) - 18 * t + 45) hm

/-- The PL quartic is `2`-PL* on the whole line (PL with optimal value `0`). -/
theorem plQuartic_plStarOn :
    PLStarOn (selfSpace (K := K)) plQuartic plQuarticGrad 2 (fun _ => True) := by
  refine ⟨by grind, ⟨0, trivial⟩, ?_⟩
  intro t _
  have h : 2 * (plQuartic t - 0) ≤ (selfSpace (K := K)).normSq (plQuarticGrad t) / 2 :=
    plQuartic_pl.pl t
  have e : 2 * (plQuartic t - 0) = 2 * plQuartic t := by grind
  rw [e] at h
  exact h

/-- The PL quartic satisfies the `9`-restricted secant inequality towards `0`:
`t g t = 2t² q ≥ 9t²`. -/
theorem plQuartic_restrictedSecant :
    RestrictedSecant (selfSpace (K := K)) plQuartic plQuarticGrad 0 (fun _ => 0) 9 := by
  refine { projects := plQuartic_projects, pos := by grind, secant := ?_ }
  intro t
  show 9 * ((t - 0) * (t - 0)) ≤ 2 * t * (2 * (t * t) - 18 * t + 45) * (t - 0)
  have hq : 9 / 2 ≤ 2 * (t * t) - 18 * t + 45 := plQuarticGrad_factor_ge t
  have hm : t * t * (9 / 2) ≤ t * t * (2 * (t * t) - 18 * t + 45) :=
    mul_le_mul_of_nonneg_left hq (mul_self_nonneg t)
  grind

/-- The PL quartic has the `9`-error bound towards `0` (from the restricted secant inequality). -/
theorem plQuartic_errorBound :
    ErrorBound (selfSpace (K := K)) plQuartic plQuarticGrad 0 (fun _ => 0) 9 :=
  errorBound_of_restrictedSecant selfSpace plQuartic plQuarticGrad plQuartic_restrictedSecant

/-- The PL quartic has `18`-quadratic growth around `0`: `9 t² ≤ t² r` with `r ≥ 9`. -/
theorem plQuartic_quadraticGrowth :
    QuadraticGrowth (selfSpace (K := K)) plQuartic 0 (fun _ => 0) 18 := by
  refine { projects := plQuartic_projects, pos := by grind, growth := ?_ }
  intro t
  show 18 / 2 * ((t - 0) * (t - 0)) ≤ t * t * (t * t - 12 * t + 45) - 0
  have hr : 9 ≤ t * t - 12 * t + 45 := plQuartic_factor_ge t
  have hm : t * t * 9 ≤ t * t * (t * t - 12 * t + 45) :=
    mul_le_mul_of_nonneg_left hr (mul_self_nonneg t)
  grind

/-- The PL quartic's landscape is benign (it is PL with a positive constant and bounded below). -/
theorem plQuartic_benign : BenignLandscape (selfSpace (K := K)) plQuartic plQuarticGrad :=
  benignLandscape_of_pl selfSpace plQuartic plQuarticGrad plQuartic_pl
    ⟨plQuartic_nonneg⟩ (by grind)

/-- The PL quartic interpolates. -/
theorem plQuartic_interpolation : Interpolation (plQuartic (K := K)) :=
  ⟨plQuartic_nonneg, ⟨0, plQuartic_zero⟩⟩

/-- The PL quartic is not convex: convexity at `3` and `4` would give `g 3 ≤ g 4`, but
`g 3 = 54 > 40 = g 4`. -/
theorem plQuartic_not_convex : ¬ Convex (selfSpace (K := K)) plQuartic plQuarticGrad := by
  intro hC
  have h1 : plQuartic (3 : K) + plQuarticGrad 3 * (4 - 3) ≤ plQuartic 4 := hC.first_order 3 4
  have h2 : plQuartic (4 : K) + plQuarticGrad 4 * (3 - 4) ≤ plQuartic 3 := hC.first_order 4 3
  have e1 : plQuarticGrad (3 : K) = 54 := by
    show 2 * 3 * (2 * (3 * 3) - 18 * 3 + 45) = (54 : K)
    grind
  have e2 : plQuarticGrad (4 : K) = 40 := by
    show 2 * 4 * (2 * (4 * 4) - 18 * 4 + 45) = (40 : K)
    grind
  rw [e1] at h1
  rw [e2] at h2
  grind

/-- The PL quartic is not star convex towards any point: the centre would be a global
minimiser, hence `0`, and then `f 4 + g 4 (0 - 4) = 48 > 0 = f 0`. -/
theorem plQuartic_not_starConvex :
    ¬ ∃ xstar : K, StarConvex (selfSpace (K := K)) plQuartic plQuarticGrad xstar := by
  intro hex
  obtain ⟨xstar, hS⟩ := hex
  have hmin : plQuartic xstar ≤ plQuartic 0 := hS.minimiser 0
  have hz : plQuartic xstar = 0 := by
    have h0 : plQuartic (0 : K) = 0 := plQuartic_zero
    have hn : 0 ≤ plQuartic xstar := plQuartic_nonneg xstar
    grind
  have hx : xstar = 0 := plQuartic_eq_zero xstar hz
  subst hx
  have h : 4 * 4 * (4 * 4 - 12 * 4 + 45) + 2 * 4 * (2 * (4 * 4) - 18 * 4 + 45) * (0 - 4)
      ≤ (0 : K) * 0 * (0 * 0 - 12 * 0 + 45) :=
    hS.star 4
  grind

/-- The PL quartic is not smooth: at `0` the bound `y² ((y - 6)² + 9) ≤ L/2 y²` fails at
`y = L + 6`. -/
theorem plQuartic_not_smooth :
    ¬ ∃ L : K, Smooth (selfSpace (K := K)) plQuartic plQuarticGrad L := by
  intro hex
  obtain ⟨L, hS⟩ := hex
  have hL : 0 < L := hS.pos
  have h : (L + 6) * (L + 6) * ((L + 6) * (L + 6) - 12 * (L + 6) + 45)
      ≤ 0 * 0 * (0 * 0 - 12 * 0 + 45) + 2 * 0 * (2 * (0 * 0) - 18 * 0 + 45) * ((L + 6) - 0)
        + L / 2 * (((L + 6) - 0) * ((L + 6) - 0)) :=
    hS.upper 0 (L + 6)
  have hy : 0 < (L + 6) * (L + 6) := mul_pos (by grind) (by grind)
  have hq : 0 < L * L - L / 2 + 9 := by
    have hsq : 0 ≤ (L - 1 / 4) * (L - 1 / 4) := mul_self_nonneg (L - 1 / 4)
    grind
  have hp : 0 < (L + 6) * (L + 6) * (L * L - L / 2 + 9) := mul_pos hy hq
  grind

/-- The PL quartic is not strongly convex (it would be convex). -/
theorem plQuartic_not_strongConvex :
    ¬ ∃ μ : K, StrongConvex (selfSpace (K := K)) plQuartic plQuarticGrad μ := by
  intro hex
  obtain ⟨μ, hSC⟩ := hex
  exact plQuartic_not_convex (convex_of_strongConvex selfSpace plQuartic plQuarticGrad hSC)

end PLQuartic

section StarQuartic

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The star-convex-but-not-convex quartic `t² (3t² - 42t + 216)`. -/
def starQuartic (t : K) : K :=
  t * t * (3 * (t * t) - 42 * t + 216)

/-- Its gradient `6t (2t² - 21t + 72)`. -/
def starQuarticGrad (t : K) : K :=
  6 * t * (2 * (t * t) - 21 * t + 72)

/-- The star quartic is star convex towards its global minimiser `0`:
`f t + g t (0 - t) = -3t² (3t² - 28t + 72) ≤ 0 = f 0`. -/
theorem starQuartic_starConvex : StarConvex (selfSpace (K := K)) starQuartic starQuarticGrad 0 := by
  constructor
  · show ∀ y : K,
      (0 : K) * 0 * (3 * (0 * 0) - 42 * 0 + 216) ≤ y * y * (3 * (y * y) - 42 * y + 216)
    intro y
    have h1 : 0 ≤ (y - 7) * (y - 7) := mul_self_nonneg (y - 7)
    have h2 : 0 ≤ y * y * (3 * (y * y) - 42 * y + 216) :=
      mul_nonneg (mul_self_nonneg y) (by grind)
    grind
  · intro t
    show t * t * (3 * (t * t) - 42 * t + 216) + 6 * t * (2 * (t * t) - 21 * t + 72) * (0 - t)
      ≤ (0 : K) * 0 * (3 * (0 * 0) - 42 * 0 + 216)
    have h1 : 0 ≤ (t - 14 / 3) * (t - 14 / 3) := mul_self_nonneg (t - 14 / 3)
    have h2 : 0 ≤ t * t * (3 * (t * t) - 28 * t + 72) := mul_nonneg (mul_self_nonneg t) (by grind)
    grind

/-- The star quartic is not convex: convexity at `3` and `4` would give `g 3 ≤ g 4`, but
`g 3 = 486 > 480 = g 4`. -/
theorem starQuartic_not_convex : ¬ Convex (selfSpace (K := K)) starQuartic starQuarticGrad := by
  intro hC
  have h1 : starQuartic (3 : K) + starQuarticGrad 3 * (4 - 3) ≤ starQuartic 4 :=
    hC.first_order 3 4
  have h2 : starQuartic (4 : K) + starQuarticGrad 4 * (3 - 4) ≤ starQuartic 3 :=
    hC.first_order 4 3
  have e1 : starQuarticGrad (3 : K) = 486 := by
    show 6 * 3 * (2 * (3 * 3) - 21 * 3 + 72) = (486 : K)
    grind
  have e2 : starQuarticGrad (4 : K) = 480 := by
    show 6 * 4 * (2 * (4 * 4) - 21 * 4 + 72) = (480 : K)
    grind
  rw [e1] at h1
  rw [e2] at h2
  grind

/-- The star quartic is not strongly convex (it would be convex). -/
theorem starQuartic_not_strongConvex :
    ¬ ∃ μ : K, StrongConvex (selfSpace (K := K)) starQuartic starQuarticGrad μ := by
  intro hex
  obtain ⟨μ, hSC⟩ := hex
  exact starQuartic_not_convex (convex_of_strongConvex selfSpace starQuartic starQuarticGrad hSC)

end StarQuartic

section QGQuartic

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The quadratic-growth-but-not-PL quartic `t² (t² - 16t + 70)`. -/
def qgQuartic (t : K) : K :=
  t * t * (t * t - 16 * t + 70)

/-- Its gradient `4t (t² - 12t + 35) = 4t (t - 5)(t - 7)`. -/
def qgQuarticGrad (t : K) : K :=
  4 * t * (t * t - 12 * t + 35)

/-- `t² - 16t + 70 = (t - 8)² + 6 ≥ 6`. -/
theorem qgQuartic_factor_ge (t : K) : 6 ≤ t * t - 16 * t + 70 := by
  have h : 0 ≤ (t - 8) * (t - 8) := mul_self_nonneg (t - 8)
  grind

/-- The QG quartic is nonnegative. -/
theorem qgQuartic_nonneg (t : K) : 0 ≤ qgQuartic t :=
  mul_nonneg (mul_self_nonneg t) (by have h := qgQuartic_factor_ge t; grind)

/-- The QG quartic vanishes at `0`. -/
theorem qgQuartic_zero : qgQuartic (0 : K) = 0 := by
  show (0 : K) * 0 * (0 * 0 - 16 * 0 + 70) = 0
  grind

/-- The QG quartic vanishes only at `0`. -/
theorem qgQuartic_eq_zero (t : K) (h : qgQuartic t = 0) : t = 0 :=
  eq_zero_of_mul_self_mul_eq_zero (by have h6 := qgQuartic_factor_ge t; grind) h

/-- `fun _ => 0` is the nearest-point minimiser selection of the QG quartic. -/
theorem qgQuartic_projects :
    ProjectsToMinimizers (selfSpace (K := K)) qgQuartic 0 (fun _ => 0) :=
  projects_zero_of_unique_zero qgQuartic_nonneg qgQuartic_zero qgQuartic_eq_zero

/-- The QG quartic has `12`-quadratic growth around `0`: `6 t² ≤ t² r` with `r ≥ 6`. -/
theorem qgQuartic_quadraticGrowth :
    QuadraticGrowth (selfSpace (K := K)) qgQuartic 0 (fun _ => 0) 12 := by
  refine { projects := qgQuartic_projects, pos := by grind, growth := ?_ }
  intro t
  show 12 / 2 * ((t - 0) * (t - 0)) ≤ t * t * (t * t - 16 * t + 70) - 0
  have hr : 6 ≤ t * t - 16 * t + 70 := qgQuartic_factor_ge t
  have hm : t * t * 6 ≤ t * t * (t * t - 16 * t + 70) :=
    mul_le_mul_of_nonneg_left hr (mul_self_nonneg t)
  grind

/-- The QG quartic interpolates. -/
theorem qgQuartic_interpolation : Interpolation (qgQuartic (K := K)) :=
  ⟨qgQuartic_nonneg, ⟨0, qgQuartic_zero⟩⟩

/-- `5` is a stationary point of the QG quartic. -/
theorem qgQuartic_stationary_five :
    IsStationary (selfSpace (K := K)) qgQuarticGrad 5 := by
  show 4 * 5 * (5 * 5 - 12 * 5 + 35) = (0 : K)
  grind

/-- The stationary point `5` has loss `375`. -/
theorem qgQuartic_five : qgQuartic (5 : K) = 375 := by
  show 5 * 5 * (5 * 5 - 16 * 5 + 70) = (375 : K)
  grind

/-- The QG quartic's landscape is not benign: the stationary point `5` is not a minimiser. -/
theorem qgQuartic_not_benign : ¬ BenignLandscape (selfSpace (K := K)) qgQuartic qgQuarticGrad := by
  intro hB
  have hmin : IsGlobalMin qgQuartic (5 : K) :=
    hB.stationary_global 5 qgQuartic_stationary_five
  have h : qgQuartic (5 : K) ≤ qgQuartic 0 := hmin 0
  have h5 : qgQuartic (5 : K) = 375 := qgQuartic_five
  have h0 : qgQuartic (0 : K) = 0 := qgQuartic_zero
  grind

/-- The QG quartic is not PL relative to its optimal value `0`: at the stationary point `5`,
`μ · 375 ≤ 0` forces `μ ≤ 0`. -/
theorem qgQuartic_not_pl (μ : K) (hμ : 0 < μ) :
    ¬ PolyakLojasiewicz (selfSpace (K := K)) qgQuartic qgQuarticGrad μ 0 := by
  intro hPL
  have h : μ * (5 * 5 * (5 * 5 - 16 * 5 + 70) - 0)
      ≤ 4 * 5 * (5 * 5 - 12 * 5 + 35) * (4 * 5 * (5 * 5 - 12 * 5 + 35)) / 2 :=
    hPL.pl 5
  grind

/-- The QG quartic has no error bound, for any selection and constant: at the stationary point
`5` the bound reads `μ² · 25 ≤ 0`. -/
theorem qgQuartic_not_errorBound :
    ¬ ∃ (fstar : K) (proj : K → K) (μ : K),
      ErrorBound (selfSpace (K := K)) qgQuartic qgQuarticGrad fstar proj μ := by
  intro hex
  obtain ⟨fstar, proj, μ, hE⟩ := hex
  have hμ : 0 < μ := hE.pos
  obtain ⟨_, hp⟩ :=
    projects_eq_zero_of_unique_zero qgQuartic_nonneg qgQuartic_zero qgQuartic_eq_zero
      hE.projects 5
  have hb : μ * μ * ((5 - proj 5) * (5 - proj 5))
      ≤ 4 * 5 * (5 * 5 - 12 * 5 + 35) * (4 * 5 * (5 * 5 - 12 * 5 + 35)) :=
    hE.bound 5
  rw [hp] at hb
  have hmm : 0 < μ * μ := mul_pos hμ hμ
  grind

/-- The QG quartic is not star convex towards any point: at the stationary point `5`,
`f 5 ≤ f xstar ≤ f 0 = 0` contradicts `f 5 = 375`. -/
theorem qgQuartic_not_starConvex :
    ¬ ∃ xstar : K, StarConvex (selfSpace (K := K)) qgQuartic qgQuarticGrad xstar := by
  intro hex
  obtain ⟨xstar, hS⟩ := hex
  exact qgQuartic_not_benign (benignLandscape_of_starConvex selfSpace qgQuartic qgQuarticGrad hS)

/-- The QG quartic is bounded below by its optimal value `0`. -/
theorem qgQuartic_boundedBelow : BoundedBelow (qgQuartic (K := K)) 0 :=
  ⟨qgQuartic_nonneg⟩

/-- The QG quartic has no restricted secant inequality (it would give an error bound). -/
theorem qgQuartic_not_restrictedSecant :
    ¬ ∃ (fstar : K) (proj : K → K) (μ : K),
      RestrictedSecant (selfSpace (K := K)) qgQuartic qgQuarticGrad fstar proj μ := by
  intro hex
  obtain ⟨fstar, proj, μ, hR⟩ := hex
  exact qgQuartic_not_errorBound
    ⟨fstar, proj, μ, errorBound_of_restrictedSecant selfSpace qgQuartic qgQuarticGrad hR⟩

/-- The QG quartic is not convex (its landscape would be benign). -/
theorem qgQuartic_not_convex : ¬ Convex (selfSpace (K := K)) qgQuartic qgQuarticGrad := by
  intro hC
  exact qgQuartic_not_benign (benignLandscape_of_convex selfSpace qgQuartic qgQuarticGrad hC)

/-- The QG quartic is not strongly convex (it would be convex). -/
theorem qgQuartic_not_strongConvex :
    ¬ ∃ μ : K, StrongConvex (selfSpace (K := K)) qgQuartic qgQuarticGrad μ := by
  intro hex
  obtain ⟨μ, hSC⟩ := hex
  exact qgQuartic_not_convex (convex_of_strongConvex selfSpace qgQuartic qgQuarticGrad hSC)

end QGQuartic

end AxiomDL
