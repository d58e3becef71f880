//! Where an entry of a top-level list (a quote of `quotes:`) is written in
//! its file, and the lines of each of its keys: what an edit replaces, so
//! that every other byte of the file stays as it was. Found where
//! diagnostics are placed ([`locate`]); an entry written in flow style
//! (`- {id: a, …}`) is not edited here.

use crate::model::locate::{NodePath, Position, locate};
use crate::model::yaml::{self, Node};
use std::ops::Range;

/// One entry of a list, as lines of its file.
#[derive(Debug)]
pub struct Entry {
    /// The start of its first line (its `- ` line), comments attached
    /// above it included: what deleting it removes.
    pub start: usize,
    /// Just past its last line that is neither blank nor a comment.
    pub end: usize,
    /// The column of its keys, in bytes (4 for `  - id: …`).
    pub indent: usize,
    pub keys: Vec<KeyLines>,
}

/// A key of an entry and the lines of its value.
#[derive(Debug)]
pub struct KeyLines {
    pub name: String,
    /// From the key (the start of its line, unless it shares the `- `
    /// line) to the next key, or to the entry's end.
    pub range: Range<usize>,
    /// Whether it is written on the entry's `- ` line.
    pub on_dash_line: bool,
}

impl Entry {
    pub fn key(&self, name: &str) -> Option<&KeyLines> {
        self.keys.iter().find(|k| k.name == name)
    }
}

/// Byte offsets of each line's start.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// The byte offset of a 1-based line and 0-based column in characters.
fn offset(source: &str, starts: &[usize], line: usize, col: usize) -> usize {
    let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(source.len());
    source[start..].char_indices().nth(col).map_or(source.len(), |(i, _)| start + i)
}

/// Just past the last line of `lines` (its first always counts) that is
/// neither blank nor a comment: the blank lines and comments after it
/// belong to what follows.
fn content_end(source: &str, lines: Range<usize>) -> usize {
    let mut end = lines.start;
    let mut at = lines.start;
    for line in source[lines.clone()].split_inclusive('\n') {
        at += line.len();
        let content = line.trim();
        if !(content.is_empty() || content.starts_with('#')) || end == lines.start {
            end = at;
        }
    }
    end
}

/// Item `index` of the top-level list `list`, or why it cannot be edited.
pub fn find(source: &str, list: &str, index: usize) -> Result<Entry, String> {
    // Lines are counted at `\n` here; a lone CR, which YAML also takes
    // for a line break, would put every position after it off.
    if source.replace("\r\n", "").contains('\r') {
        return Err("its lines end in a lone CR (old Mac style); e edits it in your editor".into());
    }
    let Ok(Node::Map(root)) = yaml::parse(source) else { return Err("it is not valid YAML".into()) };
    let no_entry = || format!("its `{list}` has no entry {}", index + 1);
    let at = root.iter().position(|(k, _)| matches!(k, Node::Str(s) if s == list)).ok_or_else(no_entry)?;
    let Node::Seq(items) = &root[at].1 else { return Err(no_entry()) };
    let names: Vec<String> = match items.get(index) {
        None => return Err(no_entry()),
        Some(Node::Map(keys)) => keys.iter().map(|(k, _)| k.as_text().unwrap_or_default()).collect(),
        Some(_) => return Err("the entry is not a mapping of keys; e edits it in your editor".into()),
    };
    // Where the entry and each of its keys start, and where what follows
    // it starts (the next entry, else the next top-level key), found as
    // diagnostics find what they name.
    let list_path = NodePath::ROOT.child(2 * at as u32 + 1);
    let entry_path = list_path.child(index as u32);
    let mut paths = vec![entry_path];
    paths.extend((0..names.len()).map(|k| entry_path.child(2 * k as u32)));
    let next = if index + 1 < items.len() {
        Some(list_path.child(index as u32 + 1))
    } else {
        (at + 1 < root.len()).then(|| NodePath::ROOT.child(2 * (at as u32 + 1)))
    };
    paths.extend(next);
    let positions = locate(source, &paths);
    let place = |p: &Position| (p.line, p.column - 1);
    let (line, col) = place(&positions[0]);
    let keys: Vec<(String, usize, usize)> =
        names.into_iter().zip(&positions[1..]).map(|(name, p)| (name, place(p).0, place(p).1)).collect();
    let after = next.and_then(|_| positions.last()).map(place);
    let starts = line_starts(source);
    let start_byte = offset(source, &starts, line, col);
    if source[start_byte..].starts_with('{') || keys.is_empty() {
        return Err("the entry is written in flow style (`{…}`); e edits it in your editor".into());
    }
    let dash_line = line;
    let line_start = starts[line - 1];
    let indent = keys[0].2;
    // The entry ends where what follows begins, less the blank lines and
    // comments before it (they belong to what follows).
    let region_end = after.map_or(source.len(), |(l, _)| starts[l - 1]);
    let end = content_end(source, starts[keys[0].1 - 1]..region_end);
    // Comments at the entry's indentation just above it are its own.
    let dash_indent = source[line_start..].len() - source[line_start..].trim_start_matches(' ').len();
    let mut start = line_start;
    while start > 0 {
        let previous = source[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = &source[previous..start];
        let own_indent = line.len() - line.trim_start_matches(' ').len();
        if !(line.trim_start().starts_with('#') && own_indent == dash_indent) {
            break;
        }
        start = previous;
    }
    let mut lines = Vec::new();
    for (i, (name, key_line, key_col)) in keys.iter().enumerate() {
        if i > 0 && *key_line == keys[i - 1].1 {
            return Err("the entry has several keys on one line; e edits it in your editor".into());
        }
        let on_dash_line = *key_line == dash_line;
        let from =
            if on_dash_line { offset(source, &starts, *key_line, *key_col) } else { starts[key_line - 1] };
        let to = keys.get(i + 1).map_or(end, |(_, l, _)| starts[l - 1]);
        // Comments and blank lines after a value are not the value's.
        let range = from..content_end(source, from..to.max(from));
        lines.push(KeyLines { name: name.clone(), range, on_dash_line });
    }
    let indent_bytes = offset(source, &starts, keys[0].1, indent) - starts[keys[0].1 - 1];
    Ok(Entry { start, end, indent: indent_bytes, keys: lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "speakers:\n  - id: a\n    name: A\nquotes:\n  # first\n  - id: q1\n    speaker: a\n    text: >-\n      two\n      lines\n\n  # 90% · second\n  - id: q2\n    speaker: a   # who\n    text: \"hi\"\n# the end\nrejected: []\n";

    #[test]
    fn finds_each_key_and_the_entry_with_its_comments() {
        let e = find(FILE, "quotes", 0).unwrap();
        assert_eq!(
            &FILE[e.start..e.end],
            "  # first\n  - id: q1\n    speaker: a\n    text: >-\n      two\n      lines\n"
        );
        let names: Vec<&str> = e.keys.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["id", "speaker", "text"]);
        assert_eq!(&FILE[e.keys[0].range.clone()], "id: q1\n");
        assert!(e.keys[0].on_dash_line);
        assert_eq!(&FILE[e.keys[2].range.clone()], "    text: >-\n      two\n      lines\n");
        assert_eq!(e.indent, 4);
        let e = find(FILE, "quotes", 1).unwrap();
        assert_eq!(
            &FILE[e.start..e.end],
            "  # 90% · second\n  - id: q2\n    speaker: a   # who\n    text: \"hi\"\n"
        );
        assert!(find(FILE, "quotes", 2).is_err());
        assert!(find("quotes:\n  - {id: a, text: b}\n", "quotes", 0).unwrap_err().contains("flow"));
    }
}
