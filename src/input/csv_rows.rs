//! CSV rows out of lines, with limits: a quoted field may hold line breaks, but a quote left open
//! must not swallow the rest of the input, nor a long row grow memory without bound.
//!
//! Rows are assembled from the lines of a [`LineReader`] (which already reads past any line
//! longer than the limit without keeping it), following the quotes as the csv crate reads them:
//! a `"` at the start of a field opens a quoted field, `""` inside it is a quote, and a line
//! break inside it belongs to the field. A row whose quoted field is still open after
//! [`MAX_QUOTED_LINES`] lines, after `max` bytes, at a line too long to keep, or at the end of the
//! input, is cut: its first line is reported as an unterminated quote, and the lines after it
//! are read again as rows of their own, so that one stray quote costs one row, not the rest of
//! the file. The fields of a complete row are split by `csv_core`, the csv crate's own parser.

use std::collections::VecDeque;
use std::io::{self, BufRead};

use super::lines::{is_blank, Line, LineReader};

/// The most lines one quoted field may span. A forum post of a thousand lines in one cell is
/// beyond anything seen; an unterminated quote is far likelier.
pub const MAX_QUOTED_LINES: usize = 1000;

/// What [`CsvRows::next_row`] found.
#[derive(Debug)]
pub enum Row {
    /// A row (its fields are in the caller's record), starting at this line.
    Record(u64),
    /// A line longer than the limit, read past (its number).
    TooLong(u64),
    /// A row whose quoted field never closed within the limits (the number of its first line);
    /// the lines after it are read again.
    Unterminated(u64),
    /// A row the field parser read differently from the quote tracking (should not happen).
    Malformed(u64),
    /// The input broke off in this line: whether the line had anything but white space, and
    /// the error. Nothing follows.
    Broken(u64, bool, io::Error),
}

/// Where [`CsvRows::next_row`] puts a row's fields: a `csv::ByteRecord`, or the parallel
/// reader's batch of rows, which takes them in place rather than through a record of their own.
pub trait FieldSink {
    /// Adds one field to the row being put.
    fn push_field(&mut self, field: &[u8]);
    /// Drops the fields of the row being put (a row split again another way, or not a row).
    fn discard_row(&mut self);
}

impl FieldSink for csv::ByteRecord {
    fn push_field(&mut self, field: &[u8]) {
        csv::ByteRecord::push_field(self, field);
    }
    fn discard_row(&mut self) {
        self.clear();
    }
}

/// A line given back to be read again, after the row it was part of was cut.
enum Item {
    Line(u64, Vec<u8>),
    TooLong(u64),
    Broken(u64, Vec<u8>, io::Error),
}

/// Where a scan of a row's text is, as far as quotes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// At the start of a field (a `"` here opens a quoted field).
    FieldStart,
    /// Inside a field that was not quoted (a `"` here is an ordinary character).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a `"` inside a quoted field: it closed the field, or starts a `""`.
    MaybeClosed,
}

impl Quote {
    /// The state after `line` (which holds no `\n`). Inside a quoted field only the next `"`
    /// and inside an unquoted one only the next delimiter can change the state, so those are
    /// found with `memchr`; the bytes right after a delimiter or a closing quote are read one
    /// by one ([`Quote::step`]).
    #[cfg(test)]
    fn after(self, line: &[u8], delimiter: u8) -> Quote {
        self.after_noting(line, delimiter, &mut false)
    }

    /// [`Quote::after`], setting `closed_amiss` when a quoted field closed with a quote that
    /// neither a delimiter, another quote nor the line's end follows (`"a"b`, which the csv
    /// crate reads leniently as `ab`).
    fn after_noting(mut self, line: &[u8], delimiter: u8, closed_amiss: &mut bool) -> Quote {
        if self != Quote::Quoted && memchr::memchr(b'"', line).is_none() {
            return Quote::Unquoted;
        }
        let mut i = 0;
        while i < line.len() {
            let (wanted, to) = match self {
                Quote::Quoted => (b'"', Quote::MaybeClosed),
                Quote::Unquoted => (delimiter, Quote::FieldStart),
                Quote::FieldStart | Quote::MaybeClosed => {
                    let next = self.step(line[i], delimiter);
                    *closed_amiss |= self == Quote::MaybeClosed && next == Quote::Unquoted;
                    self = next;
                    i += 1;
                    continue;
                }
            };
            match memchr::memchr(wanted, &line[i..]) {
                Some(k) => (self, i) = (to, i + k + 1),
                None => return self,
            }
        }
        self
    }

