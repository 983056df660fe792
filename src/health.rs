//! Where a post speaks of health: the first term of the shipped health vocabulary
//! (`rules/data/health_terms*.txt`: conditions, procedures, treatments, medications, care
//! settings, patient-status phrases) found in its text, for the verdict.
//!
//! Terms are found word by word: each word is looked up once, and only a word that starts a
//! longer term makes the lookup try the words after it. The table takes well under a
//! millisecond to build; an automaton over the 3,700 terms took longer to build than a whole
//! one-draft scan is allowed to take.

use crate::rules::dictionaries::{Dictionary, ascii_lowered};
use crate::words::{closes_with, is_word_at, opens_with};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Short terms counted only in capitals: "ER" is the emergency room, "er" is hesitation.
const CAPITALS_ONLY: &[&str] = &["ER", "ED", "OR", "ICU", "NICU"];

/// Term kinds that still name a health matter when run into a hashtag (#CancerSurvivor).
const HASHTAG_KINDS: &[&str] = &["condition", "procedure", "treatment", "medication"];

/// Shortest term looked for inside a hashtag: shorter ones hide in ordinary words.
const HASHTAG_MIN_BYTES: usize = 4;

/// Terms shorter than this, in bytes, count inside a hashtag only where one of its words
/// starts: four letters hide in many an ordinary word.
const SHORT_IN_A_HASHTAG: usize = 5;

/// Longest text, in bytes, lowered for a lookup; no term is nearly as long.
const LONGEST_LOOKUP: usize = 96;

/// A health term and its kind (`condition`, `care_setting`, `status`, ...).
type Term = (&'static str, Option<&'static str>);

/// What the vocabulary knows of a lower-case word or phrase.
#[derive(Clone, Copy, Default)]
struct Known {
    /// The term it is.
    term: Option<Term>,
    /// The most words of a term that starts with it (0 when it starts none).
    longest: usize,
}

struct Vocabulary {
    known: FxHashMap<&'static str, Known>,
    /// The most words any term has: how far ahead a lookup may need to see.
    most_words: usize,
    /// The first four bytes of every term a hashtag may hold, to skip most places in a tag.
    hashtag_starts: FxHashSet<[u8; 4]>,
    /// Length in bytes of the longest term a hashtag may hold.
    hashtag_longest: usize,
    /// Terms of several words run together ("nicugrad", "therapydog"), with the health matter
    /// a hashtag that is one of them whole speaks of: a patient's status (#NICUgrad), or none
    /// for staff and health care in general (#TherapyDog, not "therapy"). A hashtag that only
    /// holds a status phrase (#ourpatientsfirst) may speak of patients in general.
    whole_hashtags: FxHashMap<String, Option<&'static str>>,
    /// Terms of several words of a kind a hashtag may hold, run together as hashtags write
    /// them (#palliativecare, #hipreplacement), with the term each spells.
    run_together: FxHashMap<String, &'static str>,
    /// The staff roles the vocabulary lists ("nurse", "physical therapist"), kept apart from
    /// the terms: they say who cared, not that anyone's health is spoken of.
    roles: FxHashSet<&'static str>,
}

