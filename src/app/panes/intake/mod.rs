//! The intake pane (登记): the form, the lookup of a returning petitioner as it is typed, the
//! pickers, routing to a duty expert, saving, receipts and drafts.

pub mod choices;
pub mod draft;
pub mod form;
mod history;
mod routing;
mod save;

pub use save::PendingSave;

use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::question::{Question, QuestionDialog};
use crate::app::dialogs::representatives::RepresentativesDialog;
use crate::app::event::AppEvent;
use crate::app::keymap::When;
use crate::app::session::StatusKind;
use crate::app::text_field::{self, TextCommand, TextKind};
use crate::domain::intake::{IntakeField, RepresentativeInput};
use crate::domain::lookup::{PersonHistory, PriorCase};
use crate::domain::{ExpertOnDuty, SavedCase};
use crate::i18n::Msg;
use choices::Picked;
use crossterm::event::{KeyCode, KeyEvent};
use draft::DraftClock;
use form::IntakeForm;

use super::Pane;

/// What the intake's keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeCommand {
    Save,
    NextField,
    PrevField,
    /// Enter: look up the ID number, take the picked match, open representatives, or move on.
    Enter,
    PickerUp,
    PickerDown,
    ChoicePrev,
    ChoiceNext,
    /// A digit chooses that option (taken from the key).
    ChoiceDigit,
    RemoveLastUnit,
    /// Esc: clear the form, after asking.
    Clear,
    OpenHistory,
    OpenRepresentatives,
    OpenExperts,
    /// The materials received with this contact.
    OpenMaterials,
    /// Fill the person's details from the record found.
    Fill,
    /// The receipt of the case saved last.
    Receipt,
}

/// What the intake's dialogs and questions ask of it.
#[derive(Debug, Clone, PartialEq)]
pub enum IntakeEvent {
    /// Make this contact a repeat on the case (or undo that if it already is).
    AttachRepeat(PriorCase),
    FillFrom(PersonHistory),
    /// Route the visitor to the expert (or remove the routing if it is that expert already).
    Route(ExpertOnDuty),
    RepresentativesEdited(Vec<RepresentativeInput>),
    MaterialsEdited(Vec<crate::domain::contact::NewMaterial>),
    Save,
    /// The receptionist confirmed a receipt time more than a year back: save with it.
    SaveLongAgo,
    /// Make this contact a repeat on the person's open case and save it (Art. 19).
    SaveAsRepeat(i64),
    /// Save as a new case although the person has an open one of the same category.
    SaveAsNewCase,
    Clear,
    RestoreDraft,
    DiscardDraft,
}

pub struct IntakePane {
    pub form: IntakeForm,
    /// People found from what the form holds, most certain first.
    pub history: Vec<PersonHistory>,
    /// The case saved last, for its receipt (F9).
    pub last_saved: Option<SavedCase>,
    pub draft: DraftClock,
    /// A save waiting for a busy database: the form is kept and cannot change meanwhile.
    pub pending_save: Option<PendingSave>,
}

impl IntakePane {
    pub fn new(now: chrono::NaiveDateTime) -> Self {
        Self {
            form: IntakeForm::new(now),
            history: vec![],
            last_saved: None,
            draft: DraftClock::default(),
            pending_save: None,
        }
    }

    /// Whether a condition of the keymap holds for the intake now.
    pub fn holds(&self, when: When) -> bool {
        let f = &self.form;
        match when {
            When::ChoiceFocused => choices::is_choice(f.focus),
            When::PickerFocused => matches!(f.focus, IntakeField::Category | IntakeField::Units),
            When::UnitsQueryEmpty => {
                f.focus == IntakeField::Units
                    && f.text(IntakeField::Units).is_empty()
                    && !f.units.is_empty()
            }
            When::Collective => f.collective,
            When::HistoryFound => !self.history.is_empty(),
            When::CaseSaved => self.last_saved.is_some(),
            When::SaveWaiting => self.pending_save.is_some(),
            When::Always | When::NotMultiLine | When::MultiLine => true,
            // The case detail's and the forms' conditions are not the intake's.
            When::Step(_)
            | When::MaterialToggle
            | When::DetailOpen
            | When::UnconfirmedIncident
            | When::FormChoice
            | When::FormPick
            | When::FormPickQueryEmpty
            | When::SupervisionList
            | When::SupervisionRow
            | When::SupervisionFindings
            | When::SupervisionNotices
            | When::QueueSearching
            | When::QueueBrowsing
            | When::QueueSearchShown
            | When::QueueMarked => false,
            When::RosterWeek
            | When::RosterSlot
            | When::RosterPatterns
            | When::RosterPattern
            | When::RosterPerson => false,
        }
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        self.form.text_kind()
    }

