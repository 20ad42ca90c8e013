//! The prefilter's automaton: every match of every token in a text, overlapping ones too, ASCII
//! letters in either case (what aho-corasick's DFA gives with `MatchKind::Standard`, an
//! overlapping search and `ascii_case_insensitive`; tests hold the two to the same matches in
//! the same order).
//!
//! Why not the crate's DFA: it took ~34 M instructions to build on every run (for each missing
//! transition it walks the failure links again), a fifth of a run's fixed cost. This one is
//! built the way `longest.rs` builds the full matcher's, from the same trie and by the same
//! builder (`Trie::breadth_first`): each state's row, in breadth-first order, is its failure
//! state's row (already finished) with its own children written over it. A state reports the
//! patterns that end there, then those its failure state reports (the crate's order); the states
//! that report any are numbered first, so the search tells them by one comparison per byte.
//!
//! The rows are split as the full matcher's are where the tokens allow it (`longest.rs`,
//! "Split rows"; the shipped tokens' table 600 KB -> 300 KB, under the second-level cache of
//! 512 KB): the walks then read only UTF-8 text, so they take `&str`. Split rows are then laid
//! out by columns, as the full matcher's are (`longest/columns.rs`: a step reads
//! `*column[byte].add(state)`, no shift and add between one read and the next): `walk_pieces`
//! 59.6 M -> 46.2 M instructions on the trackback slice, and the whole run 633.9 M -> 618.4 M
//! (forum 671.7 -> 651.6, blog 590.4 -> 574.4; the table, ~300 KB, is transposed in ~0.2 M).
//!
//! A syllable token's hit may be asked a first question before it is reported ([`Beside`],
//! [`Tokens::set_first_questions`]): is a syllable beside it another than its contexts ask
//! for? On the trackback slice that ruled out 73,000 of the 101,000 hits the prefilter asked
//! about, each of which took a chain of reads likely to miss the cache.

use super::super::longest::columns::Columns;
use super::super::longest::{byte_classes, split_classes, Rows, Trie, SPLIT_SHIFT, SPLIT_STRIDE};
use crate::time::parse::{syllable_at, three_byte_char};

mod pieces;

/// The largest table built, in bytes (two-byte cells, a row a state): the shipped lexicons'
/// is far below; a user's lexicon of 200,000 names would need hundreds of MB (a review), so
/// past this there is no table and the prefilter lets every post through (the full matcher,
/// `longest.rs`, has the same budget).
const TABLE_BUDGET: usize = 16 << 20;

/// The compiled tokens.
pub(crate) struct Tokens {
    /// The class of each byte (an ASCII capital has its small letter's).
    classes: [u8; 256],
    /// A state's row starts at `state << shift`.
    shift: u32,
    /// Whether the rows are split (`longest.rs`, "Split rows"): rows 64 cells apart, and a
    /// class up to 127.
    split: bool,
    /// The transitions, `table[(state << shift) | class]`, each the next state's number in two
    /// bytes (the shipped lexicons' table, 2,344 states of 128 cells, takes 600 KB so; it took
    /// 1.2 MB when each cell held its row's start in four); states `0..reporting` report
    /// patterns, the others none.
    table: Vec<u16>,
    /// With split rows, the table laid out by columns (`longest/columns.rs`; `table` is then
    /// empty): the walks read it.
    columns: Option<Columns>,
    reporting: u32,
    /// The start state's number.
    start: u32,
    /// The patterns state `s` reports are `patterns[first[s]..first[s + 1]]`.
    first: Vec<u32>,
    patterns: Vec<u32>,
    /// The length of each pattern, in bytes.
    lens: Vec<u32>,
    /// By reporting state, the range of `beside` that its hit is first asked about before it
    /// is reported ([`Tokens::set_first_questions`]; empty: none).
    first_questions: Vec<(u32, u32)>,
    /// What the first questions ask, packed as [`Beside::packed`] says.
    beside: Vec<u64>,
}

