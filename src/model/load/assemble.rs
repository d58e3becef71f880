//! Every file read, one corpus made: speakers and issues become one
//! namespace (a definition repeated in several files must agree), every
//! reference is resolved to a typed index, cycles are cut and reported, and
//! what nothing uses is warned about. Problems are reported in the file
//! where the offending words are written.

use super::document::Document;
use super::fields::{IdRef, Walker};
use super::issues::RawIssue;
use super::quotes::{RawQuote, RawStance};
use super::speakers::RawSpeaker;
use crate::model::TreeSpan;
use crate::model::locate::NodePath;
use crate::model::{
    Article, ArticleIx, Corpus, Issue, IssueIx, IxVec, Kind, Quote, QuoteBody, QuoteIx, Speaker, SpeakerIx,
    Stance,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Where an item was defined: the file (its index among the documents) and the node.
#[derive(Clone, Copy)]
struct Site {
    doc: usize,
    path: NodePath,
}

/// Speakers or issues of every file in one namespace.
struct Namespace<T> {
    items: Vec<T>,
    ids: HashMap<String, usize>,
    /// Where each item was first defined.
    first: Vec<Site>,
    /// The parent (issues) or group (speakers) reference, and where it is written.
    up: Vec<Option<(IdRef, usize)>>,
}

impl<T> Namespace<T> {
    fn new() -> Self {
        Namespace { items: Vec::new(), ids: HashMap::new(), first: Vec::new(), up: Vec::new() }
    }

    fn known(&self) -> Vec<String> {
        let mut known = vec![String::new(); self.items.len()];
        for (id, &i) in &self.ids {
            known[i] = id.clone();
        }
        known
    }
}

/// What an assembly kept of each document's quotes, so that the next one,
/// after one file of a corpus changed, resolves only that file's quotes
/// again: a document not read again since, against the same speakers and
/// issues, resolves to the same quotes, only placed elsewhere. (`same_as`
/// cycles, which may run through several files, are looked for over every
/// quote at every assembly.)
#[derive(Default)]
pub struct Kept {
    /// The speakers and issues the kept quotes were resolved against.
    speakers: Vec<Speaker>,
    issues: Vec<Issue>,
    docs: Vec<Option<KeptDoc>>,
}

/// One document's quotes as resolved, for another assembly.
struct KeptDoc {
    /// The reading of the document they were resolved from.
    reading: u64,
    bodies: Vec<Arc<QuoteBody>>,
    links: Vec<Link>,
    same_as_sites: Vec<(usize, NodePath)>,
    speakers: Vec<usize>,
}

/// A kept quote that names another quote of its document; all by their
/// places in the document.
struct Link {
    quote: usize,
    replies_to: Option<usize>,
    same_as: Option<usize>,
}

impl KeptDoc {
    /// What to keep of document `d`'s quotes, resolved with its first quote at `first_quote`.
    fn of(doc: &Document, first_quote: usize, resolved: &Resolved) -> KeptDoc {
        let local = |q: Option<QuoteIx>| q.map(|q| q.index() - first_quote);
        KeptDoc {
            reading: doc.reading,
            bodies: resolved.quotes.iter().map(|q| Arc::clone(&q.body)).collect(),
            links: (resolved.quotes.iter().enumerate())
                .filter(|(_, q)| q.replies_to.is_some() || q.same_as.is_some())
                .map(|(quote, q)| Link { quote, replies_to: local(q.replies_to), same_as: local(q.same_as) })
                .collect(),
            same_as_sites: resolved.same_as_sites.clone(),
            speakers: resolved.speakers.clone(),
        }
    }

    /// Whether these are the quotes `doc` resolves to against the namespaces they were resolved against.
    fn holds_for(&self, doc: &Document) -> bool {
        self.reading == doc.reading && self.bodies.len() == doc.quotes.len()
    }

    /// The kept quotes as document `d`'s, its first quote at `first_quote`.
    fn placed(&self, d: usize, first_quote: usize) -> Resolved {
        let at = |i: usize| QuoteIx::new(first_quote + i);
        let mut quotes: Vec<Quote> = (self.bodies.iter().enumerate())
            .map(|(i, body)| Quote::placed(Arc::clone(body), ArticleIx::new(d), at(i)))
            .collect();
        for link in &self.links {
            quotes[link.quote].replies_to = link.replies_to.map(at);
            quotes[link.quote].same_as = link.same_as.map(at);
        }
        Resolved {
            quotes,
            same_as_sites: self.same_as_sites.clone(),
            speakers: self.speakers.clone(),
            keep: Keep::Reused,
        }
    }
}

/// Makes a corpus of the documents, or reports (in the documents' walkers)
/// why it cannot; `None` when any document has an error.
/// The documents are left as they are, so that a corpus can be assembled
/// again when one of its files changes; the problems found here go to
/// `walkers`, one per document. With `kept`, what an assembly of the same
/// documents kept is used where it still holds, and what this one finds is kept.
pub fn assemble(docs: &[Document], walkers: &mut [Walker], kept: Option<&mut Kept>) -> Option<Corpus> {
    let speakers = speakers(docs, walkers);
    let issues = issues(docs, walkers);
    let articles = articles(docs, walkers);
    let (quotes, speaker_used) = quotes(docs, walkers, &speakers, &issues, &articles, kept);
    warn_unused(walkers, &speakers, &issues, &quotes, &speaker_used);
    if docs.iter().any(Document::has_errors) || walkers.iter().any(Walker::has_errors) {
        return None;
    }
    let title = docs.iter().find_map(|d| d.corpus_title.clone());
    Some(finish(title, articles, speakers.items.into(), issues.items.into(), quotes))
}

/// The speakers of every file. A speaker defined in several files — by
/// two annotators, say — may word its name, role or affiliation
/// differently: the first definition shows, the other names become
/// aliases, and each difference is a warning. Only `member_of` must agree
/// (it changes what the groups count).
fn speakers(docs: &[Document], walkers: &mut [Walker]) -> Namespace<Speaker> {
    let mut ns: Namespace<Speaker> = Namespace::new();
    let mut defs: Vec<Vec<Site>> = Vec::new();
    for d in 0..docs.len() {
        for raw in &docs[d].speakers {
            let RawSpeaker { path, id, name, role, affiliation, aliases, member_of } = raw.clone();
            let site = Site { doc: d, path };
            match ns.ids.get(&id.0) {
                None => {
                    ns.ids.insert(id.0.clone(), ns.items.len());
                    ns.first.push(site);
                    defs.push(vec![site]);
                    ns.up.push(member_of.map(|r| (r, d)));
                    ns.items.push(Speaker {
                        id: id.0,
                        name,
                        role,
                        affiliation,
                        aliases,
                        ..Speaker::default()
                    });
                }
                Some(&s) => {
                    let known = &mut ns.items[s];
                    let mut worded = Vec::new();
                    worded.extend(disagree("name", Some(&known.name), Some(&name)));
                    worded.extend(disagree("role", known.role.as_ref(), role.as_ref()));
                    worded.extend(disagree("affiliation", known.affiliation.as_ref(), affiliation.as_ref()));
                    let group = ns.up[s].as_ref().map(|(r, _)| &r.0);
                    let differ: Vec<_> =
                        disagree("member_of", group, member_of.as_ref().map(|r| &r.0)).into_iter().collect();
                    for alias in aliases.into_iter().chain((name != known.name).then_some(name)) {
                        if alias != known.name && !known.aliases.contains(&alias) {
                            known.aliases.push(alias);
                        }
                    }
                    if known.role.is_none() {
                        known.role = role;
                    }
                    if known.affiliation.is_none() {
                        known.affiliation = affiliation;
                    }
                    if let Some((field, theirs, ours)) = worded.first() {
                        let first = &docs[defs[s][0].doc].name;
                        let fields =
                            worded.iter().map(|(f, _, _)| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                        walkers[d].warning(
                            path,
                            format!(
                                "speaker `{}` is worded differently in {first}: {field} “{ours}” here, “{theirs}” there \
                                 (differing: {fields}); the first definition shows{}",
                                id.0,
                                if worded.iter().any(|(f, _, _)| *f == "name") { " and this name becomes an alias" } else { "" }
                            ),
                        );
                    }
                    if ns.up[s].is_none() {
                        ns.up[s] = member_of.map(|r| (r, d));
                    }
                    report_conflict(docs, walkers, "speaker", &id.0, &defs[s], site, &differ);
                    defs[s].push(site);
                }
            }
        }
    }
    resolve_up(walkers, &mut ns, "speaker", |s| &s.id, |s, up| s.member_of = up.map(SpeakerIx::new));
    let groups = trees(&ns.items.iter().map(|s| s.member_of.map(|m| m.index())).collect::<Vec<_>>());
    for (s, (tree, depth)) in groups.into_iter().enumerate() {
        (ns.items[s].tree, ns.items[s].depth) = (tree, depth);
    }
    ns
}

/// The issues of every file; an issue defined in several files must agree
/// on every field both give.
fn issues(docs: &[Document], walkers: &mut [Walker]) -> Namespace<Issue> {
    let mut ns: Namespace<Issue> = Namespace::new();
    let mut defs: Vec<Vec<Site>> = Vec::new();
    let mut links: Vec<Option<(super::fields::IdRef, bool, usize)>> = Vec::new();
    for d in 0..docs.len() {
        for raw in &docs[d].issues {
            let RawIssue { path, id, title, proposition, short, summary, parent, dispute, counted_as } =
                raw.clone();
            let site = Site { doc: d, path };
            match ns.ids.get(&id.0) {
                None => {
                    ns.ids.insert(id.0.clone(), ns.items.len());
                    ns.first.push(site);
                    defs.push(vec![site]);
                    ns.up.push(parent.map(|r| (r, d)));
                    links.push(counted_as.map(|(r, flips)| (r, flips, d)));
                    ns.items.push(Issue {
                        id: id.0,
                        title,
                        proposition,
                        short,
                        summary,
                        outside_dispute: !dispute,
                        ..Issue::default()
                    });
                }
                Some(&i) => {
                    let known = &mut ns.items[i];
                    let mut differ = Vec::new();
                    differ.extend(disagree("title", Some(&known.title), Some(&title)));
                    differ.extend(disagree("proposition", known.proposition.as_ref(), proposition.as_ref()));
                    differ.extend(disagree("short", known.short.as_ref(), short.as_ref()));
                    differ.extend(disagree("summary", known.summary.as_ref(), summary.as_ref()));
                    let (was, is) = ((!known.outside_dispute).to_string(), dispute.to_string());
                    differ.extend(disagree("dispute", Some(&was), Some(&is)));
                    let up = ns.up[i].as_ref().map(|(r, _)| &r.0);
                    differ.extend(disagree("parent", up, parent.as_ref().map(|r| &r.0)));
                    if known.proposition.is_none() {
                        known.proposition = proposition;
                    }
                    if known.summary.is_none() {
                        known.summary = summary;
                    }
                    if known.short.is_none() {
                        known.short = short;
                    }
                    if ns.up[i].is_none() {
                        ns.up[i] = parent.map(|r| (r, d));
                    }
                    report_conflict(docs, walkers, "issue", &id.0, &defs[i], site, &differ);
                    defs[i].push(site);
                }
            }
        }
    }
    resolve_up(walkers, &mut ns, "issue", |i| &i.id, |i, up| i.parent = up.map(IssueIx::new));
    counted_as(walkers, &mut ns, &links);
    let placed = trees(&ns.items.iter().map(|i| i.parent.map(|p| p.index())).collect::<Vec<_>>());
    for (i, (tree, depth)) in placed.into_iter().enumerate() {
        (ns.items[i].tree, ns.items[i].depth) = (tree, depth);
    }
    ns
}

/// Resolves `same_as` and `opposite_of` between issues: one step, to an
/// issue that is itself counted on its own row.
fn counted_as(
    walkers: &mut [Walker],
    ns: &mut Namespace<Issue>,
    links: &[Option<(super::fields::IdRef, bool, usize)>],
) {
    let known_ids = ns.known();
    let known: Vec<&str> = known_ids.iter().map(String::as_str).collect();
    let targets: Vec<Option<(usize, bool)>> = links
        .iter()
        .enumerate()
        .map(|(i, link)| {
            let (r, flips, d) = link.as_ref()?;
            let key = if *flips { "opposite_of" } else { "same_as" };
            let target = walkers[*d].resolve(&ns.ids, &known, "issue", r)?;
            if target == i {
                walkers[*d].error(r.1, format!("issue `{}` cannot be `{key}` itself", r.0));
                return None;
            }
            if links[target].is_some() {
                let further = &ns.items[target].id;
                walkers[*d].error(
                    r.1,
                    format!(
                        "issue `{}` is itself counted as another; name the issue `{further}` is counted as",
                        r.0
                    ),
                );
                return None;
            }
            Some((target, *flips))
        })
        .collect();
    for (issue, target) in ns.items.iter_mut().zip(targets) {
        issue.counted_as = target.map(|(t, flips)| (IssueIx::new(t), flips));
    }
}

/// `field` when two definitions give it different values.
fn disagree(
    field: &'static str,
    a: Option<&String>,
    b: Option<&String>,
) -> Option<(&'static str, String, String)> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Some((field, a.clone(), b.clone())),
        _ => None,
    }
}

/// Reports a definition that disagrees with the ones before it, at every one of them.
fn report_conflict(
    docs: &[Document],
    walkers: &mut [Walker],
    what: &str,
    id: &str,
    before: &[Site],
    site: Site,
    differ: &[(&'static str, String, String)],
) {
    let Some((field, theirs, ours)) = differ.first() else { return };
    let other = &docs[before[0].doc].name;
    let this = &docs[site.doc].name;
    let fields = differ.iter().map(|(f, _, _)| format!("`{f}`")).collect::<Vec<_>>().join(", ");
    walkers[site.doc].error(
        site.path,
        format!(
            "{what} `{id}` is defined differently in {other}: {field} “{ours}” here, “{theirs}” there; \
             definitions of one {what} must agree on every field both give (differing: {fields})"
        ),
    );
    for s in before {
        walkers[s.doc].error(
            s.path,
            format!(
                "{what} `{id}` is defined differently in {this}: {field} “{theirs}” here, “{ours}” there; \
                 definitions of one {what} must agree on every field both give (differing: {fields})"
            ),
        );
    }
}

/// Resolves each item's `parent` (or `member_of`) and cuts any cycle,
/// reporting each once.
fn resolve_up<T>(
    walkers: &mut [Walker],
    ns: &mut Namespace<T>,
    what: &str,
    id_of: impl Fn(&T) -> &String,
    set: impl Fn(&mut T, Option<usize>),
) {
    let known_ids = ns.known();
    let known: Vec<&str> = known_ids.iter().map(String::as_str).collect();
    let mut up: Vec<Option<usize>> = vec![None; ns.items.len()];
    for (i, (link, up)) in ns.up.iter().zip(&mut up).enumerate() {
        let Some((r, d)) = link else { continue };
        let walker = &mut walkers[*d];
        *up = walker.resolve(&ns.ids, &known, what, r);
        if *up == Some(i) {
            let message = match what {
                "issue" => format!("issue `{}` cannot be its own parent", r.0),
                _ => format!("speaker `{}` cannot be a member of itself", r.0),
            };
            walker.error(r.1, message);
            *up = None;
        }
    }
    for first in cycles(&up) {
        let mut names: Vec<&str> = Vec::new();
        let mut c = first;
        loop {
            names.push(id_of(&ns.items[c]));
            c = up[c].unwrap_or(first);
            if c == first {
                break;
            }
        }
        names.push(id_of(&ns.items[first]));
        let message = match what {
            "issue" => format!("issue parents form a cycle: {}", names.join(" → ")),
            _ => format!("speaker groups (`member_of`) form a cycle: {}", names.join(" → ")),
        };
        if let Some((r, d)) = &ns.up[first] {
            walkers[*d].error(r.1, message);
        }
        up[first] = None;
    }
    for (item, up) in ns.items.iter_mut().zip(up) {
        set(item, up);
    }
}

/// The items where each cycle of `up` links is best cut: its lowest index.
fn cycles(up: &[Option<usize>]) -> Vec<usize> {
    let mut state = vec![0u8; up.len()]; // 0 new, 1 on the current chain, 2 done
    let mut found = Vec::new();
    for start in 0..up.len() {
        let mut chain = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            if state[i] == 2 {
                break;
            }
            if state[i] == 1 {
                let cycle_start = chain.iter().position(|&c| c == i).unwrap_or(0);
                found.push(*chain[cycle_start..].iter().min().unwrap_or(&i));
                break;
            }
            state[i] = 1;
            chain.push(i);
            at = up[i];
        }
        for c in chain {
            state[c] = 2;
        }
    }
    found
}

/// Each item's place in the tree (see [`TreeSpan`]) and depth, from
/// acyclic `up` links: one walk, in time linear in the items.
fn trees(up: &[Option<usize>]) -> Vec<(TreeSpan, usize)> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); up.len()];
    for (i, parent) in up.iter().enumerate() {
        if let Some(p) = parent {
            children[*p].push(i);
        }
    }
    let mut out = vec![(TreeSpan::default(), 0); up.len()];
    let mut rank = 0u32;
    // (item, depth, whether its children have been walked)
    let mut stack: Vec<(usize, usize, bool)> =
        (0..up.len()).rev().filter(|&i| up[i].is_none()).map(|i| (i, 0, false)).collect();
    while let Some((i, depth, walked)) = stack.pop() {
        if walked {
            out[i].0.end = rank;
            continue;
        }
        out[i] = (TreeSpan { rank, end: rank }, depth);
        rank += 1;
        stack.push((i, depth, true));
        stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1, false)));
    }
    out
}

