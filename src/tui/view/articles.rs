//! The Articles pane, shown for a corpus: every article in date order —
//! date, title, source — with its statements under the other filters.

use super::list::{self, List, Row};
use super::title;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let c = &app.corpus;
    let filters = [
        app.filters.speaker.map(|s| format!("@{}", c.speakers[s].id)).unwrap_or_default(),
        app.filters.issue.map(|i| format!("#{}", c.issues[i].id)).unwrap_or_default(),
    ];
    let heading = title(&["Articles", &filters[0], &filters[1]], area.width);
    let row = |i: usize| {
        let (label, count) = match app.rows.articles[i] {
            None => ("All articles".to_string(), app.list.article_total),
            Some(a) => {
                let article = &c.articles[a];
                let parts: Vec<&str> =
                    [article.date.as_deref(), Some(article.title.as_str()), article.source.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                (parts.join(" · "), app.list.article_counts[a])
            }
        };
        Row { label, count: count.to_string(), empty: count == 0, style: Style::new() }
    };
    let list = List { pane: Pane::Articles, heading, state: app.articles, len: app.rows.articles.len() };
    list::draw(frame, area, app, list, row);
}
