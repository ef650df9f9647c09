//! 问责建议: a proposal that a unit or person be held accountable, with the facts and the
//! measure proposed. The unit the case is with is offered as the one named.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::text::clean_line;
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let unit = ctx.case.unit.as_deref().map(clean_line).unwrap_or_default();
    (
        super::ladder_context(ctx),
        vec![
            Field::line(Sv::FieldAccountable.text(ctx.lang)).with_text(&unit),
            Field::lines(Sv::FieldProposal.text(ctx.lang)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Accountability {
        target: v.required_text(0)?,
        proposal: v.required_text(1)?,
    })
}
