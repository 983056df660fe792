//! The per-document verdict: `block` when an identifier of a person appears together with
//! health information or patient status (that is PHI), `review` when there are identifiers but
//! no such link, `pass` when there are none. Also the exit status that verdicts lead to.
//!
//! The health link is found by [`crate::health`] (conditions,
//! procedures, treatments, medications, care settings) plus patient-status phrases.

mod cues;

use crate::health::{care_received, health_context, treatment_received};
use crate::redact::mask;
use crate::rules::category::{Category, Reach};
use crate::rules::{Rule, Subject};
use cues::{
    care_rehearsed, cared_for_after_a_name, contact_of_a_person, kin_or_care_spoken_to,
    names_said_made_up, one_persons_care_around, own_care_spoken_to, patient_before_a_title,
    place_of_a_person, said_of_many, sentence_around, speaks_of_one_person, speaks_of_own_care,
    speaks_of_the_organisation, staff_or_partner_news, stay_in_care, teaching_or_study,
    work_on_care,
};

/// How many identifiers a verdict reason names before it says "and N more".
const MAX_NAMED: usize = 4;
use serde::Serialize;

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

/// One identifier as the verdict sees it.
pub struct Identifier {
    pub category: Category,
    /// Whose identifier the rule that found it says this is (see `rules::Subject`).
    pub subject: Subject,
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
            subject: rule.subject,
            reach: rule.reach,
            start,
            end,
        }
    }

    /// Whether it points at a person of `reach`: a staff member's only when `counted.staff`, a
    /// name the post speaks to only when `counted.addressee`.
    fn points_at(&self, reach: Reach, counted: Counted) -> bool {
        let counts = match self.subject {
            Subject::Staff => counted.staff,
            Subject::Addressee => counted.addressee,
            Subject::Anyone | Subject::Patient => true,
        };
        counts && self.reach == reach
    }
}

/// Which identifiers, that do not always point at a patient, do in this post.
#[derive(Clone, Copy, Default)]
struct Counted {
    /// Staff members' (one of them speaks of their own care).
    staff: bool,
    /// Those of whoever the post speaks to (it speaks of their care or their family's).
    addressee: bool,
}

/// Decides a document's verdict from its unsuppressed identifiers and its text.
///
/// * `block`: an identifier of a person (not a staff member, nor someone the post speaks to
///   unless it says the care is theirs) in a health context; a first name in the same
///   sentence as health information (or with a health hashtag), or anywhere in a health
///   context together with a phone number or address.
/// * `review`: any identifier of a person; a weak one (a first name alone) sentences away
///   from the health information; someone spoken to ("Hi Jordana, thanks for asking! Our ED
///   wait times..."); a contact detail (which may be the organisation's own: allowlist it in
///   `.phiscan.toml`); a staff member's name; a date or a town in a sentence about one
///   person's care, though no one is named ("the 17-year-old we resuscitated after the May 3
///   crash").
/// * `pass`: nothing, or only dates, places and web addresses with no person or contact beside
///   them: an event date or a town names no one.
///
/// Care settings alone are no health context in news of staff or partners (a gift to the
/// cancer center), and health care in general ("patients") never is; a first name spoken to
/// about a relative's care blocks; a post that says its names are made up, and holds nothing
/// but names, is reviewed rather than blocked.
pub fn decide(text: &str, identifiers: &[Identifier]) -> (Verdict, Vec<String>) {
    let (verdict, mut reasons) = decide_as_written(text, identifiers);
    // A story told with made-up names ("Sarah is a composite of many patients") still needs a
    // look: the rest of it may point at someone. Any other identifier blocks all the same.
    if verdict == Verdict::Block
        && identifiers.iter().all(|i| i.category == Category::Name)
        && let Some(said) = names_said_made_up(text)
    {
        reasons.push(format!(
            "the post says its names are made up (\"{said}\"); check that nothing else points at the person"
        ));
        return (Verdict::Review, reasons);
    }
    (verdict, reasons)
}

