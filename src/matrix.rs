//! The stance matrix: speakers × issues, each cell the stance that
//! speaker's quotes take on the issue and how many there are. One function
//! builds it for the browser, `whosaid matrix` and `whosaid report`.
//!
//! A cell holds the quotes the browser would list for that speaker and
//! issue: the issue's own and its sub-issues'. Their stances become one by
//! [`Stance::combine`]. Folding keeps only top-level issues as columns;
//! since a parent's cell already counts its children's quotes, folding
//! hides detail without changing any count.

use crate::model::{Corpus, IssueIx, QuoteIx, SpeakerIx, Stance, ix::per};

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The quotes, in reading order (one per statement).
    pub quotes: Vec<QuoteIx>,
    /// Their combined stance; `None` when none is stated.
    pub stance: Option<Stance>,
}

/// Quotes and the share that support or oppose, for a row or a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Total {
    pub quotes: usize,
    pub support: usize,
    pub oppose: usize,
}

impl Total {
    /// `12 quotes, 58% support, 25% oppose`
    pub fn describe_in_words(&self) -> String {
        let pct = |n: usize| (n * 100 + self.quotes / 2) / self.quotes.max(1);
        let mut out =
            if self.quotes == 1 { "1 quote".to_string() } else { format!("{} quotes", self.quotes) };
        for (n, word) in [(self.support, "support"), (self.oppose, "oppose")] {
            if n > 0 {
                out.push_str(&format!(", {}% {word}", pct(n)));
            }
        }
        out
    }

