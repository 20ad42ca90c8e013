//! Counts read back in (`detect --counts`): the same detector on a series that is already
//! aggregated, e.g. report counts exported from a monitoring tool, instead of posts.
//!
//! The file is CSV, `timestamp,count[,total][,service]`: the time of a bucket (any layout outcry
//! reads; `--input-tz` when it has no offset), the reports in it, optionally the total posts in it
//! (the chatter level the baseline follows) and the service (default: `--about`, else `service`).
//! A header row naming the columns (`timestamp`/`time`/`window_start`, `count`/`reports`,
//! `total`, `service`; the count may also be called `value`, as in the Numenta Anomaly Benchmark's
//! files) may put them in any order, so `outcry windows` output reads back. Counts are whole
//! numbers, written `94` or `94.0`; `94.5` is an error naming its row. The window is the series'
//! own step ([`step`]) unless `--window` asks for a multiple of it. Counts carry no authors:
//! every report is its own voice, unless a `distinct_reports` (or `voices`) column says how many
//! voices the reports are, as `outcry windows` writes it.
//!
//! A series in local time (`--input-tz`) crosses DST edges: a time the clocks skipped is read as
//! posts' times are ([`time::resolve_local`]); a time they showed twice is the earlier instant,
//! unless it goes back behind the series by no more than the repeated span (the series in time
//! order entering the second copy of the hour), when it is the later one. Either way the row is
//! counted ([`dst_adjusted`]), as posts are.

use anyhow::{bail, Context, Result};

use super::Windows;
use crate::lexicon::Lexicon;
use crate::time::{self, Dst, TimeParser, Ts};

/// One bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub time: Ts,
    pub count: u32,
    /// The reports counted once per voice, when a column gives them (`distinct_reports`, as
    /// `outcry windows` writes it; `voices`); else every report is its own voice.
    pub voices: Option<u32>,
    pub total: Option<u32>,
    pub service: Option<String>,
    /// The local time was skipped or repeated by a DST change, so a rule placed it.
    pub dst_adjusted: bool,
}

/// How many rows' local times were placed by a DST rule (`stats.dst_adjusted`).
pub fn dst_adjusted(rows: &[Row]) -> u64 {
    rows.iter().filter(|r| r.dst_adjusted).count() as u64
}

/// The instant of a repeated local time read as its earlier occurrence `ts`: the later one when
/// the earlier goes back behind `latest` (the latest row so far) by no more than the span the
/// clocks went back, else `ts`. (`watch --history` reads its counts the same way.)
pub fn in_order(ts: Ts, latest: Option<Ts>, tz: chrono_tz::Tz) -> Ts {
    use chrono::{Offset, TimeZone};
    let off = |t: Ts| {
        tz.timestamp_opt(t, 0)
            .single()
            .map_or(0, |d| i64::from(d.offset().fix().local_minus_utc()))
    };
    // The earlier occurrence is before the change, which lies within the span after it.
    let back = off(ts) - off(ts + 3 * 3600);
    match latest {
        Some(l) if back > 0 && ts < l && l - ts <= back => ts + back,
        _ => ts,
    }
}

/// Reads the rows of a counts file.
pub fn read(text: &str, tz: chrono_tz::Tz) -> Result<Vec<Row>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // Column positions: time, count, total, service, voices.
    let mut cols = (0usize, 1usize, Some(2usize), Some(3usize), None);
    let mut out = vec![];
    let mut parser = TimeParser::new(tz);
    let mut latest: Option<Ts> = None;
    for (k, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("row {}", k + 1))?;
        if k == 0 && time::parse_time(rec.get(0).unwrap_or(""), tz).is_err() {
            let find = |names: &[&str]| {
                rec.iter()
                    .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            };
            let (Some(t), Some(c)) = (
                find(&["timestamp", "time", "date", "window_start"]),
                find(&["count", "reports", "value"]),
            ) else {
                bail!("the header needs a timestamp and a count column, got {rec:?}");
            };
            let voices = find(&["distinct_reports", "voices"]);
            cols = (t, c, find(&["total"]), find(&["service"]), voices);
            continue;
        }
        let field = |i: usize| rec.get(i).filter(|s| !s.is_empty());
        let line = k + 1;
        let t = field(cols.0).with_context(|| format!("row {line}: no timestamp"))?;
        let mut time = parser
            .parse(t)
            .map_err(|e| anyhow::anyhow!("row {line}: {t:?}: {e}"))?;
        let dst = parser.last_parsed.map_or(Dst::Exact, |p| p.dst);
        if dst == Dst::Twice {
            time = in_order(time, latest, tz);
        }
        latest = Some(latest.map_or(time, |l| l.max(time)));
        let c = field(cols.1).with_context(|| format!("row {line}: no count"))?;
        let count = whole(c).with_context(|| format!("row {line}: count {c:?}"))?;
        let total = match cols.2.and_then(field) {
            Some(x) => Some(whole(x).with_context(|| format!("row {line}: total {x:?}"))?),
            None => None,
        };
        let service = cols.3.and_then(field).map(str::to_string);
        let voices = match cols.4.and_then(field) {
            Some(x) => Some(whole(x).with_context(|| format!("row {line}: voices {x:?}"))?),
            None => None,
        };
        if voices.is_some_and(|v| v > count) {
            bail!(
                "row {line}: {} distinct voices among {count} reports",
                voices.unwrap_or(0)
            );
        }
        out.push(Row {
            time,
            count,
            voices,
            total,
            service,
            dst_adjusted: dst != Dst::Exact,
        });
    }
    Ok(out)
}

