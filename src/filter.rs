//! What the filters and a search let through: the list of quotes, and the
//! counts beside each speaker and issue under the other filters. The
//! browser recomputes it only when a filter or the query changes, in one
//! pass over flat per-quote arrays; the `speakers` and `issues` commands
//! count with it too. A statement told more than once counts once.

use crate::model::ix::per;
use crate::model::{ArticleIx, Corpus, IssueIx, IxVec, QuoteIx, Remap, SpeakerIx};

/// The filters the lists set; `None` is "All".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    pub speaker: Option<SpeakerIx>,
    pub issue: Option<IssueIx>,
    pub article: Option<ArticleIx>,
    /// With a speaker: the quotes it relayed rather than those it said.
    pub relayed: bool,
}

impl Filters {
    /// The same filters in a reloaded corpus; one whose item is gone is All.
    pub fn remap(self, remap: &Remap) -> Filters {
        let speaker = self.speaker.and_then(|s| remap.speaker(s));
        Filters {
            speaker,
            issue: self.issue.and_then(|i| remap.issue(i)),
            article: self.article.and_then(|a| remap.article(a)),
            relayed: self.relayed && speaker.is_some(),
        }
    }
}

/// Each quote's speakers (its own and the groups above it) and the issues
/// it counts under, laid out flat so that recounting on every keystroke of
/// a search reads memory in order.
#[derive(Debug, Default)]
pub struct Facets {
    said: Vec<u32>,
    said_start: Vec<u32>,
    /// Who relayed it, their groups included.
    relayed: Vec<u32>,
    relayed_start: Vec<u32>,
    under: Vec<u32>,
    under_start: Vec<u32>,
    article: Vec<u32>,
    /// Whether the quote counts its statement (see [`Corpus::counts`]).
    counted: Vec<bool>,
}

impl Facets {
    pub fn new(c: &Corpus) -> Facets {
        let mut f = Facets::default();
        for (q, quote) in c.quotes.enumerate() {
            f.said_start.push(f.said.len() as u32);
            f.said.extend(with_groups(c, quote.speaker).map(|s| s.index() as u32));
            f.relayed_start.push(f.relayed.len() as u32);
            let mut relayers: Vec<u32> =
                quote.via.iter().flat_map(|&v| with_groups(c, v)).map(|s| s.index() as u32).collect();
            relayers.sort_unstable();
            relayers.dedup();
            f.relayed.extend(relayers);
            f.under_start.push(f.under.len() as u32);
            f.under.extend(quote.under.iter().map(|i| i.index() as u32));
            f.article.push(quote.article.index() as u32);
            f.counted.push(c.counts(q));
        }
        f.said_start.push(f.said.len() as u32);
        f.relayed_start.push(f.relayed.len() as u32);
        f.under_start.push(f.under.len() as u32);
        f
    }

    fn said(&self, q: usize) -> &[u32] {
        &self.said[self.said_start[q] as usize..self.said_start[q + 1] as usize]
    }

    fn relayed(&self, q: usize) -> &[u32] {
        &self.relayed[self.relayed_start[q] as usize..self.relayed_start[q + 1] as usize]
    }

    fn under(&self, q: usize) -> &[u32] {
        &self.under[self.under_start[q] as usize..self.under_start[q + 1] as usize]
    }
}

/// The Quotes list and the counts beside the other lists.
#[derive(Debug, Default)]
pub struct Filtered {
    /// The quotes that pass, in reading order (by rank with a search).
    pub quotes: Vec<QuoteIx>,
    /// The statements among them (a statement told twice is one).
    pub statements: usize,
    /// Whether each quote passes.
    pub passes: IxVec<QuoteIx, bool>,
    /// Statements per speaker (groups: their members' too) under the issue
    /// filter, and their total.
    pub speaker_counts: IxVec<SpeakerIx, usize>,
    pub speaker_total: usize,
    /// Statements each speaker relayed, under the issue filter.
    pub relayed_counts: IxVec<SpeakerIx, usize>,
    /// Statements per issue (sub-issues included) under the other filters.
    pub issue_counts: IxVec<IssueIx, usize>,
    pub issue_total: usize,
    /// Statements per article under the other filters.
    pub article_counts: IxVec<ArticleIx, usize>,
    pub article_total: usize,
}

impl Filtered {
    /// Filters `pool` (the quotes the search lets through, in its order).
    pub fn new(
        c: &Corpus,
        facets: &Facets,
        filters: Filters,
        pool: impl Iterator<Item = QuoteIx>,
    ) -> Filtered {
        let mut out = Filtered {
            quotes: Vec::new(),
            statements: 0,
            passes: per(c.quotes.len(), false),
            speaker_counts: per(c.speakers.len(), 0),
            speaker_total: 0,
            relayed_counts: per(c.speakers.len(), 0),
            issue_counts: per(c.issues.len(), 0),
            issue_total: 0,
            article_counts: per(c.articles.len(), 0),
            article_total: 0,
        };
        let speaker = filters.speaker.map(|s| s.index() as u32);
        let issue = filters.issue.map(|i| i.index() as u32);
        let article = filters.article.map(|a| a.index() as u32);
        for q in pool {
            let i = q.index();
            let (said, under, relayed) = (facets.said(i), facets.under(i), facets.relayed(i));
            let by_speaker =
                speaker.is_none_or(|s| if filters.relayed { relayed } else { said }.contains(&s));
            let on_issue = issue.is_none_or(|i| under.contains(&i));
            let in_article = article.is_none_or(|a| facets.article[i] == a);
            let counted = facets.counted[i];
            if on_issue && in_article && counted {
                for &s in said {
                    out.speaker_counts[SpeakerIx::new(s as usize)] += 1;
                }
                for &s in relayed {
                    out.relayed_counts[SpeakerIx::new(s as usize)] += 1;
                }
                out.speaker_total += 1;
            }
            if by_speaker && in_article && counted {
                for &i in under {
                    out.issue_counts[IssueIx::new(i as usize)] += 1;
                }
                out.issue_total += 1;
            }
            if by_speaker && on_issue && counted {
                out.article_counts[ArticleIx::new(facets.article[i] as usize)] += 1;
                out.article_total += 1;
            }
            if by_speaker && on_issue && in_article {
                out.quotes.push(q);
                out.passes[q] = true;
                out.statements += usize::from(counted);
            }
        }
        out
    }

    /// Every quote, unfiltered: the counts of the whole corpus.
    pub fn all(c: &Corpus) -> Filtered {
        Filtered::new(c, &Facets::new(c), Filters::default(), c.order.iter().copied())
    }
}

/// A speaker and the groups above it, through `member_of`.
fn with_groups(c: &Corpus, speaker: SpeakerIx) -> impl Iterator<Item = SpeakerIx> + '_ {
    std::iter::successors(Some(speaker), |&s| c.speakers[s].member_of)
}