/// The syllables one context of a syllable token asks for right beside it (`prefilter.rs`,
/// `Context`): the first after it and the first before it (`None`: nothing asked on that side).
/// A hit with another syllable there fits no such context (`Context::fits` says no:
/// normalisation keeps that syllable beside the token; `could_follow` and `could_precede`):
/// after the token, past ASCII white space, which it removes between Hangul; before it, only
/// right before it (a syllable past white space may end a link, which normalisation removes
/// whole, Hangul included: "카 http://가 톡" reads 카톡; review 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Beside {
    pub(crate) after: Option<char>,
    pub(crate) before: Option<char>,
}

impl Beside {
    /// `after` in the low 32 bits and `before` in the high ones, 0 for none (no syllable is
    /// the character 0).
    pub(crate) fn packed(self) -> u64 {
        let code = |c: Option<char>| c.map_or(0, u64::from);
        code(self.after) | (code(self.before) << 32)
    }

    /// Whether every one of `asked` ([`Beside::packed`]) rules out the hit of a syllable token
    /// that ends at `end` of `hay` (UTF-8): the syllable after the token, past ASCII white space
    /// (which `char::is_whitespace` holds too), or the one right before it, is another than the
    /// one asked for.
    /// A syllable is told from its three bytes (`syllable_at`).
    #[inline]
    pub(crate) fn rule_out(asked: &[u64], hay: &[u8], end: usize) -> bool {
        #[inline(always)]
        fn syllable(b: &[u8], at: usize) -> u32 {
            if syllable_at(b, at) {
                three_byte_char(b, at)
            } else {
                0
            }
        }
        let space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
        let mut at = end;
        while hay.get(at).is_some_and(|&b| space(b)) {
            at += 1;
        }
        let next = syllable(hay, at);
        // The syllable before, read only when a context asks for one and the one after did
        // not rule it out. (The token is a syllable, three bytes; what comes before it ends on
        // a character's bound, and so does what white space comes before that.)
        let mut last = None;
        let mut last = || {
            *last.get_or_insert_with(|| {
                // Only a syllable right before the token: one past white space may end a link
                // that normalisation removes whole, and then another comes before the token
                // (review 24: "카 http://가 톡" reads 카톡).
                let at = end - 3;
                if at >= 3 {
                    syllable(hay, at - 3)
                } else {
                    0
                }
            })
        };
        let other = |seen: u32, want: u32| seen != 0 && want != 0 && seen != want;
        asked
            .iter()
            .all(|&q| other(next, q as u32) || ((q >> 32) != 0 && other(last(), (q >> 32) as u32)))
    }
}

impl Tokens {
    /// Compiles `tokens` (none may be empty); a token's number is its place in the list.
    /// `None` when the table would pass [`TABLE_BUDGET`] or the automaton has more states than
    /// two bytes number (a user's lexicon of tens of thousands of names): the prefilter then
    /// lets every post through, as it did when the crate's automaton failed to build.
    pub(crate) fn new(tokens: &[&str]) -> Option<Tokens> {
        debug_assert!(tokens.iter().all(|t| !t.is_empty()), "an empty token");
        let folded: Vec<Vec<u8>> = tokens
            .iter()
            .map(|t| t.as_bytes().to_ascii_lowercase())
            .collect();
        let pats: Vec<&[u8]> = folded.iter().map(Vec::as_slice).collect();
        let (split, mut classes, shift) = match split_classes(&pats) {
            Some(classes) => (true, classes, SPLIT_SHIFT),
            None => {
                let (classes, count) = byte_classes(&pats);
                (false, classes, count.next_power_of_two().trailing_zeros())
            }
        };
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let trie = Trie::new(&pats, &classes);
        // (split rows: one more block, the start state's second)
        let rows = trie.ends.len() + usize::from(split);
        let cells = rows.saturating_mul(1 << shift);
        if cells.saturating_mul(std::mem::size_of::<u16>()) > TABLE_BUDGET || rows > 1 << 16 {
            return None;
        }
        let inside = if split {
            Some(trie.inside_characters()?)
        } else {
            None
        };
        let mut t = Tokens {
            classes,
            shift,
            split,
            table: vec![],
            columns: None,
            reporting: 0,
            start: 0,
            first: vec![0],
            patterns: vec![],
            lens: pats.iter().map(|p| p.len() as u32).collect(),
            first_questions: vec![],
            beside: vec![],
        };
        t.compile(&trie, inside.as_deref(), rows);
        t.check_cells();
        if split {
            t.columns = Some(Columns::of_split_rows(&t.table, &t.classes, t.start));
            t.table = vec![];
        }
        Some(t)
    }

