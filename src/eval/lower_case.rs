//! `--lower-case` for `phiscan eval`: the corpus as people who never press shift write it.
//! Every text is lower-cased and its spans moved with it, so that the same labels score the
//! same posts written in lower case (some letters change their UTF-8 length when lowered:
//! "İ" becomes two characters).

use super::Span;

/// The record's text in lower case, and its spans moved to match.
pub fn lower_case(text: &str, spans: &[Span]) -> (String, Vec<Span>) {
    // Each stretch between two span boundaries is lowered alone, so that every boundary has
    // a place in the lowered text.
    let mut boundaries: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.start, s.end])
        .chain([0, text.len()])
        .collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut lowered = String::with_capacity(text.len());
    let mut moved = Vec::with_capacity(boundaries.len());
    for pair in boundaries.windows(2) {
        moved.push((pair[0], lowered.len()));
        lowered.push_str(&text[pair[0]..pair[1]].to_lowercase());
    }
    moved.push((text.len(), lowered.len()));
    let at = |offset: usize| {
        moved
            .binary_search_by_key(&offset, |&(from, _)| from)
            .map_or(offset, |i| moved[i].1)
    };
    let spans = spans.iter().map(|s| s.moved(at)).collect();
    (lowered, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            label: "NAME".into(),
        }
    }

    #[test]
    fn spans_follow_the_lowered_text() {
        let text = "Pray for Siosaia Vake. İlkay Öztürk too";
        let spans = [span(9, 21), span(23, text.len() - 4)];
        let (lowered, moved) = lower_case(text, &spans);
        assert_eq!(lowered, text.to_lowercase());
        let slice = |s: &Span| &lowered[s.start..s.end];
        assert_eq!(slice(&moved[0]), "siosaia vake");
        assert_eq!(slice(&moved[1]), "i̇lkay öztürk");
    }
}
