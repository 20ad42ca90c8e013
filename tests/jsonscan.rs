//! The fast JSON scan never accepts a line serde_json rejects, and when it answers, it finds the
//! same values serde_json finds (the last member of each wanted name, as serde_json's maps and jq
//! keep it). Checked on every line of
//! the fixtures, on hand-written edge cases, and on fixture lines mangled at random (proptest).
//! Decoding strings with escapes agrees with serde_json too (a lone surrogate half read as U+FFFD).

use std::io::Read;

use proptest::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use outcry::record::jsonscan::{top_members, top_members_found, Found, Keys};

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

const KEYS: &[&str] = &[
    "created_at",
    "text",
    "user",
    "time",
    "body",
    "id",
    "a",
    "b",
    "content",
    "title",
];

/// Every member of a JSON object, as serde_json reads it.
struct Members<'a>(Vec<(String, &'a RawValue)>);

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
                while let Some(k) = m.next_key::<String>()? {
                    v.push((k, m.next_value::<&'de RawValue>()?));
                }
                Ok(Members(v))
            }
        }
        d.deserialize_map(V)
    }
}

/// What serde_json says: `None` for a line it rejects, else the last value of each key (what a
/// `serde_json::Value` map keeps).
fn oracle(line: &str) -> Option<Vec<Option<String>>> {
    let m: Members = serde_json::from_str(line).ok()?;
    Some(
        KEYS.iter()
            .map(|k| {
                m.0.iter()
                    .rev()
                    .find(|(name, _)| name == k)
                    .map(|(_, v)| v.get().to_string())
            })
            .collect(),
    )
}

fn check(line: &str) {
    let keys: Vec<String> = KEYS.iter().map(|s| s.to_string()).collect();
    let keys = Keys::new(&keys);
    let mut out = [None; 32];
    let accepted = top_members(line, &keys, &mut out);
    check_plain(line, &keys, accepted, &out);
    if accepted {
        let got: Vec<Option<String>> = out[..KEYS.len()]
            .iter()
            .map(|v| v.map(str::to_string))
            .collect();
        match oracle(line) {
            None => panic!("the scan accepted what serde_json rejects: {line:?}"),
            Some(want) => assert_eq!(got, want, "{line:?}"),
        }
    }
}

/// `top_members_found` answers as `top_members` does, says a key is present exactly when it
/// put out its value (the reader looks up no other), and a value is a string without an escape
/// exactly when it is one (the reader then takes its content without looking for a backslash).
fn check_plain(line: &str, keys: &Keys, accepted: bool, out: &[Option<&str>; 32]) {
    let mut out2 = [None; 32];
    // Stale plain bits from an earlier line must not survive: start from all set.
    let mut found = Found {
        present: 0,
        plain: u32::MAX,
    };
    assert_eq!(
        top_members_found(line, keys, &mut out2, &mut found),
        accepted,
        "{line:?}"
    );
    if !accepted {
        return;
    }
    assert_eq!(&out2, out, "{line:?}");
    for (k, v) in out.iter().enumerate() {
        assert_eq!(
            found.present >> k & 1 == 1,
            v.is_some(),
            "{line:?}: key {k}"
        );
        let Some(v) = v else { continue };
        let want = v.starts_with('"') && !v.contains('\\');
        assert_eq!(found.plain >> k & 1 == 1, want, "{line:?}: {}", KEYS[k]);
    }
}

fn fixture_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut raw = String::new();
    flate2::read::MultiGzDecoder::new(
        std::fs::File::open(format!("{dir}/gmail-2009-02-24/tweets.jsonl.gz")).unwrap(),
    )
    .read_to_string(&mut raw)
    .unwrap();
    let z = zstd::decode_all(
        std::fs::File::open(format!("{dir}/gmail-2009-02-24/reddit.jsonl.zst")).unwrap(),
    )
    .unwrap();
    raw.push_str(&String::from_utf8(z).unwrap());
    raw.push_str(
        &std::fs::read_to_string(format!("{dir}/gmail-2009-02-24/blog-ko.jsonl")).unwrap(),
    );
    let broken = std::fs::read(format!("{dir}/broken/broken.jsonl")).unwrap();
    raw.push_str(&String::from_utf8_lossy(&broken));
    raw.lines().map(str::to_string).collect()
}

