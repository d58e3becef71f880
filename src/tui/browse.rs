//! The Browse mode: the linked panes. Moving between and within them,
//! Enter, the jumps through the article and between question and answers,
//! going back, copying, and the mouse.

use super::annotate::{self, SpanMove};
use super::app::{App, Effect, QUOTE_ROWS};
use super::help::Help;
use super::intent::Intent;
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

pub fn update(app: &App, action: Action) -> (Mode, Vec<Intent>) {
    let intents = match action {
        Action::Quit => vec![Intent::Effect(Effect::Quit)],
        Action::Suspend => vec![Intent::Effect(Effect::Suspend)],
        Action::Reload => vec![Intent::Effect(Effect::Reload)],
        Action::Help => return (Help::open(Mode::Browse), Vec::new()),
        Action::Search => return (search::open(app), Vec::new()),
        Action::Matrix => return (matrix::open(app), Vec::new()),
        Action::Timeline => return timeline::open(app),
        Action::Read => match Reading::open(app) {
            Some(mode) => return (mode, Vec::new()),
            None => notice("no quote to read"),
        },
        Action::NextPane | Action::PrevPane => {
            vec![Intent::Focus(cycle_focus(app, action == Action::NextPane))]
        }
        Action::LeftColumn if !app.focus.is_left() => vec![Intent::Focus(app.last_left)],
        Action::RightColumn if app.focus.is_left() => vec![Intent::Focus(app.last_right)],
        Action::Down => vec![Intent::Move(app.focus, 1)],
        Action::Up => vec![Intent::Move(app.focus, -1)],
        Action::First => vec![Intent::Move(app.focus, isize::MIN / 2)],
        Action::Last => vec![Intent::Move(app.focus, isize::MAX / 2)],
        Action::HalfPageDown => vec![Intent::Move(app.focus, app.page(2))],
        Action::HalfPageUp => vec![Intent::Move(app.focus, -app.page(2))],
        Action::PageDown => vec![Intent::Move(app.focus, app.page(1))],
        Action::PageUp => vec![Intent::Move(app.focus, -app.page(1))],
        Action::Enter => enter(app),
        Action::NextHit => step_hit(app, 1),
        Action::PrevHit => step_hit(app, -1),
        Action::Back => vec![Intent::Back],
        Action::Escape => escape(app),
        Action::NextSpan => annotate::step(app, true).unwrap_or_else(|| jump_span(app, true)),
        Action::PrevSpan => annotate::step(app, false).unwrap_or_else(|| jump_span(app, false)),
        Action::Accept => return annotate::accept(app),
        Action::Reject => return annotate::reject(app),
        Action::Stances => return annotate::stances(app),
        Action::CycleKind => return annotate::cycle_kind(app),
        Action::ChangeSpeaker => return annotate::change_speaker(app),
        Action::Delete => return annotate::delete(app),
        Action::StartLeft => return annotate::move_span(app, SpanMove::StartLeft),
        Action::StartRight => return annotate::move_span(app, SpanMove::StartRight),
        Action::EndLeft => return annotate::move_span(app, SpanMove::EndLeft),
        Action::EndRight => return annotate::move_span(app, SpanMove::EndRight),
        Action::Undo => vec![Intent::Undo],
        Action::Retry => vec![Intent::Retry],
        Action::Exchange => exchange(app),
        Action::Relayed => toggle_relayed(app),
        Action::Uncovered => vec![Intent::ToggleUncovered],
        Action::Copy => copy(app),
        Action::Edit => super::intent::edit(app, app.selected_quote()),
        _ => Vec::new(),
    };
    (Mode::Browse, intents)
}

fn notice(text: impl Into<String>) -> Vec<Intent> {
    vec![Intent::Notice(text.into())]
}

/// Tab and Shift-Tab: the next or previous pane that is on screen in this
/// corpus (Articles only when there are several articles).
fn cycle_focus(app: &App, forward: bool) -> Pane {
    let order: Vec<Pane> =
        Pane::ORDER.into_iter().filter(|&p| p != Pane::Articles || app.is_corpus()).collect();
    let i = order.iter().position(|&p| p == app.focus).unwrap_or(0);
    let step = if forward { 1 } else { order.len() - 1 };
    order[(i + step) % order.len()]
}