    pub fn handle(&mut self, command: IntakeCommand, key: &KeyEvent, ctx: &mut Ctx<'_>) {
        if self.pending_save.is_some() {
            // The form being saved stays as it is; Esc gives the save up.
            if command == IntakeCommand::Clear {
                self.cancel_save(ctx);
            } else {
                self.say_saving(ctx);
            }
            return;
        }
        let form = &mut self.form;
        match command {
            IntakeCommand::Save => self.save(ctx),
            IntakeCommand::NextField => form.move_focus(true),
            IntakeCommand::PrevField => form.move_focus(false),
            IntakeCommand::Enter => self.enter(ctx),
            IntakeCommand::PickerUp | IntakeCommand::PickerDown => {
                let n = match form.focus {
                    IntakeField::Category => choices::match_categories(
                        &ctx.session.categories,
                        &form.text(IntakeField::Category),
                    )
                    .len(),
                    _ => choices::match_units(&ctx.session.units, &form.text(IntakeField::Units))
                        .len(),
                };
                super::step(&mut form.pick, n, command == IntakeCommand::PickerDown);
            }
            IntakeCommand::ChoicePrev | IntakeCommand::ChoiceNext => {
                if choices::cycle(form, command == IntakeCommand::ChoiceNext) {
                    self.draft.changed();
                }
            }
            IntakeCommand::ChoiceDigit => {
                if let KeyCode::Char(c) = key.code
                    && let Some(d) = c.to_digit(10)
                    && d >= 1
                    && choices::choose(form, d as usize - 1)
                {
                    self.draft.changed();
                }
            }
            IntakeCommand::RemoveLastUnit => {
                if form.units.pop().is_some() {
                    self.draft.changed();
                }
            }
            IntakeCommand::Clear => {
                if form.has_text() {
                    ctx.emit(ask(Question::ClearForm));
                }
            }
            IntakeCommand::OpenHistory => self.open_history(ctx),
            IntakeCommand::OpenRepresentatives => self.open_representatives(ctx),
            IntakeCommand::OpenExperts => self.open_experts(ctx),
            IntakeCommand::OpenMaterials => {
                let dialog =
                    crate::app::dialogs::materials::MaterialsDialog::new(&self.form.materials);
                ctx.emit(AppEvent::Open(
                    Some(Pane::Intake),
                    Box::new(Dialog::Materials(dialog)),
                ));
            }
            IntakeCommand::Fill => {
                if let Some(person) = self.history.first().cloned() {
                    self.fill_from(&person, ctx);
                }
            }
            IntakeCommand::Receipt => self.print_receipt(ctx),
        }
    }

    /// What the intake's dialogs and questions ask for.
    pub fn on_event(&mut self, event: IntakeEvent, ctx: &mut Ctx<'_>) {
        match event {
            IntakeEvent::AttachRepeat(case) => self.attach_repeat(&case, ctx),
            IntakeEvent::FillFrom(person) => self.fill_from(&person, ctx),
            IntakeEvent::Route(expert) => self.route(expert, ctx),
            IntakeEvent::RepresentativesEdited(reps) => {
                self.form.representatives = reps;
                if self
                    .form
                    .error
                    .as_ref()
                    .is_some_and(|(f, _)| *f == IntakeField::Representatives)
                {
                    self.form.error = None;
                }
                self.draft.changed();
            }
            IntakeEvent::MaterialsEdited(materials) => {
                self.form.materials = materials;
                self.draft.changed();
            }
            IntakeEvent::Save => self.save(ctx),
            IntakeEvent::SaveLongAgo => {
                self.form.long_ago_confirmed = true;
                self.save(ctx);
            }
            IntakeEvent::SaveAsRepeat(case_id) => {
                let case = self
                    .history
                    .iter()
                    .flat_map(|p| &p.cases)
                    .find(|c| c.case_id == case_id)
                    .cloned();
                if let Some(case) = case {
                    self.attach_repeat(&case, ctx);
                    self.save(ctx);
                }
            }
            IntakeEvent::SaveAsNewCase => {
                self.form.new_case_confirmed = true;
                self.save(ctx);
            }
            IntakeEvent::Clear => {
                self.clear(ctx);
                ctx.say(StatusKind::Info, Msg::FormCleared);
            }
            IntakeEvent::RestoreDraft => self.restore_draft(ctx),
            IntakeEvent::DiscardDraft => self.discard_draft(ctx),
        }
    }

