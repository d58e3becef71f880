//! The timeline: one speaker's stances over time, issue titles down the
//! left and article dates across the top staying in place while the grid
//! scrolls; each cell the article's combined stance glyph and its count.

use crate::describe;
use crate::matrix::{LEGEND, cell_text};
use crate::text;
use crate::tui::app::App;
use crate::tui::timeline::{COLUMN, HEADER, TITLES, TimelineView};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, t: &TimelineView) {
    let c = &app.corpus;
    let area = Rect { height: app.area.height.saturating_sub(1), ..app.area };
    let heading = format!(" Stances over time · {} ", c.speaker_name(t.speaker));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(!matches!(app.mode, crate::tui::mode::Mode::Help(_))))
        .title(text::truncate(&text::one_line(&heading), area.width.saturating_sub(2) as usize).into_owned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(grid) = &t.grid else {
        let building = format!("building the timeline of {}…", c.speaker_name(t.speaker));
        let line = Line::styled(
            text::truncate(&text::one_line(&building), inner.width as usize).into_owned(),
            app.theme.dim(),
        );
        frame.render_widget(Paragraph::new(line), inner);
        return;
    };
    let titles = TITLES.min(inner.width / 2) as usize;
    let columns = ((inner.width as usize).saturating_sub(titles) / COLUMN as usize).max(1);
    let rows = (inner.height.saturating_sub(HEADER + 1) as usize).max(1);
    let shown_cols = t.cols.offset..(t.cols.offset + columns).min(grid.articles.len());
    let pad = |s: &str, w: usize| {
        let cut = text::truncate(s, w);
        format!("{cut}{}", " ".repeat(w.saturating_sub(text::width(&cut))))
    };
    let mut header = [vec![Span::raw(" ".repeat(titles))], vec![Span::raw(" ".repeat(titles))]];
    for col in shown_cols.clone() {
        let article = &c.articles[grid.articles[col]];
        let style = if col == t.cols.selected {
            app.theme.title().add_modifier(Modifier::UNDERLINED)
        } else {
            app.theme.dim()
        };
        let date = article.date.clone().unwrap_or_else(|| article.id.clone());
        header[0].push(Span::styled(pad(&text::one_line(&date), COLUMN as usize - 1) + " ", style));
        header[1].push(Span::styled(pad(&text::one_line(&article.title), COLUMN as usize - 1) + " ", style));
    }
    let mut lines: Vec<Line> = header.into_iter().map(Line::from).collect();
    for r in t.rows.offset..(t.rows.offset + rows).min(grid.issues.len()) {
        let issue = grid.issues[r];
        let label = format!("{}{}", describe::tree_prefix(c.issues[issue].depth), c.issues[issue].title);
        let name_style = if r == t.rows.selected { app.theme.title() } else { ratatui::style::Style::new() };
        let mut spans =
            vec![Span::styled(pad(&text::one_line(&label), titles.saturating_sub(1)) + " ", name_style)];
        for col in shown_cols.clone() {
            let cell = &grid.cells[r][col];
            let mut style = app.theme.stance(cell.stance, cell.quotes.is_empty());
            if r == t.rows.selected && col == t.cols.selected {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            // A change of position arriving here is marked.
            let mark = if t.change_at(r, col).is_some() { "↻" } else { "" };
            spans.push(Span::styled(pad(&format!("{mark}{}", cell_text(cell)), COLUMN as usize - 1), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), Rect { height: inner.height.saturating_sub(1), ..inner });
    let more: Vec<&str> = [
        (t.cols.offset > 0, "← earlier"),
        (shown_cols.end < grid.articles.len(), "later →"),
        (t.rows.offset + rows < grid.issues.len(), "↓ more"),
    ]
    .into_iter()
    .filter_map(|(show, label)| show.then_some(label))
    .collect();
    let legend = format!("↻ changed position · {LEGEND}");
    let legend = if more.is_empty() { legend } else { format!("{} · {legend}", more.join(" ")) };
    if inner.height > HEADER {
        let legend_area = Rect { y: inner.bottom().saturating_sub(1), height: 1, ..inner };
        let legend = text::truncate(&legend, inner.width as usize).into_owned();
        frame.render_widget(Paragraph::new(Line::styled(legend, app.theme.dim())), legend_area);
    }
}

/// The status line's description of the cell under the cursor.
pub fn describe_cursor(app: &App, t: &TimelineView) -> String {
    let c = &app.corpus;
    let Some(grid) = &t.grid else { return "building the timeline… · Esc goes back".into() };
    let Some(&issue) = grid.issues.get(t.rows.selected) else { return String::new() };
    let Some(&article) = grid.articles.get(t.cols.selected) else { return String::new() };
    let cell = &grid.cells[t.rows.selected][t.cols.selected];
    let when = c.articles[article].date.clone().unwrap_or_else(|| c.articles[article].title.clone());
    let who = c.speaker_name(t.speaker);
    match cell.quotes.len() {
        0 => format!("{when} · {who} says nothing on {}", c.issues[issue].title),
        _ => {
            let mut said = format!(
                "{when} · {who} {} · {}",
                describe::stance_sentence(c, cell.stance, issue),
                describe::stance_counts(c, &cell.quotes, issue)
            );
            if let Some(ch) = t.change_at(t.rows.selected, t.cols.selected) {
                let since = c.articles[ch.from.article].date.as_deref().unwrap_or("before");
                said.push_str(&format!(
                    " · ↻ changed: on {since} {}",
                    describe::stance_on(c, ch.from.stance, issue)
                ));
            }
            said
        }
    }
}
