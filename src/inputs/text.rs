//! Plain text and Markdown. A draft is one document, whatever its paragraphs say to each other
//! (a name in the first, a diagnosis in the last is still one post). A text over
//! [`ONE_DOCUMENT_BYTES`] is no draft but a dump of many posts or notes: it is scanned a
//! paragraph at a time, each paragraph a document of its own, so that no single document grows
//! with the file and the workers share it out.

use crate::document::{Document, LineIndex};

/// Plain text up to this size is one document.
pub const ONE_DOCUMENT_BYTES: usize = 1 << 20;

/// Most bytes in one document of a big text: a longer paragraph (or a file of one post per line,
/// with no blank line at all) is cut at the line end past this size.
const MOST_DOCUMENT_BYTES: usize = 64 << 10;

/// Whether `text` is scanned as one document.
pub fn is_one_document(text: &str) -> bool {
    text.len() <= ONE_DOCUMENT_BYTES
}

/// The paragraphs of a big plain text as documents, in order; `index` is the text's own.
pub fn paragraph_documents(text: &str, index: &LineIndex<'_>, emit: &mut dyn FnMut(Document)) {
    for (start, end) in paragraphs(text) {
        let (first_line, _) = index.line_col(start);
        let (last_line, _) = index.line_col(end.saturating_sub(1).max(start));
        let mut doc = Document::builder(Some(format!("lines {first_line}-{last_line}")));
        doc.push(&text[start..end], None, start, Vec::new());
        emit(doc.finish());
    }
}

/// Byte ranges of the paragraphs of `text`: runs of lines ended by a blank line, cut at a line
/// end once longer than [`MOST_DOCUMENT_BYTES`]. Blank lines belong to no paragraph.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    let mut line_start = 0;
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for line_end in line_ends {
        let blank = text[line_start..line_end].trim().is_empty();
        let next_line = (line_end + 1).min(text.len());
        match start {
            Some(from) if blank => {
                found.push((from, line_start));
                start = None;
            }
            Some(from) if line_end - from >= MOST_DOCUMENT_BYTES => {
                found.push((from, next_line));
                start = None;
            }
            None if !blank => start = Some(line_start),
            _ => {}
        }
        line_start = next_line;
    }
    if let Some(from) = start {
        found.push((from, text.len()));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_end_at_blank_lines_and_at_the_size_cap() {
        let text = "one\ntwo\n\n  \nthree\n\nfour";
        let found: Vec<&str> = paragraphs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, ["one\ntwo\n", "three\n", "four"]);

        let line = "x".repeat(1000) + "\n";
        let text = line.repeat(200);
        let found = paragraphs(&text);
        assert!(found.len() > 1);
        assert!(
            found
                .iter()
                .all(|&(s, e)| e - s <= MOST_DOCUMENT_BYTES + line.len())
        );
        // Together they cover the text, in order, with nothing left out.
        assert_eq!(found.first().unwrap().0, 0);
        assert_eq!(found.last().unwrap().1, text.len());
        assert!(found.windows(2).all(|pair| pair[0].1 == pair[1].0));
    }

    #[test]
    fn a_draft_is_one_document_and_a_dump_is_many() {
        assert!(is_one_document("Maria Gonzalez\n\nhas pneumonia"));
        let post = "Please pray for Maria Gonzalez, admitted with pneumonia.\n\n";
        let dump = post.repeat(ONE_DOCUMENT_BYTES / post.len() + 10);
        assert!(!is_one_document(&dump));
        let index = LineIndex::new(&dump, 1);
        let mut docs = Vec::new();
        paragraph_documents(&dump, &index, &mut |d| docs.push(d));
        assert_eq!(docs.len(), ONE_DOCUMENT_BYTES / post.len() + 10);
        assert_eq!(docs[1].record.as_deref(), Some("lines 3-3"));
        assert_eq!(docs[1].source_offset(0), post.len());
    }
}