    /// Sets the first question asked of a hit of each pattern that has one: what each of the
    /// pattern's contexts asks beside it (`questions[p]`; empty or missing: no question; the
    /// pattern must then be one syllable, three bytes). [`Tokens::any_hit`] does not report a
    /// hit that every one of them rules out ([`Beside::rule_out`]). Asked by state, for the
    /// states that report one pattern only, from two small tables: a hit's pattern and its
    /// contexts were three reads and more away from the state (`first`, `patterns` and the
    /// caller's own tables), each likely a miss of the cache on long texts, where the full
    /// matcher's table was read last.
    pub(crate) fn set_first_questions(&mut self, questions: &[Vec<Beside>]) {
        self.beside.clear();
        self.first_questions = (0..self.reporting as usize)
            .map(|s| {
                let (a, z) = (self.first[s] as usize, self.first[s + 1] as usize);
                let from = self.beside.len() as u32;
                if let [p] = self.patterns[a..z] {
                    let asked = questions.get(p as usize).map_or(&[][..], Vec::as_slice);
                    if !asked.is_empty() {
                        assert_eq!(self.lens[p as usize], 3, "a question of a syllable");
                        self.beside.extend(asked.iter().map(|q| q.packed()));
                    }
                }
                (from, self.beside.len() as u32)
            })
            .collect();
    }

    /// What makes [`Tokens::walk`]'s unchecked reads of the table sound, with what
    /// [`Trie::breadth_first`] checks as it writes the cells (each names a row): the start
    /// state names a row and every class is below
    /// the row's length, so `state << shift | class` is inside the table for any state the
    /// walk can be in (it starts at the start state and only moves to states read from cells).
    fn check_cells(&self) {
        let stride = 1usize << self.shift;
        let span = if self.split { 2 * stride } else { stride };
        assert!(self.start as usize * stride + span <= self.table.len());
        assert!(self.classes.iter().all(|&c| usize::from(c) < span));
    }

    /// The table (module comment), made by the trie's breadth-first builder, which the full
    /// matcher's is made by too; `rows` of it. With split rows (`inside` says which states
    /// stand inside a character), as `Trie::compile_split` lays them out (for the columns,
    /// `longest/columns.rs`): the states at a character's end below the start state, those that
    /// report from 0 up and the others from the start state down (they meet), the start state's
    /// two blocks, then the states inside a character (none reports), each numbered by the
    /// block before its own, from the start state up.
    fn compile(&mut self, trie: &Trie, inside: Option<&[bool]>, rows: usize) {
        let n = trie.ends.len();
        let stride = 1usize << self.shift;
        self.table = vec![0; rows * stride];
        // The patterns each state of the trie ends (duplicates after the first).
        let mut own: Vec<Vec<u32>> = vec![vec![]; n];
        for (s, &e) in trie.ends.iter().enumerate().filter(|(_, &e)| e != 0) {
            own[s].push(e - 1);
        }
        for &(s, p) in &trie.also {
            own[s as usize].push(p);
        }
        // A state reports its own patterns, then its failure state's; the states that report
        // are numbered from 0 up as they are found, the others from the top down.
        let mut reports: Vec<Vec<u32>> = vec![];
        let insides = inside.map_or(0, |i| i.iter().filter(|&&i| i).count());
        let root = (n - 1 - insides) as u32;
        let (mut top, mut next_inside) = (root, root);
        let place = |child: usize, suffix: u32| {
            let mut list = std::mem::take(&mut own[child]);
            if let Some(inherited) = reports.get(suffix as usize) {
                list.extend_from_slice(inherited);
            }
            let within = inside.is_some_and(|inside| inside[child]);
            let number = if !list.is_empty() {
                // (a token ends at a character's end, and so does what a state reports)
                assert!(!within, "a hit inside a character");
                reports.push(list);
                reports.len() as u32 - 1
            } else if within {
                next_inside += 1;
                next_inside
            } else {
                top -= 1;
                top
            };
            (number, suffix)
        };
        match inside {
            Some(inside) => {
                let half = |s: usize| if inside[s] { SPLIT_STRIDE } else { 0 };
                trie.breadth_first_in(&mut self.table[..], Rows::SPLIT, root, half, place);
            }
            None => trie.breadth_first(&mut self.table[..], stride, root, place),
        }
        debug_assert_eq!(top as usize, reports.len());
        debug_assert_eq!(
            next_inside as usize + usize::from(inside.is_some()),
            rows - 1
        );
        self.start = root;
        self.reporting = reports.len() as u32;
        for list in reports {
            self.patterns.extend_from_slice(&list);
            self.first.push(self.patterns.len() as u32);
        }
    }

