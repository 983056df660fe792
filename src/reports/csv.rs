//! CSV: one row per finding, with this header (always written, even with no findings):
//! `path,record,field,line,column,end_line,end_column,verdict,category,rule_id,confidence,value,context,suppressed,fingerprint`.

use crate::report::ScanReport;
use std::io::{self, Write};

const HEADER: [&str; 15] = [
    "path",
    "record",
    "field",
    "line",
    "column",
    "end_line",
    "end_column",
    "verdict",
    "category",
    "rule_id",
    "confidence",
    "value",
    "context",
    "suppressed",
    "fingerprint",
];

pub fn write(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for (file, doc) in report.documents() {
        for f in &doc.findings {
            let l = &f.location;
            writer.write_record([
                file.path.as_str(),
                doc.record.as_deref().unwrap_or(""),
                l.field.as_deref().unwrap_or(""),
                &l.line.to_string(),
                &l.column.to_string(),
                &l.end_line.to_string(),
                &l.end_column.to_string(),
                doc.verdict.name(),
                f.category.label(),
                &f.rule_id,
                &format!("{:.2}", f.confidence),
                &f.value,
                &f.context,
                f.suppressed.as_deref().unwrap_or(""),
                &f.fingerprint,
            ])?;
        }
    }
    writer.flush()
}
