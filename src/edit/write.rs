//! Writing a change safely: never over a file that changed on disk since
//! it was read, only once the loader accepts the result in the context of
//! the whole corpus, and atomically (a temporary file beside it, synced,
//! then renamed over it).

use super::{Change, Written, apply};
use crate::model::{Library, LoadOutcome};
use std::io::Write as _;
use std::path::Path;

/// Why a change was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The file on disk is not what was read: nothing was written, and
    /// the change can be tried again once the file is read again.
    ChangedOnDisk(String),
    /// The result would not load: the diagnostics, errors first.
    Invalid(Vec<String>),
    /// The edit could not be made, or the file not written.
    Failed(String),
}

impl Refused {
    /// One line for the status line.
    pub fn say(&self) -> String {
        match self {
            Refused::ChangedOnDisk(file) => {
                format!(
                    "{file} changed on disk since it was read: nothing written · it reloads; R tries again"
                )
            }
            Refused::Invalid(lines) => format!(
                "not written: the file would not pass check · {}",
                lines.first().map_or("", String::as_str)
            ),
            Refused::Failed(why) => format!("not written: {why}"),
        }
    }
}

/// What the last check before the rename says of a file changed meanwhile.
const CHANGED: &str = "the file changed on disk meanwhile";

/// Makes a change to a file of `library`'s source: the change as written
/// and the corpus with it, or why nothing was written.
pub fn write(library: &mut Library, change: &Change) -> Result<(Written, LoadOutcome), Refused> {
    let file = change.file();
    let name = file.display().to_string();
    let on_disk =
        std::fs::read_to_string(file).map_err(|e| Refused::Failed(format!("cannot read {name}: {e}")))?;
    let read = library.source_of(file).ok_or_else(|| Refused::Failed(format!("{name} is not open")))?;
    let (expected, after, what, select) = match change {
        Change::Edit { edit, .. } => {
            let after = apply(read, edit).map_err(|why| Refused::Failed(format!("{name}: {why}")))?;
            (read.to_string(), after, edit.describe(), edit.select())
        }
        Change::Undo(w) => (w.after.clone(), w.before.clone(), format!("undone: {}", w.what), None),
    };
    if on_disk != expected || read != on_disk {
        return Err(Refused::ChangedOnDisk(name));
    }
    // Checked again just before the rename: a save that came while the
    // corpus was put together is not overwritten either.
    let unchanged = |_: &Path| match std::fs::read_to_string(file) {
        Ok(now) if now == expected => Ok(()),
        _ => Err(CHANGED.to_string()),
    };
    let outcome = library.replace(file, &after, || replace_atomically(file, &after, unchanged));
    let outcome = outcome.map_err(|lines| match lines.first() {
        Some(first) if first == CHANGED => Refused::ChangedOnDisk(name.clone()),
        _ => Refused::Invalid(lines),
    })?;
    Ok((Written { file: file.to_path_buf(), before: expected, after, what, select }, outcome))
}

/// Replaces `file` with `contents`: written beside it, synced, `check`ed
/// at its temporary path, then renamed over it, its permissions kept.
/// Through a symbolic link, the file it points at is replaced.
pub fn replace_atomically(
    file: &Path,
    contents: &str,
    check: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), String> {
    let target = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".whosaid-")
        .suffix(".yaml")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    temp.write_all(contents.as_bytes()).and_then(|_| temp.as_file().sync_all()).map_err(|e| e.to_string())?;
    check(temp.path())?;
    if let Ok(meta) = std::fs::metadata(file) {
        let _ = std::fs::set_permissions(temp.path(), meta.permissions());
    }
    temp.persist(&target).map_err(|e| e.error.to_string())?;
    Ok(())
}
