//! A reloaded corpus taken in: the filters, the selection, the shown
//! article and every open mode follow it, by id.

use super::app::App;
use super::article::longest_span;
use super::article_layout::ArticleLayout;
use super::mode::Mode;
use super::rows::ListRows;
use crate::filter::{Facets, Filters};
use crate::model::Corpus;
use std::sync::Arc;

impl App {
    /// Takes a reloaded corpus, keeping the filters and selection by id.
    pub(super) fn replace_corpus(&mut self, corpus: Corpus) {
        let old = &self.corpus;
        let speaker = self.filters.speaker.map(|s| old.speakers[s].id.clone());
        let issue = self.filters.issue.map(|i| old.issues[i].id.clone());
        let article = self.filters.article.map(|a| old.articles[a].id.clone());
        let quote = self.selected_quote().map(|q| old.quote_name(q).into_owned());
        let shown = old.articles[self.article.shown].id.clone();
        self.corpus = Arc::new(corpus);
        self.facets = Facets::new(&self.corpus);
        self.longest_span = longest_span(&self.corpus);
        self.rows = ListRows::new(&self.corpus);
        self.history.clear();
        let c = &self.corpus;
        let filters = Filters {
            speaker: speaker.and_then(|id| c.speaker_by_id(&id)),
            issue: issue.and_then(|id| c.issue_by_id(&id)),
            article: article.and_then(|id| c.article_by_id(&id)),
            relayed: self.filters.relayed,
        };
        let quote = quote.and_then(|id| c.quote_by_id(&id));
        self.article.shown = c.article_by_id(&shown).unwrap_or_default();
        self.banner.clear();
        self.search.reload(&self.corpus);
        let (folded, geometry) = (self.matrix_folded, self.matrix_grid());
        let corpus = self.corpus.clone();
        self.mode.each_mut(&mut |mode| match mode {
            Mode::Matrix(m) => {
                m.grid = crate::matrix::build(&corpus, folded);
                m.keep_visible(&geometry);
            }
            Mode::Timeline(t) => t.rebuild(&corpus),
            Mode::Reading(r) => r.reload(&corpus),
            _ => {}
        });
        self.set_filters(filters);
        self.article.layout = ArticleLayout::default();
        self.resize(self.area.width, self.area.height);
        self.reselect(quote);
        self.show_selected_quote();
        if self.article.uncovered.is_some() {
            self.mark_uncovered();
        }
    }
}
