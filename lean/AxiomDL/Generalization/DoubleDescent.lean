import AxiomDL.Foundations.Sums

/-!
# Generalisation: double descent of the minimum-norm interpolator

Fix a training set of `n ≥ 1` examples and fit models with `p` parameters (for example `p`
random features): least squares for `p < n`, the minimum-norm interpolant for `p ≥ n` (the
estimator that gradient descent from zero selects, `AxiomDL.Generalization.MinNormBias`). The
test risk is then a sequence `risk : Nat → K` indexed by `p`. *Double descent* is the shape of
this sequence. The three sources index it differently: Belkin et al. (2019) plot the test risk of
random-features regression against the number of features, with the peak where the model first
interpolates (`p = n` for one output and the squared loss); Nakkiran et al. (2020) see the same
shape for deep networks against width (model-wise), with the peak where the effective model
complexity (the largest training set the procedure fits) reaches `n`, and also epoch-wise and
sample-wise variants that are not formalised here; Hastie et al. (2022) prove the asymptotic
curve of ridgeless least squares against `γ = p/n`, with the peak at `γ = 1`. The statements
below use the first indexing (threshold `p = n`), split into four assumptions that are observed,
or fail, separately:

* `InterpolationPeak`: a strict peak at the interpolation threshold `p = n`;
* `UnderparamAscent`: the risk rises on `[p0, n]` (the classical overfitting arm);
* `OverparamDescent`: the risk falls strictly for `p ≥ n` (the second descent);
* `BenignOverparam`: some over-parameterised model beats every under-parameterised one.

Proved here: a peak forces the last step below the threshold to rise (the discharge
`underparamAscent_of_interpolationPeak`) and makes the curve non-monotone; ascent and descent
together make it unimodal on `[p0, ∞)`; with descent, the benign over-parameterised model is
beaten by no larger model. Separations over `Rat` show that none of the four follows from the
others where the literature says it can fail: a peak with a rebound (`peak_not_descent_sep`, the
well-specified high-signal case of Hastie et al.), descent without a peak
(`descent_not_peak_sep`, optimally tuned ridge), peak and descent without benign
over-parameterisation (`peak_descent_not_benign_sep`), and ascent without a peak
(`ascent_not_peak_sep`, the classical picture). The curve `ddCurve` (threshold `n = 2`)
satisfies all four at once.
-/

set_option autoImplicit false

universe u

namespace AxiomDL.Generalization

section DoubleDescent

variable {K : Type u} [Lean.Grind.Field K] [LE K] [LT K] [Std.LawfulOrderLT K]
  [Std.IsLinearOrder K] [Lean.Grind.OrderedRing K]

/-- Assumption: the test risk `risk p` of the minimum-norm least-squares estimator with `p`
parameters, at a fixed sample size `n ≥ 1`, has a strict peak at the interpolation threshold:
`risk p < risk n` for every `p ≠ n`.
Area: generalization
Status: plausible
Evidence: A sharp peak at the interpolation threshold is observed for random-features regression at p = n (Belkin et al. 2019) and, with label noise, for deep networks where the effective model complexity reaches n (Nakkiran et al. 2020), and it is proved asymptotically for ridgeless least squares, whose variance diverges as p/n → 1 (Hastie et al. 2022; Belkin, Hsu, Xu 2020); it disappears with optimally tuned ridge regularisation (Nakkiran et al. 2021) and shrinks without label noise.
Refs: Belkin, Hsu, Ma, Mandal, "Reconciling modern machine-learning practice and the classical bias–variance trade-off" (PNAS 2019); Nakkiran, Kaplun, Bansal, Yang, Barak, Sutskever, "Deep Double Descent" (ICLR 2020); Hastie, Montanari, Rosset, Tibshirani, "Surprises in High-Dimensional Ridgeless Least Squares Interpolation" (Ann. Statist. 2022); Nakkiran, Venkat, Kakade, Ma, "Optimal Regularization Can Mitigate Double Descent" (ICLR 2021).
-/
structure InterpolationPeak (risk : Nat → K) (n : Nat) : Prop where
  /-- At least one training example. -/
  samples_pos : 1 ≤ n
  /-- The strict peak at `p = n`. -/
  peak : ∀ p : Nat, p ≠ n → risk p < risk n

/-- Assumption: beyond the interpolation threshold the test risk of the minimum-norm
interpolant falls strictly with the number of parameters: `risk (p + 1) < risk p` for every
`p ≥ n`, at a fixed sample size `n ≥ 1`.
Area: generalization
Status: refuted-in-regime
Evidence: Observed for random Fourier features and networks on MNIST and CIFAR (Belkin et al. 2019; Nakkiran et al. 2020) and proved for misspecified and latent-feature models (Hastie et al. 2022; Mei, Montanari 2022); in the well-specified isotropic model with signal stronger than noise the risk falls after the peak and then rises again towards the null risk (Hastie et al. 2022, Theorem 1).
Refs: Belkin, Hsu, Ma, Mandal (PNAS 2019); Nakkiran et al., "Deep Double Descent" (ICLR 2020); Hastie, Montanari, Rosset, Tibshirani (Ann. Statist. 2022); Mei, Montanari, "The generalization error of random features regression" (CPAM 2022).
-/
structure OverparamDescent (risk : Nat → K) (n : Nat) : Prop where
  /-- At least one training example. -/
  samples_pos : 1 ≤ n
  /-- The strict second descent. -/
  descent : ∀ p : Nat, n ≤ p → risk (p + 1) < risk p

