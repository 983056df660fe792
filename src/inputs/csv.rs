//! CSV: every data row is a record (a post), every cell a piece whose field is its column name.
//! A row that cannot be read is an error for that row only.
//!
//! Two dialects seen in exports are recognised: LinkedIn's `Comments.csv` escapes quotes with a
//! backslash (`\"`) instead of doubling them, and schedulers' bulk files (Hootsuite) have no
//! header row. Cells are then named `column 1`, `column 2`, ...

use super::InputError;
use crate::document::Document;

/// How far past a row's start we look for a cell's text when placing it in the source.
const CELL_SEARCH_WINDOW: usize = 64 * 1024;

fn reader(src: &str, backslash_escapes: bool, has_headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(has_headers)
        .flexible(false)
        .escape(backslash_escapes.then_some(b'\\'))
        .double_quote(true)
        .from_reader(src.as_bytes())
}

/// Rows that fail to parse in a dialect.
fn failed_rows(src: &str, backslash_escapes: bool) -> usize {
    reader(src, backslash_escapes, true)
        .records()
        .filter(Result::is_err)
        .count()
}

/// A first row whose first cell starts with a digit ("01/15/2024 09:00") is data, not a header.
fn starts_with_data(src: &str) -> bool {
    src.trim_start_matches('\u{feff}')
        .trim_start_matches('"')
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Parses `src`, passing each row's document to `emit`; returns the rows that could not be read.
pub fn parse_csv(src: &str, path: &str, emit: &mut dyn FnMut(Document)) -> Vec<InputError> {
    let backslash_escapes =
        src.contains("\\\"") && failed_rows(src, true) < failed_rows(src, false);
    let has_headers = !starts_with_data(src);
    let mut reader = reader(src, backslash_escapes, has_headers);
    let mut errors = Vec::new();
    let headers: Vec<String> = if has_headers {
        match reader.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => {
                errors.push(InputError::new(
                    path,
                    Some(1),
                    format!("cannot read the CSV header: {e}"),
                ));
                return errors;
            }
        }
    } else {
        Vec::new()
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                errors.push(InputError::new(
                    path,
                    line,
                    format!("malformed CSV row: {}", csv_error_cause(&e)),
                ));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let Some(position) = record.position() else {
            continue;
        };
        let row_start = position.byte() as usize;
        let mut builder = Document::builder(Some(format!("row {}", position.record() + 1)));
        let mut cursor = row_start;
        for (i, cell) in record.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            let window_end = src.floor_char_boundary((cursor + CELL_SEARCH_WINDOW).min(src.len()));
            let source_start = match src[cursor..window_end].find(cell) {
                Some(at) => {
                    cursor += at + cell.len();
                    cursor - cell.len()
                }
                // Quotes doubled inside the cell: point at the row.
                None => row_start,
            };
            let column = headers
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("column {}", i + 1));
            builder.push(cell, Some(column), source_start, Vec::new());
        }
        if !builder.is_empty() {
            emit(builder.finish());
        }
    }
    errors
}

fn csv_error_cause(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} fields where the header has {expected_len}")
        }
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> (Vec<Document>, Vec<InputError>) {
        let mut docs = Vec::new();
        let errors = parse_csv(src, "f.csv", &mut |d| docs.push(d));
        (docs, errors)
    }

    #[test]
    fn backslash_escaped_quotes_and_headerless_files() {
        let (docs, errors) = parse(
            "Date,Link,Message\n2024-01-14,x,\"Say hi to \\\"Mr. Example\\\" in room 12,\nhe was great.\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs.len(), 1);
        assert!(docs[0].text.contains("Mr. Example"));
        let (docs, errors) = parse(
            "01/15/2024 09:00,\"Meet Jane Doe\",https://example.com\n01/16/2024 10:00,Flu shots,\n",
        );
        assert!(errors.is_empty());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].record.as_deref(), Some("row 1"));
        assert_eq!(
            docs[0].field_at(docs[0].text.find("Jane").unwrap()),
            Some("column 2")
        );
    }

    #[test]
    fn rows_are_records_with_column_fields() {
        let src = "date,text\n2024-01-02,\"Get well, Maria Gonzalez\"\nbad row with,too,many\n2024-01-03,clean\n";
        let mut docs = Vec::new();
        let errors = parse_csv(src, "feed.csv", &mut |d| docs.push(d));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].record.as_deref(), Some("row 2"));
        let at = docs[0].text.find("Maria").unwrap();
        assert_eq!(docs[0].field_at(at), Some("text"));
        assert_eq!(&src[docs[0].source_offset(at)..][..5], "Maria");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "feed.csv:3: malformed CSV row: 3 fields where the header has 2"
        );
    }
}
