//! The roster and notifications in pseudo-terminals: a visitor routed at intake in one
//! session waits for that expert in the roster pane, and the expert's own session, open on
//! the same database, is told at once and opens the case from its notifications. The calling
//! account is the expert here (a process acts only as its own account), on duty alone this
//! half-day by a roster file imported from the command line.

use super::common::*;
use std::time::Duration;

const F3: &[u8] = b"\x1bOR";
const F7: &[u8] = b"\x1b[18~";
const CTRL_N: &[u8] = b"\x0e";

/// Make the calling account the one expert on duty now, in 接访室七.
fn on_duty_alone(db: &std::path::Path, dir: &std::path::Path) {
    // The office's own time (Asia/Shanghai), not the machine's.
    let now = xfdesk::store::Store::open_existing(db).unwrap().now();
    let half = if chrono::Timelike::hour(&now) >= 12 {
        "pm"
    } else {
        "am"
    };
    let login = xfdesk::os::current_login().unwrap();
    let file = dir.join("now.csv");
    std::fs::write(
        &file,
        format!(
            "date,half,login,room\n{},{half},{login},接访室七\n",
            now.date()
        ),
    )
    .unwrap();
    let out = xfdesk(db, &["roster", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_visitor_routed_at_intake_waits_in_the_roster_and_the_expert_is_notified() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    on_duty_alone(&db, dir.path());
    // The expert's session, idle on its intake form.
    let mut expert = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    expert.wait_for("身份证号");
    // The reception desk routes a visitor.
    let mut desk = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    desk.wait_for("身份证号");
    desk.send(TAB);
    desk.type_text("张三");
    for _ in 0..9 {
        desk.send(TAB); // sex, phone, address, work unit, channel, urgent, received, collective
    }
    desk.type_text("zd");
    desk.wait_for("zdcq");
    desk.send(ENTER); // 征地拆迁
    desk.send(TAB);
    desk.send(TAB);
    desk.send(TAB);
    desk.type_text("征地补偿款未到位");
    desk.send(F7);
    desk.wait_for("接访室七");
    desk.send(ENTER);
    desk.wait_for("保存后分派给");
    desk.send(CTRL_S);
    desk.wait_for("请引导至 接访室七");
    let number = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row("SELECT number FROM cases", [], |r| r.get::<_, String>(0))
            .unwrap()
    };
    // In the roster pane, the visitor waits for that expert, on duty now.
    desk.send(F3);
    desk.wait_for("等候 测试管理员（接访室七）的来访人：1 人");
    let screen = desk.screen();
    assert!(
        screen.contains(&number) && screen.contains("张三"),
        "{screen}"
    );
    let row = screen
        .lines()
        .find(|l| l.contains("▶") && l.contains("接访室七"))
        .unwrap_or_else(|| panic!("no slot on duty now:\n{screen}"));
    assert!(row.contains("测试管") && row.contains(" 1 "), "{row}");
    // The expert's session is told within a second or two, without a key press.
    expert.wait_for_within(&format!("新通知 {number}"), Duration::from_secs(5));
    expert.wait_for("^N 通知 1");
    expert.send(CTRL_N);
    expert.wait_for("通知（未读 1）");
    let list = expert.screen();
    assert!(
        list.contains("│未读 ") && list.contains("来访分派"),
        "{list}"
    );
    expert.send(ENTER);
    expert.wait_for("办理经过");
    assert!(expert.screen().contains(&number), "{}", expert.screen());
    expert.send(CTRL_Q);
    assert_eq!(expert.wait_exit(Duration::from_secs(5)), Some(0));
    desk.send(CTRL_Q);
    assert_eq!(desk.wait_exit(Duration::from_secs(5)), Some(0));
    let read: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM notifications WHERE read_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(read, 1, "opening it marked it read");
}

/// A manager changes the roster in the pane; a receptionist's session is refused in words.
#[test]
fn a_manager_moves_a_slot_and_a_receptionist_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    on_duty_alone(&db, dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(F3);
    tui.wait_for("▶");
    tui.send(b"m");
    tui.wait_for("调整值班");
    tui.send(TAB);
    tui.send(TAB);
    tui.send(b"\x05"); // end of the room
    for _ in 0..1 {
        tui.send(b"\x7f");
    }
    tui.type_text("八");
    tui.send(CTRL_S);
    tui.wait_for("已调整");
    tui.wait_for("接访室八");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
    let login = xfdesk::os::current_login().unwrap();
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            &login,
            "--name",
            "测试",
            "--role",
            "admin,reception",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(F3);
    tui.wait_for("接访室八");
    tui.send(b"d");
    tui.wait_for("无权操作");
    assert!(tui.screen().contains("领导"), "{}", tui.screen());
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
}

/// A temporary account and group, removed again however the test ends.
struct Account {
    user: String,
    group: String,
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = std::process::Command::new("userdel")
            .arg(&self.user)
            .output();
        let _ = std::process::Command::new("groupdel")
            .arg(&self.group)
            .output();
    }
}

