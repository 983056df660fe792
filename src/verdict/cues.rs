//! What a post says around its identifiers that the verdict weighs: news of staff and
//! partners, someone's own care, relatives spoken to, names it says are made up. Each is a
//! short list of phrases, looked up in any ASCII case as whole words.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::health::{care_received, health_context, only_a_birth, opens_with_care_role};
use crate::words::{closes_with, is_word_at, opens_with};

/// Words of news about staff, volunteers, donors and partners (retirements, new hires, awards,
/// gifts, training) and of visits and events (tours, open houses). In such a post a care
/// setting is where a person works, gives or visits ("donated 200 blankets to our cancer
/// center", "starts on our med-surg floors", "toured our NICU"), not where they are cared for.
static STAFF_OR_PARTNER_NEWS: Phrases = Phrases::new(&[
    "retire",
    "retires",
    "retired",
    "retiring",
    "retirement",
    "se jubila",
    "jubilación",
    "prend sa retraite",
    "retraite",
    "se aposenta",
    "aposentadoria",
    "joins",
    "joined our",
    "joined the",
    "welcome to the team",
    "welcome aboard",
    "new hire",
    "new hires",
    "hired",
    "promoted",
    "promotion",
    "award",
    "awards",
    "awarded",
    "of the year",
    "of the month",
    "of the quarter",
    // Not "of the week" alone: a patient, a card or a dedication "of the week" is a feature.
    "nurse of the week",
    "residency",
    "scholarship",
    "volunteer",
    "volunteers",
    "volunteered",
    "volunteering",
    "donate",
    "donated",
    "donating",
    "donation",
    "donations",
    "donor",
    "donors",
    // A gift, not care: "the hospice team gave him the best last month" is care.
    "gave a",
    "gave an",
    "gave the",
    "gave our",
    "gave their",
    "gave back",
    "gave us",
    "gift",
    "gifts",
    "to fund",
    "funded",
    "raised",
    "fundraiser",
    "fundraising",
    "handler",
    "conference",
    "workshop",
    "certification",
    "boards",
    "nclex",
    "years of service",
    // "This hospital gave me my first job": the hospital as a workplace.
    "first job",
    "employee",
    "employees",
    "colleague",
    "colleagues",
    "team member",
    "staff member",
    "our own",
    "our very own",
    "nurses week",
    "sponsored",
    "sponsors",
    "gala",
    "emcee",
    "hosted",
    "picnic",
    "as our new",
    "as our next",
    "joins us",
    "joining our",
    "welcome back",
    "maternity leave",
    "parental leave",
    // Visits and events: "Kalani toured our NICU with her nursing class".
    "toured",
    "tour of",
    "tours of",
    "open house",
    "field trip",
    "ribbon cutting",
    "ribbon-cutting",
    "groundbreaking",
    "nursing class",
    "nursing students",
    "nursing school",
    "shadowed",
    "shadowing",
    "job shadow",
    "career day",
    "ride-along",
    "ride along",
    "training day",
    "please welcome",
    "join us in welcoming",
    // Staff chats about work: "she's covering the dialysis unit tuesday" (not a "shift
    // report" on a patient, nor cookies "for the night shift").
    "covering",
    "extra shifts",
    "preceptor",
    "supply room",
    "the keys to",
    "drill",
    "mandatory",
    // Buildings: "after our ICU's move to the new tower".
    "new tower",
    "new wing",
    "renovation",
    // Art given to a unit: "the amazing mural in our 7 East hallway".
    "mural",
    "murals",
    "artwork",
    "local artist",
    "renovated",
    "construction",
    "relocation",
]);

/// Phrases that say whoever they follow was cared for here ("who passed away in our ICU").
static CARED_FOR_HERE: Phrases = Phrases::new(&[
    "passed away in our",
    "died in our",
    "was a patient",
    "once a patient",
    "came to us as a patient",
    "came here as a patient",
    "started here as a patient",
    // A staff member's own childhood stay: "12 years ago I was the kid in bed 6".
    "i was the kid in",
    "i was the girl in",
    "i was the boy in",
    "i was the baby in",
    "i was the patient in",
    // A staff member's own leave or visit: "is taking medical leave for cancer treatment",
    // "was seen in our own ED".
    "on medical leave",
    "taking medical leave",
    "medical leave for",
    "was seen in our",
    // The care that saved someone: "raised $88,000 for the NICU that saved him in 2003".
    "that saved him",
    "that saved her",
    "who saved him",
    "who saved her",
    "saved his life",
    "saved her life",
    // Prayers asked for one person: "Please keep him in your prayers."
    "keep him in your prayers",
    "keep her in your prayers",
    "keep him in your thoughts",
    "keep her in your thoughts",
    "keep him in our prayers",
    "keep her in our prayers",
    // In the bed instead of beside it: "is the one in the hospital bed this time".
    "the one in the hospital bed",
    "the one in the bed",
    // One of the patients they cared for: "This spring he became one, and his own team".
    "he became one,",
    "she became one,",
    "he became one.",
    "she became one.",
    "became one himself",
    "became one herself",
    "became the patient",
    "became a patient",
    "became our patient",
    "we treated him",
    "we treated her",
    "we cared for him",
    "we cared for her",
    "cared for him",
    "cared for her",
    "whom she cared for",
    "whom he cared for",
    "whom they cared for",
    "whom we cared for",
    "honored to care for",
    "privileged to care for",
    "privilege of caring for",
]);

/// Words that, right after a name, say its bearer was cared for here ("security officer Dmitri
/// was treated in our ED").
const CARED_FOR_AFTER_A_NAME: &[&str] = &[
    "was treated",
    "is being treated",
    "was admitted",
    // Nigerian and Ghanaian English: "is currently on admission at LUTH".
    "is on admission",
    "is currently on admission",
    "was delivered of",
    "has been admitted",
    "was hospitalized",
    "was hospitalised",
    "was rushed",
    "was airlifted",
    "was flown",
    "was diagnosed",
    "got diagnosed",
    "is a patient",
    "is now a patient",
    "was the patient",
    "is the patient",
    "went into cardiac arrest",
    "went into septic shock",
    "just got diagnosed",
    "is in labor",
    "went into labor",
    "is intubated",
    "was brought to",
    "was taken to",
    "underwent",
    "is recovering",
    "is home recovering",
    "is now home recovering",
    "remains in",
    "is in critical",
    "is in serious",
    "is in stable",
    "was released from our",
    "was released from the hospital",
    "has been released from",
    "was discharged",
    "has been discharged",
    "was injured",
    "was critically injured",
    "was seriously injured",
    "injured",
    "critically injured",
    "seriously injured",
    "badly injured",
    "was shot",
    "shot in the line of duty",
    "shot while",
    "wounded in",
    "struck by a",
    "hit by a",
    "was stabbed",
    "was burned",
    "was upgraded",
    "remains hospitalized",
    // Not "collapsed into a chair after 16 hours", "suffered a long night".
    "collapsed in",
    "collapsed at",
    "collapsed on",
    "collapsed while",
    "collapsed during",
    // Not "passed out donuts to the whole ICU".
    "passed out in",
    "passed out at",
    "passed out while",
    "passed out during",
    "fainted",
    "suffered a heart attack",
    "suffered a stroke",
    "suffered a seizure",
    "suffered a cardiac arrest",
    "suffered a fall",
    "suffered a broken",
    "gave birth",
    "delivered her",
    "had a heart attack",
    "had a stroke",
    "had surgery",
    "was hurt",
    "hurt in",
    "was badly hurt",
    "was seriously hurt",
    "lost his battle",
    "lost her battle",
    "lost their battle",
    "died of",
    "died from",
    "died after",
    "passed away after",
];

