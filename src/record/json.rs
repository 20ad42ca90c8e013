//! JSON lines into posts: the wanted fields found in one walk (the fast scan of [`super::jsonscan`]
//! first, serde_json when it is unsure), strings borrowed unless they hold escapes.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::fields::{title_paths, Candidates, FieldChoice, KeyPath};
use super::html::strip_html_into;
use super::jsonscan::Found;
use super::{Post, Skip};
use crate::time::{self, Parsed, TimeError, TimeParser, TimeRules, Ts};

/// Turns JSON lines into posts. Built once per run.
pub struct JsonExtractor {
    time_paths: Vec<KeyPath>,
    text_paths: Vec<KeyPath>,
    author_paths: Vec<KeyPath>,
    kind_paths: Vec<KeyPath>,
    /// The top-level keys the author and kind candidates start with, a bit each (`tops`): a
    /// line that has none of them is passed over in one test, not a test a candidate (the
    /// kind's were ~60 instructions of a chat line without a kind).
    author_tops: u32,
    kind_tops: u32,
    /// Reddit submissions: `title` (+ `selftext`) when no text field is present.
    title_fallback: bool,
    title_paths: [KeyPath; 2],
    /// Every top-level key any candidate starts with: only these are kept while walking a line.
    top_keys: Vec<String>,
    /// One time reader per time candidate, each counting what its field's times needed.
    time_parsers: Vec<TimeParser>,
    /// The time reader the current line's time went to (`None`: the line had no time field).
    line_time: Option<usize>,
    /// The same, indexed for the fast scan (jsonscan.rs).
    scan_keys: crate::record::jsonscan::Keys,
}

/// Up to this many wanted top-level keys.
const MAX_KEYS: usize = 32;

impl JsonExtractor {
    /// An extractor for `choice`'s fields, reading times by `rules` (a zone converts into rules
    /// with that zone chosen).
    pub fn new(choice: &FieldChoice, rules: impl Into<TimeRules>) -> JsonExtractor {
        let rules = rules.into();
        let cands = Candidates::new(choice);
        let mut top_keys: Vec<String> = vec![];
        let all = cands
            .time
            .iter()
            .chain(&cands.text)
            .chain(&cands.author)
            .chain(&cands.kind);
        for p in all {
            if !top_keys.contains(&p[0]) {
                top_keys.push(p[0].clone());
            }
        }
        for k in ["title", "selftext"] {
            if cands.title_fallback && !top_keys.iter().any(|t| t == k) {
                top_keys.push(k.to_string());
            }
        }
        top_keys.truncate(MAX_KEYS);
        let time_parsers = vec![TimeParser::new(rules); cands.time.len()];
        let [title, selftext] = title_paths();
        let (author_paths, kind_paths) = (
            KeyPath::all(&cands.author, &top_keys),
            KeyPath::all(&cands.kind, &top_keys),
        );
        JsonExtractor {
            time_paths: KeyPath::all(&cands.time, &top_keys),
            text_paths: KeyPath::all(&cands.text, &top_keys),
            author_tops: tops(&author_paths),
            kind_tops: tops(&kind_paths),
            author_paths,
            kind_paths,
            title_fallback: cands.title_fallback,
            title_paths: [
                KeyPath::new(&title, &top_keys),
                KeyPath::new(&selftext, &top_keys),
            ],
            scan_keys: crate::record::jsonscan::Keys::new(&top_keys),
            top_keys,
            time_parsers,
            line_time: None,
        }
    }

    /// Times read so far that needed the DST rule.
    pub fn dst_adjusted(&self) -> u64 {
        self.time_parsers.iter().map(|p| p.dst_adjusted).sum()
    }

    /// Times read so far in an implied zone (no `--input-tz`), by zone (`time::Implied::ALL`).
    pub fn implied(&self) -> [u64; 2] {
        let mut n = [0; 2];
        for p in &self.time_parsers {
            n[0] += p.implied[0];
            n[1] += p.implied[1];
        }
        n
    }

