//! The forms of annotating, each a [`Mode`]: the accept form of a
//! candidate (its speaker from a fuzzy picker, then its kind, issues and
//! stances), the issues-and-stances picker of a quote (`S`), and the
//! question before a deletion (`D`). Recommendations (see
//! [`crate::edit::recommend`]) are marked in the picker, and preselected
//! where the quote has no issues yet and the evidence is strong enough. Enter turns the form into a
//! [`crate::edit::Change`] for the loader to write; Esc writes nothing.

use super::annotate::{change_in, delete_edit, next_kind, quote_ref, write as write_change};
use super::app::{App, Effect};
use super::intent::Intent;
use super::keymap::Action;
use super::mode::Mode;
use crate::edit::recommend::{self, Recommendation};
use crate::edit::{Edit, NewQuote, NewSpeaker, QuoteRef, Stances};
use crate::model::{ArticleIx, Corpus, IssueIx, Kind, QuoteIx, Remap, SpeakerIx, Stance};
use crate::suggest::Candidate;
use crate::suggest::people::Sort;
use crate::suggest::yaml::{occurrence_of, speaker_id};
use crate::text::fold_whitespace;

#[derive(Debug)]
pub struct Form {
    pub target: Target,
    pub step: Step,
    /// The speaker the picker offers first: the one `suggest` found for a
    /// candidate, the quote's own for `W`.
    pub suggested: Choice,
    pub speaker: SpeakerPicker,
    pub stances: StancePicker,
}

/// What the form is about.
#[derive(Debug)]
pub enum Target {
    /// A candidate to accept: its words in an article, and who `suggest`
    /// says said them.
    Candidate {
        candidate: Candidate,
        article: ArticleIx,
    },
    Quote(QuoteIx),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Speaker,
    Stances,
    ConfirmDelete,
}

/// A speaker the picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Existing(SpeakerIx),
    New { name: String, role: Option<String> },
}

#[derive(Debug, Default)]
pub struct SpeakerPicker {
    pub query: String,
    /// The row selected among [`Form::choices`].
    pub selected: usize,
    pub chosen: Option<Choice>,
}

#[derive(Debug)]
pub struct StancePicker {
    pub kind: Kind,
    pub rows: Vec<IssueRow>,
    pub selected: usize,
}

/// One issue of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueRow {
    pub issue: IssueIx,
    /// Whether the quote is on this issue (lists it).
    pub on: bool,
    pub stance: Option<Stance>,
    pub recommended: Option<Recommendation>,
}

impl Form {
    /// The accept form of a candidate of the shown article.
    pub fn accept(app: &App, candidate: Candidate) -> Mode {
        let c = &app.corpus;
        let text = &app.shown_article().text;
        let suggested = match app.suggested_person(&candidate) {
            Some(p) => match existing_speaker(c, &p.name, &p.aliases) {
                Some(s) => Choice::Existing(s),
                None => Choice::New { name: p.name.clone(), role: p.role.clone() },
            },
            None => Choice::New { name: String::new(), role: None },
        };
        let words: String = candidate.parts.iter().map(|p| &text[p.clone()]).collect::<Vec<_>>().join(" ");
        let recommended = recommend::recommend(c, &recommend::words(&words), |_| true);
        let stances = StancePicker::new(c, candidate.kind, &[], &[], &recommended, true);
        Mode::Form(Form {
            target: Target::Candidate { candidate, article: app.article.shown },
            step: Step::Speaker,
            suggested,
            speaker: SpeakerPicker::default(),
            stances,
        })
    }

    /// The issues-and-stances picker of quote `q`.
    pub fn stances(app: &App, q: QuoteIx) -> Mode {
        let c = &app.corpus;
        let quote = &c.quotes[q];
        let words = recommend::words(&quote.text.parts().join(" "));
        let recommended = recommend::recommend(c, &words, |o| o != q);
        let fresh = quote.issues.is_empty();
        let stances = StancePicker::new(c, quote.kind, &quote.issues, &quote.stances, &recommended, fresh);
        Mode::Form(Form {
            target: Target::Quote(q),
            step: Step::Stances,
            suggested: Choice::Existing(quote.speaker),
            speaker: SpeakerPicker::default(),
            stances,
        })
    }

    /// The speaker picker of quote `q` (`W`), its own speaker first.
    pub fn speaker_of(app: &App, q: QuoteIx) -> Mode {
        let quote = &app.corpus.quotes[q];
        let stances = StancePicker { kind: quote.kind, rows: Vec::new(), selected: 0 };
        Mode::Form(Form {
            target: Target::Quote(q),
            step: Step::Speaker,
            suggested: Choice::Existing(quote.speaker),
            speaker: SpeakerPicker::default(),
            stances,
        })
    }