    /// `12 +58% −25%`: quotes, and the shares that support and oppose.
    pub fn describe(&self) -> String {
        if self.quotes == 0 {
            return "0".to_string();
        }
        let pct = |n: usize| (n * 100 + self.quotes / 2) / self.quotes;
        let mut out = self.quotes.to_string();
        for (n, sign) in [(self.support, '+'), (self.oppose, '−')] {
            if n > 0 {
                out.push_str(&format!(" {sign}{}%", pct(n)));
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// One row per speaker, in file order.
    pub rows: Vec<SpeakerIx>,
    /// One column per issue, in file order.
    pub columns: Vec<IssueIx>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Total>,
    pub column_totals: Vec<Total>,
    pub total: Total,
    pub folded: bool,
}

/// Builds the matrix; with `fold`, sub-issues fold into their top-level
/// issue. A group's row holds its members' quotes too, as a parent issue's
/// column holds its sub-issues'. A statement told more than once counts once.
pub fn build(a: &Corpus, fold: bool) -> Matrix {
    let columns: Vec<IssueIx> = a.issues.ids().filter(|&i| !fold || a.issues[i].parent.is_none()).collect();
    let rows: Vec<SpeakerIx> = a.speakers.ids().collect();
    let mut cells = vec![vec![Cell { quotes: Vec::new(), stance: None }; columns.len()]; rows.len()];
    let mut column_of = per::<IssueIx, Option<usize>>(a.issues.len(), None);
    for (c, &i) in columns.iter().enumerate() {
        column_of[i] = Some(c);
    }
    let mut row_totals = vec![Total::default(); rows.len()];
    let mut column_totals = vec![Total::default(); columns.len()];
    let mut total = Total::default();
    let count = |t: &mut Total, stance: Option<Stance>| {
        t.quotes += 1;
        match stance {
            Some(Stance::Support) => t.support += 1,
            Some(Stance::Oppose) => t.oppose += 1,
            _ => {}
        }
    };
    for &q in a.order.iter().filter(|&&q| a.counts(q)) {
        let quote = &a.quotes[q];
        let mut speakers = Vec::new();
        let mut at = Some(quote.speaker);
        while let Some(s) = at {
            speakers.push(s.index());
            at = a.speakers[s].member_of;
        }
        for &i in &quote.under {
            if let Some(c) = column_of[i] {
                let stance = a.stance_under(q, i);
                for &s in &speakers {
                    cells[s][c].quotes.push(q);
                }
                count(&mut column_totals[c], stance);
            }
        }
        // A speaker's and the grand total count each quote once, with the
        // stance its issues add up to.
        let overall = Stance::combine(quote.stances.iter().map(|(_, s)| *s));
        for &s in &speakers {
            count(&mut row_totals[s], overall);
        }
        count(&mut total, overall);
    }
    for row in &mut cells {
        for (c, cell) in row.iter_mut().enumerate() {
            let issue = columns[c];
            cell.stance = Stance::combine(cell.quotes.iter().filter_map(|&q| a.stance_under(q, issue)));
        }
    }
    Matrix { rows, columns, cells, row_totals, column_totals, total, folded: fold }
}

/// A glyph for a cell's stance, readable without colour.
pub fn glyph(stance: Option<Stance>) -> char {
    match stance {
        Some(Stance::Support) => '+',
        Some(Stance::Oppose) => '−',
        Some(Stance::Neutral) => '○',
        Some(Stance::Mixed) => '±',
        None => '·',
    }
}

/// `+3`, `−1`, `·2` — or empty for a cell without quotes.
pub fn cell_text(cell: &Cell) -> String {
    if cell.quotes.is_empty() {
        String::new()
    } else {
        format!("{}{}", glyph(cell.stance), cell.quotes.len())
    }
}

pub const LEGEND: &str =
    "+ support · − oppose · ± mixed (quotes disagree) · ○ neutral · · no stance stated · number: quotes";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, load, load_bytes};

    fn from_yaml(quotes: &str) -> Corpus {
        let yaml = format!(
            "article:\n  title: T\n  text: one two three four five six\nspeakers:\n  - id: a\n    name: A\n  - id: b\n    name: B\nissues:\n  - id: top\n    title: Top\n  - id: sub\n    title: Sub\n    parent: top\n  - id: other\n    title: Other\nquotes:\n{quotes}"
        );
        let loaded = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into()));
        loaded.clone().into_corpus().unwrap_or_else(|| panic!("{:?}", loaded.diagnostics()))
    }

    #[test]
    fn agreeing_conflicting_and_unstated_stances() {
        let a = from_yaml(
            "  - {speaker: a, issues: [top], stance: support, text: one}\n  - {speaker: a, issues: [top], stance: support, text: two}\n  - {speaker: b, issues: [top], stance: support, text: three}\n  - {speaker: b, issues: [top], stance: oppose, text: four}\n  - {speaker: b, issues: [other], text: five}\n",
        );
        let m = build(&a, false);
        assert_eq!(m.cells[0][0].stance, Some(Stance::Support));
        assert_eq!(m.cells[0][0].quotes.len(), 2);
        assert_eq!(m.cells[1][0].stance, Some(Stance::Mixed), "support and oppose meet");
        assert_eq!(
            m.cells[1][2],
            Cell { quotes: vec![QuoteIx::new(4)], stance: None },
            "quotes without a stance"
        );
        assert_eq!(cell_text(&m.cells[1][2]), "·1");
        assert_eq!(cell_text(&m.cells[0][2]), "", "no quotes, a quiet cell");
        assert_eq!(m.row_totals[1], Total { quotes: 3, support: 1, oppose: 1 }, "each quote counted once");
        assert_eq!(m.column_totals[0], Total { quotes: 4, support: 3, oppose: 1 });
        assert_eq!(m.total.quotes, 5);
    }

    #[test]
    fn stance_maps_apply_per_issue() {
        let a = from_yaml("  - {speaker: a, issues: [top, other], stance: {top: oppose}, text: one}\n");
        let m = build(&a, false);
        assert_eq!(m.cells[0][0].stance, Some(Stance::Oppose));
        assert_eq!(m.cells[0][2].stance, None);
        assert_eq!(m.cells[0][2].quotes, vec![QuoteIx::new(0)]);
    }

    #[test]
    fn sub_issues_count_in_their_parent_and_fold_into_it() {
        let a = from_yaml(
            "  - {speaker: a, issues: [sub], stance: oppose, text: one}\n  - {speaker: a, issues: [top], stance: neutral, text: two}\n",
        );
        let m = build(&a, false);
        assert_eq!(m.columns, a.issues.ids().collect::<Vec<_>>());
        assert_eq!(m.cells[0][0].quotes.len(), 2, "the parent counts its child's quote");
        assert_eq!(m.cells[0][0].stance, Some(Stance::Oppose), "neutral does not contradict");
        assert_eq!(m.cells[0][1].quotes.len(), 1);
        let folded = build(&a, true);
        assert_eq!(folded.columns, vec![IssueIx::new(0), IssueIx::new(2)]);
        assert_eq!(folded.cells[0][0], m.cells[0][0]);
    }

    #[test]
    fn the_built_in_article_at_a_glance() {
        let a = load(&Source::BuiltIn).unwrap().into_corpus().unwrap();
        let m = build(&a, false);
        let nato = m.columns.iter().position(|&i| a.issues[i].id == "nato-expansion").unwrap();
        let sherman = a.speaker_by_id("sherman").unwrap().index();
        let ryabkov = a.speaker_by_id("ryabkov").unwrap().index();
        assert_eq!(m.cells[sherman][nato].stance, Some(Stance::Oppose));
        assert_eq!(m.cells[ryabkov][nato].stance, Some(Stance::Support));
    }
}
