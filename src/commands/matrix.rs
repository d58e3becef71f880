//! `whosaid matrix`: the stance matrix (speakers × issues) as text, CSV,
//! Markdown or JSON — the same grid, built by [`crate::matrix::build`],
//! that the browser shows on `m`.

use super::table::Table;
use super::{Outcome, markdown, write_csv, write_json};
use crate::cli::Status;
use crate::cli::{Format, MatrixArgs};
use crate::describe::{self, issue_label};
use crate::matrix::{self, Matrix, Total};
use crate::model::Corpus;
use serde::Serialize;
use std::io::Write;

pub fn run(args: &MatrixArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let m = matrix::build(&a, args.fold);
    match args.format {
        Format::Text => write!(out, "{}", text(&a, &m))?,
        Format::Markdown => write!(out, "{}", markdown_table(&a, &m))?,
        Format::Csv => write_csv_grid(&a, &m, out)?,
        Format::Json => write_json(out, &json(&a, &m))?,
    }
    Ok(Status::Clean)
}

/// The grid with numbered columns, then the key to the numbers and totals.
fn text(a: &Corpus, m: &Matrix) -> String {
    let mut header: Vec<String> = vec![String::new()];
    header.extend((1..=m.columns.len()).map(|n| n.to_string()));
    header.push("TOTAL".into());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut right = vec![true; header.len()];
    right[0] = false;
    *right.last_mut().expect("a total column") = false;
    let mut t = Table::new(&header_refs, &right);
    for (r, &s) in m.rows.iter().enumerate() {
        let mut row = vec![a.speakers[s].name.clone()];
        row.extend(m.cells[r].iter().map(matrix::cell_text));
        row.push(m.row_totals[r].describe());
        t.row(row);
    }
    let mut totals = vec!["Total".to_string()];
    totals.extend(m.column_totals.iter().map(|t| t.statements.to_string()));
    totals.push(m.total.describe());
    t.row(totals);
    let mut out = format!("Stance matrix · {}\n\n", crate::text::one_line(a.heading()));
    out.push_str(&t.render());
    out.push('\n');
    let mut key = Table::new(
        &["#", "ISSUE", "A STANCE ON", "STATEMENTS +SUPPORT −OPPOSE", "ON SUB-ISSUES"],
        &[true, false, false, false, true],
    );
    for (c, &i) in m.columns.iter().enumerate() {
        let mut on = describe::short(a, i);
        if a.issues[i].outside_dispute {
            on.push_str(" (outside the dispute: in no total)");
        }
        let sub = m.column_sub_issues[c];
        key.row(vec![
            (c + 1).to_string(),
            issue_label(a, i),
            on,
            m.column_totals[c].describe(),
            if sub == 0 { String::new() } else { sub.to_string() },
        ]);
    }
    out.push_str(&key.render());
    out.push('\n');
    out.push_str(matrix::LEGEND);
    out.push('\n');
    out.push_str(&sub_issue_note(m));
    out
}

/// What a cell leaves out: the statements on its issue's sub-issues, which
/// are no stance on the issue itself (folded, they are in no column).
fn sub_issue_note(m: &Matrix) -> String {
    let n: usize = m.column_sub_issues.iter().sum();
    match (n, m.folded) {
        (0, _) => String::new(),
        (n, true) => format!(
            "Folded: {} on sub-issues are in no column (a sub-issue's stance is not its parent's); without --fold they have columns of their own.\n",
            crate::matrix::statements(n)
        ),
        (_, false) => "A cell counts statements on its own issue; ON SUB-ISSUES counts those on the issues below it, which take no stance on it.\n".to_string(),
    }
}

/// A Markdown table of the matrix, with a legend: also part of the report.
pub fn markdown_table(a: &Corpus, m: &Matrix) -> String {
    let mut out = String::from("| Speaker |");
    for &i in &m.columns {
        out.push_str(&format!(" {} |", markdown(&issue_label(a, i))));
    }
    out.push_str(" Total |\n|---|");
    out.push_str(&"---:|".repeat(m.columns.len()));
    out.push_str("---|\n");
    for (r, &s) in m.rows.iter().enumerate() {
        out.push_str(&format!("| {} |", markdown(&a.speakers[s].name)));
        for cell in &m.cells[r] {
            out.push_str(&format!(" {} |", matrix::cell_text(cell)));
        }
        out.push_str(&format!(" {} |\n", m.row_totals[r].describe()));
    }
    out.push_str("| **Total** |");
    for t in &m.column_totals {
        out.push_str(&format!(" {} |", t.describe()));
    }
    out.push_str(&format!(" {} |\n\n", m.total.describe()));
    out.push_str(&format!("*{}*\n\n", markdown(matrix::LEGEND)));
    let note = sub_issue_note(m);
    if !note.is_empty() {
        out.push_str(&format!("*{}*\n\n", markdown(note.trim_end())));
    }
    for &i in &m.columns {
        let issue = &a.issues[i];
        let claim = issue.proposition.as_deref().unwrap_or(&issue.title);
        let outside = if issue.outside_dispute { " (outside the dispute: in no total)" } else { "" };
        out.push_str(&format!(
            "- **{}**: a stance on “{}”{outside}\n",
            markdown(&issue.title),
            markdown(claim)
        ));
    }
    out
}

