//! The roster pane and its dialogs drawn at 80×24 and 120×40: the week aligned with Chinese
//! names, the half-day on duty now, leaders' days, waiting visitors, each editing dialog, a
//! clash refused in words, a receptionist refused, and the notifications list.

use crate::app::App;
use crate::app::dialogs::Dialog;
use crate::app::keymap::{Command, GlobalCommand};
use crate::app::panes::Pane;
use crate::app::test_support::app_at;
use crate::domain::Role;
use crate::i18n::Lang;
use crate::ui::test_support::render;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

/// Wednesday 2026-11-25, 09:30: a leader's reception morning.
fn wednesday() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn manager(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, _, mut app, _) = app_at(lang, &[Role::Reception, Role::Manager], wednesday());
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Roster)));
    (dir, app)
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let (lines, _) = render(app, w, h);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l.width(), usize::from(w), "line {i} is not {w} wide: {l:?}");
    }
    lines.join("\n")
}

/// The display column where `needle` starts on each line that has it.
fn columns_of(screen: &str, needle: &str) -> Vec<usize> {
    // The rows of the list: those with a specialties column.
    screen
        .lines()
        .filter(|l| l.contains('、'))
        .filter_map(|l| l.find(needle).map(|i| l[..i].width()))
        .collect()
}

#[test]
fn the_week_is_drawn_by_day_and_half_day_aligned_at_both_sizes() {
    let (_d, mut app) = manager(Lang::Zh);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&mut app, w, h);
        assert!(
            s.contains("值班安排 2026-W48（11-23 至 11-29） · 本周"),
            "{s}"
        );
        assert!(s.contains("领导接访日：周三上午（张志刚）"), "{s}");
        assert!(s.contains("▶ 11-25 周三 上午"), "{s}");
        assert!(s.contains("领导接待室") && s.contains("领导"), "{s}");
        // Rooms and waiting counts line up whatever the names' widths.
        let rooms = columns_of(&s, "接访室");
        assert!(rooms.len() > 3, "{s}");
        assert!(rooms.windows(2).all(|p| p[0] == p[1]), "{rooms:?}\n{s}");
        if w >= 120 {
            assert!(s.contains("综合科科长"), "titles show when wide:\n{s}");
        }
    }
    app.set_lang(Lang::En);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Duty roster 2026-W48"), "{s}");
    assert!(s.contains("Leaders' reception days: Wed"), "{s}");
}

#[test]
fn weeks_change_by_key_and_this_week_comes_back() {
    let (_d, mut app) = manager(Lang::Zh);
    app.press(KeyCode::Right);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("2026-W49（11-30 至 12-06）"), "{s}");
    assert!(!s.contains("本周"), "{s}");
    app.press(KeyCode::Left);
    app.press(KeyCode::Left);
    assert!(screen(&mut app, 80, 24).contains("2026-W47"));
    app.press(KeyCode::Home);
    assert!(screen(&mut app, 80, 24).contains("2026-W48（11-23 至 11-29） · 本周"));
}

#[test]
fn the_highlighted_expert_s_waiting_visitors_show_under_the_week() {
    use crate::domain::intake::{IntakeInput, validate_intake};
    let (_d, mut app) = manager(Lang::Zh);
    let store = app.store_mut();
    let me = store.staff_by_login("clerk").unwrap().unwrap();
    let wang = store.staff_by_login("wangjg").unwrap().unwrap();
    let now = store.now();
    let mut intake = validate_intake(
        &IntakeInput {
            name: "张三".into(),
            category_id: Some(store.categories().unwrap()[0].id),
            summary: "征地补偿款未到位".into(),
            ..IntakeInput::blank(now)
        },
        now,
    )
    .unwrap();
    intake.expert_id = Some(wang.id);
    let saved = store.save_intake(&me, &intake).unwrap();
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Roster)));
    let wang_row = app
        .panes()
        .roster
        .week
        .slots
        .iter()
        .position(|s| s.staff_id == wang.id && s.is_at(now))
        .unwrap();
    while app.panes().roster.selected < wang_row {
        app.press(KeyCode::Down);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("等候 王建国（接访室一）的来访人：1 人"), "{s}");
        assert!(s.contains(&saved.number) && s.contains("张三"), "{s}");
    }
}

fn top_error(app: &App) -> Option<String> {
    match app.dialogs().top(Pane::Roster) {
        Some(Dialog::RosterForm(f)) => f.error.clone(),
        _ => None,
    }
}

