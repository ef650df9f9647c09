//! The figures offices are judged by (`xfdesk report`, the statistics view, the yearly report
//! of 条例 Art. 41). Over the cases received in a period, overall, by unit and by first
//! handler: contacts by channel and category, first and repeat contacts, leapfrogging, and
//! six rates. The store reads the facts of each case (and counts of contacts and steps that
//! share their facts); what counts towards which figure is decided here, in `Tally`, and
//! every rate is a pure function of a tally.

mod names;
mod tally;

pub use names::Names;
pub use tally::{ClockEnd, ContactGroup, ReportCase, Tally};

use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The days a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why a period was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// The end comes before the start.
    Backwards,
    /// A year chrono cannot hold (or none an office could mean).
    BadYear,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        if to < from {
            Err(PeriodError::Backwards)
        } else {
            Ok(Period { from, to })
        }
    }

    /// A calendar year (the yearly report).
    pub fn year(year: i32) -> Result<Period, PeriodError> {
        if !(2000..=2100).contains(&year) {
            return Err(PeriodError::BadYear);
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(PeriodError::BadYear)?;
        let to = NaiveDate::from_ymd_opt(year, 12, 31).ok_or(PeriodError::BadYear)?;
        Ok(Period { from, to })
    }

    /// The calendar month holding `day`.
    pub fn month_of(day: NaiveDate) -> Period {
        let from = day.with_day(1).unwrap_or(day);
        let next = if from.month() == 12 {
            NaiveDate::from_ymd_opt(from.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(from.year(), from.month() + 1, 1)
        };
        let to = next.and_then(|n| n.pred_opt()).unwrap_or(from);
        Period { from, to }
    }

    /// The period of the same kind just before (`-1`) or after (`1`) this one: the month
    /// before, the year before; otherwise a period of the same length.
    pub fn shifted(self, by: i32) -> Period {
        let whole_year = self.from.month() == 1
            && self.from.day() == 1
            && self.to.month() == 12
            && self.to.day() == 31
            && self.from.year() == self.to.year();
        let whole_month = self.from.day() == 1 && Period::month_of(self.from) == self;
        if whole_year {
            Period::year(self.from.year() + by).unwrap_or(self)
        } else if whole_month {
            let mut p = self;
            for _ in 0..by.unsigned_abs() {
                let anchor = if by < 0 {
                    p.from.pred_opt()
                } else {
                    p.to.succ_opt()
                };
                p = anchor.map_or(p, Period::month_of);
            }
            p
        } else {
            let days = (self.to - self.from).num_days() + 1;
            let shift = chrono::Duration::days(days * i64::from(by));
            Period {
                from: self.from + shift,
                to: self.to + shift,
            }
        }
    }

    /// Whether the period is one calendar year.
    pub fn is_year(&self) -> bool {
        Period::year(self.from.year()).is_ok_and(|y| y == *self)
    }
}

/// A rate with what it is counted from: `num` of `den`, and no rate when `den` is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rate {
    pub num: u64,
    pub den: u64,
}

impl Rate {
    pub fn new(num: u64, den: u64) -> Rate {
        Rate { num, den }
    }

    /// The share, 0 to 1; None when there is nothing to divide by.
    pub fn rate(&self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 / self.den as f64)
    }

    /// The share in percent, one decimal, for print ("93.5%"); "—" when there is none.
    pub fn percent(&self) -> String {
        self.rate()
            .map_or_else(|| "—".to_string(), |r| format!("{:.1}%", r * 100.0))
    }
}

/// The six rates and the share of first contacts, as each is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rates {
    pub first_contact_share: Rate,
    pub timely_acceptance: Rate,
    pub on_time_closing: Rate,
    pub evaluation_rate: Rate,
    pub satisfaction_rate: Rate,
    pub one_time_resolution: Rate,
    pub leader_case_resolution: Rate,
}

/// The share of first contacts (初信初访) among all contacts.
pub fn first_contact_share(t: &Tally) -> Rate {
    Rate::new(t.first_contacts, t.contacts)
}

/// 及时受理率: acceptance (受理 or 不予受理) decided by the accept clock's due date, of the
/// cases whose accept clock has ended (decided, or its due date passed undecided).
pub fn timely_acceptance(t: &Tally) -> Rate {
    Rate::new(t.accept_on_time, t.accept_ended)
}

/// 按期办结率: the handling clock met by its due date (an approved extension counts), of the
/// cases whose handling clock has ended.
pub fn on_time_closing(t: &Tally) -> Rate {
    Rate::new(t.handle_on_time, t.handle_ended)
}

/// 参评率: feedback with an evaluation, of feedback given.
pub fn evaluation_rate(t: &Tally) -> Rate {
    Rate::new(t.evaluated, t.feedback)
}

