//! Reported speech: what a sentence says someone said in other words —
//! `Ryabkov stressed that …`, `…, he added.`, `One effort, Kogut said,
//! requires …`, a readout's `both emphasized the importance of …` and `and
//! also reaffirmed …`, `…, saying …` — with who said it. The speakers are
//! found as [`super::clauses`] finds those of quotations.

use super::clauses::{
    DETERMINERS, FINITE, NOT_A_SUBJECT, OBJECT_PRONOUNS, PRONOUNS, TIME_AND_CAUSE, Who, according_to,
    clause_after_words, conjunction, is_verb, role_before, sentence_subject, signature, source_marker,
    source_phrase, subject_after, subject_before,
};
use super::prose::{Lexicon, Word};
use std::ops::Range;

/// Verbs of a readout, whose object is what was said in other words (`Mr.
/// Sullivan stressed the need for the DPRK to refrain…`, `reaffirmed U.S.
/// support for…`, `called on the DPRK to…`).
const OBJECT_VERBS: &[&str] = &[
    "thanked",
    "requested",
    "asked",
    "noted",
    "offered",
    "voiced",
    "raised",
    "recognized",
    "hailed",
    "hails",
    "lauded",
    "denounced",
    "criticized",
    "emphasizes",
    "stresses",
    "underscores",
    "welcomes",
    "condemns",
    "expresses",
    "reiterates",
    "affirms",
    "highlights",
    "urges",
    "praises",
    "commends",
    "extended",
    "cited",
    "encouraged",
    "credited",
    "rejected",
    "agreed",
    "call",
    "calls",
    "emphasized",
    "emphasised",
    "stressed",
    "reaffirmed",
    "reaffirms",
    "reiterated",
    "underscored",
    "underlined",
    "highlighted",
    "expressed",
    "welcomed",
    "condemned",
    "acknowledged",
    "affirmed",
    "restated",
    "conveyed",
    "praised",
    "commended",
    "applauded",
    "outlined",
    "urged",
    "called",
];

/// Nouns whose `that` clause is theirs, not a reporting verb's (`allegations that …`).
const CLAIMS: &[&str] = &[
    "allegations",
    "allegation",
    "reports",
    "claims",
    "claim",
    "fact",
    "news",
    "accusations",
    "rumors",
    "charges",
];

/// Verbs that say other things than speech too (`found the car`, `raised
/// taxes`): a `that` is theirs only right after them, and no passive is a report.
const NOT_ONLY_SPEECH: &[&str] = &[
    "found",
    "charged",
    "report",
    "reports",
    "raised",
    "recognized",
    "offered",
    "cited",
    "requested",
    "encouraged",
    "estimated",
    "estimates",
];

/// Verbs after which a clause may follow without "that" (`Ryabkov said
/// Russia will…`, `Bartosh considers the very fact…`).
const BARE_CLAUSE_VERBS: &[&str] = &[
    "allege",
    "alleges",
    "alleged",
    "claim",
    "claims",
    "fear",
    "fears",
    "feared",
    "said",
    "says",
    "say",
    "believes",
    "believed",
    "thinks",
    "think",
    "thought",
    "considers",
    "considered",
    "expects",
    "hopes",
    "hope",
    "hoped",
    "believe",
    "worry",
    "worries",
    "confirmed",
    "reports",
    "reported",
    "declared",
    "announced",
    "insist",
    "insists",
    "insisted",
    "argued",
    "claimed",
    "admitted",
    "acknowledged",
    "predicted",
    "added",
    "denied",
    "denies",
    "indicated",
    "indicates",
];

/// `…, according to Transparency International Kenya.`: what comes
/// before is what the source says.
fn according_at_end(words: &[Word]) -> Option<Reported> {
    let by = words.windows(2).rposition(|w| w[0].is("according") && w[1].is("to"))?;
    let source = &words[by + 2..];
    if by < 3 || !words[by - 1].ends_with_any(&[',']) || source.is_empty() || source.len() > 16 {
        return None;
    }
    // `… of the journal, Nature.`: a comma before a name at the end is the source's own;
    // `… Lovemore Madhuku, chairman of the National Constitutional Assembly, a civic group.`:
    // after a name, what it is.
    let name_end = source.iter().position(|w| w.ends_with_any(&[','])).filter(|&c| {
        source[..=c].iter().all(|w| w.is_capitalized() || super::people::period_within_name(w))
            && source[c + 1..].iter().all(|w| !is_verb(w) && !w.is_any(FINITE) && !w.is_any(PRONOUNS))
    });
    let name_first = name_end.is_some();
    let named_after = |i: usize| {
        name_first || (source[i + 1..].len() <= 3 && source[i + 1..].iter().all(|w| w.is_capitalized()))
    };
    if !source[source.len() - 1].ends_with_any(&['.', '!'])
        || source[..source.len() - 1]
            .iter()
            .enumerate()
            .any(|(i, w)| w.ends_with_any(&[';', ':']) || (w.ends_with_any(&[',']) && !named_after(i)))
    {
        return None;
    }
    // `according to local journalist Mohammed Ibrahim who ran …`: the source, not what is told of it.
    let named = source.iter().position(|w| w.is_any(&["who", "which"])).unwrap_or(source.len());
    let (source, words) = (&source[..named], &words[..by + 2 + named]);
    let first = source.first()?;
    let who = if first.is_any(OBJECT_PRONOUNS) {
        return None;
    } else if first.is_capitalized() {
        signature(name_end.map_or(source, |c| &source[..=c]))?
    } else {
        (subject_after(words, by + 1).filter(|who| matches!(who, Who::Name { .. })))
            .or_else(|| role_before(words, words.len()).map(|(who, _)| who))
            .or_else(|| source_phrase(source))?
    };
    Some(Reported { who, parts: one_part(0..by), confidence: 55, pattern: "…, according to X." })
}

/// `…, according to Kimmitt, who added that he was “not surprised” at …`:
/// the words before, and what the relative clause says the source added.
fn according_and_added(words: &[Word]) -> Option<Vec<Reported>> {
    let by = words.windows(2).rposition(|w| w[0].is("according") && w[1].is("to"))?;
    if by < 3 || !words[by - 1].ends_with_any(&[',']) {
        return None;
    }
    let comma = (by + 2..words.len().min(by + 8)).find(|&i| words[i].ends_with_any(&[',', '.', ';', ':']))?;
    let verb = comma + 2;
    if !words[comma].ends_with_any(&[','])
        || !words.get(comma + 1)?.is("who")
        || !words.get(verb + 1)?.is("that")
    {
        return None;
    }
    reporting_form(words, verb)?;
    if words.len() - (verb + 2) < 3 {
        return None;
    }
    let who = signature(&words[by + 2..=comma])?;
    Some(vec![
        Reported {
            who: who.clone(), parts: one_part(0..by), confidence: 55, pattern: "…, according to X."
        },
        Reported {
            who,
            parts: one_part(verb + 2..words.len()),
            confidence: 50,
            pattern: "…, according to X, who added that …",
        },
    ])
}

/// `As the Coast Guard reported last week, the number … fell`: what
/// follows the clause is what was reported.
fn as_reported(words: &[Word]) -> Option<Reported> {
    if !words.first()?.is("as") {
        return None;
    }
    let comma = (2..words.len().min(12)).find(|&i| words[i].ends_with_any(&[',', '.', ':', ';']))?;
    // Not `As she continued, …` or `As he spoke, …`: a time, not a source.
    let verb = (2..=comma).find(|&i| is_verb(&words[i]))?;
    // Past only: `As Anjana Pasricha reports from New Delhi,` is the
    // correspondent's own report.
    const SOURCES: &[&str] = &[
        "said",
        "reported",
        "noted",
        "stated",
        "explained",
        "announced",
        "wrote",
        "told",
        "predicted",
        "confirmed",
        "warned",
    ];
    if !words[comma].ends_with_any(&[',']) || words.len() - comma < 5 {
        return None;
    }
    if !words[verb].is_any(SOURCES) || words[verb + 1].is("from") {
        return None;
    }
    let (who, start) = subject_before(&words[1..], verb - 1)?;
    let subject_opens = words[1..1 + start].iter().all(|w| w.is_any(DETERMINERS));
    subject_opens.then(|| Reported {
        who,
        parts: one_part(comma + 1..words.len()),
        confidence: 45,
        pattern: "As X said, …",
    })
}

