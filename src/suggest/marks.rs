//! Quoted passages: every pair of quote marks (“…” ‘…’ «…» „…“ ‹…› "…"
//! '…'), nested quotes kept inside the outer one, apostrophes (don’t,
//! Putin’s, the countries’) told apart from closing marks, and a quotation
//! continued over paragraphs (a paragraph that opens with a mark and does
//! not close it goes on in the next one that opens with a mark).
//!
//! One pass over each paragraph with a small stack of open marks: linear
//! in the text, however many marks are left unbalanced.

use super::prose::{is_word_char, trim_span};
use std::ops::Range;

/// A quotation: its words without the marks, one range per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The words, marks and the comma before a reporting clause left out.
    pub parts: Vec<Range<usize>>,
    /// The first opening mark.
    pub open: usize,
    /// Just past the last closing mark.
    pub close: usize,
    /// The paragraphs (indices) it starts and ends in.
    pub paragraphs: Range<usize>,
}

impl Passage {
    fn new(open: usize, paragraph: usize) -> Passage {
        Passage { parts: Vec::new(), open, close: 0, paragraphs: paragraph..paragraph + 1 }
    }

    /// Takes in the words of `range`, in paragraph `paragraph`.
    fn take_in(&mut self, text: &str, range: Range<usize>, paragraph: usize) {
        let part = trim_span(text, range);
        if !part.is_empty() {
            self.parts.push(part);
        }
        self.paragraphs.end = paragraph + 1;
    }

    /// Ends the passage at `close`: one with words is a passage found.
    fn end_at(mut self, close: usize, out: &mut Vec<Passage>) {
        self.close = close;
        if !self.parts.is_empty() {
            out.push(self);
        }
    }
}

/// The kinds of mark pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pair {
    /// “…” (and ”…” as Swedish writes it).
    Double,
    /// „…“ or „…” as German and Russian texts write it.
    Low,
    /// ‘…’, and ‚…‘.
    Single,
    /// «…» and ‹…›.
    Guillemet,
    /// "…"
    StraightDouble,
    /// '…'
    StraightSingle,
}

/// More open marks than this at once is not prose: further openers are ignored.
const MAX_OPEN: usize = 8;

#[derive(Debug, Clone, Copy)]
enum Mark {
    Open(Pair),
    Close(Pair),
    /// A straight mark that opens or closes by context.
    Either(Pair),
}

