//! Official calendars and deadline counting (DESIGN §4).
//!
//! Pure functions: the store loads the calendar and the rules; nothing here does I/O.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeSet, HashSet};

/// The days the State Council has declared holidays (放假) and adjusted working days (调休上班),
/// for the years it has published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeSet<i32>,
    holidays: HashSet<NaiveDate>,
    adjusted_working: HashSet<NaiveDate>,
}

impl Calendar {
    pub fn new() -> Self {
        Self::default()
    }

    /// Record a published year's days. A year with no days listed still counts as published.
    pub fn add_year(&mut self, year: i32, holidays: &[NaiveDate], adjusted_working: &[NaiveDate]) {
        self.years.insert(year);
        self.holidays.retain(|d| d.year() != year);
        self.adjusted_working.retain(|d| d.year() != year);
        self.holidays.extend(holidays.iter().copied());
        self.adjusted_working
            .extend(adjusted_working.iter().copied());
    }

    pub fn has_year(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.contains(&day)
    }

    pub fn is_adjusted_working_day(&self, day: NaiveDate) -> bool {
        self.adjusted_working.contains(&day)
    }

    /// A working day: Monday to Friday unless a holiday, or an adjusted working weekend day.
    /// In a year with no calendar, weekends alone decide (callers say so: see `Due`).
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.adjusted_working.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The first working day on or after `day`; None past the last date chrono can hold.
    fn next_working_day_from(&self, mut day: NaiveDate) -> Option<NaiveDate> {
        while !self.is_working_day(day) {
            day = day.succ_opt()?;
        }
        Some(day)
    }
}

/// The longest period a rule may have: a year and a day. Nothing in the 条例 is longer, and a
/// typo such as 100000000 must be refused where it is typed, not met by every later save.
pub const MAX_RULE_DAYS: u32 = 366;

/// The longest extension the 条例 allows (Art. 34: at most 30 days, once).
pub const MAX_EXTENSION_DAYS: u32 = 30;

/// The widest "due soon" warning window, in working days: beyond a month every case would be
/// "due soon" and the warning would mean nothing.
pub const MAX_DUE_SOON_DAYS: u32 = 20;

/// Why a rule's period was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// Outside `min..=max` days for this rule.
    OutOfRange {
        rule: String,
        days: u32,
        min: u32,
        max: u32,
    },
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleError::OutOfRange {
                rule,
                days,
                min,
                max,
            } => write!(
                f,
                "the rule '{rule}' may be {min} to {max} days, not {days}"
            ),
        }
    }
}

impl std::error::Error for RuleError {}

/// The days a rule may have: 1 to 366, an extension at most 30, the due-soon window at most 20
/// working days.
pub fn rule_bounds(rule: &str) -> (u32, u32) {
    match rule {
        "extend" => (1, MAX_EXTENSION_DAYS),
        "due-soon" => (1, MAX_DUE_SOON_DAYS),
        _ => (1, MAX_RULE_DAYS),
    }
}

/// Check a rule's new period against its bounds.
pub fn check_rule(rule: &str, period: Period) -> Result<(), RuleError> {
    let (min, max) = rule_bounds(rule);
    if (min..=max).contains(&period.days) {
        Ok(())
    } else {
        Err(RuleError::OutOfRange {
            rule: rule.to_string(),
            days: period.days,
            min,
            max,
        })
    }
}

/// Why a due date could not be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountError {
    /// The period (with any extension) is longer than any rule allows.
    TooLong { days: u64 },
    /// The count runs past the last date that can be represented.
    OutOfRange,
}

impl std::fmt::Display for CountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CountError::TooLong { days } => write!(
                f,
                "a period of {days} days is longer than any deadline (at most {} days with its extension)",
                MAX_RULE_DAYS + MAX_EXTENSION_DAYS
            ),
            CountError::OutOfRange => {
                f.write_str("the count runs beyond any date a deadline can fall on")
            }
        }
    }
}

impl std::error::Error for CountError {}

/// A period counted from a start date, in calendar or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub days: u32,
    pub working: bool,
}

