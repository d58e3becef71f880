//! `whosaid quotes`: the quotes that match, in article order, or with
//! `--search`, best first.

use super::{Outcome, Section, markdown, resolve_ids, sections, write_csv, write_json};
use crate::cli::Status;
use crate::cli::{QuotesArgs, QuotesFormat as Format};
use crate::describe;
use crate::model::{Corpus, IssueIx, Kind, QuoteIx, QuoteText, SpeakerIx, ix::per};
use crate::query::{self, Score, SearchIndex};
use crate::text;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

pub fn run(args: &QuotesArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let speaker_ids: Vec<&str> = a.speakers.iter().map(|s| s.id.as_str()).collect();
    let issue_ids: Vec<&str> = a.issues.iter().map(|i| i.id.as_str()).collect();
    let speakers: Vec<SpeakerIx> = match resolve_ids(&args.speaker, "speaker", &speaker_ids, err) {
        Ok(s) => s,
        Err(status) => return Ok(status),
    };
    let issues: Vec<IssueIx> = match resolve_ids(&args.issue, "issue", &issue_ids, err) {
        Ok(i) => i,
        Err(status) => return Ok(status),
    };
    let mut selected = a.filter(&speakers, &issues);
    let mut search = None;
    if let Some(input) = &args.search {
        let query = match query::parse(input, &a) {
            Ok(q) => q,
            Err(why) => {
                writeln!(err, "whosaid: bad query: {}", text::one_line(&why))?;
                return Ok(Status::Usage);
            }
        };
        let index = SearchIndex::new(&a);
        let mut allowed = per::<QuoteIx, bool>(a.quotes.len(), false);
        for &q in &selected {
            allowed[q] = true;
        }
        let found = index.search(&a, &query, &|q| allowed[q]);
        if found.fuzzy {
            writeln!(err, "whosaid: no exact match · {} close", found.hits.len())?;
        }
        selected = found.hits.iter().map(|h| h.quote).collect();
        search = Some((index, found));
    }
    match args.format {
        Format::Text => write_text(&a, &selected, super::terminal_width(), out)?,
        Format::Json => {
            let mut quotes = json(&a, &selected);
            if let Some((index, found)) = &search {
                for (j, hit) in quotes.iter_mut().zip(&found.hits) {
                    let ranges = index.highlights(&a, &found.compiled, hit.quote);
                    let offsets: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end]).collect();
                    let chars = a.char_offsets(a.quotes[hit.quote].article, &offsets);
                    j.score = Some(hit.score);
                    j.matches = Some(chars.chunks(2).map(|c| [c[0], c[1]]).collect());
                }
            }
            write_json(out, &quotes)?
        }
        Format::Csv => write_csv_rows(&a, &selected, out)?,
        Format::Markdown => write_markdown(&a, &selected, out)?,
        Format::Jsonl => super::exports::write_jsonl(&a, &selected, out)?,
        Format::WebAnnotation => super::exports::write_web_annotation(&a, &selected, out)?,
    }
    Ok(Status::Clean)
}

/// A quote as `--format json` shows it; the field names are stable.
#[derive(Serialize)]
pub struct QuoteJson<'a> {
    pub id: &'a str,
    pub speaker: &'a str,
    pub speaker_name: &'a str,
    pub issues: Vec<&'a str>,
    pub stance: BTreeMap<&'a str, &'static str>,
    /// What each issue's stance is a stance on: the proposition in full and
    /// in a few words (its `short`), by issue id.
    pub proposition: BTreeMap<&'a str, &'a str>,
    pub short: BTreeMap<&'a str, String>,
    pub kind: &'static str,
    /// As written: a string, or the list of a quote's parts.
    pub text: &'a QuoteText,
    /// Offsets of the span in the article, in code points, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The article line where the span starts (1-based).
    pub line: usize,
    /// The article's id, title and date.
    pub article: &'a str,
    pub article_title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date: Option<&'a str>,
    /// For a quote in parts: each part's `[start, end]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
    /// Who relayed reported speech: an id, or the chain of ids in the order
    /// the words travelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Via<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replies_to: Option<String>,
    /// Another report of the same statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// With `--search`: how well the quote matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    /// With `--search`: the matched parts, as code-point offsets in the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<[usize; 2]>>,
}

