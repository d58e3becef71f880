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

/// An issue's proposition in a few words, for "supports ⟨short⟩": its
/// `short`, else its proposition cut at a word, else its title.
pub fn short(c: &Corpus, issue: IssueIx) -> String {
    let issue = &c.issues[issue];
    if let Some(short) = &issue.short {
        return short.clone();
    }
    match &issue.proposition {
        Some(p) => sentence_case_off(&cut_at_word(&text::fold_whitespace(p), SHORT_MAX)),
        None => issue.title.clone(),
    }
}

/// A sentence's capital taken off for the middle of another sentence
/// ("supports the US…") when its first word is a common word that only a
/// sentence's start capitalises; a name ("North Korea", "Kim's offer",
/// "NATO") keeps its capital.
fn sentence_case_off(s: &str) -> String {
    const COMMON: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "there", "their", "they", "we",
        "our", "all", "any", "no", "some", "each", "every", "both", "other", "more", "further", "new", "to",
        "in", "on", "for", "with", "without", "by", "of", "from", "at", "as", "if", "whether",
    ];
    let first_word = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && COMMON.contains(&first_word.to_lowercase().as_str()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

/// As long as a `short` may be.
const SHORT_MAX: usize = 40;

/// `s` cut at the last word that fits in `max` characters, with `…`.
fn cut_at_word(s: &str, max: usize) -> String {
    let s = s.trim().trim_end_matches('.');
    if s.chars().count() <= max {
        return s.to_string();
    }
    let end = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let cut = s[..end].rfind(' ').unwrap_or(end);
    format!("{}…", s[..cut].trim_end_matches([',', ';', ':', ' ']))
}

/// A stance with what it is a stance on: `supports no sanctions on
/// Russia`, `neutral on …`, `mixed on …`.
pub fn stance_on(c: &Corpus, stance: Stance, issue: IssueIx) -> String {
    let verb = match stance {
        Stance::Support => "supports",
        Stance::Oppose => "opposes",
        Stance::Neutral => "neutral on",
        Stance::Mixed => "mixed on",
    };
    format!("{verb} {}", short(c, issue))
}

/// A quote's stances in words, each with its proposition; empty when it
/// has none.
pub fn stance_summary(c: &Corpus, q: QuoteIx) -> String {
    c.quotes[q].stances.iter().map(|&(i, s)| stance_on(c, s, i)).collect::<Vec<_>>().join(", ")
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

/// The byline on one line, with where the quote is: `Who · what · line
/// N`, its article's date and title first in a corpus.
pub fn byline_with_line(c: &Corpus, q: QuoteIx) -> String {
    let (who, what) = byline(c, q);
    let line = place(c, q);
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
    as_kind(c.quotes[q].kind, &written(c, q))
}

/// Words as a quote of `kind` is shown: in typographic quotes unless they
/// are reported speech.
pub fn as_kind(kind: Kind, words: &str) -> String {
    match kind {
        Kind::Indirect => words.to_string(),
        Kind::Direct | Kind::Question => format!("“{words}”"),
    }
}

/// What to say after a quote in a list of quotes on one issue: its kind,
/// its stance on that issue, who relayed it, what it answers, and where it is.
pub fn facts_on_issue(c: &Corpus, q: QuoteIx, issue: Option<IssueIx>) -> Vec<String> {
    let quote = &c.quotes[q];
    let mut facts = vec![kind_word(quote.kind).to_string()];
    facts.push(match issue.and_then(|i| Some((i, quote.stance_on(i)?))) {
        Some((i, stance)) => stance_on(c, stance, i),
        None => "no stance".to_string(),
    });
    if let Some(v) = relayers(c, q) {
        facts.push(format!("via {v}"));
    }
    if let Some(r) = quote.replies_to {
        facts.push(format!("answers {}", c.speaker_name(c.quotes[r].speaker)));
    }
    facts.push(place(c, q));
    facts
}

/// Where a quote is: `line N`, and in a corpus its article first (its
/// date and title).
pub fn place(c: &Corpus, q: QuoteIx) -> String {
    let line = format!("line {}", c.quote_line(q));
    if c.articles.len() == 1 {
        return line;
    }
    format!("{}, {line}", article_name(c, q))
}

/// A quote's article as a reader knows it: `2022-01-10 · Title`, or the
/// title alone when undated.
pub fn article_name(c: &Corpus, q: QuoteIx) -> String {
    let article = c.article_of(q);
    match &article.date {
        Some(date) => format!("{date} · {}", article.title),
        None => article.title.clone(),
    }
}

/// The citation `y` copies, saying no more than the article supports:
/// a direct quote is `“…” — Speaker, Source, date`; a question says it is
/// one: `“…?” — Speaker (question), Source, date`; reported speech is never
/// in quote marks, and who reported it stands apart from the words:
/// `Speaker, as reported by Relayer: words — Source, date`. The source is
/// the article's, or its title when it names none.
pub fn citation(c: &Corpus, q: QuoteIx) -> String {
    let quote = &c.quotes[q];
    let article = c.article_of(q);
    let whence: Vec<&str> = [article.source.as_ref().or(Some(&article.title)), article.date.as_ref()]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
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
                Some(v) => format!("as reported by {v}"),
                None => "as reported".to_string(),
            };
            format!("{speaker}, {how}: {} — {}", written(c, q), whence.join(", "))
        }
    }
}

