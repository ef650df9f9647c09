//! 催办: urge the unit (or the handler), saying what was urged and by when a reply is wanted.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let mut context = super::ladder_context(ctx);
    context.push(Sv::UrgeHint.text(ctx.lang));
    (context, vec![Field::lines(Sv::FieldUrge.text(ctx.lang))])
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Urge {
        note: v.required_text(0)?,
    })
}
