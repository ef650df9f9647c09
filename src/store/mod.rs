//! SQLite storage (DESIGN §7). Every SQL statement of the product lives under this module;
//! callers get domain types back.

mod audit;
pub mod bulk;
mod cases;
mod clocks;
mod intake;
pub(crate) mod notifications;
mod open;
mod records;
mod reference;
mod report;
mod roster;
mod roster_demo;
mod schema;
mod search;
mod spool;
mod staff;
mod supervision;
mod workflow;

pub use crate::domain::reference::CalendarYear;
pub use audit::{Actor, AuditBreak, AuditEntry, AuditKey, AuditReport, BreakReason, Checkpoint};
pub use clocks::{CalendarDay, CalendarImport};
pub use open::{APPLICATION_ID, OpenRefusal};
pub use reference::ReferenceData;
pub use roster::{ImportDone, RosterChanged};
pub use supervision::{CheckRun, RecordedFinding};
pub use workflow::StepDone;

use crate::domain::calendar::Calendar;
use crate::domain::case::TransitionError;
use crate::domain::permission::PermissionDenied;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema version this build writes; a newer file is refused rather than misread.
pub const SCHEMA_VERSION: i64 = schema::LATEST;
pub const TIMESTAMP_FORMAT: &str = "%Y-%m-%d %H:%M:%S";
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// How long a writer waits for another process's write to finish before giving up. Writes
/// take well under a millisecond; this covers a nightly check or a bulk import holding the lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How often a writer waiting for the lock tries again.
const BUSY_POLL: Duration = Duration::from_millis(2);

/// Wait for another process's write: try again every [`BUSY_POLL`] until [`BUSY_TIMEOUT`].
/// SQLite's own busy timeout backs off to 100 ms between tries, so a writer waiting behind a
/// bulk load that commits in batches mostly missed the moment between two batches and waited
/// for several; trying every 2 ms catches the first gap.
fn busy_wait(tries: i32) -> bool {
    let waited = BUSY_POLL * u32::try_from(tries).unwrap_or(u32::MAX);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(BUSY_POLL);
    true
}

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
    /// A workflow step refused by the domain's rules.
    Step(crate::domain::workflow::StepError),
    /// An accountability notice refused.
    Notice(crate::domain::supervision::notice::NoticeError),
    /// A step on several cases at once refused for some of them: nothing was changed.
    Refusals(Vec<CaseRefusal>),
    /// A deadline's extension or suspension refused (once, at most the rule's days, a reason).
    Clock(crate::domain::calendar::ClockError),
    NotFound(String),
    Invalid(String),
    /// A change to the roster refused by the domain's checks.
    Roster(crate::domain::roster::RosterError),
    /// A roster file refused, naming the line; nothing of it was kept.
    RosterImport(crate::domain::roster::import::ImportError),
    /// The path is not an xfdesk database; nothing was changed.
    #[error("{path}: {why}")]
    Refused {
        path: String,
        why: OpenRefusal,
    },
    /// The database could be opened for reading only (a read-only file or an archived copy).
    #[error("{0} is open for reading only here; this command would change it")]
    ReadOnly(String),
    /// The audit key or the checkpoint file: missing, unreadable, or not writable.
    #[error("{0}")]
    Audit(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One case of a selection that refused a step, and why.
#[derive(Debug)]
pub struct CaseRefusal {
    pub number: String,
    pub error: Box<StoreError>,
}

/// A backup taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub cases: u64,
    pub audit_entries: u64,
    /// The checkpoint of the copy's last audit entry.
    pub checkpoint: Checkpoint,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened for reading only: every write is refused in words before it starts.
    read_only: bool,
    /// The schema version of the file (older than the latest only when read-only).
    schema_version: i64,
    /// The audit key and checkpoint file beside the database.
    audit: audit::AuditFiles,
    office_tz: chrono_tz::Tz,
    /// A fixed "now" for tests and reproducible runs; None is the real clock.
    pinned_now: Option<NaiveDateTime>,
    /// Notifications committed by this connection and not yet handed to the notify command
    /// (`take_notification_events`).
    outbox: Vec<crate::domain::notification::NotificationEvent>,
}

impl Store {
    /// Open the database at `path`, creating it if there is none (`init` and tests), and bring
    /// its schema up to date. Anything at `path` that is not an xfdesk database is refused
    /// unchanged.
    pub fn open(path: &Path) -> Result<Self> {
        match open::recognise(path) {
            Ok(open::Found::Xfdesk) => Self::open_xfdesk(path),
            Ok(open::Found::Missing | open::Found::Empty) => Self::create(path),
            Err(why) => Err(refused(path, why)),
        }
    }

    /// Open an existing xfdesk database only (every command but `init`). A missing file, an
    /// empty one, a directory, a device or another program's database is refused in words and
    /// left exactly as it was: no journal, no WAL switch, no migration. An xfdesk database made
    /// by an older version is brought up to date. A file this account may only read is opened
    /// read-only: reading works, and every write is refused in words.
    pub fn open_existing(path: &Path) -> Result<Self> {
        match open::recognise(path) {
            Ok(open::Found::Xfdesk) => Self::open_xfdesk(path),
            Ok(open::Found::Missing) => Err(refused(path, OpenRefusal::Missing)),
            Ok(open::Found::Empty) => Err(refused(path, OpenRefusal::Empty)),
            Err(why) => Err(refused(path, why)),
        }
    }

