//! SQLite storage (DESIGN §7). Every SQL statement of the product lives under this module;
//! callers get domain types back.

mod audit;
pub mod bulk;
mod cases;
mod clocks;
mod intake;
mod reference;
mod roster;
mod schema;
mod search;
mod staff;

pub use crate::domain::reference::CalendarYear;
pub use audit::{Actor, AuditBreak};
pub use clocks::{CalendarDay, CalendarImport};
pub use reference::ReferenceData;

use crate::domain::calendar::Calendar;
use crate::domain::case::TransitionError;
use crate::domain::permission::PermissionDenied;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// How long a writer waits for another process's write to finish before giving up. Writes
/// take well under a millisecond; this covers a nightly check or a bulk import holding the lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the store refused or failed. Its words (in either language) are in `i18n::errors`.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::errors::store_error(crate::i18n::Lang::En, self))]
pub enum StoreError {
    Sqlite(#[from] rusqlite::Error),
    Migration(#[from] rusqlite_migration::Error),
    Denied(#[from] PermissionDenied),
    Transition(#[from] TransitionError),
    /// Optimistic concurrency: someone else saved the record since it was read.
    Stale {
        by: String,
        at: String,
    },
    NotFound(String),
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    office_tz: chrono_tz::Tz,
    /// A fixed "now" for tests and reproducible runs; None is the real clock.
    pinned_now: Option<NaiveDateTime>,
}

impl Store {
    /// Open (creating if needed) the database at `path`, and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let is_new = !path.exists();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if is_new {
            // SQLite creates files 0644 whatever the umask; the service group must write the
            // database, and SQLite gives the -wal and -shm files the database file's mode.
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660));
        }
        Self::setup(conn, path)
    }

    /// Open an existing database only; a missing file is an error, not a new empty database.
    pub fn open_existing(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::NotFound(format!(
                "no database at {} (run `xfdesk init` first, or pass --db)",
                path.display()
            )));
        }
        Self::open(path)
    }

    fn setup(mut conn: Connection, path: &Path) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // The search index's triggers call it: without it no case could be written.
        search::register_functions(&conn)?;
        // Lists build their statements from the filters chosen: keep more of them prepared.
        conn.set_prepared_statement_cache_capacity(64);
        // WAL lets readers and one writer work at once; FULL makes a handed-out case number
        // survive a power cut.
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid(format!(
                "the database could not be put in WAL mode (got {mode})"
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current < schema::LATEST {
            // Take the write lock first so two processes opening a new file do not race.
            conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
            schema::migrations().to_latest(&mut conn)?;
        }
        let tz_name: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'office_tz'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let office_tz = tz_name
            .and_then(|n| n.parse().ok())
            .unwrap_or(chrono_tz::Asia::Shanghai);
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            office_tz,
            pinned_now: None,
        })
    }

    /// How long a write waits for another process's write before giving up. Commands wait the
    /// default ten seconds; the screen waits a frame and tries again later, so typing never
    /// stalls behind another process's long write.
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<()> {
        self.conn.busy_timeout(timeout)?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Office-local time now: dates are counted in the office's time zone, not the server's.
    pub fn now(&self) -> NaiveDateTime {
        self.pinned_now
            .unwrap_or_else(|| crate::domain::calendar::office_local(Utc::now(), self.office_tz))
    }

    /// Fix "now" (office-local), so that date-dependent behaviour can be tested.
    pub fn pin_now(&mut self, now: NaiveDateTime) {
        self.pinned_now = Some(now);
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Run `f` in one `BEGIN IMMEDIATE` transaction: all of it is saved, or none.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Changes whenever another connection commits: the cheap "did anything change?" check.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Change a setting (admin), audited with its old and new value.
    pub fn set_setting(
        &mut self,
        actor: &crate::domain::Staff,
        key: &str,
        value: &str,
    ) -> Result<()> {
        crate::domain::permission::require(actor, crate::domain::permission::Act::Administer)?;
        let now = self.now();
        self.write(|tx| {
            let before: Option<String> = tx
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "setting.set",
                "setting",
                None,
                &format!("{key}: {} -> {value}", before.unwrap_or_default()),
            )
        })?;
        if key == "office_tz"
            && let Ok(tz) = value.parse()
        {
            self.office_tz = tz;
        }
        Ok(())
    }

    /// Write a consistent copy of the database to `file` with `VACUUM INTO` (never a file copy,
    /// which can catch a half-written page). Readers and writers carry on meanwhile. Returns the
    /// number of cases copied. The copy gets the group-writable mode the database has.
    pub fn backup_to(&self, file: &Path) -> Result<u64> {
        let target = file
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the backup path is not valid UTF-8".into()))?;
        self.conn.execute("VACUUM INTO ?1", [target])?;
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o660));
        }
        let copy = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Invalid(format!(
                "the backup at {} failed its check: {check}",
                file.display()
            )));
        }
        let n: i64 = copy.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// The official calendar as loaded into the database.
    pub fn calendar(&self) -> Result<Calendar> {
        load_calendar(&self.conn)
    }

    /// True when `init` has run: someone is staff.
    pub fn is_initialised(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS(SELECT 1 FROM staff)", [], |r| r.get(0))?)
    }
}

pub(crate) fn load_calendar(conn: &Connection) -> Result<Calendar> {
    let mut cal = Calendar::new();
    let years: Vec<i32> = conn
        .prepare("SELECT year FROM calendar_years ORDER BY year")?
        .query_map([], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let mut stmt = conn
        .prepare("SELECT day, kind FROM calendar_days WHERE day >= ?1 AND day < ?2 ORDER BY day")?;
    for year in years {
        let mut holidays = vec![];
        let mut working = vec![];
        let rows = stmt.query_map(
            [format!("{year}-01-01"), format!("{}-01-01", year + 1)],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?;
        for row in rows {
            let (day, kind) = row?;
            let day = parse_date(&day)?;
            if kind == "holiday" {
                holidays.push(day);
            } else {
                working.push(day);
            }
        }
        cal.add_year(year, &holidays, &working);
    }
    Ok(cal)
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, DATE_FORMAT)
        .map_err(|_| StoreError::Invalid(format!("bad date in the database: {s}")))
}

pub(crate) fn parse_timestamp(s: &str) -> Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, TIMESTAMP_FORMAT)
        .map_err(|_| StoreError::Invalid(format!("bad timestamp in the database: {s}")))
}

pub(crate) fn fmt_ts(t: NaiveDateTime) -> String {
    t.format(TIMESTAMP_FORMAT).to_string()
}

pub(crate) fn fmt_date(d: NaiveDate) -> String {
    d.format(DATE_FORMAT).to_string()
}
