//! Loading off the screen's thread: a worker owns the [`Library`], reads
//! the files when the browser starts and again when they change, and sends
//! back progress and outcomes. The browser keeps drawing and answering
//! keys meanwhile. Requests that pile up while a load runs are merged, and
//! every outcome carries the number of the request it answers, so that an
//! older load never overwrites a newer one.

use crate::model::{Corpus, Library, LoadOutcome, Progress, Severity, Source};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

/// What a load came to, for the browser.
pub enum Loaded {
    /// A usable corpus, with its warnings.
    Good { corpus: Box<Corpus>, warnings: usize },
    /// Errors: the diagnostics (errors first) and, when only some files
    /// are broken, the corpus of the others.
    /// `broken` names the files with errors, `left_out` every file the
    /// usable corpus leaves out (those that use what a broken file defines too).
    Broken { lines: Vec<String>, broken: Vec<String>, left_out: Vec<String>, usable: Option<Box<Corpus>> },
    /// The source could not be read at all.
    Unreadable(String),
}

/// What the worker sends.
pub enum Report {
    Progress(Progress),
    /// The outcome of request number `generation`, and the files to watch.
    Done {
        generation: u64,
        loaded: Loaded,
        files: Vec<PathBuf>,
        directories: Vec<PathBuf>,
    },
}

/// The browser's end of the worker.
pub struct Loader {
    requests: Sender<(u64, Vec<PathBuf>)>,
    /// The number of the last request made.
    pub generation: u64,
}

impl Loader {
    /// Starts the worker and its first load (request 0); `send` carries its
    /// reports to the browser's loop.
    pub fn start(source: Source, send: impl Fn(Report) + Send + Sync + 'static) -> Loader {
        let (requests, incoming) = mpsc::channel();
        std::thread::spawn(move || work(source, incoming, send));
        Loader { requests, generation: 0 }
    }

    /// Asks for the files that changed to be read again (all of them, for
    /// an empty list).
    pub fn reload(&mut self, changed: Vec<PathBuf>) {
        self.generation += 1;
        let _ = self.requests.send((self.generation, changed));
    }
}

fn work(source: Source, incoming: Receiver<(u64, Vec<PathBuf>)>, send: impl Fn(Report) + Sync) {
    let progress = |p: Progress| send_progress(&send, p);
    let (mut library, outcome) = match Library::open(&source, &progress) {
        Ok(opened) => opened,
        Err(unreadable) => {
            let loaded = Loaded::Unreadable(unreadable.to_string());
            send(Report::Done { generation: 0, loaded, files: Vec::new(), directories: Vec::new() });
            return;
        }
    };
    send(Report::Done {
        generation: 0,
        loaded: loaded(outcome),
        files: library.files(),
        directories: library.directories(),
    });
    while let Ok((mut generation, mut changed)) = incoming.recv() {
        // Merge the requests that came meanwhile: the newest answers them all.
        let mut everything = changed.is_empty();
        for (g, more) in incoming.try_iter() {
            generation = g;
            everything |= more.is_empty();
            changed.extend(more);
        }
        if everything {
            changed.clear();
        }
        let loaded = match library.reload(&changed, &progress) {
            Ok(outcome) => loaded(outcome),
            Err(unreadable) => Loaded::Unreadable(unreadable.to_string()),
        };
        send(Report::Done { generation, loaded, files: library.files(), directories: library.directories() });
    }
}

/// Progress, at most every few files: a corpus of a thousand files need not
/// redraw a thousand times.
fn send_progress(send: &impl Fn(Report), p: Progress) {
    if p.files == p.total || p.files.is_multiple_of(16) {
        send(Report::Progress(p));
    }
}

fn loaded(outcome: LoadOutcome) -> Loaded {
    match outcome {
        LoadOutcome::Valid { corpus, warnings } => {
            Loaded::Good { corpus: Box::new(corpus), warnings: warnings.len() }
        }
        LoadOutcome::Invalid { mut diagnostics, usable, left_out } => {
            let mut broken: Vec<String> = Vec::new();
            for d in diagnostics.iter().filter(|d| d.is_error()) {
                if !broken.contains(&d.file) {
                    broken.push(d.file.clone());
                }
            }
            diagnostics.sort_by_key(|d| d.severity != Severity::Error);
            Loaded::Broken {
                lines: diagnostics.iter().map(|d| d.render()).collect(),
                broken,
                left_out,
                usable: usable.map(Box::new),
            }
        }
    }
}
