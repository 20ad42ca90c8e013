//! Whether the writer's own thing named as the cause of an outage (an own-cause counter: "must
//! be my router", 폰 문제인 거) is said as the cause or only raised to be ruled out: denied right
//! after it (폰 문제인 거 *아님*, "must be my phone? *no*"), suspected first ("i *thought* it must
//! be my modem", 와이파이 탓인 듯 *했는데*) or followed by a contrast ("… *but* it's down for
//! everyone", 껐다 켰*는데도* 안 됨). Reads the normalised text around the counter only (Hangul
//! joined, Latin spaced); `classify.rs` decides what a ruled-out cause does. The words are the
//! lexicon's `cause-denial`, `cause-no`, `cause-suspect`, `cause-but`, `cause-not` and
//! `cause-contrast` lists.

use super::words::{List, Words};

/// How many bytes after the counter a Korean contrast is looked for: about fifteen syllables,
/// the rest of the clause and the next verb (공유기 문제인 거 같아서 껐다 켰*는데도*).
const KO_CONTRAST_REACH: usize = 48;

/// How many bytes before the counter its clause is read for a word of suspecting ("thought it
/// must be my modem").
const SUSPECT_REACH: usize = 32;

/// Whether the own-cause counter at `hay[start..end]` is ruled out by what stands around it.
pub fn cause_ruled_out(words: &Words, hay: &str, start: usize, end: usize) -> bool {
    let Some(rest) = hay.get(end..) else {
        return false;
    };
    let hangul = !hay[start..end].is_ascii();
    if hangul {
        return ko_ruled_out(words, rest);
    }
    let before = hay.get(..start).unwrap_or("");
    en_denied(words, rest)
        || en_negated(words, before)
        || en_suspected(words, before)
        || en_contrast(words, rest)
}

/// 폰 문제인 거 아님, 공유기 문제 같진 않음, 폰 문제임? 아님; 탓인 듯 했는데, 켰는데도 안 됨.
fn ko_ruled_out(words: &Words, rest: &str) -> bool {
    let answer = rest.trim_start_matches([' ', '?', '!', ',', '.', '~']);
    if words.get(List::CauseDenial).any(|d| answer.starts_with(d)) {
        return true;
    }
    let mut reach = KO_CONTRAST_REACH.min(rest.len());
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    let near = &rest[..reach];
    let near = &near[..near.find(['.', '!', '\n']).unwrap_or(near.len())];
    words.get(List::CauseContrast).any(|c| near.contains(c))
}

/// "must be my phone? no, …", "must be my wifi. nope".
fn en_denied(words: &Words, rest: &str) -> bool {
    let answer = rest.trim_start_matches([' ', '?', '!', ',', '.']);
    let first = answer
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    rest.trim_start().starts_with('?') && words.has(List::CauseNo, first)
}

/// "it's not probably my wifi", "it isn't just my router": a negation is the word right before.
fn en_negated(words: &Words, before: &str) -> bool {
    // (split on characters, not at a byte index past one: a Korean syllable before the last
    // word is three bytes long)
    let last = before
        .trim_end()
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    words.has(List::CauseNot, last)
}

/// "i thought it must be my phone", "figured it was just my wifi".
fn en_suspected(words: &Words, before: &str) -> bool {
    let from = before.len().saturating_sub(SUSPECT_REACH);
    let Some(near) = (from..=before.len()).find_map(|i| before.get(i..)) else {
        return false;
    };
    let clause = &near[near
        .rfind(['.', '!', '?', ',', ';', '\n'])
        .map_or(0, |i| i + 1)..];
    clause.split(' ').any(|w| words.has(List::CauseSuspect, w))
}

/// "… must be my modem but the whole street is out".
fn en_contrast(words: &Words, rest: &str) -> bool {
    let sentence = &rest[..rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len())];
    sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| words.has(List::CauseBut, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: the normalised text, the counter's text in it, whether it is ruled out.
    #[test]
    fn a_cause_denied_suspected_or_contrasted_is_ruled_out() {
        let words = crate::lexicon::Lexicon::builtin().words;
        let cases = [
            (
                "유튜브안됨폰문제인거아님다른기기도다안됨",
                "폰문제인거",
                true,
            ),
            ("카톡안됨폰문제임?아님다들안된대", "폰문제임", true),
            (
                "카톡안됨와이파이탓인듯했는데lte로도안됨",
                "와이파이탓인듯",
                true,
            ),
            (
                "카톡접속안됨공유기문제인거같았는데다른사람들도그렇대",
                "공유기문제인거",
                true,
            ),
            ("카톡안됨폰문제였는데재부팅하니됨", "폰문제였", false),
            ("유튜브재생안됨ㅠ걍내폰문제인듯", "폰문제인듯", false),
            (
                "티빙안되길래봤더니리모컨배터리문제였음",
                "배터리문제였",
                false,
            ),
            (
                "spotify keeps crashing, i thought it must be my phone but it's down",
                "must be my phone",
                true,
            ),
            (
                "verizon no service, must be my phone? no, whole city is out",
                "must be my phone",
                true,
            ),
            (
                "discord keeps disconnecting tonight, must be my router",
                "must be my router",
                false,
            ),
            (
                "i thought discord was down. must be my router",
                "must be my router",
                false,
            ),
            (
                "discord is down and no it's not probably my router",
                "probably my router",
                true,
            ),
            (
                "discord is down, it isn't just my wifi",
                "just my wifi",
                true,
            ),
            (
                "discord will not load, probably my router",
                "probably my router",
                false,
            ),
        ];
        for (hay, counter, out) in cases {
            let start = hay.find(counter).unwrap();
            assert_eq!(
                cause_ruled_out(&words, hay, start, start + counter.len()),
                out,
                "{hay}"
            );
        }
    }

    /// A Korean syllable right before an English cause is no negation, and reading it does not
    /// cut the text inside the syllable ("gmail is down, 거 must be my wifi" once panicked).
    #[test]
    fn a_korean_word_before_an_english_cause_is_read_whole() {
        let words = crate::lexicon::Lexicon::builtin().words;
        for hay in [
            "gmail is down, 거 must be my wifi",
            "카톡 안 돼요 ㅠ must be my phone",
        ] {
            let start = hay.find("must be my").unwrap();
            assert!(!cause_ruled_out(&words, hay, start, hay.len()), "{hay}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Korean, English and marks in any order around the causes: the reading never panics,
        /// here or in the whole classification.
        #[test]
        fn mixed_korean_and_english_around_a_cause_never_panics(
            picks in proptest::collection::vec(proptest::sample::select(vec![
                "거", "카톡", "폰", " ", "not", "n't", "'", "it's", "must be my wifi",
                "probably my router", "?", ",", ".", "no", "아님", "문제인 줄 알았는데", "é", "ㅠ",
                "gmail is down", "안 돼요",
            ]), 0..12),
        ) {
            static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
            static MATCHER: std::sync::OnceLock<crate::lexicon::classify::Matcher> =
                std::sync::OnceLock::new();
            let words = WORDS.get_or_init(|| crate::lexicon::Lexicon::builtin().words);
            let hay = picks.concat();
            for (start, cause) in hay.match_indices("my ") {
                cause_ruled_out(words, &hay, start, start + cause.len());
            }
            let m = MATCHER.get_or_init(|| {
                crate::lexicon::classify::Matcher::new(crate::lexicon::Lexicon::builtin(), None)
            });
            let mut s = crate::lexicon::classify::Scratch::default();
            m.classify(&hay, &mut s);
        }
    }
}
