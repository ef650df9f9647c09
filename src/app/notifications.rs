//! The data-version tick and what it tells the user: another process's change shows within
//! a second; the person concerned hears of a notification (a visitor routed to them, a case
//! transferred or returned, an urging, a supervision) on the status line and finds it in the
//! list (^N); a manager hears of an urgent matter. The office's notify command gets each
//! notification this session commits, in the background, and what became of it is written
//! down on a later tick.

use super::dialogs::Dialog;
use super::dialogs::notifications::{LIST_LIMIT, NoticeAction, NotificationsDialog};
use super::keymap::{Command, GlobalCommand, key_for};
use super::session::StatusKind;
use super::{App, Outcome};
use crate::domain::Role;
use crate::domain::text::clean_line;
use crate::i18n::notifications::{self as words, NoticeMsg, NoticeText};
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
        let delivered = if self.collect_deliveries() {
            Outcome::Redraw
        } else {
            Outcome::Unchanged
        };
        let Ok(v) = self.store.data_version() else {
            return delivered;
        };
        if v == self.data_version {
            return delivered;
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
        let told = self.refresh_unread() | self.tell_managers_of_urgent_cases();
        if changed || told || account == Account::Changed || delivered == Outcome::Redraw {
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

    /// Read my unread notifications again: the count for the tab bar, the list if it is
    /// open, and (on a tick) a new one told on the status line. After this session's own
    /// write (a visitor routed to myself) the status line keeps what the write said. True if
    /// anything shown changed.
    pub(super) fn refresh_unread(&mut self) -> bool {
        self.refresh_unread_telling(true)
    }

    /// [`App::refresh_unread`], saying nothing on the status line.
    pub(super) fn refresh_unread_quietly(&mut self) -> bool {
        self.refresh_unread_telling(false)
    }

    fn refresh_unread_telling(&mut self, tell: bool) -> bool {
        let Ok(unread) = self.store.unread_notifications(self.session.me.id) else {
            return false;
        };
        let mut changed = unread.count != self.session.unread;
        self.session.unread = unread.count;
        if changed {
            changed |= self.refresh_list();
        }
        let Some(newest) = unread.newest else {
            return changed;
        };
        if self.seen_notice.is_some_and(|seen| newest.id <= seen) {
            return changed;
        }
        self.seen_notice = Some(newest.id);
        if !tell {
            return changed;
        }
        let lang = self.session.lang;
        let status = NoticeMsg::Status {
            case: newest.case_number.clone().unwrap_or_default(),
            text: words::describe(lang, &newest),
            key: key_for(Command::Global(GlobalCommand::Notifications), lang),
            unread: unread.count,
        };
        self.session.say_text(StatusKind::Info, status.text(lang));
        true
    }

    /// The list (^N) over the current pane.
    pub(super) fn open_notifications(&mut self) {
        match self.store.notifications_for(self.session.me.id, LIST_LIMIT) {
            Ok(items) => self.dialogs.push(
                Some(self.pane),
                Dialog::Notifications(NotificationsDialog::new(items, self.session.unread)),
            ),
            Err(e) => self.say_store_error(&e),
        }
    }

    /// Read an open list again; true if it was open.
    fn refresh_list(&mut self) -> bool {
        let Some(Dialog::Notifications(_)) = self.dialogs.top(self.pane) else {
            return false;
        };
        let items = self.store.notifications_for(self.session.me.id, LIST_LIMIT);
        let unread = self.session.unread;
        if let (Ok(items), Some(Dialog::Notifications(d))) =
            (items, self.dialogs.top_mut(self.pane))
        {
            d.refresh(items, unread);
        }
        true
    }

    fn say_store_error(&mut self, e: &crate::store::StoreError) {
        let text = crate::i18n::store_error(self.session.lang, e);
        self.session.say_text(StatusKind::Error, text);
    }

    /// What the list asked for.
    pub(super) fn on_notice(&mut self, action: NoticeAction) {
        let me = self.session.me.clone();
        let lang = self.session.lang;
        match action {
            NoticeAction::Open { id, case_id } => {
                if let Err(e) = self.store.mark_notification_read(&me, id) {
                    return self.say_store_error(&e);
                }
                let Some(case_id) = case_id else {
                    self.session
                        .say_text(StatusKind::Info, NoticeText::NoCase.get(lang).to_string());
                    self.refresh_unread_quietly();
                    self.refresh_list();
                    return;
                };
                self.dialogs.close_top(self.pane);
                self.refresh_unread_quietly();
                // Esc in the detail comes back to the pane the list was opened over.
                self.show_case(case_id, self.pane);
            }
            NoticeAction::MarkRead(id) => {
                if let Err(e) = self.store.mark_notification_read(&me, id) {
                    return self.say_store_error(&e);
                }
                self.refresh_unread_quietly();
                self.refresh_list();
            }
            NoticeAction::MarkAllRead => match self.store.mark_all_notifications_read(&me) {
                Ok(n) => {
                    self.session
                        .say_text(StatusKind::Success, NoticeMsg::AllRead { n }.text(lang));
                    self.refresh_unread_quietly();
                    self.refresh_list();
                }
                Err(e) => self.say_store_error(&e),
            },
        }
    }

    /// Hand the notifications this session committed to the office's notify command, if it
    /// has one: each on a thread of its own, so nothing here waits for it.
    pub(super) fn deliver_notifications(&mut self) {
        let events = self.store.take_notification_events();
        if events.is_empty() {
            return;
        }
        let setting = self
            .store
            .setting("notify_command")
            .ok()
            .flatten()
            .unwrap_or_default();
        let Some(program) = crate::os::boundary().notify_command(&setting) else {
            return;
        };
        // The message goes out in the office's language, whatever this session shows.
        let office_lang = self.store.setting("office_lang").ok().flatten();
        let lang = words::office_lang(office_lang.as_deref());
        for e in events {
            let json = e.to_json(&words::event_message(lang, &e));
            self.effects.notify(&program, e.id, &json);
        }
    }

    /// Write down what became of the notify commands that have finished; a failure is also
    /// said on the status line. True if something was said.
    fn collect_deliveries(&mut self) -> bool {
        let finished = self.effects.notified();
        self.deliveries.extend(finished);
        let mut told = false;
        for d in std::mem::take(&mut self.deliveries) {
            match self
                .store
                .record_delivery(&self.session.me, d.notification_id, &d.outcome)
            {
                Ok(()) => {
                    if let Err(why) = &d.outcome {
                        let text = NoticeMsg::DeliveryFailed {
                            why: clean_line(why),
                        }
                        .text(self.session.lang);
                        self.session.say_text(StatusKind::Error, text);
                        told = true;
                    }
                }
                // Busy: written on a later tick.
                Err(e) if crate::i18n::errors::is_busy(&e) => self.deliveries.push(d),
                Err(_) => {}
            }
        }
        told
    }

    /// The session is ending: wait for the notify commands still running (at most their
    /// timeout) and write down what became of them.
    pub(super) fn wait_for_deliveries(&mut self) {
        let done = self
            .effects
            .wait_notified(crate::os::notify::NOTIFY_TIMEOUT + std::time::Duration::from_secs(1));
        self.deliveries.extend(done);
        if !self.deliveries.is_empty() {
            let _ = self
                .store
                .set_busy_timeout(std::time::Duration::from_secs(10));
            self.collect_deliveries();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::app_at;
    use super::super::{App, Outcome};
    use crate::domain::Role;
    use crate::domain::intake::{IntakeInput, validate_intake};
    use crate::i18n::Lang;
    use chrono::NaiveDate;
    use crossterm::event::KeyCode;

    fn wednesday() -> chrono::NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    /// Route a visitor to the session's own account (an expert on duty now) from its form.
    fn route_to_me(app: &mut App) -> String {
        let me = app.session().me.clone();
        let store = app.store_mut();
        store
            .put_on_duty(&me, me.id, wednesday(), "接访室八")
            .unwrap();
        let mut new = validate_intake(
            &IntakeInput {
                name: "张三".into(),
                category_id: Some(store.categories().unwrap()[0].id),
                summary: "征地补偿款未到位".into(),
                ..IntakeInput::blank(wednesday())
            },
            wednesday(),
        )
        .unwrap();
        new.expert_id = Some(me.id);
        let number = store.save_intake(&me, &new).unwrap().number;
        // As the screen does after its own save.
        app.run_events(vec![crate::app::event::AppEvent::Reload]);
        number
    }

    #[test]
    fn the_notify_command_gets_the_event_in_the_background_and_its_outcome_is_logged() {
        let roles = [Role::Reception, Role::Expert, Role::Manager];
        let (_d, path, mut app, effects) = app_at(Lang::Zh, &roles, wednesday());
        let me = app.session().me.clone();
        app.store_mut()
            .set_setting(&me, "notify_command", "/usr/local/bin/sms")
            .unwrap();
        let number = route_to_me(&mut app);
        assert_eq!(app.session().unread, 1, "counted at once");
        assert!(
            !app.status_text().contains("新通知"),
            "my own save is not talked over"
        );
        let sent = effects.recording().notified;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].0, std::path::PathBuf::from("/usr/local/bin/sms"));
        let v: serde_json::Value = serde_json::from_str(&sent[0].2).unwrap();
        assert_eq!(v["event"], "routed");
        assert_eq!(v["case"], number.as_str());
        assert_eq!(v["place"], "接访室八");
        assert!(
            !sent[0].2.contains("张三"),
            "the visitor's name stays inside"
        );
        // The next tick writes down what became of it.
        app.tick();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let delivery: String = conn
            .query_row("SELECT delivery FROM notifications", [], |r| r.get(0))
            .unwrap();
        assert_eq!(delivery, "sent");
        // A failing command: said, logged, and the save stands.
        effects.fail_notify("gateway down");
        let second = route_to_me(&mut app);
        assert_eq!(app.tick(), Outcome::Redraw);
        assert!(
            app.status_text().contains("通知程序未能送出通知")
                && app.status_text().contains("gateway down"),
            "{}",
            app.status_text()
        );
        let failed: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit WHERE action = 'notify.failed'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(failed, 1);
        assert!(
            app.store_mut()
                .case_id_by_number(&second)
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn the_list_marks_read_one_or_all_and_a_new_session_says_how_many_wait() {
        let roles = [Role::Reception, Role::Expert, Role::Manager];
        let (_d, path, mut app, _) = app_at(Lang::Zh, &roles, wednesday());
        route_to_me(&mut app);
        route_to_me(&mut app);
        assert_eq!(app.session().unread, 2);
        // Another session of the same account, opened now, counts them on its tab bar (the
        // status line says so unless something else is said at start: here, a missing
        // calendar).
        let mut other = crate::store::Store::open(&path).unwrap();
        other.pin_now(wednesday());
        let me = app.session().me.clone();
        let second = App::new(other, me, Lang::Zh).unwrap();
        assert_eq!(second.session().unread, 2);
        let status = second.status_text();
        assert!(
            status.contains("有 2 条未读通知") || status.contains("2027"),
            "{status}"
        );
        app.press_ctrl('n');
        app.press(KeyCode::Char(' '));
        assert_eq!(app.session().unread, 1);
        app.press(KeyCode::Char('a'));
        assert_eq!(app.session().unread, 0);
        assert!(
            app.status_text().contains("已将 1 条通知标为已读"),
            "{}",
            app.status_text()
        );
        app.press(KeyCode::Esc);
        assert!(app.dialogs().top(app.pane()).is_none());
    }
}