#[test]
fn a_manager_adds_a_slot_and_a_clash_is_refused_in_words_in_the_dialog() {
    let (_d, mut app) = manager(Lang::Zh);
    app.press(KeyCode::Char('a'));
    for (w, h) in [(80, 24), (120, 40)] {
        let (lines, cursor) = render(&mut app, w, h);
        let s = lines.join("\n");
        assert!(s.contains("增加值班"), "{s}");
        for label in ["专家", "日期", "时段", "接访室"] {
            assert!(s.contains(label), "{label}\n{s}");
        }
        assert!(cursor.is_some(), "the cursor is in the expert field");
    }
    app.type_str("陈丽");
    app.press(KeyCode::Enter);
    app.press(KeyCode::End);
    for _ in 0..10 {
        app.press(KeyCode::Backspace);
    }
    app.type_str("2026-11-26");
    app.press(KeyCode::Tab);
    app.press(KeyCode::Char('2')); // 下午: 王建国 in 接访室一, 赵伟 in 接访室三
    app.press(KeyCode::Tab);
    app.type_str("接访室一");
    app.press_ctrl('s');
    let why = top_error(&app).expect("refused");
    assert!(
        why.contains("接访室一") && why.contains("王建国") && why.contains("陈丽"),
        "{why}"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&mut app, w, h);
        // The refusal wraps by width; its last words end on one line.
        assert!(s.contains("同时只能有一位专家"), "{s}");
    }
    // The room put right, it is saved; the dialog closes and the week shows it.
    app.press(KeyCode::Backspace);
    app.type_str("九");
    app.press_ctrl('s');
    assert!(top_error(&app).is_none());
    assert!(app.dialogs().top(Pane::Roster).is_none());
    assert!(
        app.status_text().starts_with("已安排 陈丽"),
        "{}",
        app.status_text()
    );
    assert!(screen(&mut app, 80, 24).contains("接访室九"));
}

#[test]
fn every_editing_dialog_is_drawn_on_the_selected_slot_at_both_sizes() {
    let (_d, mut app) = manager(Lang::Zh);
    let cases: [(char, &[&str]); 5] = [
        (
            'm',
            &["调整值班：2026-11-25 周三 上午", "日期", "时段", "接访室"],
        ),
        ('s', &["对调值班", "与之对调", "拼音首字母"]),
        ('t', &["安排替班", "替班人", "原接访室"]),
        ('d', &["取消值班", "原因（可不填）"]),
        ('e', &["专家信息：", "身份", "职务", "擅长类别"]),
    ];
    for (key, texts) in cases {
        app.press(KeyCode::Char(key));
        assert!(
            matches!(app.dialogs().top(Pane::Roster), Some(Dialog::RosterForm(_))),
            "{key}: {}",
            app.status_text()
        );
        for (w, h) in [(80, 24), (120, 40)] {
            let s = screen(&mut app, w, h);
            for t in texts {
                assert!(s.contains(t), "{key} {w}x{h}: {t}\n{s}");
            }
        }
        app.press(KeyCode::Esc);
        assert!(app.dialogs().top(Pane::Roster).is_none(), "{key}");
    }
    // The weekly patterns, and their two dialogs.
    app.press(KeyCode::Char('w'));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("每周固定安排") && s.contains("周三   上午 张志刚"),
        "{s}"
    );
    for (key, title) in [('a', "增加每周固定安排"), ('d', "停止每周固定安排")] {
        app.press(KeyCode::Char(key));
        for (w, h) in [(80, 24), (120, 40)] {
            let s = screen(&mut app, w, h);
            assert!(s.contains(title), "{s}");
        }
        app.press(KeyCode::Esc);
    }
}

