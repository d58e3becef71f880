//! The rows of the Articles, Speakers and Issues lists: "All" first, then
//! the items in tree order (groups before their members, parents before
//! their sub-issues).

use crate::model::{ArticleIx, Corpus, IssueIx, SpeakerIx};

/// The rows of the Articles, Speakers and Issues lists: "All" (`None`),
/// then the items, groups and parents before what they hold.
#[derive(Debug, Default)]
pub struct ListRows {
    pub articles: Vec<Option<ArticleIx>>,
    pub speakers: Vec<Option<SpeakerIx>>,
    pub issues: Vec<Option<IssueIx>>,
}

impl ListRows {
    pub fn new(c: &Corpus) -> ListRows {
        let speakers = tree(c.speakers.len(), |s| c.speakers[SpeakerIx::new(s)].member_of.map(|m| m.index()));
        let issues = tree(c.issues.len(), |i| c.issues[IssueIx::new(i)].parent.map(|p| p.index()));
        ListRows {
            articles: std::iter::once(None).chain(c.articles.ids().map(Some)).collect(),
            speakers: std::iter::once(None)
                .chain(speakers.into_iter().map(|s| Some(SpeakerIx::new(s))))
                .collect(),
            issues: std::iter::once(None).chain(issues.into_iter().map(|i| Some(IssueIx::new(i)))).collect(),
        }
    }
}

/// Items in tree order: each after its parent, siblings in file order.
fn tree(len: usize, parent: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    let mut children = vec![Vec::new(); len];
    let mut roots = Vec::new();
    for i in 0..len {
        match parent(i) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    let mut out = Vec::with_capacity(len);
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(children[i].iter().rev());
    }
    out
}
