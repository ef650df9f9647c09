//! 督办: open cases by how pressing their deadlines are, the supervision ladder each case
//! climbs, accountability notices (通报), and what the nightly check finds (`lapse`).

pub mod ladder;
pub mod lapse;
pub mod notice;

pub use ladder::{Ladder, Rung};

use super::calendar::Urgency;
use super::query::{DueWindow, ListedCase};
use super::role::Role;
use super::staff::Staff;
use super::workflow::StepKind;
use chrono::NaiveDate;

/// Open cases by how pressing their running clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrgencyCounts {
    pub open: u64,
    pub overdue: u64,
    pub due_soon: u64,
}

impl UrgencyCounts {
    /// Open cases neither overdue nor due soon (those without a running deadline included).
    pub fn rest(&self) -> u64 {
        self.open
            .saturating_sub(self.overdue)
            .saturating_sub(self.due_soon)
    }
}

/// How pressing a deadline is on the list's day: overdue after its due day, due soon up to the
/// last day of the due-soon window (`DueWindow::soon_until`, counted in working days across
/// the official calendar), normal after it. The same classes the queue's filters and the
/// nightly check use, so a case is counted where it is listed.
pub fn urgency_in(window: &DueWindow, due: NaiveDate) -> Urgency {
    if due < window.today {
        Urgency::Overdue
    } else if due <= window.soon_until {
        Urgency::DueSoon
    } else {
        Urgency::Normal
    }
}

/// One row of the supervision list: the listed case, who is responsible for it and who follows
/// it, and how far up the ladder it has gone.
#[derive(Debug, Clone, PartialEq)]
pub struct SupervisedCase {
    pub listed: ListedCase,
    /// The responsible unit (责任单位), once the case went to one.
    pub unit: Option<String>,
    /// 首办责任人.
    pub first_handler: Option<String>,
    /// The supervisor following the case, if it is under supervision.
    pub supervisor: Option<String>,
    pub ladder: Ladder,
    /// An extension was asked of a manager and not yet granted.
    pub extension_requested: bool,
    /// When the case was last urged.
    pub last_urged: Option<NaiveDate>,
}

/// The supervisor following a case, by name, from its latest 督办立项 (None when it is not
/// under supervision).
pub fn supervisor_of(case: &super::CaseDetail) -> Option<String> {
    case.facts.supervisor_id?;
    case.timeline.iter().rev().find_map(|e| match &e.item {
        super::timeline::TimelineItem::Step(s) if s.kind == Some(StepKind::Supervise) => {
            s.to_staff.clone()
        }
        _ => None,
    })
}

/// Whether `staff` may be named to follow a case: an active supervisor or manager.
pub fn may_supervise(staff: &Staff) -> bool {
    staff.active && (staff.has(Role::Supervisor) || staff.has(Role::Manager))
}

/// Who is concerned by a supervision step and should hear of it: the case's first handler
/// (and, when a case is put under supervision, the supervisor named), never the one acting.
pub fn concerned(
    kind: StepKind,
    actor: i64,
    first_handler: Option<i64>,
    supervisor: Option<i64>,
) -> Vec<i64> {
    let mut out: Vec<i64> = first_handler.into_iter().collect();
    if kind == StepKind::Supervise {
        out.extend(supervisor);
    }
    out.retain(|id| *id != actor);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{Calendar, Period, due_date};
    use crate::domain::reference::ReferenceData;

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

    /// The due-soon window as the session counts it: three working days from today.
    fn window(calendar: &Calendar, today: &str) -> DueWindow {
        let today = d(today);
        let soon_until = due_date(
            calendar,
            today,
            Period {
                days: 3,
                working: true,
            },
        )
        .due;
        DueWindow { today, soon_until }
    }

    #[test]
    fn urgency_classes_across_the_national_day_holiday() {
        let c = official();
        // 2026-09-30 (Wed): the holiday runs 10-01..10-07; Sat 10-10 is a working day. Three
        // working days on are 10-08, 10-09, 10-10.
        let w = window(&c, "2026-09-30");
        assert_eq!(w.soon_until, d("2026-10-10"));
        assert_eq!(urgency_in(&w, d("2026-09-29")), Urgency::Overdue);
        assert_eq!(
            urgency_in(&w, d("2026-09-30")),
            Urgency::DueSoon,
            "due today"
        );
        // Nine calendar days away, but only two working days: due soon.
        assert_eq!(urgency_in(&w, d("2026-10-09")), Urgency::DueSoon);
        assert_eq!(urgency_in(&w, d("2026-10-10")), Urgency::DueSoon);
        assert_eq!(urgency_in(&w, d("2026-10-11")), Urgency::Normal);
        assert_eq!(urgency_in(&w, d("2026-10-12")), Urgency::Normal);
    }

    #[test]
    fn urgency_classes_across_the_spring_festival_and_an_adjusted_weekend() {
        let c = official();
        // 2026-02-13 (Fri): Sat 02-14 is an adjusted working day, 02-15..02-23 the holiday.
        let w = window(&c, "2026-02-13");
        assert_eq!(w.soon_until, d("2026-02-25"));
        assert_eq!(urgency_in(&w, d("2026-02-12")), Urgency::Overdue);
        assert_eq!(urgency_in(&w, d("2026-02-14")), Urgency::DueSoon);
        assert_eq!(urgency_in(&w, d("2026-02-20")), Urgency::DueSoon);
        assert_eq!(urgency_in(&w, d("2026-02-25")), Urgency::DueSoon);
        assert_eq!(urgency_in(&w, d("2026-02-26")), Urgency::Normal);
        // An ordinary week: Mon 2026-03-02 to Thu 03-05.
        let w = window(&c, "2026-03-02");
        assert_eq!(w.soon_until, d("2026-03-05"));
        assert_eq!(urgency_in(&w, d("2026-03-06")), Urgency::Normal);
    }

    #[test]
    fn the_rest_is_what_is_neither_overdue_nor_due_soon() {
        let c = UrgencyCounts {
            open: 10,
            overdue: 3,
            due_soon: 2,
        };
        assert_eq!(c.rest(), 5);
    }

    #[test]
    fn the_first_handler_hears_of_an_urging_and_the_supervisor_of_being_named() {
        assert_eq!(concerned(StepKind::Urge, 1, Some(2), Some(3)), vec![2]);
        assert_eq!(
            concerned(StepKind::Supervise, 1, Some(2), Some(3)),
            vec![2, 3]
        );
        assert_eq!(
            concerned(StepKind::Supervise, 3, Some(3), Some(3)),
            Vec::<i64>::new(),
            "not the one acting"
        );
    }
}
