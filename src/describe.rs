//! One description of a quote and an issue, for every place that shows
//! them: the browser's lists and Details, the command line's text and
//! Markdown, the report. Plain strings, not yet made safe for a terminal:
//! each output sanitises or escapes them its own way.

use crate::model::{Corpus, IssueIx, Kind, QuoteIx, Stance};
use crate::text;

/// The word for a quote's kind, as the format spells it.
pub fn kind_word(kind: Kind) -> &'static str {
    kind.name()
}

/// An issue's title with one `↳ ` per level below the top.
pub fn issue_label(c: &Corpus, issue: IssueIx) -> String {
    format!("{}{}", "↳ ".repeat(c.issues[issue].depth), c.issues[issue].title)
}

/// The same, compact, for narrow column headings: `↳↳Title`.
pub fn issue_label_compact(c: &Corpus, issue: IssueIx) -> String {
    format!("{}{}", "↳".repeat(c.issues[issue].depth), c.issues[issue].title)
}

/// The indentation of a row in a tree of issues (or of speakers' groups):
/// `└ ` under the top level, two more spaces for each level further down.
pub fn tree_prefix(depth: usize) -> String {
    if depth == 0 { String::new() } else { format!("{}└ ", "  ".repeat(depth - 1)) }
}

/// A quote's stances in words: `support` when one stance covers all its
/// issues, else `Issue title: stance` for each; empty when it has none.
pub fn stance_summary(c: &Corpus, q: QuoteIx) -> String {
    let quote = &c.quotes[q];
    let Some(&(_, first)) = quote.stances.first() else { return String::new() };
    if quote.stances.len() == quote.issues.len() && quote.stances.iter().all(|(_, s)| *s == first) {
        return first.name().to_string();
    }
    quote
        .stances
        .iter()
        .map(|(i, s)| format!("{}: {}", c.issues[*i].title, s.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stance on one issue in words: `support`, or `no stance`.
pub fn stance_word(stance: Option<Stance>) -> &'static str {
    stance.map_or("no stance", Stance::name)
}

/// Who relayed a quote: `A` or `A via B`, in the order the words travelled
/// back from the article: the last relayer first.
pub fn relayers(c: &Corpus, q: QuoteIx) -> Option<String> {
    let via = &c.quotes[q].via;
    if via.is_empty() {
        return None;
    }
    Some(via.iter().rev().map(|&s| c.speaker_name(s)).collect::<Vec<_>>().join(" via "))
}

/// Who said a quote, and what else a list row says of it: its issues, its
/// stance, its kind (when not direct) and who relayed it.
pub fn byline(c: &Corpus, q: QuoteIx) -> (String, String) {
    let quote = &c.quotes[q];
    let mut parts = Vec::new();
    if !quote.issues.is_empty() {
        parts.push(quote.issues.iter().map(|&i| c.issues[i].title.as_str()).collect::<Vec<_>>().join(", "));
    }
    let stance = stance_summary(c, q);
    if !stance.is_empty() {
        parts.push(stance);
    }
    if quote.kind != Kind::Direct {
        parts.push(kind_word(quote.kind).to_string());
    }
    if let Some(v) = relayers(c, q) {
        parts.push(format!("via {v}"));
    }
    (c.speaker_name(quote.speaker).to_string(), parts.join(" · "))
}

/// The byline on one line, with the article line: `Who · what · line N`.
pub fn byline_with_line(c: &Corpus, q: QuoteIx) -> String {
    let (who, what) = byline(c, q);
    let line = format!("line {}", c.quote_line(q));
    [who, what, line].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// The quote's words on one line, its parts joined by ` … `.
pub fn written(c: &Corpus, q: QuoteIx) -> String {
    c.quotes[q]
        .text
        .parts()
        .iter()
        .map(|p| text::fold_whitespace(p))
        .collect::<Vec<_>>()
        .join(crate::model::PART_JOINER)
}

/// The quote's words in typographic quotes.
pub fn quoted(c: &Corpus, q: QuoteIx) -> String {
    format!("“{}”", written(c, q))
}

/// What to say after a quote in a list of quotes on one issue: its kind,
/// its stance on that issue, who relayed it, what it answers, and where it is.
pub fn facts_on_issue(c: &Corpus, q: QuoteIx, issue: Option<IssueIx>) -> Vec<String> {
    let quote = &c.quotes[q];
    let mut facts = vec![kind_word(quote.kind).to_string()];
    facts.push(stance_word(issue.and_then(|i| quote.stance_on(i))).to_string());
    if let Some(v) = relayers(c, q) {
        facts.push(format!("via {v}"));
    }
    if let Some(r) = quote.replies_to {
        facts.push(format!("answers {}", c.speaker_name(c.quotes[r].speaker)));
    }
    facts.push(format!("line {}", c.quote_line(q)));
    facts
}

/// The citation `y` copies: `“…” — Speaker, Source, date`.
pub fn citation(c: &Corpus, q: QuoteIx) -> String {
    let quote = &c.quotes[q];
    let article = c.article_of(q);
    let mut parts = vec![c.speaker_name(quote.speaker).to_string()];
    parts.extend(article.source.iter().cloned());
    parts.extend(article.date.iter().cloned());
    format!("{} — {}", quoted(c, q), parts.join(", "))
}
