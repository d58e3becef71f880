//! What Details says: everything known about the item the reader is on —
//! a quote with all its facts, a speaker, an issue, an article — as entries
//! that the Details pane and the reading view wrap to their width. Nothing
//! is cut: a pane that is too short scrolls.

use super::app::App;
use super::layout::Pane;
use crate::describe;
use crate::model::{ArticleIx, Corpus, IssueIx, QuoteIx, SpeakerIx};
use crate::text;

/// How an entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading, in the speaker's colour when it names one.
    Title(Option<SpeakerIx>),
    Plain,
    /// The quote's own words.
    Words,
    /// A stance in words.
    Stance,
    Dim,
}

/// One fact: an optional label (`issue`, `reported by`) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub label: Option<String>,
    pub text: String,
    pub role: Role,
}

impl Entry {
    fn new(role: Role, text: impl Into<String>) -> Entry {
        Entry { label: None, text: text.into(), role }
    }

    fn field(label: &str, text: impl Into<String>) -> Entry {
        Entry { label: Some(label.to_string()), text: text.into(), role: Role::Plain }
    }
}

/// One screen row of Details: the label on the first row of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: Option<String>,
    pub text: String,
    pub role: Role,
}

/// Entries wrapped to `width` cells; a labelled entry's rows after the
/// first are indented by two.
pub fn rows(entries: &[Entry], width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    for e in entries {
        // A label wider than half the row stands on a row of its own.
        let label = e.label.as_ref().map(|l| text::truncate(&text::one_line(l), width).into_owned() + " ");
        let label_width = label.as_ref().map_or(0, |l| text::width(l));
        let first = if label_width * 2 > width { 0 } else { width.saturating_sub(label_width) };
        let indent = if e.label.is_some() { 2 } else { 0 };
        let body = text::one_line(&e.text);
        let mut lines = text::wrap_after(&body, first, width.saturating_sub(indent).max(1)).into_iter();
        out.push(Row { label, text: lines.next().unwrap_or_default(), role: e.role });
        for line in lines {
            out.push(Row { label: None, text: format!("{}{line}", " ".repeat(indent)), role: e.role });
        }
    }
    out
}

/// The pane whose item Details describes: the one with focus, or the one
/// before Details took it.
pub fn subject(app: &App) -> Pane {
    if app.focus == Pane::Details { app.details_subject } else { app.focus }
}

/// What Details shows for the current item.
pub fn entries(app: &App) -> Vec<Entry> {
    let c = &app.corpus;
    match subject(app) {
        Pane::Speakers => match app.filters.speaker {
            Some(s) => speaker(app, s),
            None => corpus(app),
        },
        Pane::Issues => match app.filters.issue {
            Some(i) => issue(app, i),
            None => corpus(app),
        },
        Pane::Articles => match app.filters.article {
            Some(a) => article(c, a),
            None => corpus(app),
        },
        _ => match (app.selected_candidate(), app.selected_quote()) {
            (Some((_, candidate)), _) => candidate_entries(app, candidate),
            (None, Some(q)) => quote(c, q),
            (None, None) => vec![Entry::new(Role::Dim, "no quote selected")],
        },
    }
}

/// A candidate `u` marked and `]` selected: what `suggest` says of it.
fn candidate_entries(app: &App, candidate: &crate::suggest::Candidate) -> Vec<Entry> {
    let text = &app.shown_article().text;
    let person = app.suggested_person(candidate);
    let words: Vec<&str> = candidate.parts.iter().map(|p| &text[p.clone()]).collect();
    vec![
        Entry::new(Role::Title(None), "Candidate (not yet a quote)"),
        Entry::new(Role::Words, text::fold_whitespace(&words.join(" … ")).into_owned()),
        Entry::field("by", person.map_or("nobody suggest could name".to_string(), |p| p.name.clone())),
        Entry::field("kind", candidate.kind.name()),
        Entry::field("sure", format!("{}% · {}", candidate.confidence, candidate.found_by)),
        Entry::new(Role::Dim, "A accepts · X rejects · ] [ step on"),
    ]
}

fn corpus(app: &App) -> Vec<Entry> {
    let c = &app.corpus;
    if c.articles.len() == 1 {
        let mut out = article(c, ArticleIx::new(0));
        out.push(Entry::field("file", app.name.clone()));
        return out;
    }
    vec![
        Entry::new(Role::Title(None), c.heading()),
        Entry::field(
            "holds",
            format!(
                "{} articles, {} speakers, {} issues, {} quotes",
                c.articles.len(),
                c.speakers.len(),
                c.issues.len(),
                c.quotes.len()
            ),
        ),
        Entry::field("files", app.name.clone()),
    ]
}

fn article(c: &Corpus, a: ArticleIx) -> Vec<Entry> {
    let article = &c.articles[a];
    let mut out = vec![Entry::new(Role::Title(None), article.title.clone())];
    let byline: Vec<&str> =
        [&article.source, &article.date].into_iter().flatten().map(String::as_str).collect();
    if !byline.is_empty() {
        out.push(Entry::new(Role::Plain, byline.join(", ")));
    }
    if let Some(url) = &article.url {
        out.push(Entry::new(Role::Dim, url.clone()));
    }
    let quotes = c.quotes.iter().filter(|q| q.article == a).count();
    out.push(Entry::field(
        "id",
        format!("{} · {quotes} quotes · {} lines", article.id, article.line_starts.len()),
    ));
    out
}

