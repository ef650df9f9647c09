//! Accountability notices (通报): recorded in one transaction with the cases they name and an
//! audit entry, numbered per year; listed newest first by keyset.

use super::super::audit::{self, Actor};
use super::super::{Result, Store, StoreError, fmt_ts, parse_timestamp};
use super::{SupervisionEvent, SupervisionWhat, notify_supervision_event};
use crate::domain::Staff;
use crate::domain::supervision::notice::{
    NewNotice, Notice, NoticeError, NoticeTarget, check_notice, notice_number,
};
use chrono::Datelike;
use rusqlite::{Connection, OptionalExtension, params};

/// A notice row: id, number, at, issued by, unit, staff login and name, failure, measures.
type RawNotice = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
);

const NOTICE_SELECT: &str = "SELECT n.id, n.number, n.at, s.name, u.name, t.login, t.name,
        n.failure, n.measures
    FROM notices n JOIN staff s ON s.id = n.staff_id
    LEFT JOIN units u ON u.id = n.unit_id
    LEFT JOIN staff t ON t.id = n.target_staff_id";

fn notice_of(conn: &Connection, raw: RawNotice) -> Result<Notice> {
    let (id, number, at, issued_by, unit, login, name, failure, measures) = raw;
    let cases: Vec<String> = conn
        .prepare_cached(
            "SELECT c.number FROM notice_cases nc JOIN cases c ON c.id = nc.case_id
             WHERE nc.notice_id = ?1 ORDER BY c.id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(Notice {
        id,
        number,
        at: parse_timestamp(&at)?,
        issued_by,
        unit,
        staff: login.zip(name),
        cases,
        failure,
        measures,
    })
}

impl Store {
    /// The ids of cases by number; a number that is not a case is refused, naming it.
    pub fn case_ids_by_number(&self, numbers: &[String]) -> Result<Vec<i64>> {
        let mut out = Vec::with_capacity(numbers.len());
        for n in numbers {
            match self.case_id_by_number(&n.trim().to_uppercase())? {
                Some(id) => out.push(id),
                None => {
                    return Err(StoreError::Notice(NoticeError::UnknownCase(
                        crate::domain::text::clean_line(n),
                    )));
                }
            }
        }
        Ok(out)
    }

    /// Record a notice (a manager): checked against the account as it is now, numbered, with
    /// the cases it names and an audit entry, in one transaction; those concerned are told.
    pub fn record_notice(&mut self, actor: &Staff, notice: &NewNotice) -> Result<Notice> {
        let now = self.now();
        self.write(|tx| {
            let fresh = super::super::staff::staff_by_id(tx, actor.id)?
                .filter(|s| s.active)
                .unwrap_or_else(|| Staff {
                    active: false,
                    ..actor.clone()
                });
            let notice = check_notice(&fresh, notice).map_err(StoreError::Notice)?;
            let (unit_id, staff_id) = match notice.target {
                NoticeTarget::Unit(u) => (Some(u), None),
                NoticeTarget::Staff(s) => (None, Some(s)),
            };
            let target_exists: bool = match notice.target {
                NoticeTarget::Unit(u) => tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM units WHERE id = ?1)",
                    [u],
                    |r| r.get(0),
                )?,
                NoticeTarget::Staff(s) => tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM staff WHERE id = ?1)",
                    [s],
                    |r| r.get(0),
                )?,
            };
            if !target_exists {
                return Err(StoreError::Notice(NoticeError::UnknownTarget));
            }
            let year = now.date().year();
            let seq: u32 = tx.query_row(
                "SELECT count(*) + 1 FROM notices WHERE number GLOB ?1",
                [format!("TB-{year}-*")],
                |r| r.get(0),
            )?;
            let number = notice_number(year, seq);
            tx.execute(
                "INSERT INTO notices (number, at, staff_id, unit_id, target_staff_id, failure, measures)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    number,
                    fmt_ts(now),
                    fresh.id,
                    unit_id,
                    staff_id,
                    notice.failure,
                    notice.measures
                ],
            )?;
            let id = tx.last_insert_rowid();
            for case_id in &notice.case_ids {
                let first_handler: Option<i64> = tx
                    .query_row(
                        "SELECT first_handler_id FROM cases WHERE id = ?1",
                        [case_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        StoreError::Notice(NoticeError::UnknownCase(format!("#{case_id}")))
                    })?;
                tx.execute(
                    "INSERT INTO notice_cases (notice_id, case_id) VALUES (?1, ?2)",
                    params![id, case_id],
                )?;
                let mut to_staff: Vec<i64> = first_handler.into_iter().chain(staff_id).collect();
                to_staff.retain(|s| *s != fresh.id);
                to_staff.sort_unstable();
                to_staff.dedup();
                notify_supervision_event(
                    tx,
                    &fresh,
                    now,
                    &SupervisionEvent {
                        what: SupervisionWhat::Notice {
                            number: number.clone(),
                        },
                        case_id: *case_id,
                        to_staff,
                    },
                )?;
            }
            audit::append(
                tx,
                &Actor::from(&fresh),
                now,
                "notice.record",
                "notice",
                Some(id),
                &serde_json::json!({
                    "number": number,
                    "unit_id": unit_id,
                    "staff_id": staff_id,
                    "cases": notice.case_ids,
                    "failure": notice.failure,
                })
                .to_string(),
            )?;
            let raw: RawNotice =
                tx.query_row(&format!("{NOTICE_SELECT} WHERE n.id = ?1"), [id], |r| {
                    r.try_into()
                })?;
            notice_of(tx, raw)
        })
    }

    /// Notices newest first, starting before the notice `before` (None: the newest).
    pub fn notices_page(&self, before: Option<i64>, limit: u32) -> Result<Vec<Notice>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{NOTICE_SELECT} WHERE n.id < ?1 ORDER BY n.id DESC LIMIT ?2"
        ))?;
        let raws: Vec<RawNotice> = stmt
            .query_map(params![before.unwrap_or(i64::MAX), limit], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter().map(|r| notice_of(&self.conn, r)).collect()
    }

    /// Notices newer than the notice `after`, oldest first (the page before, read backwards).
    pub fn notices_page_after(&self, after: i64, limit: u32) -> Result<Vec<Notice>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{NOTICE_SELECT} WHERE n.id > ?1 ORDER BY n.id ASC LIMIT ?2"
        ))?;
        let raws: Vec<RawNotice> = stmt
            .query_map(params![after, limit], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        let mut out: Vec<Notice> = raws
            .into_iter()
            .map(|r| notice_of(&self.conn, r))
            .collect::<Result<_>>()?;
        out.reverse();
        Ok(out)
    }

    pub fn notice_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM notices", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// One notice by its number.
    pub fn notice_by_number(&self, number: &str) -> Result<Option<Notice>> {
        let raw: Option<RawNotice> = self
            .conn
            .query_row(
                &format!("{NOTICE_SELECT} WHERE n.number = ?1"),
                [number],
                |r| r.try_into(),
            )
            .optional()?;
        raw.map(|r| notice_of(&self.conn, r)).transpose()
    }
}
