//! A cheap literal pass that decides, for most posts, that full classification cannot find
//! anything, so that normalisation and the leftmost-longest matcher run only on candidates.
//!
//! # Why the shortcut never changes a verdict
//!
//! A post gets a verdict (and counts as a mention) only when an alias entry matches its
//! normalised text; without `--about`, an outage or recovery term with no service named gives
//! nothing, and every `{service}` template needs an alias hit too. So a post in which no alias
//! can match may skip classification: its verdict is "no services, no kind" either way.
//!
//! When can no alias match? Normalisation has two stages. The first (`normalise::nfkc_stage`)
//! is NFKC, with the invisible characters dropped and the compatibility jamo kept as typed; the
//! prefilter reads its output, computed once for both (`Prefilter::classify`). For most posts
//! it is the text itself: only characters that NFKC changes or that combine with their
//! neighbours are normalised. The second stage (`Normaliser::push`) then never makes a character
//! out of nothing: it folds ASCII letter case, turns white space runs into one space or removes
//! them (between Hangul), removes links and @mentions, and folds stretched spellings. The
//! prefilter decides only for texts in which nothing folds (a run of three letters, a doubled
//! letter no entry has doubled, a run of a folded punctuation mark when some decisive entry holds
//! one, a syllable with a final ㅋ: `normalise::may_fold` finds them, and such texts go the full
//! way). Hence, for a text with nothing to fold, in its first-stage form:
//!
//! * a piece of an alias made of ASCII characters other than the space, between its spaces and
//!   its other characters, appears letter for letter up to ASCII case wherever the alias matches
//!   (removing white space between Hangul never touches ASCII; removing a link or a mention
//!   leaves a space between what was around it, unless Hangul meets Hangul);
//! * every other character of an alias appears as it is wherever the alias matches.
//!
//! The prefilter holds one token of every alias (one of its ASCII pieces, or, for an alias with
//! Hangul, one of its other characters: the least common one) in one ASCII-case-insensitive
//! Aho-Corasick automaton, and runs it over the first-stage text: a text in which no token
//! occurs cannot name a service. It may let through texts that then match nothing (a token
//! inside a longer word, a link that normalisation removes); that only costs time. With
//! `--about` a bare outage phrase is a report too, so outage and recovery entries join the set,
//! and texts where a playful spelling may be read back into one (`respell::may_respell`: "d o w
//! n", "d0wn") go the full way. Without it, a zero read as `o` never makes an alias, but letters
//! spelled out may ("r e d d i t  i s  d o w n"), so a text with three single letters between
//! single spaces goes the full way (`respell::may_spell_out`, which reads sixteen bytes at a
//! time for three spaces two bytes apart, and reads the spaces one by one only from there:
//! ~5 M instructions on the 10 MB forum slice, where reading eight bytes four on cost 21.9 M and
//! reading every space 42.7 M; it cannot wait for `--about` as `may_respell` does, since a name
//! spelled out makes a report without it).
//!
//! A single syllable is a weak token (네 of 네이트 is also "yes", 요 of 요기요 ends half the
//! sentences), so for a Hangul entry the token is preferably a syllable that another syllable
//! follows in the entry, and a hit counts only if that syllable can follow it once the text is
//! normalised: what comes right after the token stays right after it, and past white space a
//! Hangul character joins it directly while anything else gets a space before it, unless it may
//! begin a URL or an @mention that normalisation removes (`could_follow` gives the cases). On the
//! benchmark corpus this cut the posts that reach the full matcher from 55% to 11% (6% name a
//! service). Likewise an ASCII word of a longer Latin name (`lost` of `Lost Ark`) counts only
//! where white space and the next word's first letter may follow it once normalised
//! (`next_word_may_follow`): "lost track of time" no longer lets a blog post through.
//!
//! An ambiguous name made of syllables (`?다음`, also "next": 다음 글, 다음에, 다음날) names its
//! service only where the classifier finds something next to it, or it opens the post; a hit of
//! its token counts only where the syllables around it allow that (`neighbours.rs` gives the
//! argument). On the blog corpus such posts had been a tenth of the text bytes let through.
//!
//! A name typed wrong ("gmial", 배밍) holds no alias token, yet the classifier reads it in a
//! post that names no service and holds an outage or recovery phrase and a word of
//! `misspell.rs`'s gate (`[words misspell-gate]`: "not loading", 안 돼): those words are
//! patterns of the same automaton, and
//! a post that would be skipped but holds one is asked `Misspellings::may_name`, the
//! classifier's own question of the same text (`misspell.rs`).
//!
//! `tests/prefilter.rs` checks this against the full matcher on the bundled fixtures and on
//! generated variants.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use aho_corasick::Match;

use super::classify::{Matcher, Scratch, Verdict};
use super::file::{Ambiguity, Entry, TermKind};
use super::longest::Trie;
use super::misspell::Misspellings;
use super::neighbours::Neighbours;
use super::normalise::{is_folded_mark, is_hangul, is_syllable, may_fold, nfkc_stage, Doubles};
use super::respell::{may_respell, may_spell_out};
use crate::time::parse::{syllable_at, three_byte_char};

mod gauge;
mod tokens;
use gauge::Ask;
pub use gauge::Gauge;
use tokens::{Beside, Tokens};

/// Words of multi-word aliases (`Steam server`, `Zoom meeting`) that ordinary posts use often:
/// another word of the alias is the better token. Any word of an alias would be sound.
const GENERIC: &[&str] = &[
    "account",
    "accounts",
    "ai",
    "app",
    "bank",
    "call",
    "calls",
    "chat",
    "class",
    "classes",
    "client",
    "cloud",
    "community",
    "doc",
    "docs",
    "drive",
    "eats",
    "email",
    "games",
    "hub",
    "library",
    "link",
    "links",
    "live",
    "lol",
    "mail",
    "market",
    "meet",
    "meeting",
    "meetings",
    "messenger",
    "music",
    "network",
    "of",
    "office",
    "online",
    "page",
    "pages",
    "pay",
    "platform",
    "play",
    "plus",
    "search",
    "server",
    "servers",
    "services",
    "store",
    "support",
    "tv",
    "video",
    "web",
    "workspace",
];

/// Frequent Hangul syllables, most frequent first: the token of a Korean alias is one of its
/// syllables that is not here, or else the one listed last. Any syllable of the alias would be
/// sound; a rare one lets fewer posts through, and each hit of a token costs a check of the
/// syllables around it. The polite endings 요 (해요) and 니 (습니다) come first: in blog and
/// forum prose they end most sentences (the most frequent syllable and the seventh of the
/// bench's blog and trackback corpora), and as the token of 요기요 (in place of 기) 요 was a
/// fifth of all the hits the prefilter checked there. The last six (더 저 바 달 강 파: "more",
/// "I", "just", "moon", "river", "wave", everyday words) were each the token of a name with a
/// rarer syllable beside them (구글캘린더's 더 over 린, 줌강의's 강 over 줌, 메신저's 저 over
/// 메, 티모바일's 바 over 티), where syllables not listed here tie and the last one is taken.
const COMMON_HANGUL: &str =
    "요니이다는의에하고가지을기서사대로리도자한어인정를수나아시일해부게제적상보전주라들있국여\
    장거구성우그만소동원중내문러세없면것안터트스드데마무미오치생께화경신연유계조음개까했던비공되된\
    돼됨말같좀너또왜진짜네용회학실물발방간람날때알모점분글더저바달강파";