/// A count: a whole number, also when written with a decimal point (`94.0`, `1e3`).
fn whole(s: &str) -> Result<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Ok(n);
    }
    match s.parse::<f64>() {
        Ok(x) if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) => Ok(x as u32),
        Ok(x) if x.is_finite() && x >= 0.0 && x.fract() != 0.0 => {
            bail!("is not a whole number: counts are numbers of posts")
        }
        _ => bail!("is not a count (a whole number from 0 to {})", u32::MAX),
    }
}

/// The series' step: the most common gap, in seconds, between consecutive distinct bucket
/// times (ties: the shortest); `None` with fewer than two distinct times.
pub fn step(rows: &[Row]) -> Option<i64> {
    let mut times: Vec<Ts> = rows.iter().map(|r| r.time).collect();
    times.sort_unstable();
    times.dedup();
    let mut gaps: Vec<i64> = times.windows(2).map(|p| p[1] - p[0]).collect();
    gaps.sort_unstable();
    let mut best: Option<(usize, i64)> = None;
    for run in gaps.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| run.len() > n) {
            best = Some((run.len(), run[0]));
        }
    }
    best.map(|(_, g)| g)
}

/// The service names a series uses, made known to the lexicon; returns each row's service index.
pub fn services(rows: &[Row], lex: &mut Lexicon, about: Option<usize>) -> Vec<usize> {
    rows.iter()
        .map(|r| match (&r.service, about) {
            (Some(name), _) => lex.ensure_service(name),
            (None, Some(a)) => a,
            (None, None) => lex.ensure_service("service"),
        })
        .collect()
}

/// Fills windows from the rows (`svc[k]` the service of row k); returns the reports added.
pub fn fill(rows: &[Row], svc: &[usize], w: &mut Windows) -> u64 {
    let buckets = rows.iter().zip(svc).map(|(r, &s)| Bucket {
        service: s,
        time: r.time,
        reports: r.count,
        voices: r.voices.unwrap_or(r.count),
        total: r.total,
    });
    fill_buckets(buckets, w)
}

/// One aggregated bucket of a series read back (`detect --counts`, `watch --history`).
pub struct Bucket {
    pub service: usize,
    pub time: Ts,
    pub reports: u32,
    /// Of the reports, distinct voices.
    pub voices: u32,
    /// Posts in the whole bucket, whatever they name, when the series gives them.
    pub total: Option<u32>,
}

