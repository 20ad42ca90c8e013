//! The README's examples are real: every fenced block that starts with `$ outcry …` is run
//! (through the shell, so globs expand) and its output must match the block exactly.

use std::process::Command;

/// (command, expected output) for each example block.
fn examples(readme: &str) -> Vec<(String, String)> {
    let mut out = vec![];
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```" && !line.starts_with("```") {
            continue;
        }
        let Some(first) = lines.next() else { break };
        let Some(cmd) = first.strip_prefix("$ outcry ") else {
            // Not an example: skip to the end of this block.
            for l in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
            }
            continue;
        };
        let mut expected = String::new();
        for l in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            expected.push_str(l);
            expected.push('\n');
        }
        out.push((cmd.to_string(), expected));
    }
    out
}

#[test]
fn readme_examples_print_what_the_readme_says() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let examples = examples(&readme);
    assert!(
        !examples.is_empty(),
        "the README shows at least one example"
    );
    for (cmd, expected) in examples {
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("\"$OUTCRY\" {cmd}"))
            .env("OUTCRY", env!("CARGO_BIN_EXE_outcry"))
            // The examples show what a pipe gets: 80 columns, no colour, whatever the shell set.
            .env_remove("COLUMNS")
            .env_remove("CLICOLOR_FORCE")
            .current_dir(root)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            got, expected,
            "README example `outcry {cmd}` is out of date"
        );
    }
}

/// The README's pictures are made by the commands it shows beside them: each of those lines
/// is in `docs/pictures.sh`, letter for letter.
#[test]
fn the_readme_pictures_are_made_by_the_commands_shown() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let script = std::fs::read_to_string(format!("{root}/docs/pictures.sh")).unwrap();
    let start = readme
        .find("The two pictures below are made by the same command")
        .expect("the pictures' paragraph");
    let end = start + readme[start..].find("![").expect("the pictures");
    let commands: Vec<&str> = readme[start..end]
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .collect();
    assert_eq!(commands.len(), 2, "{commands:#?}");
    for c in commands {
        assert!(script.contains(c), "docs/pictures.sh does not run `{c}`");
    }
    for png in ["docs/terminal-timeline.png", "docs/html-report.png"] {
        assert!(readme.contains(&format!("]({png})")), "{png}");
        assert!(std::path::Path::new(root).join(png).is_file(), "{png}");
    }
}
