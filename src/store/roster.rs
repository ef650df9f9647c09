//! The duty roster: who is on duty when and where, and the visitors waiting for them.

use super::audit;
use super::{Result, Store, fmt_date, fmt_ts, parse_date};
use crate::domain::permission::{Act, require};
use crate::domain::{DutySlot, Staff};
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rusqlite::params;

impl Store {
    /// Put `staff_id` on duty in `room` for the half-day of `at` (a manager). A slot the
    /// person already has then keeps its room.
    pub fn put_on_duty(
        &mut self,
        actor: &Staff,
        staff_id: i64,
        at: NaiveDateTime,
        room: &str,
    ) -> Result<()> {
        require(actor, Act::EditRoster)?;
        let now = self.now();
        let half = if at.hour() >= 12 { "pm" } else { "am" };
        let room = crate::domain::text::clean_line(room);
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO duty_slots (staff_id, day, half, room) VALUES (?1, ?2, ?3, ?4)",
                params![staff_id, fmt_date(at.date()), half, room],
            )?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "roster.slot.add",
                "staff",
                Some(staff_id),
                &format!("{} {half} {room} (at {})", fmt_date(at.date()), fmt_ts(at)),
            )
        })
    }

    /// Duty slots from `from` to `to` inclusive, with each expert's waiting visitors.
    pub fn duty_slots(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DutySlot>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.day, d.half, s.name, d.room, d.staff_id,
                (SELECT count(*) FROM cases c WHERE c.expert_id = d.staff_id AND c.state = 'with_expert'),
                (SELECT group_concat(cat.name_zh, '、') FROM staff_specialties sp
                   JOIN categories cat ON cat.id = sp.category_id WHERE sp.staff_id = d.staff_id)
             FROM duty_slots d JOIN staff s ON s.id = d.staff_id
             WHERE d.day >= ?1 AND d.day <= ?2
             ORDER BY d.day, d.half, d.room",
        )?;
        let raws: Vec<(String, String, String, String, u32, Option<String>)> = stmt
            .query_map(params![fmt_date(from), fmt_date(to)], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(|(day, half, name, room, waiting, specs)| {
                Ok(DutySlot {
                    day: parse_date(&day)?,
                    afternoon: half == "pm",
                    staff_name: name,
                    room,
                    specialties: specs
                        .map(|s| s.split('、').map(str::to_string).collect())
                        .unwrap_or_default(),
                    waiting,
                })
            })
            .collect()
    }
}
