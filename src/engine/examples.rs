//! `phiscan rules test`: every rule's own examples, run through the engine with that rule alone.

use super::Engine;
use crate::rules::{RuleSet, Workload};

/// Runs each rule's `examples.match` (must be flagged) and `examples.no_match` (must not be);
/// returns one line per failing example, naming the rule.
pub fn run_examples(set: &RuleSet) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in &set.rules {
        let engine = Engine::for_workload(
            RuleSet {
                rules: vec![rule.clone()],
            },
            Workload::Small,
        );
        for example in &rule.examples_match {
            if engine.find(example).is_empty() {
                failures.push(format!("{}: should flag {example:?} but did not", rule.id));
            }
        }
        for example in &rule.examples_no_match {
            let found = engine.find(example);
            if let Some(m) = found.first() {
                failures.push(format!(
                    "{}: should not flag {example:?} but flagged bytes {}..{}",
                    rule.id, m.start, m.end
                ));
            }
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_examples_pass() {
        let failures = run_examples(&RuleSet::builtin());
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