/// Reported speech in a sentence: who said it, what they said (runs of
/// the sentence's words: two when the clause interrupts it), how sure
/// (0–100) and the pattern.
#[derive(Debug)]
pub struct Reported {
    pub who: Who,
    pub parts: Vec<Range<usize>>,
    pub confidence: u8,
    pub pattern: &'static str,
}

/// What was said as one run of words.
fn one_part(words: Range<usize>) -> Vec<Range<usize>> {
    std::iter::once(words).collect()
}

/// Verbs in `-ing` that go on with a sentence's subject (`…, saying the
/// world was under threat`), by the form whose object they share.
const PARTICIPLES: &[(&str, &str)] = &[
    ("saying", "said"),
    ("adding", "added"),
    ("noting", "noted"),
    ("stressing", "stressed"),
    ("emphasizing", "emphasized"),
    ("emphasising", "emphasised"),
    ("underscoring", "underscored"),
    ("underlining", "underlined"),
    ("highlighting", "highlighted"),
    ("reaffirming", "reaffirmed"),
    ("reiterating", "reiterated"),
    ("expressing", "expressed"),
    ("urging", "urged"),
    ("calling", "called"),
    ("warning", "warned"),
    ("insisting", "insisted"),
    ("arguing", "argued"),
    ("suggesting", "suggested"),
    ("explaining", "explained"),
    ("welcoming", "welcomed"),
    ("praising", "praised"),
    ("acknowledging", "acknowledged"),
    ("telling", "told"),
    ("declaring", "declared"),
    ("claiming", "claimed"),
    ("commending", "commended"),
    ("encouraging", "encouraged"),
    ("accusing", "accused"),
];

/// The finite form a reporting verb stands for at word `i`: itself, the
/// verb of a participle after a comma (`…, saying`), or of a progressive
/// (`is accusing`).
fn reporting_form<'w>(words: &[Word<'w>], i: usize) -> Option<&'w str> {
    let w = &words[i];
    if is_verb(w) {
        return Some(w.core());
    }
    // `made clear that …`, `made it clear that …`
    if w.is_any(&["made", "makes", "make"])
        && (words.get(i + 1).is_some_and(|n| n.is("clear"))
            || (words.get(i + 1).is_some_and(|n| n.is("it"))
                && words.get(i + 2).is_some_and(|n| n.is("clear"))))
    {
        return Some("said");
    }
    // `was quoted as saying …`
    if w.is("saying") && i >= 2 && words[i - 1].is("as") && words[i - 2].is("quoted") {
        return Some("said");
    }
    // `issued a statement from its headquarters in Washington saying …`
    if w.is("saying")
        && words[i.saturating_sub(8)..i].iter().any(|w| w.is_any(&["statement", "letter", "report"]))
        && !words[i - 1].ends_with_any(&[',', '.', ':', ';'])
    {
        return Some("said");
    }
    let after_comma = i > 0 && words[i - 1].ends_with_any(&[',']);
    if !w.core().ends_with("ing") {
        return None;
    }
    let (_, finite) = PARTICIPLES.iter().find(|(p, _)| w.is(p))?;
    (after_comma || progressive(words, i)).then_some(*finite)
}

/// Whether the `-ing` word at `i` is a verb's progressive form, after `is`
/// or `was` and perhaps an adverb (`Chad is formally accusing …`).
fn progressive(words: &[Word], i: usize) -> bool {
    let mut aux = i;
    if aux > 0 && words[aux - 1].core().ends_with("ly") {
        aux -= 1;
    }
    aux > 0
        && words[aux - 1].is_any(&["is", "are", "was", "were"])
        && !words[aux - 1].ends_with_any(&[',', '.'])
}

/// Every report in a sentence's words, in order.
pub fn reported(words: &[Word]) -> Vec<Reported> {
    if let Some(both) = according_and_added(words) {
        return both;
    }
    if let Some(r) = according_at_end(words) {
        return vec![r];
    }
    // `According to X, …` (not `…, according to X, chairman of …`, whose words come before).
    let opens = source_marker(words).is_some_and(|by| by <= 2);
    if let Some((who, from)) = according_to(words).filter(|_| opens)
        && from < words.len()
    {
        let parts = one_part(from..words.len());
        return vec![Reported { who, parts, confidence: 55, pattern: "according to X," }];
    }
    if let Some(r) = as_reported(words) {
        return vec![r];
    }
    if let Some(r) = clause_at_end(words).or_else(|| clause_within(words)) {
        return vec![r];
    }
    let mut out: Vec<Reported> = Vec::new();
    let mut subject: Option<Who> = None;
    for verb in 0..words.len() {
        let Some(form) = reporting_form(words, verb) else { continue };
        if let Some(r) = relative(words, verb, form) {
            out.push(r);
            continue;
        }
        let participle = !is_verb(&words[verb]) && !progressive(words, verb);
        let after = out.last().and_then(|r| r.parts.last()).map_or(0, |p| p.start);
        let joined = coordinated(words, after, verb) && (out.is_empty() || subject.is_some());
        let who = if participle || joined {
            let Some(who) = subject.clone().or_else(|| sentence_subject(words, verb)) else { continue };
            who
        } else if out.is_empty() {
            // Passive: `The lack of progress was confirmed by Ryabkov`.
            if verb >= 2
                && !NOT_ONLY_SPEECH.contains(&form)
                && words[verb - 1].is_any(&["was", "were"])
                && words.get(verb + 1).is_some_and(|w| w.is("by"))
                && let Some(who) = subject_after(words, verb + 1)
            {
                let parts = one_part(0..verb - 1);
                return vec![Reported { who, parts, confidence: 45, pattern: "… was confirmed by X" }];
            }
            // The subject is the sentence's: nothing before it is a verb
            // (`At the same time, the diplomat noted…`, `Member of the Academy
            // Alexander Bartosh considers…`, not `they saw what Ryabkov said`).
            // `…, where Gates told …`: a clause of its own after the comma.
            // `…, which analysts say are …`: a relative clause of its own, too.
            let opens_clause = |start: usize| {
                start >= 2
                    && words[start - 1].is_any(&["where", "when", "which"])
                    && words[start - 2].ends_with_any(&[','])
            };
            let subject = subject_before(words, verb)
                .filter(|&(_, start)| opens_clause(start) || main_clause_at(words, start))
                .or_else(|| subordinate_subject(words, verb));
            let Some((who, _)) = subject else { continue };
            who
        } else if let Some((who, start)) = contrasted(words, verb) {
            // `…, while observers have cited …`: a report of its own ends the one before.
            if let Some(part) = out.last_mut().and_then(|r| r.parts.last_mut()) {
                part.end = part.end.min((start - 1).max(part.start + 1));
            }
            subject = Some(who.clone());
            let Some(r) = report_at(words, verb, form, who) else { continue };
            out.push(r);
            continue;
        } else {
            continue;
        };
        subject.get_or_insert_with(|| who.clone());
        // What a report says ends where the next verb joined to it begins.
        if let Some(previous) = out.last_mut()
            && let Some(part) = previous.parts.last_mut()
        {
            let cut = if participle { verb } else { conjunction(words, verb) };
            part.end = part.end.min(cut.max(part.start + 1));
        }
        let Some(r) = report_at(words, verb, form, who) else { continue };
        out.push(r);
    }
    if out.is_empty() {
        out.extend(as_said(words).or_else(|| what_called(words)));
    }
    if let Some(r) = fronted(words) {
        out.insert(0, r);
    }
    out
}

/// `Calling the attack cowardly, the minister said …`, `Announcing the
/// suspension of the talks, a spokesman said …`: what a participle that
/// opens the sentence says is the main clause's subject's too.
fn fronted(words: &[Word]) -> Option<Reported> {
    const OPENERS: &[&str] = &[
        "announcing",
        "calling",
        "describing",
        "denying",
        "rejecting",
        "accusing",
        "praising",
        "welcoming",
        "condemning",
        "blaming",
        "criticizing",
        "dismissing",
    ];
    // Not `Calling from a hospital bed, …`: a place, not what is called.
    if !words.first()?.is_any(OPENERS) || words.get(1)?.is_any(&["from", "in", "at", "by", "with", "into"]) {
        return None;
    }
    let comma = (2..words.len().min(16)).find(|&i| words[i].ends_with_any(&[',', '.', ';', ':']))?;
    if !words[comma].ends_with_any(&[',']) || words[1..comma].iter().any(is_verb) {
        return None;
    }
    let verb = (comma + 2..words.len().min(comma + 12)).find(|&v| reporting_form(words, v).is_some())?;
    let (who, start) = subject_before(words, verb)?;
    let mut first = comma + 1;
    while words[first].is_any(DETERMINERS) && first + 1 < start {
        first += 1;
    }
    (start == comma + 1 || start == first).then(|| Reported {
        who,
        parts: one_part(1..comma + 1),
        confidence: 35,
        pattern: "Calling X …, Y said",
    })
}

