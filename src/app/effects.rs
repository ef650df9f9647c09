//! The outside world the application touches: files it writes and printers it sends them to.
//! The running program uses the system; tests put a recorder in its place.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Why a file was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// A file of that name is there already: nothing is ever overwritten.
    Exists,
    Failed(String),
}

pub trait Effects {
    /// Write a new file `name` in `dir` (created if missing), never overwriting one that is
    /// there, and return its path.
    fn write_new_file(
        &mut self,
        dir: &Path,
        name: &str,
        contents: &str,
    ) -> Result<PathBuf, FileError>;
    /// Send a file to a printer queue.
    fn print(&mut self, printer: &str, file: &Path) -> Result<(), String>;
}

/// Copies of one document a session may write before it gives up finding a free name.
const COPIES: u32 = 99;

/// Write `contents` as `stem.txt` in `dir`, or `stem-2.txt`, `stem-3.txt`… when it was written
/// before: a document printed again is a new copy beside the first, never written over it.
pub fn write_copy(
    effects: &mut dyn Effects,
    dir: &Path,
    stem: &str,
    contents: &str,
) -> Result<PathBuf, FileError> {
    for copy in 1..=COPIES {
        let name = if copy == 1 {
            format!("{stem}.txt")
        } else {
            format!("{stem}-{copy}.txt")
        };
        match effects.write_new_file(dir, &name, contents) {
            Err(FileError::Exists) => continue,
            other => return other,
        }
    }
    Err(FileError::Exists)
}

/// The real file system and the system's `lp`.
pub struct SystemEffects;

impl Effects for SystemEffects {
    fn write_new_file(
        &mut self,
        dir: &Path,
        name: &str,
        contents: &str,
    ) -> Result<PathBuf, FileError> {
        use std::io::Write;
        let failed =
            |p: &Path, e: std::io::Error| FileError::Failed(format!("{}: {e}", p.display()));
        std::fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
        let path = dir.join(name);
        let mut file = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(FileError::Exists);
            }
            Err(e) => return Err(failed(&path, e)),
        };
        file.write_all(contents.as_bytes())
            .map_err(|e| failed(&path, e))?;
        Ok(path)
    }

    fn print(&mut self, printer: &str, file: &Path) -> Result<(), String> {
        let out = std::process::Command::new("lp")
            .arg("-d")
            .arg(printer)
            .arg(file)
            .stdin(std::process::Stdio::null())
            .output()
            .map_err(|e| format!("lp: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "lp: {}",
                crate::domain::text::clean_line(&String::from_utf8_lossy(&out.stderr))
            ))
        }
    }
}

/// What a recorder saw.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recording {
    pub files: Vec<(PathBuf, String)>,
    pub printed: Vec<(String, PathBuf)>,
}

/// Remembers what would have been written and printed, for tests. Clones share one recording,
/// so a test keeps a handle while the application owns another.
#[derive(Debug, Default, Clone)]
pub struct RecordedEffects {
    recording: Arc<Mutex<Recording>>,
}

impl RecordedEffects {
    fn lock(&self) -> MutexGuard<'_, Recording> {
        // A test that panicked while holding the lock still leaves a readable recording.
        self.recording.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn recording(&self) -> Recording {
        self.lock().clone()
    }
}

impl Effects for RecordedEffects {
    fn write_new_file(
        &mut self,
        dir: &Path,
        name: &str,
        contents: &str,
    ) -> Result<PathBuf, FileError> {
        let path = dir.join(name);
        let mut r = self.lock();
        if r.files.iter().any(|(p, _)| *p == path) {
            return Err(FileError::Exists);
        }
        r.files.push((path.clone(), contents.to_string()));
        Ok(path)
    }

    fn print(&mut self, printer: &str, file: &Path) -> Result<(), String> {
        self.lock()
            .printed
            .push((printer.to_string(), file.to_path_buf()));
        Ok(())
    }
}
