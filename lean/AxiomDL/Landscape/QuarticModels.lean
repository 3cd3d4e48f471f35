import AxiomDL.Landscape.MoreRelations
import AxiomDL.Landscape.Witnesses

/-!
# Separating models on the line: convex quartics, a noise floor and a plateau

Concrete 1-D losses (on `selfSpace`, with their exact derivatives as gradient oracles) that
separate landscape assumptions; the separations themselves are stated over `Rat` in
`Landscape.Separations`.

* `quartLoss x = x⁴` (gradient `4x³`): convex, star convex and interpolating with the unique
  minimiser `0`, but so flat there that it has no PL constant, no quadratic growth, no error
  bound (hence no restricted secant inequality and no strong convexity), and it is not smooth.
* `scQuartic x = x² + x⁴` (gradient `2x + 4x³`): `2`-strongly convex but not smooth.
* `noisyLoss x = 1 + x²` (gradient `2x`): a noise floor `f* = 1`. It is `2`-PL relative to its
  optimal value `1`, strongly convex and smooth, but it does not interpolate and no region
  containing its minimiser carries a PL* inequality.
* `plateauLoss x = 1 / (1 + x²)`: bounded below by `0`, which it approaches but never attains
  (like the logistic loss on separable data), so it has no minimiser at all.

The helpers at the top handle 1-D losses `f ≥ 0` that vanish exactly at `0`: then `0` is the
only minimiser, and every minimiser selection is `fun _ => 0` with optimal value `0`.
-/

set_option autoImplicit false

universe u

namespace AxiomDL

section LineHelpers

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- A product `y² r` with `r > 0` vanishes only at `y = 0`. -/
theorem eq_zero_of_mul_self_mul_eq_zero {y r : K} (hr : 0 < r) (h : y * y * r = 0) : y = 0 := by
  have h1 : r * (y * y) = r * 0 := by grind
  have h2 : y * y = 0 := eq_of_mul_eq_mul_left (by grind) h1
  exact eq_zero_of_mul_self_eq_zero h2

/-- A nonnegative 1-D loss that vanishes at `0` has `0` as a global minimiser. -/
theorem isGlobalMin_zero_of_nonneg {f : K → K} (hnn : ∀ y, 0 ≤ f y) (h0 : f 0 = 0) :
    IsGlobalMin f 0 := by
  show ∀ y : K, f 0 ≤ f y
  intro y
  have h1 : 0 ≤ f y := hnn y
  grind

/-- A nonnegative 1-D loss that vanishes exactly at `0`: `fun _ => 0` is its nearest-point
minimiser selection, with optimal value `0`. -/
theorem projects_zero_of_unique_zero {f : K → K} (hnn : ∀ y, 0 ≤ f y) (h0 : f 0 = 0)
    (huniq : ∀ y, f y = 0 → y = 0) :
    ProjectsToMinimizers (selfSpace (K := K)) f 0 (fun _ => 0) := by
  constructor
  · exact hnn
  · intro _
    exact h0
  · intro x y hy
    have hy0 : y = 0 := huniq y hy
    subst hy0
    show (x - 0) * (x - 0) ≤ (x - 0) * (x - 0)
    grind

/-- Conversely, for such a loss every nearest-point minimiser selection is `fun _ => 0` with
optimal value `0`. -/
theorem projects_eq_zero_of_unique_zero {f : K → K} (hnn : ∀ y, 0 ≤ f y) (h0 : f 0 = 0)
    (huniq : ∀ y, f y = 0 → y = 0) {fstar : K} {proj : K → K}
    (hP : ProjectsToMinimizers (selfSpace (K := K)) f fstar proj) (x : K) :
    fstar = 0 ∧ proj x = 0 := by
  have h1 : f (proj x) = fstar := hP.attains x
  have h2 : fstar ≤ f 0 := hP.optimal 0
  have h3 : 0 ≤ f (proj x) := hnn (proj x)
  have hf : fstar = 0 := by grind
  have hz : f (proj x) = 0 := by grind
  exact ⟨hf, huniq (proj x) hz⟩

