//! Bulk loading in one transaction, for `xfdesk demo` (and later, imports): prepared
//! statements reused for every row, one audit entry for the whole load.

use super::audit::{self, Actor};
use super::{Result, Store, fmt_date, fmt_ts};
use crate::domain::{CaseState, Channel, MatterKind};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Statement, params};

pub struct BulkSink<'t> {
    petitioner: Statement<'t>,
    case: Statement<'t>,
    contact: Statement<'t>,
    case_number: Statement<'t>,
    clock: Statement<'t>,
}

/// One case to load, already numbered.
pub struct BulkCase<'a> {
    pub number: &'a str,
    pub petitioner_id: Option<i64>,
    pub kind: MatterKind,
    pub category_id: i64,
    pub unit_id: Option<i64>,
    pub expert_id: Option<i64>,
    pub state: CaseState,
    /// The channel of the first contact.
    pub channel: Channel,
    pub summary: &'a str,
    pub account: &'a str,
    pub received_at: NaiveDateTime,
    pub accept_due: NaiveDate,
    pub handle_due: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub staff_id: i64,
}

impl BulkSink<'_> {
    /// A petitioner, or the one already holding this ID number (a load run twice with the same
    /// seed meets the same people again: they come back, as people do).
    pub fn petitioner(
        &mut self,
        id_number: Option<&str>,
        name: &str,
        phone: Option<&str>,
        created: NaiveDateTime,
    ) -> Result<i64> {
        // The sequence digit before the check character is odd for men (GB 11643).
        let sex = id_number.and_then(|id| id.as_bytes().get(16)).map(|d| {
            if (d - b'0') % 2 == 1 {
                "male"
            } else {
                "female"
            }
        });
        Ok(self.petitioner.query_row(
            params![
                id_number,
                name,
                crate::domain::lookup::name_initials(name),
                sex,
                phone,
                fmt_ts(created)
            ],
            |r| r.get(0),
        )?)
    }

    pub fn case(&mut self, c: &BulkCase<'_>) -> Result<i64> {
        let received = fmt_ts(c.received_at);
        Ok(self.case.insert(params![
            c.number,
            c.petitioner_id,
            c.kind.code(),
            c.category_id,
            c.unit_id,
            c.expert_id,
            c.state.code(),
            c.summary,
            c.account,
            received,
            fmt_date(c.accept_due),
            c.handle_due.map(fmt_date),
            c.due.map(fmt_date),
            received,
            c.staff_id,
            c.channel.code(),
        ])?)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn contact(
        &mut self,
        case_id: i64,
        petitioner_id: Option<i64>,
        channel: Channel,
        received_at: NaiveDateTime,
        is_repeat: bool,
        head_count: u32,
        staff_id: i64,
    ) -> Result<()> {
        let at = fmt_ts(received_at);
        self.contact.execute(params![
            case_id,
            petitioner_id,
            channel.code(),
            at,
            is_repeat,
            head_count,
            staff_id,
            at
        ])?;
        Ok(())
    }

    /// A running clock on a case, already counted.
    pub fn clock(
        &mut self,
        case_id: i64,
        rule: &str,
        from: NaiveDate,
        period: crate::domain::calendar::Period,
        due: NaiveDate,
    ) -> Result<()> {
        self.clock.execute(params![
            case_id,
            rule,
            fmt_date(from),
            period.days,
            period.working,
            fmt_date(due)
        ])?;
        Ok(())
    }

    /// The next case number of a year. Taken inside the load's own write transaction, so
    /// loads and intakes running at once never hand out the same number.
    pub fn next_case_number(&mut self, year: i32) -> Result<String> {
        let seq: u32 = self.case_number.query_row([year], |r| r.get(0))?;
        Ok(crate::domain::case::case_number(year, seq))
    }
}

impl Store {
    /// Run `fill` with a sink whose rows are all saved in one transaction, with one audit
    /// entry saying what was loaded.
    pub fn bulk_load<T>(
        &mut self,
        actor: &Actor,
        action: &str,
        fill: impl FnOnce(&mut BulkSink<'_>) -> Result<(T, String)>,
    ) -> Result<T> {
        let now = self.now();
        // Random-order index inserts (petitioner ids, names) thrash the default 2 MB page
        // cache; a larger one for the load's duration makes a million-case load several times
        // faster. Restored afterwards so a long-lived session stays small.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -256 * 1024)?;
        let result = self.bulk_load_inner(actor, action, now, fill);
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn bulk_load_inner<T>(
        &mut self,
        actor: &Actor,
        action: &str,
        now: chrono::NaiveDateTime,
        fill: impl FnOnce(&mut BulkSink<'_>) -> Result<(T, String)>,
    ) -> Result<T> {
        self.write(|tx| {
            // Building the secondary indexes once at the end is faster than keeping them up to
            // date row by row. Dropped and re-created inside the same transaction, so other
            // sessions never see the tables without them.
            let indexes: Vec<(String, String)> = tx
                .prepare(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                     AND tbl_name IN ('cases', 'contacts', 'petitioners', 'clocks')",
                )?
                .query_map([], |r| r.try_into())?
                .collect::<std::result::Result<_, _>>()?;
            for (name, _) in &indexes {
                tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            }
            let words = super::search::pause_word_index(tx)?;
            let mut sink = BulkSink {
                petitioner: tx.prepare(
                    "INSERT INTO petitioners (id_number, name, name_initials, sex, phone, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(id_number) DO UPDATE SET id_number = excluded.id_number
                     RETURNING id",
                )?,
                case: tx.prepare(
                    "INSERT INTO cases (number, petitioner_id, kind, category_id, unit_id, expert_id,
                        state, summary, account, received_at, accept_due, handle_due, due,
                        version, updated_at, updated_by, channel, first_handler_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14, ?15,
                        ?16, ?15)",
                )?,
                contact: tx.prepare(
                    "INSERT INTO contacts (case_id, petitioner_id, channel, received_at, is_repeat,
                        head_count, recorded_by, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?,
                case_number: tx.prepare(
                    "INSERT INTO case_numbers (year, last) VALUES (?1, 1)
                     ON CONFLICT(year) DO UPDATE SET last = last + 1
                     RETURNING last",
                )?,
                clock: tx.prepare(
                    "INSERT INTO clocks (case_id, rule, started, days, working, due)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?,
            };
            let (value, detail) = fill(&mut sink)?;
            drop(sink);
            for (_, sql) in &indexes {
                tx.execute_batch(sql)?;
            }
            super::search::resume_word_index(tx, words)?;
            audit::append(tx, actor, now, action, "cases", None, &detail)?;
            Ok(value)
        })
    }

    /// Ids of staff holding a role, and of categories and units, for generators.
    pub fn ids(&self, table: &str) -> Result<Vec<i64>> {
        let sql = match table {
            "categories" => "SELECT id FROM categories ORDER BY id",
            "units" => "SELECT id FROM units ORDER BY id",
            "experts" => "SELECT staff_id FROM staff_roles WHERE role = 'expert' ORDER BY staff_id",
            other => {
                return Err(super::StoreError::Invalid(format!(
                    "no id list for {other}"
                )));
            }
        };
        let ids = self
            .conn
            .prepare(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ids)
    }

    /// Shrink the write-ahead log after a big load, so the next open starts small.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