/// Enter: from a filter list to its quotes, from a quote to the article,
/// in the article to the quote under the cursor. Each is a jump.
fn enter(app: &App) -> Vec<Intent> {
    match app.focus {
        Pane::Articles | Pane::Speakers | Pane::Issues | Pane::Details => {
            vec![Intent::Remember, Intent::Focus(Pane::Quotes)]
        }
        Pane::Quotes => vec![Intent::Remember, Intent::Focus(Pane::Article)],
        Pane::Article => select_under_cursor(app),
    }
}

/// Esc: goes back, else clears the search, else the filters.
fn escape(app: &App) -> Vec<Intent> {
    if !app.history.is_empty() {
        vec![Intent::Back]
    } else if app.search.is_active() {
        vec![Intent::ClearSearch, Intent::Notice("search cleared".into())]
    } else if app.filters == Filters::default() {
        notice("no filters to clear")
    } else {
        vec![
            Intent::Filter { filters: Filters::default(), clear_search: false },
            Intent::Notice("filters cleared".into()),
        ]
    }
}

/// `n` / `N`: the next or previous hit, wrapping around.
fn step_hit(app: &App, delta: isize) -> Vec<Intent> {
    if !app.search.is_active() {
        return notice("no search · / starts one");
    }
    let len = app.list.quotes.len();
    if len == 0 {
        return notice("no hits");
    }
    let next = app.quotes.selected as isize + delta;
    let mut intents = vec![Intent::SelectQuoteRow(next.rem_euclid(len as isize) as usize)];
    if next < 0 || next >= len as isize {
        intents.push(Intent::Notice(
            if delta > 0 { "search wrapped to the first hit" } else { "search wrapped to the last hit" }
                .into(),
        ));
    }
    intents
}

/// The quotes of the filter whose spans touch the cursor row, in reading order.
fn quotes_on_cursor_row(app: &App) -> Vec<QuoteIx> {
    let Some(row) = app.article.layout.rows.get(app.article.scroll.selected) else { return Vec::new() };
    app.quotes_touching(row).collect()
}

/// Selects the quote under the cursor; pressed again, the next one there.
fn select_under_cursor(app: &App) -> Vec<Intent> {
    let on_row = quotes_on_cursor_row(app);
    if on_row.is_empty() {
        return notice("no quote of the list on this line");
    }
    let next = match app.selected_quote().and_then(|s| on_row.iter().position(|&q| q == s)) {
        Some(i) => on_row[(i + 1) % on_row.len()],
        None => on_row[0],
    };
    let mut intents = vec![Intent::JumpTo(next), Intent::ArticleCursor(app.article.scroll.selected)];
    if on_row.len() > 1 {
        intents.push(Intent::Notice(format!("{} quotes on this line · Enter for the next", on_row.len())));
    }
    intents
}

/// `]` and `[`: the next or previous quote of the list in the article, in
/// article order whatever the list's order, counting from the selected
/// quote when it starts on the cursor row, else from the row.
fn jump_span(app: &App, forward: bool) -> Vec<Intent> {
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
        Some((_, q)) => vec![Intent::JumpTo(q), Intent::Focus(Pane::Article)],
        None if forward => notice("no quote of the list further down this article"),
        None => notice("no quote of the list further up this article"),
    }
}

/// `a`: through the exchange the selected quote is part of — the
/// question, each answer and the answers to a reply that asks back — and
/// from the last back to the question.
fn exchange(app: &App) -> Vec<Intent> {
    let Some(q) = app.selected_quote() else { return Vec::new() };
    match next_in_exchange(&app.corpus, q) {
        Err(why) => notice(why),
        Ok((next, said)) => {
            let mut intents = vec![Intent::JumpTo(next)];
            // A jump that sets filters aside says so instead.
            if app.list.passes[next] {
                intents.push(Intent::Notice(said));
            }
            intents
        }
    }
}

