//! Detection rules as data: the TOML format, its validation with `file:line:col` errors, the
//! shipped rule set embedded at build time, and user rules that add to or override it by id.
//!
//! A rule file holds `[[rule]]` tables:
//!
//! ```toml
//! [[rule]]
//! id = "mrn.labeled"                  # stable, dotted, unique
//! category = "MRN"                    # a corpus label
//! description = "Medical record number after an MRN label"
//! pattern = '''\b(\d{6,10})\b'''      # the first capture group that takes part is the identifier
//! keywords = ["mrn", "medical record"] # prefilter: the rule runs only when one is present
//! keyword_window = 30                 # ...and one must be this many characters from the match
//! keyword_before = true               # ...and before it, not after (a label reads left to right)
//! validator = "luhn"                  # optional check (see `validators`)
//! dictionary = "us_places"            # optional: the identifier must be in this list
//! not_dictionary = "common_words"     # optional: the identifier must not be in this list
//! not_before = ["st.", "saint"]       # optional: words that veto a match right before it
//! not_after = ["hospital", "rotary"]  # ...and right after it
//! not_within = ["will be held"]       # ...and anywhere in the whole match around the identifier
//! shrink = true                      # retry a rejected match without its last word
//! confidence = 0.9
//! reach = "person"                    # optional: what the finding points at, whatever its category
//!                                     # (person, weak, contact, context; see `category::Reach`)
//! examples.match = ["MRN 48213377"]
//! examples.no_match = ["call 555 0100"]
//! ```
//!
//! In patterns `\b` and `\B` are ASCII word boundaries: the Unicode-aware ones force the regex
//! engine off its fast path on any text with emoji, which social posts always have.

mod annotations;
pub mod category;
pub mod dictionaries;
pub mod names;
pub mod pattern;
pub mod validators;
mod word_hash;

use category::{Category, Reach};
use dictionaries::Dictionary;
pub use pattern::{Letters, Pattern, Workload};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;
use validators::Validator;

/// The shipped rule files, embedded so that phiscan works from any folder.
const BUILTIN: &[(&str, &str)] = &[
    ("names.toml", include_str!("../../rules/names.toml")),
    ("address.toml", include_str!("../../rules/address.toml")),
    ("location.toml", include_str!("../../rules/location.toml")),
    ("dates.toml", include_str!("../../rules/dates.toml")),
    ("ages.toml", include_str!("../../rules/ages.toml")),
    ("phone.toml", include_str!("../../rules/phone.toml")),
    ("email.toml", include_str!("../../rules/email.toml")),
    ("ssn.toml", include_str!("../../rules/ssn.toml")),
    (
        "medical_ids.toml",
        include_str!("../../rules/medical_ids.toml"),
    ),
    ("financial.toml", include_str!("../../rules/financial.toml")),
    ("licenses.toml", include_str!("../../rules/licenses.toml")),
    (
        "vehicles_devices.toml",
        include_str!("../../rules/vehicles_devices.toml"),
    ),
    ("network.toml", include_str!("../../rules/network.toml")),
    (
        "biometric_other.toml",
        include_str!("../../rules/biometric_other.toml"),
    ),
];

/// A problem in a rule file, pointing at the offending line like a compiler does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The file, as given (`builtin:names.toml` for shipped rules).
    pub path: String,
    /// 1-based line and column; 0 when the error is about the file as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for RuleError {}

/// Whose identifier a rule finds. `staff` is for the organisation's own people (a name after
/// "Dr."): still reported, since consent is needed to post it, but not patient information.
/// `patient` is for a person the match itself shows to be a patient ("Adaeze Obi, room 410",
/// "Kwame was admitted"): the finding is its own health link, whatever else the post says.
/// `addressee` is for the person a post speaks to ("Hi Oskarina, thanks for asking!"): a reply
/// names them, but the health it speaks of is theirs only when it says so ("your C-section",
/// "your mother's last days").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    #[default]
    Anyone,
    Staff,
    Patient,
    Addressee,
}

