//! One service's window: its report, recovery and post counts, and the little it keeps as
//! evidence (the earliest reports and recoveries, the terms that fired, quoted times, a sketch of
//! the distinct voices). Cells merge exactly, whichever worker saw which post.

use std::cmp::Ordering;

use thin_vec::ThinVec;

use super::voice::{add_voice, grow_gently, VOICES_PER_CELL};
use crate::lexicon::classify::TermId;
use crate::time::Ts;

/// Reports kept per cell as evidence (the earliest ones).
pub const SAMPLES_PER_CELL: usize = 3;
/// Recovery posts kept per cell (the earliest ones).
pub const RECOVERIES_PER_CELL: usize = 3;
/// Evidence text is cut to this many characters.
const MAX_SAMPLE_CHARS: usize = 500;

/// A post kept as evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Sample {
    pub time: Ts,
    pub text: String,
    pub author: Option<String>,
}

/// A time quoted in report posts ("down since 10:20 GMT"), and how many posts quoted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCount {
    pub at: Ts,
    pub count: u32,
    /// The words of the first post that quoted it.
    pub text: String,
}

/// Distinct quoted times kept per cell (further ones are dropped; counts of kept ones go on).
pub const QUOTES_PER_CELL: usize = 8;

/// What one service did in one window. Most cells only count posts that name the service: the
/// evidence and sketches of cells that saw reports, recoveries or quoted times are kept apart
/// ([`Detail`]), so that a mention-only cell takes 24 bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// Posts naming the service (including reports and recoveries).
    pub posts: u32,
    pub reports: u32,
    pub recoveries: u32,
    /// Live mode: the distinct reports of a closed window whose detail was dropped once it was
    /// older than the evidence kept (see [`Cell::settle`]); 0 otherwise. Fits in the padding
    /// beside the three counts: a cell stays 24 bytes.
    pub(super) folded: u32,
    /// `None` while empty.
    pub(super) detail: Option<Box<Detail>>,
}

/// The evidence and sketches of a cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    /// The earliest reports, sorted by time.
    pub report_samples: ThinVec<Sample>,
    /// The earliest recovery posts, sorted by time.
    pub recovery_samples: ThinVec<Sample>,
    /// How often each outage/recovery term fired in this window's reports and recoveries, sorted
    /// by term.
    pub terms: ThinVec<(TermId, u32)>,
    /// Times quoted by this window's reports.
    pub quotes: ThinVec<QuoteCount>,
    /// The smallest `VOICES_PER_CELL` voice hashes of this window's reports, sorted (see
    /// [`voice`]).
    pub voices: ThinVec<u64>,
    /// Reports with no author and a short text: each its own voice.
    pub anonymous: u32,
    /// The latest report's time.
    pub last_report: Option<Ts>,
    /// The facets this window's posts named, sorted by (facet, works) (see [`FacetCount`]).
    pub facets: ThinVec<FacetCount>,
    /// Reports that name at least one failing facet of each class (surface, function, place).
    pub faceted: [u32; 3],
}

/// Facets kept per cell: a cell holds at most one entry per (facet, reading), so this only
/// guards against a user lexicon with thousands of facets; past it, the lowest (facet, reading)
/// pairs are kept ([`add_facet`]).
pub const FACETS_PER_CELL: usize = 64;
/// A facet's evidence text is cut to this many characters.
const MAX_FACET_SAMPLE_CHARS: usize = 280;

/// How many posts of one window named one facet one way: reports that say it fails, or posts
/// naming the service that say it still works. Keeps the earliest such post as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// The facet's index in the lexicon.
    pub facet: u32,
    /// Its class (0 surface, 1 function, 2 place).
    pub class: u8,
    /// The posts say it still works (else: reports that say it fails).
    pub works: bool,
    pub count: u32,
    pub sample: Sample,
}

