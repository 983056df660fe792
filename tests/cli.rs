//! The command line as users meet it: the README's main job, exit codes, configuration,
//! suppressions, rules commands and eval.

use crate::util::*;

#[test]
fn examples_exit_1_with_verdicts() {
    let run = phiscan(&["scan", "examples/"]);
    run.assert_code(1);
    assert!(run.stdout.contains("BLOCK"), "{}", run.stdout);
    assert!(run.stdout.contains("examples/drafts/patient-shoutout.md"));
    assert!(run.stdout.contains("post(s):"));
    assert!(!run.stdout.contains("\x1b["), "no colour when piped");
}

#[test]
fn clean_posts_exit_0() {
    phiscan(&["scan", "--no-config", &fixture("clean/tip.txt")]).assert_code(0);
    // The event post names only the hospital's own address, phone and site, allowlisted in the
    // repository's .phiscan.toml, and an event date.
    let run = phiscan(&[
        "scan",
        "examples/drafts/event-flu-clinic.md",
        "examples/drafts/health-tip.html",
    ]);
    run.assert_code(0);
    assert!(run.stdout.contains("suppressed"));
}

#[test]
fn a_missing_path_exits_2_and_the_rest_is_still_scanned() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "no/such/file.txt",
        &fixture("planted/planted.txt"),
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("phiscan: no/such/file.txt: cannot scan: no such file or directory"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("BLOCK"));
    assert!(run.stdout.contains("1 failed"));
}

#[test]
fn fail_on_levels() {
    let path = fixture("planted/planted.txt");
    phiscan(&["scan", "--no-config", "--fail-on", "never", &path]).assert_code(0);
    phiscan(&["scan", "--no-config", "--fail-on", "block", &path]).assert_code(1);
    let review_only = phiscan(&[
        "scan",
        "--no-config",
        "--fail-on",
        "block",
        "--text",
        "Thanks to Maria Gonzalez for the flowers!",
    ]);
    review_only.assert_code(0);
    assert!(review_only.stdout.contains("REVIEW"));
    phiscan(&[
        "scan",
        "--no-config",
        "--text",
        "Thanks to Maria Gonzalez for the flowers!",
    ])
    .assert_code(1);
    phiscan(&["scan", "--no-config", "--fail-on", "sometimes", &path]).assert_code(2);
}

#[test]
fn text_and_stdin_drafts() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "--text",
        "Happy 96th birthday to our resident Rosa Delgado!",
    ]);
    run.assert_code(1);
    assert!(
        run.stdout.contains("<text>")
            && run.stdout.contains("BLOCK")
            && run.stdout.contains("R*** D******")
    );
    let input = std::fs::read_to_string(fixture("planted/planted.ndjson")).unwrap();
    let run = phiscan_stdin(&["scan", "--no-config", "-f", "json", "-"], &input);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["files"][0]["path"], "<stdin>");
    assert_eq!(report["files"][0]["format"], "ndjson");
    let run = phiscan_stdin(
        &["scan", "--no-config", "--input-format", "csv", "-"],
        "id,text\n1,Get well Maria Gonzalez after surgery\n",
    );
    run.assert_code(1);
    assert!(run.stdout.contains("<stdin> (row 2)"), "{}", run.stdout);
}

#[test]
fn folders_skip_hidden_entries_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts/old")).unwrap();
    let post = "Please pray for Maria Gonzalez, admitted with pneumonia.";
    std::fs::write(dir.path().join(".git/post.txt"), post).unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), post).unwrap();
    std::fs::write(dir.path().join("drafts/old/post.txt"), post).unwrap();
    std::fs::write(dir.path().join("drafts/post.md"), post).unwrap();
    let run = phiscan_in(
        dir.path(),
        &[
            "scan",
            "--no-config",
            "--exclude",
            "drafts/old",
            "-f",
            "json",
            ".",
        ],
    );
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let paths = report_paths(&report);
    assert_eq!(paths, ["./drafts/post.md"]);
}

#[test]
fn configuration_is_discovered_and_allowlists() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("posts");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        sub.join("event.txt"),
        "Questions? Call (617) 555-0142 or write to info@mercy.example.org.",
    )
    .unwrap();
    phiscan_in(&sub, &["scan", "event.txt"]).assert_code(1);
    std::fs::write(
        dir.path().join(".phiscan.toml"),
        "[allowlist]\nstrings = [\"617-555-0142\"]\nregexes = ['''(?i)[a-z]+@mercy\\.example\\.org''']\n",
    )
    .unwrap();
    let run = phiscan_in(&sub, &["scan", "event.txt"]);
    run.assert_code(0);
    assert!(run.stdout.contains("2 suppressed"), "{}", run.stdout);
    phiscan_in(&sub, &["scan", "--no-config", "event.txt"]).assert_code(1);
}