/// Where a rule was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOrigin {
    pub path: String,
    pub line: usize,
}

/// One compiled rule. Invariant: a rule has a pattern, a dictionary, or both.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub description: String,
    pub pattern: Option<Pattern>,
    pub dictionary: Option<Dictionary>,
    pub not_dictionary: Option<Dictionary>,
    /// Lower-case words or phrases that veto a match when they stand right before or after it.
    pub not_before: Vec<String>,
    pub not_after: Vec<String>,
    /// Lower-case words or phrases that veto a match when they stand anywhere in the pattern's
    /// whole match outside the identifier: the words between a cue and what it points at ("who
    /// passed away this year will be held on Nov. 2" dates a service, not a death).
    pub not_within: Vec<String>,
    /// Retry a rejected candidate without its last word, down to one word.
    pub shrink: bool,
    /// Lower case; matched ASCII case-insensitively on word boundaries.
    pub keywords: Vec<String>,
    pub keyword_window: Option<usize>,
    /// Only a keyword before the match counts for the window ("Fax: 555 0100", not the number
    /// before "fax" in "Call 555 0100, fax 555 0101").
    pub keyword_before: bool,
    pub validator: Option<Validator>,
    pub confidence: f32,
    /// Whose identifier this is: staff identifiers are reported but never make a post PHI.
    pub subject: Subject,
    /// What a finding points at: the rule's own `reach`, or its category's. A date of birth
    /// points at a person where a date alone names no one.
    pub reach: Reach,
    pub fix: Option<String>,
    pub examples_match: Vec<String>,
    pub examples_no_match: Vec<String>,
    pub origin: RuleOrigin,
}

