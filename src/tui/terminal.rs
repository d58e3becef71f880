//! The terminal at the browser's edge: taken (raw mode, alternate screen,
//! mouse) and always given back as it was — on quitting, on a suspend, on
//! a panic — and the threads that turn its input and the process's signals
//! into messages for the loop.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

pub type Term = Terminal<CrosstermBackend<std::io::Stdout>>;

/// A terminal on a cleared screen, so that the next frame is drawn whole.
/// (`Terminal::clear` would ask the terminal for its cursor position, an
/// answer the thread reading input would swallow.)
pub fn fresh_terminal() -> std::io::Result<Term> {
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

/// The thread reading the terminal's input. It stops reading while the
/// user's editor has the terminal, so that no key goes astray.
pub struct Reader {
    state: Arc<(Mutex<Reading>, Condvar)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    On,
    PauseAsked,
    Paused,
}

/// Reads the terminal's input on a thread of its own; stops when `send`
/// finds nobody listening.
pub fn spawn_reader(send: impl Fn(crossterm::event::Event) -> bool + Send + 'static) -> Reader {
    let state = Arc::new((Mutex::new(Reading::On), Condvar::new()));
    let shared = state.clone();
    std::thread::spawn(move || {
        let (lock, changed) = &*shared;
        loop {
            {
                let mut reading = lock.lock().unwrap_or_else(|e| e.into_inner());
                if *reading == Reading::PauseAsked {
                    *reading = Reading::Paused;
                    changed.notify_all();
                }
                while *reading == Reading::Paused {
                    reading = changed.wait(reading).unwrap_or_else(|e| e.into_inner());
                }
            }
            // A short wait for input, so that a pause is seen at once.
            match crossterm::event::poll(Duration::from_millis(20)) {
                Ok(false) => continue,
                Ok(true) => match crossterm::event::read() {
                    Ok(event) => {
                        if !send(event) {
                            break;
                        }
                    }
                    Err(_) => break,
                },
                Err(_) => break,
            }
        }
    });
    Reader { state }
}

impl Reader {
    /// Stops reading input; returns once the thread no longer reads (or a
    /// second has passed, should it be gone).
    pub fn pause(&self) {
        let (lock, changed) = &*self.state;
        let mut reading = lock.lock().unwrap_or_else(|e| e.into_inner());
        *reading = Reading::PauseAsked;
        let deadline = std::time::Instant::now() + Duration::from_secs(1);
        while *reading == Reading::PauseAsked {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            reading = changed.wait_timeout(reading, left).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    pub fn resume(&self) {
        let (lock, changed) = &*self.state;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = Reading::On;
        changed.notify_all();
    }
}

/// Turns the signals that end or resume the browser into calls of `send`,
/// on a thread of its own.
pub fn listen_for_signals(send: impl Fn(i32) -> bool + Send + 'static) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if !send(signal) {
                break;
            }
        }
    });
    Ok(())
}

/// The terminal, taken for as long as the guard lives: dropping it gives
/// the terminal back, and a panic meanwhile does too.
pub struct Guard {
    mouse: bool,
}

impl Guard {
    pub fn take(mouse: bool) -> std::io::Result<Guard> {
        install_panic_hook(mouse);
        init_terminal(mouse)?;
        Ok(Guard { mouse })
    }

    /// Gives the terminal to another program until it ends (the editor):
    /// given back now, taken again with [`Guard::resume`].
    pub fn release(&self) {
        restore_terminal(self.mouse);
    }

    /// Gives the terminal back while the process is stopped (Ctrl-z), and
    /// takes it again when it resumes; returns a terminal to draw on.
    pub fn suspend(&self) -> std::io::Result<Term> {
        restore_terminal(self.mouse);
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        self.resume()
    }

    /// Takes the terminal again after the shell took it (SIGCONT).
    pub fn resume(&self) -> std::io::Result<Term> {
        init_terminal(self.mouse)?;
        fresh_terminal()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal(self.mouse);
    }
}

/// Runs the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a file
/// at a line (`+LINE`, which vi, vim, nano, emacs, micro and kakoune
/// read), with the terminal given back until it ends.
pub fn run_editor(file: &std::path::Path, line: usize) -> Result<(), String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    // `code --wait`, `emacsclient -t`: a command with its arguments.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(format!("+{line}"))
        .arg(file)
        .status()
        .map_err(|e| format!("cannot run the editor `{editor}` ({e}) · set $VISUAL or $EDITOR"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor `{editor}` ended with {status}; the file reloads if it changed"))
    }
}
