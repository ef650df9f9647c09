//! Reference data as shipped in `data/` (TOML): categories, units, deadline rules, official
//! calendars and a sample duty roster. Parsing and checking only; the store keeps them.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
pub struct CategoryDef {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub initials: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UnitDef {
    pub code: String,
    pub name: String,
    pub initials: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RuleDef {
    pub name: String,
    pub from: String,
    pub days: u32,
    pub working: bool,
    pub article: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExpertDef {
    pub login: String,
    pub name: String,
    /// `leader` or `cadre` (the default).
    #[serde(default)]
    pub rank: Option<String>,
    /// 职务.
    #[serde(default)]
    pub title: String,
    /// In petition work since (seniority).
    #[serde(default)]
    pub since: Option<NaiveDate>,
    pub room: String,
    pub specialties: Vec<String>,
    /// Weekly: `mon-am` … `sun-pm`.
    pub slots: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CategoriesFile {
    category: Vec<CategoryDef>,
}
#[derive(Debug, Deserialize)]
struct UnitsFile {
    unit: Vec<UnitDef>,
}
#[derive(Debug, Deserialize)]
struct RulesFile {
    rule: Vec<RuleDef>,
}
#[derive(Debug, Deserialize)]
struct RosterFile {
    expert: Vec<ExpertDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    year: i32,
    notice: String,
    #[serde(default)]
    holidays: Vec<HolidaySpan>,
    #[serde(default)]
    working: Vec<WorkingDay>,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidaySpan {
    from: NaiveDate,
    to: NaiveDate,
    name: String,
}
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkingDay {
    day: NaiveDate,
    name: String,
}

/// One year of the official calendar, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarYear {
    pub year: i32,
    pub notice: String,
    /// Every day of the year that is a holiday (放假) or an adjusted working day (调休上班).
    pub days: BTreeMap<NaiveDate, (DayKind, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    Holiday,
    AdjustedWorking,
}

impl CalendarYear {
    /// Parse and check a calendar file: every date inside the year, none listed twice, and an
    /// adjusted working day only on a Saturday or Sunday.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: CalendarFile = toml::from_str(text).map_err(|e| e.to_string())?;
        // The State Council's notices began in 1949; two centuries ahead is plenty.
        if !(1949..=2200).contains(&file.year) {
            return Err(format!(
                "{} is not a year an official calendar can be given for (1949 to 2200)",
                file.year
            ));
        }
        let mut days = BTreeMap::new();
        let mut put = |day: NaiveDate, kind: DayKind, name: &str| -> Result<(), String> {
            if day.year() != file.year {
                return Err(format!("{day} is outside the year {}", file.year));
            }
            // A calendar file is typed by hand or downloaded: its words are stored cleaned.
            let name = super::text::clean_line(name).trim().to_string();
            if days.insert(day, (kind, name)).is_some() {
                return Err(format!("{day} is listed twice"));
            }
            Ok(())
        };
        for span in &file.holidays {
            if span.to < span.from {
                return Err(format!("{} ends before it begins ({})", span.from, span.to));
            }
            let mut d = span.from;
            while d <= span.to {
                put(d, DayKind::Holiday, &span.name)?;
                // put() refused any day outside the year, so the next day exists.
                let Some(next) = d.succ_opt() else { break };
                d = next;
            }
        }
        for w in &file.working {
            if !matches!(w.day.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(format!(
                    "{} is a {} and cannot be an adjusted working day",
                    w.day,
                    w.day.weekday()
                ));
            }
            put(w.day, DayKind::AdjustedWorking, &w.name)?;
        }
        Ok(Self {
            year: file.year,
            notice: super::text::clean_line(&file.notice).trim().to_string(),
            days,
        })
    }
}

impl super::calendar::Calendar {
    /// Add (or replace) one checked year of the official calendar.
    pub fn add_calendar_year(&mut self, year: &CalendarYear) {
        let mut holidays = vec![];
        let mut working = vec![];
        for (day, (kind, _)) in &year.days {
            match kind {
                DayKind::Holiday => holidays.push(*day),
                DayKind::AdjustedWorking => working.push(*day),
            }
        }
        self.add_year(year.year, &holidays, &working);
    }
}

/// Everything `init` loads.
#[derive(Debug, Clone)]
pub struct ReferenceData {
    pub categories: Vec<CategoryDef>,
    pub units: Vec<UnitDef>,
    pub rules: Vec<RuleDef>,
    pub calendars: Vec<CalendarYear>,
    pub roster: Vec<ExpertDef>,
}

const CATEGORIES: &str = include_str!("../../data/categories.toml");
const UNITS: &str = include_str!("../../data/units.toml");
const RULES: &str = include_str!("../../data/rules.toml");
const ROSTER: &str = include_str!("../../data/roster.toml");
const CALENDARS: [&str; 3] = [
    include_str!("../../data/holidays/2024.toml"),
    include_str!("../../data/holidays/2025.toml"),
    include_str!("../../data/holidays/2026.toml"),
];

fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> T {
    // The files are compiled in and checked by the tests: a failure here is a build defect.
    toml::from_str(text).unwrap_or_else(|e| panic!("data/{what} is malformed: {e}"))
}

impl ReferenceData {
    /// The data shipped with the program (the files of `data/`, built in).
    pub fn builtin() -> Self {
        let categories: CategoriesFile = parse("categories.toml", CATEGORIES);
        let units: UnitsFile = parse("units.toml", UNITS);
        let rules: RulesFile = parse("rules.toml", RULES);
        let roster: RosterFile = parse("roster.toml", ROSTER);
        let calendars = CALENDARS
            .iter()
            // Compiled in and checked by the tests, like the files above.
            .map(|t| CalendarYear::parse(t).unwrap_or_else(|e| panic!("data/holidays: {e}")))
            .collect();
        Self {
            categories: categories.category,
            units: units.unit,
            rules: rules.rule,
            calendars,
            roster: roster.expert,
        }
    }
}

/// `mon-am` → (Monday, afternoon = false).
pub fn parse_slot(s: &str) -> Option<(Weekday, bool)> {
    let (day, half) = s.split_once('-')?;
    let day = match day {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    };
    let afternoon = match half {
        "am" => false,
        "pm" => true,
        _ => return None,
    };
    Some((day, afternoon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_and_is_consistent() {
        let data = ReferenceData::builtin();
        assert!(data.categories.iter().any(|c| c.name_zh == "征地拆迁"));
        for e in &data.roster {
            for s in &e.slots {
                assert!(parse_slot(s).is_some(), "{s}");
            }
            for sp in &e.specialties {
                assert!(data.categories.iter().any(|c| &c.code == sp), "{sp}");
            }
            if let Some(rank) = &e.rank {
                assert!(crate::domain::roster::Rank::parse(rank).is_some(), "{rank}");
            }
        }
        let y2026 = data.calendars.iter().find(|c| c.year == 2026).unwrap();
        let holidays = y2026
            .days
            .values()
            .filter(|(k, _)| *k == DayKind::Holiday)
            .count();
        assert_eq!(holidays, 3 + 9 + 3 + 5 + 3 + 3 + 7);
    }

    #[test]
    fn malformed_calendars_are_refused_naming_the_date() {
        let twice = r#"year = 2026
notice = "x"
holidays = [{ from = "2026-01-01", to = "2026-01-03", name = "a" }]
working = [{ day = "2026-01-03", name = "b" }]"#;
        assert_eq!(
            CalendarYear::parse(twice).unwrap_err(),
            "2026-01-03 is listed twice"
        );
        let outside = r#"year = 2026
notice = "x"
holidays = [{ from = "2025-12-31", to = "2026-01-01", name = "a" }]"#;
        assert_eq!(
            CalendarYear::parse(outside).unwrap_err(),
            "2025-12-31 is outside the year 2026"
        );
        let weekday = r#"year = 2026
notice = "x"
working = [{ day = "2026-01-05", name = "b" }]"#;
        assert!(
            CalendarYear::parse(weekday)
                .unwrap_err()
                .starts_with("2026-01-05 is a Mon")
        );
    }
}
