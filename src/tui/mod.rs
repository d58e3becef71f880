//! The browser's loop. Everything here is I/O: the terminal is taken and
//! given back by [`terminal`], the files are watched by [`watch`], slow
//! work runs in [`jobs`]; the state lives in [`app`] and the drawing in
//! [`view`].
//!
//! Events from the terminal, the file watcher, the workers and signal
//! handlers all arrive on one channel; the loop handles whatever is
//! waiting, hands what the App wants computed to the workers, then draws
//! once.

mod annotate;
pub mod app;
pub mod article;
pub mod article_layout;
mod browse;
mod clipboard;
pub mod config;
pub mod details;
pub mod form;
pub mod history;
mod intent;
pub mod reading;
mod reload;
pub mod rows;
pub mod timeline;

mod help;
pub mod jobs;
pub mod keymap;
pub mod layout;
mod loader;
pub mod matrix;
pub mod mode;
pub mod scroll;
pub mod search;
mod terminal;
pub mod theme;
pub mod view;
mod watch;

use crate::cli::Status;
use crate::model::{Corpus, Progress, Source};
use app::Problems;
use app::{App, Effect, Event};
use jobs::{Computations, Computed};
use loader::{Loaded, Loader, Report};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};
use terminal::Guard;
use theme::Theme;

enum Message {
    Terminal(crossterm::event::Event),
    FileChanged(Vec<PathBuf>),
    Signal(i32),
    Computed(Computed),
    Load(Report),
}

/// How long the browser waits for a quick load before it takes the screen:
/// a broken file is then reported on the terminal, as `check` would.
const QUICK_LOAD: Duration = Duration::from_millis(60);

/// Opens the browser on what the paths name (the built-in article when
/// there are none); returns the exit status.
pub fn run(paths: &[PathBuf], mouse: bool) -> anyhow::Result<Status> {
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
            return Ok(Status::Usage);
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
    let signals = tx.clone();
    terminal::listen_for_signals(move |signal| signals.send(Message::Signal(signal)).is_ok())?;
    let input = tx.clone();
    let reader = terminal::spawn_reader(move |event| input.send(Message::Terminal(event)).is_ok());
    let guard = Guard::take(mouse)?;
    for message in early {
        let _ = tx.send(message);
    }
    let result = event_loop(&source, loader, (&guard, &reader), (config, &config_problems), &tx, &rx);
    drop(guard);
    // Said again where it stays: the status line showed only the first.
    for problem in &config_problems {
        eprintln!("{} (whosaid ran on its defaults)", problem.render());
    }
    match result {
        Ok(Exit::Status(status)) => Ok(status),
        // A load that failed after the screen was taken: said now that the
        // terminal is back.
        Ok(Exit::Failed(loaded)) => Ok(fatal(&loaded, &source).unwrap_or(Status::Errors)),
        Err(e) => Err(e),
    }
}

/// How the loop ended.
enum Exit {
    Status(Status),
    /// The first load found nothing to show.
    Failed(Loaded),
}

/// A load that leaves nothing to browse: its diagnostics printed, and the
/// exit status (1 errors, 2 a path that cannot be read).
fn fatal(loaded: &Loaded, source: &Source) -> Option<Status> {
    match loaded {
        Loaded::Unreadable(why) => {
            eprintln!("whosaid: {why}");
            Some(Status::Usage)
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
            Some(Status::Errors)
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

fn event_loop(
    source: &Source,
    mut loader: Loader,
    (guard, reader): (&Guard, &terminal::Reader),
    (config, config_problems): (config::Config, &[crate::model::Diagnostic]),
    tx: &Sender<Message>,
    rx: &Receiver<Message>,
) -> anyhow::Result<Exit> {
    let mut terminal = terminal::fresh_terminal()?;
    let to_loop = tx.clone();
    let mut computations = Computations::start(move |computed| {
        let _ = to_loop.send(Message::Computed(computed));
    });
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
    // The outcome of a load a newer request overtook, and what it wrote.
    let mut overtaken: Option<(Loaded, loader::WriteOutcomes)> = None;
    // For the tests of terminal restoration: a key that panics on purpose
    // (in debug builds only: the release binary has no such hook).
    #[cfg(debug_assertions)]
    let panic_key = std::env::var("WHOSAID_TEST_PANIC_KEY").ok().and_then(|k| k.chars().next());
    #[cfg(not(debug_assertions))]
    let panic_key: Option<char> = None;
    loop {
        terminal.draw(|frame| view::draw(frame, &app))?;
        for wanted in app.take_wanted() {
            computations.request(&app.corpus, app.generation, wanted);
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
                Message::Signal(signal_hook::consts::SIGCONT) => {
                    terminal = guard.resume()?;
                    None
                }
                Message::Signal(signal) => return Ok(Exit::Status(Status::Signal(signal as u8))),
                Message::Computed(computed) => app.handle(Event::Computed(computed)),
                Message::Load(Report::Progress(p)) => app.handle(Event::Loading(p)),
                Message::Load(Report::Done { ticket, loaded, written, files, directories }) => {
                    // A newer request overtakes an older load; but the newer
                    // may find nothing changed since (the watcher saw the
                    // browser's own writing), and then the older one stands.
                    // What the overtaken load wrote is said after the
                    // corpus that shows it is in place.
                    let (loaded, written) = match (loaded, overtaken.take()) {
                        (Loaded::Unchanged, Some((earlier, mut before))) => {
                            before.extend(written);
                            (earlier, before)
                        }
                        (loaded, Some((_, mut before))) => {
                            before.extend(written);
                            (loaded, before)
                        }
                        (loaded, None) => (loaded, written),
                    };
                    if !loader.is_newest(ticket) {
                        overtaken = Some((loaded, written));
                        continue;
                    }
                    let first = !app.opened;
                    if first && fatal_kind(&loaded) {
                        return Ok(Exit::Failed(loaded));
                    }
                    if *source != Source::BuiltIn {
                        let to_loop = tx.clone();
                        watcher = Some(watch::watch(&files, &directories, move |changed| {
                            let _ = to_loop.send(Message::FileChanged(changed));
                        }));
                        if let Some(Err(why)) = &watcher {
                            app.handle(Event::Notice(format!("{why} · r reloads by hand")));
                        }
                    }
                    apply(&mut app, loaded, first);
                    app.handle(Event::Written(written))
                }
            };
            match effect {
                None => {}
                Some(Effect::Quit) => return Ok(Exit::Status(Status::Clean)),
                Some(Effect::Reload) => {
                    changed.clear();
                    reload = true;
                }
                Some(Effect::Copy(text)) => {
                    let mut out = std::io::stdout();
                    out.write_all(clipboard::osc52(&text).as_bytes())?;
                    out.flush()?;
                }
                Some(Effect::Suspend) => terminal = guard.suspend()?,
                Some(Effect::Write(change)) => {
                    loader.write(*change);
                    app.handle(Event::Loading(Progress::default()));
                }
                Some(Effect::Edit { file, line }) => {
                    // The editor alone reads the keys while it runs.
                    reader.pause();
                    guard.release();
                    let outcome = terminal::run_editor(&file, line);
                    terminal = guard.resume()?;
                    reader.resume();
                    match outcome {
                        Ok(()) => {
                            changed.push(file);
                            reload = true;
                        }
                        Err(why) => {
                            app.handle(Event::Notice(why));
                        }
                    }
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
        Loaded::Unchanged => app.loading = None,
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
