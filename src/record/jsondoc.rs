//! One JSON document holding many posts, read as a stream with serde_json (memory bounded by one
//! post, whatever the document's size): a top-level array, pretty-printed or not; an object
//! holding the posts in a list (`orderedItems` of a Mastodon or ActivityStreams `outbox.json`,
//! `items`, `posts`, `statuses`); a Twitter/X archive's `tweets.js` (`window.YTD.tweets.part0 =
//! [ {"tweet": {…}} ]`); several such documents one after the other. An object that holds no
//! list is one post, as a JSON line would be.
//!
//! Each post is read by the same [`JsonExtractor`] as JSON Lines, after unwrapping: `{"tweet":
//! {…}}` is the tweet (its author the archive's owner, one voice), an ActivityStreams `Create`
//! is the object it wraps (a `Note`). A post's line is the line its value starts on. An element
//! that is not a post is a skip like a bad JSON line; when the document itself breaks (a syntax
//! error), that is one `malformed_json` skip, and reading goes on at the next element of the
//! list: on the same line (a compact document is one line), else at the next line that starts
//! one.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, Read};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::json::{Decoded, JsonExtractor};
use super::{Post, Skip};
use crate::input::sniff::CONTAINER_KEYS;

/// What reading one element gave.
pub type Outcome<'a> = Result<Post<'a>, Skip>;

/// How reading a document ended.
pub struct DocEnd {
    /// Bytes read.
    pub bytes: u64,
    /// The stream broke off: its line, whether a record had begun there (and is lost), and the
    /// error: a read error (a truncated archive), or the document ending before it closes.
    pub broken: Option<(u64, bool, io::Error)>,
}

/// Reads the JSON document(s) of `reader` to the end, handing each post (or skip) to `out`
/// with its line. `owner` names whose archive a `tweets.js` is (its posts' author). An element
/// (or a top-level value that holds no list, or what follows a list in its object) of more than
/// `max` bytes is read past without being kept: `record_too_long` at the line it starts on.
pub fn read_doc(
    reader: &mut dyn BufRead,
    json: &mut JsonExtractor,
    owner: &str,
    max: usize,
    out: &mut dyn FnMut(u64, Outcome<'_>),
) -> DocEnd {
    let lines = Cell::new(0u64);
    let mut cut = None;
    let held = Held::default();
    let mut src = Counting::new(reader, &lines, &held, max);
    let mut cx = Cx {
        json,
        bufs: Decoded::default(),
        owner,
        lines: &lines,
        held: &held,
        out,
    };
    loop {
        match src.skip_blank_and_prefix() {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => break,
        }
        let start_lines = lines.get();
        let outer = std::mem::take(&mut src.owed);
        held.begin(Mode::Top { outer });
        let mut de = serde_json::Deserializer::from_reader(&mut src);
        let got = (Top {
            cx: &mut cx,
            line: start_lines + 1,
            outer,
        })
        .deserialize(&mut de);
        drop(de);
        held.guard.set(false);
        if src.over {
            src.over = false;
            (cx.out)(src.start_line, Err(Skip::RecordTooLong));
            src.pass_over(held.mode.get());
            continue;
        }
        if got.is_ok() && outer > 0 {
            // A list read on after a long element: the rest of the objects around it is
            // passed over, as the list's own object would have done.
            src.skip_closers(outer);
        }
        if let Err(e) = got {
            if src.error.is_some() {
                break;
            }
            let line = if e.line() > 0 {
                start_lines + e.line() as u64
            } else {
                lines.get() + 1
            };
            if e.is_eof() {
                // The input ends inside a value: the document was cut short (a partial copy or
                // download), not a bad record among good ones.
                cut = Some(line);
                break;
            }
            (cx.out)(line, Err(Skip::MalformedJson));
            let in_list = matches!(held.mode.get(), Mode::Element { .. });
            if !src.resync(in_list) {
                break;
            }
        }
    }
    let broken = broken_at(src.error.take(), lines.get() + 1, cut);
    DocEnd {
        bytes: src.bytes,
        broken,
    }
}

/// How a document's reading broke off, if it did: a read error (at line `next`, nothing begun
/// there known), else the document ending inside a value begun at line `cut` (that record lost).
fn broken_at(
    error: Option<io::Error>,
    next: u64,
    cut: Option<u64>,
) -> Option<(u64, bool, io::Error)> {
    match (error, cut) {
        (Some(e), _) => Some((next, false, e)),
        (None, Some(line)) => Some((
            line,
            true,
            io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the JSON document ends before it closes (a truncated copy?)",
            ),
        )),
        (None, None) => None,
    }
}

