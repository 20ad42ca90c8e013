//! What the prefilter asks of an ambiguous Hangul name before it lets a post through for it
//! alone: `?다음` (Daum) is also "next" (다음 글, 다음에, 다음날), and such posts were about a
//! tenth of the text bytes of the blog and forum exports that reached the full matcher, to name
//! no service there.
//!
//! # Why this keeps every post the classifier keeps
//!
//! The classifier keeps an ambiguous alias (`Matcher::drop_without_context`) only when
//! something stands right next to it in the normalised text, or it opens the post, or an
//! English predicate before it is said of it:
//!
//! * a hit right before or after it, at most a space apart (any entry; after it, also past one
//!   adverb or one function word), a `[context]` word right before or after it (after it, also
//!   past a particle glued to the name: 피파에 접속), the two sides of a `{service}` frame, or
//!   after a provider's name a `[words provider-use]` word (쓰는, 쓰시는, 이용자:
//!   `Matcher::provider_used_at`). Each such word begins right where the name ends, or ends
//!   right where it begins: [`Matcher::words_next_to_names`] lists them. Hits that are not
//!   literal come from the grammar forms: the Korean ones begin with a lone 안 or 못, with any
//!   syllable followed by 지않, or with 이제, and end with 지않, with the verb after a lone 안 or
//!   못, or within two syllables after 이제 (the words are `grammar`'s constants,
//!   [`KO_NEGATIVES`], [`KO_AFTER_STEM`], [`KO_NOW`] and [`KO_NOW_SPAN`], read here too); the
//!   English ones are ASCII;
//! * to open the post, or to follow an English predicate and a preposition, nothing alphanumeric
//!   (or only ASCII) may come right before it.
//!
//! Normalisation keeps Hangul syllables as they are and removes white space between two of them
//! (`normalise.rs`), so when the first-stage text has syllables on both sides of the name (past
//! white space), the normalised text has the same syllables right next to it. A syllable is
//! removed only inside a link, a piece of text (between white space) that begins with `h` or
//! `w` (or an @mention, which begins with `@`); then, or when anything but a syllable comes
//! first on either side, the post is let through. Otherwise the post is let through only if the
//! one or two syllables after the name may begin one of those words, or those before it may end
//! one ([`Ends`]), or a lone 안 or 못 stands before the run of syllables before it, or 이제
//! within the syllables before it that its hit may span, or 지 (of 지않) is the second syllable
//! after it. A syllable with a final ㅋ may change before a ㅋ; the prefilter lets such texts
//! through anyway (`normalise::may_fold`).
//!
//! `tests/prefilter.rs` checks the prefilter with this rule against the full classifier, and
//! builds posts from the Korean forms' shapes (`Form::korean_shapes`) to do so.

use super::classify::Matcher;
use super::grammar::{KO_AFTER_STEM, KO_NEGATIVES, KO_NOW, KO_NOW_SPAN};
use super::normalise::is_syllable;

/// The words that may stand right after (`heads`) and right before (`tails`) a kept ambiguous
/// name, by their first (last) one or two characters.
pub(super) struct Neighbours {
    heads: Ends,
    tails: Ends,
    /// The outage and recovery entries (one must follow a name that opens the post), how many
    /// syllables may come between, and the particles that, glued to the name, keep it from
    /// opening the post.
    phrases: Ends,
    reach: usize,
    modifiers: [char; 2],
    /// The first syllable of [`KO_AFTER_STEM`] (지), and the negatives as characters.
    after_stem: char,
    negatives: [char; 2],
}

/// The ends of a set of words, read from the side next to the name: the pairs of characters
/// (`two`), the words of one character (`one`), and every first character (`any`), each sorted
/// for a binary search.
#[derive(Default)]
struct Ends {
    two: Vec<[char; 2]>,
    one: Vec<char>,
    any: Vec<char>,
}

