//! Loading: files → one checked, resolved, anchored [`Corpus`], with every
//! problem found reported as a [`Diagnostic`] rather than only the first.
//!
//! The paths given are expanded into files ([`files`]: directories walked,
//! corpus files followed); each file is read on its own, on every core
//! ([`document`]: the YAML, its sections, its quotes anchored); then the
//! files are put together ([`assemble`]: one namespace, references
//! resolved). Problems name their node by a `NodePath`; positions are
//! looked up once at the end (see `locate`), and only when there is
//! something to report.

mod article;
mod assemble;
mod document;
mod fields;
mod files;
mod issues;
mod quotes;
mod read;
mod speakers;

pub use article::check_date;
pub use read::{TextFiles, TextProblem, Unreadable, read_text};

use super::Corpus;
use super::diagnostic::{Diagnostic, Severity};
use super::locate::{self, NodePath, Position};
use document::Document;
use fields::Walker;
use read::{BUILTIN_NAME, BUILTIN_YAML, ReadError, read_capped, too_large};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where annotations come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The article that ships inside the binary.
    BuiltIn,
    /// Files, directories and corpus files given on the command line.
    Paths(Vec<PathBuf>),
}

impl Source {
    /// The built-in article without paths, else the paths.
    pub fn from_args(paths: &[PathBuf]) -> Source {
        if paths.is_empty() { Source::BuiltIn } else { Source::Paths(paths.to_vec()) }
    }

    /// How messages name the source: the built-in article, or the paths as given.
    pub fn name(&self) -> String {
        match self {
            Source::BuiltIn => BUILTIN_NAME.to_string(),
            Source::Paths(paths) => {
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            }
        }
    }
}

/// What loading found: a usable corpus (perhaps with warnings), or the
/// errors that make it unusable.
#[derive(Debug, Clone)]
pub enum LoadOutcome {
    Valid {
        corpus: Corpus,
        warnings: Vec<Diagnostic>,
    },
    /// `usable` is the corpus of the files without errors, when there are
    /// several files and some of them are good: the browser shows it while
    /// the broken ones are fixed.
    Invalid {
        diagnostics: Vec<Diagnostic>,
        usable: Option<Corpus>,
        /// The files `usable` leaves out: those with errors, and those
        /// that break without them (they use what a broken file defines).
        left_out: Vec<String>,
    },
}

impl LoadOutcome {
    /// Every diagnostic, file by file, each file's in position order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadOutcome::Valid { warnings, .. } => warnings,
            LoadOutcome::Invalid { diagnostics, .. } => diagnostics,
        }
    }

    pub fn corpus(&self) -> Option<&Corpus> {
        match self {
            LoadOutcome::Valid { corpus, .. } => Some(corpus),
            LoadOutcome::Invalid { .. } => None,
        }
    }

    pub fn into_corpus(self) -> Option<Corpus> {
        match self {
            LoadOutcome::Valid { corpus, .. } => Some(corpus),
            LoadOutcome::Invalid { .. } => None,
        }
    }

    pub fn errors(&self) -> usize {
        self.diagnostics().iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics().iter().filter(|d| d.severity == Severity::Warning).count()
    }
}

/// One file of a source, as `check` sums it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub name: String,
    pub is_corpus: bool,
    pub quotes: usize,
    /// Speakers and issues the file defines.
    pub speakers: usize,
    pub issues: usize,
}

/// How far a load has come: files read of those known, quotes read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files: usize,
    pub total: usize,
    pub quotes: usize,
}

/// The files of a source, read, kept so that a change to one of them is
/// read again alone.
pub struct Library {
    source: Source,
    docs: Vec<Document>,
    /// The file of each document (none for the built-in article).
    paths: Vec<Option<PathBuf>>,
    /// What each document's files are on disk (`files::identity`), found
    /// once: a change names its file in any form, and finding which of a
    /// thousand documents it is must not ask the file system a thousand times.
    identities: Vec<Identity>,
    kept: assemble::Kept,
}

