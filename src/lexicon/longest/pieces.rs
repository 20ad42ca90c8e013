//! A long text's leftmost-longest matches found in pieces walked side by side
//! ([`Longest::each_match_split`]): the same matches, in the same order, as
//! [`Longest::each_match`].
//!
//! Why: the search reads one cell of a table of several MB a byte (11.4 MB for the shipped
//! lexicons), and each read waits for the one
//! before it (the state read is the next read's address). On the trackback slice `perf` gave
//! `find_hits` ~20% of the cycles against ~8% of the instructions (cachegrind): the search waits
//! on memory. Four searches walked a byte each in turn overlap their waits.
//!
//! How the pieces stay exact: the text is cut in [`STREAMS`] pieces (two when it is shorter
//! than [`SPLIT_FROM`] bytes), each searched from the start state. A piece's search does not stop at its end: it goes on into the next piece until
//! it stands where the next piece's search stood (the same byte, both before a match, in the
//! same state); from there on the two searches are one, so the next piece's matches from that
//! moment on are the whole search's, and the ones before it are dropped. The next piece's
//! states over its first [`SYNC`] bytes are kept for the comparison. When the two do not meet
//! within those bytes (no such text in the tests or the slices, but it may be), the text is
//! searched whole instead.

use super::{Columns, Longest, Table, DEAD};

/// How many pieces are walked side by side, at most: [`STREAMS`] from [`SPLIT_FROM`] bytes on,
/// two from [`SPLIT2_FROM`].
pub(crate) const STREAMS: usize = 4;

/// The shortest text cut into [`STREAMS`] pieces: each piece is then longer than [`SYNC`]
/// bytes, as it is a quarter of the text at least less the 64 bytes a cut may move to follow a
/// space (200 - 64 = 136).
pub(crate) const SPLIT_FROM: usize = 800;

/// The shortest text cut into two pieces (half of it less 64 bytes is 136, past [`SYNC`]);
/// shorter ones are searched whole. Why not whole from 400 bytes to 1,024, as before: the
/// forum slice's posts are mostly of that length, and the prefilter's walk of them one byte
/// after another, each read of the table waiting for the one before, took 7.5% of its cycles
/// (`perf`, one thread), more than the four pieces' walk of all the longer posts.
pub(crate) const SPLIT2_FROM: usize = 400;

/// How far into the next piece a piece's search may go to meet that piece's search.
pub(crate) const SYNC: usize = 128;

/// No state: the piece's search never stood at that byte before a match.
pub(crate) const NONE: u32 = u32::MAX;

/// By piece, by byte from its start: the state the piece's search stood in there before a
/// match ([`NONE`] if it never did), and how many matches it had given.
type Seen<const N: usize> = [[(u32, u32); SYNC]; N];

/// A match found in a piece: its start, its end, its pattern, and the piece (the top 8 bits)
/// with the match's number in the piece (the low 24).
pub type PieceMatch = [u32; 4];

/// What takes the walk a byte on: the table by columns (split rows, `columns.rs`), or full
/// rows of 128 two-byte cells.
trait Step {
    fn step(&self, sid: usize, b: u8) -> usize;
}

impl Step for Columns {
    #[inline(always)]
    fn step(&self, sid: usize, b: u8) -> usize {
        Columns::step(self, sid, b)
    }
}

/// Full rows of two-byte cells, `1 << SHIFT` cells apart.
struct Rows<'a, const SHIFT: u32> {
    cells: &'a [u16],
    classes: &'a [u8; 256],
}

impl<const SHIFT: u32> Step for Rows<'_, SHIFT> {
    #[inline(always)]
    fn step(&self, sid: usize, b: u8) -> usize {
        let at = (sid << SHIFT) + usize::from(self.classes[usize::from(b)]);
        debug_assert!(at < self.cells.len());
        // SAFETY: as in `Longest::search`: the table's shift is `SHIFT` (checked by the
        // caller), and `sid << SHIFT` plus any class is inside the table (`check_cells` and
        // `Trie::breadth_first_in`, when the table was built; `sid` is the start state or read
        // from a cell).
        usize::from(*unsafe { self.cells.get_unchecked(at) })
    }
}

/// What the walk reads of the automaton.
struct Dfa<'a, S: Step> {
    table: &'a S,
    last_match: usize,
    start: usize,
    matches: &'a [u32],
    lens: &'a [u32],
}

