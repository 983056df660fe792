//! What one input may cost, so that a hostile or broken file cannot exhaust memory or time:
//! file size, record size, archive expansion and nesting, JSON nesting, and findings reported
//! per post. Every limit can be changed in the `[limits]` table of `.phiscan.toml`; every hit
//! is reported (an input error, or a warning on the file) rather than silently truncating.

use serde::Deserialize;

/// The deepest JSON the parser may be asked to follow: it recurses once per level, on worker
/// threads with 2 MiB stacks.
pub const MAX_JSON_DEPTH: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// A larger file is not read (files are read whole).
    pub max_file_bytes: u64,
    /// A larger post (one record's text) is not scanned.
    pub max_record_bytes: usize,
    /// A larger archive entry, once expanded, is not read.
    pub max_archive_entry_bytes: u64,
    /// An entry expanding more than this many times its compressed size is not read (a ZIP bomb).
    pub max_archive_ratio: u64,
    /// Entries beyond this much expanded data in one archive are not read.
    pub max_archive_total_bytes: u64,
    /// Archives nested deeper (a zip in a zip in a zip) are not read.
    pub max_archive_depth: usize,
    /// JSON nested deeper is reported as malformed.
    pub max_json_depth: usize,
    /// Findings of one post beyond this are counted in the verdict but not listed.
    pub max_findings_per_document: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 4 << 30,
            max_record_bytes: 64 << 20,
            max_archive_entry_bytes: 512 << 20,
            max_archive_ratio: 200,
            max_archive_total_bytes: 4 << 30,
            max_archive_depth: 3,
            max_json_depth: 512,
            max_findings_per_document: 1000,
        }
    }
}
