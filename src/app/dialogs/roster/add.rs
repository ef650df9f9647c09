//! 增加值班: an expert on duty at a date and half-day, in a room.

use super::{RosterAction, RosterContext, date_text};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::domain::roster::{HalfDay, RosterEdit};
use crate::i18n::roster::RosterText as T;

const EXPERT: usize = 0;
const DAY: usize = 1;
const HALF: usize = 2;
const ROOM: usize = 3;

pub fn fields(ctx: &RosterContext<'_>) -> (String, Vec<String>, Vec<Field>) {
    // The selected slot's half-day, else today: the likeliest place to add to.
    let (day, afternoon) = match ctx.slot {
        Some(s) => (s.day, s.afternoon),
        None => (ctx.today, false),
    };
    let mut half = Field::choice(ctx.t(T::FieldHalf), ctx.half_options());
    half.choice = usize::from(afternoon);
    (
        ctx.t(T::TitleAddSlot),
        vec![ctx.t(T::HintDates)],
        vec![
            Field::pick(ctx.t(T::FieldExpert), ctx.expert_items(), false),
            Field::date(ctx.t(T::FieldDay)).with_text(&date_text(day)),
            half,
            Field::line(ctx.t(T::FieldRoom)),
        ],
    )
}

pub fn action(v: &FormValues<'_>) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::Edit(RosterEdit::Add {
        staff_id: v.one_picked(EXPERT)?,
        when: HalfDay::new(v.date(DAY)?, v.choice(HALF) == 1),
        room: v.text(ROOM),
    }))
}
