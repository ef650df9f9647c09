//! 增加每周固定安排: someone on duty every such weekday and half-day, in a room, from a day
//! (until a last day, or for good).

use super::{RosterAction, RosterContext, WEEKDAYS, date_text, optional_date};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::domain::roster::NewPattern;
use crate::i18n::roster::{self as words, RosterText as T};
use chrono::Weekday;

const EXPERT: usize = 0;
const WEEKDAY: usize = 1;
const HALF: usize = 2;
const ROOM: usize = 3;
const FROM: usize = 4;
const UNTIL: usize = 5;

pub fn fields(ctx: &RosterContext<'_>) -> (String, Vec<String>, Vec<Field>) {
    let days = WEEKDAYS
        .iter()
        .map(|d| words::weekday(ctx.lang, *d).to_string())
        .collect();
    // From the week on show, or today if that week has begun.
    let from = ctx.week.monday.map_or(ctx.today, |m| m.max(ctx.today));
    (
        ctx.t(T::TitleAddPattern),
        vec![ctx.t(T::HintPattern)],
        vec![
            Field::pick(ctx.t(T::FieldExpert), ctx.expert_items(), false),
            Field::choice(ctx.t(T::FieldWeekday), days),
            Field::choice(ctx.t(T::FieldHalf), ctx.half_options()),
            Field::line(ctx.t(T::FieldRoom)),
            Field::date(ctx.t(T::FieldFrom)).with_text(&date_text(from)),
            Field::date(ctx.t(T::FieldUntil)),
        ],
    )
}

pub fn action(v: &FormValues<'_>) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::AddPattern(NewPattern {
        staff_id: v.one_picked(EXPERT)?,
        weekday: WEEKDAYS
            .get(v.choice(WEEKDAY))
            .copied()
            .unwrap_or(Weekday::Mon),
        afternoon: v.choice(HALF) == 1,
        room: v.text(ROOM),
        from: v.date(FROM)?,
        until: optional_date(v, UNTIL)?,
    }))
}
