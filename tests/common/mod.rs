//! Helpers shared by the rendering tests: drive an [`App`] with real key
//! events and read the screen it draws on a TestBackend.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use whosaid::model::{Corpus, Source, load, load_bytes};
use whosaid::tui::app::{App, Event};
use whosaid::tui::theme::Theme;
use whosaid::tui::view;

pub fn builtin() -> Corpus {
    static BUILTIN: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(|| load(&Source::BuiltIn).unwrap().into_corpus().unwrap()).clone()
}

/// The built-in annotation after an edit of its YAML (its article unchanged).
pub fn builtin_edited(edit: impl FnOnce(&str) -> String) -> Corpus {
    let yaml = edit(include_str!("../../assets/nato-open-doors.yaml"));
    let loaded = load_bytes("nato-open-doors.yaml", yaml.as_bytes(), &|_| {
        Ok((include_bytes!("../../assets/nato-open-doors.txt").to_vec(), None))
    });
    let problems: Vec<String> = loaded.diagnostics().iter().map(|d| d.render()).collect();
    loaded.into_corpus().unwrap_or_else(|| panic!("{problems:?}"))
}

/// The quote's words as written in the file, on one line.
pub fn written(app: &App, q: whosaid::model::QuoteIx) -> String {
    whosaid::describe::written(&app.corpus, q)
}

/// A corpus of one article from YAML whose article is inline.
pub fn from_yaml(yaml: &str) -> Corpus {
    let loaded = load_bytes("test.yaml", yaml.as_bytes(), &|_| Err("no files".into()));
    let problems: Vec<String> = loaded.diagnostics().iter().map(|d| d.render()).collect();
    loaded.into_corpus().unwrap_or_else(|| panic!("{problems:?}"))
}

pub fn app(width: u16, height: u16) -> App {
    App::new(builtin(), "nato-open-doors.yaml (built-in)".into(), Theme::new(true), width, height)
}

pub fn app_without_color(width: u16, height: u16) -> App {
    App::new(builtin(), "nato-open-doors.yaml (built-in)".into(), Theme::new(false), width, height)
}

/// A key as a terminal reports it: capitals and `?` with Shift, `^x` with Ctrl.
pub fn key(name: &str) -> KeyEvent {
    let (code, modifiers) = match name {
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Left" => (KeyCode::Left, KeyModifiers::NONE),
        "Right" => (KeyCode::Right, KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        s if s.starts_with('^') => (KeyCode::Char(s.chars().nth(1).unwrap()), KeyModifiers::CONTROL),
        s => {
            let c = s.chars().next().unwrap();
            let shifted = c.is_uppercase() || "?~!@#$%^&*()_+{}|:\"<>".contains(c);
            (KeyCode::Char(c), if shifted { KeyModifiers::SHIFT } else { KeyModifiers::NONE })
        }
    };
    KeyEvent::new(code, modifiers)
}

/// Presses keys given as space-separated names (`"Tab j j Enter"`).
pub fn press(app: &mut App, keys: &str) {
    for name in keys.split(' ').filter(|k| !k.is_empty()) {
        app.handle(Event::Key(key(name)));
    }
}

/// Types text character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        app.handle(Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers)));
    }
}

pub fn click(app: &mut App, column: u16, row: u16) {
    app.handle(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

pub fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let kind = if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
    app.handle(Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }));
}

/// Draws the app at its size and returns the buffer.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|frame| view::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept.
pub fn screen(app: &App) -> String {
    text(&draw(app))
}

pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The row on screen holding `needle`, if any.
pub fn row_of(screen: &str, needle: &str) -> Option<usize> {
    screen.lines().position(|l| l.contains(needle))
}

/// The example corpus, opened as `whosaid examples/` would.
pub fn corpus() -> Corpus {
    static CORPUS: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
            let outcome = load(&Source::Paths(vec![dir])).unwrap();
            let problems: Vec<String> = outcome.diagnostics().iter().map(|d| d.render()).collect();
            outcome.into_corpus().unwrap_or_else(|| panic!("{problems:?}"))
        })
        .clone()
}

pub fn corpus_app(width: u16, height: u16) -> App {
    App::new(corpus(), "examples/".into(), Theme::new(true), width, height)
}

/// Moves the focus to a pane with Tab.
pub fn focus(app: &mut App, pane: whosaid::tui::layout::Pane) {
    for _ in 0..8 {
        if app.focus == pane {
            return;
        }
        press(app, "Tab");
    }
    panic!("{pane:?} cannot be reached with Tab");
}

/// Selects a speaker in the Speakers list, as a reader would with j and k.
pub fn select_speaker(app: &mut App, id: &str) {
    let s = app.corpus.speaker_by_id(id).unwrap_or_else(|| panic!("speaker {id}"));
    focus(app, whosaid::tui::layout::Pane::Speakers);
    press(app, "g");
    while app.filters.speaker != Some(s) {
        let before = app.speakers.selected;
        press(app, "j");
        assert_ne!(app.speakers.selected, before, "speaker {id} is in the list");
    }
}

pub fn select_issue(app: &mut App, id: &str) {
    let i = app.corpus.issue_by_id(id).unwrap_or_else(|| panic!("issue {id}"));
    focus(app, whosaid::tui::layout::Pane::Issues);
    press(app, "g");
    while app.filters.issue != Some(i) {
        let before = app.issues.selected;
        press(app, "j");
        assert_ne!(app.issues.selected, before, "issue {id} is in the list");
    }
}

pub fn select_article(app: &mut App, id: &str) {
    let a = app.corpus.article_by_id(id).unwrap_or_else(|| panic!("article {id}"));
    focus(app, whosaid::tui::layout::Pane::Articles);
    press(app, "g");
    while app.filters.article != Some(a) {
        let before = app.articles.selected;
        press(app, "j");
        assert_ne!(app.articles.selected, before, "article {id} is in the list");
    }
}

/// Selects a quote in the Quotes list (the filters cleared first).
pub fn select_quote(app: &mut App, id: &str) {
    let q = app.corpus.quote_by_id(id).unwrap_or_else(|| panic!("quote {id}"));
    focus(app, whosaid::tui::layout::Pane::Quotes);
    if !app.list.passes[q] {
        press(app, "Esc Esc Esc");
        focus(app, whosaid::tui::layout::Pane::Quotes);
    }
    press(app, "g");
    while app.selected_quote() != Some(q) {
        let before = app.quotes.selected;
        press(app, "j");
        assert_ne!(app.quotes.selected, before, "quote {id} is in the list");
    }
}

/// The text inside a pane's border, one line per row.
pub fn pane_text(app: &App, pane: whosaid::tui::layout::Pane) -> String {
    let buffer = draw(app);
    let area = app.panes().unwrap().get(pane).unwrap();
    (area.y + 1..area.bottom().saturating_sub(1))
        .map(|y| {
            (area.x + 1..area.right().saturating_sub(1)).map(|x| buffer[(x, y)].symbol()).collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The example corpus's annotation files and texts, copied into `to`
/// (`examples/raw/`, a text not yet annotated, left out).
pub fn copy_examples(to: &std::path::Path) {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}
