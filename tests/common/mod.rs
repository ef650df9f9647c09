//! Helpers shared by the integration tests: a database made by the real binary, and the real
//! binary driven in a pseudo-terminal with `vt100` as the screen.

#![allow(dead_code)]

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_xfdesk"))
}

/// Run the binary with `args` on `db`, in English, and return its output.
pub fn xfdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .arg("--db")
        .arg(db)
        .env("LANG", "C.UTF-8")
        .env("XFDESK_LANG", "en")
        .env_remove("XFDESK_DB")
        .output()
        .expect("run xfdesk")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh database initialised by the real `init`, with the running account as admin and
/// every other role (so it can register intakes).
pub fn initialised_db(dir: &Path) -> PathBuf {
    let db = dir.join("office.db");
    let out = xfdesk(&db, &["init", "--name", "测试管理员"]);
    assert!(out.status.success(), "init failed: {}", stderr(&out));
    let login = xfdesk::os::current_login().expect("a passwd entry");
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            &login,
            "--name",
            "测试管理员",
            "--role",
            "admin,reception,expert,supervisor,manager",
        ],
    );
    assert!(out.status.success(), "staff add failed: {}", stderr(&out));
    db
}

/// The real binary in a pseudo-terminal.
pub struct Tui {
    pub master: Option<Box<dyn MasterPty + Send>>,
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    pub bytes: Arc<Mutex<Vec<u8>>>,
    finished: Arc<AtomicBool>,
}

/// The longest a program in a test terminal may run.
const WATCHDOG: Duration = Duration::from_secs(180);

impl Tui {
    pub fn start(db: &Path, cols: u16, rows: u16, lang: &str, extra_args: &[&str]) -> Tui {
        Self::start_answering(db, cols, rows, lang, extra_args, None)
    }

    /// Start, with the terminal answering a cursor-position query (`ESC[6n`) the way a real one
    /// does, from the screen model; or, with `column`, always with that column (a terminal
    /// that decodes the probe differently).
    pub fn start_answering(
        db: &Path,
        cols: u16,
        rows: u16,
        lang: &str,
        extra_args: &[&str],
        column: Option<u16>,
    ) -> Tui {
        let mut args = vec!["--db".to_string(), db.display().to_string()];
        args.extend(extra_args.iter().map(|a| a.to_string()));
        Self::launch(&args, &[], cols, rows, lang, column)
    }

    /// Start with `env` added and no `--db` (a confined start finds its database in the
    /// system configuration, and refuses `--db`).
    pub fn start_with_env(
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        lang: &str,
    ) -> Tui {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        Self::launch(&args, env, cols, rows, lang, None)
    }

    /// Start `program args…` (e.g. `setpriv … xfdesk …`, to run as another account) in the
    /// terminal, as `start` starts the binary.
    pub fn start_program(program: &Path, args: &[String], cols: u16, rows: u16, lang: &str) -> Tui {
        Self::launch_program(program, args, &[], cols, rows, lang, None)
    }

    fn launch(
        args: &[String],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        lang: &str,
        column: Option<u16>,
    ) -> Tui {
        Self::launch_program(&bin(), args, env, cols, rows, lang, column)
    }

