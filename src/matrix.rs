//! The stance matrix: speakers × issues, each cell the stance that
//! speaker's quotes take on the issue and how many there are. One function
//! builds it for the browser, `whosaid matrix` and `whosaid report`.
//!
//! A cell states stances on its own issue's proposition only: it holds the
//! statements tagged with that issue, their stances made one by
//! [`Stance::combine`]. A sub-issue is a proposition of its own; what its
//! statements say is never credited to the parent, whose cell only counts
//! them apart ([`Cell::on_sub_issues`]). Folding keeps only top-level issues
//! as columns, and changes no cell. A speaker's total and the grand total
//! count each statement once, on the issues of the dispute only: an issue
//! marked `dispute: false` has a column of its own and adds to no side.
//! Questions take no position and count nowhere here.

use crate::model::{Corpus, IssueIx, QuoteIx, SpeakerIx, Stance, ix::per};

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The statements on the issue itself, in reading order (a quote for each).
    pub quotes: Vec<QuoteIx>,
    /// Their combined stance; `None` when none is stated.
    pub stance: Option<Stance>,
    /// Statements on the issue's sub-issues, not on the issue itself: a
    /// figure apart, claiming no stance on the issue.
    pub on_sub_issues: usize,
}

impl Cell {
    pub const EMPTY: Cell = Cell { quotes: Vec::new(), stance: None, on_sub_issues: 0 };
}

/// Statements and the share that support or oppose, for a row or a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Total {
    pub statements: usize,
    pub support: usize,
    pub oppose: usize,
}

impl Total {
    /// `12 statements, 58% support, 25% oppose`
    pub fn describe_in_words(&self) -> String {
        let pct = |n: usize| (n * 100 + self.statements / 2) / self.statements.max(1);
        let mut out = statements(self.statements);
        for (n, word) in [(self.support, "support"), (self.oppose, "oppose")] {
            if n > 0 {
                out.push_str(&format!(", {}% {word}", pct(n)));
            }
        }
        out
    }

    /// `12 +58% −25%`: statements, and the shares that support and oppose.
    pub fn describe(&self) -> String {
        if self.statements == 0 {
            return "0".to_string();
        }
        let pct = |n: usize| (n * 100 + self.statements / 2) / self.statements;
        let mut out = self.statements.to_string();
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
    /// Per column: the statements on its sub-issues only (each once), which
    /// its cells do not count.
    pub column_sub_issues: Vec<usize>,
    pub total: Total,
    pub folded: bool,
}

/// Whether a quote counts in a view of who stands where: once per
/// statement (a statement told twice, once), and not a question — a
/// question asks, it takes no position.
pub fn takes_a_position(c: &Corpus, q: QuoteIx) -> bool {
    c.counts(q) && c.quotes[q].kind != crate::model::Kind::Question
}

/// `1 statement`, `3 statements`.
pub fn statements(n: usize) -> String {
    if n == 1 { "1 statement".to_string() } else { format!("{n} statements") }
}

/// Builds the matrix; with `fold`, only top-level issues are columns. A
/// group's row holds its members' statements too. A statement told more
/// than once counts once.
pub fn build(a: &Corpus, fold: bool) -> Matrix {
    // An issue counted as another (`same_as`, `opposite_of`) is in its column.
    let columns: Vec<IssueIx> = a
        .issues
        .ids()
        .filter(|&i| (!fold || a.issues[i].parent.is_none()) && a.issues[i].counted_as.is_none())
        .collect();
    let rows: Vec<SpeakerIx> = a.speakers.ids().collect();
    let mut cells = vec![vec![Cell::EMPTY; columns.len()]; rows.len()];
    let mut column_of = per::<IssueIx, Option<usize>>(a.issues.len(), None);
    for (c, &i) in columns.iter().enumerate() {
        column_of[i] = Some(c);
    }
    let mut row_totals = vec![Total::default(); rows.len()];
    let mut column_totals = vec![Total::default(); columns.len()];
    let mut column_sub_issues = vec![0; columns.len()];
    let mut total = Total::default();
    let count = |t: &mut Total, stance: Option<Stance>| {
        t.statements += 1;
        match stance {
            Some(Stance::Support) => t.support += 1,
            Some(Stance::Oppose) => t.oppose += 1,
            _ => {}
        }
    };
    for &q in a.order.iter().filter(|&&q| takes_a_position(a, q)) {
        let quote = &a.quotes[q];
        let mut speakers = Vec::new();
        let mut at = Some(quote.speaker);
        while let Some(s) = at {
            speakers.push(s.index());
            at = a.speakers[s].member_of;
        }
        let on = a.counted_on(q);
        for &i in &on {
            if let Some(c) = column_of[i] {
                for &s in &speakers {
                    cells[s][c].quotes.push(q);
                }
                count(&mut column_totals[c], a.stance_as(q, i));
            }
        }
        // Counted apart in the cells of the issues above its own.
        for &i in &quote.under {
            if let Some(c) = column_of[i]
                && !on.contains(&i)
            {
                for &s in &speakers {
                    cells[s][c].on_sub_issues += 1;
                }
                column_sub_issues[c] += 1;
            }
        }
        // A speaker's and the grand total count each statement once, with
        // the stance its issues of the dispute add up to.
        let disputed: Vec<IssueIx> =
            quote.issues.iter().copied().filter(|&i| !a.issues[i].outside_dispute).collect();
        if disputed.is_empty() {
            continue;
        }
        let overall = Stance::combine(disputed.iter().filter_map(|&i| quote.stance_on(i)));
        for &s in &speakers {
            count(&mut row_totals[s], overall);
        }
        count(&mut total, overall);
    }
    for row in &mut cells {
        for (c, cell) in row.iter_mut().enumerate() {
            let issue = columns[c];
            cell.stance = Stance::combine(cell.quotes.iter().filter_map(|&q| a.stance_as(q, issue)));
        }
    }
    Matrix { rows, columns, cells, row_totals, column_totals, column_sub_issues, total, folded: fold }
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

pub const LEGEND: &str = "+ support · − oppose · ± mixed (support and oppose meet) · ○ neutral · · no stance stated · number: statements";

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
            Cell { quotes: vec![QuoteIx::new(4)], stance: None, on_sub_issues: 0 },
            "quotes without a stance"
        );
        assert_eq!(cell_text(&m.cells[1][2]), "·1");
        assert_eq!(cell_text(&m.cells[0][2]), "", "no quotes, a quiet cell");
        assert_eq!(
            m.row_totals[1],
            Total { statements: 3, support: 1, oppose: 1 },
            "each quote counted once"
        );
        assert_eq!(m.column_totals[0], Total { statements: 4, support: 3, oppose: 1 });
        assert_eq!(m.total.statements, 5);
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
    fn a_sub_issue_is_its_own_proposition_and_folding_changes_no_cell() {
        let a = from_yaml(
            "  - {speaker: a, issues: [sub], stance: oppose, text: one}\n  - {speaker: a, issues: [top], stance: neutral, text: two}\n  - {speaker: b, issues: [sub], stance: support, text: three}\n",
        );
        let m = build(&a, false);
        assert_eq!(m.columns, a.issues.ids().collect::<Vec<_>>());
        assert_eq!(m.cells[0][0].quotes, vec![QuoteIx::new(1)], "the parent holds its own statement only");
        assert_eq!(m.cells[0][0].stance, Some(Stance::Neutral), "the sub-issue's oppose is not the parent's");
        assert_eq!(m.cells[0][0].on_sub_issues, 1, "counted apart");
        assert_eq!(m.cells[1][0], Cell { quotes: Vec::new(), stance: None, on_sub_issues: 1 });
        assert_eq!(cell_text(&m.cells[1][0]), "", "a parent cell claims nothing for b");
        assert_eq!(m.column_totals[0], Total { statements: 1, support: 0, oppose: 0 });
        assert_eq!(m.cells[0][1].stance, Some(Stance::Oppose));
        let folded = build(&a, true);
        assert_eq!(folded.columns, vec![IssueIx::new(0), IssueIx::new(2)]);
        assert_eq!(folded.cells[0][0], m.cells[0][0], "folding changes no cell");
        assert_eq!(folded.cells[1][0], m.cells[1][0]);
    }

