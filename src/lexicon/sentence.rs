//! Where a sentence ends, and who its subject is, between a service's name and an outage word
//! further away than their clause (the far-subject rule, `Matcher::far_subject`): marks the
//! normaliser keeps (`.`, `!`, `?`, `;`), and what it folds or never marked: the writer's line
//! breaks and word spacing (read from [`Layout`]), casual Korean endings at a word's end (바뀜,
//! 했다, 됐어, 되지, 되네), laughs, tears and emoji (ㅋㅋ, ㅠㅠ, 😂, ^^), linking words (근데,
//! "but then"), and a noun of the writer's own things right before the outage word (폰 꺼짐: a
//! dropped particle gives the word that subject); and where a short quotation holds the words
//! it quotes ([`quotation_around`]). Everything reads slices of the normalised text; nothing is
//! allocated.

use super::classify::LOOK_BACK;
use super::normalise::{is_syllable, Layout};
use super::words::{List, Words};

/// The most words a quotation read by [`quotation_around`] may hold: a name and its outage
/// phrase ("\"네이버 먹통\" 사태 1년", "wrote a bot that tweets \"is reddit down?\""), not a
/// long message.
pub const QUOTE_WORDS: usize = 5;

/// Whether `c` opens or closes a quotation: straight and typographic double quotes, and the
/// single quote (typographic ones read as `'` once normalised).
fn quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{300C}' | '\u{300D}'
    )
}

/// Whether `text` holds a mark that may open a quotation ([`quotation_around`] has nothing to
/// read otherwise).
///
/// Read from the bytes, not the characters: `"` and `'` by one search, the typographic marks
/// (U+201C, U+201D, U+300C, U+300D: E2 80 9C/9D, E3 80 8C/8D) by their lead bytes' search.
pub fn has_quote_mark(text: &str) -> bool {
    let b = text.as_bytes();
    if memchr::memchr2(b'"', b'\'', b).is_some() {
        return true;
    }
    memchr::memchr2_iter(0xE2, 0xE3, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xE2, Some(0x80), Some(0x9C | 0x9D)) | (0xE3, Some(0x80), Some(0x8C | 0x8D))
        )
    })
}

/// The byte range inside the quotation marks around `from..to` (a match in the normalised text
/// `hay`), when the quotation is short (at most [`QUOTE_WORDS`] words) and holds no sentence
/// break: a mark opens where no letter or digit comes right before it ("isn't" holds no
/// quotation), and the next mark closes where none comes right after it, save a Hangul
/// syllable (a particle glued on: "유튜브 다운"이라고). `None` when `from..to` is not quoted so.
///
/// The marks are found from the bytes ([`Marks`]), not by decoding every character of the
/// [`LOOK_BACK`] bytes on either side (~22,000 instructions a call on the trackback slice's long
/// Korean posts); only the characters next to a mark are decoded. The answer is that reading's
/// (`tests::quotations_are_read_from_the_bytes_as_from_the_characters`).
pub fn quotation_around(hay: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let b = hay.as_bytes();
    // (a quotation of a few words: the marks are looked for at most `LOOK_BACK` bytes away,
    // back to the line's start)
    let mut back = Marks::back(b, from.saturating_sub(LOOK_BACK), from);
    let (open, mark) = loop {
        let i = back.next()?;
        if b[i] == b'\n' {
            return None;
        }
        let n = mark_len(b, i);
        if n > 0 && !word(hay[..i].chars().next_back()) {
            break (i, n);
        }
    };
    let inner = open + mark;
    let mut ahead = Marks::ahead(b, to, (to + LOOK_BACK + 1).min(b.len()));
    let close = loop {
        let at = ahead.next()?;
        let n = mark_len(b, at);
        if n == 0 {
            continue;
        }
        let next = hay[at + n..].chars().next();
        if !word(next) || next.is_some_and(is_syllable) {
            break at;
        }
    };
    short_quotation(hay, (inner, close), from)
}

