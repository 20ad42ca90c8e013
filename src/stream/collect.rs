//! Where records go: the [`Sink`] a reader hands each post to, and the [`Collector`] that
//! classifies a post and folds it into window counts (one per worker), tallying each day's
//! records for the outlier rule (`outliers.rs`) and keeping out those outside `--since`/`--until`.

use std::sync::Arc;

use super::outliers::{Counted, Days, TimeRange};
use super::stats::Stats;
use crate::input::Source;
use crate::lexicon::prefilter::Gauge;
use crate::lexicon::{Kind, Matcher, Prefilter, Scratch, Verdict};
use crate::record::{self, Post};
use crate::time::quote;
use crate::window::Windows;

/// Where the records of a read go, in input order; `line` is the record's line in its input.
pub trait Sink {
    fn stats(&mut self) -> &mut Stats;
    fn post(&mut self, line: u64, p: &Post<'_>);
    /// The reader opened the input `src` (named by its path, or `<stdin>`): the lines of the
    /// posts after this are its lines. For a sink that names posts it keeps out later (live
    /// mode's posts far ahead) or tells what an input held (`--official`); the others need
    /// nothing.
    fn input(&mut self, _src: &Source) {}
    /// True when the sink wants no more records (its output is gone): reading stops early.
    fn stopped(&self) -> bool {
        false
    }
}

/// Folds posts into windows; one per worker.
pub struct Collector<'m> {
    matcher: &'m Matcher,
    scratch: Scratch,
    /// The cheap literal pass that spares most posts the full classification (`prefilter.rs`),
    /// and where it pays on this stream (`prefilter/gauge.rs`).
    prefilter: Arc<Prefilter>,
    gauge: Gauge,
    pub windows: Windows,
    pub stats: Stats,
    /// Zone of times quoted in posts without one (`--input-tz`, else UTC).
    pub input_tz: chrono_tz::Tz,
    /// `--since` / `--until`: records outside never reach the windows.
    pub range: TimeRange,
    /// The records of each day, for the outlier rule.
    pub days: Days,
    /// What the last record counted for: a report or recovery post, and its service (`None`
    /// when it was neither, or kept out). Live mode looks again at a service when it gets a
    /// report.
    pub last_kind: Option<(Kind, usize)>,
    quotes: Vec<quote::Quote>,
    tokens: quote::TokenBuf,
}

impl<'m> Collector<'m> {
    pub fn new(matcher: &'m Matcher, window: i64) -> Self {
        Self::with_windows(matcher, Windows::new(window, matcher.services().len()))
    }

    /// A collector filling the given (empty) windows.
    pub fn with_windows(matcher: &'m Matcher, windows: Windows) -> Self {
        Self::with_prefilter(matcher, windows, Arc::new(Prefilter::new(matcher)))
    }

    /// A collector filling `windows`, sharing a prefilter already built for `matcher`.
    pub fn with_prefilter(
        matcher: &'m Matcher,
        windows: Windows,
        prefilter: Arc<Prefilter>,
    ) -> Self {
        Collector {
            matcher,
            scratch: Scratch::default(),
            prefilter,
            gauge: Gauge::default(),
            windows,
            stats: Stats::default(),
            input_tz: chrono_tz::Tz::UTC,
            range: TimeRange::default(),
            days: Days::default(),
            last_kind: None,
            quotes: vec![],
            tokens: quote::TokenBuf::default(),
        }
    }

