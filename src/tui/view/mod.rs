//! Drawing: one function per pane, each reading the [`App`] and never
//! changing it. Only visible rows are built.

mod article;
mod details;
mod help;
mod lists;
mod matrix;
mod quotes;
mod status;

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, Pane, Panes, Screen};
use super::mode::Mode;
use crate::text;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    match app.screen() {
        Screen::TooSmall => too_small(frame, area),
        Screen::Panes(panes) => {
            match app.mode.matrix() {
                Some(m) => matrix::draw(frame, app, m),
                None => browser(frame, &panes, app),
            }
            status::draw(frame, panes.status, app);
            if let Mode::Help(h) = &app.mode {
                help::draw(frame, area, app, h.scroll);
            }
        }
    }
    scrub(frame.buffer_mut());
}

/// The panes of the browser, each where the layout put it.
fn browser(frame: &mut Frame, panes: &Panes, app: &App) {
    if let Some(r) = panes.banner {
        status::banner(frame, r, app);
    }
    if let Some(r) = panes.speakers {
        lists::speakers(frame, r, app);
    }
    if let Some(r) = panes.issues {
        lists::issues(frame, r, app);
    }
    if let Some(r) = panes.details {
        details::draw(frame, r, app);
    }
    if let Some(r) = panes.quotes {
        quotes::draw(frame, r, app);
    }
    if let Some(r) = panes.article {
        article::draw(frame, r, app);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let message = format!(
        "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{} · q quits",
        area.width, area.height
    );
    let paragraph = Paragraph::new(message).wrap(Wrap { trim: true }).alignment(Alignment::Center);
    let y = area.height.saturating_sub(2) / 2;
    frame.render_widget(paragraph, Rect { y: area.y + y, height: area.height - y, ..area });
}

/// The last guard against terminal injection: no cell leaves with a control
/// character in it, whatever a view let through.
fn scrub(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        if cell.symbol().chars().any(text::is_unsafe) {
            let safe: String = cell
                .symbol()
                .chars()
                .map(|c| if text::is_unsafe(c) { text::placeholder(c) } else { c })
                .collect();
            cell.set_symbol(&safe);
        }
    }
}

/// A pane's frame: its title, and a bolder border when it has focus.
fn pane_block<'a>(app: &App, pane: Option<Pane>, title: Line<'a>) -> Block<'a> {
    let focused = pane == Some(app.focus) && !app.mode.is_overlay();
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(app.theme.border(focused))
        .title(title)
}

/// A title such as ` Quotes · 5 of 38 `, cut to the width it has.
fn title(parts: &[&str], width: u16) -> Line<'static> {
    let text =
        format!(" {} ", parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" · "));
    Line::from(text::truncate(&text::one_line(&text), width.saturating_sub(2) as usize).into_owned())
}

/// One list row: marker, label on the left, count on the right.
fn counted_row(width: usize, selected: bool, label: &str, count: usize, style: Style) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let count = count.to_string();
    let room = width.saturating_sub(2 + count.len() + 1);
    let label = text::truncate(&text::one_line(label), room).into_owned();
    let pad = room.saturating_sub(text::width(&label));
    Line::from(vec![Span::raw(marker), Span::raw(label), Span::raw(" ".repeat(pad + 1)), Span::raw(count)])
        .style(style)
}

/// Article text on one line, cut to `width` cells with `…`, the bytes in
/// `marks` (article offsets; `base` is where `piece` starts) styled `mark`.
/// When the first mark would be cut off, the line starts a little before it.
fn marked_line(
    piece: &str,
    base: usize,
    marks: &[std::ops::Range<usize>],
    width: usize,
    mark: Style,
) -> Vec<Span<'static>> {
    // The text as shown: white space runs as one space, controls visible.
    let mut shown: Vec<(char, bool)> = Vec::new();
    let mut space = false;
    for (i, c) in piece.char_indices() {
        if c.is_whitespace() {
            space = !shown.is_empty();
            continue;
        }
        if space {
            shown.push((' ', false));
            space = false;
        }
        let marked = marks.iter().any(|r| r.contains(&(base + i)));
        shown.push((if text::is_unsafe(c) { text::placeholder(c) } else { c }, marked));
    }
    let cells = |part: &[(char, bool)]| part.iter().map(|(c, _)| text::char_width(*c)).sum::<usize>();
    let mut start = 0;
    let mut lead = false;
    if cells(&shown) > width
        && let Some(first) = shown.iter().position(|&(_, m)| m)
    {
        let mark_end = first + shown[first..].iter().take_while(|&&(_, m)| m).count();
        if cells(&shown[..mark_end]) + 1 > width {
            // Some context before the match, from a word start.
            start = first.saturating_sub(12);
            while start > 0 && shown[start - 1].0 != ' ' && start < first {
                start += 1;
            }
            lead = true;
        }
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = usize::from(lead);
    if lead {
        spans.push(Span::raw("…"));
    }
    let rest = &shown[start..];
    let cut = cells(rest) + used > width;
    let room = if cut { width.saturating_sub(1) } else { width };
    let mut run = String::new();
    let mut run_marked = false;
    for &(c, marked) in rest {
        let w = text::char_width(c);
        if used + w > room {
            break;
        }
        if marked != run_marked && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), if run_marked { mark } else { Style::new() }));
        }
        run_marked = marked;
        run.push(c);
        used += w;
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_marked { mark } else { Style::new() }));
    }
    if cut && width > 0 {
        spans.push(Span::raw("…"));
    }
    spans
}