/// `via` in JSON: one relayer's id, or the chain.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Via<'a> {
    One(&'a str),
    Chain(Vec<&'a str>),
}

/// The JSON objects of the given quotes, in the given order.
pub fn json<'a>(a: &'a Corpus, selected: &[QuoteIx]) -> Vec<QuoteJson<'a>> {
    let chars = span_chars(a, selected);
    selected
        .iter()
        .enumerate()
        .map(|(n, &q)| {
            let quote = &a.quotes[q];
            let ids: Vec<&str> = quote.via.iter().map(|&v| a.speakers[v].id.as_str()).collect();
            let via = match ids[..] {
                [] => None,
                [one] => Some(Via::One(one)),
                _ => Some(Via::Chain(ids)),
            };
            let (start, end) = (chars[n][0][0], chars[n][0][1]);
            QuoteJson {
                id: &quote.id,
                speaker: &a.speakers[quote.speaker].id,
                speaker_name: &a.speakers[quote.speaker].name,
                issues: quote.issues.iter().map(|&i| a.issues[i].id.as_str()).collect(),
                stance: quote.stances.iter().map(|&(i, s)| (a.issues[i].id.as_str(), s.name())).collect(),
                proposition: quote
                    .issues
                    .iter()
                    .filter_map(|&i| Some((a.issues[i].id.as_str(), a.issues[i].proposition.as_deref()?)))
                    .collect(),
                short: quote
                    .issues
                    .iter()
                    .map(|&i| (a.issues[i].id.as_str(), describe::short(a, i)))
                    .collect(),
                kind: quote.kind.name(),
                text: &quote.text,
                start,
                end,
                line: a.quote_line(q),
                article: &a.article_of(q).id,
                article_title: &a.article_of(q).title,
                article_date: a.article_of(q).date.as_deref(),
                spans: (chars[n].len() > 1).then(|| chars[n][1..].to_vec()),
                via,
                replies_to: quote.replies_to.map(|r| a.quote_name(r).into_owned()),
                same_as: quote.same_as.map(|s| a.quote_name(s).into_owned()),
                original: quote.original.as_deref(),
                note: quote.note.as_deref(),
                score: None,
                matches: None,
            }
        })
        .collect()
}

/// Code-point offsets, in its article, of each quote's whole span and
/// (for a quote in parts) of each part after it.
pub fn span_chars(a: &Corpus, selected: &[QuoteIx]) -> Vec<Vec<[usize; 2]>> {
    let ranges = |q: QuoteIx| {
        let quote = &a.quotes[q];
        let parts = if quote.parts.len() > 1 { &quote.parts[..] } else { &[] };
        std::iter::once(&quote.span).chain(parts).cloned().collect::<Vec<_>>()
    };
    let mut out: Vec<Vec<[usize; 2]>> = selected.iter().map(|&q| vec![[0, 0]; ranges(q).len()]).collect();
    for article in a.articles.ids() {
        let mine: Vec<usize> =
            (0..selected.len()).filter(|&n| a.quotes[selected[n]].article == article).collect();
        let offsets: Vec<usize> =
            mine.iter().flat_map(|&n| ranges(selected[n])).flat_map(|r| [r.start, r.end]).collect();
        let mut chars = a.char_offsets(article, &offsets).into_iter();
        for &n in &mine {
            for slot in &mut out[n] {
                *slot = [chars.next().unwrap_or(0), chars.next().unwrap_or(0)];
            }
        }
    }
    out
}

fn write_text(
    a: &Corpus,
    selected: &[QuoteIx],
    width: Option<usize>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for (n, &q) in selected.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let head = format!(
            "{}  {}",
            text::one_line(&a.quotes[q].id),
            text::one_line(&describe::byline_with_line(a, q))
        );
        let mut body = vec![describe::quoted(a, q)];
        // Words that stand in a translation: what was said, as said.
        if let Some(original) = &a.quotes[q].original {
            body.push(format!("original: {original}"));
        }
        match width {
            Some(w) => {
                for line in text::wrap(&head, w) {
                    writeln!(out, "{line}")?;
                }
                for line in body.iter().flat_map(|b| text::wrap(&text::one_line(b), w.saturating_sub(2))) {
                    writeln!(out, "  {line}")?;
                }
            }
            None => {
                writeln!(out, "{head}")?;
                for b in &body {
                    writeln!(out, "  {}", text::one_line(b))?;
                }
            }
        }
    }
    if selected.is_empty() {
        writeln!(out, "no quotes match")?;
    }
    Ok(())
}

