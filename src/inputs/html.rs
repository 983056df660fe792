//! HTML: the visible text, `alt`/`title`/`aria-label` attributes and comments, with entities
//! decoded. Text interrupted by inline tags (`<b>Maria</b> Gonzalez`) stays one piece so that a
//! name split by markup is still found; block tags start a new piece. Script and style bodies
//! are code, not content, and are left out.

use crate::document::Document;

const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "label", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

const TEXT_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label", "placeholder"];

/// Decoded text whose source is not contiguous; `shifts` realign it (see `document::Piece`).
/// Also used for feeds, whose element text is XML-escaped HTML.
#[derive(Default)]
pub(super) struct Run {
    text: String,
    source_start: usize,
    shifts: Vec<(usize, usize)>,
}

impl Run {
    /// Appends a character that stands at byte `source_pos` of the source.
    pub(super) fn push(&mut self, c: char, source_pos: usize) {
        if self.text.is_empty() {
            self.source_start = source_pos;
            self.shifts.clear();
        } else {
            let (t, s) = self.shifts.last().copied().unwrap_or((0, 0));
            if self.source_start + s + (self.text.len() - t) != source_pos {
                self.shifts
                    .push((self.text.len(), source_pos - self.source_start));
            }
        }
        self.text.push(if c.is_whitespace() && c.len_utf8() == 1 {
            ' '
        } else {
            c
        });
    }

    /// The decoded text so far.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Where byte `offset` of the text stands in the source.
    fn source_at(&self, offset: usize) -> usize {
        self.source_start + crate::document::realign(&self.shifts, offset)
    }

    /// The text with HTML tags removed and entities decoded (a feed's `description` holds
    /// escaped HTML), each character still mapped to the source. A tag becomes a space, so
    /// that words on either side of `<br>` stay apart (an inline tag such as `<b>` becomes
    /// nothing).
    pub(super) fn without_tags(&self) -> Run {
        let mut out = Run::default();
        let mut at = 0;
        while let Some(c) = self.text[at..].chars().next() {
            if let Some(len) = (c == '<').then(|| tag_length(&self.text[at..])).flatten() {
                let name = tag_name(&self.text[at..at + len]);
                if !INLINE_TAGS.contains(&name.as_str())
                    && !out.text.is_empty()
                    && !out.text.ends_with(' ')
                {
                    out.push(' ', self.source_at(at));
                }
                at += len;
                continue;
            }
            let (decoded, len) = if c == '&' {
                decode_entity(&self.text[at..]).unwrap_or((c, 1))
            } else {
                (c, c.len_utf8())
            };
            out.push(decoded, self.source_at(at));
            at += len;
        }
        out
    }

    pub(super) fn flush(
        &mut self,
        doc: &mut crate::document::DocumentBuilder,
        field: Option<&str>,
    ) {
        if !self.text.trim().is_empty() {
            doc.push(
                &self.text,
                field.map(str::to_string),
                self.source_start,
                std::mem::take(&mut self.shifts),
            );
        }
        self.text.clear();
    }
}