/// Health-vocabulary roles that name staff, not patients: "nurse" in "We're hiring nurses"
/// says nothing about anyone's health.
fn is_staff_role(term: &str, kind: Option<&str>) -> bool {
    kind == Some("role") && !term.contains("patient")
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut known: FxHashMap<&'static str, Known> = FxHashMap::default();
        let mut hashtag_starts = FxHashSet::default();
        let mut hashtag_longest = 0;
        let mut whole_hashtags = FxHashMap::default();
        let mut run_together = FxHashMap::default();
        let mut roles = FxHashSet::default();
        let mut most_words = 1;
        // The extra list comes first: where it names a term again, its kind is the one kept.
        let rows = Dictionary::HEALTH_TERMS_EXTRA
            .rows()
            .chain(Dictionary::HEALTH_TERMS.rows());
        for (term, kind) in rows {
            if is_staff_role(term, kind) {
                roles.insert(term);
                continue;
            }
            if term.len() <= 2 {
                continue;
            }
            let entry = known.entry(term).or_default();
            entry.term.get_or_insert((term, kind));
            let count = words(term).count();
            if let Some((start, end)) = words(term).next().filter(|_| count > 1) {
                let first = known.entry(&term[start..end]).or_default();
                first.longest = first.longest.max(count);
                most_words = most_words.max(count);
            }
            let hashtag_kind = kind.is_some_and(|k| HASHTAG_KINDS.contains(&k));
            if count > 1 {
                let whole: String = term.split(|c: char| !c.is_alphanumeric()).collect();
                match kind {
                    Some("status") => {
                        whole_hashtags.insert(whole, Some(term));
                    }
                    Some("staff" | "general") => {
                        whole_hashtags.insert(whole, None);
                    }
                    _ if hashtag_kind && whole.len() >= HASHTAG_MIN_BYTES => {
                        let start = whole.as_bytes()[..HASHTAG_MIN_BYTES].try_into();
                        hashtag_starts.insert(start.expect("four bytes"));
                        run_together.insert(whole, term);
                    }
                    _ => {}
                }
            }
            if hashtag_kind && term.len() >= HASHTAG_MIN_BYTES {
                let start = term.as_bytes()[..HASHTAG_MIN_BYTES].try_into();
                hashtag_starts.insert(start.expect("four bytes"));
                hashtag_longest = hashtag_longest.max(term.len());
            }
        }
        Vocabulary {
            known,
            most_words,
            hashtag_starts,
            hashtag_longest,
            whole_hashtags,
            run_together,
            roles,
        }
    })
}

/// Builds the vocabulary now rather than on first use.
pub fn prepare() {
    vocabulary();
}

/// The byte ranges of the words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            rest.next();
        }
        Some((start, end))
    })
}

impl Vocabulary {
    fn known(&self, lower: &str) -> Known {
        self.known.get(lower).copied().unwrap_or_default()
    }

    /// The term `text` (any case) is, in its plural too ("strokes", "viruses").
    fn term(&self, text: &str) -> Option<Term> {
        let mut buffer = [0; LONGEST_LOOKUP];
        let lower = ascii_lowered(text, &mut buffer)?;
        self.known(lower).term.or_else(|| {
            ["s", "es"]
                .iter()
                .filter_map(|ending| lower.strip_suffix(ending))
                .find_map(|singular| self.known(singular).term)
        })
    }

    /// The longest term made of the first of `words` and those after it, with the number of
    /// words it takes and its end.
    fn term_at(&self, text: &str, words: &[(usize, usize)]) -> Option<(Term, usize, usize)> {
        let mut buffer = [0; LONGEST_LOOKUP];
        let (start, end) = words[0];
        let longest =
            ascii_lowered(&text[start..end], &mut buffer).map_or(0, |w| self.known(w).longest);
        (1..=longest.max(1).min(words.len()))
            .rev()
            .find_map(|count| {
                let end = words[count - 1].1;
                // Abbreviations end with their dot: "E.R.", "I.C.U.".
                let dotted = text[end..].starts_with('.').then_some(end + 1);
                [Some(end), dotted]
                    .into_iter()
                    .flatten()
                    .find_map(|end| Some((self.term(&text[start..end])?, count, end)))
            })
    }

    /// The first term of a kind that still means something inside a run-together hashtag.
    fn term_in_hashtag(&self, tag: &str) -> Option<&'static str> {
        let mut buffer = [0; LONGEST_LOOKUP];
        let lower = ascii_lowered(tag, &mut buffer)?;
        if let Some(&whole) = self.whole_hashtags.get(lower) {
            return whole;
        }
        let bytes = lower.as_bytes();
        // A short term must open one of the tag's words: "#CopdWarrior" and "#TeamAFib", not
        // the "orif" of "#Storify" or the "cast" of "#Podcast".
        let opens_a_word = |start: usize| {
            start == 0
                || tag.as_bytes()[start].is_ascii_uppercase()
                || !tag.as_bytes()[start - 1].is_ascii_alphabetic()
        };
        (0..bytes.len().saturating_sub(HASHTAG_MIN_BYTES - 1))
            .filter(|&start| lower.is_char_boundary(start))
            .filter(|&start| {
                let four: [u8; 4] = bytes[start..start + 4].try_into().expect("four bytes");
                self.hashtag_starts.contains(&four)
            })
            .find_map(|start| {
                let longest = (start + self.hashtag_longest).min(bytes.len());
                (start + HASHTAG_MIN_BYTES..=longest)
                    .rev()
                    .filter(|&end| lower.is_char_boundary(end))
                    .filter(|&end| end - start >= SHORT_IN_A_HASHTAG || opens_a_word(start))
                    .find_map(|end| match self.known(&lower[start..end]).term {
                        Some((term, Some(kind))) if HASHTAG_KINDS.contains(&kind) => Some(term),
                        _ => self.run_together.get(&lower[start..end]).copied(),
                    })
            })
    }
}