/// Whether `after` (the text right after a name) begins by saying its bearer was cared for,
/// or by what befell them and the care it took ("had her gallbladder out", "broke his ankle",
/// "is out for chemo"), also past the department they work in ("ashley from the front desk
/// had her gallbladder out").
pub(super) fn cared_for_after_a_name(after: &str) -> bool {
    let after = after.trim_start_matches([',', ' ']);
    let after = past_a_department(after);
    // A relative clause says it as well ("Detective Lana Okoro, who was brought to our trauma
    // center", "Jolene from the front desk who was in a car wreck").
    let after = after.strip_prefix("who ").unwrap_or(after);
    // "deandra in billing, she just found out": the pronoun is the one named.
    let after = ["she ", "he ", "shes ", "hes "]
        .iter()
        .find_map(|pronoun| after.strip_prefix(pronoun))
        .unwrap_or(after);
    // An apposition of one or two words says who they are, and what befell them may follow
    // it: "Lt. Kowalewski, an officer hurt in Tuesday's crash".
    let past_apposition = ["a ", "an "]
        .iter()
        .find_map(|article| after.strip_prefix(article))
        .into_iter()
        .flat_map(|rest| {
            rest.match_indices(' ')
                .take(2)
                .map(move |(at, _)| &rest[at + 1..])
        });
    std::iter::once(after)
        .chain(past_apposition)
        .any(befell_or_cared_for)
}

/// Whether `after` opens with one of the [`CARED_FOR_AFTER_A_NAME`] phrases, or with words of
/// [`BEFELL`] and health information after them.
fn befell_or_cared_for(after: &str) -> bool {
    const REACH: usize = 40;
    CARED_FOR_AFTER_A_NAME
        .iter()
        .any(|phrase| opens_with(after, phrase))
        || life_saved(after)
        || their_condition(after)
        || BEFELL.iter().any(|&(phrase, possessive, reach)| {
            if !opens_with(after, phrase) {
                return false;
            }
            // Health information in the few words after, not "the" anything: "is out for
            // chemo", not "is out for the mri safety training"; "had a massive heart attack" or
            // "had her gallbladder out", not "had his team restock the chemo cart". After "his"
            // or "her" the words are read with it, as "his ankle" is a body part.
            let next = leading_words(words_after(after, phrase.len(), REACH), reach);
            let told = match possessive {
                Some(owner) => format!("{owner} {next}"),
                None => next.clone(),
            };
            // A coworker who "had a baby" has family news, not care of ours to tell.
            next.split_whitespace().next().is_some_and(|w| {
                !w.eq_ignore_ascii_case("the") && !w.to_ascii_lowercase().starts_with("bab")
            }) && personal_health(&told)
        })
}