/// `… protested what he called scurrilous propaganda …`: the name given
/// is the speaker's, to the end of its phrase.
fn what_called(words: &[Word]) -> Option<Reported> {
    let verb = (2..words.len().saturating_sub(1)).find(|&v| {
        words[v].is_any(&["called", "calls", "termed", "terms", "dubbed", "dubs"])
            && !words[v].ends_with_any(&[',', '.', ';', ':'])
    })?;
    let (who, start) = subject_before(words, verb)?;
    if start == 0 || !words[start - 1].is("what") {
        return None;
    }
    let end = (verb + 1..words.len())
        .find(|&i| words[i].ends_with_any(&[',', ';', ':']))
        .map_or(words.len(), |i| i + 1);
    (end - verb > 2).then(|| Reported {
        who,
        parts: one_part(start - 1..end),
        confidence: 40,
        pattern: "what X called …",
    })
}

/// `Opposition supporters, who allege that the mayor stole the election,
/// took to the streets`: what a relative clause says its antecedent said,
/// to the clause's closing comma.
fn relative(words: &[Word], verb: usize, form: &str) -> Option<Reported> {
    let mut who_at = verb;
    while who_at > 0 && words[who_at - 1].is_any(&["also", "has", "have", "had", "later", "then"]) {
        who_at -= 1;
    }
    if who_at < 2 || !words[who_at - 1].is("who") || !words[who_at - 2].ends_with_any(&[',']) {
        return None;
    }
    let mut head: Vec<Word> = words[..who_at - 1].to_vec();
    let last = head.len() - 1;
    head[last] = head[last].without_comma();
    head.push(words[who_at - 1]);
    let (who, _) = subject_before(&head, head.len() - 1)?;
    let mut r = report_at(words, verb, form, who)?;
    // The relative clause ends at its comma; the sentence goes on with its own verb.
    let part = r.parts.last_mut()?;
    if let Some(comma) = (part.start..part.end).find(|&i| words[i].ends_with_any(&[','])) {
        part.end = comma + 1;
    }
    Some(r)
}

/// The subject of the verb at `verb` when it opens a clause of contrast
/// (`…, while European Union observers have cited …`), and where it starts.
fn contrasted(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let (who, start) = subject_before(words, verb)?;
    let while_at =
        (start.saturating_sub(7)..start).rev().find(|&i| words[i].is_any(&["while", "whereas"]))?;
    (while_at >= 1
        && words[while_at - 1].ends_with_any(&[',', ';'])
        && !words[while_at + 1..start].iter().any(|w| is_verb(w) || w.ends_with_any(&[',', '.', ';'])))
    .then_some((who, while_at + 1))
}

/// Whether a subject at word `start` opens the sentence's main clause:
/// nothing before it is a verb (`At the same time, the diplomat noted…`,
/// not `they saw what Ryabkov said`), or what is before it is a clause of
/// its own, set off by a comma: one that opens with a subordinator (`As
/// Wadhams reports from Nairobi, the rebels say …`) or one before `, but`
/// (`… could not be reached, but an army spokesman told Reuters …`).
fn main_clause_at(words: &[Word], start: usize) -> bool {
    let mut start = start;
    while start > 0 && words[start - 1].is_any(DETERMINERS) {
        start -= 1;
    }
    let before = &words[..start];
    if !before.iter().any(|w| is_verb(w) || w.is_any(FINITE)) {
        return true;
    }
    let joined =
        start >= 2 && words[start - 1].is_any(&["but", "yet"]) && words[start - 2].ends_with_any(&[',']);
    let subordinate = start >= 3
        && words[0].is_any(TIME_AND_CAUSE)
        && words[start - 1].ends_with_any(&[','])
        && !words[..start - 1].iter().any(|w| w.ends_with_any(&[',', ';', ':']));
    // `…, as rebel leaders said they could not …`, `two days after the
    // military said it had …`: a clause of its own after the main one.
    let after_main = start >= 2 && words[start - 1].is_any(TIME_AND_CAUSE) && !words[start - 1].is("while");
    joined || subordinate || after_main
}

/// The subject of a clause of its own after the main one, read as if the
/// clause were a sentence (`…, as union leaders said …`): unnamed people
/// are subjects only where a sentence opens.
fn subordinate_subject(words: &[Word], verb: usize) -> Option<(Who, usize)> {
    let opens = (verb.saturating_sub(6)..verb).rev().find(|&i| words[i].is_any(TIME_AND_CAUSE))?;
    // Not `When officials say the economy is growing, they mean …`: the main clause comes first.
    if opens < 2
        || words[opens].is("while")
        || words[opens + 1..verb].iter().any(|w| w.ends_with_any(&[',', '.', ';', ':']))
    {
        return None;
    }
    let clause = &words[opens + 1..];
    let (who, start) = subject_before(clause, verb - opens - 1)?;
    // The subject opens the clause (`after troops killed protesters activists say …` has none).
    clause[..start].iter().all(|w| w.is_any(DETERMINERS)).then_some((who, start + opens + 1))
}

/// Whether the reporting verb at `verb` is joined by `and` to what comes
/// before it, from word `after` on (`… and also reaffirmed …`, `…, and
/// called on …`): its subject is the sentence's.
fn coordinated(words: &[Word], after: usize, verb: usize) -> bool {
    let and = conjunction(words, verb);
    // A verb in the past or in `-s` (`… and said`), not a noun like it (`patience and caution`).
    let core = words[verb].core();
    let finite = core.ends_with('d') || core.ends_with('s') || words[verb].is_any(&["told", "wrote"]);
    and < verb && (and >= after + 2 || (and > after && finite))
}

