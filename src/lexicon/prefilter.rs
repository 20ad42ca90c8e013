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
//! When can no alias match? We decide it only for *plain* texts in which normalisation folds no
//! stretched spelling (a run of three letters, a doubled letter no entry has doubled, a run of
//! a folded punctuation mark when some decisive entry holds one, a syllable with a final ㅋ:
//! `normalise::may_fold` finds them, and such texts go the full way): every character ASCII, a
//! precomposed Hangul syllable (U+AC00–U+D7A3) or a Hangul compatibility jamo (U+3130–U+318F,
//! the ㅋㅋ and ㅠㅠ of one Korean post in six). Any other text (conjoining jamo, full-width
//! letters, emoji, zero-width characters, other scripts) goes the full way. Normalisation maps a
//! plain text to a plain text and never makes a character out of nothing: it folds ASCII letter
//! case, turns white space runs into one space or removes them (between Hangul), and may remove
//! pieces such as links; NFKC leaves ASCII and precomposed syllables as they are, and the
//! normaliser passes compatibility jamo through untouched (so they never compose into a
//! syllable: see `classify::for_each_nfkc`); with nothing to fold, the folding rules change
//! nothing. Hence, for a plain text with nothing to fold:
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
//! A single syllable is a weak token (네 of 네이트 is also "yes", 요 of 요기요 ends half the
//! sentences), so for a Hangul entry the token is preferably a syllable that another syllable
//! follows in the entry, and a hit counts only if that syllable can follow it once the text is
//! normalised: what comes right after the token stays right after it, and past white space a
//! Hangul character joins it directly while anything else gets a space before it, unless it may
//! begin a URL or an @mention that normalisation removes (`could_follow` gives the cases). On the
//! benchmark corpus this cut the posts that reach the full matcher from 55% to 11% (6% name a
//! service).
//!
//! `tests/prefilter.rs` checks this against the full matcher on the bundled fixtures and on
//! generated variants.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::classify::Matcher;
use super::file::TermKind;
use super::normalise::{is_folded_mark, is_hangul, is_plain, is_syllable, may_fold, Doubles};

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
/// sound; a rare one lets fewer posts through.
const COMMON_HANGUL: &str = "이다는의에하고가지을기서사대로리도자한어인정를수나아시일해부게제적상보전주라들있국여요\
    장거구성우그만소동원중내문니러세없면것안터트스드데마무미오치생께화경신연유계조음개까했던비공되된\
    돼됨말같좀너또왜진짜네용회학실물발방간람날때알모점분글";

/// Built once per matcher; cheap to share between workers.
pub struct Prefilter {
    /// `None`: every post is a candidate (no token could be chosen for some entry).
    tokens: Option<AhoCorasick>,
    /// Per token (by pattern id), the Hangul syllables of which one must come next for a hit
    /// of that token to count (see [`Prefilter::could_match`]); empty: every hit counts.
    followers: Vec<Vec<char>>,
    /// The matcher's doubled letters, and whether a decisive entry holds a folded mark (`!`,
    /// `?`, `~`): what `normalise::may_fold` needs to know.
    doubles: Doubles,
    marks: bool,
}

