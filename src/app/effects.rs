//! The outside world the application touches: files it writes, printers it sends them to,
//! and the office's notify command. The running program uses the system; tests put a
//! recorder in its place.

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
    /// Send a document to a printer queue. `contents` is what was written to `file`: the
    /// printing program gets the text itself, since it runs without the service group and
    /// may not read the office's directories. Returns at once: the program runs meanwhile
    /// (a printer server that hangs must not hold the screen), and how it went comes from
    /// [`Effects::finished_prints`].
    fn print(&mut self, printer: &str, file: &Path, contents: &str);
    /// The prints that ended since the last call.
    fn finished_prints(&mut self) -> Vec<PrintOutcome>;
    /// Whether a print is still on its way (the screen looks again shortly).
    fn printing(&self) -> bool;
    /// Hand notification `id` (as `json`) to the notify command `program`, in the
    /// background: this returns at once.
    fn notify(&mut self, program: &Path, id: i64, json: &str);
    /// What became of the notify commands that have finished, without waiting.
    fn notified(&mut self) -> Vec<Delivered>;
    /// Wait at most `limit` for the notify commands still running (a session ending).
    fn wait_notified(&mut self, limit: std::time::Duration) -> Vec<Delivered>;
}

/// How sending one document to the printer went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintOutcome {
    pub file: PathBuf,
    pub result: Result<(), PrintError>,
}

/// Why a document did not reach the printer queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintError {
    /// The printing program could not be started (why, as the system said).
    NotStarted(String),
    /// It ran past its time and was stopped.
    TimedOut { seconds: u64 },
    /// It ended with an error (what it said, cleaned).
    Refused(String),
}

pub use crate::os::notify::Delivered;

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

/// How long the printing program may take to queue a document before it is stopped.
const PRINT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The real file system, through the setgid boundary's rules (`os::files`), the system's
/// `lp` and the notify command, run outside the service group (`os::run_outside_program`)
/// on threads of their own.
#[derive(Default)]
pub struct SystemEffects {
    prints: Vec<(PathBuf, std::sync::mpsc::Receiver<Result<(), PrintError>>)>,
    notifier: crate::os::notify::Notifier,
}

impl Effects for SystemEffects {
    fn write_new_file(
        &mut self,
        dir: &Path,
        name: &str,
        contents: &str,
    ) -> Result<PathBuf, FileError> {
        let failed = |p: &Path, e: &dyn std::fmt::Display| {
            FileError::Failed(crate::domain::text::clean_line(&format!(
                "{}: {e}",
                p.display()
            )))
        };
        // Across the setgid boundary the office's directories are made by root, with their
        // group and modes; an ordinary install makes its own.
        if !crate::os::boundary().confined {
            std::fs::create_dir_all(dir).map_err(|e| failed(dir, &e))?;
        }
        match crate::os::files::create_new_file(dir, name, contents.as_bytes()) {
            Ok(path) => Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(FileError::Exists),
            Err(e) => Err(failed(&dir.join(name), &e)),
        }
    }

    fn print(&mut self, printer: &str, file: &Path, contents: &str) {
        let lp = crate::os::boundary().lp();
        let title = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let printer = printer.to_string();
        let contents = contents.as_bytes().to_vec();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let args = ["-d", printer.as_str(), "-t", title.as_str()];
            let clean = |s: &str| crate::domain::text::clean_line(s);
            let result =
                match crate::os::run_outside_program(&lp, args, Some(&contents), PRINT_TIMEOUT) {
                    Ok(out) if out.status.success() => Ok(()),
                    Ok(out) => Err(PrintError::Refused(clean(
                        String::from_utf8_lossy(&out.stderr).trim(),
                    ))),
                    Err(crate::os::OutsideError::TimedOut { after, .. }) => {
                        Err(PrintError::TimedOut {
                            seconds: after.as_secs(),
                        })
                    }
                    Err(e) => Err(PrintError::NotStarted(clean(&e.to_string()))),
                };
            let _ = tx.send(result);
        });
        self.prints.push((file.to_path_buf(), rx));
    }

    fn finished_prints(&mut self) -> Vec<PrintOutcome> {
        let mut done = Vec::new();
        self.prints.retain(|(file, rx)| match rx.try_recv() {
            Ok(result) => {
                done.push(PrintOutcome {
                    file: file.clone(),
                    result,
                });
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                done.push(PrintOutcome {
                    file: file.clone(),
                    result: Err(PrintError::NotStarted("the printing thread ended".into())),
                });
                false
            }
        });
        done
    }

    fn printing(&self) -> bool {
        !self.prints.is_empty()
    }

    fn notify(&mut self, program: &Path, id: i64, json: &str) {
        self.notifier
            .send(program.to_path_buf(), id, json.to_string());
    }

    fn notified(&mut self) -> Vec<Delivered> {
        self.notifier.finished()
    }

    fn wait_notified(&mut self, limit: std::time::Duration) -> Vec<Delivered> {
        self.notifier.wait(limit)
    }
}

/// What a recorder saw.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recording {
    pub files: Vec<(PathBuf, String)>,
    pub printed: Vec<(String, PathBuf)>,
    /// Outcomes not yet collected by the application.
    pub unreported: Vec<PrintOutcome>,
    /// Notifications handed to the notify command: the program, the id, the JSON.
    pub notified: Vec<(PathBuf, i64, String)>,
    /// Outcomes not yet collected.
    pending: Vec<Delivered>,
    /// What the recorded notify command answers (None: it succeeds).
    pub notify_fails: Option<String>,
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

    /// Make the recorded notify command fail with `why` from now on.
    pub fn fail_notify(&self, why: &str) {
        self.lock().notify_fails = Some(why.to_string());
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

    fn print(&mut self, printer: &str, file: &Path, _contents: &str) {
        let mut r = self.lock();
        r.printed.push((printer.to_string(), file.to_path_buf()));
        r.unreported.push(PrintOutcome {
            file: file.to_path_buf(),
            result: Ok(()),
        });
    }

    fn finished_prints(&mut self) -> Vec<PrintOutcome> {
        std::mem::take(&mut self.lock().unreported)
    }

    fn printing(&self) -> bool {
        false
    }

    fn notify(&mut self, program: &Path, id: i64, json: &str) {
        let mut r = self.lock();
        r.notified
            .push((program.to_path_buf(), id, json.to_string()));
        let outcome = match &r.notify_fails {
            Some(why) => Err(why.clone()),
            None => Ok(()),
        };
        r.pending.push(Delivered {
            notification_id: id,
            outcome,
        });
    }

    fn notified(&mut self) -> Vec<Delivered> {
        std::mem::take(&mut self.lock().pending)
    }

    fn wait_notified(&mut self, _limit: std::time::Duration) -> Vec<Delivered> {
        self.notified()
    }
}
