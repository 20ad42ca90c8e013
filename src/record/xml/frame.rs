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

use super::Dialect;
use crate::input::chunks::{carry_over, count_lines, fill};
use crate::input::ChunkSink;

/// How framing an input ended.
pub struct FrameEnd {
    /// Decompressed bytes read, attachments included.
    pub bytes: u64,
    /// The stream broke off: the line it broke in, whether a unit had begun there, the error.
    pub broken: Option<(u64, bool, io::Error)>,
}

impl FrameEnd {
    /// The input was read to its end (or reading stopped) after `bytes`.
    fn done(bytes: u64) -> FrameEnd {
        FrameEnd {
            bytes,
            broken: None,
        }
    }
}

/// Where the scan of the buffer stopped.
enum Scan {
    /// Everything up to the end of the data was looked at.
    Done,
    /// A construct runs past the end of the data: read more.
    More,
    /// A dropped element begins (`dropping` is set): drop it, then scan on.
    Drop,
    /// A unit ended more than `max` bytes after the last cut (`long` is set): pass over it.
    Long,
}

struct Framer<'d> {
    units: &'d [&'d [u8]],
    /// The start tags of the records a unit holds (`<wp:comment>`): a unit passed over for its
    /// length loses them too, and each is told.
    nested: &'d [&'d [u8]],
    dropped: Option<&'d [u8]>,
    /// The longest unit kept, and the longest text kept between two.
    max: usize,
    buf: Vec<u8>,
    filled: usize,
    /// Where the scan goes on.
    scan: usize,
    /// The end of the last whole unit.
    cut: usize,
    /// Inside a dropped element whose body starts at this offset (what is before is kept).
    dropping: Option<usize>,
    /// A unit ending here began more than `max` bytes after the last cut.
    long: Option<usize>,
    /// The ends of a comment, a CDATA section, a processing instruction.
    closers: [Finder<'static>; 3],
    seeks: Seeks,
    /// The root elements' local names (`Dialect::roots`).
    roots: &'d [&'d [u8]],
    /// A unit begins at this offset after the root element closed: the document ended before
    /// it, and it is not read.
    after_root: Option<usize>,
    /// The scan met a root element's end tag since the last unit's end tag: the next unit is
    /// looked at for being after it ([`Framer::after_root`]), and no other is.
    root_closed: bool,
}

impl<'d> Framer<'d> {
    /// A framer of dialect `d`'s units, keeping at most `max` bytes of one, filling `buf`.
    fn new(d: Dialect, max: usize, buf: Vec<u8>) -> Framer<'d> {
        let (units, dropped) = (d.units(), d.dropped());
        Framer {
            units,
            nested: d.nested(),
            dropped,
            max: max.max(1),
            buf,
            filled: 0,
            scan: 0,
            cut: 0,
            dropping: None,
            long: None,
            closers: [&b"-->"[..], b"]]>", b"?>"].map(|c| Finder::new(c).into_owned()),
            seeks: Seeks::new(units, dropped, d.roots()),
            roots: d.roots(),
            after_root: None,
            root_closed: false,
        }
    }
}

/// Where the chunks of an XML input go, and the records too long to be kept are told.
pub trait FrameSink: ChunkSink {
    /// What began on line `line` (a unit, or the text between two units) grew past the limit: it
    /// is read past without being kept. False to stop reading (`--strict`).
    fn too_long(&mut self, line: u64) -> bool;
}

