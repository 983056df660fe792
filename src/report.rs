//! The finished scan as every report format sees it: files, documents with their verdicts,
//! redacted findings, errors and a summary. Nothing in here holds a raw identifier unless the
//! user asked for `--show-values`: findings only enter it through `redact`.

use crate::document::Location;
use crate::inputs::InputError;
use crate::rules::category::Category;
use crate::verdict::Verdict;
use serde::Serialize;
use std::collections::BTreeMap;

/// One finding, ready for output.
#[derive(Debug, Clone, Serialize)]
pub struct RedactedFinding {
    pub rule_id: String,
    pub category: Category,
    pub confidence: f32,
    /// The identifier, masked (`M**** G*****`) unless `--show-values` was given.
    pub value: String,
    /// Text around the finding with every identifier in it masked the same way.
    pub context: String,
    pub location: Location,
    /// Byte range in the document text as scanned (decoded, evasions undone; not in the file).
    /// `location` is where the finding stands in the file.
    pub start: usize,
    pub end: usize,
    pub reasons: Vec<String>,
    pub fix: String,
    /// Why the finding does not count, when an inline marker or the allowlist covers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<String>,
    /// Stable across line moves and free of the raw value: rule, path, record, field, masked
    /// value and which occurrence of it this is, hashed.
    pub fingerprint: String,
}

/// One post or file and what was found in it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    pub verdict: Verdict,
    pub reasons: Vec<String>,
    pub findings: Vec<RedactedFinding>,
}

/// One input.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    pub format: &'static str,
    /// Set when the input was not scanned on purpose (a binary file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub documents: Vec<DocumentReport>,
    /// Set on the later parts of a big input, whose documents are handed on in parts as they
    /// are scanned (the first part carries the warnings).
    #[serde(skip)]
    pub continued: bool,
}

impl FileReport {
    /// A report of `documents` read from `path` as `format`.
    pub fn new(path: String, format: &'static str, documents: Vec<DocumentReport>) -> FileReport {
        FileReport {
            path,
            format,
            skipped: None,
            warnings: Vec::new(),
            documents,
            continued: false,
        }
    }
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub files_failed: usize,
    pub documents: usize,
    pub records_failed: usize,
    pub findings: usize,
    pub suppressed: usize,
    pub verdicts: BTreeMap<&'static str, usize>,
    pub categories: BTreeMap<&'static str, usize>,
}

/// A whole scan.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub files: Vec<FileReport>,
    pub errors: Vec<InputError>,
    pub summary: Summary,
}

impl Summary {
    /// A summary with nothing counted yet, every verdict listed.
    pub fn new() -> Summary {
        let mut summary = Summary::default();
        for verdict in [Verdict::Block, Verdict::Review, Verdict::Pass] {
            summary.verdicts.insert(verdict.name(), 0);
        }
        summary
    }

    /// Counts one input, or one part of a big one.
    pub fn count_file(&mut self, file: &FileReport) {
        if file.skipped.is_some() {
            self.files_skipped += 1;
            return;
        }
        if !file.continued {
            self.files_scanned += 1;
        }
        for doc in &file.documents {
            self.documents += 1;
            *self.verdicts.entry(doc.verdict.name()).or_default() += 1;
            for finding in &doc.findings {
                if finding.suppressed.is_some() {
                    self.suppressed += 1;
                } else {
                    self.findings += 1;
                    *self.categories.entry(finding.category.label()).or_default() += 1;
                }
            }
        }
    }

    /// Counts the inputs that failed: records that could not be read, and files (each once).
    pub fn count_errors(&mut self, errors: &[InputError]) {
        let mut failed_paths: Vec<&str> = Vec::new();
        for error in errors {
            if error.line.is_some() {
                self.records_failed += 1;
            } else if !failed_paths.contains(&error.path.as_str()) {
                failed_paths.push(&error.path);
            }
        }
        self.files_failed += failed_paths.len();
    }

    /// The highest verdict of any document counted.
    pub fn worst_verdict(&self) -> Verdict {
        [Verdict::Block, Verdict::Review]
            .into_iter()
            .find(|v| self.verdicts.get(v.name()).is_some_and(|&n| n > 0))
            .unwrap_or(Verdict::Pass)
    }
}

impl ScanReport {
    /// Builds the report and its summary from per-file results in input order, joining the
    /// parts of a big input into one.
    pub fn new(parts: Vec<FileReport>, errors: Vec<InputError>) -> ScanReport {
        let mut summary = Summary::new();
        summary.count_errors(&errors);
        let mut files: Vec<FileReport> = Vec::with_capacity(parts.len());
        for part in parts {
            summary.count_file(&part);
            match files.last_mut() {
                Some(last) if part.continued && last.path == part.path => {
                    last.documents.extend(part.documents);
                }
                _ => files.push(part),
            }
        }
        ScanReport {
            files,
            errors,
            summary,
        }
    }

    /// The highest verdict of any document.
    pub fn worst_verdict(&self) -> Verdict {
        self.summary.worst_verdict()
    }

    /// Every document with its file, in order.
    pub fn documents(&self) -> impl Iterator<Item = (&FileReport, &DocumentReport)> {
        self.files
            .iter()
            .flat_map(|f| f.documents.iter().map(move |d| (f, d)))
    }
}
