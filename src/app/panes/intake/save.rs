//! Saving the form (one transaction: petitioner, case or repeat contact, routing, audit) and
//! writing the receipt (回执) of the case saved last.

use super::IntakeCommand;
use super::IntakePane;
use super::choices::match_categories;
use super::form::IntakeForm;
use crate::app::context::Ctx;
use crate::app::dialogs::question::Question;
use crate::app::effects::FileError;
use crate::app::event::AppEvent;
use crate::app::keymap::{Command, key_for};
use crate::app::session::StatusKind;
use crate::documents::receipt::{ReceiptFacts, receipt_text};
use crate::domain::intake::{IntakeField, IntakeProblem, validate_intake_under};
use crate::domain::lookup::{ContactKind, LookupKey, PriorCase};
use crate::domain::text::clean_line;
use crate::domain::{Channel, NewIntake, SavedCase};
use crate::i18n::{self, Msg};
use std::time::{Duration, Instant};

/// How often a save that met a busy database tries again, and for how long.
const SAVE_RETRY: Duration = Duration::from_millis(200);
const SAVE_PATIENCE: Duration = Duration::from_secs(60);

/// A save waiting for another process's write to finish.
#[derive(Debug, Clone)]
pub struct PendingSave {
    intake: NewIntake,
    since: Instant,
    pub retry_at: Instant,
}

impl IntakePane {
    pub(super) fn save(&mut self, ctx: &mut Ctx<'_>) {
        if self.pending_save.is_some() {
            self.say_saving(ctx);
            return;
        }
        let form = &mut self.form;
        // A category typed but not picked is taken if exactly one matches.
        if form.category.is_none() && !form.text(IntakeField::Category).is_empty() {
            let matches =
                match_categories(&ctx.session.categories, &form.text(IntakeField::Category));
            if let [only] = matches.as_slice() {
                let c = (*only).clone();
                form.set_category(c);
            }
        }
        let valid = match validate_intake_under(
            &form.input(),
            ctx.session.now,
            &ctx.session.intake_rules,
        ) {
            Ok(v) => v,
            Err(e) if matches!(e.problem, IntakeProblem::ReceivedAtLongAgo { .. }) => {
                // Possible, but usually a typo: ask before saving.
                if let IntakeProblem::ReceivedAtLongAgo { days } = e.problem {
                    form.focus = IntakeField::ReceivedAt;
                    ctx.emit(super::ask(Question::LongAgoReceipt { days }));
                }
                return;
            }
            Err(e) if e.field == IntakeField::Materials => {
                let text = i18n::intake_error(ctx.session.lang, &e);
                form.error = Some((e.field, text.clone()));
                ctx.session.say_text(StatusKind::Error, text);
                let dialog = crate::app::dialogs::materials::MaterialsDialog::new(&form.materials);
                ctx.emit(AppEvent::Open(
                    Some(crate::app::panes::Pane::Intake),
                    Box::new(crate::app::dialogs::Dialog::Materials(dialog)),
                ));
                return;
            }
            Err(e) => {
                let text = i18n::intake_error(ctx.session.lang, &e);
                form.focus = e.field;
                form.error = Some((e.field, text.clone()));
                ctx.session.say_text(StatusKind::Error, text);
                return;
            }
        };
        // 条例 Art. 19: a matter being handled within its time limit is not accepted again;
        // the person's open case of the same category is offered first.
        if valid.contact == ContactKind::FirstContact
            && !form.new_case_confirmed
            && let Some(open) = self.open_case_like(&valid)
        {
            ctx.emit(super::ask(Question::SameMatterOpen {
                case_id: open.case_id,
                number: open.number.clone(),
                due: open.due.map(|d| d.to_string()).unwrap_or_default(),
            }));
            return;
        }
        self.try_save(valid, Instant::now(), ctx);
    }

    /// An open case of the same category of the person this form is certainly about (found
    /// by ID number or filled from their record).
    fn open_case_like(&self, valid: &NewIntake) -> Option<&PriorCase> {
        let category = self.form.category.as_ref()?;
        self.history
            .iter()
            .filter(|p| {
                matches!(p.matched_by, LookupKey::IdNumber(_))
                    || self
                        .form
                        .known
                        .as_ref()
                        .is_some_and(|k| k.petitioner_id == p.petitioner_id)
            })
            .flat_map(|p| &p.cases)
            .find(|c| {
                c.state.is_open() && c.category == category.name_zh && valid.category_id.is_some()
            })
    }

    /// Save a validated intake. A database busy with another process's write is not a
    /// failure: the save waits its turn off the input path, the form stays, and the screen
    /// says so.
    fn try_save(&mut self, valid: NewIntake, since: Instant, ctx: &mut Ctx<'_>) {
        match ctx.store.save_intake(&ctx.session.me, &valid) {
            Ok(saved) => {
                self.pending_save = None;
                self.saved(saved, ctx);
            }
            Err(e) if i18n::errors::is_busy(&e) && since.elapsed() < SAVE_PATIENCE => {
                self.pending_save = Some(PendingSave {
                    intake: valid,
                    since,
                    retry_at: Instant::now() + SAVE_RETRY,
                });
                ctx.say(
                    StatusKind::Info,
                    Msg::SavingWhileBusy {
                        cancel: key_for(Command::Intake(IntakeCommand::Clear), ctx.session.lang),
                    },
                );
            }
            Err(e) => {
                self.pending_save = None;
                let why = i18n::store_error(ctx.session.lang, &e);
                ctx.say(StatusKind::Error, Msg::NotSaved { why });
            }
        }
    }

