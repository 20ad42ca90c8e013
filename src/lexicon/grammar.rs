//! English failure predicates read by their grammar rather than by their verb: a negative
//! auxiliary or "keeps" before any verb, which the lexicon could only list verb by verb ("won't
//! load", "isn't loading"). Each form below stands for every verb that fits it:
//!
//! * [`Form::NotDoing`]: "isn't", "aren't" or "not" before a verb in `-ing` ("xbox live isn't
//!   letting me in", "dropbox isn't syncing", "whatsapp not delivering");
//! * [`Form::DoesNot`]: "doesn't" or "don't" before a bare verb ("pull to refresh doesn't do
//!   anything", "the app don't even open");
//! * [`Form::Keeps`]: "keeps" or "kept" before a verb in `-ing` ("spotify keeps skipping",
//!   "discord kept reconnecting");
//! * [`Form::Nothing`]: "nothing" before a verb in `-s` ("nothing loads", "nothing happens");
//! * [`Form::ErrorShown`]: a verb of showing, saying or getting before an error a few words on,
//!   in its clause ("ig throwing a 560 error", "azure giving AADSTS errors", "getting timeouts on
//!   every request", "outlook says \"disconnected\"");
//! * [`Form::Again`] (a recovery, not a failure): any verb in `-ing` a few words before "again"
//!   or "normally" in its clause ("spotify is playing music again", "docker hub pulls succeeding
//!   again", "claude's responding normally"), but not a verb of failure ("crashing again",
//!   "logging me out again") nor one after a negative or "keeps" ("not loading again");
//! * [`Form::KoNow`] (a recovery): Korean 이제 ("now") before any verb that is not negated nor
//!   one of ending or dying ("네이버페이 결제 이제 통과됩니다", "다음 메일 이제 열리네요"): in the
//!   spent sets, 219 of 228 posts with 이제 before a verb that no 안, 못, 않 or 없 follows are
//!   recoveries;
//! * [`Form::KoNot`]: Korean 안 or 못 written as a word of its own before any verb ("요기요 앱 주문
//!   안 받아짐", "방송 못 킨대"), and any verb's stem before 지 않 ("앱이 열리지 않아요").
//!   The normaliser removes the spaces between Hangul, so where 안 stood alone is read in the
//!   first-stage text and found again in the normalised one by counting syllables (the
//!   normaliser keeps every syllable, in order); a post whose counts differ (a removed link or
//!   mention with Hangul) is not read this way.
//!
//! One adverb may stand between ("doesn't even open", "isn't really loading"). Verbs that say
//! something other than a failure are left out by short lists ("isn't going", "doesn't matter",
//! "keeps getting better", "nothing beats"), and so are the failure verbs after "doesn't" ("slack
//! doesn't crash" is a denial). The matcher reads each form as a `^` outage predicate (it counts
//! only with a service named before it in its clause, or after it past a preposition), and only
//! where no lexicon entry matched: "isn't working" keeps its own entry.

use std::sync::LazyLock;

#[cfg(test)]
use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use super::endings;
use super::words::{List, Words};

/// A grammar form; its display is what `outcry explain` shows as the matched entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    NotDoing,
    DoesNot,
    Keeps,
    Nothing,
    ErrorShown,
    KoNot,
    Again,
    KoNow,
    Code,
}

impl Form {
    pub const ALL: [Form; 9] = [
        Form::NotDoing,
        Form::DoesNot,
        Form::Keeps,
        Form::Nothing,
        Form::ErrorShown,
        Form::KoNot,
        Form::Again,
        Form::KoNow,
        Form::Code,
    ];

    /// Whether the form says the service works again (a recovery predicate), not that it fails.
    pub fn is_recovery(self) -> bool {
        matches!(self, Form::Again | Form::KoNow)
    }

    /// How the form is shown (as an entry of the lexicon would be).
    pub fn display(self) -> &'static str {
        match self {
            Form::NotDoing => "isn't/aren't/not + any verb-ing",
            Form::DoesNot => "doesn't/don't + any verb",
            Form::Keeps => "keeps/kept + any verb-ing",
            Form::Nothing => "nothing + any verb-s",
            Form::ErrorShown => "throwing/giving/getting/showing/saying … error",
            Form::KoNot => "안/못 + any verb, any verb + 지 않",
            Form::Again => "any verb-ing … again/normally",
            Form::KoNow => "이제 + any verb",
            Form::Code => "a long error code (letters, then digits)",
        }
    }

    /// Whether `verb` (lower-case ASCII letters) completes the form.
    fn takes(self, verb: &[u8]) -> bool {
        let ing = verb.len() >= 5 && verb.ends_with(b"ing");
        match self {
            Form::NotDoing => ing && !ING_NOUNS.contains(&verb) && !NOT_DOING.contains(&verb),
            Form::Keeps => ing && !KEEPS.contains(&verb),
            Form::DoesNot => verb.len() >= 2 && !DOES_NOT.contains(&verb),
            Form::Nothing => verb.len() >= 4 && verb.ends_with(b"s") && !NOTHING.contains(&verb),
            Form::ErrorShown => {
                verb.starts_with(b"error")
                    || verb.starts_with(b"timeout")
                    // A client's error class, its words joined ("InternalError").
                    || (verb.len() > 7 && (verb.ends_with(b"error") || verb.ends_with(b"exception")))
                    || SHOWN.contains(&verb)
            }
            Form::KoNot | Form::KoNow | Form::Code => false,
            Form::Again => {
                (ing && !ING_NOUNS.contains(&verb)
                    && !FAILING.contains(&verb)
                    && !CHANGING.contains(&verb))
                    || third_person_again(verb)
            }
        }
    }
}

/// The auxiliaries and verbs that begin a form (lower case; letters and apostrophes only).
const TRIGGERS: &[(&str, Form)] = &[
    ("isn't", Form::NotDoing),
    ("isnt", Form::NotDoing),
    ("aren't", Form::NotDoing),
    ("arent", Form::NotDoing),
    ("not", Form::NotDoing),
    ("doesn't", Form::DoesNot),
    ("doesnt", Form::DoesNot),
    ("don't", Form::DoesNot),
    ("dont", Form::DoesNot),
    ("keeps", Form::Keeps),
    ("kept", Form::Keeps),
    ("nothing", Form::Nothing),
    ("throwing", Form::ErrorShown),
    ("throws", Form::ErrorShown),
    ("threw", Form::ErrorShown),
    ("giving", Form::ErrorShown),
    ("gives", Form::ErrorShown),
    ("gave", Form::ErrorShown),
    ("getting", Form::ErrorShown),
    ("showing", Form::ErrorShown),
    ("shows", Form::ErrorShown),
    ("returning", Form::ErrorShown),
    ("returns", Form::ErrorShown),
    ("spitting", Form::ErrorShown),
    ("spits", Form::ErrorShown),
    ("says", Form::ErrorShown),
    ("saying", Form::ErrorShown),
    ("displays", Form::ErrorShown),
    ("displaying", Form::ErrorShown),
];

/// What a screen or a client shows when a service fails, besides errors and timeouts ("outlook
/// says \"disconnected\"", "starlink says \"searching\"").
const SHOWN: &[&[u8]] = &[
    b"disconnected",
    b"offline",
    b"unavailable",
    b"unable",
    b"failed",
    b"connecting",
    b"reconnecting",
    b"overloaded",
    b"searching",
    b"blank",
    b"black",
];

/// Whether a word [`SHOWN`] names what the screen shows: "black" and "blank" only where they
/// end their noun phrase (the clause ends, or a word of [`AFTER_SCREEN`] follows: "netflix
/// shows black with sound", "teams shows blank after login") or before the noun of what is
/// shown ([`SCREEN_NOUNS`]: "a black screen", "blank tiles"); before any other word they are
/// part of another name ("getting black ops lobbies", "showing black mirror", "blank stares").
/// The other words always.
fn shown_as_screen(hay: &[u8], word: &[u8], end: usize) -> bool {
    if word != b"black" && word != b"blank" {
        return true;
    }
    match next_word(hay, end) {
        None => true,
        Some((ns, ne)) => {
            let next = &hay[ns..ne];
            hay[end..ns].iter().any(|b| CLAUSE_END.contains(b))
                || AFTER_SCREEN.contains(&next)
                || SCREEN_NOUNS.contains(&next)
        }
    }
}

/// What a screen or an app shows black or blank: the screen and its parts, and the content a
/// feed shows ("blank tiles", "blank posts", "a blank timeline"), or a colour after "blank" ("a
/// blank white page"). Nouns only.
const SCREEN_NOUNS: &[&[u8]] = &[
    b"screen",
    b"screens",
    b"page",
    b"pages",
    b"window",
    b"windows",
    b"display",
    b"tab",
    b"tabs",
    b"feed",
    b"box",
    b"boxes",
    b"rectangle",
    b"square",
    b"frame",
    b"image",
    b"images",
    b"tile",
    b"tiles",
    b"post",
    b"posts",
    b"timeline",
    b"email",
    b"emails",
    b"message",
    b"messages",
    b"thumbnail",
    b"thumbnails",
    b"video",
    b"videos",
    b"picture",
    b"pictures",
    b"inbox",
    b"homepage",
    b"profile",
    b"profiles",
    b"white",
    b"grey",
    b"gray",
    b"void",
];

/// Function words that may follow a noun phrase ending in "black" or "blank": conjunctions,
/// prepositions and adverbs of time or place, never part of a name.
const AFTER_SCREEN: &[&[u8]] = &[
    b"with",
    b"but",
    b"and",
    b"when",
    b"whenever",
    b"after",
    b"until",
    b"while",
    b"since",
    b"on",
    b"for",
    b"in",
    b"at",
    b"again",
    b"now",
    b"then",
    b"instead",
    b"every",
    b"lol",
    b"rn",
    b"only",
    b"all",
];

/// Adverbs that may stand between the auxiliary and its verb.
const ADVERBS: &[&[u8]] = &[
    b"even",
    b"really",
    b"just",
    b"actually",
    b"always",
    b"currently",
    b"properly",
    b"fully",
    b"ever",
    b"still",
];

/// Words in `-ing` that are no verb at all ("nothing", "morning", "during"): neither form that
/// wants a verb in `-ing` after its auxiliary ([`Form::NotDoing`], [`Form::Again`]) takes them.
const ING_NOUNS: &[&[u8]] = &[
    b"thing",
    b"nothing",
    b"something",
    b"anything",
    b"everything",
    b"morning",
    b"evening",
    b"during",
];

/// Words in `-ing` after "isn't" or "not" that are no failure of a service (besides
/// [`ING_NOUNS`]): other statements, and what a person does.
const NOT_DOING: &[&[u8]] = &[
    b"bring",
    b"string",
    b"spring",
    b"going",
    b"being",
    b"having",
    b"trying",
    b"saying",
    b"kidding",
    b"joking",
    b"lying",
    b"helping",
    b"paying",
    b"using",
    b"watching",
    b"buying",
    b"selling",
    b"missing",
    b"planning",
    b"looking",
    b"expecting",
    b"asking",
    b"talking",
    b"telling",
    b"bothering",
    b"liking",
    b"counting",
    b"including",
    b"surprising",
    b"interesting",
    b"amazing",
    b"boring",
    b"annoying",
    b"willing",
    b"coming",
    b"getting",
    b"charging",
    b"renewing",
    b"subscribing",
    b"gaming",
    b"streaming",
    b"thinking",
    b"feeling",
    b"worrying",
    b"complaining",
    b"sleeping",
    b"waiting",
    b"leaving",
    b"switching",
    b"cancelling",
    b"canceling",
    b"defending",
    b"blaming",
    b"shilling",
    b"sponsoring",
    b"existing",
];

/// Verbs in `-ing` after "keeps" that are no failure.
const KEEPS: &[&[u8]] = &[
    b"getting",
    b"going",
    b"growing",
    b"improving",
    b"working",
    b"recommending",
    b"suggesting",
    b"raising",
    b"adding",
    b"pushing",
    b"changing",
    b"increasing",
    b"winning",
    b"releasing",
    b"making",
    b"coming",
    b"being",
    b"charging",
    b"billing",
    b"emailing",
    b"sending",
    b"showing",
    b"playing",
    b"nothing",
    b"something",
    b"everything",
    b"anything",
    b"thing",
    b"me",
];

/// Bare verbs after "doesn't" or "don't" that are no failure (what a person thinks or has), and
/// the failure verbs themselves, which the negative denies ("slack doesn't crash").
const DOES_NOT: &[&[u8]] = &[
    b"matter",
    b"care",
    b"have",
    b"know",
    b"like",
    b"need",
    b"want",
    b"mean",
    b"seem",
    b"look",
    b"sound",
    b"feel",
    b"think",
    b"get",
    b"make",
    b"bother",
    b"help",
    b"deserve",
    b"count",
    b"exist",
    b"cost",
    b"hurt",
    b"surprise",
    b"belong",
    b"apply",
    b"affect",
    b"include",
    b"support",
    b"offer",
    b"allow",
    b"understand",
    b"pay",
    b"charge",
    b"sell",
    b"own",
    b"use",
    b"take",
    b"give",
    b"see",
    b"remember",
    b"trust",
    b"blame",
    b"worry",
    b"judge",
    b"forget",
    b"recommend",
    b"even",
    b"really",
    b"always",
    b"just",
    b"actually",
    b"go",
    b"you",
    b"we",
    b"they",
    b"it",
    b"that",
    b"this",
    b"me",
    b"crash",
    b"fail",
    b"lag",
    b"freeze",
    b"break",
    b"stop",
    b"drop",
    b"buffer",
    b"glitch",
    b"die",
    b"error",
    b"disconnect",
    b"hang",
    b"go",
    b"seem",
    b"happen",
    b"ask",
    b"say",
    b"tell",
    b"try",
    b"call",
    b"wanna",
    b"gotta",
    b"usually",
    b"ever",
    b"still",
    b"dm",
    b"message",
    b"text",
    b"ping",
    b"email",
    b"expect",
    b"buy",
    b"download",
    b"install",
    b"subscribe",
    b"watch",
    b"read",
    b"miss",
    b"panic",
];

/// Verbs in `-s` after "nothing" that are no failure.
const NOTHING: &[&[u8]] = &[
    b"else",
    b"beats",
    b"compares",
    b"matters",
    b"lasts",
    b"changes",
    b"was",
    b"is",
    b"has",
    b"does",
    b"says",
    b"comes",
    b"goes",
    b"makes",
    b"gets",
    b"stops",
    b"gives",
    b"helps",
];

const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// The ASCII word that starts at or after `from` in `hay`: (start, end).
fn next_word(hay: &[u8], from: usize) -> Option<(usize, usize)> {
    let start = from + hay.get(from..)?.iter().position(|&b| is_word_byte(b))?;
    let end = start
        + hay[start..]
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(hay.len() - start);
    Some((start, end))
}

