//! The full matcher's automaton: a deterministic automaton over the lexicon's literal patterns
//! that gives their leftmost-longest matches, the ones that do not overlap, in text order (what
//! aho-corasick's `find_iter` gives with `MatchKind::LeftmostLongest`; tests hold the two to the
//! same matches).
//!
//! Why not the crate's own automata: its contiguous NFA follows failure links at search time
//! (the search was an eighth of the blog slice's instructions), and its DFA, built from the
//! same patterns, took ~460 M instructions and ~26 MiB on every run, as it resolves each
//! missing transition by walking the failure links again. Here a state's row is finished in
//! breadth-first order, so a missing transition is copied from the row of the state's failure
//! state, already finished: the build costs about one step per cell of the table.
//!
//! Leftmost-longest, as the crate builds it: a state that ends a pattern fails to the dead
//! state, and so does every state after it in the trie (a later start cannot be leftmost any
//! more); any other state fails as in the textbook automaton and reports the match of its
//! failure state, if any (the longest suffix that is a pattern). A search runs from the start
//! state until the dead state; the last match passed is the longest of the leftmost start.
//!
//! # Split rows
//!
//! A row of the shipped lexicons' table has a cell for each of ~120 bytes (ASCII, the lead
//! bytes of UTF-8 characters, and their 64 continuation bytes): 128 two-byte cells, 11.4 MB for
//! 44,379 states, of which a third of the walk's reads missed the first-level cache. But in
//! UTF-8 text a state never needs all of its row: a state whose pattern prefix ends inside a
//! character (after a lead byte) reads only continuation bytes, and one that ends at a
//! character's end reads only the bytes that start one (patterns are UTF-8, and a pattern
//! prefix ending where the text is read ends where a character of the text does). So where
//! the patterns are UTF-8 and use at most 63 bytes that start a character, the table is built
//! with split rows ([`Longest::split_rows`]): the bytes that start a character have classes
//! 1 to 63 (0 for those no pattern has), the continuation bytes 64 to 127, and rows start 64
//! cells apart. A state that ends at a character's end owns the 64 cells from its row's start,
//! one inside a character the 64 after them; the start state (read at either place: a piece of
//! a text may be cut inside a character) owns all 128. Half the memory (5.7 MB), and the half a
//! state reads lies in two cache lines. The search is the same code, the table then laid out by
//! columns (`columns.rs`: a cell per state in a column per class, the same 5.9 MB); it is
//! right only on UTF-8 text, so the searches take `&str`. Patterns that are not UTF-8 or use
//! more bytes get the rows above ([`Longest::plain_rows`]); tests hold the two to the same
//! matches.

pub(super) mod columns;
mod huge;
pub(crate) mod pieces;

use columns::Columns;
use huge::Cells;

/// The compiled patterns.
pub struct Longest {
    /// The class of each byte: 0 for every byte no pattern has, 1.. for the others.
    classes: [u8; 256],
    /// A state's row starts at `state << shift` (rows are a power of two cells long, at least
    /// the number of classes, or half that with split rows).
    shift: u32,
    /// Whether the rows are split (module comment, "Split rows").
    split: bool,
    /// The transitions, `table[(state << shift) | class]`. The dead state is 0; the states that
    /// report a match come next (1 to `last_match`).
    table: Table,
    /// The pattern each match state reports, by state less one.
    matches: Vec<u32>,
    last_match: u32,
    start: u32,
    /// The length of each pattern, in bytes.
    lens: Vec<u32>,
}

/// The transition table: states in two bytes when there are at most 65,536 of them (the
/// shipped lexicons have ~24,000: half the memory), else in four; or, when the table would pass
/// [`TABLE_BUDGET`], no table but aho-corasick's contiguous NFA over the same patterns. Split
/// rows are laid out by columns (`columns.rs`).
enum Table {
    /// (boxed: a column's address for each byte, 2 KB)
    Columns(Box<Columns>),
    Narrow(Cells),
    Wide(Vec<u32>),
    Nfa(aho_corasick::AhoCorasick),
}

/// The most memory a transition table may take. The shipped lexicons need 6.2 MB; a table costs
/// a full row (128 cells for Korean and English text) a state, so a user's lexicon of 20,000
/// long entries would need ~100 MB and one of 200,000 ~900 MB. Past the budget the crate's
/// contiguous NFA is searched instead (about 10–15 bytes a state, slower: it follows failure
/// links while it searches), so memory stays near the lexicon's own size.
const TABLE_BUDGET: usize = 16 << 20;

/// A cell of a transition table: a state's number.
pub(super) trait Cell: Copy + Default {
    fn new(state: u32) -> Self;
    fn state(self) -> u32;
}

impl Cell for u16 {
    fn new(state: u32) -> Self {
        state as u16
    }
    #[inline(always)]
    fn state(self) -> u32 {
        u32::from(self)
    }
}

impl Cell for u32 {
    fn new(state: u32) -> Self {
        state
    }
    #[inline(always)]
    fn state(self) -> u32 {
        self
    }
}

/// The dead state: every transition out of it leads back to it.
const DEAD: u32 = 0;

