//! Work too slow for a keystroke, off the screen's thread: loading the
//! files, the search index, `u`'s draft, a speaker's timeline.
//!
//! Every such computation runs through one type, [`Job`]: a worker thread
//! that takes requests, and when several have piled up while it worked,
//! answers only the newest (handing it the older ones too, for a load that
//! merges what changed). Each answer carries the ticket of the request it
//! answers, so that the browser can drop an answer a newer request has
//! overtaken; the App's own requests ([`Wanted`]) also carry the corpus
//! generation they were made for, and an answer for a corpus since
//! replaced is dropped too.

use super::app::{App, Event};
use super::mode::Mode;
use crate::model::{ArticleIx, Corpus, SpeakerIx};
use crate::query::SearchIndex;
use crate::suggest::Draft;
use crate::timeline::Timeline;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

/// The number of a request, counted per job from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Ticket(u64);

/// A worker that answers the newest of its requests.
pub struct Job<Request> {
    requests: Sender<(Ticket, Request)>,
    newest: Ticket,
}

impl<Request: Send + 'static> Job<Request> {
    /// Starts the worker. `work` gets the requests waiting, oldest first,
    /// and answers the last; `deliver` takes its answer and the ticket of
    /// the request answered.
    pub fn start<Answer>(
        mut work: impl FnMut(Vec<Request>) -> Answer + Send + 'static,
        deliver: impl Fn(Ticket, Answer) + Send + 'static,
    ) -> Job<Request> {
        let (requests, incoming) = mpsc::channel::<(Ticket, Request)>();
        std::thread::spawn(move || {
            while let Ok(first) = incoming.recv() {
                let (mut ticket, request) = first;
                let mut waiting = vec![request];
                for (t, r) in incoming.try_iter() {
                    ticket = t;
                    waiting.push(r);
                }
                deliver(ticket, work(waiting));
            }
        });
        Job { requests, newest: Ticket::default() }
    }

    /// Asks for `request` to be worked on; returns its ticket.
    pub fn request(&mut self, request: Request) -> Ticket {
        self.newest = Ticket(self.newest.0 + 1);
        let _ = self.requests.send((self.newest, request));
        self.newest
    }

    /// Whether an answer to `ticket` answers the newest request.
    pub fn is_newest(&self, ticket: Ticket) -> bool {
        ticket == self.newest
    }
}

/// Which corpus a request was made for: the App counts the corpora it has
/// shown.
pub type Generation = u64;

/// What the App wants computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// The search index of the corpus.
    SearchIndex,
    /// `suggest`'s draft of an article, for `u`'s marks.
    Draft(ArticleIx),
    /// A speaker's timeline.
    Timeline(SpeakerIx),
}

/// A computation's outcome, for the corpus of `generation`.
#[derive(Debug)]
pub struct Computed {
    pub generation: Generation,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    SearchIndex(Box<SearchIndex>),
    Draft {
        article: ArticleIx,
        text_hash: u64,
        draft: Box<Draft>,
    },
    /// A speaker's timeline, and where the speaker changed position in it.
    Timeline(Box<Timeline>, Vec<crate::changes::Change>),
}

/// Does what is wanted, on the corpus given (on a worker's thread, or on
/// the caller's in tests and benchmarks).
pub fn compute(corpus: &Corpus, generation: Generation, wanted: Wanted) -> Computed {
    let outcome = match wanted {
        Wanted::SearchIndex => Outcome::SearchIndex(Box::new(SearchIndex::new(corpus))),
        Wanted::Draft(article) => {
            let text = corpus.articles.get(article).map_or("", |a| &*a.text);
            // The folded text is for a draft file's occurrence counts, which the browser does not write.
            let draft = crate::suggest::Draft { folded: None, ..crate::suggest::suggest(text) };
            Outcome::Draft { article, text_hash: text_hash(text), draft: Box::new(draft) }
        }
        Wanted::Timeline(speaker) => {
            let grid = crate::timeline::build(corpus, speaker);
            let changes = crate::changes::in_timeline(corpus, &grid);
            Outcome::Timeline(Box::new(grid), changes)
        }
    };
    Computed { generation, outcome }
}

/// What tells one text from another, for a draft kept across reloads.
pub fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The App's computations, one job per kind, so that a draft never waits
/// behind an index.
pub struct Computations {
    jobs: [Job<(Arc<Corpus>, Generation, Wanted)>; 3],
}

