//! CSV rows into posts: columns found by header name (the same names as JSON fields) or given
//! with `--columns`.

use std::borrow::Cow;

use super::fields::{Candidates, FieldChoice};
use super::json::time_skip;
use super::{Post, Skip};
use crate::time::{TimeParser, TimeRules};

/// The fields of one CSV row, wherever they are kept: a `csv::ByteRecord`, or a row of the
/// parallel reader's batch, read in place there rather than copied into a record first.
pub trait Fields {
    /// How many fields the row has.
    fn count(&self) -> usize;
    /// Field `i`, if the row has it.
    fn field(&self, i: usize) -> Option<&[u8]>;
}

impl Fields for csv::ByteRecord {
    fn count(&self) -> usize {
        self.len()
    }
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.get(i)
    }
}

/// Turns CSV rows into posts: columns are found by header name (the same names as JSON fields)
/// or given with `--columns`.
#[derive(Debug, Clone)]
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

/// A `--columns` value for a header of `width` columns that gives each role its column (0-based;
/// `_` elsewhere).
fn columns_example(width: usize, roles: &[(Option<usize>, &'static str)]) -> String {
    (0..width)
        .map(|k| {
            roles
                .iter()
                .find(|(at, _)| *at == Some(k))
                .map_or("_", |(_, name)| *name)
        })
        .collect::<Vec<_>>()
        .join(",")
}

impl CsvMapper {
    /// From a header row. Errors name the columns that were looked for.
    pub fn from_header(
        header: &[&str],
        choice: &FieldChoice,
        rules: impl Into<TimeRules>,
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
        let (author, kind) = (find(&cands.author), find(&cands.kind));
        // A column read twice over would be read from its first place without a word: which of
        // two "text" columns holds the posts is for the user to say.
        let norm = |h: &str| h.trim().trim_start_matches('\u{feff}').to_lowercase();
        let roles = [
            (Some(time), "time"),
            (text, "text"),
            (title, "title"),
            (author, "author"),
            (kind, "kind"),
        ];
        for (r, &(role, _)) in roles.iter().enumerate() {
            let Some(at) = role else { continue };
            let name = norm(header[at]);
            if let Some(again) = (at + 1..header.len()).find(|&j| norm(header[j]) == name) {
                // The example reads the role from its second place, every other role as found.
                let mut example = roles;
                example[r].0 = Some(again);
                return Err(format!(
                    "the CSV header names the column {:?} twice (columns {} and {}): say which to read with --columns (e.g. {})",
                    header[at].trim(),
                    at + 1,
                    again + 1,
                    columns_example(header.len(), &example)
                ));
            }
        }
        Ok(CsvMapper {
            time,
            text,
            title,
            author,
            kind,
            width: header.len(),
            time_parser: TimeParser::new(rules),
        })
    }

    /// Whether `--columns` names roles a run can read by: each one of `time`, `text`, `title`,
    /// `author`, `kind` or `_` (a column ignored), none twice, with a time and a text or title;
    /// else why not, for a usage error before anything is read (a misspelt role was ignored
    /// without a word, a missing time told once per file as it was read).
    pub fn check_columns(cols: &[String]) -> Result<(), String> {
        const ROLES: [&str; 5] = ["time", "text", "title", "author", "kind"];
        let example = "(e.g. --columns time,author,text; `_` for a column to ignore)";
        for (i, c) in cols.iter().enumerate() {
            let c = c.trim();
            if c == "_" {
                continue;
            }
            if !ROLES.iter().any(|r| c.eq_ignore_ascii_case(r)) {
                return Err(format!(
                    "--columns: {c:?} (column {}) is not a role: time, text, title, author, kind or _ {example}",
                    i + 1
                ));
            }
            if cols[..i].iter().any(|d| d.trim().eq_ignore_ascii_case(c)) {
                return Err(format!("--columns: {c:?} is named twice {example}"));
            }
        }
        Self::from_columns(cols, TimeRules::from(chrono_tz::UTC)).map(drop)
    }

    /// From `--columns time,author,text` (roles by position; `_`, or any other name, is no role:
    /// [`CsvMapper::check_columns`] refuses other names before a run).
    pub fn from_columns(cols: &[String], rules: impl Into<TimeRules>) -> Result<CsvMapper, String> {
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
            time_parser: TimeParser::new(rules),
        })
    }

    /// Reads one row. A row with more fields than the header had is a text with unquoted commas:
    /// the text column takes the extra fields back, joined with the delimiter. A title is joined
    /// to its text in `joined`, a buffer the caller reuses from row to row.
    pub fn extract<'a, R: Fields>(
        &mut self,
        row: &'a R,
        delimiter: u8,
        joined: &'a mut String,
    ) -> Result<Post<'a>, Skip> {
        // What the time reader noticed is about this row only.
        self.time_parser.last_error = None;
        self.time_parser.last_parsed = None;
        // simdutf8 accepts exactly what `std::str::from_utf8` accepts, many bytes at a time.
        if (0..row.count()).any(|i| {
            row.field(i)
                .is_some_and(|f| simdutf8::basic::from_utf8(f).is_err())
        }) {
            return Err(Skip::InvalidUtf8);
        }
        // Every field is UTF-8 from here on: `field` reads them without checking again.
        let row = Checked(row);
        let extra = row.0.count().saturating_sub(self.width);
        // More fields than the header, and a carriage return alone in one: rows ended by CR,
        // joined into one by the LF line ends around them, not a text with unquoted commas.
        if extra > 0 && (0..row.0.count()).any(|i| row.0.field(i).is_some_and(super::lone_cr)) {
            return Err(Skip::LoneCr);
        }
        let shift = |i: usize| {
            if self.text.is_some_and(|t| i > t) {
                i + extra
            } else {
                i
            }
        };
        let get = |i: usize| field(row, shift(i));

        let t = get(self.time)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or(Skip::MissingTime)?;
        let time = self.time_parser.parse(t).map_err(time_skip)?;
        let text: Cow<'a, str> = match self.text {
            Some(ti) if extra > 0 => {
                let parts: Vec<&str> = (ti..=ti + extra).filter_map(|i| field(row, i)).collect();
                Cow::Owned(parts.join(&(delimiter as char).to_string()))
            }
            Some(ti) => Cow::Borrowed(field(row, ti).unwrap_or("")),
            None => Cow::Borrowed(""),
        };
        let text = match self.title.and_then(get).filter(|s| !s.trim().is_empty()) {
            Some(title) if text.trim().is_empty() => Cow::Borrowed(title),
            Some(title) => {
                joined.clear();
                joined.push_str(title);
                joined.push('\n');
                joined.push_str(&text);
                Cow::Borrowed(joined.as_str())
            }
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

/// A row whose every field was found to be UTF-8 (made only in [`CsvMapper::extract`], right
/// after its check): its fields are read as text without a second check, which cost as much as
/// the first (the text field is most of a forum row's bytes).
struct Checked<'a, R>(&'a R);