/// Built once per matcher; cheap to share between workers.
pub struct Prefilter {
    /// `None`: every post is a candidate (no token could be chosen for some entry).
    tokens: Option<Tokens>,
    /// Per token (by pattern id), what must hold around a hit of it in one of its entries for
    /// the hit to count (see [`Around`]); empty: every hit counts.
    contexts: Vec<Vec<Around>>,
    /// The entries that may end or begin inside a word of the text (see [`Words`]).
    words: Words,
    /// What may stand next to an ambiguous Hangul name the classifier keeps (`neighbours.rs`);
    /// `None`: anything may.
    neighbours: Option<Neighbours>,
    /// The matcher's doubled letters, and whether a decisive entry holds a folded mark (`!`,
    /// `?`, `~`): what `normalise::may_fold` needs to know.
    doubles: Doubles,
    marks: bool,
    /// With `--about`: a bare outage word may appear only once a playful spelling is read back
    /// ("d o w n", "d0wn"; `respell.rs`), so texts of those shapes go the full way.
    respells: bool,
    /// The classifier reads a name typed wrong in a post with an outage or recovery phrase
    /// (`misspell.rs`), which holds no alias token: a second scan, of the posts skipped.
    misspell: Option<Arc<Misspellings>>,
    /// The patterns of `tokens` from here on are the words of `misspell.rs`'s gate (`[words
    /// misspell-gate]`).
    gate_from: usize,
}

impl Prefilter {
    /// The tokens of `matcher`'s entries that can make a verdict on their own.
    ///
    /// The word lists are built on another thread meanwhile (~10 M of the ~22 M instructions of
    /// the build, cachegrind on an empty input; they share nothing with the rest but the matcher,
    /// read only): the build comes before the first post is read.
    pub fn new(matcher: &Matcher) -> Prefilter {
        std::thread::scope(|scope| {
            let lists = scope.spawn(|| Words::new(matcher));
            Prefilter::with(matcher, || {
                lists
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        })
    }

    /// [`Prefilter::new`], with the word lists from `lists` (not asked for when no prefilter can
    /// be built).
    fn with(matcher: &Matcher, lists: impl FnOnce() -> Words) -> Prefilter {
        let about = matcher.about().is_some();
        let doubles = matcher.doubles();
        let mut marks = false;
        // (token, what must hold around it for the entry; None when any hit of it must count)
        let mut tokens: Vec<(&str, Option<Around>)> = vec![];
        // The grammar forms need an alias to count (they are `^` predicates), so they bring no token.
        for e in matcher.literal_entries() {
            let decisive = match e.kind {
                TermKind::Alias(_) => true,
                // With --about, a complaint or a "works for me" naming no service counts.
                TermKind::Outage | TermKind::Recovery | TermKind::Counter => about,
                TermKind::Exclude
                | TermKind::Negation
                | TermKind::Context
                | TermKind::Cue(_)
                | TermKind::Facet(_)
                | TermKind::Works
                | TermKind::Fails => false,
            };
            if !decisive {
                continue;
            }
            marks |= e.pattern.chars().any(is_folded_mark);
            let token = token_of(&e.pattern).map(|(t, around)| {
                let around = around
                    .map(|c| Around::Syllables(c.asking_neighbours(e, t)))
                    .or_else(|| Around::word(e, t));
                (t, around)
            });
            match token {
                Some((t, next)) if !t.is_empty() && t != " " => tokens.push((t, next)),
                _ => {
                    return Prefilter {
                        tokens: None,
                        contexts: vec![],
                        words: Words::default(),
                        neighbours: None,
                        doubles,
                        marks,
                        respells: about,
                        misspell: None,
                        gate_from: 0,
                    }
                }
            }
        }
        tokens.sort_unstable();
        tokens.dedup();
        // One pattern per token; its contexts are the entries' syllables around it, or none at
        // all (every hit counts) when some entry has none to ask for.
        let (mut words, contexts): (Vec<&str>, Vec<Vec<Around>>) = tokens
            .chunk_by(|a, b| a.0 == b.0)
            .map(|same_token| {
                let around: Option<Vec<Around>> =
                    same_token.iter().map(|(_, c)| c.clone()).collect();
                (same_token[0].0, around.unwrap_or_default())
            })
            .unzip();
        // The words a misspelt name needs beside it (the gate, `[words misspell-gate]`) follow,
        // found in the same search: a hit of one lets nothing through on its own.
        let gate_from = words.len();
        words.extend(matcher.misspellings().gate_words());
        // A DFA: it reads every post, and searches faster than an NFA (which cost ~5% more
        // instructions per line here); built as the full matcher's is (`tokens.rs`), in a few
        // million instructions where the crate's took ~34 M on every run.
        let mut ac = Tokens::new(&words);
        if let Some(ac) = &mut ac {
            let questions: Vec<Vec<Beside>> = contexts.iter().map(|a| first_question(a)).collect();
            ac.set_first_questions(&questions);
        }
        // (before the word lists are waited for: they take longer on their thread than the
        // rest here)
        let neighbours = Neighbours::new(matcher);
        Prefilter {
            tokens: ac,
            contexts,
            words: lists(),
            neighbours,
            doubles,
            marks,
            respells: about,
            misspell: Some(Arc::clone(matcher.misspellings())),
            gate_from,
        }
    }

    /// Classifies `text` with `matcher` (the one this prefilter was built for) unless the
    /// prefilter proves it names no service, so that classification would give no verdict:
    /// `None` then. The first stage of normalisation is done once, for both.
    pub fn classify<'s>(
        &self,
        matcher: &Matcher,
        text: &str,
        s: &'s mut Scratch,
    ) -> Option<Verdict<'s>> {
        matcher.classify_if(text, s, |stage| self.could_match_stage(stage))
    }

