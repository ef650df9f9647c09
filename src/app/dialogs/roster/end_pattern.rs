//! 停止每周固定安排: a weekly pattern ends after a last day (one not begun yet goes).

use super::{RosterAction, RosterContext, date_text};
use crate::app::dialogs::form::{Field, FormValues, ValueProblem};
use crate::i18n::roster::{self as words, RosterMsg, RosterText as T};
use chrono::{Datelike, Duration};

const LAST_DAY: usize = 0;

pub fn fields(ctx: &RosterContext<'_>, pattern_id: i64) -> (String, Vec<String>, Vec<Field>) {
    let line = ctx
        .pattern
        .filter(|p| p.pattern.id == pattern_id)
        .map(|p| {
            RosterMsg::PatternLine {
                weekday: words::weekday(ctx.lang, p.pattern.weekday).to_string(),
                half: words::half(ctx.lang, p.pattern.afternoon).to_string(),
                name: p.staff_name.clone(),
                room: p.pattern.room.clone(),
            }
            .text(ctx.lang)
        })
        .unwrap_or_default();
    // The end of this week: from next Monday it no longer applies.
    let sunday =
        ctx.today + Duration::days(i64::from(6 - ctx.today.weekday().num_days_from_monday()));
    (
        ctx.t(T::TitleEndPattern),
        vec![line, ctx.t(T::HintDates)],
        vec![Field::date(ctx.t(T::FieldLastDay)).with_text(&date_text(sunday))],
    )
}

pub fn action(v: &FormValues<'_>, pattern_id: i64) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::EndPattern {
        pattern_id,
        last_day: v.date(LAST_DAY)?,
    })
}
