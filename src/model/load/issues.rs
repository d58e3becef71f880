//! The `issues:` section: each issue checked, its `parent` kept to resolve
//! once every file's issues are known.

use super::fields::{Fields, IdRef, Walker};
use crate::model::locate::NodePath;
use crate::model::yaml::Node;
use std::collections::HashMap;

pub const ISSUE_KEYS: &[&str] =
    &["id", "title", "proposition", "short", "summary", "parent", "dispute", "same_as", "opposite_of"];

/// The most characters a `short` proposition may have: it stands beside a
/// stance in a list row.
pub const SHORT_MAX: usize = 40;

/// An issue as one file defines it.
#[derive(Clone)]
pub struct RawIssue {
    pub path: NodePath,
    pub id: IdRef,
    pub title: String,
    pub proposition: Option<String>,
    pub short: Option<String>,
    pub summary: Option<String>,
    pub parent: Option<IdRef>,
    /// `dispute: false`: stances on it never add to a side in totals.
    pub dispute: bool,
    /// `same_as: ISSUE` (false) or `opposite_of: ISSUE` (true): another
    /// annotator's issue for the same proposition, or for its negation.
    pub counted_as: Option<(IdRef, bool)>,
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
            let short = self.text(&mut f, "short", "an issue", false).and_then(|(short, path)| {
                let n = short.chars().count();
                if n > SHORT_MAX {
                    self.error(
                        path,
                        format!(
                            "`short` has {n} characters; at most {SHORT_MAX} fit beside a stance \
                             (say the proposition in fewer words; `proposition` keeps the whole)"
                        ),
                    );
                    return None;
                }
                Some(short)
            });
            let summary = self.text(&mut f, "summary", "an issue", false).map(|t| t.0);
            let parent = self.text(&mut f, "parent", "an issue", false);
            let mut dispute = true;
            if let Some((node, path)) = f.take("dispute") {
                match node {
                    Node::Bool(b) => dispute = b,
                    Node::Null => {}
                    other => self.error(
                        path,
                        format!("`dispute` should be true or false, found {}", super::fields::show(&other)),
                    ),
                }
            }
            let same_as = self.text(&mut f, "same_as", "an issue", false);
            let opposite_of = self.text(&mut f, "opposite_of", "an issue", false);
            let counted_as = match (same_as, opposite_of) {
                (Some(_), Some((_, path))) => {
                    self.error(path, "an issue is `same_as` another or `opposite_of` it, not both");
                    None
                }
                (Some(r), None) => Some((r, false)),
                (None, Some(r)) => Some((r, true)),
                (None, None) => None,
            };
            let Some((id, id_path)) = id else { continue };
            if !self.unique_id(&mut ids, "issue", &id, out.len(), id_path) {
                continue;
            }
            let title = title.map(|t| t.0).unwrap_or_else(|| id.clone());
            out.push(RawIssue {
                path,
                id: (id, id_path),
                title,
                proposition,
                short,
                summary,
                parent,
                dispute,
                counted_as,
            });
        }
        out
    }
}
