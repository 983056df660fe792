//! Word `.docx` drafts: the text of the body, headers, footers, footnotes, endnotes and
//! comments, image alt text and document properties. Runs are joined within a paragraph, so a
//! name split over two runs is found. Tracked deletions (`w:delText`) still hold text: they are
//! scanned and labelled as hidden in the finding's field.
//!
//! Each part is one document; its pieces are paragraphs. Lines and columns refer to the
//! extracted text (one line per paragraph, `phiscan` shows the part and paragraph in the field),
//! since a `.docx` has no lines a person could open.

use super::archive;
use crate::document::{Document, DocumentBuilder};
use quick_xml::events::{BytesStart, Event};

/// The parts that hold text a person wrote, in the order they are reported.
fn is_text_part(name: &str) -> bool {
    name == "word/document.xml"
        || name == "word/comments.xml"
        || name == "word/footnotes.xml"
        || name == "word/endnotes.xml"
        || name == "docProps/core.xml"
        || (name.starts_with("word/header") || name.starts_with("word/footer"))
            && name.ends_with(".xml")
}

/// Whether a ZIP's entries make it a Word document.
pub fn is_docx(entries: &[archive::Entry]) -> bool {
    entries.iter().any(|e| e.name == "word/document.xml")
}

/// What a piece of extracted text is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Visible,
    Deleted,
    AltText,
}

/// Extracted text of a whole `.docx` and its documents (one per part).
pub struct Extracted {
    /// Every piece, one per line; locations refer to it.
    pub source: String,
    pub documents: Vec<Document>,
    /// Parts that could not be parsed, with the reason.
    pub errors: Vec<(String, String)>,
}

/// Extracts the text of the Word document whose ZIP entries are given.
pub fn extract(entries: &[archive::Entry]) -> Extracted {
    let mut out = Extracted {
        source: String::new(),
        documents: Vec::new(),
        errors: Vec::new(),
    };
    let mut parts: Vec<&archive::Entry> =
        entries.iter().filter(|e| is_text_part(&e.name)).collect();
    parts.sort_by_key(|e| (e.name != "word/document.xml", e.name.clone()));
    for part in parts {
        let xml = match &part.bytes {
            Ok(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            Err(e) => {
                out.errors.push((part.name.clone(), e.clone()));
                continue;
            }
        };
        match paragraphs(&xml, part.name == "docProps/core.xml") {
            Ok(paragraphs) => {
                let mut builder = Document::builder(Some(part.name.clone()));
                for (number, (kind, text)) in paragraphs.iter().enumerate() {
                    add_line(
                        &mut out.source,
                        &mut builder,
                        &part.name,
                        number + 1,
                        *kind,
                        text,
                    );
                }
                if !builder.is_empty() {
                    out.documents.push(builder.finish());
                }
            }
            Err(e) => out.errors.push((part.name.clone(), e)),
        }
    }
    out
}

fn add_line(
    source: &mut String,
    builder: &mut DocumentBuilder,
    part: &str,
    number: usize,
    kind: Kind,
    text: &str,
) {
    if text.trim().is_empty() {
        return;
    }
    let label = match kind {
        Kind::Visible => format!("{part} paragraph {number}"),
        Kind::Deleted => format!("{part} paragraph {number} (tracked deletion: hidden in Word)"),
        Kind::AltText => format!("{part} (image alt text)"),
    };
    let start = source.len();
    source.push_str(text);
    source.push('\n');
    builder.push(text, Some(label), start, Vec::new());
}

fn local_name(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// The paragraphs of one XML part: visible text, deleted text and alt text, in order. For
/// `docProps/core.xml` every element's text is a paragraph (title, creator, subject...).
fn paragraphs(xml: &str, properties: bool) -> Result<Vec<(Kind, String)>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut visible, mut deleted) = (String::new(), String::new());
    let mut in_text: Option<Kind> = None;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(format!(
                    "malformed XML at byte {}: {e}",
                    reader.buffer_position()
                ));
            }
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => match local_name(&e).as_str() {
                "t" => in_text = Some(Kind::Visible),
                "delText" => in_text = Some(Kind::Deleted),
                "docPr" => alt_text(&e, &mut out),
                _ if properties => in_text = Some(Kind::Visible),
                _ => {}
            },
            Ok(Event::Empty(e)) => match local_name(&e).as_str() {
                "tab" => visible.push('\t'),
                "br" | "cr" => visible.push(' '),
                "docPr" => alt_text(&e, &mut out),
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" | "delText" => in_text = None,
                "p" => {
                    out.push((Kind::Visible, std::mem::take(&mut visible)));
                    out.push((Kind::Deleted, std::mem::take(&mut deleted)));
                }
                _ if properties => {
                    in_text = None;
                    out.push((Kind::Visible, std::mem::take(&mut visible)));
                }
                _ => {}
            },
            Ok(Event::Text(t)) => {
                if let Some(kind) = in_text {
                    let text = t.xml10_content();
                    if kind == Kind::Deleted {
                        deleted.push_str(&text)
                    } else {
                        visible.push_str(&text)
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(kind) = in_text {
                    let c = super::html::decode_entity(&format!("&{};", r.as_ref()))
                        .map_or('\u{FFFD}', |(c, _)| c);
                    if kind == Kind::Deleted {
                        deleted.push(c)
                    } else {
                        visible.push(c)
                    }
                }
            }
            Ok(_) => {}
        }
    }
    out.push((Kind::Visible, visible));
    out.push((Kind::Deleted, deleted));
    Ok(out)
}

/// Image alt text: `wp:docPr` `descr` and `title` attributes.
fn alt_text(e: &BytesStart<'_>, out: &mut Vec<(Kind, String)>) {
    for attribute in e.attributes().flatten() {
        if matches!(attribute.key.local_name().as_ref(), "descr" | "title")
            && let Ok(value) = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        {
            out.push((Kind::AltText, value.into_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_join_deletions_and_alt_text_are_kept() {
        let xml = r#"<w:document xmlns:w="w" xmlns:wp="wp"><w:body>
            <w:p><w:r><w:t>Get well, Ma</w:t></w:r><w:proofErr/><w:r><w:t xml:space="preserve">ria Gonzalez &amp; family</w:t></w:r></w:p>
            <w:p><w:del><w:r><w:delText>MRN 48213377</w:delText></w:r></w:del></w:p>
            <w:p><w:r><w:drawing><wp:docPr id="1" name="Picture" descr="Rosa, 96, in memory care"/></w:drawing></w:r></w:p>
            </w:body></w:document>"#;
        let found = paragraphs(xml, false).unwrap();
        let texts: Vec<(bool, &str)> = found
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(k, t)| (*k == Kind::Visible, t.as_str()))
            .collect();
        assert_eq!(texts[0], (true, "Get well, Maria Gonzalez & family"));
        assert_eq!(texts[1], (false, "MRN 48213377"));
        assert!(
            found
                .iter()
                .any(|(k, t)| *k == Kind::AltText && t.contains("Rosa"))
        );
        assert!(
            paragraphs("<w:p><w:t>unclosed", false)
                .map(|p| p.len())
                .is_ok()
                || paragraphs("<w:p></w:t>", false).is_err()
        );
    }
}
