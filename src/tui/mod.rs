//! The browser's edge: the terminal, the event loop, file watching and
//! signals. Everything here is I/O; the state lives in [`app`] and the
//! drawing in [`view`].
//!
//! Events from the terminal, the file watcher and signal handlers all arrive
//! on one channel; the loop handles whatever is waiting, then draws once.

pub mod app;
pub mod article;
pub mod article_layout;
mod browse;
mod clipboard;
pub mod config;
pub mod details;
pub mod history;
pub mod reading;
mod reload;
pub mod rows;
pub mod timeline;

mod help;
pub mod keymap;
pub mod layout;
mod loader;
pub mod matrix;
pub mod mode;
pub mod scroll;
pub mod search;
pub mod theme;
pub mod view;

use crate::commands::{EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::model::{Corpus, Progress, Source};
use crate::query::SearchIndex;
use app::Problems;
use app::{App, Effect, Event};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use loader::{Loaded, Loader, Report};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};
use theme::Theme;

enum Message {
    Terminal(crossterm::event::Event),
    FileChanged(Vec<PathBuf>),
    Signal(i32),
    SearchIndex(Arc<Corpus>, Box<SearchIndex>),
    Load(Report),
}

/// How long the browser waits for a quick load before it takes the screen:
/// a broken file is then reported on the terminal, as `check` would.
const QUICK_LOAD: Duration = Duration::from_millis(60);

/// Opens the browser on what the paths name (the built-in article when
/// there are none); returns the exit status.
pub fn run(paths: &[PathBuf], mouse: bool) -> anyhow::Result<u8> {
    let source = Source::from_args(paths);
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
    let (config, config_problems) = config::load();
    let (tx, rx) = mpsc::channel();
    let to_loop = tx.clone();
    let loader = Loader::start(source.clone(), move |report| {
        let _ = to_loop.send(Message::Load(report));
    });
    let mut early = Vec::new();
    let deadline = Instant::now() + QUICK_LOAD;
    while let Ok(message) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let done = matches!(message, Message::Load(Report::Done { .. }));
        if let Message::Load(Report::Done { loaded, .. }) = &message
            && let Some(status) = fatal(loaded, &source)
        {
            return Ok(status);
        }
        early.push(message);
        if done {
            break;
        }
    }
    listen_for_signals(tx.clone())?;
    spawn_terminal_reader(tx.clone());
    install_panic_hook(mouse);
    init_terminal(mouse)?;
    for message in early {
        let _ = tx.send(message);
    }
    let result = event_loop(&source, loader, mouse, (config, &config_problems), &tx, &rx);
    restore_terminal(mouse);
    // Said again where it stays: the status line showed only the first.
    for problem in &config_problems {
        eprintln!("{} (whosaid ran on its defaults)", problem.render());
    }
    match result {
        Ok(Exit::Status(status)) => Ok(status),
        // A load that failed after the screen was taken: said now that the
        // terminal is back.
        Ok(Exit::Failed(loaded)) => Ok(fatal(&loaded, &source).unwrap_or(EXIT_ERRORS)),
        Err(e) => Err(e),
    }
}

/// How the loop ended.
enum Exit {
    Status(u8),
    /// The first load found nothing to show.
    Failed(Loaded),
}

/// A load that leaves nothing to browse: its diagnostics printed, and the
/// exit status (1 errors, 2 a path that cannot be read).
fn fatal(loaded: &Loaded, source: &Source) -> Option<u8> {
    match loaded {
        Loaded::Unreadable(why) => {
            eprintln!("whosaid: {why}");
            Some(EXIT_USAGE)
        }
        Loaded::Broken { lines, usable: None, .. } => {
            for line in lines {
                eprintln!("{line}");
            }
            let n = lines.iter().filter(|l| l.contains(": error: ")).count();
            eprintln!(
                "whosaid: {} has {n} error{}; `whosaid check` lists them",
                crate::text::one_line(&source.name()),
                if n == 1 { "" } else { "s" }
            );
            Some(EXIT_ERRORS)
        }
        _ => None,
    }
}

/// What the status line says of warnings, if there are any.
fn warnings_notice(warnings: usize) -> Option<String> {
    match warnings {
        0 => None,
        1 => Some("1 warning · `whosaid check` shows it".into()),
        n => Some(format!("{n} warnings · `whosaid check` lists them")),
    }
}