/// The articles, in document order; article ids must be unique.
fn articles(docs: &[Document], walkers: &mut [Walker]) -> Vec<Option<Article>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(docs.len());
    for d in 0..docs.len() {
        let article = docs[d].article.clone();
        if let Some(a) = &article {
            if let Some(&other) = seen.get(&a.id) {
                let other = docs[other].name.clone();
                walkers[d].error(
                    NodePath::ROOT,
                    format!(
                        "duplicate article id `{}` (also {other}); give one of them `id:` in its `article:`",
                        a.id
                    ),
                );
            } else {
                seen.insert(a.id.clone(), d);
            }
        }
        out.push(article);
    }
    out
}

/// What quotes are resolved against: the namespaces, and every
/// document's quote ids (made only for documents whose quotes are named by
/// a `replies_to` or `same_as`).
struct Context<'a> {
    docs: &'a [Document],
    speakers: &'a Namespace<Speaker>,
    issues: &'a Namespace<Issue>,
    speaker_known: Vec<&'a str>,
    issue_known: Vec<&'a str>,
    /// The global index of each document's first quote.
    first_quote: Vec<usize>,
    quote_ids: Vec<OnceLock<HashMap<&'a str, usize>>>,
    doc_of_article: HashMap<&'a str, usize>,
}