impl Longest {
    /// Compiles `patterns` (none may be empty); a pattern's number is its place in the list.
    /// When two are the same, the first is reported. Split rows where the patterns allow them
    /// (module comment), else full rows.
    pub fn new<'p>(patterns: impl IntoIterator<Item = &'p [u8]>) -> Longest {
        let patterns: Vec<&[u8]> = patterns.into_iter().collect();
        let classes = split_classes(&patterns);
        Longest::split_rows(&patterns, classes).unwrap_or_else(|| Longest::plain_rows(&patterns))
    }

    /// [`Longest::new`] on `str`s, UTF-8 already, as split rows need: they are not checked again
    /// (the check was ~1 M instructions of the shipped lexicons' build, cachegrind).
    pub fn of_strs<'p>(patterns: impl IntoIterator<Item = &'p str>) -> Longest {
        let patterns: Vec<&[u8]> = patterns.into_iter().map(str::as_bytes).collect();
        let classes = split_classes_of_utf8(&patterns);
        Longest::split_rows(&patterns, classes).unwrap_or_else(|| Longest::plain_rows(&patterns))
    }

    /// The automaton with split rows (module comment) by `classes` ([`split_classes`]); `None`
    /// when there are none (a pattern is not UTF-8, or the patterns use more than 63 bytes that
    /// start a character), or the table would have more states than two bytes number or pass
    /// [`TABLE_BUDGET`] (full rows then, or the NFA).
    fn split_rows(patterns: &[&[u8]], classes: Option<[u8; 256]>) -> Option<Longest> {
        let classes = classes?;
        let trie = Trie::new(patterns, &classes);
        // `compile_split` lays out `ends.len() + 3` blocks (the dead state's two, the start
        // state's two, one for every other state, block 1 left empty); the bound asks one more,
        // as it did with rows, so the same lexicons get split rows as before.
        let blocks = trie.ends.len() + 4;
        if blocks > 1 << 16 || blocks * SPLIT_STRIDE * 2 > TABLE_BUDGET {
            return None;
        }
        let (cells, auto) = trie.compile_split()?;
        check_cells(&cells, SPLIT_SHIFT, 2 * SPLIT_STRIDE, auto.start, &classes);
        let columns = Columns::of_split_rows(&cells, &classes, auto.start);
        Some(Longest {
            classes,
            shift: SPLIT_SHIFT,
            split: true,
            table: Table::Columns(Box::new(columns)),
            last_match: auto.matches.len() as u32,
            matches: auto.matches,
            start: auto.start,
            lens: patterns.iter().map(|p| p.len() as u32).collect(),
        })
    }

    /// The automaton with a full row for each state, for any patterns (or the crate's NFA past
    /// [`TABLE_BUDGET`]).
    pub(crate) fn plain_rows(patterns: &[&[u8]]) -> Longest {
        let (classes, count) = byte_classes(patterns);
        let shift = count.next_power_of_two().trailing_zeros();
        let trie = Trie::new(patterns, &classes);
        let states = trie.ends.len();
        let cell_bytes = if states < 1 << 16 { 2 } else { 4 };
        if states.saturating_mul(1 << shift).saturating_mul(cell_bytes) > TABLE_BUDGET {
            return Longest::nfa(patterns, classes, shift);
        }
        let (table, auto) = if states < 1 << 16 {
            let (cells, auto) = trie.compile::<u16>(shift);
            check_cells(&cells, shift, 1 << shift, auto.start, &classes);
            (Table::Narrow(Cells::plain(cells)), auto)
        } else {
            let (cells, auto) = trie.compile::<u32>(shift);
            check_cells(&cells, shift, 1 << shift, auto.start, &classes);
            (Table::Wide(cells), auto)
        };
        Longest {
            classes,
            shift,
            split: false,
            table,
            last_match: auto.matches.len() as u32,
            matches: auto.matches,
            start: auto.start,
            lens: patterns.iter().map(|p| p.len() as u32).collect(),
        }
    }

    /// The patterns searched by aho-corasick's contiguous NFA (see [`TABLE_BUDGET`]).
    fn nfa(patterns: &[&[u8]], classes: [u8; 256], shift: u32) -> Longest {
        let nfa = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(patterns)
            .expect("lexicon patterns are plain literals");
        Longest {
            classes,
            shift,
            split: false,
            table: Table::Nfa(nfa),
            matches: vec![],
            last_match: 0,
            start: 0,
            lens: patterns.iter().map(|p| p.len() as u32).collect(),
        }
    }

    /// Calls `found(start, end, pattern)` for each leftmost-longest match in `hay`, in order:
    /// each search starts where the last match ended. (A `str`: split rows are right only on
    /// UTF-8 text.)
    #[inline]
    pub fn each_match(&self, hay: &str, found: impl FnMut(usize, usize, usize)) {
        self.each_match_in(hay.as_bytes(), found)
    }

    /// [`Longest::each_match`] on the bytes of a `str` (or any bytes, with full rows).
    #[inline]
    fn each_match_in(&self, hay: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        // The shipped lexicons' rows are 64 cells apart (split) or 128 long: their search has
        // the shift in the code (`SHIFT`), where a shift by the field's count wants it in `cl`,
        // which the loop also needs for the byte's class (a move more a byte).
        match &self.table {
            Table::Columns(cols) => self.search_with(hay, |sid, b| cols.step(sid, b), found),
            Table::Narrow(cells) if self.shift == 7 => self.search::<_, 7>(&cells[..], hay, found),
            Table::Narrow(cells) => self.search::<_, 0>(&cells[..], hay, found),
            Table::Wide(cells) => self.search::<_, 0>(cells, hay, found),
            Table::Nfa(nfa) => {
                for m in nfa.find_iter(hay) {
                    found(m.start(), m.end(), m.pattern().as_usize());
                }
            }
        }
    }

    /// The search, in two loops a match: up to the first match state (no state before it is
    /// dead or reports), then on while the automaton lives, remembering the last match state
    /// passed. Each loop keeps only the state and the position in registers (a single loop
    /// carrying the last match through every byte took twice the instructions a byte).
    /// `SHIFT` is the table's shift, or 0 for the one in `self.shift` (read at run time).
    /// With split rows, `hay` is the bytes of a `str`.
    #[inline(always)]
    fn search<T: Cell, const SHIFT: u32>(
        &self,
        cells: &[T],
        hay: &[u8],
        found: impl FnMut(usize, usize, usize),
    ) {
        // Once a search, outside its loops: the unchecked reads below rely on it.
        assert!(
            SHIFT == 0 || SHIFT == self.shift,
            "the shift in the code is the table's"
        );
        let shift = if SHIFT == 0 { self.shift } else { SHIFT };
        let (stride, classes) = (1usize << shift, &self.classes);
        let step = |sid: usize, b: u8| {
            let at = sid * stride + usize::from(classes[usize::from(b)]);
            debug_assert!(at < cells.len());
            // SAFETY: `shift` is the table's (asserted above when `SHIFT` gives it), and for
            // every state `sid * stride` plus any class is inside the table (`check_cells` and
            // `Trie::breadth_first_in`, when the table was built; `sid` is the start state or
            // read from a cell), which is not changed after the build.
            // (Unchecked: the test of the bounds was 2 of the loop's ~8 instructions a byte.)
            unsafe { cells.get_unchecked(at) }.state() as usize
        };
        self.search_with(hay, step, found);
    }

    /// [`Longest::search`] with `step` taking the automaton a byte on (from the start state or
    /// a state it gave).
    #[inline(always)]
    fn search_with(
        &self,
        hay: &[u8],
        step: impl Fn(usize, u8) -> usize + Copy,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        let last_match = self.last_match as usize;
        let mut at = 0;
        loop {
            // Up to the first state that reports a match.
            let Some((mut sid, mut i)) =
                first_match(hay, at, self.start as usize, last_match, step)
            else {
                return;
            };
            // Why the first loop cannot stop on DEAD: the start state's row, and every state's
            // before a match, fall back to the start (an unanchored search never dies), so DEAD
            // is reached only from a state after a match. Should the table ever break that,
            // `matched - 1` below would wrap: the assertion catches it in tests.
            debug_assert_ne!(
                sid, DEAD as usize,
                "the dead state comes only after a match"
            );
            // On to the dead state (or the end), the last match state passed kept: an inner
            // loop through the states that report nothing, which only the state and the
            // position live through (one loop over every byte, the last match carried along,
            // took 16 instructions a byte where this takes 9).
            let (mut matched, mut end) = (sid, i);
            'longer: loop {
                loop {
                    let Some(&b) = hay.get(i) else {
                        break 'longer;
                    };
                    sid = step(sid, b);
                    i += 1;
                    if sid <= last_match {
                        break;
                    }
                }
                if sid == DEAD as usize {
                    break;
                }
                (matched, end) = (sid, i);
            }
            let pattern = self.matches[matched - 1] as usize;
            found(end - self.lens[pattern] as usize, end, pattern);
            at = end;
        }
    }

    /// Bytes the transition table takes.
    pub fn table_bytes(&self) -> usize {
        match &self.table {
            Table::Columns(cols) => cols.bytes(),
            Table::Narrow(cells) => cells.len() * 2,
            Table::Wide(cells) => cells.len() * 4,
            Table::Nfa(nfa) => nfa.memory_usage(),
        }
    }
}

