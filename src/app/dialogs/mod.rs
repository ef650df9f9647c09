//! Dialogs: values on one stack, each in its own file with its keys (a scope of the keymap),
//! its state and its update; `ui::dialogs` draws each. A dialog never reaches into the panes:
//! it talks back through `AppEvent`s. Which dialog has the keys is decided here, in `top`.

pub mod experts;
pub mod filter;
pub mod form;
pub mod help;
pub mod history;
pub mod materials;
pub mod notice;
pub mod notifications;
pub mod question;
pub mod representatives;
pub mod roster;
pub mod steps;

use super::event::AppEvent;
use super::keymap::{Command, Scope};
use super::panes::Pane;
use super::text_field::{TextCommand, TextKind};
use crossterm::event::KeyEvent;

#[derive(Debug, Clone)]
pub enum Dialog {
    Help(help::HelpDialog),
    Question(question::QuestionDialog),
    History(history::HistoryDialog),
    Experts(experts::ExpertPicker),
    Representatives(representatives::RepresentativesDialog),
    /// A step of the workflow, or a record on a case, as a form.
    Form(form::FormDialog),
    Materials(materials::MaterialsDialog),
    Filter(filter::FilterDialog),
    /// A change to the duty roster, as a form.
    RosterForm(roster::RosterDialog),
    /// The user's notifications.
    Notifications(notifications::NotificationsDialog),
}

/// Whether a dialog stays open after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Stay,
    Close,
}

impl Dialog {
    /// The keymap scope of the dialog's own keys.
    pub fn scope(&self) -> Scope {
        match self {
            Dialog::Help(_) => Scope::Help,
            Dialog::Question(_) => Scope::Question,
            Dialog::History(_) => Scope::History,
            Dialog::Experts(_) => Scope::Experts,
            Dialog::Representatives(_) => Scope::Representatives,
            Dialog::Form(_) => Scope::Form,
            Dialog::Materials(_) => Scope::Materials,
            Dialog::Filter(_) => Scope::Filter,
            Dialog::RosterForm(_) => Scope::Form,
            Dialog::Notifications(_) => Scope::Notifications,
        }
    }

    /// A modal dialog holds every key: the keys everywhere else (pane keys, quit) wait.
    pub fn modal(&self) -> bool {
        matches!(self, Dialog::Help(_) | Dialog::Question(_))
    }

    /// The kind of text field that has focus in the dialog, if any.
    pub fn text_kind(&self) -> Option<TextKind> {
        match self {
            Dialog::Representatives(_) => Some(TextKind::SingleLine),
            Dialog::Form(f) => f.text_kind(),
            Dialog::Materials(m) => m.text_kind(),
            Dialog::RosterForm(f) => f.text_kind(),
            _ => None,
        }
    }

    /// Carry out one of the dialog's own commands.
    pub fn handle(
        &mut self,
        command: Command,
        key: &KeyEvent,
        events: &mut Vec<AppEvent>,
    ) -> After {
        match (self, command) {
            (Dialog::Help(d), Command::Help(c)) => d.handle(c),
            (Dialog::Question(d), Command::Question(c)) => d.handle(c, events),
            (Dialog::History(d), Command::History(c)) => d.handle(c, events),
            (Dialog::Experts(d), Command::Experts(c)) => d.handle(c, events),
            (Dialog::Representatives(d), Command::Representatives(c)) => d.handle(c, events),
            (Dialog::Form(d), Command::Form(c)) => d.handle(c, key, events),
            (Dialog::Materials(d), Command::Materials(c)) => d.handle(c, events),
            (Dialog::Filter(d), Command::Filter(c)) => d.handle(c, events),
            (Dialog::RosterForm(d), Command::Form(c)) => d.handle(c, key, events),
            (Dialog::Notifications(d), Command::Notifications(c)) => d.handle(c, events),
            _ => After::Stay,
        }
    }

    /// Edit the dialog's focused text; true when the screen changed.
    pub fn edit(
        &mut self,
        command: TextCommand,
        key: &KeyEvent,
        events: &mut Vec<AppEvent>,
    ) -> bool {
        match self {
            Dialog::Representatives(d) => d.edit(command, key, events),
            Dialog::Form(d) => d.edit(command, key),
            Dialog::Materials(d) => d.edit(command, key, events),
            Dialog::RosterForm(d) => d.edit(command, key),
            _ => false,
        }
    }

    pub fn paste(&mut self, text: &str, events: &mut Vec<AppEvent>) -> bool {
        match self {
            Dialog::Representatives(d) => d.paste(text, events),
            Dialog::Form(d) => d.paste(text),
            Dialog::Materials(d) => d.paste(text, events),
            Dialog::RosterForm(d) => d.paste(text),
            _ => false,
        }
    }
}

/// Open dialogs, bottom first. A dialog belongs to the pane it was opened over (None: it
/// stands over every pane); switching panes leaves it there, untouched, for when the user
/// comes back.
#[derive(Debug, Default)]
pub struct DialogStack {
    entries: Vec<(Option<Pane>, Dialog)>,
}

impl DialogStack {
    pub fn push(&mut self, over: Option<Pane>, dialog: Dialog) {
        self.entries.push((over, dialog));
    }

    fn shows_over(owner: Option<Pane>, pane: Pane) -> bool {
        owner.is_none_or(|p| p == pane)
    }

    /// The dialog that has the keys while `pane` is shown.
    pub fn top(&self, pane: Pane) -> Option<&Dialog> {
        self.entries
            .iter()
            .rev()
            .find(|(owner, _)| Self::shows_over(*owner, pane))
            .map(|(_, d)| d)
    }

    pub fn top_mut(&mut self, pane: Pane) -> Option<&mut Dialog> {
        self.entries
            .iter_mut()
            .rev()
            .find(|(owner, _)| Self::shows_over(*owner, pane))
            .map(|(_, d)| d)
    }

    pub fn close_top(&mut self, pane: Pane) {
        if let Some(i) = self
            .entries
            .iter()
            .rposition(|(owner, _)| Self::shows_over(*owner, pane))
        {
            self.entries.remove(i);
        }
    }

    /// The dialogs shown over `pane`, bottom first, for drawing.
    pub fn shown(&self, pane: Pane) -> impl Iterator<Item = &Dialog> {
        self.entries
            .iter()
            .filter(move |(owner, _)| Self::shows_over(*owner, pane))
            .map(|(_, d)| d)
    }
}
