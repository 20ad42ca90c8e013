//! The seasonal profile: where each window falls on the clock and in the week, and the
//! hour-of-day and day-of-week factors of the baseline learnt from it (step 2 of the method).

use super::params::Params;
use crate::window::Windows;

/// Inputs shorter than this many days get no hour-of-day profile: too few of each hour.
pub const SEASON_HOURS_AFTER_DAYS: f64 = 3.0;
/// From this many days of input on, and until [`SEASON_HOURS_AFTER_DAYS`], the hour-of-day
/// profile is *provisional*: learnt only from the hours seen on two days or more, each leaving
/// out its more excessive day (see [`fit_factor`]). A live run on its second and third day
/// (and `detect` on an input that short) then expects the rise it saw at the same hour the day
/// before, instead of finding it a surprise.
pub const SEASON_PROVISIONAL_AFTER_DAYS: f64 = 1.0;
/// Days of the week are profiled from this many days of input on (each weekday twice).
pub const SEASON_WEEK_AFTER_DAYS: f64 = 14.0;
/// From this many days of input on, and until [`SEASON_WEEK_AFTER_DAYS`], the day-of-week
/// profile is *provisional*: two classes, weekdays (Monday to Friday) and the weekend, on the
/// profile's clock, each learnt from the days it was seen on, leaving out its most excessive
/// day (see [`fit_factor`]). A week holds each class twice or more, where it holds each weekday
/// once: a live run's second week then expects its weekdays to be as loud as the first week's,
/// instead of the average of weekdays and weekend (a work tool's Tuesday morning looked like
/// an outage on day nine of `office-1` before).
pub const SEASON_WEEKEND_AFTER_DAYS: f64 = 7.0;
/// From this many days of input on (each hour of the week four times), the profile is one
/// factor per hour of the week (168) instead of hour of day × day of week: weekend nights are not
/// weekday nights times a weekend factor (measured on the New York taxi series: Friday and
/// Saturday nights ran at twice what hour × day expected, 66 false incidents in 7 months).
pub const SEASON_WEEK_HOURS_AFTER_DAYS: f64 = 28.0;
/// Strength of the prior that pulls a seasonal factor towards 1, in reports: a bucket that
/// saw `obs` reports where the rest of the model expected `exp` gets (obs + K) / (exp + K).
pub const SEASON_PRIOR: f64 = 5.0;
/// Smallest and largest seasonal factor.
pub const SEASON_CLAMP: (f64, f64) = (0.1, 10.0);

/// Where each window of a series falls on the clock and in the week of a zone, and which of
/// the two the input spans enough of to learn: the seasonal part of the baseline. Windows are
/// grouped into *slots*, the local clock hours of the span in order (a window belongs to the
/// hour its start falls in), and the fit works on slot sums: an hour's twelve 5-minute windows
/// share every seasonal factor.
#[derive(Debug, Clone, PartialEq)]
pub struct Season {
    /// The slot of each window.
    pub slot: Vec<u32>,
    /// Local hour of the day (0–23) of each slot.
    pub hour: Vec<u8>,
    /// Local day of the week (0 = Monday) of each slot.
    pub day: Vec<u8>,
    /// Local date of each slot, counted in days from the first slot's (its week: `date / 7`).
    pub date: Vec<u32>,
    pub by_hour: bool,
    /// The hour-of-day profile rests on fewer than [`SEASON_HOURS_AFTER_DAYS`] days (see
    /// [`SEASON_PROVISIONAL_AFTER_DAYS`]).
    pub provisional: bool,
    pub by_day: bool,
    /// The day-of-week profile is two classes, weekdays and weekend (see
    /// [`SEASON_WEEKEND_AFTER_DAYS`]).
    pub weekend: bool,
    /// One factor per hour of the week (see [`SEASON_WEEK_HOURS_AFTER_DAYS`]).
    pub by_week_hour: bool,
}

