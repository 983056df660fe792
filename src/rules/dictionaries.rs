//! Word lists shipped in `rules/data/` and embedded in the binary, looked up by name from rules
//! and validators. Each list's lookup table is laid out at compile time (`build.rs`), so a run
//! starts without parsing the 50,000 surnames or the 30,000 common words.

use super::annotations::ANNOTATIONS;
use super::word_hash::word_hash;

/// One embedded list: its name in rule files, its text, every entry's byte range in the text
/// (two little-endian `u32`s per entry, in rank order) and its hash table (little-endian `u32`
/// slots holding an entry's index plus one, 0 for empty), both written by `build.rs`.
struct Entry {
    name: &'static str,
    text: &'static str,
    ranges: &'static [u8],
    slots: &'static [u8],
}

macro_rules! entry {
    ($name:literal) => {
        Entry {
            name: $name,
            text: include_str!(concat!("../../rules/data/", $name, ".txt")),
            ranges: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".entries")),
            slots: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".slots")),
        }
    };
}

/// The `index`-th little-endian `u32` of `bytes`.
fn u32_at(bytes: &[u8], index: usize) -> usize {
    let at = index * 4;
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

impl Entry {
    /// The rank of `lower`, a lower-case word.
    fn find(&self, lower: &str) -> Option<usize> {
        let mask = self.slots.len() / 4 - 1;
        let mut slot = word_hash(lower.as_bytes()) as usize & mask;
        loop {
            let index = u32_at(self.slots, slot).checked_sub(1)?;
            let (start, end) = (
                u32_at(self.ranges, 2 * index),
                u32_at(self.ranges, 2 * index + 1),
            );
            if &self.text.as_bytes()[start..end] == lower.as_bytes() {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }
}

static DICTIONARIES: [Entry; 11] = [
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
    entry!("countries"),
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
    pub const COUNTRIES: Dictionary = Dictionary(10);

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
                Some((entry, kind)) if ANNOTATIONS.contains(&kind) => (entry, Some(kind)),
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
    /// The lists spell names without apostrophes: "O'Sullivan" and "D'Andre" are looked up
    /// as "osullivan" and "dandre" when not found as written.
    pub fn rank(self, word: &str) -> Option<usize> {
        self.rank_as_written(word).or_else(|| {
            let inner = word.trim_matches(['\'', '’']);
            inner
                .contains(['\'', '’'])
                .then(|| self.rank_as_written(&inner.replace(['\'', '’'], "")))
                .flatten()
        })
    }

    fn rank_as_written(self, word: &str) -> Option<usize> {
        let list = &DICTIONARIES[self.0];
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return list.find(word);
            }
            // Most lookups are capitalised words: lower them without allocating.
            let mut buffer = [0u8; 40];
            if let Some(lower) = ascii_lowered(word, &mut buffer) {
                return list.find(lower);
            }
        }
        let lower = word.to_lowercase();
        // The lists are ASCII: "José" is looked up as "jose".
        list.find(&lower)
            .or_else(|| list.find(&fold_accents(&lower)))
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(self, word: &str) -> bool {
        self.rank(word).is_some()
    }
}

/// `text` with its ASCII letters lowered (other characters unchanged), in `buffer`, without
/// allocating; `None` when it does not fit.
pub(crate) fn ascii_lowered<'b>(text: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let lower = buffer.get_mut(..text.len())?;
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    Some(std::str::from_utf8(lower).expect("lowering ASCII letters keeps UTF-8"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_answers() {
        assert!(Dictionary::FIRST_NAMES.contains("Maria"));
        assert!(Dictionary::SURNAMES.contains("GONZALEZ"));
        assert!(Dictionary::FIRST_NAMES.contains("José"));
        assert!(Dictionary::SURNAMES.contains("O'SULLIVAN"));
        assert!(Dictionary::FIRST_NAMES.contains("D’Andre"));
        assert!(!Dictionary::SURNAMES.contains("'"));
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
        assert!(Dictionary::COUNTRIES.contains("Czech Republic"));
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
        assert_eq!(Dictionary::FIRST_NAMES.rank("zzzznotaname"), None);
        for name in Dictionary::names() {
            assert!(
                Dictionary::by_name(name).unwrap().entries().count() > 10,
                "{name}"
            );
        }
    }

    /// The hand-written health list gives each term one kind: a second row would be dead (the
    /// first one wins) and hides which kind was meant.
    #[test]
    fn health_terms_extra_lists_each_term_once() {
        let mut seen = std::collections::HashSet::new();
        for (term, _) in Dictionary::HEALTH_TERMS_EXTRA.rows() {
            assert!(seen.insert(term), "listed twice: {term}");
        }
    }

    /// The tables `build.rs` laid out answer for every entry with the rank of its first
    /// occurrence, as a list read line by line would.
    #[test]
    fn compiled_tables_agree_with_the_lists() {
        for name in Dictionary::names() {
            let dictionary = Dictionary::by_name(name).unwrap();
            let mut first = std::collections::HashMap::new();
            for (rank, entry) in dictionary.entries().enumerate() {
                first.entry(entry).or_insert(rank);
            }
            for (entry, rank) in first {
                assert_eq!(dictionary.rank(entry), Some(rank), "{name}: {entry:?}");
            }
        }
    }
}
