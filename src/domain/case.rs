//! The life of a case (DESIGN §3): its states, and which role may move it from one to the next.

use super::calendar::{Clock, Due};
use super::contact::Contact;
use super::petitioner::Petitioner;
use super::role::Role;
use super::roster::RoutedTo;
use chrono::{NaiveDate, NaiveDateTime};
use std::fmt;
use std::str::FromStr;

/// Every case starts registered (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CaseState {
    #[default]
    Registered,
    WithExpert,
    Proposed,
    Approved,
    Transferred,
    HandledHere,
    NotAccepted,
    Replied,
    Reviewed,
    FeedbackGiven,
    Closed,
}

impl CaseState {
    pub const ALL: [CaseState; 11] = [
        CaseState::Registered,
        CaseState::WithExpert,
        CaseState::Proposed,
        CaseState::Approved,
        CaseState::Transferred,
        CaseState::HandledHere,
        CaseState::NotAccepted,
        CaseState::Replied,
        CaseState::Reviewed,
        CaseState::FeedbackGiven,
        CaseState::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CaseState::Registered => "registered",
            CaseState::WithExpert => "with_expert",
            CaseState::Proposed => "proposed",
            CaseState::Approved => "approved",
            CaseState::Transferred => "transferred",
            CaseState::HandledHere => "handled_here",
            CaseState::NotAccepted => "not_accepted",
            CaseState::Replied => "replied",
            CaseState::Reviewed => "reviewed",
            CaseState::FeedbackGiven => "feedback_given",
            CaseState::Closed => "closed",
        }
    }

    pub fn is_open(self) -> bool {
        self != CaseState::Closed
    }

    /// The states one step forward from this one, along the arrows of DESIGN §3.
    pub fn forward(self) -> &'static [CaseState] {
        use CaseState::*;
        match self {
            // with_expert is skipped when no expert is routed.
            Registered => &[WithExpert, Proposed],
            WithExpert => &[Proposed],
            Proposed => &[Approved],
            Approved => &[Transferred, HandledHere, NotAccepted],
            Transferred => &[Replied],
            Replied => &[Reviewed],
            Reviewed => &[FeedbackGiven],
            HandledHere => &[FeedbackGiven],
            FeedbackGiven => &[Closed],
            NotAccepted => &[Closed],
            Closed => &[],
        }
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for CaseState {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseState::ALL
            .into_iter()
            .find(|st| st.code() == s)
            .ok_or_else(|| format!("unknown case state '{s}'"))
    }
}

/// The kind of matter (条例 Art. 2 and 诉访分离): required at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatterKind {
    /// 申诉求决: a claim or request, most cases (the default).
    #[default]
    Request,
    /// 建议意见: a suggestion or opinion.
    Suggestion,
    /// 检举控告: an accusation; the petitioner's identity is withheld from units.
    Accusation,
}

impl MatterKind {
    pub const ALL: [MatterKind; 3] = [
        MatterKind::Request,
        MatterKind::Suggestion,
        MatterKind::Accusation,
    ];
    pub fn code(self) -> &'static str {
        match self {
            MatterKind::Request => "request",
            MatterKind::Suggestion => "suggestion",
            MatterKind::Accusation => "accusation",
        }
    }
}

impl FromStr for MatterKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MatterKind::ALL
            .into_iter()
            .find(|c| c.code() == s)
            .ok_or_else(|| format!("unknown kind of matter '{s}'"))
    }
}

/// One line of the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRow {
    pub id: i64,
    pub number: String,
    pub received_at: NaiveDateTime,
    pub petitioner_name: String,
    pub category: String,
    pub state: CaseState,
    pub due: Option<NaiveDate>,
    pub summary: String,
}

impl CaseRow {
    /// Where a page that ends with this row continues.
    pub fn page_key(&self) -> PageKey {
        PageKey {
            received_at: self.received_at,
            id: self.id,
        }
    }
}

