//! The `quotes:` section: each quote's fields checked, then every quote of
//! the file anchored in its article at once. References to speakers,
//! issues and other quotes are resolved later, when every file is read.

use super::fields::{IdRef, Walker, show, times, unknown_choice};
use crate::model::anchor::{self, FoldedArticle, PART_REACH};
use crate::model::locate::NodePath;
use crate::model::yaml::Node;
use crate::model::{Article, Kind, QuoteText, Stance};
use crate::text;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

pub const QUOTE_KEYS: &[&str] = &[
    "id",
    "speaker",
    "issues",
    "stance",
    "kind",
    "text",
    "occurrence",
    "replies_to",
    "via",
    "same_as",
    "original",
    "note",
];

pub const REJECTED_KEYS: &[&str] = &["text", "occurrence"];

/// A quote as its file gives it, anchored when its text was found.
#[derive(Default, Clone)]
pub struct RawQuote {
    /// Its id: given, or `q<position>` (named by the quote's own node).
    pub id: IdRef,
    pub speaker: Option<IdRef>,
    pub issues: Vec<IdRef>,
    pub stance: RawStance,
    pub kind: Kind,
    /// Shared with the quote it resolves to: the words are kept once.
    pub text: Arc<QuoteText>,
    /// Where each part of the text is written; empty when the text is missing.
    pub text_paths: Vec<NodePath>,
    pub occurrence: Option<(usize, NodePath)>,
    /// `occurrence` is written, valid or not.
    pub occurrence_given: bool,
    pub replies_to: Option<IdRef>,
    pub via: Vec<IdRef>,
    pub same_as: Option<IdRef>,
    pub original: Option<String>,
    pub note: Option<String>,
    /// Where each part lies in the article, once anchored.
    pub spans: Vec<Range<usize>>,
}

#[derive(Default, Clone)]
pub enum RawStance {
    #[default]
    None,
    All(Stance),
    /// `(issue id, path of its key, stance)`.
    PerIssue(Vec<(String, NodePath, Stance)>),
}

impl Walker {
    /// The quotes of a file, their ids checked for duplicates.
    pub fn quotes(&mut self, nodes: Vec<(Node, NodePath)>) -> Vec<RawQuote> {
        let out: Vec<RawQuote> = (nodes.into_iter().enumerate())
            .map(|(position, (node, path))| self.raw_quote(node, path, position))
            .collect();
        let mut ids: HashSet<&str, foldhash::fast::RandomState> =
            HashSet::with_capacity_and_hasher(out.len(), Default::default());
        for (id, id_path) in out.iter().map(|raw| &raw.id) {
            if !ids.insert(id) {
                self.duplicate_id("quote", id, *id_path);
            }
        }
        out
    }

