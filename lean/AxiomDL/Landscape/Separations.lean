import AxiomDL.Landscape.NonconvexModels
import AxiomDL.Landscape.PlaneModels

/-!
# Separations of the landscape assumptions (Karimi–Nutini–Schmidt 2016)

Each theorem here exhibits one concrete loss over `Rat`, with its exact gradient, that satisfies
some landscape assumptions and refutes others, with every constant positive and every refuted
assumption refuted for *all* constants (and, for the growth conditions, all minimiser
selections). Together with the discharges of `Landscape.Relations`, `Landscape.Stationarity`
and `Landscape.MoreRelations`, they settle the Karimi–Nutini–Schmidt hierarchy as this library
states it (one-sided smoothness, a nearest-point minimiser selection `proj`, PL and growth
relative to the optimal value):

| from \ to | SC | C | Star | PL | EB | QG | RSI |
|---|---|---|---|---|---|---|---|
| SC (strongly convex) | — | ⇒ | ⇒ (via C) | ⇒ | ⇒ | ⇒ | ⇒ |
| C (convex) | ⇏ x⁴ | — | ⇒ | ⇏ x⁴ | ⇏ x⁴ | ⇏ x⁴ | ⇏ x⁴ |
| Star (star convex) | ⇏ star quartic | ⇏ star quartic | — | ⇏ x⁴ | ⇏ x⁴ | ⇏ x⁴ | ⇏ x⁴ |
| PL | ⇏ PL quartic | ⇏ PL quartic | ⇏ PL quartic | — | skipped | skipped | open |
| EB (error bound) | ⇏ PL quartic | ⇏ PL quartic | ⇏ PL quartic | ⇒ with Smooth | — | skipped | open |
| QG (quadratic growth) | ⇏ QG quartic | ⇏ QG quartic | ⇏ QG quartic | ⇏ QG quartic | ⇏ QG quartic | — | ⇏ QG quartic |
| RSI (restricted secant) | ⇏ PL quartic | ⇏ PL quartic | ⇏ PL quartic | ⇒ with Smooth | ⇒ | skipped | — |

An entry names the discharge direction (`⇒`, possibly through a chain of discharges) or the
model of the separation that refutes the column for a loss satisfying the row (`⇏`).

Skipped on purpose, and why:
* PL ⇒ EB, PL ⇒ QG, EB ⇒ QG and RSI ⇒ QG hold for smooth losses (Karimi–Nutini–Schmidt,
  Theorem 2: PL ⇒ QG by integrating along the gradient flow), so among smooth losses no
  separation exists; the proofs are analytic, not algebraic, and are not stated here.
* EB ⇒ RSI and PL ⇒ RSI: the paper proves only RSI ⇒ EB ≡ PL (with equivalence for convex
  losses); on the line EB and RSI coincide for continuous gradients, and we know no rational
  two-dimensional separating loss: open here.
* EB ⇒ PL without smoothness: the library has the discharge with smoothness
  (`pl_of_errorBound_of_smooth`); a counterexample without it needs a loss whose values outrun
  its gradient along a sequence, which no polynomial does: open here.

Smoothness, outside the hierarchy, is separated both ways: the trough `(a, b) ↦ a²` is smooth
and not strongly convex, `x² + x⁴` is strongly convex and not smooth, the saddle `a² - b²` is
smooth but not convex, not benign and not bounded below, and the tilted ridge `a - b²` is smooth
and benign but not PL.
-/

set_option autoImplicit false

namespace AxiomDL

/-- Separation: convexity does not imply PL. The quartic `x⁴` (gradient `4x³`) is convex, star
convex towards its minimiser `0`, interpolating and benign, and `fun _ => 0` is its
nearest-point minimiser selection; but it is so flat at `0` that no positive constant gives the
PL inequality relative to its optimal value `0`, no PL* inequality holds on the line, and it has
no quadratic growth, no error bound and no restricted secant inequality for any constant and
selection, is not strongly convex and not smooth. -/
theorem convex_not_polyakLojasiewicz :
    Convex ratSpace quartLoss quartGrad ∧ StarConvex ratSpace quartLoss quartGrad 0
      ∧ Interpolation (quartLoss (K := Rat)) ∧ BenignLandscape ratSpace quartLoss quartGrad
      ∧ ProjectsToMinimizers ratSpace quartLoss 0 (fun _ => 0)
      ∧ (∀ μ : Rat, 0 < μ → ¬ PolyakLojasiewicz ratSpace quartLoss quartGrad μ 0)
      ∧ (∀ μ : Rat, ¬ PLStarOn ratSpace quartLoss quartGrad μ (fun _ => True))
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat) (μ : Rat),
          QuadraticGrowth ratSpace quartLoss fstar proj μ)
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat) (μ : Rat),
          ErrorBound ratSpace quartLoss quartGrad fstar proj μ)
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat) (μ : Rat),
          RestrictedSecant ratSpace quartLoss quartGrad fstar proj μ)
      ∧ ¬ (∃ μ : Rat, StrongConvex ratSpace quartLoss quartGrad μ)
      ∧ ¬ (∃ L : Rat, Smooth ratSpace quartLoss quartGrad L) :=
  ⟨quartLoss_convex, quartLoss_starConvex, quartLoss_interpolation, quartLoss_benign,
    quartLoss_projects, quartLoss_not_pl, quartLoss_not_plStarOn, quartLoss_not_quadraticGrowth,
    quartLoss_not_errorBound, quartLoss_not_restrictedSecant, quartLoss_not_strongConvex,
    quartLoss_not_smooth⟩

