//! One case in detail: the person (ID number masked unless revealed, with an audit entry), its
//! clocks with their explanations, the account, the timeline, and the steps the user may take
//! now — each a dialog, submitted in one transaction.

use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::form::{Field, FormDialog, FormPurpose, ValueProblem};
use crate::app::dialogs::steps::{self, StepContext};
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::documents::notices;
use crate::domain::CaseDetail;
use crate::domain::contact::NewMaterial;
use crate::domain::document::DocumentKind;
use crate::domain::timeline::TimelineItem;
use crate::domain::workflow::StepKind;
use crate::i18n::{self, Label, Msg, Text};
use crate::store::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailCommand {
    Close,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    /// Show the petitioner's ID number whole (for roles that need it; audited).
    RevealId,
    /// Take a step of the workflow (its dialog opens).
    Step(StepKind),
    /// Issue a statutory document.
    Document,
    /// Record a material received.
    Material,
    /// Record what happened during the visit.
    Incident,
    /// Confirm the oldest unconfirmed incident.
    ConfirmIncident,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    pub case: CaseDetail,
    pub scroll: u16,
    /// The ID number shown whole, after an audited reveal.
    pub revealed_id: Option<String>,
    /// The pane the case was opened from, that Esc goes back to (None: the queue's list).
    pub back_to: Option<Pane>,
}

/// Rows a page of the detail scrolls.
const PAGE: u16 = 10;

impl DetailView {
    pub fn new(case: CaseDetail) -> Self {
        Self {
            case,
            scroll: 0,
            revealed_id: None,
            back_to: None,
        }
    }

