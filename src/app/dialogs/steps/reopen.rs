//! A 复查 or 复核 request on a closed case (Art. 35–36): its level, when it was received, what
//! it asks; after 复核, a manager's reason to accept it again.

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::{ReviewLevel, Step};
use crate::i18n::{Label, Text};

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let levels = [ReviewLevel::Review, ReviewLevel::ReReview];
    let mut level = Field::choice(
        ctx.t(Text::FieldLevel),
        levels
            .iter()
            .map(|l| l.label(ctx.lang).to_string())
            .collect(),
    );
    level.choice = usize::from(ctx.case.facts.round >= 1);
    let mut fields = vec![
        level,
        Field::date(ctx.t(Text::FieldReceivedOn)).with_text(&ctx.today_text()),
        Field::lines(ctx.t(Text::FieldRequest)),
    ];
    if ctx.case.facts.round >= 2 {
        fields.push(Field::lines(ctx.t(Text::FieldOverrideReason)));
    }
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Reopen {
        level: if v.choice(0) == 0 {
            ReviewLevel::Review
        } else {
            ReviewLevel::ReReview
        },
        received_on: v.date(1)?,
        request: v.required_text(2)?,
        override_reason: (ctx.case.facts.round >= 2).then(|| v.text(3)),
    })
}
