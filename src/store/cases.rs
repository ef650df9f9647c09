//! Cases, petitioners and contacts.

use super::audit::{self};
use super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp};
use crate::domain::case::{CaseState, case_number, check_step};
use crate::domain::{
    CaseDetail, CaseRow, Category, Contact, PageKey, Petitioner, Staff, UrgencyCounts,
};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

const CASE_ROW_SELECT: &str = "SELECT c.id, c.number, c.received_at, COALESCE(p.name, ''),
        cat.name_zh, c.state, c.due, c.summary
    FROM cases c
    LEFT JOIN petitioners p ON p.id = c.petitioner_id
    JOIN categories cat ON cat.id = c.category_id";

fn case_row(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    r.try_into()
}

/// The detail columns beyond a queue row: kind, account, petitioner, unit, clocks, version.
type DetailRaw = (
    String,
    bool,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

/// A contact row: received, channel, repeat?, head-count, recorded by, summary, account,
/// review level.
type RawContact = (
    String,
    String,
    bool,
    u32,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A queue row as SQLite returns it, before parsing into a `CaseRow`.
type RawRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

fn to_case_row(raw: RawRow) -> Result<CaseRow> {
    let (id, number, received, name, category, state, due, summary) = raw;
    Ok(CaseRow {
        id,
        number,
        received_at: parse_timestamp(&received)?,
        petitioner_name: name,
        category,
        state: state.parse().map_err(StoreError::Invalid)?,
        due: due.as_deref().map(parse_date).transpose()?,
        summary,
    })
}

/// A case's contacts in order, each with when it was received and who recorded it.
pub(crate) fn contacts_of(
    conn: &rusqlite::Connection,
    case_id: i64,
) -> Result<Vec<(chrono::NaiveDateTime, String, Contact)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ct.received_at, ct.channel, ct.is_repeat, ct.head_count, s.name, ct.summary,
            ct.account, ct.review_level
         FROM contacts ct JOIN staff s ON s.id = ct.recorded_by
         WHERE ct.case_id = ?1 ORDER BY ct.received_at, ct.id",
    )?;
    let raws: Vec<RawContact> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    let mut contacts = Vec::with_capacity(raws.len());
    for (at, channel, is_repeat, head_count, recorded_by, summary, account, review_level) in raws {
        let received_at = parse_timestamp(&at)?;
        contacts.push((
            received_at,
            recorded_by.clone(),
            Contact {
                received_at,
                channel: channel.parse().map_err(StoreError::Invalid)?,
                is_repeat,
                head_count,
                recorded_by,
                summary,
                account,
                review_level: review_level.as_deref().and_then(|l| l.parse().ok()),
            },
        ));
    }
    Ok(contacts)
}

/// The next case number of a year, inside the caller's write transaction.
pub(crate) fn next_case_number(tx: &Transaction<'_>, year: i32) -> Result<String> {
    let seq: u32 = tx.query_row(
        "INSERT INTO case_numbers (year, last) VALUES (?1, 1)
         ON CONFLICT(year) DO UPDATE SET last = last + 1
         RETURNING last",
        [year],
        |r| r.get(0),
    )?;
    Ok(case_number(year, seq))
}

impl Store {
    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code, name_zh, name_en, initials FROM categories ORDER BY id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Category {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name_zh: r.get(2)?,
                    name_en: r.get(3)?,
                    initials: r.get(4)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }

