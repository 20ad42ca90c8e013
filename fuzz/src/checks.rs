//! What each fuzz target checks, on any bytes: the libFuzzer targets (`fuzz/fuzz_targets/`) and
//! the stable-toolchain smoke run (`tests/fuzz_smoke.rs`, in CI) call these same functions. Each
//! panics when a property fails; none may panic otherwise, whatever the input.
//!
//! * [`json_scan`]: the fast JSON scan never accepts a line serde_json rejects, and finds the same
//!   last value of each wanted key; decoding a string agrees with serde_json (an unpaired
//!   surrogate escape, which serde_json refuses, read as U+FFFD).
//! * [`record`]: reading a line as a record never panics, and gives the same verdict with a fresh
//!   reader as with one that read other lines first (no state carried from line to line). (A
//!   JSON post with an empty text is a record: it counts towards the chatter level.)
//! * [`time`]: reading a time never panics, gives the same verdict fresh or reused, and a time read
//!   in the years 1 to 9999 reads back from its RFC 3339 form as the same instant.
//! * [`csv_rows`]: CSV rows within limits never panic, stay within memory, and, when no row was cut,
//!   are the rows the csv crate reads.
//! * [`lexicon`]: a lexicon file loads or is refused with a line number, never panics, and what
//!   loads compiles into a matcher that classifies.

use std::io::Read;

use chrono_tz::Tz;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use outcry::input::{CsvRows, Row};
use outcry::lexicon::{Lexicon, Matcher, Scratch};
use outcry::record::jsonscan::{top_members, unescape, Keys};
use outcry::record::{FieldChoice, JsonExtractor};
use outcry::time::{rfc3339_utc, TimeParser};

/// The keys the JSON scan is asked for.
const KEYS: &[&str] = &[
    "created_at",
    "text",
    "user",
    "time",
    "body",
    "id",
    "a",
    "\u{e9}",
];

/// Every member of an object as serde_json reads it: keys as bytes (a key with an unpaired
/// surrogate escape is valid JSON), values raw.
struct Members<'a>(Vec<(Vec<u8>, &'a RawValue)>);

struct KeyBytes(Vec<u8>);

