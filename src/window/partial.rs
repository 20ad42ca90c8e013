//! Windows as plain records, for partial results written to disk and read back on another
//! machine (`stream/partial.rs`): every field of every cell, the totals and the span, written in
//! one canonical order; and windows rebuilt from such records through the same merge as parallel
//! workers', so that what is read back obeys every rule a cell keeps (evidence sorted, capped and
//! without repeats, terms sorted, the voice sketch sorted and capped) whatever the file says.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::cell::{add_facet, Cell, Detail, QuoteCount, Sample};
use super::windows::Windows;
use crate::time::Ts;

/// One cell: what one service did in one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRecord {
    /// The service's id in the lexicons.
    pub service: String,
    /// The window's index (see [`Windows::index`]).
    pub window: i64,
    pub posts: u32,
    pub reports: u32,
    pub recoveries: u32,
    /// The earliest reports kept as evidence, in time order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_samples: Vec<SampleRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recovery_samples: Vec<SampleRecord>,
    /// `[term id, count]`, by term id (ids are positions in the lexicon the header fingerprints).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<(usize, u32)>,
    /// Quoted times, by time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<QuoteRecord>,
    /// The voice sketch: the smallest voice hashes, ascending, as 16 hexadecimal digits (a JSON
    /// number would lose bits in most readers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<String>,
    /// Reports with no voice that can be told (each its own).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub anonymous: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_report: Option<Ts>,
    /// Facets named in this window (see [`FacetRecord`]), by (facet, works).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<FacetRecord>,
    /// Reports that named a failing surface, function or place.
    #[serde(default, skip_serializing_if = "all_zero")]
    pub faceted: [u32; 3],
}

/// How many posts of a window named one facet one way, with the earliest of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacetRecord {
    /// The facet's index in the lexicon the header fingerprints.
    pub facet: u32,
    /// 0 surface, 1 function, 2 place.
    pub class: u8,
    /// Posts saying it still works (else reports saying it fails).
    pub works: bool,
    pub count: u32,
    pub sample: SampleRecord,
}

fn all_zero(v: &[u32; 3]) -> bool {
    v.iter().all(|&n| n == 0)
}

/// Whether a count is zero (a field left out of a partial when so; the stream's statistics use
/// it too).
pub(crate) fn is_zero<N: Default + PartialEq>(n: &N) -> bool {
    *n == N::default()
}

/// A post kept as evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SampleRecord {
    pub time: Ts,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// A time quoted by reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord {
    pub at: Ts,
    pub count: u32,
    pub text: String,
}

fn sample_record(s: &Sample) -> SampleRecord {
    SampleRecord {
        time: s.time,
        text: s.text.clone(),
        author: s.author.clone(),
    }
}

fn sample(s: SampleRecord) -> Sample {
    Sample {
        time: s.time,
        text: s.text,
        author: s.author,
    }
}

/// The record of a cell of `service` (its id) in window `window`. Quoted times are written in
/// time order (in memory they are in the order they were first seen), so that equal cells give
/// equal records.
pub fn cell_record(service: &str, window: i64, c: &Cell) -> CellRecord {
    let d = c.detail();
    let mut quotes: Vec<QuoteRecord> = d
        .quotes
        .iter()
        .map(|q| QuoteRecord {
            at: q.at,
            count: q.count,
            text: q.text.clone(),
        })
        .collect();
    quotes.sort_by_key(|q| q.at);
    CellRecord {
        service: service.to_string(),
        window,
        posts: c.posts,
        reports: c.reports,
        recoveries: c.recoveries,
        report_samples: d.report_samples.iter().map(sample_record).collect(),
        recovery_samples: d.recovery_samples.iter().map(sample_record).collect(),
        terms: d.terms.iter().copied().collect(),
        quotes,
        voices: d.voices.iter().map(|h| format!("{h:016x}")).collect(),
        // A settled cell's folded voices are anonymous ones to a reader.
        anonymous: d.anonymous + c.folded,
        last_report: d.last_report,
        facets: d
            .facets
            .iter()
            .map(|f| FacetRecord {
                facet: f.facet,
                class: f.class,
                works: f.works,
                count: f.count,
                sample: sample_record(&f.sample),
            })
            .collect(),
        faceted: d.faceted,
    }
}

