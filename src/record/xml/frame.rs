//! Cutting an XML stream into chunks of whole units (`item`, `entry`, `post`) so that workers can
//! read them apart, and dropping the bodies of TTXML attachments (base64, often most of a backup)
//! as they stream past, without holding them.
//!
//! This is framing, not parsing (quick-xml reads the chunks, `units.rs`): a chunk may be cut
//! after a unit's end tag `</item>`, and such a tag can only be markup where it is not inside a
//! comment, a CDATA section or a processing instruction (an attribute value cannot hold `<` in
//! XML). So the framer looks at each `<`, steps over those three whole, and notes where each
//! unit's end tag ends. A dropped attachment leaves its line breaks behind, so that the line
//! numbers of what follows stay right (1/77 of a base64 body wrapped at 76 columns).

use std::io::{self, BufRead};

use memchr::memmem::Finder;

use crate::input::chunks::{carry_over, count_lines, fill};
use crate::input::ChunkSink;

/// How framing an input ended.
pub struct FrameEnd {
    /// Decompressed bytes read, attachments included.
    pub bytes: u64,
    /// The stream broke off: the line it broke in, whether a unit had begun there, the error.
    pub broken: Option<(u64, bool, io::Error)>,
}

/// Where the scan of the buffer stopped.
enum Scan {
    /// Everything up to the end of the data was looked at.
    Done,
    /// A construct runs past the end of the data: read more.
    More,
    /// A dropped element begins (`dropping` is set): drop it, then scan on.
    Drop,
}

struct Framer<'d> {
    units: &'d [&'d [u8]],
    dropped: Option<&'d [u8]>,
    buf: Vec<u8>,
    filled: usize,
    /// Where the scan goes on.
    scan: usize,
    /// The end of the last whole unit.
    cut: usize,
    /// Inside a dropped element whose body starts at this offset (what is before is kept).
    dropping: Option<usize>,
    /// The ends of a comment, a CDATA section, a processing instruction.
    closers: [Finder<'static>; 3],
    seeks: Seeks,
}

/// Reads `reader` to its end, handing chunks of whole `units` to `sink`, with the bodies of
/// `dropped` elements left out (their line breaks kept).
pub fn frame_units(
    reader: &mut dyn BufRead,
    units: &[&[u8]],
    dropped: Option<&[u8]>,
    sink: &mut dyn ChunkSink,
) -> FrameEnd {
    let mut f = Framer {
        units,
        dropped,
        buf: sink.fresh(),
        filled: 0,
        scan: 0,
        cut: 0,
        dropping: None,
        closers: [&b"-->"[..], b"]]>", b"?>"].map(|c| Finder::new(c).into_owned()),
        seeks: Seeks::new(units, dropped),
    };
    let mut line = 1u64;
    let mut bytes = 0u64;
    loop {
        let end = fill(reader, &mut f.buf, &mut f.filled, &mut bytes);
        f.step(end.is_some());
        match end {
            // Room again after dropping a body: read on.
            None if f.filled < f.buf.len() => {}
            // One unit longer than the buffer (or a dropped body's line breaks that fill it):
            // read on into a larger one.
            None if f.cut == 0 => {
                let grown = f.buf.len() * 2;
                f.buf.resize(grown, 0);
            }
            None => {
                let next = sink.fresh();
                let room = next.len().max(1 << 16);
                let next = carry_over(next, &f.buf[f.cut..f.filled], room);
                let cut = f.cut;
                let first = line;
                line += count_lines(&f.buf[..cut]);
                let full = std::mem::replace(&mut f.buf, next);
                if !sink.take(full, cut, first) {
                    return FrameEnd {
                        bytes,
                        broken: None,
                    };
                }
                f.filled -= cut;
                f.scan -= cut;
                f.dropping = f.dropping.map(|d| d - cut);
                f.cut = 0;
                f.seeks.reset();
            }
            Some(None) => {
                if f.filled > 0 {
                    sink.take(std::mem::take(&mut f.buf), f.filled, line);
                }
                return FrameEnd {
                    bytes,
                    broken: None,
                };
            }
            Some(Some(e)) => {
                let cut = f.cut;
                let tail = &f.buf[cut..f.filled];
                let begun = !tail.iter().all(u8::is_ascii_whitespace);
                let first = line;
                line += count_lines(&f.buf[..cut]);
                let tail_line = line + first_non_blank_lines(tail);
                if cut > 0 {
                    sink.take(std::mem::take(&mut f.buf), cut, first);
                }
                return FrameEnd {
                    bytes,
                    broken: Some((tail_line, begun, e)),
                };
            }
        }
    }
}

