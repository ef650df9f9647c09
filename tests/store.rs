//! Store tests on a temporary SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use chrono::NaiveDate;
use xfdesk::domain::calendar::{Period, Suspension};
use xfdesk::domain::case::CaseState;
use xfdesk::domain::intake::{IntakeInput, validate_intake};
use xfdesk::domain::{Channel, MatterKind, Role, Staff};
use xfdesk::store::CalendarYear;
use xfdesk::store::{Actor, ReferenceData, Store, StoreError};

fn fresh() -> (tempfile::TempDir, Store, Staff) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("x.db")).unwrap();
    let me = store
        .bootstrap_admin("clerk", "李接待", &[Role::Reception, Role::Manager])
        .unwrap();
    let today = store.today();
    store
        .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 1)
        .unwrap();
    (dir, store, me)
}

fn intake(store: &Store, summary: &str) -> xfdesk::domain::NewIntake {
    let cat = store.categories().unwrap()[0].id;
    validate_intake(
        &IntakeInput {
            id_number: "11010519491231002X".into(),
            name: "欧阳娜娜".into(),
            phone: "13800138000".into(),
            channel: Channel::Visit,
            kind: MatterKind::Request,
            category_id: Some(cat),
            summary: summary.into(),
            account: "村里的承包地被征收，补偿款\n至今未到位。".into(),
            ..IntakeInput::blank(store.now())
        },
        store.now(),
    )
    .unwrap()
}

#[test]
fn migrations_from_empty_create_every_table_and_are_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path).unwrap();
    assert!(!store.is_initialised().unwrap());
    drop(store);
    // Opening again applies nothing twice.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.case_count().unwrap(), 0);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    for table in [
        "staff",
        "staff_roles",
        "petitioners",
        "cases",
        "contacts",
        "categories",
        "units",
        "duty_slots",
        "transfers",
        "audit",
        "deadline_rules",
        "calendar_days",
    ] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {table}");
    }
}

#[test]
fn a_case_with_chinese_text_is_saved_and_read_back_whole() {
    let (_d, mut store, me) = fresh();
    let new = intake(&store, "征地补偿款未到位，请求协调");
    let saved = store.save_intake(&me, &new).unwrap();
    let due = saved.accept.clone().unwrap().due;
    assert!(saved.number.starts_with("XF-"));
    let d = store.case_detail(saved.case_id).unwrap().unwrap();
    assert_eq!(d.row.summary, "征地补偿款未到位，请求协调");
    assert_eq!(d.account, "村里的承包地被征收，补偿款\n至今未到位。");
    assert_eq!(d.row.petitioner_name, "欧阳娜娜");
    assert_eq!(d.row.state, CaseState::Registered);
    assert_eq!(d.accept_due, Some(due));
    // Both clocks of receipt run, each able to explain its date.
    let rules: Vec<&str> = d.clocks.iter().map(|c| c.rule.as_str()).collect();
    assert_eq!(rules, ["register", "accept"]);
    assert!(
        xfdesk::i18n::explain_due(xfdesk::i18n::Lang::En, &d.clocks[1].due)
            .starts_with("15 days from ")
    );
    assert_eq!(
        d.row.due,
        Some(due),
        "the case's due mirrors its soonest running clock"
    );
    assert_eq!(d.contacts.len(), 1);
    assert!(!d.contacts[0].is_repeat, "the first contact is 初信初访");
    // The same person again is found by ID number, not created twice; numbers run on.
    let again = store.save_intake(&me, &new).unwrap();
    assert_eq!(again.petitioner_id, saved.petitioner_id);
    assert_ne!(again.number, saved.number);
    let page = store.queue_page(None, 10).unwrap();
    assert_eq!(page[0].id, again.case_id, "newest first");
}

