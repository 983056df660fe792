//! ZIP archives (platform exports come zipped): entries are read in memory, never extracted to
//! disk, each scanned by its own type under the name `archive.zip!entry/path`. Limits keep a
//! ZIP bomb from exhausting memory; an entry that breaks one is an error, the others are read.

use super::InputError;
use crate::limits::Limits;
use std::io::Read;

/// Whether `bytes` start like a ZIP file.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// One file inside an archive: its name and its bytes, or why it could not be read.
pub struct Entry {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// Reads every file entry of the archive at `path` (for messages) from `bytes`, within the
/// archive `limits`: an entry's size, its expansion over its compressed size (above 1 MiB: ZIP
/// bombs expand thousands of times, real exports ten times or so) and the archive's total.
pub fn entries(path: &str, bytes: &[u8], limits: &Limits) -> Result<Vec<Entry>, InputError> {
    let max_entry = limits.max_archive_entry_bytes;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| InputError::new(path, None, format!("cannot open ZIP archive: {e}")))?;
    let mut entries = Vec::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        // The central directory names an entry even when it cannot be opened (encrypted, an
        // unknown method).
        let listed_name = archive
            .name_for_index(index)
            .and_then(Result::ok)
            .map(|n| n.to_string());
        let mut file = match archive.by_index(index) {
            Ok(file) => file,
            Err(e) => {
                let name = listed_name.unwrap_or_else(|| format!("entry {}", index + 1));
                let cause = match e {
                    zip::result::ZipError::UnsupportedArchive(why) if why.contains("Password") => {
                        "encrypted: phiscan cannot read password-protected entries; decrypt the export and scan it again".to_string()
                    }
                    e => format!("cannot read entry: {e}"),
                };
                entries.push(Entry {
                    name,
                    bytes: Err(cause),
                });
                continue;
            }
        };
        if file.is_dir() {
            continue;
        }
        // The stored name, as is: "../../etc/passwd" is reported, never used as a path.
        let name = file
            .name()
            .map_or_else(|e| format!("entry {} ({e})", index + 1), |n| n.to_string());
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let bytes = if declared > max_entry {
            Err(format!(
                "entry of {declared} bytes is over the {max_entry}-byte limit (limits.max_archive_entry_bytes)"
            ))
        } else if declared > 1024 * 1024 && declared / compressed > limits.max_archive_ratio {
            Err(format!(
                "entry expands {}x ({compressed} to {declared} bytes): a possible ZIP bomb, not read (limits.max_archive_ratio)",
                declared / compressed
            ))
        } else if total + declared > limits.max_archive_total_bytes {
            Err(format!(
                "archive expands beyond {} bytes; entry not read (limits.max_archive_total_bytes)",
                limits.max_archive_total_bytes
            ))
        } else {
            // Headers can lie: never read more than the limit, whatever they declare.
            let mut out = Vec::with_capacity(declared.min(max_entry) as usize);
            match (&mut file).take(max_entry + 1).read_to_end(&mut out) {
                Ok(n) if n as u64 > max_entry => Err(format!(
                    "entry is over the {max_entry}-byte limit (limits.max_archive_entry_bytes)"
                )),
                Ok(n) => {
                    total += n as u64;
                    Ok(out)
                }
                Err(e) => Err(format!("cannot read entry: {e}")),
            }
        };
        entries.push(Entry { name, bytes });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        for (name, data) in files {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap();
        buffer.into_inner()
    }

    #[test]
    fn entries_are_read_with_their_stored_names() {
        let bytes = zip_of(&[
            ("data/tweets.js", b"window.YTD.tweets.part0 = []"),
            ("../../etc/passwd", b"x"),
        ]);
        assert!(is_zip(&bytes));
        let entries = entries("a.zip", &bytes, &Limits::default()).unwrap();
        assert_eq!(entries[0].name, "data/tweets.js");
        assert_eq!(entries[1].name, "../../etc/passwd");
        assert!(entries.iter().all(|e| e.bytes.is_ok()));
    }

    #[test]
    fn bombs_are_refused() {
        let zeros = vec![0u8; 8 * 1024 * 1024];
        let bytes = zip_of(&[("bomb.txt", &zeros)]);
        let entries = entries("b.zip", &bytes, &Limits::default()).unwrap();
        assert!(
            entries[0].bytes.as_ref().unwrap_err().contains("ZIP bomb"),
            "{:?}",
            entries[0].bytes.as_ref().err()
        );
        assert!(super::entries("c.zip", b"PK\x03\x04 not really", &Limits::default()).is_err());
    }
}