    /// The queue, newest first, starting after `after` (keyset pagination: no OFFSET).
    pub fn queue_page(&self, after: Option<PageKey>, limit: u32) -> Result<Vec<CaseRow>> {
        let raws: Vec<RawRow> = match after {
            None => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "{CASE_ROW_SELECT} ORDER BY c.received_at DESC, c.id DESC LIMIT ?1"
                ))?;
                stmt.query_map([limit], case_row)?
                    .collect::<std::result::Result<_, _>>()?
            }
            Some(key) => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "{CASE_ROW_SELECT} WHERE (c.received_at, c.id) < (?1, ?2)
                     ORDER BY c.received_at DESC, c.id DESC LIMIT ?3"
                ))?;
                stmt.query_map(params![fmt_ts(key.received_at), key.id, limit], case_row)?
                    .collect::<std::result::Result<_, _>>()?
            }
        };
        raws.into_iter().map(to_case_row).collect()
    }

    /// The page just before `before` in queue order (newer cases), returned newest first.
    pub fn queue_page_before(&self, before: PageKey, limit: u32) -> Result<Vec<CaseRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CASE_ROW_SELECT} WHERE (c.received_at, c.id) > (?1, ?2)
             ORDER BY c.received_at ASC, c.id ASC LIMIT ?3"
        ))?;
        let raws: Vec<RawRow> = stmt
            .query_map(
                params![fmt_ts(before.received_at), before.id, limit],
                case_row,
            )?
            .collect::<std::result::Result<_, _>>()?;
        let mut rows: Vec<CaseRow> = raws.into_iter().map(to_case_row).collect::<Result<_>>()?;
        rows.reverse();
        Ok(rows)
    }

    pub fn case_count(&self) -> Result<u64> {
        let n: i64 =
            self.conn
                .query_row("SELECT value FROM counters WHERE name = 'cases'", [], |r| {
                    r.get(0)
                })?;
        Ok(n as u64)
    }

    pub fn case_detail(&self, case_id: i64) -> Result<Option<CaseDetail>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{CASE_ROW_SELECT} WHERE c.id = ?1"))?;
        let Some(raw) = stmt.query_row([case_id], case_row).optional()? else {
            return Ok(None);
        };
        let row = to_case_row(raw)?;
        let (kind, urgent, account, pid, unit, accept_due, handle_due, version): DetailRaw = self.conn.query_row(
            "SELECT c.kind, c.urgent, c.account, c.petitioner_id, u.name, c.accept_due, c.handle_due, c.version
             FROM cases c LEFT JOIN units u ON u.id = c.unit_id WHERE c.id = ?1",
            [case_id],
            |r| r.try_into(),
        )?;
        let petitioner = match pid {
            None => None,
            Some(pid) => self
                .conn
                .query_row(
                    "SELECT id, id_number, name, phone FROM petitioners WHERE id = ?1",
                    [pid],
                    |r| {
                        Ok(Petitioner {
                            id: r.get(0)?,
                            id_number: r.get(1)?,
                            name: r.get(2)?,
                            phone: r.get(3)?,
                        })
                    },
                )
                .optional()?,
        };
        let contacts = contacts_of(&self.conn, case_id)?
            .into_iter()
            .map(|(_, _, c)| c)
            .collect();
        let first_handler: Option<String> = self.conn.query_row(
            "SELECT s.name FROM cases c LEFT JOIN staff s ON s.id = c.first_handler_id WHERE c.id = ?1",
            [case_id],
            |r| r.get(0),
        )?;
        let leader: Option<String> = self.conn.query_row(
            "SELECT s.name FROM cases c LEFT JOIN staff s ON s.id = c.leader_id WHERE c.id = ?1",
            [case_id],
            |r| r.get(0),
        )?;
        let person_notes = match pid {
            Some(p) => self.person_notes(p)?,
            None => vec![],
        };
        Ok(Some(CaseDetail {
            row,
            kind: kind.parse().map_err(StoreError::Invalid)?,
            urgent,
            account,
            petitioner,
            unit,
            accept_due: accept_due.as_deref().map(parse_date).transpose()?,
            handle_due: handle_due.as_deref().map(parse_date).transpose()?,
            version,
            contacts,
            clocks: self.clocks_of(case_id)?,
            first_handler,
            leader,
            facts: self.case_facts(case_id)?,
            timeline: self.timeline(case_id)?,
            person_notes,
            shares: self.shares(case_id)?,
            recused: self.recused_names(case_id)?,
        }))
    }

    /// Move a case one step forward. `version` is the one the actor saw: if someone saved the
    /// case since, nothing changes and the error says who and when.
    pub fn move_case(
        &mut self,
        actor: &Staff,
        case_id: i64,
        version: i64,
        to: CaseState,
    ) -> Result<i64> {
        let now = self.now();
        self.write(|tx| {
            let (state, current_version, by, at): (String, i64, Option<String>, String) = tx
                .query_row(
                    "SELECT c.state, c.version, s.name, c.updated_at FROM cases c
                     LEFT JOIN staff s ON s.id = c.updated_by WHERE c.id = ?1",
                    [case_id],
                    |r| r.try_into(),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound(format!("no case with id {case_id}")))?;
            if current_version != version {
                return Err(StoreError::Stale {
                    by: by.unwrap_or_else(|| "?".into()),
                    at,
                });
            }
            let from: CaseState = state.parse().map_err(StoreError::Invalid)?;
            // Roles as they are now, not as the session began; a disabled account may do
            // nothing.
            let fresh = super::staff::acting(tx, actor, crate::domain::permission::Act::MoveCase)?;
            check_step(&fresh.roles, from, to)?;
            let changed = tx.execute(
                "UPDATE cases SET state = ?1, version = version + 1, updated_at = ?2, updated_by = ?3
                 WHERE id = ?4 AND version = ?5",
                params![to.code(), fmt_ts(now), actor.id, case_id, version],
            )?;
            if changed != 1 {
                return Err(StoreError::Stale {
                    by: "another session".into(),
                    at: fmt_ts(now),
                });
            }
            audit::append(
                tx,
                &actor.into(),
                now,
                "case.move",
                "case",
                Some(case_id),
                &format!("{from} -> {to}"),
            )?;
            Ok(version + 1)
        })
    }

    /// Open cases with a running clock, soonest due first (partial index on open cases).
    pub fn open_cases_by_due(&self, limit: u32) -> Result<Vec<CaseRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{CASE_ROW_SELECT} WHERE c.state <> 'closed' AND c.due IS NOT NULL
             ORDER BY c.due, c.id LIMIT ?1"
        ))?;
        let raws: Vec<RawRow> = stmt
            .query_map([limit], case_row)?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter().map(to_case_row).collect()
    }

    /// Open cases counted as overdue (due before `today`) and due soon (due on or before
    /// `soon_until`, the last day of the due-soon window).
    pub fn urgency_counts(&self, today: NaiveDate, soon_until: NaiveDate) -> Result<UrgencyCounts> {
        let (open, overdue, due_soon): (i64, i64, i64) = self.conn.query_row(
            "SELECT count(*),
                    count(*) FILTER (WHERE due < ?1),
                    count(*) FILTER (WHERE due >= ?1 AND due <= ?2)
             FROM cases WHERE state <> 'closed'",
            params![fmt_date(today), fmt_date(soon_until)],
            |r| r.try_into(),
        )?;
        Ok(UrgencyCounts {
            open: open as u64,
            overdue: overdue as u64,
            due_soon: due_soon as u64,
        })
    }
}
