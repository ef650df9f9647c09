//! 批量: a manager marks cases in the list (Space) and takes one step on all of them at once —
//! a transfer, or a new first handler. The store takes it in one transaction: on every case,
//! or, if the step does not apply to some of them, on none, with each refusal in words.

use super::QueuePane;
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::form::{FormDialog, ValueProblem};
use crate::app::dialogs::steps::bulk;
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::workflow::StepKind;
use crate::i18n::{self, Label, Msg};

/// A case marked in the list: its id, and its number to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedCase {
    pub id: i64,
    pub number: String,
}

impl QueuePane {
    pub fn is_marked(&self, case_id: i64) -> bool {
        self.marked.iter().any(|m| m.id == case_id)
    }

    /// Mark the highlighted case, or unmark it, and move down a line (Space, Space, Space…).
    pub(super) fn toggle_mark(&mut self, ctx: &mut Ctx<'_>) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let id = row.row.id;
        if self.is_marked(id) {
            self.marked.retain(|m| m.id != id);
        } else {
            self.marked.push(MarkedCase {
                id,
                number: row.row.number.clone(),
            });
        }
        ctx.say(
            StatusKind::Info,
            Msg::Marked {
                count: self.marked.len(),
            },
        );
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
        }
    }

    pub(super) fn clear_marks(&mut self) {
        self.marked.clear();
    }

    /// Open the dialog of `kind` on the marked cases.
    pub(super) fn open_bulk(
        &mut self,
        kind: StepKind,
        ctx: &mut Ctx<'_>,
    ) -> crate::store::Result<()> {
        let staff = ctx.store.list_staff()?;
        let numbers: Vec<String> = self.marked.iter().map(|m| m.number.clone()).collect();
        let dialog = bulk::dialog(
            kind,
            self.marked.iter().map(|m| m.id).collect(),
            &numbers,
            &ctx.session.units,
            &staff,
            ctx.session.me.id,
            ctx.session.lang,
        );
        ctx.emit(AppEvent::Open(
            Some(Pane::Queue),
            Box::new(Dialog::Form(dialog)),
        ));
        Ok(())
    }

    /// Take the submitted step on every marked case. Ok: done (the marks are cleared); Err:
    /// why not, in words, with nothing changed.
    pub(super) fn submit_bulk(
        &mut self,
        kind: StepKind,
        cases: &[i64],
        form: &FormDialog,
        ctx: &mut Ctx<'_>,
    ) -> Result<(), String> {
        let lang = ctx.session.lang;
        let values = form.values();
        let step = bulk::step(kind, &values).map_err(|p| match p {
            ValueProblem::Missing(field) => Msg::ValueMissing { field }.text(lang),
            ValueProblem::BadDate(field) => Msg::ValueBadDate { field }.text(lang),
            ValueProblem::BadNumber(field) => Msg::ValueBadNumber { field }.text(lang),
        })?;
        let done = ctx
            .store
            .take_step_on_each(&ctx.session.me, cases, step)
            .map_err(|e| i18n::store_error(lang, &e))?;
        self.clear_marks();
        ctx.say(
            StatusKind::Success,
            Msg::BulkDone {
                step: kind.label(lang).to_string(),
                count: done.len(),
            },
        );
        ctx.emit(AppEvent::Reload);
        Ok(())
    }
}
