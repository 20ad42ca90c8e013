//! From one input line (or CSV row) to a `Post`: its time, text, author and kind.
//!
//! Dumps come in many schemas. Without flags outcry looks for the fields the common ones use
//! (Twitter, Reddit, Mastodon, blog and forum exports); `--time-field` and friends name a field
//! explicitly as a dotted path (`user.screen_name`) or a JSON pointer (`/user/screen_name`).
//! JSON is walked once, keeping borrowed slices of just the wanted fields: strings without escapes
//! are never copied.

use std::borrow::Cow;
use std::fmt;

use chrono_tz::Tz;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::time::{self, TimeError, TimeParser, Ts};

/// One post, as much of it as outcry needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Post<'a> {
    pub time: Ts,
    pub text: Cow<'a, str>,
    pub author: Option<Cow<'a, str>>,
    /// `post`, `comment`, `trackback`, … when the dump says so.
    pub kind: Option<Cow<'a, str>>,
}

/// Why a non-empty line did not become a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    InvalidUtf8,
    MalformedJson,
    NotObject,
    MissingTime,
    BadTime,
    MissingText,
    MalformedCsv,
    TruncatedInput,
    /// A zone abbreviation with several meanings (CST, IST) that `--input-tz` could not settle.
    AmbiguousZone,
}

impl Skip {
    pub const ALL: [Skip; 9] = [
        Skip::InvalidUtf8,
        Skip::MalformedJson,
        Skip::NotObject,
        Skip::MissingTime,
        Skip::BadTime,
        Skip::MissingText,
        Skip::MalformedCsv,
        Skip::TruncatedInput,
        Skip::AmbiguousZone,
    ];

