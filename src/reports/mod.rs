//! Report formats. Each writes findings that are already redacted, streamed as the scan goes
//! ([`ReportStream`]) or from a finished [`ScanReport`], and produces a valid document even with no findings (a CSV header, SARIF with no results).
//! A new format is a module here, a [`ReportFormat`] variant and one match arm in [`write`].

mod csv;
mod html;
mod human;
pub(crate) mod json;
pub(crate) mod sarif;

use crate::inputs::InputError;
use crate::report::{FileReport, ScanReport, Summary};
use crate::rules::Rule;
use std::io::{self, Write};

/// The `--format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Grouped by file and post, for people (colour on a terminal).
    Human,
    /// One JSON document: files, posts, findings, errors, summary.
    Json,
    /// One JSON object per finding, then errors and a summary line.
    Jsonl,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// One row per finding.
    Csv,
    /// One self-contained HTML page with filters and charts, to read and file.
    Html,
}

/// How the human format is painted.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    /// Show, for each finding, everything that decided it (`--explain`).
    pub explain: bool,
    /// End with the summary (not with `--quiet`).
    pub summary: bool,
}

/// A report written while the scan goes on: each input (or part of a big one) in input order,
/// then the errors and the summary. Formats whose document needs the whole scan first (JSON,
/// SARIF, HTML) are written from a finished [`ScanReport`] instead.
pub trait ReportStream {
    fn file(&mut self, file: &FileReport) -> io::Result<()>;
    fn finish(&mut self, errors: &[InputError], summary: &Summary) -> io::Result<()>;
}

/// Whether `format` is written as the scan goes (see [`stream`]).
pub fn streams(format: ReportFormat) -> bool {
    matches!(
        format,
        ReportFormat::Human | ReportFormat::Jsonl | ReportFormat::Csv
    )
}

/// The streaming writer of `format`, if it streams: human, JSON Lines and CSV do, so a
/// multi-gigabyte export is reported in bounded memory.
pub fn stream<'a>(
    format: ReportFormat,
    style: Style,
    out: &'a mut dyn Write,
) -> io::Result<Option<Box<dyn ReportStream + 'a>>> {
    Ok(match format {
        ReportFormat::Human => Some(Box::new(human::Human::new(style, out))),
        ReportFormat::Jsonl => Some(Box::new(json::Jsonl::new(out))),
        ReportFormat::Csv => Some(Box::new(csv::Csv::new(out)?)),
        ReportFormat::Json | ReportFormat::Sarif | ReportFormat::Html => None,
    })
}

/// Writes `report` in `format`. `rules` is the rule set in effect (SARIF lists it).
pub fn write(
    format: ReportFormat,
    report: &ScanReport,
    rules: &[Rule],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if let Some(mut stream) = stream(format, style, out)? {
        for file in &report.files {
            stream.file(file)?;
        }
        return stream.finish(&report.errors, &report.summary);
    }
    match format {
        ReportFormat::Json => json::write_json(report, out),
        ReportFormat::Sarif => sarif::write(report, rules, out),
        ReportFormat::Html => html::write(report, out),
        ReportFormat::Human | ReportFormat::Jsonl | ReportFormat::Csv => {
            unreachable!("streamed above")
        }
    }
}
