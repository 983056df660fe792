//! Runs a scan: reads each source, parses it into documents, finds identifiers, applies
//! suppressions, decides verdicts and redacts, in parallel over sources with the results kept
//! in input order so that output is the same whatever the thread count.

use crate::config::{Allowlist, Config};
use crate::document::{Document, LineIndex};
use crate::engine::{Engine, Match};
use crate::inputs::{self, Content, Format, InputError, Source};
use crate::limits::Limits;
use crate::progress::{Progress, SourceProgress};
use crate::redact::{self, MatchInfo};
use crate::report::{DocumentReport, FileReport};
use crate::shard::Shard;
use crate::verdict::{self, Identifier, Verdict};
use rayon::prelude::*;
use std::path::Path;

/// The inline marker that suppresses findings on its line: `phiscan:allow` for all rules, or
/// `phiscan:allow(rule.id, other.id)` for some.
pub const INLINE_MARKER: &str = "phiscan:allow";

/// Everything a scan needs besides its sources.
pub struct ScanSettings<'a> {
    pub engine: &'a Engine,
    /// Overrides the format chosen by extension and content.
    pub input_format: Option<Format>,
    pub show_values: bool,
    pub allowlist: &'a Allowlist,
    /// Whether `phiscan:allow` markers count (off for audits).
    pub inline_allow: bool,
    /// Key for value fingerprints (`PHISCAN_BASELINE_KEY`); without it they hash masked values.
    pub fingerprint_key: Option<&'a [u8]>,
    /// Fingerprints of findings already known (`--baseline`): reported as suppressed.
    pub baseline: Option<&'a std::collections::HashSet<String>>,
    /// Where to count what is done, for the progress bar.
    pub progress: Option<&'a Progress>,
    pub limits: Limits,
    /// Scan only this shard's share of the inputs (`--shard I/N`).
    pub shard: Option<Shard>,
}

impl<'a> ScanSettings<'a> {
    /// A scan with `engine` under `config`'s allowlist and limits, and otherwise the defaults:
    /// format by extension and content, values masked, inline markers honoured, fingerprints of
    /// masked values, no baseline, no progress bar. Callers change what their command changes.
    pub fn new(engine: &'a Engine, config: &'a Config) -> ScanSettings<'a> {
        ScanSettings {
            engine,
            input_format: None,
            show_values: false,
            allowlist: &config.allowlist,
            inline_allow: true,
            fingerprint_key: None,
            baseline: None,
            progress: None,
            limits: config.limits,
            shard: None,
        }
    }
}

/// Builds the health vocabulary on another thread while the rules compile, so that a one-post
/// scan does not wait for it. Whoever needs it first waits for it.
pub fn prepare_in_background() {
    std::thread::spawn(crate::health::prepare);
}

/// Scans every source on the current rayon pool; results come back in source order.
pub fn scan(sources: &[Source], settings: &ScanSettings<'_>) -> (Vec<FileReport>, Vec<InputError>) {
    let mut files = Vec::with_capacity(sources.len());
    let errors = scan_each(sources, settings, &mut |file| files.push(file));
    (files, errors)
}

/// Files at least this big are scanned one at a time, their documents shared among the workers
/// and handed on in parts; smaller ones are scanned side by side, a group at a time.
const ALONE_ABOVE_BYTES: u64 = 8 << 20;
/// Most sources scanned side by side before their results are handed on.
const GROUP: usize = 64;
/// Documents of one input kept before they are handed on as a part.
const PART_DOCUMENTS: usize = 2048;

