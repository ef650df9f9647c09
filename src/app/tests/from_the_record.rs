//! Intake against the record: filling a known person in (masked or whole, by role, and
//! audited), the receipt time, materials, and a matter in progress offered as a repeat.

use super::*;

/// A saved case for 张三 with an ID number and phone, by a receptionist in its own session.
fn known_person(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    let clerk = store.staff_by_login("clerk").unwrap().unwrap();
    let now = store.now();
    let cat = store.categories().unwrap()[0].id;
    store
        .save_intake(
            &clerk,
            &validate_intake(
                &IntakeInput {
                    id_number: "11010519491231002X".into(),
                    name: "张三".into(),
                    phone: "13800138000".into(),
                    address: "城关镇东街村12号".into(),
                    category_id: Some(cat),
                    summary: "征地补偿".into(),
                    ..IntakeInput::blank(now)
                },
                now,
            )
            .unwrap(),
        )
        .unwrap();
}

fn reveals(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'id_number.reveal'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// An expert who finds a person by name and fills the form from the record does not get the
/// ID number: the form is linked to the person and shows it masked; nothing is revealed.
#[test]
fn filling_from_the_record_masks_the_id_number_for_a_role_that_may_not_see_it() {
    let (_d, path, store, _) = desk(&[Role::Reception]);
    known_person(&path);
    let expert = store.staff_by_login("wangjg").unwrap().unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), expert, Lang::Zh).unwrap();
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str("zs");
    app.press(KeyCode::F(5));
    app.press(KeyCode::F(8));
    let form = &app.panes().intake.form;
    assert_eq!(
        form.text(IntakeField::IdNumber),
        "",
        "never the whole number"
    );
    assert_eq!(form.text(IntakeField::Name), "张三");
    let known = form.known.clone().unwrap();
    assert_eq!(known.masked_id.as_deref(), Some("110105********002X"));
    assert_eq!(reveals(&path), 0);
    // The contact is the same person's, without the number typed.
    app.panes_mut().intake.form.focus = IntakeField::Category;
    app.type_str("zd");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Summary;
    app.type_str("再次反映征地补偿");
    app.press_ctrl('s');
    // The person has an open case of this category: Art. 19 asks first; "no" is a new case.
    assert!(matches!(
        app.dialogs().top(Pane::Intake),
        Some(Dialog::Question(_))
    ));
    app.type_str("n");
    let saved = app.panes().intake.last_saved.clone().expect("saved");
    assert_eq!(saved.petitioner_id, known.petitioner_id);
    let people: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM petitioners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(people, 1, "no second record for the same person");
}

/// A receptionist may see the number: filling from the record shows it whole, audited.
#[test]
fn filling_from_the_record_shows_the_number_whole_to_reception_and_audits_it() {
    let (_d, path, _, _) = desk(&[Role::Reception]);
    known_person(&path);
    let clerk = Store::open(&path)
        .unwrap()
        .staff_by_login("clerk")
        .unwrap()
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), clerk, Lang::Zh).unwrap();
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str("张三");
    app.press(KeyCode::F(8));
    assert_eq!(
        app.panes().intake.form.text(IntakeField::IdNumber),
        "11010519491231002X"
    );
    assert_eq!(reveals(&path), 1);
}

/// Reading the ID card of a known person fills the name and details at once.
#[test]
fn an_exact_id_match_fills_the_person_without_f8() {
    let (_d, path, _, _) = desk(&[Role::Reception]);
    known_person(&path);
    let clerk = Store::open(&path)
        .unwrap()
        .staff_by_login("clerk")
        .unwrap()
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), clerk, Lang::Zh).unwrap();
    app.type_str("11010519491231002X");
    app.press(KeyCode::Enter);
    let form = &app.panes().intake.form;
    assert_eq!(form.text(IntakeField::Name), "张三");
    assert_eq!(form.text(IntakeField::Phone), "13800138000");
    assert_eq!(form.text(IntakeField::Address), "城关镇东街村12号");
    assert_eq!(reveals(&path), 0, "the number was typed, not revealed");
    // Clearing the name to retype it does not bring it back.
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.press(KeyCode::Backspace);
    app.press(KeyCode::Backspace);
    assert_eq!(app.panes().intake.form.text(IntakeField::Name), "");
}

/// The receipt time follows the clock until it is typed: a form cleared at nine and used at
/// eleven says eleven; a typed time stays.
#[test]
fn the_receipt_time_follows_the_clock_until_it_is_typed() {
    let (_d, mut app) = app(Lang::Zh);
    let at = |h| {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    };
    app.store_mut().pin_now(at(9));
    app.type_str("1");
    assert_eq!(
        app.panes().intake.form.text(IntakeField::ReceivedAt),
        "2026-11-25 09:00"
    );
    app.press(KeyCode::Esc);
    app.type_str("y");
    app.store_mut().pin_now(at(11));
    app.type_str("1");
    assert_eq!(
        app.panes().intake.form.text(IntakeField::ReceivedAt),
        "2026-11-25 11:00",
        "a cleared form does not keep the time it was cleared"
    );
    app.panes_mut().intake.form.focus = IntakeField::ReceivedAt;
    for _ in 0..5 {
        app.press(KeyCode::Backspace);
    }
    app.type_str("08:30");
    app.store_mut().pin_now(at(12));
    app.press(KeyCode::Tab);
    assert_eq!(
        app.panes().intake.form.text(IntakeField::ReceivedAt),
        "2026-11-25 08:30",
        "a typed time stays"
    );
}

