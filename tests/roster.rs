//! The duty roster and notifications through the store (a temporary SQLite file) and the
//! command line: changes audited and refused in words, one transaction each; matching at
//! intake; who is told of what; `roster publish` for a known week in each format; `roster
//! import` refusing a bad line and changing nothing; the notify command after a save.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use xfdesk::domain::intake::{IntakeInput, validate_intake};
use xfdesk::domain::notification::NotificationKind;
use xfdesk::domain::roster::{HalfDay, NewPattern, ProfileEdit, Rank, RosterEdit, RosterError};
use xfdesk::domain::workflow::{Handling, Step};
use xfdesk::domain::{Role, Staff};
use xfdesk::store::{Actor, ReferenceData, Store, StoreError};

/// Monday 2026-11-23, 09:30.
fn monday() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn am(day: &str) -> HalfDay {
    HalfDay::new(NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(), false)
}

/// A database with the sample roster, the clock at Monday morning, and a manager.
fn office() -> (tempfile::TempDir, Store, Staff) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    store.pin_now(monday());
    let me = store
        .bootstrap_admin(
            "boss",
            "王丽",
            &[Role::Reception, Role::Manager, Role::Supervisor],
        )
        .unwrap();
    store
        .load_reference(
            &Actor::from(&me),
            &ReferenceData::builtin(),
            monday().date(),
            0,
        )
        .unwrap();
    (dir, store, me)
}

