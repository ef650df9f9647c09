//! The one table of keys. The loop dispatches from it; the bottom-line legend, the tab bar,
//! every hint that names a key and the help overlay are drawn from it, so what the screen says
//! is what the keys do. A binding knows where it applies (its scope, from its command), when
//! (a condition on the state) and for whom (the act it needs, checked in the domain).

use super::dialogs::experts::ExpertsCommand;
use super::dialogs::help::HelpCommand;
use super::dialogs::history::HistoryCommand;
use super::dialogs::question::QuestionCommand;
use super::dialogs::representatives::RepresentativesCommand;
use super::panes::Pane;
use super::panes::intake::IntakeCommand;
use super::panes::queue::{DetailCommand, QueueCommand};
use super::panes::roster::RosterCommand;
use super::panes::supervision::SupervisionCommand;
use super::text_field::TextCommand;
use crate::domain::permission::Act;
use crate::i18n::{Lang, Text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What applies everywhere (unless a modal dialog holds the keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobalCommand {
    Quit,
    ShowPane(Pane),
    Help,
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
    Help(HelpCommand),
    Question(QuestionCommand),
    History(HistoryCommand),
    Experts(ExpertsCommand),
    Representatives(RepresentativesCommand),
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
    Help,
    Question,
    History,
    Experts,
    Representatives,
}

impl Scope {
    pub const ALL: [Scope; 12] = [
        Scope::Global,
        Scope::Text,
        Scope::Intake,
        Scope::Queue,
        Scope::Detail,
        Scope::Roster,
        Scope::Supervision,
        Scope::Help,
        Scope::Question,
        Scope::History,
        Scope::Experts,
        Scope::Representatives,
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
            Command::Help(_) => Scope::Help,
            Command::Question(_) => Scope::Question,
            Command::History(_) => Scope::History,
            Command::Experts(_) => Scope::Experts,
            Command::Representatives(_) => Scope::Representatives,
        }
    }
}

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// One key with these modifiers (Control and Alt must match; Shift is part of a character).
    Key(KeyCode, KeyModifiers),
    /// Any printable character (typing into a text field).
    Printable,
    /// A digit 1–9 (picking a choice by its number).
    Digit,
    /// Any key at all (closing the help overlay).
    Any,
}

impl Keys {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        match self {
            Keys::Key(code, mods) => {
                code == key.code
                    && (code == KeyCode::BackTab || (key.modifiers & ctrl_alt) == (mods & ctrl_alt))
            }
            Keys::Printable => {
                matches!(key.code, KeyCode::Char(_)) && !key.modifiers.intersects(ctrl_alt)
            }
            Keys::Digit => {
                matches!(key.code, KeyCode::Char('1'..='9')) && !key.modifiers.intersects(ctrl_alt)
            }
            Keys::Any => true,
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
}

impl Keys {
    /// What the key is called on screen: `^S`, `F5`, `M-1`, `↑`, and in words where a
    /// language has its own name for it (回车 for Enter).
    pub fn name(self, lang: Lang) -> String {
        let (code, mods) = match self {
            Keys::Key(code, mods) => (code, mods),
            Keys::Printable => return Text::KeyNameCharacters.get(lang).to_string(),
            Keys::Digit => return "1-9".to_string(),
            Keys::Any => return Text::KeyNameAny.get(lang).to_string(),
        };
        let base = match code {
            KeyCode::Char(' ') => Text::KeyNameSpace.get(lang).to_string(),
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                format!("^{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => Text::KeyNameEnter.get(lang).to_string(),
            KeyCode::Backspace => Text::KeyNameBackspace.get(lang).to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Delete => "Del".to_string(),
            other => format!("{other:?}"),
        };
        if mods.contains(KeyModifiers::ALT) {
            format!("M-{base}")
        } else {
            base
        }
    }
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
    /// The act whose roles the binding needs; None for everyone.
    pub needs: Option<Act>,
}

impl Binding {
    pub fn scope(&self) -> Scope {
        self.command.scope()
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// A binding of one key, shown only in help, always available, for everyone.
const fn key(code: KeyCode, mods: KeyModifiers, command: Command, does: Text) -> Binding {
    Binding {
        keys: Keys::Key(code, mods),
        command,
        does,
        legend: false,
        when: When::Always,
        needs: None,
    }
}

impl Binding {
    /// Also shown on the bottom line.
    const fn legend(mut self) -> Self {
        self.legend = true;
        self
    }
    const fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }
    const fn needs(mut self, act: Act) -> Self {
        self.needs = Some(act);
        self
    }
}

const fn pattern(keys: Keys, command: Command, does: Text) -> Binding {
    Binding {
        keys,
        command,
        does,
        legend: false,
        when: When::Always,
        needs: None,
    }
}

use Command as C;
use KeyCode as K;
use Text as T;

const fn pane_key(code: KeyCode, mods: KeyModifiers, pane: Pane, does: Text) -> Binding {
    key(code, mods, C::Global(GlobalCommand::ShowPane(pane)), does)
}

// One line per binding reads as a table; rustfmt would spread each over many lines. Within a
// scope, earlier rows win. The pane keys F1–F4 stay off the bottom line: the tab bar shows them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // The help overlay: arrows scroll a long list, any other key closes it.
    key(K::Down, NONE, C::Help(HelpCommand::ScrollDown), T::KeyScrollDown).legend(),
    key(K::Up, NONE, C::Help(HelpCommand::ScrollUp), T::KeyScrollUp).legend(),
    key(K::Esc, NONE, C::Help(HelpCommand::Close), T::KeyCloseHelp).legend(),
    pattern(Keys::Any, C::Help(HelpCommand::Close), T::KeyCloseHelp),