/// The reader serde_json reads from, byte by byte: counts line breaks (so that each post's line
/// is known when its value ends) and can give back what a resynchronisation looked at.
struct Counting<'r, 'l> {
    inner: &'r mut dyn BufRead,
    /// What was read from `inner` and not yet handed over: `buf[at..end]`.
    buf: Vec<u8>,
    at: usize,
    end: usize,
    /// Bytes given back, read before `inner` (in reverse order).
    pending: Vec<u8>,
    lines: &'l Cell<u64>,
    bytes: u64,
    /// A read error: the stream broke off.
    error: Option<io::Error>,
    /// Reading goes on after a syntax error: closing brackets of the old document are passed
    /// over.
    after_resync: bool,
    /// What is being read, and when a new record begins (set by the visitors).
    held: &'l Held,
    /// The most bytes one record may take.
    max: usize,
    /// Bytes handed to serde_json since the record began.
    count: usize,
    /// Where those bytes stand: inside how many brackets, inside a string.
    lex: Lex,
    /// The line the record's first byte is on.
    start_line: u64,
    /// The record outgrew `max`: serde_json was given an error.
    over: bool,
    /// Brackets around the list read on after a long element, to pass over once it ends.
    owed: u32,
    /// The last two bytes read (line breaks before the first): whether serde_json's syntax
    /// error took the `{` that starts the next top-level value in its first column.
    last_two: [u8; 2],
}

/// What the document reader is in when a record begins, shared between the visitors (who say
/// when one begins) and the reader (who counts its bytes).
#[derive(Default)]
struct Held {
    mode: Cell<Mode>,
    /// A record begins with the next byte.
    begins: Cell<bool>,
    /// Bytes are counted (serde_json is reading).
    guard: Cell<bool>,
}

impl Held {
    fn begin(&self, mode: Mode) {
        self.mode.set(mode);
        self.begins.set(true);
        self.guard.set(true);
    }
}

impl Default for Mode {
    fn default() -> Mode {
        Mode::Top { outer: 0 }
    }
}

/// Where a record begins: how a long one is passed over (`outer`: the brackets around the list
/// or object that are not serde_json's, after reading on past a long element).
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// A top-level value.
    Top { outer: u32 },
    /// An element of a list of posts inside `outer` brackets (counting a holding object's).
    Element { outer: u32 },
    /// A member of a top-level object after its list of posts.
    Member { outer: u32 },
}

/// Where a stream of JSON stands, byte by byte: enough to find the end of the value it is in.
#[derive(Debug, Default, Clone, Copy)]
struct Lex {
    depth: u32,
    in_str: bool,
    escaped: bool,
    /// The value has begun.
    started: bool,
    /// It is a number or a literal (ended by a delimiter).
    scalar: bool,
}

/// What one byte did to a value being passed over.
#[derive(PartialEq)]
enum LexStep {
    /// The value goes on.
    On,
    /// The value ended with this byte.
    Done,
    /// This byte is not the value's: a delimiter after it (or before it began).
    Outside,
}

