//! Bulk loading in batches, for `xfdesk demo` (and later, imports): prepared statements reused
//! for every row, one short transaction and one audit entry per batch, so other sessions save
//! between batches.

use super::audit::{self, Actor};
use super::{Result, Store, fmt_date, fmt_ts};
use crate::domain::{CaseState, Channel, MatterKind};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{CachedStatement, params};

pub struct BulkSink<'t> {
    conn: &'t rusqlite::Connection,
    petitioner: CachedStatement<'t>,
    case: CachedStatement<'t>,
    contact: CachedStatement<'t>,
    case_number: CachedStatement<'t>,
    clock: CachedStatement<'t>,
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
    /// When it was last worked on (its last step that was not supervision).
    pub updated_at: NaiveDateTime,
    pub accept_due: NaiveDate,
    pub handle_due: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// Who recorded it, and its first handler (首办责任人).
    pub staff_id: i64,
    /// The leader in personal charge (领导包案), if any.
    pub leader_id: Option<i64>,
    /// The supervisor following the case (督办), if any.
    pub supervisor_id: Option<i64>,
}

/// A clock as it stands, started on `started` and stopped on `stopped` (None: running).
pub struct BulkClock<'a> {
    pub rule: &'a str,
    pub started: NaiveDate,
    pub period: crate::domain::calendar::Period,
    pub extension_days: u32,
    pub due: NaiveDate,
    pub stopped: Option<NaiveDate>,
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
            fmt_ts(c.updated_at),
            c.staff_id,
            c.leader_id,
            c.supervisor_id,
            c.channel.code(),
        ])?)
    }

    /// A notice (通报) issued at `at` by `staff_id`, naming the unit and the one case; numbered
    /// after the notices of its year already in the file.
    pub fn notice(
        &mut self,
        at: NaiveDateTime,
        staff_id: i64,
        unit_id: i64,
        case_id: i64,
        failure: &str,
    ) -> Result<()> {
        use chrono::Datelike;
        let year = at.date().year();
        let seq: u32 = self.conn.query_row(
            "SELECT count(*) + 1 FROM notices WHERE number GLOB ?1",
            [format!("TB-{year}-*")],
            |r| r.get(0),
        )?;
        self.conn.execute(
            "INSERT INTO notices (number, at, staff_id, unit_id, failure, measures)
             VALUES (?1, ?2, ?3, ?4, ?5, '限期整改，十日内书面报告整改情况')",
            params![
                crate::domain::supervision::notice::notice_number(year, seq),
                fmt_ts(at),
                staff_id,
                unit_id,
                failure
            ],
        )?;
        self.conn.execute(
            "INSERT INTO notice_cases (notice_id, case_id) VALUES (?1, ?2)",
            params![self.conn.last_insert_rowid(), case_id],
        )?;
        Ok(())
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

    /// A clock on a case, already counted.
    pub fn clock(&mut self, case_id: i64, c: &BulkClock<'_>) -> Result<()> {
        self.clock.execute(params![
            case_id,
            c.rule,
            fmt_date(c.started),
            c.period.days,
            c.period.working,
            c.extension_days,
            fmt_date(c.due),
            c.stopped.map(fmt_date),
        ])?;
        Ok(())
    }

    /// A step taken on the case in the past, recorded as the step itself records it.
    #[allow(clippy::too_many_arguments)]
    pub fn step(
        &mut self,
        case_id: i64,
        step: &crate::domain::workflow::Step,
        round: u8,
        from: CaseState,
        to: Option<CaseState>,
        at: NaiveDateTime,
        staff_id: i64,
    ) -> Result<i64> {
        super::workflow::insert_step(
            self.conn,
            &super::workflow::StepRow {
                case_id,
                step,
                round,
                from,
                to,
                at,
                staff_id,
            },
        )
    }

    /// The next case number of a year. Taken inside the load's own write transaction, so
    /// loads and intakes running at once never hand out the same number.
    pub fn next_case_number(&mut self, year: i32) -> Result<String> {
        let seq: u32 = self.case_number.query_row([year], |r| r.get(0))?;
        Ok(crate::domain::case::case_number(year, seq))
    }
}