impl<R> Clone for Checked<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R> Copy for Checked<'_, R> {}

/// Field `i` of a row as text. Rows are cut at `\n` only (so that line numbers count every line
/// of a CRLF file): the `\r` of a CRLF line ending is the last field's, and is dropped here.
fn field<R: Fields>(row: Checked<'_, R>, i: usize) -> Option<&str> {
    let f = row.0.field(i)?;
    let f = if i + 1 == row.0.count() {
        f.strip_suffix(b"\r").unwrap_or(f)
    } else {
        f
    };
    debug_assert!(std::str::from_utf8(f).is_ok());
    // SAFETY: every field of a `Checked` row is valid UTF-8 (see `CsvMapper::extract`), and
    // taking an ASCII `\r` off the end of valid UTF-8 leaves valid UTF-8.
    Some(unsafe { std::str::from_utf8_unchecked(f) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Ts;
    use chrono_tz::Tz;

    const T: Ts = 1_235_467_862; // 2009-02-24T09:31:02Z

    #[test]
    fn a_column_named_twice_is_refused_naming_both() {
        // Before: the first "text" column was read without a word (the posts were in the second).
        let choice = FieldChoice::default();
        let e = CsvMapper::from_header(&["time", "text", "Text"], &choice, Tz::UTC)
            .err()
            .unwrap();
        assert!(
            e.contains("names the column \"text\" twice (columns 2 and 3)"),
            "{e}"
        );
        assert!(e.contains("--columns (e.g. time,_,text)"), "{e}");
        // A repeated time column: the example reads the time from its second place and the
        // text where it is (it suggested `time,_,text` and so read a time as the post).
        let e = CsvMapper::from_header(&["created_at", "text", "created_at"], &choice, Tz::UTC)
            .err()
            .unwrap();
        assert!(e.contains("--columns (e.g. _,text,time)"), "{e}");
        let e = CsvMapper::from_header(&["time", "author", "text", "author"], &choice, Tz::UTC)
            .err()
            .unwrap();
        assert!(e.contains("--columns (e.g. time,_,text,author)"), "{e}");
        // A repeated column that is not read is no matter.
        assert!(CsvMapper::from_header(&["time", "text", "x", "x"], &choice, Tz::UTC).is_ok());
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
        let (mut j1, mut j2) = (String::new(), String::new());
        let a = m.extract(&rows[0], b',', &mut j1).unwrap();
        assert_eq!(
            (a.time, a.text.as_ref(), a.author.as_deref()),
            (T, "quoted, with comma", Some("kim"))
        );
        let b = m.extract(&rows[1], b',', &mut j2).unwrap();
        assert_eq!(b.text, "gmail down, again, really");
    }

    #[test]
    fn csv_by_columns_and_missing_header_names() {
        let mut m =
            CsvMapper::from_columns(&["time".into(), "text".into(), "author".into()], Tz::UTC)
                .unwrap();
        let row = csv::ByteRecord::from(vec!["1235467862", "gmail, down", "again", "kim"]);
        let mut joined = String::new();
        let p = m.extract(&row, b',', &mut joined).unwrap();
        assert_eq!(
            (p.text.as_ref(), p.author.as_deref()),
            ("gmail, down,again", Some("kim"))
        );
        assert!(
            CsvMapper::from_header(&["when", "text"], &FieldChoice::default(), Tz::UTC).is_err()
        );
        assert!(CsvMapper::from_columns(&["text".into()], Tz::UTC).is_err());
    }

    #[test]
    fn a_title_is_joined_to_its_text_in_the_reused_buffer() {
        let h = ["date", "author", "title", "text"];
        let mut m = CsvMapper::from_header(&h, &FieldChoice::default(), Tz::UTC).unwrap();
        let mut joined = String::from("left over from the row before");
        let row = csv::ByteRecord::from(vec!["1235467862", "kim", "Gmail down?", "500 errors"]);
        let p = m.extract(&row, b',', &mut joined).unwrap();
        assert_eq!(p.text, "Gmail down?\n500 errors");
        let row = csv::ByteRecord::from(vec!["1235467862", "kim", "Gmail down?", " "]);
        assert_eq!(
            m.extract(&row, b',', &mut joined).unwrap().text,
            "Gmail down?"
        );
        let row = csv::ByteRecord::from(vec!["1235467862", "kim", "", "500 errors"]);
        assert_eq!(
            m.extract(&row, b',', &mut joined).unwrap().text,
            "500 errors"
        );
    }
}
