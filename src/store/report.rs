//! The statistics' counts (`xfdesk report`, the statistics view): the cases received in a
//! period read one at a time (never all held), contacts, feedback and supervision steps
//! counted by the facts they share, notices of the period; `domain::report` decides what each
//! counts towards.

use super::{Result, Store, fmt_date, parse_date};
use crate::domain::report::{ClockEnd, ContactGroup, GroupKey, Period, Report, ReportCase, Tally};
use crate::domain::workflow::{Rating, StepKind};
use chrono::NaiveDate;
use rusqlite::params;

/// The period as the bounds of `received_at`: from its first moment to the next day's.
fn bounds(period: Period) -> (String, String) {
    let next = period.to.succ_opt().unwrap_or(period.to);
    (
        format!("{} 00:00:00", fmt_date(period.from)),
        format!("{} 00:00:00", fmt_date(next)),
    )
}

/// A count column.
fn n(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(r.get::<_, i64>(i)?).unwrap_or(0))
}

fn clock_end(due: Option<String>, stopped: Option<String>) -> Result<Option<ClockEnd>> {
    let Some(due) = due else {
        return Ok(None);
    };
    Ok(Some(ClockEnd {
        due: parse_date(&due)?,
        stopped: stopped.as_deref().map(parse_date).transpose()?,
    }))
}

impl Store {
    /// The report of the cases received in `period`, counted as of `as_of`.
    pub fn report(&self, period: Period, as_of: NaiveDate) -> Result<Report> {
        let (from, to) = bounds(period);
        let mut report = Report::new(period, as_of);
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.unit_id, c.first_handler_id, c.state = 'closed', c.contact_count, c.round,
                c.leader_id IS NOT NULL, a.due, a.stopped, h.due, h.stopped,
                EXISTS(SELECT 1 FROM case_steps s
                       WHERE s.case_id = c.id AND s.kind = 'follow-up' AND s.settled = 0)
             FROM cases c
             LEFT JOIN clocks a ON a.case_id = c.id AND a.rule = 'accept'
             LEFT JOIN clocks h ON h.case_id = c.id AND h.rule = 'handle'
             WHERE c.received_at >= ?1 AND c.received_at < ?2",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let case = ReportCase {
                closed: r.get(2)?,
                contacts: r.get(3)?,
                round: r.get(4)?,
                leader_charge: r.get(5)?,
                accept: clock_end(r.get(6)?, r.get(7)?)?,
                handle: clock_end(r.get(8)?, r.get(9)?)?,
                unsettled: r.get(10)?,
            };
            report.add_case(r.get(0)?, r.get(1)?, &case);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.unit_id, c.first_handler_id, ct.channel, c.category_id, ct.is_repeat,
                ct.review_level IS NOT NULL, ct.leapfrog <> 0, substr(ct.received_at, 1, 7),
                count(*)
             FROM cases c JOIN contacts ct ON ct.case_id = c.id
             WHERE c.received_at >= ?1 AND c.received_at < ?2
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let channel: String = r.get(2)?;
            let group = ContactGroup {
                channel: channel.parse().map_err(super::StoreError::Invalid)?,
                category_id: r.get(3)?,
                repeat: r.get(4)?,
                review_request: r.get(5)?,
                leapfrog: r.get(6)?,
                month: r.get(7)?,
                count: n(r, 8)?,
            };
            report.add_contacts(r.get(0)?, r.get(1)?, &group);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.unit_id, c.first_handler_id, s.rating, count(*)
             FROM cases c JOIN case_steps s ON s.case_id = c.id AND s.kind = 'feedback'
             WHERE c.received_at >= ?1 AND c.received_at < ?2
             GROUP BY 1, 2, 3",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let rating: Option<String> = r.get(2)?;
            let rating: Rating = rating
                .as_deref()
                .and_then(|s| s.parse().ok())
                .unwrap_or_default();
            report.add_feedback(r.get(0)?, r.get(1)?, rating, n(r, 3)?);
        }
        // Supervision steps count against the unit the case was with when they were taken.
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(s.unit_id, c.unit_id), c.first_handler_id, s.kind, count(*)
             FROM case_steps s JOIN cases c ON c.id = s.case_id
             WHERE s.kind IN ('supervise', 'urge', 'extension-request', 'supervision-order',
                'talk', 'list', 'accountability')
               AND c.received_at >= ?1 AND c.received_at < ?2
             GROUP BY 1, 2, 3",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let kind: String = r.get(2)?;
            if let Some(kind) = StepKind::from_code(&kind) {
                report.add_supervision(r.get(0)?, r.get(1)?, kind, n(r, 3)?);
            }
        }
        // Notices issued in the period, by the unit or person each names.
        let mut stmt = self.conn.prepare_cached(
            "SELECT unit_id, target_staff_id, count(*) FROM notices
             WHERE at >= ?1 AND at < ?2 GROUP BY 1, 2",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let unit: Option<i64> = r.get(0)?;
            let target = match unit {
                Some(u) => GroupKey::Unit(Some(u)),
                None => GroupKey::FirstHandler(r.get(1)?),
            };
            report.add_notices(target, n(r, 2)?);
        }
        Ok(report)
    }

    /// Repeat contacts by the month they came in (whatever case they are about), for the
    /// trend over months: a tally whose `repeat_by_month` holds it.
    pub fn repeat_trend(&self, period: Period) -> Result<Tally> {
        let (from, to) = bounds(period);
        let mut stmt = self.conn.prepare_cached(
            "SELECT ct.channel, ct.review_level IS NOT NULL, ct.leapfrog <> 0,
                substr(ct.received_at, 1, 7), count(*)
             FROM contacts ct
             WHERE ct.is_repeat = 1 AND ct.received_at >= ?1 AND ct.received_at < ?2
             GROUP BY 1, 2, 3, 4",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        let mut tally = Tally::default();
        while let Some(r) = rows.next()? {
            let channel: String = r.get(0)?;
            tally.add_contacts(&ContactGroup {
                channel: channel.parse().map_err(super::StoreError::Invalid)?,
                // The trend is by month alone: no category is read.
                category_id: 0,
                repeat: true,
                review_request: r.get(1)?,
                leapfrog: r.get(2)?,
                month: r.get(3)?,
                count: n(r, 4)?,
            });
        }
        Ok(tally)
    }
}
