//! Which layout an input has, from its name and its first bytes: JSON Lines, CSV/TSV, an XML blog
//! backup or feed, or one JSON document (an array, an object holding one, a `tweets.js`). One
//! mechanism for files and standard input, compressed or not, in this order:
//!
//! 1. The name decides CSV and TSV (`.csv`, `.tsv`, under any compression suffix): a CSV file may
//!    start with anything.
//! 2. The first bytes of the decompressed stream (read ahead, not consumed): `<` is XML, `[` a
//!    JSON document, a JavaScript assignment (`window.YTD.tweets.part0 = [`) a JSON document, and
//!    `{` is JSON Lines when the first line is a whole JSON value on its own (`{"text": …}`), a
//!    JSON document when the value goes on past it (pretty-printed) or holds the posts in a list
//!    (`orderedItems`).
//! 3. Then the name again: `.jsonl`, `.ndjson`, `.json` are JSON Lines; `.xml`, `.rss`, `.atom`
//!    XML; `.js` a JSON document.
//! 4. Then the first line: one with commas or tabs (a header such as `date,author,text`) is CSV
//!    or TSV, whichever separator it has more of.
//! 5. Anything else is read as JSON Lines (and every line is then counted as malformed: the run
//!    says no record could be read).

use super::Layout;

/// Why an input whose decompressed stream starts with `head` is not text this tool can read, if
/// it is not, judged on its first line: a NUL byte in it (an executable, a database, a zip, UTF-16
/// without a byte-order mark), a UTF-16 byte-order mark, or a first byte that no UTF-8 text
/// starts with (a PNG or JPEG, or a legacy encoding such as CP949). Such an input is refused
/// whole, with this reason, rather than read line by line into a heap of malformed lines or a
/// CSV "header" of binary noise.
pub fn not_text(head: &[u8]) -> Option<String> {
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return Some(
            "UTF-16 text (it starts with a UTF-16 byte-order mark): convert it to UTF-8 first, \
             e.g. `iconv -f UTF-16 -t UTF-8`"
                .into(),
        );
    }
    // The first line only: a text file with a run of NUL bytes further on loses those lines
    // alone, each counted as it is read.
    let first = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
    if let Some(at) = memchr::memchr(0, first) {
        return Some(format!(
            "not text: a NUL byte at byte {at} (a binary file, or UTF-16 text: convert that to \
             UTF-8 first)"
        ));
    }
    match head.first() {
        Some(&b @ (0x80..=0xc1 | 0xf5..=0xff)) => Some(format!(
            "not UTF-8 text: it starts with the byte 0x{b:02x}, which no UTF-8 text starts with \
             (a binary file, or another encoding such as CP949 or Latin-1: convert it to UTF-8 \
             first, e.g. `iconv -f CP949 -t UTF-8`)"
        )),
        _ => None,
    }
}

/// Keys of an object whose array value holds the posts (Mastodon's and ActivityStreams'
/// `outbox.json`, JSON Feed, many API dumps); `record::jsondoc` reads the same list.
pub const CONTAINER_KEYS: [&str; 4] = ["orderedItems", "items", "posts", "statuses"];

