//! How right the detector's dispersion estimate is: negative binomial series of known size θ
//! (0.15–250) and mean (3–500 reports a window), drawn by the generator's own gamma–Poisson
//! mixture around a daily profile, and the size `outcry::detect::robust_size` measures from them
//! (with the expectation known exactly), clean and with outages in 3 % of the windows; and the
//! block sums' size `block_size` measures against the exact size of a sum of independent windows.
//!
//! `cargo test -p outcry-sim --test dispersion -- --nocapture` prints the table; the test holds
//! every estimate of θ ≤ 60 (where the size matters to a count test) within a quarter of the
//! truth and the block sizes within a third.

use outcry::detect::{block_size, robust_size};
use outcry_sim::Rng;

/// Windows per series: two weeks of 5-minute windows.
const N: usize = 4032;

/// A series of `N` windows around `mean` (a daily profile of peak/trough 3, or flat), NB size
/// `theta`: (counts, the exact expectations).
fn series(mean: f64, theta: f64, seed: u64, profile: bool) -> (Vec<u32>, Vec<f64>) {
    let mut r = Rng::new(seed);
    let mu: Vec<f64> = (0..N)
        .map(|k| {
            let day = (k % 288) as f64 / 288.0 * std::f64::consts::TAU;
            // exp(±ln 3 / 2) around 1: a peak three times the trough.
            let shape = if profile {
                (0.5 * 3f64.ln() * day.sin()).exp()
            } else {
                1.0
            };
            mean * shape
        })
        .collect();
    let counts = mu
        .iter()
        .map(|&m| {
            let rate = m * r.gamma(theta) / theta;
            r.poisson_big(rate)
        })
        .collect();
    (counts, mu)
}

/// Outages in 3 % of the windows: runs of 12 windows at five to twenty times their expectation.
fn with_outages(counts: &[u32], mu: &[f64], seed: u64) -> Vec<u32> {
    let mut r = Rng::new(seed ^ 0x07A6E);
    let mut c = counts.to_vec();
    for start in (300..N - 12).step_by(400) {
        let multiple = 5.0 + 15.0 * r.unit();
        for k in start..start + 12 {
            c[k] += r.poisson_big(multiple * mu[k]);
        }
    }
    c
}

#[test]
fn the_dispersion_estimate_recovers_known_sizes() {
    let thetas = [0.15, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, 20.0, 60.0, 250.0];
    let means = [3.0, 10.0, 30.0, 100.0, 500.0];
    let mut table = String::from(
        "  theta    mean   estimate  ratio   with outages  ratio   | 15-min blocks (3): true  est    hourly (12): true  est\n",
    );
    let mut worst: Vec<String> = vec![];
    for (i, &theta) in thetas.iter().enumerate() {
        for (j, &mean) in means.iter().enumerate() {
            let seed = 1_000 + 10 * i as u64 + j as u64;
            let (c, mu) = series(mean, theta, seed, true);
            let est = robust_size(&c, &mu);
            let out = robust_size(&with_outages(&c, &mu, seed), &mu);
            // Blocks: a flat mean, so that a sum of `len` independent windows is exactly
            // negative binomial of size len·θ.
            let (fc, fmu) = series(mean, theta, seed + 500, false);
            let b3 = block_size(&fc, &fmu, 3).unwrap_or(f64::NAN);
            let b12 = block_size(&fc, &fmu, 12).unwrap_or(f64::NAN);
            table.push_str(&format!(
                "  {theta:>6.2} {mean:>6.0} {est:>9.3} {:>6.2} {out:>12.3} {:>6.2}   | {:>24.2} {b3:>7.2} {:>17.2} {b12:>7.2}\n",
                est / theta,
                out / theta,
                3.0 * theta,
                12.0 * theta,
            ));
            // Only where the size shows: at θ ≤ 60 and a mean where μ/θ, the share of the
            // variance beyond Poisson, is at least a fifth.
            if theta <= 60.0 && mean / theta >= 0.2 {
                let off =
                    |e: f64, t: f64, tol: f64| !(e / t > 1.0 - tol && e / t < 1.0 / (1.0 - tol));
                if off(est, theta, 0.25) || off(out, theta, 0.3) {
                    worst.push(format!("theta {theta} mean {mean}: {est:.3}, {out:.3}"));
                }
                if off(b3, 3.0 * theta, 0.34) || off(b12, 12.0 * theta, 0.4) {
                    worst.push(format!(
                        "theta {theta} mean {mean}: blocks {b3:.3}, {b12:.3}"
                    ));
                }
            }
        }
    }
    println!("{table}");
    assert!(worst.is_empty(), "{}\n{table}", worst.join("\n"));
}
