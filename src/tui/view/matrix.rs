//! The stance matrix: speaker names down the left and issue titles across
//! the top stay in place while the grid scrolls; each cell shows a stance
//! glyph (coloured, unless NO_COLOR) and its number of quotes.

use crate::matrix::{self as grid, Cell};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::MATRIX_HEADER;
use crate::tui::matrix::MatrixView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, m: &MatrixView) {
    let a = &app.corpus;
    let geometry = app.matrix_grid();
    let area = Rect { height: app.area.height.saturating_sub(1), ..app.area };
    let folded = if m.grid.folded { " · sub-issues folded" } else { "" };
    let heading = format!(" Stance matrix · {}{folded} ", text::one_line(a.heading()));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(!matches!(app.mode, crate::tui::mode::Mode::Help(_))))
        .title(text::truncate(&heading, area.width.saturating_sub(2) as usize).into_owned());
    frame.render_widget(block, area);
    let inner = geometry.inner;
    let columns = m.column_count();
    let shown = geometry.columns_from(m.cols.offset, columns);
    let name_width = geometry.name_width as usize;

    // The header: issue titles on two lines, the cursor's column marked.
    let mut header = [vec![Span::raw(" ".repeat(name_width))], vec![Span::raw(" ".repeat(name_width))]];
    for c in m.cols.offset..m.cols.offset + shown {
        let width = geometry.column_width(c, columns) as usize;
        let title = match m.grid.columns.get(c) {
            Some(&i) => crate::describe::issue_label_compact(a, i),
            None => "Total".to_string(),
        };
        let [first, second] = two_lines(&text::one_line(&title), width - 1);
        let style = if c == m.cols.selected {
            app.theme.title().add_modifier(Modifier::UNDERLINED)
        } else {
            app.theme.dim()
        };
        for (line, words) in header.iter_mut().zip([first, second]) {
            line.push(Span::styled(pad(&words, width), style));
        }
    }
    let mut lines: Vec<Line> = header.into_iter().map(Line::from).collect();

    // The rows, the cursor's row and cell marked.
    for r in m.rows.offset..(m.rows.offset + geometry.rows).min(m.row_count()) {
        let (name, row_style) = match m.grid.rows.get(r) {
            Some(&s) => (a.speakers[s].name.clone(), app.theme.speaker(s)),
            None => ("Total".to_string(), app.theme.title()),
        };
        let name_style = if r == m.rows.selected {
            row_style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            row_style
        };
        let mut spans = vec![
            Span::styled(pad(&text::one_line(&name), name_width.saturating_sub(1)), name_style),
            Span::raw(" "),
        ];
        for c in m.cols.offset..m.cols.offset + shown {
            let width = geometry.column_width(c, columns) as usize;
            let (words, mut style) = cell(app, m, r, c);
            if r == m.rows.selected && c == m.cols.selected {
                style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
            }
            spans.push(Span::styled(pad(&words, width - 1), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), Rect { height: inner.height.saturating_sub(1), ..inner });

    // Where the grid goes on, and the legend.
    let more: Vec<&str> = [
        (m.cols.offset > 0, "← more"),
        (m.cols.offset + shown < columns, "more →"),
        (m.rows.offset > 0, "↑ more"),
        (m.rows.offset + geometry.rows < m.row_count(), "↓ more"),
    ]
    .into_iter()
    .filter_map(|(show, label)| show.then_some(label))
    .collect();
    let legend = if more.is_empty() {
        grid::LEGEND.to_string()
    } else {
        format!("{} · {}", more.join(" "), grid::LEGEND)
    };
    let legend_area = Rect { y: inner.bottom().saturating_sub(1), height: 1.min(inner.height), ..inner };
    if inner.height > MATRIX_HEADER {
        let legend = text::truncate(&legend, inner.width as usize).into_owned();
        frame.render_widget(Paragraph::new(Line::styled(legend, app.theme.dim())), legend_area);
    }
}

/// The words and style of a grid cell (totals included).
fn cell(app: &App, m: &MatrixView, r: usize, c: usize) -> (String, Style) {
    let g = &m.grid;
    match (r < g.rows.len(), c < g.columns.len()) {
        (true, true) => {
            let cell: &Cell = &g.cells[r][c];
            (grid::cell_text(cell), app.theme.stance(cell.stance, cell.quotes.is_empty()))
        }
        (true, false) => (g.row_totals[r].describe(), app.theme.dim()),
        (false, true) => (g.column_totals[c].describe(), app.theme.dim()),
        (false, false) => (g.total.describe(), app.theme.title()),
    }
}

/// A heading on two lines of `width` cells, broken between words or after
/// a hyphen, the second cut with `…` when the heading is longer still.
fn two_lines(heading: &str, width: usize) -> [String; 2] {
    let mut words: Vec<String> = Vec::new();
    for word in heading.split(' ') {
        // "Military-technical" may break after its hyphen.
        let mut rest = word;
        while let Some(i) = rest.find('-').filter(|&i| i + 1 < rest.len()) {
            words.push(rest[..=i].to_string());
            rest = &rest[i + 1..];
        }
        words.push(format!("{rest} "));
    }
    let mut lines = [String::new(), String::new()];
    let mut line = 0;
    for word in words {
        let candidate = format!("{}{word}", lines[line]);
        if text::width(candidate.trim_end()) > width && !lines[line].is_empty() && line == 0 {
            line = 1;
            lines[1] = word;
        } else {
            lines[line] = candidate;
        }
    }
    let second = lines[1].trim_end().to_string();
    [text::truncate(lines[0].trim_end(), width).into_owned(), text::truncate(&second, width).into_owned()]
}

/// `s` cut or padded to exactly `width` cells.
fn pad(s: &str, width: usize) -> String {
    let cut = text::truncate(s, width);
    format!("{cut}{}", " ".repeat(width.saturating_sub(text::width(&cut))))
}

/// The status line's description of the cell under the cursor: who
/// stands where on the issue's proposition, in words.
pub fn describe_cursor(app: &App, m: &MatrixView) -> String {
    let a = &app.corpus;
    let g = &m.grid;
    let (row, col) = (m.rows.selected, m.cols.selected);
    let statements = crate::matrix::statements;
    // The totals leave out the issues outside the dispute.
    let issues =
        if a.issues.iter().any(|i| i.outside_dispute) { "the issues in dispute" } else { "all issues" };
    match (g.rows.get(row), g.columns.get(col)) {
        (Some(&s), Some(&i)) => {
            let cell = &g.cells[row][col];
            let who = a.speaker_name(s);
            let said = match cell.quotes.len() {
                0 => format!("{who} · {} · no statements", a.issues[i].title),
                n => format!(
                    "{who} {} · {}",
                    crate::describe::stance_sentence(a, cell.stance, i),
                    statements(n)
                ),
            };
            match cell.on_sub_issues {
                0 => said,
                n => format!("{said} · {} on its sub-issues, not counted here", statements(n)),
            }
        }
        (Some(&s), None) => {
            format!("{} · {issues} · {}", a.speaker_name(s), g.row_totals[row].describe_in_words())
        }
        (None, Some(&i)) => {
            let outside =
                if a.issues[i].outside_dispute { " (outside the dispute: in no total)" } else { "" };
            format!(
                "All speakers · {}{outside} · {}",
                a.issues[i].title,
                g.column_totals[col].describe_in_words()
            )
        }
        (None, None) => format!("All speakers · {issues} · {}", g.total.describe_in_words()),
    }
}
