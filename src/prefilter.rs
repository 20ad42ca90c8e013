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
//! When can no alias match? We decide it only for texts that are pure ASCII; any other text goes
//! the full way. Normalisation maps ASCII text to ASCII text (it folds letter case, turns white
//! space runs into single spaces or removes them, and may remove pieces such as links; NFKC leaves
//! ASCII as it is): it never makes a non-space ASCII character out of nothing. Hence
//!
//! * an alias with a non-ASCII character cannot match the normalised form of an ASCII text;
//! * an ASCII alias that matches contains, between its spaces, words (tokens) that the raw text
//!   also contains, letter for letter up to ASCII case.
//!
//! The prefilter holds one token of every ASCII alias (the longest) in one ASCII-case-insensitive
//! Aho-Corasick automaton and runs it over the raw text: a pure-ASCII text in which no token
//! occurs cannot name a service. It may let through texts that then match nothing (a token inside
//! a longer word, a link that normalisation removes); that only costs time. With `--about` a bare
//! outage phrase is a report too, so outage and recovery entries join the token set.
//!
//! `tests/prefilter.rs` checks this against the full matcher on the bundled fixtures and on
//! generated variants.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::classify::Matcher;
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
                TermKind::Outage | TermKind::Recovery => about,
                TermKind::Exclude => false,
            };
            if !decisive || !e.pattern.is_ascii() {
                continue;
            }
            match e
                .pattern
                .split(' ')
                .max_by_key(|t| (!GENERIC.contains(t), t.len()))
            {
                Some(t) if !t.is_empty() => tokens.push(t),
                _ => return Prefilter { tokens: None },
            }
        }
        tokens.sort_unstable();
        tokens.dedup();
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
            Some(ac) => !raw.is_ascii() || ac.is_match(raw),
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
        assert!(
            p.could_match("지메일 먹통"),
            "non-ASCII always goes the full way"
        );
        assert!(p.could_match("café is down"));
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