/// A deadline rule (data/rules.toml, kept in the database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub name: String,
    /// The event the count runs from (receipt, transfer, acceptance, reply, …).
    pub event: String,
    pub period: Period,
    /// The article of the 条例 (or local rule) it rests on.
    pub article: String,
}

/// A clock on a case: its rule, how it is counted now, and when it stopped (met or ended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    pub rule: String,
    pub due: Due,
    pub stopped: Option<NaiveDate>,
}

/// The counting conventions of Chinese procedure, each a setting (DESIGN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counting {
    /// Whether the start day is day 1. The default (false) follows procedure: 期间开始的日不计算在内.
    pub start_day_counts: bool,
    /// Whether a calendar-day period ending on a rest day or holiday ends on the next working day.
    pub roll_forward: bool,
}

impl Default for Counting {
    fn default() -> Self {
        Self {
            start_day_counts: false,
            roll_forward: true,
        }
    }
}

/// Days that do not count towards a clock (an expert appraisal, a hearing), both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suspension {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Suspension {
    fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// Everything that decides a clock's due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockSpec {
    pub from: NaiveDate,
    pub period: Period,
    /// Days added by an approved extension (延期), counted like the period.
    pub extension_days: u32,
    pub suspensions: Vec<Suspension>,
}

impl ClockSpec {
    pub fn new(from: NaiveDate, period: Period) -> Self {
        Self {
            from,
            period,
            extension_days: 0,
            suspensions: vec![],
        }
    }
}

/// A due date and how it was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub from: NaiveDate,
    pub period: Period,
    pub due: NaiveDate,
    pub extension_days: u32,
    /// Days skipped because the clock was suspended.
    pub suspended_days: u32,
    /// The day the count reached before moving off a rest day, if it moved.
    pub moved_from: Option<NaiveDate>,
    /// Years the count touched for which no official calendar is loaded.
    pub missing_years: Vec<i32>,
}

/// Count `period` from `from` with the default conventions. See [`count`] for a period that
/// cannot be counted.
pub fn due_date(calendar: &Calendar, from: NaiveDate, period: Period) -> Due {
    count(calendar, Counting::default(), &ClockSpec::new(from, period))
}

/// [`try_count`] for callers whose periods were bounded where they were set. It never panics:
/// a period that cannot be counted gives the last representable date, which sorts after every
/// real one. Anything that takes a period from input uses [`try_count`] and says why.
pub fn count(calendar: &Calendar, counting: Counting, spec: &ClockSpec) -> Due {
    try_count(calendar, counting, spec).unwrap_or_else(|_| Due {
        from: spec.from,
        period: spec.period,
        due: NaiveDate::MAX,
        extension_days: spec.extension_days,
        suspended_days: 0,
        moved_from: None,
        missing_years: vec![],
    })
}

/// The days counted at most: a rule's longest period with the longest extension, and room for
/// suspensions, holidays and weekends around them.
const MAX_COUNTED_DAYS: u64 = (MAX_RULE_DAYS + MAX_EXTENSION_DAYS) as u64;

/// The furthest a count walks, suspensions included: a century.
const MAX_WALKED_DAYS: u32 = 36_525;

