//! 阅批: a manager approves the opinion, with a note if there is one.

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
    Ok(Step::Approve { note: v.text(0) })
}
