//! Loading reference data into the database (by `init`) and reading it back.

use super::audit::{self, Actor};
use super::clocks::put_calendar_year;
use super::staff::upsert_staff;
use super::{Result, Store, fmt_date, fmt_ts};
use crate::domain::Role;
pub use crate::domain::reference::ReferenceData;
use crate::domain::reference::parse_slot;
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

impl Store {
    /// Load categories, units, rules, calendars and the sample roster (its experts' profiles,
    /// and weekly patterns for `weeks` weeks from the Monday of `today`'s week, 0 for good;
    /// an expert on duty now for each of its specialties). Existing rows keep their ids;
    /// names update.
    pub fn load_reference(
        &mut self,
        actor: &Actor,
        data: &ReferenceData,
        today: NaiveDate,
        weeks: u32,
    ) -> Result<()> {
        let now = self.now();
        let now_text = fmt_ts(now);
        self.write_anchored("reference.load", |tx| {
            for c in &data.categories {
                tx.execute(
                    "INSERT INTO categories (code, name_zh, name_en, initials) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh,
                        name_en = excluded.name_en, initials = excluded.initials",
                    params![c.code, c.name_zh, c.name_en, c.initials],
                )?;
            }
            for u in &data.units {
                tx.execute(
                    "INSERT INTO units (code, name, initials) VALUES (?1, ?2, ?3)
                     ON CONFLICT(code) DO UPDATE SET name = excluded.name, initials = excluded.initials",
                    params![u.code, u.name, u.initials],
                )?;
            }
            for r in &data.rules {
                tx.execute(
                    "INSERT INTO deadline_rules (name, event, days, working, article)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(name) DO NOTHING",
                    params![r.name, r.from, r.days, r.working, r.article],
                )?;
            }
            for cal in &data.calendars {
                put_calendar_year(tx, cal)?;
            }
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('office_tz', 'Asia/Shanghai')
                 ON CONFLICT(key) DO NOTHING",
                [],
            )?;
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            let until = (weeks > 0).then(|| monday + Duration::days(i64::from(weeks * 7) - 1));
            for e in &data.roster {
                let existing: Option<i64> = tx
                    .query_row("SELECT id FROM staff WHERE login = ?1", [&e.login], |r| r.get(0))
                    .ok();
                let staff_id = match existing {
                    Some(id) => id,
                    None => upsert_staff(tx, &e.login, &e.name, &[Role::Expert], &now_text)?,
                };
                for code in &e.specialties {
                    tx.execute(
                        "INSERT OR IGNORE INTO staff_specialties (staff_id, category_id)
                         SELECT ?1, id FROM categories WHERE code = ?2",
                        params![staff_id, code],
                    )?;
                }
                // What the office recorded of someone stays as it is.
                tx.execute(
                    "INSERT OR IGNORE INTO expert_profiles (staff_id, rank, title, since)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        staff_id,
                        e.rank.as_deref().unwrap_or("cadre"),
                        e.title,
                        e.since.map(fmt_date)
                    ],
                )?;
                for slot in &e.slots {
                    let Some((weekday, afternoon)) = parse_slot(slot) else {
                        continue;
                    };
                    tx.execute(
                        "INSERT INTO duty_patterns (staff_id, weekday, half, room, from_day, until_day)
                         SELECT ?1, ?2, ?3, ?4, ?5, ?6
                         WHERE NOT EXISTS (SELECT 1 FROM duty_patterns
                            WHERE staff_id = ?1 AND weekday = ?2 AND half = ?3)",
                        params![
                            staff_id,
                            weekday.number_from_monday(),
                            if afternoon { "pm" } else { "am" },
                            e.room,
                            fmt_date(monday),
                            until.map(fmt_date)
                        ],
                    )?;
                }
            }
            super::roster_demo::cover_now(tx, data, now)?;
            let years: Vec<String> = data.calendars.iter().map(|c| c.year.to_string()).collect();
            audit::append(
                tx,
                actor,
                now,
                "reference.load",
                "reference",
                None,
                &format!(
                    "{} categories, {} units, {} rules, calendars {}, {} experts on the roster",
                    data.categories.len(),
                    data.units.len(),
                    data.rules.len(),
                    years.join(","),
                    data.roster.len()
                ),
            )
        })
    }
}
