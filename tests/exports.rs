//! Platform exports, read the way each platform wrote them: the planted identifiers of the
//! synthetic fixtures (tests/fixtures/exports, see SOURCES.md there) are found, in the right
//! record and field, with per-post verdicts.

use crate::util::*;
use serde_json::Value;

/// Scans `path` with values shown (the fixtures are synthetic) and returns the JSON report.
fn scan(path: &str) -> (i32, Value) {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "--show-values",
        "-f",
        "json",
        &fixture(&format!("exports/{path}")),
    ]);
    (run.code, serde_json::from_str(&run.stdout).unwrap())
}

/// Every (record, field, category, value) found in the first file of a report.
fn findings(report: &Value) -> Vec<(String, String, String, String)> {
    report["files"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["findings"].as_array().unwrap().iter().map(move |f| {
                let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
                (
                    s(&d["record"]),
                    s(&f["location"]["field"]),
                    s(&f["category"]),
                    s(&f["value"]),
                )
            })
        })
        .collect()
}

fn has(
    found: &[(String, String, String, String)],
    record_prefix: &str,
    field: &str,
    category: &str,
    value: &str,
) -> bool {
    found.iter().any(|(r, f, c, v)| {
        r.starts_with(record_prefix) && f == field && c == category && v == value
    })
}

#[test]
fn x_archive_tweets_are_posts_with_ids_and_dates() {
    let (code, report) = scan("twitter/synthetic/tweets.js");
    assert_eq!(code, 1);
    assert_eq!(report["files"][0]["format"], "twitter-js");
    let found = findings(&report);
    assert!(
        has(
            &found,
            "/0 (id 1700000000000000001, Mon Jan 08",
            "/0/tweet/full_text",
            "NAME",
            "Jane Testpatient"
        ),
        "{found:?}"
    );
    assert!(
        has(&found, "/1 (id", "/1/tweet/full_text", "MRN", "00012345"),
        "{found:?}"
    );
    let docs = report["files"][0]["documents"].as_array().unwrap();
    assert!(docs.iter().all(|d| d["verdict"] == "block"));
}

#[test]
fn legacy_grailbird_archives_with_trailing_commas_are_read() {
    let (code, report) = scan("twitter/legacy-grailbird-glennjones/2013_11.js");
    assert_ne!(code, 2, "{report}");
    assert!(report["errors"].as_array().unwrap().is_empty());
    assert!(
        report["files"][0]["documents"][0]["record"]
            .as_str()
            .unwrap()
            .starts_with("/0 (id 406054311244746752")
    );
}

#[test]
fn direct_messages_and_long_posts() {
    let (_, report) = scan("twitter/synthetic/direct-messages.js");
    let found = findings(&report);
    assert!(
        has(
            &found,
            "/0",
            "/0/dmConversation/messages/0/messageCreate/text",
            "NAME",
            "Jane Testpatient"
        ),
        "{found:?}"
    );
    let (_, report) = scan("twitter/synthetic/note-tweet.js");
    assert_eq!(report["files"][0]["documents"][0]["verdict"], "block");
}

#[test]
fn facebook_mojibake_is_repaired_and_located() {
    let (code, report) = scan("facebook/synthetic/your_posts__check_ins__photos_and_videos_1.json");
    assert_eq!(code, 1);
    let found = findings(&report);
    assert!(
        has(&found, "/0", "/0/data/0/post", "DATE", "01/02/1970"),
        "{found:?}"
    );
    assert!(
        has(
            &found,
            "/1",
            "/1/attachments/0/data/0/media/media_metadata/photo_metadata/exif_data/0/upload_ip",
            "IP",
            "192.0.2.10"
        ),
        "{found:?}"
    );
    assert!(
        has(
            &found,
            "/1",
            "/1/attachments/0/data/1/place/coordinate",
            "LOCATION",
            "40.0, -75.0"
        ),
        "{found:?}"
    );
    let context = report["files"][0]["documents"][0]["findings"][0]["context"]
        .as_str()
        .unwrap();
    assert!(context.contains("José"), "mojibake repaired: {context}");
    let (_, report) =
        scan("facebook/synthetic/messages/inbox/zoeexample_1000000000000000/message_1.json");
    assert!(has(
        &findings(&report),
        "/messages/0",
        "/messages/0/content",
        "MRN",
        "00012345"
    ));
}

