//! Search: the query language of DESIGN §3 and its matching, shared by the
//! browser's `/` and `whosaid quotes --search`. Pure functions over an
//! [`Corpus`] and a [`SearchIndex`] built from it.
//!
//! Quotes are prose, so free words match the *starts of words*, not any
//! subsequence. The index holds every quote's words (case and accents
//! folded) as ids into a sorted vocabulary, plus, for each vocabulary word,
//! the quotes that contain it. A query part then matches a contiguous range
//! of vocabulary ids (all words with that prefix), candidates come from the
//! rarest part's quotes, and each candidate is checked and scored on its
//! own word list — work proportional to the matches, not to the corpus.

use crate::model::{ArticleIx, Corpus, IssueIx, Kind, Quote, QuoteIx, SpeakerIx, Stance};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: accents dropped (NFD, combining marks removed)
/// and, unless `keep_case`, lower-cased.
pub fn fold(s: &str, keep_case: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, keep_case, &mut out);
    }
    out
}

fn fold_char(c: char, keep_case: bool, out: &mut String) {
    if c.is_ascii() {
        out.push(if keep_case { c } else { c.to_ascii_lowercase() });
        return;
    }
    for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
        if keep_case {
            out.push(d);
        } else {
            out.extend(d.to_lowercase());
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Byte ranges of the words of `s`: runs of letters and digits.
fn words(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Every quote's words, and the quotes each word occurs in. The words of
/// all quotes lie in one array, quote after quote, so that scoring the
/// candidates of a keystroke reads memory in order.
#[derive(PartialEq)]
pub struct SearchIndex {
    /// Folded words, sorted.
    vocab: Vec<String>,
    /// The quotes holding each vocabulary word, ascending, word after word:
    /// word `w`'s are `holders[holder_starts[w]..holder_starts[w + 1]]`.
    holders: Vec<u32>,
    holder_starts: Vec<u32>,
    /// The vocabulary id of every word of every quote, in order.
    words: Vec<u32>,
    /// Where each of those words is in the article: byte start and length.
    places: Vec<(u32, u32)>,
    /// Quote `q`'s words are `words[starts[q]..starts[q + 1]]`.
    starts: Vec<u32>,
    /// Each quote's place in article order, for ties.
    article_rank: Vec<u32>,
}

/// The words of every quote, as read, before the vocabulary is sorted:
/// ids are in order of first sight (after any vocabulary given at the start).
#[derive(Default)]
struct Reading {
    unsorted: Vec<String>,
    /// Ids of the words first seen here (not in a vocabulary given).
    seen: HashMap<String, u32>,
    ids: Vec<u32>,
    places: Vec<(u32, u32)>,
    starts: Vec<u32>,
    /// The quote lists of the index before, whose memory is used again.
    spare: Vec<u32>,
}

impl Reading {
    /// Reads and folds a quote's words.
    fn fold_quote(&mut self, a: &Corpus, quote: &Quote) {
        self.fold_quote_known(a, quote, &[]);
    }

    /// Reads and folds a quote's words; a word of `known` (sorted, the
    /// start of `unsorted`) keeps its id there.
    fn fold_quote_known(&mut self, a: &Corpus, quote: &Quote, known: &[String]) {
        self.starts.push(self.ids.len() as u32);
        let text = &a.articles[quote.article].text;
        let mut folded = String::new();
        for part in &quote.parts {
            let span = &text[part.clone()];
            for w in words(span) {
                folded.clear();
                for c in span[w.clone()].chars() {
                    fold_char(c, false, &mut folded);
                }
                let id = match known.binary_search_by(|k| k.as_str().cmp(&folded)) {
                    Ok(id) => id as u32,
                    Err(_) => match self.seen.get(folded.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = self.unsorted.len() as u32;
                            self.seen.insert(folded.clone(), id);
                            self.unsorted.push(folded.clone());
                            id
                        }
                    },
                };
                self.ids.push(id);
                self.places.push(((part.start + w.start) as u32, (w.end - w.start) as u32));
            }
        }
    }

    /// The index: words no quote holds are dropped and ids renumbered to
    /// follow the sorted vocabulary, so that a prefix is a contiguous range
    /// of ids.
    fn finish(mut self, a: &Corpus) -> SearchIndex {
        self.starts.push(self.ids.len() as u32);
        // How many quotes hold each word (a quote once per word); a word
        // none holds is dropped.
        let mut last = vec![u32::MAX; self.unsorted.len()];
        let mut holding = vec![0u32; self.unsorted.len()];
        for (q, words) in quote_words(&self.starts) {
            for &word in &self.ids[words] {
                if std::mem::replace(&mut last[word as usize], q) != q {
                    holding[word as usize] += 1;
                }
            }
        }
        let mut order: Vec<u32> =
            (0..self.unsorted.len() as u32).filter(|&id| holding[id as usize] > 0).collect();
        order.sort_unstable_by(|&x, &y| self.unsorted[x as usize].cmp(&self.unsorted[y as usize]));
        let mut new_id = vec![0u32; self.unsorted.len()];
        for (rank, &old) in order.iter().enumerate() {
            new_id[old as usize] = rank as u32;
        }
        // An update that added and dropped no word keeps its numbering.
        if order.iter().enumerate().any(|(rank, &old)| rank as u32 != old) {
            self.ids.iter_mut().for_each(|word| *word = new_id[*word as usize]);
        }
        let mut holder_starts = vec![0u32; order.len() + 1];
        for (rank, &old) in order.iter().enumerate() {
            holder_starts[rank + 1] = holder_starts[rank] + holding[old as usize];
        }
        let vocab: Vec<String> =
            order.iter().map(|&old| std::mem::take(&mut self.unsorted[old as usize])).collect();
        let mut next = holder_starts.clone();
        let mut holders = std::mem::take(&mut self.spare);
        holders.clear();
        holders.resize(holder_starts[vocab.len()] as usize, 0);
        let mut last = vec![u32::MAX; vocab.len()];
        for (q, words) in quote_words(&self.starts) {
            for &word in &self.ids[words] {
                if std::mem::replace(&mut last[word as usize], q) != q {
                    holders[next[word as usize] as usize] = q;
                    next[word as usize] += 1;
                }
            }
        }
        let mut article_rank = vec![0u32; a.quotes.len()];
        for (rank, &q) in a.order.iter().enumerate() {
            article_rank[q.index()] = rank as u32;
        }
        SearchIndex {
            vocab,
            holders,
            holder_starts,
            words: self.ids,
            places: self.places,
            starts: self.starts,
            article_rank,
        }
    }
}

/// Each quote and the range of its words, from the starts of their runs.
fn quote_words(starts: &[u32]) -> impl Iterator<Item = (u32, Range<usize>)> + '_ {
    starts.windows(2).enumerate().map(|(q, w)| (q as u32, w[0] as usize..w[1] as usize))
}

/// Where a run of an updated index's words comes from.
#[derive(Clone, Copy)]
enum Origin {
    /// The index before, from this word on.
    Kept(usize),
    /// The words read afresh, from this word on.
    Fresh(usize),
}

/// The new array of `length` words laid out by `plan` from `before` and
/// `fresh`: moved within `before` itself when every kept run stays in
/// order and moves only one way (an article edited, added or removed),
/// else copied into a new array.
fn relay<T: Copy + Default>(
    mut before: Vec<T>,
    plan: &[(Origin, usize)],
    fresh: &[T],
    length: usize,
) -> Vec<T> {
    let mut at = 0;
    let (mut forward, mut backward, mut last) = (true, true, 0);
    let mut targets = Vec::with_capacity(plan.len());
    for &(origin, run) in plan {
        if let Origin::Kept(from) = origin {
            forward &= at <= from && last <= from;
            backward &= at >= from && last <= from;
            last = from + run;
        }
        targets.push(at);
        at += run;
    }
    let put = |buffer: &mut Vec<T>, (origin, run): (Origin, usize), at: usize| match origin {
        Origin::Kept(from) => buffer.copy_within(from..from + run, at),
        Origin::Fresh(from) => buffer[at..at + run].copy_from_slice(&fresh[from..from + run]),
    };
    if forward || backward {
        before.resize(before.len().max(length), T::default());
        if forward {
            plan.iter().zip(&targets).for_each(|(&step, &at)| put(&mut before, step, at));
        } else {
            plan.iter().zip(&targets).rev().for_each(|(&step, &at)| put(&mut before, step, at));
        }
        before.truncate(length);
        return before;
    }
    let mut out = vec![T::default(); length];
    for (&(origin, run), &at) in plan.iter().zip(&targets) {
        let from = match origin {
            Origin::Kept(from) => &before[from..from + run],
            Origin::Fresh(from) => &fresh[from..from + run],
        };
        out[at..at + run].copy_from_slice(from);
    }
    out
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "SearchIndex({} words, {} quotes)", self.vocab.len(), self.article_rank.len())
    }
}

