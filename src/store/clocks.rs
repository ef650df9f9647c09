//! Deadline rules, counting settings, official calendars, and the clocks cases carry.

use super::audit;
use super::staff::acting;
use super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date};
use crate::domain::Staff;
use crate::domain::calendar::{
    Calendar, Clock, ClockSpec, Counting, Due, MAX_EXTENSION_DAYS, Period, Rule, Suspension,
    check_extension, check_rule, check_suspension, count, try_count,
};
use crate::domain::permission::{Act, require};
use crate::domain::reference::{CalendarYear, DayKind};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// A named day of an official calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// A holiday (放假); otherwise an adjusted working day (调休上班).
    pub holiday: bool,
    pub name: String,
}

/// What importing a calendar year did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarImport {
    pub year: i32,
    pub holidays: usize,
    pub adjusted_working: usize,
    pub replaced: bool,
    /// Running clocks not yet due whose due date changed.
    pub recomputed: usize,
}

pub(crate) fn rule_by_name(conn: &Connection, name: &str) -> Result<Option<Rule>> {
    Ok(conn
        .query_row(
            "SELECT name, event, days, working, article FROM deadline_rules WHERE name = ?1",
            [name],
            |r| {
                Ok(Rule {
                    name: r.get(0)?,
                    event: r.get(1)?,
                    period: Period {
                        days: r.get(2)?,
                        working: r.get(3)?,
                    },
                    article: r.get(4)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn counting_of(conn: &Connection) -> Result<Counting> {
    let get = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let default = Counting::default();
    Ok(Counting {
        start_day_counts: get("count_start_day")?.map_or(default.start_day_counts, |v| v == "true"),
        roll_forward: get("roll_forward")?.map_or(default.roll_forward, |v| v == "true"),
    })
}

pub(crate) fn put_calendar_year(tx: &Transaction<'_>, cal: &CalendarYear) -> Result<()> {
    tx.execute(
        "INSERT INTO calendar_years (year, notice) VALUES (?1, ?2)
         ON CONFLICT(year) DO UPDATE SET notice = excluded.notice",
        params![cal.year, cal.notice],
    )?;
    tx.execute(
        "DELETE FROM calendar_days WHERE day >= ?1 AND day < ?2",
        params![
            format!("{}-01-01", cal.year),
            format!("{}-01-01", cal.year + 1)
        ],
    )?;
    for (day, (kind, name)) in &cal.days {
        let kind = match kind {
            DayKind::Holiday => "holiday",
            DayKind::AdjustedWorking => "working",
        };
        tx.execute(
            "INSERT INTO calendar_days (day, kind, name) VALUES (?1, ?2, ?3)",
            params![fmt_date(*day), kind, name],
        )?;
    }
    Ok(())
}

/// Count a clock that is about to be saved: a date that cannot be counted is refused in words
/// and nothing is written.
pub(crate) fn counted(calendar: &Calendar, counting: Counting, spec: &ClockSpec) -> Result<Due> {
    try_count(calendar, counting, spec).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// Start a clock on a case inside the caller's transaction; returns how it was counted.
pub(crate) fn start_clock(
    tx: &Transaction<'_>,
    calendar: &Calendar,
    counting: Counting,
    case_id: i64,
    rule: &Rule,
    from: NaiveDate,
) -> Result<Due> {
    let due = counted(calendar, counting, &ClockSpec::new(from, rule.period))?;
    tx.execute(
        "INSERT INTO clocks (case_id, rule, started, days, working, due) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case_id,
            rule.name,
            fmt_date(from),
            rule.period.days,
            rule.period.working,
            fmt_date(due.due)
        ],
    )?;
    Ok(due)
}

/// Set the case's next deadline: the earliest due date of its running deadline clocks and of
/// its open joint-review shares, for the queue and supervision indexes. Windows
/// (`workflow::WINDOWS`) do not count.
pub(crate) fn refresh_case_due(tx: &Transaction<'_>, case_id: i64) -> Result<()> {
    let windows = crate::domain::workflow::WINDOWS
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.prepare_cached(&format!(
        "UPDATE cases SET due = (SELECT min(due) FROM (
                SELECT due FROM clocks
                 WHERE case_id = ?1 AND stopped IS NULL AND rule NOT IN ({windows})
                UNION ALL
                SELECT due FROM joint_review_shares WHERE case_id = ?1 AND done_on IS NULL))
         WHERE id = ?1"
    ))?
    .execute([case_id])?;
    Ok(())
}

pub(crate) struct ClockRow {
    pub(crate) id: i64,
    case_id: i64,
    rule: String,
    pub(crate) spec: ClockSpec,
    pub(crate) due: String,
    stopped: Option<String>,
}

/// A clock row as SQLite returns it: id, case, rule, started, days, working, extension, due,
/// stopped.
type RawClock = (
    i64,
    i64,
    String,
    String,
    u32,
    bool,
    u32,
    String,
    Option<String>,
);

fn clock_rows(
    conn: &Connection,
    where_sql: &str,
    arg: &dyn rusqlite::ToSql,
) -> Result<Vec<ClockRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, case_id, rule, started, days, working, extension_days, due, stopped
         FROM clocks WHERE {where_sql} ORDER BY id"
    ))?;
    let raws: Vec<RawClock> = stmt
        .query_map([arg], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    let mut susp = conn.prepare_cached(
        "SELECT from_day, to_day FROM clock_suspensions WHERE clock_id = ?1 ORDER BY id",
    )?;
    let mut out = Vec::with_capacity(raws.len());
    for (id, case_id, rule, started, days, working, extension_days, due, stopped) in raws {
        let spans: Vec<(String, String)> = susp
            .query_map([id], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        let mut suspensions = Vec::with_capacity(spans.len());
        for (f, t) in spans {
            suspensions.push(Suspension {
                from: parse_date(&f)?,
                to: parse_date(&t)?,
            });
        }
        out.push(ClockRow {
            id,
            case_id,
            rule,
            spec: ClockSpec {
                from: parse_date(&started)?,
                period: Period { days, working },
                extension_days,
                suspensions,
            },
            due,
            stopped,
        });
    }
    Ok(out)
}

impl Store {
    pub fn counting(&self) -> Result<Counting> {
        counting_of(&self.conn)
    }

    pub fn rule(&self, name: &str) -> Result<Option<Rule>> {
        rule_by_name(&self.conn, name)
    }

    pub fn rules(&self) -> Result<Vec<Rule>> {
        let names: Vec<String> = self
            .conn
            // A WITHOUT ROWID table has no rowid to keep the order of insertion by.
            .prepare("SELECT name FROM deadline_rules ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let mut out = vec![];
        for n in names {
            if let Some(r) = rule_by_name(&self.conn, &n)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Change a rule's period (admin). Clocks already running keep the period they started with.
    pub fn set_rule(&mut self, actor: &Staff, name: &str, period: Period) -> Result<Rule> {
        require(actor, Act::Administer)?;
        check_rule(name, period).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = self.now();
        self.write_anchored("rule.set", |tx| {
            acting(tx, actor, Act::Administer)?;
            let before = rule_by_name(tx, name)?
                .ok_or_else(|| StoreError::NotFound(format!("no deadline rule '{name}'")))?;
            tx.execute(
                "UPDATE deadline_rules SET days = ?1, working = ?2 WHERE name = ?3",
                params![period.days, period.working, name],
            )?;
            let unit = |p: Period| if p.working { "working days" } else { "days" };
            audit::append(
                tx,
                &actor.into(),
                now,
                "rule.set",
                "deadline_rule",
                None,
                &format!(
                    "{name}: {} {} -> {} {}",
                    before.period.days,
                    unit(before.period),
                    period.days,
                    unit(period)
                ),
            )
        })?;
        self.rule(name)?
            .ok_or_else(|| StoreError::NotFound(name.to_string()))
    }

    /// The notice a calendar year was published in, if loaded.
    pub fn calendar_notice(&self, year: i32) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT notice FROM calendar_years WHERE year = ?1",
                [year],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The named days of a year.
    pub fn calendar_days(&self, year: i32) -> Result<Vec<CalendarDay>> {
        let mut stmt = self.conn.prepare(
            "SELECT day, kind, name FROM calendar_days WHERE day >= ?1 AND day < ?2 ORDER BY day",
        )?;
        let raws: Vec<(String, String, String)> = stmt
            .query_map(
                [format!("{year}-01-01"), format!("{}-01-01", year + 1)],
                |r| r.try_into(),
            )?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(|(d, k, name)| {
                Ok(CalendarDay {
                    day: parse_date(&d)?,
                    holiday: k == "holiday",
                    name,
                })
            })
            .collect()
    }

    /// Add or replace a year of the official calendar (admin), and count again every running
    /// clock not yet due, with one audit entry saying how many dates changed.
    pub fn import_calendar(
        &mut self,
        actor: &Staff,
        year: &CalendarYear,
    ) -> Result<CalendarImport> {
        require(actor, Act::Administer)?;
        let now = self.now();
        let today = now.date();
        self.write_anchored("calendar.import", |tx| {
            acting(tx, actor, Act::Administer)?;
            let replaced: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM calendar_years WHERE year = ?1)",
                [year.year],
                |r| r.get(0),
            )?;
            put_calendar_year(tx, year)?;
            let calendar = calendar_in(tx)?;
            let counting = counting_of(tx)?;
            let running = clock_rows(tx, "stopped IS NULL AND due >= ?1", &fmt_date(today))?;
            let mut recomputed = 0;
            let mut cases = std::collections::BTreeSet::new();
            for c in running {
                let due = fmt_date(counted(&calendar, counting, &c.spec)?.due);
                if due != c.due {
                    tx.execute("UPDATE clocks SET due = ?1 WHERE id = ?2", params![due, c.id])?;
                    recomputed += 1;
                    cases.insert(c.case_id);
                }
            }
            for case_id in &cases {
                refresh_case_due(tx, *case_id)?;
            }
            let holidays = year.days.values().filter(|(k, _)| *k == DayKind::Holiday).count();
            let adjusted_working = year.days.len() - holidays;
            audit::append(
                tx,
                &actor.into(),
                now,
                "calendar.import",
                "calendar",
                Some(i64::from(year.year)),
                &format!(
                    "{} {} ({}): {holidays} holidays, {adjusted_working} adjusted working days; {recomputed} due dates recomputed on {} cases",
                    if replaced { "replaced" } else { "added" },
                    year.year,
                    year.notice,
                    cases.len()
                ),
            )?;
            Ok(CalendarImport {
                year: year.year,
                holidays,
                adjusted_working,
                replaced,
                recomputed,
            })
        })
    }

    /// A case's clocks, each counted again now so it can explain itself.
    pub fn clocks_of(&self, case_id: i64) -> Result<Vec<Clock>> {
        let calendar = self.calendar()?;
        let counting = self.counting()?;
        clock_rows(&self.conn, "case_id = ?1", &case_id)?
            .into_iter()
            .map(|c| {
                Ok(Clock {
                    rule: c.rule,
                    due: count(&calendar, counting, &c.spec),
                    stopped: c.stopped.as_deref().map(parse_date).transpose()?,
                })
            })
            .collect()
    }

    /// Extend a running clock once (a manager, with a reason), within the `extend` rule.
    pub fn extend_clock(
        &mut self,
        actor: &Staff,
        case_id: i64,
        rule: &str,
        days: u32,
        reason: &str,
    ) -> Result<Due> {
        require(actor, Act::ExtendDeadline)?;
        // The rule is bounded where it is set; the 条例's ceiling holds whatever the file says.
        let max = self
            .rule("extend")?
            .map_or(MAX_EXTENSION_DAYS, |r| r.period.days)
            .min(MAX_EXTENSION_DAYS);
        let now = self.now();
        self.write(|tx| {
            acting(tx, actor, Act::ExtendDeadline)?;
            let mut c = one_running_clock(tx, case_id, rule)?;
            check_extension(c.spec.extension_days > 0, days, max, reason)
                .map_err(StoreError::Clock)?;
            c.spec.extension_days = days;
            let calendar = calendar_in(tx)?;
            let due = counted(&calendar, counting_of(tx)?, &c.spec)?;
            tx.execute(
                "UPDATE clocks SET extension_days = ?1, due = ?2 WHERE id = ?3",
                params![days, fmt_date(due.due), c.id],
            )?;
            refresh_case_due(tx, case_id)?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "clock.extend",
                "case",
                Some(case_id),
                &format!(
                    "{rule}: +{days} days, {} -> {}; reason: {reason}",
                    c.due, due.due
                ),
            )?;
            Ok(due)
        })
    }

    /// Suspend a running clock for a period (a manager, with a reason).
    pub fn suspend_clock(
        &mut self,
        actor: &Staff,
        case_id: i64,
        rule: &str,
        suspension: Suspension,
        reason: &str,
    ) -> Result<Due> {
        require(actor, Act::SuspendDeadline)?;
        check_suspension(suspension, reason).map_err(StoreError::Clock)?;
        let now = self.now();
        self.write(|tx| {
            acting(tx, actor, Act::SuspendDeadline)?;
            let mut c = one_running_clock(tx, case_id, rule)?;
            tx.execute(
                "INSERT INTO clock_suspensions (clock_id, from_day, to_day, reason, by_staff, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    c.id,
                    fmt_date(suspension.from),
                    fmt_date(suspension.to),
                    reason,
                    actor.id,
                    fmt_ts(now)
                ],
            )?;
            c.spec.suspensions.push(suspension);
            let calendar = calendar_in(tx)?;
            let due = counted(&calendar, counting_of(tx)?, &c.spec)?;
            tx.execute(
                "UPDATE clocks SET due = ?1 WHERE id = ?2",
                params![fmt_date(due.due), c.id],
            )?;
            refresh_case_due(tx, case_id)?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "clock.suspend",
                "case",
                Some(case_id),
                &format!(
                    "{rule}: suspended {} to {}, {} -> {}; reason: {reason}",
                    suspension.from, suspension.to, c.due, due.due
                ),
            )?;
            Ok(due)
        })
    }
}

pub(crate) fn one_running_clock(
    tx: &Transaction<'_>,
    case_id: i64,
    rule: &str,
) -> Result<ClockRow> {
    clock_rows(tx, "stopped IS NULL AND case_id = ?1", &case_id)?
        .into_iter()
        .find(|c| c.rule == rule)
        .ok_or_else(|| StoreError::NotFound(format!("no running '{rule}' deadline on this case")))
}

/// The calendar as this transaction sees it.
pub(crate) fn calendar_in(conn: &Connection) -> Result<Calendar> {
    super::load_calendar(conn)
}
