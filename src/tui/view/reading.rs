//! The reading view: one quote full screen — its facts, then the paragraph
//! around it with the quote marked — in a frame whose title says where
//! the quote comes from and whether there is more below.

use super::article::{Mark, quote_marks, styled_row};
use super::details;
use crate::text;
use crate::tui::app::App;
use crate::tui::reading::{self, Line as Row, Reading};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, r: &Reading) {
    let c = &app.corpus;
    let area = Rect { height: app.area.height.saturating_sub(1), ..app.area };
    let width = reading::text_width(app.area);
    let rows = reading::lines(c, r.quote, width);
    let height = area.height.saturating_sub(2) as usize;
    let top = r.scroll.min(rows.len().saturating_sub(height));
    let more = if top + height < rows.len() { " · ↓ more" } else { "" };
    let heading = format!(" Reading · {}{more} · Esc returns ", c.quote_name(r.quote));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(text::truncate(&text::one_line(&heading), area.width.saturating_sub(2) as usize).into_owned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let marks: Vec<Mark> =
        quote_marks(app, r.quote, app.theme.quote_selected(c.quotes[r.quote].speaker)).collect();
    let article = &c.article_of(r.quote).text;
    let lines: Vec<Line> = rows
        .iter()
        .skip(top)
        .take(height)
        .map(|row| match row {
            Row::Detail(d) => details::line(app, d),
            Row::Blank => Line::raw(""),
            Row::Heading(h) => Line::styled(text::one_line(h).into_owned(), app.theme.dim()),
            Row::Text(range) => styled_row(article, range.clone(), &marks),
        })
        .collect();
    let padded = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    frame.render_widget(Paragraph::new(lines), padded);
}
