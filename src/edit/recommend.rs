//! Recommendations learned from the annotator's own work: for a stretch
//! of words, the issues and stances of the most similar quotes already
//! annotated. Similarity is by words: each quote is the set of its words
//! (lower-cased, three letters or more, common function words left out),
//! each word weighted by how rare it is among the annotated quotes (its
//! inverse document frequency); two quotes' similarity is the cosine of
//! their weighted sets. The [`NEIGHBOURS`] most similar quotes vote for
//! their issues with their similarity; an issue's percentage is its share
//! of the votes (fewer similar quotes cast a share of a full vote each), and
//! its stance the one its voters weigh most.

use crate::model::{Corpus, IssueIx, QuoteIx, Stance};
use std::collections::HashMap;

/// How many similar quotes vote.
pub const NEIGHBOURS: usize = 5;
/// An issue is recommended with at least this share of the votes.
pub const MIN_PERCENT: u8 = 30;

/// One recommended issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    pub issue: IssueIx,
    /// Its share of the similar quotes' votes, 0–100.
    pub percent: u8,
    pub stance: Option<Stance>,
    /// How many of the similar quotes list it.
    pub voters: usize,
}

impl Recommendation {
    /// Whether it is strong enough to be preselected: at least half the
    /// votes, from at least two quotes (one similar quote is a hint, not
    /// evidence).
    pub fn preselected(&self) -> bool {
        self.percent >= 50 && self.voters >= 2
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "for", "are", "was", "were", "not", "but", "have", "has", "had",
    "will", "would", "can", "could", "should", "there", "their", "they", "them", "its", "it's", "from",
    "which", "what", "who", "whom", "all", "any", "our", "you", "your", "she", "her", "his", "him", "about",
    "into", "than", "then", "also", "been", "being", "does", "did", "doing", "very", "just", "more", "most",
    "some", "such", "only", "other", "these", "those", "when", "where", "while", "here", "over", "said",
];

/// The words a quote is compared by.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
        .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The issues recommended for `words`, most votes first, learned from
/// the annotated quotes that `learn_from` admits.
pub fn recommend(
    corpus: &Corpus,
    words: &[String],
    learn_from: impl Fn(QuoteIx) -> bool,
) -> Vec<Recommendation> {
    let annotated: Vec<(QuoteIx, Vec<String>)> = corpus
        .quotes
        .ids()
        .filter(|&q| !corpus.quotes[q].issues.is_empty() && learn_from(q))
        .map(|q| (q, self::words(&corpus.quotes[q].text.parts().join(" "))))
        .collect();
    if annotated.is_empty() || words.is_empty() {
        return Vec::new();
    }
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for (_, ws) in &annotated {
        for w in ws {
            *frequency.entry(w).or_default() += 1;
        }
    }
    let n = annotated.len() as f64;
    let weight = |w: &str| (1.0 + n / (1.0 + *frequency.get(w).unwrap_or(&0) as f64)).ln();
    let norm = |ws: &[String]| ws.iter().map(|w| weight(w).powi(2)).sum::<f64>().sqrt();
    let mine = norm(words);
    let mut similar: Vec<(f64, QuoteIx)> = annotated
        .iter()
        .filter_map(|(q, ws)| {
            let shared: f64 =
                ws.iter().filter(|w| words.binary_search(w).is_ok()).map(|w| weight(w).powi(2)).sum();
            let similarity = shared / (mine * norm(ws)).max(f64::EPSILON);
            (similarity > 0.05).then_some((similarity, *q))
        })
        .collect();
    similar.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    similar.truncate(NEIGHBOURS);
    // Fewer similar quotes than the full number are less evidence: the
    // votes are shares of what a full set of voters would cast.
    let total: f64 = similar.iter().map(|(s, _)| s).sum::<f64>() * NEIGHBOURS as f64 / similar.len() as f64;
    let mut votes: HashMap<IssueIx, (f64, [f64; 4], usize)> = HashMap::new();
    for &(similarity, q) in &similar {
        let quote = &corpus.quotes[q];
        for &issue in &quote.issues {
            let vote = votes.entry(issue).or_default();
            vote.0 += similarity;
            vote.2 += 1;
            if let Some(stance) = quote.stance_on(issue) {
                vote.1[Stance::ALL.iter().position(|s| *s == stance).expect("a stance")] += similarity;
            }
        }
    }
    let mut out: Vec<Recommendation> = votes
        .into_iter()
        .map(|(issue, (score, stances, voters))| {
            let best = (0..4).max_by(|&a, &b| stances[a].total_cmp(&stances[b]).then(b.cmp(&a)));
            let stance = best.filter(|&i| stances[i] > 0.0).map(|i| Stance::ALL[i]);
            let percent = (100.0 * score / total).round().min(100.0) as u8;
            Recommendation { issue, percent, stance, voters }
        })
        .filter(|r| r.percent >= MIN_PERCENT)
        .collect();
    out.sort_by(|a, b| b.percent.cmp(&a.percent).then(a.issue.cmp(&b.issue)));
    out.truncate(3);
    out
}

/// The recommendations as a comment `suggest --into` writes above a quote.
pub fn comment(corpus: &Corpus, recommendations: &[Recommendation]) -> Option<String> {
    if recommendations.is_empty() {
        return None;
    }
    let each: Vec<String> = recommendations
        .iter()
        .map(|r| {
            let issue = &corpus.issues[r.issue].id;
            match r.stance {
                Some(s) => format!("{issue} {} {}%", s.name(), r.percent),
                None => format!("{issue} {}%", r.percent),
            }
        })
        .collect();
    Some(format!("recommended: {}", each.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_short_and_function_words() {
        assert_eq!(words("NATO will not expand, said the NATO chief."), ["chief", "expand", "nato"]);
    }
}