impl Rule {
    /// The advice shown with a finding: the rule's own, or its category's.
    pub fn fix(&self) -> &str {
        self.fix.as_deref().unwrap_or(self.category.fix())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    category: Spanned<String>,
    description: String,
    pattern: Option<Spanned<String>>,
    dictionary: Option<Spanned<String>>,
    not_dictionary: Option<Spanned<String>>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_within: Vec<String>,
    #[serde(default)]
    shrink: bool,
    #[serde(default)]
    keywords: Vec<String>,
    keyword_window: Option<usize>,
    #[serde(default)]
    keyword_before: bool,
    validator: Option<Spanned<String>>,
    confidence: Option<Spanned<f64>>,
    #[serde(default)]
    subject: Subject,
    reach: Option<Reach>,
    fix: Option<String>,
    #[serde(default)]
    examples: RawExamples,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawExamples {
    #[serde(rename = "match", default)]
    must_match: Vec<String>,
    #[serde(default)]
    no_match: Vec<String>,
}

/// A rule's veto words as they are compared: trimmed and in lower case.
fn lower_case(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.trim().to_lowercase()).collect()
}

/// Rewrites `\b`/`\B` to their ASCII forms, leaving escaped backslashes alone.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            // `\b{start-half}` and its kin keep their name inside the ASCII group.
            Some(b @ ('b' | 'B')) => {
                out.push_str("(?-u:\\");
                out.push(b);
                if chars.peek() == Some(&'{') {
                    for c in chars.by_ref() {
                        out.push(c);
                        if c == '}' {
                            break;
                        }
                    }
                }
                out.push(')');
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Whether rule patterns are compiled as they are loaded, to check them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compile {
    /// Yes, so that errors point at the rule file.
    Now,
    /// No: the shipped rules, which the registry test compiles.
    WhenUsed,
}

/// Parses and checks one rule file. `path` is only used in messages.
pub fn parse_rules(path: &str, text: &str) -> Result<Vec<Rule>, Vec<RuleError>> {
    parse_rules_compiled(path, text, Compile::Now)
}

fn parse_rules_compiled(
    path: &str,
    text: &str,
    compile: Compile,
) -> Result<Vec<Rule>, Vec<RuleError>> {
    let lines = crate::document::LineIndex::new(text, 1);
    let error_at = |offset: usize, message: String| {
        let (line, column) = lines.line_col(offset);
        RuleError {
            path: path.to_string(),
            line,
            column,
            message,
        }
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![error_at(offset, e.message().trim().to_string())]
    })?;
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for spanned in raw.rule {
        let rule_start = spanned.span().start;
        let raw = spanned.into_inner();
        let id = raw.id.get_ref().clone();
        let mut fail = |offset: usize, message: String| {
            errors.push(error_at(offset, format!("rule \"{id}\": {message}")));
        };
        if id.is_empty()
            || !id.split('.').all(|part| {
                !part.is_empty()
                    && part.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    })
            })
        {
            fail(
                raw.id.span().start,
                "id must be dotted lower-case words (e.g. \"mrn.labeled\")".into(),
            );
        }
        let category = Category::from_label(raw.category.get_ref());
        if category.is_none() {
            let labels: Vec<_> = Category::ALL.iter().map(|c| c.label()).collect();
            fail(
                raw.category.span().start,
                format!(
                    "unknown category \"{}\" (expected one of: {})",
                    raw.category.get_ref(),
                    labels.join(", ")
                ),
            );
        }
        let pattern = raw.pattern.as_ref().and_then(|p| {
            let source = ascii_word_boundaries(p.get_ref());
            // Checked with the cheapest compilation: the lazy DFAs add no errors to the NFA's.
            if compile == Compile::Now
                && let Err(e) = Pattern::check(&source)
            {
                fail(
                    p.span().start,
                    format!(
                        "invalid pattern: {}",
                        e.lines().last().unwrap_or_default().trim()
                    ),
                );
                return None;
            }
            Some(Pattern::new(source))
        });
        let mut dictionary_named = |d: &Spanned<String>| {
            let found = Dictionary::by_name(d.get_ref());
            if found.is_none() {
                fail(
                    d.span().start,
                    format!(
                        "unknown dictionary \"{}\" (expected one of: {})",
                        d.get_ref(),
                        Dictionary::names().join(", ")
                    ),
                );
            }
            found
        };
        let dictionary = raw.dictionary.as_ref().and_then(&mut dictionary_named);
        let not_dictionary = raw.not_dictionary.as_ref().and_then(&mut dictionary_named);
        if raw.pattern.is_none() && raw.dictionary.is_none() {
            fail(
                rule_start,
                "needs a pattern, a dictionary or both; this rule would never match".into(),
            );
        }
        let validator = raw.validator.as_ref().and_then(|v| {
            let found = Validator::by_name(v.get_ref());
            if found.is_none() {
                let names: Vec<_> = Validator::ALL.iter().map(|(n, _)| *n).collect();
                fail(
                    v.span().start,
                    format!(
                        "unknown validator \"{}\" (expected one of: {})",
                        v.get_ref(),
                        names.join(", ")
                    ),
                );
            }
            found
        });
        let confidence = raw.confidence.as_ref().map_or(0.5, |c| *c.get_ref());
        if !(0.0..=1.0).contains(&confidence) {
            fail(
                raw.confidence
                    .as_ref()
                    .map_or(rule_start, |c| c.span().start),
                format!("confidence {confidence} is outside 0.0..=1.0"),
            );
        }
        let keywords: Vec<String> = raw
            .keywords
            .iter()
            .map(|k| k.trim().to_ascii_lowercase())
            .collect();
        if keywords.iter().any(|k| k.is_empty()) {
            fail(rule_start, "keywords must not be empty strings".into());
        }
        if raw.keyword_window.is_some() && keywords.is_empty() {
            fail(
                rule_start,
                "keyword_window without keywords has no effect".into(),
            );
        }
        if raw.keyword_before && raw.keyword_window.is_none() {
            fail(
                rule_start,
                "keyword_before without keyword_window has no effect".into(),
            );
        }
        for example in &raw.examples.must_match {
            let lower = example.to_ascii_lowercase();
            if !keywords.is_empty() && !keywords.iter().any(|k| lower.contains(k.as_str())) {
                fail(
                    rule_start,
                    format!(
                        "example {example:?} contains none of the keywords, so the prefilter would skip it"
                    ),
                );
            }
        }
        let (Some(category), true) = (category, errors.is_empty()) else {
            continue;
        };
        rules.push(Rule {
            id,
            category,
            description: raw.description,
            pattern,
            dictionary,
            not_dictionary,
            not_before: lower_case(&raw.not_before),
            not_after: lower_case(&raw.not_after),
            not_within: lower_case(&raw.not_within),
            shrink: raw.shrink,
            keywords,
            keyword_window: raw.keyword_window,
            keyword_before: raw.keyword_before,
            validator,
            confidence: confidence as f32,
            subject: raw.subject,
            reach: raw.reach.unwrap_or(category.reach()),
            fix: raw.fix,
            examples_match: raw.examples.must_match,
            examples_no_match: raw.examples.no_match,
            origin: RuleOrigin {
                path: path.to_string(),
                line: lines.line_col(rule_start).0,
            },
        });
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The rules in effect for a scan: the shipped ones, then user files in order, a later rule
/// replacing an earlier one with the same id; then the disabled ids removed.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The shipped rules alone.
    pub fn builtin() -> RuleSet {
        // The registry test proves every shipped file parses; a failure here is a build bug.
        let parse = |(name, text): &(&str, &str)| {
            parse_rules_compiled(&format!("builtin:{name}"), text, Compile::WhenUsed)
                .unwrap_or_else(|e| panic!("shipped rules are broken: {}", e[0]))
        };
        // A draft waits for its rules before anything else can start: the first file, the
        // names (half of all the text), is parsed on a thread of its own beside the others.
        let (first, rest) = BUILTIN.split_first().expect("rule files are shipped");
        let (mut rules, others) = std::thread::scope(|scope| {
            let names = scope.spawn(|| parse(first));
            let others: Vec<Rule> = rest.iter().flat_map(parse).collect();
            let names = names
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (names, others)
        });
        rules.extend(others);
        RuleSet { rules }
    }