/// A pair of characters as one integer, in the pairs' order.
fn pair_key(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The pair of [`pair_key`].
fn pair_of(key: u64) -> [char; 2] {
    let char_of = |c: u64| char::from_u32(c as u32).expect("a character's code");
    [char_of(key >> 32), char_of(key & 0xFFFF_FFFF)]
}

impl Ends {
    /// Adds a word, its characters nearest the name first.
    fn add(&mut self, mut chars: impl Iterator<Item = char>) {
        let Some(a) = chars.next() else {
            return;
        };
        match chars.next() {
            Some(b) => self.two.push([a, b]),
            None => self.one.push(a),
        }
    }

    /// Sorts the sets once every word is in.
    fn sort(&mut self) {
        // (sorted as integers, in the same order: comparing arrays of characters took
        // ~2 M instructions a run, cachegrind)
        let mut keys: Vec<u64> = self.two.iter().map(|&[a, b]| pair_key(a, b)).collect();
        keys.sort_unstable();
        keys.dedup();
        self.two = keys.into_iter().map(pair_of).collect();
        self.one.sort_unstable();
        self.one.dedup();
        // (the pairs are sorted by their first character already)
        self.any = self.two.iter().map(|p| p[0]).collect();
        self.any.dedup();
        self.any.extend(&self.one);
        self.any.sort_unstable();
        self.any.dedup();
    }

    fn begins_with(&self, c: char) -> bool {
        self.any.binary_search(&c).is_ok()
    }

    /// Whether one of the words may stand where the text has `seen` (one or two syllables,
    /// nearest the name first, then a character that is not a syllable or the end when there
    /// is one).
    fn may_hold(&self, seen: &[char]) -> bool {
        match *seen {
            [a] => self.begins_with(a),
            [a, b] => self.one.binary_search(&a).is_ok() || self.two.binary_search(&[a, b]).is_ok(),
            _ => true,
        }
    }
}

impl Neighbours {
    /// `None` when a frame fits anywhere, so that every ambiguous name may be kept.
    pub(super) fn new(m: &Matcher) -> Option<Neighbours> {
        let words = m.words_next_to_names()?;
        let mut n = Neighbours {
            heads: Ends::default(),
            tails: Ends::default(),
            phrases: Ends::default(),
            reach: words.opening_syllables,
            modifiers: words.modifiers.map(first_char),
            after_stem: first_char(KO_AFTER_STEM),
            negatives: KO_NEGATIVES.map(first_char),
        };
        for h in words.heads {
            n.heads.add(h.trim_matches(' ').chars());
        }
        for h in &words.glued_heads {
            n.heads.add(h.trim_matches(' ').chars());
        }
        for t in words.tails {
            n.tails.add(t.trim_matches(' ').chars().rev());
        }
        for p in words.phrases {
            n.phrases.add(p.trim_matches(' ').chars());
        }
        // The Korean grammar forms (`grammar::for_each_korean`): a lone 안 or 못 with its verb,
        // a stem with 지않 (asked for apart); 이제 with the syllables after it
        // (`grammar::for_each_korean_now`; what it ends with is asked for apart).
        for ends in [&mut n.heads, &mut n.phrases] {
            for w in KO_NEGATIVES.iter().chain([&KO_NOW]) {
                ends.add(w.chars());
            }
        }
        n.tails.add(KO_AFTER_STEM.chars().rev());
        for ends in [&mut n.heads, &mut n.tails, &mut n.phrases] {
            ends.sort();
        }
        Some(n)
    }

    /// Whether the classifier may keep the ambiguous name whose token the first-stage `text`
    /// has at `start..end`, with its entry's syllables `before` (nearest first) and `after`
    /// around it, as `Context::fits` in `prefilter.rs` found them (see the module comment).
    pub(super) fn may_keep(
        &self,
        text: &str,
        (start, end): (usize, usize),
        before: &[char],
        after: &[char],
    ) -> bool {
        // The name's span; anything but its own syllables there is a case the prefilter keeps.
        let (Some(from), Some(to)) = (back_over(text, start, before), on_over(text, end, after))
        else {
            return true;
        };
        let mut a = [(0, '\0'); 2];
        let na = syllables_after(text, to, &mut a);
        if na == 0 || a[1].1 == self.after_stem || may_be_removed(text, from) {
            return true;
        }
        if self.heads.may_hold(&chars(&a[..na])[..na]) {
            return true;
        }
        let mut b = [(0, '\0'); 2];
        let nb = syllables_before(text, from, &mut b);
        if nb > 0 {
            // A syllable stays right before the name: only a word ending there keeps it (a
            // syllable before the name past white space begins a piece of its own).
            return b[..nb].iter().any(|&(at, _)| may_be_removed(text, at))
                || negated_before(text, b[0].0, self.negatives)
                || now_before(text, from)
                || self.tails.may_hold(&chars(&b[..nb])[..nb]);
        }
        // Something else, or nothing, comes before it. An English predicate before it ends
        // its gap with a preposition (letters); a word may end in that character; or the post
        // may open with the name, when nothing alphanumeric stays before it.
        if let Some((at, p)) = text[..from]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_whitespace())
        {
            // (a syllable right before that character stays right before it)
            let q = text[..at].chars().next_back().filter(|&q| is_syllable(q));
            let ends_there = match q {
                Some(q) => self.tails.may_hold(&[p, q]),
                None => self.tails.begins_with(p),
            };
            if p.is_ascii_alphanumeric()
                || matches!(p, '_' | '@')
                || ends_there
                || may_be_removed(text, at)
            {
                return true;
            }
        }
        // A link (or mention) before that character goes in normalisation, and what the
        // classifier then reads before the name is not what this text shows: let it through
        // (" www.a.kr/글  ♥ 라인 글", which CI's proptest run found skipped).
        let link_before =
            last_alphanumeric(text, from).is_some_and(|(at, _)| may_be_removed(text, at));
        link_before || (opens(text, from) && self.may_open(text, to, a[0].1))
    }

    /// Whether an outage or recovery phrase may follow the name that ends at byte `to` of
    /// `text` close enough for the name to open the post (`Matcher::heads_the_post`): never
    /// with 에 or 의 (the modifiers) glued to it (`first`, the syllable after it); else a
    /// phrase must begin within [`Neighbours::reach`] syllables, unless something other than a
    /// syllable comes first.
    fn may_open(&self, text: &str, to: usize, first: char) -> bool {
        if self.modifiers.contains(&first) {
            return false;
        }
        let mut run = ['\0'; 16];
        let mut n = 0;
        for c in text[to..].chars() {
            if c.is_whitespace() {
                continue;
            }
            if n == self.reach + 2 || n == run.len() {
                break;
            }
            if !is_syllable(c) {
                return true;
            }
            run[n] = c;
            n += 1;
        }
        (0..n.min(self.reach + 1)).any(|k| {
            let pair = &run[k..n.min(k + 2)];
            pair.get(1) == Some(&self.after_stem) || self.phrases.may_hold(pair)
        })
    }
}