/// Whether `after` opens with a condition that is theirs ("whose heart attack last March",
/// "whose breast cancer was caught early"), not the work they give to one ("whose cancer
/// research", "whose stroke program").
fn their_condition(after: &str) -> bool {
    const WORK: [&str; 12] = [
        "research",
        "work",
        "study",
        "studies",
        "program",
        "team",
        "foundation",
        "awareness",
        "center",
        "clinic",
        "lab",
        "fund",
    ];
    let Some(rest) = after.strip_prefix("whose ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let condition = leading_words(rest, 2);
    care_received(&condition).is_some()
        && !words
            .iter()
            .any(|word| WORK.contains(&word.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether `after` opens by saying our care saved their life ("whose life our transplant team
/// saved", "whose life was saved by our ER").
fn life_saved(after: &str) -> bool {
    const WHOSE_LIFE: &str = "whose life";
    opens_with(after, WHOSE_LIFE)
        && leading_words(words_after(after, WHOSE_LIFE.len(), 48), 5)
            .split(' ')
            .any(|word| word == "saved")
}

/// Whether `after` (the text right after a name that is no staff member's) opens with a stay
/// counted in days, nights, weeks or months in a place of care ("spent 60 days on 5 East",
/// ", who spent three weeks in our NICU") or with us: a patient's, where years in a unit are
/// a career ("spent 20 years in our ICU"). A staff member's weeks on a unit are a rotation.
pub(super) fn stay_in_care(after: &str) -> bool {
    const NUMBER_WORDS: [&str; 10] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many",
    ];
    let after = after.trim_start_matches([',', ' ']);
    let after = after.strip_prefix("who ").unwrap_or(after);
    let mut words = after.split_whitespace();
    if words.next() != Some("spent") {
        return false;
    }
    let counted = words.next().is_some_and(|count| {
        count.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&count)
    });
    let stay = words
        .next()
        .is_some_and(|unit| ["days", "nights", "weeks", "months"].contains(&unit));
    let place: Vec<&str> = words.take(4).collect();
    counted
        && stay
        && match place.as_slice() {
            ["with", "us", ..] | ["with", "us,", ..] | ["with", "us.", ..] => true,
            ["in" | "on", rest @ ..] => health_context(&rest.join(" "), &[]).is_some(),
            _ => false,
        }
}

/// Words that open what befell someone, when health information follows them, with the
/// possessive they end in and how many words after them may tell the care: mostly three; two
/// after a treatment begun ("starts chemo"); four after "is back after" ("beating prostate
/// cancer"); six after "is out for", as how long comes first ("is out for a few weeks, knee
/// replacement").
const BEFELL: [(&str, Option<&str>, usize); 21] = [
    ("had a", None, 3),
    // What they came through: "Hollis, is back after beating prostate cancer".
    ("is back after", None, 4),
    ("beat", None, 3),
    ("survived", None, 3),
    // A treatment begun: "Coach Ruiz, who starts chemo on Monday".
    ("starts", None, 2),
    ("started", None, 2),
    ("begins", None, 2),
    ("began", None, 2),
    ("suffered a", None, 3),
    ("had her", Some("her"), 3),
    ("had his", Some("his"), 3),
    ("broke her", Some("her"), 3),
    ("broke his", Some("his"), 3),
    ("is out for", None, 6),
    ("got admitted", None, 3),
    ("just found out", None, 3),
    ("was in a", None, 3),
    // How they reached us: "Deacon Fairweather came to us with sepsis".
    ("came to us with", None, 3),
    ("came to us after", None, 3),
    ("came in with", None, 3),
    ("arrived with", None, 3),
];

/// `after` without a department it opens with ("from the front desk ", "in pharmacy "), as
/// [`DEPARTMENTS`] lists them.
fn past_a_department(after: &str) -> &str {
    ["from ", "in "]
        .iter()
        .find_map(|word| after.strip_prefix(word))
        .map(|rest| rest.strip_prefix("the ").unwrap_or(rest))
        .and_then(|rest| {
            DEPARTMENTS
                .iter()
                .find(|department| opens_with(rest, department))
                .map(|department| rest[department.len()..].trim_start_matches([',', ' ']))
        })
        .unwrap_or(after)
}

/// Departments a coworker is named by in a staff chat: the list `name.staff_lowercase_department`
/// writes in its pattern (a rule file cannot share a list with the code), after "the".
const DEPARTMENTS: [&str; 24] = [
    "front desk",
    "transport",
    "billing",
    "pharmacy",
    "radiology",
    "lab",
    "security",
    "housekeeping",
    "it",
    "hr",
    "dietary",
    "registration",
    "admitting",
    "cafeteria",
    "maintenance",
    "facilities",
    "environmental services",
    "evs",
    "central supply",
    "payroll",
    "finance",
    "marketing",
    "scheduling",
    "office",
];

/// Whether `before` (the text right before a name) calls the one named a patient, or says our
/// care reached them, ahead of their title: "our patient Bishop Aghedo", "patient Dr.
/// Lindqvist", "Our ED treated Coach Ridley Vance", "Honored to have cared for Sgt. Dunmore",
/// "Get well soon, Coach Briscoe".
pub(super) fn patient_before_a_title(before: &str) -> bool {
    const CARED_FOR: [&str; 20] = [
        "patient",
        // "how our trauma team saved Deputy Ansel Broadwater".
        "saved",
        // Recovery wished to one with a title: "Get well soon Coach Briscoe!!".
        "get well soon",
        "get well",
        "speedy recovery",
        "feel better",
        // Prayers asked for one with a title: "Please pray for Lt. Kowalewski".
        "pray for",
        "praying for",
        "prayers for",
        "pt",
        "pt.",
        "treated",
        "admitted",
        "airlifted",
        "resuscitated",
        "revived",
        "discharged",
        "cared for",
        "caring for",
        "looked after",
    ];
    let Some((rest, _title)) = before.trim_end().rsplit_once(' ') else {
        return false;
    };
    let rest = rest.trim_end_matches([',', ' ']);
    CARED_FOR.iter().any(|w| closes_with(rest, w))
}

/// Words by which a sentence says something of its own subject: a reflexive, a relative
/// clause of what befell them ("Dr. Adeyemi, who received a kidney transplant"), their
/// recovery ("while she recovers from knee surgery"), their stay ("she spent 19 days on a
/// ventilator"), the start or the end of their treatment ("as he starts radiation", "after his
/// final chemo session", "since his triple bypass"), or their family's ("her son's leukemia
/// treatment").
static OF_ITS_SUBJECT: Phrases = Phrases::new(&[
    "she spent",
    "he spent",
    "she starts",
    "he starts",
    "she begins",
    "he begins",
    "his final",
    "her final",
    "their final",
    "since his",
    "since her",
    "since their",
    "back on her feet",
    "back on his feet",
    // What our care found in them: "thanks our neurology team for catching her brain tumor".
    "catching her",
    "catching his",
    "caught her",
    "caught his",
    "treating her",
    "treating his",
    "himself",
    "herself",
    "themselves",
    "myself",
    "who received",
    // Where their care was: "for the cancer center where he finished treatment".
    "where he finished",
    "where she finished",
    "where he was treated",
    "where she was treated",
    "who underwent",
    "who survived",
    "who beat",
    "who is recovering",
    "who was diagnosed",
    "was born with",
    "who was treated",
    "who was admitted",
    "was treated for",
    "was treated here",
    "was admitted last",
    "was admitted overnight",
    "was admitted for",
    "was admitted with",
    "is expected to be discharged",
    "who had his",
    "who had her",
    "he had a",
    "she had a",
    // A relative's care is their family's: "her memoir about her son's leukemia treatment".
    "her son",
    "his son",
    "their son",
    "her daughter",
    "his daughter",
    "their daughter",
    "her baby",
    "his baby",
    "their baby",
    "her husband",
    "his wife",
    "her mother",
    "his mother",
    "her father",
    "his father",
    "her mom",
    "his mom",
    "her dad",
    "his dad",
    "recovers from",
    "recovering from",
    "recovering after",
    "recovery from",
    "recuperates from",
    "recuperating from",
    "heals from",
    "healing from",
]);

/// A post's words to the person it addresses about a relative, a loss, a stay or the care they
/// received ("your mom's knee" reads as "your mom"; "the nurses who cared for you").
static KIN_AND_CARE_SPOKEN_TO: Phrases = Phrases::new(&[
    "your father",
    "your mother",
    "your dad",
    "your mom",
    "your mum",
    "your husband",
    "your wife",
    "your partner",
    "your son",
    "your daughter",
    "your child",
    "your children",
    "your kids",
    "your baby",
    "your grandmother",
    "your grandfather",
    "your grandma",
    "your grandpa",
    "your brother",
    "your sister",
    "your loved one",
    "your family member",
    "your loss",
    "your stay",
    "your visit",
    "your recent visit",
    "your wait",
    "sorry about the wait",
    "sorry for the wait",
    "your little one",
    "your little ones",
    "your little guy",
    "your little girl",
    "your little man",
    "your boy",
    "your girl",
    "your kiddo",
    "your newborn",
    "your twins",
    "your grandson",
    "your granddaughter",
    // In the languages families speak at home: "the waiata you sang for your koro".
    "your nana",
    "your nan",
    "your granny",
    "your koro",
    "your kuia",
    "your tutu",
    "your abuela",
    "your abuelo",
    "your nonna",
    "your nonno",
    "your lola",
    "your lolo",
    "your oma",
    "your opa",
    "cared for you",
    "took care of you",
    "taking care of you",
    "treated you",
    "you were admitted",
    "you were discharged",
    "you were treated",
    // The consent a patient story is shared with ("@wren thank you for letting us share your
    // story 🙏 two years post-transplant").
    "letting us share your story",
    "let us share your story",
    "allowing us to share your story",
]);

/// Phrases by which a post says its names are not the people's own.
static MADE_UP_NAMES: Phrases = Phrases::new(&[
    "a composite",
    "not her real name",
    "not his real name",
    "not their real name",
    "not their real names",
    "name has been changed",
    "names have been changed",
    "name was changed",
    "names were changed",
    "name changed",
    "names changed",
    "fictional",
    "pseudonym",
    "simulated patient",
    "standardized patient",
    "trained actors",
]);

/// A list of lower-case phrases, found in any ASCII case as whole words by an automaton built
/// on first use: the verdict asks of every post, and one pass over it beats a search per
/// phrase.
struct Phrases {
    list: &'static [&'static str],
    finder: OnceLock<AhoCorasick>,
}

impl Phrases {
    const fn new(list: &'static [&'static str]) -> Phrases {
        Phrases {
            list,
            finder: OnceLock::new(),
        }
    }

    /// Every place where one of the phrases stands in `text` as whole words, overlaps
    /// included.
    fn occurrences<'t>(
        &'static self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'static str)> + 't {
        let finder = self.finder.get_or_init(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(self.list)
                .expect("a few dozen short phrases always build")
        });
        finder
            .find_overlapping_iter(text)
            .filter(move |m| is_word_at(text, m.start(), m.end()))
            .map(|m| (m.start(), self.list[m.pattern().as_usize()]))
    }

    /// The phrase that comes first in `text`.
    fn first(&'static self, text: &str) -> Option<&'static str> {
        self.first_where(text, |_, _| true)
    }

    /// The phrase that comes first in `text` among those `keep` accepts (given where each
    /// stands and what it is).
    fn first_where(
        &'static self,
        text: &str,
        keep: impl Fn(usize, &str) -> bool,
    ) -> Option<&'static str> {
        self.occurrences(text)
            .filter(|&(at, phrase)| keep(at, phrase))
            .min()
            .map(|(_, phrase)| phrase)
    }
}

