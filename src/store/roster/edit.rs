//! Changing the roster (managers): a slot added, moved, swapped, removed, a stand-in, a
//! weekly pattern set or ended, an expert's specialties. Each is checked by the domain against
//! the roster as it is inside the transaction, applied, and audited, in one transaction.

use super::{experts, pattern_by_id, state, weekday_number};
use crate::domain::Staff;
use crate::domain::permission::{Act, require};
use crate::domain::roster::edit::{self, PatternEnd};
use crate::domain::roster::{HalfDay, NewPattern, ProfileEdit, RosterEdit, RowChange};
use crate::store::audit::{self, Actor, Tx};
use crate::store::staff::acting;
use crate::store::{Result, Store, StoreError, fmt_date};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

/// What a change did, for the screen to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterChanged {
    Done,
    PatternAdded(i64),
    PatternEnded(PatternEnd),
}

/// Write the row changes the domain planned.
pub(crate) fn apply_changes(tx: &Tx<'_>, changes: &[RowChange]) -> Result<()> {
    for change in changes {
        match change {
            RowChange::Put(r) => {
                tx.execute(
                    "INSERT INTO duty_slots (staff_id, day, half, room, kind, substitute_for, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT(day, half, staff_id) DO UPDATE SET room = excluded.room,
                        kind = excluded.kind, substitute_for = excluded.substitute_for,
                        note = excluded.note",
                    params![
                        r.staff_id,
                        fmt_date(r.when.day),
                        r.when.half_code(),
                        r.room,
                        r.kind.code(),
                        r.substitute_for,
                        r.note
                    ],
                )?;
            }
            RowChange::Delete { when, staff_id } => {
                tx.execute(
                    "DELETE FROM duty_slots WHERE day = ?1 AND half = ?2 AND staff_id = ?3",
                    params![fmt_date(when.day), when.half_code(), staff_id],
                )?;
            }
        }
    }
    Ok(())
}

fn when_json(w: HalfDay) -> String {
    format!("{} {}", fmt_date(w.day), w.half_code())
}

fn audit_detail(edit: &RosterEdit) -> serde_json::Value {
    match edit {
        RosterEdit::Add {
            staff_id,
            when,
            room,
        } => {
            serde_json::json!({"edit": "add", "staff": staff_id, "when": when_json(*when), "room": room})
        }
        RosterEdit::Move {
            staff_id,
            from,
            to,
            room,
        } => {
            serde_json::json!({"edit": "move", "staff": staff_id, "from": when_json(*from), "to": when_json(*to), "room": room})
        }
        RosterEdit::Swap { a, b } => serde_json::json!({
            "edit": "swap",
            "a": {"staff": a.0, "when": when_json(a.1)},
            "b": {"staff": b.0, "when": when_json(b.1)},
        }),
        RosterEdit::Remove {
            staff_id,
            when,
            reason,
        } => {
            serde_json::json!({"edit": "remove", "staff": staff_id, "when": when_json(*when), "reason": reason})
        }
        RosterEdit::Substitute {
            absent,
            when,
            by,
            reason,
        } => {
            serde_json::json!({"edit": "substitute", "absent": absent, "by": by, "when": when_json(*when), "reason": reason})
        }
    }
}

