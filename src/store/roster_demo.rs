//! The sample roster at the moment it is loaded: whatever the day and hour, an expert is on
//! duty for each specialty the sample covers, so that a new desk (and the demo) can route a
//! visitor at once.

use super::Result;
use super::audit::Tx;
use super::roster::{edit::apply_changes, experts, on_duty};
use crate::domain::reference::ReferenceData;
use crate::domain::roster::{DutyRow, HalfDay, Rank, RowChange, RowKind};
use chrono::NaiveDateTime;

/// Put sample experts on duty for the half-day of `now` until every category of the sample's
/// specialties is covered, each in their own room (never one someone is in).
pub(crate) fn cover_now(tx: &Tx<'_>, data: &ReferenceData, now: NaiveDateTime) -> Result<()> {
    let when = HalfDay::of(now);
    let experts = experts(tx)?;
    let category_id = |code: &str| -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        Ok(tx
            .query_row("SELECT id FROM categories WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()?)
    };
    let mut on = on_duty(tx, when)?;
    for def in &data.roster {
        for code in &def.specialties {
            let Some(category) = category_id(code)? else {
                continue;
            };
            let covered = on.iter().any(|a| {
                experts
                    .iter()
                    .any(|e| e.staff_id == a.staff_id && e.specialties.contains(&category))
            });
            if covered {
                continue;
            }
            // The first sample cadre who takes it, is free now and whose room is free (a
            // leader's days are the office's 领导接访日, not filled in here).
            let pick = data.roster.iter().find_map(|d| {
                let e = experts.iter().find(|e| e.login == d.login && e.eligible)?;
                let free = !on
                    .iter()
                    .any(|a| a.staff_id == e.staff_id || a.room == d.room);
                (free && e.rank == Rank::Cadre && e.specialties.contains(&category))
                    .then_some((e.staff_id, d.room.clone()))
            });
            let Some((staff_id, room)) = pick else {
                continue;
            };
            apply_changes(
                tx,
                &[RowChange::Put(DutyRow {
                    when,
                    staff_id,
                    kind: RowKind::On,
                    room,
                    substitute_for: None,
                    note: String::new(),
                })],
            )?;
            on = on_duty(tx, when)?;
        }
    }
    Ok(())
}
