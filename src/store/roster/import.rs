//! A roster file imported (a manager): every line checked as the pane would check it, then
//! written in one transaction, or nothing at all.

use super::edit::apply_changes;
use super::{experts, state};
use crate::domain::Staff;
use crate::domain::permission::{Act, require};
use crate::domain::roster::import::{ImportRow, plan_import};
use crate::store::audit::{self, Actor};
use crate::store::staff::acting;
use crate::store::{Result, Store, StoreError, fmt_date};
use rusqlite::params;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportDone {
    /// Slots written.
    pub slots: usize,
    /// Half-days whose roster the file now is.
    pub half_days: usize,
}

impl Store {
    /// Make the file's rows the roster of the half-days they list: the explicit rows of those
    /// half-days are replaced, and whoever a weekly pattern puts on duty then and the file
    /// leaves out is taken off. Refused whole, naming the line, if any row fails a check.
    pub fn import_roster(&mut self, actor: &Staff, rows: &[ImportRow]) -> Result<ImportDone> {
        require(actor, Act::EditRoster)?;
        let now = self.now();
        self.write(|tx| {
            let actor = acting(tx, actor, Act::EditRoster)?;
            let (Some(first), Some(last)) = (
                rows.iter().map(|r| r.when.day).min(),
                rows.iter().map(|r| r.when.day).max(),
            ) else {
                return Ok(ImportDone {
                    slots: 0,
                    half_days: 0,
                });
            };
            let current = state(tx, first, Some(last))?;
            let experts = experts(tx)?;
            let plan = plan_import(rows, &experts, &current, now.date())
                .map_err(StoreError::RosterImport)?;
            for when in &plan.half_days {
                tx.execute(
                    "DELETE FROM duty_slots WHERE day = ?1 AND half = ?2",
                    params![fmt_date(when.day), when.half_code()],
                )?;
            }
            apply_changes(tx, &plan.changes)?;
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "roster.import",
                "roster",
                None,
                &serde_json::json!({
                    "slots": rows.len(),
                    "half_days": plan.half_days.len(),
                    "from": fmt_date(first),
                    "to": fmt_date(last),
                })
                .to_string(),
            )?;
            Ok(ImportDone {
                slots: rows.len(),
                half_days: plan.half_days.len(),
            })
        })
    }
}
