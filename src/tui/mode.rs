//! What the browser is doing: browsing the panes, typing a search, looking
//! at the stance matrix or a speaker's timeline, reading one quote, reading
//! the help. One enum, owned by the App; each mode's state lives in its
//! variant and its update in a module of its own.

use super::form::{Form, Step};
use super::help::Help;
use super::keymap::Context;
use super::matrix::MatrixView;
use super::reading::Reading;
use super::search::SearchLine;
use super::timeline::TimelineView;

#[derive(Debug)]
pub enum Mode {
    /// The linked panes.
    Browse,
    /// The query line at the bottom, open while a search is typed.
    Search(SearchLine),
    /// The stance matrix, full screen.
    Matrix(MatrixView),
    /// A speaker's stances over time, full screen.
    Timeline(TimelineView),
    /// One quote, full screen, with its paragraph.
    Reading(Reading),
    /// The help, over the mode it was opened from.
    Help(Help),
    /// A form of annotating, over the browser.
    Form(Form),
}

impl Mode {
    /// Which keys apply.
    pub fn context(&self) -> Context {
        match self {
            Mode::Browse => Context::Browse,
            Mode::Search(_) => Context::Search,
            Mode::Matrix(_) => Context::Matrix,
            Mode::Timeline(_) => Context::Timeline,
            Mode::Reading(_) => Context::Reading,
            Mode::Help(_) => Context::Help,
            Mode::Form(form) => match form.step {
                Step::Speaker => Context::Speaker,
                Step::Stances => Context::Stances,
                Step::ConfirmDelete => Context::Confirm,
            },
        }
    }

    /// The mode under any overlay: what the screen shows beneath it.
    pub fn base(&self) -> &Mode {
        match self {
            Mode::Help(help) => help.under.base(),
            mode => mode,
        }
    }

    /// Applies `f` to this mode and to any under it.
    pub fn each_mut(&mut self, f: &mut impl FnMut(&mut Mode)) {
        f(self);
        if let Mode::Help(help) = self {
            help.under.each_mut(f);
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

    /// Whether something covers the panes (they then show no focus).
    pub fn covers_panes(&self) -> bool {
        !matches!(self, Mode::Browse | Mode::Search(_))
    }
}
