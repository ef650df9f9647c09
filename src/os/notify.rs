//! The office's notify command (an SMS gateway, say): run with one notification as JSON on
//! its standard input, through [`super::run_outside_program`] (by absolute path, without the
//! service group, with a fixed environment), never for longer than [`NOTIFY_TIMEOUT`]. The
//! screen runs it on a thread of its own, so a slow or failing command never holds the desk;
//! what became of it comes back as a [`Delivered`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// How long the notify command may take before it is stopped.
pub const NOTIFY_TIMEOUT: Duration = Duration::from_secs(10);

/// What became of one notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub notification_id: i64,
    /// Err: why not, in words (a non-zero exit with its first line of stderr, a timeout, a
    /// program that could not be started).
    pub outcome: Result<(), String>,
}

/// Run `program` with `json` on its standard input and wait for it (at most `timeout`).
pub fn deliver(program: &Path, json: &str, timeout: Duration) -> Result<(), String> {
    let clean = |s: &str| crate::domain::text::clean_line(s);
    let no_args: [&str; 0] = [];
    match super::run_outside_program(program, no_args, Some(json.as_bytes()), timeout) {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let code = out
                .status
                .code()
                .map_or_else(|| "a signal".to_string(), |c| c.to_string());
            Err(clean(&format!(
                "{} exited with {code}: {}",
                program.display(),
                first.trim()
            )))
        }
        Err(e) => Err(clean(&e.to_string())),
    }
}

/// Notify commands running in the background, one thread each, and their outcomes.
#[derive(Debug)]
pub struct Notifier {
    sender: Sender<Delivered>,
    receiver: Receiver<Delivered>,
    outstanding: usize,
}

impl Default for Notifier {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            outstanding: 0,
        }
    }
}

impl Notifier {
    /// Start `program` for notification `id` on a thread of its own; returns at once.
    pub fn send(&mut self, program: PathBuf, id: i64, json: String) {
        let sender = self.sender.clone();
        let spawned = std::thread::Builder::new()
            .name("notify".into())
            .spawn(move || {
                let outcome = deliver(&program, &json, NOTIFY_TIMEOUT);
                let _ = sender.send(Delivered {
                    notification_id: id,
                    outcome,
                });
            });
        match spawned {
            Ok(_) => self.outstanding += 1,
            Err(e) => {
                let _ = self.sender.send(Delivered {
                    notification_id: id,
                    outcome: Err(format!(
                        "could not start a thread for the notify command: {e}"
                    )),
                });
                self.outstanding += 1;
            }
        }
    }

    /// The outcomes that have come in, without waiting.
    pub fn finished(&mut self) -> Vec<Delivered> {
        let mut out = vec![];
        while let Ok(d) = self.receiver.try_recv() {
            out.push(d);
        }
        self.outstanding = self.outstanding.saturating_sub(out.len());
        out
    }

    /// Wait for the outstanding commands, at most `limit` (a session ending).
    pub fn wait(&mut self, limit: Duration) -> Vec<Delivered> {
        let deadline = Instant::now() + limit;
        let mut out = self.finished();
        while self.outstanding > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok(d) => {
                    self.outstanding -= 1;
                    out.push(d);
                }
                Err(_) => break,
            }
        }
        out
    }

    /// How many have not come back yet.
    pub fn outstanding(&self) -> usize {
        self.outstanding
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join(name);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        p
    }

    #[test]
    fn the_command_reads_the_event_and_its_failure_is_told_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("got.json");
        let ok = script(dir.path(), "ok", &format!("cat > {}", out.display()));
        assert_eq!(deliver(&ok, "{\"id\":1}", NOTIFY_TIMEOUT), Ok(()));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "{\"id\":1}");
        let bad = script(dir.path(), "bad", "echo 'gateway down' >&2; exit 3");
        let e = deliver(&bad, "{}", NOTIFY_TIMEOUT).unwrap_err();
        assert!(e.contains("exited with 3: gateway down"), "{e}");
        let missing = deliver(Path::new("/nonexistent/sms"), "{}", NOTIFY_TIMEOUT).unwrap_err();
        assert!(missing.contains("could not be started"), "{missing}");
    }

    #[test]
    fn a_slow_command_never_holds_the_caller() {
        let dir = tempfile::tempdir().unwrap();
        let slow = script(dir.path(), "slow", "sleep 30");
        let mut n = Notifier::default();
        let started = Instant::now();
        n.send(slow.clone(), 1, "{}".into());
        assert!(
            started.elapsed() < Duration::from_millis(200),
            "send returns at once"
        );
        assert!(n.finished().is_empty());
        assert_eq!(n.outstanding(), 1);
        // A short deadline of its own shows the stop in words.
        let e = deliver(&slow, "{}", Duration::from_millis(200)).unwrap_err();
        assert!(e.contains("did not finish"), "{e}");
        let waited = n.wait(Duration::from_millis(100));
        assert!(waited.is_empty(), "still running after 100 ms");
    }
}
