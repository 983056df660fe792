//! SARIF 2.1.0 as GitHub code scanning ingests it: one run, every rule in effect under
//! `tool.driver.rules` with help text, one result per finding with `ruleId`, `level` (from the
//! post's verdict: block is `error`, review is `warning`), a masked message, a physical
//! location and `partialFingerprints`. Suppressed findings carry `suppressions`.
//!
//! At most 5,000 results are written (GitHub's limit per run), the most serious first, with a
//! notification saying how many were left out.
//!
//! `primaryLocationLineHash` is set to phiscan's own fingerprint: left out, the upload action
//! would compute it from the source line, i.e. from the raw identifier.

use crate::report::ScanReport;
use crate::rules::Rule;
use crate::verdict::Verdict;
use serde_json::{Value, json};
use std::io::{self, Write};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Results GitHub code scanning keeps per run; more are dropped there without a word.
const MAX_RESULTS: usize = 5000;
/// Where a reader learns what phiscan checks for: HHS's guidance on the Safe Harbor method.
/// (The project has no public home page yet; when it has one, point the tool there.)
const SAFE_HARBOR_GUIDANCE: &str = "https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/index.html";

/// A repository-relative URI for a report path: forward slashes, no leading `./`, each
/// segment percent-encoded where URIs need it.
fn artifact_uri(path: &str) -> String {
    let trimmed = path.trim_start_matches("./");
    let mut out = String::with_capacity(trimmed.len());
    for byte in trimmed.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

fn rule_descriptor(rule: &Rule) -> Value {
    let help = format!(
        "{}\n\nSafe Harbor identifier ({}) {}: HIPAA 45 CFR 164.514(b)(2)(i). Next to health information or patient status it makes a post protected health information.\n\nHow to fix: {}",
        rule.description,
        rule.category.safe_harbor_letter(),
        rule.category.label(),
        rule.fix()
    );
    json!({
        "id": rule.id,
        "name": rule.id.split(['.', '_']).map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        }).collect::<String>(),
        "shortDescription": {"text": format!("{}.", rule.description.trim_end_matches('.'))},
        "fullDescription": {"text": format!("{}.", rule.description.trim_end_matches('.'))},
        "help": {"text": help},
        "helpUri": SAFE_HARBOR_GUIDANCE,
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["phi", "hipaa", rule.category.label()], "precision": if rule.confidence >= 0.8 { "high" } else { "medium" }},
    })
}

pub fn write(report: &ScanReport, rules: &[Rule], out: &mut dyn Write) -> io::Result<()> {
    let mut results = Vec::new();
    for (file, doc) in report.documents() {
        for f in &doc.findings {
            let level = match (doc.verdict, &f.suppressed) {
                (_, Some(_)) => "note",
                (Verdict::Block, None) => "error",
                _ => "warning",
            };
            let mut place = String::new();
            if let Some(record) = &doc.record {
                place.push_str(&format!(" in {record}"));
            }
            if let Some(field) = &f.location.field {
                place.push_str(&format!(" field {field}"));
            }
            let message = format!(
                "{} identifier {}{place}; post verdict {}: {}. Fix: {}",
                f.category.label(),
                f.value,
                doc.verdict.name(),
                doc.reasons.join("; "),
                f.fix
            );
            let mut result = json!({
                "ruleId": f.rule_id,
                "ruleIndex": rules.iter().position(|r| r.id == f.rule_id).unwrap_or(0),
                "level": level,
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(&file.path)},
                        "region": {
                            "startLine": f.location.line,
                            "startColumn": f.location.column,
                            "endLine": f.location.end_line,
                            "endColumn": f.location.end_column,
                        }
                    }
                }],
                "partialFingerprints": {
                    "primaryLocationLineHash": f.fingerprint,
                    "phiscanFinding/v1": f.fingerprint,
                },
                "properties": {"category": f.category.label(), "confidence": f.confidence, "verdict": doc.verdict.name()},
            });
            if let Some(why) = &f.suppressed {
                let kind = if why.contains("phiscan:allow") {
                    "inSource"
                } else {
                    "external"
                };
                result["suppressions"] = json!([{"kind": kind, "justification": why}]);
            }
            results.push(result);
        }
    }
    let mut notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| json!({"level": "error", "message": {"text": e.to_string()}}))
        .collect();
    keep_most_serious(&mut results, &mut notifications);
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "phiscan",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": SAFE_HARBOR_GUIDANCE,
                "rules": rules.iter().map(rule_descriptor).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// Cuts `results` to what GitHub keeps, the most serious first (PHI, then review, then
/// suppressed), saying so in a notification.
pub(crate) fn keep_most_serious(results: &mut Vec<Value>, notifications: &mut Vec<Value>) {
    if results.len() <= MAX_RESULTS {
        return;
    }
    let rank = |r: &Value| match r["level"].as_str() {
        Some("error") => 0,
        Some("warning") => 1,
        _ => 2,
    };
    results.sort_by_key(rank);
    let cut = results.len() - MAX_RESULTS;
    results.truncate(MAX_RESULTS);
    notifications.push(json!({"level": "warning", "message": {"text": format!(
        "{cut} results left out: GitHub code scanning keeps at most {MAX_RESULTS} per run; the most serious were kept. The json and csv formats list every finding."
    )}}));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(artifact_uri("./examples/a b.md"), "examples/a%20b.md");
        assert_eq!(artifact_uri("/tmp/x.md"), "file:///tmp/x.md");
    }
}