fn staff(store: &Store, login: &str) -> Staff {
    store.staff_by_login(login).unwrap().unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    rusqlite::Connection::open(store.path())
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn audit_actions(store: &Store) -> Vec<String> {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT action FROM audit ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

fn intake(store: &Store, category: usize, expert: Option<i64>) -> xfdesk::domain::NewIntake {
    let now = store.now();
    let mut new = validate_intake(
        &IntakeInput {
            name: "张三".into(),
            category_id: Some(store.categories().unwrap()[category].id),
            summary: "征地补偿款未到位".into(),
            ..IntakeInput::blank(now)
        },
        now,
    )
    .unwrap();
    new.expert_id = expert;
    new
}

#[test]
fn every_change_is_audited_and_a_refused_one_changes_nothing() {
    let (_d, mut store, me) = office();
    let (wang, zhao, sun) = (
        staff(&store, "wangjg"),
        staff(&store, "zhaowei"),
        staff(&store, "sunqiang"),
    );
    let next = "2026-11-30";
    store
        .edit_roster(
            &me,
            RosterEdit::Add {
                staff_id: zhao.id,
                when: am(next),
                room: "接访室三".into(),
            },
        )
        .unwrap();
    store
        .edit_roster(
            &me,
            RosterEdit::Move {
                staff_id: wang.id,
                from: am(next),
                to: HalfDay::new(am(next).day, true),
                room: "接访室九".into(),
            },
        )
        .unwrap();
    store
        .edit_roster(
            &me,
            RosterEdit::Substitute {
                absent: zhao.id,
                when: am(next),
                by: sun.id,
                reason: "赵伟出差".into(),
            },
        )
        .unwrap();
    let slots = store.duty_slots(am(next).day, am(next).day).unwrap();
    let sub = slots
        .iter()
        .find(|s| s.staff_id == sun.id && !s.afternoon)
        .unwrap();
    assert_eq!(sub.room, "接访室三");
    assert_eq!(sub.substitute_for.as_deref(), Some("赵伟"));
    assert!(
        slots
            .iter()
            .any(|s| s.staff_id == wang.id && s.afternoon && s.room == "接访室九")
    );
    let actions = audit_actions(&store);
    for a in ["roster.add", "roster.move", "roster.substitute"] {
        assert!(actions.iter().any(|x| x == a), "{a}: {actions:?}");
    }
    // A clash is refused in words, and nothing of it is written.
    let rows = count(&store, "SELECT count(*) FROM duty_slots");
    let audited = actions.len();
    let chen = staff(&store, "chenli");
    let e = store
        .edit_roster(
            &me,
            RosterEdit::Add {
                staff_id: chen.id,
                when: HalfDay::new(am(next).day, true),
                room: "接访室九".into(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Roster(RosterError::RoomTwice { .. })),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("two experts cannot share one room"),
        "{e}"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM duty_slots"), rows);
    assert_eq!(audit_actions(&store).len(), audited);
    // A receptionist is refused in the domain, whatever screen asks.
    let clerk = Staff {
        roles: vec![Role::Reception],
        ..me.clone()
    };
    let e = store
        .edit_roster(
            &clerk,
            RosterEdit::Remove {
                staff_id: wang.id,
                when: HalfDay::new(am(next).day, true),
                reason: String::new(),
            },
        )
        .unwrap_err();
    assert!(matches!(e, StoreError::Denied(_)), "{e:?}");
}

#[test]
fn a_weekly_pattern_fills_weeks_until_it_ends_and_a_dated_change_wins_on_its_day() {
    let (_d, mut store, me) = office();
    let zhao = staff(&store, "zhaowei");
    // 赵伟 every Saturday afternoon in 接访室六, from next week.
    let id = store
        .add_pattern(
            &me,
            NewPattern {
                staff_id: zhao.id,
                weekday: chrono::Weekday::Sat,
                afternoon: true,
                room: "接访室六".into(),
                from: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                until: None,
            },
        )
        .unwrap();
    let on = |store: &Store, day: &str| {
        let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        store
            .duty_slots(d, d)
            .unwrap()
            .into_iter()
            .filter(|s| s.staff_id == zhao.id && s.afternoon)
            .map(|s| s.room)
            .collect::<Vec<_>>()
    };
    assert!(on(&store, "2026-11-28").is_empty(), "not this week");
    for day in ["2026-12-05", "2026-12-12", "2027-06-05"] {
        assert_eq!(on(&store, day), ["接访室六"], "{day}");
    }
    store
        .edit_roster(
            &me,
            RosterEdit::Remove {
                staff_id: zhao.id,
                when: HalfDay::new(NaiveDate::from_ymd_opt(2026, 12, 12).unwrap(), true),
                reason: "培训".into(),
            },
        )
        .unwrap();
    assert!(on(&store, "2026-12-12").is_empty());
    assert_eq!(on(&store, "2026-12-19"), ["接访室六"]);
    store
        .end_pattern(&me, id, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap())
        .unwrap();
    assert_eq!(on(&store, "2026-12-26"), ["接访室六"]);
    assert!(on(&store, "2027-01-02").is_empty());
    // A pattern into a room a pattern holds then is refused, naming the first clash.
    let sun = staff(&store, "sunqiang");
    let e = store
        .add_pattern(
            &me,
            NewPattern {
                staff_id: zhao.id,
                weekday: chrono::Weekday::Sat,
                afternoon: false,
                room: "接访室五".into(),
                from: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                until: None,
            },
        )
        .unwrap_err();
    assert!(
        e.to_string().contains("接访室五") && e.to_string().contains(&sun.name),
        "{e}"
    );
}

#[test]
fn matching_at_intake_goes_by_specialty_then_load_then_seniority() {
    let (_d, mut store, me) = office();
    // Monday morning: 王建国, 刘秀梅 and 陈丽 by pattern (and others covering the rest).
    let land = store.categories().unwrap()[0].id; // 征地拆迁
    let wang = staff(&store, "wangjg");
    let sun = staff(&store, "sunqiang");
    let on_duty = store.experts_on_duty(monday(), Some(land), None).unwrap();
    let covering: Vec<i64> = on_duty
        .iter()
        .filter(|e| e.covers)
        .map(|e| e.staff_id)
        .collect();
    assert!(covering.contains(&wang.id), "{on_duty:?}");
    // 孙强 is on duty this morning too (for transport matters), and takes land matters.
    assert!(covering.contains(&sun.id), "{on_duty:?}");
    // Both take land matters; with none waiting the more senior (王建国, 2006) comes first.
    {
        let pos = |id| on_duty.iter().position(|e| e.staff_id == id).unwrap();
        assert!(pos(wang.id) < pos(sun.id), "{on_duty:?}");
        // One visitor waiting for 王建国 puts 孙强 ahead.
        store
            .save_intake(&me, &intake(&store, 0, Some(wang.id)))
            .unwrap();
        let on_duty = store.experts_on_duty(monday(), Some(land), None).unwrap();
        let pos = |id| on_duty.iter().position(|e| e.staff_id == id).unwrap();
        assert!(pos(sun.id) < pos(wang.id), "{on_duty:?}");
    }
    // Seniority follows the profile a manager sets.
    store
        .set_expert_profile(
            &me,
            ProfileEdit {
                staff_id: wang.id,
                rank: Rank::Cadre,
                title: "副科长".into(),
                since: Some(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
                specialties: vec![land],
            },
        )
        .unwrap();
    let expert = store
        .roster_experts()
        .unwrap()
        .into_iter()
        .find(|e| e.staff_id == wang.id)
        .unwrap();
    assert_eq!(expert.specialties, [land]);
    assert_eq!(expert.title, "副科长");
    assert!(audit_actions(&store).iter().any(|a| a == "roster.profile"));
}

#[test]
fn a_visitor_routed_at_intake_waits_for_the_expert_who_is_notified() {
    let (_d, mut store, me) = office();
    let wang = staff(&store, "wangjg");
    let saved = store
        .save_intake(&me, &intake(&store, 0, Some(wang.id)))
        .unwrap();
    assert_eq!(saved.routed_to.unwrap().room, "接访室一");
    let slot = store
        .duty_slots(monday().date(), monday().date())
        .unwrap()
        .into_iter()
        .find(|s| s.staff_id == wang.id && !s.afternoon)
        .unwrap();
    assert_eq!(slot.waiting, 1);
    let unread = store.unread_notifications(wang.id).unwrap();
    assert_eq!(unread.count, 1);
    let n = unread.newest.unwrap();
    assert_eq!(n.kind, NotificationKind::Routed);
    assert_eq!(n.case_number.as_deref(), Some(saved.number.as_str()));
    assert_eq!(n.place, "接访室一");
    assert_eq!(n.petitioner_name.as_deref(), Some("张三"));
    let events = store.take_notification_events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].to_login, "wangjg");
    assert!(
        store.take_notification_events().is_empty(),
        "handed on once"
    );
    store.mark_notification_read(&wang, n.id).unwrap();
    assert_eq!(store.unread_notifications(wang.id).unwrap().count, 0);
}

#[test]
fn transfers_and_returns_reach_those_concerned_and_a_failed_write_tells_nobody() {
    let (_d, mut store, me) = office();
    let wang = staff(&store, "wangjg");
    let saved = store
        .save_intake(&me, &intake(&store, 0, Some(wang.id)))
        .unwrap();
    store.take_notification_events();
    let version = |store: &Store| store.case_detail(saved.case_id).unwrap().unwrap().version;
    // The expert proposes; the manager returns it: the expert hears why.
    let v = version(&store);
    store
        .take_step(
            &wang,
            saved.case_id,
            v,
            Step::Propose {
                handling: Handling::Transfer {
                    unit_id: store.units().unwrap()[0].id,
                },
                opinion: "转县人社局".into(),
            },
        )
        .unwrap();
    let v = version(&store);
    store
        .take_step(
            &me,
            saved.case_id,
            v,
            Step::Return {
                reason: "请写明诉求依据".into(),
            },
        )
        .unwrap();
    let n = store.unread_notifications(wang.id).unwrap().newest.unwrap();
    assert_eq!(n.kind, NotificationKind::Return);
    assert_eq!(n.note, "请写明诉求依据");
    assert_eq!(
        store.unread_notifications(me.id).unwrap().count,
        0,
        "not the actor"
    );
    // A step refused (stale version) tells nobody.
    store.take_notification_events();
    assert!(
        store
            .take_step(&me, saved.case_id, v, Step::Return { reason: "x".into() })
            .is_err()
    );
    assert!(store.take_notification_events().is_empty());
    // Proposed again, approved, transferred: the expert and the first handler are told,
    // the one who transferred is not.
    let v = version(&store);
    store
        .take_step(
            &wang,
            saved.case_id,
            v,
            Step::Propose {
                handling: Handling::Transfer {
                    unit_id: store.units().unwrap()[0].id,
                },
                opinion: "转县人社局".into(),
            },
        )
        .unwrap();
    let v = version(&store);
    store
        .take_step(
            &me,
            saved.case_id,
            v,
            Step::Approve {
                note: String::new(),
            },
        )
        .unwrap();
    let v = version(&store);
    let unit = store.units().unwrap()[0].clone();
    store
        .take_step(
            &me,
            saved.case_id,
            v,
            Step::Transfer {
                lead_unit: unit.id,
                co_units: vec![],
                assign: false,
                report_by: None,
            },
        )
        .unwrap();
    let n = store.unread_notifications(wang.id).unwrap().newest.unwrap();
    assert_eq!(n.kind, NotificationKind::Transfer);
    assert_eq!(n.place, unit.name);
    assert!(
        store
            .take_notification_events()
            .iter()
            .all(|e| e.to_login != "boss")
    );
}

// ---- the command line ----

fn future_monday(weeks: i64) -> NaiveDate {
    let today = chrono::Local::now().date_naive();
    today - Duration::days(i64::from(today.weekday().num_days_from_monday()))
        + Duration::days(7 * weeks)
}

/// Slots of 2025-W10, a week gone by, written straight into the file: the known week.
fn known_week(db: &std::path::Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    for (login, day, half, room) in [
        ("wangjg", "2025-03-03", "am", "接访室一"),
        ("zhangzg", "2025-03-05", "am", "领导接待室"),
        ("liuxm", "2025-03-05", "pm", "接访室二"),
    ] {
        conn.execute(
            "INSERT INTO duty_slots (staff_id, day, half, room, kind)
             SELECT id, ?2, ?3, ?4, 'on' FROM staff WHERE login = ?1",
            rusqlite::params![login, day, half, room],
        )
        .unwrap();
    }
}

#[test]
fn roster_publish_writes_a_known_week_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    known_week(&db);
    let csv = xfdesk(
        &db,
        &["roster", "publish", "--week", "2025-W10", "--format", "csv"],
    );
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert_eq!(
        stdout(&csv),
        "\u{feff}日期,星期,时段,专家,职务,擅长类别,接访室\r\n\
         2025-03-03,周一,上午,王建国,综合科科长,征地拆迁、城乡建设与住房、农村农业、国土资源,接访室一\r\n\
         2025-03-05,周三,上午,张志刚,局长,征地拆迁、拖欠工资、城乡建设与住房、政法涉诉,领导接待室\r\n\
         2025-03-05,周三,下午,刘秀梅,接访科科长,拖欠工资、劳动社保、企业改制、市场监管,接访室二\r\n"
    );
    let text = xfdesk(&db, &["roster", "publish", "--week", "2025-W10"]);
    assert!(text.status.success(), "{}", stderr(&text));
    let t = stdout(&text);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "县信访局专家门诊式接访安排");
    assert_eq!(lines[1], "2025年第10周（3月3日至3月9日）");
    assert!(
        t.contains("领导接访日：\n  3月5日（周三）上午 张志刚 局长 领导接待室"),
        "{t}"
    );
    let rows: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("2025-"))
        .collect();
    assert_eq!(rows.len(), 3, "{t}");
    use unicode_width::UnicodeWidthStr;
    let room_col = |l: &str| l.width() - l.rsplit("  ").next().unwrap().width();
    assert!(rows.iter().all(|r| room_col(r) == room_col(rows[0])), "{t}");
    assert!(t.contains("电话：0000-12345"));
    let html = xfdesk(
        &db,
        &[
            "roster", "publish", "--week", "2025-W10", "--format", "html",
        ],
    );
    let h = stdout(&html);
    assert!(h.starts_with("<!DOCTYPE html>"), "{h}");
    assert!(h.contains("<h1>县信访局专家门诊式接访安排</h1>"));
    assert!(h.contains(
        "<tr class=\"leader\"><td>2025-03-05</td><td>周三</td><td>上午</td><td>张志刚</td>"
    ));
    assert!(h.contains("@media print") && !h.contains("<script"));
    // Untrusted text stays text in the page.
    let set = xfdesk(&db, &["settings", "set", "office_name", "<i>县</i>信访局"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let h = stdout(&xfdesk(
        &db,
        &[
            "roster", "publish", "--week", "2025-W10", "--format", "html",
        ],
    ));
    assert!(
        h.contains("&lt;i&gt;县&lt;/i&gt;信访局") && !h.contains("<i>"),
        "{h}"
    );
    // A new file, never over one.
    let out = dir.path().join("notice.html");
    let o = out.to_str().unwrap();
    let w = xfdesk(
        &db,
        &[
            "roster", "publish", "--week", "2025-W10", "--format", "html", "--out", o,
        ],
    );
    assert!(w.status.success(), "{}", stderr(&w));
    assert!(std::fs::read_to_string(&out).unwrap().contains("张志刚"));
    let again = xfdesk(
        &db,
        &["roster", "publish", "--week", "2025-W10", "--out", o],
    );
    assert_eq!(again.status.code(), Some(2));
    let bad = xfdesk(&db, &["roster", "publish", "--week", "2025-10"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("is not a week: write YYYY-Www"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn roster_import_refuses_a_bad_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let day = future_monday(2);
    let file = dir.path().join("roster.csv");
    std::fs::write(
        &file,
        format!(
            "date,half,login,room,name\n{day},am,wangjg,接访室一,王建国\n{day},am,liuxm,接访室一,刘秀梅\n"
        ),
    )
    .unwrap();
    let before = |what: &str| -> i64 {
        rusqlite::Connection::open(&db)
            .unwrap()
            .query_row(&format!("SELECT count(*) FROM {what}"), [], |r| r.get(0))
            .unwrap()
    };
    let (slots, audit) = (before("duty_slots"), before("audit"));
    let out = xfdesk(&db, &["roster", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("line 3:") && err.contains("接访室一") && err.contains("王建国"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!((before("duty_slots"), before("audit")), (slots, audit));
    // Put right, it becomes the roster of that morning, whatever the patterns said.
    std::fs::write(
        &file,
        format!(
            "日期,时段,账号,接访室,备注\n{day},上午,wangjg,接访室一,\n{day},上午,liuxm,\"接访室二\",\"换班, 见通知\"\n"
        ),
    )
    .unwrap();
    let out = xfdesk(&db, &["roster", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 slots"), "{}", stdout(&out));
    let week = format!("{}-W{:02}", day.iso_week().year(), day.iso_week().week());
    let csv = stdout(&xfdesk(
        &db,
        &["roster", "publish", "--week", &week, "--format", "csv"],
    ));
    let morning: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with(&format!("{day},周一,上午")))
        .collect();
    assert_eq!(morning.len(), 2, "{csv}");
    assert!(
        morning[0].contains("王建国") && morning[1].contains("刘秀梅"),
        "{csv}"
    );
    // A receptionist may not import.
    let login = xfdesk::os::current_login().unwrap();
    let demote = xfdesk(
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
    assert!(demote.status.success(), "{}", stderr(&demote));
    let out = xfdesk(&db, &["roster", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("editing the duty roster"),
        "{}",
        stderr(&out)
    );
    // A file that is not there, or not a file, is refused in words.
    let out = xfdesk(&db, &["roster", "import", "/nonexistent.csv"]);
    assert_eq!(out.status.code(), Some(3), "the role is checked first");
}

fn script(dir: &std::path::Path, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join(name);
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn the_notify_command_gets_the_event_after_the_save_and_a_failure_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let got = dir.path().join("event.json");
    let ok = script(dir.path(), "sms", &format!("cat > {}", got.display()));
    let set = xfdesk(&db, &["settings", "set", "notify_command", &ok]);
    assert!(set.status.success(), "{}", stderr(&set));
    let bad = xfdesk(&db, &["settings", "set", "notify_command", "sms"]);
    assert_eq!(bad.status.code(), Some(2));
    // Two cases routed to 王建国 (the first handler is the test account, who acts below).
    let mut numbers = vec![];
    {
        let mut store = Store::open(&db).unwrap();
        let me = staff(&store, &xfdesk::os::current_login().unwrap());
        let wang = staff(&store, "wangjg");
        for _ in 0..2 {
            let mut new = intake(&store, 0, None);
            new.expert_id = Some(wang.id);
            numbers.push(store.save_intake(&me, &new).unwrap().number);
        }
    }
    let unit = "rsj";
    let transfer = |n: &str| {
        for args in [
            vec![
                "case",
                "propose",
                n,
                "--handling",
                "transfer",
                "--unit",
                unit,
                "--opinion",
                "转办",
            ],
            vec!["case", "approve", n],
            vec!["case", "transfer", n, "--unit", unit],
        ] {
            let out = xfdesk(&db, &args);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        }
    };
    transfer(&numbers[0]);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&got).unwrap()).unwrap();
    assert_eq!(v["event"], "transfer");
    assert_eq!(v["to"]["login"], "wangjg");
    assert_eq!(v["case"], numbers[0].as_str());
    assert!(
        v["message"].as_str().unwrap().starts_with(&numbers[0]),
        "{v}"
    );
    // A failing command: the step is saved, a warning is given, the failure logged.
    let fail = script(dir.path(), "down", "echo 'gateway down' >&2; exit 3");
    xfdesk(&db, &["settings", "set", "notify_command", &fail]);
    for args in [
        vec![
            "case",
            "propose",
            &numbers[1],
            "--handling",
            "transfer",
            "--unit",
            unit,
            "--opinion",
            "转办",
        ],
        vec!["case", "approve", &numbers[1]],
    ] {
        assert!(xfdesk(&db, &args).status.success());
    }
    let out = xfdesk(&db, &["case", "transfer", &numbers[1], "--unit", unit]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("gateway down"), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (delivery, note): (String, String) = conn
        .query_row(
            "SELECT delivery, delivery_note FROM notifications ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(delivery, "failed");
    assert!(note.contains("exited with 3"), "{note}");
    let logged: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'notify.failed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);
    let state: String = conn
        .query_row(
            "SELECT state FROM cases WHERE number = ?1",
            [&numbers[1]],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(state, "transferred", "the save stands");
}
