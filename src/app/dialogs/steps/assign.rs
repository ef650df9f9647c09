//! Reassigning the first handler (首办责任人), with the reason.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        ctx.case
            .first_handler
            .iter()
            .map(|n| crate::domain::text::clean_line(n))
            .collect(),
        vec![
            Field::pick(ctx.t(Text::FieldNewFirstHandler), ctx.staff_items(), false),
            Field::lines(ctx.t(Text::FieldReason)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Assign {
        to_staff: v.one_picked(0)?,
        reason: v.required_text(1)?,
    })
}
