//! Where the stream starts: files or standard input, compressed or not, read line by line into one
//! buffer. This file opens paths; [`decompress`] unwraps archives, [`lines`] cuts lines.
//!
//! gzip (including multi-member files, as concatenated archives are) and zstd are recognised by
//! their magic bytes, not by the file name, so `cat dump.zst | outcry detect` works too.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

mod chunks;
mod decompress;
mod lines;
pub mod sniff;

pub use chunks::ChunkSink;

pub use decompress::decompress;
pub use lines::{is_blank, Line, LineReader};

/// How an input's records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON object per line.
    JsonLines,
    /// Comma- (or tab-) separated values.
    Csv { delimiter: u8 },
    /// An XML blog backup or feed: WordPress WXR, Tistory/Textcube TTXML, Atom (Blogger), RSS.
    Xml,
    /// One JSON document holding many posts: an array, an object holding one (`orderedItems`),
    /// a Twitter archive's `tweets.js`.
    JsonDoc,
}

impl Layout {
    /// The layout of an input: CSV/TSV by its name, else by its first bytes (nothing consumed),
    /// else by its name again; JSON Lines when nothing tells ([`sniff`]).
    pub fn of(name: &str, reader: &mut dyn BufRead) -> Layout {
        sniff::layout_of(name, reader)
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