/// A receipt time of 1900 is refused in words; one more than a year back is saved only after
/// the receptionist confirms it.
#[test]
fn an_impossible_receipt_time_is_refused_and_an_old_one_asks_first() {
    let (_d, mut app) = app(Lang::Zh);
    let fill = |app: &mut App, received: &str| {
        let form = &mut app.panes_mut().intake.form;
        form.set_text(IntakeField::Name, "张三");
        form.set_text(IntakeField::Summary, "反映征地补偿");
        form.set_text(IntakeField::ReceivedAt, received);
        form.set_text(IntakeField::Category, "");
        form.received_edited = true;
        app.panes_mut().intake.form.focus = IntakeField::Category;
        app.type_str("zd");
        app.press(KeyCode::Enter);
    };
    fill(&mut app, "1900-01-01 09:00");
    app.press_ctrl('s');
    assert!(app.panes().intake.last_saved.is_none());
    assert!(
        app.status_text().contains("早于本机关开始受理的日期"),
        "{}",
        app.status_text()
    );
    let old = (app.session().today() - chrono::Duration::days(400))
        .format("%Y-%m-%d 09:00")
        .to_string();
    fill(&mut app, &old);
    app.press_ctrl('s');
    assert!(matches!(
        app.dialogs().top(Pane::Intake),
        Some(Dialog::Question(_))
    ));
    app.type_str("n");
    assert!(app.panes().intake.last_saved.is_none(), "no is no");
    assert_eq!(app.panes().intake.form.focus, IntakeField::ReceivedAt);
    app.press_ctrl('s');
    app.type_str("y");
    let saved = app
        .panes()
        .intake
        .last_saved
        .clone()
        .unwrap_or_else(|| panic!("not saved after yes: {}", app.status_text()));
    assert!(saved.number.contains(&old[..4]), "{}", saved.number);
}

/// An administrator disables a receptionist while her session is open: at the next data check
/// the session ends and writes nothing more; changed roles take effect at once.
#[test]
fn a_session_follows_its_account_being_changed_or_disabled() {
    let (_d, path, mut admin_store, admin) = desk(&[Role::Reception]);
    let clerk = admin_store
        .add_staff(&admin, "li", "李接待", &[Role::Reception])
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), clerk, Lang::Zh).unwrap();
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
    admin_store
        .add_staff(&admin, "li", "李接待", &[Role::Reception, Role::Manager])
        .unwrap();
    assert_eq!(app.on_tick(), Outcome::Redraw);
    assert!(app.session().me.has(Role::Manager), "new roles at once");
    assert!(app.status_text().contains("领导"), "{}", app.status_text());
    assert!(!app.should_quit());
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Intake)));
    app.type_str("张三");
    admin_store.disable_staff(&admin, "li").unwrap();
    app.on_tick();
    assert!(app.should_quit() && app.account_disabled());
    app.end_session();
    assert!(
        Store::open(&path)
            .unwrap()
            .draft(app.session().me.id)
            .unwrap()
            .is_none(),
        "a disabled account's session writes no draft"
    );
}

/// Materials received at the desk are kept with the contact, listed on the receipt, and shown
/// in the case's timeline.
#[test]
fn materials_received_at_intake_are_on_the_receipt_and_in_the_timeline() {
    let (_d, _p, mut app, effects) = app_recording(Lang::Zh, &[Role::Reception]);
    app.press(KeyCode::F(11));
    app.type_str("身份证复印件");
    app.press(KeyCode::Tab);
    app.type_str("1");
    app.press(KeyCode::Tab);
    app.press(KeyCode::Char(' ')); // an original
    app.press(KeyCode::Tab);
    app.press(KeyCode::Char(' ')); // given back
    app.press(KeyCode::F(11));
    assert_eq!(app.panes().intake.form.materials.len(), 1);
    register(&mut app, "张三", "征地补偿款未到位");
    app.press(KeyCode::F(9));
    let rec = effects.recording();
    let receipt = &rec.files.last().unwrap().1;
    assert!(
        receipt.contains("身份证复印件，1页，原件，已当场退还"),
        "{receipt}"
    );
    let case_id = app.panes().intake.last_saved.clone().unwrap().case_id;
    let d = app.store_mut().case_detail(case_id).unwrap().unwrap();
    assert!(d.timeline.iter().any(|e| matches!(
        &e.item,
        crate::domain::timeline::TimelineItem::Material(m) if m.title == "身份证复印件" && m.original
    )));
}

/// 条例 Art. 19: a person with a matter of the same kind in progress is offered a repeat on it
/// before a new case is made; yes attaches and saves.
#[test]
fn a_matter_in_progress_is_offered_as_a_repeat_before_a_new_case() {
    let (_d, path, _, _) = desk(&[Role::Reception]);
    known_person(&path);
    let clerk = Store::open(&path)
        .unwrap()
        .staff_by_login("clerk")
        .unwrap()
        .unwrap();
    let mut app = App::new(Store::open(&path).unwrap(), clerk, Lang::Zh).unwrap();
    app.type_str("11010519491231002X");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Category;
    app.type_str("1");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Summary;
    app.type_str("又来反映征地补偿");
    app.press_ctrl('s');
    let Some(Dialog::Question(q)) = app.dialogs().top(Pane::Intake) else {
        panic!("no question: {}", app.status_text());
    };
    assert!(q.question.text(Lang::Zh).contains("第十九条"));
    app.type_str("y");
    let saved = app.panes().intake.last_saved.clone().expect("saved");
    assert!(saved.repeat, "a repeat on the open case, not a new case");
    assert_eq!(app.store_mut().case_count().unwrap(), 1);
}
