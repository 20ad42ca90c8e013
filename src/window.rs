//! Per-service counts in fixed time windows, built incrementally as posts arrive in any order.
//!
//! Windows are aligned on multiples of the width since the Unix epoch (UTC). The state is one
//! small cell per (service, window) that saw a post: memory grows with the time span covered, not
//! with the number of posts. Each cell also keeps the earliest few reports and recoveries as
//! evidence, and how often each term fired. `add` can be called while a stream still flows, so
//! the same state serves a later live mode; `merge` joins the states of parallel workers.

use std::collections::BTreeMap;

use crate::classify::{Kind, TermId};
use crate::time::Ts;

/// Reports kept per cell as evidence (the earliest ones).
pub const SAMPLES_PER_CELL: usize = 3;
/// Recovery posts kept per cell (the earliest ones).
pub const RECOVERIES_PER_CELL: usize = 3;
/// Evidence text is cut to this many characters.
const MAX_SAMPLE_CHARS: usize = 500;

/// The order samples are kept in.
fn key_of(s: &Sample) -> (Ts, &str, Option<&str>) {
    (s.time, s.text.as_str(), s.author.as_deref())
}

/// A post kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sample {
    pub time: Ts,
    pub text: String,
    pub author: Option<String>,
}

/// What one service did in one window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Posts naming the service (including reports and recoveries).
    pub posts: u32,
    pub reports: u32,
    pub recoveries: u32,
    /// The earliest reports, sorted by time.
    pub report_samples: Vec<Sample>,
    /// The earliest recovery posts, sorted by time.
    pub recovery_samples: Vec<Sample>,
    /// How often each outage/recovery term fired in this window's reports and recoveries.
    pub terms: Vec<(TermId, u32)>,
}

