//! The text of an HTML body (Mastodon `content`, blog exports): tags dropped, entities decoded.

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
