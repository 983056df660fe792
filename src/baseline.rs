//! Baselines: the fingerprints of findings someone has already looked at, so that a CI gate
//! fails only on new ones. The file is JSON, sorted, without timestamps or values:
//! `{"version": 1, "keyed": true, "findings": [{"fingerprint", "rule_id", "path"}]}`.
//! Fingerprints survive lines moving (see `redact::fingerprint`); keyed ones cannot be reversed
//! by guessing values.

use crate::report::ScanReport;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

#[derive(Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    rule_id: String,
    path: String,
}

#[derive(Serialize, Deserialize)]
struct Baseline {
    version: u32,
    /// Whether the fingerprints were made with `PHISCAN_BASELINE_KEY`.
    keyed: bool,
    findings: Vec<Entry>,
}

/// Writes the unsuppressed findings of `report`; returns how many.
pub fn write(path: &Path, report: &ScanReport, keyed: bool) -> std::io::Result<usize> {
    let mut findings: Vec<Entry> = report
        .files
        .iter()
        .flat_map(|f| f.documents.iter().map(move |d| (f, d)))
        .flat_map(|(f, d)| {
            d.findings
                .iter()
                .filter(|x| x.suppressed.is_none())
                .map(move |x| (f, x))
        })
        .map(|(f, x)| Entry {
            fingerprint: x.fingerprint.clone(),
            rule_id: x.rule_id.clone(),
            path: f.path.trim_start_matches("./").to_string(),
        })
        .collect();
    findings.sort_by(|a, b| {
        (&a.path, &a.rule_id, &a.fingerprint).cmp(&(&b.path, &b.rule_id, &b.fingerprint))
    });
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let count = findings.len();
    let text = serde_json::to_string_pretty(&Baseline {
        version: 1,
        keyed,
        findings,
    })?;
    std::fs::write(path, text + "\n")?;
    Ok(count)
}

/// Reads a baseline's fingerprints, checking that it was made the way this scan makes them.
pub fn read(path: &Path) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a phiscan baseline: {e}", path.display()))?;
    let keyed_now = std::env::var_os("PHISCAN_BASELINE_KEY").is_some_and(|k| !k.is_empty());
    if baseline.keyed != keyed_now {
        return Err(format!(
            "{}: the baseline was made {} PHISCAN_BASELINE_KEY and this scan runs {} it; fingerprints would not match",
            path.display(),
            if baseline.keyed { "with" } else { "without" },
            if keyed_now { "with" } else { "without" }
        ));
    }
    Ok(baseline
        .findings
        .into_iter()
        .map(|e| e.fingerprint)
        .collect())
}