/// The end of the error code that is the word `vs..ve` of `hay`, if it has a code's shape.
///
/// Some shapes are codes wherever they stand: an HTTP error status in the plural ("503s",
/// "429s"), a code in the plural ("h10s"), a hexadecimal code ("0x87dd0003"), four digits or
/// more after letters ("e0123", "ws-116522"), and letters with two segments after dashes as
/// consoles and players write them ("ws-116522-7", "nw-2-5", "ui-800-3", "tvq-pm-100").
///
/// Shorter shapes are names, versions, ratings and ranks as often ("ios18", "tv14", "pg13",
/// "top-10", "500 likes"): letters then two or three digits ("err502", "van84"), letters, a
/// dash and digits ("cdn-101", "van-81"), or an HTTP error status alone ("getting 502"). They
/// are the error only where the noun phrase ends after them ([`ends_as_error`]: the clause
/// ends, or a preposition or adverb follows: "getting 502 on every page", "VAN84 again"), not
/// before a noun they would name or count ("tv14 rating", "top-10 trending", "500 likes").
/// One letter and one digit are too short to tell from a model or a device ("ps5", "m1").
fn error_code(words: &Words, hay: &[u8], vs: usize, ve: usize) -> Option<usize> {
    let word = &hay[vs..ve];
    let digits = |w: &[u8]| !w.is_empty() && w.iter().all(u8::is_ascii_digit);
    let status = |w: &[u8]| w.len() == 3 && digits(w) && matches!(w[0], b'4' | b'5');
    if let Some(hex) = word.strip_prefix(b"0x") {
        return (hex.len() >= 4 && hex.iter().all(u8::is_ascii_hexdigit)).then_some(ve);
    }
    let letters = word.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let rest = &word[letters..];
    let plural = rest.strip_suffix(b"s");
    if plural
        .is_some_and(|r| digits(r) && (status(r) || ((1..=4).contains(&letters) && r.len() >= 2)))
    {
        return Some(ve);
    }
    if status(word) {
        return ends_as_error(words, hay, ve, true).then_some(ve);
    }
    if !(1..=4).contains(&letters) {
        return None;
    }
    if digits(rest) && rest.len() >= 2 {
        return (rest.len() >= 4 || ends_as_error(words, hay, ve, false)).then_some(ve);
    }
    if !rest.is_empty() || hay.get(ve) != Some(&b'-') {
        return None;
    }
    // A console's code: the letters, then segments after dashes ("ws-116522-7").
    let mut end = ve;
    let mut segments = 0;
    let mut first_digits = 0;
    while hay.get(end) == Some(&b'-') && hay.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        let seg = hay[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if segments == 0 {
            first_digits = if digits(&hay[end + 1..end + 1 + seg]) {
                seg
            } else {
                0
            };
        }
        segments += 1;
        end += 1 + seg;
    }
    let code = segments >= 2
        || first_digits >= 4
        || (first_digits >= 2 && ends_as_error(words, hay, end, false));
    code.then_some(end)
}

/// Whether the noun phrase of a short code ending at `end` of `hay` ends there: the clause
/// ends, or a word of `[words after-status]` follows, or "for" and who it fails for ("getting 500
/// for every request", "500 for me"; "500 for the first time" counts), or a word of error
/// ("h10 errors"). "now" follows an HTTP status (`status`) but not letters and digits, a name
/// and its version as often ("icloud shows ios18 now").
fn ends_as_error(words: &Words, hay: &[u8], end: usize, status: bool) -> bool {
    let Some((ns, ne)) = next_word(hay, end) else {
        return true;
    };
    if hay[end..ns].iter().any(|b| CLAUSE_END.contains(b)) {
        return true;
    }
    let next = &hay[ns..ne];
    let after = next_word(hay, ne).map(|(fs, fe)| &hay[fs..fe]);
    if next == b"for" {
        return after.is_some_and(|w| words.has_bytes(List::FailsFor, w));
    }
    // Another code joined by "and" ("throwing H10 and H99"), or the error's message, a word of
    // failure within three words ("returning H10 app crashed").
    if next == b"and" && after.is_some_and(code_shaped) {
        return true;
    }
    let mut at = end;
    for _ in 0..3 {
        let Some((ws, we)) = next_word(hay, at) else {
            break;
        };
        if hay[at..ws].iter().any(|b| CLAUSE_END.contains(b)) {
            break;
        }
        if words.has_bytes(List::FailureNear, &hay[ws..we]) {
            return true;
        }
        at = we;
    }
    (words.has_bytes(List::AfterStatus, next) && (status || next != b"now"))
        || next.starts_with(b"error")
        || next == b"code"
}

/// Whether `w` has the shape of a short code: letters then two digits or more ("h99"), or an
/// HTTP error status ("503").
fn code_shaped(w: &[u8]) -> bool {
    let letters = w.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let rest = &w[letters..];
    letters <= 4
        && rest.len() >= 2
        && rest.iter().all(u8::is_ascii_digit)
        && (letters > 0 || rest.len() == 3)
}

/// The bytes that end a clause after an HTTP status standing alone ("getting 502.").
const CLAUSE_END: &[u8] = b".,!?;\")";

/// The words [`for_each_again`] reads back from, in the order of their pattern numbers after
/// the triggers' in [`TRIGGER_SEARCH`].
const READ_BACK_FROM: [&str; 2] = ["again", "normally"];

/// The triggers in one automaton, and after them the words of [`READ_BACK_FROM`]: leftmost-longest,
/// so that a pattern that is a whole word is always reported (every pattern is made of word
/// bytes, so no reported match can reach across the non-word byte before or after a word, and
/// no pattern is longer than the word it equals). Hence the whole-word matches of the triggers
/// are the same with the two words among the patterns as without them, and those of the two
/// words are every whole-word occurrence `memmem` finds; and they are the words of `hay` (runs
/// of word bytes, [`is_word_byte`]) that equal a pattern, which [`for_each_trigger_word`] reads
/// instead (this search is the tests' reference for it).
#[cfg(test)]
static TRIGGER_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(trigger_patterns())
        .expect("the triggers are plain literals")
});

/// How many patterns the one search has: the triggers and the words of [`READ_BACK_FROM`].
const TRIGGER_COUNT: usize = TRIGGERS.len() + READ_BACK_FROM.len();

/// Pattern `k` of the one search: the triggers, then the words of [`READ_BACK_FROM`] (a
/// pattern's number is its place here). A `const fn`, so that the word scan's tables are built
/// at compile time from the same list.
const fn trigger_pattern(k: usize) -> &'static [u8] {
    if k < TRIGGERS.len() {
        TRIGGERS[k].0.as_bytes()
    } else {
        READ_BACK_FROM[k - TRIGGERS.len()].as_bytes()
    }
}

/// The patterns of the one search, in order ([`trigger_pattern`]).
#[cfg(test)]
fn trigger_patterns() -> impl Iterator<Item = &'static str> {
    (0..TRIGGER_COUNT)
        .map(|k| std::str::from_utf8(trigger_pattern(k)).expect("the patterns are ASCII"))
}

/// The longest pattern of [`trigger_patterns`], in bytes: a longer word is none.
const LONGEST_TRIGGER: usize = 10;

/// A word of at most [`LONGEST_TRIGGER`] bytes as one number, its first byte lowest: two
/// words are the same when their keys are (no word byte is 0).
const fn word_key(w: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut j = 0;
    while j < w.len() {
        key |= (w[j] as u128) << (8 * j);
        j += 1;
    }
    key
}

/// The patterns of [`trigger_patterns`] by first byte (a lower-case letter): how many begin
/// with it, and their keys ([`word_key`]) and numbers, in order.
const TRIGGERS_BY_FIRST: [(usize, [(u128, u8); 8]); 26] = {
    let mut by = [(0usize, [(0u128, 0u8); 8]); 26];
    let mut k = 0;
    while k < TRIGGER_COUNT {
        let p = trigger_pattern(k);
        assert!(p.len() >= 3 && p.len() <= LONGEST_TRIGGER && p[0].is_ascii_lowercase());
        let mut j = 0;
        while j < p.len() {
            assert!(is_word_byte(p[j]));
            j += 1;
        }
        let slot = &mut by[(p[0] - b'a') as usize];
        slot.1[slot.0] = (word_key(p), k as u8);
        slot.0 += 1;
        k += 1;
    }
    by
};

/// The pattern the word that starts at `s` of `hay` (a word byte after none) is, and the
/// word's end.
#[inline]
fn trigger_at(hay: &[u8], s: usize) -> Option<(usize, usize)> {
    // (most words begin with a letter that begins no pattern: not read on)
    let first = usize::from(hay[s].wrapping_sub(b'a'));
    if TRIGGERS_BY_FIRST.get(first).is_none_or(|p| p.0 == 0) {
        return None;
    }
    let mut key = 0u128;
    let mut e = s;
    while e < hay.len() && is_word_byte(hay[e]) {
        if e - s == LONGEST_TRIGGER {
            return None;
        }
        key |= u128::from(hay[e]) << (8 * (e - s));
        e += 1;
    }
    trigger_of(key).map(|k| (k, e))
}

/// The number of the pattern whose key ([`word_key`]) is `key`, if any.
#[inline(always)]
fn trigger_of(key: u128) -> Option<usize> {
    let (n, patterns) = TRIGGERS_BY_FIRST.get(usize::from((key as u8).wrapping_sub(b'a')))?;
    patterns[..*n]
        .iter()
        .find(|p| p.0 == key)
        .map(|p| usize::from(p.1))
}

/// Calls `f(pattern, start, end)` for each word of `hay` that is one of [`trigger_patterns`]
/// (numbered as there), in text order: the whole-word matches of the search the classifier
/// made with `aho-corasick` before, [`TRIGGER_SEARCH`] (the tests compare the two). Most words
/// of a post are none: the words whose first three bytes may begin a pattern (by nibbles, as
/// Teddy tells them) are found 32 bytes at a time ([`trigger_starts_avx2`]), and only they are
/// read further. (The search's Teddy and its checks cost ~22 M instructions on the 5.5 MB of
/// text of the trackback slice's posts that name a service: patterns found inside longer
/// words, "not" in "another", "get" in "together", and the candidates its buckets let through;
/// the word scan ~9 M, 19,900 candidates read among its words.)
fn for_each_trigger_word(hay: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    // Where the byte-at-a-time scan starts: after the blocks read 32 bytes at a time, if any.
    #[cfg(target_arch = "x86_64")]
    let from = if hay.len() >= 48 && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, just checked.
        unsafe { trigger_starts_avx2(hay, &mut f) }
    } else {
        0
    };
    #[cfg(not(target_arch = "x86_64"))]
    let from = 0;
    trigger_words_from(hay, from, &mut f);
}

/// [`for_each_trigger_word`] for the words that start at `from` or after, a byte at a time.
fn trigger_words_from(hay: &[u8], from: usize, f: &mut impl FnMut(usize, usize, usize)) {
    for s in from..hay.len() {
        if is_word_byte(hay[s]) && (s == 0 || !is_word_byte(hay[s - 1])) {
            if let Some((k, e)) = trigger_at(hay, s) {
                f(k, s, e);
            }
        }
    }
}

/// The first three bytes of the patterns of [`trigger_patterns`] as Teddy keeps them: for each
/// of the three places, a table by low nibble and one by high nibble of the buckets (bits) whose
/// patterns have a byte with that nibble there; a pattern's bucket is its first letter's
/// ([`trigger_bucket`]). A word whose three first bytes find a bucket in all six tables may be
/// a pattern of it; one that finds none is none.
#[cfg(target_arch = "x86_64")]
static TRIGGER_NIBBLES: [[u8; 16]; 6] = {
    let mut t = [[0u8; 16]; 6];
    let mut n = 0;
    while n < TRIGGER_COUNT {
        let p = trigger_pattern(n);
        let bit = 1u8 << trigger_bucket(p[0]);
        let mut k = 0;
        while k < 3 {
            t[2 * k][(p[k] & 15) as usize] |= bit;
            t[2 * k + 1][(p[k] >> 4) as usize] |= bit;
            k += 1;
        }
        n += 1;
    }
    t
};

/// The bucket of the patterns that begin with `first`: the first letters grouped into eight,
/// `s` and `r` together (a bucket's places hold the union of its patterns' bytes).
#[cfg(target_arch = "x86_64")]
const fn trigger_bucket(first: u8) -> u32 {
    match first {
        b'i' => 0,
        b'a' => 1,
        b'n' => 2,
        b'd' => 3,
        b'k' => 4,
        b't' => 5,
        b'g' => 6,
        _ => 7,
    }
}

/// [`for_each_trigger_word`] 32 bytes at a time, for the words that start in the blocks it
/// reads, up to 48 bytes before the end of `hay`; where the words it did not read start.
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn trigger_starts_avx2(hay: &[u8], f: &mut impl FnMut(usize, usize, usize)) -> usize {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_setzero_si256,
        _mm256_shuffle_epi8, _mm256_srli_epi16,
    };
    let tables = &TRIGGER_NIBBLES;
    // SAFETY (every load of this function): the loads of the text read hay[i..i + 34], within
    // `hay` by the loop's condition (`i + 48 <= hay.len()`); this function has AVX2, as
    // `both_halves` needs.
    let table = |k: usize| unsafe { super::both_halves(&tables[k]) };
    let nib = [table(0), table(1), table(2), table(3), table(4), table(5)];
    let set = |b: u8| _mm256_set1_epi8(b as i8);
    let low = set(15);
    // The buckets the byte in each lane may be in at place `k` (0 to 2) of a pattern.
    let buckets = |v: __m256i, k: usize| {
        let lo = _mm256_shuffle_epi8(nib[2 * k], _mm256_and_si256(v, low));
        let hi = _mm256_shuffle_epi8(
            nib[2 * k + 1],
            _mm256_and_si256(_mm256_srli_epi16::<4>(v), low),
        );
        _mm256_and_si256(lo, hi)
    };
    // Whether the previous block's last byte is a word byte (none before the text).
    let mut carry = 0u32;
    let mut i = 0;
    while i + 48 <= hay.len() {
        // SAFETY: `i + 48 <= hay.len()`, so `p` and the 34 bytes read from it are in `hay`.
        let p = unsafe { hay.as_ptr().add(i) };
        let v = unsafe { _mm256_loadu_si256(p.cast()) };
        // Word bytes (as [`is_word_byte`]): letters in either case, digits, the apostrophe.
        // (Signed compares: a byte of 0x80 or more, `| 0x20` or not, is negative.)
        let folded = _mm256_or_si256(v, set(0x20));
        let letter = _mm256_and_si256(
            _mm256_cmpgt_epi8(folded, set(b'`')),
            _mm256_cmpgt_epi8(set(b'{'), folded),
        );
        let digit = _mm256_and_si256(
            _mm256_cmpgt_epi8(v, set(b'/')),
            _mm256_cmpgt_epi8(set(b':'), v),
        );
        let word = _mm256_or_si256(
            _mm256_or_si256(letter, digit),
            _mm256_cmpeq_epi8(v, set(b'\'')),
        );
        let w = _mm256_movemask_epi8(word) as u32;
        let mut starts = w & !((w << 1) | carry);
        carry = w >> 31;
        if starts != 0 {
            let (b, c) = unsafe {
                (
                    _mm256_loadu_si256(p.add(1).cast()),
                    _mm256_loadu_si256(p.add(2).cast()),
                )
            };
            let all = _mm256_and_si256(
                _mm256_and_si256(buckets(v, 0), buckets(b, 1)),
                buckets(c, 2),
            );
            let none = _mm256_movemask_epi8(_mm256_cmpeq_epi8(all, _mm256_setzero_si256())) as u32;
            starts &= !none;
            while starts != 0 {
                let at = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let s = i + at;
                // A word that ends in the block has its length in `w`, and its bytes are read
                // at once (16 from `s`, within `hay`: the loop's condition); one that reaches
                // the block's end is read a byte at a time.
                let len = (!(w >> at)).trailing_zeros() as usize;
                if at + len == 32 {
                    if let Some((k, e)) = trigger_at(hay, s) {
                        f(k, s, e);
                    }
                } else if (3..=LONGEST_TRIGGER).contains(&len) {
                    let bytes = u128::from_le_bytes(hay[s..s + 16].try_into().expect("16 bytes"));
                    if let Some(k) = trigger_of(bytes & ((1u128 << (8 * len)) - 1)) {
                        f(k, s, s + len);
                    }
                }
            }
        }
        i += 32;
    }
    i
}

