//! 督办单: what the unit is required to do and the day it reports by; the document itself is
//! issued from the case (`xfdesk doc NUMBER supervise`, or d in its detail).

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let by = ctx.today + chrono::Duration::days(7);
    (
        super::ladder_context(ctx),
        vec![
            Field::lines(Sv::FieldRequirement.text(ctx.lang)),
            Field::date(Sv::FieldReportBy.text(ctx.lang))
                .with_text(&by.format("%Y-%m-%d").to_string()),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::SupervisionOrder {
        requirement: v.required_text(0)?,
        report_by: v.date(1)?,
    })
}