impl SearchIndex {
    pub fn new(a: &Corpus) -> SearchIndex {
        let mut reading = Reading::default();
        for quote in &a.quotes {
            reading.fold_quote(a, quote);
        }
        reading.finish(a)
    }

    /// The index of `new`, a reload of `old` (this index's corpus): the
    /// words of every article whose text and quotes are the ones indexed
    /// before are taken from here instead of read and folded again, moved
    /// within this index's own arrays where the articles kept their order
    /// (fresh memory costs more than the copying). The result is the index
    /// [`SearchIndex::new`] builds.
    pub fn update(self, old: &Corpus, new: &Corpus) -> SearchIndex {
        debug_assert_eq!(self.starts.len(), old.quotes.len() + 1, "an index of `old`");
        let text =
            |c: &Corpus, quotes: &[Quote]| Arc::as_ptr(&c.articles[quotes[0].article].text) as *const u8;
        let mut indexed: HashMap<*const u8, (usize, &[Quote])> = HashMap::new();
        let mut first = 0;
        for quotes in old.quotes.as_slice().chunk_by(|x, y| x.article == y.article) {
            indexed.insert(text(old, quotes), (first, quotes));
            first += quotes.len();
        }
        // Words read afresh go to `fresh`; `plan` says where each run of the
        // new arrays comes from.
        let mut fresh = Reading { unsorted: self.vocab.clone(), ..Reading::default() };
        let mut plan: Vec<(Origin, usize)> = Vec::new();
        let mut starts = Vec::with_capacity(new.quotes.len() + 1);
        let mut length = 0;
        for quotes in new.quotes.as_slice().chunk_by(|x, y| x.article == y.article) {
            let unchanged = indexed.get(&text(new, quotes)).filter(|(_, before)| {
                before.len() == quotes.len()
                    && before.iter().zip(quotes).all(|(x, y)| Arc::ptr_eq(&x.body, &y.body))
            });
            let (origin, run) = match unchanged {
                Some(&(first, _)) => {
                    let from = self.starts[first] as usize;
                    starts.extend(
                        self.starts[first..first + quotes.len()].iter().map(|&s| s as usize - from + length),
                    );
                    (Origin::Kept(from), self.starts[first + quotes.len()] as usize - from)
                }
                None => {
                    let (from, quotes_from) = (fresh.ids.len(), fresh.starts.len());
                    quotes.iter().for_each(|quote| fresh.fold_quote_known(new, quote, &self.vocab));
                    starts.extend(fresh.starts[quotes_from..].iter().map(|&s| s as usize - from + length));
                    (Origin::Fresh(from), fresh.ids.len() - from)
                }
            };
            plan.push((origin, run));
            length += run;
        }
        let SearchIndex { words, places, holders, .. } = self;
        let ids = relay(words, &plan, &fresh.ids, length);
        let places = relay(places, &plan, &fresh.places, length);
        let starts = starts.into_iter().map(|s| s as u32).collect();
        Reading { ids, places, starts, spare: holders, ..fresh }.finish(new)
    }

