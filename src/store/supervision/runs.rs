//! The nightly check's record: one run per day with its counts, and its findings in report
//! order, so the supervision pane shows the next morning what cron mailed at night.

use super::super::audit::{self, Actor};
use super::super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp};
use crate::domain::Staff;
use crate::domain::permission::Act;
use crate::domain::supervision::lapse::{CheckReport, LapseKind};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};
use std::collections::BTreeMap;

/// How many nights' findings are kept (each night's counts are kept for good).
const KEEP_FINDINGS_OF_RUNS: i64 = 31;

/// A check as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRun {
    pub id: i64,
    pub day: NaiveDate,
    pub at: NaiveDateTime,
    /// Who ran it (the account cron runs as).
    pub by: String,
    pub soon_until: NaiveDate,
    pub total: u64,
    pub overdue: u64,
    pub counts: BTreeMap<LapseKind, u64>,
}

/// A finding as recorded, for the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedFinding {
    pub id: i64,
    pub kind: LapseKind,
    pub case_id: i64,
    pub number: String,
    pub unit: Option<String>,
    pub first_handler: Option<String>,
    pub due: NaiveDate,
    pub overdue: bool,
    pub summary: String,
}

const RUN_SELECT: &str = "SELECT r.id, r.day, r.at, s.name, r.soon_until, r.total, r.overdue,
    r.counts FROM check_runs r JOIN staff s ON s.id = r.staff_id";

type RawRun = (i64, String, String, String, String, i64, i64, String);

fn run_of(raw: RawRun) -> Result<CheckRun> {
    let (id, day, at, by, soon_until, total, overdue, counts) = raw;
    let counts: BTreeMap<String, u64> = serde_json::from_str(&counts).unwrap_or_default();
    Ok(CheckRun {
        id,
        day: parse_date(&day)?,
        at: parse_timestamp(&at)?,
        by,
        soon_until: parse_date(&soon_until)?,
        total: u64::try_from(total).unwrap_or(0),
        overdue: u64::try_from(overdue).unwrap_or(0),
        counts: counts
            .into_iter()
            .filter_map(|(k, n)| LapseKind::from_code(&k).map(|k| (k, n)))
            .collect(),
    })
}

const FINDING_SELECT: &str = "SELECT f.id, f.kind, f.case_id, c.number, u.name, h.name, f.due,
        f.overdue, c.summary
    FROM check_findings f JOIN cases c ON c.id = f.case_id
    LEFT JOIN units u ON u.id = f.unit_id
    LEFT JOIN staff h ON h.id = f.first_handler_id";

type RawFinding = (
    i64,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    bool,
    String,
);

fn finding_of(raw: RawFinding) -> Result<RecordedFinding> {
    let (id, kind, case_id, number, unit, first_handler, due, overdue, summary) = raw;
    Ok(RecordedFinding {
        id,
        kind: LapseKind::from_code(&kind)
            .ok_or_else(|| StoreError::Invalid(format!("unknown lapse '{kind}'")))?,
        case_id,
        number,
        unit,
        first_handler,
        due: parse_date(&due)?,
        overdue,
        summary,
    })
}

impl Store {
    /// The run recorded for a day, if any.
    pub fn check_run(&self, day: NaiveDate) -> Result<Option<CheckRun>> {
        let raw: Option<RawRun> = self
            .conn
            .query_row(
                &format!("{RUN_SELECT} WHERE r.day = ?1"),
                [fmt_date(day)],
                |r| r.try_into(),
            )
            .optional()?;
        raw.map(run_of).transpose()
    }

    /// The latest run recorded.
    pub fn last_check_run(&self) -> Result<Option<CheckRun>> {
        let raw: Option<RawRun> = self
            .conn
            .query_row(
                &format!("{RUN_SELECT} ORDER BY r.day DESC LIMIT 1"),
                [],
                |r| r.try_into(),
            )
            .optional()?;
        raw.map(run_of).transpose()
    }

    /// Record what the check found, once per day: a second run the same day records nothing
    /// and returns None. The run, its findings and an audit entry are one transaction; the
    /// audit chain is anchored after it. Findings of older nights than the last
    /// `KEEP_FINDINGS_OF_RUNS` are let go (their counts stay).
    pub fn record_check(
        &mut self,
        actor: &Staff,
        report: &CheckReport,
    ) -> Result<Option<CheckRun>> {
        let now = self.now();
        let counts = report.counts();
        let by_code: BTreeMap<&str, u64> =
            counts.by_kind.iter().map(|(k, n)| (k.code(), *n)).collect();
        let counts_json =
            serde_json::to_string(&by_code).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let day = fmt_date(report.date);
        let recorded = self.write(|tx| {
            super::super::staff::acting(tx, actor, Act::RunCheck)?;
            let exists: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM check_runs WHERE day = ?1)",
                [&day],
                |r| r.get(0),
            )?;
            if exists {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO check_runs (day, at, staff_id, soon_until, total, overdue, counts)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    day,
                    fmt_ts(now),
                    actor.id,
                    fmt_date(report.soon_until),
                    i64::try_from(counts.total).unwrap_or(i64::MAX),
                    i64::try_from(counts.overdue).unwrap_or(i64::MAX),
                    counts_json
                ],
            )?;
            let run_id = tx.last_insert_rowid();
            let mut insert = tx.prepare_cached(
                "INSERT INTO check_findings (run_id, case_id, kind, unit_id, first_handler_id,
                    due, overdue)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for f in &report.findings {
                insert.execute(params![
                    run_id,
                    f.case.case_id,
                    f.kind.code(),
                    f.case.unit_id,
                    f.case.first_handler_id,
                    fmt_date(f.due),
                    f.overdue
                ])?;
            }
            drop(insert);
            tx.execute(
                "DELETE FROM check_findings WHERE run_id IN (
                    SELECT id FROM check_runs ORDER BY day DESC LIMIT -1 OFFSET ?1)",
                [KEEP_FINDINGS_OF_RUNS],
            )?;
            audit::append(
                tx,
                &Actor::from(actor),
                now,
                "check.run",
                "check",
                Some(run_id),
                &format!(
                    "{day}: {} findings, {} late; {counts_json}",
                    counts.total, counts.overdue
                ),
            )?;
            Ok(true)
        })?;
        if !recorded {
            return Ok(None);
        }
        self.anchor("check")?;
        self.check_run(report.date)
    }

    /// A page of a run's findings in report order, after the finding `after` (None: from
    /// the first).
    pub fn findings_page(
        &self,
        run_id: i64,
        after: Option<i64>,
        limit: u32,
    ) -> Result<Vec<RecordedFinding>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{FINDING_SELECT} WHERE f.run_id = ?1 AND f.id > ?2 ORDER BY f.id LIMIT ?3"
        ))?;
        let raws: Vec<RawFinding> = stmt
            .query_map(params![run_id, after.unwrap_or(0), limit], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter().map(finding_of).collect()
    }

    /// The page of a run's findings just before the finding `before`, in report order.
    pub fn findings_page_before(
        &self,
        run_id: i64,
        before: i64,
        limit: u32,
    ) -> Result<Vec<RecordedFinding>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{FINDING_SELECT} WHERE f.run_id = ?1 AND f.id < ?2 ORDER BY f.id DESC LIMIT ?3"
        ))?;
        let raws: Vec<RawFinding> = stmt
            .query_map(params![run_id, before, limit], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        let mut out: Vec<RecordedFinding> =
            raws.into_iter().map(finding_of).collect::<Result<_>>()?;
        out.reverse();
        Ok(out)
    }
}
