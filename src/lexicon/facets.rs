//! What broke and where: the surfaces (web, app, IMAP …), functions (login, sending, payment …)
//! and places (Busan, 유럽, east coast) a post names, each read as failing or still working.
//!
//! Facet words are entries of the one Aho-Corasick automaton like every other term, so reading
//! them costs no second scan of the text. Because the pass is leftmost-longest, a facet word can
//! sit inside a longer entry that wins over it (`login` inside `can't log in`, 결제 inside
//! `결제가 안 돼`, `app` in the `[context]` word `app`); [`FacetTable`] therefore lists, once when
//! the matcher is built, the facets whose words occur inside each entry, and a hit of that entry
//! names them too. A facet-only entry never replaces an entry that decides verdicts
//! (`Matcher::new`), and facet hits are nobody's neighbour for an ambiguous alias, so the facet
//! sections cannot change a verdict.
//!
//! Whether a facet fails or works is read from the nearest phrase that says either in the same
//! clause: the hit itself when it says it (an outage phrase fails, a recovery, counter, negation
//! or `[works]` phrase works), else the first such phrase after it (`web is down`, `IMAP works
//! fine`, 아이폰 메일은 돼요), else the last one before it (`can't log in on the web`, `works on my
//! phone`). A clause ends at `.`, `!`, `?`, `;`, `,`, a ㅋㅋ/ㅠㅠ run, and at the joints that turn
//! a sentence (`but`, `though`, `while`, 는데, 지만, 근데, 반면): "웹은 안 되는데 아이폰은 돼요" has
//! two clauses. A facet with no such phrase in its clause is read as failing: a post that names
//! it is taken to complain about it.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use super::classify::{Hit, LOOK_AROUND, LOOK_BACK};
use super::file::{Entry, Facet, FacetClass, TermKind};

/// One facet a post names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FacetHit {
    /// Index into `Matcher::facets`.
    pub facet: usize,
    /// The post says it still works (else: that it fails).
    pub works: bool,
    /// Byte range in the normalised text of the hit that named it.
    pub start: usize,
    pub end: usize,
    /// The service whose name carried it (`Apple Pay` names payment), if a name did: it says
    /// nothing of another service the post is about ("구글 검색은 되는데 지메일만 안 돼요").
    pub via: Option<usize>,
}

