//! 取消值班: someone taken off duty at a half-day, with the reason.

use super::{RosterAction, RosterContext};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::domain::roster::{HalfDay, RosterEdit};
use crate::i18n::roster::RosterText as T;

const REASON: usize = 0;

pub fn fields(
    ctx: &RosterContext<'_>,
    staff_id: i64,
    when: HalfDay,
) -> (String, Vec<String>, Vec<Field>) {
    let line = ctx
        .week
        .slots
        .iter()
        .find(|s| s.staff_id == staff_id && s.when() == when)
        .map(|s| ctx.slot_line(s))
        .unwrap_or_default();
    (
        ctx.t(T::TitleRemove),
        vec![line],
        vec![Field::line(ctx.t(T::FieldReasonOptional))],
    )
}

pub fn action(
    v: &FormValues<'_>,
    staff_id: i64,
    when: HalfDay,
) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::Edit(RosterEdit::Remove {
        staff_id,
        when,
        reason: v.text(REASON),
    }))
}
