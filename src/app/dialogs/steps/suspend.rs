//! Suspending the clocks for an appraisal or a hearing: the days from–to do not count.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        vec![],
        vec![
            Field::date(ctx.t(Text::FieldFrom)).with_text(&ctx.today_text()),
            Field::date(ctx.t(Text::FieldUntil)),
            Field::lines(ctx.t(Text::FieldReason)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Suspend {
        from: v.date(0)?,
        to: v.date(1)?,
        reason: v.required_text(2)?,
    })
}
