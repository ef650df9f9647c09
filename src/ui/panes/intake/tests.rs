//! The intake form on a test terminal, at 80×24 and 120×40, in Chinese and English.

use crate::app::App;
use crate::app::dialogs::Dialog;
use crate::app::keymap::Command;
use crate::app::panes::Pane;
use crate::app::panes::intake::IntakeCommand;
use crate::domain::Role;
use crate::domain::intake::IntakeField;
use crate::i18n::Lang;
use crate::ui::test_support::{app, app_recording, render};
use crossterm::event::KeyCode;

fn focus(app: &mut App, field: IntakeField) {
    app.panes_mut().intake.form.focus = field;
}

/// A receptionist's first visit from 张三, saved, so that the next form finds history.
fn with_prior_case(lang: Lang) -> (tempfile::TempDir, App) {
    let (d, mut app) = app(lang);
    app.type_str("11010519491231002X");
    app.press(KeyCode::Enter);
    app.type_str("张三");
    focus(&mut app, IntakeField::Category);
    app.type_str("zd");
    app.press(KeyCode::Enter);
    focus(&mut app, IntakeField::Summary);
    app.type_str("征地补偿款未到位");
    app.press_ctrl('s');
    assert!(
        app.panes().intake.last_saved.is_some(),
        "{}",
        app.status_text()
    );
    (d, app)
}

#[test]
fn empty_form_in_chinese_at_80x24_has_every_field_and_the_cursor_in_the_id_field() {
    let (_d, mut app) = app(Lang::Zh);
    let (lines, cursor) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(lines[0].contains("F1 登记"), "{}", lines[0]);
    assert!(lines[2].contains("▶身份证号"), "{}", lines[2]);
    for label in [
        "性别",
        "姓名",
        "电话",
        "住址",
        "工作单位",
        "渠道",
        "紧急",
        "收到时间",
        "集体访",
        "人数",
        "代表",
        "问题类别",
        "性质",
        "涉及单位",
        "越级",
        "事由摘要",
        "诉求及事实",
    ] {
        assert!(screen.contains(label), "missing {label}:\n{screen}");
    }
    assert!(lines[23].contains("^S 保存"), "{}", lines[23]);
    let received = app.panes().intake.form.text(IntakeField::ReceivedAt);
    assert!(
        lines[7].contains(&format!(" {received} ")),
        "the whole time shows: {}",
        lines[7]
    );
    // Row 2 (border, then the first field), column 1 (border) + 10 (label).
    assert_eq!(cursor, Some((11, 2)));
}

#[test]
fn the_legend_offers_f5_only_when_a_person_is_found_and_f6_only_for_a_group() {
    let (_d, mut app) = with_prior_case(Lang::Zh);
    let (lines, _) = render(&mut app, 120, 40);
    assert!(!lines[39].contains("F5"), "{}", lines[39]);
    assert!(!lines[39].contains("F6"), "{}", lines[39]);
    app.type_str("11010519491231002X");
    focus(&mut app, IntakeField::Collective);
    app.type_str("2");
    let (lines, _) = render(&mut app, 120, 40);
    assert!(lines[39].contains("F5 既往"), "{}", lines[39]);
    assert!(lines[39].contains("F6 代表"), "{}", lines[39]);
}

#[test]
fn cursor_follows_wide_characters_in_a_line_and_in_the_account() {
    let (_d, mut app) = app(Lang::Zh);
    app.press(KeyCode::Enter);
    app.type_str("张三丰");
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(lines[3].contains("张三丰"), "{}", lines[3]);
    assert_eq!(
        cursor,
        Some((11 + 6, 3)),
        "three wide characters take six columns"
    );
    focus(&mut app, IntakeField::Account);
    // 40 Chinese characters wrap in a 77-column area: the cursor lands on the second row.
    app.type_str(&"征".repeat(40));
    let (lines, cursor) = render(&mut app, 80, 24);
    let (x, y) = cursor.unwrap();
    assert_eq!(y, 14, "{}", lines[10..16].join("\n"));
    assert_eq!(x, 2 + 2 * (40 - 38), "{}", lines[14]);
}

#[test]
fn the_cursor_moves_back_into_a_name_to_fix_a_typo() {
    let (_d, mut app) = app(Lang::Zh);
    focus(&mut app, IntakeField::Name);
    app.type_str("张二丰");
    app.press(KeyCode::Left);
    app.press(KeyCode::Left);
    let (_, cursor) = render(&mut app, 80, 24);
    assert_eq!(cursor, Some((11 + 2, 3)), "after 张");
    app.press(KeyCode::Delete);
    app.type_str("三");
    assert_eq!(app.panes().intake.form.text(IntakeField::Name), "张三丰");
    let (_, cursor) = render(&mut app, 80, 24);
    assert_eq!(cursor, Some((11 + 4, 3)), "after 张三");
}

#[test]
fn english_form_and_category_picker_at_120x40() {
    let (_d, mut app) = app(Lang::En);
    focus(&mut app, IntakeField::Category);
    app.type_str("zd");
    let (lines, _) = render(&mut app, 120, 40);
    let screen = lines.join("\n");
    assert!(screen.contains("Category"), "{screen}");
    assert!(screen.contains("Land requisition"), "{screen}");
    assert!(lines[39].contains("^S save"), "{}", lines[39]);
}