fn write_csv_grid(a: &Corpus, m: &Matrix, out: &mut dyn Write) -> std::io::Result<()> {
    let mut header = vec!["speaker".to_string()];
    header.extend(m.columns.iter().map(|&i| a.issues[i].id.clone()));
    header.push("total".into());
    let cell = |c: &matrix::Cell| match c.quotes.len() {
        0 => String::new(),
        n => format!("{}:{n}", c.stance.map_or("none", |s| s.name())),
    };
    let mut rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .enumerate()
        .map(|(r, &s)| {
            let mut row = vec![a.speakers[s].id.clone()];
            row.extend(m.cells[r].iter().map(cell));
            row.push(m.row_totals[r].statements.to_string());
            row
        })
        .collect();
    let mut totals = vec!["total".to_string()];
    totals.extend(m.column_totals.iter().map(|t| t.statements.to_string()));
    totals.push(m.total.statements.to_string());
    rows.push(totals);
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    write_csv(out, &header_refs, &rows)
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    folded: bool,
    issues: Vec<HeadJson<'a>>,
    speakers: Vec<HeadJson<'a>>,
    /// The cells that hold quotes.
    cells: Vec<CellJson<'a>>,
    total: Total,
}

#[derive(Serialize)]
struct HeadJson<'a> {
    id: &'a str,
    name: &'a str,
    /// An issue's proposition, in full and in a few words; whether it is
    /// part of the dispute (outside it, it adds to no total).
    #[serde(skip_serializing_if = "Option::is_none")]
    proposition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dispute: Option<bool>,
    /// An issue's statements on its sub-issues only: in no cell of its column.
    #[serde(skip_serializing_if = "Option::is_none")]
    on_sub_issues: Option<usize>,
    #[serde(flatten)]
    total: Total,
}

#[derive(Serialize)]
struct CellJson<'a> {
    speaker: &'a str,
    issue: &'a str,
    stance: Option<&'static str>,
    /// Statements on the issue itself, and the quotes that count them.
    statements: usize,
    quote_ids: Vec<String>,
    /// Statements on its sub-issues only: not a stance on this issue.
    #[serde(skip_serializing_if = "is_zero")]
    on_sub_issues: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn json<'a>(a: &'a Corpus, m: &Matrix) -> MatrixJson<'a> {
    let issues = m
        .columns
        .iter()
        .zip(&m.column_totals)
        .zip(&m.column_sub_issues)
        .map(|((&i, &total), &sub)| HeadJson {
            id: &a.issues[i].id,
            name: &a.issues[i].title,
            proposition: a.issues[i].proposition.as_deref(),
            short: Some(describe::short(a, i)),
            dispute: Some(!a.issues[i].outside_dispute),
            on_sub_issues: Some(sub),
            total,
        })
        .collect();
    let speakers = m
        .rows
        .iter()
        .zip(&m.row_totals)
        .map(|(&s, &total)| HeadJson {
            id: &a.speakers[s].id,
            name: &a.speakers[s].name,
            proposition: None,
            short: None,
            dispute: None,
            on_sub_issues: None,
            total,
        })
        .collect();
    let mut cells = Vec::new();
    for (r, &s) in m.rows.iter().enumerate() {
        for (c, cell) in
            m.cells[r].iter().enumerate().filter(|(_, c)| !c.quotes.is_empty() || c.on_sub_issues > 0)
        {
            cells.push(CellJson {
                speaker: &a.speakers[s].id,
                issue: &a.issues[m.columns[c]].id,
                stance: cell.stance.map(|s| s.name()),
                statements: cell.quotes.len(),
                quote_ids: cell.quotes.iter().map(|&q| a.quote_name(q).into_owned()).collect(),
                on_sub_issues: cell.on_sub_issues,
            });
        }
    }
    MatrixJson { folded: m.folded, issues, speakers, cells, total: m.total }
}
