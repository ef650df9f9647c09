//! Every step of a case's life (DESIGN §3, the seed's 过程化管理): what each step records, the
//! state it moves the case to, who may take it, and the rules of the 信访工作条例 it must keep.
//! The store applies a checked step in one transaction with its record, its clocks and its
//! audit entry.

mod clocks;
mod facts;
mod records;
mod supervision;

pub use clocks::{ClockChange, WINDOWS, clock_changes, is_deadline};
pub use facts::CaseFacts;
pub use records::{
    FeedbackWay, Handling, HandlingKind, JointShare, LegalChannel, Rating, ReviewLevel,
};

use super::case::{CaseState, TransitionError, check_return, check_step};
use super::permission::{Act, PermissionDenied, require};
use super::staff::Staff;
use super::text::clean_line;
use chrono::NaiveDate;

/// The kinds of step, for keys, the timeline and the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    Propose,
    Approve,
    Return,
    Transfer,
    HandleHere,
    Reject,
    Reply,
    Review,
    Feedback,
    Close,
    FollowUp,
    Reopen,
    Extend,
    Suspend,
    Assign,
    TakeCharge,
    Recuse,
    JointReview,
    /// 督办立项: the case is put under supervision, with the supervisor who follows it.
    Supervise,
    /// 催办: the unit or handler is urged, with a note.
    Urge,
    /// A request, recorded for a manager, that the handling deadline be extended.
    ExtensionRequest,
    /// 督办单: a written supervision order with what is required and a date to report by.
    SupervisionOrder,
    /// 约谈: a talk with the responsible unit's head, recorded.
    Talk,
    /// 挂牌督办: the case is listed for supervision by the office's leadership.
    ListSupervision,
    /// 问责建议: a proposal that a unit or person be held accountable.
    Accountability,
}

impl StepKind {
    pub const ALL: [StepKind; 25] = [
        StepKind::Propose,
        StepKind::Approve,
        StepKind::Return,
        StepKind::Transfer,
        StepKind::HandleHere,
        StepKind::Reject,
        StepKind::Reply,
        StepKind::Review,
        StepKind::Feedback,
        StepKind::Close,
        StepKind::FollowUp,
        StepKind::Reopen,
        StepKind::Extend,
        StepKind::Suspend,
        StepKind::Assign,
        StepKind::TakeCharge,
        StepKind::Recuse,
        StepKind::JointReview,
        StepKind::Supervise,
        StepKind::Urge,
        StepKind::ExtensionRequest,
        StepKind::SupervisionOrder,
        StepKind::Talk,
        StepKind::ListSupervision,
        StepKind::Accountability,
    ];

    /// The steps of supervision (督办): records on the case that leave its state, its version
    /// and its handlers' last activity as they were.
    pub const SUPERVISION: [StepKind; 7] = [
        StepKind::Supervise,
        StepKind::Urge,
        StepKind::ExtensionRequest,
        StepKind::SupervisionOrder,
        StepKind::Talk,
        StepKind::ListSupervision,
        StepKind::Accountability,
    ];

    pub fn is_supervision(self) -> bool {
        StepKind::SUPERVISION.contains(&self)
    }

    pub fn code(self) -> &'static str {
        match self {
            StepKind::Propose => "propose",
            StepKind::Approve => "approve",
            StepKind::Return => "return",
            StepKind::Transfer => "transfer",
            StepKind::HandleHere => "handle",
            StepKind::Reject => "reject",
            StepKind::Reply => "reply",
            StepKind::Review => "review",
            StepKind::Feedback => "feedback",
            StepKind::Close => "close",
            StepKind::FollowUp => "follow-up",
            StepKind::Reopen => "reopen",
            StepKind::Extend => "extend",
            StepKind::Suspend => "suspend",
            StepKind::Assign => "assign",
            StepKind::TakeCharge => "take-charge",
            StepKind::Recuse => "recuse",
            StepKind::JointReview => "joint-review",
            StepKind::Supervise => "supervise",
            StepKind::Urge => "urge",
            StepKind::ExtensionRequest => "extension-request",
            StepKind::SupervisionOrder => "supervision-order",
            StepKind::Talk => "talk",
            StepKind::ListSupervision => "list",
            StepKind::Accountability => "accountability",
        }
    }

    pub fn from_code(code: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The act whose roles a step that does not move the case needs; None for the steps of
    /// the state machine, whose roles `case::roles_for_step` gives.
    pub fn act(self) -> Option<Act> {
        match self {
            StepKind::FollowUp => Some(Act::FollowUp),
            StepKind::Reopen => Some(Act::RequestReview),
            StepKind::Extend => Some(Act::ExtendDeadline),
            StepKind::Suspend => Some(Act::SuspendDeadline),
            StepKind::Assign => Some(Act::AssignFirstHandler),
            StepKind::TakeCharge => Some(Act::TakeCharge),
            StepKind::Recuse => Some(Act::Recuse),
            StepKind::JointReview => Some(Act::JointReview),
            StepKind::Supervise
            | StepKind::Urge
            | StepKind::ExtensionRequest
            | StepKind::SupervisionOrder
            | StepKind::Talk => Some(Act::Supervise),
            StepKind::ListSupervision => Some(Act::ListSupervision),
            StepKind::Accountability => Some(Act::ProposeAccountability),
            _ => None,
        }
    }
}