#[test]
fn bad_configuration_points_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".phiscan.toml"),
        "fail_on = \"review\"\nfial_on = \"block\"\n",
    )
    .unwrap();
    let run = phiscan_in(dir.path(), &["scan", "--text", "hello"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains(".phiscan.toml:2:1: unknown field `fial_on`"),
        "{}",
        run.stderr
    );
}

#[test]
fn inline_markers_suppress_and_audits_ignore_them() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(
        &post,
        "Call our front desk at (617) 555-0142 <!-- phiscan:allow(phone.nanp) -->\n",
    )
    .unwrap();
    let post = post.to_string_lossy();
    let run = phiscan(&["scan", "--no-config", &post]);
    run.assert_code(0);
    assert!(run.stdout.contains("1 suppressed"));
    phiscan(&["scan", "--no-config", "--ignore-inline-allow", &post]).assert_code(1);
}

#[test]
fn init_writes_a_starter_config_once() {
    let dir = tempfile::tempdir().unwrap();
    phiscan_in(dir.path(), &["init"]).assert_code(0);
    assert!(dir.path().join(".phiscan.toml").exists());
    phiscan_in(dir.path(), &["init"]).assert_code(2);
    phiscan_in(dir.path(), &["scan", "--text", "Flu shots today"]).assert_code(0);
}

#[test]
fn user_rules_add_detections_and_broken_rules_exit_2() {
    let text = "Patient wristband WB-204518 found in the lobby";
    let run = phiscan(&[
        "scan",
        "--no-config",
        "--rules",
        &fixture("rules/badge.toml"),
        "--text",
        text,
    ]);
    run.assert_code(1);
    assert!(run.stdout.contains("org.wristband"));
    let run = phiscan(&[
        "scan",
        "--no-config",
        "--rules",
        &fixture("rules/broken.toml"),
        "--text",
        text,
    ]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("broken.toml:5:11: rule \"org.staff_id\": invalid pattern"),
        "{}",
        run.stderr
    );
}

#[test]
fn rules_commands() {
    let list = phiscan(&["rules", "list", "--no-config"]);
    list.assert_code(0);
    assert!(list.stdout.contains("ssn.formatted") && list.stdout.contains("mrn.labeled"));
    let show = phiscan(&["rules", "show", "mrn.labeled", "--no-config"]);
    show.assert_code(0);
    assert!(show.stdout.contains("keywords:") && show.stdout.contains("flagged:"));
    phiscan(&["rules", "show", "no.such", "--no-config"]).assert_code(2);
    let explain = phiscan(&["explain", "mrn.labeled", "--no-config"]);
    explain.assert_code(0);
    assert_eq!(explain.stdout, show.stdout);
    let test = phiscan(&["rules", "test"]);
    test.assert_code(0);
    assert!(test.stdout.contains(" passed, 0 failed"), "{}", test.stdout);
    let test = phiscan(&["rules", "test", &fixture("rules/badge.toml")]);
    test.assert_code(0);
    phiscan(&["rules", "validate", &fixture("rules/badge.toml")]).assert_code(0);
    let bad = phiscan(&["rules", "validate", &fixture("rules/broken.toml")]);
    bad.assert_code(2);
    assert!(bad.stderr.contains("broken.toml:5:11"));
}

/// A corpus record of a patient named beside an admission date, in the shared format.
const PATIENT_RECORD: &str = r#"{"id": "a", "text": "Pray for Maria Gonzalez, admitted 03/14/2024.", "spans": [{"start": 9, "end": 23, "label": "NAME"}, {"start": 34, "end": 44, "label": "DATE"}], "phi": true}"#;

#[test]
fn eval_writes_a_prediction_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(
        &corpus,
        format!(
            "{PATIENT_RECORD}\n{}\n",
            r#"{"id": "b", "text": "Flu shots in 2024.", "spans": [], "phi": false}"#
        ),
    )
    .unwrap();
    let predictions = dir.path().join("p.jsonl");
    let run = phiscan(&[
        "eval",
        "--no-config",
        &corpus.to_string_lossy(),
        "--predictions",
        &predictions.to_string_lossy(),
    ]);
    run.assert_code(0);
    assert!(run.stdout.contains("verdict (block = PHI)"));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&predictions)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["phi"], true);
    assert_eq!(lines[1]["verdict"], "pass");
    assert_eq!(lines[0]["spans"][0]["label"], "NAME");
}

