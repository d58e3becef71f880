//! One annotation file, read on its own: its YAML parsed, every section
//! checked, its quotes anchored in its article. What refers to other items
//! (speakers, issues, quotes) stays as ids until [`super::assemble`] sees
//! every file.

use super::article::{ARTICLE_KEYS, ArticleText, ReadText};
use super::fields::Walker;
use super::issues::RawIssue;
use super::quotes::RawQuote;
use super::read::{TextFiles, utf8_error_at};
use super::speakers::RawSpeaker;
use crate::model::Article;
use crate::model::anchor::FoldedArticle;
use crate::model::locate::{NodePath, Position};
use crate::model::yaml::{self, Node};
use std::sync::atomic::{AtomicU64, Ordering};

const ROOT_KEYS: &[&str] = &["whosaid", "article", "speakers", "issues", "quotes", "rejected"];
const CORPUS_ROOT_KEYS: &[&str] = &["whosaid", "corpus", "speakers", "issues", "articles"];
const CORPUS_KEYS: &[&str] = &["title", "description"];
// `Fields` has room for this many keys.
const _: () =
    assert!(ROOT_KEYS.len() <= super::fields::MAX_KEYS && ARTICLE_KEYS.len() <= super::fields::MAX_KEYS);

static READINGS: AtomicU64 = AtomicU64::new(0);

/// One file's content, checked but not yet resolved against the others.
#[derive(Clone)]
pub struct Document {
    /// The file as diagnostics name it.
    pub name: String,
    /// Its YAML, kept to find the line and column of what a diagnostic names.
    pub source: String,
    /// A problem that stopped the reading before there was a tree (not
    /// UTF-8, not YAML, too large): its position is known already.
    pub fatal: Option<(Position, String)>,
    pub article: Option<Article>,
    /// For a corpus file (`corpus:` and no `article:`): its title.
    pub corpus_title: Option<String>,
    /// For a corpus file: the article files it lists, relative to it, when it lists them.
    pub listed: Option<Vec<(String, NodePath)>>,
    /// A file too broken to read that looks like a corpus file (named
    /// `corpus.yaml`, or a line `corpus:` and none `article:`): the
    /// annotations beside it are opened all the same.
    pub corpus_like: bool,
    pub quotes: Vec<RawQuote>,
    pub speakers: Vec<RawSpeaker>,
    pub issues: Vec<RawIssue>,
    pub walker: Walker,
    /// Which reading this is: every document read gets a number of its
    /// own, so that what was made of it can be kept until it is read again.
    /// A document is never changed after its reading (only its `walker`
    /// and its article's `file` are set): a change is a new reading.
    pub reading: u64,
}

