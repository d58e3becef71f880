//! The status line (key hints or a message, and the position in the focused
//! pane) and the banner that reports a broken reload.

use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::mode::Mode;
use crate::tui::search::SearchLine;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(search) = app.mode.search_line() {
        return query_line(frame, area, app, search);
    }
    let width = area.width as usize;
    let mut spans = vec![Span::raw(" ")];
    // Full-screen modes: what is under the cursor comes first, the keys
    // in what room is left.
    let described = match app.mode.base() {
        Mode::Matrix(m) => Some(super::matrix::describe_cursor(app, m)),
        Mode::Timeline(t) => Some(super::timeline::describe_cursor(app, t)),
        Mode::Reading(_) => Some(String::new()),
        // The help covers the banner too.
        _ if matches!(app.mode, Mode::Help(_)) && !app.banner.is_empty() => Some(String::new()),
        _ => None,
    };
    if let Some(described) = described {
        let mut message = app.message.clone().unwrap_or(described);
        // A failed reload, which the browser's banner shows, is said here
        // first: these modes cover the banner.
        if !app.banner.is_empty() {
            let head =
                text::truncate(&text::one_line(&app.banner_head), width.saturating_sub(4)).into_owned();
            spans.push(Span::styled(format!("⚠ {head}"), app.theme.error()));
            message = if message.is_empty() { " ".to_string() } else { format!(" · {message}") };
        }
        let room = width.saturating_sub(2 + spans.iter().map(|s| text::width(&s.content)).sum::<usize>());
        let message = text::truncate(&text::one_line(&message), room).into_owned();
        let used: usize =
            spans.iter().map(|s| text::width(&s.content)).sum::<usize>() + text::width(&message);
        if !message.is_empty() {
            spans.push(Span::raw(message));
            spans.push(Span::raw("  "));
        }
        if used + 4 < width {
            hints(app, width.saturating_sub(used + 3), &mut spans);
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        return;
    }
    let position = position(app);
    // A leading space, and at least two before the position.
    let room = width.saturating_sub(text::width(&position) + 4);
    let message = app.message.clone().or_else(|| loading(app)).or_else(|| fuzzy_note(app));
    match message {
        Some(message) => spans.push(Span::raw(text::truncate(&text::one_line(&message), room).into_owned())),
        None => hints(app, room, &mut spans),
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + text::width(&position) + 1))));
    spans.push(Span::styled(position, app.theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Where the reader is in the focused pane: the row of a list, the
/// article's line (as diagnostics and JSON count lines), or the search hit.
fn position(app: &App) -> String {
    if app.search.is_active() {
        let at = if app.list.quotes.is_empty() { 0 } else { app.quotes.selected + 1 };
        let query = text::truncate(&text::one_line(&app.search.query), 24).into_owned();
        return format!("/{query} {at}/{}", app.list.quotes.len());
    }
    let of = |s: &crate::tui::scroll::Scroll, len: usize| format!("{}/{}", (s.selected + 1).min(len), len);
    match app.focus {
        Pane::Articles => of(&app.articles, app.rows.articles.len()),
        Pane::Speakers => of(&app.speakers, app.rows.speakers.len()),
        Pane::Issues => of(&app.issues, app.rows.issues.len()),
        Pane::Quotes => of(&app.quotes, app.list.quotes.len()),
        Pane::Details => "Details · j/k scroll".to_string(),
        Pane::Article => {
            let row = app.article.layout.rows.get(app.article.scroll.selected);
            let article = app.shown_article();
            let line = row.map_or(1, |r| article.line_of(r.start));
            format!("line {line} of {}", article.line_starts.len())
        }
    }
}

/// While files are read: how many, and the quotes so far.
fn loading(app: &App) -> Option<String> {
    let p = app.loading?;
    if p.total == 0 {
        return Some(format!("loading…{}", quits(app)));
    }
    Some(format!("loading {}/{} files · {} quotes{}", p.files, p.total, p.quotes, quits(app)))
}

/// ` · q quits`, with the user's key.
pub fn quits(app: &App) -> String {
    let key = app.keymap.first_key(crate::tui::keymap::Context::Browse, crate::tui::keymap::Action::Quit);
    key.map(|k| format!(" · {k} quits")).unwrap_or_default()
}

/// "no exact match · 3 close", when the search fell back to close words.
fn fuzzy_note(app: &App) -> Option<String> {
    let found = app.search.found.as_ref()?;
    found.fuzzy.then(|| format!("no exact match · {} close", found.hits.len()))
}

fn hints(app: &App, room: usize, spans: &mut Vec<Span<'static>>) {
    let mut used = 0;
    for (n, (key, word)) in app.keymap.hints(app.context()).into_iter().enumerate() {
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
        (None, Some(_)) if app.list.quotes.is_empty() && app.filters != Default::default() => {
            "0/0 · nothing matches within the filters · Esc clears them".to_string()
        }
        (None, Some(_)) if app.list.quotes.is_empty() => "0/0 · nothing matches".to_string(),
        (None, Some(_)) => format!("{}/{}", app.quotes.selected + 1, app.list.quotes.len()),
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
    let width = (area.width as usize).saturating_sub(2).max(1);
    let head = app.banner_head_rows(width);
    let room = area.height.saturating_sub(head.len() as u16) as usize;
    let mut lines: Vec<Line> = head.into_iter().map(|r| Line::raw(format!(" {r}"))).collect();
    // Each problem wrapped whole; the last row says how many more there are.
    let mut rows: Vec<String> = Vec::new();
    let mut shown = 0;
    for problem in &app.banner {
        let wrapped = text::wrap(&text::one_line(problem), width);
        if rows.len() + wrapped.len() > room && shown > 0 {
            break;
        }
        rows.extend(wrapped);
        shown += 1;
    }
    rows.truncate(room);
    let left = app.banner.len() - shown;
    if left > 0
        && let Some(last) = rows.last_mut()
    {
        let more = format!(" (and {left} more problem{}: `whosaid check`)", if left == 1 { "" } else { "s" });
        let keep = width.saturating_sub(text::width(&more));
        *last = format!("{}{more}", text::truncate(last, keep));
    }
    lines.extend(rows.into_iter().map(|r| Line::raw(format!(" {r}"))));
    frame.render_widget(Paragraph::new(lines).style(app.theme.banner()), area);
}