/// One step, with what it decides, as the dialog or the command line gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// 拟办意见: how the matter should be handled, in words.
    Propose { handling: Handling, opinion: String },
    /// 阅批: a manager approves the opinion.
    Approve { note: String },
    /// A manager returns the case to the step before, with a reason.
    Return { reason: String },
    /// 转办 (or 交办, asking for a result report by a date) to one lead unit and co-units.
    Transfer {
        lead_unit: i64,
        co_units: Vec<i64>,
        assign: bool,
        report_by: Option<NaiveDate>,
    },
    /// 直接办理: handled here; what was done.
    HandleHere { note: String },
    /// 不予受理: the approved opinion's reason and legal channel stand.
    Reject { note: String },
    /// 调查处理意见: the unit's findings and proposed resolution.
    Reply {
        findings: String,
        resolution: String,
    },
    /// 审核: accept the unit's reply, or return it to the unit with a reason.
    Review { accept: bool, reason: String },
    /// 反馈/答复: how the reply reached the petitioner, when, and their evaluation.
    Feedback {
        way: FeedbackWay,
        on: NaiveDate,
        rating: Rating,
        note: String,
    },
    /// 办结.
    Close { note: String },
    /// 回访 after closing: settled (案结事了) or not (案了事未了).
    FollowUp { settled: bool, note: String },
    /// A 复查 or 复核 request on a closed case; `override_reason` is a manager's, for a
    /// request after 复核 (Art. 36).
    Reopen {
        level: ReviewLevel,
        received_on: NaiveDate,
        request: String,
        override_reason: Option<String>,
    },
    /// 延期: once, at most the rule's days, with the reason told to the person.
    Extend { days: u32, reason: String },
    /// Days that do not count (an appraisal, a hearing).
    Suspend {
        from: NaiveDate,
        to: NaiveDate,
        reason: String,
    },
    /// 首办责任人 reassigned.
    Assign { to_staff: i64, reason: String },
    /// 领导包案: the acting leader takes personal charge.
    TakeCharge { note: String },
    /// 回避: the acting staff member steps aside (Art. 28).
    Recuse { reason: String },
    /// 会审: a meeting of the lead unit and related units, the solution, each unit's share.
    JointReview {
        held_on: NaiveDate,
        lead_unit: i64,
        shares: Vec<JointShare>,
        solution: String,
    },
    /// 督办立项 (or a change of supervisor): who follows the case, and why.
    Supervise { supervisor: i64, note: String },
    /// 催办, with what was urged.
    Urge { note: String },
    /// A request for a manager to extend the handling deadline by `days`, with the reason.
    ExtensionRequest { days: u32, reason: String },
    /// 督办单: what is required of the unit, and the day it reports by.
    SupervisionOrder {
        requirement: String,
        report_by: NaiveDate,
    },
    /// 约谈: with whom (the unit's head, by name and post), when, and what was said.
    Talk {
        held_on: NaiveDate,
        with: String,
        notes: String,
    },
    /// 挂牌督办: why, and the day the matter must be settled by.
    ListSupervision {
        reason: String,
        report_by: NaiveDate,
    },
    /// 问责建议: who should be held accountable, and the facts and measure proposed.
    Accountability { target: String, proposal: String },
}

