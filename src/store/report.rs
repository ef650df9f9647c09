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

/// One contact as the case query lists it: `channel,repeat,review,leapfrog,YYYY-MM`.
fn contact_of(text: &str, category_id: i64) -> Result<Option<ContactGroup>> {
    let mut parts = text.split(',');
    let (Some(channel), Some(repeat), Some(review), Some(leapfrog), Some(month)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Ok(None);
    };
    Ok(Some(ContactGroup {
        channel: channel.parse().map_err(super::StoreError::Invalid)?,
        category_id,
        repeat: repeat == "1",
        review_request: review == "1",
        leapfrog: leapfrog == "1",
        month: month.to_string(),
        count: 1,
    }))
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
        // One pass over the period's cases, each with its clocks, whether a follow-up found it
        // unsettled, its contacts and its feedback (the two as short lists read from their
        // own indexes): reading them per case is several times faster at a million cases
        // than grouping every contact of a year in SQL.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.unit_id, c.first_handler_id, c.state = 'closed', c.contact_count, c.round,
                c.leader_id IS NOT NULL, a.due, a.stopped, h.due, h.stopped,
                EXISTS(SELECT 1 FROM case_steps s
                       WHERE s.case_id = c.id AND s.kind = 'follow-up' AND s.settled = 0),
                c.category_id,
                (SELECT group_concat(ct.channel || ',' || ct.is_repeat || ','
                        || (ct.review_level IS NOT NULL) || ',' || (ct.leapfrog <> 0) || ','
                        || substr(ct.received_at, 1, 7), ';')
                 FROM contacts ct WHERE ct.case_id = c.id),
                (SELECT group_concat(coalesce(s.rating, 'none'), ',')
                 FROM case_steps s WHERE s.case_id = c.id AND s.kind = 'feedback')
             FROM cases c
             LEFT JOIN clocks a ON a.case_id = c.id AND a.rule = 'accept'
             LEFT JOIN clocks h ON h.case_id = c.id AND h.rule = 'handle'
             WHERE c.received_at >= ?1 AND c.received_at < ?2",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let (unit, handler): (Option<i64>, Option<i64>) = (r.get(0)?, r.get(1)?);
            let case = ReportCase {
                closed: r.get(2)?,
                contacts: r.get(3)?,
                round: r.get(4)?,
                leader_charge: r.get(5)?,
                accept: clock_end(r.get(6)?, r.get(7)?)?,
                handle: clock_end(r.get(8)?, r.get(9)?)?,
                unsettled: r.get(10)?,
            };
            report.add_case(unit, handler, &case);
            let category_id: i64 = r.get(11)?;
            let contacts: Option<String> = r.get(12)?;
            for contact in contacts.as_deref().unwrap_or("").split(';') {
                if let Some(group) = contact_of(contact, category_id)? {
                    report.add_contacts(unit, handler, &group);
                }
            }
            let ratings: Option<String> = r.get(13)?;
            for rating in ratings.as_deref().unwrap_or("").split(',') {
                if !rating.is_empty() {
                    let rating: Rating = rating.parse().unwrap_or_default();
                    report.add_feedback(unit, handler, rating, 1);
                }
            }
        }
        // Supervision steps count against the unit the case was with when they were taken.
        // They are few: read from their own kinds, those after the period began (a step on
        // a case comes after its receipt).
        let mut stmt = self.conn.prepare_cached(
            "SELECT coalesce(s.unit_id, c.unit_id), c.first_handler_id, s.kind, count(*)
             FROM case_steps s CROSS JOIN cases c ON c.id = s.case_id
             WHERE s.kind IN ('supervise', 'urge', 'extension-request', 'supervision-order',
                'talk', 'list', 'accountability') AND s.at >= ?1
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

    /// Later contacts by the month they came in (whatever case they are about), for the
    /// trend over months: a tally whose `repeat_by_month` holds it. Each month is one range of
    /// the index of later contacts, counted from the index alone.
    pub fn repeat_trend(&self, period: Period) -> Result<Tally> {
        let mut tally = Tally::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT review_level IS NOT NULL, count(*) FROM contacts
             WHERE is_repeat = 1 AND received_at >= ?1 AND received_at < ?2
             GROUP BY 1",
        )?;
        let mut month = Period::month_of(period.from);
        while month.from <= period.to {
            let (from, to) = bounds(month);
            let name = month.from.format("%Y-%m").to_string();
            let mut rows = stmt.query(params![from, to])?;
            while let Some(r) = rows.next()? {
                tally.add_later_contacts(&name, r.get(0)?, n(r, 1)?);
            }
            let next = month.shifted(1);
            if next == month {
                break;
            }
            month = next;
        }
        Ok(tally)
    }
}
