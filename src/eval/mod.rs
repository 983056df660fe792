//! `phiscan eval`: measures detection against a labeled corpus in the shared JSONL format
//! (`id`, `text`, `spans` with UTF-8 byte offsets and labels, optional `phi`).
//!
//! Two span scores: *flagged* (a gold span is found when any finding overlaps it; a finding is
//! right when it overlaps any gold span) and *typed* (the labels must agree too). `IGNORE` spans
//! are neutral: a finding that overlaps only them is neither right nor wrong. Only labels in
//! scope are scored (`--labels`, by default every label the corpus uses); findings of other
//! categories are counted as unscored, since the corpus did not annotate them. Records with a
//! `phi` field also score the verdict: `block` means PHI. With `--unlisted-names` every name is
//! first replaced by a made-up one no list has (see [`unlisted`]); with `--lower-case` every
//! text is lower-cased (see [`lower_case`]).

mod lower_case;
mod unlisted;

use crate::document::Document;
use crate::engine::{Engine, Match};
use crate::verdict::{self, Identifier, Verdict};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One span, gold or predicted.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl Span {
    /// The span with both ends moved by `to`, as a rewrite of its text moves them.
    fn moved(&self, to: impl Fn(usize) -> usize) -> Span {
        Span {
            start: to(self.start),
            end: to(self.end),
            label: self.label.clone(),
        }
    }
}

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    spans: Vec<Span>,
    phi: Option<bool>,
}

/// What `--predictions` writes for each record.
#[derive(Serialize)]
struct Prediction<'a> {
    id: &'a serde_json::Value,
    /// The text scored, when names were replaced: the spans are offsets into it.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    spans: Vec<Span>,
    phi: bool,
    verdict: Verdict,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    gold_flagged: usize,
    gold_typed: usize,
    predicted: usize,
    predicted_flagged: usize,
    predicted_typed: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.gold_flagged += other.gold_flagged;
        self.gold_typed += other.gold_typed;
        self.predicted += other.predicted;
        self.predicted_flagged += other.predicted_flagged;
        self.predicted_typed += other.predicted_typed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f_beta(p: f64, r: f64, beta: f64) -> f64 {
    let b2 = beta * beta;
    if p + r == 0.0 {
        0.0
    } else {
        (1.0 + b2) * p * r / (b2 * p + r)
    }
}

/// The result of one corpus.
pub struct Evaluation {
    /// The printed report.
    pub report: String,
    /// One JSON line per record, as `--predictions` writes them.
    pub predictions: String,
    /// All scored labels together.
    pub overall: SpanScores,
    /// Present when records carry a `phi` verdict.
    pub verdict: Option<VerdictScores>,
}

/// Precision and recall of spans, flagged (any overlap) and typed (labels agree too).
#[derive(Debug, Clone, Copy)]
pub struct SpanScores {
    pub precision: f64,
    pub recall: f64,
    pub typed_precision: f64,
    pub typed_recall: f64,
}

/// How well `block` matches the records' `phi` labels.
#[derive(Debug, Clone, Copy)]
pub struct VerdictScores {
    pub recall: f64,
    pub precision: f64,
    pub false_positive_rate: f64,
}

/// A corpus line that is not a valid record.
#[derive(Debug)]
pub struct EvalError {
    pub line: usize,
    pub message: String,
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// How a corpus is scored.
#[derive(Default, Clone, Copy)]
pub struct Options<'a> {
    /// Score only these labels (default: every label the corpus uses).
    pub labels: Option<&'a [String]>,
    /// Replace every name by a made-up one no list has, from this seed.
    pub unlisted_names: Option<u64>,
    /// Lower-case every text.
    pub lower_case: bool,
}

