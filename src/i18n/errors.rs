//! Refusals and failures in words, in either language. The domain's and the store's error
//! types are data; their `Display` (English, for scripts and logs) comes from here too.

use super::Lang;
use super::labels::Label;
use crate::domain::calendar::ClockError;
use crate::domain::case::TransitionError;
use crate::domain::permission::{Act, PermissionDenied};
use crate::domain::role::UnknownRole;
use crate::domain::workflow::StepError;
use crate::store::StoreError;

fn roles_text(lang: Lang, roles: &[crate::domain::Role]) -> String {
    match lang {
        Lang::Zh => roles
            .iter()
            .map(|r| r.label(lang))
            .collect::<Vec<_>>()
            .join("或"),
        Lang::En => roles
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

impl Label for Act {
    fn label(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Act::RegisterIntake => ("登记来信来访", "registering a letter or visit"),
            Act::Administer => ("系统管理", "administration"),
            Act::LoadDemoData => ("载入演示数据", "loading demo data"),
            Act::RevealIdNumber => ("查看完整身份证号", "seeing an ID number whole"),
            Act::ExtendDeadline => ("延长期限", "extending a deadline"),
            Act::SuspendDeadline => ("中止期限", "suspending a deadline"),
            Act::RouteToExpert => ("分派接访专家", "routing a visitor to a duty expert"),
            Act::EditRoster => ("编排值班", "editing the duty roster"),
            Act::FollowUp => ("回访", "following up a closed case"),
            Act::RequestReview => ("登记复查复核请求", "registering a review request"),
            Act::OverrideReReview => ("复核后重新受理", "reopening a case after re-review"),
            Act::AssignFirstHandler => ("改派首办责任人", "reassigning the first handler"),
            Act::TakeCharge => ("领导包案", "taking personal charge of a case"),
            Act::Recuse => ("回避", "stepping aside from a case"),
            Act::JointReview => ("会审", "holding a joint review"),
            Act::RecordMaterial => ("登记材料", "recording materials"),
            Act::RecordIncident => ("记录现场情况", "recording an incident"),
            Act::ConfirmIncident => ("确认现场情况", "confirming an incident"),
            Act::IssueDocument => ("出具文书", "issuing a document"),
            Act::BulkAct => ("批量处理", "acting on several cases at once"),
            Act::TakeBackup => (
                "备份（含完整身份证号的副本）",
                "taking a backup (a copy with every ID number whole)",
            ),
            Act::AnchorAudit => ("锚定操作日志", "anchoring the audit log"),
            Act::MoveCase => ("推进案件", "moving a case"),
            Act::Supervise => ("督办", "supervising a case"),
            Act::ListSupervision => ("挂牌督办", "listing a case for supervision"),
            Act::ProposeAccountability => ("提出问责建议", "proposing accountability"),
            Act::IssueNotice => ("通报", "issuing an accountability notice"),
            Act::RunCheck => ("督办检查", "running the supervision check"),
            Act::ReadStatistics => ("查看统计", "reading the statistics"),
        };
        lang.pick(zh, en)
    }
}

pub fn permission_denied(lang: Lang, e: &PermissionDenied) -> String {
    if e.disabled {
        return match lang {
            Lang::Zh => format!(
                "账号 {} 已停用：不能再做任何修改，也不能查看身份证号；请联系管理员",
                e.login
            ),
            Lang::En => format!(
                "the account {} is disabled: it can change nothing and see no ID number; ask an administrator",
                e.login
            ),
        };
    }
    let roles = match (e.act, lang) {
        (Act::TakeBackup, Lang::Zh) => "管理员并兼接待员或领导".to_string(),
        (Act::TakeBackup, Lang::En) => "admin together with reception or manager".to_string(),
        _ => roles_text(lang, e.act.roles()),
    };
    match lang {
        Lang::Zh => format!("{} 无权{}：需要{}角色", e.login, e.act.label(lang), roles),
        Lang::En => format!(
            "{} may not do this: {} needs the role {roles}",
            e.login,
            e.act.label(lang)
        ),
    }
}

pub fn transition_error(lang: Lang, e: &TransitionError) -> String {
    match (e, lang) {
        (TransitionError::NotAllowed { from, to }, Lang::Zh) => {
            format!("案件不能从“{}”转到“{}”", from.label(lang), to.label(lang))
        }
        (TransitionError::NotAllowed { from, to }, Lang::En) => {
            format!("a case cannot go from {from} to {to}")
        }
        (TransitionError::RoleMissing { from, to, needs }, Lang::Zh) => format!(
            "案件从“{}”到“{}”需要{}角色",
            from.label(lang),
            to.label(lang),
            roles_text(lang, needs)
        ),
        (TransitionError::RoleMissing { from, to, needs }, Lang::En) => format!(
            "moving a case from {from} to {to} needs the role {}",
            roles_text(lang, needs)
        ),
        (TransitionError::ReasonRequired, _) => lang
            .pick("退回需要说明理由", "returning a case needs a reason")
            .to_string(),
    }
}

pub fn clock_error(lang: Lang, e: &ClockError) -> String {
    match (e, lang) {
        (ClockError::ReasonRequired, _) => lang.pick("需要说明理由", "a reason is required").into(),
        (ClockError::AlreadyExtended, _) => lang
            .pick(
                "该期限已延长过一次",
                "this deadline was already extended once",
            )
            .into(),
        (ClockError::ExtensionTooLong { max }, Lang::Zh) => format!("延期最多 {max} 日"),
        (ClockError::ExtensionTooLong { max }, Lang::En) => {
            format!("an extension may be at most {max} days")
        }
        (ClockError::ZeroDays, _) => lang
            .pick("延期至少一日", "an extension needs at least one day")
            .into(),
        (ClockError::BackwardsPeriod, _) => lang
            .pick(
                "中止的结束日早于开始日",
                "the suspension ends before it begins",
            )
            .into(),
    }
}

pub fn unknown_role(lang: Lang, e: &UnknownRole) -> String {
    match lang {
        Lang::Zh => format!(
            "未知角色“{}”（角色：reception, expert, supervisor, manager, admin）",
            e.0
        ),
        Lang::En => format!(
            "unknown role '{}' (roles: reception, expert, supervisor, manager, admin)",
            e.0
        ),
    }
}

pub fn step_error(lang: Lang, e: &StepError) -> String {
    let zh = lang == Lang::Zh;
    match e {
        StepError::Transition(t) => transition_error(lang, t),
        StepError::Denied(d) => permission_denied(lang, d),
        StepError::TextRequired => lang
            .pick("请用文字写明（意见、理由或说明不能为空）", "say it in words: the text must not be empty")
            .into(),
        StepError::NotNow { kind, state } => {
            if zh {
                format!("案件在“{}”状态，现在不能{}", state.label(lang), kind.label(lang))
            } else {
                format!("a case that is {} cannot have a {} now", state.label(lang), kind.label(lang))
            }
        }
        StepError::AgainstOpinion { approved } => {
            if zh {
                format!("已批准的拟办意见是“{}”；要改变，请先退回", approved.label(lang))
            } else {
                format!(
                    "the approved opinion is \"{}\"; return the case first to change it",
                    approved.label(lang)
                )
            }
        }
        StepError::AccusedUnit { .. } => lang
            .pick(
                "检举控告事项不得转送被检举控告的单位（条例第三十条）",
                "an accusation never goes to the unit accused (Art. 30)",
            )
            .into(),
        StepError::Units => lang
            .pick("单位有误：缺少单位，或同一单位出现两次", "the units are wrong: one is missing or listed twice")
            .into(),
        StepError::Date => lang
            .pick("日期有误：不能晚于今天，期限须在其后", "the date is wrong: not after today, and due dates after it")
            .into(),
        StepError::ReopenLate { last_day } => {
            if zh {
                format!("请求已超过期限（最迟 {last_day}），不予受理（条例第三十五、三十六条）")
            } else {
                format!("the request is late (the last day was {last_day}); it is not accepted (Art. 35–36)")
            }
        }
        StepError::ReopenLevel => lang
            .pick("复核须在复查之后提出", "a re-review follows a review")
            .into(),
        StepError::AfterReReview => lang
            .pick(
                "复核后以同一事实和理由提出的请求不再受理；如有新的事实，须领导说明理由后受理（条例第三十六条）",
                "after a re-review the same request is not accepted again; with new facts a manager may reopen it, giving the reason (Art. 36)",
            )
            .into(),
        StepError::Recused => lang
            .pick("此人已声明回避本案，不能交其办理", "that person stepped aside from this case")
            .into(),
        StepError::AlreadyDone => lang
            .pick("已经办理过，不能重复", "already done; it is done once")
            .into(),
        StepError::LadderOrder { needs } => {
            if zh {
                format!("督办须逐级进行：请先{}", needs.label(lang))
            } else {
                format!("supervision climbs one rung at a time: first the {}", needs.label(lang))
            }
        }
        StepError::NotSupervisor => lang
            .pick(
                "督办人须为在岗的督办员或领导",
                "the supervisor must be an active supervisor or manager",
            )
            .into(),
        StepError::NotInBulk { kind } => {
            if zh {
                format!("“{}”不能批量办理，请逐件办理", kind.label(lang))
            } else {
                format!("{} is taken case by case, not on a selection", kind.label(lang))
            }
        }
    }
}

pub fn material_problem(lang: Lang, p: crate::domain::contact::MaterialProblem) -> String {
    use crate::domain::contact::MaterialProblem as P;
    match p {
        P::TitleMissing => lang.pick("材料须有名称", "a material needs a title"),
        P::TitleTooLong => lang.pick(
            "材料名称最多100字",
            "a material's title has at most 100 characters",
        ),
        P::Pages => lang.pick(
            "页数不合理（最多10000页）",
            "the page count is impossible (at most 10,000)",
        ),
    }
    .to_string()
}

/// Whether SQLite gave up waiting for another process's write.
pub fn is_busy(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// A store failure as the user should read it.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        _ if is_busy(e) => lang
            .pick(
                "数据库正忙（另一程序正在写入），请稍后再试",
                "the database is busy (another program is writing); try again shortly",
            )
            .into(),
        StoreError::Sqlite(inner) => match lang {
            Lang::Zh => format!("数据库错误：{inner}"),
            Lang::En => format!("database error: {inner}"),
        },
        StoreError::Migration(inner) => match lang {
            Lang::Zh => format!("数据库结构升级失败：{inner}"),
            Lang::En => format!("database schema upgrade failed: {inner}"),
        },
        StoreError::Denied(d) => permission_denied(lang, d),
        StoreError::Transition(t) => transition_error(lang, t),
        StoreError::Stale { by, at } => match lang {
            Lang::Zh => format!("已被 {by} 于 {at} 修改，请刷新后再试"),
            Lang::En => format!("changed by {by} at {at}, reload"),
        },
        StoreError::Step(e) => step_error(lang, e),
        StoreError::Clock(e) => clock_error(lang, e),
        StoreError::Notice(e) => super::supervision::notice_error(lang, e),
        StoreError::Refusals(refusals) => {
            let each: Vec<String> = refusals
                .iter()
                .map(|r| match lang {
                    Lang::Zh => format!("{}（{}）", r.number, store_error(lang, &r.error)),
                    Lang::En => format!("{} ({})", r.number, store_error(lang, &r.error)),
                })
                .collect();
            match lang {
                Lang::Zh => format!(
                    "{} 件不能办理，全部未改动：{}",
                    refusals.len(),
                    each.join("；")
                ),
                Lang::En => format!(
                    "{} cases refused, nothing changed: {}",
                    refusals.len(),
                    each.join("; ")
                ),
            }
        }
        StoreError::NotFound(s) | StoreError::Invalid(s) | StoreError::Audit(s) => s.clone(),
        StoreError::Roster(e) => super::roster::roster_error(lang, e),
        StoreError::RosterImport(e) => super::roster::import_error(lang, e),
        StoreError::Refused { path, why } => super::cli::open_refused(lang, path, why),
        StoreError::ReadOnly(path) => super::cli::read_only(lang, path),
    }
}

/// Why a document did not reach the printer.
pub fn print_error(lang: Lang, e: &crate::app::effects::PrintError) -> String {
    use crate::app::effects::PrintError;
    use crate::domain::text::clean_line;
    match (e, lang) {
        (PrintError::NotStarted(why), Lang::Zh) => {
            format!("打印程序无法启动（{}）", clean_line(why))
        }
        (PrintError::NotStarted(why), Lang::En) => {
            format!("the printing program could not start ({})", clean_line(why))
        }
        (PrintError::TimedOut { seconds }, Lang::Zh) => {
            format!("打印程序 {seconds} 秒未完成，已停止，请检查打印机")
        }
        (PrintError::TimedOut { seconds }, Lang::En) => {
            format!(
                "the printing program did not finish within {seconds} s and was stopped; check the printer"
            )
        }
        (PrintError::Refused(said), Lang::Zh) => format!("打印程序报错：{}", clean_line(said)),
        (PrintError::Refused(said), Lang::En) => {
            format!("the printing program said: {}", clean_line(said))
        }
    }
}
