//! End-to-end: the real binary in a pseudo-terminal, the screen read back through vt100.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::time::Duration;

#[test]
fn a_visit_typed_in_chinese_is_saved_and_found_in_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    // The form opens with the cursor in the ID field: row 2, after the label.
    assert_eq!(tui.cursor(), (2, 11));
    tui.type_text("11010519491231002X");
    tui.send(ENTER);
    tui.type_text("张三");
    tui.settle();
    // Input methods open their window at the terminal cursor: right after 张三 (4 columns).
    assert_eq!(tui.cursor(), (3, 15));
    tui.send(TAB); // sex: taken from the ID number
    tui.send(TAB);
    tui.type_text("13800138000");
    for _ in 0..6 {
        tui.send(TAB); // address, work unit, channel, urgent, received (now), collective
    }
    tui.send(TAB); // head-count and representatives are skipped: not collective
    tui.type_text("zd");
    tui.wait_for("zdcq");
    tui.send(ENTER); // picks 征地拆迁, on to the kind
    tui.send(TAB); // units
    tui.send(TAB); // leapfrog
    tui.send(TAB); // summary
    tui.type_text("征地补偿款未到位，请求协调");
    tui.send(CTRL_S);
    tui.wait_for("已保存 XF-");
    tui.send(F2);
    tui.wait_for("案件（共 1 件");
    let screen = tui.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("张三"))
        .unwrap_or_else(|| panic!("queue lacks the case:\n{screen}"));
    assert!(row.contains("征地拆迁"), "{row}");
    assert!(row.contains("登记"), "{row}");
    tui.send(ENTER);
    tui.wait_for("来信来访记录");
    assert!(
        tui.screen().contains("110105********002X"),
        "ID masked in the detail:\n{}",
        tui.screen()
    );
    tui.send(b"v"); // a receptionist may see it whole; the reveal is audited
    tui.wait_for("张三  11010519491231002X");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
    // The terminal is left clean: main screen back, cursor shown.
    let bytes = tui.bytes.lock().unwrap().clone();
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).into_owned();
    assert!(
        tail.contains("\x1b[?1049l"),
        "left the alternate screen: {tail:?}"
    );
    assert!(tail.contains("\x1b[?25h"), "cursor shown again: {tail:?}");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (summary, name, id_number, state): (String, String, String, String) = conn
        .query_row(
            "SELECT c.summary, p.name, p.id_number, c.state FROM cases c
             JOIN petitioners p ON p.id = c.petitioner_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(summary, "征地补偿款未到位，请求协调");
    assert_eq!(name, "张三");
    assert_eq!(id_number, "11010519491231002X");
    assert_eq!(state, "registered");
    let contacts: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE is_repeat = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(contacts, 1);
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'intake.new_case'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    let reveals: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'id_number.reveal'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reveals, 1);
}

#[test]
fn a_wrong_check_digit_is_refused_naming_the_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "en_US.UTF-8", &[]);
    tui.wait_for("ID no.");
    tui.type_text("110105194912310021");
    tui.send(CTRL_S);
    tui.wait_for("ID number: wrong check digit");
    assert_eq!(tui.cursor().0, 2, "focus went back to the ID field");
    tui.send(CTRL_Q);
    // Unsaved text: quitting asks first.
    tui.wait_for("kept as a draft for next time. Quit?");
    tui.send(b"y");
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

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

#[test]
fn typing_a_character_writes_little_more_than_the_character() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(TAB);
    tui.settle();
    let before = tui.byte_count();
    let text = "欧阳娜娜来访";
    for c in text.chars() {
        let mut b = [0u8; 4];
        tui.send(c.encode_utf8(&mut b).as_bytes());
        tui.settle();
    }
    let per_char = (tui.byte_count() - before) as f64 / text.chars().count() as f64;
    // A Chinese character is 3 bytes of UTF-8; the stock backend writes about 42 per key.
    assert!(per_char < 12.0, "{per_char} bytes per typed character");
    assert!(tui.screen().contains(text));
}

