//! The quotes in the forms data tools read past one machine:
//! `--format jsonl`, one self-contained record a line for DuckDB, Spark and
//! Polars; `--format web-annotation`, W3C Web Annotation JSON-LD for
//! Hypothesis- and INCEpTION-style tools. Each record carries everything a
//! reader needs without the annotation file: the article, the speaker and
//! its groups, each issue with its proposition and the stance on it.

use super::quotes::span_chars;
use crate::describe;
use crate::model::{Corpus, QuoteIx};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Record<'a> {
    /// `ARTICLE/QUOTE` in a corpus, the quote's id in one article.
    id: String,
    article: ArticleRecord<'a>,
    speaker: SpeakerRecord<'a>,
    kind: &'static str,
    /// The words, parts joined by ` … `.
    text: String,
    /// Each part's `[start, end)` in the article, in code points.
    spans: Vec<[usize; 2]>,
    /// The article line where the quote starts.
    line: usize,
    /// Who relayed reported speech, in the order the words travelled.
    via: Vec<SpeakerRef<'a>>,
    issues: Vec<IssueRecord<'a>>,
    /// Whether this quote counts its statement (a statement told more than
    /// once is counted through one of its quotes), and that quote's id.
    counts: bool,
    statement: String,
    replies_to: Option<String>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct SpeakerRecord<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    /// The groups the speaker belongs to, nearest first.
    groups: Vec<&'a str>,
}

#[derive(Serialize)]
struct SpeakerRef<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct IssueRecord<'a> {
    id: &'a str,
    title: &'a str,
    parent: Option<&'a str>,
    proposition: Option<&'a str>,
    short: String,
    /// `support`, `oppose`, `neutral`, `mixed`, or null.
    stance: Option<&'static str>,
    /// Whether the issue is part of the dispute (stances outside it add to
    /// no side).
    dispute: bool,
}

fn records<'a>(a: &'a Corpus, selected: &[QuoteIx]) -> impl Iterator<Item = Record<'a>> {
    let chars = span_chars(a, selected);
    selected.iter().zip(chars).map(move |(&q, chars)| {
        let quote = &a.quotes[q];
        let article = &a.articles[quote.article];
        let speaker = &a.speakers[quote.speaker];
        let mut groups = Vec::new();
        let mut at = speaker.member_of;
        while let Some(g) = at {
            groups.push(a.speakers[g].id.as_str());
            at = a.speakers[g].member_of;
        }
        // The whole span first, then each part of a quote in parts.
        let spans = if chars.len() > 1 { chars[1..].to_vec() } else { chars };
        Record {
            id: a.quote_name(q).into_owned(),
            article: ArticleRecord {
                id: &article.id,
                title: &article.title,
                date: article.date.as_deref(),
                source: article.source.as_deref(),
                url: article.url.as_deref(),
            },
            speaker: SpeakerRecord {
                id: &speaker.id,
                name: &speaker.name,
                role: speaker.role.as_deref(),
                affiliation: speaker.affiliation.as_deref(),
                groups,
            },
            kind: quote.kind.name(),
            text: describe::written(a, q),
            spans,
            line: a.quote_line(q),
            via: quote
                .via
                .iter()
                .map(|&v| SpeakerRef { id: &a.speakers[v].id, name: &a.speakers[v].name })
                .collect(),
            issues: quote
                .issues
                .iter()
                .map(|&i| {
                    let issue = &a.issues[i];
                    IssueRecord {
                        id: &issue.id,
                        title: &issue.title,
                        parent: issue.parent.map(|p| a.issues[p].id.as_str()),
                        proposition: issue.proposition.as_deref(),
                        short: describe::short(a, i),
                        stance: quote.stance_on(i).map(|s| s.name()),
                        dispute: !issue.outside_dispute,
                    }
                })
                .collect(),
            counts: a.counts(q),
            statement: a.quote_name(quote.statement).into_owned(),
            replies_to: quote.replies_to.map(|r| a.quote_name(r).into_owned()),
            note: quote.note.as_deref(),
        }
    })
}

/// One record a line, written as it is made.
pub fn write_jsonl(a: &Corpus, selected: &[QuoteIx], out: &mut dyn Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    for record in records(a, selected) {
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// How much text a `TextQuoteSelector` keeps before and after the quote.
const CONTEXT: usize = 32;

/// An `AnnotationCollection` of one page: an annotation per quote, its
/// target the article text (one target per part of a quote in parts), each
/// with a text quote and a text position selector; its bodies the speaker,
/// the kind, each issue and each stance with its proposition.
pub fn write_web_annotation(a: &Corpus, selected: &[QuoteIx], out: &mut dyn Write) -> std::io::Result<()> {
    use serde_json::{Value, json};
    let items: Vec<Value> = records(a, selected)
        .zip(selected)
        .map(|(r, &q)| {
            let article = &a.articles[a.quotes[q].article];
            let source =
                r.article.url.map_or_else(|| format!("urn:whosaid:article:{}", r.article.id), str::to_string);
            let quote = &a.quotes[q];
            let text = &article.text;
            let targets: Vec<Value> = quote
                .parts
                .iter()
                .zip(&r.spans)
                .map(|(bytes, &[start, end])| {
                    let prefix =
                        text[..bytes.start].char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
                    let suffix = text[bytes.end..]
                        .char_indices()
                        .nth(CONTEXT)
                        .map_or(text.len(), |(i, _)| bytes.end + i);
                    json!({
                        "source": source,
                        "selector": [
                            {
                                "type": "TextQuoteSelector",
                                "exact": &text[bytes.clone()],
                                "prefix": &text[prefix..bytes.start],
                                "suffix": &text[bytes.end..suffix],
                            },
                            { "type": "TextPositionSelector", "start": start, "end": end },
                        ],
                    })
                })
                .collect();
            let mut body = vec![
                json!({
                    "type": "TextualBody",
                    "purpose": "identifying",
                    "value": r.speaker.name,
                    "id": format!("urn:whosaid:speaker:{}", r.speaker.id),
                }),
                json!({ "type": "TextualBody", "purpose": "classifying", "value": r.kind }),
            ];
            for &i in &quote.issues {
                body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": a.issues[i].title }));
                if let Some(stance) = quote.stance_on(i) {
                    let said = describe::stance_on(a, stance, i);
                    body.push(json!({ "type": "TextualBody", "purpose": "assessing", "value": said }));
                }
            }
            for relayer in &r.via {
                let said = format!("as reported by {}", relayer.name);
                body.push(json!({ "type": "TextualBody", "purpose": "commenting", "value": said }));
            }
            json!({
                "id": format!("urn:whosaid:quote:{}", r.id),
                "type": "Annotation",
                "motivation": "identifying",
                "body": body,
                "target": if targets.len() == 1 { targets[0].clone() } else { Value::Array(targets) },
            })
        })
        .collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": a.heading(),
        "total": items.len(),
        "first": { "type": "AnnotationPage", "items": items },
    });
    super::write_json(out, &collection)
}