/// Scores `engine` on the corpus `text` (named `name` in the report).
pub fn evaluate(
    engine: &Engine,
    name: &str,
    text: &str,
    options: Options,
) -> Result<Evaluation, EvalError> {
    let mut records = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut record: Record = serde_json::from_str(line).map_err(|e| EvalError {
            line: number + 1,
            message: e.to_string(),
        })?;
        if let Some(bad) = record.spans.iter().find(|s| {
            s.start >= s.end
                || s.end > record.text.len()
                || !record.text.is_char_boundary(s.start)
                || !record.text.is_char_boundary(s.end)
        }) {
            return Err(EvalError {
                line: number + 1,
                message: format!(
                    "span {}..{} is not a range of whole characters in the text",
                    bad.start, bad.end
                ),
            });
        }
        if let Some(seed) = options.unlisted_names {
            (record.text, record.spans) =
                unlisted::replace_names(&record.text, &record.spans, seed);
        }
        if options.lower_case {
            (record.text, record.spans) = lower_case::lower_case(&record.text, &record.spans);
        }
        records.push(record);
    }
    let in_scope: Vec<String> = match options.labels {
        Some(l) => l.to_vec(),
        None => {
            let mut l: Vec<String> = records
                .iter()
                .flat_map(|r| &r.spans)
                .map(|s| s.label.clone())
                .filter(|l| l != "IGNORE")
                .collect();
            l.sort();
            l.dedup();
            l
        }
    };
    let shares: Vec<Vec<(Vec<Span>, Verdict)>> = records
        .par_chunks(crate::scan::worker_share(records.len()))
        .map(|records| {
            let originals: Vec<Document> = records
                .iter()
                .map(|record| Document::plain(record.text.clone()))
                .collect();
            let docs: Vec<&Document> = originals.iter().collect();
            crate::scan::find_normalized(engine, &docs)
                .into_iter()
                .map(|(doc, matches)| outcome(engine, &doc, &matches))
                .collect()
        })
        .collect();
    let outcomes: Vec<(Vec<Span>, Verdict)> = shares.into_iter().flatten().collect();

    let mut per_label: BTreeMap<String, Counts> = in_scope
        .iter()
        .map(|l| (l.clone(), Counts::default()))
        .collect();
    let mut unscored = 0;
    let (
        mut phi_records,
        mut phi_true,
        mut blocked_true,
        mut blocked_false,
        mut negatives,
        mut blocked,
    ) = (0, 0, 0, 0, 0, 0);
    let mut predictions = String::new();
    for (record, (predicted, verdict)) in records.iter().zip(&outcomes) {
        let gold: Vec<&Span> = record
            .spans
            .iter()
            .filter(|s| in_scope.contains(&s.label))
            .collect();
        let ignore: Vec<&Span> = record
            .spans
            .iter()
            .filter(|s| s.label == "IGNORE")
            .collect();
        for g in &gold {
            let c = per_label.entry(g.label.clone()).or_default();
            c.gold += 1;
            if predicted.iter().any(|p| overlaps(p, g)) {
                c.gold_flagged += 1;
            }
            if predicted
                .iter()
                .any(|p| overlaps(p, g) && p.label == g.label)
            {
                c.gold_typed += 1;
            }
        }
        for p in predicted {
            if !in_scope.contains(&p.label) {
                unscored += 1;
                continue;
            }
            let hits_gold = gold.iter().any(|g| overlaps(p, g));
            if !hits_gold && ignore.iter().any(|i| overlaps(p, i)) {
                continue;
            }
            let c = per_label.entry(p.label.clone()).or_default();
            c.predicted += 1;
            if hits_gold {
                c.predicted_flagged += 1;
            }
            if gold.iter().any(|g| overlaps(p, g) && g.label == p.label) {
                c.predicted_typed += 1;
            }
        }
        if let Some(phi) = record.phi {
            phi_records += 1;
            let is_block = *verdict == Verdict::Block;
            blocked += usize::from(is_block);
            if phi {
                phi_true += 1;
                blocked_true += usize::from(is_block);
            } else {
                negatives += 1;
                blocked_false += usize::from(is_block);
            }
        }
        let prediction = Prediction {
            id: &record.id,
            text: (options.unlisted_names.is_some() || options.lower_case)
                .then_some(record.text.as_str()),
            spans: predicted.clone(),
            phi: *verdict == Verdict::Block,
            verdict: *verdict,
        };
        predictions.push_str(&serde_json::to_string(&prediction).expect("predictions serialise"));
        predictions.push('\n');
    }

    let mut total = Counts::default();
    per_label.values().for_each(|c| total.add(c));
    let mut report = String::new();
    let _ = writeln!(
        report,
        "corpus {name}: {} records, labels scored: {}{}{}",
        records.len(),
        in_scope.join(", "),
        options
            .unlisted_names
            .map(|seed| format!("; names replaced by made-up ones (seed {seed})"))
            .unwrap_or_default(),
        if options.lower_case {
            "; every text lower-cased"
        } else {
            ""
        }
    );
    let _ = writeln!(
        report,
        "{:<12} {:>6} {:>6} | {:>6} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "label", "gold", "found", "P", "R", "F1", "F2", "typedP", "typedR", "typedF1"
    );
    let mut row = |label: &str, c: &Counts| {
        let (p, r) = (
            ratio(c.predicted_flagged, c.predicted),
            ratio(c.gold_flagged, c.gold),
        );
        let (tp, tr) = (
            ratio(c.predicted_typed, c.predicted),
            ratio(c.gold_typed, c.gold),
        );
        let _ = writeln!(
            report,
            "{label:<12} {:>6} {:>6} | {p:>6.3} {r:>6.3} {:>6.3} {:>6.3} | {tp:>6.3} {tr:>6.3} {:>6.3}",
            c.gold,
            c.predicted,
            f_beta(p, r, 1.0),
            f_beta(p, r, 2.0),
            f_beta(tp, tr, 1.0)
        );
    };
    row("ALL", &total);
    for (label, c) in &per_label {
        row(label, c);
    }
    let _ = writeln!(
        report,
        "unscored findings (labels the corpus does not annotate): {unscored}"
    );
    let verdict = (phi_records > 0).then(|| VerdictScores {
        recall: ratio(blocked_true, phi_true),
        precision: ratio(blocked_true, blocked),
        false_positive_rate: ratio(blocked_false, negatives),
    });
    if let Some(v) = &verdict {
        let _ = writeln!(
            report,
            "verdict (block = PHI) on {phi_records} records with a phi label: recall {:.3}, precision {:.3}, false-positive rate {:.3} ({} PHI, {} not PHI)",
            v.recall, v.precision, v.false_positive_rate, phi_true, negatives
        );
    }
    let overall = SpanScores {
        precision: ratio(total.predicted_flagged, total.predicted),
        recall: ratio(total.gold_flagged, total.gold),
        typed_precision: ratio(total.predicted_typed, total.predicted),
        typed_recall: ratio(total.gold_typed, total.gold),
    };
    Ok(Evaluation {
        report,
        predictions,
        overall,
        verdict,
    })
}

