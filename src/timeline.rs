//! A speaker's stances over time: one row per issue the speaker spoke to,
//! one column per article (in date order), each cell the stance of that
//! article's statements by the speaker (a group's members included) on the
//! issue's own proposition — a sub-issue is a proposition of its own, with
//! a row of its own — combined by [`Stance::combine`]. One function builds
//! it for the browser (`t`) and the report.

use crate::matrix::Cell;
use crate::model::{ArticleIx, Corpus, IssueIx, QuoteIx, SpeakerIx, Stance, ix::per};

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub speaker: SpeakerIx,
    /// The issues the speaker's quotes are tagged with, in file order.
    pub issues: Vec<IssueIx>,
    /// Every article, in date order (a column's index is its article's).
    pub articles: Vec<ArticleIx>,
    /// `cells[issue row][article column]`.
    pub cells: Vec<Vec<Cell>>,
}

/// Builds the timeline of one speaker, in one pass over the corpus's quotes.
pub fn build(c: &Corpus, speaker: SpeakerIx) -> Timeline {
    let mine: Vec<QuoteIx> = c
        .order
        .iter()
        .copied()
        .filter(|&q| crate::matrix::takes_a_position(c, q) && c.said_by(q, speaker))
        .collect();
    let mut spoken_to = per::<IssueIx, bool>(c.issues.len(), false);
    // An issue counted as another (`same_as`, `opposite_of`) is in its row.
    for &q in &mine {
        for i in c.counted_on(q) {
            spoken_to[i] = true;
        }
    }
    let issues: Vec<IssueIx> = c.issues.ids().filter(|&i| spoken_to[i]).collect();
    let mut row_of = per::<IssueIx, usize>(c.issues.len(), 0);
    for (row, &i) in issues.iter().enumerate() {
        row_of[i] = row;
    }
    let articles: Vec<ArticleIx> = c.articles.ids().collect();
    let mut cells = vec![vec![Cell::EMPTY; articles.len()]; issues.len()];
    for &q in &mine {
        for i in c.counted_on(q) {
            cells[row_of[i]][c.quotes[q].article.index()].quotes.push(q);
        }
    }
    for (row, &i) in issues.iter().enumerate() {
        for cell in &mut cells[row] {
            cell.stance = Stance::combine(cell.quotes.iter().filter_map(|&q| c.stance_as(q, i)));
        }
    }
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

    #[test]
    fn a_sub_issue_quote_is_not_a_stance_on_the_parents_proposition() {
        let yaml = "article:\n  title: T\n  text: one two\nspeakers:\n  - id: a\n    name: A\nissues:\n  - id: x\n    title: X\n  - id: y\n    title: Y\n    parent: x\nquotes:\n  - {speaker: a, issues: [y], stance: oppose, text: one}\n";
        let c = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into())).into_corpus().unwrap();
        let t = build(&c, SpeakerIx::new(0));
        assert_eq!(t.issues, vec![IssueIx::new(1)], "a row for the sub-issue only");
        assert_eq!(t.cells[0][0].stance, Some(Stance::Oppose));
    }
}
