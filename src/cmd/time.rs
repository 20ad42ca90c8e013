//! `outcry time`: "what time was that here?" One time as a post wrote it ("10:20 am GMT",
//! "밤 9시 20분", "0930 GMT", an epoch number, any timestamp the inputs may hold), shown in every
//! zone the reader asks for.
//!
//! The source zone is the one written in the text; else `--from`; else Asia/Seoul when the text
//! is Korean (오후, 시, …); else UTC. A time of day without a date is on `--date`, or today in the
//! source zone. A local time that a DST change skipped or repeated is resolved by the rule of
//! [`time::resolve_local`] and a note on stderr says so. An ambiguous abbreviation (`IST`, or
//! `CST` without a `--from` that settles it) is a usage error listing the candidates.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::cli::{Format, TimeArgs};
use super::config::UsageError;
use super::exit_codes;
use crate::time::{self, parse, DateOrder, Dst, InputZone, Parsed, Ts};

/// One target zone's view of the instant.
#[derive(Debug, Serialize, PartialEq)]
pub struct ZoneTime {
    pub zone: String,
    /// RFC 3339 with the zone's offset.
    pub time: String,
    pub abbreviation: String,
    pub offset: String,
    /// `2009-02-24 19:20 KST (+09:00)`
    pub text: String,
}

/// The JSON answer.
#[derive(Debug, Serialize, PartialEq)]
pub struct TimeAnswer {
    pub input: String,
    pub utc: String,
    pub epoch: i64,
    /// The zone the text was read in (written, `--from`, or implied).
    pub source_zone: String,
    /// `exact`, `skipped` (moved forward over a DST gap) or `repeated` (the earlier of two).
    pub dst: String,
    pub times: Vec<ZoneTime>,
}

fn usage(msg: String) -> anyhow::Error {
    UsageError(msg).into()
}

/// Reads `when` to an instant, with the zone it was read in.
pub fn resolve(
    when: &str,
    date: Option<NaiveDate>,
    from: Option<Tz>,
) -> Result<(Parsed, String), String> {
    resolve_with(when, date, from, DateOrder::Auto)
}

/// [`resolve`] with numeric dates read in `order`.
pub fn resolve_with(
    when: &str,
    date: Option<NaiveDate>,
    from: Option<Tz>,
    order: DateOrder,
) -> Result<(Parsed, String), String> {
    let when = when.trim();
    // The rule for a time without a zone is the inputs' rule (`time::InputZone`): `--from`, else
    // Asia/Seoul for Korean text and UTC for anything else.
    let zone = from.map_or(InputZone::Implied, InputZone::Chosen);
    if let Some(p) = parse::parse_str_with(when, order) {
        let no_date = p.year.is_none() && p.month.is_none() && p.day.is_none();
        if p.hour.is_none() && no_date {
            return Err(format!("'{when}' names no date or time"));
        }
        // The source zone, and its offset when the text wrote a fixed one.
        let (src, src_name, fixed) = match p.zone {
            Some(parse::ZoneMark::Seoul) => (chrono_tz::Asia::Seoul, "Asia/Seoul".into(), None),
            Some(parse::ZoneMark::Offset(o))
            | Some(parse::ZoneMark::Abbrev(time::zones::Abbrev::Fixed(o))) => {
                (Tz::UTC, time::zones::offset_text(o), Some(o))
            }
            _ => {
                let tz = zone.zone_for(p.korean).0;
                (tz, tz.name().to_string(), None)
            }
        };
        // Today where the time was written: at a written offset, today at that offset ("9:00 pm
        // KST" asked at 18:25 UTC is on the 8th in Seoul, not on UTC's 7th).
        let today = || match fixed.and_then(chrono::FixedOffset::east_opt) {
            Some(o) => Utc::now().with_timezone(&o).date_naive(),
            None => Utc::now().with_timezone(&src).date_naive(),
        };
        let day = match (p.year, p.month, p.day) {
            (None, None, None) => date.unwrap_or_else(today),
            (y, Some(m), Some(d)) => {
                // A month and day without a year are in the year of --date (or this year).
                let y = y.unwrap_or_else(|| date.unwrap_or_else(today).year());
                NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
                    format!("'{when}': there is no such date ({y:04}-{m:02}-{d:02})")
                })?
            }
            _ => {
                return Err(format!(
                    "'{when}': give the whole date: year, month and day"
                ))
            }
        };
        let naive = p
            .naive_on(day)
            .ok_or_else(|| format!("'{when}': a date or time field is out of range"))?;
        let mut parsed = time::apply_zone(naive, p.zone, src, from).map_err(|e| match e {
            time::TimeError::AmbiguousZone(_) => format!("'{when}': {e}, e.g. with --from"),
            _ => format!("'{when}': {e}"),
        })?;
        parsed.ambiguous_date = p.ambiguous_date;
        let src_name = match p.zone {
            Some(parse::ZoneMark::Abbrev(time::zones::Abbrev::Ambiguous(a))) => {
                let off = parsed.ts - naive.and_utc().timestamp();
                format!("{} ({})", a.abbr, time::zones::offset_text(-off as i32))
            }
            _ => src_name,
        };
        return Ok((parsed, src_name));
    }
    // Whole timestamps the general reader leaves to the fast ones (epoch numbers, Twitter's layout).
    let src = from.unwrap_or(Tz::UTC);
    let rules = time::TimeRules { zone, dates: order };
    time::parse_time_ex(when, rules)
        .map(|p| (p, src.name().to_string()))
        .map_err(|e| match e {
            time::TimeError::Unrecognised => format!(
                "cannot read '{when}' as a time: try \"10:20 am GMT\", \"밤 9시 20분\", \"0930 GMT\", \"2009-02-24 18:30\" or an epoch number"
            ),
            e => format!("'{when}': {e}"),
        })
}

