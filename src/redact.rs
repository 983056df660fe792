//! The one way from a raw match to an output finding. Every report format receives
//! [`RedactedFinding`]s built here, so masking cannot be forgotten by a new format.
//!
//! Masking keeps the shape a reader needs to recognise what was found and nothing that
//! identifies: the first letter of each word, punctuation, and for long numbers the last four
//! digits (`M**** G*****`, `***-**-8841`, `**/**/1951`: a year alone is not an identifier).

use crate::document::{Document, Location};
use crate::engine::Match;
use crate::literals::LiteralSet;
use crate::report::RedactedFinding;
use crate::rules::Rule;
use crate::rules::category::Category;

/// Characters of context on each side of a finding.
const CONTEXT_CHARS: usize = 40;

/// What masking needs to know about all the matches of one document, worked out once so that a
/// document with thousands of findings costs linear time, not quadratic.
pub struct DocumentMatches<'a> {
    doc: &'a Document,
    matches: &'a [Match],
    rules: &'a [Rule],
    /// For each match: how many earlier matches of the same rule have the same value.
    occurrences: Vec<usize>,
    /// Every distinct matched value, to mask it wherever else it stands, with its category.
    values: LiteralSet<'a>,
    value_categories: Vec<Category>,
}

impl<'a> DocumentMatches<'a> {
    /// `matches` as the engine returns them: sorted by position and disjoint.
    pub fn new(doc: &'a Document, matches: &'a [Match], rules: &'a [Rule]) -> Self {
        let mut seen: rustc_hash::FxHashMap<(usize, &str), usize> = Default::default();
        let mut distinct: Vec<(&str, Category)> = Vec::new();
        let mut distinct_seen = rustc_hash::FxHashSet::default();
        let occurrences = matches
            .iter()
            .map(|m| {
                let raw = &doc.text[m.start..m.end];
                let count = seen.entry((m.rule, raw)).or_insert(0);
                if *count == 0 && distinct_seen.insert(raw) {
                    distinct.push((raw, rules[m.rule].category));
                }
                *count += 1;
                *count - 1
            })
            .collect();
        DocumentMatches {
            doc,
            matches,
            rules,
            occurrences,
            values: LiteralSet::new(distinct.iter().map(|(v, _)| *v).collect()),
            value_categories: distinct.iter().map(|(_, c)| *c).collect(),
        }
    }

