//! Where a post's time, text, author and kind are found: the field names of the common schemas,
//! or the path a user gives (`--time-field`), resolved once per run.

use super::json::key_index;

/// Where a field is looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldSpec {
    /// Try the usual names in order.
    Auto,
    /// Exactly this path of keys.
    Path(Vec<String>),
}

impl FieldSpec {
    /// Parses `a.b.c` or `/a/b/c` (JSON pointer, with `~1` = `/` and `~0` = `~`).
    pub fn parse(s: &str) -> Result<FieldSpec, String> {
        let segs: Vec<String> = if let Some(p) = s.strip_prefix('/') {
            p.split('/')
                .map(|x| x.replace("~1", "/").replace("~0", "~"))
                .collect()
        } else {
            s.split('.').map(str::to_string).collect()
        };
        if segs.iter().any(String::is_empty) {
            return Err(format!("invalid field path '{s}': use a dotted path (user.name) or a JSON pointer (/user/name)"));
        }
        Ok(FieldSpec::Path(segs))
    }
}

const AUTO_TIME: &[&[&str]] = &[
    &["created_at"],
    &["created_utc"],
    &["timestamp"],
    &["time"],
    &["date"],
    &["published"],
    &["createdAt"],
];
const AUTO_TEXT: &[&[&str]] = &[
    &["full_text"],
    &["text"],
    &["body"],
    &["content"],
    &["message"],
    &["excerpt"],
];
const AUTO_AUTHOR: &[&[&str]] = &[
    &["user", "screen_name"],
    &["author"],
    &["username"],
    &["account", "acct"],
    &["user"],
    &["attributedTo"],
];
const AUTO_KIND: &[&[&str]] = &[&["kind"], &["type"]];

/// The field names tried for each role, in order; also used to find CSV columns.
pub struct Candidates {
    pub(super) time: Vec<Vec<String>>,
    pub(super) text: Vec<Vec<String>>,
    pub(super) author: Vec<Vec<String>>,
    pub(super) kind: Vec<Vec<String>>,
    /// Reddit submissions: `title` (+ `selftext`) when no text field is present. Only in auto mode.
    pub(super) title_fallback: bool,
}

/// The paths of Reddit's `title` and `selftext`, built once.
pub(super) fn title_paths() -> [Vec<String>; 2] {
    [vec!["title".to_string()], vec!["selftext".to_string()]]
}

fn candidates(spec: &FieldSpec, auto: &[&[&str]]) -> Vec<Vec<String>> {
    match spec {
        FieldSpec::Auto => auto
            .iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect(),
        FieldSpec::Path(p) => vec![p.clone()],
    }
}

/// Field choices for all roles (from the CLI).
#[derive(Debug, Clone)]
pub struct FieldChoice {
    pub time: FieldSpec,
    pub text: FieldSpec,
    pub author: FieldSpec,
}

impl Default for FieldChoice {
    fn default() -> Self {
        FieldChoice {
            time: FieldSpec::Auto,
            text: FieldSpec::Auto,
            author: FieldSpec::Auto,
        }
    }
}

impl Candidates {
    pub fn new(choice: &FieldChoice) -> Candidates {
        Candidates {
            time: candidates(&choice.time, AUTO_TIME),
            text: candidates(&choice.text, AUTO_TEXT),
            author: candidates(&choice.author, AUTO_AUTHOR),
            kind: candidates(&FieldSpec::Auto, AUTO_KIND),
            title_fallback: choice.text == FieldSpec::Auto,
        }
    }
}

/// A candidate field, resolved once: the index of its first key among the kept top-level keys
/// (`usize::MAX`: not kept, never found), and the keys below it.
pub(super) struct KeyPath {
    pub(super) top: usize,
    pub(super) rest: Vec<String>,
    /// The field is an HTML `content` (Mastodon, blog exports): its text is stripped.
    pub(super) html: bool,
}

impl KeyPath {
    pub(super) fn new(path: &[String], top_keys: &[String]) -> KeyPath {
        KeyPath {
            top: key_index(top_keys, &path[0]).unwrap_or(usize::MAX),
            rest: path[1..].to_vec(),
            html: path.last().is_some_and(|k| k == "content"),
        }
    }

    pub(super) fn all(paths: &[Vec<String>], top_keys: &[String]) -> Vec<KeyPath> {
        paths.iter().map(|p| KeyPath::new(p, top_keys)).collect()
    }
}
