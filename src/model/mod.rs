//! The annotated article: speakers, issues, quotes and the text they anchor
//! in, loaded from a file, validated, resolved to indices and anchored.
//!
//! Nothing here knows about terminals. Once loaded, an [`Annotation`] is
//! immutable; every reference between items is an index, so the rest of the
//! program never looks up an id string.

mod anchor;
pub mod diagnostic;
mod load;
mod locate;
pub mod yaml;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{Loaded, Source, Unreadable, load, load_bytes};
pub use locate::Position;

use std::ops::Range;
use std::path::PathBuf;

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

    /// The aggregation rule, used wherever several stances become one (a
    /// matrix cell, a quote under a parent issue): `mixed` when any is mixed
    /// or support and oppose meet; otherwise support or oppose, which a
    /// neutral stance does not contradict; neutral when all are neutral;
    /// none when there is no stance at all.
    pub fn combine(stances: impl IntoIterator<Item = Stance>) -> Option<Stance> {
        let (mut support, mut oppose, mut neutral) = (false, false, false);
        for s in stances {
            match s {
                Stance::Mixed => return Some(Stance::Mixed),
                Stance::Support => support = true,
                Stance::Oppose => oppose = true,
                Stance::Neutral => neutral = true,
            }
        }
        match (support, oppose, neutral) {
            (true, true, _) => Some(Stance::Mixed),
            (true, false, _) => Some(Stance::Support),
            (false, true, _) => Some(Stance::Oppose),
            (false, false, true) => Some(Stance::Neutral),
            (false, false, false) => None,
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
    pub title: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Byte offset where each line of `text` starts.
    pub line_starts: Vec<usize>,
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
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Issue {
    pub id: String,
    pub title: String,
    pub proposition: Option<String>,
    pub summary: Option<String>,
    pub parent: Option<usize>,
    /// The issue itself and every issue below it, through `parent` links.
    pub subtree: Vec<usize>,
    /// Depth below the top level (0 for an issue without a parent).
    pub depth: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quote {
    pub id: String,
    pub speaker: usize,
    /// The issues the file lists, in its order.
    pub issues: Vec<usize>,
    /// Every issue the quote counts under: its own and their ancestors.
    pub under: Vec<usize>,
    /// Stance per listed issue; an issue without an entry has no stance.
    pub stances: Vec<(usize, Stance)>,
    pub kind: Kind,
    /// The text as written in the file.
    pub text: String,
    /// Byte range of the located span in the article text.
    pub span: Range<usize>,
    pub replies_to: Option<usize>,
    /// Quotes whose `replies_to` names this one.
    pub answers: Vec<usize>,
    pub via: Option<usize>,
    pub note: Option<String>,
}

impl Quote {
    pub fn stance_on(&self, issue: usize) -> Option<Stance> {
        self.stances.iter().find(|(i, _)| *i == issue).map(|(_, s)| *s)
    }

    pub fn is_under(&self, issue: usize) -> bool {
        self.under.binary_search(&issue).is_ok()
    }
}

/// A loaded, valid annotation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotation {
    pub article: Article,
    pub speakers: Vec<Speaker>,
    pub issues: Vec<Issue>,
    /// In file order.
    pub quotes: Vec<Quote>,
    /// Quote indices ordered by where their spans start (then file order).
    pub article_order: Vec<usize>,
    /// The article text file on disk, when the text is not inline.
    pub text_file: Option<PathBuf>,
}

impl Annotation {
    /// The 1-based article line where a quote's span starts.
    pub fn quote_line(&self, quote: usize) -> usize {
        self.article.line_of(self.quotes[quote].span.start)
    }

    /// Display name of a speaker by index.
    pub fn speaker_name(&self, speaker: usize) -> &str {
        &self.speakers[speaker].name
    }

    /// A quote's stance towards an issue, counting the stances it takes on
    /// the issue's sub-issues (combined by [`Stance::combine`]).
    pub fn stance_under(&self, quote: usize, issue: usize) -> Option<Stance> {
        let subtree = &self.issues[issue].subtree;
        Stance::combine(
            self.quotes[quote]
                .stances
                .iter()
                .filter(|(i, _)| subtree.binary_search(i).is_ok())
                .map(|(_, s)| *s),
        )
    }

    /// A quote's stances in words: `support` when one stance covers all its
    /// issues, else `Issue title: stance` for each; empty when it has none.
    pub fn stance_summary(&self, quote: usize) -> String {
        let q = &self.quotes[quote];
        let Some(&(_, first)) = q.stances.first() else { return String::new() };
        if q.stances.len() == q.issues.len() && q.stances.iter().all(|(_, s)| *s == first) {
            return first.name().to_string();
        }
        q.stances
            .iter()
            .map(|(i, s)| format!("{}: {}", self.issues[*i].title, s.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The quotes, in article order, by any of `speakers` and under any of
    /// `issues` (or their sub-issues); an empty list does not filter.
    pub fn filter(&self, speakers: &[usize], issues: &[usize]) -> Vec<usize> {
        self.article_order
            .iter()
            .copied()
            .filter(|&q| {
                let quote = &self.quotes[q];
                (speakers.is_empty() || speakers.contains(&quote.speaker))
                    && (issues.is_empty() || issues.iter().any(|&i| quote.is_under(i)))
            })
            .collect()
    }

    /// Who said a quote, and the rest of its description: issues, stance,
    /// kind (when not direct) and relayer.
    pub fn byline(&self, quote: usize) -> (String, String) {
        let q = &self.quotes[quote];
        let mut parts = Vec::new();
        if !q.issues.is_empty() {
            parts
                .push(q.issues.iter().map(|&i| self.issues[i].title.as_str()).collect::<Vec<_>>().join(", "));
        }
        let stance = self.stance_summary(quote);
        if !stance.is_empty() {
            parts.push(stance);
        }
        if q.kind != Kind::Direct {
            parts.push(q.kind.name().to_string());
        }
        if let Some(v) = q.via {
            parts.push(format!("via {}", self.speaker_name(v)));
        }
        (self.speaker_name(q.speaker).to_string(), parts.join(" · "))
    }

    pub fn speaker_by_id(&self, id: &str) -> Option<usize> {
        self.speakers.iter().position(|s| s.id == id)
    }

    pub fn issue_by_id(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|i| i.id == id)
    }

    pub fn quote_by_id(&self, id: &str) -> Option<usize> {
        self.quotes.iter().position(|q| q.id == id)
    }

    /// Code-point offsets of a byte offset in the article text, for many
    /// offsets at once: `offsets` need not be sorted.
    pub fn char_offsets(&self, offsets: &[usize]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![0; offsets.len()];
        let text = &self.article.text;
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
        assert_eq!(Stance::combine([Mixed, Support]), Some(Mixed));
    }
}
