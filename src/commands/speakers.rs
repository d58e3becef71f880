//! `whosaid speakers`: the speakers, in file order, with their quote counts
//! (a group's include its members'; a statement told twice counts once) and
//! how many statements each relayed.

use super::table::Table;
use super::{Outcome, markdown, write_csv, write_json};
use crate::cli::Status;
use crate::cli::{Format, ListArgs};
use crate::filter::Filtered;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct SpeakerJson<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    aliases: &'a [String],
    member_of: Option<&'a str>,
    /// Statements the speaker made (a group: its members' too).
    statements: usize,
    relayed: usize,
}

pub fn run(args: &ListArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let counts = Filtered::all(&a);
    let rows: Vec<SpeakerJson> = a
        .speakers
        .enumerate()
        .map(|(i, s)| SpeakerJson {
            id: &s.id,
            name: &s.name,
            role: s.role.as_deref(),
            affiliation: s.affiliation.as_deref(),
            aliases: &s.aliases,
            member_of: s.member_of.map(|g| a.speakers[g].id.as_str()),
            statements: counts.speaker_counts[i],
            relayed: counts.relayed_counts[i],
        })
        .collect();
    let describe =
        |s: &SpeakerJson| [s.role, s.affiliation].into_iter().flatten().collect::<Vec<_>>().join(", ");
    match args.format {
        Format::Json => write_json(out, &rows)?,
        Format::Text => {
            let mut t = Table::new(
                &["ID", "NAME", "STATEMENTS", "RELAYED", "ROLE"],
                &[false, false, true, true, false],
            );
            for (s, speaker) in rows.iter().zip(a.speakers.iter()) {
                let name = format!("{}{}", crate::describe::tree_prefix(speaker.depth), s.name);
                t.row(vec![s.id.into(), name, s.statements.to_string(), s.relayed.to_string(), describe(s)]);
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
                        s.statements.to_string(),
                        s.member_of.unwrap_or_default().into(),
                        s.relayed.to_string(),
                    ]
                })
                .collect();
            let header =
                ["id", "name", "role", "affiliation", "aliases", "statements", "member_of", "relayed"];
            write_csv(out, &header, &rows)?;
        }
        Format::Markdown => {
            writeln!(out, "| Speaker | Id | Role | Statements | Relayed |\n|---|---|---|---:|---:|")?;
            for s in &rows {
                writeln!(
                    out,
                    "| {} | `{}` | {} | {} | {} |",
                    markdown(s.name),
                    markdown(s.id),
                    markdown(&describe(s)),
                    s.statements,
                    s.relayed
                )?;
            }
        }
    }
    Ok(Status::Clean)
}
