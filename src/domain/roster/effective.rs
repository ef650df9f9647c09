//! What is on duty: the weekly patterns, overridden person by person by the explicit rows of
//! a date.

use super::{HalfDay, Pattern, RosterState, RowKind};
use chrono::NaiveDate;

/// Where an assignment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A weekly pattern (its id).
    Pattern(i64),
    /// An explicit row of that date.
    Explicit,
}

/// One person on duty at one half-day, in one room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub when: HalfDay,
    pub staff_id: i64,
    pub room: String,
    pub source: Source,
    pub substitute_for: Option<i64>,
    pub note: String,
}

/// Everyone on duty from `from` to `to` inclusive, ordered by half-day, room and person.
/// A person with an explicit row at a half-day is on duty as that row says (in its room, or
/// not at all); everyone else as their patterns say.
pub fn effective(state: &RosterState, from: NaiveDate, to: NaiveDate) -> Vec<Assignment> {
    let mut out = vec![];
    for day in from.iter_days().take_while(|d| *d <= to) {
        for afternoon in [false, true] {
            out.extend(at(state, HalfDay::new(day, afternoon)));
        }
    }
    out
}

/// Everyone on duty at one half-day, ordered by room and person.
pub fn at(state: &RosterState, when: HalfDay) -> Vec<Assignment> {
    let rows: Vec<_> = state.rows.iter().filter(|r| r.when == when).collect();
    let mut out: Vec<Assignment> = state
        .patterns
        .iter()
        .filter(|p| p.applies(when))
        .filter(|p| !rows.iter().any(|r| r.staff_id == p.staff_id))
        .map(|p| Assignment {
            when,
            staff_id: p.staff_id,
            room: p.room.clone(),
            source: Source::Pattern(p.id),
            substitute_for: None,
            note: String::new(),
        })
        .collect();
    out.extend(
        rows.iter()
            .filter(|r| r.kind == RowKind::On)
            .map(|r| Assignment {
                when,
                staff_id: r.staff_id,
                room: r.room.clone(),
                source: Source::Explicit,
                substitute_for: r.substitute_for,
                note: r.note.clone(),
            }),
    );
    out.sort_by(|a, b| (&a.room, a.staff_id).cmp(&(&b.room, b.staff_id)));
    out
}

/// Whether a weekly pattern of `staff_id` covers `when` (whatever explicit rows say).
pub fn pattern_covers(patterns: &[Pattern], staff_id: i64, when: HalfDay) -> bool {
    patterns
        .iter()
        .any(|p| p.staff_id == staff_id && p.applies(when))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::DutyRow;
    use chrono::Weekday;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn pattern(id: i64, staff: i64, weekday: Weekday, room: &str) -> Pattern {
        Pattern {
            id,
            staff_id: staff,
            weekday,
            afternoon: false,
            room: room.into(),
            from: d("2026-11-02"),
            until: None,
        }
    }

    fn row(day: &str, staff: i64, kind: RowKind, room: &str) -> DutyRow {
        DutyRow {
            when: HalfDay::new(d(day), false),
            staff_id: staff,
            kind,
            room: room.into(),
            substitute_for: None,
            note: String::new(),
        }
    }

    #[test]
    fn explicit_rows_override_patterns_person_by_person() {
        let state = RosterState {
            patterns: vec![
                pattern(1, 10, Weekday::Mon, "一"),
                pattern(2, 20, Weekday::Mon, "二"),
            ],
            rows: vec![
                // 10 is away on the 23rd; 30 stands in; 20 sits in another room that day.
                row("2026-11-23", 10, RowKind::Off, ""),
                row("2026-11-23", 30, RowKind::On, "一"),
                row("2026-11-23", 20, RowKind::On, "三"),
            ],
        };
        let week = effective(&state, d("2026-11-16"), d("2026-11-23"));
        let on_16: Vec<_> = week
            .iter()
            .filter(|a| a.when.day == d("2026-11-16"))
            .map(|a| (a.staff_id, a.room.as_str(), a.source))
            .collect();
        assert_eq!(
            on_16,
            [
                (10, "一", Source::Pattern(1)),
                (20, "二", Source::Pattern(2))
            ]
        );
        let on_23: Vec<_> = week
            .iter()
            .filter(|a| a.when.day == d("2026-11-23"))
            .map(|a| (a.staff_id, a.room.as_str(), a.source))
            .collect();
        assert_eq!(
            on_23,
            [(30, "一", Source::Explicit), (20, "三", Source::Explicit)]
        );
        assert!(pattern_covers(
            &state.patterns,
            10,
            HalfDay::new(d("2026-11-23"), false)
        ));
        assert!(
            week.iter().all(|a| !a.when.afternoon),
            "no pattern in the afternoons"
        );
    }
}
