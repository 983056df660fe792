//! Seeded random inputs for every input format: no panic, the same findings with and without
//! masking, and no finding's raw value in any masked value or context. A small stable harness;
//! the seed makes a failure reproducible.

use phiscan::config::Config;
use phiscan::engine::Engine;
use phiscan::inputs::{Format, Source, classify};
use phiscan::rules::RuleSet;
use phiscan::scan::{ScanSettings, scan};

/// Fragments that exercise the parsers' edges: escapes, broken surrogates, entities, markup,
/// wrappers, quotes, NUL, multi-byte characters, and identifiers.
const FRAGMENTS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "\\u00c3",
    "\\u00a9",
    "\\ud83d",
    "\\",
    "<p>",
    "</p>",
    "<b>",
    "&amp;",
    "&#",
    "&#x1F600;",
    "<!--",
    "-->",
    "Maria Gonzalez",
    "MRN 12345678",
    "536-22-8841",
    "é",
    "😀",
    "\n",
    "\r\n",
    "\u{0}",
    "window.YTD.tweets.part0 = ",
    "<rss><item><description>",
    "</description></item></rss>",
    "\"text\":",
    "a,b\n",
    "\"x\"\"y\"",
    "\\\"",
    "\t",
    " ",
    "03/14/1951",
    "Dr. ",
    "patient ",
    "&",
    "&#99999999;",
    "<",
    ">",
    "ǅ",
    "\u{200b}",
];

/// A small linear congruential generator: no dependency, same sequence everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

#[test]
fn random_inputs_never_panic_or_leak() {
    let engine = Engine::new(RuleSet::builtin());
    let config = Config::default();
    let formats = [
        Format::Text,
        Format::Html,
        Format::Json,
        Format::Ndjson,
        Format::Csv,
        Format::TwitterJs,
        Format::Feed,
    ];
    let mut rng = Lcg(20261125);
    for round in 0..1000 {
        let text: String = (0..rng.next(60))
            .map(|_| FRAGMENTS[rng.next(FRAGMENTS.len())])
            .collect();
        let format = formats[round % formats.len()];
        let run = |show_values| {
            let settings = ScanSettings {
                input_format: Some(format),
                show_values,
                ..ScanSettings::new(&engine, &config)
            };
            scan(&[Source::Text(text.clone())], &settings).0
        };
        let (masked, raw) = (run(false), run(true));
        let documents = |files: &Vec<phiscan::report::FileReport>| -> Vec<Vec<phiscan::report::RedactedFinding>> {
            files.iter().flat_map(|f| &f.documents).map(|d| d.findings.clone()).collect()
        };
        let (masked, raw) = (documents(&masked), documents(&raw));
        assert_eq!(
            masked.len(),
            raw.len(),
            "round {round}: masking changed the documents"
        );
        for (masked, raw) in masked.iter().zip(&raw) {
            assert_eq!(
                masked.len(),
                raw.len(),
                "round {round}: masking changed what was found"
            );
            for (m, r) in masked.iter().zip(raw) {
                assert!(m.start < m.end, "round {round}: empty finding");
                // No finding's raw value appears in any masked output of its document.
                if r.value.chars().filter(|c| c.is_alphanumeric()).count() >= 4 {
                    for other in masked {
                        assert!(
                            !other.value.contains(&r.value) && !other.context.contains(&r.value),
                            "round {round}: {:?} leaked in {other:?}",
                            r.value
                        );
                    }
                }
            }
        }
        // The same bytes through the file classifier (archives, UTF-16, binary).
        let _ = classify(text.into_bytes());
    }
}