    fn launch_program(
        program: &Path,
        args: &[String],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        lang: &str,
        column: Option<u16>,
    ) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(program);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("LANG", lang);
        // The office's language wins over LANG; a test that asks for a language says so.
        if let Some(l) = xfdesk::i18n::Lang::parse(lang) {
            cmd.env("XFDESK_LANG", if l.is_zh() { "zh" } else { "en" });
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("XFDESK_DB");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let finished = Arc::new(AtomicBool::new(false));
        {
            // A test that loses its way (a screen that never comes, under a loaded machine)
            // must not hang the whole run: the program is killed after a generous while, and
            // the test's next wait fails with the screen.
            let mut killer = child.clone_killer();
            let finished = Arc::clone(&finished);
            std::thread::spawn(move || {
                let deadline = Instant::now() + WATCHDOG;
                while Instant::now() < deadline {
                    if finished.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
                if !finished.load(Ordering::Relaxed) {
                    eprintln!("watchdog: the program ran past {WATCHDOG:?}; killed");
                    let _ = killer.kill();
                }
            });
        }
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(Some(pair.master.take_writer().expect("writer"))));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        {
            let screen = Arc::clone(&screen);
            let bytes = Arc::clone(&bytes);
            let writer = Arc::clone(&writer);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let chunk = &buf[..n];
                            let mut parser = screen.lock().unwrap();
                            parser.process(chunk);
                            bytes.lock().unwrap().extend_from_slice(chunk);
                            if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                                let (row, col) = parser.screen().cursor_position();
                                let col = column.unwrap_or(col + 1);
                                let answer = format!("\x1b[{};{}R", row + 1, col);
                                if let Some(w) = writer.lock().unwrap().as_mut() {
                                    let _ = w.write_all(answer.as_bytes());
                                    let _ = w.flush();
                                }
                            }
                        }
                    }
                }
            });
        }
        Tui {
            master: Some(pair.master),
            writer,
            child,
            screen,
            bytes,
            finished,
        }
    }

    pub fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn cursor(&self) -> (u16, u16) {
        self.screen.lock().unwrap().screen().cursor_position()
    }

    /// Wait until the screen shows `text`; panic with the screen if it does not in time.
    pub fn wait_for(&self, text: &str) {
        self.wait_for_within(text, Duration::from_secs(15));
    }

    /// Wait until the screen shows `text`, at most `limit`.
    pub fn wait_for_within(&self, text: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {text:?}:\n{}", self.screen());
    }

    /// Write to the terminal, a piece at a time: the lock on the writer is let go between
    /// pieces, so that the reader can answer the program's queries (ESC[6n) while a large
    /// paste is still going in — holding it through a 100 KB write could leave each side
    /// waiting on the other under a loaded machine.
    pub fn send(&mut self, bytes: &[u8]) {
        for piece in bytes.chunks(512) {
            let mut guard = self.writer.lock().unwrap();
            let w = guard.as_mut().expect("terminal open");
            w.write_all(piece).unwrap();
            w.flush().unwrap();
        }
    }

    /// Type text as a person would: one character at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            self.send(c.encode_utf8(&mut b).as_bytes());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Let output settle: no new bytes for a short while.
    pub fn settle(&self) {
        let mut last = usize::MAX;
        for _ in 0..200 {
            std::thread::sleep(Duration::from_millis(30));
            let n = self.bytes.lock().unwrap().len();
            if n == last {
                return;
            }
            last = n;
        }
    }

    pub fn byte_count(&self) -> usize {
        self.bytes.lock().unwrap().len()
    }

    /// Wait for the program to exit; None if it is still running after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Resize the terminal, as a window dragged smaller or larger does (the program gets
    /// SIGWINCH), and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        if let Some(master) = &self.master {
            master
                .resize(PtySize {
                    rows,
                    cols,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .unwrap();
        }
        self.screen.lock().unwrap().screen_mut().set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
    }

    /// Close the terminal from the far end, as a dropped SSH connection does.
    pub fn hang_up(&mut self) {
        *self.writer.lock().unwrap() = None;
        self.master = None;
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::Relaxed);
        let _ = self.child.kill();
    }
}

pub const CTRL_S: &[u8] = b"\x13";
pub const CTRL_Q: &[u8] = b"\x11";
pub const TAB: &[u8] = b"\t";
pub const ENTER: &[u8] = b"\r";
pub const ESC: &[u8] = b"\x1b";
pub const F2: &[u8] = b"\x1bOQ";
pub const DOWN: &[u8] = b"\x1b[B";

/// Run the binary with its standard output a pipe whose reader has already gone, as in
/// `xfdesk … | true`: the first write meets a broken pipe, every time.
pub fn xfdesk_into_closed_pipe(db: &Path, args: &[&str]) -> Output {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe fills two descriptors we then own.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read_end);
    Command::new(bin())
        .args(args)
        .arg("--db")
        .arg(db)
        .env("XFDESK_LANG", "en")
        .env_remove("XFDESK_DB")
        .stdout(std::process::Stdio::from(write_end))
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run xfdesk")
}

/// A copy of a database made before databases carried an application id, with the account
/// running the tests added as staff (the fixture was made by `root`).
pub fn legacy_copy(dir: &Path) -> PathBuf {
    let db = dir.join("old.db");
    std::fs::copy("tests/fixtures/v4-office.db", &db).unwrap();
    let login = xfdesk::os::current_login().unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT OR IGNORE INTO staff (login, name, active, created_at) VALUES (?1, '测试', 1, '2026-01-01 00:00:00')",
        [&login],
    )
    .unwrap();
    conn.execute(
        "INSERT OR IGNORE INTO staff_roles (staff_id, role) SELECT id, 'admin' FROM staff WHERE login = ?1",
        [&login],
    )
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    db
}

/// A case registered by the calling account, through the library (there is no intake command).
pub fn registered_case(db: &std::path::Path, kind: xfdesk::domain::MatterKind) -> String {
    use xfdesk::domain::intake::{IntakeInput, validate_intake};
    let mut store = xfdesk::store::Store::open(db).unwrap();
    let me = store
        .staff_by_login(&xfdesk::os::current_login().unwrap())
        .unwrap()
        .unwrap();
    let now = store.now();
    let cat = store.categories().unwrap()[0].id;
    let units = store.units().unwrap();
    let saved = store
        .save_intake(
            &me,
            &validate_intake(
                &IntakeInput {
                    id_number: "11010519491231002X".into(),
                    name: "张三".into(),
                    phone: "13800138000".into(),
                    category_id: Some(cat),
                    kind,
                    unit_ids: vec![units[1].id],
                    summary: "拖欠工资三个月".into(),
                    ..IntakeInput::blank(now)
                },
                now,
            )
            .unwrap(),
        )
        .unwrap();
    saved.number
}