impl<S: Step> Dfa<'_, S> {
    #[inline(always)]
    fn step(&self, sid: usize, b: u8) -> usize {
        self.table.step(sid, b)
    }
}

/// Each piece's search: its state, its next byte, whether it is past a match
/// (`Longest::search`'s second loop) with the last match state passed and where it ended, and
/// how many matches it gave.
struct Walk<const N: usize> {
    sid: [usize; N],
    at: [usize; N],
    longer: [bool; N],
    matched: [(usize, usize); N],
    count: [u32; N],
}

impl<const N: usize> Walk<N> {
    /// Piece `k`'s search reads byte `b` (the one at its `at`).
    #[inline(always)]
    fn advance<S: Step>(&mut self, k: usize, b: u8, dfa: &Dfa<S>, out: &mut Vec<PieceMatch>) {
        self.sid[k] = dfa.step(self.sid[k], b);
        self.at[k] += 1;
        if self.sid[k] <= dfa.last_match {
            self.event(k, dfa, out);
        }
    }

    /// Piece `k`'s search reached a state that reports a match, or the dead one: what the two
    /// loops of `Longest::search` do there (a dead search gives its match and starts again
    /// where it ended).
    #[inline(always)]
    fn event<S: Step>(&mut self, k: usize, dfa: &Dfa<S>, out: &mut Vec<PieceMatch>) {
        if !self.longer[k] {
            debug_assert_ne!(
                self.sid[k], DEAD as usize,
                "the dead state comes only after a match"
            );
            self.longer[k] = true;
            self.matched[k] = (self.sid[k], self.at[k]);
        } else if self.sid[k] == DEAD as usize {
            self.give(k, dfa, out);
        } else {
            self.matched[k] = (self.sid[k], self.at[k]);
        }
    }

    /// [`Walk::event`], not inlined: the side-by-side loop's rare way out.
    #[cold]
    #[inline(never)]
    fn event_out_of_line<S: Step>(&mut self, k: usize, dfa: &Dfa<S>, out: &mut Vec<PieceMatch>) {
        self.event(k, dfa, out);
    }

    /// Gives piece `k`'s match being extended and starts its search again where it ended.
    #[inline(always)]
    fn give<S: Step>(&mut self, k: usize, dfa: &Dfa<S>, out: &mut Vec<PieceMatch>) {
        let (m, end) = self.matched[k];
        let pattern = dfa.matches[m - 1];
        let start = end as u32 - dfa.lens[pattern as usize];
        out.push([start, end as u32, pattern, (k as u32) << 24 | self.count[k]]);
        self.count[k] += 1;
        self.longer[k] = false;
        self.at[k] = end;
        self.sid[k] = dfa.start;
    }
}

impl Longest {
    /// [`Longest::each_match`], the same matches in the same order, found in pieces walked side
    /// by side when the text is long (see the module's comment). `later` holds the matches
    /// until they are given (the caller keeps it between texts, so nothing is allocated once
    /// it has grown).
    #[inline]
    pub fn each_match_split(
        &self,
        hay: &str,
        later: &mut Vec<PieceMatch>,
        found: impl FnMut(usize, usize, usize),
    ) {
        if hay.len() < SPLIT2_FROM || hay.len() >= 1 << 24 {
            return self.each_match(hay, found);
        }
        match &self.table {
            Table::Columns(cols) => self.split_with(&**cols, hay, later, found),
            Table::Narrow(cells) if self.shift == 7 => {
                assert!(!self.split, "the shift in the code is the table's");
                let classes = &self.classes;
                self.split_with(&Rows::<7> { cells, classes }, hay, later, found)
            }
            _ => self.each_match(hay, found),
        }
    }

