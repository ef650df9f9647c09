//! Finding cases: a page of a filtered, sorted, searched list by keyset (never OFFSET), in
//! either direction, and the number of matches (the queue and `xfdesk cases`).
//!
//! A search finds a case by number, by the person (ID number, phone, name, pinyin initials) or
//! by words of the summary and account; each way is one "arm", and a case matches if any arm
//! finds it. In id order (newest first) each arm is read as far as the page needs, the words
//! arm straight from the search index in rowid order without collecting its matches, and the
//! arms are merged here; "mine" (first handler or routed expert) is two arms the same way. In
//! the other orders the arms are one condition and SQLite sorts what they find.
//!
//! SQLite's planner works here without statistics (sampled ones led it to sort a million rows
//! for the first page), so each statement says which index should drive it: a term SQLite must
//! not drive from is written with a unary `+`. Lists of open cases are driven by the small
//! index that covers every filter column of open cases; others by the index of a selective
//! filter, by the search, or by the list's order.

use super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp};
use crate::domain::id_number::mask;
use crate::domain::query::{
    CaseQuery, ContactsFilter, Cursor, DueFilter, ListedCase, NumberQuery, Search, Sort,
    StateFilter,
};
use crate::domain::words::{WordQuery, index_text};
use crate::domain::{CaseRow, CaseState};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Row, params_from_iter};
use std::collections::HashMap;

/// Register the functions the schema's triggers and views call: `xf_words(summary, account)`
/// gives the text the search index holds (`domain::words::index_text`). Every connection that
/// writes cases needs it; the store registers it on each one it opens.
pub(crate) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "xf_words",
        2,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let text = |i: usize| match ctx.get_raw(i) {
                ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or_default(),
                _ => "",
            };
            Ok(index_text(&[text(0), text(1)]))
        },
    )
}

/// The search index's trigger for new cases, paused while a bulk load writes rows: the new
/// rows are indexed in one pass at the end (`resume_word_index`), in id order.
pub(crate) struct PausedWordIndex {
    trigger_sql: Option<String>,
    first_new_id: i64,
}

pub(crate) fn pause_word_index(tx: &Connection) -> Result<PausedWordIndex> {
    let trigger_sql: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'case_words_in'",
            [],
            |r| r.get(0),
        )
        .ok();
    if trigger_sql.is_some() {
        tx.execute_batch("DROP TRIGGER case_words_in")?;
    }
    let first_new_id: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM cases", [], |r| {
            r.get(0)
        })?;
    Ok(PausedWordIndex {
        trigger_sql,
        first_new_id,
    })
}

/// Index the rows loaded since the pause, and put the trigger back.
pub(crate) fn resume_word_index(tx: &Connection, paused: PausedWordIndex) -> Result<()> {
    let Some(sql) = paused.trigger_sql else {
        return Ok(());
    };
    // A larger in-memory buffer for the pass writes fewer, larger index segments (about a
    // fifth faster at a million cases); ordinary saves flush at every commit and keep the
    // default.
    tx.execute_batch("INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 67108864)")?;
    tx.execute(
        "INSERT INTO case_search (rowid, words)
         SELECT id, xf_words(summary, account) FROM cases WHERE id >= ?1 ORDER BY id",
        [paused.first_new_id],
    )?;
    tx.execute_batch("INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 1048576)")?;
    tx.execute_batch(&sql)?;
    Ok(())
}

/// The values of a statement, bound by number as its text is built.
#[derive(Default)]
struct Sql {
    params: Vec<Value>,
}

impl Sql {
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }
}

/// How a statement leads SQLite to its index.
#[derive(Debug, Clone, Copy)]
struct Steer {
    /// The list holds open cases only: the covering index of open cases drives, every other
    /// term is checked in it.
    open: bool,
    /// Counting (any index counts without reading rows) rather than reading in list order,
    /// where a filter most cases pass is better checked on the way than driven from.
    count: bool,
    /// An arm of the search drives (a person's cases, a number): every filter is checked on
    /// what it finds.
    arm: bool,
}

fn plus(yes: bool) -> &'static str {
    if yes { "+" } else { "" }
}

