//! Loading an annotation file: bytes → YAML tree → checked, resolved,
//! anchored [`Annotation`], with every problem found reported as a
//! [`Diagnostic`] rather than only the first.
//!
//! The walk over the tree names each offending node by its [`NodePath`];
//! positions are looked up once at the end (see `locate`), only when there is
//! something to report.

use super::anchor::{self, FoldedArticle};
use super::diagnostic::{Diagnostic, Severity, did_you_mean, known_list};
use super::locate::{self, NodePath, Position};
use super::yaml::{self, Node};
use super::{Annotation, Article, Issue, Kind, Quote, Speaker, Stance};
use crate::text;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Where an annotation comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The article that ships inside the binary.
    BuiltIn,
    File(PathBuf),
}

const BUILTIN_YAML: &str = include_str!("../../assets/nato-open-doors.yaml");
const BUILTIN_TEXT_NAME: &str = "nato-open-doors.txt";
const BUILTIN_TEXT: &str = include_str!("../../assets/nato-open-doors.txt");

impl Source {
    /// How diagnostics name the file: the path as given.
    pub fn name(&self) -> String {
        match self {
            Source::BuiltIn => "nato-open-doors.yaml (built-in)".to_string(),
            Source::File(path) => path.display().to_string(),
        }
    }

    pub fn from_arg(arg: Option<&Path>) -> Source {
        arg.map_or(Source::BuiltIn, |p| Source::File(p.to_path_buf()))
    }
}

/// The annotation file itself could not be read (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&text::one_line(&self.0))
    }
}

/// The outcome of loading: the annotation when there are no errors, and
/// every diagnostic in file order.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub annotation: Option<Annotation>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// A file that stops at its first problem: no annotation, one error.
    fn failed(position: Position, message: String) -> Loaded {
        Loaded {
            annotation: None,
            diagnostics: vec![Diagnostic { severity: Severity::Error, position, message }],
        }
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
}

/// Loads an annotation from its source.
pub fn load(source: &Source) -> Result<Loaded, Unreadable> {
    match source {
        Source::BuiltIn => Ok(load_bytes(BUILTIN_YAML.as_bytes(), &|name| {
            if name == BUILTIN_TEXT_NAME {
                Ok((BUILTIN_TEXT.as_bytes().to_vec(), None))
            } else {
                Err(format!("the built-in article has no file `{name}`"))
            }
        })),
        Source::File(path) => {
            let bytes = match read_capped(path) {
                Ok(bytes) => bytes,
                Err(ReadError::TooLarge(size)) => {
                    return Ok(Loaded::failed(Position::START, too_large("the file", size)));
                }
                Err(ReadError::Io(e)) => {
                    return Err(Unreadable(format!("cannot read {}: {e}", path.display())));
                }
            };
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            Ok(load_bytes(&bytes, &|name| {
                let full = dir.join(name);
                match read_capped(&full) {
                    Ok(bytes) => Ok((bytes, Some(full))),
                    Err(ReadError::TooLarge(size)) => Err(too_large("it", size)),
                    Err(ReadError::Io(e)) => Err(format!("{e} (looked for {})", full.display())),
                }
            }))
        }
    }
}

fn too_large(what: &str, size: u64) -> String {
    format!(
        "{what} is too large ({:.1} MiB, {size} bytes); whosaid reads files up to {} MiB",
        size as f64 / (1 << 20) as f64,
        MAX_FILE_BYTES >> 20
    )
}

enum ReadError {
    TooLarge(u64),
    Io(String),
}

