//! Big exports read a window at a time, so that a gigabyte `tweets.js` or NDJSON file is
//! scanned in bounded memory: NDJSON is cut between lines, a top-level JSON array (also behind
//! an X archive's `window.YTD.tweets.part0 =`) between elements. Each window knows where it
//! starts in the file (line, column, first record), so findings point at the file as if it
//! had been read whole.
//!
//! Only the boundaries are found here (strings, escapes and nesting are followed byte by
//! byte); the records themselves are parsed, and their errors reported, by the JSON reader.

use super::Format;
use std::io::{self, Read};

/// Bytes gathered before a window is cut at the next record boundary. Small enough that the
/// last round of windows of a file does not leave a core idle for long, large enough that a
/// window's fixed costs (its line index, a round of scheduling) do not show.
const WINDOW_BYTES: usize = 1 << 20;
/// Bytes read at a time.
const READ_BYTES: usize = 256 << 10;

/// A run of whole records.
pub struct Window {
    pub text: String,
    /// Set when invalid UTF-8 was replaced.
    pub lossy: bool,
    /// 1-based line where the window starts, and the characters before it on that line.
    pub first_line: usize,
    pub first_column: usize,
    /// NDJSON: lines before the window; arrays: the index of its first element.
    pub first_record: usize,
    /// Bytes of the file up to the end of the window.
    pub end_offset: u64,
}

/// Whether a file of `format` whose text begins with `head` can be read in windows.
pub fn streams(format: Format, head: &str) -> bool {
    match format {
        Format::Ndjson => true,
        Format::Json => head.trim_start().starts_with('['),
        Format::TwitterJs => {
            super::js_assignment(head).is_some_and(|at| head[at..].starts_with('['))
        }
        _ => false,
    }
}

/// Where the reader is in the file, in the terms of [`Window`].
#[derive(Default)]
struct Position {
    /// Lines passed (0-based).
    lines: usize,
    /// Characters since the last line break.
    column: usize,
}

impl Position {
    fn pass(&mut self, bytes: &[u8]) {
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.lines += memchr::memchr_iter(b'\n', bytes).count();
                self.column = characters(&bytes[last + 1..]);
            }
            None => self.column += characters(bytes),
        }
    }
}

/// Characters in UTF-8 bytes (invalid bytes count one each, as they are replaced).
fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// Follows a JSON array's structure across reads.
#[derive(Default)]
struct ArrayState {
    started: bool,
    ended: bool,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Commas between top-level elements passed so far.
    commas: usize,
}

