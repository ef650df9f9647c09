//! Another process holding the write lock (a paused writer, a long import) never freezes the
//! desk: keys echo, drafts wait their turn, a save says it is waiting and completes after.

use super::common::*;
use std::time::Duration;

/// Another process that has begun a write and holds the lock until dropped.
fn hold_write_lock(db: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('lock-test', 'x') ON CONFLICT(key) DO NOTHING;")
        .unwrap();
    conn
}

#[test]
fn a_writer_holding_the_lock_freezes_nothing_and_the_save_completes_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    let writer = hold_write_lock(&db);
    tui.send(ENTER); // to the name
    tui.type_text("张");
    // Past the draft's debounce: the draft tries to save into the locked database.
    std::thread::sleep(Duration::from_millis(1500));
    tui.type_text("三");
    // Before, the draft waited out the ten-second busy timeout on the input path: every key
    // took seconds to echo. Five seconds is a wide margin for a key that takes milliseconds.
    tui.wait_for_within("张三", Duration::from_secs(5));
    for _ in 0..9 {
        tui.send(TAB); // to the category
    }
    tui.type_text("zd");
    tui.wait_for_within("zdcq", Duration::from_secs(5));
    tui.send(ENTER);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("征地补偿款未到位");
    tui.send(CTRL_S);
    // The save says it waits, and keeps the form; the legend offers only giving it up.
    tui.wait_for_within("数据库正忙", Duration::from_secs(5));
    tui.wait_for("放弃保存");
    let legend = tui.screen().lines().last().unwrap_or_default().to_string();
    assert!(!legend.contains("^S"), "{legend}");
    assert!(
        tui.screen().contains("征地补偿款未到位"),
        "{}",
        tui.screen()
    );
    drop(writer); // the other process rolls back and lets go
    tui.wait_for("已保存 XF-");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}
