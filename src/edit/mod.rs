//! Changes to an annotation file made from the browser: a quote's issues
//! and stances, its kind, its span, its deletion; a candidate accepted as
//! a new quote or turned down into `rejected:`. Each is applied to the
//! file's text as it is, replacing only the lines of what changes, so that
//! comments, order and quoting style elsewhere stay byte for byte; the
//! result is checked by the loader and written atomically (see [`write`]).

pub mod entry;
pub mod recommend;
pub mod write;

use crate::model::{Kind, Stance};
use crate::suggest::into;
use std::path::PathBuf;

/// A quote as its file holds it: its place among the file's quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRef {
    pub index: usize,
    pub id: String,
}

/// A speaker to add to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSpeaker {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
}

/// A quote to add to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQuote {
    pub id: String,
    pub speaker: String,
    pub kind: Kind,
    /// The words of each part, white space folded.
    pub parts: Vec<String>,
    pub occurrence: Option<usize>,
    pub stances: Stances,
    /// Who passed the words on (speaker ids), when not the speaker.
    pub via: Vec<String>,
}

/// Issue ids in the order the quote lists them, each with its stance.
pub type Stances = Vec<(String, Option<Stance>)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Stances {
        quote: QuoteRef,
        stances: Stances,
    },
    Kind {
        quote: QuoteRef,
        kind: Kind,
    },
    /// Another speaker for the quote; `new` when it is added to the file.
    Speaker {
        quote: QuoteRef,
        speaker: String,
        new: Option<NewSpeaker>,
    },
    /// New words for the quote: its span moved.
    Span {
        quote: QuoteRef,
        parts: Vec<String>,
        occurrence: Option<usize>,
    },
    Delete {
        quote: QuoteRef,
    },
    /// A new quote, written before the file's quote `before` (its place
    /// among the file's quotes: the first that comes later in the
    /// article), else after the last.
    Accept {
        quote: NewQuote,
        /// The speakers it names that the file does not have yet.
        speakers: Vec<NewSpeaker>,
        before: Option<QuoteRef>,
    },
    Reject {
        text: String,
        occurrence: Option<usize>,
    },
}

/// A change to one file: an edit, or the undoing of one written before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Edit { file: PathBuf, edit: Edit },
    Undo(Written),
}

/// A change as written: the file's bytes before and after, what it was,
/// and the id of the quote to select once the file is read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub file: PathBuf,
    pub before: String,
    pub after: String,
    pub what: String,
    pub select: Option<String>,
}

impl Change {
    pub fn file(&self) -> &std::path::Path {
        match self {
            Change::Edit { file, .. } => file,
            Change::Undo(w) => &w.file,
        }
    }
}

impl Edit {
    /// What the edit does, for the status line ("stance of q3 set").
    pub fn describe(&self) -> String {
        match self {
            Edit::Stances { quote, stances } if stances.is_empty() => format!("{} now on no issue", quote.id),
            Edit::Stances { quote, stances } => {
                let each: Vec<String> = stances
                    .iter()
                    .map(|(issue, stance)| match stance {
                        Some(s) => format!("{issue}: {}", s.name()),
                        None => format!("{issue}: no stance"),
                    })
                    .collect();
                format!("{} · {}", quote.id, each.join(", "))
            }
            Edit::Kind { quote, kind } => format!("{} is now {}", quote.id, kind.name()),
            Edit::Speaker { quote, new: Some(s), .. } => {
                format!("{} now said by {} (a new speaker)", quote.id, s.name)
            }
            Edit::Speaker { quote, speaker, new: None } => format!("{} now said by `{speaker}`", quote.id),
            Edit::Span { quote, .. } => format!("{}'s span moved", quote.id),
            Edit::Delete { quote } => format!("{} deleted", quote.id),
            Edit::Accept { quote, speakers, .. } => match speakers.iter().find(|s| s.id == quote.speaker) {
                Some(s) => format!("{} added, by {} (a new speaker)", quote.id, s.name),
                None => format!("{} added", quote.id),
            },
            Edit::Reject { .. } => "candidate rejected".to_string(),
        }
    }