    /// Numeric dates read so far that another order would read differently.
    pub fn ambiguous_dates(&self) -> u64 {
        self.time_parsers.iter().map(|p| p.ambiguous_dates).sum()
    }

    /// The first ambiguous numeric date read so far, as written.
    pub fn ambiguous_example(&self) -> Option<&str> {
        self.time_parsers
            .iter()
            .find_map(|p| p.ambiguous_example.as_deref())
    }

    /// The details of the current line's time when it could not be read (for warnings): only
    /// this line's own time field counts, never an earlier line's.
    pub fn last_time_error(&self) -> Option<TimeError> {
        self.time_parsers.get(self.line_time?)?.last_error
    }

    /// How the current line's time was read (`None` for an epoch number or no time).
    pub fn last_time(&self) -> Option<Parsed> {
        self.time_parsers.get(self.line_time?)?.last_parsed
    }

    /// Reads one line (already known to be non-blank) into a post that owns its strings, for
    /// callers that keep posts; the hot path, which allocates nothing, is
    /// [`JsonExtractor::extract_into`].
    pub fn extract<'a>(&mut self, line: &'a [u8]) -> Result<Post<'a>, Skip> {
        let mut bufs = Decoded::default();
        self.extract_into(line, &mut bufs).map(Post::into_owned)
    }

    /// Reads one line (already known to be non-blank); strings with escapes are decoded into
    /// `bufs`, which the caller keeps from line to line, so that no line allocates once the
    /// buffers have grown to the longest text.
    pub fn extract_into<'a>(
        &mut self,
        line: &'a [u8],
        bufs: &'a mut Decoded,
    ) -> Result<Post<'a>, Skip> {
        let s = simdutf8::basic::from_utf8(line).map_err(|_| Skip::InvalidUtf8)?;
        self.extract_str(s, bufs)
    }

    /// [`JsonExtractor::extract_into`] for a line already known to be valid UTF-8: the parallel
    /// reader checks a whole chunk at once (a check a line cost ~160 instructions of a short
    /// chat line, most of it the call's set-up).
    pub fn extract_str<'a>(&mut self, s: &'a str, bufs: &'a mut Decoded) -> Result<Post<'a>, Skip> {
        let s = s.trim_start_matches('\u{feff}');
        if !s.trim_start().starts_with('{') {
            return Err(match serde_json::from_str::<IgnoredAny>(s) {
                Ok(_) => Skip::NotObject,
                Err(_) => malformed(s),
            });
        }
        let mut vals = [None; MAX_KEYS];
        // Which keys the line has, and which values the scan read as strings without an escape.
        let mut found = Found::default();
        if !crate::record::jsonscan::top_members_found(s, &self.scan_keys, &mut vals, &mut found) {
            // The fast scan was not sure (jsonscan.rs): serde_json reads the line, and says why
            // a bad one is bad.
            let mut de = serde_json::Deserializer::from_str(s);
            let top = Grab {
                keys: &self.top_keys,
            }
            .deserialize(&mut de)
            .map_err(|_| malformed(s))?;
            de.end().map_err(|_| malformed(s))?;
            vals = top.map(|v| v.map(RawValue::get));
            // Every key is looked up, every string searched for escapes.
            found = Found {
                present: u32::MAX,
                plain: 0,
            };
        }
        // Borrowed, not moved: the array is half a kilobyte, and a move copied it every line.
        let doc = Doc {
            vals: &vals,
            present: found.present,
            plain: found.plain,
        };

        self.line_time = None;
        let found = self
            .time_paths
            .iter()
            .enumerate()
            .filter(|(_, p)| doc.may_have(p))
            .find_map(|(k, p)| doc.lookup(p).map(|raw| (k, raw)));
        let time = match found {
            None => return Err(Skip::MissingTime),
            Some((k, raw)) => {
                self.line_time = Some(k);
                let parser = &mut self.time_parsers[k];
                parser.last_error = None;
                parser.last_parsed = None;
                json_time(raw, parser, &mut bufs.time)?
            }
        };
        let text = self.text(&doc, &mut bufs.text, &mut bufs.title, &mut bufs.extra)?;
        let author = (doc.present & self.author_tops != 0)
            .then(|| first_str(&self.author_paths, &doc, &mut bufs.author))
            .flatten();
        let kind = (doc.present & self.kind_tops != 0)
            .then(|| first_str(&self.kind_paths, &doc, &mut bufs.kind))
            .flatten();
        Ok(Post {
            time,
            text,
            author,
            kind,
        })
    }

    fn text<'a>(
        &self,
        doc: &Doc<'_, 'a>,
        buf: &'a mut String,
        title_buf: &'a mut String,
        extra: &'a mut String,
    ) -> Result<Cow<'a, str>, Skip> {
        let found = (self.text_paths.iter())
            .filter(|p| doc.may_have(p))
            .find_map(|p| doc.lookup(p).and_then(|t| Some((p, t, decode(t, buf)?))));
        if let Some((p, t, decoded)) = found {
            let t = view(t.text, buf, decoded);
            // A byte search: `str::contains` with a set of chars decoded every char of the body
            // (~4.8 M instructions on a 10 MB trackback slice); `<` and `&` are ASCII, and an
            // ASCII byte in UTF-8 is always that character.
            if p.html && memchr::memchr2(b'<', b'&', t.as_bytes()).is_some() {
                strip_html_into(&t, extra);
                return Ok(Cow::Borrowed(extra.as_str()));
            }
            return Ok(t);
        }
        if self.title_fallback {
            let title = first_str(&self.title_paths[..1], doc, title_buf);
            let body = first_str(&self.title_paths[1..], doc, buf);
            return match (title, body) {
                (Some(t), Some(b)) if !b.is_empty() && b != "[deleted]" && b != "[removed]" => {
                    extra.clear();
                    extra.push_str(&t);
                    extra.push('\n');
                    extra.push_str(&b);
                    Ok(Cow::Borrowed(extra.as_str()))
                }
                (Some(t), _) => Ok(t),
                (None, Some(b)) => Ok(b),
                (None, None) => Err(Skip::MissingText),
            };
        }
        Err(Skip::MissingText)
    }
}

