//! Turns: the speaker labels of a transcript (`MS. PSAKI:`, `THE
//! PRESIDENT:`, `SENIOR ADMINISTRATION OFFICIAL:`, `Q`) and of a press
//! interview (`“SP”: –` for the interviewer, a paragraph opening with a
//! dash for the answer), and the speaker each label stands for.

use super::people::{Cast, PersonIx, Sort};

/// A transcript's label at the start of a paragraph: the label as written
/// and the byte (in the paragraph) where the words begin. `Q` counts only
/// when followed by white space, `:` or `.`; other labels are capitals
/// followed by a colon.
pub fn transcript_label(para: &str) -> Option<(&str, usize)> {
    if let Some(rest) = para.strip_prefix('Q') {
        let after = rest.trim_start_matches([':', '.']);
        let skipped = rest.len() - after.len();
        if skipped <= 1 && after.starts_with(char::is_whitespace) {
            return Some(("Q", body_start(para, 1 + skipped)));
        }
    }
    // `A:` answers a `Q:` (a bare `A` would be the article of a sentence).
    if para.strip_prefix("A:").is_some_and(|rest| rest.starts_with(char::is_whitespace)) {
        return Some(("A", body_start(para, 2)));
    }
    let colon = para.find(':').filter(|&c| c <= 60)?;
    let label = &para[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let capitals_only = label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'));
    let followed = para[colon + 1..].chars().next().is_none_or(char::is_whitespace);
    (letters >= 2 && capitals_only && followed).then(|| (label.trim(), body_start(para, colon + 1)))
}

/// A label in ordinary letters (`Interviewer:`, `Tamsin Arkwright:`):
/// one to three capitalized words and a colon. A transcript's only when
/// the same label starts several paragraphs.
pub fn named_label(para: &str) -> Option<(&str, usize)> {
    let colon = para.find(':').filter(|&c| c <= 40)?;
    let label = &para[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let named = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
        });
    let followed = para[colon + 1..].starts_with(char::is_whitespace);
    (named && followed && body_start(para, colon + 1) < para.len())
        .then(|| (label, body_start(para, colon + 1)))
}

/// Who a question-and-answer interview is by and with: `Interview by X`
/// names the interviewer; the first other person the introduction names
/// is the one who answers.
#[derive(Debug, Default)]
pub struct Interview {
    pub interviewer: Option<String>,
    pub interviewee: Option<String>,
}

/// A press interview's label for a question: a short quoted or plain name
/// and a colon, perhaps a dash (`“SP”: –`, `Question:`).
pub fn interview_label(para: &str) -> Option<(&str, usize)> {
    let colon = para.find(':').filter(|&c| c <= 24)?;
    let label = para[..colon].trim_matches(|c: char| super::prose::is_quote_mark(c) || c.is_whitespace());
    let quoted = para.starts_with(super::prose::is_quote_mark);
    let words = label.split_whitespace().count();
    let is_question = label.eq_ignore_ascii_case("question");
    if !(quoted || is_question) || words == 0 || words > 3 || label.contains(['.', ',']) {
        return None;
    }
    let body = body_start(para, colon + 1);
    let body = body + dash_len(&para[body..]);
    (body < para.len()).then_some((label, body))
}

/// A paragraph that opens with a dash, as a press interview writes an
/// answer: the byte where the words begin.
pub fn dash_answer(para: &str) -> Option<usize> {
    let len = dash_len(para);
    (len > 0 && len < para.len()).then_some(len)
}

fn dash_len(s: &str) -> usize {
    let trimmed = s.trim_start_matches(['–', '—', '-']);
    let dashes = s.len() - trimmed.len();
    if dashes == 0 || dashes > 3 || !trimmed.starts_with(char::is_whitespace) {
        return 0;
    }
    s.len() - trimmed.trim_start().len()
}

fn body_start(para: &str, from: usize) -> usize {
    from + (para[from..].len() - para[from..].trim_start().len())
}