/// Calls `f(start, end, form)` for each form read in `hay` (normalised text), the span from the
/// auxiliary to the end of the verb; `words` holds the lexicon's lists an error code is read by
/// (`[words before-code]`, `[words after-status]`, `[words fails-for]`, `[words failure-near]`). Between the words only single spaces may stand: a
/// comma or a full stop ends the clause the predicate is in.
///
/// The auxiliaries are found with one search (most words of a post are none), and a match
/// counts where it is a whole word: no word byte (letter, digit, apostrophe) on either side.
///
/// The tests' reference: the classifier reads these forms with [`for_each_and_again`], whose
/// search holds two more words. This one searches the triggers alone, as the classifier did
/// before, so that the tests compare the one search with the two it replaced.
#[cfg(test)]
pub fn for_each(words: &Words, hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
    static TRIGGERS_ONLY: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(TRIGGERS.iter().map(|(w, _)| w))
            .expect("the triggers are plain literals")
    });
    for m in TRIGGERS_ONLY.find_iter(hay) {
        let (s, e) = (m.start(), m.end());
        if whole_word(hay, s, e) {
            read_form(words, hay, s, e, TRIGGERS[m.pattern().as_usize()].1, &mut f);
        }
    }
}

/// Whether `hay[s..e]` is a whole word: no word byte on either side.
#[inline]
fn whole_word(hay: &[u8], s: usize, e: usize) -> bool {
    (s == 0 || !is_word_byte(hay[s - 1])) && hay.get(e).is_none_or(|&b| !is_word_byte(b))
}

/// [`for_each`] and then [`for_each_again`], the same calls of `f` in the same order, from one
/// scan of `hay` for the words of both ([`for_each_trigger_word`]: the two words "again" and
/// "normally" are patterns of it too). The classifier's call: the two `memmem` passes of
/// [`for_each_again`] over every post that names a service cost ~6.2 M instructions on the 10 MB
/// trackback slice. The places of the two words are kept, up to [`AGAIN_KEPT`]; a post with more
/// is read again by [`for_each_again`]. (Until the thirty-third pass the scan was a search with
/// `aho-corasick`, [`TRIGGER_SEARCH`], now the tests' reference: 26.6 M instructions for this
/// call on the trackback slice, 14.2 M with the word scan.)
pub fn for_each_and_again(words: &Words, hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
    let mut kept = [(0usize, 0usize); AGAIN_KEPT];
    let mut n = 0;
    for_each_trigger_word(hay, |k, s, e| match TRIGGERS.get(k) {
        Some(&(_, form)) => read_form(words, hay, s, e, form, &mut f),
        None => {
            if let Some(slot) = kept.get_mut(n) {
                *slot = (s, e);
            }
            n += 1;
        }
    });
    if n > AGAIN_KEPT {
        for_each_again(hay, f);
    } else {
        for &(s, e) in &kept[..n] {
            again_at(hay, s, e, &mut f);
        }
    }
}

/// How many places of "again" and "normally" [`for_each_and_again`] keeps from its search.
const AGAIN_KEPT: usize = 16;

/// Calls `f(start, end)` for every word of `hay` with the shape of a long error code that is no
/// word, name, count or hash: at least [`CODE_LETTERS`] letters, then at least [`CODE_DIGITS`]
/// digits, then letters or digits, [`CODE_LENGTH`] characters or more in all
/// ("blzbntbgs000003f8", "blzbntagt00000bb8", "aadsts90033"). Such a code is an error screen copied whole: it
/// says the service fails wherever it stands ([`Form::Code`]). Shorter codes ("e0003", "h10",
/// "ws-116522-7") are read only after a verb of showing ([`Form::ErrorShown`]).
///
/// Such a word holds a run of [`CODE_DIGITS`] digits (its first) right after its leading
/// letters: the runs of digits are found 16 bytes at a time ([`next_digit`]; prose without
/// numbers has few), and only those of [`CODE_DIGITS`] digits or more are read further. (The
/// walk it replaced looked at every fourth byte, ~1.2 instructions a byte, 11.2 M on the 10 MB
/// trackback slice.)
pub fn for_each_code(hay: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut a = 0;
    loop {
        // (`a` is 0 or follows a byte that is no digit: the first digit from it starts a run)
        a = next_digit(hay, a);
        if a >= hay.len() {
            return;
        }
        let mut b = a + 1;
        while b < hay.len() && hay[b].is_ascii_digit() {
            b += 1;
        }
        let mut next = b;
        if b - a >= CODE_DIGITS {
            // The lower-case letters before the run.
            let mut s = a;
            while s > 0 && hay[s - 1].is_ascii_lowercase() {
                s -= 1;
            }
            // A code starts its word: nothing of a word before its letters (a run that follows
            // other letters or digits of the word is not its first, and the word has no code).
            if a - s >= CODE_LETTERS && (s == 0 || !hay[s - 1].is_ascii_alphanumeric()) {
                let mut e = b;
                while e < hay.len() && hay[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let bounded = hay.get(e).is_none_or(|&b| b < 0x80) && (s == 0 || hay[s - 1] < 0x80);
                if e - s >= CODE_LENGTH && bounded {
                    f(s, e);
                }
                next = e;
            }
        }
        a = next;
    }
}

/// The index of the first ASCII digit at or after `i` in `b`, or `b.len()`: 16 bytes at a time
/// with SSE2 (every x86-64 processor has it), then byte by byte.
#[inline(always)]
fn next_digit(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    while i + 16 <= b.len() {
        use std::arch::x86_64::{
            _mm_and_si128, _mm_cmpgt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is part of the x86-64 baseline; the load reads b[i..i + 16], which the
        // loop's condition keeps within `b`. (Signed compares: a byte of 0x80 or more is
        // negative, so never above `/`.)
        let mask = unsafe {
            let v = _mm_loadu_si128(b.as_ptr().add(i).cast());
            let digit = _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(b'/' as i8)),
                _mm_cmpgt_epi8(_mm_set1_epi8(b':' as i8), v),
            );
            _mm_movemask_epi8(digit) as u32
        };
        if mask != 0 {
            return i + mask.trailing_zeros() as usize;
        }
        i += 16;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// The shape of a long error code ([`for_each_code`]).
const CODE_LETTERS: usize = 4;
const CODE_DIGITS: usize = 4;
const CODE_LENGTH: usize = 11;

/// Reads the rest of a form whose auxiliary `form` stands at `s..e` of `hay` (see
/// [`for_each`]).
fn read_form(
    words: &Words,
    hay: &[u8],
    s: usize,
    e: usize,
    form: Form,
    f: &mut impl FnMut(usize, usize, Form),
) {
    if form == Form::ErrorShown {
        // The error may stand up to four words on, in the clause ("throwing a 560 error").
        let mut end = e;
        let mut skipped = (e, e);
        for step in 0..5 {
            let Some((vs, ve)) = next_word(hay, end) else {
                break;
            };
            if hay[end..vs]
                .iter()
                .any(|b| matches!(b, b'.' | b',' | b'!' | b'?' | b';'))
            {
                break;
            }
            let word = &hay[vs..ve];
            if form.takes(word) {
                if shown_as_screen(hay, word, ve) {
                    f(s, ve, form);
                }
                break;
            }
            // An error code may stand for the error, right after the verb or past a pronoun, an
            // article or a word of error ("heroku apps all returning H10s", "ps5 says
            // WS-116522-7", "giving me 0x87dd0003"; not "showing s3 e10", an episode).
            if step == 0
                || (step == 1 && words.has_bytes(List::BeforeCode, &hay[skipped.0..skipped.1]))
            {
                if let Some(code_end) = error_code(words, hay, vs, ve) {
                    f(s, code_end, form);
                    break;
                }
            }
            skipped = (vs, ve);
            end = ve;
        }
        return;
    }
    let mut end = e;
    for step in 0..2 {
        if hay.get(end) != Some(&b' ') {
            break;
        }
        // The verb begins right after the space (a look before the search for the word's end).
        if !hay.get(end + 1).is_some_and(|&b| is_word_byte(b)) {
            break;
        }
        let Some((vs, ve)) = next_word(hay, end + 1) else {
            break;
        };
        let verb = &hay[vs..ve];
        if !verb.iter().all(u8::is_ascii_lowercase) {
            break;
        }
        if step == 0 && ADVERBS.contains(&verb) {
            end = ve;
            continue;
        }
        if form.takes(verb) {
            f(s, ve, form);
        }
        break;
    }
}

/// Verbs in `-ing` that fail again rather than work again ("crashing again", "logging me out
/// again"), and words in `-ing` that are no verb of the service working.
const FAILING: &[&[u8]] = &[
    b"having",
    b"being",
    b"causing",
    b"crashing",
    b"lagging",
    b"buffering",
    b"failing",
    b"erroring",
    b"freezing",
    b"glitching",
    b"dropping",
    b"timing",
    b"breaking",
    b"dying",
    b"acting",
    b"disconnecting",
    b"reconnecting",
    b"skipping",
    b"spinning",
    b"hanging",
    b"stalling",
    b"stuttering",
    b"bugging",
    b"throwing",
    b"giving",
    b"getting",
    b"kicking",
    b"logging",
    b"signing",
    b"booting",
    b"rejecting",
    b"declining",
    b"looping",
    b"happening",
    b"doing",
    b"going",
    b"saying",
    b"asking",
    b"restarting",
    b"rebooting",
    b"refusing",
    b"blocking",
    b"charging",
    b"billing",
    b"spamming",
    b"flickering",
    b"slowing",
    b"tanking",
    b"trending",
    b"losing",
    b"misbehaving",
    b"struggling",
    b"choking",
    b"cutting",
    b"stopping",
    b"desyncing",
    b"deleting",
    b"eating",
    b"ignoring",
    b"forgetting",
    b"complaining",
    b"raising",
    b"increasing",
    b"thinking",
];

/// Words after which a verb in `-ing` is no recovery ("not loading again", "keeps loading
/// again", "stopped working again").
const BEFORE_AGAIN_STOP: &[&[u8]] = &[
    b"not", b"isn't", b"isnt", b"aren't", b"arent", b"no", b"never", b"keeps", b"kept", b"stopped",
    b"still", b"barely", b"hardly", b"quit", b"quits",
];

/// Words between the verb and "again" that say it fails ("loading slow again", "acting up"),
/// or that what it serves is no content asked for ("spotify plays ads again").
const BETWEEN_AGAIN_STOP: &[&[u8]] = &[
    b"slow",
    b"slowly",
    b"forever",
    b"weird",
    b"badly",
    b"wrong",
    b"up",
    b"out",
    b"off",
    b"errors",
    b"error",
    b"me",
    b"ads",
    b"adverts",
    b"commercials",
];

/// Calls `f(start, end, Form::Again)` for each verb in `-ing` that "again" or "normally" follows
/// within three words in its clause ("spotify is playing music again"): the span from the verb to
/// that word. See [`Form::Again`].
///
/// Read backwards from each "again" and "normally" (found with `memmem`; most posts have none):
/// a verb up to four words before one, with only spaces between the words and no word between
/// that stops the form (another "again" or "normally", or a word of [`BETWEEN_AGAIN_STOP`]), is
/// what a walk forward from the verb finds; verbs are reported in text order (a verb before an
/// earlier "again" stops there).
pub fn for_each_again(hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
    static AGAIN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(READ_BACK_FROM[0]));
    static NORMALLY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(READ_BACK_FROM[1]));
    let mut again = AGAIN.find_iter(hay).map(|i| (i, i + 5)).peekable();
    let mut normally = NORMALLY.find_iter(hay).map(|i| (i, i + 8)).peekable();
    let ends = std::iter::from_fn(|| match (again.peek(), normally.peek()) {
        (Some(a), Some(n)) if a < n => again.next(),
        (Some(_), None) => again.next(),
        _ => normally.next(),
    });
    for (start, end) in ends {
        if whole_word(hay, start, end) {
            again_at(hay, start, end, &mut f);
        }
    }
}

/// The forms [`for_each_again`] reads back from the whole word "again" or "normally" at
/// `start..end`, in text order.
fn again_at(hay: &[u8], start: usize, end: usize, f: &mut impl FnMut(usize, usize, Form)) {
    // The verbs found, nearest first.
    let mut found = [0usize; 4];
    let mut n = 0;
    let mut at = start;
    for _ in 0..4 {
        let Some((ws, we)) = word_spaced_before(hay, at) else {
            break;
        };
        let word = &hay[ws..we];
        if word.iter().all(u8::is_ascii_lowercase)
            && Form::Again.takes(word)
            && !BEFORE_AGAIN_STOP.contains(&word_before(hay, ws))
        {
            found[n] = ws;
            n += 1;
        }
        if READ_BACK_FROM.iter().any(|w| word == w.as_bytes()) || BETWEEN_AGAIN_STOP.contains(&word)
        {
            break;
        }
        at = ws;
    }
    for &s in found[..n].iter().rev() {
        f(s, end, Form::Again);
    }
}