/-- Separation: strong convexity does not imply smoothness. `x² + x⁴` (gradient `2x + 4x³`) is
`2`-strongly convex, but its quartic growth beats every quadratic upper bound, so it is not
smooth for any constant. -/
theorem strongConvex_not_smooth :
    StrongConvex ratSpace scQuartic scQuarticGrad 2
      ∧ ¬ (∃ L : Rat, Smooth ratSpace scQuartic scQuarticGrad L) :=
  ⟨scQuartic_strongConvex, scQuartic_not_smooth⟩

/-- Separation: PL (and PL*, the error bound, the restricted secant inequality and quadratic
growth) does not imply convexity. The quartic `t² (t² - 12t + 45)` (gradient
`2t (2t² - 18t + 45)`) is `2`-PL relative to its optimal value `0` and `2`-PL* on the line, has
the `9`-restricted secant inequality, the `9`-error bound and `18`-quadratic growth towards its
unique minimiser `0`, is benign and interpolating; but its gradient decreases between `3` and
`4`, so it is not convex, not star convex towards any point, not strongly convex, and (being
quartic) not smooth. -/
theorem polyakLojasiewicz_not_convex :
    PolyakLojasiewicz ratSpace plQuartic plQuarticGrad 2 0
      ∧ PLStarOn ratSpace plQuartic plQuarticGrad 2 (fun _ => True)
      ∧ RestrictedSecant ratSpace plQuartic plQuarticGrad 0 (fun _ => 0) 9
      ∧ ErrorBound ratSpace plQuartic plQuarticGrad 0 (fun _ => 0) 9
      ∧ QuadraticGrowth ratSpace plQuartic 0 (fun _ => 0) 18
      ∧ ProjectsToMinimizers ratSpace plQuartic 0 (fun _ => 0)
      ∧ BenignLandscape ratSpace plQuartic plQuarticGrad
      ∧ Interpolation (plQuartic (K := Rat))
      ∧ ¬ Convex ratSpace plQuartic plQuarticGrad
      ∧ ¬ (∃ xstar : Rat, StarConvex ratSpace plQuartic plQuarticGrad xstar)
      ∧ ¬ (∃ μ : Rat, StrongConvex ratSpace plQuartic plQuarticGrad μ)
      ∧ ¬ (∃ L : Rat, Smooth ratSpace plQuartic plQuarticGrad L) :=
  ⟨plQuartic_pl, plQuartic_plStarOn, plQuartic_restrictedSecant, plQuartic_errorBound,
    plQuartic_quadraticGrowth,
    plQuartic_projects, plQuartic_benign, plQuartic_interpolation, plQuartic_not_convex,
    plQuartic_not_starConvex, plQuartic_not_strongConvex, plQuartic_not_smooth⟩

/-- Separation: star convexity does not imply convexity. The quartic `t² (3t² - 42t + 216)`
(gradient `6t (2t² - 21t + 72)`) is star convex towards its global minimiser `0`, but its
gradient decreases between `3` and `4`, so it is not convex and not strongly convex. -/
theorem starConvex_not_convex :
    StarConvex ratSpace starQuartic starQuarticGrad 0
      ∧ ¬ Convex ratSpace starQuartic starQuarticGrad
      ∧ ¬ (∃ μ : Rat, StrongConvex ratSpace starQuartic starQuarticGrad μ) :=
  ⟨starQuartic_starConvex, starQuartic_not_convex, starQuartic_not_strongConvex⟩

