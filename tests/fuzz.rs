//! Fuzzing on stable Rust: one target per parser and for the engine, driven by seeded random
//! bytes that `arbitrary` turns into a seed file and a list of mutations (structure-aware, the
//! way cargo-fuzz targets are written, so the same targets could be fed by libFuzzer).
//!
//! Properties: no panic; findings inside their document and on character boundaries; masked
//! output never holds a finding's raw value; the same findings whether a post is scanned alone,
//! inside a ZIP or in a folder.
//!
//! `cargo test` runs a fixed number of cases per target from a fixed seed, and replays every
//! input saved under `tests/fixtures/fuzz/<target>/` (past crashes). `scripts/fuzz.sh` runs the
//! targets for a given time each, from a fresh seed; a crashing input is saved under
//! `target/fuzz-crashes/` with the command that replays it.

use arbitrary::{Arbitrary, Unstructured};
use phiscan::config::Config;
use phiscan::engine::Engine;
use phiscan::inputs::{Format, Source};
use phiscan::report::FileReport;
use phiscan::rules::RuleSet;
use phiscan::scan::{ScanSettings, scan};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Cases per target in `cargo test` (debug build): enough to catch a regression in seconds.
const CASES_IN_TESTS: u64 = 150;

/// Fragments inserted by mutations: the edges of every format, evasions and identifiers.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\u00c3",
    "\\ud83d",
    "\\",
    "<p>",
    "</p>",
    "&amp;",
    "&#",
    "&#x1F600;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "Maria Gonzalez",
    "MRN 12345678",
    "536-22-8841",
    "(555) 201-7734",
    "03/14/1951",
    "é",
    "😀",
    "\n",
    "\r\n",
    "\r",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "５",
    "window.YTD.tweets.part0 = ",
    "\"full_text\":",
    "\"text\":",
    ",\"",
    "a,b\n",
    "\"\"",
    "PK\u{3}\u{4}",
    "\u{ff}\u{fe}",
    "9999999999999999999999",
    "-1e999",
    "Dr. ",
    "patient ",
    "ǅ",
    "l",
    "O",
    "%41",
    "m.r.n.",
    "5 3 6 - 2 2 - 8 8 4 1",
];

#[derive(Arbitrary, Debug)]
enum Mutation {
    FlipBit { at: u16, bit: u8 },
    SetByte { at: u16, value: u8 },
    Insert { at: u16, fragment: u8 },
    Delete { at: u16, len: u8 },
    Duplicate { at: u16, len: u8, to: u16 },
    Truncate { at: u16 },
}

/// What a fuzz case is: which seed, changed how.
#[derive(Arbitrary, Debug)]
struct Case {
    seed: u8,
    mutations: Vec<Mutation>,
}

fn position(at: u16, len: usize) -> usize {
    if len == 0 { 0 } else { at as usize % (len + 1) }
}

impl Case {
    fn apply(&self, seeds: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = seeds[self.seed as usize % seeds.len()].clone();
        for m in self.mutations.iter().take(16) {
            match *m {
                Mutation::FlipBit { at, bit } if !bytes.is_empty() => {
                    let i = at as usize % bytes.len();
                    bytes[i] ^= 1 << (bit % 8);
                }
                Mutation::SetByte { at, value } if !bytes.is_empty() => {
                    let i = at as usize % bytes.len();
                    bytes[i] = value;
                }
                Mutation::Insert { at, fragment } => {
                    let i = position(at, bytes.len());
                    let f = FRAGMENTS[fragment as usize % FRAGMENTS.len()].as_bytes();
                    bytes.splice(i..i, f.iter().copied());
                }
                Mutation::Delete { at, len } => {
                    let i = position(at, bytes.len());
                    let end = (i + len as usize).min(bytes.len());
                    bytes.drain(i..end);
                }
                Mutation::Duplicate { at, len, to } => {
                    let i = position(at, bytes.len());
                    let end = (i + len as usize).min(bytes.len());
                    let piece: Vec<u8> = bytes[i..end].to_vec();
                    let j = position(to, bytes.len());
                    bytes.splice(j..j, piece);
                }
                Mutation::Truncate { at } => bytes.truncate(position(at, bytes.len())),
                _ => {}
            }
        }
        bytes
    }
}