/// `inner..close` (the inside of a pair of marks in `hay`) when it holds the match starting at
/// `from`, at most [`QUOTE_WORDS`] words and no sentence break: another mark inside that is no
/// apostrophe between two letters ("isn't") ends a quotation and opens the next, so the match
/// stands between two quotations, in none.
fn short_quotation(
    hay: &str,
    (inner, close): (usize, usize),
    from: usize,
) -> Option<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let body = &hay[inner..close];
    let words = body.split(' ').filter(|w| !w.is_empty()).count();
    let breaks = body.char_indices().any(|(i, c)| {
        quote_mark(c)
            && !(word(body[..i].chars().next_back())
                && word(body[i + c.len_utf8()..].chars().next()))
    });
    (inner <= from && words <= QUOTE_WORDS && !breaks).then_some((inner, close))
}

/// The length in bytes of the quotation mark ([`quote_mark`]) that starts at byte `i` of `b`
/// (valid UTF-8, `i` a character's start), or 0 when none does: `"` and `'`, or U+201C, U+201D,
/// U+300C, U+300D (E2 80 9C/9D, E3 80 8C/8D).
#[inline]
fn mark_len(b: &[u8], i: usize) -> usize {
    match (b[i], b.get(i + 1), b.get(i + 2)) {
        (b'"' | b'\'', _, _) => 1,
        (0xE2, Some(0x80), Some(0x9C | 0x9D)) | (0xE3, Some(0x80), Some(0x8C | 0x8D)) => 3,
        _ => 0,
    }
}

/// The places in `b[lo..hi]` where a quotation mark may start, nearest first (backwards from
/// `hi`, or onwards from `lo`): every `"`, `'` and E2 or E3 byte, and backwards every line
/// break too. Each is a character's start (ASCII, or the lead byte of a three-byte character),
/// so reading only them meets every mark and line break that a reading of the characters
/// would; [`mark_len`] tells the marks among them. Two `memchr` searches, each asked again only
/// once its last answer has been passed, so the window is read once.
struct Marks<'b> {
    b: &'b [u8],
    lo: usize,
    hi: usize,
    back: bool,
    /// The next `"`, `'` (or line break, backwards), and the next E2 or E3 byte, not yet
    /// given: `None` when not looked for since the last one was given, `Some(None)` when there
    /// is none left.
    ascii: Option<Option<usize>>,
    lead: Option<Option<usize>>,
}

impl<'b> Marks<'b> {
    fn back(b: &'b [u8], lo: usize, hi: usize) -> Self {
        Marks {
            b,
            lo,
            hi,
            back: true,
            ascii: None,
            lead: None,
        }
    }

    fn ahead(b: &'b [u8], lo: usize, hi: usize) -> Self {
        Marks {
            b,
            lo,
            hi,
            back: false,
            ascii: None,
            lead: None,
        }
    }
}

impl Iterator for Marks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let (lo, hi) = (self.lo, self.hi);
        if lo >= hi {
            return None;
        }
        let b = self.b;
        let w = &b[lo..hi];
        let back = self.back;
        let ascii = *self.ascii.get_or_insert_with(|| {
            if back {
                memchr::memrchr3(b'"', b'\'', b'\n', w)
            } else {
                memchr::memchr2(b'"', b'\'', w)
            }
            .map(|k| lo + k)
        });
        let lead = *self.lead.get_or_insert_with(|| {
            if back {
                memchr::memrchr2(0xE2, 0xE3, w)
            } else {
                memchr::memchr2(0xE2, 0xE3, w)
            }
            .map(|k| lo + k)
        });
        let at = if back {
            ascii.max(lead)?
        } else {
            match (ascii, lead) {
                (Some(a), Some(l)) => a.min(l),
                (a, l) => a.or(l)?,
            }
        };
        if ascii == Some(at) {
            self.ascii = None;
        } else {
            self.lead = None;
        }
        if back {
            self.hi = at;
        } else {
            self.lo = at + 1;
        }
        Some(at)
    }
}

