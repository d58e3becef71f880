//! `whosaid check`: validate files and print every diagnostic.

use super::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE, Outcome};
use crate::model::{self, Severity, Source};
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// Checks each file (the built-in article when none is given); diagnostics
/// go to `err`, a one-line summary per file to `out`.
pub fn run(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let sources: Vec<Source> = if files.is_empty() {
        vec![Source::BuiltIn]
    } else {
        files.iter().map(|f| Source::File(f.clone())).collect()
    };
    let mut status = EXIT_OK;
    for source in &sources {
        let name = source.name();
        match model::load(source) {
            Err(unreadable) => {
                writeln!(err, "whosaid: {unreadable}")?;
                status = EXIT_USAGE;
            }
            Ok(loaded) => {
                for d in &loaded.diagnostics {
                    writeln!(err, "{}", d.render(&name))?;
                }
                let errors = loaded.errors();
                let warnings = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
                let counts = loaded.annotation.as_ref().map_or(String::new(), |a| {
                    format!(
                        "{}, {}, {}; ",
                        plural(a.quotes.len(), "quote"),
                        plural(a.speakers.len(), "speaker"),
                        plural(a.issues.len(), "issue")
                    )
                });
                writeln!(
                    out,
                    "{}: {counts}{}, {}",
                    text::one_line(&name),
                    plural(errors, "error"),
                    plural(warnings, "warning")
                )?;
                if errors > 0 {
                    status = status.max(EXIT_ERRORS);
                }
            }
        }
    }
    Ok(status)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
