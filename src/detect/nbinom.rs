//! The variance model: window counts as negative binomial around their expectation, with the
//! dispersion estimated robustly from the series itself (so a tail probability means "unusual for
//! this series", not "unusual for a Poisson process"), and the likelihood-ratio severity of a run.
//!
//! NB2 parameterisation: mean μ, size θ, variance μ + μ²/θ (θ = ∞ is Poisson). It is the Poisson
//! count of a rate that itself wanders as a gamma variable around μ (Greenwood & Yule 1920), which
//! is how chatter behaves: the crowd's mood changes the rate from window to window, and the
//! reports are then drawn from it. Its variance/mean ratio 1 + μ/θ grows with the level, so the
//! hour-of-day profile (a busy afternoon against a quiet night) sets each window's spread through
//! its μ; one θ per series. Cameron & Trivedi, *Regression Analysis of Count Data* (2nd ed., 2013),
//! ch. 3, for NB2. θ is the size at which the series' randomised quantile residuals (Dunn & Smyth
//! 1996: exactly standard normal under the right model) have a normal's median absolute
//! deviation; the MAD in place of the mean square is the usual robust variant (breakdown 50 %:
//! the series' own outages do not teach it their spread).

use statrs::function::beta::checked_beta_reg;
use statrs::function::erf::erfc_inv;
use statrs::function::gamma::ln_gamma;

use super::poisson::poisson_sf;

/// Sizes above this are treated as Poisson (θ = ∞): the difference is below what any count shows.
pub const POISSON_ABOVE: f64 = 1e7;
/// Windows expecting fewer reports than this do not inform the dispersion: their variance is
/// mostly the Poisson draw's, so they say little about θ, and a sparse series (none this
/// dense) stays Poisson.
pub const DISPERSION_MIN_MEAN: f64 = 3.0;
/// Fewest informative windows (see [`DISPERSION_MIN_MEAN`]) for an estimate of θ; with fewer the
/// prior [`PRIOR_SIZE`] is used when any window is informative, else Poisson.
pub const DISPERSION_MIN_WINDOWS: usize = 36;
/// The size assumed when the input is too short to estimate one (and has windows dense enough to
/// need one): θ = 5, a coefficient of variation of 0.45 at high counts. The measured development
/// series span θ ≈ 3 (AWS request counts) to θ ≈ 170 (New York taxi counts); 5 lies at the
/// noisy end, so a short dense input raises fewer false alarms than it would as Poisson.
pub const PRIOR_SIZE: f64 = 5.0;
/// Smallest size estimated (coefficient of variation 3 at high counts).
pub const MIN_SIZE: f64 = 0.1;
/// The median absolute deviation of a standard normal variable, Φ⁻¹(¾).
const NORMAL_MAD: f64 = 0.674_489_750_196_081_7;

/// P(X ≥ c) for X negative binomial with mean `mu` and size `theta` (Poisson when `theta` is
/// infinite or above [`POISSON_ABOVE`]). The upper tail is the regularised incomplete beta
/// I_{μ/(μ+θ)}(c, θ), computed directly (not as 1 − cdf) so that far tails keep their digits.
pub fn nb_tail(c: u32, mu: f64, theta: f64) -> f64 {
    if c == 0 {
        return 1.0;
    }
    if mu <= 0.0 {
        return 0.0;
    }
    if theta.is_nan() || theta >= POISSON_ABOVE {
        return poisson_sf(c, mu);
    }
    let x = mu / (mu + theta);
    match checked_beta_reg(f64::from(c), theta, x) {
        Ok(p) if p.is_finite() => p.clamp(0.0, 1.0),
        // Parameters out of the function's domain cannot occur (c ≥ 1, θ > 0, 0 < x < 1); the
        // Poisson tail is the safe side (smaller p is never claimed without cause: it is larger
        // than the NB tail only below the mean).
        _ => poisson_sf(c, mu),
    }
}

/// The size of one negative binomial standing for a sum of independent windows of size `theta`
/// (infinite: Poisson) whose means add up to `m` and their squares to `m2`: the one of the same
/// mean and variance, θ·m²/Σμ² (infinite stays infinite).
pub fn summed_size(theta: f64, m: f64, m2: f64) -> f64 {
    if theta.is_finite() {
        theta * m * m / m2
    } else {
        f64::INFINITY
    }
}

