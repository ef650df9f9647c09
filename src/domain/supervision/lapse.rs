//! What the nightly check finds (`xfdesk check`): every kind of lapse, decided here from what
//! the store reads of the open cases (and of closed ones awaiting their follow-up), grouped
//! by unit and by first handler. Overdue lapses make the check exit 1.

use super::urgency_in;
use crate::domain::calendar::{Calendar, Period, Urgency, due_date};
use crate::domain::query::DueWindow;
use chrono::{Duration, NaiveDate};
use std::collections::BTreeMap;

/// The kinds of lapse, in the order the check reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LapseKind {
    /// An open case whose next deadline has passed.
    Overdue,
    /// An open case whose next deadline falls within the due-soon window.
    DueSoon,
    /// Sent to a unit, no reply yet, and the reply is due: the 交办 report date or the
    /// handling deadline has passed or falls within the due-soon window.
    TransferNoReply,
    /// A unit's reply waiting for review longer than the `review-wait` rule.
    ReplyNotReviewed,
    /// Reviewed (or handled here) and the person not yet answered within the `feedback-wait`
    /// rule.
    FeedbackNotGiven,
    /// A closed case whose follow-up (回访) is due within the window or late.
    FollowUpDue,
    /// A unit's share of a joint review past its due date.
    SharePastDue,
    /// An open case nobody has worked on for the `inactivity_days` setting.
    Inactive,
}

impl LapseKind {
    pub const ALL: [LapseKind; 8] = [
        LapseKind::Overdue,
        LapseKind::DueSoon,
        LapseKind::TransferNoReply,
        LapseKind::ReplyNotReviewed,
        LapseKind::FeedbackNotGiven,
        LapseKind::FollowUpDue,
        LapseKind::SharePastDue,
        LapseKind::Inactive,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LapseKind::Overdue => "overdue",
            LapseKind::DueSoon => "due-soon",
            LapseKind::TransferNoReply => "transfer-no-reply",
            LapseKind::ReplyNotReviewed => "reply-not-reviewed",
            LapseKind::FeedbackNotGiven => "feedback-not-given",
            LapseKind::FollowUpDue => "follow-up-due",
            LapseKind::SharePastDue => "share-past-due",
            LapseKind::Inactive => "inactive",
        }
    }

    pub fn from_code(code: &str) -> Option<LapseKind> {
        LapseKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The case a finding is about, as the store reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseRef {
    pub case_id: i64,
    pub number: String,
    pub unit_id: Option<i64>,
    pub unit: Option<String>,
    pub first_handler_id: Option<i64>,
    pub first_handler_login: Option<String>,
    pub first_handler: Option<String>,
    pub summary: String,
}

/// What the store found on a case that may be a lapse; `assess` decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    /// An open case's next deadline (`cases.due`).
    Deadline { due: NaiveDate },
    /// Sent to a unit and not replied: the 交办 report date, and the running handling
    /// deadline.
    AwaitingReply {
        report_by: Option<NaiveDate>,
        handle_due: Option<NaiveDate>,
    },
    /// Replied, waiting for review since the day of the reply.
    AwaitingReview { since: NaiveDate },
    /// Reviewed or handled here, waiting to be answered since that day.
    AwaitingFeedback { since: NaiveDate },
    /// A closed case's running follow-up clock.
    FollowUp { due: NaiveDate },
    /// A joint-review share not done, owed by its unit.
    Share {
        due: NaiveDate,
        unit_id: i64,
        unit: String,
    },
    /// An open case's last activity (its last step or contact).
    LastActivity { on: NaiveDate },
}

/// The rules the check judges by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckRules {
    pub window: DueWindow,
    /// Working days a reply may wait for review (`review-wait`).
    pub review_wait: u32,
    /// Working days a reviewed reply may wait to reach the person (`feedback-wait`).
    pub feedback_wait: u32,
    /// Days without activity that make an open case inactive (`inactivity_days`).
    pub inactivity_days: u32,
}

/// One lapse found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: LapseKind,
    pub case: CaseRef,
    /// The day it was (or is) due.
    pub due: NaiveDate,
    /// Past its day (what makes the check exit 1); an inactive case is a warning, not late.
    pub overdue: bool,
}

impl Finding {
    /// Days past the due day (negative: days left).
    pub fn days_late(&self, today: NaiveDate) -> i64 {
        (today - self.due).num_days()
    }
}

/// The day a wait of `days` working days from `since` runs out.
fn wait_until(calendar: &Calendar, since: NaiveDate, days: u32) -> NaiveDate {
    due_date(
        calendar,
        since,
        Period {
            days,
            working: true,
        },
    )
    .due
}

