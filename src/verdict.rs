//! The per-document verdict: `block` when an identifier of a person appears together with
//! health information or patient status (that is PHI), `review` when there are identifiers but
//! no such link, `pass` when there are none. Also the exit status that verdicts lead to.
//!
//! The health link is a word-level lookup of the shipped health vocabulary (conditions,
//! procedures, treatments, medications, care settings) plus patient-status phrases.

use crate::redact::mask;
use crate::rules::category::{Category, Reach};
use crate::rules::dictionaries::Dictionary;
use crate::rules::{Rule, Subject};

/// How many identifiers a verdict reason names before it says "and N more".
const MAX_NAMED: usize = 4;
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

/// Health-vocabulary roles that name staff, not patients: "nurse" in "We're hiring nurses"
/// says nothing about anyone's health.
fn is_staff_role(term: &str, kind: Option<&str>) -> bool {
    kind == Some("role") && !term.contains("patient")
}

/// Short terms counted only in capitals: "ER" is the emergency room, "er" is hesitation.
const CAPITALS_ONLY: &[&str] = &["ER", "ED", "OR", "ICU", "NICU"];

/// A health term and its kind (`condition`, `care_setting`, `status`, ...).
type Term = (&'static str, Option<&'static str>);

fn health_automaton() -> &'static (AhoCorasick, Vec<Term>) {
    static AUTOMATON: OnceLock<(AhoCorasick, Vec<Term>)> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        let terms: Vec<Term> = Dictionary::HEALTH_TERMS
            .rows()
            .chain(Dictionary::HEALTH_TERMS_EXTRA.rows())
            .filter(|(term, kind)| term.len() > 2 && !is_staff_role(term, *kind))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms.iter().map(|(term, _)| term))
            .expect("health terms are plain literals");
        (automaton, terms)
    })
}

/// Builds the health vocabulary's automaton now rather than on first use.
pub fn prepare() {
    health_automaton();
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The first health or patient-status term in `text`: as a whole word (a plural or
/// possessive ending is fine), in capitals for the short ones, or a condition or treatment
/// inside a hashtag (#CancerSurvivor; not #hospitallife, which says nothing about anyone).
/// Inside `links` (the web addresses of the post, sorted and disjoint) only patient-status words count: a page
/// name such as `/stroke-signs` says nothing about a person, a `gofundme` link does.
pub fn health_context(text: &str, links: &[(usize, usize)]) -> Option<&'static str> {
    let (automaton, terms) = health_automaton();
    // The most telling term names the reason: a diagnosis or treatment before a care setting,
    // a care setting before a patient-status word.
    let telling = |kind: Option<&str>| match kind {
        Some("status") => 2,
        Some("care_setting") => 1,
        _ => 0,
    };
    let whole_word = automaton.find_iter(text).filter(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = &text[m.end()..];
        let ending = ["'s", "’s", "s", "es"]
            .iter()
            .any(|e| after.starts_with(e) && !is_word_char(after[e.len()..].chars().next()));
        // Links are sorted and disjoint: only the last one starting before the term can hold it.
        let in_link = links[..links.partition_point(|&(s, _)| s <= m.start())]
            .last()
            .is_some_and(|&(_, e)| m.end() <= e);
        !is_word_char(before)
            && (!is_word_char(after.chars().next()) || ending)
            && (!in_link || terms[m.pattern().as_usize()].1 == Some("status"))
    });
    if let Some(m) = whole_word.min_by_key(|m| telling(terms[m.pattern().as_usize()].1)) {
        return Some(terms[m.pattern().as_usize()].0);
    }
    let capitals = CAPITALS_ONLY.iter().find(|term| {
        text.match_indices(**term).any(|(at, _)| {
            !is_word_char(text[..at].chars().next_back())
                && !is_word_char(text[at + term.len()..].chars().next())
        })
    });
    if let Some(term) = capitals {
        return Some(term);
    }
    text.split(char::is_whitespace)
        .filter_map(|token| token.strip_prefix('#'))
        .find_map(|tag| {
            automaton
                .find_iter(tag)
                .map(|m| terms[m.pattern().as_usize()])
                .find(|(term, kind)| {
                    term.len() >= 4
                        && matches!(
                            *kind,
                            Some("condition" | "procedure" | "treatment" | "medication")
                        )
                })
                .map(|(term, _)| term)
        })
}

/// One identifier as the verdict sees it.
pub struct Identifier {
    pub category: Category,
    /// Found by a staff rule (see `rules::Subject`).
    pub staff: bool,
    /// What it points at (see `rules::Rule::reach`).
    pub reach: Reach,
    /// Byte range in the document text.
    pub start: usize,
    pub end: usize,
}

impl Identifier {
    /// The identifier `rule` found at `start..end`.
    pub fn new(rule: &Rule, start: usize, end: usize) -> Identifier {
        Identifier {
            category: rule.category,
            staff: rule.subject == Subject::Staff,
            reach: rule.reach,
            start,
            end,
        }
    }

