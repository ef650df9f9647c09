//! The queue's search and filters on screen, at both sizes, in both languages.

use super::*;

/// Three cases, two about wages.
fn three(app: &mut App) {
    register(app, "张三", "征地补偿款未到位，村民多次反映");
    register(app, "欧阳娜娜", "工资拖欠三个月");
    register(app, "李四", "拖欠工资问题");
    show_queue(app);
}

fn screen(lines: &[String]) -> String {
    lines.join("\n")
}

#[test]
fn slash_searches_with_the_cursor_in_the_field_and_esc_clears_it_zh_80x24() {
    let (_d, mut app) = app(Lang::Zh);
    three(&mut app);
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(
        lines[1].contains("案件（共 3 件，最新在前）"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("按 / 输入"), "{}", lines[2]);
    assert!(lines[3].contains("筛选：无"), "{}", lines[3]);
    assert_eq!(cursor, None);
    app.type_str("/工资");
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(lines[2].contains("搜索：工资"), "{}", lines[2]);
    // The terminal cursor sits right after 工资: border, 搜索：, two wide characters.
    assert_eq!(cursor, Some((1 + 6 + 4, 2)));
    assert!(lines[23].contains("回车 搜索") && lines[23].contains("Esc 清除搜索"));
    app.press(KeyCode::Enter);
    let (lines, cursor) = render(&mut app, 80, 24);
    let s = screen(&lines);
    assert_eq!(cursor, None, "the list has the keys again");
    assert!(lines[1].contains("案件：找到 2 件"), "{s}");
    assert!(lines[2].contains("工资（Esc 清除）"), "{s}");
    assert!(
        lines[5].contains("李四") && lines[6].contains("欧阳娜娜"),
        "{s}"
    );
    assert!(!s.contains("张三"), "{s}");
    app.press(KeyCode::Esc);
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[1].contains("共 3 件"), "{}", screen(&lines));
    assert!(app.panes().queue.search_field.lines() == [""]);
}

#[test]
fn a_search_by_initials_and_filters_in_english_at_120x40() {
    let (_d, mut app) = app(Lang::En);
    three(&mut app);
    app.type_str("/zs");
    let (_, cursor) = render(&mut app, 120, 40);
    assert_eq!(cursor, Some((1 + 8 + 2, 2)), "after `Search: zs`");
    app.press(KeyCode::Enter);
    let (lines, _) = render(&mut app, 120, 40);
    assert!(
        lines[1].contains("Cases: 1 found, newest first"),
        "{}",
        lines[1]
    );
    assert!(lines[5].contains("张三"), "{}", screen(&lines));
    // The filters: open cases of the first category.
    app.press(KeyCode::Char('f'));
    let (lines, _) = render(&mut app, 120, 40);
    let s = screen(&lines);
    assert!(
        s.contains("Filter cases") && s.contains("Supervised"),
        "{s}"
    );
    assert!(lines[39].contains("Enter apply"), "{}", lines[39]);
    app.press(KeyCode::Right);
    app.press(KeyCode::Enter);
    let (lines, _) = render(&mut app, 120, 40);
    assert!(
        lines[3].contains("Filters: open (f to change)"),
        "{}",
        screen(&lines)
    );
    assert!(lines[1].contains("1 found"), "{}", lines[1]);
    // Wide: the time received, the due date and the days left.
    assert!(
        lines[4].contains("Received") && lines[4].contains("Due"),
        "{}",
        lines[4]
    );
    assert!(lines[5].contains(" 15d left"), "{}", lines[5]);
}

#[test]
fn the_filter_dialog_fits_80x24_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut app) = app(lang);
        three(&mut app);
        app.press(KeyCode::Char('f'));
        for _ in 0..2 {
            app.press(KeyCode::Down);
        }
        app.press(KeyCode::Right);
        let (lines, _) = render(&mut app, 80, 24);
        let s = screen(&lines);
        for line in &lines {
            assert!(line.width() <= 80, "{line}");
        }
        let category = lang.pick("问题类别", "Category");
        let row = lines.iter().find(|l| l.contains('◀')).unwrap();
        assert!(row.contains(category) && row.contains('▶'), "{s}");
        assert!(s.contains(lang.pick("我的案件", "Mine")), "{s}");
        app.press(KeyCode::Esc);
        assert!(
            app.panes().queue.filters.is_empty(),
            "Esc leaves them as they were"
        );
    }
}

