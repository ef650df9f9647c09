//! The pane's actions: a ladder step's dialog on the highlighted case (refused at once, in
//! words, where the case or the ladder does not allow it), the notice and filter dialogs, and
//! carrying out what they submit.

use super::SupervisionPane;
use crate::app::context::Ctx;
use crate::app::dialogs::filter::{FilterDialog, FilterLine};
use crate::app::dialogs::form::{FormDialog, FormPurpose, ValueProblem};
use crate::app::dialogs::steps::{self, StepContext};
use crate::app::dialogs::{Dialog, notice};
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::documents::notices as documents;
use crate::domain::document::DocumentKind;
use crate::domain::workflow::{self, StepKind};
use crate::i18n::supervision::Sv;
use crate::i18n::{self, Label, Msg};
use crate::store::Result;

fn open(form: FormDialog, ctx: &mut Ctx<'_>) {
    ctx.emit(AppEvent::Open(
        Some(Pane::Supervision),
        Box::new(Dialog::Form(form)),
    ));
}

fn problem(lang: i18n::Lang, p: ValueProblem) -> String {
    match p {
        ValueProblem::Missing(field) => Msg::ValueMissing { field }.text(lang),
        ValueProblem::BadDate(field) => Msg::ValueBadDate { field }.text(lang),
        ValueProblem::BadNumber(field) => Msg::ValueBadNumber { field }.text(lang),
    }
}

impl SupervisionPane {
    /// Open a ladder step's dialog on the highlighted case, as the case is now.
    pub(super) fn open_step(&mut self, kind: StepKind, ctx: &mut Ctx<'_>) -> Result<()> {
        let lang = ctx.session.lang;
        let Some(row) = self.list.selected_row() else {
            ctx.session
                .say_text(StatusKind::Info, Sv::NoCaseSelected.text(lang));
            return Ok(());
        };
        let Some(case) = ctx.store.case_detail(row.listed.row.id)? else {
            ctx.say(StatusKind::Error, Msg::CaseNotFound);
            return Ok(());
        };
        let step = kind.label(lang).to_string();
        if !workflow::applies(kind, &case.facts) {
            let state = case.row.state.label(lang).to_string();
            ctx.session
                .say_text(StatusKind::Error, Sv::NotNowFor { step, state }.text(lang));
            return Ok(());
        }
        if let Some(needs) = case.facts.ladder.needs_first(kind) {
            let needs = needs.label(lang).to_string();
            ctx.session
                .say_text(StatusKind::Error, Sv::NeedsFirst { step, needs }.text(lang));
            return Ok(());
        }
        let staff = ctx.store.list_staff()?;
        let form = steps::dialog(
            kind,
            &StepContext {
                lang,
                today: ctx.session.today(),
                me: ctx.session.me.id,
                case: &case,
                units: &ctx.session.units,
                staff: &staff,
            },
        );
        self.acting = Some(case);
        open(form, ctx);
        Ok(())
    }

    /// Open the notice dialog, naming the highlighted case and its unit to begin with.
    pub(super) fn open_notice(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        let staff = ctx.store.list_staff()?;
        let row = self.list.selected_row();
        let unit = row
            .and_then(|r| r.unit.as_deref())
            .and_then(|name| ctx.session.units.iter().find(|u| u.name == name))
            .map(|u| u.id);
        let form = notice::dialog(
            ctx.session.lang,
            &ctx.session.units,
            &staff,
            row.map(|r| r.listed.row.number.as_str()),
            unit,
        );
        open(form, ctx);
        Ok(())
    }

    /// The list's filters: the queue's own dialog, without the state (the list keeps to
    /// open cases).
    pub(super) fn open_filter(&mut self, ctx: &mut Ctx<'_>) {
        let dialog = FilterDialog::new(
            self.list.filters,
            &FilterLine::OPEN_CASES,
            &ctx.session.units,
            &ctx.session.categories,
        );
        ctx.emit(AppEvent::Open(
            Some(Pane::Supervision),
            Box::new(Dialog::Filter(dialog)),
        ));
    }

