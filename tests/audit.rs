//! The audit chain against someone who can edit the database file (DESIGN §7): a deleted tail,
//! an emptied table, an edited row and a rewritten chain are each caught by `audit verify`,
//! which exits 4 and names the first entry missing or altered.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::path::{Path, PathBuf};
use xfdesk::store::{AuditEntry, AuditKey};

/// An office database with some history, anchored by a checkpoint at its end.
fn office(dir: &Path) -> PathBuf {
    let db = initialised_db(dir);
    for (login, name) in [
        ("xiaoli", "小李"),
        ("xiaowang", "小王"),
        ("xiaozhang", "小张"),
    ] {
        let out = xfdesk(
            &db,
            &["staff", "add", login, "--name", name, "--role", "reception"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(xfdesk(&db, &["demo", "--cases", "20"]).status.success());
    let out = xfdesk(&db, &["audit", "checkpoint"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("xfdesk-checkpoint-1 "),
        "{}",
        stdout(&out)
    );
    let ok = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("intact"), "{}", stdout(&ok));
    db
}

/// Someone with the file: the triggers that refuse edits are dropped first.
fn tamper(db: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
}

fn last_id(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT max(id) FROM audit", [], |r| r.get(0))
        .unwrap()
}

fn assert_broken_at(db: &Path, id: i64) -> String {
    let out = xfdesk(db, &["audit", "verify"]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!("broken at entry {id}:")),
        "expected entry {id}: {err}"
    );
    err
}

/// Recompute the hash of every entry from `from` on, as a forger would: with the office's key
/// (one who has read it) or with plain SHA-256 (one who has not).
fn rewrite_chain_from(db: &Path, from: i64, key: Option<&AuditKey>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_no_update;")
        .unwrap();
    let mut prev: String = conn
        .query_row("SELECT hash FROM audit WHERE id = ?1", [from - 1], |r| {
            r.get(0)
        })
        .unwrap();
    let rows: Vec<AuditEntry> = conn
        .prepare(
            "SELECT id, at, staff_id, login, action, entity, entity_id, detail FROM audit
             WHERE id >= ?1 ORDER BY id",
        )
        .unwrap()
        .query_map([from], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                staff_id: r.get(2)?,
                login: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                detail: r.get(7)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for e in rows {
        let hash = e.hash(&prev, key);
        conn.execute(
            "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            rusqlite::params![prev, hash, e.id],
        )
        .unwrap();
        prev = hash;
    }
}

fn key_of(db: &Path) -> AuditKey {
    let mut p = db.as_os_str().to_owned();
    p.push(".audit-key");
    AuditKey::load(Path::new(&p)).unwrap()
}

#[test]
fn a_deleted_tail_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let last = last_id(&db);
    tamper(&db, &format!("DELETE FROM audit WHERE id > {}", last - 2));
    let err = assert_broken_at(&db, last - 1);
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn every_entry_deleted_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    tamper(&db, "DELETE FROM audit");
    assert_broken_at(&db, 1);
}

#[test]
fn every_entry_and_the_checkpoint_file_deleted_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    tamper(&db, "DELETE FROM audit");
    let mut digest = db.as_os_str().to_owned();
    digest.push(".audit-digest");
    std::fs::remove_file(Path::new(&digest)).unwrap();
    let err = assert_broken_at(&db, 1);
    assert!(err.contains("every entry is missing"), "{err}");
}

#[test]
fn an_edited_row_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    tamper(
        &db,
        "UPDATE audit SET detail = 'nothing happened' WHERE id = 3",
    );
    let err = assert_broken_at(&db, 3);
    assert!(err.contains("changed after it was written"), "{err}");
}

#[test]
fn an_edited_row_with_every_later_hash_recomputed_without_the_key_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    tamper(&db, "UPDATE audit SET login = 'nobody' WHERE id = 4");
    rewrite_chain_from(&db, 4, None);
    assert_broken_at(&db, 4);
    // Claiming the rewritten entries were never keyed does not help either.
    tamper(&db, "UPDATE audit SET scheme = 'sha256' WHERE id >= 4");
    assert_broken_at(&db, 4);
}

