//! What a pane or dialog may use while it handles a key: the store, the session, the outside
//! world and the event queue. The drawing code never sees this.

use super::effects::Effects;
use super::event::AppEvent;
use super::session::{Session, StatusKind};
use crate::i18n::Msg;
use crate::store::Store;

pub struct Ctx<'a> {
    pub store: &'a mut Store,
    pub session: &'a mut Session,
    pub effects: &'a mut dyn Effects,
    pub events: &'a mut Vec<AppEvent>,
}

impl Ctx<'_> {
    pub fn say(&mut self, kind: StatusKind, message: Msg) {
        self.session.say(kind, message);
    }

    /// Put text already in words on the status line (a message of another catalog).
    pub fn say_text(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.session.say_text(kind, text.into());
    }

    /// Report a failure from below (the store, the outside world) in the session's language.
    pub fn fail(&mut self, error: &crate::store::StoreError) {
        let text = crate::i18n::store_error(self.session.lang, error);
        self.session.say_text(StatusKind::Error, text);
    }

    pub fn emit(&mut self, event: AppEvent) {
        self.events.push(event);
    }
}