    /// The quotes holding vocabulary word `id`, ascending.
    fn quotes_of(&self, id: u32) -> &[u32] {
        &self.holders[self.holder_starts[id as usize] as usize..self.holder_starts[id as usize + 1] as usize]
    }

    /// The indices of quote `q`'s words in `words` and `places`.
    fn words_of(&self, q: usize) -> Range<usize> {
        self.starts[q] as usize..self.starts[q + 1] as usize
    }

    /// Ids of the vocabulary words equal to `word`, or starting with it.
    fn range(&self, word: &str, prefix: bool) -> Range<u32> {
        let lo = self.vocab.partition_point(|w| w.as_str() < word);
        let hi = if prefix {
            lo + self.vocab[lo..].partition_point(|w| w.starts_with(word))
        } else {
            lo + self.vocab[lo..].partition_point(|w| w.as_str() == word)
        };
        lo as u32..hi as u32
    }

    /// Vocabulary words within a small edit distance of `word` (or of a
    /// prefix of them, for a prefix part): the typo-tolerant fallback.
    fn close_words(&self, word: &str, prefix: bool) -> Vec<u32> {
        let n = word.chars().count();
        if n < 3 {
            return Vec::new();
        }
        let limit = if n <= 5 { 1 } else { 2 };
        let mut out = Vec::new();
        for (id, w) in self.vocab.iter().enumerate() {
            let m = w.chars().count();
            let close = if prefix {
                (n.saturating_sub(1)..=n + 1).any(|len| {
                    len <= m
                        && len > 0
                        && strsim::damerau_levenshtein(word, &w.chars().take(len).collect::<String>())
                            <= limit
                })
            } else {
                m.abs_diff(n) <= limit && strsim::damerau_levenshtein(word, w) <= limit
            };
            if close {
                out.push(id as u32);
            }
        }
        out
    }
}

/// A word or phrase of the query: parts that must match consecutive words
/// of a quote; all but the last whole, the last as a prefix.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub parts: Vec<String>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
    /// `@name`: the quote's speaker is one of these.
    pub speakers: Option<Vec<SpeakerIx>>,
    /// `#issue`: the quote is under one of these (sub-issues included).
    pub issues: Option<Vec<IssueIx>>,
    /// `stance:x`: the stance (on the `#issue` when given); `Some(None)` is `stance:none`.
    pub stance: Option<Option<Stance>>,
    pub kind: Option<Kind>,
    /// `in:`, `date:`, `source:`: the quote is in one of these articles.
    pub articles: Option<Vec<ArticleIx>>,
    /// The query holds a capital letter: words match with case.
    pub case_sensitive: bool,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.speakers.is_none()
            && self.issues.is_none()
            && self.stance.is_none()
            && self.kind.is_none()
            && self.articles.is_none()
    }

    /// Whether a quote passes the field tokens (`@`, `#`, `stance:`, `kind:`).
    pub fn passes_fields(&self, a: &Corpus, q: QuoteIx) -> bool {
        let quote = &a.quotes[q];
        if self.speakers.as_ref().is_some_and(|s| !s.iter().any(|&s| a.said_by(q, s))) {
            return false;
        }
        if self.issues.as_ref().is_some_and(|is| !is.iter().any(|&i| quote.is_under(i))) {
            return false;
        }
        if self.kind.is_some_and(|k| k != quote.kind) {
            return false;
        }
        if self.articles.as_ref().is_some_and(|a| !a.contains(&quote.article)) {
            return false;
        }
        match self.stance {
            None => true,
            Some(wanted) => match &self.issues {
                Some(issues) => issues.iter().any(|&i| quote.is_under(i) && a.stance_under(q, i) == wanted),
                None => match wanted {
                    None => quote.stances.is_empty(),
                    Some(s) => quote.stances.iter().any(|(_, t)| *t == s),
                },
            },
        }
    }
}

/// Words and phrases a query may hold (each is a bit in a mask).
const MAX_TERMS: usize = 64;

/// Parses a query; an error says what is wrong in a few words.
pub fn parse(input: &str, a: &Corpus) -> Result<Query, String> {
    let mut query = Query::default();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let Some(end) = after.find('"') else {
                return Err("unclosed \" in the query".into());
            };
            push_term(&mut query, &after[..end]);
            rest = &after[end + 1..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        rest = &rest[end..];
        if let Some(name) = token.strip_prefix('@') {
            if !name.is_empty() {
                let found = matching_speakers(a, name);
                if found.is_empty() {
                    return Err(format!("no speaker matches @{name}"));
                }
                query.speakers = Some(intersect(query.speakers.take(), found));
            }
        } else if let Some(name) = token.strip_prefix('#') {
            if !name.is_empty() {
                let found = matching_issues(a, name);
                if found.is_empty() {
                    return Err(format!("no issue matches #{name}"));
                }
                query.issues = Some(intersect(query.issues.take(), found));
            }
        } else if let Some((field, value)) = field_token(token) {
            let value = value.to_lowercase();
            match field.as_str() {
                "stance" if value.is_empty() => {}
                "stance" => {
                    let names = ["support", "oppose", "neutral", "mixed", "none"];
                    let Some(name) = names.iter().find(|n| n.starts_with(&value)) else {
                        return Err(format!("stance: is one of {}", names.join(", ")));
                    };
                    query.stance = Some(Stance::parse(name));
                }
                "kind" if value.is_empty() => {}
                "kind" => {
                    let Some(kind) = Kind::ALL.into_iter().find(|k| k.name().starts_with(&value)) else {
                        return Err("kind: is one of direct, indirect, question".into());
                    };
                    query.kind = Some(kind);
                }
                "in" | "date" | "source" if value.is_empty() => {}
                "in" | "date" | "source" => {
                    let found = matching_articles(a, &field, &value)?;
                    query.articles = Some(intersect(query.articles.take(), found));
                }
                other => {
                    return Err(format!(
                        "unknown field {other}: (fields are stance:, kind:, in:, date: and source:)"
                    ));
                }
            }
        } else {
            push_term(&mut query, token);
        }
    }
    if query.terms.len() > MAX_TERMS {
        return Err(format!("a query may hold up to {MAX_TERMS} words"));
    }
    query.case_sensitive =
        query.terms.iter().any(|t| t.parts.iter().any(|p| p.chars().any(char::is_uppercase)));
    if !query.case_sensitive {
        for term in &mut query.terms {
            for part in &mut term.parts {
                *part = part.to_lowercase();
            }
        }
    }
    Ok(query)
}

