//! Finding a post's own values again: the few strings a document's findings matched, looked
//! for elsewhere in the same text (repeats to mask, later mentions of a name).
//!
//! Most posts have a handful of such values, and building an automaton per post cost more than
//! the scan it served, so a small set is searched value by value; a large one (a pasted list)
//! gets an Aho-Corasick automaton, built on first use, so that it stays linear.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// Up to this many values, each is looked for on its own.
const FEW: usize = 16;

/// A set of literal strings, matched case-sensitively.
pub struct LiteralSet<'a> {
    values: Vec<&'a str>,
    /// Built on first use over the non-empty values, with the index of each in `values`.
    automaton: OnceLock<Option<(AhoCorasick, Vec<usize>)>>,
}

/// An automaton reporting every match, overlaps included, over the non-empty `values`, with the
/// index of each in `values`.
fn automaton(values: &[&str]) -> Option<(AhoCorasick, Vec<usize>)> {
    let kept: Vec<usize> = (0..values.len())
        .filter(|&i| !values[i].is_empty())
        .collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(kept.iter().map(|&i| values[i]))
        .ok()
        .map(|automaton| (automaton, kept))
}

impl<'a> LiteralSet<'a> {
    /// Empty strings are never found.
    pub fn new(values: Vec<&'a str>) -> Self {
        LiteralSet {
            values,
            automaton: OnceLock::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Where the values stand in `text`: leftmost first, the longest of those starting at one
    /// place, none overlapping. Each as (start, end, index of the value).
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = self.find_overlapping(text);
        let mut reached = 0;
        found.retain(|&(start, end, _)| {
            let keep = start >= reached;
            if keep {
                reached = end;
            }
            keep
        });
        found
    }

    /// Every place a value stands in `text`, overlaps included ("12345678/14/1951" holds both
    /// "12345678" and "8/14/1951"), sorted by start, the longest first. Each as (start, end,
    /// index of the value).
    pub fn find_overlapping(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let built = (self.values.len() > FEW)
            .then(|| {
                self.automaton
                    .get_or_init(|| automaton(&self.values))
                    .as_ref()
            })
            .flatten();
        let mut found: Vec<(usize, usize, usize)> = match built {
            Some((automaton, kept)) => automaton
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.end(), kept[m.pattern().as_usize()]))
                .collect(),
            // Few values, or (never seen) an automaton that could not be built: value by value.
            None => self
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_empty())
                .flat_map(|(i, v)| text.match_indices(v).map(move |(s, _)| (s, s + v.len(), i)))
                .collect(),
        };
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search by value and the automaton agree, on overlaps and prefixes too.
    #[test]
    fn few_and_many_find_alike() {
        let text = "Ann Annabel Bo and Annabel Lee, Bo";
        let few = vec!["Ann", "Annabel", "Annabel Lee", "Bo", "", "el L"];
        let mut many = few.clone();
        many.extend((0..FEW).map(|_| "zzz-not-there"));
        let expected = vec![(0, 3, 0), (4, 11, 1), (12, 14, 3), (19, 30, 2), (32, 34, 3)];
        assert_eq!(LiteralSet::new(few.clone()).find_all(text), expected);
        assert_eq!(LiteralSet::new(many.clone()).find_all(text), expected);
        let overlapping = LiteralSet::new(few).find_overlapping(text);
        assert!(overlapping.contains(&(4, 7, 0)) && overlapping.contains(&(24, 28, 5)));
        assert_eq!(overlapping, LiteralSet::new(many).find_overlapping(text));
    }
}
