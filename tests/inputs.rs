//! Inputs that are broken or odd: each gives a clear message naming the file and place, the
//! rest is still scanned, and the exit code says so.

use crate::util::*;

#[test]
fn a_bad_ndjson_line_is_reported_and_the_others_scanned() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        &fixture("broken/bad-line.ndjson"),
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("bad-line.ndjson:2:19: malformed JSON line"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let records = record_labels(&report);
    assert_eq!(records, vec!["line 1 (id 1)", "line 3 (id 3)"]);
    assert_eq!(report["summary"]["records_failed"], 1);
    assert_eq!(report["errors"][0]["line"], 2);
}

#[test]
fn malformed_json_points_at_line_and_column() {
    let run = phiscan(&["scan", "--no-config", &fixture("broken/malformed.json")]);
    run.assert_code(2);
    assert!(
        run.stderr.contains(
            "malformed.json:3:12: malformed JSON: unexpected character '}', expected a value"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unclosed_csv_quote_is_reported() {
    let run = phiscan(&["scan", "--no-config", &fixture("broken/unclosed.csv")]);
    assert!(run.code == 2 || run.code == 1, "{}", run.stderr);
    assert!(run.stdout.contains("row 2"), "{}", run.stdout);
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let run = phiscan(&["scan", "--no-config", &fixture("broken/invalid-utf8.txt")]);
    run.assert_code(1);
    assert!(
        run.stdout.contains("warning: invalid UTF-8 was replaced"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("***-**-8841"));
}

#[test]
fn binary_and_empty_files_are_counted_not_failed() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        &fixture("broken/image.bin"),
        &fixture("broken/empty.txt"),
    ]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("skipped: binary file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("1 file(s) scanned, 1 skipped, 0 failed"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_with_its_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Maria Gonzalez").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not apply, so there is nothing to test here.
        return;
    }
    let run = phiscan(&["scan", "--no-config", &dir.path().to_string_lossy()]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("locked.txt: cannot read file: permission denied"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_attributes_and_comments_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("post.html");
    std::fs::write(&page, "<p>Our garden party</p>\n<img alt=\"Rosa Delgado, 96 years young, in memory care\">\n<!-- MRN 48213377 -->\n").unwrap();
    let run = phiscan(&["scan", "--no-config", "-f", "json", &page.to_string_lossy()]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["files"][0]["documents"][0]["findings"]
        .as_array()
        .unwrap();
    let field = |category: &str| {
        findings
            .iter()
            .find(|f| f["category"] == category)
            .map(|f| f["location"]["field"].clone())
    };
    assert_eq!(field("AGE"), Some("@alt".into()));
    assert_eq!(field("MRN"), Some("html comment".into()));
    let mrn = findings.iter().find(|f| f["category"] == "MRN").unwrap();
    assert_eq!(
        (
            mrn["location"]["line"].as_u64(),
            mrn["location"]["column"].as_u64()
        ),
        (Some(3), Some(10))
    );
}

#[cfg(unix)]
#[test]
fn fifos_and_link_loops_are_reported_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::fs::write(
        dir.path().join("post.txt"),
        "Please pray for Maria Gonzalez, admitted today",
    )
    .unwrap();
    let run = phiscan(&["scan", "--no-config", &dir.path().to_string_lossy()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("pipe: not a regular file"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("loop: cannot walk"), "{}", run.stderr);
    assert!(
        run.stdout.contains("BLOCK"),
        "the other files are still scanned"
    );
}