    /// The state after one more byte.
    fn step(self, b: u8, delimiter: u8) -> Quote {
        match (self, b) {
            (Quote::Quoted, b'"') => Quote::MaybeClosed,
            (Quote::Quoted, _) => Quote::Quoted,
            (_, d) if d == delimiter => Quote::FieldStart,
            (Quote::FieldStart, b'"') | (Quote::MaybeClosed, b'"') => Quote::Quoted,
            (Quote::FieldStart | Quote::Unquoted | Quote::MaybeClosed, _) => Quote::Unquoted,
        }
    }
}

/// Reads CSV rows, line by line, within limits (see the module documentation).
pub struct CsvRows<R> {
    lines: LineReader<R>,
    delimiter: u8,
    /// The most bytes of one row.
    max: usize,
    /// Lines to read again before the stream's next ones.
    replay: VecDeque<Item>,
    /// The row being assembled: its lines, each followed by `\n`.
    rec: Vec<u8>,
    /// Where each line of `rec` starts, and its number.
    rec_lines: Vec<(usize, u64)>,
    quote: Quote,
    parser: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// The quoted field being read, unescaped (`""` read as `"`; every quoted field passes
    /// through it, see [`split_plain`]).
    unescaped: Vec<u8>,
}

impl<R: BufRead> CsvRows<R> {
    /// Rows of `reader`, fields split at `delimiter`, rows (and lines) of at most `max` bytes.
    pub fn new(reader: R, delimiter: u8, max: usize) -> Self {
        let mut parser = csv_core::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(csv_core::Terminator::Any(b'\n'))
            .build();
        // A fresh parser takes a byte-order mark off the first row it reads, wherever that row
        // is; the csv crate takes it off the input's first bytes only. A first row read here
        // leaves that to `append`, for line 1 only (found by the fuzz smoke run).
        let _ = parser.read_record(b"-\n", &mut [0; 4], &mut [0; 4]);
        CsvRows {
            lines: LineReader::with_limit(reader, max),
            delimiter,
            max,
            replay: VecDeque::new(),
            rec: Vec::with_capacity(4096),
            rec_lines: vec![],
            quote: Quote::FieldStart,
            parser,
            out: vec![0; 4096],
            ends: vec![0; 64],
            unescaped: vec![],
        }
    }

