//! The Issues pane: every issue, sub-issues below their parents, each with
//! the statements on it (its sub-issues' included) under the other filters.

use super::list::{self, List, Row};
use super::title;
use crate::describe;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let c = &app.corpus;
    let filters = [
        app.filters.speaker.map(|s| format!("@{}", c.speakers[s].id)).unwrap_or_default(),
        app.filters.article.map(|a| format!("in:{}", c.articles[a].id)).unwrap_or_default(),
    ];
    let heading = title(&["Issues", &filters[0], &filters[1]], area.width);
    let row = |i: usize| {
        let (label, count) = match app.rows.issues[i] {
            None => ("All issues".to_string(), app.list.issue_total),
            Some(i) => {
                let issue = &c.issues[i];
                (format!("{}{}", describe::tree_prefix(issue.depth), issue.title), app.list.issue_counts[i])
            }
        };
        Row { label, count: count.to_string(), empty: count == 0, style: Style::new() }
    };
    let list = List { pane: Pane::Issues, heading, state: app.issues, len: app.rows.issues.len() };
    list::draw(frame, area, app, list, row);
}