/// A fuzz target: its name, the name its input is given (extension decides the format where
/// `format` does not), its seed files, and the check it runs.
struct Target {
    name: &'static str,
    file_name: &'static str,
    format: Option<Format>,
    seeds: &'static [&'static str],
    check: fn(&Target, &[u8]),
}

const TARGETS: &[Target] = &[
    Target {
        name: "json",
        file_name: "export.json",
        format: Some(Format::Json),
        seeds: &[
            "tests/fixtures/exports/facebook/synthetic/comments.json",
            "tests/fixtures/exports/instagram/synthetic/posts_1.json",
            "tests/fixtures/exports/mastodon/fossilizer/outbox.json",
            "tests/fixtures/planted/planted.json",
        ],
        check: check_parser,
    },
    Target {
        name: "ndjson",
        file_name: "feed.ndjson",
        format: Some(Format::Ndjson),
        seeds: &[
            "tests/fixtures/planted/planted.ndjson",
            "tests/fixtures/exports/generic/synthetic/feed.ndjson",
        ],
        check: check_parser,
    },
    Target {
        name: "twitter_js",
        file_name: "tweets.js",
        format: Some(Format::TwitterJs),
        seeds: &[
            "tests/fixtures/exports/twitter/synthetic/tweets.js",
            "tests/fixtures/exports/twitter/legacy-grailbird-glennjones/2013_11.js",
        ],
        check: check_parser,
    },
    Target {
        name: "csv",
        file_name: "posts.csv",
        format: Some(Format::Csv),
        seeds: &[
            "tests/fixtures/exports/linkedin/synthetic/Comments.csv",
            "tests/fixtures/exports/scheduling_csv/synthetic/hootsuite_bulk.csv",
            "tests/fixtures/planted/planted.csv",
        ],
        check: check_parser,
    },
    Target {
        name: "html",
        file_name: "draft.html",
        format: Some(Format::Html),
        seeds: &["tests/fixtures/planted/planted.html"],
        check: check_parser,
    },
    Target {
        name: "feed",
        file_name: "feed.xml",
        format: Some(Format::Feed),
        seeds: &[
            "tests/fixtures/exports/rss_atom/feed-rs/rss_2.0_example_1.xml",
            "tests/fixtures/exports/rss_atom/feed-rs/atom_spec_1.xml",
        ],
        check: check_parser,
    },
    Target {
        name: "archive",
        file_name: "upload.bin",
        format: None,
        seeds: &[
            "tests/fixtures/exports/docx/synthetic/spotlight_draft.docx",
            "tests/fixtures/images/bedside-gps.jpg",
            "tests/fixtures/broken/invalid-utf8.txt",
        ],
        check: check_parser,
    },
    Target {
        name: "engine",
        file_name: "post.txt",
        format: Some(Format::Text),
        seeds: &[
            "tests/fixtures/planted/planted.txt",
            "tests/fixtures/planted/planted.md",
            "tests/fixtures/clean/tip.txt",
        ],
        check: check_engine,
    },
];

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(RuleSet::builtin()))
}

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(Config::default)
}

fn scan_upload(target: &Target, name: &str, bytes: &[u8], show_values: bool) -> Vec<FileReport> {
    let settings = ScanSettings {
        input_format: target.format,
        show_values,
        ..ScanSettings::new(engine(), config())
    };
    let source = Source::Upload {
        name: name.to_string(),
        bytes: bytes.to_vec(),
    };
    scan(&[source], &settings).0
}