impl Store {
    /// Change the dated roster (a manager): checked against the roster as it is now, written
    /// and audited in one transaction.
    pub fn edit_roster(&mut self, actor: &Staff, edit: RosterEdit) -> Result<RosterChanged> {
        require(actor, Act::EditRoster)?;
        let edit = edit.cleaned();
        let now = self.now();
        self.write(|tx| {
            let actor = acting(tx, actor, Act::EditRoster)?;
            let halves = edit.half_days();
            let (first, last) = match (halves.first(), halves.last()) {
                (Some(a), Some(b)) => (a.day, b.day),
                _ => return Err(StoreError::Invalid("a roster change touches no day".into())),
            };
            let current = state(tx, first, Some(last))?;
            let experts = experts(tx)?;
            let changes =
                edit::plan(&edit, &current, &experts, now.date()).map_err(StoreError::Roster)?;
            apply_changes(tx, &changes)?;
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                &format!("roster.{}", edit.code()),
                "roster",
                None,
                &audit_detail(&edit).to_string(),
            )?;
            Ok(RosterChanged::Done)
        })
    }

    /// Put `staff_id` on duty in `room` for the half-day of `at` (a manager): added, or moved
    /// to that room if they are on duty then in another; nothing if they are there already.
    pub fn put_on_duty(
        &mut self,
        actor: &Staff,
        staff_id: i64,
        at: NaiveDateTime,
        room: &str,
    ) -> Result<()> {
        let when = HalfDay::of(at);
        let on = super::on_duty(&self.conn, when)?;
        let edit = match on.iter().find(|a| a.staff_id == staff_id) {
            Some(a) if a.room == room.trim() => return Ok(()),
            Some(_) => RosterEdit::Move {
                staff_id,
                from: when,
                to: when,
                room: room.to_string(),
            },
            None => RosterEdit::Add {
                staff_id,
                when,
                room: room.to_string(),
            },
        };
        self.edit_roster(actor, edit).map(|_| ())
    }

    /// Set a weekly pattern (a manager), checked against the patterns there are and the dated
    /// rows it would meet. Returns its id.
    pub fn add_pattern(&mut self, actor: &Staff, new: NewPattern) -> Result<i64> {
        require(actor, Act::EditRoster)?;
        let now = self.now();
        self.write(|tx| {
            let actor = acting(tx, actor, Act::EditRoster)?;
            let current = state(tx, new.from, new.until)?;
            let experts = experts(tx)?;
            let new = edit::check_pattern(&new, &current, &experts, now.date())
                .map_err(StoreError::Roster)?;
            tx.execute(
                "INSERT INTO duty_patterns (staff_id, weekday, half, room, from_day, until_day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    new.staff_id,
                    weekday_number(new.weekday),
                    if new.afternoon { "pm" } else { "am" },
                    new.room,
                    fmt_date(new.from),
                    new.until.map(fmt_date)
                ],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "roster.pattern.add",
                "duty_pattern",
                Some(id),
                &serde_json::json!({
                    "staff": new.staff_id,
                    "weekday": weekday_number(new.weekday),
                    "half": if new.afternoon { "pm" } else { "am" },
                    "room": new.room,
                    "from": fmt_date(new.from),
                    "until": new.until.map(fmt_date),
                })
                .to_string(),
            )?;
            Ok(id)
        })
    }

    /// End a weekly pattern after `last_day` (a manager); one that never applied goes.
    pub fn end_pattern(
        &mut self,
        actor: &Staff,
        pattern_id: i64,
        last_day: NaiveDate,
    ) -> Result<PatternEnd> {
        require(actor, Act::EditRoster)?;
        let now = self.now();
        self.write(|tx| {
            let actor = acting(tx, actor, Act::EditRoster)?;
            let pattern = pattern_by_id(tx, pattern_id)?
                .ok_or(StoreError::Roster(edit::RosterError::NoSuchPattern))?;
            let end =
                edit::end_pattern(&pattern, last_day, now.date()).map_err(StoreError::Roster)?;
            match end {
                PatternEnd::Delete => {
                    tx.execute("DELETE FROM duty_patterns WHERE id = ?1", [pattern_id])?;
                }
                PatternEnd::Until(day) => {
                    tx.execute(
                        "UPDATE duty_patterns SET until_day = ?2 WHERE id = ?1",
                        params![pattern_id, fmt_date(day)],
                    )?;
                }
            }
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "roster.pattern.end",
                "duty_pattern",
                Some(pattern_id),
                &serde_json::json!({
                    "staff": pattern.staff_id,
                    "last_day": fmt_date(last_day),
                    "deleted": end == PatternEnd::Delete,
                })
                .to_string(),
            )?;
            Ok(end)
        })
    }

    /// An expert's rank, title, seniority and specialties (a manager), replacing what was
    /// recorded.
    pub fn set_expert_profile(&mut self, actor: &Staff, profile: ProfileEdit) -> Result<()> {
        require(actor, Act::EditRoster)?;
        let now = self.now();
        self.write(|tx| {
            let actor = acting(tx, actor, Act::EditRoster)?;
            let experts = experts(tx)?;
            let categories: Vec<i64> = tx
                .prepare_cached("SELECT id FROM categories")?
                .query_map([], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            let profile = edit::check_profile(&profile, &experts, &categories, now.date())
                .map_err(StoreError::Roster)?;
            tx.execute(
                "INSERT INTO expert_profiles (staff_id, rank, title, since) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(staff_id) DO UPDATE SET rank = excluded.rank,
                    title = excluded.title, since = excluded.since",
                params![
                    profile.staff_id,
                    profile.rank.code(),
                    profile.title,
                    profile.since.map(fmt_date)
                ],
            )?;
            tx.execute(
                "DELETE FROM staff_specialties WHERE staff_id = ?1",
                [profile.staff_id],
            )?;
            for c in &profile.specialties {
                tx.execute(
                    "INSERT INTO staff_specialties (staff_id, category_id) VALUES (?1, ?2)",
                    params![profile.staff_id, c],
                )?;
            }
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "roster.profile",
                "staff",
                Some(profile.staff_id),
                &serde_json::json!({
                    "rank": profile.rank.code(),
                    "title": profile.title,
                    "since": profile.since.map(fmt_date),
                    "specialties": profile.specialties,
                })
                .to_string(),
            )
        })
    }
}
