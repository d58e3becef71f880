//! Anchoring: where each quote's text lies in the article.
//!
//! Quotes and article are compared with runs of Unicode white space folded
//! to one space. The article is folded once, keeping sparse breakpoints that
//! map a folded offset back to the original text, so a located span is exact
//! in the article as written. All quotes are found in one pass over the
//! folded article: rolling hashes of each position's next 32 and next 8
//! bytes are checked against the hashes of the quotes' first 32 bytes (or
//! first 8, for quotes shorter than 32 when there are many; two small
//! tables turn most positions away at once), and candidates are compared
//! in full; shorter quotes go through an Aho-Corasick automaton.
//! Occurrences of a quote are counted left to right without overlap.

use crate::text::{MAY_START_SPACE, space_at};
use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// How far (in characters) a part of a quote may lie from the part before it.
pub const PART_REACH: usize = 1_000;

/// The article with white space folded, and the way back to the original.
pub struct FoldedArticle {
    /// UTF-8: only whole white-space characters were replaced.
    pub folded: Vec<u8>,
    /// `(folded offset, original offset)` pairs; between two breakpoints the
    /// two texts advance together.
    breaks: Vec<(usize, usize)>,
}

impl std::fmt::Debug for FoldedArticle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FoldedArticle").field("bytes", &self.folded.len()).finish_non_exhaustive()
    }
}

impl FoldedArticle {
    pub fn new(text: &str) -> FoldedArticle {
        let bytes = text.as_bytes();
        let mut folded: Vec<u8> = Vec::with_capacity(text.len());
        let mut breaks = vec![(0, 0)];
        let mut i = 0;
        while i < bytes.len() {
            // Most bytes are no white space: copied a run at a time.
            let run = bytes[i..].iter().position(|&b| MAY_START_SPACE[b as usize]).unwrap_or(bytes.len() - i);
            folded.extend_from_slice(&bytes[i..i + run]);
            i += run;
            if i == bytes.len() {
                break;
            }
            let Some(first) = space_at(text, i) else {
                folded.push(bytes[i]);
                i += 1;
                continue;
            };
            let start = i;
            i += first;
            while let Some(n) = (i < bytes.len()).then(|| space_at(text, i)).flatten() {
                i += n;
            }
            let at = folded.len();
            folded.push(b' ');
            if &bytes[start..i] != b" " {
                breaks.push((at, start));
                breaks.push((at + 1, i));
            }
        }
        FoldedArticle { folded, breaks }
    }

    /// The folded text as a string (for hints: checks it again).
    pub fn folded_text(&self) -> String {
        String::from_utf8_lossy(&self.folded).into_owned()
    }

    /// The original offset of a folded offset.
    pub fn to_original(&self, folded_offset: usize) -> usize {
        let i = self.breaks.partition_point(|&(f, _)| f <= folded_offset) - 1;
        let (f, o) = self.breaks[i];
        o + (folded_offset - f)
    }

    /// Maps many folded offsets to original ones in one sweep over the
    /// breakpoints (a binary search each would miss the cache at every step).
    fn to_original_all(&self, offsets: &mut [usize]) {
        let mut order: Vec<u32> = (0..offsets.len() as u32).collect();
        order.sort_unstable_by_key(|&i| offsets[i as usize]);
        let mut b = 0;
        for i in order {
            let offset = offsets[i as usize];
            while b + 1 < self.breaks.len() && self.breaks[b + 1].0 <= offset {
                b += 1;
            }
            let (f, o) = self.breaks[b];
            offsets[i as usize] = o + (offset - f);
        }
    }
}

/// Where one quote was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Non-overlapping occurrences in the article.
    pub count: usize,
    /// The span of the wanted occurrence in the original text, if it exists.
    pub span: Option<Range<usize>>,
    /// The same span in the folded text.
    pub folded: Option<Range<usize>>,
}

/// Quotes at least this long (folded, in bytes) are found by a rolling hash
/// of their first bytes; shorter ones by an Aho-Corasick automaton.
const WINDOW: usize = 32;
/// The window for quotes shorter than `WINDOW`, when there are at least
/// `MANY_MID_SIZED` of them; shorter ones go through an Aho-Corasick automaton.
const MID_WINDOW: usize = 8;
const MANY_MID_SIZED: usize = 64;
const BASE: u64 = 0x100_0000_01B3;

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |h, &b| h.wrapping_mul(BASE).wrapping_add(b as u64))
}

