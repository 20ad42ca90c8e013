//! The prefilter's question, whether some token hit of a long text counts, asked of pieces of
//! the text walked side by side ([`Tokens::any_hit`]), as `longest/pieces.rs` walks the full
//! matcher's: the walk reads a cell of the table a byte and each read waits for the one before
//! (`perf` gave `Tokens::walk` ~10% of the trackback slice's cycles against ~5.5% of its
//! instructions), so four walks side by side overlap their waits. Texts of [`SPLIT2_FROM`] to
//! [`SPLIT_FROM`] bytes are walked in two pieces, and so are the short ones from
//! [`SHORT2_FROM`] bytes, with a shorter window for the walks to meet ([`SHORT_SYNC`]).
//!
//! Why the answer is the same: a piece's walk starts at the start state, so at each byte its
//! state is the longest end of the piece's text so far that begins a token, an end of the
//! whole walk's state there, and the hits it reports (the tokens that end its state) are hits
//! of the whole walk. A piece's walk goes on past its end into the next piece until it stands
//! in the state the next piece's walk stood in at the same byte; from there on the two walks
//! are one. So the hits reported are the whole walk's, some twice, and the question (does one
//! count) has the same answer; which hit is asked first differs.
//!
//! The work stays linear whatever the text: every byte is read once by its own piece's walk,
//! and then each piece's walk goes on into the next piece until the two meet. They meet within
//! as many bytes as the longest token has (past that both states are the whole walk's), so
//! within [`SYNC`] bytes for tokens shorter than that (the shipped ones are; in a short text
//! the window is [`SHORT_SYNC`] bytes, and a walk inside a long token may miss it). Where they
//! do not (a token longer than the window), the piece's walk reads on to the text's end,
//! and the pieces after it are not walked further: from where it met the piece before it, it
//! is the whole walk, so it reports every hit they would. So no byte is read more than twice.

use super::super::super::longest::pieces::{
    cuts, cuts_within, NONE, SPLIT2_FROM, SPLIT_FROM, STREAMS, SYNC,
};
use super::{Beside, Tokens};

/// The shortest text the prefilter walks in two pieces with the short window
/// ([`SHORT_SYNC`]); shorter ones are walked whole. Its first piece is half of it, its second
/// half less the [`SHORT_REACH`] bytes a cut may move at most, which must be longer than
/// [`SHORT_SYNC`] (32 - 8 = 24 is). Why: on the blog corpus most comments are 64 to 256 bytes,
/// and their walk one byte after another, each read of the table waiting for the one before,
/// was 7% of a run on one thread. (From 112 bytes with a 32-byte window and a 16-byte reach
/// the blog slice gained a little less: `README.md`, issue 15's twenty-sixth pass.)
pub(crate) const SHORT2_FROM: usize = 64;

/// How far into the second piece the first piece's walk may go to meet it, in texts shorter
/// than [`SPLIT2_FROM`] (the longer ones keep [`SYNC`]): the walks meet within as many bytes as
/// the longest token has, and after a space most often at once; where they do not, the first
/// walk reads on to the end (module comment), slower, not wrong.
const SHORT_SYNC: usize = 16;

/// How far a cut of a text shorter than [`SPLIT2_FROM`] may move to follow a space.
const SHORT_REACH: usize = 8;

impl Tokens {
    /// Whether `hit(pattern, start, end)` returns true for some match in `hay`; it is asked of
    /// every match of [`Tokens::each_hit`] when it returns false for all (some maybe twice),
    /// in an order of its own (see the module's comment), except, in texts walked in pieces
    /// (from [`SHORT2_FROM`] bytes), the matches that a first question rules out
    /// ([`Tokens::set_first_questions`]; the caller sets them only where `hit` would say no).
    #[inline]
    pub(crate) fn any_hit(
        &self,
        text: &str,
        mut hit: impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let hay = text.as_bytes();
        if hay.len() >= SPLIT_FROM {
            self.walk_pieces::<STREAMS, SYNC>(hay, &cuts::<STREAMS>(hay), &mut hit)
        } else if hay.len() >= SPLIT2_FROM {
            self.walk_pieces::<2, SYNC>(hay, &cuts::<2>(hay), &mut hit)
        } else if hay.len() >= SHORT2_FROM {
            let cuts = cuts_within::<2>(hay, SHORT_REACH);
            self.walk_pieces::<2, SHORT_SYNC>(hay, &cuts, &mut hit)
        } else {
            self.each_hit(text, hit)
        }
    }