    /// [`Prefilter::classify`] where `gauge` (one per worker) finds that asking pays on this
    /// stream; a long text of a class the prefilter seldom keeps out goes straight to the full
    /// classification, which gives it the same verdict (`prefilter/gauge.rs`).
    pub fn classify_gauged<'s>(
        &self,
        matcher: &Matcher,
        text: &str,
        s: &'s mut Scratch,
        gauge: &mut Gauge,
    ) -> Option<Verdict<'s>> {
        let class = match gauge.ask(text.len()) {
            Ask::Skip => return matcher.classify_if(text, s, |_| true),
            Ask::Short => None,
            Ask::Gauged(class) => Some(class),
        };
        let mut kept = true;
        let v = matcher.classify_if(text, s, |stage| {
            kept = self.could_match_stage(stage);
            kept
        });
        if let Some(class) = class {
            gauge.saw(class, !kept);
        }
        v
    }

    /// False only when `raw` (a post's text as read) provably names no service, so that
    /// classification would give no verdict.
    pub fn could_match(&self, raw: &str) -> bool {
        let mut buf = String::new();
        self.could_match_stage(nfkc_stage(raw, &mut buf))
    }

    /// Why `raw` is let through, for tuning (`bench/passes.rs`): the token of the first hit that
    /// counts (with the syllable that followed it), "may fold", or "no tokens"; `None` when it
    /// is not let through.
    pub fn why(&self, raw: &str) -> Option<String> {
        let mut buf = String::new();
        let text = nfkc_stage(raw, &mut buf);
        let Some(ac) = &self.tokens else {
            return Some("no tokens".into());
        };
        // Every hit, overlapping ones too (see `could_match_stage`).
        let hash = OnceCell::new();
        let mut gated = false;
        let mut hit = None;
        each_hit(ac, text, |m| {
            gated |= m.pattern().as_usize() >= self.gate_from;
            let counts = self.counts(text, &m, &hash);
            if counts {
                hit = Some(m);
            }
            counts
        });
        match hit {
            Some(m) => {
                let next = text[m.end()..].trim_start().chars().next().unwrap_or(' ');
                Some(format!("{}{next}", &text[m.start()..m.end()]))
            }
            None if gated && self.misspell.as_ref().is_some_and(|m| m.may_name(text)) => {
                Some("a misspelt name".into())
            }
            None if may_spell_out(text) => Some("spelled out".into()),
            None => (may_fold(text, self.doubles, self.marks)
                || (self.respells && may_respell(text)))
            .then(|| "may fold".into()),
        }
    }

    /// [`Prefilter::could_match`] for a text already through the first stage of normalisation.
    ///
    /// Every hit is read, overlapping ones too: a search that reports only hits that do not
    /// overlap may hide one behind a dismissed one (`slack` inside `@slackhq`). The overlapping
    /// search also goes on from where it stands after each hit, where the other search starts
    /// afresh: on Korean prose, where a token syllable (요 of 요기요) hits every few words, that
    /// restart cost more than reading the few overlapping hits (cachegrind, 10 MB of the blog
    /// corpus: 1,076.9 M → 1,059.7 M instructions).
    #[inline]
    fn could_match_stage(&self, text: &str) -> bool {
        let Some(ac) = &self.tokens else {
            return true;
        };
        // Whether the text has a `#`, looked for once per text and only if a hit asks.
        let hash = OnceCell::new();
        let mut gated = false;
        // Every hit is asked about unless one counts (in an order of the walk's own, which
        // changes neither answer: `gated` is read only when none counts).
        let hit = ac.any_hit(text, |p, start, end| {
            let m = Match::must(p, start..end);
            gated |= p >= self.gate_from;
            self.counts(text, &m, &hash)
        });
        hit || may_fold(text, self.doubles, self.marks)
            || (self.respells && may_respell(text))
            || may_spell_out(text)
            || (gated && self.misspell.as_ref().is_some_and(|m| m.may_name(text)))
    }

    /// Whether the token hit `m` in `text` counts: its token has no contexts, or one fits.
    /// `hash` holds whether `text` has a `#` once a hit has asked (see [`Words::fits`]).
    #[inline]
    fn counts(&self, text: &str, m: &aho_corasick::Match, hash: &OnceCell<bool>) -> bool {
        let Some(around) = self.contexts.get(m.pattern().as_usize()) else {
            return false; // a word of the gate
        };
        around.is_empty()
            || around.iter().any(|a| match a {
                Around::Syllables(c) => {
                    c.fits(&text[..m.start()], &text[m.end()..])
                        && (!c.neighbours
                            || self.neighbours.as_ref().is_none_or(|n| {
                                n.may_keep(text, (m.start(), m.end()), &c.before, &c.after)
                            }))
                }
                Around::Word {
                    at_start,
                    at_end,
                    next,
                } => {
                    self.words
                        .fits(text, (m.start(), m.end()), (*at_start, *at_end), hash)
                        && next.is_none_or(|w| next_word_may_follow(&text[m.end()..], w))
                }
            })
    }
}

/// Calls `hit` with every hit of a token of `tokens` in `text`, overlapping ones too, by where
/// they end (as the crate's overlapping search reports them), until it returns true; whether one
/// did (`tokens.rs` walks the automaton, the state in a register).
#[inline]
fn each_hit(tokens: &Tokens, text: &str, mut hit: impl FnMut(Match) -> bool) -> bool {
    tokens.each_hit(text, |p, start, end| hit(Match::must(p, start..end)))
}

/// What must hold around a token's hit for one of its entries to match there and count.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Around {
    /// The entry's syllables around the token (a Hangul token).
    Syllables(Context),
    /// An ASCII token that begins the entry (`at_start`) or ends it (`at_end`), where the entry
    /// begins or ends with a letter or digit and is not starred there: the classifier drops
    /// an alias hit that begins or ends inside a longer word, unless another hit touches it
    /// there, or it is in a #hashtag (`Matcher::at_word_bounds`). `next`: the token stands
    /// once in the entry, followed by a space and this letter or digit (lower case), which
    /// must then be able to follow the hit ([`next_word_may_follow`]: "lost" of "lost ark"
    /// counts before "ark", not before "track").
    Word {
        at_start: bool,
        at_end: bool,
        next: Option<u8>,
    },
}

impl Around {
    /// The rule for ASCII token `t` of entry `e`; `None` when every hit of it counts.
    fn word(e: &Entry, t: &str) -> Option<Around> {
        let p = e.pattern.as_bytes();
        let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        let at_start = e.pattern.starts_with(t) && word(p.first()) && !e.open_start;
        let at_end = e.pattern.ends_with(t) && word(p.last()) && !e.open_end;
        // Where the token's one place in the entry ends, when it is ASCII and has only one.
        let once = e.pattern.find(t).filter(|&at| {
            t.is_ascii() && memchr::memmem::find(&p[at + 1..], t.as_bytes()).is_none()
        });
        let next = once
            .map(|at| at + t.len())
            .filter(|&end| p.get(end) == Some(&b' '))
            .and_then(|end| p.get(end + 1).copied())
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase());
        (at_start || at_end || next.is_some()).then_some(Around::Word {
            at_start,
            at_end,
            next,
        })
    }
}

/// The entries (of every kind) that may touch an alias hit inside a word: a classifier hit
/// that ends right where an alias begins, or begins right where it ends, keeps the alias
/// (hashtag compounds such as #gmaildown). Such a hit ends (begins) inside a word only if the
/// entry is all letters and digits and a part of the word, or if the letters and digits that
/// end (begin) it are the whole part of the word before (after) the alias.
#[derive(Default)]
struct Words {
    /// Entries made only of ASCII letters and digits, as written and backwards, each set in
    /// one anchored automaton: whether one of them begins (ends) a word part is one search.
    whole: Option<Prefixes>,
    whole_backwards: Option<Prefixes>,
    /// Of the other entries, the letters and digits that end them, and that begin them
    /// (sorted: the sets below are asked, these are the tests' reference).
    tails: Vec<Vec<u8>>,
    heads: Vec<Vec<u8>>,
    /// `tails` and `heads` as sets: whether a word part is one of them is a hash and a
    /// compare, where a binary search of the sorted lists took ~12 compares a part (its
    /// `memcmp` calls were a third of what the hits' word checks cost on the trackback slice).
    tail_set: PartSet,
    head_set: PartSet,
    /// The longest of all these.
    longest: usize,
    /// What the end and the start of a word part must be for `may_end` and `may_begin` to
    /// say yes, as bit sets (see [`Edges`]): most parts are ruled out without a search.
    ends: Edges,
    starts: Edges,
}

/// A set of short byte strings (the word parts of [`Words`]), hashed with [`PartHasher`].
type PartSet = HashSet<Box<[u8]>, BuildHasherDefault<PartHasher>>;

/// A hash of a few bytes, a multiply and a rotation a byte: std's SipHash costs more than the
/// look-up saves on parts of two to ten letters. No input here comes from an adversary who
/// could choose collisions that matter (a collision costs a compare, never an answer).
#[derive(Default)]
struct PartHasher(u64);

