//! The texts of a bench corpus, as `outcry detect` finds them, one after another, and the
//! corpus's path from the command line: shared by the examples that read a corpus post by post
//! (`passes.rs`, `lengths.rs`), each including it with `#[path]`.

use std::io::{BufRead, BufReader};

use outcry::record::{CsvMapper, Decoded, FieldChoice, JsonExtractor};

/// The corpus named on the command line; without one, a usage line naming `tool` and exit 2.
pub fn path_arg(tool: &str) -> String {
    std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: {tool} FILE");
        std::process::exit(2);
    })
}

/// Calls `see` with the text of every record of `path`: JSON Lines, or CSV when the name ends
/// in `.csv`. Records that do not read are passed over; a file that cannot be opened panics
/// (these are development tools).
pub fn each_text(path: &str, mut see: impl FnMut(&str)) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if path.ends_with(".csv") {
        let mut r = csv::Reader::from_reader(file);
        let header: Vec<String> = r
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut map = CsvMapper::from_header(&header, &FieldChoice::default(), chrono_tz::Tz::UTC)
            .expect("a text column");
        let mut joined = String::new();
        for row in r.byte_records() {
            let row = row.expect("a CSV row");
            if let Ok(p) = map.extract(&row, b',', &mut joined) {
                see(&p.text);
            }
        }
    } else {
        let mut json = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Tz::UTC);
        let mut bufs = Decoded::default();
        for line in BufReader::new(file).lines() {
            let line = line.expect("a line");
            if let Ok(p) = json.extract_into(line.as_bytes(), &mut bufs) {
                see(&p.text);
            }
        }
    }
}