/// ASCII faces that close what came before (^^, :), <3). They stay in code: they are marks, not
/// words, and a `[words]` entry may hold no `^` and needs a letter or a digit (and normalising
/// would fold the marks away).
const FACES: &[&str] = &["^^", ":)", ":(", ":-)", ":-(", ":d", ":p", "<3"];

/// Whether `word` (bytes of the normalised text) is a word of a line (an internet or phone
/// provider's, or the writer's own) in the lexicon's `list`: [`List::LineHome`],
/// [`List::LineCarried`] or [`List::LineOwn`].
pub(super) fn line_word(words: &Words, word: &[u8], list: List) -> bool {
    words.get(list).any(|w| w.as_bytes() == word)
}

/// Whether a polite Korean ending (the lexicon's `polite-end` words: 데요, 네요, 니다 …) stands
/// in `text` (normalised), as in 구글 툴바 메일 알림은 되던*데요* 웹에서만 안 되고, but inside
/// 좋아요, the button people press (인스타 *좋아요* 눌러도 반영 안 됨).
pub fn polite_end(words: &Words, text: &str) -> bool {
    words.get(List::PoliteEnd).any(|e| {
        text.match_indices(e)
            .any(|(k, _)| !(text[..k].ends_with('좋') && e.starts_with('아')))
    })
}

/// Whether a sentence ends between `from` and `to` of `hay` (the normalised text, `from..to` on
/// char boundaries) by what [`sentence_words`](super::classify) does not read: a line break, a
/// laugh, tears or an emoji, a linking word, or a casual Korean ending at a word's end as typed
/// (the word right before `to` is left to [`own_thing_before`]: most often it is the noun that
/// fails, 스트림 멈춤).
pub fn ends_between(hay: &str, layout: &Layout, words: &Words, from: usize, to: usize) -> bool {
    let gap = &hay[from..to];
    if layout.line_between(from, to) || words.get(List::NewSentence).any(|w| gap.contains(w)) {
        return true;
    }
    if !gap.is_ascii() && gap.chars().any(is_face_char) {
        return true;
    }
    if gap.contains(['^', ':', '<']) && FACES.iter().any(|f| gap.contains(f)) {
        return true;
    }
    if gap.is_ascii() {
        return false;
    }
    // The words of the gap as typed: a run of syllables ends at a join (a space the writer
    // typed) or before anything but a syllable.
    let mut start = None;
    for (k, c) in gap.char_indices() {
        let at = from + k;
        if let Some(s) = start {
            if !is_syllable(c) || layout.joined_at(at) {
                if casual_end(words, &hay[s..at], &hay[at..]) {
                    return true;
                }
                start = None;
            }
        }
        if is_syllable(c) && start.is_none() {
            start = Some(at);
        }
    }
    false
}

/// A character that closes what came before it: a laugh or tears typed in jamo (ㅋ, ㅎ, ㅠ,
/// ㅜ, ㅡㅡ), or an emoji (the pictographs, dingbats and symbols around ❤ and ☀).
fn is_face_char(c: char) -> bool {
    matches!(c, 'ㅋ' | 'ㅎ' | 'ㅠ' | 'ㅜ' | 'ㅡ')
        || ('\u{1F000}'..='\u{1FAFF}').contains(&c)
        || ('\u{2600}'..='\u{27BF}').contains(&c)
}

