//! Blog backups and feeds in XML: WordPress exports (WXR), Tistory/Textcube backups (TTXML),
//! Atom feeds and Blogger exports, RSS 2.0 feeds (of posts or of comments). Every post, comment,
//! trackback and pingback is one record with its kind.
//!
//! Read in two steps so that one XML stream can be read on several threads: [`frame`] cuts the
//! stream after whole units (`item`, `entry`, `post`) into chunks, dropping TTXML's base64
//! attachment bodies on the way without holding them; [`units`] reads the records of a chunk
//! with quick-xml. The root element, read once from the first bytes, says which dialect the file
//! speaks ([`dialect`]).

use std::borrow::Cow;

use quick_xml::events::Event;

mod frame;
mod units;

pub use frame::{frame_units, FrameEnd, FrameSink};
pub use units::XmlReader;

/// Which kind of XML file an input is, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// WordPress eXtended RSS: `rss` with the `wp:` namespace; items with `wp:comment`s.
    Wxr,
    /// RSS 2.0 or 1.0: items; `comments` when the channel is a feed of comments ("Comments on:
    /// …", "Comments for …", as WordPress titles them).
    Rss { comments: bool },
    /// Atom (Blogger exports and feeds): entries; a comment is an entry with `thr:in-reply-to`
    /// or Blogger's comment kind.
    Atom,
    /// Tistory / Textcube / Tattertools backup: `blog` with `post`s holding `comment`s and
    /// `trackback`s.
    Ttxml,
}

impl Dialect {
    /// The elements a chunk is cut after: each holds whole records.
    pub fn units(self) -> &'static [&'static [u8]] {
        match self {
            Dialect::Wxr | Dialect::Rss { .. } => &[b"item"],
            Dialect::Atom => &[b"entry"],
            Dialect::Ttxml => &[b"post", b"notice", b"guestbook"],
        }
    }

    /// The start tags of the records a unit holds (its comments, trackbacks), for counting
    /// what a unit too long to keep loses.
    pub fn nested(self) -> &'static [&'static [u8]] {
        match self {
            Dialect::Wxr => &[b"<wp:comment>"],
            Dialect::Ttxml => &[b"<comment>", b"<trackback>"],
            Dialect::Rss { .. } | Dialect::Atom => &[],
        }
    }

    /// The element whose body is skipped while reading (TTXML's base64 `attachment`s).
    pub fn dropped(self) -> Option<&'static [u8]> {
        match self {
            Dialect::Ttxml => Some(b"attachment"),
            _ => None,
        }
    }

    /// The local names the root element may have: a whole file ends with its end tag, so a copy
    /// without it was cut short.
    pub fn roots(self) -> &'static [&'static [u8]] {
        match self {
            Dialect::Wxr | Dialect::Rss { .. } => &[b"rss", b"RDF"],
            Dialect::Atom => &[b"feed"],
            Dialect::Ttxml => &[b"blog"],
        }
    }

    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Wxr => "WordPress export (WXR)",
            Dialect::Rss { comments: false } => "RSS feed",
            Dialect::Rss { comments: true } => "RSS feed of comments",
            Dialect::Atom => "Atom feed",
            Dialect::Ttxml => "Tistory/Textcube backup (TTXML)",
        }
    }
}