    /// Asks `hit` of the patterns state `sid` reports, its byte ending at `end` of `hay`,
    /// unless the state's first question rules the hit out ([`Tokens::set_first_questions`]);
    /// whether one said true. Not inlined: the rare way out of the walks' loops, which then
    /// keep their states and places in registers.
    #[cold]
    #[inline(never)]
    fn report(
        &self,
        hay: &[u8],
        sid: u32,
        end: usize,
        hit: &mut impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let s = sid as usize;
        if let Some(&(a, z)) = self.first_questions.get(s) {
            if a < z && Beside::rule_out(&self.beside[a as usize..z as usize], hay, end) {
                return false;
            }
        }
        let (a, z) = (self.first[s], self.first[s + 1]);
        self.patterns[a as usize..z as usize]
            .iter()
            .any(|&p| hit(p as usize, end - self.lens[p as usize] as usize, end))
    }

    /// The walks of [`Tokens::any_hit`], of `N` pieces (`cuts[..=N]`): all pieces a byte each
    /// in turn while all have bytes left (the states of their first `S` bytes kept: the window
    /// in which a walk may meet the next one's); then each on to its end and into the next
    /// piece until it meets that piece's walk (or the text ends).
    #[inline(never)]
    fn walk_pieces<const N: usize, const S: usize>(
        &self,
        hay: &[u8],
        cuts: &[usize; STREAMS + 1],
        hit: &mut impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        match &self.columns {
            Some(cols) => self
                .walk_pieces_with::<N, S>(hay, cuts, hit, |s, b| cols.step(s as usize, b) as u32),
            None => self.walk_pieces_with::<N, S>(hay, cuts, hit, self.rows_step()),
        }
    }

