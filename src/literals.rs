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
        if self.values.len() > FEW {
            let automaton = self.automaton.get_or_init(|| {
                let kept: Vec<usize> = (0..self.values.len())
                    .filter(|&i| !self.values[i].is_empty())
                    .collect();
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(kept.iter().map(|&i| self.values[i]))
                    .ok()
                    .map(|automaton| (automaton, kept))
            });
            if let Some((automaton, kept)) = automaton {
                return automaton
                    .find_iter(text)
                    .map(|m| (m.start(), m.end(), kept[m.pattern().as_usize()]))
                    .collect();
            }
        }
        let mut found: Vec<(usize, usize, usize)> = self
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .flat_map(|(i, v)| text.match_indices(v).map(move |(s, _)| (s, s + v.len(), i)))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
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
        assert_eq!(LiteralSet::new(few).find_all(text), expected);
        assert_eq!(LiteralSet::new(many).find_all(text), expected);
    }
}