/// Whether `word` (syllables typed as one word) ends in a casual Korean ending that closes a
/// sentence: -음/-ㅁ (바뀜, 없음, 안 됨), -다 after a final consonant or 이 (했다, 된다, 이다;
/// not 보다, 마다), -어 after ㅆ or ㅄ (했어, 없어), -지 (되지; not 까지, 된지, nor before 않/못),
/// -네 (되네; not 동네). `next` is the text after the word.
fn casual_end(words: &Words, word: &str, next: &str) -> bool {
    let mut rev = word.chars().rev();
    let Some(last) = rev.next() else {
        return false;
    };
    let before = rev.next();
    let long = before.is_some();
    let jong = |c: char| (u32::from(c) - 0xAC00) % 28;
    let ends_in = |list: List| words.get(list).any(|w| word.ends_with(w));
    match last {
        '다' => before.is_some_and(|b| jong(b) != 0 || b == '이'),
        '어' => before.is_some_and(|b| matches!(jong(b), 18 | 20)),
        '지' => {
            long && !ends_in(List::JiNoun)
                && before.is_some_and(|b| jong(b) != 4)
                && !next.starts_with(['않', '못', '마'])
        }
        '네' => long && !ends_in(List::NeNoun),
        c if jong(c) == 16 => {
            if long {
                !ends_in(List::MNoun)
            } else {
                // (a one-syllable `short-m` word: 안 됨, 안 옴)
                let mut one = [0u8; 4];
                words.has(List::ShortM, c.encode_utf8(&mut one))
            }
        }
        _ => false,
    }
}

/// Whether the word right before `to` (the outage word's start) is a noun of the writer's own
/// line, device, power or body (`line-own` words, `own-thing` words; the line only when the service is
/// no provider, `isp`), typed as a word of its own, bare or with a `subject-particle` word (폰*도*
/// 꺼짐; 이/가 are read by `Matcher::other_korean_subject`): then
/// it is the outage word's subject, not the service named further back ("인스타 올리려는데 폰
/// 꺼짐", "watched netflix all night and my laptop just died").
pub fn own_thing_before(hay: &str, layout: &Layout, words: &Words, to: usize, isp: bool) -> bool {
    let before = hay[..to].trim_end_matches(' ');
    let is_own = |w: &str| {
        words.has(List::OwnThing, w) || (!isp && line_word(words, w.as_bytes(), List::LineOwn))
    };
    if before.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        // English: the last word, past a few adverbs.
        let mut typed = before
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty());
        let word = typed.find(|w| !words.has(List::OwnAdverb, w));
        return word.is_some_and(is_own);
    }
    // Korean: the noun ends the text before `to`, maybe with a topic particle, and starts a
    // word as typed (after anything but a syllable, or at a typed space).
    let bare = words
        .get(List::SubjectParticle)
        .find_map(|p| before.strip_suffix(p))
        .into_iter()
        .chain([before]);
    for text in bare {
        for noun in words.get(List::OwnThing).chain(words.get(List::LineOwn)) {
            let Some(head) = text.strip_suffix(noun) else {
                continue;
            };
            let starts_word = !head.ends_with(is_syllable) || layout.joined_at(head.len());
            if starts_word && is_own(noun) {
                return true;
            }
        }
    }
    false
}

/// How far past an outage phrase's start (bytes of normalised text) the question mark that
/// closes it may stand: a question of a few words ("is ebay down for anyone?", 안 되나요?).
pub const ASKED_REACH: usize = 40;

/// The bare no: an answer only when a space or a mark follows it as typed and what follows
/// is none of the `exasperated` words ("인스타 죽었냐? 아니 다들 자는 중"; not "아니 왜 이래").
/// One word, read by its own rule (the bare form of the `ko-no` answers, with the space or mark
/// after it as typed): grammar of the answer, not a list, so it stays in code.
const KO_BARE_NO: &str = "아니";

