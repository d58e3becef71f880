//! The forms of annotating drawn over the browser: the speaker picker, the
//! issues-and-stances picker (every issue with its proposition, for the
//! stance is towards it; recommendations marked), and the question before
//! a deletion.

use crate::describe;
use crate::model::Corpus;
use crate::text;
use crate::tui::app::App;
use crate::tui::form::{Choice, Form, Step, Target};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

pub fn draw(frame: &mut Frame, app: &App, form: &Form) {
    let area = app.area;
    let width = area.width.saturating_sub(4).min(96);
    let height = area.height.saturating_sub(3).max(3);
    let rect = Rect { x: area.x + (area.width - width) / 2, y: area.y + 1, width, height };
    let inner = width.saturating_sub(2) as usize;
    let rows = height.saturating_sub(2) as usize;
    let (title, mut lines) = match form.step {
        Step::Speaker => speaker(app, form, inner),
        Step::Stances => stances(app, form, inner, rows),
        Step::ConfirmDelete => confirm(app, form, inner),
    };
    lines.truncate(rows);
    let used = lines.len() as u16 + 2;
    let rect = Rect { height: used.min(rect.height), ..rect };
    let title = text::truncate(&text::one_line(&format!(" {title} ")), inner).into_owned();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(Span::styled(title, app.theme.title()));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// A candidate's or quote's words, wrapped to at most three rows.
fn words(app: &App, form: &Form, width: usize) -> Vec<Line<'static>> {
    let c = &app.corpus;
    let joined = match &form.target {
        Target::Candidate { candidate, article, .. } => {
            let t = &c.articles[*article].text;
            candidate.parts.iter().map(|p| &t[p.clone()]).collect::<Vec<_>>().join(" … ")
        }
        Target::Quote(q) => c.quotes[*q].text.parts().join(" … "),
    };
    // Reported speech is never shown as a quotation, whichever kind the form is at.
    let words = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let quoted = text::one_line(&describe::as_kind(form.stances.kind, &words)).into_owned();
    let mut rows = text::wrap(&quoted, width);
    if rows.len() > 3 {
        let rest = rows[2..].join(" ");
        rows.truncate(2);
        rows.push(text::truncate(&rest, width).into_owned());
    }
    let mut lines: Vec<Line<'static>> =
        rows.into_iter().map(|row| Line::styled(row, app.theme.words())).collect();
    // Words passed on by someone are written with `via:` them.
    if let Target::Candidate { candidate, .. } = &form.target
        && let Some(relayer) = app.suggested_via(candidate)
    {
        lines.push(Line::raw(format!("passed on by {} (written as via)", relayer.name)));
    }
    lines
}

fn choice_name(c: &Corpus, choice: &Choice) -> String {
    match choice {
        Choice::Existing(s) => {
            let speaker = &c.speakers[*s];
            match &speaker.role {
                Some(role) => format!("{} · {role}", speaker.name),
                None => speaker.name.clone(),
            }
        }
        Choice::New { name, role: Some(role) } => format!("+ new speaker: {name} · {role}"),
        Choice::New { name, role: None } => format!("+ new speaker: {name}"),
    }
}

/// The form's keys, wrapped to its width.
fn keys_lines(app: &App, keys: &str, width: usize) -> Vec<Line<'static>> {
    text::wrap(keys, width).into_iter().map(|l| Line::styled(l, app.theme.dim())).collect()
}