impl<'a> Context<'a> {
    fn ids_of(&self, d: usize) -> &HashMap<&'a str, usize> {
        self.quote_ids[d].get_or_init(|| {
            let mut ids = HashMap::new();
            for (i, q) in self.docs[d].quotes.iter().enumerate() {
                ids.entry(q.id.0.as_str()).or_insert(self.first_quote[d] + i);
            }
            ids
        })
    }
}

/// One document's quotes resolved, and what the corpus needs of them.
struct Resolved {
    quotes: Vec<Quote>,
    /// Where `same_as` is written, by the quote's index in the document.
    same_as_sites: Vec<(usize, NodePath)>,
    /// The speakers (and relays) they name.
    speakers: Vec<usize>,
    keep: Keep,
}

/// Whether a document's resolved quotes are worth keeping for the next assembly.
#[derive(Clone, Copy, PartialEq)]
enum Keep {
    /// Resolved now, with nothing reported while resolving and no quote
    /// naming another document's: they hold as long as the document and
    /// the namespaces do.
    Resolved,
    /// Kept from before, and used again.
    Reused,
    /// They depend on other documents, or resolving them reported something.
    Not,
}

/// Every quote resolved, in document order; and which speakers are used.
/// Documents are resolved on every core: each reports only to its own walker.
fn quotes(
    docs: &[Document],
    walkers: &mut [Walker],
    speakers: &Namespace<Speaker>,
    issues: &Namespace<Issue>,
    articles: &[Option<Article>],
    kept: Option<&mut Kept>,
) -> (Vec<Quote>, Vec<bool>) {
    let (speaker_ids, issue_ids) = (speakers.known(), issues.known());
    let mut first_quote = Vec::with_capacity(docs.len());
    let mut total = 0;
    for doc in docs.iter() {
        first_quote.push(total);
        total += doc.quotes.len();
    }
    let cx = Context {
        docs,
        speakers,
        issues,
        speaker_known: speaker_ids.iter().map(String::as_str).collect(),
        issue_known: issue_ids.iter().map(String::as_str).collect(),
        first_quote,
        quote_ids: docs.iter().map(|_| OnceLock::new()).collect(),
        doc_of_article: articles
            .iter()
            .enumerate()
            .filter_map(|(d, a)| a.as_ref().map(|a| (a.id.as_str(), d)))
            .collect(),
    };
    let same_namespaces = kept.as_ref().is_some_and(|k| {
        k.docs.len() == docs.len() && k.speakers == speakers.items && k.issues == issues.items
    });
    let reusable: Vec<Option<&KeptDoc>> = match kept.as_deref() {
        Some(k) if same_namespaces => {
            (k.docs.iter().zip(docs)).map(|(k, doc)| k.as_ref().filter(|k| k.holds_for(doc))).collect()
        }
        _ => vec![None; docs.len()],
    };
    let walkers_each: Vec<Mutex<&mut Walker>> = walkers.iter_mut().map(Mutex::new).collect();
    let resolved = crate::cores::map_on_every_core(docs.len(), |d| match reusable[d] {
        Some(k) => k.placed(d, cx.first_quote[d]),
        None => resolve_document(&cx, d, &mut walkers_each[d].lock().expect("no worker panics")),
    });
    drop(walkers_each);
    drop(reusable);
    if let Some(kept) = kept {
        if !same_namespaces {
            kept.docs = docs.iter().map(|_| None).collect();
        }
        for (d, r) in resolved.iter().enumerate() {
            match r.keep {
                Keep::Resolved => kept.docs[d] = Some(KeptDoc::of(&docs[d], cx.first_quote[d], r)),
                Keep::Reused => {}
                Keep::Not => kept.docs[d] = None,
            }
        }
        kept.speakers.clone_from(&speakers.items);
        kept.issues.clone_from(&issues.items);
    }
    let mut out = Vec::with_capacity(total);
    let mut same_as_sites: Vec<Option<(usize, NodePath)>> = vec![None; total];
    let mut used = vec![false; speakers.items.len()];
    for (d, r) in resolved.into_iter().enumerate() {
        for (i, site) in r.same_as_sites {
            same_as_sites[cx.first_quote[d] + i] = Some((d, site));
        }
        out.extend(r.quotes);
        for s in r.speakers {
            used[s] = true;
        }
    }
    // Groups are used when a member is.
    for s in 0..speakers.items.len() {
        if used[s] {
            let mut at = speakers.items[s].member_of;
            while let Some(g) = at {
                used[g.index()] = true;
                at = speakers.items[g.index()].member_of;
            }
        }
    }
    same_as_cycles(walkers, &out, &same_as_sites);
    (out, used)
}