/// Whether `verb` is a verb in `-s` that says a service works before "again" ("chatgpt answers
/// again", "disney+ plays again"): a word in `-s` (not `-ss`, `-us`, `-is`) whose `-ing` form
/// would be read so, so not a failing verb ("crashes", "drops", "freezes"), nor a noun of failure
/// ("errors", "issues": "gmail errors again").
fn third_person_again(verb: &[u8]) -> bool {
    let Some(stem) = verb.strip_suffix(b"s") else {
        return false;
    };
    if stem.len() < 3 || matches!(stem.last(), Some(b's' | b'u' | b'i')) {
        return false;
    }
    if FAILING_NOUNS.contains(&verb) {
        return false;
    }
    // The stem's `-ing` forms: "load" loading, "freeze" freezing (by "freez"), "drop" dropping,
    // "crashe" crashing (by "crash").
    let stems = [
        stem,
        stem.strip_suffix(b"e").unwrap_or(stem),
        &stem[..stem.len() - 1],
    ];
    let mut buf = [0u8; 32];
    !stems.iter().any(|st| {
        let doubled = st.last().map(|&c| [c]).unwrap_or_default();
        [&b""[..], &doubled[..]].iter().any(|d| {
            let n = st.len() + d.len() + 3;
            if n > buf.len() {
                return false;
            }
            buf[..st.len()].copy_from_slice(st);
            buf[st.len()..st.len() + d.len()].copy_from_slice(d);
            buf[st.len() + d.len()..n].copy_from_slice(b"ing");
            let ing = &&buf[..n];
            FAILING.contains(ing) || ING_NOUNS.contains(ing) || CHANGING.contains(ing)
        })
    })
}

/// Whether the [`Form::Again`] read from the word at `verb` of `hay` has that word in a verb's
/// place. A verb in `-ing` always has ("spotify is playing music again"). A word in `-s` is a
/// plural noun as often as a verb: it counts only right after what does the working, or past
/// one adverb ([`AGAIN_ADVERBS`]) after it (`named_before(at)`: a service's name or a word
/// about one ends at byte `at`, before the spaces or the "'s" that come before the word:
/// "chatgpt answers again", "chatgpt finally answers again", "whatsapp sends messages again",
/// "teams calls connect again"). So the object is never read as the verb ("netflix hikes
/// prices again"); which verbs say the service works is the verb's own matter (see
/// [`CHANGING`]), whatever its object.
pub fn again_in_verb_place(hay: &[u8], verb: usize, named_before: impl Fn(usize) -> bool) -> bool {
    let Some((_, ve)) = next_word(hay, verb) else {
        return false;
    };
    let word = &hay[verb..ve];
    // "show" serves only what a screen shows ("gmail shows emails again"), not a title
    // ("netflix is showing black mirror again").
    if (word == b"shows" || word == b"showing") && !shows_content(hay, ve) {
        return false;
    }
    if word.ends_with(b"ing") {
        return true;
    }
    let subject_end = |mut at: usize| {
        while at > 0 && hay[at - 1] == b' ' {
            at -= 1;
        }
        if hay[..at].ends_with(b"'s") {
            at -= 2;
        }
        at
    };
    let at = subject_end(verb);
    if at < verb && named_before(at) {
        return true;
    }
    word_spaced_before(hay, verb).is_some_and(|(ws, we)| {
        let at = subject_end(ws);
        AGAIN_ADVERBS.contains(&&hay[ws..we]) && at < ws && named_before(at)
    })
}

/// Whether the object after "shows" ending at `end` of `hay` is content a screen shows (a
/// word of [`SCREEN_NOUNS`], past "my", "the" or "all").
fn shows_content(hay: &[u8], end: usize) -> bool {
    let mut at = end;
    for _ in 0..2 {
        let Some((ws, we)) = next_word(hay, at) else {
            return false;
        };
        let w = &hay[ws..we];
        if SCREEN_NOUNS.contains(&w) {
            return true;
        }
        if !matches!(w, b"my" | b"the" | b"all" | b"our" | b"new") {
            return false;
        }
        at = we;
    }
    false
}

/// Adverbs that may stand between a service's name and its verb in `-s` before "again".
const AGAIN_ADVERBS: &[&[u8]] = &[
    b"finally",
    b"now",
    b"actually",
    b"just",
    b"properly",
    b"fully",
    b"even",
    b"also",
    b"really",
    b"thankfully",
    b"officially",
    b"suddenly",
    b"magically",
    b"somehow",
];

/// Verbs in `-ing` of what a service changes or imposes, not of it working: a policy, a price,
/// a design or a catalogue ("spotify changes the layout again", "twitter is banning accounts
/// again", "netflix cancels another show again"), whatever their object. A verb in `-s` is
/// read by its `-ing` form (see [`third_person_again`]).
const CHANGING: &[&[u8]] = &[
    b"changing",
    b"banning",
    b"shadowbanning",
    b"hiking",
    b"removing",
    b"cancelling",
    b"canceling",
    b"suspending",
    b"adding",
    b"redesigning",
    b"rebranding",
    b"renaming",
    b"replacing",
    b"testing",
    b"forcing",
    b"killing",
    b"limiting",
    b"restricting",
    b"censoring",
    b"hiding",
    b"locking",
    b"selling",
    b"launching",
    b"releasing",
    b"announcing",
    b"introducing",
    b"renewing",
    b"axing",
    b"firing",
    b"suing",
    b"messing",
];

/// Whether the clause after an own-fault counter ending at `end` of `hay` ("turns out my",
/// "turns out i") denies the fault in its first words ([`OWN_FAULT_REACH`]): a negation ("my
/// router wasn't the problem", "i'm not the only one"), the writer proved right ("i was
/// right"), others sharing it ("my friends have the same problem") or the outage itself ("my
/// whole street is out").
pub fn denies_own_fault(hay: &[u8], end: usize) -> bool {
    let mut at = end;
    for _ in 0..OWN_FAULT_REACH {
        let Some((ws, we)) = next_word(hay, at) else {
            return false;
        };
        if hay[at..ws].iter().any(|b| CLAUSE_END.contains(b)) {
            return false;
        }
        let w = &hay[ws..we];
        if w.ends_with(b"n't") || DENY_FAULT.contains(&w) {
            return true;
        }
        at = we;
    }
    false
}

/// How many words after "turns out my/i" are read by [`denies_own_fault`].
const OWN_FAULT_REACH: usize = 5;

/// Words that deny the writer's own fault after "turns out my/i" (besides any word in `n't`).
const DENY_FAULT: &[&[u8]] = &[
    b"not",
    b"no",
    b"never",
    b"nothing",
    b"isnt",
    b"wasnt",
    b"arent",
    b"werent",
    b"dont",
    b"didnt",
    b"doesnt",
    b"right",
    b"correct",
    b"same",
    b"too",
    b"also",
    b"only",
    b"everyone",
    b"everybody",
    b"out",
    b"down",
];

/// Words in `-s` before "again" that say no recovery: nouns of failure that stand as a verb
/// would ("outlook errors again", "discord issues again"), "keeps" ("keeps buffering again"),
/// and words of time.
const FAILING_NOUNS: &[&[u8]] = &[
    b"keeps",
    b"says",
    b"errors",
    b"issues",
    b"problems",
    b"outages",
    b"bugs",
    b"glitches",
    b"crashes",
    b"timeouts",
    b"troubles",
    b"lags",
    b"spikes",
    b"reports",
    b"complaints",
    b"downs",
    b"fails",
    b"failures",
    b"headaches",
    b"shenanigans",
    b"things",
    b"games",
    b"days",
    b"times",
    b"hours",
    b"minutes",
    b"mins",
    b"weeks",
    b"months",
    b"years",
    b"goes",
    b"does",
    b"dies",
    b"lies",
];

/// The word that ends where the spaces right before `at` begin: `None` when a byte other than a
/// space (or nothing) stands right before `at`, or no word ends there.
fn word_spaced_before(hay: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut e = at;
    while e > 0 && hay[e - 1] == b' ' {
        e -= 1;
    }
    if e == at || e == 0 || !is_word_byte(hay[e - 1]) {
        return None;
    }
    let mut s = e;
    while s > 0 && is_word_byte(hay[s - 1]) {
        s -= 1;
    }
    Some((s, e))
}

/// The last word that ends at or before `at` (empty when there is none).
fn word_before(hay: &[u8], at: usize) -> &[u8] {
    let mut e = at;
    while e > 0 && !is_word_byte(hay[e - 1]) {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_word_byte(hay[s - 1]) {
        s -= 1;
    }
    &hay[s..e]
}

/// Verbs after a lone 안 that say what a person does not do ("카톡 안 해", "넷플 안 봐"), not what
/// fails, and endings of a condition or concession (안 돼도); matched at the start of the word.
const KO_NOT_STOP: &[&str] = &[
    "해",
    "하",
    "했",
    "함",
    "할",
    "써",
    "쓰",
    "씀",
    "썼",
    "쓸",
    "봐",
    "봄",
    "봤",
    "본",
    "볼",
    "보고",
    "사",
    "샀",
    "살",
    "산",
    "믿",
    "궁금",
    "좋아해",
    "좋아함",
    "가봤",
    "깔",
    "씻",
    "자",
    "잤",
    "읽어",
    "읽었",
    "바빠",
    "키웠",
    "먹어",
    "먹었",
    "먹음",
    "돼도",
    "되도",
    "와도",
    "가도",
    "그래",
    "그랬",
    "맞",
    "참",
    "생",
    "빼",
    "뺐",
    "필요",
    "중요",
    "괜찮",
    "미안",
    "좋",
    "나빠",
    "심해",
    "많",
    "무서",
    "아까",
    "어려",
    "쉬워",
    "힘들",
    "늦",
    "졸려",
    "싫",
    "다운",
    "끊기",
    "끊겨",
    "끊김",
    "끊어",
    "튕기",
    "튕겨",
    "튕김",
    "팅기",
    "팅겨",
    "멈추",
    "멈춰",
    "멈춤",
    "렉",
    "버벅",
    "느려",
    "밀려",
    "죽",
    "터지고",
    "터지길",
    "터지는",
    "터질",
    "터졌",
];

/// Words before a lone 안 that make it no failure of the service: no longer (이제 안 남, a
/// recovery), nobody (아무도 안 들어옴: people, not the service).
const KO_NOT_BEFORE: &[&str] = &["이제", "이젠", "더이상", "더는", "아무도"];

/// Stems before 지 않 that make no failure: adjectives of degree and taste ("나쁘지 않아"), and the
/// failure verbs, whose negative denies the failure ("끊기지 않아요").
const KO_JI_STOP: &[&str] = &[
    "좋",
    "나쁘",
    "그렇",
    "쉽",
    "많",
    "적",
    "싫",
    "늦",
    "멀",
    "다르",
    "크",
    "싸",
    "어렵",
    "심하",
    "길",
    "느리",
    "끊기",
    "튕기",
    "팅기",
    "멈추",
    "밀리",
    "귀찮",
    "아프",
    "무겁",
    "짧",
    "걸리",
    "버벅이",
    "렉걸리",
    "터지",
    "죽",
    "나가",
    "떨어지",
    "높",
    "낮",
    "비싸",
    "힘들",
    "궁금",
    "부족하",
    "필요하",
];

/// What the Korean forms' hits begin and end with, named once for the grammar below and for the
/// prefilter's rule for ambiguous names (`neighbours.rs`), which must let a post through wherever
/// such a hit may stand right next to a name. A new Korean form names its words here, and its
/// shapes in [`Form::korean_shapes`] (a property test in `tests/prefilter.rs` builds posts from
/// those and fails while the rule does not allow for them).
///
/// These stay in code, not in a `[words]` list: each is the grammar of its form (the negatives
/// 안 and 못, the negative auxiliary 지 않, the adverb 이제 that makes the form), not vocabulary
/// a lexicon adds to (a form made of other words would be another form, with its own shapes in
/// [`Form::korean_shapes`]); 지 않 and 이제 are searched with static finders shared by every
/// matcher.
///
/// [`Form::KoNot`]: a lone word (white space after it) before any verb; the hit runs from it
/// over the syllables of the verb after it.
pub const KO_NEGATIVES: [&str; 2] = ["안", "못"];
/// [`Form::KoNot`]: glued after any verb's stem (one syllable); the hit is the stem and these.
pub const KO_AFTER_STEM: &str = "지않";
/// [`Form::KoNow`]: a word before any verb; the hit is it and the next [`KO_NOW_SPAN`] syllables
/// (fewer where the run of syllables ends first).
pub const KO_NOW: &str = "이제";
pub const KO_NOW_SPAN: usize = 2;

impl Form {
    /// The shapes of a Korean form's hits as typed, from the words above, with `…` for the
    /// syllables of any verb (or of a stem); none for an English form, which is ASCII (the
    /// prefilter's rule lets a name with ASCII next to it through). Read by the property test of
    /// that rule; the match has no catch-all, so a new form must say its shapes.
    pub fn korean_shapes(self) -> Vec<String> {
        match self {
            Form::KoNot => {
                let mut v: Vec<String> = KO_NEGATIVES.iter().map(|w| format!("{w} …")).collect();
                let (ji, anh) = KO_AFTER_STEM.split_at(KO_AFTER_STEM.len() / 2);
                v.push(format!("…{ji} {anh}…"));
                v
            }
            Form::KoNow => vec![format!("{KO_NOW} …")],
            Form::NotDoing
            | Form::DoesNot
            | Form::Keeps
            | Form::Nothing
            | Form::ErrorShown
            | Form::Again
            | Form::Code => vec![],
        }
    }
}

/// A lone 안 or 못 in the first-stage text: the number of syllables before it, and how many
/// syllables its verb starts with.
fn ko_not_triggers(stage: &str, mut f: impl FnMut(usize, usize)) {
    // Whether a condition is said with 만약 or 만일 (looked for once, at the first trigger): it
    // bends every clause after it (만약 업비트 터지면 코인 못 파는).
    let mut conditional = None;
    // The syllables before `counted`, counted as the triggers are met in order.
    let (mut syllables, mut counted) = (0, 0);
    for i in lone_syllables(stage.as_bytes()) {
        let Some(c) = stage[i..].chars().next() else {
            continue;
        };
        // After white space or at the start.
        if !stage[..i]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
        {
            continue;
        }
        if let Some(n) = ko_not_verb(stage, i, c) {
            if *conditional.get_or_insert_with(|| stage.contains("만약") || stage.contains("만일"))
            {
                return;
            }
            syllables += count_syllables(&stage.as_bytes()[counted..i]);
            counted = i;
            f(syllables, n);
        }
    }
}

/// Whether the 안 or 못 (`c`) at byte `i` of `stage` negates the verb after it, and then how
/// many syllables that verb starts with: a space or tab stands between them, and the clause is
/// not bent (a condition, a wish, a concession, a time when or a past state), nor one of the
/// words before or after that make 안/못 no failure.
fn ko_not_verb(stage: &str, i: usize, c: char) -> Option<usize> {
    let rest = &stage[i + c.len_utf8()..];
    let verb = rest.trim_start_matches([' ', '\t']);
    let gap = rest.len() - verb.len();
    let n = verb.chars().take_while(|&v| is_syllable(v)).count();
    let word = verb.split(char::is_whitespace).next().unwrap_or("");
    let next = verb[word.len()..].trim_start();
    // A condition, a wish, a concession, a time when or a past state: 안 되면, 안 터지길, 안
    // 돼도, 안 될 때, 안 됐던 거, 안 될 줄, 안 된 적.
    let bent = ["면", "길", "도", "던", "까"]
        .iter()
        .any(|e| word.ends_with(e))
        || ["때", "적", "줄", "리가"]
            .iter()
            .any(|w| next.starts_with(w));
    let word_before = stage[..i].trim_end().rsplit(char::is_whitespace).next();
    let stop = bent
        || word_before.is_some_and(|w| KO_NOT_BEFORE.contains(&w))
        || KO_NOT_STOP.iter().any(|w| verb.starts_with(w))
        || (c == '못'
            && ["참", "믿", "봤", "봄", "살", "자", "먹", "생", "하겠"]
                .iter()
                .any(|w| verb.starts_with(w)));
    (gap > 0 && n > 0 && !stop).then_some(n)
}

/// Where 안 and 못 stand in `text`, in order (two `memmem` searches, merged).
fn lone_syllables(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static AN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(KO_NEGATIVES[0]));
    static MOT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(KO_NEGATIVES[1]));
    let mut an = AN.find_iter(text).peekable();
    let mut mot = MOT.find_iter(text).peekable();
    std::iter::from_fn(move || match (an.peek(), mot.peek()) {
        (Some(a), Some(m)) if a < m => an.next(),
        (Some(_), None) => an.next(),
        _ => mot.next(),
    })
}

