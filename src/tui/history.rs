//! Going back: every jump (Enter into a list or the article, `a`, the
//! matrix's or the timeline's Enter, a search kept, a click that changes the
//! filters) first records where the reader was, and `Ctrl-o` (or `Esc`
//! when nothing else is open) returns there, step by step: the filters, the
//! search, the selection and the focus. Nothing a reader built up is lost
//! to a jump.

use super::app::App;
use super::layout::Pane;
use super::scroll::Scroll;
use crate::filter::Filters;
use crate::model::{QuoteIx, Remap};
use crate::query::Found;

/// How many steps back are kept.
const DEPTH: usize = 100;

/// Where the reader was.
#[derive(Debug, Clone)]
pub struct Place {
    filters: Filters,
    query: String,
    found: Option<Found>,
    selected: Option<QuoteIx>,
    quotes: Scroll,
    article: Scroll,
    focus: Pane,
}

#[derive(Debug, Default)]
pub struct History {
    places: Vec<Place>,
}

impl History {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Carries every step to a reloaded corpus.
    pub fn remap(&mut self, remap: &Remap) {
        for place in &mut self.places {
            place.remap(remap);
        }
    }
}

impl Place {
    /// Where the reader is now.
    pub fn here(app: &App) -> Place {
        Place {
            filters: app.filters,
            query: app.search.query.clone(),
            found: app.search.found.clone(),
            selected: app.selected_quote(),
            quotes: app.quotes,
            article: app.article.scroll,
            focus: app.focus,
        }
    }

    /// Carries the place to a reloaded corpus: what is gone is let go (a
    /// filter becomes All, the selection the first row), and the search is
    /// run again when the place is restored.
    pub fn remap(&mut self, remap: &Remap) {
        self.filters = self.filters.remap(remap);
        self.selected = self.selected.and_then(|q| remap.quote(q));
        self.found = None;
    }

    /// Puts the reader back here.
    pub fn restore(self, app: &mut App) {
        match self.found {
            Some(found) => {
                app.search.query = self.query;
                app.search.found = Some(found);
            }
            None => {
                let corpus = app.corpus.clone();
                if app.search.run(&corpus, &self.query).is_err() {
                    app.search.clear();
                }
            }
        }
        app.set_filters(self.filters);
        app.quotes = self.quotes;
        app.reselect(self.selected);
        app.focus_pane(self.focus);
        app.show_selected_quote();
        app.article.scroll = self.article;
        app.keep_article_cursor_visible();
    }
}

/// Records where the reader is, before a jump.
pub fn remember(app: &mut App) {
    let place = Place::here(app);
    push(app, place);
}

/// Records a place the reader was at.
pub fn push(app: &mut App, place: Place) {
    let places = &mut app.history.places;
    places.push(place);
    if places.len() > DEPTH {
        places.remove(0);
    }
}

/// Returns to where the reader was before the last jump; false when there
/// is nowhere to go back to.
pub fn back(app: &mut App) -> bool {
    let Some(place) = app.history.places.pop() else { return false };
    place.restore(app);
    let left = app.history.len();
    app.message = Some(match left {
        0 => "back where you started".to_string(),
        1 => "back one step · Ctrl-o goes back once more".to_string(),
        n => format!("back one step · {n} more with Ctrl-o"),
    });
    true
}