/// Which part of "mine" a statement asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mine {
    /// First handler or routed expert, in one condition.
    Either,
    FirstHandler,
    Expert,
}

/// Whether the filters keep to open cases.
fn open_only(q: &CaseQuery) -> bool {
    let f = &q.filters;
    f.due.is_some()
        || match f.state {
            StateFilter::All => false,
            StateFilter::Open => true,
            StateFilter::Only(s) => s.is_open(),
        }
}

/// The conditions of the filters on the case `c`.
fn filter_conditions(q: &CaseQuery, sql: &mut Sql, steer: Steer, mine: Mine) -> Vec<String> {
    let f = &q.filters;
    let open = steer.open || steer.arm;
    let reading = !steer.count || steer.arm;
    let mut out = vec![];
    match f.state {
        StateFilter::All => {}
        StateFilter::Open => out.push("c.state <> 'closed'".into()),
        StateFilter::Only(s) if s.is_open() => out.push(format!(
            "c.state <> 'closed' AND +c.state = {}",
            sql.bind(s.code().to_string())
        )),
        // Most cases are closed.
        StateFilter::Only(s) => out.push(format!(
            "{}c.state = {}",
            plus(reading),
            sql.bind(s.code().to_string())
        )),
    }
    // A unit or a category holds a few percent of the cases: its index gives them in id order.
    if let Some(u) = f.unit_id {
        out.push(format!("{}c.unit_id = {}", plus(open), sql.bind(u)));
    }
    if let Some(cat) = f.category_id {
        out.push(format!("{}c.category_id = {}", plus(open), sql.bind(cat)));
    }
    // Four channels and two kinds of contact split the cases too coarsely to drive from.
    if let Some(ch) = f.channel {
        out.push(format!(
            "{}c.channel = {}",
            plus(open || reading),
            sql.bind(ch.code().to_string())
        ));
    }
    match f.due {
        None => {}
        Some(DueFilter::Overdue) => out.push(format!(
            "c.state <> 'closed' AND c.due < {}",
            sql.bind(fmt_date(q.window.today))
        )),
        Some(DueFilter::DueSoon) => out.push(format!(
            "c.state <> 'closed' AND c.due >= {} AND c.due <= {}",
            sql.bind(fmt_date(q.window.today)),
            sql.bind(fmt_date(q.window.soon_until))
        )),
    }
    let contacts = plus(open || reading);
    match f.contacts {
        ContactsFilter::Any => {}
        ContactsFilter::FirstOnly => out.push(format!("{contacts}c.contact_count <= 1")),
        ContactsFilter::Repeated => out.push(format!("{contacts}c.contact_count > 1")),
    }
    if f.mine {
        let me = sql.bind(q.me);
        out.push(match mine {
            Mine::Either => {
                let p = plus(open);
                format!("({p}c.first_handler_id = {me} OR {p}c.expert_id = {me})")
            }
            Mine::FirstHandler => format!("{}c.first_handler_id = {me}", plus(steer.arm)),
            Mine::Expert => format!("{}c.expert_id = {me}", plus(steer.arm)),
        });
    }
    if f.supervised {
        // Few cases are supervised; without the hint SQLite reads every case in list order
        // rather than sort the few.
        out.push(if open {
            "+c.supervisor_id IS NOT NULL".into()
        } else {
            "likelihood(c.supervisor_id IS NOT NULL, 0.001)".into()
        });
    }
    out
}

/// One way a search finds cases.
enum Arm<'a> {
    Number(&'a NumberQuery),
    /// The petitioner's column and the value it must hold.
    Person(&'static str, &'a str),
    /// Words of the summary and account: phrases the search index finds (an FTS5 query), and
    /// single letters or digits, looked for in the text itself.
    Words {
        matching: Option<String>,
        singles: Vec<char>,
    },
}

