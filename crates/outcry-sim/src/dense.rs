//! Dense, overdispersed report-count series with known outages, read by `outcry detect --counts`.
//!
//! Real count series wander far more than a Poisson process (the development series measured in
//! the README: variance/mean 52 and 3,181; residual dispersion around the hour-of-week profile
//! θ ≈ 3 and ≈ 170 in NB2 terms). Each window's count here is negative binomial: a Poisson draw
//! around a gamma-distributed rate (shape θ) whose mean is
//!
//!   level × daily shape × weekly shape × drift × level shifts (+ an outage's reports)
//!
//! with every parameter drawn per scenario from the ranges measured on the development series
//! (see [`DenseSpec::draw`] and the README): levels 10–500 per 5-minute window and a
//! variance/mean ratio 1 + μ/θ of 3–60 at the average level (so θ from 0.17 to 250; the AWS
//! series measures about 45 at 62 a window, the taxi series about 150 at 15,000),
//! a daily peak/trough ratio of 2–6, weekends at 0.7–0.95 of weekdays, a day-to-day drift
//! of 3–8 % (AR(1) on the log level), and level shifts: steps of ×0.6–1.6 and falls to
//! 0.35–0.7 for one to three days (holidays). Outages add reports at 4–40 times the level
//! (ramping up over two minutes) for 20 minutes to 6 hours, off the window grid.

use outcry::eval::TruthEvent;
use outcry::time::Ts;

use super::{Rng, EPOCH};

/// A level shift: from `at_day` on, the level is multiplied by `factor`, for `days` days
/// (`None`: for good).
#[derive(Debug, Clone, PartialEq)]
pub struct Shift {
    pub at_day: f64,
    pub factor: f64,
    pub days: Option<f64>,
}

/// One planted outage in a dense series.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseOutage {
    /// Minutes after the scenario start (a seeded 0–299 s is added).
    pub onset_min: f64,
    pub minutes: f64,
    /// Outage reports per window, as a multiple of the background level there.
    pub multiple: f64,
}

/// A dense scenario, before generation.
#[derive(Debug, Clone, PartialEq)]
pub struct DenseSpec {
    pub name: String,
    pub seed: u64,
    pub days: f64,
    /// Window width of the series, seconds.
    pub step: i64,
    /// Mean reports per window at the daily average.
    pub level: f64,
    /// The NB size θ of the background.
    pub size: f64,
    /// Daily peak over trough.
    pub daily_ratio: f64,
    /// Weekend level relative to weekdays.
    pub weekend: f64,
    /// Standard deviation of the day-to-day change of the log level.
    pub drift: f64,
    pub shifts: Vec<Shift>,
    pub outages: Vec<DenseOutage>,
}

/// A generated dense scenario: the counts CSV (`timestamp,count`) and the truth.
#[derive(Debug, Clone)]
pub struct DenseScenario {
    pub name: String,
    pub csv: String,
    pub truth: Vec<TruthEvent>,
    /// Seconds of input outside every outage.
    pub quiet_s: i64,
    /// The spec's measured-from-generation variance/mean of the background (for the table).
    pub dispersion: f64,
    /// Each window's background mean (before the gamma and Poisson draws; outages excluded):
    /// what a perfect model would expect, to measure a detector's expectation against.
    pub means: Vec<f64>,
}

impl Rng {
    /// A standard normal draw (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.unit().max(1e-300);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }

    /// A gamma draw of shape `k` and scale 1: Marsaglia & Tsang, "A Simple Method for Generating
    /// Gamma Variables", ACM TOMS 26(3), 2000 (with the boost U^(1/k) for k < 1).
    pub fn gamma(&mut self, k: f64) -> f64 {
        if k < 1.0 {
            let u = self.unit().max(1e-300);
            return self.gamma(k + 1.0) * u.powf(1.0 / k);
        }
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            let u = self.unit().max(1e-300);
            if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v;
            }
        }
    }

    /// A Poisson draw that stays fast for large means (normal approximation above 500, where
    /// its error is far below the overdispersion drawn around it).
    pub fn poisson_big(&mut self, mean: f64) -> u32 {
        if mean > 500.0 {
            (mean + mean.sqrt() * self.normal()).round().max(0.0) as u32
        } else {
            self.poisson(mean)
        }
    }

    /// Uniform in [a, b) on a log scale.
    pub fn log_uniform(&mut self, a: f64, b: f64) -> f64 {
        (a.ln() + self.unit() * (b.ln() - a.ln())).exp()
    }
}

