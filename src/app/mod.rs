//! The application: routing between the panes and the dialog stack, and the session (who is
//! logged in, the language, the calendar, the data-version tick, notifications). A key goes
//! through the keymap to the component that has the keys; what components ask of each other
//! comes back as events, handled here. Drawing (`ui`) reads this state and never the store.

pub mod context;
pub mod dialogs;
pub mod effects;
pub mod event;
mod focus;
pub mod keymap;
mod notifications;
pub mod panes;
pub mod session;
pub mod text_field;

use crate::domain::Staff;
use crate::i18n::Lang;
use crate::store::Store;
use context::Ctx;
use crossterm::event::{KeyEvent, KeyEventKind};
use dialogs::help::HelpDialog;
use dialogs::{After, Dialog, DialogStack};
use effects::{Effects, SystemEffects};
use event::AppEvent;
use keymap::{Command, GlobalCommand, Scope};
use panes::intake::IntakePane;
use panes::queue::QueuePane;
use panes::roster::RosterPane;
use panes::supervision::SupervisionPane;
use panes::{Pane, Panes};
use session::{Session, StatusKind};

/// A context over the app's parts, borrowed field by field so a pane can be borrowed beside it.
macro_rules! ctx {
    ($app:ident, $events:ident) => {
        Ctx {
            store: &mut $app.store,
            session: &mut $app.session,
            effects: $app.effects.as_mut(),
            events: &mut $events,
        }
    };
}
// After the macro: it uses `ctx!`.
mod lifecycle;

/// What the loop should do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing visible changed: do not draw.
    Unchanged,
    Redraw,
}

pub struct App {
    session: Session,
    store: Store,
    effects: Box<dyn Effects>,
    pane: Pane,
    panes: Panes,
    dialogs: DialogStack,
    quit: bool,
    /// The database's data version when the views were last loaded.
    data_version: i64,
    /// The newest notification of mine the status line has told of.
    seen_notice: Option<i64>,
    /// Outcomes of the notify command not yet written down (the database was busy).
    deliveries: Vec<effects::Delivered>,
    /// When the newest urgent case I have been told about was flagged.
    seen_urgent: Option<String>,
    /// The account was disabled while the session was open: it ends, writing nothing more.
    account_disabled: bool,
}

impl App {
    pub fn new(store: Store, me: Staff, lang: Lang) -> crate::store::Result<Self> {
        Self::with_effects(store, me, lang, Box::<SystemEffects>::default())
    }

    /// An app whose files and printing go through `effects` (tests record them).
    pub fn with_effects(
        store: Store,
        me: Staff,
        lang: Lang,
        effects: Box<dyn Effects>,
    ) -> crate::store::Result<Self> {
        let now = store.now();
        let session = Session::open(&store, me, lang)?;
        let newest_notice = store.unread_notifications(session.me.id)?.newest;
        let mut app = Self {
            data_version: store.data_version()?,
            seen_notice: Some(newest_notice.as_ref().map_or(0, |n| n.id)),
            deliveries: vec![],
            seen_urgent: store.latest_urgent()?.map(|u| u.flagged_at),
            session,
            store,
            effects,
            pane: Pane::Intake,
            panes: Panes {
                intake: IntakePane::new(now),
                queue: QueuePane::default(),
                roster: RosterPane::default(),
                supervision: SupervisionPane::default(),
            },
            dialogs: DialogStack::default(),
            quit: false,
            account_disabled: false,
        };
        app.greet()?;
        Ok(app)
    }

    // ---- what drawing reads ----

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn pane(&self) -> Pane {
        self.pane
    }

    pub fn panes(&self) -> &Panes {
        &self.panes
    }

