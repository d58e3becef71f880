//! The status line (key hints or a message, and the position in the focused
//! pane) and the banner that reports a broken reload.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let position = match app.focus {
        Pane::Speakers => format!("{}/{}", app.speakers.selected + 1, app.annotation.speakers.len() + 1),
        Pane::Issues => format!("{}/{}", app.issues.selected + 1, app.annotation.issues.len() + 1),
        Pane::Quotes if app.filtered.is_empty() => "0/0".to_string(),
        Pane::Quotes => format!("{}/{}", app.quotes.selected + 1, app.filtered.len()),
        Pane::Article => format!("line {}/{}", app.article_cursor + 1, app.article_layout.rows.len()),
    };
    let width = area.width as usize;
    let room = width.saturating_sub(position.len() + 2);
    let mut spans = vec![Span::raw(" ")];
    match &app.message {
        Some(message) => spans.push(Span::raw(text::truncate(&text::one_line(message), room).into_owned())),
        None => {
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
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + position.len() + 1))));
    spans.push(Span::styled(position, app.theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
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
