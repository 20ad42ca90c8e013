//! The split-row table (`longest.rs`, "Split rows") laid out by columns: a column for each
//! class, a cell in it for each state, so that a step reads `column[class][state]`.
//!
//! Why: with rows, a step of the walk computes `(state << 6) + class` from the state it has
//! just read, a shift and an add before the next read can start: the walk waits on each read
//! (the state read is the next read's address), and those two instructions lengthened every
//! wait. With columns, the column of the next byte's class is known before the state is (it
//! depends on the text alone), and the read is `*column.add(state)`, one instruction the
//! state feeds. A walk of the shipped lexicons' table over the trackback slice's normalised
//! posts took ~25% less time (a test program over the posts the matcher reads, four pieces side
//! by side as `pieces.rs` walks them, the table in the cache), and the walk has two
//! instructions a byte fewer.
//!
//! The columns are as small as the split rows: a state at a character's end has a cell in
//! each column of the classes that start a character (0 to 63), a state inside a character in
//! each of the continuation bytes' (64 to 127), and `Trie::compile_split` numbers the two kinds
//! apart (the first below the start state, the second above it), so a column of the first
//! kind holds the numbers 0 to the start state's, one of the second from the start state's
//! up. The numbers stay as the rows have them: no cell is renumbered, and the table is made by
//! transposing the two kinds' rows, eight by eight cells at a time. A step needs no kind: in
//! UTF-8 text the class of the next byte says which kind the state is.
//!
//! Measured on the trackback slice (one thread): `pieces::walk` 62 M -> 51 M instructions
//! (`find_hits` 76.4 M -> 65.1 M inclusive), ~13% fewer of its cpu-clock samples on 40 MB of
//! the trackback corpus (`perf record`, noisy); the transposition costs ~3 M instructions at
//! every start. A test program over the posts the matcher reads, the table warm, took ~25% less
//! time than with rows. (States renumbered by how often the slices visit them missed the
//! first-level cache half as often again, in a simulation of the posts' walk, but that is
//! tuning to the bench corpus; by depth and byte frequency gained nothing over breadth-first.)

use super::huge::Cells;

/// The table by columns: the states' numbers, each read as `*at[byte].add(state)`.
pub(crate) struct Columns {
    cells: Cells,
    /// By byte: where its class's column starts in `cells` (a state's number is added).
    at: [*const u16; 256],
    /// Every state's number is below this, and so every cell's.
    states: usize,
}

// SAFETY: `at` points into `cells`, owned by the same `Columns` and never written after the
// build (the heap or mapped memory does not move when the struct does); shared, it is only
// read, as a `Vec<u16>` would be.
unsafe impl Send for Columns {}
// SAFETY: as above.
unsafe impl Sync for Columns {}

impl Columns {
    /// The state after `sid` on byte `b`.
    #[inline(always)]
    pub(crate) fn step(&self, sid: usize, b: u8) -> usize {
        debug_assert!(sid < self.states);
        // SAFETY: `at[b]` plus any number below `states` is inside `cells` (checked in
        // `of_split_rows` for every class's column), and `sid` is the start state's number or
        // one read from a cell, all below `states` (`of_split_rows` asserts it of every cell).
        usize::from(unsafe { *self.at[usize::from(b)].add(sid) })
    }

    /// Bytes the table takes.
    pub(crate) fn bytes(&self) -> usize {
        self.cells.len() * 2
    }

    /// Whether the cells are on huge pages (`huge.rs`).
    #[cfg(test)]
    pub(crate) fn mapped(&self) -> bool {
        self.cells.mapped()
    }

