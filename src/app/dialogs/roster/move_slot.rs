//! 调整: a slot moved to another date, half-day or room.

use super::{RosterAction, RosterContext, date_text};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::domain::roster::{HalfDay, RosterEdit};
use crate::i18n::roster::{RosterMsg, RosterText as T};

const DAY: usize = 0;
const HALF: usize = 1;
const ROOM: usize = 2;

pub fn fields(
    ctx: &RosterContext<'_>,
    staff_id: i64,
    from: HalfDay,
) -> (String, Vec<String>, Vec<Field>) {
    let slot = ctx
        .week
        .slots
        .iter()
        .find(|s| s.staff_id == staff_id && s.when() == from);
    let line = slot.map(|s| ctx.slot_line(s)).unwrap_or_default();
    let mut half = Field::choice(ctx.t(T::FieldHalf), ctx.half_options());
    half.choice = usize::from(from.afternoon);
    (
        RosterMsg::MoveTitle { slot: line }.text(ctx.lang),
        vec![ctx.t(T::HintDates)],
        vec![
            Field::date(ctx.t(T::FieldDay)).with_text(&date_text(from.day)),
            half,
            Field::line(ctx.t(T::FieldRoom))
                .with_text(&slot.map(|s| s.room.clone()).unwrap_or_default()),
        ],
    )
}

pub fn action(
    v: &FormValues<'_>,
    staff_id: i64,
    from: HalfDay,
) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::Edit(RosterEdit::Move {
        staff_id,
        from,
        to: HalfDay::new(v.date(DAY)?, v.choice(HALF) == 1),
        room: v.text(ROOM),
    }))
}
