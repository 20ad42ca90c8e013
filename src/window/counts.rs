//! Counts read back in (`detect --counts`): the same detector on a series that is already
//! aggregated, e.g. report counts exported from a monitoring tool, instead of posts.
//!
//! The file is CSV, `timestamp,count[,total][,service]`: the time of a bucket (any layout outcry
//! reads; `--input-tz` when it has no offset), the reports in it, optionally the total posts in it
//! (the chatter level the baseline follows) and the service (default: `--about`, else `service`).
//! A header row naming the columns (`timestamp`/`time`/`window_start`, `count`/`reports`,
//! `total`, `service`) may put them in any order, so `outcry windows` output reads back. Buckets
//! are added into the `--window` they start in, so the window should be a multiple of the bucket
//! width. Counts carry no authors: every report is its own voice.

use anyhow::{bail, Context, Result};

use super::Windows;
use crate::lexicon::Lexicon;
use crate::time::{self, Ts};

/// One bucket.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub time: Ts,
    pub count: u32,
    pub total: Option<u32>,
    pub service: Option<String>,
}

/// Reads the rows of a counts file.
pub fn read(text: &str, tz: chrono_tz::Tz) -> Result<Vec<Row>> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // Column positions: time, count, total, service.
    let mut cols = (0usize, 1usize, Some(2usize), Some(3usize));
    let mut out = vec![];
    for (k, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("--counts: row {}", k + 1))?;
        if k == 0 && time::parse_time(rec.get(0).unwrap_or(""), tz).is_err() {
            let find = |names: &[&str]| {
                rec.iter()
                    .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            };
            let (Some(t), Some(c)) = (
                find(&["timestamp", "time", "date", "window_start"]),
                find(&["count", "reports"]),
            ) else {
                bail!("--counts: the header needs a timestamp and a count column, got {rec:?}");
            };
            cols = (t, c, find(&["total"]), find(&["service"]));
            continue;
        }
        let field = |i: usize| rec.get(i).filter(|s| !s.is_empty());
        let line = k + 1;
        let t = field(cols.0).with_context(|| format!("--counts: row {line}: no timestamp"))?;
        let time = time::parse_time(t, tz)
            .map_err(|e| anyhow::anyhow!("--counts: row {line}: {t:?}: {e}"))?;
        let c = field(cols.1).with_context(|| format!("--counts: row {line}: no count"))?;
        let count = c
            .parse::<u32>()
            .with_context(|| format!("--counts: row {line}: count {c:?} is not a whole number"))?;
        let total = match cols.2.and_then(field) {
            Some(x) => Some(x.parse::<u32>().with_context(|| {
                format!("--counts: row {line}: total {x:?} is not a whole number")
            })?),
            None => None,
        };
        let service = cols.3.and_then(field).map(str::to_string);
        out.push(Row {
            time,
            count,
            total,
            service,
        });
    }
    Ok(out)
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
    let mut reports = 0;
    for (r, &s) in rows.iter().zip(svc) {
        w.add_counts(s, r.time, r.count, r.total.unwrap_or(r.count));
        reports += u64::from(r.count);
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
    }
}
