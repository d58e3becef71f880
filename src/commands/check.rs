//! `whosaid check`: validate files and print every diagnostic.

use super::{EXIT_OK, Outcome};
use crate::model::{LoadOutcome, Source};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// Checks each file (the built-in article when none is given); diagnostics
/// go to `err`, a one-line summary per file to `out`.
pub fn run(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let sources: Vec<Source> = if files.is_empty() {
        vec![Source::BuiltIn]
    } else {
        files.iter().map(|f| Source::Paths(vec![f.clone()])).collect()
    };
    let mut status = EXIT_OK;
    for source in &sources {
        let outcome = match super::load(source, err) {
            Ok(outcome) => outcome,
            Err(code) => {
                status = status.max(code);
                continue;
            }
        };
        writeln!(out, "{}: {}", text::one_line(&source.name()), summary(&outcome))?;
        status = status.max(super::status(&outcome));
    }
    Ok(status)
}

/// `43 quotes, 8 speakers, 9 issues; 0 errors, 1 warning`
fn summary(outcome: &LoadOutcome) -> String {
    let counts = outcome.corpus().map_or(String::new(), |c| {
        format!(
            "{}, {}, {}; ",
            plural(c.quotes.len(), "quote"),
            plural(c.speakers.len(), "speaker"),
            plural(c.issues.len(), "issue")
        )
    });
    format!("{counts}{}, {}", plural(outcome.errors(), "error"), plural(outcome.warnings(), "warning"))
}

pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
