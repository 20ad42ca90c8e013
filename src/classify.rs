//! Deciding what one post says: which services it names, and whether it reports an outage or a
//! recovery. The lexicon is compiled once into a single Aho-Corasick automaton (leftmost-longest,
//! so exclusions such as 장애인 hide the shorter outage word 장애 inside them); each post is
//! normalised into a reused buffer and scanned once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::lexicon::{Entry, Lexicon, Service, Template, TermKind};

/// Normalises text for matching, appending to `out` (which the caller clears):
/// ASCII letters lower-cased (Hangul is never touched), every run of white space one space, and no
/// space at all between two Hangul characters, so `접속 안 돼` and `접속안돼` read the same.
pub fn normalise_into(text: &str, out: &mut String) {
    let mut pending_space = false;
    let mut last_hangul = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        let hangul = is_hangul(c);
        if pending_space && !(last_hangul && hangul) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c.to_ascii_lowercase());
        last_hangul = hangul;
    }
}

/// Hangul syllables and jamo (including the compatibility jamo of ㅠㅠ and ㅋㅋ).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// What a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Says the service is broken.
    Report,
    /// Says the service works again.
    Recovery,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Recovery => "recovery",
        }
    }
}

/// A term that fired: an index into `Matcher::entries`, or into the templates after them.
pub type TermId = usize;

/// The verdict on one post; borrows the scratch space it was computed in.
#[derive(Debug, Default)]
pub struct Verdict<'s> {
    /// Every service the post names (each once, in order of first mention).
    pub services: &'s [usize],
    /// Report or recovery, and for which service.
    pub kind: Option<(Kind, usize)>,
    /// Outage and recovery terms that fired.
    pub terms: &'s [TermId],
    /// Exclusions that fired.
    pub excluded: &'s [TermId],
}

/// Reused between posts so that classification allocates nothing in steady state.
#[derive(Default)]
pub struct Scratch {
    norm: String,
    hits: Vec<Hit>,
    services: Vec<usize>,
    terms: Vec<TermId>,
    excluded: Vec<TermId>,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    entry: usize,
}

/// The compiled lexicon.
pub struct Matcher {
    ac: AhoCorasick,
    entries: Vec<Entry>,
    templates: Vec<Template>,
    services: Vec<Service>,
    about: Option<usize>,
}