/-- The tangent of `x⁴` lies below it: `x⁴ + 4x³ (y - x) ≤ y⁴`, since the difference is
`(y - x)² ((y + x)² + 2x²)`. -/
theorem quartic_tangent_le (x y : K) :
    x * x * (x * x) + 4 * (x * x * x) * (y - x) ≤ y * y * (y * y) := by
  have h1 : 0 ≤ (y - x) * (y - x) := mul_self_nonneg (y - x)
  have h2 : 0 ≤ (y + x) * (y + x) + 2 * (x * x) := by
    have a : 0 ≤ (y + x) * (y + x) := mul_self_nonneg (y + x)
    have b : 0 ≤ x * x := mul_self_nonneg x
    grind
  have h3 : 0 ≤ (y - x) * (y - x) * ((y + x) * (y + x) + 2 * (x * x)) := mul_nonneg h1 h2
  grind

end LineHelpers

section Quartic

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- The quartic loss `x⁴`. -/
def quartLoss (x : K) : K :=
  x * x * (x * x)

/-- Its gradient `4x³`. -/
def quartGrad (x : K) : K :=
  4 * (x * x * x)

/-- `x⁴ ≥ 0`. -/
theorem quartLoss_nonneg (y : K) : 0 ≤ quartLoss y :=
  mul_nonneg (mul_self_nonneg y) (mul_self_nonneg y)

/-- `0⁴ = 0`. -/
theorem quartLoss_zero : quartLoss (0 : K) = 0 := by
  show (0 : K) * 0 * (0 * 0) = 0
  grind

/-- `x⁴ = 0` only at `0`. -/
theorem quartLoss_eq_zero (y : K) (h : quartLoss y = 0) : y = 0 :=
  eq_zero_of_mul_self_eq_zero (eq_zero_of_mul_self_eq_zero h)

/-- `x⁴` is convex. -/
theorem quartLoss_convex : Convex (selfSpace (K := K)) quartLoss quartGrad := by
  constructor
  intro x y
  show x * x * (x * x) + 4 * (x * x * x) * (y - x) ≤ y * y * (y * y)
  exact quartic_tangent_le x y

/-- `x⁴` is star convex towards its minimiser `0`. -/
theorem quartLoss_starConvex : StarConvex (selfSpace (K := K)) quartLoss quartGrad 0 :=
  starConvex_of_convex selfSpace quartLoss quartGrad quartLoss_convex
    (isGlobalMin_zero_of_nonneg quartLoss_nonneg quartLoss_zero)

/-- `x⁴` interpolates: it is nonnegative and vanishes at `0`. -/
theorem quartLoss_interpolation : Interpolation (quartLoss (K := K)) :=
  ⟨quartLoss_nonneg, ⟨0, quartLoss_zero⟩⟩

/-- `fun _ => 0` is the nearest-point minimiser selection of `x⁴`. -/
theorem quartLoss_projects : ProjectsToMinimizers (selfSpace (K := K)) quartLoss 0 (fun _ => 0) :=
  projects_zero_of_unique_zero quartLoss_nonneg quartLoss_zero quartLoss_eq_zero

/-- `x⁴` has no PL constant relative to its optimal value `0`: near `0`, `μ x⁴ > 8 x⁶`. -/
theorem quartLoss_not_pl (μ : K) (hμ : 0 < μ) :
    ¬ PolyakLojasiewicz (selfSpace (K := K)) quartLoss quartGrad μ 0 := by
  intro hPL
  obtain ⟨d, hd, hdle⟩ := exists_pos_mul_self_le (show (0 : K) < μ / 16 by grind)
  have h : μ * (d * d * (d * d) - 0) ≤ 4 * (d * d * d) * (4 * (d * d * d)) / 2 := hPL.pl d
  have h1 : d * d * (d * d) * (d * d) ≤ d * d * (d * d) * (μ / 16) :=
    mul_le_mul_of_nonneg_left hdle (mul_nonneg (by grind) (by grind))
  have h2 : 0 < μ * (d * d * (d * d)) := mul_pos hμ (mul_pos hd hd)
  grind

