//! Lines out of a decompressed stream, into one reused buffer, numbered, line endings stripped.

use std::io::{self, BufRead};

/// Reads lines into one reused buffer, counting them, with the line ending stripped.
pub struct LineReader<R> {
    reader: R,
    buf: Vec<u8>,
    /// 1-based number of the line last returned.
    pub line_no: u64,
    /// Bytes read so far (decompressed).
    pub bytes: u64,
    /// Set after a read error: the stream is not read again.
    broken: bool,
}

/// What a read gave back.
pub enum Line<'a> {
    /// A whole line (without `\n` / `\r\n`).
    Full(&'a [u8]),
    /// The stream broke off (truncated or corrupt archive, read error): what was read of the last
    /// line, which may be empty, and the error.
    Broken(&'a [u8], io::Error),
}

impl<R: BufRead> LineReader<R> {
    pub fn new(reader: R) -> Self {
        LineReader {
            reader,
            buf: Vec::with_capacity(4096),
            line_no: 0,
            bytes: 0,
            broken: false,
        }
    }

    /// The next line and its 1-based number, or `None` at the end of the stream (and after the
    /// stream broke off: a `Line::Broken` is the last thing returned).
    pub fn next_line(&mut self) -> Option<(u64, Line<'_>)> {
        self.buf.clear();
        if self.broken {
            return None;
        }
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => None,
            Ok(n) => {
                self.line_no += 1;
                self.bytes += n as u64;
                Some((self.line_no, Line::Full(trim_eol(&self.buf))))
            }
            Err(e) => {
                self.broken = true;
                self.line_no += 1;
                self.bytes += self.buf.len() as u64;
                Some((self.line_no, Line::Broken(trim_eol(&self.buf), e)))
            }
        }
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