/// The first word of news about staff or partners in `text` (see [`STAFF_OR_PARTNER_NEWS`]).
pub(super) fn staff_or_partner_news(text: &str) -> Option<&'static str> {
    // "the secret is buttermilk and never retiring" is no one's retirement.
    let denied = |at: usize| {
        let before = text[..at].trim_end();
        ["never", "not"]
            .iter()
            .any(|word| closes_with(before, word))
    };
    STAFF_OR_PARTNER_NEWS.first_where(text, |at, _| !denied(at))
}

/// Whether the text speaks of work on a treatment rather than of receiving it ("Great talk on
/// immunotherapy today", "thanks for leading the rehab class"), or of staff or partner news.
pub(super) fn work_on_care(text: &str) -> bool {
    teaching_or_study(text) || staff_or_partner_news(text).is_some()
}

/// Whether the text speaks of a talk, class, training or study ("the feeding tube training
/// went well", "our seizure first aid class"): care taught or studied, not received.
pub(super) fn teaching_or_study(text: &str) -> bool {
    WORK_ON_CARE.first(text).is_some()
}

static WORK_ON_CARE: Phrases = Phrases::new(&[
    "talk on",
    "talk about",
    "lecture",
    "presentation",
    "research",
    "study",
    "leading",
    "led the",
    "teaching",
    "taught",
    "class",
    "course",
    "training",
    "webinar",
    "seminar",
    "panel",
]);

/// Words that say whose a contact detail right after them is: a person's or a family's
/// ("the family at 4471 Bramblewood Ct.", "lives at", "reach his wife at").
static CONTACT_OF_A_PERSON: Phrases = Phrases::new(&[
    "family at",
    "lives at",
    "living at",
    "live at",
    "resides at",
    "residence at",
    "home at",
    "house at",
    "staying at",
    "wife at",
    "husband at",
    "mom at",
    "dad at",
    "mother at",
    "father at",
    "son at",
    "daughter at",
    "sister at",
    "brother at",
    "her at",
    "him at",
    // Said to be theirs: "his home address is 2291 Pellham Court".
    "his address is",
    "her address is",
    "their address is",
    "his home address is",
    "her home address is",
    "their home address is",
    "his number is",
    "her number is",
    "his cell is",
    "her cell is",
    // Where someone was found or lives: "the man found unconscious on Delancey Street", "a mom
    // in Apartment 4C".
    "found on",
    "found at",
    "found near",
    "found unconscious on",
    "found unresponsive on",
    "collapsed on",
    "collapsed at",
    "mom in",
    "dad in",
    "family in",
    "woman in",
    "man in",
    // Where a message about someone went: "Text sent to (617) 555-0163 by mistake".
    "text sent to",
    "texted to",
    "message sent to",
    "email sent to",
    "letter sent to",
    // Whom a lost thing's finder should call: "If found call 555-213-8890". (Not "a voicemail
    // from": as often the organisation's own line, "That's our scheduling line".)
    "if found call",
    "if found, call",
    "if found please call",
    "if found, please call",
]);

/// Whether the words right before `start` say the contact detail there is a person's.
pub(super) fn contact_of_a_person(text: &str, start: usize) -> bool {
    const REACH: usize = 24;
    let before = text[..start].trim_end_matches([' ', ':', ',']);
    let cut = before.floor_char_boundary(before.len().saturating_sub(REACH));
    // From a whole word on: "reason at" holds no "son at".
    let near = match before[cut..].split_once(' ') {
        Some((_, rest)) if cut > 0 => rest,
        _ => &before[cut..],
    };
    CONTACT_OF_A_PERSON
        .occurrences(near)
        .any(|(at, phrase)| at + phrase.len() == near.len())
}

/// Whether the place at `start..end` of `text` is said of a person: after a word for one and
/// "from" or "of" ("a patient from Tupelo", "a grandmother of Millbrook"), or before one ("a
/// Tupelo man", "the Emmetsburg farmer"). A place alone may be the organisation's own.
pub(super) fn place_of_a_person(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let from_or_of = ["from", "of"].iter().find_map(|word| {
        before
            .strip_suffix(word)
            .filter(|rest| rest.ends_with(' '))
            .map(str::trim_end)
    });
    // "a grandmother of five from Okolona": the person may come a count before.
    let word_before = from_or_of
        .map(|rest| {
            let mut words = rest.rsplit(|c: char| !c.is_alphabetic());
            let last = words.next().unwrap_or_default();
            match (words.next(), words.next()) {
                (Some("of"), Some(person)) if !person.is_empty() => person,
                _ => last,
            }
        })
        .unwrap_or_default();
    let word_after = text[end..]
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    a_word_for_a_person(word_before) || a_word_for_a_person(word_after)
}

