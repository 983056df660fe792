//! The terminal report: per file, each post that has findings with its verdict first, then
//! each finding with its location, category, rule, masked value, masked context and how to
//! fix (with `--explain`, also every reason that decided it: rule, confidence, dictionary,
//! validator, nearby keyword); a one-paragraph summary at the end. Clean posts are only
//! counted.

use super::{ReportStream, Style};
use crate::inputs::InputError;
use crate::report::{FileReport, Summary};
use crate::verdict::Verdict;
use std::io::{self, Write};

struct Paint {
    color: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn verdict(&self, verdict: Verdict) -> String {
        let (code, label) = match verdict {
            Verdict::Block => ("1;31", "BLOCK"),
            Verdict::Review => ("1;33", "REVIEW"),
            Verdict::Pass => ("1;32", "PASS"),
        };
        self.paint(code, label)
    }
}

/// The terminal report, written as each input is scanned.
pub struct Human<'a> {
    paint: Paint,
    style: Style,
    out: &'a mut dyn Write,
}

impl<'a> Human<'a> {
    pub fn new(style: Style, out: &'a mut dyn Write) -> Human<'a> {
        Human {
            paint: Paint { color: style.color },
            style,
            out,
        }
    }
}

impl ReportStream for Human<'_> {
    fn file(&mut self, file: &FileReport) -> io::Result<()> {
        let (p, out, style) = (&self.paint, &mut *self.out, self.style);
        if let Some(reason) = &file.skipped {
            return writeln!(out, "{}: skipped: {reason}", p.paint("35", &file.path));
        }
        for warning in &file.warnings {
            writeln!(out, "{}: warning: {warning}", p.paint("35", &file.path))?;
        }
        for doc in file.documents.iter().filter(|d| !d.findings.is_empty()) {
            let place = match &doc.record {
                Some(record) => format!("{} ({record})", file.path),
                None => file.path.clone(),
            };
            writeln!(out, "{}", p.paint("35", &place))?;
            writeln!(
                out,
                "  {} {}",
                p.verdict(doc.verdict),
                doc.reasons.join("; ")
            )?;
            for f in &doc.findings {
                let mut at = format!("{}:{}", f.location.line, f.location.column);
                if let Some(field) = &f.location.field {
                    at.push_str(&format!(" {field}"));
                }
                let state = match &f.suppressed {
                    Some(why) => format!("  {}", p.paint("2", &format!("(suppressed: {why})"))),
                    None => String::new(),
                };
                writeln!(
                    out,
                    "  {}  {}  {}  {}  confidence {:.2}{state}",
                    p.paint("32", &at),
                    p.paint("1", f.category.label()),
                    f.rule_id,
                    p.paint("1;31", &f.value),
                    f.confidence
                )?;
                writeln!(out, "      {}", f.context)?;
                if style.explain {
                    writeln!(
                        out,
                        "      rule: {} ({}), confidence {:.2}",
                        f.rule_id,
                        f.category.label(),
                        f.confidence
                    )?;
                    for reason in &f.reasons {
                        writeln!(out, "      why: {reason}")?;
                    }
                }
                writeln!(out, "      fix: {}", f.fix)?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, errors: &[InputError], summary: &Summary) -> io::Result<()> {
        if self.style.summary {
            write_summary(summary, self.out)?;
        }
        for error in errors {
            writeln!(self.out, "{} {error}", self.paint.paint("1;31", "error:"))?;
        }
        Ok(())
    }
}

/// The closing paragraph: counts of files, posts by verdict, findings by category.
fn write_summary(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    let verdict = |name: &str| s.verdicts.get(name).copied().unwrap_or(0);
    writeln!(
        out,
        "{} file(s) scanned, {} skipped, {} failed; {} post(s): {} block, {} review, {} pass; {} finding(s), {} suppressed; {} record(s) could not be read",
        s.files_scanned,
        s.files_skipped,
        s.files_failed,
        s.documents,
        verdict("block"),
        verdict("review"),
        verdict("pass"),
        s.findings,
        s.suppressed,
        s.records_failed
    )?;
    if !s.categories.is_empty() {
        let by: Vec<String> = s
            .categories
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        writeln!(out, "by category: {}", by.join(", "))?;
    }
    Ok(())
}
