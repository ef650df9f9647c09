//! The audit log (DESIGN §7): append-only (triggers refuse UPDATE and DELETE), hash-chained,
//! keyed, and anchored outside the database.
//!
//! - Each entry carries the hash of the one before it and its own. Entries written before the
//!   chain was keyed (schema version 4 and earlier) are plain SHA-256; every later entry is
//!   HMAC-SHA256 with the office's key, so whoever can edit the file but not read the key
//!   cannot forge an entry or rewrite the chain after an edit.
//! - The key lives in `DB.audit-key` beside the database (mode 0640: its owner and the service
//!   group read it), made when the database is created or first upgraded. It records the first
//!   keyed entry; entries before it must be plain, entries from it keyed.
//! - Checkpoints (the last entry's id and hash, the number of entries, the time) are appended
//!   to `DB.audit-digest` by every backup, every audit-relevant admin action and
//!   `xfdesk audit checkpoint`, each line MACed with the key, as CloudTrail's digest files
//!   anchor its logs. A deleted tail, an emptied table or a rewritten chain no longer matches
//!   the checkpoints made before it.

use super::{Result, Store, StoreError, fmt_ts};
use chrono::NaiveDateTime;
use hmac::{Hmac, KeyInit, Mac};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The scheme of entries made before the chain was keyed.
pub const PLAIN: &str = "sha256";
/// The scheme of keyed entries.
pub const KEYED: &str = "hmac-sha256";

/// Who is acting: a staff member, or (for bootstrap) the OS account before it is staff.
#[derive(Debug, Clone)]
pub struct Actor {
    pub staff_id: Option<i64>,
    pub login: String,
}

impl From<&crate::domain::Staff> for Actor {
    fn from(s: &crate::domain::Staff) -> Self {
        Actor {
            staff_id: Some(s.id),
            login: s.login.clone(),
        }
    }
}

/// The first entry (or checkpoint) that does not match, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBreak {
    /// The entry: the first one altered, or the first one missing.
    pub id: i64,
    pub reason: BreakReason,
}

/// Why the chain does not verify. `Display` gives the English words; `i18n::cli` the Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BreakReason {
    /// The key the chain is signed with cannot be read (`why` as the file system said).
    KeyUnavailable {
        why: String,
    },
    DigestUnreadable {
        path: String,
        error: String,
    },
    /// A whole line of the checkpoint file whose fields or MAC are not as written.
    DigestLineAltered {
        line: usize,
        path: String,
        why: String,
    },
    /// A checkpoint line kept elsewhere that is not this office's (or the key was replaced).
    KeptLineRejected {
        why: String,
    },
    EntriesMissingBefore {
        from: i64,
        to: i64,
    },
    LinkBroken,
    SchemeMismatch {
        scheme: String,
        keyed_from: i64,
    },
    ContentsChanged,
    CheckpointRewritten {
        at: String,
        reason: String,
    },
    CheckpointCount {
        at: String,
        counted: i64,
        found: i64,
    },
    CheckpointNamesMissing {
        at: String,
        reason: String,
    },
    TailMissing {
        from: i64,
        at: String,
        reason: String,
        count: i64,
        last_id: i64,
    },
    AllMissing,
    DigestMissing {
        path: String,
    },
}