/-- Assumption: below the interpolation threshold the test risk of least squares rises strictly
with the number of parameters on `[p0, n]`, for a start `p0 < n`: `risk p < risk (p + 1)` for
`p0 ≤ p < n` (the classical overfitting arm of the U-shaped curve).
Area: generalization
Status: plausible
Evidence: For Gaussian designs the variance term σ² p/(n - p - 1) of least squares grows with p up to the threshold (Belkin, Hsu, Xu 2020; Hastie et al. 2022), and the rise is seen in experiments (Belkin et al. 2019); with little label noise and many informative features the bias decrease can dominate away from the threshold.
Refs: Belkin, Hsu, Xu, "Two models of double descent for weak features" (SIAM J. Math. Data Sci. 2020); Hastie, Montanari, Rosset, Tibshirani (Ann. Statist. 2022); Belkin, Hsu, Ma, Mandal (PNAS 2019).
-/
structure UnderparamAscent (risk : Nat → K) (n p0 : Nat) : Prop where
  /-- The rising arm starts below the threshold. -/
  start_lt : p0 < n
  /-- The strict rise on `[p0, n]`. -/
  ascent : ∀ p : Nat, p0 ≤ p → p < n → risk p < risk (p + 1)

/-- Assumption: over-parameterisation is benign: at a fixed sample size `n ≥ 1` some model with
`p > n` parameters has smaller test risk than every model with `q ≤ n` parameters (the global
minimum of the double-descent curve lies beyond the threshold).
Area: generalization
Status: contested
Evidence: The over-parameterised minimum is the global one for random features and networks in Belkin et al. (2019) and Nakkiran et al. (2020) and for misspecified linear models (Hastie et al. 2022); in the well-specified isotropic model the best risk is under-parameterised, and benign overfitting needs special covariance spectra (Bartlett et al. 2020).
Refs: Belkin, Hsu, Ma, Mandal (PNAS 2019); Nakkiran et al. (ICLR 2020); Hastie, Montanari, Rosset, Tibshirani (Ann. Statist. 2022); Bartlett, Long, Lugosi, Tsigler, "Benign overfitting in linear regression" (PNAS 2020).
-/
structure BenignOverparam (risk : Nat → K) (n : Nat) : Prop where
  /-- At least one training example. -/
  samples_pos : 1 ≤ n
  /-- An over-parameterised model beats every under-parameterised one. -/
  beats : ∃ p : Nat, n < p ∧ ∀ q : Nat, q ≤ n → risk p < risk q

/-- Powers of a positive scalar are positive. -/
theorem pow_pos_of_pos {a : K} (ha : 0 < a) (m : Nat) : 0 < a ^ m := by
  induction m with
  | zero =>
    have h0 : a ^ (0 : Nat) = 1 := AxiomDL.pow_zero' a
    grind
  | succ k ih =>
    have hs : a ^ (k + 1) = a ^ k * a := AxiomDL.pow_succ' a k
    have hm : 0 < a ^ k * a := AxiomDL.mul_pos ih ha
    grind

/-- Under a peak at `n`, every risk is at most the peak risk. -/
theorem InterpolationPeak.le_peak {risk : Nat → K} {n : Nat} (h : InterpolationPeak risk n)
    (p : Nat) : risk p ≤ risk n := by
  by_cases hp : p = n
  · subst hp
    grind
  · have hlt : risk p < risk n := h.peak p hp
    grind

/-- Under a peak at `n ≥ 1` the risk curve is not monotone: it is neither non-increasing (it
rises from `n - 1` to `n`) nor non-decreasing (it falls from `n` to `n + 1`). -/
theorem InterpolationPeak.not_monotone {risk : Nat → K} {n : Nat} (h : InterpolationPeak risk n) :
    (¬ ∀ p : Nat, risk (p + 1) ≤ risk p) ∧ ¬ ∀ p : Nat, risk p ≤ risk (p + 1) := by
  have hn : 1 ≤ n := h.samples_pos
  constructor
  · intro hmono
    have h1 : risk (n - 1 + 1) ≤ risk (n - 1) := hmono (n - 1)
    have e : n - 1 + 1 = n := by omega
    rw [e] at h1
    have h2 : risk (n - 1) < risk n := h.peak (n - 1) (by omega)
    grind
  · intro hmono
    have h1 : risk n ≤ risk (n + 1) := hmono n
    have h2 : risk (n + 1) < risk n := h.peak (n + 1) (by omega)
    grind

