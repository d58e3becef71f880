//! The help overlay drawn: the rows [`crate::tui::help`] makes from the
//! keymap, styled, scrolled like a list, its frame saying when there is more.

use crate::text;
use crate::tui::app::App;
use crate::tui::help::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// The help's rows at an inner width, styled.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    help::rows(&app.keymap, width)
        .into_iter()
        .map(|row| match row {
            Row::Blank => Line::raw(""),
            Row::Heading { title, table } => Line::from(vec![
                Span::styled(title, app.theme.title()),
                Span::styled(format!("   [keys.{table}] in the config file"), app.theme.dim()),
            ]),
            Row::Binding { keys, pad, name, text } => Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, app.theme.key()),
                Span::raw(format!("{}  ", " ".repeat(pad))),
                Span::styled(name, app.theme.dim()),
                Span::raw(text),
            ]),
            Row::More { indent, text } => Line::from(vec![Span::raw(" ".repeat(indent)), Span::raw(text)]),
            Row::Note(text) => Line::styled(text, app.theme.dim()),
        })
        .collect()
}

pub fn draw(frame: &mut Frame, _area: Rect, app: &App, scroll: usize) {
    let (rect, width) = help::placement(app.area, &app.keymap);
    let lines = lines(app, width);
    let inner_height = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let more = match (scroll > 0, scroll + inner_height < lines.len()) {
        (_, true) => format!(" · ↓ {} more · j/k scroll", lines.len() - scroll - inner_height),
        (true, false) => " · ↑ more above".to_string(),
        (false, false) => String::new(),
    };
    let title = format!(" Keys{more} · Esc closes ");
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(text::truncate(&title, rect.width.saturating_sub(2) as usize).into_owned());
    frame.render_widget(Clear, rect);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let padded = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(inner_height).collect();
    frame.render_widget(Paragraph::new(shown), padded);
}