    /// The quote to select after the edit.
    pub fn select(&self) -> Option<String> {
        match self {
            Edit::Stances { quote, .. }
            | Edit::Kind { quote, .. }
            | Edit::Span { quote, .. }
            | Edit::Speaker { quote, .. } => Some(quote.id.clone()),
            Edit::Accept { quote, .. } => Some(quote.id.clone()),
            Edit::Delete { .. } | Edit::Reject { .. } => None,
        }
    }
}

/// A string as a YAML scalar: bare when that reads back the same, else
/// JSON's double-quoted form, which is valid YAML.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !matches!(s, "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n")
        && !s.starts_with('-')
        && s.parse::<f64>().is_err();
    if plain { s.to_string() } else { serde_json::to_string(s).expect("a string serializes") }
}

fn flow_list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// `issues:` and `stance:` values for a list of stances: one stance for
/// all when they agree, a map of those that have one otherwise.
fn stance_values(stances: &Stances) -> (Option<String>, Option<String>) {
    if stances.is_empty() {
        return (None, None);
    }
    let issues = flow_list(&stances.iter().map(|(i, _)| scalar(i)).collect::<Vec<_>>());
    let first = stances[0].1;
    let stance = if stances.iter().all(|(_, s)| *s == first) {
        first.map(|s| s.name().to_string())
    } else {
        let each: Vec<String> =
            stances.iter().filter_map(|(i, s)| s.map(|s| format!("{}: {}", scalar(i), s.name()))).collect();
        Some(format!("{{{}}}", each.join(", ")))
    };
    (Some(issues), stance)
}

fn text_value(parts: &[String]) -> String {
    match parts {
        [one] => scalar_text(one),
        many => flow_list(&many.iter().map(|p| scalar_text(p)).collect::<Vec<_>>()),
    }
}