#[test]
fn a_stale_version_is_refused_and_names_who_changed_it() {
    let (_d, mut store, me) = fresh();
    let saved = store.save_intake(&me, &intake(&store, "工资拖欠")).unwrap();
    let v = store.case_detail(saved.case_id).unwrap().unwrap().version;
    store
        .move_case(&me, saved.case_id, v, CaseState::WithExpert)
        .unwrap();
    // A second session still holding version v tries to move it too.
    let err = store
        .move_case(&me, saved.case_id, v, CaseState::Proposed)
        .unwrap_err();
    match err {
        StoreError::Stale { by, .. } => assert_eq!(by, "李接待"),
        other => panic!("expected a stale refusal, got {other}"),
    }
    assert_eq!(
        store.case_detail(saved.case_id).unwrap().unwrap().row.state,
        CaseState::WithExpert
    );
}

#[test]
fn roles_are_enforced_by_the_store() {
    let (_d, mut store, me) = fresh();
    let clerk = store
        .add_staff(&me, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    let saved = store
        .save_intake(&clerk, &intake(&store, "工资拖欠"))
        .unwrap();
    // A receptionist cannot approve, and cannot add staff.
    let v = store.case_detail(saved.case_id).unwrap().unwrap().version;
    store
        .move_case(&clerk, saved.case_id, v, CaseState::Proposed)
        .unwrap();
    let err = store
        .move_case(&clerk, saved.case_id, v + 1, CaseState::Approved)
        .unwrap_err();
    assert!(matches!(err, StoreError::Transition(_)), "{err}");
    assert!(matches!(
        store.add_staff(&clerk, "x", "x", &[Role::Admin]),
        Err(StoreError::Denied(_))
    ));
    // An admin alone cannot register a visit.
    let admin_only = store
        .add_staff(&me, "root2", "管理", &[Role::Admin])
        .unwrap();
    assert!(matches!(
        store.save_intake(&admin_only, &intake(&store, "x")),
        Err(StoreError::Denied(_))
    ));
}

#[test]
fn the_audit_chain_detects_an_edited_row_and_refuses_updates() {
    let (dir, mut store, me) = fresh();
    for s in ["一", "二", "三"] {
        store.save_intake(&me, &intake(&store, s)).unwrap();
    }
    let n = store.verify_audit().unwrap().unwrap().entries;
    assert!(n >= 5, "{n}");
    let conn = rusqlite::Connection::open(dir.path().join("x.db")).unwrap();
    // The triggers refuse ordinary edits.
    let e = conn
        .execute("UPDATE audit SET detail = 'x' WHERE id = 3", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");
    assert!(conn.execute("DELETE FROM audit WHERE id = 3", []).is_err());
    // Someone with the file drops the trigger and edits entry 3: verify names it.
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing happened' WHERE id = 3;",
    )
    .unwrap();
    let broken = store.verify_audit().unwrap().unwrap_err();
    assert_eq!(broken.id, 3);
}

#[test]
fn keyset_pages_walk_the_whole_queue_without_overlap() {
    let (_d, mut store, me) = fresh();
    for i in 0..23 {
        store
            .save_intake(&me, &intake(&store, &format!("事项{i}")))
            .unwrap();
    }
    let mut seen = vec![];
    let mut after = None;
    loop {
        let page = store.queue_page(after, 5).unwrap();
        if page.is_empty() {
            break;
        }
        after = page.last().map(|r| xfdesk::domain::PageKey {
            received_at: r.received_at,
            id: r.id,
        });
        seen.extend(page.into_iter().map(|r| r.id));
    }
    assert_eq!(seen.len(), 23);
    let mut sorted = seen.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted);
    // And back: the page before the last one.
    let last_key = after.unwrap();
    let back = store.queue_page_before(last_key, 5).unwrap();
    assert_eq!(back.len(), 5);
    assert!(back[0].id > back[4].id);
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn extension_once_and_suspension_by_a_manager_move_the_clock_and_are_audited() {
    let (_d, mut store, me) = fresh();
    let saved = store.save_intake(&me, &intake(&store, "工资拖欠")).unwrap();
    let before = saved.accept.clone().unwrap().due;
    let clerk = store
        .add_staff(&me, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    assert!(
        store
            .extend_clock(&clerk, saved.case_id, "accept", 5, "补充材料")
            .is_err()
    );
    let after = store
        .extend_clock(&me, saved.case_id, "accept", 5, "补充材料")
        .unwrap();
    assert!(after.due > before);
    assert_eq!(after.extension_days, 5);
    let again = store
        .extend_clock(&me, saved.case_id, "accept", 5, "再延")
        .unwrap_err();
    assert!(
        again.to_string().contains("already extended once"),
        "{again}"
    );
    let s = Suspension {
        from: saved.accept.clone().unwrap().from,
        to: saved.accept.clone().unwrap().from + chrono::Duration::days(9),
    };
    let suspended = store
        .suspend_clock(&me, saved.case_id, "accept", s, "专家鉴定")
        .unwrap();
    assert!(suspended.due > after.due);
    let detail = store.case_detail(saved.case_id).unwrap().unwrap();
    let accept = detail.clocks.iter().find(|c| c.rule == "accept").unwrap();
    assert_eq!(accept.due.due, suspended.due);
    assert!(
        xfdesk::i18n::explain_due(xfdesk::i18n::Lang::En, &accept.due)
            .contains("extended by 5 days")
    );
    assert!(store.verify_audit().unwrap().is_ok());
}

#[test]
fn importing_a_corrected_calendar_recomputes_running_clocks_and_audits_once() {
    let (dir, mut store, me) = fresh();
    store.pin_now(d("2026-12-28").and_hms_opt(10, 0, 0).unwrap());
    // A case received on 2026-12-28: its 15-day accept clock ends in 2027, which has no calendar.
    let mut new = intake(&store, "跨年");
    new.received_at = d("2026-12-28").and_hms_opt(9, 0, 0).unwrap();
    let saved = store.save_intake(&me, &new).unwrap();
    assert_eq!(saved.accept.clone().unwrap().due, d("2027-01-12"));
    assert_eq!(saved.accept.clone().unwrap().missing_years, vec![2027]);
    // A made-up 2027 calendar with 01-11..13 as holidays moves the date to 01-14.
    let y2027 = CalendarYear::parse(
        "year = 2027\nnotice = \"test\"\nholidays = [{ from = \"2027-01-11\", to = \"2027-01-13\", name = \"x\" }]\n",
    )
    .unwrap();
    let report = store.import_calendar(&me, &y2027).unwrap();
    assert_eq!(
        report.recomputed, 2,
        "register and accept clocks both moved"
    );
    let detail = store.case_detail(saved.case_id).unwrap().unwrap();
    assert_eq!(detail.row.due, Some(d("2027-01-14")));
    let conn = rusqlite::Connection::open(dir.path().join("x.db")).unwrap();
    let entries: Vec<String> = conn
        .prepare("SELECT detail FROM audit WHERE action = 'calendar.import'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0].contains("2 due dates recomputed"),
        "{}",
        entries[0]
    );
}

#[test]
fn an_admin_edits_a_rule_and_it_is_audited() {
    let (_d, mut store, me) = fresh();
    let clerk = store
        .add_staff(&me, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    assert!(
        store
            .set_rule(
                &clerk,
                "handle",
                Period {
                    days: 30,
                    working: false
                }
            )
            .is_err()
    );
    let r = store
        .set_rule(
            &me,
            "handle",
            Period {
                days: 45,
                working: false,
            },
        )
        .unwrap();
    assert_eq!(r.period.days, 45);
    assert!(
        store
            .set_rule(
                &me,
                "nonsense",
                Period {
                    days: 1,
                    working: false
                }
            )
            .is_err()
    );
}

#[test]
fn an_id_number_is_shown_whole_only_to_roles_that_need_it_and_each_reveal_is_audited() {
    let (_d, mut store, me) = fresh();
    let saved = store.save_intake(&me, &intake(&store, "工资拖欠")).unwrap();
    let expert = store
        .add_staff(&me, "zhuanjia", "专家", &[Role::Expert])
        .unwrap();
    assert!(matches!(
        store.reveal_id_number(&expert, saved.case_id),
        Err(StoreError::Denied(_))
    ));
    assert_eq!(
        store
            .reveal_id_number(&me, saved.case_id)
            .unwrap()
            .as_deref(),
        Some("11010519491231002X")
    );
    assert!(store.verify_audit().unwrap().is_ok());
}

#[test]
fn a_rule_or_setting_out_of_bounds_is_refused_by_the_store_and_saves_keep_working() {
    let (_d, mut store, me) = fresh();
    for (rule, days) in [
        ("accept", 100_000_000),
        ("handle", 367),
        ("extend", 31),
        ("due-soon", 21),
    ] {
        let e = store
            .set_rule(
                &me,
                rule,
                Period {
                    days,
                    working: false,
                },
            )
            .unwrap_err();
        assert!(e.to_string().contains("may be 1 to"), "{rule}: {e}");
    }
    for (key, value) in [
        ("office_name", "局".repeat(61)),
        ("receipt_printer", "-o x".to_string()),
        ("office_lang", "fr".to_string()),
        ("count_start_day", "maybe".to_string()),
    ] {
        assert!(store.set_setting(&me, key, &value).is_err(), "{key}");
    }
    assert_eq!(
        store
            .set_setting(&me, "office_name", "东城\u{202e}区信访局\u{1b}[31m")
            .unwrap(),
        "东城区信访局"
    );
    assert_eq!(
        store.setting("office_name").unwrap().as_deref(),
        Some("东城区信访局")
    );
    // Saves count their dates as before.
    store.save_intake(&me, &intake(&store, "工资拖欠")).unwrap();
}

/// A receptionist's session holds the `Staff` it began with; an administrator disables the
/// account from another connection. The very next save, reveal, step and draft are refused,
/// and the session can see what happened.
#[test]
fn a_disabled_account_s_open_session_can_save_and_reveal_nothing_more() {
    let (dir, mut admin_store, admin) = fresh();
    let clerk = admin_store
        .add_staff(&admin, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    let mut session = Store::open(&dir.path().join("x.db")).unwrap();
    let saved = session
        .save_intake(&clerk, &intake(&session, "工资拖欠"))
        .unwrap();
    assert!(
        session
            .reveal_id_number(&clerk, saved.case_id)
            .unwrap()
            .is_some()
    );
    session.save_draft(clerk.id, "{}").unwrap();

    admin_store.disable_staff(&admin, "xiaoli").unwrap();

    assert!(clerk.active, "the session's copy still says active");
    let refused = |e: StoreError| match e {
        StoreError::Denied(d) => {
            assert!(d.disabled, "{d}");
            assert!(d.to_string().contains("is disabled"), "{d}");
        }
        other => panic!("expected a refusal, got {other}"),
    };
    let before = session.case_count().unwrap();
    refused(
        session
            .save_intake(&clerk, &intake(&session, "再次来访"))
            .unwrap_err(),
    );
    assert_eq!(session.case_count().unwrap(), before, "nothing saved");
    refused(session.reveal_id_number(&clerk, saved.case_id).unwrap_err());
    let v = session.case_detail(saved.case_id).unwrap().unwrap().version;
    refused(
        session
            .move_case(&clerk, saved.case_id, v, CaseState::Proposed)
            .unwrap_err(),
    );
    refused(
        session
            .save_draft(clerk.id, "{\"name\":\"x\"}")
            .unwrap_err(),
    );
    // The session can notice and end.
    let now = session.staff_by_id(clerk.id).unwrap().unwrap();
    assert!(!now.active);
    assert_ne!(now, clerk);
    // The refused reveal left no audit entry saying an ID number was shown.
    let conn = rusqlite::Connection::open(dir.path().join("x.db")).unwrap();
    let reveals: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'id_number.reveal'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reveals, 1);
}

/// Roles taken away in another connection reach the session's next write too.
#[test]
fn roles_changed_in_another_session_reach_the_next_write() {
    let (dir, mut admin_store, admin) = fresh();
    let clerk = admin_store
        .add_staff(&admin, "xiaoli", "小李", &[Role::Reception, Role::Admin])
        .unwrap();
    let mut session = Store::open(&dir.path().join("x.db")).unwrap();
    session
        .save_intake(&clerk, &intake(&session, "一"))
        .unwrap();
    // An admin alone may not register a visit.
    admin_store
        .add_staff(&admin, "xiaoli", "小李", &[Role::Admin])
        .unwrap();
    assert!(matches!(
        session.save_intake(&clerk, &intake(&session, "二")),
        Err(StoreError::Denied(_))
    ));
    // A receptionist alone may not administer.
    admin_store
        .add_staff(&admin, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    assert!(matches!(
        session.set_setting(&clerk, "office_name", "别处"),
        Err(StoreError::Denied(_))
    ));
    assert!(matches!(
        session.add_staff(&clerk, "me2", "我", &[Role::Admin]),
        Err(StoreError::Denied(_))
    ));
    assert_eq!(
        session.staff_by_id(clerk.id).unwrap().unwrap().roles,
        vec![Role::Reception]
    );
}

mod workflow {
    use super::*;
    use xfdesk::domain::timeline::TimelineItem;
    use xfdesk::domain::workflow::{FeedbackWay, Handling, JointShare, Rating, ReviewLevel, Step};

    /// A desk with one account for each role, and a registered case.
    struct Office {
        _dir: tempfile::TempDir,
        store: Store,
        clerk: Staff,
        expert: Staff,
        supervisor: Staff,
        manager: Staff,
        case_id: i64,
    }

    fn office() -> Office {
        let (dir, mut store, admin) = fresh();
        let add = |store: &mut Store, login: &str, name: &str, role| {
            store.add_staff(&admin, login, name, &[role]).unwrap()
        };
        let clerk = add(&mut store, "jd", "接待员甲", Role::Reception);
        let expert = add(&mut store, "zj", "专家乙", Role::Expert);
        let supervisor = add(&mut store, "db", "督办员丙", Role::Supervisor);
        let manager = add(&mut store, "ld", "领导丁", Role::Manager);
        store.pin_now(
            NaiveDate::from_ymd_opt(2026, 11, 2)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        );
        let saved = store
            .save_intake(&clerk, &intake(&store, "拖欠工资三个月"))
            .unwrap();
        Office {
            _dir: dir,
            store,
            clerk,
            expert,
            supervisor,
            manager,
            case_id: saved.case_id,
        }
    }

    fn version(o: &Office) -> i64 {
        o.store.case_detail(o.case_id).unwrap().unwrap().version
    }

    fn step(o: &mut Office, who: &Staff, s: Step) -> Result<xfdesk::store::StepDone, StoreError> {
        let v = version(o);
        let who = who.clone();
        o.store.take_step(&who, o.case_id, v, s)
    }

    fn running(o: &Office) -> Vec<String> {
        let mut r: Vec<String> = o
            .store
            .clocks_of(o.case_id)
            .unwrap()
            .into_iter()
            .filter(|c| c.stopped.is_none())
            .map(|c| c.rule)
            .collect();
        r.sort();
        r
    }

    /// The seed's whole 过程化管理: registration, opinion, approval, transfer, the unit's
    /// reply, review, feedback, closing and follow-up, each by the role that takes it, each a
    /// record in the timeline with an audit entry, the clocks following.
    #[test]
    fn a_case_goes_from_registration_to_closed_and_followed_up() {
        let mut o = office();
        let unit = o.store.units().unwrap()[0].id;
        let (clerk, expert, supervisor, manager) = (
            o.clerk.clone(),
            o.expert.clone(),
            o.supervisor.clone(),
            o.manager.clone(),
        );
        assert_eq!(running(&o), ["accept", "register"]);
        let propose = Step::Propose {
            handling: Handling::Transfer { unit_id: unit },
            opinion: "建议转县人社局核查处理".into(),
        };
        assert!(
            step(
                &mut o,
                &clerk,
                Step::Approve {
                    note: String::new()
                }
            )
            .is_err()
        );
        step(&mut o, &expert, propose).unwrap();
        // A receptionist is refused approval, in words.
        let refused = step(
            &mut o,
            &clerk,
            Step::Approve {
                note: String::new(),
            },
        )
        .unwrap_err();
        assert!(
            refused.to_string().contains("needs the role manager"),
            "{refused}"
        );
        step(
            &mut o,
            &manager,
            Step::Approve {
                note: "同意".into(),
            },
        )
        .unwrap();
        assert_eq!(
            running(&o),
            ["handle", "register"],
            "accepted: the 60 days run"
        );
        step(
            &mut o,
            &supervisor,
            Step::Transfer {
                lead_unit: unit,
                co_units: vec![],
                assign: false,
                report_by: None,
            },
        )
        .unwrap();
        assert_eq!(running(&o), ["handle", "objection"]);
        // The unit's 5-working-day window to object is not the office's deadline: the case is
        // due when its handling is, weeks later.
        let clocks = o.store.clocks_of(o.case_id).unwrap();
        let due_of = |rule: &str| {
            clocks
                .iter()
                .find(|c| c.rule == rule)
                .map(|c| c.due.due)
                .unwrap()
        };
        let (handle_due, objection_due) = (due_of("handle"), due_of("objection"));
        let case_due = o.store.case_detail(o.case_id).unwrap().unwrap().row.due;
        assert_eq!(case_due, Some(handle_due));
        assert!(objection_due < handle_due);
        step(
            &mut o,
            &supervisor,
            Step::Reply {
                findings: "经查，企业拖欠工资属实".into(),
                resolution: "责令企业十日内补发".into(),
            },
        )
        .unwrap();
        step(
            &mut o,
            &manager,
            Step::Review {
                accept: true,
                reason: String::new(),
            },
        )
        .unwrap();
        o.store.pin_now(
            NaiveDate::from_ymd_opt(2026, 11, 20)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        );
        step(
            &mut o,
            &clerk,
            Step::Feedback {
                way: FeedbackWay::Phone,
                on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                rating: Rating::BasicallySatisfied,
                note: String::new(),
            },
        )
        .unwrap();
        assert_eq!(running(&o), ["review-request"]);
        step(
            &mut o,
            &supervisor,
            Step::Close {
                note: String::new(),
            },
        )
        .unwrap();
        assert_eq!(running(&o), ["follow-up"]);
        step(
            &mut o,
            &clerk,
            Step::FollowUp {
                settled: true,
                note: "工资已发放".into(),
            },
        )
        .unwrap();
        let d = o.store.case_detail(o.case_id).unwrap().unwrap();
        assert_eq!(d.row.state, CaseState::Closed);
        assert_eq!(d.first_handler.as_deref(), Some("接待员甲"));
        let steps: Vec<_> = d
            .timeline
            .iter()
            .filter_map(|e| match &e.item {
                TimelineItem::Step(s) => Some((e.who.clone(), s.kind.unwrap().code())),
                _ => None,
            })
            .collect();
        assert_eq!(
            steps.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            [
                "propose",
                "approve",
                "transfer",
                "reply",
                "review",
                "feedback",
                "close",
                "follow-up"
            ]
        );
        assert_eq!(steps[1].0, "领导丁", "who approved");
        assert!(
            matches!(d.timeline[0].item, TimelineItem::Contact(_)),
            "the visit first"
        );
        let conn = rusqlite::Connection::open(o.store.path()).unwrap();
        let audited: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit WHERE action LIKE 'case.%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(audited, 8, "one audit entry per step");
        assert!(o.store.verify_audit().unwrap().is_ok());
    }

    /// Two people act on the same case: the second is refused and told who changed it.
    #[test]
    fn a_stale_step_is_refused_and_names_who_changed_the_case() {
        let mut o = office();
        let v = version(&o);
        let (expert, clerk) = (o.expert.clone(), o.clerk.clone());
        o.store
            .take_step(
                &expert,
                o.case_id,
                v,
                Step::Propose {
                    handling: Handling::HandleHere,
                    opinion: "当面答复".into(),
                },
            )
            .unwrap();
        let e = o
            .store
            .take_step(
                &clerk,
                o.case_id,
                v,
                Step::Propose {
                    handling: Handling::HandleHere,
                    opinion: "另一意见".into(),
                },
            )
            .unwrap_err();
        assert!(
            matches!(&e, StoreError::Stale { by, .. } if by == "专家乙"),
            "{e}"
        );
        let d = o.store.case_detail(o.case_id).unwrap().unwrap();
        assert_eq!(d.row.state, CaseState::Proposed);
    }

    /// A review request within 30 days of the reply reopens the case with its own clock; after
    /// the window it is refused in words and nothing changes.
    #[test]
    fn a_review_request_within_its_window_reopens_the_case_and_a_late_one_is_refused() {
        let mut o = office();
        let (expert, manager, clerk, supervisor) = (
            o.expert.clone(),
            o.manager.clone(),
            o.clerk.clone(),
            o.supervisor.clone(),
        );
        step(
            &mut o,
            &expert,
            Step::Propose {
                handling: Handling::HandleHere,
                opinion: "本局直接答复".into(),
            },
        )
        .unwrap();
        step(
            &mut o,
            &manager,
            Step::Approve {
                note: String::new(),
            },
        )
        .unwrap();
        step(
            &mut o,
            &manager,
            Step::HandleHere {
                note: "已当面解释".into(),
            },
        )
        .unwrap();
        let replied = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        o.store.pin_now(replied.and_hms_opt(15, 0, 0).unwrap());
        step(
            &mut o,
            &clerk,
            Step::Feedback {
                way: FeedbackWay::InPerson,
                on: replied,
                rating: Rating::Unsatisfied,
                note: String::new(),
            },
        )
        .unwrap();
        step(
            &mut o,
            &supervisor,
            Step::Close {
                note: String::new(),
            },
        )
        .unwrap();
        let request = |on: NaiveDate| Step::Reopen {
            level: ReviewLevel::Review,
            received_on: on,
            request: "对答复不服，请求复查".into(),
            override_reason: None,
        };
        // The window: 30 days from 11-03 is 12-03.
        o.store.pin_now(
            NaiveDate::from_ymd_opt(2026, 12, 10)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        );
        let late = step(
            &mut o,
            &clerk,
            request(NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()),
        )
        .unwrap_err();
        assert!(late.to_string().contains("late"), "{late}");
        assert_eq!(
            o.store.case_detail(o.case_id).unwrap().unwrap().row.state,
            CaseState::Closed
        );
        let done = step(
            &mut o,
            &clerk,
            request(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        )
        .unwrap();
        assert_eq!(done.state, CaseState::Registered);
        let d = o.store.case_detail(o.case_id).unwrap().unwrap();
        assert_eq!(d.facts.round, 1);
        assert!(running(&o).contains(&"review-decision".to_string()));
        assert_eq!(
            d.contacts.last().unwrap().review_level,
            Some(ReviewLevel::Review)
        );
    }

    /// A joint review's shares are tracked like clocks: the case's next deadline follows them.
    #[test]
    fn a_joint_review_records_each_units_share_with_its_due_date() {
        let mut o = office();
        let units = o.store.units().unwrap();
        let supervisor = o.supervisor.clone();
        let due = NaiveDate::from_ymd_opt(2026, 11, 6).unwrap();
        step(
            &mut o,
            &supervisor,
            Step::JointReview {
                held_on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                lead_unit: units[0].id,
                shares: vec![
                    JointShare {
                        unit: units[0].id,
                        share: "牵头核查".into(),
                        due,
                    },
                    JointShare {
                        unit: units[1].id,
                        share: "配合提供材料".into(),
                        due,
                    },
                ],
                solution: "两单位联合核查，月底前答复".into(),
            },
        )
        .unwrap();
        let d = o.store.case_detail(o.case_id).unwrap().unwrap();
        assert_eq!(d.shares.len(), 2);
        assert_eq!(
            d.row.due,
            Some(due),
            "the soonest share is the next deadline"
        );
    }

    /// 批量: a manager transfers a marked selection at once; if the step does not apply to one
    /// of them, nothing changes and each refusal is named; a receptionist may not do it.
    #[test]
    fn a_selection_is_transferred_all_at_once_or_not_at_all() {
        let mut o = office();
        let unit = o.store.units().unwrap()[0].id;
        let (clerk, expert, manager) = (o.clerk.clone(), o.expert.clone(), o.manager.clone());
        let mut cases = vec![o.case_id];
        for summary in ["反映供暖不足", "反映道路破损"] {
            let saved = o
                .store
                .save_intake(&clerk, &intake(&o.store, summary))
                .unwrap();
            cases.push(saved.case_id);
        }
        // Two approved, one still only registered.
        for &id in &cases[..2] {
            let v = o.store.case_detail(id).unwrap().unwrap().version;
            let done = o
                .store
                .take_step(
                    &expert,
                    id,
                    v,
                    Step::Propose {
                        handling: Handling::Transfer { unit_id: unit },
                        opinion: "建议转办".into(),
                    },
                )
                .unwrap();
            o.store
                .take_step(
                    &manager,
                    id,
                    done.version,
                    Step::Approve {
                        note: String::new(),
                    },
                )
                .unwrap();
        }
        let transfer = Step::Transfer {
            lead_unit: unit,
            co_units: vec![],
            assign: false,
            report_by: None,
        };
        let state = |o: &Office, id: i64| o.store.case_detail(id).unwrap().unwrap().row.state;
        let refused = o
            .store
            .take_step_on_each(&manager, &cases, transfer.clone())
            .unwrap_err();
        let StoreError::Refusals(refusals) = &refused else {
            panic!("{refused:?}");
        };
        assert_eq!(refusals.len(), 1);
        let third = o.store.case_detail(cases[2]).unwrap().unwrap().row.number;
        assert_eq!(refusals[0].number, third);
        assert_eq!(state(&o, cases[0]), CaseState::Approved, "nothing changed");
        // Not a receptionist's to do.
        assert!(matches!(
            o.store
                .take_step_on_each(&clerk, &cases[..2], transfer.clone()),
            Err(StoreError::Denied(_))
        ));
        let done = o
            .store
            .take_step_on_each(&manager, &cases[..2], transfer)
            .unwrap();
        assert_eq!(done.len(), 2);
        assert_eq!(state(&o, cases[0]), CaseState::Transferred);
        assert_eq!(state(&o, cases[1]), CaseState::Transferred);
        assert_eq!(state(&o, cases[2]), CaseState::Registered);
    }

    /// Which steps a selection takes at once is the domain's rule: an urging is refused in
    /// words, a supervision taken on every case.
    #[test]
    fn only_transfer_reassignment_and_supervision_are_taken_in_bulk() {
        use xfdesk::domain::workflow::{StepError, StepKind};
        let mut o = office();
        let manager = o.manager.clone();
        let case = o.case_id;
        let refused = o.store.take_step_on_each(
            &manager,
            &[case],
            Step::Urge {
                note: "请尽快办理".into(),
            },
        );
        match refused {
            Err(StoreError::Step(StepError::NotInBulk { kind })) => {
                assert_eq!(kind, StepKind::Urge)
            }
            other => panic!("{other:?}"),
        }
        let text = xfdesk::i18n::store_error(
            xfdesk::i18n::Lang::Zh,
            &StoreError::Step(StepError::NotInBulk {
                kind: StepKind::Urge,
            }),
        );
        assert!(text.contains("不能批量办理"), "{text}");
        let done = o
            .store
            .take_step_on_each(
                &manager,
                &[case],
                Step::Supervise {
                    supervisor: manager.id,
                    note: "统一督办".into(),
                },
            )
            .unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(
            o.store.case_facts(case).unwrap().supervisor_id,
            Some(manager.id)
        );
    }
}
