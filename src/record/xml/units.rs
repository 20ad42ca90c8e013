//! The records of a chunk of XML (whole units, cut by `frame.rs`), read with quick-xml: each
//! post, comment, trackback and pingback becomes a `Post` with its kind, its HTML stripped.
//!
//! Which element is a record and which child holds what depends on the dialect (`FIELDS_OF`
//! below). A record's fields are its direct children (and `author/name`, `commenter/name`);
//! whatever else a unit holds is passed over. A unit's records come out when the unit ends, the
//! unit first, then the records it holds in document order. A unit that is not well-formed is
//! one skip (`malformed_xml`, with its line), and reading goes on at the next unit.

use chrono_tz::Tz;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{unescape_into, Dialect};
use crate::record::html::strip_html_into;
use crate::record::json::time_skip;
use crate::record::{Post, Skip};
use crate::time::{TimeParser, TimeRules, Ts};

/// What a record element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecKind {
    Post,
    Comment,
    Trackback,
    /// Holds records and is none itself (TTXML's `guestbook`).
    Holder,
    /// Passed over with all it holds (an attachment the framer left, one that was empty).
    Ignored,
}

/// The fields a record collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Body,
    Summary,
    Author,
    /// A naive time in UTC (`wp:post_date_gmt`).
    Utc,
    /// A naive time in `--input-tz` (`wp:post_date`).
    Local,
    /// A time with its offset (`pubDate`, `published`).
    Zoned,
    /// A later choice of time (`updated`, TTXML `created`).
    Alt,
    /// Epoch seconds (TTXML).
    Epoch,
    /// The record's type as the file says it (`wp:comment_type`, Blogger's kind).
    Type,
    /// Whether it was published, spam, deleted (`wp:status`, `wp:comment_approved`).
    Status,
    /// WordPress's `wp:post_type` (attachments and menu items are not posts).
    PostType,
}

const N_FIELDS: usize = 12;

/// For each dialect and record kind: (parent element or "" for a direct child, element, field).
type FieldMap = &'static [(&'static [u8], &'static [u8], Field)];

const RSS_ITEM: FieldMap = &[
    (b"", b"title", Field::Title),
    (b"", b"content:encoded", Field::Body),
    (b"", b"description", Field::Summary),
    (b"", b"dc:creator", Field::Author),
    (b"", b"author", Field::Author),
    (b"", b"wp:post_date_gmt", Field::Utc),
    (b"", b"wp:post_date", Field::Local),
    (b"", b"pubDate", Field::Zoned),
    (b"", b"dc:date", Field::Alt),
    (b"", b"wp:post_type", Field::PostType),
    (b"", b"wp:status", Field::Status),
];
const WXR_COMMENT: FieldMap = &[
    (b"", b"wp:comment_author", Field::Author),
    (b"", b"wp:comment_content", Field::Body),
    (b"", b"wp:comment_date_gmt", Field::Utc),
    (b"", b"wp:comment_date", Field::Local),
    (b"", b"wp:comment_type", Field::Type),
    (b"", b"wp:comment_approved", Field::Status),
];
const ATOM_ENTRY: FieldMap = &[
    (b"", b"title", Field::Title),
    (b"", b"content", Field::Body),
    (b"", b"summary", Field::Summary),
    (b"", b"published", Field::Zoned),
    (b"", b"updated", Field::Alt),
    (b"author", b"name", Field::Author),
    (b"", b"blogger:type", Field::Type),
    (b"", b"blogger:status", Field::Status),
];
const TTXML_POST: FieldMap = &[
    (b"", b"title", Field::Title),
    (b"", b"content", Field::Body),
    (b"", b"published", Field::Epoch),
    (b"", b"created", Field::Alt),
];
const TTXML_COMMENT: FieldMap = &[
    (b"commenter", b"name", Field::Author),
    (b"", b"content", Field::Body),
    (b"", b"written", Field::Epoch),
];
const TTXML_TRACKBACK: FieldMap = &[
    (b"", b"site", Field::Author),
    (b"", b"title", Field::Title),
    (b"", b"excerpt", Field::Body),
    (b"", b"received", Field::Epoch),
];

fn field_map(d: Dialect, k: RecKind) -> FieldMap {
    match (d, k) {
        (Dialect::Wxr | Dialect::Rss { .. }, RecKind::Post) => RSS_ITEM,
        (Dialect::Wxr, RecKind::Comment) => WXR_COMMENT,
        (Dialect::Atom, RecKind::Post) => ATOM_ENTRY,
        (Dialect::Ttxml, RecKind::Post) => TTXML_POST,
        (Dialect::Ttxml, RecKind::Comment) => TTXML_COMMENT,
        (Dialect::Ttxml, RecKind::Trackback) => TTXML_TRACKBACK,
        _ => &[],
    }
}