impl DenseSpec {
    /// A spec with every background parameter drawn from the measured ranges (module doc).
    pub fn draw(name: &str, seed: u64, days: f64) -> DenseSpec {
        let mut r = Rng::new(seed ^ 0xD15E_A5E5);
        let level = r.log_uniform(10.0, 500.0);
        // Variance/mean 1 + μ/θ at the average level, drawn from 3–60.
        let ratio = r.log_uniform(3.0, 60.0);
        DenseSpec {
            name: name.to_string(),
            seed,
            days,
            step: 300,
            level,
            size: level / (ratio - 1.0),
            daily_ratio: r.log_uniform(2.0, 6.0),
            weekend: 0.7 + 0.25 * r.unit(),
            drift: 0.03 + 0.05 * r.unit(),
            shifts: vec![],
            outages: vec![],
        }
    }
}

/// The daily shape: a cosine with its trough at 04:00 and its peak at 16:00 (scenario clock:
/// UTC), peak/trough `ratio`, averaging 1 over the day.
fn daily(t: Ts, ratio: f64) -> f64 {
    let h = t.rem_euclid(86_400) as f64 / 3600.0;
    let a = (ratio - 1.0) / (ratio + 1.0);
    1.0 - a * (2.0 * std::f64::consts::PI * (h - 4.0) / 24.0).cos()
}

/// Generates a dense scenario.
pub fn generate_dense(spec: &DenseSpec) -> DenseScenario {
    let mut rng = Rng::new(spec.seed);
    let n = (spec.days * 86_400.0) as i64 / spec.step;
    // Outage times, off the grid.
    let outages: Vec<(Ts, Ts, f64)> = spec
        .outages
        .iter()
        .map(|o| {
            let on = EPOCH + (o.onset_min * 60.0) as Ts + rng.below(300) as Ts;
            let off = on + (o.minutes * 60.0) as Ts + rng.below(300) as Ts;
            (on, off, o.multiple)
        })
        .collect();
    let mut csv = String::from("timestamp,count\n");
    let (mut sum2, mut cnt) = (0.0, 0.0);
    let mut log_drift = 0.0f64;
    let mut day_seen = -1;
    let mut means = Vec::with_capacity(n.max(0) as usize);
    for k in 0..n {
        let t0 = EPOCH + k * spec.step;
        let day = (t0 - EPOCH) / 86_400;
        if day != day_seen {
            // AR(1) on the log level, day by day: mean-reverting, the day-to-day change with
            // standard deviation about `drift`.
            log_drift = 0.7 * log_drift + spec.drift * rng.normal();
            day_seen = day;
        }
        let dayf = (t0 - EPOCH) as f64 / 86_400.0;
        let weekday = (day % 7) < 5; // EPOCH is a Monday
        let mut mean = spec.level
            * daily(t0, spec.daily_ratio)
            * if weekday { 1.0 } else { spec.weekend }
            * log_drift.exp();
        for s in &spec.shifts {
            if dayf >= s.at_day && s.days.map_or(true, |d| dayf < s.at_day + d) {
                mean *= s.factor;
            }
        }
        means.push(mean);
        let rate = mean * rng.gamma(spec.size) / spec.size;
        let background = rng.poisson_big(rate);
        // Outage reports: the multiple of the level times the share of the window it covers,
        // ramping from 30 % to full over its first two minutes.
        let mut extra = 0.0;
        for &(on, off, m) in &outages {
            let (a, b) = (t0.max(on), (t0 + spec.step).min(off));
            if a < b {
                // The ramp averaged over the overlap, in 10-second steps.
                let ramp: f64 = (a..b)
                    .step_by(10)
                    .map(|t| ((t - on) as f64 / 120.0).clamp(0.3, 1.0))
                    .sum::<f64>()
                    / ((b - a + 9) / 10) as f64;
                extra += m * mean * ramp * (b - a) as f64 / spec.step as f64;
            }
        }
        let c = background
            + if extra > 0.0 {
                rng.poisson_big(extra)
            } else {
                0
            };
        if extra == 0.0 {
            let x = f64::from(background);
            sum2 += (x - mean).powi(2) / mean;
            cnt += 1.0;
        }
        csv.push_str(&format!("{},{c}\n", outcry::time::rfc3339_utc(t0)));
    }
    let truth: Vec<TruthEvent> = outages
        .iter()
        .map(|&(on, off, _)| TruthEvent {
            service: "service".to_string(),
            onset: on,
            recovery: off,
            recovering: None,
        })
        .collect();
    let outage_s: i64 = outages.iter().map(|(a, b, _)| b - a).sum();
    DenseScenario {
        name: spec.name.clone(),
        csv,
        truth,
        quiet_s: n * spec.step - outage_s,
        dispersion: if cnt > 0.0 { sum2 / cnt } else { 0.0 },
        means,
    }
}

