//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The planted identifiers written into every file of `tests/fixtures/planted`.
pub const PLANTED_NAME: &str = "Maria Gonzalez";
pub const PLANTED_SSN: &str = "536-22-8841";
pub const PLANTED_MRN: &str = "48213377";
pub const PLANTED_DOB: &str = "03/14/1951";
/// Each planted value, and parts of them that must not leak either.
pub const PLANTED: [&str; 6] = [
    PLANTED_NAME,
    "Gonzalez",
    PLANTED_SSN,
    "536228841",
    PLANTED_MRN,
    PLANTED_DOB,
];

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

fn finish(output: Output) -> Run {
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `phiscan ARGS` in `dir` with no configuration from the environment.
pub fn phiscan_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_phiscan"))
        .args(args)
        .current_dir(dir)
        .env_remove("PHISCAN_CONFIG")
        .env_remove("PHISCAN_BASELINE_KEY")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("phiscan runs");
    finish(output)
}

/// Runs `phiscan ARGS` from the repository root.
pub fn phiscan(args: &[&str]) -> Run {
    phiscan_in(&root(), args)
}

/// Runs `phiscan ARGS` with `input` on standard input.
pub fn phiscan_stdin(args: &[&str], input: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_phiscan"))
        .args(args)
        .current_dir(root())
        .env_remove("PHISCAN_CONFIG")
        .env_remove("PHISCAN_BASELINE_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("phiscan runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    finish(child.wait_with_output().expect("phiscan finishes"))
}

/// The path of every input in a JSON report, in order.
pub fn report_paths(report: &serde_json::Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

/// The record label of every document of the first input in a JSON report, in order.
pub fn record_labels(report: &serde_json::Value) -> Vec<String> {
    report["files"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["record"].as_str().unwrap_or_default().to_string())
        .collect()
}