    /// Open an existing xfdesk database for reading only, whatever this account may do to the
    /// file: nothing is written, no schema is upgraded (`audit verify`, archived copies).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        match open::recognise(path) {
            Ok(open::Found::Xfdesk) => {}
            Ok(open::Found::Missing) => return Err(refused(path, OpenRefusal::Missing)),
            Ok(open::Found::Empty) => return Err(refused(path, OpenRefusal::Empty)),
            Err(why) => return Err(refused(path, why)),
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if conn
            .query_row("PRAGMA user_version", [], |_| Ok(()))
            .is_err()
        {
            let conn = open::read_only_without_side_effects(path)?;
            return Self::setup(conn, path, true);
        }
        Self::setup(conn, path, true)
    }

    fn create(path: &Path) -> Result<Self> {
        if audit::AuditFiles::beside(path).any_present() {
            // A key or checkpoints of an earlier database at this path would not match the new
            // one's chain; keeping them, or replacing them silently, would hide that.
            return Err(refused(path, OpenRefusal::LeftoverAudit));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // SQLite creates files 0644 whatever the umask; the service group must write the
        // database, and SQLite gives the -wal and -shm files the database file's mode.
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660));
        Self::setup(conn, path, false)
    }

    fn open_xfdesk(path: &Path) -> Result<Self> {
        // Without SQLITE_OPEN_CREATE: a file removed meanwhile is not made anew. SQLite opens
        // a file it may not write read-only by itself.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let read_only = conn.is_readonly(rusqlite::MAIN_DB)?;
        if read_only
            && conn
                .query_row("PRAGMA user_version", [], |_| Ok(()))
                .is_err()
        {
            // A read-only WAL database whose shared-memory file cannot be made here (a
            // read-only directory): read the file alone, without locks.
            let conn = open::read_only_without_side_effects(path)?;
            return Self::setup(conn, path, true);
        }
        Self::setup(conn, path, read_only)
    }

    fn setup(mut conn: Connection, path: &Path, read_only: bool) -> Result<Self> {
        conn.busy_handler(Some(busy_wait))?;
        // The search index's triggers call it: without it no case could be written.
        search::register_functions(&conn)?;
        // Lists build their statements from the filters chosen: keep more of them prepared.
        conn.set_prepared_statement_cache_capacity(64);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::LATEST {
            return Err(refused(path, OpenRefusal::TooNew { version }));
        }
        if !read_only {
            // WAL lets readers and one writer work at once; FULL makes a handed-out case
            // number survive a power cut.
            let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Invalid(format!(
                    "the database could not be put in WAL mode (got {mode})"
                )));
            }
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if !read_only && version < schema::LATEST {
            // Take the write lock first so two processes opening a new file do not race.
            conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
            schema::migrations().to_latest(&mut conn)?;
        }
        let schema_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
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
        let mut audit = audit::AuditFiles::beside(path);
        let made = audit.load_or_create(&conn, !read_only && schema_version >= 5)?;
        let store = Self {
            conn,
            path: path.to_path_buf(),
            read_only,
            schema_version,
            audit,
            office_tz,
            pinned_now: None,
            outbox: vec![],
        };
        if made
            && store
                .conn
                .query_row("SELECT EXISTS(SELECT 1 FROM audit)", [], |r| r.get(0))?
        {
            // A chain made before it was keyed: anchor its plain entries as they are now.
            store.anchor("audit.keyed")?;
        }
        Ok(store)
    }

    /// Whether the database was opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The file's schema version: the latest, unless it was opened read-only before an upgrade.
    pub fn schema_version(&self) -> i64 {
        self.schema_version
    }

    /// How long a write waits for another process's write before giving up. Commands wait the
    /// default ten seconds; the screen waits a frame and tries again later, so typing never
    /// stalls behind another process's long write.
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<()> {
        if timeout >= BUSY_TIMEOUT {
            // The commands' own patient wait, which catches the gap between a bulk load's
            // batches.
            self.conn.busy_handler(Some(busy_wait))?;
        } else {
            self.conn.busy_timeout(timeout)?;
        }
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
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&audit::Tx<'_>) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.display().to_string()));
        }
        let tx = audit::Tx {
            tx: self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?,
            audit: &self.audit,
            outbox: std::cell::RefCell::default(),
        };
        let value = f(&tx)?;
        let events = tx.outbox.take();
        tx.tx.commit()?;
        // Only what was committed is told to the outside world.
        self.outbox.extend(events);
        Ok(value)
    }

    /// [`Store::write`] for an audit-relevant admin action: once it is saved, the chain is
    /// anchored with a checkpoint in the digest file.
    pub(crate) fn write_anchored<T>(
        &mut self,
        reason: &str,
        f: impl FnOnce(&audit::Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let value = self.write(f)?;
        self.anchor(reason)?;
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

    /// Change a setting (admin), audited with its old and new value. The value is checked
    /// against the setting's bounds and stored cleaned; returns what was stored.
    pub fn set_setting(
        &mut self,
        actor: &crate::domain::Staff,
        key: &str,
        value: &str,
    ) -> Result<String> {
        crate::domain::permission::require(actor, crate::domain::permission::Act::Administer)?;
        let value = &crate::domain::settings::check_setting_on(key, value, self.today())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = self.now();
        self.write_anchored("setting.set", |tx| {
            staff::acting(tx, actor, crate::domain::permission::Act::Administer)?;
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
        Ok(value.clone())
    }

    /// Take a backup into `dir/file_name` (the actor needs `Act::TakeBackup`: admin together
    /// with a role that may see ID numbers, since the copy holds every ID number whole).
    ///
    /// The backup is audited first, so the copy carries the record of its own making. The copy
    /// is `VACUUM INTO` a file created new (never a file copy, which can catch a half-written
    /// page; never over an existing file; never through a symbolic link), checked, and anchored:
    /// the checkpoint of the copy's last entry goes into the live digest file, and the copy gets
    /// the key and the checkpoints up to it beside it (`NAME.audit-key`, `NAME.audit-digest`),
    /// so `audit verify` checks the copy on its own and a restored copy continues its chain.
    /// Readers and writers carry on meanwhile.
    pub fn backup_to(
        &mut self,
        actor: &crate::domain::Staff,
        dir: &Path,
        file_name: &str,
    ) -> Result<Backup> {
        use crate::domain::permission::Act;
        let target = dir.join(file_name);
        let shown = crate::domain::text::clean_line(&target.display().to_string());
        let now = self.now();
        let key = self.audit.key()?.clone();
        let io =
            |what: &str, e: std::io::Error| StoreError::Invalid(format!("{what} {shown}: {e}"));
        // The file is made first, so that the audit never records a copy that could not even
        // be started (a bad name, a file already there, a directory it may not write).
        let path = crate::os::reserve_new_file(dir, file_name, crate::os::files::PRIVATE_MODE)
            .map_err(|e| io("cannot create", e))?;
        let remove = || {
            let _ = crate::os::files::remove_in(dir, file_name);
        };
        // The entry goes in before the copy is taken, so that the copy's own chain holds it.
        let recorded = self.write(|tx| {
            staff::acting(tx, actor, Act::TakeBackup)?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "backup",
                "database",
                None,
                &format!("a copy of the whole database to {shown}"),
            )
        });
        if let Err(e) = recorded {
            remove();
            return Err(e);
        }
        let target_text = path
            .to_str()
            .ok_or_else(|| StoreError::Invalid("the backup path is not valid UTF-8".into()))?;
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [target_text]) {
            remove();
            // The entry above said a copy was being made: say it was not.
            let later = self.now();
            let _ = self.write(|tx| {
                audit::append(
                    tx,
                    &actor.into(),
                    later,
                    "backup.failed",
                    "database",
                    None,
                    &crate::domain::text::clean_line(&format!("the copy to {shown} failed: {e}")),
                )
            });
            return Err(e.into());
        }
        let copy = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Invalid(format!(
                "the backup at {} failed its check: {check}",
                path.display()
            )));
        }
        let cases: i64 = copy.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?;
        let (last_id, last_hash, count) = audit::chain_end(&copy)?;
        drop(copy);
        let cp = Checkpoint {
            at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
            last_id,
            last_hash,
            count,
            reason: "backup".into(),
        };
        self.write_checkpoint(&cp, &key)?;
        // The copy's own key and checkpoints: those of the live digest its chain reaches, and
        // this one.
        let mut lines: Vec<String> = match self.read_checkpoints(&key)? {
            Ok(read) => read
                .checkpoints
                .into_iter()
                .filter(|c| c.last_id <= last_id)
                .map(|c| c.line(&key))
                .collect(),
            Err(b) => return Err(StoreError::Audit(b.reason.to_string())),
        };
        if !lines.contains(&cp.line(&key)) {
            lines.push(cp.line(&key));
        }
        let mut digest = lines.join("\n");
        digest.push('\n');
        let copy_files = audit::AuditFiles::beside(&path);
        for (file, text, mode) in [
            (
                &copy_files.key_path,
                key.file_text(),
                crate::os::files::PRIVATE_MODE,
            ),
            (
                &copy_files.digest_path,
                digest,
                crate::os::files::SHARED_MODE,
            ),
        ] {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            crate::os::create_new_file_with_mode(dir, &name, text.as_bytes(), mode)
                .map_err(|e| io("cannot write the audit files beside", e))?;
        }
        Ok(Backup {
            path,
            cases: cases as u64,
            audit_entries: count as u64,
            checkpoint: cp,
        })
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

fn refused(path: &Path, why: OpenRefusal) -> StoreError {
    StoreError::Refused {
        path: path.display().to_string(),
        why,
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
