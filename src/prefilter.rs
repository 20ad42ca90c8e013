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
//! When can no alias match? We decide it only for *plain* texts: every character ASCII, a
//! precomposed Hangul syllable (U+AC00–U+D7A3) or a Hangul compatibility jamo (U+3130–U+318F,
//! the ㅋㅋ and ㅠㅠ of one Korean post in six). Any other text (conjoining jamo, full-width
//! letters, emoji, zero-width characters, other scripts) goes the full way. Normalisation maps a
//! plain text to a plain text and never makes a character out of nothing: it folds ASCII letter
//! case, turns white space runs into one space or removes them (between Hangul), and may remove
//! pieces such as links; NFKC leaves ASCII and precomposed syllables as they are, and the
//! normaliser passes compatibility jamo through untouched (so they never compose into a
//! syllable: see `classify::for_each_nfkc`). Hence, for a plain text:
//!
//! * an alias with a character that is not plain cannot match its normalised form;
//! * an ASCII alias that matches contains, between its spaces, words that the raw text also
//!   contains, letter for letter up to ASCII case (removing white space between Hangul never
//!   touches ASCII letters; removing a link leaves the words around it as they were);
//! * an alias with a Hangul syllable that matches has each of its syllables in the raw text.
//!
//! The prefilter holds one token of every alias that could match a plain text (for an ASCII alias
//! one of its words, for an alias with Hangul one of its syllables; the least common one) in one
//! ASCII-case-insensitive Aho-Corasick automaton, and runs it over the raw text: a plain text in
//! which no token occurs cannot name a service. It may let through texts that then match nothing
//! (a token inside a longer word, a link that normalisation removes); that only costs time. With
//! `--about` a bare outage phrase is a report too, so outage and recovery entries join the set.
//!
//! `tests/prefilter.rs` checks this against the full matcher on the bundled fixtures and on
//! generated variants.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::classify::{is_plain, Matcher};
use crate::lexicon::TermKind;

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
    "email",
    "games",
    "hub",
    "library",
    "link",
    "links",
    "live",
    "mail",
    "market",
    "meet",
    "meeting",
    "meetings",
    "messenger",
    "music",
    "network",
    "of",
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
/// sound; a rare one lets fewer posts through.
const COMMON_HANGUL: &str = "이다는의에하고가지을기서사대로리도자한어인정를수나아시일해부게제적상보전주라들있국여요\
    장거구성우그만소동원중내문니러세없면것안터트스드데마무미오치생께화경신연유계조음개까했던비공되된\
    돼됨말같좀너또왜진짜네용회학실물발방간람날때알모점분글";

/// Built once per matcher; cheap to share between workers.
pub struct Prefilter {
    /// `None`: every post is a candidate (no token could be chosen for some entry).
    tokens: Option<AhoCorasick>,
}

impl Prefilter {
    /// The tokens of `matcher`'s entries that can make a verdict on their own.
    pub fn new(matcher: &Matcher) -> Prefilter {
        let about = matcher.about().is_some();
        let mut tokens: Vec<&str> = vec![];
        for e in matcher.entries() {
            let decisive = match e.kind {
                TermKind::Alias(_) => true,
                // With --about, a complaint or a "works for me" naming no service counts.
                TermKind::Outage | TermKind::Recovery | TermKind::Counter => about,
                TermKind::Exclude | TermKind::Negation | TermKind::Context => false,
            };
            if !decisive || !e.pattern.chars().all(is_plain) {
                continue; // cannot match a plain text; other texts are not filtered
            }
            let token = if e.pattern.is_ascii() {
                e.pattern
                    .split(' ')
                    .max_by_key(|t| (!GENERIC.contains(t), t.len()))
            } else {
                e.pattern
                    .char_indices()
                    .filter(|(_, c)| !c.is_ascii())
                    .max_by_key(|(_, c)| COMMON_HANGUL.find(*c).map_or(usize::MAX, |i| i))
                    .map(|(i, c)| &e.pattern[i..i + c.len_utf8()])
            };
            match token {
                Some(t) if !t.is_empty() && t != " " => tokens.push(t),
                _ => return Prefilter { tokens: None },
            }
        }
        tokens.sort_unstable();
        tokens.dedup();
        // A DFA: it reads every post, and searches faster than an NFA (which cost ~5% more
        // instructions per line here) for the 2 MiB and ~7 ms it takes to build.
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&tokens)
            .ok();
        Prefilter { tokens: ac }
    }

    /// False only when `raw` (a post's text as read) provably names no service, so that
    /// classification would give no verdict.
    #[inline]
    pub fn could_match(&self, raw: &str) -> bool {
        match &self.tokens {
            None => true,
            Some(ac) => !(raw.is_ascii() || raw.chars().all(is_plain)) || ac.is_match(raw),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn ascii_without_any_alias_token_is_skipped() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let p = Prefilter::new(&m);
        assert!(!p.could_match("just had the best coffee of my life"));
        assert!(!p.could_match("it is down again, server error"));
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
        assert!(
            p.could_match("오늘 점심 뭐 먹지 \u{1100}\u{1161}"),
            "conjoining jamo (they compose): the full way"
        );
        assert!(p.could_match("café is down"), "other scripts: the full way");
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
}