/// The search's first loop ([`Longest::search`]): from byte `i` of `hay` in state `sid`, up to
/// the first state that reports a match (`sid <= last_match`), `step` taking the automaton a
/// byte on: that state and where its byte ends; `None` when the text ends first. Sixteen bytes
/// a round while sixteen are left (one test of the text's end for the sixteen; rounds of four
/// tested it with seven instructions a round, ~1.7 a byte of the loop's ~9), then a byte at a
/// time.
#[inline(always)]
fn first_match(
    hay: &[u8],
    mut i: usize,
    mut sid: usize,
    last_match: usize,
    step: impl Fn(usize, u8) -> usize,
) -> Option<(usize, usize)> {
    while let Some(block) = hay.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        for (k, &b) in block.iter().enumerate() {
            sid = step(sid, b);
            if sid <= last_match {
                return Some((sid, i + k + 1));
            }
        }
        i += 16;
    }
    loop {
        sid = step(sid, *hay.get(i)?);
        i += 1;
        if sid <= last_match {
            return Some((sid, i));
        }
    }
}

/// What makes the search's unchecked reads of the table sound ([`Longest::search`]), with
/// what [`Trie::breadth_first_in`] checks as it writes the cells (each names a state whose
/// `span` cells from `state << shift` are inside the table): the start state's are, and every
/// class is below `span` (the row's length, or two rows' with split rows). (A pass over the
/// cells here cost 13 M instructions at start.)
fn check_cells<T: Cell>(cells: &[T], shift: u32, span: usize, start: u32, classes: &[u8; 256]) {
    assert!(((start as usize) << shift) + span <= cells.len());
    assert!(classes.iter().all(|&c| usize::from(c) < span));
}

/// With split rows, a state's row starts `1 << SPLIT_SHIFT` cells after the one before.
pub(super) const SPLIT_SHIFT: u32 = 6;
pub(super) const SPLIT_STRIDE: usize = 1 << SPLIT_SHIFT;

