//! The nightly check in the store: what it reads (each kind of candidate from its own index,
//! streamed, never every case), and its record: one run per day with the findings in report
//! order, so the supervision pane shows the next morning what cron mailed at night.

use super::super::audit::{self, Actor};
use super::super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp};
use crate::domain::Staff;
use crate::domain::calendar::{Period, due_date};
use crate::domain::permission::Act;
use crate::domain::query::DueWindow;
use crate::domain::settings::DEFAULT_INACTIVITY_DAYS;
use crate::domain::supervision::lapse::{
    Candidate, CaseRef, CheckReport, CheckRules, Finding, LapseKind, assess,
};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, params};
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

/// The columns of the case a candidate is on, first in every candidate query.
const CASE_COLS: &str = "c.id, c.number, c.unit_id, u.name, c.first_handler_id, h.login, h.name,
    substr(c.summary, 1, 60)";
const CASE_JOINS: &str = "LEFT JOIN units u ON u.id = c.unit_id
    LEFT JOIN staff h ON h.id = c.first_handler_id";

fn case_ref(r: &Row<'_>) -> rusqlite::Result<CaseRef> {
    Ok(CaseRef {
        case_id: r.get(0)?,
        number: r.get(1)?,
        unit_id: r.get(2)?,
        unit: r.get(3)?,
        first_handler_id: r.get(4)?,
        first_handler_login: r.get(5)?,
        first_handler: r.get(6)?,
        summary: r.get(7)?,
    })
}

fn date(s: Option<String>) -> Result<Option<NaiveDate>> {
    s.as_deref().map(parse_date).transpose()
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
    /// The rules the check judges by on `today`: the due-soon window, the waits for review
    /// and feedback, and the days of inactivity.
    pub fn check_rules(&self, today: NaiveDate) -> Result<CheckRules> {
        let calendar = self.calendar()?;
        let days = |rule: &str, default: u32| -> Result<u32> {
            Ok(self.rule(rule)?.map_or(default, |r| r.period.days))
        };
        let soon = days("due-soon", 3)?;
        let soon_until = due_date(
            &calendar,
            today,
            Period {
                days: soon,
                working: true,
            },
        )
        .due;
        let inactivity_days = self
            .setting("inactivity_days")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_INACTIVITY_DAYS);
        Ok(CheckRules {
            window: DueWindow { today, soon_until },
            review_wait: days("review-wait", 5)?,
            feedback_wait: days("feedback-wait", 5)?,
            inactivity_days,
        })
    }

    /// Everything the check finds under `rules`: each kind of candidate read from its own
    /// index and judged by the domain as it is read.
    pub fn check_findings(&self, rules: &CheckRules) -> Result<Vec<Finding>> {
        let calendar = self.calendar()?;
        let today = fmt_date(rules.window.today);
        let soon = fmt_date(rules.window.soon_until);
        let mut out: Vec<Finding> = Vec::new();
        let mut judge = |case: CaseRef, candidate: Candidate| {
            if let Some(f) = assess(&calendar, rules, case, candidate) {
                out.push(f);
            }
        };
        // Open cases whose next deadline has passed or is near.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS}, c.due FROM cases c {CASE_JOINS}
             WHERE c.state <> 'closed' AND c.due <= ?1 ORDER BY c.due"
        ))?;
        let mut rows = stmt.query([&soon])?;
        while let Some(r) = rows.next()? {
            let due: String = r.get(8)?;
            judge(
                case_ref(r)?,
                Candidate::Deadline {
                    due: parse_date(&due)?,
                },
            );
        }
        // Transfers with no reply: the 交办 report date and the running handling deadline.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS},
                (SELECT json_extract(st.detail, '$.report_by') FROM case_steps st
                 WHERE st.case_id = c.id AND st.kind = 'transfer' ORDER BY st.id DESC LIMIT 1),
                (SELECT k.due FROM clocks k
                 WHERE k.case_id = c.id AND k.rule = 'handle' AND k.stopped IS NULL)
             FROM cases c {CASE_JOINS} WHERE c.state = 'transferred'"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let candidate = Candidate::AwaitingReply {
                report_by: date(r.get(8)?)?,
                handle_due: date(r.get(9)?)?,
            };
            judge(case_ref(r)?, candidate);
        }
        // Replies awaiting review; reviewed (or handled) cases awaiting the reply to the
        // person: since the step that brought them there.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS}, c.state,
                (SELECT max(st.at) FROM case_steps st
                 WHERE st.case_id = c.id AND st.to_state = c.state)
             FROM cases c {CASE_JOINS}
             WHERE c.state IN ('replied', 'reviewed', 'handled_here')"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let state: String = r.get(8)?;
            let Some(since) = r.get::<_, Option<String>>(9)? else {
                continue;
            };
            let since = parse_timestamp(&since)?.date();
            let candidate = if state == "replied" {
                Candidate::AwaitingReview { since }
            } else {
                Candidate::AwaitingFeedback { since }
            };
            judge(case_ref(r)?, candidate);
        }
        // Closed cases whose follow-up is due: from the running clocks due by then (driving
        // from the closed cases would read nearly all of them).
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS}, k.due FROM clocks k CROSS JOIN cases c ON c.id = k.case_id
             {CASE_JOINS}
             WHERE k.stopped IS NULL AND k.due <= ?1 AND k.rule = 'follow-up'
               AND +c.state = 'closed'"
        ))?;
        let mut rows = stmt.query([&soon])?;
        while let Some(r) = rows.next()? {
            let due: String = r.get(8)?;
            judge(
                case_ref(r)?,
                Candidate::FollowUp {
                    due: parse_date(&due)?,
                },
            );
        }
        // Joint-review shares past their dates.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS}, j.due, j.unit_id, ju.name
             FROM joint_review_shares j JOIN cases c ON c.id = j.case_id
             JOIN units ju ON ju.id = j.unit_id {CASE_JOINS}
             WHERE j.done_on IS NULL AND j.due < ?1 AND c.state <> 'closed'"
        ))?;
        let mut rows = stmt.query([&today])?;
        while let Some(r) = rows.next()? {
            let due: String = r.get(8)?;
            let candidate = Candidate::Share {
                due: parse_date(&due)?,
                unit_id: r.get(9)?,
                unit: r.get(10)?,
            };
            judge(case_ref(r)?, candidate);
        }
        // Open cases nobody has worked on.
        let cutoff = rules.window.today - Duration::days(i64::from(rules.inactivity_days));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CASE_COLS}, c.updated_at FROM cases c {CASE_JOINS}
             WHERE c.state <> 'closed' AND c.updated_at < ?1"
        ))?;
        let mut rows = stmt.query([format!("{} 00:00:00", fmt_date(cutoff))])?;
        while let Some(r) = rows.next()? {
            let at: String = r.get(8)?;
            let on = parse_timestamp(&at)?.date();
            judge(case_ref(r)?, Candidate::LastActivity { on });
        }
        Ok(out)
    }

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
