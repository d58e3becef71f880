//! One annotation file, read on its own: its YAML parsed, every section
//! checked, its quotes anchored in its article. What refers to other items
//! (speakers, issues, quotes) stays as ids until [`super::assemble`] sees
//! every file.

use super::article::ARTICLE_KEYS;
use super::fields::Walker;
use super::issues::RawIssue;
use super::quotes::RawQuote;
use super::read::{TextFiles, utf8_error_at};
use super::speakers::RawSpeaker;
use crate::model::Article;
use crate::model::anchor::FoldedArticle;
use crate::model::locate::{NodePath, Position};
use crate::model::yaml::{self, Node};

const ROOT_KEYS: &[&str] = &["whosaid", "article", "speakers", "issues", "quotes"];
// `Fields` has room for this many keys.
const _: () =
    assert!(ROOT_KEYS.len() <= super::fields::MAX_KEYS && ARTICLE_KEYS.len() <= super::fields::MAX_KEYS);

/// One file's content, checked but not yet resolved against the others.
pub struct Document {
    /// The file as diagnostics name it.
    pub name: String,
    /// Its YAML, kept to find the line and column of what a diagnostic names.
    pub source: String,
    /// A problem that stopped the reading before there was a tree (not
    /// UTF-8, not YAML, too large): its position is known already.
    pub fatal: Option<(Position, String)>,
    pub article: Option<Article>,
    pub quotes: Vec<RawQuote>,
    pub speakers: Vec<RawSpeaker>,
    pub issues: Vec<RawIssue>,
    pub walker: Walker,
}

impl Document {
    /// A file that stops at its first problem.
    pub fn failed(name: String, position: Position, message: String) -> Document {
        Document {
            name,
            source: String::new(),
            fatal: Some((position, message)),
            article: None,
            quotes: Vec::new(),
            speakers: Vec::new(),
            issues: Vec::new(),
            walker: Walker::default(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fatal.is_some() || self.walker.has_errors()
    }
}

/// Reads one annotation file from its bytes. `default_id` is the article's
/// id unless the file gives one.
pub fn read(name: String, default_id: &str, bytes: &[u8], text_files: &TextFiles) -> Document {
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let (position, byte) = utf8_error_at(bytes, e.valid_up_to());
            let message = format!("the file is not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8");
            return Document::failed(name, position, message);
        }
    };
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let position = Position { line: e.line, column: e.column };
            return Document::failed(name, position, format!("invalid YAML: {}", e.message));
        }
    };
    let mut doc =
        Document { source: source.to_string(), ..Document::failed(name, Position::START, String::new()) };
    doc.fatal = None;
    let w = &mut doc.walker;
    if root == Node::Null {
        w.error(
            NodePath::ROOT,
            "the file is empty: an annotation needs at least `article:` with a title and its text",
        );
        return doc;
    }
    let Some(mut root) = w.fields(root, NodePath::ROOT, "the file", ROOT_KEYS) else { return doc };
    if let Some((version, path)) = root.get("whosaid")
        && *version != Node::Int(1)
    {
        let shown = version.as_text().unwrap_or_else(|| version.kind_name().to_string());
        w.error(path, format!("unsupported format version `{shown}` (this whosaid reads version 1)"));
    }
    let mut article = match root.take("article") {
        Some((node, path)) => w.article(node, path, text_files),
        None => {
            w.error(NodePath::ROOT, "the file has no `article` (its title and text)");
            Article::default()
        }
    };
    if article.id.is_empty() {
        article.id = default_id.to_string();
    }
    // Fold the article's white space on the other core while the
    // speakers, issues and quotes are read; the text comes back with it.
    let text = std::mem::take(&mut article.text);
    let folding = std::thread::spawn(move || {
        let folded = FoldedArticle::new(&text);
        (text, folded)
    });
    doc.speakers = w.speakers(&mut root);
    doc.issues = w.issues(&mut root);
    let nodes = w.section(&mut root, "quotes");
    doc.quotes = w.quotes(nodes);
    let (text, folded) = folding.join().expect("folding the article does not panic");
    article.text = text;
    w.anchor(&article, &folded, &mut doc.quotes);
    doc.article = Some(article);
    doc
}