    /// [`Longest::each_match_split`] with the table `table`, the text long enough to be cut.
    #[inline(always)]
    fn split_with<S: Step>(
        &self,
        table: &S,
        hay: &str,
        later: &mut Vec<PieceMatch>,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        let dfa = Dfa {
            table,
            last_match: self.last_match as usize,
            start: self.start as usize,
            matches: &self.matches,
            lens: &self.lens,
        };
        let (text, hay) = (hay, hay.as_bytes());
        later.clear();
        let (drop, pieces) = if hay.len() >= SPLIT_FROM {
            (
                walk::<STREAMS, S>(&dfa, hay, &cuts::<STREAMS>(hay), later),
                STREAMS,
            )
        } else {
            (walk::<2, S>(&dfa, hay, &cuts::<2>(hay), later), 2)
        };
        let Some(drop) = drop else {
            return self.each_match(text, found);
        };
        // What is left is the whole search's matches, piece after piece and in each piece in
        // the order it gave them (module comment: a piece's matches end where it met the next
        // piece's search, whose matches from there on are the ones kept), so in text order.
        // (Kept and sorted by start, they cost a sort a text: 6.8 M instructions on the
        // trackback slice, where these passes, one a piece, cost ~1 M.)
        for (k, &drop) in drop.iter().enumerate().take(pieces) {
            for m in later
                .iter()
                .filter(|m| (m[3] >> 24) as usize == k && m[3] & 0xFF_FFFF >= drop)
            {
                found(m[0] as usize, m[1] as usize, m[2] as usize);
            }
        }
    }
}

/// `rounds` rounds of the walk, each piece's search reading a byte in each (every piece has
/// that many bytes left at least: a match given moves a search back, never on), and when
/// `seen` is given (over the first rounds) each piece's state before a match kept by byte
/// from its start, with how many matches it had given. The states and the places are kept in
/// locals (registers) and a search that reaches a state that reports is followed out of line
/// ([`Walk::event_out_of_line`]): kept in the `Walk`, they were stored and read again at every
/// byte (perf annotate), which lengthened each piece's wait on its reads by a store's.
#[inline(always)]
fn side_by_side<const N: usize, S: Step>(
    w: &mut Walk<N>,
    hay: &[u8],
    dfa: &Dfa<S>,
    out: &mut Vec<PieceMatch>,
    rounds: usize,
    mut seen: Option<(&[usize; STREAMS + 1], &mut Seen<N>)>,
) {
    let (mut sid, mut at) = (w.sid, w.at);
    let last_match = dfa.last_match;
    for _ in 0..rounds {
        for k in 0..N {
            debug_assert!(at[k] < hay.len());
            // SAFETY: `at[k]` is below the piece's end, and so the text's: `rounds` bytes are
            // left in each piece (the callers' bound).
            let b = *unsafe { hay.get_unchecked(at[k]) };
            sid[k] = dfa.step(sid[k], b);
            at[k] += 1;
            if sid[k] <= last_match {
                (w.sid, w.at) = (sid, at);
                w.event_out_of_line(k, dfa, out);
                (sid, at) = (w.sid, w.at);
            }
            if let Some((cuts, seen)) = seen.as_mut() {
                let j = at[k] - cuts[k];
                if !w.longer[k] && j < SYNC {
                    seen[k][j] = (sid[k] as u32, w.count[k]);
                }
            }
        }
    }
    (w.sid, w.at) = (sid, at);
}

/// Where `N` pieces start (`N` at most [`STREAMS`]): near each `N`th of `hay` (its length at
/// least [`SPLIT_FROM`] for four pieces, [`SPLIT2_FROM`] for two), after the first space within
/// 64 bytes when there is one (a search after a space is most often at or near the start state,
/// so the searches meet sooner), and `hay`'s end last (`cuts[N]`, and every place after it).
/// The prefilter's walks (`prefilter/tokens/pieces.rs`) cut texts here too.
pub(crate) fn cuts<const N: usize>(hay: &[u8]) -> [usize; STREAMS + 1] {
    cuts_within::<N>(hay, 64)
}

/// [`cuts`], a cut moving at most `reach` bytes to follow a space (`hay` long enough that
/// each `N`th of it has `reach` bytes after it). The prefilter's short texts are cut with a
/// shorter reach (`prefilter/tokens/pieces.rs`).
#[inline]
pub(crate) fn cuts_within<const N: usize>(hay: &[u8], reach: usize) -> [usize; STREAMS + 1] {
    assert!(N <= STREAMS);
    let mut cuts = [hay.len(); STREAMS + 1];
    cuts[0] = 0;
    for (k, cut) in cuts.iter_mut().enumerate().take(N).skip(1) {
        let at = hay.len() * k / N;
        *cut = hay[at..at + reach]
            .iter()
            .position(|&b| b == b' ')
            .map_or(at, |s| at + s + 1);
    }
    cuts
}