impl Season {
    /// The profile for the windows `[first, last]` of `w` on the clock of `zone`; `None` when
    /// the span is too short (or the windows too wide) to learn anything.
    pub fn of(w: &Windows, first: i64, last: i64, zone: chrono_tz::Tz) -> Option<Season> {
        use chrono::{Offset, TimeZone};
        let (by_hour, by_day) = Season::learnable(w, first, last);
        let provisional = !by_hour && Season::provisional(w, first, last);
        let weekend = !by_day && Season::weekend(w, first, last);
        if !by_hour && !by_day && !provisional && !weekend {
            return None;
        }
        let by_hour = by_hour || provisional;
        let by_day = by_day || weekend;
        let n = (last - first + 1).max(0) as usize;
        let mut season = Season {
            slot: Vec::with_capacity(n),
            hour: vec![],
            day: vec![],
            date: vec![],
            by_hour,
            provisional,
            by_day,
            weekend,
            by_week_hour: w.end(last) - w.start(first)
                >= (SEASON_WEEK_HOURS_AFTER_DAYS * 86_400.0) as i64
                && w.width <= 3600,
        };
        let mut first_date = None;
        let mut last_key = None;
        // The zone's offset is looked up once per half hour of UTC: zones change offset on the
        // hour or half hour, and a window is placed by its start.
        let mut cached: Option<(i64, i64)> = None;
        for k in 0..n {
            let t = w.start(first + k as i64);
            let half_hour = t.div_euclid(1800);
            let off = match cached {
                Some((h, off)) if h == half_hour => off,
                _ => {
                    let off = chrono::DateTime::from_timestamp(t, 0).map_or(0, |d| {
                        zone.offset_from_utc_datetime(&d.naive_utc())
                            .fix()
                            .local_minus_utc()
                    });
                    cached = Some((half_hour, i64::from(off)));
                    i64::from(off)
                }
            };
            let local = t + off;
            let key = local.div_euclid(3600);
            if last_key != Some(key) {
                last_key = Some(key);
                let d = local.div_euclid(86_400);
                let d0 = *first_date.get_or_insert(d);
                season.hour.push((local.rem_euclid(86_400) / 3600) as u8);
                // 1970-01-01 was a Thursday (Monday = 0).
                season.day.push((d + 3).rem_euclid(7) as u8);
                season.date.push((d - d0) as u32);
            }
            season.slot.push((season.hour.len() - 1) as u32);
        }
        Some(season)
    }

    /// Local hour of the day of window `k`.
    pub fn hour_of(&self, k: usize) -> u8 {
        self.hour[self.slot[k] as usize]
    }

    /// The hour of the week (0–167, Monday 00:00 first) of slot `j`.
    pub fn week_hour(&self, j: usize) -> u8 {
        self.day[j] * 24 + self.hour[j]
    }

    /// Local day of the week (0 = Monday) of window `k`.
    pub fn day_of(&self, k: usize) -> u8 {
        self.day[self.slot[k] as usize]
    }

    /// The profile `params` ask for over `[first, last]`, if the span allows one.
    pub fn for_span(w: &Windows, first: i64, last: i64, params: &Params) -> Option<Season> {
        params
            .seasonal
            .then(|| Season::of(w, first, last, params.season_zone))
            .flatten()
    }

    /// Whether the windows `[first, last]` of `w` are enough to learn (hours, days of the week).
    pub fn learnable(w: &Windows, first: i64, last: i64) -> (bool, bool) {
        let days = (w.end(last) - w.start(first)) as f64 / 86_400.0;
        (
            days >= SEASON_HOURS_AFTER_DAYS && w.width <= 3600,
            days >= SEASON_WEEK_AFTER_DAYS && w.width < 86_400,
        )
    }

    /// Whether the windows `[first, last]` of `w` are enough for a provisional hour-of-day
    /// profile (see [`SEASON_PROVISIONAL_AFTER_DAYS`]).
    pub fn provisional(w: &Windows, first: i64, last: i64) -> bool {
        let days = (w.end(last) - w.start(first)) as f64 / 86_400.0;
        (SEASON_PROVISIONAL_AFTER_DAYS..SEASON_HOURS_AFTER_DAYS).contains(&days) && w.width <= 3600
    }

    /// Whether the windows `[first, last]` of `w` are enough for a provisional day-of-week
    /// profile, weekdays and weekend (see [`SEASON_WEEKEND_AFTER_DAYS`]).
    pub fn weekend(w: &Windows, first: i64, last: i64) -> bool {
        let days = (w.end(last) - w.start(first)) as f64 / 86_400.0;
        (SEASON_WEEKEND_AFTER_DAYS..SEASON_WEEK_AFTER_DAYS).contains(&days) && w.width < 86_400
    }

