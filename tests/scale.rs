//! Big exports: read a window at a time (NDJSON by lines, JSON arrays and X archives by
//! elements), with exactly the findings, records, lines and columns of a whole read, and
//! reports handed on in parts. The files are made here, a little over the size from which
//! phiscan reads in windows (8 MiB), padded with a field that is not scanned so the test is quick.

use crate::util::{phiscan, phiscan_stdin};

/// A post's text: every 97th names a patient, the others are clean.
fn post_text(i: usize) -> String {
    if i.is_multiple_of(97) {
        format!("Please pray for Maria Gonzalez (post {i}), DOB 03/14/1951, MRN 48213377")
    } else {
        format!("Flu shots all week at the east entrance, post {i}")
    }
}

/// Not scanned (the platform's own field), so it costs reading but not detection.
fn padding() -> String {
    "x".repeat(2000)
}

/// `count` posts as an X archive (pretty-printed), a one-line JSON array, or NDJSON.
fn export(kind: &str, count: usize) -> String {
    let pad = padding();
    let posts: Vec<String> = (0..count)
        .map(|i| match kind {
            "tweets.js" => format!(
                "  {{\n    \"tweet\" : {{\n      \"id_str\" : \"{i}\",\n      \"source\" : \"{pad}\",\n      \"full_text\" : \"{}\"\n    }}\n  }}",
                post_text(i)
            ),
            _ => format!(
                "{{\"id\":\"{i}\",\"source\":\"{pad}\",\"text\":\"{}\"}}",
                post_text(i)
            ),
        })
        .collect();
    match kind {
        "tweets.js" => format!("window.YTD.tweets.part0 = [\n{}\n]", posts.join(",\n")),
        "array.json" => format!("[{}]", posts.join(",")),
        _ => posts.join("\n") + "\n",
    }
}

/// What must be the same however the file was read: each finding's place and value.
fn findings(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["type"] == "finding")
        .map(|v| {
            let l = &v["location"];
            format!(
                "{} {} {}:{} {} {}",
                v["record"], l["field"], l["line"], l["column"], v["rule_id"], v["value"]
            )
        })
        .collect()
}

#[test]
fn big_exports_are_read_in_windows_with_the_findings_of_a_whole_read() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, format) in [
        ("tweets.js", "twitter-js"),
        ("array.json", "json"),
        ("posts.ndjson", "ndjson"),
    ] {
        let text = export(kind, 4500);
        assert!(text.len() > 8 << 20, "{kind} is big enough to be windowed");
        let path = dir.path().join(kind);
        std::fs::write(&path, &text).unwrap();
        let windowed = phiscan(&["scan", "-f", "jsonl", path.to_str().unwrap()]);
        windowed.assert_code(1);
        let whole = phiscan_stdin(
            &["scan", "-f", "jsonl", "--input-format", format, "-"],
            &text,
        );
        whole.assert_code(1);
        let (windowed, whole) = (findings(&windowed.stdout), findings(&whole.stdout));
        // 47 patient posts, each with a name, a date of birth and an MRN.
        assert_eq!(windowed.len(), 47 * 3, "{kind}: {windowed:?}");
        assert_eq!(windowed, whole, "{kind}: windows and a whole read differ");
    }
}

#[test]
fn a_big_export_cut_short_reports_what_it_read_and_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let text = export("tweets.js", 4500);
    let cut = &text[..text.len() - 400];
    let path = dir.path().join("tweets.js");
    std::fs::write(&path, cut).unwrap();
    let run = phiscan(&["scan", "-f", "jsonl", path.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("does not close"),
        "the cut is named: {}",
        run.stderr
    );
    assert_eq!(findings(&run.stdout).len(), 47 * 3, "posts before the cut");
}

#[test]
fn a_big_export_is_one_file_in_the_whole_report_though_handed_on_in_parts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("posts.ndjson");
    std::fs::write(&path, export("posts.ndjson", 4500)).unwrap();
    let run = phiscan(&["scan", "-f", "json", path.to_str().unwrap()]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert_eq!(report["summary"]["files_scanned"], 1);
    assert_eq!(report["summary"]["documents"], 4500);
    assert_eq!(
        report["files"][0]["documents"].as_array().unwrap().len(),
        4500
    );
}
