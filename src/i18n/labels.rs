//! The names of the domain's words on screen and in output, in each language.

use super::Lang;
use crate::domain::calendar::Urgency;
use crate::domain::intake::IntakeField;
use crate::domain::{CaseState, Channel, Leapfrog, MatterKind, Role, Sex};

/// A domain value's name in a language.
pub trait Label {
    fn label(&self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:pat => $zh:literal, $en:literal;)* }) => {
        impl Label for $ty {
            fn label(&self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($variant, Lang::Zh) => $zh, ($variant, Lang::En) => $en,)*
                }
            }
        }
    };
}

labels!(CaseState {
    CaseState::Registered => "登记", "registered";
    CaseState::WithExpert => "专家接谈", "with expert";
    CaseState::Proposed => "拟办", "proposed";
    CaseState::Approved => "阅批", "approved";
    CaseState::Transferred => "转办", "transferred";
    CaseState::HandledHere => "直接办理", "handled here";
    CaseState::NotAccepted => "不予受理", "not accepted";
    CaseState::Replied => "调查处理意见", "replied";
    CaseState::Reviewed => "审核", "reviewed";
    CaseState::FeedbackGiven => "反馈", "feedback given";
    CaseState::Closed => "办结", "closed";
});

labels!(Channel {
    Channel::Letter => "来信", "letter";
    Channel::Visit => "来访", "visit";
    Channel::Online => "网上", "online";
    Channel::Phone => "电话", "phone";
});

labels!(MatterKind {
    MatterKind::Request => "申诉求决", "claim";
    MatterKind::Suggestion => "建议意见", "suggestion";
    MatterKind::Accusation => "检举控告", "accusation";
});

labels!(Leapfrog {
    Leapfrog::Village => "越过村（社区）", "village";
    Leapfrog::Township => "越过乡镇（街道）", "township";
    Leapfrog::County => "越过县级", "county";
    Leapfrog::City => "越过市级", "city";
});

labels!(Sex {
    Sex::Male => "男", "male";
    Sex::Female => "女", "female";
});

labels!(Role {
    Role::Reception => "接待员", "reception";
    Role::Expert => "接访专家", "expert";
    Role::Supervisor => "督办员", "supervisor";
    Role::Manager => "领导", "manager";
    Role::Admin => "管理员", "admin";
});

labels!(Urgency {
    Urgency::Overdue => "超期", "overdue";
    Urgency::DueSoon => "临期", "due soon";
    Urgency::Normal => "正常", "normal";
});

labels!(IntakeField {
    IntakeField::IdNumber => "身份证号", "ID number";
    IntakeField::Name => "姓名", "Name";
    IntakeField::Sex => "性别", "Sex";
    IntakeField::Phone => "电话", "Phone";
    IntakeField::Address => "住址", "Address";
    IntakeField::WorkUnit => "工作单位", "Work unit";
    IntakeField::Channel => "渠道", "Channel";
    IntakeField::Urgent => "紧急", "Urgent";
    IntakeField::ReceivedAt => "收到时间", "Received";
    IntakeField::Collective => "集体访", "Collective";
    IntakeField::HeadCount => "人数", "Head-count";
    IntakeField::Representatives => "代表", "Representatives";
    IntakeField::Category => "问题类别", "Category";
    IntakeField::Kind => "性质", "Kind";
    IntakeField::Units => "涉及单位", "Units";
    IntakeField::Leapfrog => "越级", "Leapfrog";
    IntakeField::Summary => "事由摘要", "Summary";
    IntakeField::Account => "诉求及事实", "Account";
    IntakeField::Materials => "材料", "Materials";
});

/// A field's label on the form, where English names must fit a narrow column.
pub fn field_label(lang: Lang, field: IntakeField) -> &'static str {
    match (lang, field) {
        (Lang::En, IntakeField::IdNumber) => "ID no.",
        (Lang::En, IntakeField::Phone) => "Tel",
        (Lang::En, IntakeField::WorkUnit) => "Employer",
        (Lang::En, IntakeField::Collective) => "Group",
        (Lang::En, IntakeField::HeadCount) => "Count",
        (Lang::En, IntakeField::Representatives) => "Reps",
        _ => field.label(lang),
    }
}