/// A document's annotation file and article text file, as `files::identity` gives them.
#[derive(Default)]
struct Identity {
    file: Option<PathBuf>,
    text: Option<PathBuf>,
}

impl Identity {
    fn of(path: Option<&PathBuf>, doc: &Document) -> Identity {
        let text = doc.article.as_ref().and_then(|a| a.text_file.as_ref());
        Identity { file: path.map(|p| files::identity(p)), text: text.map(|p| files::identity(p)) }
    }

    /// Whether `file` (an identity) is one of these.
    fn names(&self, file: &PathBuf) -> bool {
        Some(file) == self.file.as_ref() || Some(file) == self.text.as_ref()
    }
}

/// Loads annotations from their source.
pub fn load(source: &Source) -> Result<LoadOutcome, Unreadable> {
    Library::open(source, &|_| {}).map(|(_, outcome)| outcome)
}

/// Loads one annotation from the bytes of its file; `text_files` reads the
/// article text file it may name.
pub fn load_bytes(name: &str, bytes: &[u8], text_files: &TextFiles) -> LoadOutcome {
    let doc = document::read(name.to_string(), &stem(Path::new(name)), bytes, text_files);
    outcome(&[doc], None)
}

impl Library {
    /// Reads every file of the source and puts them together; `progress`
    /// hears of every file read.
    pub fn open(
        source: &Source,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<(Library, LoadOutcome), Unreadable> {
        let mut library = Library {
            source: source.clone(),
            docs: Vec::new(),
            paths: Vec::new(),
            identities: Vec::new(),
            kept: assemble::Kept::default(),
        };
        match source {
            Source::BuiltIn => {
                let doc = document::read(
                    BUILTIN_NAME.into(),
                    "nato-open-doors",
                    BUILTIN_YAML.as_bytes(),
                    &read::builtin_text,
                );
                library.docs.push(doc);
                library.paths.push(None);
            }
            Source::Paths(paths) => {
                let files = files::expand(paths)?;
                library.read_with_corpora(files, progress);
            }
        }
        library.identify();
        let outcome = outcome(&library.docs, Some(&mut library.kept));
        Ok((library, outcome))
    }

    /// Reads `files`, then the article files of any corpus file among them.
    fn read_with_corpora(&mut self, files: Vec<PathBuf>, progress: &(dyn Fn(Progress) + Sync)) {
        let mut queue = files;
        let mut seen: Vec<PathBuf> = Vec::new();
        let done = AtomicUsize::new(0);
        let quotes = AtomicUsize::new(0);
        while !queue.is_empty() {
            let batch: Vec<PathBuf> = std::mem::take(&mut queue)
                .into_iter()
                .filter(|p| {
                    let key = files::identity(p);
                    let new = !seen.contains(&key);
                    seen.push(key);
                    new
                })
                .collect();
            let total = seen.len();
            let report = |doc: &Document| {
                let files = done.fetch_add(1, Ordering::Relaxed) + 1;
                let quotes = quotes.fetch_add(doc.quotes.len(), Ordering::Relaxed) + doc.quotes.len();
                progress(Progress { files, total, quotes });
            };
            let start = self.docs.len();
            for (path, doc) in batch.iter().zip(read_all(&batch, &report)) {
                self.docs.push(doc);
                self.paths.push(Some(path.clone()));
            }
            for d in start..self.docs.len() {
                if (self.docs[d].is_corpus() || self.docs[d].corpus_like)
                    && let Some(path) = self.paths[d].clone()
                {
                    queue.extend(self.corpus_articles(d, &path));
                }
            }
        }
        // A corpus file's definitions are the corpus's: they come first.
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by_key(|&d| !self.docs[d].is_corpus());
        let mut docs: Vec<Option<Document>> = std::mem::take(&mut self.docs).into_iter().map(Some).collect();
        let paths = std::mem::take(&mut self.paths);
        for d in order {
            self.docs.push(docs[d].take().expect("each document once"));
            self.paths.push(paths[d].clone());
        }
    }

    /// The article files of corpus file `d`: those it lists, else every
    /// other annotation beside it and below. A listed file that cannot be
    /// read is reported at its entry.
    fn corpus_articles(&mut self, d: usize, path: &Path) -> Vec<PathBuf> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let Some(listed) = self.docs[d].listed.clone() else {
            return files::walk(&dir)
                .into_iter()
                .filter(|p| files::identity(p) != files::identity(path))
                .collect();
        };
        let mut out = Vec::new();
        for (name, node) in listed {
            let full = dir.join(&name);
            match std::fs::metadata(&full) {
                Ok(meta) if meta.is_file() => out.push(full),
                Ok(_) => {
                    self.docs[d].walker.error(node, format!("`{name}` is a directory; list annotation files"))
                }
                Err(_) => self.docs[d].walker.error(
                    node,
                    format!(
                        "cannot read the article file `{name}`: no such file (looked for {})",
                        full.display()
                    ),
                ),
            }
        }
        out
    }

