//! CSV on every core: the reader thread cuts rows, the workers read them.
//!
//! A quoted field may hold line breaks, and a stray quote must cost one row, not the rest of the
//! file (`input::CsvRows`), so where a row ends is known only to a reader that has followed every
//! quote before it: the cutting stays on one thread. It is the cheap part (`csv_core` over the
//! bytes); mapping the columns, reading the time and classifying the text, which cost several
//! times more on text-heavy exports, happen on the workers. Rows travel in batches of about a
//! megabyte, their fields put one after another into one buffer (by the row cutter itself, not
//! through a record of their own) that comes back to the reader to be filled again, so nothing is
//! allocated per row and the memory in flight is a few batches whatever the input; the workers
//! read each row's fields where they are ([`BatchRow`]).

use std::io::BufRead;

use super::pool::{Dispatch, Limits, ReaderEnd};
use crate::input::{self, CsvRows, FieldSink, Row};
use crate::record::{Fields, Skip};

/// A batch is handed on once its fields hold this many bytes …
const BATCH_BYTES: usize = 1 << 20;
/// … or it holds this many rows.
const BATCH_ROWS: usize = 8192;

/// Rows of one CSV input, in input order.
#[derive(Debug, Default)]
pub(super) struct CsvBatch {
    /// The fields' bytes, one after another.
    bytes: Vec<u8>,
    /// Where each field ends in `bytes`.
    ends: Vec<usize>,
    /// Each row: the line it starts on and where its fields end in `ends`.
    rows: Vec<(u64, usize)>,
}

/// The batch takes the fields of the row being cut right after those of its last whole row;
/// [`CsvBatch::end_row`] makes them a row.
impl FieldSink for CsvBatch {
    fn push_field(&mut self, field: &[u8]) {
        self.bytes.extend_from_slice(field);
        self.ends.push(self.bytes.len());
    }
    fn discard_row(&mut self) {
        self.ends.truncate(self.whole_fields());
        self.bytes.truncate(self.ends.last().copied().unwrap_or(0));
    }
}

impl CsvBatch {
    /// How many fields the whole rows hold.
    fn whole_fields(&self) -> usize {
        self.rows.last().map_or(0, |r| r.1)
    }

    /// Whether every field pushed since the last whole row is blank.
    fn pending_blank(&self) -> bool {
        let first = self.whole_fields();
        let mut start = first.checked_sub(1).map_or(0, |k| self.ends[k]);
        self.ends[first..].iter().all(|&end| {
            let blank = input::is_blank(&self.bytes[start..end]);
            start = end;
            blank
        })
    }

    /// Makes the fields pushed since the last whole row a row, starting on `line`.
    fn end_row(&mut self, line: u64) {
        self.rows.push((line, self.ends.len()));
    }

    #[cfg(test)]
    fn push(&mut self, line: u64, row: &csv::ByteRecord) {
        for field in row {
            self.push_field(field);
        }
        self.end_row(line);
    }

    fn is_full(&self) -> bool {
        self.bytes.len() >= BATCH_BYTES || self.rows.len() >= BATCH_ROWS
    }

    fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Empties the batch for reuse; a buffer that a long row grew far past a batch is let go.
    fn clear(&mut self) {
        if self.bytes.capacity() > 4 * BATCH_BYTES {
            self.bytes = Vec::new();
        }
        self.bytes.clear();
        self.ends.clear();
        self.rows.clear();
    }

    /// The line the first row starts on.
    pub fn first_line(&self) -> u64 {
        self.rows.first().map_or(0, |r| r.0)
    }

    /// Calls `f` with each row, read in place, and its line, while `f` returns true.
    pub fn each(&self, mut f: impl FnMut(u64, &BatchRow<'_>) -> bool) {
        let (mut field, mut start) = (0, 0);
        for &(line, fields_end) in &self.rows {
            let ends = &self.ends[field..fields_end];
            let row = BatchRow {
                bytes: &self.bytes,
                start,
                ends,
            };
            start = ends.last().copied().unwrap_or(start);
            field = fields_end;
            if !f(line, &row) {
                return;
            }
        }
    }
}

/// One row of a batch, its fields read where the batch keeps them.
pub(super) struct BatchRow<'b> {
    bytes: &'b [u8],
    /// Where the row's first field starts in `bytes`.
    start: usize,
    /// Where each of its fields ends in `bytes`.
    ends: &'b [usize],
}

impl Fields for BatchRow<'_> {
    fn count(&self) -> usize {
        self.ends.len()
    }
    fn field(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => self.start,
            _ => self.ends[i - 1],
        };
        Some(&self.bytes[start..end])
    }
}

/// Cuts the rows after the header into batches for the workers. Rows the reader cannot cut
/// (too long, a quote that never closed, a field parser that disagrees) are counted here by
/// reason, as the one-thread reader counts them; blank rows are passed over uncounted, as there.
pub(super) fn cut_rows<R: BufRead>(
    rows: &mut CsvRows<R>,
    sink: &mut Dispatch<'_, CsvBatch>,
    limits: Limits,
) -> ReaderEnd {
    let mut end = ReaderEnd::new();
    let mut batch = fresh(sink);
    while let Some(got) = next_into(rows, &mut batch) {
        let (line, why) = match got {
            None | Some(Row::Record(_)) => {
                if batch.is_full() {
                    if !sink.send(batch) {
                        end.bytes = rows.bytes();
                        return end;
                    }
                    batch = fresh(sink);
                }
                continue;
            }
            Some(Row::TooLong(line)) => (line, Skip::LineTooLong),
            Some(Row::Unterminated(line)) => (line, Skip::UnterminatedQuote),
            Some(Row::Malformed(line)) => (line, Skip::MalformedCsv),
            Some(Row::Broken(line, had_text, e)) => {
                end.broken = Some((line, had_text, e));
                break;
            }
        };
        if !end.skip(line, why, limits) {
            // `--strict`: the rows before this one are still read, none after it.
            if !batch.is_empty() {
                sink.send(std::mem::take(&mut batch));
            }
            sink.stop_at(line);
            end.bytes = rows.bytes();
            return end;
        }
    }
    if !batch.is_empty() {
        sink.send(batch);
    }
    end.bytes = rows.bytes();
    end
}

