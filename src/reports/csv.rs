//! CSV: one row per finding, with this header (always written, even with no findings):
//! `path,record,field,line,column,end_line,end_column,verdict,category,rule_id,confidence,value,context,suppressed,fingerprint`.

use super::ReportStream;
use crate::inputs::InputError;
use crate::report::{FileReport, Summary};
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

/// Rows as each input is scanned.
pub struct Csv<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
}

impl<'a> Csv<'a> {
    pub fn new(out: &'a mut dyn Write) -> io::Result<Csv<'a>> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(HEADER)?;
        Ok(Csv { writer })
    }
}

impl ReportStream for Csv<'_> {
    fn file(&mut self, file: &FileReport) -> io::Result<()> {
        for doc in &file.documents {
            for f in &doc.findings {
                let l = &f.location;
                self.writer.write_record([
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
        Ok(())
    }

    fn finish(&mut self, _: &[InputError], _: &Summary) -> io::Result<()> {
        self.writer.flush()
    }
}