impl std::fmt::Display for BreakReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use BreakReason::*;
        match self {
            KeyUnavailable { why } => write!(f, "{why}: the chain cannot be checked without it"),
            DigestUnreadable { path, error } => {
                write!(f, "the checkpoint file {path} cannot be read: {error}")
            }
            DigestLineAltered { line, path, why } => {
                write!(f, "line {line} of the checkpoint file {path} {why}")
            }
            KeptLineRejected { why } => write!(
                f,
                "the checkpoint line given {why}: the key was replaced, or the line is not this office's"
            ),
            EntriesMissingBefore { from, to } if from == to => {
                write!(f, "entry {from} before it is missing")
            }
            EntriesMissingBefore { from, to } => {
                write!(f, "entries {from} to {to} before it are missing")
            }
            LinkBroken => f.write_str("its link to the entry before does not match"),
            SchemeMismatch { scheme, keyed_from } => write!(
                f,
                "it says it is {scheme}, but entries from {keyed_from} on are keyed"
            ),
            ContentsChanged => f.write_str("its contents were changed after it was written"),
            CheckpointRewritten { at, reason } => write!(
                f,
                "it differs from the checkpoint of {at} ({reason}): the chain up to it was rewritten"
            ),
            CheckpointCount { at, counted, found } => write!(
                f,
                "the checkpoint of {at} counted {counted} entries up to it, there are {found}"
            ),
            CheckpointNamesMissing { at, reason } => write!(
                f,
                "the checkpoint of {at} ({reason}) names it, but it is missing"
            ),
            TailMissing {
                from,
                at,
                reason,
                count,
                last_id,
            } => write!(
                f,
                "entry {from} and those after it are missing: the checkpoint of {at} ({reason}) recorded {count} entries up to entry {last_id}"
            ),
            AllMissing => f.write_str(
                "every entry is missing: the database has staff but its audit log is empty",
            ),
            DigestMissing { path } => write!(
                f,
                "the checkpoint file {path} is missing or empty: the chain cannot be checked against it"
            ),
        }
    }
}

/// What an intact chain holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    pub entries: u64,
    /// The first keyed entry, when the chain is keyed.
    pub keyed_from: Option<i64>,
    /// Checkpoints checked against the chain.
    pub checkpoints: usize,
    pub last_checkpoint: Option<Checkpoint>,
    /// Lines of the checkpoint file that are not whole checkpoints (a write cut short by a
    /// full disk or a size limit), by line number: skipped, the rest checked.
    pub torn_lines: Vec<usize>,
    /// Whether the checkpoint file is append-only (`chattr +a`); None when it cannot be told.
    /// Without it, whoever holds the service group can rewrite the chain and its checkpoints
    /// together: only lines kept elsewhere (mailed) catch that.
    pub digest_append_only: Option<bool>,
}

/// One anchor of the chain, as appended to the digest file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Office-local time, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    /// The last entry then (0 when there was none).
    pub last_id: i64,
    pub last_hash: String,
    /// How many entries there were.
    pub count: i64,
    /// What made it: `backup`, `staff.add`, `audit.checkpoint`, …
    pub reason: String,
}

const CHECKPOINT_TAG: &str = "xfdesk-checkpoint-1";

impl Checkpoint {
    fn signed_part(&self) -> String {
        format!(
            "{CHECKPOINT_TAG} {} {} {} {} {}",
            self.at, self.last_id, self.last_hash, self.count, self.reason
        )
    }

    /// The line in the digest file: the fields and their MAC.
    pub fn line(&self, key: &AuditKey) -> String {
        let body = self.signed_part();
        format!("{body} {}", key.mac(&[body.as_bytes()]))
    }

    /// Read one digest line, checking its MAC.
    fn parse(line: &str, key: &AuditKey) -> std::result::Result<Checkpoint, CheckpointError> {
        let fields: Vec<&str> = line.split(' ').collect();
        let [tag, at, last_id, last_hash, count, reason, mac] = fields[..] else {
            return Err(CheckpointError::Incomplete);
        };
        // A line cut short ends in a partial MAC (or earlier): not the 64 hex digits.
        if tag != CHECKPOINT_TAG || mac.len() != 64 || !mac.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(CheckpointError::Incomplete);
        }
        let cp = Checkpoint {
            at: at.to_string(),
            last_id: last_id
                .parse()
                .map_err(|_| CheckpointError::Altered("has no entry number"))?,
            last_hash: last_hash.to_string(),
            count: count
                .parse()
                .map_err(|_| CheckpointError::Altered("has no count"))?,
            reason: reason.to_string(),
        };
        if !key.verify_mac(&[cp.signed_part().as_bytes()], mac) {
            return Err(CheckpointError::Altered(
                "was altered (its MAC does not match the audit key)",
            ));
        }
        Ok(cp)
    }
}

