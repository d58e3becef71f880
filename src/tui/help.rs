//! The help overlay: every key, from the keymap itself, each row whole
//! (wrapped under its key when the screen is narrow). It scrolls, and
//! closes back to the mode it was opened from. Its rows are made here, as
//! text; the view gives them their styles.

use super::app::{App, Effect};
use super::intent::Intent;
use super::keymap::{Action, Context, KEYMAP, Keymap};
use super::mode::Mode;
use crate::text;
use ratatui::layout::Rect;

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

pub fn update(app: &App, mut help: Help, action: Action) -> (Mode, Vec<Intent>) {
    let (rect, width) = placement(app.area, &app.keymap);
    let (rows, page) = (rows(&app.keymap, width).len(), rect.height.saturating_sub(2) as usize);
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
        Action::Escape => return (*help.under, Vec::new()),
        Action::Quit => return (Mode::Help(help), vec![Intent::Effect(Effect::Quit)]),
        _ => {}
    }
    (Mode::Help(help), Vec::new())
}

/// The narrowest description column worth giving up the action names for.
const MIN_DESCRIPTION: usize = 44;

/// The sections of the help, in order.
const SECTIONS: [(Context, &str); 9] = [
    (Context::Browse, "Browsing"),
    (Context::Search, "In the query line (after /)"),
    (Context::Matrix, "In the stance matrix (after m)"),
    (Context::Timeline, "In a speaker's timeline (after t)"),
    (Context::Reading, "Reading a quote (after z)"),
    (Context::Speaker, "Accepting a candidate: its speaker (after A)"),
    (Context::Stances, "Issues and stances (after S, or A and a speaker)"),
    (Context::Confirm, "A question (after D)"),
    (Context::Help, "In this help"),
];

const NOTES: [&str; 4] = [
    "Search: words match word starts · \"a phrase\" · @speaker · #issue · stance:oppose · kind:question",
    "in:article · date:2022-01 or date:2022-01-10..2022-01-14 · source:name · a capital makes case count",
    "Tokens combine with AND. Esc cancels a search, Enter keeps it (Ctrl-o returns to before).",
    "Mouse: click selects, click a selected quote to read it, the wheel scrolls (--no-mouse: native selection).",
];

/// A row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Blank,
    /// A section's heading and its table in the config file.
    Heading {
        title: &'static str,
        table: &'static str,
    },
    /// A binding's first row: its keys (padded), its action's config name
    /// (padded, or empty when there is no room) and the first part of its
    /// description.
    Binding {
        keys: String,
        pad: usize,
        name: String,
        text: String,
    },
    /// The rest of a description, under the first part.
    More {
        indent: usize,
        text: String,
    },
    Note(String),
}

/// Every row of the help at an inner width: headings, bindings (the
/// description wrapped beside its keys), notes.
pub fn rows(keymap: &Keymap, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for (context, title) in SECTIONS {
        if !rows.is_empty() {
            rows.push(Row::Blank);
        }
        rows.push(Row::Heading { title, table: context.name() });
        let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.context == context).collect();
        let key_width = bindings.iter().map(|b| text::width(&keymap.key_names(b))).max().unwrap_or(0);
        // The config names of the actions take a column when there is room
        // for it; `whosaid config` lists them too.
        let name_width = bindings.iter().map(|b| b.action.name().len() + 2).max().unwrap_or(0);
        let name_width = if width >= key_width + name_width + 4 + MIN_DESCRIPTION { name_width } else { 0 };
        let lead_width = key_width + name_width + 4;
        let room = width.saturating_sub(lead_width).max(12);
        for b in bindings {
            let keys = keymap.key_names(b);
            let pad = key_width - text::width(&keys);
            let name =
                if name_width == 0 { String::new() } else { format!("{:<name_width$}", b.action.name()) };
            for (n, part) in text::wrap(b.help, room).into_iter().enumerate() {
                rows.push(if n == 0 {
                    Row::Binding { keys: keys.clone(), pad, name: name.clone(), text: part }
                } else {
                    Row::More { indent: lead_width, text: part }
                });
            }
        }
    }
    rows.push(Row::Blank);
    for note in NOTES {
        rows.extend(text::wrap(note, width.max(12)).into_iter().map(Row::Note));
    }
    rows
}

/// Where the overlay goes, and its inner width: centred, as wide as its
/// longest row allows.
pub fn placement(area: Rect, keymap: &Keymap) -> (Rect, usize) {
    let widest = SECTIONS
        .iter()
        .flat_map(|(c, _)| KEYMAP.iter().filter(move |b| b.context == *c))
        .map(|b| text::width(&keymap.key_names(b)) + b.action.name().len() + text::width(b.help) + 6)
        .chain(NOTES.iter().map(|n| text::width(n)))
        .max()
        .unwrap_or(0);
    let width = (widest as u16 + 4).min(area.width);
    let inner_width = width.saturating_sub(4) as usize;
    let rows = rows(keymap, inner_width).len();
    let height = (rows as u16 + 2).min(area.height.saturating_sub(1).max(3)).min(area.height);
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height.saturating_sub(height) / 2;
    (Rect { x, y, width, height }, inner_width)
}