/// What the verb at `verb` (of finite form `form`) reports, by `who`:
/// `X said that …`, `X said …`, `X reaffirmed U.S. support for …`.
fn report_at(words: &[Word], verb: usize, form: &str, who: Who) -> Option<Reported> {
    // `told American forces in Japan Monday that …`, `told reporter Blessing
    // Zulu of VOA's Studio 7 for Zimbabwe that …`
    let reach = if matches!(form, "told" | "tells") { 14 } else { 10 };
    let that = (verb + 1..words.len().min(verb + reach)).find(|&i| words[i].is("that"));
    // Not `told a news conference … about allegations that …`: the `that` is the allegations'.
    // (`told the Reuters news agency that …` is told the agency.)
    let that = that.filter(|&t| {
        !words[verb + 1..t].iter().any(|w| w.is_any(&["about", "over"]))
            && !words[verb + 1..t].iter().enumerate().any(|(i, w)| {
                w.is_any(CLAIMS) && !(w.is("news") && words.get(verb + 2 + i).is_some_and(|n| n.is("agency")))
            })
    });
    // `Police found the car that was stolen`: a relative `that`, unless right after the verb.
    let that = that.filter(|&t| t == verb + 1 || !NOT_ONLY_SPEECH.contains(&form));
    // `told VOA the few members that were in the area fled`: what was told began before it.
    let told = told_whom(words, verb, form);
    let that = that.filter(|&t| told.is_none_or(|from| from >= t));
    // Not `says he cannot confirm that …`: a clause of its own before the `that`.
    if let Some(that) = that
        && words[verb + 1..that].iter().all(|w| {
            !is_verb(w)
                && (w.is_capitalized() || !strongly_finite(w))
                && (!w.ends_with_any(&['.']) || super::people::period_within_name(w))
                && !w.ends_with_any(&[':', ';'])
                && !w.is_any(PRONOUNS)
        })
        && words[verb + 1..that].iter().filter(|w| w.ends_with_any(&[','])).count() <= 1
        && that + 1 < words.len()
    {
        let parts = and_that(words, that + 1..words.len());
        return Some(Reported { who, parts, confidence: 60, pattern: "X said that …" });
    }
    if let Some(from) = told {
        return Some(Reported {
            who,
            parts: one_part(from..words.len()),
            confidence: 45,
            pattern: "X told Y …",
        });
    }
    // `warned it will use force`: a subject and its verb after any verb of saying.
    let subject_follows =
        words.get(verb + 1).is_some_and(|w| w.is_any(PRONOUNS) || w.is_any(&["it", "there"]))
            && words.get(verb + 2).is_some_and(strongly_finite);
    if (BARE_CLAUSE_VERBS.contains(&form) || subject_follows) && !words[verb].ends_with_any(&[',', ':', '.'])
    {
        // `said Monday the United States will …`
        let mut from = verb + 1;
        // Not `says today has been peaceful`: there the day is what was said of.
        while words.get(from).is_some_and(|w| w.is_any(WHEN) && !w.ends_with_any(&[',']))
            && !words.get(from + 1).is_some_and(strongly_finite)
        {
            from += 1;
        }
        // `say in Kenya, campaigns are …`: a phrase set off by a comma opens what was said.
        if words
            .get(from)
            .is_some_and(|w| w.is_any(&["in", "on", "at", "for", "with", "after", "under", "without"]))
            && let Some(comma) = (from..words.len().min(from + 5)).find(|&i| words[i].ends_with_any(&[',']))
            && words
                .get(comma + 1)
                .is_some_and(|w| w.is_any(DETERMINERS) || w.is_any(PRONOUNS) || !w.is_capitalized())
            && words.len() - comma > 4
            && words[from..=comma].iter().all(|w| !is_verb(w))
        {
            return Some(Reported {
                who,
                parts: one_part(from..words.len()),
                confidence: 40,
                pattern: "X said …",
            });
        }
        let next = words.get(from)?;
        let passive = passive(words, verb);
        // `denied having incited …`: what is denied, as a deed.
        if matches!(form, "denied" | "denies") && next.is_any(&["having", "being"]) && words.len() - from > 2
        {
            return Some(Reported {
                who,
                parts: one_part(from..words.len()),
                confidence: 40,
                pattern: "X denied …",
            });
        }
        // `says if the motive is …, it is misguided`: a condition opens what was said.
        // `said if confirmed by the Senate … his first goal will be …`;
        // `said while Iranian leaders have been dismissive …, they are …`
        // A comma after the subordinate clause, with a clause of a few words after it.
        let main_clause_after = words[from + 1..]
            .iter()
            .position(|w| w.ends_with_any(&[',']))
            .is_some_and(|c| from + 2 + c < words.len() - 2);
        let concession = next.is_any(&["while", "although", "though"])
            && words.get(from + 1).is_some_and(|w| !w.core().ends_with("ing"))
            && main_clause_after;
        let condition = concession
            || next.is("if")
                && (main_clause_after
                    || words.get(from + 2..).is_some_and(|r| r.iter().any(strongly_finite)));
        // `says Mr. Musharraf has …`, `said U.S. forces will …`
        let stop = next.ends_with_any(&[',', ':', ';'])
            || (next.ends_with_any(&['.']) && !super::people::period_within_name(next));
        // `says as many as 88,000 residents have …`, `says over 100 people were …`
        let number = |w: &Word| w.core().starts_with(|c: char| c.is_ascii_digit());
        let quantity = (next.is("as")
            && words.get(from + 1).is_some_and(|w| w.is_any(&["many", "much"]))
            && words[from + 2..words.len().min(from + 5)].iter().any(number))
            || (next
                .is_any(&["about", "nearly", "almost", "over", "roughly", "around", "more", "fewer", "up"])
                && words[from + 1..words.len().min(from + 4)].iter().any(number))
            // `say more arrivals are expected`
            || (next.is_any(&["more", "fewer", "most", "many"])
                && words[from + 1..words.len().min(from + 4)].iter().any(strongly_finite));
        let clause = condition
            || quantity
            || next.is_any(DETERMINERS)
            || next.is_any(PRONOUNS)
            || next.is("it")
            // `said there had been a miscommunication`
            || (next.is("there") && words.get(from + 1).is_some_and(finite))
            || next.is_capitalized()
            // `says largely-Shiite Iran is now …`
            || (next.core().starts_with(char::is_lowercase) && !next.is_any(NOT_A_SUBJECT) && !is_verb(next));
        // `confirmed the army fired …`, not `confirmed their dedication to …`.
        // `said there were thousands`: a subject and its verb make a short clause whole.
        let subject_and_verb =
            (next.is_any(PRONOUNS) || next.is("there")) && words.get(from + 1).is_some_and(strongly_finite);
        if !next.raw.starts_with(super::prose::is_quote_mark)
            && !stop
            && clause
            && words.len() - from > if subject_and_verb { 2 } else { 3 }
            && !(next.is("a") && words.get(from + 1).is_some_and(|w| w.is_any(&["lot", "great"])))
            && (!matches!(form, "confirmed") || words[from..words.len().min(from + 6)].iter().any(finite))
            // `denied he was …`, not `denied a request filed by …` or `was denied bail`.
            && (!DENIALS.contains(&form)
                || (!passive
                    && (next.is_any(PRONOUNS) || words[from..words.len().min(from + 6)].iter().any(strongly_finite))))
        {
            return Some(Reported {
                who,
                parts: one_part(from..words.len()),
                confidence: 40,
                pattern: "X said …",
            });
        }
    }
    if let Some(r) = question(words, verb, form, &who).or_else(|| about(words, verb, form, &who)) {
        return Some(r);
    }
    readout(words, verb, form, who)
}

/// What `X said that A and that B` says: A and B, without the `and that`
/// that joins them.
fn and_that(words: &[Word], said: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut from = said.start;
    for i in said.clone() {
        if i > from + 1 && i + 3 < said.end && words[i].is("and") && words[i + 1].is("that") {
            parts.push(from..i);
            from = i + 2;
        }
    }
    parts.push(from..said.end);
    parts
}

/// `asked whether the plan could …`, `asked the minister if …`, `wondered
/// why …`: a question reported, from its `whether` on.
fn question(words: &[Word], verb: usize, form: &str, who: &Who) -> Option<Reported> {
    if !matches!(form, "asked" | "wondered")
        || words[verb].ends_with_any(&[',', ':', '.', ';'])
        || passive(words, verb)
    {
        return None;
    }
    let q = (verb + 1..words.len().min(verb + 5))
        .find(|&i| words[i].is_any(&["whether", "if", "why", "how", "what", "when", "where", "who"]))?;
    let whom = &words[verb + 1..q];
    let plain = whom.iter().all(|w| !is_verb(w) && !w.ends_with_any(&[',', '.', ':', ';']));
    (plain && words.len() - q > 3).then(|| Reported {
        who: who.clone(),
        parts: one_part(q..words.len()),
        confidence: 35,
        pattern: "X asked whether …",
    })
}

/// `warned of “serious gaps” in …`, `complained about the delays`: what
/// the words were about.
fn about(words: &[Word], verb: usize, form: &str, who: &Who) -> Option<Reported> {
    let prepositions = match form {
        "warned" | "warns" | "cautioned" | "complained" | "complains" => &["of", "about", "against"][..],
        // `objected to the reported arrival of troops`
        "objected" | "objects" => &["to"],
        _ => return None,
    };
    let of = words.get(verb + 1).is_some_and(|w| w.is_any(prepositions));
    (of && !words[verb].ends_with_any(&[',', ':', '.', ';']) && words.len() > verb + 3).then(|| Reported {
        who: who.clone(),
        parts: one_part(verb + 2..words.len()),
        confidence: 35,
        pattern: "X warned of …",
    })
}

/// A word that makes a clause of the words it is in: `is`, `will`, `does`, `fired`.
fn finite(w: &Word) -> bool {
    strongly_finite(w) || (!w.is_capitalized() && w.core().ends_with("ed"))
}

/// [`finite`] but for words in `-ed`, which may be participles (`a request filed by …`).
fn strongly_finite(w: &Word) -> bool {
    w.is_any(FINITE)
        || w.is_any(&[
            "had", "has", "have", "will", "would", "does", "do", "did", "can", "could", "should", "must",
            "may", "might",
        ])
}

