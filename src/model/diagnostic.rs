//! Diagnostics: what is wrong with a file, where, and how to fix it.

use super::locate::Position;
use crate::text;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem, at one place in an annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, named as the user gave it.
    pub file: String,
    pub severity: Severity,
    pub position: Position,
    pub message: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `FILE:LINE:COL: error|warning: message`, safe to print.
    pub fn render(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            text::one_line(&self.file),
            self.position.line,
            self.position.column,
            self.severity,
            text::one_line(&self.message)
        )
    }
}

/// The candidate closest to `unknown` by edit distance, if it is close
/// enough to be a plausible typo.
pub fn did_you_mean<'a>(unknown: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (unknown.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&unknown.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit && *d < unknown.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "(speakers are: a, b, c, …; did you mean `b`?)"-style help for an
/// unknown name, listing a few of the known ones.
pub fn known_list<'a>(what: &str, unknown: &str, known: impl Iterator<Item = &'a str> + Clone) -> String {
    const SHOWN: usize = 8;
    let total = known.clone().count();
    if total == 0 {
        return format!("(there are no {what})");
    }
    let mut list: Vec<&str> = known.clone().take(SHOWN).collect();
    if total > SHOWN {
        list.push("…");
    }
    let mut out = format!("({what} are: {}", list.join(", "));
    if let Some(guess) = did_you_mean(unknown, known) {
        out.push_str(&format!("; did you mean `{guess}`?"));
    }
    out.push(')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("ryabkow", ["sherman", "ryabkov"]), Some("ryabkov"));
        assert_eq!(did_you_mean("zz", ["sherman", "ryabkov"]), None);
        assert_eq!(
            known_list("speakers", "ryabkow", ["sherman", "ryabkov"].into_iter()),
            "(speakers are: sherman, ryabkov; did you mean `ryabkov`?)"
        );
    }

    #[test]
    fn rendering_is_safe() {
        let d = Diagnostic {
            file: "f.yaml".into(),
            severity: Severity::Error,
            position: Position { line: 3, column: 7 },
            message: "unknown speaker `a\x1b[2Jb`".into(),
        };
        assert_eq!(d.render(), "f.yaml:3:7: error: unknown speaker `a␛[2Jb`");
    }
}