impl Lex {
    fn feed(&mut self, b: u8) -> LexStep {
        if self.in_str {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_str = false;
                if self.depth == 0 {
                    return LexStep::Done;
                }
            }
            return LexStep::On;
        }
        let top = self.depth == 0;
        match b {
            b'"' => {
                (self.in_str, self.started) = (true, true);
                self.scalar = false;
            }
            b'{' | b'[' => {
                self.depth += 1;
                (self.started, self.scalar) = (true, false);
            }
            b'}' | b']' if top => return LexStep::Outside,
            b'}' | b']' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return LexStep::Done;
                }
            }
            b',' if top && self.started => return LexStep::Outside,
            b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' if !(top && self.scalar) => {}
            b' ' | b'\t' | b'\r' | b'\n' | b':' => return LexStep::Outside,
            _ if top && !self.started => (self.started, self.scalar) = (true, true),
            _ => {}
        }
        LexStep::On
    }
}

impl Read for Counting<'_, '_> {
    /// One byte at a time (as serde_json asks), from a buffer of our own: the input's own
    /// reader is called once per 64 KiB, not per byte.
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        let b = if let Some(&b) = self.pending.last() {
            b
        } else {
            if self.at == self.end && !self.refill()? {
                return Ok(0);
            }
            self.buf[self.at]
        };
        if self.held.guard.get() {
            self.count_in(b)?;
        }
        if self.pending.pop().is_none() {
            self.at += 1;
        }
        if b == b'\n' {
            self.lines.set(self.lines.get() + 1);
        }
        self.last_two = [self.last_two[1], b];
        out[0] = b;
        Ok(1)
    }
}

impl Counting<'_, '_> {
    /// Counts byte `b` into the record being read; an error (that serde_json gives back) when
    /// the record has outgrown the limit: `b` is then not taken.
    #[inline]
    fn count_in(&mut self, b: u8) -> io::Result<()> {
        if self.held.begins.take() {
            (self.count, self.lex, self.start_line) = (0, Lex::default(), 0);
        }
        self.count += 1;
        if self.count > self.max {
            self.over = true;
            return Err(io::Error::other("a record longer than --max-line-bytes"));
        }
        let began = self.lex.started;
        self.lex.feed(b);
        if !began && self.lex.started {
            self.start_line = self.lines.get() + 1;
        }
        Ok(())
    }

    /// After a record outgrew the limit (begun as `mode` says): reads past the rest of it,
    /// keeping nothing, and readies what follows to be read: the next element of its list (read
    /// on as a list of its own), or what follows the value.
    fn pass_over(&mut self, mode: Mode) {
        if self.start_line == 0 {
            self.start_line = self.lines.get() + 1;
        }
        let mut lex = self.lex;
        while let Some(b) = self.next_byte() {
            match lex.feed(b) {
                LexStep::On => {}
                LexStep::Done => break,
                LexStep::Outside => {
                    self.unread(b);
                    break;
                }
            }
        }
        match mode {
            Mode::Top { outer } => self.skip_closers(outer),
            Mode::Member { outer } => self.skip_closers(outer + 1),
            Mode::Element { outer } => loop {
                match self.next_byte() {
                    Some(b' ' | b'\t' | b'\r' | b'\n') => {}
                    Some(b',') => {
                        self.unread(b'[');
                        self.owed = outer;
                        return;
                    }
                    Some(b']') => return self.skip_closers(outer),
                    Some(b) => return self.unread(b),
                    None => return,
                }
            },
        }
    }

    /// Reads past the rest of the `n` innermost objects or lists the stream is in (through
    /// their closing brackets), keeping nothing.
    fn skip_closers(&mut self, mut n: u32) {
        let mut lex = Lex::default();
        while n > 0 {
            let Some(b) = self.next_byte() else {
                return;
            };
            if lex.feed(b) == LexStep::Outside && matches!(b, b'}' | b']') {
                n -= 1;
            }
            lex.started = false;
        }
    }
}

impl<'r, 'l> Counting<'r, 'l> {
    fn new(
        inner: &'r mut dyn BufRead,
        lines: &'l Cell<u64>,
        held: &'l Held,
        max: usize,
    ) -> Counting<'r, 'l> {
        Counting {
            inner,
            buf: vec![0; 1 << 16],
            at: 0,
            end: 0,
            pending: vec![],
            lines,
            bytes: 0,
            error: None,
            after_resync: false,
            held,
            max: max.max(1),
            count: 0,
            lex: Lex::default(),
            start_line: 0,
            over: false,
            owed: 0,
            last_two: [b'\n'; 2],
        }
    }
}

