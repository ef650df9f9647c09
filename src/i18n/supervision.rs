//! The words of supervision: the pane, its dialogs, the ladder, notices, the nightly check's
//! findings, in Chinese and English.

use super::Lang;
use super::catalog::catalog;
use super::labels::Label;
use crate::domain::supervision::lapse::LapseKind;
use crate::domain::supervision::notice::NoticeError;
use crate::domain::supervision::{Ladder, Rung};

catalog! {
    /// A text of supervision, with its values.
    Sv;
    // The pane and its list.
    Title { filters: String } => "督办：在办案件按期限{filters}", "Supervision: open cases by deadline{filters}";
    FiltersShown { what: String } => "  筛选：{what}", "  filter: {what}";
    RestCount { n: u64 } => "其余 {n}", "others {n}";
    ColDeadline => "期限", "Deadline";
    ColDue => "到期日", "Due";
    ColNumber => "编号", "Number";
    ColUnit => "责任单位", "Unit";
    ColHandler => "首办", "Handler";
    ColSupervisor => "督办人", "Supervisor";
    ColLadder => "督办", "Ladder";
    ColPetitioner => "信访人", "Petitioner";
    ColSummary => "事由", "Summary";
    ColKind => "问题", "Lapse";
    ColDate => "日期", "Date";
    ColTarget => "对象", "Named";
    ColCases => "案件", "Cases";
    ColFailure => "存在问题", "Failure";
    Overdue { days: i64 } => "超期{days}天", "{days}d late";
    DueToday => "今日到期", "due today";
    DaysLeft { days: i64 } => "剩{days}天", "{days}d left";
    NoDeadline => "无期限", "no deadline";
    OwnOffice => "本机关", "this office";
    Nobody => "无", "none";
    Urged { n: u32 } => "催办×{n}", "urged x{n}";
    ExtensionPending => "延期待批", "extension asked";
    NothingMatches => "没有符合筛选条件的在办案件。", "No open case matches the filter.";
    NothingOpen => "没有在办案件。", "No open cases.";
    LastCheck { date: String, at: String, overdue: u64, soon: u64, total: u64, key: String } =>
        "夜间检查 {date}（{at}）：超期 {overdue}，临期 {soon}，共 {total} 项（{key} 查看）",
        "nightly check {date} ({at}): {overdue} overdue, {soon} due soon, {total} in all ({key} to see)";
    NoCheckYet => "尚未运行夜间检查：xfdesk check（见 README 的 crontab 设置）",
        "the nightly check has not run yet: xfdesk check (see the crontab line in the README)";
    ExtensionAsked { number: String } => "{number} 的延期申请已记录，待领导批准（在案件详情中按 e 延期）",
        "extension request on {number} recorded for a manager (who extends with e in the case's detail)";
    NoCaseSelected => "先选择一件案件", "select a case first";
    NeedsFirst { step: String, needs: String } => "“{step}”须在“{needs}”之后：请先{needs}", "a {step} follows a {needs}: first the {needs}";
    NotNowFor { step: String, state: String } => "案件在“{state}”状态，现在不能{step}", "a case that is {state} cannot have a {step} now";

    // The dialogs.
    FieldSupervisor => "督办人", "Supervisor";
    FieldSuperviseWhy => "督办事由", "Why it is supervised";
    FieldUrge => "催办内容", "What was urged";
    UrgeHint => "写明催办了什么、要求何时答复。", "Say what was urged and by when an answer is wanted.";
    FieldDaysAsked => "申请延长天数", "Days asked for";
    FieldWhyExtend => "延期理由", "Reason";
    ExtendHint { max: u32 } => "延期一次为限，最多 {max} 日，理由将告知信访人；由领导在案件详情中批准（e）。",
        "Once, at most {max} days, the reason told to the person; a manager grants it in the case's detail (e).";
    FieldRequirement => "督办要求", "What is required";
    FieldReportBy => "报告期限", "Report by";
    FieldHeldOn => "约谈日期", "Held on";
    FieldTalkWith => "约谈对象（姓名、职务）", "With (name and post)";
    FieldTalkNotes => "约谈情况及承诺", "What was said";
    FieldListWhy => "挂牌理由", "Why it is listed";
    FieldSettleBy => "办结时限", "Settle by";
    FieldAccountable => "问责对象（单位或人员）", "Accountable (unit/person)";
    FieldProposal => "问责事实与建议", "Facts, measure proposed";
    FieldNoticeTarget => "通报对象", "Names";
    TargetUnit => "责任单位", "a unit";
    TargetStaff => "工作人员", "a staff member";
    FieldNoticeUnit => "单位", "Unit";
    FieldNoticeStaff => "工作人员", "Staff member";
    FieldNoticeCases => "案件编号", "Case numbers";
    NoticeHint => "可填多个案件编号，以空格或逗号分隔。", "Several case numbers: separate them with spaces or commas.";
    FieldFailure => "存在问题", "The failure";
    FieldMeasures => "整改要求（可空）", "Required now (optional)";
    NoticeTitle => "通报", "Accountability notice";
    NoticeRecorded { number: String, cases: usize } => "通报 {number} 已记录（{cases} 件案件）", "notice {number} recorded ({cases} cases)";
    NoticeWritten { number: String, path: String } => "通报 {number} 已写入 {path}", "notice {number} written to {path}";
    NoticePrinted { number: String, path: String } => "通报 {number} 已写入 {path} 并送打印", "notice {number} written to {path} and sent to the printer";
    FieldWhose => "范围", "Whose";

    // The nightly check's findings in the pane.
    FindingsTitle { date: String, at: String, by: String, total: u64, overdue: u64 } =>
        "夜间检查 {date}（{at}，{by}）：共 {total} 项，超期 {overdue}",
        "Nightly check {date} ({at}, {by}): {total} in all, {overdue} late";
    NoFindings => "检查未发现问题。", "The check found nothing.";

    // Notices in the pane.
    NoticesTitle { n: u64 } => "通报（共 {n} 件，最新在前）", "Accountability notices ({n}, newest first)";
    NoNotices => "还没有通报。", "No notices yet.";

    // The nightly check's text, as cron mails it.
    CheckTitle { office: String, date: String, soon: String } => "{office}督办检查 {date}（临期：{soon} 前到期）",
        "{office} supervision check {date} (due soon: by {soon})";
    CheckTotals { total: u64, late: u64 } => "共 {total} 项，其中已逾期 {late} 项。", "{total} in all, {late} of them late.";
    CheckCalendarMissing { year: i32 } => "注意：尚无 {year} 年官方节假日安排，期限仅按周末计算。请管理员导入：xfdesk calendar import FILE",
        "Note: no official holiday calendar for {year}; deadlines count weekends alone. An administrator imports it: xfdesk calendar import FILE";
    CheckNothing => "未发现问题。", "Nothing found.";
    CheckByUnit => "按责任单位", "By unit";
    CheckByHandler => "按首办责任人", "By first handler";
    CheckTotal => "合计", "total";
    CheckOwnOffice => "本机关办理", "handled by the office";
    CheckNoHandler => "未记录", "none recorded";
    CheckEvery => "明细", "Every lapse";
    CheckRecorded { at: String, by: String } => "已记录（{at}，{by}）：督办页面显示本次结果。",
        "Recorded ({at}, {by}): the supervision pane shows this run.";
    CheckAlready { at: String, by: String } => "本日检查已于 {at} 记录（{by}），本次未重复记录。",
        "Today's check was recorded at {at} ({by}); this run recorded nothing more.";
    CheckFuture => "所查日期尚未到来：本次结果仅供参考，未记录。", "That day has not come yet: this run was looked at and not recorded.";
    CheckReadOnly => "数据库只读：本次结果未记录。", "The database is read-only here: this run was not recorded.";

    // The ladder on a case.
    LadderLine { supervisor: String, steps: String } => "督办人 {supervisor}{steps}", "supervisor {supervisor}{steps}";
    NotSupervised => "未立项", "not under supervision";
}

