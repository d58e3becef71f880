//! The Browse mode: the linked panes. Moving between and within them,
//! Enter, the jumps through the article, copying, and the mouse.

use super::app::{App, Effect, QUOTE_ROWS};
use super::help::Help;
use super::keymap::Action;
use super::layout::Pane;
use super::mode::Mode;
use super::{matrix, search};
use crate::describe;
use crate::filter::Filters;
use crate::model::Kind;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

pub fn update(app: &mut App, action: Action) -> (Mode, Option<Effect>) {
    let effect = match action {
        Action::Quit => Some(Effect::Quit),
        Action::Suspend => Some(Effect::Suspend),
        Action::Reload => Some(Effect::Reload),
        Action::Help => return (Help::open(Mode::Browse), None),
        Action::Search => return (search::open(app), None),
        Action::Matrix => return (matrix::open(app), None),
        Action::NextPane | Action::PrevPane => {
            let i = Pane::ORDER.iter().position(|&p| p == app.focus).unwrap_or(0);
            let step = if action == Action::NextPane { 1 } else { Pane::ORDER.len() - 1 };
            app.focus_pane(Pane::ORDER[(i + step) % Pane::ORDER.len()]);
            None
        }
        Action::LeftColumn if !app.focus.is_left() => {
            app.focus_pane(app.last_left);
            None
        }
        Action::RightColumn if app.focus.is_left() => {
            app.focus_pane(app.last_right);
            None
        }
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::First => move_by(app, isize::MIN / 2),
        Action::Last => move_by(app, isize::MAX / 2),
        Action::HalfPageDown => move_by(app, app.page(2)),
        Action::HalfPageUp => move_by(app, -app.page(2)),
        Action::PageDown => move_by(app, app.page(1)),
        Action::PageUp => move_by(app, -app.page(1)),
        Action::Enter => {
            enter(app);
            None
        }
        Action::NextHit => step_hit(app, 1),
        Action::PrevHit => step_hit(app, -1),
        Action::Escape => escape(app),
        Action::NextSpan => jump_span(app, true),
        Action::PrevSpan => jump_span(app, false),
        Action::Exchange => exchange(app),
        Action::Copy => copy(app),
        _ => None,
    };
    (Mode::Browse, effect)
}

fn move_by(app: &mut App, delta: isize) -> Option<Effect> {
    app.move_in_list(app.focus, delta);
    None
}

fn enter(app: &mut App) {
    match app.focus {
        Pane::Speakers | Pane::Issues => app.focus_pane(Pane::Quotes),
        Pane::Quotes => app.focus_pane(Pane::Article),
        Pane::Article => select_under_cursor(app),
    }
}

/// Esc: clears the search, else the filters.
fn escape(app: &mut App) -> Option<Effect> {
    if app.search.is_active() {
        app.search.clear();
        app.refilter();
        app.show_selected_quote();
        app.message = Some("search cleared".into());
    } else if app.filters == Filters::default() {
        app.message = Some("no filters to clear".into());
    } else {
        app.set_filters(Filters::default());
        app.show_selected_quote();
        app.message = Some("filters cleared".into());
    }
    None
}

/// `n` / `N`: the next or previous hit, wrapping around.
fn step_hit(app: &mut App, delta: isize) -> Option<Effect> {
    if !app.search.is_active() {
        app.message = Some("no search · / starts one".into());
        return None;
    }
    let len = app.list.quotes.len();
    if len == 0 {
        app.message = Some("no hits".into());
        return None;
    }
    let next = app.quotes.selected as isize + delta;
    let wrapped = next < 0 || next >= len as isize;
    app.quotes.selected = next.rem_euclid(len as isize) as usize;
    app.keep_lists_visible();
    app.show_selected_quote();
    if wrapped {
        app.message = Some(
            if delta > 0 { "search wrapped to the first hit" } else { "search wrapped to the last hit" }
                .into(),
        );
    }
    None
}

/// The quotes of the filter whose spans touch the cursor row, in reading order.
fn quotes_on_cursor_row(app: &App) -> Vec<crate::model::QuoteIx> {
    let Some(row) = app.article.layout.rows.get(app.article.scroll.selected) else { return Vec::new() };
    app.quotes_touching(row).collect()
}

