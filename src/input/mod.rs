//! Where the stream starts: files or standard input, compressed or not, read line by line into one
//! buffer. This file opens paths; [`decompress`] unwraps archives, [`lines`] cuts lines (within a
//! length limit), [`csv_rows`] assembles CSV rows from them (within limits too).
//!
//! gzip (including multi-member files, as concatenated archives are), zstd, xz and bzip2 are
//! recognised by their magic bytes, not by the file name, so `cat dump.zst | outcry detect` works
//! too. The layout (JSON Lines or CSV) comes from the name (`.jsonl`, `.csv`, `.tsv`, under any
//! compression suffix) or, for standard input and other names, from the first line ([`sniff`]).

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

mod csv_rows;
mod decompress;
mod lines;

pub use csv_rows::{CsvRows, Row, MAX_QUOTED_LINES};
pub use decompress::decompress;
pub use lines::{is_blank, Line, LineReader, DEFAULT_MAX_LINE};

/// How an input's records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON object per line.
    JsonLines,
    /// Comma- (or tab-) separated values.
    Csv { delimiter: u8 },
}

impl Layout {
    /// The layout a path's name says (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.json`, also under
    /// `.gz`, `.zst`, `.xz`, `.bz2`); `None` when it says nothing (standard input, `.txt`, …).
    pub fn from_name(name: &str) -> Option<Layout> {
        let lower = name.to_ascii_lowercase();
        let base = [".gz", ".zst", ".zstd", ".xz", ".bz2"]
            .iter()
            .find_map(|s| lower.strip_suffix(s))
            .unwrap_or(&lower);
        if base.ends_with(".csv") {
            Some(Layout::Csv { delimiter: b',' })
        } else if base.ends_with(".tsv") {
            Some(Layout::Csv { delimiter: b'\t' })
        } else if [".jsonl", ".ndjson", ".json"]
            .iter()
            .any(|e| base.ends_with(e))
        {
            Some(Layout::JsonLines)
        } else {
            None
        }
    }

    /// The layout of an input: by its name, else by its first line (see [`sniff`]).
    pub fn of(name: &str, reader: &mut dyn BufRead) -> Layout {
        Layout::from_name(name).unwrap_or_else(|| sniff(reader))
    }
}

/// The layout of a stream whose name says nothing, from its first line, without consuming it:
/// an object (`{`) or array is JSON Lines; a line with commas or tabs (a header such as
/// `date,author,text`) is CSV or TSV, whichever separator it has more of; anything else is read as
/// JSON Lines (and every line is then counted as malformed: the run says no record could be read).
pub fn sniff(reader: &mut dyn BufRead) -> Layout {
    let Ok(buf) = reader.fill_buf() else {
        return Layout::JsonLines; // the read error surfaces when the lines are read
    };
    let buf = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(buf);
    let start = buf.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Layout::JsonLines;
    };
    let rest = &buf[start..];
    if matches!(rest[0], b'{' | b'[') {
        return Layout::JsonLines;
    }
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let count = |c: u8| line.iter().filter(|&&b| b == c).count();
    match (count(b','), count(b'\t')) {
        (0, 0) => Layout::JsonLines,
        (commas, tabs) if tabs > commas => Layout::Csv { delimiter: b'\t' },
        _ => Layout::Csv { delimiter: b',' },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_from_name() {
        let csv = Layout::Csv { delimiter: b',' };
        assert_eq!(Layout::from_name("a.csv.gz"), Some(csv));
        assert_eq!(Layout::from_name("a.csv.xz"), Some(csv));
        assert_eq!(
            Layout::from_name("A.TSV"),
            Some(Layout::Csv { delimiter: b'\t' })
        );
        assert_eq!(Layout::from_name("a.jsonl.zst"), Some(Layout::JsonLines));
        assert_eq!(Layout::from_name("-"), None);
        assert_eq!(Layout::from_name("dump.txt"), None);
    }

    #[test]
    fn the_first_line_tells_json_from_csv() {
        let sniffed = |s: &str| {
            let mut r = std::io::Cursor::new(s.as_bytes().to_vec());
            let l = sniff(&mut r);
            assert_eq!(r.position(), 0, "nothing consumed");
            l
        };
        let csv = Layout::Csv { delimiter: b',' };
        assert_eq!(sniffed("{\"text\":\"a, b\"}\n"), Layout::JsonLines);
        assert_eq!(sniffed("\u{feff}\n  {\"a\":1}"), Layout::JsonLines);
        assert_eq!(sniffed("date,author,text\n2009-02-24,kim,down\n"), csv);
        assert_eq!(
            sniffed("date\tauthor\ttext, with a comma\n"),
            Layout::Csv { delimiter: b'\t' }
        );
        assert_eq!(sniffed("gmail is down\n"), Layout::JsonLines);
        assert_eq!(sniffed(""), Layout::JsonLines);
    }
}
