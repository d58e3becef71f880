//! The Details pane: everything known about the item the reader is on,
//! wrapped to the pane, scrolled with j/k when it has focus; its title
//! says when there is more than fits.

use super::{pane_block, title};
use crate::tui::app::App;
use crate::tui::details::{Role, Row};
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let rows = app.details_rows(width);
    let top = app.details.offset.min(rows.len().saturating_sub(height));
    let more = match (top > 0, top + height < rows.len()) {
        (false, false) => String::new(),
        (false, true) => "↓ more".to_string(),
        (true, true) => "↑↓ more".to_string(),
        (true, false) => "↑ more".to_string(),
    };
    let block = pane_block(app, Some(Pane::Details), title(&["Details", &more], area.width));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = rows.iter().skip(top).take(height).map(|r| line(app, r)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One row, styled by its role; the label dim.
pub fn line(app: &App, row: &Row) -> Line<'static> {
    let style = match row.role {
        Role::Title(Some(s)) => app.theme.title().patch(app.theme.speaker(s)),
        Role::Title(None) => app.theme.title(),
        Role::Plain => Style::new(),
        Role::Words => app.theme.words(),
        Role::Stance => app.theme.title(),
        Role::Dim => app.theme.dim(),
    };
    let mut spans = Vec::new();
    if let Some(label) = &row.label {
        spans.push(Span::styled(label.clone(), app.theme.dim()));
    }
    spans.push(Span::styled(row.text.clone(), style));
    Line::from(spans)
}