    pub fn dialogs(&self) -> &DialogStack {
        &self.dialogs
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The session ended because the account was disabled.
    pub fn account_disabled(&self) -> bool {
        self.account_disabled
    }

    // ---- updates ----

    pub fn set_page_rows(&mut self, rows: usize) -> crate::store::Result<()> {
        let rows = rows.max(1);
        if rows != self.session.page_rows {
            self.session.page_rows = rows;
            self.reload_current()?;
        }
        Ok(())
    }

    /// Handle one key.
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Unchanged;
        }
        self.refresh_clock();
        let scopes = self.scopes();
        let Some(binding) = keymap::lookup(&scopes, &key, |w| self.holds(w)) else {
            return self.say_step_not_now(&scopes, &key);
        };
        if !self.allowed(binding.needs) {
            self.say_needs_role(binding);
            return Outcome::Redraw;
        }
        self.dispatch(binding.command, &key);
        self.report_prints();
        Outcome::Redraw
    }

    /// A bracketed paste: whole, into the focused field, cleaned; it never submits a form.
    pub fn on_paste(&mut self, text: &str) -> Outcome {
        self.refresh_clock();
        let mut events = vec![];
        let changed = match self.dialogs.top_mut(self.pane) {
            Some(d) => d.paste(text, &mut events),
            None if self.pane == Pane::Intake => {
                let mut ctx = ctx!(self, events);
                self.panes.intake.paste(text, &mut ctx)
            }
            None if self.pane == Pane::Queue => self.panes.queue.paste(text),
            None => false,
        };
        self.run_events(events);
        if changed {
            Outcome::Redraw
        } else {
            Outcome::Unchanged
        }
    }

    /// The time of this event: the screen counts with it, and an untyped receipt time follows.
    fn refresh_clock(&mut self) {
        self.session.now = self.store.now();
        self.panes.intake.form.follow_clock(self.session.now);
    }

    fn dispatch(&mut self, command: Command, key: &KeyEvent) {
        let mut events = vec![];
        match command {
            Command::Global(g) => self.global(g),
            Command::Text(t) => {
                if let Some(d) = self.dialogs.top_mut(self.pane) {
                    d.edit(t, key, &mut events);
                } else if self.pane == Pane::Intake {
                    let mut ctx = ctx!(self, events);
                    self.panes.intake.edit(t, key, &mut ctx);
                } else if self.pane == Pane::Queue {
                    self.panes.queue.edit(t, key);
                }
            }
            Command::Intake(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.intake.handle(c, key, &mut ctx);
            }
            Command::Queue(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.queue.handle(c, &mut ctx);
            }
            Command::Detail(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.queue.handle_detail(c, &mut ctx);
            }
            Command::Roster(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.roster.handle(c, &mut ctx);
            }
            Command::Supervision(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.supervision.handle(c, &mut ctx);
            }
            Command::Stats(c) => {
                let mut ctx = ctx!(self, events);
                self.panes.supervision.handle_stats(c, &mut ctx);
            }
            Command::Help(_)
            | Command::Question(_)
            | Command::History(_)
            | Command::Experts(_)
            | Command::Representatives(_)
            | Command::Form(_)
            | Command::Materials(_)
            | Command::Filter(_)
            | Command::Notifications(_) => {
                let after = match self.dialogs.top_mut(self.pane) {
                    Some(d) => d.handle(command, key, &mut events),
                    None => After::Stay,
                };
                if after == After::Close {
                    self.dialogs.close_top(self.pane);
                }
                // Quitting works from the help overlay too: the key that closes it quits.
                if command == Command::Help(dialogs::help::HelpCommand::Close)
                    && keymap::lookup(&[Scope::Global], key, |_| true)
                        .is_some_and(|b| b.command == Command::Global(GlobalCommand::Quit))
                {
                    events.push(AppEvent::Quit);
                }
            }
        }
        self.run_events(events);
    }

    fn global(&mut self, command: GlobalCommand) {
        match command {
            GlobalCommand::Quit => self.request_quit(),
            GlobalCommand::ShowPane(p) => self.show_pane(p),
            GlobalCommand::Help => {
                let scopes = self.scopes();
                let entries = dialogs::help::entries(&scopes, |b| self.available(b));
                self.dialogs
                    .push(None, Dialog::Help(HelpDialog::new(entries)));
            }
            GlobalCommand::Notifications => self.open_notifications(),
        }
    }

    /// Carry out what components asked for, including what that in turn asks.
    fn run_events(&mut self, mut events: Vec<AppEvent>) {
        let any = !events.is_empty();
        while !events.is_empty() {
            let mut next = vec![];
            for event in events {
                match event {
                    AppEvent::Open(over, dialog) => self.dialogs.push(over, *dialog),
                    AppEvent::Quit => self.request_quit(),
                    AppEvent::QuitNow => self.quit = true,
                    AppEvent::ShowPane(p) => self.show_pane(p),
                    AppEvent::DataChanged => {
                        self.panes.queue.to_newest();
                        self.reload_current_or_say();
                    }
                    AppEvent::Reload => self.reload_current_or_say(),
                    AppEvent::SubmitForm => self.submit_form(),
                    AppEvent::CloseTopDialog => self.dialogs.close_top(self.pane),
                    AppEvent::Intake(e) => {
                        let mut ctx = ctx!(self, next);
                        self.panes.intake.on_event(e, &mut ctx);
                    }
                    AppEvent::OpenCase(case_id, back_to) => self.show_case(case_id, back_to),
                    AppEvent::Filters(filters) => {
                        let mut ctx = ctx!(self, next);
                        match self.pane {
                            Pane::Supervision => {
                                self.panes.supervision.set_filters(filters, &mut ctx);
                            }
                            _ => self.panes.queue.set_filters(filters, &mut ctx),
                        }
                    }
                    AppEvent::Notice(action) => self.on_notice(action),
                }
            }
            events = next;
        }
        // What was committed and concerns someone goes to the notify command, and my own
        // notifications (a visitor I routed to myself) are counted at once. (Another
        // session's are found and told by the tick.)
        self.deliver_notifications();
        if any {
            self.refresh_unread_quietly();
        }
    }

    /// The form on top was submitted: the pane it belongs to carries it out; on success it
    /// closes, otherwise it stays with the reason and what was typed.
    fn submit_form(&mut self) {
        let mut events = vec![];
        let mut ctx = ctx!(self, events);
        let done = match self.dialogs.top(self.pane).cloned() {
            // A form belongs to the pane it was opened over, which is the one shown.
            Some(Dialog::Form(form)) => match self.pane {
                Pane::Supervision => self.panes.supervision.submit(&form, &mut ctx),
                _ => self.panes.queue.submit(&form, &mut ctx),
            },
            Some(Dialog::RosterForm(form)) => self.panes.roster.submit(&form, &mut ctx),
            _ => return,
        };
        match done {
            Ok(()) => self.dialogs.close_top(self.pane),
            Err(why) => match self.dialogs.top_mut(self.pane) {
                Some(Dialog::Form(f)) => f.error = Some(why),
                Some(Dialog::RosterForm(f)) => f.error = Some(why),
                _ => {}
            },
        }
        self.run_events(events);
    }

    /// Show a case's detail in the queue pane, coming back to `back_to` when it is closed.
    pub(super) fn show_case(&mut self, case_id: i64, back_to: Pane) {
        let mut events = vec![];
        let mut ctx = ctx!(self, events);
        match self.panes.queue.open_case(case_id, back_to, &mut ctx) {
            Ok(true) => self.show_pane(Pane::Queue),
            Ok(false) => {}
            Err(e) => {
                let text = crate::i18n::store_error(self.session.lang, &e);
                self.session.say_text(StatusKind::Error, text);
            }
        }
    }

    fn show_pane(&mut self, pane: Pane) {
        // What the status line said belonged to the pane being left.
        if self.pane != pane {
            self.session.status = None;
        }
        self.pane = pane;
        self.reload_current_or_say();
    }

    fn reload_current_or_say(&mut self) {
        if let Err(e) = self.reload_current() {
            let text = crate::i18n::store_error(self.session.lang, &e);
            self.session.say_text(StatusKind::Error, text);
        }
    }

    /// Reload what the current pane shows from the database; true if it changed.
    pub fn reload_current(&mut self) -> crate::store::Result<bool> {
        let mut events = vec![];
        let mut ctx = ctx!(self, events);
        match self.pane {
            Pane::Intake => Ok(false),
            Pane::Queue => self.panes.queue.reload(&mut ctx),
            Pane::Roster => self.panes.roster.reload(&mut ctx),
            Pane::Supervision => self.panes.supervision.reload(&mut ctx),
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests;
