//! The week a notice covers: ISO 8601 weeks (`2026-W48`), Monday to Sunday.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Why a week was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeekError {
    /// Not written `YYYY-Www`.
    Format(String),
    /// That year has no such week (weeks run 1–52, or 53 in some years).
    NoSuchWeek { year: i32, week: u32 },
}

impl std::fmt::Display for WeekError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::roster::week_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for WeekError {}

/// The Monday of an ISO week written `YYYY-Www` (`2026-W48`; `2026-w48` too).
pub fn parse_week(text: &str) -> Result<NaiveDate, WeekError> {
    let bad = || WeekError::Format(crate::domain::text::clean_line(text));
    let t = text.trim();
    let (year, week) = t
        .split_once("-W")
        .or_else(|| t.split_once("-w"))
        .ok_or_else(bad)?;
    if year.len() != 4 || week.len() != 2 {
        return Err(bad());
    }
    let year: i32 = year.parse().map_err(|_| bad())?;
    let week: u32 = week.parse().map_err(|_| bad())?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or(WeekError::NoSuchWeek { year, week })
}

/// The Monday of the week `day` is in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// `2026-W48`.
pub fn week_label(monday: NaiveDate) -> String {
    let w = monday.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_weeks_name_their_monday() {
        assert_eq!(parse_week("2026-W48"), Ok(d("2026-11-23")));
        assert_eq!(parse_week("2026-w01"), Ok(d("2025-12-29")));
        assert_eq!(parse_week("2026-W53"), Ok(d("2026-12-28")));
        assert_eq!(
            parse_week("2025-W53"),
            Err(WeekError::NoSuchWeek {
                year: 2025,
                week: 53
            })
        );
        for bad in [
            "2026-48",
            "26-W48",
            "2026-W4",
            "2026-W4x",
            "",
            "2026-W\u{1b}[2J",
        ] {
            assert!(
                matches!(parse_week(bad), Err(WeekError::Format(_))),
                "{bad:?}"
            );
        }
        assert_eq!(week_label(d("2025-12-29")), "2026-W01");
        assert_eq!(monday_of(d("2026-11-29")), d("2026-11-23"));
    }
}