/// Every parser: masking changes nothing but the values, and leaks none of them.
fn check_parser(target: &Target, bytes: &[u8]) {
    let masked = scan_upload(target, target.file_name, bytes, false);
    let raw = scan_upload(target, target.file_name, bytes, true);
    assert_no_leak(&masked, &raw);
}

fn assert_no_leak(masked: &[FileReport], raw: &[FileReport]) {
    let findings = |files: &[FileReport]| -> Vec<Vec<phiscan::report::RedactedFinding>> {
        files
            .iter()
            .flat_map(|f| &f.documents)
            .map(|d| d.findings.clone())
            .collect()
    };
    let (masked, raw) = (findings(masked), findings(raw));
    assert_eq!(masked.len(), raw.len(), "masking changed the documents");
    for (masked, raw) in masked.iter().zip(&raw) {
        assert_eq!(masked.len(), raw.len(), "masking changed what was found");
        for (m, r) in masked.iter().zip(raw) {
            assert!(m.start < m.end, "empty finding {m:?}");
            assert!(m.location.line >= 1 && m.location.column >= 1, "{m:?}");
            if r.value.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
                for other in masked {
                    assert!(
                        !other.value.contains(&r.value) && !other.context.contains(&r.value),
                        "{:?} leaked in {other:?}",
                        r.value
                    );
                }
            }
        }
    }
}

/// What must not change between a post alone, zipped and in a folder.
fn comparable(files: &[FileReport]) -> Vec<(String, String, usize, usize, usize, usize)> {
    files
        .iter()
        .flat_map(|f| &f.documents)
        .flat_map(|d| &d.findings)
        .map(|f| {
            (
                f.rule_id.clone(),
                f.value.clone(),
                f.start,
                f.end,
                f.location.line,
                f.location.column,
            )
        })
        .collect()
}

/// The engine on arbitrary text: spans inside the text on character boundaries, no leak, and
/// the same findings alone, inside a ZIP and (every few cases) in a folder.
fn check_engine(target: &Target, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for m in engine().find(&text) {
        assert!(
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end),
            "span {}..{} of {:?}",
            m.start,
            m.end,
            text
        );
    }
    let alone = scan_upload(target, "post.txt", text.as_bytes(), false);
    let raw = scan_upload(target, "post.txt", text.as_bytes(), true);
    assert_no_leak(&alone, &raw);
    // Reported spans are in the text as scanned: decoded, evasions undone.
    let scanned =
        phiscan::normalize::normalize(&phiscan::document::Document::plain(text.to_string()))
            .text
            .clone();
    for finding in alone
        .iter()
        .flat_map(|f| &f.documents)
        .flat_map(|d| &d.findings)
    {
        assert!(
            finding.end <= scanned.len()
                && scanned.is_char_boundary(finding.start)
                && scanned.is_char_boundary(finding.end),
            "finding {finding:?} outside the scanned text"
        );
    }
    let zipped = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("post.txt", zip::write::SimpleFileOptions::default())
            .expect("in memory");
        std::io::Write::write_all(&mut zip, text.as_bytes()).expect("in memory");
        zip.finish().expect("in memory").into_inner()
    };
    let in_zip = scan_upload(
        &Target {
            format: None,
            ..*target
        },
        "bundle.zip",
        &zipped,
        false,
    );
    assert_eq!(comparable(&alone), comparable(&in_zip), "alone vs in a ZIP");
    // A file is read by its content: one that starts with a ZIP signature is opened as an
    // archive (and reported when it is none), so only text that reads as text compares.
    let reads_as_text = matches!(
        phiscan::inputs::classify(text.as_bytes().to_vec()),
        phiscan::inputs::Content::Text { .. }
    );
    if text.len().is_multiple_of(8) && reads_as_text {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(dir.path().join("post.txt"), text.as_bytes()).expect("temporary file");
        let settings = ScanSettings::new(engine(), config());
        let (in_folder, errors) = scan(&[Source::File(dir.path().join("post.txt"))], &settings);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            comparable(&alone),
            comparable(&in_folder),
            "alone vs in a folder"
        );
    }
}