/// A health term found in a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthTerm {
    pub term: &'static str,
    /// Whether the post's terms speak of someone's health or care (a condition, a treatment,
    /// "admitted", "our patient"), not only of where care happens (a care setting): a donor's
    /// gift to the cancer center tells nothing of anyone's health.
    pub personal: bool,
}

/// Words that, after a health term, make it the name of a place or a team.
const PLACES_OF_CARE: [&str; 29] = [
    " program",
    " programs",
    " unit",
    " units",
    " center",
    " centre",
    " clinic",
    " floor",
    " ward",
    " wing",
    " department",
    " lab",
    " gym",
    " team",
    " nurses",
    " staff",
    // A clinician named by what they treat: "our new heart failure nurse practitioner".
    " nurse",
    " specialist",
    " specialists",
    " doctor",
    " doctors",
    " physician",
    " physicians",
    " surgeon",
    " surgeons",
    " coordinator",
    " navigator",
    " educator",
    " pharmacist",
];

/// Words that, after a health term, make it name a group, a campaign, an event, a study or a
/// qualification ("our dialysis patients", "the cancer walk", "a C-section education class"):
/// about no one.
const NO_ONE_AFTER: [&str; 19] = [
    " patients",
    " survivors",
    " awareness",
    " walk",
    " run",
    " ride",
    " gala",
    " 5k",
    " education",
    " research",
    " fund",
    " foundation",
    " society",
    " support",
    // What staff earn or teach: "her sedation dentistry certification", "a stroke care course".
    " certification",
    " certificate",
    " training",
    " course",
    " courses",
];

/// Whether `after`, the text right after a health term, opens with one of the [`NO_ONE_AFTER`]
/// words, so that the term names a group, a campaign or a field, not anyone's health.
fn names_no_one(after: &str) -> bool {
    NO_ONE_AFTER.iter().any(|next| opens_with(after, next))
}

/// Words that, before a health term, make it someone's own ("her NICU stay", "his cancer support
/// group").
const OWNERS: [&str; 4] = ["his", "her", "their", "my"];

/// Words that, before a health term, make it a topic someone works, teaches or speaks on ("her
/// project on sepsis detection", "a talk on stroke care", "teaching stroke care"): about no one.
const TOPIC_BEFORE: [&str; 15] = [
    // "trained the shelter staff to spot sepsis early".
    "to spot",
    "to recognize",
    "to recognise",
    "teaching",
    "teaches",
    "taught",
    "project on",
    "projects on",
    "talk on",
    "lecture on",
    "presentation on",
    "paper on",
    "webinar on",
    "research on",
    "study on",
];

/// Words that, before a care setting, make it a stay someone made there ("211 days in our
/// NICU", "three nights in the ICU").
const STAY_BEFORE: [&str; 8] = [
    "days in our",
    "days in the",
    "nights in our",
    "nights in the",
    "weeks in our",
    "weeks in the",
    "months in our",
    "months in the",
];

/// Words that, after a patient-status word, make a compound about patients in general ("our
/// patient advocates", "your patient portal"), not someone's status.
const PATIENT_COMPOUNDS: [&str; 16] = [
    " advocate",
    " advocates",
    " portal",
    " experience",
    " navigator",
    " navigators",
    " relations",
    " services",
    " safety",
    " satisfaction",
    " access",
    " transport",
    " liaison",
    " ambassadors",
    " education",
    " lounge",
];

/// Whether a term of `kind` speaks of someone's health, not only of a place.
fn is_personal(kind: Option<&str>) -> bool {
    kind != Some("care_setting")
}