/// Everything the detail view shows of one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDetail {
    pub row: CaseRow,
    pub kind: MatterKind,
    /// Flagged major or urgent (条例 Art. 25).
    pub urgent: bool,
    pub account: String,
    pub petitioner: Option<Petitioner>,
    pub unit: Option<String>,
    pub accept_due: Option<NaiveDate>,
    pub handle_due: Option<NaiveDate>,
    pub version: i64,
    pub contacts: Vec<Contact>,
    pub clocks: Vec<Clock>,
    /// 首办责任人.
    pub first_handler: Option<String>,
    /// The leader in personal charge (领导包案).
    pub leader: Option<String>,
    /// What the workflow needs to know to offer and check the next steps.
    pub facts: super::workflow::CaseFacts,
    /// Everything that happened, in order.
    pub timeline: Vec<super::timeline::TimelineEntry>,
    /// Confirmed incidents on the person, with their dates.
    pub person_notes: Vec<super::timeline::PersonNote>,
    /// Joint-review shares with their due dates.
    pub shares: Vec<super::timeline::ShareDue>,
    /// Names of those who stepped aside (回避).
    pub recused: Vec<String>,
}

/// Where a queue page starts: the last row of the page before it (keyset pagination).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageKey {
    pub received_at: NaiveDateTime,
    pub id: i64,
}

/// What a saved intake hands back to the receptionist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCase {
    pub case_id: i64,
    pub number: String,
    pub petitioner_id: i64,
    /// True for a repeat contact on an existing case (重复信访).
    pub repeat: bool,
    /// The acceptance-notice clock (是否受理告知), as counted.
    pub accept: Option<Due>,
    /// Where the visitor goes when routed to a duty expert.
    pub routed_to: Option<RoutedTo>,
}

/// An open case flagged major or urgent (条例 Art. 25), for telling managers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrgentCase {
    pub flagged_at: String,
    pub number: String,
    pub petitioner_name: String,
    pub summary: String,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// `to` is not reachable from `from` in one step.
    NotAllowed { from: CaseState, to: CaseState },
    /// The step exists, but none of the actor's roles may take it.
    RoleMissing {
        from: CaseState,
        to: CaseState,
        needs: Vec<Role>,
    },
    /// Returning a case needs a reason in words.
    ReasonRequired,
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::errors::transition_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for TransitionError {}

/// The roles that may take the forward step `from → to`, or None when there is no such step.
pub fn roles_for_step(from: CaseState, to: CaseState) -> Option<&'static [Role]> {
    use CaseState::*;
    use Role::*;
    if !from.forward().contains(&to) {
        return None;
    }
    Some(match (from, to) {
        (Registered, WithExpert) => &[Reception, Manager],
        (Registered, Proposed) => &[Reception, Expert],
        (WithExpert, Proposed) => &[Expert],
        (Proposed, Approved) => &[Manager],
        (Approved, Transferred) => &[Supervisor, Manager],
        (Approved, HandledHere) => &[Expert, Manager],
        (Approved, NotAccepted) => &[Manager],
        (Transferred, Replied) => &[Supervisor],
        (Replied, Reviewed) => &[Manager],
        (Reviewed, FeedbackGiven) | (HandledHere, FeedbackGiven) => &[Reception, Supervisor],
        (FeedbackGiven, Closed) | (NotAccepted, Closed) => &[Supervisor, Manager],
        _ => unreachable!("every forward step has its roles"),
    })
}

/// Check that an actor holding `roles` may move a case forward from `from` to `to`.
pub fn check_step(roles: &[Role], from: CaseState, to: CaseState) -> Result<(), TransitionError> {
    let needs = roles_for_step(from, to).ok_or(TransitionError::NotAllowed { from, to })?;
    if roles.iter().any(|r| needs.contains(r)) {
        Ok(())
    } else {
        Err(TransitionError::RoleMissing {
            from,
            to,
            needs: needs.to_vec(),
        })
    }
}

/// Check that a manager may return a case from `from` to the step before it (`to`), with a reason.
pub fn check_return(
    roles: &[Role],
    from: CaseState,
    to: CaseState,
    reason: &str,
) -> Result<(), TransitionError> {
    if !to.forward().contains(&from) {
        return Err(TransitionError::NotAllowed { from, to });
    }
    if !roles.contains(&Role::Manager) {
        return Err(TransitionError::RoleMissing {
            from,
            to,
            needs: vec![Role::Manager],
        });
    }
    if reason.trim().is_empty() {
        return Err(TransitionError::ReasonRequired);
    }
    Ok(())
}

