//! Drawing: one function per pane, each reading the [`App`] and never
//! changing it. Only visible rows are built.

mod article;
mod articles;
mod details;
mod form;
pub mod help;
mod issues;
mod list;
mod matrix;
mod quotes;
mod reading;
mod speakers;
mod status;
mod timeline;

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
        Screen::TooSmall => too_small(frame, area, app),
        Screen::Panes(panes) => {
            match app.mode.base() {
                Mode::Matrix(m) => matrix::draw(frame, app, m),
                Mode::Timeline(t) => timeline::draw(frame, app, t),
                Mode::Reading(r) => reading::draw(frame, app, r),
                _ => browser(frame, &panes, app),
            }
            status::draw(frame, panes.status, app);
            match &app.mode {
                Mode::Help(h) => help::draw(frame, area, app, h.scroll),
                Mode::Form(f) => form::draw(frame, app, f),
                _ => {}
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
    if let Some(r) = panes.articles {
        articles::draw(frame, r, app);
    }
    if let Some(r) = panes.speakers {
        speakers::draw(frame, r, app);
    }
    if let Some(r) = panes.issues {
        issues::draw(frame, r, app);
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

fn too_small(frame: &mut Frame, area: Rect, app: &App) {
    let message = format!(
        "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}{}",
        area.width,
        area.height,
        status::quits(app)
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
    let focused = pane == Some(app.focus) && !app.mode.covers_panes();
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
fn counted_row(width: usize, selected: bool, label: &str, count: &str, style: Style) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let count = count.to_string();
    let room = width.saturating_sub(2 + text::width(&count) + 1);
    let label = text::truncate(&text::one_line(label), room).into_owned();
    let pad = room.saturating_sub(text::width(&label));
    Line::from(vec![Span::raw(marker), Span::raw(label), Span::raw(" ".repeat(pad + 1)), Span::raw(count)])
        .style(style)
}

/// Article text on one line, cut to `width` cells with `…`, the bytes in
/// `marks` (article offsets) styled `mark`. `pieces` are the parts of a
/// quote (`text`, where it starts in the article), joined by ` … `. The
/// line shows the quote from its start when the first match fits, else
/// about a third of the row before the match, from a word's start.
fn marked_line(
    pieces: &[(&str, usize)],
    marks: &[std::ops::Range<usize>],
    width: usize,
    mark: Style,
) -> Vec<Span<'static>> {
    // The text as shown: white space runs as one space, controls visible.
    let mut shown: Vec<(char, bool)> = Vec::new();
    for (n, &(piece, base)) in pieces.iter().enumerate() {
        if n > 0 {
            shown.extend(crate::model::PART_JOINER.chars().map(|c| (c, false)));
        }
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
    }
    let cells = |part: &[(char, bool)]| part.iter().map(|(c, _)| text::char_width(*c)).sum::<usize>();
    let mut start = 0;
    let mut lead = false;
    if cells(&shown) > width
        && let Some(first) = shown.iter().position(|&(_, m)| m)
    {
        let mark_end = first + shown[first..].iter().take_while(|&&(_, m)| m).count();
        if cells(&shown[..mark_end]) + 1 > width {
            // About a third of the row before the match, from a word's start.
            let mut before = 0;
            start = first;
            while start > 0 && before + text::char_width(shown[start - 1].0) <= width / 3 {
                start -= 1;
                before += text::char_width(shown[start].0);
            }
            while start > 0 && start < first && shown[start - 1].0 != ' ' {
                start += 1;
            }
            lead = start > 0;
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
