//! A form in a dialog: the fields a step or record asks for (choices, one-line and multi-line
//! text, dates, numbers, pickers of units or staff), edited with the same keys everywhere.
//! Each step's dialog (in `steps/`) declares its fields and turns the values into a step; this
//! file is the engine they share, and `ui::dialogs::form` draws them all.

mod field;
mod values;
pub use field::{Field, FieldKind, PickItem};
pub use values::{FormValues, ValueProblem};

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::step;
use crate::app::text_field::{self, TextCommand, TextKind, line_field};
use crossterm::event::{KeyCode, KeyEvent};

/// What a form is for: the event its submission raises says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    /// A step of the workflow on a case, as of the version the user saw.
    Step {
        case_id: i64,
        version: i64,
        kind: crate::domain::workflow::StepKind,
    },
    /// A material received with the case's newest contact.
    Material { case_id: i64 },
    /// An incident during the case's newest contact.
    Incident { case_id: i64 },
    /// A statutory document of the case.
    Document { case_id: i64 },
    /// An accountability notice (通报) naming a unit or staff member and cases.
    Notice,
    /// The same step on every case of a manager's marked selection.
    Bulk {
        kind: crate::domain::workflow::StepKind,
        cases: Vec<i64>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormCommand {
    NextField,
    PrevField,
    ChoicePrev,
    ChoiceNext,
    /// A digit chooses that option (taken from the key).
    ChoiceDigit,
    PickUp,
    PickDown,
    /// Enter: take the highlighted match of a picker, or go to the next field.
    Enter,
    RemoveLastPick,
    Submit,
    Cancel,
}

/// A form's fields and where the user is in them: the engine every form dialog shares.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    /// Lines of context above the fields (the case, the approved opinion).
    pub context: Vec<String>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last submission was refused, in words; the fields keep what was typed.
    pub error: Option<String>,
    /// The user changed something (closing then asks first).
    pub dirty: bool,
}

/// A form about a case (a step, a material, an incident, a document): the form and what it
/// is for. It reads as its form (`Deref`).
#[derive(Debug, Clone)]
pub struct FormDialog {
    pub purpose: FormPurpose,
    pub form: Form,
}

impl std::ops::Deref for FormDialog {
    type Target = Form;
    fn deref(&self) -> &Form {
        &self.form
    }
}

impl std::ops::DerefMut for FormDialog {
    fn deref_mut(&mut self) -> &mut Form {
        &mut self.form
    }
}

impl FormDialog {
    pub fn new(
        title: String,
        purpose: FormPurpose,
        context: Vec<String>,
        fields: Vec<Field>,
    ) -> Self {
        Self {
            purpose,
            form: Form::new(title, context, fields),
        }
    }
}

impl Form {
    pub fn new(title: String, context: Vec<String>, fields: Vec<Field>) -> Self {
        let mut form = Self {
            title,
            context,
            fields,
            focus: 0,
            error: None,
            dirty: false,
        };
        if !form.shown(0) {
            form.move_focus(true);
        }
        form
    }

    /// Whether field `i` is asked now.
    pub fn shown(&self, i: usize) -> bool {
        match self.fields.get(i).and_then(|f| f.only_when) {
            Some((other, choice)) => self.fields.get(other).is_some_and(|o| o.choice == choice),
            None => self.fields.get(i).is_some(),
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        self.focused().and_then(Field::text_kind)
    }

    pub fn focus_is_choice(&self) -> bool {
        matches!(self.focused().map(|f| &f.kind), Some(FieldKind::Choice(_)))
    }

    pub fn focus_is_pick(&self) -> bool {
        matches!(
            self.focused().map(|f| &f.kind),
            Some(FieldKind::Pick { .. })
        )
    }

    /// A picker whose query is empty and which has picked something: Backspace takes the
    /// last one back.
    pub fn pick_query_empty(&self) -> bool {
        self.focused().is_some_and(|f| {
            matches!(f.kind, FieldKind::Pick { .. }) && f.text.is_empty() && !f.picked.is_empty()
        })
    }

    /// Anything typed or chosen that closing would lose.
    pub fn has_text(&self) -> bool {
        self.dirty
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if self.shown(i) {
                break;
            }
        }
        self.focus = i;
    }

