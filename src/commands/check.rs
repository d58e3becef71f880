//! `whosaid check`: validate what the paths name and print every diagnostic.

use super::Outcome;
use crate::cli::Status;
use crate::model::{ArticleIx, Corpus, FileSummary, Library, LoadOutcome, Source};
use crate::suggest::coverage;
use crate::text;
use std::io::Write;
use std::path::PathBuf;

/// Checks what the paths name (the built-in article when there are none),
/// as one corpus; diagnostics go to `err`, a one-line summary per file to
/// `out`, and for several files a line for the whole.
pub fn run(paths: &[PathBuf], coverage: bool, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let source = Source::from_args(paths);
    let (library, outcome) = match Library::open(&source, &|_| {}) {
        Ok(opened) => opened,
        Err(unreadable) => {
            writeln!(err, "whosaid: {unreadable}")?;
            return Ok(Status::Usage);
        }
    };
    for d in outcome.diagnostics() {
        writeln!(err, "{}", d.render())?;
    }
    let files = library.summaries();
    if let [file] = &files[..] {
        writeln!(out, "{}: {}", text::one_line(&file.name), single(&outcome))?;
    } else {
        for file in &files {
            writeln!(out, "{}: {}", text::one_line(&file.name), per_file(file, &outcome))?;
        }
        writeln!(out, "{}", whole(&source, &files, &outcome))?;
    }
    if coverage && let Some(corpus) = outcome.corpus() {
        for a in corpus.articles.ids() {
            write_coverage(corpus, a, out)?;
        }
    }
    Ok(super::status(&outcome))
}

/// `coverage of ID: 41 of 45 candidates covered (91%)`, then each
/// candidate neither quoted nor rejected, at its article line.
fn write_coverage(corpus: &Corpus, a: ArticleIx, out: &mut dyn Write) -> std::io::Result<()> {
    let article = &corpus.articles[a];
    let report = coverage::of_article(corpus, a);
    let total = report.draft.candidates.len();
    let covered = report.count();
    let percent = (covered * 100).checked_div(total).unwrap_or(100);
    writeln!(
        out,
        "coverage of {}: {covered} of {} covered ({percent}%; quoted or rejected; \
         measured against what `suggest` finds, not every statement in the text)",
        text::one_line(&article.id),
        plural(total, "candidate")
    )?;
    for c in report.uncovered() {
        let line = article.line_starts.partition_point(|&s| s <= c.start());
        let words = text::fold_whitespace(&article.text[c.parts[0].clone()]).into_owned();
        writeln!(
            out,
            "  line {line}: {} · “{}” ({}%, {})",
            text::one_line(&report.draft.cast.people[c.speaker].name),
            text::truncate(&text::one_line(&words), 70),
            c.confidence,
            text::one_line(&c.found_by)
        )?;
    }
    Ok(())
}

/// `43 quotes, 8 speakers, 9 issues; 0 errors, 1 warning`
fn single(outcome: &LoadOutcome) -> String {
    let counts = outcome.corpus().map_or(String::new(), |c| {
        format!(
            "{}, {}, {}; ",
            plural(c.quotes.len(), "quote"),
            plural(c.speakers.len(), "speaker"),
            plural(c.issues.len(), "issue")
        )
    });
    format!("{counts}{}", problems(outcome.errors(), outcome.warnings()))
}

/// `12 quotes, 2 speakers; 0 errors, 0 warnings`: what the file holds itself.
fn per_file(file: &FileSummary, outcome: &LoadOutcome) -> String {
    let mut held = Vec::new();
    if !file.is_corpus {
        held.push(plural(file.quotes, "quote"));
    }
    if file.speakers > 0 || file.is_corpus {
        held.push(plural(file.speakers, "speaker"));
    }
    if file.issues > 0 || file.is_corpus {
        held.push(plural(file.issues, "issue"));
    }
    let mine = outcome.diagnostics().iter().filter(|d| d.file == file.name);
    let (errors, warnings) =
        mine.fold((0, 0), |(e, w), d| if d.is_error() { (e + 1, w) } else { (e, w + 1) });
    let kind = if file.is_corpus { "corpus file: " } else { "" };
    format!("{kind}{}; {}", held.join(", "), problems(errors, warnings))
}

/// `all 5 files: 5 articles, 160 quotes, 15 speakers, 13 issues; 0 errors, 2 warnings`
fn whole(source: &Source, files: &[FileSummary], outcome: &LoadOutcome) -> String {
    let counts = outcome.corpus().map_or(String::new(), |c| {
        format!(
            ": {}, {}, {}, {}",
            plural(c.articles.len(), "article"),
            plural(c.quotes.len(), "quote"),
            plural(c.speakers.len(), "speaker"),
            plural(c.issues.len(), "issue")
        )
    });
    format!(
        "{} ({} files){counts}; {}",
        text::one_line(&source.name()),
        files.len(),
        problems(outcome.errors(), outcome.warnings())
    )
}

fn problems(errors: usize, warnings: usize) -> String {
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}

pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
