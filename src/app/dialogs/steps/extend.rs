//! 延期 (Art. 34): once, at most the rule's days, with the reason told to the person.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        vec![],
        vec![
            Field::number(ctx.t(Text::FieldDays)).with_text("30"),
            Field::lines(ctx.t(Text::FieldReasonToldToPerson)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Extend {
        days: v.number(0)?,
        reason: v.required_text(1)?,
    })
}
