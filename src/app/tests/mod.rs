//! The application driven as a user would: keys in, state and status out.

use super::dialogs::Dialog;
use super::keymap::{Command, GlobalCommand, Keys, Scope};
use super::panes::Pane;
use super::panes::intake::IntakeCommand;
use super::panes::queue::QueueCommand;
use super::test_support::{app, app_recording, desk};
use super::*;
use crate::domain::intake::{IntakeField, IntakeInput, validate_intake};
use crate::domain::{Channel, Role};
use crossterm::event::KeyCode;

/// A receptionist's case: a name, a category picked by initials, a summary.
fn register(app: &mut App, name: &str, summary: &str) {
    app.show_pane(Pane::Intake);
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str(name);
    app.panes_mut().intake.form.focus = IntakeField::Category;
    app.type_str("zd");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Summary;
    app.type_str(summary);
    app.press_ctrl('s');
    assert!(
        app.panes().intake.last_saved.is_some(),
        "{}",
        app.status_text()
    );
}

/// A receptionist routes a visitor in one session; the expert's own session, idle, is told
/// on its next data-version check.
#[test]
fn an_expert_is_told_when_a_visitor_is_routed_to_them() {
    let (_dir, path, mut desk, admin) = desk(&[Role::Reception]);
    let expert = desk.staff_by_login("wangjg").unwrap().unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), expert.clone(), Lang::Zh).unwrap();
    assert_eq!(app.on_tick(), Outcome::Unchanged, "nothing happened yet");
    let now = desk.now();
    let cat = desk.categories().unwrap()[0].id;
    let intake = validate_intake(
        &IntakeInput {
            name: "张三".into(),
            category_id: Some(cat),
            summary: "征地补偿".into(),
            expert_id: Some(expert.id),
            ..IntakeInput::blank(now)
        },
        now,
    )
    .unwrap();
    let saved = desk.save_intake(&admin, &intake).unwrap();
    assert_eq!(app.on_tick(), Outcome::Redraw);
    let text = app.status_text();
    assert!(
        text.contains(&saved.number) && text.contains("张三"),
        "{text}"
    );
    assert_eq!(app.on_tick(), Outcome::Unchanged, "told once");
    assert!(saved.routed_to.is_some());
    let d = desk.case_detail(saved.case_id).unwrap().unwrap();
    assert_eq!(d.row.state, crate::domain::CaseState::WithExpert);
}

/// A receptionist flags a matter urgent; a manager's idle session is told on its next check.
#[test]
fn a_manager_is_told_at_once_of_an_urgent_matter() {
    let (_dir, path, mut desk, admin) = desk(&[Role::Reception]);
    let admin_too = desk
        .add_staff(&admin, "clerk", "李接待", &[Role::Reception, Role::Admin])
        .unwrap();
    let manager = desk
        .add_staff(&admin_too, "leader", "王局长", &[Role::Manager])
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), manager, Lang::Zh).unwrap();
    app.session.status = None; // the start-up note about next year's calendar
    let now = desk.now();
    let cat = desk.categories().unwrap()[0].id;
    let input = |urgent| IntakeInput {
        name: "张三".into(),
        category_id: Some(cat),
        summary: "数十人聚集于县政府门前".into(),
        urgent,
        ..IntakeInput::blank(now)
    };
    desk.save_intake(&admin, &validate_intake(&input(false), now).unwrap())
        .unwrap();
    app.on_tick();
    assert!(
        app.session.status.is_none(),
        "an ordinary case raises nothing"
    );
    let saved = desk
        .save_intake(&admin, &validate_intake(&input(true), now).unwrap())
        .unwrap();
    assert_eq!(app.on_tick(), Outcome::Redraw);
    let status = app.session.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error, "shown to stand out");
    assert!(
        status.text.starts_with("紧急事项：") && status.text.contains(&saved.number),
        "{}",
        status.text
    );
    assert!(desk.case_detail(saved.case_id).unwrap().unwrap().urgent);
}

