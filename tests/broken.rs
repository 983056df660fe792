//! The broken-input corpus: files as they turn up in the wild, made here (the big one would not
//! belong in the repository), scanned together in one folder. Each has its behaviour asserted,
//! and every other input is still scanned: the clean finding of `good.txt` is always reported,
//! the run exits 2, and the summary counts what failed.

use crate::util::phiscan;
use serde_json::Value;

/// A ZIP whose one entry is flagged as encrypted (traditional PKWARE encryption), as a
/// password-protected export is.
fn encrypted_zip() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("post.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"Patient Maria Gonzalez was admitted")
        .unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    // Bit 0 of the general-purpose flags, in the local header (offset 6) and in the central
    // directory entry (offset 8 from its signature).
    bytes[6] |= 1;
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory");
    bytes[central + 8] |= 1;
    bytes
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

const POST: &str = "Patient Maria Gonzalez was admitted";

#[test]
fn every_broken_file_is_handled_as_documented_and_the_rest_still_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("good.txt", POST.into()),
        ("bom.txt", format!("\u{feff}{POST}").into()),
        ("utf16le.txt", utf16(POST, true)),
        ("utf16be.txt", utf16(POST, false)),
        (
            "crlf.ndjson",
            format!("{{\"text\": \"flu shots\"}}\r\n{{\"text\": \"{POST}\"}}\r\n").into(),
        ),
        ("lone-cr.txt", format!("Flu shots today.\r{POST}").into()),
        (
            "truncated.json",
            format!("[{{\"text\": \"{POST}\"}},\n {{\"text\": \"unfinish").into(),
        ),
        ("nul.txt", format!("{POST}\0\0\0").into()),
        ("empty.txt", Vec::new()),
        (
            "invalid-utf8.txt",
            b"Patient Mar\xC3\x28ia Gonzalez was admitted".to_vec(),
        ),
        ("encrypted.zip", encrypted_zip()),
        // One 200 MB line: one record over the 64 MiB record limit.
        ("one-line.txt", vec![b'a'; 200 << 20]),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        dir.path().to_str().unwrap(),
    ]);
    run.assert_code(2);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let names_in = |file: &str| -> Vec<(u64, u64)> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"].as_str().unwrap().ends_with(file))
            .flat_map(|f| f["documents"].as_array().unwrap())
            .flat_map(|d| d["findings"].as_array().unwrap())
            .filter(|f| f["category"] == "NAME")
            .map(|f| {
                (
                    f["location"]["line"].as_u64().unwrap(),
                    f["location"]["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let stderr = &run.stderr;
    // Decoded and found where the name stands.
    assert_eq!(names_in("good.txt"), vec![(1, 9)]);
    assert_eq!(
        names_in("bom.txt"),
        vec![(1, 9)],
        "the byte-order mark dropped"
    );
    assert_eq!(names_in("utf16le.txt"), vec![(1, 9)], "UTF-16 LE decoded");
    assert_eq!(names_in("utf16be.txt"), vec![(1, 9)], "UTF-16 BE decoded");
    assert_eq!(names_in("crlf.ndjson"), vec![(2, 19)], "CRLF lines");
    assert_eq!(
        names_in("lone-cr.txt").len(),
        1,
        "a lone CR is no line break"
    );
    // Records before the cut are scanned, the cut is located.
    assert_eq!(names_in("truncated.json"), vec![(1, 20)]);
    assert!(stderr.contains("truncated.json:2:"), "{stderr}");
    // NUL bytes: skipped as binary and counted, not failed.
    assert!(
        report["files"].as_array().unwrap().iter().any(|f| f["path"]
            .as_str()
            .unwrap()
            .ends_with("nul.txt")
            && f["skipped"] == "binary file (NUL bytes)"),
        "{}",
        run.stdout
    );
    // Invalid UTF-8 inside a name: replaced, with a warning on the file.
    assert!(
        report["files"].as_array().unwrap().iter().any(|f| f["path"]
            .as_str()
            .unwrap()
            .ends_with("invalid-utf8.txt")
            && f["warnings"][0]
                .as_str()
                .is_some_and(|w| w.contains("invalid UTF-8"))),
        "{}",
        run.stdout
    );
    // The encrypted entry and the 200 MB line are errors naming the entry and the limit.
    assert!(
        stderr.contains("encrypted.zip!post.txt: encrypted"),
        "{stderr}"
    );
    assert!(
        stderr.contains("one-line.txt") && stderr.contains("limits.max_record_bytes"),
        "{stderr}"
    );
    let summary = &report["summary"];
    assert_eq!(summary["files_skipped"], 1, "the NUL file");
    assert!(summary["files_failed"].as_u64().unwrap() >= 1, "{summary}");
    assert!(
        summary["records_failed"].as_u64().unwrap() >= 2,
        "{summary}"
    );
}

/// A file listed by the walk and gone before it is read (deleted or moved during the scan) is
/// an error naming it; the others are scanned.
#[test]
fn a_file_that_disappears_before_it_is_read_is_an_error() {
    use phiscan::config::Config;
    use phiscan::engine::Engine;
    use phiscan::inputs::Source;
    use phiscan::rules::RuleSet;
    use phiscan::scan::{ScanSettings, scan};
    let dir = tempfile::tempdir().unwrap();
    let (gone, kept) = (dir.path().join("gone.txt"), dir.path().join("kept.txt"));
    std::fs::write(&gone, POST).unwrap();
    std::fs::write(&kept, POST).unwrap();
    let sources = vec![Source::File(gone.clone()), Source::File(kept)];
    std::fs::remove_file(&gone).unwrap();
    let engine = Engine::new(RuleSet::builtin());
    let config = Config::default();
    let (files, errors) = scan(&sources, &ScanSettings::new(&engine, &config));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .contains("gone.txt: cannot read file: no such file"),
        "{}",
        errors[0]
    );
    assert_eq!(files.len(), 1);
    assert!(files[0].path.ends_with("kept.txt"));
    assert!(!files[0].documents[0].findings.is_empty());
}