/// The facets and, for every compiled entry, the facets its words name.
#[derive(Debug, Default)]
pub struct FacetTable {
    facets: Vec<Facet>,
    /// `named[t]` is a range of `ids`: the facets entry `t` names.
    named: Vec<(u32, u32)>,
    ids: Vec<usize>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Whether an entry of this kind can name a facet: not an exclusion (what it hides is not about
/// a service) or a sense cue. A service's name can (`Apple Pay` fails at payment, `구글 검색` at
/// search), but only through facet words of two characters or more: 웹 is no surface inside
/// 네이버 웹툰 or 아마존 웹 서비스.
fn names_facets(kind: TermKind) -> bool {
    !matches!(kind, TermKind::Exclude | TermKind::Cue(_))
}

impl FacetTable {
    /// `facet_entries`: every `[surface]`/`[function]`/`[place]` entry loaded (also those whose
    /// text another entry already had); `entries`: the compiled entries, in term-id order.
    pub fn new(facets: Vec<Facet>, facet_entries: &[Entry], entries: &[Entry]) -> FacetTable {
        let mut t = FacetTable {
            facets,
            named: Vec::with_capacity(entries.len()),
            ids: vec![],
        };
        let words: Vec<(&[u8], usize)> = facet_entries
            .iter()
            .filter_map(|e| match e.kind {
                TermKind::Facet(f) => Some((e.pattern.as_bytes(), f)),
                _ => None,
            })
            .collect();
        let ac = (!words.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(words.iter().map(|(p, _)| p))
                .expect("facet words are plain literals")
        });
        for e in entries {
            let from = t.ids.len() as u32;
            // A facet's own word names that facet alone (`desktop app` is no `app`).
            if let TermKind::Facet(f) = e.kind {
                t.ids.push(f);
                t.named.push((from, t.ids.len() as u32));
                continue;
            }
            let alias = matches!(e.kind, TermKind::Alias(_));
            if let (Some(ac), true) = (&ac, names_facets(e.kind)) {
                let p = e.pattern.as_bytes();
                for m in ac.find_overlapping_iter(p) {
                    let (w, f) = words[m.pattern().as_usize()];
                    let ok_start =
                        m.start() == 0 || !is_word_byte(w[0]) || !is_word_byte(p[m.start() - 1]);
                    let ok_end = m.end() == p.len()
                        || !is_word_byte(w[w.len() - 1])
                        || !is_word_byte(p[m.end()]);
                    let long_enough =
                        !alias || std::str::from_utf8(w).map_or(0, |w| w.chars().count()) >= 2;
                    if ok_start && ok_end && long_enough && !t.ids[from as usize..].contains(&f) {
                        t.ids.push(f);
                    }
                }
            }
            t.named.push((from, t.ids.len() as u32));
        }
        t
    }

    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// Whether entry `term` names a `[function]` facet (send, load, log in, 재생, 결제).
    pub fn names_function(&self, term: usize) -> bool {
        self.named_by(term)
            .iter()
            .any(|&f| self.facets[f].class == FacetClass::Function)
    }

    /// The facets entry `term` names (none for `{service}` frames, which come after the entries).
    fn named_by(&self, term: usize) -> &[usize] {
        match self.named.get(term) {
            Some(&(a, b)) => &self.ids[a as usize..b as usize],
            None => &[],
        }
    }

    /// Reads the facets of a post from its kept hits (`kind` gives a term's kind) into `out`;
    /// hits set aside among them tell a reading but name no facet.
    pub fn read(
        &self,
        hay: &[u8],
        hits: &[Hit],
        kind: impl Fn(usize) -> TermKind,
        out: &mut Vec<FacetHit>,
    ) {
        if self.facets.is_empty() {
            return;
        }
        for (i, h) in hits.iter().enumerate() {
            // A phrase set aside tells a reading at most (see `Matcher::read_facets`).
            let named = match h.dropped {
                None => self.named_by(h.term),
                Some(_) => &[],
            };
            if named.is_empty() {
                continue;
            }
            let works = match says(kind(h.term)) {
                Some(w) => w,
                None => nearest_reading(hay, hits, i, &kind).unwrap_or(false),
            };
            let via = match kind(h.term) {
                TermKind::Alias(svc) => Some(svc),
                _ => None,
            };
            for &facet in named {
                if !out.iter().any(|x| x.facet == facet && x.works == works) {
                    out.push(FacetHit {
                        facet,
                        works,
                        start: h.start,
                        end: h.end,
                        via,
                    });
                }
            }
        }
    }
}

/// What a phrase of this kind says of the facet it names or stands next to: `Some(true)` that
/// it works, `Some(false)` that it fails, `None` nothing.
fn says(kind: TermKind) -> Option<bool> {
    match kind {
        TermKind::Outage | TermKind::Fails => Some(false),
        TermKind::Recovery | TermKind::Counter | TermKind::Negation | TermKind::Works => Some(true),
        _ => None,
    }
}

/// The reading of hit `i` from the nearest phrase that says something in its clause: the first
/// after it, else the last before it, among the [`LOOK_AROUND`] hits on either side (a clause
/// holds far fewer; reading on to the post's end from every facet took time quadratic in a long
/// post's length).
fn nearest_reading(
    hay: &[u8],
    hits: &[Hit],
    i: usize,
    kind: &impl Fn(usize) -> TermKind,
) -> Option<bool> {
    let h = hits[i];
    for x in hits[i + 1..].iter().take(LOOK_AROUND) {
        if let Some(w) = says(kind(x.term)) {
            if same_clause(&hay[h.end.min(x.start)..x.start]) {
                return Some(w);
            }
            break;
        }
    }
    for x in hits[..i].iter().rev().take(LOOK_AROUND) {
        if let Some(w) = says(kind(x.term)) {
            // The phrase itself counts: 되는데 ends its clause.
            if same_clause(&hay[x.start.min(h.start)..h.start]) {
                return Some(w);
            }
            break;
        }
    }
    None
}

/// The joints that turn a sentence: a facet's reading does not cross them.
const JOINTS: &[&str] = &[
    " but ",
    " though ",
    " although ",
    " while ",
    " whereas ",
    " however",
    " yet ",
    "는데",
    "인데",
    "은데",
    "한데",
    "지만",
    "근데",
    "반면",
    "ㅋㅋ",
    "ㅠㅠ",
    "ㅜㅜ",
];

/// Whether the text between a facet and a phrase keeps them in one clause (not when it is longer
/// than [`LOOK_BACK`] bytes).
fn same_clause(gap: &[u8]) -> bool {
    if gap.len() > LOOK_BACK {
        return false;
    }
    let ends = gap.iter().enumerate().any(|(k, &c)| {
        matches!(c, b'.' | b'!' | b'?' | b';' | b',' | b'\n')
            && !(k > 0
                && gap[k - 1].is_ascii_digit()
                && gap.get(k + 1).is_some_and(u8::is_ascii_digit))
    });
    if ends {
        return false;
    }
    // Pad so that a joint at either end of the gap (" but" right after the facet) is found.
    let text = std::str::from_utf8(gap).unwrap_or("");
    let padded_hit = |j: &str| {
        let j = j.trim_matches(' ');
        text.split(' ').any(|w| w == j) || (j.as_bytes()[0] >= 0x80 && text.contains(j))
    };
    !JOINTS.iter().any(|j| padded_hit(j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_end_at_marks_and_joints() {
        assert!(same_clause(b" is "));
        assert!(same_clause(" 메일은 ".as_bytes()));
        assert!(!same_clause(b", "));
        assert!(!same_clause(b" but the "));
        assert!(!same_clause(b" but"));
        assert!(!same_clause("는데".as_bytes()));
        assert!(same_clause(b" 1,000 "));
        assert!(same_clause(b" butter "));
    }
}
