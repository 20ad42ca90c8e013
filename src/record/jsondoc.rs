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
//! error), that is one `malformed_json` skip, and reading goes on at the next line that starts
//! an element of the list.

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
    /// The stream broke off: its line and the error.
    pub broken: Option<(u64, io::Error)>,
}

/// Reads the JSON document(s) of `reader` to the end, handing each post (or skip) to `out`
/// with its line. `owner` names whose archive a `tweets.js` is (its posts' author).
pub fn read_doc(
    reader: &mut dyn BufRead,
    json: &mut JsonExtractor,
    owner: &str,
    out: &mut dyn FnMut(u64, Outcome<'_>),
) -> DocEnd {
    let lines = Cell::new(0u64);
    let mut src = Counting {
        inner: reader,
        buf: vec![0; 1 << 16],
        at: 0,
        end: 0,
        pending: vec![],
        lines: &lines,
        bytes: 0,
        error: None,
        after_resync: false,
    };
    let mut cx = Cx {
        json,
        bufs: Decoded::default(),
        owner,
        lines: &lines,
        out,
    };
    loop {
        match src.skip_blank_and_prefix() {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => break,
        }
        let start_lines = lines.get();
        let mut de = serde_json::Deserializer::from_reader(&mut src);
        let got = (Top {
            cx: &mut cx,
            line: start_lines + 1,
        })
        .deserialize(&mut de);
        drop(de);
        if let Err(e) = got {
            if src.error.is_some() {
                break;
            }
            let line = if e.line() > 0 {
                start_lines + e.line() as u64
            } else {
                lines.get() + 1
            };
            (cx.out)(line, Err(Skip::MalformedJson));
            if !src.resync() {
                break;
            }
        }
    }
    let broken = src.error.take().map(|e| (lines.get() + 1, e));
    DocEnd {
        bytes: src.bytes,
        broken,
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
}

impl Read for Counting<'_, '_> {
    /// One byte at a time (as serde_json asks), from a buffer of our own: the input's own
    /// reader is called once per 64 KiB, not per byte.
    #[inline]
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        let b = if let Some(b) = self.pending.pop() {
            b
        } else {
            if self.at == self.end && !self.refill()? {
                return Ok(0);
            }
            let b = self.buf[self.at];
            self.at += 1;
            b
        };
        if b == b'\n' {
            self.lines.set(self.lines.get() + 1);
        }
        out[0] = b;
        Ok(1)
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
    /// leaves it to be read; false when there is none.
    fn resync(&mut self) -> bool {
        let mut line = Vec::new();
        let mut prev_ends_element = false;
        loop {
            line.clear();
            loop {
                match self.next_byte() {
                    None if line.is_empty() => return false,
                    None => break,
                    Some(b'\n') => break,
                    Some(b) => line.push(b),
                }
            }
            let t = line.trim_ascii();
            if t.starts_with(b"{") && prev_ends_element {
                // Give the line back (with its line break), to be read as the next element of
                // a list that goes on (hence the `[`); what closed the old list is then passed
                // over (`after_resync`).
                self.unread(b'\n');
                for &b in line.iter().rev() {
                    self.unread(b);
                }
                self.unread(b'[');
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

/// What every element is handed to.
struct Cx<'a, 'l> {
    json: &'a mut JsonExtractor,
    bufs: Decoded,
    owner: &'a str,
    /// Line breaks read so far.
    lines: &'l Cell<u64>,
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
        Elements { cx: self.cx }.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Members are kept until a list of posts is found: without one, the object is a post.
        let mut kept: Vec<(String, Box<RawValue>)> = vec![];
        let mut held_list = false;
        while let Some(key) = map.next_key::<String>()? {
            if CONTAINER_KEYS.contains(&key.as_str()) {
                map.next_value_seed(Elements { cx: self.cx })?;
                held_list = true;
                kept.clear();
            } else if held_list {
                map.next_value::<IgnoredAny>()?;
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
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            self.cx.element(raw.get(), None);
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
        let mut json = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Tz::UTC);
        let mut got = vec![];
        let mut r = io::Cursor::new(doc.as_bytes().to_vec());
        let end = read_doc(&mut r, &mut json, "owner.js", &mut |line, o| {
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
}
