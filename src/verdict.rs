//! The per-document verdict: `block` when an identifier of a person appears together with
//! health information or patient status (that is PHI), `review` when there are identifiers but
//! no such link, `pass` when there are none. Also the exit status that verdicts lead to.
//!
//! The health link is a word-level lookup of the shipped health vocabulary (conditions,
//! procedures, treatments, medications, care settings) plus patient-status phrases.

use crate::rules::category::{Category, Reach};
use crate::rules::dictionaries::Dictionary;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;
use std::sync::OnceLock;

/// How risky a document is. Ordered: `Pass < Review < Block`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Review,
    Block,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

/// Words that put a person in a patient role even without a diagnosis.
const PATIENT_STATUS: &[&str] = &[
    "patient",
    "our patient",
    "admitted",
    "discharged",
    "diagnosed",
    "treated",
    "surgery",
    "in room",
    "bed",
    "resident",
    "residents",
    "memory care",
    "hospice",
    "nicu",
    "picu",
    "icu",
    "rang the bell",
    "get well",
    "pray for",
    "prayers",
    "passed away",
    "recovering",
    "chemo",
    "rehab",
    "transplant",
    "copay",
    "check-in",
    "prescription",
];

fn health_automaton() -> &'static (AhoCorasick, Vec<&'static str>) {
    static AUTOMATON: OnceLock<(AhoCorasick, Vec<&'static str>)> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        let terms: Vec<&'static str> = Dictionary::HEALTH_TERMS
            .entries()
            // Two-letter terms (er, ms, ...) are too often something else.
            .filter(|t| t.len() > 2)
            .chain(PATIENT_STATUS.iter().copied())
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&terms)
            .expect("health terms are plain literals");
        (automaton, terms)
    })
}

/// The first health or patient-status term in `text` that stands as a whole word.
pub fn health_context(text: &str) -> Option<&'static str> {
    let (automaton, terms) = health_automaton();
    automaton
        .find_iter(text)
        .find(|m| {
            let before = text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = text[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            // "patient's" and "resident's" still count.
            !before && (!after || text[m.end()..].starts_with("'s"))
        })
        .map(|m| terms[m.pattern().as_usize()])
}

/// One identifier as the verdict sees it.
pub struct Identifier {
    pub category: Category,
    /// Found by a staff rule (see `rules::Subject`).
    pub staff: bool,
}

/// Decides a document's verdict from its unsuppressed identifiers and its text.
///
/// * `block`: an identifier of a person (not a staff member) in a health context.
/// * `review`: any identifier of a person, or a contact detail (which may be the
///   organisation's own: allowlist it in `.phiscan.toml`).
/// * `pass`: nothing, or only dates, places and web addresses with no person or contact beside
///   them: an event date or a town names no one.
pub fn decide(text: &str, identifiers: &[Identifier]) -> (Verdict, Vec<String>) {
    let labels = |reach: Option<Reach>| {
        let mut l: Vec<&str> = identifiers
            .iter()
            .filter(|i| {
                reach.is_none_or(|r| i.category.reach() == r && !(r == Reach::Person && i.staff))
            })
            .map(|i| i.category.label())
            .collect();
        l.sort();
        l.dedup();
        l
    };
    let all = labels(None);
    if all.is_empty() {
        return (Verdict::Pass, vec!["no identifiers found".into()]);
    }
    let personal = labels(Some(Reach::Person));
    let contact = labels(Some(Reach::Contact));
    let staff_only = identifiers.iter().any(|i| i.staff) && personal.is_empty();
    match health_context(text) {
        Some(term) if !personal.is_empty() => (
            Verdict::Block,
            vec![
                format!("identifies a person ({})", personal.join(", ")),
                format!("in a health context (\"{term}\")"),
            ],
        ),
        _ if !personal.is_empty() => (
            Verdict::Review,
            vec![
                format!("identifies a person ({})", personal.join(", ")),
                "no health information found next to it".into(),
            ],
        ),
        _ if !contact.is_empty() => (
            Verdict::Review,
            vec![
                format!("contact details ({})", contact.join(", ")),
                "allowlist them in .phiscan.toml if they are the organisation's own".into(),
            ],
        ),
        _ if staff_only => (
            Verdict::Review,
            vec!["names a staff member; check they agreed to be named".into()],
        ),
        _ => (
            Verdict::Pass,
            vec![format!(
                "only {} with no person named beside them",
                all.join(", ")
            )],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(category: Category) -> Identifier {
        Identifier {
            category,
            staff: false,
        }
    }

    #[test]
    fn health_terms_are_whole_words() {
        assert_eq!(
            health_context("She was diagnosed with leukemia"),
            Some("diagnosed")
        );
        assert_eq!(health_context("Our patient's family"), Some("our patient"));
        assert_eq!(health_context("Happy holidays to all"), None);
        assert_eq!(health_context("a mayoral stroll"), None);
    }

    #[test]
    fn person_plus_health_blocks() {
        let (v, reasons) = decide("Maria was admitted with pneumonia", &[id(Category::Name)]);
        assert_eq!(v, Verdict::Block);
        assert!(reasons[1].contains("admitted"));
        assert_eq!(
            decide("Call us about flu shots", &[id(Category::Phone)]).0,
            Verdict::Review
        );
        assert_eq!(
            decide(
                "Flu shots on June 14 in Lowell",
                &[id(Category::Date), id(Category::Location)]
            )
            .0,
            Verdict::Pass
        );
        assert_eq!(
            decide("Thanks Maria!", &[id(Category::Name)]).0,
            Verdict::Review
        );
        assert_eq!(decide("Flu tips", &[]).0, Verdict::Pass);
        let staff = Identifier {
            category: Category::Name,
            staff: true,
        };
        assert_eq!(
            decide("Dr. Lee leads our surgery team", &[staff]).0,
            Verdict::Review
        );
    }
}
