//! Who changed position: for a speaker and an issue, each pair of
//! consecutive dated articles — among those in which the speaker takes a
//! stance on the issue's own proposition — where that stance differs. One
//! function finds them in a speaker's [`Timeline`], for `whosaid changes`
//! and for the timeline's marks.

use crate::model::{ArticleIx, Corpus, IssueIx, QuoteIx, SpeakerIx, Stance};
use crate::timeline::Timeline;

/// A speaker's stance on an issue in one article: the stance its
/// statements there add up to, and the first statement that takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub article: ArticleIx,
    pub stance: Stance,
    pub quote: QuoteIx,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub speaker: SpeakerIx,
    pub issue: IssueIx,
    pub from: Held,
    pub to: Held,
}

/// The changes in a speaker's timeline, issue by issue, in date order.
/// Undated articles take no part: their order in time is not known.
pub fn in_timeline(c: &Corpus, t: &Timeline) -> Vec<Change> {
    let mut out = Vec::new();
    for (row, &issue) in t.issues.iter().enumerate() {
        let mut last: Option<Held> = None;
        for (col, &article) in t.articles.iter().enumerate() {
            let cell = &t.cells[row][col];
            let Some(stance) = cell.stance else { continue };
            if c.articles[article].date.is_none() {
                continue;
            }
            // The evidence: the first statement there that takes the
            // cell's stance, else the first with any stance.
            let quote =
                cell.quotes.iter().copied().find(|&q| c.quotes[q].stance_on(issue) == Some(stance)).or_else(
                    || cell.quotes.iter().copied().find(|&q| c.quotes[q].stance_on(issue).is_some()),
                );
            let Some(quote) = quote else { continue };
            let held = Held { article, stance, quote };
            if let Some(from) = last
                && from.stance != stance
            {
                out.push(Change { speaker: t.speaker, issue, from, to: held });
            }
            last = Some(held);
        }
    }
    out
}

/// Every change in the corpus, speaker by speaker. Groups are left out: a
/// group's members differing from one another is not a change of mind.
pub fn all(c: &Corpus) -> Vec<Change> {
    let groups: Vec<bool> = {
        let mut g = vec![false; c.speakers.len()];
        for s in c.speakers.iter() {
            if let Some(parent) = s.member_of {
                g[parent.index()] = true;
            }
        }
        g
    };
    c.speakers
        .ids()
        .filter(|s| !groups[s.index()])
        .flat_map(|s| in_timeline(c, &crate::timeline::build(c, s)))
        .collect()
}
