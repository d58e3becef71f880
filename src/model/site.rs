//! Where a quote is written: its annotation file and the line its entry
//! starts on, found when asked (for `e`, which opens an editor there). The
//! loader keeps no positions for a valid file; the file is read again and
//! its quote entry located the way diagnostics locate what they name.

use super::locate::{NodePath, locate};
use super::yaml::{self, Node};
use super::{ArticleIx, Corpus, QuoteIx};
use std::path::PathBuf;

impl Corpus {
    /// The annotation file of an article, or why there is none.
    pub fn file_of(&self, article: ArticleIx) -> Result<PathBuf, String> {
        self.articles[article].file.clone().ok_or_else(|| {
            "the built-in article has no file to change · whosaid FILE opens yours (whosaid suggest drafts one)"
                .to_string()
        })
    }

    /// Whether a quote of article `article` at file place `from` or later
    /// may have no `id:` of its own (its id is that of its place, `qN`):
    /// inserting or deleting before it would renumber it, and quietly move
    /// whatever refers to it.
    pub fn implicit_ids_from(&self, article: ArticleIx, from: usize) -> bool {
        let quotes = self.quotes.ids().filter(|&q| self.quotes[q].article == article);
        quotes.enumerate().skip(from).any(|(place, q)| self.quotes[q].id == format!("q{}", place + 1))
    }

    /// Quote `q`'s place among its file's quotes: quotes are kept in file
    /// order, article after article.
    pub fn place_in_file(&self, q: QuoteIx) -> usize {
        let article = self.quotes[q].article;
        self.quotes.ids().filter(|&o| self.quotes[o].article == article).take_while(|&o| o != q).count()
    }

    /// The file that holds quote `q`, and the line its entry starts on; or
    /// why there is none (the built-in article, a file since changed).
    pub fn quote_site(&self, q: QuoteIx) -> Result<(PathBuf, usize), String> {
        let file = self.file_of(self.quotes[q].article)?;
        let index = self.place_in_file(q);
        let source =
            std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let Ok(Node::Map(entries)) = yaml::parse(&source) else {
            return Err(format!("{} is not as it was loaded; it reloads", file.display()));
        };
        let entry = entries.iter().position(|(k, _)| matches!(k, Node::Str(s) if s == "quotes"));
        let Some(entry) = entry else { return Err(format!("{} has no quotes now", file.display())) };
        let path = NodePath::ROOT.child(2 * entry as u32 + 1).child(index as u32);
        let line = locate(&source, &[path]).first().map_or(1, |p| p.line);
        Ok((file, line))
    }
}
