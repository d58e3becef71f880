//! The Details pane: everything known about the item in focus — a speaker,
//! an issue, or the selected quote with its exchange.

use super::{pane_block, title};
use crate::model::{Corpus, IssueIx, QuoteIx, SpeakerIx};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let block = pane_block(app, None, title(&["Details"], area.width));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = match app.focus {
        Pane::Speakers => match app.filters.speaker {
            Some(s) => speaker(app, s),
            None => article(app),
        },
        Pane::Issues => match app.filters.issue {
            Some(i) => issue(app, i),
            None => article(app),
        },
        Pane::Quotes | Pane::Article => match app.selected_quote() {
            Some(q) => quote(app, q),
            None => vec![Line::styled("no quote selected", app.theme.dim())],
        },
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

fn safe(s: &str) -> String {
    text::one_line(s).into_owned()
}

fn field(app: &App, label: &str, value: &str) -> Line<'static> {
    Line::from(vec![Span::styled(format!("{label} "), app.theme.dim()), Span::raw(safe(value))])
}

fn article(app: &App) -> Vec<Line<'static>> {
    let a = app.shown_article();
    let mut lines = vec![Line::styled(safe(&a.title), app.theme.title())];
    let byline: Vec<&str> = [&a.source, &a.date].into_iter().flatten().map(String::as_str).collect();
    if !byline.is_empty() {
        lines.push(Line::raw(safe(&byline.join(", "))));
    }
    if let Some(url) = &a.url {
        lines.push(Line::styled(safe(url), app.theme.dim()));
    }
    let n = &app.corpus;
    lines.push(field(
        app,
        "file",
        &format!(
            "{} · {} speakers, {} issues, {} quotes",
            app.name,
            n.speakers.len(),
            n.issues.len(),
            n.quotes.len()
        ),
    ));
    lines
}

fn speaker(app: &App, s: SpeakerIx) -> Vec<Line<'static>> {
    let speaker = &app.corpus.speakers[s];
    let mut lines = vec![Line::styled(safe(&speaker.name), app.theme.title().patch(app.theme.speaker(s)))];
    for value in [&speaker.role, &speaker.affiliation].into_iter().flatten() {
        lines.push(Line::raw(safe(value)));
    }
    if !speaker.aliases.is_empty() {
        lines.push(field(app, "also", &speaker.aliases.join(", ")));
    }
    lines.push(field(app, "id", &format!("{} · {} quotes shown", speaker.id, app.list.speaker_counts[s])));
    lines
}

fn issue(app: &App, i: IssueIx) -> Vec<Line<'static>> {
    let a = &app.corpus;
    let issue = &a.issues[i];
    let mut lines = vec![Line::styled(safe(&issue.title), app.theme.title())];
    if let Some(p) = &issue.proposition {
        lines.push(field(app, "proposition", p));
    }
    if let Some(summary) = &issue.summary {
        lines.push(Line::raw(safe(summary)));
    }
    if let Some(parent) = issue.parent {
        lines.push(field(app, "part of", &a.issues[parent].title));
    }
    lines.push(field(app, "id", &format!("{} · {} quotes shown", issue.id, app.list.issue_counts[i])));
    lines
}

fn quote(app: &App, q: QuoteIx) -> Vec<Line<'static>> {
    let a = &app.corpus;
    let quote = &a.quotes[q];
    let speaker = &a.speakers[quote.speaker];
    let mut lines =
        vec![Line::styled(safe(&speaker.name), app.theme.title().patch(app.theme.speaker(quote.speaker)))];
    if let Some(role) = &speaker.role {
        lines.push(Line::raw(safe(role)));
    }
    lines.push(field(app, quote.kind.name(), &format!("· line {} · {}", a.quote_line(q), quote.id)));
    for &i in &quote.issues {
        let stance = quote.stance_on(i).map_or("no stance".to_string(), |s| s.name().to_string());
        lines.push(Line::from(vec![
            Span::raw(format!("{} ", safe(&a.issues[i].title))),
            Span::styled(stance, Style::new().patch(app.theme.title())),
        ]));
    }
    if let Some(v) = crate::describe::relayers(a, q) {
        lines.push(field(app, "reported by", &v));
    }
    if let Some(question) = quote.replies_to {
        lines.push(field(app, "answers", &exchange_line(a, question)));
    }
    for &answer in &quote.answers {
        lines.push(field(app, "answered by", &exchange_line(a, answer)));
    }
    if quote.replies_to.is_some() || !quote.answers.is_empty() {
        lines.push(Line::styled("a jumps between question and answer", app.theme.dim()));
    }
    if let Some(note) = &quote.note {
        lines.push(field(app, "note", note));
    }
    lines
}

fn exchange_line(a: &Corpus, q: QuoteIx) -> String {
    let other = &a.quotes[q];
    let words = crate::describe::written(a, q);
    format!("{}: “{}”", a.speaker_name(other.speaker), text::truncate(&text::one_line(&words), 60))
}