/// CPU time this process has used (all threads), from `/proc/self/stat`; wall-clock time
/// where that cannot be read. A fuzz budget counts CPU time, so that a run sharing the machine
/// (or paused) still gets its full share.
fn cpu_time(started: Instant) -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name, which is in parentheses and may hold spaces.
            let rest = &stat[stat.rfind(')')? + 2..];
            let fields: Vec<&str> = rest.split(' ').collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some(user + system)
        });
    match ticks {
        // Linux reports in USER_HZ, 100 per second on every architecture it supports.
        Some(ticks) => Duration::from_millis(ticks * 10),
        None => started.elapsed(),
    }
}

/// A small linear congruential generator: the random bytes `arbitrary` reads, reproducible.
struct Lcg(u64);

impl Lcg {
    fn byte(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 56) as u8
    }
}

fn seeds(target: &Target) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = target
        .seeds
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|e| panic!("seed {path}: {e}")))
        .collect();
    seeds.push(Vec::new());
    seeds
}

/// Runs one input through a target; a panic saves the input and fails with how to replay it.
fn run_one(target: &Target, seeds: &[Vec<u8>], data: &[u8], label: &str) {
    let case = Case::arbitrary_take_rest(Unstructured::new(data));
    let Ok(case) = case else { return };
    let input = case.apply(seeds);
    let outcome = catch_unwind(AssertUnwindSafe(|| (target.check)(target, &input)));
    if outcome.is_err() {
        let dir = Path::new("target/fuzz-crashes");
        let saved = dir.join(format!("{}-{label}.bin", target.name));
        let _ = std::fs::create_dir_all(dir);
        let _ = std::fs::write(&saved, &input);
        panic!(
            "fuzz target {} failed on {label}; input saved as {} (copy it to tests/fixtures/fuzz/{}/ to keep it as a regression test)",
            target.name,
            saved.display(),
            target.name
        );
    }
}

/// The saved inputs of a target, run as they are (not mutated).
fn replay_saved(target: &Target) -> usize {
    let dir = PathBuf::from(format!("tests/fixtures/fuzz/{}", target.name));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let input = std::fs::read(entry.path()).expect("saved fuzz input");
        (target.check)(target, &input);
        count += 1;
    }
    count
}

/// Runs every target (or those named in `PHISCAN_FUZZ_TARGETS`): `PHISCAN_FUZZ_SECONDS` of CPU time
/// each when set, else a fixed number of cases; from `PHISCAN_FUZZ_SEED`, else a fixed seed.
#[test]
fn fuzz_targets() {
    let seconds: Option<u64> = std::env::var("PHISCAN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let seed: u64 = std::env::var("PHISCAN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261125);
    let only = std::env::var("PHISCAN_FUZZ_TARGETS").unwrap_or_default();
    for target in TARGETS {
        if !only.is_empty() && !only.split(',').any(|n| n == target.name) {
            continue;
        }
        let replayed = replay_saved(target);
        let seeds = seeds(target);
        let started = Instant::now();
        let cpu_at_start = cpu_time(started);
        let mut rng = Lcg(seed ^ target.name.len() as u64);
        let mut cases = 0u64;
        loop {
            let done = match seconds {
                Some(s) => cpu_time(started) - cpu_at_start >= Duration::from_secs(s),
                None => cases >= CASES_IN_TESTS,
            };
            if done {
                break;
            }
            let length = 8 + rng.byte() as usize;
            let data: Vec<u8> = (0..length).map(|_| rng.byte()).collect();
            run_one(target, &seeds, &data, &format!("seed{seed}-case{cases}"));
            cases += 1;
        }
        eprintln!(
            "fuzz {}: {cases} cases in {:.0?} of CPU time ({:.0?} elapsed), {replayed} saved input(s) replayed, seed {seed}",
            target.name,
            cpu_time(started) - cpu_at_start,
            started.elapsed()
        );
    }
}
