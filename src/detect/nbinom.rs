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
//! ch. 3, for NB2 and the Pearson-based dispersion estimate; the median absolute deviation in
//! place of the mean square is the usual robust variant (breakdown 50 %: the series' own outages
//! do not teach it their spread).

use statrs::function::beta::checked_beta_reg;
use statrs::function::gamma::ln_gamma;

use super::poisson::poisson_sf;

/// Sizes above this are treated as Poisson (θ = ∞): the difference is below what any count shows.
pub const POISSON_ABOVE: f64 = 1e7;
/// Windows expecting fewer reports than this do not inform the dispersion: their Pearson
/// residuals are too discrete for the normal approximation the estimate rests on.
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

/// ln P(X = c) for the negative binomial of mean `mu` and size `theta` (Poisson when infinite).
pub fn nb_ln_pmf(c: u32, mu: f64, theta: f64) -> f64 {
    let cf = f64::from(c);
    let mu = mu.max(1e-300);
    if theta.is_nan() || theta >= POISSON_ABOVE {
        return cf * mu.ln() - mu - ln_gamma(cf + 1.0);
    }
    ln_gamma(cf + theta) - ln_gamma(theta) - ln_gamma(cf + 1.0)
        + theta * (theta / (theta + mu)).ln()
        + cf * (mu / (theta + mu)).ln()
}

/// The size θ of a series' counts around their expectations `mu`, estimated robustly from the
/// informative windows (μ ≥ [`DISPERSION_MIN_MEAN`]): the θ for which their log residuals
/// z = ln((c + 1 + u) / (μ + 1)) / √(1/(μ + 1) + ψ₁(θ)) (u: a fixed jitter in ±½, whose small
/// variance is added too) have the median absolute deviation (around
/// their median) of a standard normal, Φ⁻¹(¾) = 0.6745. Under NB2 the rate is a gamma variable
/// whose logarithm has variance ψ₁(θ) (the trigamma function), and the Poisson draw around it
/// adds about 1/μ; on the log scale the residuals are nearly symmetric, where raw Pearson
/// residuals are skewed enough at small θ to halve the estimate's accuracy (measured on
/// simulated NB counts). The MAD is Hampel's (1974) scale estimate: the series' own outages, a
/// minority of its windows, barely move it; taken around the median, so that an expectation
/// off by a constant share does not pass for spread. When the residuals are no wider than
/// Poisson's, θ = ∞. Biased at θ under about 1, where the log of a gamma of that shape is far
/// from normal (θ 0.2 measured as 0.8 on a simulated series; README, *What is not done*).
/// With fewer than [`DISPERSION_MIN_WINDOWS`] informative windows,
/// [`PRIOR_SIZE`] (or Poisson when none is informative: sparse series, whose counts the run
/// rules and `min_reports` guard).
pub fn robust_size(counts: &[u32], mu: &[f64]) -> f64 {
    // (log ratio, its Poisson and jitter variance) of the informative windows. Each count is
    // spread over its unit interval by a fixed low-discrepancy jitter (k·0.618… mod 1, less ½):
    // otherwise the MAD of small counts jumps between a few values and the estimate with it.
    const GOLDEN: f64 = 0.618_033_988_749_894_9;
    let informative: Vec<(f64, f64)> = counts
        .iter()
        .zip(mu)
        .filter(|(_, &m)| m >= DISPERSION_MIN_MEAN)
        .enumerate()
        .map(|(k, (&c, &m))| {
            let jitter = (k as f64 * GOLDEN).fract() - 0.5;
            let m = m + 1.0;
            (
                ((f64::from(c) + 1.0 + jitter) / m).ln(),
                1.0 / m + 1.0 / (12.0 * m * m),
            )
        })
        .collect();
    if informative.is_empty() {
        return f64::INFINITY;
    }
    if informative.len() < DISPERSION_MIN_WINDOWS {
        return PRIOR_SIZE;
    }
    let mut buf = vec![0f64; informative.len()];
    let mid = buf.len() / 2;
    // The MAD of the residuals when the size is 1/inv.
    let mut mad_at = |inv: f64| {
        let gamma_var = if inv > 0.0 { trigamma(1.0 / inv) } else { 0.0 };
        for (b, &(d, m)) in buf.iter_mut().zip(&informative) {
            *b = d / (m + gamma_var).sqrt();
        }
        let median = *buf.select_nth_unstable_by(mid, f64::total_cmp).1;
        for b in buf.iter_mut() {
            *b = (*b - median).abs();
        }
        *buf.select_nth_unstable_by(mid, f64::total_cmp).1
    };
    if mad_at(0.0) <= NORMAL_MAD {
        return f64::INFINITY;
    }
    // The MAD falls as 1/θ grows: bisection on 1/θ in [1e-7, 1/MIN_SIZE], on a log scale.
    let (mut lo, mut hi) = (1e-7f64, 1.0 / MIN_SIZE);
    if mad_at(hi) > NORMAL_MAD {
        return MIN_SIZE;
    }
    for _ in 0..48 {
        let m = (lo * hi).sqrt();
        if mad_at(m) > NORMAL_MAD {
            lo = m;
        } else {
            hi = m;
        }
    }
    let theta = 2.0 / (lo + hi);
    if theta >= POISSON_ABOVE {
        f64::INFINITY
    } else {
        theta
    }
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

/// ψ₁(x), the trigamma function (x > 0): the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 6,
/// then its asymptotic series (Abramowitz & Stegun 6.4.12), accurate to about 1e-9 there.
fn trigamma(mut x: f64) -> f64 {
    let mut r = 0.0;
    while x < 6.0 {
        r += 1.0 / (x * x);
        x += 1.0;
    }
    let x2 = x * x;
    r + 1.0 / x + 1.0 / (2.0 * x2) + 1.0 / (6.0 * x2 * x) - 1.0 / (30.0 * x2 * x2 * x)
        + 1.0 / (42.0 * x2 * x2 * x2 * x)
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
        // ψ₁(1) = π²/6.
        assert!((trigamma(1.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-8);
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