fn is_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// The precomposed Hangul syllables (U+AC00–U+D7A3) in `text` (UTF-8), read from the lead
/// bytes of their three-byte sequences without decoding: EA B0 80 to ED 9E A3.
fn count_syllables(text: &[u8]) -> usize {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    // All but the last two bytes, whose look ahead stays inside `text`, a block at a time.
    let body = text.len().saturating_sub(2);
    let mut n = leads(text, 0, body);
    for (i, &a) in text.iter().enumerate().skip(body) {
        n += usize::from(syllable_lead(a, at(i + 1), at(i + 2)));
    }
    n
}

/// Whether bytes `a b c` begin a precomposed Hangul syllable (see [`count_syllables`]); with
/// `&` and `|` rather than `&&` and `||` so that a loop of it is compiled to vector code.
#[inline(always)]
fn syllable_lead(a: u8, b: u8, c: u8) -> bool {
    (a == 0xEB)
        | (a == 0xEC)
        | ((a == 0xEA) & (b >= 0xB0))
        | ((a == 0xED) & ((b < 0x9E) | ((b == 0x9E) & (c <= 0xA3))))
}

/// The syllables that begin at bytes `from..to` of `text` (`to + 2 <= text.len()`, so the two
/// bytes after each are there): 16 positions at a time with SSE2 ([`leads_blocks`]), the rest one
/// at a time.
fn leads(text: &[u8], from: usize, to: usize) -> usize {
    leads_by(text, from, to, true)
}

/// [`leads`], 32 positions at a time first with AVX2 when `wide` and the processor has it
/// ([`leads_blocks_avx2`]; the tests ask for both ways).
fn leads_by(text: &[u8], from: usize, to: usize, wide: bool) -> usize {
    debug_assert!(to + 2 <= text.len() || from >= to);
    let mut n = 0;
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    if wide && to >= i + 96 && std::arch::is_x86_feature_detected!("avx2") {
        while i + 32 <= to {
            let blocks = ((to - i) / 32).min(255);
            // SAFETY: the processor has AVX2, just checked.
            n += unsafe { leads_blocks_avx2(text, i, blocks) };
            i += 32 * blocks;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = wide;
    #[cfg(target_arch = "x86_64")]
    while i + 16 <= to {
        // (each lane counts at most 255 blocks before the sum)
        let blocks = ((to - i) / 16).min(255);
        n += leads_blocks(text, i, blocks);
        i += 16 * blocks;
    }
    while i < to {
        n += usize::from(syllable_lead(text[i], text[i + 1], text[i + 2]));
        i += 1;
    }
    n
}

/// The syllables that begin in the `blocks` blocks of 16 bytes from `from` (at most 255, and
/// `from + 16 * blocks + 2 <= text.len()`), counted per lane and summed once. A lead is a byte
/// of EA to ED ([`syllable_lead`]) but EA before a byte under B0 and ED before one of 9F or
/// more, or before 9E and a byte past A3: the same test, in fewer vector operations than the
/// compiler made of the byte-wise one (~2 instructions a byte; `leads` costs ~10 M on each long
/// slice, counting where a Hangul name stands as typed).
#[cfg(target_arch = "x86_64")]
#[inline]
fn leads_blocks(text: &[u8], from: usize, blocks: usize) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cvtsi128_si64,
        _mm_loadu_si128, _mm_max_epu8, _mm_min_epu8, _mm_or_si128, _mm_sad_epu8, _mm_set1_epi8,
        _mm_setzero_si128, _mm_sub_epi8, _mm_unpackhi_epi64,
    };
    assert!(blocks <= 255 && from + 16 * blocks + 2 <= text.len());
    // SAFETY: SSE2 is part of the x86-64 baseline; each block's loads read
    // text[at..at + 18], within `text` by the assertion above.
    unsafe {
        let set = |b: u8| _mm_set1_epi8(b as i8);
        // Unsigned `x <= k` and `x >= k`, lane by lane.
        let le = |x: __m128i, k: u8| _mm_cmpeq_epi8(_mm_min_epu8(x, set(k)), x);
        let ge = |x: __m128i, k: u8| _mm_cmpeq_epi8(_mm_max_epu8(x, set(k)), x);
        let mut acc = _mm_setzero_si128();
        for k in 0..blocks {
            let p = text.as_ptr().add(from + 16 * k);
            let a = _mm_loadu_si128(p.cast());
            let b = _mm_loadu_si128(p.add(1).cast());
            let c = _mm_loadu_si128(p.add(2).cast());
            let t = _mm_sub_epi8(a, set(0xEA));
            let may = le(t, 3);
            let ea_not = _mm_and_si128(_mm_cmpeq_epi8(t, _mm_setzero_si128()), le(b, 0xAF));
            let past = _mm_andnot_si128(le(c, 0xA3), _mm_cmpeq_epi8(b, set(0x9E)));
            let ed_not = _mm_and_si128(_mm_cmpeq_epi8(t, set(3)), _mm_or_si128(ge(b, 0x9F), past));
            let lead = _mm_andnot_si128(_mm_or_si128(ea_not, ed_not), may);
            // (a lane of `lead` is all ones, -1: subtracting it counts one)
            acc = _mm_sub_epi8(acc, lead);
        }
        let sums = _mm_sad_epu8(acc, _mm_setzero_si128());
        (_mm_cvtsi128_si64(sums) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums))) as usize
    }
}

/// [`leads_blocks`] with AVX2: blocks of 32 bytes (at most 255, and `from + 32 * blocks + 2 <=
/// text.len()`), the same test in lanes of 32 (`leads` 7.2 M -> 4.1 M instructions on the
/// trackback slice, cachegrind: the syllable counts of `Glued` and `for_each_korean`).
///
/// # Safety
///
/// The processor must have AVX2. (An `unsafe fn`: a safe one with `target_feature` needs Rust
/// 1.86, the crate's `rust-version` is 1.85.)
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn leads_blocks_avx2(text: &[u8], from: usize, blocks: usize) -> usize {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_castsi256_si128, _mm256_cmpeq_epi8,
        _mm256_extracti128_si256, _mm256_loadu_si256, _mm256_max_epu8, _mm256_min_epu8,
        _mm256_or_si256, _mm256_sad_epu8, _mm256_set1_epi8, _mm256_setzero_si256, _mm256_sub_epi8,
        _mm_add_epi64, _mm_cvtsi128_si64, _mm_unpackhi_epi64,
    };
    assert!(blocks <= 255 && from + 32 * blocks + 2 <= text.len());
    let set = |b: u8| _mm256_set1_epi8(b as i8);
    // Unsigned `x <= k` and `x >= k`, lane by lane.
    let le = |x: __m256i, k: u8| _mm256_cmpeq_epi8(_mm256_min_epu8(x, set(k)), x);
    let ge = |x: __m256i, k: u8| _mm256_cmpeq_epi8(_mm256_max_epu8(x, set(k)), x);
    let mut acc = _mm256_setzero_si256();
    for k in 0..blocks {
        let at = from + 32 * k;
        // SAFETY: the loads read text[at..at + 34], within `text` by the assertion above.
        let (a, b, c) = unsafe {
            let p = text.as_ptr().add(at);
            (
                _mm256_loadu_si256(p.cast()),
                _mm256_loadu_si256(p.add(1).cast()),
                _mm256_loadu_si256(p.add(2).cast()),
            )
        };
        // As `leads_blocks` tells a lead.
        let t = _mm256_sub_epi8(a, set(0xEA));
        let may = le(t, 3);
        let ea_not = _mm256_and_si256(_mm256_cmpeq_epi8(t, _mm256_setzero_si256()), le(b, 0xAF));
        let past = _mm256_andnot_si256(le(c, 0xA3), _mm256_cmpeq_epi8(b, set(0x9E)));
        let ed_not = _mm256_and_si256(
            _mm256_cmpeq_epi8(t, set(3)),
            _mm256_or_si256(ge(b, 0x9F), past),
        );
        let lead = _mm256_andnot_si256(_mm256_or_si256(ea_not, ed_not), may);
        acc = _mm256_sub_epi8(acc, lead);
    }
    let sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
    let half = _mm_add_epi64(
        _mm256_castsi256_si128(sums),
        _mm256_extracti128_si256::<1>(sums),
    );
    (_mm_cvtsi128_si64(half) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(half, half))) as usize
}

/// Calls `f(start, end)` for each Korean negative predicate read in `hay` (normalised) and
/// `stage` (the same post after the first stage of normalisation): a lone 안 or 못 with the
/// syllables of its verb, or a verb's stem with 지 않.
pub fn for_each_korean(stage: &str, hay: &str, mut f: impl FnMut(usize, usize)) {
    // The syllable counts must agree for the positions to be found again (compared at the
    // first trigger: most posts have none).
    let mut agree = None;
    // The last syllable found: its number among the syllables and its byte offset.
    let mut seen = (0usize, 0usize);
    ko_not_triggers(stage, |k, n| {
        let agree = *agree.get_or_insert_with(|| {
            count_syllables(stage.as_bytes()) == count_syllables(hay.as_bytes())
        });
        if !agree {
            return;
        }
        // The byte offset of each syllable of `hay` is found by walking it on from the last
        // one found (from its start again for a syllable before that one): the triggers come in
        // text order, and a post of one lone 안 after another must not be walked once each.
        let mut offset = |k: usize| {
            if k < seen.0 {
                seen = (0, 0);
            }
            let (i, c) = hay[seen.1..]
                .char_indices()
                .inspect(|_| super::classify::step())
                .filter(|&(_, c)| is_syllable(c))
                .nth(k - seen.0)?;
            seen = (k, seen.1 + i);
            Some((seen.1, seen.1 + c.len_utf8()))
        };
        if let (Some((start, _)), Some((_, end))) = (offset(k), offset(k + n)) {
            f(start, end);
        }
    });
    // Any stem before 지 않 (glued in the normalised text: 열리지않아).
    static JI_ANH: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(KO_AFTER_STEM));
    for i in JI_ANH.find_iter(hay.as_bytes()) {
        let before = &hay[..i];
        let stop = KO_JI_STOP.iter().any(|w| before.ends_with(w));
        let stem = before.chars().next_back().filter(|&c| is_syllable(c));
        if let (Some(c), false) = (stem, stop) {
            f(i - c.len_utf8(), i + KO_AFTER_STEM.len());
        }
    }
}

/// Syllables that, right after 이제, say no recovery: a negative (안, 못), "only now" (이제야),
/// an end, a death or a breakdown (끝, 죽, 망, 터, 끊, 멈, 튕, 막), "after all this" (와서), "soon"
/// (곧), "stop" (그만).
const NOW_STOP: &[char] = &[
    '안', '못', '야', '끝', '죽', '망', '터', '끊', '멈', '튕', '막', '와', '곧', '그', '겨', '먹',
    '나',
];

/// How many syllables after 이제 are read for a negative or an error.
const NOW_REACH: usize = 8;

/// Calls `f(start, end)` for each 이제 in `hay` (normalised: Hangul joined) told with a verb
/// that says the service works: the next syllable is no [`NOW_STOP`]; no 안, 못, 않 or 없 (nor
/// 실패, 오류, 에러) comes in the [`NOW_REACH`] syllables after it, in its Hangul run; a verb of
/// working ([`endings::WORKING`]) comes in them, told as what is (not asked, ordered, wished or heard:
/// [`endings::asked`], 되면, 된대). What else follows 이제 is news ("유튜브 이제 유료화 한대",
/// "넷플릭스 이제 요금 올렸네"). The span is 이제 and the two syllables after it. A `^` recovery
/// predicate: the matcher counts it only with a service named before it in its clause.
///
/// 이제 must be one word as typed (`stage`, spaces kept): the normaliser joins Hangul, so a
/// subject particle 이 and a word in 제 typed apart ("인스타그램이 제 계정을", "카톡이 제대로")
/// read 이제 too; the writer's spacing tells them apart (a post typed with no spaces at all
/// keeps its 이제, as a glued name keeps its name, see [`Glued`]). The texts are compared only
/// for an 이제 that passed every other test.
pub fn for_each_korean_now(stage: &str, hay: &str, mut f: impl FnMut(usize, usize)) {
    static NOW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(KO_NOW));
    let mut typed = None;
    for i in NOW.find_iter(hay.as_bytes()) {
        let after = &hay[i + KO_NOW.len()..];
        let mut next = after.char_indices().take_while(|&(_, c)| is_syllable(c));
        let Some((_, first)) = next.next() else {
            continue;
        };
        if NOW_STOP.contains(&first) {
            continue;
        }
        let run_end = after
            .char_indices()
            .take_while(|&(_, c)| is_syllable(c))
            .take(NOW_REACH)
            .last()
            .map_or(0, |(k, c)| k + c.len_utf8());
        let run = &after[..run_end];
        if ["안", "못", "않", "없", "실패", "오류", "에러"]
            .iter()
            .any(|w| run.contains(w))
            || !told_working(after, run_end)
        {
            continue;
        }
        let typed = typed.get_or_insert_with(|| Glued::new(stage, hay));
        if typed.apart(i..i + KO_NOW.len()) {
            continue;
        }
        let end = after
            .char_indices()
            .take_while(|&(_, c)| is_syllable(c))
            .nth(KO_NOW_SPAN - 1)
            .map_or(i + KO_NOW.len() + first.len_utf8(), |(k, c)| {
                i + KO_NOW.len() + k + c.len_utf8()
            });
        f(i, end);
    }
}

