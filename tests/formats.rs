//! Every report format over every input format: valid output, and no planted identifier
//! printed unmasked unless `--show-values` is given.

use crate::util::*;

const REPORT_FORMATS: [&str; 6] = ["human", "json", "jsonl", "sarif", "csv", "html"];
const INPUTS: [&str; 6] = [
    "planted.txt",
    "planted.md",
    "planted.html",
    "planted.json",
    "planted.ndjson",
    "planted.csv",
];

fn assert_no_leak(output: &str, context: &str) {
    for value in PLANTED {
        assert!(
            !output.contains(value),
            "{context}: {value:?} leaked:\n{output}"
        );
    }
}

#[test]
fn no_format_leaks_a_planted_identifier() {
    for input in INPUTS {
        let path = fixture(&format!("planted/{input}"));
        for format in REPORT_FORMATS {
            let run = phiscan(&["scan", "--no-config", "--format", format, &path]);
            run.assert_code(1);
            assert_no_leak(&run.stdout, &format!("{format} of {input}"));
            assert_no_leak(&run.stderr, &format!("stderr, {format} of {input}"));
        }
    }
}

#[test]
fn every_input_format_works_on_stdin_without_leaking() {
    let formats = [
        ("planted.txt", "text"),
        ("planted.md", "markdown"),
        ("planted.html", "html"),
        ("planted.json", "json"),
        ("planted.ndjson", "ndjson"),
        ("planted.csv", "csv"),
    ];
    for (input, format) in formats {
        let text = std::fs::read_to_string(fixture(&format!("planted/{input}"))).unwrap();
        for report in REPORT_FORMATS {
            let run = phiscan_stdin(
                &[
                    "scan",
                    "--no-config",
                    "--input-format",
                    format,
                    "--format",
                    report,
                    "-",
                ],
                &text,
            );
            run.assert_code(1);
            assert_no_leak(&run.stdout, &format!("{report} of {input} on stdin"));
        }
    }
}

#[test]
fn show_values_is_the_only_way_to_see_them() {
    for format in REPORT_FORMATS {
        let run = phiscan(&[
            "scan",
            "--no-config",
            "--show-values",
            "--format",
            format,
            &fixture("planted/planted.txt"),
        ]);
        run.assert_code(1);
        assert!(
            run.stdout.contains(PLANTED_SSN),
            "{format} with --show-values:\n{}",
            run.stdout
        );
    }
}

#[test]
fn report_file_does_not_leak_either() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.sarif");
    let out = out.to_string_lossy();
    phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "sarif",
        "-o",
        &out,
        &fixture("planted"),
    ])
    .assert_code(1);
    let written = std::fs::read_to_string(&*out).unwrap();
    assert!(written.contains("\"results\""));
    assert_no_leak(&written, "sarif file");
}

#[test]
fn every_format_is_valid_with_no_findings() {
    let clean = fixture("clean/tip.txt");
    for format in REPORT_FORMATS {
        let run = phiscan(&["scan", "--no-config", "--format", format, &clean]);
        run.assert_code(0);
        match format {
            "json" | "sarif" => {
                serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap();
            }
            "jsonl" => {
                let last: serde_json::Value =
                    serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
                assert_eq!(last["type"], "summary");
            }
            "csv" => assert!(run.stdout.starts_with("path,record,field,line,column")),
            _ => assert!(run.stdout.contains("1 file(s) scanned")),
        }
    }
}

#[test]
fn the_html_report_is_one_file_that_treats_posts_as_text() {
    let run = phiscan_stdin(
        &[
            "scan",
            "--no-config",
            "-f",
            "html",
            "--input-format",
            "text",
            "--text",
            "<script>x</script> Our patient Maria Gonzalez <img src=x onerror=alert(1)> was admitted.",
        ],
        "",
    );
    run.assert_code(1);
    let html = &run.stdout;
    assert!(html.starts_with("<!doctype html>") && html.trim_end().ends_with("</html>"));
    assert!(
        html.contains("&lt;script&gt;") && html.contains("&lt;img"),
        "{html}"
    );
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img") && !html.contains("<a ") && !html.contains("http"));
    assert!(html.contains("data-verdict=\"block\"") && html.contains("Findings by category"));
    assert_no_leak(html, "html");
}

#[test]
fn json_carries_locations_verdicts_and_summary() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        &fixture("planted/planted.ndjson"),
    ]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let docs = report["files"][0]["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["verdict"], "pass");
    assert_eq!(docs[1]["verdict"], "block");
    assert_eq!(
        docs[1]["record"], "line 2 (id 2)",
        "the record names the post id"
    );
    let ssn = docs[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["category"] == "SSN")
        .unwrap();
    assert_eq!(ssn["location"]["line"], 2);
    assert_eq!(ssn["location"]["field"], "/text");
    assert_eq!(ssn["value"], "***-**-8841");
    let line = std::fs::read_to_string(fixture("planted/planted.ndjson")).unwrap();
    let line2 = line.lines().nth(1).unwrap();
    let column = ssn["location"]["column"].as_u64().unwrap() as usize;
    assert_eq!(
        &line2[column - 1..column - 1 + PLANTED_SSN.len()],
        PLANTED_SSN
    );
    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["summary"]["verdicts"]["block"], 1);
}

#[test]
fn jsonl_is_one_object_per_line() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "jsonl",
        &fixture("planted/planted.csv"),
    ]);
    run.assert_code(1);
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 5);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l["type"] == "finding" && l["record"] == "row 3")
    );
    assert!(lines.iter().any(|l| l["location"]["field"] == "text"));
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "sarif",
        &fixture("planted/planted.md"),
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() > 30 && rules.iter().all(|r| r["help"]["text"].is_string() && r["shortDescription"]["text"].is_string()));
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let id = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert_eq!(result["level"], "error");
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(uri.ends_with("tests/fixtures/planted/planted.md"), "{uri}");
        assert_eq!(
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            3
        );
        assert!(result["partialFingerprints"]["primaryLocationLineHash"].is_string());
    }
}

fn fingerprints(path: &str) -> Vec<String> {
    let run = phiscan(&["scan", "--no-config", "-f", "json", path]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut prints: Vec<String> = report["files"][0]["documents"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}", f["fingerprint"]))
        .collect();
    prints.sort();
    prints
}

#[test]
fn fingerprints_survive_lines_moving_and_hold_no_value() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("planted/planted.txt")).unwrap();
    let a = dir.path().join("post.txt");
    std::fs::write(&a, &text).unwrap();
    let before = fingerprints(&a.to_string_lossy());
    std::fs::write(&a, format!("\n\nA new first paragraph.\n\n{text}")).unwrap();
    let after = fingerprints(&a.to_string_lossy());
    assert_eq!(before, after);
    assert!(!before.is_empty());
}

#[test]
fn output_is_the_same_with_one_or_two_threads() {
    let one = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        "-j",
        "1",
        "examples",
        "tests/fixtures/planted",
    ]);
    let two = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        "-j",
        "2",
        "examples",
        "tests/fixtures/planted",
    ]);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.code, 1);
}

#[test]
fn sarif_keeps_github_limit_and_says_what_was_cut() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("many.ndjson");
    let lines: String = (0..5100)
        .map(|i| {
            format!(
                "{{\"id\": {i}, \"text\": \"Call 617-555-{:04} now\"}}\n",
                i % 10000
            )
        })
        .collect();
    std::fs::write(&feed, lines).unwrap();
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "sarif",
        &feed.to_string_lossy(),
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 5000);
    let note =
        sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap();
    assert!(note.starts_with("100 results left out"), "{note}");
}
