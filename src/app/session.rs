//! The session: who is logged in, in which language, the time and calendar the screen counts
//! with, the office's reference lists, and what the status line says.

use crate::domain::calendar::{Calendar, Period, Urgency, due_date, urgency};
use crate::domain::intake::IntakeRules;
use crate::domain::permission::{self, Act};
use crate::domain::{Category, Staff, Unit};
use crate::i18n::{Lang, Msg};
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};

/// How a status message should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Success,
    Error,
}

/// One line on the status bar, already in the session's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// Working days before a due date that make it "due soon" when the `due-soon` rule is missing.
pub const DUE_SOON_DEFAULT: u32 = 3;

pub struct Session {
    pub me: Staff,
    pub lang: Lang,
    /// Office-local time, taken when the last event arrived: drawing never reads the clock.
    pub now: NaiveDateTime,
    pub calendar: Calendar,
    /// The `due-soon` rule: within this many working days a clock is due soon.
    pub due_soon_days: u32,
    pub categories: Vec<Category>,
    pub units: Vec<Unit>,
    /// The database file's name, for the status bar.
    pub db_name: String,
    /// What the status line says now.
    pub status: Option<Status>,
    /// Rows a list page shows; set from the terminal size.
    pub page_rows: usize,
    /// The office's rules for intakes (its first day).
    pub intake_rules: IntakeRules,
    /// The user's unread notifications (the tab bar shows the count).
    pub unread: u32,
}

impl Session {
    /// The session of `me` on this database: the clock, calendar, reference lists and rules
    /// as the store has them now, and how many notifications wait unread.
    pub fn open(store: &Store, me: Staff, lang: Lang) -> crate::store::Result<Self> {
        let due_soon_days = store
            .rule("due-soon")?
            .map_or(DUE_SOON_DEFAULT, |r| r.period.days);
        let db_name = store
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut intake_rules = IntakeRules::default();
        if let Some(opened) = store
            .setting("office_opened")?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        {
            intake_rules.office_opened = opened;
        }
        let unread = store.unread_notifications(me.id)?.count;
        Ok(Self {
            me,
            lang,
            now: store.now(),
            calendar: store.calendar()?,
            due_soon_days,
            categories: store.categories()?,
            units: store.units()?,
            db_name,
            status: None,
            page_rows: 15,
            intake_rules,
            unread,
        })
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Put a message on the status line at once.
    pub fn say(&mut self, kind: StatusKind, message: Msg) {
        let text = message.text(self.lang);
        self.say_text(kind, text);
    }

    /// Put text that is already in words (an error from below) on the status line.
    pub fn say_text(&mut self, kind: StatusKind, text: String) {
        self.status = Some(Status { kind, text });
    }

    pub fn may(&self, act: Act) -> bool {
        permission::allows(&self.me, act)
    }

    /// How pressing a clock due on `due` is today.
    pub fn urgency_of(&self, due: NaiveDate) -> Urgency {
        urgency(&self.calendar, self.today(), due, self.due_soon_days)
    }

    /// The last day of the due-soon window that starts today.
    pub fn due_soon_until(&self) -> NaiveDate {
        due_date(
            &self.calendar,
            self.today(),
            Period {
                days: self.due_soon_days,
                working: true,
            },
        )
        .due
    }
}