    /// The fields of one quote.
    fn raw_quote(&mut self, node: Node, path: NodePath, position: usize) -> RawQuote {
        let mut raw = RawQuote { id: (format!("q{}", position + 1), path), ..RawQuote::default() };
        let Some(mut f) = self.fields(node, path, "a quote", QUOTE_KEYS) else {
            return raw;
        };
        if let Some(id) = self.text(&mut f, "id", "a quote", false) {
            raw.id = id;
        }
        raw.speaker = self.text(&mut f, "speaker", "a quote", true);
        raw.issues = self.text_list(&mut f, "issues");
        raw.via = match f.take("via") {
            None | Some((Node::Null, _)) => Vec::new(),
            Some((Node::Seq(items), path)) => {
                let via = self.text_items(items, path, "via");
                if via.is_empty() {
                    self.error(path, "`via` is an empty list; name who relayed the words, or remove `via`");
                }
                via
            }
            Some((node, path)) => self.text_node(node, path, "via", false).into_iter().collect(),
        };
        raw.replies_to = self.text(&mut f, "replies_to", "a quote", false);
        raw.same_as = self.text(&mut f, "same_as", "a quote", false);
        raw.original = self.text(&mut f, "original", "a quote", false).map(|t| t.0);
        raw.note = self.text(&mut f, "note", "a quote", false).map(|t| t.0);
        if let Some((kind, kind_path)) = self.text(&mut f, "kind", "a quote", false) {
            match Kind::parse(&kind) {
                Some(k) => raw.kind = k,
                None => self.error(kind_path, unknown_choice("kind", &kind, Kind::ALL.map(Kind::name))),
            }
        }
        match f.take("text") {
            None => self.error(f.path, "a quote is missing `text`"),
            Some((Node::Seq(items), path)) => {
                let parts = self.text_items(items, path, "text");
                if parts.is_empty() {
                    self.error(
                        path,
                        "`text` is an empty list; give the quote's words, or its parts in order",
                    );
                } else if parts.len() == 1 {
                    self.error(path, "`text` is a list of one part; write the text itself (a list is for a quote in parts)");
                } else {
                    raw.text_paths = parts.iter().map(|(_, p)| *p).collect();
                    raw.text = Arc::new(QuoteText::Parts(parts.into_iter().map(|(t, _)| t).collect()));
                }
            }
            Some((node, path)) => {
                if let Some((text, text_path)) = self.text_node(node, path, "text", true) {
                    raw.text = Arc::new(QuoteText::Whole(text));
                    raw.text_paths = vec![text_path];
                }
            }
        }
        self.occurrence(&mut f, &mut raw);
        if let Some((node, stance_path)) = f.take("stance") {
            raw.stance = self.raw_stance(node, stance_path);
        }
        raw
    }

    /// `occurrence: N`, which of the text's places in the article is meant.
    fn occurrence(&mut self, f: &mut super::fields::Fields, raw: &mut RawQuote) {
        if let Some((node, occ_path)) = f.get("occurrence") {
            raw.occurrence_given = true;
            match node {
                Node::Int(n) if *n >= 1 => {
                    raw.occurrence = Some((usize::try_from(*n).unwrap_or(usize::MAX), occ_path))
                }
                _ => self.error(
                    occ_path,
                    format!("`occurrence` should be a whole number from 1 up, found {}", show(node)),
                ),
            }
        }
    }

    /// The `rejected:` list: candidates the annotator turned down, each a
    /// `text` (and an `occurrence`) anchored like a quote's, so that `u`,
    /// `suggest --into` and `check --coverage` do not offer them again.
    pub fn rejected(&mut self, nodes: Vec<(Node, NodePath)>) -> Vec<RawQuote> {
        let mut out = Vec::new();
        for (position, (node, path)) in nodes.into_iter().enumerate() {
            let mut raw =
                RawQuote { id: (format!("rejected {}", position + 1), path), ..RawQuote::default() };
            let Some(mut f) = self.fields(node, path, "a rejected candidate", REJECTED_KEYS) else {
                continue;
            };
            match f.take("text") {
                None => {
                    self.error(f.path, "a rejected candidate is missing `text` (its words as in the article)")
                }
                Some((node, path)) => {
                    if let Some((text, text_path)) = self.text_node(node, path, "text", true) {
                        raw.text = Arc::new(QuoteText::Whole(text));
                        raw.text_paths = vec![text_path];
                    }
                }
            }
            self.occurrence(&mut f, &mut raw);
            out.push(raw);
        }
        out
    }

