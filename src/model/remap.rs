//! Carrying indices from a corpus to the one that replaced it, by id.
//!
//! A reload gives every speaker, issue, article and quote a new index: a
//! file may have gained, lost or reordered them. Whatever the browser
//! remembers (filters, the selection, history, an open view) is carried
//! across through one [`Remap`], so that an old index never reaches the new
//! corpus: what is still there is found by its id, what is gone is `None`.

use super::{ArticleIx, Corpus, IssueIx, IxVec, QuoteIx, SpeakerIx, ix::per};
use std::collections::HashMap;
use std::ops::Range;

pub struct Remap<'a> {
    old: &'a Corpus,
    new: &'a Corpus,
    speakers: IxVec<SpeakerIx, Option<SpeakerIx>>,
    issues: IxVec<IssueIx, Option<IssueIx>>,
    articles: IxVec<ArticleIx, Option<ArticleIx>>,
    /// Each new article's quotes (they are stored article after article).
    quotes_of: IxVec<ArticleIx, Range<usize>>,
}

impl<'a> Remap<'a> {
    pub fn new(old: &'a Corpus, new: &'a Corpus) -> Remap<'a> {
        fn by_id<I: super::ix::Ix, T>(
            old: &IxVec<I, T>,
            new: &IxVec<I, T>,
            id: impl Fn(&T) -> &str,
        ) -> IxVec<I, Option<I>> {
            let index: HashMap<&str, I> = new.enumerate().map(|(i, t)| (id(t), i)).collect();
            old.iter().map(|t| index.get(id(t)).copied()).collect()
        }
        let mut quotes_of = per::<ArticleIx, Range<usize>>(new.articles.len(), 0..0);
        for (q, quote) in new.quotes.enumerate() {
            let range = &mut quotes_of[quote.article];
            if range.start == range.end {
                *range = q.index()..q.index() + 1;
            } else {
                range.end = q.index() + 1;
            }
        }
        Remap {
            old,
            new,
            speakers: by_id(&old.speakers, &new.speakers, |s| &s.id),
            issues: by_id(&old.issues, &new.issues, |i| &i.id),
            articles: by_id(&old.articles, &new.articles, |a| &a.id),
            quotes_of,
        }
    }

    pub fn speaker(&self, s: SpeakerIx) -> Option<SpeakerIx> {
        self.speakers.get(s).copied().flatten()
    }

    pub fn issue(&self, i: IssueIx) -> Option<IssueIx> {
        self.issues.get(i).copied().flatten()
    }

    pub fn article(&self, a: ArticleIx) -> Option<ArticleIx> {
        self.articles.get(a).copied().flatten()
    }

    /// The same article with the same text.
    pub fn same_text(&self, a: ArticleIx) -> Option<ArticleIx> {
        self.article(a).filter(|&n| self.new.articles[n].text == self.old.articles[a].text)
    }

    /// The same quote: the same id in the article of the same id.
    pub fn quote(&self, q: QuoteIx) -> Option<QuoteIx> {
        let quote = self.old.quotes.get(q)?;
        let article = self.article(quote.article)?;
        self.quotes_of[article].clone().map(QuoteIx::new).find(|&n| self.new.quotes[n].id == quote.id)
    }

    /// What the old corpus called a quote, for saying that it is gone.
    pub fn old_quote_name(&self, q: QuoteIx) -> String {
        self.old.quotes.get(q).map_or_else(String::new, |_| self.old.quote_name(q).into_owned())
    }

    pub fn old_speaker_id(&self, s: SpeakerIx) -> &str {
        self.old.speakers.get(s).map_or("", |s| &s.id)
    }

    pub fn old_issue_id(&self, i: IssueIx) -> &str {
        self.old.issues.get(i).map_or("", |i| &i.id)
    }

    pub fn old_article_id(&self, a: ArticleIx) -> &str {
        self.old.articles.get(a).map_or("", |a| &a.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bytes;

    fn corpus(speakers: &[&str], quotes: &[(&str, &str)]) -> Corpus {
        let mut yaml = String::from("article:\n  title: T\n  text: one two three four\nspeakers:\n");
        for s in speakers {
            yaml.push_str(&format!("  - {{id: {s}, name: {s}}}\n"));
        }
        yaml.push_str("quotes:\n");
        for (id, text) in quotes {
            yaml.push_str(&format!("  - {{id: {id}, speaker: {}, text: {text}}}\n", speakers[0]));
        }
        load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into())).into_corpus().unwrap()
    }

    #[test]
    fn what_stays_is_found_by_id_and_what_is_gone_is_none() {
        let old = corpus(&["a", "b", "c"], &[("x", "one"), ("y", "two"), ("z", "three")]);
        let new = corpus(&["c", "a"], &[("z", "three"), ("x", "one")]);
        let remap = Remap::new(&old, &new);
        assert_eq!(remap.speaker(SpeakerIx::new(0)), Some(SpeakerIx::new(1)));
        assert_eq!(remap.speaker(SpeakerIx::new(1)), None, "b is gone");
        assert_eq!(remap.speaker(SpeakerIx::new(2)), Some(SpeakerIx::new(0)));
        assert_eq!(remap.quote(QuoteIx::new(0)), Some(QuoteIx::new(1)));
        assert_eq!(remap.quote(QuoteIx::new(1)), None, "y is gone");
        assert_eq!(remap.quote(QuoteIx::new(2)), Some(QuoteIx::new(0)));
        assert_eq!(remap.quote(QuoteIx::new(99)), None, "an index the old corpus never had");
        assert_eq!(remap.article(ArticleIx::new(0)), Some(ArticleIx::new(0)));
    }

    #[test]
    fn nothing_maps_into_an_empty_corpus() {
        let old = corpus(&["a"], &[("x", "one")]);
        let empty = Corpus::default();
        let remap = Remap::new(&old, &empty);
        assert_eq!(remap.quote(QuoteIx::new(0)), None);
        assert_eq!(remap.article(ArticleIx::new(0)), None);
        assert_eq!(remap.speaker(SpeakerIx::new(0)), None);
    }
}