impl Framer<'_> {
    /// Scans what was read since the last step: drops attachment bodies, notes unit ends.
    fn step(&mut self, at_end: bool) {
        loop {
            if let Some(d) = self.dropping {
                if !self.drop_body(d, at_end) {
                    return;
                }
            }
            if let Scan::Done | Scan::More = self.scan_markup(at_end) {
                return;
            }
        }
    }

    /// Drops the dropped element's bytes from `d` on, up to and with its end tag, keeping their
    /// line breaks. True when the end tag was found (the scan goes on after it).
    fn drop_body(&mut self, d: usize, at_end: bool) -> bool {
        let name = self.dropped.unwrap_or_default();
        let data = &self.buf[d..self.filled];
        let end = find_end_tag(data, name);
        let (upto, found) = match end {
            Some(e) => (e, true),
            // Keep a tail that may hold the start of the end tag.
            None if at_end => (data.len(), false),
            None => (data.len().saturating_sub(name.len() + 3), false),
        };
        let lines = count_lines(&data[..upto]) as usize;
        self.seeks.reset();
        self.buf[d..d + lines].fill(b'\n');
        self.buf.copy_within(d + upto..self.filled, d + lines);
        self.filled -= upto - lines;
        if found {
            self.dropping = None;
            self.scan = d + lines;
        } else {
            self.dropping = Some(d + lines);
            self.scan = self.filled;
        }
        found
    }

    /// Looks at what can matter from `scan` on: comments, CDATA sections, declarations and
    /// processing instructions (stepped over whole: a unit's end tag inside them is text), the
    /// units' end tags (a place to cut) and dropped elements; plain tags are not visited. Stops
    /// when the data ends or a dropped element begins.
    fn scan_markup(&mut self, at_end: bool) -> Scan {
        loop {
            let data = &self.buf[..self.filled];
            let Some((at, what)) = self.seeks.first(data, self.scan) else {
                // Nothing more here; a pattern cut by the end of the data is found next time.
                self.scan = self.scan.max(self.filled.saturating_sub(MAX_PATTERN));
                return Scan::Done;
            };
            let rest = &data[at..];
            // Enough bytes to tell what this is (`<![CDATA[` is the longest opening).
            if rest.len() < 16 && !at_end {
                self.scan = at;
                return Scan::More;
            }
            let skip_to = |close: &Finder<'static>, from: usize| {
                close
                    .find(&rest[from..])
                    .map(|e| from + e + close.needle().len())
            };
            let gt = || memchr::memchr(b'>', rest).map(|e| e + 1);
            let next = match what {
                Seek::Bang if rest.starts_with(b"<!--") => skip_to(&self.closers[0], 4),
                Seek::Bang if rest.starts_with(b"<![CDATA[") => skip_to(&self.closers[1], 9),
                Seek::Bang => gt(),
                Seek::Pi => skip_to(&self.closers[2], 2),
                Seek::End(u) => {
                    let tail = rest.get(2 + self.units[u].len());
                    if tail.is_some_and(|&b| b == b'>' || b.is_ascii_whitespace()) {
                        let end = gt();
                        if let Some(e) = end {
                            self.cut = at + e;
                        }
                        end
                    } else {
                        Some(1)
                    }
                }
                Seek::Drop => {
                    let name = self.dropped.unwrap_or_default();
                    if !opens(rest, name) {
                        Some(1)
                    } else {
                        match tag_end(rest) {
                            Some(e) if rest[..e].ends_with(b"/>") => Some(e),
                            Some(_) => {
                                self.dropping = Some(at);
                                return Scan::Drop;
                            }
                            None => None,
                        }
                    }
                }
            };
            match next {
                Some(n) => self.scan = at + n,
                None if at_end => {
                    self.scan = self.filled;
                    return Scan::Done;
                }
                None => {
                    self.scan = at;
                    return Scan::More;
                }
            }
        }
    }
}

