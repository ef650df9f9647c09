//! The ladder, notices and filters from the supervision pane, and refusals in words.

use super::*;

#[test]
fn urging_from_the_pane_is_recorded_and_the_ladder_shows_on_the_case() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('u'));
    let (screen, _) = o.screen(80, 24);
    assert!(
        screen.contains("催办：") && screen.contains("催办内容"),
        "{screen}"
    );
    assert!(
        screen.contains("未立项"),
        "the ladder above the fields: {screen}"
    );
    o.app.type_str("请县人社局三日内报告");
    o.app.press_ctrl('s');
    assert!(
        o.app.status_text().contains("催办已保存"),
        "{}",
        o.app.status_text()
    );
    assert_eq!(o.urged(0), 1);
    let (_, lines) = o.screen(80, 24);
    assert!(lines[5].contains("催办×1"), "{}", lines[5]);
    // Enter opens the case: the ladder and the urging in its timeline; Esc comes back.
    o.app.press(KeyCode::Enter);
    for (w, h) in [(80, 24), (120, 40)] {
        let (screen, _) = o.screen(w, h);
        assert!(screen.contains("督办        未立项，催办×1"), "{screen}");
        assert!(screen.contains("催办：请县人社局三日内报告"), "{screen}");
    }
    o.app.press(KeyCode::Esc);
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains("督办：在办案件按期限"), "{screen}");
}

#[test]
fn a_receptionist_is_refused_in_words_and_a_rung_waits_for_the_one_below() {
    let mut o = office(Lang::Zh, &[Role::Reception]);
    o.app.press(KeyCode::Char('u'));
    let (_, lines) = o.screen(80, 24);
    assert!(
        lines[22].contains("无权操作") && lines[22].contains("督办员"),
        "{}",
        lines[22]
    );
    assert_eq!(o.urged(0), 0);
    assert!(!lines[23].contains("催办"), "not offered: {}", lines[23]);
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('o'));
    let (_, lines) = o.screen(80, 24);
    assert!(
        lines[22].contains("“督办单”须在“催办”之后：请先催办"),
        "{}",
        lines[22]
    );
    assert!(
        o.app
            .dialogs()
            .top(crate::app::panes::Pane::Supervision)
            .is_none()
    );
}

#[test]
fn a_manager_records_a_notice_and_prints_it_from_the_list() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('n'));
    // Names a unit: pick one by its initials.
    o.app.press(KeyCode::Tab);
    o.app.type_str("rsj");
    o.app.press(KeyCode::Enter);
    // The highlighted case is there; the failure.
    o.app.press(KeyCode::Tab);
    o.app.type_str("逾期未受理");
    o.app.press_ctrl('s');
    let status = o.app.status_text();
    assert!(
        status.contains("通报 TB-2026-001 已记录（1 件案件）"),
        "{status}"
    );
    o.app.press(KeyCode::Char('b'));
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[1].contains("通报（共 1 件"), "{screen}");
    assert!(
        lines[3].contains("TB-2026-001") && lines[3].contains("县人力资源"),
        "{}",
        lines[3]
    );
    o.app.press(KeyCode::Char('p'));
    let rec = o.effects.recording();
    let (path, text) = rec.files.last().expect("the notice written");
    assert!(
        path.to_string_lossy().ends_with("TB-2026-001.txt"),
        "{}",
        path.display()
    );
    assert!(
        text.contains("县人力资源和社会保障局") && text.contains("逾期未受理"),
        "{text}"
    );
    assert!(text.contains(&o.cases[0].1), "{text}");
    o.app.press(KeyCode::Esc);
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains("督办：在办案件按期限"), "{screen}");
}

#[test]
fn the_filter_keeps_the_overdue_and_says_so_in_the_title() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('f'));
    let (screen, _) = o.screen(80, 24);
    // The queue's filters without the state: this list keeps to open cases.
    assert!(
        screen.contains("责任单位") && !screen.contains("状态"),
        "{screen}"
    );
    for _ in 0..3 {
        o.app.press(KeyCode::Down);
    }
    o.app.press(KeyCode::Right);
    o.app.press(KeyCode::Enter);
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[1].contains("筛选：超期"), "{screen}");
    assert!(lines[5].contains(&o.cases[0].1), "{screen}");
    assert!(!screen.contains(&o.cases[1].1), "{screen}");
    assert!(
        lines[2].contains("在办 3"),
        "the counts stay whole: {}",
        lines[2]
    );
    o.app.press(KeyCode::Char('x'));
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains(&o.cases[1].1), "{screen}");
}