/// Whether a verb of [`endings::WORKING`] starts in `after[..run]` (the syllables read after
/// 이제), told as what is: the ending after the first such verb neither asks, orders nor wishes
/// ([`endings::asked`]: 되나요, 돼라, 돼요?), nor makes a condition (되면) or hearsay (된대,
/// 된다는).
fn told_working(after: &str, run: usize) -> bool {
    // A verb that starts in the syllables read may end past them (잘보내져요). Only a syllable
    // that begins some verb of the list is tried against the list (the list was tried at every
    // syllable: ~340 K string compares on the forum bench slice, where 이제는 is common).
    let Some(end) = after[..run].char_indices().find_map(|(k, c)| {
        WORKING_FIRST.binary_search(&c).ok()?;
        working_at(after, k)
    }) else {
        return false;
    };
    told_as_is(&after[end..])
}

/// The first syllables of [`endings::WORKING`]'s verbs, sorted.
static WORKING_FIRST: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = (endings::WORKING.iter())
        .filter_map(|w| w.chars().next())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// Where the first verb of [`endings::WORKING`] that starts at byte `k` of `after` ends.
fn working_at(after: &str, k: usize) -> Option<usize> {
    endings::WORKING
        .iter()
        .find(|w| after[k..].starts_with(*w))
        .map(|w| k + w.len())
}

/// Whether what follows a verb of working (`rest`) tells it as what is: no condition or
/// hearsay, and not asked ([`told_working`]).
fn told_as_is(rest: &str) -> bool {
    let hearsay = ["면", "대", "래", "다는", "다던", "단"]
        .iter()
        .any(|e| rest.starts_with(e));
    !hearsay && !endings::asked(rest)
}

/// Tells whether the Hangul syllable at a byte of the normalised text `hay` was typed glued to
/// a syllable before it in `stage` (the text before normalisation, spaces kept): the normaliser
/// removes the spaces between Hangul, so the syllable is found again by its count, as the lone
/// 안 is. False when no syllable comes before it in `hay`, or when the two texts' syllable
/// counts disagree. The counts are kept from one question to the next, so asking for the hits
/// of a post in order reads each text once, not once a hit (asked anew for every hit, the
/// counts cost a long Korean blog post a pass over itself per alias hit: 12% of all the
/// instructions on the blog bench slice).
pub struct Glued<'a> {
    stage: &'a str,
    hay: &'a str,
    /// Whether the two texts hold as many syllables, once known.
    same: Option<bool>,
    /// `hay[..hay_at]` holds `hay_k` syllables.
    hay_at: usize,
    hay_k: usize,
    /// `stage[..stage_at]` holds `stage_k` syllables.
    stage_at: usize,
    stage_k: usize,
}

impl<'a> Glued<'a> {
    pub fn new(stage: &'a str, hay: &'a str) -> Self {
        Glued {
            stage,
            hay,
            same: None,
            hay_at: 0,
            hay_k: 0,
            stage_at: 0,
            stage_k: 0,
        }
    }

    /// Whether the name at `name` of `hay` (char boundaries) was typed
    /// glued to a syllable before it and, unless `ambiguous`, split by a space or another
    /// non-syllable inside it as typed. Many writers type Korean with no spaces at all
    /// (갑자기카톡안됨, 아배민또먹통): a plain name glued to the word before it is still the name;
    /// only one the writer's own spacing cuts in two (원신 in "민원 신청", 로아 in "발로 아니고")
    /// plainly belongs to other words. An ambiguous name (`?줌` in 해줌) glued at all does.
    pub fn at(&mut self, name: std::ops::Range<usize>, ambiguous: bool) -> bool {
        // The name's syllables are counted only for a name that looks glued.
        self.glued(name.start)
            && (ambiguous || self.split_as_typed(count_syllables(&self.hay.as_bytes()[name])))
    }

    /// Whether the `syllables` syllables from the one [`Glued::glued`] last found in `stage`
    /// have something other than a syllable between them.
    fn split_as_typed(&self, syllables: usize) -> bool {
        let mut seen = 0;
        for c in self.stage[self.stage_at..].chars() {
            if seen == syllables {
                return false;
            }
            if is_syllable(c) {
                seen += 1;
            } else if seen > 0 {
                return true;
            }
        }
        false
    }

    /// Whether the syllables of `hay[word]` (char boundaries) were typed apart: a space or
    /// another non-syllable stands between two of them in `stage` (이제 typed "이 제", the
    /// particle 이 and the next word). False when the two texts' syllable counts disagree.
    pub fn apart(&mut self, word: std::ops::Range<usize>) -> bool {
        self.seek(word.start)
            && self.same_count()
            && self.split_as_typed(count_syllables(&self.hay.as_bytes()[word]))
    }

    /// Whether the syllable at byte `at` of `hay` (a char boundary) was typed glued.
    fn glued(&mut self, at: usize) -> bool {
        if !self.hay[..at].chars().next_back().is_some_and(is_syllable) {
            return false;
        }
        // The whole texts are counted only for a syllable that looks glued.
        self.seek(at)
            && self.stage[..self.stage_at]
                .chars()
                .next_back()
                .is_some_and(is_syllable)
            && self.same_count()
    }

    /// Moves the cursor of `stage` to the syllable that is the one at byte `at` of `hay` by its
    /// count; false when `stage` holds fewer.
    fn seek(&mut self, at: usize) -> bool {
        if at < self.hay_at {
            (self.hay_at, self.hay_k, self.stage_at, self.stage_k) = (0, 0, 0, 0);
        }
        self.hay_k += count_syllables(&self.hay.as_bytes()[self.hay_at..at]);
        self.hay_at = at;
        let k = self.hay_k;
        if self.stage_k > k {
            (self.stage_at, self.stage_k) = (0, 0);
        }
        // Walk to the `k`-th syllable of `stage` (counted from 0): past whole blocks that end
        // before it, then byte by byte (a syllable's lead byte is never the continuation byte
        // of another character, so the walk stops on a character's start). A block is three
        // bytes for each syllable still to pass, at least 32: leads stand three bytes apart at
        // least, so such a block passes none too many, and a long way is read in a few
        // `leads` (blocks of 32 alone cost ~140 instructions each, a call a block, 7.5 M on
        // the forum slice).
        let bytes = self.stage.as_bytes();
        const BLOCK: usize = 32;
        while self.stage_at + BLOCK + 2 <= bytes.len() {
            let len = (3 * (k - self.stage_k))
                .max(BLOCK)
                .min(bytes.len() - 2 - self.stage_at);
            let n = leads(bytes, self.stage_at, self.stage_at + len);
            if self.stage_k + n > k {
                break;
            }
            self.stage_k += n;
            self.stage_at += len;
        }
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        while self.stage_at < bytes.len() {
            let i = self.stage_at;
            if syllable_lead(bytes[i], at(i + 1), at(i + 2)) {
                if self.stage_k == k {
                    return true;
                }
                self.stage_k += 1;
            }
            self.stage_at += 1;
        }
        false
    }