/// What a pattern the framer looks for opens.
#[derive(Debug, Clone, Copy)]
enum Seek {
    /// `<!`: a comment, a CDATA section, a declaration.
    Bang,
    /// `<?`: a processing instruction.
    Pi,
    /// `</unit`: the end tag of unit `units[i]` (if a `>` or a space follows).
    End(usize),
    /// `<name` of the dropped element.
    Drop,
}

/// The longest pattern looked for (`</guestbook`, `<attachment`), and then some.
const MAX_PATTERN: usize = 16;

/// The patterns the framer looks for, each with where it was last found, so that each byte is
/// searched once per pattern however often the scan stops in between.
struct Seeks {
    finders: Vec<(Finder<'static>, Seek)>,
    /// Per pattern: the place found (at or after the scan), or `None` with the offset the search
    /// goes on from.
    found: Vec<(Option<usize>, usize)>,
}

impl Seeks {
    fn new(units: &[&[u8]], dropped: Option<&[u8]>) -> Seeks {
        let mut finders = vec![
            (Finder::new(b"<!").into_owned(), Seek::Bang),
            (Finder::new(b"<?").into_owned(), Seek::Pi),
        ];
        for (i, u) in units.iter().enumerate() {
            let end = [b"</", *u].concat();
            finders.push((Finder::new(&end).into_owned(), Seek::End(i)));
        }
        if let Some(d) = dropped {
            let open = [b"<", d].concat();
            finders.push((Finder::new(&open).into_owned(), Seek::Drop));
        }
        let found = vec![(None, 0); finders.len()];
        Seeks { finders, found }
    }

    /// Forgets what was found: the buffer's bytes moved.
    fn reset(&mut self) {
        self.found.iter_mut().for_each(|f| *f = (None, 0));
    }

    /// The first place at or after `from` where a pattern starts, and which.
    fn first(&mut self, data: &[u8], from: usize) -> Option<(usize, Seek)> {
        let mut best: Option<(usize, Seek)> = None;
        for ((finder, what), found) in self.finders.iter().zip(&mut self.found) {
            let hit = match *found {
                (Some(at), _) if at >= from => Some(at),
                (_, resume) => {
                    let start = resume.max(from).min(data.len());
                    let hit = finder.find(&data[start..]).map(|i| start + i);
                    let resume = match hit {
                        Some(h) => h + 1,
                        None => data.len().saturating_sub(finder.needle().len() - 1),
                    };
                    *found = (hit, resume.max(from));
                    hit
                }
            };
            if let Some(at) = hit {
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, *what));
                }
            }
        }
        best
    }
}

/// Whether `rest` opens the element `name` (`<name>`, `<name …`).
fn opens(rest: &[u8], name: &[u8]) -> bool {
    rest[1..].starts_with(name)
        && rest
            .get(1 + name.len())
            .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
}

/// The length of the start tag at the start of `rest`, through its `>` (quoted attribute values
/// may hold `>`).
fn tag_end(rest: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in rest.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

/// Where the end tag `</name>` ends in `data`, if it is there.
fn find_end_tag(data: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&data[from..], b"</") {
        let at = from + i;
        let rest = &data[at..];
        if rest.len() > 2 + name.len() && rest[2..].starts_with(name) {
            if let Some(e) = memchr::memchr(b'>', rest) {
                let between = &rest[2 + name.len()..e];
                if between.iter().all(u8::is_ascii_whitespace) {
                    return Some(at + e + 1);
                }
            }
        }
        from = at + 2;
    }
    None
}