/// Cases per transaction in a bulk load. Each batch is one short write transaction, so a
/// receptionist's save waits for one batch at most, never for the whole load (DESIGN §7: bulk
/// loads commit in batches so the desk keeps working). Smaller batches shorten that wait but
/// write the randomly placed index pages (ID numbers, names, phones) again for every batch.
pub const BATCH_CASES: usize = 5_000;

impl Store {
    /// Set the connection up for a bulk load (`on`), or back for ordinary work.
    ///
    /// - A large page cache: random-order index inserts thrash the default 2 MB one.
    /// - Fewer automatic WAL checkpoints (every 50,000 pages, about 200 MB, instead of 1,000):
    ///   a page written by many batches is copied into the database once, not once a batch.
    pub fn bulk_mode(&mut self, on: bool) -> Result<()> {
        let (cache_kib, checkpoint_pages): (i64, i64) = if on {
            (256 * 1024, 50_000)
        } else {
            (2 * 1024, 1_000)
        };
        self.conn.pragma_update(None, "cache_size", -cache_kib)?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", checkpoint_pages)?;
        Ok(())
    }

    /// Load one batch: `fill` gets a sink whose rows are saved in one `BEGIN IMMEDIATE`
    /// transaction, with one audit entry saying what was loaded (`fill` returns it). The
    /// actor's account is read afresh inside the transaction and must still be allowed to load
    /// demo data. Call it once per [`BATCH_CASES`] cases or so.
    pub fn bulk_load<T>(
        &mut self,
        actor: &crate::domain::Staff,
        action: &str,
        fill: impl FnOnce(&mut BulkSink<'_>) -> Result<(T, String)>,
    ) -> Result<T> {
        let now = self.now();
        self.write(|tx| {
            super::staff::acting(tx, actor, crate::domain::permission::Act::LoadDemoData)?;
            let words = super::search::pause_word_index(tx)?;
            let mut sink = BulkSink {
                conn: tx,
                petitioner: tx.prepare_cached(
                    "INSERT INTO petitioners (id_number, name, name_initials, sex, phone, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(id_number) DO UPDATE SET id_number = excluded.id_number
                     RETURNING id",
                )?,
                case: tx.prepare_cached(
                    "INSERT INTO cases (number, petitioner_id, kind, category_id, unit_id, expert_id,
                        state, summary, account, received_at, accept_due, handle_due, due,
                        version, updated_at, updated_by, first_handler_id, leader_id, supervisor_id,
                        channel)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14, ?15,
                        ?15, ?16, ?17, ?18)",
                )?,
                contact: tx.prepare_cached(
                    "INSERT INTO contacts (case_id, petitioner_id, channel, received_at, is_repeat,
                        head_count, recorded_by, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?,
                case_number: tx.prepare_cached(
                    "INSERT INTO case_numbers (year, last) VALUES (?1, 1)
                     ON CONFLICT(year) DO UPDATE SET last = last + 1
                     RETURNING last",
                )?,
                clock: tx.prepare_cached(
                    "INSERT INTO clocks (case_id, rule, started, days, working, extension_days,
                        due, stopped)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?,
            };
            let (value, detail) = fill(&mut sink)?;
            drop(sink);
            super::search::resume_word_index(tx, words)?;
            audit::append(tx, &Actor::from(actor), now, action, "cases", None, &detail)?;
            Ok(value)
        })
    }

    /// Up to `n` open cases spread evenly over all open cases (by id), for benchmarks that
    /// act on cases across the database rather than on the newest few.
    pub fn open_case_ids(&self, n: usize) -> Result<Vec<i64>> {
        let all: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM cases WHERE state <> 'closed' ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let every = (all.len() / n.max(1)).max(1);
        Ok(all.into_iter().step_by(every).take(n).collect())
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