/// Keys that are hashes already need no more hashing.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A bit per hash bucket: most positions of the article miss, cheaply.
struct Filter(Vec<u64>);

impl Filter {
    const BITS: u32 = 21;

    fn slot(h: u64) -> usize {
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    fn insert(&mut self, h: u64) {
        let s = Self::slot(h);
        self.0[s / 64] |= 1 << (s % 64);
    }

    fn may_contain(&self, h: u64) -> bool {
        let s = Self::slot(h);
        self.0[s / 64] & (1 << (s % 64)) != 0
    }
}

/// What the scan for long quotes looks up at each position: the hashes
/// of their first bytes, sorted, with a table from each hash to its first
/// entry (one probe, where a binary search over a large array would miss
/// the cache at every step); their first two bytes; and a bitmap of the
/// hashes.
struct Prefixes {
    hashes: Vec<(u64, usize)>,
    first_of: HashMap<u64, usize, BuildHasherDefault<AlreadyHashed>>,
    first_two: Vec<bool>,
    filter: Filter,
}

/// Locates every quote (already folded, non-empty) in the article;
/// `wanted[i]` is the 1-based occurrence to pick for quote `i`.
pub fn locate_all(article: &FoldedArticle, quotes: &[&str], wanted: &[usize]) -> Vec<Located> {
    let (texts, text_of) = distinct(quotes);
    let starts = occurrences(article, &texts);
    // Keep each quote's wanted occurrence; map those back to the original
    // text in one sweep.
    let mut results = vec![Located { count: 0, span: None, folded: None }; quotes.len()];
    let mut folded_spans: Vec<(usize, Range<usize>)> = Vec::new();
    for (q, &t) in text_of.iter().enumerate() {
        results[q].count = starts[t].len();
        if let Some(&start) = wanted[q].checked_sub(1).and_then(|n| starts[t].get(n)) {
            folded_spans.push((q, start..start + quotes[q].len()));
        }
    }
    let mut offsets: Vec<usize> = folded_spans.iter().flat_map(|(_, s)| [s.start, s.end]).collect();
    article.to_original_all(&mut offsets);
    for (i, (q, folded)) in folded_spans.into_iter().enumerate() {
        results[q].span = Some(offsets[2 * i]..offsets[2 * i + 1]);
        results[q].folded = Some(folded);
    }
    results
}

/// Where each text (already folded) occurs in the article: the original
/// offsets of its non-overlapping occurrences, left to right, counted as
/// quotes are found.
pub fn starts_of(article: &FoldedArticle, texts: &[&str]) -> Vec<Vec<usize>> {
    let (distinct, text_of) = distinct(texts);
    let mut starts = occurrences(article, &distinct);
    let mut offsets: Vec<usize> = starts.iter().flatten().copied().collect();
    article.to_original_all(&mut offsets);
    let mut offsets = offsets.into_iter();
    for s in starts.iter_mut().flat_map(|s| s.iter_mut()) {
        *s = offsets.next().expect("one offset per start");
    }
    text_of.into_iter().map(|t| starts[t].clone()).collect()
}

/// The texts, each once, and which of them each given text is: texts with
/// the same words are looked for once (a file may tell one short phrase
/// thousands of times, each at its own `occurrence`).
fn distinct<'a>(texts: &[&'a str]) -> (Vec<&'a str>, Vec<usize>) {
    let mut index: HashMap<&str, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(texts.len(), Default::default());
    let mut distinct: Vec<&str> = Vec::new();
    let text_of = texts
        .iter()
        .map(|&t| {
            *index.entry(t).or_insert_with(|| {
                distinct.push(t);
                distinct.len() - 1
            })
        })
        .collect();
    (distinct, text_of)
}