/// Seed offsets of the dense suite's draws (`dense_suite_seeded(offset)`). Development: 0 (the
/// suite `tests/scenarios.rs` holds to the targets) and [`DENSE_DEV_OFFSETS`] (more development
/// draws, to measure false-alarm rates on more quiet days while tuning). Held out, each run
/// once: 30 000 (issue 13, first round), 40 000 (its second round), and
/// [`DENSE_FRESH_HOLDOUT`] (reserved before the third round's tuning began), and
/// [`DENSE_FOURTH_HOLDOUT`] (reserved before the dispersion estimate's round began).
pub const DENSE_DEV_OFFSETS: [u64; 6] = [0, 1_000, 2_000, 3_000, 4_000, 5_000];
/// The held-out dense draw reserved before the third round of issue 13 (run once at its end).
pub const DENSE_FRESH_HOLDOUT: u64 = 60_000;
/// The held-out dense draw reserved before issue 13's fourth round (the dispersion estimate by
/// randomised quantile residuals) began: seeds 90 000–90 300, never drawn before. Not run while
/// tuning; run once at the end of that round.
pub const DENSE_FOURTH_HOLDOUT: u64 = 70_000;

/// The dense suite: overdispersed backgrounds (quiet, with level shifts and holiday falls, with
/// outages of every length), 16 scenarios, 9 outages. `offset` draws other seeds (the held-out
/// suite uses 10 000).
pub fn dense_suite_seeded(offset: u64) -> Vec<DenseSpec> {
    let mut v = vec![];
    let seed = |k: u64| 20_000 + k + offset;
    // Quiet: two weeks, no outage; the second half with shifts.
    for k in 0..6u64 {
        let mut s = DenseSpec::draw(&format!("dense-quiet-{k}"), seed(k), 14.0);
        let mut r = Rng::new(seed(k) ^ 0x5117);
        if k >= 3 {
            s.shifts.push(Shift {
                at_day: 3.0 + 6.0 * r.unit(),
                factor: r.log_uniform(0.6, 1.6),
                days: None,
            });
            s.shifts.push(Shift {
                at_day: 9.0 + 2.0 * r.unit(),
                factor: 0.35 + 0.35 * r.unit(),
                days: Some(1.0 + 2.0 * r.unit()),
            });
        }
        v.push(s);
    }
    // One outage in a week: 20 minutes to 6 hours, 4–40 times the level.
    for k in 0..8u64 {
        let mut s = DenseSpec::draw(&format!("dense-single-{k}"), seed(100 + k), 7.0);
        let mut r = Rng::new(seed(100 + k) ^ 0x07A6E);
        s.outages.push(DenseOutage {
            onset_min: 3.0 * 1440.0 + 1440.0 * r.unit(),
            minutes: r.log_uniform(20.0, 360.0),
            multiple: r.log_uniform(4.0, 40.0),
        });
        v.push(s);
    }
    // A lasting level shift and a holiday fall, then an outage after them (three weeks).
    for k in 0..2u64 {
        let mut s = DenseSpec::draw(&format!("dense-shift-{k}"), seed(200 + k), 21.0);
        let mut r = Rng::new(seed(200 + k) ^ 0x5417);
        s.shifts.push(Shift {
            at_day: 5.0 + 2.0 * r.unit(),
            factor: r.log_uniform(0.6, 1.6),
            days: None,
        });
        s.shifts.push(Shift {
            at_day: 10.0,
            factor: 0.35 + 0.35 * r.unit(),
            days: Some(1.0 + 2.0 * r.unit()),
        });
        s.outages.push(DenseOutage {
            onset_min: 16.0 * 1440.0 + 1440.0 * r.unit(),
            minutes: r.log_uniform(20.0, 360.0),
            multiple: r.log_uniform(4.0, 40.0),
        });
        v.push(s);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_and_nb_draws_have_the_right_moments() {
        let mut r = Rng::new(5);
        let n = 40_000;
        let g: Vec<f64> = (0..n).map(|_| r.gamma(3.0)).collect();
        let mean = g.iter().sum::<f64>() / n as f64;
        let var = g.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(
            (mean - 3.0).abs() < 0.05 && (var - 3.0).abs() < 0.15,
            "{mean} {var}"
        );
        let small = (0..n).map(|_| r.gamma(0.5)).sum::<f64>() / n as f64;
        assert!((small - 0.5).abs() < 0.02, "{small}");
        // NB(μ 50, θ 5): variance 50 + 500.
        let c: Vec<f64> = (0..n)
            .map(|_| {
                let rate = 50.0 * r.gamma(5.0) / 5.0;
                f64::from(r.poisson_big(rate))
            })
            .collect();
        let m = c.iter().sum::<f64>() / n as f64;
        let v = c.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n as f64;
        assert!(
            (m - 50.0).abs() < 1.0 && (v / 550.0 - 1.0).abs() < 0.08,
            "{m} {v}"
        );
    }

    #[test]
    fn dense_scenarios_are_deterministic_and_overdispersed() {
        let specs = dense_suite_seeded(0);
        let a = generate_dense(&specs[6]);
        let b = generate_dense(&specs[6]);
        assert_eq!(a.csv, b.csv);
        assert_eq!(a.truth.len(), 1);
        for s in &specs {
            let d = generate_dense(s).dispersion;
            assert!(d > 1.5, "{} variance/mean {d}", s.name);
        }
    }
}
