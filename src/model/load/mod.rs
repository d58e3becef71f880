//! Loading: files → one checked, resolved, anchored [`Corpus`], with every
//! problem found reported as a [`Diagnostic`] rather than only the first.
//!
//! Each file is read on its own ([`document`]: the YAML, its sections, its
//! quotes anchored), then the files are put together ([`assemble`]:
//! one namespace, references resolved). Problems name their node by a
//! `NodePath`; positions are looked up once at the end (see `locate`), and
//! only when there is something to report.

mod article;
mod assemble;
mod document;
mod fields;
mod issues;
mod quotes;
mod read;
mod speakers;

pub use read::{TextFiles, Unreadable};

use super::Corpus;
use super::diagnostic::{Diagnostic, Severity};
use super::locate::{self, NodePath, Position};
use document::Document;
use read::{BUILTIN_NAME, BUILTIN_YAML, ReadError, read_capped, too_large};
use std::path::{Path, PathBuf};

/// Where annotations come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The article that ships inside the binary.
    BuiltIn,
    /// Files given on the command line.
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
    Valid { corpus: Corpus, warnings: Vec<Diagnostic> },
    Invalid { diagnostics: Vec<Diagnostic> },
}

impl LoadOutcome {
    /// Every diagnostic, file by file, each file's in position order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadOutcome::Valid { warnings, .. } => warnings,
            LoadOutcome::Invalid { diagnostics } => diagnostics,
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

/// Loads annotations from their source.
pub fn load(source: &Source) -> Result<LoadOutcome, Unreadable> {
    match source {
        Source::BuiltIn => Ok(load_bytes(BUILTIN_NAME, BUILTIN_YAML.as_bytes(), &read::builtin_text)),
        Source::Paths(paths) => {
            let docs = paths.iter().map(|p| read_file(p)).collect::<Result<Vec<_>, _>>()?;
            Ok(outcome(docs, None))
        }
    }
}

/// Loads one annotation from the bytes of its file; `text_files` reads the
/// article text file it may name.
pub fn load_bytes(name: &str, bytes: &[u8], text_files: &TextFiles) -> LoadOutcome {
    let doc = document::read(name.to_string(), &stem(Path::new(name)), bytes, text_files);
    outcome(vec![doc], None)
}

/// Reads one annotation file from disk.
fn read_file(path: &Path) -> Result<Document, Unreadable> {
    let name = path.display().to_string();
    match read_capped(path) {
        Ok(bytes) => {
            Ok(document::read(name, &stem(path), &bytes, &|file| read::text_file_beside(path, file)))
        }
        Err(ReadError::TooLarge(size)) => {
            Ok(Document::failed(name, Position::START, too_large("the file", size)))
        }
        Err(ReadError::Io(e)) => Err(Unreadable(format!("cannot read {name}: {e}"))),
    }
}

/// A file's name without its directory and extension: an article's default id.
fn stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.split(' ').next().unwrap_or_default();
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string()
}

/// Puts the documents together and places their diagnostics.
fn outcome(mut docs: Vec<Document>, title: Option<String>) -> LoadOutcome {
    let corpus = assemble::assemble(&mut docs, title);
    let diagnostics: Vec<Diagnostic> = docs.iter_mut().flat_map(located).collect();
    match corpus {
        Some(corpus) => LoadOutcome::Valid { corpus, warnings: diagnostics },
        None => LoadOutcome::Invalid { diagnostics },
    }
}

/// A document's diagnostics with their lines and columns, in position order.
fn located(doc: &mut Document) -> Vec<Diagnostic> {
    let diagnostic =
        |severity, position, message| Diagnostic { file: doc.name.clone(), severity, position, message };
    if let Some((position, message)) = doc.fatal.take() {
        return vec![diagnostic(Severity::Error, position, message)];
    }
    let pending = std::mem::take(&mut doc.walker.pending);
    if pending.is_empty() {
        return Vec::new();
    }
    let paths: Vec<NodePath> = pending.iter().map(|p| p.path).collect();
    let positions = locate::locate(&doc.source, &paths);
    let mut out: Vec<Diagnostic> = pending
        .into_iter()
        .zip(positions)
        .map(|(p, position)| diagnostic(p.severity, position, p.message))
        .collect();
    out.sort_by_key(|d| d.position);
    out
}