    /// Decompressed bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.lines.bytes
    }

    /// The next row, its fields put into `row` (fields put there for anything but a
    /// `Row::Record` are the caller's to discard); `None` at the end of the input.
    pub fn next_row(&mut self, row: &mut impl FieldSink) -> Option<Row> {
        loop {
            // One more line onto the row being assembled, or something that ends it.
            let event = match self.replay.pop_front() {
                Some(Item::Line(n, bytes)) => {
                    append(&mut self.rec, &mut self.rec_lines, n, &bytes);
                    None
                }
                Some(other) => Some(other),
                None => match self.lines.next_line() {
                    None if self.rec_lines.is_empty() => return None,
                    // The input ended inside a quoted field.
                    None => return Some(Row::Unterminated(self.cut(None))),
                    Some((n, Line::Full(b))) => {
                        append(&mut self.rec, &mut self.rec_lines, n, b);
                        None
                    }
                    Some((n, Line::TooLong(_))) => Some(Item::TooLong(n)),
                    Some((n, Line::Broken(b, e))) => Some(Item::Broken(n, b.to_vec(), e)),
                },
            };
            if let Some(item) = event {
                if !self.rec_lines.is_empty() {
                    // An open quoted field runs into a line too long to keep, or into the end.
                    return Some(Row::Unterminated(self.cut(Some(item))));
                }
                return Some(match item {
                    Item::TooLong(n) => Row::TooLong(n),
                    Item::Broken(n, b, e) => Row::Broken(n, !is_blank(&b), e),
                    Item::Line(..) => unreachable!("lines are appended above"),
                });
            }
            let start = self.rec_lines.last().map_or(0, |l| l.0);
            let line = &self.rec[start..self.rec.len() - 1];
            if self.rec_lines.len() == 1 && is_blank(line) {
                self.clear();
                continue;
            }
            let mut closed_amiss = false;
            self.quote = self
                .quote
                .after_noting(line, self.delimiter, &mut closed_amiss);
            // A quoted field that ran over lines and then closed amiss (`,"gmail` on a later
            // line): most likely a stray quote that took the rows between for its text. Cut as
            // an unterminated quote: one row lost, the lines after it read again.
            if closed_amiss && self.rec_lines.len() > 1 {
                return Some(Row::Unterminated(self.cut(None)));
            }
            if self.quote == Quote::Quoted {
                if self.rec.len() > self.max || self.rec_lines.len() >= MAX_QUOTED_LINES {
                    return Some(Row::Unterminated(self.cut(None)));
                }
                continue;
            }
            let first = self.rec_lines[0].1;
            let agreed = self.parse(row);
            self.clear();
            return Some(if agreed {
                Row::Record(first)
            } else {
                Row::Malformed(first)
            });
        }
    }

    /// Cuts the row being assembled: the lines after its first go back to be read again,
    /// followed by `then`. The number of its first line.
    fn cut(&mut self, then: Option<Item>) -> u64 {
        let first = self.rec_lines[0].1;
        let mut back: Vec<Item> = Vec::with_capacity(self.rec_lines.len());
        for (k, &(start, n)) in self.rec_lines.iter().enumerate().skip(1) {
            let end = self.rec_lines.get(k + 1).map_or(self.rec.len(), |l| l.0) - 1;
            back.push(Item::Line(n, self.rec[start..end].to_vec()));
        }
        back.extend(then);
        for item in back.into_iter().rev() {
            self.replay.push_front(item);
        }
        self.clear();
        first
    }

    /// A parser in its first state, but for the byte-order mark (see `new`).
    fn reset_parser(&mut self) {
        self.parser.reset();
        let _ = self.parser.read_record(b"-\n", &mut [0; 4], &mut [0; 4]);
    }

    fn clear(&mut self) {
        self.rec.clear();
        self.rec_lines.clear();
        self.quote = Quote::FieldStart;
    }

    /// Splits the complete row in `rec` into `row`'s fields; false when the parser ended the
    /// row elsewhere than the quote tracking did.
    fn parse(&mut self, row: &mut impl FieldSink) -> bool {
        // The common shapes are split without the parser, which is then where it was: ready
        // for the next row, as after any row it read.
        row.discard_row();
        if split_plain(&self.rec, self.delimiter, &mut self.unescaped, row) {
            return true;
        }
        row.discard_row();
        // The parser is ready for the next row after the last one ended; it is not reset, for a
        // reset parser takes a byte-order mark off the row's start (see `new`).
        if self.out.len() < self.rec.len() {
            self.out.resize(self.rec.len(), 0);
        }
        let mut input = &self.rec[..];
        let (mut nout, mut nend) = (0, 0);
        let mut fed_end = false;
        loop {
            // An empty input tells the parser the input ended: it is then done for good.
            fed_end |= input.is_empty();
            let (res, i, o, e) =
                self.parser
                    .read_record(input, &mut self.out[nout..], &mut self.ends[nend..]);
            input = &input[i..];
            nout += o;
            nend += e;
            match res {
                // Next time round with nothing left: the end of the row's input.
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    let len = self.out.len() * 2;
                    self.out.resize(len, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                csv_core::ReadRecordResult::Record => break,
                csv_core::ReadRecordResult::End => {
                    self.reset_parser();
                    return false;
                }
            }
        }
        let mut start = 0;
        for &end in &self.ends[..nend] {
            row.push_field(&self.out[start..end]);
            start = end;
        }
        if fed_end || !input.is_empty() {
            // Ended elsewhere than the quotes said: start the next row afresh.
            self.reset_parser();
            return false;
        }
        true
    }
}

/// Splits the complete row `rec` (ending in its one `\n` outside quotes) into `row`'s fields as
/// `csv_core` does, when every field keeps to a common shape: unquoted up to the next delimiter
/// or line break (a `"` inside is an ordinary byte), or quoted from its first byte to a closing
/// quote right before a delimiter or the row's end (`""` inside is a quote; delimiters and line
/// breaks inside are the field's). The delimiters, quotes and line breaks are found with
/// `memchr`. False, with some fields pushed, for anything else (a byte after a closing quote, a
/// quote left open, a line break outside quotes before the row's end), which the caller leaves
/// to `csv_core`. A proptest holds it to `csv_core`.
fn split_plain(
    rec: &[u8],
    delimiter: u8,
    unescaped: &mut Vec<u8>,
    row: &mut impl FieldSink,
) -> bool {
    let Some(last) = rec.len().checked_sub(1).filter(|&l| rec[l] == b'\n') else {
        return false;
    };
    // A line break where a row starts is an empty line to the parser, which it skips.
    if matches!(delimiter, b'"' | b'\n') || rec[0] == b'\n' {
        return false;
    }
    let mut i = 0;
    loop {
        let end = if rec[i] == b'"' {
            let Some(end) = quoted_field(rec, i + 1, unescaped) else {
                return false;
            };
            row.push_field(unescaped);
            end
        } else {
            let Some(k) = memchr::memchr2(delimiter, b'\n', &rec[i..]) else {
                return false;
            };
            row.push_field(&rec[i..i + k]);
            i + k
        };
        match rec[end] {
            b'\n' => return end == last,
            c if c == delimiter => i = end + 1,
            _ => return false,
        }
    }
}