impl Arm<'_> {
    /// The arm as one condition on the case `c`; `open` when the covering index of open cases
    /// drives the statement (a person's or the words' cases are then checked in it).
    fn condition(&self, sql: &mut Sql, open: bool) -> String {
        match self {
            Arm::Number(NumberQuery::Exact(n)) => format!("c.number = {}", sql.bind(n.clone())),
            // The prefix holds only letters, digits and dashes: no GLOB wildcards. A GLOB
            // with a fixed start reads a range of the number's index.
            Arm::Number(NumberQuery::Prefix(p)) => {
                format!("c.number GLOB {}", sql.bind(format!("{p}*")))
            }
            Arm::Number(NumberQuery::Sequence(n)) => format!(
                "c.number IN (SELECT 'XF-' || year || '-' || printf('%06d', {}) FROM case_numbers)",
                sql.bind(i64::from(*n))
            ),
            Arm::Person(column, value) => {
                let exact = matches!(*column, "id_number" | "phone");
                format!(
                    "{}c.petitioner_id IN (SELECT id FROM petitioners WHERE {column} = {})",
                    plus(open && !exact),
                    sql.bind(value.to_string())
                )
            }
            Arm::Words { matching, singles } => {
                let mut parts: Vec<String> = matching
                    .iter()
                    .map(|m| {
                        format!(
                            "{}c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH {})",
                            plus(open),
                            sql.bind(m.clone())
                        )
                    })
                    .collect();
                parts.extend(singles.iter().map(|c| single_condition(*c, sql)));
                parts.join(" AND ")
            }
        }
    }
}

/// `%` and `_` typed into a search are looked for as themselves.
fn like_pattern(c: char) -> String {
    match c {
        '%' | '_' | '\\' => format!("%\\{c}%"),
        c => format!("%{c}%"),
    }
}

/// A single letter or digit in the summary or the account.
fn single_condition(c: char, sql: &mut Sql) -> String {
    let p = sql.bind(like_pattern(c));
    format!("(c.summary LIKE {p} ESCAPE '\\' OR c.account LIKE {p} ESCAPE '\\')")
}

fn arms(search: &Search) -> Vec<Arm<'_>> {
    let mut out: Vec<Arm<'_>> = search.number.iter().map(Arm::Number).collect();
    let person = [
        ("id_number", &search.id_number),
        ("phone", &search.phone),
        ("name", &search.name),
        ("name_initials", &search.initials),
    ];
    for (column, value) in person {
        if let Some(v) = value {
            out.push(Arm::Person(column, v));
        }
    }
    if !search.words.is_empty() {
        let phrases: Vec<&str> = search
            .words
            .iter()
            .filter_map(|w| match w {
                WordQuery::Phrase(p) => Some(p.as_str()),
                WordQuery::Single(_) => None,
            })
            .collect();
        let singles = search
            .words
            .iter()
            .filter_map(|w| match w {
                WordQuery::Single(c) => Some(*c),
                WordQuery::Phrase(_) => None,
            })
            .collect();
        out.push(Arm::Words {
            matching: (!phrases.is_empty()).then(|| phrases.join(" AND ")),
            singles,
        });
    }
    out
}

fn any_of(arms: &[Arm<'_>], sql: &mut Sql, open: bool) -> String {
    let conds: Vec<String> = arms
        .iter()
        .map(|a| format!("({})", a.condition(sql, open)))
        .collect();
    format!("({})", conds.join(" OR "))
}

fn where_clause(conds: &[String]) -> String {
    if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    }
}

/// Which way a page is read from its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The rows after the cursor, in list order.
    After,
    /// The rows before it, read backwards from it (reversed before they are returned).
    Before,
}

/// One stretch of an order: the deadline order lists open cases with a running deadline,
/// then the rest newest first; the other orders are one stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stretch {
    Newest,
    Updated,
    DeadlineFirst,
    DeadlineRest,
}

impl Stretch {
    /// Its condition (beyond the query's; `open` when the query keeps to open cases, where
    /// the rest are those without a deadline, found in the index of open cases by due date),
    /// and its ORDER BY in list order and reversed.
    fn sql(self, open: bool) -> (Option<&'static str>, &'static str, &'static str) {
        match self {
            Stretch::Newest => (None, "c.id DESC", "c.id ASC"),
            Stretch::Updated => (
                None,
                "c.updated_at DESC, c.id DESC",
                "c.updated_at ASC, c.id ASC",
            ),
            Stretch::DeadlineFirst => (
                Some("c.state <> 'closed' AND c.due IS NOT NULL"),
                "c.due ASC, c.id ASC",
                "c.due DESC, c.id DESC",
            ),
            Stretch::DeadlineRest if open => (Some("c.due IS NULL"), "c.id DESC", "c.id ASC"),
            Stretch::DeadlineRest => (
                Some("(c.state = 'closed' OR c.due IS NULL)"),
                "c.id DESC",
                "c.id ASC",
            ),
        }
    }