impl Counting<'_, '_> {
    /// Reads the next block into the buffer; false at the end of the input.
    #[cold]
    fn refill(&mut self) -> io::Result<bool> {
        loop {
            match self.inner.read(&mut self.buf) {
                Ok(n) => {
                    self.bytes += n as u64;
                    (self.at, self.end) = (0, n);
                    return Ok(n > 0);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let msg = e.to_string();
                    self.error = Some(e);
                    return Err(io::Error::other(msg));
                }
            }
        }
    }
}

impl Counting<'_, '_> {
    fn next_byte(&mut self) -> Option<u8> {
        let mut b = [0u8];
        match self.read(&mut b) {
            Ok(1) => Some(b[0]),
            _ => None,
        }
    }

    fn unread(&mut self, b: u8) {
        if b == b'\n' {
            self.lines.set(self.lines.get() - 1);
        }
        self.pending.push(b);
    }

    /// Skips white space, a byte-order mark, `;` between documents and a JavaScript assignment
    /// (`window.YTD.tweets.part0 =`); false at the end of the input.
    fn skip_blank_and_prefix(&mut self) -> io::Result<bool> {
        loop {
            let Some(b) = self.next_byte() else {
                return Ok(false);
            };
            match b {
                b' ' | b'\t' | b'\r' | b'\n' | b';' => {}
                b']' | b'}' | b',' if self.after_resync => {}
                0xef | 0xbb | 0xbf => {}
                b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' => {
                    self.unread(b);
                    return Ok(true);
                }
                b if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                    // A name and `=` (or a bare literal, left to serde_json to judge).
                    let mut name = vec![b];
                    while let Some(c) = self.next_byte() {
                        if c == b'=' {
                            name.clear();
                            break;
                        }
                        if c == b'\n' || name.len() > 200 {
                            name.push(c);
                            break;
                        }
                        name.push(c);
                    }
                    if !name.is_empty() {
                        for &c in name.iter().rev() {
                            self.unread(c);
                        }
                        return Ok(true);
                    }
                }
                _ => {
                    self.unread(b);
                    return Ok(true);
                }
            }
        }
    }

    /// After a syntax error: skips to the next line that starts (after white space) with `{`
    /// and follows a line that ended an element or opened the list (`},`, `}`, `[`, `,`), and
    /// leaves it to be read; false when there is none. `in_list`: the value that broke was an
    /// element of a list, which reading goes on with. Otherwise it was a top-level value of a
    /// stream of them (`jq .` output): the next is one too, and a line that starts with `{` in
    /// its first column starts one whatever came before it (the broken value's last line).
    fn resync(&mut self, in_list: bool) -> bool {
        if !in_list && self.last_two == [b'\n', b'{'] {
            // The error was met at that `{` (serde_json took it to find the value before it
            // unfinished): it is the next value's, given back.
            self.unread(b'{');
            self.after_resync = true;
            return true;
        }
        let mut prev_ends_element = match self.rest_of_line(in_list) {
            Rest::Element => return true,
            Rest::End => return false,
            Rest::Ended(ends_element) => ends_element,
        };
        let mut line = Vec::new();
        loop {
            line.clear();
            // A line longer than the limit is not kept (nor read again): its last two bytes
            // other than white space say how it ends.
            let (mut long, mut last) = (false, [b' '; 2]);
            loop {
                match self.next_byte() {
                    None if line.is_empty() && !long => return false,
                    None => break,
                    Some(b'\n') => break,
                    Some(b) if long || line.len() >= self.max => {
                        long = true;
                        line.clear();
                        if !b.is_ascii_whitespace() {
                            last = [last[1], b];
                        }
                    }
                    Some(b) => line.push(b),
                }
            }
            if long {
                line.extend_from_slice(b"\"");
                line.extend_from_slice(&last);
            }
            let t = line.trim_ascii();
            let top = !in_list && line.first() == Some(&b'{');
            if t.starts_with(b"{") && (prev_ends_element || top) {
                // Give the line back (with its line break), to be read as the next element of
                // a list that goes on (hence the `[`), or as the next top-level value; what
                // closed the old list is then passed over (`after_resync`).
                self.unread(b'\n');
                for &b in line.iter().rev() {
                    self.unread(b);
                }
                if in_list {
                    self.unread(b'[');
                }
                self.after_resync = true;
                return true;
            }
            if !t.is_empty() {
                prev_ends_element = t.ends_with(b"},")
                    || t.ends_with(b"}")
                    || t.ends_with(b"[")
                    || t.ends_with(b",");
            }
        }
    }
}