impl Step {
    pub fn kind(&self) -> StepKind {
        match self {
            Step::Propose { .. } => StepKind::Propose,
            Step::Approve { .. } => StepKind::Approve,
            Step::Return { .. } => StepKind::Return,
            Step::Transfer { .. } => StepKind::Transfer,
            Step::HandleHere { .. } => StepKind::HandleHere,
            Step::Reject { .. } => StepKind::Reject,
            Step::Reply { .. } => StepKind::Reply,
            Step::Review { .. } => StepKind::Review,
            Step::Feedback { .. } => StepKind::Feedback,
            Step::Close { .. } => StepKind::Close,
            Step::FollowUp { .. } => StepKind::FollowUp,
            Step::Reopen { .. } => StepKind::Reopen,
            Step::Extend { .. } => StepKind::Extend,
            Step::Suspend { .. } => StepKind::Suspend,
            Step::Assign { .. } => StepKind::Assign,
            Step::TakeCharge { .. } => StepKind::TakeCharge,
            Step::Recuse { .. } => StepKind::Recuse,
            Step::JointReview { .. } => StepKind::JointReview,
            Step::Supervise { .. } => StepKind::Supervise,
            Step::Urge { .. } => StepKind::Urge,
            Step::ExtensionRequest { .. } => StepKind::ExtensionRequest,
            Step::SupervisionOrder { .. } => StepKind::SupervisionOrder,
            Step::Talk { .. } => StepKind::Talk,
            Step::ListSupervision { .. } => StepKind::ListSupervision,
            Step::Accountability { .. } => StepKind::Accountability,
        }
    }

    /// The same step with every text cleaned of control characters and trimmed.
    pub fn cleaned(self) -> Step {
        let c = |s: String| clean_line(&s).trim().to_string();
        let lines = |s: String| super::text::clean_text(&s, true).trim().to_string();
        match self {
            Step::Propose { handling, opinion } => Step::Propose {
                handling: handling.cleaned(),
                opinion: lines(opinion),
            },
            Step::Approve { note } => Step::Approve { note: lines(note) },
            Step::Return { reason } => Step::Return {
                reason: lines(reason),
            },
            Step::HandleHere { note } => Step::HandleHere { note: lines(note) },
            Step::Reject { note } => Step::Reject { note: lines(note) },
            Step::Reply {
                findings,
                resolution,
            } => Step::Reply {
                findings: lines(findings),
                resolution: lines(resolution),
            },
            Step::Review { accept, reason } => Step::Review {
                accept,
                reason: lines(reason),
            },
            Step::Feedback {
                way,
                on,
                rating,
                note,
            } => Step::Feedback {
                way,
                on,
                rating,
                note: lines(note),
            },
            Step::Close { note } => Step::Close { note: lines(note) },
            Step::FollowUp { settled, note } => Step::FollowUp {
                settled,
                note: lines(note),
            },
            Step::Reopen {
                level,
                received_on,
                request,
                override_reason,
            } => Step::Reopen {
                level,
                received_on,
                request: lines(request),
                override_reason: override_reason.map(lines),
            },
            Step::Extend { days, reason } => Step::Extend {
                days,
                reason: lines(reason),
            },
            Step::Suspend { from, to, reason } => Step::Suspend {
                from,
                to,
                reason: lines(reason),
            },
            Step::Assign { to_staff, reason } => Step::Assign {
                to_staff,
                reason: lines(reason),
            },
            Step::TakeCharge { note } => Step::TakeCharge { note: lines(note) },
            Step::Recuse { reason } => Step::Recuse {
                reason: lines(reason),
            },
            Step::JointReview {
                held_on,
                lead_unit,
                shares,
                solution,
            } => Step::JointReview {
                held_on,
                lead_unit,
                shares: shares
                    .into_iter()
                    .map(|s| JointShare {
                        share: c(s.share),
                        ..s
                    })
                    .collect(),
                solution: lines(solution),
            },
            supervision @ (Step::Supervise { .. }
            | Step::Urge { .. }
            | Step::ExtensionRequest { .. }
            | Step::SupervisionOrder { .. }
            | Step::Talk { .. }
            | Step::ListSupervision { .. }
            | Step::Accountability { .. }) => supervision::cleaned(supervision),
            transfer @ Step::Transfer { .. } => transfer,
        }
    }
}