    /// Whether the two texts hold as many syllables (counted once), asked right after a
    /// [`Glued::seek`] that found its syllable: the counts so far and those of the rests (both
    /// cursors stand on a character's start, so the rests' syllables are the others: each text
    /// is counted once in all, not its start again).
    fn same_count(&mut self) -> bool {
        *self.same.get_or_insert_with(|| {
            let rest = |text: &str, at: usize| count_syllables(&text.as_bytes()[at..]);
            self.stage_k + rest(self.stage, self.stage_at)
                == self.hay_k + rest(self.hay, self.hay_at)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word lists of the built-in lexicons, as `outcry` reads with them.
    static BUILTIN_WORDS: LazyLock<Words> =
        LazyLock::new(|| crate::lexicon::Lexicon::builtin().words);

    /// `Glued` asked for every syllable of a text, in order and then backwards, answers as a
    /// fresh count from the start would (a name glued to the syllable typed before it).
    #[test]
    fn glued_names_are_found_by_the_syllables_typed_before_them() {
        let fresh = |stage: &str, hay: &str, at: usize| {
            let k = hay[..at].chars().filter(|&c| is_syllable(c)).count();
            let count = |t: &str| t.chars().filter(|&c| is_syllable(c)).count();
            hay[..at].chars().next_back().is_some_and(is_syllable)
                && count(stage) == count(hay)
                && stage
                    .char_indices()
                    .filter(|&(_, c)| is_syllable(c))
                    .nth(k)
                    .is_some_and(|(i, _)| stage[..i].chars().next_back().is_some_and(is_syllable))
        };
        for (stage, hay) in [
            ("민원 신청 하러 정부24 들어감", "민원신청하러정부24들어감"),
            ("원신 접속 안됨 ㅠ 원신이", "원신접속안됨ㅠ원신이"),
            ("기술블로그 다음 메일", "기술블로그다음메일"),
            ("a 다 b", "a 다 b"),
            ("다름 텍스트", "다른텍스트"),
        ] {
            let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).collect();
            let mut glued = Glued::new(stage, hay);
            for &at in starts.iter().chain(starts.iter().rev()) {
                assert_eq!(glued.glued(at), fresh(stage, hay, at), "{stage:?} at {at}");
            }
        }
        let hay = "민원신청";
        let mut glued = Glued::new("민원 신청", hay);
        assert!(!glued.glued("민원".len()), "신 is typed after a space");
        assert!(glued.glued("민".len()), "원 is typed glued to 민");
        // 원신 split by the writer's space names nothing; a plain name glued to the word before
        // it, in a post typed without spaces, is still the name; an ambiguous one is not.
        assert!(glued.at("민".len().."민원신".len(), false));
        let mut glued = Glued::new("갑자기카톡안됨", "갑자기카톡안됨");
        assert!(!glued.at("갑자기".len().."갑자기카톡".len(), false));
        assert!(glued.at("갑자기".len().."갑자기카톡".len(), true));
    }

    fn read(text: &str) -> Vec<(String, Form)> {
        let mut out = Vec::new();
        for_each(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| {
            out.push((text[s..e].to_string(), f))
        });
        out
    }

    #[test]
    fn now_before_a_korean_verb_is_a_recovery_unless_negated_or_ending() {
        let now = |t: &str| -> Vec<String> {
            let mut out = Vec::new();
            for_each_korean_now(t, t, |s, e| out.push(t[s..e].to_string()));
            out
        };
        // As typed: the particle 이 and a word in 제 are no 이제 (the normalised text joins them).
        let typed = |stage: &str, hay: &str| -> Vec<String> {
            let mut out = Vec::new();
            for_each_korean_now(stage, hay, |s, e| out.push(hay[s..e].to_string()));
            out
        };
        assert!(typed(
            "인스타그램이 제 계정을 정지시켰어요",
            "인스타그램이제계정을정지시켰어요"
        )
        .is_empty());
        assert!(typed("카톡이 제대로 돼요", "카톡이제대로돼요").is_empty());
        assert_eq!(typed("카톡 이제 돼요", "카톡이제돼요"), ["이제돼요"]);
        assert_eq!(typed("카톡이제 돼요", "카톡이제돼요"), ["이제돼요"]);
        // Only a verb of working, told: not news, not asked, ordered, wished or heard.
        for news_or_asked in [
            "유튜브이제광고너무많음",
            "유튜브이제유료화한대",
            "카톡이제업데이트함",
            "넷플릭스이제요금올렸네",
            "카톡제발이제좀돼라",
            "카톡이제되나요?",
            "카톡이제되려나",
            "카톡이제돼요?아직안돼요?",
            "카톡이제되면좋겠다",
            "유튜브이제유료화된대",
        ] {
            assert!(now(news_or_asked).is_empty(), "{news_or_asked}");
        }
        assert_eq!(now("카톡이제잘됨"), ["이제잘됨"]);
        assert_eq!(now("인스타이제스토리올라가요"), ["이제스토"]);
        assert_eq!(now("아이메시지이제파란색으로잘보내져요"), ["이제파란"]);
        assert_eq!(now("인스타그램이제서야되네"), ["이제서야"]);
        assert_eq!(now("다음메일이제열리네요"), ["이제열리"]);
        assert_eq!(now("네이버페이결제이제통과됩니다"), ["이제통과"]);
        assert_eq!(now("카톡이제돼"), ["이제돼"]);
        assert!(now("카톡이제안돼").is_empty());
        assert!(now("카톡이제야사과문올라옴").is_empty());
        assert!(now("그게임이제끝난듯").is_empty());
        assert!(now("이제로그인하면오류남").is_empty());
        assert!(now("트위터는이제죽었다").is_empty());
    }

    /// The word-by-word reading [`for_each_code`] replaced: the proptest's reference.
    fn for_each_code_plain(hay: &[u8], mut f: impl FnMut(usize, usize)) {
        let mut at = 0;
        while at < hay.len() {
            if !hay[at].is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            let start = at;
            while at < hay.len() && hay[at].is_ascii_alphanumeric() {
                at += 1;
            }
            let word = &hay[start..at];
            let letters = word.iter().take_while(|b| b.is_ascii_lowercase()).count();
            let digits = word[letters..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let bounded =
                hay.get(at).is_none_or(|&b| b < 0x80) && (start == 0 || hay[start - 1] < 0x80);
            if word.len() >= CODE_LENGTH
                && letters >= CODE_LETTERS
                && digits >= CODE_DIGITS
                && bounded
            {
                f(start, at);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn long_codes_are_found_as_word_by_word(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "a", "b", "z", "A", "Q", "0", "1", "9", "00", "1234", " ", "-", ".", "가", "é",
                "blzbnt", "abcd", "5678", "x7", "\n",
            ][..]), 0..40),
        ) {
            let text: String = picks.concat();
            let mut new = Vec::new();
            for_each_code(text.as_bytes(), |s, e| new.push((s, e)));
            let mut old = Vec::new();
            for_each_code_plain(text.as_bytes(), |s, e| old.push((s, e)));
            proptest::prop_assert_eq!(new, old, "{:?}", text);
        }
    }

    #[test]
    fn a_long_error_code_is_read_wherever_it_stands() {
        let codes = |t: &str| {
            let mut v = Vec::new();
            for_each_code(t.as_bytes(), |s, e| v.push(t[s..e].to_string()));
            v
        };
        assert_eq!(
            codes("blzbntbgs000003f8 again trying"),
            ["blzbntbgs000003f8"]
        );
        assert_eq!(
            codes("배틀넷 blzbntagt00000bb8 뜨면서"),
            ["blzbntagt00000bb8"]
        );
        // Azure's sign-in codes: six letters, five digits.
        assert_eq!(codes("aadsts90033 on every login"), ["aadsts90033"]);
        // A short code, a hash, a tracking number, a word: no long code.
        for none in [
            "error e0003",
            "commit 3f9a2c1d8e7b",
            "1z999aa10123456784",
            "internationalization",
            "abc12345",
        ] {
            assert!(codes(none).is_empty(), "{none}");
        }
    }

    #[test]
    fn an_error_code_after_a_verb_of_showing_is_the_error() {
        let shown = |t: &str| -> Vec<String> {
            read(t)
                .into_iter()
                .filter(|(_, f)| *f == Form::ErrorShown)
                .map(|(s, _)| s)
                .collect()
        };
        assert_eq!(shown("apps all returning h10s and"), ["returning h10s"]);
        assert_eq!(shown("ps5 says ws-116522-7 when i"), ["says ws-116522-7"]);
        assert_eq!(shown("xbox saying 0x87dd0006 now"), ["saying 0x87dd0006"]);
        assert_eq!(shown("getting 503s"), ["getting 503s"]);
        assert_eq!(shown("getting 502 on every page"), ["getting 502"]);
        assert_eq!(shown("giving me 504."), ["giving me 504"]);
        // A count, a model, a device, a code too far: no error.
        assert!(shown("getting 500 likes a day").is_empty());
        assert!(shown("getting a ps5 for christmas").is_empty());
        assert!(shown("says 2023 was a good year").is_empty());
        assert!(shown("showing a nice new banner with h10").is_empty());
        // A name and its version, a list's rank, a count after a status: no error code.
        assert!(shown("icloud shows ios18 now").is_empty());
        assert!(shown("twitter showing top-10 trending").is_empty());
        assert!(shown("stream is getting 500 for the first time").is_empty());
        assert!(shown("short getting 400 from one share").is_empty());
        assert!(shown("video getting 500 and counting").is_empty());
        assert_eq!(shown("app throwing err502 again"), ["throwing err502"]);
        // Two dash segments are a code wherever they stand; a short code where its noun phrase
        // ends, not before a noun it names ("tv14 rating") nor past an episode's number.
        let codes = [
            ("netflix showing nw-2-5", "showing nw-2-5"),
            ("netflix showing ui-800-3 on the tv", "showing ui-800-3"),
            ("netflix throwing nw-2-5 on every show", "throwing nw-2-5"),
            ("netflix gives me ui-113", "gives me ui-113"),
            ("netflix showing tvq-pm-100", "showing tvq-pm-100"),
            ("hbo max showing cdn-101 on every title", "showing cdn-101"),
            ("hulu showing bya-403-007 again", "showing bya-403-007"),
            ("fortnite showing lsb-002", "showing lsb-002"),
            ("valorant throwing van-81", "throwing van-81"),
            ("valorant giving me van84 again", "giving me van84"),
            ("heroku apps throwing h10 and h99 across", "throwing h10"),
            ("apps returning h10 app crashed", "returning h10"),
            ("gmail getting 500 for every request", "getting 500"),
            ("outlook getting 500 for me", "getting 500"),
            ("outlook is giving 500 for everyone", "giving 500"),
        ];
        for (text, want) in codes {
            assert_eq!(shown(text), [want], "{text}");
        }
        for no_code in [
            "netflix showing tv14 rating",
            "netflix showing pg13 movies",
            "twitch showing fc25 streams",
            "spotify showing ep12 of my podcast",
            "netflix showing s3 e10",
            "youtube video getting 500 for the first time",
        ] {
            assert!(shown(no_code).is_empty(), "{no_code}");
        }
        // Black and blank end their noun phrase before a function word, or come before what a
        // screen shows; before any other word they are part of a name.
        for screen in [
            "netflix shows black with sound",
            "netflix shows black but audio works",
            "netflix shows black when i hit play",
            "teams shows blank after login",
            "youtube app just shows blank tiles",
            "instagram shows blank posts",
            "twitter shows blank timeline",
            "outlook shows blank emails",
        ] {
            assert_eq!(shown(screen).len(), 1, "{screen}");
        }
        assert!(shown("netflix is showing black mirror again").is_empty());
        assert!(shown("amazon showing black friday deals").is_empty());
        // Black and blank are a screen's colour only before a screen's noun or the clause's end.
        assert!(shown("xbox live still getting black ops lobbies").is_empty());
        assert!(shown("youtube showing blank stares from my kids").is_empty());
        assert_eq!(shown("netflix showing a black screen"), ["showing a black"]);
        assert_eq!(shown("netflix app showing black."), ["showing black"]);
        assert_eq!(shown("outlook shows blank"), ["shows blank"]);
    }

    #[test]
    fn one_search_reads_every_again_past_those_it_keeps() {
        for n in [AGAIN_KEPT - 1, AGAIN_KEPT, AGAIN_KEPT + 1, 3 * AGAIN_KEPT] {
            let text =
                "spotify keeps crashing, then playing again. ".repeat(n) + "chat loading normally";
            let (mut one, mut two) = (vec![], vec![]);
            for_each_and_again(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| {
                one.push((s, e, f))
            });
            for_each(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| {
                two.push((s, e, f))
            });
            for_each_again(text.as_bytes(), |s, e, f| two.push((s, e, f)));
            let agains = one.iter().filter(|(_, _, f)| *f == Form::Again).count();
            assert_eq!(agains, n + 1, "{n}");
            assert_eq!(one, two, "{n}");
        }
    }

    #[test]
    fn a_verb_before_again_is_a_recovery_unless_it_fails() {
        let again = |t: &str| -> Vec<String> {
            let mut out = Vec::new();
            for_each_again(t.as_bytes(), |s, e, f| {
                assert_eq!(f, Form::Again);
                out.push(t[s..e].to_string())
            });
            out
        };
        assert_eq!(
            again("spotify is playing music again"),
            ["playing music again"]
        );
        assert_eq!(
            again("claude's responding normally now"),
            ["responding normally"]
        );
        assert_eq!(again("twitch chat moving again"), ["moving again"]);
        assert_eq!(again("ok chatgpt answers again"), ["answers again"]);
        // A word in -s is in a verb's place only right after the name, and not before a plural.
        let placed = |t: &str, name_end: usize| {
            let mut out = Vec::new();
            for_each_again(t.as_bytes(), |s, _, _| {
                if again_in_verb_place(t.as_bytes(), s, |at| at == name_end) {
                    out.push(t[s..].to_string());
                }
            });
            out
        };
        assert_eq!(placed("chatgpt answers again", 7), ["answers again"]);
        assert_eq!(placed("claude's answers again", 6), ["answers again"]);
        assert_eq!(
            placed("teams calls connect again", 5),
            ["calls connect again"]
        );
        assert!(placed("spotify changes layouts again", 7).is_empty());
        assert!(placed("twitter bans accounts again", 7).is_empty());
        assert!(placed("my spotify family plan renews again", 10).is_empty());
        // Verbs of serving count whatever their object; verbs of changing never.
        for (text, name_end) in [
            ("whatsapp sends messages again", 8),
            ("spotify plays songs again", 7),
            ("outlook syncs emails again", 7),
            ("gmail shows emails again", 5),
            ("whatsapp connects calls again", 8),
            ("chatgpt finally answers again", 7),
        ] {
            assert_eq!(placed(text, name_end).len(), 1, "{text}");
        }
        for (text, name_end) in [
            ("spotify changes the layout again", 7),
            ("twitter changes its logo again", 7),
            ("netflix cancels another show again", 7),
            ("twitter is banning accounts again", 7),
            ("youtube is removing dislikes again", 7),
            ("spotify plays ads again", 7),
            ("netflix hikes prices again", 7),
            ("netflix is showing black mirror again", 7),
        ] {
            assert!(placed(text, name_end).is_empty(), "{text}");
        }
        assert_eq!(
            placed("spotify is playing music again", 7),
            ["playing music again"]
        );
        assert_eq!(again("disney+ plays again"), ["plays again"]);
        // A failing verb or a noun of failure in -s is none.
        assert!(again("discord crashes again").is_empty());
        assert!(again("zoom drops again").is_empty());
        assert!(again("outlook errors again").is_empty());
        assert!(again("the app freezes again").is_empty());
        // A failing verb, a negative before, a failing word between, another clause, too far.
        assert!(again("discord crashing again").is_empty());
        assert!(again("reddit is having a bad day again").is_empty());
        assert!(again("gmail not loading again").is_empty());
        assert!(again("netflix keeps buffering again").is_empty());
        assert!(again("slack loading slow again").is_empty());
        assert!(again("outlook logging me out again").is_empty());
        assert!(again("spotify playing, again").is_empty());
        assert!(again("zoom working on my old laptop and again").is_empty());
    }

    #[test]
    fn any_verb_after_the_auxiliary() {
        let cases = [
            (
                "xbox live isn't letting me in",
                "isn't letting",
                Form::NotDoing,
            ),
            (
                "dropbox isnt syncing anything",
                "isnt syncing",
                Form::NotDoing,
            ),
            (
                "the app doesn't even open",
                "doesn't even open",
                Form::DoesNot,
            ),
            (
                "spotify keeps skipping songs",
                "keeps skipping",
                Form::Keeps,
            ),
            ("nothing loads", "nothing loads", Form::Nothing),
        ];
        for (post, phrase, form) in cases {
            assert_eq!(read(post), [(phrase.to_string(), form)], "{post}");
        }
    }

    /// Each Korean form's shapes (`Form::korean_shapes`), with a verb for `…`, are read as that
    /// form, so the property test of the prefilter's rule that builds posts from them builds
    /// hits of the form.
    #[test]
    fn korean_shapes_are_read_as_their_forms() {
        let mut shapes = 0;
        for form in Form::ALL {
            for shape in form.korean_shapes() {
                let stage = shape.replace('…', "열리");
                let hay: String = stage.chars().filter(|c| !c.is_whitespace()).collect();
                let mut n = 0;
                match form {
                    Form::KoNot => for_each_korean(&stage, &hay, |_, _| n += 1),
                    Form::KoNow => for_each_korean_now(&stage, &hay, |_, _| n += 1),
                    _ => panic!("{form:?} is not Korean"),
                }
                assert!(n > 0, "{stage:?} is not read as {form:?}");
                shapes += 1;
            }
        }
        assert_eq!(shapes, 4);
    }

    fn read_ko(stage: &str, hay: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_korean(stage, hay, |s, e| out.push(hay[s..e].to_string()));
        out
    }

    #[test]
    fn korean_negation_of_any_verb() {
        assert_eq!(
            read_ko("요기요 앱 주문 안 받아짐", "요기요 앱 주문안받아짐"),
            ["안받아짐"]
        );
        assert_eq!(
            read_ko("스트리머도 방송 못 킨대", "스트리머도방송못킨대"),
            ["못킨대"]
        );
        assert_eq!(
            read_ko("앱이 열리지 않아요", "앱이열리지않아요"),
            ["리지않"]
        );
        // Not a lone 안, what a person does not do, a denied failure.
        assert!(read_ko("보안 업데이트", "보안업데이트").is_empty());
        assert!(read_ko("카톡 안 해요", "카톡안해요").is_empty());
        assert!(read_ko("끊기지 않아요", "끊기지않아요").is_empty());
        assert!(read_ko("나쁘지 않네", "나쁘지않네").is_empty());
        assert!(read_ko("롤 접속 안 될 때", "롤접속안될때").is_empty());
        assert!(read_ko("안 들어가지면 어떡해", "안들어가지면어떡해").is_empty());
        assert!(read_ko("이제 안 끊기네", "이제안끊기네").is_empty());
    }

    #[test]
    fn other_statements_and_denials_are_no_form() {
        for text in [
            "gmail doesn't matter",
            "slack doesn't crash",
            "i'm not going to lie",
            "netflix isn't anything special",
            "youtube keeps getting better",
            "nothing beats discord",
            "not, syncing",
            "cannot load",
        ] {
            assert!(read(text).is_empty(), "{text}");
        }
    }

    /// The form `trigger` (a whole word) begins, if any.
    fn form_of(trigger: &[u8]) -> Option<Form> {
        TRIGGERS
            .iter()
            .find(|(w, _)| w.as_bytes() == trigger)
            .map(|&(_, f)| f)
    }

    /// The word-by-word walk [`for_each`] replaced (its trigger loop), as the reference.
    fn for_each_by_words(hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
        let mut at = 0;
        while let Some((s, e)) = next_word(hay, at) {
            at = e;
            let starts_word = s == 0 || !hay[s - 1].is_ascii_alphanumeric();
            if let Some(form) = form_of(&hay[s..e]).filter(|_| starts_word) {
                read_form(&BUILTIN_WORDS, hay, s, e, form, &mut f);
            }
        }
    }

    // The character walks [`ko_not_triggers`] and [`for_each_korean`] replaced, as the
    // reference.
    fn ko_not_triggers_by_chars(stage: &str, mut f: impl FnMut(usize, usize)) {
        // A condition said with 만약 bends every clause after it (만약 업비트 터지면 코인 못 파는).
        if stage.contains("만약") || stage.contains("만일") {
            return;
        }
        let mut syllables = 0;
        let mut prev_space = true;
        for (i, c) in stage.char_indices() {
            let syllable = is_syllable(c);
            if syllable && prev_space && (c == '안' || c == '못') {
                if let Some(n) = ko_not_verb(stage, i, c) {
                    f(syllables, n);
                }
            }
            syllables += usize::from(syllable);
            prev_space = c.is_whitespace();
        }
    }

    fn for_each_korean_by_chars(stage: &str, hay: &[u8], mut f: impl FnMut(usize, usize)) {
        let Ok(text) = std::str::from_utf8(hay) else {
            return;
        };
        // The syllable counts must agree for the positions to be found again.
        let in_stage = stage.chars().filter(|&c| is_syllable(c)).count();
        let in_hay = text.chars().filter(|&c| is_syllable(c)).count();
        if in_stage == in_hay {
            // The byte offset of each syllable of `hay` is found by walking it once per trigger;
            // triggers are few (a post has one or two lone 안).
            let offset = |k: usize| {
                text.char_indices()
                    .filter(|&(_, c)| is_syllable(c))
                    .nth(k)
                    .map(|(i, c)| (i, i + c.len_utf8()))
            };
            ko_not_triggers_by_chars(stage, |k, n| {
                if let (Some((start, _)), Some((_, end))) = (offset(k), offset(k + n)) {
                    f(start, end);
                }
            });
        }
        // Any stem before 지 않 (glued in the normalised text: 열리지않아).
        for (i, _) in text.match_indices("지않") {
            let before = &text[..i];
            let stop = KO_JI_STOP.iter().any(|w| before.ends_with(w));
            let stem = before.chars().next_back().filter(|&c| is_syllable(c));
            if let (Some(c), false) = (stem, stop) {
                f(i - c.len_utf8(), i + "지않".len());
            }
        }
    }

    const WORDS: &[&str] = &[
        "not",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "dont",
        "don't",
        "doesn't",
        "doesnt",
        "keeps",
        "kept",
        "nothing",
        "throwing",
        "throws",
        "threw",
        "giving",
        "gives",
        "gave",
        "getting",
        "showing",
        "shows",
        "returning",
        "returns",
        "spitting",
        "spits",
        "says",
        "saying",
        "displays",
        "displaying",
        "loading",
        "open",
        "even",
        "going",
        "loads",
        "error",
        "timeouts",
        "a",
        "560",
        "x'",
        "'not",
        "knot",
        "notes",
        "nothings",
        "offline",
        "don",
        "displayings",
        "'",
        "2",
    ];
    const GAPS: &[&str] = &[
        " ",
        "  ",
        ", ",
        ". ",
        "-",
        "'",
        "\"",
        "안",
        "다음 ",
        "\u{AC00}\u{D7A3}",
    ];

    const KO: &[&str] = &[
        "안",
        "못",
        " ",
        "  ",
        "\t",
        "\n",
        "되",
        "돼요",
        "받아짐",
        "해",
        "면",
        "때",
        "이제",
        "만약",
        "지",
        "않아",
        "열리",
        "좋",
        "보안",
        "카톡",
        "다음",
        "x",
        "ㅋ",
        "\u{AC00}",
        "\u{D7A3}",
        "\u{D7A4}",
        "\u{ABFF}",
        "한",
        "ퟻ",
    ];

    /// Past 255 blocks of 16 bytes in a row, each lane of the vector count would wrap (a u8
    /// lane holds 255): `leads` splits the count there. Every byte 0xEB is a lead, so every
    /// lane counts one a block, and a missing or wrong split shows as a count short by 256.
    #[test]
    fn long_runs_of_leads_are_counted_past_the_lanes_limit() {
        for (len, wide) in [
            4079, 4080, 4081, 4096, 4112, 4114, 8159, 8160, 8161, 8163, 8192, 20_000,
        ]
        .into_iter()
        .flat_map(|len| [(len, false), (len, true)])
        {
            let text = vec![0xEBu8; len + 2];
            assert_eq!(leads_by(&text, 0, len, wide), len, "{len} bytes of leads");
            assert_eq!(
                leads_by(&text, 5, len, wide),
                len - 5,
                "{len} bytes of leads from the sixth"
            );
        }
        let hangul = "가".repeat(3000);
        assert_eq!(leads(hangul.as_bytes(), 0, hangul.len() - 2), 3000);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_word_scan_reads_what_the_word_walk_read(
            picks in proptest::collection::vec(
                (proptest::sample::select(WORDS), proptest::sample::select(GAPS)), 1..10),
        ) {
            let text: String = picks.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let (mut new, mut old) = (vec![], vec![]);
            for_each(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| new.push((s, e, f)));
            for_each_by_words(text.as_bytes(), |s, e, f| old.push((s, e, f)));
            proptest::prop_assert_eq!(new, old, "{:?}", text);
        }

        #[test]
        fn the_korean_search_reads_what_the_character_walk_read(
            picks in proptest::collection::vec(proptest::sample::select(KO), 1..16),
            squeeze in proptest::prelude::any::<bool>(),
            extra in proptest::prelude::any::<bool>(),
        ) {
            let stage = picks.concat();
            // The normalised text: white space between Hangul removed (or not), and now and
            // then one syllable more, so that the counts disagree.
            let mut hay: String = if squeeze {
                stage.split_whitespace().collect()
            } else {
                stage.clone()
            };
            if extra {
                hay.push('가');
            }
            let (mut new, mut old) = (vec![], vec![]);
            for_each_korean(&stage, &hay, |s, e| new.push((s, e)));
            for_each_korean_by_chars(&stage, hay.as_bytes(), |s, e| old.push((s, e)));
            proptest::prop_assert_eq!(new, old, "{:?} / {:?}", stage, hay);
        }

        #[test]
        fn long_texts_are_walked_as_the_syllables_are_counted(
            picks in proptest::collection::vec(proptest::sample::select(KO), 0..120),
        ) {
            // `Glued` on texts long enough for its walk's blocks, asked for every character in
            // order and then backwards, against a fresh count from the start.
            let stage = picks.concat();
            let hay: String = stage.chars().filter(|c| !c.is_whitespace()).collect();
            let count = |t: &str| t.chars().filter(|&c| is_syllable(c)).count();
            let fresh = |at: usize| {
                let k = count(&hay[..at]);
                hay[..at].chars().next_back().is_some_and(is_syllable)
                    && count(&stage) == count(&hay)
                    && stage
                        .char_indices()
                        .filter(|&(_, c)| is_syllable(c))
                        .nth(k)
                        .is_some_and(|(i, _)| {
                            stage[..i].chars().next_back().is_some_and(is_syllable)
                        })
            };
            let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).collect();
            let mut glued = Glued::new(&stage, &hay);
            for &at in starts.iter().chain(starts.iter().rev()) {
                proptest::prop_assert_eq!(glued.glued(at), fresh(at), "{:?} at {}", stage, at);
            }
        }

        /// Any bytes at all, valid text or not: the vector count is the byte-wise one.
        #[test]
        fn leads_are_counted_as_byte_by_byte(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![
                    0xEAu8, 0xEB, 0xEC, 0xED, 0x80, 0x9D, 0x9E, 0x9F, 0xA0, 0xA3, 0xA4, 0xAF,
                    0xB0, 0xBF, 0x20, b'a', 0x00, 0xFF,
                ]),
                0..700,
            ),
            from in 0usize..40,
        ) {
            let to = bytes.len().saturating_sub(2);
            let from = from.min(to);
            let by_bytes = (from..to)
                .filter(|&i| syllable_lead(bytes[i], bytes[i + 1], bytes[i + 2]))
                .count();
            // (with AVX2's blocks of 32 first where the processor has it, and without)
            proptest::prop_assert_eq!(leads_by(&bytes, from, to, true), by_bytes);
            proptest::prop_assert_eq!(leads_by(&bytes, from, to, false), by_bytes);
        }

