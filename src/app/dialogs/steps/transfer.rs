//! 转办 (or 交办, asking for a result report by a date): one lead unit and co-units. The
//! proposed unit comes first; an accusation's accused unit is refused by the domain.

use super::{Field, FormValues, StepContext, ValueProblem, opinion_line};
use crate::domain::workflow::Step;
use crate::i18n::Text;

const KIND: usize = 0;
const LEAD: usize = 1;
const CO: usize = 2;
const REPORT_BY: usize = 3;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let mut lead = Field::pick(ctx.t(Text::FieldLeadUnit), ctx.unit_items(), false);
    // The unit the approved opinion names is the lead unless the user picks another.
    if let Some(unit) = proposed_unit(ctx) {
        lead.picked = vec![unit];
    }
    let fields = vec![
        Field::choice(
            ctx.t(Text::FieldTransferKind),
            vec![ctx.t(Text::TransferOnly), ctx.t(Text::AssignWithReport)],
        ),
        lead,
        Field::pick(ctx.t(Text::FieldCoUnits), ctx.unit_items(), true),
        Field::date(ctx.t(Text::FieldReportBy)).only_when(KIND, 1),
    ];
    (opinion_line(ctx).into_iter().collect(), fields)
}

fn proposed_unit(ctx: &StepContext<'_>) -> Option<i64> {
    use crate::domain::timeline::TimelineItem;
    let name = ctx.case.timeline.iter().rev().find_map(|e| match &e.item {
        TimelineItem::Step(s) if s.kind == Some(crate::domain::workflow::StepKind::Propose) => {
            s.unit.clone()
        }
        _ => None,
    })?;
    ctx.units.iter().find(|u| u.name == name).map(|u| u.id)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    let assign = v.choice(KIND) == 1;
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
