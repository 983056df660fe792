//! `phiscan merge`: one report from the reports of `--shard` runs. JSON Lines reports are
//! joined finding by finding, in the order of one unsharded run (by path, then position), the
//! errors that every shard saw (an unreadable folder) once, and the summaries added up; SARIF
//! reports are joined result by result into one run.

use crate::reports::sarif::keep_most_serious;
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::path::PathBuf;

/// The merged report's text, or why the reports cannot be merged (naming the file and line).
pub fn merge(paths: &[PathBuf]) -> Result<String, String> {
    let mut texts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        texts.push((path.display().to_string(), text));
    }
    // phiscan writes SARIF pretty-printed (a first line of "{"), JSON Lines an object a line.
    let sarif = |text: &str| text.lines().next().map(str::trim) == Some("{");
    if texts.iter().all(|(_, t)| sarif(t)) {
        merge_sarif(&texts)
    } else if texts.iter().any(|(_, t)| sarif(t)) {
        Err("cannot merge SARIF with JSON Lines: give reports of one format".into())
    } else {
        merge_jsonl(&texts)
    }
}

/// Orders paths as a walk of the folders does: component by component.
fn path_order(a: &str, b: &str) -> Ordering {
    a.split('/').cmp(b.split('/'))
}

fn number(value: &Value, key: &str) -> u64 {
    value[key].as_u64().unwrap_or(0)
}

/// Position of a JSON Lines finding, for ordering: path, then line and column.
fn finding_order(a: &Value, b: &Value) -> Ordering {
    let at = |v: &Value| {
        let l = &v["location"];
        [
            number(l, "line"),
            number(l, "column"),
            number(l, "end_line"),
            number(l, "end_column"),
        ]
    };
    path_order(
        a["path"].as_str().unwrap_or(""),
        b["path"].as_str().unwrap_or(""),
    )
    .then_with(|| at(a).cmp(&at(b)))
}

/// Adds `from` into `into`: numbers summed, objects of numbers summed key by key.
fn add_counts(into: &mut Map<String, Value>, from: &Map<String, Value>) {
    for (key, value) in from {
        match (into.get_mut(key), value) {
            (Some(Value::Object(a)), Value::Object(b)) => add_counts(a, b),
            (Some(a), Value::Number(b)) => {
                *a = Value::from(a.as_u64().unwrap_or(0) + b.as_u64().unwrap_or(0));
            }
            (None, v) => {
                into.insert(key.clone(), v.clone());
            }
            _ => {}
        }
    }
}

fn merge_jsonl(texts: &[(String, String)]) -> Result<String, String> {
    let mut findings = Vec::new();
    let mut skipped: Vec<Value> = Vec::new();
    let mut errors: Vec<Value> = Vec::new();
    let mut summary = Map::new();
    for (path, text) in texts {
        let mut summaries = 0;
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let value: Value = serde_json::from_str(line).map_err(|e| {
                format!(
                    "{path}:{}: not a phiscan JSON Lines report: {e}",
                    number + 1
                )
            })?;
            match value["type"].as_str() {
                Some("finding") => findings.push(value),
                Some("skipped") if !skipped.contains(&value) => skipped.push(value),
                Some("error") if !errors.contains(&value) => errors.push(value),
                Some("summary") => {
                    summaries += 1;
                    if let Value::Object(counts) = &value {
                        add_counts(&mut summary, counts);
                    }
                }
                Some("skipped" | "error") => {}
                _ => {
                    return Err(format!(
                        "{path}:{}: not a phiscan JSON Lines line",
                        number + 1
                    ));
                }
            }
        }
        if summaries != 1 {
            return Err(format!(
                "{path}: no summary line: the report is incomplete (did that shard finish?)"
            ));
        }
    }
    // Errors seen by several shards are counted once, as one run counts them.
    let failed_records = errors.iter().filter(|e| e.get("line").is_some()).count();
    let mut failed_files: Vec<&str> = errors
        .iter()
        .filter(|e| e.get("line").is_none())
        .filter_map(|e| e["path"].as_str())
        .collect();
    failed_files.sort_unstable();
    failed_files.dedup();
    summary.insert("type".into(), Value::from("summary"));
    summary.insert("records_failed".into(), Value::from(failed_records));
    summary.insert("files_failed".into(), Value::from(failed_files.len()));
    findings.sort_by(finding_order);
    skipped.sort_by(|a, b| {
        path_order(
            a["path"].as_str().unwrap_or(""),
            b["path"].as_str().unwrap_or(""),
        )
    });
    let mut out = String::new();
    for value in skipped
        .iter()
        .chain(&findings)
        .chain(&errors)
        .chain(std::iter::once(&Value::Object(summary)))
    {
        out.push_str(&value.to_string());
        out.push('\n');
    }
    Ok(out)
}

fn merge_sarif(texts: &[(String, String)]) -> Result<String, String> {
    let mut merged: Option<Value> = None;
    let mut results: Vec<Value> = Vec::new();
    let mut notifications: Vec<Value> = Vec::new();
    let mut successful = true;
    for (path, text) in texts {
        let sarif: Value =
            serde_json::from_str(text).map_err(|e| format!("{path}: not SARIF: {e}"))?;
        let run = &sarif["runs"][0];
        if run["tool"]["driver"]["name"] != "phiscan" {
            return Err(format!("{path}: not a phiscan SARIF report"));
        }
        if let Some(first) = &merged
            && first["runs"][0]["tool"]["driver"]["rules"] != run["tool"]["driver"]["rules"]
        {
            return Err(format!(
                "{path}: made with other rules than {}; shards must run with the same rules",
                texts[0].0
            ));
        }
        results.extend(run["results"].as_array().into_iter().flatten().cloned());
        let invocation = &run["invocations"][0];
        successful &= invocation["executionSuccessful"].as_bool().unwrap_or(false);
        for note in invocation["toolExecutionNotifications"]
            .as_array()
            .into_iter()
            .flatten()
        {
            if !notifications.contains(note) {
                notifications.push(note.clone());
            }
        }
        merged.get_or_insert(sarif);
    }
    let mut merged = merged.ok_or("no reports to merge")?;
    let place = |r: &Value| {
        let l = &r["locations"][0]["physicalLocation"];
        let region = &l["region"];
        (
            l["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            number(region, "startLine"),
            number(region, "startColumn"),
        )
    };
    results.sort_by(|a, b| {
        let (pa, la, ca) = place(a);
        let (pb, lb, cb) = place(b);
        path_order(&pa, &pb).then((la, ca).cmp(&(lb, cb)))
    });
    keep_most_serious(&mut results, &mut notifications);
    let run = &mut merged["runs"][0];
    run["results"] = Value::Array(results);
    run["invocations"] = serde_json::json!([{
        "executionSuccessful": successful,
        "toolExecutionNotifications": notifications,
    }]);
    serde_json::to_string_pretty(&merged)
        .map(|text| text + "\n")
        .map_err(|e| e.to_string())
}