/-- `x⁴` has no quadratic growth, for any selection and constant: near `0`, `μ/2 x² > x⁴`. -/
theorem quartLoss_not_quadraticGrowth :
    ¬ ∃ (fstar : K) (proj : K → K) (μ : K),
      QuadraticGrowth (selfSpace (K := K)) quartLoss fstar proj μ := by
  intro hex
  obtain ⟨fstar, proj, μ, hQ⟩ := hex
  have hμ : 0 < μ := hQ.pos
  obtain ⟨d, hd, hdle⟩ := exists_pos_mul_self_le (show (0 : K) < μ / 4 by grind)
  obtain ⟨hf, hp⟩ :=
    projects_eq_zero_of_unique_zero quartLoss_nonneg quartLoss_zero quartLoss_eq_zero
      hQ.projects d
  have hg : μ / 2 * ((d - proj d) * (d - proj d)) ≤ d * d * (d * d) - fstar := hQ.growth d
  rw [hf, hp] at hg
  have h1 : d * d * (d * d) ≤ d * d * (μ / 4) := mul_le_mul_of_nonneg_left hdle (by grind)
  have h2 : 0 < μ * (d * d) := mul_pos hμ hd
  grind

/-- `x⁴` has no error bound, for any selection and constant: near `0`, `μ² x² > 16 x⁶`. -/
theorem quartLoss_not_errorBound :
    ¬ ∃ (fstar : K) (proj : K → K) (μ : K),
      ErrorBound (selfSpace (K := K)) quartLoss quartGrad fstar proj μ := by
  intro hex
  obtain ⟨fstar, proj, μ, hE⟩ := hex
  have hμ : 0 < μ := hE.pos
  obtain ⟨d, hd, hdle⟩ := exists_pos_mul_self_le (show (0 : K) < μ / 8 by grind)
  obtain ⟨_, hp⟩ :=
    projects_eq_zero_of_unique_zero quartLoss_nonneg quartLoss_zero quartLoss_eq_zero
      hE.projects d
  have hb : μ * μ * ((d - proj d) * (d - proj d)) ≤ 4 * (d * d * d) * (4 * (d * d * d)) :=
    hE.bound d
  rw [hp] at hb
  have h1 : d * d * (d * d) ≤ d * d * (μ / 8) := mul_le_mul_of_nonneg_left hdle (by grind)
  have h2 : d * d * (μ / 8) ≤ μ / 8 * (μ / 8) := mul_le_mul_of_nonneg_right hdle (by grind)
  have h3 : d * d * (d * d * (d * d)) ≤ d * d * (μ / 8 * (μ / 8)) :=
    mul_le_mul_of_nonneg_left (by grind) (by grind)
  have h4 : 0 < μ * μ * (d * d) := mul_pos (mul_pos hμ hμ) hd
  grind

/-- `x⁴` is not smooth: at `x = 0` the bound `y⁴ ≤ L/2 y²` fails at `y = L + 1`. -/
theorem quartLoss_not_smooth : ¬ ∃ L : K, Smooth (selfSpace (K := K)) quartLoss quartGrad L := by
  intro hex
  obtain ⟨L, hS⟩ := hex
  have hL : 0 < L := hS.pos
  have h : (L + 1) * (L + 1) * ((L + 1) * (L + 1))
      ≤ 0 * 0 * (0 * 0) + 4 * (0 * 0 * 0) * ((L + 1) - 0)
        + L / 2 * (((L + 1) - 0) * ((L + 1) - 0)) :=
    hS.upper 0 (L + 1)
  have hy : 0 < (L + 1) * (L + 1) := mul_pos (by grind) (by grind)
  have hq : 0 < (L + 1) * (L + 1) - L / 2 := by
    have hsq : 0 ≤ L * L := mul_self_nonneg L
    grind
  have hp : 0 < (L + 1) * (L + 1) * ((L + 1) * (L + 1) - L / 2) := mul_pos hy hq
  grind

