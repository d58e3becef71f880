//! Which files a source is made of: a path given may be an annotation, a
//! corpus file or a directory (every `*.yaml`/`*.yml` under it, hidden
//! entries skipped, in path order; a directory holding a `corpus.yaml`
//! opens as that corpus).

use super::read::Unreadable;
use std::path::{Path, PathBuf};

/// The files the paths name, each once, in the order given.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Unreadable> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => e.to_string(),
            };
            Unreadable(format!("cannot read {}: {why}", path.display()))
        })?;
        let found = if meta.is_dir() {
            let corpus = path.join("corpus.yaml");
            if corpus.is_file() { vec![corpus] } else { walk(path) }
        } else {
            vec![path.clone()]
        };
        if found.is_empty() {
            return Err(Unreadable(format!(
                "cannot read {}: it is a directory with no annotation files (*.yaml, *.yml) in it",
                path.display()
            )));
        }
        for file in found {
            let key = identity(&file);
            if !seen.contains(&key) {
                seen.push(key);
                out.push(file);
            }
        }
    }
    Ok(out)
}

/// Every annotation file under a directory, hidden entries skipped, in
/// path order. Entries that cannot be read are passed over. The empty
/// path (the directory of a bare file name) is the working directory, and
/// the files keep names relative to it (`corpus.yaml`'s articles).
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    if dir.as_os_str().is_empty() {
        let here = walk(Path::new("."));
        return here.into_iter().map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)).collect();
    }
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => dirs.push(path),
                Ok(_) if is_annotation_name(&path) && path.is_file() => out.push(path),
                _ => {}
            }
        }
    }
    out.sort();
    out
}

fn is_annotation_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// A file's identity, to tell two names of one file apart: its canonical
/// path when it exists.
pub fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}