/// Whether the verb at `verb` is passive (`was denied bail`, `was also
/// asked to leave`): what it reports was done to its subject, not said by it.
fn passive(words: &[Word], verb: usize) -> bool {
    let mut before = verb;
    while before > 0
        && (words[before - 1].is_any(&["also", "later", "then", "reportedly"])
            || words[before - 1].core().ends_with("ly"))
    {
        before -= 1;
    }
    // `are threatening`: a verb in -ing after `be` is no passive.
    before > 0
        && words[before - 1].is_any(&["was", "were", "been", "being", "is", "are", "be"])
        && !words[verb].core().ends_with("ing")
}

/// Verbs of denying and hinting, whose object is a deed as often as a statement.
const DENIALS: &[&str] = &["denied", "denies", "indicated", "indicates"];

/// Those a text says someone told, after who they work for (`VOA editors`).
const TOLD_PEOPLE: &[&str] = &[
    "editors",
    "reporters",
    "journalists",
    "correspondents",
    "officials",
    "lawmakers",
    "legislators",
    "senators",
    "delegates",
    "students",
    "supporters",
    "troops",
    "soldiers",
    "residents",
    "television",
    "radio",
];

/// Present-tense verbs in `-s` of the few a bare noun subject takes in
/// news (`fighting continues`, `the situation remains`).
const VERBS_IN_S: &[&str] =
    &["continues", "remains", "goes", "needs", "seems", "appears", "looks", "exists", "persists"];

/// Words of number that may open a clause (`hundreds of lives were lost`).
const QUANTITIES: &[&str] =
    &["hundreds", "thousands", "dozens", "millions", "scores", "several", "many", "some"];

/// `told reporters he's always felt …`, `told the committee it would …`:
/// where what was told begins, after the ones told and a day.
fn told_whom(words: &[Word], verb: usize, form: &str) -> Option<usize> {
    if !matches!(form, "told" | "tells") || words[verb].ends_with_any(&[',', ':', '.']) {
        return None;
    }
    let mut from = verb + 1;
    let first = words.get(from)?;
    if first.is_any(&["the", "a"]) {
        from += 2;
    } else if first.is_any(OBJECT_PRONOUNS) || first.is_any(TOLD_PEOPLE) || first.is_any(&["us", "me"]) {
        from += 1;
    } else if words.get(from + 1).is_some_and(|w| w.is_any(TOLD_PEOPLE)) {
        // `told state television …`, `told foreign reporters …`
        from += 2;
    } else if first.is_capitalized() {
        while words.get(from).is_some_and(|w| w.is_capitalized() && !w.ends_with_any(&[',', '.'])) {
            from += 1;
        }
        // `told VOA editors Saturday he was …`
        if words.get(from).is_some_and(|w| w.is_any(TOLD_PEOPLE)) {
            from += 1;
        }
    } else {
        return None;
    }
    while words.get(from).is_some_and(|w| w.is_any(WHEN) && !w.ends_with_any(&[','])) {
        from += 1;
    }
    // `told reporters in Geneva the camps were full`: where they were told.
    if words.get(from).is_some_and(|w| w.is_any(&["in", "at"]))
        && words.get(from + 1).is_some_and(Word::is_capitalized)
    {
        from += 1;
        while words.get(from).is_some_and(|w| w.is_capitalized() && !w.ends_with_any(&[',', '.'])) {
            from += 1;
        }
    }
    let next = words.get(from)?;
    // `told VOA the North does not need …`: a determiner opens a clause when a verb follows.
    // `told reporters hundreds of lives were lost`: so does a quantity.
    let clause_follows = (next.is_any(DETERMINERS) || next.is_any(QUANTITIES))
        && words[from..words.len().min(from + 8)].iter().any(finite);
    // `told reporters Japan was ready …`: a name, then its verb; `told VOA
    // fighting continues …`: a noun, then a verb in `-s`.
    let named_clause = next.is_capitalized() && words.get(from + 1).is_some_and(strongly_finite);
    let noun_clause = !next.is_capitalized()
        && !super::people::is_function_word(next.core())
        && words
            .get(from + 1)
            .is_some_and(|w| strongly_finite(w) || (w.is_any(VERBS_IN_S) && !w.ends_with_any(&[','])));
    let opens_clause = (next.is_any(PRONOUNS)
        || next.is_any(&["it", "there"])
        || next.core().contains('’')
        || clause_follows
        || named_clause
        || noun_clause)
        && words[verb + 1..from].iter().all(|w| !w.ends_with_any(&[',', '.', ':', ';']));
    (opens_clause && words.len() - from > 3).then_some(from)
}

const EXTENDED: &[&str] = &[
    "sympathies",
    "sympathy",
    "condolences",
    "congratulations",
    "greetings",
    "thanks",
    "gratitude",
    "wishes",
    "appreciation",
    "support",
    "invitation",
];

/// Verbs of saying, which may close the sentence they report.
static SAYING: Lexicon = Lexicon::new(&[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "explained",
    "explains",
    "noted",
    "notes",
    "note",
    "wrote",
    "writes",
    "write",
    "stressed",
    "insisted",
    "argued",
    "warned",
    "continued",
    "concluded",
    "recalled",
    "stated",
    "acknowledged",
    "cautioned",
    "observed",
    "remarked",
    "emphasized",
    "emphasised",
    "replied",
    "answered",
    "asserted",
    "declared",
    "confirmed",
    "predicted",
    "announced",
    "maintained",
    "claimed",
    "commented",
    "admitted",
    "conceded",
    "reported",
]);

