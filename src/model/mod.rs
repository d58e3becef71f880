//! The annotated articles: speakers, issues, quotes and the texts they anchor
//! in, loaded from files, validated, resolved to typed indices and anchored.
//!
//! Nothing here knows about terminals. Once loaded, a [`Corpus`] is
//! immutable; every reference between items is a typed index ([`ix`]), so
//! the rest of the program never looks up an id string. A single annotation
//! file is a corpus of one article.

pub(crate) mod anchor;
pub mod diagnostic;
pub mod ix;
mod load;
pub(crate) mod locate;
mod nesting;
mod remap;
mod site;
pub mod yaml;

pub use diagnostic::{Diagnostic, Severity};
pub use ix::{ArticleIx, IssueIx, IxVec, QuoteIx, SpeakerIx};
pub use load::{
    FileSummary, Library, LoadOutcome, Progress, Source, TextFiles, TextProblem, Unreadable, check_date,
    load, load_bytes, read_text,
};
pub use locate::Position;
pub use remap::Remap;

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// An item's place in a tree of `parent` (or `member_of`) links: its rank
/// in preorder and the end of its subtree's ranks. An item holds another
/// when the other's rank falls in its range: the test is two comparisons,
/// and the trees take memory linear in the items however deep they go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TreeSpan {
    pub rank: u32,
    pub end: u32,
}

impl TreeSpan {
    /// Whether `other` is this item or below it.
    pub fn holds(self, other: TreeSpan) -> bool {
        self.rank <= other.rank && other.rank < self.end
    }
}

/// A speaker's position towards an issue's proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stance {
    Support,
    Oppose,
    Neutral,
    Mixed,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Stance::Support, Stance::Oppose, Stance::Neutral, Stance::Mixed];

    pub fn name(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Neutral => "neutral",
            Stance::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The stance on the negated proposition.
    pub fn flipped(self) -> Stance {
        match self {
            Stance::Support => Stance::Oppose,
            Stance::Oppose => Stance::Support,
            other => other,
        }
    }

    /// The aggregation rule, used wherever several stances become one (a
    /// matrix or timeline cell): `mixed` when support and oppose meet, or
    /// when the only stances are mixed ones; otherwise support or oppose,
    /// which neither a neutral nor a mixed statement contradicts (the
    /// status line gives the count of each); neutral when all are neutral;
    /// none when there is no stance at all.
    pub fn combine(stances: impl IntoIterator<Item = Stance>) -> Option<Stance> {
        let (mut support, mut oppose, mut neutral, mut mixed) = (false, false, false, false);
        for s in stances {
            match s {
                Stance::Mixed => mixed = true,
                Stance::Support => support = true,
                Stance::Oppose => oppose = true,
                Stance::Neutral => neutral = true,
            }
        }
        // A statement that is itself mixed does not undo a direction the
        // others agree on; support and oppose together are mixed.
        match (support, oppose, mixed, neutral) {
            (true, true, _, _) => Some(Stance::Mixed),
            (true, false, _, _) => Some(Stance::Support),
            (false, true, _, _) => Some(Stance::Oppose),
            (false, false, true, _) => Some(Stance::Mixed),
            (false, false, false, true) => Some(Stance::Neutral),
            (false, false, false, false) => None,
        }
    }
}

/// How a quote renders its speaker's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    #[default]
    Direct,
    /// Reported speech.
    Indirect,
    Question,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Direct, Kind::Indirect, Kind::Question];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
            Kind::Question => "question",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// Unique in a corpus; the file's stem unless the file says otherwise.
    pub id: String,
    pub title: String,
    pub source: Option<String>,
    /// `YYYY-MM-DD`, checked against the calendar.
    pub date: Option<String>,
    pub url: Option<String>,
    /// A BCP 47 language tag.
    pub lang: Option<String>,
    /// Whether single line breaks inside a paragraph are joined when the
    /// article is wrapped; `None` leaves it to whosaid.
    pub reflow: Option<bool>,
    /// Shared between a file's reading and the corpus made of it.
    pub text: Arc<str>,
    /// The spans of the candidates the annotator rejected (`rejected:`):
    /// drafts never offer them again.
    pub rejected: Vec<Range<usize>>,
    /// Byte offset where each line of `text` starts.
    pub line_starts: Vec<usize>,
    /// The annotation file the article comes from (none for the built-in).
    pub file: Option<PathBuf>,
    /// The article text file on disk, when the text is not inline.
    pub text_file: Option<PathBuf>,
}