/// The legend offers only what the user can do: an expert is not offered the reveal of an ID
/// number, a receptionist is; pressing it anyway as an expert is refused in words.
#[test]
fn the_legend_never_offers_a_key_the_role_cannot_use() {
    let offers_reveal = |app: &App| {
        app.legend()
            .iter()
            .any(|b| b.command == Command::Detail(super::panes::queue::DetailCommand::RevealId))
    };
    let (_d, _p, mut clerk, _) = app_recording(Lang::Zh, &[Role::Reception, Role::Expert]);
    register(&mut clerk, "张三", "征地补偿款未到位");
    clerk.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
    clerk.run(Command::Queue(QueueCommand::Open));
    assert!(offers_reveal(&clerk));

    let (_d, path, mut store, me) = desk(&[Role::Reception, Role::Admin]);
    let expert = store.staff_by_login("wangjg").unwrap().unwrap();
    let now = store.now();
    let cat = store.categories().unwrap()[0].id;
    store
        .save_intake(
            &me,
            &validate_intake(
                &IntakeInput {
                    id_number: "11010519491231002X".into(),
                    name: "张三".into(),
                    category_id: Some(cat),
                    summary: "征地".into(),
                    ..IntakeInput::blank(now)
                },
                now,
            )
            .unwrap(),
        )
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), expert, Lang::Zh).unwrap();
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
    app.run(Command::Queue(QueueCommand::Open));
    assert!(app.panes().queue.detail.is_some());
    assert!(
        !offers_reveal(&app),
        "an expert may not see ID numbers whole"
    );
    app.press(KeyCode::Char('v'));
    assert!(
        app.status_text().starts_with("无权操作"),
        "{}",
        app.status_text()
    );
    assert_eq!(app.panes().queue.detail.as_ref().unwrap().revealed_id, None);
}

/// F9 writes the receipt through the effects interface; a second F9 writes a second copy
/// beside the first, never over it.
#[test]
fn the_receipt_goes_through_the_effects_interface_and_never_overwrites() {
    let (_d, path, mut app, effects) = app_recording(Lang::Zh, &[Role::Reception]);
    register(&mut app, "张三", "征地补偿款未到位");
    let number = app.panes().intake.last_saved.clone().unwrap().number;
    app.press(KeyCode::F(9));
    app.press(KeyCode::F(9));
    let rec = effects.recording();
    assert_eq!(rec.files.len(), 2, "{}", app.status_text());
    let receipts = path.parent().unwrap().join("receipts");
    assert_eq!(rec.files[0].0, receipts.join(format!("{number}.txt")));
    assert_eq!(rec.files[1].0, receipts.join(format!("{number}-2.txt")));
    assert!(rec.files[0].1.contains(&number) && rec.files[0].1.contains("张三"));
    assert!(rec.printed.is_empty(), "no printer set");
    assert!(
        app.status_text().starts_with("回执已写入"),
        "{}",
        app.status_text()
    );
}

#[test]
fn a_digit_and_space_choose_on_a_choice_field_and_are_text_elsewhere() {
    let (_d, mut app) = app(Lang::Zh);
    app.panes_mut().intake.form.focus = IntakeField::Channel;
    app.type_str("2");
    assert_eq!(app.panes().intake.form.channel, Channel::Letter);
    app.type_str(" ");
    assert_eq!(app.panes().intake.form.channel, Channel::Online);
    app.press(KeyCode::Left);
    assert_eq!(app.panes().intake.form.channel, Channel::Letter);
    assert!(
        app.draft_due().is_some(),
        "a choice marks the draft as changed"
    );
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str("2 ");
    assert_eq!(app.panes().intake.form.text(IntakeField::Name), "2 ");
}

