//! The keys that change the annotation (DESIGN §10). On a candidate `u`
//! marked and `]`/`[` selected: `A` accepts it (a form, see [`super::form`])
//! and `X` rejects it. On the selected quote: `S` its issues and stances,
//! `W` its speaker, `K` its kind, `D` deletes it (after a question), `<` `>` `{` `}` move its
//! span by a word. `U` undoes, `R` tries a refused change again. Each
//! change goes to the loader's worker as a [`Change`], which writes it
//! safely; [`App::take_written`] hears how that went.

use super::app::{App, Effect};
use super::form::Form;
use super::intent::Intent;
use super::layout::Pane;
use super::loader::WriteOutcomes;
use super::mode::Mode;
use crate::edit::write::Refused;
use crate::edit::{Change, Edit, QuoteRef};
use crate::model::{ArticleIx, Corpus, Kind, QuoteIx};
use crate::suggest::Candidate;
use crate::suggest::yaml::occurrence_of;
use crate::text::fold_whitespace;

fn notice(text: impl Into<String>) -> (Mode, Vec<Intent>) {
    (Mode::Browse, vec![Intent::Notice(text.into())])
}

/// A quote as its file holds it.
pub fn quote_ref(c: &Corpus, q: QuoteIx) -> QuoteRef {
    QuoteRef { index: c.place_in_file(q), id: c.quotes[q].id.clone() }
}

/// A change to the file of quote `q`'s article.
fn change(app: &App, q: QuoteIx, edit: Edit) -> Result<Change, String> {
    change_in(app, app.corpus.quotes[q].article, edit)
}

/// A change to the file of an article.
pub(super) fn change_in(app: &App, article: ArticleIx, edit: Edit) -> Result<Change, String> {
    Ok(Change::Edit { file: app.corpus.file_of(article)?, edit })
}

/// The change for the loader to write, or why there is none, said.
pub(super) fn write(result: Result<Change, String>) -> (Mode, Vec<Intent>) {
    match result {
        Ok(change) => (Mode::Browse, vec![Intent::Effect(Effect::Write(Box::new(change)))]),
        Err(why) => notice(why),
    }
}

/// `A`: the accept form for the selected candidate.
pub fn accept(app: &App) -> (Mode, Vec<Intent>) {
    let Some((_, candidate)) = app.selected_candidate() else { return notice(no_candidate(app)) };
    if let Err(why) = app.corpus.file_of(app.article.shown) {
        return notice(why);
    }
    (Form::accept(app, candidate.clone()), Vec::new())
}

/// `X`: the selected candidate into the file's `rejected:` list.
pub fn reject(app: &App) -> (Mode, Vec<Intent>) {
    let Some((_, candidate)) = app.selected_candidate() else { return notice(no_candidate(app)) };
    let text = &app.shown_article().text;
    let first = candidate.parts[0].clone();
    let occurrence = match occurrence_of(text, std::slice::from_ref(&first)) {
        Some(0) => return notice("this candidate's words cannot be told apart from a repeat of them"),
        n => n,
    };
    let edit = Edit::Reject { text: fold_whitespace(&text[first]).into_owned(), occurrence };
    write(change_in(app, app.article.shown, edit))
}

fn no_candidate(app: &App) -> &'static str {
    if app.article.uncovered.is_none() {
        "no candidate selected · u marks the candidates, then ] and [ step to them"
    } else {
        "no candidate selected · ] and [ step to the candidates in the article"
    }
}

/// The selected quote, when its file can change; else why not.
fn editable(app: &App) -> Result<QuoteIx, String> {
    let q = app.selected_quote().ok_or("no quote selected")?;
    app.corpus.file_of(app.corpus.quotes[q].article)?;
    Ok(q)
}

/// `S`: the issues-and-stances picker for the selected quote.
pub fn stances(app: &App) -> (Mode, Vec<Intent>) {
    let q = match editable(app) {
        Ok(q) => q,
        Err(why) => return notice(why),
    };
    if app.corpus.issues.is_empty() {
        return notice("the annotation has no issues yet: add them to its issues: list (e edits the file)");
    }
    (Form::stances(app, q), Vec::new())
}

/// `W`: the speaker picker for the selected quote.
pub fn change_speaker(app: &App) -> (Mode, Vec<Intent>) {
    match editable(app) {
        Ok(q) => (Form::speaker_of(app, q), Vec::new()),
        Err(why) => notice(why),
    }
}

/// `K`: the quote's kind, the next of direct, indirect, question.
pub fn cycle_kind(app: &App) -> (Mode, Vec<Intent>) {
    let Some(q) = app.selected_quote() else { return notice("no quote selected") };
    let kind = next_kind(app.corpus.quotes[q].kind);
    write(change(app, q, Edit::Kind { quote: quote_ref(&app.corpus, q), kind }))
}

pub fn next_kind(kind: Kind) -> Kind {
    match kind {
        Kind::Direct => Kind::Indirect,
        Kind::Indirect => Kind::Question,
        Kind::Question => Kind::Direct,
    }
}

