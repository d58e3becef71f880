//! Monkey tests: thousands of random keys, clicks, wheel turns, resizes and
//! reloads at random terminal sizes, on the built-in article and on a
//! generated corpus. After every event the browser's invariants must hold;
//! every few events the screen is drawn and checked too. Deterministic:
//! each run replays the same seeds.

mod common;

use common::{builtin, draw, text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};
use whosaid::model::{Corpus, load_bytes};
use whosaid::synthetic::Rng;
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

fn random_event(rng: &mut Rng, app: &App, corpora: &[Corpus]) -> Event {
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
            // Some files broken, the others shown meanwhile.
            usable: rng.chance(50).then(|| Box::new(rng.pick(corpora).clone())),
        })),
        _ => Event::Reloaded(Ok(Box::new(rng.pick(corpora).clone()))),
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
    let base = app.mode.base();
    if let whosaid::tui::mode::Mode::Reading(r) = base {
        assert!(r.quote.index() < a.quotes.len(), "{at}: the quote read is in the corpus");
    }
    if let whosaid::tui::mode::Mode::Timeline(t) = base {
        assert!(t.speaker.index() < a.speakers.len(), "{at}: the timeline's speaker is in the corpus");
        if let Some(grid) = &t.grid {
            assert_eq!(grid.speaker, t.speaker, "{at}: the grid is of the timeline's speaker");
            assert!(grid.articles.iter().all(|x| x.index() < a.articles.len()), "{at}: timeline articles");
            assert!(grid.issues.iter().all(|i| i.index() < a.issues.len()), "{at}: timeline issues");
        }
    }
    assert!(
        a.articles.is_empty() || app.article.shown.index() < a.articles.len(),
        "{at}: the shown article is in the corpus"
    );
    if let Some(m) = app.mode.matrix() {
        assert!(m.grid.rows.len() == a.speakers.len(), "{at}: the matrix is of this corpus");
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
    // (With a candidate selected, the candidate is what is lit instead.)
    let browsing = matches!(app.mode, whosaid::tui::mode::Mode::Browse) && app.selected_candidate().is_none();
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
        // The parts as the article has them, side by side: what lies
        // between them is not marked.
        let text = &app.corpus.article_of(q).text;
        let quote = squash(&app.corpus.quotes[q].parts.iter().map(|p| &text[p.clone()]).collect::<String>());
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

/// Random events, reloading any of `corpora`; the browser starts on the first.
fn monkey_over(corpora: &[Corpus], seed: u64, events: usize) {
    let mut rng = Rng::new(seed);
    let (w, h) = *rng.pick(SIZES);
    let mut app = App::new(corpora[0].clone(), "monkey.yaml".into(), Theme::new(rng.chance(50)), w, h);
    check_invariants(&app, 0);
    // What the workers would compute, delivered late and out of order: some
    // of it for a corpus since replaced.
    let mut computed = Vec::new();
    for step in 1..=events {
        let event = if !computed.is_empty() && rng.chance(20) {
            Event::Computed(computed.swap_remove(rng.below(computed.len())))
        } else {
            random_event(&mut rng, &app, corpora)
        };
        let reload = matches!(event, Event::Reloaded(_));
        app.handle(event);
        for wanted in app.take_wanted() {
            computed.push(whosaid::tui::jobs::compute(&app.corpus, app.generation, wanted));
        }
        check_invariants(&app, step);
        if reload && let Some(found) = &app.search.found {
            // The index brought along to the new corpus finds what a fresh one would.
            let query =
                whosaid::query::parse(&app.search.query, &app.corpus).expect("the query still parses");
            let fresh = whosaid::query::SearchIndex::new(&app.corpus).search(&app.corpus, &query, &|_| true);
            let quotes = |f: &whosaid::query::Found| f.hits.iter().map(|h| h.quote).collect::<Vec<_>>();
            assert_eq!(quotes(found), quotes(&fresh), "after event {step}: the search's hits");
        }
        if step % 40 == 0 || (reload && corpora.len() > 1) {
            check_screen(&app, step);
        }
    }
}

fn monkey(corpus: Corpus, seed: u64, events: usize) {
    monkey_over(&[corpus], seed, events);
}

#[test]
fn random_events_on_the_built_in_article() {
    for seed in 1..=4 {
        monkey(builtin(), seed, 3_000);
    }
}

#[test]
fn random_events_on_a_generated_corpus() {
    let corpus = whosaid::synthetic::generate(1_500, 11);
    let article = corpus.article;
    let loaded = load_bytes("gen.yaml", corpus.yaml.as_bytes(), &|_| Ok((article.as_bytes().to_vec(), None)));
    let corpus = loaded.into_corpus().expect("the corpus loads");
    for seed in 21..=22 {
        monkey(corpus.clone(), seed, 2_500);
    }
}

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

/// The example corpus after `edit` rewrote its files (name → text; `None`
/// deletes the file), loaded from a scratch directory; `None` when the
/// edit leaves it broken.
fn examples_edited(edit: impl Fn(&str, String) -> Option<String>) -> Option<Corpus> {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(EXAMPLES).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // raw/: a text not yet annotated
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if name.ends_with(".yaml") { edit(&name, text) } else { Some(text) };
        if let Some(text) = text {
            std::fs::write(dir.path().join(&name), text).unwrap();
        }
    }
    let source = whosaid::model::Source::Paths(vec![dir.path().to_path_buf()]);
    whosaid::model::load(&source).ok()?.into_corpus()
}

