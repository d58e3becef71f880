//! The primitives every section reader uses: a mapping checked against the
//! keys it may have, text fields, lists, and the diagnostics collected on
//! the way, each naming its node by a [`NodePath`].

use crate::model::diagnostic::{Severity, did_you_mean, known_list};
use crate::model::locate::NodePath;
use crate::model::yaml::Node;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

/// A problem found in one file, named by its node; its line and column are
/// looked up once, at the end, and only when there is something to report.
#[derive(Clone)]
pub struct Pending {
    pub severity: Severity,
    pub path: NodePath,
    pub message: String,
}

/// An id and where it was written.
pub type IdRef = (String, NodePath);

/// The diagnostics of one file, as they are found.
#[derive(Default, Clone)]
pub struct Walker {
    pub pending: Vec<Pending>,
}

/// A mapping checked against the keys it may have. Values are taken out
/// as they are read, so that strings move into the model uncopied.
pub struct Fields {
    pub path: NodePath,
    entries: Vec<(Node, Node)>,
    allowed: &'static [&'static str],
    /// Entry index of each allowed key, when present.
    slots: [Option<u32>; MAX_KEYS],
}

/// The most keys a mapping of the format may have.
pub const MAX_KEYS: usize = 16;

impl Fields {
    pub fn entry(&self, key: &str) -> Option<u32> {
        let i = self.allowed.iter().position(|k| *k == key)?;
        self.slots[i]
    }

    pub fn get(&self, key: &str) -> Option<(&Node, NodePath)> {
        let e = self.entry(key)?;
        Some((&self.entries[e as usize].1, self.path.child(2 * e + 1)))
    }

    /// Takes a value out (leaving null in its place).
    pub fn take(&mut self, key: &str) -> Option<(Node, NodePath)> {
        let e = self.entry(key)?;
        let value = std::mem::replace(&mut self.entries[e as usize].1, Node::Null);
        Some((value, self.path.child(2 * e + 1)))
    }

    pub fn key_path(&self, key: &str) -> Option<NodePath> {
        self.entry(key).map(|e| self.path.child(2 * e))
    }
}

impl Walker {
    pub fn error(&mut self, path: NodePath, message: impl Into<String>) {
        self.pending.push(Pending { severity: Severity::Error, path, message: message.into() });
    }

    pub fn warning(&mut self, path: NodePath, message: impl Into<String>) {
        self.pending.push(Pending { severity: Severity::Warning, path, message: message.into() });
    }

    pub fn has_errors(&self) -> bool {
        self.pending.iter().any(|p| p.severity == Severity::Error)
    }

    /// Checks that `node` is a mapping with only allowed, unique keys.
    pub fn fields(
        &mut self,
        node: Node,
        path: NodePath,
        what: &str,
        allowed: &'static [&'static str],
    ) -> Option<Fields> {
        debug_assert!(allowed.len() <= MAX_KEYS);
        let Node::Map(entries) = node else {
            self.error(
                path,
                format!("{what} should be a mapping (`key: value` lines), found {}", node.kind_name()),
            );
            return None;
        };
        let mut slots = [None; MAX_KEYS];
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
    pub fn text(
        &mut self,
        f: &mut Fields,
        key: &str,
        what: &str,
        required: bool,
    ) -> Option<(String, NodePath)> {
        let Some((node, path)) = f.take(key) else {
            if required {
                self.error(f.path, format!("{what} is missing `{key}`"));
            }
            return None;
        };
        self.text_node(node, path, key, required)
    }

    /// A node that should be text (`key` names it in messages).
    pub fn text_node(
        &mut self,
        node: Node,
        path: NodePath,
        key: &str,
        required: bool,
    ) -> Option<(String, NodePath)> {
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
    pub fn text_list(&mut self, f: &mut Fields, key: &str) -> Vec<(String, NodePath)> {
        let Some((node, path)) = f.take(key) else { return Vec::new() };
        match node {
            Node::Null => Vec::new(),
            Node::Seq(items) => self.text_items(items, path, key),
            _ => {
                self.error(path, format!("`{key}` should be a list (`[a, b]`), found {}", node.kind_name()));
                Vec::new()
            }
        }
    }

    /// The items of a list that should all be text.
    pub fn text_items(&mut self, items: Vec<Node>, path: NodePath, key: &str) -> Vec<(String, NodePath)> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let item_path = path.child(i as u32);
            match item.into_text() {
                Ok(s) => out.push((s, item_path)),
                Err(item) => self
                    .error(item_path, format!("items of `{key}` should be text, found {}", item.kind_name())),
            }
        }
        out
    }

    /// The items of a top-level list (`speakers`, `issues`, `quotes`).
    pub fn section(&mut self, root: &mut Fields, key: &str) -> Vec<(Node, NodePath)> {
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
    pub fn unique_id<S: BuildHasher>(
        &mut self,
        seen: &mut HashMap<String, usize, S>,
        what: &str,
        id: &str,
        index: usize,
        path: NodePath,
    ) -> bool {
        match seen.entry(id.to_string()) {
            Entry::Occupied(_) => {
                self.duplicate_id(what, id, path);
                false
            }
            Entry::Vacant(slot) => {
                slot.insert(index);
                true
            }
        }
    }

    pub fn duplicate_id(&mut self, what: &str, id: &str, path: NodePath) {
        self.error(path, format!("duplicate {what} id `{id}` (ids must be unique)"));
    }

    /// Resolves a reference, reporting an unknown one with the known ids.
    pub fn resolve(
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
}

/// `unknown kind `x` (one of: a, b; did you mean `a`?)`
pub fn unknown_choice<const N: usize>(field: &str, value: &str, choices: [&'static str; N]) -> String {
    let mut message = format!("unknown {field} `{value}` (one of: {}", choices.join(", "));
    if let Some(guess) = did_you_mean(value, choices) {
        message.push_str(&format!("; did you mean `{guess}`?"));
    }
    message.push(')');
    message
}

/// A node as a message shows it: its text, or what kind of node it is.
pub fn show(node: &Node) -> String {
    match node.as_text() {
        Some(t) => format!("`{t}`"),
        None => node.kind_name().to_string(),
    }
}

pub fn times(n: usize) -> String {
    if n == 1 { "once".to_string() } else { format!("{n} times") }
}