/// Document `d`'s quotes resolved against the corpus; problems go to `walker`.
fn resolve_document(cx: &Context, d: usize, walker: &mut Walker) -> Resolved {
    let docs = cx.docs;
    let multiple = docs.len() > 1;
    let quote_ref = |walker: &mut Walker, r: &IdRef, what: &str| -> Option<usize> {
        let (od, target) = match r.0.split_once('/') {
            Some((article, id)) if multiple && cx.doc_of_article.contains_key(article) => {
                (cx.doc_of_article[article], id)
            }
            _ => (d, r.0.as_str()),
        };
        let found = cx.ids_of(od).get(target).copied();
        if found.is_none() {
            let known = docs[od].quotes.iter().map(|q| q.id.0.as_str());
            let help = crate::model::diagnostic::known_list("quotes", target, known);
            let hint = if multiple && r.0.contains('/') {
                " (another article's quote is named ARTICLE/QUOTE)".to_string()
            } else {
                String::new()
            };
            walker.error(r.1, format!("unknown {what} `{}` {help}{hint}", r.0));
        }
        found
    };
    let raws = &docs[d].quotes;
    let reported_before = walker.pending.len();
    let mut out = Resolved {
        quotes: Vec::with_capacity(raws.len()),
        same_as_sites: Vec::new(),
        speakers: Vec::new(),
        keep: Keep::Not,
    };
    let mut elsewhere = false;
    let resolve_speaker =
        |w: &mut Walker, r: &IdRef| w.resolve(&cx.speakers.ids, &cx.speaker_known, "speaker", r);
    for (n, raw) in raws.iter().enumerate() {
        let q = cx.first_quote[d] + n;
        let speaker = raw.speaker.as_ref().and_then(|r| resolve_speaker(walker, r));
        let mut via = Vec::new();
        for r in &raw.via {
            let Some(v) = resolve_speaker(walker, r) else { continue };
            if Some(v) == speaker {
                walker.error(
                    r.1,
                    format!("`via` names the quote's own speaker `{}`; `via` is who relayed the words", r.0),
                );
            } else {
                via.push(SpeakerIx::new(v));
            }
        }
        out.speakers.extend(speaker.into_iter().chain(via.iter().map(|v| v.index())));
        let mut listed: Vec<IssueIx> = Vec::new();
        for r in &raw.issues {
            if let Some(i) = walker.resolve(&cx.issues.ids, &cx.issue_known, "issue", r) {
                let i = IssueIx::new(i);
                if listed.contains(&i) {
                    walker.error(r.1, format!("issue `{}` is listed twice", r.0));
                } else {
                    listed.push(i);
                }
            }
        }
        let stances = stances(walker, raw, &listed, &cx.issues.ids, &cx.issue_known);
        elsewhere |= [&raw.replies_to, &raw.same_as].into_iter().flatten().any(|r| r.0.contains('/'));
        let replies_to = raw.replies_to.as_ref().and_then(|r| {
            let target = quote_ref(walker, r, "quote")?;
            if target == q {
                walker.error(r.1, "a quote cannot reply to itself");
                return None;
            }
            Some(QuoteIx::new(target))
        });
        out.same_as_sites.extend(raw.same_as.as_ref().map(|r| (n, r.1)));
        let same_as = raw.same_as.as_ref().and_then(|r| {
            let target = quote_ref(walker, r, "quote")?;
            if target == q {
                walker.error(
                    r.1,
                    "a quote cannot be the same statement as itself; `same_as` names another report of it",
                );
                return None;
            }
            Some(QuoteIx::new(target))
        });
        let mut under: Vec<IssueIx> = Vec::new();
        for &i in &listed {
            let mut at = Some(i);
            while let Some(a) = at {
                under.push(a);
                at = cx.issues.items[a.index()].parent;
            }
        }
        under.sort_unstable();
        under.dedup();
        let spans = &raw.spans;
        let body = QuoteBody {
            id: raw.id.0.clone(),
            speaker: SpeakerIx::new(speaker.unwrap_or(0)),
            issues: listed,
            under,
            stances,
            kind: raw.kind,
            text: Arc::clone(&raw.text),
            span: spans.first().map_or(0, |s| s.start)..spans.last().map_or(0, |s| s.end),
            parts: spans.clone(),
            via,
            original: raw.original.clone(),
            note: raw.note.clone(),
        };
        let quote = Quote {
            replies_to,
            same_as,
            ..Quote::placed(Arc::new(body), ArticleIx::new(d), QuoteIx::new(q))
        };
        out.quotes.push(quote);
    }
    if walker.pending.len() == reported_before && !elsewhere {
        out.keep = Keep::Resolved;
    }
    out
}

