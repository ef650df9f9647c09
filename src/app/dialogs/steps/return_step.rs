//! A manager returns the case to the step before it, saying why.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::{Label, Msg, Text};

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let back = ctx.case.facts.previous_state().map(|s| {
        Msg::ReturnsTo {
            state: s.label(ctx.lang).to_string(),
        }
        .text(ctx.lang)
    });
    (
        back.into_iter().collect(),
        vec![Field::lines(ctx.t(Text::FieldReason))],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Return {
        reason: v.required_text(0)?,
    })
}