/// The first character of a word (of one character, or of a pair).
fn first_char(w: &str) -> char {
    w.chars().next().unwrap_or('\0')
}

/// The characters of `seen` (one or two), in a pair.
fn chars(seen: &[(usize, char)]) -> [char; 2] {
    [seen[0].1, seen.get(1).map_or('\0', |p| p.1)]
}

/// Where the syllables `want` (nearest first) end before byte `i` of `text`, white space
/// between them passed over; `None` when another character comes first.
fn back_over(text: &str, mut i: usize, want: &[char]) -> Option<usize> {
    for &w in want {
        let (at, c) = text[..i]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_whitespace())?;
        if c != w {
            return None;
        }
        i = at;
    }
    Some(i)
}

/// Where the syllables `want` end after byte `i` of `text`, white space between passed over;
/// `None` when another character comes first.
fn on_over(text: &str, mut i: usize, want: &[char]) -> Option<usize> {
    for &w in want {
        let (k, c) = text[i..].char_indices().find(|(_, c)| !c.is_whitespace())?;
        if c != w {
            return None;
        }
        i += k + c.len_utf8();
    }
    Some(i)
}

/// Up to two syllables after byte `i` of `text` into `out` (where each starts, and the
/// syllable), white space between passed over, up to the first other character; how many.
fn syllables_after(text: &str, i: usize, out: &mut [(usize, char); 2]) -> usize {
    let mut n = 0;
    for (k, c) in text[i..].char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if n == 2 || !is_syllable(c) {
            break;
        }
        out[n] = (i + k, c);
        n += 1;
    }
    n
}

