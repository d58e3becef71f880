//! The Timeline mode (`t`): the selected speaker's stances over time,
//! issues down, articles across in date order; Enter returns to the
//! browser filtered to the cell's speaker, issue and article.

use super::app::{App, Effect};
use super::help::Help;
use super::history;
use super::keymap::Action;
use super::layout::Pane;
use super::mode::Mode;
use super::scroll::Scroll;
use crate::filter::Filters;
use crate::model::{Corpus, Remap};
use crate::timeline::{self, Timeline};

#[derive(Debug)]
pub struct TimelineView {
    pub grid: Timeline,
    /// The cursor's issue row and the first shown.
    pub rows: Scroll,
    /// The cursor's article column and the first shown.
    pub cols: Scroll,
}

/// Width of an article column, and of the issue titles' column at most.
pub const COLUMN: u16 = 12;
pub const TITLES: u16 = 34;
/// Rows above the grid (article dates and titles) and below it (legend).
pub const HEADER: u16 = 2;

impl TimelineView {
    /// Keeps the cursor inside the grid and on screen at a size.
    pub fn keep_visible(&mut self, width: u16, height: u16) {
        let rows = height.saturating_sub(3 + HEADER + 1) as usize;
        let columns = (width.saturating_sub(2 + TITLES) / COLUMN).max(1) as usize;
        self.rows.keep_visible(rows, self.grid.issues.len());
        self.cols.keep_visible(columns, self.grid.articles.len());
    }

    /// After a reload: the same speaker's grid rebuilt, the cursor on the
    /// same issue and article where they are still there; false when the
    /// speaker is gone.
    pub fn remap(&mut self, c: &Corpus, remap: &Remap, area: ratatui::layout::Rect) -> bool {
        let Some(speaker) = remap.speaker(self.grid.speaker) else { return false };
        let issue = self.grid.issues.get(self.rows.selected).and_then(|&i| remap.issue(i));
        let article = self.grid.articles.get(self.cols.selected).and_then(|&a| remap.article(a));
        self.grid = timeline::build(c, speaker);
        if let Some(row) = issue.and_then(|i| self.grid.issues.iter().position(|&r| r == i)) {
            self.rows.selected = row;
        }
        if let Some(col) = article.and_then(|a| self.grid.articles.iter().position(|&x| x == a)) {
            self.cols.selected = col;
        }
        self.keep_visible(area.width, area.height);
        true
    }
}

/// `t`: the timeline of the selected speaker (or the selected quote's).
pub fn open(app: &mut App) -> Option<Mode> {
    let speaker = app.filters.speaker.or_else(|| app.selected_quote().map(|q| app.corpus.quotes[q].speaker));
    let Some(speaker) = speaker else {
        app.message = Some("select a speaker first: t shows one speaker's stances over time".into());
        return None;
    };
    let grid = timeline::build(&app.corpus, speaker);
    if grid.issues.is_empty() {
        app.message = Some(format!("{} speaks to no issue", app.corpus.speaker_name(speaker)));
        return None;
    }
    let mut view = TimelineView { grid, rows: Scroll::default(), cols: Scroll::default() };
    view.keep_visible(app.area.width, app.area.height);
    Some(Mode::Timeline(view))
}

pub fn update(app: &mut App, mut t: TimelineView, action: Action) -> (Mode, Option<Effect>) {
    let (rows, columns) = (t.grid.issues.len(), t.grid.articles.len());
    match action {
        Action::Quit => return (Mode::Timeline(t), Some(Effect::Quit)),
        Action::Help => return (Help::open(Mode::Timeline(t)), None),
        Action::Escape => return (Mode::Browse, None),
        Action::Down => t.rows.step(1, rows),
        Action::Up => t.rows.step(-1, rows),
        Action::RightColumn => t.cols.step(1, columns),
        Action::LeftColumn => t.cols.step(-1, columns),
        Action::Enter => {
            let cell = &t.grid.cells[t.rows.selected][t.cols.selected];
            if cell.quotes.is_empty() {
                app.message = Some("nothing said there · move to a cell with a stance or a count".into());
            } else {
                history::remember(app);
                let filters = Filters {
                    speaker: Some(t.grid.speaker),
                    issue: Some(t.grid.issues[t.rows.selected]),
                    article: Some(t.grid.articles[t.cols.selected]),
                    relayed: false,
                };
                app.search.clear();
                app.quotes = Scroll::default();
                app.set_filters(filters);
                app.focus_pane(Pane::Quotes);
                app.show_selected_quote();
                return (Mode::Browse, None);
            }
        }
        _ => {}
    }
    t.keep_visible(app.area.width, app.area.height);
    (Mode::Timeline(t), None)
}
