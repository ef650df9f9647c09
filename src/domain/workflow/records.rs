//! What steps decide: how a matter is to be handled, the legal channel of a matter refused,
//! how a reply reached the petitioner and what they thought of it, the level of a review.

use std::str::FromStr;

/// How the expert proposes the matter be handled (拟办意见).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handling {
    /// 直接办理: this office handles it.
    HandleHere,
    /// 转办/交办 to a unit.
    Transfer { unit_id: i64 },
    /// 不予受理: with the reason, and the legal channel the person should use (诉访分离).
    NotAccepted {
        reason: String,
        channel: LegalChannel,
    },
    /// Already handled (resolved on the spot).
    AlreadyHandled,
}

impl Handling {
    pub fn kind(&self) -> HandlingKind {
        match self {
            Handling::HandleHere => HandlingKind::HandleHere,
            Handling::Transfer { .. } => HandlingKind::Transfer,
            Handling::NotAccepted { .. } => HandlingKind::NotAccepted,
            Handling::AlreadyHandled => HandlingKind::AlreadyHandled,
        }
    }

    pub(super) fn cleaned(self) -> Handling {
        match self {
            Handling::NotAccepted { reason, channel } => Handling::NotAccepted {
                reason: super::super::text::clean_text(&reason, true)
                    .trim()
                    .to_string(),
                channel,
            },
            other => other,
        }
    }
}

/// The kind of a handling, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandlingKind {
    HandleHere,
    Transfer,
    NotAccepted,
    AlreadyHandled,
}

impl HandlingKind {
    pub const ALL: [HandlingKind; 4] = [
        HandlingKind::HandleHere,
        HandlingKind::Transfer,
        HandlingKind::NotAccepted,
        HandlingKind::AlreadyHandled,
    ];
    pub fn code(self) -> &'static str {
        match self {
            HandlingKind::HandleHere => "here",
            HandlingKind::Transfer => "transfer",
            HandlingKind::NotAccepted => "reject",
            HandlingKind::AlreadyHandled => "done",
        }
    }
}

impl FromStr for HandlingKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        HandlingKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("unknown handling '{s}' (here, transfer, reject, done)"))
    }
}

/// Where a matter that is not for petitioning belongs (诉访分离).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegalChannel {
    /// 诉讼.
    Litigation,
    /// 仲裁.
    Arbitration,
    /// 行政复议.
    AdministrativeReconsideration,
    /// 向其他有权机关提出.
    OtherOrgan,
}

impl LegalChannel {
    pub const ALL: [LegalChannel; 4] = [
        LegalChannel::Litigation,
        LegalChannel::Arbitration,
        LegalChannel::AdministrativeReconsideration,
        LegalChannel::OtherOrgan,
    ];
    pub fn code(self) -> &'static str {
        match self {
            LegalChannel::Litigation => "litigation",
            LegalChannel::Arbitration => "arbitration",
            LegalChannel::AdministrativeReconsideration => "reconsideration",
            LegalChannel::OtherOrgan => "other",
        }
    }
}

impl FromStr for LegalChannel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        LegalChannel::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| {
                format!("unknown channel '{s}' (litigation, arbitration, reconsideration, other)")
            })
    }
}

/// How the reply reached the petitioner (反馈方式); in person unless said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FeedbackWay {
    #[default]
    InPerson,
    Phone,
    Letter,
    Online,
    Sms,
}

impl FeedbackWay {
    pub const ALL: [FeedbackWay; 5] = [
        FeedbackWay::InPerson,
        FeedbackWay::Phone,
        FeedbackWay::Letter,
        FeedbackWay::Online,
        FeedbackWay::Sms,
    ];
    pub fn code(self) -> &'static str {
        match self {
            FeedbackWay::InPerson => "visit",
            FeedbackWay::Phone => "phone",
            FeedbackWay::Letter => "letter",
            FeedbackWay::Online => "online",
            FeedbackWay::Sms => "sms",
        }
    }
}

impl FromStr for FeedbackWay {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        FeedbackWay::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("unknown way '{s}' (visit, phone, letter, online, sms)"))
    }
}

/// The petitioner's evaluation of the reply (满意度评价).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Rating {
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
    /// The person gave no evaluation (the default: none is assumed).
    #[default]
    NotGiven,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Satisfied,
        Rating::BasicallySatisfied,
        Rating::Unsatisfied,
        Rating::NotGiven,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Rating::Satisfied => "satisfied",
            Rating::BasicallySatisfied => "basic",
            Rating::Unsatisfied => "unsatisfied",
            Rating::NotGiven => "none",
        }
    }
}

impl FromStr for Rating {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Rating::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("unknown rating '{s}' (satisfied, basic, unsatisfied, none)"))
    }
}

/// A review request's level: 复查 of the first reply, 复核 of the review's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewLevel {
    Review,
    ReReview,
}

impl ReviewLevel {
    pub fn code(self) -> &'static str {
        match self {
            ReviewLevel::Review => "review",
            ReviewLevel::ReReview => "rereview",
        }
    }

    /// The round of the case a request at this level opens (0 is the first handling).
    pub fn round(self) -> u8 {
        match self {
            ReviewLevel::Review => 1,
            ReviewLevel::ReReview => 2,
        }
    }
}

impl FromStr for ReviewLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "review" => Ok(ReviewLevel::Review),
            "rereview" => Ok(ReviewLevel::ReReview),
            _ => Err(format!("unknown level '{s}' (review, rereview)")),
        }
    }
}

/// One unit's share of a joint review's solution, with its own due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointShare {
    pub unit: i64,
    pub share: String,
    pub due: chrono::NaiveDate,
}
