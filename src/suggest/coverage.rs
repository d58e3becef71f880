//! Coverage: which of the candidates `suggest` finds in an article the
//! annotation has dealt with, so that an annotator sees what is left. A
//! candidate counts as covered when any quote overlaps it — an annotator
//! who took one sentence of a turn has dealt with that turn, and suggesting
//! the rest again would invite counting a statement twice — or when it
//! overlaps an entry of the file's `rejected:` list. Coverage measures
//! against what `suggest` finds, not against every statement in the text.

use super::{Candidate, Draft, suggest};
use crate::model::{ArticleIx, Corpus};
use std::ops::Range;

/// The candidates of one article, each with whether a quote covers it.
pub struct Coverage {
    pub draft: Draft,
    pub covered: Vec<bool>,
}

impl Coverage {
    pub fn count(&self) -> usize {
        self.covered.iter().filter(|&&c| c).count()
    }

    /// The candidates no quote covers.
    pub fn uncovered(&self) -> impl Iterator<Item = &Candidate> {
        self.draft.candidates.iter().zip(&self.covered).filter(|(_, c)| !**c).map(|(candidate, _)| candidate)
    }
}

/// The spans of an article's quotes, for asking what overlaps a range.
pub struct Spans {
    /// Sorted by start.
    spans: Vec<Range<usize>>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Spans {
    pub fn new(mut spans: Vec<Range<usize>>) -> Spans {
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Spans { spans, reach }
    }

    /// Whether any span overlaps any part of the candidate.
    pub fn cover(&self, candidate: &Candidate) -> bool {
        candidate.parts.iter().any(|part| {
            let before_end = self.spans.partition_point(|s| s.start < part.end);
            before_end > 0 && self.reach[before_end - 1] > part.start
        })
    }
}

/// The coverage of article `a` of a corpus by its quotes.
pub fn of_article(corpus: &Corpus, a: ArticleIx) -> Coverage {
    let draft = suggest(&corpus.articles[a].text);
    let covered = covered(corpus, a, &draft);
    Coverage { draft, covered }
}

/// Which candidates of a draft of article `a` its quotes cover or its
/// `rejected:` list turned down.
pub fn covered(corpus: &Corpus, a: ArticleIx, draft: &Draft) -> Vec<bool> {
    let spans = dealt_with(corpus, a);
    draft.candidates.iter().map(|c| spans.cover(c)).collect()
}

/// What an annotation has dealt with in article `a`: its quotes' parts and
/// its rejected candidates.
pub fn dealt_with(corpus: &Corpus, a: ArticleIx) -> Spans {
    let quotes = corpus.quotes.iter().filter(|q| q.article == a).flat_map(|q| q.parts.iter().cloned());
    let rejected = corpus.articles.get(a).map_or(&[][..], |article| &article.rejected);
    Spans::new(quotes.chain(rejected.iter().cloned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::suggest::people::PersonIx;

    fn candidate(parts: Vec<Range<usize>>) -> Candidate {
        Candidate {
            parts,
            speaker: PersonIx::new(0),
            kind: Kind::Direct,
            confidence: 90,
            found_by: String::new(),
            via: None,
        }
    }

    #[test]
    fn any_overlap_covers() {
        let spans = Spans::new(vec![100..200, 0..10, 20..30, 120..130]);
        assert!(spans.cover(&candidate(vec![5..15, 5..15])));
        assert!(spans.cover(&candidate(vec![150..160, 150..160])));
        assert!(!spans.cover(&candidate(vec![10..20, 10..20])));
        assert!(!spans.cover(&candidate(vec![40..50, 60..70])));
        assert!(spans.cover(&candidate(vec![40..50, 90..101])));
    }
}
