//! Watching the corpus's files: a change on disk becomes a message for the
//! loop, which asks the loader to read the files that changed again.

use std::path::PathBuf;

/// Watches the corpus's files (through their directories, so that editors
/// that save by renaming are seen too) and the directories it was opened
/// from (a new file there joins); a watch that cannot be set up is said.
pub fn watch(
    files: &[PathBuf],
    directories: &[PathBuf],
    changed: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Result<notify::RecommendedWatcher, String> {
    use notify::{RecursiveMode, Watcher};
    let files: Vec<PathBuf> = files.iter().cloned().map(absolute).collect();
    let roots: Vec<PathBuf> = directories.iter().cloned().map(absolute).collect();
    let (watched, under, changed_files) = (files.clone(), roots.clone(), changed);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        let paths: Vec<PathBuf> = event.paths.iter().cloned().map(absolute).collect();
        let ours = |p: &PathBuf| {
            watched.contains(p)
                || (under.iter().any(|r| p.starts_with(r))
                    && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        };
        let changed: Vec<PathBuf> = paths.into_iter().filter(ours).collect();
        if !changed.is_empty() {
            changed_files(changed);
        }
    })
    .map_err(|e| format!("cannot watch the files for changes ({e})"))?;
    let mut dirs: Vec<PathBuf> = files.iter().filter_map(|f| f.parent().map(PathBuf::from)).collect();
    dirs.sort();
    dirs.dedup();
    for dir in dirs.iter().filter(|d| !roots.iter().any(|r| d.starts_with(r))) {
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {} for changes ({e})", dir.display()))?;
    }
    for root in &roots {
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {} for changes ({e})", root.display()))?;
    }
    Ok(watcher)
}

fn absolute(path: PathBuf) -> PathBuf {
    let path = std::path::absolute(&path).unwrap_or(path);
    match (path.parent().and_then(|d| d.canonicalize().ok()), path.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => path,
    }
}
