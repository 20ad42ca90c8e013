//! Finding one member of a JSON object that is already known to be valid, without parsing it
//! again: a byte scan that skips strings and nested values. Used for nested fields such as
//! `user.screen_name`, whose enclosing object serde_json has validated while reading the line;
//! the tweet's `user` object is much of a line, and parsing it twice cost a third of the JSON time.
//!
//! The scan answers only when it is sure: a key written with escapes, or anything unexpected,
//! gives `Unsure`, and the caller falls back to the full parser, so the result is always what
//! serde_json would give (the first member with that name).

/// The outcome of looking for a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Member<'a> {
    /// The first member with that name: its value's text, without surrounding white space.
    Found(&'a str),
    /// No member has that name.
    Absent,
    /// Could not tell cheaply; ask the parser.
    Unsure,
}

/// Looks for the first member named `key` at the top level of the valid JSON object `obj`.
pub fn find_member<'a>(obj: &'a str, key: &str) -> Member<'a> {
    find(obj.as_bytes(), key.as_bytes())
        .map(|r| match r {
            Some((a, b)) => match obj.get(a..b) {
                Some(v) => Member::Found(v),
                None => Member::Unsure,
            },
            None => Member::Absent,
        })
        .unwrap_or(Member::Unsure)
}

fn ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index just past the string that starts at `i` (a `"`).
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        let j = i + memchr::memchr2(b'"', b'\\', b.get(i..)?)?;
        if b[j] == b'"' {
            return Some(j + 1);
        }
        i = j + 2;
    }
}

/// The index just past the value that starts at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// `None`: unsure. `Some(None)`: absent. `Some(Some(span))`: found.
#[allow(clippy::option_option)]
fn find(b: &[u8], key: &[u8]) -> Option<Option<(usize, usize)>> {
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(b, i + 1);
    if b.get(i) == Some(&b'}') {
        return Some(None);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let end = string_end(b, i)?;
        let name = &b[i + 1..end - 1];
        if name.contains(&b'\\') {
            return None;
        }
        i = ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        let start = ws(b, i + 1);
        let stop = value_end(b, start)?;
        if name == key {
            return Some(Some((start, stop)));
        }
        i = ws(b, stop);
        match b.get(i) {
            Some(b',') => i = ws(b, i + 1),
            Some(b'}') => return Some(None),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_member_and_skips_nested_values() {
        let o = r#"{"id":5,"a":{"screen_name":"no"},"s":"x\"}{","l":[1,{"b":2}], "screen_name" : "kim" ,"screen_name":"lee"}"#;
        assert_eq!(find_member(o, "screen_name"), Member::Found("\"kim\""));
        assert_eq!(find_member(o, "id"), Member::Found("5"));
        assert_eq!(find_member(o, "l"), Member::Found("[1,{\"b\":2}]"));
        assert_eq!(find_member(o, "nope"), Member::Absent);
        assert_eq!(find_member("{}", "a"), Member::Absent);
        assert_eq!(find_member(r#"{"a":null}"#, "a"), Member::Found("null"));
        assert_eq!(find_member(r#"{"\u0061":1}"#, "a"), Member::Unsure);
        assert_eq!(find_member(r#"{"a":1"#, "b"), Member::Unsure);
        assert_eq!(find_member("[1]", "a"), Member::Unsure);
    }
}
