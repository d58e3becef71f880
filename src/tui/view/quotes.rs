//! The Quotes pane: the filtered quotes, two rows each — the words, then
//! who said them, on what, with which stance.

use super::{marked_line, pane_block, title};
use crate::text;
use crate::tui::app::{App, QUOTE_ROWS};
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let a = &app.corpus;
    let speaker = app.filters.speaker.map(|s| format!("@{}", a.speakers[s].id)).unwrap_or_default();
    let issue = app.filters.issue.map(|i| format!("#{}", a.issues[i].id)).unwrap_or_default();
    let count = format!("{} of {}", app.list.quotes.len(), a.quotes.len());
    let search = if app.search.is_active() { format!("/{}", app.search.query) } else { String::new() };
    let block = pane_block(
        app,
        Some(Pane::Quotes),
        title(&["Quotes", &speaker, &issue, &search, &count], area.width),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    if app.list.quotes.is_empty() {
        let line = Line::styled("  no quotes match · Esc clears the filters", app.theme.dim());
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }
    let focused = app.focus == Pane::Quotes && !app.mode.is_overlay();
    let visible = (inner.height as usize).div_ceil(QUOTE_ROWS);
    let mut lines = Vec::with_capacity(visible * QUOTE_ROWS);
    for (i, &q) in app.list.quotes.iter().enumerate().skip(app.quotes.offset).take(visible) {
        let quote = &a.quotes[q];
        let selected = i == app.quotes.selected;
        let marker = if selected { "▶ " } else { "  " };
        // The words as they stand in the article (the same as the quote's,
        // white space aside), so that search matches can be marked.
        let words = &a.article_of(q).text[quote.span.clone()];
        let marks = app.search.highlights(a, q);
        let mut spans = vec![Span::raw(marker)];
        spans.extend(marked_line(
            words,
            quote.span.start,
            &marks,
            width.saturating_sub(2),
            app.theme.search_match(),
        ));
        let style = if selected { app.theme.selected(focused) } else { Style::new() };
        lines.push(Line::from(spans).style(style));

        let (who, rest) = crate::describe::byline(a, q);
        let who = text::truncate(&text::one_line(&who), width.saturating_sub(4)).into_owned();
        let room = width.saturating_sub(4 + text::width(&who));
        let rest = if rest.is_empty() { String::new() } else { format!(" · {rest}") };
        let rest = text::truncate(&text::one_line(&rest), room).into_owned();
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(who, app.theme.speaker(quote.speaker)),
            Span::styled(rest, app.theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