/// A file's quotes rewritten by `f` (references between quotes dropped, so
/// that removing one leaves the others valid).
fn quotes_edited(text: &str, f: impl Fn(&mut Vec<serde_yaml::Value>)) -> String {
    let mut doc: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
    if let Some(quotes) = doc.get_mut("quotes").and_then(|q| q.as_sequence_mut()) {
        for q in quotes.iter_mut() {
            if let Some(map) = q.as_mapping_mut() {
                map.remove("replies_to");
                map.remove("same_as");
            }
        }
        f(quotes);
    }
    serde_yaml::to_string(&doc).unwrap()
}

/// Different corpora, as a user's edits on disk make them: articles and
/// quotes removed, reordered and renamed, speakers renamed, the corpus
/// emptied; the browser is handed one after another.
fn edited_corpora() -> Vec<Corpus> {
    let examples = examples_edited(|_, t| Some(t)).expect("the example corpus loads");
    let variants = [
        // An article deleted.
        examples_edited(|name, t| (!name.contains("01-14")).then_some(t)),
        // Every file's quotes in reverse order.
        examples_edited(|_, t| Some(quotes_edited(&t, |q| q.reverse()))),
        // A third of the quotes removed.
        examples_edited(|_, t| {
            Some(quotes_edited(&t, |q| {
                let mut i = 0;
                q.retain(|_| {
                    i += 1;
                    i % 3 != 0
                })
            }))
        }),
        // Every quote renamed.
        examples_edited(|_, t| {
            Some(quotes_edited(&t, |q| {
                for (i, quote) in q.iter_mut().enumerate() {
                    quote.as_mapping_mut().unwrap().insert("id".into(), format!("renamed-{i}").into());
                }
            }))
        }),
        // A speaker renamed everywhere.
        examples_edited(|_, t| Some(t.replace("sherman", "wendy-sherman"))),
        // No quotes at all.
        examples_edited(|_, t| Some(quotes_edited(&t, |q| q.clear()))),
        // Only the corpus file: no article.
        examples_edited(|name, t| (name == "corpus.yaml").then_some(t)),
    ];
    let mut out = vec![examples, builtin()];
    out.extend(variants.into_iter().map(|v| v.expect("each edit leaves a corpus that loads")));
    out.push(Corpus::default());
    out
}

#[test]
fn random_events_while_the_files_change_under_the_browser() {
    let corpora = edited_corpora();
    assert!(corpora.iter().any(|c| c.articles.is_empty()), "an empty corpus is among them");
    for seed in 31..=34 {
        monkey_over(&corpora, seed, 2_500);
    }
}