/// Every health term of `text` in order, with its kind as the text uses it, and where it
/// stands: staff phrases, health care in general and terms naming a group or a campaign left
/// out, and a term before a place or a team read as a care setting.
fn terms(text: &str) -> impl Iterator<Item = (Term, usize, usize)> + '_ {
    let vocabulary = vocabulary();
    // The words ahead, only as many as the longest term: a 20 MB text keeps no list of them all.
    let mut words = words(text);
    let mut ahead: std::collections::VecDeque<(usize, usize)> = std::collections::VecDeque::new();
    std::iter::from_fn(move || {
        loop {
            ahead.extend(words.by_ref().take(vocabulary.most_words - ahead.len()));
            let &(start, _) = ahead.front()?;
            let Some((term, count, end)) = vocabulary.term_at(text, ahead.make_contiguous()) else {
                ahead.pop_front();
                continue;
            };
            ahead.drain(..count);
            // Staff phrases are looked up only so that their words are not read on their own:
            // "surgical residents" are doctors, not the residents of a care home. Health care in
            // general ("our patients and visitors", "patient rooms") is about no one in particular,
            // and a term before "patients" names a group ("our dialysis patients"), one before
            // "awareness" or "walk" a campaign or an event ("Sickle Cell Awareness Month"), one
            // after "project on" a topic: no one in any (see NO_ONE_AFTER, TOPIC_BEFORE).
            let followed_by = |next: &&str| opens_with(&text[end..], next);
            let topic = || {
                let before = text[..start].trim_end();
                TOPIC_BEFORE.iter().any(|words| closes_with(before, words))
            };
            let owned = || {
                let before = text[..start].trim_end();
                OWNERS.iter().any(|owner| closes_with(before, owner))
            };
            // Support or teaching given to one person is theirs: "labor and delivery support for
            // his wife", "her diabetes education class", "his cancer support group".
            let given_to_one = || {
                const SUPPORT_FOR: &str = " support for ";
                let support_for = text[end..]
                    .get(..SUPPORT_FOR.len())
                    .is_some_and(|words| words.eq_ignore_ascii_case(SUPPORT_FOR))
                    && OWNERS
                        .iter()
                        .any(|owner| opens_with(&text[end + SUPPORT_FOR.len()..], owner));
                let received = [" education", " support"]
                    .iter()
                    .any(|next| opens_with(&text[end..], next));
                support_for || received && owned()
            };
            let no_one = names_no_one(&text[end..]) && !given_to_one()
                || term.1 == Some("status") && PATIENT_COMPOUNDS.iter().any(followed_by)
                || topic();
            if matches!(term.1, Some("staff" | "general")) || no_one {
                continue;
            }
            // A health term before a place or a team names where care happens ("our dialysis
            // unit", "the stroke team", "the follow-up clinic"), as a care setting does: no one's
            // own care. So does one before a word of care and a place ("our stroke rehab team").
            let place_at = |at: usize| {
                PLACES_OF_CARE
                    .iter()
                    .any(|place| opens_with(&text[at..], place))
            };
            let care_word_then_place = || {
                let next = text[end..].strip_prefix(' ').unwrap_or_default();
                let word = next
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
                !word.is_empty()
                    && vocabulary.term(word).is_some()
                    && place_at(end + 1 + word.len())
            };
            if place_at(end) || care_word_then_place() {
                return Some(((term.0, Some("care_setting")), start, end));
            }
            // A stay in a care setting is someone's care: "spent 211 days in our NICU", "during
            // her NICU stay".
            let stay = || {
                let before = text[..start].trim_end();
                STAY_BEFORE.iter().any(|words| closes_with(before, words))
                    || opens_with(&text[end..], " stay") && owned()
            };
            if term.1 == Some("care_setting") && stay() {
                return Some(((term.0, Some("status")), start, end));
            }
            return Some((term, start, end));
        }
    })
}

/// The first condition, procedure or patient-status term of `text` ("knee replacement",
/// "colonoscopy", "discharge"): care someone received, where a treatment may be only advice
/// ("get your flu shot") and a care setting only a place.
pub fn care_received(text: &str) -> Option<&'static str> {
    terms(text)
        .find(|(term, _, _)| matches!(term.1, Some("condition" | "procedure" | "status")))
        .map(|(term, _, _)| term.0)
}