/// `D`: asks before the quote is deleted.
pub fn delete(app: &App) -> (Mode, Vec<Intent>) {
    match editable(app) {
        Ok(q) => (Form::confirm_delete(app, q), Vec::new()),
        Err(why) => notice(why),
    }
}

/// The edit that deletes quote `q`.
pub fn delete_edit(app: &App, q: QuoteIx) -> Result<Change, String> {
    let c = &app.corpus;
    let quote = quote_ref(c, q);
    if c.implicit_ids_from(c.quotes[q].article, quote.index + 1) {
        return Err("quotes after this one have no id: of their own, and deleting it would renumber them · \
                    give them ids (e) first"
            .into());
    }
    change(app, q, Edit::Delete { quote })
}

/// Which end of a span moves, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanMove {
    StartLeft,
    StartRight,
    EndLeft,
    EndRight,
}

/// `<` `>` `{` `}`: the quote's span a word longer or shorter at one end;
/// its words are the article's, so it stays verbatim.
pub fn move_span(app: &App, how: SpanMove) -> (Mode, Vec<Intent>) {
    let Some(q) = app.selected_quote() else { return notice("no quote selected") };
    let c = &app.corpus;
    let text = &c.articles[c.quotes[q].article].text;
    let mut parts = c.quotes[q].parts.clone();
    let last = parts.len() - 1;
    match how {
        SpanMove::StartLeft => parts[0].start = word_start_before(text, parts[0].start),
        SpanMove::StartRight => parts[0].start = next_word_start(text, parts[0].start),
        SpanMove::EndLeft => parts[last].end = word_end_before(text, parts[last].end),
        SpanMove::EndRight => parts[last].end = next_word_end(text, parts[last].end),
    }
    if parts.iter().any(|p| p.start >= p.end) {
        return notice("the span cannot be shorter: one word is left");
    }
    let (old, new) = (&c.quotes[q].parts, &parts);
    // What a longer span takes in (nothing, where it is shorter).
    let grown =
        (new[0].start.min(old[0].start)..old[0].start, old[last].end..new[last].end.max(old[last].end));
    if breaks_paragraph(&text[grown.0]) || breaks_paragraph(&text[grown.1]) {
        return notice(
            "a span stops at its paragraph's end · a quote that goes on is written in parts (e edits it)",
        );
    }
    if parts == c.quotes[q].parts {
        return notice("the span cannot move further that way");
    }
    let occurrence = match occurrence_of(text, &parts) {
        Some(0) => return notice("the new span cannot be told apart from a repeat of its words"),
        n => n,
    };
    let words: Vec<String> = parts.iter().map(|p| fold_whitespace(&text[p.clone()]).into_owned()).collect();
    write(change(app, q, Edit::Span { quote: quote_ref(c, q), parts: words, occurrence }))
}

/// A letter of a word: spans move by words, the punctuation and spaces
/// between them going with the word they reach.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

fn between(c: char) -> bool {
    !in_word(c)
}

/// The start of the word before `at` (the span grows by a word).
fn word_start_before(text: &str, at: usize) -> usize {
    text[..at].trim_end_matches(between).trim_end_matches(in_word).len()
}

/// The start of the word after the one at `at` (the span loses a word).
fn next_word_start(text: &str, at: usize) -> usize {
    let rest = text[at..].trim_start_matches(in_word).trim_start_matches(between);
    text.len() - rest.len()
}

/// The end of the word before the last one ending at `at`.
fn word_end_before(text: &str, at: usize) -> usize {
    text[..at].trim_end_matches(between).trim_end_matches(in_word).trim_end_matches(between).len()
}

/// The end of the word after `at` with the punctuation that follows it
/// (the span grows by a word).
fn next_word_end(text: &str, at: usize) -> usize {
    let rest = text[at..].trim_start_matches(between).trim_start_matches(in_word);
    let rest = rest.trim_start_matches(|c: char| between(c) && !c.is_whitespace());
    text.len() - rest.len()
}

/// Whether a stretch of text holds a paragraph break (a blank line).
fn breaks_paragraph(s: &str) -> bool {
    let lines: Vec<&str> = s.split('\n').collect();
    lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|l| l.trim().is_empty())
}