/// Why a step was refused, in terms the domain can put in words (see `i18n::errors`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepError {
    /// The state machine or its roles refuse the move.
    Transition(TransitionError),
    /// The acting account lacks the role the step needs.
    Denied(PermissionDenied),
    /// Required words are missing (an opinion, a reason).
    TextRequired,
    /// The step does not apply to the case as it is (with the state it is in).
    NotNow { kind: StepKind, state: CaseState },
    /// The approved opinion decided otherwise (a transfer when handling here was approved).
    AgainstOpinion { approved: HandlingKind },
    /// 条例 Art. 30: an accusation's material never goes to the accused unit.
    AccusedUnit { unit: i64 },
    /// A unit twice, or no unit where one is needed.
    Units,
    /// A date in the future where it must be past, or before where it must be after.
    Date,
    /// A review request after its window (Art. 35–36); the last day it could come.
    ReopenLate { last_day: NaiveDate },
    /// A request at a level that does not follow (复核 before 复查).
    ReopenLevel,
    /// After 复核 the same request is not accepted again without a manager's override
    /// with a reason (Art. 36).
    AfterReReview,
    /// Someone who stepped aside from the case (回避) cannot be given it.
    Recused,
    /// Already done once where once is the rule (a follow-up, a recusal, a leader's charge).
    AlreadyDone,
    /// A rung of the supervision ladder before the one below it was tried: the step it needs.
    LadderOrder { needs: StepKind },
    /// The staff member named to supervise does not hold the supervisor or manager role, or
    /// is not active.
    NotSupervisor,
    /// A step that is not taken on a marked selection at once (批量 is transfer, reassign,
    /// put under supervision).
    NotInBulk { kind: StepKind },
}

/// The steps a manager may take on a marked selection of cases at once (批量).
pub const BULK_STEPS: [StepKind; 3] = [StepKind::Transfer, StepKind::Assign, StepKind::Supervise];

/// Whether `kind` may be taken on a marked selection at once.
pub fn check_bulk(kind: StepKind) -> Result<(), StepError> {
    if BULK_STEPS.contains(&kind) {
        Ok(())
    } else {
        Err(StepError::NotInBulk { kind })
    }
}

impl From<TransitionError> for StepError {
    fn from(e: TransitionError) -> Self {
        StepError::Transition(e)
    }
}

impl From<PermissionDenied> for StepError {
    fn from(e: PermissionDenied) -> Self {
        StepError::Denied(e)
    }
}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::errors::step_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for StepError {}

/// What a checked step will do: the state it moves the case to, and its clocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub to: Option<CaseState>,
    pub clocks: Vec<ClockChange>,
}

fn words(text: &str) -> Result<(), StepError> {
    if text.trim().is_empty() {
        Err(StepError::TextRequired)
    } else {
        Ok(())
    }
}

/// The state a step of the state machine moves the case to from where it is, if it applies.
pub fn target_state(kind: StepKind, facts: &CaseFacts) -> Option<CaseState> {
    use CaseState::*;
    match (kind, facts.state) {
        (StepKind::Propose, Registered | WithExpert) => Some(Proposed),
        (StepKind::Approve, Proposed) => Some(Approved),
        (StepKind::Return, _) => facts.previous_state(),
        (StepKind::Transfer, Approved) => Some(Transferred),
        (StepKind::HandleHere, Approved) => Some(HandledHere),
        (StepKind::Reject, Approved) => Some(NotAccepted),
        (StepKind::Reply, Transferred) => Some(Replied),
        // Accepting a reply moves it on; returning it goes back to the unit.
        (StepKind::Review, Replied) => Some(Reviewed),
        (StepKind::Feedback, Reviewed | HandledHere) => Some(FeedbackGiven),
        (StepKind::Close, FeedbackGiven | NotAccepted) => Some(Closed),
        (StepKind::Reopen, Closed) => Some(Registered),
        _ => None,
    }
}

