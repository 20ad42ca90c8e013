//! Text from the input made safe to show on a terminal: a post or an author name is data, and
//! must not move the cursor, recolour the screen, set the window title (ESC, CSI and OSC
//! sequences, BEL), reorder what follows it (bidi overrides), or start a line of its own that
//! reads as part of the report (a newline in an author name). The human-readable outputs (the
//! text report, `explain`, warnings that quote input) show such characters escaped; JSON and CSV
//! escape them by their own rules.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as it is: C0 and C1 controls (with tab, newline and
/// carriage return), DEL, the bidi embedding, override and isolate controls and marks, and the
/// Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// `s` with every [unsafe](is_unsafe) character written as an escape: `\n`, `\r`, `\t`, and
/// `\u{1b}` for the others. Borrowed (no copy) when there is none.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_plain_text_is_borrowed() {
        assert!(matches!(
            escape("지메일 안 돼요, gmail down"),
            Cow::Borrowed(_)
        ));
        assert_eq!(escape("a\x1b[31mred\x07"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(escape("kim\nOUTAGE x"), "kim\\nOUTAGE x");
        assert_eq!(
            escape("\u{202e}txt.exe\u{2066}"),
            "\\u{202e}txt.exe\\u{2066}"
        );
        assert_eq!(escape("\u{9b}31m\u{7f}\r\t"), "\\u{9b}31m\\u{7f}\\r\\t");
    }
}