impl Article {
    /// The 1-based line of a byte offset in the text.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    /// The group this speaker belongs to (a delegation, "the reporters").
    pub member_of: Option<SpeakerIx>,
    /// Where the speaker sits among the groups: its group is every
    /// speaker whose place it holds.
    pub tree: TreeSpan,
    /// Depth below the top level of groups.
    pub depth: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Issue {
    pub id: String,
    pub title: String,
    pub proposition: Option<String>,
    /// The proposition in a few words, for beside a stance.
    pub short: Option<String>,
    pub summary: Option<String>,
    /// An issue outside the dispute (`dispute: false`): its stances are
    /// shown but never add to a side in a total.
    pub outside_dispute: bool,
    pub parent: Option<IssueIx>,
    /// Where the issue sits among the issues: its sub-issues are those
    /// whose place it holds.
    pub tree: TreeSpan,
    /// Depth below the top level (0 for an issue without a parent).
    pub depth: usize,
    /// Another issue whose proposition this one states (`same_as`, false)
    /// or negates (`opposite_of`, true): counted together with it, stances
    /// flipped for a negation.
    pub counted_as: Option<(IssueIx, bool)>,
}

/// A quote's words as the file gives them: one string, or the parts of one
/// statement interrupted by a reporting clause.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum QuoteText {
    Whole(String),
    Parts(Vec<String>),
}

impl Default for QuoteText {
    fn default() -> Self {
        QuoteText::Whole(String::new())
    }
}

impl QuoteText {
    pub fn parts(&self) -> &[String] {
        match self {
            QuoteText::Whole(s) => std::slice::from_ref(s),
            QuoteText::Parts(parts) => parts,
        }
    }
}

/// How the parts of a quote are joined when they are shown or copied.
pub const PART_JOINER: &str = " … ";

/// A quote: what its file says of it (its [`QuoteBody`], which the quote
/// reads through as if it were its own) and where it stands in the corpus.
/// The body is shared: when one file of a corpus changes, the quotes of the
/// others keep their bodies and only their places are made anew.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quote {
    pub body: Arc<QuoteBody>,
    pub article: ArticleIx,
    pub replies_to: Option<QuoteIx>,
    /// Quotes whose `replies_to` names this one, in reading order.
    pub answers: Vec<QuoteIx>,
    /// Another report of the same statement, as the file says.
    pub same_as: Option<QuoteIx>,
    /// The quote that stands for this one's statement in counts: its direct
    /// quote if it has one, else its first (this quote when it is alone).
    pub statement: QuoteIx,
    /// On the quote that counts a statement told more than once: every
    /// report of it, in reading order (see [`Corpus::other_reports`]);
    /// empty elsewhere, so that a statement told n times costs n, not n².
    pub reports: Vec<QuoteIx>,
}

impl Quote {
    /// A quote of `article` in the corpus's place `at`, linked to no other yet.
    pub fn placed(body: Arc<QuoteBody>, article: ArticleIx, at: QuoteIx) -> Quote {
        Quote {
            body,
            article,
            replies_to: None,
            answers: Vec::new(),
            same_as: None,
            statement: at,
            reports: Vec::new(),
        }
    }
}

impl std::ops::Deref for Quote {
    type Target = QuoteBody;

    fn deref(&self) -> &QuoteBody {
        &self.body
    }
}

/// What a quote's file says of it, resolved against the corpus's speakers
/// and issues and anchored in its article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuoteBody {
    /// Unique in its article.
    pub id: String,
    pub speaker: SpeakerIx,
    /// The issues the file lists, in its order.
    pub issues: Vec<IssueIx>,
    /// Every issue the quote counts under: its own and their ancestors, sorted.
    pub under: Vec<IssueIx>,
    /// Stance per listed issue; an issue without an entry has no stance.
    pub stances: Vec<(IssueIx, Stance)>,
    pub kind: Kind,
    /// The text as written in the file (shared with the file's reading).
    pub text: Arc<QuoteText>,
    /// Byte range of the located span in the article text: from the start of
    /// the first part to the end of the last.
    pub span: Range<usize>,
    /// Byte range of each part (one for a quote that is not in parts).
    pub parts: Vec<Range<usize>>,
    /// Who relayed reported speech, in the order the words travelled.
    pub via: Vec<SpeakerIx>,
    pub original: Option<String>,
    pub note: Option<String>,
}

impl QuoteBody {
    pub fn stance_on(&self, issue: IssueIx) -> Option<Stance> {
        self.stances.iter().find(|(i, _)| *i == issue).map(|(_, s)| *s)
    }

    pub fn is_under(&self, issue: IssueIx) -> bool {
        self.under.binary_search(&issue).is_ok()
    }
}