    /// Reads the files that changed again (or everything, when the set of
    /// files may have changed: a corpus file, a file new to a directory)
    /// and puts the corpus together anew; `progress` hears of every file read.
    pub fn reload(
        &mut self,
        changed: &[PathBuf],
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<LoadOutcome, Unreadable> {
        let changed: Vec<PathBuf> = changed.iter().map(|p| files::identity(p)).collect();
        let known = |ids: &[Identity], p: &PathBuf| ids.iter().any(|i| i.names(p));
        if !changed.iter().all(|p| known(&self.identities, p)) {
            // A file may be another one now (a link made or moved): look again.
            self.identify();
        }
        // A file the corpus does not know yet may join it: a new annotation beside the others.
        let unknown = !changed.iter().all(|p| known(&self.identities, p));
        let targeted: Vec<usize> =
            (0..self.docs.len()).filter(|&d| changed.iter().any(|p| self.identities[d].names(p))).collect();
        // A file gone from a directory the source names leaves the corpus;
        // a file named on the command line that is gone is an error.
        let named: Vec<PathBuf> = match &self.source {
            Source::Paths(paths) => paths.iter().map(|p| files::identity(p)).collect(),
            Source::BuiltIn => Vec::new(),
        };
        let gone = targeted.iter().any(|&d| {
            self.paths[d].as_ref().is_some_and(|p| !p.exists() && !named.contains(&files::identity(p)))
        });
        let structural = targeted.is_empty()
            || unknown
            || gone
            || targeted.iter().any(|&d| self.docs[d].is_corpus() || self.docs[d].corpus_like)
            || self.paths.iter().any(Option::is_none);
        if structural {
            let (library, outcome) = Library::open(&self.source, progress)?;
            *self = library;
            return Ok(outcome);
        }
        let total = targeted.len();
        let mut quotes = 0;
        for (n, d) in targeted.into_iter().enumerate() {
            let Some(path) = self.paths[d].clone() else { continue };
            self.docs[d] = read_file(&path);
            self.identities[d] = Identity::of(Some(&path), &self.docs[d]);
            // A file that became a corpus file decides which files there are.
            if self.docs[d].is_corpus() || self.docs[d].corpus_like {
                let (library, outcome) = Library::open(&self.source, progress)?;
                *self = library;
                return Ok(outcome);
            }
            quotes += self.docs[d].quotes.len();
            progress(Progress { files: n + 1, total, quotes });
        }
        Ok(outcome(&self.docs, Some(&mut self.kept)))
    }

    /// Finds what every document's files are on disk.
    fn identify(&mut self) {
        self.identities =
            (self.paths.iter().zip(&self.docs)).map(|(p, d)| Identity::of(p.as_ref(), d)).collect();
    }

    /// The document read from `file`, by its index.
    fn document_of(&self, file: &Path) -> Option<usize> {
        let wanted = Some(files::identity(file));
        self.identities.iter().position(|i| i.file == wanted)
    }

    /// The YAML `file` was last read from, when it is one of the source's files.
    pub fn source_of(&self, file: &Path) -> Option<&str> {
        self.document_of(file).map(|d| self.docs[d].source.as_str())
    }

    /// Puts the corpus together with annotation `file` read from `yaml`
    /// instead of from disk. When that is valid, `persist` is asked to put
    /// `yaml` on disk, and on success the library keeps it: the valid
    /// outcome. Otherwise nothing changes: the problems, errors first (or
    /// why `persist` failed).
    pub fn replace(
        &mut self,
        file: &Path,
        yaml: &str,
        persist: impl FnOnce() -> Result<(), String>,
    ) -> Result<LoadOutcome, Vec<String>> {
        let Some(d) = self.document_of(file) else {
            return Err(vec![format!("{} is not one of the files open", file.display())]);
        };
        let name = self.docs[d].name.clone();
        let mut doc =
            document::read(name, &stem(file), yaml.as_bytes(), &|f| read::text_file_beside(file, f));
        if let Some(article) = &mut doc.article {
            article.file = Some(file.to_path_buf());
        }
        if doc.is_corpus() != self.docs[d].is_corpus() {
            return Err(vec![format!(
                "{} would change from an article's file to a corpus file",
                file.display()
            )]);
        }
        let before = std::mem::replace(&mut self.docs[d], doc);
        let outcome = outcome(&self.docs, Some(&mut self.kept));
        let refused = match &outcome {
            LoadOutcome::Valid { .. } => persist().err().map(|why| vec![why]),
            LoadOutcome::Invalid { diagnostics, .. } => {
                // The edited file's errors first: they are what the change did.
                let mut lines: Vec<&Diagnostic> = diagnostics.iter().filter(|e| e.is_error()).collect();
                lines.sort_by_key(|e| e.file != self.docs[d].name);
                Some(lines.iter().map(|e| e.render()).collect())
            }
        };
        match refused {
            Some(lines) => {
                self.docs[d] = before;
                Err(lines)
            }
            None => {
                self.identities[d] = Identity::of(self.paths[d].as_ref(), &self.docs[d]);
                Ok(outcome)
            }
        }
    }

    /// Each file read, summed up.
    pub fn summaries(&self) -> Vec<FileSummary> {
        self.docs
            .iter()
            .map(|d| FileSummary {
                name: d.name.clone(),
                is_corpus: d.is_corpus(),
                quotes: d.quotes.len(),
                speakers: d.speakers.len(),
                issues: d.issues.len(),
            })
            .collect()
    }

    /// Every file the corpus is made of: annotations and article texts, to watch.
    pub fn files(&self) -> Vec<PathBuf> {
        let texts = self.docs.iter().filter_map(|d| d.article.as_ref()?.text_file.clone());
        self.paths.iter().flatten().cloned().chain(texts).collect()
    }

    /// The directories where a new file joins the corpus: those the source
    /// names, and those of corpus files that list no articles (theirs are
    /// every annotation beside them and below, a file deleted and put back
    /// among them).
    pub fn directories(&self) -> Vec<PathBuf> {
        let named: Vec<PathBuf> = match &self.source {
            Source::BuiltIn => Vec::new(),
            Source::Paths(paths) => paths.iter().filter(|p| p.is_dir()).cloned().collect(),
        };
        let unlisted = (self.docs.iter().zip(&self.paths))
            .filter(|(doc, _)| (doc.is_corpus() || doc.corpus_like) && doc.listed.is_none())
            .filter_map(|(_, path)| path.as_deref().map(directory_of));
        named.into_iter().chain(unlisted).collect()
    }
}

/// The directory a file is in (`.` for a bare file name).
fn directory_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Reads files on every core; each document comes back in its file's place.
fn read_all(paths: &[PathBuf], report: &(dyn Fn(&Document) + Sync)) -> Vec<Document> {
    crate::cores::map_on_every_core(paths.len(), |i| {
        let doc = read_file(&paths[i]);
        report(&doc);
        doc
    })
}

/// Reads one annotation file from disk; a file that cannot be read is a
/// document with that one error.
fn read_file(path: &Path) -> Document {
    let name = path.display().to_string();
    match read_capped(path) {
        Ok(bytes) => {
            let mut doc =
                document::read(name, &stem(path), &bytes, &|file| read::text_file_beside(path, file));
            if let Some(article) = &mut doc.article {
                article.file = Some(path.to_path_buf());
            }
            doc
        }
        Err(ReadError::TooLarge(size)) => {
            Document::failed(name, Position::START, too_large("the file", size))
        }
        Err(ReadError::Io(e)) => {
            Document::failed(name, Position::START, format!("cannot read the file: {e}"))
        }
    }
}

/// A file's name without its directory and extension: an article's default id.
fn stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.split(' ').next().unwrap_or_default();
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string()
}