/// Counts a facet in `v` (sorted by (facet, works)), keeping the earliest evidence post.
pub fn add_facet(
    v: &mut ThinVec<FacetCount>,
    (facet, class, works): (u32, u8, bool),
    n: u32,
    sample: (Ts, &str, Option<&str>),
) {
    let key = |f: &FacetCount| (f.facet, f.works);
    match v.binary_search_by_key(&(facet, works), key) {
        Ok(k) => {
            let f = &mut v[k];
            f.count += n;
            if sample
                < (
                    f.sample.time,
                    f.sample.text.as_str(),
                    f.sample.author.as_deref(),
                )
            {
                f.sample = cut_sample(sample);
            }
        }
        // Past the cap, the pairs of the lowest keys are kept (a lower one pushes the highest
        // out), so the cell holds the same pairs with the same counts whatever order its posts
        // and its workers' cells came in: a pair pushed out has `FACETS_PER_CELL` lower ones
        // kept, so it never comes back, and a pair kept was never pushed out.
        Err(k) if v.len() < FACETS_PER_CELL || k < v.len() => {
            if v.len() >= FACETS_PER_CELL {
                v.pop();
            }
            grow_gently(v);
            v.insert(
                k,
                FacetCount {
                    facet,
                    class,
                    works,
                    count: n,
                    sample: cut_sample(sample),
                },
            )
        }
        Err(_) => {}
    }
}

fn cut_sample((time, text, author): (Ts, &str, Option<&str>)) -> Sample {
    let text = match text.char_indices().nth(MAX_FACET_SAMPLE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    };
    Sample {
        time,
        text,
        author: author.map(str::to_string),
    }
}

/// The detail of every cell that has none.
static NO_DETAIL: Detail = Detail {
    report_samples: ThinVec::new(),
    recovery_samples: ThinVec::new(),
    terms: ThinVec::new(),
    quotes: ThinVec::new(),
    voices: ThinVec::new(),
    anonymous: 0,
    last_report: None,
    facets: ThinVec::new(),
    faceted: [0; 3],
};

impl Cell {
    /// Evidence, terms, quoted times and voices (all empty for a cell that only saw mentions).
    pub fn detail(&self) -> &Detail {
        self.detail.as_deref().unwrap_or(&NO_DETAIL)
    }

    pub(super) fn detail_mut(&mut self) -> &mut Detail {
        self.detail.get_or_insert_with(Box::default)
    }

