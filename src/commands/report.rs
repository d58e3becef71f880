//! `whosaid report`: a document to share — the particulars, the stance
//! matrix, for a corpus the table of articles and each speaker's stances
//! over time, then every issue with its proposition and its statements by
//! speaker (a statement told twice, once). Markdown, or one self-contained
//! HTML file that prints well; both are written from one outline.

use super::{Outcome, Section, markdown, sections};
use crate::cli::Status;
use crate::cli::{ReportArgs, ReportFormat};
use crate::describe::{self, facts_on_issue};
use crate::matrix::{self, Cell, Matrix};
use crate::model::{ArticleIx, Corpus, QuoteIx};
use crate::text;
use crate::timeline::{self, Timeline};
use std::fmt::Write as _;
use std::io::Write;

pub fn run(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let document = match args.format {
        ReportFormat::Markdown => render(&a, &mut Markdown(String::new())),
        ReportFormat::Html => render(&a, &mut Html(String::new())),
    };
    out.write_all(document.as_bytes())?;
    Ok(Status::Clean)
}

/// What a report is made of, written one way or another.
trait Writer {
    fn start(&mut self, title: &str);
    fn heading(&mut self, level: usize, text: &str);
    fn paragraph(&mut self, text: &str, class: &str);
    /// A table: its header, then rows of cells with a class each (a stance, or "").
    fn table(&mut self, class: &str, header: &[String], rows: &[Vec<(String, String)>]);
    fn quote(&mut self, words: &str, facts: &str);
    fn finish(&mut self) -> String;
}

/// The outline, for either writer.
fn render(a: &Corpus, w: &mut dyn Writer) -> String {
    let corpus = a.articles.len() > 1;
    w.start(a.heading());
    if a.articles.is_empty() {
        w.paragraph("No article: the corpus file lists none, and none lies beside it.", "meta");
    }
    if let (false, Some(article)) = (corpus, a.articles.get(ArticleIx::new(0))) {
        let particulars: Vec<&str> = [&article.source, &article.date, &article.url]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !particulars.is_empty() {
            w.paragraph(&particulars.join(" · "), "meta");
        }
    }
    let statements = a.quotes.ids().filter(|&q| a.counts(q)).count();
    let mut holds =
        format!("{} speakers, {} issues, {} quotes", a.speakers.len(), a.issues.len(), a.quotes.len());
    if corpus {
        holds = format!("{} articles, {holds}", a.articles.len());
    }
    if statements < a.quotes.len() {
        holds.push_str(&format!(" ({statements} statements: one told more than once counts once)"));
    }
    w.paragraph(&format!("{holds}."), "meta");
    if corpus {
        w.heading(2, "Articles");
        let rows: Vec<Vec<(String, String)>> = a
            .articles
            .enumerate()
            .map(|(x, article)| {
                let n = a.quotes.iter().filter(|q| q.article == x).count();
                vec![
                    (article.date.clone().unwrap_or_default(), String::new()),
                    (article.title.clone(), String::new()),
                    (article.source.clone().unwrap_or_default(), String::new()),
                    (n.to_string(), String::new()),
                ]
            })
            .collect();
        let header = ["Date", "Title", "Source", "Quotes"].map(String::from);
        w.table("articles", &header, &rows);
    }
    w.heading(2, "Stance matrix");
    let m = matrix::build(a, false);
    let (header, rows) = matrix_table(a, &m);
    w.table("matrix", &header, &rows);
    w.paragraph(matrix::LEGEND, "legend");
    let on: Vec<String> = m
        .columns
        .iter()
        .map(|&i| {
            let outside =
                if a.issues[i].outside_dispute { " (outside the dispute: in no total)" } else { "" };
            format!("{}: {}{outside}", a.issues[i].title, describe::short(a, i))
        })
        .collect();
    if !on.is_empty() {
        w.paragraph(&format!("Each column is a stance on a proposition — {}.", on.join("; ")), "legend");
    }
    if corpus {
        w.heading(2, "Stances over time");
        for s in a.speakers.ids() {
            let t = timeline::build(a, s);
            let articles = (0..t.articles.len())
                .filter(|&c| t.cells.iter().any(|row| !row[c].quotes.is_empty()))
                .count();
            if articles < 2 {
                continue;
            }
            w.heading(3, a.speaker_name(s));
            let (header, rows) = timeline_table(a, &t);
            w.table("matrix", &header, &rows);
        }
    }
    let counted: Vec<QuoteIx> = a.order.iter().copied().filter(|&q| a.counts(q)).collect();
    for Section { issue, title, by_speaker } in sections(a, &counted) {
        if by_speaker.is_empty() && issue.is_none() {
            continue;
        }
        let depth = issue.map_or(0, |i| a.issues[i].depth);
        w.heading((depth + 2).min(6), &title);
        if let Some(i) = issue {
            let item = &a.issues[i];
            if let Some(p) = &item.proposition {
                w.paragraph(&format!("Proposition: {p}"), "proposition");
            }
            if let Some(summary) = &item.summary {
                w.paragraph(summary, "");
            }
            if by_speaker.is_empty() {
                w.paragraph("No quotes of its own; see the issues below it.", "meta");
            }
        }
        for (s, quotes) in by_speaker {
            w.heading(6.min(depth + 3).max(4), a.speaker_name(s));
            for q in quotes {
                w.quote(&describe::quoted(a, q), &facts(a, q, issue).join(" · "));
            }
        }
    }
    w.finish()
}