/// Reports each `same_as` cycle once, at the link that closes it.
fn same_as_cycles(walkers: &mut [Walker], quotes: &[Quote], sites: &[Option<(usize, NodePath)>]) {
    let up: Vec<Option<usize>> = quotes.iter().map(|q| q.same_as.map(|s| s.index())).collect();
    for first in cycles(&up) {
        let mut names = Vec::new();
        let mut c = first;
        loop {
            names.push(quotes[c].id.as_str());
            c = up[c].unwrap_or(first);
            if c == first {
                break;
            }
        }
        names.push(&quotes[first].id);
        let Some((d, path)) = sites[first] else { continue };
        let message = format!(
            "`same_as` links form a cycle: {}; let every report name one of them, the quote that is not in the cycle",
            names.join(" → ")
        );
        walkers[d].error(path, message);
    }
}

fn stances(
    walker: &mut Walker,
    raw: &RawQuote,
    listed: &[IssueIx],
    issue_ids: &HashMap<String, usize>,
    issue_known: &[&str],
) -> Vec<(IssueIx, Stance)> {
    match &raw.stance {
        RawStance::None => Vec::new(),
        RawStance::All(s) => listed.iter().map(|&i| (i, *s)).collect(),
        RawStance::PerIssue(entries) => {
            let mut out = Vec::new();
            for (issue, key_path, s) in entries {
                let r = (issue.clone(), *key_path);
                let Some(i) = walker.resolve(issue_ids, issue_known, "issue", &r) else { continue };
                let i = IssueIx::new(i);
                if listed.contains(&i) {
                    out.push((i, *s));
                } else if raw.issues.iter().all(|(id, _)| id != issue) {
                    let listed_ids: Vec<&str> = raw.issues.iter().map(|(id, _)| id.as_str()).collect();
                    walker.error(
                        *key_path,
                        format!(
                            "stance for issue `{issue}`, which is not among this quote's issues ({}); \
                             add it to `issues` or remove the stance",
                            if listed_ids.is_empty() {
                                "it has none".to_string()
                            } else {
                                listed_ids.join(", ")
                            }
                        ),
                    );
                }
            }
            out
        }
    }
}

