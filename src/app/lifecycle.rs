//! The session's life outside the keys: what wakes the loop (a draft to write, a save to try
//! again, a print to hear back from), what is kept when it ends, and the question before
//! quitting with typed text.

use super::context::Ctx;
use super::dialogs::Dialog;
use super::dialogs::question::{Question, QuestionDialog};
use super::session::StatusKind;
use super::{App, Outcome, panes};
use crate::i18n::Msg;
use chrono::Datelike;
use std::time::Instant;

/// How long a write from the screen waits for another process's write: about a frame.
const SCREEN_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(40);
/// How long the last draft of an ending session waits for the database before it is kept in
/// a file beside it instead (store::spool).
const END_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

impl App {
    /// What a new session says first: a missing official calendar (this year or next), the
    /// notifications waiting, and a draft kept from a session that ended unsaved.
    pub(super) fn greet(&mut self) -> crate::store::Result<()> {
        let year = self.session.today().year();
        let calendar = &self.session.calendar;
        if let Some(missing) = [year, year + 1]
            .into_iter()
            .find(|y| !calendar.has_year(*y))
        {
            self.session
                .say(StatusKind::Info, Msg::CalendarMissing { year: missing });
        }
        if self.session.unread > 0 && self.session.status.is_none() {
            let key = super::keymap::key_for(
                super::keymap::Command::Global(super::keymap::GlobalCommand::Notifications),
                self.session.lang,
            );
            let text = crate::i18n::notifications::NoticeMsg::Waiting {
                n: self.session.unread,
                key,
            }
            .text(self.session.lang);
            self.session.say_text(StatusKind::Info, text);
        }
        if self.store.draft(self.session.me.id)?.is_some() {
            self.dialogs.push(
                None,
                Dialog::Question(QuestionDialog::new(Question::RestoreDraft)),
            );
        }
        Ok(())
    }

    pub(super) fn request_quit(&mut self) {
        if self.panes.intake.form.has_text() {
            // Keep the draft first, so that the question tells the truth about it.
            let question = match self.keep_draft() {
                Ok(()) => Question::QuitWithUnsavedForm,
                Err(why) => Question::QuitLosingForm { why },
            };
            self.dialogs
                .push(None, Dialog::Question(QuestionDialog::new(question)));
        } else {
            self.quit = true;
        }
    }

    /// Keep what was typed as this staff member's draft: in the database, or, when another
    /// process holds the database's write lock (or it fails otherwise), in a file of its own
    /// beside it, which the next start offers back. Err says why neither worked.
    fn keep_draft(&mut self) -> Result<(), String> {
        if !self.panes.intake.form.has_text() {
            return Ok(());
        }
        self.panes.intake.draft.changed();
        let id = self.session.me.id;
        if self.panes.intake.save_draft(&mut self.store, id).is_ok() {
            return Ok(());
        }
        let body = serde_json::to_string(&panes::intake::draft::IntakeDraft::of(
            &self.panes.intake.form,
        ))
        .map_err(|e| e.to_string())?;
        match self.store.spool_draft(id, &body) {
            Ok(_) => {
                self.panes.intake.draft.saved();
                Ok(())
            }
            Err(e) => Err(crate::i18n::store_error(self.session.lang, &e)),
        }
    }

    // ---- timers: drafts and saves that wait for a busy database ----

    /// When the loop should wake without input: a draft to write, a save to try again.
    pub fn next_wakeup(&self) -> Option<Instant> {
        let intake = &self.panes.intake;
        let retry = intake.pending_save.as_ref().map(|p| p.retry_at);
        // A document on its way to the printer: look again shortly for how it went.
        let print = self
            .effects
            .printing()
            .then(|| Instant::now() + std::time::Duration::from_millis(200));
        [intake.draft.due(), retry, print]
            .into_iter()
            .flatten()
            .min()
    }

    /// Say how the prints that ended went. Returns whether anything was said.
    pub(super) fn report_prints(&mut self) -> bool {
        let done = self.effects.finished_prints();
        for outcome in &done {
            // The name alone: the folder was said when the file was written.
            let file = outcome
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match &outcome.result {
                Ok(()) => self.session.say(StatusKind::Info, Msg::Printed { file }),
                Err(e) => {
                    let why = crate::i18n::errors::print_error(self.session.lang, e);
                    self.session
                        .say(StatusKind::Error, Msg::NotPrinted { file, why });
                }
            }
        }
        !done.is_empty()
    }

    /// Carry out what is due now of the above.
    pub fn on_timer(&mut self) -> Outcome {
        if self
            .panes
            .intake
            .draft
            .due()
            .is_some_and(|d| d <= Instant::now())
        {
            self.save_draft();
        }
        let mut events = vec![];
        let mut ctx = ctx!(self, events);
        let retried = self.panes.intake.retry_save(&mut ctx);
        self.run_events(events);
        let printed = self.report_prints();
        if retried || printed {
            Outcome::Redraw
        } else {
            Outcome::Unchanged
        }
    }

    /// When the pending draft should be written, if one is pending.
    pub fn draft_due(&self) -> Option<Instant> {
        self.panes.intake.draft.due()
    }

    /// Write the draft now if the form changed (after the debounce, and when the session ends).
    /// A busy database only postpones it.
    pub fn save_draft(&mut self) {
        match self
            .panes
            .intake
            .save_draft(&mut self.store, self.session.me.id)
        {
            Err(e) if !crate::i18n::errors::is_busy(&e) => {
                let why = crate::i18n::store_error(self.session.lang, &e);
                self.session
                    .say(StatusKind::Error, Msg::DraftNotSaved { why });
            }
            _ => {}
        }
    }

    /// The screen never waits on the database for more than a frame: its writes give up at
    /// once when another process is writing, and try again later.
    pub fn wait_briefly_for_writes(&mut self) -> crate::store::Result<()> {
        self.store.set_busy_timeout(SCREEN_BUSY_TIMEOUT)
    }

    /// The session is ending: what was typed is kept as a draft, waiting as long as a command
    /// would for another process's write to finish.
    pub fn end_session(&mut self) {
        self.wait_for_deliveries();
        if self.account_disabled {
            return;
        }
        let _ = self.store.set_busy_timeout(END_BUSY_TIMEOUT);
        let _ = self.keep_draft();
    }
}