        #[test]
        fn syllables_are_counted_from_their_bytes(
            picks in proptest::collection::vec(proptest::sample::select(KO), 0..400),
        ) {
            let text = picks.concat();
            let by_chars = text.chars().filter(|&c| is_syllable(c)).count();
            proptest::prop_assert_eq!(count_syllables(text.as_bytes()), by_chars);
        }
    }

    /// The forward walk [`for_each_again`] replaced, as the reference.
    fn for_each_again_forward(hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
        let mut at = 0;
        let mut before: &[u8] = b"";
        while let Some((s, e)) = next_word(hay, at) {
            at = e;
            let word = &hay[s..e];
            let prev = before;
            before = word;
            let starts_word = s == 0 || !hay[s - 1].is_ascii_alphanumeric();
            if !starts_word
                || !word.iter().all(u8::is_ascii_lowercase)
                || !Form::Again.takes(word)
                || BEFORE_AGAIN_STOP.contains(&prev)
            {
                continue;
            }
            let mut end = e;
            for _ in 0..4 {
                let Some((ws, we)) = next_word(hay, end) else {
                    break;
                };
                if hay[end..ws].iter().any(|&b| b != b' ') {
                    break;
                }
                let w = &hay[ws..we];
                if w == b"again" || w == b"normally" {
                    f(s, we, Form::Again);
                    break;
                }
                if BETWEEN_AGAIN_STOP.contains(&w) {
                    break;
                }
                end = we;
            }
        }
    }

    /// Words for the word scan's test: every pattern ([`trigger_patterns`]), and words that
    /// begin, end or hold one, and words of other shapes (see
    /// `the_word_scan_finds_the_whole_words_the_search_found`).
    fn trigger_words() -> Vec<&'static str> {
        trigger_patterns()
            .chain(NEAR_TRIGGERS.iter().copied())
            .collect()
    }
    /// The words of [`trigger_words`] that are not patterns.
    const NEAR_TRIGGERS: &[&str] = &[
        "note",
        "nots",
        "cannot",
        "another",
        "together",
        "are",
        "does",
        "done",
        "said",
        "sat",
        "set",
        "red",
        "three",
        "should",
        "agains",
        "againn",
        "normallyy",
        "displayings",
        "isn't'",
        "'not",
        "Not",
        "NOT",
        "Again",
        "no",
        "is",
        "a",
        "t",
        "th",
        "thr",
        "abcdefghijklmnopqrstu",
        "the",
        "x",
    ];
    const TRIGGER_GAPS: &[&str] = &[
        " ", " ", " ", "", "  ", ", ", ". ", "'", "-", "0", "7a", "_", "\n", "안", "다음 ",
        "\u{AC00}", "é", "\u{2019}", "\t",
    ];

    const AGAIN_WORDS: &[&str] = &[
        "playing",
        "loading",
        "working",
        "music",
        "again",
        "normally",
        "not",
        "slow",
        "up",
        "crashing",
        "spotify",
        "again's",
        "Again",
        "playing's",
        "x",
        "nothing",
        "keeps",
        "me",
        "agains",
        "normallyy",
        "2",
    ];
    const AGAIN_GAPS: &[&str] = &[
        " ",
        " ",
        " ",
        "  ",
        ", ",
        ".",
        "'",
        "-",
        "다음",
        "\u{AC00} ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn reading_back_from_again_finds_what_the_forward_walk_found(
            picks in proptest::collection::vec(
                (proptest::sample::select(AGAIN_WORDS), proptest::sample::select(AGAIN_GAPS)),
                1..12,
            ),
        ) {
            let text: String = picks.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let (mut new, mut old) = (vec![], vec![]);
            for_each_again(text.as_bytes(), |s, e, f| new.push((s, e, f)));
            for_each_again_forward(text.as_bytes(), |s, e, f| old.push((s, e, f)));
            proptest::prop_assert_eq!(new, old, "{:?}", text);
        }

        /// The word scan finds the whole-word matches of the one search, 32 bytes at a time
        /// and a byte at a time: texts long enough for several blocks, from every offset in
        /// a block, of the patterns, words that begin or end as one does or hold one, patterns
        /// glued to others or to digits, apostrophes, capitals, Hangul and other bytes.
        #[test]
        fn the_word_scan_finds_the_whole_words_the_search_found(
            lead in 0usize..40,
            picks in proptest::collection::vec(
                (
                    proptest::sample::select(trigger_words()),
                    proptest::sample::select(TRIGGER_GAPS),
                ),
                0..60,
            ),
        ) {
            let text: String = " ".repeat(lead % 20) + &"a".repeat(lead / 20)
                + &picks.iter().map(|(w, g)| format!("{w}{g}")).collect::<String>();
            let hay = text.as_bytes();
            let old: Vec<(usize, usize, usize)> = TRIGGER_SEARCH
                .find_iter(hay)
                .filter(|m| whole_word(hay, m.start(), m.end()))
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            let mut new = vec![];
            for_each_trigger_word(hay, |k, s, e| new.push((k, s, e)));
            proptest::prop_assert_eq!(&new, &old, "{:?}", text);
            let mut bytewise = vec![];
            trigger_words_from(hay, 0, &mut |k, s, e| bytewise.push((k, s, e)));
            proptest::prop_assert_eq!(&bytewise, &old, "{:?}", text);
        }

        #[test]
        fn one_search_reads_what_the_trigger_and_again_searches_read(
            picks in proptest::collection::vec(
                (
                    proptest::sample::select([WORDS, AGAIN_WORDS].concat()),
                    proptest::sample::select([GAPS, AGAIN_GAPS].concat()),
                ),
                1..40,
            ),
        ) {
            let text: String = picks.iter().map(|(w, g)| format!("{w}{g}")).collect();
            let (mut one, mut two) = (vec![], vec![]);
            for_each_and_again(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| one.push((s, e, f)));
            for_each(&BUILTIN_WORDS, text.as_bytes(), |s, e, f| two.push((s, e, f)));
            for_each_again(text.as_bytes(), |s, e, f| two.push((s, e, f)));
            proptest::prop_assert_eq!(one, two, "{:?}", text);
        }
    }

    #[test]
    fn an_own_fault_is_denied_in_the_first_words_after_it() {
        // The counter ends after "my" or "i".
        let denied = |t: &str| {
            let at = t.find("turns out ").unwrap() + "turns out ".len();
            let end = at + t[at..].find(' ').unwrap();
            denies_own_fault(t.as_bytes(), end)
        };
        for text in [
            "comcast is down, turns out my router wasn't the problem",
            "comcast is down, turns out my wifi isn't the issue",
            "comcast is down, turns out i was right",
            "comcast is down, turns out my whole street is out",
            "spotify is down, turns out my friends have the same problem",
        ] {
            assert!(denied(text), "{text}");
        }
        for text in [
            "spotify kept failing, turns out my card expired",
            "discord down?? turns out i had the app muted lol works fine",
            "gmail not loading, turns out i was logged into the wrong account",
        ] {
            assert!(!denied(text), "{text}");
        }
    }
}

#[cfg(test)]
mod working_tests {
    use super::*;

    /// [`told_working`] as it was: every verb of the list tried at every syllable.
    fn told_working_everywhere(after: &str, run: usize) -> bool {
        let Some(end) = after[..run]
            .char_indices()
            .find_map(|(k, _)| working_at(after, k))
        else {
            return false;
        };
        told_as_is(&after[end..])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Trying the list only at a syllable that begins one of its verbs finds what trying it
        /// everywhere found: texts of the verbs, their pieces, endings, hearsay and other
        /// syllables, read up to every char boundary. (The saved case, "보내져", in
        /// `proptest-regressions/`, is one a draft of the pass failed on while it was written;
        /// proptest replays it first.) 500 cases: the list is derived from `endings::WORKING`.
        #[test]
        fn working_verbs_tried_at_their_first_syllables_are_found_as_everywhere(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "되", "돼요", "됐네", "열려요", "열", "들어가", "들", "켜져", "나와", "나", "살아",
                "작동", "정상", "멀쩡", "괜찮", "보내져", "보", "받아지", "와요", "와", "오네",
                "온다", "가요", "가", "올라감", "넘어가", "성공", "면", "대", "래", "다는", "나요",
                "는", "조금", "잘", "x", " ", "?", "다", "요",
            ][..]), 0..12),
        ) {
            let text: String = picks.concat();
            for run in (0..=text.len()).filter(|&r| text.is_char_boundary(r)) {
                proptest::prop_assert_eq!(
                    told_working(&text, run),
                    told_working_everywhere(&text, run),
                    "{:?} {}", text, run
                );
            }
        }
    }
}