/// Builds the search index of a corpus on another thread, so that the
/// first `/` finds it ready.
fn index_in_background(corpus: &Arc<Corpus>, tx: &Sender<Message>) {
    let (corpus, tx) = (corpus.clone(), tx.clone());
    std::thread::spawn(move || {
        let index = SearchIndex::new(&corpus);
        let _ = tx.send(Message::SearchIndex(corpus, Box::new(index)));
    });
}

fn event_loop(
    source: &Source,
    mut loader: Loader,
    mouse: bool,
    (config, config_problems): (config::Config, &[crate::model::Diagnostic]),
    tx: &Sender<Message>,
    rx: &Receiver<Message>,
) -> anyhow::Result<Exit> {
    let mut terminal = fresh_terminal()?;
    let size = terminal.size()?;
    let mut app =
        App::new(Corpus::blank("loading…"), source.name(), Theme::from_env(), size.width, size.height);
    app.configure(config);
    if let Some(first) = config_problems.first() {
        // The problem first, as a narrow status line cuts the end: the file
        // by its name only (all of them, with the path, after quitting).
        let more = match config_problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        app.message = Some(format!(
            "config.toml:{}:{}: {}{more} · defaults in use",
            first.position.line, first.position.column, first.message
        ));
    }
    app.loading = Some(Progress::default());
    app.opened = false;
    let mut watcher = None;
    let mut indexed: Option<Arc<Corpus>> = None;
    // For the tests of terminal restoration: a key that panics on purpose
    // (in debug builds only: the release binary has no such hook).
    #[cfg(debug_assertions)]
    let panic_key = std::env::var("WHOSAID_TEST_PANIC_KEY").ok().and_then(|k| k.chars().next());
    #[cfg(not(debug_assertions))]
    let panic_key: Option<char> = None;
    loop {
        terminal.draw(|frame| view::draw(frame, &app))?;
        // After the first frame of each corpus: its search index, unless
        // an active search already built it (once per reload either way).
        if app.loading.is_none() && !indexed.as_ref().is_some_and(|c| Arc::ptr_eq(c, &app.corpus)) {
            if !app.search.has_index() {
                index_in_background(&app.corpus, tx);
            }
            indexed = Some(app.corpus.clone());
        }
        let mut batch = vec![rx.recv()?];
        batch.extend(rx.try_iter());
        let mut changed: Vec<PathBuf> = Vec::new();
        let mut reload = false;
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
                Message::FileChanged(paths) => {
                    changed.extend(paths);
                    reload = true;
                    None
                }
                Message::Signal(SIGCONT) => {
                    init_terminal(mouse)?;
                    terminal = fresh_terminal()?;
                    None
                }
                Message::Signal(signal) => return Ok(Exit::Status(128 + signal as u8)),
                Message::SearchIndex(built_for, index) => app.handle(Event::SearchIndex(built_for, index)),
                Message::Load(Report::Progress(p)) => app.handle(Event::Loading(p)),
                Message::Load(Report::Done { generation, loaded, files, directories }) => {
                    // An older load's outcome is of no use once a newer one was asked for.
                    if generation < loader.generation {
                        continue;
                    }
                    let first = !app.opened;
                    if first && fatal_kind(&loaded) {
                        return Ok(Exit::Failed(loaded));
                    }
                    if *source != Source::BuiltIn {
                        watcher = Some(watch(&files, &directories, tx.clone()));
                        if let Some(Err(why)) = &watcher {
                            app.handle(Event::Notice(format!("{why} · r reloads by hand")));
                        }
                    }
                    apply(&mut app, loaded, first)
                }
            };
            match effect {
                None => {}
                Some(Effect::Quit) => return Ok(Exit::Status(EXIT_OK)),
                Some(Effect::Reload) => {
                    changed.clear();
                    reload = true;
                }
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
        if reload {
            if *source == Source::BuiltIn {
                app.handle(Event::Notice("the built-in article cannot change; nothing to reload".into()));
            } else {
                loader.reload(changed);
                app.handle(Event::Loading(Progress::default()));
            }
        }
        let _ = &watcher;
    }
}

