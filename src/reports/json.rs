//! JSON and JSON Lines.
//!
//! `json`: one object `{"version", "summary", "files": [{"path", "format", "documents": [{"record",
//! "verdict", "reasons", "findings": [...]}]}], "errors": [...]}`.
//!
//! `jsonl`: one object per line. `{"type": "finding", "path", "record", "verdict", ...the
//! finding's fields}` for each finding, `{"type": "skipped", "path", "reason"}` for each skipped
//! input, `{"type": "error", ...}` for each error, and a last `{"type": "summary", ...}`.

use crate::report::ScanReport;
use serde_json::{Value, json};
use std::io::{self, Write};

pub fn write_json(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let document = json!({
        "version": env!("CARGO_PKG_VERSION"),
        "summary": report.summary,
        "files": report.files,
        "errors": report.errors,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn line(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

pub fn write_jsonl(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        if let Some(reason) = &file.skipped {
            line(
                out,
                &json!({"type": "skipped", "path": file.path, "reason": reason}),
            )?;
        }
        for doc in &file.documents {
            for finding in &doc.findings {
                let mut value = json!({"type": "finding", "path": file.path, "record": doc.record, "verdict": doc.verdict});
                if let (Value::Object(map), Value::Object(fields)) =
                    (&mut value, serde_json::to_value(finding)?)
                {
                    map.extend(fields);
                }
                line(out, &value)?;
            }
        }
    }
    for error in &report.errors {
        let mut value = serde_json::to_value(error)?;
        if let Value::Object(map) = &mut value {
            map.insert("type".into(), "error".into());
        }
        line(out, &value)?;
    }
    let mut summary = serde_json::to_value(&report.summary)?;
    if let Value::Object(map) = &mut summary {
        map.insert("type".into(), "summary".into());
    }
    line(out, &summary)
}
