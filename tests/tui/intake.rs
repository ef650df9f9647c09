//! Intake in a pseudo-terminal: typing a visit in Chinese, refusals in words, a returning
//! petitioner, a large paste.

use super::common::*;
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
    tui.wait_for("办理经过");
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
