//! `whosaid issues`: the issues, in file order, each with its proposition,
//! the statements tagged with it and the stances they take on it; what its
//! sub-issues hold is a figure apart, never a stance on it.

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
    /// The proposition in a few words: what "supports …" reads.
    short: String,
    summary: Option<&'a str>,
    parent: Option<&'a str>,
    /// Whether the issue is part of the dispute (`dispute: false` is not).
    dispute: bool,
    /// Statements tagged with the issue itself (one told twice counts once).
    statements: usize,
    stances: StanceCounts,
    /// Statements tagged with its sub-issues but not with it.
    on_sub_issues: usize,
}

fn rows(a: &Corpus) -> Vec<IssueJson<'_>> {
    let mut counts: Vec<(usize, StanceCounts, usize)> =
        a.issues.ids().map(|_| (0, StanceCounts::default(), 0)).collect();
    for q in a.quotes.ids().filter(|&q| a.counts(q)) {
        let quote = &a.quotes[q];
        for &i in &quote.issues {
            let (statements, stances, _) = &mut counts[i.index()];
            *statements += 1;
            *match quote.stance_on(i) {
                Some(Stance::Support) => &mut stances.support,
                Some(Stance::Oppose) => &mut stances.oppose,
                Some(Stance::Neutral) => &mut stances.neutral,
                Some(Stance::Mixed) => &mut stances.mixed,
                None => &mut stances.none,
            } += 1;
        }
        for &i in quote.under.iter().filter(|i| !quote.issues.contains(i)) {
            counts[i.index()].2 += 1;
        }
    }
    a.issues
        .enumerate()
        .zip(counts)
        .map(|((i, issue), (statements, stances, on_sub_issues))| IssueJson {
            id: &issue.id,
            title: &issue.title,
            proposition: issue.proposition.as_deref(),
            short: describe::short(a, i),
            summary: issue.summary.as_deref(),
            parent: issue.parent.map(|p| a.issues[p].id.as_str()),
            dispute: !issue.outside_dispute,
            statements,
            stances,
            on_sub_issues,
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
                &[
                    "ISSUE",
                    "ID",
                    "STATEMENTS",
                    "SUPPORT",
                    "OPPOSE",
                    "NEUTRAL",
                    "MIXED",
                    "NONE",
                    "ON SUB-ISSUES",
                ],
                &[false, false, true, true, true, true, true, true, true],
            );
            for (r, issue) in rows.iter().zip(a.issues.ids()) {
                let s = &r.stances;
                t.row(vec![
                    describe::issue_label(&a, issue),
                    r.id.into(),
                    r.statements.to_string(),
                    s.support.to_string(),
                    s.oppose.to_string(),
                    s.neutral.to_string(),
                    s.mixed.to_string(),
                    s.none.to_string(),
                    r.on_sub_issues.to_string(),
                ]);
            }
            write!(out, "{}", t.render())?;
            // What a stance on each issue is a stance on.
            writeln!(out, "\nSupport and oppose are stances on these propositions:")?;
            for r in &rows {
                let outside = if r.dispute { "" } else { " (outside the dispute: in no total)" };
                let claim = crate::text::one_line(r.proposition.unwrap_or(r.title));
                writeln!(out, "  {}: {claim}{outside}", r.id)?;
            }
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
                        r.short.clone(),
                        r.dispute.to_string(),
                        r.statements.to_string(),
                        s.support.to_string(),
                        s.oppose.to_string(),
                        s.neutral.to_string(),
                        s.mixed.to_string(),
                        s.none.to_string(),
                        r.on_sub_issues.to_string(),
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
                    "short",
                    "dispute",
                    "statements",
                    "support",
                    "oppose",
                    "neutral",
                    "mixed",
                    "none",
                    "on_sub_issues",
                ],
                &rows,
            )?;
        }
        Format::Markdown => {
            writeln!(
                out,
                "| Issue | Proposition | Statements | Support | Oppose | Neutral | Mixed | None | On sub-issues |"
            )?;
            writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---:|")?;
            for (r, issue) in rows.iter().zip(a.issues.ids()) {
                let s = &r.stances;
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    markdown(&describe::issue_label(&a, issue)),
                    markdown(r.proposition.unwrap_or_default()),
                    r.statements,
                    s.support,
                    s.oppose,
                    s.neutral,
                    s.mixed,
                    s.none,
                    r.on_sub_issues
                )?;
            }
        }
    }
    Ok(Status::Clean)
}