#[test]
fn a_second_session_sees_a_new_case_without_a_key_press() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut manager = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    manager.wait_for("身份证号");
    manager.send(F2);
    manager.wait_for("还没有案件");
    // Another process registers a case (the demo loader, as a stand-in for a receptionist).
    let out = xfdesk(&db, &["demo", "--cases", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    manager.wait_for("案件（共 3 件");
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
fn a_returning_petitioner_is_found_and_a_repeat_adds_a_contact_not_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    // First visit: a new case.
    tui.type_text("11010519491231002X");
    tui.send(ENTER);
    tui.type_text("张三");
    for _ in 0..9 {
        tui.send(TAB);
    }
    tui.type_text("zd");
    tui.wait_for("zdcq");
    tui.send(ENTER);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("征地补偿款未到位");
    tui.send(CTRL_S);
    tui.wait_for("已保存 XF-2026");
    // The same ID card again: the history shows the case at once.
    tui.type_text("11010519491231002X");
    tui.wait_for("身份证号相同");
    assert!(
        tui.screen().contains("征地补偿款未到位"),
        "{}",
        tui.screen()
    );
    tui.send(b"\x1b[15~"); // F5: into the history panel
    tui.wait_for("回车作为重复信访");
    tui.send(ENTER); // this contact is a repeat on that case
    tui.wait_for("重复信访：XF-");
    tui.send(b"\x1b[19~"); // F8: fill in the person's details
    tui.wait_for("已带入");
    tui.send(CTRL_S);
    tui.wait_for("已登记为 XF-");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let cases: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cases, 1, "a repeat opens no new case");
    let (first, repeats): (i64, i64) = conn
        .query_row(
            "SELECT count(*) FILTER (WHERE is_repeat = 0), count(*) FILTER (WHERE is_repeat = 1) FROM contacts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((first, repeats), (1, 1));
    let people: i64 = conn
        .query_row("SELECT count(*) FROM petitioners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(people, 1);
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
fn a_pasted_100_kb_account_with_escape_sequences_is_stored_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(TAB);
    tui.type_text("李四");
    for _ in 0..9 {
        tui.send(TAB);
    }
    tui.type_text("tq");
    tui.wait_for("tqgz");
    tui.send(ENTER);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("拖欠工资");
    tui.send(TAB); // into the account
    let line = "工地欠薪三个月，\x1b[31m老板\x1b[0m失联\x1b]52;c;ZXZpbA==\x07。\u{202e}反转\r\n";
    let mut account = String::new();
    while account.len() < 100 * 1024 {
        account.push_str(line);
    }
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend_from_slice(account.as_bytes());
    paste.extend_from_slice(b"\x1b[201~");
    tui.send(&paste);
    tui.settle();
    tui.send(CTRL_S);
    tui.wait_for("已保存 XF-");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: String = conn
        .query_row("SELECT account FROM cases", [], |r| r.get(0))
        .unwrap();
    let lines = account.matches('\n').count();
    assert!(
        !stored.contains('\u{1b}') && !stored.contains('\u{7}') && !stored.contains('\u{202e}')
    );
    assert!(!stored.contains('\r'));
    assert_eq!(
        stored.matches("工地欠薪三个月，老板失联。反转").count(),
        lines,
        "every line arrived whole"
    );
}

#[test]
fn a_terminal_that_is_not_utf8_is_told_how_to_switch_instead_of_getting_a_garbled_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    // A GBK terminal reads the probe's six UTF-8 bytes as three wide characters: column 7.
    let mut tui = Tui::start_answering(&db, 80, 24, "zh_CN.UTF-8", &[], Some(7));
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(2));
    tui.settle();
    let bytes = tui.bytes.lock().unwrap().clone();
    let (gbk, _, _) = encoding_rs::GB18030.encode("终端编码不是 UTF-8");
    assert!(
        bytes.windows(gbk.len()).any(|w| w == &gbk[..]),
        "the Chinese message is in GB18030 bytes"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("Xshell: File > Properties > Terminal > Encoding"),
        "{text}"
    );
    assert!(!text.contains("身份证号"), "no form was drawn");
}