/// `name:value` where the name is letters only.
fn field_token(token: &str) -> Option<(String, &str)> {
    let (name, value) = token.split_once(':')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())).then(|| (name.to_lowercase(), value))
}

/// Adds a word or phrase: its words, accents folded (case decided later).
fn push_term(query: &mut Query, text: &str) {
    let parts: Vec<String> = words(text).map(|w| fold(&text[w], true)).collect();
    if !parts.is_empty() {
        query.terms.push(Term { parts });
    }
}

fn intersect<T: PartialEq>(previous: Option<Vec<T>>, found: Vec<T>) -> Vec<T> {
    match previous {
        None => found,
        Some(p) => found.into_iter().filter(|x| p.contains(x)).collect(),
    }
}

/// True when `name` starts the id or any word of one of `names`.
fn names_match(name: &str, id: &str, names: &[&str]) -> bool {
    let name = fold(name, false);
    fold(id, false).starts_with(&name)
        || names.iter().any(|n| {
            let n = fold(n, false);
            n.starts_with(&name) || words(&n).any(|w| n[w].starts_with(&name))
        })
}

/// The speakers `@name` means: the one whose id it is, typed in full
/// (`@biden` is Joe Biden, not also the Biden administration); else every
/// speaker with an id, name or alias starting so.
fn matching_speakers(a: &Corpus, name: &str) -> Vec<SpeakerIx> {
    let folded = fold(name, false);
    if let Some(exact) = a.speakers.ids().find(|&s| fold(&a.speakers[s].id, false) == folded) {
        return vec![exact];
    }
    a.speakers
        .ids()
        .filter(|&s| {
            let sp = &a.speakers[s];
            let mut names = vec![sp.name.as_str()];
            names.extend(sp.aliases.iter().map(String::as_str));
            names_match(name, &sp.id, &names)
        })
        .collect()
}

/// The articles `in:`, `date:` or `source:` keeps: by a prefix of the id or
/// of a word of the title; by a prefix of the date or a range `A..B` (both
/// ends included, each a prefix); by a prefix of a word of the source.
fn matching_articles(a: &Corpus, field: &str, value: &str) -> Result<Vec<ArticleIx>, String> {
    let found: Vec<ArticleIx> = match field {
        "in" => a
            .articles
            .ids()
            .filter(|&x| names_match(value, &a.articles[x].id, &[&a.articles[x].title]))
            .collect(),
        "source" => a
            .articles
            .ids()
            .filter(|&x| a.articles[x].source.as_deref().is_some_and(|s| names_match(value, "", &[s])))
            .collect(),
        _ => {
            let shape =
                |d: &str| !d.is_empty() && d.len() <= 10 && d.chars().all(|c| c.is_ascii_digit() || c == '-');
            let (from, to) = value.split_once("..").unwrap_or((value, value));
            if !shape(from) || !shape(to) {
                return Err("date: is YYYY, YYYY-MM, YYYY-MM-DD or a range A..B".into());
            }
            possible_date(from)?;
            possible_date(to)?;
            let n = from.len().min(to.len());
            if from[..n] > to[..n] {
                return Err(format!("date:{value} ends before it starts; write the earlier date first"));
            }
            a.articles
                .ids()
                .filter(|&x| {
                    a.articles[x]
                        .date
                        .as_deref()
                        .is_some_and(|d| (d >= from || d.starts_with(from)) && (d <= to || d.starts_with(to)))
                })
                .collect()
        }
    };
    if found.is_empty() {
        return Err(format!("no article matches {field}:{value}"));
    }
    Ok(found)
}

