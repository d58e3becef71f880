//! Anchoring: where each quote's text lies in the article.
//!
//! Quotes and article are compared with runs of Unicode white space folded
//! to one space. The article is folded once, keeping sparse breakpoints that
//! map a folded offset back to the original text, so a located span is exact
//! in the article as written. All quotes are found in one pass over the
//! folded article: an Aho-Corasick automaton over each quote's first bytes
//! finds candidates, which are then checked in full. Occurrences of a quote
//! are counted left to right without overlap.

use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// The article with white space folded, and the way back to the original.
pub struct FoldedArticle {
    pub folded: String,
    /// `(folded offset, original offset)` pairs; between two breakpoints the
    /// two texts advance together.
    breaks: Vec<(usize, usize)>,
}

impl FoldedArticle {
    pub fn new(text: &str) -> FoldedArticle {
        let mut folded = String::with_capacity(text.len());
        let mut breaks = vec![(0, 0)];
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_whitespace() {
                folded.push(c);
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_whitespace() {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let at = folded.len();
            folded.push(' ');
            if &text[start..end] != " " {
                breaks.push((at, start));
                breaks.push((at + 1, end));
            }
        }
        FoldedArticle { folded, breaks }
    }

    /// The original offset of a folded offset.
    pub fn to_original(&self, folded_offset: usize) -> usize {
        let i = self.breaks.partition_point(|&(f, _)| f <= folded_offset) - 1;
        let (f, o) = self.breaks[i];
        o + (folded_offset - f)
    }

    fn span_to_original(&self, span: Range<usize>) -> Range<usize> {
        self.to_original(span.start)..self.to_original(span.end)
    }
}

/// Where one quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Non-overlapping occurrences in the article.
    pub count: usize,
    /// The span of the wanted occurrence in the original text, if it exists.
    pub span: Option<Range<usize>>,
}

/// How many leading bytes of each quote go into the automaton: enough to
/// make false candidates rare, few enough to keep the automaton small.
const PREFIX_BYTES: usize = 32;