/// Count a clock: walk forward from the start, counting each day that is not suspended (and,
/// for a working-day period, is a working day), until the period plus any extension is used.
/// Every step is checked: a period longer than any rule, or one that runs past the last
/// representable date, is an error in words, never a panic or a endless walk.
pub fn try_count(
    calendar: &Calendar,
    counting: Counting,
    spec: &ClockSpec,
) -> Result<Due, CountError> {
    let target = u64::from(spec.period.days) + u64::from(spec.extension_days);
    if target > MAX_COUNTED_DAYS {
        return Err(CountError::TooLong { days: target });
    }
    let mut missing = BTreeSet::new();
    let mut day = if counting.start_day_counts {
        spec.from
    } else {
        spec.from.succ_opt().ok_or(CountError::OutOfRange)?
    };
    let mut counted = 0;
    let mut suspended_days = 0u32;
    let mut last = spec.from;
    // Suspensions can stretch a count, but not past a century: beyond that the data is wrong.
    let mut walked = 0u32;
    while counted < target {
        walked += 1;
        if walked > MAX_WALKED_DAYS {
            return Err(CountError::OutOfRange);
        }
        if !calendar.has_year(day.year()) {
            missing.insert(day.year());
        }
        if spec.suspensions.iter().any(|s| s.contains(day)) {
            suspended_days = suspended_days.saturating_add(1);
        } else if !spec.period.working || calendar.is_working_day(day) {
            counted += 1;
            last = day;
            if counted == target {
                break;
            }
        }
        day = day.succ_opt().ok_or(CountError::OutOfRange)?;
    }
    let mut due = last;
    if !spec.period.working && counting.roll_forward {
        due = calendar
            .next_working_day_from(last)
            .ok_or(CountError::OutOfRange)?;
        let mut d = last;
        while d < due {
            d = d.succ_opt().ok_or(CountError::OutOfRange)?;
            if !calendar.has_year(d.year()) {
                missing.insert(d.year());
            }
        }
    }
    Ok(Due {
        from: spec.from,
        period: spec.period,
        due,
        extension_days: spec.extension_days,
        suspended_days,
        moved_from: (due != last).then_some(last),
        missing_years: missing.into_iter().collect(),
    })
}

/// Calendar days from `today` to `due`: positive = days left, negative = days overdue.
pub fn days_left(today: NaiveDate, due: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// Why a change to a clock was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockError {
    ReasonRequired,
    /// The 条例 allows one extension.
    AlreadyExtended,
    /// More than the longest extension the rules allow.
    ExtensionTooLong {
        max: u32,
    },
    ZeroDays,
    /// A suspension that ends before it begins.
    BackwardsPeriod,
}

impl std::fmt::Display for ClockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::errors::clock_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for ClockError {}

/// Check an extension request: a reason, once, at most `max_days`. Who may extend is
/// `permission::Act::ExtendDeadline`.
pub fn check_extension(
    already_extended: bool,
    days: u32,
    max_days: u32,
    reason: &str,
) -> Result<(), ClockError> {
    if reason.trim().is_empty() {
        return Err(ClockError::ReasonRequired);
    }
    if already_extended {
        return Err(ClockError::AlreadyExtended);
    }
    if days == 0 {
        return Err(ClockError::ZeroDays);
    }
    if days > max_days {
        return Err(ClockError::ExtensionTooLong { max: max_days });
    }
    Ok(())
}

/// Check a suspension: a reason, a period that runs forward. Who may suspend is
/// `permission::Act::SuspendDeadline`.
pub fn check_suspension(suspension: Suspension, reason: &str) -> Result<(), ClockError> {
    if reason.trim().is_empty() {
        return Err(ClockError::ReasonRequired);
    }
    if suspension.to < suspension.from {
        return Err(ClockError::BackwardsPeriod);
    }
    Ok(())
}

/// How pressing a running clock is, as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    DueSoon,
    Normal,
}

impl Urgency {
    /// A marker character, so colour is never the only sign.
    pub fn marker(self) -> char {
        match self {
            Urgency::Overdue => '!',
            Urgency::DueSoon => '~',
            Urgency::Normal => ' ',
        }
    }
}

/// Working days from `today` (not counted) up to and including `due`; 0 when due today.
pub fn working_days_left(calendar: &Calendar, today: NaiveDate, due: NaiveDate) -> u32 {
    working_days_left_up_to(calendar, today, due, u32::MAX)
}

/// As [`working_days_left`], but stops counting after `cap`: deciding "due soon" never walks
/// the years to a date far away.
fn working_days_left_up_to(calendar: &Calendar, today: NaiveDate, due: NaiveDate, cap: u32) -> u32 {
    let mut n = 0u32;
    let mut d = today;
    while d < due && n <= cap {
        // d < due, so d has a successor.
        let Some(next) = d.succ_opt() else { break };
        d = next;
        if calendar.is_working_day(d) {
            n = n.saturating_add(1);
        }
    }
    n
}