impl Matcher {
    /// Compiles a lexicon. When two entries normalise to the same text, the later one wins, so a
    /// user's file can turn a shipped outage word into an exclusion. `about` is the service
    /// (index) that posts with no service named are about (`--about`).
    pub fn new(lex: Lexicon, about: Option<usize>) -> Matcher {
        let mut entries: Vec<Entry> = Vec::with_capacity(lex.entries.len());
        let mut seen = std::collections::HashMap::new();
        for e in lex.entries {
            match seen.get(&e.pattern) {
                Some(&i) => entries[i] = e,
                None => {
                    seen.insert(e.pattern.clone(), entries.len());
                    entries.push(e);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(entries.iter().map(|e| e.pattern.as_bytes()))
            .expect("lexicon patterns are plain literals");
        Matcher {
            ac,
            entries,
            templates: lex.templates,
            services: lex.services,
            about,
        }
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The text shown for a term id.
    pub fn term_display(&self, id: TermId) -> &str {
        match self.entries.get(id) {
            Some(e) => &e.display,
            None => &self.templates[id - self.entries.len()].display,
        }
    }

    /// The compiled entries, after user files overrode shipped ones (read by `prefilter.rs`).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The service bare complaints are about (`--about`), if any.
    pub fn about(&self) -> Option<usize> {
        self.about
    }

    /// Classifies one text.
    pub fn classify<'s>(&self, text: &str, s: &'s mut Scratch) -> Verdict<'s> {
        s.norm.clear();
        s.hits.clear();
        s.services.clear();
        s.terms.clear();
        s.excluded.clear();
        normalise_into(text, &mut s.norm);
        let hay = s.norm.as_bytes();

        for m in self.ac.find_iter(hay) {
            s.hits.push(Hit {
                start: m.start(),
                end: m.end(),
                entry: m.pattern().as_usize(),
            });
        }
        // Word boundaries: a Latin entry must not start or end inside a longer word, unless it
        // touches another hit (hashtag compounds such as #gmaildown) or its end is starred.
        let n = s.hits.len();
        let mut keep = 0;
        for i in 0..n {
            let h = s.hits[i];
            let e = &self.entries[h.entry];
            let p = e.pattern.as_bytes();
            let joined_before = i > 0 && s.hits[i - 1].end == h.start;
            let joined_after = i + 1 < n && s.hits[i + 1].start == h.end;
            let ok_start = e.open_start
                || joined_before
                || !is_word_byte(p[0])
                || h.start == 0
                || !is_word_byte(hay[h.start - 1]);
            let ok_end = e.open_end
                || joined_after
                || !is_word_byte(p[p.len() - 1])
                || h.end == hay.len()
                || !is_word_byte(hay[h.end]);
            if ok_start && ok_end {
                s.hits[keep] = h;
                keep += 1;
            }
        }
        s.hits.truncate(keep);

        let mut last_outage: Option<usize> = None; // position of the last outage hit
        let mut last_recovery: Option<usize> = None;
        let mut template_service: Option<usize> = None;
        for h in &s.hits {
            match self.entries[h.entry].kind {
                TermKind::Alias(svc) => {
                    if !s.services.contains(&svc) {
                        s.services.push(svc);
                    }
                    if let Some(t) = self.template_at(hay, h, &s.hits) {
                        s.terms.push(self.entries.len() + t);
                        last_outage = Some(h.start);
                        template_service.get_or_insert(svc);
                    }
                }
                TermKind::Outage => {
                    s.terms.push(h.entry);
                    last_outage = Some(h.start);
                }
                TermKind::Recovery => {
                    s.terms.push(h.entry);
                    last_recovery = Some(h.start);
                }
                TermKind::Exclude => s.excluded.push(h.entry),
            }
        }

        let kind = if last_recovery.is_some() && last_recovery > last_outage {
            Some(Kind::Recovery)
        } else if last_outage.is_some() {
            Some(Kind::Report)
        } else {
            None
        };
        let service = match kind {
            None => None,
            Some(_) if template_service.is_some() => template_service,
            Some(k) => {
                let anchor = match k {
                    Kind::Report => last_outage,
                    Kind::Recovery => last_recovery,
                };
                self.nearest_service(&s.hits, anchor.unwrap_or(0))
                    .or(self.about)
            }
        };
        Verdict {
            services: &s.services,
            kind: kind.zip(service),
            terms: &s.terms,
            excluded: &s.excluded,
        }
    }

    /// The service whose mention is closest to the byte position `at` (a term's start).
    fn nearest_service(&self, hits: &[Hit], at: usize) -> Option<usize> {
        hits.iter()
            .filter_map(|h| match self.entries[h.entry].kind {
                TermKind::Alias(svc) => Some((h.start.abs_diff(at).min(h.end.abs_diff(at)), svc)),
                _ => None,
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, svc)| svc)
    }

    /// The first `{service}` pattern that fits around the alias hit `h` and whose words are not
    /// part of an exclusion hit.
    fn template_at(&self, hay: &[u8], h: &Hit, hits: &[Hit]) -> Option<usize> {
        let excluded_in = |lo: usize, hi: usize| {
            hits.iter().any(|x| {
                x.start < hi && x.end > lo && self.entries[x.entry].kind == TermKind::Exclude
            })
        };
        self.templates.iter().position(|t| {
            let before = &hay[..h.start];
            let before = before.strip_suffix(b" ").unwrap_or(before);
            let after = &hay[h.end..];
            let after = after.strip_prefix(b" ").unwrap_or(after);
            let pre = t.prefix.as_bytes();
            let suf = t.suffix.as_bytes();
            before.ends_with(pre)
                && after.starts_with(suf)
                && (pre.is_empty()
                    || before.len() == pre.len()
                    || !is_word_byte(pre[0])
                    || !is_word_byte(before[before.len() - pre.len() - 1]))
                && (suf.is_empty()
                    || after.len() == suf.len()
                    || !is_word_byte(suf[suf.len() - 1])
                    || !is_word_byte(after[suf.len()]))
                && !excluded_in(h.start.saturating_sub(pre.len() + 1), h.start)
                && !excluded_in(h.end, h.end + suf.len() + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> Matcher {
        Matcher::new(Lexicon::builtin(), None)
    }

    fn verdict(m: &Matcher, text: &str) -> (Option<&'static str>, Option<String>) {
        let mut s = Scratch::default();
        let v = m.classify(text, &mut s);
        match v.kind {
            Some((k, svc)) => (Some(k.name()), Some(m.services()[svc].id.clone())),
            None => (None, None),
        }
    }

    #[test]
    fn normalisation_folds_case_and_korean_spacing() {
        let mut out = String::new();
        normalise_into("  Gmail  IS\tdown  ", &mut out);
        assert_eq!(out, "gmail is down");
        for t in ["접속이 안돼요", "접속이안돼요", "접속 이  안 돼요"] {
            out.clear();
            normalise_into(t, &mut out);
            assert_eq!(out, "접속이안돼요", "{t}");
        }
        out.clear();
        normalise_into("gmail 다운 ㅠㅠ", &mut out);
        assert_eq!(out, "gmail 다운ㅠㅠ");
    }

    #[test]
    fn english_reports_and_recoveries() {
        let m = matcher();
        assert_eq!(
            verdict(&m, "Gmail is down again"),
            (Some("report"), Some("gmail".into()))
        );
        assert_eq!(
            verdict(&m, "is gmail down for anyone else?"),
            (Some("report"), Some("gmail".into()))
        );
        assert_eq!(
            verdict(&m, "#gmaildown"),
            (Some("report"), Some("gmail".into()))
        );
        assert_eq!(
            verdict(&m, "gmail was down but it's back now"),
            (Some("recovery"), Some("gmail".into()))
        );
        assert_eq!(
            verdict(&m, "gmail works again!"),
            (Some("recovery"), Some("gmail".into()))
        );
    }

    #[test]
    fn korean_with_and_without_spaces() {
        let m = matcher();
        for t in [
            "지메일 접속이 안돼요",
            "지메일접속안됨",
            "지메일 접속 안 돼",
            "G메일 먹통",
            "쥐메일 또 죽었네",
            "구글메일 서버 에러",
        ] {
            assert_eq!(
                verdict(&m, t),
                (Some("report"), Some("gmail".into())),
                "{t}"
            );
        }
        assert_eq!(
            verdict(&m, "지메일 정상화 되었네요"),
            (Some("recovery"), Some("gmail".into()))
        );
        assert_eq!(
            verdict(&m, "지메일 복구됐어요"),
            (Some("recovery"), Some("gmail".into()))
        );
    }

    #[test]
    fn look_alikes_are_not_outages() {
        let m = matcher();
        for t in [
            "지메일로 장애인 복지 관련 자료를 받았어요",
            "트위터에 장애물 달리기 영상",
            "download the gmail notifier",
            "feeling down today, twitter cheer me up",
            "stocks are down, says the twitter crowd",
            "sundown over gmail hq",
        ] {
            assert_eq!(verdict(&m, t), (None, None), "{t}");
        }
        assert_eq!(
            verdict(&m, "지메일 웹은 장애인데 폰에서는 되네요").0,
            Some("report")
        );
    }

    #[test]
    fn a_mention_alone_is_volume_not_a_report() {
        let m = matcher();
        let mut s = Scratch::default();
        let v = m.classify("switched my twitter avatar, and gmail theme", &mut s);
        assert!(v.kind.is_none());
        let ids: Vec<&str> = v
            .services
            .iter()
            .map(|&i| m.services()[i].id.as_str())
            .collect();
        assert_eq!(ids, ["twitter", "gmail"]);
    }

    #[test]
    fn the_nearest_service_gets_the_report() {
        let m = matcher();
        assert_eq!(
            verdict(&m, "트위터에는 지메일 접속이 안 된다는 글이 넘쳐요").1,
            Some("gmail".into())
        );
        assert_eq!(
            verdict(&m, "I read on twitter that gmail is down").1,
            Some("gmail".into())
        );
    }

    #[test]
    fn about_makes_bare_complaints_count() {
        let mut lex = Lexicon::builtin();
        let svc = lex.ensure_service("acme");
        let m = Matcher::new(lex, Some(svc));
        assert_eq!(
            verdict(&m, "it is down again"),
            (Some("report"), Some("acme".into()))
        );
        assert_eq!(
            verdict(&m, "gmail is down"),
            (Some("report"), Some("gmail".into()))
        );
        assert_eq!(verdict(&m, "nice weather"), (None, None));
    }

    #[test]
    fn user_lexicons_override_shipped_entries() {
        let mut lex = Lexicon::builtin();
        let before = Matcher::new(lex.clone(), None);
        assert_eq!(verdict(&before, "지메일 먹통").0, Some("report"));
        lex.add_text("mine.lex", "[exclude]\n먹통\n").unwrap();
        let m = Matcher::new(lex, None);
        assert_eq!(verdict(&m, "지메일 먹통").0, None);
    }
}
