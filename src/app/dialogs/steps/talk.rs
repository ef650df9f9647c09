//! 约谈: a talk with the responsible unit's head, recorded: when, with whom (name and post),
//! what was said and promised.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    (
        super::ladder_context(ctx),
        vec![
            Field::date(Sv::FieldHeldOn.text(ctx.lang)).with_text(&ctx.today_text()),
            Field::line(Sv::FieldTalkWith.text(ctx.lang)),
            Field::lines(Sv::FieldTalkNotes.text(ctx.lang)),
        ],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Talk {
        held_on: v.date(0)?,
        with: v.required_text(1)?,
        notes: v.required_text(2)?,
    })
}
