//! `phiscan serve`: the API on a real server on a free port, spoken to over plain HTTP/1.1.
//! The page itself is driven in Chromium by `scripts/browser-test.sh`.

use crate::util::{PLANTED, fixture};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `phiscan serve`, stopped when dropped. It runs in an empty folder that is also
/// its home and temporary folder, so that anything it wrote would show up there.
struct Server {
    child: Child,
    port: u16,
    home: tempfile::TempDir,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let home = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_phiscan"))
            .args(["serve", "--port", "0", "--no-config"])
            .args(extra)
            .current_dir(home.path())
            .env("HOME", home.path())
            .env("TMPDIR", home.path())
            .env_remove("PHISCAN_CONFIG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("phiscan serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Server { child, port, home }
    }

    /// Sends one request and returns the status, the headers (lower-case names) and the body.
    fn request(&self, head: &str, body: &[u8]) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let head = head.replace("{port}", &self.port.to_string());
        write!(
            stream,
            "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let (headers, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = headers[9..12].parse().unwrap();
        (status, headers.to_ascii_lowercase(), body.to_string())
    }

    fn scan_draft(&self, text: &str) -> (u16, serde_json::Value) {
        let body = serde_json::json!({ "text": text }).to_string();
        let (status, _, answer) = self.request(
            "POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json",
            body.as_bytes(),
        );
        (status, serde_json::from_str(&answer).unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap().path().display().to_string())
        .collect()
}

#[test]
fn a_draft_gets_its_verdict_findings_and_safe_copy_all_masked() {
    let server = Server::start(&[]);
    let draft = "Please pray for Maria Gonzalez, DOB 03/14/1951, SSN 536-22-8841, MRN 48213377, admitted with pneumonia.";
    let (status, answer) = server.scan_draft(draft);
    assert_eq!(status, 200);
    let document = &answer["files"][0]["documents"][0];
    assert_eq!(document["verdict"], "block", "{answer}");
    let categories: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["category"].as_str().unwrap())
        .collect();
    for category in ["NAME", "DATE", "SSN", "MRN"] {
        assert!(
            categories.contains(&category),
            "{category} in {categories:?}"
        );
    }
    // The same shape as `scan --format json`, offsets into the draft as typed.
    assert!(answer["summary"]["findings"].as_u64().unwrap() >= 4);
    for finding in document["findings"].as_array().unwrap() {
        let confidence = finding["confidence"].to_string();
        assert!(
            confidence.len() <= 4,
            "0.8, not 0.800000011920929: {confidence}"
        );
    }
    let name = &document["findings"][0];
    let start = name["start"].as_u64().unwrap() as usize;
    assert_eq!(&draft[start..start + 14], "Maria Gonzalez");
    let redacted = answer["redacted"].as_str().unwrap();
    assert!(
        redacted.contains("[NAME]") && redacted.contains("1951"),
        "{redacted}"
    );
    let without_copy = {
        let mut a = answer.clone();
        a.as_object_mut().unwrap().remove("redacted");
        a.to_string()
    };
    for planted in PLANTED {
        assert!(!redacted.contains(planted), "{planted} in the safe copy");
        assert!(!without_copy.contains(planted), "{planted} in the report");
    }
    let (_, clean) = server.scan_draft("Flu shots are free this Saturday in the main lobby.");
    assert_eq!(clean["files"][0]["documents"][0]["verdict"], "pass");
}

#[test]
fn a_dropped_export_is_read_by_its_name_post_by_post() {
    let server = Server::start(&[]);
    let csv = std::fs::read(fixture("planted/planted.csv")).unwrap();
    let (status, _, body) = server.request(
        "POST /api/scan?name=C%3A%5Cdrafts%5Cplanted.csv HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Type: application/octet-stream",
        &csv,
    );
    assert_eq!(status, 200, "{body}");
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
    let file = &answer["files"][0];
    assert_eq!(file["format"], "csv");
    assert_eq!(file["path"], "planted.csv", "only the file's own name");
    assert!(file["documents"].as_array().unwrap().len() > 1);
    assert!(answer.get("redacted").is_none());
    for planted in PLANTED {
        assert!(!body.contains(planted), "{planted} leaked");
    }
}

