//! From one input line (or CSV row, XML element, element of a JSON document) to a `Post`: its
//! time, text, author and kind. [`fields`] says where to look, [`json`] and [`csv`] read JSON
//! Lines and CSV ([`jsonscan`] is the JSON fast path), [`xml`] blog backups and feeds,
//! [`jsondoc`] JSON documents holding many posts; [`html`] strips markup from bodies.
//!
//! Dumps come in many schemas. Without flags outcry looks for the fields the common ones use
//! (Twitter, Reddit, Mastodon, blog and forum exports); `--time-field` and friends name a field
//! explicitly as a dotted path (`user.screen_name`) or a JSON pointer (`/user/screen_name`).
//! JSON is walked once, keeping borrowed slices of just the wanted fields: strings without escapes
//! are never copied.

use std::borrow::Cow;
use std::fmt;

mod csv;
mod fields;
mod html;
mod json;
pub mod jsondoc;
pub mod jsonscan;
pub mod xml;

pub use self::csv::{CsvMapper, Fields};
pub use fields::{Candidates, FieldChoice, FieldSpec};
pub use html::strip_html_into;
pub use json::{Decoded, JsonExtractor};

use crate::time::Ts;

/// One post, as much of it as outcry needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Post<'a> {
    pub time: Ts,
    pub text: Cow<'a, str>,
    pub author: Option<Cow<'a, str>>,
    /// `post`, `comment`, `trackback`, … when the dump says so.
    pub kind: Option<Cow<'a, str>>,
}

/// The kinds of record counted apart (`stats.records_by_kind`): what blogs hold.
pub const KINDS: [&str; 4] = ["post", "comment", "trackback", "pingback"];

/// The index in [`KINDS`] of a record's kind, as a dump writes it (any case).
pub fn kind_index(kind: &str) -> Option<usize> {
    KINDS.iter().position(|k| k.eq_ignore_ascii_case(kind))
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
    /// An XML element (a post, comment or trackback) that is not well-formed.
    MalformedXml,
    /// A line (or CSV row) longer than `--max-line-bytes`, read past without being kept.
    LineTooLong,
    /// A CSV row whose quoted field never closed within the limits; the lines after it were
    /// read again as rows of their own.
    UnterminatedQuote,
    /// A record of a document (an XML item or entry, an element of a JSON document), or the
    /// text between two, longer than `--max-line-bytes`: read past without being kept.
    RecordTooLong,
    /// A time read whole but outside the years 0001 to 9998 (`time::in_range`).
    AbsurdTime,
    /// A line that holds a carriage return alone (not before a line feed) and reads as no
    /// record: lines ended by CR, joined into one by the LF line ends around them (mixed line
    /// ends). Not read; the input is reported as not read whole (`Stats`).
    LoneCr,
}

/// Whether `b` holds a carriage return that neither ends it nor comes before a line feed: in a
/// CSV row that reads as no record, the line ends of other rows.
pub fn lone_cr(b: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', b).any(|i| i + 1 < b.len() && b[i + 1] != b'\n')
}

impl Skip {
    pub const ALL: [Skip; 15] = [
        Skip::InvalidUtf8,
        Skip::MalformedJson,
        Skip::NotObject,
        Skip::MissingTime,
        Skip::BadTime,
        Skip::MissingText,
        Skip::MalformedCsv,
        Skip::TruncatedInput,
        Skip::AmbiguousZone,
        Skip::MalformedXml,
        Skip::LineTooLong,
        Skip::UnterminatedQuote,
        Skip::RecordTooLong,
        Skip::AbsurdTime,
        Skip::LoneCr,
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
            Skip::MalformedXml => "malformed_xml",
            Skip::LineTooLong => "line_too_long",
            Skip::UnterminatedQuote => "unterminated_quote",
            Skip::RecordTooLong => "record_too_long",
            Skip::AbsurdTime => "absurd_time",
            Skip::LoneCr => "lone_cr",
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
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
