//! The Article pane's state: which article is shown, wrapped to the pane's
//! width, where the cursor is, scrolling to the selected quote, the quotes
//! near a stretch of text, and what no quote covers yet (after `u`).

use super::app::App;
use super::article_layout::{ArticleLayout, looks_hard_wrapped};
use super::jobs::{Wanted, text_hash};
use super::layout::Pane;
use super::scroll::Scroll;
use crate::model::{Article, ArticleIx, Corpus, QuoteIx};
use crate::suggest::{Candidate, coverage};
use std::ops::Range;

/// The article pane: which article, wrapped to the pane's width, the
/// cursor row and the first row shown.
#[derive(Default)]
pub struct ArticleView {
    pub shown: ArticleIx,
    pub layout: ArticleLayout,
    /// `selected` is the cursor row, `offset` the first row shown.
    pub scroll: Scroll,
    /// While `u` marks them: the candidates `suggest` finds in the shown
    /// article that no quote covers, in text order.
    pub uncovered: Option<Vec<Candidate>>,
    /// The candidate `]` or `[` selected, with the quote selected then: it
    /// stays selected while that quote does.
    pub candidate: Option<(usize, Option<QuoteIx>)>,
    /// The last draft `suggest` made, by a hash of the text it read.
    pub drafted: Option<(u64, crate::suggest::Draft)>,
    /// Whether the count of uncovered candidates is to be said when the
    /// draft comes in (after `u`).
    pub announce: bool,
}

/// What the status line says of the uncovered candidates `u` marked.
pub fn uncovered_message(count: usize) -> String {
    match count {
        0 => "every candidate suggest finds in this article is covered by a quote".to_string(),
        1 => "1 candidate no quote covers, underlined in the article · u hides it".to_string(),
        n => format!("{n} candidates no quote covers, underlined in the article · u hides them"),
    }
}

impl App {
    /// The article the Article pane shows; an empty one when the corpus
    /// holds no article.
    pub fn shown_article(&self) -> &Article {
        static NONE: std::sync::LazyLock<Article> =
            std::sync::LazyLock::new(|| Article { line_starts: vec![0], ..Article::default() });
        self.corpus.articles.get(self.article.shown).unwrap_or(&NONE)
    }

    /// Whether the shown article's lines are joined into paragraphs.
    pub(super) fn reflows(&self) -> bool {
        let article = self.shown_article();
        article.reflow.unwrap_or_else(|| looks_hard_wrapped(&article.text))
    }

    /// Wraps the article to the pane's width, keeping the cursor on the
    /// same text.
    pub(super) fn rewrap(&mut self) {
        let layout = &self.article.layout;
        let cursor_offset = layout.rows.get(self.article.scroll.selected).map(|r| r.start);
        self.article.layout =
            ArticleLayout::new(&self.shown_article().text, self.article_width(), self.reflows());
        self.article.scroll.selected = cursor_offset.map_or(0, |o| self.article.layout.row_of(o));
    }

    /// Shows another article in the Article pane, from its top.
    pub(super) fn show_article(&mut self, article: ArticleIx) {
        if article == self.article.shown && self.article.layout.width == self.article_width() {
            return;
        }
        let other = article != self.article.shown;
        self.article.shown = article;
        self.article.scroll = Scroll::default();
        self.article.layout =
            ArticleLayout::new(&self.shown_article().text, self.article_width(), self.reflows());
        if other && self.article.uncovered.is_some() {
            self.mark_uncovered();
        }
    }

