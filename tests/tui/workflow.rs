//! The life of a case in a pseudo-terminal: every step from the case's detail, each in the
//! timeline; a step taken elsewhere shows in an open session without a key press.

use super::common::*;
use std::time::Duration;

fn state(db: &std::path::Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT state FROM cases", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_case_goes_from_registered_to_closed_through_the_detail_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    registered_case(&db, xfdesk::domain::MatterKind::Request);
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(F2);
    tui.wait_for("张三");
    tui.send(ENTER);
    tui.wait_for("办理经过");
    tui.send(b"p"); // 拟办意见: handle here
    tui.wait_for("处理方式");
    tui.send(TAB);
    tui.type_text("建议本局直接答复");
    tui.send(CTRL_S);
    tui.wait_for("拟办意见已保存");
    tui.send(b"a"); // 阅批
    tui.wait_for("阅批：XF-");
    tui.send(CTRL_S);
    tui.wait_for("现为“阅批”");
    tui.send(b"h"); // 直接办理
    tui.wait_for("办理情况");
    tui.type_text("已当面解释政策并协调企业补发");
    tui.send(CTRL_S);
    tui.wait_for("现为“直接办理”");
    tui.send(b"f"); // 反馈
    tui.wait_for("反馈方式");
    tui.send(b"2"); // by phone
    tui.send(CTRL_S);
    tui.wait_for("现为“反馈”");
    tui.send(b"c"); // 办结
    tui.wait_for("办结：XF-");
    tui.send(CTRL_S);
    tui.wait_for("现为“办结”");
    assert_eq!(state(&db), "closed");
    let screen = tui.screen();
    for step in ["拟办意见", "阅批", "直接办理", "反馈/答复", "办结"] {
        assert!(
            screen.contains(step),
            "{step} missing from the timeline:\n{screen}"
        );
    }
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));
}

/// A step taken by another process shows in an open detail without a key press.
#[test]
fn a_step_taken_elsewhere_shows_in_an_open_session() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let n = registered_case(&db, xfdesk::domain::MatterKind::Request);
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(F2);
    tui.wait_for("张三");
    tui.send(ENTER);
    tui.wait_for("办理经过");
    let out = xfdesk(
        &db,
        &[
            "case",
            "propose",
            &n,
            "--handling",
            "here",
            "--opinion",
            "另一会话的意见",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    tui.wait_for("另一会话的意见");
    assert!(tui.screen().contains("拟办"), "{}", tui.screen());
}

/// A receptionist who presses the approval key is told, in words, that it needs a manager.
#[test]
fn a_receptionist_is_refused_approval_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let n = registered_case(&db, xfdesk::domain::MatterKind::Request);
    let out = xfdesk(
        &db,
        &[
            "case",
            "propose",
            &n,
            "--handling",
            "here",
            "--opinion",
            "本局答复",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
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
    tui.send(F2);
    tui.wait_for("张三");
    tui.send(ENTER);
    tui.wait_for("办理经过");
    assert!(
        !tui.screen().lines().last().unwrap_or("").contains("阅批"),
        "not offered"
    );
    tui.send(b"a");
    tui.wait_for("无权操作");
    assert!(tui.screen().contains("领导"), "{}", tui.screen());
    assert_eq!(state(&db), "proposed");
}