#[test]
fn an_edited_row_with_every_later_hash_recomputed_with_the_key_is_caught_by_the_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let key = key_of(&db);
    tamper(
        &db,
        "UPDATE audit SET detail = 'nothing happened' WHERE id = 5",
    );
    rewrite_chain_from(&db, 5, Some(&key));
    // Every link and hash is right again; the first checkpoint after the edit is not.
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("differs from the checkpoint"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_altered_or_deleted_checkpoint_file_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let mut digest = db.as_os_str().to_owned();
    digest.push(".audit-digest");
    let digest = PathBuf::from(digest);
    let text = std::fs::read_to_string(&digest).unwrap();
    // Change the count the last checkpoint recorded, as one hiding a deleted tail would.
    let first = text.lines().last().unwrap();
    let mut fields: Vec<String> = first.split(' ').map(str::to_string).collect();
    fields[4] = (fields[4].parse::<i64>().unwrap() - 2).to_string();
    let altered = fields.join(" ");
    std::fs::write(&digest, text.replacen(first, &altered, 1)).unwrap();
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4));
    let n = text.lines().count();
    assert!(
        stderr(&out).contains(&format!("line {n} of the checkpoint file")),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(&digest).unwrap();
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(stderr(&out).contains("checkpoint file"), "{}", stderr(&out));
}

