//! The house rules of `src/`, checked on every test run so that a change that breaks them fails
//! CI: the arrows between files and folders go one way, down the stream, and every file says why
//! it exists.
//!
//! Edges are read from the text, as `../shared/tools/import_cycles.py` reads them: every
//! `use crate::…` and every `crate::…` path outside a file's `#[cfg(test)]` part, resolved to the
//! file that defines the longest matching module path. A folder's `mod.rs` may re-export its own
//! children (`pub use self::x::Y`); those lines are not `crate::` paths and are not edges.
//!
//! Three checks:
//! 1. No cycle among files (Tarjan's strongly connected components).
//! 2. No arrow from a stage to a later one: each top-level module has a rank in the order the data
//!    flows, and a file may only use modules of a lower rank, or its own.
//! 3. Every file opens with a `//!` line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in the order the data flows. A module may use only modules listed before it.
const ORDER: &[&str] = &[
    "terminal", "time", "input", "record", "lexicon", "window", "detect", "stream", "official",
    "report", "live", "eval", "cmd",
];

/// Modules a stage must never use even though they come earlier: `detect` sees window counts and
/// plain parameters, never posts, inputs or the lexicons' files.
const FORBIDDEN: &[(&str, &str)] = &[
    ("detect", "input"),
    ("detect", "record"),
    ("detect", "stream"),
    ("lexicon", "window"),
];

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `record/json.rs` → ["record", "json"]; `record/mod.rs` → ["record"]; `lib.rs` → [].
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text of a file without comments and without its `#[cfg(test)]` part.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b::…` path in the code, and every path inside `use crate::{a::b, c}`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = vec![];
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let start = from + i + "crate::".len();
        from = start;
        if start > 7 && (b[start - 8].is_ascii_alphanumeric() || b[start - 8] == b'_') {
            continue; // `outcry_crate::` or similar: not our crate
        }
        if code[start..].starts_with('{') {
            let end = start + code[start..].find(';').unwrap_or(code.len() - start);
            for item in split_top(&code[start + 1..end.saturating_sub(1).max(start + 1)]) {
                out.push(path_words(&item));
            }
        } else {
            out.push(path_words(&code[start..]));
        }
    }
    out
}

/// Splits `a::b, c::{d, e}, f` at the commas outside braces.
fn split_top(s: &str) -> Vec<String> {
    let (mut depth, mut cur, mut out) = (0, String::new(), vec![]);
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// The leading `a::b::c` words of a path.
fn path_words(s: &str) -> Vec<String> {
    let s = s.trim_start();
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(s.len());
    s[..end]
        .split("::")
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

struct Crate {
    /// File (relative to src/) → its module path.
    modules: BTreeMap<String, Vec<String>>,
    /// File → files it uses.
    edges: BTreeMap<String, BTreeSet<String>>,
    texts: BTreeMap<String, String>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    rs_files(&src, &mut files);
    let mut texts = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        texts.insert(rel, std::fs::read_to_string(&f).unwrap());
    }
    let modules: BTreeMap<String, Vec<String>> =
        texts.keys().map(|r| (r.clone(), module_of(r))).collect();
    let by_module: BTreeMap<&Vec<String>, &String> = modules.iter().map(|(f, m)| (m, f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in &texts {
        let set = edges.entry(rel.clone()).or_default();
        for path in crate_paths(&code_of(text)) {
            let target = (1..=path.len())
                .rev()
                .find_map(|n| by_module.get(&path[..n].to_vec()));
            if let Some(&t) = target {
                if t != rel {
                    set.insert(t.clone());
                }
            }
        }
    }
    Crate {
        modules,
        edges,
        texts,
    }
}

/// Strongly connected components with more than one file (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in &t.edges[v] {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = vec![];
            loop {
                let w = t.stack.pop().unwrap();
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: vec![],
        on: BTreeSet::new(),
        out: vec![],
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn no_import_cycle_between_files() {
    let c = read_crate();
    assert!(
        c.edges.len() > 20,
        "read too few files: {:?}",
        c.edges.keys()
    );
    let found = cycles(&c.edges);
    assert!(
        found.is_empty(),
        "import cycles among src/ files: {found:?}"
    );
}

#[test]
fn arrows_go_down_the_stream() {
    let c = read_crate();
    let rank = |m: &[String]| {
        m.first()
            .and_then(|top| ORDER.iter().position(|o| o == top))
    };
    let mut wrong = vec![];
    for (from, tos) in &c.edges {
        let fm = &c.modules[from];
        let Some(rf) = rank(fm) else { continue };
        for to in tos {
            let tm = &c.modules[to];
            let Some(rt) = rank(tm) else { continue };
            let forbidden = FORBIDDEN.contains(&(fm[0].as_str(), tm[0].as_str()));
            if rt > rf || forbidden {
                wrong.push(format!("{from} uses {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows against the stream: {wrong:#?}");
    // Every top-level module is placed in the order (a new folder must be given its place).
    let tops: BTreeSet<&str> = c
        .modules
        .values()
        .filter(|m| !m.is_empty())
        .map(|m| m[0].as_str())
        .collect();
    for t in tops {
        assert!(ORDER.contains(&t), "src/{t} has no place in ORDER");
    }
}

#[test]
fn the_clap_definitions_are_read_by_cmd_alone() {
    let c = read_crate();
    for (from, tos) in &c.edges {
        if c.modules[from].first().map(String::as_str) == Some("cmd") {
            continue;
        }
        for to in tos {
            assert!(
                c.modules[to].first().map(String::as_str) != Some("cmd"),
                "{from} uses {to}: only cmd/ may read the command line"
            );
        }
    }
    for (f, text) in &c.texts {
        if !f.starts_with("cmd/") && f != "main.rs" {
            assert!(!code_of(text).contains("clap::"), "{f} uses clap");
        }
    }
}

#[test]
fn every_file_says_why_it_exists() {
    let c = read_crate();
    for (f, text) in &c.texts {
        assert!(
            text.starts_with("//!"),
            "src/{f} does not open with a //! line"
        );
    }
}

#[test]
fn the_reader_finds_edges_and_cycles() {
    // The checks above pass vacuously if the reader finds nothing: it must see these.
    let code = "use crate::a::b::{C, d::E};\nfn f() { crate::x::y(); }\n// crate::z\n";
    let paths = crate_paths(&code_of(code));
    assert_eq!(
        paths,
        vec![
            vec!["a".to_string(), "b".into()],
            vec!["x".into(), "y".into()]
        ]
    );
    let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    e.insert("a".into(), ["b".to_string()].into());
    e.insert("b".into(), ["c".to_string()].into());
    e.insert("c".into(), ["a".to_string()].into());
    e.insert("d".into(), BTreeSet::new());
    assert_eq!(cycles(&e), vec![vec!["a", "b", "c"]]);
    let real = read_crate();
    assert!(
        real.edges["cmd/detect.rs"].contains("detect/mod.rs"),
        "{:?}",
        real.edges["cmd/detect.rs"]
    );
}

#[test]
fn the_readme_map_matches_the_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let map = readme
        .split("## Layout")
        .nth(1)
        .expect("the README has a Layout section");
    let rows: Vec<&str> = map
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    for r in &rows {
        assert!(
            root.join(r).exists(),
            "README's Layout names {r}, which is not there"
        );
    }
    // Every folder and every top-level file of src/ has its row.
    for e in std::fs::read_dir(root.join("src")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name == "lib.rs" {
            continue;
        }
        let p = if root.join("src").join(&name).is_dir() {
            format!("src/{name}/")
        } else {
            format!("src/{name}")
        };
        assert!(
            rows.contains(&p.as_str()),
            "README's Layout has no row for {p}"
        );
    }
}