    /// What the detector learns from the input of `w` under `params`: "hour of the week",
    /// "hour of day and day of week", "hour of day and weekday or weekend (provisional)" (see
    /// [`SEASON_WEEKEND_AFTER_DAYS`]), "hour of day", "hour of day (provisional)" (see
    /// [`SEASON_PROVISIONAL_AFTER_DAYS`]), "day of week", "weekday or weekend (provisional)" or
    /// "none".
    /// Read on the longest segment (see [`segments`](super::segments)).
    pub fn describe(w: &Windows, params: &Params) -> &'static str {
        let longest = super::segment::segments(w)
            .into_iter()
            .max_by_key(|(a, b)| b - a);
        let learnt = match longest {
            Some((a, b)) if params.seasonal => Season::learnable(w, a, b),
            _ => (false, false),
        };
        let weekend = longest.is_some_and(|(a, b)| params.seasonal && Season::weekend(w, a, b));
        match learnt {
            (true, true)
                if longest.is_some_and(|(a, b)| {
                    w.end(b) - w.start(a) >= (SEASON_WEEK_HOURS_AFTER_DAYS * 86_400.0) as i64
                        && w.width <= 3600
                }) =>
            {
                "hour of the week"
            }
            (true, true) => "hour of day and day of week",
            (true, false) if weekend => "hour of day and weekday or weekend (provisional)",
            (true, false) => "hour of day",
            (false, true) => "day of week",
            (false, false) if weekend => "weekday or weekend (provisional)",
            (false, false)
                if longest
                    .is_some_and(|(a, b)| params.seasonal && Season::provisional(w, a, b)) =>
            {
                "hour of day (provisional)"
            }
            (false, false) => "none",
        }
    }
}

/// How many times its other week's rate a weekday's louder week must run to be left out when
/// the input holds that weekday twice ([`fit_factor`]): beyond the dense development series'
/// week-to-week drift and their holidays' falls (to 0.35 of the level: 2.9 times).
pub const WEEK_LEAVE_OUT_RATIO: f64 = 4.0;