/// The classes of split rows (module comment): 1 to 63 for the bytes that start a character
/// and that some pattern has (in byte order), 0 for the others, and 64 + its low six bits for
/// each continuation byte (`0x80..=0xBF`). `None` when a pattern is not UTF-8 or more than 63
/// classes would be needed.
pub(super) fn split_classes(patterns: &[&[u8]]) -> Option<[u8; 256]> {
    if !patterns.iter().all(|p| std::str::from_utf8(p).is_ok()) {
        return None;
    }
    split_classes_of_utf8(patterns)
}

/// [`split_classes`] of patterns known to be UTF-8.
fn split_classes_of_utf8(patterns: &[&[u8]]) -> Option<[u8; 256]> {
    let mut used = [false; 256];
    for &b in patterns.iter().flat_map(|p| p.iter()) {
        used[usize::from(b)] = true;
    }
    let mut classes = [0u8; 256];
    let mut next = 1;
    for (b, class) in classes.iter_mut().enumerate() {
        if (0x80..0xC0).contains(&b) {
            *class = 64 + (b & 0x3F) as u8;
        } else if used[b] {
            if next == 64 {
                return None;
            }
            *class = next;
            next += 1;
        }
    }
    Some(classes)
}

/// How a table's rows lie ([`Trie::breadth_first_in`]): a state's row starts at its number
/// times `stride`; the start state owns `span` cells from there.
#[derive(Clone, Copy)]
pub(super) struct Rows {
    stride: usize,
    span: usize,
}

impl Rows {
    /// Split rows (module comment).
    pub(super) const SPLIT: Rows = Rows {
        stride: SPLIT_STRIDE,
        span: 2 * SPLIT_STRIDE,
    };
}

/// What [`Trie::compile`] gives besides the table.
struct Compiled {
    matches: Vec<u32>,
    start: u32,
}

/// A class for each byte some pattern has (in byte order, from 1), 0 for the rest, and the
/// number of classes. When every byte is in some pattern, each byte is its own class.
pub(super) fn byte_classes(patterns: &[&[u8]]) -> ([u8; 256], usize) {
    let mut used = [false; 256];
    for &b in patterns.iter().flat_map(|p| p.iter()) {
        used[usize::from(b)] = true;
    }
    let mut classes = [0u8; 256];
    if used.iter().all(|&u| u) {
        for (b, class) in classes.iter_mut().enumerate() {
            *class = b as u8;
        }
        return (classes, 256);
    }
    let mut next = 1;
    for (class, _) in classes.iter_mut().zip(used).filter(|(_, u)| *u) {
        *class = next as u8;
        next += 1;
    }
    (classes, next.max(2))
}

/// The first 16 bytes of `pat`, big-endian, zeros past its end: when two keys differ, the
/// patterns are in the keys' order (a pattern that ends first is a prefix of the other, or
/// differs from it by a byte already compared).
fn prefix_key(pat: &[u8]) -> u128 {
    let mut key = [0u8; 16];
    let n = pat.len().min(16);
    key[..n].copy_from_slice(&pat[..n]);
    u128::from_be_bytes(key)
}

/// The patterns' numbers in the order of their bytes (a pattern before the longer ones it
/// begins), equal patterns by number.
///
/// Up to 65,536 patterns (the shipped lexicons have ~9,000) each is sorted as one integer: its
/// first 14 bytes, big-endian, over its number, so that a plain sort of integers does the work
/// (the sort by a key and a comparison that broke ties was 4.6 M instructions of a run's ~94 M
/// fixed cost, cachegrind on an empty input); a run of patterns whose keys' 14 bytes are the
/// same and that are not all the same pattern (one is longer, or has a NUL where another ends)
/// is then sorted again by the full comparison (rare: few patterns share 14 bytes).
/// Past 65,536, a key of 16 bytes and that comparison (`sorted_by_comparison`).
fn sorted_patterns(patterns: &[&[u8]]) -> Vec<u32> {
    if patterns.len() > 1 << 16 {
        return sorted_by_comparison(patterns);
    }
    let mut keys: Vec<u128> = (patterns.iter().enumerate())
        .map(|(p, pat)| prefix_key(pat) & !0xFFFF | p as u128)
        .collect();
    keys.sort_unstable();
    let mut sorted: Vec<u32> = keys.iter().map(|&k| k as u32 & 0xFFFF).collect();
    let mut start = 0;
    for end in 1..=keys.len() {
        if end < keys.len() && keys[end] >> 16 == keys[start] >> 16 {
            continue;
        }
        if end - start > 1 {
            let run = &mut sorted[start..end];
            let first = patterns[run[0] as usize];
            if run.iter().any(|&p| patterns[p as usize] != first) {
                run.sort_unstable_by(|&a, &b| {
                    (patterns[a as usize].cmp(patterns[b as usize])).then(a.cmp(&b))
                });
            }
        }
        start = end;
    }
    sorted
}

/// [`sorted_patterns`] by a key of their first 16 bytes first (one comparison of two integers
/// where two `memcmp` calls on the patterns were); the bytes past it and the number break ties.
fn sorted_by_comparison(patterns: &[&[u8]]) -> Vec<u32> {
    let mut sorted: Vec<(u128, u32)> = (patterns.iter().enumerate())
        .map(|(p, pat)| (prefix_key(pat), p as u32))
        .collect();
    sorted.sort_unstable_by(|&(ka, a), &(kb, b)| {
        ka.cmp(&kb)
            .then_with(|| patterns[a as usize].cmp(patterns[b as usize]))
            .then(a.cmp(&b))
    });
    sorted.into_iter().map(|(_, p)| p).collect()
}

