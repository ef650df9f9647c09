//! Notifications (通知) in zh-CN and en: the list, its keys, and each notification in words.

use super::Lang;
use super::messages::messages;
use super::text::texts;
use crate::domain::notification::{Notification, NotificationKind};
use crate::domain::text::clean_line;

texts! {
    NoticeText;
    Title => "通知", "Notifications";
    Empty => "没有通知。", "No notifications.";
    ColWhen => "时间", "When";
    ColKind => "事项", "What";
    ColCase => "案件", "Case";
    ColText => "内容", "Details";
    UnreadMark => "未读", "new";
    KeyNotifications => "通知", "notifications";
    KeyOpen => "打开案件", "open the case";
    KeyMarkRead => "标为已读", "mark read";
    KeyMarkAllRead => "全部已读", "mark all read";
    KindRouted => "来访分派", "visitor routed";
    KindTransfer => "转办", "transferred";
    KindReturn => "退回", "returned";
    KindUrge => "催办", "urged";
    KindSupervise => "督办", "supervised";
    KindEscalated => "督办升级", "supervision";
    KindNotice => "通报", "notice";
    NoCase => "该通知不涉及案件", "This notification is about no case";
}

messages! {
    NoticeMsg;
    ListTitle { unread: u32 } => "通知（未读 {unread}）", "Notifications ({unread} new)";
    Routed { who: String, place: String, by: String } => "来访人{who}已分派给您，请在{place}接谈（{by}）", "a visitor {who} is routed to you: receive them in {place} ({by})";
    Transferred { place: String, by: String } => "已转办至{place}（{by}）", "transferred to {place} ({by})";
    Returned { note: String, by: String } => "已退回：{note}（{by}）", "returned: {note} ({by})";
    Urged { note: String, by: String } => "催办：{note}（{by}）", "urged: {note} ({by})";
    Supervised { note: String, by: String } => "已列入督办：{note}（{by}）", "put under supervision: {note} ({by})";
    Escalated { note: String, by: String } => "督办：{note}（{by}）", "supervision: {note} ({by})";
    Noticed { note: String, by: String } => "通报 {note}（{by}）", "named in notice {note} ({by})";
    Status { case: String, text: String, key: String, unread: u32 } => "新通知 {case} {text} — {key} 查看（未读 {unread}）", "new: {case} {text} — {key} to see ({unread} unread)";
    Waiting { n: u32, key: String } => "有 {n} 条未读通知 — {key} 查看", "{n} unread notifications — {key} to see";
    AllRead { n: usize } => "已将 {n} 条通知标为已读", "{n} notifications marked read";
    DeliveryFailed { why: String } => "通知程序未能送出通知（已记入操作日志）：{why}", "the notify command did not deliver (written to the audit log): {why}";
}

pub fn kind(lang: Lang, k: NotificationKind) -> &'static str {
    match k {
        NotificationKind::Routed => NoticeText::KindRouted,
        NotificationKind::Transfer => NoticeText::KindTransfer,
        NotificationKind::Return => NoticeText::KindReturn,
        NotificationKind::Urge => NoticeText::KindUrge,
        NotificationKind::Supervise => NoticeText::KindSupervise,
        NotificationKind::Escalated => NoticeText::KindEscalated,
        NotificationKind::Notice => NoticeText::KindNotice,
    }
    .get(lang)
}

/// What a notification says, in one line (cleaned: its note came from someone's typing).
/// `who`: the visitor's name, where it may be said (on screen, not to the notify command).
pub fn text(
    lang: Lang,
    kind: NotificationKind,
    who: &str,
    place: &str,
    note: &str,
    by: &str,
) -> String {
    let who = clean_line(who);
    let place = clean_line(place);
    let note = clean_line(note);
    let by = clean_line(by);
    match kind {
        NotificationKind::Routed => NoticeMsg::Routed { who, place, by },
        NotificationKind::Transfer => NoticeMsg::Transferred { place, by },
        NotificationKind::Return => NoticeMsg::Returned { note, by },
        NotificationKind::Urge => NoticeMsg::Urged { note, by },
        NotificationKind::Supervise => NoticeMsg::Supervised { note, by },
        NotificationKind::Escalated => NoticeMsg::Escalated { note, by },
        NotificationKind::Notice => NoticeMsg::Noticed { note, by },
    }
    .text(lang)
}

/// A notification as its recipient reads it.
pub fn describe(lang: Lang, n: &Notification) -> String {
    text(
        lang,
        n.kind,
        n.petitioner_name.as_deref().unwrap_or(""),
        &n.place,
        &n.note,
        n.by_name.as_deref().unwrap_or(""),
    )
}

/// A notification as the notify command's `message` says it: the case, then what happened.
/// The visitor's name stays inside the office: the gateway gets the case number.
pub fn event_message(lang: Lang, e: &crate::domain::notification::NotificationEvent) -> String {
    let text = text(lang, e.kind, "", &e.place, &e.note, &e.by_name);
    match &e.case_number {
        Some(number) => format!("{} {text}", clean_line(number)),
        None => text,
    }
}

/// The office's language, in which the notify command's messages go out.
pub fn office_lang(setting: Option<&str>) -> Lang {
    setting.and_then(Lang::parse).unwrap_or(Lang::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for (name, zh, en) in NoticeText::TEMPLATES.iter().chain(NoticeMsg::TEMPLATES) {
            assert!(cjk(zh) || zh.contains('（'), "{name}: {zh}");
            assert!(!cjk(en), "{name}: {en}");
        }
    }

    #[test]
    fn a_note_is_cleaned_before_it_is_shown() {
        let t = text(
            Lang::Zh,
            NotificationKind::Return,
            "",
            "",
            "补充\u{1b}[2J材料",
            "王丽",
        );
        assert_eq!(t, "已退回：补充材料（王丽）");
    }
}
