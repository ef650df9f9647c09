//! Which clocks each step starts and stops (DESIGN §3–§4): acceptance ends the accept clock
//! and starts the 60-day handling clock; a transfer ends the register clock and opens the
//! unit's 5-working-day objection window; the reply reaching the person ends the handling
//! clock and opens the 30-day window for a review request; and so on for each round.

use super::{CaseFacts, HandlingKind, ReviewLevel, Step};
use chrono::NaiveDate;

/// Clocks that are windows someone else has, not deadlines the office must meet: a unit's
/// time to object to a transfer (after it the unit owns the matter), a person's time to ask
/// for a review. Their end changes what may happen next; it never makes a case overdue, so
/// they do not count towards the case's next deadline.
pub const WINDOWS: &[&str] = &["objection", "review-request", "rereview-request"];

/// Whether the rule's clock is a deadline the office must meet (not a [`WINDOWS`] one).
pub fn is_deadline(rule: &str) -> bool {
    !WINDOWS.contains(&rule)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockChange {
    /// Start the rule's clock from the day (a clock already started is left as it is: the
    /// 60 days run from the first acceptance even if the case is returned and approved again).
    Start { rule: &'static str, from: NaiveDate },
    /// Stop the rule's clock today (met or moot), if it runs.
    Stop { rule: &'static str },
    /// Stop every running clock (the case is closed).
    StopAll,
}

use ClockChange::{Start, Stop, StopAll};

pub fn clock_changes(step: &Step, facts: &CaseFacts, today: NaiveDate) -> Vec<ClockChange> {
    match step {
        Step::Approve { .. } if facts.round == 0 => {
            // Acceptance (受理): the notice clock is met; handling runs from today. A matter
            // not accepted is decided by the refusal itself (see Reject).
            if facts_proposed_not_accepted(facts) {
                vec![]
            } else {
                vec![
                    Stop { rule: "accept" },
                    Start {
                        rule: "handle",
                        from: today,
                    },
                ]
            }
        }
        Step::Transfer { .. } => vec![
            Stop { rule: "register" },
            Start {
                rule: "objection",
                from: today,
            },
        ],
        Step::HandleHere { .. } => vec![Stop { rule: "register" }],
        Step::Reject { .. } => vec![Stop { rule: "register" }, Stop { rule: "accept" }],
        Step::Reply { .. } => vec![Stop { rule: "objection" }],
        Step::Feedback { on, .. } => match facts.round {
            0 => vec![
                Stop { rule: "handle" },
                Start {
                    rule: "review-request",
                    from: *on,
                },
            ],
            1 => vec![
                Stop {
                    rule: "review-decision",
                },
                Start {
                    rule: "rereview-request",
                    from: *on,
                },
            ],
            _ => vec![Stop {
                rule: "rereview-decision",
            }],
        },
        Step::Close { .. } => vec![
            StopAll,
            Start {
                rule: "follow-up",
                from: today,
            },
        ],
        Step::FollowUp { .. } => vec![Stop { rule: "follow-up" }],
        Step::Reopen {
            level, received_on, ..
        } => match level {
            ReviewLevel::Review => vec![
                Stop {
                    rule: "review-request",
                },
                Start {
                    rule: "review-decision",
                    from: *received_on,
                },
            ],
            ReviewLevel::ReReview => vec![
                Stop {
                    rule: "rereview-request",
                },
                Start {
                    rule: "rereview-decision",
                    from: *received_on,
                },
            ],
        },
        _ => vec![],
    }
}

/// The opinion being approved proposes not to accept the matter.
fn facts_proposed_not_accepted(facts: &CaseFacts) -> bool {
    facts.proposed_handling == Some(HandlingKind::NotAccepted)
}
