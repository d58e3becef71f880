//! The `issues:` section: each issue checked, its `parent` kept to resolve
//! once every file's issues are known.

use super::fields::{Fields, IdRef, Walker};
use crate::model::locate::NodePath;
use std::collections::HashMap;

pub const ISSUE_KEYS: &[&str] = &["id", "title", "proposition", "summary", "parent"];

/// An issue as one file defines it.
#[derive(Clone)]
pub struct RawIssue {
    pub path: NodePath,
    pub id: IdRef,
    pub title: String,
    pub proposition: Option<String>,
    pub summary: Option<String>,
    pub parent: Option<IdRef>,
}

impl Walker {
    /// The issues, each checked; duplicates are reported and left out.
    pub fn issues(&mut self, root: &mut Fields) -> Vec<RawIssue> {
        let mut out = Vec::new();
        let mut ids = HashMap::new();
        for (node, path) in self.section(root, "issues") {
            let Some(mut f) = self.fields(node, path, "an issue", ISSUE_KEYS) else { continue };
            let id = self.text(&mut f, "id", "an issue", true);
            let title = self.text(&mut f, "title", "an issue", true);
            let proposition = self.text(&mut f, "proposition", "an issue", false).map(|t| t.0);
            let summary = self.text(&mut f, "summary", "an issue", false).map(|t| t.0);
            let parent = self.text(&mut f, "parent", "an issue", false);
            let Some((id, id_path)) = id else { continue };
            if !self.unique_id(&mut ids, "issue", &id, out.len(), id_path) {
                continue;
            }
            let title = title.map(|t| t.0).unwrap_or_else(|| id.clone());
            out.push(RawIssue { path, id: (id, id_path), title, proposition, summary, parent });
        }
        out
    }
}
