//! Every command but `init` opens only an existing xfdesk database and refuses anything else,
//! changing nothing (DESIGN §6); a file this account may only read opens read-only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every file in `dir` with its contents, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = if p.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                vec![]
            };
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Commands of every kind: reading, writing, creating.
const COMMANDS: &[&[&str]] = &[
    &["staff", "list"],
    &[
        "staff",
        "add",
        "someone",
        "--name",
        "某人",
        "--role",
        "reception",
    ],
    &["audit", "verify"],
    &["rules", "list"],
    &["settings", "set", "office_name", "别处"],
    &["deadline", "accept", "--from", "2026-01-01"],
    &["calendar", "show", "2026"],
    &["demo", "--cases", "10"],
    &["init"],
];

fn refused_unchanged(target: &Path, dir: &Path, message: &str) {
    let before = snapshot(dir);
    for args in COMMANDS {
        let out = xfdesk(target, args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} on {}: {}",
            target.display(),
            stderr(&out)
        );
        assert!(
            stderr(&out).contains(message),
            "{args:?} on {}: {}",
            target.display(),
            stderr(&out)
        );
        assert_eq!(
            snapshot(dir),
            before,
            "{args:?} changed something beside {}",
            target.display()
        );
    }
}

#[test]
fn another_program_s_sqlite_file_is_refused_and_left_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("notes.db");
    let conn = rusqlite::Connection::open(&plain).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('私人笔记');")
        .unwrap();
    drop(conn);
    refused_unchanged(
        &plain,
        dir.path(),
        "not an xfdesk one; it was left unchanged",
    );

    let dir = tempfile::tempdir().unwrap();
    let wal = dir.path().join("wal.db");
    let conn = rusqlite::Connection::open(&wal).unwrap();
    conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t (x);")
        .unwrap();
    drop(conn);
    refused_unchanged(&wal, dir.path(), "not an xfdesk one");

    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("PRAGMA application_id = 42; CREATE TABLE t (x);")
        .unwrap();
    drop(conn);
    refused_unchanged(&other, dir.path(), "another program's SQLite database");

    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("letter.txt");
    std::fs::write(&text, "不是数据库，只是一封信。".repeat(20)).unwrap();
    refused_unchanged(&text, dir.path(), "not an SQLite database");
}

#[test]
fn dev_null_a_directory_and_an_empty_file_are_refused_in_words() {
    // Another program (an older xfdesk) may have left these; then they must stay untouched.
    let leftovers = || {
        ["/dev/null-journal", "/dev/null-wal"].map(|p| {
            std::fs::metadata(p)
                .ok()
                .map(|m| (m.len(), m.modified().ok()))
        })
    };
    let before = leftovers();
    let out = xfdesk(Path::new("/dev/null"), &["staff", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/null: it is not a regular file"),
        "{}",
        stderr(&out)
    );
    for args in COMMANDS {
        let out = xfdesk(Path::new("/dev/null"), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(
        leftovers(),
        before,
        "nothing made or changed beside /dev/null"
    );

    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("office.db");
    std::fs::create_dir(&sub).unwrap();
    refused_unchanged(&sub, dir.path(), "is a directory");

    // An empty file is not a database for any command but init, which makes one of it.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("new.db");
    std::fs::write(&empty, b"").unwrap();
    let out = xfdesk(&empty, &["staff", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty file"), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    let out = xfdesk(&empty, &["init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = xfdesk(&empty, &["staff", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_missing_file_is_not_created_by_any_command_but_init() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    for args in COMMANDS.iter().filter(|a| a[0] != "init" && a[0] != "demo") {
        let out = xfdesk(&missing, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("there is no database there"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(snapshot(dir.path()).is_empty(), "{args:?} created a file");
    }
}

#[test]
fn an_xfdesk_database_is_recognised_by_its_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, xfdesk::store::APPLICATION_ID);
}

/// Run the binary as an account that may only read the file: `nobody` when the tests run as
/// root (root may write any file whatever its mode), else this account with the file and its
/// directory made read-only.
fn read_only_run(db: &Path, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .arg("--db")
        .arg(db)
        .env("XFDESK_LANG", "en")
        .env_remove("XFDESK_DB");
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        cmd.uid(65534).gid(65534);
    }
    cmd.output().expect("run xfdesk")
}

#[test]
fn a_read_only_file_opens_for_reading_and_writing_commands_fail_in_words() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let as_root = unsafe { libc::geteuid() } == 0;
    let reader = if as_root {
        "nobody".to_string()
    } else {
        xfdesk::os::current_login().unwrap()
    };
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            &reader,
            "--name",
            "读者",
            "--role",
            "admin,reception",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Nothing left in a write-ahead log: the file alone is the database.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let f = f.unwrap().path();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(dir.path());
    for args in [
        &["staff", "list"][..],
        &["staff", "list", "--format", "json"][..],
        &["audit", "verify"][..],
        &["rules", "list"][..],
        &["settings", "list"][..],
        &["deadline", "accept", "--from", "2026-01-01"][..],
    ] {
        let out = read_only_run(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    for args in [
        &["staff", "add", "x", "--name", "某", "--role", "reception"][..],
        &["staff", "disable", "wangjg"][..],
        &["settings", "set", "office_name", "别处"][..],
        &["rules", "set", "handle", "--days", "30"][..],
        &["backup", "/tmp/never-written.db"][..],
        &["demo", "--cases", "5"][..],
    ] {
        let out = read_only_run(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("open for reading only here"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(!Path::new("/tmp/never-written.db").exists());
    assert_eq!(snapshot(dir.path()), before, "nothing changed");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_database_made_before_the_application_id_is_recognised_and_upgraded_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = legacy_copy(dir.path());
    let version = |db: &Path| -> (i64, i32) {
        let conn = rusqlite::Connection::open(db).unwrap();
        (
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap(),
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))
                .unwrap(),
        )
    };
    assert_eq!(version(&db), (4, 0));
    let out = xfdesk(&db, &["staff", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("xiaoli"), "{}", stdout(&out));
    assert_eq!(
        version(&db),
        (xfdesk::store::SCHEMA_VERSION, xfdesk::store::APPLICATION_ID)
    );
    let settings = stdout(&xfdesk(&db, &["settings", "list"]));
    assert!(settings.contains("旧县信访局"), "{settings}");
    assert!(settings.contains("office_lang      zh"), "{settings}");
}
