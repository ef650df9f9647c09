//! 直接办理: the office handles the matter itself; what was done, in words.

use super::{Field, FormValues, StepContext, ValueProblem, opinion_line};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        opinion_line(ctx).into_iter().collect(),
        vec![Field::lines(ctx.t(Text::FieldWhatWasDone))],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::HandleHere {
        note: v.required_text(0)?,
    })
}