/// Scans every source, handing each input's report (a big export's in parts) to `emit` in
/// source order as soon as it is ready, so that memory stays bounded whatever the input size;
/// returns the errors.
pub fn scan_each(
    sources: &[Source],
    settings: &ScanSettings<'_>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    // Looked up once per source: the grouping below would otherwise ask again.
    let big: Vec<bool> = sources
        .iter()
        .map(|source| match source {
            Source::File(path) => {
                std::fs::metadata(path).is_ok_and(|m| m.len() >= ALONE_ABOVE_BYTES)
            }
            _ => false,
        })
        .collect();
    let mut errors = Vec::new();
    let mut at = 0;
    while at < sources.len() {
        if big[at] {
            errors.extend(scan_source(&sources[at], settings, emit));
            at += 1;
            continue;
        }
        let end = (at..sources.len())
            .take(GROUP)
            .find(|&i| big[i])
            .unwrap_or((at + GROUP).min(sources.len()));
        let results: Vec<(Vec<FileReport>, Vec<InputError>)> = sources[at..end]
            .par_iter()
            .map(|source| {
                let mut files = Vec::new();
                let errors = scan_source(source, settings, &mut |file| files.push(file));
                (files, errors)
            })
            .collect();
        for (files, errs) in results {
            files.into_iter().for_each(&mut *emit);
            errors.extend(errs);
        }
        at = end;
    }
    errors
}

fn scan_source(
    source: &Source,
    settings: &ScanSettings<'_>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    let path = source.display();
    let name = match source {
        Source::File(p) => Some(p.as_path()),
        Source::Upload { name, .. } => Some(Path::new(name.as_str())),
        _ => None,
    };
    let size = match source {
        Source::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        Source::Upload { bytes, .. } => bytes.len() as u64,
        Source::Stdin | Source::Text(_) => 0,
    };
    let tracker = settings.progress.map(|p| p.source(size));
    if size > settings.limits.max_file_bytes {
        let message = format!(
            "file of {size} bytes is over the {}-byte limit (limits.max_file_bytes); not read",
            settings.limits.max_file_bytes
        );
        return vec![InputError::new(&path, None, message)];
    }
    if let Source::File(file_path) = source
        && size >= ALONE_ABOVE_BYTES
        && let Some((mut file, format)) = windowed(file_path, settings)
    {
        return scan_windows(path, &mut file, format, settings, tracker.as_ref(), emit);
    }
    if settings.shard.is_some_and(|shard| !shard.owns_path(&path)) {
        return Vec::new();
    }
    match inputs::read(source) {
        Ok(content) => scan_content(path, name, content, settings, 0, tracker.as_ref(), emit),
        Err(e) => vec![e],
    }
}

/// A big file that can be read a window at a time (NDJSON, a JSON array, an X archive's
/// `tweets.js`), opened at its start, with its format. Anything else, or a file that cannot be
/// opened (the whole read reports why), is read whole.
fn windowed(path: &Path, settings: &ScanSettings<'_>) -> Option<(std::fs::File, Format)> {
    use std::io::{Read, Seek};
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(64 * 1024);
    (&mut file).take(64 * 1024).read_to_end(&mut head).ok()?;
    // Archives, photos, UTF-16, binary files and a byte-order mark take the whole-file path.
    let plain = matches!(inputs::classify(head.clone()), Content::Text { .. })
        && !head.starts_with(b"\xEF\xBB\xBF");
    let text = String::from_utf8_lossy(&head);
    let format = Format::choose(settings.input_format, Some(path), &text);
    (plain && inputs::window::streams(format, &text)).then_some(())?;
    file.rewind().ok()?;
    Some((file, format))
}

/// Scans one input (a file, or an entry of an archive) whatever it holds; `tracker` follows a
/// text input through its records (an archive counts as done when it is).
fn scan_content(
    path: String,
    name: Option<&Path>,
    content: Content,
    settings: &ScanSettings<'_>,
    depth: usize,
    tracker: Option<&SourceProgress<'_>>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    match content {
        Content::Text { text, lossy } => {
            scan_text(path, name, text, lossy, settings, tracker, emit)
        }
        Content::Archive(bytes) => scan_archive(&path, &bytes, settings, depth, emit),
        Content::Image(bytes) => scan_image(path, &bytes, settings, emit),
        Content::Skipped(reason) => {
            emit(FileReport {
                skipped: Some(reason),
                ..FileReport::new(path, "binary", Vec::new())
            });
            Vec::new()
        }
    }
}