    /// The shipped rules plus every `.toml` file under `paths`, minus `disabled` ids.
    pub fn load(paths: &[PathBuf], disabled: &[String]) -> Result<RuleSet, Vec<RuleError>> {
        let mut set = RuleSet::builtin();
        let mut errors = Vec::new();
        for file in rule_files(paths, &mut errors) {
            let display = file.display().to_string();
            match std::fs::read_to_string(&file) {
                Ok(text) => match parse_rules(&display, &text) {
                    Ok(rules) => rules.into_iter().for_each(|r| set.insert(r)),
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(RuleError {
                    path: display,
                    line: 0,
                    column: 0,
                    message: format!("cannot read rule file: {e}"),
                }),
            }
        }
        for id in disabled {
            if !set.rules.iter().any(|r| &r.id == id) {
                errors.push(RuleError {
                    path: "configuration".into(),
                    line: 0,
                    column: 0,
                    message: format!("cannot disable unknown rule \"{id}\""),
                });
            }
        }
        set.rules.retain(|r| !disabled.contains(&r.id));
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    fn insert(&mut self, rule: Rule) {
        match self.rules.iter_mut().find(|r| r.id == rule.id) {
            Some(slot) => *slot = rule,
            None => self.rules.push(rule),
        }
    }

    /// Finds a rule by id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Expands files and folders into the sorted list of rule files they hold.
fn rule_files(paths: &[PathBuf], errors: &mut Vec<RuleError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(entry) if entry.file_type().is_file() && is_rule_file(entry.path()) => {
                        found.push(entry.into_path())
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(RuleError {
                        path: e.path().unwrap_or(path).display().to_string(),
                        line: 0,
                        column: 0,
                        message: format!("cannot read rule folder: {e}"),
                    }),
                }
            }
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push(RuleError {
                path: path.display().to_string(),
                line: 0,
                column: 0,
                message: "rule path does not exist".into(),
            });
        }
    }
    files
}

