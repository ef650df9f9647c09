//! 反馈/答复: how the reply reached the petitioner, on which day, and their evaluation (the
//! 满意度评价 offices are assessed on).

use super::{Field, FormValues, StepContext, ValueProblem, options};
use crate::domain::workflow::{FeedbackWay, Rating, Step};
use crate::i18n::Text;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let fields = vec![
        Field::choice(ctx.t(Text::FieldWay), options(&FeedbackWay::ALL, ctx.lang)),
        Field::date(ctx.t(Text::FieldDate)).with_text(&ctx.today_text()),
        Field::choice(ctx.t(Text::FieldRating), options(&Rating::ALL, ctx.lang)),
        Field::lines(ctx.t(Text::FieldNote)),
    ];
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Feedback {
        way: FeedbackWay::ALL
            .get(v.choice(0))
            .copied()
            .unwrap_or(FeedbackWay::InPerson),
        on: v.date(1)?,
        rating: Rating::ALL
            .get(v.choice(2))
            .copied()
            .unwrap_or(Rating::NotGiven),
        note: v.text(3),
    })
}