/// The trie of the patterns: state 0 is the root; each state's children, by class. (The
/// prefilter's automaton, `prefilter/tokens.rs`, is built from it too.)
pub(super) struct Trie {
    /// The pattern each state ends, plus one (0: none).
    pub(super) ends: Vec<u32>,
    /// A pattern equal to one before it (the lower number is in `ends`): its state and number,
    /// in the order of their numbers.
    pub(super) also: Vec<(u32, u32)>,
    /// The children of state `s` are `edges[first[s]..first[s + 1]]`, as (class, child), in
    /// the order of their classes.
    first: Vec<usize>,
    edges: Vec<(u8, u32)>,
}

impl Trie {
    /// The trie, built from the patterns in byte order: a pattern shares with the one before it
    /// the states of their common prefix and adds the rest, so no child is ever looked up.
    pub(super) fn new(patterns: &[&[u8]], classes: &[u8; 256]) -> Trie {
        let sorted = sorted_patterns(patterns);
        // At most a state a byte: no vector grows while the trie is built.
        let bytes: usize = patterns.iter().map(|p| p.len()).sum();
        let mut ends = Vec::with_capacity(bytes + 1);
        ends.push(0u32);
        let mut also = Vec::new();
        // (parent, class, child), in the order the states are made.
        let mut made: Vec<(u32, u8, u32)> = Vec::with_capacity(bytes);
        // The states along the previous pattern, by depth.
        let mut path = vec![0u32];
        let mut prev: &[u8] = &[];
        for p in sorted {
            let pat = patterns[p as usize];
            assert!(!pat.is_empty(), "an empty pattern");
            let common = prev.iter().zip(pat).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &pat[common..] {
                let child = ends.len() as u32;
                ends.push(0);
                made.push((path[path.len() - 1], classes[usize::from(b)], child));
                path.push(child);
            }
            // The same pattern twice: the first (the lower number) is reported.
            let end = &mut ends[path[pat.len()] as usize];
            if *end == 0 {
                *end = p + 1;
            } else {
                also.push((path[pat.len()], p));
            }
            prev = pat;
        }
        // The children grouped by parent (a counting sort, which keeps their class order).
        let mut first = vec![0usize; ends.len() + 1];
        for &(parent, _, _) in &made {
            first[parent as usize + 1] += 1;
        }
        for s in 0..ends.len() {
            first[s + 1] += first[s];
        }
        let mut edges = vec![(0u8, 0u32); made.len()];
        let mut fill = first.clone();
        for (parent, class, child) in made {
            edges[fill[parent as usize]] = (class, child);
            fill[parent as usize] += 1;
        }
        Trie {
            ends,
            also,
            first,
            edges,
        }
    }

    pub(super) fn children(&self, s: u32) -> &[(u8, u32)] {
        &self.edges[self.first[s as usize]..self.first[s as usize + 1]]
    }

    /// The automaton (module comment), its rows finished in breadth-first order
    /// ([`Trie::breadth_first`]). States that report a match are numbered from 1 up as they are
    /// found, the others from the top down, so the two meet and the search tells a match by one
    /// comparison.
    fn compile<T: Cell>(self, shift: u32) -> (Vec<T>, Compiled) {
        let states = self.ends.len() + 1;
        let stride = 1usize << shift;
        let mut table = vec![T::default(); states * stride];
        let mut matches: Vec<u32> = Vec::new();
        let root = states as u32 - 1;
        let mut top = root;
        self.breadth_first(&mut table, stride, root, |child, suffix| {
            let (reports, fail) = self.reports_and_fail(child, suffix, &matches);
            let number = match reports {
                Some(pattern) => {
                    matches.push(pattern);
                    matches.len() as u32
                }
                None => {
                    top -= 1;
                    top
                }
            };
            (number, fail)
        });
        debug_assert_eq!(top as usize, matches.len() + 1);
        (
            table,
            Compiled {
                matches,
                start: root,
            },
        )
    }

    /// What state `child` of the trie reports and where it goes on a byte no row holds, given the
    /// state its longest proper suffix reaches (`suffix`) and the patterns the match states
    /// numbered so far report (`matches`): a pattern ending at `child` is reported and nothing
    /// after it can start further left (the dead state); else it reports what its suffix does.
    fn reports_and_fail(&self, child: usize, suffix: u32, matches: &[u32]) -> (Option<u32>, u32) {
        if self.ends[child] != 0 {
            (Some(self.ends[child] - 1), DEAD)
        } else {
            let inherited = (suffix != DEAD && suffix as usize <= matches.len())
                .then(|| matches[suffix as usize - 1]);
            (inherited, suffix)
        }
    }

