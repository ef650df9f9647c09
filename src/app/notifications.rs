//! The data-version tick and what it tells the user: another process's change shows within
//! a second, an expert hears of a visitor routed to them, a manager of an urgent matter.

use super::session::StatusKind;
use super::{App, Outcome};
use crate::domain::Role;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Msg};

/// What became of the session's account since the last look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Account {
    Same,
    Changed,
    Ended,
}

impl App {
    /// Called on the data-version timer: reload only if another process changed something,
    /// and redraw only if what is shown changed.
    pub fn on_tick(&mut self) -> Outcome {
        let Ok(v) = self.store.data_version() else {
            return Outcome::Unchanged;
        };
        if v == self.data_version {
            return Outcome::Unchanged;
        }
        self.data_version = v;
        let account = self.check_my_account();
        if account == Account::Ended {
            return Outcome::Redraw;
        }
        self.session.now = self.store.now();
        if let Ok(c) = self.store.calendar() {
            self.session.calendar = c;
        }
        let changed = match self.reload_current() {
            Ok(changed) => changed,
            Err(e) => {
                let text = crate::i18n::store_error(self.session.lang, &e);
                self.session.say_text(StatusKind::Error, text);
                true
            }
        };
        let told = self.tell_expert_of_new_visitors() | self.tell_managers_of_urgent_cases();
        if changed || told || account == Account::Changed {
            Outcome::Redraw
        } else {
            Outcome::Unchanged
        }
    }

    /// An administrator may have disabled this account or changed its roles while the session
    /// was open: a disabled account's session ends (nothing more is written for it, not even a
    /// draft); changed roles take effect at once, and the legend follows.
    fn check_my_account(&mut self) -> Account {
        let Ok(current) = self.store.staff_by_id(self.session.me.id) else {
            return Account::Same;
        };
        match current {
            Some(staff) if staff.active => {
                if staff.roles != self.session.me.roles {
                    let lang = self.session.lang;
                    let roles: Vec<&str> = staff.roles.iter().map(|r| r.label(lang)).collect();
                    self.session.me = staff;
                    self.session.say(
                        StatusKind::Info,
                        Msg::RolesChanged {
                            roles: roles.join(","),
                        },
                    );
                    Account::Changed
                } else {
                    Account::Same
                }
            }
            _ => {
                self.account_disabled = true;
                self.quit = true;
                Account::Ended
            }
        }
    }

    /// A manager's open session is told at once of a major or urgent matter (条例 Art. 25).
    fn tell_managers_of_urgent_cases(&mut self) -> bool {
        if !self.session.me.has(Role::Manager) {
            return false;
        }
        let Ok(Some(urgent)) = self.store.latest_urgent() else {
            return false;
        };
        if self.seen_urgent.as_deref() == Some(urgent.flagged_at.as_str()) {
            return false;
        }
        self.seen_urgent = Some(urgent.flagged_at.clone());
        self.session.say(
            StatusKind::Error,
            Msg::UrgentMatter {
                number: urgent.number,
                name: clean_line(&urgent.petitioner_name),
                summary: clean_line(&urgent.summary),
            },
        );
        true
    }

    /// An expert's open session is told when a visitor is routed to them.
    fn tell_expert_of_new_visitors(&mut self) -> bool {
        if !self.session.me.has(Role::Expert) {
            return false;
        }
        let Ok(waiting) = self.store.waiting_for(self.session.me.id) else {
            return false;
        };
        let Some(newest) = waiting.first() else {
            return false;
        };
        if Some(newest.case_id) == self.seen_waiting {
            return false;
        }
        self.seen_waiting = Some(newest.case_id);
        self.session.say(
            StatusKind::Info,
            Msg::VisitorRoutedToYou {
                number: newest.number.clone(),
                name: clean_line(&newest.petitioner_name),
                waiting: waiting.len(),
            },
        );
        true
    }
}