/// F7 lists the experts on duty; Enter routes to the highlighted one; the save sends the
/// visitor to that expert.
#[test]
fn f7_routes_through_the_picker_and_the_save_names_the_room() {
    let (_d, _p, mut app, _) = app_recording(Lang::Zh, &[Role::Reception, Role::Manager]);
    // Whatever day the test runs on, put an expert on duty now.
    let store = app.store_mut();
    let now = store.now();
    let admin = store.staff_by_login("clerk").unwrap().unwrap();
    let expert = store.staff_by_login("wangjg").unwrap().unwrap();
    store
        .put_on_duty(&admin, expert.id, now, "接访室九")
        .unwrap();
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str("张三");
    app.press(KeyCode::F(7));
    let Some(Dialog::Experts(picker)) = app.dialogs().top(Pane::Intake) else {
        panic!("no picker: {}", app.status_text());
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
    assert!(
        app.dialogs().top(Pane::Intake).is_none(),
        "the picker closes"
    );
    assert_eq!(
        app.panes().intake.form.expert.as_ref().map(|e| e.staff_id),
        Some(expert.id)
    );
    app.panes_mut().intake.form.focus = IntakeField::Category;
    app.type_str("zd");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Summary;
    app.type_str("征地补偿");
    app.press_ctrl('s');
    let status = app.status_text();
    assert!(
        status.starts_with("请引导至 接访室九（王建国）"),
        "{status}"
    );
}

/// A question is a dialog that holds the keys: other keys do nothing until it is answered.
#[test]
fn a_question_holds_every_key_until_answered() {
    let (_d, mut app) = app(Lang::Zh);
    app.type_str("110105");
    app.press(KeyCode::Esc);
    assert!(matches!(
        app.dialogs().top(Pane::Intake),
        Some(Dialog::Question(_))
    ));
    app.press(KeyCode::F(2));
    app.type_str("x");
    assert_eq!(app.pane(), Pane::Intake, "F2 waits for the answer");
    assert_eq!(app.scopes(), vec![Scope::Question]);
    app.type_str("y");
    assert!(app.dialogs().top(Pane::Intake).is_none());
    assert!(!app.panes().intake.form.has_text(), "cleared");
}

/// Help lists the keys of what is under it, from the keymap, the unavailable ones marked.
#[test]
fn help_is_drawn_from_the_keymap_of_what_is_under_it() {
    let (_d, mut app) = app(Lang::Zh);
    app.press(KeyCode::F(12));
    let Some(Dialog::Help(help)) = app.dialogs().top(Pane::Intake) else {
        panic!("help did not open");
    };
    let names: Vec<Keys> = help.entries.iter().flat_map(|e| e.keys.clone()).collect();
    for b in keymap::bindings_of(Scope::Intake) {
        assert!(names.contains(&b.keys), "help lacks {:?}", b.keys);
    }
    let f9 = help
        .entries
        .iter()
        .find(|e| {
            e.keys.contains(&Keys::Key(
                KeyCode::F(9),
                crossterm::event::KeyModifiers::NONE,
            ))
        })
        .unwrap();
    assert!(
        !f9.available,
        "no case saved yet: F9 is listed, marked unavailable"
    );
    app.press(KeyCode::Char('x'));
    assert!(
        app.dialogs().top(Pane::Intake).is_none(),
        "any key closes help"
    );
}

/// Every hint that names a key names one the keymap binds.
#[test]
fn every_key_a_hint_names_is_bound() {
    for command in [
        IntakeCommand::Enter,
        IntakeCommand::OpenRepresentatives,
        IntakeCommand::ChoicePrev,
        IntakeCommand::ChoiceNext,
        IntakeCommand::ChoiceDigit,
        IntakeCommand::PickerUp,
        IntakeCommand::PickerDown,
        IntakeCommand::OpenExperts,
        IntakeCommand::RemoveLastUnit,
        IntakeCommand::Save,
        IntakeCommand::NextField,
        IntakeCommand::OpenHistory,
    ] {
        assert!(
            !keymap::key_for(Command::Intake(command), Lang::Zh).is_empty(),
            "{command:?}"
        );
    }
    for pane in Pane::ALL {
        assert!(!keymap::pane_key_name(pane).is_empty());
    }
}

mod from_the_record;