/// What the rest of the line a syntax error was met in held.
enum Rest {
    /// The start of the next element of the list: reading goes on there.
    Element,
    /// The end of the input.
    End,
    /// A line break; whether what was before it ended an element (`}`, `},`) or opened the
    /// list (`[`, `,`).
    Ended(bool),
}

impl Counting<'_, '_> {
    /// After a syntax error: reads the rest of its line. In a list, an element that starts
    /// there (`}`, `,` and `{`, white space between) is where reading goes on: a compact
    /// document is one line, and all of it after the broken element was lost (without a
    /// word, exit 0).
    fn rest_of_line(&mut self, in_list: bool) -> Rest {
        // 1 after `}`, 2 after `}` and `,`.
        let mut seen = 0;
        let mut last = [b' '; 2];
        loop {
            let b = match self.next_byte() {
                None => return Rest::End,
                Some(b'\n') => break,
                Some(b) => b,
            };
            if in_list && seen == 2 && b == b'{' {
                self.unread(b'{');
                self.unread(b'[');
                self.after_resync = true;
                return Rest::Element;
            }
            seen = match b {
                b'}' => 1,
                b',' if seen == 1 => 2,
                b if b.is_ascii_whitespace() => seen,
                _ => 0,
            };
            if !b.is_ascii_whitespace() {
                last = [last[1], b];
            }
        }
        Rest::Ended(matches!(last, [b'}', b','] | [_, b'}' | b'[' | b',']))
    }
}

/// What every element is handed to.
struct Cx<'a, 'l> {
    json: &'a mut JsonExtractor,
    bufs: Decoded,
    owner: &'a str,
    /// Line breaks read so far.
    lines: &'l Cell<u64>,
    /// Where the visitors say a record begins.
    held: &'l Held,
    out: &'a mut dyn FnMut(u64, Outcome<'_>),
}

impl Cx<'_, '_> {
    /// One element of a list (its line: where it ended, less its own line breaks), or a
    /// top-level object that holds no list (`line` given): a post or a skip.
    fn element(&mut self, raw: &str, line: Option<u64>) {
        let line = line.unwrap_or_else(|| {
            1 + self.lines.get() - memchr::memchr_iter(b'\n', raw.as_bytes()).count() as u64
        });
        if !raw.starts_with('{') {
            (self.out)(line, Err(Skip::NotObject));
            return;
        }
        let wrap = Wrapper::of(raw);
        let inner = wrap.inner.unwrap_or(raw);
        let got = self.json.extract_into(inner.as_bytes(), &mut self.bufs);
        let got = got.map(|mut p| {
            if let Some(k) = wrap.kind {
                p.kind = Some(Cow::Borrowed(k));
            }
            if wrap.tweet && p.author.is_none() {
                p.author = Some(Cow::Borrowed(self.owner));
            }
            p
        });
        (self.out)(line, got);
    }
}

/// A post wrapped in another object: a Twitter archive's `{"tweet": {…}}`, an ActivityStreams
/// `Create` of a `Note`.
#[derive(Default)]
struct Wrapper<'a> {
    inner: Option<&'a str>,
    kind: Option<&'static str>,
    tweet: bool,
}