fn fatal_kind(loaded: &Loaded) -> bool {
    matches!(loaded, Loaded::Unreadable(_) | Loaded::Broken { usable: None, .. })
}

/// Hands a load's outcome to the App: the corpus, or the banner over the
/// last good state (or over the files that are fine).
fn apply(app: &mut App, loaded: Loaded, first: bool) -> Option<Effect> {
    match loaded {
        Loaded::Good { corpus, warnings } => {
            app.handle(Event::Reloaded(Ok(corpus)));
            if first && let Some(notice) = warnings_notice(warnings) {
                app.handle(Event::Notice(notice));
            }
        }
        Loaded::Broken { lines, broken, left_out, usable } => {
            let head = if usable.is_some() {
                left_out_head(&broken, &left_out)
            } else {
                format!(
                    "reload failed: showing the last good version of {} · fix the file and it reloads",
                    app.name
                )
            };
            app.handle(Event::Reloaded(Err(Problems { head, lines, usable })));
        }
        Loaded::Unreadable(why) => {
            let head = format!("reload failed: showing the last good version of {}", app.name);
            app.handle(Event::Reloaded(Err(Problems { head, lines: vec![why], usable: None })));
        }
    }
    None
}

/// The banner's first line when some files are shown and others left out:
/// every file left out is named, those with errors first.
fn left_out_head(broken: &[String], left_out: &[String]) -> String {
    let files = |n: usize| if n == 1 { "1 file".to_string() } else { format!("{n} files") };
    // The diagnostics below name the files in full; here their common
    // directory is left out.
    let dirs = left_out.iter().map(|f| f.rfind('/').map_or("", |i| &f[..=i]));
    let common = dirs.reduce(|a, b| if a == b { a } else { "" }).unwrap_or("");
    let short = |f: &String| f.strip_prefix(common).unwrap_or(f).to_string();
    let (broken, left_out): (Vec<String>, Vec<String>) =
        (broken.iter().map(short).collect(), left_out.iter().map(short).collect());
    let mut head = format!("{} left out: {} with errors", files(left_out.len()), broken.join(", "));
    let dependent: Vec<&str> = left_out.iter().filter(|f| !broken.contains(f)).map(String::as_str).collect();
    if !dependent.is_empty() {
        let (verb, pronoun) = if broken.len() == 1 { ("defines", "it") } else { ("define", "they") };
        head.push_str(&format!(
            "; {} use{} what {pronoun} {verb}",
            dependent.join(", "),
            if dependent.len() == 1 { "s" } else { "" }
        ));
    }
    head.push_str(" · fix and it loads");
    head
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

/// Watches the corpus's files (through their directories, so that editors
/// that save by renaming are seen too) and the directories it was opened
/// from (a new file there joins); a watch that cannot be set up is said.
fn watch(
    files: &[PathBuf],
    directories: &[PathBuf],
    tx: Sender<Message>,
) -> Result<notify::RecommendedWatcher, String> {
    use notify::{RecursiveMode, Watcher};
    let files: Vec<PathBuf> = files.iter().cloned().map(absolute).collect();
    let roots: Vec<PathBuf> = directories.iter().cloned().map(absolute).collect();
    let (watched, under) = (files.clone(), roots.clone());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        let paths: Vec<PathBuf> = event.paths.iter().cloned().map(absolute).collect();
        let ours = |p: &PathBuf| {
            watched.contains(p)
                || (under.iter().any(|r| p.starts_with(r))
                    && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        };
        let changed: Vec<PathBuf> = paths.into_iter().filter(ours).collect();
        if !changed.is_empty() {
            let _ = tx.send(Message::FileChanged(changed));
        }
    })
    .map_err(|e| format!("cannot watch the files for changes ({e})"))?;
    let mut dirs: Vec<PathBuf> = files.iter().filter_map(|f| f.parent().map(PathBuf::from)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs.iter().filter(|d| !roots.iter().any(|r| d.starts_with(r))) {
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {} for changes ({e})", dir.display()))?;
    }
    for root in &roots {
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {} for changes ({e})", root.display()))?;
    }
    Ok(watcher)
}

fn absolute(path: PathBuf) -> PathBuf {
    let path = std::path::absolute(&path).unwrap_or(path);
    match (path.parent().and_then(|d| d.canonicalize().ok()), path.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}