impl Label for Rung {
    fn label(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Rung::Urge => ("催办", "urged"),
            Rung::Order => ("督办单", "order"),
            Rung::Talk => ("约谈", "talk"),
            Rung::Notice => ("通报", "notice"),
            Rung::Listed => ("挂牌", "listed"),
        };
        lang.pick(zh, en)
    }
}

impl Label for LapseKind {
    fn label(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            LapseKind::Overdue => ("超期", "overdue"),
            LapseKind::DueSoon => ("临期", "due soon"),
            LapseKind::TransferNoReply => ("转办未回复", "transfer, no reply"),
            LapseKind::ReplyNotReviewed => ("回复未审核", "reply not reviewed"),
            LapseKind::FeedbackNotGiven => ("未答复信访人", "feedback not given"),
            LapseKind::FollowUpDue => ("待回访", "follow-up due"),
            LapseKind::SharePastDue => ("会审分工超期", "joint-review share late"),
            LapseKind::Inactive => ("久未办理", "no activity"),
        };
        lang.pick(zh, en)
    }
}

/// Days left, due today, or days overdue, in words ("超期5天").
pub fn days_text(lang: Lang, today: chrono::NaiveDate, due: chrono::NaiveDate) -> String {
    let left = (due - today).num_days();
    match left {
        n if n < 0 => Sv::Overdue { days: -n }.text(lang),
        0 => Sv::DueToday.text(lang),
        n => Sv::DaysLeft { days: n }.text(lang),
    }
}