#[test]
fn pages_and_answers_carry_the_privacy_headers() {
    let server = Server::start(&[]);
    for path in ["/", "/app.js", "/app.css"] {
        let (status, headers, body) = server.request(
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{{port}}"),
            b"",
        );
        assert_eq!(status, 200, "{path}");
        assert!(headers.contains("cache-control: no-store"), "{path}");
        assert!(
            headers.contains("content-security-policy: default-src 'none'; script-src 'self'"),
            "{path}"
        );
        assert!(
            !body.contains("http://") && !body.contains("https://"),
            "{path} loads nothing from elsewhere"
        );
    }
    let (_, headers, _) = server.request(
        "POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json",
        br#"{"text": "hello"}"#,
    );
    assert!(headers.contains("cache-control: no-store"));
}

#[test]
fn requests_from_other_sites_are_refused() {
    let server = Server::start(&[]);
    let body = br#"{"text": "Maria Gonzalez"}"#;
    for head in [
        "POST /api/scan HTTP/1.1\r\nHost: rebound.evil.example:{port}\r\nContent-Type: application/json",
        "POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: https://evil.example\r\nContent-Type: application/json",
        "GET / HTTP/1.1\r\nHost: evil.example",
    ] {
        let (status, _, answer) = server.request(head, body);
        assert_eq!(status, 403, "{head}: {answer}");
        assert!(answer.contains("only answers"), "{answer}");
    }
    let (status, _, _) = server.request(
        "POST /api/scan HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: http://localhost:{port}\r\nContent-Type: application/json",
        body,
    );
    assert_eq!(status, 200);
}

#[test]
fn oversized_and_malformed_requests_get_clear_errors() {
    let server = Server::start(&["--max-request-bytes", "2000"]);
    let big = serde_json::json!({ "text": "word ".repeat(1000) }).to_string();
    let (status, _, answer) = server.request(
        "POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json",
        big.as_bytes(),
    );
    assert_eq!(status, 413);
    assert!(
        answer.contains("more than the 2 KB this page accepts"),
        "{answer}"
    );
    let (status, _, answer) = server.request(
        "POST /api/scan HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json",
        b"{\"txt\": 1}",
    );
    assert_eq!(status, 400);
    assert!(answer.contains("expected {\\\"text\\\""), "{answer}");
}

#[test]
fn nothing_is_written_to_disk_or_logged() {
    let mut server = Server::start(&[]);
    let draft = "Our patient Maria Gonzalez, SSN 536-22-8841, was discharged today.";
    server.scan_draft(draft);
    // A .docx is a ZIP: it is read in memory, never unpacked to a temporary folder.
    let docx = std::fs::read(fixture("exports/docx/synthetic/spotlight_draft.docx")).unwrap();
    let (status, _, answer) = server.request(
        "POST /api/scan?name=draft.docx HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/octet-stream",
        &docx,
    );
    assert_eq!(status, 200, "{answer}");
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["files"][0]["format"], "docx");
    assert_eq!(answer["files"][0]["documents"][0]["verdict"], "block");
    assert_eq!(files_under(server.home.path()), Vec::<String>::new());
    let _ = server.child.kill();
    let mut log = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    for planted in PLANTED {
        assert!(!log.contains(planted), "{planted} logged: {log}");
    }
}

#[test]
fn listening_beyond_this_machine_needs_saying_and_warns() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phiscan"))
        .args(["serve", "--port", "0", "--no-config", "--bind", "0.0.0.0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut warning = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut warning)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        warning.contains("WARNING") && warning.contains("other machines"),
        "{warning}"
    );
}