    pub fn handle(
        &mut self,
        command: FormCommand,
        key: &KeyEvent,
        events: &mut Vec<AppEvent>,
    ) -> After {
        if matches!(
            command,
            FormCommand::ChoicePrev
                | FormCommand::ChoiceNext
                | FormCommand::ChoiceDigit
                | FormCommand::Enter
                | FormCommand::RemoveLastPick
        ) {
            self.dirty = true;
        }
        match command {
            FormCommand::NextField => self.move_focus(true),
            FormCommand::PrevField => self.move_focus(false),
            FormCommand::ChoicePrev | FormCommand::ChoiceNext => {
                if let Some(f) = self.focused_mut()
                    && let FieldKind::Choice(options) = &f.kind
                {
                    let n = options.len().max(1);
                    f.choice = if command == FormCommand::ChoiceNext {
                        (f.choice + 1) % n
                    } else {
                        (f.choice + n - 1) % n
                    };
                }
            }
            FormCommand::ChoiceDigit => {
                if let KeyCode::Char(c) = key.code
                    && let Some(d) = c.to_digit(10)
                    && let Some(f) = self.focused_mut()
                    && let FieldKind::Choice(options) = &f.kind
                    && d >= 1
                    && (d as usize) <= options.len()
                {
                    f.choice = d as usize - 1;
                }
            }
            FormCommand::PickUp | FormCommand::PickDown => {
                if let Some(f) = self.focused_mut() {
                    let n = f.matches().len();
                    step(&mut f.pick, n, command == FormCommand::PickDown);
                }
            }
            FormCommand::Enter => {
                let picked = self.focused().and_then(|f| {
                    f.matches()
                        .get(f.pick)
                        .map(|i| i.id)
                        .filter(|_| !f.text.is_empty())
                });
                match (self.focused_mut(), picked) {
                    (Some(f), Some(id)) => {
                        let several = matches!(f.kind, FieldKind::Pick { several: true, .. });
                        if several {
                            if !f.picked.contains(&id) {
                                f.picked.push(id);
                            }
                        } else {
                            f.picked = vec![id];
                        }
                        f.text = line_field();
                        f.pick = 0;
                        if !several {
                            self.move_focus(true);
                        }
                    }
                    _ => self.move_focus(true),
                }
            }
            FormCommand::RemoveLastPick => {
                if let Some(f) = self.focused_mut() {
                    f.picked.pop();
                }
            }
            FormCommand::Submit => events.push(AppEvent::SubmitForm),
            FormCommand::Cancel => {
                // Esc never loses typed text without asking.
                if self.has_text() {
                    events.push(crate::app::panes::intake::ask(
                        super::question::Question::DiscardForm,
                    ));
                } else {
                    return After::Close;
                }
            }
        }
        After::Stay
    }

    pub fn edit(&mut self, command: TextCommand, key: &KeyEvent) -> bool {
        let Some(f) = self.focused_mut() else {
            return false;
        };
        if f.text_kind().is_none() {
            return false;
        }
        if text_field::edit(&mut f.text, command, key) {
            f.pick = 0;
            self.error = None;
            self.dirty = true;
        }
        true
    }

    pub fn paste(&mut self, text: &str) -> bool {
        let Some(f) = self.focused_mut() else {
            return false;
        };
        let Some(kind) = f.text_kind() else {
            return false;
        };
        let changed = text_field::paste(&mut f.text, text, kind);
        self.dirty |= changed;
        changed
    }

    /// The values as typed, for the step's dialog to turn into a step.
    pub fn values(&self) -> FormValues<'_> {
        FormValues::of(self)
    }
}