/// The first treatment of `text` other than a vaccine ("chemo", "dialysis"): what a post that
/// speaks to one person by name and names no one else may say they are going through ("Hang in
/// there, Ophira. Round four of chemo is almost done!"), where "your flu shot" is advice to
/// anyone.
pub fn treatment_received(text: &str) -> Option<&'static str> {
    terms(text)
        .find(|((name, kind), _, _)| *kind == Some("treatment") && !PREVENTION.contains(name))
        .map(|(term, _, _)| term.0)
}

/// Abbreviations of care roles, counted only in capitals: "pt" in lower case is as often the
/// patient as the physical therapist.
const ROLE_ABBREVIATIONS: [&str; 7] = ["PT", "OT", "NP", "PA", "RT", "SLP", "CNA"];

/// Whether `text` opens with a care role of the vocabulary, maybe after one word that says
/// which ("nurse", "physical therapist", "night nurse", "primary PT"): who someone was to the
/// one they cared for.
pub fn opens_with_care_role(text: &str) -> bool {
    let roles = &vocabulary().roles;
    let spans: Vec<(usize, usize)> = words(text).take(3).collect();
    let is_role = |from: usize, count: usize| {
        let Some(&(start, _)) = spans.get(from) else {
            return false;
        };
        let Some(&(_, end)) = spans.get(from + count - 1) else {
            return false;
        };
        let found = &text[start..end];
        let mut buffer = [0; LONGEST_LOOKUP];
        ROLE_ABBREVIATIONS.contains(&found)
            || ascii_lowered(found, &mut buffer).is_some_and(|lower| roles.contains(lower))
    };
    [(0, 1), (0, 2), (1, 1), (1, 2)]
        .into_iter()
        .any(|(from, count)| is_role(from, count))
}

/// Whether `word` (any case) is a health term or opens one ("cochlear", as in "cochlear
/// implant"): a word of medicine, which no list of everyday words holds and no name is.
pub fn medical_word(word: &str) -> bool {
    let mut buffer = [0; LONGEST_LOOKUP];
    ascii_lowered(word, &mut buffer).is_some_and(|lower| {
        let known = vocabulary().known(lower);
        known.term.is_some() || known.longest > 0
    })
}

/// Whether every health term of `text` tells of a birth and nothing more ("on the birth of his
/// son", "her new baby girl"): family news, unless a care setting or some care is named with it
/// ("born in our birth center", "a baby boy in the NICU").
pub fn only_a_birth(text: &str) -> bool {
    let mut terms = terms(text).peekable();
    terms.peek().is_some() && terms.all(|((name, _), _, _)| BIRTH_NEWS.contains(&name))
}

/// The words of a birth announced as news.
const BIRTH_NEWS: [&str; 6] = [
    "birth",
    "born",
    "was born",
    "baby girl",
    "baby boy",
    "had a baby",
];

/// Treatments offered to everyone: a post about them is advice, not someone's care.
const PREVENTION: [&str; 7] = [
    "flu shot",
    "vaccine",
    "vaccination",
    "vaccinated",
    "immunization",
    "booster",
    "prescription",
];

/// The most telling health or patient-status term in `text`: as a whole word (a plural or
/// possessive ending is fine), in capitals for the short ones, or a condition or treatment
/// inside a hashtag (#CancerSurvivor; not #hospitallife, which says nothing about anyone).
/// Inside `links` (the web addresses and @handles of the post, sorted and disjoint) only
/// patient-status words count: a page name such as `/stroke-signs` or a handle such as
/// `@dr.harrow_ortho` says nothing about a person, a `gofundme` link does.
pub fn health_context(text: &str, links: &[(usize, usize)]) -> Option<HealthTerm> {
    // The most telling term names the reason: a diagnosis or treatment before a care setting,
    // a care setting before a patient-status word.
    let telling = |kind: Option<&str>| match kind {
        Some("status") => 2,
        Some("care_setting") => 1,
        _ => 0,
    };
    let mut best: Option<Term> = None;
    let mut personal = false;
    for (term, start, end) in terms(text) {
        // Links are sorted and disjoint: only the last one starting before the term can hold it.
        let in_link = links[..links.partition_point(|&(s, _)| s <= start)]
            .last()
            .is_some_and(|&(_, e)| end <= e);
        if in_link && term.1 != Some("status") {
            continue;
        }
        personal |= is_personal(term.1);
        if best.is_none_or(|b| telling(term.1) < telling(b.1)) {
            best = Some(term);
        }
        if telling(term.1) == 0 {
            break;
        }
    }
    if let Some((term, _)) = best {
        return Some(HealthTerm { term, personal });
    }
    // The short capitals are all care settings (ER, ICU), and so say where, not who; before
    // "patients" or "research" they name a group or a field ("sleep in ICU patients").
    let capitals = CAPITALS_ONLY.iter().find(|term| {
        text.match_indices(**term).any(|(at, _)| {
            let end = at + term.len();
            is_word_at(text, at, end) && !names_no_one(&text[end..])
        })
    });
    if let Some(term) = capitals {
        return Some(HealthTerm {
            term,
            personal: false,
        });
    }
    health_in_hashtags(text)
        .or_else(|| premature_birth_weight(text).then_some("a premature baby's weight"))
        .map(|term| HealthTerm {
            term,
            personal: true,
        })
}

