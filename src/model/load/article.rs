//! The `article:` section: its particulars and its text, inline or read
//! from the file it names.

use super::fields::{Fields, Walker, show};
use super::read::{TextFiles, utf8_error_at};
use crate::model::Article;
use crate::model::locate::NodePath;
use crate::model::yaml::Node;

pub const ARTICLE_KEYS: &[&str] =
    &["id", "title", "source", "date", "url", "lang", "reflow", "text_file", "text"];

impl Walker {
    /// The article's particulars, and where its text is: it is read apart
    /// ([`ArticleText::read`]), on another core while the file is walked.
    pub fn article(&mut self, node: Node, path: NodePath) -> (Article, ArticleText) {
        let mut article = Article::default();
        let Some(mut f) = self.fields(node, path, "the article", ARTICLE_KEYS) else {
            return (article, ArticleText::Missing);
        };
        if let Some((id, id_path)) = self.text(&mut f, "id", "the article", false) {
            if id.contains('/') || id.trim().is_empty() {
                self.error(
                    id_path,
                    format!("article id `{id}` may not contain `/` (quotes are named ARTICLE/QUOTE)"),
                );
            } else {
                article.id = id;
            }
        }
        article.title = self.text(&mut f, "title", "the article", true).map(|t| t.0).unwrap_or_default();
        article.source = self.text(&mut f, "source", "the article", false).map(|t| t.0);
        article.url = self.text(&mut f, "url", "the article", false).map(|t| t.0);
        if let Some((lang, lang_path)) = self.text(&mut f, "lang", "the article", false) {
            if is_language_tag(&lang) {
                article.lang = Some(lang);
            } else {
                self.error(
                    lang_path,
                    format!("`lang` should be a language tag such as `en` or `pt-BR`, found `{lang}`"),
                );
            }
        }
        if let Some((node, reflow_path)) = f.take("reflow") {
            match node {
                Node::Bool(b) => article.reflow = Some(b),
                Node::Null => {}
                other => self
                    .error(reflow_path, format!("`reflow` should be true or false, found {}", show(&other))),
            }
        }
        if let Some((date, date_path)) = self.text(&mut f, "date", "the article", false) {
            match check_date(&date) {
                Ok(()) => article.date = Some(date),
                Err(why) => self.error(date_path, format!("invalid date `{date}`: {why}")),
            }
        }
        let text = self.article_text(&mut f);
        (article, text)
    }

    /// Where the text is: `text` or `text_file` (exactly one of them).
    fn article_text(&mut self, f: &mut Fields) -> ArticleText {
        let inline = self.text(f, "text", "the article", false);
        let file = self.text(f, "text_file", "the article", false);
        match (inline, file) {
            (Some(_), Some(_)) => {
                let second = f.entry("text").max(f.entry("text_file"));
                let key = if second == f.entry("text") { "text" } else { "text_file" };
                self.error(
                    f.key_path(key).unwrap_or_default(),
                    "the article has both `text` and `text_file`; keep one of them",
                );
                ArticleText::Missing
            }
            (None, None) => {
                self.error(
                    f.path,
                    "the article has no text: add `text_file: article.txt` (a path relative to \
                     this file) or `text: |` followed by the text",
                );
                ArticleText::Missing
            }
            (Some((text, path)), None) => ArticleText::Inline(text, path),
            (None, Some((name, path))) => ArticleText::File(name, path),
        }
    }

    /// The text as read: its problem said, its lines found; empty when it
    /// could not be had.
    pub fn take_text(&mut self, read: ReadText, article: &mut Article) -> String {
        let (text, path) = match read {
            ReadText::Missing => return String::new(),
            ReadText::Failed { path, why, disk_path } => {
                article.text_file = disk_path;
                self.error(path, why);
                return String::new();
            }
            ReadText::Read { text, path, disk_path, line_starts } => {
                article.text_file = disk_path;
                article.line_starts = line_starts;
                (text, path)
            }
        };
        if text.trim().is_empty() {
            self.warning(path, "the article text is empty");
        }
        text
    }
}

/// Where an article's text is, before it is read.
pub enum ArticleText {
    Missing,
    Inline(String, NodePath),
    /// The file `text_file` names.
    File(String, NodePath),
}

/// An article's text once read (on another core while the rest of the
/// file is walked; see [`super::document`]).
pub enum ReadText {
    Missing,
    /// What is wrong, and the file when it was found (it is watched).
    Failed {
        path: NodePath,
        why: String,
        disk_path: Option<std::path::PathBuf>,
    },
    Read {
        text: String,
        path: NodePath,
        disk_path: Option<std::path::PathBuf>,
        line_starts: Vec<usize>,
    },
}

impl ArticleText {
    /// Reads the text from its file, if it has one, and finds its lines.
    pub fn read(self, text_files: &TextFiles) -> ReadText {
        let (text, path, disk_path) = match self {
            ArticleText::Missing => return ReadText::Missing,
            ArticleText::Inline(text, path) => (text, path, None),
            ArticleText::File(name, path) => match text_files(&name) {
                Err(why) => {
                    let why = format!("cannot read the article text file `{name}`: {why}");
                    return ReadText::Failed { path, why, disk_path: None };
                }
                Ok((bytes, disk_path)) => match String::from_utf8(bytes) {
                    Ok(text) => (text, path, disk_path),
                    Err(e) => {
                        let (at, byte) = utf8_error_at(e.as_bytes(), e.utf8_error().valid_up_to());
                        let why = format!(
                            "the article text file `{name}` is not valid UTF-8 (byte 0x{byte:02x} \
                             at its line {}, column {}); save it as UTF-8",
                            at.line, at.column
                        );
                        return ReadText::Failed { path, why, disk_path };
                    }
                },
            },
        };
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        ReadText::Read { text, path, disk_path, line_starts }
    }
}

/// A BCP 47 tag, checked for its shape: an ISO 639 language of 2–3
/// letters, then subtags of 1–8 letters or digits (`en`, `ru`, `pt-BR`,
/// `zh-Hant-TW`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Checks a `YYYY-MM-DD` date against the calendar.
pub fn check_date(date: &str) -> Result<(), String> {
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
    fn language_tags() {
        for good in ["en", "ru", "pt-BR", "zh-Hant-TW", "de-CH-1996"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "english language", "en_US", "en-", "-en", "en-toolongsubtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert!(check_date("2022-01-11").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        assert_eq!(check_date("2023-02-29").unwrap_err(), "February 2023 has 28 days");
        assert!(check_date("2022-1-11").is_err());
        assert!(check_date("Jan 11").is_err());
        assert_eq!(check_date("2022-13-01").unwrap_err(), "there is no month 13");
    }
}