/// Loaded, valid annotations: one article or many, with one namespace of
/// speakers and issues.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    /// The corpus file's title; none for a single article.
    pub title: Option<String>,
    /// In date order (undated last), then in the order the files were read.
    pub articles: IxVec<ArticleIx, Article>,
    pub speakers: IxVec<SpeakerIx, Speaker>,
    pub issues: IxVec<IssueIx, Issue>,
    /// Each article's quotes in file order, article after article.
    pub quotes: IxVec<QuoteIx, Quote>,
    /// Reading order: by article, then where the span starts, then file order.
    pub order: Vec<QuoteIx>,
}

impl Corpus {
    /// A corpus of one empty article: what there is to show before anything is read.
    pub fn blank(title: &str) -> Corpus {
        let article = Article { title: title.to_string(), line_starts: vec![0], ..Article::default() };
        Corpus { articles: vec![article].into(), ..Corpus::default() }
    }

    /// What the corpus is called: its title, or its only article's.
    pub fn heading(&self) -> &str {
        match (&self.title, self.articles.iter().next()) {
            (Some(title), _) => title,
            (None, Some(article)) if self.articles.len() == 1 => &article.title,
            (None, _) => "Corpus",
        }
    }

    pub fn article_of(&self, q: QuoteIx) -> &Article {
        &self.articles[self.quotes[q].article]
    }

    /// The 1-based article line where a quote's span starts.
    pub fn quote_line(&self, q: QuoteIx) -> usize {
        self.article_of(q).line_of(self.quotes[q].span.start)
    }