/// Whether the step applies to the case as it is now (its state and facts), whoever asks.
pub fn applies(kind: StepKind, facts: &CaseFacts) -> bool {
    match kind {
        StepKind::Propose
        | StepKind::Approve
        | StepKind::Return
        | StepKind::Transfer
        | StepKind::HandleHere
        | StepKind::Reject
        | StepKind::Reply
        | StepKind::Review
        | StepKind::Feedback
        | StepKind::Close
        | StepKind::Reopen => {
            target_state(kind, facts).is_some() && approved_allows(kind, facts).is_ok()
        }
        StepKind::FollowUp => facts.state == CaseState::Closed && !facts.followed_up,
        StepKind::Extend => facts.handle_running && !facts.extended,
        StepKind::Suspend => facts.state.is_open() && facts.any_running,
        StepKind::Assign | StepKind::JointReview => facts.state.is_open(),
        StepKind::TakeCharge => facts.state.is_open() && facts.leader_id.is_none(),
        StepKind::Recuse => facts.state.is_open(),
        StepKind::ExtensionRequest => facts.handle_running && !facts.extended,
        StepKind::Supervise
        | StepKind::Urge
        | StepKind::SupervisionOrder
        | StepKind::Talk
        | StepKind::ListSupervision
        | StepKind::Accountability => facts.state.is_open(),
    }
}

/// The roles that may take the step at the case's state.
pub fn roles_for(kind: StepKind, facts: &CaseFacts) -> Vec<super::role::Role> {
    if let Some(act) = kind.act() {
        return act.roles().to_vec();
    }
    match (kind, target_state(kind, facts)) {
        (StepKind::Return, _) => vec![super::role::Role::Manager],
        (StepKind::Reopen, _) => Act::RequestReview.roles().to_vec(),
        (_, Some(to)) => super::case::roles_for_step(facts.state, to)
            .map(<[super::role::Role]>::to_vec)
            .unwrap_or_default(),
        (_, None) => vec![],
    }
}

/// Whether `actor`'s roles allow the step at the case's state (the roles alone).
pub fn may(actor: &Staff, kind: StepKind, facts: &CaseFacts) -> bool {
    roles_check(actor, kind, facts).is_ok()
}

fn roles_check(actor: &Staff, kind: StepKind, facts: &CaseFacts) -> Result<(), StepError> {
    if !actor.active {
        return Err(StepError::Denied(PermissionDenied {
            login: actor.login.clone(),
            act: kind.act().unwrap_or(Act::RegisterIntake),
            disabled: true,
        }));
    }
    if let Some(act) = kind.act() {
        return require(actor, act).map_err(StepError::Denied);
    }
    let Some(to) = target_state(kind, facts) else {
        return Err(StepError::NotNow {
            kind,
            state: facts.state,
        });
    };
    match kind {
        // Returning and reopening are not forward arrows of the state machine.
        StepKind::Return => check_return(&actor.roles, facts.state, to, "…")?,
        StepKind::Reopen => require(actor, Act::RequestReview)?,
        // Returning a reply to the unit is a manager's, like accepting it.
        _ => check_step(&actor.roles, facts.state, to)?,
    }
    Ok(())
}

/// The steps after approval follow the approved opinion.
fn approved_allows(kind: StepKind, facts: &CaseFacts) -> Result<(), StepError> {
    let Some(approved) = facts.approved_handling else {
        return Ok(());
    };
    let ok = match kind {
        StepKind::Transfer => approved == HandlingKind::Transfer,
        StepKind::HandleHere => {
            matches!(
                approved,
                HandlingKind::HandleHere | HandlingKind::AlreadyHandled
            )
        }
        StepKind::Reject => approved == HandlingKind::NotAccepted,
        _ => true,
    };
    if ok || facts.state != CaseState::Approved {
        Ok(())
    } else {
        Err(StepError::AgainstOpinion { approved })
    }
}

