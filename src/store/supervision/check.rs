//! The nightly check in the store: what it reads, each kind of candidate from its own index,
//! streamed and judged by the domain as it is read, never every case. Its record is `runs`.

use super::super::{Result, Store, fmt_date, parse_date, parse_timestamp};
use crate::domain::calendar::{Period, due_date};
use crate::domain::query::DueWindow;
use crate::domain::settings::DEFAULT_INACTIVITY_DAYS;
use crate::domain::supervision::lapse::{Candidate, CaseRef, CheckRules, Finding, assess};
use chrono::{Duration, NaiveDate};
use rusqlite::Row;

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
}
