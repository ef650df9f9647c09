//! A returning petitioner: looked up as the ID number, phone or name is typed; their earlier
//! cases in a panel; this contact made a repeat on an open case (条例 Art. 19); the person's
//! details filled in from the record.

use super::IntakePane;
use super::form::KnownPerson;
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::history::HistoryDialog;
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::Sex;
use crate::domain::id_number::{IdNumber, mask};
use crate::domain::intake::IntakeField;
use crate::domain::lookup::{ContactKind, LookupKey, PersonHistory, PriorCase, lookup_keys};
use crate::domain::permission::Act;
use crate::domain::text::clean_line;
use crate::i18n::Msg;

impl IntakePane {
    /// Look the person up from the ID number, phone and name typed so far. `id_typed`: the
    /// ID number was just typed or read, so an exact match fills the person's empty fields.
    pub(super) fn look_up(&mut self, ctx: &mut Ctx<'_>, id_typed: bool) {
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
        // The ID card of a known person was read: their details come with it. The number was
        // typed here, so nothing is revealed; only empty fields are filled.
        if let Some(person) = self
            .history
            .first()
            .filter(|_| id_typed)
            .filter(|p| matches!(p.matched_by, LookupKey::IdNumber(_)))
            .cloned()
            && self.fill_empty_fields(&person)
        {
            ctx.say(
                StatusKind::Info,
                Msg::FilledFrom {
                    name: clean_line(&person.name),
                },
            );
        }
    }

    /// Fill the person's fields that are still empty from their record; true if any was.
    fn fill_empty_fields(&mut self, person: &PersonHistory) -> bool {
        let form = &mut self.form;
        let mut filled = false;
        for (field, value) in [
            (IntakeField::Name, Some(&person.name)),
            (IntakeField::Phone, person.phone.as_ref()),
            (IntakeField::Address, person.address.as_ref()),
            (IntakeField::WorkUnit, person.work_unit.as_ref()),
        ] {
            if let Some(v) = value.filter(|v| !v.is_empty())
                && form.text(field).is_empty()
            {
                form.set_text(field, &clean_line(v));
                filled = true;
            }
        }
        if form.sex.is_none() && person.sex.is_some() {
            form.sex = person.sex;
        }
        if filled {
            self.draft.changed();
        }
        filled
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

    /// Fill the form's person fields from a person found. The ID number follows the same rule
    /// as anywhere else: whole (and audited) only for a role that may see it; otherwise the
    /// form is linked to the person and shows the number masked.
    pub(super) fn fill_from(&mut self, person: &PersonHistory, ctx: &mut Ctx<'_>) {
        let whole = if person.id_number.is_some() && ctx.session.may(Act::RevealIdNumber) {
            match ctx
                .store
                .reveal_petitioner_id(&ctx.session.me, person.petitioner_id)
            {
                Ok(id) => id,
                Err(e) => {
                    ctx.fail(&e);
                    return;
                }
            }
        } else {
            None
        };
        let form = &mut self.form;
        match whole {
            Some(id) => {
                form.set_text(IntakeField::IdNumber, &id);
                form.known = None;
            }
            None => {
                form.set_text(IntakeField::IdNumber, "");
                form.known = Some(KnownPerson {
                    petitioner_id: person.petitioner_id,
                    masked_id: person.id_number.as_deref().map(mask),
                });
            }
        }
        let mut set = |field: IntakeField, value: &Option<String>| {
            if let Some(v) = value {
                form.set_text(field, &clean_line(v));
            }
        };
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
