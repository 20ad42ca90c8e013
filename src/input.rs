//! Opening inputs: files or standard input, compressed or not, read line by line into one buffer.
//!
//! gzip (including multi-member files, as concatenated archives are) and zstd are recognised by
//! their magic bytes, not by the file name, so `cat dump.zst | outcry detect` works too.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
const BUF_SIZE: usize = 256 * 1024;

/// How an input's records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON object per line.
    JsonLines,
    /// Comma- (or tab-) separated values.
    Csv { delimiter: u8 },
}

impl Layout {
    /// The layout a path's name suggests (`.csv`, `.tsv`, also under `.gz`/`.zst`); JSON Lines otherwise.
    pub fn from_name(name: &str) -> Layout {
        let lower = name.to_ascii_lowercase();
        let base = lower
            .strip_suffix(".gz")
            .or_else(|| lower.strip_suffix(".zst"))
            .or_else(|| lower.strip_suffix(".zstd"))
            .unwrap_or(&lower);
        if base.ends_with(".csv") {
            Layout::Csv { delimiter: b',' }
        } else if base.ends_with(".tsv") {
            Layout::Csv { delimiter: b'\t' }
        } else {
            Layout::JsonLines
        }
    }
}

/// One opened input, decompressed.
pub struct Source {
    /// The name used in messages: the path, or `<stdin>`.
    pub name: String,
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
}

/// Opens a path (`-` is standard input) and wraps it in the decompressor its first bytes call for.
pub fn open(path: &str) -> io::Result<Source> {
    open_wrapped(path, |r| r)
}

/// Like `open`, with `wrap` around the raw (still compressed) bytes, e.g. to count them for a
/// progress bar.
pub fn open_wrapped(
    path: &str,
    wrap: impl FnOnce(Box<dyn Read + Send>) -> Box<dyn Read + Send>,
) -> io::Result<Source> {
    let (name, raw): (String, Box<dyn Read + Send>) = if path == "-" {
        ("<stdin>".to_string(), Box::new(io::stdin()))
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a directory",
            ));
        }
        (path.to_string(), Box::new(File::open(p)?))
    };
    Ok(Source {
        name,
        reader: decompress(wrap(raw))?,
    })
}

/// Looks at the first bytes and returns a reader of the decompressed stream.
pub fn decompress(mut raw: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    // A pipe may hand over fewer bytes per read than a magic number has: loop until we have 4.
    let mut head = [0u8; 4];
    let mut n = 0;
    while n < head.len() {
        match raw.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    let head = &head[..n];
    let buffered = BufReader::with_capacity(BUF_SIZE, io::Cursor::new(head.to_vec()).chain(raw));
    if head.starts_with(GZIP_MAGIC) {
        let gz = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, gz)))
    } else if head.starts_with(ZSTD_MAGIC) {
        let z = zstd::stream::read::Decoder::with_buffer(buffered)?;
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, z)))
    } else {
        Ok(Box::new(buffered))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn lines_of(data: Vec<u8>) -> Vec<String> {
        let r = decompress(Box::new(io::Cursor::new(data))).unwrap();
        let mut lr = LineReader::new(r);
        let mut out = vec![];
        while let Some((_, l)) = lr.next_line() {
            match l {
                Line::Full(b) => out.push(String::from_utf8_lossy(b).into_owned()),
                Line::Broken(b, e) => out.push(format!(
                    "BROKEN {} {}",
                    String::from_utf8_lossy(b),
                    e.kind()
                )),
            }
        }
        out
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_lines_with_crlf_and_no_final_newline() {
        assert_eq!(lines_of(b"a\r\nb\n\nc".to_vec()), ["a", "b", "", "c"]);
    }

    #[test]
    fn multi_member_gzip_reads_every_member() {
        let mut data = gz(b"one\ntwo\n");
        data.extend(gz(b"three\n"));
        assert_eq!(lines_of(data), ["one", "two", "three"]);
    }

    #[test]
    fn zstd_is_recognised_by_magic() {
        let data = zstd::encode_all(&b"x\ny\n"[..], 3).unwrap();
        assert_eq!(lines_of(data), ["x", "y"]);
    }

    #[test]
    fn truncated_gzip_is_reported_not_hidden() {
        let mut data = gz("first\nsecond line that is long enough\n"
            .repeat(50)
            .as_bytes());
        data.truncate(data.len() - 12);
        let out = lines_of(data);
        assert!(out.last().unwrap().starts_with("BROKEN"), "{out:?}");
    }

    #[test]
    fn tiny_inputs_shorter_than_a_magic() {
        assert_eq!(lines_of(b"{".to_vec()), ["{"]);
        assert!(lines_of(vec![]).is_empty());
    }

    #[test]
    fn layout_from_name() {
        assert_eq!(
            Layout::from_name("a.csv.gz"),
            Layout::Csv { delimiter: b',' }
        );
        assert_eq!(Layout::from_name("A.TSV"), Layout::Csv { delimiter: b'\t' });
        assert_eq!(Layout::from_name("a.jsonl.zst"), Layout::JsonLines);
        assert_eq!(Layout::from_name("-"), Layout::JsonLines);
    }
}