    // A yes/no question holds every key until it is answered.
    key(K::Char('y'), NONE, C::Question(QuestionCommand::Yes), T::KeyYes).legend(),
    key(K::Char('n'), NONE, C::Question(QuestionCommand::No), T::KeyNo).legend(),
    key(K::Esc, NONE, C::Question(QuestionCommand::No), T::KeyNo),

    // The intake form.
    key(K::Char('s'), CTRL, C::Intake(IntakeCommand::Save), T::KeySave).legend().needs(Act::RegisterIntake),
    key(K::Tab, NONE, C::Intake(IntakeCommand::NextField), T::KeyNextField).legend(),
    key(K::BackTab, SHIFT, C::Intake(IntakeCommand::PrevField), T::KeyPrevField),
    key(K::Enter, NONE, C::Intake(IntakeCommand::Enter), T::KeyIntakeEnter).when(When::NotMultiLine),
    key(K::Up, NONE, C::Intake(IntakeCommand::PickerUp), T::KeyPrevMatch).when(When::PickerFocused),
    key(K::Down, NONE, C::Intake(IntakeCommand::PickerDown), T::KeyNextMatch).when(When::PickerFocused),
    key(K::Left, NONE, C::Intake(IntakeCommand::ChoicePrev), T::KeyPrevChoice).when(When::ChoiceFocused),
    key(K::Right, NONE, C::Intake(IntakeCommand::ChoiceNext), T::KeyNextChoice).when(When::ChoiceFocused),
    key(K::Char(' '), NONE, C::Intake(IntakeCommand::ChoiceNext), T::KeyNextChoice).when(When::ChoiceFocused),
    pattern(Keys::Digit, C::Intake(IntakeCommand::ChoiceDigit), T::KeyChoiceDigit).when(When::ChoiceFocused),
    key(K::Backspace, NONE, C::Intake(IntakeCommand::RemoveLastUnit), T::KeyRemoveLastUnit).when(When::UnitsQueryEmpty),
    key(K::Esc, NONE, C::Intake(IntakeCommand::Clear), T::KeyClearForm),
    key(K::F(5), NONE, C::Intake(IntakeCommand::OpenHistory), T::KeyHistory).legend().when(When::HistoryFound),
    key(K::F(6), NONE, C::Intake(IntakeCommand::OpenRepresentatives), T::KeyRepresentatives).legend().when(When::Collective),
    key(K::F(7), NONE, C::Intake(IntakeCommand::OpenExperts), T::KeyRoute).legend().needs(Act::RouteToExpert),
    key(K::F(8), NONE, C::Intake(IntakeCommand::Fill), T::KeyFill).when(When::HistoryFound),
    key(K::F(9), NONE, C::Intake(IntakeCommand::Receipt), T::KeyReceipt).legend().when(When::CaseSaved).needs(Act::RegisterIntake),

    // Editing whichever text field has focus.
    pattern(Keys::Printable, C::Text(TextCommand::Insert), T::KeyTypeText),
    key(K::Enter, NONE, C::Text(TextCommand::NewLine), T::KeyNewLine).when(When::MultiLine),
    key(K::Backspace, NONE, C::Text(TextCommand::Backspace), T::KeyBackspace),
    key(K::Delete, NONE, C::Text(TextCommand::Delete), T::KeyDelete),
    key(K::Left, NONE, C::Text(TextCommand::Left), T::KeyCursorLeft),
    key(K::Right, NONE, C::Text(TextCommand::Right), T::KeyCursorRight),
    key(K::Up, NONE, C::Text(TextCommand::Up), T::KeyCursorUp).when(When::MultiLine),
    key(K::Down, NONE, C::Text(TextCommand::Down), T::KeyCursorDown).when(When::MultiLine),
    key(K::Home, NONE, C::Text(TextCommand::LineStart), T::KeyLineStart),
    key(K::Char('a'), CTRL, C::Text(TextCommand::LineStart), T::KeyLineStart),
    key(K::End, NONE, C::Text(TextCommand::LineEnd), T::KeyLineEnd),
    key(K::Char('e'), CTRL, C::Text(TextCommand::LineEnd), T::KeyLineEnd),
    key(K::Char('w'), CTRL, C::Text(TextCommand::DeleteWordBack), T::KeyDeleteWord),

