//! Supervision in a pseudo-terminal: a case urged from the supervision pane shows the urging
//! in another session's timeline without a key press; the night's check shows in an open
//! pane; the statistics view opens from it.

use super::common::*;

const F4: &[u8] = b"\x1bOS";

#[test]
fn a_case_urged_from_the_supervision_pane_shows_in_another_session_without_a_key_press() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let number = registered_case(&db, xfdesk::domain::MatterKind::Request);
    // A handler has the case open.
    let mut handler = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    handler.wait_for("身份证号");
    handler.send(F2);
    handler.wait_for("张三");
    handler.send(ENTER);
    handler.wait_for("办理经过");
    // A supervisor urges it from the supervision pane.
    let mut supervisor = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    supervisor.wait_for("身份证号");
    supervisor.send(F4);
    supervisor.wait_for("督办：在办案件按期限");
    supervisor.wait_for(&number);
    supervisor.send(b"u");
    supervisor.wait_for("催办内容");
    supervisor.type_text("请三日内报告进展");
    supervisor.send(CTRL_S);
    supervisor.wait_for("催办已保存");
    supervisor.wait_for("催办×1");
    // The handler's open detail shows it, untouched.
    handler.wait_for("催办：请三日内报告进展");
    handler.wait_for("未立项，催办×1");
    // The night's check, run by cron meanwhile, shows in the open pane.
    let out = xfdesk(&db, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    supervisor.wait_for("（w 查看）");
    assert!(!supervisor.screen().contains("尚未运行夜间检查"));
    // The statistics, a key away.
    supervisor.send(b"r");
    supervisor.wait_for("及时受理率");
    supervisor.wait_for("按渠道");
    supervisor.send(ESC);
    supervisor.wait_for("督办：在办案件按期限");
    supervisor.send(CTRL_Q);
    assert_eq!(
        supervisor.wait_exit(std::time::Duration::from_secs(5)),
        Some(0)
    );
}
