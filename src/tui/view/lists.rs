//! The Speakers and Issues panes: an "All" row, then one row per item with
//! its count under the other pane's filter; rows with no quotes are dimmed.

use super::{counted_row, pane_block, title};
use crate::describe;
use crate::model::{IssueIx, SpeakerIx};
use crate::tui::app::{App, row_item};
use crate::tui::layout::Pane;
use crate::tui::scroll::Scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

struct Row {
    label: String,
    count: usize,
    speaker: Option<SpeakerIx>,
}

pub fn speakers(frame: &mut Frame, area: Rect, app: &App) {
    let a = &app.corpus;
    let filter = app.filters.issue.map(|i| format!("#{}", a.issues[i].id)).unwrap_or_default();
    let heading = title(&["Speakers", &filter], area.width);
    let row = |i: usize| match row_item::<SpeakerIx>(i) {
        None => Row { label: "All speakers".into(), count: app.list.speaker_total, speaker: None },
        Some(s) => {
            Row { label: a.speakers[s].name.clone(), count: app.list.speaker_counts[s], speaker: Some(s) }
        }
    };
    draw_list(frame, area, app, Pane::Speakers, heading, app.speakers, a.speakers.len() + 1, row);
}

pub fn issues(frame: &mut Frame, area: Rect, app: &App) {
    let a = &app.corpus;
    let filter = app.filters.speaker.map(|s| format!("@{}", a.speakers[s].id)).unwrap_or_default();
    let heading = title(&["Issues", &filter], area.width);
    let row = |i: usize| match row_item::<IssueIx>(i) {
        None => Row { label: "All issues".into(), count: app.list.issue_total, speaker: None },
        Some(i) => {
            let issue = &a.issues[i];
            let label = format!("{}{}", describe::tree_prefix(issue.depth), issue.title);
            Row { label, count: app.list.issue_counts[i], speaker: None }
        }
    };
    draw_list(frame, area, app, Pane::Issues, heading, app.issues, a.issues.len() + 1, row);
}

#[allow(clippy::too_many_arguments)]
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    pane: Pane,
    heading: Line<'static>,
    state: Scroll,
    len: usize,
    row: impl Fn(usize) -> Row,
) {
    let block = pane_block(app, Some(pane), heading);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = app.focus == pane && !app.mode.is_overlay();
    let lines: Vec<Line> = (state.offset..len.min(state.offset + inner.height as usize))
        .map(|i| {
            let r = row(i);
            let selected = i == state.selected;
            let mut style = if r.count == 0 { app.theme.dim() } else { Style::new() };
            if let Some(s) = r.speaker {
                style = style.patch(app.theme.speaker(s));
            }
            if selected {
                style = style.patch(app.theme.selected(focused));
            }
            counted_row(inner.width as usize, selected, &r.label, r.count, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
