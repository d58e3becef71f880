//! The browser's edge: the terminal, the event loop, file watching and
//! signals. Everything here is I/O; the state lives in [`app`] and the
//! drawing in [`view`].
//!
//! Events from the terminal, the file watcher and signal handlers all arrive
//! on one channel; the loop handles whatever is waiting, then draws once.

pub mod app;
pub mod article_layout;
mod browse;
mod clipboard;

mod help;
pub mod keymap;
pub mod layout;
pub mod matrix;
pub mod mode;
pub mod scroll;
pub mod search;
pub mod theme;
pub mod view;

use crate::commands::{self, EXIT_OK, EXIT_USAGE};
use crate::model::{self, Corpus, LoadOutcome, Severity, Source};
use crate::query::SearchIndex;
use app::{App, Effect, Event};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use theme::Theme;

enum Message {
    Terminal(crossterm::event::Event),
    FileChanged,
    Signal(i32),
    SearchIndex(Arc<Corpus>, Box<SearchIndex>),
    Notice(String),
}

/// Opens the browser on what the paths name (the built-in article when
/// there are none); returns the exit status.
pub fn run(paths: &[PathBuf], mouse: bool) -> anyhow::Result<u8> {
    let source = &Source::from_args(paths);
    for (name, is_terminal) in [
        ("standard input", std::io::stdin().is_terminal()),
        ("standard output", std::io::stdout().is_terminal()),
    ] {
        if !is_terminal {
            eprintln!(
                "whosaid: the browser needs a terminal, and {name} is not one; \
                 for plain output try `whosaid quotes` (see `whosaid --help`)"
            );
            return Ok(EXIT_USAGE);
        }
    }
    let (corpus, warnings) = match commands::open_quietly(paths, &mut std::io::stderr()) {
        Ok(opened) => opened,
        Err(status) => return Ok(status),
    };

    let (tx, rx) = mpsc::channel();
    let watcher = watch(source, &corpus, tx.clone());
    listen_for_signals(tx.clone())?;
    spawn_terminal_reader(tx.clone());

    install_panic_hook(mouse);
    init_terminal(mouse)?;
    if let Some(notice) = warnings_notice(warnings) {
        let _ = tx.send(Message::Notice(notice));
    }
    if let Err(why) = &watcher {
        let _ = tx.send(Message::Notice(format!("{why} · r reloads by hand")));
    }
    let result = event_loop(source, corpus, mouse, &tx, &rx);
    restore_terminal(mouse);
    result
}

/// What the status line says of a file's warnings, if it has any.
fn warnings_notice(warnings: usize) -> Option<String> {
    match warnings {
        0 => None,
        1 => Some("the file has 1 warning · `whosaid check` shows it".into()),
        n => Some(format!("the file has {n} warnings · `whosaid check` lists them")),
    }
}

/// Reloads after an edit: the corpus, or the problems for the banner
/// (errors first).
fn reload(source: &Source) -> Result<Box<Corpus>, Vec<String>> {
    match model::load(source) {
        Err(unreadable) => Err(vec![unreadable.to_string()]),
        Ok(LoadOutcome::Valid { corpus, .. }) => Ok(Box::new(corpus)),
        Ok(LoadOutcome::Invalid { mut diagnostics }) => {
            diagnostics.sort_by_key(|d| d.severity != Severity::Error);
            Err(diagnostics.iter().map(|d| d.render()).collect())
        }
    }
}

/// Builds the search index of the annotation on another thread, so that
/// the first `/` finds it ready.
fn index_in_background(corpus: &Arc<Corpus>, tx: &Sender<Message>) {
    let (corpus, tx) = (corpus.clone(), tx.clone());
    std::thread::spawn(move || {
        let index = SearchIndex::new(&corpus);
        let _ = tx.send(Message::SearchIndex(corpus, Box::new(index)));
    });
}