/// The dialect of an XML input from its first bytes (the root element and, for RSS, the
/// channel's title), or why it cannot be read.
pub fn dialect(head: &[u8]) -> Result<Dialect, String> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    let mut r = quick_xml::Reader::from_str(valid);
    let mut rss = None;
    let mut in_title = false;
    let mut depth = 0usize;
    loop {
        let ev = match r.read_event() {
            Ok(ev) => ev,
            Err(e) => return rss.ok_or(format!("not well-formed XML at its start: {e}")),
        };
        match ev {
            Event::Decl(d) => {
                if let Some(Ok(enc)) = d.encoding() {
                    let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
                    if enc != "utf-8" && enc != "utf8" && enc != "us-ascii" {
                        return Err(format!(
                            "declares the encoding {enc}; only UTF-8 is read (convert it first, e.g. with iconv -f {enc} -t utf-8)"
                        ));
                    }
                }
            }
            Event::Start(e) | Event::Empty(e) if rss.is_none() && depth == 0 => {
                match of_root(&e)? {
                    d @ Dialect::Rss { .. } => rss = Some(d),
                    d => return Ok(d),
                }
                depth += 1;
            }
            Event::Start(e) => {
                depth += 1;
                // The channel's own title (depth 2: rss > channel > title) says whether the
                // feed is one of comments.
                if depth == 3 && e.name().as_ref() == b"title" {
                    in_title = true;
                }
                if e.name().as_ref() == b"item" {
                    return rss.ok_or_else(String::new);
                }
            }
            Event::Text(t) if in_title && !t.iter().all(u8::is_ascii_whitespace) => {
                return Ok(rss_of_title(&t))
            }
            Event::CData(t) if in_title => return Ok(rss_of_title(&t)),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                in_title = false;
            }
            Event::Eof => {
                return rss.ok_or_else(|| "no root element in its first bytes".to_string());
            }
            _ => {}
        }
    }
}

/// The dialect the root element `e` names (RSS's comments or not is told by its channel's
/// title, after it), or why it is none outcry reads.
fn of_root(e: &quick_xml::events::BytesStart<'_>) -> Result<Dialect, String> {
    let name = e.name();
    let local = e.local_name();
    if name.as_ref() != local.as_ref() && local.as_ref() != b"RDF" {
        // `<atom:feed>`: every element would need its prefix; the units are found by their
        // names as written (`<entry`), so none would be, with no word.
        return Err(format!(
            "its root element <{}> has a namespace prefix; outcry reads feeds and backups whose elements have none (a default xmlns, as `<feed xmlns=\"http://www.w3.org/2005/Atom\">`)",
            String::from_utf8_lossy(name.as_ref())
        ));
    }
    match local.as_ref() {
        b"rss" | b"RDF" => {
            let wp = e.attributes().flatten().any(|a| {
                a.key.as_ref().starts_with(b"xmlns")
                    && a.value.starts_with(b"http://wordpress.org/export/")
            });
            Ok(match wp {
                true => Dialect::Wxr,
                false => Dialect::Rss { comments: false },
            })
        }
        b"feed" => Ok(Dialect::Atom),
        b"blog" => Ok(Dialect::Ttxml),
        _ => Err(format!(
            "its root element <{}> is not a blog backup or feed (WordPress WXR, TTXML, Atom or RSS)",
            String::from_utf8_lossy(name.as_ref())
        )),
    }
}

/// An RSS feed, of comments when its channel's title says so ("Comments on: …").
fn rss_of_title(title: &[u8]) -> Dialect {
    let title = String::from_utf8_lossy(title);
    let title = title.trim_start();
    let comments = title.starts_with("Comments on")
        || title.starts_with("Comments for")
        || title.starts_with("댓글");
    Dialect::Rss { comments }
}

/// The general entities the document type declaration at the start of `head` declares
/// (`<!DOCTYPE rss [<!ENTITY g "gmail is down">]>`: `g`), which outcry does not expand: a
/// reference to one (`&g;`) is read as written, so a run says so (a billion-laughs file is not
/// expanded either).
pub fn declared_entities(head: &[u8]) -> Vec<String> {
    let Some(doctype) = memchr::memmem::find(head, b"<!DOCTYPE") else {
        return vec![];
    };
    let mut names = vec![];
    for at in memchr::memmem::find_iter(&head[doctype..], b"<!ENTITY") {
        let rest = head[doctype + at + 8..].trim_ascii_start();
        if rest.first() == Some(&b'%') {
            continue; // a parameter entity, used inside the DTD only
        }
        let end = rest
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let name = String::from_utf8_lossy(&rest[..end.min(64)]).into_owned();
        if !name.is_empty() && !names.contains(&name) && names.len() < 8 {
            names.push(name);
        }
    }
    names
}