/// `]` and `[` while `u` marks candidates: the next or previous candidate
/// or quote of the list in the article, whichever comes first.
pub fn step(app: &App, forward: bool) -> Option<Vec<Intent>> {
    let candidates = app.article.uncovered.as_ref().filter(|c| !c.is_empty())?;
    let c = &app.corpus;
    let shown = app.article.shown;
    // Quotes before candidates at one place; (start, 0, quote) or (start, 1, candidate).
    let here = match app.selected_candidate() {
        Some((i, candidate)) => (candidate.start(), 1, i),
        None => match app.selected_quote().filter(|&q| c.quotes[q].article == shown) {
            Some(q) => (c.quotes[q].span.start, 0, q.index()),
            None => {
                let row = app.article.layout.rows.get(app.article.scroll.selected).cloned().unwrap_or(0..0);
                if forward { (row.start, 0, 0) } else { (row.start, 0, usize::MAX) }
            }
        },
    };
    let quotes = app.list.quotes.iter().filter(|&&q| c.quotes[q].article == shown).map(|&q| {
        let start = c.quotes[q].span.start;
        (start, 0, q.index())
    });
    let items = quotes.chain(candidates.iter().enumerate().map(|(i, cand)| (cand.start(), 1, i)));
    let items: Vec<(usize, usize, usize)> = items.collect();
    let ahead = if forward {
        items.iter().copied().filter(|&item| item > here).min()
    } else {
        items.iter().copied().filter(|&item| item < here).max()
    };
    // Past the end, round to the other end, as n and N do: nothing is
    // out of reach from where the reader happens to be.
    let wrapped = ahead.is_none();
    let target =
        ahead.or_else(|| if forward { items.iter().copied().min() } else { items.iter().copied().max() });
    let target = target.filter(|&t| t != here);
    let mut intents = match target {
        Some((_, 0, q)) => {
            vec![Intent::SelectCandidate(None), Intent::JumpTo(QuoteIx::new(q)), Intent::Focus(Pane::Article)]
        }
        Some((start, _, i)) => vec![
            Intent::SelectCandidate(Some(i)),
            Intent::ArticleCursor(app.article.layout.row_of(start)),
            Intent::Focus(Pane::Article),
            Intent::Notice(candidate_notice(app, &candidates[i])),
        ],
        None => vec![Intent::Notice("no other candidate or quote in this article".into())],
    };
    if wrapped && target.is_some() {
        let said = if forward {
            "wrapped to the top of the article"
        } else {
            "wrapped to the bottom of the article"
        };
        match intents.last_mut() {
            Some(Intent::Notice(notice)) => *notice = format!("{said} · {notice}"),
            _ => intents.push(Intent::Notice(said.into())),
        }
    }
    Some(intents)
}

/// What the status line says of a selected candidate.
fn candidate_notice(app: &App, candidate: &Candidate) -> String {
    let who = app.suggested_person(candidate).map_or("nobody suggest could name", |p| p.name.as_str());
    format!(
        "candidate: {} by {who} ({}%) · A accepts · X rejects · ] next",
        candidate.kind.name(),
        candidate.confidence
    )
}

impl App {
    /// How the changes asked for were written: each written one can be
    /// undone, a refused one is said (and kept for `R` when its file had
    /// changed on disk).
    pub(super) fn take_written(&mut self, outcomes: WriteOutcomes) {
        for (change, result) in outcomes {
            match (change, result) {
                (Change::Edit { .. }, Ok(written)) => {
                    let name = written.file.file_name().map_or(String::new(), |n| n.to_string_lossy().into());
                    self.message = Some(format!("{} · written to {name} · U undoes", written.what));
                    if let Some(q) = self.quote_in(&written.file, written.select.as_deref()) {
                        self.reselect(Some(q));
                        if self.selected_quote() != Some(q) {
                            self.jump_to_quote(q);
                        }
                        self.show_selected_quote();
                    }
                    self.undo.push(written);
                    self.retry = None;
                }
                (Change::Undo(_), Ok(written)) => {
                    let more = if self.undo.is_empty() { "" } else { " · U undoes the one before" };
                    self.message = Some(format!("{}{more}", written.what));
                }
                (change, Err(refused)) => {
                    match (&change, &refused) {
                        // An undo stays on the stack: it is tried again
                        // with U once the file is as written again.
                        (Change::Undo(written), _) => self.undo.push(written.clone()),
                        (_, Refused::ChangedOnDisk(_)) => self.retry = Some(change),
                        _ => {}
                    }
                    self.message = Some(refused.say());
                }
            }
        }
    }

    /// The quote with id `id` in the article of `file`.
    fn quote_in(&self, file: &std::path::Path, id: Option<&str>) -> Option<QuoteIx> {
        let c = &self.corpus;
        let article = c.articles.ids().find(|&a| c.articles[a].file.as_deref() == Some(file))?;
        c.quotes.ids().find(|&q| c.quotes[q].article == article && Some(c.quotes[q].id.as_str()) == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_move_by_whole_words_and_come_back() {
        let text = "He said: \"Sanctions will follow any invasion,\" Sherman warned.";
        let start = text.find("Sanctions").unwrap();
        let end = text.find("invasion").unwrap() + "invasion".len();
        let longer = next_word_end(text, end);
        assert_eq!(&text[start..longer], "Sanctions will follow any invasion,\" Sherman");
        let whole = text.len() - 1;
        assert_eq!(next_word_end(text, word_end_before(text, whole)), text.len(), "its period comes back");
        assert!(breaks_paragraph("past.\n\nExperts") && breaks_paragraph("a\n \t\nb"));
        assert!(!breaks_paragraph("past.\nExperts") && !breaks_paragraph("past.\n"));
        assert_eq!(word_end_before(text, longer), end);
        assert_eq!(&text[start..word_end_before(text, end)], "Sanctions will follow any");
        let later = next_word_start(text, start);
        assert_eq!(&text[later..end], "will follow any invasion");
        assert_eq!(word_start_before(text, later), start);
        assert_eq!(&text[word_start_before(text, start)..end], "said: \"Sanctions will follow any invasion");
    }
}
