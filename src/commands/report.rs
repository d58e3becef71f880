//! `whosaid report`: a document to share — the article's particulars, the
//! stance matrix, then every issue with its proposition and its quotes by
//! speaker. Markdown, or one self-contained HTML file that prints well.

use super::{EXIT_OK, Outcome, Section, markdown, sections};
use crate::cli::{ReportArgs, ReportFormat};
use crate::describe::{self, facts_on_issue as facts};
use crate::matrix::{self, Matrix};
use crate::model::{ArticleIx, Corpus};
use crate::text;
use std::fmt::Write as _;
use std::io::Write;

pub fn run(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(args.file.as_slice(), err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let m = matrix::build(&a, false);
    let document = match args.format {
        ReportFormat::Markdown => markdown_report(&a, &m),
        ReportFormat::Html => html_report(&a, &m),
    };
    out.write_all(document.as_bytes())?;
    Ok(EXIT_OK)
}

fn markdown_report(a: &Corpus, m: &Matrix) -> String {
    let article = &a.articles[ArticleIx::new(0)];
    let mut out = format!("# {}\n\n", markdown(&article.title));
    let particulars: Vec<String> =
        [&article.source, &article.date, &article.url].into_iter().flatten().map(|s| markdown(s)).collect();
    if !particulars.is_empty() {
        let _ = writeln!(out, "{}\n", particulars.join(" · "));
    }
    let _ = writeln!(
        out,
        "{} speakers, {} issues, {} quotes.\n\n## Stance matrix\n\n{}",
        a.speakers.len(),
        a.issues.len(),
        a.quotes.len(),
        super::matrix::markdown_table(a, m)
    );
    for Section { issue, title, by_speaker: groups } in sections(a, &a.order) {
        if groups.is_empty() && issue.is_none() {
            continue;
        }
        let depth = issue.map_or(0, |i| a.issues[i].depth);
        let _ = writeln!(out, "\n{} {}\n", "#".repeat((depth + 2).min(6)), markdown(&title));
        if let Some(i) = issue {
            let item = &a.issues[i];
            if let Some(p) = &item.proposition {
                let _ = writeln!(out, "**Proposition:** {}\n", markdown(p));
            }
            if let Some(summary) = &item.summary {
                let _ = writeln!(out, "{}\n", markdown(summary));
            }
            if groups.is_empty() {
                let _ = writeln!(out, "*No quotes of its own; see the issues below it.*");
            }
        }
        for (s, quotes) in groups {
            let _ = writeln!(out, "**{}**\n", markdown(a.speaker_name(s)));
            for q in quotes {
                let words = markdown(&describe::quoted(a, q));
                let _ = writeln!(out, "- {words} — *{}*", markdown(&facts(a, q, issue).join(", ")));
            }
            out.push('\n');
        }
    }
    out
}

/// Escapes text for HTML, control characters made visible.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in text::sanitize(s).chars() {
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

const STYLE: &str = "
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; }
.meta { color: #555; } .proposition { font-style: italic; }
table.matrix { border-collapse: collapse; font: 13px/1.3 system-ui, sans-serif; margin: 1rem 0; }
.matrix th, .matrix td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: center; }
.matrix th.speaker, .matrix td.speaker { text-align: left; }
.support { background: #d8f0d8; } .oppose { background: #f6d5d5; } .mixed { background: #f8ecc4; }
.neutral { background: #e3e8f2; } .none { color: #666; }
blockquote { margin: .4rem 0 .4rem 1rem; padding-left: .8rem; border-left: 3px solid #bbb; }
.facts { color: #555; font-size: .85rem; font-family: system-ui, sans-serif; }
.legend { color: #555; font-size: .85rem; font-family: system-ui, sans-serif; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } blockquote { page-break-inside: avoid; }
  .support, .oppose, .mixed, .neutral { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

fn html_report(a: &Corpus, m: &Matrix) -> String {
    let article = &a.articles[ArticleIx::new(0)];
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>", html(&article.title));
    let _ = writeln!(out, "<h1>{}</h1>", html(&article.title));
    let particulars: Vec<String> =
        [&article.source, &article.date].into_iter().flatten().map(|s| html(s)).collect();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}{}</p>",
        particulars.join(" · "),
        article.url.as_ref().map_or(String::new(), |u| format!(" · {}", html(u)))
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} speakers, {} issues, {} quotes.</p>\n<h2>Stance matrix</h2>",
        a.speakers.len(),
        a.issues.len(),
        a.quotes.len()
    );
    out.push_str("<table class=\"matrix\">\n<tr><th class=\"speaker\">Speaker</th>");
    for &i in &m.columns {
        let _ = write!(out, "<th>{}</th>", html(&describe::issue_label(a, i)));
    }
    out.push_str("<th>Total</th></tr>\n");
    for (r, &s) in m.rows.iter().enumerate() {
        let _ = write!(out, "<tr><td class=\"speaker\">{}</td>", html(a.speaker_name(s)));
        for cell in &m.cells[r] {
            let class = if cell.quotes.is_empty() { "" } else { cell.stance.map_or("none", |s| s.name()) };
            let _ = write!(out, "<td class=\"{class}\">{}</td>", html(&matrix::cell_text(cell)));
        }
        let _ = writeln!(out, "<td>{}</td></tr>", html(&m.row_totals[r].describe()));
    }
    out.push_str("<tr><th class=\"speaker\">Total</th>");
    for t in &m.column_totals {
        let _ = write!(out, "<td>{}</td>", html(&t.describe()));
    }
    let _ = writeln!(out, "<td>{}</td></tr>\n</table>", html(&m.total.describe()));
    let _ = writeln!(out, "<p class=\"legend\">{}</p>", html(matrix::LEGEND));
    for Section { issue, title, by_speaker: groups } in sections(a, &a.order) {
        if groups.is_empty() && issue.is_none() {
            continue;
        }
        let level = issue.map_or(2, |i| (a.issues[i].depth + 2).min(6));
        let _ = writeln!(out, "<h{level}>{}</h{level}>", html(&title));
        if let Some(i) = issue {
            let item = &a.issues[i];
            if let Some(p) = &item.proposition {
                let _ = writeln!(out, "<p class=\"proposition\">Proposition: {}</p>", html(p));
            }
            if let Some(summary) = &item.summary {
                let _ = writeln!(out, "<p>{}</p>", html(summary));
            }
        }
        for (s, quotes) in groups {
            let _ = writeln!(out, "<h4>{}</h4>", html(a.speaker_name(s)));
            for q in quotes {
                let _ = writeln!(
                    out,
                    "<blockquote><p>{}</p><p class=\"facts\">{}</p></blockquote>",
                    html(&describe::quoted(a, q)),
                    html(&facts(a, q, issue).join(" · "))
                );
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