    /// Newest first: ordered by id alone.
    fn by_id(self) -> bool {
        matches!(self, Stretch::Newest | Stretch::DeadlineRest)
    }

    /// The keyset condition for rows after (or before) `cursor` within this stretch.
    fn keyset(self, cursor: Cursor, direction: Direction, sql: &mut Sql) -> Option<String> {
        let (newer, older) = match direction {
            Direction::After => ("<", ">"),
            Direction::Before => (">", "<"),
        };
        match (self, cursor) {
            (Stretch::Newest | Stretch::DeadlineRest, c) => {
                Some(format!("c.id {newer} {}", sql.bind(c.id())))
            }
            (Stretch::Updated, Cursor::Updated { at, id }) => Some(format!(
                "(c.updated_at, c.id) {newer} ({}, {})",
                sql.bind(fmt_ts(at)),
                sql.bind(id)
            )),
            (Stretch::DeadlineFirst, Cursor::Deadline { due: Some(due), id }) => Some(format!(
                "(c.due, c.id) {older} ({}, {})",
                sql.bind(fmt_date(due)),
                sql.bind(id)
            )),
            _ => None,
        }
    }
}

/// The columns of a listed case, each read from the case itself so the statement has one
/// table and SQLite no join order to get wrong.
const ROW_SELECT: &str = "SELECT c.id, c.number, c.received_at,
        coalesce((SELECT p.name FROM petitioners p WHERE p.id = c.petitioner_id), ''),
        (SELECT p.id_number FROM petitioners p WHERE p.id = c.petitioner_id),
        (SELECT cat.name_zh FROM categories cat WHERE cat.id = c.category_id),
        c.state, c.due, c.summary, c.updated_at, c.contact_count
    FROM cases c";

/// A row as SQLite returns it, before parsing.
struct RawListed {
    id: i64,
    number: String,
    received: String,
    name: String,
    id_number: Option<String>,
    category: Option<String>,
    state: String,
    due: Option<String>,
    summary: String,
    updated: String,
    contacts: i64,
}

fn raw_listed(r: &Row<'_>) -> rusqlite::Result<RawListed> {
    Ok(RawListed {
        id: r.get(0)?,
        number: r.get(1)?,
        received: r.get(2)?,
        name: r.get(3)?,
        id_number: r.get(4)?,
        category: r.get(5)?,
        state: r.get(6)?,
        due: r.get(7)?,
        summary: r.get(8)?,
        updated: r.get(9)?,
        contacts: r.get(10)?,
    })
}

fn listed(raw: RawListed, sort: Sort) -> Result<ListedCase> {
    let state: CaseState = raw.state.parse().map_err(StoreError::Invalid)?;
    let due = raw.due.as_deref().map(parse_date).transpose()?;
    let cursor = match sort {
        Sort::Received => Cursor::Received { id: raw.id },
        Sort::Deadline => Cursor::Deadline {
            due: due.filter(|_| state.is_open()),
            id: raw.id,
        },
        Sort::Updated => Cursor::Updated {
            at: parse_timestamp(&raw.updated)?,
            id: raw.id,
        },
    };
    Ok(ListedCase {
        row: CaseRow {
            id: raw.id,
            number: raw.number,
            received_at: parse_timestamp(&raw.received)?,
            petitioner_name: raw.name,
            category: raw.category.unwrap_or_default(),
            state,
            due,
            summary: raw.summary,
        },
        cursor,
        contacts: u32::try_from(raw.contacts).unwrap_or(0),
        id_number_masked: raw.id_number.as_deref().map(mask),
    })
}

