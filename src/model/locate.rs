//! Finding the line and column of a node that a diagnostic names.
//!
//! serde_yaml keeps no positions once a document is parsed, so diagnostics
//! name nodes by their [`NodePath`] in the [`Node`](super::yaml::Node) tree.
//! Only when there is something to report does this module run a second,
//! span-aware pass (saphyr-parser's event stream) over the same text and
//! note where each named node starts. A file without problems never pays for
//! it. A node inside an alias's expansion is placed at the alias.

use saphyr_parser::{Event, Parser};
use std::collections::{HashMap, HashSet};

/// Where a node sits in the tree: for a list, the item's index; for a
/// mapping, `2 * entry` for an entry's key and `2 * entry + 1` for its value.
/// Small and `Copy`, so that naming a node costs nothing until a diagnostic
/// needs its position; a path deeper than it holds stops at an ancestor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NodePath {
    len: u8,
    steps: [u32; 7],
}

impl NodePath {
    pub const ROOT: NodePath = NodePath { len: 0, steps: [0; 7] };

    /// One step deeper (or this node, when the path is full).
    pub fn child(self, step: u32) -> NodePath {
        let mut next = self;
        if let Some(slot) = next.steps.get_mut(self.len as usize) {
            *slot = step;
            next.len += 1;
        }
        next
    }

    pub fn steps(&self) -> &[u32] {
        &self.steps[..self.len as usize]
    }

    #[cfg(test)]
    pub fn from_steps(steps: &[u32]) -> NodePath {
        steps.iter().fold(NodePath::ROOT, |p, &s| p.child(s))
    }
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `at` of a text.
    pub fn of_byte(bytes: &[u8], at: usize) -> Position {
        let before = &bytes[..at.min(bytes.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        Position { line, column }
    }
}

/// An open list or mapping, and the step of its next node.
struct Frame {
    path: Vec<u32>,
    next: u32,
}

/// The position of every path in `wanted`, in the same order. A path that
/// cannot be found (deeper than an alias, say) gets its nearest ancestor's.
pub fn locate(source: &str, wanted: &[NodePath]) -> Vec<Position> {
    let need: HashSet<&[u32]> = wanted
        .iter()
        .flat_map(|path| (0..=path.steps().len()).map(move |len| &path.steps()[..len]))
        .collect();
    let mut positions: HashMap<Vec<u32>, Position> = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut started = false;
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { break };
        let is_node = matches!(
            event,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(_)
        );
        if is_node {
            let path = match stack.last_mut() {
                None => {
                    if started {
                        break; // a second document: serde_yaml refuses those anyway
                    }
                    started = true;
                    Vec::new()
                }
                Some(Frame { path, next }) => {
                    let mut p = path.clone();
                    p.push(*next);
                    *next += 1;
                    p
                }
            };
            if need.contains(path.as_slice()) {
                let start = span.start;
                positions
                    .insert(path.clone(), Position { line: start.line().max(1), column: start.col() + 1 });
            }
            if matches!(event, Event::SequenceStart(..) | Event::MappingStart(..)) {
                stack.push(Frame { path, next: 0 });
            }
        } else if matches!(event, Event::SequenceEnd | Event::MappingEnd) {
            stack.pop();
            if stack.is_empty() && started {
                break;
            }
        }
    }
    wanted
        .iter()
        .map(|path| {
            let steps = path.steps();
            (0..=steps.len())
                .rev()
                .find_map(|len| positions.get(&steps[..len]).copied())
                .unwrap_or(Position::START)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_values_and_items() {
        let src = "article:\n  title: T\nspeakers:\n  - id: a\n    name: A\n  - {id: b, name: B}\n";
        let steps: [&[u32]; 7] = [
            &[],
            &[0],       // key `article`
            &[1, 1],    // value of `title`
            &[3, 0],    // first speaker (its mapping)
            &[3, 0, 3], // its `name` value
            &[3, 1, 2], // second speaker's `name` key
            &[3, 9, 9], // not there: nearest ancestor (the list)
        ];
        let paths: Vec<NodePath> = steps.iter().map(|s| NodePath::from_steps(s)).collect();
        let got = locate(src, &paths);
        let p = |line, column| Position { line, column };
        assert_eq!(got, vec![p(1, 1), p(1, 1), p(2, 10), p(4, 5), p(5, 11), p(6, 13), p(4, 3)]);
    }
}
