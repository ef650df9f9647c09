//! The one table of keys. The loop dispatches from it; the bottom-line legend, the tab bar,
//! every hint that names a key and the help overlay are drawn from it, so what the screen says
//! is what the keys do. A binding knows where it applies (its scope, from its command), when
//! (a condition on the state) and for whom (the act it needs, checked in the domain).

mod keys;
mod table;

pub use keys::Keys;
pub use table::KEYMAP;

use super::dialogs::experts::ExpertsCommand;
use super::dialogs::filter::FilterCommand;
use super::dialogs::form::FormCommand;
use super::dialogs::help::HelpCommand;
use super::dialogs::history::HistoryCommand;
use super::dialogs::materials::MaterialsCommand;
use super::dialogs::notifications::NotificationsCommand;
use super::dialogs::question::QuestionCommand;
use super::dialogs::representatives::RepresentativesCommand;
use super::panes::Pane;
use super::panes::intake::IntakeCommand;
use super::panes::queue::{DetailCommand, QueueCommand};
use super::panes::roster::RosterCommand;
use super::panes::supervision::{StatsCommand, SupervisionCommand};
use super::text_field::TextCommand;
use crate::domain::permission::Act;
use crate::domain::workflow::StepKind;
use crate::i18n::{Lang, Text};
use crossterm::event::{KeyCode, KeyEvent};

/// What applies everywhere (unless a modal dialog holds the keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobalCommand {
    Quit,
    ShowPane(Pane),
    Help,
    /// The user's notifications.
    Notifications,
}

/// What a key asks for, addressed to the component that carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Global(GlobalCommand),
    /// Editing the focused text field, whichever component owns it.
    Text(TextCommand),
    Intake(IntakeCommand),
    Queue(QueueCommand),
    Detail(DetailCommand),
    Roster(RosterCommand),
    Supervision(SupervisionCommand),
    Stats(StatsCommand),
    Help(HelpCommand),
    Question(QuestionCommand),
    History(HistoryCommand),
    Experts(ExpertsCommand),
    Representatives(RepresentativesCommand),
    Form(FormCommand),
    Materials(MaterialsCommand),
    Filter(FilterCommand),
    Notifications(NotificationsCommand),
}

/// Where a binding applies: the component that receives its command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Text,
    Intake,
    Queue,
    Detail,
    Roster,
    Supervision,
    Stats,
    Help,
    Question,
    History,
    Experts,
    Representatives,
    Form,
    Materials,
    Filter,
    Notifications,
}

impl Scope {
    pub const ALL: [Scope; 17] = [
        Scope::Global,
        Scope::Text,
        Scope::Intake,
        Scope::Queue,
        Scope::Detail,
        Scope::Roster,
        Scope::Supervision,
        Scope::Stats,
        Scope::Help,
        Scope::Question,
        Scope::History,
        Scope::Experts,
        Scope::Representatives,
        Scope::Form,
        Scope::Materials,
        Scope::Filter,
        Scope::Notifications,
    ];
}

impl Command {
    pub fn scope(self) -> Scope {
        match self {
            Command::Global(_) => Scope::Global,
            Command::Text(_) => Scope::Text,
            Command::Intake(_) => Scope::Intake,
            Command::Queue(_) => Scope::Queue,
            Command::Detail(_) => Scope::Detail,
            Command::Roster(_) => Scope::Roster,
            Command::Supervision(_) => Scope::Supervision,
            Command::Stats(_) => Scope::Stats,
            Command::Help(_) => Scope::Help,
            Command::Question(_) => Scope::Question,
            Command::History(_) => Scope::History,
            Command::Experts(_) => Scope::Experts,
            Command::Representatives(_) => Scope::Representatives,
            Command::Form(_) => Scope::Form,
            Command::Materials(_) => Scope::Materials,
            Command::Filter(_) => Scope::Filter,
            Command::Notifications(_) => Scope::Notifications,
        }
    }
}

/// A condition on the state under which a binding is available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Always,
    /// The intake's focus is on a choice field (sex, channel, kind, …).
    ChoiceFocused,
    /// The intake's focus is on the category or units picker.
    PickerFocused,
    /// No multi-line text has focus: Enter moves on …
    NotMultiLine,
    /// … and in multi-line text Enter breaks the line and ↑/↓ move between lines.
    MultiLine,
    /// The units query is empty and a unit has been picked: Backspace removes it.
    UnitsQueryEmpty,
    /// The form records a collective visit: it has representatives.
    Collective,
    /// A person was found from what the form holds.
    HistoryFound,
    /// A case was saved in this session: it has a receipt.
    CaseSaved,
    /// A save of the intake form waits for another process's write: the form is held as it
    /// is, and only giving the save up is offered.
    SaveWaiting,
    /// A case's detail is open and this step applies to it as it is.
    Step(StepKind),
    /// A case's detail is open.
    DetailOpen,
    /// The open case has an incident not yet confirmed.
    UnconfirmedIncident,
    /// The focused field of a form is a choice …
    FormChoice,
    /// … or a picker …
    FormPick,
    /// … whose query is empty, with something picked.
    FormPickQueryEmpty,
    /// The materials dialog's focus is on a yes/no cell.
    MaterialToggle,
    /// The supervision pane shows its list of cases …
    SupervisionList,
    /// … with a case highlighted.
    SupervisionRow,
    /// The supervision pane shows what the nightly check found …
    SupervisionFindings,
    /// … or the notices.
    SupervisionNotices,
    /// The queue's search field has the keys …
    QueueSearching,
    /// … or its list has them.
    QueueBrowsing,
    /// The queue's list has the keys and shows a search: Esc clears it.
    QueueSearchShown,
    /// The queue's list has the keys and cases are marked for a bulk step.
    QueueMarked,
    /// The roster shows a week …
    RosterWeek,
    /// … with a slot selected.
    RosterSlot,
    /// The roster shows the weekly patterns …
    RosterPatterns,
    /// … with one selected.
    RosterPattern,
    /// A slot or a pattern is selected: a person.
    RosterPerson,
}