#[test]
fn agrees_with_serde_json_on_the_fixtures() {
    let lines = fixture_lines();
    let keys: Vec<String> = KEYS.iter().map(|s| s.to_string()).collect();
    let keys = Keys::new(&keys);
    let mut answered = 0;
    for l in &lines {
        check(l);
        let mut out = [None; 32];
        answered += usize::from(top_members(l, &keys, &mut out));
    }
    assert!(
        answered * 10 > lines.len() * 9,
        "the fast path answers most lines"
    );
}

#[test]
fn agrees_with_serde_json_on_edge_cases() {
    for l in [
        r#"{}"#,
        r#" { "a" : 1 , "b" : [ ] } "#,
        r#"{"a":1,}"#,
        r#"{"a":01}"#,
        r#"{"a":-0.5e+10,"b":-}"#,
        r#"{"a":1.}"#,
        r#"{"a":1e}"#,
        r#"{"a":.5}"#,
        r#"{"a":tru}"#,
        r#"{"a":nullx}"#,
        r#"{"a":"\u12"}"#,
        r#"{"a":"\uD800"}"#,
        r#"{"a":"\x"}"#,
        "{\"a\":\"tab\there\"}",
        r#"{"a":"x\\"}"#,
        r#"{"a":"x\"}"#,
        r#"{"a":1}{"#,
        r#"{"a":1} x"#,
        r#"{"a":[1,2,]}"#,
        r#"{"a":{"b":{"c":[{"d":null}]}}}"#,
        r#"{"a":1,"a":2}"#,
        r#"{"a":{"b":1,"b":2},"text":"x","a":[3],"text":"y"}"#,
        r#"{"\u0061":1,"a":2}"#,
        r#"{"text":"a\"b","text":"plain","a":"x","a":"y\\z","b":"\u0041","b":[1]}"#,
        r#"{"text":{"x":"y"},"id":"\/","id":7,"title":"","body":"\\"}"#,
        r#"{"text":"gmail \"down\"","user":{"screen_name":"kim"}}"#,
        r#"{"a":"0123456789abcdefg\"hi","b":true}"#,
        r#"{"a" 1}"#,
        r#"{a:1}"#,
        "{\"a\":1}\u{a0}",
    ] {
        check(l);
    }
    let deep = format!("{{\"a\":{}1{}}}", "[".repeat(200), "]".repeat(200));
    check(&deep);
}

/// Bytes that matter to JSON's grammar.
const INSERTS: &[&str] = &[
    "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "-", "e", ".", "u", "\u{1}", "t", "n",
    "\\u", "1", "x", "\"a\":",
];