/// Whether a cursor belongs to lists in this order (one from another order starts afresh).
fn fits(cursor: Cursor, sort: Sort) -> bool {
    matches!(
        (cursor, sort),
        (Cursor::Received { .. }, Sort::Received)
            | (Cursor::Deadline { .. }, Sort::Deadline)
            | (Cursor::Updated { .. }, Sort::Updated)
    )
}

fn in_rest(cursor: Option<Cursor>) -> bool {
    matches!(cursor, Some(Cursor::Deadline { due: None, .. }))
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Store {
    /// A page of cases matching `query`, in its order, starting just after `after` (None: at
    /// the start of the list); at most `limit` rows. A cursor from a list in another order
    /// starts at the beginning.
    pub fn cases_after(
        &self,
        query: &CaseQuery,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<Vec<ListedCase>> {
        let after = after.filter(|c| fits(*c, query.sort));
        let ids = match query.sort {
            Sort::Received => {
                self.stretch_ids(query, Stretch::Newest, after, Direction::After, limit)?
            }
            Sort::Updated => {
                self.stretch_ids(query, Stretch::Updated, after, Direction::After, limit)?
            }
            Sort::Deadline => {
                let mut ids = vec![];
                if !in_rest(after) {
                    ids = self.stretch_ids(
                        query,
                        Stretch::DeadlineFirst,
                        after,
                        Direction::After,
                        limit,
                    )?;
                }
                let left = limit.saturating_sub(len_u32(ids.len()));
                let from = after.filter(|_| in_rest(after));
                ids.extend(self.stretch_ids(
                    query,
                    Stretch::DeadlineRest,
                    from,
                    Direction::After,
                    left,
                )?);
                ids
            }
        };
        self.rows_by_id(&ids, query.sort)
    }

    /// The page just before `before` (the rows nearer the start of the list), in list order;
    /// empty for a cursor from a list in another order.
    pub fn cases_before(
        &self,
        query: &CaseQuery,
        before: Cursor,
        limit: u32,
    ) -> Result<Vec<ListedCase>> {
        if !fits(before, query.sort) {
            return Ok(vec![]);
        }
        let at = Some(before);
        let mut ids = match query.sort {
            Sort::Received => {
                self.stretch_ids(query, Stretch::Newest, at, Direction::Before, limit)?
            }
            Sort::Updated => {
                self.stretch_ids(query, Stretch::Updated, at, Direction::Before, limit)?
            }
            Sort::Deadline if in_rest(at) => {
                let mut ids =
                    self.stretch_ids(query, Stretch::DeadlineRest, at, Direction::Before, limit)?;
                // Then backwards from the end of the first stretch.
                let left = limit.saturating_sub(len_u32(ids.len()));
                ids.extend(self.stretch_ids(
                    query,
                    Stretch::DeadlineFirst,
                    None,
                    Direction::Before,
                    left,
                )?);
                ids
            }
            Sort::Deadline => {
                self.stretch_ids(query, Stretch::DeadlineFirst, at, Direction::Before, limit)?
            }
        };
        ids.reverse();
        self.rows_by_id(&ids, query.sort)
    }

    /// How many cases match `query`.
    pub fn count_cases(&self, query: &CaseQuery) -> Result<u64> {
        if query.search.is_none() && query.filters.is_empty() {
            return self.case_count();
        }
        let open = open_only(query);
        let steer = Steer {
            open,
            count: true,
            arm: false,
        };
        let mut sql = Sql::default();
        let arms = query.search.as_ref().map(arms).unwrap_or_default();
        let text = if arms.is_empty() || open {
            // Open cases: the covering index counts them whatever the filters and arms.
            let mut conds = filter_conditions(query, &mut sql, steer, Mine::Either);
            if !arms.is_empty() {
                conds.push(any_of(&arms, &mut sql, open));
            }
            format!("SELECT count(*) FROM cases c {}", where_clause(&conds))
        } else {
            // Each arm finds its cases from its own index; a case found twice counts once.
            let selects: Vec<String> = arms
                .iter()
                .map(|arm| {
                    let steer = Steer {
                        arm: !matches!(arm, Arm::Words { .. }),
                        ..steer
                    };
                    let conds = filter_conditions(query, &mut sql, steer, Mine::Either);
                    arm_select(arm, conds, selective(query), &mut sql)
                })
                .collect();
            match selects.as_slice() {
                [one] => format!("SELECT count(*) FROM ({one})"),
                many => format!("SELECT count(*) FROM ({})", many.join(" UNION ")),
            }
        };
        let mut stmt = self.conn.prepare_cached(&text)?;
        let n: i64 = stmt.query_row(params_from_iter(sql.params.iter()), |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The ids of one stretch of the order after (or before) `cursor`, nearest first.
    fn stretch_ids(
        &self,
        query: &CaseQuery,
        stretch: Stretch,
        cursor: Option<Cursor>,
        direction: Direction,
        limit: u32,
    ) -> Result<Vec<i64>> {
        let closed_only = query.filters.state == StateFilter::Only(CaseState::Closed);
        if limit == 0 || (closed_only && stretch == Stretch::DeadlineFirst) {
            return Ok(vec![]);
        }
        let open = open_only(query) || stretch == Stretch::DeadlineFirst;
        let steer = Steer {
            open,
            count: false,
            arm: false,
        };
        if stretch.by_id() {
            return self.newest_ids(query, stretch, steer, cursor, direction, limit);
        }
        let mut sql = Sql::default();
        let mut conds = filter_conditions(query, &mut sql, steer, Mine::Either);
        if let Some(search) = &query.search {
            conds.push(any_of(&arms(search), &mut sql, open));
        }
        let (extra, order, reversed) = stretch.sql(open_only(query));
        conds.extend(extra.map(str::to_string));
        if let Some(c) = cursor {
            conds.extend(stretch.keyset(c, direction, &mut sql));
        }
        let order = match direction {
            Direction::After => order,
            Direction::Before => reversed,
        };
        // Open cases by deadline: read the covering index in due order and check every
        // filter and arm in it, rather than look up each case (unless the search names a
        // number or a person exactly, which finds its few cases faster).
        let identifier = query
            .search
            .as_ref()
            .is_some_and(|s| s.number.is_some() || s.id_number.is_some() || s.phone.is_some());
        let from = if stretch == Stretch::DeadlineFirst && !identifier {
            "cases c INDEXED BY cases_open_cover"
        } else {
            "cases c"
        };
        let text = format!(
            "SELECT c.id FROM {from} {} ORDER BY {order} LIMIT {}",
            where_clause(&conds),
            sql.bind(i64::from(limit))
        );
        self.ids_with(&text, &sql)
    }

    /// A stretch in id order: each arm of the search (and each part of "mine") read in id
    /// order as far as the page needs, merged.
    fn newest_ids(
        &self,
        query: &CaseQuery,
        stretch: Stretch,
        steer: Steer,
        cursor: Option<Cursor>,
        direction: Direction,
        limit: u32,
    ) -> Result<Vec<i64>> {
        let arms: Vec<Option<Arm<'_>>> = match &query.search {
            Some(s) => arms(s).into_iter().map(Some).collect(),
            None => vec![None],
        };
        let mine: &[Mine] = if query.filters.mine {
            &[Mine::FirstHandler, Mine::Expert]
        } else {
            &[Mine::Either]
        };
        let mut ids: Vec<i64> = vec![];
        for arm in &arms {
            let steer = Steer {
                arm: arm
                    .as_ref()
                    .is_some_and(|a| !matches!(a, Arm::Words { .. })),
                ..steer
            };
            for part in mine {
                let mut sql = Sql::default();
                let mut conds = filter_conditions(query, &mut sql, steer, *part);
                conds.extend(stretch.sql(open_only(query)).0.map(str::to_string));
                let text = arm_page(arm.as_ref(), conds, &mut sql, cursor, direction, limit);
                ids.extend(self.ids_with(&text, &sql)?);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        if direction == Direction::After {
            ids.reverse();
        }
        ids.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(ids)
    }

    fn ids_with(&self, text: &str, sql: &Sql) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(text)?;
        let ids = stmt
            .query_map(params_from_iter(sql.params.iter()), |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(ids)
    }

    /// The rows of these cases, in the order given.
    fn rows_by_id(&self, ids: &[i64], sort: Sort) -> Result<Vec<ListedCase>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let mut sql = Sql::default();
        let marks: Vec<String> = ids.iter().map(|id| sql.bind(*id)).collect();
        let text = format!("{ROW_SELECT} WHERE c.id IN ({})", marks.join(", "));
        let mut stmt = self.conn.prepare_cached(&text)?;
        let raws: Vec<RawListed> = stmt
            .query_map(params_from_iter(sql.params.iter()), raw_listed)?
            .collect::<std::result::Result<_, _>>()?;
        let mut found: HashMap<i64, ListedCase> = raws
            .into_iter()
            .map(|r| listed(r, sort).map(|l| (l.row.id, l)))
            .collect::<Result<_>>()?;
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }
}

/// Whether a filter picks out a few percent of the cases or fewer, with an index to count
/// them from.
fn selective(q: &CaseQuery) -> bool {
    let f = &q.filters;
    f.unit_id.is_some() || f.category_id.is_some() || f.supervised
}

/// The ids one arm finds under `conds` (filters on `c`), for counting. Words are counted
/// from the search index, unless a selective filter's index gives fewer cases to look at:
/// then each of those is looked up among the words' matches.
fn arm_select(arm: &Arm<'_>, mut conds: Vec<String>, selective: bool, sql: &mut Sql) -> String {
    match arm {
        Arm::Words {
            matching: Some(m),
            singles,
        } if selective => {
            conds.push(format!(
                "+c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH {})",
                sql.bind(m.clone())
            ));
            conds.extend(singles.iter().map(|c| single_condition(*c, sql)));
            format!("SELECT c.id FROM cases c {}", where_clause(&conds))
        }
        Arm::Words {
            matching: Some(m),
            singles,
        } => {
            conds.extend(singles.iter().map(|c| single_condition(*c, sql)));
            let from = words_from(&conds);
            conds.push(format!("s.case_search MATCH {}", sql.bind(m.clone())));
            format!("SELECT s.rowid FROM {from} {}", where_clause(&conds))
        }
        other => {
            conds.push(other.condition(sql, false));
            format!("SELECT c.id FROM cases c {}", where_clause(&conds))
        }
    }
}

/// The search index alone, or joined to the case when there are conditions on it; CROSS
/// JOIN keeps the index as the outer loop, read in rowid order.
fn words_from(conds: &[String]) -> &'static str {
    if conds.is_empty() {
        "case_search s"
    } else {
        "case_search s CROSS JOIN cases c ON c.id = s.rowid"
    }
}

/// One arm's page in id order after (or before) `cursor`: the arm drives (the words arm from
/// the search index, which stops as soon as the page is full, however many cases hold the
/// words); without an arm, the filters and the order do.
fn arm_page(
    arm: Option<&Arm<'_>>,
    mut conds: Vec<String>,
    sql: &mut Sql,
    cursor: Option<Cursor>,
    direction: Direction,
    limit: u32,
) -> String {
    let (op, order) = match direction {
        Direction::After => ("<", "DESC"),
        Direction::Before => (">", "ASC"),
    };
    match arm {
        Some(Arm::Words {
            matching: Some(m),
            singles,
        }) => {
            conds.extend(singles.iter().map(|c| single_condition(*c, sql)));
            let from = words_from(&conds);
            conds.push(format!("s.case_search MATCH {}", sql.bind(m.clone())));
            if let Some(c) = cursor {
                conds.push(format!("s.rowid {op} {}", sql.bind(c.id())));
            }
            format!(
                "SELECT s.rowid FROM {from} {} ORDER BY s.rowid {order} LIMIT {}",
                where_clause(&conds),
                sql.bind(i64::from(limit))
            )
        }
        other => {
            conds.extend(other.map(|a| a.condition(sql, false)));
            if let Some(c) = cursor {
                conds.push(format!("c.id {op} {}", sql.bind(c.id())));
            }
            format!(
                "SELECT c.id FROM cases c {} ORDER BY c.id {order} LIMIT {}",
                where_clause(&conds),
                sql.bind(i64::from(limit))
            )
        }
    }
}