/// Reads `reader` as `format` and calls `visit` with each window in order. An error is a
/// reading failure, or an array that does not close or is followed by more data, with the
/// byte offset where it was noticed.
pub fn each_window(
    reader: &mut dyn Read,
    format: Format,
    visit: &mut dyn FnMut(Window),
) -> Result<(), (u64, String)> {
    let lines = format == Format::Ndjson;
    let mut buffer: Vec<u8> = Vec::with_capacity(WINDOW_BYTES + READ_BYTES);
    // File offset of buffer[0]; how far the buffer has been examined; the last record boundary.
    let mut base: u64 = 0;
    let mut examined = 0;
    let mut boundary: Option<usize> = None;
    let mut position = Position::default();
    // Lines (NDJSON) or elements (arrays) before the buffer.
    let mut records = 0;
    let mut state = ArrayState::default();
    let mut chunk = vec![0u8; READ_BYTES];
    let emit = |bytes: &[u8],
                position: &mut Position,
                first_record: usize,
                end_offset: u64,
                visit: &mut dyn FnMut(Window)| {
        let (text, lossy) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), false),
            Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
        };
        visit(Window {
            text,
            lossy,
            first_line: position.lines + 1,
            first_column: position.column,
            first_record,
            end_offset,
        });
        position.pass(bytes);
    };
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err((base + buffer.len() as u64, format!("cannot read: {e}"))),
        };
        buffer.extend_from_slice(&chunk[..read]);
        let at_end = read == 0;
        if lines {
            if let Some(last) = memchr::memrchr(b'\n', &buffer[examined..]) {
                boundary = Some(examined + last + 1);
            }
            examined = buffer.len();
        } else {
            while examined < buffer.len() && !state.ended {
                let b = buffer[examined];
                examined += 1;
                if !state.started {
                    if b == b'[' {
                        state.started = true;
                        position.pass(&buffer[..examined]);
                        base += examined as u64;
                        buffer.drain(..examined);
                        examined = 0;
                        boundary = None;
                    }
                    continue;
                }
                if state.in_string {
                    match (state.escaped, b) {
                        (true, _) => state.escaped = false,
                        (false, b'\\') => state.escaped = true,
                        (false, b'"') => state.in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match b {
                    b'"' => state.in_string = true,
                    b'{' | b'[' => state.depth += 1,
                    b'}' | b']' if state.depth > 0 => state.depth -= 1,
                    b']' => state.ended = true,
                    b',' if state.depth == 0 => {
                        state.commas += 1;
                        boundary = Some(examined);
                    }
                    _ => {}
                }
            }
            if state.ended {
                let close = examined - 1;
                emit(
                    &buffer[..close],
                    &mut position,
                    records,
                    base + close as u64,
                    visit,
                );
                // Anything after the array must be blank (a `tweets.js` may end in `;`); it is
                // read a chunk at a time and never kept.
                let mut semicolons = 0;
                let mut offset = base + examined as u64;
                let mut after = buffer[examined..].to_vec();
                loop {
                    for &b in &after {
                        match b {
                            b';' if format == Format::TwitterJs && semicolons == 0 => {
                                semicolons = 1
                            }
                            b if b.is_ascii_whitespace() => {}
                            _ => {
                                return Err((
                                    offset,
                                    "unexpected data after the JSON value".into(),
                                ));
                            }
                        }
                        offset += 1;
                    }
                    let read = reader
                        .read(&mut chunk)
                        .map_err(|e| (offset, format!("cannot read: {e}")))?;
                    if read == 0 {
                        return Ok(());
                    }
                    after.clear();
                    after.extend_from_slice(&chunk[..read]);
                }
            }
        }
        if at_end {
            if !lines && !state.started {
                return Err((0, "no JSON array found".into()));
            }
            // What was read is scanned; in an array that never closed, a broken last record is
            // reported by the JSON reader with its line, then the cut is reported.
            if !buffer.is_empty() {
                let end = base + buffer.len() as u64;
                emit(&buffer, &mut position, records, end, visit);
            }
            return if lines {
                Ok(())
            } else {
                Err((
                    base + buffer.len() as u64,
                    "the JSON array does not close (file truncated?)".into(),
                ))
            };
        }
        if let Some(cut) = boundary.filter(|_| buffer.len() >= WINDOW_BYTES) {
            // An array window ends before the comma; the next starts after it.
            let end = if lines { cut } else { cut - 1 };
            emit(
                &buffer[..end],
                &mut position,
                records,
                base + end as u64,
                visit,
            );
            if lines {
                records += memchr::memchr_iter(b'\n', &buffer[..end]).count();
            } else {
                position.pass(&buffer[end..cut]);
                records = state.commas;
            }
            base += cut as u64;
            buffer.drain(..cut);
            examined -= cut;
            boundary = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(format: Format, text: &str) -> (Vec<String>, Result<(), (u64, String)>) {
        let mut seen = Vec::new();
        let result = each_window(&mut text.as_bytes(), format, &mut |w| seen.push(w.text));
        (seen, result)
    }

    #[test]
    fn arrays_are_read_between_their_brackets_and_what_follows_is_checked() {
        let (seen, result) = windows(
            Format::TwitterJs,
            "window.YTD.x = [ {\"a\": \"]\"}, 2 ] ;\n",
        );
        assert_eq!(seen, vec![" {\"a\": \"]\"}, 2 "]);
        assert!(result.is_ok());
        let (_, result) = windows(Format::Json, "[1, 2];");
        assert_eq!(
            result.unwrap_err().0,
            6,
            "a semicolon ends only a tweets.js"
        );
        let (_, result) = windows(Format::Json, "[1] x");
        assert!(result.unwrap_err().1.contains("after the JSON value"));
        let (seen, result) = windows(Format::Json, "[{\"text\": \"cut");
        assert_eq!(
            seen,
            vec!["{\"text\": \"cut"],
            "what was read is still scanned"
        );
        assert!(result.unwrap_err().1.contains("does not close"));
    }

    #[test]
    fn lines_are_read_whole() {
        let (seen, result) = windows(Format::Ndjson, "{\"a\": 1}\n{\"a\": 2}\n");
        assert_eq!(seen, vec!["{\"a\": 1}\n{\"a\": 2}\n"]);
        assert!(result.is_ok());
    }

    #[test]
    fn positions_count_characters_and_lines() {
        let mut position = Position::default();
        position.pass("ab\ncé".as_bytes());
        assert_eq!((position.lines, position.column), (1, 2));
        position.pass(b"xyz");
        assert_eq!((position.lines, position.column), (1, 5));
    }
}
