//! The command line as scripts use it: exit codes, messages, and what lands in the database.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;

#[test]
fn init_makes_the_caller_admin_and_refuses_a_second_init() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let out = xfdesk(&db, &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let login = xfdesk::os::current_login().unwrap();
    let list = xfdesk(&db, &["staff", "list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let me = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["login"] == login.as_str())
        .expect("caller is staff");
    assert_eq!(me["roles"], serde_json::json!(["admin"]));
    let again = xfdesk(&db, &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already initialised"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn db_flag_works_before_or_after_the_subcommand_and_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let before = std::process::Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args(["staff", "list"])
        .env_remove("XFDESK_DB")
        .output()
        .unwrap();
    assert!(before.status.success(), "{}", stderr(&before));
    let env = std::process::Command::new(bin())
        .args(["staff", "list"])
        .env("XFDESK_DB", &db)
        .output()
        .unwrap();
    assert_eq!(stdout(&before), stdout(&env));
    assert!(
        stdout(&env).contains("wangjg"),
        "the roster's experts are staff"
    );
}

#[test]
fn an_account_that_is_not_staff_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    // Someone else initialised this database.
    let mut store = xfdesk::store::Store::open(&db).unwrap();
    store.bootstrap_admin("somebody_else", "别人", &[]).unwrap();
    drop(store);
    let out = xfdesk(&db, &["staff", "list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("is not staff here"),
        "{}",
        stderr(&out)
    );
    let zh = std::process::Command::new(bin())
        .args(["--lang", "zh", "staff", "list", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        stderr(&zh).contains("不是本系统的工作人员"),
        "{}",
        stderr(&zh)
    );
}

#[test]
fn staff_add_disable_and_bad_roles() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            "xiaoli",
            "--name",
            "小李",
            "--role",
            "reception",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no OS account"),
        "warns about a missing account"
    );
    let bad = xfdesk(
        &db,
        &["staff", "add", "xiaoli", "--name", "小李", "--role", "boss"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("unknown role 'boss'"),
        "{}",
        stderr(&bad)
    );
    let off = xfdesk(&db, &["staff", "disable", "xiaoli"]);
    assert!(off.status.success());
    let list = stdout(&xfdesk(&db, &["staff", "list"]));
    let line = list.lines().find(|l| l.starts_with("xiaoli")).unwrap();
    assert!(line.contains("disabled"), "{line}");
}

#[test]
fn audit_verify_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let ok = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("intact"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET login = 'nobody' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let broken = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(broken.status.code(), Some(4));
    assert!(stderr(&broken).contains("entry 2"), "{}", stderr(&broken));
}

#[test]
fn demo_fills_every_state_with_valid_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let out = xfdesk(&db, &["demo", "--cases", "3000", "--seed", "7"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3000);
    let states: i64 = conn
        .query_row("SELECT count(DISTINCT state) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(states, 11, "every state of DESIGN §3 appears");
    let repeats: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE is_repeat = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(repeats > 100, "{repeats}");
    let collective: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE head_count >= 5",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(collective > 0);
    let today = chrono::Utc::now().date_naive();
    let mut stmt = conn
        .prepare("SELECT id_number FROM petitioners WHERE id_number IS NOT NULL LIMIT 500")
        .unwrap();
    for id in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        let id = id.unwrap();
        xfdesk::domain::id_number::IdNumber::parse(&id, today)
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
    }
    // New cases continue the numbering after the demo's.
    let verify = xfdesk(&db, &["audit", "verify"]);
    assert!(verify.status.success());
}

#[test]
fn several_processes_writing_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let children: Vec<_> = (0..6)
        .map(|i| {
            std::process::Command::new(bin())
                .args(["demo", "--cases", "300", "--seed"])
                .arg(i.to_string())
                .arg("--db")
                .arg(&db)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let adds: Vec<_> = (0..6)
        .map(|i| {
            std::process::Command::new(bin())
                .args([
                    "staff",
                    "add",
                    &format!("clerk{i}"),
                    "--name",
                    "接待",
                    "--role",
                    "reception",
                    "--db",
                ])
                .arg(&db)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children.into_iter().chain(adds) {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "a writer failed: {}", stderr(&out));
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (n, distinct): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT number) FROM cases",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(n, 1800);
    assert_eq!(distinct, 1800, "no case number handed out twice");
    assert!(xfdesk(&db, &["audit", "verify"]).status.success());
}

#[test]
fn deadline_answers_by_when_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["deadline", "handle", "--from", "2026-09-28"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("2026-11-27\n60 days from 2026-09-28, last day 2026-11-27"),
        "{text}"
    );
    let out = xfdesk(
        &db,
        &[
            "deadline",
            "--days",
            "5",
            "--working",
            "--from",
            "2026-09-30",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["due"], "2026-10-13");
    assert_eq!(v["working"], true);
    assert_eq!(v["days"], 5);
    assert_eq!(v["from"], "2026-09-30");
    assert_eq!(v["calendar_missing"], false);
    assert!(
        v["explanation"]
            .as_str()
            .unwrap()
            .contains("5 working days")
    );
    // Into a year with no calendar: said, not guessed silently.
    let out = xfdesk(
        &db,
        &[
            "deadline",
            "accept",
            "--from",
            "2026-12-20",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["calendar_missing"], true);
    assert_eq!(v["missing_years"], serde_json::json!([2027]));
    let bad = xfdesk(&db, &["deadline", "handle", "--from", "2026-13-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a date"), "{}", stderr(&bad));
    let unknown = xfdesk(&db, &["deadline", "nonsense", "--from", "2026-01-01"]);
    assert!(
        stderr(&unknown).contains("no deadline rule 'nonsense'"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn calendar_show_marks_holidays_and_adjusted_days_and_warns_for_a_missing_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["calendar", "show", "2026"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("2026-02-14 + 春节调休"), "{text}");
    assert!(text.contains("2026-10-07 * 国庆节"), "{text}");
    // The first week of October: Thu 1 to Sun 4 are holidays.
    assert!(text.contains(" 1* 2* 3* 4*"), "{text}");
    let holidays = text
        .lines()
        .filter(|l| l.starts_with("2026-") && l.contains(" * "))
        .count();
    let adjusted = text
        .lines()
        .filter(|l| l.starts_with("2026-") && l.contains(" + "))
        .count();
    assert_eq!((holidays, adjusted), (33, 6));
    let missing = stdout(&xfdesk(&db, &["calendar", "show", "2027"]));
    assert!(
        missing.starts_with("2027: no official calendar loaded"),
        "{missing}"
    );
}

#[test]
fn calendar_import_refuses_malformed_files_naming_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let cases = [
        (
            "twice",
            "year = 2027\nnotice = \"n\"\nholidays = [{ from = \"2027-01-01\", to = \"2027-01-01\", name = \"元旦\" }, { from = \"2027-01-01\", to = \"2027-01-02\", name = \"元旦\" }]\n",
            "2027-01-01 is listed twice",
        ),
        (
            "outside",
            "year = 2027\nnotice = \"n\"\nholidays = [{ from = \"2028-01-01\", to = \"2028-01-01\", name = \"元旦\" }]\n",
            "2028-01-01 is outside the year 2027",
        ),
        (
            "weekday",
            "year = 2027\nnotice = \"n\"\nworking = [{ day = \"2027-02-03\", name = \"调休\" }]\n",
            "2027-02-03 is a Wed and cannot be an adjusted working day",
        ),
        ("garbage", "year = \"soon\"\n", "invalid type"),
    ];
    for (name, body, message) in cases {
        let file = dir.path().join(format!("{name}.toml"));
        std::fs::write(&file, body).unwrap();
        let out = xfdesk(&db, &["calendar", "import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr(&out).contains(message), "{name}: {}", stderr(&out));
    }
    // Nothing was half-imported: 2027 is still missing.
    assert!(stdout(&xfdesk(&db, &["calendar", "show", "2027"])).contains("no official calendar"));
    let good = dir.path().join("2027.toml");
    std::fs::write(&good, "year = 2027\nnotice = \"n\"\nholidays = [{ from = \"2027-01-01\", to = \"2027-01-01\", name = \"元旦\" }]\n").unwrap();
    let out = xfdesk(&db, &["calendar", "import", good.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("added 2027: 1 holidays"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn settings_are_listed_changed_by_an_admin_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["settings", "set", "office_name", "东城区信访局"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&xfdesk(&db, &["settings", "list"])).contains("东城区信访局"));
    let bad = xfdesk(&db, &["settings", "set", "office_tz", "Mars/Olympus"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("must be a time zone name"),
        "{}",
        stderr(&bad)
    );
    let unknown = xfdesk(&db, &["settings", "set", "colour", "red"]);
    assert!(
        stderr(&unknown).contains("unknown setting 'colour'"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn kill_9_in_the_middle_of_a_write_loses_nothing_saved_and_leaves_the_file_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["demo", "--cases", "500"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A big load, killed without warning half-way through a batch.
    let mut child = std::process::Command::new(bin())
        .args(["demo", "--cases", "300000", "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    // The load commits in batches: those committed before the kill are there whole, each with
    // its audit entry; the one under way is not there at all.
    let batches: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'demo.load'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let batch = xfdesk::store::bulk::BATCH_CASES as i64;
    let first_load = (500 + batch - 1) / batch;
    assert_eq!(
        n,
        500 + (batches - first_load) * batch,
        "the saved cases are all there and nothing half-written is"
    );
    let counted: i64 = conn
        .query_row("SELECT value FROM counters WHERE name = 'cases'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(counted, n);
    drop(conn);
    assert!(xfdesk(&db, &["audit", "verify"]).status.success());
    // And the office carries on: the next write succeeds.
    let out = xfdesk(&db, &["demo", "--cases", "10"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn backup_is_a_consistent_online_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    assert!(xfdesk(&db, &["demo", "--cases", "300"]).status.success());
    // A writer keeps going while the copy is taken.
    let mut writer = std::process::Command::new(bin())
        .args(["demo", "--cases", "3000", "--db"])
        .arg(&db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let copy = dir.path().join("backups/office-copy.db");
    let out = xfdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("backed up "), "{}", stdout(&out));
    assert!(
        writer.wait().unwrap().success(),
        "the writer was not disturbed"
    );
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    assert!(
        n == 300 || n == 3300,
        "a whole snapshot, before or after the load: {n}"
    );
    drop(conn);
    assert!(xfdesk(&copy, &["audit", "verify"]).status.success());
    let again = xfdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("never overwrites"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn every_command_piped_into_a_closed_reader_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let commands: &[&[&str]] = &[
        &["staff", "list"],
        &["staff", "list", "--format", "json"],
        &["rules", "list"],
        &["settings", "list"],
        &["audit", "verify"],
        &["calendar", "show", "2026"],
        &["deadline", "handle", "--from", "2026-09-28"],
        &[
            "deadline",
            "--days",
            "5",
            "--from",
            "2026-09-28",
            "--format",
            "json",
        ],
        &["--help"],
        &["--version"],
    ];
    for args in commands {
        let out = xfdesk_into_closed_pipe(&db, args);
        let code = out.status.code();
        assert!(
            code == Some(141) || (code == Some(0) && args[0].starts_with("--")),
            "{args:?}: exit {code:?}, {}",
            stderr(&out)
        );
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).is_empty(),
            "{args:?} ends quietly: {}",
            stderr(&out)
        );
    }
}

#[test]
fn rules_list_names_every_rule_and_an_unknown_rule_is_answered_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let out = xfdesk(&db, &["rules", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for name in [
        "register",
        "accept",
        "objection",
        "handle",
        "extend",
        "due-soon",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(name)),
            "{name} missing:\n{text}"
        );
    }
    let out = xfdesk(&db, &["deadline", "nosuch", "--from", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no deadline rule 'nosuch'")
            && err.contains("accept")
            && err.contains("handle"),
        "{err}"
    );
}

#[test]
fn demo_refuses_more_cases_than_it_can_make_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    for n in ["18446744073709551615", "1000001", "0"] {
        let out = xfdesk(&db, &["demo", "--cases", n]);
        assert_eq!(out.status.code(), Some(2), "{n}");
        assert!(
            stderr(&out).contains("1..=1000000"),
            "{n}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"));
    }
    assert!(!db.exists(), "nothing was created");
}

#[test]
fn rules_and_settings_are_bounded_where_they_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let refused: &[(&[&str], &str)] = &[
        (
            &["rules", "set", "accept", "--days", "100000000"],
            "may be 1 to 366 days, not 100000000",
        ),
        (
            &["rules", "set", "accept", "--days", "0"],
            "may be 1 to 366 days, not 0",
        ),
        (
            &["rules", "set", "extend", "--days", "31"],
            "may be 1 to 30 days",
        ),
        (
            &["rules", "set", "due-soon", "--days", "1000", "--working"],
            "may be 1 to 20 days",
        ),
        (
            &["rules", "set", "nosuch", "--days", "10"],
            "no deadline rule 'nosuch'",
        ),
        (
            &["settings", "set", "office_name", &"局".repeat(61)],
            "at most 60 characters, not 61",
        ),
        (
            &["settings", "set", "office_phone", "call me maybe"],
            "digits",
        ),
        (
            &["settings", "set", "receipt_printer", "front desk;rm"],
            "not starting with -",
        ),
        (
            &["settings", "set", "receipt_dir", "relative/dir"],
            "absolute path",
        ),
        (&["settings", "set", "roll_forward", "yes"], "true or false"),
        (&["settings", "set", "office_lang", "fr"], "zh or en"),
        (
            &["settings", "set", "office_tz", "Mars/Olympus"],
            "time zone",
        ),
    ];
    for (args, message) in refused {
        let out = xfdesk(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    // Nothing refused reached the database: every save still counts its dates.
    let rules = stdout(&xfdesk(&db, &["rules", "list"]));
    assert!(
        rules
            .lines()
            .any(|l| l.starts_with("accept") && l.contains(" 15 days")),
        "{rules}"
    );
    let out = xfdesk(&db, &["deadline", "accept", "--from", "2026-09-28"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The edges are accepted.
    for args in [
        &["rules", "set", "accept", "--days", "366"][..],
        &["rules", "set", "extend", "--days", "30"][..],
        &["settings", "set", "receipt_printer", "front-desk_1"][..],
    ] {
        let out = xfdesk(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn deadline_with_an_impossible_period_or_date_answers_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    for (args, message) in [
        (
            &["deadline", "--days", "100000000", "--from", "2026-01-01"][..],
            "1 to 366 days",
        ),
        (
            &["deadline", "--days", "0", "--from", "2026-01-01"][..],
            "1 to 366 days",
        ),
        (
            &[
                "deadline",
                "--days",
                "367",
                "--working",
                "--from",
                "2026-01-01",
            ][..],
            "1 to 366 days",
        ),
        (
            &["deadline", "--days", "30", "--from", "262143-12-20"][..],
            "",
        ),
        (&["deadline", "handle", "--from", "262143-12-20"][..], ""),
    ] {
        let out = xfdesk(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

/// Nothing that could act on a terminal: no C0 or C1 control (but newlines), no bidi control.
fn assert_clean(what: &str, text: &str) {
    let bad = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    assert!(
        !text.chars().any(bad),
        "{what} lets a control character through: {text:?}"
    );
    assert!(
        !text.contains("\\u202e") && !text.contains("\\u001b"),
        "{what}: {text:?}"
    );
}

#[test]
fn text_typed_on_the_command_line_is_stored_cleaned_and_every_line_is_printed_clean() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let hostile = "小\u{1b}]0;pwned\u{7}李\u{202e}\u{9b}2J\u{7f}";
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            "xiaoli",
            "--name",
            hostile,
            "--role",
            "reception",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_clean("staff add", &stdout(&out));
    assert_eq!(stdout(&out).trim(), "xiaoli 小李 reception");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let stored: String = conn
        .query_row("SELECT name FROM staff WHERE login = 'xiaoli'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, "小李", "stored cleaned");
    drop(conn);
    for format in ["text", "json"] {
        let out = xfdesk(&db, &["staff", "list", "--format", format]);
        assert!(out.status.success());
        assert_clean("staff list", &stdout(&out));
    }
    // A login with an escape in it is refused, and the refusal is clean too.
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            "x\u{1b}]0;t\u{7}",
            "--name",
            "x",
            "--role",
            "reception",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a valid account name"),
        "{}",
        stderr(&out)
    );
    assert_clean("staff add refused", &stderr(&out));
    // A file name with escapes in it is not made (it would act on every terminal that lists
    // it, and in the audit log); the refusal is clean, and nothing is written or audited.
    let audited = |db: &std::path::Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM audit WHERE action LIKE 'backup%'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let before = audited(&db);
    let copy = dir.path().join("copy\u{1b}]0;t\u{7}\u{202e}.db");
    let out = xfdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert_clean("backup refused", &stderr(&out));
    assert!(!copy.exists());
    assert_eq!(audited(&db), before);
    // A plain name is copied, and its path echoed clean.
    let copy = dir.path().join("copy.db");
    let out = xfdesk(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("backed up "), "{}", stdout(&out));
    assert_clean("backup", &stdout(&out));
    // A calendar file's words are stored and shown clean.
    let file = dir.path().join("2027.toml");
    std::fs::write(
        &file,
        // TOML refuses raw control characters but decodes its own \u escapes into them.
        r#"year = 2027
notice = "通知\u001b[2J"
holidays = [{ from = "2027-01-01", to = "2027-01-01", name = "元旦\u202e\u001b]52;c;eA==\u0007" }]
"#,
    )
    .unwrap();
    let out = xfdesk(&db, &["calendar", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&xfdesk(&db, &["calendar", "show", "2027"]));
    assert_clean("calendar show", &shown);
    assert!(shown.contains("2027-01-01 * 元旦\n"), "{shown}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let name: String = conn
        .query_row(
            "SELECT name FROM calendar_days WHERE day = '2027-01-01'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "元旦");
}

#[test]
fn the_office_language_wins_over_the_client_s_lang_and_flags_win_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let run = |env: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = std::process::Command::new(bin());
        cmd.args(["deadline", "nosuch", "--from", "2026-01-01", "--db"])
            .arg(&db)
            .args(extra)
            .env_remove("XFDESK_DB")
            .env_remove("XFDESK_LANG")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        for (k, v) in env {
            cmd.env(k, v);
        }
        stderr(&cmd.output().unwrap())
    };
    let zh = "没有名为“nosuch”的期限规则";
    let en = "no deadline rule 'nosuch'";
    // An SSH client sending LANG=C, or nothing: the office's language, Chinese out of the box.
    assert!(run(&[("LANG", "C")], &[]).contains(zh));
    assert!(run(&[], &[]).contains(zh));
    assert!(run(&[("LANG", "en_US.UTF-8")], &[]).contains(zh));
    // Explicit choices win.
    assert!(run(&[("LANG", "C"), ("XFDESK_LANG", "en")], &[]).contains(en));
    assert!(run(&[("XFDESK_LANG", "zh")], &["--lang", "en"]).contains(en));
    // An office that works in English says so once.
    let out = xfdesk(&db, &["settings", "set", "office_lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run(&[("LANG", "zh_CN.UTF-8")], &[]).contains(en));
    assert!(run(&[], &["--lang", "zh"]).contains(zh));
    // Before any database is open, the locale still decides.
    let mut cmd = std::process::Command::new(bin());
    cmd.args(["staff", "list", "--db"])
        .arg(dir.path().join("missing.db"))
        .env_remove("XFDESK_LANG")
        .env("LANG", "zh_CN.UTF-8");
    assert!(stderr(&cmd.output().unwrap()).contains("没有数据库"));
}

fn ok(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}{}", stdout(out), stderr(out));
    stdout(out)
}

/// The whole workflow from a script: every step with `xfdesk case …`, a document of each kind
/// as the case reaches it, and `case show` in JSON with its clocks and timeline.
#[test]
fn a_case_goes_through_every_step_from_the_command_line_with_its_documents() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let n = registered_case(&db, xfdesk::domain::MatterKind::Request);
    let units = xfdesk::store::Store::open(&db).unwrap().units().unwrap();
    let unit = units[0].code.clone();
    let run = |args: &[&str]| xfdesk(&db, args);
    ok(&run(&[
        "case",
        "propose",
        &n,
        "--handling",
        "transfer",
        "--unit",
        &unit,
        "--opinion",
        "建议转办核查",
    ]));
    // No document before its step.
    assert_eq!(run(&["doc", &n, "accept"]).status.code(), Some(3));
    ok(&run(&["case", "approve", &n]));
    let accept = ok(&run(&["doc", &n, "accept"]));
    assert!(
        accept.contains("信访事项受理告知书") && accept.contains("第三十四条"),
        "{accept}"
    );
    ok(&run(&[
        "case",
        "transfer",
        &n,
        "--unit",
        &unit,
        "--report-by",
        "2099-01-01",
    ]));
    let sheet = ok(&run(&["doc", &n, "transfer"]));
    assert!(
        sheet.contains("交办单") && sheet.contains("张三"),
        "{sheet}"
    );
    ok(&run(&[
        "case",
        "extend",
        &n,
        "--days",
        "20",
        "--reason",
        "需补充调查",
    ]));
    let extend = ok(&run(&["doc", &n, "extend"]));
    assert!(
        extend.contains("延长20日") && extend.contains("需补充调查"),
        "{extend}"
    );
    ok(&run(&[
        "case",
        "reply",
        &n,
        "--text",
        "经查属实",
        "--resolution",
        "责令补发",
    ]));
    ok(&run(&["case", "review", &n, "--accept"]));
    let opinion = ok(&run(&["doc", &n, "opinion"]));
    assert!(
        opinion.contains("处理意见书") && opinion.contains("责令补发"),
        "{opinion}"
    );
    ok(&run(&[
        "case", "feedback", &n, "--how", "phone", "--rating", "basic",
    ]));
    ok(&run(&["case", "close", &n]));
    ok(&run(&["case", "follow-up", &n, "--settled"]));
    let file = dir.path().join("opinion.txt");
    ok(&run(&[
        "doc",
        &n,
        "opinion",
        "--out",
        file.to_str().unwrap(),
    ]));
    assert!(std::fs::read_to_string(&file).unwrap().contains("责令补发"));
    let again = run(&["doc", &n, "opinion", "--out", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "never overwrites");
    let show: serde_json::Value =
        serde_json::from_str(&ok(&run(&["case", "show", &n, "--format", "json"]))).unwrap();
    assert_eq!(show["state"], "closed");
    assert!(show["first_handler"].is_string());
    let actions: Vec<&str> = show["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for step in [
        "contact",
        "propose",
        "approve",
        "transfer",
        "extend",
        "reply",
        "review",
        "feedback",
        "close",
        "follow-up",
        "document",
    ] {
        assert!(actions.contains(&step), "{step} missing from {actions:?}");
    }
    assert!(
        show["clocks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["explanation"].is_string())
    );
    // A review request on time reopens the case; the review opinion follows its own round.
    ok(&run(&[
        "case",
        "reopen",
        &n,
        "--level",
        "review",
        "--request",
        "对处理意见不服",
    ]));
    let text = ok(&run(&["case", "show", &n]));
    assert!(text.contains("review request"), "{text}");
    let show: serde_json::Value =
        serde_json::from_str(&ok(&run(&["case", "show", &n, "--format", "json"]))).unwrap();
    assert_eq!(show["round"], 1);
}

/// A receptionist is refused approval in words (exit 3); bad input exits 2; neither changes
/// anything.
#[test]
fn a_step_the_role_may_not_take_is_refused_in_words_and_bad_input_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let n = registered_case(&db, xfdesk::domain::MatterKind::Request);
    ok(&xfdesk(
        &db,
        &[
            "case",
            "propose",
            &n,
            "--handling",
            "here",
            "--opinion",
            "本局答复",
        ],
    ));
    let login = xfdesk::os::current_login().unwrap();
    ok(&xfdesk(
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
    ));
    let refused = xfdesk(&db, &["case", "approve", &n]);
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("manager"), "{}", stderr(&refused));
    let bad = xfdesk(
        &db,
        &[
            "case",
            "feedback",
            &n,
            "--how",
            "phone",
            "--rating",
            "basic",
            "--on",
            "2026-13-40",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    let missing = xfdesk(&db, &["case", "show", "XF-1999-000001"]);
    assert_eq!(missing.status.code(), Some(2));
    let show: serde_json::Value =
        serde_json::from_str(&ok(&xfdesk(&db, &["case", "show", &n, "--format", "json"]))).unwrap();
    assert_eq!(show["state"], "proposed", "nothing changed");
}

/// 条例 Art. 30: an accusation's transfer sheet carries no identity, and the accused unit is
/// refused.
#[test]
fn an_accusations_transfer_sheet_hides_who_made_it_and_the_accused_unit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let n = registered_case(&db, xfdesk::domain::MatterKind::Accusation);
    let units = xfdesk::store::Store::open(&db).unwrap().units().unwrap();
    let (accused, other) = (units[1].code.clone(), units[0].code.clone());
    let refused = xfdesk(
        &db,
        &[
            "case",
            "propose",
            &n,
            "--handling",
            "transfer",
            "--unit",
            &accused,
            "--opinion",
            "转被举报单位",
        ],
    );
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    ok(&xfdesk(
        &db,
        &[
            "case",
            "propose",
            &n,
            "--handling",
            "transfer",
            "--unit",
            &other,
            "--opinion",
            "转纪检监察",
        ],
    ));
    ok(&xfdesk(&db, &["case", "approve", &n]));
    ok(&xfdesk(&db, &["case", "transfer", &n, "--unit", &other]));
    let sheet = ok(&xfdesk(&db, &["doc", &n, "transfer"]));
    assert!(sheet.contains("身份依法保密"), "{sheet}");
    assert!(
        !sheet.contains("张三") && !sheet.contains("13800138000"),
        "{sheet}"
    );
}