    /// The columns of the split rows `rows` (`Trie::compile_split`, classes `classes`), the
    /// start state numbered `root`: the states at a character's end are numbered below it
    /// (block `k` is state `k`'s 64 cells), those inside a character above it (block `k + 1`
    /// is state `k`'s), and the start state owns blocks `root` and `root + 1`. The numbers stay:
    /// a column of the first kind holds numbers 0 to `root`, one of the second `root` up.
    pub(in crate::lexicon) fn of_split_rows(
        rows: &[u16],
        classes: &[u8; 256],
        root: u32,
    ) -> Columns {
        let blocks = rows.len() / 64;
        let root = root as usize;
        assert!(rows.len() == blocks * 64 && root + 2 <= blocks && blocks <= 1 << 16);
        // Columns of classes 0 to 63 hold `a` cells (numbers 0 to `root`); those of 64 to 127
        // `span` (numbers `root` to `states - 1`), each starting `root` cells before its first.
        let (a, states) = (root + 1, blocks - 1);
        let span = states - root;
        let base = |c: usize| {
            if c < 64 {
                c * a
            } else {
                64 * a + (c - 64) * span - root
            }
        };
        let len = base(127) + states;
        assert!(64 * a >= root && base(63) + states <= len);
        // Every cell a state's number: what `step`'s reads stay inside the columns by (the
        // builders number no other; asked once here, not only in debug builds).
        assert!(usize::from(rows.iter().copied().max().unwrap_or(0)) < states);
        let mut cells = Cells::zeroed(len);
        // Each kind's rows are one matrix, its columns the other's rows: a transposition.
        transpose(&rows[..a * 64], &mut cells[..64 * a], a);
        transpose(
            &rows[(root + 1) * 64..],
            &mut cells[64 * a..64 * a + 64 * span],
            span,
        );
        let mut at = [std::ptr::null::<u16>(); 256];
        for (at, &c) in at.iter_mut().zip(classes) {
            // SAFETY: `base(c) + states <= len` for every class (asserted above for the
            // largest of each kind), so the column and any number below `states` are inside.
            *at = unsafe { cells.as_ptr().add(base(usize::from(c))) };
        }
        Columns { cells, at, states }
    }
}

/// Writes the `n` rows of 64 cells of `rows` as the 64 rows of `n` cells of `out`: eight rows
/// at a time in blocks of eight by eight cells (SSE2 on x86-64: the cell by cell copy was
/// 9.3 M instructions of every start), the rows left one by one.
fn transpose(rows: &[u16], out: &mut [u16], n: usize) {
    assert!(rows.len() == n * 64 && out.len() == n * 64);
    let mut eights = rows.chunks_exact(8 * 64);
    let mut k = 0;
    for eight in eights.by_ref() {
        let eight: &[u16; 512] = eight.try_into().expect("eight rows");
        for j in (0..64).step_by(8) {
            put_block(eight, j, out, n, k);
        }
        k += 8;
    }
    for (r, row) in eights.remainder().chunks_exact(64).enumerate() {
        for (j, &v) in row.iter().enumerate() {
            out[j * n + k + r] = v;
        }
    }
}

/// Writes cells `j..j + 8` of the eight rows of 64 cells `eight` to `out`, row `r`'s cell
/// `j + c` at `(j + c) * n + k + r`.
#[inline(always)]
fn put_block(eight: &[u16; 512], j: usize, out: &mut [u16], n: usize, k: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        sse2::put_block(eight, j, out, n, k)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        put_block_portable(eight, j, out, n, k)
    }
}

/// [`put_block`] cell by cell (the reference the tests hold the SSE2 one to).
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn put_block_portable(eight: &[u16; 512], j: usize, out: &mut [u16], n: usize, k: usize) {
    for c in 0..8 {
        for r in 0..8 {
            out[(j + c) * n + k + r] = eight[r * 64 + j + c];
        }
    }
}