/// What element `name` is inside a record of kind `parent` (`None`: outside any record).
fn record_kind(d: Dialect, name: &[u8], parent: Option<RecKind>) -> Option<RecKind> {
    use RecKind::*;
    match (d, name, parent) {
        (Dialect::Wxr | Dialect::Rss { .. }, b"item", None) => Some(Post),
        (Dialect::Wxr, b"wp:comment", Some(Post)) => Some(Comment),
        (Dialect::Atom, b"entry", None) => Some(Post),
        (Dialect::Ttxml, b"post" | b"notice", None) => Some(Post),
        (Dialect::Ttxml, b"guestbook", None) => Some(Holder),
        (Dialect::Ttxml, b"comment", Some(Post | Comment | Holder)) => Some(Comment),
        (Dialect::Ttxml, b"trackback", Some(Post)) => Some(Trackback),
        (Dialect::Ttxml, b"attachment", Some(_)) => Some(Ignored),
        _ => None,
    }
}

/// One record being read.
#[derive(Debug)]
struct Rec {
    kind: RecKind,
    /// The line and byte offset (in the chunk) of its start tag.
    line: u64,
    start: usize,
    /// The depth of its element.
    depth: usize,
    fields: [String; N_FIELDS],
    /// Its body and its summary are plain text (Atom `type="text"`, or no type), not HTML.
    plain: bool,
    summary_plain: bool,
    malformed: Option<Skip>,
}

impl Rec {
    fn field(&self, f: Field) -> &str {
        self.fields[f as usize].trim()
    }
}

/// Reads records out of XML chunks; one per worker, reused from chunk to chunk.
pub struct XmlReader {
    dialect: Dialect,
    /// Time readers: naive UTC, naive local, with an offset, epoch.
    times: [TimeParser; 4],
    /// Open records, outermost (the unit) first.
    open: Vec<Rec>,
    /// Records of the open unit that have ended, waiting for it.
    ended: Vec<Rec>,
    /// Records to reuse.
    free: Vec<Rec>,
    /// The field text goes to, with the depth of its element.
    target: Option<(Field, usize)>,
    /// The direct child of the innermost record that is open (for `author/name`).
    child: (usize, usize),
    depth: usize,
    /// Where the names of the open elements are (`span`), to check that each end tag closes the
    /// element it should: quick-xml is told not to, as a chunk starts and ends mid-document.
    names: Vec<(usize, usize)>,
    /// Line counting: the line of byte `line_at`.
    line: u64,
    line_at: usize,
    text: String,
    html: String,
    /// The chunk with invalid UTF-8 replaced, and where.
    fixed: Vec<u8>,
    bad: Vec<usize>,
}

/// What reading one record gave: a post, a skip, or nothing (not a post: an attachment item, a
/// spam comment, Blogger's settings).
pub type Outcome<'a> = Result<Option<Post<'a>>, Skip>;

impl XmlReader {
    /// A reader of `dialect`, reading times without a zone by `rules` (`--input-tz`), except
    /// the fields that say they are UTC (`wp:post_date_gmt`).
    pub fn new(dialect: Dialect, rules: impl Into<TimeRules>) -> XmlReader {
        let p = TimeParser::new(rules);
        XmlReader {
            dialect,
            times: [TimeParser::new(Tz::UTC), p.clone(), p.clone(), p],
            open: vec![],
            ended: vec![],
            free: vec![],
            target: None,
            child: (0, 0),
            depth: 0,
            names: vec![],
            line: 1,
            line_at: 0,
            text: String::new(),
            html: String::new(),
            fixed: vec![],
            bad: vec![],
        }
    }

    /// Its time readers, for what they counted (DST, implied zones, ambiguous dates).
    pub fn time_parsers(&self) -> &[TimeParser] {
        &self.times
    }

    /// The details of the last time that could not be read (for warnings).
    pub fn last_time_error(&self) -> Option<crate::time::TimeError> {
        self.times.iter().find_map(|p| p.last_error)
    }