/// Reads a whole file, refusing directories and anything over the cap
/// (checked on the bytes read too, for files that grow or never end).
fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    let describe = |e: std::io::Error| {
        ReadError::Io(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        })
    };
    let meta = std::fs::metadata(path).map_err(describe)?;
    if meta.is_dir() {
        return Err(ReadError::Io("it is a directory, not a file".to_string()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(describe)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(describe)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads the article text file named in the annotation: its bytes and,
/// for a file on disk, its path.
pub type TextFileReader<'a> = dyn Fn(&str) -> Result<(Vec<u8>, Option<PathBuf>), String> + 'a;

/// Loads an annotation from the bytes of its YAML file.
pub fn load_bytes(bytes: &[u8], read_text_file: &TextFileReader) -> Loaded {
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let (position, byte) = utf8_error_at(bytes, e.valid_up_to());
            return Loaded::failed(
                position,
                format!("the file is not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8"),
            );
        }
    };
    let root = match yaml::parse(source) {
        Ok(root) => root,
        Err(e) => {
            let position = Position { line: e.line, column: e.column };
            return Loaded::failed(position, format!("invalid YAML: {}", e.message));
        }
    };
    let mut walker = Walker::default();
    let annotation = walker.annotation(root, read_text_file);
    let positions = if walker.pending.is_empty() {
        Vec::new()
    } else {
        let paths: Vec<NodePath> = walker.pending.iter().map(|p| p.path).collect();
        locate::locate(source, &paths)
    };
    let mut diagnostics: Vec<Diagnostic> = walker
        .pending
        .into_iter()
        .zip(positions)
        .map(|(p, position)| Diagnostic { severity: p.severity, position, message: p.message })
        .collect();
    diagnostics.sort_by_key(|d| d.position);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Loaded { annotation: if has_errors { None } else { annotation }, diagnostics }
}

/// Position (1-based line and column, in characters) of byte `at`.
fn utf8_error_at(bytes: &[u8], at: usize) -> (Position, u8) {
    let before = &bytes[..at];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (Position { line, column }, bytes.get(at).copied().unwrap_or(0))
}

struct Pending {
    severity: Severity,
    path: NodePath,
    message: String,
}

/// A mapping checked against the keys it may have. Values are taken out
/// as they are read, so that strings move into the model uncopied.
struct Fields {
    path: NodePath,
    entries: Vec<(Node, Node)>,
    allowed: &'static [&'static str],
    /// Entry index of each allowed key, when present.
    slots: [Option<u32>; 10],
}

impl Fields {
    fn entry(&self, key: &str) -> Option<u32> {
        let i = self.allowed.iter().position(|k| *k == key)?;
        self.slots[i]
    }

    fn get(&self, key: &str) -> Option<(&Node, NodePath)> {
        let e = self.entry(key)?;
        Some((&self.entries[e as usize].1, self.path.child(2 * e + 1)))
    }

    /// Takes a value out (leaving null in its place).
    fn take(&mut self, key: &str) -> Option<(Node, NodePath)> {
        let e = self.entry(key)?;
        let value = std::mem::replace(&mut self.entries[e as usize].1, Node::Null);
        Some((value, self.path.child(2 * e + 1)))
    }

    fn key_path(&self, key: &str) -> Option<NodePath> {
        self.entry(key).map(|e| self.path.child(2 * e))
    }
}

/// An id and where it was written (absent ids are reported already).
type IdRef = (String, NodePath);

#[derive(Default)]
struct RawQuote {
    note: Option<String>,
    speaker: Option<IdRef>,
    issues: Vec<IdRef>,
    stance: RawStance,
    kind: Kind,
    text: Option<(String, NodePath)>,
    occurrence: Option<(usize, NodePath)>,
    /// `occurrence` is written, valid or not.
    occurrence_given: bool,
    replies_to: Option<IdRef>,
    via: Option<IdRef>,
}

/// Speakers or issues as read: the items, where each was written, their
/// ids, and (for issues) their `parent` references.
struct Listed<T> {
    items: Vec<T>,
    paths: Vec<NodePath>,
    ids: HashMap<String, usize>,
    parents: Vec<Option<IdRef>>,
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed { items: Vec::new(), paths: Vec::new(), ids: HashMap::new(), parents: Vec::new() }
    }
}

/// What anchoring needs to know of a quote besides its text.
struct Anchoring {
    text_path: Option<NodePath>,
    occurrence: Option<(usize, NodePath)>,
    occurrence_given: bool,
}

#[derive(Default)]
enum RawStance {
    #[default]
    None,
    All(Stance),
    /// `(issue id, path of its key, stance)`.
    PerIssue(Vec<(String, NodePath, Stance)>),
}

const ROOT_KEYS: &[&str] = &["whosaid", "article", "speakers", "issues", "quotes"];
const ARTICLE_KEYS: &[&str] = &["title", "source", "date", "url", "text_file", "text"];
const SPEAKER_KEYS: &[&str] = &["id", "name", "role", "affiliation", "aliases"];
const ISSUE_KEYS: &[&str] = &["id", "title", "proposition", "summary", "parent"];
const QUOTE_KEYS: &[&str] =
    &["id", "speaker", "issues", "stance", "kind", "text", "occurrence", "replies_to", "via", "note"];
