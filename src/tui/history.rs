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
use crate::model::QuoteIx;
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

    /// Forgets every step (a reload may have changed what they point at).
    pub fn clear(&mut self) {
        self.places.clear();
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

    /// Puts the reader back here.
    pub fn restore(self, app: &mut App) {
        app.search.query = self.query;
        app.search.found = self.found;
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
