//! `whosaid issues`: the issues, in file order, with quote counts (their
//! sub-issues' quotes included) and the stances those quotes take.

use super::table::Table;
use super::{Outcome, markdown, write_csv, write_json};
use crate::cli::Status;
use crate::cli::{Format, ListArgs};
use crate::describe;
use crate::model::{Corpus, Stance};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize, Default)]
struct StanceCounts {
    support: usize,
    oppose: usize,
    neutral: usize,
    mixed: usize,
    none: usize,
}

#[derive(Serialize)]
struct IssueJson<'a> {
    id: &'a str,
    title: &'a str,
    proposition: Option<&'a str>,
    summary: Option<&'a str>,
    parent: Option<&'a str>,
    quotes: usize,
    stances: StanceCounts,
}

fn rows(a: &Corpus) -> Vec<IssueJson<'_>> {
    a.issues
        .enumerate()
        .map(|(i, issue)| {
            let mut stances = StanceCounts::default();
            let mut quotes = 0;
            for q in a.quotes.ids().filter(|&q| a.counts(q) && a.quotes[q].is_under(i)) {
                quotes += 1;
                *match a.stance_under(q, i) {
                    Some(Stance::Support) => &mut stances.support,
                    Some(Stance::Oppose) => &mut stances.oppose,
                    Some(Stance::Neutral) => &mut stances.neutral,
                    Some(Stance::Mixed) => &mut stances.mixed,
                    None => &mut stances.none,
                } += 1;
            }
            IssueJson {
                id: &issue.id,
                title: &issue.title,
                proposition: issue.proposition.as_deref(),
                summary: issue.summary.as_deref(),
                parent: issue.parent.map(|p| a.issues[p].id.as_str()),
                quotes,
                stances,
            }
        })
        .collect()
}

pub fn run(args: &ListArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let rows = rows(&a);
    match args.format {
        Format::Json => write_json(out, &rows)?,
        Format::Text => {
            let mut t = Table::new(
                &["ISSUE", "ID", "QUOTES", "SUPPORT", "OPPOSE", "NEUTRAL", "MIXED", "NONE"],
                &[false, false, true, true, true, true, true, true],
            );
            for (r, issue) in rows.iter().zip(a.issues.ids()) {
                let s = &r.stances;
                t.row(vec![
                    describe::issue_label(&a, issue),
                    r.id.into(),
                    r.quotes.to_string(),
                    s.support.to_string(),
                    s.oppose.to_string(),
                    s.neutral.to_string(),
                    s.mixed.to_string(),
                    s.none.to_string(),
                ]);
            }
            write!(out, "{}", t.render())?;
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let s = &r.stances;
                    vec![
                        r.id.into(),
                        r.title.into(),
                        r.parent.unwrap_or_default().into(),
                        r.proposition.unwrap_or_default().into(),
                        r.quotes.to_string(),
                        s.support.to_string(),
                        s.oppose.to_string(),
                        s.neutral.to_string(),
                        s.mixed.to_string(),
                        s.none.to_string(),
                    ]
                })
                .collect();
            write_csv(
                out,
                &[
                    "id",
                    "title",
                    "parent",
                    "proposition",
                    "quotes",
                    "support",
                    "oppose",
                    "neutral",
                    "mixed",
                    "none",
                ],
                &rows,
            )?;
        }
        Format::Markdown => {
            writeln!(out, "| Issue | Proposition | Quotes | Support | Oppose | Neutral | Mixed | None |")?;
            writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|")?;
            for (r, issue) in rows.iter().zip(a.issues.ids()) {
                let s = &r.stances;
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} |",
                    markdown(&describe::issue_label(&a, issue)),
                    markdown(r.proposition.unwrap_or_default()),
                    r.quotes,
                    s.support,
                    s.oppose,
                    s.neutral,
                    s.mixed,
                    s.none
                )?;
            }
        }
    }
    Ok(Status::Clean)
}
