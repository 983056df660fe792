//! JSON and JSON Lines.
//!
//! `json`: one object `{"version", "summary", "files": [{"path", "format", "documents": [{"record",
//! "verdict", "reasons", "findings": [...]}]}], "errors": [...]}`.
//!
//! `jsonl`: one object per line. `{"type": "finding", "path", "record", "verdict", ...the
//! finding's fields}` for each finding, `{"type": "skipped", "path", "reason"}` for each skipped
//! input, `{"type": "error", ...}` for each error, and a last `{"type": "summary", ...}`.

use super::ReportStream;
use crate::inputs::InputError;
use crate::report::{FileReport, RedactedFinding, ScanReport, Summary};
use crate::verdict::Verdict;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: &'static str,
    summary: &'a Summary,
    files: &'a [FileReport],
    errors: &'a [InputError],
}

/// One line of the `jsonl` format.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Line<'a> {
    Finding {
        path: &'a str,
        record: &'a Option<String>,
        verdict: Verdict,
        #[serde(flatten)]
        finding: &'a RedactedFinding,
    },
    Skipped {
        path: &'a str,
        reason: &'a str,
    },
    Error(&'a InputError),
    Summary(&'a Summary),
}

fn json_report(report: &ScanReport) -> JsonReport<'_> {
    JsonReport {
        version: env!("CARGO_PKG_VERSION"),
        summary: &report.summary,
        files: &report.files,
        errors: &report.errors,
    }
}

pub fn write_json(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &json_report(report))?;
    writeln!(out)
}

/// The `json` report as a value, for the `serve` API. Through text, so that numbers read as the
/// file report writes them (a direct conversion widens 0.8f32 to 0.800000011920929).
pub fn to_value(report: &ScanReport) -> serde_json::Value {
    serde_json::to_string(&json_report(report))
        .and_then(|text| serde_json::from_str(&text))
        .unwrap_or_default()
}

fn line(out: &mut dyn Write, value: &Line<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// JSON Lines, written as each input is scanned.
pub struct Jsonl<'a> {
    out: &'a mut dyn Write,
}

impl<'a> Jsonl<'a> {
    pub fn new(out: &'a mut dyn Write) -> Jsonl<'a> {
        Jsonl { out }
    }
}

impl ReportStream for Jsonl<'_> {
    fn file(&mut self, file: &FileReport) -> io::Result<()> {
        let out = &mut *self.out;
        if let Some(reason) = &file.skipped {
            line(
                out,
                &Line::Skipped {
                    path: &file.path,
                    reason,
                },
            )?;
        }
        for doc in &file.documents {
            for finding in &doc.findings {
                line(
                    out,
                    &Line::Finding {
                        path: &file.path,
                        record: &doc.record,
                        verdict: doc.verdict,
                        finding,
                    },
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, errors: &[InputError], summary: &Summary) -> io::Result<()> {
        for error in errors {
            line(self.out, &Line::Error(error))?;
        }
        line(self.out, &Line::Summary(summary))
    }
}