/// The SSE2 transposition of a block of eight by eight cells.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_loadu_si128, _mm_storeu_si128, _mm_unpackhi_epi16, _mm_unpackhi_epi32,
        _mm_unpackhi_epi64, _mm_unpacklo_epi16, _mm_unpacklo_epi32, _mm_unpacklo_epi64,
    };

    /// [`super::put_block`]: the rows interleaved by twos, then fours, then eights.
    #[inline(always)]
    pub(super) fn put_block(eight: &[u16; 512], j: usize, out: &mut [u16], n: usize, k: usize) {
        assert!(j + 8 <= 64 && k + 8 <= n && (j + 7) * n + k + 8 <= out.len());
        // SAFETY: SSE2 is part of the x86-64 baseline; each load reads cells `j..j + 8` of a
        // row of 64 (`j + 8 <= 64`), inside `eight`, and each store writes the eight cells from
        // `(j + c) * n + k` for `c < 8`, inside `out` (both asserted above).
        unsafe {
            let row = |r: usize| _mm_loadu_si128(eight.as_ptr().add(r * 64 + j).cast::<__m128i>());
            let (r0, r1, r2, r3) = (row(0), row(1), row(2), row(3));
            let (r4, r5, r6, r7) = (row(4), row(5), row(6), row(7));
            let (t0, t1) = (_mm_unpacklo_epi16(r0, r1), _mm_unpackhi_epi16(r0, r1));
            let (t2, t3) = (_mm_unpacklo_epi16(r2, r3), _mm_unpackhi_epi16(r2, r3));
            let (t4, t5) = (_mm_unpacklo_epi16(r4, r5), _mm_unpackhi_epi16(r4, r5));
            let (t6, t7) = (_mm_unpacklo_epi16(r6, r7), _mm_unpackhi_epi16(r6, r7));
            let (u0, u1) = (_mm_unpacklo_epi32(t0, t2), _mm_unpackhi_epi32(t0, t2));
            let (u2, u3) = (_mm_unpacklo_epi32(t1, t3), _mm_unpackhi_epi32(t1, t3));
            let (u4, u5) = (_mm_unpacklo_epi32(t4, t6), _mm_unpackhi_epi32(t4, t6));
            let (u6, u7) = (_mm_unpacklo_epi32(t5, t7), _mm_unpackhi_epi32(t5, t7));
            let cols = [
                _mm_unpacklo_epi64(u0, u4),
                _mm_unpackhi_epi64(u0, u4),
                _mm_unpacklo_epi64(u1, u5),
                _mm_unpackhi_epi64(u1, u5),
                _mm_unpacklo_epi64(u2, u6),
                _mm_unpackhi_epi64(u2, u6),
                _mm_unpacklo_epi64(u3, u7),
                _mm_unpackhi_epi64(u3, u7),
            ];
            let to = out.as_mut_ptr().add(j * n + k);
            for (c, col) in cols.into_iter().enumerate() {
                _mm_storeu_si128(to.add(c * n).cast::<__m128i>(), col);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The transposition of any number of rows (eights, in blocks, and the rows left)
        /// reads back, and the blocks (SSE2 on x86-64) are the cell by cell ones.
        #[test]
        fn the_transposition_reads_back_and_its_blocks_are_the_cell_by_cell_ones(
            seed in any::<u16>(),
            n in 0usize..40,
        ) {
            let rows: Vec<u16> =
                (0..n * 64).map(|i| (i as u16).wrapping_mul(40503) ^ seed).collect();
            let mut out = vec![0u16; n * 64];
            transpose(&rows, &mut out, n);
            for k in 0..n {
                for j in 0..64 {
                    prop_assert_eq!(out[j * n + k], rows[k * 64 + j]);
                }
            }
            let mut portable = vec![0u16; n * 64];
            for (e, eight) in rows.chunks_exact(512).enumerate() {
                let eight: &[u16; 512] = eight.try_into().unwrap();
                for j in (0..64).step_by(8) {
                    put_block_portable(eight, j, &mut portable, n, e * 8);
                }
            }
            let blocks = n / 8 * 8;
            for j in 0..64 {
                prop_assert_eq!(&portable[j * n..j * n + blocks], &out[j * n..j * n + blocks]);
            }
        }
    }
}
