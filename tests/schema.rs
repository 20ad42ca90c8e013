//! The JSON report's schema (`schema/report.schema.json`, printed by `outcry schema`) holds for
//! real reports: on the bundled example, with an official timeline, with outliers, implied zones
//! and ambiguous dates, with --since/--until, and with nothing found. Every field a report has is
//! described there (the schema allows no other), and every field it describes is in the report.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const GMAIL: &str = "fixtures/gmail-2009-02-24";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("schema/report.schema.json")).unwrap();
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn fixture_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(GMAIL))
        .unwrap()
        .map(|e| format!("{GMAIL}/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

fn report(args: &[&str], files: &[String]) -> Value {
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .current_dir(root())
        .args(["detect", "--format", "json", "-q"])
        .args(args)
        .args(files)
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&o.stderr));
    })
}

fn assert_valid(v: &Value, what: &str) {
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn the_schema_is_a_valid_json_schema_and_outcry_prints_it() {
    assert!(jsonschema::meta::is_valid(&schema()));
    let o = Command::cargo_bin("outcry")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(o.status.success());
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, schema());
    assert_eq!(
        schema()["properties"]["schema_version"]["const"],
        outcry::report::SCHEMA_VERSION
    );
}

#[test]
fn real_reports_follow_the_schema() {
    let d = tempfile::tempdir().unwrap();
    let files = fixture_files();
    let seoul = ["--input-tz", "Asia/Seoul", "--tz", "Asia/Seoul,UTC"];
    let full = report(&seoul, &files);
    assert_eq!(full["schema_version"], 1);
    assert!(!full["incidents"].as_array().unwrap().is_empty());
    assert!(!full["incidents"][0]["quoted_times"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_valid(&full, "the Gmail example");

    // An official timeline, so that `official` is an object.
    let official = d.path().join("status.jsonl");
    std::fs::write(
        &official,
        "{\"created_at\":\"2009-02-24T10:05:00Z\",\"text\":\"We are investigating reports of Gmail errors\"}\n\
         {\"created_at\":\"2009-02-24T12:30:00Z\",\"text\":\"The Gmail issue has been resolved\"}\n",
    )
    .unwrap();
    let mut args = seoul.to_vec();
    let off = official.to_string_lossy().into_owned();
    args.extend(["--official", off.as_str()]);
    let with_official = report(&args, &files);
    assert!(with_official["incidents"][0]["official"].is_object());
    assert_valid(&with_official, "with --official");

    // Outliers, implied zones, ambiguous dates, --since/--until, an ongoing outage, a text
    // read only up to its first 256 KiB.
    let odd = d.path().join("odd.jsonl");
    std::fs::write(
        &odd,
        "{\"created_utc\":0,\"text\":\"gmail is down\"}\n\
         {\"date\":\"09/02/24 09:40\",\"text\":\"gmail is down\"}\n\
         {\"date\":\"2009년 2월 24일 오후 6:41\",\"text\":\"지메일 안 돼요\"}\n"
            .to_string()
            + &format!(
                "{{\"date\":\"2009-02-24 09:41\",\"text\":\"gmail is down {}\"}}\n",
                "x ".repeat(150_000)
            ),
    )
    .unwrap();
    let mut all = files.clone();
    all.push(odd.to_string_lossy().into_owned());
    let odd_report = report(&["--until", "2009-02-24T10:30:00Z"], &all);
    let s = &odd_report["stats"];
    assert!(
        s["outliers_by_reason"]["epoch_zero"].as_u64() == Some(1),
        "{s}"
    );
    assert!(
        s["outliers_by_reason"]["after_until"].as_u64() > Some(0),
        "{s}"
    );
    assert!(s["implied_zone"]["Asia/Seoul"].as_u64() > Some(0), "{s}");
    assert!(s["ambiguous_dates"].as_u64() > Some(0), "{s}");
    assert_eq!(s["texts_cut"].as_u64(), Some(1), "{s}");
    assert!(s["texts_cut_at"][0]
        .as_str()
        .unwrap()
        .ends_with("odd.jsonl:4"));
    assert!(odd_report["settings"]["input_tz"].is_null());
    assert!(odd_report["incidents"][0]["recovery"].is_null());
    assert_valid(&odd_report, "with outliers and --until");

    // Nothing found, no --tz.
    let quiet = report(
        &["--input-tz", "UTC"],
        &[format!("{GMAIL}/reddit.jsonl.zst")],
    );
    assert_valid(&quiet, "the Reddit dump alone");
}

#[test]
fn every_field_of_a_report_is_in_the_schema_and_no_other() {
    let full = report(
        &["--input-tz", "Asia/Seoul", "--tz", "Asia/Seoul"],
        &fixture_files(),
    );
    // A field the schema does not describe is refused: the schema cannot fall behind the code.
    let mut extra = full.clone();
    extra["stats"]["new_counter"] = 1.into();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    assert!(!validator.is_valid(&extra));
    let mut missing = full.clone();
    missing["incidents"][0]
        .as_object_mut()
        .unwrap()
        .remove("distinct_reports");
    assert!(!validator.is_valid(&missing));
    // Every property the schema names has a description somewhere up its path, so that the
    // schema is the documentation of each field.
    fn described(v: &Value, path: &str, parent: bool, out: &mut Vec<String>) {
        let Some(o) = v.as_object() else { return };
        let here = parent || o.contains_key("description") || o.contains_key("$ref");
        if let Some(props) = o.get("properties").and_then(Value::as_object) {
            for (k, p) in props {
                let has = p.get("description").is_some() || p.get("$ref").is_some();
                if !has && !k.ends_with("_local") && !here {
                    out.push(format!("{path}.{k}"));
                }
                described(p, &format!("{path}.{k}"), has, out);
            }
        }
        for key in ["items", "$defs", "anyOf"] {
            match o.get(key) {
                Some(Value::Object(m)) if key == "$defs" => {
                    for (k, d) in m {
                        described(d, &format!("{path}#{k}"), false, out);
                    }
                }
                Some(Value::Array(a)) => {
                    for d in a {
                        described(d, path, here, out);
                    }
                }
                Some(d) => described(d, path, here, out),
                None => {}
            }
        }
    }
    let mut undocumented = vec![];
    described(&schema(), "", false, &mut undocumented);
    assert!(undocumented.is_empty(), "{undocumented:?}");
}