/// The checkpoint file as read: its checkpoints, and the numbers of the lines cut short.
#[derive(Debug, Default)]
pub(crate) struct DigestRead {
    pub(crate) checkpoints: Vec<Checkpoint>,
    pub(crate) torn_lines: Vec<usize>,
}

/// Why a digest line is not a checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CheckpointError {
    /// Not a whole line: a write cut short.
    Incomplete,
    /// Whole, but not as it was written.
    Altered(&'static str),
}

impl std::fmt::Display for CheckpointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckpointError::Incomplete => f.write_str("is not a whole checkpoint line"),
            CheckpointError::Altered(why) => f.write_str(why),
        }
    }
}

/// The office's audit key and the first entry it signs.
#[derive(Clone)]
pub struct AuditKey {
    secret: Vec<u8>,
    pub keyed_from: i64,
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditKey")
            .field("keyed_from", &self.keyed_from)
            .finish_non_exhaustive()
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    key: String,
    keyed_from: i64,
}

impl AuditKey {
    /// A new random key signing from entry `keyed_from` on.
    fn generate(keyed_from: i64) -> std::result::Result<Self, String> {
        use rand::TryRngCore;
        let mut secret = vec![0u8; 32];
        rand::rngs::OsRng
            .try_fill_bytes(&mut secret)
            .map_err(|e| format!("no random source for the audit key: {e}"))?;
        Ok(Self { secret, keyed_from })
    }

    pub(crate) fn file_text(&self) -> String {
        format!(
            "# xfdesk audit key. Keep it readable by its owner and the service group only (0640).\n\
             # Audit entries from keyed_from on are HMAC-SHA256 with this key; earlier ones are SHA-256.\n\
             key = \"{}\"\nkeyed_from = {}\n",
            hex::encode(&self.secret),
            self.keyed_from
        )
    }

    /// Read a key file.
    pub fn load(path: &Path) -> std::result::Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("the audit key {} cannot be read: {e}", path.display()))?;
        let file: KeyFile = toml::from_str(&text)
            .map_err(|e| format!("the audit key {} is not valid: {e}", path.display()))?;
        let secret = hex::decode(&file.key)
            .ok()
            .filter(|k| k.len() == 32)
            .ok_or_else(|| format!("the audit key {} is not 32 bytes of hex", path.display()))?;
        Ok(Self {
            secret,
            keyed_from: file.keyed_from,
        })
    }

    // HMAC accepts a key of any length (RFC 2104 hashes a long one), so this cannot fail.
    #[allow(clippy::expect_used)]
    fn hmac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret).expect("HMAC takes any key length")
    }

    fn mac(&self, parts: &[&[u8]]) -> String {
        let mut m = self.hmac();
        for p in parts {
            m.update(p);
        }
        hex::encode(m.finalize().into_bytes())
    }

    fn verify_mac(&self, parts: &[&[u8]], mac_hex: &str) -> bool {
        let Ok(expected) = hex::decode(mac_hex) else {
            return false;
        };
        let mut m = self.hmac();
        for p in parts {
            m.update(p);
        }
        // Constant time: a forger learns nothing from how long a refusal takes.
        m.verify_slice(&expected).is_ok()
    }
}

/// One audit entry's contents, as hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub staff_id: Option<i64>,
    pub login: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: String,
}

impl AuditEntry {
    /// The entry's hash after `prev`: plain SHA-256 without a key, HMAC-SHA256 with one (which
    /// also binds the entry's id). Fields are separated by the unit separator, so their
    /// boundaries are unambiguous.
    pub fn hash(&self, prev: &str, key: Option<&AuditKey>) -> String {
        let staff = self.staff_id.map(|v| v.to_string()).unwrap_or_default();
        let entity_id = self.entity_id.map(|v| v.to_string()).unwrap_or_default();
        let fields: [&str; 8] = [
            prev,
            &self.at,
            &staff,
            &self.login,
            &self.action,
            &self.entity,
            &entity_id,
            &self.detail,
        ];
        match key {
            None => {
                let mut h = Sha256::new();
                for part in fields {
                    h.update(part.as_bytes());
                    h.update([0x1f]);
                }
                hex::encode(h.finalize())
            }
            Some(key) => {
                let id = self.id.to_string();
                let mut parts: Vec<&[u8]> = vec![b"xfdesk-audit-2", b"\x1f", id.as_bytes()];
                for part in fields {
                    parts.push(b"\x1f");
                    parts.push(part.as_bytes());
                }
                key.mac(&parts)
            }
        }
    }
}

