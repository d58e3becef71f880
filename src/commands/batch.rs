//! `whosaid suggest --batch`: drafts for many texts, for any engine that
//! maps a command over files (Spark's `pipe`, Ray, GNU parallel). The
//! paths come from a directory or standard input; each text becomes one
//! JSON Lines record on standard output — its draft, or why there is none,
//! while the others go on — or a YAML draft under `--out DIR`. Texts are
//! drafted on every core, a window at a time, and written in input order
//! as they are done, so memory does not grow with the number of texts.

use super::Outcome;
use crate::cli::{Status, SuggestArgs};
use crate::suggest::{self, yaml};
use serde::Serialize;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

pub fn run(args: &SuggestArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let paths: Box<dyn Iterator<Item = std::io::Result<PathBuf>>> = match &args.article {
        Some(dir) => match texts_in(dir) {
            Ok(paths) => Box::new(paths.into_iter().map(Ok)),
            Err(why) => {
                writeln!(err, "whosaid: {}: {why}", dir.display())?;
                return Ok(Status::Usage);
            }
        },
        None => Box::new(
            std::io::stdin()
                .lock()
                .lines()
                .filter(|l| l.as_ref().map_or(true, |l| !l.trim().is_empty()))
                .map(|l| l.map(|l| PathBuf::from(l.trim()))),
        ),
    };
    if let Some(dir) = &args.out
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        writeln!(err, "whosaid: cannot make {}: {e}", dir.display())?;
        return Ok(Status::Usage);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let window = cores * 4;
    let mut failed = 0;
    let mut pending: Vec<PathBuf> = Vec::with_capacity(window);
    let mut paths = paths.peekable();
    while paths.peek().is_some() {
        pending.clear();
        for path in paths.by_ref().take(window) {
            pending.push(path?);
        }
        let records = crate::cores::map_on_every_core(pending.len(), |i| draft_record(&pending[i], args));
        for (record, ok) in records {
            failed += usize::from(!ok);
            out.write_all(record.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(if failed > 0 { Status::Errors } else { Status::Clean })
}

/// The `*.txt` files under a directory (hidden entries skipped), in path order.
fn texts_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at)? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[derive(Serialize)]
struct DraftRecord<'a> {
    path: String,
    speakers: Vec<SpeakerRecord<'a>>,
    quotes: Vec<QuoteRecord>,
    /// With --out: where the YAML draft was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    yaml: Option<String>,
}

#[derive(Serialize)]
struct SpeakerRecord<'a> {
    id: String,
    name: &'a str,
    role: Option<&'a str>,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct QuoteRecord {
    speaker: String,
    kind: &'static str,
    /// The words, parts joined by ` … `.
    text: String,
    /// Each part's `[start, end)` in code points.
    spans: Vec<[usize; 2]>,
    confidence: u8,
    found_by: String,
}

#[derive(Serialize)]
struct ErrorRecord {
    path: String,
    error: String,
}

/// A text's record, and whether it is a draft (else it says why there is none).
fn draft_record(path: &Path, args: &SuggestArgs) -> (String, bool) {
    let name = path.display().to_string();
    let fail = |error: String| {
        (serde_json::to_string(&ErrorRecord { path: name.clone(), error }).unwrap_or_default(), false)
    };
    let text = match crate::model::read_text(path) {
        Ok(text) => text,
        Err(problem) => return fail(problem.message),
    };
    let draft = suggest::suggest_on(&text, 1);
    let chosen_candidates = yaml::chosen(&draft, args.min_confidence);
    let chosen: Vec<&suggest::Candidate> = chosen_candidates.iter().collect();
    let speakers = yaml::speakers(&draft, &chosen, &yaml::Existing::default());
    let mut written = None;
    if let Some(dir) = &args.out {
        let stem = path.file_stem().map_or("article".into(), |s| s.to_string_lossy());
        let target = dir.join(format!("{stem}.yaml"));
        let yaml = yaml::draft_file(&text, &path.to_string_lossy(), &draft, args.min_confidence, &stem);
        if let Err(e) = write_atomically(&target, &yaml) {
            return fail(format!("cannot write {}: {e}", target.display()));
        }
        written = Some(target.display().to_string());
    }
    // Code points for the byte offsets, in one pass over the text.
    let mut offsets: Vec<usize> =
        chosen.iter().flat_map(|c| c.parts.iter().flat_map(|p| [p.start, p.end])).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut chars = std::collections::HashMap::with_capacity(offsets.len());
    let (mut byte, mut count) = (0, 0);
    for o in offsets {
        count += text[byte..o].chars().count();
        byte = o;
        chars.insert(o, count);
    }
    let record = DraftRecord {
        path: name.clone(),
        speakers: speakers
            .new
            .iter()
            .map(|&p| {
                let person = &draft.cast.people[p];
                SpeakerRecord {
                    id: speakers.id(p).to_string(),
                    name: &person.name,
                    role: person.role.as_deref(),
                    aliases: &person.aliases,
                }
            })
            .collect(),
        quotes: chosen
            .iter()
            .map(|c| QuoteRecord {
                speaker: speakers.id(c.speaker).to_string(),
                kind: c.kind.name(),
                text: c
                    .parts
                    .iter()
                    .map(|p| crate::text::fold_whitespace(&text[p.clone()]))
                    .collect::<Vec<_>>()
                    .join(crate::model::PART_JOINER),
                spans: c.parts.iter().map(|p| [chars[&p.start], chars[&p.end]]).collect(),
                confidence: c.confidence,
                found_by: c.found_by.clone(),
            })
            .collect(),
        yaml: written,
    };
    match serde_json::to_string(&record) {
        Ok(json) => (json, true),
        Err(e) => fail(e.to_string()),
    }
}

/// Writes a file whole or not at all: a temporary file beside it, renamed.
fn write_atomically(target: &Path, contents: &str) -> std::io::Result<()> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}
