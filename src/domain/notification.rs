//! 通知: what the person concerned is told — a visitor routed to them, a case transferred or
//! returned, an urging, a case put under supervision. Each is a row for its recipient (shown
//! in the status bar and in their notifications list), and, when the office sets a
//! `notify_command`, an event handed to that program as JSON (the office's SMS gateway).

use chrono::NaiveDateTime;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotificationKind {
    /// A visitor was routed to this expert at intake.
    Routed,
    /// A case this person is concerned with was transferred to a unit (转办/交办).
    Transfer,
    /// A case was returned to the step before: the work of this person comes back.
    Return,
    /// An urging (催办) about a case this person is concerned with.
    Urge,
    /// A case was put under supervision (督办), this person following it or concerned.
    Supervise,
    /// A further rung of the supervision ladder on a case this person handles (督办单, 约谈,
    /// 挂牌督办, an accountability proposal, an extension asked for).
    Escalated,
    /// An accountability notice (通报) names a case this person handles, or names them.
    Notice,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 7] = [
        NotificationKind::Routed,
        NotificationKind::Transfer,
        NotificationKind::Return,
        NotificationKind::Urge,
        NotificationKind::Supervise,
        NotificationKind::Escalated,
        NotificationKind::Notice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::Routed => "routed",
            NotificationKind::Transfer => "transfer",
            NotificationKind::Return => "return",
            NotificationKind::Urge => "urge",
            NotificationKind::Supervise => "supervise",
            NotificationKind::Escalated => "escalated",
            NotificationKind::Notice => "notice",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// A notification to record: for whom, what, about which case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    pub to_staff: i64,
    pub kind: NotificationKind,
    pub case_id: Option<i64>,
    /// Words that go with it: a return's reason, an urging's note. Cleaned when recorded.
    pub note: String,
    /// Where: the room a visitor was sent to, the unit a case went to.
    pub place: String,
}

/// A notification as its recipient sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub at: NaiveDateTime,
    pub case_id: Option<i64>,
    pub case_number: Option<String>,
    /// The case's petitioner, for the staff member's own screen.
    pub petitioner_name: Option<String>,
    /// Who did what it tells of.
    pub by_name: Option<String>,
    pub note: String,
    pub place: String,
    pub read: bool,
}

/// The recipient's unread count and their newest notification, for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread {
    pub count: u32,
    pub newest: Option<Notification>,
}

/// A notification as the notify command receives it (one JSON object on its standard input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationEvent {
    pub id: i64,
    pub kind: NotificationKind,
    pub at: NaiveDateTime,
    pub to_login: String,
    pub to_name: String,
    pub by_login: String,
    pub by_name: String,
    pub case_number: Option<String>,
    pub note: String,
    pub place: String,
}

impl NotificationEvent {
    /// The JSON the notify command reads: every value cleaned of control, escape and bidi
    /// characters (JSON escapes the first two, not the last), `message` already in words.
    ///
    /// `{"id", "event", "at", "to": {"login", "name"}, "by": {"login", "name"}, "case",
    /// "place", "note", "message"}`
    pub fn to_json(&self, message: &str) -> String {
        use crate::domain::text::clean_line;
        serde_json::json!({
            "id": self.id,
            "event": self.kind.code(),
            "at": self.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            "to": {"login": clean_line(&self.to_login), "name": clean_line(&self.to_name)},
            "by": {"login": clean_line(&self.by_login), "name": clean_line(&self.by_name)},
            "case": self.case_number.as_deref().map(clean_line),
            "place": clean_line(&self.place),
            "note": clean_line(&self.note),
            "message": clean_line(message),
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for k in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(k.code()), Some(k));
        }
        assert_eq!(NotificationKind::parse("sms"), None);
    }

    #[test]
    fn the_event_json_is_one_clean_object() {
        let e = NotificationEvent {
            id: 7,
            kind: NotificationKind::Routed,
            at: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
            to_login: "wangjg".into(),
            to_name: "王建国".into(),
            by_login: "lina".into(),
            by_name: "李\u{202e}娜".into(),
            case_number: Some("XF-2026-000123".into()),
            note: "a\u{1b}]0;x\u{7}b".into(),
            place: "接访室一".into(),
        };
        let json = e.to_json("新来访");
        assert!(!json.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["event"], "routed");
        assert_eq!(v["to"]["login"], "wangjg");
        assert_eq!(v["by"]["name"], "李娜");
        assert_eq!(v["case"], "XF-2026-000123");
        assert_eq!(v["note"], "ab");
        assert_eq!(v["at"], "2026-11-23T09:30:00");
        assert_eq!(v["message"], "新来访");
    }
}