    /// The question before quote `q` is deleted.
    pub fn confirm_delete(app: &App, q: QuoteIx) -> Mode {
        let stances = StancePicker { kind: Kind::Direct, rows: Vec::new(), selected: 0 };
        Mode::Form(Form {
            target: Target::Quote(q),
            step: Step::ConfirmDelete,
            suggested: Choice::Existing(app.corpus.quotes[q].speaker),
            speaker: SpeakerPicker::default(),
            stances,
        })
    }

    /// The speakers the picker offers for what is typed: the suggested
    /// one first, then the corpus's best matches, then a new speaker by
    /// the name typed. Each with whether it is the suggested one.
    pub fn choices(&self, c: &Corpus) -> Vec<(Choice, bool)> {
        let suggested = &self.suggested;
        let query = self.speaker.query.trim();
        // Each speaker by its best-matching name; the suggested one first
        // while nothing is typed, then by how well it matches.
        let mut scored: Vec<(i32, usize, Choice)> = c
            .speakers
            .ids()
            .filter_map(|s| {
                let speaker = &c.speakers[s];
                let names = std::iter::once(&speaker.name).chain(&speaker.aliases).chain([&speaker.id]);
                let score = names.filter_map(|n| fuzzy(query, n)).max()?;
                Some((score, s.index() + 1, Choice::Existing(s)))
            })
            .collect();
        if let Choice::New { name, .. } = suggested
            && let Some(score) = fuzzy(query, name).filter(|_| !name.is_empty())
        {
            scored.push((score, 0, suggested.clone()));
        }
        let first = |choice: &Choice| query.is_empty() && choice == suggested;
        scored.sort_by_key(|(score, order, choice)| (!first(choice), -score, *order));
        let mut out: Vec<(Choice, bool)> =
            scored.into_iter().map(|(_, _, choice)| (choice.clone(), &choice == suggested)).collect();
        let taken = |name: &str| {
            c.speakers.iter().any(|s| s.name.eq_ignore_ascii_case(name))
                || matches!(suggested, Choice::New { name: n, .. } if n.eq_ignore_ascii_case(name))
        };
        if !query.is_empty() && !taken(query) {
            out.push((Choice::New { name: query.to_string(), role: None }, false));
        }
        out
    }

    /// Carries the form over to a corpus read again; false when what it
    /// is about is gone.
    pub fn remap(&mut self, remap: &Remap) -> bool {
        let carried = match &mut self.target {
            Target::Quote(q) => remap.quote(*q).map(|n| *q = n).is_some(),
            Target::Candidate { article, .. } => remap.same_text(*article).map(|n| *article = n).is_some(),
        };
        let suggested = match &mut self.suggested {
            Choice::Existing(s) => remap.speaker(*s).map(|n| *s = n).is_some(),
            Choice::New { .. } => true,
        };
        let chosen = match &mut self.speaker.chosen {
            Some(Choice::Existing(s)) => remap.speaker(*s).map(|n| *s = n).is_some(),
            _ => true,
        };
        let mut issues = true;
        for row in &mut self.stances.rows {
            match remap.issue(row.issue) {
                Some(n) => row.issue = n,
                None => issues = false,
            }
        }
        carried && suggested && chosen && issues
    }
}

/// A speaker of the corpus by one of its names.
fn existing_speaker(c: &Corpus, name: &str, aliases: &[String]) -> Option<SpeakerIx> {
    let names: Vec<String> =
        std::iter::once(name).chain(aliases.iter().map(String::as_str)).map(str::to_lowercase).collect();
    c.speakers.ids().find(|&s| {
        let speaker = &c.speakers[s];
        std::iter::once(&speaker.name).chain(&speaker.aliases).any(|n| names.contains(&n.to_lowercase()))
    })
}

/// How well `query` matches `name` (case folded), or `None`: best as a
/// word's start, then anywhere in one piece, then as letters in order
/// (those in a row and at word starts scoring higher).
pub fn fuzzy(query: &str, name: &str) -> Option<i32> {
    if query.is_empty() {
        return Some(0);
    }
    let (lower, wanted) = (name.to_lowercase(), query.to_lowercase());
    if let Some(at) = lower.find(&wanted) {
        let word_start = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
        return Some(if word_start { 200 } else { 100 } - lower[..at].chars().count().min(50) as i32);
    }
    let name: Vec<char> = lower.chars().collect();
    let mut score = 0;
    let mut at = 0;
    let mut previous: Option<usize> = None;
    for q in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let found = (at..name.len()).find(|&i| name[i] == q)?;
        score += if previous == Some(found.wrapping_sub(1)) { 3 } else { 0 };
        score += if found == 0 || !name[found - 1].is_alphanumeric() { 2 } else { 0 };
        score -= (found - at).min(5) as i32;
        previous = Some(found);
        at = found + 1;
    }
    Some(score)
}