/// Where each text occurs in the folded article: its non-overlapping
/// starts, left to right.
fn occurrences(article: &FoldedArticle, quotes: &[&str]) -> Vec<Vec<usize>> {
    let hay = &article.folded[..];
    let long = Prefixes::new(WINDOW, quotes, |len| len >= WINDOW);
    // A few quotes shorter than `WINDOW` are found faster by the automaton
    // alone; many are found in the pass the long ones take.
    let mid_sized = quotes.iter().filter(|q| (MID_WINDOW..WINDOW).contains(&q.len())).count();
    let mid_window_from = if mid_sized >= MANY_MID_SIZED { MID_WINDOW } else { WINDOW };
    let mid = Prefixes::new(MID_WINDOW, quotes, |len| (mid_window_from..WINDOW).contains(&len));
    let short: Vec<usize> =
        (0..quotes.len()).filter(|&q| (1..mid_window_from).contains(&quotes[q].len())).collect();

    // Matches, as `(quote, start)`: each quote's in left-to-right order.
    let mut matches: Vec<(usize, usize)> = Vec::new();
    if !(long.hashes.is_empty() && mid.hashes.is_empty()) && hay.len() >= MID_WINDOW {
        let last = hay.len() - MID_WINDOW;
        let scan =
            |starts: Range<usize>, out: &mut Vec<(usize, usize)>| scan(&long, &mid, hay, quotes, starts, out);
        if hay.len() < 1 << 20 {
            scan(0..last + 1, &mut matches);
        } else {
            // Two halves at once; the left half's matches come first.
            let middle = last / 2;
            let mut right = Vec::new();
            std::thread::scope(|scope| {
                let left = scope.spawn(move || {
                    let mut left = Vec::new();
                    scan(0..middle, &mut left);
                    left
                });
                scan(middle..last + 1, &mut right);
                matches = left.join().expect("scanning does not panic");
            });
            matches.append(&mut right);
        }
    }
    if !short.is_empty() {
        let patterns: Vec<&str> = short.iter().map(|&q| quotes[q]).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("an automaton over short quotes");
        // The matches that start in `starts`, each pattern's in order.
        let find = |starts: Range<usize>| -> Vec<(usize, usize)> {
            let input =
                aho_corasick::Input::new(hay).range(starts.start..(starts.end + WINDOW).min(hay.len()));
            (automaton.find_overlapping_iter(input))
                .filter(|m| m.start() < starts.end)
                .map(|m| (short[m.pattern().as_usize()], m.start()))
                .collect()
        };
        if hay.len() < 1 << 20 {
            matches.extend(find(0..hay.len()));
        } else {
            // Two halves at once, as above; a short quote is shorter than
            // `WINDOW`, so the left half reads that far into the right.
            let middle = hay.len() / 2;
            let (left, right) = std::thread::scope(|scope| {
                let left = scope.spawn(|| find(0..middle));
                let right = find(middle..hay.len());
                (left.join().expect("searching does not panic"), right)
            });
            matches.extend(left);
            matches.extend(right);
        }
    }

    // Each quote's matches that do not overlap the one before.
    let mut starts = vec![Vec::new(); quotes.len()];
    let mut next_free = vec![0usize; quotes.len()];
    for (q, start) in matches {
        if start < next_free[q] {
            continue;
        }
        next_free[q] = start + quotes[q].len();
        starts[q].push(start);
    }
    starts
}

impl Prefixes {
    /// The prefixes of `window` bytes of the quotes whose length `takes`.
    fn new(window: usize, quotes: &[&str], takes: impl Fn(usize) -> bool) -> Prefixes {
        let mut prefixes = Prefixes {
            hashes: Vec::new(),
            first_of: HashMap::default(),
            first_two: vec![false; 1 << 16],
            filter: Filter(vec![0; (1 << Filter::BITS) / 64]),
        };
        for (q, text) in quotes.iter().enumerate().filter(|(_, t)| takes(t.len())) {
            let bytes = text.as_bytes();
            let h = hash(&bytes[..window]);
            prefixes.hashes.push((h, q));
            prefixes.first_two[(bytes[0] as usize) << 8 | bytes[1] as usize] = true;
            prefixes.filter.insert(h);
        }
        prefixes.hashes.sort_unstable();
        for (i, &(h, _)) in prefixes.hashes.iter().enumerate().rev() {
            prefixes.first_of.insert(h, i);
        }
        prefixes
    }

    /// Pushes `(quote, start)` for each of its quotes that starts at
    /// `start`, where the next `window` bytes hash to `h`.
    fn check(&self, hay: &[u8], quotes: &[&str], start: usize, h: u64, out: &mut Vec<(usize, usize)>) {
        if self.first_two[(hay[start] as usize) << 8 | hay[start + 1] as usize]
            && self.filter.may_contain(h)
            && let Some(&from) = self.first_of.get(&h)
        {
            for &(_, q) in self.hashes[from..].iter().take_while(|&&(k, _)| k == h) {
                if hay[start..].starts_with(quotes[q].as_bytes()) {
                    out.push((q, start));
                }
            }
        }
    }
}