/// Whether what the store found is a lapse, and of which kind.
pub fn assess(
    calendar: &Calendar,
    rules: &CheckRules,
    case: CaseRef,
    candidate: Candidate,
) -> Option<Finding> {
    let w = &rules.window;
    let today = w.today;
    let (kind, due, overdue) = match candidate {
        Candidate::Deadline { due } => match urgency_in(w, due) {
            Urgency::Overdue => (LapseKind::Overdue, due, true),
            Urgency::DueSoon => (LapseKind::DueSoon, due, false),
            Urgency::Normal => return None,
        },
        Candidate::AwaitingReply {
            report_by,
            handle_due,
        } => {
            let due = [report_by, handle_due].into_iter().flatten().min()?;
            if due > w.soon_until {
                return None;
            }
            (LapseKind::TransferNoReply, due, due < today)
        }
        Candidate::AwaitingReview { since } => {
            let due = wait_until(calendar, since, rules.review_wait);
            (due < today).then_some((LapseKind::ReplyNotReviewed, due, true))?
        }
        Candidate::AwaitingFeedback { since } => {
            let due = wait_until(calendar, since, rules.feedback_wait);
            (due < today).then_some((LapseKind::FeedbackNotGiven, due, true))?
        }
        Candidate::FollowUp { due } => {
            if due > w.soon_until {
                return None;
            }
            (LapseKind::FollowUpDue, due, due < today)
        }
        Candidate::Share { due, unit_id, unit } => {
            if due >= today {
                return None;
            }
            // The share is owed by its own unit, whoever leads the case.
            let case = CaseRef {
                unit_id: Some(unit_id),
                unit: Some(unit),
                ..case
            };
            return Some(Finding {
                kind: LapseKind::SharePastDue,
                case,
                due,
                overdue: true,
            });
        }
        Candidate::LastActivity { on } => {
            let due = on + Duration::days(i64::from(rules.inactivity_days));
            (due < today).then_some((LapseKind::Inactive, due, false))?
        }
    };
    Some(Finding {
        kind,
        case,
        due,
        overdue,
    })
}

/// Counts of one group (or of all findings): per kind, and how many of them are late.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LapseCounts {
    pub by_kind: BTreeMap<LapseKind, u64>,
    pub overdue: u64,
    pub total: u64,
}

impl LapseCounts {
    pub fn add(&mut self, f: &Finding) {
        *self.by_kind.entry(f.kind).or_default() += 1;
        self.total += 1;
        if f.overdue {
            self.overdue += 1;
        }
    }

    pub fn of(&self, kind: LapseKind) -> u64 {
        self.by_kind.get(&kind).copied().unwrap_or(0)
    }
}

/// A group of findings: a unit, or a first handler (None: none recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The unit's or the handler's name; None for cases with no unit (handled by the office)
    /// or no first handler.
    pub name: Option<String>,
    /// The handler's login, for a group by first handler.
    pub login: Option<String>,
    pub counts: LapseCounts,
}

/// Everything one check found, in the order it is reported and recorded: by unit (cases with
/// no unit last), then first handler, kind, due date and case number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub date: NaiveDate,
    pub soon_until: NaiveDate,
    pub findings: Vec<Finding>,
    /// This year and next: those with no official calendar loaded.
    pub missing_calendars: Vec<i32>,
}

impl CheckReport {
    pub fn new(window: DueWindow, mut findings: Vec<Finding>, missing_calendars: Vec<i32>) -> Self {
        findings.sort_by(|a, b| {
            let key = |f: &Finding| {
                (
                    f.case.unit.is_none(),
                    f.case.unit.clone(),
                    f.case.first_handler.is_none(),
                    f.case.first_handler.clone(),
                    f.kind,
                    f.due,
                    f.case.number.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        Self {
            date: window.today,
            soon_until: window.soon_until,
            findings,
            missing_calendars,
        }
    }

    pub fn counts(&self) -> LapseCounts {
        let mut c = LapseCounts::default();
        for f in &self.findings {
            c.add(f);
        }
        c
    }

    /// 0 when nothing is late, 1 when something is.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.findings.iter().any(|f| f.overdue))
    }

    pub fn by_unit(&self) -> Vec<Group> {
        group(&self.findings, |f| (f.case.unit.clone(), None))
    }

    pub fn by_first_handler(&self) -> Vec<Group> {
        group(&self.findings, |f| {
            (
                f.case.first_handler.clone(),
                f.case.first_handler_login.clone(),
            )
        })
    }
}

/// Findings counted by a key, the groups with the most late ones first, then by name (those
/// with no name last).
fn group(
    findings: &[Finding],
    key: impl Fn(&Finding) -> (Option<String>, Option<String>),
) -> Vec<Group> {
    let mut groups: BTreeMap<(bool, Option<String>, Option<String>), LapseCounts> = BTreeMap::new();
    for f in findings {
        let (name, login) = key(f);
        groups
            .entry((name.is_none(), name, login))
            .or_default()
            .add(f);
    }
    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|((_, name, login), counts)| Group {
            name,
            login,
            counts,
        })
        .collect();
    out.sort_by(|a, b| {
        b.counts
            .overdue
            .cmp(&a.counts.overdue)
            .then(a.name.is_none().cmp(&b.name.is_none()))
            .then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests;
