//! The non-interactive commands: each turns an annotation into text, JSON,
//! CSV or Markdown on stdout, with diagnostics on stderr.
//!
//! Every string taken from the file passes through [`crate::text`] before it
//! is printed (JSON escapes it instead), so no output carries raw control
//! characters.

pub mod check;
pub mod issues;
pub mod matrix;
pub mod quotes;
pub mod report;
pub mod speakers;
mod table;

use crate::model::{self, Annotation, Source};
use std::io::Write;
use std::path::Path;

/// Exit status: clean, or warnings only.
pub const EXIT_OK: u8 = 0;
/// Exit status: the file has errors.
pub const EXIT_ERRORS: u8 = 1;
/// Exit status: a usage error, or a file that cannot be read.
pub const EXIT_USAGE: u8 = 2;

/// What a command returns: its exit status, or an I/O failure on output.
pub type Outcome = std::io::Result<u8>;

/// Loads an annotation for a command, printing its diagnostics to `err`.
/// On failure, the exit status to end with.
pub fn open(file: Option<&Path>, err: &mut dyn Write) -> Result<Annotation, u8> {
    let source = Source::from_arg(file);
    let name = source.name();
    match model::load(&source) {
        Err(unreadable) => {
            let _ = writeln!(err, "whosaid: {unreadable}");
            Err(EXIT_USAGE)
        }
        Ok(loaded) => {
            for d in &loaded.diagnostics {
                let _ = writeln!(err, "{}", d.render(&name));
            }
            match loaded.annotation {
                Some(annotation) => Ok(annotation),
                None => {
                    let n = loaded.errors();
                    let _ = writeln!(
                        err,
                        "whosaid: {} has {n} error{}; `whosaid check` lists them",
                        crate::text::one_line(&name),
                        if n == 1 { "" } else { "s" }
                    );
                    Err(EXIT_ERRORS)
                }
            }
        }
    }
}

/// Resolves ids given on the command line (`--speaker`, `--issue`); an
/// unknown one is a usage error with a suggestion.
pub fn resolve_ids(
    given: &[String],
    what: &str,
    known: &[&str],
    err: &mut dyn Write,
) -> Result<Vec<usize>, u8> {
    let mut out = Vec::new();
    for id in given {
        match known.iter().position(|k| k == id) {
            Some(i) => out.push(i),
            None => {
                let help = model::diagnostic::known_list(&format!("{what}s"), id, known.iter().copied());
                let _ = writeln!(err, "whosaid: unknown {what} `{}` {help}", crate::text::one_line(id));
                return Err(EXIT_USAGE);
            }
        }
    }
    Ok(out)
}

/// The width to wrap text output to: the terminal's, when stdout is one.
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size().ok().map(|(w, _)| w as usize).filter(|&w| w >= 20)
}

/// Markdown-escapes one line of text taken from the file.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::one_line(s).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes CSV rows, every field sanitized.
pub fn write_csv(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|f| crate::text::sanitize(f).into_owned()))?;
    }
    w.flush()
}

/// Writes pretty JSON and a final newline. serde_json escapes C0 controls;
/// the other characters a terminal might act on (DEL, C1, bidi overrides)
/// are escaped here too, so that the JSON is safe to `cat`.
pub fn write_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> std::io::Result<()> {
    let json = serde_json::to_string_pretty(value)?;
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        // C0 controls only occur here as layout (serde_json escaped the rest).
        if crate::text::is_unsafe(c) && c >= '\u{7f}' {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    writeln!(out, "{safe}")
}

/// Quotes under one issue (or, last, those with none), by speaker: what
/// `quotes --format markdown` and `report` are made of.
pub struct Section {
    pub issue: Option<usize>,
    pub title: String,
    /// Speakers in file order, each with their quotes in the order given.
    pub by_speaker: Vec<(usize, Vec<usize>)>,
}

/// Groups `quotes` by the issues they list (their own, not their
/// sub-issues'), then by speaker, in one pass.
pub fn sections(a: &Annotation, quotes: &[usize]) -> Vec<Section> {
    // grouped[issue][speaker], with the last issue slot for quotes with none.
    let mut grouped = vec![vec![Vec::new(); a.speakers.len()]; a.issues.len() + 1];
    for &q in quotes {
        let quote = &a.quotes[q];
        if quote.issues.is_empty() {
            grouped[a.issues.len()][quote.speaker].push(q);
        }
        for &i in &quote.issues {
            grouped[i][quote.speaker].push(q);
        }
    }
    grouped
        .into_iter()
        .enumerate()
        .map(|(i, per_speaker)| Section {
            issue: (i < a.issues.len()).then_some(i),
            title: a.issues.get(i).map_or("Other quotes".to_string(), |issue| issue.title.clone()),
            by_speaker: per_speaker.into_iter().enumerate().filter(|(_, qs)| !qs.is_empty()).collect(),
        })
        .collect()
}

/// Quote counts per speaker, over all quotes.
pub fn quotes_per_speaker(a: &Annotation) -> Vec<usize> {
    let mut counts = vec![0; a.speakers.len()];
    for q in &a.quotes {
        counts[q.speaker] += 1;
    }
    counts
}
