//! The queue in a pseudo-terminal: another session's case appears without a key press.

use super::common::*;

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