/// Scans one text input; `tracker` follows it through the records of a big export, whose
/// documents go to `emit` in parts.
fn scan_text(
    path: String,
    name: Option<&Path>,
    text: String,
    lossy: bool,
    settings: &ScanSettings<'_>,
    tracker: Option<&SourceProgress<'_>>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    let format = Format::choose(settings.input_format, name, &text);
    let mut parts = Parts::new(&path, format, lossy, emit);
    let length = text.len() as u64;
    let mut too_big = Vec::new();
    let mut scanned = Vec::new();
    let mut errors = inputs::each_batch(
        format,
        text,
        &path,
        &settings.limits,
        &mut |batch, index| {
            let done = batch
                .last()
                .map(|last| last.source_offset(last.text.len()) as u64);
            let handed_on = std::mem::take(&mut scanned);
            scanned = overlapped(
                || scan_records(&path, batch, index, settings, &mut too_big),
                || parts.add(handed_on),
            );
            if let (Some(tracker), Some(done)) = (tracker, done) {
                tracker.at(done, length);
            }
        },
    );
    parts.add(scanned);
    parts.finish();
    errors.extend(too_big);
    errors
}

/// Scans a big NDJSON or JSON-array export a window at a time (see `inputs::window`), so that
/// only one window and one part of the report are in memory.
fn scan_windows(
    path: String,
    file: &mut std::fs::File,
    format: Format,
    settings: &ScanSettings<'_>,
    tracker: Option<&SourceProgress<'_>>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    let length = file.metadata().map_or(0, |m| m.len());
    let mut parts = Parts::new(&path, format, false, emit);
    // Under `--shard`, the file is counted once: by the shard that scans its first window.
    parts.part.continued = settings.shard.is_some_and(|shard| !shard.owns_window(0));
    let mut window_number = 0;
    let mut errors = Vec::new();
    let mut reader = std::io::BufReader::new(file);
    // As many windows as workers are parsed and scanned side by side, then handed on in order
    // while the next round scans: parsing is shared out too, and writing the report overlaps it.
    let mut pending: Vec<inputs::window::Window> = Vec::new();
    let mut scanned: Vec<(Vec<DocumentReport>, Vec<InputError>)> = Vec::new();
    let mut scan_pending = |pending: &mut Vec<inputs::window::Window>,
                            parts: &mut Parts<'_, '_>,
                            errors: &mut Vec<InputError>| {
        let handed_on = std::mem::take(&mut scanned);
        scanned = overlapped(
            || {
                pending
                    .par_iter()
                    .map(|window| scan_window(&path, format, window, settings))
                    .collect()
            },
            || {
                for (documents, found) in handed_on {
                    parts.add(documents);
                    errors.extend(found);
                }
            },
        );
        if let (Some(tracker), Some(last)) = (tracker, pending.last()) {
            tracker.at(last.end_offset, length);
        }
        pending.clear();
    };
    let read = inputs::window::each_window(&mut reader, format, &mut |window| {
        let number = window_number;
        window_number += 1;
        if settings
            .shard
            .is_some_and(|shard| !shard.owns_window(number))
        {
            return;
        }
        if window.lossy {
            parts.warn_lossy();
        }
        pending.push(window);
        if pending.len() >= rayon::current_num_threads() {
            scan_pending(&mut pending, &mut parts, &mut errors);
        }
    });
    // Once more to scan the last windows, and once to hand them on.
    scan_pending(&mut pending, &mut parts, &mut errors);
    scan_pending(&mut pending, &mut parts, &mut errors);
    parts.finish();
    if let Err((offset, cause)) = read {
        errors.push(InputError::new(
            &path,
            None,
            format!("at byte {offset}: {cause}"),
        ));
    }
    errors
}

/// The reports of one window's documents, and its errors.
fn scan_window(
    path: &str,
    format: Format,
    window: &inputs::window::Window,
    settings: &ScanSettings<'_>,
) -> (Vec<DocumentReport>, Vec<InputError>) {
    let mut documents = Vec::new();
    let mut too_big = Vec::new();
    let mut found = inputs::each_window_batch(
        format,
        window,
        path,
        &settings.limits,
        &mut |batch, index| {
            documents.extend(scan_records(path, batch, index, settings, &mut too_big))
        },
    );
    found.extend(too_big);
    (documents, found)
}

/// Runs `scan` on the workers while this thread runs `hand_on` (writing the report of the round
/// before), so that the workers do not stand idle while one thread writes.
fn overlapped<T: Send + Default>(scan: impl FnOnce() -> T + Send, hand_on: impl FnOnce()) -> T {
    let mut scanned = T::default();
    rayon::in_place_scope(|scope| {
        scope.spawn(|_| scanned = scan());
        hand_on();
    });
    scanned
}

