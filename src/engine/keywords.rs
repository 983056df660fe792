//! Finding rule keywords in a document: every occurrence of every keyword, in any ASCII case,
//! standing as a word of its own ("lic" is not in "public").
//!
//! Two ways to the same hits, chosen by the workload. An Aho-Corasick automaton finds them all
//! in one pass over megabytes, but takes milliseconds to build over the rule set's hundreds of
//! keywords: longer than a whole draft's scan should take. For a draft, the keywords are
//! filed by their first byte instead, which takes microseconds, and each place in the text is
//! compared with the few keywords that start like it.

use crate::rules::Workload;
use crate::words::is_word_at;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A keyword seen in the text: which keyword (its index in the list the finder was built
/// from), and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct KeywordHit {
    pub keyword: usize,
    pub start: usize,
    pub end: usize,
}

/// Finds keywords; see the module documentation.
pub(super) struct KeywordFinder {
    keywords: Vec<String>,
    /// Length in bytes of the longest keyword.
    longest: usize,
    search: Search,
}

/// How the keywords are looked for.
enum Search {
    Automaton(AhoCorasick),
    /// For each first byte (in ASCII lower case): the keywords that start with it, shortest
    /// first, so that the hits at one place come out in the automaton's order.
    ByFirstByte(Vec<Vec<usize>>),
}

impl KeywordFinder {
    /// A finder of `keywords`, built the way `workload` is best served.
    pub(super) fn new(keywords: Vec<String>, workload: Workload) -> KeywordFinder {
        let search = match workload {
            // A full DFA searches twice as fast as the default NFA; its build time is won back
            // over an export.
            Workload::Large => Search::Automaton(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(&keywords)
                    .expect("keywords are plain literals"),
            ),
            Workload::Small => {
                let mut starting_with = vec![Vec::new(); 256];
                for (index, keyword) in keywords.iter().enumerate() {
                    if let Some(&first) = keyword.as_bytes().first() {
                        starting_with[usize::from(first.to_ascii_lowercase())].push(index);
                    }
                }
                for bucket in &mut starting_with {
                    bucket.sort_by_key(|&index| (keywords[index].len(), index));
                }
                Search::ByFirstByte(starting_with)
            }
        };
        let longest = keywords.iter().map(String::len).max().unwrap_or(0);
        KeywordFinder {
            keywords,
            longest,
            search,
        }
    }

    /// Keyword `index` as the rules wrote it.
    pub(super) fn keyword(&self, index: usize) -> &str {
        &self.keywords[index]
    }

    /// Length in bytes of the longest keyword.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }

    /// Every keyword occurrence in `text` that stands as a word, sorted by start, then end,
    /// then keyword.
    pub(super) fn hits(&self, text: &str) -> Vec<KeywordHit> {
        let mut hits: Vec<KeywordHit> = match &self.search {
            Search::Automaton(automaton) => automaton
                .find_overlapping_iter(text)
                .map(|m| KeywordHit {
                    keyword: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                })
                .collect(),
            Search::ByFirstByte(starting_with) => {
                let bytes = text.as_bytes();
                let mut hits = Vec::new();
                for (start, _) in text.char_indices() {
                    let first = usize::from(bytes[start].to_ascii_lowercase());
                    for &keyword in &starting_with[first] {
                        let candidate = self.keywords[keyword].as_bytes();
                        let end = start + candidate.len();
                        if bytes
                            .get(start..end)
                            .is_some_and(|here| here.eq_ignore_ascii_case(candidate))
                        {
                            hits.push(KeywordHit {
                                keyword,
                                start,
                                end,
                            });
                        }
                    }
                }
                hits
            }
        };
        hits.retain(|h| is_word_at(text, h.start, h.end));
        hits.sort_by_key(|h| (h.start, h.end, h.keyword));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_finders_find_the_same_hits() {
        let keywords = [
            "mrn",
            "med rec #",
            "rec #",
            "dr",
            "dr.",
            "'s",
            "📸",
            "lic",
            "MRN",
        ];
        let finder = |workload| {
            KeywordFinder::new(keywords.iter().map(|k| k.to_string()).collect(), workload)
        };
        let (small, large) = (finder(Workload::Small), finder(Workload::Large));
        for text in [
            "Dr. Lusk's MRN 123, med rec # 9; public lic",
            "📸: Ana. mrn:4 DR.",
            "",
            "é MRN",
        ] {
            assert_eq!(small.hits(text), large.hits(text), "{text}");
        }
        let hits = small.hits("Med Rec # 4 at Dr.");
        let found: Vec<&str> = hits.iter().map(|h| small.keyword(h.keyword)).collect();
        assert_eq!(found, ["med rec #", "rec #", "dr", "dr."]);
    }
}