/// The audit files beside a database, and the key as read at open.
pub(crate) struct AuditFiles {
    pub(crate) key_path: PathBuf,
    pub(crate) digest_path: PathBuf,
    /// The key, or why there is none to write with.
    pub(crate) key: std::result::Result<AuditKey, String>,
}

impl AuditFiles {
    pub(crate) fn beside(db: &Path) -> Self {
        let key_path = super::open::sidecar(db, ".audit-key");
        Self {
            key: Err(format!(
                "the audit key {} has not been read",
                key_path.display()
            )),
            digest_path: super::open::sidecar(db, ".audit-digest"),
            key_path,
        }
    }

    fn dir_and_name(path: &Path) -> (PathBuf, String) {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (dir, name)
    }

    /// Whether a key or a digest is there (a leftover of an earlier database, before a new one
    /// is made).
    pub(crate) fn any_present(&self) -> bool {
        [&self.key_path, &self.digest_path].iter().any(|p| {
            let (dir, name) = Self::dir_and_name(p);
            crate::os::files::exists_no_follow(&dir, &name)
        })
    }

    /// Read the key, making it first when `may_create` and the chain has no keyed entry yet.
    /// Returns true when a key was made now.
    pub(crate) fn load_or_create(&mut self, conn: &Connection, may_create: bool) -> Result<bool> {
        let (dir, name) = Self::dir_and_name(&self.key_path);
        if crate::os::files::exists_no_follow(&dir, &name) {
            self.key = AuditKey::load(&self.key_path);
            return Ok(false);
        }
        if !may_create {
            self.key = Err(format!(
                "the audit key {} is missing",
                self.key_path.display()
            ));
            return Ok(false);
        }
        let keyed: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM audit WHERE scheme = ?1)",
            [KEYED],
            |r| r.get(0),
        )?;
        if keyed {
            // The chain was keyed and the key is gone: making a new one would hide that.
            self.key = Err(format!(
                "the audit key {} is missing; the chain was keyed with it and cannot be continued",
                self.key_path.display()
            ));
            return Ok(false);
        }
        let next: i64 = conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit", [], |r| {
            r.get(0)
        })?;
        let key = match AuditKey::generate(next) {
            Ok(key) => key,
            Err(why) => {
                self.key = Err(why);
                return Ok(false);
            }
        };
        match crate::os::files::create_new_file(&dir, &name, key.file_text().as_bytes()) {
            Ok(_) => {
                self.key = Ok(key);
                Ok(true)
            }
            // Another process opening the same file made it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                self.key = AuditKey::load(&self.key_path);
                Ok(false)
            }
            Err(e) => {
                self.key = Err(format!(
                    "the audit key {} could not be made: {e}",
                    self.key_path.display()
                ));
                Ok(false)
            }
        }
    }

    pub(crate) fn key(&self) -> Result<&AuditKey> {
        self.key.as_ref().map_err(|e| StoreError::Audit(e.clone()))
    }
}

/// A write transaction, with the audit key its entries are signed with.
pub(crate) struct Tx<'c> {
    pub(crate) tx: Transaction<'c>,
    pub(crate) audit: &'c AuditFiles,
    /// Notifications recorded in this transaction, handed on once it commits.
    pub(crate) outbox: std::cell::RefCell<Vec<crate::domain::notification::NotificationEvent>>,
}

impl<'c> std::ops::Deref for Tx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