/// Whether `word` (any case) is one of [`PEOPLE`].
fn a_word_for_a_person(word: &str) -> bool {
    PEOPLE.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// The health information in the sentence around `start..end` when that sentence tells of one
/// person's care: a condition, procedure or treatment, and "she", "his", a word for a person
/// ("a woman", "the teen") or an age ("the 17-year-old"). A date or a town there narrows down
/// who it was ("A school-bus driver from Tupelo had her tumor removed"), though it names no
/// one.
pub(super) fn one_persons_care_around(
    text: &str,
    start: usize,
    end: usize,
) -> Option<&'static str> {
    let (from, to) = sentence_around(text, start, end);
    let sentence = &text[from..to];
    // One of them: "a woman", "the teen", not "two visitors per patient".
    let person_word = || {
        let mut words = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty());
        let mut before = "";
        words.any(|word| {
            let one = ["a", "an", "the", "this", "one"]
                .iter()
                .any(|a| before.eq_ignore_ascii_case(a));
            before = word;
            one && (a_word_for_a_person(word) || word.to_ascii_lowercase().ends_with("-year-old"))
        })
    };
    health_context(sentence, &[])
        .filter(|h| h.personal && (speaks_of_one_person(sentence) || person_word()))
        .map(|h| h.term)
}

/// Words for a person whose town, said beside them, is theirs.
const PEOPLE: [&str; 39] = [
    "patient",
    "player",
    "athlete",
    "student",
    "lineman",
    "hiker",
    "cyclist",
    "runner",
    "driver",
    "worker",
    "man",
    "woman",
    "boy",
    "girl",
    "teen",
    "teenager",
    "toddler",
    "baby",
    "child",
    "kid",
    "resident",
    "veteran",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "mother",
    "father",
    "mom",
    "dad",
    "farmer",
    "couple",
    "family",
    "native",
    "centenarian",
    "widow",
    "widower",
    "survivor",
    "newborn",
];

/// The first "your father", "your mom", "your loss", "cared for you" in `text`: a post that
/// speaks to someone of their family's care or their own, or consoles them, ties whoever it
/// addresses to that care ("So sorry for your loss, Marguerite. Your father was a beloved
/// patient").
pub(super) fn kin_or_care_spoken_to(text: &str) -> Option<&'static str> {
    // "your Boy Scout troop", "your Girl Scouts" are no boy or girl of theirs.
    let scouts = |after: &str| {
        after
            .trim_start()
            .get(..5)
            .is_some_and(|word| word.eq_ignore_ascii_case("scout"))
    };
    KIN_AND_CARE_SPOKEN_TO.first_where(text, |at, phrase| !scouts(&text[at + phrase.len()..]))
}

/// The care received that the text tells whoever it addresses of as their own ("your knee
/// replacement went so smoothly", "your colonoscopy"): a condition, procedure or patient-status
/// word within a few words after "your", in the same sentence (treatments are left out, as
/// "get your flu shot" is advice to anyone, unless it is "your own chemo"), or any health
/// information but a place after "you were", "you had" or "you beat" ("you were the bravest
/// patient on 4 West"), or a care setting after "you came to our" ("you came to our NICU").
pub(super) fn own_care_spoken_to(text: &str) -> Option<&'static str> {
    const REACH: usize = 32;
    YOUR.occurrences(text)
        .find_map(|(at, phrase)| {
            // "your message about our seizure first aid class": what follows "our" is the
            // organisation's, not theirs.
            let after = words_after(text, at + phrase.len(), REACH);
            let after = after.split(" our ").next().unwrap_or(after);
            // "your own chemo" is theirs, treatment and all.
            match after.strip_prefix(" own ") {
                Some(owned) => health_context(owned, &[])
                    .filter(|h| h.personal)
                    .map(|h| h.term),
                None => care_received(after),
            }
        })
        .or_else(|| {
            // What they were or went through: "you were the bravest patient on 4 West".
            // Not a credential earned: "Congrats on finishing your radiation therapy
            // certification".
            YOU_WERE.occurrences(text).find_map(|(at, phrase)| {
                let after = at + phrase.len();
                let earned = || STAFF_OR_PARTNER_NEWS.first(words_after(text, after, 2 * REACH));
                health_context(words_after(text, after, REACH), &[])
                    .filter(|h| h.personal && earned().is_none())
                    .map(|h| h.term)
            })
        })
        .or_else(|| {
            // Where they were brought as a patient, a care setting being enough: "You were 2
            // days old when you came to our NICU".
            YOU_CAME_TO.occurrences(text).find_map(|(at, phrase)| {
                health_context(words_after(text, at + phrase.len(), REACH), &[]).map(|h| h.term)
            })
        })
}

static YOU_CAME_TO: Phrases = Phrases::new(&[
    "you came to our",
    "you came into our",
    "you were brought to our",
    "you were flown to our",
    "you were born in our",
]);

// "ur" is how chats write it: "hope ur appendix surgery went ok".
static YOUR: Phrases = Phrases::new(&["your", "ur"]);
static YOU_WERE: Phrases = Phrases::new(&[
    // Cheers for what they went through: "Congrats on finishing radiation!"
    "congrats on",
    "congratulations on",
    "so glad you're",
    "so glad you’re",
    "you were",
    "you had",
    "you've had",
    "you’ve had",
    "you have had",
    "you've been",
    "you’ve been",
    "you beat",
    "you survived",
    "you fought",
    // What they came through: "You did it, Zorvath! Chemo is over".
    "you did it",
    "you made it",
    "you finished",
    "you completed",
    "you crushed",
]);

/// Whether the care the text tells of is rehearsed: a drill, a simulation, a mock code ("was the
/// patient in today's disaster drill"): a staff member who plays the patient is none.
pub(super) fn care_rehearsed(text: &str) -> bool {
    REHEARSAL.first(text).is_some()
}

static REHEARSAL: Phrases = Phrases::new(&[
    "drill",
    "drills",
    "simulation",
    "simulated",
    "mock code",
    "role play",
    "role-play",
    "moulage",
    "standardized patient",
]);

/// Whether `sentence` speaks of one person as "she", "he", "her", "his" or "him".
pub(super) fn speaks_of_one_person(sentence: &str) -> bool {
    ONE_PERSON.occurrences(sentence).next().is_some()
}

static ONE_PERSON: Phrases = Phrases::new(&["she", "he", "her", "his", "him"]);

/// Whether `sentence` speaks of people in the plural ("babies", "patients", "families"): of a
/// group, not of one person.
pub(super) fn said_of_many(sentence: &str) -> bool {
    MANY.occurrences(sentence).next().is_some()
}

static MANY: Phrases = Phrases::new(&[
    "babies", "patients", "families", "children", "kids", "moms", "parents", "everyone",
]);

/// Whether `sentence` speaks of the organisation or one of its places: "our" (or "nuestro",
/// "nuestra") and, within three words, a word for a hospital, a centre or a building.
pub(super) fn speaks_of_the_organisation(sentence: &str) -> bool {
    const PLACES: [&str; 19] = [
        "hospital",
        "unit",
        "floor",
        "department",
        "lab",
        "gym",
        "hospitals",
        "center",
        "centre",
        "clinic",
        "building",
        "campus",
        "wing",
        "foundation",
        "facility",
        "hospice",
        "home",
        "pharmacy",
        "clínica",
    ];
    OURS.occurrences(sentence).any(|(at, phrase)| {
        sentence[at + phrase.len()..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| PLACES.iter().any(|p| w.eq_ignore_ascii_case(p)))
    })
}