/// Scans a batch of records on the workers, keeping their order; records over
/// `limits.max_record_bytes` become errors.
fn scan_records(
    path: &str,
    batch: &[Document],
    index: &LineIndex<'_>,
    settings: &ScanSettings<'_>,
    errors: &mut Vec<InputError>,
) -> Vec<DocumentReport> {
    let max_record = settings.limits.max_record_bytes;
    errors.extend(
        batch
            .iter()
            .filter(|doc| doc.text.len() > max_record)
            .map(|doc| record_too_big(path, doc, index, max_record)),
    );
    if let Some(progress) = settings.progress {
        progress.records(batch.len() as u64);
    }
    let fitting: Vec<&Document> = batch
        .iter()
        .filter(|doc| doc.text.len() <= max_record)
        .collect();
    let reports: Vec<Vec<DocumentReport>> = fitting
        .par_chunks(worker_share(fitting.len()))
        .map(|docs| scan_documents(path, docs, index, settings))
        .collect();
    reports.into_iter().flatten().collect()
}

/// The report of one input, handed on in parts of [`PART_DOCUMENTS`] as it grows.
struct Parts<'e, 's> {
    part: FileReport,
    emit: &'e mut dyn FnMut(FileReport),
    path: &'s str,
    lossy_warned: bool,
}

impl<'e, 's> Parts<'e, 's> {
    fn new(
        path: &'s str,
        format: Format,
        lossy: bool,
        emit: &'e mut dyn FnMut(FileReport),
    ) -> Parts<'e, 's> {
        let mut parts = Parts {
            part: FileReport::new(path.to_string(), format.name(), Vec::new()),
            emit,
            path,
            lossy_warned: false,
        };
        if lossy {
            parts.warn_lossy();
        }
        parts
    }

    fn warn_lossy(&mut self) {
        if !self.lossy_warned {
            self.lossy_warned = true;
            self.part.warnings.push(
                "invalid UTF-8 was replaced with U+FFFD; findings next to it may be missed"
                    .to_string(),
            );
        }
    }

    /// Adds scanned documents, handing on a part when it is full.
    fn add(&mut self, documents: Vec<DocumentReport>) {
        self.part.documents.extend(documents);
        if self.part.documents.len() >= PART_DOCUMENTS {
            let next = FileReport {
                continued: true,
                ..FileReport::new(self.path.to_string(), self.part.format, Vec::new())
            };
            (self.emit)(std::mem::replace(&mut self.part, next));
        }
    }

    fn finish(self) {
        (self.emit)(self.part);
    }
}

/// The error for a post over `limits.max_record_bytes`, located where the post starts.
fn record_too_big(path: &str, doc: &Document, index: &LineIndex<'_>, limit: usize) -> InputError {
    let (line, column) = index.line_col(doc.source_offset(0));
    let what = doc.record.as_deref().unwrap_or("the text");
    InputError {
        path: path.to_string(),
        line: Some(line),
        column: Some(column),
        message: format!(
            "{what} of {} bytes is over the {limit}-byte limit (limits.max_record_bytes); not scanned",
            doc.text.len()
        ),
    }
}

/// A photo: its EXIF position and serial numbers, as one document of labelled lines.
fn scan_image(
    path: String,
    bytes: &[u8],
    settings: &ScanSettings<'_>,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    let found = match inputs::image::exif_document(bytes) {
        Ok(found) => found,
        Err(e) => return vec![InputError::new(&path, None, e)],
    };
    let documents = found
        .map(|doc| {
            let index = LineIndex::new(&doc.text, 1);
            scan_documents(&path, &[&doc], &index, settings)
        })
        .unwrap_or_default();
    emit(FileReport {
        warnings: vec![inputs::image::FACES_WARNING.to_string()],
        ..FileReport::new(path, "image", documents)
    });
    Vec::new()
}