/// Decodes the entity at the start of `s` (which begins with `&`): the character and the
/// entity's length, or `None` when it is not one we know.
pub fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.floor_char_boundary(s.len().min(12))].find(';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "copy" => '©',
            "reg" => '®',
            "eacute" => 'é',
            "ntilde" => 'ñ',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

/// Appends `raw[from..to]` (a source range) to `run`, decoding entities.
fn push_decoded(run: &mut Run, src: &str, from: usize, to: usize) {
    let mut pos = from;
    while pos < to {
        let rest = &src[pos..to];
        let c = rest.chars().next().expect("pos is below to");
        if c == '&'
            && let Some((decoded, len)) = decode_entity(rest)
        {
            run.push(decoded, pos);
            pos += len;
            continue;
        }
        run.push(c, pos);
        pos += c.len_utf8();
    }
}

/// Extracts the scannable text of an HTML page as one document.
pub fn parse_html(src: &str) -> Document {
    let mut doc = Document::builder(None);
    let mut run = Run::default();
    let mut pending: Vec<(String, usize, usize)> = Vec::new();
    let lower = src.to_ascii_lowercase();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(found) = src[pos..].find('<') {
        let lt = pos + found;
        push_decoded(&mut run, src, text_start, lt);
        if src[lt..].starts_with("<!--") {
            let end = src[lt..].find("-->").map_or(src.len(), |e| lt + e);
            run.flush(&mut doc, None);
            let mut comment = Run::default();
            push_decoded(&mut comment, src, lt + 4, end);
            comment.flush(&mut doc, Some("html comment"));
            pos = (end + 3).min(src.len());
            text_start = pos;
            continue;
        }
        let Some(tag_len) = tag_length(&src[lt..]) else {
            // A lone '<' is text.
            run.push('<', lt);
            pos = lt + 1;
            text_start = pos;
            continue;
        };
        let tag = &src[lt..lt + tag_len];
        let name = tag_name(tag);
        for attribute in TEXT_ATTRIBUTES {
            if let Some((value_start, value_end)) = attribute_value(tag, attribute) {
                pending.push((format!("@{attribute}"), lt + value_start, lt + value_end));
            }
        }
        pos = lt + tag_len;
        if !INLINE_TAGS.contains(&name.as_str()) {
            run.flush(&mut doc, None);
        }
        if (name == "script" || name == "style") && !tag.starts_with("</") {
            pos = lower[pos..]
                .find(&format!("</{name}"))
                .map_or(src.len(), |e| pos + e);
        }
        text_start = pos;
        if run.text.is_empty() {
            for (field, start, end) in pending.drain(..) {
                let mut attr = Run::default();
                push_decoded(&mut attr, src, start, end);
                attr.flush(&mut doc, Some(&field));
            }
        }
    }
    push_decoded(&mut run, src, text_start, src.len());
    run.flush(&mut doc, None);
    for (field, start, end) in pending {
        let mut attr = Run::default();
        push_decoded(&mut attr, src, start, end);
        attr.flush(&mut doc, Some(&field));
    }
    doc.finish()
}

/// Decoded text, the source offset where it starts, and its shifts (see `document::Piece`).
pub(super) type MappedText = (String, usize, Vec<(usize, usize)>);

/// HTML inside another format (a Mastodon post's `content`): when `text` holds tags, its
/// text without them, with the source start and shifts of each character, given where each
/// byte of `text` stands in the source.
pub(super) fn strip_tags(text: &str, source_of: impl Fn(usize) -> usize) -> Option<MappedText> {
    let has_tag = text
        .match_indices('<')
        .any(|(at, _)| tag_length(&text[at..]).is_some());
    if !has_tag {
        return None;
    }
    let mut run = Run::default();
    for (at, c) in text.char_indices() {
        run.push(c, source_of(at));
    }
    let stripped = run.without_tags();
    Some((stripped.text, stripped.source_start, stripped.shifts))
}

/// The lower-case element name of a tag (`<B class=x>` and `</b>` are both `b`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Length of the tag at the start of `s` (on `<`), respecting quoted attribute values; `None`
/// when `s` does not start a tag.
fn tag_length(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!' || second == '?') {
        return None;
    }
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The byte range of an attribute's value inside `tag`.
fn attribute_value(tag: &str, name: &str) -> Option<(usize, usize)> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - after.len() + 1;
        let value = tag[value_at..].trim_start();
        let value_at = tag.len() - value.len();
        return match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..]
                .find(q)
                .map(|end| (value_at + 1, value_at + 1 + end)),
            _ => Some((
                value_at,
                value_at
                    + value
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(value.len()),
            )),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_attributes_and_comments() {
        let src = "<html><head><style>p{}</style><script>var x='Maria Lopez';</script></head>\n<body><p>Get well, <b>Maria</b> Gonzalez &amp; family</p><img alt=\"Rosa Diaz at 96\" src=x.png><!-- MRN 12345678 --></body></html>";
        let doc = parse_html(src);
        assert!(
            doc.text.contains("Get well, Maria Gonzalez & family"),
            "{:?}",
            doc.text
        );
        assert!(!doc.text.contains("Lopez") && !doc.text.contains("p{}"));
        let alt = doc.text.find("Rosa").unwrap();
        assert_eq!(doc.field_at(alt), Some("@alt"));
        assert_eq!(&src[doc.source_offset(alt)..][..4], "Rosa");
        let mrn = doc.text.find("12345678").unwrap();
        assert_eq!(doc.field_at(mrn), Some("html comment"));
        let family = doc.text.find("family").unwrap();
        assert_eq!(&src[doc.source_offset(family)..][..6], "family");
        let gonzalez = doc.text.find("Gonzalez").unwrap();
        assert_eq!(&src[doc.source_offset(gonzalez)..][..8], "Gonzalez");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entity("&#233;x"), Some(('é', 6)));
        assert_eq!(decode_entity("&#x41;"), Some(('A', 6)));
        assert_eq!(decode_entity("& more"), None);
        let doc = parse_html("a < b &unknown; c");
        assert_eq!(doc.text, "a < b &unknown; c");
    }
}
