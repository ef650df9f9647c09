//! Running an outside program (`lp` for receipts, later a notify command) across the setgid
//! boundary: by absolute path, with a fixed environment, with the caller's own group only,
//! and never for longer than a deadline.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The most of each output stream kept; the rest is read and dropped, so a chatty program
/// neither blocks nor fills memory.
const MAX_OUTPUT: usize = 1 << 20;

/// What an outside program did.
#[derive(Debug)]
pub struct Output {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Why an outside program could not be run to its end.
#[derive(Debug)]
pub enum OutsideError {
    /// Only an absolute path is run: a name would be looked up on a `PATH` someone else chose.
    NotAbsolute(PathBuf),
    /// It could not be started (missing, not executable, or the group could not be dropped).
    Spawn {
        program: PathBuf,
        error: std::io::Error,
    },
    /// It ran past its deadline and was killed, with everything it started.
    TimedOut {
        program: PathBuf,
        after: Duration,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for OutsideError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutsideError::NotAbsolute(p) => write!(
                f,
                "{} is not an absolute path; outside programs are run only by absolute path",
                p.display()
            ),
            OutsideError::Spawn { program, error } => {
                write!(f, "{} could not be started: {error}", program.display())
            }
            OutsideError::TimedOut { program, after } => write!(
                f,
                "{} did not finish within {} s and was stopped",
                program.display(),
                after.as_secs()
            ),
            OutsideError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for OutsideError {}

/// Run `program` (an absolute path) with `args`, feeding it `stdin`, and wait at most
/// `timeout` for it.
///
/// - The child gets a fixed environment: `PATH` = [`super::boundary::SAFE_PATH`], `HOME` from
///   the caller's passwd entry, and the caller's locale variables; nothing else.
/// - Before it starts, the child drops the service group completely: real, effective and saved
///   group ids are all set to the caller's real group (`setresgid`), and the same for the user
///   ids; it is checked, and the program is not started if any id is left. (`Command::gid`
///   alone leaves the saved group id, with which the program could take the group back.) It
///   keeps the caller's own supplementary groups. Descriptors beyond 0–2 are closed at exec.
/// - It runs in its own process group; past `timeout` the whole group is killed and
///   [`OutsideError::TimedOut`] returned.
/// - Output beyond 1 MiB per stream is dropped.
///
/// Pass files to it on stdin rather than by path: with the service group dropped it cannot
/// read the office's directories, which is the point.
pub fn run_outside_program<I, S>(
    program: &Path,
    args: I,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<Output, OutsideError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    if !program.is_absolute() {
        return Err(OutsideError::NotAbsolute(program.to_path_buf()));
    }
    let mut cmd = Command::new(program);
    cmd.args(args)
        .env_clear()
        .env("PATH", super::boundary::SAFE_PATH)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    for (k, v) in std::env::vars_os() {
        let name = k.to_string_lossy();
        if name == "LANG" || name == "LANGUAGE" || name.starts_with("LC_") {
            cmd.env(&k, &v);
        }
    }
    if let Some(home) = super::current_home() {
        cmd.env("HOME", home);
    }
    let (rgid, ruid) = (nix::unistd::getgid(), nix::unistd::getuid());
    // SAFETY: the closure runs in the child between fork and exec; it makes only system calls
    // (setresgid, setresuid, getresgid, getresuid, close_range), which are async-signal-safe,
    // and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            nix::unistd::setresgid(rgid, rgid, rgid)?;
            nix::unistd::setresuid(ruid, ruid, ruid)?;
            let g = nix::unistd::getresgid()?;
            let u = nix::unistd::getresuid()?;
            if g.real != rgid || g.effective != rgid || g.saved != rgid || u.saved != ruid {
                return Err(std::io::Error::from_raw_os_error(libc::EPERM));
            }
            // Any descriptor the parent opened without close-on-exec (SQLite's, a library's)
            // is closed at exec; 0–2 stay. Best effort: older kernels lack close_range.
            libc::syscall(
                libc::SYS_close_range,
                3u32,
                u32::MAX,
                libc::CLOSE_RANGE_CLOEXEC,
            );
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(|error| OutsideError::Spawn {
        program: program.to_path_buf(),
        error,
    })?;
    let feeder = match (stdin, child.stdin.take()) {
        (Some(bytes), Some(mut pipe)) => {
            let bytes = bytes.to_vec();
            // A program that exits without reading all of it closes the pipe: that write
            // fails with EPIPE (SIGPIPE is ignored in Rust programs), which is not our error.
            Some(std::thread::spawn(move || {
                let _ = pipe.write_all(&bytes);
            }))
        }
        _ => None,
    };
    let out = child.stdout.take().map(drain);
    let err = child.stderr.take().map(drain);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(OutsideError::Io)? {
            break status;
        }
        if started.elapsed() >= timeout {
            // Kill the group: lp may have started a filter of its own.
            let _ = nix::sys::signal::killpg(
                nix::unistd::Pid::from_raw(child.id() as i32),
                nix::sys::signal::Signal::SIGKILL,
            );
            let _ = child.wait();
            return Err(OutsideError::TimedOut {
                program: program.to_path_buf(),
                after: timeout,
            });
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // A program can leave something behind that holds its output open (a daemon it started):
    // what it wrote is waited for only until the deadline.
    let deadline = started + timeout;
    let collect = |rx: Option<std::sync::mpsc::Receiver<Vec<u8>>>| {
        rx.and_then(|rx| {
            rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .ok()
        })
        .unwrap_or_default()
    };
    drop(feeder);
    Ok(Output {
        status,
        stdout: collect(out),
        stderr: collect(err),
    })
}

/// Read a stream to its end on a thread of its own; the bytes arrive on the channel.
fn drain<R: Read + Send + 'static>(mut r: R) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = MAX_OUTPUT.saturating_sub(kept.len());
                    kept.extend(buf.iter().take(n.min(room)));
                }
            }
        }
        let _ = tx.send(kept);
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_looked_up_on_path_is_refused() {
        let e = run_outside_program(Path::new("lp"), ["-d", "x"], None, Duration::from_secs(1))
            .unwrap_err();
        assert!(matches!(e, OutsideError::NotAbsolute(_)), "{e}");
    }

    #[test]
    fn the_program_reads_stdin_and_its_output_comes_back() {
        let out = run_outside_program(
            Path::new("/bin/cat"),
            Vec::<&str>::new(),
            Some("回执\n".as_bytes()),
            Duration::from_secs(5),
        )
        .unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, "回执\n".as_bytes());
    }

    #[test]
    fn the_environment_is_fixed() {
        let out = run_outside_program(
            Path::new("/usr/bin/env"),
            Vec::<&str>::new(),
            None,
            Duration::from_secs(5),
        )
        .unwrap();
        let env = String::from_utf8_lossy(&out.stdout);
        assert!(env.lines().any(|l| l == "PATH=/usr/bin:/bin"), "{env}");
        assert!(!env.contains("LD_"), "{env}");
        assert!(!env.contains("CARGO"), "{env}");
    }

    #[test]
    fn a_program_past_its_deadline_is_stopped() {
        let started = Instant::now();
        let e = run_outside_program(
            Path::new("/bin/sh"),
            ["-c", "sleep 30 & sleep 30"],
            None,
            Duration::from_millis(200),
        )
        .unwrap_err();
        assert!(matches!(e, OutsideError::TimedOut { .. }), "{e}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_missing_program_is_said_so() {
        let e = run_outside_program(
            Path::new("/nonexistent/lp"),
            Vec::<&str>::new(),
            None,
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert!(matches!(e, OutsideError::Spawn { .. }), "{e}");
    }
}