impl Prefilter {
    /// The tokens of `matcher`'s entries that can make a verdict on their own.
    pub fn new(matcher: &Matcher) -> Prefilter {
        let about = matcher.about().is_some();
        let doubles = matcher.doubles();
        let mut marks = false;
        // (token, the syllable after it in the entry; None when any hit of it must count)
        let mut tokens: Vec<(&str, Option<char>)> = vec![];
        for e in matcher.entries() {
            let decisive = match e.kind {
                TermKind::Alias(_) => true,
                // With --about, a complaint or a "works for me" naming no service counts.
                TermKind::Outage | TermKind::Recovery | TermKind::Counter => about,
                TermKind::Exclude | TermKind::Negation | TermKind::Context | TermKind::Cue(_) => {
                    false
                }
            };
            if !decisive || !e.pattern.chars().all(is_plain) {
                continue; // cannot match a plain text; other texts are not filtered
            }
            marks |= e.pattern.chars().any(is_folded_mark);
            let token = if e.pattern.is_ascii() {
                e.pattern
                    .split(' ')
                    .max_by_key(|t| (!GENERIC.contains(t), t.len()))
                    .map(|t| (t, None))
            } else {
                // The rarest character, preferring a syllable that another syllable follows in
                // the entry: the pair rules out most posts that merely share the syllable.
                let chars: Vec<(usize, char)> = e.pattern.char_indices().collect();
                chars
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, c))| !c.is_ascii())
                    .map(|(k, &(i, c))| {
                        let next = chars.get(k + 1).map(|&(_, n)| n);
                        (i, c, next.filter(|&n| is_syllable(n)))
                    })
                    .max_by_key(|&(_, c, next)| {
                        let rank = COMMON_HANGUL.find(c).map_or(usize::MAX, |i| i);
                        (next.is_some(), rank)
                    })
                    .map(|(i, c, next)| (&e.pattern[i..i + c.len_utf8()], next))
            };
            match token {
                Some((t, next)) if !t.is_empty() && t != " " => tokens.push((t, next)),
                _ => {
                    return Prefilter {
                        tokens: None,
                        followers: vec![],
                        doubles,
                        marks,
                    }
                }
            }
        }
        tokens.sort_unstable();
        tokens.dedup();
        // One pattern per token; its followers are the entries' next syllables, or none at all
        // (every hit counts) when some entry has no next syllable to ask for.
        let (words, followers): (Vec<&str>, Vec<Vec<char>>) = tokens
            .chunk_by(|a, b| a.0 == b.0)
            .map(|same_token| {
                let next: Option<Vec<char>> = same_token.iter().map(|&(_, n)| n).collect();
                (same_token[0].0, next.unwrap_or_default())
            })
            .unzip();
        // A DFA: it reads every post, and searches faster than an NFA (which cost ~5% more
        // instructions per line here) for the 2 MiB and ~7 ms it takes to build.
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        Prefilter {
            tokens: ac,
            followers,
            doubles,
            marks,
        }
    }

    /// False only when `raw` (a post's text as read) provably names no service, so that
    /// classification would give no verdict.
    ///
    /// The search reports hits that do not overlap, and a dismissed hit hides none: a Hangul
    /// token is one character (UTF-8 lets it match only where that character is, and no other
    /// token shares its bytes), and the first hit of an ASCII word ends the search.
    #[inline]
    pub fn could_match(&self, raw: &str) -> bool {
        let Some(ac) = &self.tokens else {
            return true;
        };
        if !(raw.is_ascii() || raw.chars().all(is_plain)) {
            return true;
        }
        // A character reference (`AT&amp;T`, `&#52852;톡`) is decoded before matching, so the
        // raw bytes prove nothing about the text that is read.
        if raw.as_bytes().contains(&b'&') {
            return true;
        }
        ac.find_iter(raw).any(|m| {
            let allowed = &self.followers[m.pattern().as_usize()];
            allowed.is_empty() || could_follow(&raw[m.end()..], allowed)
        }) || may_fold(raw, self.doubles, self.marks)
    }
}

/// Whether, in the normalised form of a plain text, the Hangul token that `rest` follows could
/// be followed by one of the syllables `allowed` (see the module comment for the normaliser's
/// rules this rests on):
///
/// * the character right after the token stays right after it, unless it is an `@`: the token
///   is not inside an @mention (those hold ASCII only), and a URL that held both would remove
///   the token too. So it must be an allowed syllable. An `@` may still begin a mention (one
///   begins after any character that is not alphanumeric, such as an unassigned code point of
///   the jamo block, U+3130 or U+318F, which a user lexicon may hold), so it keeps the post;
/// * after white space, a Hangul character (syllable or jamo) is joined to the token without
///   a space, so again it must be allowed; any other character survives with a space before
///   it (no entry's next syllable), unless it may begin something normalisation removes: a
///   URL (`http…`, `www.…`, letter case aside) or an @mention. Then the post stays a candidate;
/// * nothing after the token: no syllable can follow.
fn could_follow(rest: &str, allowed: &[char]) -> bool {
    let mut spaced = false;
    for c in rest.chars() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        if c == '@' {
            return true;
        }
        if !spaced || is_hangul(c) {
            return allowed.contains(&c);
        }
        return matches!(c, 'h' | 'H' | 'w' | 'W');
    }
    false
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
        assert!(
            p.could_match("오늘 점심 뭐 먹지 \u{1100}\u{1161}"),
            "conjoining jamo (they compose): the full way"
        );
        assert!(p.could_match("café is down"), "other scripts: the full way");
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
    fn about_makes_outage_words_decisive() {
        let mut lex = Lexicon::builtin();
        let svc = lex.ensure_service("acme");
        let m = Matcher::new(lex, Some(svc));
        let p = Prefilter::new(&m);
        assert!(p.could_match("it is down again"));
        assert!(!p.could_match("nice weather today"));
    }
}
