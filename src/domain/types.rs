//! The words of DESIGN §2 as types.

use super::case::CaseState;
use super::role::Role;
use chrono::{NaiveDate, NaiveDateTime};
use std::str::FromStr;

/// 渠道: how a contact reached the office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Letter,
    Visit,
    Online,
    Phone,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Visit,
        Channel::Letter,
        Channel::Online,
        Channel::Phone,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Channel::Letter => "letter",
            Channel::Visit => "visit",
            Channel::Online => "online",
            Channel::Phone => "phone",
        }
    }
    pub fn name_zh(self) -> &'static str {
        match self {
            Channel::Letter => "来信",
            Channel::Visit => "来访",
            Channel::Online => "网上",
            Channel::Phone => "电话",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Channel::Letter => "letter",
            Channel::Visit => "visit",
            Channel::Online => "online",
            Channel::Phone => "phone",
        }
    }
}

impl FromStr for Channel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.code() == s)
            .ok_or_else(|| format!("unknown channel '{s}'"))
    }
}

/// The kind of matter (条例 Art. 2 and 诉访分离): required at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatterKind {
    /// 申诉求决: a claim or request, most cases.
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
    pub fn name_zh(self) -> &'static str {
        match self {
            MatterKind::Request => "申诉求决",
            MatterKind::Suggestion => "建议意见",
            MatterKind::Accusation => "检举控告",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            MatterKind::Request => "claim",
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

/// 问题类别.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Pinyin initials of the Chinese name (`zdcq` for 征地拆迁), for the picker.
    pub initials: String,
}

/// 责任单位.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub initials: String,
}

/// 工作人员: a staff member, identified by an OS account name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

impl Staff {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// 信访人 as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Petitioner {
    pub id: i64,
    pub id_number: Option<String>,
    pub name: String,
    pub phone: Option<String>,
}

/// 性别.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
    pub fn name_zh(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// 越级: the level the petitioner skipped to come here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SkippedLevel {
    Village,
    Township,
    County,
    City,
}

impl SkippedLevel {
    pub const ALL: [SkippedLevel; 4] = [
        SkippedLevel::Village,
        SkippedLevel::Township,
        SkippedLevel::County,
        SkippedLevel::City,
    ];
    pub fn code(self) -> &'static str {
        match self {
            SkippedLevel::Village => "village",
            SkippedLevel::Township => "township",
            SkippedLevel::County => "county",
            SkippedLevel::City => "city",
        }
    }
    pub fn name_zh(self) -> &'static str {
        match self {
            SkippedLevel::Village => "越过村（社区）",
            SkippedLevel::Township => "越过乡镇（街道）",
            SkippedLevel::County => "越过县级",
            SkippedLevel::City => "越过市级",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            SkippedLevel::Village => "village",
            SkippedLevel::Township => "township",
            SkippedLevel::County => "county",
            SkippedLevel::City => "city",
        }
    }
}

/// A representative of a collective visit (at most 5, 条例 Art. 20).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub name: String,
    pub id_number: Option<String>,
    pub phone: Option<String>,
}

/// A validated intake: the petitioner, and either a new case with its first contact or a
/// repeat contact on an open case, ready to be saved in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIntake {
    pub id_number: Option<String>,
    pub name: String,
    pub sex: Option<Sex>,
    pub phone: Option<String>,
    pub address: String,
    pub work_unit: String,
    pub channel: Channel,
    /// A major or urgent matter (条例 Art. 25): reported to managers at once.
    pub urgent: bool,
    pub kind: MatterKind,
    /// None only for a repeat, whose case has its category.
    pub category_id: Option<i64>,
    pub summary: String,
    pub account: String,
    pub received_at: NaiveDateTime,
    pub head_count: u32,
    pub representatives: Vec<Representative>,
    pub unit_ids: Vec<i64>,
    pub skipped_level: Option<SkippedLevel>,
    pub contact: super::lookup::ContactKind,
    /// The duty expert the visitor is routed to (专家门诊式接访).
    pub expert_id: Option<i64>,
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

/// One contact in a case's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow {
    pub received_at: NaiveDateTime,
    pub channel: Channel,
    pub is_repeat: bool,
    pub head_count: u32,
    pub recorded_by: String,
    /// What a repeat contact said this time.
    pub summary: Option<String>,
    pub account: Option<String>,
}

/// Everything the read-only detail view shows of one case.
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
    pub contacts: Vec<ContactRow>,
    pub clocks: Vec<super::calendar::Clock>,
}

/// Where a queue page starts: the last row of the page before it (keyset pagination).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageKey {
    pub received_at: NaiveDateTime,
    pub id: i64,
}

/// An expert on duty in one half-day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutySlot {
    pub day: NaiveDate,
    pub afternoon: bool,
    pub staff_name: String,
    pub room: String,
    pub specialties: Vec<String>,
    pub waiting: u32,
}