/// A quote's facts in the report: those of the issue, the article in a
/// corpus, and the other reports of the statement.
fn facts(a: &Corpus, q: QuoteIx, issue: Option<crate::model::IssueIx>) -> Vec<String> {
    let mut facts = facts_on_issue(a, q, issue);
    if let Some(original) = &a.quotes[q].original {
        facts.push(format!("original: {original}"));
    }
    let others = a.other_reports(q).count();
    if others > 0 {
        facts.push(format!(
            "also reported {}",
            if others == 1 { "once more".to_string() } else { format!("{others} more times") }
        ));
    }
    facts
}

fn stance_class(cell: &Cell) -> String {
    if cell.quotes.is_empty() { String::new() } else { cell.stance.map_or("none", |s| s.name()).to_string() }
}

fn matrix_table(a: &Corpus, m: &Matrix) -> (Vec<String>, Vec<Vec<(String, String)>>) {
    let mut header = vec!["Speaker".to_string()];
    header.extend(m.columns.iter().map(|&i| describe::issue_label(a, i)));
    header.push("Total".into());
    let mut rows: Vec<Vec<(String, String)>> = m
        .rows
        .iter()
        .enumerate()
        .map(|(r, &s)| {
            let mut row = vec![(a.speaker_name(s).to_string(), "speaker".to_string())];
            row.extend(m.cells[r].iter().map(|cell| (matrix::cell_text(cell), stance_class(cell))));
            row.push((m.row_totals[r].describe(), String::new()));
            row
        })
        .collect();
    let mut totals = vec![("Total".to_string(), "speaker".to_string())];
    totals.extend(m.column_totals.iter().map(|t| (t.describe(), String::new())));
    totals.push((m.total.describe(), String::new()));
    rows.push(totals);
    (header, rows)
}

fn timeline_table(a: &Corpus, t: &Timeline) -> (Vec<String>, Vec<Vec<(String, String)>>) {
    let mut header = vec!["Issue".to_string()];
    header.extend(t.articles.iter().map(|&x| {
        let article = &a.articles[x];
        article.date.clone().unwrap_or_else(|| article.id.clone())
    }));
    let rows = t
        .issues
        .iter()
        .enumerate()
        .map(|(r, &i)| {
            let mut row = vec![(describe::issue_label(a, i), "speaker".to_string())];
            row.extend(t.cells[r].iter().map(|cell| (matrix::cell_text(cell), stance_class(cell))));
            row
        })
        .collect();
    (header, rows)
}

struct Markdown(String);

