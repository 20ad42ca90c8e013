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
//! * [`Form::Nothing`]: "nothing" before a verb in `-s` ("nothing loads", "nothing happens").
//!
//! One adverb may stand between ("doesn't even open", "isn't really loading"). Verbs that say
//! something other than a failure are left out by short lists ("isn't going", "doesn't matter",
//! "keeps getting better", "nothing beats"), and so are the failure verbs after "doesn't" ("slack
//! doesn't crash" is a denial). The matcher reads each form as a `^` outage predicate (it counts
//! only with a service named before it in its clause, or after it past a preposition), and only
//! where no lexicon entry matched: "isn't working" keeps its own entry.

/// A grammar form; its display is what `outcry explain` shows as the matched entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    NotDoing,
    DoesNot,
    Keeps,
    Nothing,
}

impl Form {
    pub const ALL: [Form; 4] = [Form::NotDoing, Form::DoesNot, Form::Keeps, Form::Nothing];

    /// How the form is shown (as an entry of the lexicon would be).
    pub fn display(self) -> &'static str {
        match self {
            Form::NotDoing => "isn't/aren't/not + any verb-ing",
            Form::DoesNot => "doesn't/don't + any verb",
            Form::Keeps => "keeps/kept + any verb-ing",
            Form::Nothing => "nothing + any verb-s",
        }
    }

    fn of(trigger: &[u8]) -> Option<Form> {
        Some(match trigger {
            b"isn't" | b"isnt" | b"aren't" | b"arent" | b"not" => Form::NotDoing,
            b"doesn't" | b"doesnt" | b"don't" | b"dont" => Form::DoesNot,
            b"keeps" | b"kept" => Form::Keeps,
            b"nothing" => Form::Nothing,
            _ => return None,
        })
    }

    /// Whether `verb` (lower-case ASCII letters) completes the form.
    fn takes(self, verb: &[u8]) -> bool {
        let ing = verb.len() >= 5 && verb.ends_with(b"ing");
        match self {
            Form::NotDoing => ing && !NOT_DOING.contains(&verb),
            Form::Keeps => ing && !KEEPS.contains(&verb),
            Form::DoesNot => verb.len() >= 2 && !DOES_NOT.contains(&verb),
            Form::Nothing => verb.len() >= 4 && verb.ends_with(b"s") && !NOTHING.contains(&verb),
        }
    }
}

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

/// Words in `-ing` after "isn't" or "not" that are no failure of a service: nouns, other
/// statements, and what a person does.
const NOT_DOING: &[&[u8]] = &[
    b"thing",
    b"nothing",
    b"something",
    b"anything",
    b"everything",
    b"morning",
    b"evening",
    b"during",
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

fn is_word_byte(b: u8) -> bool {
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

/// Calls `f(start, end, form)` for each form read in `hay` (normalised text), the span from the
/// auxiliary to the end of the verb. Between the words only single spaces may stand: a
/// comma or a full stop ends the clause the predicate is in.
pub fn for_each(hay: &[u8], mut f: impl FnMut(usize, usize, Form)) {
    let mut at = 0;
    while let Some((s, e)) = next_word(hay, at) {
        at = e;
        let starts_word = s == 0 || !hay[s - 1].is_ascii_alphanumeric();
        let Some(form) = Form::of(&hay[s..e]).filter(|_| starts_word) else {
            continue;
        };
        let mut end = e;
        for step in 0..2 {
            if hay.get(end) != Some(&b' ') {
                break;
            }
            let Some((vs, ve)) = next_word(hay, end + 1).filter(|&(vs, _)| vs == end + 1) else {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Form)> {
        let mut out = Vec::new();
        for_each(text.as_bytes(), |s, e, f| {
            out.push((text[s..e].to_string(), f))
        });
        out
    }

    #[test]
    fn any_verb_after_the_auxiliary() {
        assert_eq!(
            read("xbox live isn't letting me in"),
            [("isn't letting".to_string(), Form::NotDoing)]
        );
        assert_eq!(
            read("dropbox isnt syncing anything"),
            [("isnt syncing".to_string(), Form::NotDoing)]
        );
        assert_eq!(
            read("the app doesn't even open"),
            [("doesn't even open".to_string(), Form::DoesNot)]
        );
        assert_eq!(
            read("spotify keeps skipping songs"),
            [("keeps skipping".to_string(), Form::Keeps)]
        );
        assert_eq!(
            read("nothing loads"),
            [("nothing loads".to_string(), Form::Nothing)]
        );
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
}
