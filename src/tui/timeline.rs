//! The Timeline mode (`t`): the selected speaker's stances over time,
//! issues down, articles across in date order; Enter returns to the
//! browser filtered to the cell's speaker, issue and article.

use super::app::{App, Effect};
use super::help::Help;
use super::intent::Intent;
use super::jobs::Wanted;
use super::keymap::Action;
use super::mode::Mode;
use super::scroll::Scroll;
use crate::changes::Change;
use crate::filter::Filters;
use crate::model::{ArticleIx, IssueIx, Remap, SpeakerIx};
use crate::timeline::Timeline;

#[derive(Debug)]
pub struct TimelineView {
    pub speaker: SpeakerIx,
    /// `None` while it is being built (in the background: see [`super::jobs`]).
    pub grid: Option<Timeline>,
    /// Where the speaker changed position: the cells marked.
    pub changes: Vec<Change>,
    /// Where the cursor goes when the grid comes: the issue and article it
    /// was on before a reload.
    place: (Option<IssueIx>, Option<ArticleIx>),
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
        let (issues, articles) = self.grid.as_ref().map_or((0, 0), |g| (g.issues.len(), g.articles.len()));
        self.rows.keep_visible(rows, issues);
        self.cols.keep_visible(columns, articles);
    }

    /// After a reload: the same speaker's grid, to be built again, with the
    /// cursor to go on the same issue and article; false when the speaker
    /// is gone.
    pub fn remap(&mut self, remap: &Remap) -> bool {
        let Some(speaker) = remap.speaker(self.speaker) else { return false };
        if let Some(grid) = self.grid.take() {
            self.place = (
                grid.issues.get(self.rows.selected).and_then(|&i| remap.issue(i)),
                grid.articles.get(self.cols.selected).and_then(|&a| remap.article(a)),
            );
        }
        self.speaker = speaker;
        true
    }

    /// The change that arrives at a cell, if the speaker changed position there.
    pub fn change_at(&self, row: usize, col: usize) -> Option<&Change> {
        let grid = self.grid.as_ref()?;
        let (issue, article) = (*grid.issues.get(row)?, *grid.articles.get(col)?);
        self.changes.iter().find(|ch| ch.issue == issue && ch.to.article == article)
    }

    /// Takes the grid built for it, with the cursor where it was.
    pub fn take_grid(&mut self, grid: Timeline, changes: Vec<Change>, area: ratatui::layout::Rect) {
        self.changes = changes;
        let (issue, article) = std::mem::take(&mut self.place);
        if let Some(row) = issue.and_then(|i| grid.issues.iter().position(|&r| r == i)) {
            self.rows.selected = row;
        }
        if let Some(col) = article.and_then(|a| grid.articles.iter().position(|&x| x == a)) {
            self.cols.selected = col;
        }
        self.grid = Some(grid);
        self.keep_visible(area.width, area.height);
    }
}

/// `t`: the timeline of the selected speaker (or the selected quote's),
/// built in the background.
pub fn open(app: &App) -> (Mode, Vec<Intent>) {
    let speaker = app.filters.speaker.or_else(|| app.selected_quote().map(|q| app.corpus.quotes[q].speaker));
    let Some(speaker) = speaker else {
        let why = "select a speaker first: t shows one speaker's stances over time";
        return (Mode::Browse, vec![Intent::Notice(why.into())]);
    };
    let view = TimelineView {
        speaker,
        grid: None,
        changes: Vec::new(),
        place: (None, None),
        rows: Scroll::default(),
        cols: Scroll::default(),
    };
    (Mode::Timeline(view), vec![Intent::Want(Wanted::Timeline(speaker))])
}

pub fn update(app: &App, mut t: TimelineView, action: Action) -> (Mode, Vec<Intent>) {
    let (rows, columns) = t.grid.as_ref().map_or((0, 0), |g| (g.issues.len(), g.articles.len()));
    match action {
        Action::Quit => return (Mode::Timeline(t), vec![Intent::Effect(Effect::Quit)]),
        Action::Help => return (Help::open(Mode::Timeline(t)), Vec::new()),
        Action::Escape => return (Mode::Browse, Vec::new()),
        Action::Down => t.rows.step(1, rows),
        Action::Up => t.rows.step(-1, rows),
        Action::RightColumn => t.cols.step(1, columns),
        Action::LeftColumn => t.cols.step(-1, columns),
        Action::Enter => {
            let Some(grid) = &t.grid else { return (Mode::Timeline(t), Vec::new()) };
            if grid.cells[t.rows.selected][t.cols.selected].quotes.is_empty() {
                let why = "nothing said there · move to a cell with a stance or a count";
                return (Mode::Timeline(t), vec![Intent::Notice(why.into())]);
            }
            let filters = Filters {
                speaker: Some(t.speaker),
                issue: Some(grid.issues[t.rows.selected]),
                article: Some(grid.articles[t.cols.selected]),
                relayed: false,
            };
            return (Mode::Browse, super::intent::to_cell(filters));
        }
        _ => {}
    }
    t.keep_visible(app.area.width, app.area.height);
    (Mode::Timeline(t), Vec::new())
}
