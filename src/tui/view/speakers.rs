//! The Speakers pane: every speaker, groups above their members, each with
//! the statements it made under the other filters, and `↪N` for what it
//! relayed.

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
        app.filters.issue.map(|i| format!("#{}", c.issues[i].id)).unwrap_or_default(),
        app.filters.article.map(|a| format!("in:{}", c.articles[a].id)).unwrap_or_default(),
    ];
    let heading = title(&["Speakers", &filters[0], &filters[1]], area.width);
    let row = |i: usize| match app.rows.speakers[i] {
        None => Row {
            label: "All speakers".into(),
            count: app.list.speaker_total.to_string(),
            empty: app.list.speaker_total == 0,
            style: Style::new(),
        },
        Some(s) => {
            let (said, relayed) = (app.list.speaker_counts[s], app.list.relayed_counts[s]);
            let count = if relayed > 0 { format!("{said} ↪{relayed}") } else { said.to_string() };
            let speaker = &c.speakers[s];
            Row {
                label: format!("{}{}", describe::tree_prefix(speaker.depth), speaker.name),
                count,
                empty: said + relayed == 0,
                style: app.theme.speaker(s),
            }
        }
    };
    let list = List { pane: Pane::Speakers, heading, state: app.speakers, len: app.rows.speakers.len() };
    list::draw(frame, area, app, list, row);
}