#[test]
fn instagram_and_threads_captions_and_comments() {
    let (_, report) = scan("instagram/synthetic/post_comments_1.json");
    assert!(has(
        &findings(&report),
        "/0",
        "/0/string_map_data/Comment/value",
        "MRN",
        "00067890"
    ));
    let (_, report) = scan("threads/synthetic/threads_and_replies.json");
    let docs = report["files"][0]["documents"].as_array().unwrap();
    assert!(
        docs[0]["record"]
            .as_str()
            .unwrap()
            .starts_with("/text_post_app_text_posts/0")
    );
}

#[test]
fn linkedin_backslash_quotes_and_headerless_scheduler_files() {
    let (code, report) = scan("linkedin/synthetic/Comments.csv");
    assert_ne!(code, 2, "{report}");
    assert!(
        has(&findings(&report), "row 2", "Message", "NAME", "Example"),
        "{:?}",
        findings(&report)
    );
    let (_, report) = scan("scheduling_csv/synthetic/hootsuite_bulk.csv");
    assert!(has(
        &findings(&report),
        "row 1",
        "column 2",
        "NAME",
        "Jane Testpatient"
    ));
    assert!(has(
        &findings(&report),
        "row 1",
        "column 2",
        "DATE",
        "01/02/1970"
    ));
}

#[test]
fn mastodon_outbox_items_are_posts() {
    let (_, report) = scan("mastodon/fossilizer/outbox.json");
    let records = record_labels(&report);
    assert!(
        records.iter().any(|r| r.starts_with(
            "/orderedItems/0 (id https://mastodon.social/users/lmorchard/statuses/55864/activity"
        )),
        "{records:?}"
    );
}

#[test]
fn the_whole_fixture_folder_scans_without_a_crash() {
    let run = phiscan(&["scan", "--no-config", "-f", "json", &fixture("exports")]);
    assert_eq!(run.code, 2, "feed.ndjson has a planted bad line");
    assert!(
        run.stderr.contains("feed.ndjson:3:2: malformed JSON line"),
        "{}",
        run.stderr
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(report["summary"]["files_scanned"].as_u64().unwrap() >= 19);
}

#[test]
fn word_drafts_join_runs_and_show_hidden_text() {
    let (code, report) = scan("docx/synthetic/spotlight_draft.docx");
    assert_eq!(code, 1);
    assert_eq!(report["files"][0]["format"], "docx");
    let found = findings(&report);
    assert!(
        has(
            &found,
            "word/document.xml",
            "word/document.xml paragraph 3",
            "NAME",
            "Jane Testpatient"
        ),
        "{found:?}"
    );
    assert!(
        has(
            &found,
            "word/document.xml",
            "word/document.xml paragraph 6 (tracked deletion: hidden in Word)",
            "MRN",
            "00012345"
        ),
        "{found:?}"
    );
    assert!(
        has(
            &found,
            "word/document.xml",
            "word/document.xml (image alt text)",
            "NAME",
            "Jane Testpatient"
        ),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(r, ..)| r == "docProps/core.xml"),
        "document properties are scanned"
    );
    let (code, _) = scan("docx/python-docx/par-known-paragraphs.docx");
    assert_ne!(code, 2);
}

#[test]
fn zip_archives_are_read_entry_by_entry_without_extracting() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("twitter-2026.zip");
    let tweets = std::fs::read(fixture("exports/twitter/synthetic/tweets.js")).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    writer.start_file("data/tweets.js", options).unwrap();
    writer.write_all(&tweets).unwrap();
    writer.start_file("../../etc/passwd", options).unwrap();
    writer
        .write_all(b"Patient Maria Gonzalez was admitted")
        .unwrap();
    writer.start_file("bomb.txt", options).unwrap();
    writer.write_all(&vec![b'a'; 16 * 1024 * 1024]).unwrap();
    writer.finish().unwrap();
    let run = phiscan_in(
        dir.path(),
        &["scan", "--no-config", "-f", "json", "twitter-2026.zip"],
    );
    assert_eq!(run.code, 2, "the bomb entry is an error: {}", run.stderr);
    assert!(
        run.stderr
            .contains("twitter-2026.zip!bomb.txt: entry expands"),
        "{}",
        run.stderr
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let paths = report_paths(&report);
    assert_eq!(
        paths,
        vec![
            "twitter-2026.zip!data/tweets.js",
            "twitter-2026.zip!../../etc/passwd"
        ]
    );
    assert!(
        !dir.path().join("data").exists(),
        "nothing is extracted to disk"
    );
    assert_eq!(report["files"][0]["format"], "twitter-js");
    assert_eq!(report["files"][1]["documents"][0]["verdict"], "block");
}