#[test]
fn every_audit_relevant_admin_action_and_backup_writes_a_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut digest = db.as_os_str().to_owned();
    digest.push(".audit-digest");
    let lines = || {
        std::fs::read_to_string(Path::new(&digest))
            .unwrap()
            .lines()
            .count()
    };
    let calendar = dir.path().join("2027.toml");
    std::fs::write(&calendar, "year = 2027\nnotice = \"n\"\n").unwrap();
    let copy = dir.path().join("copy.db");
    for args in [
        &[
            "staff",
            "add",
            "xiaoli",
            "--name",
            "小李",
            "--role",
            "reception",
        ][..],
        &["staff", "disable", "xiaoli"][..],
        &["settings", "set", "office_name", "东城区信访局"][..],
        &["rules", "set", "handle", "--days", "45"][..],
        &["calendar", "import", calendar.to_str().unwrap()][..],
        &["backup", copy.to_str().unwrap()][..],
        &["audit", "checkpoint"][..],
    ] {
        let before = lines();
        let out = xfdesk(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(lines(), before + 1, "{args:?} wrote one checkpoint");
    }
    // The copy carries its own key and checkpoints and verifies on its own.
    let out = xfdesk(&copy, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Its file modes: the key for owner and group to read, no one else.
    use std::os::unix::fs::PermissionsExt;
    let mut key = db.as_os_str().to_owned();
    key.push(".audit-key");
    let mode = std::fs::metadata(Path::new(&key))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn verify_opens_read_only_and_needs_a_staff_member() {
    let dir = tempfile::tempdir().unwrap();
    // A database made before the chain was keyed is checked as it is, not upgraded.
    let db = legacy_copy(dir.path());
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("intact: 6 entries"),
        "{}",
        stdout(&out)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 4, "verify changed nothing");
    drop(conn);
    let mut key = db.as_os_str().to_owned();
    key.push(".audit-key");
    assert!(!Path::new(&key).exists(), "verify made no key");

    // Someone else's database: this account is not staff there, so it may not check it —
    // unless it is root, who can read every file anyway (and so verifies backups).
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    let mut store = xfdesk::store::Store::open(&other).unwrap();
    store.bootstrap_admin("somebody_else", "别人", &[]).unwrap();
    drop(store);
    let out = xfdesk(&other, &["audit", "verify"]);
    let expected = if nix::unistd::getuid().is_root() {
        0
    } else {
        3
    };
    assert_eq!(out.status.code(), Some(expected), "{}", stderr(&out));
}

#[test]
fn a_chain_made_before_it_was_keyed_stays_verifiable_and_continues_keyed() {
    let dir = tempfile::tempdir().unwrap();
    let db = legacy_copy(dir.path());
    // Any writing command upgrades it: the key is made, the plain entries anchored.
    let out = xfdesk(
        &db,
        &[
            "staff",
            "add",
            "xiaozhao",
            "--name",
            "小赵",
            "--role",
            "reception",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(key_of(&db).keyed_from, 7);
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("intact: 7 entries (keyed from entry 7)"),
        "{}",
        stdout(&out)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let schemes: Vec<String> = conn
        .prepare("SELECT scheme FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(&schemes[..6], &["sha256"; 6]);
    assert_eq!(schemes[6], "hmac-sha256");
    drop(conn);
    // The plain part is protected by the checkpoint made when the key was: rewriting it with
    // SHA-256, which needs no key, is caught.
    tamper(&db, "UPDATE audit SET detail = 'x' WHERE id = 2");
    rewrite_chain_from(&db, 2, None);
    assert_broken_at(&db, 6);
}

fn digest_of(db: &Path) -> PathBuf {
    let mut digest = db.as_os_str().to_owned();
    digest.push(".audit-digest");
    PathBuf::from(digest)
}

#[test]
fn a_checkpoint_line_cut_short_is_skipped_and_the_chain_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let digest = digest_of(&db);
    // A write cut short (a full disk, `ulimit -f`): part of a line, no newline.
    let whole = std::fs::read_to_string(&digest).unwrap();
    let last = whole.lines().last().unwrap().to_string();
    let torn = &last[..40];
    std::fs::write(&digest, format!("{whole}{torn}")).unwrap();
    // The next checkpoint ends the torn line first instead of running on from it.
    let out = xfdesk(&db, &["audit", "checkpoint"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&digest).unwrap();
    assert!(
        text.contains(&format!("{torn}\nxfdesk-checkpoint-1 ")),
        "{text}"
    );
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("incomplete"), "{}", stderr(&out));
    // A file written before appends ended such lines: the torn part and the next checkpoint
    // on one line. The checkpoint is still read, and still checked.
    std::fs::write(&digest, format!("{whole}{torn}{last}\n")).unwrap();
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // And tampering behind it is still caught.
    tamper(
        &db,
        &format!("DELETE FROM audit WHERE id = {}", last_id(&db)),
    );
    assert_broken_at(&db, last_id(&db) + 1);
}

#[test]
fn lowering_the_schema_version_does_not_turn_the_key_and_checkpoints_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    tamper(
        &db,
        "UPDATE audit SET detail = 'nothing happened' WHERE id = 4;
         UPDATE audit SET scheme = 'sha256';
         PRAGMA user_version = 4;",
    );
    rewrite_chain_from(&db, 4, None);
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
}

#[test]
fn a_chain_rewritten_with_a_new_key_and_new_checkpoints_is_caught_by_a_line_kept_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    // The nightly line, as cron mails it.
    let out = xfdesk(&db, &["audit", "checkpoint"]);
    let mail = dir.path().join("mail.txt");
    std::fs::write(
        &mail,
        format!(
            "From: cron\nSubject: xfdesk audit checkpoint\n\n{}",
            stdout(&out)
        ),
    )
    .unwrap();
    // Someone holding the service group: a key of their own, the chain rewritten from its
    // first entry with it, and a checkpoint file to match.
    let mut key_path = db.as_os_str().to_owned();
    key_path.push(".audit-key");
    let forged_key = "# forged\nkey = \"".to_string() + &"ab".repeat(32) + "\"\nkeyed_from = 1\n";
    std::fs::write(&key_path, forged_key).unwrap();
    let key = key_of(&db);
    tamper(
        &db,
        "UPDATE audit SET detail = 'nothing happened' WHERE id = 3",
    );
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP TRIGGER IF EXISTS audit_no_update;")
            .unwrap();
        conn.execute(
            "UPDATE audit SET prev_hash = ?1 WHERE id = 1",
            ["0".repeat(64)],
        )
        .unwrap();
    }
    rewrite_chain_from_start(&db, &key);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (last, hash, count): (i64, String, i64) = conn
        .query_row(
            "SELECT max(id), (SELECT hash FROM audit ORDER BY id DESC LIMIT 1), count(*) FROM audit",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let forged = xfdesk::store::Checkpoint {
        at: "2026-11-25T23:00:00".into(),
        last_id: last,
        last_hash: hash,
        count,
        reason: "audit.checkpoint".into(),
    };
    std::fs::write(digest_of(&db), format!("{}\n", forged.line(&key))).unwrap();
    // On its own the file now agrees with itself…
    let out = xfdesk(&db, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // …but not with the line kept elsewhere.
    let out = xfdesk(
        &db,
        &[
            "audit",
            "verify",
            "--checkpoints-from",
            mail.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("key was replaced"),
        "{}",
        stderr(&out)
    );
}

/// Recompute every entry's hash from the first, with `key`.
fn rewrite_chain_from_start(db: &Path, key: &AuditKey) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_no_update;")
        .unwrap();
    let first: i64 = conn
        .query_row("SELECT min(id) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(first, 1);
    let mut prev = "0".repeat(64);
    let rows: Vec<AuditEntry> = conn
        .prepare(
            "SELECT id, at, staff_id, login, action, entity, entity_id, detail FROM audit ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                staff_id: r.get(2)?,
                login: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                detail: r.get(7)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for e in rows {
        let hash = e.hash(&prev, Some(key));
        conn.execute(
            "UPDATE audit SET prev_hash = ?1, hash = ?2, scheme = 'hmac-sha256' WHERE id = ?3",
            rusqlite::params![prev, hash, e.id],
        )
        .unwrap();
        prev = hash;
    }
}
