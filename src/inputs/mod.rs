//! Inputs: which files to scan, how to read them, and how each format becomes documents.
//!
//! A new format is a module here with a parse function returning documents, one row in
//! [`Format`], and fixtures under `tests/fixtures`. Formats are chosen by extension, then by
//! content; `--input-format` overrides both.

pub mod archive;
pub mod csv;
pub mod docx;
pub mod feed;
pub mod git;
pub mod html;
pub mod image;
pub mod json;
pub mod text;
pub mod window;

use crate::document::{Document, LineIndex};
use crate::limits::Limits;
use serde::Serialize;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A file format phiscan reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Ndjson,
    Csv,
    /// RSS or Atom.
    Feed,
    /// A JSON value behind a JavaScript assignment: X archives (`window.YTD.tweets.part0 = [`)
    /// and their legacy layout (`Grailbird.data.tweets_2013_11 = [`).
    TwitterJs,
}

impl Format {
    /// The format an extension implies, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" | "log" => Format::Text,
            "md" | "markdown" | "mdx" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "ndjson" | "jsonl" => Format::Ndjson,
            "csv" => Format::Csv,
            "rss" | "atom" => Format::Feed,
            _ => return None,
        })
    }

    /// The format to read an input as: the override, else the name's extension, else the content.
    pub fn choose(overridden: Option<Format>, name: Option<&Path>, text: &str) -> Format {
        overridden
            .or_else(|| name.and_then(Format::from_path))
            .unwrap_or_else(|| Format::sniff(text))
    }

    /// Guesses from content when the name says nothing.
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        let first_line = head.lines().next().unwrap_or_default().trim_end();
        if js_assignment(head).is_some() {
            Format::TwitterJs
        } else if head.starts_with('{')
            && first_line.ends_with('}')
            && head
                .lines()
                .nth(1)
                .is_some_and(|l| l.trim_start().starts_with('{'))
        {
            Format::Ndjson
        } else if head.starts_with('{') || json_array_start(head) {
            Format::Json
        } else if feed::is_feed(head) {
            Format::Feed
        } else if head.starts_with('<') {
            Format::Html
        } else {
            Format::Text
        }
    }

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Csv => "csv",
            Format::TwitterJs => "twitter-js",
            Format::Feed => "feed",
        }
    }
}

/// Something to scan.
#[derive(Clone, Debug)]
pub enum Source {
    File(PathBuf),
    Stdin,
    /// A draft given with `--text`.
    Text(String),
    /// A file handed over in memory (dropped on the `serve` page), never written to disk.
    Upload {
        name: String,
        bytes: Vec<u8>,
    },
}

impl Source {
    /// How the source is named in reports: the path with `/` separators, `<stdin>`, `<text>`.
    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.to_string_lossy().replace('\\', "/"),
            Source::Stdin => "<stdin>".into(),
            Source::Text(_) => "<text>".into(),
            Source::Upload { name, .. } => name.clone(),
        }
    }
}

/// An input that could not be read or parsed, in whole or in part. Displays as
/// `path:line:col: message` like a compiler error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl InputError {
    pub fn new(path: &str, line: Option<usize>, message: String) -> InputError {
        InputError {
            path: path.to_string(),
            line,
            column: None,
            message,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What reading a source gave.
pub enum Content {
    Text {
        text: String,
        /// Set when invalid UTF-8 was replaced.
        lossy: bool,
    },
    /// A ZIP archive (a zipped export, or a `.docx`), to be read entry by entry.
    Archive(Vec<u8>),
    /// A photo, whose EXIF data is read.
    Image(Vec<u8>),
    /// Not scanned, with the reason (a binary file).
    Skipped(String),
}

/// Reads a source whole and classifies it (see [`classify`]).
pub fn read(source: &Source) -> Result<Content, InputError> {
    let display = source.display();
    let bytes = match source {
        Source::Text(text) => {
            return Ok(Content::Text {
                text: text.clone(),
                lossy: false,
            });
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    InputError::new(&display, None, format!("cannot read standard input: {e}"))
                })?;
            bytes
        }
        Source::Upload { bytes, .. } => bytes.clone(),
        Source::File(path) => std::fs::read(path).map_err(|e| {
            InputError::new(
                &display,
                None,
                format!("cannot read file: {}", io_cause(&e)),
            )
        })?,
    };
    Ok(classify(bytes))
}