/// The ladder in a short line: the rungs climbed (催办×2 · 督办单 · 约谈 …) or nothing.
pub fn rungs(lang: Lang, ladder: &Ladder) -> String {
    let mut parts: Vec<String> = vec![];
    if ladder.urged > 0 {
        parts.push(Sv::Urged { n: ladder.urged }.text(lang));
    }
    for (done, rung) in [
        (ladder.ordered, Rung::Order),
        (ladder.talked, Rung::Talk),
        (ladder.noticed, Rung::Notice),
        (ladder.listed, Rung::Listed),
    ] {
        if done {
            parts.push(rung.label(lang).to_string());
        }
    }
    if ladder.accountability {
        parts.push(lang.pick("问责建议", "accountability").to_string());
    }
    parts.join(lang.pick("→", " > "))
}

/// Who follows the case and how far up the ladder it went, for the detail and the dialogs.
pub fn ladder_summary(
    lang: Lang,
    supervisor: Option<&str>,
    ladder: &Ladder,
    extension_pending: bool,
) -> String {
    let mut steps = rungs(lang, ladder);
    if extension_pending {
        if !steps.is_empty() {
            steps.push_str(lang.pick("；", "; "));
        }
        steps.push_str(&Sv::ExtensionPending.text(lang));
    }
    let steps = if steps.is_empty() {
        String::new()
    } else {
        format!("{}{steps}", lang.pick("，", ", "))
    };
    match supervisor {
        Some(s) => Sv::LadderLine {
            supervisor: crate::domain::text::clean_line(s),
            steps,
        }
        .text(lang),
        None => format!("{}{steps}", Sv::NotSupervised.text(lang)),
    }
}

/// A kind of lapse in a table's narrow column.
pub fn short_label(lang: Lang, kind: LapseKind) -> &'static str {
    let (zh, en) = match kind {
        LapseKind::Overdue => ("超期", "late"),
        LapseKind::DueSoon => ("临期", "soon"),
        LapseKind::TransferNoReply => ("未复", "noreply"),
        LapseKind::ReplyNotReviewed => ("待审", "review"),
        LapseKind::FeedbackNotGiven => ("待答", "answer"),
        LapseKind::FollowUpDue => ("回访", "follow"),
        LapseKind::SharePastDue => ("会审", "share"),
        LapseKind::Inactive => ("久置", "idle"),
    };
    lang.pick(zh, en)
}

/// A notice refused, in words.
pub fn notice_error(lang: Lang, e: &NoticeError) -> String {
    match e {
        NoticeError::Denied(d) => super::errors::permission_denied(lang, d),
        NoticeError::NoCases => lang
            .pick("通报须列明至少一件案件", "a notice names at least one case")
            .into(),
        NoticeError::TooManyCases { max } => match lang {
            Lang::Zh => format!("一份通报最多列明 {max} 件案件"),
            Lang::En => format!("a notice names at most {max} cases"),
        },
        NoticeError::FailureMissing => lang
            .pick("请写明存在的问题", "say what the failure was, in words")
            .into(),
        NoticeError::TooLong { max } => match lang {
            Lang::Zh => format!("问题和整改要求各最多 {max} 字"),
            Lang::En => format!("the failure and the measures have at most {max} characters each"),
        },
        NoticeError::UnknownCase(n) => match lang {
            Lang::Zh => format!("没有编号为 {n} 的案件"),
            Lang::En => format!("there is no case {n}"),
        },
        NoticeError::UnknownTarget => lang
            .pick(
                "请选择通报的单位或工作人员",
                "choose the unit or the staff member the notice names",
            )
            .into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_has_both_languages_with_the_same_values() {
        super::super::catalog::check_templates(super::Sv::TEMPLATES);
    }
}