/// How the statements of a cell stand on an issue, each stance counted:
/// `18 statements: 11 oppose, 1 mixed, 6 no stance` (`3 statements, all
/// support` when they agree).
pub fn stance_counts(c: &Corpus, quotes: &[QuoteIx], issue: IssueIx) -> String {
    let n = quotes.len();
    let mut counts: Vec<(usize, &str)> = Vec::new();
    for (stance, word) in Stance::ALL.iter().map(|s| (Some(*s), s.name())).chain([(None, "no stance")]) {
        let k = quotes.iter().filter(|&&q| c.stance_as(q, issue) == stance).count();
        if k > 0 {
            counts.push((k, word));
        }
    }
    let statements = if n == 1 { "1 statement".to_string() } else { format!("{n} statements") };
    match counts.as_slice() {
        [] => statements,
        [(_, word)] if n == 1 => format!("{statements}, {word}"),
        [(_, word)] => format!("{statements}, all {word}"),
        many => {
            let each: Vec<String> = many.iter().map(|(k, w)| format!("{k} {w}")).collect();
            format!("{statements}: {}", each.join(", "))
        }
    }
}

/// A stance for a sentence about a speaker: `supports …`, `is neutral on
/// …`, `states no stance on …`, with the issue's short proposition.
pub fn stance_sentence(c: &Corpus, stance: Option<Stance>, issue: IssueIx) -> String {
    match stance {
        Some(s @ (Stance::Support | Stance::Oppose)) => stance_on(c, s, issue),
        Some(s) => format!("is {}", stance_on(c, s, issue)),
        None => format!("states no stance on {}", short(c, issue)),
    }
}

/// The facts of a list row, in order, each with its weight: the row drops
/// the lightest first when it is narrow — who relayed it, the issues it
/// takes no stance on, its second and later stances, its kind — and its
/// first stance last of all. A stance is dropped whole, never parted from
/// its proposition.
pub fn row_facts(c: &Corpus, q: QuoteIx) -> Vec<(String, u8)> {
    let quote = &c.quotes[q];
    let mut facts = Vec::new();
    let unstated: Vec<&str> = quote
        .issues
        .iter()
        .filter(|&&i| quote.stance_on(i).is_none())
        .map(|&i| c.issues[i].title.as_str())
        .collect();
    if !unstated.is_empty() {
        facts.push((unstated.join(", "), 2));
    }
    for (n, &(i, stance)) in quote.stances.iter().enumerate() {
        facts.push((stance_on(c, stance, i), if n == 0 { 5 } else { 3 }));
    }
    if quote.kind != Kind::Direct {
        facts.push((kind_word(quote.kind).to_string(), 4));
    }
    if let Some(v) = relayers(c, q) {
        facts.push((format!("via {v}"), 1));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposition_is_cut_at_a_word() {
        assert_eq!(
            cut_at_word("NATO should stop expanding eastward toward Russia.", 40),
            "NATO should stop expanding eastward…"
        );
        assert_eq!(cut_at_word("No sanctions on Russia.", 40), "No sanctions on Russia");
    }
}