/// The roles a binding needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Anyone,
    Act(Act),
    Step(StepKind),
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: Keys,
    pub command: Command,
    /// What the key does, in words.
    pub does: Text,
    /// Shown on the bottom line (the rest only in help).
    pub legend: bool,
    pub when: When,
    /// Whose the key is: everyone's, an act's roles', or a workflow step's roles at the
    /// case's state (both decided in the domain).
    pub needs: Needs,
}

impl Binding {
    pub fn scope(&self) -> Scope {
        self.command.scope()
    }
}

/// The bindings of one scope, in table order.
pub fn bindings_of(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.scope() == scope)
}

/// The first binding of `scopes` (in order) that answers `key` and whose condition holds.
pub fn lookup(
    scopes: &[Scope],
    key: &KeyEvent,
    holds: impl Fn(When) -> bool,
) -> Option<&'static Binding> {
    scopes
        .iter()
        .find_map(|scope| bindings_of(*scope).find(|b| b.keys.matches(key) && holds(b.when)))
}

/// The names of the keys bound to `command` ("→/空格"), for hints that name keys. Every
/// command a hint names is bound, which a test checks.
pub fn key_for(command: Command, lang: Lang) -> String {
    let mut names: Vec<String> = vec![];
    for b in KEYMAP.iter().filter(|b| b.command == command) {
        let name = b.keys.name(lang);
        // A key bound under two conditions (one shown on the bottom line) is named once.
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join("/")
}

/// The F-key that shows a pane, for the tab bar.
pub fn pane_key_name(pane: Pane) -> String {
    KEYMAP
        .iter()
        .find(|b| {
            b.command == Command::Global(GlobalCommand::ShowPane(pane))
                && matches!(b.keys, Keys::Key(KeyCode::F(_), _))
        })
        .map_or_else(String::new, |b| b.keys.name(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const ALT: KeyModifiers = KeyModifiers::ALT;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_pane_has_an_f_key_and_an_alt_digit() {
        for pane in Pane::ALL {
            let keys: Vec<_> = KEYMAP
                .iter()
                .filter(|b| b.command == Command::Global(GlobalCommand::ShowPane(pane)))
                .collect();
            assert!(
                keys.iter()
                    .any(|b| matches!(b.keys, Keys::Key(KeyCode::F(_), _)))
            );
            assert!(keys.iter().any(|b| matches!(b.keys, Keys::Key(_, ALT))));
            assert!(pane_key_name(pane).starts_with('F'));
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope_under_the_same_condition() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in KEYMAP.iter().skip(i + 1) {
                assert!(
                    !(a.scope() == b.scope() && a.keys == b.keys && a.when == b.when),
                    "{:?} bound twice in {:?}",
                    a.keys,
                    a.scope()
                );
            }
        }
    }

    #[test]
    fn lookup_prefers_the_first_scope_and_honours_conditions() {
        let esc = press(KeyCode::Esc, NONE);
        assert_eq!(
            lookup(&[Scope::Detail, Scope::Global], &esc, |_| true).map(|b| b.command),
            Some(Command::Detail(DetailCommand::Close))
        );
        let f2 = press(KeyCode::F(2), NONE);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Global], &f2, |_| true).map(|b| b.command),
            Some(Command::Global(GlobalCommand::ShowPane(Pane::Queue)))
        );
        // A digit picks a choice on a choice field and is text in a text field.
        let one = press(KeyCode::Char('1'), NONE);
        let on_choice = |w: When| matches!(w, When::Always | When::ChoiceFocused);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Global], &one, on_choice).map(|b| b.command),
            Some(Command::Intake(IntakeCommand::ChoiceDigit))
        );
        let in_text = |w: When| matches!(w, When::Always | When::NotMultiLine);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Text, Scope::Global], &one, in_text).map(|b| b.command),
            Some(Command::Text(TextCommand::Insert))
        );
        // Enter breaks a line in the account, moves on in a one-line field.
        let enter = press(KeyCode::Enter, NONE);
        let multi = |w: When| matches!(w, When::Always | When::MultiLine);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Text, Scope::Global], &enter, multi).map(|b| b.command),
            Some(Command::Text(TextCommand::NewLine))
        );
        assert_eq!(
            lookup(
                &[Scope::Intake, Scope::Text, Scope::Global],
                &enter,
                in_text
            )
            .map(|b| b.command),
            Some(Command::Intake(IntakeCommand::Enter))
        );
    }

    #[test]
    fn a_question_mark_is_text_in_a_field_and_help_elsewhere() {
        let q = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Text, Scope::Global], &q, |w| w
                == When::Always)
            .map(|b| b.command),
            Some(Command::Text(TextCommand::Insert))
        );
        assert_eq!(
            lookup(&[Scope::Queue, Scope::Global], &q, |w| w == When::Always).map(|b| b.command),
            Some(Command::Global(GlobalCommand::Help))
        );
    }
}
