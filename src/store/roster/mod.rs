//! The duty roster: weekly patterns and the explicit rows of dates, read into the domain's
//! types; who is on duty when and where; the visitors waiting for them. Changes are in
//! `edit`, a roster file in `import`.

pub(crate) mod edit;
mod import;

pub use edit::RosterChanged;
pub use import::ImportDone;

use super::{Result, Store, StoreError, fmt_date, parse_date};
use crate::domain::roster::{
    self, Candidate, DutyRow, DutySlot, Expert, ExpertOnDuty, HalfDay, Pattern, PatternView, Rank,
    RosterState, RosterWeek, RowKind, Source,
};
use chrono::{Duration, NaiveDate, NaiveDateTime, Weekday};
use rusqlite::{Connection, params};
use std::collections::HashMap;

fn weekday_of(n: u32) -> Result<Weekday> {
    Weekday::try_from(u8::try_from(n.saturating_sub(1)).unwrap_or(u8::MAX))
        .map_err(|_| StoreError::Invalid(format!("bad weekday in the database: {n}")))
}

fn half_of(code: &str) -> Result<bool> {
    match code {
        "am" => Ok(false),
        "pm" => Ok(true),
        other => Err(StoreError::Invalid(format!(
            "bad half-day in the database: {other}"
        ))),
    }
}

/// A pattern row: id, staff, weekday (1 = Monday), half, room, from, until.
type RawPattern = (i64, i64, u32, String, String, String, Option<String>);

fn pattern_of(raw: RawPattern) -> Result<Pattern> {
    let (id, staff_id, weekday, half, room, from, until) = raw;
    Ok(Pattern {
        id,
        staff_id,
        weekday: weekday_of(weekday)?,
        afternoon: half_of(&half)?,
        room,
        from: parse_date(&from)?,
        until: until.as_deref().map(parse_date).transpose()?,
    })
}

const PATTERN_COLUMNS: &str = "id, staff_id, weekday, half, room, from_day, until_day";

/// The patterns that apply on some day from `from` to `to` (`to` None: ever after).
pub(crate) fn patterns(
    conn: &Connection,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<Vec<Pattern>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {PATTERN_COLUMNS} FROM duty_patterns
         WHERE (?2 IS NULL OR from_day <= ?2) AND (until_day IS NULL OR until_day >= ?1)
         ORDER BY weekday, half, room, id"
    ))?;
    let raws: Vec<RawPattern> = stmt
        .query_map(params![fmt_date(from), to.map(fmt_date)], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    raws.into_iter().map(pattern_of).collect()
}

pub(crate) fn pattern_by_id(conn: &Connection, id: i64) -> Result<Option<Pattern>> {
    use rusqlite::OptionalExtension;
    let raw: Option<RawPattern> = conn
        .query_row(
            &format!("SELECT {PATTERN_COLUMNS} FROM duty_patterns WHERE id = ?1"),
            [id],
            |r| r.try_into(),
        )
        .optional()?;
    raw.map(pattern_of).transpose()
}

/// The explicit rows from `from` to `to` (`to` None: ever after).
pub(crate) fn rows(
    conn: &Connection,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<Vec<DutyRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT day, half, staff_id, kind, room, substitute_for, note FROM duty_slots
         WHERE day >= ?1 AND (?2 IS NULL OR day <= ?2) ORDER BY day, half, room, staff_id",
    )?;
    type Raw = (String, String, i64, String, String, Option<i64>, String);
    let raws: Vec<Raw> = stmt
        .query_map(params![fmt_date(from), to.map(fmt_date)], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    raws.into_iter()
        .map(|(day, half, staff_id, kind, room, substitute_for, note)| {
            Ok(DutyRow {
                when: HalfDay::new(parse_date(&day)?, half_of(&half)?),
                staff_id,
                kind: RowKind::parse(&kind)
                    .ok_or_else(|| StoreError::Invalid(format!("bad duty row kind: {kind}")))?,
                room,
                substitute_for,
                note,
            })
        })
        .collect()
}

/// Patterns and rows over `from`..=`to` (`to` None: ever after).
pub(crate) fn state(
    conn: &Connection,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<RosterState> {
    Ok(RosterState {
        patterns: patterns(conn, from, to)?,
        rows: rows(conn, from, to)?,
    })
}

/// Everyone who could be on the roster, with what the roster needs to know of them.
pub(crate) fn experts(conn: &Connection) -> Result<Vec<Expert>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.login, s.name,
            s.active = 1 AND EXISTS(SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id
                AND r.role IN ('expert', 'manager')),
            coalesce(p.rank, 'cadre'), coalesce(p.title, ''), p.since
         FROM staff s LEFT JOIN expert_profiles p ON p.staff_id = s.id
         ORDER BY s.id",
    )?;
    type Raw = (i64, String, String, bool, String, String, Option<String>);
    let raws: Vec<Raw> = stmt
        .query_map([], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    let mut specialties: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT sp.staff_id, sp.category_id FROM staff_specialties sp
         JOIN categories c ON c.id = sp.category_id ORDER BY sp.staff_id, c.id",
    )?;
    let pairs: Vec<(i64, i64)> = stmt
        .query_map([], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    for (staff, category) in pairs {
        specialties.entry(staff).or_default().push(category);
    }
    raws.into_iter()
        .map(|(staff_id, login, name, eligible, rank, title, since)| {
            Ok(Expert {
                staff_id,
                login,
                name,
                eligible,
                rank: Rank::parse(&rank).unwrap_or_default(),
                title,
                since: since.as_deref().map(parse_date).transpose()?,
                specialties: specialties.remove(&staff_id).unwrap_or_default(),
            })
        })
        .collect()
}

