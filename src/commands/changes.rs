//! `whosaid changes`: who changed position — each speaker, issue and pair
//! of consecutive dated articles where the speaker's stance on the issue's
//! own proposition differs, with a quote from each as evidence.

use super::{Outcome, write_json};
use crate::changes::{self, Change, Held};
use crate::cli::{ChangesArgs, ChangesFormat, Status};
use crate::describe;
use crate::model::Corpus;
use crate::text;
use serde::Serialize;
use std::io::Write;

pub fn run(args: &ChangesArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let a = match super::open(&args.paths, err) {
        Ok(a) => a,
        Err(status) => return Ok(status),
    };
    let found = changes::all(&a);
    match args.format {
        ChangesFormat::Text => write_text(&a, &found, out)?,
        ChangesFormat::Json => {
            let json: Vec<ChangeJson> = found.iter().map(|ch| change_json(&a, ch)).collect();
            write_json(out, &json)?
        }
    }
    Ok(Status::Clean)
}

fn write_text(a: &Corpus, found: &[Change], out: &mut dyn Write) -> std::io::Result<()> {
    if found.is_empty() {
        return writeln!(out, "no speaker changed position between two dated articles");
    }
    for (n, ch) in found.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let when = |h: &Held| a.articles[h.article].date.clone().unwrap_or_default();
        writeln!(
            out,
            "{} on {}: {} {} → {} {}",
            text::one_line(a.speaker_name(ch.speaker)),
            text::one_line(&a.issues[ch.issue].title),
            when(&ch.from),
            text::one_line(&describe::stance_on(a, ch.from.stance, ch.issue)),
            when(&ch.to),
            text::one_line(&describe::stance_on(a, ch.to.stance, ch.issue)),
        )?;
        for held in [&ch.from, &ch.to] {
            writeln!(
                out,
                "  {} ({})",
                text::one_line(&describe::quoted(a, held.quote)),
                text::one_line(&describe::place(a, held.quote))
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    speaker: &'a str,
    speaker_name: &'a str,
    issue: &'a str,
    proposition: Option<&'a str>,
    short: String,
    from: HeldJson<'a>,
    to: HeldJson<'a>,
}

#[derive(Serialize)]
struct HeldJson<'a> {
    article: &'a str,
    date: Option<&'a str>,
    stance: &'static str,
    /// The evidence: a quote of that article taking that stance.
    quote: String,
    kind: &'static str,
    text: String,
}

fn change_json<'a>(a: &'a Corpus, ch: &Change) -> ChangeJson<'a> {
    let held = |h: &Held| HeldJson {
        article: &a.articles[h.article].id,
        date: a.articles[h.article].date.as_deref(),
        stance: h.stance.name(),
        quote: a.quote_name(h.quote).into_owned(),
        kind: a.quotes[h.quote].kind.name(),
        text: describe::written(a, h.quote),
    };
    ChangeJson {
        speaker: &a.speakers[ch.speaker].id,
        speaker_name: &a.speakers[ch.speaker].name,
        issue: &a.issues[ch.issue].id,
        proposition: a.issues[ch.issue].proposition.as_deref(),
        short: describe::short(a, ch.issue),
        from: held(&ch.from),
        to: held(&ch.to),
    }
}