    /// [`Tokens::walk_pieces`] with `step` taking the automaton a byte on.
    #[inline(always)]
    fn walk_pieces_with<const N: usize, const S: usize>(
        &self,
        hay: &[u8],
        cuts: &[usize; STREAMS + 1],
        hit: &mut impl FnMut(usize, usize, usize) -> bool,
        step: impl Fn(u32, u8) -> u32,
    ) -> bool {
        assert!(N <= STREAMS && cuts[0] == 0 && cuts[N] == hay.len());
        assert!(cuts[..=N].windows(2).all(|w| w[0] + S < w[1]));
        let reporting = self.reporting;
        let mut sid = [self.start; N];
        let mut at: [usize; N] = std::array::from_fn(|k| cuts[k]);
        // By piece: its state after each of its first bytes (the first piece's are not read).
        let mut seen = [[NONE; S]; N];
        for (k, seen) in seen.iter_mut().enumerate() {
            seen[0] = sid[k];
        }
        for _ in 1..S {
            for (k, seen) in seen.iter_mut().enumerate() {
                // SAFETY: `at[k] < cuts[k] + S < cuts[k + 1] <= hay.len()` (asserted above):
                // a round reads a byte.
                let b = *unsafe { hay.get_unchecked(at[k]) };
                sid[k] = step(sid[k], b);
                at[k] += 1;
                seen[at[k] - cuts[k]] = sid[k];
                if sid[k] < reporting && self.report(hay, sid[k], at[k], hit) {
                    return true;
                }
            }
        }
        let rounds = (0..N).map(|k| cuts[k + 1] - at[k]).min().unwrap_or(0);
        for _ in 0..rounds {
            for k in 0..N {
                // SAFETY: `at[k] < cuts[k + 1] <= hay.len()`: `rounds` bytes are left in each.
                let b = *unsafe { hay.get_unchecked(at[k]) };
                sid[k] = step(sid[k], b);
                at[k] += 1;
                if sid[k] < reporting && self.report(hay, sid[k], at[k], hit) {
                    return true;
                }
            }
        }
        for k in 0..N {
            let next = cuts.get(k + 1).copied().filter(|_| k + 1 < N);
            while let Some(&b) = hay.get(at[k]) {
                if let Some(next) = next.filter(|&n| at[k] >= n) {
                    if seen[k + 1].get(at[k] - next) == Some(&sid[k]) {
                        break;
                    }
                }
                sid[k] = step(sid[k], b);
                at[k] += 1;
                if sid[k] < reporting && self.report(hay, sid[k], at[k], hit) {
                    return true;
                }
            }
            if at[k] == hay.len() {
                // The walk went to the end: every later piece's hits were asked (module
                // comment).
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// Every hit `any_hit` asks about, as a set, when none counts.
    fn asked(t: &Tokens, hay: &str) -> BTreeSet<(usize, usize, usize)> {
        let mut v = BTreeSet::new();
        assert!(!t.any_hit(hay, |p, s, e| {
            v.insert((p, s, e));
            false
        }));
        v
    }

    fn every(t: &Tokens, hay: &str) -> BTreeSet<(usize, usize, usize)> {
        let mut v = BTreeSet::new();
        t.each_hit(hay, |p, s, e| {
            v.insert((p, s, e));
            false
        });
        v
    }

    /// The pieces ask about the hits of the whole walk of `hay`, and a hit of token `wanted`
    /// that counts is found when the whole walk has one.
    fn agree_with_the_whole_walk(
        t: &Tokens,
        hay: &str,
        wanted: usize,
    ) -> Result<(), TestCaseError> {
        let every = every(t, hay);
        prop_assert_eq!(asked(t, hay), every.clone());
        let any = every.iter().any(|h| h.0 == wanted);
        prop_assert_eq!(t.any_hit(hay, |p, _, _| p == wanted), any);
        Ok(())
    }

    /// Tokens made of runs of `a` (each `long` entry a run of its length between two bits) and
    /// the `short` ones, and a text of runs of `a` after bits (`hay`), for the walks that may
    /// not meet within their window.
    fn long_tokens_and_text(
        long: &[(String, usize, String)],
        short: Vec<String>,
        hay: &[(String, usize)],
    ) -> (Tokens, String) {
        let mut pats: Vec<String> = long
            .iter()
            .map(|(a, n, z)| format!("{a}{}{z}", "a".repeat(*n)))
            .collect();
        pats.extend(short);
        let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
        let hay = hay
            .iter()
            .map(|(w, n)| format!("{w}{}", "a".repeat(*n)))
            .collect();
        (Tokens::new(&pats).unwrap(), hay)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Long texts over a few letters and small token lists, walked in two pieces (from
        /// [`SPLIT2_FROM`] bytes) or four (from [`SPLIT_FROM`]): the hits asked about are the
        /// whole walk's, and a hit that counts is found.
        #[test]
        fn the_pieces_ask_of_every_hit_of_the_whole_walk(
            pats in prop::collection::vec("[abcAB가나]{1,6}", 1..12),
            hay in "[abcdABC가나 ]{300,1500}",
            wanted in 0usize..12,
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            let t = Tokens::new(&pats).unwrap();
            agree_with_the_whole_walk(&t, &hay, wanted)?;
        }

        /// Texts with no space, so that the pieces are cut inside characters of one to four
        /// bytes (split rows read only UTF-8, and the start state both halves): the hits asked
        /// about are the whole walk's, and a hit that counts is found.
        #[test]
        fn pieces_cut_inside_characters_ask_of_every_hit_of_the_whole_walk(
            pats in prop::collection::vec("[ab가나ㅋé😀]{1,4}", 1..12),
            hay in "[abA가나ㅋé😀]{40,1200}",
            wanted in 0usize..12,
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            let t = Tokens::new(&pats).unwrap();
            prop_assert!(t.split);
            agree_with_the_whole_walk(&t, &hay, wanted)?;
        }

        /// Short texts (two pieces from [`SHORT2_FROM`] bytes, with the short window, up to
        /// [`SPLIT2_FROM`]; whole below): the hits asked about are the whole walk's, and a hit
        /// that counts is found.
        #[test]
        fn short_texts_in_two_pieces_ask_of_every_hit_of_the_whole_walk(
            pats in prop::collection::vec("[abcAB가나 ]{1,6}", 1..12),
            hay in "[abcdABC가나 ]{40,420}",
            wanted in 0usize..12,
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            let t = Tokens::new(&pats).unwrap();
            agree_with_the_whole_walk(&t, &hay, wanted)?;
        }

        /// Short texts and tokens longer than [`SHORT_SYNC`] bytes (some with spaces), so that
        /// the first piece's walk may not meet the second's within the short window: the same
        /// hits asked about, and a hit that counts found.
        #[test]
        fn short_pieces_that_do_not_meet_ask_of_every_hit_too(
            long in prop::collection::vec(("[a ]{0,3}", 14usize..80, "[ab]{0,3}"), 1..4),
            short in prop::collection::vec("[ab ]{1,3}", 0..4),
            hay in prop::collection::vec(("[ab ]{0,4}", 0usize..90), 1..12),
            wanted in 0usize..8,
        ) {
            let (t, hay) = long_tokens_and_text(&long, short, &hay);
            prop_assume!((SHORT2_FROM..SPLIT2_FROM).contains(&hay.len()));
            agree_with_the_whole_walk(&t, &hay, wanted)?;
        }

        /// Tokens longer than [`SYNC`] bytes, so that a piece's walk may not meet the next
        /// one's (it then reads on to the text's end and the later pieces stop): the same hits
        /// asked about, and a hit that counts found.
        #[test]
        fn pieces_that_do_not_meet_ask_of_every_hit_too(
            long in prop::collection::vec(("[ab]{0,3}", 130usize..200, "[ab]{0,3}"), 1..4),
            short in prop::collection::vec("[ab]{1,3}", 0..4),
            hay in prop::collection::vec(("[ab ]{0,4}", 0usize..400), 4..40),
            wanted in 0usize..8,
        ) {
            let (t, hay) = long_tokens_and_text(&long, short, &hay);
            prop_assume!(hay.len() >= SPLIT2_FROM);
            agree_with_the_whole_walk(&t, &hay, wanted)?;
        }
    }

    /// Runs of a long token's letter across every cut: the pieces' walks cannot meet within
    /// [`SYNC`] bytes, and the hits asked about are still the whole walk's. (The text is 3,765
    /// bytes of runs of 250 `a`s, each closed by a `b`; the cuts, with no space to move to, fall
    /// after 188, 125 and 62 `a`s of a run. From there a piece's walk stands in fewer `a`s than
    /// the whole walk until both stand in the longest token's 150, 150 bytes on.)
    #[test]
    fn a_long_token_across_the_cuts() {
        let long = format!("{}b", "a".repeat(150));
        let t = Tokens::new(&[long.as_str(), "b", "ab"]).unwrap();
        let hay = format!("{}b", "a".repeat(250)).repeat(15);
        assert_eq!(cuts::<STREAMS>(hay.as_bytes()), [0, 941, 1882, 2823, 3765]);
        let every = every(&t, &hay);
        assert!(every.iter().any(|h| h.0 == 0));
        assert_eq!(asked(&t, &hay), every);
    }

    /// The same in a short text, cut in two with the short window: a run of 50 `a`s closed by
    /// a `b`, three times (153 bytes), cut after 25 `a`s of the second run (no space to move
    /// to). The first piece's walk stands in 25 `a`s of the long token there, the second's in
    /// none; they end the run in different states (the long token's and `ab`'s) and meet only
    /// after the `b` and the next `a`, 27 bytes on, past [`SHORT_SYNC`]: the first walk reads
    /// on to the end.
    #[test]
    fn a_long_token_across_a_short_texts_cut() {
        let long = format!("{}b", "a".repeat(40));
        let t = Tokens::new(&[long.as_str(), "b", "ab"]).unwrap();
        let hay = format!("{}b", "a".repeat(50)).repeat(3);
        assert_eq!(hay.len(), 153);
        assert_eq!(
            cuts_within::<2>(hay.as_bytes(), SHORT_REACH)[..=2],
            [0, 76, 153]
        );
        let every = every(&t, &hay);
        assert_eq!(every.iter().filter(|h| h.0 == 0).count(), 3);
        assert_eq!(asked(&t, &hay), every);
    }
}