/// The cell a record describes, normalised: its evidence, terms, quoted times and voices are
/// added one by one to an empty cell, as a merge would, so the result keeps every rule of a cell.
/// Returns the record's service id and window beside it. `terms` is how many term ids the
/// lexicon has, `facets` how many facets: a larger id is an error.
pub fn cell_from_record(
    r: CellRecord,
    terms: usize,
    facets: usize,
) -> Result<(String, i64, Cell), String> {
    check_record(&r)?;
    let mut voices = ThinVec::with_capacity(r.voices.len());
    for v in &r.voices {
        let h = u64::from_str_radix(v, 16)
            .map_err(|_| format!("voice {v:?} is not a 64-bit hexadecimal number"))?;
        voices.push(h);
    }
    if let Some(&(t, _)) = r.terms.iter().find(|(t, _)| *t >= terms) {
        return Err(format!("term id {t} is beyond the lexicon's {terms} terms"));
    }
    if let Some(f) = r
        .facets
        .iter()
        .find(|f| f.facet as usize >= facets || f.class > 2)
    {
        return Err(format!(
            "facet {} (class {}) is beyond the lexicon's {facets} facets",
            f.facet, f.class
        ));
    }
    let mut facet_counts = ThinVec::new();
    for f in &r.facets {
        let s = &f.sample;
        let key = (f.facet, f.class, f.works);
        add_facet(
            &mut facet_counts,
            key,
            f.count,
            (s.time, &s.text, s.author.as_deref()),
        );
    }
    let detail = Detail {
        report_samples: r.report_samples.into_iter().map(sample).collect(),
        recovery_samples: r.recovery_samples.into_iter().map(sample).collect(),
        terms: r.terms.into_iter().collect(),
        quotes: r
            .quotes
            .into_iter()
            .map(|q| QuoteCount {
                at: q.at,
                count: q.count,
                text: q.text,
            })
            .collect(),
        voices,
        anonymous: r.anonymous,
        last_report: r.last_report,
        facets: facet_counts,
        faceted: r.faceted,
    };
    let raw = Cell {
        posts: r.posts,
        reports: r.reports,
        recoveries: r.recoveries,
        folded: 0,
        detail: (detail != Detail::default()).then(|| Box::new(detail)),
    };
    let mut cell = Cell::default();
    cell.merge(raw);
    Ok((r.service, r.window, cell))
}

/// Every time in a record is one outcry accepts (`time::in_range`). (Reports may outnumber a
/// cell's posts: an `--about` report that names no service is not a post of it.)
fn check_record(r: &CellRecord) -> Result<(), String> {
    let samples = (r.report_samples.iter())
        .chain(&r.recovery_samples)
        .chain(r.facets.iter().map(|f| &f.sample));
    let times = (samples.map(|s| s.time))
        .chain(r.quotes.iter().map(|q| q.at))
        .chain(r.last_report);
    match times.into_iter().find(|&t| !crate::time::in_range(t)) {
        Some(t) => Err(format!(
            "{} window {}: time {t} is outside the times outcry accepts (years 0001 to 9998)",
            r.service, r.window
        )),
        None => Ok(()),
    }
}

/// Windows rebuilt from their parts: the width, the zone long windows are aligned on, the cells
/// of each service (by window index), the span of post times and the records per window.
pub fn rebuild(
    width: i64,
    zone: Option<Tz>,
    cells: Vec<BTreeMap<i64, Cell>>,
    span: Option<(Ts, Ts)>,
    totals: BTreeMap<i64, u32>,
) -> Windows {
    Windows::from_parts(width, zone, cells, span, totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Kind;

    #[test]
    fn a_cell_survives_its_record_and_a_bad_record_is_put_right() {
        let mut w = Windows::new(300, 1);
        for (k, t) in [40, 10, 30, 20].into_iter().enumerate() {
            w.see(t);
            w.mention(0, t);
            w.classify(0, Kind::Report, t, &format!("down {k}"), Some("a"), &[2, 5]);
            w.quote(0, t, 1000 - t, "since then");
        }
        w.classify(0, Kind::Recovery, 50, "back", None, &[]);
        let cell = &w.cells(0)[&0];
        let rec = cell_record("gmail", 0, cell);
        assert_eq!(
            rec.quotes.iter().map(|q| q.at).collect::<Vec<_>>(),
            [960, 970, 980, 990]
        );
        let json = serde_json::to_string(&rec).unwrap();
        let back: CellRecord = serde_json::from_str(&json).unwrap();
        let (svc, idx, got) = cell_from_record(back, 10, 4).unwrap();
        assert_eq!((svc.as_str(), idx), ("gmail", 0));
        assert_eq!(cell_record("gmail", 0, &got), rec);
        assert_eq!(got.distinct_reports(), cell.distinct_reports());

        // Out of order, repeated and too many samples: sorted, deduplicated and capped.
        let mut bad = rec.clone();
        bad.report_samples.reverse();
        bad.report_samples.push(bad.report_samples[0].clone());
        bad.voices.reverse();
        bad.terms.reverse();
        let (_, _, fixed) = cell_from_record(bad, 10, 4).unwrap();
        assert_eq!(cell_record("gmail", 0, &fixed), rec);

        let mut bad = rec.clone();
        bad.terms.push((10, 1));
        assert!(cell_from_record(bad, 10, 4)
            .unwrap_err()
            .contains("term id 10"));
        let mut bad = rec;
        bad.voices[0] = "xyz".into();
        assert!(cell_from_record(bad, 10, 4).unwrap_err().contains("xyz"));
    }
}
