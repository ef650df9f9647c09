//! Recognising an xfdesk database before anything touches it (DESIGN §6: every command but
//! `init` opens only an existing xfdesk database and refuses anything else unchanged).
//!
//! SQLite itself changes a file as soon as it is asked to: a journal beside it, WAL mode, the
//! migrations. So the file is first read as plain bytes: its 100-byte header says whether it
//! is SQLite at all, and carries the application id xfdesk sets. Only a file without an id
//! (one made before the id was set, or not yet checkpointed) is looked into, through a
//! read-only connection that creates nothing.

use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every xfdesk database: "XFDK".
pub const APPLICATION_ID: i32 = 0x5846_444B;

/// The header every SQLite 3 database file begins with.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Tables every xfdesk database has had since its first schema version.
const CORE_TABLES: [&str; 6] = [
    "settings",
    "staff",
    "staff_roles",
    "cases",
    "contacts",
    "audit",
];

/// Why a path was not opened as an xfdesk database. Nothing was changed in any case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenRefusal {
    Missing,
    Directory,
    /// A device, a pipe or a socket (`/dev/null`).
    NotAFile,
    Empty,
    NotSqlite,
    /// Another program's SQLite database (it set its own application id).
    OtherProgram {
        application_id: i32,
    },
    /// An SQLite database without xfdesk's tables.
    NotXfdesk,
    /// Made by a newer xfdesk than this one.
    TooNew {
        version: i64,
    },
    /// `init` on a path whose audit key or checkpoint file of an earlier database is still there.
    LeftoverAudit,
    Unreadable(String),
}

impl std::fmt::Display for OpenRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenRefusal::Missing => {
                f.write_str("there is no database there (run `xfdesk init` first, or pass --db)")
            }
            OpenRefusal::Directory => f.write_str("it is a directory, not a database file"),
            OpenRefusal::NotAFile => {
                f.write_str("it is not a regular file (a device, a pipe or a socket)")
            }
            OpenRefusal::Empty => f.write_str(
                "it is an empty file, not an xfdesk database (`xfdesk init` creates one)",
            ),
            OpenRefusal::NotSqlite => f.write_str("it is not an SQLite database"),
            OpenRefusal::OtherProgram { application_id } => write!(
                f,
                "it is another program's SQLite database (application id {application_id:#x}); it was left unchanged"
            ),
            OpenRefusal::NotXfdesk => {
                f.write_str("it is an SQLite database but not an xfdesk one; it was left unchanged")
            }
            OpenRefusal::TooNew { version } => write!(
                f,
                "it was made by a newer xfdesk (schema version {version}); use that version"
            ),
            OpenRefusal::LeftoverAudit => f.write_str(
                "the audit key or checkpoint file of an earlier database is still beside it (.audit-key, .audit-digest); move them away before making a new database there",
            ),
            OpenRefusal::Unreadable(e) => write!(f, "it cannot be read: {e}"),
        }
    }
}

/// What a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// An xfdesk database (by its application id, or by its schema if made before the id).
    Xfdesk,
    /// No file yet. Only `init` may create a database there.
    Missing,
    /// An empty file, as `mktemp` leaves: only `init` may make a database of it.
    Empty,
}

/// Look at `path` without changing anything, and say whether it is an xfdesk database.
pub(crate) fn recognise(path: &Path) -> Result<Found, OpenRefusal> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(OpenRefusal::Unreadable(e.to_string())),
    };
    if meta.is_dir() {
        return Err(OpenRefusal::Directory);
    }
    if !meta.is_file() {
        return Err(OpenRefusal::NotAFile);
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| OpenRefusal::Unreadable(e.to_string()))?;
    if file.read_exact(&mut header).is_err() || &header[..16] != SQLITE_MAGIC {
        return Err(OpenRefusal::NotSqlite);
    }
    let field = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, i32::from_be_bytes)
    };
    match field(68) {
        APPLICATION_ID => Ok(Found::Xfdesk),
        0 => look_inside(path),
        other => Err(OpenRefusal::OtherProgram {
            application_id: other,
        }),
    }
}

/// A file without an application id: made by xfdesk before the id was set (recognised by its
/// schema version and tables), or made just now with the id still in the write-ahead log.
fn look_inside(path: &Path) -> Result<Found, OpenRefusal> {
    let conn =
        read_only_without_side_effects(path).map_err(|e| OpenRefusal::Unreadable(e.to_string()))?;
    let read = |sql: &str| -> Result<i64, OpenRefusal> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => OpenRefusal::NotSqlite,
                _ => OpenRefusal::Unreadable(e.to_string()),
            })
    };
    if read("PRAGMA application_id")? == i64::from(APPLICATION_ID) {
        return Ok(Found::Xfdesk);
    }
    let version = read("PRAGMA user_version")?;
    let mut tables = 0;
    for t in CORE_TABLES {
        tables += read(&format!(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{t}'"
        ))?;
    }
    if version >= 1 && tables == CORE_TABLES.len() as i64 {
        Ok(Found::Xfdesk)
    } else {
        Err(OpenRefusal::NotXfdesk)
    }
}

/// A read-only connection that writes nothing beside the file. When no write-ahead log is
/// there, the file alone is the whole database, and `immutable=1` reads it without locks,
/// journals or shared-memory files. When a log is there, someone is using it; its files exist
/// already and an ordinary read-only connection reads through them.
pub(crate) fn read_only_without_side_effects(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if sidecar(path, "-wal").exists() {
        Connection::open_with_flags(path, flags)
    } else {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(path)),
            flags | OpenFlags::SQLITE_OPEN_URI,
        )
    }
}

/// `path` with a suffix on its file name: `office.db` → `office.db-wal`.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path as the path part of an SQLite `file:` URI: everything but unreserved characters and
/// `/` percent-encoded, so `?`, `#` and `%` in a file name stay part of the name.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_paths_keep_odd_characters_in_the_name() {
        assert_eq!(
            uri_path(Path::new("/a b/c?d#e%f.db")),
            "/a%20b/c%3Fd%23e%25f.db"
        );
    }
}