impl StancePicker {
    /// Every issue of the corpus, those of `issues` on with their
    /// `stances`; with `preselect`, the recommended ones on too.
    fn new(
        c: &Corpus,
        kind: Kind,
        issues: &[IssueIx],
        stances: &[(IssueIx, Stance)],
        recommended: &[Recommendation],
        preselect: bool,
    ) -> StancePicker {
        let rows: Vec<IssueRow> = c
            .issues
            .ids()
            .map(|issue| {
                let recommended = recommended.iter().find(|r| r.issue == issue).copied();
                let on = issues.contains(&issue);
                let stance = stances.iter().find(|(i, _)| *i == issue).map(|(_, s)| *s);
                match recommended {
                    Some(r) if preselect && !on && r.preselected() => {
                        IssueRow { issue, on: true, stance: r.stance, recommended }
                    }
                    _ => IssueRow { issue, on, stance, recommended },
                }
            })
            .collect();
        // Always the first row: where the cursor starts never depends on
        // what is recommended.
        StancePicker { kind, rows, selected: 0 }
    }

    /// The issues on, with their stances: those the quote listed first,
    /// in its order, then the others in the corpus's.
    fn chosen(&self, c: &Corpus, listed: &[IssueIx]) -> Stances {
        let on = |issue: IssueIx| self.rows.iter().find(|r| r.issue == issue && r.on);
        let first = listed.iter().filter_map(|&i| on(i));
        let rest = self.rows.iter().filter(|r| r.on && !listed.contains(&r.issue));
        first.chain(rest).map(|r| (c.issues[r.issue].id.clone(), r.stance)).collect()
    }
}

/// A letter typed into the speaker picker.
pub fn type_char(mut form: Form, c: char) -> (Mode, Vec<Intent>) {
    form.speaker.query.push(c);
    form.speaker.selected = 0;
    (Mode::Form(form), Vec::new())
}

pub fn update(app: &App, mut form: Form, action: Action) -> (Mode, Vec<Intent>) {
    let cancelled = || (Mode::Browse, vec![Intent::Notice("nothing written".into())]);
    match (form.step, action) {
        (_, Action::Quit) => return (Mode::Form(form), vec![Intent::Effect(Effect::Quit)]),
        (_, Action::Escape) => return cancelled(),
        (Step::Speaker, Action::DeleteBack) => {
            form.speaker.query.pop();
            form.speaker.selected = 0;
        }
        (Step::Speaker, Action::Down | Action::Up) => {
            let n = form.choices(&app.corpus).len();
            let step = if action == Action::Down { 1 } else { n.saturating_sub(1) };
            form.speaker.selected = if n == 0 { 0 } else { (form.speaker.selected + step) % n };
        }
        (Step::Speaker, Action::Enter) => match form.choices(&app.corpus).get(form.speaker.selected) {
            Some((choice, _)) if matches!(form.target, Target::Quote(_)) => {
                form.speaker.chosen = Some(choice.clone());
                return write(app, &form);
            }
            Some((choice, _)) => {
                form.speaker.chosen = Some(choice.clone());
                form.step = Step::Stances;
            }
            None => return (Mode::Form(form), vec![Intent::Notice("type a speaker's name".into())]),
        },
        (Step::Stances, Action::Down) => {
            form.stances.selected =
                (form.stances.selected + 1).min(form.stances.rows.len().saturating_sub(1));
        }
        (Step::Stances, Action::Up) => form.stances.selected = form.stances.selected.saturating_sub(1),
        (Step::Stances, Action::CycleKind) if matches!(form.target, Target::Candidate { .. }) => {
            form.stances.kind = next_kind(form.stances.kind);
        }
        (
            Step::Stances,
            Action::Support
            | Action::Oppose
            | Action::Neutral
            | Action::Mixed
            | Action::NoStance
            | Action::ToggleIssue,
        ) => {
            if let Some(row) = form.stances.rows.get_mut(form.stances.selected) {
                match action {
                    Action::ToggleIssue => row.on = !row.on,
                    _ => {
                        row.on = true;
                        row.stance = match action {
                            Action::Support => Some(Stance::Support),
                            Action::Oppose => Some(Stance::Oppose),
                            Action::Neutral => Some(Stance::Neutral),
                            Action::Mixed => Some(Stance::Mixed),
                            _ => None,
                        };
                    }
                }
            }
        }
        (Step::Stances, Action::Enter) => return write(app, &form),
        (Step::ConfirmDelete, Action::Yes) => {
            let Target::Quote(q) = form.target else { return cancelled() };
            return write_change(delete_edit(app, q));
        }
        _ => {}
    }
    (Mode::Form(form), Vec::new())
}