    /// List under the filters chosen, from the first page.
    pub fn set_filters(&mut self, filters: crate::domain::query::Filters, ctx: &mut Ctx<'_>) {
        self.list.filters = filters;
        self.list.to_first();
        if let Err(e) = self.list.reload(ctx) {
            ctx.fail(&e);
        }
    }

    /// Carry out a submitted dialog. Ok: done (the dialog closes); Err: why not, in words
    /// (the dialog stays with what was typed).
    pub fn submit(
        &mut self,
        form: &FormDialog,
        ctx: &mut Ctx<'_>,
    ) -> std::result::Result<(), String> {
        let lang = ctx.session.lang;
        let values = form.values();
        let failed = |e: crate::store::StoreError| i18n::store_error(lang, &e);
        match &form.purpose {
            FormPurpose::Step {
                case_id,
                version,
                kind,
            } => {
                let Some(case) = self.acting.as_ref().filter(|c| c.row.id == *case_id) else {
                    return Err(Msg::CaseNotFound.text(lang));
                };
                let staff = ctx.store.list_staff().map_err(failed)?;
                let step_ctx = StepContext {
                    lang,
                    today: ctx.session.today(),
                    me: ctx.session.me.id,
                    case,
                    units: &ctx.session.units,
                    staff: &staff,
                };
                let step = steps::step(*kind, &values, &step_ctx).map_err(|p| problem(lang, p))?;
                let done = ctx
                    .store
                    .take_step(&ctx.session.me, *case_id, *version, step)
                    .map_err(failed)?;
                let said = if *kind == StepKind::ExtensionRequest {
                    Sv::ExtensionAsked {
                        number: done.number.clone(),
                    }
                    .text(lang)
                } else {
                    Msg::StepTaken {
                        step: kind.label(lang).to_string(),
                        number: done.number.clone(),
                        state: done.state.label(lang).to_string(),
                    }
                    .text(lang)
                };
                ctx.session.say_text(StatusKind::Success, said);
                if *kind == StepKind::SupervisionOrder {
                    self.issue_order(*case_id, ctx);
                }
                self.acting = None;
            }
            FormPurpose::Notice => {
                let typed = notice::values(&values).map_err(|p| problem(lang, p))?;
                let case_ids = ctx
                    .store
                    .case_ids_by_number(&typed.numbers)
                    .map_err(failed)?;
                let recorded = ctx
                    .store
                    .record_notice(&ctx.session.me, &typed.notice(case_ids))
                    .map_err(failed)?;
                let text = Sv::NoticeRecorded {
                    number: recorded.number,
                    cases: recorded.cases.len(),
                }
                .text(lang);
                ctx.session.say_text(StatusKind::Success, text);
            }
            _ => return Err(Msg::CaseNotFound.text(lang)),
        }
        // Our own write does not move this connection's data version: read again.
        ctx.emit(AppEvent::Reload);
        Ok(())
    }

    /// The 督办单 of the order just recorded: written (and printed where a printer is set)
    /// and recorded on the case. The order stands even if the file cannot be written: the
    /// status line says why, and `d` in the case's detail issues it again.
    fn issue_order(&mut self, case_id: i64, ctx: &mut Ctx<'_>) {
        let lang = ctx.session.lang;
        let case = match ctx.store.case_detail(case_id) {
            Ok(Some(c)) => c,
            Ok(None) => return,
            Err(e) => return ctx.fail(&e),
        };
        let Ok(text) = documents::render(
            DocumentKind::Supervise,
            &case,
            &ctx.office(),
            ctx.session.today(),
        ) else {
            return;
        };
        let stem = format!("{}-{}", case.row.number, DocumentKind::Supervise.code());
        let document = DocumentKind::Supervise.label(lang).to_string();
        match ctx.publish(&stem, &text) {
            Ok((path, printed)) => {
                if let Err(e) =
                    ctx.store
                        .record_document(&ctx.session.me, case_id, DocumentKind::Supervise)
                {
                    return ctx.fail(&e);
                }
                let said = if printed {
                    Msg::DocumentPrinted { document, path }
                } else {
                    Msg::DocumentWritten { document, path }
                };
                ctx.say(StatusKind::Success, said);
            }
            Err(why) => ctx.session.say_text(StatusKind::Error, why),
        }
    }
}
