//! `whosaid suggest ARTICLE.txt [--into FILE] [--min-confidence N]`: a
//! draft annotation on stdout, or the candidates no quote covers added to
//! an existing annotation, which is replaced atomically (a failure leaves
//! it as it was).

use super::Outcome;
use crate::cli::Status;
use crate::cli::SuggestArgs;
use crate::edit::recommend;
use crate::edit::write::replace_atomically;
use crate::model::{LoadOutcome, Source, load};
use crate::suggest::{self, coverage, into, yaml};
use crate::text::one_line;
use std::io::Write;
use std::path::Path;

pub fn run(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if args.batch {
        return super::batch::run(args, out, err);
    }
    let Some(article) = &args.article else {
        writeln!(err, "whosaid: suggest needs an article's text (or --batch)")?;
        return Ok(Status::Usage);
    };
    let text = match crate::model::read_text(article) {
        Ok(text) => text,
        Err(problem) => {
            writeln!(err, "whosaid: {}", one_line(&problem.message))?;
            return Ok(if problem.unreadable { Status::Usage } else { Status::Errors });
        }
    };
    let draft = suggest::suggest(&text);
    match &args.into {
        None => {
            let text_file = article.to_string_lossy();
            let stem = article.file_stem().map_or("article".into(), |s| s.to_string_lossy());
            write!(out, "{}", yaml::draft_file(&text, &text_file, &draft, args.min_confidence, &stem))?;
            Ok(Status::Clean)
        }
        Some(file) => into_file(args, article, &text, &draft, file, out, err),
    }
}

/// Adds the candidates no quote of `file` covers to it.
fn into_file(
    args: &SuggestArgs,
    article_path: &Path,
    text: &str,
    draft: &suggest::Draft,
    file: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let name = file.display();
    let corpus = match load(&Source::Paths(vec![file.to_path_buf()])) {
        Err(unreadable) => {
            writeln!(err, "whosaid: {unreadable}")?;
            return Ok(Status::Usage);
        }
        Ok(LoadOutcome::Invalid { diagnostics, .. }) => {
            for d in &diagnostics {
                writeln!(err, "{}", d.render())?;
            }
            writeln!(err, "whosaid: {name} has errors; fix them first (nothing was changed)")?;
            return Ok(Status::Errors);
        }
        Ok(LoadOutcome::Valid { corpus, .. }) => corpus,
    };
    let [article] = corpus.articles.as_slice() else {
        writeln!(err, "whosaid: --into takes one annotation file, and {name} holds several articles")?;
        return Ok(Status::Usage);
    };
    if *article.text != *text {
        writeln!(
            err,
            "whosaid: {name} annotates another text than {}; give the article it annotates (nothing was changed)",
            article_path.display()
        )?;
        return Ok(Status::Usage);
    }
    let spans = coverage::dealt_with(&corpus, crate::model::ArticleIx::new(0));
    let (covered, candidates): (Vec<suggest::Candidate>, Vec<suggest::Candidate>) =
        yaml::chosen(draft, args.min_confidence).into_iter().partition(|c| spans.cover(c));
    let chosen: Vec<&suggest::Candidate> = candidates.iter().collect();
    let existing = yaml::Existing::of(&corpus);
    let speakers = yaml::speakers(draft, &chosen, &existing);
    // What the annotator's own quotes recommend for each, as a comment.
    let recommended = |c: &suggest::Candidate| {
        let words: Vec<&str> = c.parts.iter().map(|p| &text[p.clone()]).collect();
        let found = recommend::recommend(&corpus, &recommend::words(&words.join(" ")), |_| true);
        recommend::comment(&corpus, &found)
    };
    let written = std::cell::Cell::new(0);
    let original =
        std::fs::read_to_string(file).map_err(|e| std::io::Error::new(e.kind(), format!("{name}: {e}")))?;
    let merged =
        into::add_entries(&original, &|indent| yaml::speaker_entries(draft, &speakers, indent), &|indent| {
            let (entries, n) = yaml::quote_entries(
                text,
                draft.folded.as_ref(),
                &chosen,
                &recommended,
                &speakers,
                &existing,
                indent,
            );
            written.set(n);
            entries
        });
    let merged = match merged {
        Ok(merged) => merged,
        Err(why) => {
            writeln!(err, "whosaid: cannot add to {name}: {why} (nothing was changed)")?;
            return Ok(Status::Errors);
        }
    };
    if merged == original {
        writeln!(out, "{name}: every candidate is covered already; nothing to add")?;
        return Ok(Status::Clean);
    }
    let written = written.get();
    if let Err(why) = replace_checked(file, &merged, corpus.quotes.len() + written) {
        writeln!(err, "whosaid: cannot add to {name}: {why} (nothing was changed)")?;
        return Ok(Status::Errors);
    }
    writeln!(
        out,
        "{name}: added {written} quotes and {} speakers ({} candidates were quoted or rejected already)",
        speakers.new.len(),
        covered.len()
    )?;
    Ok(Status::Clean)
}

/// Writes `contents` beside `file`, checks that it loads with the
/// expected number of quotes, and only then renames it over `file`.
fn replace_checked(file: &Path, contents: &str, quotes: usize) -> Result<(), String> {
    replace_atomically(file, contents, |temp| match load(&Source::Paths(vec![temp.to_path_buf()])) {
        Ok(LoadOutcome::Valid { corpus, .. }) if corpus.quotes.len() == quotes => Ok(()),
        Ok(LoadOutcome::Invalid { diagnostics, .. }) => {
            let first = diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
            Err(format!("the result would not pass check ({first})"))
        }
        _ => Err("the result would not load as expected".to_string()),
    })
}
