//! Getting the bytes: annotation files and the article texts they name,
//! read whole but never beyond the size cap, and the built-in article that
//! ships inside the binary.

use crate::model::locate::Position;
use crate::text;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

pub const BUILTIN_NAME: &str = "nato-open-doors.yaml (built-in)";
pub const BUILTIN_YAML: &str = include_str!("../../../assets/nato-open-doors.yaml");
const BUILTIN_TEXT_NAME: &str = "nato-open-doors.txt";
const BUILTIN_TEXT: &str = include_str!("../../../assets/nato-open-doors.txt");

/// Reads an article text file named in an annotation: its bytes and, for a
/// file on disk, its path.
pub type TextFiles<'a> = dyn Fn(&str) -> Result<(Vec<u8>, Option<PathBuf>), String> + Sync + 'a;

/// The built-in annotation's text file.
pub fn builtin_text(name: &str) -> Result<(Vec<u8>, Option<PathBuf>), String> {
    if name == BUILTIN_TEXT_NAME {
        Ok((BUILTIN_TEXT.as_bytes().to_vec(), None))
    } else {
        Err(format!("the built-in article has no file `{name}`"))
    }
}

/// Text files beside an annotation file on disk.
pub fn text_file_beside(annotation: &Path, name: &str) -> Result<(Vec<u8>, Option<PathBuf>), String> {
    let full = annotation.parent().map(Path::to_path_buf).unwrap_or_default().join(name);
    match read_capped(&full) {
        Ok(bytes) => Ok((bytes, Some(full))),
        Err(ReadError::TooLarge(size)) => Err(too_large("it", size)),
        Err(ReadError::Io(e)) => Err(format!("{e} (looked for {})", full.display())),
    }
}

pub fn too_large(what: &str, size: u64) -> String {
    format!(
        "{what} is too large ({:.1} MiB, {size} bytes); whosaid reads files up to {} MiB",
        size as f64 / (1 << 20) as f64,
        MAX_FILE_BYTES >> 20
    )
}

pub enum ReadError {
    TooLarge(u64),
    Io(String),
}

/// Reads a whole file, refusing directories and anything over the cap
/// (checked on the bytes read too, for files that grow or never end).
pub fn read_capped(path: &Path) -> Result<Vec<u8>, ReadError> {
    let describe = |e: std::io::Error| {
        ReadError::Io(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        })
    };
    let meta = std::fs::metadata(path).map_err(describe)?;
    if meta.is_dir() {
        return Err(ReadError::Io("it is a directory, not a file".to_string()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(describe)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(describe)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Position (1-based line and column, in characters) of byte `at`, and the byte.
pub fn utf8_error_at(bytes: &[u8], at: usize) -> (Position, u8) {
    (Position::of_byte(bytes, at), bytes.get(at).copied().unwrap_or(0))
}

/// A file that cannot be read at all (exit code 2 for the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&text::one_line(&self.0))
    }
}

/// Why a plain text could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextProblem {
    pub message: String,
    /// The file could not be read at all (rather than read and refused).
    pub unreadable: bool,
}

/// A plain UTF-8 text from a file: refused, with where and why, when it is
/// too large, empty, not UTF-8 or binary.
pub fn read_text(path: &Path) -> Result<String, TextProblem> {
    let name = path.display();
    let refused = |message: String| TextProblem { message: format!("{name}: {message}"), unreadable: false };
    let bytes = match read_capped(path) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge(size)) => {
            return Err(TextProblem {
                message: format!("{name}: {}", too_large("it", size)),
                unreadable: true,
            });
        }
        Err(ReadError::Io(e)) => {
            return Err(TextProblem { message: format!("{name}: {e}"), unreadable: true });
        }
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused("the file is empty; give a text with the article's words".into()));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        let (position, _) = utf8_error_at(&bytes, at);
        return Err(refused(format!(
            "this is not text (a NUL byte at line {}, column {}); give a plain UTF-8 text",
            position.line, position.column
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (position, byte) = utf8_error_at(e.as_bytes(), e.utf8_error().valid_up_to());
        refused(format!(
            "not valid UTF-8 (byte 0x{byte:02x} at line {}, column {}); save it as UTF-8",
            position.line, position.column
        ))
    })
}