    /// Marks the candidates no quote covers in the shown article, from
    /// its draft when it is at hand; else the draft is asked for (see
    /// [`super::jobs`]) and the marks follow when it comes. Returns how
    /// many there are, once marked.
    pub fn mark_uncovered(&mut self) -> Option<usize> {
        let hash = text_hash(&self.shown_article().text);
        let Some((_, draft)) = self.article.drafted.as_ref().filter(|(h, _)| *h == hash) else {
            self.article.uncovered = Some(Vec::new());
            self.want(Wanted::Draft(self.article.shown));
            return None;
        };
        let covered = coverage::covered(&self.corpus, self.article.shown, draft);
        let uncovered: Vec<Candidate> =
            draft.candidates.iter().zip(&covered).filter(|(_, c)| !**c).map(|(c, _)| c.clone()).collect();
        let count = uncovered.len();
        self.article.uncovered = Some(uncovered);
        self.article.candidate = None;
        Some(count)
    }

    /// The candidate selected with `]` or `[`, while its quote stays selected.
    pub fn selected_candidate(&self) -> Option<(usize, &Candidate)> {
        let (i, with) = self.article.candidate?;
        if with != self.selected_quote() {
            return None;
        }
        self.article.uncovered.as_ref()?.get(i).map(|c| (i, c))
    }

    /// Who `suggest` says said a candidate, when it could name anyone.
    pub fn suggested_person(&self, candidate: &Candidate) -> Option<&crate::suggest::people::Person> {
        let (_, draft) = self.article.drafted.as_ref()?;
        draft.cast.people.get(candidate.speaker).filter(|p| p.sort != crate::suggest::people::Sort::Unknown)
    }

    /// Who `suggest` found passed a candidate's words on.
    pub fn suggested_via(&self, candidate: &Candidate) -> Option<&crate::suggest::people::Person> {
        let (_, draft) = self.article.drafted.as_ref()?;
        draft.cast.people.get(candidate.via?)
    }

    pub(super) fn keep_article_cursor_visible(&mut self) {
        let (height, rows) = (self.inner_rows(Pane::Article), self.article.layout.rows.len());
        self.article.scroll.keep_visible(height, rows);
    }

    /// Shows the selected quote's article, scrolled to the quote's span
    /// with the cursor on its first row and a little context above when it
    /// fits; without a quote, the filtered article.
    pub(super) fn show_selected_quote(&mut self) {
        let Some(q) = self.selected_quote() else {
            if let Some(a) = self.filters.article {
                self.show_article(a);
            }
            return;
        };
        self.show_article(self.corpus.quotes[q].article);
        let rows = self.article.layout.rows_of(&self.corpus.quotes[q].span);
        let height = self.inner_rows(Pane::Article);
        let scroll = &mut self.article.scroll;
        scroll.selected = rows.start;
        let fully_visible = rows.start >= scroll.offset && rows.end <= scroll.offset + height;
        if !fully_visible {
            let context = (height / 4).min(2);
            let span_rows = rows.end - rows.start;
            scroll.offset =
                if span_rows + context <= height { rows.start - context.min(rows.start) } else { rows.start };
        }
        self.keep_article_cursor_visible();
    }

    /// The quotes of the filter whose spans touch `range` of the shown
    /// article, in reading order; only the quotes near it are looked at.
    pub fn quotes_touching(&self, range: &Range<usize>) -> impl Iterator<Item = QuoteIx> + '_ {
        let c = &self.corpus;
        let shown = self.article.shown;
        let order = &c.order;
        let key = |q: QuoteIx| (c.quotes[q].article, c.quotes[q].span.start);
        let earliest = range.start.saturating_sub(self.longest_span);
        let from = order.partition_point(|&q| key(q) < (shown, earliest));
        let to = order.partition_point(|&q| key(q) < (shown, range.end.max(range.start + 1)));
        let range = range.clone();
        order[from..to].iter().copied().filter(move |&q| {
            let span = &c.quotes[q].span;
            self.list.passes[q] && span.end > range.start && span.start <= range.end
        })
    }
}

/// The longest quote span, for finding the quotes near a stretch of text.
pub(super) fn longest_span(c: &Corpus) -> usize {
    c.quotes.iter().map(|q| q.span.len()).max().unwrap_or(0)
}
