//! 回避 (Art. 28): a staff member with an interest in the matter steps aside; routing and
//! assignment skip them from then on.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (vec![], vec![Field::lines(ctx.t(Text::FieldReason))])
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Recuse {
        reason: v.required_text(0)?,
    })
}