/// Day words a reporting verb may carry before its clause.
pub(super) const WHEN: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `X reaffirmed U.S. support for …`, `X called on the DPRK to …`: the
/// object of a readout's verb, to the end of the sentence.
fn readout(words: &[Word], verb: usize, form: &str, who: Who) -> Option<Reported> {
    if words[verb].ends_with_any(&[',', ':', '.', ';']) || passive(words, verb) {
        return None;
    }
    let next = words.get(verb + 1)?;
    // `claimed responsibility for …`, `denies responsibility for …`; `is
    // threatening to withdraw …`; `described Museveni as a person who …`.
    let stated = match form {
        "claimed" | "claims" | "denied" | "denies" if next.is("responsibility") => {
            "X claimed responsibility for …"
        }
        "threatened" | "threatens" | "threatening" if next.is("to") => "X threatened to …",
        // `accused the government of hiding …`: the charge, the accused left out.
        "accused" | "accuses" | "accuse"
            if let Some(of) = (verb + 2..words.len().min(verb + 9)).find(|&i| {
                words[i].is("of")
                    && !words[verb + 1..i]
                        .iter()
                        .any(|w| is_verb(w) || w.ends_with_any(&[',', '.', ';', ':']))
            }) && words.len() > of + 2 =>
        {
            return Some(Reported {
                who,
                parts: one_part(of..words.len()),
                confidence: 35,
                pattern: "X accused Y of …",
            });
        }
        "described" | "describes"
            if !next.is("as")
                && (verb + 2..words.len().min(verb + 6)).any(|i| {
                    words[i].is("as")
                        && !words[verb + 1..i].iter().any(|w| w.ends_with_any(&[',', '.', ';', ':']))
                }) =>
        {
            "X described Y as …"
        }
        _ => "",
    };
    if !stated.is_empty() && words.len() >= verb + 4 {
        return Some(Reported {
            who,
            parts: one_part(verb + 1..words.len()),
            confidence: 35,
            pattern: stated,
        });
    }
    if !OBJECT_VERBS.contains(&form) {
        return None;
    }
    // `called` says something only as `called on` (or `urged`) someone.
    let from = match form {
        "called" | "call" | "calls" if words.get(verb + 1)?.is_any(&["on", "for"]) => verb + 2,
        "called" | "call" | "calls" => return None,
        // `recognized both territories as independent countries` is an act of state.
        "recognized" | "recognizes"
            if words[verb + 1..words.len().min(verb + 8)].iter().any(|w| w.is("as")) =>
        {
            return None;
        }
        // `agreed on the need for …`; `agreed to help` is a promise, not a statement.
        "agreed"
            if words.get(verb + 1)?.is("on")
                && !words.get(verb + 2)?.is_any(WHEN)
                && !words.get(verb + 2)?.core().starts_with(|c: char| c.is_ascii_digit()) =>
        {
            verb + 2
        }
        "agreed" => return None,
        // `asked to receive …`, `asked for …`, `requested information on …`.
        "asked" if words.get(verb + 1)?.is("for") => verb + 2,
        "asked" | "requested" if words.get(verb + 1)?.is("to") => {
            return Some(Reported {
                who,
                parts: one_part(verb + 1..words.len()),
                confidence: 35,
                pattern: "X asked to …",
            });
        }
        // `asked them to pass his gratitude on`, `asked Guineans to get back to work`:
        // whom, and what they were asked to do.
        "asked"
            if (verb + 2..words.len().min(verb + 6)).any(|t| {
                words[t].is("to")
                    && words[verb + 1..t]
                        .iter()
                        .all(|w| !is_verb(w) && !w.ends_with_any(&[',', '.', ':', ';']))
                    && words.get(t + 1).is_some_and(|w| !w.is_capitalized() && !w.is_any(DETERMINERS))
            }) && (words[verb + 1].is_any(OBJECT_PRONOUNS)
                || words[verb + 1].is_any(DETERMINERS)
                || words[verb + 1].is_capitalized()
                // `asked observers from eight countries to have patience`
                || (!is_verb(&words[verb + 1]) && !words[verb + 1].is_any(NOT_A_SUBJECT))) =>
        {
            verb + 1
        }
        "asked" => return None,
        // `thanked Estonia for its strong partnership`: whom, and for what.
        "thanked"
            if (verb + 2..words.len().min(verb + 8)).any(|t| words[t].is("for"))
                && !words[verb + 1].is_any(&["for", "to"]) =>
        {
            verb + 1
        }
        "thanked" => return None,
        _ => verb + 1,
    };
    let first = words.get(from)?;
    if first.raw.starts_with(super::prose::is_quote_mark) || words.len() < from + 3 {
        return None;
    }
    // `extended` and `offered` say something only of sympathies, thanks,
    // wishes; `raised`, only of concerns.
    let near = &words[from..words.len().min(from + 5)];
    if matches!(form, "extended" | "offered") && !near.iter().any(|w| w.is_any(EXTENDED)) {
        return None;
    }
    if form == "raised" && !near.iter().any(|w| w.is_any(&["concern", "concerns", "objections", "doubts"])) {
        return None;
    }
    // `commending them for …`, `encouraged them to …`: whom, and for what.
    let person_then = first.is_any(OBJECT_PRONOUNS)
        && matches!(
            form,
            "commended" | "praised" | "encouraged" | "urged" | "credited" | "asked" | "thanked"
        )
        && words.get(from + 1).is_some_and(|w| w.is_any(&["for", "to", "on"]));
    let object = person_then
        || first.is_any(DETERMINERS)
        || first.is_any(&[
            "its",
            "their",
            "his",
            "her",
            "our",
            "continued",
            "strong",
            "deep",
            "full",
            "both",
        ])
        || first.is_capitalized()
        // `highlighted increasing economic cooperation`: a noun phrase in lower case.
        || (first.core().chars().all(char::is_lowercase)
            && !first.core().ends_with("ly")
            && !first.is_any(NOT_A_SUBJECT)
            && !first.is_any(&["back", "up", "out", "down", "off", "it", "him", "them", "us"])
            && !is_verb(first)
            && !first.ends_with_any(&[',', '.', ':', ';']));
    (object || from > verb + 1).then(|| Reported {
        who,
        parts: one_part(from..words.len()),
        confidence: 35,
        pattern: "X reaffirmed …",
    })
}

/// The reporting clause that ends a sentence: `…, he added.`, `…, the
/// secretary said.`, `…, said Panetta.`: what comes before its comma is
/// what was said.
fn clause_at_end(words: &[Word]) -> Option<Reported> {
    let n = words.len();
    if !words[n.saturating_sub(40)..].iter().any(|w| SAYING.has(w.core())) {
        return None;
    }
    // The last comma before which a reporting clause ends the sentence:
    // `…, Defense Secretary Ash Carter told Pentagon reporters today during a news conference.`
    for comma in (2..n.saturating_sub(1)).rev().take(40) {
        if !words[comma].ends_with_any(&[',']) {
            continue;
        }
        // `“…,” Carter said.`: a quotation, not reported speech.
        let quoted = words[comma].raw.trim_end_matches(',').ends_with(super::prose::is_quote_mark);
        if quoted && words[0].raw.starts_with(super::prose::is_quote_mark) {
            return None;
        }
        let clause = &words[comma + 1..];
        // `…, said: “…”`: the clause opens a quotation; it ends nothing.
        // A quoted name in the clause (`told NBC "Today" show host …`) opens nothing.
        let opens_quotation =
            |w: &Word| w.raw.starts_with(super::prose::is_quote_mark) && !super::people::quoted_name(w);
        if clause.iter().any(|w| opens_quotation(w) || w.ends_with_any(&[':'])) {
            return None;
        }
        let Some((who, taken)) = clause_after_words(clause) else { continue };
        // Only a verb of saying ends a sentence it reports (not `he hopes for …`).
        if !clause[..taken].iter().any(|w| SAYING.has(w.core())) {
            return None;
        }
        // A few words may follow the verb (`said on Tuesday`), or a phrase
        // without a verb of its own (`told reporters during a news conference`).
        let trailing = &clause[taken..];
        // `During a visit …, Hagel told reporters he’s …`: what follows is what he told.
        let subject = |w: &Word| {
            let core = w.core().to_lowercase();
            PRONOUNS.contains(&core.split(['’', '\'']).next().unwrap_or_default())
        };
        // `…, reported Lt. Col. Greg Hapgood, Iowa National Guard public affairs officer.`
        let inverted = is_verb(&clause[0]);
        // `…, said he shares the frustration.`: a pronoun after the verb is
        // the subject of what was said, not an inverted clause's.
        if inverted
            && matches!(who, Who::Pronoun { .. })
            && trailing
                .first()
                .is_some_and(|w| !w.is_any(&["in", "on", "at", "after", "during"]) && !w.is_any(WHEN))
        {
            return None;
        }
        let described = inverted && trailing.len() <= 12 && clause[taken - 1].ends_with_any(&[',']);
        // `…, says the Commission's preliminary results agree …` is no clause `said X`.
        // `…, Dempsey said Tuesday alongside Lt. Gen. Riho Terras, the Estonian chief of defense.`:
        // after `X said`, commas set off places and descriptions.
        // `…, the chairman said after meeting with servicemembers … here yesterday.`
        let adjunct = trailing.first().is_some_and(|w| {
            w.is_any(&["after", "during", "at", "in", "on", "while", "before", "following"])
        });
        // `Speaking by phone …, Shabab spokesman Sheik Muktar Robow says the overnight attack …`:
        // what follows the verb is what was said, not a phrase of the clause.
        let reports_on = !inverted
            && !clause[taken - 1].is_any(&["told", "tells", "asked", "asks"])
            && trailing.len() > 3
            && trailing.first().is_some_and(|w| w.is_any(DETERMINERS) || w.is_any(PRONOUNS));
        // `…, told VOA Saturday that his organization …`: the verb reports what follows.
        if (clause[taken - 1].ends_with_any(&[',']) && !described)
            || clause[..taken].iter().any(|w| w.is("that"))
            || reports_on
            || (inverted && !described && trailing.len() > 3)
            || trailing.len() > if adjunct { 32 } else { 20 }
            || trailing.iter().enumerate().any(|(i, w)| {
                // `treatment for post-traumatic stress disorder`: a noun after a modifier.
                let modified = i > 0
                    && (trailing[i - 1].core().contains('-')
                        || trailing[i - 1].is_any(DETERMINERS)
                        || trailing[i - 1].is_any(&["for", "of", "with"]));
                (is_verb(w) && !modified) || w.is_any(FINITE) || w.is("that") || subject(w)
            })
            || trailing
                .iter()
                .any(|w| w.ends_with_any(&[';', ':']) || (w.ends_with_any(&[',']) && inverted && !described))
            // A paragraph may end without its period (`…, Little said`).
            || clause[clause.len() - 1].ends_with_any(&[',', ';', ':', '?'])
        {
            return None;
        }
        // `On Monday, the president told the story of …`: a phrase that opens the sentence was not said.
        if comma < 2 || (words[0].is_any(NOT_A_SUBJECT) && !words[..comma].iter().any(finite)) {
            return None;
        }
        return Some(Reported {
            who, parts: one_part(0..comma + 1), confidence: 55, pattern: "…, X said."
        });
    }
    None
}

