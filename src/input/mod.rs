//! Where the stream starts: files or standard input, compressed or not, read line by line into one
//! buffer. This file opens paths; [`decompress`] unwraps archives, [`lines`] cuts lines.
//!
//! gzip (including multi-member files, as concatenated archives are) and zstd are recognised by
//! their magic bytes, not by the file name, so `cat dump.zst | outcry detect` works too.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

mod decompress;
mod lines;

pub use decompress::decompress;
pub use lines::{is_blank, Line, LineReader};

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

#[cfg(test)]
mod tests {
    use super::*;

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