/// Cuts the next row straight into `batch` (not through a record of its own): `Some(None)` when
/// it was a row, made a whole row of the batch unless every field of it is blank (such a row is
/// passed over, uncounted); `Some(Some(what))` when it was not a row, nothing of it left in the
/// batch; `None` at the end of the input.
fn next_into<R: BufRead>(rows: &mut CsvRows<R>, batch: &mut CsvBatch) -> Option<Option<Row>> {
    let got = rows.next_row(batch)?;
    if let Row::Record(line) = got {
        if batch.pending_blank() {
            batch.discard_row();
        } else {
            batch.end_row(line);
        }
        return Some(None);
    }
    batch.discard_row();
    Some(Some(got))
}

/// An empty batch: one the workers are done with, else a new one.
fn fresh(sink: &mut Dispatch<'_, CsvBatch>) -> CsvBatch {
    let mut b = sink.reuse().unwrap_or_default();
    b.clear();
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One thing a reader of `data` sees: a row's line and fields, or what else came.
    type Event = (u64, Result<Vec<Vec<u8>>, String>);
    /// What a reader of `data` sees, in order.
    type Seen = Vec<Event>;

    /// `data` cut by `CsvRows` into a record per row, blank rows passed over (the one-thread
    /// reader's way, `sequential::scan_csv`).
    fn through_records(data: &[u8], max: usize) -> Seen {
        let mut rows = CsvRows::new(data, b',', max);
        let mut row = csv::ByteRecord::new();
        let mut seen = vec![];
        while let Some(got) = rows.next_row(&mut row) {
            match got {
                Row::Record(line) if !row.iter().all(input::is_blank) => {
                    seen.push((line, Ok(row.iter().map(<[u8]>::to_vec).collect())));
                }
                Row::Record(_) => {}
                other => seen.push((0, Err(format!("{other:?}")))),
            }
        }
        seen
    }

    /// `data` cut straight into one batch by [`next_into`], then read back from it.
    fn through_batch(data: &[u8], max: usize) -> Seen {
        let mut rows = CsvRows::new(data, b',', max);
        let mut batch = CsvBatch::default();
        // Where the rows read back go among the other things seen: after those seen before them.
        let mut others: Vec<(usize, Event)> = vec![];
        while let Some(got) = next_into(&mut rows, &mut batch) {
            if let Some(other) = got {
                others.push((batch.rows.len(), (0, Err(format!("{other:?}")))));
            }
        }
        let mut seen = vec![];
        let mut k = 0;
        let mut others = others.into_iter().peekable();
        batch.each(|line, rec| {
            while let Some((_, o)) = others.next_if(|(at, _)| *at <= k) {
                seen.push(o);
            }
            let fields = (0..rec.count()).map(|i| rec.field(i).unwrap().to_vec());
            seen.push((line, Ok(fields.collect())));
            k += 1;
            true
        });
        seen.extend(others.map(|(_, o)| o));
        seen
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Rows cut straight into a batch and read in place are the rows (and the skips) a
        /// reader cutting each into a record of its own sees: fields split without the parser
        /// and then again by it, blank rows, rows too long, quotes never closed.
        #[test]
        fn rows_cut_into_a_batch_are_the_rows_cut_into_records(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "gmail down", "\"", "\"\"", ",", "\n", "\r\n", " ", "\"x,y\"",
                "\"p\"\"q\"", "\"b\"x", "지메일", "\u{feff}", ",\n", "\n\n",
            ][..]), 0..30),
            max in proptest::sample::select(&[12usize, 40, 1000][..]),
        ) {
            let data = pieces.concat().into_bytes();
            prop_assert_eq!(
                through_batch(&data, max),
                through_records(&data, max),
                "{:?}",
                String::from_utf8_lossy(&data)
            );
        }
    }

    #[test]
    fn rows_come_back_as_they_went_in() {
        let mut b = CsvBatch::default();
        let rows: Vec<(u64, Vec<&[u8]>)> = vec![
            (2, vec![b"2009-02-24", b"gmail is down", b""]),
            (3, vec![b""]),
            (5, vec![b"a\nb", b"c,d"]),
        ];
        for (line, fields) in &rows {
            b.push(*line, &csv::ByteRecord::from(fields.clone()));
        }
        assert_eq!(b.first_line(), 2);
        let mut got = vec![];
        b.each(|line, rec| {
            let fields = (0..rec.count()).map(|i| rec.field(i).unwrap().to_vec());
            got.push((line, fields.collect::<Vec<_>>()));
            true
        });
        let want: Vec<_> = rows
            .iter()
            .map(|(l, f)| (*l, f.iter().map(|x| x.to_vec()).collect::<Vec<_>>()))
            .collect();
        assert_eq!(got, want);
        // Stopping early reads no further.
        let mut n = 0;
        b.each(|_, _| {
            n += 1;
            false
        });
        assert_eq!(n, 1);
        b.clear();
        assert!(b.is_empty());
        assert_eq!(b.first_line(), 0);
    }
}
