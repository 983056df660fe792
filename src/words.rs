//! Whole-word tests on text, shared by the engine's vetoes, the health lexicon and the verdict's
//! cues: whether a span stands as a word of its own, and whether a phrase opens or closes a
//! text as whole words, in any ASCII case ("st." before "Mary's", "was treated" after a name).

/// Whether `text[start..end]` is not glued to letters or digits on a side where it itself
/// begins or ends with one.
pub(crate) fn is_word_at(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let inner_first = text[start..end].chars().next().is_some_and(word);
    let inner_last = text[start..end].chars().next_back().is_some_and(word);
    let before = text[..start].chars().next_back().is_some_and(word);
    let after = text[end..].chars().next().is_some_and(word);
    !(inner_first && before || inner_last && after)
}

/// Whether `text` begins with `phrase`, in any ASCII case, and no letter or digit follows it.
pub(crate) fn opens_with(text: &str, phrase: &str) -> bool {
    text.get(..phrase.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(phrase))
        && !text[phrase.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// Whether `text` ends with `phrase`, in any ASCII case, and no letter or digit precedes it.
pub(crate) fn closes_with(text: &str, phrase: &str) -> bool {
    let Some(at) = text.len().checked_sub(phrase.len()) else {
        return false;
    };
    text.get(at..)
        .is_some_and(|end| end.eq_ignore_ascii_case(phrase))
        && !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_open_and_close_texts_as_whole_words() {
        assert!(opens_with(", Built in 1928", ", built in"));
        assert!(!opens_with(", built inside", ", built in"));
        assert!(!opens_with(", bui", ", built in"));
        assert!(closes_with("at St.", "st."));
        assert!(!closes_with("at first", "st"));
        assert!(closes_with("never", "never"));
        assert!(!closes_with("ever", "never"));
        // A phrase that would cut a character in two is not there.
        assert!(!opens_with("é", "e"));
        assert!(!closes_with("né", "e"));
    }

    #[test]
    fn a_word_is_not_glued_to_letters() {
        assert!(is_word_at("the lic.", 4, 7));
        assert!(!is_word_at("public", 3, 6));
    }
}
