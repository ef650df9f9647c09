//! 会审: the day it was held, the lead unit, the agreed solution, and each unit's share with
//! its own due date (up to three shares here; a blank row is skipped).

use super::{Field, FormValues, StepContext, ValueProblem};
use crate::domain::workflow::{JointShare, Step};
use crate::i18n::{Msg, Text};

const HELD_ON: usize = 0;
const LEAD: usize = 1;
const SOLUTION: usize = 2;
const SHARES: usize = 3;
const SHARE_ROWS: usize = 3;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let mut fields = vec![
        Field::date(ctx.t(Text::FieldHeldOn)).with_text(&ctx.today_text()),
        Field::pick(ctx.t(Text::FieldLeadUnit), ctx.unit_items(), false),
        Field::lines(ctx.t(Text::FieldSolution)),
    ];
    for n in 1..=SHARE_ROWS {
        fields.push(Field::pick(
            Msg::ShareUnit { n }.text(ctx.lang),
            ctx.unit_items(),
            false,
        ));
        fields.push(Field::line(Msg::ShareText { n }.text(ctx.lang)));
        fields.push(Field::date(Msg::ShareDue { n }.text(ctx.lang)));
    }
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    let mut shares = vec![];
    for row in 0..SHARE_ROWS {
        let (unit, text, due) = (SHARES + row * 3, SHARES + row * 3 + 1, SHARES + row * 3 + 2);
        if v.picked(unit).is_empty() && v.text(text).is_empty() && v.text(due).is_empty() {
            continue;
        }
        shares.push(JointShare {
            unit: v.one_picked(unit)?,
            share: v.required_text(text)?,
            due: v.date(due)?,
        });
    }
    Ok(Step::JointReview {
        held_on: v.date(HELD_ON)?,
        lead_unit: v.one_picked(LEAD)?,
        shares,
        solution: v.required_text(SOLUTION)?,
    })
}
