//! Loading off the screen's thread: a worker owns the [`Library`], reads
//! the files when the browser starts and again when they change, and sends
//! back progress and outcomes. The browser keeps drawing and answering
//! keys meanwhile. It is a [`Job`]: requests that pile up while a load runs
//! are merged into one, and every outcome carries the ticket of the request
//! it answers, so that an older load never overwrites a newer one.

use super::jobs::{Job, Ticket};
use crate::model::{Corpus, Library, LoadOutcome, Progress, Severity, Source};
use std::path::PathBuf;
use std::sync::Arc;

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
    /// The outcome of the request `ticket`, and the files to watch.
    Done {
        ticket: Ticket,
        loaded: Loaded,
        files: Vec<PathBuf>,
        directories: Vec<PathBuf>,
    },
}

/// The browser's end of the worker: a [`Job`] that owns the [`Library`].
pub struct Loader {
    job: Job<Vec<PathBuf>>,
}

impl Loader {
    /// Starts the worker and its first load; `send` carries its reports to
    /// the browser's loop.
    pub fn start(source: Source, send: impl Fn(Report) + Send + Sync + 'static) -> Loader {
        let send = Arc::new(send);
        let progress_to = send.clone();
        let mut library: Option<Library> = None;
        let work = move |waiting: Vec<Vec<PathBuf>>| {
            let progress = |p: Progress| send_progress(&*progress_to, p);
            // The newest request answers them all: everything when one of
            // them asked for everything.
            let changed = if waiting.iter().any(Vec::is_empty) { Vec::new() } else { waiting.concat() };
            let outcome = match library.as_mut() {
                Some(library) => library.reload(&changed, &progress),
                None => Library::open(&source, &progress).map(|(opened, outcome)| {
                    library = Some(opened);
                    outcome
                }),
            };
            let loaded = match outcome {
                Ok(outcome) => loaded(outcome),
                Err(unreadable) => Loaded::Unreadable(unreadable.to_string()),
            };
            let (files, directories) =
                library.as_ref().map_or_else(Default::default, |l| (l.files(), l.directories()));
            (loaded, files, directories)
        };
        let mut job = Job::start(work, move |ticket, (loaded, files, directories)| {
            send(Report::Done { ticket, loaded, files, directories })
        });
        job.request(Vec::new());
        Loader { job }
    }

    /// Asks for the files that changed to be read again (all of them, for
    /// an empty list).
    pub fn reload(&mut self, changed: Vec<PathBuf>) {
        self.job.request(changed);
    }

    /// Whether an outcome answers the newest request: an older load's
    /// outcome is of no use once a newer one was asked for.
    pub fn is_newest(&self, ticket: Ticket) -> bool {
        self.job.is_newest(ticket)
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