fn speaker(app: &App, s: SpeakerIx) -> Vec<Entry> {
    let c = &app.corpus;
    let speaker = &c.speakers[s];
    let mut out = vec![Entry::new(Role::Title(Some(s)), speaker.name.clone())];
    for value in [&speaker.role, &speaker.affiliation].into_iter().flatten() {
        out.push(Entry::new(Role::Plain, value.clone()));
    }
    if let Some(g) = speaker.member_of {
        out.push(Entry::field("member of", c.speakers[g].name.clone()));
    }
    let members: Vec<&str> =
        c.speakers.iter().filter(|m| m.member_of == Some(s)).map(|m| m.name.as_str()).collect();
    if !members.is_empty() {
        out.push(Entry::field("members", members.join(", ")));
    }
    if !speaker.aliases.is_empty() {
        out.push(Entry::field("also", speaker.aliases.join(", ")));
    }
    let list = &app.list;
    let mut counts = format!("{} · {} statements shown", speaker.id, list.speaker_counts[s]);
    if list.relayed_counts[s] > 0 {
        counts.push_str(&format!(" · relayed {} (v shows them)", list.relayed_counts[s]));
    }
    out.push(Entry::field("id", counts));
    out
}

fn issue(app: &App, i: IssueIx) -> Vec<Entry> {
    let c = &app.corpus;
    let issue = &c.issues[i];
    let mut out = vec![Entry::new(Role::Title(None), issue.title.clone())];
    if let Some(p) = &issue.proposition {
        out.push(Entry::field("proposition", p.clone()));
    }
    if let Some(summary) = &issue.summary {
        out.push(Entry::new(Role::Plain, summary.clone()));
    }
    if let Some(parent) = issue.parent {
        out.push(Entry::field("part of", c.issues[parent].title.clone()));
    }
    out.push(Entry::field("id", format!("{} · {} statements shown", issue.id, app.list.issue_counts[i])));
    out
}

/// Everything about a quote: its words, who said it (role, group), every
/// issue with its proposition and the stance in words, the kind, who
/// relayed it, the original, the note, the exchange it is part of, and
/// the other reports of the same statement.
pub fn quote(c: &Corpus, q: QuoteIx) -> Vec<Entry> {
    let quote = &c.quotes[q];
    let speaker = &c.speakers[quote.speaker];
    let mut out = vec![Entry::new(Role::Title(Some(quote.speaker)), speaker.name.clone())];
    let who: Vec<&str> =
        [&speaker.role, &speaker.affiliation].into_iter().flatten().map(String::as_str).collect();
    if !who.is_empty() {
        out.push(Entry::new(Role::Plain, who.join(", ")));
    }
    if let Some(g) = speaker.member_of {
        out.push(Entry::field("member of", c.speakers[g].name.clone()));
    }
    out.push(Entry::new(Role::Words, describe::quoted(c, q)));
    let article = c.article_of(q);
    let place = if c.articles.len() > 1 {
        format!("{} · line {} · {}", article.title, c.quote_line(q), c.quote_name(q))
    } else {
        format!("line {} · {}", c.quote_line(q), quote.id)
    };
    out.push(Entry::new(Role::Dim, format!("{} · {place}", describe::kind_word(quote.kind))));
    for &i in &quote.issues {
        let stance =
            quote.stance_on(i).map_or_else(|| "no stance".to_string(), |s| describe::stance_on(c, s, i));
        out.push(Entry { label: Some(format!("{}:", c.issues[i].title)), text: stance, role: Role::Stance });
        if let Some(p) = &c.issues[i].proposition {
            out.push(Entry::new(Role::Dim, p.clone()));
        }
    }
    if let Some(v) = describe::relayers(c, q) {
        out.push(Entry::field("reported by", v));
    }
    if let Some(original) = &quote.original {
        out.push(Entry::field("original", original.clone()));
    }
    if let Some(note) = &quote.note {
        out.push(Entry::field("note", note.clone()));
    }
    if let Some(question) = quote.replies_to {
        out.push(Entry::field("answers", exchange_line(c, question)));
    }
    for &answer in &quote.answers {
        out.push(Entry::field("answered by", exchange_line(c, answer)));
    }
    if quote.replies_to.is_some() || !quote.answers.is_empty() {
        out.push(Entry::new(Role::Dim, "a steps through the question and its answers"));
    }
    for o in c.other_reports(q) {
        let label = if c.counts(o) { "counted as" } else { "also reported" };
        out.push(Entry::field(label, exchange_line(c, o)));
    }
    out
}

/// `Speaker: “words”` of another quote, whole.
fn exchange_line(c: &Corpus, q: QuoteIx) -> String {
    format!("{}: {}", c.speaker_name(c.quotes[q].speaker), describe::quoted(c, q))
}