/// Check a step by `actor` on a case with `facts` as of `today`; on success, what it will do.
/// `reopen_last_day` is the last day a review request could come (the store counts it from
/// the reply and the rules).
pub fn check(
    actor: &Staff,
    step: &Step,
    facts: &CaseFacts,
    today: NaiveDate,
    reopen_last_day: Option<NaiveDate>,
) -> Result<Plan, StepError> {
    let kind = step.kind();
    roles_check(actor, kind, facts)?;
    if !applies(kind, facts) {
        approved_allows(kind, facts)?;
        return Err(StepError::NotNow {
            kind,
            state: facts.state,
        });
    }
    let mut to = target_state(kind, facts);
    match step {
        Step::Propose { handling, opinion } => {
            words(opinion)?;
            match handling {
                Handling::NotAccepted { reason, .. } => words(reason)?,
                Handling::Transfer { unit_id } => facts.may_receive(*unit_id)?,
                Handling::HandleHere | Handling::AlreadyHandled => {}
            }
        }
        Step::Approve { .. } | Step::Close { .. } | Step::TakeCharge { .. } => {}
        Step::Return { reason } => {
            let back = to.ok_or(StepError::NotNow {
                kind,
                state: facts.state,
            })?;
            check_return(&actor.roles, facts.state, back, reason)?;
        }
        Step::Transfer {
            lead_unit,
            co_units,
            assign,
            report_by,
        } => {
            facts.may_receive(*lead_unit)?;
            for u in co_units {
                facts.may_receive(*u)?;
            }
            let mut all: Vec<i64> = co_units.clone();
            all.push(*lead_unit);
            all.sort_unstable();
            if all.windows(2).any(|w| w.first() == w.get(1)) {
                return Err(StepError::Units);
            }
            match (assign, report_by) {
                (true, Some(by)) if *by > today => {}
                (true, _) => return Err(StepError::Date),
                (false, Some(_)) => return Err(StepError::Date),
                (false, None) => {}
            }
        }
        Step::HandleHere { note } | Step::Reject { note } => {
            if kind == StepKind::HandleHere {
                words(note)?;
            }
        }
        Step::Reply {
            findings,
            resolution,
        } => {
            words(findings)?;
            words(resolution)?;
        }
        Step::Review { accept, reason } => {
            if !accept {
                words(reason)?;
                to = Some(CaseState::Transferred);
                check_return(&actor.roles, facts.state, CaseState::Transferred, reason)?;
            }
        }
        Step::Feedback { on, .. } => {
            if *on > today {
                return Err(StepError::Date);
            }
        }
        Step::FollowUp { .. } => {}
        Step::Reopen {
            level,
            received_on,
            override_reason,
            ..
        } => {
            if *received_on > today || facts.reply_on.is_some_and(|r| *received_on < r) {
                return Err(StepError::Date);
            }
            match (facts.round, level) {
                (0, ReviewLevel::Review) | (1, ReviewLevel::ReReview) => {}
                (r, _) if r >= 2 => {
                    // Art. 36: after 复核 only a manager's override, with a reason, reopens.
                    let reason = override_reason.as_deref().unwrap_or("");
                    words(reason).map_err(|_| StepError::AfterReReview)?;
                    require(actor, Act::OverrideReReview).map_err(StepError::Denied)?;
                }
                _ => return Err(StepError::ReopenLevel),
            }
            if facts.round < 2
                && let Some(last) = reopen_last_day
                && *received_on > last
            {
                return Err(StepError::ReopenLate { last_day: last });
            }
        }
        Step::Extend { reason, .. } | Step::Recuse { reason } => {
            words(reason)?;
            if kind == StepKind::Recuse && facts.recused.contains(&actor.id) {
                return Err(StepError::AlreadyDone);
            }
        }
        Step::Suspend {
            from,
            to: end,
            reason,
        } => {
            words(reason)?;
            if end < from {
                return Err(StepError::Date);
            }
        }
        Step::Assign { to_staff, reason } => {
            words(reason)?;
            if facts.recused.contains(to_staff) {
                return Err(StepError::Recused);
            }
            if facts.first_handler_id == Some(*to_staff) {
                return Err(StepError::AlreadyDone);
            }
        }
        Step::JointReview {
            held_on,
            lead_unit,
            shares,
            solution,
        } => {
            words(solution)?;
            // A joint review brings the lead unit together with at least one other.
            if !shares.iter().any(|s| s.unit != *lead_unit) {
                return Err(StepError::Units);
            }
            if *held_on > today || shares.iter().any(|s| s.due <= *held_on) {
                return Err(StepError::Date);
            }
            for s in shares {
                words(&s.share)?;
            }
        }
        Step::Supervise { .. }
        | Step::Urge { .. }
        | Step::ExtensionRequest { .. }
        | Step::SupervisionOrder { .. }
        | Step::Talk { .. }
        | Step::ListSupervision { .. }
        | Step::Accountability { .. } => supervision::check(step, facts, today)?,
    }
    let clocks = clock_changes(step, facts, today);
    Ok(Plan { to, clocks })
}

#[cfg(test)]
mod tests;
