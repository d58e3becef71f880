//! The Matrix mode: the stance matrix full screen, a cursor cell, folding,
//! and Enter back to the browser filtered to the cell.

use super::app::{App, Effect};
use super::help::Help;
use super::intent::Intent;
use super::keymap::Action;
use super::layout::MatrixGrid;
use super::mode::Mode;
use super::scroll::Scroll;
use crate::filter::Filters;
use crate::matrix::{self, Matrix};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// The matrix on screen. Row `grid.rows.len()` and column
/// `grid.columns.len()` are the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixView {
    pub grid: Matrix,
    /// The cursor's row and the first row shown.
    pub rows: Scroll,
    /// The cursor's column and the first column shown.
    pub cols: Scroll,
}

impl MatrixView {
    /// Rows with the totals row.
    pub fn row_count(&self) -> usize {
        self.grid.rows.len() + 1
    }

    /// Columns with the totals column.
    pub fn column_count(&self) -> usize {
        self.grid.columns.len() + 1
    }

    /// How many statements a cell (totals included) holds.
    pub fn cell_statements(&self, row: usize, col: usize) -> usize {
        let g = &self.grid;
        match (row < g.rows.len(), col < g.columns.len()) {
            (true, true) => g.cells[row][col].quotes.len(),
            (true, false) => g.row_totals[row].statements,
            (false, true) => g.column_totals[col].statements,
            (false, false) => g.total.statements,
        }
    }

    /// After a reload: the matrix rebuilt, the cursor on the same speaker
    /// and issue where they are still there.
    pub fn remap(
        &mut self,
        c: &crate::model::Corpus,
        folded: bool,
        remap: &crate::model::Remap,
        geometry: &MatrixGrid,
    ) {
        let speaker = self.grid.rows.get(self.rows.selected).and_then(|&s| remap.speaker(s));
        let issue = self.grid.columns.get(self.cols.selected).and_then(|&i| remap.issue(i));
        let on_totals =
            (self.rows.selected >= self.grid.rows.len(), self.cols.selected >= self.grid.columns.len());
        self.grid = matrix::build(c, folded);
        self.rows.selected = match speaker.and_then(|s| self.grid.rows.iter().position(|&r| r == s)) {
            Some(row) => row,
            None if on_totals.0 => self.grid.rows.len(),
            None => self.rows.selected,
        };
        self.cols.selected = match issue.and_then(|i| self.grid.columns.iter().position(|&x| x == i)) {
            Some(col) => col,
            None if on_totals.1 => self.grid.columns.len(),
            None => self.cols.selected,
        };
        self.keep_visible(geometry);
    }

    /// Keeps the cursor inside the grid and on screen.
    pub fn keep_visible(&mut self, geometry: &MatrixGrid) {
        let (rows, columns) = (self.row_count(), self.column_count());
        self.rows.keep_visible(geometry.rows, rows);
        self.cols.keep_visible_by(columns, |left| geometry.columns_from(left, columns));
    }
}

/// `m`: opens the matrix with the cursor on the speaker and issue of the
/// current filters.
pub fn open(app: &App) -> Mode {
    let grid = matrix::build(&app.corpus, app.matrix_folded);
    let row = app.filters.speaker.and_then(|s| grid.rows.iter().position(|&r| r == s)).unwrap_or(0);
    let col = app.filters.issue.and_then(|i| grid.columns.iter().position(|&c| c == i)).unwrap_or(0);
    let mut view = MatrixView {
        grid,
        rows: Scroll { selected: row, offset: 0 },
        cols: Scroll { selected: col, offset: 0 },
    };
    view.keep_visible(&app.matrix_grid());
    Mode::Matrix(view)
}

pub fn update(app: &App, mut m: MatrixView, action: Action) -> (Mode, Vec<Intent>) {
    let (rows, columns) = (m.row_count(), m.column_count());
    let mut intents = Vec::new();
    match action {
        Action::Quit => return (Mode::Matrix(m), vec![Intent::Effect(Effect::Quit)]),
        Action::Help => return (Help::open(Mode::Matrix(m)), intents),
        Action::Escape => return (Mode::Browse, intents),
        Action::Down => m.rows.step(1, rows),
        Action::Up => m.rows.step(-1, rows),
        Action::RightColumn => m.cols.step(1, columns),
        Action::LeftColumn => m.cols.step(-1, columns),
        Action::First => m.rows.selected = 0,
        Action::Last => m.rows.selected = rows - 1,
        Action::Fold => intents = fold(app, &mut m),
        Action::Enter => {
            if m.cell_statements(m.rows.selected, m.cols.selected) == 0 {
                intents.push(Intent::Notice("no quotes in that cell · move to a cell with a count".into()));
            } else {
                return (Mode::Browse, enter(&m));
            }
        }
        _ => {}
    }
    m.keep_visible(&app.matrix_grid_folded(m.grid.folded));
    (Mode::Matrix(m), intents)
}

/// `f`: folds sub-issues into their parents, or unfolds, staying on the
/// issue (or on the top-level issue it folded into).
fn fold(app: &App, m: &mut MatrixView) -> Vec<Intent> {
    let folded = !m.grid.folded;
    let corpus = &app.corpus;
    let issue = m.grid.columns.get(m.cols.selected).copied();
    let grid = matrix::build(corpus, folded);
    let top_level = |mut i| {
        while let Some(p) = corpus.issues[i].parent {
            i = p;
        }
        i
    };
    m.cols.selected = match issue {
        Some(i) => grid
            .columns
            .iter()
            .position(|&c| c == i)
            .or_else(|| grid.columns.iter().position(|&c| c == top_level(i)))
            .unwrap_or(0),
        None => grid.columns.len(),
    };
    m.grid = grid;
    let said = if folded { "sub-issues folded into their parents" } else { "sub-issues unfolded" };
    vec![Intent::FoldMatrix(folded), Intent::Notice(said.into())]
}

/// Enter on a cell: back to the browser, filtered to its speaker and
/// issue (a totals cell keeps that filter open), on its first quote. The
/// filters and search from before are remembered for Ctrl-o.
fn enter(m: &MatrixView) -> Vec<Intent> {
    let filters = Filters {
        speaker: m.grid.rows.get(m.rows.selected).copied(),
        issue: m.grid.columns.get(m.cols.selected).copied(),
        ..Filters::default()
    };
    let mut intents = super::intent::to_cell(filters);
    // The list of an issue holds its sub-issues' quotes, which the cell left out.
    let on_sub_issues =
        m.grid.cells.get(m.rows.selected).and_then(|r| r.get(m.cols.selected)).map_or(0, |c| c.on_sub_issues);
    if on_sub_issues > 0 {
        intents.push(Intent::Notice(format!(
            "the list adds the issue's sub-issues ({}), which the cell did not count",
            matrix::statements(on_sub_issues)
        )));
    }
    intents
}

/// A click selects a cell; the wheel moves between rows.
pub fn mouse(app: &App, m: &mut MatrixView, mouse: MouseEvent) {
    let grid = app.matrix_grid();
    let (rows, columns) = (m.row_count(), m.column_count());
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some((row, col)) =
                grid.cell_at(mouse.column, mouse.row, m.rows.offset, m.cols.offset, columns)
                && row < rows
            {
                (m.rows.selected, m.cols.selected) = (row, col);
            }
        }
        MouseEventKind::ScrollDown => m.rows.step(1, rows),
        MouseEventKind::ScrollUp => m.rows.step(-1, rows),
        _ => {}
    }
    m.keep_visible(&grid);
}
