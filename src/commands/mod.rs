//! The non-interactive commands: each turns an annotation into text, JSON,
//! CSV or Markdown on stdout, with diagnostics on stderr.
//!
//! Every string taken from the file passes through [`crate::text`] before it
//! is printed (JSON escapes it instead), so no output carries raw control
//! characters.

mod batch;
pub mod changes;
pub mod check;
pub mod completions;
pub mod config;
mod exports;
pub mod issues;
pub mod man;
pub mod matrix;
pub mod quotes;
pub mod report;
pub mod speakers;
pub mod suggest;
mod table;

use crate::cli::Status;
use crate::model::{self, Corpus, IssueIx, LoadOutcome, QuoteIx, Source, SpeakerIx};
use std::io::Write;
use std::path::PathBuf;

/// What a command returns: its exit status, or an I/O failure on output.
pub type Outcome = std::io::Result<Status>;

/// Loads what the paths name (the built-in article when there are none)
/// and applies the one policy every command and the browser share: every
/// diagnostic goes to `err`, in file and position order; a usable corpus
/// comes back; otherwise a line says why, and the exit status to end with.
pub fn open(paths: &[PathBuf], err: &mut dyn Write) -> Result<Corpus, Status> {
    opened(paths, err, true).map(|(corpus, _)| corpus)
}

/// [`open`] for the browser, which shows how many warnings there are in
/// its status line rather than printing them: the corpus and that number.
pub fn open_quietly(paths: &[PathBuf], err: &mut dyn Write) -> Result<(Corpus, usize), Status> {
    opened(paths, err, false)
}

fn opened(paths: &[PathBuf], err: &mut dyn Write, print_warnings: bool) -> Result<(Corpus, usize), Status> {
    let source = Source::from_args(paths);
    let outcome = match model::load(&source) {
        Ok(outcome) => outcome,
        Err(unreadable) => {
            let _ = writeln!(err, "whosaid: {unreadable}");
            return Err(Status::Usage);
        }
    };
    if print_warnings || outcome.errors() > 0 {
        for d in outcome.diagnostics() {
            let _ = writeln!(err, "{}", d.render());
        }
    }
    match outcome {
        LoadOutcome::Valid { corpus, warnings } => Ok((corpus, warnings.len())),
        LoadOutcome::Invalid { diagnostics, .. } => {
            let n = diagnostics.iter().filter(|d| d.is_error()).count();
            let _ = writeln!(
                err,
                "whosaid: {} has {n} error{}; `whosaid check` lists them",
                crate::text::one_line(&source.name()),
                if n == 1 { "" } else { "s" }
            );
            Err(Status::Errors)
        }
    }
}

/// Loads a source and prints all its diagnostics (for `check`); a source
/// that cannot be read at all is a usage error.
pub fn load(source: &Source, err: &mut dyn Write) -> Result<LoadOutcome, Status> {
    match model::load(source) {
        Err(unreadable) => {
            let _ = writeln!(err, "whosaid: {unreadable}");
            Err(Status::Usage)
        }
        Ok(outcome) => {
            for d in outcome.diagnostics() {
                let _ = writeln!(err, "{}", d.render());
            }
            Ok(outcome)
        }
    }
}

/// The exit status a load's outcome calls for.
pub fn status(outcome: &LoadOutcome) -> Status {
    if outcome.errors() > 0 { Status::Errors } else { Status::Clean }
}

/// Resolves ids given on the command line (`--speaker`, `--issue`); an
/// unknown one is a usage error with a suggestion.
pub fn resolve_ids<I: model::ix::Ix>(
    given: &[String],
    what: &str,
    known: &[&str],
    err: &mut dyn Write,
) -> Result<Vec<I>, Status> {
    let mut out = Vec::new();
    for id in given {
        match known.iter().position(|k| k == id) {
            Some(i) => out.push(I::from_index(i)),
            None => {
                let help = model::diagnostic::known_list(&format!("{what}s"), id, known.iter().copied());
                let _ = writeln!(err, "whosaid: unknown {what} `{}` {help}", crate::text::one_line(id));
                return Err(Status::Usage);
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
    // The writer's own error, unwrapped: a closed pipe stays a closed pipe
    // (which ends the command quietly).
    let io = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header).map_err(io)?;
    for row in rows {
        w.write_record(row.iter().map(|f| crate::text::sanitize(f).into_owned())).map_err(io)?;
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
    pub issue: Option<IssueIx>,
    pub title: String,
    /// Speakers in file order, each with their quotes in the order given.
    pub by_speaker: Vec<(SpeakerIx, Vec<QuoteIx>)>,
}

/// Groups `quotes` by the issues they list (their own, not their
/// sub-issues'), then by speaker, in one pass.
pub fn sections(c: &Corpus, quotes: &[QuoteIx]) -> Vec<Section> {
    // grouped[issue][speaker], with the last issue slot for quotes with none.
    let mut grouped = vec![vec![Vec::new(); c.speakers.len()]; c.issues.len() + 1];
    for &q in quotes {
        let quote = &c.quotes[q];
        if quote.issues.is_empty() {
            grouped[c.issues.len()][quote.speaker.index()].push(q);
        }
        for &i in &quote.issues {
            grouped[i.index()][quote.speaker.index()].push(q);
        }
    }
    grouped
        .into_iter()
        .enumerate()
        .map(|(i, per_speaker)| {
            let issue = (i < c.issues.len()).then(|| IssueIx::new(i));
            Section {
                issue,
                title: issue.map_or("Other quotes".to_string(), |i| c.issues[i].title.clone()),
                by_speaker: per_speaker
                    .into_iter()
                    .enumerate()
                    .filter(|(_, qs)| !qs.is_empty())
                    .map(|(s, qs)| (SpeakerIx::new(s), qs))
                    .collect(),
            }
        })
        .collect()
}