/// What the engine found in one record: its spans, as offsets into the record as written,
/// and the verdict.
fn outcome(engine: &Engine, doc: &Document, matches: &[Match]) -> (Vec<Span>, Verdict) {
    let rules = engine.rules();
    let identifiers: Vec<Identifier> = matches
        .iter()
        .map(|m| Identifier::new(&rules[m.rule], m.start, m.end))
        .collect();
    let (verdict, _) = verdict::decide(&doc.text, &identifiers);
    let spans = matches
        .iter()
        .map(|m| Span {
            start: doc.source_offset(m.start),
            end: doc.source_offset(m.end),
            label: rules[m.rule].category.label().to_string(),
        })
        .collect();
    (spans, verdict)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn scores_overlap_type_and_verdict() {
        let engine = Engine::new(RuleSet::builtin());
        let corpus = concat!(
            r#"{"id": "1", "text": "Pray for Maria Gonzalez, admitted 03/14/2024.", "spans": [{"start": 9, "end": 23, "label": "NAME"}, {"start": 34, "end": 44, "label": "DATE"}], "phi": true}"#,
            "\n",
            r#"{"id": "2", "text": "Flu shots in 2024 for everyone.", "spans": [{"start": 13, "end": 17, "label": "IGNORE"}], "phi": false}"#,
            "\n"
        );
        let result = evaluate(&engine, "t", corpus, Options::default()).unwrap();
        assert!(
            result
                .report
                .contains("ALL               2      2 |  1.000  1.000"),
            "{}",
            result.report
        );
        assert!(
            result
                .report
                .contains("recall 1.000, precision 1.000, false-positive rate 0.000"),
            "{}",
            result.report
        );
        let lines: Vec<&str> = result.predictions.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].contains("\"phi\":true") && lines[0].contains("\"verdict\":\"block\""));
    }

    #[test]
    fn bad_spans_are_errors() {
        let engine = Engine::new(RuleSet::builtin());
        let err = evaluate(
            &engine,
            "t",
            "{\"id\": 1, \"text\": \"é\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"NAME\"}]}\n",
            Options::default(),
        );
        assert_eq!(err.err().unwrap().line, 1);
    }
}
