//! 值班/接访安排 (专家门诊式接访): who receives visitors in which half-day and room, by weekly
//! pattern and by explicit slot; the checks every change to it must pass; matching a visitor
//! to an expert on duty; the week a notice covers; the roster file an office imports.
//!
//! How the roster is kept: a manager sets weekly patterns once ("王建国, Mondays am, 接访室一,
//! from 2026-11-23"); explicit rows for a date override them person by person: an `On` row
//! puts someone on duty (a slot added, moved, swapped or a substitute), an `Off` row takes a
//! pattern's occurrence away (a slot removed or moved, an absent expert). What is on duty at a
//! half-day is [`effective::effective`] of the two.

pub mod edit;
pub mod effective;
pub mod import;
pub mod matching;
pub mod week;

pub use edit::{NewPattern, ProfileEdit, RosterEdit, RosterError, RowChange};
pub use effective::{Assignment, Source, effective};
pub use matching::{Candidate, match_experts};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// The longest room name kept.
pub const MAX_ROOM_CHARS: usize = 20;
/// The longest title (职务) kept.
pub const MAX_TITLE_CHARS: usize = 20;
/// The longest reason or note on a roster change.
pub const MAX_NOTE_CHARS: usize = 200;

/// A morning or an afternoon of one day: the unit of the roster. The afternoon runs from noon
/// to midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HalfDay {
    pub day: NaiveDate,
    pub afternoon: bool,
}

impl HalfDay {
    pub fn new(day: NaiveDate, afternoon: bool) -> Self {
        Self { day, afternoon }
    }

    /// The half-day going on at `at` (office-local).
    pub fn of(at: NaiveDateTime) -> Self {
        Self::new(at.date(), at.hour() >= 12)
    }

    /// `am` or `pm`, as stored and as files write it.
    pub fn half_code(self) -> &'static str {
        if self.afternoon { "pm" } else { "am" }
    }

    pub fn weekday(self) -> Weekday {
        self.day.weekday()
    }
}

/// `am`/`pm`, `上午`/`下午` (and `AM`, `PM`) → afternoon or not.
pub fn parse_half(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "am" | "上午" => Some(false),
        "pm" | "下午" => Some(true),
        _ => None,
    }
}

/// Whether a person on duty is a leader (领导: their days are 领导接访日) or a cadre (业务骨干).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rank {
    Leader,
    #[default]
    Cadre,
}

impl Rank {
    pub fn code(self) -> &'static str {
        match self {
            Rank::Leader => "leader",
            Rank::Cadre => "cadre",
        }
    }

    pub fn parse(s: &str) -> Option<Rank> {
        match s {
            "leader" => Some(Rank::Leader),
            "cadre" => Some(Rank::Cadre),
            _ => None,
        }
    }
}

/// A member of staff as the roster sees them: may they be on duty, what do they take, how
/// senior are they.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expert {
    pub staff_id: i64,
    pub login: String,
    pub name: String,
    /// Active and holding the expert or the manager (leader) role.
    pub eligible: bool,
    pub rank: Rank,
    /// 职务, e.g. 副局长; may be empty.
    pub title: String,
    /// In petition work since (for seniority); None: not recorded.
    pub since: Option<NaiveDate>,
    /// Category ids.
    pub specialties: Vec<i64>,
}

/// A weekly pattern: someone on duty every such weekday and half, in a room, from a day
/// (until a last day, or for good).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub id: i64,
    pub staff_id: i64,
    pub weekday: Weekday,
    pub afternoon: bool,
    pub room: String,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Pattern {
    /// Whether this pattern puts its person on duty at `when`.
    pub fn applies(&self, when: HalfDay) -> bool {
        when.afternoon == self.afternoon
            && when.weekday() == self.weekday
            && when.day >= self.from
            && self.until.is_none_or(|u| when.day <= u)
    }
}

/// What an explicit row says about its person at its half-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// On duty, in the row's room (whatever a pattern says).
    On,
    /// Not on duty (a pattern's occurrence taken away: removed, moved, absent).
    Off,
}

