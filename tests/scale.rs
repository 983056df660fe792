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

/// The lines of a JSON Lines report by kind, each kind sorted, the summary as a value.
fn by_kind(jsonl: &str) -> (Vec<String>, Vec<String>, serde_json::Value) {
    let mut findings = Vec::new();
    let mut others = Vec::new();
    let mut summary = serde_json::Value::Null;
    for line in jsonl.lines() {
        // Through a value, so that key order does not matter.
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        match value["type"].as_str() {
            Some("finding") => findings.push(value.to_string()),
            Some("summary") => summary = value,
            _ => others.push(value.to_string()),
        }
    }
    findings.sort();
    others.sort();
    (findings, others, summary)
}

#[test]
fn shards_together_find_exactly_what_one_run_finds() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    for folder in ["drafts", "exports"] {
        let examples = crate::util::root().join("examples").join(folder);
        std::fs::create_dir(inputs.join(folder)).unwrap();
        for entry in std::fs::read_dir(examples).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, inputs.join(folder).join(path.file_name().unwrap())).unwrap();
        }
    }
    // A big export whose windows are shared out, and a broken file one shard reports.
    std::fs::write(inputs.join("big.ndjson"), export("posts.ndjson", 4500)).unwrap();
    std::fs::write(inputs.join("broken.json"), "{\"text\": \"Maria Gonzalez").unwrap();
    let inputs = inputs.to_str().unwrap();
    let whole = phiscan(&["scan", "-q", "-f", "jsonl", inputs]);
    whole.assert_code(2);
    for format in ["jsonl", "sarif"] {
        let mut reports = Vec::new();
        for shard in ["1/3", "2/3", "3/3"] {
            let report = dir.path().join(format!("shard-{}.{format}", &shard[..1]));
            phiscan(&[
                "scan",
                "-q",
                "-f",
                format,
                "--shard",
                shard,
                "-o",
                report.to_str().unwrap(),
                inputs,
            ]);
            reports.push(report.to_str().unwrap().to_string());
        }
        let mut args = vec!["merge"];
        args.extend(reports.iter().map(String::as_str));
        let merged = phiscan(&args);
        merged.assert_code(0);
        if format == "jsonl" {
            let (findings, others, summary) = by_kind(&merged.stdout);
            let (whole_findings, whole_others, whole_summary) = by_kind(&whole.stdout);
            assert!(findings.len() > 141, "the examples and the big export");
            assert_eq!(
                findings, whole_findings,
                "the same findings, fingerprints included"
            );
            assert_eq!(others, whole_others, "the same errors and skipped files");
            assert_eq!(summary, whole_summary, "the same counts");
        } else {
            let whole_sarif = phiscan(&["scan", "-q", "-f", "sarif", inputs]);
            let results = |text: &str| {
                let sarif: serde_json::Value = serde_json::from_str(text).unwrap();
                let mut results: Vec<String> = sarif["runs"][0]["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.to_string())
                    .collect();
                results.sort();
                results
            };
            assert_eq!(results(&merged.stdout), results(&whole_sarif.stdout));
        }
    }
}

#[test]
fn merging_refuses_what_it_cannot_join() {
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.jsonl");
    std::fs::write(&cut, "{\"type\":\"finding\",\"path\":\"a\"}\n").unwrap();
    let run = phiscan(&["merge", cut.to_str().unwrap()]);
    run.assert_code(2);
    assert!(run.stderr.contains("no summary line"), "{}", run.stderr);
    let run = phiscan(&["scan", "--shard", "4/3", "examples"]);
    run.assert_code(2);
    assert!(run.stderr.contains("1 <= I <= N"), "{}", run.stderr);
}

/// A plain-text file over 1 MiB is a dump of many posts: each paragraph is a post with its own
/// verdict and a record naming its lines, at the lines of the file.
#[test]
fn a_big_text_file_is_scanned_a_paragraph_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.txt");
    let clean = "Flu shots all week at the east entrance.\nBring your insurance card.\n\n";
    let count = (1 << 20) / clean.len() + 100;
    let mut text = clean.repeat(count / 2);
    let planted_line = text.lines().count() + 1;
    text.push_str("Please pray for Maria Gonzalez, admitted with pneumonia.\n\n");
    text.push_str(&clean.repeat(count / 2));
    std::fs::write(&path, &text).unwrap();
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "jsonl",
        &path.to_string_lossy(),
    ]);
    run.assert_code(1);
    let name = run
        .stdout
        .lines()
        .find(|l| l.contains("\"category\":\"NAME\""))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    let finding: serde_json::Value = serde_json::from_str(name).unwrap();
    assert_eq!(finding["location"]["line"], planted_line);
    assert_eq!(finding["verdict"], "block");
    assert_eq!(
        finding["record"],
        format!("lines {planted_line}-{planted_line}")
    );
    let summary: serde_json::Value =
        serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(summary["documents"], count / 2 * 2 + 1);
    assert_eq!(summary["verdicts"]["block"], 1);
}