/// Puts the documents together and places their diagnostics. When some
/// files are broken, the others are put together on their own too. `kept`
/// is what the last assembly of these documents kept (see [`assemble::Kept`]).
fn outcome(docs: &[Document], kept: Option<&mut assemble::Kept>) -> LoadOutcome {
    let mut walkers: Vec<Walker> = docs.iter().map(|_| Walker::default()).collect();
    let corpus = assemble::assemble(docs, &mut walkers, kept);
    let diagnostics: Vec<Diagnostic> = docs.iter().zip(walkers).flat_map(|(d, w)| located(d, w)).collect();
    match corpus {
        Some(corpus) => LoadOutcome::Valid { corpus, warnings: diagnostics },
        None => {
            let (usable, kept) = match good_part(docs) {
                Some((corpus, kept)) => (Some(corpus), kept),
                None => (None, vec![false; docs.len()]),
            };
            let left_out = docs.iter().zip(kept).filter(|(_, k)| !k).map(|(d, _)| d.name.clone()).collect();
            LoadOutcome::Invalid { usable, diagnostics, left_out }
        }
    }
}

/// The corpus of the files that have no errors, leaving out in turn those
/// that break once others are left out, and which files it keeps; none for
/// a single file.
fn good_part(docs: &[Document]) -> Option<(Corpus, Vec<bool>)> {
    if docs.iter().filter(|d| d.article.is_some()).count() < 2 {
        return None;
    }
    let mut keep: Vec<bool> = docs.iter().map(|d| !d.has_errors()).collect();
    loop {
        let chosen: Vec<Document> =
            docs.iter().zip(&keep).filter(|(_, k)| **k).map(|(d, _)| d.clone()).collect();
        if !chosen.iter().any(|d| d.article.is_some()) {
            return None;
        }
        let mut walkers: Vec<Walker> = chosen.iter().map(|_| Walker::default()).collect();
        if let Some(corpus) = assemble::assemble(&chosen, &mut walkers, None) {
            return Some((corpus, keep));
        }
        let mut broken = walkers.iter().map(Walker::has_errors);
        let before = keep.iter().filter(|k| **k).count();
        for k in keep.iter_mut().filter(|k| **k) {
            *k = !broken.next().unwrap_or(false);
        }
        if keep.iter().filter(|k| **k).count() == before {
            return None;
        }
    }
}

/// A document's diagnostics (its own and those its assembly found) with
/// their lines and columns, in position order.
fn located(doc: &Document, assembly: Walker) -> Vec<Diagnostic> {
    let diagnostic =
        |severity, position, message| Diagnostic { file: doc.name.clone(), severity, position, message };
    if let Some((position, message)) = &doc.fatal {
        return vec![diagnostic(Severity::Error, *position, message.clone())];
    }
    let pending: Vec<&fields::Pending> = doc.walker.pending.iter().chain(&assembly.pending).collect();
    if pending.is_empty() {
        return Vec::new();
    }
    let paths: Vec<NodePath> = pending.iter().map(|p| p.path).collect();
    let positions = locate::locate(&doc.source, &paths);
    let mut out: Vec<Diagnostic> = pending
        .into_iter()
        .zip(positions)
        .map(|(p, position)| diagnostic(p.severity, position, p.message.clone()))
        .collect();
    out.sort_by_key(|d| d.position);
    out
}