/// Whether `text` gives a weight in pounds and ounces under five pounds ("arrived at 1 lb 9
/// oz", "2lbs 3oz"): a premature or very small baby's, which no health word may name.
fn premature_birth_weight(text: &str) -> bool {
    // Built once: a searcher set up for every post costs more than the search.
    static OUNCES: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = OUNCES.get_or_init(|| memchr::memmem::Finder::new(b"oz"));
    finder.find_iter(text.as_bytes()).any(|oz| {
        // Back over the ounces ("9 ", "13"), then the pounds' unit and its number.
        let before = text[..oz].trim_end();
        let ounces = before.trim_end_matches(|c: char| c.is_ascii_digit());
        if ounces.len() == before.len() || before.len() - ounces.len() > 2 {
            return false;
        }
        let unit = ounces.trim_end();
        let Some(pounds) = ["lbs", "lb", "pounds", "pound"]
            .iter()
            .find_map(|u| unit.strip_suffix(u))
        else {
            return false;
        };
        let pounds = pounds.trim_end();
        let digits = pounds.trim_end_matches(|c: char| c.is_ascii_digit());
        let after_oz = &text[oz + 2..];
        pounds.len() - digits.len() == 1
            && digits
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
            && matches!(pounds.as_bytes()[pounds.len() - 1], b'0'..=b'4')
            && after_oz
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || c == 's')
    })
}

