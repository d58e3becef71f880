//! The reading view (`z`): one quote full screen — its words whole, every
//! fact Details knows, and the paragraph of the article around it with the
//! quote marked — scrolled like a list; `Esc` returns.

use super::app::{App, Effect};
use super::article_layout::ArticleLayout;
use super::details::{self, Row};
use super::help::Help;
use super::intent::Intent;
use super::keymap::Action;
use super::mode::Mode;
use crate::describe;
use crate::model::{Corpus, QuoteIx};
use ratatui::layout::Rect;
use std::ops::Range;

#[derive(Debug)]
pub struct Reading {
    pub quote: QuoteIx,
    /// The first row shown.
    pub scroll: usize,
    /// Rows at the last size the view was kept visible at.
    rows: usize,
}

/// A row of the reading view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Detail(Row),
    Blank,
    Heading(String),
    /// A row of the article's text: a byte range of it.
    Text(Range<usize>),
}

/// Most of the article shown around a quote, in bytes each side, for
/// articles whose paragraphs are very long.
const AROUND: usize = 3_000;

impl Reading {
    pub fn open(app: &App) -> Option<Mode> {
        let quote = app.selected_quote()?;
        let rows = lines(&app.corpus, quote, text_width(app.area)).len();
        Some(Mode::Reading(Reading { quote, scroll: 0, rows }))
    }

    /// Keeps the scroll within the rows at a screen size.
    pub fn keep_visible(&mut self, area: Rect) {
        let height = page_height(area);
        self.scroll = self.scroll.min(self.rows.saturating_sub(height));
    }

    /// After a reload: the same quote, by its id; false when it is gone.
    pub fn remap(&mut self, remap: &crate::model::Remap) -> bool {
        match remap.quote(self.quote) {
            Some(q) => {
                self.quote = q;
                true
            }
            None => false,
        }
    }
}

/// Rows of text that fit between the border and the status line.
fn page_height(area: Rect) -> usize {
    area.height.saturating_sub(3) as usize
}

/// The width of the text inside the view's border.
pub fn text_width(area: Rect) -> usize {
    area.width.saturating_sub(4).max(1) as usize
}

/// Everything the view shows for a quote at a width.
pub fn lines(c: &Corpus, q: QuoteIx, width: usize) -> Vec<Line> {
    let mut out: Vec<Line> =
        details::rows(&details::quote(c, q), width).into_iter().map(Line::Detail).collect();
    out.push(Line::Blank);
    let article = c.article_of(q);
    out.push(Line::Heading(format!("In the article, from line {}:", article.line_of(paragraph(c, q).start))));
    let around = paragraph(c, q);
    let text = &article.text;
    let layout = ArticleLayout::new(&text[around.clone()], width, true);
    out.extend(layout.rows.into_iter().map(|r| Line::Text(around.start + r.start..around.start + r.end)));
    out
}

/// The paragraph (or paragraphs) of the article that hold the quote: from
/// the blank line before its start to the blank line after its end, at most
/// [`AROUND`] bytes each side.
pub fn paragraph(c: &Corpus, q: QuoteIx) -> Range<usize> {
    let text = &c.article_of(q).text;
    let span = &c.quotes[q].span;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lower = floor(span.start.saturating_sub(AROUND));
    let upper = floor((span.end + AROUND).min(text.len()));
    let start = match text[lower..span.start].rfind("\n\n") {
        Some(i) => lower + i + 2,
        None if lower == 0 => 0,
        // Far into a long paragraph: start at a word.
        None => text[lower..span.start].find(' ').map_or(lower, |i| lower + i + 1),
    };
    let end = text[span.end..upper].find("\n\n").map_or(upper, |i| span.end + i);
    start..end
}

pub fn update(app: &App, mut reading: Reading, action: Action) -> (Mode, Vec<Intent>) {
    let width = text_width(app.area);
    reading.rows = lines(&app.corpus, reading.quote, width).len();
    let page = page_height(app.area).max(1);
    let last = reading.rows.saturating_sub(page);
    let step = |delta: isize, scroll: usize| {
        (scroll as isize).saturating_add(delta).clamp(0, last as isize) as usize
    };
    match action {
        Action::Quit => return (Mode::Reading(reading), vec![Intent::Effect(Effect::Quit)]),
        Action::Escape => return (Mode::Browse, Vec::new()),
        Action::Help => return (Help::open(Mode::Reading(reading)), Vec::new()),
        Action::Down => reading.scroll = step(1, reading.scroll),
        Action::Up => reading.scroll = step(-1, reading.scroll),
        Action::First => reading.scroll = 0,
        Action::Last => reading.scroll = last,
        Action::HalfPageDown => reading.scroll = step(page as isize / 2, reading.scroll),
        Action::HalfPageUp => reading.scroll = step(-(page as isize) / 2, reading.scroll),
        Action::PageDown => reading.scroll = step(page as isize, reading.scroll),
        Action::PageUp => reading.scroll = step(-(page as isize), reading.scroll),
        Action::Edit => {
            let intents = super::intent::edit(app, Some(reading.quote));
            return (Mode::Reading(reading), intents);
        }
        Action::Exchange => match super::browse::next_in_exchange(&app.corpus, reading.quote) {
            Err(why) => return (Mode::Reading(reading), vec![Intent::Notice(why.into())]),
            Ok((next, said)) => {
                reading.quote = next;
                reading.scroll = 0;
                reading.rows = lines(&app.corpus, next, width).len();
                return (Mode::Reading(reading), vec![Intent::JumpTo(next), Intent::Notice(said)]);
            }
        },
        Action::Copy => {
            let citation = describe::citation(&app.corpus, reading.quote);
            let intents =
                vec![Intent::Notice(super::browse::COPIED.into()), Intent::Effect(Effect::Copy(citation))];
            return (Mode::Reading(reading), intents);
        }
        _ => {}
    }
    (Mode::Reading(reading), Vec::new())
}