    fn raw_stance(&mut self, node: Node, path: NodePath) -> RawStance {
        let stance = |w: &mut Walker, n: &Node, p: NodePath| -> Option<Stance> {
            match n.as_text() {
                Some(s) => {
                    let parsed = Stance::parse(&s);
                    if parsed.is_none() {
                        w.error(p, unknown_choice("stance", &s, Stance::ALL.map(Stance::name)));
                    }
                    parsed
                }
                None => {
                    w.error(
                        p,
                        format!(
                            "a stance should be one of support, oppose, neutral, mixed; found {}",
                            n.kind_name()
                        ),
                    );
                    None
                }
            }
        };
        match node {
            Node::Null => RawStance::None,
            Node::Map(entries) => {
                let mut out: Vec<(String, NodePath, Stance)> = Vec::new();
                for (e, (key, value)) in entries.iter().enumerate() {
                    let key_path = path.child(2 * e as u32);
                    let Some(issue) = key.as_text() else {
                        self.error(
                            key_path,
                            format!("stance keys should be issue ids, found {}", key.kind_name()),
                        );
                        continue;
                    };
                    if out.iter().any(|(i, _, _)| *i == issue) {
                        self.error(
                            key_path,
                            format!("duplicate key `{issue}` (each issue may have one stance)"),
                        );
                        continue;
                    }
                    if let Some(s) = stance(self, value, path.child(2 * e as u32 + 1)) {
                        out.push((issue, key_path, s));
                    }
                }
                RawStance::PerIssue(out)
            }
            _ => stance(self, &node, path).map_or(RawStance::None, RawStance::All),
        }
    }

    /// Finds every quote's text in the article (folded beforehand), and
    /// reports the texts that are not there, with the closest passage.
    pub fn anchor(
        &mut self,
        article: &Article,
        folded_article: &FoldedArticle,
        quotes: &mut [RawQuote],
        what: &str,
    ) {
        let folded: Vec<Vec<Cow<str>>> = quotes
            .iter()
            .map(|q| {
                if q.text_paths.is_empty() {
                    Vec::new()
                } else {
                    q.text.parts().iter().map(|p| text::fold_whitespace(p)).collect()
                }
            })
            .collect();
        let firsts: Vec<&str> = folded.iter().map(|parts| parts.first().map_or("", |p| p.as_ref())).collect();
        let wanted: Vec<usize> = quotes.iter().map(|r| r.occurrence.map_or(1, |o| o.0)).collect();
        let located = anchor::locate_all(folded_article, &firsts, &wanted);
        let mut hints = Hints::new(folded_article);
        let mut spans = vec![Vec::new(); quotes.len()];
        for (q, raw) in quotes.iter().enumerate() {
            let Some(&text_path) = raw.text_paths.first() else { continue };
            if let Some(k) = folded[q].iter().position(|p| p.is_empty()) {
                match folded[q].len() {
                    1 => self.error(text_path, format!("{what} text is empty")),
                    _ => self.error(raw.text_paths[k], format!("part {} of the {what} text is empty", k + 1)),
                }
                continue;
            }
            let found = &located[q];
            match (&found.span, &raw.occurrence) {
                (Some(span), _) => {
                    spans[q] = vec![span.clone()];
                    let mut after = found.folded.clone().map_or(0, |f| f.end);
                    for (k, part) in folded[q].iter().enumerate().skip(1) {
                        match self.further_part(article, folded_article, &mut hints, part, k, after) {
                            Ok((folded_span, span)) => {
                                after = folded_span.end;
                                spans[q].push(span);
                            }
                            Err(message) => {
                                self.error(raw.text_paths[k], message);
                                spans[q].clear();
                                break;
                            }
                        }
                    }
                    if found.count > 1 && !raw.occurrence_given {
                        self.warning(
                            text_path,
                            format!(
                                "{what} text occurs {} times in the article; the first is used \
                                 (add `occurrence: N` to pick another)",
                                found.count
                            ),
                        );
                    }
                }
                (None, Some((n, occ_path))) if found.count > 0 => self.error(
                    *occ_path,
                    format!(
                        "occurrence {n} is out of range: the {what} text occurs {} in the article",
                        times(found.count)
                    ),
                ),
                (None, _) => {
                    let mut message = match folded[q].len() {
                        1 => format!("{what} text not found in the article"),
                        _ => format!("part 1 of the {what} text not found in the article"),
                    };
                    if let Some(hint) = hints.closest(article, &folded[q][0], 0) {
                        message.push_str(&hint);
                    }
                    if typography_differs(&raw.text.parts()[0], &article.text) {
                        message
                            .push_str("; note that typographic quotes and dashes must match the article's");
                    }
                    self.error(text_path, message);
                }
            }
        }
        drop(folded);
        for (raw, spans) in quotes.iter_mut().zip(spans) {
            raw.spans = spans;
        }
    }