/// Visitors waiting for each expert (cases routed to them, not yet seen).
pub(crate) fn waiting_counts(conn: &Connection) -> Result<HashMap<i64, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT expert_id, count(*) FROM cases
         WHERE state = 'with_expert' AND expert_id IS NOT NULL GROUP BY expert_id",
    )?;
    let pairs: Vec<(i64, u32)> = stmt
        .query_map([], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    Ok(pairs.into_iter().collect())
}

/// Everyone on duty at `when`.
pub(crate) fn on_duty(conn: &Connection, when: HalfDay) -> Result<Vec<roster::Assignment>> {
    let state = state(conn, when.day, Some(when.day))?;
    Ok(roster::effective::at(&state, when))
}

fn category_names(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, name_zh FROM categories")?;
    let pairs: Vec<(i64, String)> = stmt
        .query_map([], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    Ok(pairs.into_iter().collect())
}

impl Store {
    /// The week from `monday`: everyone on duty, half-day by half-day, with their rank,
    /// specialties, room and waiting visitors.
    pub fn roster_week(&self, monday: NaiveDate) -> Result<RosterWeek> {
        let sunday = monday + Duration::days(6);
        Ok(RosterWeek {
            monday: Some(monday),
            slots: self.duty_slots(monday, sunday)?,
        })
    }

    /// Everyone on duty from `from` to `to` inclusive, in order of half-day and room.
    pub fn duty_slots(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DutySlot>> {
        let state = state(&self.conn, from, Some(to))?;
        let experts = experts(&self.conn)?;
        let waiting = waiting_counts(&self.conn)?;
        let categories = category_names(&self.conn)?;
        let name = |id: i64| {
            experts
                .iter()
                .find(|e| e.staff_id == id)
                .map_or_else(|| format!("#{id}"), |e| e.name.clone())
        };
        Ok(roster::effective(&state, from, to)
            .into_iter()
            .map(|a| {
                let expert = experts.iter().find(|e| e.staff_id == a.staff_id);
                DutySlot {
                    day: a.when.day,
                    afternoon: a.when.afternoon,
                    staff_id: a.staff_id,
                    staff_name: name(a.staff_id),
                    rank: expert.map(|e| e.rank).unwrap_or_default(),
                    title: expert.map(|e| e.title.clone()).unwrap_or_default(),
                    room: a.room,
                    specialties: expert
                        .map(|e| {
                            e.specialties
                                .iter()
                                .filter_map(|c| categories.get(c).cloned())
                                .collect()
                        })
                        .unwrap_or_default(),
                    waiting: waiting.get(&a.staff_id).copied().unwrap_or(0),
                    from_pattern: matches!(a.source, Source::Pattern(_)),
                    substitute_for: a.substitute_for.map(name),
                    note: a.note,
                }
            })
            .collect())
    }

    /// The weekly patterns still running on or after `today`, with their people's names.
    pub fn pattern_views(&self, today: NaiveDate) -> Result<Vec<PatternView>> {
        let experts = experts(&self.conn)?;
        Ok(patterns(&self.conn, today, None)?
            .into_iter()
            .map(|p| {
                let e = experts.iter().find(|e| e.staff_id == p.staff_id);
                PatternView {
                    staff_name: e.map_or_else(|| format!("#{}", p.staff_id), |e| e.name.clone()),
                    rank: e.map(|e| e.rank).unwrap_or_default(),
                    pattern: p,
                }
            })
            .collect())
    }

    /// Everyone who may be put on duty (active experts and leaders), and everyone else with
    /// their reason not to be, for pickers and checks.
    pub fn roster_experts(&self) -> Result<Vec<Expert>> {
        experts(&self.conn)
    }

    /// Experts on duty in the half-day of `at`, best first for a visitor about `category_id`
    /// (specialty, then fewest waiting, then seniority: `roster::match_experts`). Experts who
    /// stepped aside from `case_id` (回避, Art. 28) are not offered.
    pub fn experts_on_duty(
        &self,
        at: NaiveDateTime,
        category_id: Option<i64>,
        case_id: Option<i64>,
    ) -> Result<Vec<ExpertOnDuty>> {
        let on = on_duty(&self.conn, HalfDay::of(at))?;
        let experts = experts(&self.conn)?;
        let waiting = waiting_counts(&self.conn)?;
        let recused: Vec<i64> = match case_id {
            Some(case) => self
                .conn
                .prepare_cached("SELECT staff_id FROM recusals WHERE case_id = ?1")?
                .query_map([case], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?,
            None => vec![],
        };
        let candidates = on
            .into_iter()
            .filter_map(|a| {
                let e = experts
                    .iter()
                    .find(|e| e.staff_id == a.staff_id && e.eligible)?;
                Some(Candidate {
                    staff_id: a.staff_id,
                    name: e.name.clone(),
                    room: a.room,
                    waiting: waiting.get(&a.staff_id).copied().unwrap_or(0),
                    specialties: e.specialties.clone(),
                    since: e.since,
                })
            })
            .collect();
        Ok(roster::match_experts(candidates, category_id, &recused))
    }
}

/// The room `expert_id` receives in at `when`, or that day, if they are on duty.
pub(crate) fn room_of(conn: &Connection, expert_id: i64, when: HalfDay) -> Result<Option<String>> {
    let state = state(conn, when.day, Some(when.day))?;
    for afternoon in [when.afternoon, !when.afternoon] {
        if let Some(a) = roster::effective::at(&state, HalfDay::new(when.day, afternoon))
            .into_iter()
            .find(|a| a.staff_id == expert_id)
        {
            return Ok(Some(a.room));
        }
    }
    Ok(None)
}

/// Monday = 1 … Sunday = 7, as `duty_patterns.weekday` holds it.
pub(crate) fn weekday_number(day: Weekday) -> u32 {
    day.number_from_monday()
}
