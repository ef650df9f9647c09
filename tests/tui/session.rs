//! The end of a session: a hung-up or vanished terminal ends the process without spinning,
//! and what was typed survives as a draft.

use super::common::*;
use std::time::Duration;

/// Start the binary on a pseudo-terminal of our own, so that closing the master really hangs
/// it up. `controlling`: make it the session's controlling terminal (then the kernel hangs the
/// terminal up and sends SIGHUP); without, only reads fail. `block_sighup`: the process never
/// sees SIGHUP (as under a careless wrapper), so only the dead-terminal guard can end it: a
/// hung-up terminal reads as end-of-file forever, which is where crossterm's reader spins.
fn start_on_own_pty(
    db: &std::path::Path,
    controlling: bool,
    block_sighup: bool,
) -> (std::os::fd::OwnedFd, std::process::Child) {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    let mut master = -1;
    let mut slave = -1;
    let ws = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two descriptors we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &ws,
        )
    };
    assert_eq!(rc, 0);
    // openpty does not set close-on-exec: without it the child (and any other test's child)
    // would inherit the master and keep the terminal alive.
    for fd in [master, slave] {
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    let master = unsafe { OwnedFd::from_raw_fd(master) };
    let slave = unsafe { OwnedFd::from_raw_fd(slave) };
    let mut cmd = std::process::Command::new(bin());
    cmd.arg("--db")
        .arg(db)
        .env("LANG", "zh_CN.UTF-8")
        .env("TERM", "xterm");
    cmd.stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave.try_clone().unwrap());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if controlling && libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if block_sighup {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                libc::sigaddset(&mut set, libc::SIGHUP);
                libc::sigprocmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().unwrap();
    drop(slave);
    (master, child)
}

/// Read from the master until the screen shows `text`.
fn read_until(master: &std::os::fd::OwnedFd, text: &str) {
    use std::os::fd::AsRawFd;
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
        0,
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut buf = [0u8; 8192];
    while std::time::Instant::now() < deadline {
        let mut fds = [libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        // SAFETY: one valid pollfd; read into our buffer.
        if unsafe { libc::poll(fds.as_mut_ptr(), 1, 100) } > 0 {
            let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                let chunk = &buf[..n as usize];
                if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                    // A UTF-8 terminal: the probe's two characters moved the cursor to column 5.
                    write_to(master, b"\x1b[1;5R");
                }
                parser.process(chunk);
                if parser.screen().contents().contains(text) {
                    return;
                }
            }
        }
    }
    panic!("never showed {text}:\n{}", parser.screen().contents());
}

/// CPU time (user + system, in clock ticks) a process has used so far.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    Some(f[11].parse::<u64>().ok()? + f[12].parse::<u64>().ok()?)
}

fn wait_child(
    child: &mut std::process::Child,
    timeout: Duration,
) -> Option<std::process::ExitStatus> {
    let deadline = std::time::Instant::now() + timeout;
    while std::time::Instant::now() < deadline {
        if let Some(s) = child.try_wait().unwrap() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

#[test]
fn a_hung_up_terminal_ends_the_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let (master, mut child) = start_on_own_pty(&db, true, false);
    read_until(&master, "身份证号");
    drop(master);
    let status = wait_child(&mut child, Duration::from_secs(5))
        .expect("still running 5 s after the terminal hung up");
    assert_eq!(status.code(), Some(129), "{status:?}");
}

fn assert_ends_without_spinning(controlling: bool, block_sighup: bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let (master, mut child) = start_on_own_pty(&db, controlling, block_sighup);
    read_until(&master, "身份证号");
    let before = cpu_ticks(child.id()).unwrap_or(0);
    drop(master);
    std::thread::sleep(Duration::from_millis(300));
    let spent = cpu_ticks(child.id()).map(|t| t.saturating_sub(before));
    let status = wait_child(&mut child, Duration::from_secs(5));
    let status = status.expect("still running 5 s after the terminal went away");
    // 129: ended because the terminal hung up (not 101, a panic on the dead terminal).
    assert_eq!(status.code(), Some(129), "{status:?}");
    // A spinning reader would use the 300 ms in full (30 ticks).
    if let Some(spent) = spent {
        assert!(
            spent < 10,
            "used {spent} ticks of CPU after the terminal went away"
        );
    }
}

#[test]
fn a_hung_up_terminal_with_sighup_blocked_ends_the_process_instead_of_spinning() {
    assert_ends_without_spinning(true, true);
}

#[test]
fn a_vanished_terminal_that_was_never_controlling_ends_the_process() {
    assert_ends_without_spinning(false, true);
}

fn write_to(master: &std::os::fd::OwnedFd, bytes: &[u8]) {
    use std::os::fd::AsRawFd;
    let mut done = 0;
    while done < bytes.len() {
        // SAFETY: writing from our buffer to a descriptor we own.
        let n = unsafe {
            libc::write(
                master.as_raw_fd(),
                bytes[done..].as_ptr().cast(),
                bytes.len() - done,
            )
        };
        assert!(n > 0, "write to the terminal failed");
        done += n as usize;
    }
}

#[test]
fn a_hang_up_while_typing_keeps_the_draft_and_the_next_start_offers_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let (master, mut child) = start_on_own_pty(&db, true, false);
    read_until(&master, "身份证号");
    write_to(&master, "11010519491231002X\r王小明".as_bytes());
    write_to(&master, b"\t\t\t");
    write_to(&master, "城关镇东街村12号".as_bytes());
    read_until(&master, "东街村12号");
    // The connection drops at once, before the typing pause would have saved the draft.
    drop(master);
    let status = wait_child(&mut child, Duration::from_secs(5)).expect("ended on hang-up");
    assert_eq!(status.code(), Some(129));
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("恢复吗");
    tui.send(b"y");
    tui.wait_for("已恢复");
    let screen = tui.screen();
    assert!(screen.contains("11010519491231002X"), "{screen}");
    assert!(screen.contains("王小明"), "{screen}");
    assert!(screen.contains("城关镇东街村12号"), "{screen}");
}

#[test]
fn a_session_ending_while_another_process_holds_the_lock_keeps_its_draft_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let (master, mut child) = start_on_own_pty(&db, true, false);
    read_until(&master, "身份证号");
    // Another process begins a write and holds the lock.
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('lock-test', 'x');",
        )
        .unwrap();
    // (A name short enough to show whole: a longer one scrolls in its field.)
    write_to(&master, "\r锁中李四".as_bytes());
    read_until(&master, "锁中李四");
    // The connection drops while the lock is held: the draft cannot reach the database.
    drop(master);
    let status = wait_child(&mut child, Duration::from_secs(20)).expect("ended on hang-up");
    assert_eq!(status.code(), Some(129));
    let spool = dir.path().join("office.db.drafts");
    let spooled = std::fs::read_dir(&spool).map(|d| d.count()).unwrap_or(0);
    assert_eq!(spooled, 1, "one draft kept beside the database");
    drop(writer);
    // The next start offers it back.
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("恢复吗");
    tui.send(b"y");
    tui.wait_for("锁中李四");
    // Quitting keeps it in the database now, and the file goes.
    tui.send(CTRL_Q);
    tui.wait_for("退出吗");
    tui.send(b"y");
    assert_eq!(tui.wait_exit(Duration::from_secs(10)), Some(0));
    assert_eq!(std::fs::read_dir(&spool).unwrap().count(), 0);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let body: String = conn
        .query_row("SELECT body FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert!(body.contains("锁中李四"), "{body}");
}