impl Hasher for PartHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The byte pairs at one edge of a set of words (ASCII letters and digits, so below 128): for
/// the `exact` words (tails or heads), their length and edge byte; for the words that may be
/// a part of the text (`whole`), the edge byte of those of one byte, and for longer ones the
/// byte next to the edge by the edge byte. A word part with its edge byte (and the one next to
/// it) in no set is neither one of the exact words nor begins or ends with one of the others.
struct Edges {
    exact: Vec<u128>,
    one: u128,
    two: Vec<u128>,
}

impl Default for Edges {
    fn default() -> Edges {
        Edges {
            exact: vec![0; 65],
            one: 0,
            two: vec![0; 128],
        }
    }
}

impl Edges {
    /// Adds the words, each read from its edge (`rev`: from its end).
    fn add(&mut self, exact: &[Vec<u8>], whole: &[Vec<u8>], rev: bool) {
        let edge = |w: &[u8], k: usize| if rev { w[w.len() - 1 - k] } else { w[k] };
        let bit = |b: u8| 1u128 << (b & 0x7F);
        let longest = self.exact.len();
        for w in exact.iter().filter(|w| !w.is_empty() && w.len() < longest) {
            self.exact[w.len()] |= bit(edge(w, 0));
        }
        for w in whole.iter().filter(|w| !w.is_empty()) {
            match w.len() {
                1 => self.one |= bit(w[0]),
                _ => self.two[usize::from(edge(w, 0) & 0x7F)] |= bit(edge(w, 1)),
            }
        }
    }

    /// Whether `part` (lower case, read from its edge with `rev`) may be one of the exact
    /// words or begin (end) with one of the others; an empty part is left to the search.
    fn may(&self, part: &[u8], rev: bool) -> bool {
        if part.is_empty() {
            return true;
        }
        let edge = |k: usize| {
            if rev {
                part[part.len() - 1 - k]
            } else {
                part[k]
            }
        };
        let has = |set: u128, b: u8| b < 0x80 && set & (1u128 << b) != 0;
        let e = edge(0);
        self.exact.get(part.len()).is_some_and(|&s| has(s, e))
            || has(self.one, e)
            || (part.len() >= 2 && e < 0x80 && has(self.two[usize::from(e)], edge(1)))
    }
}

impl Words {
    fn new(m: &Matcher) -> Words {
        let mut w = Words::default();
        // (sorted and deduplicated as borrowed slices, then copied: most parts come again and
        // again, and a copy of each was ~8,000 allocations at every start)
        let (mut whole, mut tails, mut heads) = (Vec::<&[u8]>::new(), Vec::new(), Vec::new());
        let word = |b: &u8| b.is_ascii_alphanumeric();
        for e in m.literal_entries() {
            let p = e.pattern.as_bytes();
            if p.iter().all(word) {
                whole.push(p);
            } else {
                let tail = p.len() - p.iter().rev().take_while(|b| word(b)).count();
                let head = p.iter().take_while(|b| word(b)).count();
                tails.push(&p[tail..]);
                heads.push(&p[..head]);
            }
            w.longest = w.longest.max(p.len());
        }
        for v in [&mut whole, &mut tails, &mut heads] {
            v.sort_unstable();
            v.dedup();
        }
        let owned = |v: Vec<&[u8]>| -> Vec<Vec<u8>> { v.into_iter().map(<[u8]>::to_vec).collect() };
        let mut whole = owned(whole);
        (w.tails, w.heads) = (owned(tails), owned(heads));
        // An empty entry ends and begins nothing here (no word part is empty).
        whole.retain(|p| !p.is_empty());
        w.whole = anchored(&whole);
        let backwards: Vec<Vec<u8>> = whole
            .iter()
            .map(|p| p.iter().rev().copied().collect())
            .collect();
        w.whole_backwards = anchored(&backwards);
        w.ends.add(&w.tails, &whole, true);
        w.starts.add(&w.heads, &whole, false);
        w.tail_set = w.tails.iter().map(|t| t.as_slice().into()).collect();
        w.head_set = w.heads.iter().map(|h| h.as_slice().into()).collect();
        w
    }

    /// Whether `b` is one of the sorted words `set` (a binary search: the reference the
    /// tests hold the sets to).
    #[cfg(test)]
    fn has(set: &[Vec<u8>], b: &[u8]) -> bool {
        set.binary_search_by(|x| x.as_slice().cmp(b)).is_ok()
    }

    /// Whether an entry's hit at `start..end` of `text` (first-stage) may be at word bounds
    /// once normalised: where `at_start` (`at_end`) asks, the byte before (after) it is not a
    /// letter or digit, or an entry may end (begin) right there, or the text has a `#` (looked
    /// for once per text: `hash` keeps the answer for the text's other hits).
    fn fits(
        &self,
        text: &str,
        (start, end): (usize, usize),
        (at_start, at_end): (bool, bool),
        hash: &OnceCell<bool>,
    ) -> bool {
        let b = text.as_bytes();
        let word = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let inside_start = at_start && start > 0 && word(start - 1);
        let inside_end = at_end && word(end);
        if !inside_start && !inside_end {
            return true;
        }
        if *hash.get_or_init(|| memchr::memchr(b'#', b).is_some()) {
            return true;
        }
        let mut buf = [0u8; 64];
        if inside_start {
            let from = b[..start]
                .iter()
                .rposition(|c| !c.is_ascii_alphanumeric())
                .map_or(0, |i| i + 1);
            // A word part longer than the buffer: left to the classifier (rare).
            if start - from <= buf.len() && !self.may_end(lower(&b[from..start], &mut buf)) {
                return false;
            }
        }
        if inside_end {
            let to = b[end..]
                .iter()
                .position(|c| !c.is_ascii_alphanumeric())
                .map_or(b.len(), |i| end + i);
            if to - end <= buf.len() && !self.may_begin(lower(&b[end..to], &mut buf)) {
                return false;
            }
        }
        true
    }

    /// Whether an entry may end right after `before`, the letters and digits of a word that
    /// come before an alias (lower case, at most 64 bytes): one of the other entries ends with
    /// all of it, or an entry of letters and digits is the end of it.
    fn may_end(&self, before: &[u8]) -> bool {
        if !self.ends.may(before, true) {
            return false;
        }
        let mut backwards = [0u8; 64];
        let backwards = &mut backwards[..before.len()];
        backwards.copy_from_slice(before);
        backwards.reverse();
        (before.len() <= self.longest && self.tail_set.contains(before))
            || begins(&self.whole_backwards, backwards)
    }

    /// Whether an entry may begin right at `after`, the letters and digits of a word that come
    /// after an alias (lower case): one of the other entries begins with all of it, or an
    /// entry of letters and digits is the start of it.
    fn may_begin(&self, after: &[u8]) -> bool {
        if !self.starts.may(after, false) {
            return false;
        }
        (after.len() <= self.longest && self.head_set.contains(after)) || begins(&self.whole, after)
    }
}

/// The trie of a set of words, walked from its root along a text: whether one of the words
/// begins the text. (The crate's anchored contiguous NFA did this, and took ~5.6 M instructions
/// to build for the two sets on every run, failure links and all, which an anchored search
/// never follows; the trie's build is the full matcher's, `longest.rs`.)
struct Prefixes(Trie);

/// Each byte its own class: a child of the trie is found by its byte.
const BYTES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = b as u8;
        b += 1;
    }
    classes
};

/// The trie of `words` (none empty).
fn anchored(words: &[Vec<u8>]) -> Option<Prefixes> {
    let words: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
    Some(Prefixes(Trie::new(&words, &BYTES)))
}

