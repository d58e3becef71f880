//! The Article pane: the wrapped article, the selected quote highlighted
//! across its rows, the other quotes of the filter marked lightly in their
//! speakers' colours, what no quote covers yet (after `u`), and the cursor
//! row when the pane has focus.

use super::{pane_block, title};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let layout = &app.article.layout;
    let rows = layout.rows.len();
    let position = percent(app.article.scroll.offset, area.height.saturating_sub(2) as usize, rows);
    // The article's title gives way first when the pane is narrow.
    let room = (area.width as usize).saturating_sub(text::width(&position) + 17);
    let name = text::truncate(&text::one_line(&app.shown_article().title), room).into_owned();
    let block = pane_block(app, Some(Pane::Article), title(&["Article", &name, &position], area.width));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let visible = &layout.rows
        [app.article.scroll.offset.min(rows)..(app.article.scroll.offset + inner.height as usize).min(rows)];
    let Some(shown) = visible.first().map(|r| r.start..visible.last().map_or(r.end, |l| l.end)) else {
        return;
    };
    let marks = marks_in(app, &shown);
    let focused = app.focus == Pane::Article && !app.mode.covers_panes();
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut line = styled_row(&app.shown_article().text, row.clone(), &marks);
            if focused && app.article.scroll.offset + i == app.article.scroll.selected {
                line = line.style(app.theme.cursor_row());
                if line.spans.is_empty() {
                    line.spans.push(Span::raw(" "));
                }
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How far down the pane is: `Top`, `All`, `Bot` or a percentage of the
/// rows above the last screenful, as pagers say it.
pub fn percent(top: usize, height: usize, rows: usize) -> String {
    let last = rows.saturating_sub(height);
    match (top, last) {
        (_, 0) => "All".to_string(),
        (0, _) => "Top".to_string(),
        (t, l) if t >= l => "Bot".to_string(),
        (t, l) => format!("{}%", t * 100 / l),
    }
}

/// A span of text to style, and how strongly (later marks win).
pub struct Mark {
    pub span: Range<usize>,
    pub style: Style,
}

/// A quote's marks: one per part, so that a reporting clause between the
/// parts stays unmarked.
pub fn quote_marks(app: &App, q: crate::model::QuoteIx, style: Style) -> impl Iterator<Item = Mark> + '_ {
    app.corpus.quotes[q].parts.iter().map(move |p| Mark { span: p.clone(), style })
}

/// The marks that touch the shown text: the filter's quotes (lightly, in
/// article order so inner spans win), then the selected quote.
fn marks_in(app: &App, shown: &Range<usize>) -> Vec<Mark> {
    let a = &app.corpus;
    let candidate = app.selected_candidate();
    // On a candidate, the quote selected before is not what the reader looks at.
    let selected = app.selected_quote().filter(|_| candidate.is_none());
    let parts = app.article.uncovered.iter().flatten().flat_map(|c| c.parts.iter());
    let mut marks: Vec<Mark> = parts
        .filter(|s| s.start < shown.end && s.end > shown.start)
        .map(|s| Mark { span: s.clone(), style: app.theme.uncovered() })
        .collect();
    marks.extend(
        app.quotes_touching(shown)
            .filter(|&q| Some(q) != selected)
            .flat_map(|q| quote_marks(app, q, app.theme.quote_mark(a.quotes[q].speaker))),
    );
    if let Some(q) = selected.filter(|&q| a.quotes[q].article == app.article.shown) {
        marks.extend(quote_marks(app, q, app.theme.quote_selected(a.quotes[q].speaker)));
    }
    if let Some((_, c)) = candidate {
        marks.extend(c.parts.iter().map(|p| Mark { span: p.clone(), style: app.theme.candidate_selected() }));
    }
    if app.search.is_active() {
        for q in app.quotes_touching(shown) {
            let found = app.search.highlights(a, q).into_iter();
            marks.extend(found.map(|span| Mark { span, style: app.theme.search_match() }));
        }
    }
    marks
}

/// One row of text, split where its style changes.
pub fn styled_row(text: &str, row: Range<usize>, marks: &[Mark]) -> Line<'static> {
    let mut cuts: Vec<usize> = vec![row.start, row.end];
    for m in marks {
        for at in [m.span.start, m.span.end] {
            if at > row.start && at < row.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .map(|w| {
            let piece = &text[w[0]..w[1]];
            let style = marks
                .iter()
                .filter(|m| m.span.start <= w[0] && m.span.end >= w[1] && m.span.start < m.span.end)
                .fold(Style::new(), |s, m| s.patch(m.style));
            Span::styled(shown(piece), style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// Article text as drawn: white space as spaces, controls as placeholders.
fn shown(piece: &str) -> String {
    piece
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else if text::is_unsafe(c) {
                text::placeholder(c)
            } else {
                c
            }
        })
        .collect()
}
