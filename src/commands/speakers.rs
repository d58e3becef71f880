//! `whosaid speakers`: the speakers, in file order, with their quote counts.

use super::table::Table;
use super::{EXIT_OK, Outcome, markdown, quotes_per_speaker, write_csv, write_json};
use crate::cli::{Format, ListArgs};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SpeakerJson<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    aliases: &'a [String],
    quotes: usize,
}

pub fn run(args: &ListArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(args.file.as_slice(), err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let counts = quotes_per_speaker(&a);
    let rows: Vec<SpeakerJson> = a
        .speakers
        .iter()
        .zip(&counts)
        .map(|(s, &quotes)| SpeakerJson {
            id: &s.id,
            name: &s.name,
            role: s.role.as_deref(),
            affiliation: s.affiliation.as_deref(),
            aliases: &s.aliases,
            quotes,
        })
        .collect();
    let describe =
        |s: &SpeakerJson| [s.role, s.affiliation].into_iter().flatten().collect::<Vec<_>>().join(", ");
    match args.format {
        Format::Json => write_json(out, &rows)?,
        Format::Text => {
            let mut t = Table::new(&["ID", "NAME", "QUOTES", "ROLE"], &[false, false, true, false]);
            for s in &rows {
                t.row(vec![s.id.into(), s.name.into(), s.quotes.to_string(), describe(s)]);
            }
            write!(out, "{}", t.render())?;
        }
        Format::Csv => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|s| {
                    vec![
                        s.id.into(),
                        s.name.into(),
                        s.role.unwrap_or_default().into(),
                        s.affiliation.unwrap_or_default().into(),
                        s.aliases.join(";"),
                        s.quotes.to_string(),
                    ]
                })
                .collect();
            write_csv(out, &["id", "name", "role", "affiliation", "aliases", "quotes"], &rows)?;
        }
        Format::Markdown => {
            writeln!(out, "| Speaker | Id | Role | Quotes |\n|---|---|---|---:|")?;
            for s in &rows {
                writeln!(
                    out,
                    "| {} | `{}` | {} | {} |",
                    markdown(s.name),
                    markdown(s.id),
                    markdown(&describe(s)),
                    s.quotes
                )?;
            }
        }
    }
    Ok(EXIT_OK)
}