/-- `x⁴` has no restricted secant inequality (it would give an error bound). -/
theorem quartLoss_not_restrictedSecant :
    ¬ ∃ (fstar : K) (proj : K → K) (μ : K),
      RestrictedSecant (selfSpace (K := K)) quartLoss quartGrad fstar proj μ := by
  intro hex
  obtain ⟨fstar, proj, μ, hR⟩ := hex
  exact quartLoss_not_errorBound
    ⟨fstar, proj, μ, errorBound_of_restrictedSecant selfSpace quartLoss quartGrad hR⟩

/-- `x⁴` is not strongly convex (it would be PL). -/
theorem quartLoss_not_strongConvex :
    ¬ ∃ μ : K, StrongConvex (selfSpace (K := K)) quartLoss quartGrad μ := by
  intro hex
  obtain ⟨μ, hSC⟩ := hex
  exact quartLoss_not_pl μ hSC.pos
    (pl_of_strongConvex selfSpace quartLoss quartGrad hSC ⟨0, quartLoss_zero⟩)

/-- `x⁴` satisfies no PL* inequality on the whole line (it would be PL). -/
theorem quartLoss_not_plStarOn (μ : K) :
    ¬ PLStarOn (selfSpace (K := K)) quartLoss quartGrad μ (fun _ => True) := by
  intro hP
  exact quartLoss_not_pl μ hP.pos (pl_of_plStarOn_univ selfSpace quartLoss quartGrad hP)

/-- The landscape of `x⁴` is benign (it is convex). -/
theorem quartLoss_benign : BenignLandscape (selfSpace (K := K)) quartLoss quartGrad :=
  benignLandscape_of_convex selfSpace quartLoss quartGrad quartLoss_convex

/-- `x² + x⁴`. -/
def scQuartic (x : K) : K :=
  x * x + x * x * (x * x)

/-- Its gradient `2x + 4x³`. -/
def scQuarticGrad (x : K) : K :=
  2 * x + 4 * (x * x * x)

/-- `x² + x⁴` is `2`-strongly convex: the quadratic part is exactly `2`-strongly convex and the
quartic part is convex. -/
theorem scQuartic_strongConvex : StrongConvex (selfSpace (K := K)) scQuartic scQuarticGrad 2 := by
  constructor
  · grind
  · intro x y
    show x * x + x * x * (x * x) + (2 * x + 4 * (x * x * x)) * (y - x)
        + 2 / 2 * ((y - x) * (y - x)) ≤ y * y + y * y * (y * y)
    have h : x * x * (x * x) + 4 * (x * x * x) * (y - x) ≤ y * y * (y * y) :=
      quartic_tangent_le x y
    grind

/-- `x² + x⁴` is not smooth: at `x = 0` the bound `y² + y⁴ ≤ L/2 y²` fails at
`y = L + 1`. -/
theorem scQuartic_not_smooth :
    ¬ ∃ L : K, Smooth (selfSpace (K := K)) scQuartic scQuarticGrad L := by
  intro hex
  obtain ⟨L, hS⟩ := hex
  have hL : 0 < L := hS.pos
  have h : (L + 1) * (L + 1) + (L + 1) * (L + 1) * ((L + 1) * (L + 1))
      ≤ 0 * 0 + 0 * 0 * (0 * 0) + (2 * 0 + 4 * (0 * 0 * 0)) * ((L + 1) - 0)
        + L / 2 * (((L + 1) - 0) * ((L + 1) - 0)) :=
    hS.upper 0 (L + 1)
  have hy : 0 < (L + 1) * (L + 1) := mul_pos (by grind) (by grind)
  have hq : 0 < 1 + (L + 1) * (L + 1) - L / 2 := by
    have hsq : 0 ≤ L * L := mul_self_nonneg L
    grind
  have hp : 0 < (L + 1) * (L + 1) * (1 + (L + 1) * (L + 1) - L / 2) := mul_pos hy hq
  grind