static OURS: Phrases = Phrases::new(&["our", "nuestro", "nuestra"]);

/// The first phrase of [`MADE_UP_NAMES`] in `text`.
pub(super) fn names_said_made_up(text: &str) -> Option<&'static str> {
    MADE_UP_NAMES.first(text)
}

/// Whether the text speaks of someone's own care ("after his own ICU stay", "her own cancer
/// diagnosis", "was diagnosed with sleep apnea himself"): health information within a few
/// words after "his own", "her own", "their own", "my own" or "your own", in the same sentence
/// (anywhere in it after "her own son"); a diagnosis, treatment or patient status in a sentence
/// that turns back on its subject ("himself", "herself") or tells what befell it ("who
/// received a kidney transplant"); a diagnosis, procedure or patient status right after "my"
/// ("caught my breast cancer"); or words that say someone died here, was a patient or was
/// treated by us; or their care right after "after his" (see [`care_after_their`]); or one who
/// cared for them saying what they were to them ("I was her PT after the amputation"). A care
/// setting beside a reflexive is only where someone works ("she herself trained half the ICU").
pub(super) fn speaks_of_own_care(text: &str) -> bool {
    const REACH: usize = 48;
    // "own" as a word, before a space or a comma ("he started his own, for colon cancer").
    let own = text.match_indices("own").any(|(at, _)| {
        if !text[at + 3..].starts_with([' ', ',']) {
            return false;
        }
        let before = text[..at].trim_end();
        let owner = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        // "own" starts a word (not "shown"), and the word before it is the owner.
        let owned = before.len() < at
            && ["his", "her", "their", "my", "your"]
                .iter()
                .any(|o| owner.eq_ignore_ascii_case(o));
        if !owned {
            return false;
        }
        // The care of one's own child or parent may be told anywhere in the sentence ("after
        // her own son spent 90 days there", where "there" is the NICU named before).
        let after = &text[at + 4..];
        let about = if OWN_KIN
            .iter()
            .any(|kin| after.starts_with(kin) && is_word_at(after, 0, kin.len()))
        {
            let (start, end) = sentence_around(text, at, at);
            text[start..end].to_string()
        } else if own_stands_alone(&text[at + 3..]) {
            // "his own stopped on the tennis court, and our cath lab": what it is comes later.
            words_after(text, at + 3, REACH).to_string()
        } else {
            // Right after it, not a topic further on: "his own ICU stay", "her own cancer
            // diagnosis", not "his own vacation days teaching stroke care".
            leading_words(words_after(text, at + 4, REACH), OWN_WORDS)
        };
        health_context(&about, &[]).is_some()
    });
    // Not in news of an award or a gift: "EMTs Ilse and Ruairi, who received the county's
    // award for their cardiac arrest response"; nor of a birth in the family ("on the birth of
    // his son").
    let of_its_subject = || {
        OF_ITS_SUBJECT.occurrences(text).any(|(at, phrase)| {
            let (start, end) = sentence_around(text, at, at + phrase.len());
            let sentence = &text[start..end];
            personal_health(sentence) && AWARDS.first(sentence).is_none() && !only_a_birth(sentence)
        })
    };
    // Someone quoted on their own care: "This hospital caught my breast cancer at stage 1."
    let first_person = || {
        MY.occurrences(text).any(|(at, phrase)| {
            care_received(words_after(text, at + phrase.len(), REACH / 2)).is_some()
        })
    };
    // One who cared for them says so: "I was her PT after the amputation", "being his night
    // nurse".
    let their_caregiver = || {
        CAREGIVER_OF.occurrences(text).any(|(at, phrase)| {
            opens_with_care_role(words_after(text, at + phrase.len(), REACH / 2))
        })
    };
    own || CARED_FOR_HERE.first(text).is_some()
        || of_its_subject()
        || care_after_their(text)
        || first_person()
        || their_caregiver()
}

/// Words before the role someone had in another's care ("I was her nurse").
static CAREGIVER_OF: Phrases = Phrases::new(&[
    "i was her",
    "i was his",
    "i was their",
    "i'm her",
    "i'm his",
    "i am her",
    "i am his",
    "being her",
    "being his",
]);

static MY: Phrases = Phrases::new(&["my"]);

/// Words of awards and honours, which someone receives for the care they gave.
static AWARDS: Phrases = Phrases::new(&[
    "award",
    "awards",
    "awarded",
    "of the year",
    "medal",
    "honored with",
    "honoured with",
    "recognized for",
    "recognised for",
    "certification",
]);

/// Whether "own" stands for what it owns, with no noun after it: before a comma ("started his
/// own, for colon cancer") or a verb ("his own stopped on the tennis court").
fn own_stands_alone(after_own: &str) -> bool {
    const VERBS: [&str; 8] = [
        "is", "was", "has", "had", "gave", "went", "failed", "stopped",
    ];
    after_own.starts_with(',')
        || after_own
            .split_whitespace()
            .next()
            .is_some_and(|word| word.ends_with("ed") || VERBS.contains(&word))
}

/// How many words after "his own" may tell of their care.
const OWN_WORDS: usize = 4;

/// Kin whose care "her own" or "his own" may tell of ("her own son").
const OWN_KIN: [&str; 12] = [
    "son", "daughter", "baby", "child", "children", "kids", "mother", "father", "mom", "dad",
    "husband", "wife",
];

/// Words of someone's return ("welcome back Jarrah").
static BACK: Phrases = Phrases::new(&[
    "welcome back",
    "is back",
    "back at work",
    "back to work",
    "returns",
    "returned",
    "returning",
]);
/// Words that may follow a return to say from what ("... after her kidney transplant").
static AFTER_THEIR: Phrases = Phrases::new(&[
    // "traded her desk for a bed on 6 North after a bowel obstruction".
    "after a",
    "after an",
    "after his",
    "after her",
    "after their",
    "following his",
    "following her",
    "following their",
    // Cheered on or kept company through it: "came to cheer him on through his dialysis".
    "through his",
    "through her",
    "through their",
    "during his",
    "during her",
    "during their",
]);

/// Words for someone cared for, whose care an "after her" later in the sentence tells.
static PATIENTS: Phrases = Phrases::new(&["patient", "patients", "resident", "residents"]);