#[test]
fn the_history_panel_shows_prior_cases_at_80x24_and_beside_the_form_at_120x40() {
    let (_d, mut app) = with_prior_case(Lang::Zh);
    app.type_str("11010519491231002X");
    assert_eq!(app.panes().intake.history.len(), 1);
    let (lines, _) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(screen.contains("既往记录（F5）"), "{screen}");
    assert!(screen.contains("身份证号相同"), "{screen}");
    assert!(screen.contains("XF-"), "{screen}");
    assert!(screen.contains("征地补偿款未到位"), "{screen}");
    let (lines, _) = render(&mut app, 120, 40);
    // Beside the form: the history's border starts right of the form's fields.
    let row = lines.iter().find(|l| l.contains("既往记录")).unwrap();
    assert!(row.contains("身份证号"), "panel beside the ID row: {row}");
    assert!(
        lines.iter().any(|l| l.contains("诉求及事实")),
        "the account stays visible"
    );
}

#[test]
fn attaching_a_repeat_and_saving_adds_a_contact_not_a_case() {
    let (_d, mut app) = with_prior_case(Lang::En);
    let before = app.store_mut().case_count().unwrap();
    app.type_str("11010519491231002X");
    app.press(KeyCode::F(5));
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(
        lines.join("\n").contains("Enter = repeat"),
        "{}",
        lines.join("\n")
    );
    assert_eq!(cursor, None, "the panel has the keys, not a text field");
    app.press(KeyCode::Enter);
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[1].contains("repeat on XF-"), "{}", lines[1]);
    app.press(KeyCode::F(8));
    app.panes_mut()
        .intake
        .form
        .set_text(IntakeField::Summary, "再次来访催问进度");
    app.press_ctrl('s');
    assert_eq!(
        app.store_mut().case_count().unwrap(),
        before,
        "{}",
        app.status_text()
    );
    let saved = app.panes().intake.last_saved.clone().unwrap();
    assert!(saved.repeat);
    let d = app.store_mut().case_detail(saved.case_id).unwrap().unwrap();
    assert_eq!(d.contacts.len(), 2);
    assert!(d.contacts[1].is_repeat);
    assert_eq!(
        d.contacts[1].summary.as_deref(),
        Some("再次来访催问进度"),
        "the repeat's words are kept"
    );
}

#[test]
fn wrong_check_digit_is_shown_under_the_form_and_focus_goes_there() {
    let (_d, mut app) = app(Lang::Zh);
    app.type_str("110105194912310021");
    app.press_ctrl('s');
    let (lines, cursor) = render(&mut app, 120, 40);
    let screen = lines.join("\n");
    assert!(
        screen.contains("身份证号：校验码错误：末位应为 X"),
        "{screen}"
    );
    assert_eq!(cursor.map(|c| c.1), Some(2));
}

#[test]
fn a_routed_visitor_s_room_is_on_the_status_line_at_80_columns() {
    let (_d, _p, mut app, _) = app_recording(Lang::Zh, &[Role::Reception, Role::Manager]);
    let store = app.store_mut();
    let now = store.now();
    let me = store.staff_by_login("clerk").unwrap().unwrap();
    let expert = store.staff_by_login("wangjg").unwrap().unwrap();
    store.put_on_duty(&me, expert.id, now, "接访室九").unwrap();
    focus(&mut app, IntakeField::Name);
    app.type_str("张三");
    focus(&mut app, IntakeField::Category);
    app.type_str("zd");
    app.press(KeyCode::Enter);
    focus(&mut app, IntakeField::Summary);
    app.type_str("征地补偿款未到位");
    app.press(KeyCode::F(7));
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(
        lines.join("\n").contains("值班专家"),
        "{}",
        lines.join("\n")
    );
    assert_eq!(
        cursor, None,
        "the picker takes the cursor away from the form"
    );
    let Some(Dialog::Experts(picker)) = app.dialogs().top(Pane::Intake) else {
        panic!("no picker");
    };
    let pick = picker
        .experts
        .iter()
        .position(|e| e.staff_id == expert.id)
        .unwrap();
    for _ in 0..pick {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    app.press_ctrl('s');
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[22].starts_with("请引导至 接访室九"), "{}", lines[22]);
    assert!(lines[22].contains("王建国"), "{}", lines[22]);
}

#[test]
fn chinese_typed_into_the_id_field_is_refused_in_words_not_a_crash() {
    let (_d, mut app) = app(Lang::Zh);
    // Eighteen characters, the length of an ID number, each three bytes of UTF-8.
    app.type_str("张三李四王五赵六钱七孙八周九吴十郑冯");
    app.press_ctrl('s');
    let (lines, _) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(screen.contains("身份证号：只能是数字"), "{screen}");
}

#[test]
fn a_collective_visit_opens_the_representatives_dialog() {
    let (_d, mut app) = app(Lang::Zh);
    focus(&mut app, IntakeField::Collective);
    app.type_str("2");
    app.run(Command::Intake(IntakeCommand::NextField));
    app.type_str("30");
    app.press(KeyCode::F(6));
    app.type_str("李四");
    let (lines, cursor) = render(&mut app, 80, 24);
    let screen = lines.join("\n");
    assert!(screen.contains("集体访代表"), "{screen}");
    assert!(screen.contains("李四"), "{screen}");
    assert!(
        screen.contains("Tab 下一格"),
        "the dialog's keys from the keymap: {screen}"
    );
    assert!(cursor.is_some(), "the cursor sits in the dialog's cell");
    assert_eq!(
        app.panes().intake.form.representatives[0].name,
        "李四",
        "the form keeps it"
    );
    app.press(KeyCode::Esc);
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines.join("\n").contains("1人 F6"), "{}", lines.join("\n"));
}

#[test]
fn help_overlay_lists_the_intake_keys_at_80x24_and_in_english() {
    for lang in [Lang::Zh, Lang::En] {
        let (_d, mut app) = app(lang);
        app.press(KeyCode::F(12));
        let (lines, cursor) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains(lang.pick("按键帮助", "Keys")), "{screen}");
        assert!(screen.contains("^S"), "{screen}");
        assert!(screen.contains("F7"), "{screen}");
        assert_eq!(cursor, None);
    }
}