    /// Read the case again; true if it changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        match ctx.store.case_detail(self.case.row.id)? {
            Some(case) if case != self.case => {
                self.case = case;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

impl super::QueuePane {
    pub fn handle_detail(&mut self, command: DetailCommand, ctx: &mut Ctx<'_>) {
        let Some(view) = &mut self.detail else {
            return;
        };
        match command {
            DetailCommand::Close => {
                if let Some(pane) = view.back_to {
                    ctx.emit(AppEvent::ShowPane(pane));
                }
                self.detail = None;
            }
            DetailCommand::ScrollUp => view.scroll = view.scroll.saturating_sub(1),
            DetailCommand::ScrollDown => view.scroll = view.scroll.saturating_add(1),
            DetailCommand::PageUp => view.scroll = view.scroll.saturating_sub(PAGE),
            DetailCommand::PageDown => view.scroll = view.scroll.saturating_add(PAGE),
            DetailCommand::RevealId => {
                match ctx
                    .store
                    .reveal_id_number(&ctx.session.me, view.case.row.id)
                {
                    Ok(Some(id)) => {
                        view.revealed_id = Some(id);
                        ctx.say(StatusKind::Info, Msg::IdRevealed);
                    }
                    Ok(None) => ctx.say(StatusKind::Info, Msg::NoIdOnRecord),
                    Err(e) => ctx.fail(&e),
                }
            }
            DetailCommand::Step(kind) => {
                let staff = match ctx.store.list_staff() {
                    Ok(s) => s,
                    Err(e) => return ctx.fail(&e),
                };
                let step_ctx = StepContext {
                    lang: ctx.session.lang,
                    today: ctx.session.today(),
                    me: ctx.session.me.id,
                    case: &view.case,
                    units: &ctx.session.units,
                    staff: &staff,
                };
                let form = steps::dialog(kind, &step_ctx);
                open(form, ctx);
            }
            DetailCommand::Document => {
                let available = notices::available(&view.case);
                if available.is_empty() {
                    return ctx.say(StatusKind::Info, Msg::NoDocumentYet);
                }
                let lang = ctx.session.lang;
                let labels = available
                    .iter()
                    .map(|k| k.label(lang).to_string())
                    .collect();
                let form = FormDialog::new(
                    Msg::DocumentTitle {
                        number: view.case.row.number.clone(),
                    }
                    .text(lang),
                    FormPurpose::Document {
                        case_id: view.case.row.id,
                    },
                    vec![],
                    vec![Field::choice(Text::FieldDocument.get(lang), labels)],
                );
                open(form, ctx);
            }
            DetailCommand::Material => {
                let lang = ctx.session.lang;
                let t = |x: Text| x.get(lang).to_string();
                let form = FormDialog::new(
                    Msg::MaterialTitle {
                        number: view.case.row.number.clone(),
                    }
                    .text(lang),
                    FormPurpose::Material {
                        case_id: view.case.row.id,
                    },
                    vec![],
                    vec![
                        Field::line(t(Text::FieldTitle)),
                        Field::number(t(Text::FieldPages)).with_text("1"),
                        Field::choice(
                            t(Text::FieldOriginal),
                            vec![t(Text::Copy), t(Text::Original)],
                        ),
                        Field::choice(
                            t(Text::FieldReturned),
                            vec![t(Text::Kept), t(Text::Returned)],
                        ),
                        Field::line(t(Text::FieldScan)),
                    ],
                );
                open(form, ctx);
            }
            DetailCommand::Incident => {
                let lang = ctx.session.lang;
                let form = FormDialog::new(
                    Msg::IncidentTitle {
                        number: view.case.row.number.clone(),
                    }
                    .text(lang),
                    FormPurpose::Incident {
                        case_id: view.case.row.id,
                    },
                    vec![Text::IncidentHint.get(lang).to_string()],
                    vec![Field::lines(Text::FieldWhatHappened.get(lang))],
                );
                open(form, ctx);
            }
            DetailCommand::ConfirmIncident => {
                let oldest = view.case.timeline.iter().find_map(|e| match &e.item {
                    TimelineItem::Incident(i) if i.confirmed_at.is_none() => Some(i.id),
                    _ => None,
                });
                if let Some(id) = oldest {
                    match ctx.store.confirm_incident(&ctx.session.me, id) {
                        Ok(()) => {
                            ctx.say(StatusKind::Success, Msg::IncidentConfirmed);
                            self.reload_detail(ctx);
                        }
                        Err(e) => ctx.fail(&e),
                    }
                }
            }
        }
    }

    fn reload_detail(&mut self, ctx: &mut Ctx<'_>) {
        if let Some(view) = &mut self.detail
            && let Err(e) = view.reload(ctx)
        {
            ctx.fail(&e);
        }
    }

    /// Carry out a submitted form. Ok: it is done (the dialog closes); Err: why not, in words
    /// (the dialog stays with what was typed).
    pub fn submit(
        &mut self,
        form: &FormDialog,
        ctx: &mut Ctx<'_>,
    ) -> std::result::Result<(), String> {
        let lang = ctx.session.lang;
        if let FormPurpose::Bulk { kind, cases } = &form.purpose {
            return self.submit_bulk(*kind, cases, form, ctx);
        }
        let Some(view) = &self.detail else {
            return Err(Msg::CaseNotFound.text(lang));
        };
        let values = form.values();
        let problem = |p: ValueProblem| match p {
            ValueProblem::Missing(field) => Msg::ValueMissing { field }.text(lang),
            ValueProblem::BadDate(field) => Msg::ValueBadDate { field }.text(lang),
            ValueProblem::BadNumber(field) => Msg::ValueBadNumber { field }.text(lang),
        };
        match &form.purpose {
            FormPurpose::Step {
                case_id,
                version,
                kind,
            } => {
                let staff = ctx
                    .store
                    .list_staff()
                    .map_err(|e| i18n::store_error(lang, &e))?;
                let step_ctx = StepContext {
                    lang,
                    today: ctx.session.today(),
                    me: ctx.session.me.id,
                    case: &view.case,
                    units: &ctx.session.units,
                    staff: &staff,
                };
                let step = steps::step(*kind, &values, &step_ctx).map_err(problem)?;
                let done = ctx
                    .store
                    .take_step(&ctx.session.me, *case_id, *version, step)
                    .map_err(|e| i18n::store_error(lang, &e))?;
                ctx.say(
                    StatusKind::Success,
                    Msg::StepTaken {
                        step: kind.label(lang).to_string(),
                        number: done.number,
                        state: done.state.label(lang).to_string(),
                    },
                );
            }
            FormPurpose::Material { case_id } => {
                let material = NewMaterial {
                    title: values.required_text(0).map_err(problem)?,
                    pages: values.number(1).map_err(problem)?,
                    original: values.choice(2) == 1,
                    returned: values.choice(3) == 1,
                    file: Some(values.text(4)),
                };
                ctx.store
                    .add_material(&ctx.session.me, *case_id, material)
                    .map_err(|e| i18n::store_error(lang, &e))?;
                ctx.say(StatusKind::Success, Msg::MaterialRecorded);
            }
            FormPurpose::Incident { case_id } => {
                let text = values.required_text(0).map_err(problem)?;
                ctx.store
                    .record_incident(&ctx.session.me, *case_id, &text)
                    .map_err(|e| i18n::store_error(lang, &e))?;
                ctx.say(StatusKind::Success, Msg::IncidentRecorded);
            }
            FormPurpose::Document { case_id } => {
                let available = notices::available(&view.case);
                let kind = *available
                    .get(values.choice(0))
                    .ok_or_else(|| Msg::NoDocumentYet.text(lang))?;
                let message = issue_document(&view.case, kind, ctx)?;
                ctx.store
                    .record_document(&ctx.session.me, *case_id, kind)
                    .map_err(|e| i18n::store_error(lang, &e))?;
                ctx.say(StatusKind::Success, message);
            }
            // Taken above, before a case's detail is needed.
            FormPurpose::Bulk { .. } => {}
            // The supervision pane's own forms never reach a case's detail.
            FormPurpose::Notice => {
                return Err(Msg::CaseNotFound.text(lang));
            }
        }
        // Our own write does not move this connection's data version: read the case again.
        ctx.emit(AppEvent::Reload);
        Ok(())
    }
}

fn open(form: FormDialog, ctx: &mut Ctx<'_>) {
    ctx.emit(AppEvent::Open(
        Some(Pane::Queue),
        Box::new(Dialog::Form(form)),
    ));
}

/// Write a document to a file beside the database (or the setting's folder), and to the
/// printer when one is set.
fn issue_document(
    case: &CaseDetail,
    kind: DocumentKind,
    ctx: &mut Ctx<'_>,
) -> std::result::Result<Msg, String> {
    let lang = ctx.session.lang;
    let text = notices::render(kind, case, &ctx.office(), ctx.session.today())
        .map_err(|_| Msg::NoDocumentYet.text(lang))?;
    let stem = format!("{}-{}", case.row.number, kind.code());
    let document = kind.label(lang).to_string();
    Ok(match ctx.publish(&stem, &text)? {
        (path, false) => Msg::DocumentWritten { document, path },
        (path, true) => Msg::DocumentPrinted { document, path },
    })
}