/// The form's change: the quote's new issues and stances, or the
/// candidate as a new quote.
fn write(app: &App, form: &Form) -> (Mode, Vec<Intent>) {
    let c = &app.corpus;
    match &form.target {
        Target::Quote(q) if form.step == Step::Speaker => {
            let Some(choice) = &form.speaker.chosen else {
                return write_change(Err("no speaker chosen".into()));
            };
            if *choice == Choice::Existing(c.quotes[*q].speaker) {
                return (Mode::Browse, vec![Intent::Notice("the same speaker: nothing written".into())]);
            }
            let (speaker, new) = speaker_entry(c, choice);
            let edit = Edit::Speaker { quote: quote_ref(c, *q), speaker, new };
            write_change(change_in(app, c.quotes[*q].article, edit))
        }
        Target::Quote(q) => {
            let stances = form.stances.chosen(c, &c.quotes[*q].issues);
            let edit = Edit::Stances { quote: quote_ref(c, *q), stances };
            write_change(change_in(app, c.quotes[*q].article, edit))
        }
        Target::Candidate { candidate, article, .. } => {
            let Some(choice) = &form.speaker.chosen else {
                return write_change(Err("no speaker chosen".into()));
            };
            let text = &c.articles[*article].text;
            let occurrence = match occurrence_of(text, &candidate.parts) {
                Some(0) => {
                    return write_change(Err(
                        "the candidate's words cannot be told apart from a repeat".into()
                    ));
                }
                n => n,
            };
            let (speaker, new_speaker) = speaker_entry(c, choice);
            let mut speakers: Vec<NewSpeaker> = new_speaker.into_iter().collect();
            // Who passed the words on, as `suggest` found it: a speaker of the file, or a new one.
            let via = app.suggested_via(candidate).map(|p| match existing_speaker(c, &p.name, &p.aliases) {
                Some(s) => c.speakers[s].id.clone(),
                None => {
                    let taken = |id: &str| {
                        c.speakers.iter().any(|s| s.id == id) || speakers.iter().any(|s| s.id == id)
                    };
                    let id = speaker_id(&p.name, Sort::Named, taken);
                    speakers.push(NewSpeaker { id: id.clone(), name: p.name.clone(), role: p.role.clone() });
                    id
                }
            });
            let quote = NewQuote {
                id: new_quote_id(c, *article, &speaker),
                kind: form.stances.kind,
                parts: candidate
                    .parts
                    .iter()
                    .map(|p| fold_whitespace(&text[p.clone()]).into_owned())
                    .collect(),
                occurrence,
                stances: form.stances.chosen(c, &[]),
                via: via.into_iter().filter(|v| *v != speaker).collect(),
                speaker,
            };
            // The first of the article's quotes, in file order, that comes later in the text.
            let start = candidate.start();
            let in_file = c.quotes.ids().filter(|&q| c.quotes[q].article == *article);
            let later = in_file.enumerate().find(|&(_, q)| c.quotes[q].span.start > start);
            // Quotes known only by their place (`qN`) are not renumbered:
            // the new one then goes after the last.
            let later = later.filter(|&(index, _)| !c.implicit_ids_from(*article, index));
            let before = later.map(|(index, q)| QuoteRef { index, id: c.quotes[q].id.clone() });
            let edit = Edit::Accept { quote, speakers, before };
            write_change(change_in(app, *article, edit))
        }
    }
}

/// The id of the speaker chosen, and its entry when it is new.
fn speaker_entry(c: &Corpus, choice: &Choice) -> (String, Option<NewSpeaker>) {
    match choice {
        Choice::Existing(s) => (c.speakers[*s].id.clone(), None),
        Choice::New { name, role } => {
            let id = speaker_id(name, Sort::Named, |id| c.speakers.iter().any(|s| s.id == id));
            (id.clone(), Some(NewSpeaker { id, name: name.clone(), role: role.clone() }))
        }
    }
}

/// An id for a new quote of `article`: the speaker's id and a number.
fn new_quote_id(c: &Corpus, article: ArticleIx, speaker: &str) -> String {
    let taken = |id: &str| c.quotes.iter().any(|q| q.article == article && q.id == id);
    (1..).map(|n| format!("{speaker}-{n}")).find(|id| !taken(id)).expect("a free id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_prefers_letters_in_a_row_at_word_starts() {
        assert!(fuzzy("ryab", "Sergey Ryabkov").unwrap() > fuzzy("ryab", "Mary Abbot").unwrap_or(-100));
        assert_eq!(fuzzy("xyz", "Sergey Ryabkov"), None);
        assert_eq!(fuzzy("", "anyone"), Some(0));
    }
}
