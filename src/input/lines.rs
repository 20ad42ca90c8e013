//! Lines out of a decompressed stream, into one reused buffer, numbered, line endings stripped,
//! and never longer than a limit: a longer line is read past, not kept, so that memory stays
//! bounded whatever the input (a gigabyte of zeros without a newline is one skipped line).

use std::io::{self, BufRead};

/// The longest line kept by default, in bytes (without its line ending): `--max-line-bytes`.
/// Far beyond any post (a tweet's full JSON is a few KiB, a long forum post tens of KiB).
pub const DEFAULT_MAX_LINE: usize = 4 << 20;

/// Reads lines into one reused buffer, counting them, with the line ending stripped.
pub struct LineReader<R> {
    reader: R,
    buf: Vec<u8>,
    /// The longest line returned whole, in bytes without its line ending.
    max: usize,
    /// 1-based number of the line last returned.
    pub line_no: u64,
    /// Bytes read so far (decompressed).
    pub bytes: u64,
    /// Set after a read error: the stream is not read again.
    broken: bool,
    /// A read error met while reading past a too-long line, returned by the next call.
    pending: Option<io::Error>,
}

/// What a read gave back.
pub enum Line<'a> {
    /// A whole line (without `\n` / `\r\n`).
    Full(&'a [u8]),
    /// A line longer than the limit, read past without being kept: its length in bytes (with its
    /// line ending, if it had one).
    TooLong(u64),
    /// The stream broke off (truncated or corrupt archive, read error): what was read of the last
    /// line, which may be empty, and the error.
    Broken(&'a [u8], io::Error),
}

impl<R: BufRead> LineReader<R> {
    /// A reader that keeps lines of up to [`DEFAULT_MAX_LINE`] bytes.
    pub fn new(reader: R) -> Self {
        Self::with_limit(reader, DEFAULT_MAX_LINE)
    }

    /// A reader that keeps lines of up to `max` bytes (without the line ending).
    pub fn with_limit(reader: R, max: usize) -> Self {
        LineReader {
            reader,
            buf: Vec::with_capacity(4096),
            max,
            line_no: 0,
            bytes: 0,
            broken: false,
            pending: None,
        }
    }

    /// The next line and its 1-based number, or `None` at the end of the stream (and after the
    /// stream broke off: a `Line::Broken` is the last thing returned).
    pub fn next_line(&mut self) -> Option<(u64, Line<'_>)> {
        self.buf.clear();
        if let Some(e) = self.pending.take() {
            // The error came while reading past the line just returned: it broke off there.
            return Some((self.line_no, Line::Broken(&[], e)));
        }
        if self.broken {
            return None;
        }
        let mut len = 0u64;
        let mut too_long = false;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.broken = true;
                    self.line_no += 1;
                    self.bytes += len;
                    if too_long {
                        self.pending = Some(e);
                        return Some((self.line_no, Line::TooLong(len)));
                    }
                    return Some((self.line_no, Line::Broken(trim_eol(&self.buf), e)));
                }
            };
            if avail.is_empty() {
                break;
            }
            let (take, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            // `+ 2`: a line of exactly `max` bytes may still come with its `\r\n`.
            if !too_long && self.buf.len() + take > self.max.saturating_add(2) {
                too_long = true;
                self.buf.clear();
            }
            if !too_long {
                self.buf.extend_from_slice(&avail[..take]);
            }
            self.reader.consume(take);
            len += take as u64;
            if done {
                break;
            }
        }
        if len == 0 {
            return None;
        }
        self.line_no += 1;
        self.bytes += len;
        let line = trim_eol(&self.buf);
        if too_long || line.len() > self.max {
            return Some((self.line_no, Line::TooLong(len)));
        }
        Some((self.line_no, Line::Full(line)))
    }
}

fn trim_eol(b: &[u8]) -> &[u8] {
    let b = b.strip_suffix(b"\n").unwrap_or(b);
    b.strip_suffix(b"\r").unwrap_or(b)
}

/// True for a line with nothing but white space: such lines are not records and not skips.
pub fn is_blank(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(data: &[u8], max: usize) -> Vec<String> {
        let mut r = LineReader::with_limit(io::BufReader::with_capacity(7, data), max);
        let mut out = vec![];
        while let Some((n, l)) = r.next_line() {
            out.push(match l {
                Line::Full(b) => format!("{n}:{}", String::from_utf8_lossy(b)),
                Line::TooLong(len) => format!("{n}:too long ({len})"),
                Line::Broken(b, e) => format!("{n}:broken {} {e}", String::from_utf8_lossy(b)),
            });
        }
        out
    }

    #[test]
    fn a_line_over_the_limit_is_read_past_and_numbered() {
        let data = b"short\nexactly10!\r\nthis one is too long\nok\n0123456789ab";
        assert_eq!(
            lines(data, 10),
            [
                "1:short",
                "2:exactly10!",
                "3:too long (21)",
                "4:ok",
                "5:too long (12)"
            ]
        );
    }

    #[test]
    fn a_too_long_line_is_not_kept_in_memory() {
        // 64 MiB of zeros, no newline: the buffer never grows past the limit.
        let r2 = io::BufReader::new(io::Read::take(io::repeat(0), 64 << 20));
        let mut r = LineReader::with_limit(r2, 1000);
        match r.next_line() {
            Some((1, Line::TooLong(n))) => assert_eq!(n, 64 << 20),
            _ => panic!("expected a too-long line"),
        }
        assert!(r.buf.capacity() < 1 << 20, "{}", r.buf.capacity());
        assert!(r.next_line().is_none());
    }
}
