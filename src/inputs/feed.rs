//! RSS and Atom feeds: every `<item>` or `<entry>` is a post, its titles, descriptions,
//! summaries, content and authors scanned with the HTML inside them reduced to text. The
//! item's `guid`/`id` and date label the record; links and dates are the platform's metadata.

use super::Post;
use super::html::Run;
use crate::document::Document;
use quick_xml::events::Event;

/// Elements whose text labels the post rather than being part of it.
const ID_ELEMENTS: &[&str] = &["guid", "id"];
const DATE_ELEMENTS: &[&str] = &["pubDate", "published", "updated", "date", "lastBuildDate"];
/// Elements that are structure or metadata: not scanned.
const SKIPPED_ELEMENTS: &[&str] = &[
    "link",
    "ttl",
    "generator",
    "docs",
    "language",
    "rights",
    "icon",
    "logo",
    "enclosure",
];

/// Whether the text is an RSS or Atom feed.
pub fn is_feed(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(text.len().min(1024))];
    head.trim_start().starts_with('<')
        && (head.contains("<rss") || head.contains("<feed") && head.contains("Atom"))
}

/// Parses a feed, passing each post to `emit`; the channel's own fields form a last document.
/// Returns the byte offset and cause of malformed XML, after emitting what came before it.
pub fn parse_feed(src: &str, emit: &mut dyn FnMut(Document)) -> Result<(), (usize, String)> {
    let mut reader = quick_xml::Reader::from_str(src);
    let mut channel = Post::new(Some("channel".into()));
    let mut post: Option<Post> = None;
    let mut items = 0;
    let mut element = String::new();
    let mut run = Run::default();
    loop {
        let position = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| (position, e.to_string()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if name == "item" || name == "entry" {
                    items += 1;
                    post = Some(Post::new(Some(format!("{name} {items}"))));
                }
                element = name;
                run = Run::default();
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                for (i, c) in text.char_indices() {
                    run.push(c, position + i);
                }
            }
            Event::CData(t) => {
                let text: &str = t.as_ref();
                // `<![CDATA[` is nine bytes.
                for (i, c) in text.char_indices() {
                    run.push(c, position + 9 + i);
                }
            }
            Event::GeneralRef(r) => {
                let decoded = super::html::decode_entity(&format!("&{};", r.as_ref()))
                    .map_or('\u{FFFD}', |(c, _)| c);
                run.push(decoded, position);
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_string();
                if name == "item" || name == "entry" {
                    if let Some(done) = post.take() {
                        emit(done.finish());
                    }
                    continue;
                }
                let target = post.as_mut().unwrap_or(&mut channel);
                let text = std::mem::take(&mut run);
                if ID_ELEMENTS.contains(&name.as_str()) {
                    target.id.get_or_insert(text.text().trim().to_string());
                } else if DATE_ELEMENTS.contains(&name.as_str()) {
                    target.date.get_or_insert(text.text().trim().to_string());
                } else if !SKIPPED_ELEMENTS.contains(&name.as_str()) && name == element {
                    text.without_tags().flush(&mut target.doc, Some(&name));
                }
            }
            _ => {}
        }
    }
    if !channel.doc.is_empty() {
        emit(channel.finish());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_posts_with_html_reduced_to_text() {
        let src = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Mercy News</title>
<item><title>Get well soon</title><description>&lt;p&gt;Our patient &lt;b&gt;Maria&lt;/b&gt; Gonzalez &amp;amp; family&lt;/p&gt;</description><guid>p-1</guid><pubDate>Mon, 01 Jan 2024</pubDate><link>http://x/1</link></item>
</channel></rss>"#;
        assert!(is_feed(src));
        let mut docs = Vec::new();
        parse_feed(src, &mut |d| docs.push(d)).unwrap();
        assert_eq!(
            docs[0].record.as_deref(),
            Some("item 1 (id p-1, Mon, 01 Jan 2024)")
        );
        assert!(
            docs[0].text.contains("Our patient Maria Gonzalez & family"),
            "{:?}",
            docs[0].text
        );
        let at = docs[0].text.find("Gonzalez").unwrap();
        assert_eq!(&src[docs[0].source_offset(at)..][..8], "Gonzalez");
        assert_eq!(docs[1].record.as_deref(), Some("channel"));
        assert!(!docs[0].text.contains("http://x/1"));
    }
}