/// Searches each piece `cuts[k]..cuts[k + 1]` (`k` below `N`) of `hay` from the start state, pushing each
/// match to `out`: all pieces a byte each in turn while all have bytes left (the states of
/// their first [`SYNC`] bytes kept); then each to its end alone,
/// and on into the next piece until the two searches meet. Returns how many of each piece's
/// first matches are not the whole search's (found before the searches met); `None` when a
/// piece's search did not meet the next one's within [`SYNC`] bytes.
fn walk<const N: usize, S: Step>(
    dfa: &Dfa<S>,
    hay: &[u8],
    cuts: &[usize; STREAMS + 1],
    out: &mut Vec<PieceMatch>,
) -> Option<[u32; STREAMS]> {
    assert!(N <= STREAMS && cuts[0] == 0 && cuts[N] == hay.len() && hay.len() < 1 << 24);
    assert!(cuts[..=N].windows(2).all(|w| w[0] + SYNC < w[1]));
    let mut w = Walk::<N> {
        sid: [dfa.start; N],
        at: std::array::from_fn(|k| cuts[k]),
        longer: [false; N],
        matched: [(0, 0); N],
        count: [0; N],
    };
    // By piece, by byte from its start: the state its search stood in there before a match,
    // and how many matches it had given (the first piece's are not read). Kept over the first
    // rounds, all pieces a byte each in turn.
    let mut seen: Seen<N> = [[(NONE, 0); SYNC]; N];
    for seen in &mut seen {
        seen[0] = (dfa.start as u32, 0);
    }
    side_by_side(&mut w, hay, dfa, out, SYNC - 1, Some((cuts, &mut seen)));
    loop {
        // Every piece has this many bytes left at least (a match given moves its search back,
        // never on).
        let rounds = (0..N).map(|k| cuts[k + 1] - w.at[k]).min().unwrap_or(0);
        if rounds == 0 {
            break;
        }
        side_by_side(&mut w, hay, dfa, out, rounds, None);
    }
    let mut drop = [0; STREAMS];
    for k in 0..N - 1 {
        let next = cuts[k + 1];
        loop {
            if !w.longer[k] && w.at[k] >= next {
                let j = w.at[k] - next;
                let (sid, given) = *seen[k + 1].get(j)?;
                if sid as usize == w.sid[k] {
                    drop[k + 1] = given;
                    break;
                }
            }
            let b = *hay.get(w.at[k])?;
            w.advance(k, b, dfa, out);
        }
    }
    // The last piece to the text's end, as `Longest::search` ends.
    let k = N - 1;
    loop {
        match hay.get(w.at[k]) {
            Some(&b) => w.advance(k, b, dfa, out),
            None if w.longer[k] => w.give(k, dfa, out),
            None => break,
        }
    }
    Some(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn whole(dfa: &Longest, hay: &str) -> Vec<(usize, usize, usize)> {
        let mut v = vec![];
        dfa.each_match(hay, |s, e, p| v.push((s, e, p)));
        v
    }

    fn split(dfa: &Longest, hay: &str) -> Vec<(usize, usize, usize)> {
        let (mut v, mut later) = (vec![], vec![]);
        dfa.each_match_split(hay, &mut later, |s, e, p| v.push((s, e, p)));
        v
    }

    /// The shipped lexicon's automaton.
    fn shipped() -> &'static Longest {
        static SHIPPED: std::sync::OnceLock<Longest> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            let lex = crate::lexicon::Lexicon::builtin();
            Longest::new(lex.entries.iter().map(|e| e.pattern.as_bytes()))
        })
    }

    /// A long text of the shipped lexicon's patterns, whole and cut, glued with spaces or not:
    /// the pieces' searches meet (the matches are given from the pieces, not searched again)
    /// and find what the whole search finds.
    #[test]
    fn the_pieces_find_what_the_whole_search_finds_in_lexicon_text() {
        let dfa = shipped();
        let lex = crate::lexicon::Lexicon::builtin();
        let pats: Vec<&str> = lex.entries.iter().map(|e| e.pattern.as_str()).collect();
        for (step, glue) in [(3, " "), (5, ""), (7, " x"), (11, "다 ")] {
            let text: String = pats
                .iter()
                .step_by(step)
                .map(|p| format!("{p}{glue}"))
                .collect();
            let hay = text.as_bytes();
            assert!(hay.len() > 4 * SPLIT_FROM);
            let mut later = vec![];
            let d = Dfa {
                table: match &dfa.table {
                    Table::Columns(c) => &**c,
                    _ => panic!("the shipped lexicon's table is by columns"),
                },
                last_match: dfa.last_match as usize,
                start: dfa.start as usize,
                matches: &dfa.matches,
                lens: &dfa.lens,
            };
            assert!(
                walk::<STREAMS, _>(&d, hay, &cuts::<STREAMS>(hay), &mut later).is_some(),
                "{step} {glue:?}"
            );
            // Two pieces, on texts of 400 to 800 bytes (cut from the same text at a space).
            for from in [0, hay.len() / 3, hay.len() * 2 / 3] {
                let end = from + SPLIT2_FROM + (from + 3 * step) % (SPLIT_FROM - SPLIT2_FROM);
                let (from, end) = (boundary(&text, from), boundary(&text, end));
                let short = &text[from..end];
                let ends = short.rfind(' ').unwrap_or(short.len());
                let short = &short[..boundary(short, ends.max(SPLIT2_FROM))];
                later.clear();
                let bytes = short.as_bytes();
                assert!(
                    walk::<2, _>(&d, bytes, &cuts::<2>(bytes), &mut later).is_some(),
                    "{step} {glue:?} {from}"
                );
                assert_eq!(
                    split(dfa, short),
                    whole(dfa, short),
                    "{step} {glue:?} {from}"
                );
            }
            let want = whole(dfa, &text);
            assert!(want.len() > 400, "{step} {glue:?}: {}", want.len());
            assert_eq!(split(dfa, &text), want, "{step} {glue:?}");
        }
    }

    /// The first character boundary of `text` at or after `i`.
    fn boundary(text: &str, mut i: usize) -> usize {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Random long texts of the shipped lexicon's words, pieces of them and other bytes:
        /// the same matches as the whole search.
        #[test]
        fn the_pieces_find_what_the_whole_search_finds(
            words in prop::collection::vec(
                prop_oneof![
                    (0usize..20_000).prop_map(Some),
                    Just(None),
                ],
                100..600),
            cut in 0usize..6,
            glue in prop::sample::select(vec!["", " ", "  ", ".", "ㅋ", "!! ", "a"]),
        ) {
            let dfa = shipped();
            let lex = crate::lexicon::Lexicon::builtin();
            let n = lex.entries.len();
            let mut hay = String::new();
            for w in words {
                match w {
                    Some(i) => {
                        // (cut short by up to two characters)
                        let p = lex.entries[i % n].pattern.as_str();
                        let keep = p.char_indices().rev().nth(cut % 3).map_or(0, |(at, _)| at);
                        hay.push_str(&p[..if cut % 3 == 0 { p.len() } else { keep }]);
                    }
                    None => hay.push_str("안 되 down 다시"),
                }
                hay.push_str(glue);
            }
            prop_assert_eq!(split(dfa, &hay), whole(dfa, &hay));
        }

        /// Small random lexicons and texts over a few letters (the pieces' searches often do
        /// not meet and the text is searched whole; when they do, the matches are the same).
        #[test]
        fn the_pieces_agree_on_small_lexicons(
            pats in prop::collection::vec("[abc가]{1,5}", 1..12),
            hay in "[abcd가 ]{300,2048}",
        ) {
            let dfa = Longest::new(pats.iter().map(|p| p.as_bytes()));
            prop_assert_eq!(split(&dfa, &hay), whole(&dfa, &hay));
        }

        /// Texts with no space, so that the pieces are cut inside characters of one, two,
        /// three and four bytes: the pieces of split rows find what the whole search of full
        /// rows finds (and, where the pieces meet, from the pieces).
        #[test]
        fn split_rows_in_pieces_cut_inside_characters_agree_with_full_rows(
            pats in prop::collection::vec("[a가각나ㅋé😀]{1,4}", 1..12),
            hay in "[ab가각나ㅋé😀]{150,1200}",
        ) {
            let bytes: Vec<&[u8]> = pats.iter().map(|p| p.as_bytes()).collect();
            let (fast, plain) = (Longest::new(bytes.iter().copied()), Longest::plain_rows(&bytes));
            prop_assert!(fast.split && !plain.split);
            prop_assert_eq!(split(&fast, &hay), whole(&plain, &hay));
        }
    }
}