fn write_csv_rows(a: &Corpus, selected: &[QuoteIx], out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<Vec<String>> = json(a, selected)
        .into_iter()
        .map(|j| {
            vec![
                j.id.to_string(),
                j.speaker.to_string(),
                j.speaker_name.to_string(),
                j.issues.join(";"),
                j.stance.iter().map(|(i, s)| format!("{i}:{s}")).collect::<Vec<_>>().join(";"),
                j.proposition
                    .iter()
                    .map(|(i, p)| format!("{i}:{}", text::fold_whitespace(p)))
                    .collect::<Vec<_>>()
                    .join(";"),
                j.short.iter().map(|(i, s)| format!("{i}:{s}")).collect::<Vec<_>>().join(";"),
                j.kind.to_string(),
                j.line.to_string(),
                j.start.to_string(),
                j.end.to_string(),
                j.text
                    .parts()
                    .iter()
                    .map(|p| text::fold_whitespace(p))
                    .collect::<Vec<_>>()
                    .join(crate::model::PART_JOINER),
                match &j.via {
                    None => String::new(),
                    Some(Via::One(v)) => v.to_string(),
                    Some(Via::Chain(vs)) => vs.join(";"),
                },
                j.replies_to.clone().unwrap_or_default(),
                j.note.unwrap_or_default().to_string(),
                j.article.to_string(),
                j.article_date.unwrap_or_default().to_string(),
                j.article_title.to_string(),
                j.same_as.clone().unwrap_or_default(),
                j.original.unwrap_or_default().to_string(),
            ]
        })
        .collect();
    write_csv(
        out,
        &[
            "id",
            "speaker",
            "speaker_name",
            "issues",
            "stance",
            "proposition",
            "short",
            "kind",
            "line",
            "start",
            "end",
            "text",
            "via",
            "replies_to",
            "note",
            "article",
            "article_date",
            "article_title",
            "same_as",
            "original",
        ],
        &rows,
    )
}

/// Markdown grouped by issue, then speaker: something to paste into a document.
fn write_markdown(a: &Corpus, selected: &[QuoteIx], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {}", markdown(a.heading()))?;
    if let [article] = a.articles.as_slice() {
        let byline: Vec<String> =
            [&article.source, &article.date].into_iter().flatten().map(|s| markdown(s)).collect();
        if !byline.is_empty() {
            writeln!(out, "\n*{}*", byline.join(", "))?;
        }
    }
    for Section { issue, title, by_speaker } in sections(a, selected) {
        if by_speaker.is_empty() {
            continue;
        }
        writeln!(out, "\n## {}", markdown(&title))?;
        if let Some(p) = issue.and_then(|i| a.issues[i].proposition.as_ref()) {
            writeln!(out, "\n*Proposition:* {}", markdown(p))?;
        }
        for (s, theirs) in by_speaker {
            writeln!(out, "\n### {}\n", markdown(a.speaker_name(s)))?;
            for q in theirs {
                let quote = &a.quotes[q];
                let mut facts = Vec::new();
                if quote.kind != Kind::Direct {
                    facts.push(quote.kind.name().to_string());
                }
                let stance = describe::stance_summary(a, q);
                if !stance.is_empty() {
                    facts.push(stance);
                }
                if let Some(v) = describe::relayers(a, q) {
                    facts.push(format!("via {v}"));
                }
                facts.push(describe::place(a, q));
                writeln!(out, "- {} — *{}*", markdown(&describe::quoted(a, q)), markdown(&facts.join(", ")))?;
                if let Some(original) = &quote.original {
                    writeln!(out, "  - *original:* {}", markdown(original))?;
                }
            }
        }
    }
    Ok(())
}
