//! 回访 after closing: is the matter settled (案结事了) or not (案了事未了)?

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let fields = vec![
        Field::choice(
            ctx.t(Text::FieldFollowUp),
            vec![ctx.t(Text::Settled), ctx.t(Text::NotSettled)],
        ),
        Field::lines(ctx.t(Text::FieldNote)),
    ];
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::FollowUp {
        settled: v.choice(0) == 0,
        note: v.text(1),
    })
}
