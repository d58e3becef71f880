//! The help overlay, written from the keymap table itself.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Context, KEYMAP, key_names};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// Every binding, grouped by where it applies.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let sections = [
        (Context::Browse, "Browsing"),
        (Context::Search, "In the query line (after /)"),
        (Context::Matrix, "In the stance matrix (after m)"),
        (Context::Help, "In this help"),
    ];
    for (context, heading) in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(heading, app.theme.title()));
        let bindings: Vec<_> = KEYMAP.iter().filter(|b| b.context == context).collect();
        let key_width = bindings.iter().map(|b| text::width(&key_names(b))).max().unwrap_or(0);
        for b in bindings {
            let keys = key_names(b);
            let pad = " ".repeat(key_width - text::width(&keys));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, app.theme.key()),
                Span::raw(format!("{pad}  {}", b.help)),
            ]));
        }
    }
    lines.push(Line::raw(""));
    for note in [
        "Search: words match word starts · \"a phrase\" · @speaker · #issue · stance:oppose",
        "        kind:question · a capital makes case count · tokens combine with AND",
        "Mouse: click selects, the wheel scrolls (--no-mouse leaves it to the terminal).",
    ] {
        lines.push(Line::styled(note, app.theme.dim()));
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let lines = lines(app);
    let width = (lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect =
        Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    let inner_height = height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(" Keys · Esc closes ");
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll as u16, 0)), rect);
}