    /// Reads the records of one chunk (whole units; its first byte on line `first_line`),
    /// handing each to `out` with its line. A chunk holds whole units as the framer sees them
    /// (an input cut short is told by it, and its cut unit is not handed over), so a unit still
    /// open at the end is not well-formed: a `malformed_xml` skip.
    pub fn chunk(&mut self, chunk: &[u8], first_line: u64, out: &mut dyn FnMut(u64, Outcome<'_>)) {
        self.reset(first_line);
        let mut fixed = std::mem::take(&mut self.fixed);
        let text = match simdutf8::basic::from_utf8(chunk) {
            Ok(text) => text,
            Err(_) => {
                fixed = repair(chunk, fixed, &mut self.bad);
                std::str::from_utf8(&fixed).unwrap_or_default()
            }
        };
        // quick-xml passes over a byte-order mark without counting it in its positions: read
        // from after it, so that offsets (and the lines found from them) stay the chunk's.
        let mut base = if text.starts_with('\u{feff}') { 3 } else { 0 };
        while let Some(resume) = self.read_from(text, base, out) {
            base = resume;
        }
        if let Some(unit) = self.open.first() {
            let line = unit.line;
            self.drop_open();
            out(line, Err(Skip::MalformedXml));
        }
        self.fixed = fixed;
    }

    fn reset(&mut self, first_line: u64) {
        self.drop_open();
        self.depth = 0;
        self.names.clear();
        self.line = first_line;
        self.line_at = 0;
        self.bad.clear();
    }

    /// Forgets the open records.
    fn drop_open(&mut self) {
        self.free.append(&mut self.open);
        self.free.append(&mut self.ended);
        self.target = None;
    }

    /// The line of byte `at` (called with growing offsets).
    fn line_of(&mut self, text: &str, at: usize) -> u64 {
        if at > self.line_at {
            let between = &text.as_bytes()[self.line_at..at];
            self.line += memchr::memchr_iter(b'\n', between).count() as u64;
            self.line_at = at;
        }
        self.line
    }

    /// Reads events from byte `base` of `text` to its end; after a unit that is not
    /// well-formed, returns where reading goes on (the next unit's start tag).
    fn read_from(
        &mut self,
        text: &str,
        base: usize,
        out: &mut dyn FnMut(u64, Outcome<'_>),
    ) -> Option<usize> {
        let mut r = Reader::from_str(&text[base..]);
        let cfg = r.config_mut();
        cfg.check_end_names = false;
        cfg.allow_unmatched_ends = true;
        loop {
            let pos = base + r.buffer_position() as usize;
            let ev = match r.read_event() {
                Ok(ev) => ev,
                Err(_) => {
                    let at = base + r.error_position() as usize;
                    return self.broken_unit(text, at.max(pos), out);
                }
            };
            match ev {
                Event::Start(e) | Event::Empty(e) if self.misplaced(e.name().as_ref()) => {
                    // Reading goes on at this tag when it starts a unit.
                    return self.broken_unit(text, pos.saturating_sub(1), out);
                }
                Event::Start(e) => {
                    self.names.push(span(text, e.name().as_ref()));
                    self.start(&e, text, pos);
                }
                Event::Empty(e) => {
                    self.start(&e, text, pos);
                    self.end(base + r.buffer_position() as usize, out);
                }
                Event::End(e) => {
                    if !self.closes(text, e.name().as_ref()) {
                        return self.broken_unit(text, pos, out);
                    }
                    let end = base + r.buffer_position() as usize;
                    self.end(end, out);
                }
                Event::Text(t) if self.target.is_some() => {
                    let raw = within(text, &t);
                    let (f, _) = self.target.expect("checked by the guard");
                    unescape_into(&raw, self.fields_mut(f));
                }
                Event::CData(c) if self.target.is_some() => {
                    let raw = within(text, &c);
                    self.push(&raw);
                }
                Event::Eof => return None,
                _ => {}
            }
        }
    }

    /// Whether a start tag breaks the open unit: a name that is none (`a < b` written
    /// unescaped in a text), or a unit's own start tag before the open unit's end tag (a
    /// missing `</item>`). Before, either made every later unit of the chunk part of the broken
    /// one, all lost as one skip.
    fn misplaced(&self, name: &[u8]) -> bool {
        let named = name
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80);
        !named || (!self.open.is_empty() && self.dialect.units().iter().any(|u| same(u, name)))
    }

    /// Whether an end tag closes the element last opened. Outside a unit anything goes: a chunk
    /// ends with the end tags of the elements its first chunk opened (`</channel></rss>`).
    fn closes(&mut self, text: &str, name: &[u8]) -> bool {
        let Some((at, len)) = self.names.pop() else {
            return self.open.is_empty();
        };
        let ok = len == 0 || same(&text.as_bytes()[at..at + len], name);
        ok || self.open.is_empty()
    }

    /// A unit that is not well-formed: one `malformed_xml` skip at its line (or at the error's,
    /// outside a unit), and the place of the next unit's start tag.
    fn broken_unit(
        &mut self,
        text: &str,
        at: usize,
        out: &mut dyn FnMut(u64, Outcome<'_>),
    ) -> Option<usize> {
        let line = match self.open.first() {
            Some(u) => u.line,
            None => self.line_of(text, at),
        };
        self.drop_open();
        out(line, Err(Skip::MalformedXml));
        let resume = next_unit(text.as_bytes(), at + 1, self.dialect.units())?;
        self.line_of(text, resume);
        self.depth = 0;
        self.names.clear();
        Some(resume)
    }

    /// A start tag (or an empty element, whose end follows) at byte `pos`.
    fn start(&mut self, e: &BytesStart<'_>, text: &str, pos: usize) {
        self.depth += 1;
        let d = self.depth;
        let name = e.name();
        let name = name.as_ref();
        if let Some((f, fd)) = self.target {
            // Markup inside a field: Atom's `type="xhtml"` content.
            if d > fd && matches!(name, b"p" | b"div" | b"br" | b"li" | b"h1" | b"h2" | b"h3") {
                self.fields_mut(f).push('\n');
            }
        } else {
            self.start_outside_field(e, name, text, pos, d);
        }
    }

    fn start_outside_field(
        &mut self,
        e: &BytesStart<'_>,
        name: &[u8],
        text: &str,
        pos: usize,
        d: usize,
    ) {
        let parent = self.open.last().map(|r| r.kind);
        if parent == Some(RecKind::Ignored) {
            return;
        }
        if let Some(kind) = record_kind(self.dialect, name, parent) {
            let line = self.line_of(text, pos);
            let mut rec = self.free.pop().unwrap_or_else(|| Rec {
                kind,
                line,
                start: pos,
                depth: d,
                fields: Default::default(),
                plain: false,
                summary_plain: false,
                malformed: None,
            });
            rec.fields.iter_mut().for_each(String::clear);
            (rec.kind, rec.line, rec.start, rec.depth) = (kind, line, pos, d);
            (rec.plain, rec.summary_plain, rec.malformed) = (false, false, None);
            self.open.push(rec);
            return;
        }
        let Some(rec) = self.open.last_mut() else {
            return;
        };
        let rel = d - rec.depth;
        if rel == 1 {
            self.child = span(text, name);
            if self.dialect == Dialect::Atom {
                atom_hints(rec, name, e);
            }
        }
        let parent_name: &[u8] = if rel == 2 {
            let (at, len) = self.child;
            &text.as_bytes()[at..at + len]
        } else {
            b""
        };
        if rel == 1 || (rel == 2 && !parent_name.is_empty()) {
            let map = field_map(self.dialect, rec.kind);
            if let Some(&(_, _, f)) =
                (map.iter()).find(|(p, n, _)| same(n, name) && same(p, parent_name))
            {
                // The first element of a field wins (`author` after `dc:creator` adds nothing).
                if rec.fields[f as usize].trim().is_empty() {
                    rec.fields[f as usize].clear();
                    self.target = Some((f, d));
                }
            }
        }
    }

    fn fields_mut(&mut self, f: Field) -> &mut String {
        let rec = self
            .open
            .last_mut()
            .expect("a field belongs to an open record");
        &mut rec.fields[f as usize]
    }

    /// Text for the field being read, if any.
    fn push(&mut self, s: &str) {
        if let Some((f, _)) = self.target {
            self.fields_mut(f).push_str(s);
        }
    }

    /// An end tag (or the end of an empty element); `end` is the byte after it.
    fn end(&mut self, end: usize, out: &mut dyn FnMut(u64, Outcome<'_>)) {
        let d = self.depth;
        self.depth = d.saturating_sub(1);
        if let Some((_, fd)) = self.target {
            if d == fd {
                self.target = None;
            }
            return;
        }
        if self.open.last().is_none_or(|r| r.depth != d) {
            return;
        }
        let mut rec = self.open.pop().expect("checked above");
        let span =
            self.bad.partition_point(|&b| b < rec.start)..self.bad.partition_point(|&b| b < end);
        if !span.is_empty() {
            rec.malformed = Some(Skip::InvalidUtf8);
        }
        if !self.open.is_empty() {
            self.ended.push(rec);
            return;
        }
        // The unit ended: it, then what it held, in document order.
        self.emit(rec, out);
        self.ended.sort_by_key(|r| r.start);
        let ended = std::mem::take(&mut self.ended);
        for r in ended {
            self.emit(r, out);
        }
    }

    fn emit(&mut self, rec: Rec, out: &mut dyn FnMut(u64, Outcome<'_>)) {
        if !matches!(rec.kind, RecKind::Holder | RecKind::Ignored) {
            let got = build(
                &rec,
                self.dialect,
                &mut self.times,
                &mut self.text,
                &mut self.html,
            );
            out(rec.line, got);
        }
        self.free.push(rec);
    }
}

/// Blogger's kind of an entry (`<category scheme="…#kind" term="…#comment"/>`) and comment
/// replies (`<thr:in-reply-to …/>`), noted in the entry's type.
fn atom_hints(rec: &mut Rec, name: &[u8], e: &BytesStart<'_>) {
    let attr = |k: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k)
            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    match name {
        b"category" => {
            let kind_scheme = attr(b"scheme").is_some_and(|s| s.ends_with("#kind"));
            if let (true, Some(term)) = (kind_scheme, attr(b"term")) {
                let t = &mut rec.fields[Field::Type as usize];
                if t.is_empty() {
                    t.push_str(term.rsplit('#').next().unwrap_or_default());
                }
            }
        }
        b"thr:in-reply-to" => {
            let t = &mut rec.fields[Field::Type as usize];
            t.clear();
            t.push_str("comment");
        }
        // RFC 4287: text without a type is plain text; `xhtml` is markup the reader has
        // taken apart already. Only `html` (or an HTML media type) is escaped HTML.
        b"content" => rec.plain = !attr(b"type").is_some_and(|t| is_html(&t)),
        b"summary" => rec.summary_plain = !attr(b"type").is_some_and(|t| is_html(&t)),
        _ => {}
    }
}

/// Whether an Atom text construct's `type` says its content is escaped HTML.
fn is_html(ty: &str) -> bool {
    let ty = ty.trim();
    ty.eq_ignore_ascii_case("html") || ty.to_ascii_lowercase().ends_with("/html")
}

/// WordPress's own post types that are not writings (site structure, media, revisions);
/// every other type is read, a plugin's too (bbPress's `topic` and `reply`).
const WP_NOT_WRITINGS: &[&str] = &[
    "attachment",
    "nav_menu_item",
    "revision",
    "custom_css",
    "customize_changeset",
    "oembed_cache",
    "user_request",
    "wp_block",
    "wp_template",
    "wp_template_part",
    "wp_global_styles",
    "wp_navigation",
    "wp_font_family",
    "wp_font_face",
];

/// The record's kind name, or `None` when it is not a post at all.
fn kind_name(rec: &Rec, d: Dialect) -> Option<&'static str> {
    // Compared without regard to case, without building lower-case copies.
    let ty = |names: &[&str]| {
        names
            .iter()
            .any(|n| rec.field(Field::Type).eq_ignore_ascii_case(n))
    };
    let status =
        |names: &[&str]| (names.iter()).any(|n| rec.field(Field::Status).eq_ignore_ascii_case(n));
    match (d, rec.kind) {
        (Dialect::Wxr, RecKind::Post) => {
            let pt = rec.field(Field::PostType);
            let writing = !WP_NOT_WRITINGS.iter().any(|n| pt.eq_ignore_ascii_case(n));
            // (a draft is read, by its local date when it has no GMT one: its writer met
            // what it says)
            (writing && !status(&["trash", "auto-draft"])).then_some("post")
        }
        (Dialect::Wxr, RecKind::Comment) => {
            // `post-trashed`: a comment of a trashed post, itself left out.
            if status(&["spam", "trash", "post-trashed"]) {
                None
            } else if ty(&["trackback"]) {
                Some("trackback")
            } else if ty(&["pingback"]) {
                Some("pingback")
            } else {
                Some("comment")
            }
        }
        (Dialect::Rss { comments: true }, _) => Some("comment"),
        (Dialect::Atom, _) => {
            if ty(&["comment"]) {
                Some("comment")
            } else if ty(&["settings", "template", "layout"]) || status(&["deleted"]) {
                None
            } else {
                Some("post")
            }
        }
        (_, RecKind::Comment) => Some("comment"),
        (_, RecKind::Trackback) => Some("trackback"),
        _ => Some("post"),
    }
}

/// The post a finished record makes.
fn build<'a>(
    rec: &'a Rec,
    d: Dialect,
    times: &mut [TimeParser; 4],
    text: &'a mut String,
    html: &'a mut String,
) -> Outcome<'a> {
    if let Some(why) = rec.malformed {
        return Err(why);
    }
    let Some(kind) = kind_name(rec, d) else {
        return Ok(None);
    };
    let time = record_time(rec, times)?;
    text.clear();
    let title = rec.field(Field::Title);
    if kind != "comment" && !title.is_empty() {
        text.push_str(title);
    }
    let (body, plain) = match rec.field(Field::Body) {
        "" => (rec.field(Field::Summary), rec.summary_plain),
        b => (b, rec.plain),
    };
    if !body.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        if plain {
            text.push_str(body);
        } else {
            strip_html_into(body, html);
            text.push_str(html);
        }
    }
    if text.trim().is_empty() {
        return Err(Skip::MissingText);
    }
    let author = rec.field(Field::Author);
    // Blogger names every comment without an account "Anonymous": not one voice, but none
    // known (each such comment its own).
    let author = match d == Dialect::Atom && author.eq_ignore_ascii_case("anonymous") {
        true => "",
        false => author,
    };
    Ok(Some(Post {
        time,
        text: text.as_str().into(),
        author: (!author.is_empty()).then_some(author.into()),
        kind: Some(kind.into()),
    }))
}

