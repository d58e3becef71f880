//! A reloaded corpus taken in. Everything the browser remembers — the
//! filters, the selection, the shown article, the history, the search's
//! saved place, every open view — is carried to the new corpus by id
//! through one [`Remap`]; what is gone is let go and said in the status line.

use super::app::App;
use super::article::longest_span;
use super::article_layout::ArticleLayout;
use super::jobs::Wanted;
use super::mode::Mode;
use super::rows::ListRows;
use crate::filter::Facets;
use crate::model::{Corpus, Remap};
use std::sync::Arc;

impl App {
    /// Takes a reloaded corpus; returns what the reader had open that is
    /// gone from it, in words (empty when everything is still there).
    pub(super) fn replace_corpus(&mut self, corpus: Corpus) -> Vec<String> {
        let old = std::mem::replace(&mut self.corpus, Arc::new(corpus));
        self.generation += 1;
        let new = self.corpus.clone();
        let remap = Remap::new(&old, &new);
        let mut gone = Vec::new();
        let filters = self.filters.remap(&remap);
        let was = &self.filters;
        for (what, before, kept) in [
            ("speaker", was.speaker.map(|s| remap.old_speaker_id(s)), filters.speaker.is_some()),
            ("issue", was.issue.map(|i| remap.old_issue_id(i)), filters.issue.is_some()),
            ("article", was.article.map(|a| remap.old_article_id(a)), filters.article.is_some()),
        ] {
            if let (Some(id), false) = (before, kept) {
                gone.push(format!("{what} `{id}` is gone, its filter cleared"));
            }
        }
        let selected = self.selected_quote();
        let mut quote = selected.and_then(|q| remap.quote(q));
        if let (Some(q), None) = (selected, quote) {
            gone.push(format!("quote `{}` is gone", remap.old_quote_name(q)));
            // Its neighbour in the list instead: the next one still there, else the one before.
            let (before, after) = self.list.quotes.split_at(self.quotes.selected.min(self.list.quotes.len()));
            quote = after.iter().chain(before.iter().rev()).find_map(|&q| remap.quote(q));
        }
        self.article.shown = remap.article(self.article.shown).unwrap_or_default();
        self.facets = Facets::new(&new);
        self.longest_span = longest_span(&new);
        self.rows = ListRows::new(&new);
        self.history.remap(&remap);
        self.banner.clear();
        self.search.reload(&old, &new);
        if !self.search.has_index() {
            self.want(Wanted::SearchIndex);
        }
        let (folded, geometry) = (self.matrix_folded, self.matrix_grid());
        let mut timelines = Vec::new();
        self.mode.each_mut(&mut |mode| match mode {
            Mode::Search(line) => line.remap(&remap),
            Mode::Matrix(m) => m.remap(&new, folded, &remap, &geometry),
            Mode::Timeline(t) => {
                if t.remap(&remap) {
                    timelines.push(t.speaker);
                } else {
                    gone.push(format!(
                        "speaker `{}` of the timeline is gone",
                        remap.old_speaker_id(t.speaker)
                    ));
                    *mode = Mode::Browse;
                }
            }
            Mode::Reading(r) => {
                if !r.remap(&remap) {
                    let name = format!("quote `{}` is gone", remap.old_quote_name(r.quote));
                    if !gone.contains(&name) {
                        gone.push(name);
                    }
                    gone.push("the reading view closed".to_string());
                    *mode = Mode::Browse;
                }
            }
            Mode::Form(form) => {
                if !form.remap(&remap) {
                    gone.push("what the form was about changed on disk: it closed, nothing written".into());
                    *mode = Mode::Browse;
                }
            }
            Mode::Browse | Mode::Help(_) => {}
        });
        drop(remap);
        for speaker in timelines {
            self.want(Wanted::Timeline(speaker));
        }
        self.set_filters(filters);
        self.article.layout = ArticleLayout::default();
        self.resize(self.area.width, self.area.height);
        self.reselect(quote);
        self.show_selected_quote();
        self.keep_details_visible();
        if self.article.uncovered.is_some() {
            self.mark_uncovered();
        }
        // Freeing a large corpus takes as long as assembling it; the frame need not wait.
        std::thread::spawn(move || drop(old));
        gone
    }
}