/// Append one entry inside the caller's transaction (the same one as the change it records).
#[allow(clippy::too_many_arguments)]
pub(crate) fn append(
    tx: &Tx<'_>,
    actor: &Actor,
    at: NaiveDateTime,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<()> {
    let key = tx.audit.key()?;
    let (last_id, prev): (i64, String) = tx
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_else(|| (0, GENESIS.to_string()));
    let entry = AuditEntry {
        id: last_id + 1,
        at: fmt_ts(at),
        staff_id: actor.staff_id,
        login: actor.login.clone(),
        action: action.to_string(),
        entity: entity.to_string(),
        entity_id,
        detail: detail.to_string(),
    };
    let hash = entry.hash(&prev, Some(key));
    tx.execute(
        "INSERT INTO audit (id, at, staff_id, login, action, entity, entity_id, detail, prev_hash,
            hash, scheme)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            entry.id,
            entry.at,
            entry.staff_id,
            entry.login,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.detail,
            prev,
            hash,
            KEYED
        ],
    )?;
    Ok(())
}

/// The chain's end as one consistent read: last id and hash, and the count.
pub(crate) fn chain_end(conn: &Connection) -> Result<(i64, String, i64)> {
    conn.execute_batch("BEGIN")?;
    let read = (|| -> Result<(i64, String, i64)> {
        let (id, hash) = conn
            .query_row(
                "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or_else(|| (0, GENESIS.to_string()));
        let count: i64 = conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?;
        Ok((id, hash, count))
    })();
    conn.execute_batch("COMMIT")?;
    read
}

impl Store {
    /// Append a checkpoint of the chain as it is now to the digest file. Called after every
    /// audit-relevant admin action and backup, by `xfdesk audit checkpoint`, and when the key
    /// is first made.
    pub(crate) fn anchor(&self, reason: &str) -> Result<Checkpoint> {
        let key = self.audit.key()?;
        let (last_id, last_hash, count) = chain_end(&self.conn)?;
        let cp = Checkpoint {
            at: self.now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            last_id,
            last_hash,
            count,
            reason: reason.to_string(),
        };
        self.write_checkpoint(&cp, key)?;
        Ok(cp)
    }

    pub(crate) fn write_checkpoint(&self, cp: &Checkpoint, key: &AuditKey) -> Result<()> {
        let (dir, name) = AuditFiles::dir_and_name(&self.audit.digest_path);
        crate::os::files::append_line(&dir, &name, &cp.line(key), crate::os::files::SHARED_MODE)
            .map_err(|e| {
                StoreError::Audit(format!(
                    "the change was saved, but its checkpoint could not be written to {}: {e}",
                    self.audit.digest_path.display()
                ))
            })
    }

    /// `xfdesk audit checkpoint`: anchor the chain as it is now (any active staff member; the
    /// nightly check calls it). Returns the checkpoint, whose line can also be kept elsewhere.
    pub fn audit_checkpoint(
        &mut self,
        actor: &crate::domain::Staff,
        reason: &str,
    ) -> Result<Checkpoint> {
        super::staff::acting(
            &self.conn,
            actor,
            crate::domain::permission::Act::AnchorAudit,
        )?;
        self.anchor(reason)
    }

    /// The checkpoint line as written in the digest file.
    pub fn checkpoint_line(&self, cp: &Checkpoint) -> Result<String> {
        Ok(cp.line(self.audit.key()?))
    }

    /// The key file and the digest file of this database.
    pub fn audit_files(&self) -> (&Path, &Path) {
        (&self.audit.key_path, &self.audit.digest_path)
    }

    /// Check the whole chain: every link and every entry's hash (with the key from the first
    /// keyed entry on), then every checkpoint in the digest file against it. The first entry
    /// missing or altered is named.
    pub fn verify_audit(&self) -> Result<std::result::Result<AuditReport, AuditBreak>> {
        self.verify_audit_against(&[])
    }

    /// [`Store::verify_audit`], also against checkpoint lines kept elsewhere (mailed by cron,
    /// printed): each must carry this office's MAC and match the chain. They catch a chain
    /// rewritten together with its key and checkpoint file by someone holding the service group.
    pub fn verify_audit_against(
        &self,
        kept_lines: &[String],
    ) -> Result<std::result::Result<AuditReport, AuditBreak>> {
        // Whether entries are keyed is not read from the schema version alone: lowering it
        // would turn the key and every checkpoint off. Any sign of a keyed chain counts.
        let keyed = self.schema_version >= 5
            || self.audit.any_present()
            || self.audit_has_scheme_column()?
            || self.application_id()? == super::APPLICATION_ID;
        let key = match (&self.audit.key, keyed) {
            (Ok(k), true) => Some(k),
            (Err(e), true) => {
                return Ok(Err(AuditBreak {
                    id: 1,
                    reason: BreakReason::KeyUnavailable { why: e.clone() },
                }));
            }
            (_, false) => None,
        };
        let DigestRead {
            mut checkpoints,
            torn_lines,
        } = match key {
            Some(key) => match self.read_checkpoints(key)? {
                Ok(read) => read,
                Err(b) => return Ok(Err(b)),
            },
            None => DigestRead::default(),
        };
        if let Some(key) = key {
            for line in kept_lines {
                match Checkpoint::parse(line.trim(), key) {
                    Ok(cp) => checkpoints.push(cp),
                    Err(why) => {
                        return Ok(Err(AuditBreak {
                            id: key.keyed_from,
                            reason: BreakReason::KeptLineRejected {
                                why: why.to_string(),
                            },
                        }));
                    }
                }
            }
        }
        let has_scheme = self.audit_has_scheme_column()?;
        let sql = if has_scheme {
            "SELECT id, at, staff_id, login, action, entity, entity_id, detail, prev_hash, hash, scheme
             FROM audit ORDER BY id"
        } else {
            // A read-only copy made before the chain was keyed has no scheme column.
            "SELECT id, at, staff_id, login, action, entity, entity_id, detail, prev_hash, hash, 'sha256'
             FROM audit ORDER BY id"
        };
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS.to_string();
        let mut count = 0i64;
        let mut last_id = 0i64;
        let mut sorted: Vec<&Checkpoint> = checkpoints.iter().collect();
        sorted.sort_by_key(|c| c.last_id);
        // A checkpoint of an empty chain names no entry.
        let mut next_cp = sorted.iter().take_while(|c| c.last_id == 0).count();
        while let Some(r) = rows.next()? {
            let entry = AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                staff_id: r.get(2)?,
                login: r.get(3)?,
                action: r.get(4)?,
                entity: r.get(5)?,
                entity_id: r.get(6)?,
                detail: r.get(7)?,
            };
            let prev_hash: String = r.get(8)?;
            let hash: String = r.get(9)?;
            let scheme: String = r.get(10)?;
            let id = entry.id;
            let broken = |reason: BreakReason| Ok(Err(AuditBreak { id, reason }));
            if id != last_id + 1 {
                return Ok(Err(AuditBreak {
                    id: last_id + 1,
                    reason: BreakReason::EntriesMissingBefore {
                        from: last_id + 1,
                        to: id - 1,
                    },
                }));
            }
            if prev_hash != prev {
                return broken(BreakReason::LinkBroken);
            }
            let should_be_keyed = key.is_some_and(|k| id >= k.keyed_from);
            let expected_scheme = if should_be_keyed { KEYED } else { PLAIN };
            if scheme != expected_scheme {
                return broken(BreakReason::SchemeMismatch {
                    scheme,
                    keyed_from: key.map_or(0, |k| k.keyed_from),
                });
            }
            let signer = if should_be_keyed { key } else { None };
            if entry.hash(&prev_hash, signer) != hash {
                return broken(BreakReason::ContentsChanged);
            }
            count += 1;
            while let Some(&cp) = sorted.get(next_cp).filter(|c| c.last_id == id) {
                if cp.last_hash != hash {
                    return broken(BreakReason::CheckpointRewritten {
                        at: cp.at.clone(),
                        reason: cp.reason.clone(),
                    });
                }
                if cp.count != count {
                    return broken(BreakReason::CheckpointCount {
                        at: cp.at.clone(),
                        counted: cp.count,
                        found: count,
                    });
                }
                next_cp += 1;
            }
            if let Some(&cp) = sorted.get(next_cp).filter(|c| c.last_id < id) {
                return Ok(Err(AuditBreak {
                    id: cp.last_id,
                    reason: BreakReason::CheckpointNamesMissing {
                        at: cp.at.clone(),
                        reason: cp.reason.clone(),
                    },
                }));
            }
            prev = hash;
            last_id = id;
        }
        if let Some(cp) = sorted.iter().skip(next_cp).find(|c| c.last_id > last_id) {
            return Ok(Err(AuditBreak {
                id: last_id + 1,
                reason: BreakReason::TailMissing {
                    from: last_id + 1,
                    at: cp.at.clone(),
                    reason: cp.reason.clone(),
                    count: cp.count,
                    last_id: cp.last_id,
                },
            }));
        }
        if let Some(key) = key {
            let staff: i64 = self
                .conn
                .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?;
            if count == 0 && staff > 0 && key.keyed_from == 1 {
                // Every database writes an entry when its first admin is made.
                return Ok(Err(AuditBreak {
                    id: 1,
                    reason: BreakReason::AllMissing,
                }));
            }
            if count > 0 && checkpoints.is_empty() {
                return Ok(Err(AuditBreak {
                    id: key.keyed_from.min(last_id),
                    reason: BreakReason::DigestMissing {
                        path: self.audit.digest_path.display().to_string(),
                    },
                }));
            }
        }
        Ok(Ok(AuditReport {
            entries: count as u64,
            keyed_from: key.map(|k| k.keyed_from),
            checkpoints: checkpoints.len(),
            last_checkpoint: checkpoints.into_iter().max_by_key(|c| c.last_id),
            torn_lines,
            digest_append_only: crate::os::files::is_append_only(&self.audit.digest_path),
        }))
    }

    fn audit_has_scheme_column(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM pragma_table_info('audit') WHERE name = 'scheme')",
            [],
            |r| r.get(0),
        )?)
    }

    fn application_id(&self) -> Result<i32> {
        Ok(self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))?)
    }

    /// Every checkpoint of the digest file, each line's MAC checked, and the numbers of the
    /// lines that are not whole checkpoints. A line cut short by a failed write is skipped; if a
    /// later checkpoint was appended onto it (before appends ended such a line first), the
    /// checkpoint is read from where its tag starts. A whole line whose MAC does not match
    /// was altered, and breaks the chain.
    pub(crate) fn read_checkpoints(
        &self,
        key: &AuditKey,
    ) -> Result<std::result::Result<DigestRead, AuditBreak>> {
        let text = match std::fs::read_to_string(&self.audit.digest_path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Ok(DigestRead::default()));
            }
            Err(e) => {
                return Ok(Err(AuditBreak {
                    id: key.keyed_from,
                    reason: BreakReason::DigestUnreadable {
                        path: self.audit.digest_path.display().to_string(),
                        error: e.to_string(),
                    },
                }));
            }
        };
        let mut out = vec![];
        let mut torn = vec![];
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let whole = match line.rfind(CHECKPOINT_TAG) {
                Some(0) => line,
                Some(at) => {
                    torn.push(n + 1);
                    line.get(at..).unwrap_or(line)
                }
                None => {
                    torn.push(n + 1);
                    continue;
                }
            };
            match Checkpoint::parse(whole, key) {
                Ok(cp) => out.push(cp),
                Err(CheckpointError::Incomplete) => {
                    if !torn.contains(&(n + 1)) {
                        torn.push(n + 1);
                    }
                }
                Err(CheckpointError::Altered(why)) => {
                    let id = whole
                        .split(' ')
                        .nth(2)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(key.keyed_from);
                    return Ok(Err(AuditBreak {
                        id,
                        reason: BreakReason::DigestLineAltered {
                            line: n + 1,
                            path: self.audit.digest_path.display().to_string(),
                            why: why.to_string(),
                        },
                    }));
                }
            }
        }
        Ok(Ok(DigestRead {
            checkpoints: out,
            torn_lines: torn,
        }))
    }
}
