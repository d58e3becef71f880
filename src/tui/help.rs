//! The help overlay: every key, from the keymap itself. It scrolls, and
//! closes back to the mode it was opened from.

use super::app::{App, Effect};
use super::keymap::{Action, KEYMAP};
use super::mode::Mode;

#[derive(Debug)]
pub struct Help {
    pub scroll: usize,
    /// The mode to return to.
    pub under: Box<Mode>,
}

impl Help {
    pub fn open(under: Mode) -> Mode {
        Mode::Help(Help { scroll: 0, under: Box::new(under) })
    }
}

pub fn update(_app: &mut App, mut help: Help, action: Action) -> (Mode, Option<Effect>) {
    match action {
        Action::Down => help.scroll = (help.scroll + 1).min(KEYMAP.len()),
        Action::Up => help.scroll = help.scroll.saturating_sub(1),
        Action::Escape => return (*help.under, None),
        Action::Quit => return (Mode::Help(help), Some(Effect::Quit)),
        _ => {}
    }
    (Mode::Help(help), None)
}