/// The quoted field whose text starts at byte `from` of `rec` (right after its opening quote),
/// unescaped into `unescaped`: where the byte after its closing quote is; `None` when the quote
/// never closes or nothing follows it.
fn quoted_field(rec: &[u8], from: usize, unescaped: &mut Vec<u8>) -> Option<usize> {
    unescaped.clear();
    let mut j = from;
    loop {
        let q = j + memchr::memchr(b'"', &rec[j..])?;
        unescaped.extend_from_slice(&rec[j..q]);
        if rec.get(q + 1) == Some(&b'"') {
            unescaped.push(b'"');
            j = q + 2;
        } else {
            return (q + 1 < rec.len()).then_some(q + 1);
        }
    }
}

/// Adds line `n` to the row being assembled (without the byte-order mark that may open the input).
fn append(rec: &mut Vec<u8>, rec_lines: &mut Vec<(usize, u64)>, n: u64, line: &[u8]) {
    let line = match n {
        1 => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line),
        _ => line,
    };
    rec_lines.push((rec.len(), n));
    rec.extend_from_slice(line);
    rec.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn quote_states_found_with_memchr_are_those_of_a_byte_by_byte_scan(
            line in proptest::collection::vec(proptest::sample::select(&b"\",;a "[..]), 0..40),
            start in proptest::sample::select(
                &[Quote::FieldStart, Quote::Unquoted, Quote::Quoted, Quote::MaybeClosed][..],
            ),
            delimiter in proptest::sample::select(&b",;"[..]),
        ) {
            let byte_by_byte = if start != Quote::Quoted && !line.contains(&b'"') {
                Quote::Unquoted
            } else {
                line.iter().fold(start, |q, &b| q.step(b, delimiter))
            };
            prop_assert_eq!(start.after(&line, delimiter), byte_by_byte);
        }
    }

    /// `rec` split by a parser set up as [`CsvRows::new`] sets up its own: the fields, and
    /// whether the row ended right at the end of `rec`.
    fn split_by_csv_core(rec: &[u8], delimiter: u8) -> (Vec<Vec<u8>>, bool) {
        let mut parser = csv_core::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(csv_core::Terminator::Any(b'\n'))
            .build();
        let _ = parser.read_record(b"-\n", &mut [0; 4], &mut [0; 4]);
        let (mut out, mut ends) = (vec![0; rec.len() + 1], vec![0; rec.len() + 1]);
        let (res, read, _, n) = parser.read_record(rec, &mut out, &mut ends);
        let mut start = 0;
        let fields = ends[..n]
            .iter()
            .map(|&e| {
                let f = out[start..e].to_vec();
                start = e;
                f
            })
            .collect();
        let whole = matches!(res, csv_core::ReadRecordResult::Record) && read == rec.len();
        (fields, whole)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn rows_split_without_the_parser_are_split_as_the_parser_splits_them(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "a", "bc", "\"", "\"\"", ",", ";", "\n", "\r", " ", "\"x,y\"", "\"p\"\"q\"", "é",
            ][..]), 0..14),
            delimiter in proptest::sample::select(&b",;"[..]),
        ) {
            let mut rec = pieces.concat().into_bytes();
            rec.push(b'\n');
            let (mut unescaped, mut row) = (vec![], csv::ByteRecord::new());
            if split_plain(&rec, delimiter, &mut unescaped, &mut row) {
                let (fields, whole) = split_by_csv_core(&rec, delimiter);
                prop_assert!(whole, "{:?}", String::from_utf8_lossy(&rec));
                let mine: Vec<Vec<u8>> = row.iter().map(<[u8]>::to_vec).collect();
                prop_assert_eq!(mine, fields, "{:?}", String::from_utf8_lossy(&rec));
            }
        }
    }

    #[test]
    fn the_common_shapes_are_split_without_the_parser() {
        let (mut unescaped, mut row) = (vec![], csv::ByteRecord::new());
        for rec in [
            &b"2024/03/01 09:00,user1,title,\"text, with \"\"quotes\"\"\nand lines\"\n"[..],
            b"a,b,c\n",
            b"a,,\"\"\n",
            b"say \"hi\",x\n",
        ] {
            row.clear();
            assert!(split_plain(rec, b',', &mut unescaped, &mut row), "{rec:?}");
        }
        for rec in [&b"\"a\"b,c\n"[..], b"\"open\n", b"a\nb\n"] {
            row.clear();
            assert!(!split_plain(rec, b',', &mut unescaped, &mut row), "{rec:?}");
        }
    }

    /// Each row as `line:field|field`, or what was wrong with it.
    fn rows(data: &str, max: usize) -> Vec<String> {
        let mut r = CsvRows::new(data.as_bytes(), b',', max);
        let mut row = csv::ByteRecord::new();
        let mut out = vec![];
        while let Some(got) = r.next_row(&mut row) {
            out.push(match got {
                Row::Record(n) => {
                    let f: Vec<String> = row
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect();
                    format!("{n}:{}", f.join("|"))
                }
                other => format!("{other:?}"),
            });
        }
        out
    }

    #[test]
    fn quoted_fields_span_lines_and_quotes_inside_fields_are_plain() {
        let data = "a,b\n1,\"two\nlines, \"\"quoted\"\"\"\n\n2,x\"y\"\n3,\"q\"tail\n";
        assert_eq!(
            rows(data, 1000),
            [
                "1:a|b",
                "2:1|two\nlines, \"quoted\"",
                "5:2|x\"y\"",
                "6:3|qtail"
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_is_taken_off_the_input_only_not_each_row() {
        // Found by the fuzz smoke run: a parser reset per row took it off every row.
        assert_eq!(
            rows("\u{feff}a,b\n\u{feff}c,d\n", 100),
            ["1:a|b", "2:\u{feff}c|d"]
        );
        assert_eq!(rows("\n\u{feff}c,d\n", 100), ["2:\u{feff}c|d"]);
    }

    #[test]
    fn an_unterminated_quote_costs_its_row_only() {
        let mut data = String::from("t,x\n1,\"never closed\n");
        for i in 2..1500 {
            data.push_str(&format!("{i},row {i}\n"));
        }
        let got = rows(&data, 1 << 20);
        assert_eq!(got[0], "1:t|x");
        assert_eq!(got[1], "Unterminated(2)");
        assert_eq!(got[2], "3:2|row 2");
        assert_eq!(got.len(), 1 + 1 + 1498, "every other row is read");
        // At the end of the input too, and with the byte limit.
        assert_eq!(rows("1,\"open\n2,b\n", 1000), ["Unterminated(1)", "2:2|b"]);
        let long = format!("1,\"{}\n", "x\n".repeat(600));
        let got = rows(&(long + "9,z\n"), 1000);
        assert_eq!(got[0], "Unterminated(1)");
        assert_eq!(got.last().unwrap(), "602:9|z");
    }

    #[test]
    fn a_too_long_line_is_skipped_inside_or_outside_a_row() {
        let long = "y".repeat(50);
        let data = format!("1,a\n2,{long}\n3,\"open\n{long}\n4,b\n");
        assert_eq!(
            rows(&data, 20),
            [
                "1:1|a",
                "TooLong(2)",
                "Unterminated(3)",
                "TooLong(4)",
                "5:4|b"
            ]
        );
    }

    #[test]
    fn a_broken_input_ends_with_its_line() {
        struct Failing(&'static [u8]);
        impl io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Err(io::Error::other("corrupt"));
                }
                let n = buf.len().min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut r = CsvRows::new(
            io::BufReader::new(Failing(b"1,a\n2,\"open\n3,c\n4,par")),
            b',',
            100,
        );
        let mut row = csv::ByteRecord::new();
        let mut got = vec![];
        while let Some(x) = r.next_row(&mut row) {
            got.push(format!("{x:?}"));
        }
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[..3], ["Record(1)", "Unterminated(2)", "Record(3)"]);
        assert!(got[3].starts_with("Broken(4, true"), "{got:?}");
    }
}
