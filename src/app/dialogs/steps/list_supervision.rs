//! 挂牌督办: the office's leadership lists the case for supervision, with why and the day the
//! matter must be settled by.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let by = ctx.today + chrono::Duration::days(15);
    (
        super::ladder_context(ctx),
        vec![
            Field::lines(Sv::FieldListWhy.text(ctx.lang)),
            Field::date(Sv::FieldSettleBy.text(ctx.lang))
                .with_text(&by.format("%Y-%m-%d").to_string()),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::ListSupervision {
        reason: v.required_text(0)?,
        report_by: v.date(1)?,
    })
}
