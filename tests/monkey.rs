//! Monkey tests: thousands of random keys, clicks, wheel turns, resizes and
//! reloads at random terminal sizes, on the built-in article and on a
//! generated corpus. After every event the browser's invariants must hold;
//! every few events the screen is drawn and checked too. Deterministic:
//! each run replays the same seeds.

mod common;

use common::{builtin, draw, text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::Color;
use whosaid::corpus::Rng;
use whosaid::model::{Annotation, load_bytes};
use whosaid::text::is_unsafe;
use whosaid::tui::app::{App, Event};
use whosaid::tui::keymap::{self, Context, KEYMAP, Key};
use whosaid::tui::theme::Theme;

const SIZES: &[(u16, u16)] =
    &[(1, 1), (2, 200), (300, 3), (39, 9), (40, 10), (60, 20), (79, 24), (80, 24), (120, 40), (200, 60)];

fn random_key(rng: &mut Rng) -> KeyEvent {
    let bound: Vec<Key> = KEYMAP.iter().flat_map(|b| b.keys.iter().copied()).collect();
    let key = match rng.below(10) {
        0..=6 => *rng.pick(&bound),
        7 => Key::Char(*rng.pick(&['a', 'e', 'o', 'n', ' ', '"', '@', '#', ':', 'É', 'z', '1'])),
        8 => Key::Code(*rng.pick(&[KeyCode::Backspace, KeyCode::Delete, KeyCode::F(5), KeyCode::Insert])),
        _ => Key::Ctrl(*rng.pick(&['a', 'e', 'w', 'u', 'n', 'p', 'x'])),
    };
    match key {
        Key::Char(c) => {
            let shift = if c.is_uppercase() || "?\"@#:".contains(c) {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), shift)
        }
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Code(KeyCode::BackTab) => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
        Key::AnyChar => KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE),
    }
}