/// 满意率: 满意 and 基本满意, of the evaluations.
pub fn satisfaction_rate(t: &Tally) -> Rate {
    Rate::new(t.satisfied, t.evaluated)
}

/// 一次性化解率: closed cases with a single contact, no 复查/复核 request and no follow-up
/// recorded as unsettled, of the closed cases.
pub fn one_time_resolution(t: &Tally) -> Rate {
    Rate::new(t.resolved_first_time, t.closed)
}

/// 包案化解率: cases in a leader's personal charge that are closed and not recorded as
/// unsettled at follow-up, of the cases in a leader's charge.
pub fn leader_case_resolution(t: &Tally) -> Rate {
    Rate::new(t.leader_resolved, t.leader_cases)
}

impl Tally {
    pub fn rates(&self) -> Rates {
        Rates {
            first_contact_share: first_contact_share(self),
            timely_acceptance: timely_acceptance(self),
            on_time_closing: on_time_closing(self),
            evaluation_rate: evaluation_rate(self),
            satisfaction_rate: satisfaction_rate(self),
            one_time_resolution: one_time_resolution(self),
            leader_case_resolution: leader_case_resolution(self),
        }
    }
}

/// Whose figures a tally holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// A unit (None: cases the office handled itself, never sent to a unit).
    Unit(Option<i64>),
    /// A first handler (None: none recorded).
    FirstHandler(Option<i64>),
}

/// The report being counted: overall, by unit and by first handler at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    /// The day the report was counted: a clock not stopped by then has ended only if its due
    /// date is before it.
    pub as_of: NaiveDate,
    pub overall: Tally,
    pub by_unit: BTreeMap<Option<i64>, Tally>,
    pub by_first_handler: BTreeMap<Option<i64>, Tally>,
}

impl Report {
    pub fn new(period: Period, as_of: NaiveDate) -> Self {
        Self {
            period,
            as_of,
            overall: Tally::default(),
            by_unit: BTreeMap::new(),
            by_first_handler: BTreeMap::new(),
        }
    }

    /// Apply `f` to the overall tally, the unit's and the first handler's.
    pub fn each(&mut self, unit: Option<i64>, handler: Option<i64>, f: impl Fn(&mut Tally)) {
        f(&mut self.overall);
        f(self.by_unit.entry(unit).or_default());
        f(self.by_first_handler.entry(handler).or_default());
    }

    /// One case received in the period, with its unit and first handler.
    pub fn add_case(&mut self, unit: Option<i64>, handler: Option<i64>, case: &ReportCase) {
        let as_of = self.as_of;
        self.each(unit, handler, |t| t.add_case(case, as_of));
    }

    pub fn add_contacts(&mut self, unit: Option<i64>, handler: Option<i64>, g: &ContactGroup) {
        self.each(unit, handler, |t| t.add_contacts(g));
    }

    pub fn add_feedback(
        &mut self,
        unit: Option<i64>,
        handler: Option<i64>,
        rating: crate::domain::workflow::Rating,
        n: u64,
    ) {
        self.each(unit, handler, |t| t.add_feedback(rating, n));
    }

    pub fn add_supervision(
        &mut self,
        unit: Option<i64>,
        handler: Option<i64>,
        kind: crate::domain::workflow::StepKind,
        n: u64,
    ) {
        self.each(unit, handler, |t| t.add_supervision(kind, n));
    }

    /// The units' tallies, the most matters first, cases with no unit last.
    pub fn units_by_size(&self) -> Vec<(Option<i64>, &Tally)> {
        by_size(&self.by_unit)
    }

    /// The first handlers' tallies, the most matters first, none recorded last.
    pub fn handlers_by_size(&self) -> Vec<(Option<i64>, &Tally)> {
        by_size(&self.by_first_handler)
    }

    /// Notices issued in the period: counted overall, and on the unit or the staff member
    /// each names (a staff member's count sits with their figures as first handler).
    pub fn add_notices(&mut self, target: GroupKey, n: u64) {
        self.overall.notices += n;
        match target {
            GroupKey::Unit(u) => self.by_unit.entry(u).or_default().notices += n,
            GroupKey::FirstHandler(s) => self.by_first_handler.entry(s).or_default().notices += n,
        }
    }
}

fn by_size(groups: &BTreeMap<Option<i64>, Tally>) -> Vec<(Option<i64>, &Tally)> {
    let mut out: Vec<(Option<i64>, &Tally)> = groups.iter().map(|(k, t)| (*k, t)).collect();
    out.sort_by(|a, b| {
        a.0.is_none()
            .cmp(&b.0.is_none())
            .then(b.1.cases.cmp(&a.1.cases))
            .then(a.0.cmp(&b.0))
    });
    out
}

#[cfg(test)]
mod tests;