impl Writer for Markdown {
    fn start(&mut self, title: &str) {
        let _ = writeln!(self.0, "# {}\n", markdown(title));
    }

    fn heading(&mut self, level: usize, text: &str) {
        let _ = writeln!(self.0, "{} {}\n", "#".repeat(level), markdown(text));
    }

    fn paragraph(&mut self, text: &str, class: &str) {
        let _ = match (class, text.strip_prefix("Proposition: ")) {
            ("proposition", Some(rest)) => writeln!(self.0, "**Proposition:** {}\n", markdown(rest)),
            ("legend", _) => writeln!(self.0, "*{}*\n", markdown(text)),
            _ => writeln!(self.0, "{}\n", markdown(text)),
        };
    }

    fn table(&mut self, _class: &str, header: &[String], rows: &[Vec<(String, String)>]) {
        let cells = |row: Vec<String>| format!("| {} |", row.join(" | "));
        let _ = writeln!(self.0, "{}", cells(header.iter().map(|h| markdown(h)).collect()));
        // Numbers to the right; the articles' titles and sources read from the left.
        let right = |i: usize| i > 0 && (_class != "articles" || i + 1 == header.len());
        let rule: Vec<String> =
            (0..header.len()).map(|i| if right(i) { "---:".into() } else { "---".into() }).collect();
        let _ = writeln!(self.0, "|{}|", rule.join("|"));
        for row in rows {
            let _ = writeln!(self.0, "{}", cells(row.iter().map(|(c, _)| markdown(c)).collect()));
        }
        self.0.push('\n');
    }

    fn quote(&mut self, words: &str, facts: &str) {
        let _ = writeln!(self.0, "- {} — *{}*", markdown(words), markdown(facts));
    }

    fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
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
table { border-collapse: collapse; font: 13px/1.3 system-ui, sans-serif; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: center; }
th.speaker, td.speaker, table.articles td { text-align: left; }
.support { background: #d8f0d8; } .oppose { background: #f6d5d5; } .mixed { background: #f8ecc4; }
.neutral { background: #e3e8f2; } .none { color: #666; }
blockquote { margin: .4rem 0 .4rem 1rem; padding-left: .8rem; border-left: 3px solid #bbb; }
.facts { color: #555; font-size: .85rem; font-family: system-ui, sans-serif; }
.legend { color: #555; font-size: .85rem; font-family: system-ui, sans-serif; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } blockquote { page-break-inside: avoid; }
  .support, .oppose, .mixed, .neutral { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
";

struct Html(String);

impl Writer for Html {
    fn start(&mut self, title: &str) {
        let _ = writeln!(
            self.0,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>",
            html(title),
            html(title)
        );
    }

    fn heading(&mut self, level: usize, text: &str) {
        let _ = writeln!(self.0, "<h{level}>{}</h{level}>", html(text));
    }

    fn paragraph(&mut self, text: &str, class: &str) {
        let _ = writeln!(self.0, "<p class=\"{class}\">{}</p>", html(text));
    }

    fn table(&mut self, class: &str, header: &[String], rows: &[Vec<(String, String)>]) {
        let _ = write!(self.0, "<table class=\"{class}\">\n<tr>");
        for (n, h) in header.iter().enumerate() {
            let class = if n == 0 { " class=\"speaker\"" } else { "" };
            let _ = write!(self.0, "<th{class}>{}</th>", html(h));
        }
        self.0.push_str("</tr>\n");
        for row in rows {
            self.0.push_str("<tr>");
            for (cell, class) in row {
                let _ = write!(self.0, "<td class=\"{class}\">{}</td>", html(cell));
            }
            self.0.push_str("</tr>\n");
        }
        self.0.push_str("</table>\n");
    }

    fn quote(&mut self, words: &str, facts: &str) {
        let _ = writeln!(
            self.0,
            "<blockquote><p>{}</p><p class=\"facts\">{}</p></blockquote>",
            html(words),
            html(facts)
        );
    }

    fn finish(&mut self) -> String {
        self.0.push_str("</body>\n</html>\n");
        std::mem::take(&mut self.0)
    }
}
