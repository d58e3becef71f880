//! The `speakers:` section: each speaker checked, its group reference kept
//! to resolve once every file's speakers are known.

use super::fields::{Fields, IdRef, Walker};
use crate::model::locate::NodePath;
use std::collections::HashMap;

pub const SPEAKER_KEYS: &[&str] = &["id", "name", "role", "affiliation", "aliases", "member_of"];

/// A speaker as one file defines it.
#[derive(Clone)]
pub struct RawSpeaker {
    pub path: NodePath,
    pub id: IdRef,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub member_of: Option<IdRef>,
}

impl Walker {
    /// The speakers, each checked; duplicates are reported and left out.
    pub fn speakers(&mut self, root: &mut Fields) -> Vec<RawSpeaker> {
        let mut out = Vec::new();
        let mut ids = HashMap::new();
        for (node, path) in self.section(root, "speakers") {
            let Some(mut f) = self.fields(node, path, "a speaker", SPEAKER_KEYS) else { continue };
            let id = self.text(&mut f, "id", "a speaker", true);
            let name = self.text(&mut f, "name", "a speaker", true);
            let role = self.text(&mut f, "role", "a speaker", false).map(|t| t.0);
            let affiliation = self.text(&mut f, "affiliation", "a speaker", false).map(|t| t.0);
            let aliases = self.text_list(&mut f, "aliases").into_iter().map(|t| t.0).collect();
            let member_of = self.text(&mut f, "member_of", "a speaker", false);
            let Some((id, id_path)) = id else { continue };
            if !is_id(&id) {
                let message = format!(
                    "speaker id `{id}` may use only a-z, 0-9, `_` and `-` (try `{}`)",
                    suggest_id(&id)
                );
                self.error(id_path, message);
            }
            if !self.unique_id(&mut ids, "speaker", &id, out.len(), id_path) {
                continue;
            }
            let name = name.map(|t| t.0).unwrap_or_else(|| id.clone());
            out.push(RawSpeaker { path, id: (id, id_path), name, role, affiliation, aliases, member_of });
        }
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_id("ryabkov_2-x"));
        assert!(!is_id("Ryabkov"));
        assert_eq!(suggest_id("Wendy Sherman"), "wendy-sherman");
    }
}