impl Document {
    /// A file that stops at its first problem.
    pub fn failed(name: String, position: Position, message: String) -> Document {
        Document {
            name,
            source: String::new(),
            fatal: Some((position, message)),
            article: None,
            corpus_title: None,
            listed: None,
            corpus_like: false,
            quotes: Vec::new(),
            speakers: Vec::new(),
            issues: Vec::new(),
            walker: Walker::default(),
            reading: READINGS.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fatal.is_some() || self.walker.has_errors()
    }

    pub fn is_corpus(&self) -> bool {
        self.corpus_title.is_some()
    }
}

/// Reads one annotation file from its bytes. `default_id` is the article's
/// id unless the file gives one.
pub fn read(name: String, default_id: &str, bytes: &[u8], text_files: &TextFiles) -> Document {
    let corpus_like = |mut doc: Document| {
        doc.corpus_like = looks_like_corpus(default_id, bytes);
        doc
    };
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let (position, byte) = utf8_error_at(bytes, e.valid_up_to());
            let message = format!("the file is not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8");
            return corpus_like(Document::failed(name, position, message));
        }
    };
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let position = Position { line: e.line, column: e.column };
            return corpus_like(Document::failed(name, position, format!("invalid YAML: {}", e.message)));
        }
    };
    let mut doc =
        Document { source: source.to_string(), ..Document::failed(name, Position::START, String::new()) };
    doc.fatal = None;
    if root == Node::Null {
        doc.corpus_like = looks_like_corpus(default_id, bytes);
        let w = &mut doc.walker;
        w.error(
            NodePath::ROOT,
            "the file is empty: an annotation needs at least `article:` with a title and its text",
        );
        return doc;
    }
    if is_corpus_file(&root) {
        read_corpus(&mut doc, root);
        return doc;
    }
    let w = &mut doc.walker;
    let Some(mut root) = w.fields(root, NodePath::ROOT, "the file", ROOT_KEYS) else { return doc };
    check_version(w, &root);
    let (mut article, text) = match root.take("article") {
        Some((node, path)) => w.article(node, path),
        None => {
            w.error(NodePath::ROOT, "the file has no `article` (its title and text)");
            (Article::default(), ArticleText::Missing)
        }
    };
    if article.id.is_empty() {
        article.id = default_id.to_string();
    }
    // Read the article's text and fold its white space on the other core
    // while the speakers, issues and quotes are walked.
    let (read, folded, mut rejected) = std::thread::scope(|scope| {
        let reading = scope.spawn(|| {
            let read = text.read(text_files);
            let folded = match &read {
                ReadText::Read { text, .. } => FoldedArticle::new(text),
                _ => FoldedArticle::new(""),
            };
            (read, folded)
        });
        doc.speakers = w.speakers(&mut root);
        doc.issues = w.issues(&mut root);
        let nodes = w.section(&mut root, "quotes");
        doc.quotes = w.quotes(nodes);
        let nodes = w.section(&mut root, "rejected");
        let rejected = w.rejected(nodes);
        let (read, folded) = reading.join().expect("reading the article does not panic");
        (read, folded, rejected)
    });
    let text = w.take_text(read, &mut article);
    drop(root);
    article.text = text.into();
    w.anchor(&article, &folded, &mut doc.quotes, "quote");
    w.anchor(&article, &folded, &mut rejected, "rejected candidate's");
    article.rejected =
        rejected.iter().filter_map(|r| Some(r.spans.first()?.start..r.spans.last()?.end)).collect();
    doc.article = Some(article);
    doc
}

/// Whether a file that could not be read as YAML was meant as a corpus
/// file: named `corpus`, or with a line `corpus:` and none `article:`.
fn looks_like_corpus(default_id: &str, bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let top = |key: &str| text.lines().any(|l| l.starts_with(key));
    default_id == "corpus" || (top("corpus:") && !top("article:"))
}

/// A corpus file: its top level has `corpus:` and no `article:`.
fn is_corpus_file(root: &Node) -> bool {
    let Node::Map(entries) = root else { return false };
    let has = |key: &str| entries.iter().any(|(k, _)| *k == Node::Str(key.into()));
    has("corpus") && !has("article")
}

fn check_version(w: &mut Walker, root: &super::fields::Fields) {
    if let Some((version, path)) = root.get("whosaid")
        && *version != Node::Int(1)
    {
        let shown = version.as_text().unwrap_or_else(|| version.kind_name().to_string());
        w.error(path, format!("unsupported format version `{shown}` (this whosaid reads version 1)"));
    }
}

/// A corpus file: its title, the speakers and issues it shares, and the
/// article files it lists.
fn read_corpus(doc: &mut Document, root: Node) {
    let w = &mut doc.walker;
    let Some(mut root) = w.fields(root, NodePath::ROOT, "a corpus file", CORPUS_ROOT_KEYS) else { return };
    check_version(w, &root);
    let mut title = String::new();
    if let Some((node, path)) = root.take("corpus")
        && let Some(mut f) = w.fields(node, path, "the corpus", CORPUS_KEYS)
    {
        title = w.text(&mut f, "title", "the corpus", true).map(|t| t.0).unwrap_or_default();
        w.text(&mut f, "description", "the corpus", false);
    }
    doc.corpus_title = Some(title);
    doc.speakers = w.speakers(&mut root);
    doc.issues = w.issues(&mut root);
    if let Some((node, path)) = root.take("articles") {
        let empty = "`articles` lists no file: name the article files, or leave `articles` out \
                     to open every annotation beside the corpus file and below";
        let lists_nothing = match &node {
            Node::Null => true,
            Node::Seq(items) => items.is_empty(),
            _ => false,
        };
        doc.listed = Some(match node {
            _ if lists_nothing => {
                w.error(path, empty.to_string());
                Vec::new()
            }
            Node::Seq(items) => w.text_items(items, path, "articles"),
            other => {
                w.error(path, format!("`articles` should be a list of files, found {}", other.kind_name()));
                Vec::new()
            }
        });
    }
}