/-- Under the second descent, `m + 1` steps beyond a point `p ≥ n` lower the risk. -/
theorem OverparamDescent.lt_add {risk : Nat → K} {n : Nat} (h : OverparamDescent risk n)
    {p : Nat} (hp : n ≤ p) (m : Nat) : risk (p + m + 1) < risk p := by
  induction m with
  | zero =>
    have h0 : risk (p + 1) < risk p := h.descent p hp
    have e : p + 0 + 1 = p + 1 := by omega
    rw [e]
    exact h0
  | succ k ih =>
    have h1 : risk (p + k + 1 + 1) < risk (p + k + 1) := h.descent (p + k + 1) (by omega)
    have e : p + (k + 1) + 1 = p + k + 1 + 1 := by omega
    rw [e]
    grind

/-- Under the second descent the risk is strictly decreasing on `[n, ∞)`. -/
theorem OverparamDescent.lt_of_lt {risk : Nat → K} {n : Nat} (h : OverparamDescent risk n)
    {p q : Nat} (hp : n ≤ p) (hpq : p < q) : risk q < risk p := by
  obtain ⟨m, rfl⟩ : ∃ m, q = p + m + 1 := ⟨q - p - 1, by omega⟩
  exact h.lt_add hp m

/-- Under the second descent the risk is non-increasing on `[n, ∞)`. -/
theorem OverparamDescent.le_of_le {risk : Nat → K} {n : Nat} (h : OverparamDescent risk n)
    {p q : Nat} (hp : n ≤ p) (hpq : p ≤ q) : risk q ≤ risk p := by
  by_cases he : p = q
  · subst he
    grind
  · have hlt : risk q < risk p := h.lt_of_lt hp (by omega)
    grind

/-- On the rising arm, `m + 1` steps up from `p ≥ p0` (staying at or below `n`) raise the
risk. -/
theorem UnderparamAscent.lt_add {risk : Nat → K} {n p0 : Nat} (h : UnderparamAscent risk n p0)
    {p : Nat} (hp : p0 ≤ p) (m : Nat) (hm : p + m + 1 ≤ n) : risk p < risk (p + m + 1) := by
  revert hm
  induction m with
  | zero =>
    intro hm
    have h0 : risk p < risk (p + 1) := h.ascent p hp (by omega)
    have e : p + 0 + 1 = p + 1 := by omega
    rw [e]
    exact h0
  | succ k ih =>
    intro hm
    have h1 : risk p < risk (p + k + 1) := ih (by omega)
    have h2 : risk (p + k + 1) < risk (p + k + 1 + 1) :=
      h.ascent (p + k + 1) (by omega) (by omega)
    have e : p + (k + 1) + 1 = p + k + 1 + 1 := by omega
    rw [e]
    grind

/-- On the rising arm the risk is strictly increasing on `[p0, n]`. -/
theorem UnderparamAscent.lt_of_lt {risk : Nat → K} {n p0 : Nat} (h : UnderparamAscent risk n p0)
    {p q : Nat} (hp : p0 ≤ p) (hpq : p < q) (hq : q ≤ n) : risk p < risk q := by
  obtain ⟨m, rfl⟩ : ∃ m, q = p + m + 1 := ⟨q - p - 1, by omega⟩
  exact h.lt_add hp m hq

/-- Discharge: a strict peak at `n ≥ 1` gives the rising arm on `[n - 1, n]` (the last step
before the threshold rises). -/
theorem underparamAscent_of_interpolationPeak {risk : Nat → K} {n : Nat}
    (h : InterpolationPeak risk n) : UnderparamAscent risk n (n - 1) := by
  have hn : 1 ≤ n := h.samples_pos
  refine ⟨by omega, ?_⟩
  intro p hp hpn
  have e : p + 1 = n := by omega
  rw [e]
  exact h.peak p (by omega)

/-- The double-descent shape: on the rising arm from `p0` and the falling arm from `n`, the
risk is unimodal on `[p0, ∞)` with its maximum at `n`: for `p0 ≤ p < q` it rises if `q ≤ n`
and falls if `n ≤ p`. -/
theorem risk_unimodal_of_ascent_descent {risk : Nat → K} {n p0 : Nat}
    (ha : UnderparamAscent risk n p0) (hd : OverparamDescent risk n) {p q : Nat} (hp : p0 ≤ p)
    (hpq : p < q) : (q ≤ n → risk p < risk q) ∧ (n ≤ p → risk q < risk p) :=
  ⟨fun hq => ha.lt_of_lt hp hpq hq, fun hn => hd.lt_of_lt hn hpq⟩

/-- With the second descent, benign over-parameterisation persists: from some size `P > n` on,
every model beats every under-parameterised one (larger models are never worse). -/
theorem BenignOverparam.eventually {risk : Nat → K} {n : Nat} (hb : BenignOverparam risk n)
    (hd : OverparamDescent risk n) :
    ∃ P : Nat, n < P ∧ ∀ p q : Nat, P ≤ p → q ≤ n → risk p < risk q := by
  obtain ⟨P, hP, hbeat⟩ := hb.beats
  refine ⟨P, hP, ?_⟩
  intro p q hp hq
  have h1 : risk p ≤ risk P := hd.le_of_le (by omega) hp
  have h2 : risk P < risk q := hbeat q hq
  grind

end DoubleDescent

end AxiomDL.Generalization