impl RowKind {
    pub fn code(self) -> &'static str {
        match self {
            RowKind::On => "on",
            RowKind::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Option<RowKind> {
        match s {
            "on" => Some(RowKind::On),
            "off" => Some(RowKind::Off),
            _ => None,
        }
    }
}

/// An explicit row of the roster: one person at one half-day (at most one row each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyRow {
    pub when: HalfDay,
    pub staff_id: i64,
    pub kind: RowKind,
    pub room: String,
    /// On a substitute's row: whom they stand in for.
    pub substitute_for: Option<i64>,
    /// Why (a removal's or a substitute's reason), in words.
    pub note: String,
}

/// What the store holds of the roster over some days: the patterns that reach into them and
/// the explicit rows of those days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterState {
    pub patterns: Vec<Pattern>,
    pub rows: Vec<DutyRow>,
}

/// An expert on duty in one half-day, as the roster pane and the notice show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutySlot {
    pub day: NaiveDate,
    pub afternoon: bool,
    pub staff_id: i64,
    pub staff_name: String,
    pub rank: Rank,
    pub title: String,
    pub room: String,
    /// Category names, in the office's order.
    pub specialties: Vec<String>,
    /// Visitors routed to this expert and still waiting.
    pub waiting: u32,
    /// From a weekly pattern (not set for this date alone).
    pub from_pattern: bool,
    /// A substitute's slot: the name of the expert they stand in for.
    pub substitute_for: Option<String>,
    pub note: String,
}

impl DutySlot {
    /// Whether this slot is the half-day going on at `now` (office-local).
    pub fn is_at(&self, now: NaiveDateTime) -> bool {
        self.when() == HalfDay::of(now)
    }

    pub fn when(&self) -> HalfDay {
        HalfDay::new(self.day, self.afternoon)
    }
}

/// One week of the roster, Monday first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterWeek {
    pub monday: Option<NaiveDate>,
    pub slots: Vec<DutySlot>,
}

impl RosterWeek {
    /// The half-days of the week a leader is on duty: its 领导接访日, with the leaders' names.
    pub fn leader_days(&self) -> Vec<(HalfDay, Vec<String>)> {
        let mut out: Vec<(HalfDay, Vec<String>)> = vec![];
        for s in self.slots.iter().filter(|s| s.rank == Rank::Leader) {
            match out.iter_mut().find(|(w, _)| *w == s.when()) {
                Some((_, names)) => names.push(s.staff_name.clone()),
                None => out.push((s.when(), vec![s.staff_name.clone()])),
            }
        }
        out
    }
}

/// A weekly pattern with its person's name, for the patterns view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternView {
    pub pattern: Pattern,
    pub staff_name: String,
    pub rank: Rank,
}

/// An expert on duty now, for routing a visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertOnDuty {
    pub staff_id: i64,
    pub name: String,
    pub room: String,
    pub waiting: u32,
    /// Whether the expert's specialties cover the chosen category.
    pub covers: bool,
}

/// A visitor routed to an expert and still waiting to be seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingVisitor {
    pub case_id: i64,
    pub number: String,
    pub petitioner_name: String,
    pub routed_at: NaiveDateTime,
}

/// Where a routed visitor goes: the expert's name and room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutedTo {
    pub expert_name: String,
    pub room: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_pattern_applies_on_its_weekday_and_half_within_its_days() {
        let p = Pattern {
            id: 1,
            staff_id: 7,
            weekday: Weekday::Mon,
            afternoon: false,
            room: "接访室一".into(),
            from: d("2026-11-23"),
            until: Some(d("2026-12-07")),
        };
        assert!(p.applies(HalfDay::new(d("2026-11-23"), false)));
        assert!(!p.applies(HalfDay::new(d("2026-11-23"), true)));
        assert!(!p.applies(HalfDay::new(d("2026-11-24"), false)));
        assert!(!p.applies(HalfDay::new(d("2026-11-16"), false)), "before");
        assert!(p.applies(HalfDay::new(d("2026-12-07"), false)), "last day");
        assert!(!p.applies(HalfDay::new(d("2026-12-14"), false)), "after");
    }

    #[test]
    fn halves_are_read_in_either_language() {
        assert_eq!(parse_half("am"), Some(false));
        assert_eq!(parse_half(" 下午 "), Some(true));
        assert_eq!(parse_half("PM"), Some(true));
        assert_eq!(parse_half("noon"), None);
        let at = d("2026-11-23").and_hms_opt(12, 0, 0).unwrap();
        assert!(HalfDay::of(at).afternoon);
    }
}