/// A case number like `XF-2026-000123`: the year of receipt and a sequence within it.
pub fn case_number(year: i32, sequence: u32) -> String {
    format!("XF-{year}-{sequence:06}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseState::*;

    /// Every (from, to) pair of states, with every single role: a step is allowed exactly when
    /// the arrow exists and the role is listed for it.
    #[test]
    fn every_transition_by_every_role() {
        let expected: &[(CaseState, CaseState, &[Role])] = &[
            (Registered, WithExpert, &[Role::Reception, Role::Manager]),
            (Registered, Proposed, &[Role::Reception, Role::Expert]),
            (WithExpert, Proposed, &[Role::Expert]),
            (Proposed, Approved, &[Role::Manager]),
            (Approved, Transferred, &[Role::Supervisor, Role::Manager]),
            (Approved, HandledHere, &[Role::Expert, Role::Manager]),
            (Approved, NotAccepted, &[Role::Manager]),
            (Transferred, Replied, &[Role::Supervisor]),
            (Replied, Reviewed, &[Role::Manager]),
            (
                Reviewed,
                FeedbackGiven,
                &[Role::Reception, Role::Supervisor],
            ),
            (
                HandledHere,
                FeedbackGiven,
                &[Role::Reception, Role::Supervisor],
            ),
            (FeedbackGiven, Closed, &[Role::Supervisor, Role::Manager]),
            (NotAccepted, Closed, &[Role::Supervisor, Role::Manager]),
        ];
        let mut allowed_count = 0;
        for from in CaseState::ALL {
            for to in CaseState::ALL {
                let listed = expected.iter().find(|(f, t, _)| *f == from && *t == to);
                for role in Role::ALL {
                    let result = check_step(&[role], from, to);
                    match listed {
                        Some((_, _, roles)) if roles.contains(&role) => {
                            assert_eq!(result, Ok(()), "{role} {from}->{to}");
                            allowed_count += 1;
                        }
                        Some(_) => assert!(
                            matches!(result, Err(TransitionError::RoleMissing { .. })),
                            "{role} {from}->{to} must be refused for the role"
                        ),
                        None => assert_eq!(
                            result,
                            Err(TransitionError::NotAllowed { from, to }),
                            "{from}->{to} is not an arrow"
                        ),
                    }
                }
            }
        }
        assert_eq!(allowed_count, 21);
    }

    #[test]
    fn admin_alone_moves_no_case() {
        for from in CaseState::ALL {
            for &to in from.forward() {
                assert!(check_step(&[Role::Admin], from, to).is_err());
            }
        }
    }

    #[test]
    fn several_roles_combine() {
        assert!(check_step(&[Role::Admin, Role::Manager], Proposed, Approved).is_ok());
    }

    #[test]
    fn only_a_manager_returns_a_case_one_step_with_a_reason() {
        assert_eq!(
            check_return(&[Role::Manager], Approved, Proposed, "材料不全"),
            Ok(())
        );
        assert_eq!(
            check_return(&[Role::Manager], Approved, Proposed, "  "),
            Err(TransitionError::ReasonRequired)
        );
        assert!(matches!(
            check_return(&[Role::Supervisor], Approved, Proposed, "x"),
            Err(TransitionError::RoleMissing { .. })
        ));
        assert!(matches!(
            check_return(&[Role::Manager], Approved, Registered, "x"),
            Err(TransitionError::NotAllowed { .. })
        ));
    }

    #[test]
    fn closed_is_the_only_terminal_state() {
        for s in CaseState::ALL {
            assert_eq!(s.forward().is_empty(), s == Closed);
            assert_eq!(s.is_open(), s != Closed);
            assert_eq!(s.code().parse::<CaseState>(), Ok(s));
        }
    }

    #[test]
    fn case_numbers_are_zero_padded() {
        assert_eq!(case_number(2026, 123), "XF-2026-000123");
    }
}
