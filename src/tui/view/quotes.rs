//! The Quotes pane: the filtered quotes, two rows each — the words (from
//! their start, or with a third of the row before a search match), then
//! who said them, on what, with which stance; a narrow row drops the least
//! important facts first and the stance last.

use super::{marked_line, pane_block, title};
use crate::describe;
use crate::text;
use crate::tui::app::{App, QUOTE_ROWS};
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let c = &app.corpus;
    let f = &app.filters;
    let speaker = f
        .speaker
        .map(|s| {
            let id = &c.speakers[s].id;
            if f.relayed { format!("relayed by @{id}") } else { format!("@{id}") }
        })
        .unwrap_or_default();
    let issue = f.issue.map(|i| format!("#{}", c.issues[i].id)).unwrap_or_default();
    let article = f.article.map(|a| format!("in:{}", c.articles[a].id)).unwrap_or_default();
    // The other panes count statements: said here too when it differs.
    let mut count = format!("{} of {}", app.list.quotes.len(), c.quotes.len());
    if app.list.statements != app.list.quotes.len() {
        count.push_str(&format!(" · {}", crate::matrix::statements(app.list.statements)));
    }
    let search = if app.search.is_active() { format!("/{}", app.search.query) } else { String::new() };
    let block = pane_block(
        app,
        Some(Pane::Quotes),
        title(&["Quotes", &speaker, &issue, &article, &search, &count], area.width),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    if app.list.quotes.is_empty() {
        let hint = match f.speaker {
            Some(s) if !f.relayed && app.list.relayed_counts[s] > 0 => {
                format!(
                    "  no quotes by {} here · it relayed {} · v shows them",
                    c.speaker_name(s),
                    app.list.relayed_counts[s]
                )
            }
            _ => "  no quotes match · Esc goes back or clears the filters".to_string(),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text::one_line(&hint).into_owned(), app.theme.dim())),
            inner,
        );
        return;
    }
    let focused = app.focus == Pane::Quotes && !app.mode.covers_panes();
    let visible = (inner.height as usize).div_ceil(QUOTE_ROWS);
    let mut lines = Vec::with_capacity(visible * QUOTE_ROWS);
    for (i, &q) in app.list.quotes.iter().enumerate().skip(app.quotes.offset).take(visible) {
        let quote = &c.quotes[q];
        let selected = i == app.quotes.selected;
        let marker = if selected { "▶ " } else { "  " };
        // The words as they stand in the article (the same as the quote's,
        // white space aside), so that search matches can be marked.
        let words = &c.article_of(q).text;
        let pieces: Vec<(&str, usize)> = quote.parts.iter().map(|p| (&words[p.clone()], p.start)).collect();
        let marks = app.search.highlights(c, q);
        let mut spans = vec![Span::raw(marker)];
        spans.extend(marked_line(&pieces, &marks, width.saturating_sub(2), app.theme.search_match()));
        let style = if selected { app.theme.selected(focused) } else { Style::new() };
        lines.push(Line::from(spans).style(style));

        let (who, facts) = byline(app, q, width.saturating_sub(4));
        lines.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(who, app.theme.speaker(quote.speaker)),
            Span::styled(facts, app.theme.dim()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The second row of a quote in `room` cells: the speaker, then as many
/// facts as fit. The lightest facts are left out first; then the speaker's
/// name is shortened to keep the essential ones (the first stance and the
/// kind); then the kind goes, and the first stance last of all.
fn byline(app: &App, q: crate::model::QuoteIx, room: usize) -> (String, String) {
    const ESSENTIAL: u8 = 4;
    /// The least of a name a shortened byline keeps.
    const NAME: usize = 6;
    let c = &app.corpus;
    let who = text::one_line(c.speaker_name(c.quotes[q].speaker)).into_owned();
    let mut facts: Vec<(String, u8)> =
        describe::row_facts(c, q).into_iter().map(|(f, w)| (text::one_line(&f).into_owned(), w)).collect();
    // Over several articles, each row says its article: the date, or the id.
    if app.is_corpus() && app.filters.article.is_none() {
        let article = c.article_of(q);
        facts.push((text::one_line(article.date.as_deref().unwrap_or(&article.id)).into_owned(), 2));
    }
    let joined = |facts: &[(String, u8)]| facts.iter().map(|(f, _)| format!(" · {f}")).collect::<String>();
    // The last of the lightest, among the facts that may go.
    let lightest = |facts: &[(String, u8)], below: u8| {
        (0..facts.len()).rev().filter(|&i| facts[i].1 < below).min_by_key(|&i| facts[i].1)
    };
    while text::width(&who) + text::width(&joined(&facts)) > room
        && let Some(i) = lightest(&facts, ESSENTIAL)
    {
        facts.remove(i);
    }
    let shortest = text::width(&who).min(NAME);
    while shortest + text::width(&joined(&facts)) > room
        && facts.len() > 1
        && let Some(i) = lightest(&facts, u8::MAX)
    {
        facts.remove(i);
    }
    let rest = joined(&facts);
    let who_room = room.saturating_sub(text::width(&rest)).max(room.min(NAME));
    let who = text::truncate(&who, who_room).into_owned();
    let rest = text::truncate(&rest, room.saturating_sub(text::width(&who))).into_owned();
    (who, rest)
}
