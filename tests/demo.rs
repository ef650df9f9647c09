//! Demo data: it looks like an office (DESIGN §9's figures are measured on it, and a new user
//! learns the app on it), and loading it never stops the desk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use rusqlite::Connection;
use xfdesk::domain::intake::{IntakeInput, validate_intake};
use xfdesk::domain::{Channel, MatterKind};
use xfdesk::store::Store;

#[test]
fn open_cases_are_at_realistic_ages_and_every_state_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = xfdesk(&db, &["demo", "--cases", "20000", "--seed", "3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&db).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let today = chrono::Utc::now().date_naive().to_string();
    let open = one("SELECT count(*) FROM cases WHERE state <> 'closed'");
    let overdue = conn
        .query_row(
            "SELECT count(*) FROM cases WHERE state <> 'closed' AND due < ?1",
            [&today],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    let share = overdue as f64 / open as f64;
    assert!(
        (0.005..0.08).contains(&share),
        "{overdue} of {open} open cases overdue ({:.1}%)",
        share * 100.0
    );
    // Late by days or weeks, never by years.
    let long_overdue: i64 = conn
        .query_row(
            "SELECT count(*) FROM cases WHERE state <> 'closed' AND due < date(?1, '-60 days')",
            [&today],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(long_overdue, 0);
    // An office of a county: open cases a few percent of three years' intake.
    assert!((400..2500).contains(&open), "{open} open");
    let states = one("SELECT count(DISTINCT state) FROM cases");
    assert_eq!(states, 11, "every state of the workflow");
    let open_states = one("SELECT count(DISTINCT state) FROM cases WHERE state <> 'closed'");
    assert_eq!(open_states, 10);
    // Every case past registration has the records of the steps that brought it there, the
    // last one ending in its state, so its timeline reads like an office's.
    let without_history = one(
        "SELECT count(*) FROM cases c WHERE c.state NOT IN ('registered', 'with_expert')
           AND c.state IS NOT (SELECT s.to_state FROM case_steps s
                                WHERE s.case_id = c.id AND s.to_state IS NOT NULL
                                ORDER BY s.id DESC LIMIT 1)",
    );
    assert_eq!(without_history, 0);
    assert_eq!(
        one("SELECT count(*) FROM cases WHERE first_handler_id IS NULL"),
        0
    );
    // Each kind of step a dialog offers has cases that went through it.
    let kinds = one("SELECT count(DISTINCT kind) FROM case_steps");
    assert!(kinds >= 11, "{kinds} kinds of step");
    let rated = one("SELECT count(DISTINCT rating) FROM case_steps WHERE kind = 'feedback'");
    assert_eq!(rated, 4, "every evaluation");
}

#[test]
fn the_readme_s_example_people_have_history_and_a_case_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = xfdesk(&db, &["demo", "--cases", "2000", "--seed", "9"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = Connection::open(&db).unwrap();
    let today = chrono::Utc::now().date_naive().to_string();
    for id in ["11010519491231002X", "440524188001010014"] {
        let (open, closed, in_clock, repeats): (i64, i64, i64, i64) = conn
            .query_row(
                "SELECT count(*) FILTER (WHERE c.state <> 'closed'),
                        count(*) FILTER (WHERE c.state = 'closed'),
                        count(*) FILTER (WHERE c.state <> 'closed' AND c.due >= ?2),
                        (SELECT count(*) FROM contacts ct JOIN petitioners p2 ON p2.id = ct.petitioner_id
                          WHERE p2.id_number = ?1 AND ct.is_repeat = 1)
                 FROM cases c JOIN petitioners p ON p.id = c.petitioner_id WHERE p.id_number = ?1",
                [id, &today],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert!(
            open >= 1 && in_clock >= 1,
            "{id}: {open} open, {in_clock} within clocks"
        );
        assert!(closed >= 1, "{id}: history");
        assert!(repeats >= 1, "{id}: came back");
    }
}

#[test]
fn the_same_seed_twice_adds_twice_and_meets_the_same_people_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    for _ in 0..2 {
        let out = xfdesk(&db, &["demo", "--cases", "500", "--seed", "5"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let conn = Connection::open(&db).unwrap();
    let (cases, numbers): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT number) FROM cases",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((cases, numbers), (1000, 1000));
    let featured: i64 = conn
        .query_row(
            "SELECT count(*) FROM petitioners WHERE id_number = '11010519491231002X'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(featured, 1, "one person, two visits' worth of cases");
    drop(conn);
    assert!(xfdesk(&db, &["audit", "verify"]).status.success());
}

/// A receptionist saves while a big load runs: every save succeeds, and lands between the
/// load's batches instead of waiting for its end (it used to wait for the whole load and,
/// past the busy timeout, fail).
#[test]
fn saves_go_through_between_the_batches_of_a_bulk_load() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut loader = std::process::Command::new(bin())
        .args(["demo", "--cases", "40000", "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut desk = Store::open_existing(&db).unwrap();
    let me = desk
        .staff_by_login(&xfdesk::os::current_login().unwrap())
        .unwrap()
        .unwrap();
    let category = desk.categories().unwrap()[0].id;
    let mut saved = vec![];
    loop {
        let running = loader.try_wait().unwrap().is_none();
        let now = desk.now();
        let intake = validate_intake(
            &IntakeInput {
                name: "张三".into(),
                channel: Channel::Visit,
                kind: MatterKind::Request,
                category_id: Some(category),
                summary: "工资拖欠".into(),
                ..IntakeInput::blank(now)
            },
            now,
        )
        .unwrap();
        let s = desk
            .save_intake(&me, &intake)
            .expect("a save during the load");
        saved.push(s.case_id);
        if !running {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let status = loader.wait_with_output().unwrap();
    assert!(status.status.success(), "{}", stderr(&status));
    let conn = Connection::open(&db).unwrap();
    let (first_demo, last_demo): (i64, i64) = conn
        .query_row(
            "SELECT min(id), max(id) FROM cases WHERE summary <> '工资拖欠'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // Saved after the load's first cases and before its last: in the middle of the load.
    let between = saved
        .iter()
        .filter(|&&id| first_demo < id && id < last_demo)
        .count();
    assert!(
        between > 0,
        "{} saves, none between batches: they waited for the whole load",
        saved.len()
    );
    drop(conn);
    assert!(xfdesk(&db, &["audit", "verify"]).status.success());
}