/// ln P(X = c) for the negative binomial of mean `mu` and size `theta` (Poisson when infinite).
pub fn nb_ln_pmf(c: u32, mu: f64, theta: f64) -> f64 {
    let cf = f64::from(c);
    let mu = mu.max(1e-300);
    if theta.is_nan() || theta >= POISSON_ABOVE {
        return cf * mu.ln() - mu - ln_gamma(cf + 1.0);
    }
    nb_ln_pmf_given(cf, mu, theta, ln_gamma(theta), ln_gamma(cf + 1.0))
}

/// ln P(X = c) under NB(μ, θ) for a finite size, given ln Γ(θ) and ln c! (shared by many
/// evaluations in [`robust_size`]'s search).
fn nb_ln_pmf_given(cf: f64, mu: f64, theta: f64, lg_theta: f64, ln_fact: f64) -> f64 {
    ln_gamma(cf + theta) - lg_theta - ln_fact
        + theta * (theta / (theta + mu)).ln()
        + cf * (mu / (theta + mu)).ln()
}

/// The size θ of a series' counts around their expectations `mu`, estimated robustly from the
/// informative windows (μ ≥ [`DISPERSION_MIN_MEAN`]): the θ at which their randomised quantile
/// residuals z have the median |z| of a standard normal variable, Φ⁻¹(¾) = 0.6745.
///
/// The randomised quantile residual of a count c under NB(μ, θ) (P. K. Dunn and G. K. Smyth,
/// "Randomized quantile residuals", J. Comput. Graph. Stat. 5, 1996) is z = Φ⁻¹(u) with u drawn
/// uniformly between F(c − 1) and F(c), F the model's distribution function: under the right
/// model z is exactly standard normal, whatever θ, μ and the discreteness of small counts. So
/// the rule "the median |z| is a normal's" is unbiased at every size; the log residuals it
/// replaces were nearly normal only at large θ and overstated small sizes several times (θ 0.2
/// measured as 0.8 on a simulated series; measured in `crates/outcry-sim/tests/dispersion.rs`).
/// The uniform is fixed per window (a hash of its index, [`window_uniform`]), so the estimate
/// is reproducible. The scale is the median of |z| (the MAD around 0: Hampel's 1974 scale
/// estimate, whose breakdown point of 50 % keeps the series' own outages, a minority of its
/// windows, from teaching it their spread). Taken around 0, not around the residuals' median:
/// a model far too narrow for the counts puts most of them in one tail, where the MAD around
/// their median can be small (measured: below a normal's for every θ above the truth at
/// means of 3–10 and θ 0.15), while their distance from 0 is large. A larger θ narrows the
/// model and widens the residuals down to about the true size; the search is
/// [`scan_sizes`].
///
/// When the residuals are no wider than Poisson's, θ = ∞. With fewer than
/// [`DISPERSION_MIN_WINDOWS`] informative windows, [`PRIOR_SIZE`] (or Poisson when none is
/// informative: sparse series, whose counts the run rules and `min_reports` guard). At most
/// [`DISPERSION_MAX_WINDOWS`] windows, evenly spread over the series, enter the estimate.
pub fn robust_size(counts: &[u32], mu: &[f64]) -> f64 {
    let mut informative: Vec<Window> = counts
        .iter()
        .zip(mu)
        .enumerate()
        .filter(|(_, (_, &m))| m >= DISPERSION_MIN_MEAN)
        .map(|(k, (&c, &m))| (c, m, window_uniform(k), ln_gamma(f64::from(c) + 1.0)))
        .collect();
    if informative.is_empty() {
        return f64::INFINITY;
    }
    if informative.len() < DISPERSION_MIN_WINDOWS {
        return PRIOR_SIZE;
    }
    if informative.len() > DISPERSION_MAX_WINDOWS {
        let n = informative.len();
        informative = (0..DISPERSION_MAX_WINDOWS)
            .map(|j| informative[j * n / DISPERSION_MAX_WINDOWS])
            .collect();
    }
    let top = DISPERSION_TOP.ln();
    // A scout on every k-th window finds where to start (the search costs one incomplete beta
    // function per window and trial size); the estimate itself uses every window.
    let start = if informative.len() >= 4 * SCOUT_WINDOWS {
        let k = informative.len() / SCOUT_WINDOWS;
        let scout: Vec<Window> = informative.iter().step_by(k).copied().collect();
        let theta =
            scan_sizes(median_residual_excess(&scout), top, 4f64.ln()).unwrap_or(f64::INFINITY);
        (theta * 2.0).ln().min(top)
    } else {
        top
    };
    let mut excess = median_residual_excess(&informative);
    scan_sizes(&mut excess, start, 2f64.ln())
        .or_else(|| scan_sizes(&mut excess, top, 4f64.ln()))
        .unwrap_or(MIN_SIZE)
}

