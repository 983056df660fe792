//! Names no list has, for `eval --unlisted-names`: every word of a corpus's NAME spans is
//! replaced by a made-up name that no shipped dictionary holds, so that a score shows how
//! much detection leans on the census lists. Held-out sets are written with names outside
//! the dictionaries; this turns any labeled corpus into one.
//!
//! The replacement is deterministic: a word always becomes the same made-up word for a given
//! seed (the same person keeps one name across a corpus), its case is kept (ALL CAPS, Title,
//! lower), and titles, kinship and role words, initials, @handles and #hashtags stay as
//! written: they are how a post writes a name, not the name, and a rule may rightly lean on
//! them.

use super::Span;
use crate::rules::dictionaries::Dictionary;
use crate::rules::names;
use crate::shard::fnv1a;

/// Syllables the made-up names are built from: plain Latin letters that read as a name in
/// many languages, never as an English word of two syllables or more.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "te", "vu", "no", "sa", "di", "ke", "ma", "tu", "ri", "po", "le", "na",
    "zo", "ve", "ha", "ki", "ro", "fe", "li", "mo", "da", "be", "gu", "sho", "tan", "rel", "vin",
    "dor", "mak", "sil",
];

/// Words inside a NAME span that are not the name itself, besides the titles and kin words
/// the name rules know (see `names::title_or_kin`).
const KEPT: &[&str] = &[
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "baby",
    "little",
    "lil",
    "officer",
    "coach",
    "chef",
    "professor",
    "chaplain",
    "nurse",
    "abuela",
    "abuelo",
    "señora",
    "señor",
    "don",
    "doña",
];

/// The record's text with every NAME span's words replaced, and its spans moved to match.
pub fn replace_names(text: &str, spans: &[Span], seed: u64) -> (String, Vec<Span>) {
    // (start, end, replacement) of each replaced word, in text order.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut names: Vec<&Span> = spans.iter().filter(|s| s.label == "NAME").collect();
    names.sort_by_key(|s| s.start);
    for span in names {
        if text[span.start..span.end].starts_with(['@', '#'])
            || edits.last().is_some_and(|e| e.1 > span.start)
        {
            continue;
        }
        for (offset, word) in words(&text[span.start..span.end]) {
            let kept =
                KEPT.iter().any(|k| k.eq_ignore_ascii_case(word)) || names::title_or_kin(word);
            if word.chars().count() > 1 && !kept {
                let start = span.start + offset;
                edits.push((start, start + word.len(), made_up(word, seed)));
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, replacement) in &edits {
        out.push_str(&text[at..*start]);
        out.push_str(replacement);
        at = *end;
    }
    out.push_str(&text[at..]);
    // A boundary moves by what the edits before it added or removed; one inside a replaced
    // word (never, for spans over whole words) goes to the replacement's start.
    let moved = |offset: usize| -> usize {
        let mut shift: isize = 0;
        for (start, end, replacement) in &edits {
            if *end <= offset {
                shift += replacement.len() as isize - (end - start) as isize;
            } else if *start < offset {
                return (*start as isize + shift) as usize;
            }
        }
        (offset as isize + shift) as usize
    };
    let spans = spans.iter().map(|s| s.moved(moved)).collect();
    (out, spans)
}

/// The letter runs of `value` with their byte offsets.
fn words(value: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in value.char_indices().chain([(value.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                found.push((s, &value[s..at]));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// The made-up name standing for `word`, in `word`'s case.
fn made_up(word: &str, seed: u64) -> String {
    let lower = word.to_lowercase();
    let mut state = seed ^ fnv1a(lower.bytes());
    let name = loop {
        let syllables = 2 + (next(&mut state) % 2) as usize;
        let candidate: String = (0..syllables)
            .map(|_| SYLLABLES[(next(&mut state) % SYLLABLES.len() as u64) as usize])
            .collect();
        if candidate.len() >= 4 && !listed(&candidate) {
            break candidate;
        }
    };
    if word.chars().all(|c| !c.is_lowercase()) {
        name.to_uppercase()
    } else if word.starts_with(char::is_uppercase) {
        let mut chars = name.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        name
    }
}

fn listed(word: &str) -> bool {
    [
        Dictionary::FIRST_NAMES,
        Dictionary::SURNAMES,
        Dictionary::COMMON_WORDS,
        Dictionary::HEALTH_TERMS,
        Dictionary::US_PLACES,
        Dictionary::US_STATES,
        Dictionary::COUNTRIES,
    ]
    .iter()
    .any(|d| d.contains(word))
}

/// splitmix64: a small, well-mixed generator, so that runs repeat exactly.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.into(),
        }
    }

    #[test]
    fn names_are_replaced_and_spans_follow() {
        let text = "Pray for Mrs. Maria Gonzalez (DOB 03/14/1952) and MARIA, says @maria_g.";
        let spans = [
            span(9, 28, "NAME"),
            span(34, 44, "DATE"),
            span(50, 55, "NAME"),
            span(62, 70, "NAME"),
        ];
        let (out, moved) = replace_names(text, &spans, 1);
        let at = |s: &Span| &out[s.start..s.end];
        assert!(at(&moved[0]).starts_with("Mrs. "), "{out}");
        assert_eq!(at(&moved[1]), "03/14/1952", "{out}");
        assert_eq!(at(&moved[3]), "@maria_g", "{out}");
        // The same name is the same made-up name, in the case it was written in.
        let first = at(&moved[0])["Mrs. ".len()..].split(' ').next().unwrap();
        assert_eq!(at(&moved[2]), first.to_uppercase(), "{out}");
        assert!(!out.contains("Maria") && !out.contains("Gonzalez"), "{out}");
        for word in words(&out[moved[0].start..moved[0].end]).iter().skip(1) {
            assert!(!listed(word.1), "{word:?} is in a list");
        }
    }

    #[test]
    fn titles_kin_and_hashtags_stay_as_written() {
        let text = "Sgt. Ilse Brandvold, Coach Vance, nana Efua and #PrayForTeodoro";
        let spans = [
            span(0, 19, "NAME"),
            span(21, 32, "NAME"),
            span(34, 43, "NAME"),
            span(48, 63, "NAME"),
        ];
        let (out, _) = replace_names(text, &spans, 1);
        for kept in ["Sgt. ", "Coach ", "nana ", "#PrayForTeodoro"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        assert!(
            !out.contains("Brandvold") && !out.contains("Vance"),
            "{out}"
        );
    }

    #[test]
    fn replacements_repeat_for_a_seed_and_change_with_it() {
        assert_eq!(made_up("Maria", 7), made_up("Maria", 7));
        assert_eq!(made_up("maria", 7), made_up("Maria", 7).to_lowercase());
        assert_ne!(made_up("Maria", 7), made_up("Maria", 8));
    }
}