/// Locates every quote (already folded, non-empty) in the article;
/// `wanted[i]` is the 1-based occurrence to pick for quote `i`.
pub fn locate_all(article: &FoldedArticle, quotes: &[&str], wanted: &[usize]) -> Vec<Located> {
    let mut results = vec![Located { count: 0, span: None }; quotes.len()];
    let mut prefixes: Vec<&str> = Vec::new();
    let mut group_of_prefix: std::collections::HashMap<&str, usize> = Default::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (q, text) in quotes.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let prefix = &text[..floor_char_boundary(text, PREFIX_BYTES)];
        let g = *group_of_prefix.entry(prefix).or_insert_with(|| {
            prefixes.push(prefix);
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(q);
    }
    if prefixes.is_empty() {
        return results;
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&prefixes)
        .expect("automaton over quote prefixes");
    let hay = article.folded.as_bytes();
    let mut next_free = vec![0usize; quotes.len()];
    for m in automaton.find_overlapping_iter(&article.folded) {
        for &q in &groups[m.pattern().as_usize()] {
            let text = quotes[q].as_bytes();
            let start = m.start();
            if start < next_free[q] || !hay[start..].starts_with(text) {
                continue;
            }
            next_free[q] = start + text.len();
            let r = &mut results[q];
            r.count += 1;
            if r.count == wanted[q] {
                r.span = Some(article.span_to_original(start..start + text.len()));
            }
        }
    }
    results
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    (0..=max).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// A hint for a quote that was not found: the passage that looks most like
/// it, and the first word where the two part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closest {
    /// Original offset where the passage starts.
    pub start: usize,
    /// `(word in the quote, word in the article)` where they first differ.
    pub differs: Option<(String, String)>,
}

/// Looks for the passage that shares the longest run of leading (or else
/// trailing) words with the quote; ASCII letter case is ignored here, since
/// a hint is the place to point out a wrong capital.
pub fn closest_passage(article: &FoldedArticle, lowered_article: &str, quote: &str) -> Option<Closest> {
    let lowered_quote = quote.to_ascii_lowercase();
    let words: Vec<&str> = lowered_quote.split(' ').collect();
    let original_words: Vec<&str> = quote.split(' ').collect();
    let joined = |ws: &[&str]| ws.join(" ");
    let meaningful = |ws: &[&str]| ws.len() >= 2 || ws.iter().map(|w| w.len()).sum::<usize>() >= 8;
    // Longest prefix of words that occurs (occurrence is monotone in length).
    let longest = |from_end: bool| {
        let (mut lo, mut hi) = (0, words.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let part = if from_end { &words[words.len() - mid..] } else { &words[..mid] };
            if lowered_article.contains(&joined(part)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    };
    let head = longest(false);
    let tail = longest(true);
    if head >= tail && head > 0 && meaningful(&words[..head]) {
        let at = lowered_article.find(&joined(&words[..head]))?;
        let after = at + joined(&words[..head]).len();
        let differs = original_words.get(head).map(|quote_word| {
            let rest = article.folded[after..].trim_start();
            let article_word = rest.split(' ').next().unwrap_or("").to_string();
            (quote_word.to_string(), article_word)
        });
        return Some(Closest { start: article.to_original(at), differs });
    }
    if tail > 0 && meaningful(&words[words.len() - tail..]) {
        let part = joined(&words[words.len() - tail..]);
        let at = lowered_article.find(&part)?;
        // Start the passage as many words back as the quote has before it.
        let mut start = at;
        for _ in 0..words.len() - tail {
            let before = article.folded[..start].trim_end_matches(' ');
            start = before.rfind(' ').map_or(0, |i| i + 1);
        }
        let differs = original_words.get(words.len() - tail - 1).map(|quote_word| {
            let before = article.folded[..at].trim_end();
            let article_word = before.rsplit(' ').next().unwrap_or("").to_string();
            (quote_word.to_string(), article_word)
        });
        return Some(Closest { start: article.to_original(start), differs });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(article: &str, quote: &str, wanted: usize) -> Located {
        let folded = FoldedArticle::new(article);
        locate_all(&folded, &[quote], &[wanted]).remove(0)
    }

    #[test]
    fn folds_white_space_and_maps_back() {
        let article = "He said:\n“We  were\u{a0}firm\tin opposing”.";
        let r = find(article, "We were firm in opposing", 1);
        assert_eq!(r.count, 1);
        assert_eq!(&article[r.span.unwrap()], "We  were\u{a0}firm\tin opposing");
    }

    #[test]
    fn counts_without_overlap_and_picks_occurrence() {
        assert_eq!(find("aaaa", "aa", 1), Located { count: 2, span: Some(0..2) });
        assert_eq!(find("aaaa", "aa", 2).span, Some(2..4));
        assert_eq!(find("aaaa", "aa", 3).span, None);
        assert_eq!(find("abc", "x", 1).count, 0);
    }

    #[test]
    fn case_and_typography_must_match() {
        assert_eq!(find("NATO’s door", "NATO's door", 1).count, 0);
        assert_eq!(find("NATO door", "nato door", 1).count, 0);
    }

    #[test]
    fn long_quotes_sharing_a_prefix_are_told_apart() {
        let head = "x".repeat(40);
        let article = format!("{head} one. {head} two.");
        let folded = FoldedArticle::new(&article);
        let q1 = format!("{head} two");
        let q2 = format!("{head} one");
        let got = locate_all(&folded, &[&q1, &q2], &[1, 1]);
        assert_eq!(got[0].span, Some(46..90));
        assert_eq!(got[1].span, Some(0..44));
    }

    #[test]
    fn closest_passage_names_the_differing_word() {
        let article = FoldedArticle::new("Intro.\nOn the main issue, no improvement has been achieved.");
        let lowered = article.folded.to_ascii_lowercase();
        let c = closest_passage(&article, &lowered, "On the main issue, no improvment has been").unwrap();
        assert_eq!(c.start, 7);
        assert_eq!(c.differs, Some(("improvment".into(), "improvement".into())));
        let c = closest_passage(&article, &lowered, "In the main issue, no improvement").unwrap();
        assert_eq!(c.differs, Some(("In".into(), "On".into())));
        assert_eq!(closest_passage(&article, &lowered, "zebra crossing"), None);
    }
}
