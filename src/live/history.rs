//! `--history`: what the live detector knows before the stream starts. Archived dumps are read
//! as `detect` reads them (posts into windows); a series of counts (an `outcry windows` CSV, or
//! `timestamp,count[,total][,service]` as `detect --counts` reads) goes into the windows
//! directly: per window and service its distinct reports (the `distinct_reports` column when
//! there is one, else the count) and the records in the window (`total`, the chatter level).
//! A local time the clocks showed twice is read as `detect --counts` reads it
//! ([`crate::window::counts::in_order`]): the later instant when the series, in time order,
//! enters the second copy of the hour, else the earlier.

use anyhow::{bail, Context, Result};

use crate::input::{self, sniff, Layout};
use crate::lexicon::Lexicon;
use crate::stream::outliers::{series_outliers, Outlier};
use crate::time::{Dst, TimeParser, Ts};
use crate::window::{counts, Windows};

/// One row of a counts history.
#[derive(Debug, Clone, PartialEq)]
pub struct CountRow {
    pub time: Ts,
    pub service: Option<String>,
    /// Reports counted once per voice (what the detector tests).
    pub reports: u32,
    /// Records in the window, whatever they name (the chatter level); `None` when not given.
    pub total: Option<u32>,
}

/// A `--history` input, opened once and sniffed: a series of counts or a dump of posts. Read
/// from this same source afterwards (its first bytes are put back), so that a pipe, a FIFO or
/// standard input, which can be read only once, is read whole.
pub struct Opened {
    pub src: input::Source,
    /// A series of counts (read by [`read_counts`]), not posts.
    pub counts: bool,
}

/// Opens `path` and tells whether it holds a series of counts rather than posts: a CSV whose
/// header names `window_start`, or a count column (`count`, `value`, `distinct_reports`) and
/// no text.
pub fn open(path: &str, quiet: bool) -> std::io::Result<Opened> {
    let mut src = input::open_quiet(path, quiet)?;
    let head = src.head_until(input::HEAD, sniff::enough);
    let counts = is_counts(path, head);
    Ok(Opened { src, counts })
}

/// Whether `head`, the first bytes of `path`, start a series of counts ([`open`]).
fn is_counts(path: &str, head: &[u8]) -> bool {
    if !matches!(sniff::layout_of(path, head), Layout::Csv { .. }) {
        return false;
    }
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let names: Vec<String> = String::from_utf8_lossy(first)
        .trim_start_matches('\u{feff}')
        .split([',', '\t'])
        .map(|s| s.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    has("window_start")
        || (["count", "value", "distinct_reports"]
            .iter()
            .any(|n| has(n))
            && !["text", "body", "content", "message"]
                .iter()
                .any(|n| has(n)))
}

/// Reads a counts history (see the module documentation) from `src`, opened from `path` by
/// [`open`]; times without a zone are in `tz`.
pub fn read_counts(src: input::Source, path: &str, tz: chrono_tz::Tz) -> Result<Vec<CountRow>> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(src.reader);
    let header: Vec<String> = rdr
        .headers()
        .with_context(|| format!("--history {path}: the header"))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| header.iter().position(|h| h == n))
    };
    let (Some(tc), Some(cc)) = (
        find(&["window_start", "timestamp", "time", "date"]),
        find(&["distinct_reports", "count", "reports", "value"]),
    ) else {
        bail!("--history {path}: a series of counts needs a time column (window_start, timestamp) and a count column (distinct_reports, count, reports), got {header:?}");
    };
    let (total_c, svc_c) = (find(&["total"]), find(&["service"]));
    let mut out = vec![];
    let mut parser = TimeParser::new(tz);
    let mut latest: Option<Ts> = None;
    for (k, rec) in rdr.records().enumerate() {
        let line = k + 2;
        let rec = rec.with_context(|| format!("--history {path}: row {line}"))?;
        let field = |i: usize| rec.get(i).filter(|s| !s.is_empty());
        let whole = |i: usize, what: &str| -> Result<Option<u32>> {
            field(i)
                .map(|s| {
                    s.parse::<f64>()
                        .ok()
                        .filter(|x| x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(x))
                        .map(|x| x as u32)
                        .with_context(|| {
                            format!(
                                "--history {path}: row {line}: {what} {s:?} is not a whole number"
                            )
                        })
                })
                .transpose()
        };
        let t = field(tc).with_context(|| format!("--history {path}: row {line}: no time"))?;
        let mut time = parser
            .parse(t)
            .map_err(|e| anyhow::anyhow!("--history {path}: row {line}: {t:?}: {e}"))?;
        if parser.last_parsed.is_some_and(|p| p.dst == Dst::Twice) {
            time = crate::window::counts::in_order(time, latest, tz);
        }
        latest = Some(latest.map_or(time, |l| l.max(time)));
        out.push(CountRow {
            time,
            service: svc_c.and_then(field).map(str::to_string),
            reports: whole(cc, "count")?.unwrap_or(0),
            total: match total_c {
                Some(c) => whole(c, "total")?,
                None => None,
            },
        });
    }
    Ok(out)
}

