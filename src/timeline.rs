//! A speaker's stances over time: one row per issue the speaker spoke to,
//! one column per article (in date order), each cell the stance of that
//! article's statements by the speaker (a group's members included) on the
//! issue and its sub-issues, combined by [`Stance::combine`]. One function
//! builds it for the browser (`t`) and the report.

use crate::model::{ArticleIx, Corpus, IssueIx, QuoteIx, SpeakerIx, Stance};

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub speaker: SpeakerIx,
    /// The issues the speaker spoke to, in file order.
    pub issues: Vec<IssueIx>,
    /// Every article, in date order.
    pub articles: Vec<ArticleIx>,
    /// `cells[issue row][article column]`.
    pub cells: Vec<Vec<crate::matrix::Cell>>,
}

/// Builds the timeline of one speaker.
pub fn build(c: &Corpus, speaker: SpeakerIx) -> Timeline {
    let mine: Vec<QuoteIx> =
        c.order.iter().copied().filter(|&q| c.counts(q) && c.said_by(q, speaker)).collect();
    let issues: Vec<IssueIx> =
        c.issues.ids().filter(|&i| mine.iter().any(|&q| c.quotes[q].is_under(i))).collect();
    let articles: Vec<ArticleIx> = c.articles.ids().collect();
    let cells = issues
        .iter()
        .map(|&i| {
            articles
                .iter()
                .map(|&a| {
                    let quotes: Vec<QuoteIx> = mine
                        .iter()
                        .copied()
                        .filter(|&q| c.quotes[q].article == a && c.quotes[q].is_under(i))
                        .collect();
                    let stance = Stance::combine(quotes.iter().filter_map(|&q| c.stance_under(q, i)));
                    crate::matrix::Cell { quotes, stance }
                })
                .collect()
        })
        .collect();
    Timeline { speaker, issues, articles, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bytes;

    #[test]
    fn one_cell_per_issue_and_article_with_the_combined_stance() {
        let yaml = "article:\n  title: T\n  text: one two three four\nspeakers:\n  - id: a\n    name: A\n  - id: b\n    name: B\nissues:\n  - id: x\n    title: X\n  - id: y\n    title: Y\nquotes:\n  - {speaker: a, issues: [x], stance: support, text: one}\n  - {speaker: a, issues: [x], stance: oppose, text: two}\n  - {speaker: b, issues: [y], stance: oppose, text: three}\n";
        let c = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into())).into_corpus().unwrap();
        let t = build(&c, SpeakerIx::new(0));
        assert_eq!(t.issues, vec![IssueIx::new(0)], "only what the speaker spoke to");
        assert_eq!(t.cells[0][0].quotes.len(), 2);
        assert_eq!(t.cells[0][0].stance, Some(Stance::Mixed));
    }
}