/// The quote after `q` in its exchange, and what to say of it; or why
/// there is none.
pub fn next_in_exchange(c: &crate::model::Corpus, q: QuoteIx) -> Result<(QuoteIx, String), &'static str> {
    let exchange = c.exchange(q);
    if exchange.len() < 2 {
        return Err(if c.quotes[q].kind == Kind::Question {
            "this question has no answer"
        } else {
            "not part of an exchange"
        });
    }
    let at = exchange.iter().position(|&x| x == q).unwrap_or(0);
    let n = (at + 1) % exchange.len();
    let said = match n {
        0 => "back at the question".to_string(),
        n => format!("reply {n} of {} in this exchange · a goes on", exchange.len() - 1),
    };
    Ok((exchange[n], said))
}

/// `v`: a speaker's relayed quotes, or back to those it said.
fn toggle_relayed(app: &App) -> Vec<Intent> {
    let Some(speaker) = app.filters.speaker else {
        return notice("select a speaker first: v shows what it relayed");
    };
    let filters = Filters { relayed: !app.filters.relayed, ..app.filters };
    let name = app.corpus.speaker_name(speaker);
    let said = if filters.relayed {
        format!("what {name} relayed · v for what {name} said")
    } else {
        format!("what {name} said · v for what {name} relayed")
    };
    vec![Intent::Filter { filters, clear_search: false }, Intent::Notice(said)]
}

/// `y`: the selected quote and its citation, for the clipboard.
fn copy(app: &App) -> Vec<Intent> {
    match app.selected_quote() {
        None => notice("no quote to copy"),
        Some(q) => vec![
            Intent::Notice(COPIED.into()),
            Intent::Effect(Effect::Copy(describe::citation(&app.corpus, q))),
        ],
    }
}

/// A click selects and focuses (a double click on a quote reads it); the
/// wheel scrolls the pane under the pointer.
pub fn mouse(app: &App, mouse: MouseEvent) -> (Mode, Vec<Intent>) {
    let none = || (Mode::Browse, Vec::new());
    let Some(panes) = app.panes() else { return none() };
    let Some(pane) = panes.at(mouse.column, mouse.row) else { return none() };
    let rect = panes.get(pane).expect("pane under the pointer");
    let intents = match mouse.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let delta = if mouse.kind == MouseEventKind::ScrollDown { 1 } else { -1 };
            if pane == Pane::Article {
                vec![Intent::ScrollArticle(3 * delta)]
            } else {
                vec![Intent::Move(pane, delta)]
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            let Some(row) = mouse.row.checked_sub(rect.y + 1) else { return none() };
            if row as usize >= app.inner_rows(pane) {
                return none();
            }
            let row = row as usize;
            match pane {
                Pane::Article => {
                    vec![Intent::Focus(pane), Intent::ArticleCursor(app.article.scroll.offset + row)]
                }
                Pane::Quotes => {
                    let target = app.quotes.offset + row / QUOTE_ROWS;
                    let again = app.focus == Pane::Quotes && target == app.quotes.selected;
                    if again && let Some(mode) = Reading::open(app) {
                        return (mode, vec![Intent::Focus(pane)]);
                    }
                    let mut intents = vec![Intent::Focus(pane)];
                    if target < app.list.quotes.len() {
                        intents.push(Intent::Move(pane, target as isize - app.quotes.selected as isize));
                    }
                    intents
                }
                Pane::Details => vec![Intent::Focus(pane)],
                _ => {
                    let list = match pane {
                        Pane::Articles => app.articles,
                        Pane::Speakers => app.speakers,
                        _ => app.issues,
                    };
                    let target = list.offset + row;
                    if target < app.list_len(pane) && target != list.selected {
                        // A click that changes the filters is a jump.
                        vec![
                            Intent::Remember,
                            Intent::Focus(pane),
                            Intent::Move(pane, target as isize - list.selected as isize),
                        ]
                    } else {
                        vec![Intent::Focus(pane)]
                    }
                }
            }
        }
        _ => Vec::new(),
    };
    (Mode::Browse, intents)
}