    fn points_at(&self, reach: Reach) -> bool {
        !self.staff && self.reach == reach
    }
}

/// Decides a document's verdict from its unsuppressed identifiers and its text.
///
/// * `block`: an identifier of a person (not a staff member) in a health context, or a first
///   name there together with a phone number or address.
/// * `review`: any identifier of a person; a weak one (a first name alone), even in a health
///   context; a contact detail (which may be the organisation's own: allowlist it in
///   `.phiscan.toml`); a staff member's name.
/// * `pass`: nothing, or only dates, places and web addresses with no person or contact beside
///   them: an event date or a town names no one.
pub fn decide(text: &str, identifiers: &[Identifier]) -> (Verdict, Vec<String>) {
    // Each identifier named by its category and masked value: NAME "M**** G*******".
    let labels = |keep: &dyn Fn(&Identifier) -> bool| {
        let mut l: Vec<String> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for i in identifiers.iter().filter(|i| keep(i)) {
            let named = format!(
                "{} \"{}\"",
                i.category.label(),
                mask(&text[i.start..i.end], i.category)
            );
            if seen.insert(named.clone()) {
                l.push(named);
            }
        }
        if l.len() > MAX_NAMED {
            let more = l.len() - MAX_NAMED;
            l.truncate(MAX_NAMED);
            l.push(format!("{more} more"));
        }
        l
    };
    let all = labels(&|_| true);
    if all.is_empty() {
        return (Verdict::Pass, vec!["no identifiers found".into()]);
    }
    let personal = labels(&|i| i.points_at(Reach::Person));
    let weak = labels(&|i| i.points_at(Reach::Weak));
    let contact = labels(&|i| i.reach == Reach::Contact);
    let staff_only = identifiers.iter().any(|i| i.staff) && personal.is_empty();
    let links: Vec<(usize, usize)> = identifiers
        .iter()
        .filter(|i| i.category == Category::Url)
        .map(|i| (i.start, i.end))
        .collect();
    match health_context(text, &links) {
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
        Some(term) if !weak.is_empty() && !contact.is_empty() => (
            Verdict::Block,
            vec![
                format!(
                    "a first name with contact details pinpoints the person ({}, {})",
                    weak.join(", "),
                    contact.join(", ")
                ),
                format!("in a health context (\"{term}\")"),
            ],
        ),
        Some(term) if !weak.is_empty() => (
            Verdict::Review,
            vec![
                format!(
                    "health information (\"{term}\") with a weak identifier ({})",
                    weak.join(", ")
                ),
                "a first name alone may still identify a patient to people who know them".into(),
            ],
        ),
        _ if !weak.is_empty() => (
            Verdict::Review,
            vec![
                format!("a weak identifier ({})", weak.join(", ")),
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
            reach: category.reach(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn health_terms_are_whole_words() {
        assert_eq!(
            health_context("She was diagnosed with leukemia", &[]),
            Some("diagnosed")
        );
        assert_eq!(
            health_context("Our patient's family", &[]),
            Some("our patient")
        );
        assert_eq!(
            health_context("brought her to the ER on Monday", &[]),
            Some("ER")
        );
        assert_eq!(
            health_context("so brave #CancerSurvivor", &[]),
            Some("cancer")
        );
        assert_eq!(
            health_context("We're hiring nurses and doctors!", &[]),
            None
        );
        assert_eq!(
            health_context("Join us! #hospitallife #HealthcareHeroes", &[]),
            None
        );
        assert_eq!(health_context("Happy holidays to all", &[]), None);
        assert_eq!(health_context("a mayoral stroll", &[]), None);
    }

    #[test]
    fn person_plus_health_blocks() {
        let (v, reasons) = decide("Maria was admitted with pneumonia", &[id(Category::Name)]);
        assert_eq!(v, Verdict::Block);
        assert!(reasons[1].contains("pneumonia"));
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
        let birth_date = Identifier {
            reach: Reach::Person,
            ..id(Category::Date)
        };
        assert_eq!(
            decide("DOB 3/4/1950, discharged today", &[birth_date]).0,
            Verdict::Block
        );
        let staff = Identifier {
            staff: true,
            ..id(Category::Name)
        };
        assert_eq!(
            decide("Dr. Lee leads our surgery team", &[staff]).0,
            Verdict::Review
        );
        let first_name = || Identifier {
            reach: Reach::Weak,
            ..id(Category::Name)
        };
        assert_eq!(
            decide(
                "Amarachi asked about her mammogram results",
                &[first_name()]
            )
            .0,
            Verdict::Review
        );
        let (v, reasons) = decide(
            "Call Marisela back about her mammogram results",
            &[first_name(), id(Category::Phone)],
        );
        assert_eq!(v, Verdict::Block);
        assert!(reasons[0].contains("first name with contact details"));
    }
}
