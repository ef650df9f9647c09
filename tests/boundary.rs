//! The boundary's rules, without setgid: `XFDESK_SYSTEM_CONFIG` confines an ordinary process
//! the way the setgid install is confined (a setgid process never reads it; see setgid.rs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn confined(config: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("XFDESK_SYSTEM_CONFIG", config)
        .env("XFDESK_LANG", "en")
        .env_remove("XFDESK_DB");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    std::fs::create_dir(dir.path().join("backups")).unwrap();
    let config = dir.path().join("xfdesk.toml");
    std::fs::write(
        &config,
        format!(
            "db = \"{}\"\nbackup_dir = \"{}\"\n",
            db.display(),
            dir.path().join("backups").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    (dir, db, config)
}

#[test]
fn confined_the_database_comes_from_the_configuration_only() {
    let (dir, _db, config) = setup();
    let out = confined(&config, &["staff", "list"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let elsewhere = dir.path().join("mine.db");
    let out = confined(
        &config,
        &["staff", "list", "--db", elsewhere.to_str().unwrap()],
        &[],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("--db is refused"), "{}", stderr(&out));
    let out = confined(
        &config,
        &["staff", "list"],
        &[("XFDESK_DB", elsewhere.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("XFDESK_DB is refused"),
        "{}",
        stderr(&out)
    );
    let out = confined(&config, &["--demo"], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let out = confined(&config, &["settings", "set", "receipt_dir", "/tmp"], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!elsewhere.exists());
}

#[test]
fn confined_a_backup_goes_only_into_the_backup_directory() {
    let (dir, _db, config) = setup();
    let outside = dir.path().join("copy.db");
    let out = confined(&config, &["backup", outside.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("outside the office's directories"),
        "{}",
        stderr(&out)
    );
    assert!(!outside.exists());
    let sneaky = dir.path().join("backups/../copy.db");
    let out = confined(&config, &["backup", sneaky.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!outside.exists());
    let inside = dir.path().join("backups/copy.db");
    let out = confined(&config, &["backup", inside.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&inside).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o640,
        "the copy is for the owner and the service group only"
    );
    // No backup_dir, no backups.
    std::fs::write(
        &config,
        format!("db = \"{}\"\n", dir.path().join("office.db").display()),
    )
    .unwrap();
    let out = confined(&config, &["backup", inside.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("names no backup_dir"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_configuration_others_may_write_is_refused_in_words() {
    let (_dir, _db, config) = setup();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = confined(&config, &["staff", "list"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("may be written by its group or others"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn confined_init_with_db_is_refused_for_the_db() {
    let (dir, _db, config) = setup();
    let mine = dir.path().join("mine.db");
    let out = confined(&config, &["init", "--db", mine.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("--db is refused"), "{}", stderr(&out));
    assert!(!mine.exists());
}

#[test]
fn confined_a_document_goes_only_into_the_receipt_directory() {
    let (dir, db, config) = setup();
    let receipts = dir.path().join("receipts");
    std::fs::create_dir(&receipts).unwrap();
    let number = registered_case(&db, xfdesk::domain::MatterKind::Request);
    // Beside the database, or among the backups (where a file named like tonight's backup
    // would stop it), a member of staff may not name files.
    for target in [
        dir.path().join("office.db-journal"),
        dir.path().join("backups/office-2026-11-26.db"),
        dir.path().join("receipts/../backups/x.txt"),
    ] {
        let out = confined(
            &config,
            &["doc", &number, "accept", "--out", target.to_str().unwrap()],
            &[],
        );
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("outside the office's directories"),
            "{}",
            stderr(&out)
        );
        assert!(!target.exists(), "{}", target.display());
    }
    let inside = receipts.join("accept.txt");
    let out = confined(
        &config,
        &["doc", &number, "accept", "--out", inside.to_str().unwrap()],
        &[],
    );
    // Not accepted yet: the document waits for its step, but the place itself was allowed.
    assert!(
        !stderr(&out).contains("outside the office's directories"),
        "{}",
        stderr(&out)
    );
}