end Quartic

section NoiseFloor

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- A loss with a noise floor: `1 + x²` (gradient `2x`, `quadGrad`), optimal value `1`. -/
def noisyLoss (x : K) : K :=
  1 + x * x

/-- `1 + x²` is bounded below by its optimal value `1`. -/
theorem noisyLoss_boundedBelow : BoundedBelow (noisyLoss (K := K)) 1 := by
  constructor
  intro x
  show (1 : K) ≤ 1 + x * x
  have h : 0 ≤ x * x := mul_self_nonneg x
  grind

/-- `1 + x²` is `2`-PL relative to its optimal value `1`. -/
theorem noisyLoss_pl : PolyakLojasiewicz (selfSpace (K := K)) noisyLoss quadGrad 2 1 := by
  constructor
  intro x
  show 2 * (1 + x * x - 1) ≤ 2 * x * (2 * x) / 2
  grind

/-- `1 + x²` is `2`-strongly convex. -/
theorem noisyLoss_strongConvex : StrongConvex (selfSpace (K := K)) noisyLoss quadGrad 2 := by
  constructor
  · grind
  · intro x y
    show 1 + x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x)) ≤ 1 + y * y
    grind

/-- `1 + x²` is `2`-smooth. -/
theorem noisyLoss_smooth : Smooth (selfSpace (K := K)) noisyLoss quadGrad 2 := by
  constructor
  · grind
  · intro x y
    show 1 + y * y ≤ 1 + x * x + 2 * x * (y - x) + 2 / 2 * ((y - x) * (y - x))
    grind

/-- `fun _ => 0` is the nearest-point minimiser selection of `1 + x²`, with optimal value `1`. -/
theorem noisyLoss_projects :
    ProjectsToMinimizers (selfSpace (K := K)) noisyLoss 1 (fun _ => 0) := by
  constructor
  · exact noisyLoss_boundedBelow.lower_bound
  · intro _
    show (1 : K) + 0 * 0 = 1
    grind
  · intro x y hy
    have hy' : 1 + y * y = 1 := hy
    have hy0 : y = 0 := eq_zero_of_mul_self_eq_zero (by grind)
    subst hy0
    show (x - 0) * (x - 0) ≤ (x - 0) * (x - 0)
    grind

/-- `1 + x²` has `2`-quadratic growth above its optimal value `1`. -/
theorem noisyLoss_quadraticGrowth :
    QuadraticGrowth (selfSpace (K := K)) noisyLoss 1 (fun _ => 0) 2 := by
  refine { projects := noisyLoss_projects, pos := by grind, growth := ?_ }
  intro x
  show 2 / 2 * ((x - 0) * (x - 0)) ≤ 1 + x * x - 1
  grind

/-- `1 + x²` has the `2`-error bound. -/
theorem noisyLoss_errorBound :
    ErrorBound (selfSpace (K := K)) noisyLoss quadGrad 1 (fun _ => 0) 2 := by
  refine { projects := noisyLoss_projects, pos := by grind, bound := ?_ }
  intro x
  show 2 * 2 * ((x - 0) * (x - 0)) ≤ 2 * x * (2 * x)
  grind

/-- `1 + x²` has the `2`-restricted secant inequality. -/
theorem noisyLoss_restrictedSecant :
    RestrictedSecant (selfSpace (K := K)) noisyLoss quadGrad 1 (fun _ => 0) 2 := by
  refine { projects := noisyLoss_projects, pos := by grind, secant := ?_ }
  intro x
  show 2 * ((x - 0) * (x - 0)) ≤ 2 * x * (x - 0)
  grind

/-- `1 + x²` does not interpolate: it never vanishes. -/
theorem noisyLoss_not_interpolation : ¬ Interpolation (noisyLoss (K := K)) := by
  intro hI
  obtain ⟨x, hx⟩ := hI.attained
  have hx' : 1 + x * x = 0 := hx
  have h : 0 ≤ x * x := mul_self_nonneg x
  grind