/// Whether one of the words of `trie` ([`anchored`]) begins `text`.
fn begins(trie: &Option<Prefixes>, text: &[u8]) -> bool {
    let Some(Prefixes(trie)) = trie else {
        return false;
    };
    let mut state = 0u32;
    for &b in text {
        let children = trie.children(state);
        match children.binary_search_by_key(&b, |&(byte, _)| byte) {
            Ok(k) => state = children[k].1,
            Err(_) => return false,
        }
        if trie.ends[state as usize] != 0 {
            return true;
        }
    }
    false
}

/// `b` (at most as long as `buf`) in ASCII lower case, in `buf`.
fn lower<'a>(b: &[u8], buf: &'a mut [u8; 64]) -> &'a [u8] {
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    out
}

/// The syllables right around a token in its entry (the entry's run of syllables that holds
/// it): those before it, nearest first, and those after it. A hit of the token counts only if
/// the text around it may read them once normalised ([`Context::fits`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Context {
    before: Vec<char>,
    after: Vec<char>,
    /// The entry is an ambiguous name made of these syllables and the token alone: a hit
    /// counts only where the classifier may keep it ([`Neighbours::may_keep`]).
    neighbours: bool,
}

impl Context {
    /// This context, asking for neighbours when entry `e` (whose token is `t`) is an
    /// ambiguous alias made only of the syllables around its token and the token.
    fn asking_neighbours(mut self, e: &Entry, t: &str) -> Context {
        let is_syllable_str = |t: &str| t.chars().all(is_syllable);
        // (the token's run of syllables is then the whole entry)
        let whole = is_syllable_str(t) && e.pattern.chars().all(is_syllable);
        self.neighbours = matches!(e.kind, TermKind::Alias(_))
            && !matches!(e.ambiguity(), Ambiguity::None)
            && whole;
        self
    }

    /// Whether, in the normalised form of a first-stage text, the token between `head` and
    /// `rest` may have `before` right before it and `after` right after it (see the module
    /// comment for the normaliser's rules this rests on, [`could_precede`] and [`could_follow`]
    /// for the cases).
    fn fits(&self, head: &str, rest: &str) -> bool {
        // Most hits have a syllable right next to them that is not the one asked for (음 of
        // 다음 in 마음): told from the bytes, as `could_follow` and `could_precede` would tell it.
        // (the syllable decoded from its three bytes, where encoding the one asked for into a
        // buffer and comparing took a call a hit: ~8 M instructions on the blog slice)
        #[inline(always)]
        fn other(b: &[u8], at: usize, want: Option<&char>) -> bool {
            want.is_some_and(|&w| syllable_at(b, at) && three_byte_char(b, at) != u32::from(w))
        }
        let (h, r) = (head.as_bytes(), rest.as_bytes());
        if other(r, 0, self.after.first())
            || (h.len() >= 3 && other(h, h.len() - 3, self.before.first()))
        {
            return false;
        }
        could_follow(rest, &self.after) && could_precede(head, &self.before)
    }
}

/// What [`Context::fits`] first asks of a hit of a token with the contexts `around`, context
/// by context: the syllable after the token (past white space) and the one right before it,
/// as far as the context asks for them. A hit that has other syllables there fits
/// none of the contexts, so [`Prefilter::counts`] would say no: the walk asks it first, from a
/// table of its own (`Tokens::set_first_questions`). Empty (no question) when a context is
/// not a run of syllables or asks for neither.
fn first_question(around: &[Around]) -> Vec<Beside> {
    let asked: Option<Vec<Beside>> = around
        .iter()
        .map(|a| match a {
            Around::Syllables(c) if !c.before.is_empty() || !c.after.is_empty() => Some(Beside {
                after: c.after.first().copied(),
                before: c.before.first().copied(),
            }),
            _ => None,
        })
        .collect();
    let mut asked = asked.unwrap_or_default();
    asked.sort_unstable();
    asked.dedup();
    asked
}

/// The token of an entry's (normalised) pattern, and the syllables around it in the entry if
/// any: for an entry with Hangul, its rarest character other than ASCII, preferring a syllable
/// that has other syllables next to it (all of its run of syllables is then checked around a
/// hit, whichever of them the token is); else the longest of its pieces of ASCII (between spaces
/// and other characters) that is not a generic word, a piece of one letter only when the entry
/// has no other (`b` of `B tv` hit ~30,000 times on each 10 MB slice of the blog, trackback and
/// forum corpora, in every word with a b, and let nothing through; `tv` occurs some fifty
/// times there); else its rarest character.
fn token_of(pattern: &str) -> Option<(&str, Option<Context>)> {
    let chars: Vec<(usize, char)> = pattern.char_indices().collect();
    let rarest = || {
        chars
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| !c.is_ascii())
            .map(|(k, &(i, c))| {
                let syllable = |&&(_, c): &&(usize, char)| is_syllable(c);
                let mut before: Vec<char> = vec![];
                let mut after: Vec<char> = vec![];
                if is_syllable(c) {
                    before = chars[..k]
                        .iter()
                        .rev()
                        .take_while(syllable)
                        .map(|p| p.1)
                        .collect();
                    after = chars[k + 1..]
                        .iter()
                        .take_while(syllable)
                        .map(|p| p.1)
                        .collect();
                }
                let around = Context {
                    before,
                    after,
                    neighbours: false,
                };
                (i, c, around)
            })
            .max_by_key(|(_, c, around)| {
                let rank = COMMON_HANGUL.find(*c).map_or(usize::MAX, |i| i);
                (!around.before.is_empty() || !around.after.is_empty(), rank)
            })
            .map(|(i, c, around)| {
                let any = around.before.is_empty() && around.after.is_empty();
                (&pattern[i..i + c.len_utf8()], (!any).then_some(around))
            })
    };
    if pattern.chars().any(is_hangul) {
        return rarest();
    }
    pattern
        .split(|c: char| c == ' ' || !c.is_ascii())
        .filter(|t| !t.is_empty())
        .max_by_key(|t| (t.len() > 1, !GENERIC.contains(t), t.len()))
        .map(|t| (t, None))
        .or_else(rarest)
}

/// The next character of `chars` that is not white space, and whether white space came first;
/// `None` at the end.
fn next_visible(chars: &mut impl Iterator<Item = char>) -> Option<(char, bool)> {
    let mut spaced = false;
    for c in chars {
        if !c.is_whitespace() {
            return Some((c, spaced));
        }
        spaced = true;
    }
    None
}

/// Whether, in the normalised form of a first-stage text, the ASCII token that `rest` follows
/// could be followed by a space and `want` (a lower-case letter or digit: the next word of its
/// entry). Normalisation turns a run of white space into one space and keeps every other
/// character where it is, with what the module comment says: so white space must come right
/// after the token, and after it either `want` (in either case) or the start of something that
/// normalisation removes, a URL (`h`, `w`) or an @mention, which keeps the post a candidate.
fn next_word_may_follow(rest: &str, want: u8) -> bool {
    match next_visible(&mut rest.chars()) {
        Some((c, true)) => {
            matches!(c, '@' | 'h' | 'H' | 'w' | 'W') || c.eq_ignore_ascii_case(&char::from(want))
        }
        _ => false,
    }
}