#[test]
fn rss_and_atom_items_are_posts() {
    let (code, report) = scan("rss_atom/feed-rs/rss_2.0_example_1.xml");
    assert_ne!(code, 2, "{report}");
    assert_eq!(report["files"][0]["format"], "feed");
    let records = record_labels(&report);
    assert_eq!(
        records[0],
        "item 1 (id 7bd204c6-1655-4c27-aeee-53f933c5395f, Sun, 06 Sep 2009 16:20:00 +0000)"
    );
    let (_, report) = scan("rss_atom/feed-rs/atom_spec_1.xml");
    let found = findings(&report);
    assert!(
        has(&found, "channel", "name", "NAME", "John Doe"),
        "{found:?}"
    );
    assert!(
        report["files"][0]["documents"][0]["record"]
            .as_str()
            .unwrap()
            .starts_with("entry 1 (id urn:uuid:1225c695")
    );
}

#[test]
fn mastodon_html_content_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("outbox.json");
    std::fs::write(&outbox, r#"{"orderedItems": [{"id": "https://example.social/1", "published": "2024-01-02T10:00:00Z", "object": {"content": "<p>So proud of <span class=\"h-card\">Maria</span> Gonzalez, home after chemo!</p>"}}]}"#).unwrap();
    let run = phiscan(&[
        "scan",
        "--no-config",
        "--show-values",
        "-f",
        "json",
        &outbox.to_string_lossy(),
    ]);
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(
        has(
            &findings(&report),
            "/orderedItems/0 (id https://example.social/1",
            "/orderedItems/0/object/content",
            "NAME",
            "Maria Gonzalez"
        ),
        "{:?}",
        findings(&report)
    );
}

#[test]
fn photos_give_up_their_exif_position_and_serial_alone_or_in_an_archive() {
    use std::io::Write;
    let photo = std::fs::read(fixture("images/bedside-gps.jpg")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("facebook-export.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    writer
        .start_file(
            "photos/bedside.jpg",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    writer.write_all(&photo).unwrap();
    writer.finish().unwrap();
    for (path, shown) in [
        (
            fixture("images/bedside-gps.jpg"),
            "images/bedside-gps.jpg".to_string(),
        ),
        (
            archive.to_string_lossy().into_owned(),
            "facebook-export.zip!photos/bedside.jpg".to_string(),
        ),
    ] {
        let run = phiscan(&["scan", "--no-config", "-f", "json", &path]);
        run.assert_code(1);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let file = &report["files"][0];
        assert!(file["path"].as_str().unwrap().ends_with(&shown), "{file}");
        assert_eq!(file["format"], "image");
        assert!(file["warnings"][0].as_str().unwrap().contains("face"));
        let findings = file["documents"][0]["findings"].as_array().unwrap();
        let found: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| {
                (
                    f["category"].as_str().unwrap(),
                    f["location"]["field"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("LOCATION", "EXIF GPSLatitude/GPSLongitude"),
                ("DEVICE", "EXIF BodySerialNumber")
            ]
        );
        assert!(!run.stdout.contains("SN4821337") && !run.stdout.contains("44.97780"));
    }
    let plain = phiscan(&[
        "scan",
        "--no-config",
        &fixture("images/no-exif-location.jpg"),
    ]);
    plain.assert_code(0);
    assert!(plain.stdout.contains("check what it shows"));
}

#[test]
fn a_blocked_post_with_a_photo_says_the_photo_needs_a_look() {
    let run = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        &fixture("exports/twitter/synthetic/tweets.js"),
    ]);
    run.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let documents = report["files"][0]["documents"].as_array().unwrap();
    let with_photo = |d: &&serde_json::Value| d["reasons"].to_string().contains("photo attached");
    let flagged: Vec<&serde_json::Value> = documents.iter().filter(with_photo).collect();
    assert!(!flagged.is_empty(), "{}", run.stdout);
    assert!(flagged.iter().all(|d| d["verdict"] == "block"));
    // Posts without media never say so.
    let text_only = phiscan(&[
        "scan",
        "--no-config",
        "-f",
        "json",
        &fixture("planted/planted.json"),
    ]);
    assert!(!text_only.stdout.contains("photo attached"));
}