/// `As General Petraeus has said, we are breaking …`: what follows the
/// clause is what was said.
fn as_said(words: &[Word]) -> Option<Reported> {
    let first = usize::from(words.first()?.is_any(&["but", "and", "so"]));
    if !words.get(first)?.is("as") {
        return None;
    }
    let verb = (first + 2..words.len().min(first + 8)).find(|&i| words[i].ends_with_any(&[',']))?;
    let saying = ["said", "says", "noted", "notes", "put", "wrote", "writes", "argued", "argues", "stressed"];
    if !words[verb].is_any(&saying) || words.len() - verb < 4 {
        return None;
    }
    let aux = if words[verb - 1].is_any(&["has", "had", "have"]) { verb - 1 } else { verb };
    let (who, start) = subject_before(words, aux)?;
    (start == first + 1).then(|| Reported {
        who,
        parts: one_part(verb + 1..words.len()),
        confidence: 40,
        pattern: "as X said, …",
    })
}

/// A reporting clause between commas inside a sentence: `One high-data
/// effort, Kogut said, requires …`: the words on both sides were said.
fn clause_within(words: &[Word]) -> Option<Reported> {
    if words.iter().filter(|w| w.ends_with_any(&[','])).count() < 2 {
        return None;
    }
    for open in 1..words.len().saturating_sub(3) {
        if !words[open].ends_with_any(&[','])
            || words[open].raw.trim_end_matches(',').ends_with(super::prose::is_quote_mark)
        {
            continue;
        }
        let rest = &words[open + 1..words.len().min(open + 7)];
        let Some(close) = rest.iter().position(|w| w.ends_with_any(&[',', '.', ';', ':'])) else { continue };
        if !rest[close].ends_with_any(&[',']) || open + close + 5 > words.len() {
            continue;
        }
        let clause = &rest[..=close];
        // `On Monday, Biden said, “…”`: neither side is reported speech.
        let after = open + 1 + close + 1;
        if words[0].is_any(&["on", "in", "at", "during", "after", "before", "speaking", "asked", "when"])
            || words[after].raw.starts_with(super::prose::is_quote_mark)
        {
            continue;
        }
        let Some((who, taken)) = clause_after_words(clause) else { continue };
        if taken != clause.len() || !clause.iter().any(is_verb) {
            continue;
        }
        // The words before are the opening of what was said, not a clause
        // of their own with a verb of speech — unless that clause is a
        // report X passes on (`Hagel and Barak agreed that …, Little said,
        // and that …`): the sentence is X's, and the report inside it too.
        let passes_on = words[..open].iter().position(|w| w.is("that")).is_some_and(|t| {
            t > 0 && reporting_form(words, t - 1).is_some() && !words[..t - 1].iter().any(is_verb)
        });
        if words[..open].iter().any(is_verb) && !passes_on {
            return None;
        }
        let parts = vec![0..open + 1, after..words.len()];
        return Some(Reported { who, parts, confidence: 50, pattern: "…, X said, …" });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::clauses::tests::{name, ws};

    /// Each report of a sentence: who, and what they said (parts joined by ` | `).
    fn reports(sentence: &str) -> Vec<(String, String)> {
        let w = ws(sentence);
        reported(&w)
            .iter()
            .map(|r| {
                let said: Vec<String> = r
                    .parts
                    .iter()
                    .map(|p| w[p.clone()].iter().map(|w| w.raw).collect::<Vec<_>>().join(" "))
                    .collect();
                (name(&r.who), said.join(" | "))
            })
            .collect()
    }

    #[test]
    fn a_main_clause_after_a_clause_of_its_own_and_claims() {
        let cases = [
            (
                "It is unclear how many died, but the rebels say that the forces later withdrew.",
                "rebels",
                "the forces later withdrew.",
            ),
            (
                "Officials could not be reached, but an army spokesman told Reuters that no troops are there.",
                "an army spokesman",
                "no troops are there.",
            ),
            (
                "As Wadhams reports from Nairobi, the rebels say the fighting casts doubt on the talks.",
                "rebels",
                "the fighting casts doubt on the talks.",
            ),
            (
                "The rebels claim militia and troops fought in the hills.",
                "rebels",
                "militia and troops fought in the hills.",
            ),
            (
                "The two ministers held talks at the Pentagon today, Press Secretary George Little said",
                "George Little",
                "The two ministers held talks at the Pentagon today,",
            ),
            (
                "Hagel and Barak agreed that ties are strong, Little said, and that both will keep working.",
                "Little",
                "Hagel and Barak agreed that ties are strong, | and that both will keep working.",
            ),
            (
                "Al-Noor claimed responsibility for the attack on the port.",
                "Al-Noor",
                "responsibility for the attack on the port.",
            ),
            (
                "The rebels are threatening to leave the talks in Juba.",
                "rebels",
                "to leave the talks in Juba.",
            ),
            (
                "The rebels described the mayor as a man opposed to peace.",
                "rebels",
                "the mayor as a man opposed to peace.",
            ),
            (
                "The minister asked observers from eight countries to have patience with the operation.",
                "minister",
                "observers from eight countries to have patience with the operation.",
            ),
            (
                "Opposition supporters, who allege that the mayor stole the election, took to the streets.",
                "Opposition supporters",
                "the mayor stole the election,",
            ),
            (
                "The governor, who said the budget was balanced, left the meeting early.",
                "governor",
                "the budget was balanced,",
            ),
            (
                "The union accused the government of hiding the cost of the strike.",
                "Union",
                "of hiding the cost of the strike.",
            ),
            (
                "Officials fear the strike could spread to other ports.",
                "Officials",
                "the strike could spread to other ports.",
            ),
            (
                "The World Health Organization estimates that 1 million people lack clean water.",
                "World Health Organization",
                "1 million people lack clean water.",
            ),
            (
                "Maria Lopez told reporters in Geneva the camps were full.",
                "Maria Lopez",
                "the camps were full.",
            ),
            (
                "Scientists hope the rover will find signs of water.",
                "Scientists",
                "the rover will find signs of water.",
            ),
            (
                "Kenyan officials insist the vote was free and fair.",
                "Kenyan officials",
                "the vote was free and fair.",
            ),
            (
                "Sato told reporters Japan was ready to cut tariffs on beef.",
                "Sato",
                "Japan was ready to cut tariffs on beef.",
            ),
            (
                "Its president, Mary Olsen, told VOA the union would lobby lawmakers to block it.",
                "Mary Olsen",
                "the union would lobby lawmakers to block it.",
            ),
            (
                "Western and African countries have expressed concern about the vote count.",
                "Western and African countries",
                "concern about the vote count.",
            ),
            (
                "Several opposition parties said they would boycott the parliament.",
                "parties",
                "they would boycott the parliament.",
            ),
            ("Residents worry that the river will rise again.", "residents", "the river will rise again."),
            (
                "Soldiers took away monks accused of leading the protests, which analysts say are the biggest challenge yet.",
                "analysts",
                "are the biggest challenge yet.",
            ),
            (
                "Critics charged that the plan favors the largest companies.",
                "critics",
                "the plan favors the largest companies.",
            ),
            (
                "Human rights groups say the police used excessive force.",
                "Human rights groups",
                "the police used excessive force.",
            ),
            (
                "Mayor Ellen Park protested what she called reckless spending by the port, and left.",
                "she",
                "what she called reckless spending by the port,",
            ),
        ];
        for (sentence, who, said) in cases {
            assert_eq!(reports(sentence), [(who.to_string(), said.to_string())], "{sentence}");
        }
        assert_eq!(reports("The dog was what they called Rex."), []);
        assert_eq!(reports("The storm threatened to flood the lower town."), []);
        assert_eq!(reports("The driver was charged with speeding on the coast road."), []);
        assert_eq!(reports("The minister asked questions to the committee about the port."), []);
        // A clause of its own before the subject, not set off as one.
        assert_eq!(reports("They saw what the rebels say happened."), []);
        assert_eq!(reports("The claim was made by two groups that are not at the talks."), []);
    }

    #[test]
    fn questions_warnings_and_as_reported() {
        let cases = [
            (
                "As the Coast Guard reported last week, the number of ships fell by a third.",
                "Coast Guard",
                "the number of ships fell by a third.",
            ),
            ("As Ochoa said, the port is safe for now.", "Ochoa", "the port is safe for now."),
            (
                "Hale asked whether the plan could be finished by June.",
                "Hale",
                "whether the plan could be finished by June.",
            ),
            ("She asked the minister if the money would come.", "she", "if the money would come."),
            (
                "Lopez wondered why the agency had waited so long.",
                "Lopez",
                "why the agency had waited so long.",
            ),
            (
                "Lopez warned of “serious gaps” in cargo screening.",
                "Lopez",
                "“serious gaps” in cargo screening.",
            ),
            ("The mayor complained about the delays at the port.", "mayor", "the delays at the port."),
            ("Ochoa told lawmakers the port needed more money.", "Ochoa", "the port needed more money."),
            (
                "Ivorian military officials Sunday said that two Angolan tanks arrived.",
                "Ivorian military officials",
                "two Angolan tanks arrived.",
            ),
            (
                "Earlier Monday, the West African mediators said both sides had agreed in principle.",
                "West African mediators",
                "both sides had agreed in principle.",
            ),
            (
                "The rebels say they want new presidential elections.",
                "rebels",
                "they want new presidential elections.",
            ),
            (
                "The rebel spokesman demanded that the Angolan troops leave.",
                "rebel spokesman",
                "the Angolan troops leave.",
            ),
            (
                "The spokesman also objected to the reported arrival of troops.",
                "spokesman",
                "the reported arrival of troops.",
            ),
            (
                "Ochoa's office said the figures would be published soon.",
                "Ochoa's office",
                "the figures would be published soon.",
            ),
            (
                "Ochoa's spokesman said the figures would be published soon.",
                "Ochoa's spokesman",
                "the figures would be published soon.",
            ),
            (
                "Russia's foreign ministry said the figures would be published soon.",
                "Russia's foreign ministry",
                "the figures would be published soon.",
            ),
            (
                "The spokesman, who spoke on condition of anonymity, said the talks had stalled again.",
                "spokesman",
                "the talks had stalled again.",
            ),
        ];
        for (sentence, who, said) in cases {
            assert_eq!(reports(sentence), [(who.to_string(), said.to_string())], "{sentence}");
        }
        assert_eq!(
            reports(
                "A group has been linked to Zarqawi, according to Kimmitt, who added that he was “not surprised” at it."
            ),
            [
                ("Kimmitt".to_string(), "A group has been linked to Zarqawi,".to_string()),
                ("Kimmitt".to_string(), "he was “not surprised” at it.".to_string())
            ]
        );
        for nothing in [
            "As he said,",
            "As expected said.",
            "As the minister arrived, the crowd was cheering loudly.",
            "He was asked whether he would run again.",
            "The ship asked for help after the storm hit.",
            "Residents warned, the storm came anyway.",
        ] {
            assert!(
                reports(nothing).iter().all(|(_, said)| !said.starts_with("whether")),
                "{nothing}: {:?}",
                reports(nothing)
            );
            assert!(!reports(nothing).iter().any(|(who, _)| who == "minister"), "{nothing}");
        }
    }

    #[test]
    fn reported_speech() {
        let cases = [
            ("He also warned that, despite all, Russia will continue.", "he", "despite"),
            ("At the same time, the diplomat noted that the Alliance is developing.", "diplomat", "the"),
            (
                "However, a source close to the talks told RIA Novosti that Russia is waiting.",
                "a source close to the talks",
                "Russia",
            ),
            (
                "According to the American diplomat, the United States does not intend.",
                "American diplomat",
                "the",
            ),
            (
                "As stated by the first deputy secretary of state of the United States Wendy Sherman, Washington does not agree.",
                "Wendy Sherman",
                "Washington",
            ),
            ("The lack of progress was confirmed by Sergey Ryabkov.", "Sergey Ryabkov", "The"),
            (
                "Alexander Bartosh considers the very fact of negotiations a positive moment.",
                "Alexander Bartosh",
                "the",
            ),
        ];
        for (sentence, who, first) in cases {
            let w = ws(sentence);
            let r = reported(&w);
            let r = r.first().unwrap_or_else(|| panic!("{sentence}"));
            assert_eq!((name(&r.who).as_str(), w[r.parts[0].start].core()), (who, first), "{sentence}");
        }
        assert!(reported(&ws("The talks will continue tomorrow in Brussels.")).is_empty());
        match reported(&ws(
            "As stated by the first deputy secretary of state of the United States Wendy Sherman, W.",
        ))
        .pop()
        .map(|r| r.who)
        {
            Some(Who::Name { title, .. }) => {
                assert_eq!(title.as_deref(), Some("first deputy secretary of state of the United States"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_readout_verb_reports_its_object_up_to_the_next_verb() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            reports(
                "Secretary Blinken stressed the need for restraint and also reaffirmed U.S. support for dialogue."
            ),
            [s("Blinken", "the need for restraint"), s("Blinken", "U.S. support for dialogue.")]
        );
        assert_eq!(
            reports("Secretary Blinken called on the parties to return to talks.")[0].1,
            "the parties to return to talks."
        );
        assert!(
            reports("Secretary Blinken called the meeting to order at noon.").is_empty(),
            "not `called` alone"
        );
        assert!(reports("He welcomed them.").is_empty(), "too short to say anything");
        assert!(reports("She extended the deadline by a week.").is_empty(), "not a deadline");
        assert!(
            reports("The two sides agreed on Thursday to resume the talks.").is_empty(),
            "a day, not a topic"
        );
        assert_eq!(reports("All of the leaders agreed on the need for talks.")[0].1, "the need for talks.");
        assert_eq!(reports("The Secretary extended his condolences to the families.")[0].0, "Secretary");
    }

    #[test]
    fn a_clause_after_or_inside_what_was_said() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            reports("The two countries share a belief in pluralism, he added."),
            [s("he", "The two countries share a belief in pluralism,")]
        );
        assert_eq!(
            reports("The budget will not shrink the fleet, the minister said on Tuesday.")[0].0,
            "minister"
        );
        assert_eq!(reports("Ties will deepen, said Ambassador Maria Lopez.")[0].0, "Maria Lopez");
        assert_eq!(
            reports("One costly mission, Kogut said, requires years of planning."),
            [s("Kogut", "One costly mission, | requires years of planning.")]
        );
        assert!(
            reports("On Monday, Biden said, “We will go.”").is_empty(),
            "a quotation is not reported speech"
        );
        assert!(reports("After the vote, the senators left the chamber.").is_empty());
        assert_eq!(reports("In a statement, the ministry said it would send engineers.")[0].0, "Ministry");
        assert_eq!(
            reports("The Army Corps of Engineers said Tuesday that the levees held.")[0].0,
            "Army Corps of Engineers"
        );
        assert_eq!(
            reports("Mayor Tom Briggs called the warnings late and said the city would seek funds."),
            [("Tom Briggs".to_string(), "the city would seek funds.".to_string())]
        );
        assert!(
            reports("Viktor Orlov, the deputy minister, said: “We need guarantees.”").is_empty(),
            "an apposition before a quotation is not what was said"
        );
    }

    #[test]
    fn participles_coordinated_verbs_and_joint_subjects() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            reports("Lopez spoke to reporters in Lima, saying the talks had stalled."),
            [s("Lopez", "the talks had stalled.")]
        );
        assert_eq!(
            reports("Mr. Ames and Mr. Roy held talks and called on Iran to return to the table."),
            [s("Ames + Roy", "Iran to return to the table.")]
        );
        assert_eq!(reports("Ames and Roy said the deal was done.")[0].0, "Ames + Roy");
        assert_eq!(reports("Both emphasized the value of the alliance.")[0].0, "they");
        assert_eq!(reports("The participants reaffirmed their support for Kyiv.")[0].0, "they");
        assert_eq!(
            reports("He told soldiers at the base on Monday that the cuts will not reduce the force.")[0].1,
            "the cuts will not reduce the force."
        );
        assert_eq!(
            reports("Panetta said meetings here today featured good talks.")[0].1,
            "meetings here today featured good talks."
        );
        assert_eq!(reports("Panetta said Monday the forces will stay.")[0].1, "the forces will stay.");
        assert!(reports("Panetta said on Monday.").is_empty());
    }
}