impl<'de> Deserialize<'de> for KeyBytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyBytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<KeyBytes, E> {
                Ok(KeyBytes(v.to_vec()))
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyBytes, E> {
                Ok(KeyBytes(v.as_bytes().to_vec()))
            }
        }
        d.deserialize_bytes(V)
    }
}

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
                let mut v = vec![];
                while let Some(k) = m.next_key::<KeyBytes>()? {
                    v.push((k.0, m.next_value::<&'de RawValue>()?));
                }
                Ok(Members(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// The fast JSON scan against serde_json.
pub fn json_scan(data: &[u8]) {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let names: Vec<String> = KEYS.iter().map(|s| s.to_string()).collect();
    let keys = Keys::new(&names);
    let mut out = [None; 32];
    if top_members(line, &keys, &mut out) {
        let Ok(m) = serde_json::from_str::<Members>(line) else {
            panic!("the scan accepted what serde_json rejects: {line:?}");
        };
        for (k, got) in KEYS.iter().zip(out) {
            let want = m.0.iter().rev().find(|(n, _)| n == k.as_bytes());
            assert_eq!(got, want.map(|(_, v)| v.get()), "{k} in {line:?}");
        }
    }
    // Any valid JSON string decodes as serde_json decodes it.
    if let Ok(raw) = serde_json::from_str::<&RawValue>(line) {
        let t = raw.get();
        if t.starts_with('"') {
            let mut buf = String::new();
            let ok = unescape(t, &mut buf);
            match serde_json::from_str::<String>(&mend_lone_halves(t)) {
                Ok(s) => assert!(ok && s == buf, "{t:?}: {buf:?} vs {s:?}"),
                Err(_) => assert!(!ok, "decoded what serde_json refuses: {t:?}"),
            }
        }
    }
}

/// The JSON string `t` with each unpaired surrogate escape written as `\ufffd`: what `unescape`
/// decodes it as, in a form serde_json reads (the oracle for a lone half, which serde_json
/// refuses). Works on the escaped text, apart from `unescape`'s own decoding.
pub fn mend_lone_halves(t: &str) -> String {
    let half = |s: &str, at: usize| -> Option<u32> {
        let h = s.get(at..at + 6)?.strip_prefix("\\u")?;
        let v = u32::from_str_radix(h, 16).ok()?;
        (0xD800..=0xDFFF).contains(&v).then_some(v)
    };
    let mut out = String::with_capacity(t.len());
    let mut i = 0;
    while let Some(j) = t[i..].find('\\').map(|k| i + k) {
        out.push_str(&t[i..j]);
        match half(t, j) {
            Some(0xD800..=0xDBFF) if half(t, j + 6).is_some_and(|lo| lo >= 0xDC00) => {
                out.push_str(&t[j..j + 12]);
                i = j + 12;
            }
            Some(_) => {
                out.push_str("\\ufffd");
                i = j + 6;
            }
            None => {
                // Any other escape is two characters as far as a lone half is concerned.
                let end =
                    (j + 1 + t[j + 1..].chars().next().map_or(0, char::len_utf8)).min(t.len());
                out.push_str(&t[j..end]);
                i = end;
            }
        }
    }
    out.push_str(&t[i..]);
    out
}

/// Lines of `data` as records: a fresh reader per line and one reused reader agree.
pub fn record(data: &[u8]) {
    let choice = FieldChoice::default();
    let mut reused = JsonExtractor::new(&choice, Tz::UTC);
    for line in data.split(|&b| b == b'\n') {
        let fresh = JsonExtractor::new(&choice, Tz::UTC).extract(line);
        let again = reused.extract(line);
        assert_eq!(fresh, again, "{:?}", String::from_utf8_lossy(line));
    }
}

/// Times: the same verdict fresh or reused, and RFC 3339 round trips.
pub fn time(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let mut reused = TimeParser::new(Tz::UTC);
    for part in s.split('\n') {
        let fresh = TimeParser::new(Tz::UTC).parse(part);
        assert_eq!(fresh, reused.parse(part), "{part:?}");
        // Years 1 to 9999: what RFC 3339 writes.
        if let Ok(t) = fresh {
            if (-62_135_596_800..253_402_300_800).contains(&t) {
                let text = rfc3339_utc(t);
                assert_eq!(
                    TimeParser::new(Tz::UTC).parse(&text),
                    Ok(t),
                    "{part:?} → {text}"
                );
            }
        }
    }
}

/// CSV rows within small limits, against the csv crate when nothing was cut.
pub fn csv_rows(data: &[u8]) {
    const MAX: usize = 256;
    let mut rows = CsvRows::new(data, b',', MAX);
    let mut row = csv::ByteRecord::new();
    let mut got: Vec<Vec<Vec<u8>>> = vec![];
    let mut cut = false;
    let mut last_line = 0;
    while let Some(r) = rows.next_row(&mut row) {
        let line = match r {
            Row::Record(n) => {
                assert!(row.as_slice().len() <= 2 * MAX + 2, "a row past the limit");
                got.push(row.iter().map(<[u8]>::to_vec).collect());
                n
            }
            Row::TooLong(n) | Row::Unterminated(n) | Row::Malformed(n) => {
                cut = true;
                n
            }
            Row::Broken(..) => unreachable!("a slice cannot fail"),
        };
        assert!(line > last_line || cut, "rows out of order");
        last_line = line;
    }
    if cut {
        return;
    }
    // Lines come without the `\r` of their `\r\n` (the csv crate leaves it in the field before
    // the `\n`; outcry's lines drop one `\r` before each line break, and at the end).
    let lines: Vec<&[u8]> = data
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    let data = lines.join(&b'\n');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(&data[..]);
    let mut want: Vec<Vec<Vec<u8>>> = vec![];
    let mut rec = csv::ByteRecord::new();
    while rdr.read_byte_record(&mut rec).unwrap_or(false) {
        want.push(rec.iter().map(<[u8]>::to_vec).collect());
    }
    // Rows of white space only are no rows to outcry.
    let blank = |f: &Vec<Vec<u8>>| f.iter().all(|f| f.iter().all(u8::is_ascii_whitespace));
    got.retain(|f| !blank(f));
    want.retain(|f| !blank(f));
    assert_eq!(got, want, "{:?}", String::from_utf8_lossy(&data));
}

/// A lexicon file: loads or is refused with a line in the file; what loads classifies.
pub fn lexicon(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lex = Lexicon::default();
    match lex.add_text("fuzz.lex", text) {
        Err(e) => assert!(e.line >= 1 && e.line <= text.lines().count().max(1), "{e}"),
        Ok(()) => {
            for (i, s) in lex.services.iter().enumerate() {
                let found = lex
                    .find_service(&s.id)
                    .expect("a service is found by its id");
                assert!(lex.services[found].id.eq_ignore_ascii_case(&s.id), "{i}");
            }
            let m = Matcher::new(lex, None);
            let mut s = Scratch::default();
            for probe in [text, "gmail is down", "지메일 접속이 안돼요"] {
                let _ = m.classify(probe, &mut s);
            }
        }
    }
}

/// Runs `check` on a file's bytes (for replaying a corpus or a crash by hand).
pub fn replay(check: fn(&[u8]), path: &std::path::Path) -> std::io::Result<()> {
    let mut data = vec![];
    std::fs::File::open(path)?.read_to_end(&mut data)?;
    check(&data);
    Ok(())
}

/// A check run on any bytes.
pub type Check = fn(&[u8]);

/// The targets by name, as the corpus folders and `fuzz_targets/` name them.
pub const TARGETS: &[(&str, Check)] = &[
    ("json_scan", json_scan),
    ("record", record),
    ("time", time),
    ("csv_rows", csv_rows),
    ("lexicon", lexicon),
];