/// Whether the text tells of someone's care after "after his", "after her", "through his",
/// "during her" and the like (or "after a" in a sentence about one person): health information
/// about a person in the two words right after ("spent two weeks on the other side of the bed
/// after his heart attack"), or, when the post speaks of a return, a little further on ("is
/// back after her second round of chemo"); not "after her maternity leave", "after his shift
/// in the ICU" or "after her talk on stroke care", nor after a patient named earlier in the
/// sentence.
fn care_after_their(text: &str) -> bool {
    const REACH: usize = 40;
    const RIGHT_AFTER: usize = 2;
    let back = std::cell::OnceCell::new();
    AFTER_THEIR.occurrences(text).any(|(at, phrase)| {
        // "walked a patient to her car after her mammogram": the care is the patient's.
        let (start, _) = sentence_around(text, at, at);
        if PATIENTS.occurrences(&text[start..at]).next().is_some() {
            return false;
        }
        // "after a bowel obstruction" is someone's only in a sentence about one person ("traded
        // her desk for a bed ... after a bowel obstruction"), not "what to do after a car crash".
        if matches!(phrase, "after a" | "after an") && !speaks_of_one_person(&text[start..at]) {
            return false;
        }
        let after = words_after(text, at + phrase.len(), REACH);
        let right_after = leading_words(after, RIGHT_AFTER);
        // "after her 500th transplant" counts the work of whoever performed it.
        let count_of_work = right_after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().take_while(char::is_ascii_digit).count() >= 2);
        // With the phrase, as some care is told with it ("after her fall").
        !count_of_work && personal_health(&format!("{phrase} {right_after}"))
            || *back.get_or_init(|| BACK.first(text).is_some()) && personal_health(after)
    })
}

/// Whether `text` holds health information about a person: a condition, procedure, treatment
/// or patient status, not only a care setting.
fn personal_health(text: &str) -> bool {
    health_context(text, &[]).is_some_and(|h| h.personal)
}