/// Appends XML text (`raw`, as written) to `out` with its references decoded: the five XML
/// entities and character references; any other (`&nbsp;` in a feed that means HTML) and a
/// bare `&` are kept as written, for the HTML pass or as text.
fn unescape_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c == '<' || c.is_whitespace())
            .map(|e| e + 1);
        match end {
            Some(e) if rest.as_bytes()[e] == b';' && e > 1 => {
                out.push_str(&entity(&rest[1..e]));
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// An entity reference's text: the XML ones and character references decoded, any other kept
/// as written.
fn entity(name: &str) -> Cow<'static, str> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let num = name
                .strip_prefix('#')
                .and_then(|n| match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                });
            match num.and_then(char::from_u32).filter(|&c| c != '\0') {
                Some(c) => c,
                None => return Cow::Owned(format!("&{name};")),
            }
        }
    };
    Cow::Owned(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_names_the_dialect() {
        let wxr = r#"<?xml version="1.0" encoding="UTF-8" ?>
<!-- exported -->
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>"#;
        assert_eq!(dialect(wxr.as_bytes()), Ok(Dialect::Wxr));
        let rss = "<rss version=\"2.0\"><channel><title>Comments on: Gmail down</title><item>";
        assert_eq!(dialect(rss.as_bytes()), Ok(Dialect::Rss { comments: true }));
        let rss = "<rss version=\"2.0\"><channel><title>My blog</title><item>";
        assert_eq!(
            dialect(rss.as_bytes()),
            Ok(Dialect::Rss { comments: false })
        );
        let atom = "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>";
        assert_eq!(dialect(atom.as_bytes()), Ok(Dialect::Atom));
        assert_eq!(
            dialect("<blog type=\"tattertools/1.1\">".as_bytes()),
            Ok(Dialect::Ttxml)
        );
        assert!(dialect(b"<html><body>").unwrap_err().contains("<html>"));
        let euc = "<?xml version=\"1.0\" encoding=\"euc-kr\"?><blog>";
        assert!(dialect(euc.as_bytes()).unwrap_err().contains("euc-kr"));
    }

    /// A comments feed whose channel title is in CDATA is one (it was read as posts, the
    /// titles "By: …" taken into each text); a root with a prefix (`<atom:feed>`) is refused
    /// with why (its entries were none, with only "holds no lines"); RSS 1.0's `<rdf:RDF>` is
    /// read as ever.
    #[test]
    fn a_cdata_title_and_a_prefixed_root() {
        let rss = "<rss version=\"2.0\"><channel><title>\n<![CDATA[Comments on: Gmail down?]]></title><item>";
        assert_eq!(dialect(rss.as_bytes()), Ok(Dialect::Rss { comments: true }));
        let atom = "<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'><atom:entry>";
        assert!(dialect(atom.as_bytes())
            .unwrap_err()
            .contains("<atom:feed>"));
        let rdf = "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'><channel><title>b</title></channel><item>";
        assert_eq!(
            dialect(rdf.as_bytes()),
            Ok(Dialect::Rss { comments: false })
        );
    }

    #[test]
    fn text_is_unescaped() {
        let mut out = String::new();
        unescape_into(
            "AT&amp;T &lt;b&gt; &#xC9D0;&#8217; &nbsp; a & b &bogus",
            &mut out,
        );
        assert_eq!(out, "AT&T <b> \u{c9d0}\u{2019} &nbsp; a & b &bogus");
    }

    #[test]
    fn entities() {
        assert_eq!(entity("amp"), "&");
        assert_eq!(entity("#xC9D0"), "\u{c9d0}");
        assert_eq!(entity("#8217"), "\u{2019}");
        assert_eq!(entity("nbsp"), "&nbsp;");
        assert_eq!(entity("#0"), "&#0;");
    }
}
