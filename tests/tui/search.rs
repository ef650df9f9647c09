//! The queue's search and filters in a pseudo-terminal: the real terminal cursor sits in the
//! search field where an input method opens its window, and Enter, Esc and the filter dialog
//! do what the legend says.

use super::common::*;

#[test]
fn a_two_character_word_typed_into_the_search_finds_its_cases() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["demo", "--cases", "300"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = xfdesk(&db, &["cases", "--search", "征地", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let found = v["total"].as_u64().unwrap();
    assert!(found > 0, "{}", stdout(&listed));
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(F2);
    tui.wait_for("案件（共 300 件");
    tui.send(b"/");
    tui.type_text("征地");
    tui.wait_for("搜索：征地");
    tui.settle();
    // Row 2, after the border, 搜索： and two wide characters.
    assert_eq!(tui.cursor(), (2, 11), "{}", tui.screen());
    tui.send(ENTER);
    tui.wait_for(&format!("案件：找到 {found} 件"));
    tui.send(b"f");
    tui.wait_for("筛选案件");
    tui.send(b"\x1b[C"); // → : open cases
    tui.send(ENTER);
    tui.wait_for("筛选：在办");
    tui.send(ESC);
    tui.wait_for("按 / 输入");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(std::time::Duration::from_secs(5)), Some(0));
}
