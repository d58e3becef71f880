//! What the browser is doing: browsing the panes, typing a search, looking
//! at the stance matrix, reading the help. One enum, owned by the App; each
//! mode's state lives in its variant and its update in a module of its own.

use super::help::Help;
use super::keymap::Context;
use super::matrix::MatrixView;
use super::search::SearchLine;

#[derive(Debug)]
pub enum Mode {
    /// The linked panes.
    Browse,
    /// The query line at the bottom, open while a search is typed.
    Search(SearchLine),
    /// The stance matrix, full screen.
    Matrix(MatrixView),
    /// The help, over the mode it was opened from.
    Help(Help),
}

impl Mode {
    /// Which keys apply.
    pub fn context(&self) -> Context {
        match self {
            Mode::Browse => Context::Browse,
            Mode::Search(_) => Context::Search,
            Mode::Matrix(_) => Context::Matrix,
            Mode::Help(_) => Context::Help,
        }
    }

    /// The mode under any overlay: what the screen shows beneath it.
    pub fn base(&self) -> &Mode {
        match self {
            Mode::Help(help) => help.under.base(),
            mode => mode,
        }
    }

    /// The stance matrix, when it is on screen (under the help, too).
    pub fn matrix(&self) -> Option<&MatrixView> {
        match self.base() {
            Mode::Matrix(m) => Some(m),
            _ => None,
        }
    }

    pub fn search_line(&self) -> Option<&SearchLine> {
        match self {
            Mode::Search(line) => Some(line),
            _ => None,
        }
    }

    /// Whether an overlay covers the panes (they then show no focus).
    pub fn is_overlay(&self) -> bool {
        matches!(self, Mode::Help(_))
    }
}
