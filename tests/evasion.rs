//! Identifiers written to slip past a filter are found, located where they were written, masked
//! in reports and replaced in redacted copies.

use crate::util::*;

/// Each line hides an identifier: (line, category, the characters as written).
const EVASIONS: [(&str, &str, &str); 7] = [
    (
        "Our patient SSN ５３６－２２－８８４１ on file",
        "SSN",
        "５３６－２２－８８４１",
    ),
    (
        "ssn 5 3 6 - 2 2 - 8 8 4 1 for the dialysis patient",
        "SSN",
        "5 3 6 - 2 2 - 8 8 4 1",
    ),
    (
        "Pray for Ma\u{200B}ria Gon\u{200D}zalez, admitted today",
        "NAME",
        "Ma\u{200B}ria Gon\u{200D}zalez",
    ),
    ("pt m.r.n. 4821O377 discharged", "MRN", "4821O377"),
    (
        "Pray for 𝐌𝐚𝐫𝐢𝐚 𝐆𝐨𝐧𝐳𝐚𝐥𝐞𝐳 in the ICU",
        "NAME",
        "𝐌𝐚𝐫𝐢𝐚 𝐆𝐨𝐧𝐳𝐚𝐥𝐞𝐳",
    ),
    ("MRN ٤٨٢١٣٣٧٧ admitted for chemo", "MRN", "٤٨٢١٣٣٧٧"),
    (
        "Pray for Maria&#32;Gonzalez, admitted",
        "NAME",
        "Maria&#32;Gonzalez",
    ),
];

#[test]
fn evasions_are_found_where_they_were_written() {
    let dir = tempfile::tempdir().unwrap();
    for (line, category, written) in EVASIONS {
        let file = dir.path().join("draft.txt");
        std::fs::write(&file, format!("First line.\n{line}\n")).unwrap();
        let run = phiscan(&["scan", "--no-config", "-f", "json", &file.to_string_lossy()]);
        run.assert_code(1);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let findings = report["files"][0]["documents"][0]["findings"]
            .as_array()
            .unwrap();
        let found = findings
            .iter()
            .find(|f| f["category"] == category)
            .unwrap_or_else(|| panic!("{category} not found in {line:?}: {}", run.stdout));
        // Columns count characters of the line as written.
        let start = line.find(written).unwrap();
        let column = line[..start].chars().count() + 1;
        let end_column = column + written.chars().count();
        assert_eq!(found["location"]["line"], 2, "{line}");
        assert_eq!(found["location"]["column"], column, "{line}");
        assert_eq!(found["location"]["end_column"], end_column, "{line}");
        assert!(
            !run.stdout.contains(written),
            "{written:?} printed: {}",
            run.stdout
        );
        for value in PLANTED {
            assert!(!run.stdout.contains(value), "{value} printed");
        }
    }
}

#[test]
fn redacted_copies_replace_what_was_written() {
    let text: String = EVASIONS
        .iter()
        .map(|(line, _, _)| format!("{line}\n"))
        .collect();
    let run = phiscan_stdin(&["redact", "--no-config", "-"], &text);
    run.assert_code(0);
    for (_, category, written) in EVASIONS {
        assert!(
            !run.stdout.contains(written),
            "{written:?} left in:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains(&format!("[{category}]")),
            "{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.starts_with("Our patient SSN [SSN] on file\n"),
        "{}",
        run.stdout
    );
}