/// Whether, in the normalised form of a first-stage text, the token (a character other than
/// ASCII, Hangul in the shipped lexicons) that `rest` follows could be followed by the
/// syllables `after` (see the module comment for the normaliser's rules this rests on). Each in
/// turn, after the token and after each syllable that fitted:
///
/// * the character right after stays right after, unless it is an `@`: the token is not inside
///   an @mention (those hold ASCII only), and a URL that held both would remove the token too.
///   So it must be the syllable asked for. An `@` may still begin a mention (one begins after
///   any character that is not alphanumeric, such as an unassigned code point of the jamo
///   block, U+3130 or U+318F, which a user lexicon may hold), so it keeps the post;
/// * after white space, a Hangul character (syllable or jamo) is joined to Hangul without a
///   space, so again it must be the one asked for (after a token that is not Hangul the space
///   stays, and the answer errs on the side of true); any other character survives with a
///   space before it, unless it may begin something normalisation removes: a URL (`http…`,
///   `www.…`, letter case aside) or an @mention. Then the post stays a candidate;
/// * nothing more: the syllable cannot follow.
fn could_follow(rest: &str, after: &[char]) -> bool {
    let mut chars = rest.chars();
    for &want in after {
        let Some((c, spaced)) = next_visible(&mut chars) else {
            return false;
        };
        if c == '@' {
            return true;
        }
        if spaced && !is_hangul(c) {
            return matches!(c, 'h' | 'H' | 'w' | 'W');
        }
        if c != want {
            return false;
        }
    }
    true
}