/// A record's time: UTC first (WordPress writes `0000-00-00 00:00:00` for none), then local,
/// with an offset, epoch seconds, the later choice.
fn record_time(rec: &Rec, times: &mut [TimeParser; 4]) -> Result<Ts, Skip> {
    let utc = rec.field(Field::Utc);
    let tries = [
        (utc, 0),
        (rec.field(Field::Local), 1),
        (rec.field(Field::Zoned), 2),
        (rec.field(Field::Epoch), 3),
        // TTXML's `created` is when the draft was begun: `published` comes first.
        (rec.field(Field::Alt), 2),
    ];
    let (s, i) = tries
        .into_iter()
        .find(|(s, _)| !s.is_empty() && !s.starts_with("0000-00-00"))
        .ok_or(Skip::MissingTime)?;
    times[i].parse(s).map_err(time_skip)
}

/// Whether two element names are the same: compared in place (they are short, and a call to
/// `memcmp` for each of the dozen names of every comment was a tenth of the XML path's time).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Where the element name `name`, which an event borrowed from `text`, lies in it (names are
/// kept as places, not copied); an empty name at 0 if it is not borrowed from it.
fn span(text: &str, name: &[u8]) -> (usize, usize) {
    let at = (name.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    match at.checked_add(name.len()) {
        Some(end) if end <= text.len() => (at, name.len()),
        _ => (0, 0),
    }
}

/// The text of `raw`, a piece of `text` that an event borrowed: sliced out of `text` (the
/// delimiters around it are ASCII, so it starts and ends on character boundaries) rather than
/// checked again; checked if it is not such a piece.
fn within<'t>(text: &'t str, raw: &'t [u8]) -> std::borrow::Cow<'t, str> {
    let start = (raw.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    match start
        .checked_add(raw.len())
        .and_then(|end| text.get(start..end))
    {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => String::from_utf8_lossy(raw),
    }
}

/// A copy of `chunk` with each byte of invalid UTF-8 made `?` (so offsets stay), and where.
fn repair(chunk: &[u8], mut fixed: Vec<u8>, bad: &mut Vec<usize>) -> Vec<u8> {
    fixed.clear();
    fixed.extend_from_slice(chunk);
    let mut at = 0;
    while at < fixed.len() {
        match std::str::from_utf8(&fixed[at..]) {
            Ok(_) => break,
            Err(e) => {
                let start = at + e.valid_up_to();
                let n = e.error_len().unwrap_or(fixed.len() - start);
                fixed[start..start + n].fill(b'?');
                bad.extend(start..start + n);
                at = start + n;
            }
        }
    }
    fixed
}

/// The offset of the next start tag of a unit at or after `from`.
fn next_unit(text: &[u8], from: usize, units: &[&[u8]]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'<', text.get(at..)?) {
        let p = at + i;
        let rest = &text[p + 1..];
        let opens = units.iter().any(|u| {
            rest.starts_with(u)
                && rest
                    .get(u.len())
                    .is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
        });
        if opens {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, time, kind, author, text) of each record, or the skip.
    type Got = Vec<(u64, Result<(Ts, String, Option<String>, String), Skip>)>;

    fn read(d: Dialect, xml: &str) -> Got {
        let mut r = XmlReader::new(d, chrono_tz::Asia::Seoul);
        let mut got = vec![];
        r.chunk(xml.as_bytes(), 1, &mut |line, o| match o {
            Ok(Some(p)) => got.push((
                line,
                Ok((
                    p.time,
                    p.kind.unwrap_or_default().into_owned(),
                    p.author.map(|a| a.into_owned()),
                    p.text.into_owned(),
                )),
            )),
            Ok(None) => {}
            Err(why) => got.push((line, Err(why))),
        });
        got
    }

    const T: Ts = 1_235_469_600; // 2009-02-24T10:00:00Z

    #[test]
    fn blogger_export_kinds_and_atom_content_types() {
        let kind = |k: &str| {
            format!("<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{k}'/>")
        };
        let xml = format!(
            "<feed>\n<entry><id>s</id>{}<published>2009-02-24T10:00:00.000Z</published><title>x</title><content type='text'>x</content></entry>\n\
             <entry>{}<published>2009-02-24T02:00:00.000-08:00</published><title type='text'>Gmail</title><content type='html'>&lt;p&gt;gmail is &lt;b&gt;down&lt;/b&gt;&lt;/p&gt;</content><author><name>Ann</name><uri>u</uri></author></entry>\n\
             <entry>{}<published>2009-02-24T10:00:00Z</published><title>re</title><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>same</p><p>here &amp; now</p></div></content><author><name>Bo</name></author></entry>\n\
             <entry><published>2009-02-24T10:00:00Z</published><content type='text'>1 &lt; 2 <![CDATA[<b>kept</b>]]></content><thr:in-reply-to ref='x'/></entry>\n</feed>",
            kind("settings"),
            kind("post"),
            kind("comment")
        );
        let got = read(Dialect::Atom, &xml);
        let want: Got = vec![
            (
                3,
                Ok((
                    T,
                    "post".into(),
                    Some("Ann".into()),
                    "Gmail\ngmail is down".into(),
                )),
            ),
            (
                4,
                Ok((
                    T,
                    "comment".into(),
                    Some("Bo".into()),
                    "same\nhere & now".into(),
                )),
            ),
            (
                5,
                Ok((T, "comment".into(), None, "1 < 2 <b>kept</b>".into())),
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn wxr_comment_types_spam_and_local_times() {
        let xml = "<item><title>T</title><wp:post_type>attachment</wp:post_type><wp:post_date_gmt>2009-02-24 10:00:00</wp:post_date_gmt></item>\n\
            <item><title>T</title><content:encoded><![CDATA[<p>body</p>]]></content:encoded><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:post_date>2009-02-24 19:00:00</wp:post_date>\n\
            <wp:comment><wp:comment_author>Site</wp:comment_author><wp:comment_content>[&#8230;] gmail down [&#8230;]</wp:comment_content><wp:comment_date_gmt>2009-02-24 10:00:00</wp:comment_date_gmt><wp:comment_type>pingback</wp:comment_type></wp:comment>\n\
            <wp:comment><wp:comment_content>buy now</wp:comment_content><wp:comment_date_gmt>2009-02-24 10:00:00</wp:comment_date_gmt><wp:comment_approved>spam</wp:comment_approved></wp:comment>\n\
            <wp:comment><wp:comment_content>no date</wp:comment_content></wp:comment></item>";
        let got = read(Dialect::Wxr, xml);
        let want: Got = vec![
            (2, Ok((T, "post".into(), None, "T\nbody".into()))),
            (
                3,
                Ok((
                    T,
                    "pingback".into(),
                    Some("Site".into()),
                    "[\u{2026}] gmail down [\u{2026}]".into(),
                )),
            ),
            (5, Err(Skip::MissingTime)),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn ttxml_nesting_guestbook_and_document_order() {
        let xml = "<blog><setting><title>t</title></setting>\n<post><title>P</title><content>&lt;p&gt;지메일 장애&lt;/p&gt;</content><published>1235469600</published>\n\
            <attachment><content>QUJD</content></attachment>\n\
            <comment><commenter><name>kim</name></commenter><content>안 돼요</content><written>1235469600</written>\n\
            <comment><commenter><name>me</name></commenter><content>저도요</content><written>1235469600</written></comment></comment>\n\
            <trackback><site>Blog</site><title>tb</title><excerpt>지메일 다운...</excerpt><received>1235469600</received></trackback></post>\n\
            <guestbook><comment><commenter><name>g</name></commenter><content>hi</content><written>1235469600</written></comment></guestbook></blog>";
        let got = read(Dialect::Ttxml, xml);
        let who: Vec<(u64, String, Option<String>, String)> = got
            .into_iter()
            .map(|(l, r)| {
                let (_, k, a, t) = r.unwrap();
                (l, k, a, t)
            })
            .collect();
        let s = |x: &str| x.to_string();
        assert_eq!(
            who,
            vec![
                (2, s("post"), None, s("P\n지메일 장애")),
                (4, s("comment"), Some(s("kim")), s("안 돼요")),
                (5, s("comment"), Some(s("me")), s("저도요")),
                (6, s("trackback"), Some(s("Blog")), s("tb\n지메일 다운...")),
                (7, s("comment"), Some(s("g")), s("hi")),
            ]
        );
    }

    /// A file that starts with a byte-order mark gives its records' lines as written (they
    /// were one too low in the first chunk).
    #[test]
    fn a_byte_order_mark_keeps_the_lines() {
        let xml = "\u{feff}<?xml version=\"1.0\"?>\n<rss><channel>\n<item><description>gmail is down</description><pubDate>Tue, 24 Feb 2009 10:00:00 GMT</pubDate></item>\n</channel></rss>\n";
        let got = read(Dialect::Rss { comments: false }, xml);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 3);
    }

    /// What is a writing and what is not, in each dialect, and which time and text: a
    /// plugin's post type (bbPress `topic`) is read, the comments of a trashed post are not (nor
    /// the post); TTXML's `published` comes before `created` (the draft's start); Atom text with
    /// no `type` is plain (RFC 4287), not HTML to strip; Blogger's "Anonymous" is no one voice.
    #[test]
    fn writings_drafts_times_and_plain_atom_text() {
        let item = |ty: &str, status: &str| {
            format!("<item><title>t</title><wp:post_type>{ty}</wp:post_type><wp:status>{status}</wp:status><wp:post_date_gmt>2009-02-24 10:00:00</wp:post_date_gmt></item>\n")
        };
        let mut xml = item("topic", "publish") + &item("reply", "publish");
        xml += &item("nav_menu_item", "publish");
        xml += &item("post", "trash");
        xml += "<item><title>t</title><wp:status>trash</wp:status><wp:post_date_gmt>2009-02-24 10:00:00</wp:post_date_gmt>\
            <wp:comment><wp:comment_content>c</wp:comment_content><wp:comment_date_gmt>2009-02-24 10:00:00</wp:comment_date_gmt><wp:comment_approved>post-trashed</wp:comment_approved></wp:comment></item>\n";
        let lines: Vec<u64> = read(Dialect::Wxr, &xml).iter().map(|g| g.0).collect();
        assert_eq!(lines, [1, 2]);

        let tt = "<blog>\n<post><content>x</content><published>1235469600</published><created>1235300000</created></post>\n</blog>";
        assert_eq!(read(Dialect::Ttxml, tt)[0].1.as_ref().unwrap().0, T);

        let atom = "<feed>\n<entry><published>2009-02-24T10:00:00Z</published><content>I &lt;3 yahoo but gmail is down</content><author><name>Anonymous</name></author></entry>\n\
            <entry><published>2009-02-24T10:00:00Z</published><summary type='text'>a &lt;b&gt; c</summary></entry>\n\
            <entry><published>2009-02-24T10:00:00Z</published><summary type='html'>a &lt;b&gt; c</summary></entry>\n</feed>";
        let got = read(Dialect::Atom, atom);
        let texts: Vec<(Option<String>, String)> = (got.into_iter())
            .map(|g| g.1.map(|p| (p.2, p.3)).unwrap())
            .collect();
        assert_eq!(
            texts,
            [
                (None, "I <3 yahoo but gmail is down".to_string()),
                (None, "a <b> c".to_string()),
                (None, "a  c".to_string()),
            ]
        );
    }

    /// A stray `<` in a text, a missing `</item>` or `</entry>`, or a mismatched end tag
    /// spoils its own unit only: one `malformed_xml` at its line, and every later unit read.
    /// Before, the first two made every later unit of the chunk part of the broken one, lost
    /// as one skip with the wrong reason (`truncated_input`).
    #[test]
    fn a_broken_unit_spoils_only_itself() {
        let unit = |d: Dialect, i: u32, body: &str, end: &str| {
            match d {
            Dialect::Atom => format!("<entry><published>2009-02-24T10:00:00Z</published><content type='text'>{body} {i}</content>{end}\n"),
            Dialect::Ttxml => format!("<post><content>{body} {i}</content><published>1235469600</published>{end}\n"),
            _ => format!("<item><title>t{i}</title><description>{body}</description><pubDate>Tue, 24 Feb 2009 10:00:00 GMT</pubDate>{end}\n"),
        }
        };
        let cases = [
            (
                Dialect::Rss { comments: false },
                "<rss><channel>\n",
                "</channel></rss>\n",
            ),
            (Dialect::Atom, "<feed>\n", "</feed>\n"),
            (Dialect::Ttxml, "<blog>\n", "</blog>\n"),
        ];
        for (d, head, tail) in cases {
            let close = match d {
                Dialect::Atom => "</entry>",
                Dialect::Ttxml => "</post>",
                _ => "</item>",
            };
            for broken in [
                unit(d, 2, "if x < y gmail is down", close),
                unit(d, 2, "gmail is down", ""),
                unit(d, 2, "gmail is down", &format!("</wrong>{close}")),
            ] {
                let mut xml = head.to_string() + &unit(d, 1, "gmail is down", close);
                xml += &broken;
                for i in 3..=40 {
                    xml += &unit(d, i, "gmail is down", close);
                }
                xml += tail;
                let got = read(d, &xml);
                assert_eq!(got.len(), 40, "{d:?} {broken}: {got:?}");
                assert_eq!(got[1], (3, Err(Skip::MalformedXml)), "{d:?} {broken}");
                assert!(
                    (got.iter().enumerate())
                        .all(|(i, g)| i == 1 || g.1.is_ok() && g.0 == i as u64 + 2),
                    "{d:?} {broken}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn invalid_utf8_spoils_only_its_record() {
        let mut xml = b"<rss><channel><title>Comments on: x</title>\n<item><description>a \xff b</description><pubDate>Tue, 24 Feb 2009 10:00:00 GMT</pubDate></item>\n".to_vec();
        xml.extend_from_slice(b"<item><description>ok</description><pubDate>Tue, 24 Feb 2009 10:00:00 GMT</pubDate></item></channel></rss>");
        let mut r = XmlReader::new(Dialect::Rss { comments: true }, Tz::UTC);
        let mut got = vec![];
        r.chunk(&xml, 1, &mut |line, o| {
            got.push((
                line,
                o.map(|p| p.map(|p| (p.kind.unwrap().into_owned(), p.text.into_owned()))),
            ))
        });
        assert_eq!(
            got,
            vec![
                (2, Err(Skip::InvalidUtf8)),
                (3, Ok(Some(("comment".to_string(), "ok".to_string()))))
            ]
        );
    }
}