/// Pushes `(quote, start)` for every quote of `long` or `mid` that starts
/// at a position of `starts` (positions with `MID_WINDOW` bytes after
/// them), in order: one pass with a rolling hash for each window.
fn scan(
    long: &Prefixes,
    mid: &Prefixes,
    hay: &[u8],
    quotes: &[&str],
    starts: Range<usize>,
    out: &mut Vec<(usize, usize)>,
) {
    if starts.is_empty() {
        return;
    }
    let (top_long, top_mid) =
        (BASE.wrapping_pow(WINDOW as u32 - 1), BASE.wrapping_pow(MID_WINDOW as u32 - 1));
    let long_ends = hay.len().saturating_sub(WINDOW - 1);
    let with_mid = !mid.hashes.is_empty();
    let mut h_mid = hash(&hay[starts.start..starts.start + MID_WINDOW]);
    let mut h_long =
        if starts.start < long_ends { hash(&hay[starts.start..starts.start + WINDOW]) } else { 0 };
    for start in starts.clone() {
        if start > starts.start {
            let old = hay[start - 1] as u64;
            if with_mid {
                h_mid = h_mid
                    .wrapping_sub(old.wrapping_mul(top_mid))
                    .wrapping_mul(BASE)
                    .wrapping_add(hay[start + MID_WINDOW - 1] as u64);
            }
            if start < long_ends {
                h_long = h_long
                    .wrapping_sub(old.wrapping_mul(top_long))
                    .wrapping_mul(BASE)
                    .wrapping_add(hay[start + WINDOW - 1] as u64);
            }
        }
        if start < long_ends {
            long.check(hay, quotes, start, h_long, out);
        }
        if with_mid {
            mid.check(hay, quotes, start, h_mid, out);
        }
    }
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
/// trailing) words with the quote, from folded offset `from` on; ASCII
/// letter case is ignored here, since a hint is the place to point out a
/// wrong capital.
pub fn closest_passage(
    article: &FoldedArticle,
    folded: &str,
    lowered_article: &str,
    quote: &str,
    from: usize,
) -> Option<Closest> {
    let from = (0..=from.min(folded.len())).rev().find(|&i| folded.is_char_boundary(i)).unwrap_or(0);
    let (folded, lowered_article) = (&folded[from..], &lowered_article[from..]);
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
            if memmem::find(lowered_article.as_bytes(), joined(part).as_bytes()).is_some() {
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
        let at = memmem::find(lowered_article.as_bytes(), joined(&words[..head]).as_bytes())?;
        let after = at + joined(&words[..head]).len();
        let differs = original_words.get(head).map(|quote_word| {
            let rest = folded[after..].trim_start();
            let article_word = rest.split(' ').next().unwrap_or("");
            // Compare like with like: the quote's word with its punctuation,
            // the article's without what the quote's does not have.
            let article_word = match quote_word.chars().last() {
                Some(c) if !c.is_alphanumeric() => article_word,
                _ => article_word.trim_end_matches(|c: char| !c.is_alphanumeric()),
            }
            .to_string();
            (quote_word.to_string(), article_word)
        });
        return Some(Closest { start: article.to_original(from + at), differs });
    }
    if tail > 0 && meaningful(&words[words.len() - tail..]) {
        let part = joined(&words[words.len() - tail..]);
        let at = memmem::find(lowered_article.as_bytes(), part.as_bytes())?;
        // Start the passage as many words back as the quote has before it.
        let mut start = at;
        for _ in 0..words.len() - tail {
            let before = folded[..start].trim_end_matches(' ');
            start = before.rfind(' ').map_or(0, |i| i + 1);
        }
        let differs = original_words.get(words.len() - tail - 1).map(|quote_word| {
            let before = folded[..at].trim_end();
            let article_word = before.rsplit(' ').next().unwrap_or("");
            let article_word = match quote_word.chars().next() {
                Some(c) if !c.is_alphanumeric() => article_word,
                _ => article_word.trim_start_matches(|c: char| !c.is_alphanumeric()),
            }
            .to_string();
            (quote_word.to_string(), article_word)
        });
        return Some(Closest { start: article.to_original(from + start), differs });
    }
    None
}

/// Where a further part of a quote lies: the first match of `part` (folded)
/// after folded offset `from`, as `(folded range, original range)`.
pub fn find_after(article: &FoldedArticle, part: &str, from: usize) -> Option<(Range<usize>, Range<usize>)> {
    let at = from + memmem::find(article.folded.get(from..)?, part.as_bytes())?;
    let folded = at..at + part.len();
    Some((folded.clone(), article.to_original(folded.start)..article.to_original(folded.end)))
}

/// Whether `part` (folded) occurs before folded offset `until`.
pub fn occurs_before(article: &FoldedArticle, part: &str, until: usize) -> bool {
    memmem::find(&article.folded[..until.min(article.folded.len())], part.as_bytes()).is_some()
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
        assert_eq!(find("aaaa", "aa", 1), Located { count: 2, span: Some(0..2), folded: Some(0..2) });
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

    /// Non-overlapping occurrences, left to right, the slow and obvious way.
    fn naive(hay: &str, needle: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = hay[from..].find(needle) {
            out.push(from + i);
            from += i + needle.len();
        }
        out
    }

    #[test]
    fn agrees_with_a_naive_search_on_random_texts() {
        let mut rng = crate::synthetic::Rng::new(3);
        let alphabet = ["a", "b", "ab ", " ", "\n", "é", "ba", "aaaa"];
        for round in 0..200 {
            let article: String = (0..rng.below(300)).map(|_| *rng.pick(&alphabet)).collect();
            let folded = FoldedArticle::new(&article);
            // Many quotes or few: quotes shorter than the long window are
            // found in the long ones' pass when there are many of them.
            let quotes: Vec<String> = (0..if round % 2 == 0 { 20 } else { 200 })
                .map(|_| {
                    let len = 1 + rng.below(40);
                    let text: String = (0..len).map(|_| *rng.pick(&alphabet)).collect();
                    crate::text::fold_whitespace(&text).into_owned()
                })
                .filter(|q| !q.is_empty())
                .collect();
            let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let wanted: Vec<usize> = refs.iter().map(|_| 1 + rng.below(3)).collect();
            let text = folded.folded_text();
            for (q, got) in locate_all(&folded, &refs, &wanted).into_iter().enumerate() {
                let expected = naive(&text, refs[q]);
                assert_eq!(got.count, expected.len(), "{:?} in {:?}", refs[q], text);
                let span = expected
                    .get(wanted[q] - 1)
                    .map(|&s| folded.to_original(s)..folded.to_original(s + refs[q].len()));
                assert_eq!(got.span, span);
            }
        }
    }

    #[test]
    fn a_large_article_is_scanned_in_two_halves_without_losing_a_match() {
        let mut rng = crate::synthetic::Rng::new(9);
        let words = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "eta", "theta"];
        let mut article = String::new();
        while article.len() < 1_500_000 {
            let word: &&str = rng.pick(&words);
            article.push_str(word);
            article.push(if rng.chance(10) { '\n' } else { ' ' });
        }
        let folded = FoldedArticle::new(&article);
        let text = folded.folded_text();
        let middle = text.len() / 2;
        // Quotes that start just before, at and after the middle of the scan.
        let quotes: Vec<String> = (0..200)
            .map(|i| {
                let mut start = middle - 100 + i;
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                let mut end = start + 40 + i % 30;
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text[start..end].trim().to_string()
            })
            .collect();
        let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let wanted = vec![1; refs.len()];
        for (q, got) in locate_all(&folded, &refs, &wanted).into_iter().enumerate() {
            let expected = naive(&text, refs[q]);
            assert_eq!(got.count, expected.len(), "{:?}", refs[q]);
            assert_eq!(got.span.map(|s| s.start), expected.first().map(|&s| folded.to_original(s)));
        }
    }

    #[test]
    fn closest_passage_names_the_differing_word() {
        let article = FoldedArticle::new("Intro.\nOn the main issue, no improvement has been achieved.");
        let folded = article.folded_text();
        let lowered = folded.to_ascii_lowercase();
        let c = closest_passage(&article, &folded, &lowered, "On the main issue, no improvment has been", 0)
            .unwrap();
        assert_eq!(c.start, 7);
        assert_eq!(c.differs, Some(("improvment".into(), "improvement".into())));
        let c = closest_passage(&article, &folded, &lowered, "In the main issue, no improvement", 0).unwrap();
        assert_eq!(c.differs, Some(("In".into(), "On".into())));
        assert_eq!(closest_passage(&article, &folded, &lowered, "zebra crossing", 0), None);
    }
}