/// What an input's name says about its layout, looking through `.gz`, `.zst`, `.xz`, `.bz2`;
/// `None` when it says nothing (standard input, `.txt`, …).
pub fn by_name(name: &str) -> Option<Layout> {
    let lower = name.to_ascii_lowercase();
    let base = [".gz", ".zst", ".zstd", ".xz", ".bz2"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(&lower);
    let ends = |exts: &[&str]| exts.iter().any(|e| base.ends_with(e));
    if ends(&[".csv"]) {
        Some(Layout::Csv { delimiter: b',' })
    } else if ends(&[".tsv"]) {
        Some(Layout::Csv { delimiter: b'\t' })
    } else if ends(&[".xml", ".rss", ".atom", ".wxr", ".ttxml"]) {
        Some(Layout::Xml)
    } else if ends(&[".js"]) {
        Some(Layout::JsonDoc)
    } else if ends(&[".jsonl", ".ndjson", ".json"]) {
        Some(Layout::JsonLines)
    } else {
        None
    }
}

/// Whether `head` is enough to tell the layout: a first line that is not blank and ends (more
/// is needed only for a first line longer than what was read); when that line opens an object
/// it does not close, the second line too, which tells a pretty-printed document from JSON
/// Lines whose first line was cut short (`object_layout`).
pub fn enough(head: &[u8]) -> bool {
    let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    let rest = &head[start..];
    let Some(end) = memchr::memchr(b'\n', rest) else {
        return false;
    };
    // A second whole line is enough whatever the first: the cheap test first, so that the first
    // line is parsed only while the second is still coming in.
    if memchr::memchr(b'\n', &rest[end + 1..]).is_some() {
        return true;
    }
    let line = &rest[..end];
    line.first() != Some(&b'{')
        || !serde_json::from_slice::<serde::de::IgnoredAny>(line).is_err_and(|e| e.is_eof())
}

/// The layout of an input called `name` whose decompressed stream starts with `head`: see the
/// module documentation for the rules.
pub fn layout_of(name: &str, head: &[u8]) -> Layout {
    let named = by_name(name);
    if let Some(csv @ Layout::Csv { .. }) = named {
        return csv;
    }
    by_content(head)
        .or(named)
        .unwrap_or_else(|| by_first_line(head))
}

/// A first line with commas or tabs (a header such as `date,author,text`) is CSV or TSV,
/// whichever separator it has more of; anything else JSON Lines.
fn by_first_line(head: &[u8]) -> Layout {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    let count = |c: u8| line.iter().filter(|&&b| b == c).count();
    match (count(b','), count(b'\t')) {
        (0, 0) => Layout::JsonLines,
        (commas, tabs) if tabs > commas => Layout::Csv { delimiter: b'\t' },
        _ => Layout::Csv { delimiter: b',' },
    }
}

/// The layout the first bytes show, if they show one.
pub fn by_content(head: &[u8]) -> Option<Layout> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &head[start..];
    match rest[0] {
        b'<' => Some(Layout::Xml),
        b'[' => Some(Layout::JsonDoc),
        b'{' => Some(object_layout(rest)),
        b if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
            js_assignment(rest).then_some(Layout::JsonDoc)
        }
        _ => None,
    }
}

/// `window.YTD.tweets.part0 = [` (or `var x = {`): a name, `=`, and a JSON value.
fn js_assignment(rest: &[u8]) -> bool {
    let name_end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"_$.".contains(&b)))
        .unwrap_or(rest.len());
    let name = &rest[..name_end];
    let name = name.strip_prefix(b"var").map_or(name, |n| n);
    let after = rest[name_end..].trim_ascii_start();
    let after = if name.is_empty() {
        // `var name = …`: the name comes after the keyword.
        let n = after
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"_$.".contains(&b)))
            .unwrap_or(after.len());
        after[n..].trim_ascii_start()
    } else {
        after
    };
    after
        .strip_prefix(b"=")
        .map(|v| v.trim_ascii_start())
        .is_some_and(|v| v.starts_with(b"[") || v.starts_with(b"{"))
}

/// An input starting with `{`: JSON Lines when its first line is a whole value that does not
/// hold its posts in a list, a JSON document otherwise.
fn object_layout(rest: &[u8]) -> Layout {
    let line_end = memchr::memchr(b'\n', rest);
    let line = &rest[..line_end.unwrap_or(rest.len())];
    let mut de = serde_json::Deserializer::from_slice(line);
    match serde::Deserialize::deserialize(&mut de) {
        Ok(Top { container }) if container => Layout::JsonDoc,
        Ok(_) => Layout::JsonLines,
        // The value goes on past the first line: one document, pretty-printed; unless the line
        // stops inside a string (a JSON string holds no raw line break) or the next line is a
        // whole object of its own: then it is a JSON Lines file whose first line is cut short.
        Err(e) if e.is_eof() && line_end.is_some() => {
            let next = line_end.map_or(&[][..], |at| &rest[at + 1..]);
            if ends_in_string(line) || next_line_is_object(next) {
                Layout::JsonLines
            } else {
                Layout::JsonDoc
            }
        }
        // A first line longer than what was looked at: a container key seen so far decides.
        Err(e) if e.is_eof() => {
            if container_key_in(line) {
                Layout::JsonDoc
            } else {
                Layout::JsonLines
            }
        }
        // A broken first line: JSON Lines, where it is counted as malformed and the rest read.
        Err(_) => Layout::JsonLines,
    }
}

/// Whether JSON text `line` stops inside a string (an opening quote not closed).
fn ends_in_string(line: &[u8]) -> bool {
    let (mut inside, mut escaped) = (false, false);
    for &b in line {
        match (inside, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (_, false, b'"') => inside = !inside,
            _ => {}
        }
    }
    inside
}

