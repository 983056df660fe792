//! Documents: the text of one post (or one file) as the engine sees it, with the map from each
//! byte of that text back to where it came from in the source file.
//!
//! A structured input (a JSON record, a CSV row, an HTML page) is flattened into one text made
//! of pieces, one per field or text node, separated by newlines so that no pattern matches
//! across two fields. Each piece remembers its field and where it starts in the source;
//! `shifts` record where decoding (JSON escapes, HTML entities) made text and source drift
//! apart, so a finding can be located exactly in the file a user will open.

use serde::Serialize;

/// A piece of a document's text that came from one place in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the piece in the document text.
    pub start: usize,
    /// The field it came from: a JSON Pointer, a CSV column name, an HTML attribute.
    pub field: Option<String>,
    /// Byte offset in the source where the piece's text begins.
    pub source_start: usize,
    /// `(text_offset, source_offset)` pairs, relative to the piece, sorted, where the two
    /// realign after an escape; between pairs they advance together.
    pub shifts: Vec<(usize, usize)>,
}

/// The text of one post or file to scan. Invariant: `pieces` is sorted by `start`, and the
/// first piece starts at 0.
#[derive(Debug, Clone)]
pub struct Document {
    /// The record inside the file: `line 12` for NDJSON, `row 3` for CSV, `/0` for a JSON array.
    pub record: Option<String>,
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Whether an export attaches an image to the post: a photo can identify a patient where
    /// the text cannot, and phiscan cannot see what it shows.
    pub has_photo: bool,
}

/// Where a finding is, in terms a person can follow to the exact spot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line and column (in characters) of the start and the end in the source file.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Document {
    /// A document whose text is its own source (plain text, Markdown, a `--text` draft).
    pub fn plain(text: String) -> Document {
        Document {
            record: None,
            has_photo: false,
            text,
            pieces: vec![Piece {
                start: 0,
                field: None,
                source_start: 0,
                shifts: Vec::new(),
            }],
        }
    }

    /// Builds a document piece by piece.
    pub fn builder(record: Option<String>) -> DocumentBuilder {
        DocumentBuilder {
            doc: Document {
                record,
                has_photo: false,
                text: String::new(),
                pieces: Vec::new(),
            },
        }
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let index = self.pieces.partition_point(|p| p.start <= offset);
        index.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The byte range of the piece (one field, one text node) that holds `offset`.
    pub fn piece_bounds(&self, offset: usize) -> (usize, usize) {
        let index = self.pieces.partition_point(|p| p.start <= offset);
        let start = index.checked_sub(1).map_or(0, |i| self.pieces[i].start);
        // Pieces after the first are preceded by the one-byte separator.
        let end = self
            .pieces
            .get(index)
            .map_or(self.text.len(), |next| next.start - 1);
        (start, end.max(start))
    }

    /// Where in the source the piece holding `offset` starts.
    pub fn piece_source_start(&self, offset: usize) -> usize {
        self.piece_at(offset).map_or(offset, |p| p.source_start)
    }

    /// The field a byte of the text came from.
    pub fn field_at(&self, offset: usize) -> Option<&str> {
        self.piece_at(offset).and_then(|p| p.field.as_deref())
    }

    /// Maps a byte offset of the text to a byte offset of the source.
    pub fn source_offset(&self, offset: usize) -> usize {
        let Some(piece) = self.piece_at(offset) else {
            return offset;
        };
        piece.source_start + realign(&piece.shifts, offset - piece.start)
    }
}

/// Where byte `offset` of a decoded text stands in its source, relative to the text's start,
/// given the `(text_offset, source_offset)` shifts where the two realign (see [`Piece`]).
pub fn realign(shifts: &[(usize, usize)], offset: usize) -> usize {
    let index = shifts.partition_point(|(t, _)| *t <= offset);
    let (text_base, source_base) = index.checked_sub(1).map_or((0, 0), |i| shifts[i]);
    source_base + (offset - text_base)
}

/// Appends pieces to a document, keeping its invariants.
pub struct DocumentBuilder {
    doc: Document,
}

impl DocumentBuilder {
    /// Adds one piece of decoded text; pieces after the first are separated by a newline.
    pub fn push(
        &mut self,
        text: &str,
        field: Option<String>,
        source_start: usize,
        shifts: Vec<(usize, usize)>,
    ) {
        if !self.doc.pieces.is_empty() {
            self.doc.text.push('\n');
        }
        self.doc.pieces.push(Piece {
            start: self.doc.text.len(),
            field,
            source_start,
            shifts,
        });
        self.doc.text.push_str(text);
    }

    /// Notes that the post carries an image.
    pub fn attach_photo(&mut self) {
        self.doc.has_photo = true;
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.doc.pieces.is_empty()
    }

    /// The finished document.
    pub fn finish(self) -> Document {
        self.doc
    }
}