impl Computations {
    /// Starts the workers; `deliver` carries each outcome to the loop.
    pub fn start(deliver: impl Fn(Computed) + Clone + Send + 'static) -> Computations {
        let job = || {
            let deliver = deliver.clone();
            Job::start(
                |mut waiting: Vec<(Arc<Corpus>, Generation, Wanted)>| {
                    let (corpus, generation, wanted) = waiting.pop().expect("one request at least");
                    compute(&corpus, generation, wanted)
                },
                move |_, computed| deliver(computed),
            )
        };
        Computations { jobs: [job(), job(), job()] }
    }

    pub fn request(&mut self, corpus: &Arc<Corpus>, generation: Generation, wanted: Wanted) {
        let kind = match wanted {
            Wanted::SearchIndex => 0,
            Wanted::Draft(_) => 1,
            Wanted::Timeline(_) => 2,
        };
        self.jobs[kind].request((corpus.clone(), generation, wanted));
    }
}

impl App {
    /// Asks for something to be computed in the background; the loop
    /// hands it to a worker, and the outcome comes back as
    /// [`Event::Computed`].
    pub(super) fn want(&mut self, wanted: Wanted) {
        if !self.wanted.contains(&wanted) {
            self.wanted.push(wanted);
        }
    }

    /// What the App waits for, for the loop to hand to the workers.
    pub fn take_wanted(&mut self) -> Vec<Wanted> {
        std::mem::take(&mut self.wanted)
    }

    /// Computes what the App waits for on this thread and takes it in, as
    /// the workers would: for tests and benchmarks.
    pub fn settle(&mut self) {
        loop {
            let wanted = self.take_wanted();
            if wanted.is_empty() {
                return;
            }
            for w in wanted {
                let computed = compute(&self.corpus, self.generation, w);
                self.handle(Event::Computed(computed));
            }
        }
    }

    /// Takes in a computation's outcome, unless the corpus it was made for
    /// has been replaced or the view that wanted it is gone.
    pub(super) fn take_computed(&mut self, computed: Computed) {
        let current = computed.generation == self.generation;
        match computed.outcome {
            Outcome::SearchIndex(index) if current => self.search.set_index(*index),
            // A draft depends on the text alone: kept whatever the corpus.
            Outcome::Draft { article, text_hash: hash, draft } => {
                let shown = text_hash(&self.shown_article().text);
                if article == self.article.shown && hash == shown {
                    self.article.drafted = Some((hash, *draft));
                    if self.article.uncovered.is_some()
                        && let Some(count) = self.mark_uncovered()
                        && std::mem::take(&mut self.article.announce)
                    {
                        self.message = Some(super::article::uncovered_message(count));
                    }
                }
            }
            Outcome::Timeline(grid, changes) if current => {
                let (area, speaker, mut grid, mut closed) = (self.area, grid.speaker, Some(*grid), false);
                let mut changes = Some(changes);
                self.mode.each_mut(&mut |mode| {
                    if let Mode::Timeline(t) = mode
                        && t.grid.is_none()
                        && t.speaker == speaker
                        && let Some(grid) = grid.take()
                    {
                        if grid.issues.is_empty() {
                            *mode = Mode::Browse;
                            closed = true;
                        } else {
                            t.take_grid(grid, changes.take().unwrap_or_default(), area);
                        }
                    }
                });
                if closed {
                    self.message = Some(format!("{} speaks to no issue", self.corpus.speaker_name(speaker)));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Barrier, Mutex};

    #[test]
    fn requests_that_piled_up_are_answered_once_by_the_newest() {
        let (tx, rx) = mpsc::channel();
        let gate = Arc::new(Barrier::new(2));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (worker_gate, worker_seen) = (gate.clone(), seen.clone());
        let mut job = Job::start(
            move |waiting: Vec<u32>| {
                worker_seen.lock().unwrap().push(waiting.clone());
                if waiting == [1] {
                    // Working on request 1 (first wait) until the others are in (second).
                    worker_gate.wait();
                    worker_gate.wait();
                }
                *waiting.last().unwrap()
            },
            move |ticket, answer| tx.send((ticket, answer)).unwrap(),
        );
        job.request(1);
        gate.wait();
        // While the worker holds on to request 1, three more pile up.
        for r in 2..=4 {
            job.request(r);
        }
        gate.wait();
        let first = rx.recv().unwrap();
        assert_eq!(first.1, 1);
        assert!(!job.is_newest(first.0), "request 1 was overtaken");
        let second = rx.recv().unwrap();
        assert_eq!(second.1, 4, "the newest request wins");
        assert!(job.is_newest(second.0));
        assert_eq!(*seen.lock().unwrap(), vec![vec![1], vec![2, 3, 4]]);
    }
}