/// Whether `text` starts with a whole line (ended by a line break) holding one JSON object.
fn next_line_is_object(text: &[u8]) -> bool {
    let Some(end) = memchr::memchr(b'\n', text) else {
        return false;
    };
    let line = text[..end].trim_ascii();
    line.starts_with(b"{") && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// Whether the (cut off) object text has a container key whose value opens an array: a textual
/// look, for a first line longer than what was looked at.
fn container_key_in(text: &[u8]) -> bool {
    CONTAINER_KEYS.iter().any(|k| {
        let quoted = format!("\"{k}\"");
        memchr::memmem::find_iter(text, quoted.as_bytes()).any(|i| {
            let after = text[i + quoted.len()..].trim_ascii_start();
            after
                .strip_prefix(b":")
                .is_some_and(|v| v.trim_ascii_start().starts_with(b"["))
        })
    })
}

/// The first line's object, read only for whether it holds a list of posts.
struct Top {
    container: bool,
}

impl<'de> serde::Deserialize<'de> for Top {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        let mut found = false;
        d.deserialize_any(TopVisitor { found: &mut found })?;
        Ok(Top { container: found })
    }
}

/// Walks a top-level value, noting a container key whose value is an array.
struct TopVisitor<'f> {
    found: &'f mut bool,
}

impl<'de> serde::de::Visitor<'de> for TopVisitor<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if CONTAINER_KEYS.contains(&key.as_ref()) {
                let is_array = map.next_value::<ArrayOrNot>()?.0;
                *self.found |= is_array;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Whether a value is an array (its elements skipped).
struct ArrayOrNot(bool);

impl<'de> serde::Deserialize<'de> for ArrayOrNot {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ArrayOrNot, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = ArrayOrNot;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<ArrayOrNot, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(ArrayOrNot(true))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<ArrayOrNot, A::Error> {
                while m
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(ArrayOrNot(false))
            }
            fn visit_bool<E>(self, _: bool) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
            fn visit_i64<E>(self, _: i64) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
            fn visit_u64<E>(self, _: u64) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
            fn visit_f64<E>(self, _: f64) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
            fn visit_str<E>(self, _: &str) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
            fn visit_unit<E>(self) -> Result<ArrayOrNot, E> {
                Ok(ArrayOrNot(false))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str, s: &str) -> Layout {
        layout_of(name, s.as_bytes())
    }