    /// The automaton with split rows (module comment, "Split rows"; the classes are
    /// [`split_classes`]'): as [`Trie::compile`] builds it, in two-byte cells, with the rows
    /// laid out in blocks of 64 cells, which `columns.rs` then lays out by columns. The dead
    /// state (0) owns the first two blocks, the start state (`root`) two in the middle: each may
    /// be read at either place in a character (the dead state's cells, all 0, are read only as
    /// the build follows failures). Below the start state, the states at a character's end,
    /// each numbered by its block: those that report a match from 2 up (no state is numbered
    /// 1), the others from the start state down, breadth-first both, so that the two meet.
    /// Above it, the states inside a character (none reports: a pattern ends at a character's
    /// end), from the start state up, each numbered by the block before its own (its 64 cells
    /// are the second half of its number's two rows). So the numbers of the two kinds are
    /// apart, each kind's one run of blocks (`columns.rs` needs it), and no state inside a
    /// character is numbered as a match state. `None` when a state of the trie has children of
    /// both kinds, or the start state a continuation byte (not UTF-8: `split_classes` checks it
    /// first).
    fn compile_split(self) -> Option<(Cells, Compiled)> {
        let n = self.ends.len();
        let inside = self.inside_characters()?;
        let insides = inside.iter().filter(|&&i| i).count();
        // Blocks 2 to `root - 1` for the states at a character's end (the root aside), the
        // start state's two, then one for each state inside a character.
        let root = (n - 1 - insides) as u32 + 2;
        let blocks = root as usize + 2 + insides;
        let mut table = Cells::zeroed(blocks * SPLIT_STRIDE);
        // (state 1, which is none, in place of a pattern: the match states' numbers from 2 are
        // their places here plus one, as with full rows)
        let mut matches: Vec<u32> = vec![0];
        let (mut top, mut next_inside) = (root, root);
        let half = |s: usize| if inside[s] { SPLIT_STRIDE } else { 0 };
        self.breadth_first_in(&mut table, Rows::SPLIT, root, half, |child, suffix| {
            let (reports, fail) = self.reports_and_fail(child, suffix, &matches);
            let number = match reports {
                Some(pattern) => {
                    // (a pattern ends at a character's end, and so does what a state reports)
                    assert!(!inside[child], "a match inside a character");
                    matches.push(pattern);
                    matches.len() as u32
                }
                None if inside[child] => {
                    next_inside += 1;
                    next_inside
                }
                None => {
                    top -= 1;
                    top
                }
            };
            (number, fail)
        });
        debug_assert_eq!(top as usize, matches.len() + 1);
        debug_assert_eq!(next_inside as usize, blocks - 2);
        Some((
            table,
            Compiled {
                matches,
                start: root,
            },
        ))
    }

    /// By state of the trie, whether it stands inside a character (its children are
    /// continuation bytes, by the classes of [`split_classes`]); `None` when a state has
    /// children of both kinds or the root a continuation byte (patterns not UTF-8).
    pub(super) fn inside_characters(&self) -> Option<Vec<bool>> {
        let mut inside = vec![false; self.ends.len()];
        for (s, inside) in inside.iter_mut().enumerate() {
            let kids = self.children(s as u32);
            *inside = kids.first().is_some_and(|&(c, _)| c >= 64);
            if kids.iter().any(|&(c, _)| (c >= 64) != *inside) {
                return None;
            }
        }
        (!inside[0]).then_some(inside)
    }

    /// Fills `table` (a row of `stride` cells for each state's number) breadth-first, the one
    /// way both automata built from the trie are made (the full matcher's here, the prefilter's
    /// in `prefilter/tokens.rs`): the root, numbered `root`, has a row of itself; every other
    /// state's row is its failure state's row, already finished, with its own children written
    /// over it. `place(child, suffix)` numbers a child of the trie, given the number of the
    /// state of its longest proper suffix (`root` for a child of the root), and says its
    /// failure state's number (the suffix's, or another the automaton wants, such as a dead
    /// state whose row is left as `table` has it).
    pub(super) fn breadth_first<T: Cell>(
        &self,
        table: &mut [T],
        stride: usize,
        root: u32,
        place: impl FnMut(usize, u32) -> (u32, u32),
    ) {
        let rows = Rows {
            stride,
            span: stride,
        };
        self.breadth_first_in(table, rows, root, |_| 0, place);
    }