    // The history panel of a returning petitioner (F5).
    key(K::Up, NONE, C::History(HistoryCommand::Up), T::KeyPrevCase),
    key(K::Down, NONE, C::History(HistoryCommand::Down), T::KeyNextCase),
    key(K::Enter, NONE, C::History(HistoryCommand::AttachRepeat), T::KeyAttachRepeat).legend(),
    key(K::F(8), NONE, C::History(HistoryCommand::Fill), T::KeyFillPerson).legend(),
    key(K::F(5), NONE, C::History(HistoryCommand::Close), T::KeyBackToForm).legend(),
    key(K::Esc, NONE, C::History(HistoryCommand::Close), T::KeyBackToForm),

    // The representatives of a collective visit (F6).
    key(K::Tab, NONE, C::Representatives(RepresentativesCommand::NextCell), T::KeyNextCell).legend(),
    key(K::BackTab, SHIFT, C::Representatives(RepresentativesCommand::PrevCell), T::KeyPrevCell),
    key(K::Enter, NONE, C::Representatives(RepresentativesCommand::NextCell), T::KeyNextCell),
    key(K::Up, NONE, C::Representatives(RepresentativesCommand::PrevRow), T::KeyPrevRow).legend(),
    key(K::Down, NONE, C::Representatives(RepresentativesCommand::NextRow), T::KeyNextRow).legend(),
    key(K::F(6), NONE, C::Representatives(RepresentativesCommand::Done), T::KeyDone).legend(),
    key(K::Esc, NONE, C::Representatives(RepresentativesCommand::Done), T::KeyDone),
    key(K::Char('s'), CTRL, C::Representatives(RepresentativesCommand::Save), T::KeySave).legend().needs(Act::RegisterIntake),

    // The duty-expert picker (F7).
    key(K::Up, NONE, C::Experts(ExpertsCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Experts(ExpertsCommand::Down), T::KeyDown),
    key(K::Enter, NONE, C::Experts(ExpertsCommand::Choose), T::KeyRouteToggle).legend(),
    key(K::Esc, NONE, C::Experts(ExpertsCommand::Close), T::KeyClose).legend(),

    // The queue.
    key(K::Up, NONE, C::Queue(QueueCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Queue(QueueCommand::Down), T::KeyDown),
    key(K::Char('k'), NONE, C::Queue(QueueCommand::Up), T::KeyUp),
    key(K::Char('j'), NONE, C::Queue(QueueCommand::Down), T::KeyDown),
    key(K::PageUp, NONE, C::Queue(QueueCommand::PageUp), T::KeyPageUp).legend(),
    key(K::PageDown, NONE, C::Queue(QueueCommand::PageDown), T::KeyPageDown).legend(),
    key(K::Home, NONE, C::Queue(QueueCommand::Newest), T::KeyNewest),
    key(K::Enter, NONE, C::Queue(QueueCommand::Open), T::KeyDetails).legend(),

    // One case's detail.
    key(K::Esc, NONE, C::Detail(DetailCommand::Close), T::KeyBack).legend(),
    key(K::Char('v'), NONE, C::Detail(DetailCommand::RevealId), T::KeyRevealId).legend().needs(Act::RevealIdNumber),
    key(K::Up, NONE, C::Detail(DetailCommand::ScrollUp), T::KeyScrollUp),
    key(K::Down, NONE, C::Detail(DetailCommand::ScrollDown), T::KeyScrollDown),

    // The roster and the supervision list.
    key(K::Up, NONE, C::Roster(RosterCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Roster(RosterCommand::Down), T::KeyDown),
    key(K::Up, NONE, C::Supervision(SupervisionCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Supervision(SupervisionCommand::Down), T::KeyDown),

    // Everywhere.
    pane_key(K::F(1), NONE, Pane::Intake, T::PaneIntake),
    pane_key(K::F(2), NONE, Pane::Queue, T::PaneQueue),
    pane_key(K::F(3), NONE, Pane::Roster, T::PaneRoster),
    pane_key(K::F(4), NONE, Pane::Supervision, T::PaneSupervision),
    pane_key(K::Char('1'), ALT, Pane::Intake, T::PaneIntake),
    pane_key(K::Char('2'), ALT, Pane::Queue, T::PaneQueue),
    pane_key(K::Char('3'), ALT, Pane::Roster, T::PaneRoster),
    pane_key(K::Char('4'), ALT, Pane::Supervision, T::PaneSupervision),
    key(K::F(12), NONE, C::Global(GlobalCommand::Help), T::KeyHelp).legend(),
    key(K::Char('?'), NONE, C::Global(GlobalCommand::Help), T::KeyHelpOutsideText),
    key(K::Char('q'), CTRL, C::Global(GlobalCommand::Quit), T::KeyQuit).legend(),
    key(K::F(10), NONE, C::Global(GlobalCommand::Quit), T::KeyQuit),
    key(K::Char('c'), CTRL, C::Global(GlobalCommand::Quit), T::KeyQuit),
];

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
    let names: Vec<String> = KEYMAP
        .iter()
        .filter(|b| b.command == command)
        .map(|b| b.keys.name(lang))
        .collect();
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
