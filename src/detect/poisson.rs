//! The statistical test: the Poisson upper tail P(X ≥ k) a window's count is judged by, and
//! the score (−log10 P) reports show.

/// Largest score reported (a tail probability that underflows to zero).
pub const MAX_SCORE: f64 = 300.0;

/// ln(k!) exactly for small k, by Stirling's series above.
fn ln_factorial(k: u32) -> f64 {
    if k < 64 {
        (2..=k).map(|i| f64::from(i).ln()).sum()
    } else {
        let k = f64::from(k);
        k * k.ln() - k + 0.5 * (2.0 * std::f64::consts::PI * k).ln() + 1.0 / (12.0 * k)
            - 1.0 / (360.0 * k.powi(3))
    }
}

/// P(X ≥ k) for X ~ Poisson(λ).
pub fn poisson_sf(k: u32, lambda: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if lambda <= 0.0 {
        return 0.0;
    }
    let ln_pmf = |i: u32| f64::from(i) * lambda.ln() - lambda - ln_factorial(i);
    if f64::from(k) > lambda {
        // Upper tail directly: terms shrink geometrically past the mean.
        let mut term = ln_pmf(k).exp();
        let mut sum = 0.0;
        let mut i = k;
        while term > sum * 1e-17 && term > 0.0 {
            sum += term;
            i += 1;
            term *= lambda / f64::from(i);
        }
        sum.min(1.0)
    } else {
        // 1 − P(X ≤ k−1), summing the lower terms downwards from k−1.
        let mut term = ln_pmf(k - 1).exp();
        let mut lower = 0.0;
        let mut i = k - 1;
        loop {
            lower += term;
            if i == 0 || term < lower * 1e-17 {
                break;
            }
            term *= f64::from(i) / lambda;
            i -= 1;
        }
        (1.0 - lower).max(0.0)
    }
}

/// −log10 of a probability, capped.
pub fn score(p: f64) -> f64 {
    if p <= 0.0 {
        MAX_SCORE
    } else if p >= 1.0 {
        0.0
    } else {
        (-p.log10()).min(MAX_SCORE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_tail_matches_known_values() {
        // P(X >= 1 | 1) = 1 - e^-1
        assert!((poisson_sf(1, 1.0) - (1.0 - (-1f64).exp())).abs() < 1e-12);
        // P(X >= 3 | 0.5) = 1 - e^-0.5 (1 + 0.5 + 0.125)
        let want = 1.0 - (-0.5f64).exp() * 1.625;
        assert!((poisson_sf(3, 0.5) - want).abs() < 1e-12);
        // P(X >= 10 | 10) ≈ 0.5420702855
        assert!((poisson_sf(10, 10.0) - 0.542_070_285_5).abs() < 1e-9);
        assert_eq!(poisson_sf(0, 3.0), 1.0);
        assert_eq!(poisson_sf(5, 0.0), 0.0);
        // Far tails do not underflow to nonsense.
        let p = poisson_sf(200, 0.01);
        assert!((0.0..1e-300).contains(&p));
        assert!(poisson_sf(1000, 900.0) > 0.0 && poisson_sf(1000, 900.0) < 0.01);
        assert!(score(poisson_sf(200, 0.01)) == MAX_SCORE);
    }
}