/// Adds `buckets` to `w`; returns the reports added. A `total` is the posts of the whole
/// bucket (`outcry windows` repeats it on each service's row): it is taken once per window, from
/// the first row that gives it; without one, the window's records are its reports.
pub fn fill_buckets(buckets: impl Iterator<Item = Bucket>, w: &mut Windows) -> u64 {
    let mut reports = 0;
    let mut totalled = std::collections::BTreeSet::new();
    for b in buckets {
        let total = match b.total {
            Some(t) if totalled.insert(w.index(b.time)) => t,
            Some(_) => 0,
            None => b.reports,
        };
        w.add_counts(b.service, b.time, (b.reports, b.voices), total);
        reports += u64::from(b.reports);
    }
    reports
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_and_without_header() {
        let tz = chrono_tz::Tz::UTC;
        let a = read(
            "2009-02-24T09:30:00Z,4\n2009-02-24T09:35:00Z,7,900,gmail\n",
            tz,
        )
        .unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(
            (a[0].count, a[0].total, a[0].service.as_deref()),
            (4, None, None)
        );
        assert_eq!(
            (a[1].count, a[1].total, a[1].service.as_deref()),
            (7, Some(900), Some("gmail"))
        );
        let b = read("service,count,timestamp\nnaver,3,1235467800\n", tz).unwrap();
        assert_eq!(b[0].time, 1_235_467_800);
        assert_eq!(b[0].service.as_deref(), Some("naver"));
        assert!(read("2009-02-24T09:30:00Z,x\n", tz).is_err());
        // `outcry windows` output: its distinct_reports are the voices.
        let c = read(
            "window_start,service,reports,distinct_reports,total\n\
             2009-02-24T09:30:00Z,gmail,5,2,40\n2009-02-24T09:30:00Z,naver,1,1,40\n",
            tz,
        )
        .unwrap();
        assert_eq!(
            (c[0].count, c[0].voices, c[1].voices),
            (5, Some(2), Some(1))
        );
        let mut w = Windows::new(300, 2);
        assert_eq!(fill(&c, &[0, 1], &mut w), 6);
        let cell = &w.cells(0)[&w.index(c[0].time)];
        assert_eq!((cell.reports, cell.distinct_reports()), (5, 2));
        assert_eq!(w.totals()[&w.index(c[0].time)], 40, "a window's total once");
        let e = read("time,count,voices\n2009-02-24T09:30:00Z,2,3\n", tz).unwrap_err();
        assert!(format!("{e:#}").contains("row 2"), "{e:#}");
    }

    #[test]
    fn a_local_series_across_the_fall_back_keeps_its_order_and_counts_the_dst_rows() {
        let ny = chrono_tz::America::New_York;
        // 00:30 EDT (04:30Z), then every half hour; 01:00 and 01:30 come twice.
        let text = "timestamp,count\n2024-11-03 00:30,1\n2024-11-03 01:00,2\n2024-11-03 01:30,3\n\
                    2024-11-03 01:00,4\n2024-11-03 01:30,5\n2024-11-03 02:00,6\n";
        let rows = read(text, ny).unwrap();
        let t0: Ts = 1_730_608_200;
        let times: Vec<Ts> = rows.iter().map(|r| r.time).collect();
        assert_eq!(times, (0..6).map(|k| t0 + k * 1800).collect::<Vec<_>>());
        assert_eq!(dst_adjusted(&rows), 4);
        assert_eq!(step(&rows), Some(1800));
        // Two services in one series: each time appears once per service.
        let text =
            "timestamp,count,total,service\n2024-11-03 01:30,1,9,a\n2024-11-03 01:30,1,9,b\n\
                    2024-11-03 01:00,1,9,a\n2024-11-03 01:00,1,9,b\n2024-11-03 01:30,1,9,a\n";
        let times: Vec<Ts> = read(text, ny).unwrap().iter().map(|r| r.time).collect();
        let (a, b) = (t0 + 3600, t0 + 5400);
        assert_eq!(times, [a, a, b, b, b + 1800]);
        // Skipped local times (spring forward) are counted too; UTC series count nothing.
        let rows = read("2024-03-10 02:30,1\n2024-03-10 03:30,1\n", ny).unwrap();
        assert_eq!(dst_adjusted(&rows), 1);
        let rows = read("2024-11-03T05:30:00Z,1\n2024-11-03T06:30:00Z,1\n", ny).unwrap();
        assert_eq!(dst_adjusted(&rows), 0);
    }

    #[test]
    fn decimal_counts_and_steps() {
        let tz = chrono_tz::Tz::UTC;
        let a = read(
            "timestamp,value\n2014-04-10 00:04:00,94.0\n2014-04-10 00:09:00,56\n2014-04-10 00:19:00,7.0\n",
            tz,
        )
        .unwrap();
        assert_eq!(a.iter().map(|r| r.count).collect::<Vec<_>>(), [94, 56, 7]);
        // Gaps of 5, 10 minutes: the step is 5.
        assert_eq!(step(&a), Some(300));
        assert_eq!(step(&a[..1]), None);
        let e = read(
            "timestamp,count\n2014-04-10 00:04:00,1\n2014-04-10 00:09:00,94.5\n",
            tz,
        )
        .unwrap_err();
        let msg = format!("{e:#}");
        assert!(
            msg.contains("row 3") && msg.contains("94.5") && msg.contains("whole"),
            "{msg}"
        );
        assert!(read("2014-04-10 00:04:00,-3\n", tz).is_err());
    }
}
