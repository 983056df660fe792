//! `.phiscan.toml`: found in the current folder or the nearest parent (or given with
//! `--config`, or `PHISCAN_CONFIG`), it adds rule files, disables rules, sets the fail level
//! and excludes, and lists the organisation's own public identifiers so that they never count.

use crate::rules::RuleError;
use crate::verdict::Verdict;
use regex::Regex;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = ".phiscan.toml";

/// The starter file `phiscan init` writes.
pub const STARTER: &str = r#"# phiscan configuration. Found in this folder or any parent; see `phiscan --help`.

# Extra rule files or folders, relative to this file. A rule with the id of a shipped rule
# replaces it.
# rules = ["phiscan-rules/"]

# Shipped or extra rules to turn off, by id (`phiscan rules list`).
# disable = ["other_id.handle"]

# Exit with code 1 when any post is at or above this verdict: "block", "review" or "never".
fail_on = "review"

# Paths to leave out, as globs matched against each path and file name.
exclude = ["node_modules", "*.min.js"]

# The organisation's own public identifiers: findings equal to one of these never count
# (compared ignoring case, spaces and punctuation). Put your name, main phone, address, web
# site and the staff who have agreed to be named here.
[allowlist]
strings = [
  # "Mercy General Hospital",
  # "(555) 010-2000",
  # "1200 Hospital Way",
]
# Regular expressions that must match the whole identifier.
regexes = [
  # '''(?i)[a-z.]+@mercygeneral\.org''',
]

# What one input may cost; each limit hit is reported, never silently skipped. The defaults:
# [limits]
# max_file_bytes = 4294967296            # larger files are not read
# max_record_bytes = 67108864            # larger posts (one record's text) are not scanned
# max_archive_entry_bytes = 536870912    # larger ZIP entries are not read
# max_archive_ratio = 200                # nor entries expanding more (a ZIP bomb)
# max_archive_total_bytes = 4294967296   # nor entries beyond this much from one archive
# max_archive_depth = 3                  # zips inside zips, at most this deep
# max_json_depth = 512                   # deeper JSON is reported as malformed
# max_findings_per_document = 1000       # more are counted in the verdict, not listed
"#;

/// The fail level: documents at or above it make the exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Block,
    Review,
    Never,
}

