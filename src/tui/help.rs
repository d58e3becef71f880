//! The help overlay: every key, from the keymap itself. It scrolls, and
//! closes back to the mode it was opened from.

use super::app::{App, Effect};
use super::keymap::Action;
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

pub fn update(app: &mut App, mut help: Help, action: Action) -> (Mode, Option<Effect>) {
    let (rows, page) = super::view::help::size(app);
    let last = rows.saturating_sub(page);
    let page = page.max(1) as isize;
    let step = |delta: isize, at: usize| (at as isize).saturating_add(delta).clamp(0, last as isize) as usize;
    match action {
        Action::Down => help.scroll = step(1, help.scroll),
        Action::Up => help.scroll = step(-1, help.scroll),
        Action::First => help.scroll = 0,
        Action::Last => help.scroll = last,
        Action::HalfPageDown => help.scroll = step(page / 2, help.scroll),
        Action::HalfPageUp => help.scroll = step(-page / 2, help.scroll),
        Action::PageDown => help.scroll = step(page, help.scroll),
        Action::PageUp => help.scroll = step(-page, help.scroll),
        Action::Escape => return (*help.under, None),
        Action::Quit => return (Mode::Help(help), Some(Effect::Quit)),
        _ => {}
    }
    (Mode::Help(help), None)
}