/// The first condition or treatment named inside a hashtag of `text` (#CancerSurvivor), or a
/// patient-status phrase that is a whole hashtag (#NICUgrad): a post's hashtags speak of the
/// whole post, wherever they stand in it.
pub fn health_in_hashtags(text: &str) -> Option<&'static str> {
    let vocabulary = vocabulary();
    text.split(char::is_whitespace)
        .filter_map(|token| token.strip_prefix('#'))
        .find_map(|tag| vocabulary.term_in_hashtag(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_of(text: &str, links: &[(usize, usize)]) -> Option<&'static str> {
        health_context(text, links).map(|h| h.term)
    }

    #[test]
    fn health_terms_are_whole_words() {
        assert_eq!(
            term_of("She was diagnosed with leukemia", &[]),
            Some("leukemia")
        );
        assert_eq!(term_of("Our patient's family", &[]), Some("our patient"));
        assert_eq!(term_of("brought her to the ER on Monday", &[]), Some("ER"));
        assert_eq!(term_of("a grant to study sleep in ICU patients", &[]), None);
        assert_eq!(term_of("so brave #CancerSurvivor", &[]), Some("cancer"));
        // A term of several words, run together as a hashtag writes it.
        assert_eq!(
            term_of("taught me dignity #palliativecare", &[]),
            Some("palliative care")
        );
        assert_eq!(
            term_of("walking! #HipReplacement", &[]),
            Some("hip replacement")
        );
        assert_eq!(term_of("We're hiring nurses and doctors!", &[]), None);
        assert_eq!(
            term_of("Join us! #hospitallife #HealthcareHeroes", &[]),
            None
        );
        assert_eq!(term_of("Happy holidays to all", &[]), None);
        assert_eq!(term_of("my #Storify story", &[]), None);
        assert_eq!(term_of("new episode #Podcast", &[]), None);
        assert_eq!(term_of("#CopdWarrior", &[]), Some("copd"));
        assert_eq!(term_of("#TeamAfib", &[]), Some("afib"));
        assert_eq!(term_of("a mayoral stroll", &[]), None);
    }

    #[test]
    fn a_weight_under_five_pounds_is_a_premature_babys() {
        for text in [
            "when Zephyrine arrived at 1 lb 9 oz",
            "she weighed 2lbs 13oz!",
        ] {
            assert_eq!(
                term_of(text, &[]),
                Some("a premature baby's weight"),
                "{text}"
            );
        }
        for text in ["a 7 lb 2 oz bag of flour", "our 12 lb 4 oz turkey"] {
            assert_eq!(term_of(text, &[]), None, "{text}");
        }
    }

    #[test]
    fn a_birth_alone_is_family_news() {
        assert!(only_a_birth("on the birth of their son!"));
        assert!(only_a_birth("on her new baby girl"));
        assert!(!only_a_birth("a baby boy born in our birth center"));
        assert!(!only_a_birth(
            "her son, born at 26 weeks, spent a month in the NICU"
        ));
        assert!(!only_a_birth("congratulations on the new job"));
    }

    #[test]
    fn plurals_phrases_and_abbreviations() {
        assert_eq!(term_of("two strokes in a year", &[]), Some("stroke"));
        assert_eq!(
            term_of("recovering from a Heart Attack", &[]),
            Some("heart attack")
        );
        assert_eq!(term_of("rushed to the E.R. tonight", &[]), Some("e.r."));
        // A care setting gives way to a condition later in the post.
        assert_eq!(term_of("in the ICU with pneumonia", &[]), Some("pneumonia"));
        // A page name inside a link is not about anyone; a status word there is.
        let text = "read https://example.org/stroke-signs";
        assert_eq!(term_of(text, &[(5, text.len())]), None);
        assert_eq!(term_of("#cancerous", &[]), Some("cancer"));
        assert_eq!(term_of("so #brave", &[]), None);
        // A patient-status phrase run together counts only as the whole tag.
        assert_eq!(term_of("look at her now #NICUgrad", &[]), Some("nicu grad"));
        assert_eq!(term_of("#OurPatientsFirst", &[]), None);
        assert_eq!(term_of("all of them 🐶 #TherapyDog", &[]), None);
    }

    #[test]
    fn places_are_not_personal_and_patients_in_general_no_health() {
        let personal = |text: &str| health_context(text, &[]).map(|h| h.personal);
        assert_eq!(personal("a gift to our cancer center"), Some(false));
        assert_eq!(personal("she knows every patient room"), None);
        assert_eq!(personal("delivering newspapers to patients"), None);
        assert_eq!(personal("our patients and visitors"), None);
        assert_eq!(personal("won with her project on sepsis detection"), None);
        assert_eq!(personal("gave a talk on stroke"), None);
        assert_eq!(personal("ask our patient advocates"), None);
        assert_eq!(personal("retires from our dialysis unit"), Some(false));
        assert_eq!(personal("200 cards for our dialysis patients"), None);
        assert_eq!(personal("sharing our Sickle Cell Awareness post"), None);
        assert_eq!(
            personal("nurses who planned the C-section education class"),
            None
        );
        assert_eq!(personal("everyone in our recovery program"), Some(false));
        assert_eq!(personal("our stroke rehab team loved it"), Some(false));
        assert_eq!(personal("the follow-up clinic is on level 2"), Some(false));
        assert_eq!(
            personal("after his stroke our team sat with him"),
            Some(true)
        );
        assert_eq!(personal("welcome to the ICU"), Some(false));
        assert_eq!(personal("in the cancer center for chemo"), Some(true));
        assert_eq!(personal("admitted to our ICU"), Some(true));
        assert_eq!(personal("she was a patient on 4 West"), Some(true));
        // A stay in a care setting is someone's care.
        assert_eq!(personal("spent 211 days in our NICU"), Some(true));
        assert_eq!(personal("for 6 weeks during her NICU stay"), Some(true));
        assert_eq!(personal("a free NICU stay guide"), Some(false));
        assert_eq!(personal("our breast cancer support group"), None);
        assert_eq!(
            personal("labor and delivery support for his wife"),
            Some(false)
        );
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let text = "Mrs. Núñez, 3rd-floor";
        let found: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["Mrs", "Núñez", "3rd", "floor"]);
    }
}