/// The first `count` words of `text`, one space between each: what a phrase's next few words
/// say, read as the health vocabulary spells its terms.
fn leading_words(text: &str, count: usize) -> String {
    text.split_whitespace()
        .take(count)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text from `from` on, at most `reach` bytes of it and no further than the first full
/// stop, question or exclamation mark or line break: what a phrase ending at `from` goes on
/// to say.
fn words_after(text: &str, from: usize, reach: usize) -> &str {
    text[from..text.floor_char_boundary((from + reach).min(text.len()))]
        .split(['.', '!', '?', '\n'])
        .next()
        .unwrap_or_default()
}

/// The sentence holding `start..end`: from just after the last sentence end before it (a
/// full stop, question or exclamation mark followed by a space, or a line break) to the
/// first one after it.
pub(super) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ends_sentence = |at: usize, c: char| {
        c == '\n'
            || matches!(c, '.' | '!' | '?')
                && text[at + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
                && !(c == '.' && shortened_word_before(&text[..at]))
    };
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(at, c)| ends_sentence(at, c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(at, c)| ends_sentence(end + at, c))
        .map_or(text.len(), |(at, _)| end + at);
    (from, to)
}

/// Whether `before` ends with an initial ("Ravi S", "J") or a title ("Dr", "Mrs"), whose full
/// stop goes on with a name rather than ending the sentence ("Ravi S. (bed 12) is hoping").
fn shortened_word_before(before: &str) -> bool {
    const TITLES: [&str; 11] = [
        "Mr", "Mrs", "Ms", "Dr", "Drs", "Rev", "Prof", "St", "Pt", "Fr", "Sr",
    ];
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let mut letters = word.chars();
    let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    initial || TITLES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_care_spoken_to_is_care_received_not_advice() {
        assert_eq!(
            own_care_spoken_to("We're thrilled your knee replacement went so smoothly"),
            Some("knee replacement")
        );
        assert_eq!(own_care_spoken_to("Don't forget your flu shot"), None);
        assert_eq!(
            own_care_spoken_to("Ana, your note about our seizure first aid class reached us"),
            None
        );
        assert_eq!(
            own_care_spoken_to("a year after your own chemo on 4 North"),
            Some("chemo")
        );
        assert_eq!(
            own_care_spoken_to("Yerlan, you were the bravest patient on 4 West."),
            Some("patient")
        );
        assert_eq!(
            own_care_spoken_to("Sam, you were amazing at our ICU open house"),
            None
        );
        assert_eq!(
            own_care_spoken_to("Your cancer center is here. Surgery"),
            None
        );
        assert_eq!(
            own_care_spoken_to("@jb Congrats on finishing radiation!"),
            Some("radiation")
        );
        assert_eq!(
            own_care_spoken_to("@jb Congrats on finishing your radiation therapy certification!"),
            None
        );
    }

    #[test]
    fn contact_details_said_of_a_person() {
        let text = "Reached out to the family at 4471 Bramblewood Ct. about their son";
        assert!(contact_of_a_person(text, text.find("4471").unwrap()));
        let text = "Our cancer center is at 4471 Bramblewood Ct.";
        assert!(!contact_of_a_person(text, text.find("4471").unwrap()));
        let text = "For that reason at 555-0142 only";
        assert!(!contact_of_a_person(text, text.find("555").unwrap()));
    }

    #[test]
    fn a_patient_with_a_title() {
        assert!(patient_before_a_title("Our patient Bishop "));
        assert!(patient_before_a_title("Pt Dr. "));
        assert!(patient_before_a_title("Our ED treated Coach "));
        assert!(patient_before_a_title("Honored to have cared for Sgt. "));
        assert!(patient_before_a_title("Get well soon, Coach "));
        assert!(patient_before_a_title("how our trauma team saved Deputy "));
        assert!(!patient_before_a_title("Get well soon cards from Coach "));
        assert!(!patient_before_a_title("A thank-you for Sgt. "));
        assert!(!patient_before_a_title("Our Bishop "));
        assert!(!patient_before_a_title("patient "));
    }

    #[test]
    fn scouts_are_no_kin() {
        assert_eq!(
            kin_or_care_spoken_to("Thanks for bringing your Boy Scout troop to 3 East!"),
            None
        );
        assert_eq!(
            kin_or_care_spoken_to("Thanks for bringing your boy to 3 East!"),
            Some("your boy")
        );
    }

    #[test]
    fn initials_and_titles_do_not_end_sentences() {
        let text = "Ravi S. (bed 12) asked for Dr. Ade. He is here.";
        assert_eq!(sentence_around(text, 0, 4), (0, 34));
        let text = "Thanks, Team A. See you at 5. Or not";
        // A capital alone before a full stop reads as an initial, even at a sentence's end.
        assert_eq!(sentence_around(text, 8, 12), (0, 28));
        assert_eq!(sentence_around("We won. Yay", 0, 2), (0, 6));
    }

    #[test]
    fn visits_are_news_not_care() {
        assert_eq!(
            staff_or_partner_news("Kalani toured our NICU with her nursing class today."),
            Some("toured")
        );
        assert_eq!(staff_or_partner_news("Kalani is in our NICU today."), None);
    }

    #[test]
    fn the_organisation_has_anniversaries() {
        assert!(speaks_of_the_organisation(
            "Our skilled nursing center is officially a centenarian!"
        ));
        assert!(speaks_of_the_organisation(
            "Feliz cumpleaños a nuestro hospital, que cumple 96 años hoy."
        ));
        assert!(!speaks_of_the_organisation(
            "Our oldest patient turned 106 on the cardiac floor."
        ));
    }

    #[test]
    fn own_care_is_told_from_work() {
        for text in [
            "After his own ICU stay in January, Tobias is back",
            "her own milestone: one year cancer-free",
            "Tadeusz, who was diagnosed with sleep apnea himself, now helps patients",
            "Dr. Abimbola Adeyemi, who received a kidney transplant from her own team",
            "Hedda Lindholm, RN, who passed away in our ICU this week",
            "knits caps for the NICU after her own son spent 90 days there",
            "she spent 19 days on a ventilator in our ICU",
            "in your thoughts as he starts radiation next week",
            "on ringing the bell after his final chemo session",
            "\"This hospital caught my breast cancer at stage 1.\"",
            "Our own nurse Brielle became the patient",
            "Last month, his own stopped on the tennis court, and our cath lab team returned the favor",
            "Last week he started his own, for colon cancer, two floors down",
            "This spring he became one, and his own team put in his pacemaker",
            "I was her PT after the amputation",
            "the honor of being his night nurse on 4 West",
        ] {
            assert!(speaks_of_own_care(text), "{text}");
        }
        for text in [
            "She runs her own bakery. The ICU thanks her",
            "He brought his own guitar to play for the staff.",
            "our own Dr. Lusk",
            "She herself trained half the ICU.",
            "Dr. Adeyemi, who has performed 500 kidney transplants, retires",
            "she has spent 20 years in our ICU",
            "she starts her new role in our ICU",
            "\"This hospital caught my attention with its breast cancer screening.\"",
            "spent his own vacation days teaching stroke care in rural clinics",
            "started her own podcast, for nurses, about safe medication practices",
            "I was her mentee in the ICU for two years",
            "i was her pt in the clinic",
        ] {
            assert!(!speaks_of_own_care(text), "{text}");
        }
        assert!(care_rehearsed(
            "was the patient in today's disaster drill, complete with fake blood"
        ));
    }

    #[test]
    fn a_town_said_of_a_person() {
        let place = |text: &str, town: &str| {
            let start = text.find(town).unwrap();
            place_of_a_person(text, start, start + town.len())
        };
        assert!(place("A patient from Tupelo beat cancer", "Tupelo"));
        assert!(place("the Emmetsburg farmer, 90, who", "Emmetsburg"));
        assert!(place(
            "A grandmother of five from Okolona became",
            "Okolona"
        ));
        assert!(!place("Our flu clinic in Tupelo is open", "Tupelo"));
        assert!(!place("our clinic from Tupelo to Oxford", "Tupelo"));
    }

    #[test]
    fn a_return_after_ones_own_care() {
        assert!(speaks_of_own_care(
            "Please welcome back Jarrah from our IT team after her kidney transplant!"
        ));
        assert!(!speaks_of_own_care(
            "Welcome back Dr. Ruiz after her maternity leave!"
        ));
        assert!(!speaks_of_own_care(
            "Dr. Lee celebrated after her 500th transplant."
        ));
        assert!(speaks_of_own_care(
            "Our therapist spent two weeks on the other side of the bed after his heart attack."
        ));
        assert!(!speaks_of_own_care(
            "After her talk on sepsis, nurse educator Ruthanne answered questions."
        ));
    }

    #[test]
    fn care_said_right_after_a_name() {
        assert!(cared_for_after_a_name(" was treated in our ED after"));
        assert!(cared_for_after_a_name(
            ", who was brought to our trauma center"
        ));
        assert!(cared_for_after_a_name(", underwent surgery"));
        assert!(cared_for_after_a_name(" Was Admitted overnight"));
        assert!(!cared_for_after_a_name(" was treatedly odd"));
        assert!(!cared_for_after_a_name(" treated 40 patients"));
        assert!(!cared_for_after_a_name(" and a patient who was treated"));
        assert!(cared_for_after_a_name(
            " from the front desk had her gallbladder out, shes home"
        ));
        assert!(cared_for_after_a_name(
            " in billing, she just found out its breast cancer"
        ));
        assert!(!cared_for_after_a_name(
            " from pharmacy had his team restock the chemo cart"
        ));
        assert!(!cared_for_after_a_name(
            " in radiology is out for the mri training"
        ));
        assert!(cared_for_after_a_name(
            " from the front desk who was in a bad car wreck last night"
        ));
        assert!(!cared_for_after_a_name(
            " was in a meeting with the chemo team"
        ));
        assert!(cared_for_after_a_name(
            " had a massive heart attack this morning"
        ));
        assert!(cared_for_after_a_name(", who suffered a stroke at home"));
        assert!(!cared_for_after_a_name(", who had a baby girl last week"));
        assert!(!cared_for_after_a_name(
            " had a great time at the cancer walk"
        ));
        assert!(cared_for_after_a_name(", who starts chemo on Monday"));
        assert!(cared_for_after_a_name(
            " came to us with sepsis and a 10% chance"
        ));
        assert!(!cared_for_after_a_name(
            " came in with the new chairs for the lobby"
        ));
        assert!(!cared_for_after_a_name(
            ", who starts the chemo training Monday"
        ));
        assert!(!cared_for_after_a_name(" started a new job in the ICU"));
        assert!(cared_for_after_a_name(
            ", an officer hurt in Tuesday's crash, now in critical condition"
        ));
        assert!(cared_for_after_a_name(
            ", is back after beating prostate cancer"
        ));
        assert!(!cared_for_after_a_name(
            ", an officer honored for his service"
        ));
        assert!(!cared_for_after_a_name(
            ", is back after a week of vacation"
        ));
        // Shorter than a phrase, or a phrase's length inside a character: no panic.
        assert!(!cared_for_after_a_name(" ’t"));
        assert!(!cared_for_after_a_name("out!"));
    }

    #[test]
    fn kin_and_losses_spoken_to() {
        assert_eq!(
            kin_or_care_spoken_to("Sorry for your loss, Ana. Your father was our patient"),
            Some("your loss")
        );
        assert_eq!(
            kin_or_care_spoken_to("glad your mom's knee is better"),
            Some("your mom")
        );
        assert_eq!(kin_or_care_spoken_to("your momentum inspires us"), None);
        assert_eq!(kin_or_care_spoken_to("Book your mammogram today"), None);
    }

    #[test]
    fn phrases_are_whole_words_in_any_case() {
        assert_eq!(
            staff_or_partner_news("Marisol RETIRES today; thanks to our donors"),
            Some("retires")
        );
        assert_eq!(staff_or_partner_news("the awardee's family"), None);
        assert_eq!(
            names_said_made_up("(Names have been changed.)"),
            Some("names have been changed")
        );
    }
}