/// Whether, in the normalised form of a first-stage text, the token that `head` ends before
/// could have the syllables `before` (nearest first) right before it. Going back from the token,
/// each in turn:
///
/// * a Hangul character, right before or past white space (which normalisation removes between
///   Hangul), must be the syllable asked for, unless, past white space, the piece it ends may
///   be removed (below: "카 http://가 톡" reads 카톡; review 24);
/// * right before, an ASCII letter or digit or `_` may end an @mention that normalisation
///   removes, joining what was before it to the token: the post stays a candidate. Any other
///   character stays right before: the syllable is not there;
/// * past white space, any other character stays with a space after it, unless the piece it
///   ends (back to white space) may be removed: one that holds an `@` (a mention) or begins
///   with `h` or `w` (a link). Then the post stays a candidate;
/// * nothing more: the syllable cannot precede.
fn could_precede(head: &str, before: &[char]) -> bool {
    let mut end = head.len();
    for &want in before {
        let mut spaced = false;
        let c = loop {
            let Some(c) = head[..end].chars().next_back() else {
                return false;
            };
            end -= c.len_utf8();
            if !c.is_whitespace() {
                break c;
            }
            spaced = true;
        };
        // The piece of text `c` ends, back to white space: normalisation removes it whole when
        // it is a link (`http://…`, `www.…`, Hangul included: "카 http://가 톡" becomes 카톡)
        // or holds an @mention, and then another character comes before the token.
        let piece = || {
            let start = head[..end]
                .char_indices()
                .rev()
                .find(|&(_, w)| w.is_whitespace())
                .map_or(0, |(i, w)| i + w.len_utf8());
            &head[start..end + c.len_utf8()]
        };
        let removable = |p: &str| p.contains('@') || p.starts_with(['h', 'H', 'w', 'W']);
        if is_hangul(c) {
            if spaced && removable(piece()) {
                return true;
            }
            if c != want {
                return false;
            }
            continue;
        }
        if !spaced {
            return c.is_ascii_alphanumeric() || c == '_';
        }
        return removable(piece());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Kind, Lexicon};

    /// Review 24: a link ending in Hangul between a name's syllables is removed by
    /// normalisation, which joins them ("카 http://가 톡" reads 카톡): such posts are not ruled
    /// out, whether the syllable before the token or the one after it is asked about.
    #[test]
    fn a_link_between_the_syllables_of_a_name_rules_nothing_out() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        for (text, service) in [
            ("야 www.가 후 안 돼요", "yahoo"),
            ("카 https://t.co/가나 톡 안 돼요", "kakaotalk"),
            ("카 http://가 톡 먹통", "kakaotalk"),
            ("치 www.가 지직 접속 안 돼요", "chzzk"),
        ] {
            let mut s = Scratch::default();
            let full = m.classify(text, &mut s);
            let names: Vec<&str> = full
                .services
                .iter()
                .map(|&i| m.services()[i].id.as_str())
                .collect();
            assert_eq!(names, [service], "{text}: the full matcher names it");
            assert!(p.could_match(text), "{text}: the prefilter lets it through");
            let mut s = Scratch::default();
            let v = p.classify(&m, text, &mut s).expect(text);
            assert!(matches!(v.kind, Some((Kind::Report, _))), "{text}");
        }
    }

    #[test]
    fn a_word_of_a_latin_name_needs_the_next_word_after_white_space() {
        // `lost` is the token of `Lost Ark`: what follows it decides.
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        assert!(!p.could_match("we lost track of time at the park"));
        assert!(!p.could_match("lostark"), "no space: not the two words");
        assert!(!p.could_match("lost, ark"), "a comma stays between them");
        for named in [
            "lost ark servers are down",
            "LOST\n\n  Ark is down",
            "lost\u{00A0}ark",
            "lost @someone ark",
            "lost https://t.co/x ark",
        ] {
            let mut s = Scratch::default();
            assert!(!m.classify(named, &mut s).services.is_empty(), "{named}");
            assert!(p.could_match(named), "{named}");
        }
    }

    #[test]
    fn ascii_without_any_alias_token_is_skipped() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        assert!(!p.could_match("just had the best coffee of my life"));
        assert!(!p.could_match("it is down again, 502 bad gateway"));
        // `server` is the token of `LoL server` (`lol` is too common to be one).
        assert!(p.could_match("it is down again, server error"));
        assert!(p.could_match("GMAIL is down"));
        assert!(p.could_match("#gmaildown"));
        assert!(p.could_match("지메일 먹통"));
        assert!(p.could_match("지 메 일 먹통"));
        assert!(
            !p.could_match("오늘 점심 뭐 먹지"),
            "plain Korean without an alias syllable"
        );
        assert!(
            !p.could_match("오늘 점심 뭐 먹지 ㅋㅋ ㅠㅠ"),
            "compatibility jamo pass through normalisation untouched"
        );
        assert!(p.could_match("지메일 ㅠㅠ"));
        // Texts in any script are read after NFKC: conjoining jamo compose into syllables,
        // full-width letters become ASCII, a no-break space is a space.
        assert!(!p.could_match("오늘 점심 뭐 먹지 \u{1100}\u{1161}"));
        assert!(
            p.could_match("\u{110C}\u{1175}메일 먹통"),
            "ᄌ+ᅵ make 지: 지메일"
        );
        assert!(p.could_match("ＧＭＡＩＬ\u{00A0}is down"));
        assert!(!p.could_match("café is down… “again”"));
    }

    #[test]
    fn an_ambiguous_hangul_name_needs_what_the_classifier_keeps_it_for() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        // "Next": nothing next to 다음 that any entry, frame or form begins or ends with.
        for text in [
            "정보 감사합니다 ^^ 다음 글도 기대할게요",
            "사진이 정말 예쁘네요! 다음에는 좀 더 여유 있게 일정을 잡아야겠어요.",
            "다리가 아파서 다음 날 계단 내려가기가 힘들더라고요.",
            "“다음에 또 오자”는 말을 몇 번이나 했는지",
        ] {
            assert!(!p.could_match(text), "{text:?}");
        }
        // The portal: a term, a frame or a form next to it, or an opening place before one.
        for text in [
            "다음 안 돼요",
            "오늘 다음 메일 먹통이네",
            "다음 로그인이 안 돼",
            "아까부터 다음 접속 안 됨",
            "다음 되지 않아요",
            "http://x.co/글 다음 먹통",
        ] {
            assert!(p.could_match(text), "{text:?}");
            let mut s = Scratch::default();
            let v = m.classify(text, &mut s);
            assert!(!v.services.is_empty() || text.contains("http"), "{text:?}");
        }
    }

    #[test]
    fn a_hangul_token_needs_its_next_syllable_unless_something_may_be_removed() {
        let allowed = ['기'];
        for rest in [
            "기요",
            " 기요",
            "\n\t기요",
            " http://x.co 기요",
            " @user기요",
            " www.x 기요",
        ] {
            assert!(could_follow(rest, &allowed), "{rest:?} may read 요기요");
        }
        for rest in [
            "",
            "  ",
            "즘 바빠요",
            " 즘",
            "ㅋㅋ",
            " ㅋ기요",
            ".",
            "! 기요",
            " . 기요",
            "a기요",
        ] {
            assert!(!could_follow(rest, &allowed), "{rest:?} cannot read 요기요");
        }
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        assert!(!p.could_match("요즘 바빠요. 회사 일이 많아요!"));
        assert!(p.could_match("요기요 앱 또 안 돼요"));
        assert!(p.could_match("요 기 요 앱 또 안 돼요"));
        assert!(p.could_match("요 @friend 기요 앱 또 안 돼요"));
    }

    #[test]
    fn the_syllables_before_a_token_count_too() {
        let before = ['카', '다'];
        for head in [
            "다카",
            "다 카 ",
            "오늘 다카",
            "다 @friend ",
            "다 http://x.co ",
            "다 @friend",
            "다 x.co/@a ",
            "a",
        ] {
            assert!(could_precede(head, &before), "{head:?} may end 다카");
        }
        for head in [
            "",
            "카",
            "가카",
            "다카.",
            "다. ",
            "다 x ",
            "다 .",
            "다카 ok ",
        ] {
            assert!(!could_precede(head, &before), "{head:?} cannot end 다카");
        }
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        // 카페 alone is a café: 다음카페 and 네이버카페 ask for what comes before it.
        assert!(!p.could_match("동네 카페에 가 봤어요"));
        assert!(p.could_match("다음 카페에 글 올렸어요"));
        assert!(p.could_match("네이버 카페 접속이 안 돼요"));
        // 보다폰, 드롭박스: the whole run of syllables is asked for.
        assert!(!p.could_match("생각보다 좋았어요"));
        assert!(!p.could_match("택배 박스가 컸어요"));
        assert!(p.could_match("드롭 박스 동기화 안 됨"));
    }

    #[test]
    fn an_alias_inside_a_word_counts_only_where_the_classifier_may_keep_it() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        let named = |t: &str| {
            let mut s = crate::lexicon::classify::Scratch::default();
            !m.classify(t, &mut s).services.is_empty()
        };
        // IG (Instagram) inside high, night, right; PS (PS Network) inside steps.
        for t in ["what a night, the high street was right there", "two steps"] {
            assert!(!named(t) && !p.could_match(t), "{t}");
        }
        // In a hashtag, or touching another entry's hit, the alias stays.
        for t in [
            "#gmailqwe",
            "#igers",
            "gmaildown",
            "igdown again",
            "@SlackHQ",
        ] {
            assert!(named(t) && p.could_match(t), "{t}");
        }
    }

    #[test]
    fn a_mention_right_after_a_token_that_is_not_alphanumeric_is_allowed_for() {
        // U+318F is an unassigned jamo code point: plain and Hangul, but not alphanumeric, so
        // an `@` right after it begins a mention, which normalisation removes (found by review).
        for tok in ['\u{318F}', '\u{3130}', 'ㅋ'] {
            let mut lex = Lexicon::builtin();
            lex.add_text("user.lex", &format!("[service foo other]\n{tok}기요\n"))
                .unwrap();
            let m = Matcher::new(lex, None);
            let p = Prefilter::new(&m);
            for text in [
                format!("{tok}@x기요 먹통"),
                format!("{tok}@x 기요"),
                format!("{tok}기요"),
            ] {
                let mut s = crate::lexicon::classify::Scratch::default();
                let named = !m.classify(&text, &mut s).services.is_empty();
                assert!(!named || p.could_match(&text), "{text:?} names a service");
            }
        }
    }

    #[test]
    fn a_token_is_the_rarer_piece_and_posts_naming_its_service_still_pass() {
        // One letter is a token only when the entry has nothing longer; a listed everyday
        // syllable loses to a rarer one of the same name.
        let token = |p: &str| token_of(p).map(|(t, _)| t.to_string());
        assert_eq!(token("b tv").as_deref(), Some("tv"));
        assert_eq!(token("x").as_deref(), Some("x"));
        // (캘 and 린 are not listed: a tie, and the last is taken)
        assert_eq!(token("구글캘린더").as_deref(), Some("린"));
        assert_eq!(token("줌강의").as_deref(), Some("줌"));
        assert_eq!(token("티모바일").as_deref(), Some("티"));
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        for (text, kind) in [
            ("B tv 또 먹통이네요 채널이 안 나와요", Kind::Report),
            ("B\n TV is down again, no channels", Kind::Report),
            ("btv 다시 잘 나와요 복구됐네요", Kind::Recovery),
            ("구글 캘린더 동기화 안 돼요", Kind::Report),
        ] {
            let mut s = Scratch::default();
            let v = m.classify(text, &mut s);
            assert_eq!(v.kind.map(|(k, _)| k), Some(kind), "{text:?}");
            assert!(p.could_match(text), "{text:?}");
        }
        assert!(!p.could_match("a big bad bear by the bay, bubbling"));
    }

    #[test]
    fn about_makes_outage_words_decisive() {
        let mut lex = Lexicon::builtin();
        let svc = lex.ensure_service("acme");
        let m = Matcher::new(lex, Some(svc));
        let p = Prefilter::new(&m);
        assert!(p.could_match("it is down again"));
        assert!(!p.could_match("nice weather today"));
    }

    /// The first questions the walk asks of a syllable token's hit (`first_question`,
    /// `Beside::rule_out`) rule out only hits that `counts` says no to, and the prefilter with
    /// them lets through the texts it lets through without them.
    mod first_questions {
        use super::super::*;
        use crate::lexicon::Lexicon;
        use proptest::prelude::*;

        fn shipped() -> &'static (Matcher, Prefilter) {
            static P: std::sync::OnceLock<(Matcher, Prefilter)> = std::sync::OnceLock::new();
            P.get_or_init(|| {
                let m = Matcher::new(Lexicon::builtin(), None);
                let p = Prefilter::new(&m);
                (m, p)
            })
        }

        /// The shipped prefilter without first questions.
        fn unasked() -> &'static Prefilter {
            static P: std::sync::OnceLock<Prefilter> = std::sync::OnceLock::new();
            P.get_or_init(|| {
                let mut p = Prefilter::new(&shipped().0);
                p.tokens.as_mut().expect("tokens").set_first_questions(&[]);
                p
            })
        }

        /// The syllables of the tokens' contexts (tokens and the syllables around them), some
        /// other syllables, white space and what may be removed or joined (`@`, `h`, `w`).
        fn pieces() -> Vec<String> {
            let p = &shipped().1;
            let mut v: Vec<String> = vec![];
            for around in &p.contexts {
                for a in around {
                    if let Around::Syllables(c) = a {
                        v.extend(c.before.iter().chain(&c.after).map(char::to_string));
                    }
                }
            }
            let entries = shipped().0.literal_entries();
            v.extend(
                entries
                    .iter()
                    .filter_map(|e| token_of(&e.pattern))
                    .map(|(t, _)| t.to_string()),
            );
            v.sort_unstable();
            v.dedup();
            v.extend(
                [
                    "가", "요", "다", " ", "  ", "\n", "\t ", ". ", "@", "@a ", "h", "www.", "x",
                    "ㅋ",
                ]
                .map(String::from),
            );
            v
        }

        /// The shipped entries' syllable tokens with the syllables around them, as runs of
        /// characters (the token's place in them second).
        fn names() -> Vec<(Vec<char>, usize)> {
            let mut v: Vec<(Vec<char>, usize)> = shipped()
                .0
                .literal_entries()
                .iter()
                .filter_map(|e| token_of(&e.pattern))
                .filter_map(|(t, c)| {
                    let c = c?;
                    let mut run: Vec<char> = c.before.iter().rev().copied().collect();
                    run.extend(t.chars());
                    run.extend(&c.after);
                    Some((run, c.before.len()))
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }

        /// A name of [`names`] near its token, with what stands between its characters
        /// (`gaps`: nothing, white space, a mark, what normalisation may remove: a mention, a
        /// link, one ending in Hangul too, review 24) and maybe one of them another syllable
        /// (`swap`).
        fn near_name() -> impl Strategy<Value = String> {
            const GAPS: [&str; 11] = [
                "",
                "",
                "",
                " ",
                " \n ",
                ".",
                "@a ",
                " h",
                " http://가 ",
                " www.가나 ",
                " https://t.co/x ",
            ];
            (
                prop::sample::select(names()),
                prop::collection::vec(0..GAPS.len(), 8),
                prop::option::of((
                    any::<prop::sample::Index>(),
                    prop::char::range('\u{AC00}', '\u{D7A3}'),
                )),
            )
                .prop_map(|((mut run, _), gaps, swap)| {
                    if let Some((k, c)) = swap {
                        let k = k.index(run.len());
                        run[k] = c;
                    }
                    let mut t = String::new();
                    for (k, c) in run.iter().enumerate() {
                        t.push(*c);
                        t.push_str(GAPS[gaps[k % gaps.len()]]);
                    }
                    t
                })
        }

        fn text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![prop::sample::select(pieces()), near_name()];
            prop::collection::vec(piece, 1..24).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]
            #[test]
            fn a_hit_ruled_out_does_not_count(text in text()) {
                let p = &shipped().1;
                let ac = p.tokens.as_ref().expect("tokens");
                let hash = OnceCell::new();
                ac.each_hit(&text, |k, start, end| {
                    let asked: Vec<u64> = p
                        .contexts
                        .get(k)
                        .map(|a| first_question(a).iter().map(|q| q.packed()).collect())
                        .unwrap_or_default();
                    if !asked.is_empty() && Beside::rule_out(&asked, text.as_bytes(), end) {
                        let m = Match::must(k, start..end);
                        assert!(!p.counts(&text, &m, &hash), "{text:?} at {start}");
                    }
                    false
                });
            }

            /// The prefilter's promise, asked of the full matcher: a text it names a service
            /// in is let through (the questions' own test above compares with `counts`, which
            /// shared the hole review 24 found).
            #[test]
            fn what_the_full_matcher_names_is_let_through(text in text()) {
                let (m, p) = shipped();
                let mut s = Scratch::default();
                let named = !m.classify(&text, &mut s).services.is_empty();
                prop_assert!(!named || p.could_match(&text), "{:?}", text);
            }

            #[test]
            fn the_questions_let_through_what_was_let_through(text in text()) {
                let text = format!("{text} {text} {text}");
                prop_assert_eq!(shipped().1.could_match(&text), unasked().could_match(&text));
            }
        }

        #[test]
        fn a_syllable_beside_the_token_past_white_space_rules_it_out() {
            let q = |after: Option<char>, before: Option<char>| Beside { after, before }.packed();
            let at = |text: &str, token: &str| text.find(token).expect("the token") + 3;
            let out = |asked: &[u64], text: &str, token: &str| {
                Beside::rule_out(asked, text.as_bytes(), at(text, token))
            };
            // 요기요: 기 wants 요 after it and before it.
            let yogiyo = [q(Some('요'), Some('요'))];
            assert!(out(&yogiyo, "오늘 기분", "기"));
            assert!(out(&yogiyo, "기 \n 분", "기"));
            assert!(out(&yogiyo, "가기요", "기"));
            assert!(
                !out(&yogiyo, "가 \t기요", "기"),
                "a syllable before it past white space may end a link normalisation removes"
            );
            assert!(!out(&yogiyo, "요 기 요", "기"));
            assert!(
                !out(&yogiyo, "기", "기"),
                "nothing after it: left to the full question"
            );
            assert!(
                !out(&yogiyo, "기. 분", "기"),
                "not a syllable: left to it too"
            );
            assert!(!out(&yogiyo, "기@a 분", "기"));
            // Two contexts: ruled out only when both are.
            let two = [q(Some('가'), None), q(None, Some('일'))];
            assert!(out(&two, "이번 주", "번"));
            assert!(!out(&two, "일번 주", "번"));
            assert!(!out(&two, "이번가", "번"));
        }
    }

    /// The anchored automata of [`Words`] answer as the search of every length of the word
    /// part among the sorted entries that they replaced.
    mod word_parts {
        use super::super::*;
        use crate::lexicon::Lexicon;
        use proptest::prelude::*;

        fn matcher() -> &'static Matcher {
            static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
            M.get_or_init(|| Matcher::new(Lexicon::builtin(), None))
        }

        /// Entries of letters and digits alone, sorted (what `Words` held before).
        fn whole() -> &'static Vec<Vec<u8>> {
            static W: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
            W.get_or_init(|| {
                let mut w: Vec<Vec<u8>> = matcher()
                    .entries()
                    .iter()
                    .map(|e| e.pattern.as_bytes().to_vec())
                    .filter(|p| p.iter().all(u8::is_ascii_alphanumeric))
                    .collect();
                w.sort_unstable();
                w
            })
        }

        fn part() -> impl Strategy<Value = Vec<u8>> {
            let pieces: Vec<String> = whole()
                .iter()
                .take(400)
                .map(|p| String::from_utf8_lossy(p).into_owned())
                .chain(["x", "q", "zz", "0", "9"].map(String::from))
                .collect();
            prop::collection::vec(prop::sample::select(pieces), 1..4)
                .prop_map(|p| p.concat().into_bytes())
                .prop_filter("at most 64 bytes", |p| p.len() <= 64)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn word_parts_are_told_as_before(p in part(), cut in any::<u8>()) {
                static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
                let words = WORDS.get_or_init(|| Words::new(matcher()));
                let w = whole();
                let has = |b: &[u8]| w.binary_search_by(|x| x.as_slice().cmp(b)).is_ok();
                let cut = usize::from(cut) % (p.len() + 1);
                let (before, after) = (&p[..p.len() - cut], &p[cut..]);
                let longest = words.longest;
                let end_before = (before.len() <= longest && Words::has(&words.tails, before))
                    || (1..=before.len().min(longest)).any(|n| has(&before[before.len() - n..]));
                let begin_before = (after.len() <= longest && Words::has(&words.heads, after))
                    || (1..=after.len().min(longest)).any(|n| has(&after[..n]));
                prop_assert_eq!(words.may_end(before), end_before);
                prop_assert_eq!(words.may_begin(after), begin_before);
            }
        }
    }
}