/// A `.docx` is scanned as one Word document; any other ZIP entry by entry, each named
/// `archive.zip!entry`, nested archives included up to a depth.
fn scan_archive(
    path: &str,
    bytes: &[u8],
    settings: &ScanSettings<'_>,
    depth: usize,
    emit: &mut dyn FnMut(FileReport),
) -> Vec<InputError> {
    let entries = match inputs::archive::entries(path, bytes, &settings.limits) {
        Ok(entries) => entries,
        Err(e) => return vec![e],
    };
    if inputs::docx::is_docx(&entries) {
        let extracted = inputs::docx::extract(&entries);
        let index = LineIndex::new(&extracted.source, 1);
        let documents: Vec<&Document> = extracted.documents.iter().collect();
        let documents = scan_documents(path, &documents, &index, settings);
        emit(FileReport::new(path.to_string(), "docx", documents));
        return extracted
            .errors
            .into_iter()
            .map(|(part, e)| InputError::new(&format!("{path}!{part}"), None, e))
            .collect();
    }
    let mut errors = Vec::new();
    for entry in entries {
        let entry_path = format!("{path}!{}", entry.name);
        match entry.bytes {
            Err(e) => errors.push(InputError::new(&entry_path, None, e)),
            Ok(bytes) => {
                let content = inputs::classify(bytes);
                let deepest = settings.limits.max_archive_depth;
                if matches!(content, Content::Archive(_)) && depth + 1 >= deepest {
                    errors.push(InputError::new(
                        &entry_path,
                        None,
                        format!(
                            "archives nested deeper than {deepest} levels are not read (limits.max_archive_depth)"
                        ),
                    ));
                    continue;
                }
                errors.extend(scan_content(
                    entry_path,
                    Some(Path::new(&entry.name)),
                    content,
                    settings,
                    depth + 1,
                    None,
                    emit,
                ));
            }
        }
    }
    errors
}

/// Scans only the lines a change adds (see `inputs::git`); each file is one document whose
/// findings point at the file's real lines.
pub fn scan_changes(
    files: &[inputs::git::ChangedFile],
    settings: &ScanSettings<'_>,
) -> Vec<FileReport> {
    files
        .par_iter()
        .map(|file| {
            let index = LineIndex::new(&file.content, 1);
            let mut builder = Document::builder(None);
            for (start, end) in file.added.iter().filter_map(|&line| index.line_range(line)) {
                builder.push(&file.content[start..end], None, start, Vec::new());
            }
            let documents = if builder.is_empty() {
                Vec::new()
            } else {
                scan_documents(&file.path, &[&builder.finish()], &index, settings)
            };
            FileReport::new(file.path.clone(), "changed lines", documents)
        })
        .collect()
}

/// Whether the inline marker that `from_marker` starts with covers `rule_id`.
fn inline_marker_allows(from_marker: &str, rule_id: &str) -> bool {
    let rest = &from_marker[INLINE_MARKER.len()..];
    match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((ids, _)) => ids.split(',').any(|id| id.trim() == rule_id),
        None => true,
    }
}

/// The byte offsets in `index`'s source of every inline marker on the lines `doc` spans,
/// found once for all the matches they may cover (none when markers are turned off): looking
/// along a match's line for each match made one long line quadratic.
pub(crate) fn inline_markers(
    settings: &ScanSettings<'_>,
    index: &LineIndex<'_>,
    doc: &Document,
) -> Vec<usize> {
    if !settings.inline_allow || doc.text.is_empty() {
        return Vec::new();
    }
    let line_of = |offset| index.line_range(index.line_of(offset));
    let (Some((start, _)), Some((_, end))) = (
        line_of(doc.source_offset(0)),
        line_of(doc.source_offset(doc.text.len())),
    ) else {
        return Vec::new();
    };
    memchr::memmem::find_iter(&index.source().as_bytes()[start..end], INLINE_MARKER)
        .map(|at| start + at)
        .collect()
}