/// One seasonal factor per bucket (24 hours or 7 days), learnt from the slots' reports `obs`
/// and weights `rest` (the chatter level times the other factor, summed over the slot's windows
/// not flagged as outliers; a slot of outliers only weighs 0): each bucket's reports against
/// what λ and the other factors expect there, pulled towards 1 by `SEASON_PRIOR`, then scaled
/// so that the factors average 1 over the windows (λ keeps its meaning: reports per window of
/// average chatter). Within each bucket the slots fall into groups (days for hours, weeks for
/// days of the week); when a bucket has three groups or more, the group with the largest excess
/// of reports over the expectation is left out: one day's outage must not teach the detector
/// that its hours are always loud. A slot's group is its date divided by `DAYS` (1: its day; 7:
/// its week). A day of the week seen in two weeks only (an input of 14 to 20 days) leaves out
/// the louder week when it ran at least [`WEEK_LEAVE_OUT_RATIO`] times the other, reports over
/// expectation: an outage several days' reports strong made its weekday loud in both weeks (an
/// audit's 3-hour outage of ~900 voices on a Wednesday of a 14-day input: both Wednesdays
/// expected ~400 voices where other days had ~8, and the outage was missed at 5m, 15m and 1h;
/// the same input cut to 13 days, with no day-of-week profile, was found at every width).
/// Leaving out the louder of any two weeks instead learnt each weekday from one week's drift
/// and made two false alarms on the dense development suite's `dense-quiet-3`. A `provisional` profile (fewer days than a bucket needs to be known) leaves the
/// more excessive group out from two groups on, and caps a bucket seen in one group only at 1:
/// one day cannot tell its hour's usual level from an outage in it, but an outage never makes
/// an hour quieter, so a quiet hour seen once is as quiet as far as the input goes. The scale
/// is taken over every slot kept, such capped buckets' too. Until issue 17's eighth pass those
/// buckets were 1 and left out of the scale, which then made the hours seen twice average 1 by
/// themselves: at a live run's edge on its second morning those are that morning's hours, and
/// a work tool's office hours were expected at the whole day's average level (gmail at 09:50
/// KST in `fresh4-office-3`: 0.31 voices a window where the fortnight gives 0.63), so the
/// ordinary second-morning rise was an outage for hours (the detector on the input up to
/// 05:30 UTC still found it; watch announced it and never withdrew it).
///
/// `DAYS` is a constant (1 or 7) so that the division by it is a multiply and a shift, or
/// nothing: a division of every slot's date, twice a call, was over a tenth of the function's
/// instructions, and the function a tenth of the detector's (cachegrind, trackback bench corpus).
pub(super) fn fit_factor<const DAYS: u32>(
    factor: &mut [f64],
    bucket: &[u8],
    date: &[u32],
    (obs, rest): (&[f64], &[f64]),
    lambda: f64,
    provisional: bool,
) {
    let m = factor.len();
    let groups = date.iter().max().map_or(0, |&g| (g / DAYS) as usize + 1);
    let cell = |j: usize| usize::from(bucket[j]) * groups + (date[j] / DAYS) as usize;
    // Reports and expectation per (bucket, group).
    let (mut o_bg, mut e_bg) = (vec![0f64; m * groups], vec![0f64; m * groups]);
    let mut seen = vec![false; m * groups];
    for j in (0..obs.len()).filter(|&j| rest[j] > 0.0) {
        let i = cell(j);
        o_bg[i] += obs[j];
        e_bg[i] += lambda * rest[j];
        seen[i] = true;
    }
    let mut dropped = vec![false; m * groups];
    let leave_out_from = if provisional { 2 } else { 3 };
    let rate = |i: usize| (o_bg[i] + SEASON_PRIOR) / (e_bg[i] + SEASON_PRIOR);
    for (b, f) in factor.iter_mut().enumerate() {
        let row = b * groups..(b + 1) * groups;
        let seen_in = row.clone().filter(|&i| seen[i]).count();
        let single = provisional && seen_in < 2;
        let by_excess =
            |&i: &usize, &j: &usize| (o_bg[i] - e_bg[i]).total_cmp(&(o_bg[j] - e_bg[j]));
        let worst = row.clone().filter(|&i| seen[i]).max_by(by_excess);
        let other = row.clone().filter(|&i| seen[i]).min_by(by_excess);
        let far = |(w, o): (usize, usize)| rate(w) >= WEEK_LEAVE_OUT_RATIO * rate(o);
        let two_weeks = DAYS == 7 && seen_in == 2 && worst.zip(other).is_some_and(far);
        if seen_in >= leave_out_from || two_weeks {
            if let Some(i) = worst {
                dropped[i] = true;
            }
        }
        let (o, e) = row
            .filter(|&i| !dropped[i])
            .fold((0.0, 0.0), |(o, e), i| (o + o_bg[i], e + e_bg[i]));
        *f = ((o + SEASON_PRIOR) / (e + SEASON_PRIOR)).clamp(SEASON_CLAMP.0, SEASON_CLAMP.1);
        if single {
            *f = f.min(1.0);
        }
    }
    let (mut with, mut without) = (0.0, 0.0);
    for j in (0..obs.len()).filter(|&j| !dropped[cell(j)]) {
        with += rest[j] * factor[usize::from(bucket[j])];
        without += rest[j];
    }
    if with > 0.0 {
        let scale = without / with;
        factor.iter_mut().for_each(|f| *f *= scale);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn season_needs_three_days_for_hours_and_two_weeks_for_days() {
        let mut w = Windows::new(300, 1);
        w.see(0);
        w.see(86_400 - 600);
        let (a, b) = w.span_windows().unwrap();
        assert_eq!(Season::of(&w, a, b, chrono_tz::UTC), None);
        assert_eq!(Season::describe(&w, &Params::default()), "none");
        // From a day on, and until three, a provisional hour-of-day profile.
        w.see(2 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::UTC).unwrap();
        assert!(s.by_hour && s.provisional && !s.by_day);
        assert_eq!(
            Season::describe(&w, &Params::default()),
            "hour of day (provisional)"
        );
        w.see(3 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::Asia::Seoul).unwrap();
        assert!(s.by_hour && !s.provisional && !s.by_day);
        assert_eq!(Season::describe(&w, &Params::default()), "hour of day");
        // 1970-01-01 00:00 UTC is 09:00 KST on a Thursday.
        assert_eq!((s.hour_of(0), s.day_of(0)), (9, 3));
        assert_eq!((s.hour_of(12), s.hour_of(15 * 12)), (10, 0));
        // From a week on, and until two, weekdays and weekend as two provisional classes.
        w.see(7 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::UTC).unwrap();
        assert!(s.by_hour && s.by_day && s.weekend);
        assert_eq!(
            Season::describe(&w, &Params::default()),
            "hour of day and weekday or weekend (provisional)"
        );
        w.see(14 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::UTC).unwrap();
        assert!(s.by_hour && s.by_day && !s.weekend);
        let off = Params {
            seasonal: false,
            ..Params::default()
        };
        assert_eq!(Season::describe(&w, &off), "none");
        // Hourly windows are still profiled by hour; daily windows only by day.
        let mut d = Windows::new(86_400, 1);
        d.see(0);
        d.see(20 * 86_400);
        let (a, b) = d.span_windows().unwrap();
        let s = Season::of(&d, a, b, chrono_tz::UTC);
        assert_eq!(s.map(|s| (s.by_hour, s.by_day)), None);
    }

    #[test]
    fn a_provisional_profile_learns_only_hours_seen_twice_without_their_louder_day() {
        // Two days of hourly slots: hour 9 holds 20 reports on both days, hour 10 holds 100 on
        // the first day (an outage) and 20 on the second, hour 11 was seen on one day only
        // (with 100), every other hour 1 report. λ = 1 report an hour.
        let mut bucket = vec![];
        let mut date = vec![];
        let mut obs = vec![];
        for d in 0..2u32 {
            for h in 0..24u8 {
                if h == 11 && d == 1 {
                    continue;
                }
                bucket.push(h);
                date.push(d);
                obs.push(match (h, d) {
                    (9, _) | (10, 1) => 20.0,
                    (10, 0) | (11, 0) => 100.0,
                    _ => 1.0,
                });
            }
        }
        let rest = vec![1.0; obs.len()];
        let mut f = [1.0; 24];
        fit_factor::<1>(&mut f, &bucket, &date, (&obs, &rest), 1.0, true);
        // The regular rise is expected; the outage day is left out, so hour 10 is learnt from
        // its ordinary day; one day's hour 11 teaches nothing.
        assert!(f[9] > 4.0 * f[0], "{f:?}");
        assert!((f[10] / f[9] - 1.0).abs() < 0.01, "{f:?}");
        assert!((f[11] / f[0] - 1.0).abs() < 0.01, "{f:?}");
        // A profile that is not provisional keeps both days of two (it leaves one out from
        // three on) and learns hour 11 from its one day.
        let mut g = [1.0; 24];
        fit_factor::<1>(&mut g, &bucket, &date, (&obs, &rest), 1.0, false);
        assert!(g[10] > 1.4 * g[9] && g[11] > 4.0 * g[0], "{g:?}");
    }

    #[test]
    fn a_second_morning_expects_the_rise_of_the_first() {
        // A work tool at a live run's edge on its second morning: the first day holds 24
        // reports an hour from 09:00 to 18:00 and 1 in every other hour, the second day so far
        // only its 09:00 hour, with 24 again. λ is the input's mean (10.2 an hour).
        let (mut bucket, mut date, mut obs) = (vec![], vec![], vec![]);
        for (h, d) in (0..24u8).map(|h| (h, 0u32)).chain([(9, 1)]) {
            bucket.push(h);
            date.push(d);
            obs.push(if (9..18).contains(&h) { 24.0 } else { 1.0 });
        }
        let rest = vec![1.0; obs.len()];
        let lambda = obs.iter().sum::<f64>() / obs.len() as f64;
        let mut f = [1.0; 24];
        fit_factor::<1>(&mut f, &bucket, &date, (&obs, &rest), lambda, true);
        // The hour seen twice is expected well above the day's average (the factors average 1
        // over the slots kept, one of hour 9's two left out), not at it: it was scaled by
        // itself alone before, to exactly 1.
        let mean: f64 = f.iter().sum::<f64>() / 24.0;
        assert!((mean - 1.0).abs() < 1e-9, "{mean}");
        assert!(f[9] > 2.0, "{f:?}");
        // A quiet hour seen once is learnt as quiet (an outage never makes an hour quieter)…
        assert!(f[3] < 0.5 * f[9], "{f:?}");
        // …a loud hour seen once is not learnt as loud (it may be an outage): it stays at
        // the factor 1 before the scale, below the hour seen twice.
        assert!(f[10] < 0.7 * f[9] && f[10] > f[3], "{f:?}");
    }

    #[test]
    fn season_hours_follow_daylight_saving_time() {
        // New York springs forward on 2024-03-10: 06:00 UTC is 01:00 EST, 07:00 UTC is 03:00 EDT.
        let mut w = Windows::new(3600, 1);
        let t0 = 1_710_028_800; // 2024-03-10 00:00 UTC
        w.see(t0 - 2 * 86_400);
        w.see(t0 + 2 * 86_400);
        let (a, b) = w.span_windows().unwrap();
        let s = Season::of(&w, a, b, chrono_tz::America::New_York).unwrap();
        let at = |t: i64| (w.index(t) - a) as usize;
        assert_eq!(s.hour_of(at(t0 + 6 * 3600)), 1);
        assert_eq!(s.hour_of(at(t0 + 7 * 3600)), 3);
        assert_eq!(s.day_of(at(t0 + 7 * 3600)), 6); // a Sunday
    }
}
