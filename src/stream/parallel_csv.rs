//! CSV on every core: the reader thread cuts rows, the workers read them.
//!
//! A quoted field may hold line breaks, and a stray quote must cost one row, not the rest of the
//! file (`input::CsvRows`), so where a row ends is known only to a reader that has followed every
//! quote before it: the cutting stays on one thread. It is the cheap part (`csv_core` over the
//! bytes); mapping the columns, reading the time and classifying the text, which cost several
//! times more on text-heavy exports, happen on the workers. Rows travel in batches of about a
//! megabyte, their fields copied one after another into one buffer that comes back to the reader
//! to be filled again, so nothing is allocated per row and the memory in flight is a few batches
//! whatever the input.

use std::io::BufRead;

use super::pool::{Dispatch, Limits, ReaderEnd};
use crate::input::{self, CsvRows, Row};
use crate::record::Skip;

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

impl CsvBatch {
    fn push(&mut self, line: u64, row: &csv::ByteRecord) {
        for field in row {
            self.bytes.extend_from_slice(field);
            self.ends.push(self.bytes.len());
        }
        self.rows.push((line, self.ends.len()));
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

    /// Calls `f` with each row, rebuilt in `rec`, and its line, while `f` returns true.
    pub fn each(
        &self,
        rec: &mut csv::ByteRecord,
        mut f: impl FnMut(u64, &csv::ByteRecord) -> bool,
    ) {
        let (mut field, mut start) = (0, 0);
        for &(line, fields_end) in &self.rows {
            rec.clear();
            for &end in &self.ends[field..fields_end] {
                rec.push_field(&self.bytes[start..end]);
                start = end;
            }
            field = fields_end;
            if !f(line, rec) {
                return;
            }
        }
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
    let mut row = csv::ByteRecord::new();
    let mut batch = fresh(sink);
    while let Some(got) = rows.next_row(&mut row) {
        let (line, why) = match got {
            Row::Record(line) => {
                if row.iter().all(input::is_blank) {
                    continue;
                }
                batch.push(line, &row);
                if batch.is_full() {
                    if !sink.send(batch) {
                        end.bytes = rows.bytes();
                        return end;
                    }
                    batch = fresh(sink);
                }
                continue;
            }
            Row::TooLong(line) => (line, Skip::LineTooLong),
            Row::Unterminated(line) => (line, Skip::UnterminatedQuote),
            Row::Malformed(line) => (line, Skip::MalformedCsv),
            Row::Broken(line, had_text, e) => {
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

/// An empty batch: one the workers are done with, else a new one.
fn fresh(sink: &mut Dispatch<'_, CsvBatch>) -> CsvBatch {
    let mut b = sink.reuse().unwrap_or_default();
    b.clear();
    b
}

#[cfg(test)]
mod tests {
    use super::*;

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
        b.each(&mut csv::ByteRecord::new(), |line, rec| {
            got.push((line, rec.iter().map(<[u8]>::to_vec).collect::<Vec<_>>()));
            true
        });
        let want: Vec<_> = rows
            .iter()
            .map(|(l, f)| (*l, f.iter().map(|x| x.to_vec()).collect::<Vec<_>>()))
            .collect();
        assert_eq!(got, want);
        // Stopping early reads no further.
        let mut n = 0;
        b.each(&mut csv::ByteRecord::new(), |_, _| {
            n += 1;
            false
        });
        assert_eq!(n, 1);
        b.clear();
        assert!(b.is_empty());
        assert_eq!(b.first_line(), 0);
    }
}