    /// Counts one record.
    pub fn post(&mut self, p: &Post<'_>) {
        self.stats.records += 1;
        self.last_kind = None;
        if let Some(i) = p.kind.as_deref().and_then(record::kind_index) {
            self.stats.records_by_kind[i] += 1;
        }
        if let Some(why) = self.range.outside(p.time) {
            self.stats.outlier(why);
            return;
        }
        self.windows.see(p.time);
        // None: provably names no service and so gets no verdict (see prefilter.rs).
        let Some(v) = self.prefilter.classify_gauged(
            self.matcher,
            &p.text,
            &mut self.scratch,
            &mut self.gauge,
        ) else {
            self.days.add(p.time, Counted::default());
            return;
        };
        let counted = Counted {
            mention: !v.services.is_empty(),
            report: matches!(v.kind, Some((Kind::Report, _))),
            recovery: matches!(v.kind, Some((Kind::Recovery, _))),
            works_for_me: v.works_for_me.is_some(),
        };
        self.days.add(p.time, counted);
        if counted.mention {
            self.stats.mentions += 1;
        }
        if counted.works_for_me {
            self.stats.works_for_me += 1;
        }
        for &svc in v.services {
            self.windows.mention(svc, p.time);
        }
        self.last_kind = v.kind;
        if let Some((kind, svc)) = v.kind {
            match kind {
                Kind::Report => self.stats.reports += 1,
                Kind::Recovery => self.stats.recoveries += 1,
            }
            // A trackback or pingback quotes another post: its voice is the quoted words'.
            let quote = p.kind.as_deref().is_some_and(|k| {
                k.eq_ignore_ascii_case("trackback") || k.eq_ignore_ascii_case("pingback")
            });
            let author = p.author.as_deref();
            self.windows
                .classify_post(svc, kind, p.time, &p.text, author, quote, v.terms);
        }
        count_facets(self.matcher, &mut self.windows, p, &v);
        // Times quoted by posts about a service ("down since 10:20 GMT", "6시 반쯤부터"): only
        // posts that name one and pass a cheap byte test are read further.
        let about = v.kind.map(|(_, svc)| svc);
        if !v.services.is_empty() || about.is_some() {
            self.quotes.clear();
            quote::quoted_times_if_worth(
                &p.text,
                p.time,
                self.input_tz,
                &mut self.quotes,
                &mut self.tokens,
            );
            for q in &self.quotes {
                let text = &p.text[q.start..q.end];
                for &svc in v.services {
                    self.windows.quote(svc, p.time, q.at, text);
                }
                if let Some(svc) = about.filter(|s| !v.services.contains(s)) {
                    self.windows.quote(svc, p.time, q.at, text);
                }
            }
        }
    }
}

impl Sink for Collector<'_> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, _line: u64, p: &Post<'_>) {
        Collector::post(self, p)
    }
}

/// What broke and where: a report's facets, or what another post about the service says
/// still works ("IMAP works fine"); recovery posts count none.
fn count_facets(matcher: &Matcher, windows: &mut Windows, p: &Post<'_>, v: &Verdict<'_>) {
    let facet_svc = match v.kind {
        Some((Kind::Report, svc)) => Some(svc),
        Some((Kind::Recovery, _)) => None,
        None => v.works_for_me.or(v.services.first().copied()),
    };
    let Some(svc) = facet_svc.filter(|_| !v.facets.is_empty()) else {
        return;
    };
    let classes = matcher.facets();
    let facets = v
        .facets
        .iter()
        .filter(move |f| f.via.is_none_or(|s| s == svc))
        .map(|f| {
            (
                f.facet as u32,
                classes[f.facet].class.index() as u8,
                f.works,
            )
        });
    let report = matches!(v.kind, Some((Kind::Report, _)));
    windows.facets(svc, report, facets, (p.time, &p.text, p.author.as_deref()));
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::lexicon::Lexicon;

    /// Long posts of which the prefilter keeps out only a few, so that the worker's gauge stops
    /// asking it (`prefilter/gauge.rs`): the counts must be those of classifying every post,
    /// the posts it would have kept out included.
    #[test]
    fn long_posts_past_the_prefilter_are_counted_as_classified() {
        let matcher = Matcher::new(Lexicon::builtin(), None);
        let mut c = Collector::new(&matcher, 300);
        let filler =
            "오늘은 비가 와서 하루 종일 집에 있었어요. The weather was nice and we walked \
                      along the river for an hour. 저녁으로는 따뜻한 국수 한 그릇을 먹었어요. ";
        let names = [
            "gmail is down again, server error on every page. ",
            "지메일 접속이 안 돼요 ㅠㅠ 서버 에러만 떠요. ",
            "gmail works again, it's back. ",
            "I use gmail for work and slack for chat. ",
            "카톡 잘 되네요. ",
        ];
        let (mut mentions, mut reports, mut recoveries) = (0, 0, 0);
        let mut s = Scratch::default();
        for i in 0..400usize {
            let mut text = String::new();
            while text.len() < 2500 {
                text.push_str(filler);
                if i % 10 != 0 && text.len() > 1200 && !text.contains("gmail") {
                    text.push_str(names[i % names.len()]);
                }
            }
            let v = matcher.classify(&text, &mut s);
            mentions += u64::from(!v.services.is_empty());
            reports += u64::from(matches!(v.kind, Some((Kind::Report, _))));
            recoveries += u64::from(matches!(v.kind, Some((Kind::Recovery, _))));
            c.post(&Post {
                time: 1_700_000_000 + 60 * i as i64,
                text: Cow::Owned(text),
                author: Some(Cow::Owned(format!("user{}", i % 37))),
                kind: None,
            });
        }
        assert!(c.gauge.skipping(2500), "the gauge never stopped asking");
        assert!(
            mentions > 300 && reports > 50 && recoveries > 20,
            "{mentions} {reports} {recoveries}"
        );
        assert_eq!(
            (c.stats.mentions, c.stats.reports, c.stats.recoveries),
            (mentions, reports, recoveries)
        );
    }
}