fn event_loop(
    source: &Source,
    corpus: Corpus,
    mouse: bool,
    tx: &Sender<Message>,
    rx: &Receiver<Message>,
) -> anyhow::Result<u8> {
    let mut terminal = fresh_terminal()?;
    let size = terminal.size()?;
    let mut app = App::new(corpus, source.name(), Theme::from_env(), size.width, size.height);
    let mut indexed = None;
    // For the tests of terminal restoration: a key that panics on purpose
    // (in debug builds only: the release binary has no such hook).
    #[cfg(debug_assertions)]
    let panic_key = std::env::var("WHOSAID_TEST_PANIC_KEY").ok().and_then(|k| k.chars().next());
    #[cfg(not(debug_assertions))]
    let panic_key: Option<char> = None;
    loop {
        terminal.draw(|frame| view::draw(frame, &app))?;
        // After the first frame of each annotation: its search index.
        if !indexed.as_ref().is_some_and(|c| Arc::ptr_eq(c, &app.corpus)) {
            index_in_background(&app.corpus, tx);
            indexed = Some(app.corpus.clone());
        }
        let mut batch = vec![rx.recv()?];
        batch.extend(rx.try_iter());
        let mut reload_pending = false;
        for message in batch {
            let effect = match message {
                Message::Terminal(crossterm::event::Event::Key(key)) => {
                    if panic_key.is_some_and(|k| key.code == crossterm::event::KeyCode::Char(k)) {
                        panic!("a test asked for a panic (WHOSAID_TEST_PANIC_KEY)");
                    }
                    app.handle(Event::Key(key))
                }
                Message::Terminal(crossterm::event::Event::Mouse(m)) => app.handle(Event::Mouse(m)),
                Message::Terminal(crossterm::event::Event::Resize(w, h)) => app.handle(Event::Resize(w, h)),
                Message::Terminal(_) => None,
                Message::FileChanged => {
                    reload_pending = true;
                    None
                }
                Message::Signal(SIGCONT) => {
                    init_terminal(mouse)?;
                    terminal = fresh_terminal()?;
                    None
                }
                Message::Signal(signal) => return Ok(128 + signal as u8),
                Message::SearchIndex(built_for, index) => app.handle(Event::SearchIndex(built_for, index)),
                Message::Notice(notice) => app.handle(Event::Notice(notice)),
            };
            match effect {
                None => {}
                Some(Effect::Quit) => return Ok(EXIT_OK),
                Some(Effect::Reload) => reload_pending = true,
                Some(Effect::Copy(text)) => {
                    let mut out = std::io::stdout();
                    out.write_all(clipboard::osc52(&text).as_bytes())?;
                    out.flush()?;
                }
                Some(Effect::Suspend) => {
                    restore_terminal(mouse);
                    signal_hook::low_level::raise(SIGTSTP)?;
                    init_terminal(mouse)?;
                    terminal = fresh_terminal()?;
                }
            }
        }
        if reload_pending {
            if *source == Source::BuiltIn {
                app.handle(Event::Notice("the built-in article cannot change; nothing to reload".into()));
            } else {
                app.handle(Event::Reloaded(reload(source)));
            }
        }
    }
}

type Term = Terminal<CrosstermBackend<std::io::Stdout>>;

/// A terminal on a cleared screen, so that the next frame is drawn whole.
/// (`Terminal::clear` would ask the terminal for its cursor position, an
/// answer the thread reading input would swallow.)
fn fresh_terminal() -> std::io::Result<Term> {
    execute!(std::io::stdout(), Clear(ClearType::All))?;
    Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

fn init_terminal(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    let mut out = std::io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves the terminal as it was; safe to call more than once.
fn restore_terminal(mouse: bool) {
    let mut out = std::io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal(mouse);
        previous(info);
    }));
}

fn spawn_terminal_reader(tx: Sender<Message>) {
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if tx.send(Message::Terminal(event)).is_err() {
                break;
            }
        }
    });
}

fn listen_for_signals(tx: Sender<Message>) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Message::Signal(signal)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Watches the annotation files and their article texts (their
/// directories, so that editors which save by renaming are seen too). The
/// built-in article is not watched; a watch that cannot be set up is said.
fn watch(
    source: &Source,
    corpus: &Corpus,
    tx: Sender<Message>,
) -> Result<Option<notify::RecommendedWatcher>, String> {
    use notify::{RecursiveMode, Watcher};
    let Source::Paths(paths) = source else { return Ok(None) };
    let texts = corpus.articles.iter().filter_map(|a| a.text_file.clone());
    let files: Vec<PathBuf> = paths.iter().cloned().chain(texts).map(absolute).collect();
    let watched = files.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        if event.paths.iter().any(|p| watched.iter().any(|w| absolute(p.clone()) == *w)) {
            let _ = tx.send(Message::FileChanged);
        }
    })
    .map_err(|e| format!("cannot watch the files for changes ({e})"))?;
    for file in &files {
        if let Some(dir) = file.parent() {
            watcher
                .watch(dir, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {} for changes ({e})", dir.display()))?;
        }
    }
    Ok(Some(watcher))
}

fn absolute(path: PathBuf) -> PathBuf {
    let path = std::path::absolute(&path).unwrap_or(path);
    match (path.parent().and_then(|d| d.canonicalize().ok()), path.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}