impl Cell {
    fn merge(&mut self, o: Cell) {
        self.posts += o.posts;
        self.reports += o.reports;
        self.recoveries += o.recoveries;
        for s in o.report_samples {
            keep_earliest(
                &mut self.report_samples,
                SAMPLES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for s in o.recovery_samples {
            keep_earliest(
                &mut self.recovery_samples,
                RECOVERIES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for (t, n) in o.terms {
            bump(&mut self.terms, t, n);
        }
    }
}

fn bump(terms: &mut Vec<(TermId, u32)>, t: TermId, n: u32) {
    match terms.iter_mut().find(|(id, _)| *id == t) {
        Some((_, c)) => *c += n,
        None => terms.push((t, n)),
    }
}

/// Keeps the `cap` earliest samples (by time, then text, then author: a total order, so parallel
/// workers' samples merge to the same result in any order), copying the text only when kept.
fn keep_earliest(v: &mut Vec<Sample>, cap: usize, time: Ts, text: &str, author: Option<&str>) {
    let key = (time, text, author);
    if v.len() >= cap && v.last().is_some_and(|l| key_of(l) <= key) {
        return;
    }
    let pos = v.partition_point(|s| key_of(s) <= key);
    let text = match text.char_indices().nth(MAX_SAMPLE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    };
    v.insert(
        pos,
        Sample {
            time,
            text,
            author: author.map(str::to_string),
        },
    );
    v.truncate(cap);
}

/// All windows of all services.
#[derive(Debug, Clone)]
pub struct Windows {
    /// Window width in seconds.
    pub width: i64,
    /// Per service index: window index → cell.
    cells: Vec<BTreeMap<i64, Cell>>,
    /// Earliest and latest post time seen (any post, named service or not).
    span: Option<(Ts, Ts)>,
}

impl Windows {
    pub fn new(width: i64, services: usize) -> Windows {
        assert!(width > 0);
        Windows {
            width,
            cells: vec![BTreeMap::new(); services],
            span: None,
        }
    }

    /// The window index a time falls in.
    pub fn index(&self, t: Ts) -> i64 {
        t.div_euclid(self.width)
    }

    /// The start of window `idx`.
    pub fn start(&self, idx: i64) -> Ts {
        idx * self.width
    }

    /// Notes a post's time (every record counts towards the span).
    pub fn see(&mut self, t: Ts) {
        self.span = Some(match self.span {
            None => (t, t),
            Some((a, b)) => (a.min(t), b.max(t)),
        });
    }

    /// Counts a post naming `service`.
    pub fn mention(&mut self, service: usize, t: Ts) {
        let idx = self.index(t);
        self.cells[service].entry(idx).or_default().posts += 1;
    }

    /// Counts a report or recovery for `service` (which `mention` has already counted as a post
    /// when the post names it; `--about` reports may not).
    pub fn classify(
        &mut self,
        service: usize,
        kind: Kind,
        t: Ts,
        text: &str,
        author: Option<&str>,
        terms: &[TermId],
    ) {
        let idx = self.index(t);
        let cell = self.cells[service].entry(idx).or_default();
        match kind {
            Kind::Report => {
                cell.reports += 1;
                keep_earliest(&mut cell.report_samples, SAMPLES_PER_CELL, t, text, author);
            }
            Kind::Recovery => {
                cell.recoveries += 1;
                keep_earliest(
                    &mut cell.recovery_samples,
                    RECOVERIES_PER_CELL,
                    t,
                    text,
                    author,
                );
            }
        }
        for &term in terms {
            bump(&mut cell.terms, term, 1);
        }
    }

    /// Joins another worker's windows into these.
    pub fn merge(&mut self, other: Windows) {
        assert_eq!(self.width, other.width);
        if let Some((a, b)) = other.span {
            self.see(a);
            self.see(b);
        }
        for (mine, theirs) in self.cells.iter_mut().zip(other.cells) {
            for (idx, cell) in theirs {
                mine.entry(idx).or_default().merge(cell);
            }
        }
    }

    /// First and last window index of the whole input, if any post was seen.
    pub fn span_windows(&self) -> Option<(i64, i64)> {
        self.span.map(|(a, b)| (self.index(a), self.index(b)))
    }

    /// Earliest and latest post time.
    pub fn span(&self) -> Option<(Ts, Ts)> {
        self.span
    }

    /// The cells of one service.
    pub fn cells(&self, service: usize) -> &BTreeMap<i64, Cell> {
        &self.cells[service]
    }

    /// Number of services tracked.
    pub fn services(&self) -> usize {
        self.cells.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_align_on_epoch_multiples_and_count() {
        let mut w = Windows::new(300, 2);
        for t in [1_235_467_800, 1_235_467_801, 1_235_468_099, 1_235_468_100] {
            w.see(t);
            w.mention(0, t);
        }
        w.classify(0, Kind::Report, 1_235_467_900, "down", None, &[7, 7]);
        let cells = w.cells(0);
        assert_eq!(cells.len(), 2);
        let first = &cells[&(1_235_467_800 / 300)];
        assert_eq!((first.posts, first.reports), (3, 1));
        assert_eq!(first.terms, [(7, 2)]);
        assert_eq!(
            w.span_windows(),
            Some((1_235_467_800 / 300, 1_235_468_100 / 300))
        );
        assert!(w.cells(1).is_empty());
        assert_eq!(w.index(-1), -1, "times before 1970 still align");
    }

    #[test]
    fn evidence_keeps_the_earliest_whatever_the_order() {
        let mut a = Windows::new(3600, 1);
        let mut b = Windows::new(3600, 1);
        for (i, t) in [50, 10, 40, 20, 30].into_iter().enumerate() {
            let w = if i % 2 == 0 { &mut a } else { &mut b };
            w.classify(0, Kind::Report, t, &format!("r{t}"), Some("x"), &[]);
        }
        a.merge(b);
        let cell = &a.cells(0)[&0];
        assert_eq!(cell.reports, 5);
        let times: Vec<Ts> = cell.report_samples.iter().map(|s| s.time).collect();
        assert_eq!(times, [10, 20, 30]);
    }
}