/// `2009-02-24 19:20 KST (+09:00)`; seconds only when there are any.
pub fn zone_time(t: Ts, tz: Tz) -> ZoneTime {
    let d = match tz.timestamp_opt(t, 0) {
        LocalResult::Single(d) => d,
        _ => tz.from_utc_datetime(&Utc::now().naive_utc()),
    };
    let hm = if t % 60 == 0 { "%H:%M" } else { "%H:%M:%S" };
    ZoneTime {
        zone: tz.name().to_string(),
        time: d.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        abbreviation: d.format("%Z").to_string(),
        offset: d.format("%:z").to_string(),
        text: d.format(&format!("%Y-%m-%d {hm} %Z (%:z)")).to_string(),
    }
}

/// The body of `outcry time`.
pub fn run(a: &TimeArgs) -> Result<i32> {
    let when = a.when.join(" ");
    let from = a
        .from
        .as_deref()
        .map(time::parse_zone)
        .transpose()
        .map_err(|e| usage(format!("--from: {e}")))?;
    let to: Vec<Tz> =
        a.to.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(time::parse_zone)
            .collect::<Result<_, _>>()
            .map_err(|e| usage(format!("--to: {e}")))?;
    if to.is_empty() {
        return Err(usage(
            "--to: give at least one zone, e.g. --to Asia/Seoul".into(),
        ));
    }
    let date = a
        .date
        .as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| usage(format!("--date: '{d}' is not a date like 2009-02-24")))
        })
        .transpose()?;
    let (parsed, source) = resolve_with(&when, date, from, a.date_order.into()).map_err(usage)?;
    if parsed.ambiguous_date {
        let day = zone_time(parsed.ts, Tz::UTC).time;
        crate::eline!(
            "outcry: note: '{when}' could be read in another order of year, month and day; read by outcry's rule (year first without a four-digit year, else month first) as {}; --date-order ymd|mdy|dmy says which",
            &day[..10]
        );
    }
    if parse::parse_str(&when).is_some_and(|p| p.korean && p.twelve_hour) {
        crate::eline!(
            "outcry: note: '{when}' names no half of the day; read as written (before noon). Add 오후 or 저녁 for the evening."
        );
    }
    match parsed.dst {
        Dst::Exact => {}
        Dst::Skipped => crate::eline!(
            "outcry: note: '{when}' does not exist in {source} (the clocks sprang forward); moved forward by the gap"
        ),
        Dst::Twice => crate::eline!(
            "outcry: note: '{when}' happened twice in {source} (the clocks fell back); the earlier is shown"
        ),
    }
    let times: Vec<ZoneTime> = to.iter().map(|z| zone_time(parsed.ts, *z)).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match a.format {
        Format::Text => {
            for t in &times {
                writeln!(out, "{}  {}", t.text, t.zone)?;
            }
        }
        Format::Json => {
            let ans = TimeAnswer {
                input: when.clone(),
                utc: time::rfc3339_utc(parsed.ts),
                epoch: parsed.ts,
                source_zone: source,
                dst: match parsed.dst {
                    Dst::Exact => "exact",
                    Dst::Skipped => "skipped",
                    Dst::Twice => "repeated",
                }
                .into(),
                times,
            };
            serde_json::to_writer_pretty(&mut out, &ans)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(exit_codes::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn the_issue_examples() {
        let r = |w: &str, from: Option<Tz>| resolve(w, d("2009-02-24"), from).unwrap().0.ts;
        let t = |s: &str| time::parse_time(s, Tz::UTC).unwrap();
        assert_eq!(r("10:20 am GMT", None), t("2009-02-24T10:20:00Z"));
        assert_eq!(r("0930 GMT", None), t("2009-02-24T09:30:00Z"));
        assert_eq!(
            r("밤 9시 20분", Some(chrono_tz::Asia::Seoul)),
            t("2009-02-24T12:20:00Z")
        );
        assert_eq!(r("밤 9시 20분", None), t("2009-02-24T12:20:00Z"));
        assert_eq!(r("1235467800", None), t("2009-02-24T09:30:00Z"));
        assert_eq!(
            zone_time(t("2009-02-24T10:20:00Z"), chrono_tz::Asia::Seoul).text,
            "2009-02-24 19:20 KST (+09:00)"
        );
        let e = resolve("9:30 IST", d("2009-02-24"), None).unwrap_err();
        assert!(e.contains("Asia/Kolkata") && e.contains("--from"), "{e}");
    }

    #[test]
    fn impossible_dates_and_seconds_are_errors() {
        for w in [
            "2024-02-30 10:00",
            "2024-13-01",
            "2009-02-29 10:00",
            "2009-02-24T09:40:65Z",
            "Feb 30 10:00",
        ] {
            let r = resolve(w, d("2009-02-24"), None);
            assert!(r.is_err(), "{w}: {r:?}");
        }
        // A month and day without a year take the year of --date, not the whole of --date.
        let (p, _) = resolve("Feb 24 10:00 GMT", d("2009-03-01"), None).unwrap();
        assert_eq!(time::rfc3339_utc(p.ts), "2009-02-24T10:00:00Z");
    }
}