/// A bit for each top-level key some path of `paths` starts with (as [`Doc::may_have`] reads
/// them: a path whose key is not kept, `top` past the last, can never be present).
fn tops(paths: &[KeyPath]) -> u32 {
    (paths.iter())
        .filter(|p| p.top < MAX_KEYS)
        .fold(0, |m, p| m | 1 << p.top)
}

/// Why a line that is not JSON is skipped: lines ended by a carriage return alone, joined into
/// one (a carriage return right before a `{`), or malformed JSON (a raw CR inside a string,
/// say).
fn malformed(line: &str) -> Skip {
    let b = line.as_bytes();
    if memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) == Some(&b'{')) {
        Skip::LoneCr
    } else {
        Skip::MalformedJson
    }
}

/// The string value of the first of `paths` that holds a (readable) string.
fn first_str<'a>(
    paths: &[KeyPath],
    doc: &Doc<'_, 'a>,
    buf: &'a mut String,
) -> Option<Cow<'a, str>> {
    let (t, decoded) = paths
        .iter()
        .filter(|p| doc.may_have(p))
        .find_map(|p| doc.lookup(p).and_then(|t| Some((t, decode(t, buf)?))))?;
    Some(view(t.text, buf, decoded))
}

/// Buffers that strings with escapes are decoded into, kept from line to line.
#[derive(Debug, Default)]
pub struct Decoded {
    time: String,
    text: String,
    title: String,
    author: String,
    kind: String,
    /// A text built from the others: HTML stripped, a title joined to its body.
    extra: String,
}

/// The wanted top-level values of one JSON object (their text, valid JSON).
struct Doc<'d, 'a> {
    vals: &'d [Option<&'a str>; MAX_KEYS],
    /// Bit `i` clear: `vals[i]` is `None` (`top_members_found`): a candidate under that key is
    /// passed over without a call to [`Doc::lookup`] (most candidates of most lines are absent).
    present: u32,
    /// Bit `i`: `vals[i]` is a string the scan read without an escape (`top_members_found`).
    plain: u32,
}