#[test]
fn open_cases_show_their_marker_and_days_left_or_over() {
    let (_d, path, mut app, _) = app_recording(Lang::Zh, &[Role::Reception]);
    three(&mut app);
    let today = app.session().today();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE cases SET due = ?1 WHERE summary LIKE '工资%'",
        [(today - chrono::Duration::days(2))
            .format("%Y-%m-%d")
            .to_string()],
    )
    .unwrap();
    conn.execute(
        "UPDATE cases SET due = ?1 WHERE summary LIKE '拖欠%'",
        [today.format("%Y-%m-%d").to_string()],
    )
    .unwrap();
    conn.execute(
        "UPDATE cases SET state = 'closed', due = NULL WHERE summary LIKE '征地%'",
        [],
    )
    .unwrap();
    app.on_tick();
    let (lines, _) = render(&mut app, 80, 24);
    let s = screen(&lines);
    assert!(lines[5].contains("~今天"), "due today is due soon: {s}");
    assert!(lines[6].contains("!超2天"), "{s}");
    assert!(lines[7].contains("办结") && !lines[7].contains('天'), "{s}");
    let (lines, _) = render(&mut app, 120, 40);
    let due = (today - chrono::Duration::days(2))
        .format("%m-%d")
        .to_string();
    assert!(lines[6].contains(&format!("!{due} 超2天")), "{}", lines[6]);
    // Sorted by deadline, the overdue case comes first, the closed one last.
    app.press(KeyCode::Char('s'));
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[1].contains("按期限"), "{}", lines[1]);
    assert!(
        lines[5].contains("欧阳娜娜") && lines[7].contains("张三"),
        "{}",
        screen(&lines)
    );
}

/// Another session's new cases come in at the top of the list; further down, the
/// highlighted case keeps its line on the screen.
#[test]
fn new_cases_from_elsewhere_never_move_the_users_place() {
    let (_d, path, mut app, _) = app_recording(Lang::Zh, &[Role::Reception]);
    for i in 0..9 {
        register(&mut app, &format!("信访人{i}"), &format!("事由{i}"));
    }
    show_queue(&mut app);
    let (_, _) = render(&mut app, 80, 12);
    app.press(KeyCode::PageDown);
    app.press(KeyCode::Down);
    let before = render(&mut app, 80, 12).0;
    let picked = app.panes().queue.selected_row().unwrap().row.id;
    let mut other = crate::store::Store::open(&path).unwrap();
    let me = other.staff_by_login("clerk").unwrap().unwrap();
    let intake = crate::domain::intake::validate_intake(
        &crate::domain::intake::IntakeInput {
            name: "新来的".into(),
            category_id: Some(other.categories().unwrap()[0].id),
            summary: "另一窗口登记".into(),
            ..crate::domain::intake::IntakeInput::blank(other.now())
        },
        other.now(),
    )
    .unwrap();
    other.save_intake(&me, &intake).unwrap();
    app.on_tick();
    let after = render(&mut app, 80, 12).0;
    assert_eq!(app.panes().queue.selected_row().unwrap().row.id, picked);
    assert_eq!(before[5..], after[5..], "the page did not move");
    assert!(after[1].contains("共 10 件"), "{}", after[1]);
    // At the top of the list the new case shows at once.
    app.run(Command::Queue(QueueCommand::Newest));
    let top = render(&mut app, 80, 12).0;
    assert!(top[5].contains("新来的"), "{}", screen(&top));
}

/// Every key the queue's lines and the filter dialog name is one the keymap binds.
#[test]
fn every_key_the_queue_names_is_bound() {
    use crate::app::dialogs::filter::FilterCommand;
    use crate::app::keymap::key_for;
    for command in [
        Command::Queue(QueueCommand::StartSearch),
        Command::Queue(QueueCommand::ClearSearch),
        Command::Queue(QueueCommand::Filters),
        Command::Filter(FilterCommand::Down),
        Command::Filter(FilterCommand::Next),
    ] {
        assert!(!key_for(command, Lang::Zh).is_empty(), "{command:?}");
    }
    assert_eq!(
        key_for(Command::Queue(QueueCommand::ClearSearch), Lang::En),
        "Esc",
        "named once though bound under two conditions"
    );
}

/// The search field, the found count, the filters in force and the days left, at both sizes in
/// both languages; nothing runs past the edge.
#[test]
fn search_and_filters_at_both_sizes_in_both_languages() {
    for (lang, w, h) in [
        (Lang::Zh, 80, 24),
        (Lang::En, 80, 24),
        (Lang::Zh, 120, 40),
        (Lang::En, 120, 40),
    ] {
        let (_d, mut app) = app(lang);
        three(&mut app);
        app.type_str("/拖欠");
        let (lines, cursor) = render(&mut app, w, h);
        let label = lang.pick("搜索：", "Search: ").width();
        assert_eq!(cursor, Some((cols(1 + label + 4), 2)), "{lang:?} {w}");
        app.press(KeyCode::Enter);
        app.press(KeyCode::Char('f'));
        app.press(KeyCode::Right);
        app.press(KeyCode::Enter);
        let (lines2, _) = render(&mut app, w, h);
        let s = screen(&lines2);
        assert!(
            lines2[1].contains(lang.pick("找到 2 件", "2 found")),
            "{lang:?} {w}: {s}"
        );
        assert!(
            lines2[3].contains(lang.pick("筛选：在办", "Filters: open")),
            "{lang:?} {w}: {s}"
        );
        assert!(
            lines2[5].contains(lang.pick("剩15天", "15d left")),
            "{lang:?} {w}: {s}"
        );
        for line in lines.iter().chain(&lines2) {
            assert!(line.width() <= usize::from(w), "{line}");
        }
    }
}
