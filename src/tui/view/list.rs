//! The list panes' one drawing: an "All" row, then one row per item with
//! its count under the other filters; rows with no quotes are dimmed.

use super::{counted_row, pane_block};
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::scroll::Scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// One row of a list pane.
pub struct Row {
    pub label: String,
    /// What the row counts, as the right-hand column shows it.
    pub count: String,
    pub empty: bool,
    pub style: Style,
}

/// Which list pane, its title, its selection and length.
pub struct List {
    pub pane: Pane,
    pub heading: Line<'static>,
    pub state: Scroll,
    pub len: usize,
}

/// Draws a list pane: `row(i)` describes row `i`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, list: List, row: impl Fn(usize) -> Row) {
    let List { pane, heading, state, len } = list;
    let block = pane_block(app, Some(pane), heading);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = app.focus == pane && !app.mode.covers_panes();
    let lines: Vec<Line> = (state.offset..len.min(state.offset + inner.height as usize))
        .map(|i| {
            let r = row(i);
            let selected = i == state.selected;
            let mut style = if r.empty { app.theme.dim() } else { Style::new() };
            style = style.patch(r.style);
            if selected {
                style = style.patch(app.theme.selected(focused));
            }
            counted_row(inner.width as usize, selected, &r.label, &r.count, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