/// A value's JSON text, and whether it is known to be a string without an escape (`plain`):
/// then its content is taken as it is, without a second search for a `\`.
#[derive(Clone, Copy)]
struct Raw<'a> {
    text: &'a str,
    plain: bool,
}

impl<'a> Doc<'_, 'a> {
    /// Whether the line may have `path`'s first key (false only when it surely has not).
    #[inline(always)]
    fn may_have(&self, path: &KeyPath) -> bool {
        path.top < MAX_KEYS && self.present >> path.top & 1 == 1
    }

    /// Follows a path: the first key among the kept ones, the rest by walking nested objects.
    /// The value's JSON text: already valid (checked by the scan or by serde_json when the line
    /// was read) and without surrounding white space, so it is not parsed again here. Inlined:
    /// a call a candidate was ~140 instructions of a short chat line.
    #[inline(always)]
    fn lookup(&self, path: &KeyPath) -> Option<Raw<'a>> {
        let mut cur = (*self.vals.get(path.top)?)?;
        if path.rest.is_empty() {
            // `path.top` < MAX_KEYS = 32, else `get` found nothing.
            let plain = self.plain >> path.top & 1 == 1;
            return Some(Raw { text: cur, plain });
        }
        for seg in &path.rest {
            cur = nested(cur, seg)?;
        }
        Some(Raw {
            text: cur,
            plain: false,
        })
    }
}

/// The position of `key` among `keys`. Called for every key of every line: lengths and first
/// bytes are compared before whole keys.
#[inline]
pub(super) fn key_index(keys: &[String], k: &[u8]) -> Option<usize> {
    let first = *k.first()?;
    keys.iter().position(|x| {
        let x = x.as_bytes();
        x.len() == k.len() && x[0] == first && x == k
    })
}

/// The value of `key` inside the object `raw` (valid JSON), if `raw` is an object that has it.
fn nested<'a>(raw: &'a str, key: &String) -> Option<&'a str> {
    if !raw.starts_with('{') {
        return None;
    }
    // `raw` was validated when the line was read: a byte scan finds the member (jsonscan.rs).
    match crate::record::jsonscan::find_member(raw, key) {
        crate::record::jsonscan::Member::Found(v) => return Some(v),
        crate::record::jsonscan::Member::Absent => return None,
        crate::record::jsonscan::Member::Unsure => {}
    }
    let mut de = serde_json::Deserializer::from_str(raw);
    let got = Grab {
        keys: std::slice::from_ref(key),
    }
    .deserialize(&mut de)
    .ok()?;
    got[0].map(RawValue::get)
}

/// A map visitor that keeps the raw values of the wanted keys and skips the rest.
struct Grab<'k> {
    keys: &'k [String],
}

impl<'de> DeserializeSeed<'de> for Grab<'_> {
    type Value = [Option<&'de RawValue>; MAX_KEYS];
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Grab<'_> {
    type Value = [Option<&'de RawValue>; MAX_KEYS];
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut vals = [None; MAX_KEYS];
        while let Some(key) = map.next_key::<KeyBytes<'de>>()? {
            match key_index(self.keys, &key.0) {
                // A repeated key takes its last value, as serde_json's maps and jq do.
                Some(i) => vals[i] = Some(map.next_value::<&'de RawValue>()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(vals)
    }
}

/// A key's bytes, borrowed from the input when it has no escapes. Read as bytes, not as a Rust
/// string, so that a key with an unpaired surrogate escape (`"\ud800x"`, valid JSON that no
/// `String` can hold) is read and skipped like any other unwanted key, at the top level as in
/// nested objects (whose keys serde_json skips without decoding them).
struct KeyBytes<'de>(Cow<'de, [u8]>);

impl<'de> de::Deserialize<'de> for KeyBytes<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyBytes<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
                Ok(KeyBytes(Cow::Borrowed(v)))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                Ok(KeyBytes(Cow::Owned(v.to_vec())))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(KeyBytes(Cow::Borrowed(v.as_bytes())))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(KeyBytes(Cow::Owned(v.as_bytes().to_vec())))
            }
        }
        d.deserialize_bytes(V)
    }
}

