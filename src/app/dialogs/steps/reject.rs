//! 不予受理: the approved opinion's reason and legal channel stand; the notice (不予受理告知书)
//! is generated from them.

use super::{Field, FormValues, StepContext, ValueProblem, opinion_line};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        opinion_line(ctx).into_iter().collect(),
        vec![Field::lines(ctx.t(Text::FieldNote))],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Reject { note: v.text(0) })
}
