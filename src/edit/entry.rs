//! Where an entry of a top-level list (a quote of `quotes:`) is written in
//! its file, and the lines of each of its keys: what an edit replaces, so
//! that every other byte of the file stays as it was. Found with the
//! span-aware parser that places diagnostics; an entry written in flow
//! style (`- {id: a, …}`) is not edited here.

use saphyr_parser::{Event, Parser};
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

/// Item `index` of the top-level list `list`, or why it cannot be edited.
pub fn find(source: &str, list: &str, index: usize) -> Result<Entry, String> {
    // Lines are counted at `\n` here; a lone CR, which YAML also takes
    // for a line break, would put every position after it off.
    if source.replace("\r\n", "").contains('\r') {
        return Err("its lines end in a lone CR (old Mac style); e edits it in your editor".into());
    }
    // Nodes are counted per open list or mapping, as diagnostics name them.
    struct Frame {
        mapping: bool,
        next: u32,
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut in_list = false; // the root's value for `list` is open
    let mut entry_start: Option<(usize, usize)> = None;
    let mut keys: Vec<(String, usize, usize)> = Vec::new();
    let mut after: Option<(usize, usize)> = None;
    let mut root_key_is_list = false;
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { return Err("it is not valid YAML".into()) };
        let at = (span.start.line(), span.start.col());
        let is_node = matches!(
            event,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(_)
        );
        if is_node {
            let depth = stack.len();
            let step = stack.last().map(|f| f.next);
            if let Some(frame) = stack.last_mut() {
                frame.next += 1;
            }
            match (depth, step) {
                (1, Some(step)) if step % 2 == 0 => {
                    if entry_start.is_some() && after.is_none() {
                        after = Some(at);
                    }
                    root_key_is_list = matches!(&event, Event::Scalar(k, ..) if k == list);
                }
                (1, Some(_)) => in_list = root_key_is_list,
                (2, Some(step)) if in_list && step as usize == index => entry_start = Some(at),
                (2, Some(step)) if in_list && step as usize == index + 1 && after.is_none() => {
                    after = Some(at)
                }
                (3, Some(step)) if in_list && entry_start.is_some() && after.is_none() && step % 2 == 0 => {
                    if let Event::Scalar(name, ..) = &event {
                        keys.push((name.to_string(), at.0, at.1));
                    }
                }
                _ => {}
            }
            if matches!(event, Event::SequenceStart(..) | Event::MappingStart(..)) {
                stack.push(Frame { mapping: matches!(event, Event::MappingStart(..)), next: 0 });
            }
        } else if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            let frame = stack.pop();
            if stack.len() == 1 && frame.is_some_and(|f| !f.mapping) {
                in_list = false;
            }
        }
    }
    let Some((line, col)) = entry_start else {
        return Err(format!("its `{list}` has no entry {}", index + 1));
    };
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
    let first_key_line = starts[keys[0].1 - 1];
    let mut end = first_key_line;
    let mut at = first_key_line;
    for line in source[first_key_line..region_end].split_inclusive('\n') {
        at += line.len();
        let content = line.trim();
        if !(content.is_empty() || content.starts_with('#')) || end == first_key_line {
            end = at;
        }
    }
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
        let mut last = from;
        let mut at = from;
        for line in source[from..to.max(from)].split_inclusive('\n') {
            at += line.len();
            let content = line.trim();
            if !(content.is_empty() || content.starts_with('#')) || last == from {
                last = at;
            }
        }
        lines.push(KeyLines { name: name.clone(), range: from..last, on_dash_line });
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
