//! 批量: the dialogs of a step taken on a manager's marked selection at once — a transfer to
//! one unit, a new first handler, or supervision by one supervisor — with the same fields as
//! on one case, and the step they make. The cases' numbers stand above the fields. Which steps
//! may be taken so is the domain's rule (`workflow::BULK_STEPS`).

use super::{Field, FormDialog, FormPurpose, FormValues, PickItem, ValueProblem};
use crate::domain::workflow::{Step, StepKind};
use crate::domain::{Staff, Unit};
use crate::i18n::{Label, Lang, Msg, Text};

const TRANSFER_KIND: usize = 0;
const LEAD: usize = 1;
const CO: usize = 2;
const REPORT_BY: usize = 3;

const NEW_HANDLER: usize = 0;
const REASON: usize = 1;

/// The dialog of `kind` on the cases `cases` (ids) numbered `numbers`, for `me`.
pub fn dialog(
    kind: StepKind,
    cases: Vec<i64>,
    numbers: &[String],
    units: &[Unit],
    staff: &[Staff],
    me: i64,
    lang: Lang,
) -> FormDialog {
    let t = |text: Text| text.get(lang).to_string();
    let unit_items: Vec<PickItem> = units
        .iter()
        .map(|u| PickItem {
            id: u.id,
            name: u.name.clone(),
            also: [u.initials.clone(), u.code.clone()],
        })
        .collect();
    let fields = match kind {
        StepKind::Supervise => super::supervise::supervisor_fields(lang, staff, Some(me)),
        StepKind::Assign => vec![
            Field::pick(
                t(Text::FieldNewFirstHandler),
                staff
                    .iter()
                    .filter(|s| s.active)
                    .map(|s| PickItem {
                        id: s.id,
                        name: s.name.clone(),
                        also: [
                            crate::domain::lookup::name_initials(&s.name),
                            s.login.clone(),
                        ],
                    })
                    .collect(),
                false,
            ),
            Field::lines(t(Text::FieldReason)),
        ],
        _ => vec![
            Field::choice(
                t(Text::FieldTransferKind),
                vec![t(Text::TransferOnly), t(Text::AssignWithReport)],
            ),
            Field::pick(t(Text::FieldLeadUnit), unit_items.clone(), false),
            Field::pick(t(Text::FieldCoUnits), unit_items, true),
            Field::date(t(Text::FieldReportBy)).only_when(TRANSFER_KIND, 1),
        ],
    };
    let title = Msg::BulkTitle {
        step: kind.label(lang).to_string(),
        count: cases.len(),
    }
    .text(lang);
    let context = vec![numbers.join(" ")];
    FormDialog::new(title, FormPurpose::Bulk { kind, cases }, context, fields)
}

/// The step the submitted dialog makes, the same for every case.
pub fn step(kind: StepKind, v: &FormValues<'_>) -> Result<Step, ValueProblem> {
    match kind {
        StepKind::Supervise => super::supervise::supervise_step(v),
        StepKind::Assign => Ok(Step::Assign {
            to_staff: v.one_picked(NEW_HANDLER)?,
            reason: v.required_text(REASON)?,
        }),
        _ => {
            let assign = v.choice(TRANSFER_KIND) == 1;
            Ok(Step::Transfer {
                lead_unit: v.one_picked(LEAD)?,
                co_units: v.picked(CO),
                assign,
                report_by: if assign {
                    Some(v.date(REPORT_BY)?)
                } else {
                    None
                },
            })
        }
    }
}