/// Warnings for speakers and issues that nothing uses, at their first definition.
fn warn_unused(
    walkers: &mut [Walker],
    speakers: &Namespace<Speaker>,
    issues: &Namespace<Issue>,
    quotes: &[Quote],
    speaker_used: &[bool],
) {
    let mut issue_used = vec![false; issues.items.len()];
    for quote in quotes {
        for &i in &quote.under {
            issue_used[i.index()] = true;
        }
    }
    for (s, used) in speaker_used.iter().enumerate() {
        if !used {
            let site = speakers.first[s];
            walkers[site.doc].warning(site.path, format!("speaker `{}` has no quotes", speakers.items[s].id));
        }
    }
    for (i, used) in issue_used.iter().enumerate() {
        if !used {
            let site = issues.first[i];
            walkers[site.doc].warning(site.path, format!("issue `{}` has no quotes", issues.items[i].id));
        }
    }
}

/// Every quote by article, then where its span starts, then file order.
/// An article's quotes come together (a file's, one after another), so
/// each run is put in order on its own and the runs by their article: a
/// thousand small sorts instead of one of every quote.
fn reading_order(quotes: &IxVec<QuoteIx, Quote>) -> Vec<QuoteIx> {
    let mut runs: Vec<(ArticleIx, usize, usize)> = Vec::new();
    for (q, quote) in quotes.iter().enumerate() {
        match runs.last_mut() {
            Some((article, _, end)) if *article == quote.article => *end = q + 1,
            _ => runs.push((quote.article, q, q + 1)),
        }
    }
    runs.sort_by_key(|&(article, start, _)| (article, start));
    let mut order: Vec<QuoteIx> = Vec::with_capacity(quotes.len());
    let mut i = 0;
    while i < runs.len() {
        let same = runs[i..].iter().take_while(|r| r.0 == runs[i].0).count();
        let from = order.len();
        order.extend(runs[i..i + same].iter().flat_map(|&(_, start, end)| (start..end).map(QuoteIx::new)));
        order[from..].sort_by_key(|&q| (quotes[q].span.start, q));
        i += same;
    }
    order
}