fn speaker(app: &App, form: &Form, width: usize) -> (String, Vec<Line<'static>>) {
    let c = &app.corpus;
    let mut lines = words(app, form, width);
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            Span::styled("Speaker: ", app.theme.title()),
            Span::raw(text::one_line(&form.speaker.query).into_owned()),
            Span::styled("▏", app.theme.key()),
        ]),
    ]);
    let choices = form.choices(c);
    if choices.is_empty() {
        lines.push(Line::styled("  no speaker matches · type a new one's name", app.theme.dim()));
    }
    let room = 14usize.min(app.area.height.saturating_sub(12) as usize).max(3);
    let first = form.speaker.selected.saturating_sub(room - 1);
    for (i, (choice, suggested)) in choices.iter().enumerate().skip(first).take(room) {
        let selected = i == form.speaker.selected;
        let mark = if selected { "▶ " } else { "  " };
        let tail = if *suggested { "  suggested" } else { "" };
        let name = text::truncate(&choice_name(c, choice), width.saturating_sub(2 + tail.len())).into_owned();
        let style = if selected { app.theme.selected(true) } else { ratatui::style::Style::new() };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{name}"), style),
            Span::styled(tail, app.theme.dim()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.extend(keys_lines(
        app,
        match form.target {
            Target::Candidate { .. } => {
                "type to find · ↑↓ choose · Enter next: issues and stances · Esc cancel"
            }
            Target::Quote(_) => "type to find · ↑↓ choose · Enter writes · Esc cancel",
        },
        width,
    ));
    let title = match form.target {
        Target::Candidate { .. } => "Accept the candidate: who said it?".to_string(),
        Target::Quote(q) => format!("Who said {}?", c.quotes[q].id),
    };
    (title, lines)
}

fn stances(app: &App, form: &Form, width: usize, rows: usize) -> (String, Vec<Line<'static>>) {
    let c = &app.corpus;
    let picker = &form.stances;
    let (title, head) = match &form.target {
        Target::Candidate { .. } => {
            let who = form.speaker.chosen.as_ref().map_or(String::new(), |s| choice_name(c, s));
            let who = who.trim_start_matches("+ new speaker: ").to_string();
            (
                "Accept the candidate: issues and stances".to_string(),
                format!("by {who} · {} (K changes)", picker.kind.name()),
            )
        }
        Target::Quote(q) => (
            format!("Issues and stances of {}", c.quotes[*q].id),
            format!("by {}", c.speaker_name(c.quotes[*q].speaker)),
        ),
    };
    let mut lines = words(app, form, width);
    lines.extend([
        Line::styled(text::truncate(&text::one_line(&head), width).into_owned(), app.theme.dim()),
        Line::raw(""),
    ]);
    // Each issue: its mark, stance, title and recommendation, then its
    // proposition in full (wrapped), for the stance is towards it.
    let blocks: Vec<Vec<Line<'static>>> = picker
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let issue = &c.issues[row.issue];
            let selected = i == picker.selected;
            let mark = if selected { "▶ " } else { "  " };
            let on = if row.on { "[x]" } else { "[ ]" };
            let stance = match (row.on, row.stance) {
                (true, Some(s)) => s.name(),
                (true, None) => "no stance",
                (false, _) => "",
            };
            let recommended = row.recommended.map_or(String::new(), |r| match r.stance {
                Some(s) => format!("  recommended {}% · {}", r.percent, s.name()),
                None => format!("  recommended {}%", r.percent),
            });
            let label = format!("{mark}{on} {stance:<9} {}", text::one_line(&issue.title));
            let label = text::truncate(&label, width.saturating_sub(text::width(&recommended))).into_owned();
            let style = if selected { app.theme.selected(true) } else { ratatui::style::Style::new() };
            let mut block = vec![Line::from(vec![
                Span::styled(label, style),
                Span::styled(recommended, app.theme.key()),
            ])];
            let proposition = match &issue.proposition {
                Some(proposition) => format!("towards: {proposition}"),
                None => "no proposition: a stance here has nothing to be towards".to_string(),
            };
            let indent = 6.min(width / 4);
            for line in text::wrap(&text::one_line(&proposition), width.saturating_sub(indent)) {
                block.push(Line::styled(format!("{}{line}", " ".repeat(indent)), app.theme.dim()));
            }
            block
        })
        .collect();
    // The blocks that fit, the selected one among them.
    let room = rows.saturating_sub(lines.len() + 3).max(2);
    let height = |range: std::ops::Range<usize>| blocks[range].iter().map(Vec::len).sum::<usize>();
    let mut first = picker.selected.min(blocks.len().saturating_sub(1));
    while first > 0 && height(first - 1..picker.selected + 1) <= room {
        first -= 1;
    }
    let mut last = first;
    while last < blocks.len() && (last == first || height(first..last + 1) <= room) {
        last += 1;
    }
    for block in &blocks[first..last] {
        lines.extend(block.iter().cloned());
    }
    let scrolled = if first > 0 || last < blocks.len() {
        format!(" · {} issues, j/k for more", picker.rows.len())
    } else {
        String::new()
    };
    lines.extend(keys_lines(
        app,
        &format!("s support · o oppose · n neutral · m mixed · - no stance · Space on/off · Enter write · Esc cancel{scrolled}"),
        width,
    ));
    (title, lines)
}

fn confirm(app: &App, form: &Form, width: usize) -> (String, Vec<Line<'static>>) {
    let c = &app.corpus;
    let Target::Quote(q) = form.target else { return (String::new(), Vec::new()) };
    let file = c.articles[c.quotes[q].article].file.as_ref();
    let file = file.and_then(|f| f.file_name()).map_or(String::new(), |f| f.to_string_lossy().into_owned());
    let mut lines = words(app, form, width);
    lines.extend([
        Line::styled(
            text::truncate(&format!("by {} · in {file}", c.speaker_name(c.quotes[q].speaker)), width)
                .into_owned(),
            app.theme.dim(),
        ),
        Line::raw(""),
        Line::raw("y or Enter deletes it (U undoes) · n or Esc keeps it"),
    ]);
    (format!("Delete quote {}?", c.quotes[q].id), lines)
}