/// Whether the JSON value `raw.text` (valid JSON text) is a string that can be read: `Some(false)`
/// when it has no escapes (its content is the text between its quotes; not searched again when
/// the scan saw none, `raw.plain`), `Some(true)` when it had
/// escapes and was decoded into `buf` (`jsonscan::unescape`, which agrees with serde_json), `None`
/// for other types and null. An unpaired surrogate escape is read as U+FFFD (see `unescape`).
fn decode(raw: Raw<'_>, buf: &mut String) -> Option<bool> {
    let t = raw.text;
    if !t.starts_with('"') || t.len() < 2 || !t.ends_with('"') {
        return None;
    }
    if raw.plain || memchr::memchr(b'\\', t.as_bytes()).is_none() {
        return Some(false);
    }
    crate::record::jsonscan::unescape(t, buf).then_some(true)
}

/// The content of the string `t` after [`decode`] said `decoded`.
fn view<'a>(t: &'a str, buf: &'a str, decoded: bool) -> Cow<'a, str> {
    Cow::Borrowed(if decoded { buf } else { &t[1..t.len() - 1] })
}

/// A JSON string value (`t`: its valid JSON text), borrowed from `t` or from `buf`.
fn json_str<'a>(raw: Raw<'a>, buf: &'a mut String) -> Option<Cow<'a, str>> {
    let decoded = decode(raw, buf)?;
    Some(view(raw.text, buf, decoded))
}

/// A time value (its valid JSON text): a string in any supported layout, or an epoch number (or
/// a date written as one number, 20090224183000, read as the string would be).
fn json_time(raw: Raw<'_>, parser: &mut TimeParser, buf: &mut String) -> Result<Ts, Skip> {
    let t = raw.text;
    match t.as_bytes().first() {
        Some(b'"') => {
            let s = json_str(raw, buf).ok_or(Skip::BadTime)?;
            parser.parse(&s).map_err(time_skip)
        }
        Some(b'0'..=b'9') if time::is_compact_date(t.as_bytes()) => {
            parser.parse(t).map_err(time_skip)
        }
        Some(b'-' | b'0'..=b'9') => {
            let n: f64 = t.parse().map_err(|_| Skip::BadTime)?;
            time::from_epoch_number(n).map_err(time_skip)
        }
        Some(b'n') => Err(Skip::MissingTime), // null
        _ => Err(Skip::BadTime),
    }
}