    #[test]
    fn an_issue_outside_the_dispute_adds_to_no_total() {
        let yaml = "article:\n  title: T\n  text: one two three\nspeakers:\n  - id: a\n    name: A\nissues:\n  - id: war\n    title: War\n  - id: hopes\n    title: Hopes\n    dispute: false\nquotes:\n  - {speaker: a, issues: [war], stance: oppose, text: one}\n  - {speaker: a, issues: [hopes], stance: support, text: two}\n  - {speaker: a, issues: [war, hopes], stance: {war: oppose, hopes: support}, text: three}\n";
        let a = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into())).into_corpus().unwrap();
        let m = build(&a, false);
        assert_eq!(m.row_totals[0], Total { statements: 2, support: 0, oppose: 2 }, "hopes add to no side");
        assert_eq!(m.total, m.row_totals[0]);
        assert_eq!(
            m.column_totals[1],
            Total { statements: 2, support: 2, oppose: 0 },
            "its own column counts"
        );
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

    #[test]
    fn an_issue_declared_the_opposite_of_another_is_counted_in_its_column_flipped() {
        let yaml = "article:\n  title: T\n  text: one two three\nspeakers:\n  - id: a\n    name: A\nissues:\n  - id: spare\n    title: Spare Russia\n    proposition: No sanctions on Russia.\n  - id: punish\n    title: Sanctions\n    proposition: Sanctions on Russia.\n    opposite_of: spare\n  - id: spare-too\n    title: Sparing\n    same_as: spare\nquotes:\n  - {speaker: a, issues: [spare], stance: oppose, text: one}\n  - {speaker: a, issues: [punish], stance: support, text: two}\n  - {speaker: a, issues: [spare-too, punish], stance: {spare-too: oppose, punish: support}, text: three}\n";
        let a = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into())).into_corpus().unwrap();
        let m = build(&a, false);
        assert_eq!(m.columns, vec![IssueIx::new(0)], "one column for the three");
        assert_eq!(m.cells[0][0].quotes.len(), 3, "each statement once");
        assert_eq!(
            m.cells[0][0].stance,
            Some(Stance::Oppose),
            "support for sanctions opposes sparing Russia"
        );
        assert_eq!(m.column_totals[0], Total { statements: 3, support: 0, oppose: 3 });
        let t = crate::timeline::build(&a, crate::model::SpeakerIx::new(0));
        assert_eq!((t.issues.clone(), t.cells[0][0].stance), (vec![IssueIx::new(0)], Some(Stance::Oppose)));
    }

    #[test]
    fn issue_links_are_one_step_and_never_to_themselves() {
        let yaml = "article:\n  title: T\n  text: one\nissues:\n  - id: x\n    title: X\n    same_as: x\n  - id: y\n    title: Y\n    same_as: z\n  - id: z\n    title: Z\n    opposite_of: w\n  - id: w\n    title: W\n    same_as: w2\n    opposite_of: w3\n";
        let messages: Vec<String> = load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into()))
            .diagnostics()
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert!(messages.iter().any(|m| m == "issue `x` cannot be `same_as` itself"), "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("issue `z` is itself counted as another")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("not both")), "{messages:?}");
    }
}