fn random_event(rng: &mut Rng, app: &App, annotation: &Annotation) -> Event {
    let (w, h) = (app.area.width.max(1), app.area.height.max(1));
    match rng.below(100) {
        0..=79 => {
            // Never Ctrl-c or q twice in a row mattering: effects are ignored here.
            Event::Key(random_key(rng))
        }
        80..=91 => {
            let kind = match rng.below(3) {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent {
                kind,
                column: rng.below(w as usize + 2) as u16,
                row: rng.below(h as usize + 2) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
        92..=96 => {
            let (w, h) = if rng.chance(70) {
                *rng.pick(SIZES)
            } else {
                (1 + rng.below(250) as u16, 1 + rng.below(80) as u16)
            };
            Event::Resize(w, h)
        }
        97 => Event::Reloaded(Err(vec!["f.yaml:1:1: error: a broken edit".into()])),
        _ => Event::Reloaded(Ok(Box::new(annotation.clone()))),
    }
}

/// What must hold after every event.
fn check_invariants(app: &App, step: usize) {
    let a = &app.annotation;
    let at = format!("after event {step}");
    assert!(app.speakers.selected <= a.speakers.len(), "{at}: speaker selection");
    assert!(app.issues.selected <= a.issues.len(), "{at}: issue selection");
    if app.filtered.is_empty() {
        assert_eq!(app.quotes.selected, 0, "{at}: empty list, nothing selected");
    } else {
        assert!(app.quotes.selected < app.filtered.len(), "{at}: quote selection inside the list");
    }
    for list in [app.speakers, app.issues, app.quotes] {
        assert!(list.offset <= list.selected, "{at}: the selection is not above the first row shown");
    }
    let rows = app.article_layout.rows.len();
    assert!(rows == 0 || app.article_cursor < rows, "{at}: article cursor inside the article");
    assert!(app.article_top <= app.article_cursor || rows == 0, "{at}: cursor on screen");
    // The counts agree with the list.
    let by_speaker = app.speaker_filter().map_or(app.speaker_total, |s| app.speaker_counts[s]);
    let by_issue = app.issue_filter().map_or(app.issue_total, |i| app.issue_counts[i]);
    assert_eq!(app.filtered.len(), by_speaker, "{at}: speaker count is the list's length");
    assert_eq!(app.filtered.len(), by_issue, "{at}: issue count is the list's length");
    for &q in &app.filtered {
        let quote = &a.quotes[q];
        assert!(app.speaker_filter().is_none_or(|s| quote.speaker == s), "{at}: speaker filter");
        assert!(app.issue_filter().is_none_or(|i| quote.is_under(i)), "{at}: issue filter");
    }
    if let Some(m) = &app.matrix {
        assert!(m.row < m.rows() && m.col < m.columns(), "{at}: matrix cursor inside the grid");
        assert!(m.top <= m.row && m.left <= m.col, "{at}: matrix cursor on screen");
    }
}

/// What must hold of a drawn screen.
fn check_screen(app: &App, step: usize) {
    let buffer = draw(app);
    let at = format!("after event {step}");
    for cell in &buffer.content {
        assert!(!cell.symbol().chars().any(is_unsafe), "{at}: a raw control on screen");
    }
    // The strongly highlighted text in the article is the selected quote's
    // (search matches, drawn over it, are left out of this check).
    if let (Some(panes), Some(q), None, None, false) =
        (app.panes(), app.selected_quote(), app.matrix.as_ref(), app.overlay, app.search.is_active())
        && let Some(area) = panes.article
        && area.width > 2
        && area.height > 2
    {
        let mut lit = String::new();
        for y in area.y + 1..area.bottom() - 1 {
            for x in area.x + 1..area.right() - 1 {
                let cell = &buffer[(x, y)];
                if cell.bg != Color::Reset && cell.bg != Color::DarkGray {
                    lit.push_str(cell.symbol());
                }
            }
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let quote = squash(&app.annotation.article.text[app.annotation.quotes[q].span.clone()]);
        assert!(quote.contains(&squash(&lit)), "{at}: highlighted {lit:?} is not from quote {q}");
    }
    // The status line's hints are the keymap's.
    let screen = text(&buffer);
    if app.message.is_none()
        && app.search.line.is_none()
        && app.matrix.is_none()
        && app.context() == Context::Browse
        && !app.search.is_active()
        && app.panes().is_some()
        && let Some(status) = screen.lines().last()
    {
        let hints: Vec<String> =
            keymap::hints(Context::Browse).into_iter().map(|(k, w)| format!("{k} {w}")).collect();
        let shown = status.trim();
        let pieces: Vec<&str> =
            shown.rsplit_once("  ").map_or(shown, |(left, _)| left.trim()).split(" · ").collect();
        for piece in pieces.iter().filter(|p| !p.is_empty() && p.contains(' ')) {
            assert!(hints.iter().any(|h| h == piece), "{at}: status hint {piece:?} is not in the keymap");
        }
    }
}

fn monkey(annotation: Annotation, seed: u64, events: usize) {
    let mut rng = Rng::new(seed);
    let (w, h) = *rng.pick(SIZES);
    let mut app = App::new(annotation.clone(), "monkey.yaml".into(), Theme { color: rng.chance(50) }, w, h);
    check_invariants(&app, 0);
    for step in 1..=events {
        let event = random_event(&mut rng, &app, &annotation);
        app.handle(event);
        check_invariants(&app, step);
        if step % 40 == 0 {
            check_screen(&app, step);
        }
    }
}

#[test]
fn random_events_on_the_built_in_article() {
    for seed in 1..=4 {
        monkey(builtin(), seed, 3_000);
    }
}

#[test]
fn random_events_on_a_generated_corpus() {
    let corpus = whosaid::corpus::generate(1_500, 11);
    let article = corpus.article;
    let loaded = load_bytes(corpus.yaml.as_bytes(), &|_| Ok((article.as_bytes().to_vec(), None)));
    let annotation = loaded.annotation.expect("the corpus loads");
    for seed in 21..=22 {
        monkey(annotation.clone(), seed, 2_500);
    }
}