/// The skip reason for a time that could not be read.
pub(super) fn time_skip(e: TimeError) -> Skip {
    match e {
        TimeError::AmbiguousZone(_) => Skip::AmbiguousZone,
        TimeError::Absurd => Skip::AbsurdTime,
        _ => Skip::BadTime,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::FieldSpec;
    use chrono_tz::Tz;

    fn ex() -> JsonExtractor {
        JsonExtractor::new(&FieldChoice::default(), Tz::UTC)
    }
    const T: Ts = 1_235_467_862; // 2009-02-24T09:31:02Z

    #[test]
    fn twitter_v1() {
        let l = br#"{"id":1,"created_at":"Tue Feb 24 09:31:02 +0000 2009","text":"gmail is down","user":{"id":5,"screen_name":"kim"}}"#;
        let mut bufs = Decoded::default();
        let mut e = ex();
        let p = e.extract_into(l, &mut bufs).unwrap();
        assert_eq!(p.time, T);
        assert_eq!(p.text, "gmail is down");
        assert_eq!(p.author.as_deref(), Some("kim"));
        assert!(
            matches!(p.text, Cow::Borrowed(_)),
            "plain strings are borrowed"
        );
        let l = br#"{"created_at":"Tue Feb 24 09:31:02 +0000 2009","text":"\uc9c0\uba54\uc77c \ub2e4\uc6b4 http:\/\/t.co","user":{"screen_name":"\uae40"}}"#;
        let p = e.extract_into(l, &mut bufs).unwrap();
        assert_eq!(p.text, "지메일 다운 http://t.co");
        assert_eq!(p.author.as_deref(), Some("김"));
        assert!(
            matches!(
                (&p.text, &p.author),
                (Cow::Borrowed(_), Some(Cow::Borrowed(_)))
            ),
            "escaped strings are decoded into the reused buffers"
        );
    }

    #[test]
    fn reddit_comment_and_submission() {
        let c = ex()
            .extract(br#"{"created_utc":1235467862,"author":"u1","body":"down for me too"}"#)
            .unwrap();
        assert_eq!(
            (c.time, c.text.as_ref(), c.author.as_deref()),
            (T, "down for me too", Some("u1"))
        );
        let s = ex()
            .extract(br#"{"created_utc":"1235467862","author":"u2","title":"Gmail down?","selftext":"500 errors"}"#)
            .unwrap();
        assert_eq!((s.time, s.text.as_ref()), (T, "Gmail down?\n500 errors"));
        let s = ex()
            .extract(br#"{"created_utc":"1235467862","title":"Gmail down?","selftext":""}"#)
            .unwrap();
        assert_eq!(s.text, "Gmail down?");
    }

    #[test]
    fn mastodon_html_and_account() {
        let l = br#"{"created_at":"2009-02-24T09:31:02.000Z","content":"<p>gmail &amp; docs are <b>down</b></p><p>again</p>","account":{"acct":"lee@example.social"}}"#;
        let p = ex().extract(l).unwrap();
        assert_eq!(p.text, "gmail & docs are down\nagain");
        assert_eq!(p.author.as_deref(), Some("lee@example.social"));
    }

    #[test]
    fn escaped_korean_and_naive_blog_times() {
        let mut e = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Asia::Seoul);
        let p = e.extract(br#"{"date":"2009/02/24 18:31:02","author":"\ube14\ub85c\uac70","message":"\uc9c0\uba54\uc77c \uc7a5\uc560"}"#).unwrap();
        assert_eq!(p.time, T);
        assert_eq!(p.text, "지메일 장애");
        assert_eq!(p.author.as_deref(), Some("블로거"));
    }

    #[test]
    fn overrides_by_path_and_pointer() {
        let choice = FieldChoice {
            time: FieldSpec::parse("meta.when").unwrap(),
            text: FieldSpec::parse("/data/msg").unwrap(),
            author: FieldSpec::parse("who").unwrap(),
        };
        let mut e = JsonExtractor::new(&choice, Tz::UTC);
        let p = e
            .extract(
                br#"{"text":"ignored","meta":{"when":1235467862},"data":{"msg":"x"},"who":"me"}"#,
            )
            .unwrap();
        assert_eq!(
            (p.time, p.text.as_ref(), p.author.as_deref()),
            (T, "x", Some("me"))
        );
        assert!(FieldSpec::parse("a..b").is_err());
    }

    #[test]
    fn a_repeated_key_takes_its_last_value() {
        // As serde_json's maps and jq read it, at the top level and inside nested objects, on
        // the fast scan and on serde_json's path (an escaped key sends the line there).
        for l in [
            r#"{"created_utc":1,"text":"gmail is fine","created_utc":1235467862,"text":"gmail is down","user":{"screen_name":"a","screen_name":"kim"}}"#,
            r#"{"created_utc":1,"\u0078":0,"text":"gmail is fine","created_utc":1235467862,"text":"gmail is down","user":{"screen_name":"a","\u0078":0,"screen_name":"kim"}}"#,
        ] {
            let p = ex().extract(l.as_bytes()).unwrap();
            assert_eq!(p.time, T, "{l}");
            assert_eq!(p.text, "gmail is down", "{l}");
            assert_eq!(p.author.as_deref(), Some("kim"), "{l}");
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["text"], "gmail is down");
            assert_eq!(v["user"]["screen_name"], "kim");
        }
        // The last value decides even when it is not a string: the next candidate is used.
        let p = ex()
            .extract(br#"{"time":1235467862,"text":"x","text":null,"body":"from the body"}"#)
            .unwrap();
        assert_eq!(p.text, "from the body");
    }

    #[test]
    fn a_key_with_an_unpaired_surrogate_is_skipped_at_any_depth() {
        // Valid JSON (the escape is well formed); no Rust string can hold the key, and no wanted
        // key is that key: the line is read, at the top level as one level down.
        for l in [
            r#"{"\ud800x":1,"time":1235467862,"text":"gmail is down","user":{"screen_name":"kim"}}"#,
            r#"{"a":{"\ud800x":1},"time":1235467862,"text":"gmail is down","user":{"screen_name":"kim"}}"#,
            r#"{"time":1235467862,"text":"gmail is down","user":{"\udc00":2,"screen_name":"kim"}}"#,
            r#"{"\udfff":[{"\ud800":"\ud800"}],"time":1235467862,"t\u0065xt":"gmail is down","user":{"screen_name":"kim"}}"#,
        ] {
            let p = ex()
                .extract(l.as_bytes())
                .unwrap_or_else(|e| panic!("{l}: {e:?}"));
            assert_eq!(p.time, T, "{l}");
            assert_eq!(p.text, "gmail is down", "{l}");
            assert_eq!(p.author.as_deref(), Some("kim"), "{l}");
        }
        // A wanted value with an unpaired surrogate (UTF-16 text cut inside a pair) keeps its
        // post: the lone half is read as U+FFFD, the rest of the text as written.
        let p = ex()
            .extract(br#"{"\ud800x":1,"time":1235467862,"text":"gmail is down \ud83d"}"#)
            .unwrap();
        assert_eq!(p.text, "gmail is down \u{fffd}");
    }

    #[test]
    fn each_bad_line_has_its_reason() {
        let mut e = ex();
        assert_eq!(
            e.extract(b"{\"text\":\"a\",\"time\":\"\xff\"}"),
            Err(Skip::InvalidUtf8)
        );
        assert_eq!(e.extract(br#"{"text":"a""#), Err(Skip::MalformedJson));
        assert_eq!(
            e.extract(br#"{"text":"a"} trailing"#),
            Err(Skip::MalformedJson)
        );
        assert_eq!(e.extract(br#"[1,2]"#), Err(Skip::NotObject));
        assert_eq!(e.extract(br#""just a string""#), Err(Skip::NotObject));
        assert_eq!(e.extract(br#"not json"#), Err(Skip::MalformedJson));
        assert_eq!(e.extract(br#"{"text":"a"}"#), Err(Skip::MissingTime));
        assert_eq!(
            e.extract(br#"{"text":"a","time":null}"#),
            Err(Skip::MissingTime)
        );
        assert_eq!(
            e.extract(br#"{"text":"a","time":"soon"}"#),
            Err(Skip::BadTime)
        );
        assert_eq!(
            e.extract(br#"{"text":"a","time":true}"#),
            Err(Skip::BadTime)
        );
        assert_eq!(e.extract(br#"{"time":1235467862}"#), Err(Skip::MissingText));
    }

    #[test]
    fn a_time_error_is_the_current_lines_own() {
        // issue 21: a line with "IST" was reported as "'CST' is ambiguous", the error an earlier
        // line had left in another field's time reader.
        let mut e = ex();
        let cst = br#"{"created_at":"2009-02-24 09:30 CST","text":"a"}"#;
        assert_eq!(e.extract(cst), Err(Skip::AmbiguousZone));
        let ist = br#"{"date":"2009-02-24 09:30 IST","text":"a"}"#;
        assert_eq!(e.extract(ist), Err(Skip::AmbiguousZone));
        let Some(TimeError::AmbiguousZone(a)) = e.last_time_error() else {
            panic!("{:?}", e.last_time_error())
        };
        assert_eq!(a.abbr, "IST");
        // A good line leaves no error behind, nor does a line without a time.
        e.extract(br#"{"date":"2009-02-24 09:30","text":"a"}"#)
            .unwrap();
        assert_eq!(e.last_time_error(), None);
        assert_eq!(e.extract(br#"{"text":"a"}"#), Err(Skip::MissingTime));
        assert_eq!(e.last_time_error(), None);
    }
}
