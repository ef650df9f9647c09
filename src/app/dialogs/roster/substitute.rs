//! 替班: someone stands in for an absent expert, in the absent expert's room.

use super::{RosterAction, RosterContext};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::domain::roster::{HalfDay, RosterEdit};
use crate::i18n::roster::RosterText as T;

const BY: usize = 0;
const REASON: usize = 1;

pub fn fields(
    ctx: &RosterContext<'_>,
    absent: i64,
    when: HalfDay,
) -> (String, Vec<String>, Vec<Field>) {
    let line = ctx
        .week
        .slots
        .iter()
        .find(|s| s.staff_id == absent && s.when() == when)
        .map(|s| ctx.slot_line(s))
        .unwrap_or_default();
    let items = ctx
        .expert_items()
        .into_iter()
        .filter(|i| i.id != absent)
        .collect();
    (
        ctx.t(T::TitleSubstitute),
        vec![line, ctx.t(T::HintSubstitute)],
        vec![
            Field::pick(ctx.t(T::FieldStandIn), items, false),
            Field::line(ctx.t(T::FieldReasonOptional)),
        ],
    )
}

pub fn action(
    v: &FormValues<'_>,
    absent: i64,
    when: HalfDay,
) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::Edit(RosterEdit::Substitute {
        absent,
        when,
        by: v.one_picked(BY)?,
        reason: v.text(REASON),
    }))
}
