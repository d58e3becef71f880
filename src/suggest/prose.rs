//! The raw text as `suggest` reads it: paragraphs, words with their byte
//! offsets, and where sentences end. Everything else in `suggest` works on
//! these, so offsets always point into the text as written.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The paragraphs of a text: runs of lines without a blank line between
/// them, each trimmed of white space (a line of spaces and no-break spaces
/// is blank).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if content.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
        } else {
            let start = line_start + trimmed_start;
            let end = start + content.len();
            match &mut current {
                Some(p) => p.end = end,
                None => current = Some(start..end),
            }
        }
        line_start += line.len();
    }
    out.extend(current);
    out
}

/// A word as written, punctuation included, with its place in the text.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub raw: &'a str,
    pub start: usize,
    /// `raw` without the punctuation around it, found once.
    core: &'a str,
}

impl<'a> Word<'a> {
    pub fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    fn new(raw: &'a str, start: usize) -> Word<'a> {
        Word { raw, start, core: raw.trim_matches(|c: char| !is_word_char(c)) }
    }

    /// The word without a comma after it (`supporters,` before `who …`).
    pub fn without_comma(&self) -> Word<'a> {
        Word::new(self.raw.trim_end_matches(','), self.start)
    }

    /// The word without the punctuation and quote marks around it.
    pub fn core(&self) -> &'a str {
        self.core
    }

    /// Whether the core is `word`, ignoring case.
    pub fn is(&self, word: &str) -> bool {
        self.core().eq_ignore_ascii_case(word)
    }

    /// Whether the core is one of `words`, ignoring case.
    pub fn is_any(&self, words: &[&str]) -> bool {
        let core = self.core;
        // The lists hold short words: a long core is none of them.
        core.len() <= 16 && words.iter().any(|w| w.len() == core.len() && core.eq_ignore_ascii_case(w))
    }

    pub fn is_capitalized(&self) -> bool {
        self.core().chars().next().is_some_and(char::is_uppercase)
    }

    /// All capitals (`TASS`, `NATO`, `RIA`): an acronym, not a name.
    pub fn is_acronym(&self) -> bool {
        let core = self.core();
        core.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !core.chars().any(char::is_lowercase)
    }

    /// Whether the word ends in punctuation that closes a phrase.
    pub fn ends_with_any(&self, marks: &[char]) -> bool {
        let trailing = self.raw.trim_end_matches(is_quote_mark);
        trailing.ends_with(marks)
    }
}

/// A set of lower-case words, looked up ignoring case: the word lists the
/// rules are made of, asked about every word of the text.
pub struct Lexicon {
    words: &'static [&'static str],
    set: OnceLock<Set>,
}

/// A lexicon's words, and which lengths and first letters they have: most
/// words of a text are in no list, and most are turned away by those two
/// bits before any hashing.
struct Set {
    words: HashSet<&'static [u8], foldhash::fast::FixedState>,
    lengths: u32,
    firsts: u32,
}

impl Lexicon {
    pub const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon { words, set: OnceLock::new() }
    }

    pub fn has(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| Set {
            words: self.words.iter().map(|w| w.as_bytes()).collect(),
            lengths: self.words.iter().fold(0, |m, w| m | length_bit(w.len())),
            firsts: self.words.iter().fold(0, |m, w| m | first_bit(w.as_bytes()[0])),
        });
        let bytes = word.as_bytes();
        if bytes.is_empty()
            || set.lengths & length_bit(bytes.len()) == 0
            || set.firsts & first_bit(bytes[0]) == 0
        {
            return false;
        }
        let mut buffer = [0u8; 24];
        let Some(slot) = buffer.get_mut(..word.len()) else { return false };
        slot.copy_from_slice(bytes);
        slot.make_ascii_lowercase();
        set.words.contains(&*slot)
    }
}

/// A bit for a word's length (all lengths from 31 up share one).
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// A bit for a word's first byte, case folded (letters share by their place in the alphabet).
fn first_bit(byte: u8) -> u32 {
    1 << (byte.to_ascii_lowercase() % 32)
}

/// `s` with its first letter in capitals (`source close…` → `Source close…`).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A letter or digit: `char::is_alphanumeric`, without its table search
/// for the marks news is full of (curly quotes, dashes, the ellipsis).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{2000}'..='\u{206F}' | '«' | '»') && c.is_alphanumeric()
    }
}

pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›')
}

/// The words of `range`, split on white space.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in slice.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Word::new(&slice[s..i], range.start + s));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Word::new(&slice[s..], range.start + s));
    }
    out
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "ms", "mrs", "dr", "st", "jr", "sr", "gen", "lt", "col", "sen", "rep", "gov", "prof", "vs", "etc",
    "sgt", "capt", "maj", "adm", "cmdr", "hon", "supt", "insp", "det", "no", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "mt", "ft", "approx",
    "est", "p.m", "a.m", "u.s", "u.k", "u.n", "e.g", "i.e", "cf", "al", "brig", "cpl", "pvt", "pfc", "spc",
    "cdr", "rev", "fr", "atty", "amb",
];

