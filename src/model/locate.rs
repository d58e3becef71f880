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
pub type NodePath = Vec<u32>;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };
}

enum Frame {
    Seq { path: NodePath, next: u32 },
    Map { path: NodePath, next: u32 },
}

/// The position of every path in `wanted`, in the same order. A path that
/// cannot be found (deeper than an alias, say) gets its nearest ancestor's.
pub fn locate(source: &str, wanted: &[NodePath]) -> Vec<Position> {
    let need: HashSet<&[u32]> =
        wanted.iter().flat_map(|path| (0..=path.len()).map(move |len| &path[..len])).collect();
    let mut positions: HashMap<NodePath, Position> = HashMap::new();
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
                Some(Frame::Seq { path, next }) => {
                    let mut p = path.clone();
                    p.push(*next);
                    *next += 1;
                    p
                }
                Some(Frame::Map { path, next }) => {
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
            match event {
                Event::SequenceStart(..) => stack.push(Frame::Seq { path, next: 0 }),
                Event::MappingStart(..) => stack.push(Frame::Map { path, next: 0 }),
                _ => {}
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
            (0..=path.len())
                .rev()
                .find_map(|len| positions.get(&path[..len]).copied())
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
        let got = locate(
            src,
            &[
                vec![],
                vec![0],       // key `article`
                vec![1, 1],    // value of `title`
                vec![3, 0],    // first speaker (its mapping)
                vec![3, 0, 3], // its `name` value
                vec![3, 1, 2], // second speaker's `name` key
                vec![3, 9, 9], // not there: nearest ancestor (the list)
            ],
        );
        let p = |line, column| Position { line, column };
        assert_eq!(got, vec![p(1, 1), p(1, 1), p(2, 10), p(4, 5), p(5, 11), p(6, 13), p(4, 3)]);
    }
}
