//! Lays out the word lists of `rules/data/` as open-addressing hash tables at compile time, so
//! that no run parses 50,000 surnames before scanning a 280-character draft.
//!
//! For each list `NAME.txt` two files go to `OUT_DIR`: `NAME.entries`, every entry's byte range
//! in the list's text (two little-endian `u32`s each, in file order, so an entry's index is its
//! rank), and `NAME.slots`, a power-of-two table at most half full whose slots hold an entry's
//! index plus one (0 is empty), placed by `word_hash` with linear probing. The reading side is
//! `src/rules/dictionaries.rs`, which also defines what an entry is; the two must agree.

#[path = "src/rules/annotations.rs"]
mod annotations;
#[path = "src/rules/word_hash.rs"]
mod word_hash;

use std::path::Path;

const LISTS: [&str; 11] = [
    "first_names",
    "surnames",
    "common_words",
    "health_terms",
    "health_terms_extra",
    "us_places",
    "us_states",
    "street_suffixes",
    "unit_designators",
    "zip3_restricted",
    "countries",
];

fn main() {
    println!("cargo::rerun-if-changed=src/rules/word_hash.rs");
    println!("cargo::rerun-if-changed=src/rules/annotations.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in LISTS {
        let source = format!("rules/data/{name}.txt");
        println!("cargo::rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let entries = entries(&text);
        for &(start, end) in &entries {
            let entry = &text[start..end];
            assert!(
                !entry.bytes().any(|b| b.is_ascii_uppercase()),
                "{source}: entry {entry:?} is not lower case (lookups are)"
            );
        }
        let mut ranges = Vec::with_capacity(entries.len() * 8);
        for &(start, end) in &entries {
            ranges.extend_from_slice(&(start as u32).to_le_bytes());
            ranges.extend_from_slice(&(end as u32).to_le_bytes());
        }
        let slots = table(&text, &entries);
        let mut slot_bytes = Vec::with_capacity(slots.len() * 4);
        for slot in slots {
            slot_bytes.extend_from_slice(&slot.to_le_bytes());
        }
        write(&Path::new(&out).join(format!("{name}.entries")), &ranges);
        write(&Path::new(&out).join(format!("{name}.slots")), &slot_bytes);
    }
}

/// Every entry's byte range, in file order: each line's first column when the second is an
/// annotation, every column otherwise; `#` comments and blank lines are not entries.
fn entries(text: &str) -> Vec<(usize, usize)> {
    let base = text.as_ptr() as usize;
    let range = |s: &str| {
        let start = s.as_ptr() as usize - base;
        (start, start + s.len())
    };
    let mut entries = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        match line.split_once('\t') {
            Some((entry, kind)) if annotations::ANNOTATIONS.contains(&kind) => {
                entries.push(range(entry))
            }
            _ => entries.extend(line.split('\t').map(range)),
        }
    }
    entries
}

/// The slots: the first occurrence of a word keeps its rank, as a later duplicate adds nothing.
fn table(text: &str, entries: &[(usize, usize)]) -> Vec<u32> {
    let size = (entries.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (index, &(start, end)) in entries.iter().enumerate() {
        let word = &text.as_bytes()[start..end];
        let mut slot = word_hash::word_hash(word) as usize & mask;
        loop {
            match slots[slot] {
                0 => {
                    slots[slot] = index as u32 + 1;
                    break;
                }
                taken => {
                    let (s, e) = entries[taken as usize - 1];
                    if &text.as_bytes()[s..e] == word {
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
    }
    slots
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
