//! The HTML report: one self-contained file (styles and the small filter script inline, no
//! fonts, images or links), for a compliance officer to read, filter and file. Posts with
//! findings come grouped with their verdict first, then each finding's location, category,
//! masked value, masked context and fix; a summary on top charts findings by category and by
//! file. Printing hides the filters and keeps each post on one page where it fits.
//!
//! Every piece of text from the scanned content is HTML-escaped: a post is data, never markup.

use crate::report::{FileReport, ScanReport};
use crate::verdict::Verdict;
use std::collections::BTreeMap;
use std::io::{self, Write};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Files named in the by-file chart; the rest are summed in one row.
const FILES_CHARTED: usize = 15;

/// Escapes text for HTML element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn verdict_badge(verdict: Verdict) -> String {
    let name = verdict.name();
    format!(
        "<span class=\"badge badge-{name}\">{}</span>",
        name.to_ascii_uppercase()
    )
}

/// A bar chart as a table: a label, a bar whose length is the count, and the count in digits.
fn chart(out: &mut dyn Write, caption: &str, rows: &[(String, usize)]) -> io::Result<()> {
    let largest = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    writeln!(
        out,
        "<table class=\"chart\"><caption>{}</caption>",
        escape(caption)
    )?;
    for (label, count) in rows {
        let width = (*count as f64 / largest as f64 * 100.0).max(0.5);
        writeln!(
            out,
            "<tr><th scope=\"row\" title=\"{label}\">{label}</th><td class=\"bar-cell\"><span class=\"bar\" style=\"width: {width:.1}%\"></span></td><td class=\"count\">{count}</td></tr>",
            label = escape(label)
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "<tr><td colspan=\"3\">nothing found</td></tr>")?;
    }
    writeln!(out, "</table>")
}

fn by_file(files: &[FileReport]) -> Vec<(String, usize)> {
    let mut rows: Vec<(String, usize)> = files
        .iter()
        .map(|f| {
            let count = f
                .documents
                .iter()
                .flat_map(|d| &d.findings)
                .filter(|x| x.suppressed.is_none())
                .count();
            (f.path.clone(), count)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if rows.len() > FILES_CHARTED {
        let rest: Vec<(String, usize)> = rows.split_off(FILES_CHARTED);
        let sum = rest.iter().map(|(_, n)| n).sum();
        rows.push((format!("{} other files", rest.len()), sum));
    }
    rows
}

pub fn write(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let summary = &report.summary;
    writeln!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>phiscan report</title>\n<style>\n{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(out, "<header><h1>phiscan report</h1>")?;
    writeln!(
        out,
        "<p class=\"meta\">phiscan {}: {} file(s) scanned, {} skipped, {} could not be read; {} post(s). Identifiers are masked.</p>",
        env!("CARGO_PKG_VERSION"),
        summary.files_scanned,
        summary.files_skipped,
        summary.files_failed,
        summary.documents
    )?;
    write!(out, "<p class=\"verdicts\">")?;
    for verdict in [Verdict::Block, Verdict::Review, Verdict::Pass] {
        let count = summary.verdicts.get(verdict.name()).copied().unwrap_or(0);
        write!(out, "{} {count} &nbsp; ", verdict_badge(verdict))?;
    }
    writeln!(
        out,
        "{} finding(s), {} suppressed</p></header>",
        summary.findings, summary.suppressed
    )?;

    writeln!(out, "<section class=\"summary\">")?;
    let categories: Vec<(String, usize)> = summary
        .categories
        .iter()
        .map(|(c, n)| (c.to_string(), *n))
        .collect();
    chart(out, "Findings by category", &categories)?;
    chart(out, "Findings by file", &by_file(&report.files))?;
    writeln!(out, "</section>")?;

    let problems: Vec<String> = report
        .errors
        .iter()
        .map(ToString::to_string)
        .chain(report.files.iter().filter_map(|f| {
            f.skipped
                .as_ref()
                .map(|r| format!("{}: skipped: {r}", f.path))
        }))
        .collect();
    if !problems.is_empty() {
        writeln!(
            out,
            "<section class=\"problems\"><h2>Could not be scanned</h2><ul>"
        )?;
        for problem in &problems {
            writeln!(out, "<li>{}</li>", escape(problem))?;
        }
        writeln!(out, "</ul></section>")?;
    }

    let mut all_categories: BTreeMap<&str, ()> = BTreeMap::new();
    for (_, doc) in report.documents() {
        for f in &doc.findings {
            all_categories.insert(f.category.label(), ());
        }
    }
    writeln!(
        out,
        "<section class=\"filters\" aria-label=\"Filters\"><fieldset><legend>Show posts</legend>"
    )?;
    for verdict in [Verdict::Block, Verdict::Review, Verdict::Pass] {
        let name = verdict.name();
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-verdict-filter value=\"{name}\" checked> {}</label>",
            verdict_badge(verdict)
        )?;
    }
    writeln!(
        out,
        "<label>with <select id=\"category-filter\"><option value=\"\">any category</option>"
    )?;
    for category in all_categories.keys() {
        writeln!(out, "<option value=\"{category}\">{category}</option>")?;
    }
    writeln!(
        out,
        "</select></label> <span id=\"shown\" aria-live=\"polite\"></span></fieldset></section>"
    )?;

    writeln!(out, "<section class=\"posts\">")?;
    let mut any = false;
    for (file, doc) in report.documents().filter(|(_, d)| !d.findings.is_empty()) {
        any = true;
        let mut categories: Vec<&str> = doc.findings.iter().map(|f| f.category.label()).collect();
        categories.sort_unstable();
        categories.dedup();
        let place = match &doc.record {
            Some(record) => format!("{} › {record}", file.path),
            None => file.path.clone(),
        };
        writeln!(
            out,
            "<article class=\"post\" data-verdict=\"{}\" data-categories=\"{}\">",
            doc.verdict.name(),
            categories.join(" ")
        )?;
        writeln!(
            out,
            "<h2>{} <span class=\"place\">{}</span></h2>",
            verdict_badge(doc.verdict),
            escape(&place)
        )?;
        writeln!(
            out,
            "<p class=\"reasons\">{}</p>",
            escape(&doc.reasons.join("; "))
        )?;
        writeln!(
            out,
            "<table class=\"findings\"><thead><tr><th>where</th><th>category</th><th>value</th><th>in context</th><th>fix</th></tr></thead><tbody>"
        )?;
        for f in &doc.findings {
            let mut place = format!("line {}:{}", f.location.line, f.location.column);
            if let Some(field) = &f.location.field {
                place.push_str(&format!(", {field}"));
            }
            let suppressed = f
                .suppressed
                .as_ref()
                .map(|why| {
                    format!(
                        "<br><span class=\"suppressed\">not counted: {}</span>",
                        escape(why)
                    )
                })
                .unwrap_or_default();
            writeln!(
                out,
                "<tr><td>{}</td><td><span class=\"category\">{}</span><br><span class=\"rule\">{}</span></td><td><code>{}</code></td><td>{}</td><td>{}{suppressed}</td></tr>",
                escape(&place),
                f.category.label(),
                escape(&f.rule_id),
                escape(&f.value),
                escape(&f.context),
                escape(&f.fix)
            )?;
        }
        writeln!(out, "</tbody></table></article>")?;
    }
    if !any {
        writeln!(out, "<p>No findings.</p>")?;
    }
    writeln!(
        out,
        "</section>\n<script>\n{SCRIPT}</script>\n</body>\n</html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_escaped() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
