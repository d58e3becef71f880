//! The Browse mode: the linked panes. Moving between and within them,
//! Enter, the jumps through the article and between question and answers,
//! going back, copying, and the mouse.

use super::app::{App, Effect, QUOTE_ROWS};
use super::help::Help;
use super::history;
use super::keymap::Action;
use super::layout::Pane;
use super::mode::Mode;
use super::reading::Reading;
use super::{matrix, search, timeline};
use crate::describe;
use crate::filter::Filters;
use crate::model::{Kind, QuoteIx};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// What the status line says after `y`.
/// What `y` says: the copy goes through the terminal (OSC 52), which some
/// terminals and multiplexers must be told to let through.
pub const COPIED: &str =
    "copied the quote and its citation through the terminal (OSC 52; tmux needs set-clipboard on)";

pub fn update(app: &mut App, action: Action) -> (Mode, Option<Effect>) {
    let effect = match action {
        Action::Quit => Some(Effect::Quit),
        Action::Suspend => Some(Effect::Suspend),
        Action::Reload => Some(Effect::Reload),
        Action::Help => return (Help::open(Mode::Browse), None),
        Action::Search => return (search::open(app), None),
        Action::Matrix => return (matrix::open(app), None),
        Action::Timeline => return (timeline::open(app).unwrap_or(Mode::Browse), None),
        Action::Read => match Reading::open(app) {
            Some(mode) => return (mode, None),
            None => {
                app.message = Some("no quote to read".into());
                None
            }
        },
        Action::NextPane | Action::PrevPane => {
            cycle_focus(app, action == Action::NextPane);
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
        Action::Back => {
            if !history::back(app) {
                app.message = Some("nothing to go back to".into());
            }
            None
        }
        Action::Escape => escape(app),
        Action::NextSpan => jump_span(app, true),
        Action::PrevSpan => jump_span(app, false),
        Action::Exchange => exchange(app),
        Action::Relayed => toggle_relayed(app),
        Action::Uncovered => toggle_uncovered(app),
        Action::Copy => copy(app),
        _ => None,
    };
    (Mode::Browse, effect)
}

/// Tab and Shift-Tab: the next or previous pane that is on screen in this
/// corpus (Articles only when there are several articles).
fn cycle_focus(app: &mut App, forward: bool) {
    let order: Vec<Pane> =
        Pane::ORDER.into_iter().filter(|&p| p != Pane::Articles || app.is_corpus()).collect();
    let i = order.iter().position(|&p| p == app.focus).unwrap_or(0);
    let step = if forward { 1 } else { order.len() - 1 };
    app.focus_pane(order[(i + step) % order.len()]);
}

fn move_by(app: &mut App, delta: isize) -> Option<Effect> {
    app.move_in_list(app.focus, delta);
    None
}

/// Enter: from a filter list to its quotes, from a quote to the article,
/// in the article to the quote under the cursor. Each is a jump.
fn enter(app: &mut App) {
    match app.focus {
        Pane::Articles | Pane::Speakers | Pane::Issues | Pane::Details => {
            history::remember(app);
            app.focus_pane(Pane::Quotes);
        }
        Pane::Quotes => {
            history::remember(app);
            app.focus_pane(Pane::Article);
        }
        Pane::Article => select_under_cursor(app),
    }
}

/// Esc: goes back, else clears the search, else the filters.
fn escape(app: &mut App) -> Option<Effect> {
    if history::back(app) {
        return None;
    }
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
fn quotes_on_cursor_row(app: &App) -> Vec<QuoteIx> {
    let Some(row) = app.article.layout.rows.get(app.article.scroll.selected) else { return Vec::new() };
    app.quotes_touching(row).collect()
}

/// Selects the quote under the cursor; pressed again, the next one there.
fn select_under_cursor(app: &mut App) {
    let on_row = quotes_on_cursor_row(app);
    if on_row.is_empty() {
        app.message = Some("no quote of the list on this line".into());
        return;
    }
    let next = match app.selected_quote().and_then(|s| on_row.iter().position(|&q| q == s)) {
        Some(i) => on_row[(i + 1) % on_row.len()],
        None => on_row[0],
    };
    let cursor = app.article.scroll.selected;
    app.jump_to_quote(next);
    app.article.scroll.selected = cursor;
    app.keep_article_cursor_visible();
    if on_row.len() > 1 {
        app.message = Some(format!("{} quotes on this line · Enter for the next", on_row.len()));
    }
}

/// `]` and `[`: the next or previous quote of the list in the article, in
/// article order whatever the list's order, counting from the selected
/// quote when it starts on the cursor row, else from the row.
fn jump_span(app: &mut App, forward: bool) -> Option<Effect> {
    let c = &app.corpus;
    let shown = app.article.shown;
    let row = app.article.layout.rows.get(app.article.scroll.selected).cloned().unwrap_or(0..0);
    let from_selected = app
        .selected_quote()
        .filter(|&q| c.quotes[q].article == shown)
        .map(|q| (c.quotes[q].span.start, q))
        .filter(|(start, _)| row.contains(start) || *start == row.start);
    let spans = app
        .list
        .quotes
        .iter()
        .filter(|&&q| c.quotes[q].article == shown)
        .map(|&q| (c.quotes[q].span.start, q));
    let target = match (forward, from_selected) {
        (true, Some(here)) => spans.filter(|&s| s > here).min(),
        (true, None) => spans.filter(|&(start, _)| start >= row.start).min(),
        (false, Some(here)) => spans.filter(|&s| s < here).max(),
        (false, None) => spans.filter(|&(start, _)| start < row.start).max(),
    };
    match target {
        Some((_, q)) => {
            app.jump_to_quote(q);
            app.focus_pane(Pane::Article);
        }
        None => {
            app.message = Some(
                if forward {
                    "no quote of the list further down this article"
                } else {
                    "no quote of the list further up this article"
                }
                .into(),
            );
        }
    }
    None
}

/// `a`: from a question to its first answer, on through every answer, and
/// from the last answer back to the question.
fn exchange(app: &mut App) -> Option<Effect> {
    let q = app.selected_quote()?;
    let c = &app.corpus;
    let quote = &c.quotes[q];
    let (question, at) = match quote.replies_to {
        Some(question) => (question, c.quotes[question].answers.iter().position(|&a| a == q).map(|i| i + 1)),
        None => (q, Some(0)),
    };
    let answers = &c.quotes[question].answers;
    let target = match at {
        _ if answers.is_empty() => None,
        Some(i) if i < answers.len() => Some(answers[i]),
        _ => Some(question),
    };
    match target {
        Some(t) => {
            let (n, of) = (answers.iter().position(|&a| a == t).map(|i| i + 1), answers.len());
            app.jump_to_quote(t);
            if app.message.is_none() {
                app.message = Some(match n {
                    Some(n) => format!("answer {n} of {of} · a goes on"),
                    None => "back at the question".to_string(),
                });
            }
        }
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

/// `v`: a speaker's relayed quotes, or back to those it said.
fn toggle_relayed(app: &mut App) -> Option<Effect> {
    let Some(speaker) = app.filters.speaker else {
        app.message = Some("select a speaker first: v shows what it relayed".into());
        return None;
    };
    let filters = Filters { relayed: !app.filters.relayed, ..app.filters };
    app.set_filters(filters);
    app.show_selected_quote();
    let name = app.corpus.speaker_name(speaker).to_string();
    app.message = Some(if filters.relayed {
        format!("what {name} relayed · v for what {name} said")
    } else {
        format!("what {name} said · v for what {name} relayed")
    });
    None
}

/// `u`: marks in the article the candidates `suggest` finds that no quote
/// covers, or stops marking them.
fn toggle_uncovered(app: &mut App) -> Option<Effect> {
    if app.article.uncovered.take().is_some() {
        app.article.announce = false;
        app.message = Some("uncovered candidates no longer marked · u marks them".into());
        return None;
    }
    app.message = Some(match app.mark_uncovered() {
        Some(count) => super::article::uncovered_message(count),
        None => {
            app.article.announce = true;
            "looking for what no quote covers… · u stops".to_string()
        }
    });
    None
}

/// `y`: the selected quote and its citation, for the clipboard.
fn copy(app: &mut App) -> Option<Effect> {
    let Some(q) = app.selected_quote() else {
        app.message = Some("no quote to copy".into());
        return None;
    };
    app.message = Some(COPIED.into());
    Some(Effect::Copy(describe::citation(&app.corpus, q)))
}

/// A click selects and focuses (a double click on a quote reads it); the
/// wheel scrolls the pane under the pointer.
pub fn mouse(app: &mut App, mouse: MouseEvent) -> Mode {
    let Some(panes) = app.panes() else { return Mode::Browse };
    let Some(pane) = panes.at(mouse.column, mouse.row) else { return Mode::Browse };
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
            let Some(row) = mouse.row.checked_sub(rect.y + 1) else { return Mode::Browse };
            if row as usize >= app.inner_rows(pane) {
                return Mode::Browse;
            }
            let row = row as usize;
            match pane {
                Pane::Article => {
                    app.focus_pane(pane);
                    app.article.scroll.selected = app.article.scroll.offset + row;
                    app.keep_article_cursor_visible();
                }
                Pane::Quotes => {
                    let target = app.quotes.offset + row / QUOTE_ROWS;
                    let again = app.focus == Pane::Quotes && target == app.quotes.selected;
                    app.focus_pane(pane);
                    if target < app.list.quotes.len() {
                        app.move_in_list(pane, target as isize - app.quotes.selected as isize);
                        if again && let Some(mode) = Reading::open(app) {
                            return mode;
                        }
                    }
                }
                Pane::Details => app.focus_pane(pane),
                _ => {
                    let list = match pane {
                        Pane::Articles => app.articles,
                        Pane::Speakers => app.speakers,
                        _ => app.issues,
                    };
                    let target = list.offset + row;
                    if target < app.list_len(pane) && target != list.selected {
                        // A click that changes the filters is a jump.
                        history::remember(app);
                        app.focus_pane(pane);
                        app.move_in_list(pane, target as isize - list.selected as isize);
                    } else {
                        app.focus_pane(pane);
                    }
                }
            }
        }
        _ => {}
    }
    Mode::Browse
}