/// [`decide`], taking the names in the text as real.
fn decide_as_written(text: &str, identifiers: &[Identifier]) -> (Verdict, Vec<String>) {
    // Some identifiers point further or less far than their rule could tell (see
    // `reach_in_context`).
    let in_context: Vec<Identifier>;
    let identifiers = if identifiers.iter().any(|i| {
        matches!(i.category, Category::Age | Category::Location) || i.reach == Reach::Contact
    }) {
        in_context = identifiers
            .iter()
            .map(|i| Identifier {
                reach: reach_in_context(text, i, identifiers),
                ..*i
            })
            .collect();
        &in_context[..]
    } else {
        identifiers
    };
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
    // A staff member who speaks of their own care, or is said to have been cared for, is a
    // patient too.
    let staff: Vec<&Identifier> = identifiers
        .iter()
        .filter(|i| i.subject == Subject::Staff)
        .collect();
    // Asked at most once, and only when staff, someone spoken to or a care setting at work
    // makes it matter.
    let told_own_care = std::cell::OnceCell::new();
    let own_care_told = || *told_own_care.get_or_init(|| speaks_of_own_care(text));
    let own_care = !staff.is_empty()
        && (staff.iter().any(|i| {
            cared_for_after_a_name(&text[i.end..]) || patient_before_a_title(&text[..i.start])
        }) || own_care_told())
        && !care_rehearsed(text);
    // Whoever the post speaks to is tied to the care it speaks of only when it says the care
    // is theirs or their family's, or speaks of care and of no one else ("Ring the bell,
    // Mehmet! Last day of radiation").
    let no_one_else = || {
        identifiers
            .iter()
            .filter(|i| matches!(i.category, Category::Name | Category::OtherId))
            .all(|i| matches!(i.subject, Subject::Addressee | Subject::Staff))
    };
    // A reply's opening @handle is how replies are written; a name the post calls out to is
    // said for them ("Ring the bell, Mehmet!").
    let spoken_to = identifiers.iter().any(|i| i.subject == Subject::Addressee);
    let spoken_to_by_name = identifiers
        .iter()
        .any(|i| i.subject == Subject::Addressee && i.category == Category::Name);
    // Looked for only where someone may be spoken to: most posts have no one to ask about.
    let care_spoken_to = if spoken_to || identifiers.iter().any(|i| i.reach == Reach::Weak) {
        kin_or_care_spoken_to(text)
            .map(|kin| format!("their family's or their own care (\"{kin}\")"))
            .or_else(|| {
                own_care_spoken_to(text).map(|care| format!("their own care (\"your {care}\")"))
            })
    } else {
        None
    };
    let addressed_care = care_spoken_to.clone().or_else(|| {
        if !spoken_to {
            return None;
        }
        care_received(text)
            .filter(|_| !teaching_or_study(text))
            .or_else(|| treatment_received(text).filter(|_| !work_on_care(text)))
            .filter(|_| spoken_to_by_name && no_one_else())
            .map(|care| format!("care (\"{care}\") with no one else named"))
            .or_else(|| own_care_told().then(|| "their own care".to_string()))
    });
    let counted = Counted {
        staff: own_care,
        addressee: addressed_care.is_some(),
    };
    let personal = labels(&|i| i.points_at(Reach::Person, counted));
    let weak = labels(&|i| i.points_at(Reach::Weak, counted));
    let addressed = labels(&|i| i.subject == Subject::Addressee);
    let contact = labels(&|i| i.reach == Reach::Contact);
    let staff_only = !staff.is_empty() && personal.is_empty();
    // A handle is read as a web address is: "@dr.harrow_ortho" names a specialty, not care.
    let links: Vec<(usize, usize)> = identifiers
        .iter()
        .filter(|i| {
            i.category == Category::Url
                || i.category == Category::OtherId && text[i.start..i.end].starts_with('@')
        })
        .map(|i| (i.start, i.end))
        .collect();
    // A medical record or health plan number says by itself that someone is a patient or a
    // plan member, and so does a person found in a bed or a room.
    let patient_number = identifiers.iter().any(|i| {
        i.subject != Subject::Staff && matches!(i.category, Category::Mrn | Category::HealthPlan)
    });
    let described_as_patient = identifiers.iter().any(|i| i.subject == Subject::Patient);
    // Care settings alone, in news about staff or partners, are where people work or give.
    let found = health_context(text, &links);
    // Not when someone there speaks of their own family's care ("Volunteer spotlight: Henrike
    // knits caps for the NICU after her own son spent 90 days there").
    // Nor when what follows a person's name says they were cared for ("a surprise visit
    // from Wilma Strand, who spent 60 days on 5 East").
    let named_as_cared_for = || {
        identifiers.iter().any(|i| {
            i.category == Category::Name
                && i.subject != Subject::Staff
                && (cared_for_after_a_name(&text[i.end..]) || stay_in_care(&text[i.end..]))
        })
    };
    let workplace = found
        .filter(|h| !h.personal)
        .and_then(|h| Some((h.term, staff_or_partner_news(text)?)))
        .filter(|_| !own_care_told() && !named_as_cared_for());
    let health = found
        .filter(|_| workplace.is_none())
        .map(|h| h.term)
        .or_else(|| patient_number.then_some("a medical record or health plan number"))
        .or_else(|| described_as_patient.then_some("a person described as a patient"));
    if health.is_some()
        && personal.is_empty()
        && contact.is_empty()
        && let Some((first_name, term)) = first_name_beside_health(text, identifiers, &links)
    {
        return (
            Verdict::Block,
            vec![
                format!(
                    "{} ({} \"{}\") with health information in its sentence or a hashtag",
                    match first_name.category {
                        Category::Name => "a first name",
                        // A holiday someone was born or admitted on.
                        _ => "a day",
                    },
                    first_name.category.label(),
                    mask(&text[first_name.start..first_name.end], first_name.category)
                ),
                format!("in a health context (\"{term}\")"),
            ],
        );
    }
    match health {
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
                match workplace {
                    Some((term, news)) => format!(
                        "only where care happens (\"{term}\") in news of staff or partners (\"{news}\"), no one's health"
                    ),
                    None => "no health information found next to it".into(),
                },
            ],
        ),
        Some(term)
            if !weak.is_empty()
                && let Some(about) = &care_spoken_to =>
        {
            (
                Verdict::Block,
                vec![
                    format!("a first name ({}) addressed about {about}", weak.join(", ")),
                    format!("in a health context (\"{term}\")"),
                ],
            )
        }
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
        _ if !addressed.is_empty() => (
            Verdict::Review,
            vec![
                format!("speaks to someone ({})", addressed.join(", ")),
                match health {
                    Some(term) => format!(
                        "the health information (\"{term}\") is not said to be their own or their family's"
                    ),
                    None => "no health information found next to it".into(),
                },
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
        _ if let Some((place, term)) = place_or_date_of_ones_care(text, identifiers) => (
            Verdict::Review,
            vec![
                format!(
                    "{} \"{}\" beside one person's care (\"{term}\")",
                    place.category.label(),
                    mask(&text[place.start..place.end], place.category)
                ),
                "no one is named, but a date or a town may still tell people who know them who it was"
                    .into(),
            ],
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

/// The first date, town or ZIP code in a sentence that tells of one person's care, with that
/// care: "The 17-year-old we resuscitated after the May 3 crash went home today".
fn place_or_date_of_ones_care<'a>(
    text: &str,
    identifiers: &'a [Identifier],
) -> Option<(&'a Identifier, &'static str)> {
    identifiers
        .iter()
        .filter(|i| {
            matches!(
                i.category,
                Category::Date | Category::Location | Category::Zip
            )
        })
        .find_map(|i| Some((i, one_persons_care_around(text, i.start, i.end)?)))
}

/// What `identifier` points at in this post, where its rule could not tell: an age the
/// organisation has ("our skilled nursing center is officially a centenarian") points at no
/// one; a town said of a person ("a patient from Tupelo", "the Emmetsburg farmer") points at
/// them; a contact detail said of a person or a family ("reached out to the family at 4471
/// Bramblewood Ct.", "his wife at 555-0142"), or written right after their name, points at
/// them, where one alone may be the organisation's own.
fn reach_in_context(text: &str, identifier: &Identifier, identifiers: &[Identifier]) -> Reach {
    match identifier.category {
        Category::Age if age_of_the_organisation(text, identifier, identifiers) => Reach::Context,
        Category::Location if place_of_a_person(text, identifier.start, identifier.end) => {
            Reach::Person
        }
        _ if identifier.reach == Reach::Contact
            && (contact_of_a_person(text, identifier.start)
                || right_after_a_name(text, identifier, identifiers)) =>
        {
            Reach::Person
        }
        _ => identifier.reach,
    }
}

/// Whether `contact` follows a name that is no staff member's with nothing but a comma, a colon,
/// a dash or a bracket between them: "M. Oduya, 88 Quarry Rd" is that person's address. (A first
/// name alone with contact details has a verdict of its own.)
fn right_after_a_name(text: &str, contact: &Identifier, identifiers: &[Identifier]) -> bool {
    identifiers.iter().any(|i| {
        i.category == Category::Name
            && i.subject != Subject::Staff
            && i.reach == Reach::Person
            && i.end <= contact.start
            && text[i.end..contact.start]
                .chars()
                .all(|c| matches!(c, ',' | ' ' | '-' | '(' | ':'))
    })
}

/// Whether the sentence of `age` speaks of the organisation or one of its places ("our
/// hospital", "nuestro hospital", "our skilled nursing center") and of no person: no name in
/// it, and no "she" or "his".
fn age_of_the_organisation(text: &str, age: &Identifier, identifiers: &[Identifier]) -> bool {
    let (start, end) = sentence_around(text, age.start, age.end);
    let sentence = &text[start..end];
    !identifiers
        .iter()
        .any(|i| i.category == Category::Name && i.start < end && i.end > start)
        && !speaks_of_one_person(sentence)
        && speaks_of_the_organisation(sentence)
}

/// How a sentence opens that goes on about the person named in the one before without naming
/// anyone: a participle of care with no subject of its own.
const GOES_ON_ABOUT_THEM: [&str; 9] = [
    "Admitted ",
    "Diagnosed ",
    "Born ",
    "Treated ",
    "Discharged ",
    "Transferred ",
    "Rushed ",
    "Airlifted ",
    "Flown ",
];

/// How many sentences after a first name's own may go on about that person.
const FOLLOWED_SENTENCES: usize = 4;

/// A first name alone that the text ties to health information: a health term in the same
/// sentence ("Our longest NICU stay this year: Noelani, 147 days") or in the ones after it
/// while they speak of "she" or "his" or open with a participle of care, or in a hashtag, which
/// speaks of the whole post. A first name sentences
/// away from the only health word is left to review ("Thanks, Maria! ... Our cancer walk is
/// Sunday").
fn first_name_beside_health<'a>(
    text: &str,
    identifiers: &'a [Identifier],
    links: &[(usize, usize)],
) -> Option<(&'a Identifier, &'static str)> {
    let mut first_names = identifiers
        .iter()
        .filter(|i| i.points_at(Reach::Weak, Counted::default()))
        .peekable();
    let first = *first_names.peek()?;
    if let Some(term) = crate::health::health_in_hashtags(text) {
        return Some((first, term));
    }
    first_names.find_map(|i| {
        let (start, mut end) = sentence_around(text, i.start, i.end);
        // A next sentence that speaks of "she" or "his" ("Our chaplains sat with Thomasina
        // every night. She died holding Rev. Ade's hand."; "Nobody fought harder than Pania.
        // Eleven months of treatment for leukemia, and today she went home.") or opens with
        // what befell someone and no one it befell ("Who remembers Koa? Admitted on his 1st
        // birthday with RSV") goes on about the same person, and so may the one after it (a
        // list of "his jokes", "his smile when the cast came off" under "things about Bram:").
        for _ in 0..FOLLOWED_SENTENCES {
            let next = text[end..].trim_start_matches(['.', '!', '?']).trim_start();
            let next_start = text.len() - next.len();
            let next_end = sentence_around(text, next_start, next_start).1;
            let goes_on = GOES_ON_ABOUT_THEM
                .iter()
                .any(|opening| next.starts_with(opening))
                || speaks_of_one_person(&text[next_start..next_end]);
            if next.is_empty() || !goes_on {
                break;
            }
            end = next_end;
        }
        // A day said of many, and of no one named ("Leap day babies born in our hospital get
        // a free onesie"), is no one's birthday.
        let names_someone = || {
            identifiers
                .iter()
                .any(|n| n.category == Category::Name && n.start >= start && n.end <= end)
        };
        if i.category == Category::Date
            && !speaks_of_one_person(&text[start..end])
            && said_of_many(&text[start..end])
            && !names_someone()
        {
            return None;
        }
        let links: Vec<(usize, usize)> = links
            .iter()
            .filter(|&&(s, e)| s >= start && e <= end)
            .map(|&(s, e)| (s - start, e - start))
            .collect();
        Some((i, health_context(&text[start..end], &links)?.term))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(category: Category) -> Identifier {
        Identifier {
            category,
            subject: Subject::Anyone,
            reach: category.reach(),
            start: 0,
            end: 0,
        }
    }

    /// A first name alone, where it first stands in `text`.
    fn first_name_in(text: &str, name: &str) -> Identifier {
        weak_in(text, name, Category::Name)
    }

    /// A weak identifier of `category` (a first name, a day), where `found` first stands in
    /// `text`.
    fn weak_in(text: &str, found: &str, category: Category) -> Identifier {
        let start = text.find(found).expect("the identifier is in the text");
        Identifier {
            reach: Reach::Weak,
            start,
            end: start + found.len(),
            ..id(category)
        }
    }

    #[test]
    fn a_first_name_is_followed_into_a_sentence_about_them() {
        let text = "Nobody fought harder than Pania. Eleven months of treatment for leukemia, and today she went home.";
        assert_eq!(
            decide(text, &[first_name_in(text, "Pania")]).0,
            Verdict::Block
        );
        let text = "Nobody works harder than Pania. Our leukemia walk is Sunday.";
        assert_eq!(
            decide(text, &[first_name_in(text, "Pania")]).0,
            Verdict::Review
        );
    }

    #[test]
    fn a_name_spoken_to_is_a_patient_only_when_the_care_is_theirs() {
        let spoken_to = |text: &str, name: &str| {
            let start = text.find(name).expect("the name is in the text");
            let name = Identifier {
                subject: Subject::Addressee,
                start,
                end: start + name.len(),
                ..id(Category::Name)
            };
            decide(text, &[name]).0
        };
        let text = "Hi Oskarina, thanks for asking! ER wait times are posted live.";
        assert_eq!(spoken_to(text, "Oskarina"), Verdict::Review);
        let text = "Hi Oskarina, we're so sorry your wait in the ER was that long.";
        assert_eq!(spoken_to(text, "Oskarina"), Verdict::Block);
        let text = "Thank you, Priya! We'll tell the nurses who cared for you in the NICU.";
        assert_eq!(spoken_to(text, "Priya"), Verdict::Block);
        let text = "Ring the bell, Mehmet! Last day of radiation";
        assert_eq!(spoken_to(text, "Mehmet"), Verdict::Block);
        let text = "Thanks, Priya! Our nurses planned the C-section education class.";
        assert_eq!(spoken_to(text, "Priya"), Verdict::Review);
        // A treatment they go through, but not a vaccine for anyone or work on a treatment.
        let text = "Hang in there, Ophira. Round four of chemo is almost done!";
        assert_eq!(spoken_to(text, "Ophira"), Verdict::Block);
        let text = "Hi Ophira, flu shots are available at our pharmacy.";
        assert_eq!(spoken_to(text, "Ophira"), Verdict::Review);
        let text = "Great talk on immunotherapy today, Ophira!";
        assert_eq!(spoken_to(text, "Ophira"), Verdict::Review);
    }

    #[test]
    fn a_date_or_town_beside_one_persons_care_is_reviewed() {
        let at = |text: &str, found: &str, category: Category| {
            let start = text.find(found).expect("the identifier is in the text");
            let found = Identifier {
                start,
                end: start + found.len(),
                ..id(category)
            };
            decide(text, &[found]).0
        };
        let text = "The 17-year-old we resuscitated after the May 3 crash went home today.";
        assert_eq!(at(text, "May 3", Category::Date), Verdict::Review);
        let text = "A woman who drives a school bus in Tupelo had her tumor removed here.";
        assert_eq!(at(text, "Tupelo", Category::Location), Verdict::Review);
        // An event, or patients in general, are no one's care.
        let text = "Join our Breast Cancer Awareness 5K on October 12 in Tupelo.";
        assert_eq!(at(text, "October 12", Category::Date), Verdict::Pass);
        let text = "New visitor policy starting Dec 1: two visitors per patient in the ICU.";
        assert_eq!(at(text, "Dec 1", Category::Date), Verdict::Pass);
    }

    #[test]
    fn made_up_names_are_reviewed() {
        let text = "Meet Sarah, who lives with diabetes. (Sarah is a composite of many patients.)";
        let name = Identifier {
            start: 5,
            end: 10,
            ..id(Category::Name)
        };
        let (verdict, reasons) = decide(text, &[name]);
        assert_eq!(verdict, Verdict::Review, "{reasons:?}");
        let mrn = Identifier {
            start: 0,
            end: 4,
            ..id(Category::Mrn)
        };
        assert_eq!(decide(text, &[id(Category::Name), mrn]).0, Verdict::Block);
    }

    #[test]
    fn a_first_name_is_followed_into_the_next_sentence_by_a_pronoun() {
        let text = "Our chaplains sat with Thomasina every night. She died holding a nurse's hand.";
        let (verdict, reasons) = decide(text, &[first_name_in(text, "Thomasina")]);
        assert_eq!(verdict, Verdict::Block, "{reasons:?}");
        let text =
            "Our chaplains sat with Thomasina every night. Donors died laughing at the gala.";
        assert_eq!(
            decide(text, &[first_name_in(text, "Thomasina")]).0,
            Verdict::Review
        );
    }

    #[test]
    fn a_patient_number_is_a_health_link() {
        let text = "Kofi Boateng MRN 00483921";
        let at = |category, start, end| Identifier {
            start,
            end,
            ..id(category)
        };
        let ids = [at(Category::Name, 0, 12), at(Category::Mrn, 17, 25)];
        let (verdict, reasons) = decide(text, &ids);
        assert_eq!(verdict, Verdict::Block, "{reasons:?}");
        // Without the number the same name is only a name.
        assert_eq!(decide(text, &ids[..1]).0, Verdict::Review);
    }

    #[test]
    fn a_care_setting_in_news_of_staff_or_donors_is_a_workplace() {
        let name = |text: &str| Identifier {
            start: 0,
            end: text.find(" for").unwrap_or(5),
            ..id(Category::Name)
        };
        let gift = "Halima Yusuf for donating 200 blankets to our cancer center!";
        let (verdict, reasons) = decide(gift, &[name(gift)]);
        assert_eq!(verdict, Verdict::Review, "{reasons:?}");
        assert!(reasons[1].contains("\"donating\""), "{reasons:?}");
        // A treatment is someone's health, whoever gave what.
        let care = "Halima Yusuf for donating blankets after her chemo at our cancer center";
        assert_eq!(decide(care, &[name(care)]).0, Verdict::Block);
        // A care setting without news of staff or partners still links a person to care.
        let stay = "Halima Yusuf for 3 weeks in our cancer center";
        assert_eq!(decide(stay, &[name(stay)]).0, Verdict::Block);
    }

    #[test]
    fn a_day_said_of_many_is_no_ones_birthday() {
        // As date.holiday_of_birth_or_stay finds it.
        let day = |text: &str, day: &str| weak_in(text, day, Category::Date);
        let many = "Leap day babies born in our hospital get a free onesie!";
        assert_ne!(decide(many, &[day(many, "Leap day")]).0, Verdict::Block);
        let one = "Born on Christmas Day, she went home from our NICU today.";
        assert_eq!(decide(one, &[day(one, "Christmas Day")]).0, Verdict::Block);
    }

    #[test]
    fn a_person_found_in_a_bed_or_room_is_a_patient() {
        let text = "Mrs. Adaeze Obi, room 410, asked for a phone charger";
        let found_in_room = Identifier {
            subject: Subject::Patient,
            start: 5,
            end: 15,
            ..id(Category::Name)
        };
        let (verdict, reasons) = decide(text, &[found_in_room]);
        assert_eq!(verdict, Verdict::Block, "{reasons:?}");
        assert!(reasons[1].contains("described as a patient"), "{reasons:?}");
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
            subject: Subject::Staff,
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
        // A first name is tied to health information in its own sentence, not sentences away.
        let (v, reasons) = decide(
            "Amarachi asked about her mammogram results",
            &[Identifier {
                end: 8,
                ..first_name()
            }],
        );
        assert_eq!(v, Verdict::Block);
        assert!(reasons[0].contains("in its sentence"), "{reasons:?}");
        assert_eq!(
            decide(
                "Thanks, Amarachi! Mammograms are on the 3rd floor.",
                &[Identifier {
                    start: 8,
                    end: 16,
                    ..first_name()
                }],
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
