//! The text of an HTML body (Mastodon `content`, blog exports): tags dropped, entities decoded.

/// The text of an HTML fragment (Mastodon `content`, blog exports) into `out` (cleared first,
/// reused from line to line): tags dropped, `<br>`, `<p>` and `<div>` as line breaks, and every
/// character reference decoded by `html_escape`: all the named ones of HTML (`&rsquo;`,
/// `&hellip;`, `&eacute;` …) and the numeric ones (`&#8217;`, `&#x2019;`). A reference that is
/// not one (`&copy` without `;`, `&bogus;`, `&#0;`) stays as written.
///
/// The marks are found with `memchr`, and a stretch between tags without an `&` (most of them)
/// is copied as it is, not handed to `html_escape` (whose byte loops, with `str::find`'s, were
/// half the cost of reading a trackback line: ~58 M instructions on a 10 MB slice).
pub fn strip_html_into(s: &str, out: &mut String) {
    out.clear();
    // Most bodies hold no reference at all: then no stretch is searched for one.
    let refs = memchr::memchr(b'&', s.as_bytes()).is_some();
    let mut rest: &str = s;
    while let Some(i) = memchr::memchr(b'<', rest.as_bytes()) {
        decode_into(&rest[..i], refs, out);
        rest = &rest[i..];
        match memchr::memchr(b'>', rest.as_bytes()) {
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
    }
    decode_into(rest, refs, out);
    let kept = out.trim_end().len();
    out.truncate(kept);
    let lead = out.len() - out.trim_start().len();
    out.drain(..lead);
}

/// Appends `s` to `out` with its character references decoded; every reference starts with
/// `&`, so a text without one is appended as it is (`refs`: whether the whole body has one).
fn decode_into(s: &str, refs: bool, out: &mut String) {
    if !refs || memchr::memchr(b'&', s.as_bytes()).is_none() {
        out.push_str(s);
    } else {
        html_escape::decode_html_entities_to_string(s, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::from("left over");
        strip_html_into(s, &mut out);
        out
    }

    #[test]
    fn every_named_and_numeric_reference_is_decoded() {
        assert_eq!(strip("gmail isn&rsquo;t down"), "gmail isn\u{2019}t down");
        assert_eq!(strip("gmail isn&#8217;t down"), "gmail isn\u{2019}t down");
        assert_eq!(strip("gmail isn&#x2019;t down"), "gmail isn\u{2019}t down");
        assert_eq!(
            strip("&ldquo;caf&eacute;&rdquo; &hellip; &mdash; &amp; &lt;b&gt; &quot;&apos;"),
            "\u{201C}caf\u{e9}\u{201D} \u{2026} \u{2014} & <b> \"'"
        );
        assert_eq!(strip("a&nbsp;b"), "a\u{a0}b");
        // Not references: left as written.
        assert_eq!(strip("AT&T &bogus; &#0; a & b"), "AT&T &bogus; &#0; a & b");
    }

    #[test]
    fn tags_go_and_blocks_break_lines() {
        assert_eq!(
            strip("<p>gmail &amp; docs are <b>down</b></p><p>again</p>"),
            "gmail & docs are down\nagain"
        );
        assert_eq!(strip("a <br/>b<div>c</div>"), "a \nb\nc");
        assert_eq!(strip("1 < 2 and &lt;3"), "1 < 2 and <3");
        // An entity split by a tag is not one.
        assert_eq!(strip("&rs<i></i>quo;"), "&rsquo;");
    }

    /// `strip_html_into` as it was: `str::find` for the marks, every stretch through
    /// `html_escape`.
    fn strip_as_before(s: &str) -> String {
        let mut out = String::new();
        let mut rest: &str = s;
        while let Some(i) = rest.find('<') {
            html_escape::decode_html_entities_to_string(&rest[..i], &mut out);
            rest = &rest[i..];
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
        }
        html_escape::decode_html_entities_to_string(rest, &mut out);
        out.trim().to_string()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn stretches_without_a_reference_copied_whole_give_the_same_text(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "<", ">", "<p>", "</p>", "<br/>", "<DIV class=x>", "</a>", "<b>", "&", "&amp;",
                "&amp", "&rsquo;", "&#8217;", "&#x2019;", "&#0;", "&bogus;", "&lt;", "&&",
                ";", "#", "x", "gmail is down", " ", "\n", "\t", "\u{a0}", "지메일", "é",
                "&nbsp;", "<img src=\"a.jpg\" />",
            ][..]), 0..24),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(strip(&text), strip_as_before(&text), "{:?}", text);
        }
    }
}