/// Why a second account cannot be made here, if it cannot.
fn no_second_account() -> Option<String> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not running as root: cannot make a second account".into());
    }
    for tool in ["useradd", "userdel", "groupadd", "groupdel", "setpriv"] {
        let found = std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !found {
            return Some(format!("{tool} is not installed"));
        }
    }
    None
}

/// The same, with the expert a second OS account in a session of its own: the receptionist
/// (the calling account) routes a visitor to that account, whose session is told. Needs root
/// to make the account; elsewhere it says why and passes.
#[test]
fn the_expert_is_told_in_a_session_of_another_account() {
    use std::os::unix::fs::PermissionsExt;
    if let Some(why) = no_second_account() {
        println!("skipped: {why}");
        return;
    }
    let tag = std::process::id() % 100_000;
    let account = Account {
        user: format!("xfexp{tag}"),
        group: format!("xfdsk{tag}"),
    };
    let run = |args: &[&str]| {
        let out = std::process::Command::new(args[0])
            .args(&args[1..])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["groupadd", &account.group]);
    run(&["useradd", "-M", "-N", "-g", &account.group, &account.user]);
    // The office's folder: the shared group, setgid, so every session writes -wal and -shm.
    let top = tempfile::tempdir().unwrap();
    std::fs::set_permissions(top.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let office = top.path().join("office");
    std::fs::create_dir(&office).unwrap();
    run(&["chgrp", &account.group, office.to_str().unwrap()]);
    std::fs::set_permissions(&office, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = initialised_db(&office);
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            &account.user,
            "--name",
            "专家乙",
            "--role",
            "expert",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let now = xfdesk::store::Store::open_existing(&db).unwrap().now();
    let half = if chrono::Timelike::hour(&now) >= 12 {
        "pm"
    } else {
        "am"
    };
    let file = top.path().join("now.csv");
    std::fs::write(
        &file,
        format!(
            "date,half,login,room\n{},{half},{},接访室六\n",
            now.date(),
            account.user
        ),
    )
    .unwrap();
    let out = xfdesk(&db, &["roster", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let args: Vec<String> = [
        &format!("--reuid={}", account.user),
        &format!("--regid={}", account.group),
        "--init-groups",
        "--",
        bin().to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]
    .iter()
    .map(|a| a.to_string())
    .collect();
    let mut expert = Tui::start_program(
        std::path::Path::new("/usr/bin/setpriv"),
        &args,
        80,
        24,
        "zh_CN.UTF-8",
    );
    expert.wait_for("身份证号");
    assert!(expert.screen().contains("专家乙"), "{}", expert.screen());
    let mut desk = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    desk.wait_for("身份证号");
    desk.send(TAB);
    desk.type_text("李四");
    for _ in 0..9 {
        desk.send(TAB);
    }
    desk.type_text("ldsb"); // 劳动社保
    desk.wait_for("ldsb");
    desk.send(ENTER);
    desk.send(TAB);
    desk.send(TAB);
    desk.send(TAB);
    desk.type_text("养老保险待遇未落实");
    desk.send(F7);
    desk.wait_for("接访室六");
    desk.send(ENTER);
    desk.send(CTRL_S);
    desk.wait_for("请引导至 接访室六（专家乙）");
    desk.send(F3);
    desk.wait_for("等候 专家乙（接访室六）的来访人：1 人");
    expert.wait_for_within("来访人李四已分派给您", Duration::from_secs(5));
    expert.wait_for("^N 通知 1");
    expert.send(CTRL_N);
    expert.wait_for("通知（未读 1）");
    expert.send(ENTER);
    expert.wait_for("办理经过");
    expert.send(CTRL_Q);
    assert_eq!(expert.wait_exit(Duration::from_secs(5)), Some(0));
    desk.send(CTRL_Q);
    assert_eq!(desk.wait_exit(Duration::from_secs(5)), Some(0));
}
