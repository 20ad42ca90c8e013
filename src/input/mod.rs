//! Where the stream starts: files or standard input, compressed or not, read line by line into one
//! buffer. This file opens paths; [`decompress`] unwraps archives, [`lines`] cuts lines (within a
//! length limit), [`csv_rows`] assembles CSV rows from them (within limits too).
//!
//! gzip (including multi-member files, as concatenated archives are), zstd, xz and bzip2 are
//! recognised by their magic bytes, not by the file name, so `cat dump.zst | outcry detect` works
//! too. The layout (JSON Lines, CSV, XML, a JSON document) comes from the first bytes and the name
//! together, for files and standard input alike ([`sniff`]).

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

pub mod chunks;
mod csv_rows;
mod decompress;
mod lines;
pub mod sniff;

pub use chunks::ChunkSink;

pub use csv_rows::{CsvRows, FieldSink, Row, MAX_QUOTED_LINES};
pub use decompress::{decompress, is_zstd, ZstdDecoder, ZstdError};
pub use lines::{is_blank, Line, LineReader, DEFAULT_MAX_LINE};

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
    /// else by its name again, else by its first line (a header with commas or tabs is CSV/TSV);
    /// JSON Lines when nothing tells ([`sniff`]).
    pub fn of(name: &str, src: &mut Source) -> Layout {
        sniff::layout_of(name, src.head_until(HEAD, sniff::enough))
    }
}

impl Layout {
    /// What a reader of this layout counts as the input's lines (`Stats::lines`), in words: lines
    /// of JSON Lines and CSV (a row may span several), a document's records (XML units, the
    /// elements of a JSON document).
    pub fn unit(self) -> &'static str {
        match self {
            Layout::JsonLines | Layout::Csv { .. } => "lines",
            Layout::Xml | Layout::JsonDoc => "records",
        }
    }

    /// Why an input of this layout cannot be read line by line, if it cannot: its lines end in
    /// a carriage return alone (classic Mac OS), so that it would read as one line (JSON Lines,
    /// CSV; XML and JSON documents do not care). Told from the first bytes: CRs and no line feed.
    pub fn unreadable(self, src: &mut Source) -> Option<String> {
        if !matches!(self, Layout::JsonLines | Layout::Csv { .. }) {
            return None;
        }
        // Read ahead only until a line feed (a live pipe is not held up): then it is not so.
        let head = src.head_until(HEAD, |b| memchr::memchr(b'\n', b).is_some());
        // With no line feed in the head, every CR but a last byte is followed by something
        // else: a lone one.
        let no_lf = memchr::memchr(b'\n', head).is_none();
        let lone_cr = memchr::memchr(b'\r', head).is_some_and(|i| i + 1 < head.len());
        (no_lf && lone_cr).then(|| {
            "its lines end in a carriage return alone (CR, classic Mac OS line ends), not read as line ends: convert them first, e.g. tr '\\r' '\\n' < FILE > FILE.unix".to_string()
        })
    }
}

/// How many bytes of an input are looked at to tell its layout.
pub const HEAD: usize = 64 * 1024;

/// One opened input, decompressed.
pub struct Source {
    /// The name used in messages: the path, or `<stdin>`.
    pub name: String,
    /// The decompressed bytes.
    pub reader: Box<dyn BufRead + Send>,
    /// The archive format it was unwrapped from ("gzip", "zstd", …), if any: its byte counts
    /// are of the decompressed stream.
    pub compressed: Option<&'static str>,
}

impl Source {
    /// The first `want` bytes of the decompressed stream (fewer if it is shorter), without
    /// consuming them. A pipe or a decompressor may hand over a few bytes per read, so they are
    /// read ahead until there are enough, and put back in front of the rest.
    pub fn head(&mut self, want: usize) -> &[u8] {
        self.head_until(want, |b| b.len() >= want)
    }

