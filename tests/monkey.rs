//! Monkey tests: thousands of random keys, clicks, wheel turns, resizes and
//! reloads at random terminal sizes, on the built-in article and on a
//! generated corpus. After every event the browser's invariants must hold;
//! every few events the screen is drawn and checked too. Deterministic:
//! each run replays the same seeds.

mod common;

use common::{builtin, draw, text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};
use whosaid::corpus::Rng;
use whosaid::model::{Corpus, load_bytes};
use whosaid::text::is_unsafe;
use whosaid::tui::app::{App, Event};
use whosaid::tui::keymap::{Context, KEYMAP, Key};
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

fn random_event(rng: &mut Rng, app: &App, corpus: &Corpus) -> Event {
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
        97 => Event::Reloaded(Err(whosaid::tui::app::Problems {
            head: "reload failed".into(),
            lines: vec!["f.yaml:1:1: error: a broken edit".into()],
            usable: None,
        })),
        _ => Event::Reloaded(Ok(Box::new(corpus.clone()))),
    }
}

/// What must hold after every event.
fn check_invariants(app: &App, step: usize) {
    let a = &app.corpus;
    let list = &app.list;
    let at = format!("after event {step}");
    assert!(app.speakers.selected <= a.speakers.len(), "{at}: speaker selection");
    assert!(app.issues.selected <= a.issues.len(), "{at}: issue selection");
    if list.quotes.is_empty() {
        assert_eq!(app.quotes.selected, 0, "{at}: empty list, nothing selected");
    } else {
        assert!(app.quotes.selected < list.quotes.len(), "{at}: quote selection inside the list");
    }
    for list in [app.speakers, app.issues, app.quotes] {
        assert!(list.offset <= list.selected, "{at}: the selection is not above the first row shown");
    }
    let (rows, scroll) = (app.article.layout.rows.len(), app.article.scroll);
    assert!(rows == 0 || scroll.selected < rows, "{at}: article cursor inside the article");
    assert!(scroll.offset <= scroll.selected || rows == 0, "{at}: cursor on screen");
    // The counts agree with the list: one per statement listed.
    let statements = list.quotes.iter().filter(|&&q| a.counts(q)).count();
    let f = app.filters;
    let by_speaker = match f.speaker {
        None => list.speaker_total,
        Some(s) if f.relayed => list.relayed_counts[s],
        Some(s) => list.speaker_counts[s],
    };
    let by_issue = f.issue.map_or(list.issue_total, |i| list.issue_counts[i]);
    let by_article = f.article.map_or(list.article_total, |x| list.article_counts[x]);
    assert_eq!(statements, by_speaker, "{at}: speaker count is the list's");
    assert_eq!(statements, by_issue, "{at}: issue count is the list's");
    assert_eq!(statements, by_article, "{at}: article count is the list's");
    for &q in &list.quotes {
        let quote = &a.quotes[q];
        let by = |s| if f.relayed { a.relayed_by(q, s) } else { a.said_by(q, s) };
        assert!(f.speaker.is_none_or(by), "{at}: speaker filter");
        assert!(f.issue.is_none_or(|i| quote.is_under(i)), "{at}: issue filter");
        assert!(f.article.is_none_or(|x| quote.article == x), "{at}: article filter");
    }
    if let Some(m) = app.mode.matrix() {
        assert!(
            m.rows.selected < m.row_count() && m.cols.selected < m.column_count(),
            "{at}: matrix cursor inside the grid"
        );
        assert!(
            m.rows.offset <= m.rows.selected && m.cols.offset <= m.cols.selected,
            "{at}: matrix cursor on screen"
        );
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
    // (search matches, drawn over it, are left out of this check), and it
    // is there whenever the quote's rows are on screen.
    let browsing = matches!(app.mode, whosaid::tui::mode::Mode::Browse);
    if let (Some(panes), Some(q), true, false) =
        (app.panes(), app.selected_quote(), browsing, app.search.is_active())
        && let Some(area) = panes.article
        && area.width > 2
        && area.height > 2
    {
        let strong = |cell: &ratatui::buffer::Cell| {
            if app.theme.color {
                cell.bg != Color::Reset && cell.bg != Color::DarkGray
            } else {
                cell.modifier.contains(Modifier::REVERSED)
            }
        };
        let mut lit = String::new();
        for y in area.y + 1..area.bottom() - 1 {
            for x in area.x + 1..area.right() - 1 {
                let cell = &buffer[(x, y)];
                if strong(cell) {
                    lit.push_str(cell.symbol());
                }
            }
        }
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let quote = squash(&app.corpus.words(q));
        assert!(quote.contains(&squash(&lit)), "{at}: highlighted {lit:?} is not from quote {q:?}");
        let span_rows = app.article.layout.rows_of(&app.corpus.quotes[q].span);
        let shown = app.article.scroll.offset..app.article.scroll.offset + (area.height - 2) as usize;
        let on_screen = span_rows.start < shown.end && shown.start < span_rows.end;
        let has_text = !squash(&app.corpus.article_of(q).text[app.corpus.quotes[q].span.clone()]).is_empty();
        assert!(
            !on_screen || !has_text || !lit.trim().is_empty(),
            "{at}: quote {q:?} on screen but not highlighted"
        );
    }
    // The status line's hints are the keymap's.
    let screen = text(&buffer);
    if app.message.is_none()
        && browsing
        && !app.search.is_active()
        && app.panes().is_some()
        && let Some(status) = screen.lines().last()
    {
        let hints: Vec<String> =
            app.keymap.hints(Context::Browse).into_iter().map(|(k, w)| format!("{k} {w}")).collect();
        let shown = status.trim();
        let pieces: Vec<&str> =
            shown.rsplit_once("  ").map_or(shown, |(left, _)| left.trim()).split(" · ").collect();
        for piece in pieces.iter().filter(|p| !p.is_empty() && p.contains(' ')) {
            assert!(hints.iter().any(|h| h == piece), "{at}: status hint {piece:?} is not in the keymap");
        }
    }
}

fn monkey(corpus: Corpus, seed: u64, events: usize) {
    let mut rng = Rng::new(seed);
    let (w, h) = *rng.pick(SIZES);
    let mut app = App::new(corpus.clone(), "monkey.yaml".into(), Theme::new(rng.chance(50)), w, h);
    check_invariants(&app, 0);
    for step in 1..=events {
        let event = random_event(&mut rng, &app, &corpus);
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
    let loaded = load_bytes("gen.yaml", corpus.yaml.as_bytes(), &|_| Ok((article.as_bytes().to_vec(), None)));
    let corpus = loaded.into_corpus().expect("the corpus loads");
    for seed in 21..=22 {
        monkey(corpus.clone(), seed, 2_500);
    }
}