/// Quote words are always written quoted: they are prose.
fn scalar_text(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn splice(source: &str, range: std::ops::Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(source.len() + with.len());
    out.push_str(&source[..range.start]);
    out.push_str(with);
    out.push_str(&source[range.end..]);
    out
}

/// The entry of a quote, checked to be that quote: an edit made on a view
/// of the file that is out of date is refused rather than made to another
/// quote.
fn quote_entry(source: &str, quote: &QuoteRef) -> Result<entry::Entry, String> {
    let e = entry::find(source, "quotes", quote.index)?;
    let id = match e.key("id") {
        Some(k) => {
            let line = &source[k.range.clone()];
            let value = line.split_once(':').map_or("", |(_, v)| v);
            let value = value.split(" #").next().unwrap_or("").trim();
            value.trim_matches(|c| c == '"' || c == '\'').to_string()
        }
        None => format!("q{}", quote.index + 1),
    };
    if id != quote.id {
        return Err(format!(
            "quote `{}` is no longer where it was in the file; it reloads, try again",
            quote.id
        ));
    }
    Ok(e)
}

/// Sets (or, for `None`, removes) key `name` of quote `quote`; a new key
/// goes after the last of `after` the quote has, else at its end.
fn set_key(
    source: &str,
    quote: &QuoteRef,
    name: &str,
    value: Option<&str>,
    after: &[&str],
) -> Result<String, String> {
    let e = quote_entry(source, quote)?;
    let nl = if source.contains("\r\n") { "\r\n" } else { "\n" };
    let pad = " ".repeat(e.indent);
    Ok(match (e.key(name), value) {
        (Some(k), Some(v)) if k.on_dash_line => splice(source, k.range.clone(), &format!("{name}: {v}{nl}")),
        (Some(k), Some(v)) => splice(source, k.range.clone(), &format!("{pad}{name}: {v}{nl}")),
        (Some(k), None) if k.on_dash_line => {
            // The next key moves up onto the `- ` line.
            let position = e.keys.iter().position(|x| x.name == name).expect("the key is there");
            let next = e.keys.get(position + 1).ok_or("the quote would be left empty")?;
            // Comments between the two stay, below it.
            let moved = source[next.range.clone()].trim_start_matches(' ');
            let between = &source[k.range.end..next.range.start];
            splice(source, k.range.start..next.range.end, &format!("{moved}{between}"))
        }
        (Some(k), None) => splice(source, k.range.clone(), ""),
        (None, Some(v)) => {
            let at = after.iter().rev().find_map(|a| e.key(a)).map_or(e.end, |k| k.range.end);
            let newline = if at > 0 && !source[..at].ends_with('\n') { nl } else { "" };
            splice(source, at..at, &format!("{newline}{pad}{name}: {v}{nl}"))
        }
        (None, None) => source.to_string(),
    })
}

/// The lines of a new speaker's entry, at an indent.
fn speaker_lines(s: &NewSpeaker, indent: &str) -> String {
    let mut out = format!("{indent}- id: {}\n{indent}  name: {}\n", scalar(&s.id), scalar_text(&s.name));
    if let Some(role) = &s.role {
        out.push_str(&format!("{indent}  role: {}\n", scalar_text(role)));
    }
    out
}

/// The lines of a new quote's entry, at an indent.
fn quote_lines(q: &NewQuote, indent: &str) -> String {
    let mut out = format!("{indent}- id: {}\n{indent}  speaker: {}\n", scalar(&q.id), scalar(&q.speaker));
    let (issues, stance) = stance_values(&q.stances);
    if let Some(issues) = issues {
        out.push_str(&format!("{indent}  issues: {issues}\n"));
    }
    if let Some(stance) = stance {
        out.push_str(&format!("{indent}  stance: {stance}\n"));
    }
    if q.kind != Kind::Direct {
        out.push_str(&format!("{indent}  kind: {}\n", q.kind.name()));
    }
    out.push_str(&format!("{indent}  text: {}\n", text_value(&q.parts)));
    if let Some(n) = q.occurrence {
        out.push_str(&format!("{indent}  occurrence: {n}\n"));
    }
    if !q.via.is_empty() {
        let via: Vec<String> = q.via.iter().map(|v| scalar(v)).collect();
        out.push_str(&format!("{indent}  via: {}\n", flow_list(&via)));
    }
    out
}

/// The file's text with the edit made; every byte the edit does not
/// concern stays as it was.
pub fn apply(source: &str, edit: &Edit) -> Result<String, String> {
    match edit {
        Edit::Stances { quote, stances } => {
            let (issues, stance) = stance_values(stances);
            let out = set_key(source, quote, "issues", issues.as_deref(), &["speaker"])?;
            set_key(&out, quote, "stance", stance.as_deref(), &["speaker", "issues"])
        }
        Edit::Speaker { quote, speaker, new } => {
            let out = match new {
                Some(s) => into::add_entries(source, &|indent| speaker_lines(s, indent), &|_| String::new())?,
                None => source.to_string(),
            };
            set_key(&out, quote, "speaker", Some(&scalar(speaker)), &["id"])
        }
        Edit::Kind { quote, kind } => {
            let value = (*kind != Kind::Direct).then(|| kind.name());
            set_key(source, quote, "kind", value, &["speaker", "issues", "stance"])
        }
        Edit::Span { quote, parts, occurrence } => {
            let out = set_key(source, quote, "text", Some(&text_value(parts)), &["speaker"])?;
            let occurrence = occurrence.map(|n| n.to_string());
            set_key(&out, quote, "occurrence", occurrence.as_deref(), &["text"])
        }
        Edit::Delete { quote } => {
            let e = quote_entry(source, quote)?;
            let out = splice(source, e.start..e.end, "");
            // A list left with no entry is written as an empty one.
            Ok(match entry::find(&out, "quotes", 0) {
                Err(why) if why.contains("has no entry") => empty_list(&out, "quotes"),
                _ => out,
            })
        }
        Edit::Accept { quote, speakers, before } => {
            let speakers =
                |indent: &str| speakers.iter().map(|s| speaker_lines(s, indent)).collect::<String>();
            let quotes = |indent: &str| quote_lines(quote, indent);
            let Some(before) = before else { return into::add_entries(source, &speakers, &quotes) };
            // In article order: the entry goes just above the later quote's.
            let out = into::add_entries(source, &speakers, &|_| String::new())?;
            let later = quote_entry(&out, before)?;
            let line = &out[later.start..];
            let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
            let lines = quote_lines(quote, indent);
            let lines = if out.contains("\r\n") { lines.replace('\n', "\r\n") } else { lines };
            Ok(splice(&out, later.start..later.start, &lines))
        }
        Edit::Reject { text, occurrence } => {
            let entries = |indent: &str| {
                let mut out = format!("{indent}- text: {}\n", scalar_text(text));
                if let Some(n) = occurrence {
                    out.push_str(&format!("{indent}  occurrence: {n}\n"));
                }
                out
            };
            into::add_to_lists(source, &[("rejected", &entries)])
        }
    }
}

/// `key:` with nothing under it becomes `key: []`, its comment kept.
fn empty_list(source: &str, key: &str) -> String {
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end();
        if let Some(rest) = content.strip_prefix(key).and_then(|r| r.strip_prefix(':'))
            && (rest.trim().is_empty() || rest.trim_start().starts_with('#'))
        {
            let colon = at + key.len() + 1;
            return splice(source, colon..colon, " []");
        }
        at += line.len();
    }
    source.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# my notes\nspeakers:\n  - id: a\n    name: A\nissues:\n  - id: x\n    title: X\n  - id: w\n    title: W\nquotes:\n  - id: q1   # keep me\n    speaker: a\n    text: 'one two three'\n  # 90% · a comment\n  - text: \"four five\"\n    speaker: a\n    issues: [x]\n# the end\n";

    fn q(index: usize, id: &str) -> QuoteRef {
        QuoteRef { index, id: id.into() }
    }

    #[test]
    fn stances_replace_only_their_lines() {
        let edit = Edit::Stances {
            quote: q(0, "q1"),
            stances: vec![("x".into(), Some(Stance::Support)), ("w".into(), Some(Stance::Support))],
        };
        let out = apply(FILE, &edit).unwrap();
        assert_eq!(
            out,
            FILE.replace(
                "    speaker: a\n    text: 'one",
                "    speaker: a\n    issues: [x, w]\n    stance: support\n    text: 'one"
            )
        );
        let edit = Edit::Stances {
            quote: q(1, "q2"),
            stances: vec![("x".into(), Some(Stance::Oppose)), ("w".into(), None)],
        };
        let out = apply(FILE, &edit).unwrap();
        assert!(out.ends_with("    issues: [x, w]\n    stance: {x: oppose}\n# the end\n"), "{out}");
        let none = apply(&out, &Edit::Stances { quote: q(1, "q2"), stances: vec![] }).unwrap();
        assert_eq!(none, FILE.replace("    issues: [x]\n", ""));
    }

    #[test]
    fn a_key_on_the_dash_line_is_replaced_or_removed_in_place() {
        let edit = Edit::Span { quote: q(1, "q2"), parts: vec!["four".into()], occurrence: Some(2) };
        let out = apply(FILE, &edit).unwrap();
        assert!(out.contains("  - text: \"four\"\n    occurrence: 2\n    speaker: a\n"), "{out}");
        let kind = apply(FILE, &Edit::Kind { quote: q(0, "q1"), kind: Kind::Question }).unwrap();
        assert!(kind.contains("    speaker: a\n    kind: question\n    text: 'one"), "{kind}");
        assert_eq!(apply(&kind, &Edit::Kind { quote: q(0, "q1"), kind: Kind::Direct }).unwrap(), FILE);
    }

    #[test]
    fn comments_under_a_value_stay_and_a_stale_view_is_refused() {
        let file = "quotes:\n  - id: q1\n    speaker: a\n    # maybe b?\n    text: x\n";
        let out = apply(file, &Edit::Kind { quote: q(0, "q1"), kind: Kind::Question }).unwrap();
        assert_eq!(
            out,
            "quotes:\n  - id: q1\n    speaker: a\n    kind: question\n    # maybe b?\n    text: x\n"
        );
        let out = apply(file, &Edit::Speaker { quote: q(0, "q1"), speaker: "b".into(), new: None }).unwrap();
        assert!(out.contains("    speaker: b\n    # maybe b?\n"), "{out}");
        let stale = apply(file, &Edit::Delete { quote: q(0, "q9") }).unwrap_err();
        assert!(stale.contains("no longer where it was"), "{stale}");
        assert!(apply("quotes:\r  - id: q1\r", &Edit::Delete { quote: q(0, "q1") }).is_err());
    }

    #[test]
    fn delete_takes_the_entry_and_its_comment() {
        let out = apply(FILE, &Edit::Delete { quote: q(1, "q2") }).unwrap();
        assert_eq!(
            out,
            FILE.replace(
                "  # 90% · a comment\n  - text: \"four five\"\n    speaker: a\n    issues: [x]\n",
                ""
            )
        );
        let out = apply(&out, &Edit::Delete { quote: q(0, "q1") }).unwrap();
        assert!(out.contains("quotes: []\n# the end\n"), "{out}");
    }

    #[test]
    fn accept_and_reject_add_entries() {
        let quote = NewQuote {
            id: "b-1".into(),
            speaker: "b".into(),
            kind: Kind::Indirect,
            parts: vec!["one two".into()],
            occurrence: None,
            stances: vec![("x".into(), Some(Stance::Neutral))],
            via: Vec::new(),
        };
        let speakers = vec![NewSpeaker { id: "b".into(), name: "B b".into(), role: None }];
        let out = apply(FILE, &Edit::Accept { quote: quote.clone(), speakers, before: None }).unwrap();
        assert!(out.contains("    name: A\n  - id: b\n    name: \"B b\"\nissues:"), "{out}");
        assert!(out.contains("    issues: [x]\n  - id: b-1\n    speaker: b\n    issues: [x]\n    stance: neutral\n    kind: indirect\n    text: \"one two\"\n# the end"), "{out}");
        // Before the second quote: above its attached comment.
        let relayed = NewQuote { via: vec!["a".into()], ..quote };
        let out =
            apply(FILE, &Edit::Accept { quote: relayed, speakers: Vec::new(), before: Some(q(1, "q2")) })
                .unwrap();
        assert!(out.contains("    text: 'one two three'\n  - id: b-1\n    speaker: b\n"), "{out}");
        assert!(out.contains("    text: \"one two\"\n    via: [a]\n"), "{out}");
        assert!(out.contains("    via: [a]\n  # 90% · a comment\n  - text: \"four five\""), "{out}");
        let out = apply(FILE, &Edit::Reject { text: "three".into(), occurrence: Some(1) }).unwrap();
        assert!(out.ends_with("# the end\nrejected:\n  - text: \"three\"\n    occurrence: 1\n"), "{out}");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let crlf = FILE.replace('\n', "\r\n");
        let out = apply(&crlf, &Edit::Kind { quote: q(0, "q1"), kind: Kind::Indirect }).unwrap();
        assert!(out.contains("    kind: indirect\r\n"));
        assert!(!out.replace("\r\n", "").contains('\n'));
    }
}
