//! Where a time axis gets its ticks: at round times on the clock of the display zone (every 5
//! minutes, every hour, at midnight, ...), DST-correct, labelled `18:00`, or `02-25` at midnight
//! and for steps of a day or more. The terminal timeline and the SVG chart share them.

use chrono::{Duration, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use crate::time::{resolve_local, Ts};

/// Steps a tick may take, shortest first (seconds of the local clock); past the last one, whole
/// weeks.
const STEPS: [i64; 14] = [
    60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
];

/// A tick: its instant and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub at: Ts,
    pub label: String,
}

/// The local wall-clock time of `t` in `tz`.
fn local(t: Ts, tz: Tz) -> Option<NaiveDateTime> {
    tz.timestamp_opt(t, 0).single().map(|d| d.naive_local())
}

/// The first instant of the day that starts at local midnight `t`: midnight itself, or where a
/// DST change that skips it lands (Santiago springs from 00:00 to 01:00).
fn day_start(t: NaiveDateTime, tz: Tz) -> Ts {
    (0..=24)
        .find_map(|q| {
            tz.from_local_datetime(&(t + Duration::minutes(15 * q)))
                .earliest()
        })
        .map_or_else(|| resolve_local(t, tz), |d| d.timestamp())
}

/// The shortest step that puts at most `max` ticks on `[a, b]`.
pub fn step_for(a: Ts, b: Ts, max: usize) -> i64 {
    let span = (b - a).max(1);
    let max = max.max(1) as i64;
    STEPS
        .into_iter()
        .find(|s| span / s < max)
        .unwrap_or_else(|| 604_800 * (span / 604_800 / max + 1))
}

/// Ticks at round local times of `tz` within `[a, b]`, at most `max` of them (at least one
/// step's worth: the span may hold none).
pub fn ticks(a: Ts, b: Ts, tz: Tz, max: usize) -> Vec<Tick> {
    let step = step_for(a, b, max);
    let Some(start) = local(a, tz) else {
        return vec![];
    };
    let mut t = start.date().and_hms_opt(0, 0, 0).unwrap_or(start);
    let mut out: Vec<Tick> = vec![];
    // A week-long step counts from the Monday before, so weeks start on Mondays.
    if step >= 604_800 {
        use chrono::Datelike;
        t -= Duration::days(i64::from(t.weekday().num_days_from_monday()));
    }
    for _ in 0..100_000 {
        let midnight = t.time() == chrono::NaiveTime::MIN;
        let at = if midnight {
            day_start(t, tz)
        } else {
            resolve_local(t, tz)
        };
        if at > b {
            break;
        }
        // A clock time that does not exist that day (skipped by a DST change) gets no tick under
        // a day's step: its instant shows another time on the clock, which the label would
        // contradict. A date's tick (a day's step, a midnight) stands at the day's first instant.
        let real = local(at, tz).unwrap_or(t);
        let exists = real == t || ((step >= 86_400 || midnight) && real.date() == t.date());
        if exists && at >= a && out.last().is_none_or(|x| x.at < at) {
            let label = if step >= 86_400 || midnight {
                t.format("%m-%d")
            } else {
                t.format("%H:%M")
            };
            out.push(Tick {
                at,
                label: label.to_string(),
            });
        }
        t += Duration::seconds(step);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0900: Ts = 1_235_466_000; // 2009-02-24T09:00:00Z, 18:00 in Seoul

    #[test]
    fn hourly_ticks_in_seoul() {
        let seoul: Tz = "Asia/Seoul".parse().unwrap();
        let t = ticks(T0900 - 1800, T0900 + 4 * 3600, seoul, 6);
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["18:00", "19:00", "20:00", "21:00", "22:00"]);
        assert_eq!(t[0].at, T0900);
    }

    #[test]
    fn midnight_shows_the_date() {
        let t = ticks(T0900, T0900 + 20 * 3600, Tz::UTC, 4);
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["12:00", "18:00", "02-25"]);
    }

    #[test]
    fn a_half_hour_zone_ticks_on_its_own_clock() {
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
        let t = ticks(T0900, T0900 + 3 * 3600, kolkata, 4);
        // 09:00 UTC is 14:30 in Kolkata: the ticks are at 15:00, 16:00, 17:00 there.
        assert_eq!(t[0].label, "15:00");
        assert_eq!(t[0].at, T0900 + 1800);
    }

    #[test]
    fn dst_days_keep_local_hours() {
        // 2024-03-10, New York springs forward at 02:00: ticks every 6 hours of its clock.
        let ny: Tz = "America/New_York".parse().unwrap();
        let midnight = 1_710_046_800; // 2024-03-10T05:00:00Z = 00:00 EST
        let t = ticks(midnight, midnight + 23 * 3600, ny, 5);
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        // The day is 23 hours long: its end is the next midnight.
        assert_eq!(labels, ["03-10", "06:00", "12:00", "18:00", "03-11"]);
        // 06:00 EDT is five hours after midnight EST.
        assert_eq!(t[1].at - t[0].at, 5 * 3600);
    }

    #[test]
    fn a_clock_time_skipped_by_dst_gets_no_tick() {
        // 2024-03-31, London springs forward at 01:00 UTC (01:00 GMT becomes 02:00 BST): half-
        // hour ticks from 00:00 to 04:00 local never show 01:00 or 01:30, which that clock
        // skipped, and every label is the time the clock shows at its instant.
        let london: Tz = "Europe/London".parse().unwrap();
        let midnight = 1_711_843_200; // 2024-03-31T00:00:00Z = 00:00 GMT
        let t = ticks(midnight + 1800, midnight + 3 * 3600, london, 8);
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(
            labels,
            ["00:30", "02:00", "02:30", "03:00", "03:30", "04:00"]
        );
        for x in &t {
            let shown = local(x.at, london).unwrap().format("%H:%M").to_string();
            assert_eq!(shown, x.label);
        }
        // New York, 2024-03-10: 02:00 and 02:30 do not exist; 01:30 EST is followed by 03:00 EDT.
        let ny: Tz = "America/New_York".parse().unwrap();
        let t = ticks(1_710_050_400, 1_710_050_400 + 3 * 3600, ny, 8); // from 01:00 EST
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(
            labels,
            ["01:00", "01:30", "03:00", "03:30", "04:00", "04:30", "05:00"]
        );
        // Santiago skips 2024-09-08 00:00 (to 01:00): the day change is still shown, by its date.
        let santiago: Tz = "America/Santiago".parse().unwrap();
        let t = ticks(1_725_760_800, 1_725_760_800 + 4 * 3600, santiago, 6); // 22:00 -04
        let labels: Vec<&str> = t.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["22:00", "23:00", "09-08", "02:00", "03:00"]);
    }
}