impl FailOn {
    /// Whether a document with `verdict` fails the run.
    pub fn fails(self, verdict: Verdict) -> bool {
        match self {
            FailOn::Block => verdict >= Verdict::Block,
            FailOn::Review => verdict >= Verdict::Review,
            FailOn::Never => false,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
struct RawConfig {
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    disable: Vec<String>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    allowlist: RawAllowlist,
    #[serde(default)]
    limits: crate::limits::Limits,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAllowlist {
    #[serde(default)]
    strings: Vec<String>,
    #[serde(default)]
    regexes: Vec<toml::Spanned<String>>,
}

/// A loaded configuration. The default is what phiscan does without a file.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from.
    pub path: Option<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub disable: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub exclude: Vec<String>,
    pub allowlist: Allowlist,
    /// What one input may cost (`[limits]`).
    pub limits: crate::limits::Limits,
}

/// The organisation's own identifiers.
#[derive(Debug, Default)]
pub struct Allowlist {
    /// As written, to find them in a text.
    phrases: Vec<String>,
    /// Normalised with [`normalise`], to compare with a finding written differently.
    strings: Vec<String>,
    regexes: Vec<Regex>,
}

/// Lower case letters and digits only, so "(555) 010-2000" equals "555.010.2000".
fn normalise(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Allowlist {
    /// Whether the finding at `start..end` of `text` is one of the organisation's own: it
    /// equals an allowlisted string written another way ("555.010.2000" for "(555) 010-2000"),
    /// or lies inside an allowlisted string or regex match ("Mercy" in "Mercy General
    /// Hospital").
    pub fn allows(&self, text: &str, start: usize, end: usize) -> bool {
        let normal = normalise(&text[start..end]);
        let covers = |(s, e): (usize, usize)| s <= start && end <= e;
        (!normal.is_empty() && self.strings.contains(&normal))
            || self.phrases.iter().any(|phrase| {
                // Only an occurrence starting at most its length before the finding can cover it.
                let bytes = text.as_bytes();
                (end.saturating_sub(phrase.len())..=start).any(|at| {
                    bytes
                        .get(at..at + phrase.len())
                        .is_some_and(|there| there.eq_ignore_ascii_case(phrase.as_bytes()))
                        && covers((at, at + phrase.len()))
                })
            })
            || self.regexes.iter().any(|r| {
                let window_start = text.floor_char_boundary(start.saturating_sub(256));
                let window_end = text.ceil_char_boundary((end + 256).min(text.len()));
                r.find_iter(&text[window_start..window_end])
                    .any(|m| covers((window_start + m.start(), window_start + m.end())))
            })
    }
}

impl Config {
    /// Finds the configuration: `explicit`, else `PHISCAN_CONFIG`, else `.phiscan.toml` in
    /// `start` or its nearest parent. No file is the default configuration.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, Vec<RuleError>> {
        let env = std::env::var_os("PHISCAN_CONFIG").map(PathBuf::from);
        let found = explicit.map(Path::to_path_buf).or(env).or_else(|| {
            start
                .ancestors()
                .map(|dir| dir.join(FILE_NAME))
                .find(|p| p.is_file())
        });
        match found {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    }

    /// Reads and checks one configuration file.
    pub fn load(path: &Path) -> Result<Config, Vec<RuleError>> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![RuleError {
                path: display.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read configuration: {e}"),
            }]
        })?;
        Config::parse(&display, &text, path.parent().unwrap_or(Path::new(".")))
    }

    fn parse(display: &str, text: &str, base: &Path) -> Result<Config, Vec<RuleError>> {
        let error_at = |offset: usize, message: String| {
            let index = crate::document::LineIndex::new(text, 1);
            let (line, column) = index.line_col(offset);
            RuleError {
                path: display.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            vec![error_at(
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )]
        })?;
        let mut errors = Vec::new();
        if raw.limits.max_json_depth > crate::limits::MAX_JSON_DEPTH {
            errors.push(error_at(
                text.find("max_json_depth").unwrap_or(0),
                format!(
                    "limits.max_json_depth can be at most {}: deeper parsing would risk the stack",
                    crate::limits::MAX_JSON_DEPTH
                ),
            ));
        }
        let mut regexes = Vec::new();
        for r in &raw.allowlist.regexes {
            match Regex::new(r.get_ref()) {
                Ok(re) => regexes.push(re),
                Err(e) => errors.push(error_at(
                    r.span().start,
                    format!(
                        "invalid allowlist regex: {}",
                        e.to_string().lines().last().unwrap_or_default().trim()
                    ),
                )),
            }
        }
        for glob in &raw.exclude {
            if let Err(e) = globset::Glob::new(glob) {
                errors.push(error_at(0, format!("invalid exclude glob {glob:?}: {e}")));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            path: Some(PathBuf::from(display)),
            rules: raw
                .rules
                .into_iter()
                .map(|p| if p.is_absolute() { p } else { base.join(p) })
                .collect(),
            disable: raw.disable,
            fail_on: raw.fail_on,
            exclude: raw.exclude,
            limits: raw.limits,
            allowlist: Allowlist {
                strings: raw.allowlist.strings.iter().map(|s| normalise(s)).collect(),
                phrases: raw.allowlist.strings,
                regexes,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_file_parses() {
        let config = Config::parse("init.toml", STARTER, Path::new(".")).unwrap();
        assert_eq!(config.fail_on, Some(FailOn::Review));
    }

    #[test]
    fn allowlist_ignores_formatting() {
        let text = "[allowlist]\nstrings = [\"(555) 010-2000\", \"Mercy General\"]\nregexes = ['(?i)[a-z]+@mercy\\.org']\n";
        let config = Config::parse("c.toml", text, Path::new(".")).unwrap();
        let allows = |text: &str| config.allowlist.allows(text, 0, text.len());
        assert!(allows("555.010.2000"));
        assert!(allows("MERCY GENERAL"));
        assert!(allows("info@mercy.org"));
        assert!(!allows("maria@gmail.com"));
        let post = "Visit Mercy General today";
        assert!(
            config.allowlist.allows(post, 6, 11),
            "Mercy inside Mercy General"
        );
        assert!(!config.allowlist.allows(post, 0, 5));
    }

    #[test]
    fn errors_point_at_the_line() {
        let err = Config::parse("c.toml", "fail_on = \"review\"\nfial = 1\n", Path::new("."))
            .unwrap_err();
        assert_eq!(err[0].line, 2, "{}", err[0]);
        let err =
            Config::parse("c.toml", "[allowlist]\nregexes = ['(']\n", Path::new(".")).unwrap_err();
        assert!(
            err[0]
                .to_string()
                .starts_with("c.toml:2:12: invalid allowlist regex"),
            "{}",
            err[0]
        );
    }
}