/// The service of each row, made known to the lexicon (`about` or `service` for rows without).
pub fn services(rows: &[CountRow], lex: &mut Lexicon, about: Option<usize>) -> Vec<usize> {
    rows.iter()
        .map(|r| match (&r.service, about) {
            (Some(name), _) => lex.ensure_service(name),
            (None, Some(a)) => a,
            (None, None) => lex.ensure_service("service"),
        })
        .collect()
}

/// The rows of a counts history far outside its bulk (a row dated 2099 beside days of 2009),
/// set aside as `detect --counts` sets them aside ([`series_outliers`]) unless `keep`
/// (`--keep-outliers`): a history that ended in 2099 put every live window "in the history".
/// Returns the rows kept and, for each set aside, why and its time.
pub fn outliers(rows: Vec<CountRow>, keep: bool) -> (Vec<CountRow>, Vec<(Outlier, Ts)>) {
    series_outliers(rows, |r| r.time, keep)
}

/// Adds the rows to `w` (`svc[k]` the service of row k), as `detect --counts` adds its rows
/// ([`counts::fill_buckets`]: a window's total once); the counts are voices already.
pub fn fill(rows: &[CountRow], svc: &[usize], w: &mut Windows) {
    let buckets = rows.iter().zip(svc).map(|(r, &s)| counts::Bucket {
        service: s,
        time: r.time,
        reports: r.reports,
        voices: r.reports,
        total: r.total,
    });
    counts::fill_buckets(buckets, w);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_windows_csv_reads_back_with_its_voices_and_chatter() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("w.csv");
        std::fs::write(
            &p,
            "window_start,window_end,service,posts,reports,recoveries,baseline,score,spike,distinct_reports,expected,total\n\
             2009-02-24T09:30:00+00:00,2009-02-24T09:35:00+00:00,gmail,9,7,0,0.1,5.0,true,5,0.2,120\n\
             2009-02-24T09:30:00+00:00,2009-02-24T09:35:00+00:00,naver,1,0,0,0.1,0,false,0,0.2,120\n",
        )
        .unwrap();
        let path = p.to_string_lossy();
        let h = open(&path, true).unwrap();
        assert!(h.counts);
        let rows = read_counts(h.src, &path, chrono_tz::UTC).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].reports, rows[0].total), (5, Some(120)));
        let mut lex = Lexicon::builtin();
        let svc = services(&rows, &mut lex, None);
        let mut w = Windows::new(300, lex.services.len());
        fill(&rows, &svc, &mut w);
        let idx = w.index(1_235_467_800);
        assert_eq!(w.totals()[&idx], 120);
        assert_eq!(w.cells(svc[0])[&idx].distinct_reports(), 5);
        // A dump is no series of counts.
        let dump = d.path().join("posts.csv");
        std::fs::write(&dump, "date,author,text\n2009-02-24,kim,down\n").unwrap();
        assert!(!open(&dump.to_string_lossy(), true).unwrap().counts);
    }
    #[test]
    fn a_local_history_across_the_fall_back_keeps_its_order() {
        // Half-hourly counts in New York local time through the night the clocks went back
        // (2024-11-03, 02:00 EDT → 01:00 EST): 00:30, 01:00, 01:30, 01:00, 01:30, 02:00. The
        // second 01:00 and 01:30 are the hour shown again, an hour later (06:00Z and 06:30Z),
        // not the first copy's windows counted twice; the first copy is EDT (05:00Z, 05:30Z).
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("h.csv");
        let mut text = String::from("timestamp,count,total\n");
        for (k, hm) in ["00:30", "01:00", "01:30", "01:00", "01:30", "02:00"]
            .iter()
            .enumerate()
        {
            text += &format!("2024-11-03 {hm}:00,{k},100\n");
        }
        std::fs::write(&p, text).unwrap();
        let path = p.to_string_lossy();
        let h = open(&path, true).unwrap();
        let rows = read_counts(h.src, &path, chrono_tz::America::New_York).unwrap();
        let times: Vec<Ts> = rows.iter().map(|r| r.time).collect();
        let z = |s: &str| crate::time::parse_time(s, chrono_tz::UTC).unwrap();
        let want: Vec<Ts> = ["04:30", "05:00", "05:30", "06:00", "06:30", "07:00"]
            .iter()
            .map(|hm| z(&format!("2024-11-03T{hm}:00Z")))
            .collect();
        assert_eq!(times, want);
        // Each window holds its own row: six windows of 30 minutes, each total 100.
        let mut lex = Lexicon::builtin();
        let svc = services(&rows, &mut lex, None);
        let mut w = Windows::new(1800, lex.services.len());
        fill(&rows, &svc, &mut w);
        assert_eq!(w.totals().len(), 6);
        assert!(w.totals().values().all(|&n| n == 100));
    }
}
