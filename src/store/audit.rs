//! The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so an
//! entry edited or removed directly in the file breaks the chain at that point.

use super::{Result, Store, fmt_ts};
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

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

/// The first entry whose stored hashes do not match its contents or its predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditBreak {
    pub id: i64,
    pub reason: String,
}

struct Entry<'a> {
    at: &'a str,
    staff_id: Option<i64>,
    login: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: Option<i64>,
    detail: &'a str,
}

fn entry_hash(prev: &str, e: &Entry<'_>) -> String {
    let mut h = Sha256::new();
    // Unit separators keep field boundaries unambiguous.
    for part in [
        prev,
        e.at,
        &e.staff_id.map(|v| v.to_string()).unwrap_or_default(),
        e.login,
        e.action,
        e.entity,
        &e.entity_id.map(|v| v.to_string()).unwrap_or_default(),
        e.detail,
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(h.finalize())
}

/// Append one entry inside the caller's transaction (the same one as the change it records).
#[allow(clippy::too_many_arguments)]
pub(crate) fn append(
    tx: &Transaction<'_>,
    actor: &Actor,
    at: NaiveDateTime,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<()> {
    let prev: String = tx
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string());
    let at = fmt_ts(at);
    let entry = Entry {
        at: &at,
        staff_id: actor.staff_id,
        login: &actor.login,
        action,
        entity,
        entity_id,
        detail,
    };
    let hash = entry_hash(&prev, &entry);
    tx.execute(
        "INSERT INTO audit (at, staff_id, login, action, entity, entity_id, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![at, actor.staff_id, actor.login, action, entity, entity_id, detail, prev, hash],
    )?;
    Ok(())
}

impl Store {
    /// Walk the chain from the first entry. Ok(number of entries) when intact.
    pub fn verify_audit(&self) -> Result<std::result::Result<u64, AuditBreak>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, staff_id, login, action, entity, entity_id, detail, prev_hash, hash
             FROM audit ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS.to_string();
        let mut count = 0u64;
        let mut last_id = 0i64;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let at: String = r.get(1)?;
            let login: String = r.get(3)?;
            let action: String = r.get(4)?;
            let entity: String = r.get(5)?;
            let detail: String = r.get(7)?;
            let prev_hash: String = r.get(8)?;
            let hash: String = r.get(9)?;
            if id != last_id + 1 {
                return Ok(Err(AuditBreak {
                    id,
                    reason: format!("entries {} to {} are missing", last_id + 1, id - 1),
                }));
            }
            if prev_hash != prev {
                return Ok(Err(AuditBreak {
                    id,
                    reason: "its link to the entry before does not match".into(),
                }));
            }
            let entry = Entry {
                at: &at,
                staff_id: r.get(2)?,
                login: &login,
                action: &action,
                entity: &entity,
                entity_id: r.get(6)?,
                detail: &detail,
            };
            if entry_hash(&prev_hash, &entry) != hash {
                return Ok(Err(AuditBreak {
                    id,
                    reason: "its contents were changed after it was written".into(),
                }));
            }
            prev = hash;
            count += 1;
            last_id = id;
        }
        Ok(Ok(count))
    }
}
