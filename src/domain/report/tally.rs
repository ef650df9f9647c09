//! What counts towards which figure: one case, a group of contacts with the same facts,
//! feedback by evaluation, supervision steps by kind.

use crate::domain::contact::Channel;
use crate::domain::workflow::{Rating, StepKind};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// How a clock of a case stands: its due date (an approved extension included) and the day
/// it stopped, if it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockEnd {
    pub due: NaiveDate,
    pub stopped: Option<NaiveDate>,
}

impl ClockEnd {
    /// The clock has ended: it stopped, or its due date passed before `as_of` without it.
    pub fn ended(&self, as_of: NaiveDate) -> bool {
        self.stopped.is_some() || self.due < as_of
    }

    /// It stopped on or before its due date.
    pub fn met(&self) -> bool {
        self.stopped.is_some_and(|s| s <= self.due)
    }
}

/// What the report needs to know of one case received in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReportCase {
    pub closed: bool,
    /// Letters and visits on the case (review requests included).
    pub contacts: u32,
    /// 0 for the first handling; 1 or 2 once a 复查 or 复核 was requested.
    pub round: u8,
    /// In a leader's personal charge (领导包案).
    pub leader_charge: bool,
    /// The accept clock (受理告知), if the case has one.
    pub accept: Option<ClockEnd>,
    /// The handling clock (60 days from acceptance), once started.
    pub handle: Option<ClockEnd>,
    /// A follow-up recorded the matter as not settled (案了事未了).
    pub unsettled: bool,
}

/// Contacts that share their facts, counted together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactGroup {
    pub channel: Channel,
    /// The category of the case.
    pub category_id: i64,
    /// A repeat contact on the case (not its first).
    pub repeat: bool,
    /// A 复查 or 复核 request: a contact, but a legal step rather than a repeat petition.
    pub review_request: bool,
    pub leapfrog: bool,
    /// `YYYY-MM` of its receipt.
    pub month: String,
    pub count: u64,
}

/// The counts one group's figures (and every rate) come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tally {
    pub cases: u64,
    pub contacts: u64,
    /// By channel code.
    pub contacts_by_channel: BTreeMap<&'static str, u64>,
    /// By category id.
    pub contacts_by_category: BTreeMap<i64, u64>,
    /// 初信初访: a case's first contact.
    pub first_contacts: u64,
    /// 重复信访: a later contact about the same case that is not a review request.
    pub repeat_contacts: u64,
    pub repeat_by_month: BTreeMap<String, u64>,
    /// 越级: contacts that skipped the level that should have handled them.
    pub leapfrog_contacts: u64,
    pub accept_on_time: u64,
    pub accept_ended: u64,
    pub handle_on_time: u64,
    pub handle_ended: u64,
    /// Feedback given; of it, with an evaluation; of those, 满意 or 基本满意.
    pub feedback: u64,
    pub evaluated: u64,
    pub satisfied: u64,
    pub closed: u64,
    pub resolved_first_time: u64,
    pub leader_cases: u64,
    pub leader_resolved: u64,
    /// Supervision steps by kind code.
    pub supervision: BTreeMap<&'static str, u64>,
    /// 通报 naming this unit or person (overall: every notice of the period).
    pub notices: u64,
}

impl Tally {
    /// One case received in the period, as of the day the report is counted.
    pub fn add_case(&mut self, c: &ReportCase, as_of: NaiveDate) {
        self.cases += 1;
        if let Some(a) = c.accept
            && a.ended(as_of)
        {
            self.accept_ended += 1;
            if a.met() {
                self.accept_on_time += 1;
            }
        }
        if let Some(h) = c.handle
            && h.ended(as_of)
        {
            self.handle_ended += 1;
            if h.met() {
                self.handle_on_time += 1;
            }
        }
        if c.closed {
            self.closed += 1;
            if c.contacts <= 1 && c.round == 0 && !c.unsettled {
                self.resolved_first_time += 1;
            }
        }
        if c.leader_charge {
            self.leader_cases += 1;
            if c.closed && !c.unsettled {
                self.leader_resolved += 1;
            }
        }
    }

    pub fn add_contacts(&mut self, g: &ContactGroup) {
        let n = g.count;
        self.contacts += n;
        *self
            .contacts_by_channel
            .entry(g.channel.code())
            .or_default() += n;
        *self.contacts_by_category.entry(g.category_id).or_default() += n;
        if g.repeat {
            self.add_later_contacts(&g.month, g.review_request, n);
        } else {
            self.first_contacts += n;
        }
        if g.leapfrog {
            self.leapfrog_contacts += n;
        }
    }

    /// `n` later contacts on their cases received in `month` (`YYYY-MM`): repeat contacts
    /// (重复信访), unless they are review requests, which are a legal step rather than a
    /// repeat petition. The trend over months counts them alone.
    pub fn add_later_contacts(&mut self, month: &str, review_request: bool, n: u64) {
        if !review_request {
            self.repeat_contacts += n;
            *self.repeat_by_month.entry(month.to_string()).or_default() += n;
        }
    }

    /// `n` feedback steps with this evaluation.
    pub fn add_feedback(&mut self, rating: Rating, n: u64) {
        self.feedback += n;
        match rating {
            Rating::Satisfied | Rating::BasicallySatisfied => {
                self.evaluated += n;
                self.satisfied += n;
            }
            Rating::Unsatisfied => self.evaluated += n,
            Rating::NotGiven => {}
        }
    }

    /// `n` supervision steps of a kind.
    pub fn add_supervision(&mut self, kind: StepKind, n: u64) {
        if kind.is_supervision() {
            *self.supervision.entry(kind.code()).or_default() += n;
        }
    }
}