/// The names of the deadline rules as a clerk says them.
pub fn rule_name(lang: Lang, rule: &str) -> &'static str {
    let (zh, en) = match rule {
        "register" => ("登记转送", "Register by"),
        "accept" => ("受理告知", "Accept by"),
        "objection" => ("异议期限", "Objection by"),
        "handle" => ("办理期限", "Handle by"),
        "review-request" => ("复查申请", "Review request"),
        "review-decision" => ("复查决定", "Review decision"),
        "rereview-request" => ("复核申请", "Re-review request"),
        "rereview-decision" => ("复核决定", "Re-review decision"),
        "follow-up" => ("回访", "Follow-up"),
        "review-wait" => ("审核时限", "Review wait"),
        "feedback-wait" => ("答复时限", "Feedback wait"),
        _ => ("期限", "Deadline"),
    };
    lang.pick(zh, en)
}

use crate::domain::workflow::{
    FeedbackWay, HandlingKind, LegalChannel, Rating, ReviewLevel, StepKind,
};

labels!(StepKind {
    StepKind::Propose => "拟办意见", "proposed handling";
    StepKind::Approve => "阅批", "approval";
    StepKind::Return => "退回", "return";
    StepKind::Transfer => "转办/交办", "transfer";
    StepKind::HandleHere => "直接办理", "handled here";
    StepKind::Reject => "不予受理", "not accepted";
    StepKind::Reply => "调查处理意见", "unit's reply";
    StepKind::Review => "审核", "review of the reply";
    StepKind::Feedback => "反馈/答复", "feedback";
    StepKind::Close => "办结", "closing";
    StepKind::FollowUp => "回访", "follow-up";
    StepKind::Reopen => "复查/复核请求", "review request";
    StepKind::Extend => "延期", "extension";
    StepKind::Suspend => "中止计时", "suspension";
    StepKind::Assign => "改派首办", "reassignment";
    StepKind::TakeCharge => "领导包案", "leader's charge";
    StepKind::Recuse => "回避", "recusal";
    StepKind::JointReview => "会审", "joint review";
    StepKind::Supervise => "督办立项", "supervision";
    StepKind::Urge => "催办", "urging";
    StepKind::ExtensionRequest => "延期申请", "extension request";
    StepKind::SupervisionOrder => "督办单", "supervision order";
    StepKind::Talk => "约谈", "talk with the unit's head";
    StepKind::ListSupervision => "挂牌督办", "listed supervision";
    StepKind::Accountability => "问责建议", "accountability proposal";
});

labels!(HandlingKind {
    HandlingKind::HandleHere => "直接办理", "handle here";
    HandlingKind::Transfer => "转办单位", "transfer to a unit";
    HandlingKind::NotAccepted => "不予受理", "not accepted";
    HandlingKind::AlreadyHandled => "已办理", "already handled";
});

labels!(LegalChannel {
    LegalChannel::Litigation => "诉讼", "litigation";
    LegalChannel::Arbitration => "仲裁", "arbitration";
    LegalChannel::AdministrativeReconsideration => "行政复议", "administrative reconsideration";
    LegalChannel::OtherOrgan => "其他有权机关", "another competent organ";
});

labels!(FeedbackWay {
    FeedbackWay::InPerson => "当面", "in person";
    FeedbackWay::Phone => "电话", "phone";
    FeedbackWay::Letter => "书面", "letter";
    FeedbackWay::Online => "网上", "online";
    FeedbackWay::Sms => "短信", "SMS";
});

labels!(Rating {
    Rating::Satisfied => "满意", "satisfied";
    Rating::BasicallySatisfied => "基本满意", "basically satisfied";
    Rating::Unsatisfied => "不满意", "unsatisfied";
    Rating::NotGiven => "未评价", "not given";
});

labels!(ReviewLevel {
    ReviewLevel::Review => "复查", "review";
    ReviewLevel::ReReview => "复核", "re-review";
});

use crate::domain::document::DocumentKind;

labels!(DocumentKind {
    DocumentKind::Accept => "受理告知书", "acceptance notice";
    DocumentKind::Reject => "不予受理告知书", "notice of non-acceptance";
    DocumentKind::Transfer => "转送/交办单", "transfer sheet";
    DocumentKind::Extend => "延期告知书", "extension notice";
    DocumentKind::Opinion => "信访处理意见书", "handling opinion";
    DocumentKind::Review => "复查意见书", "review opinion";
    DocumentKind::ReReview => "复核意见书", "re-review opinion";
    DocumentKind::Supervise => "督办单", "supervision order";
});