// `Fields` has room for this many keys.
const _: () = assert!(QUOTE_KEYS.len() <= 10 && ARTICLE_KEYS.len() <= 10 && ROOT_KEYS.len() <= 10);

#[derive(Default)]
struct Walker {
    pending: Vec<Pending>,
}

impl Walker {
    fn error(&mut self, path: NodePath, message: impl Into<String>) {
        self.pending.push(Pending { severity: Severity::Error, path, message: message.into() });
    }

    fn warning(&mut self, path: NodePath, message: impl Into<String>) {
        self.pending.push(Pending { severity: Severity::Warning, path, message: message.into() });
    }

    fn has_errors(&self) -> bool {
        self.pending.iter().any(|p| p.severity == Severity::Error)
    }

    /// Checks that `node` is a mapping with only allowed, unique keys.
    fn fields(
        &mut self,
        node: Node,
        path: NodePath,
        what: &str,
        allowed: &'static [&'static str],
    ) -> Option<Fields> {
        let Node::Map(entries) = node else {
            self.error(
                path,
                format!("{what} should be a mapping (`key: value` lines), found {}", node.kind_name()),
            );
            return None;
        };
        let mut slots = [None; 10];
        for (e, (key, _)) in entries.iter().enumerate() {
            let key_path = path.child(2 * e as u32);
            let Node::Str(name) = key else {
                self.error(key_path, format!("keys should be text, found {}", key.kind_name()));
                continue;
            };
            match allowed.iter().position(|k| k == name) {
                Some(i) if slots[i].is_some() => {
                    self.error(key_path, format!("duplicate key `{name}` (each key may appear once)"));
                }
                Some(i) => slots[i] = Some(e as u32),
                None => {
                    let mut message =
                        format!("unknown key `{name}` in {what} (allowed: {}", allowed.join(", "));
                    if let Some(guess) = did_you_mean(name, allowed.iter().copied()) {
                        message.push_str(&format!("; did you mean `{guess}`?"));
                    }
                    message.push(')');
                    self.error(key_path, message);
                }
            }
        }
        Some(Fields { path, entries, allowed, slots })
    }

    /// A text field; `required` fields must be present and non-empty.
    fn text(&mut self, f: &mut Fields, key: &str, what: &str, required: bool) -> Option<(String, NodePath)> {
        let Some((node, path)) = f.take(key) else {
            if required {
                self.error(f.path, format!("{what} is missing `{key}`"));
            }
            return None;
        };
        match node {
            Node::Null if !required => None,
            Node::Null => {
                self.error(path, format!("`{key}` is empty"));
                None
            }
            _ => match node.into_text() {
                Ok(s) if required && s.trim().is_empty() => {
                    self.error(path, format!("`{key}` is empty"));
                    None
                }
                Ok(s) => Some((s, path)),
                Err(node) => {
                    self.error(path, format!("`{key}` should be text, found {}", node.kind_name()));
                    None
                }
            },
        }
    }

    /// A list of text items (`aliases`, a quote's `issues`).
    fn text_list(&mut self, f: &mut Fields, key: &str) -> Vec<(String, NodePath)> {
        let Some((node, path)) = f.take(key) else { return Vec::new() };
        match node {
            Node::Null => Vec::new(),
            Node::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    let item_path = path.child(i as u32);
                    match item.into_text() {
                        Ok(s) => out.push((s, item_path)),
                        Err(item) => self.error(
                            item_path,
                            format!("items of `{key}` should be text, found {}", item.kind_name()),
                        ),
                    }
                }
                out
            }
            _ => {
                self.error(path, format!("`{key}` should be a list (`[a, b]`), found {}", node.kind_name()));
                Vec::new()
            }
        }
    }

    /// The items of a top-level list (`speakers`, `issues`, `quotes`).
    fn section(&mut self, root: &mut Fields, key: &str) -> Vec<(Node, NodePath)> {
        let Some((node, path)) = root.take(key) else { return Vec::new() };
        match node {
            Node::Null => Vec::new(),
            Node::Seq(items) => {
                items.into_iter().enumerate().map(|(i, n)| (n, path.child(i as u32))).collect()
            }
            _ => {
                self.error(path, format!("`{key}` should be a list, found {}", node.kind_name()));
                Vec::new()
            }
        }
    }

    /// Registers an id; false (and an error) for a duplicate.
    fn unique_id(
        &mut self,
        seen: &mut HashMap<String, usize>,
        what: &str,
        id: &str,
        index: usize,
        path: NodePath,
    ) -> bool {
        if seen.contains_key(id) {
            self.error(path, format!("duplicate {what} id `{id}` (ids must be unique)"));
            return false;
        }
        seen.insert(id.to_string(), index);
        true
    }

    /// Resolves a reference, reporting an unknown one.
    fn resolve(
        &mut self,
        ids: &HashMap<String, usize>,
        known: &[&str],
        what: &str,
        r: &IdRef,
    ) -> Option<usize> {
        let found = ids.get(&r.0).copied();
        if found.is_none() {
            let plural = format!("{what}s");
            let help = known_list(&plural, &r.0, known.iter().copied());
            self.error(r.1, format!("unknown {what} `{}` {help}", r.0));
        }
        found
    }

    fn annotation(&mut self, root: Node, read_text_file: &TextFileReader) -> Option<Annotation> {
        if root == Node::Null {
            self.error(
                NodePath::ROOT,
                "the file is empty: an annotation needs at least `article:` with a title and its text",
            );
            return None;
        }
        let mut root_fields = self.fields(root, NodePath::ROOT, "the file", ROOT_KEYS)?;
        if let Some((version, path)) = root_fields.get("whosaid")
            && *version != Node::Int(1)
        {
            let shown = version.as_text().unwrap_or_else(|| version.kind_name().to_string());
            self.error(path, format!("unsupported format version `{shown}` (this whosaid reads version 1)"));
        }
        let (mut article, text_file) = match root_fields.take("article") {
            Some((node, path)) => self.article(node, path, read_text_file),
            None => {
                self.error(NodePath::ROOT, "the file has no `article` (its title and text)");
                (Article::default(), None)
            }
        };
        // Fold the article's white space on the other core while the
        // speakers, issues and quotes are read; the text comes back with it.
        let text = std::mem::take(&mut article.text);
        let folding = std::thread::spawn(move || {
            let folded = FoldedArticle::new(&text);
            (text, folded)
        });

        let Listed { items: speakers, paths: speaker_paths, ids: speaker_ids, .. } =
            self.speakers(&mut root_fields);
        let Listed { items: mut issues, paths: issue_paths, ids: issue_ids, parents } =
            self.issues(&mut root_fields);
        let issue_names: Vec<String> = issues.iter().map(|i| i.id.clone()).collect();
        let issue_known: Vec<&str> = issue_names.iter().map(String::as_str).collect();
        for (i, parent) in parents.iter().enumerate() {
            if let Some(r) = parent {
                issues[i].parent = self.resolve(&issue_ids, &issue_known, "issue", r);
                if issues[i].parent == Some(i) {
                    self.error(r.1, format!("issue `{}` cannot be its own parent", r.0));
                    issues[i].parent = None;
                }
            }
        }
        self.break_parent_cycles(&mut issues, &parents);
        link_issue_tree(&mut issues);

        // Quotes: first their fields, then their references.
        let mut raw_quotes = Vec::new();
        let mut quote_ids = HashMap::new();
        let mut quote_id_list = Vec::new();
        for (position, (node, path)) in self.section(&mut root_fields, "quotes").into_iter().enumerate() {
            let (raw, id) = self.raw_quote(node, path, position);
            if let Some((id, id_path)) = &id {
                self.unique_id(&mut quote_ids, "quote", id, raw_quotes.len(), *id_path);
            }
            quote_id_list.push(id.map(|t| t.0).unwrap_or_default());
            raw_quotes.push(raw);
        }
        let speaker_known: Vec<&str> = speakers.iter().map(|s| s.id.as_str()).collect();
        let quote_known: Vec<&str> = quote_id_list.iter().map(String::as_str).collect();
        let mut quotes = Vec::with_capacity(raw_quotes.len());
        let mut anchors = Vec::with_capacity(raw_quotes.len());
        let mut speaker_used = vec![false; speakers.len()];
        for (q, raw) in raw_quotes.into_iter().enumerate() {
            let speaker =
                raw.speaker.as_ref().and_then(|r| self.resolve(&speaker_ids, &speaker_known, "speaker", r));
            let via = raw.via.as_ref().and_then(|r| self.resolve(&speaker_ids, &speaker_known, "speaker", r));
            for s in [speaker, via].into_iter().flatten() {
                speaker_used[s] = true;
            }
            let mut listed = Vec::new();
            for r in &raw.issues {
                if let Some(i) = self.resolve(&issue_ids, &issue_known, "issue", r) {
                    if listed.contains(&i) {
                        self.error(r.1, format!("issue `{}` is listed twice", r.0));
                    } else {
                        listed.push(i);
                    }
                }
            }
            let stances = self.stances(&raw, &listed, &issue_ids, &issue_known);
            let replies_to = raw.replies_to.as_ref().and_then(|r| {
                let target = self.resolve(&quote_ids, &quote_known, "quote", r)?;
                if target == q {
                    self.error(r.1, "a quote cannot reply to itself");
                    return None;
                }
                Some(target)
            });
            let mut under: Vec<usize> = Vec::new();
            for &i in &listed {
                let mut at = Some(i);
                while let Some(a) = at {
                    under.push(a);
                    at = issues[a].parent;
                }
            }
            under.sort_unstable();
            under.dedup();
            let (text, text_path) = raw.text.map_or((String::new(), None), |(t, p)| (t, Some(p)));
            anchors.push(Anchoring {
                text_path,
                occurrence: raw.occurrence,
                occurrence_given: raw.occurrence_given,
            });
            quotes.push(Quote {
                id: quote_id_list[q].clone(),
                speaker: speaker.unwrap_or(0),
                issues: listed,
                under,
                stances,
                kind: raw.kind,
                text,
                span: 0..0,
                replies_to,
                answers: Vec::new(),
                via,
                note: raw.note,
            });
        }
        let (text, folded_article) = folding.join().expect("folding the article does not panic");
        article.text = text;
        self.anchor(&article, &folded_article, &anchors, &mut quotes);
        for q in 0..quotes.len() {
            if let Some(r) = quotes[q].replies_to {
                quotes[r].answers.push(q);
            }
        }

        // Warnings for what nothing uses.
        let mut issue_used = vec![false; issues.len()];
        for quote in &quotes {
            for &i in &quote.under {
                issue_used[i] = true;
            }
        }
        for (s, used) in speaker_used.iter().enumerate() {
            if !used {
                self.warning(speaker_paths[s], format!("speaker `{}` has no quotes", speakers[s].id));
            }
        }
        for (i, used) in issue_used.iter().enumerate() {
            if !used {
                self.warning(issue_paths[i], format!("issue `{}` has no quotes", issues[i].id));
            }
        }

        if self.has_errors() {
            return None;
        }
        let mut article_order: Vec<usize> = (0..quotes.len()).collect();
        article_order.sort_by_key(|&q| (quotes[q].span.start, q));
        Some(Annotation { article, speakers, issues, quotes, article_order, text_file })
    }

    /// The speakers, each checked; duplicates are reported and left out.
    fn speakers(&mut self, root: &mut Fields) -> Listed<Speaker> {
        let mut listed = Listed::default();
        for (node, path) in self.section(root, "speakers") {
            let Some(mut f) = self.fields(node, path, "a speaker", SPEAKER_KEYS) else { continue };
            let id = self.text(&mut f, "id", "a speaker", true);
            let name = self.text(&mut f, "name", "a speaker", true);
            let role = self.text(&mut f, "role", "a speaker", false).map(|t| t.0);
            let affiliation = self.text(&mut f, "affiliation", "a speaker", false).map(|t| t.0);
            let aliases = self.text_list(&mut f, "aliases").into_iter().map(|t| t.0).collect();
            let Some((id, id_path)) = id else { continue };
            if !is_id(&id) {
                let message = format!(
                    "speaker id `{id}` may use only a-z, 0-9, `_` and `-` (try `{}`)",
                    suggest_id(&id)
                );
                self.error(id_path, message);
            }
            if !self.unique_id(&mut listed.ids, "speaker", &id, listed.items.len(), id_path) {
                continue;
            }
            let name = name.map(|t| t.0).unwrap_or_else(|| id.clone());
            listed.items.push(Speaker { id, name, role, affiliation, aliases });
            listed.paths.push(path);
        }
        listed
    }

    /// The issues, each checked, with their `parent` references still to
    /// resolve; duplicates are reported and left out.
    fn issues(&mut self, root: &mut Fields) -> Listed<Issue> {
        let mut listed = Listed::default();
        for (node, path) in self.section(root, "issues") {
            let Some(mut f) = self.fields(node, path, "an issue", ISSUE_KEYS) else { continue };
            let id = self.text(&mut f, "id", "an issue", true);
            let title = self.text(&mut f, "title", "an issue", true);
            let proposition = self.text(&mut f, "proposition", "an issue", false).map(|t| t.0);
            let summary = self.text(&mut f, "summary", "an issue", false).map(|t| t.0);
            let parent = self.text(&mut f, "parent", "an issue", false);
            let Some((id, id_path)) = id else { continue };
            if !self.unique_id(&mut listed.ids, "issue", &id, listed.items.len(), id_path) {
                continue;
            }
            let title = title.map(|t| t.0).unwrap_or_else(|| id.clone());
            listed.items.push(Issue { id, title, proposition, summary, ..Issue::default() });
            listed.paths.push(path);
            listed.parents.push(parent);
        }
        listed
    }

    fn article(
        &mut self,
        node: Node,
        path: NodePath,
        read_text_file: &TextFileReader,
    ) -> (Article, Option<PathBuf>) {
        let mut article = Article::default();
        let Some(mut f) = self.fields(node, path, "the article", ARTICLE_KEYS) else {
            return (article, None);
        };
        article.title = self.text(&mut f, "title", "the article", true).map(|t| t.0).unwrap_or_default();
        article.source = self.text(&mut f, "source", "the article", false).map(|t| t.0);
        article.url = self.text(&mut f, "url", "the article", false).map(|t| t.0);
        if let Some((date, date_path)) = self.text(&mut f, "date", "the article", false) {
            match check_date(&date) {
                Ok(()) => article.date = Some(date),
                Err(why) => self.error(date_path, format!("invalid date `{date}`: {why}")),
            }
        }
        let mut text_file = None;
        let inline = self.text(&mut f, "text", "the article", false);
        let file = self.text(&mut f, "text_file", "the article", false);
        let text = match (inline, file) {
            (Some(_), Some(_)) => {
                let second = f.entry("text").max(f.entry("text_file"));
                let key = if second == f.entry("text") { "text" } else { "text_file" };
                self.error(
                    f.key_path(key).unwrap_or_default(),
                    "the article has both `text` and `text_file`; keep one of them",
                );
                None
            }
            (None, None) => {
                self.error(
                    f.path,
                    "the article has no text: add `text_file: article.txt` (a path relative to \
                     this file) or `text: |` followed by the text",
                );
                None
            }
            (Some((text, path)), None) => Some((text, path)),
            (None, Some((name, path))) => match read_text_file(&name) {
                Err(why) => {
                    self.error(path, format!("cannot read the article text file `{name}`: {why}"));
                    None
                }
                Ok((bytes, disk_path)) => {
                    text_file = disk_path;
                    match String::from_utf8(bytes) {
                        Ok(text) => Some((text, path)),
                        Err(e) => {
                            let (at, byte) = utf8_error_at(e.as_bytes(), e.utf8_error().valid_up_to());
                            self.error(
                                path,
                                format!(
                                    "the article text file `{name}` is not valid UTF-8 (byte 0x{byte:02x} \
                                     at its line {}, column {}); save it as UTF-8",
                                    at.line, at.column
                                ),
                            );
                            None
                        }
                    }
                }
            },
        };
        if let Some((text, path)) = text {
            if text.trim().is_empty() {
                self.warning(path, "the article text is empty");
            }
            article.line_starts =
                std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            article.text = text;
        }
        (article, text_file)
    }

    /// The fields of one quote, and its id (explicit, or `q<position>`).
    fn raw_quote(&mut self, node: Node, path: NodePath, position: usize) -> (RawQuote, Option<IdRef>) {
        let mut raw = RawQuote::default();
        let default_id = || format!("q{}", position + 1);
        let Some(mut f) = self.fields(node, path, "a quote", QUOTE_KEYS) else {
            return (raw, Some((default_id(), path)));
        };
        let id = match self.text(&mut f, "id", "a quote", false) {
            Some(id) => Some(id),
            None => Some((default_id(), path)),
        };
        raw.speaker = self.text(&mut f, "speaker", "a quote", true);
        raw.issues = self.text_list(&mut f, "issues");
        raw.via = self.text(&mut f, "via", "a quote", false);
        raw.replies_to = self.text(&mut f, "replies_to", "a quote", false);
        raw.note = self.text(&mut f, "note", "a quote", false).map(|t| t.0);
        if let Some((kind, kind_path)) = self.text(&mut f, "kind", "a quote", false) {
            match Kind::parse(&kind) {
                Some(k) => raw.kind = k,
                None => self.error(kind_path, unknown_choice("kind", &kind, Kind::ALL.map(Kind::name))),
            }
        }
        raw.text = self.text(&mut f, "text", "a quote", true);
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
        if let Some((node, stance_path)) = f.take("stance") {
            raw.stance = self.raw_stance(node, stance_path);
        }
        (raw, id)
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

    fn stances(
        &mut self,
        raw: &RawQuote,
        listed: &[usize],
        issue_ids: &HashMap<String, usize>,
        issue_known: &[&str],
    ) -> Vec<(usize, Stance)> {
        match &raw.stance {
            RawStance::None => Vec::new(),
            RawStance::All(s) => listed.iter().map(|&i| (i, *s)).collect(),
            RawStance::PerIssue(entries) => {
                let mut out = Vec::new();
                for (issue, key_path, s) in entries {
                    let r = (issue.clone(), *key_path);
                    let Some(i) = self.resolve(issue_ids, issue_known, "issue", &r) else { continue };
                    if listed.contains(&i) {
                        out.push((i, *s));
                    } else if raw.issues.iter().all(|(id, _)| id != issue) {
                        let listed_ids: Vec<&str> = raw.issues.iter().map(|(id, _)| id.as_str()).collect();
                        self.error(
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

    /// Reports each `parent` cycle once and cuts it, so that later walks up
    /// the tree end.
    fn break_parent_cycles(&mut self, issues: &mut [Issue], parents: &[Option<IdRef>]) {
        let mut state = vec![0u8; issues.len()]; // 0 new, 1 on the current chain, 2 done
        for start in 0..issues.len() {
            let mut chain = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                if state[i] == 2 {
                    break;
                }
                if state[i] == 1 {
                    let cycle_start = chain.iter().position(|&c| c == i).unwrap_or(0);
                    let cycle = &chain[cycle_start..];
                    let first = *cycle.iter().min().unwrap_or(&i);
                    let mut names: Vec<&str> = Vec::new();
                    let mut c = first;
                    loop {
                        names.push(&issues[c].id);
                        c = issues[c].parent.unwrap_or(first);
                        if c == first {
                            break;
                        }
                    }
                    names.push(&issues[first].id);
                    let message = format!("issue parents form a cycle: {}", names.join(" → "));
                    let path = parents[first].as_ref().map(|p| p.1).unwrap_or_default();
                    self.error(path, message);
                    issues[first].parent = None;
                    break;
                }
                state[i] = 1;
                chain.push(i);
                at = issues[i].parent;
            }
            for c in chain {
                state[c] = 2;
            }
        }
    }

    fn anchor(
        &mut self,
        article: &Article,
        folded_article: &FoldedArticle,
        anchors: &[Anchoring],
        quotes: &mut [Quote],
    ) {
        let folded: Vec<Cow<str>> = quotes.iter().map(|q| text::fold_whitespace(&q.text)).collect();
        let folded_refs: Vec<&str> = folded.iter().map(|f| f.as_ref()).collect();
        let wanted: Vec<usize> = anchors.iter().map(|r| r.occurrence.map_or(1, |o| o.0)).collect();
        let located = anchor::locate_all(folded_article, &folded_refs, &wanted);
        let mut spans = vec![None; quotes.len()];
        let mut hint_texts: Option<(String, String)> = None;
        // Each hint searches the article a few times: enough for a reader,
        // bounded for a file whose article changed under every quote.
        let mut hints_left = 20;
        for (q, raw) in anchors.iter().enumerate() {
            let Some(text_path) = raw.text_path else { continue };
            if folded[q].is_empty() {
                self.error(text_path, "quote text is empty");
                continue;
            }
            let found = &located[q];
            match (&found.span, &raw.occurrence) {
                (Some(span), _) => {
                    spans[q] = Some(span.clone());
                    if found.count > 1 && !raw.occurrence_given {
                        self.warning(
                            text_path,
                            format!(
                                "quote text occurs {} times in the article; the first is used \
                                 (add `occurrence: N` to pick another)",
                                found.count
                            ),
                        );
                    }
                }
                (None, Some((n, occ_path))) if found.count > 0 => self.error(
                    *occ_path,
                    format!(
                        "occurrence {n} is out of range: the quote text occurs {} in the article",
                        times(found.count)
                    ),
                ),
                (None, _) => {
                    let mut message = "quote text not found in the article".to_string();
                    if hints_left > 0 && !article.text.is_empty() {
                        hints_left -= 1;
                        let (text, lowered) = hint_texts.get_or_insert_with(|| {
                            let text = folded_article.folded_text();
                            let lowered = text.to_ascii_lowercase();
                            (text, lowered)
                        });
                        if let Some(c) = anchor::closest_passage(folded_article, text, lowered, &folded[q]) {
                            let passage =
                                passage(&article.text[c.start..], folded[q].chars().count().clamp(30, 70));
                            message.push_str(&format!(
                                "; closest passage, line {}: “{}”",
                                article.line_of(c.start),
                                passage
                            ));
                            if let Some((ours, theirs)) = c.differs {
                                message.push_str(&format!(
                                    " (the quote has “{ours}” where the article has “{theirs}”)"
                                ));
                            }
                        }
                    }
                    if quotes[q].text.contains(['\'', '"', '-'])
                        && article.text.contains(['’', '“', '”', '–', '—'])
                    {
                        message
                            .push_str("; note that typographic quotes and dashes must match the article's");
                    }
                    self.error(text_path, message);
                }
            }
        }
        drop(folded_refs);
        drop(folded);
        for (quote, span) in quotes.iter_mut().zip(spans) {
            if let Some(span) = span {
                quote.span = span;
            }
        }
    }
}

/// Fills in each issue's subtree and depth from the `parent` links (which
/// must be acyclic by now).
fn link_issue_tree(issues: &mut [Issue]) {
    for i in 0..issues.len() {
        let mut depth = 0;
        let mut at = issues[i].parent;
        while let Some(a) = at {
            issues[a].subtree.push(i);
            depth += 1;
            at = issues[a].parent;
        }
        issues[i].depth = depth;
    }
    for (i, issue) in issues.iter_mut().enumerate() {
        issue.subtree.push(i);
        issue.subtree.sort_unstable();
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

fn times(n: usize) -> String {
    if n == 1 { "once".to_string() } else { format!("{n} times") }
}

fn show(node: &Node) -> String {
    match node.as_text() {
        Some(t) => format!("`{t}`"),
        None => node.kind_name().to_string(),
    }
}

fn unknown_choice<const N: usize>(field: &str, value: &str, choices: [&'static str; N]) -> String {
    let mut message = format!("unknown {field} `{value}` (one of: {}", choices.join(", "));
    if let Some(guess) = did_you_mean(value, choices) {
        message.push_str(&format!("; did you mean `{guess}`?"));
    }
    message.push(')');
    message
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "speaker-1".to_string() } else { out }
}

/// Checks a `YYYY-MM-DD` date against the calendar.
fn check_date(date: &str) -> Result<(), String> {
    let format = "dates are written YYYY-MM-DD, e.g. 2022-01-11";
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(format.into()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return Err(format.into());
    }
    let (year, month, day): (u32, u32, u32) =
        (y.parse().map_err(|_| format)?, m.parse().map_err(|_| format)?, d.parse().map_err(|_| format)?);
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        return Err(format!("{} {year} has {days} days", MONTHS[month as usize - 1]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(check_date("2022-01-11").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        assert_eq!(check_date("2023-02-29").unwrap_err(), "February 2023 has 28 days");
        assert!(check_date("2022-1-11").is_err());
        assert!(check_date("Jan 11").is_err());
        assert_eq!(check_date("2022-13-01").unwrap_err(), "there is no month 13");
    }

    #[test]
    fn ids() {
        assert!(is_id("ryabkov_2-x"));
        assert!(!is_id("Ryabkov"));
        assert_eq!(suggest_id("Wendy Sherman"), "wendy-sherman");
    }
}