impl<'a> Wrapper<'a> {
    fn of(raw: &'a str) -> Wrapper<'a> {
        let has = |k: &str| memchr::memmem::find(raw.as_bytes(), k.as_bytes()).is_some();
        if !has("\"tweet\"") && !has("\"object\"") {
            return Wrapper::default();
        }
        let Ok(w) = serde_json::from_str::<Outer<'a>>(raw) else {
            return Wrapper::default();
        };
        if let Some(t) = w.tweet.filter(|t| t.get().starts_with('{')) {
            let reply = serde_json::from_str::<Tweet>(t.get())
                .is_ok_and(|t| t.in_reply_to_status_id_str.is_some());
            return Wrapper {
                inner: Some(t.get()),
                kind: Some(if reply { "comment" } else { "post" }),
                tweet: true,
            };
        }
        let creates = matches!(w.kind.as_deref(), Some("Create" | "Update"));
        if let (true, Some(o)) = (creates, w.object.filter(|o| o.get().starts_with('{'))) {
            let reply =
                serde_json::from_str::<Note>(o.get()).is_ok_and(|n| n.in_reply_to.is_some());
            return Wrapper {
                inner: Some(o.get()),
                kind: Some(if reply { "comment" } else { "post" }),
                tweet: false,
            };
        }
        Wrapper::default()
    }
}

#[derive(serde::Deserialize)]
struct Outer<'a> {
    #[serde(borrow)]
    tweet: Option<&'a RawValue>,
    #[serde(rename = "type")]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    object: Option<&'a RawValue>,
}

#[derive(serde::Deserialize)]
struct Tweet {
    in_reply_to_status_id_str: Option<IgnoredAny>,
}

#[derive(serde::Deserialize)]
struct Note {
    #[serde(rename = "inReplyTo")]
    in_reply_to: Option<IgnoredAny>,
}

/// A top-level value: a list of posts, an object holding one (or being one), anything else a
/// skip.
struct Top<'c, 'a, 'l> {
    cx: &'c mut Cx<'a, 'l>,
    /// The line the value starts on.
    line: u64,
    /// Brackets around it that serde_json does not see (a list read on after a long element).
    outer: u32,
}

impl<'de> DeserializeSeed<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array or object")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let outer = self.outer;
        Elements { cx: self.cx, outer }.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Members are kept until a list of posts is found: without one, the object is a post.
        // (Until then the object is one record, held within the limit.)
        let mut kept: Vec<(String, Box<RawValue>)> = vec![];
        let mut held_list = false;
        while let Some(key) = map.next_key::<String>()? {
            if CONTAINER_KEYS.contains(&key.as_str()) {
                let outer = self.outer + 1;
                map.next_value_seed(Elements { cx: self.cx, outer })?;
                held_list = true;
                kept.clear();
                self.cx.held.begin(Mode::Member { outer: self.outer });
            } else if held_list {
                map.next_value::<IgnoredAny>()?;
                self.cx.held.begin(Mode::Member { outer: self.outer });
            } else {
                kept.push((key, map.next_value::<Box<RawValue>>()?));
            }
        }
        if !held_list {
            let mut text = String::from("{");
            for (i, (k, v)) in kept.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                text.push_str(&serde_json::to_string(k).unwrap_or_default());
                text.push(':');
                text.push_str(v.get());
            }
            text.push('}');
            self.cx.element(&text, Some(self.line));
        }
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.cx.not_object();
        Ok(())
    }
}

impl Cx<'_, '_> {
    fn not_object(&mut self) {
        (self.out)(self.lines.get() + 1, Err(Skip::NotObject));
    }
}

/// A list of posts: each element handed over as soon as it is read.
struct Elements<'c, 'a, 'l> {
    cx: &'c mut Cx<'a, 'l>,
    /// Brackets around the list (see [`Mode::Element`]).
    outer: u32,
}