/// A date, or the start of one, that a calendar has: `2022-13` and
/// `2022-02-30` are not.
fn possible_date(d: &str) -> Result<(), String> {
    let mut parts = d.split('-');
    let (year, month, day) = (parts.next().unwrap_or(""), parts.next(), parts.next());
    let bad = |why: &str| Err(format!("date:{d} is not a date ({why}); dates are YYYY-MM-DD"));
    if year.len() > 4 || parts.next().is_some() {
        return bad("too many digits or parts");
    }
    let number = |s: &str| s.parse::<u32>().ok();
    let month_number = match month {
        Some(m) if m.len() > 2 => return bad("a month has two digits"),
        Some(m) if m.len() == 2 => match number(m) {
            Some(n @ 1..=12) => Some(n),
            _ => return bad(&format!("there is no month {m}")),
        },
        _ => None,
    };
    if let (Some(dd), Some(m)) = (day, month_number) {
        let leap = number(year).is_some_and(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
        let days = match m {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        match (dd.len(), number(dd)) {
            (3.., _) => return bad("a day has two digits"),
            (2, Some(n)) if n == 0 || n > days => return bad(&format!("month {m:02} has {days} days")),
            _ => {}
        }
    }
    Ok(())
}

fn matching_issues(a: &Corpus, name: &str) -> Vec<IssueIx> {
    a.issues.ids().filter(|&i| names_match(name, &a.issues[i].id, &[&a.issues[i].title])).collect()
}

/// Which vocabulary words a query part accepts.
#[derive(Debug, Clone)]
enum Accept {
    Range(Range<u32>),
    /// Sorted ids (the fuzzy fallback).
    Set(Vec<u32>),
}

impl Accept {
    fn contains(&self, id: u32) -> bool {
        match self {
            Accept::Range(r) => r.contains(&id),
            Accept::Set(s) => s.binary_search(&id).is_ok(),
        }
    }

    fn ids(&self) -> Box<dyn Iterator<Item = u32> + '_> {
        match self {
            Accept::Range(r) => Box::new(r.clone()),
            Accept::Set(s) => Box::new(s.iter().copied()),
        }
    }
}

#[derive(Debug, Clone)]
struct CompiledPart {
    accept: Accept,
    /// With case: the part as typed (accents folded), checked on the text.
    cased: Option<String>,
    prefix: bool,
    /// Length of the part in folded characters, for highlighting a prefix.
    chars: usize,
}

/// A query resolved against an index, ready to match quotes.
#[derive(Debug, Clone)]
pub struct Compiled {
    terms: Vec<Vec<CompiledPart>>,
    /// When every term is one word matched without case, each term's
    /// range of vocabulary ids as `(first, count)`: the fast path.
    single_words: Option<Vec<(u32, u32)>>,
}

/// How well a quote matches; higher is better except where noted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Score {
    /// Occurrences of the query's words and phrases.
    pub matches: u32,
    /// Words between the closest occurrences of all terms (lower is better).
    pub spread: u32,
    /// Word position of the first match (lower is better).
    pub first: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub quote: QuoteIx,
    pub score: Score,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct Found {
    /// Best first; ties in article order.
    pub hits: Vec<Hit>,
    /// Nothing matched exactly; these are typo-tolerant matches.
    pub fuzzy: bool,
    pub compiled: Compiled,
}

impl SearchIndex {
    fn compile(&self, query: &Query, fuzzy: bool) -> Compiled {
        let terms = query
            .terms
            .iter()
            .map(|term| {
                let last = term.parts.len() - 1;
                term.parts
                    .iter()
                    .enumerate()
                    .map(|(i, part)| {
                        let prefix = i == last;
                        let lowered = part.to_lowercase();
                        let accept = if fuzzy {
                            let mut close = self.close_words(&lowered, prefix);
                            close.extend(self.range(&lowered, prefix));
                            close.sort_unstable();
                            close.dedup();
                            Accept::Set(close)
                        } else {
                            Accept::Range(self.range(&lowered, prefix))
                        };
                        CompiledPart {
                            accept,
                            cased: (query.case_sensitive && !fuzzy).then(|| part.clone()),
                            prefix,
                            chars: part.chars().count(),
                        }
                    })
                    .collect()
            })
            .collect::<Vec<Vec<CompiledPart>>>();
        let single_words = terms
            .iter()
            .map(|parts| match &parts[..] {
                [CompiledPart { accept: Accept::Range(r), cased: None, .. }] => {
                    Some((r.start, r.end - r.start))
                }
                _ => None,
            })
            .collect();
        Compiled { terms, single_words }
    }

    /// Runs a query over the quotes that `allowed` lets through: exact
    /// matches, or when there are none, typo-tolerant ones.
    pub fn search(&self, a: &Corpus, query: &Query, allowed: &(dyn Fn(QuoteIx) -> bool + Sync)) -> Found {
        let exact = self.run(a, query, allowed, self.compile(query, false));
        if !exact.hits.is_empty() || query.terms.is_empty() {
            return exact;
        }
        let mut close = self.run(a, query, allowed, self.compile(query, true));
        close.fuzzy = true;
        close
    }

    fn run(
        &self,
        a: &Corpus,
        query: &Query,
        allowed: &(dyn Fn(QuoteIx) -> bool + Sync),
        compiled: Compiled,
    ) -> Found {
        let pass = |q: usize| allowed(QuoteIx::new(q)) && query.passes_fields(a, QuoteIx::new(q));
        let Some(candidates) = self.candidates(&compiled) else {
            // Fields only: every quote that passes, in article order.
            let zero = Score { matches: 0, spread: 0, first: 0 };
            let hits =
                a.order.iter().copied().filter(|&q| pass(q.index())).map(|quote| Hit { quote, score: zero });
            return Found { hits: hits.collect(), fuzzy: false, compiled };
        };
        let score_all = |part: &[u32]| -> Vec<(u64, Hit)> {
            let mut buffer = Vec::new();
            part.iter()
                .map(|&q| q as usize)
                .filter(|&q| pass(q))
                .filter_map(|q| {
                    let score = self.score(a, &compiled, q, &mut buffer)?;
                    Some((self.rank_key(score, q), Hit { quote: QuoteIx::new(q), score }))
                })
                .collect()
        };
        // Many candidates (a first letter typed): score them on both cores.
        let mut ranked = if candidates.len() < 8_192 {
            score_all(&candidates)
        } else {
            let (left, right) = candidates.split_at(candidates.len() / 2);
            std::thread::scope(|scope| {
                let left = scope.spawn(|| score_all(left));
                let mut right = score_all(right);
                let mut all = left.join().expect("scoring does not panic");
                all.append(&mut right);
                all
            })
        };
        ranked.sort_unstable_by_key(|&(key, _)| key);
        let hits = ranked.into_iter().map(|(_, hit)| hit).collect();
        Found { hits, fuzzy: false, compiled }
    }

    /// The order of hits in one number: more matches, then a smaller spread,
    /// then an earlier first match, then article order (each field capped
    /// to its bits, which only merges ties beyond them).
    fn rank_key(&self, score: Score, q: usize) -> u64 {
        let fewer_matches = 255 - u64::from(score.matches.min(255));
        let spread = u64::from(score.spread.min(4095));
        let first = u64::from(score.first.min(4095));
        fewer_matches << 56 | spread << 44 | first << 32 | u64::from(self.article_rank[q])
    }

    /// The quotes that hold the rarest part's words; `None` when the query
    /// has no words to look up.
    fn candidates(&self, compiled: &Compiled) -> Option<Vec<u32>> {
        let rarest = compiled
            .terms
            .iter()
            .flatten()
            .min_by_key(|p| p.accept.ids().map(|id| self.quotes_of(id).len()).sum::<usize>())?;
        let ids: Vec<u32> = rarest.accept.ids().collect();
        if let [id] = ids[..] {
            return Some(self.quotes_of(id).to_vec());
        }
        // Several words: their quotes, each once, in ascending order.
        let mut seen = vec![false; self.article_rank.len()];
        for id in ids {
            for &q in self.quotes_of(id) {
                seen[q as usize] = true;
            }
        }
        Some((0..seen.len() as u32).filter(|&q| seen[q as usize]).collect())
    }

    /// Whether word `w` (an index into `words`) matches a part (case
    /// checked on the text).
    fn part_matches(&self, text: &str, part: &CompiledPart, w: usize) -> bool {
        if !part.accept.contains(self.words[w]) {
            return false;
        }
        let Some(cased) = &part.cased else { return true };
        let (start, len) = self.places[w];
        let original = &text[start as usize..(start + len) as usize];
        let folded = fold(original, true);
        if part.prefix { folded.starts_with(cased.as_str()) } else { folded == *cased }
    }

    /// Where the query's terms occur in quote `q`, as `(word position,
    /// term)` in word order, into `out` (reused across quotes: scoring
    /// runs for every candidate on every keystroke). True when every term
    /// occurs.
    fn occurrences(&self, a: &Corpus, compiled: &Compiled, q: usize, out: &mut Vec<(u32, u32)>) -> bool {
        out.clear();
        let words = self.words_of(q);
        let mut seen = 0u64;
        if let Some(ranges) = &compiled.single_words {
            // The common case, kept tight: each term one word, case folded.
            for (i, &id) in self.words[words].iter().enumerate() {
                for (t, &(lo, len)) in ranges.iter().enumerate() {
                    if id.wrapping_sub(lo) < len {
                        out.push((i as u32, t as u32));
                        seen |= 1 << t;
                    }
                }
            }
        } else {
            for (i, w) in words.clone().enumerate() {
                for (t, parts) in compiled.terms.iter().enumerate() {
                    let fits = w + parts.len() <= words.end;
                    let text = &a.article_of(QuoteIx::new(q)).text;
                    if fits && parts.iter().enumerate().all(|(j, p)| self.part_matches(text, p, w + j)) {
                        out.push((i as u32, t as u32));
                        seen |= 1 << t;
                    }
                }
            }
        }
        seen.count_ones() as usize == compiled.terms.len()
    }

    fn score(
        &self,
        a: &Corpus,
        compiled: &Compiled,
        q: usize,
        buffer: &mut Vec<(u32, u32)>,
    ) -> Option<Score> {
        if !self.occurrences(a, compiled, q, buffer) {
            return None;
        }
        let first = buffer.first().map_or(0, |&(p, _)| p);
        Some(Score { matches: buffer.len() as u32, spread: spread(buffer, compiled.terms.len()), first })
    }

    /// Article byte ranges of the matched parts of quote `q`, for highlighting.
    pub fn highlights(&self, a: &Corpus, compiled: &Compiled, q: QuoteIx) -> Vec<Range<usize>> {
        let text = &a.article_of(q).text;
        let q = q.index();
        let first_word = self.words_of(q).start;
        let mut found = Vec::new();
        self.occurrences(a, compiled, q, &mut found);
        let mut out = Vec::new();
        for (i, term) in found {
            for (j, part) in compiled.terms[term as usize].iter().enumerate() {
                let (start, len) = self.places[first_word + i as usize + j];
                let start = start as usize;
                let word = &text[start..start + len as usize];
                let len = if part.prefix && !matches!(part.accept, Accept::Set(_)) {
                    prefix_bytes(word, part.chars)
                } else {
                    word.len()
                };
                out.push(start..start + len);
            }
        }
        out.sort_by_key(|r| (r.start, r.end));
        out.dedup();
        out
    }
}

/// The bytes of `word` whose folded form is `chars` characters long.
fn prefix_bytes(word: &str, chars: usize) -> usize {
    let mut folded = String::new();
    for (i, c) in word.char_indices() {
        if folded.chars().count() >= chars {
            return i;
        }
        fold_char(c, false, &mut folded);
    }
    word.len()
}

/// The smallest window of word positions holding one occurrence of every
/// one of `terms` terms, given `(position, term)` in position order.
fn spread(found: &[(u32, u32)], terms: usize) -> u32 {
    if terms < 2 {
        return 0;
    }
    let mut count = vec![0u32; terms];
    let (mut covered, mut left, mut best) = (0, 0, u32::MAX);
    for right in 0..found.len() {
        let t = found[right].1 as usize;
        if count[t] == 0 {
            covered += 1;
        }
        count[t] += 1;
        while covered == terms {
            best = best.min(found[right].0 - found[left].0);
            let lt = found[left].1 as usize;
            count[lt] -= 1;
            if count[lt] == 0 {
                covered -= 1;
            }
            left += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, load};

    fn builtin() -> Corpus {
        load(&Source::BuiltIn).unwrap().into_corpus().unwrap()
    }

    fn ids(a: &Corpus, input: &str) -> Vec<String> {
        let index = SearchIndex::new(a);
        let query = parse(input, a).unwrap();
        index.search(a, &query, &|_| true).hits.iter().map(|h| a.quotes[h.quote].id.clone()).collect()
    }

    #[test]
    fn an_updated_index_moves_its_runs_in_place_or_copies_them() {
        let before: Vec<u32> = (0..10).collect();
        let shrunk = [(Origin::Kept(0), 3), (Origin::Fresh(0), 1), (Origin::Kept(5), 5)];
        assert_eq!(relay(before.clone(), &shrunk, &[100], 9), [0, 1, 2, 100, 5, 6, 7, 8, 9]);
        let grown = [(Origin::Kept(0), 3), (Origin::Fresh(0), 3), (Origin::Kept(5), 5)];
        assert_eq!(
            relay(before.clone(), &grown, &[100, 101, 102], 11),
            [0, 1, 2, 100, 101, 102, 5, 6, 7, 8, 9]
        );
        let reordered = [(Origin::Kept(5), 5), (Origin::Kept(0), 5)];
        assert_eq!(relay(before, &reordered, &[], 10), [5, 6, 7, 8, 9, 0, 1, 2, 3, 4]);
    }

    #[test]
    fn folding_and_words() {
        assert_eq!(fold("D’État Ñandú", false), "d’etat nandu");
        assert_eq!(fold("État", true), "Etat");
        let s = "d’état non-expansion “SP”: 1997";
        let got: Vec<&str> = words(s).map(|r| &s[r]).collect();
        assert_eq!(got, vec!["d", "état", "non", "expansion", "SP", "1997"]);
    }

    #[test]
    fn words_match_at_their_starts() {
        let a = builtin();
        let expan = ids(&a, "expan");
        assert!(expan.contains(&"ryabkov-no-progress".to_string()), "non-expansion");
        assert!(expan.contains(&"koshkin-non-expansion".to_string()));
        for id in &expan {
            let text = fold(&a.words(a.quote_by_id(id).unwrap()), false);
            assert!(words(&text).any(|w| text[w].starts_with("expan")), "{id}");
        }
        let index = SearchIndex::new(&a);
        let inside = index.search(&a, &parse("xpansion", &a).unwrap(), &|_| true);
        assert!(inside.fuzzy, "the middle of a word matches nothing exactly, only as a close spelling");
    }

    #[test]
    fn every_word_must_match_and_phrases_are_consecutive() {
        let a = builtin();
        assert_eq!(ids(&a, "open door"), vec!["sherman-open-door"]);
        assert_eq!(ids(&a, "\"open door\""), vec!["sherman-open-door"]);
        assert!(
            !ids(&a, "\"door open\"").contains(&"sherman-open-door".to_string()),
            "a phrase keeps its order"
        );
        assert_eq!(ids(&a, "non-expansion nato"), ids(&a, "\"non expansion\" nato"));
    }

    #[test]
    fn a_capital_makes_case_count() {
        let a = builtin();
        let lower = ids(&a, "nato");
        let upper = ids(&a, "NATO");
        assert!(!lower.is_empty());
        assert_eq!(lower, upper, "NATO is written in capitals");
        let index = SearchIndex::new(&a);
        let found = index.search(&a, &parse("Nato", &a).unwrap(), &|_| true);
        assert!(found.fuzzy, "Nato matches no NATO exactly, only as a close match");
        let q = parse("Russia", &a).unwrap();
        assert!(q.case_sensitive);
    }

    #[test]
    fn fields_filter() {
        let a = builtin();
        let in_order = |keep: &dyn Fn(QuoteIx) -> bool| -> Vec<String> {
            a.order.iter().copied().filter(|&q| keep(q)).map(|q| a.quotes[q].id.clone()).collect()
        };
        let ryabkov = a.speaker_by_id("ryabkov").unwrap();
        assert_eq!(ids(&a, "@ryab"), in_order(&|q| a.said_by(q, ryabkov)));
        assert_eq!(ids(&a, "@sergei"), ids(&a, "@ryab"), "aliases count");
        // A group keeps its members' quotes.
        let delegation = a.speaker_by_id("us-delegation").unwrap();
        let sherman = a.speaker_by_id("sherman").unwrap();
        let group = ids(&a, "@us-deleg");
        assert!(group.iter().any(|id| a.quotes[a.quote_by_id(id).unwrap()].speaker == sherman));
        assert_eq!(group, in_order(&|q| a.said_by(q, delegation)));
        // #ukraine: every issue with a word starting so, and what is below them.
        let under =
            |ids: &[&str], q: QuoteIx| ids.iter().any(|i| a.quotes[q].is_under(a.issue_by_id(i).unwrap()));
        assert_eq!(ids(&a, "#ukraine"), in_order(&|q| under(&["ukraine-georgia", "russian-forces"], q)));
        let nato = ["nato-expansion", "ukraine-georgia", "non-member-cooperation", "nato-exercises"];
        assert_eq!(ids(&a, "#nato"), in_order(&|q| under(&nato, q)), "sub-issues included");
        assert_eq!(ids(&a, "kind:question"), in_order(&|q| a.quotes[q].kind == Kind::Question));
        // @sherm: Sherman, and the delegation whose alias is "Team Sherman";
        // @sherman, her id in full: Sherman alone.
        let opposing = ids(&a, "stance:oppose @sherm");
        let expected = in_order(&|q| {
            a.said_by(q, delegation) && a.quotes[q].stances.iter().any(|(_, s)| *s == Stance::Oppose)
        });
        let sherman = a.speaker_by_id("sherman").unwrap();
        assert_eq!(ids(&a, "@sherman"), in_order(&|q| a.said_by(q, sherman)));
        assert_ne!(ids(&a, "@sherman"), ids(&a, "@sherm"));
        assert!(!expected.is_empty());
        assert_eq!(opposing, expected);
        let nato_support = in_order(&|q| {
            a.said_by(q, ryabkov)
                && nato.iter().any(|i| {
                    let i = a.issue_by_id(i).unwrap();
                    a.quotes[q].is_under(i) && a.stance_under(q, i) == Some(Stance::Support)
                })
        });
        assert!(nato_support.contains(&"ryabkov-no-progress".to_string()));
        assert_eq!(ids(&a, "#nato stance:support @ryabkov"), nato_support);
        assert!(
            ids(&a, "stance:none").iter().all(|id| a.quotes[a.quote_by_id(id).unwrap()].stances.is_empty())
        );
    }

    #[test]
    fn malformed_queries_say_what_is_wrong() {
        let a = builtin();
        assert_eq!(parse("\"open door", &a).unwrap_err(), "unclosed \" in the query");
        assert!(parse("colour:red", &a).unwrap_err().starts_with("unknown field colour:"));
        assert_eq!(parse("@nobody", &a).unwrap_err(), "no speaker matches @nobody");
        assert_eq!(parse("#nothing", &a).unwrap_err(), "no issue matches #nothing");
        assert!(parse("stance:maybe", &a).is_err());
        assert!(parse("", &a).unwrap().is_empty());
        assert!(parse("@ # stance: kind:", &a).unwrap().is_empty(), "tokens still being typed");
    }

    #[test]
    fn ranking_prefers_more_and_closer_matches_then_article_order() {
        let a = builtin();
        let index = SearchIndex::new(&a);
        let query = parse("russia", &a).unwrap();
        let found = index.search(&a, &query, &|_| true);
        let scores: Vec<Score> = found.hits.iter().map(|h| h.score).collect();
        for w in found.hits.windows(2) {
            let (x, y) = (w[0].score, w[1].score);
            assert!(x.matches >= y.matches);
            if x == y {
                assert!(
                    index.article_rank[w[0].quote.index()] < index.article_rank[w[1].quote.index()],
                    "ties in article order"
                );
            }
        }
        assert!(scores[0].matches >= 3, "{:?}", a.quotes[found.hits[0].quote].id);
        assert_eq!(spread(&[(1, 0), (10, 0), (12, 1), (30, 1)], 2), 2);
        assert_eq!(spread(&[(5, 0)], 1), 0);
    }

    #[test]
    fn many_candidates_are_scored_on_two_cores_with_the_same_result() {
        let corpus = crate::synthetic::generate(20_000, 5);
        let article = corpus.article;
        let a = crate::model::load_bytes("g.yaml", corpus.yaml.as_bytes(), &|_| {
            Ok((article.as_bytes().to_vec(), None))
        })
        .into_corpus()
        .unwrap();
        let index = SearchIndex::new(&a);
        let query = parse("o", &a).unwrap();
        let compiled = index.compile(&query, false);
        assert!(index.candidates(&compiled).unwrap().len() >= 8_192, "the parallel path is taken");
        let found = index.search(&a, &query, &|_| true);
        let brute: Vec<QuoteIx> = a
            .quotes
            .ids()
            .filter(|&q| {
                let text = fold(&a.words(q), false);
                words(&text).any(|w| text[w].starts_with('o'))
            })
            .collect();
        let mut got: Vec<QuoteIx> = found.hits.iter().map(|h| h.quote).collect();
        let keys: Vec<u64> = found.hits.iter().map(|h| index.rank_key(h.score, h.quote.index())).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "ranked, ties in article order");
        got.sort_unstable();
        assert_eq!(got, brute);
    }

    #[test]
    fn typos_fall_back_to_close_words() {
        let a = builtin();
        let index = SearchIndex::new(&a);
        let query = parse("expnasion", &a).unwrap();
        let found = index.search(&a, &query, &|_| true);
        assert!(found.fuzzy);
        assert!(found.hits.iter().any(|h| a.quotes[h.quote].id == "ryabkov-no-progress"));
        let query = parse("zzzzzz", &a).unwrap();
        assert!(index.search(&a, &query, &|_| true).hits.is_empty());
    }

    #[test]
    fn highlights_cover_the_matched_prefixes() {
        let a = builtin();
        let index = SearchIndex::new(&a);
        let query = parse("expan nato", &a).unwrap();
        let found = index.search(&a, &query, &|_| true);
        let q = a.quote_by_id("ryabkov-no-progress").unwrap();
        let lit: Vec<&str> =
            index.highlights(&a, &found.compiled, q).into_iter().map(|r| &a.article_of(q).text[r]).collect();
        assert_eq!(lit, vec!["NATO", "expan"]);
    }

    #[test]
    fn accents_fold_and_words_start_after_apostrophes() {
        let yaml = "article:\n  title: T\n  text: \"Le coup d’état, à Paris. Ça va.\"\nspeakers:\n  - id: s\n    name: Sé\nquotes:\n  - speaker: s\n    text: Le coup d’état, à Paris.\n  - speaker: s\n    text: Ça va.\n";
        let a = crate::model::load_bytes("t.yaml", yaml.as_bytes(), &|_| Err("none".into()))
            .into_corpus()
            .unwrap();
        assert_eq!(ids(&a, "etat"), vec!["q1"]);
        assert_eq!(ids(&a, "ca"), vec!["q2"]);
        assert_eq!(ids(&a, "Ca"), vec!["q2"], "a capital keeps case; accents still fold");
        assert_eq!(ids(&a, "@se"), vec!["q1", "q2"]);
    }
}