    /// Calls `hit(pattern, start, end)` for every match in `hay`, overlapping ones too, by where
    /// they end, until it returns true; whether one did. The state stays in a register.
    #[inline]
    pub(crate) fn each_hit(
        &self,
        hay: &str,
        mut hit: impl FnMut(usize, usize, usize) -> bool,
    ) -> bool {
        let hay = hay.as_bytes();
        let (mut sid, mut end) = (self.start, 0);
        while let Some((at, reporting)) = self.walk(hay, end, sid) {
            (sid, end) = (reporting, at);
            let s = sid as usize;
            let (a, z) = (self.first[s], self.first[s + 1]);
            for &p in &self.patterns[a as usize..z as usize] {
                if hit(p as usize, end - self.lens[p as usize] as usize, end) {
                    return true;
                }
            }
        }
        false
    }

    /// Walks `hay` from byte `from` in state `sid` up to the first state that
    /// reports: where it is entered (the end of the byte that led there) and the state; `None`
    /// when the text ends first. A function of its own, not inlined into the classifier (where
    /// `each_hit` is): there, with much else live, the table, its length and the bound were
    /// read from the stack at every byte (14 instructions a byte; here they stay in registers).
    ///
    /// Sixteen bytes a round while sixteen are left: one test of the text's end for them, where
    /// a byte at a time tested it at every byte (10 instructions a byte, about 6.5 with rounds
    /// of eight; sixteen took the walk from 35.4 M to 34.3 M on the trackback slice); and the
    /// table is read without a test of its bounds (2 instructions a byte more), which
    /// [`Tokens::check_cells`] made sure of when it was built.
    ///
    /// `sid` must be the start state or a state this walk returned.
    #[inline(never)]
    fn walk(&self, hay: &[u8], from: usize, sid: u32) -> Option<(usize, u32)> {
        match &self.columns {
            Some(cols) => self.walk_with(hay, from, sid, |s, b| cols.step(s as usize, b) as u32),
            None => self.walk_with(hay, from, sid, self.rows_step()),
        }
    }

