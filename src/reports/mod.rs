//! Report formats. Each writes a finished [`ScanReport`], whose findings are already redacted,
//! and produces a valid document even with no findings (a CSV header, SARIF with no results).
//! A new format is a module here, a [`ReportFormat`] variant and one match arm in [`write`].

mod csv;
mod html;
mod human;
pub(crate) mod json;
mod sarif;

use crate::report::ScanReport;
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

/// Writes `report` in `format`. `rules` is the rule set in effect (SARIF lists it).
pub fn write(
    format: ReportFormat,
    report: &ScanReport,
    rules: &[Rule],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ReportFormat::Human => human::write(report, style, out),
        ReportFormat::Json => json::write_json(report, out),
        ReportFormat::Jsonl => json::write_jsonl(report, out),
        ReportFormat::Sarif => sarif::write(report, rules, out),
        ReportFormat::Csv => csv::write(report, out),
        ReportFormat::Html => html::write(report, out),
    }
}
