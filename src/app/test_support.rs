//! Set-up and handles the app's and the drawing's tests share: a database with reference
//! data, an app on it, and ways to drive the app as a user would.

use super::effects::RecordedEffects;
use super::keymap::Command;
use super::{App, Panes};
use crate::domain::{Role, Staff};
use crate::i18n::Lang;
use crate::store::{Actor, ReferenceData, Store};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// A database with reference data and one staff member holding `roles`; other sessions open
/// the same file.
pub fn desk(roles: &[Role]) -> (tempfile::TempDir, PathBuf, Store, Staff) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let me = store.bootstrap_admin("clerk", "李接待", roles).unwrap();
    let today = store.today();
    store
        .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 1)
        .unwrap();
    (dir, path, store, me)
}

/// A database as [`desk`] makes it, but with the clock fixed at `now` (office-local) before
/// the reference data (and its sample roster) is loaded.
pub fn desk_at(
    roles: &[Role],
    now: chrono::NaiveDateTime,
) -> (tempfile::TempDir, PathBuf, Store, Staff) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    store.pin_now(now);
    let me = store.bootstrap_admin("clerk", "李接待", roles).unwrap();
    store
        .load_reference(&Actor::from(&me), &ReferenceData::builtin(), now.date(), 0)
        .unwrap();
    (dir, path, store, me)
}

/// An app for a staff member with `roles` on a database whose clock stands at `now`.
pub fn app_at(
    lang: Lang,
    roles: &[Role],
    now: chrono::NaiveDateTime,
) -> (tempfile::TempDir, PathBuf, App, RecordedEffects) {
    let (dir, path, store, me) = desk_at(roles, now);
    let effects = RecordedEffects::default();
    let app = App::with_effects(store, me, lang, Box::new(effects.clone())).unwrap();
    (dir, path, app, effects)
}

/// An app for a receptionist on a fresh database, its files and printing recorded.
pub fn app(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, _, app, _) = app_recording(lang, &[Role::Reception]);
    (dir, app)
}

/// An app for a staff member with `roles`, and the recorder of its outside effects.
pub fn app_recording(
    lang: Lang,
    roles: &[Role],
) -> (tempfile::TempDir, PathBuf, App, RecordedEffects) {
    let (dir, path, store, me) = desk(roles);
    let effects = RecordedEffects::default();
    let app = App::with_effects(store, me, lang, Box::new(effects.clone())).unwrap();
    (dir, path, app, effects)
}

impl App {
    /// Carry out a command as if its key had been pressed.
    pub(crate) fn run(&mut self, command: Command) {
        self.dispatch(command, &KeyEvent::new(KeyCode::Null, KeyModifiers::NONE));
    }

    pub(crate) fn press(&mut self, code: KeyCode) {
        self.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    pub(crate) fn press_ctrl(&mut self, c: char) {
        self.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    /// Type text one key at a time.
    pub(crate) fn type_str(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    pub(crate) fn set_lang(&mut self, lang: Lang) {
        self.session.lang = lang;
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Carry out a timer tick as the loop would (another process's change, a notification).
    pub(crate) fn tick(&mut self) -> super::Outcome {
        self.on_tick()
    }

    pub(crate) fn panes_mut(&mut self) -> &mut Panes {
        &mut self.panes
    }

    /// The status line's text.
    pub(crate) fn status_text(&self) -> String {
        self.session
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }
}