/// Selects the quote under the cursor; pressed again, the next one there.
fn select_under_cursor(app: &mut App) {
    let on_row = quotes_on_cursor_row(app);
    if on_row.is_empty() {
        app.message = Some("no quote of the filter on this line".into());
        return;
    }
    let next = match app.selected_quote().and_then(|s| on_row.iter().position(|&q| q == s)) {
        Some(i) => on_row[(i + 1) % on_row.len()],
        None => on_row[0],
    };
    let cursor = app.article.scroll.selected;
    app.select_quote(next);
    app.article.scroll.selected = cursor;
    app.keep_article_cursor_visible();
    if on_row.len() > 1 {
        app.message = Some(format!("{} quotes on this line · Enter for the next", on_row.len()));
    }
}

/// `]` and `[`: the next or previous span of the filter, counting from
/// the selected quote when it starts on the cursor row, else from the row.
fn jump_span(app: &mut App, forward: bool) -> Option<Effect> {
    let c = &app.corpus;
    let row = app.article.layout.rows.get(app.article.scroll.selected).cloned().unwrap_or(0..0);
    let from_selected = app
        .selected_quote()
        .map(|q| (c.quotes[q].span.start, q))
        .filter(|(start, _)| row.contains(start) || *start == row.start);
    let spans = app.list.quotes.iter().map(|&q| (c.quotes[q].span.start, q));
    let target = match (forward, from_selected) {
        (true, Some(here)) => spans.filter(|&s| s > here).min(),
        (true, None) => spans.filter(|&(start, _)| start >= row.start).min(),
        (false, Some(here)) => spans.filter(|&s| s < here).max(),
        (false, None) => spans.filter(|&(start, _)| start < row.start).max(),
    };
    match target {
        Some((_, q)) => {
            app.select_quote(q);
            app.focus_pane(Pane::Article);
        }
        None => {
            app.message = Some(if forward { "no quote further down" } else { "no quote further up" }.into());
        }
    }
    None
}

/// `a`: from a question to its first answer, from an answer to its question.
fn exchange(app: &mut App) -> Option<Effect> {
    let q = app.selected_quote()?;
    let quote = &app.corpus.quotes[q];
    let target = match (quote.replies_to, quote.answers.first()) {
        (Some(question), _) => Some(question),
        (None, Some(&answer)) => Some(answer),
        _ => None,
    };
    match target {
        Some(t) => app.select_quote(t),
        None => {
            let what = if quote.kind == Kind::Question {
                "this question has no answer"
            } else {
                "not part of an exchange"
            };
            app.message = Some(what.into());
        }
    }
    None
}

/// `y`: the selected quote and its citation, for the clipboard.
fn copy(app: &mut App) -> Option<Effect> {
    let Some(q) = app.selected_quote() else {
        app.message = Some("no quote to copy".into());
        return None;
    };
    app.message = Some("copied the quote and its citation (OSC 52)".into());
    Some(Effect::Copy(describe::citation(&app.corpus, q)))
}

/// A click selects and focuses; the wheel scrolls the pane under the pointer.
pub fn mouse(app: &mut App, mouse: MouseEvent) {
    let Some(panes) = app.panes() else { return };
    let Some(pane) = panes.at(mouse.column, mouse.row) else { return };
    let rect = panes.get(pane).expect("pane under the pointer");
    match mouse.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let delta = if mouse.kind == MouseEventKind::ScrollDown { 1 } else { -1 };
            if pane == Pane::Article {
                let height = app.inner_rows(Pane::Article);
                let rows = app.article.layout.rows.len();
                let scroll = &mut app.article.scroll;
                let top = (scroll.offset as isize + 3 * delta).max(0) as usize;
                scroll.offset = top.min(rows.saturating_sub(height));
                scroll.selected = scroll.selected.clamp(scroll.offset, scroll.offset + height - 1);
            } else {
                app.move_in_list(pane, delta);
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            if pane != app.focus {
                app.focus_pane(pane);
            }
            let Some(row) = mouse.row.checked_sub(rect.y + 1) else { return };
            if row as usize >= app.inner_rows(pane) {
                return;
            }
            let row = row as usize;
            match pane {
                Pane::Article => {
                    app.article.scroll.selected = app.article.scroll.offset + row;
                    app.keep_article_cursor_visible();
                }
                Pane::Quotes => {
                    let target = app.quotes.offset + row / QUOTE_ROWS;
                    if target < app.list.quotes.len() {
                        app.move_in_list(pane, target as isize - app.quotes.selected as isize);
                    }
                }
                _ => {
                    let list = if pane == Pane::Speakers { app.speakers } else { app.issues };
                    let target = list.offset + row;
                    if target < app.list_len(pane) {
                        app.move_in_list(pane, target as isize - list.selected as isize);
                    }
                }
            }
        }
        _ => {}
    }
}