/// Bytes between the character counts kept for columns far into a long line.
const CHECKPOINT: usize = 4096;

/// Line starts of a source text, to turn byte offsets into line and column.
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
    /// (byte offset, characters before it) every `CHECKPOINT` bytes, made the first time a
    /// column lies far into a long line (a minified file, a one-line dump): counting from the
    /// line's start for every finding made reports on such a line quadratic.
    checkpoints: std::sync::OnceLock<Vec<(usize, usize)>>,
    /// Line number of the source's first line (NDJSON lines are scanned one at a time).
    first_line: usize,
    /// Characters before the source on its first line (a window of a big export may start
    /// inside a line).
    first_column: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str, first_line: usize) -> LineIndex<'a> {
        LineIndex::starting_at(source, first_line, 0)
    }

    /// The index of a source that starts `first_column` characters into line `first_line`.
    pub fn starting_at(source: &'a str, first_line: usize, first_column: usize) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex {
            source,
            starts,
            checkpoints: std::sync::OnceLock::new(),
            first_line,
            first_column,
        }
    }

    /// The number of characters in the source before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoints = self.checkpoints.get_or_init(|| {
            let mut kept = vec![(0, 0)];
            let (mut at, mut count) = (0, 0);
            while at + CHECKPOINT < self.source.len() {
                let next = self.source.floor_char_boundary(at + CHECKPOINT);
                count += self.source[at..next].chars().count();
                kept.push((next, count));
                at = next;
            }
            kept
        });
        let (at, count) = checkpoints[checkpoints.partition_point(|&(at, _)| at <= offset) - 1];
        count + self.source[at..offset].chars().count()
    }

    /// The number of the source's first line.
    pub fn first_line(&self) -> usize {
        self.first_line
    }

    /// The 1-based line (as numbered by `line_col`) of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1 + self.first_line
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self
            .source
            .floor_char_boundary(offset.min(self.source.len()));
        let line = self.line_of(offset) - self.first_line;
        let start = self.starts[line];
        let mut column = if offset - start <= CHECKPOINT {
            self.source[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        if line == 0 {
            column += self.first_column;
        }
        (line + self.first_line, column)
    }

    /// The source text.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The byte range of a 1-based line (as numbered by `line_col`), without its line break.
    pub fn line_range(&self, line: usize) -> Option<(usize, usize)> {
        let index = line
            .checked_sub(self.first_line)
            .filter(|i| *i < self.starts.len())?;
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.source.len(), |e| e - 1);
        Some((self.starts[index], end))
    }

    /// The full location of `start..end` of `doc`'s text.
    pub fn locate(&self, doc: &Document, start: usize, end: usize) -> Location {
        let (line, column) = self.line_col(doc.source_offset(start));
        let last = doc.text[..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let (end_line, end_column) = self.line_col(doc.source_offset(end - last));
        Location {
            line,
            column,
            end_line,
            end_column: end_column + 1,
            record: doc.record.clone(),
            field: doc.field_at(start).map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        // Emoji and accents make bytes and characters differ; the line is many checkpoints long.
        let line = "é 😀 Maria ".repeat(2_000);
        let source = format!("first line\n{line}\nlast");
        let index = LineIndex::new(&source, 1);
        for offset in [11, 12, 5_000, 20_011, source.len() - 5] {
            let offset = source.floor_char_boundary(offset);
            let (line_number, column) = index.line_col(offset);
            let start = source[..offset].rfind('\n').map_or(0, |at| at + 1);
            assert_eq!(line_number, 1 + source[..offset].matches('\n').count());
            assert_eq!(
                column,
                source[start..offset].chars().count() + 1,
                "at {offset}"
            );
        }
    }

    #[test]
    fn plain_documents_map_to_themselves() {
        let doc = Document::plain("one\ntwo Maria\n".into());
        let index = LineIndex::new(&doc.text, 1);
        let loc = index.locate(&doc, 8, 13);
        assert_eq!(
            (loc.line, loc.column, loc.end_line, loc.end_column),
            (2, 5, 2, 10)
        );
    }

    #[test]
    fn shifts_map_decoded_text_back_to_the_source() {
        // Source: {"a": "caf\u00e9 Maria"}; decoded "café Maria"; é is 2 bytes, escape is 6.
        let source = r#"{"a": "caf\u00e9 Maria"}"#;
        let mut b = Document::builder(Some("/0".into()));
        b.push("café Maria", Some("/a".into()), 7, vec![(5, 9)]);
        let doc = b.finish();
        let start = doc.text.find("Maria").unwrap();
        let index = LineIndex::new(source, 1);
        let loc = index.locate(&doc, start, start + 5);
        assert_eq!(
            &source[doc.source_offset(start)..doc.source_offset(start) + 5],
            "Maria"
        );
        assert_eq!(loc.field.as_deref(), Some("/a"));
        assert_eq!(loc.column, 18);
    }
}
