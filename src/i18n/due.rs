//! How a due date was counted, in words: every date shown can explain itself (DESIGN §4).

use super::Lang;
use crate::domain::calendar::Due;

/// One line saying how the date was counted.
pub fn explain_due(lang: Lang, due: &Due) -> String {
    let zh = lang == Lang::Zh;
    let unit = match (zh, due.period.working) {
        (true, true) => "个工作日",
        (true, false) => "日",
        (false, true) => "working days",
        (false, false) => "days",
    };
    let mut s = if zh {
        format!("自 {} 起 {} {unit}", due.from, due.period.days)
    } else {
        format!("{} {unit} from {}", due.period.days, due.from)
    };
    if due.extension_days > 0 {
        s.push_str(&if zh {
            format!("，延期 {} {unit}", due.extension_days)
        } else {
            format!(", extended by {} {unit}", due.extension_days)
        });
    }
    if due.suspended_days > 0 {
        s.push_str(&if zh {
            format!("，中止 {} 日不计", due.suspended_days)
        } else {
            format!(", {} suspended days not counted", due.suspended_days)
        });
    }
    s.push_str(&if zh {
        format!("，截止 {}", due.due)
    } else {
        format!(", last day {}", due.due)
    });
    if let Some(d) = due.moved_from {
        s.push_str(&if zh {
            format!("（{d} 为节假日或休息日，顺延至下一工作日）")
        } else {
            format!(" ({d} is a rest day or holiday, moved to the next working day)")
        });
    }
    if !due.missing_years.is_empty() {
        let years: Vec<String> = due.missing_years.iter().map(|y| y.to_string()).collect();
        s.push_str(&if zh {
            format!("；{} 年无官方日历，仅按周末计算", years.join("、"))
        } else {
            format!(
                "; no official calendar for {}, counted on weekends alone",
                years.join(", ")
            )
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{Calendar, Period, due_date};
    use crate::domain::reference::ReferenceData;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn official() -> Calendar {
        let mut c = Calendar::new();
        for y in ReferenceData::builtin().calendars {
            c.add_calendar_year(&y);
        }
        c
    }

    fn days(n: u32) -> Period {
        Period {
            days: n,
            working: false,
        }
    }

    #[test]
    fn explanations_say_how_the_date_was_counted() {
        let c = official();
        let due = due_date(&c, d("2026-01-05"), days(60));
        assert_eq!(
            explain_due(Lang::En, &due),
            "60 days from 2026-01-05, last day 2026-03-06"
        );
        assert_eq!(
            explain_due(Lang::Zh, &due),
            "自 2026-01-05 起 60 日，截止 2026-03-06"
        );
        let moved = due_date(&c, d("2026-09-16"), days(15));
        assert_eq!(moved.due, d("2026-10-08"));
        assert!(explain_due(Lang::En, &moved).contains("2026-10-01 is a rest day or holiday"));
    }

    #[test]
    fn a_year_without_a_calendar_says_so() {
        let due = due_date(&official(), d("2026-12-20"), days(15));
        assert!(explain_due(Lang::Zh, &due).contains("2027 年无官方日历"));
    }
}