/// The corpus: articles in date order, reading order, answers and statements.
fn finish(
    title: Option<String>,
    articles: Vec<Option<Article>>,
    speakers: IxVec<SpeakerIx, Speaker>,
    issues: IxVec<IssueIx, Issue>,
    mut quotes: Vec<Quote>,
) -> Corpus {
    // Articles by date (undated last), then in the order they were read.
    let mut by_date: Vec<usize> = (0..articles.len()).filter(|&d| articles[d].is_some()).collect();
    by_date.sort_by_key(|&d| {
        (
            articles[d].as_ref().and_then(|a| a.date.clone()).is_none(),
            articles[d].as_ref().and_then(|a| a.date.clone()),
            d,
        )
    });
    let mut new_ix = vec![ArticleIx::default(); articles.len()];
    for (rank, &d) in by_date.iter().enumerate() {
        new_ix[d] = ArticleIx::new(rank);
    }
    let mut slots = articles;
    let articles: IxVec<ArticleIx, Article> =
        by_date.iter().map(|&d| slots[d].take().unwrap_or_default()).collect();
    for quote in &mut quotes {
        quote.article = new_ix[quote.article.index()];
    }
    let mut quotes: IxVec<QuoteIx, Quote> = quotes.into();
    let order = reading_order(&quotes);
    for &q in &order {
        if let Some(r) = quotes[q].replies_to {
            quotes[r].answers.push(q);
        }
    }
    // Statements: quotes linked by `same_as` (acyclic by now) are one; it
    // is counted through its direct quote if it has one, else its first.
    // Each chain is walked once: a quote's root, once known, ends the walk
    // of every quote that links to it.
    let mut root: IxVec<QuoteIx, Option<QuoteIx>> = quotes.ids().map(|_| None).collect();
    for q in quotes.ids() {
        let mut path = Vec::new();
        let mut at = q;
        let found = loop {
            if let Some(r) = root[at] {
                break r;
            }
            path.push(at);
            match quotes[at].same_as {
                Some(next) => at = next,
                None => break at,
            }
        };
        for p in path {
            root[p] = Some(found);
        }
    }
    let root: IxVec<QuoteIx, QuoteIx> = root.into_iter().map(|r| r.expect("every root found")).collect();
    // Each statement's chosen quote and its number of reports, by its root.
    let mut chosen: IxVec<QuoteIx, Option<QuoteIx>> = quotes.ids().map(|_| None).collect();
    let mut told: IxVec<QuoteIx, usize> = quotes.ids().map(|_| 0).collect();
    for &q in &order {
        let r = root[q];
        told[r] += 1;
        let better = match chosen[r] {
            None => true,
            Some(c) => quotes[c].kind != Kind::Direct && quotes[q].kind == Kind::Direct,
        };
        if better {
            chosen[r] = Some(q);
        }
    }
    for &q in &order {
        let r = root[q];
        let statement = chosen[r].expect("every root chosen");
        quotes[q].statement = statement;
        if told[r] > 1 {
            quotes[statement].reports.push(q);
        }
    }
    Corpus { title, articles, speakers, issues, quotes, order }
}