/// Windows the scout of [`robust_size`] uses when a series has at least four times as many.
const SCOUT_WINDOWS: usize = 500;

/// The median absolute quantile residual of `windows` at size θ = e^s, less a normal's
/// (Φ⁻¹(¾)), as a function of s.
fn median_residual_excess(windows: &[Window]) -> impl FnMut(f64) -> f64 + '_ {
    let mut buf = vec![0f64; windows.len()];
    let mid = buf.len() / 2;
    move |s: f64| {
        let theta = s.exp();
        let lg_theta = ln_gamma(theta);
        for (b, w) in buf.iter_mut().zip(windows) {
            *b = quantile_residual(w, theta, lg_theta).abs();
        }
        *buf.select_nth_unstable_by(mid, f64::total_cmp).1 - NORMAL_MAD
    }
}

/// The size at which `excess` (the median absolute quantile residual at size e^s, less a
/// normal's) crosses zero on its way down from the narrowest model: the largest root. Below
/// the true size the residuals are not only narrower but off centre (the model's median falls
/// under the counts'), so `excess` rises again towards the widest models: it has one valley, at
/// about the true size, and its roots are the valley's sides (or none, when sampling noise
/// keeps the valley's floor above zero, as at small means and sizes; the floor is then the
/// estimate). Scanned down from `start` (ln θ) by `step`; the crossing, or the valley once the
/// scan climbs out of it (or reaches [`MIN_SIZE`]), is then refined. ∞ when the residuals are
/// no wider than a normal's at [`DISPERSION_TOP`]. `None` when a `start` below the top turns
/// out not to lie above the valley (its residuals already narrow enough, or narrower below it).
fn scan_sizes(mut excess: impl FnMut(f64) -> f64, start: f64, step: f64) -> Option<f64> {
    let (top, bottom) = (DISPERSION_TOP.ln(), MIN_SIZE.ln());
    let f_start = excess(start);
    if f_start <= 0.0 {
        return (start >= top).then_some(f64::INFINITY);
    }
    // `hi` the last point scanned (excess > 0), `above` the one before it.
    let (mut hi, mut f_hi, mut above) = (start, f_start, start);
    loop {
        let s = (hi - step).max(bottom);
        let f = excess(s);
        if f <= 0.0 {
            return Some(root_on_log_size(&mut excess, (s, f), (hi, f_hi)).exp());
        }
        if f > f_hi && hi == start && start < top {
            return None;
        }
        if f > f_hi || s <= bottom {
            // Past the valley's floor, or at the smallest size: the floor lies between `s`
            // and `above`.
            let (floor, f_floor) = valley_floor(&mut excess, s, above);
            if f_floor > 0.0 {
                return Some(floor.exp().max(MIN_SIZE));
            }
            let upper = if hi > floor {
                (hi, f_hi)
            } else {
                (above, excess(above))
            };
            return Some(root_on_log_size(&mut excess, (floor, f_floor), upper).exp());
        }
        (above, hi, f_hi) = (hi, s, f);
    }
}

/// The lowest point of `f` (one valley) between `lo` and `hi`, to 0.02 on the log-size scale:
/// golden-section search. Returns the point and its value.
fn valley_floor(f: &mut impl FnMut(f64) -> f64, mut lo: f64, mut hi: f64) -> (f64, f64) {
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut x1, mut x2) = (hi - g * (hi - lo), lo + g * (hi - lo));
    let (mut f1, mut f2) = (f(x1), f(x2));
    while hi - lo > 0.02 {
        if f1 <= f2 {
            (hi, x2, f2) = (x2, x1, f1);
            x1 = hi - g * (hi - lo);
            f1 = f(x1);
        } else {
            (lo, x1, f1) = (x1, x2, f2);
            x2 = lo + g * (hi - lo);
            f2 = f(x2);
        }
    }
    if f1 <= f2 {
        (x1, f1)
    } else {
        (x2, f2)
    }
}

