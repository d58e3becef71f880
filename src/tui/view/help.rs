//! The help overlay, written from the keymap table itself: every binding
//! of every mode, each row whole (wrapped under its key when the screen is
//! narrow), scrolled like a list, its frame saying when there is more.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Context, KEYMAP};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// The narrowest description column worth giving up the action names for.
const MIN_DESCRIPTION: usize = 44;

/// The sections of the help, in order.
const SECTIONS: [(Context, &str); 6] = [
    (Context::Browse, "Browsing"),
    (Context::Search, "In the query line (after /)"),
    (Context::Matrix, "In the stance matrix (after m)"),
    (Context::Timeline, "In a speaker's timeline (after t)"),
    (Context::Reading, "Reading a quote (after z)"),
    (Context::Help, "In this help"),
];

const NOTES: [&str; 4] = [
    "Search: words match word starts · \"a phrase\" · @speaker · #issue · stance:oppose · kind:question",
    "in:article · date:2022-01 or date:2022-01-10..2022-01-14 · source:name · a capital makes case count",
    "Tokens combine with AND. Esc cancels a search, Enter keeps it (Ctrl-o returns to before).",
    "Mouse: click selects, click a selected quote to read it, the wheel scrolls (--no-mouse: native selection).",
];

/// Every row of the help at an inner width: headings, bindings (the
/// description wrapped beside its keys), notes.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (context, heading) in SECTIONS {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(vec![
            Span::styled(heading, app.theme.title()),
            Span::styled(format!("   [keys.{}] in the config file", context.name()), app.theme.dim()),
        ]));
        let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.context == context).collect();
        let keys_of = |b| app.keymap.key_names(b);
        let key_width = bindings.iter().map(|b| text::width(&keys_of(b))).max().unwrap_or(0);
        // The config names of the actions take a column when there is room
        // for it; `whosaid config` lists them too.
        let name_width = bindings.iter().map(|b| b.action.name().len() + 2).max().unwrap_or(0);
        let name_width = if width >= key_width + name_width + 4 + MIN_DESCRIPTION { name_width } else { 0 };
        let lead_width = key_width + name_width + 4;
        let room = width.saturating_sub(lead_width).max(12);
        for b in bindings {
            let keys = keys_of(b);
            let pad = " ".repeat(key_width - text::width(&keys));
            let name =
                if name_width == 0 { String::new() } else { format!("{:<name_width$}", b.action.name()) };
            for (n, part) in text::wrap(b.help, room).into_iter().enumerate() {
                let lead = if n == 0 {
                    vec![
                        Span::raw("  "),
                        Span::styled(keys.clone(), app.theme.key()),
                        Span::raw(format!("{pad}  ")),
                        Span::styled(name.clone(), app.theme.dim()),
                    ]
                } else {
                    vec![Span::raw(" ".repeat(lead_width))]
                };
                let mut spans = lead;
                spans.push(Span::raw(part));
                lines.push(Line::from(spans));
            }
        }
    }
    lines.push(Line::raw(""));
    for note in NOTES {
        for part in text::wrap(note, width.max(12)) {
            lines.push(Line::styled(part, app.theme.dim()));
        }
    }
    lines
}

/// Where the overlay goes: centred, as wide as its longest row allows.
fn placement(app: &App) -> (Rect, usize) {
    let area = app.area;
    let widest = SECTIONS
        .iter()
        .flat_map(|(c, _)| KEYMAP.iter().filter(move |b| b.context == *c))
        .map(|b| text::width(&app.keymap.key_names(b)) + b.action.name().len() + text::width(b.help) + 6)
        .chain(NOTES.iter().map(|n| text::width(n)))
        .max()
        .unwrap_or(0);
    let width = (widest as u16 + 4).min(area.width);
    let inner_width = width.saturating_sub(4) as usize;
    let rows = lines(app, inner_width).len();
    let height = (rows as u16 + 2).min(area.height.saturating_sub(1).max(3)).min(area.height);
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect { x, y, width, height };
    (rect, inner_width)
}

/// How many rows the help has, and how many fit: for scrolling.
pub fn size(app: &App) -> (usize, usize) {
    let (rect, width) = placement(app);
    (lines(app, width).len(), rect.height.saturating_sub(2) as usize)
}

pub fn draw(frame: &mut Frame, _area: Rect, app: &App, scroll: usize) {
    let (rect, width) = placement(app);
    let lines = lines(app, width);
    let inner_height = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let more = match (scroll > 0, scroll + inner_height < lines.len()) {
        (_, true) => format!(" · ↓ {} more · j/k scroll", lines.len() - scroll - inner_height),
        (true, false) => " · ↑ more above".to_string(),
        (false, false) => String::new(),
    };
    let title = format!(" Keys{more} · Esc closes ");
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(text::truncate(&title, rect.width.saturating_sub(2) as usize).into_owned());
    frame.render_widget(Clear, rect);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let padded = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(inner_height).collect();
    frame.render_widget(Paragraph::new(shown), padded);
}