#[test]
fn eval_can_make_up_every_name() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, PATIENT_RECORD).unwrap();
    let predictions = dir.path().join("p.jsonl");
    // The flag without a seed must not swallow the corpus path that follows it.
    let run = phiscan(&[
        "eval",
        "--no-config",
        "--unlisted-names",
        &corpus.to_string_lossy(),
        "--predictions",
        &predictions.to_string_lossy(),
    ]);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("names replaced by made-up ones (seed 1)")
    );
    let line: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&predictions).unwrap()).unwrap();
    let text = line["text"].as_str().unwrap();
    assert!(text.starts_with("Pray for ") && text.ends_with(", admitted 03/14/2024."));
    assert!(
        !text.contains("Maria") && !text.contains("Gonzalez"),
        "{text}"
    );
    assert_eq!(line["verdict"], "block", "{line}");
}

#[test]
fn help_documents_exit_codes() {
    let run = phiscan(&["scan", "--help"]);
    run.assert_code(0);
    assert!(run.stdout.contains("Exit codes: 0"));
    phiscan(&["scan", "--no-such-flag"]).assert_code(2);
}

#[test]
fn redact_writes_a_safe_harbor_copy_that_keeps_the_structure() {
    let dir = tempfile::tempdir().unwrap();
    for input in [
        "planted.txt",
        "planted.json",
        "planted.ndjson",
        "planted.csv",
        "planted.html",
    ] {
        let out = dir.path().join(format!("redacted-{input}"));
        let run = phiscan(&[
            "redact",
            "--no-config",
            &fixture(&format!("planted/{input}")),
            "-o",
            &out.to_string_lossy(),
        ]);
        run.assert_code(0);
        let copy = std::fs::read_to_string(&out).unwrap();
        for value in PLANTED {
            assert!(!copy.contains(value), "{input}: {value} left in\n{copy}");
        }
        assert!(
            copy.contains("[NAME]") && copy.contains("1951"),
            "{input}: {copy}"
        );
        // Scanned again, the copy holds nothing left to redact.
        let rescan = phiscan(&["scan", "--no-config", "-f", "jsonl", &out.to_string_lossy()]);
        rescan.assert_code(0);
        assert!(
            !rescan.stdout.contains("\"type\":\"finding\""),
            "{input}: {}",
            rescan.stdout
        );
        match input {
            "planted.json" => drop(serde_json::from_str::<serde_json::Value>(&copy).unwrap()),
            "planted.ndjson" => copy
                .lines()
                .for_each(|l| drop(serde_json::from_str::<serde_json::Value>(l).unwrap())),
            "planted.csv" => assert_eq!(copy.lines().count(), 3),
            _ => {}
        }
    }
    let dry = phiscan(&[
        "redact",
        "--no-config",
        "--dry-run",
        &fixture("planted/planted.txt"),
    ]);
    dry.assert_code(0);
    assert!(dry.stdout.contains("-> [NAME]") && dry.stdout.contains("nothing written"));
    for value in PLANTED {
        assert!(!dry.stdout.contains(value), "dry run leaked {value}");
    }
    let run = phiscan_stdin(
        &["redact", "--no-config", "-"],
        "Happy 96th birthday to our resident Rosa Delgado!",
    );
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "Happy 90 or older birthday to our resident [NAME]!"
    );
    phiscan(&[
        "redact",
        "--no-config",
        &fixture("exports/docx/synthetic/spotlight_draft.docx"),
    ])
    .assert_code(2);
}