    /// Edit the focused text field. Returns true when the screen changed (the cursor may
    /// have moved even when the text did not).
    pub fn edit(&mut self, command: TextCommand, key: &KeyEvent, ctx: &mut Ctx<'_>) -> bool {
        if self.pending_save.is_some() {
            self.say_saving(ctx);
            return true;
        }
        let field = self.form.focus;
        let Some((text, _)) = self.form.focused_text() else {
            return false;
        };
        if text_field::edit(text, command, key) {
            self.text_changed(field, ctx);
        }
        true
    }

    /// A bracketed paste into the focused field, whole and cleaned; it never submits the form.
    pub fn paste(&mut self, pasted: &str, ctx: &mut Ctx<'_>) -> bool {
        if self.pending_save.is_some() {
            self.say_saving(ctx);
            return true;
        }
        let field = self.form.focus;
        let Some((text, kind)) = self.form.focused_text() else {
            return false;
        };
        if text_field::paste(text, pasted, kind) {
            self.text_changed(field, ctx);
            true
        } else {
            false
        }
    }

    pub(super) fn say_saving(&self, ctx: &mut Ctx<'_>) {
        ctx.say(
            StatusKind::Info,
            Msg::SavingWhileBusy {
                cancel: crate::app::keymap::key_for(
                    crate::app::keymap::Command::Intake(IntakeCommand::Clear),
                    ctx.session.lang,
                ),
            },
        );
    }

    fn text_changed(&mut self, field: IntakeField, ctx: &mut Ctx<'_>) {
        if self.form.error.as_ref().is_some_and(|(f, _)| *f == field) {
            self.form.error = None;
        }
        match field {
            IntakeField::ReceivedAt => {
                self.form.received_edited = true;
                self.form.long_ago_confirmed = false;
            }
            IntakeField::IdNumber => {
                // A typed ID number names the person: the record filled in without one no
                // longer does.
                self.form.known = None;
                self.look_up(ctx, true);
            }
            IntakeField::Category => {
                self.form.category = None;
                self.form.pick = 0;
            }
            IntakeField::Units => self.form.pick = 0,
            IntakeField::Phone | IntakeField::Name => self.look_up(ctx, false),
            _ => {}
        }
        self.draft.changed();
    }

    /// Enter outside the account.
    fn enter(&mut self, ctx: &mut Ctx<'_>) {
        let form = &mut self.form;
        match form.focus {
            IntakeField::IdNumber => {
                // An ID-card reader types the number and Enter: look up, then move on.
                self.look_up(ctx, true);
                self.form.move_focus(true);
            }
            IntakeField::Category | IntakeField::Units => {
                match choices::pick(form, &ctx.session.categories, &ctx.session.units) {
                    Picked::Taken => self.draft.changed(),
                    Picked::NoMatch(why) => ctx.say(StatusKind::Error, why),
                    Picked::Nothing => {}
                }
            }
            IntakeField::Representatives => self.open_representatives(ctx),
            _ => form.move_focus(true),
        }
    }

    fn open_representatives(&mut self, ctx: &mut Ctx<'_>) {
        if self.form.collective {
            let dialog = RepresentativesDialog::new(&self.form.representatives);
            ctx.emit(AppEvent::Open(
                Some(Pane::Intake),
                Box::new(Dialog::Representatives(dialog)),
            ));
        } else {
            ctx.say(StatusKind::Info, Msg::RepresentativesNeedCollective);
        }
    }

    /// Start afresh: an empty form, no person found, no draft.
    fn clear(&mut self, ctx: &mut Ctx<'_>) {
        self.form = IntakeForm::new(ctx.session.now);
        self.history.clear();
        self.draft.saved();
        self.discard_draft(ctx);
    }
}

/// A yes/no question as an event.
pub fn ask(question: Question) -> AppEvent {
    AppEvent::Open(
        None,
        Box::new(Dialog::Question(QuestionDialog::new(question))),
    )
}