    /// [`Trie::breadth_first`] with rows laid out as `rows` says, `half(s)` the offset from its
    /// number's row start of the `stride` cells state `s` of the trie owns (`stride` for a
    /// state inside a character with split rows, else 0); the root owns `span` cells.
    pub(super) fn breadth_first_in<T: Cell>(
        &self,
        table: &mut [T],
        rows: Rows,
        root: u32,
        half: impl Fn(usize) -> usize,
        mut place: impl FnMut(usize, u32) -> (u32, u32),
    ) {
        let n = self.ends.len();
        let Rows { stride, span } = rows;
        // Every cell is to name a state whose `span` cells from its row's start are inside the
        // table, which the searches read without a test of its bounds (`Longest::search`,
        // `Tokens::walk`): the cells start at 0, and each cell written is the root's number or
        // a number `place` gave, each checked here as it is given (once a state, not once a
        // cell); rows are copied from row to row.
        let len = table.len();
        let names_a_row = |s: u32| (s as usize) * stride + span <= len && T::new(s).state() == s;
        assert!(span >= stride && names_a_row(root));
        // By state of the trie: its number in the automaton, and its failure state's number.
        let (mut number, mut fail) = (vec![0u32; n], vec![0u32; n]);
        number[0] = root;
        table[root as usize * stride..][..span].fill(T::new(root));
        let mut queue = Vec::with_capacity(n);
        queue.push(0u32);
        let mut next = 0;
        while let Some(&s) = queue.get(next) {
            next += 1;
            let (row, f) = (
                number[s as usize] as usize * stride,
                fail[s as usize] as usize,
            );
            if s != 0 {
                let h = half(s as usize);
                table.copy_within(f * stride + h..f * stride + h + stride, row + h);
            }
            for &(class, child) in self.children(s) {
                let c = child as usize;
                let suffix = if s == 0 {
                    root
                } else {
                    table[f * stride + usize::from(class)].state()
                };
                (number[c], fail[c]) = place(c, suffix);
                assert!(names_a_row(number[c]));
                table[row + usize::from(class)] = T::new(number[c]);
                queue.push(child);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    /// (By [`Longest::of_strs`], as the matcher builds it; the tests below on bytes build by
    /// [`Longest::new`].)
    fn ours(patterns: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let dfa = Longest::of_strs(patterns.iter().copied());
        let mut v = Vec::new();
        dfa.each_match(hay, |s, e, p| v.push((s, e, p)));
        v
    }

    fn crates(patterns: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        ac.find_iter(hay)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn finds_the_longest_of_the_leftmost_start() {
        let pats = ["abcd", "bc", "b", "bcd", "cd", "x"];
        // "abcx": abcd fails at x, so bc (starting at 1) is the leftmost; then x.
        assert_eq!(ours(&pats, "abcx"), [(1, 3, 1), (3, 4, 5)]);
        assert_eq!(ours(&pats, "abcd"), [(0, 4, 0)]);
        assert_eq!(ours(&pats, "zbcdz"), [(1, 4, 3)]);
        assert_eq!(ours(&pats, "ab"), [(1, 2, 2)]);
        assert_eq!(ours(&pats, ""), []);
        assert_eq!(
            ours(&["장애", "장애 발생", "애"], "큰 장애 발생 애"),
            crates(&["장애", "장애 발생", "애"], "큰 장애 발생 애")
        );
    }

    /// `n` words of ten random letters (a fixed sequence for each `seed`): few shared prefixes.
    fn random_words(seed: u64, n: usize) -> Vec<String> {
        let mut x = seed;
        let mut letter = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from(b'a' + (x >> 59) as u8 % 26)
        };
        (0..n)
            .map(|_| (0..10).map(|_| letter()).collect())
            .collect()
    }

    /// Our matches of `pats` and the crate's agree on a text of the first 300 words, each cut
    /// at its start, whole, and cut at its end (at least one match a word).
    fn agrees_on_words_cut_and_whole(pats: &[String]) {
        let refs: Vec<&str> = pats.iter().map(String::as_str).collect();
        let hay: String = pats[..300]
            .iter()
            .flat_map(|p| [&p[2..], " ", &p[..], &p[..5]])
            .collect();
        let got = ours(&refs, &hay);
        assert!(got.len() >= 300);
        assert_eq!(got, crates(&refs, &hay));
    }

    #[test]
    fn a_table_of_more_than_65_536_states_agrees_too() {
        // 12,000 patterns of ten letters, few prefixes shared: ~90,000 states, four-byte cells.
        let pats = random_words(7, 12_000);
        let dfa = Longest::new(pats.iter().map(|p| p.as_bytes()));
        assert!(matches!(dfa.table, Table::Wide(_)));
        agrees_on_words_cut_and_whole(&pats);
        assert!(matches!(
            Longest::new(["ab".as_bytes()]).table,
            Table::Columns(_)
        ));
    }

    #[test]
    fn a_lexicon_past_the_table_budget_is_searched_by_the_crates_nfa_with_the_same_matches() {
        // 40,000 patterns of ten letters: ~300,000 states, whose table (rows of 32 four-byte
        // cells) would take ~38 MB, past the budget; a user's big lexicon must not cost that.
        let pats = random_words(11, 40_000);
        let big = Longest::new(pats.iter().map(|p| p.as_bytes()));
        assert!(matches!(big.table, Table::Nfa(_)));
        assert!(big.table_bytes() < TABLE_BUDGET, "{}", big.table_bytes());
        agrees_on_words_cut_and_whole(&pats);
        // The shipped lexicons stay within it, on the table.
        assert!(matches!(shipped().1.table, Table::Columns(_)));
    }

    #[test]
    fn the_first_of_two_equal_patterns_is_reported() {
        assert_eq!(ours(&["ab", "ab"], "xab"), [(1, 3, 0)]);
    }

    /// The shipped lexicon's patterns, our automaton and the crate's, built once.
    fn shipped() -> &'static (Vec<String>, Longest, AhoCorasick) {
        static SHIPPED: std::sync::OnceLock<(Vec<String>, Longest, AhoCorasick)> =
            std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            let lex = crate::lexicon::Lexicon::builtin();
            let pats: Vec<String> = lex.entries.into_iter().map(|e| e.pattern).collect();
            // (as the matcher builds it)
            let ours = Longest::of_strs(pats.iter().map(String::as_str));
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .unwrap();
            (pats, ours, ac)
        })
    }

