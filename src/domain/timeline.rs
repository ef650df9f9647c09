//! A case's timeline: every contact, step, material, incident and document, in order, with
//! who and when (DESIGN §5, the detail view).

use super::case::CaseState;
use super::contact::Contact;
use super::document::DocumentKind;
use super::workflow::{FeedbackWay, HandlingKind, LegalChannel, Rating, ReviewLevel, StepKind};
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub at: NaiveDateTime,
    /// Who recorded it (staff name).
    pub who: String,
    pub item: TimelineItem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TimelineItem {
    Contact(Contact),
    Step(StepRecord),
    Material(Material),
    Incident(Incident),
    Document(DocumentKind),
    /// A 通报 that names the case.
    Notice(NoticeOnCase),
}

/// A 通报 as it shows on a case it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeOnCase {
    pub number: String,
    /// The unit or staff member it names.
    pub target: String,
    pub failure: String,
}

/// One step as recorded: what was decided, in words and as the values statistics count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepRecord {
    pub id: i64,
    pub kind: Option<StepKind>,
    pub round: u8,
    pub from: Option<CaseState>,
    pub to: Option<CaseState>,
    /// The opinion, note, reason or findings, in words.
    pub text: String,
    /// The proposed resolution of a reply; a refusal's reason.
    pub text2: String,
    pub handling: Option<HandlingKind>,
    pub legal_channel: Option<LegalChannel>,
    /// The unit a proposal or transfer names (the lead unit).
    pub unit: Option<String>,
    pub co_units: Vec<String>,
    /// 交办: the result report is due by this day.
    pub report_by: Option<NaiveDate>,
    pub assign: bool,
    pub way: Option<FeedbackWay>,
    /// The day of a feedback, a review request, a joint review, a suspension's start.
    pub on_day: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub rating: Option<Rating>,
    pub settled: Option<bool>,
    pub accepted: Option<bool>,
    pub level: Option<ReviewLevel>,
    pub days: Option<u32>,
    /// The staff member a case was reassigned to.
    pub to_staff: Option<String>,
    /// A joint review's shares: unit, share, due.
    pub shares: Vec<(String, String, NaiveDate)>,
}

/// A document received with a contact (材料): what came in and what went back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Material {
    pub id: i64,
    pub title: String,
    pub pages: u32,
    /// An original (原件), else a copy.
    pub original: bool,
    /// Given back to the person (退还), else kept.
    pub returned: bool,
    /// A scanned file, where one was made.
    pub file: Option<String>,
}

/// What happened during a visit, in words (the seed's firmness with 闹访, without labelling
/// anyone at intake): shown on the person only once a manager confirms it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    pub id: i64,
    pub text: String,
    pub confirmed_by: Option<String>,
    pub confirmed_at: Option<NaiveDateTime>,
}

/// A confirmed incident as a dated note on the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonNote {
    pub on: NaiveDate,
    pub case_number: String,
    pub text: String,
}

/// A unit's share of a joint review, tracked like a clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareDue {
    pub unit: String,
    pub share: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}
