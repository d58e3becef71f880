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
    let facts: Vec<String> = row_facts(c, q).into_iter().map(|(f, _)| f).collect();
    (c.speaker_name(c.quotes[q].speaker).to_string(), facts.join(" · "))
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

/// The quote's words as a reader may be shown them: in typographic quotes
/// when they are the speaker's own (or a question), without them when they
/// are reported speech — the article does not support a quotation then.
pub fn quoted(c: &Corpus, q: QuoteIx) -> String {
    match c.quotes[q].kind {
        Kind::Indirect => written(c, q),
        Kind::Direct | Kind::Question => format!("“{}”", written(c, q)),
    }
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
    facts.push(place(c, q));
    facts
}

/// Where a quote is: `line N`, and in a corpus its article first (its date,
/// or its title when undated).
pub fn place(c: &Corpus, q: QuoteIx) -> String {
    let line = format!("line {}", c.quote_line(q));
    if c.articles.len() == 1 {
        return line;
    }
    let article = c.article_of(q);
    format!("{}, {line}", article.date.as_deref().unwrap_or(&article.title))
}

/// The citation `y` copies, saying no more than the article supports:
/// a direct quote is `“…” — Speaker, Source, date`; reported speech is never
/// in quote marks: `Speaker (reported, via Relayer): words, Source, date`;
/// a question says it is one: `“…?” — Speaker (question), Source, date`.
pub fn citation(c: &Corpus, q: QuoteIx) -> String {
    let quote = &c.quotes[q];
    let article = c.article_of(q);
    let whence: Vec<&str> =
        [&article.source, &article.date].into_iter().flatten().map(String::as_str).collect();
    let speaker = c.speaker_name(quote.speaker);
    match quote.kind {
        Kind::Direct => {
            let who = std::iter::once(speaker).chain(whence).collect::<Vec<_>>().join(", ");
            format!("{} — {who}", quoted(c, q))
        }
        Kind::Question => {
            let who =
                std::iter::once(format!("{speaker} (question)")).chain(whence.iter().map(|s| s.to_string()));
            format!("{} — {}", quoted(c, q), who.collect::<Vec<_>>().join(", "))
        }
        Kind::Indirect => {
            let how = match relayers(c, q) {
                Some(v) => format!("reported, via {v}"),
                None => "reported".to_string(),
            };
            let mut out = format!("{speaker} ({how}): {}", written(c, q));
            for w in whence {
                out.push_str(", ");
                out.push_str(w);
            }
            out
        }
    }
}

/// A stance in words, for a sentence: `supports`, `opposes`, `is neutral on`,
/// `is mixed on`, `takes no stance on`.
pub fn stance_verb(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Support) => "supports",
        Some(Stance::Oppose) => "opposes",
        Some(Stance::Neutral) => "is neutral on",
        Some(Stance::Mixed) => "is mixed on",
        None => "states no stance on",
    }
}

/// What an issue is about, for a sentence: its proposition in quotes, or its title.
pub fn issue_claim(c: &Corpus, issue: IssueIx) -> String {
    match &c.issues[issue].proposition {
        Some(p) => format!("“{p}”"),
        None => c.issues[issue].title.clone(),
    }
}

/// The facts of a list row, in order, each with its weight: the row drops
/// the lightest first when it is narrow — who relayed it, then its kind,
/// then the issues — and the stance last of all, so that a stance is
/// shown with its issue for as long as there is room.
pub fn row_facts(c: &Corpus, q: QuoteIx) -> Vec<(String, u8)> {
    let quote = &c.quotes[q];
    let mut facts = Vec::new();
    let stance = stance_summary(c, q);
    // A stance per issue names its issues already (`A: support, B: oppose`).
    let names_issues = stance.contains(": ");
    if !quote.issues.is_empty() && !names_issues {
        let titles: Vec<&str> = quote.issues.iter().map(|&i| c.issues[i].title.as_str()).collect();
        facts.push((titles.join(", "), 3));
    }
    if !stance.is_empty() {
        facts.push((stance, 4));
    }
    if quote.kind != Kind::Direct {
        facts.push((kind_word(quote.kind).to_string(), 2));
    }
    if let Some(v) = relayers(c, q) {
        facts.push((format!("via {v}"), 1));
    }
    facts
}