    /// The automaton of `pats` with full rows, as the split one is compared with.
    fn plain_rows_of(pats: &[String]) -> Longest {
        let bytes: Vec<&[u8]> = pats.iter().map(|p| p.as_bytes()).collect();
        Longest::plain_rows(&bytes)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Split rows (the fast layout) and full rows (the plain one) find the crate's matches,
        /// on patterns and texts of characters of one to four bytes.
        #[test]
        fn split_rows_agree_with_full_rows_and_the_crate(
            pats in prop::collection::vec("[abé가각ㅋ😀]{1,4}", 1..12),
            hay in "[abé가각ㅋ😀 ]{0,60}",
        ) {
            let bytes: Vec<&[u8]> = pats.iter().map(|p| p.as_bytes()).collect();
            let (fast, plain) = (Longest::new(bytes.iter().copied()), Longest::plain_rows(&bytes));
            prop_assert!(fast.split && !plain.split);
            let (mut a, mut b) = (vec![], vec![]);
            fast.each_match(&hay, |s, e, p| a.push((s, e, p)));
            plain.each_match(&hay, |s, e, p| b.push((s, e, p)));
            let refs: Vec<&str> = pats.iter().map(String::as_str).collect();
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(a, crates(&refs, &hay));
        }

        #[test]
        fn agrees_with_the_crate(
            pats in prop::collection::vec("[abc가나]{1,4}", 1..12),
            hay in "[abcd가나 ]{0,40}",
        ) {
            let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
            prop_assert_eq!(ours(&pats, &hay), crates(&pats, &hay));
        }

        /// Texts of the shipped lexicon's patterns, whole and cut short (at a character
        /// boundary), and of bits of text between them.
        #[test]
        fn agrees_with_the_crate_on_the_shipped_lexicon(
            pieces in prop::collection::vec(
                (any::<prop::sample::Index>(), 0usize..4, "[ a-z가-힣]{0,3}"), 1..16),
        ) {
            let (pats, dfa, ac) = shipped();
            let mut hay = String::new();
            for (i, cut, between) in &pieces {
                let p = &pats[i.index(pats.len())];
                let mut keep = p.len().saturating_sub(*cut);
                while !p.is_char_boundary(keep) {
                    keep -= 1;
                }
                hay.push_str(&p[..keep]);
                hay.push_str(between);
            }
            let mut got = Vec::new();
            dfa.each_match(&hay, |s, e, p| got.push((s, e, p)));
            let want: Vec<_> = ac
                .find_iter(&hay)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            prop_assert!(!want.is_empty() || pieces.iter().all(|p| p.1 > 0));
            prop_assert_eq!(got, want);
        }
    }

    /// The shipped lexicon's full rows have 128 two-byte cells (the search with the shift in
    /// the code), and its split rows are searched by columns: each finds what the search of
    /// full rows with the shift read at run time finds, on a text of the lexicon's own
    /// patterns.
    #[test]
    fn the_search_with_the_shift_in_the_code_agrees_with_the_other() {
        let (pats, split, _) = shipped();
        let plain = plain_rows_of(pats);
        let hay: String = pats
            .iter()
            .step_by(7)
            .map(|p| format!("{p} x{p}"))
            .collect();
        let Table::Narrow(cells) = &plain.table else {
            panic!("the shipped lexicon's table is of two-byte cells");
        };
        assert_eq!(plain.shift, 7);
        let (mut fixed, mut read, mut columns) = (vec![], vec![], vec![]);
        plain.search::<_, 7>(cells, hay.as_bytes(), |s, e, p| fixed.push((s, e, p)));
        plain.search::<_, 0>(cells, hay.as_bytes(), |s, e, p| read.push((s, e, p)));
        assert!(matches!(split.table, Table::Columns(_)));
        split.each_match(&hay, |s, e, p| columns.push((s, e, p)));
        assert!(fixed.len() > 1000);
        assert_eq!(fixed, read);
        assert_eq!(columns, read);
    }

    /// The shipped lexicon has split rows (a lexicon that came to use more than 63 bytes that
    /// start a character would lose them, and half the table's reach in the cache, silently but
    /// for this test), in half the memory of full rows.
    #[test]
    fn the_shipped_lexicon_has_split_rows_in_half_the_memory() {
        let (pats, split, _) = shipped();
        let plain = plain_rows_of(pats);
        assert!(split.split && !plain.split);
        assert!(split.table_bytes() * 2 <= plain.table_bytes() + 1024);
        // On Linux, where transparent huge pages may be asked for, the shipped table is in its
        // own mapping (`huge.rs`): a silent fall back to a `Vec` fails here (review 23).
        let thp = std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
        if cfg!(target_os = "linux") && thp.is_ok_and(|t| !t.contains("[never]")) {
            let mapped = matches!(&split.table, Table::Columns(cols) if cols.mapped());
            assert!(mapped, "the shipped table is not on huge pages");
        }
    }

    /// Patterns that are not UTF-8, or that use more than 63 bytes that start a character, get
    /// full rows, and their matches.
    #[test]
    fn patterns_split_rows_cannot_hold_get_full_rows() {
        let odd: [&[u8]; 2] = [b"ab\xFF", b"b"];
        assert!(!Longest::new(odd).split);
        let many: Vec<String> = (0x21u8..0x7F)
            .map(|b| format!("{}x", char::from(b)))
            .collect();
        let dfa = Longest::new(many.iter().map(|p| p.as_bytes()));
        assert!(!dfa.split);
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(ours(&refs, "ax !x ~x"), crates(&refs, "ax !x ~x"));
        assert!(Longest::new(many[..62].iter().map(|p| p.as_bytes())).split);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The sort by one integer a pattern gives the order the sort by comparison gave, with
        /// NULs, equal patterns and long shared beginnings among them.
        #[test]
        fn the_integer_sort_orders_as_the_comparison(
            pats in prop::collection::vec(
                prop::collection::vec(prop::sample::select(vec![0u8, 1, b'a', 0xEC, 0xFF]), 0..20),
                0..40),
            shared in prop::collection::vec(any::<u8>(), 13..16),
        ) {
            let mut pats = pats;
            for p in pats.iter_mut().step_by(3) {
                p.splice(0..0, shared.iter().copied());
            }
            let refs: Vec<&[u8]> = pats.iter().map(Vec::as_slice).collect();
            prop_assert_eq!(sorted_patterns(&refs), sorted_by_comparison(&refs));
        }
    }
}
