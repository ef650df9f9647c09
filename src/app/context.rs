//! What a pane or dialog may use while it handles a key: the store, the session, the outside
//! world and the event queue. The drawing code never sees this.

use super::effects::Effects;
use super::effects::{FileError, write_copy};
use super::event::AppEvent;
use super::session::{Session, StatusKind};
use crate::documents::notices::Office;
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

    /// The office's details for documents, from the settings.
    pub fn office(&self) -> Office {
        let setting = |k: &str| self.store.setting(k).ok().flatten().unwrap_or_default();
        Office {
            name: setting("office_name"),
            phone: setting("office_phone"),
            address: setting("office_address"),
            seal_line: setting("seal_line"),
        }
    }

    /// Write a document as `stem.txt` beside the database (or in `document_dir`), and send
    /// it to the printer when one is set (how the print went is told when it ends): where it
    /// was written, and whether it went to the printer; or why not, in words.
    pub fn publish(&mut self, stem: &str, text: &str) -> Result<(String, bool), String> {
        let setting = |k: &str| self.store.setting(k).ok().flatten().unwrap_or_default();
        let dir = crate::os::boundary().document_dir(self.store.path(), &setting("document_dir"));
        let printer = setting("receipt_printer");
        let file = match write_copy(self.effects, &dir, stem, text) {
            Ok(path) => path,
            Err(FileError::Exists) => return Err(Msg::TooManyCopies.text(self.session.lang)),
            Err(FileError::Failed(why)) => return Err(why),
        };
        let path = crate::domain::text::clean_line(&file.display().to_string());
        if printer.is_empty() {
            Ok((path, false))
        } else {
            self.effects.print(&printer, &file, text);
            Ok((path, true))
        }
    }
}
