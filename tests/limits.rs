//! Every limit on what one input may cost is reported when hit, the rest is still scanned, and
//! the limits can be changed in `.phiscan.toml`.

use crate::util::*;

/// A folder with a `.phiscan.toml` holding `limits` and the given files.
fn folder(limits: &str, files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".phiscan.toml"),
        format!("[limits]\n{limits}\n"),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn json_nested_a_hundred_thousand_deep_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let dir = folder(
        "",
        &[
            ("deep.json", deep),
            (
                "post.txt",
                "Pray for Maria Gonzalez, admitted today.".into(),
            ),
        ],
    );
    let run = phiscan_in(dir.path(), &["scan", "."]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("deep.json:1:514: malformed JSON: nesting deeper than 512 levels (limits.max_json_depth)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("BLOCK"),
        "the other file is still scanned"
    );
}

#[test]
fn file_and_record_limits_are_reported_and_the_rest_scanned() {
    let records = format!(
        "{{\"text\": \"Pray for Maria Gonzalez, admitted today.\"}}\n{{\"text\": \"{}\"}}\n",
        "flu shots today ".repeat(10)
    );
    let dir = folder(
        "max_file_bytes = 400\nmax_record_bytes = 100",
        &[("big.txt", "x".repeat(500)), ("posts.ndjson", records)],
    );
    let run = phiscan_in(dir.path(), &["scan", "."]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "big.txt: file of 500 bytes is over the 400-byte limit (limits.max_file_bytes)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("posts.ndjson:2:11: line 2 of 160 bytes is over the 100-byte limit (limits.max_record_bytes)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("BLOCK"),
        "line 1 is still scanned: {}",
        run.stdout
    );
}

#[test]
fn findings_beyond_the_limit_count_but_are_not_listed() {
    let dir = folder(
        "max_findings_per_document = 2",
        &[(
            "post.txt",
            "Patient Maria Gonzalez, SSN 536-22-8841, MRN 48213377, DOB 03/14/1951, admitted."
                .into(),
        )],
    );
    let run = phiscan_in(dir.path(), &["scan", "-f", "json", "post.txt"]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let doc = &report["files"][0]["documents"][0];
    assert_eq!(doc["findings"].as_array().unwrap().len(), 2);
    assert_eq!(doc["verdict"], "block");
    assert!(
        doc["reasons"]
            .to_string()
            .contains("2 more finding(s) not listed (limits.max_findings_per_document)"),
        "{doc}"
    );
}

#[test]
fn a_limit_beyond_what_is_safe_is_a_configuration_error() {
    let dir = folder("max_json_depth = 1000000", &[]);
    let run = phiscan_in(dir.path(), &["scan", "."]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains(".phiscan.toml:2:1: limits.max_json_depth can be at most 2048"),
        "{}",
        run.stderr
    );
    let dir = folder("max_file_size = 10", &[]);
    let run = phiscan_in(dir.path(), &["scan", "."]);
    run.assert_code(2);
    assert!(run.stderr.contains("max_file_size"), "{}", run.stderr);
}
