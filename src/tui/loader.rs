//! Loading off the screen's thread: a worker owns the [`Library`], reads
//! the files when the browser starts and again when they change, writes
//! the changes made in the browser (see [`crate::edit`]), and sends back
//! progress and outcomes. The browser keeps drawing and answering
//! keys meanwhile. It is a [`Job`]: requests that pile up while a load runs
//! are merged into one, and every outcome carries the ticket of the request
//! it answers, so that an older load never overwrites a newer one.

use super::jobs::{Job, Ticket};
use crate::edit::write::{Refused, write};
use crate::edit::{Change, Written};
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
    /// The files changed are as they were read (the browser wrote them).
    Unchanged,
}

/// What the worker is asked for.
pub enum Request {
    /// Read the files that changed again (all of them, for an empty list).
    Reload(Vec<PathBuf>),
    Write(Box<Change>),
}

/// Each change asked for, and how its writing went.
pub type WriteOutcomes = Vec<(Change, Result<Written, Refused>)>;

/// What the worker sends.
pub enum Report {
    Progress(Progress),
    /// The outcome of the request `ticket`, and the files to watch.
    Done {
        ticket: Ticket,
        loaded: Loaded,
        written: WriteOutcomes,
        files: Vec<PathBuf>,
        directories: Vec<PathBuf>,
    },
}

/// The browser's end of the worker: a [`Job`] that owns the [`Library`].
pub struct Loader {
    job: Job<Request>,
}

impl Loader {
    /// Starts the worker and its first load; `send` carries its reports to
    /// the browser's loop.
    pub fn start(source: Source, send: impl Fn(Report) + Send + Sync + 'static) -> Loader {
        let send = Arc::new(send);
        let progress_to = send.clone();
        let mut library: Option<Library> = None;
        let work = move |waiting: Vec<Request>| {
            let progress = |p: Progress| send_progress(&*progress_to, p);
            let mut reload: Option<Vec<PathBuf>> = None;
            let mut changes = Vec::new();
            for request in waiting {
                match request {
                    // Everything, when any request asked for everything.
                    Request::Reload(paths) => match &mut reload {
                        Some(all) if all.is_empty() => {}
                        Some(_) if paths.is_empty() => reload = Some(Vec::new()),
                        Some(some) => some.extend(paths),
                        None => reload = Some(paths),
                    },
                    Request::Write(change) => changes.push(*change),
                }
            }
            let mut outcome = None;
            let mut written = Vec::new();
            for change in changes {
                let result = match library.as_mut() {
                    Some(library) => write(library, &change).map(|(w, o)| {
                        outcome = Some(Ok(o));
                        w
                    }),
                    None => Err(Refused::Failed("nothing is open yet".into())),
                };
                // A file changed under the browser is read again.
                if let Err(Refused::ChangedOnDisk(_)) = &result {
                    let file = change.file().to_path_buf();
                    match &mut reload {
                        Some(all) if all.is_empty() => {}
                        Some(some) => some.push(file),
                        None => reload = Some(vec![file]),
                    }
                }
                written.push((change, result));
            }
            if let Some(changed) = reload
                && !library.as_ref().is_some_and(|l| as_read(l, &changed))
            {
                outcome = Some(match library.as_mut() {
                    Some(library) => library.reload(&changed, &progress),
                    None => Library::open(&source, &progress).map(|(opened, outcome)| {
                        library = Some(opened);
                        outcome
                    }),
                });
            }
            let loaded = match outcome {
                None => Loaded::Unchanged,
                Some(Ok(outcome)) => loaded(outcome),
                Some(Err(unreadable)) => Loaded::Unreadable(unreadable.to_string()),
            };
            let (files, directories) =
                library.as_ref().map_or_else(Default::default, |l| (l.files(), l.directories()));
            (loaded, written, files, directories)
        };
        let mut job = Job::start(work, move |ticket, (loaded, written, files, directories)| {
            send(Report::Done { ticket, loaded, written, files, directories })
        });
        job.request(Request::Reload(Vec::new()));
        Loader { job }
    }

    /// Asks for the files that changed to be read again (all of them, for
    /// an empty list).
    pub fn reload(&mut self, changed: Vec<PathBuf>) {
        self.job.request(Request::Reload(changed));
    }

    /// Asks for a change to be written; the corpus is read again with it.
    pub fn write(&mut self, change: Change) {
        self.job.request(Request::Write(Box::new(change)));
    }

    /// Whether an outcome answers the newest request: an older load's
    /// outcome is of no use once a newer one was asked for.
    pub fn is_newest(&self, ticket: Ticket) -> bool {
        self.job.is_newest(ticket)
    }
}

/// Whether every file named is an annotation file just as it was read:
/// the change the watcher saw was the browser's own writing.
fn as_read(library: &Library, changed: &[PathBuf]) -> bool {
    !changed.is_empty()
        && changed.iter().all(|p| {
            library.source_of(p).is_some_and(|read| std::fs::read_to_string(p).is_ok_and(|now| now == read))
        })
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