/// Whether `path` is a rule file phiscan would load from a folder.
fn is_rule_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_is_registered_and_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| is_rule_file(p))
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = BUILTIN.iter().map(|(name, _)| name.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
        for (name, text) in BUILTIN {
            parse_rules(name, text).unwrap_or_else(|e| panic!("{}", e[0]));
        }
    }

    #[test]
    fn shipped_ids_are_unique_and_every_category_is_covered() {
        let set = RuleSet::builtin();
        let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate rule ids");
        for c in Category::ALL {
            assert!(set.rules.iter().any(|r| r.category == c), "no rule for {c}");
        }
        for r in &set.rules {
            assert!(
                !r.examples_match.is_empty() && !r.examples_no_match.is_empty(),
                "{} lacks examples",
                r.id
            );
        }
    }

    #[test]
    fn errors_point_at_the_line() {
        let text = "[[rule]]\nid = \"x.y\"\ncategory = \"NAME\"\ndescription = \"d\"\npattern = '(unclosed'\n";
        let err = parse_rules("my.toml", text).unwrap_err();
        assert_eq!(err[0].line, 5);
        assert!(
            err[0]
                .to_string()
                .starts_with("my.toml:5:11: rule \"x.y\": invalid pattern"),
            "{}",
            err[0]
        );

        let text =
            "[[rule]]\nid = \"x.y\"\ncategory = \"NAMES\"\ndescription = \"d\"\npattern = 'a'\n";
        let err = parse_rules("my.toml", text).unwrap_err();
        assert!(
            err[0]
                .to_string()
                .starts_with("my.toml:3:12: rule \"x.y\": unknown category \"NAMES\""),
            "{}",
            err[0]
        );

        let text =
            "[[rule]]\nid = \"x.y\"\ncategory = \"NAME\"\ndescription = \"d\"\npatern = 'a'\n";
        let err = parse_rules("my.toml", text).unwrap_err();
        assert_eq!(
            (err[0].line, err[0].message.contains("unknown field")),
            (5, true),
            "{}",
            err[0]
        );

        let text = "[[rule]]\nid = \"x.y\"\ncategory = \"NAME\"\ndescription = \"d\"\npattern = 'a'\nvalidator = \"luhnn\"\n";
        let err = parse_rules("my.toml", text).unwrap_err();
        assert!(
            err[0]
                .message
                .contains("unknown validator \"luhnn\" (expected one of: luhn"),
            "{}",
            err[0]
        );
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_word_boundaries(r"\b\d+\b"), r"(?-u:\b)\d+(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"\\b"), r"\\b");
        assert_eq!(
            ascii_word_boundaries(r"\b{start-half}\p{Lu}\b{end-half}"),
            r"(?-u:\b{start-half})\p{Lu}(?-u:\b{end-half})"
        );
    }

    #[test]
    fn user_rules_override_by_id_and_disable() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("extra.toml");
        std::fs::write(&file, "[[rule]]\nid = \"ssn.formatted\"\ncategory = \"SSN\"\ndescription = \"mine\"\npattern = 'x'\n[[rule]]\nid = \"org.staff_id\"\ncategory = \"OTHER_ID\"\ndescription = \"d\"\npattern = 'EMP-\\d+'\n").unwrap();
        let set =
            RuleSet::load(&[dir.path().to_path_buf()], &["email.address".to_string()]).unwrap();
        assert_eq!(set.get("ssn.formatted").unwrap().description, "mine");
        assert!(set.get("org.staff_id").is_some());
        assert!(set.get("email.address").is_none());
    }
}