    /// The quote's words as they stand in the article, parts joined by ` … `.
    pub fn words(&self, q: QuoteIx) -> Cow<'_, str> {
        let quote = &self.quotes[q];
        let text = &self.article_of(q).text;
        match &quote.parts[..] {
            [one] => Cow::Borrowed(&text[one.clone()]),
            parts => Cow::Owned(parts.iter().map(|p| &text[p.clone()]).collect::<Vec<_>>().join(PART_JOINER)),
        }
    }

    /// Display name of a speaker.
    pub fn speaker_name(&self, speaker: SpeakerIx) -> &str {
        &self.speakers[speaker].name
    }

    /// Whether the quote's statement is counted through this quote: false
    /// for the other reports of a statement told more than once.
    pub fn counts(&self, q: QuoteIx) -> bool {
        self.quotes[q].statement == q
    }

    /// A quote's stance towards an issue, counting the stances it takes on
    /// the issue's sub-issues (combined by [`Stance::combine`]).
    pub fn stance_under(&self, q: QuoteIx, issue: IssueIx) -> Option<Stance> {
        let tree = self.issues[issue].tree;
        Stance::combine(
            self.quotes[q].stances.iter().filter(|(i, _)| tree.holds(self.issues[*i].tree)).map(|(_, s)| *s),
        )
    }

    /// The exchange quote `q` is part of, in the order a reader follows it:
    /// the first question, then each answer followed by the answers to it
    /// (a reply that asks back has answers of its own). A quote outside
    /// any exchange is alone in it.
    pub fn exchange(&self, q: QuoteIx) -> Vec<QuoteIx> {
        // Up to the first question; replies that go round in a circle stop
        // where they would come back.
        let mut up = vec![q];
        while let Some(r) = self.quotes[*up.last().expect("q")].replies_to {
            if up.contains(&r) {
                break;
            }
            up.push(r);
        }
        let mut order = Vec::new();
        let mut stack = vec![*up.last().expect("q")];
        while let Some(at) = stack.pop() {
            if !order.contains(&at) {
                order.push(at);
                stack.extend(self.quotes[at].answers.iter().rev());
            }
        }
        order
    }

    /// The issue whose row counts issue `i` (itself, or the one it is
    /// declared the same as or the opposite of), and whether a stance on
    /// `i` flips there.
    pub fn counted_as(&self, i: IssueIx) -> (IssueIx, bool) {
        self.issues[i].counted_as.unwrap_or((i, false))
    }

    /// The issues whose rows count quote `q`: its own, each replaced by the
    /// issue it is counted as, each once.
    pub fn counted_on(&self, q: QuoteIx) -> Vec<IssueIx> {
        let mut on: Vec<IssueIx> = self.quotes[q].issues.iter().map(|&i| self.counted_as(i).0).collect();
        on.sort_unstable();
        on.dedup();
        on
    }

    /// Whether quote `q` is tagged with `issue`, or with an issue counted as it.
    pub fn is_on(&self, q: QuoteIx, issue: IssueIx) -> bool {
        self.quotes[q].issues.iter().any(|&i| self.counted_as(i).0 == issue)
    }

    /// Quote `q`'s stance on `issue`'s own proposition, counting its stances
    /// on the issues declared the same (and, flipped, on those declared its
    /// opposite).
    pub fn stance_as(&self, q: QuoteIx, issue: IssueIx) -> Option<Stance> {
        Stance::combine(self.quotes[q].stances.iter().filter_map(|&(i, s)| {
            let (counted, flips) = self.counted_as(i);
            (counted == issue).then(|| if flips { s.flipped() } else { s })
        }))
    }

    /// The other reports of the statement quote `q` reports, in reading order.
    pub fn other_reports(&self, q: QuoteIx) -> impl Iterator<Item = QuoteIx> + '_ {
        self.quotes[self.quotes[q].statement].reports.iter().copied().filter(move |&o| o != q)
    }

    /// Whether `speaker` said the quote, as itself or through a member of its group.
    pub fn said_by(&self, q: QuoteIx, speaker: SpeakerIx) -> bool {
        self.speakers[speaker].tree.holds(self.speakers[self.quotes[q].speaker].tree)
    }

    /// Whether `speaker` (or a member of its group) relayed the quote.
    pub fn relayed_by(&self, q: QuoteIx, speaker: SpeakerIx) -> bool {
        let group = self.speakers[speaker].tree;
        self.quotes[q].via.iter().any(|&v| group.holds(self.speakers[v].tree))
    }

    /// The quotes, in reading order, said by any of `speakers` (their
    /// groups included) and under any of `issues` (or their sub-issues); an
    /// empty list does not filter.
    pub fn filter(&self, speakers: &[SpeakerIx], issues: &[IssueIx]) -> Vec<QuoteIx> {
        self.order
            .iter()
            .copied()
            .filter(|&q| {
                (speakers.is_empty() || speakers.iter().any(|&s| self.said_by(q, s)))
                    && (issues.is_empty() || issues.iter().any(|&i| self.quotes[q].is_under(i)))
            })
            .collect()
    }

    pub fn speaker_by_id(&self, id: &str) -> Option<SpeakerIx> {
        self.speakers.position(|s| s.id == id)
    }

    pub fn issue_by_id(&self, id: &str) -> Option<IssueIx> {
        self.issues.position(|i| i.id == id)
    }

    pub fn article_by_id(&self, id: &str) -> Option<ArticleIx> {
        self.articles.position(|a| a.id == id)
    }

    /// A quote by its id: `QUOTE` when it is unique in the corpus, or
    /// `ARTICLE/QUOTE`.
    pub fn quote_by_id(&self, id: &str) -> Option<QuoteIx> {
        if let Some((article, quote)) = id.split_once('/')
            && let Some(a) = self.article_by_id(article)
            && let Some(q) = self.quotes.position(|q| q.article == a && q.id == quote)
        {
            return Some(q);
        }
        let mut found = self.quotes.enumerate().filter(|(_, q)| q.id == id).map(|(i, _)| i);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// How a quote is named where several articles may hold the same id:
    /// `QUOTE` in a single article, `ARTICLE/QUOTE` in a corpus.
    pub fn quote_name(&self, q: QuoteIx) -> Cow<'_, str> {
        let quote = &self.quotes[q];
        if self.articles.len() == 1 {
            Cow::Borrowed(&quote.id)
        } else {
            Cow::Owned(format!("{}/{}", self.articles[quote.article].id, quote.id))
        }
    }

    /// Code-point offsets of byte offsets in an article's text, for many
    /// offsets at once: `offsets` need not be sorted.
    pub fn char_offsets(&self, article: ArticleIx, offsets: &[usize]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![0; offsets.len()];
        let text = &self.articles[article].text;
        let (mut byte, mut chars) = (0, 0);
        for i in order {
            let target = offsets[i].min(text.len());
            chars += text[byte..target].chars().count();
            byte = target;
            out[i] = chars;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_stances() {
        use Stance::*;
        assert_eq!(Stance::combine([]), None);
        assert_eq!(Stance::combine([Support, Support]), Some(Support));
        assert_eq!(Stance::combine([Support, Neutral]), Some(Support));
        assert_eq!(Stance::combine([Oppose, Neutral]), Some(Oppose));
        assert_eq!(Stance::combine([Neutral, Neutral]), Some(Neutral));
        assert_eq!(Stance::combine([Support, Oppose]), Some(Mixed));
        assert_eq!(
            Stance::combine([Mixed, Support]),
            Some(Support),
            "one mixed statement undoes no direction"
        );
        assert_eq!(Stance::combine([Mixed, Neutral]), Some(Mixed));
        assert_eq!(Stance::combine([Mixed, Support, Oppose]), Some(Mixed));
    }
}
