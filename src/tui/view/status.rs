//! The status line (key hints or a message, and the position in the focused
//! pane) and the banner that reports a broken reload.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout::Pane;
use crate::tui::search::SearchLine;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(search) = app.mode.search_line() {
        return query_line(frame, area, app, search);
    }
    let mut position = match app.focus {
        Pane::Speakers => format!("{}/{}", app.speakers.selected + 1, app.corpus.speakers.len() + 1),
        Pane::Issues => format!("{}/{}", app.issues.selected + 1, app.corpus.issues.len() + 1),
        Pane::Quotes if app.list.quotes.is_empty() => "0/0".to_string(),
        Pane::Quotes => format!("{}/{}", app.quotes.selected + 1, app.list.quotes.len()),
        Pane::Article => {
            format!("line {}/{}", app.article.scroll.selected + 1, app.article.layout.rows.len())
        }
    };
    if app.search.is_active() {
        let at = if app.list.quotes.is_empty() { 0 } else { app.quotes.selected + 1 };
        let query = text::truncate(&text::one_line(&app.search.query), 24).into_owned();
        position = format!("/{query} {at}/{}", app.list.quotes.len());
    }
    let width = area.width as usize;
    // A leading space, and at least two before the position.
    let room = width.saturating_sub(text::width(&position) + 4);
    let mut spans = vec![Span::raw(" ")];
    if let Some(m) = app.mode.matrix() {
        let described = super::matrix::describe_cursor(app, m);
        let message = app.message.clone().unwrap_or(described);
        let hints_width: usize =
            keymap::hints(app.context()).iter().map(|(k, w)| text::width(k) + text::width(w) + 4).sum();
        let room = room.saturating_sub(hints_width).max(room / 2);
        spans.push(Span::raw(text::truncate(&text::one_line(&message), room).into_owned()));
        spans.push(Span::raw("  "));
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        hints(app, width.saturating_sub(used + 1), &mut spans);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let message = app.message.clone().or_else(|| fuzzy_note(app));
    match message {
        Some(message) => spans.push(Span::raw(text::truncate(&text::one_line(&message), room).into_owned())),
        None => hints(app, room, &mut spans),
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + text::width(&position) + 1))));
    spans.push(Span::styled(position, app.theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// "no exact match · 3 close", when the search fell back to close words.
fn fuzzy_note(app: &App) -> Option<String> {
    let found = app.search.found.as_ref()?;
    found.fuzzy.then(|| format!("no exact match · {} close", found.hits.len()))
}

fn hints(app: &App, room: usize, spans: &mut Vec<Span<'static>>) {
    let mut used = 0;
    for (n, (key, word)) in keymap::hints(app.context()).into_iter().enumerate() {
        let sep = if n == 0 { "" } else { " · " };
        let piece = text::width(sep) + text::width(&key) + 1 + text::width(word);
        if used + piece > room {
            break;
        }
        used += piece;
        spans.push(Span::styled(sep, app.theme.dim()));
        spans.push(Span::styled(key, app.theme.key()));
        spans.push(Span::raw(format!(" {word}")));
    }
}

/// The query line: `/query` with the cursor, and on the right what the
/// query finds, or what is wrong with it.
fn query_line(frame: &mut Frame, area: Rect, app: &App, search: &SearchLine) {
    let (input, cursor) = (&search.line.input, search.line.cursor);
    let width = area.width as usize;
    let outcome = match (&search.error, &app.search.found) {
        (Some(error), _) => error.clone(),
        (None, Some(found)) if found.fuzzy => format!("no exact match · {} close", app.list.quotes.len()),
        (None, Some(_)) => format!("{} of {}", app.list.quotes.len(), app.corpus.quotes.len()),
        (None, None) => "type to search · Enter keeps · Esc cancels".to_string(),
    };
    let outcome = text::truncate(&text::one_line(&outcome), width / 2).into_owned();
    let room = width.saturating_sub(text::width(&outcome) + 3);
    // Keep the cursor in view when the query is longer than the room.
    let shown_input = text::one_line(input);
    let before_cursor = text::width(&text::one_line(&input[..cursor]));
    let skip = (before_cursor + 1).saturating_sub(room);
    let visible: String = shown_input.chars().skip(skip).collect();
    let visible = text::truncate(&visible, room).into_owned();
    let outcome_style = if search.error.is_some() { app.theme.error() } else { app.theme.dim() };
    let used = 2 + text::width(&visible);
    let line = Line::from(vec![
        Span::styled("/", app.theme.key()),
        Span::raw(visible),
        Span::raw(" ".repeat(width.saturating_sub(used + text::width(&outcome)))),
        Span::styled(outcome, outcome_style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    let x = area.x + (1 + before_cursor - skip).min(width.saturating_sub(1)) as u16;
    frame.set_cursor_position((x, area.y));
}

pub fn banner(frame: &mut Frame, area: Rect, app: &App) {
    let mut lines = vec![Line::raw(format!(
        " reload failed: showing the last good version of {} · fix the file and it reloads",
        text::one_line(&app.name)
    ))];
    let room = area.height.saturating_sub(1) as usize;
    let shown = app.banner.len().min(room);
    for (n, problem) in app.banner.iter().take(shown).enumerate() {
        let more = if n + 1 == shown && app.banner.len() > shown {
            format!(" (and {} more)", app.banner.len() - shown)
        } else {
            String::new()
        };
        lines.push(Line::raw(format!(" {}{more}", text::one_line(problem))));
    }
    frame.render_widget(Paragraph::new(lines).style(app.theme.banner()), area);
}