    pub(super) fn merge(&mut self, o: Cell) {
        self.posts += o.posts;
        self.reports += o.reports;
        self.recoveries += o.recoveries;
        self.folded += o.folded;
        let Some(o) = o.detail else {
            return;
        };
        let d = self.detail_mut();
        for s in o.report_samples {
            keep_earliest(
                &mut d.report_samples,
                SAMPLES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for s in o.recovery_samples {
            keep_earliest(
                &mut d.recovery_samples,
                RECOVERIES_PER_CELL,
                s.time,
                &s.text,
                s.author.as_deref(),
            );
        }
        for (t, n) in o.terms {
            bump(&mut d.terms, t, n);
        }
        for q in o.quotes {
            add_quote(&mut d.quotes, QUOTES_PER_CELL, q.at, q.count, &q.text);
        }
        for h in o.voices {
            add_voice(&mut d.voices, h);
        }
        d.anonymous += o.anonymous;
        d.last_report = d.last_report.max(o.last_report);
        for f in o.facets {
            let s = &f.sample;
            add_facet(
                &mut d.facets,
                (f.facet, f.class, f.works),
                f.count,
                (s.time, &s.text, s.author.as_deref()),
            );
        }
        for (a, b) in d.faceted.iter_mut().zip(o.faceted) {
            *a += b;
        }
    }

    /// Live mode, once the window is closed and can take no more posts: the voice sketch is
    /// folded into the count of anonymous voices (so [`Cell::distinct_reports`] stays what it
    /// was, and the sketch's up to `VOICES_PER_CELL` hashes are freed); without `evidence`, the
    /// whole detail goes (samples, terms, quoted times, facets with their sample posts, the
    /// last report's time), its distinct reports kept in the cell itself: only what the
    /// detector counts is left, in the cell's 24 bytes (issue 17's eighteenth pass: before, a
    /// window with reports kept its boxed detail, facets' sample posts included, for the whole
    /// horizon).
    pub(super) fn settle(&mut self, evidence: bool) {
        let distinct = self.distinct_reports();
        if !evidence {
            if self.detail.take().is_some() {
                self.folded = distinct;
            }
            return;
        }
        let Some(d) = self.detail.as_deref_mut() else {
            return;
        };
        if !d.voices.is_empty() {
            d.voices = ThinVec::new();
            d.anonymous = distinct - self.folded.min(distinct);
        }
    }

    /// Reports counted once per voice: exact up to `VOICES_PER_CELL` voices, estimated from the
    /// sketch beyond (never more than the raw count).
    pub fn distinct_reports(&self) -> u32 {
        let d = self.detail();
        let n = d.voices.len();
        let voiced = if n < VOICES_PER_CELL {
            n as u32
        } else {
            let kth = d.voices[n - 1].max(1) as f64 / u64::MAX as f64;
            (((n - 1) as f64 / kth).round() as u32).max(n as u32)
        };
        (self.folded + voiced + d.anonymous).min(self.reports)
    }
}

/// Counts a quoted time, copying its text only when it is new (and there is room under `cap`).
///
/// When more than `cap` distinct times are quoted, the `cap` earliest are kept. That rule merges
/// exactly (a time among the earliest of all posts is among the earliest of every part), so the
/// counts are the same whichever worker saw which post; of two spellings of one time, the
/// smaller is kept for the same reason.
pub fn add_quote(v: &mut ThinVec<QuoteCount>, cap: usize, at: Ts, n: u32, text: &str) {
    if let Some(q) = v.iter_mut().find(|q| q.at == at) {
        q.count += n;
        if text < q.text.as_str() {
            q.text = text.to_string();
        }
        return;
    }
    let entry = QuoteCount {
        at,
        count: n,
        text: text.to_string(),
    };
    if v.len() < cap {
        grow_gently(v);
        v.push(entry);
    } else if let Some(latest) = v.iter_mut().max_by_key(|q| q.at).filter(|q| q.at > at) {
        *latest = entry;
    }
}

/// Counts a term; the list stays sorted by term, so merged workers agree in any order.
pub(super) fn bump(terms: &mut ThinVec<(TermId, u32)>, t: TermId, n: u32) {
    match terms.binary_search_by_key(&t, |(id, _)| *id) {
        Ok(k) => terms[k].1 += n,
        Err(k) => {
            grow_gently(terms);
            terms.insert(k, (t, n))
        }
    }
}

/// Keeps the `cap` earliest samples (by time, then text, then author: a total order, so parallel
/// workers' samples merge to the same result in any order), copying the text only when kept. The
/// same post seen twice (overlapping dumps) is kept once.
///
/// A text is compared as it is kept: cut to `MAX_SAMPLE_CHARS` with `…` after. A sample merged
/// from another worker or a partial result (`partial.rs`) is already cut, so comparing the uncut
/// text would let two long posts with one beginning fall in another order in one run than in a
/// merge of parts.
pub(super) fn keep_earliest(
    v: &mut ThinVec<Sample>,
    cap: usize,
    time: Ts,
    text: &str,
    author: Option<&str>,
) {
    // Where the text is cut, found only when a time ties (most comparisons are settled by it).
    let kept: std::cell::OnceCell<(&str, &str)> = std::cell::OnceCell::new();
    let kept = || {
        *kept.get_or_init(|| match text.char_indices().nth(MAX_SAMPLE_CHARS) {
            Some((cut, _)) => (&text[..cut], "…"),
            None => (text, ""),
        })
    };
    let cmp = |s: &Sample| -> Ordering {
        s.time.cmp(&time).then_with(|| {
            let (head, tail) = kept();
            let theirs = head.as_bytes().iter().chain(tail.as_bytes());
            s.text
                .as_bytes()
                .iter()
                .cmp(theirs)
                .then_with(|| s.author.as_deref().cmp(&author))
        })
    };
    if v.len() >= cap && v.last().is_some_and(|l| cmp(l) != Ordering::Greater) {
        return;
    }
    let pos = v.partition_point(|s| cmp(s) == Ordering::Less);
    if v.get(pos).is_some_and(|s| cmp(s) == Ordering::Equal) {
        return;
    }
    let (head, tail) = kept();
    let text = if tail.is_empty() {
        head.to_string()
    } else {
        format!("{head}{tail}")
    };
    if v.len() == cap {
        v.pop(); // the latest goes (`pos < cap`: a later post returned above)
    }
    grow_gently(v);
    v.insert(
        pos,
        Sample {
            time,
            text,
            author: author.map(str::to_string),
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two long reports at one second that differ only after the cut: kept the same way whether
    /// one cell saw both or two cells were merged, in either order.
    #[test]
    fn long_texts_are_ordered_as_they_are_kept() {
        let base = "가".repeat(MAX_SAMPLE_CHARS);
        let (a, b) = (format!("{base}!"), format!("{base}~"));
        let (short_after, other) = (format!("{}나", "가".repeat(10)), "가가가 down".to_string());
        let texts = [a.as_str(), b.as_str(), short_after.as_str(), other.as_str()];
        let one = |order: &[usize]| {
            let mut c = Cell::default();
            for &k in order {
                keep_earliest(
                    &mut c.detail_mut().report_samples,
                    SAMPLES_PER_CELL,
                    100,
                    texts[k],
                    None,
                );
            }
            c
        };
        let whole = one(&[0, 1, 2, 3]);
        for split in [[0usize, 2], [1, 3], [3, 0]] {
            let rest: Vec<usize> = (0..4).filter(|k| !split.contains(k)).collect();
            for (x, y) in [(one(&split), one(&rest)), (one(&rest), one(&split))] {
                let mut m = x;
                m.merge(y);
                assert_eq!(m.detail().report_samples, whole.detail().report_samples);
            }
        }
    }

    #[test]
    fn facet_counts_are_bounded_and_merge_in_any_order() {
        let mut v = ThinVec::new();
        for f in 0..(FACETS_PER_CELL as u32 + 10) {
            add_facet(&mut v, (f, 0, false), 1, (5, "x", None));
        }
        assert_eq!(v.len(), FACETS_PER_CELL, "a cell never holds more");
        assert_eq!(v.last().map(|f| f.facet), Some(FACETS_PER_CELL as u32 - 1));
        // Two workers' cells merge to the same counts and the earliest evidence either way.
        let cell = |posts: &[(u32, bool, i64, &str)]| {
            let mut c = Cell::default();
            let d = c.detail_mut();
            for &(f, works, t, text) in posts {
                add_facet(&mut d.facets, (f, 0, works), 1, (t, text, None));
                d.faceted[0] += u32::from(!works);
            }
            c
        };
        let a = [(1, false, 30, "later"), (2, true, 40, "app ok")];
        let b = [(1, false, 10, "first"), (1, true, 20, "web ok")];
        let mut ab = cell(&a);
        ab.merge(cell(&b));
        let mut ba = cell(&b);
        ba.merge(cell(&a));
        assert_eq!(ab, ba);
        let d = ab.detail();
        assert_eq!(d.faceted, [2, 0, 0]);
        let web = d.facets.iter().find(|f| f.facet == 1 && !f.works).unwrap();
        assert_eq!((web.count, web.sample.text.as_str()), (2, "first"));
    }

    /// Past the cap, two workers' cells merged either way round, and one cell that saw every
    /// post in another order, hold the same pairs with the same counts: the lowest keys, each
    /// counted in full (keeping the first pairs to arrive made the report hang on which worker
    /// handed its cell on first).
    #[test]
    fn facets_past_the_cap_are_the_lowest_pairs_in_any_order() {
        let cap = FACETS_PER_CELL as u32;
        // Worker a sees the high facets first, then every facet once more; b the low ones twice.
        let a: Vec<u32> = (cap..cap + 40).chain(0..cap + 40).collect();
        let b: Vec<u32> = (0..cap / 2).rev().chain(0..cap / 2).collect();
        let cell = |facets: &[u32]| {
            let mut c = Cell::default();
            for &f in facets {
                let text = format!("post {f}");
                add_facet(
                    &mut c.detail_mut().facets,
                    (f, 0, false),
                    1,
                    (i64::from(f), &text, None),
                );
            }
            c
        };
        let mut ab = cell(&a);
        ab.merge(cell(&b));
        let mut ba = cell(&b);
        ba.merge(cell(&a));
        let mut all: Vec<u32> = b.iter().chain(&a).copied().collect();
        all.reverse();
        assert_eq!(ab, ba);
        assert_eq!(ab, cell(&all));
        let got: Vec<(u32, u32)> = ab
            .detail()
            .facets
            .iter()
            .map(|f| (f.facet, f.count))
            .collect();
        let want: Vec<(u32, u32)> = (0..cap)
            .map(|f| (f, if f < cap / 2 { 3 } else { 1 }))
            .collect();
        assert_eq!(got, want);
    }
}
