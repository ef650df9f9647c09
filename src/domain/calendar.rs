//! Official calendars and deadline counting (DESIGN §4).
//!
//! Pure functions: the store loads the calendar and the rules; nothing here does I/O.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
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

    fn next_working_day_from(&self, mut day: NaiveDate) -> NaiveDate {
        while !self.is_working_day(day) {
            day += Duration::days(1);
        }
        day
    }
}

/// A period counted from a start date, in calendar or working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub days: u32,
    pub working: bool,
}

/// A due date and how it was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub from: NaiveDate,
    pub period: Period,
    pub due: NaiveDate,
    /// The calendar day the count reached before moving off a rest day, if it moved.
    pub moved_from: Option<NaiveDate>,
    /// Years the count touched for which no official calendar is loaded.
    pub missing_years: Vec<i32>,
}

impl Due {
    /// One line saying how the date was counted, in Chinese or English.
    pub fn explain(&self, zh: bool) -> String {
        let mut s = if self.period.working {
            if zh {
                format!(
                    "自 {} 起 {} 个工作日，截止 {}",
                    self.from, self.period.days, self.due
                )
            } else {
                format!(
                    "{} working days from {}, last day {}",
                    self.period.days, self.from, self.due
                )
            }
        } else if zh {
            format!(
                "自 {} 起 {} 日，截止 {}",
                self.from, self.period.days, self.due
            )
        } else {
            format!(
                "{} days from {}, last day {}",
                self.period.days, self.from, self.due
            )
        };
        if let Some(d) = self.moved_from {
            if zh {
                s.push_str(&format!("（{d} 为节假日或休息日，顺延至下一工作日）"));
            } else {
                s.push_str(&format!(
                    " ({d} is a rest day or holiday, moved to the next working day)"
                ));
            }
        }
        if !self.missing_years.is_empty() {
            let years: Vec<String> = self.missing_years.iter().map(|y| y.to_string()).collect();
            if zh {
                s.push_str(&format!(
                    "；{} 年无官方日历，仅按周末计算",
                    years.join("、")
                ));
            } else {
                s.push_str(&format!(
                    "; no official calendar for {}, counted on weekends alone",
                    years.join(", ")
                ));
            }
        }
        s
    }
}

/// Count `period` from `from` under Chinese procedure: the start day is not counted; a
/// calendar-day period ending on a rest day or holiday ends on the next working day; a
/// working-day period counts only working days (adjusted weekends included).
pub fn due_date(calendar: &Calendar, from: NaiveDate, period: Period) -> Due {
    let mut missing = BTreeSet::new();
    let mut note = |d: NaiveDate| {
        if !calendar.has_year(d.year()) {
            missing.insert(d.year());
        }
    };
    let (due, moved_from) = if period.working {
        let mut day = from;
        let mut counted = 0;
        while counted < period.days {
            day += Duration::days(1);
            note(day);
            if calendar.is_working_day(day) {
                counted += 1;
            }
        }
        (day, None)
    } else {
        let last = from + Duration::days(i64::from(period.days));
        note(last);
        let due = calendar.next_working_day_from(last);
        let mut d = last;
        while d < due {
            d += Duration::days(1);
            note(d);
        }
        (due, (due != last).then_some(last))
    };
    Due {
        from,
        period,
        due,
        moved_from,
        missing_years: missing.into_iter().collect(),
    }
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
    pub fn name_zh(self) -> &'static str {
        match self {
            Urgency::Overdue => "超期",
            Urgency::DueSoon => "临期",
            Urgency::Normal => "正常",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due soon",
            Urgency::Normal => "normal",
        }
    }
}

/// Working days from `today` (not counted) up to and including `due`; 0 when due today.
pub fn working_days_left(calendar: &Calendar, today: NaiveDate, due: NaiveDate) -> u32 {
    let mut n = 0;
    let mut d = today;
    while d < due {
        d += Duration::days(1);
        if calendar.is_working_day(d) {
            n += 1;
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
    } else if working_days_left(calendar, today, due) <= soon_working_days {
        Urgency::DueSoon
    } else {
        Urgency::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The 2026 calendar from the State Council notice (国办发明电〔2025〕7号).
    fn cal2026() -> Calendar {
        let mut c = Calendar::new();
        let mut hol = vec![];
        for (a, b) in [
            ("2026-01-01", "2026-01-03"),
            ("2026-02-15", "2026-02-23"),
            ("2026-04-04", "2026-04-06"),
            ("2026-05-01", "2026-05-05"),
            ("2026-06-19", "2026-06-21"),
            ("2026-09-25", "2026-09-27"),
            ("2026-10-01", "2026-10-07"),
        ] {
            let mut x = d(a);
            while x <= d(b) {
                hol.push(x);
                x += Duration::days(1);
            }
        }
        let work: Vec<_> = [
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        c.add_year(2026, &hol, &work);
        c
    }

    #[test]
    fn calendar_days_end_on_next_working_day_after_a_holiday() {
        // 15 days from 2026-09-16 is 10-01, National Day: moves to 10-08.
        let due = due_date(
            &cal2026(),
            d("2026-09-16"),
            Period {
                days: 15,
                working: false,
            },
        );
        assert_eq!(due.due, d("2026-10-08"));
        assert_eq!(due.moved_from, Some(d("2026-10-01")));
        assert!(due.missing_years.is_empty());
    }

    #[test]
    fn working_days_count_adjusted_weekends() {
        // From Wed 2026-09-30: 10-01..07 holiday, Sat 10-10 is an adjusted working day.
        let due = due_date(
            &cal2026(),
            d("2026-09-30"),
            Period {
                days: 5,
                working: true,
            },
        );
        // 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (Sat, adjusted) 3, 10-12 (Mon) 4, 10-13 5.
        assert_eq!(due.due, d("2026-10-13"));
    }

    #[test]
    fn missing_year_is_reported_not_guessed() {
        let due = due_date(
            &cal2026(),
            d("2026-12-20"),
            Period {
                days: 30,
                working: false,
            },
        );
        assert_eq!(due.missing_years, vec![2027]);
        assert!(due.explain(false).contains("no official calendar for 2027"));
    }

    #[test]
    fn urgency_classes() {
        let c = cal2026();
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
    }
}
