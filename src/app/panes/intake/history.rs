//! A returning petitioner: looked up as the ID number, phone or name is typed; their earlier
//! cases in a panel; this contact made a repeat on an open case (条例 Art. 19); the person's
//! details filled in from the record.

use super::IntakePane;
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::history::HistoryDialog;
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::Sex;
use crate::domain::id_number::IdNumber;
use crate::domain::intake::IntakeField;
use crate::domain::lookup::{ContactKind, PersonHistory, PriorCase, lookup_keys};
use crate::domain::text::clean_line;
use crate::i18n::Msg;

impl IntakePane {
    /// Look the person up from the ID number, phone and name typed so far.
    pub(super) fn look_up(&mut self, ctx: &mut Ctx<'_>) {
        let form = &mut self.form;
        let today = ctx.session.today();
        let keys = lookup_keys(
            &form.text(IntakeField::IdNumber),
            &form.text(IntakeField::Phone),
            &form.text(IntakeField::Name),
            today,
        );
        self.history = if keys.is_empty() {
            vec![]
        } else {
            match ctx.store.find_history(&keys) {
                Ok(h) => h,
                Err(e) => {
                    ctx.fail(&e);
                    vec![]
                }
            }
        };
        // A valid ID number says the person's sex: no need to ask.
        if form.sex.is_none()
            && let Ok(id) = IdNumber::parse(&form.text(IntakeField::IdNumber), today)
        {
            form.sex = Some(if id.is_male() { Sex::Male } else { Sex::Female });
        }
    }

    pub(super) fn open_history(&mut self, ctx: &mut Ctx<'_>) {
        if self.history.is_empty() {
            ctx.say(StatusKind::Info, Msg::NoHistoryFound);
            return;
        }
        let attached = match self.form.contact {
            ContactKind::RepeatOf(id) => Some(id),
            ContactKind::FirstContact => None,
        };
        let dialog = HistoryDialog::new(self.history.clone(), attached);
        ctx.emit(AppEvent::Open(
            Some(Pane::Intake),
            Box::new(Dialog::History(dialog)),
        ));
    }

    /// Make this contact a repeat on an open case, or a new case again if it already was.
    pub(super) fn attach_repeat(&mut self, case: &PriorCase, ctx: &mut Ctx<'_>) {
        let form = &mut self.form;
        if form.contact == ContactKind::RepeatOf(case.case_id) {
            form.contact = ContactKind::FirstContact;
            form.repeat_number = None;
            ctx.say(StatusKind::Info, Msg::BackToFirstContact);
        } else if !case.state.is_open() {
            ctx.say(
                StatusKind::Error,
                Msg::ClosedIsNotRepeat {
                    number: case.number.clone(),
                },
            );
            return;
        } else {
            form.contact = ContactKind::RepeatOf(case.case_id);
            form.repeat_number = Some(case.number.clone());
            if form.category.is_none()
                && let Some(c) = ctx
                    .session
                    .categories
                    .iter()
                    .find(|c| c.name_zh == case.category)
                    .cloned()
            {
                form.set_category(c);
            }
            ctx.say(
                StatusKind::Info,
                Msg::AttachedAsRepeat {
                    number: case.number.clone(),
                    due: case.due.map(|d| d.to_string()).unwrap_or_default(),
                },
            );
        }
        self.draft.changed();
    }

    /// Fill the form's person fields from a person found.
    pub(super) fn fill_from(&mut self, person: &PersonHistory, ctx: &mut Ctx<'_>) {
        let form = &mut self.form;
        let mut set = |field: IntakeField, value: &Option<String>| {
            if let Some(v) = value {
                form.set_text(field, &clean_line(v));
            }
        };
        set(IntakeField::IdNumber, &person.id_number);
        set(IntakeField::Name, &Some(person.name.clone()));
        set(IntakeField::Phone, &person.phone);
        set(IntakeField::Address, &person.address);
        set(IntakeField::WorkUnit, &person.work_unit);
        form.sex = person.sex.or(form.sex);
        form.focus = IntakeField::Channel;
        self.draft.changed();
        ctx.say(
            StatusKind::Info,
            Msg::FilledFrom {
                name: clean_line(&person.name),
            },
        );
    }
}
