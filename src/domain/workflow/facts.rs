//! What a step needs to know of the case, as the store reads it inside the step's transaction.

use super::{HandlingKind, StepError};
use crate::domain::case::{CaseState, MatterKind};
use crate::domain::supervision::Ladder;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub state: CaseState,
    pub kind: MatterKind,
    /// 0 for the first handling, 1 after a 复查 request, 2 after a 复核 request.
    pub round: u8,
    /// A duty expert was routed to the case (its first step back is with_expert).
    pub expert_routed: bool,
    /// The handling the latest opinion of this round proposes.
    pub proposed_handling: Option<HandlingKind>,
    /// The handling of the opinion approved in this round, once approved.
    pub approved_handling: Option<HandlingKind>,
    /// The case went to a unit in this round (its step before feedback is the review).
    pub transferred: bool,
    /// 检举控告: the units concerned are the accused; nothing goes to them (Art. 30).
    pub accused_units: Vec<i64>,
    /// The handling clock is running, and whether it was extended already (once only).
    pub handle_running: bool,
    pub extended: bool,
    /// Some clock is running.
    pub any_running: bool,
    /// When the latest reply reached the petitioner (the feedback's date).
    pub reply_on: Option<NaiveDate>,
    pub followed_up: bool,
    pub leader_id: Option<i64>,
    pub first_handler_id: Option<i64>,
    /// Staff who stepped aside from the case (回避).
    pub recused: Vec<i64>,
    /// The supervisor following the case (督办), if it is under supervision.
    pub supervisor_id: Option<i64>,
    /// What the case has had of the supervision ladder.
    pub ladder: Ladder,
    /// Someone asked a manager to extend the handling deadline (pending until extended).
    pub extension_requested: bool,
}

impl CaseFacts {
    /// A registered case with nothing done yet, for tests and the simplest cases.
    pub fn new(state: CaseState, kind: MatterKind) -> Self {
        Self {
            state,
            kind,
            round: 0,
            expert_routed: false,
            proposed_handling: None,
            approved_handling: None,
            transferred: false,
            accused_units: vec![],
            handle_running: false,
            extended: false,
            any_running: true,
            reply_on: None,
            followed_up: false,
            leader_id: None,
            first_handler_id: None,
            recused: vec![],
            supervisor_id: None,
            ladder: Ladder::default(),
            extension_requested: false,
        }
    }

    /// The state a manager's return goes back to: the step before this one on the path the
    /// case took.
    pub fn previous_state(&self) -> Option<CaseState> {
        use CaseState::*;
        Some(match self.state {
            Registered => return None,
            WithExpert => Registered,
            Proposed if self.expert_routed => WithExpert,
            Proposed => Registered,
            Approved => Proposed,
            Transferred | HandledHere | NotAccepted => Approved,
            Replied => Transferred,
            Reviewed => Replied,
            FeedbackGiven if self.transferred => Reviewed,
            FeedbackGiven => HandledHere,
            Closed if self.approved_handling == Some(HandlingKind::NotAccepted) => NotAccepted,
            Closed => FeedbackGiven,
        })
    }

    /// Whether the case may go to `unit`: never an accusation to the unit accused (Art. 30).
    pub fn may_receive(&self, unit: i64) -> Result<(), StepError> {
        if self.kind == MatterKind::Accusation && self.accused_units.contains(&unit) {
            Err(StepError::AccusedUnit { unit })
        } else {
            Ok(())
        }
    }
}