/-- Separation: quadratic growth does not imply PL. The quartic `t² (t² - 16t + 70)` (gradient
`4t (t - 5)(t - 7)`) has `12`-quadratic growth around its unique minimiser `0`, with the
nearest-point selection `fun _ => 0`, is bounded below by its optimal value `0` and
interpolating; but `t = 5` is a stationary point with loss `375`, so it is not PL relative to
`0` for any positive constant, its landscape is not benign, and it has no error bound and no
restricted secant inequality for any constant and selection, is not star convex towards any
point, not convex and not strongly convex. -/
theorem quadraticGrowth_not_polyakLojasiewicz :
    QuadraticGrowth ratSpace qgQuartic 0 (fun _ => 0) 12
      ∧ ProjectsToMinimizers ratSpace qgQuartic 0 (fun _ => 0)
      ∧ BoundedBelow (qgQuartic (K := Rat)) 0 ∧ Interpolation (qgQuartic (K := Rat))
      ∧ (∀ μ : Rat, 0 < μ → ¬ PolyakLojasiewicz ratSpace qgQuartic qgQuarticGrad μ 0)
      ∧ ¬ BenignLandscape ratSpace qgQuartic qgQuarticGrad
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat) (μ : Rat),
          ErrorBound ratSpace qgQuartic qgQuarticGrad fstar proj μ)
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat) (μ : Rat),
          RestrictedSecant ratSpace qgQuartic qgQuarticGrad fstar proj μ)
      ∧ ¬ (∃ xstar : Rat, StarConvex ratSpace qgQuartic qgQuarticGrad xstar)
      ∧ ¬ Convex ratSpace qgQuartic qgQuarticGrad
      ∧ ¬ (∃ μ : Rat, StrongConvex ratSpace qgQuartic qgQuarticGrad μ) :=
  ⟨qgQuartic_quadraticGrowth, qgQuartic_projects, qgQuartic_boundedBelow,
    qgQuartic_interpolation, qgQuartic_not_pl, qgQuartic_not_benign, qgQuartic_not_errorBound,
    qgQuartic_not_restrictedSecant, qgQuartic_not_starConvex, qgQuartic_not_convex,
    qgQuartic_not_strongConvex⟩

/-- Separation: PL (with every growth condition) does not imply interpolation, nor PL*. The
loss `1 + x²` with a noise floor (gradient `2x`) is `2`-PL relative to its optimal value `1`,
`2`-strongly convex and `2`-smooth, has `2`-quadratic growth, the `2`-error bound and the
`2`-restricted secant inequality towards its minimiser `0` (selection `fun _ => 0`, optimal value
`1`), and is bounded below by `1`; but it never reaches `0`, so it does not interpolate, and no
region that contains its minimiser `0` carries a PL* inequality (at `0` the gradient vanishes
while the loss is `1`). -/
theorem polyakLojasiewicz_not_interpolation :
    PolyakLojasiewicz ratSpace noisyLoss quadGrad 2 1
      ∧ StrongConvex ratSpace noisyLoss quadGrad 2 ∧ Smooth ratSpace noisyLoss quadGrad 2
      ∧ QuadraticGrowth ratSpace noisyLoss 1 (fun _ => 0) 2
      ∧ ErrorBound ratSpace noisyLoss quadGrad 1 (fun _ => 0) 2
      ∧ RestrictedSecant ratSpace noisyLoss quadGrad 1 (fun _ => 0) 2
      ∧ ProjectsToMinimizers ratSpace noisyLoss 1 (fun _ => 0)
      ∧ BoundedBelow (noisyLoss (K := Rat)) 1
      ∧ ¬ Interpolation (noisyLoss (K := Rat))
      ∧ (∀ (μ : Rat) (S : Rat → Prop), S 0 →
          ¬ PLStarOn ratSpace noisyLoss quadGrad μ S) :=
  ⟨noisyLoss_pl, noisyLoss_strongConvex, noisyLoss_smooth, noisyLoss_quadraticGrowth,
    noisyLoss_errorBound, noisyLoss_restrictedSecant, noisyLoss_projects, noisyLoss_boundedBelow,
    noisyLoss_not_interpolation, noisyLoss_not_plStarOn⟩

/-- Separation: a lower bound does not imply a minimiser. The plateau loss `1 / (1 + x²)` is
bounded below by `0`, which it approaches but never attains (as the logistic loss on separable
data does), so it has no global minimiser: no value `fstar` and selection `proj` form a
nearest-point minimiser selection, and it does not interpolate. -/
theorem boundedBelow_not_projectsToMinimizers :
    BoundedBelow (plateauLoss (K := Rat)) 0
      ∧ ¬ (∃ (fstar : Rat) (proj : Rat → Rat),
          ProjectsToMinimizers ratSpace plateauLoss fstar proj)
      ∧ ¬ Interpolation (plateauLoss (K := Rat)) :=
  ⟨plateauLoss_boundedBelow, plateauLoss_not_projects, plateauLoss_not_interpolation⟩