#[test]
fn a_stand_in_is_marked_and_says_for_whom() {
    let (_d, mut app) = manager(Lang::Zh);
    // The highlighted slot is the first on duty now; stand 孙强 in for them, or 陈丽.
    let absent = app
        .panes()
        .roster
        .selected_slot()
        .unwrap()
        .staff_name
        .clone();
    app.press(KeyCode::Char('t'));
    app.type_str("zhaowei");
    app.press(KeyCode::Enter);
    app.type_str("出差");
    app.press_ctrl('s');
    let status = app.status_text();
    if absent == "赵伟" {
        assert!(top_error(&app).is_some());
        return;
    }
    // 赵伟 is on duty this morning already: one person, two rooms.
    let why = top_error(&app).unwrap_or_default();
    assert!(
        why.contains("赵伟") && why.contains("两处"),
        "{status} {why}"
    );
    app.press(KeyCode::Esc);
    app.press(KeyCode::Char('y'));
    // Next Monday morning 赵伟 is free.
    app.press(KeyCode::Right);
    let row = app
        .panes()
        .roster
        .week
        .slots
        .iter()
        .position(|s| s.staff_name == "王建国")
        .unwrap();
    while app.panes().roster.selected < row {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Char('t'));
    app.type_str("zhaowei");
    app.press(KeyCode::Enter);
    app.type_str("出差");
    app.press_ctrl('s');
    assert!(
        app.status_text().contains("替 王建国"),
        "{}",
        app.status_text()
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("替班 王建国"), "{s}");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("替班"), "{s}");
}

#[test]
fn a_receptionist_is_refused_editing_in_words() {
    let (_d, _, mut app, _) = app_at(Lang::Zh, &[Role::Reception], wednesday());
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Roster)));
    let s = screen(&mut app, 80, 24);
    let legend = s.lines().last().unwrap();
    assert!(
        !legend.contains("增加") && legend.contains("固定安排"),
        "{legend}"
    );
    for key in ['a', 'm', 'd'] {
        app.press(KeyCode::Char(key));
        assert!(app.dialogs().top(Pane::Roster).is_none());
        let status = app.status_text();
        assert!(
            status.starts_with("无权操作") && status.contains("领导"),
            "{status}"
        );
    }
    // The store refuses it too, whatever screen asks.
    let me = app.session().me.clone();
    let wang = app.store_mut().staff_by_login("wangjg").unwrap().unwrap();
    let e = app
        .store_mut()
        .put_on_duty(&me, wang.id, wednesday(), "接访室九")
        .unwrap_err();
    assert!(e.to_string().contains("editing the duty roster"), "{e}");
}

#[test]
fn a_notification_shows_on_the_status_line_the_tab_bar_and_in_the_list() {
    use crate::domain::intake::{IntakeInput, validate_intake};
    use crate::domain::notification::{NewNotification, NotificationKind};
    let (_d, mut app) = manager(Lang::Zh);
    let me = app.session().me.clone();
    // Another session returns a case to me: its own connection to the same file.
    let path = app.store_mut().path().to_path_buf();
    let mut elsewhere = crate::store::Store::open(&path).unwrap();
    elsewhere.pin_now(wednesday());
    let wang = elsewhere.staff_by_login("wangjg").unwrap().unwrap();
    let now = wednesday();
    let intake = validate_intake(
        &IntakeInput {
            name: "李四".into(),
            category_id: Some(elsewhere.categories().unwrap()[1].id),
            summary: "拖欠工资".into(),
            ..IntakeInput::blank(now)
        },
        now,
    )
    .unwrap();
    let case = elsewhere.save_intake(&me, &intake).unwrap();
    elsewhere
        .notify(
            &wang,
            &NewNotification {
                to_staff: me.id,
                kind: NotificationKind::Return,
                case_id: Some(case.case_id),
                note: "请补充\u{1b}[2J调查材料".into(),
                place: String::new(),
            },
        )
        .unwrap();
    app.tick();
    let status = app.status_text();
    assert!(
        status.contains("新通知") && status.contains("已退回：请补充调查材料（王建国）"),
        "{status}"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&mut app, w, h);
        assert!(s.lines().next().unwrap().contains("^N 通知 1"), "{s}");
    }
    app.press_ctrl('n');
    assert!(matches!(
        app.dialogs().top(Pane::Roster),
        Some(Dialog::Notifications(_))
    ));
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("通知（未读 1）"), "{s}");
        assert!(s.contains(&case.number) && s.contains("退回"), "{s}");
        assert!(s.contains("│未读 "), "{s}");
        assert!(s.contains("回车 打开案件"), "{s}");
    }
    // Opening it marks it read and opens its case.
    app.press(KeyCode::Enter);
    assert_eq!(app.pane(), Pane::Queue);
    assert_eq!(
        app.panes().queue.detail.as_ref().map(|d| d.case.row.id),
        Some(case.case_id)
    );
    assert_eq!(app.session().unread, 0);
    assert!(
        !screen(&mut app, 80, 24)
            .lines()
            .next()
            .unwrap()
            .contains("通知")
    );
    app.press_ctrl('n');
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("通知（未读 0）") && !s.contains("│未读 "), "{s}");
}
