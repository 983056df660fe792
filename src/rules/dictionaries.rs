//! Word lists shipped in `rules/data/` and embedded in the binary, looked up by name from rules
//! and validators. Each list is parsed on first use only, so a scan that never needs the 50,000
//! surnames never pays for them.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// One embedded list: its name in rule files, its text, and the rank of each entry (its
/// position in the file), built on demand.
struct Entry {
    name: &'static str,
    text: &'static str,
    ranks: OnceLock<FxHashMap<&'static str, usize>>,
}

macro_rules! entry {
    ($name:literal) => {
        Entry {
            name: $name,
            text: include_str!(concat!("../../rules/data/", $name, ".txt")),
            ranks: OnceLock::new(),
        }
    };
}

static DICTIONARIES: [Entry; 10] = [
    entry!("first_names"),
    entry!("surnames"),
    entry!("common_words"),
    entry!("health_terms"),
    entry!("health_terms_extra"),
    entry!("us_places"),
    entry!("us_states"),
    entry!("street_suffixes"),
    entry!("unit_designators"),
    entry!("zip3_restricted"),
];

/// A built-in dictionary, chosen by name when rules are compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dictionary(usize);

impl Dictionary {
    pub const FIRST_NAMES: Dictionary = Dictionary(0);
    pub const SURNAMES: Dictionary = Dictionary(1);
    pub const COMMON_WORDS: Dictionary = Dictionary(2);
    pub const HEALTH_TERMS: Dictionary = Dictionary(3);
    pub const HEALTH_TERMS_EXTRA: Dictionary = Dictionary(4);
    pub const US_PLACES: Dictionary = Dictionary(5);
    pub const US_STATES: Dictionary = Dictionary(6);
    pub const ZIP3_RESTRICTED: Dictionary = Dictionary(9);

    /// Finds a dictionary by the name rule files use.
    pub fn by_name(name: &str) -> Option<Dictionary> {
        DICTIONARIES
            .iter()
            .position(|e| e.name == name)
            .map(Dictionary)
    }

    /// Every dictionary name, for error messages.
    pub fn names() -> Vec<&'static str> {
        DICTIONARIES.iter().map(|e| e.name).collect()
    }

    /// The dictionary's name.
    pub fn name(self) -> &'static str {
        DICTIONARIES[self.0].name
    }

    /// Every line's entries, lower case, in file order (most frequent first where the source
    /// is ranked). For two-column lists every column is an entry, so "texas" and "tx" are both
    /// states; a health term's kind (`condition`, `role`, ...) is an annotation, not an entry.
    pub fn rows(self) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
        DICTIONARIES[self.0]
            .text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| match l.split_once('\t') {
                Some((entry, kind)) if is_annotation(kind) => (entry, Some(kind)),
                _ => (l, None),
            })
    }

    /// Every entry, lower case, in file order.
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        self.rows().flat_map(|(entry, kind)| match kind {
            Some(_) => vec![entry],
            None => entry.split('\t').collect(),
        })
    }

    /// The position of `word` (any case) in the list, 0 for the first (most frequent) entry.
    pub fn rank(self, word: &str) -> Option<usize> {
        let ranks = DICTIONARIES[self.0].ranks.get_or_init(|| {
            let mut ranks = FxHashMap::default();
            for (rank, entry) in self.entries().enumerate() {
                ranks.entry(entry).or_insert(rank);
            }
            ranks
        });
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return ranks.get(word).copied();
            }
            // Most lookups are capitalised words: lower them without allocating.
            let mut buffer = [0u8; 40];
            if let Some(lower) = buffer.get_mut(..word.len()) {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).expect("ASCII stays ASCII");
                return ranks.get(lower).copied();
            }
        }
        let lower = word.to_lowercase();
        // The lists are ASCII: "José" is looked up as "jose".
        ranks
            .get(lower.as_str())
            .or_else(|| ranks.get(fold_accents(&lower).as_str()))
            .copied()
    }

    /// Builds every list's lookup table now rather than on first use.
    pub fn prepare_all() {
        for index in 0..DICTIONARIES.len() {
            Dictionary(index).rank("");
        }
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(self, word: &str) -> bool {
        self.rank(word).is_some()
    }
}

/// Latin letters with their diacritics removed; other characters unchanged.
fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

/// Second columns that classify an entry rather than name one (health term categories).
fn is_annotation(column: &str) -> bool {
    matches!(
        column,
        "condition" | "procedure" | "treatment" | "medication" | "care_setting" | "role" | "status"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_answers() {
        assert!(Dictionary::FIRST_NAMES.contains("Maria"));
        assert!(Dictionary::SURNAMES.contains("GONZALEZ"));
        assert!(Dictionary::FIRST_NAMES.contains("José"));
        assert!(Dictionary::COMMON_WORDS.contains("hope"));
        assert!(Dictionary::HEALTH_TERMS.contains("dialysis"));
        assert!(
            Dictionary::HEALTH_TERMS_EXTRA
                .rows()
                .any(|(t, k)| t == "admitted" && k == Some("status"))
        );
        assert!(!Dictionary::HEALTH_TERMS.contains("condition"));
        assert_eq!(Dictionary::FIRST_NAMES.rank("james"), Some(0));
        assert!(
            Dictionary::HEALTH_TERMS
                .rows()
                .any(|(t, k)| t == "nurse" && k == Some("role"))
        );
        assert!(Dictionary::US_PLACES.contains("Lowell"));
        assert!(Dictionary::US_STATES.contains("tx") && Dictionary::US_STATES.contains("Texas"));
        assert!(Dictionary::ZIP3_RESTRICTED.contains("036"));
        assert!(
            Dictionary::by_name("street_suffixes")
                .unwrap()
                .contains("blvd")
        );
        assert!(
            Dictionary::by_name("unit_designators")
                .unwrap()
                .contains("apt")
        );
        assert_eq!(Dictionary::by_name("nope"), None);
        for name in Dictionary::names() {
            assert!(
                Dictionary::by_name(name).unwrap().entries().count() > 10,
                "{name}"
            );
        }
    }
}
