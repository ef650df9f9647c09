//! Refusals and failures in words, in either language. The domain's and the store's error
//! types are data; their `Display` (English, for scripts and logs) comes from here too.

use super::Lang;
use super::labels::Label;
use crate::domain::calendar::ClockError;
use crate::domain::case::TransitionError;
use crate::domain::permission::{Act, PermissionDenied};
use crate::domain::role::UnknownRole;
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
        };
        lang.pick(zh, en)
    }
}

pub fn permission_denied(lang: Lang, e: &PermissionDenied) -> String {
    let roles = roles_text(lang, e.act.roles());
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
        StoreError::NotFound(s) | StoreError::Invalid(s) => s.clone(),
    }
}