/// UTF-16 text with a byte-order mark (exports from Windows tools often are), decoded; unpaired
/// surrogates are replaced and flagged like invalid UTF-8. Lines and columns count characters,
/// so they are the same in the decoded text as in the file.
fn utf16(bytes: &[u8]) -> Option<Content> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut lossy = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                '\u{FFFD}'
            })
        })
        .collect();
    Some(Content::Text { text, lossy })
}

/// Text, archive or binary: a ZIP signature makes an archive; a NUL byte in the first 8 KiB a
/// binary file, skipped and counted; anything else is text, invalid UTF-8 replaced (the caller
/// warns) and a byte-order mark dropped.
pub fn classify(bytes: Vec<u8>) -> Content {
    if archive::is_zip(&bytes) {
        return Content::Archive(bytes);
    }
    if let Some(text) = utf16(&bytes) {
        return text;
    }
    if image::is_image(&bytes) {
        return Content::Image(bytes);
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Content::Skipped("binary file (NUL bytes)".into());
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Content::Text { text, lossy: false },
        Err(e) => Content::Text {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}

fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Documents handed over at once: enough for the workers to share one big export, few enough
/// that memory stays bounded.
const BATCH: usize = 2048;

/// Parses an input's text and calls `visit` with its documents in batches, as they are parsed,
/// and the line index their locations refer to; returns the records that could not be parsed
/// (the others are still visited). An export costs its own size in memory plus one batch.
pub fn each_batch(
    format: Format,
    text: String,
    path: &str,
    limits: &Limits,
    visit: &mut dyn FnMut(&[Document], &LineIndex<'_>),
) -> Vec<InputError> {
    if matches!(format, Format::Text | Format::Markdown) && text::is_one_document(&text) {
        let doc = Document::plain(text);
        visit(std::slice::from_ref(&doc), &LineIndex::new(&doc.text, 1));
        return Vec::new();
    }
    let index = LineIndex::new(&text, 1);
    in_batches(&index, visit, &mut |emit| {
        parse_into(format, &text, path, limits, &index, None, emit)
    })
}

/// One window of a big export (see [`window`]), as [`each_batch`] does a whole input.
pub fn each_window_batch(
    format: Format,
    window: &window::Window,
    path: &str,
    limits: &Limits,
    visit: &mut dyn FnMut(&[Document], &LineIndex<'_>),
) -> Vec<InputError> {
    let index = LineIndex::starting_at(&window.text, window.first_line, window.first_column);
    let elements_from = (format != Format::Ndjson).then_some(window.first_record);
    in_batches(&index, visit, &mut |emit| {
        parse_into(
            format,
            &window.text,
            path,
            limits,
            &index,
            elements_from,
            emit,
        )
    })
}

/// A parser run: it passes each document to the function it is given, and returns the records
/// it could not read.
type Parse<'p> = &'p mut dyn FnMut(&mut dyn FnMut(Document)) -> Vec<InputError>;

/// Runs `parse`, handing the documents it emits to `visit` a batch at a time.
fn in_batches(
    index: &LineIndex<'_>,
    visit: &mut dyn FnMut(&[Document], &LineIndex<'_>),
    parse: Parse<'_>,
) -> Vec<InputError> {
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut emit = |doc: Document| {
        batch.push(doc);
        if batch.len() == BATCH {
            visit(&batch, index);
            batch.clear();
        }
    };
    let errors = parse(&mut emit);
    if !batch.is_empty() {
        visit(&batch, index);
    }
    errors
}

/// Parses a structured format, passing each document to `emit`.
/// `elements_from`: `text` is a window of a top-level array's elements, the first being this one.
fn parse_into(
    format: Format,
    text: &str,
    path: &str,
    limits: &Limits,
    index: &LineIndex<'_>,
    elements_from: Option<usize>,
    emit: &mut dyn FnMut(Document),
) -> Vec<InputError> {
    match format {
        // A draft was returned above as one document; this is a big text.
        Format::Text | Format::Markdown => {
            text::paragraph_documents(text, index, emit);
            Vec::new()
        }
        Format::Html => {
            emit(html::parse_html(text));
            Vec::new()
        }
        Format::Csv => csv::parse_csv(text, path, emit),
        Format::Feed => match feed::parse_feed(text, emit) {
            Ok(()) => Vec::new(),
            Err((offset, cause)) => {
                let (line, column) = index.line_col(offset);
                vec![InputError {
                    path: path.to_string(),
                    line: Some(line),
                    column: Some(column),
                    message: format!("malformed feed XML: {cause}"),
                }]
            }
        },
        Format::Json | Format::TwitterJs => {
            let start = if format == Format::TwitterJs && elements_from.is_none() {
                js_assignment(text).unwrap_or(0)
            } else {
                0
            };
            let parsed = match elements_from {
                Some(first) => json::parse_elements(text, first, limits.max_json_depth, emit),
                None => json::parse_json(&text[start..], start, limits.max_json_depth, emit),
            };
            match parsed {
                Ok(()) => Vec::new(),
                Err(e) => {
                    let (line, column) = index.line_col(start + e.offset);
                    vec![InputError {
                        path: path.to_string(),
                        line: Some(line),
                        column: Some(column),
                        message: format!("malformed JSON: {}", e.message),
                    }]
                }
            }
        }
        Format::Ndjson => {
            let mut errors = Vec::new();
            let mut offset = 0;
            for (number, raw_line) in text.split_inclusive('\n').enumerate() {
                let line = raw_line.trim_end_matches(['\n', '\r']);
                if !line.trim().is_empty() {
                    let record = format!("line {}", index.first_line() + number);
                    match json::parse_json_line(line, offset, record, limits.max_json_depth) {
                        Ok(doc) => emit(doc),
                        Err(e) => {
                            let (line, column) = index.line_col(offset + e.offset);
                            errors.push(InputError {
                                path: path.to_string(),
                                line: Some(line),
                                column: Some(column),
                                message: format!("malformed JSON line: {}", e.message),
                            })
                        }
                    }
                }
                offset += raw_line.len();
            }
            errors
        }
    }
}

/// A post being read from a structured export: its text, and the id and date that label it
/// (`/12 (id 1234, 2024-03-01)`) so the post can be found online.
pub(crate) struct Post {
    pub record: Option<String>,
    pub doc: crate::document::DocumentBuilder,
    pub id: Option<String>,
    pub date: Option<String>,
    /// How deep in the record the id and the date were found: the shallowest wins, so that a
    /// tweet is labelled with its own id, not its photo's.
    pub label_depths: [usize; 2],
    /// A coordinate waiting for its pair: the parent pointer, the value and where it stands.
    pub coordinate: Option<(String, String, usize)>,
}

impl Post {
    pub fn new(record: Option<String>) -> Post {
        Post {
            record,
            doc: Document::builder(None),
            id: None,
            date: None,
            label_depths: [usize::MAX; 2],
            coordinate: None,
        }
    }

    /// The document, its record labelled with the post's id and date where it has them.
    pub fn finish(self) -> Document {
        let mut doc = self.doc.finish();
        doc.record = self.record.map(|record| match (self.id, self.date) {
            (Some(id), Some(date)) => format!("{record} (id {id}, {date})"),
            (Some(id), None) => format!("{record} (id {id})"),
            (None, Some(date)) => format!("{record} ({date})"),
            (None, None) => record,
        });
        doc
    }
}

/// `[` followed by what a JSON value can start with: `[package]` is TOML, not JSON.
fn json_array_start(head: &str) -> bool {
    head.strip_prefix('[')
        .map(str::trim_start)
        .is_some_and(|rest| {
            rest.starts_with(['{', '[', '"', ']', '-'])
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || ["true", "false", "null"]
                    .iter()
                    .any(|literal| rest.starts_with(literal))
        })
}

/// Where the JSON value starts in a JavaScript assignment of an export
/// (`window.YTD.tweets.part0 = [`, `Grailbird.data.tweets_2013_11 =`, `var tweet_index = [`).
pub(crate) fn js_assignment(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let head = &text[lead..];
    let assignment = head.starts_with("window.YTD.")
        || head.starts_with("Grailbird.")
        || head.starts_with("var ");
    if !assignment {
        return None;
    }
    // Bytes, not a slice: byte 200 may fall inside a character.
    let equals = head.bytes().take(200).position(|b| b == b'=')?;
    let value = head[equals + 1..].find(['[', '{'])?;
    Some(lead + equals + 1 + value)
}

/// Options for turning command-line paths into sources.
pub struct Walk<'a> {
    /// Globs matched against each path below a given folder and against file names.
    pub exclude: &'a globset::GlobSet,
}

impl Walk<'_> {
    /// Expands paths into sources: files as given, folders walked in sorted order with hidden
    /// and VCS entries skipped, `-` as standard input. Paths that cannot be walked are errors.
    pub fn sources(&self, paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if path.as_os_str() == "-" {
                sources.push(Source::Stdin);
                continue;
            }
            let display = path.to_string_lossy().replace('\\', "/");
            match std::fs::metadata(path) {
                Err(e) => errors.push(InputError::new(
                    &display,
                    None,
                    format!("cannot scan: {}", io_cause(&e)),
                )),
                Ok(meta) if meta.is_dir() => {
                    // Links are followed (a loop is reported, not walked forever).
                    let walker = walkdir::WalkDir::new(path)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_entry(|entry| {
                            entry.depth() == 0
                                || !(entry.file_name().to_string_lossy().starts_with('.')
                                    || self.excluded(entry.path()))
                        });
                    for entry in walker {
                        match entry {
                            Ok(entry) if entry.file_type().is_file() => {
                                sources.push(Source::File(entry.into_path()))
                            }
                            Ok(entry) if entry.file_type().is_dir() => {}
                            // Reading a FIFO would wait forever; a device is not a post.
                            Ok(entry) => errors.push(InputError::new(
                                &entry.path().to_string_lossy().replace('\\', "/"),
                                None,
                                "not a regular file (FIFO, socket or device): not scanned".into(),
                            )),
                            Err(e) => {
                                let at = e.path().map_or(display.clone(), |p| {
                                    p.to_string_lossy().replace('\\', "/")
                                });
                                let cause = e.io_error().map_or_else(|| e.to_string(), io_cause);
                                errors.push(InputError::new(
                                    &at,
                                    None,
                                    format!("cannot walk: {cause}"),
                                ));
                            }
                        }
                    }
                }
                Ok(meta) if meta.is_file() => sources.push(Source::File(path.clone())),
                Ok(_) => errors.push(InputError::new(
                    &display,
                    None,
                    "not a regular file (FIFO, socket or device): not scanned".into(),
                )),
            }
        }
        (sources, errors)
    }

    fn excluded(&self, path: &Path) -> bool {
        let relative = path.strip_prefix(".").unwrap_or(path);
        self.exclude.is_match(relative)
            || path
                .file_name()
                .is_some_and(|name| self.exclude.is_match(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Maria é".encode_utf16().flat_map(u16::to_le_bytes));
        let Content::Text { text, lossy } = classify(le) else {
            panic!("not text")
        };
        assert_eq!((text.as_str(), lossy), ("Maria é", false));
        let mut be = vec![0xFE, 0xFF];
        be.extend("Ana".encode_utf16().flat_map(u16::to_be_bytes));
        be.extend([0xD8, 0x00]);
        let Content::Text { text, lossy } = classify(be) else {
            panic!("not text")
        };
        assert_eq!((text.as_str(), lossy), ("Ana\u{FFFD}", true));
    }

    #[test]
    fn formats_by_extension_and_content() {
        assert_eq!(
            Format::from_path(Path::new("a/b.JSONL")),
            Some(Format::Ndjson)
        );
        assert_eq!(
            Format::from_path(Path::new("post.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("tweets.js")), None);
        assert_eq!(Format::sniff("{\"a\":1}\n{\"a\":2}\n"), Format::Ndjson);
        assert_eq!(Format::sniff("  [1,2]"), Format::Json);
        assert_eq!(Format::sniff("<p>hi</p>"), Format::Html);
        assert_eq!(Format::sniff("hello"), Format::Text);
        assert_eq!(Format::sniff("[package]\nname = \"x\""), Format::Text);
        assert_eq!(Format::sniff("[tool.x]\na = 1"), Format::Text);
        assert_eq!(Format::sniff("[true, 1]"), Format::Json);
        assert_eq!(
            Format::sniff("//! mentions <rss and <feed Atom\n"),
            Format::Text
        );
    }

    #[test]
    fn ndjson_keeps_going_after_a_bad_line() {
        let mut docs = Vec::new();
        let text = "{\"t\":\"a\"}\n{\"t\": oops}\n{\"t\":\"c\"}\n".to_string();
        let limits = Limits::default();
        let errors = each_batch(
            Format::Ndjson,
            text,
            "f.ndjson",
            &limits,
            &mut |batch, _| docs.extend(batch.iter().cloned()),
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].record.as_deref(), Some("line 3"));
        assert_eq!(
            errors[0].to_string(),
            "f.ndjson:2:7: malformed JSON line: unexpected character 'o', expected a value"
        );
    }
}