    /// The stable name used in reports and JSON (`skipped_by_reason`).
    pub fn name(self) -> &'static str {
        match self {
            Skip::InvalidUtf8 => "invalid_utf8",
            Skip::MalformedJson => "malformed_json",
            Skip::NotObject => "not_an_object",
            Skip::MissingTime => "missing_time",
            Skip::BadTime => "unparseable_time",
            Skip::MissingText => "missing_text",
            Skip::MalformedCsv => "malformed_csv",
            Skip::TruncatedInput => "truncated_input",
            Skip::AmbiguousZone => "ambiguous_zone",
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a field is looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldSpec {
    /// Try the usual names in order.
    Auto,
    /// Exactly this path of keys.
    Path(Vec<String>),
}

impl FieldSpec {
    /// Parses `a.b.c` or `/a/b/c` (JSON pointer, with `~1` = `/` and `~0` = `~`).
    pub fn parse(s: &str) -> Result<FieldSpec, String> {
        let segs: Vec<String> = if let Some(p) = s.strip_prefix('/') {
            p.split('/')
                .map(|x| x.replace("~1", "/").replace("~0", "~"))
                .collect()
        } else {
            s.split('.').map(str::to_string).collect()
        };
        if segs.iter().any(String::is_empty) {
            return Err(format!("invalid field path '{s}': use a dotted path (user.name) or a JSON pointer (/user/name)"));
        }
        Ok(FieldSpec::Path(segs))
    }
}

const AUTO_TIME: &[&[&str]] = &[
    &["created_at"],
    &["created_utc"],
    &["timestamp"],
    &["time"],
    &["date"],
    &["published"],
    &["createdAt"],
];
const AUTO_TEXT: &[&[&str]] = &[
    &["full_text"],
    &["text"],
    &["body"],
    &["content"],
    &["message"],
    &["excerpt"],
];
const AUTO_AUTHOR: &[&[&str]] = &[
    &["user", "screen_name"],
    &["author"],
    &["username"],
    &["account", "acct"],
    &["user"],
];
const AUTO_KIND: &[&[&str]] = &[&["kind"], &["type"]];

/// The field names tried for each role, in order; also used to find CSV columns.
pub struct Candidates {
    time: Vec<Vec<String>>,
    text: Vec<Vec<String>>,
    author: Vec<Vec<String>>,
    kind: Vec<Vec<String>>,
    /// Reddit submissions: `title` (+ `selftext`) when no text field is present. Only in auto mode.
    title_fallback: bool,
}

/// The paths of Reddit's `title` and `selftext`, built once.
fn title_paths() -> [Vec<String>; 2] {
    [vec!["title".to_string()], vec!["selftext".to_string()]]
}

fn candidates(spec: &FieldSpec, auto: &[&[&str]]) -> Vec<Vec<String>> {
    match spec {
        FieldSpec::Auto => auto
            .iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect(),
        FieldSpec::Path(p) => vec![p.clone()],
    }
}

/// Field choices for all roles (from the CLI).
#[derive(Debug, Clone)]
pub struct FieldChoice {
    pub time: FieldSpec,
    pub text: FieldSpec,
    pub author: FieldSpec,
}

impl Default for FieldChoice {
    fn default() -> Self {
        FieldChoice {
            time: FieldSpec::Auto,
            text: FieldSpec::Auto,
            author: FieldSpec::Auto,
        }
    }
}

impl Candidates {
    pub fn new(choice: &FieldChoice) -> Candidates {
        Candidates {
            time: candidates(&choice.time, AUTO_TIME),
            text: candidates(&choice.text, AUTO_TEXT),
            author: candidates(&choice.author, AUTO_AUTHOR),
            kind: candidates(&FieldSpec::Auto, AUTO_KIND),
            title_fallback: choice.text == FieldSpec::Auto,
        }
    }
}

/// A candidate field, resolved once: the index of its first key among the kept top-level keys
/// (`usize::MAX`: not kept, never found), and the keys below it.
struct KeyPath {
    top: usize,
    rest: Vec<String>,
    /// The field is an HTML `content` (Mastodon, blog exports): its text is stripped.
    html: bool,
}

impl KeyPath {
    fn new(path: &[String], top_keys: &[String]) -> KeyPath {
        KeyPath {
            top: key_index(top_keys, &path[0]).unwrap_or(usize::MAX),
            rest: path[1..].to_vec(),
            html: path.last().is_some_and(|k| k == "content"),
        }
    }

    fn all(paths: &[Vec<String>], top_keys: &[String]) -> Vec<KeyPath> {
        paths.iter().map(|p| KeyPath::new(p, top_keys)).collect()
    }
}

/// Turns JSON lines into posts. Built once per run.
pub struct JsonExtractor {
    time_paths: Vec<KeyPath>,
    text_paths: Vec<KeyPath>,
    author_paths: Vec<KeyPath>,
    kind_paths: Vec<KeyPath>,
    /// Reddit submissions: `title` (+ `selftext`) when no text field is present.
    title_fallback: bool,
    title_paths: [KeyPath; 2],
    /// Every top-level key any candidate starts with: only these are kept while walking a line.
    top_keys: Vec<String>,
    /// One time reader per time candidate: each remembers its field's layout.
    time_parsers: Vec<TimeParser>,
    /// The same, indexed for the fast scan (jsonscan.rs).
    scan_keys: crate::jsonscan::Keys,
}

/// Up to this many wanted top-level keys.
const MAX_KEYS: usize = 32;

impl JsonExtractor {
    pub fn new(choice: &FieldChoice, input_tz: Tz) -> JsonExtractor {
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
        let time_parsers = vec![TimeParser::new(input_tz); cands.time.len()];
        let [title, selftext] = title_paths();
        JsonExtractor {
            time_paths: KeyPath::all(&cands.time, &top_keys),
            text_paths: KeyPath::all(&cands.text, &top_keys),
            author_paths: KeyPath::all(&cands.author, &top_keys),
            kind_paths: KeyPath::all(&cands.kind, &top_keys),
            title_fallback: cands.title_fallback,
            title_paths: [
                KeyPath::new(&title, &top_keys),
                KeyPath::new(&selftext, &top_keys),
            ],
            scan_keys: crate::jsonscan::Keys::new(&top_keys),
            top_keys,
            time_parsers,
        }
    }

    /// Times read so far that needed the DST rule.
    pub fn dst_adjusted(&self) -> u64 {
        self.time_parsers.iter().map(|p| p.dst_adjusted).sum()
    }

    /// The details of the last time that could not be read (for warnings).
    pub fn last_time_error(&self) -> Option<TimeError> {
        self.time_parsers.iter().find_map(|p| p.last_error)
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
        let s = s.trim_start_matches('\u{feff}');
        if !s.trim_start().starts_with('{') {
            return Err(match serde_json::from_str::<IgnoredAny>(s) {
                Ok(_) => Skip::NotObject,
                Err(_) => Skip::MalformedJson,
            });
        }
        let mut vals = [None; MAX_KEYS];
        if !crate::jsonscan::top_members(s, &self.scan_keys, &mut vals) {
            // The fast scan was not sure (jsonscan.rs): serde_json reads the line, and says why
            // a bad one is bad.
            let mut de = serde_json::Deserializer::from_str(s);
            let top = Grab {
                keys: &self.top_keys,
            }
            .deserialize(&mut de)
            .map_err(|_| Skip::MalformedJson)?;
            de.end().map_err(|_| Skip::MalformedJson)?;
            vals = top.map(|v| v.map(RawValue::get));
        }
        let doc = Doc { vals };

        let found = self
            .time_paths
            .iter()
            .enumerate()
            .find_map(|(k, p)| doc.lookup(p).map(|raw| (k, raw)));
        let time = match found {
            None => return Err(Skip::MissingTime),
            Some((k, raw)) => json_time(raw, &mut self.time_parsers[k], &mut bufs.time)?,
        };
        let text = self.text(&doc, &mut bufs.text, &mut bufs.title, &mut bufs.extra)?;
        let author = first_str(&self.author_paths, &doc, &mut bufs.author);
        let kind = first_str(&self.kind_paths, &doc, &mut bufs.kind);
        Ok(Post {
            time,
            text,
            author,
            kind,
        })
    }

    fn text<'a>(
        &self,
        doc: &Doc<'a>,
        buf: &'a mut String,
        title_buf: &'a mut String,
        extra: &'a mut String,
    ) -> Result<Cow<'a, str>, Skip> {
        let found = (self.text_paths.iter())
            .find_map(|p| doc.lookup(p).and_then(|t| Some((p, t, decode(t, buf)?))));
        if let Some((p, t, decoded)) = found {
            let t = view(t, buf, decoded);
            if p.html && t.contains(['<', '&']) {
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

/// The string value of the first of `paths` that holds a (readable) string.
fn first_str<'a>(paths: &[KeyPath], doc: &Doc<'a>, buf: &'a mut String) -> Option<Cow<'a, str>> {
    let (t, decoded) = paths
        .iter()
        .find_map(|p| doc.lookup(p).and_then(|t| Some((t, decode(t, buf)?))))?;
    Some(view(t, buf, decoded))
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

impl Post<'_> {
    /// The same post, owning its strings.
    pub fn into_owned(self) -> Post<'static> {
        Post {
            time: self.time,
            text: Cow::Owned(self.text.into_owned()),
            author: self.author.map(|a| Cow::Owned(a.into_owned())),
            kind: self.kind.map(|k| Cow::Owned(k.into_owned())),
        }
    }
}

/// The wanted top-level values of one JSON object (their text, valid JSON).
struct Doc<'a> {
    vals: [Option<&'a str>; MAX_KEYS],
}

impl<'a> Doc<'a> {
    /// Follows a path: the first key among the kept ones, the rest by walking nested objects.
    /// The value's JSON text: already valid (checked by the scan or by serde_json when the line
    /// was read) and without surrounding white space, so it is not parsed again here.
    fn lookup(&self, path: &KeyPath) -> Option<&'a str> {
        let mut cur = (*self.vals.get(path.top)?)?;
        for seg in &path.rest {
            cur = nested(cur, seg)?;
        }
        Some(cur)
    }
}

/// The position of `key` among `keys`. Called for every key of every line: lengths and first
/// bytes are compared before whole keys.
#[inline]
fn key_index(keys: &[String], key: &str) -> Option<usize> {
    let k = key.as_bytes();
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
    match crate::jsonscan::find_member(raw, key) {
        crate::jsonscan::Member::Found(v) => return Some(v),
        crate::jsonscan::Member::Absent => return None,
        crate::jsonscan::Member::Unsure => {}
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
        while let Some(key) = map.next_key::<CowStr<'de>>()? {
            match key_index(self.keys, &key.0) {
                // The first occurrence of a duplicated key wins.
                Some(i) if vals[i].is_none() => vals[i] = Some(map.next_value::<&'de RawValue>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(vals)
    }
}

/// A string that borrows from the input when it has no escapes.
struct CowStr<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(CowStr(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// Whether the JSON value `t` (valid JSON text) is a string that can be read: `Some(false)` when
/// it has no escapes (its content is the text between its quotes), `Some(true)` when it had
/// escapes and was decoded into `buf` (`jsonscan::unescape`, which agrees with serde_json), `None`
/// for other types, null, and strings serde_json would refuse (an unpaired surrogate).
fn decode(t: &str, buf: &mut String) -> Option<bool> {
    if !t.starts_with('"') || t.len() < 2 || !t.ends_with('"') {
        return None;
    }
    if memchr::memchr(b'\\', t.as_bytes()).is_none() {
        return Some(false);
    }
    crate::jsonscan::unescape(t, buf).then_some(true)
}

/// The content of the string `t` after [`decode`] said `decoded`.
fn view<'a>(t: &'a str, buf: &'a str, decoded: bool) -> Cow<'a, str> {
    Cow::Borrowed(if decoded { buf } else { &t[1..t.len() - 1] })
}

/// A JSON string value (`t`: its valid JSON text), borrowed from `t` or from `buf`.
fn json_str<'a>(t: &'a str, buf: &'a mut String) -> Option<Cow<'a, str>> {
    let decoded = decode(t, buf)?;
    Some(view(t, buf, decoded))
}

/// A time value (its valid JSON text): a string in any supported layout, or an epoch number.
fn json_time(t: &str, parser: &mut TimeParser, buf: &mut String) -> Result<Ts, Skip> {
    match t.as_bytes().first() {
        Some(b'"') => {
            let s = json_str(t, buf).ok_or(Skip::BadTime)?;
            parser.parse(&s).map_err(time_skip)
        }
        Some(b'-' | b'0'..=b'9') => {
            let n: f64 = t.parse().map_err(|_| Skip::BadTime)?;
            time::from_epoch_number(n).map_err(|_: TimeError| Skip::BadTime)
        }
        Some(b'n') => Err(Skip::MissingTime), // null
        _ => Err(Skip::BadTime),
    }
}

/// The skip reason for a time that could not be read.
fn time_skip(e: TimeError) -> Skip {
    match e {
        TimeError::AmbiguousZone(_) => Skip::AmbiguousZone,
        _ => Skip::BadTime,
    }
}

/// The text of an HTML fragment (Mastodon `content`, blog exports) into `out` (cleared first,
/// reused from line to line): tags dropped, `<br>` and `</p>` as line breaks, the common
/// entities decoded.
pub fn strip_html_into(s: &str, out: &mut String) {
    out.clear();
    let mut rest: &str = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => {
                    let tag = rest[1..end].trim_start_matches('/').as_bytes();
                    let starts =
                        |p: &[u8]| tag.len() >= p.len() && tag[..p.len()].eq_ignore_ascii_case(p);
                    let block = starts(b"br") || starts(b"p") || starts(b"div");
                    if block && !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('<');
                    rest = &rest[1..];
                }
            }
        } else {
            let end = rest.find(';').filter(|e| *e <= 10);
            let decoded = end.and_then(|e| decode_entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    let kept = out.trim_end().len();
    out.truncate(kept);
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Turns CSV rows into posts: columns are found by header name (the same names as JSON fields)
/// or given with `--columns`.
pub struct CsvMapper {
    time: usize,
    text: Option<usize>,
    title: Option<usize>,
    author: Option<usize>,
    kind: Option<usize>,
    /// How many columns the header (or `--columns`) declares.
    width: usize,
    /// Reads the time column, remembering its layout.
    pub time_parser: TimeParser,
}

impl CsvMapper {
    /// From a header row. Errors name the columns that were looked for.
    pub fn from_header(
        header: &[&str],
        choice: &FieldChoice,
        input_tz: Tz,
    ) -> Result<CsvMapper, String> {
        let cands = Candidates::new(choice);
        let find = |cs: &[Vec<String>]| {
            cs.iter().find_map(|p| {
                let name = p.join(".");
                header.iter().position(|h| {
                    h.trim()
                        .trim_start_matches('\u{feff}')
                        .eq_ignore_ascii_case(&name)
                })
            })
        };
        let names = |cs: &[Vec<String>]| {
            cs.iter()
                .map(|p| p.join("."))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let time = find(&cands.time).ok_or_else(|| {
            format!("no time column in the CSV header (looked for {}); name one with --time-field or give --columns", names(&cands.time))
        })?;
        let text = find(&cands.text);
        let title = if cands.title_fallback {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case("title"))
        } else {
            None
        };
        if text.is_none() && title.is_none() {
            return Err(format!(
                "no text column in the CSV header (looked for {}); name one with --text-field or give --columns",
                names(&cands.text)
            ));
        }
        Ok(CsvMapper {
            time,
            text,
            title,
            author: find(&cands.author),
            kind: find(&cands.kind),
            width: header.len(),
            time_parser: TimeParser::new(input_tz),
        })
    }

    /// From `--columns time,author,text` (roles by position; `_` or any other name is ignored).
    pub fn from_columns(cols: &[String], input_tz: Tz) -> Result<CsvMapper, String> {
        let pos = |n: &str| cols.iter().position(|c| c.trim().eq_ignore_ascii_case(n));
        let time = pos("time")
            .ok_or("--columns must name a 'time' column (e.g. --columns time,author,text)")?;
        let text = pos("text");
        let title = pos("title");
        if text.is_none() && title.is_none() {
            return Err(
                "--columns must name a 'text' column (e.g. --columns time,author,text)".into(),
            );
        }
        Ok(CsvMapper {
            time,
            text,
            title,
            author: pos("author"),
            kind: pos("kind"),
            width: cols.len(),
            time_parser: TimeParser::new(input_tz),
        })
    }

    /// Reads one row. A row with more fields than the header had is a text with unquoted commas:
    /// the text column takes the extra fields back, joined with the delimiter.
    pub fn extract<'a>(
        &mut self,
        row: &'a csv::ByteRecord,
        delimiter: u8,
    ) -> Result<Post<'a>, Skip> {
        if row.iter().any(|f| std::str::from_utf8(f).is_err()) {
            return Err(Skip::InvalidUtf8);
        }
        let extra = row.len().saturating_sub(self.width);
        let shift = |i: usize| {
            if self.text.is_some_and(|t| i > t) {
                i + extra
            } else {
                i
            }
        };
        let get = |i: usize| row.get(shift(i)).and_then(|f| std::str::from_utf8(f).ok());

        let t = get(self.time)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or(Skip::MissingTime)?;
        let time = self.time_parser.parse(t).map_err(time_skip)?;
        let text: Cow<'a, str> = match self.text {
            Some(ti) if extra > 0 => {
                let parts: Vec<&str> = (ti..=ti + extra)
                    .filter_map(|i| row.get(i))
                    .filter_map(|f| std::str::from_utf8(f).ok())
                    .collect();
                Cow::Owned(parts.join(&(delimiter as char).to_string()))
            }
            Some(ti) => Cow::Borrowed(
                row.get(ti)
                    .and_then(|f| std::str::from_utf8(f).ok())
                    .unwrap_or(""),
            ),
            None => Cow::Borrowed(""),
        };
        let text = match self.title.and_then(get).filter(|s| !s.trim().is_empty()) {
            Some(title) if text.trim().is_empty() => Cow::Borrowed(title),
            Some(title) => Cow::Owned(format!("{title}\n{text}")),
            None => text,
        };
        if text.trim().is_empty() {
            return Err(Skip::MissingText);
        }
        let opt = |i: Option<usize>| {
            i.and_then(get)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Cow::Borrowed)
        };
        Ok(Post {
            time,
            text,
            author: opt(self.author),
            kind: opt(self.kind),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn csv_by_header_with_unquoted_commas() {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(
            "date,author,text\n2009.02.24 09:31:02,kim,\"quoted, with comma\"\n2009.02.24 09:31:02,lee,gmail down, again, really\n".as_bytes(),
        );
        let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut m = CsvMapper::from_header(&h, &FieldChoice::default(), Tz::UTC).unwrap();
        let rows: Vec<csv::ByteRecord> = rdr.byte_records().map(Result::unwrap).collect();
        let a = m.extract(&rows[0], b',').unwrap();
        assert_eq!(
            (a.time, a.text.as_ref(), a.author.as_deref()),
            (T, "quoted, with comma", Some("kim"))
        );
        let b = m.extract(&rows[1], b',').unwrap();
        assert_eq!(b.text, "gmail down, again, really");
    }

    #[test]
    fn csv_by_columns_and_missing_header_names() {
        let mut m =
            CsvMapper::from_columns(&["time".into(), "text".into(), "author".into()], Tz::UTC)
                .unwrap();
        let row = csv::ByteRecord::from(vec!["1235467862", "gmail, down", "again", "kim"]);
        let p = m.extract(&row, b',').unwrap();
        assert_eq!(
            (p.text.as_ref(), p.author.as_deref()),
            ("gmail, down,again", Some("kim"))
        );
        assert!(
            CsvMapper::from_header(&["when", "text"], &FieldChoice::default(), Tz::UTC).is_err()
        );
        assert!(CsvMapper::from_columns(&["text".into()], Tz::UTC).is_err());
    }
}