/// Dotted acronyms that may end a sentence (the period is then both).
const ACRONYMS: &[&str] = &["u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "u.s.s.r"];

/// Whether the period at byte `at` ends a sentence: not after an
/// abbreviation, an initial (`G.`) or inside a dotted acronym (`U.S.`)
/// followed by a lower-case word.
fn period_ends_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_quote_mark(c) || c == '(')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if word.contains('.') {
        // Initials (`G.V. Plekhanov`) go on; a dotted acronym (`the U.S.`)
        // ends a sentence when a capital follows.
        if !ACRONYMS.contains(&lower.as_str()) && letters.iter().all(|c| c.is_uppercase()) {
            return false;
        }
        let next = text[at + 1..].trim_start_matches(|c: char| c.is_whitespace() || is_quote_mark(c));
        return next.chars().next().is_none_or(|c| !c.is_lowercase());
    }
    true
}

/// The end of the sentence that runs at `from`, within `limit`: just past
/// its `.`, `?`, `!` or `…` (and any closing quote marks after it), or
/// `limit` when the sentence runs to it.
pub fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let slice = &text[from..limit];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        let at = from + i;
        let mut end = at + c.len_utf8();
        while let Some(&(_, next)) = iter.peek() {
            if matches!(next, '.' | '?' | '!' | '…') || is_closing_mark(next) {
                end += next.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let followed_by_space = text[end..limit].chars().next().is_none_or(char::is_whitespace);
        if followed_by_space && (c != '.' || period_ends_sentence(text, at)) {
            return end;
        }
    }
    limit
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')')
}

/// The sentences of a range, as byte ranges (white space between them left out).
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let start = at + (text[at..range.end].len() - text[at..range.end].trim_start().len());
        if start >= range.end {
            break;
        }
        let start = if out.is_empty() { start + dateline(&text[start..range.end]) } else { start };
        let end = sentence_end(text, start, range.end);
        out.push(start..end);
        at = end;
    }
    out
}

/// The length of a dateline that opens `s` (`WASHINGTON — `, `KYIV, Ukraine
/// (AP) -- `), with the white space after it; 0 when there is none. A
/// place is no one's name, and the sentence starts after it.
fn dateline(s: &str) -> usize {
    let mut words = s.split_inclusive(char::is_whitespace).scan(0, |at, w| {
        *at += w.len();
        Some((*at, w.trim_end()))
    });
    let Some((_, first)) = words.next() else { return 0 };
    let letters = || first.chars().filter(|c| c.is_alphabetic());
    if letters().count() < 2 || letters().any(char::is_lowercase) {
        return 0;
    }
    for (end, w) in words.filter(|(_, w)| !w.is_empty()).take(5) {
        if w.chars().all(|c| matches!(c, '-' | '–' | '—')) {
            // `NATO — the alliance of 32 — said`: an aside, not a place.
            let sentence = s[end..].split(". ").next().unwrap_or("");
            let aside = [" - ", " – ", " — ", " -- "].iter().any(|d| sentence.contains(d));
            return if aside { 0 } else { end + (s[end..].len() - s[end..].trim_start().len()) };
        }
        if w.starts_with(char::is_lowercase) {
            return 0;
        }
    }
    0
}

/// `range` without white space at either end, and without the commas,
/// semicolons and colons that end a quotation before its reporting clause.
pub fn trim_span(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start_matches(|c: char| c.is_whitespace() || c == ',').len();
    let body =
        slice.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '–' | '—'));
    let end = range.start + body.len();
    (range.start + lead).min(end)..end
}

/// A headline in title case: one line, no full stop at its end, most of
/// its longer words capitalized (`Harris Rejects Isolationism at Munich`).
pub fn is_headline(s: &str) -> bool {
    let long: Vec<&str> =
        s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3).collect();
    let capitalized =
        long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    !s.contains('\n')
        && !s.trim_end().ends_with(['.', ':'])
        && long.len() >= 2
        && capitalized * 4 >= long.len() * 3
}

/// Whether a stretch of text has any letter in lower case: a line of
/// capitals (`END 3:30 P.M. EST`) is not speech.
pub fn has_lowercase(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_blank_lines_even_of_no_break_spaces() {
        let text = "One\nline two.\n \u{a0}\nThree.\n\n\nFour";
        let ps: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(ps, ["One\nline two.", "Three.", "Four"]);
    }

    #[test]
    fn a_dateline_is_no_part_of_the_first_sentence() {
        let first = |text: &str| {
            let range = sentences(text, 0..text.len())[0].clone();
            text[range].to_string()
        };
        assert_eq!(first("WASHINGTON — Senator Ann Fox said so. Yes."), "Senator Ann Fox said so.");
        assert_eq!(first("KYIV, Ukraine (AP) -- Officials said so."), "Officials said so.");
        assert_eq!(first("NATO — the alliance of 32 — said so."), "NATO — the alliance of 32 — said so.");
        assert_eq!(first("Officials — most of them — said so."), "Officials — most of them — said so.");
        assert_eq!(first("He said — and meant — so."), "He said — and meant — so.");
        assert_eq!(first("I — said so."), "I — said so.");
        assert_eq!(first("Washington — the capital said so."), "Washington — the capital said so.");
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_abbreviations_or_initials() {
        let text = "Mr. Smith met G. V. Plekhanov in the U.S. on Monday. “Is it so?” he asked. Yes";
        let ss: Vec<&str> = sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            ss,
            ["Mr. Smith met G. V. Plekhanov in the U.S. on Monday.", "“Is it so?”", "he asked.", "Yes"]
        );
    }

    #[test]
    fn spans_lose_the_comma_before_their_reporting_clause() {
        let text = "“central to the alliance, ”she said";
        assert_eq!(&text[trim_span(text, 3..28)], "central to the alliance");
    }
}