/// Whether `rest` (what follows an answer's "not") opens with a `[words after-not]` phrase,
/// whole: "here, my kid's been playing", "on my end".
fn after_not(words: &Words, rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', ',']);
    words.get(List::AfterNot).any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Where the writer's own answer of no starts and where its sentence ends, when the outage
/// phrase at `at` of `hay` (the normalised text, its spacing in `layout`) is asked, its clause
/// closed by a question mark at most [`ASKED_REACH`] bytes on, and the next sentence opens
/// with a no ("ebay down? no I just got outbid", "인스타 죽었냐? 아니 다들 자는 중", "챗GPT 안
/// 되나요? 아 되네요 제가 로그아웃 돼 있었음"): the writer asked and answered, as a negation
/// after the phrase would (`Last::negation`). Marks between (`??`, `→`, `-`) are passed over.
/// An answer that insists on the complaint is none ("아니 진짜 짜증나네", "no i'm not
/// kidding"); the caller also checks its sentence for an outage phrase.
pub fn answered_no(hay: &str, layout: &Layout, words: &Words, at: usize) -> Option<(usize, usize)> {
    let rest = hay.get(at..)?;
    let q = rest
        .find(['?', '.', '!', ';', ',', '\n'])
        .filter(|&q| q <= ASKED_REACH && rest[q..].starts_with('?'))?;
    let after = &rest[q..];
    let skip = after
        .find(|c: char| c.is_alphanumeric())
        .filter(|&k| !after[..k].contains(['.', '!', '\n']))?;
    let answer = &after[skip..];
    let from = at + q + skip;
    let sentence = &answer[..answer.find(['?', '.', '!', '\n']).unwrap_or(answer.len())];
    let end = from + sentence.len();
    if ko_answer(words, sentence, layout, from) {
        return Some((from, end));
    }
    let mut typed = sentence.split([' ', ',', '.', '!']);
    let first = typed.next().unwrap_or("");
    let second = typed.next();
    let no = match first {
        "no" => second.is_none_or(|w| w.is_empty() || words.has(List::AfterNo, w)),
        // "not here", "not on my end": the writer's own answer; "not loading" is the
        // complaint, and "not for long", "not over yet" are no answer (so an after-not entry
        // is a whole phrase, followed by no letter or digit).
        "not" => second.is_some() && after_not(words, &sentence[first.len()..]),
        _ => false,
    };
    let insists = || {
        sentence
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .any(|w| words.has(List::Insist, w))
    };
    ((no || words.has(List::AnswerNo, first)) && !insists()).then_some((from, end))
}

/// Whether the Korean `sentence` (normalised, starting at byte `from` of the text) answers
/// the question no, or "oh, …" (see [`answered_no`]).
fn ko_answer(words: &Words, sentence: &str, layout: &Layout, from: usize) -> bool {
    let complaint = || words.get(List::Complaint).any(|w| sentence.contains(w));
    if words.get(List::KoNo).any(|a| sentence.starts_with(a)) {
        return !complaint();
    }
    if let Some(on) = sentence.strip_prefix(KO_BARE_NO) {
        // 아니면 ("or") asks on; 아니 glued to a word is no interjection at all.
        let spaced = on.is_empty()
            || !on.starts_with(is_syllable)
            || layout.joined_at(from + KO_BARE_NO.len());
        let on = on.trim_start_matches([' ', ',', '~']);
        return spaced && !words.get(List::Exasperated).any(|w| on.starts_with(w)) && !complaint();
    }
    // 아 내가 as typed, not 아내가 ("my wife"): a space after 아.
    words
        .get(List::OhAnswer)
        .any(|a| sentence.starts_with(a) && layout.joined_at(from + '아'.len_utf8()))
        && !complaint()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`quotation_around`] as it was, reading every character within [`LOOK_BACK`] bytes on
    /// either side: the answer the byte search must give.
    fn quotation_around_by_chars(hay: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let (open, mark) = hay[..from]
            .char_indices()
            .rev()
            .take_while(|&(i, c)| c != '\n' && from - i <= LOOK_BACK)
            .find(|&(i, c)| quote_mark(c) && !word(hay[..i].chars().next_back()))?;
        let inner = open + mark.len_utf8();
        let close = hay[to..]
            .char_indices()
            .take_while(|&(i, _)| i <= LOOK_BACK)
            .find_map(|(i, c)| {
                let at = to + i;
                let next = hay[at + c.len_utf8()..].chars().next();
                (quote_mark(c) && (!word(next) || next.is_some_and(is_syllable))).then_some(at)
            })?;
        // (what is inside the marks is read as the byte search reads it: only how the marks
        // are found changed)
        short_quotation(hay, (inner, close), from)
    }

    /// Pieces of text for the quotation tests: the marks, characters that share their lead
    /// bytes or look like them, line breaks, letters, digits, syllables, spaces, and runs long
    /// enough to bring a mark to either side of [`LOOK_BACK`].
    const PIECES: &[&str] = &[
        "a",
        "Z",
        "7",
        " ",
        " ",
        "가",
        "요",
        "\n",
        "\"",
        "'",
        "\u{201C}",
        "\u{201D}",
        "\u{300C}",
        "\u{300D}",
        "\u{2018}",
        "\u{201E}",
        "\u{2026}",
        "\u{300E}",
        "\u{3008}",
        "\u{E28C}",
        "é",
        "😀",
        "ㅋ",
        "isn't",
        "\"유튜브 다운\"이라고",
    ];

    /// A mark that starts [`LOOK_BACK`] bytes before the match opens its quotation and one a
    /// byte further does not; a closing mark that starts [`LOOK_BACK`] bytes after the match
    /// closes it, and one a byte further does not.
    #[test]
    fn quotation_marks_are_read_up_to_look_back_bytes_away() {
        let (name, pad) = ("gmail", |n: usize| "a".repeat(n));
        for (before, after, quoted) in [
            (LOOK_BACK - 1, 0, true),
            (LOOK_BACK, 0, false),
            (0, LOOK_BACK, true),
            (0, LOOK_BACK + 1, false),
        ] {
            // The match is `name`, `before` letters after the opening mark and `after` letters
            // before the closing one (a quotation of one word).
            let text = format!("\"{}{name}{}\" x", pad(before), pad(after));
            let from = 1 + before;
            let to = from + name.len();
            let want = quotation_around_by_chars(&text, from, to);
            assert_eq!(quotation_around(&text, from, to), want, "{before} {after}");
            assert_eq!(want.is_some(), quoted, "{before} {after}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The quotation read from the marks' bytes is the one a reading of every character
        /// gives, for every span of whole characters, with marks near and past [`LOOK_BACK`]
        /// bytes away on either side.
        #[test]
        fn quotations_are_read_from_the_bytes_as_from_the_characters(
            picks in proptest::collection::vec(
                (proptest::sample::select(PIECES), 0usize..4, proptest::bool::weighted(0.03)),
                0..60,
            ),
            span in (0usize..1000, 0usize..1000),
        ) {
            // A piece is repeated 1 to 4 times, or now and then a run that fills about a
            // third of `LOOK_BACK` (so that some marks stand just within it and some past it).
            let text: String = picks
                .iter()
                .map(|&(p, n, long)| p.repeat(if long { LOOK_BACK / 3 / p.len() } else { n + 1 }))
                .collect();
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let a = starts[span.0 % starts.len()];
            let z = starts[span.1 % starts.len()];
            let (from, to) = (a.min(z), a.max(z));
            proptest::prop_assert_eq!(
                quotation_around(&text, from, to),
                quotation_around_by_chars(&text, from, to),
                "{:?} {}..{}", text, from, to
            );
        }

        /// The byte search finds a mark exactly where a reading of the characters does.
        #[test]
        fn quote_marks_are_found_from_the_bytes(
            picks in proptest::collection::vec(proptest::sample::select(&[
                "a", " ", "가", "\"", "'", "\u{201C}", "\u{201D}", "\u{300C}", "\u{300D}",
                "\u{2018}", "\u{201E}", "\u{3008}", "\u{300E}", "\u{2026}", "\u{E28C}", "\u{3080}",
            ][..]), 0..12),
        ) {
            let text: String = picks.concat();
            proptest::prop_assert_eq!(has_quote_mark(&text), text.contains(quote_mark), "{:?}", text);
        }
    }

    /// The word lists of the shipped lexicons.
    fn shipped_words() -> Words {
        crate::lexicon::Lexicon::builtin().words
    }

    #[test]
    fn casual_endings_close_a_word_and_nouns_do_not() {
        let words = shipped_words();
        for (word, next, closes) in [
            ("바뀜", "", true),
            ("없음", "", true),
            ("됨", "", true),
            ("했다", "", true),
            ("된다", "", true),
            ("먹통이다", "", true),
            ("나갔어", "", true),
            ("되지", "", true),
            ("되네", "", true),
            ("지금", "", false),
            ("유심", "", false),
            ("받은편지함", "", false),
            ("좀", "", false),
            ("보다", "", false),
            ("저녁마다", "", false),
            ("카톡까지", "", false),
            ("오류페이지", "", false),
            ("된지", "", false),
            ("되지", "않아", false),
            ("동네", "", false),
            ("다", "", false),
            ("영어", "", false),
        ] {
            assert_eq!(casual_end(&words, word, next), closes, "{word} {next}");
        }
    }

    #[test]
    fn the_like_button_is_no_polite_ending() {
        let w = shipped_words();
        assert!(!polite_end(&w, "인스타좋아요눌러도반영"));
        assert!(polite_end(&w, "되던데요웹에서만"));
        assert!(polite_end(&w, "잘안되네요"));
        assert!(polite_end(&w, "좋아요눌렀어요"));
    }
    /// The text as the classifier reads it: the normaliser's own output and layout (a space
    /// typed between two Hangul syllables is dropped and noted in the layout).
    fn typed(raw: &str) -> (String, Layout) {
        use crate::lexicon::normalise::{nfkc_stage, Normaliser, ALL_DOUBLES};
        let (mut hay, mut layout, mut buf) = (String::new(), Layout::default(), String::new());
        Normaliser::new(&mut hay, None, ALL_DOUBLES)
            .with_layout(&mut layout)
            .run(nfkc_stage(raw, &mut buf));
        (hay, layout)
    }

    #[test]
    fn a_question_answered_no_by_the_writer() {
        let words = shipped_words();
        for (raw, answered) in [
            ("ebay down? no i just got outbid", true),
            ("ebay down? no, wait", true),
            ("github down? nah your vpn", true),
            ("인스타 죽었냐? 아니 다들 자는 중", true),
            ("인스타 죽었냐? 아니요 다들 자는 중", true),
            ("인스타 죽었냐? ㄴㄴ", true),
            ("챗gpt 안 되나요? 아 되네요 제가 로그아웃", true),
            ("티빙 접속 안 돼요? → 아 제가 비번 틀렸네요", true),
            ("카톡 안 돼요? 아 내가 와이파이 꺼놨네", true),
            ("is gmail down? no emails coming in", false),
            ("threads brokey? no posts loadin", false),
            ("카톡 터졌나? 아니면 내 폰 문제", false),
            ("gmail down. no i checked", false),
            ("gmail down? anyone else", false),
            ("netflix down? no i'm not kidding", false),
            ("netflix down? no, not kidding", false),
            ("카톡 왜 안돼? 아니 진짜 짜증나네", false),
            ("유튜브 안 돼요? 아니 왜 이래", false),
            ("카톡 안 돼요? 아니요 계속 안 돼요", false),
            ("카톡 안 돼요? 아내가 보낸 메시지도", false),
            ("roblox down? not here, my kid's been playing", true),
            ("is slack down? not on my end", true),
            ("is slack down? not for long i hope", false),
            ("is the gmail outage over? not over yet", false),
            ("slack down? not here either", true),
            ("메이플 서버 다운? 아닌데요 저 지금 사냥중", true),
            ("is roblox down? not loading anything", false),
            ("gmail down? not working at all", false),
            ("카톡 안 돼요? 아닌데 계속 안 돼요", false),
        ] {
            let (hay, layout) = typed(raw);
            assert_eq!(
                answered_no(&hay, &layout, &words, 0).is_some(),
                answered,
                "{raw}"
            );
        }
    }
}