/-- Separation: smoothness (with every growth condition) does not imply strong convexity. On the
plane, the trough `(a, b) ↦ a²` (gradient `(2a, 0)`), whose minimisers form the line `a = 0` as
in over-parameterised models, is `2`-smooth, convex, star convex towards `(0, 0)`, `2`-PL
relative to `0` and `2`-PL* on the whole plane, has `2`-quadratic growth, the `2`-error bound
and the `2`-restricted secant inequality towards its nearest minimiser `(0, b)`, is benign and
interpolating; but it is flat along the trough, so it is not strongly convex for any modulus. -/
theorem smooth_not_strongConvex :
    Smooth ratPlane troughLoss troughGrad 2 ∧ Convex ratPlane troughLoss troughGrad
      ∧ StarConvex ratPlane troughLoss troughGrad (0, 0)
      ∧ PolyakLojasiewicz ratPlane troughLoss troughGrad 2 0
      ∧ PLStarOn ratPlane troughLoss troughGrad 2 (fun _ => True)
      ∧ QuadraticGrowth ratPlane troughLoss 0 troughProj 2
      ∧ ErrorBound ratPlane troughLoss troughGrad 0 troughProj 2
      ∧ RestrictedSecant ratPlane troughLoss troughGrad 0 troughProj 2
      ∧ ProjectsToMinimizers ratPlane troughLoss 0 troughProj
      ∧ BenignLandscape ratPlane troughLoss troughGrad ∧ Interpolation (troughLoss (K := Rat))
      ∧ ¬ (∃ μ : Rat, StrongConvex ratPlane troughLoss troughGrad μ) :=
  ⟨trough_smooth, trough_convex, trough_starConvex, trough_pl, trough_plStarOn,
    trough_quadraticGrowth, trough_errorBound, trough_restrictedSecant, trough_projects,
    trough_benign, trough_interpolation, trough_not_strongConvex⟩

/-- Separation: smoothness does not imply convexity, a benign landscape or a lower bound. On
the plane, the saddle `(a, b) ↦ a² - b²` (gradient `(2a, -2b)`) is `2`-smooth; but it is not
convex, its stationary point `(0, 0)` is not a minimiser, and it is not bounded below. -/
theorem smooth_not_benignLandscape :
    Smooth ratPlane saddleLoss saddleGrad 2
      ∧ ¬ Convex ratPlane saddleLoss saddleGrad
      ∧ ¬ BenignLandscape ratPlane saddleLoss saddleGrad
      ∧ ¬ (∃ fstar : Rat, BoundedBelow (saddleLoss (K := Rat)) fstar) :=
  ⟨saddle_smooth, saddle_not_convex, saddle_not_benign, saddle_not_boundedBelow⟩

/-- Separation: smoothness and a benign landscape do not imply PL or a lower bound. On the
plane, the tilted ridge `(a, b) ↦ a - b²` (gradient `(1, -2b)`) is `2`-smooth and benign (it has
no stationary point); but it falls without bound along `a`, so it is PL for no positive constant
and no reference value, not bounded below, and not convex. -/
theorem smooth_not_polyakLojasiewicz :
    Smooth ratPlane tiltLoss tiltGrad 2 ∧ BenignLandscape ratPlane tiltLoss tiltGrad
      ∧ (∀ μ fstar : Rat, 0 < μ → ¬ PolyakLojasiewicz ratPlane tiltLoss tiltGrad μ fstar)
      ∧ ¬ (∃ fstar : Rat, BoundedBelow (tiltLoss (K := Rat)) fstar)
      ∧ ¬ Convex ratPlane tiltLoss tiltGrad :=
  ⟨tilt_smooth, tilt_benign, tilt_not_pl, tilt_not_boundedBelow, tilt_not_convex⟩

/-- Witness: the hypotheses of the discharges and lemmas of `Landscape.MoreRelations` and
`Landscape.QuarticModels` hold jointly over `Rat`: on `ratSpace`, `x²` with gradient `2x` has the
`2`-error bound, `2`-quadratic growth and the `2`-restricted secant inequality towards its
nearest minimiser `0` (selection `fun _ => 0`, optimal value `0`).
Covers: AxiomDL.eq_proj_of_errorBound_of_isStationary AxiomDL.benignLandscape_of_errorBound AxiomDL.projectsToMinimizers_of_quadraticGrowth AxiomDL.projectsToMinimizers_of_errorBound AxiomDL.projectsToMinimizers_of_restrictedSecant AxiomDL.projects_eq_zero_of_unique_zero
-/
theorem moreRelations_joint_witness_rat :
    ErrorBound ratSpace (quadLoss (K := Rat)) quadGrad 0 (fun _ => 0) 2
      ∧ QuadraticGrowth ratSpace (quadLoss (K := Rat)) 0 (fun _ => 0) 2
      ∧ RestrictedSecant ratSpace (quadLoss (K := Rat)) quadGrad 0 (fun _ => 0) 2
      ∧ ProjectsToMinimizers ratSpace (quadLoss (K := Rat)) 0 (fun _ => 0) :=
  ⟨errorBound_witness, quadraticGrowth_witness, restrictedSecant_witness,
    projectsToMinimizers_witness⟩

end AxiomDL