/// [`syllables_after`] going back from byte `i`, nearest first.
fn syllables_before(text: &str, i: usize, out: &mut [(usize, char); 2]) -> usize {
    let mut n = 0;
    for (k, c) in text[..i].char_indices().rev() {
        if c.is_whitespace() {
            continue;
        }
        if n == 2 || !is_syllable(c) {
            break;
        }
        out[n] = (k, c);
        n += 1;
    }
    n
}

/// Whether nothing alphanumeric may stay before byte `from` of `text` once normalised: the
/// nearest letter or digit before it is in a piece that may be removed (a link), or is ASCII
/// after an `@` (a mention), or there is none.
fn opens(text: &str, from: usize) -> bool {
    let Some((at, c)) = last_alphanumeric(text, from) else {
        return true;
    };
    if c.is_ascii() {
        let word = text.as_bytes()[..at]
            .iter()
            .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'_'));
        if word.is_some_and(|k| text.as_bytes()[k] == b'@') {
            return true;
        }
    }
    may_be_removed(text, at)
}

/// The nearest letter or digit before byte `from` of `text`, with its byte offset.
fn last_alphanumeric(text: &str, from: usize) -> Option<(usize, char)> {
    text[..from]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
}

/// Whether the piece of `text` (between white space) that holds byte `i` may be removed by
/// normalisation: it begins with `h` or `w` (a link) or `@` (a mention).
fn may_be_removed(text: &str, i: usize) -> bool {
    let start = text[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    matches!(
        text.as_bytes().get(start),
        Some(b'h' | b'H' | b'w' | b'W' | b'@')
    )
}

/// Whether a lone 안 or 못 (`negatives`) stands, past white space, before the run of syllables
/// that holds the syllable at byte `at` of `text` (its verb: the form then ends where that run
/// ends).
fn negated_before(text: &str, at: usize, negatives: [char; 2]) -> bool {
    let run = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_syllable(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let head = &text[..run];
    let trimmed = head.trim_end();
    trimmed.len() < head.len() && trimmed.ends_with(negatives)
}

/// Whether 이제 ([`KO_NOW`]) stands within the syllables before byte `from` of `text` that its
/// form may span (white space passed over): the form 이제 + a verb
/// (`grammar::for_each_korean_now`) spans 이제 and up to [`KO_NOW_SPAN`] syllables after it, and
/// may end right where the name begins.
fn now_before(text: &str, from: usize) -> bool {
    // The word's characters, last first, and how many syllables back it may begin.
    let mut word = KO_NOW.chars().rev();
    let (Some(last), Some(first)) = (word.next(), word.next()) else {
        return false;
    };
    let mut prev = '\0';
    for c in text[..from]
        .chars()
        .rev()
        .filter(|c| !c.is_whitespace())
        .take(KO_NOW.chars().count() + KO_NOW_SPAN)
    {
        if !is_syllable(c) {
            return false;
        }
        if c == first && prev == last {
            return true;
        }
        prev = c;
    }
    false
}
