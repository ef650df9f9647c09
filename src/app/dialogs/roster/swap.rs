//! 对调: two slots exchanged, each person taking the other's half-day and room.

use super::{RosterAction, RosterContext};
use crate::app::dialogs::form::{Field, FormValues, PickItem, ValueProblem};
use crate::domain::roster::{HalfDay, RosterEdit};
use crate::i18n::roster::{self as words, RosterText as T};

const OTHER: usize = 0;

pub fn fields(
    ctx: &RosterContext<'_>,
    first: (i64, HalfDay),
    others: &[(i64, HalfDay)],
) -> (String, Vec<String>, Vec<Field>) {
    let line = |staff: i64, when: HalfDay| {
        ctx.week
            .slots
            .iter()
            .find(|s| s.staff_id == staff && s.when() == when)
            .map(|s| {
                format!(
                    "{} {} {}",
                    words::when_short(ctx.lang, when),
                    s.staff_name,
                    s.room
                )
            })
            .unwrap_or_default()
    };
    let items = others
        .iter()
        .enumerate()
        .map(|(i, (staff, when))| {
            let name = ctx.name_of(*staff);
            PickItem {
                id: i64::try_from(i).unwrap_or(i64::MAX),
                name: line(*staff, *when),
                also: [crate::domain::lookup::name_initials(&name), name],
            }
        })
        .collect();
    (
        ctx.t(T::TitleSwap),
        vec![line(first.0, first.1), ctx.t(T::HintSwap)],
        vec![Field::pick(ctx.t(T::FieldSwapWith), items, false)],
    )
}

pub fn action(
    v: &FormValues<'_>,
    first: (i64, HalfDay),
    others: &[(i64, HalfDay)],
) -> Result<RosterAction, ValueProblem> {
    let picked = v.one_picked(OTHER)?;
    let other = usize::try_from(picked)
        .ok()
        .and_then(|i| others.get(i))
        .copied()
        .ok_or_else(|| ValueProblem::Missing(v.label_of(OTHER)))?;
    Ok(RosterAction::Edit(RosterEdit::Swap { a: first, b: other }))
}