/// Overdue after the due day; due soon within `soon_working_days` working days; else normal.
pub fn urgency(
    calendar: &Calendar,
    today: NaiveDate,
    due: NaiveDate,
    soon_working_days: u32,
) -> Urgency {
    if today > due {
        Urgency::Overdue
    } else if working_days_left_up_to(calendar, today, due, soon_working_days) <= soon_working_days
    {
        Urgency::DueSoon
    } else {
        Urgency::Normal
    }
}

/// The office-local date and time of an instant: a visit at 23:30 in Beijing is on that day,
/// whatever the server's own time zone.
pub fn office_local(
    instant: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
) -> chrono::NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reference::ReferenceData;
    use chrono::Duration;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The shipped calendars (2024–2026, from the State Council notices).
    fn official() -> Calendar {
        let mut c = Calendar::new();
        for y in ReferenceData::builtin().calendars {
            c.add_calendar_year(&y);
        }
        c
    }

    fn cal(days: u32) -> Period {
        Period {
            days,
            working: false,
        }
    }
    fn work(days: u32) -> Period {
        Period {
            days,
            working: true,
        }
    }

    /// Hand-counted dates a petition-office clerk would give, rule by rule.
    #[test]
    fn rules_across_the_2026_holidays() {
        let c = official();
        let cases = [
            // Spring Festival 02-15..23, adjusted working Sat 02-14 and Sat 02-28.
            (
                "accept 15 from 02-05 ends on 02-20, a holiday",
                "2026-02-05",
                cal(15),
                "2026-02-24",
            ),
            (
                "objection 5 working days over the Spring Festival",
                "2026-02-12",
                work(5),
                "2026-02-26",
            ),
            ("handle 60", "2026-01-05", cal(60), "2026-03-06"),
            // Labour Day 05-01..05, adjusted working Sat 05-09.
            (
                "review-request 30 ends on 05-01",
                "2026-04-01",
                cal(30),
                "2026-05-06",
            ),
            (
                "objection 5 working days ends on the adjusted Saturday",
                "2026-04-29",
                work(5),
                "2026-05-09",
            ),
            // National Day 10-01..07, adjusted working Sat 10-10.
            ("handle 60 from 09-28", "2026-09-28", cal(60), "2026-11-27"),
            (
                "5 working days from 09-30",
                "2026-09-30",
                work(5),
                "2026-10-13",
            ),
            (
                "rereview-decision 30 ends on 10-01",
                "2026-09-01",
                cal(30),
                "2026-10-08",
            ),
            // Starting on a holiday and on an adjusted working day.
            (
                "accept 15 from a holiday, ending on a Sunday",
                "2026-10-03",
                cal(15),
                "2026-10-19",
            ),
            (
                "objection from an adjusted working Saturday",
                "2026-10-10",
                work(5),
                "2026-10-16",
            ),
            // Across a year end, with both calendars known.
            (
                "accept 15 across the 2026 new year",
                "2025-12-25",
                cal(15),
                "2026-01-09",
            ),
            (
                "working days across the new year, counting Sun 01-04",
                "2025-12-29",
                work(5),
                "2026-01-06",
            ),
        ];
        for (what, from, period, due) in cases {
            let got = due_date(&c, d(from), period);
            assert_eq!(got.due, d(due), "{what}: {got:?}");
            assert!(got.missing_years.is_empty(), "{what}");
        }
    }

    #[test]
    fn a_year_without_a_calendar_is_counted_on_weekends_and_says_so() {
        let due = due_date(&official(), d("2026-12-20"), cal(15));
        assert_eq!(due.due, d("2027-01-04"));
        assert_eq!(due.missing_years, vec![2027]);
    }

    #[test]
    fn counting_conventions_are_settings() {
        let c = official();
        let spec = ClockSpec::new(d("2026-03-02"), cal(15));
        assert_eq!(count(&c, Counting::default(), &spec).due, d("2026-03-17"));
        let start_counts = Counting {
            start_day_counts: true,
            ..Counting::default()
        };
        assert_eq!(count(&c, start_counts, &spec).due, d("2026-03-16"));
        let no_roll = Counting {
            roll_forward: false,
            ..Counting::default()
        };
        let spec = ClockSpec::new(d("2026-09-16"), cal(15));
        assert_eq!(count(&c, no_roll, &spec).due, d("2026-10-01"));
    }

    #[test]
    fn extension_and_suspension_move_the_date_and_explain_it() {
        let c = official();
        let mut spec = ClockSpec::new(d("2026-01-05"), cal(60));
        spec.suspensions.push(Suspension {
            from: d("2026-02-01"),
            to: d("2026-02-10"),
        });
        let due = count(&c, Counting::default(), &spec);
        assert_eq!(due.due, d("2026-03-16"));
        assert_eq!(due.suspended_days, 10);
        let mut spec = ClockSpec::new(d("2026-01-05"), cal(60));
        spec.extension_days = 30;
        // 90 days reach Sun 04-05, inside Qingming (04-04..06): the next working day is 04-07.
        assert_eq!(count(&c, Counting::default(), &spec).due, d("2026-04-07"));
    }

    #[test]
    fn extension_rules() {
        assert_eq!(check_extension(false, 30, 30, "需补充调查"), Ok(()));
        assert_eq!(
            check_extension(true, 10, 30, "x"),
            Err(ClockError::AlreadyExtended)
        );
        assert_eq!(
            check_extension(false, 31, 30, "x"),
            Err(ClockError::ExtensionTooLong { max: 30 })
        );
        assert_eq!(
            check_extension(false, 5, 30, " "),
            Err(ClockError::ReasonRequired)
        );
        let backwards = Suspension {
            from: d("2026-03-02"),
            to: d("2026-03-01"),
        };
        assert_eq!(
            check_suspension(backwards, "鉴定"),
            Err(ClockError::BackwardsPeriod)
        );
    }

    #[test]
    fn a_late_evening_visit_counts_on_the_office_day_with_the_server_on_utc() {
        use chrono::TimeZone;
        // 23:30 in Beijing on 2026-09-30 is 15:30 UTC the same day; 00:30 on 02-05 is 16:30
        // UTC on 02-04. The office date decides the count.
        let utc = chrono::Utc.with_ymd_and_hms(2026, 2, 4, 16, 30, 0).unwrap();
        let local = office_local(utc, chrono_tz::Asia::Shanghai);
        assert_eq!(local.date(), d("2026-02-05"));
        assert_eq!(
            due_date(&official(), local.date(), cal(15)).due,
            d("2026-02-24")
        );
        assert_eq!(
            due_date(&official(), utc.date_naive(), cal(15)).due,
            d("2026-02-24")
        );
        let utc = chrono::Utc
            .with_ymd_and_hms(2026, 9, 30, 15, 30, 0)
            .unwrap();
        assert_eq!(
            office_local(utc, chrono_tz::Asia::Shanghai).date(),
            d("2026-09-30")
        );
        let utc = chrono::Utc
            .with_ymd_and_hms(2026, 9, 15, 16, 30, 0)
            .unwrap();
        let local = office_local(utc, chrono_tz::Asia::Shanghai).date();
        assert_eq!(local, d("2026-09-16"));
        // Counted on the UTC date the visit would wrongly fall due a day earlier.
        assert_eq!(due_date(&official(), local, cal(15)).due, d("2026-10-08"));
        assert_eq!(
            due_date(&official(), utc.date_naive(), cal(15)).due,
            d("2026-09-30")
        );
    }

    #[test]
    fn urgency_classes() {
        let c = official();
        assert_eq!(
            urgency(&c, d("2026-11-26"), d("2026-11-25"), 3),
            Urgency::Overdue
        );
        assert_eq!(
            urgency(&c, d("2026-11-25"), d("2026-11-30"), 3),
            Urgency::DueSoon
        );
        assert_eq!(
            urgency(&c, d("2026-11-25"), d("2026-12-10"), 3),
            Urgency::Normal
        );
        assert_eq!(days_left(d("2026-11-25"), d("2026-11-20")), -5);
    }

    #[test]
    fn rules_are_bounded_where_they_are_set() {
        assert_eq!(check_rule("handle", cal(60)), Ok(()));
        assert_eq!(check_rule("handle", cal(366)), Ok(()));
        assert!(check_rule("accept", cal(100_000_000)).is_err());
        assert!(check_rule("accept", cal(0)).is_err());
        assert!(check_rule("extend", cal(31)).is_err());
        assert_eq!(check_rule("extend", cal(30)), Ok(()));
        assert!(check_rule("due-soon", work(21)).is_err());
        let e = check_rule("accept", cal(400)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the rule 'accept' may be 1 to 366 days, not 400"
        );
    }

    #[test]
    fn a_count_that_cannot_be_made_is_an_error_never_a_panic() {
        let c = official();
        let spec = |from, days| ClockSpec::new(from, cal(days));
        assert_eq!(
            try_count(&c, Counting::default(), &spec(d("2026-01-01"), 100_000_000)),
            Err(CountError::TooLong { days: 100_000_000 })
        );
        let mut huge = spec(d("2026-01-01"), u32::MAX);
        huge.extension_days = u32::MAX;
        assert!(try_count(&c, Counting::default(), &huge).is_err());
        assert_eq!(
            try_count(&c, Counting::default(), &spec(NaiveDate::MAX, 1)),
            Err(CountError::OutOfRange)
        );
        let near_end = NaiveDate::MAX - Duration::days(3);
        assert_eq!(
            try_count(&c, Counting::default(), &spec(near_end, 30)),
            Err(CountError::OutOfRange)
        );
        // The infallible form used by screens gives a date that sorts last instead.
        assert_eq!(
            count(&c, Counting::default(), &spec(near_end, 30)).due,
            NaiveDate::MAX
        );
        let mut long_stop = spec(d("2026-01-01"), 10);
        long_stop.suspensions.push(Suspension {
            from: d("2026-01-01"),
            to: NaiveDate::MAX,
        });
        assert_eq!(
            try_count(&c, Counting::default(), &long_stop),
            Err(CountError::OutOfRange)
        );
        assert_eq!(
            urgency(&c, d("2026-01-01"), NaiveDate::MAX, 3),
            Urgency::Normal
        );
    }

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        (0i64..(365 * 3)).prop_map(|n| d("2024-01-01") + Duration::days(n))
    }

    proptest! {
        #[test]
        fn a_working_day_due_date_is_a_working_day(from in any_day(), days in 1u32..60) {
            let c = official();
            let due = due_date(&c, from, work(days)).due;
            prop_assert!(c.is_working_day(due));
            prop_assert!(due > from);
        }

        #[test]
        fn a_rolled_calendar_due_date_is_a_working_day(from in any_day(), days in 1u32..90) {
            let c = official();
            prop_assert!(c.is_working_day(due_date(&c, from, cal(days)).due));
        }

        #[test]
        fn more_days_never_give_an_earlier_date(from in any_day(), days in 1u32..60, more in 0u32..30, working: bool) {
            let c = official();
            let p = |n| Period { days: n, working };
            prop_assert!(due_date(&c, from, p(days + more)).due >= due_date(&c, from, p(days)).due);
        }

        #[test]
        fn without_holidays_n_working_days_end_on_the_nth_weekday(offset in 0i64..300, days in 1u32..40) {
            // 2030 is declared with no holidays and no adjusted days: plain weeks.
            let mut c = Calendar::new();
            c.add_year(2030, &[], &[]);
            let from = d("2030-01-01") + Duration::days(offset);
            let mut expected = from;
            let mut n = 0;
            while n < days {
                expected += Duration::days(1);
                if !matches!(expected.weekday(), Weekday::Sat | Weekday::Sun) {
                    n += 1;
                }
            }
            prop_assert_eq!(due_date(&c, from, work(days)).due, expected);
        }
    }
}
