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

use super::classify::{Matcher, Scratch, Verdict};
use super::file::TermKind;
use super::normalise::{is_folded_mark, is_hangul, is_syllable, may_fold, nfkc_stage, Doubles};

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
            if !decisive {
                continue;
            }
            marks |= e.pattern.chars().any(is_folded_mark);
            let token = token_of(&e.pattern);
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
        let hit = ac.find_iter(text).find(|m| {
            let allowed = &self.followers[m.pattern().as_usize()];
            allowed.is_empty() || could_follow(&text[m.end()..], allowed)
        });
        match hit {
            Some(m) => {
                let next = text[m.end()..].trim_start().chars().next().unwrap_or(' ');
                Some(format!("{}{next}", &text[m.start()..m.end()]))
            }
            None => may_fold(text, self.doubles, self.marks).then(|| "may fold".into()),
        }
    }

    /// [`Prefilter::could_match`] for a text already through the first stage of normalisation.
    ///
    /// The search reports hits that do not overlap, and a dismissed hit hides none: a Hangul
    /// token is one character (UTF-8 lets it match only where that character is, and no other
    /// token shares its bytes), and the first hit of an ASCII word ends the search.
    #[inline]
    fn could_match_stage(&self, text: &str) -> bool {
        let Some(ac) = &self.tokens else {
            return true;
        };
        ac.find_iter(text).any(|m| {
            let allowed = &self.followers[m.pattern().as_usize()];
            allowed.is_empty() || could_follow(&text[m.end()..], allowed)
        }) || may_fold(text, self.doubles, self.marks)
    }
}

/// The token of an entry's (normalised) pattern, and the syllable that follows it in the entry
/// if any: for an entry with Hangul, its rarest non-ASCII character, preferring one that a
/// syllable follows; else the longest of its pieces of ASCII (between spaces and other
/// characters) that is not a generic word; else its rarest character.
fn token_of(pattern: &str) -> Option<(&str, Option<char>)> {
    let chars: Vec<(usize, char)> = pattern.char_indices().collect();
    let rarest = || {
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
            .map(|(i, c, next)| (&pattern[i..i + c.len_utf8()], next))
    };
    if pattern.chars().any(is_hangul) {
        // The rarest character, preferring a syllable that another syllable follows in the
        // entry: the pair rules out most posts that merely share the syllable.
        return rarest();
    }
    pattern
        .split(|c: char| c == ' ' || !c.is_ascii())
        .filter(|t| !t.is_empty())
        .max_by_key(|t| (!GENERIC.contains(t), t.len()))
        .map(|t| (t, None))
        .or_else(rarest)
}

/// Whether, in the normalised form of a first-stage text, the token (a character other than
/// ASCII, Hangul in the shipped lexicons) that `rest` follows could be followed by one of the
/// syllables `allowed` (see the module comment for the normaliser's rules this rests on):
///
/// * the character right after the token stays right after it, unless it is an `@`: the token
///   is not inside an @mention (those hold ASCII only), and a URL that held both would remove
///   the token too. So it must be an allowed syllable. An `@` may still begin a mention (one
///   begins after any character that is not alphanumeric, such as an unassigned code point of
///   the jamo block, U+3130 or U+318F, which a user lexicon may hold), so it keeps the post;
/// * after white space, a Hangul character (syllable or jamo) is joined to a Hangul token
///   without a space, so again it must be allowed (after any other token the space stays, and
///   the answer errs on the side of true); any other character survives with a space before
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
