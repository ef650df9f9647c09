//! 调查处理意见: the unit's findings and its proposed resolution, entered by a supervisor.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        ctx.case
            .unit
            .iter()
            .map(|u| crate::domain::text::clean_line(u))
            .collect(),
        vec![
            Field::lines(ctx.t(Text::FieldFindings)),
            Field::lines(ctx.t(Text::FieldResolution)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Reply {
        findings: v.required_text(0)?,
        resolution: v.required_text(1)?,
    })
}