/-- No region containing the minimiser `0` carries a PL* inequality for `1 + x²`: at `0` the
gradient vanishes while the loss is `1`. -/
theorem noisyLoss_not_plStarOn (μ : K) (S : K → Prop) (hS : S 0) :
    ¬ PLStarOn (selfSpace (K := K)) noisyLoss quadGrad μ S := by
  intro hP
  have hμ : 0 < μ := hP.pos
  have h : μ * (1 + 0 * 0) ≤ 2 * 0 * (2 * 0) / 2 := hP.pl_star 0 hS
  grind

end NoiseFloor

section Plateau

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Reciprocals reverse strict inequalities between positive scalars. -/
theorem one_div_lt_one_div_of_lt {a b : K} (ha : 0 < a) (hab : a < b) : 1 / b < 1 / a := by
  have hb : 0 < b := by grind
  have hia : a * (1 / a) = 1 := mul_one_div_cancel (by grind)
  have hib : b * (1 / b) = 1 := mul_one_div_cancel (by grind)
  have hpb : 0 < 1 / b := one_div_pos hb
  have hm : 1 / b * a < 1 / b * b := mul_lt_mul_of_pos_left hab hpb
  by_cases h : 1 / b < 1 / a
  · exact h
  · have h' : 1 / a ≤ 1 / b := by grind
    have hm2 : a * (1 / a) ≤ a * (1 / b) := mul_le_mul_of_nonneg_left h' (by grind)
    grind

/-- The plateau loss `1 / (1 + x²)`: positive, tending to `0` without attaining it. -/
def plateauLoss (x : K) : K :=
  1 / (1 + x * x)

/-- The plateau loss is positive. -/
theorem plateauLoss_pos (x : K) : 0 < plateauLoss x := by
  have h : 0 ≤ x * x := mul_self_nonneg x
  show 0 < 1 / (1 + x * x)
  exact one_div_pos (by grind)

/-- The plateau loss is bounded below by `0`. -/
theorem plateauLoss_boundedBelow : BoundedBelow (plateauLoss (K := K)) 0 := by
  constructor
  intro x
  have h : 0 < plateauLoss x := plateauLoss_pos x
  grind

/-- The plateau loss has no minimiser: `p² + 1` is farther out than `p`, so its loss is
smaller. Hence no optimal value is attained and there is no minimiser selection at all. -/
theorem plateauLoss_not_projects :
    ¬ ∃ (fstar : K) (proj : K → K),
      ProjectsToMinimizers (selfSpace (K := K)) plateauLoss fstar proj := by
  intro hex
  obtain ⟨fstar, proj, hP⟩ := hex
  have h1 : plateauLoss (proj 0) = fstar := hP.attains 0
  have h2 : fstar ≤ plateauLoss (proj 0 * proj 0 + 1) := hP.optimal (proj 0 * proj 0 + 1)
  have hp : 0 ≤ proj 0 * proj 0 := mul_self_nonneg (proj 0)
  have hpp : 0 ≤ proj 0 * proj 0 * (proj 0 * proj 0) := mul_self_nonneg (proj 0 * proj 0)
  have hlt : 1 / (1 + (proj 0 * proj 0 + 1) * (proj 0 * proj 0 + 1)) < 1 / (1 + proj 0 * proj 0) :=
    one_div_lt_one_div_of_lt (by grind) (by grind)
  have h3 : plateauLoss (proj 0 * proj 0 + 1) < plateauLoss (proj 0) := hlt
  grind

/-- The plateau loss does not interpolate: it never vanishes. -/
theorem plateauLoss_not_interpolation : ¬ Interpolation (plateauLoss (K := K)) := by
  intro hI
  obtain ⟨x, hx⟩ := hI.attained
  have h : 0 < plateauLoss x := plateauLoss_pos x
  grind

end Plateau

end AxiomDL