    /// Part `k` (0-based) of a quote in parts: the first match after the
    /// previous part, within [`PART_REACH`] characters of it.
    fn further_part(
        &mut self,
        article: &Article,
        folded_article: &FoldedArticle,
        hints: &mut Hints,
        part: &str,
        k: usize,
        after: usize,
    ) -> Result<(Range<usize>, Range<usize>), String> {
        let (n, previous) = (k + 1, k);
        match anchor::find_after(folded_article, part, after) {
            Some((folded_span, span)) => {
                let previous_end = folded_article.to_original(after);
                let gap = article.text[previous_end..span.start].chars().count();
                if gap > PART_REACH {
                    return Err(format!(
                        "part {n} of the quote text is {gap} characters after part {previous}; the parts of \
                         one quote must be within {PART_REACH} characters of each other (make it a quote of its own)"
                    ));
                }
                Ok((folded_span, span))
            }
            None if anchor::occurs_before(folded_article, part, after) => Err(format!(
                "part {n} of the quote text is found only before part {previous}; list the parts in the order \
                 they appear in the article"
            )),
            None => {
                let mut message =
                    format!("part {n} of the quote text not found in the article after part {previous}");
                if let Some(hint) = hints.closest(article, part, after) {
                    message.push_str(&hint);
                }
                Err(message)
            }
        }
    }
}

/// Whether a text not found uses straight quotes or hyphens where the
/// article uses typographic ones.
fn typography_differs(quote: &str, article: &str) -> bool {
    quote.contains(['\'', '"', '-']) && article.contains(['’', '“', '”', '–', '—'])
}

/// "Closest passage" hints for texts not found. Each searches the article
/// a few times: enough for a reader, bounded for a file whose article
/// changed under every quote.
struct Hints<'a> {
    folded_article: &'a FoldedArticle,
    texts: Option<(String, String)>,
    left: usize,
}

impl<'a> Hints<'a> {
    fn new(folded_article: &'a FoldedArticle) -> Hints<'a> {
        Hints { folded_article, texts: None, left: 20 }
    }

    /// `; closest passage, line N: “…” (the quote has “x” where the article has “y”)`
    fn closest(&mut self, article: &Article, folded_quote: &str, from: usize) -> Option<String> {
        if self.left == 0 || article.text.is_empty() {
            return None;
        }
        self.left -= 1;
        let (text, lowered) = self.texts.get_or_insert_with(|| {
            let text = self.folded_article.folded_text();
            let lowered = text.to_ascii_lowercase();
            (text, lowered)
        });
        let c = anchor::closest_passage(self.folded_article, text, lowered, folded_quote, from)?;
        let shown = passage(&article.text[c.start..], folded_quote.chars().count().clamp(30, 70));
        let mut hint = format!("; closest passage, line {}: “{}”", article.line_of(c.start), shown);
        if let Some((ours, theirs)) = c.differs {
            hint.push_str(&format!(" (the quote has “{ours}” where the article has “{theirs}”)"));
        }
        Some(hint)
    }
}

/// The start of `text`, one line, cut after about `chars` characters at a
/// word boundary.
fn passage(text: &str, chars: usize) -> String {
    let line = text::one_line(&text[..text.char_indices().nth(chars * 2).map_or(text.len(), |(i, _)| i)]);
    if line.chars().count() <= chars {
        return line.trim_end().to_string();
    }
    let cut: String = line.chars().take(chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}