    /// A step of the walks through the table's rows (without columns).
    #[inline(always)]
    fn rows_step(&self) -> impl Fn(u32, u8) -> u32 + Copy + '_ {
        let (classes, table, shift) = (&self.classes, &self.table[..], self.shift);
        move |sid: u32, b: u8| {
            let at = ((sid as usize) << shift) + usize::from(classes[usize::from(b)]);
            debug_assert!(at < table.len());
            // SAFETY: `sid << shift` plus any class is inside the table (`check_cells` and
            // `Trie::breadth_first_in`, at build; `sid` is the start state or read from a
            // cell), which is not changed after the build.
            u32::from(unsafe { *table.get_unchecked(at) })
        }
    }

    /// [`Tokens::walk`] with `step` taking the automaton a byte on.
    #[inline(always)]
    fn walk_with(
        &self,
        hay: &[u8],
        from: usize,
        mut sid: u32,
        step: impl Fn(u32, u8) -> u32,
    ) -> Option<(usize, u32)> {
        let reporting = self.reporting;
        let mut i = from;
        // Sixteen bytes a round, the text's end tested once for them (a chunk of four, found
        // with `hay.get(i..)`, took eight instructions a round to test and step over; rounds
        // of eight took four).
        let mut blocks = hay.get(from..).unwrap_or_default().chunks_exact(16);
        for block in blocks.by_ref() {
            for (k, &b) in block.iter().enumerate() {
                sid = step(sid, b);
                if sid < reporting {
                    return Some((i + k + 1, sid));
                }
            }
            i += 16;
        }
        for &b in blocks.remainder() {
            sid = step(sid, b);
            i += 1;
            if sid < reporting {
                return Some((i, sid));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::dfa::DFA;
    use aho_corasick::{Input, MatchKind, StartKind};
    use proptest::prelude::*;

    fn ours(pats: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let mut v = vec![];
        Tokens::new(pats).unwrap().each_hit(hay, |p, s, e| {
            v.push((p, s, e));
            false
        });
        v
    }

    fn crates(pats: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let dfa = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .build(pats)
            .unwrap();
        let mut state = aho_corasick::automaton::OverlappingState::start();
        let mut v = vec![];
        loop {
            dfa.try_find_overlapping(&Input::new(hay), &mut state)
                .unwrap();
            match state.get_match() {
                Some(m) => v.push((m.pattern().as_usize(), m.start(), m.end())),
                None => return v,
            }
        }
    }

    /// A lexicon whose table would pass the budget builds none (every post a candidate) rather
    /// than hundreds of MB; the shipped-size sets build one.
    #[test]
    fn a_table_past_the_budget_is_not_built() {
        let many: Vec<String> = (0..60_000u32)
            .map(|k| format!("{:08x}z", k.wrapping_mul(2_654_435_761)))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(Tokens::new(&many).is_none());
        assert!(Tokens::new(&many[..200]).is_some());
    }

    /// A lexicon with more states than two bytes number builds no table, even where the table
    /// would be within the budget (rows of 32 cells: 12,000 tokens of ten letters, ~90,000
    /// states, 5.8 MB); with fewer it builds one.
    #[test]
    fn more_states_than_two_bytes_number_build_no_table() {
        let mut x = 7u64;
        let many: Vec<String> = (0..12_000)
            .map(|_| {
                (0..10)
                    .map(|_| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                        char::from(b'a' + (x >> 59) as u8 % 26)
                    })
                    .collect()
            })
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(Tokens::new(&many).is_none());
        let t = Tokens::new(&many[..5_000]).expect("~40,000 states: a table");
        assert!(t.each_hit(&format!("x{}y", many[4_999]), |p, s, e| {
            p == 4_999 && (s, e) == (1, 11)
        }));
    }

    #[test]
    fn finds_every_hit_in_either_case_and_stops_when_asked() {
        let pats = ["ab", "b", "AB", "요", "b"];
        assert_eq!(ours(&pats, "xAb요"), crates(&pats, "xAb요"));
        assert_eq!(ours(&pats, "xAb요").len(), 5);
        let mut seen = 0;
        let t = Tokens::new(&pats).unwrap();
        assert!(t.each_hit("abab", |_, _, _| {
            seen += 1;
            seen == 2
        }));
        assert_eq!(seen, 2);
        assert!(!t.each_hit("xyz", |_, _, _| true));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_crates_dfa(
            pats in prop::collection::vec("[abcAB가나]{1,4}", 1..12),
            hay in "[abcdABC가나 ]{0,40}",
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            prop_assert_eq!(ours(&pats, &hay), crates(&pats, &hay));
        }

        /// Split rows (the fast layout) and, with tokens that start with more than 63 bytes,
        /// full rows (the plain one) find the crate's hits, on characters of one to four bytes.
        #[test]
        fn split_rows_and_full_rows_agree_with_the_crates_dfa(
            pats in prop::collection::vec("[aBé가ㅋ😀]{1,4}", 1..12),
            hay in "[abAé가ㅋ😀Ā0 ]{0,60}",
            plain in any::<bool>(),
        ) {
            let mut pats = pats;
            if plain {
                // 70 bytes that start a character: `!`..`~` less the letters, and the lead
                // bytes of two-byte characters from U+0100.
                pats.extend((b'!'..=b'~').filter(|b| !b.is_ascii_alphabetic()).map(|b| format!("{}z", char::from(b))));
                pats.extend((0..28).map(|k| char::from_u32(0x100 + 64 * k).unwrap().to_string()));
            }
            let refs: Vec<&str> = pats.iter().map(String::as_str).collect();
            prop_assert_eq!(Tokens::new(&refs).unwrap().split, !plain);
            prop_assert_eq!(ours(&refs, &hay), crates(&refs, &hay));
        }
    }
}
