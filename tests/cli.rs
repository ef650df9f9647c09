//! The command line as scripts use it: exit codes, messages, and what lands in the database.

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