fn classify(prev: Option<char>, c: char, next: Option<char>, open: &[(Pair, usize)]) -> Option<Mark> {
    let letter_before = prev.is_some_and(is_word_char);
    let letter_after = next.is_some_and(is_word_char);
    let space_before = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-'));
    let space_after = next.is_none_or(char::is_whitespace);
    let is_open = |pair| open.iter().any(|(p, _)| *p == pair);
    let low_on_top = open.last().is_some_and(|(p, _)| *p == Pair::Low);
    Some(match c {
        '„' => Mark::Open(Pair::Low),
        '“' | '”' if low_on_top => Mark::Close(Pair::Low),
        '“' => Mark::Open(Pair::Double),
        '”' if !is_open(Pair::Double) && space_before && !space_after => Mark::Open(Pair::Double),
        // `"The department takes …,”`: a straight mark closed by a curly one.
        '”' if !is_open(Pair::Double) && is_open(Pair::StraightDouble) => Mark::Close(Pair::StraightDouble),
        '”' => Mark::Close(Pair::Double),
        '«' | '‹' => Mark::Open(Pair::Guillemet),
        '»' | '›' => Mark::Close(Pair::Guillemet),
        '‘' | '‚' if !letter_before => Mark::Open(Pair::Single),
        '‘' if is_open(Pair::Single) => Mark::Close(Pair::Single),
        '’' => {
            // don’t, Putin’s: a letter on each side is an apostrophe; so is
            // the countries’ when no single quote is open.
            if (letter_before && letter_after) || !is_open(Pair::Single) || space_before {
                return None;
            }
            Mark::Close(Pair::Single)
        }
        '"' => Mark::Either(Pair::StraightDouble),
        '\'' => {
            if letter_before && letter_after {
                return None;
            }
            if space_before && !space_after && !is_open(Pair::StraightSingle) {
                Mark::Open(Pair::StraightSingle)
            } else if is_open(Pair::StraightSingle) && !space_before && !letter_after {
                Mark::Close(Pair::StraightSingle)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// The quoted passages of the paragraphs not excluded by `skip`.
pub fn passages(text: &str, paragraphs: &[Range<usize>], skip: &[bool]) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    // A quotation left open at a paragraph's end: it goes on if the next
    // paragraph opens with a mark of the same kind.
    let mut carried: Option<(Pair, Passage)> = None;
    for (p, range) in paragraphs.iter().enumerate() {
        if skip[p] {
            carried = None;
            continue;
        }
        let para = &text[range.clone()];
        let mut open: Vec<(Pair, usize)> = Vec::new();
        let mut continuing: Option<Passage> = None;
        let mut marks_seen = 0;
        let mut from = 0;
        // Most of a text is ASCII letters and spaces: no mark to weigh.
        while let Some(skipped) =
            para.as_bytes()[from..].iter().position(|&b| b >= 0x80 || b == b'"' || b == b'\'')
        {
            let i = from + skipped;
            let c = para[i..].chars().next().expect("a character starts here");
            from = i + c.len_utf8();
            let prev = para[..i].chars().next_back();
            let next = para[from..].chars().next();
            let at = range.start + i;
            let mark = match classify(prev, c, next, &open) {
                Some(Mark::Either(pair)) => {
                    let space_before = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['));
                    let closing = !space_before || next.is_none_or(|n| !is_word_char(n));
                    let is_open = |pair| open.iter().any(|(p, _)| *p == pair);
                    if is_open(pair) && closing {
                        Some(Mark::Close(pair))
                    } else if pair == Pair::StraightDouble && is_open(Pair::Double) && !space_before {
                        // `“That's why …."`: a curly mark closed by a straight one.
                        Some(Mark::Close(Pair::Double))
                    } else {
                        Some(Mark::Open(pair))
                    }
                }
                other => other,
            };
            let first_mark = mark.is_some() && marks_seen == 0;
            marks_seen += usize::from(mark.is_some());
            match mark {
                // A quotation that opened once and goes on over paragraphs
                // without a mark at each: it closes at this paragraph's
                // first mark.
                Some(Mark::Close(pair))
                    if first_mark
                        && carried.as_ref().is_some_and(|(carried_pair, _)| *carried_pair == pair) =>
                {
                    let Some((_, mut passage)) = carried.take() else { continue };
                    passage.take_in(text, range.start..at, p);
                    passage.end_at(at + c.len_utf8(), &mut out);
                }
                Some(Mark::Open(pair)) if open.len() < MAX_OPEN => {
                    if open.is_empty()
                        && i == 0
                        && let Some((carried_pair, passage)) = carried.take()
                        && carried_pair == pair
                    {
                        continuing = Some(passage);
                    }
                    open.push((pair, at + c.len_utf8()));
                }
                Some(Mark::Close(pair)) => {
                    let Some(depth) = open.iter().rposition(|(p, _)| *p == pair) else { continue };
                    let (_, start) = open[depth];
                    open.truncate(depth);
                    if depth == 0 {
                        let mut passage = continuing
                            .take()
                            .unwrap_or_else(|| Passage::new(opener_position(text, start), p));
                        passage.take_in(text, start..at, p);
                        passage.end_at(at + c.len_utf8(), &mut out);
                    }
                }
                _ => {}
            }
        }
        // A paragraph without marks inside a quotation that opened once.
        if marks_seen == 0
            && let Some((_, passage)) = &mut carried
            && passage.paragraphs.len() < UNMARKED_PARAGRAPHS
        {
            passage.take_in(text, range.clone(), p);
            continue;
        }
        // The outermost mark left open goes on if the next paragraph opens
        // with the same kind of mark.
        carried = open.first().map(|&(pair, start)| {
            let mut passage =
                continuing.take().unwrap_or_else(|| Passage::new(opener_position(text, start), p));
            passage.take_in(text, start..range.end, p);
            (pair, passage)
        });
    }
    // A quotation the text ends in (an excerpt of a statement): it ends
    // with the text, when it went on over paragraphs or opened a sentence
    // of the last one (`“…,” the chairman said. “We also built …`).
    if let Some((_, passage)) = carried
        && let Some(last) = paragraphs.last()
        && text[last.clone()].starts_with(super::prose::is_quote_mark)
        && (passage.paragraphs.len() >= 2
            || text[last.start..passage.open].trim_end().ends_with(['.', '!', '?']))
    {
        passage.end_at(last.end, &mut out);
    }
    out.retain(|p| !names_within(text, p));
    out
}

/// Whether a passage is one capitalized word inside a run of names: a
/// nickname (`Lt. Gen. P.K. “Ken” Keen`) or a title (`NBC “Today” show`),
/// which nobody said.
fn names_within(text: &str, passage: &Passage) -> bool {
    let inner = text[passage.open..passage.close].trim_matches(|c: char| super::prose::is_quote_mark(c));
    let one_word = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.chars().all(|c| is_word_char(c) || c == '-');
    let before = text[..passage.open].trim_end();
    let word_before = before.rsplit(char::is_whitespace).next().unwrap_or_default();
    let name_before = word_before.chars().next().is_some_and(char::is_uppercase)
        && !word_before.ends_with([',', ';', ':', '!', '?'])
        && before.len() < text[..passage.open].len();
    one_word && name_before
}

/// How many paragraphs a quotation that opened once may go on over.
const UNMARKED_PARAGRAPHS: usize = 4;

/// The byte where the mark that ends just before `content_start` begins.
fn opener_position(text: &str, content_start: usize) -> usize {
    text[..content_start].char_indices().next_back().map_or(content_start, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::prose::paragraphs;

    fn found(text: &str) -> Vec<Vec<&str>> {
        let ps = paragraphs(text);
        let skip = vec![false; ps.len()];
        passages(text, &ps, &skip)
            .into_iter()
            .map(|p| p.parts.into_iter().map(|r| &text[r]).collect())
            .collect()
    }

    #[test]
    fn every_kind_of_mark_and_the_comma_before_the_clause() {
        assert_eq!(found("“We were firm, ”she said."), [["We were firm"]]);
        assert_eq!(found("«Нет», сказал он. „Ja“, sagte er."), [["Нет"], ["Ja"]]);
        assert_eq!(found("He said \"we will,\" and 'we can'."), [["we will"], ["we can"]]);
    }

    #[test]
    fn apostrophes_do_not_close_and_nested_quotes_stay_inside() {
        assert_eq!(
            found("“Don’t tell Putin’s aides the countries’ ‘red lines’,” he said."),
            [["Don’t tell Putin’s aides the countries’ ‘red lines’"]]
        );
    }

    #[test]
    fn a_quotation_continued_over_paragraphs_is_one_passage() {
        let text = "“We will not go back.\n\n“We will stay,” he said.\n\nThe end.";
        assert_eq!(found(text), [["We will not go back.", "We will stay"]]);
    }

    #[test]
    fn a_quotation_that_opens_once_closes_in_a_later_paragraph() {
        let text = "“We will not go back.\n\nWe will stay.” – The Minister\n\nThe end.";
        assert_eq!(found(text), [["We will not go back.", "We will stay."]]);
        let text = "“One.\n\nTwo.\n\nThree.” – The Minister";
        assert_eq!(found(text), [["One.", "Two.", "Three."]]);
        assert_eq!(found("“One.\n\nTwo, she said. “Three.”"), [["Three."]], "a mark opens the next one");
    }

    #[test]
    fn a_quotation_continued_to_the_end_of_an_excerpt_ends_there() {
        assert_eq!(found("“One.\n\n“Two."), [["One.", "Two."]]);
        assert_eq!(
            found("He said “one."),
            Vec::<Vec<&str>>::new(),
            "one paragraph left open is a stray mark"
        );
    }

    #[test]
    fn unbalanced_marks_are_left_alone() {
        assert_eq!(found("He said “no. Then she left.\n\nNothing more."), Vec::<Vec<&str>>::new());
        let many = "“a ".repeat(10_000);
        assert_eq!(found(&many), Vec::<Vec<&str>>::new());
    }
}
