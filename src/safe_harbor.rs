//! `phiscan redact`: a copy of an input with every identifier replaced the way HIPAA Safe Harbor
//! allows: names and numbers by their category (`[NAME]`, `[MRN]`), dates reduced to the year,
//! ages over 89 to "90 or older", ZIP codes to their first three digits (`000` for the
//! restricted three-digit areas). Replacements are made in the source text at each finding's
//! own byte range, so a JSON, NDJSON or CSV file keeps its structure and only text values change.
//! Findings the allowlist or an inline marker suppresses are left as they are.

use crate::document::LineIndex;
use crate::inputs::{self, Format, InputError};
use crate::rules::category::Category;
use crate::rules::dictionaries::Dictionary;
use crate::scan::{ScanSettings, inline_markers, suppression};

/// One replacement in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// Byte range in the source text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub category: Category,
    pub rule_id: String,
    /// The identifier, masked as in reports (`--dry-run` shows it).
    pub masked: String,
    /// What the identifier becomes.
    pub with: String,
}

/// What Safe Harbor lets stand in place of `value`.
pub fn replacement(value: &str, category: Category) -> String {
    match category {
        Category::Date => {
            let year = value
                .split(|c: char| !c.is_ascii_digit())
                .find(|run| run.len() == 4);
            year.map_or_else(|| "[DATE]".to_string(), str::to_string)
        }
        Category::Age => "90 or older".to_string(),
        Category::Zip => {
            let zip3: String = value.chars().filter(char::is_ascii_digit).take(3).collect();
            if zip3.len() < 3 || Dictionary::ZIP3_RESTRICTED.contains(&zip3) {
                "000".to_string()
            } else {
                zip3
            }
        }
        other => format!("[{}]", other.label()),
    }
}

/// The redacted copy of `text` (read as `format`) and the replacements made; records that could
/// not be parsed are returned as errors and left unchanged in the copy.
pub fn redact_text(
    settings: &ScanSettings<'_>,
    format: Format,
    text: String,
    path: &str,
) -> (String, Vec<Replacement>, Vec<InputError>) {
    let json_like = matches!(format, Format::Json | Format::Ndjson | Format::TwitterJs);
    let mut source = String::new();
    let mut replacements = Vec::new();
    let rules = settings.engine.rules();
    let errors = inputs::each_batch(
        format,
        text,
        path,
        &settings.limits,
        &mut |batch, index: &LineIndex<'_>| {
            if source.is_empty() {
                source = index.source().to_string();
            }
            for doc in batch {
                let doc = &*crate::normalize::normalize(doc);
                let markers = inline_markers(settings, index, doc);
                for m in settings.engine.find(&doc.text) {
                    let rule = &rules[m.rule];
                    let location = index.locate(doc, m.start, m.end);
                    if suppression(settings, doc, index, &markers, &m, &rule.id, location.line)
                        .is_some()
                    {
                        continue;
                    }
                    let (start, mut end) = (doc.source_offset(m.start), doc.source_offset(m.end));
                    // "96th birthday" becomes "90 or older birthday", not "90 or olderth".
                    let ordinal = index.source()[end..].get(..2).is_some_and(|s| {
                        ["st", "nd", "rd", "th"].contains(&s.to_ascii_lowercase().as_str())
                    });
                    if rule.category == Category::Age && ordinal {
                        end += 2;
                    }
                    let mut with = replacement(&doc.text[m.start..m.end], rule.category);
                    // A JSON number (an MRN written as 48213377) becomes a string, so the file
                    // stays valid JSON.
                    let piece_start = doc.piece_source_start(m.start);
                    if json_like
                        && piece_start > 0
                        && index.source().as_bytes()[piece_start - 1] != b'"'
                    {
                        with = format!("\"{with}\"");
                    }
                    let masked = crate::redact::mask(&doc.text[m.start..m.end], rule.category);
                    replacements.push(Replacement {
                        start,
                        end,
                        line: location.line,
                        column: location.column,
                        category: rule.category,
                        rule_id: rule.id.clone(),
                        masked,
                        with,
                    });
                }
            }
        },
    );
    replacements.sort_by_key(|r| (r.start, r.end));
    replacements.dedup_by(|later, earlier| later.start < earlier.end);
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for r in &replacements {
        out.push_str(&source[at..r.start]);
        out.push_str(&r.with);
        at = r.end;
    }
    out.push_str(&source[at..]);
    (out, replacements, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::engine::Engine;
    use crate::rules::RuleSet;

    fn redact(format: Format, text: &str) -> String {
        let engine = Engine::new(RuleSet::builtin());
        let config = Config::default();
        let settings = ScanSettings::new(&engine, &config);
        redact_text(&settings, format, text.to_string(), "t").0
    }

    #[test]
    fn safe_harbor_replacements() {
        assert_eq!(replacement("03/14/1951", Category::Date), "1951");
        assert_eq!(replacement("June 15", Category::Date), "[DATE]");
        assert_eq!(replacement("96", Category::Age), "90 or older");
        assert_eq!(replacement("02139-4307", Category::Zip), "021");
        assert_eq!(replacement("03601", Category::Zip), "000");
        assert_eq!(replacement("Maria Gonzalez", Category::Name), "[NAME]");
    }

    #[test]
    fn text_json_and_csv_keep_their_shape() {
        assert_eq!(
            redact(
                Format::Text,
                "Please pray for Maria Gonzalez (DOB 03/14/1951), admitted."
            ),
            "Please pray for [NAME] (DOB 1951), admitted."
        );
        let json = redact(
            Format::Json,
            r#"[{"text": "Get well Jos\u00e9 Gonzalez, MRN 48213377", "mrn": 48213377, "id": 7}]"#,
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value[0]["text"], "Get well [NAME], MRN [MRN]");
        assert_eq!(value[0]["id"], 7);
        let csv = redact(
            Format::Csv,
            "id,text\n1,\"Happy 96th birthday, Rosa Delgado!\"\n",
        );
        assert_eq!(csv, "id,text\n1,\"Happy 90 or older birthday, [NAME]!\"\n");
    }
}