    /// Try a save that met a busy database again, when its time has come.
    pub fn retry_save(&mut self, ctx: &mut Ctx<'_>) -> bool {
        match self.pending_save.take() {
            Some(p) if p.retry_at <= Instant::now() => {
                self.try_save(p.intake, p.since, ctx);
                true
            }
            other => {
                self.pending_save = other;
                false
            }
        }
    }

    /// Give up a save that waits for a busy database; the form stays as it is.
    pub(super) fn cancel_save(&mut self, ctx: &mut Ctx<'_>) {
        if self.pending_save.take().is_some() {
            ctx.say(StatusKind::Info, Msg::SaveCancelled);
        }
    }

    fn saved(&mut self, saved: SavedCase, ctx: &mut Ctx<'_>) {
        let mut text = match &saved.accept {
            Some(a) => Msg::SavedFirstContact {
                number: saved.number.clone(),
                due: a.due.to_string(),
            },
            None => Msg::SavedRepeat {
                number: saved.number.clone(),
            },
        }
        .text(ctx.session.lang);
        // Where to send the visitor is what the receptionist says next: it goes first,
        // so a narrow status line never cuts it off.
        if let Some(to) = &saved.routed_to {
            let go = Msg::SendVisitorTo {
                room: clean_line(&to.room),
                expert: clean_line(&to.expert_name),
            }
            .text(ctx.session.lang);
            text.insert_str(0, &go);
        }
        self.last_saved = Some(saved);
        self.form = IntakeForm::new(ctx.session.now);
        self.history.clear();
        self.draft.saved();
        self.discard_draft(ctx);
        ctx.session.say_text(StatusKind::Success, text);
        // Our own write does not change data_version for this connection.
        ctx.emit(AppEvent::DataChanged);
    }

    /// Write the receipt of the case saved last to a text file, and to `lp` when a printer is
    /// configured.
    pub(super) fn print_receipt(&mut self, ctx: &mut Ctx<'_>) {
        let Some(saved) = self.last_saved.clone() else {
            ctx.say(StatusKind::Info, Msg::NoCaseSavedYet);
            return;
        };
        match write_receipt(&saved, ctx) {
            Ok(message) => ctx.say(StatusKind::Success, message),
            Err(why) => ctx.say(StatusKind::Error, Msg::ReceiptFailed { why }),
        }
    }
}

fn write_receipt(saved: &SavedCase, ctx: &mut Ctx<'_>) -> Result<Msg, String> {
    let lang = ctx.session.lang;
    let detail = ctx
        .store
        .case_detail(saved.case_id)
        .map_err(|e| i18n::store_error(lang, &e))?
        .ok_or_else(|| Msg::CaseNotFound.text(lang))?;
    let setting = |k: &str| ctx.store.setting(k).ok().flatten().unwrap_or_default();
    let accept = detail
        .clocks
        .iter()
        .find(|c| c.rule == "accept")
        .map(|c| c.due.clone());
    let this_contact = detail.contacts.last();
    let facts = ReceiptFacts {
        number: detail.row.number.clone(),
        petitioner: detail
            .petitioner
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        received_at: if saved.repeat {
            this_contact.map_or(detail.row.received_at, |c| c.received_at)
        } else {
            detail.row.received_at
        },
        first_received_at: detail.row.received_at,
        channel: this_contact.map_or(Channel::Visit, |c| c.channel),
        category: detail.row.category.clone(),
        summary: detail.row.summary.clone(),
        accept,
        repeat: saved.repeat,
        office_name: setting("office_name"),
        office_phone: setting("office_phone"),
        office_address: setting("office_address"),
        clerk: ctx.session.me.name.clone(),
        printed_on: ctx.session.today(),
        materials: ctx
            .store
            .materials_of_latest_contact(saved.case_id)
            .map_err(|e| i18n::store_error(lang, &e))?,
    };
    let text = receipt_text(&facts);
    let dir = crate::os::boundary().receipt_dir(ctx.store.path(), &setting("receipt_dir"));
    let printer = setting("receipt_printer");
    let file = match crate::app::effects::write_copy(ctx.effects, &dir, &detail.row.number, &text) {
        Ok(path) => path,
        Err(FileError::Exists) => return Err(Msg::TooManyCopies.text(lang)),
        Err(FileError::Failed(why)) => return Err(why),
    };
    let path = file.display().to_string();
    if printer.is_empty() {
        Ok(Msg::ReceiptWritten { path })
    } else {
        ctx.effects.print(&printer, &file, &text);
        Ok(Msg::ReceiptPrinted { path })
    }
}