    #[test]
    fn content_tells_the_layouts_apart() {
        assert_eq!(
            of("-", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
            Layout::JsonLines
        );
        assert_eq!(
            of("dump.json", "{\n  \"text\": \"a\"\n}\n"),
            Layout::JsonDoc
        );
        assert_eq!(
            of("-", "[{\"text\":\"a\"},{\"text\":\"b\"}]"),
            Layout::JsonDoc
        );
        assert_eq!(of("-", "\u{feff}  [\n {}\n]"), Layout::JsonDoc);
        assert_eq!(
            of(
                "outbox.json",
                "{\"type\":\"OrderedCollection\",\"orderedItems\":[{\"a\":1}]}"
            ),
            Layout::JsonDoc
        );
        assert_eq!(
            of("-", "{\"text\":\"a\",\"items\":\"not a list\"}\n"),
            Layout::JsonLines
        );
        assert_eq!(
            of("tweets.txt", "window.YTD.tweets.part0 = [ {\n"),
            Layout::JsonDoc
        );
        assert_eq!(of("x", "var posts = [1]"), Layout::JsonDoc);
        assert_eq!(
            of("-", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Layout::Xml
        );
        assert_eq!(of("backup.jsonl", "  <blog>"), Layout::Xml);
        // A broken first line stays JSON Lines: it is counted, and the rest is read.
        assert_eq!(
            of("-", "{\"text\":oops}\n{\"text\":\"b\"}\n"),
            Layout::JsonLines
        );
    }

    #[test]
    fn the_first_line_tells_csv_when_nothing_else_does() {
        let csv = Layout::Csv { delimiter: b',' };
        assert_eq!(of("-", "date,author,text\n2009-02-24,kim,down\n"), csv);
        assert_eq!(
            of("-", "date\tauthor\ttext, with a comma\n"),
            Layout::Csv { delimiter: b'\t' }
        );
        assert_eq!(of("-", "\u{feff}\n  {\"a\":1}"), Layout::JsonLines);
        assert_eq!(of("-", "gmail is down\n"), Layout::JsonLines);
        // A name that says JSON Lines is believed over a comma.
        assert_eq!(of("posts.jsonl", "oops, not json\n"), Layout::JsonLines);
    }

    #[test]
    fn names() {
        let csv = Layout::Csv { delimiter: b',' };
        assert_eq!(by_name("a.csv.gz"), Some(csv));
        assert_eq!(by_name("a.csv.xz"), Some(csv));
        assert_eq!(by_name("A.TSV"), Some(Layout::Csv { delimiter: b'\t' }));
        assert_eq!(by_name("a.jsonl.zst"), Some(Layout::JsonLines));
        assert_eq!(by_name("feed.atom.bz2"), Some(Layout::Xml));
        assert_eq!(by_name("-"), None);
        assert_eq!(by_name("dump.txt"), None);
    }

    #[test]
    fn names_decide_csv_and_what_content_cannot() {
        let csv = Layout::Csv { delimiter: b',' };
        assert_eq!(of("a.csv.gz", "{\"a\":1}\n"), csv);
        assert_eq!(of("A.TSV", "x"), Layout::Csv { delimiter: b'\t' });
        assert_eq!(of("feed.rss", ""), Layout::Xml);
        assert_eq!(of("tweets.js", "   "), Layout::JsonDoc);
        assert_eq!(of("-", ""), Layout::JsonLines);
        assert_eq!(of("notes.txt", "gmail is down\n"), Layout::JsonLines);
    }

    #[test]
    fn a_long_first_line_is_judged_by_what_was_seen() {
        let mut s = String::from("{\"type\":\"OrderedCollection\",\"orderedItems\":[");
        s.push_str(&"{\"a\":1},".repeat(10));
        assert_eq!(by_content(s.as_bytes()), Some(Layout::JsonDoc));
        let mut s = String::from("{\"text\":\"");
        s.push_str(&"x".repeat(100));
        assert_eq!(by_content(s.as_bytes()), Some(Layout::JsonLines));
    }

    #[test]
    fn binary_and_foreign_encodings_are_told_apart_from_text() {
        // Text in every layout passes, a UTF-8 byte-order mark and Hangul included.
        for ok in [
            &b"{\"text\":\"gmail down\"}\n"[..],
            "\u{feff}date,text\n".as_bytes(),
            "지메일 안 돼요\n".as_bytes(),
            b"<?xml version=\"1.0\"?>\n",
            b"",
        ] {
            assert_eq!(not_text(ok), None, "{ok:?}");
        }
        let why = |b: &[u8]| not_text(b).unwrap_or_default();
        // An executable's header: a NUL at byte 7.
        assert!(why(b"\x7fELF\x02\x01\x01\x00\x00").contains("NUL byte at byte 7"));
        // A zip (an .xlsx too) and SQLite.
        assert!(why(b"PK\x03\x04\x14\x00").contains("NUL byte at byte 5"));
        assert!(why(b"SQLite format 3\x00").contains("NUL byte"));
        // A NUL after the first line is that later line's problem, not the input's.
        assert_eq!(not_text(b"{\"text\":\"a\"}\n\x00\x00\x00"), None);
        // UTF-16 with and without its byte-order mark.
        assert!(why(b"\xff\xfe{\x00\"\x00").starts_with("UTF-16 text"));
        assert!(why(b"{\x00\"\x00t\x00").contains("UTF-16"));
        // A PNG's first line, and CP949 Korean (no NUL, not UTF-8).
        assert!(why(b"\x89PNG\r\n").contains("0x89"));
        assert!(why(b"\xc1\xf6\xb8\xde\xc0\xcf,text\n").contains("CP949"));
    }

    #[test]
    fn a_json_lines_file_whose_first_line_is_cut_short_stays_json_lines() {
        // Cut inside a string: no pretty-printed document breaks a line there.
        let cut = "{\"created_at\":\"2009-02-24T09:00:00Z\",\"text\":\"gmail is do\n";
        assert_eq!(of("-", cut), Layout::JsonLines);
        // Cut between two fields, and the next line a whole post.
        let cut = "{\"created_at\":\"2009-02-24T09:00:00Z\",\n{\"text\":\"a\"}\n";
        assert_eq!(of("x.jsonl", cut), Layout::JsonLines);
        // A pretty-printed document is still one, escaped quotes and all.
        let doc = "{\"text\": \"say \\\"hi\\\"\",\n  \"user\": \"a\"\n}\n";
        assert_eq!(of("-", doc), Layout::JsonDoc);
        assert_eq!(of("-", "{\n  \"items\": [\n"), Layout::JsonDoc);
        // A first line that opens an object and stops: the second line is needed too.
        assert!(!enough(b"{\"a\":\n"));
        assert!(!enough(b"{\"a\":\n{\"text\":"));
        assert!(enough(b"{\"a\":\n{\"text\":\"x\"}\n"));
        assert!(enough(b"  {\"text\":\"x\"}\n"));
        assert!(enough(b"date,text\n"));
        assert!(ends_in_string(br#"{"a":"x\"y"#));
        assert!(!ends_in_string(br#"{"a":"x\\","b":1,"#));
    }
}