/// Why a match does not count, if it does not: the allowlist covers it, or an inline marker on
/// its line names its rule (`markers`: the document's markers, see [`inline_markers`]).
pub(crate) fn suppression(
    settings: &ScanSettings<'_>,
    doc: &Document,
    index: &LineIndex<'_>,
    markers: &[usize],
    m: &Match,
    rule_id: &str,
    line: usize,
) -> Option<String> {
    let marked = || {
        let Some((start, end)) = index.line_range(line) else {
            return false;
        };
        markers[markers.partition_point(|&at| at < start)..]
            .iter()
            .take_while(|&&at| at < end)
            .any(|&at| inline_marker_allows(&index.source()[at..end], rule_id))
    };
    if settings.allowlist.allows(&doc.text, m.start, m.end) {
        Some("the organisation's own identifier (configuration allowlist)".to_string())
    } else if marked() {
        Some(format!("{INLINE_MARKER} on line {line}"))
    } else {
        None
    }
}

/// Scans documents of one input together (see [`Engine::find_all`] for why together) and
/// reports each.
fn scan_documents(
    path: &str,
    docs: &[&Document],
    index: &LineIndex<'_>,
    settings: &ScanSettings<'_>,
) -> Vec<DocumentReport> {
    find_normalized(settings.engine, docs)
        .into_iter()
        .map(|(doc, matches)| report_document(path, &doc, matches, index, settings))
        .collect()
}

/// Normalizes `docs` and finds the identifiers of each, all in one call to the engine.
pub(crate) fn find_normalized<'d>(
    engine: &Engine,
    docs: &[&'d Document],
) -> Vec<(std::borrow::Cow<'d, Document>, Vec<Match>)> {
    let normalized: Vec<_> = docs
        .iter()
        .map(|doc| crate::normalize::normalize(doc))
        .collect();
    let texts: Vec<&str> = normalized.iter().map(|doc| doc.text.as_str()).collect();
    let found = engine.find_all(&texts);
    normalized.into_iter().zip(found).collect()
}

/// How many of `count` documents each worker hands the engine at once: an equal share, as the
/// larger the share, the more the engine gains from scanning documents together.
pub(crate) fn worker_share(count: usize) -> usize {
    count.div_ceil(rayon::current_num_threads()).max(1)
}

/// The report of one (normalized) document from what the engine found in it.
fn report_document(
    path: &str,
    doc: &Document,
    matches: Vec<Match>,
    index: &LineIndex<'_>,
    settings: &ScanSettings<'_>,
) -> DocumentReport {
    let rules = settings.engine.rules();
    let markers = inline_markers(settings, index, doc);
    let mut identifiers = Vec::new();
    let mut findings = Vec::with_capacity(matches.len());
    let all = redact::DocumentMatches::new(doc, &matches, rules);
    for (i, m) in matches.iter().enumerate() {
        let rule = &rules[m.rule];
        let location = index.locate(doc, m.start, m.end);
        let suppressed = suppression(settings, doc, index, &markers, m, &rule.id, location.line);
        let fingerprint = redact::fingerprint(settings.fingerprint_key, path, &all, i, &location);
        let suppressed = suppressed.or_else(|| {
            settings
                .baseline
                .filter(|b| b.contains(&fingerprint))
                .map(|_| "recorded in the baseline".to_string())
        });
        if suppressed.is_none() {
            identifiers.push(Identifier::new(rule, m.start, m.end));
        }
        let info = MatchInfo {
            location,
            suppressed,
            fingerprint,
        };
        if findings.len() < settings.limits.max_findings_per_document {
            findings.push(redact::redact(&all, i, info, settings.show_values));
        }
    }
    let (verdict, mut reasons) = verdict::decide(&doc.text, &identifiers);
    if verdict == Verdict::Block && doc.has_photo {
        reasons.push(
            "photo attached: a photo of the patient's face is an identifier too, and phiscan cannot see it; check the image"
                .to_string(),
        );
    }
    let omitted = matches.len() - findings.len();
    if omitted > 0 {
        // Counted in the verdict all the same; listed no further, so that one pasted log
        // cannot drown the report.
        reasons.push(format!(
            "{omitted} more finding(s) not listed (limits.max_findings_per_document)"
        ));
    }
    DocumentReport {
        record: doc.record.clone(),
        verdict,
        reasons,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markers() {
        assert!(inline_marker_allows("phiscan:allow -->", "phone.nanp"));
        assert!(inline_marker_allows(
            "phiscan:allow(phone.nanp, email.address)",
            "phone.nanp"
        ));
        assert!(!inline_marker_allows(
            "phiscan:allow(email.address)",
            "phone.nanp"
        ));
    }
}