impl<'de> DeserializeSeed<'de> for Elements<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of posts")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mode = Mode::Element { outer: self.outer };
        self.cx.held.begin(mode);
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            self.cx.element(raw.get(), None);
            self.cx.held.begin(mode);
        }
        Ok(())
    }
    // A container key whose value is not a list: nothing in it.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::FieldChoice;

    /// (kind, author, text) of a post, or the skip.
    type Got = Result<(Option<String>, Option<String>, String), Skip>;

    /// Each post (or skip) with its line.
    fn read(doc: &str) -> Vec<(u64, Got)> {
        read_max(doc, 1 << 20)
    }

    /// Each post (or skip) with its line, records of more than `max` bytes skipped.
    fn read_max(doc: &str, max: usize) -> Vec<(u64, Got)> {
        let mut json = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Tz::UTC);
        let mut got = vec![];
        let mut r = io::Cursor::new(doc.as_bytes().to_vec());
        let end = read_doc(&mut r, &mut json, "owner.js", max, &mut |line, o| {
            got.push((
                line,
                o.map(|p| {
                    let own = |c: Option<Cow<'_, str>>| c.map(Cow::into_owned);
                    (own(p.kind), own(p.author), p.text.into_owned())
                }),
            ))
        });
        assert!(end.broken.is_none());
        assert_eq!(end.bytes, doc.len() as u64);
        got
    }

    fn post(kind: Option<&str>, author: Option<&str>, text: &str) -> Got {
        Ok((
            kind.map(str::to_string),
            author.map(str::to_string),
            text.to_string(),
        ))
    }

    #[test]
    fn an_element_longer_than_the_limit_is_skipped_and_the_rest_read() {
        let post = |t: &str| format!("{{\"time\": 1235467862, \"text\": \"{t}\"}}");
        let long = format!(
            "{{\"time\": 1235467862, \"text\": \"{}\\\" ]}}\"}}",
            "x".repeat(3000)
        );
        // A pretty-printed array: the long element (whose text holds an escaped quote and
        // brackets) on line 3, in the middle and at the end.
        let doc = format!(
            "[\n{},\n{long},\n{},\n{long}\n]\n",
            post("one"),
            post("two")
        );
        let want = vec![
            (2, post_of("one")),
            (3, Err(Skip::RecordTooLong)),
            (4, post_of("two")),
            (5, Err(Skip::RecordTooLong)),
        ];
        assert_eq!(read_max(&doc, 1000), want);
        // The same in an outbox, members after the list passed over; then a document that is
        // one long post, and one more array.
        let doc = format!(
            "{{\"type\": \"OrderedCollection\", \"orderedItems\": [\n{},\n{long},\n{},\n{long}\n], \"totalItems\": 4, \"next\": {{\"a\": [\"]\"]}}}}\n{long}\n[{}]\n",
            post("one"),
            post("two"),
            post("three")
        );
        let mut want = want;
        want.extend([(7, Err(Skip::RecordTooLong)), (8, post_of("three"))]);
        assert_eq!(read_max(&doc, 1000), want);
        // Within the limit, nothing is skipped.
        assert!(read_max(&doc, 4000).iter().all(|(_, g)| g.is_ok()));
    }

    fn post_of(text: &str) -> Got {
        post(None, None, text)
    }

    #[test]
    fn tweets_js_wraps_and_the_archive_is_one_voice() {
        let doc = "window.YTD.tweets.part0 = [ {\n  \"tweet\" : {\n    \"created_at\" : \"Tue Feb 24 09:31:02 +0000 2009\",\n    \"full_text\" : \"gmail is down\"\n  }\n}, {\n  \"tweet\" : {\n    \"created_at\" : \"Tue Feb 24 09:32:02 +0000 2009\",\n    \"full_text\" : \"@a same\",\n    \"in_reply_to_status_id_str\" : \"1\"\n  }\n} ];\n";
        assert_eq!(
            read(doc),
            vec![
                (1, post(Some("post"), Some("owner.js"), "gmail is down")),
                (6, post(Some("comment"), Some("owner.js"), "@a same")),
            ]
        );
    }

    #[test]
    fn objects_documents_one_after_another_and_what_is_not_a_post() {
        // A pretty-printed object that holds no list is one post; then an array; then an
        // outbox; `null` and a number are skips.
        let doc = "{\n  \"time\": 1235467862,\n  \"text\": \"one\",\n  \"author\": \"a\"\n}\n[{\"time\": 1235467862, \"text\": \"two\"}, null, 7]\n{\"type\": \"OrderedCollection\", \"orderedItems\": [\n  {\"type\": \"Create\", \"actor\": \"x\", \"object\": {\"type\": \"Note\", \"published\": \"2009-02-24T09:31:02Z\", \"content\": \"<p>three &amp; four</p>\", \"attributedTo\": \"https://m/u\"}}\n], \"totalItems\": 1}\n";
        assert_eq!(
            read(doc),
            vec![
                (1, post(None, Some("a"), "one")),
                (6, post(None, None, "two")),
                (6, Err(Skip::NotObject)),
                (6, Err(Skip::NotObject)),
                (8, post(Some("post"), Some("https://m/u"), "three & four")),
            ]
        );
    }

    /// Texts of the posts read, and the lines of the skips.
    fn texts_and_skips(doc: &str) -> (Vec<String>, Vec<u64>) {
        let (mut texts, mut skips) = (vec![], vec![]);
        for (line, got) in read(doc) {
            match got {
                Ok((_, _, t)) => texts.push(t),
                Err(_) => skips.push(line),
            }
        }
        (texts, skips)
    }

    #[test]
    fn a_broken_value_in_a_stream_of_them_costs_that_value_only() {
        // `jq .` output: pretty-printed objects one after another, no list. The third lost its
        // closing brace (the error is met at the fourth's `{`), or was cut inside its text (a
        // bare line break in a string): every other object is read, as top-level values (read as
        // a list's elements, each would need a comma and every second one was lost).
        let obj = |i: usize| format!("{{\n  \"time\": 1235467862,\n  \"text\": \"post {i}\"\n}}\n");
        let all: Vec<String> = (0..8).map(obj).collect();
        let want: Vec<String> = (0..8)
            .filter(|&i| i != 2)
            .map(|i| format!("post {i}"))
            .collect();
        for broken in [
            "{\n  \"time\": 1235467862,\n  \"text\": \"post 2\"\n",
            "{\n  \"time\": 1235467862,\n  \"text\": \"post\n",
        ] {
            let mut doc = all.clone();
            doc[2] = broken.to_string();
            let (texts, skips) = texts_and_skips(&doc.concat());
            assert_eq!(texts, want, "{broken:?}");
            assert_eq!(skips.len(), 1, "{broken:?}");
        }
        // In a list, the elements after the one that broke go on as a list.
        let list = format!(
            "[\n{},\n{{\n  \"text\": \"post\n}},\n{},\n{}]\n",
            obj(0).trim_end(),
            obj(3).trim_end(),
            obj(4).trim_end()
        );
        let (texts, skips) = texts_and_skips(&list);
        assert_eq!(texts, ["post 0", "post 3", "post 4"], "{list}");
        assert_eq!(skips.len(), 1);
    }

    /// A compact document is one line: an element that breaks costs that element, and the
    /// list goes on at the next one on the same line (before, the rest of the line was passed
    /// over: every later post lost without a word, exit 0).
    #[test]
    fn a_broken_element_of_a_one_line_list_costs_that_element_only() {
        let el = |i: usize| {
            format!("{{\"time\":1235467862,\"text\":\"post {i}\",\"user\":{{\"a\":[{{\"b\":1}}, {{\"c\":2}}]}}}}")
        };
        for broken in [
            "{\"time\":1235467862,\"text\":oops}",
            "{\"time\":1235467862,\"text\":\"post\",,\"x\":1}",
            "{\"time\":1235467862 \"text\":\"post\"}",
        ] {
            let mut els: Vec<String> = (0..50).map(el).collect();
            els[10] = broken.to_string();
            let doc = format!("[{}]\n", els.join(", "));
            let (texts, skips) = texts_and_skips(&doc);
            let want: Vec<String> = (0..50)
                .filter(|&i| i != 10)
                .map(|i| format!("post {i}"))
                .collect();
            assert_eq!(texts, want, "{broken}");
            assert_eq!(skips, [1], "{broken}");
        }
    }
}