/// The largest size [`robust_size`] tries: at it the model is as narrow as Poisson for any
/// count a window holds (variance μ + μ²/10⁶); residuals no wider than there give θ = ∞.
const DISPERSION_TOP: f64 = 1e6;

/// Most informative windows [`robust_size`] uses (evenly spread over the series when there are
/// more): four weeks of 5-minute windows. The MAD of that many has a relative standard error of
/// about 1.5 %, under the spread of the expectation's own error, and each trial size costs one
/// incomplete beta function per window.
pub const DISPERSION_MAX_WINDOWS: usize = 8064;

/// The root of `f` between `lo` and `hi` (given with their values, f(lo) ≤ 0 < f(hi)) on the
/// log-size scale, to 0.005 (half a percent of θ, a tenth of the estimate's sampling error at
/// a few thousand windows): false position with the Illinois
/// modification (Dowell & Jarratt 1971), which keeps the bracket of bisection and converges in a
/// handful of evaluations where `f` is smooth.
fn root_on_log_size(
    mut f: impl FnMut(f64) -> f64,
    (mut lo, mut f_lo): (f64, f64),
    (mut hi, mut f_hi): (f64, f64),
) -> f64 {
    let mut side = 0i8;
    for _ in 0..60 {
        if hi - lo < 5e-3 || f_lo == 0.0 {
            break;
        }
        // The secant through the bracket's ends, kept off them so the bracket always shrinks.
        let x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
        let x = x.clamp(lo + 1e-4 * (hi - lo), hi - 1e-4 * (hi - lo));
        let fx = f(x);
        if fx <= 0.0 {
            (lo, f_lo) = (x, fx);
            if side == -1 {
                f_hi /= 2.0;
            }
            side = -1;
        } else {
            (hi, f_hi) = (x, fx);
            if side == 1 {
                f_lo /= 2.0;
            }
            side = 1;
        }
    }
    if f_lo == 0.0 {
        lo
    } else {
        (lo + hi) / 2.0
    }
}

/// The randomised quantile residual of a window (count c, expectation μ, fixed uniform `v` ∈
/// (0, 1), ln c!: [`Window`]) under NB(μ, `theta`), given ln Γ(θ) (`lg_theta`, shared by every
/// window at one trial size): Φ⁻¹(u), u = F(c − 1) + v·P(X = c). Each side from its own tail
/// (below the mean P(X ≤ c − 1) = I_{θ/(μ+θ)}(θ, c), above it P(X > c) = I_{μ/(μ+θ)}(c + 1,
/// θ); the incomplete beta keeps its digits in the tail it computes directly), so that neither
/// side loses them to 1 − F. Where that tail underflows (a trial size far narrower than the
/// counts), the asymptote ∓√(−2 ln p) of the point's own probability: far from the centre,
/// still ordered.
fn quantile_residual(&(c, mu, v, ln_fact): &Window, theta: f64, lg_theta: f64) -> f64 {
    let cf = f64::from(c);
    let ln_pmf = nb_ln_pmf_given(cf, mu, theta, lg_theta, ln_fact);
    let pmf = ln_pmf.exp();
    let beta = |a: f64, b: f64, x: f64| checked_beta_reg(a, b, x).unwrap_or(0.0);
    if cf >= mu {
        // 1 − u = P(X > c) + (1 − v)·P(X = c).
        let upper = beta(cf + 1.0, theta, mu / (mu + theta)) + (1.0 - v) * pmf;
        if upper > 0.0 {
            std::f64::consts::SQRT_2 * erfc_inv(2.0 * upper.min(1.0))
        } else {
            (-2.0 * ((1.0 - v).ln() + ln_pmf)).sqrt()
        }
    } else {
        let below = if c == 0 {
            0.0
        } else {
            beta(theta, cf, theta / (mu + theta))
        };
        let lower = below + v * pmf;
        if lower > 0.0 {
            -std::f64::consts::SQRT_2 * erfc_inv(2.0 * lower.min(1.0))
        } else {
            -(-2.0 * (v.ln() + ln_pmf)).sqrt()
        }
    }
}

