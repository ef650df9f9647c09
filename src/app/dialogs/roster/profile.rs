//! 专家信息: an expert's rank (leader or cadre), title, seniority and specialties.

use super::{RosterAction, RosterContext, date_text, optional_date};
use crate::app::dialogs::form::{Field, FormValues, PickItem, ValueProblem};
use crate::domain::roster::{ProfileEdit, Rank};
use crate::i18n::roster::{RosterMsg, RosterText as T};

const RANK: usize = 0;
const TITLE: usize = 1;
const SINCE: usize = 2;
const SPECIALTIES: usize = 3;

pub fn fields(ctx: &RosterContext<'_>, staff_id: i64) -> (String, Vec<String>, Vec<Field>) {
    let expert = ctx.experts.iter().find(|e| e.staff_id == staff_id);
    let mut rank = Field::choice(ctx.t(T::FieldRank), vec![ctx.t(T::Cadre), ctx.t(T::Leader)]);
    rank.choice = usize::from(expert.is_some_and(|e| e.rank == Rank::Leader));
    let items = ctx
        .categories
        .iter()
        .map(|c| PickItem {
            id: c.id,
            name: c.name_zh.clone(),
            also: [c.initials.clone(), c.code.clone()],
        })
        .collect();
    let mut specialties = Field::pick(ctx.t(T::FieldSpecialties), items, true);
    specialties.picked = expert.map(|e| e.specialties.clone()).unwrap_or_default();
    (
        RosterMsg::ProfileTitle {
            name: ctx.name_of(staff_id),
        }
        .text(ctx.lang),
        vec![ctx.t(T::HintDates)],
        vec![
            rank,
            Field::line(ctx.t(T::FieldTitle))
                .with_text(&expert.map(|e| e.title.clone()).unwrap_or_default()),
            Field::date(ctx.t(T::FieldSince)).with_text(
                &expert
                    .and_then(|e| e.since)
                    .map(date_text)
                    .unwrap_or_default(),
            ),
            specialties,
        ],
    )
}

pub fn action(
    v: &FormValues<'_>,
    staff_id: i64,
    _ctx: &RosterContext<'_>,
) -> Result<RosterAction, ValueProblem> {
    Ok(RosterAction::Profile(ProfileEdit {
        staff_id,
        rank: if v.choice(RANK) == 1 {
            Rank::Leader
        } else {
            Rank::Cadre
        },
        title: v.text(TITLE),
        since: optional_date(v, SINCE)?,
        specialties: v.picked(SPECIALTIES),
    }))
}
