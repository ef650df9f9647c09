//! 审核: a manager accepts the unit's reply, or returns it to the unit with a reason.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let fields = vec![
        Field::choice(
            ctx.t(Text::FieldDecision),
            vec![ctx.t(Text::AcceptReply), ctx.t(Text::ReturnToUnit)],
        ),
        Field::lines(ctx.t(Text::FieldReason)).only_when(0, 1),
    ];
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    let accept = v.choice(0) == 0;
    Ok(Step::Review {
        accept,
        reason: if accept {
            String::new()
        } else {
            v.required_text(1)?
        },
    })
}