#[test]
fn baselines_fail_only_on_new_findings_and_hold_no_values() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.txt");
    let text = std::fs::read_to_string(fixture("planted/planted.txt")).unwrap();
    std::fs::write(&post, &text).unwrap();
    let baseline = dir.path().join("phiscan-baseline.json");
    let with_key = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_phiscan"))
            .args(args)
            .current_dir(dir.path())
            .env("PHISCAN_BASELINE_KEY", "test-key")
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let (code, _) = with_key(&[
        "baseline",
        "create",
        "--no-config",
        "post.txt",
        "-o",
        "phiscan-baseline.json",
    ]);
    assert_eq!(code, 0);
    let saved = std::fs::read_to_string(&baseline).unwrap();
    for value in PLANTED {
        assert!(!saved.contains(value), "baseline holds {value}");
    }
    assert!(saved.contains("\"keyed\": true"));
    // Lines moved by ten: still known.
    let moved = format!("{}{text}", "A new line of introduction.\n".repeat(10));
    std::fs::write(&post, &moved).unwrap();
    let (code, out) = with_key(&[
        "scan",
        "--no-config",
        "--baseline",
        "phiscan-baseline.json",
        "post.txt",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("recorded in the baseline"));
    // Moved, plus one new identifier: only the new one counts, and it fails the scan.
    std::fs::write(
        &post,
        format!("{moved}\nAlso pray for Walter Pruitt, admitted today.\n"),
    )
    .unwrap();
    let (code, out) = with_key(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        "--baseline",
        "phiscan-baseline.json",
        "post.txt",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings: Vec<&serde_json::Value> = report["files"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["findings"].as_array().unwrap())
        .collect();
    let new: Vec<&str> = findings
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert_eq!(new, vec!["W***** P*****"], "{out}");
    assert!(findings.len() > 1);
    // A keyed baseline without the key is an error, not a silent mismatch.
    let run = phiscan_in(
        dir.path(),
        &[
            "scan",
            "--no-config",
            "--baseline",
            "phiscan-baseline.json",
            "post.txt",
        ],
    );
    run.assert_code(2);
    assert!(run.stderr.contains("PHISCAN_BASELINE_KEY"));
}

#[test]
fn staged_scans_only_added_lines_with_their_real_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(["-c", "user.email=t@example.org", "-c", "user.name=t"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    std::fs::write(
        dir.path().join("post.md"),
        "Old post about Maria Gonzalez, admitted.\nFlu tips.\n",
    )
    .unwrap();
    git(&["add", "post.md"]);
    git(&["commit", "-q", "-m", "first"]);
    std::fs::write(dir.path().join("post.md"), "Old post about Maria Gonzalez, admitted.\nFlu tips.\nPlease pray for Walter Pruitt, admitted with pneumonia.\n").unwrap();
    git(&["add", "post.md"]);
    let run = phiscan_in(
        dir.path(),
        &["scan", "--no-config", "--staged", "-f", "json"],
    );
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["files"][0]["documents"][0]["findings"]
        .as_array()
        .unwrap();
    assert_eq!(findings.len(), 1, "only the added line: {findings:?}");
    assert_eq!(findings[0]["location"]["line"], 3);
    let outside = tempfile::tempdir().unwrap();
    let run = phiscan_in(outside.path(), &["scan", "--no-config", "--staged"]);
    run.assert_code(2);
    assert!(run.stderr.contains("git diff"), "{}", run.stderr);
}

#[test]
fn quiet_leaves_findings_and_errors_only() {
    let planted = fixture("planted/planted.txt");
    let missing = fixture("planted/no-such-file.txt");
    let run = phiscan(&["scan", "--no-config", "-q", &planted, &missing]);
    run.assert_code(2);
    assert!(run.stdout.contains("BLOCK") && run.stdout.contains("error:"));
    assert!(!run.stdout.contains("file(s) scanned"), "{}", run.stdout);
    assert!(
        !run.stderr.contains("left"),
        "no progress bar: {}",
        run.stderr
    );
}

/// The bar shows on a terminal only: `script` gives the scan one. Without `script` the test
/// says so and checks the piped case alone.
#[test]
fn a_scan_on_a_terminal_shows_progress_and_a_piped_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ndjson");
    let line = "{\"id\": \"p\", \"text\": \"Join us Friday for free flu shots in the main lobby, 9am to 1pm. Bring a friend!\"}\n";
    std::fs::write(&big, line.repeat(2_000)).unwrap();
    let big = big.to_string_lossy().into_owned();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_phiscan"))
        .args(["scan", "--no-config", "-f", "jsonl", &big])
        .env_remove("CI")
        .env("PHISCAN_PROGRESS_AFTER_MS", "0")
        .output()
        .unwrap();
    assert_eq!(piped.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(!stderr.contains("records"), "{stderr}");
    let command = format!(
        "{} scan --no-config -f jsonl -o /dev/null {big}",
        env!("CARGO_BIN_EXE_phiscan")
    );
    let Ok(on_terminal) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("CI")
        .env("PHISCAN_PROGRESS_AFTER_MS", "0")
        .output()
    else {
        eprintln!("WARNING: `script` is missing: the progress bar on a terminal is NOT tested");
        return;
    };
    let shown = String::from_utf8_lossy(&on_terminal.stdout);
    assert!(
        shown.contains("records") && shown.contains("left"),
        "no progress bar on a terminal: {shown:?}"
    );
}