    /// The first bytes of the decompressed stream, read ahead (and put back) until `enough` says
    /// so, the stream ends or there are `max`: a live stream (`tail -f … | outcry`) is not held
    /// up waiting for more than is needed.
    pub fn head_until(&mut self, max: usize, enough: impl Fn(&[u8]) -> bool) -> &[u8] {
        let have = self.reader.fill_buf().map_or(&[][..], |b| b);
        if !(have.len() >= max || enough(have)) {
            let mut rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
            let mut head = Vec::with_capacity(max.min(1 << 16));
            let mut block = vec![0; 1 << 16];
            while head.len() < max && !enough(&head) {
                let room = (max - head.len()).min(block.len());
                match rest.read(&mut block[..room]) {
                    Ok(0) => break,
                    Ok(n) => head.extend_from_slice(&block[..n]),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    // A read error surfaces again when the input is read.
                    Err(_) => break,
                }
            }
            let joined = io::Cursor::new(head).chain(rest);
            self.reader = Box::new(io::BufReader::with_capacity(max.max(1 << 16), joined));
        }
        self.reader.fill_buf().unwrap_or_default()
    }
}

/// Opens a path (`-` is standard input) and wraps it in the decompressor its first bytes call for;
/// its notes (zero padding read past) go to stderr ([`open_quiet`] to keep them off).
pub fn open(path: &str) -> io::Result<Source> {
    open_wrapped(path, false, |r| r)
}

/// Like `open`, the decompressor's notes kept off stderr when `quiet` (`--quiet`).
pub fn open_quiet(path: &str, quiet: bool) -> io::Result<Source> {
    open_wrapped(path, quiet, |r| r)
}

/// Like `open_quiet`, with `wrap` around the raw (still compressed) bytes, e.g. to count them for
/// a progress bar.
pub fn open_wrapped(
    path: &str,
    quiet: bool,
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
    let (reader, compressed) = decompress::unwrap(wrap(raw), &name, quiet)?;
    let mut src = Source {
        name,
        reader,
        compressed,
    };
    // A binary file or another encoding is refused whole, with its reason ([`sniff::not_text`]).
    if let Some(why) = sniff::not_text(src.head_until(HEAD, sniff::enough)) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
    }
    Ok(src)
}

/// The whole of a small input as text (a `--counts` series, an `eval` truth file or report):
/// `-` is standard input, and archives are unwrapped as for any input (their notes kept off stderr
/// when `quiet`). Not UTF-8 is an error saying so.
pub fn read_text(path: &str, quiet: bool) -> io::Result<String> {
    let mut src = open_quiet(path, quiet)?;
    let mut bytes = vec![];
    src.reader.read_to_end(&mut bytes)?;
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()),
        )
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Hands over at most three bytes per read, as a slow pipe might.
    pub(crate) struct Trickle(pub(crate) io::Cursor<Vec<u8>>);
    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = out.len().min(3);
            self.0.read(&mut out[..n])
        }
    }

    #[test]
    fn the_head_is_read_ahead_and_put_back() {
        let data: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        let mut src = Source {
            name: "-".into(),
            compressed: None,
            reader: Box::new(io::BufReader::new(Trickle(io::Cursor::new(data.clone())))),
        };
        assert_eq!(src.head(1000), &data[..1000]);
        let mut all = vec![];
        src.reader.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
    }

    #[test]
    fn a_live_stream_is_read_ahead_only_to_its_first_line() {
        // A reader that fails the test if asked for more than the first line and a bit.
        struct Live(Vec<u8>, usize);
        impl Read for Live {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                assert!(self.1 < 2, "read ahead past the first line");
                self.1 += 1;
                let n = out.len().min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0.drain(..n);
                Ok(n)
            }
        }
        let mut src = Source {
            name: "-".into(),
            compressed: None,
            reader: Box::new(io::BufReader::with_capacity(
                4,
                Live(b"{\"text\":\"gmail down\"}\n".to_vec(), 0),
            )),
        };
        assert_eq!(Layout::of("-", &mut src), Layout::JsonLines);
    }

    #[test]
    fn a_cut_first_line_waits_for_the_second_however_slow_the_pipe() {
        // `{"a":` then whole posts, three bytes a read: the layout is told only once the second
        // line has come, which shows a JSON Lines file cut short, not a document.
        let data =
            b"{\"a\":\n{\"created_at\":\"2009-02-24T09:01:00Z\",\"text\":\"gmail is down\"}\n";
        let mut src = Source {
            name: "-".into(),
            compressed: None,
            reader: Box::new(io::BufReader::with_capacity(
                4,
                Trickle(io::Cursor::new(data.to_vec())),
            )),
        };
        assert_eq!(Layout::of("-", &mut src), Layout::JsonLines);
        let mut all = vec![];
        src.reader.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
    }
}
