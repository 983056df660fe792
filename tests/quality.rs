//! Detection quality must not silently regress: `eval` on slices of the shared corpora with
//! floors. The dev_social floors are the detection-quality targets; the others are today's
//! level less a margin, raised as detection improves (see README, "Measured quality").

use crate::util::root;
use phiscan::engine::Engine;
use phiscan::eval::{Evaluation, Options, evaluate};
use phiscan::rules::RuleSet;

fn run(slice: &str, labels: Option<&[&str]>) -> Evaluation {
    score(slice, labels, None, false)
}

fn score(
    slice: &str,
    labels: Option<&[&str]>,
    unlisted_names: Option<u64>,
    lower_case: bool,
) -> Evaluation {
    let path = root().join("tests/fixtures/corpora").join(slice);
    let text = std::fs::read_to_string(&path).unwrap();
    let labels: Option<Vec<String>> = labels.map(|l| l.iter().map(|s| s.to_string()).collect());
    let options = Options {
        labels: labels.as_deref(),
        unlisted_names,
        lower_case,
    };
    evaluate(&Engine::new(RuleSet::builtin()), slice, &text, options).unwrap()
}

/// Flagged recall and verdict recall at least these, flagged precision at least 0.92 and a
/// verdict false-positive rate at most 0.05 (the targets' own bounds for both).
fn above_floors(e: &Evaluation, flagged_recall: f64, verdict_recall: f64) {
    let v = e.verdict.unwrap();
    let report = &e.report;
    assert!(
        e.overall.recall >= flagged_recall,
        "flagged recall\n{report}"
    );
    assert!(e.overall.precision >= 0.92, "flagged precision\n{report}");
    assert!(v.recall >= verdict_recall, "verdict recall\n{report}");
    assert!(
        v.false_positive_rate <= 0.05,
        "verdict false-positive rate\n{report}"
    );
}

/// The detection-quality targets of issue 3.
fn meets_the_targets(e: &Evaluation) {
    above_floors(e, 0.97, 0.98);
}

#[test]
fn dev_social_meets_the_targets() {
    meets_the_targets(&run("dev_social.slice.jsonl", None));
}

/// The held-out sets are written with names outside the census lists: the same posts with
/// every name made up must still meet the targets.
#[test]
fn dev_social_meets_the_targets_with_names_no_list_has() {
    meets_the_targets(&score("dev_social.slice.jsonl", None, Some(1), false));
    let e = score("phiscan_phrasing.jsonl", None, Some(2), false);
    let v = e.verdict.unwrap();
    assert!(e.overall.recall >= 0.965, "flagged recall\n{}", e.report);
    assert!(v.recall >= 0.97, "verdict recall\n{}", e.report);
}

#[test]
fn other_phrasings_and_unlisted_names_still_work() {
    // The set keeps the posts of its batches that are still missed (a lower-case name no list
    // has, a date of birth with no health word): 0.989 with all twenty-five batches.
    above_floors(&run("phiscan_phrasing.jsonl", None), 0.97, 0.975);
}

/// Some posts are written without a capital letter (dev_social lower-cases one in twenty):
/// the phrasing set lower-cased, every name in it made up or not. The floors are today's level
/// less a margin; well below the targets, as a name no list has in lower case is told from a
/// word only by the words around it.
#[test]
fn posts_in_lower_case_do_not_regress() {
    for unlisted_names in [None, Some(2)] {
        let e = score("phiscan_phrasing.jsonl", None, unlisted_names, true);
        above_floors(&e, 0.78, 0.83);
    }
}

#[test]
fn presidio_synth_does_not_regress() {
    let labels = [
        "NAME",
        "ADDRESS",
        "LOCATION",
        "ZIP",
        "DATE",
        "AGE",
        "PHONE",
        "FAX",
        "EMAIL",
        "SSN",
        "CREDIT_CARD",
        "LICENSE",
        "URL",
        "IP",
        "ACCOUNT",
    ];
    let e = run("presidio_synth.slice.jsonl", Some(&labels));
    // The target for the whole corpus (0.958 / 0.951 there), the slice at 0.959.
    assert!(e.overall.recall >= 0.95, "flagged recall\n{}", e.report);
    assert!(
        e.overall.precision >= 0.90,
        "flagged precision\n{}",
        e.report
    );
}

#[test]
fn meddocan_does_not_regress() {
    // Spanish clinical text: reported, not tuned for; English name lists find Spanish words.
    let e = run("meddocan.slice.jsonl", None);
    assert!(e.overall.recall >= 0.40, "flagged recall\n{}", e.report);
    assert!(
        e.overall.precision >= 0.75,
        "flagged precision\n{}",
        e.report
    );
}
