//! A manager's marked cases and one step on them all; a receptionist may not mark.

use super::*;

#[test]
fn a_manager_marks_cases_and_transfers_them_in_one_dialog_at_both_sizes() {
    let (_d, _, mut app, _) = app_recording(Lang::Zh, &[Role::Reception, Role::Manager]);
    register(&mut app, "张三", "征地补偿款未到位");
    register(&mut app, "欧阳娜娜", "工资拖欠三个月");
    show_queue(&mut app);
    app.press(KeyCode::Char(' '));
    app.press(KeyCode::Char(' '));
    for (w, h) in [(80, 24), (120, 40)] {
        let (lines, _) = render(&mut app, w, h);
        assert!(lines[1].contains("已选 2 件"), "{}", lines[1]);
        // Each marked row carries the mark, and the columns stay aligned under the heading.
        assert!(
            lines[5].starts_with("│●") && lines[6].starts_with("│●"),
            "{}",
            lines[5]
        );
        let legend = lines[usize::from(h) - 1].clone();
        assert!(
            legend.contains("批量转办") && legend.contains("取消全部标记"),
            "{legend}"
        );
    }
    app.press(KeyCode::Char('t'));
    let (lines, _) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(screen.contains("已选 2 件"), "{screen}");
    assert!(screen.contains("主办单位"), "{screen}");
    // Both cases are only registered: the transfer is refused for both, in words, and the
    // dialog stays with the marks.
    app.press(KeyCode::Tab);
    app.type_str("1");
    app.press(KeyCode::Enter);
    app.press_ctrl('s');
    let (lines, _) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(screen.contains("2 件不能办理"), "{screen}");
    assert_eq!(app.panes().queue.marked.len(), 2);
}

#[test]
fn a_receptionist_cannot_mark_for_a_bulk_step() {
    let (_d, mut app) = app(Lang::Zh);
    register(&mut app, "张三", "征地补偿款未到位");
    show_queue(&mut app);
    app.press(KeyCode::Char(' '));
    assert!(app.panes().queue.marked.is_empty());
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[22].contains("无权操作"), "{}", lines[22]);
}

#[test]
fn a_manager_puts_the_marked_cases_under_supervision_with_themself_proposed() {
    let (_d, path, mut app, _) = app_recording(
        Lang::Zh,
        &[Role::Reception, Role::Supervisor, Role::Manager],
    );
    register(&mut app, "张三", "征地补偿款未到位");
    register(&mut app, "欧阳娜娜", "工资拖欠三个月");
    show_queue(&mut app);
    app.press(KeyCode::Char(' '));
    app.press(KeyCode::Char(' '));
    let (lines, _) = render(&mut app, 120, 40);
    assert!(lines[39].contains("批量督办"), "{}", lines[39]);
    app.press(KeyCode::Char('d'));
    for (w, h) in [(80, 24), (120, 40)] {
        let (lines, _) = render(&mut app, w, h);
        let screen = lines.join("\n");
        assert!(screen.contains("已选 2 件"), "{screen}");
        assert!(screen.contains("督办人"), "{screen}");
    }
    // The manager is proposed as the supervisor: only the reason is left to type.
    app.press(KeyCode::Tab);
    app.type_str("群众反映强烈，统一督办");
    app.press_ctrl('s');
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[22].contains("已对 2 件案件"), "{}", lines[22]);
    assert!(app.panes().queue.marked.is_empty());
    // Both cases name the supervisor, and each has its own record of the step.
    let store = crate::store::Store::open(&path).unwrap();
    let me = app.session().me.id;
    for case_id in [1, 2] {
        assert_eq!(store.case_facts(case_id).unwrap().supervisor_id, Some(me));
    }
}