/// An informative window as [`robust_size`] sees it: count, expectation, its fixed uniform
/// ([`window_uniform`]) and ln c!.
type Window = (u32, f64, f64, f64);

/// A fixed uniform in (0, 1) for window `k`: SplitMix64's finaliser of the index (Steele, Lea
/// and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), so the quantile
/// residuals, and the size estimated from them, are the same on every run.
fn window_uniform(k: usize) -> f64 {
    let mut z = (k as u64)
        .wrapping_add(1)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

/// The size of the sums of `len` consecutive windows of a series (counts `counts` around
/// expectations `mu`), measured on its consecutive, non-overlapping blocks the way
/// [`robust_size`] measures windows; `None` when fewer than [`DISPERSION_MIN_WINDOWS`] blocks
/// are informative (expecting at least [`DISPERSION_MIN_MEAN`]).
///
/// Summing `len` independent windows would divide their relative spread by √len; a real series'
/// windows are not independent around any model of it: where the expectation is off (a day
/// busier than the profile, an hour's level that moved), it is off for hours (measured on the
/// dense scenarios: the log error of the expectation has an autocorrelation of 0.4–0.95 an hour
/// apart; the taxi series' log residuals 0.79 one step apart), so a block's sum spreads wider
/// than independence says and a block test that assumes it raises false alarms on ordinary
/// busy hours. Measuring the null distribution of the statistic on the data themselves, robustly
/// so that their few real anomalies do not widen it, is the empirical null of B. Efron,
/// "Large-scale simultaneous hypothesis testing: the choice of a null hypothesis", JASA 2004.
pub fn block_size(counts: &[u32], mu: &[f64], len: usize) -> Option<f64> {
    if len == 0 {
        return None;
    }
    let (sums, means): (Vec<u32>, Vec<f64>) = counts
        .chunks_exact(len)
        .zip(mu.chunks_exact(len))
        .map(|(c, m)| {
            let sum = c.iter().fold(0u32, |a, &x| a.saturating_add(x));
            (sum, m.iter().sum::<f64>())
        })
        .unzip();
    let informative = means.iter().filter(|&&m| m >= DISPERSION_MIN_MEAN).count();
    if informative < DISPERSION_MIN_WINDOWS {
        return None;
    }
    Some(robust_size(&sums, &means))
}

/// How far a series' expectation itself is off over hours, as the standard deviation of its
/// log error: the robust covariance of consecutive blocks' log residuals z = ln((C + 1) /
/// (M + 1)) (C the block's reports, M its expectation; blocks of `len` windows, an hour, that
/// expect at least [`DISPERSION_MIN_MEAN`]), by the sums and differences of R. Gnanadesikan and
/// J. R. Kettenring ("Robust estimates, residuals, and outlier detection with multiresponse
/// data", Biometrics 28, 1972): cov = (s(z₁ + z₂)² − s(z₁ − z₂)²) / 4 with s the MAD scale.
/// The counts' own noise is independent from block to block and cancels; an error of the
/// expectation that lasts beyond an hour does not. 0 for a Poisson or sparse series, with
/// fewer than [`DISPERSION_MIN_WINDOWS`] pairs, or when consecutive hours do not covary.
///
/// An expectation fitted to a series is never exact: a day runs busier than the profile, a
/// level moved (measured on the dense scenarios: the log error has a robust standard deviation
/// of 0.03–0.23 and an autocorrelation of 0.4–0.95 an hour apart). Within a window that error
/// is part of the measured dispersion; over a run of many windows it does not average out,
/// and the run's evidence must allow for it ([`run_llr_spread`]). Measured between hours, not
/// neighbouring windows: an error that lasts only minutes averages out over a run (the AWS
/// development series' windows covary, its hours barely do).
pub fn expectation_spread(counts: &[u32], mu: &[f64], theta: f64, len: usize) -> f64 {
    if !theta.is_finite() || len == 0 {
        return 0.0;
    }
    let z: Vec<Option<f64>> = counts
        .chunks_exact(len)
        .zip(mu.chunks_exact(len))
        .map(|(c, m)| {
            let c: f64 = c.iter().map(|&x| f64::from(x)).sum();
            let m: f64 = m.iter().sum();
            (m >= DISPERSION_MIN_MEAN).then(|| ((c + 1.0) / (m + 1.0)).ln())
        })
        .collect();
    let (mut sum, mut diff): (Vec<f64>, Vec<f64>) = z
        .windows(2)
        .filter_map(|p| Some((p[0]? + p[1]?, p[0]? - p[1]?)))
        .unzip();
    if sum.len() < DISPERSION_MIN_WINDOWS {
        return 0.0;
    }
    let scale = |v: &mut Vec<f64>| {
        let mid = v.len() / 2;
        let median = *v.select_nth_unstable_by(mid, f64::total_cmp).1;
        for x in v.iter_mut() {
            *x = (*x - median).abs();
        }
        *v.select_nth_unstable_by(mid, f64::total_cmp).1 / NORMAL_MAD
    };
    let (s_sum, s_diff) = (scale(&mut sum), scale(&mut diff));
    ((s_sum * s_sum - s_diff * s_diff) / 4.0).max(0.0).sqrt()
}

/// The evidence of a run (counts `c` against expectations `mu`, size `theta`) that reports ran
/// above their expectation: the log-likelihood ratio, in nats, of the counts under the best
/// single multiplier a ≥ 1 of every expectation against a = 1 (the generalised likelihood
/// ratio of a level shift confined to the run; 0 when the counts are not above it). Grows with
/// both the height and the length of a rise, so it ranks incidents where the peak alone does not.
pub fn run_llr(c: &[u32], mu: &[f64], theta: f64) -> f64 {
    run_llr_spread(c, mu, theta, 0.0)
}

/// [`run_llr`] against an expectation that may itself be off by a log-normal factor of
/// standard deviation `spread` ([`expectation_spread`]): the best raised level's
/// log-likelihood less the best the null model reaches when the expectation may be off by a
/// factor e, penalised by its log-normal prior, −(ln e)²/(2·spread²). A long run a little
/// above an expectation that is known to be uncertain that much is no evidence; an outage at
/// several times the level keeps nearly all of its evidence. With `spread` 0 it is
/// [`run_llr`]. Allowing for the error of the expected value, not only for the counts'
/// dispersion, is what the outbreak-detection threshold of C. P. Farrington, N. J. Andrews,
/// A. D. Beale and M. A. Catchpole ("A statistical algorithm for the early detection of
/// outbreaks of infectious disease", JRSS A 159, 1996) does with the baseline's prediction
/// variance; the penalised (random-effect) null here is its likelihood form.
pub fn run_llr_spread(c: &[u32], mu: &[f64], theta: f64, spread: f64) -> f64 {
    let ll = |a: f64| -> f64 {
        c.iter()
            .zip(mu)
            .map(|(&c, &m)| nb_ln_pmf(c, a * m, theta) - nb_ln_pmf(c, m, theta))
            .sum()
    };
    let (sum_c, sum_mu) = c
        .iter()
        .zip(mu)
        .fold((0.0, 0.0), |(s, e), (&c, &m)| (s + f64::from(c), e + m));
    if sum_mu <= 0.0 || sum_c <= sum_mu {
        return 0.0;
    }
    // The log-likelihood is concave in ln a for NB2 and Poisson alike: golden-section search
    // on ln a between 0 and a little past the largest ratio.
    let top = c
        .iter()
        .zip(mu)
        .map(|(&c, &m)| f64::from(c) / m.max(1e-9))
        .fold(sum_c / sum_mu, f64::max);
    let raised = max_on_log_scale(|x| ll(x.exp()), top.max(1.0).ln() + 1.0);
    if spread <= 0.0 {
        return raised.max(0.0);
    }
    let v = 2.0 * spread * spread;
    let null = max_on_log_scale(|x| ll(x.exp()) - x * x / v, top.max(1.0).ln() + 1.0);
    (raised - null.max(0.0)).max(0.0)
}

/// The largest value of `f` (concave) on [0, `hi`]: golden-section search.
fn max_on_log_scale(f: impl Fn(f64) -> f64, hi: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, hi);
    let g = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..80 {
        let (x1, x2) = (hi - g * (hi - lo), lo + g * (hi - lo));
        if f(x1) < f(x2) {
            lo = x1;
        } else {
            hi = x2;
        }
    }
    f((lo + hi) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The upper tail by summing the pmf, for checking.
    fn tail_by_sum(c: u32, mu: f64, theta: f64) -> f64 {
        (c..c + 200_000)
            .map(|k| nb_ln_pmf(k, mu, theta).exp())
            .sum()
    }

    #[test]
    fn the_tail_matches_the_pmf_and_poisson_in_the_limit() {
        for &(c, mu, theta) in &[
            (5u32, 2.0, 1.0),
            (30, 10.0, 5.0),
            (400, 60.0, 3.0),
            (20_000, 15_000.0, 170.0),
            (900, 500.0, 8.0),
        ] {
            let (a, b) = (nb_tail(c, mu, theta), tail_by_sum(c, mu, theta));
            assert!(
                (a - b).abs() <= 1e-9 + 1e-6 * b,
                "c {c} mu {mu} theta {theta}: {a} vs {b}"
            );
        }
        // Far tails keep their digits (no 1 − cdf cancellation).
        let p = nb_tail(3000, 60.0, 3.0);
        assert!(p > 0.0 && p < 1e-20, "{p}");
        // θ → ∞ is Poisson.
        let (nb, po) = (nb_tail(20, 10.0, 1e9), poisson_sf(20, 10.0));
        assert!((nb - po).abs() < 1e-12);
        assert!((nb_tail(20, 10.0, 1e6) - po).abs() < 1e-5);
        assert_eq!(nb_tail(0, 3.0, 2.0), 1.0);
        // pmf sums to one.
        let s: f64 = (0..2000).map(|k| nb_ln_pmf(k, 40.0, 2.5).exp()).sum();
        assert!((s - 1.0).abs() < 1e-9, "{s}");
    }

    /// Negative binomial draws by the gamma–Poisson mixture, for the estimator's test.
    fn draws(n: usize, mu: f64, theta: f64, seed: u64) -> Vec<u32> {
        let mut s = seed;
        let mut unit = move || {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        (0..n)
            .map(|_| {
                // Gamma(θ, μ/θ) by summing exponentials for the integer part (θ is whole here).
                let rate: f64 = (0..theta as usize).map(|_| -unit().ln()).sum::<f64>() * mu / theta;
                // Poisson(rate) by inversion.
                let (mut k, mut p, u) = (0u32, (-rate).exp(), unit());
                let mut cum = p;
                while cum < u && k < 100_000 {
                    k += 1;
                    p *= rate / f64::from(k);
                    cum += p;
                }
                k
            })
            .collect()
    }

    #[test]
    fn the_size_is_recovered_and_outliers_do_not_move_it() {
        for &(mu, theta) in &[(50.0, 4.0), (200.0, 20.0), (20.0, 2.0), (8.0, 5.0)] {
            let mut c = draws(3000, mu, theta, 7);
            let m = vec![mu; c.len()];
            let est = robust_size(&c, &m);
            assert!(
                est > theta / 1.4 && est < theta * 1.4,
                "mu {mu} theta {theta}: {est}"
            );
            // A tenth of the windows at ten times the level barely moves it.
            for x in c.iter_mut().step_by(10) {
                *x *= 10;
            }
            let out = robust_size(&c, &m);
            assert!(out > theta / 1.6, "mu {mu} theta {theta}: {out}");
        }
        // Sizes under 1, where the log of the gamma rate is far from normal (the earlier
        // log-residual estimate measured θ 0.2 as 0.3–1.8): drawn by inverting the cdf.
        for &(mu, theta) in &[(30.0, 0.2), (100.0, 0.5), (10.0, 0.3)] {
            let mut s = 17u64;
            let c: Vec<u32> = (0..3000)
                .map(|_| {
                    s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let u = ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
                    let (mut k, mut cdf) = (0u32, nb_ln_pmf(0, mu, theta).exp());
                    while cdf < u && k < 1_000_000 {
                        k += 1;
                        cdf += nb_ln_pmf(k, mu, theta).exp();
                    }
                    k
                })
                .collect();
            let est = robust_size(&c, &vec![mu; c.len()]);
            assert!(
                est > theta / 1.25 && est < theta * 1.25,
                "mu {mu} theta {theta}: {est}"
            );
        }
        // Counts narrower than Poisson give Poisson.
        let poisson: Vec<u32> = (0..3000u32).map(|k| 50 + (k % 3)).collect();
        assert_eq!(robust_size(&poisson, &vec![51.0; 3000]), f64::INFINITY);
        // Sparse series are not estimated; a short dense one gets the prior.
        assert_eq!(robust_size(&[0, 1, 0, 2], &[0.5; 4]), f64::INFINITY);
        assert_eq!(robust_size(&[10, 30, 5], &[10.0; 3]), PRIOR_SIZE);
    }

    #[test]
    fn the_spread_is_what_consecutive_hours_share() {
        // Hours of 12 windows at a mean of 50, θ 20. Independent around the expectation: no
        // spread. With each day's level off by a log-normal factor (sd 0.2) that the
        // expectation does not know: about 0.2.
        let (n, hour) = (12 * 24 * 28, 12);
        let c = draws(n, 50.0, 20.0, 11);
        let mu = vec![50.0; n];
        let flat = expectation_spread(&c, &mu, 20.0, hour);
        assert!(flat < 0.05, "{flat}");
        let mut s = 3u64;
        let mut normal = move || {
            let mut u = || {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64
            };
            (-2.0 * u().ln()).sqrt() * (2.0 * std::f64::consts::PI * u()).cos()
        };
        let day: Vec<f64> = (0..28).map(|_| (0.2 * normal()).exp()).collect();
        let c: Vec<u32> = c
            .iter()
            .enumerate()
            .map(|(k, &x)| (f64::from(x) * day[k / 288]).round() as u32)
            .collect();
        let off = expectation_spread(&c, &mu, 20.0, hour);
        assert!((0.12..0.3).contains(&off), "{off}");
        // Poisson and too short: none.
        assert_eq!(expectation_spread(&c, &mu, f64::INFINITY, hour), 0.0);
        assert_eq!(
            expectation_spread(&c[..12 * 20], &mu[..12 * 20], 20.0, hour),
            0.0
        );
    }

    #[test]
    fn an_uncertain_expectation_discounts_small_long_rises_most() {
        let mu = vec![50.0; 24];
        // Two hours at 1.3 times the expectation: evidence under a known expectation, none
        // worth the name once it may be off by 15 %.
        let small = [65u32; 24];
        let (known, unsure) = (
            run_llr(&small, &mu, 20.0),
            run_llr_spread(&small, &mu, 20.0, 0.15),
        );
        assert!(known > 10.0 && unsure < 3.0, "{known} {unsure}");
        // Half an hour at six times it stays far beyond the evidence rule's 10 nats (a factor
        // of 6 is twelve standard deviations of such an error).
        let big = [300u32; 6];
        let (known_big, unsure_big) = (
            run_llr(&big, &mu[..6], 20.0),
            run_llr_spread(&big, &mu[..6], 20.0, 0.15),
        );
        assert!(unsure_big > 40.0, "{known_big} {unsure_big}");
        assert!(
            unsure_big / known_big > 1.5 * unsure / known,
            "{known} {unsure} {known_big} {unsure_big}"
        );
        assert_eq!(run_llr_spread(&big, &mu[..6], 20.0, 0.0), known_big);
    }

    #[test]
    fn the_run_llr_grows_with_height_and_length() {
        let mu = vec![10.0; 6];
        let short = run_llr(&[40, 40], &mu[..2], 5.0);
        let long = run_llr(&[40; 6], &mu, 5.0);
        let high = run_llr(&[80, 80], &mu[..2], 5.0);
        assert!(
            short > 0.0 && long > short && high > short,
            "{short} {long} {high}"
        );
        assert_eq!(run_llr(&[5, 8], &mu[..2], 5.0), 0.0);
        // Poisson: the closed form Σc ln a − (a − 1)Σμ at a = Σc/Σμ.
        let p = run_llr(&[30, 30], &[10.0, 10.0], f64::INFINITY);
        let want = 60.0 * 3f64.ln() - 2.0 * 20.0;
        assert!((p - want).abs() < 1e-6, "{p} {want}");
    }
}