/// The scan reads strings 16 and then 8 bytes at a time: whatever ends or breaks a string (its
/// closing quote, an escape, a raw control character, a bad escape) must be seen at every offset
/// within those blocks, and wherever the string ends in the line. Valid lines must be answered
/// by the scan itself (not left to serde_json), and `find_member` must find the member after.
#[test]
fn agrees_with_serde_json_wherever_a_string_breaks_off() {
    let keys: Vec<String> = KEYS.iter().map(|s| s.to_string()).collect();
    let keys = Keys::new(&keys);
    let specials = [
        "", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud55c", "\\x", "\\u12", "\u{1}", "\u{1f}", "\t",
        "\u{7f}", "한", "é",
    ];
    for lead in 0..40 {
        for tail in [0, 1, 7, 8, 9, 15, 16, 17, 33] {
            for sp in specials {
                for fill in ["a", "가"] {
                    let body = format!("{}{sp}{}", fill.repeat(lead), "b".repeat(tail));
                    // (line, whether its top-level keys are written without escapes)
                    for (line, plain_keys) in [
                        (format!("{{\"text\":\"{body}\",\"a\":1}}"), true),
                        (format!("{{\"a\":[\"{body}\"],\"text\":\"{body}\"}}"), true),
                        (
                            format!("{{\"{body}\":0,\"user\":{{\"x\":\"{body}\",\"b\":2}}}}"),
                            !body.contains('\\'),
                        ),
                    ] {
                        check(&line);
                        let mut out = [None; 32];
                        let valid = serde_json::from_str::<serde::de::IgnoredAny>(&line).is_ok();
                        let accepted = top_members(&line, &keys, &mut out);
                        if valid && plain_keys {
                            assert!(accepted, "the scan gave up on {line:?}");
                        }
                        if let (true, Some(user)) = (accepted, out[2]) {
                            assert_eq!(
                                outcry::record::jsonscan::find_member(user, "b"),
                                outcry::record::jsonscan::Member::Found("2"),
                                "{user:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn agrees_with_serde_json_on_mangled_lines(
        pick in any::<proptest::sample::Index>(),
        edits in proptest::collection::vec(
            (any::<proptest::sample::Index>(), 0u8..3, any::<proptest::sample::Index>()), 1..4)
    ) {
        static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let lines = LINES.get_or_init(fixture_lines);
        let mut line: Vec<char> = pick.get(lines).chars().collect();
        for (at, op, what) in &edits {
            if line.is_empty() {
                break;
            }
            let at = at.index(line.len());
            match op {
                0 => {
                    line.remove(at);
                }
                1 => {
                    for (k, c) in what.get(INSERTS).chars().enumerate() {
                        line.insert(at + k, c);
                    }
                }
                _ => line.truncate(at),
            }
        }
        let line: String = line.into_iter().collect();
        check(&line);
    }
}

/// Pieces of JSON string bodies: plain text in both scripts, every escape, surrogate pairs and
/// unpaired halves, and broken escapes.
const PIECES: &[&str] = &[
    "gmail",
    " ",
    "지메일",
    "장애",
    r"\n",
    r"\t",
    r"\r",
    r"\b",
    r"\f",
    r"\/",
    r#"\""#,
    r"\\",
    r"\u0041",
    r"\uc9c0",
    r"\uC9C0",
    r"\u00e9",
    r"\ud83d\ude00",
    r"\ud83d",
    r"\ude00",
    r"\u12",
    r"\x",
    "😀",
    "ok",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// Decoding a string with escapes into the reused buffer gives what serde_json gives, and
    /// refuses exactly what serde_json refuses, except that an unpaired surrogate escape is read
    /// as U+FFFD (a post whose text was cut inside a pair is kept).
    #[test]
    fn unescape_agrees_with_serde_json(
        picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..12)
    ) {
        let body: String = picks.iter().map(|i| *i.get(PIECES)).collect();
        let t = format!("\"{body}\"");
        let mut out = String::from("stale");
        let ours = outcry::record::jsonscan::unescape(&t, &mut out).then_some(out);
        let want = serde_json::from_str::<String>(&checks::mend_lone_halves(&t)).ok();
        prop_assert_eq!(ours, want, "{}", t);
    }
}

/// Any JSON value: nested containers, numbers, and strings with quotes, backslashes, control
/// characters and non-ASCII text (all escaped as serde_json writes them).
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        "[a-z\"\\\\/ {}\\[\\]:,\u{1}\t\n가-힣😀]{0,70}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{1,6}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Valid objects of every shape (nested, pretty or compact, strings with every escape,
    /// after some white space): the scan accepts them and finds what serde_json finds.
    #[test]
    fn accepts_valid_objects_of_every_shape(
        members in proptest::collection::vec(
            (proptest::sample::select(KEYS), json_value()), 0..8),
        lead in 0usize..70,
        pretty in any::<bool>(),
    ) {
        let obj = serde_json::Value::Object(
            members.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        let body = if pretty {
            serde_json::to_string_pretty(&obj).unwrap().replace('\n', "\t")
        } else {
            serde_json::to_string(&obj).unwrap()
        };
        let line = format!("{}{body}", " ".repeat(lead));
        check(&line);
        let keys: Vec<String> = KEYS.iter().map(|s| s.to_string()).collect();
        let mut out = [None; 32];
        prop_assert!(top_members(&line, &Keys::new(&keys), &mut out), "{}", line);
    }
}