/// Reads `reader` to its end, handing chunks of whole units of dialect `d` to `sink`, with the
/// bodies of dropped elements left out (their line breaks kept). A unit, or a stretch between
/// two, of more than `max` bytes (less what was dropped) is read past without being kept, told
/// to `sink` with its line, and reading goes on at the next unit's start tag: no buffer grows
/// much past `max` whatever the input. An input that ends before its root element's end tag was
/// cut short: it ends `broken`, like a read error, with what follows the last whole unit kept
/// back.
pub fn frame_units(
    reader: &mut dyn BufRead,
    d: Dialect,
    max: usize,
    sink: &mut dyn FrameSink,
) -> FrameEnd {
    let mut f = Framer::new(d, max, sink.fresh());
    let mut line = 1u64;
    let mut bytes = 0u64;
    loop {
        let mut end = fill(reader, &mut f.buf, &mut f.filled, &mut bytes);
        f.step(end.is_some());
        if let Some(at) = f.after_root {
            return f.end_at_root(at, sink, line, bytes);
        }
        if matches!(end, Some(None)) && !closes(&f.buf[f.cut..f.filled], d.roots()) {
            end = Some(Some(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file ends before its root element closes (a truncated copy?)",
            )));
        }
        match f.limit(reader, sink, &mut line, &mut bytes, &end) {
            Ok(Passed::NotLong) => {}
            Ok(Passed::Resumed) => continue,
            Ok(Passed::Stop) => return FrameEnd::done(bytes),
            Err((at, e)) => {
                let broken = Some((at, false, e));
                return FrameEnd { bytes, broken };
            }
        }
        match end {
            // Room again after dropping a body: read on.
            None if f.filled < f.buf.len() => {}
            // One unit longer than the buffer (or a dropped body's line breaks that fill it):
            // read on into a larger one, up to the limit.
            None if f.cut == 0 => {
                let most = f.max.saturating_mul(2).saturating_add(2);
                let grown = (f.buf.len() * 2).min(most).max(f.buf.len() + 1);
                f.buf.resize(grown, 0);
            }
            None => {
                if !f.hand_over(sink, &mut line) {
                    return FrameEnd::done(bytes);
                }
            }
            Some(None) => {
                if f.filled > 0 {
                    sink.take(std::mem::take(&mut f.buf), f.filled, line);
                }
                return FrameEnd::done(bytes);
            }
            Some(Some(e)) => {
                let cut = f.cut;
                let tail = &f.buf[cut..f.filled];
                let begun = begins_unit(tail, f.units);
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
    /// After a step: passes over what is longer than `max` (`end`: how the last read ended).
    fn limit(
        &mut self,
        reader: &mut dyn BufRead,
        sink: &mut dyn FrameSink,
        line: &mut u64,
        bytes: &mut u64,
        end: &Option<Option<io::Error>>,
    ) -> Result<Passed, (u64, io::Error)> {
        if let Some(upto) = self.long.take() {
            return Ok(match self.cut_out(sink, line, upto) {
                true => Passed::Resumed,
                false => Passed::Stop,
            });
        }
        if self.filled - self.cut > self.max && !matches!(end, Some(Some(_))) {
            return self.pass_over(reader, sink, line, bytes, end.is_some());
        }
        Ok(Passed::NotLong)
    }

    /// Hands the whole units before the last cut to `sink` (`line`: the line of the buffer's
    /// first byte, moved on past them) and carries the rest over into a fresh buffer; false to
    /// stop reading.
    fn hand_over(&mut self, sink: &mut dyn FrameSink, line: &mut u64) -> bool {
        let next = sink.fresh();
        let room = next.len().max(1 << 16);
        let next = carry_over(next, &self.buf[self.cut..self.filled], room);
        let cut = self.cut;
        let first = *line;
        *line += count_lines(&self.buf[..cut]);
        let full = std::mem::replace(&mut self.buf, next);
        if !sink.take(full, cut, first) {
            return false;
        }
        self.filled -= cut;
        self.scan -= cut;
        self.dropping = self.dropping.map(|d| d - cut);
        self.cut = 0;
        self.seeks.reset();
        true
    }

    /// Hands a copy of the whole units before the last cut to `sink` and drops them from this
    /// buffer (which keeps its size: carrying a long stretch over would grow the next one);
    /// false to stop reading.
    fn hand_over_copy(&mut self, sink: &mut dyn FrameSink, line: &mut u64) -> bool {
        let cut = self.cut;
        let mut out = sink.fresh();
        if out.len() < cut {
            out.resize(cut, 0);
        }
        out[..cut].copy_from_slice(&self.buf[..cut]);
        if !sink.take(out, cut, *line) {
            return false;
        }
        self.drop_front(line, cut);
        self.dropping = self.dropping.map(|d| d - cut);
        self.cut = 0;
        true
    }

    /// The stretch from the last cut to `upto` (a unit's end) is longer than `max`: hands over
    /// the units before it; a part of it longer than `max` (the text before the unit's start tag,
    /// the unit) is told to `sink` with its line and dropped from the buffer, a shorter unit is
    /// kept. False to stop reading.
    fn cut_out(&mut self, sink: &mut dyn FrameSink, line: &mut u64, upto: usize) -> bool {
        let mut upto = upto - self.cut;
        if self.cut > 0 && !self.hand_over_copy(sink, line) {
            return false;
        }
        loop {
            let (told, drop) = match self.long_part(&self.buf[..upto]) {
                Long::No => {
                    self.cut = upto;
                    return true;
                }
                Long::Before(p) => (first_non_blank_lines(&self.buf[..p]), p),
                Long::Unit(p) => (count_lines(&self.buf[..p]), upto),
            };
            let held = self.nested_in(&self.buf[..drop]);
            if !(0..=held).all(|_| sink.too_long(*line + told)) {
                return false;
            }
            self.drop_front(line, drop);
            upto -= drop;
        }
    }

    /// Drops the buffer's first `n` bytes (`line` moves on past them).
    fn drop_front(&mut self, line: &mut u64, n: usize) {
        *line += count_lines(&self.buf[..n]);
        self.buf.copy_within(n..self.filled, 0);
        self.filled -= n;
        self.scan = self.scan.saturating_sub(n);
        self.seeks.reset();
    }

    /// Which part of `stretch` (what follows the last cut, from its start) is longer than `max`.
    fn long_part(&self, stretch: &[u8]) -> Long {
        match unit_start(stretch, 0, &mut None, self.units) {
            Ok(p) if p > self.max => Long::Before(p),
            Ok(p) if stretch.len() - p > self.max => Long::Unit(p),
            Ok(_) => Long::No,
            Err(_) if stretch.len() > self.max => Long::Before(stretch.len()),
            Err(_) => Long::No,
        }
    }

    /// What follows the last cut is longer than `max` and has not ended: hands over the units
    /// before it. When a part of it is longer than `max` (the text before a unit's start tag, or
    /// the unit), tells `sink` its line and drops bytes, keeping none, up to the next unit's
    /// start tag outside a comment, CDATA section or processing instruction, where framing goes
    /// on.
    fn pass_over(
        &mut self,
        reader: &mut dyn BufRead,
        sink: &mut dyn FrameSink,
        line: &mut u64,
        bytes: &mut u64,
        mut at_end: bool,
    ) -> Result<Passed, (u64, io::Error)> {
        if self.cut > 0 && !self.hand_over_copy(sink, line) {
            return Ok(Passed::Stop);
        }
        let stretch = &self.buf[..self.filled];
        let (told, mut from) = match self.long_part(stretch) {
            Long::No => return Ok(Passed::NotLong),
            Long::Before(p) => (first_non_blank_lines(&stretch[..p]), p),
            Long::Unit(p) => (count_lines(&stretch[..p]), p + 1),
        };
        let told = *line + told;
        if !sink.too_long(told) {
            return Ok(Passed::Stop);
        }
        self.dropping = None;
        self.cut = 0;
        let mut closer = None;
        // The records the unit held, told at its line once it is passed (5,000 comments of a
        // post were lost as one skip).
        let mut held = 0;
        loop {
            let found = unit_start(&self.buf[..self.filled], from, &mut closer, self.units);
            let (Ok(keep) | Err(keep)) = found;
            held += self.nested_in(&self.buf[..keep]);
            self.drop_front(line, keep);
            (self.scan, from) = (0, 0);
            if found.is_ok() || at_end {
                return Ok(
                    match (0..held).all(|_| sink.too_long(told)) && found.is_ok() {
                        true => Passed::Resumed,
                        false => Passed::Stop,
                    },
                );
            }
            match fill(reader, &mut self.buf, &mut self.filled, bytes) {
                None => {}
                Some(None) => at_end = true,
                Some(Some(e)) => return Err((*line, e)),
            }
        }
    }

    /// Scans what was read since the last step: drops attachment bodies, notes unit ends.
    fn step(&mut self, at_end: bool) {
        loop {
            if let Some(d) = self.dropping {
                if !self.drop_body(d, at_end) {
                    return;
                }
            }
            if let Scan::Done | Scan::More | Scan::Long = self.scan_markup(at_end) {
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
                            let closed = std::mem::take(&mut self.root_closed);
                            if let Some(start) = closed.then(|| self.after_root(at)).flatten() {
                                self.after_root = Some(start);
                                return Scan::Done;
                            }
                            if at + e - self.cut > self.max {
                                self.long = Some(at + e);
                                self.scan = at + e;
                                return Scan::Long;
                            }
                            self.cut = at + e;
                        }
                        end
                    } else {
                        Some(1)
                    }
                }
                Seek::Root(r) => Some(past_root(data, at, self.roots[r], &mut self.root_closed)),
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

impl Framer<'_> {
    /// The end of an input with a unit at `at` after its root element closed: the units before
    /// it are handed over, and the input breaks off at its line (it is not read).
    fn end_at_root(
        &mut self,
        at: usize,
        sink: &mut dyn FrameSink,
        line: u64,
        bytes: u64,
    ) -> FrameEnd {
        let unit_line = line + count_lines(&self.buf[..at]);
        if self.cut > 0 {
            sink.take(std::mem::take(&mut self.buf), self.cut, line);
        }
        let e = io::Error::new(
            io::ErrorKind::InvalidData,
            "a record after the root element closed (another document or junk appended): not read",
        );
        FrameEnd {
            bytes,
            broken: Some((unit_line, false, e)),
        }
    }

    /// Where the unit ending at `end_tag` starts, when the text between the last cut and it
    /// holds the root element's end tag (outside comments and CDATA: `unit_start` steps over
    /// them to the start tag).
    fn after_root(&self, end_tag: usize) -> Option<usize> {
        let stretch = &self.buf[self.cut..end_tag];
        let start = unit_start(stretch, 0, &mut None, self.units).ok()?;
        closes(&stretch[..start], self.roots).then_some(self.cut + start)
    }
}

/// Which part of a long stretch is longer than the limit.
enum Long {
    /// Neither: the stretch is a unit and the text before it, each within the limit.
    No,
    /// The text before the first unit's start tag, at this offset (or the whole stretch).
    Before(usize),
    /// The unit whose start tag is at this offset.
    Unit(usize),
}

impl Framer<'_> {
    /// How many records `bytes` (a part of a unit passed over) holds: its nested start tags.
    fn nested_in(&self, bytes: &[u8]) -> u64 {
        (self.nested.iter())
            .map(|t| memchr::memmem::find_iter(bytes, t).count() as u64)
            .sum()
    }
}

/// How passing over a long stretch ended.
enum Passed {
    /// Nothing in it is longer than the limit: read on.
    NotLong,
    /// Framing goes on at a unit's start tag.
    Resumed,
    /// The input ended, or the sink said stop.
    Stop,
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
    /// `</root` or `:root` (a prefixed end tag's local name) of root name `roots[i]`.
    Root(usize),
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
    fn new(units: &[&[u8]], dropped: Option<&[u8]>, roots: &[&[u8]]) -> Seeks {
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
        for (i, r) in roots.iter().enumerate() {
            for opening in [&b"</"[..], b":"] {
                let pattern = [opening, *r].concat();
                finders.push((Finder::new(&pattern).into_owned(), Seek::Root(i)));
            }
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

/// The first start tag of one of `units` in `data` from `from` on, outside comments, CDATA
/// sections and processing instructions (`closer`: the end of the one `from` is inside, kept
/// from call to call). `Err(keep)`: none there; the bytes from `keep` on may begin one (or the
/// end of a construct) and are to be looked at again with more data.
fn unit_start(
    data: &[u8],
    mut from: usize,
    closer: &mut Option<&'static [u8]>,
    units: &[&[u8]],
) -> Result<usize, usize> {
    loop {
        if let Some(c) = *closer {
            match memchr::memmem::find(&data[from..], c) {
                Some(k) => {
                    from += k + c.len();
                    *closer = None;
                }
                None => return Err(data.len().saturating_sub(c.len() - 1).max(from)),
            }
        }
        let Some(k) = memchr::memchr(b'<', &data[from..]) else {
            return Err(data.len());
        };
        let at = from + k;
        let rest = &data[at..];
        if rest.len() < MAX_PATTERN {
            return Err(at);
        }
        let (c, skip): (Option<&'static [u8]>, usize) = if let Some((c, open)) = special(rest) {
            (Some(c), open)
        } else if units.iter().any(|u| opens(rest, u)) {
            return Ok(at);
        } else {
            (None, 1)
        };
        *closer = c;
        from = at + skip;
    }
}

/// When `rest` opens a comment, a CDATA section or a processing instruction (text, not markup,
/// up to its closer): the closer, and the length of the opener.
fn special(rest: &[u8]) -> Option<(&'static [u8], usize)> {
    if rest.starts_with(b"<!--") {
        Some((b"-->", 4))
    } else if rest.starts_with(b"<![CDATA[") {
        Some((b"]]>", 9))
    } else if rest.starts_with(b"<?") {
        Some((b"?>", 2))
    } else {
        None
    }
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

/// Whether `tail` (what follows the last whole unit, up to the end of the input) holds the end
/// tag of one of the `roots` (by local name, with or without a prefix): a copy cut short lacks
/// it. Anything may follow it (a host's analytics markup, a stray NUL or ^Z). An end tag inside
/// a comment, a CDATA section or a processing instruction is text, not markup (`<!-- the old
/// feed ended here: </rss> -->` between two items closes nothing).
fn closes(tail: &[u8], roots: &[&[u8]]) -> bool {
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'<', &tail[from..]).map(|k| from + k) {
        let rest = &tail[at..];
        let skipped = special(rest).map(|(close, open)| {
            memchr::memmem::find(&rest[open..], close).map(|k| at + open + k + close.len())
        });
        match skipped {
            // An unclosed comment runs to the end of the input: nothing after it is markup.
            Some(None) => return false,
            Some(Some(next)) => from = next,
            None => {
                if let Some(name) = rest.strip_prefix(b"</") {
                    if let Some(end) = memchr::memchr(b'>', name) {
                        let name = name[..end].trim_ascii();
                        let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
                        if roots.contains(&local) {
                            return true;
                        }
                    }
                }
                from = at + 1;
            }
        }
    }
    false
}

/// The longest namespace prefix of a root element's end tag looked back over. A root whose end
/// tag has a longer prefix (no feed seen has one past a few letters: `rdf:`) is not seen to
/// close here, and items after it are read as items (the check at every unit's end, before the
/// framer sought the root's end, saw any prefix).
const MAX_PREFIX: usize = 64;

/// How far the scan steps from `at`, where `</root` or `:root` was found (`name`: the root's
/// local name): past the root element's end tag (`</root>`, or the `:root>` of `</prefix:root >`)
/// when one is there, noting it in `closed`; else one byte.
fn past_root(data: &[u8], at: usize, name: &[u8], closed: &mut bool) -> usize {
    let end = root_end_tag(data, at, name);
    *closed |= end.is_some();
    end.unwrap_or(1)
}

/// The length of the root element's end tag at `at`, if one is there (see [`past_root`]).
fn root_end_tag(data: &[u8], at: usize, name: &[u8]) -> Option<usize> {
    let rest = &data[at..];
    let after = if rest.starts_with(b"</") {
        2 + name.len()
    } else {
        // `:root`: a prefix of name characters back to `</` (a short one: a long run of text
        // before a colon is not walked back over again at every colon).
        let prefix = data[..at]
            .iter()
            .rev()
            .take(MAX_PREFIX)
            .take_while(|&&b| {
                !matches!(b, b'<' | b'/' | b'>' | b'"' | b'\'') && !b.is_ascii_whitespace()
            })
            .count();
        if prefix == 0 || !data[..at - prefix].ends_with(b"</") {
            return None;
        }
        1 + name.len()
    };
    let tail = rest.get(after..)?;
    let blanks = tail.iter().take_while(|b| b.is_ascii_whitespace()).count();
    (tail.get(blanks) == Some(&b'>')).then_some(after + blanks + 1)
}

/// Whether `tail` holds the start tag of one of the `units` (a record had begun where the input
/// broke off), not only blanks or the closing tags around the units.
fn begins_unit(tail: &[u8], units: &[&[u8]]) -> bool {
    units.iter().any(|u| {
        memchr::memmem::find_iter(tail, b"<").any(|at| {
            let rest = &tail[at + 1..];
            rest.starts_with(u)
                && matches!(
                    rest.get(u.len()),
                    None | Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
                )
        })
    })
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

    /// Collects chunks, handing out small buffers so that units cross buffer ends, and the
    /// lines of what was too long.
    struct Collect {
        size: usize,
        chunks: Vec<(String, u64)>,
        biggest: usize,
        too_long: Vec<u64>,
    }

    impl FrameSink for Collect {
        fn too_long(&mut self, line: u64) -> bool {
            self.too_long.push(line);
            true
        }
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

    const RSS: Dialect = Dialect::Rss { comments: false };

    fn frame(s: &str, size: usize, d: Dialect) -> Collect {
        frame_max(s, size, d, usize::MAX / 2)
    }

    fn frame_max(s: &str, size: usize, d: Dialect, max: usize) -> Collect {
        let mut c = Collect {
            size,
            chunks: vec![],
            biggest: 0,
            too_long: vec![],
        };
        let mut r = io::BufReader::with_capacity(7, s.as_bytes());
        let end = frame_units(&mut r, d, max, &mut c);
        assert!(end.broken.is_none());
        assert_eq!(end.bytes, s.len() as u64);
        c
    }

    #[test]
    fn a_unit_or_a_stretch_longer_than_the_limit_is_passed_over_and_told() {
        // Line 3: an item of 200,000 bytes (its text holds a CDATA section with a start tag,
        // and a comment); line 8: a channel-level text of 100,000 bytes between two items; the
        // items around them are kept whole, with their lines. Small buffers see the long parts
        // outgrow them (`pass_over`), a large one holds them whole (`cut_out`).
        let long = "x".repeat(100_000);
        let doc = format!(
            "<rss><channel>\n<item><title>a</title></item>\n<item><d>{long}\n<![CDATA[ <item> ]]><!-- <item> -->\n{long}</d>\n</item>\n<item><title>b</title></item>\n<description>{long}</description>\n<item><title>c</title></item>\n</channel></rss>\n"
        );
        for size in [64, 1000, 1 << 20] {
            let c = frame_max(&doc, size, RSS, 1024);
            assert_eq!(c.too_long, vec![3, 8], "size {size}");
            let joined: String = c.chunks.iter().map(|(s, _)| s.as_str()).collect();
            assert!(!joined.contains("xxx"), "size {size}: {joined}");
            for (t, line) in [("a", 2), ("b", 7), ("c", 9)] {
                let unit = format!("<item><title>{t}</title></item>");
                let (chunk, first) = (c.chunks.iter())
                    .find(|(s, _)| s.contains(&unit))
                    .unwrap_or_else(|| panic!("size {size}: no {unit} in {joined}"));
                let before = &chunk[..chunk.find(&unit).unwrap()];
                assert_eq!(
                    first + before.matches('\n').count() as u64,
                    line,
                    "size {size}"
                );
            }
            if size < 1 << 16 {
                // A carried-over tail (at most twice the limit) and 64 KiB of room to read into.
                let most = (1 << 16) + 2 * 1024 + 2;
                let most = most.max(size);
                assert!(
                    c.biggest <= most,
                    "size {size}: biggest buffer {}",
                    c.biggest
                );
            }
        }
    }

    /// A WordPress post too long to keep, with its comments, is told once for itself and once
    /// for each comment it held (its 300 comments were lost as one skip), at its line, by
    /// either path (held whole, or outgrowing the buffer).
    #[test]
    fn a_unit_passed_over_tells_each_record_it_held() {
        let comment = format!(
            "<wp:comment><wp:comment_content>{}</wp:comment_content></wp:comment>\n",
            "y".repeat(50)
        );
        let doc = format!(
            "<rss><channel>\n<item><title>a</title></item>\n<item><title>b</title>\n{}</item>\n<item><title>c</title></item>\n</channel></rss>\n",
            comment.repeat(300)
        );
        for size in [64, 1000, 1 << 20] {
            let c = frame_max(&doc, size, Dialect::Wxr, 4096);
            assert_eq!(c.too_long, vec![3; 301], "size {size}");
            let joined: String = c.chunks.iter().map(|(s, _)| s.as_str()).collect();
            assert!(joined.contains("<title>c</title>"), "size {size}");
        }
    }

    #[test]
    fn chunks_end_after_whole_units_and_keep_every_byte() {
        let doc = "<rss><channel>\n<item><title>a</title><!-- </item> --></item>\n<item><d><![CDATA[ </item> ]]></d></item>\n<item>\n<x a=\"1>2\"/></item>\n</channel></rss>\n";
        for size in [16, 20, 33, 64, 1000] {
            let c = frame(doc, size, RSS);
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
        let c = frame(&doc, 64, Dialect::Ttxml);
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
            too_long: vec![],
        };
        let mut r = io::BufReader::new(Broken(doc));
        let end = frame_units(&mut r, RSS, 1 << 20, &mut c);
        assert_eq!(c.chunks.len(), 1);
        assert_eq!(c.chunks[0].0, "<rss>\n<item>a</item>");
        let (line, begun, _) = end.broken.unwrap();
        assert_eq!((line, begun), (3, true));
    }

    /// A large feed whose root element closes, unprefixed or prefixed (`</rdf:RDF >`), at every
    /// place against the buffer's end, with a unit after it: every unit before is handed over,
    /// the one after is not, and the break is at its line. A root end tag inside a unit's text
    /// (`feed:` words, `</x:rss>` in a comment) or a name that only begins like it ends nothing.
    #[test]
    fn a_unit_after_the_root_element_closes_is_found_wherever_the_end_tag_falls() {
        let item = |k: usize| format!("<item><title>t{k} feed:rss a:RDF</title></item>\n");
        let body: String = (0..3000).map(item).collect();
        for (open, close) in [
            (
                "<rss><channel>\n",
                "</channel><!-- </x:rss> --></rssx></rss>",
            ),
            ("<rdf:RDF>\n", "</rdf:RDFx></rdf:RDF \n>"),
        ] {
            for size in [64, 100, 1000, 4099] {
                let doc = format!("{open}{body}{close}\n<item><title>late</title></item>\n");
                let mut c = Collect {
                    size,
                    chunks: vec![],
                    biggest: 0,
                    too_long: vec![],
                };
                let mut r = io::BufReader::with_capacity(7, doc.as_bytes());
                let end = frame_units(&mut r, RSS, usize::MAX / 2, &mut c);
                let joined: String = c.chunks.iter().map(|(s, _)| s.as_str()).collect();
                assert_eq!(joined.matches("</item>").count(), 3000, "{close} {size}");
                assert!(!joined.contains("late"), "{close} {size}");
                let (line, _, e) = end.broken.expect("broken off");
                let late = 2 + 3000 + close.matches('\n').count() as u64 + 1;
                assert_eq!(line, late, "{close} {size}");
                assert!(e.to_string().contains("after the root element"), "{e}");
            }
        }
    }
}