    /// Masks every matched value of the document that stands in `text`.
    fn mask_known_values(&self, text: &str) -> String {
        let run_before = |at: usize| -> usize {
            text[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum()
        };
        let run_after = |at: usize| -> usize {
            text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum()
        };
        // Each value widened to the whole run of letters or digits it stands in (its masked
        // form beside the rest of the run could otherwise spell it again), and values whose
        // runs overlap joined, masked as one in the first one's way: "48213377um03/14/1951"
        // must not show "03" of the date as kept digits of the number and the rest unmasked.
        // Joined values keep nothing: the digits a number's mask keeps could be the other's.
        let mut spans: Vec<(usize, usize, Option<Category>)> = Vec::new();
        // Overlapping occurrences too: a value that shares a digit with another ("12345678" and
        // "8/14/1951" in "12345678/14/1951") would otherwise be found once and spelled by the rest.
        for (start, end, value) in self.values.find_overlapping(text) {
            let (start, end) = (start - run_before(start), end + run_after(end));
            match spans.last_mut() {
                Some(last) if start < last.1 => *last = (last.0, last.1.max(end), None),
                _ => spans.push((start, end, Some(self.value_categories[value]))),
            }
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (start, end, category) in spans {
            out.push_str(&text[at..start]);
            match category {
                Some(category) => out.push_str(&mask(&text[start..end], category)),
                None => out.extend(
                    text[start..end]
                        .chars()
                        .map(|c| if c.is_alphanumeric() { '*' } else { c }),
                ),
            }
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// Masks one identifier of `category`.
pub fn mask(value: &str, category: Category) -> String {
    if category == Category::Date {
        return mask_date(value);
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let keep_digits_from = if digits >= 8 { digits - 4 } else { usize::MAX };
    let mut seen_digits = 0;
    let mut previous_alphabetic = false;
    value
        .chars()
        .map(|c| {
            let out = if c.is_ascii_digit() {
                seen_digits += 1;
                if seen_digits > keep_digits_from {
                    c
                } else {
                    '*'
                }
            } else if c.is_alphabetic() {
                if previous_alphabetic { '*' } else { c }
            } else if c.is_alphanumeric() {
                '*'
            } else {
                c
            };
            previous_alphabetic = c.is_alphabetic();
            out
        })
        .collect()
}

/// A date keeps only its year, which Safe Harbor allows: "M**** *, 2019", "**/**/1941".
fn mask_date(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        let run = rest
            .find(|x: char| !x.is_ascii_digit())
            .unwrap_or(rest.len());
        if run == 4 {
            out.push_str(&rest[..4]);
            rest = &rest[4..];
        } else if run > 0 {
            out.extend(std::iter::repeat_n('*', run));
            rest = &rest[run..];
        } else {
            out.push(
                if c.is_alphabetic() && !out.ends_with(char::is_alphabetic) && !out.ends_with('*') {
                    c
                } else if c.is_alphanumeric() {
                    '*'
                } else {
                    c
                },
            );
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The text around `matches[index]` with every match in view masked, on one line.
fn context(all: &DocumentMatches<'_>, index: usize, show_values: bool) -> String {
    let (doc, matches, rules) = (all.doc, all.matches, all.rules);
    let target = &matches[index];
    // The context stays inside the finding's own field: the next field of a record is another
    // thing altogether (an id, a timestamp).
    let (piece_start, piece_end) = doc.piece_bounds(target.start);
    let text = &doc.text[..piece_end];
    let mut start = target.start;
    for _ in 0..CONTEXT_CHARS {
        match text[piece_start..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    let mut end = target.end.min(piece_end);
    for _ in 0..CONTEXT_CHARS {
        match text[end..].chars().next() {
            Some(c) => end += c.len_utf8(),
            None => break,
        }
    }
    // Never cut an identifier in half, so that its mask covers it all: widen the view to a
    // whole match, or where it reaches beyond the field, stop short of it. Matches are sorted
    // and disjoint, so only those near the view need a look.
    let near =
        matches.partition_point(|m| m.end <= start)..matches.partition_point(|m| m.start < end);
    for m in &matches[near.clone()] {
        if m.start < start && m.end > start {
            start = if m.start >= piece_start {
                m.start
            } else {
                m.end.min(end)
            };
        }
        if m.start < end && m.end > end {
            end = if m.end <= piece_end {
                m.end
            } else {
                m.start.max(start)
            };
        }
    }
    let mut out = String::new();
    if start > piece_start {
        out.push('…');
    }
    let mut at = start;
    for m in matches[near]
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
    {
        out.push_str(&text[at..m.start]);
        let value = &text[m.start..m.end];
        if show_values {
            out.push_str(value)
        } else {
            out.push_str(&mask(value, rules[m.rule].category))
        }
        at = m.end;
    }
    out.push_str(&text[at..end]);
    if end < text.len() {
        out.push('…');
    }
    // Control characters are shown as spaces, before the repeats are looked for: "Maria",
    // a control character and "Gonzalez" would otherwise be shown as the name it spells.
    let out: String = out
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if show_values {
        return out;
    }
    // The same value may stand again where no rule saw it ("536-22-8841a"): mask it there
    // too, so that finding it once is enough to never print it.
    all.mask_known_values(&out)
}

/// What `redact` needs to know about one match besides the match itself.
pub struct MatchInfo {
    pub location: Location,
    pub suppressed: Option<String>,
    pub fingerprint: String,
}

/// Identifies a finding across scans for baselines and SARIF: rule, path (without `./`),
/// record, field, the value and which occurrence of it in the document this is, so that it
/// survives lines moving. With a key (`PHISCAN_BASELINE_KEY`) it is an HMAC-SHA-256 of the raw
/// value, which nobody without the key can reverse by guessing (an SSN has only 10^9 values);
/// without one it hashes the masked value only, never the raw one.
pub fn fingerprint(
    key: Option<&[u8]>,
    path: &str,
    all: &DocumentMatches<'_>,
    index: usize,
    location: &Location,
) -> String {
    use hmac::{KeyInit, Mac};
    let m = &all.matches[index];
    let rule = &all.rules[m.rule];
    let raw = &all.doc.text[m.start..m.end];
    let masked = mask(raw, rule.category);
    let value = if key.is_some() {
        raw.to_string()
    } else {
        masked
    };
    let occurrence = all.occurrences[index].to_string();
    let parts = [
        rule.id.as_str(),
        path.trim_start_matches("./"),
        location.record.as_deref().unwrap_or(""),
        location.field.as_deref().unwrap_or(""),
        value.as_str(),
        occurrence.as_str(),
    ];
    match key.and_then(|k| hmac::Hmac::<sha2::Sha256>::new_from_slice(k).ok()) {
        Some(mut mac) => {
            for part in parts {
                mac.update(part.as_bytes());
                mac.update(&[0xff]);
            }
            mac.finalize()
                .into_bytes()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        }
        // The parts are joined as the keyed hash joins them, each closed by a 0xff byte.
        None => {
            let joined = parts.iter().flat_map(|part| part.bytes().chain([0xff]));
            format!("{:016x}", crate::shard::fnv1a(joined))
        }
    }
}

/// Builds the output finding for `matches[index]` of `doc`.
pub fn redact(
    all: &DocumentMatches<'_>,
    index: usize,
    info: MatchInfo,
    show_values: bool,
) -> RedactedFinding {
    let m = &all.matches[index];
    let rule = &all.rules[m.rule];
    let raw = &all.doc.text[m.start..m.end];
    let masked_context = context(all, index, false);
    let masked = mask(raw, rule.category);
    let fingerprint = info.fingerprint;
    RedactedFinding {
        rule_id: rule.id.clone(),
        category: rule.category,
        confidence: m.confidence,
        value: if show_values { raw.to_string() } else { masked },
        context: if show_values {
            context(all, index, true)
        } else {
            masked_context
        },
        location: info.location,
        start: m.start,
        end: m.end,
        reasons: m.reasons.clone(),
        fix: rule.fix().to_string(),
        suppressed: info.suppressed,
        fingerprint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_shape_not_identity() {
        assert_eq!(mask("Maria Gonzalez", Category::Name), "M**** G*******");
        assert_eq!(mask("536-22-8841", Category::Ssn), "***-**-8841");
        assert_eq!(mask("515452", Category::Mrn), "******");
        assert_eq!(mask("José Núñez", Category::Name), "J*** N****");
        assert_eq!(
            mask("maria.g@mail.com", Category::Email),
            "m****.g@m***.c**"
        );
    }

    #[test]
    fn dates_keep_only_the_year() {
        assert_eq!(mask("03/14/1951", Category::Date), "**/**/1951");
        assert_eq!(mask("2026-11-02", Category::Date), "2026-**-**");
        assert_eq!(mask("March 3, 2019", Category::Date), "M**** *, 2019");
        assert_eq!(
            mask("the 25th of April", Category::Date),
            "t** **** o* A****"
        );
    }

    #[test]
    fn context_stays_in_its_field_and_never_shows_half_a_match() {
        let mut b = Document::builder(Some("/0".into()));
        b.push(
            "id 1700000000000000100",
            Some("/0/id".into()),
            0,
            Vec::new(),
        );
        b.push("our patient", Some("/0/a".into()), 30, Vec::new());
        b.push(
            "Maria Gonzalez was admitted",
            Some("/0/b".into()),
            60,
            Vec::new(),
        );
        let doc = b.finish();
        let rules = crate::rules::RuleSet::builtin();
        let name = doc.text.find("Maria").unwrap();
        let patient = doc.text.find("patient").unwrap();
        // One match inside the second field, one straddling into the third.
        let matches = vec![
            Match {
                rule: 0,
                start: patient,
                end: patient + 7,
                confidence: 0.5,
                reasons: vec![],
            },
            Match {
                rule: 0,
                start: patient + 8,
                end: name + 5,
                confidence: 0.5,
                reasons: vec![],
            },
        ];
        let c = context(
            &DocumentMatches::new(&doc, &matches, &rules.rules),
            0,
            false,
        );
        assert!(!c.contains("1700") && !c.contains("Maria"), "{c}");
    }

    #[test]
    fn context_masks_every_identifier_in_view() {
        let doc =
            Document::plain("Please pray for Maria Gonzalez, SSN 536-22-8841, in room 4".into());
        let matches = vec![
            Match {
                rule: 0,
                start: 16,
                end: 30,
                confidence: 0.7,
                reasons: vec![],
            },
            Match {
                rule: 1,
                start: 36,
                end: 47,
                confidence: 0.9,
                reasons: vec![],
            },
        ];
        let rules = crate::rules::RuleSet::builtin();
        let rule = |id: &str| rules.rules.iter().position(|r| r.id == id).unwrap();
        let matches: Vec<Match> = matches
            .into_iter()
            .zip([rule("name.full"), rule("ssn.formatted")])
            .map(|(m, r)| Match { rule: r, ..m })
            .collect();
        let c = context(
            &DocumentMatches::new(&doc, &matches, &rules.rules),
            0,
            false,
        );
        assert_eq!(
            c,
            "Please pray for M**** G*******, SSN ***-**-8841, in room 4"
        );
    }

    /// Found by fuzzing: a number and a date run together ("...77um03/14/1951") were masked
    /// one after the other, the number keeping its last digits, "03" among them, and the date
    /// then skipped: "03" + "/14/1951" spelled the date again.
    #[test]
    fn values_run_together_are_masked_as_one() {
        let text = "MRN 48213377, DOB 03/14/1951; again 48213377um03/14/1951, ok";
        let doc = Document::plain(text.into());
        let rules = crate::rules::RuleSet::builtin();
        let rule = |id: &str| rules.rules.iter().position(|r| r.id == id).unwrap();
        let matches = vec![
            Match {
                rule: rule("mrn.labeled"),
                start: 4,
                end: 12,
                confidence: 0.9,
                reasons: vec![],
            },
            Match {
                rule: rule("date.of_birth_or_stay"),
                start: 18,
                end: 28,
                confidence: 0.8,
                reasons: vec![],
            },
        ];
        let all = DocumentMatches::new(&doc, &matches, &rules.rules);
        let masked = all.mask_known_values("again 48213377um03/14/1951, ok");
        assert!(
            !masked.contains("03/14/1951") && !masked.contains("48213377"),
            "{masked}"
        );
        assert_eq!(masked, "again ************/**/****, ok");
    }
}
