//! A request that a manager extend the handling deadline (条例 Art. 34: once, at most 30 days,
//! the reason told to the person): recorded here, granted by the manager's own extension.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let mut context = super::ladder_context(ctx);
    context.push(Sv::ExtendHint { max: 30 }.text(ctx.lang));
    (
        context,
        vec![
            Field::number(Sv::FieldDaysAsked.text(ctx.lang)).with_text("30"),
            Field::lines(Sv::FieldWhyExtend.text(ctx.lang)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::ExtensionRequest {
        days: v.number(0)?,
        reason: v.required_text(1)?,
    })
}