/// `MS. PSAKI` → `Ms. Psaki`.
fn title_case(label: &str) -> String {
    label
        .split_whitespace()
        .map(|word| {
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase())
                } else {
                    out.extend(c.to_lowercase())
                }
                start = !c.is_alphabetic();
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of labels that name a role, not a person.
const ROLE_WORDS: &[&str] = &[
    "the",
    "senior",
    "administration",
    "official",
    "officials",
    "moderator",
    "operator",
    "president",
    "vice",
    "secretary",
    "spokesperson",
    "spokesman",
    "press",
    "interpreter",
    "participant",
    "speaker",
    "chair",
    "chairman",
    "host",
    "reporter",
    "journalist",
    "staff",
    "audience",
    "member",
    "members",
    "first",
    "lady",
    "ambassador",
    "general",
    "minister",
    "prime",
    "deputy",
    "national",
    "security",
    "advisor",
    "adviser",
    "director",
    "senator",
    "governor",
    "administrator",
    "mr",
    "ms",
    "mrs",
    "dr",
];

fn is_role_word(word: &str) -> bool {
    ROLE_WORDS.contains(&word.to_lowercase().trim_end_matches('.'))
}

/// The speaker a label stands for. `Q` is the reporters; `MS. PSAKI` is
/// the person whose full name the text gives (`Jen Psaki`) or Ms. Psaki;
/// `THE PRESIDENT` is the person the text most often titles President;
/// a label of role words alone is that role.
pub fn label_speaker(text: &str, label: &str, interview: &Interview, cast: &mut Cast) -> PersonIx {
    match (label, &interview.interviewer, &interview.interviewee) {
        ("Q" | "Interviewer" | "INTERVIEWER", Some(name), _) => return cast.named(name, Some("interviewer")),
        ("Q", None, _) => {
            return cast.other("Reporters", Sort::Group, Some("the reporters asking questions"));
        }
        ("A", _, Some(name)) => return cast.named(name, None),
        ("A", _, None) => {
            return cast.other("Unknown speaker", Sort::Unknown, Some("not found in the text: fix by hand"));
        }
        _ => {}
    }
    let written = if label.chars().any(char::is_lowercase) { label.to_string() } else { title_case(label) };
    let words: Vec<&str> = written.split_whitespace().collect();
    // `THE WITNESS`, `THE MODERATOR`: a role, whatever its word.
    if words.iter().all(|w| is_role_word(w)) || (words.len() > 1 && words[0].eq_ignore_ascii_case("the")) {
        let title =
            words.iter().skip_while(|w| w.eq_ignore_ascii_case("the")).copied().collect::<Vec<_>>().join(" ");
        if !title.is_empty()
            && words[0].eq_ignore_ascii_case("the")
            && let Some(surname) = Cast::titled(text, &title)
        {
            let name = Cast::full_name(text, &surname).unwrap_or(surname);
            let person = cast.named(&name, Some(&title));
            cast.alias(person, &written);
            return person;
        }
        return cast.other(&super::prose::capitalize(&written.to_lowercase()), Sort::Label, None);
    }
    let surname = words.last().copied().unwrap_or(&written);
    let title: Vec<&str> = words[..words.len() - 1].iter().copied().filter(|w| is_role_word(w)).collect();
    let title = (!title.is_empty()).then(|| title.join(" "));
    let name = Cast::full_name(text, surname).unwrap_or_else(|| written.clone());
    let person = cast.named(&name, title.as_deref());
    cast.alias(person, &written);
    person
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_labels() {
        assert_eq!(transcript_label("MS. PSAKI:  Hi, everyone."), Some(("MS. PSAKI", 12)));
        assert_eq!(transcript_label("Q    Thanks, Jen."), Some(("Q", 5)));
        assert_eq!(transcript_label("Q: Why?"), Some(("Q", 3)));
        assert_eq!(
            transcript_label("SENIOR ADMINISTRATION OFFICIAL:  Great."),
            Some(("SENIOR ADMINISTRATION OFFICIAL", 33))
        );
        assert_eq!(transcript_label("END 3:30 P.M. EST"), None);
        assert_eq!(transcript_label("Quite so: yes."), None);
        assert_eq!(transcript_label("NATO is here: yes."), None);
    }

    #[test]
    fn interview_labels_and_dashes() {
        let para = "“SP”: – If the situation reaches an impasse?";
        let (label, body) = interview_label(para).unwrap();
        assert_eq!((label, &para[body..]), ("SP", "If the situation reaches an impasse?"));
        assert_eq!(dash_answer("– Of course."), Some("– ".len()));
        assert_eq!(dash_answer("—No."), None);
        assert_eq!(interview_label("Article Categories:"), None);
    }

    #[test]
    fn labels_name_people() {
        let text = "President Biden spoke. Jen Psaki said. President Biden again, and President Putin.";
        let mut cast = Cast::default();
        let none = Interview::default();
        let president = label_speaker(text, "THE PRESIDENT", &none, &mut cast);
        assert_eq!(cast.people[president].name, "Biden");
        let psaki = label_speaker(text, "MS. PSAKI", &none, &mut cast);
        assert_eq!(
            (cast.people[psaki].name.as_str(), cast.people[psaki].aliases.clone()),
            ("Jen Psaki", vec!["Ms. Psaki".to_string()])
        );
        let official = label_speaker(text, "SENIOR ADMINISTRATION OFFICIAL", &none, &mut cast);
        assert_eq!(cast.people[official].name, "Senior administration official");
        let q = label_speaker(text, "Q", &none, &mut cast);
        assert_eq!(cast.people[q].name, "Reporters");
    }
}