/// The line breaks before the first byte that is not white space.
fn first_non_blank_lines(buf: &[u8]) -> u64 {
    let end = buf
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(buf.len());
    count_lines(&buf[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects chunks, handing out small buffers so that units cross buffer ends.
    struct Collect {
        size: usize,
        chunks: Vec<(String, u64)>,
        biggest: usize,
    }

    impl ChunkSink for Collect {
        fn fresh(&mut self) -> Vec<u8> {
            vec![0; self.size]
        }
        fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool {
            self.biggest = self.biggest.max(buf.len());
            self.chunks
                .push((String::from_utf8(buf[..len].to_vec()).unwrap(), first_line));
            true
        }
    }

    fn frame(s: &str, size: usize, units: &[&[u8]], dropped: Option<&[u8]>) -> Collect {
        let mut c = Collect {
            size,
            chunks: vec![],
            biggest: 0,
        };
        let mut r = io::BufReader::with_capacity(7, s.as_bytes());
        let end = frame_units(&mut r, units, dropped, &mut c);
        assert!(end.broken.is_none());
        c
    }

    #[test]
    fn chunks_end_after_whole_units_and_keep_every_byte() {
        let doc = "<rss><channel>\n<item><title>a</title><!-- </item> --></item>\n<item><d><![CDATA[ </item> ]]></d></item>\n<item>\n<x a=\"1>2\"/></item>\n</channel></rss>\n";
        for size in [16, 20, 33, 64, 1000] {
            let c = frame(doc, size, &[b"item"], None);
            let joined: String = c.chunks.iter().map(|(s, _)| s.as_str()).collect();
            assert_eq!(joined, doc, "size {size}");
            for (s, line) in &c.chunks[..c.chunks.len() - 1] {
                assert!(s.ends_with("</item>"), "size {size}: {s:?}");
                let before = doc.find(s.as_str()).unwrap();
                assert_eq!(*line, 1 + doc[..before].matches('\n').count() as u64);
            }
        }
    }

    #[test]
    fn attachments_are_dropped_with_their_line_breaks_kept() {
        let body = format!("{}\n", "QUJD".repeat(19)).repeat(2000);
        let doc = format!(
            "<blog>\n<post><title>t</title>\n<attachment mime=\"image/png\"><name>a.png</name><content>{body}</content></attachment>\n<comment><content>c</content></comment></post>\n<post><attachment/><title>u</title></post>\n</blog>\n"
        );
        let c = frame(&doc, 64, &[b"post"], Some(b"attachment"));
        let joined: String = c.chunks.iter().map(|(s, _)| s.as_str()).collect();
        assert!(
            !joined.contains("QUJD") && !joined.contains("a.png"),
            "{joined}"
        );
        assert_eq!(
            joined.matches('\n').count(),
            doc.matches('\n').count(),
            "line breaks kept"
        );
        assert!(joined.contains("<comment><content>c</content></comment></post>"));
        assert!(joined.contains("<post><attachment/><title>u</title></post>"));
        // The 154 KB body never sat in a buffer: only its 2,000 line breaks did.
        assert!(c.biggest <= 4096, "biggest buffer {}", c.biggest);
    }

    #[test]
    fn a_broken_stream_hands_over_its_whole_units() {
        struct Broken<'a>(&'a [u8]);
        impl io::Read for Broken<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Err(io::Error::other("corrupt"));
                }
                let n = out.len().min(self.0.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let doc = b"<rss>\n<item>a</item>\n<item>b";
        let mut c = Collect {
            size: 1024,
            chunks: vec![],
            biggest: 0,
        };
        let mut r = io::BufReader::new(Broken(doc));
        let end = frame_units(&mut r, &[b"item"], None, &mut c);
        assert_eq!(c.chunks.len(), 1);
        assert_eq!(c.chunks[0].0, "<rss>\n<item>a</item>");
        let (line, begun, _) = end.broken.unwrap();
        assert_eq!((line, begun), (3, true));
    }
}
