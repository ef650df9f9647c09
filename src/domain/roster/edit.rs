//! Changes to the roster and the checks they must pass, decided here before anything is
//! written: one person in two rooms at once, two experts in one room at once, and a slot
//! without an expert are refused in words.

use super::effective::{self, Assignment, pattern_covers};
use super::{
    DutyRow, Expert, HalfDay, MAX_NOTE_CHARS, MAX_ROOM_CHARS, MAX_TITLE_CHARS, Pattern, Rank,
    RosterState, RowKind,
};
use crate::domain::text::clean_line;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A change a manager makes to the dated roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterEdit {
    /// Put someone on duty at a half-day, in a room.
    Add {
        staff_id: i64,
        when: HalfDay,
        room: String,
    },
    /// Move someone's slot to another half-day and/or room.
    Move {
        staff_id: i64,
        from: HalfDay,
        to: HalfDay,
        room: String,
    },
    /// Exchange two slots: each person takes the other's half-day and room.
    Swap {
        a: (i64, HalfDay),
        b: (i64, HalfDay),
    },
    /// Take someone off duty at a half-day.
    Remove {
        staff_id: i64,
        when: HalfDay,
        reason: String,
    },
    /// Someone stands in for an absent expert, in the absent expert's room.
    Substitute {
        absent: i64,
        when: HalfDay,
        by: i64,
        reason: String,
    },
}

impl RosterEdit {
    /// For the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            RosterEdit::Add { .. } => "add",
            RosterEdit::Move { .. } => "move",
            RosterEdit::Swap { .. } => "swap",
            RosterEdit::Remove { .. } => "remove",
            RosterEdit::Substitute { .. } => "substitute",
        }
    }

    /// The half-days the change touches.
    pub fn half_days(&self) -> Vec<HalfDay> {
        let mut out = match self {
            RosterEdit::Add { when, .. }
            | RosterEdit::Remove { when, .. }
            | RosterEdit::Substitute { when, .. } => vec![*when],
            RosterEdit::Move { from, to, .. } => vec![*from, *to],
            RosterEdit::Swap { a, b } => vec![a.1, b.1],
        };
        out.sort();
        out.dedup();
        out
    }

    /// Text cleaned of control and escape characters and trimmed.
    pub fn cleaned(self) -> Self {
        let c = |s: String| clean_line(&s).trim().to_string();
        match self {
            RosterEdit::Add {
                staff_id,
                when,
                room,
            } => RosterEdit::Add {
                staff_id,
                when,
                room: c(room),
            },
            RosterEdit::Move {
                staff_id,
                from,
                to,
                room,
            } => RosterEdit::Move {
                staff_id,
                from,
                to,
                room: c(room),
            },
            RosterEdit::Remove {
                staff_id,
                when,
                reason,
            } => RosterEdit::Remove {
                staff_id,
                when,
                reason: c(reason),
            },
            RosterEdit::Substitute {
                absent,
                when,
                by,
                reason,
            } => RosterEdit::Substitute {
                absent,
                when,
                by,
                reason: c(reason),
            },
            swap @ RosterEdit::Swap { .. } => swap,
        }
    }
}

/// A weekly pattern a manager sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPattern {
    pub staff_id: i64,
    pub weekday: Weekday,
    pub afternoon: bool,
    pub room: String,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// An expert's rank, title, seniority and specialties, as a manager sets them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEdit {
    pub staff_id: i64,
    pub rank: Rank,
    pub title: String,
    pub since: Option<NaiveDate>,
    /// Category ids.
    pub specialties: Vec<i64>,
}

/// A change to the explicit rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    /// Insert the row, or replace the person's row at that half-day.
    Put(DutyRow),
    /// Delete the person's row at that half-day.
    Delete { when: HalfDay, staff_id: i64 },
}

/// Why a change to the roster was refused. Its words are in `i18n::roster`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterError {
    /// A slot without an expert: nobody named, or someone who is not an active expert or
    /// leader.
    NoExpert,
    NotAnExpert {
        name: String,
    },
    NoRoom {
        when: HalfDay,
    },
    RoomTooLong {
        max: usize,
        has: usize,
    },
    NoteTooLong {
        max: usize,
        has: usize,
    },
    TitleTooLong {
        max: usize,
        has: usize,
    },
    /// One person in two rooms at once.
    PersonTwice {
        name: String,
        when: HalfDay,
        rooms: (String, String),
    },
    /// Two experts in one room at once.
    RoomTwice {
        room: String,
        when: HalfDay,
        names: (String, String),
    },
    /// The slot to change is not (or no longer) there.
    NotOnDuty {
        name: String,
        when: HalfDay,
    },
    /// Nothing would change: they are there already.
    AlreadyThere {
        name: String,
        when: HalfDay,
        room: String,
    },
    /// A slot swapped with itself.
    SameSlot,
    /// Someone named to stand in for themselves.
    SubstituteIsAbsent {
        name: String,
    },
    /// A day gone by: the roster of the past is a record, not a plan.
    Past {
        day: NaiveDate,
    },
    PatternEndsBeforeStart,
    NoSuchPattern,
    /// A pattern already ends on or before that day: ending it later would be a new one.
    PatternAlreadyEnds {
        until: NaiveDate,
    },
    SinceInFuture,
    NoSuchCategory,
}

impl std::fmt::Display for RosterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::roster::roster_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for RosterError {}

fn name_of(experts: &[Expert], staff_id: i64) -> String {
    experts
        .iter()
        .find(|e| e.staff_id == staff_id)
        .map_or_else(|| format!("#{staff_id}"), |e| clean_line(&e.name))
}

/// Refuse unless `staff_id` is an active expert or leader.
pub fn check_eligible(experts: &[Expert], staff_id: i64) -> Result<(), RosterError> {
    match experts.iter().find(|e| e.staff_id == staff_id) {
        None => Err(RosterError::NoExpert),
        Some(e) if !e.eligible => Err(RosterError::NotAnExpert {
            name: clean_line(&e.name),
        }),
        Some(_) => Ok(()),
    }
}

/// A room as typed: not empty, bounded.
pub fn check_room(room: &str, when: HalfDay) -> Result<(), RosterError> {
    let has = room.chars().count();
    if room.trim().is_empty() {
        Err(RosterError::NoRoom { when })
    } else if has > MAX_ROOM_CHARS {
        Err(RosterError::RoomTooLong {
            max: MAX_ROOM_CHARS,
            has,
        })
    } else {
        Ok(())
    }
}

fn check_note(note: &str) -> Result<(), RosterError> {
    let has = note.chars().count();
    if has > MAX_NOTE_CHARS {
        Err(RosterError::NoteTooLong {
            max: MAX_NOTE_CHARS,
            has,
        })
    } else {
        Ok(())
    }
}

fn check_not_past(day: NaiveDate, today: NaiveDate) -> Result<(), RosterError> {
    if day < today {
        Err(RosterError::Past { day })
    } else {
        Ok(())
    }
}

/// Whether anyone is twice at one half-day, or two people in one room, among `on` (the
/// assignments of one half-day), where at least one of them is in `changed`. A conflict the
/// change did not make is not this change's to refuse.
pub fn check_half_day(
    on: &[Assignment],
    changed: &[i64],
    experts: &[Expert],
) -> Result<(), RosterError> {
    for (i, a) in on.iter().enumerate() {
        for b in on.iter().skip(i + 1) {
            if !changed.contains(&a.staff_id) && !changed.contains(&b.staff_id) {
                continue;
            }
            if a.staff_id == b.staff_id {
                return Err(RosterError::PersonTwice {
                    name: name_of(experts, a.staff_id),
                    when: a.when,
                    rooms: (a.room.clone(), b.room.clone()),
                });
            }
            if a.room == b.room {
                // The one already there first, the newcomer second.
                let (first, second) = if changed.contains(&a.staff_id) {
                    (b, a)
                } else {
                    (a, b)
                };
                return Err(RosterError::RoomTwice {
                    room: a.room.clone(),
                    when: a.when,
                    names: (
                        name_of(experts, first.staff_id),
                        name_of(experts, second.staff_id),
                    ),
                });
            }
        }
    }
    Ok(())
}

fn find(state: &RosterState, staff_id: i64, when: HalfDay) -> Option<Assignment> {
    effective::at(state, when)
        .into_iter()
        .find(|a| a.staff_id == staff_id)
}

/// Take `staff_id` off duty at `when`: an `Off` row where a pattern would put them on,
/// otherwise their explicit row goes.
fn off(state: &RosterState, staff_id: i64, when: HalfDay, note: &str) -> RowChange {
    if pattern_covers(&state.patterns, staff_id, when) {
        RowChange::Put(DutyRow {
            when,
            staff_id,
            kind: RowKind::Off,
            room: String::new(),
            substitute_for: None,
            note: note.to_string(),
        })
    } else {
        RowChange::Delete { when, staff_id }
    }
}

fn on(staff_id: i64, when: HalfDay, room: &str) -> RowChange {
    RowChange::Put(DutyRow {
        when,
        staff_id,
        kind: RowKind::On,
        room: room.to_string(),
        substitute_for: None,
        note: String::new(),
    })
}

/// The rows after `changes`.
pub fn apply(state: &RosterState, changes: &[RowChange]) -> RosterState {
    let mut next = state.clone();
    for change in changes {
        let (when, staff_id) = match change {
            RowChange::Put(r) => (r.when, r.staff_id),
            RowChange::Delete { when, staff_id } => (*when, *staff_id),
        };
        next.rows
            .retain(|r| !(r.when == when && r.staff_id == staff_id));
        if let RowChange::Put(r) = change {
            next.rows.push(r.clone());
        }
    }
    next
}

/// Refuse unless `staff_id` is free at `when` (not on duty there in any room).
fn check_free(
    state: &RosterState,
    experts: &[Expert],
    staff_id: i64,
    when: HalfDay,
    room: &str,
) -> Result<(), RosterError> {
    match find(state, staff_id, when) {
        Some(a) if a.room == room => Err(RosterError::AlreadyThere {
            name: name_of(experts, staff_id),
            when,
            room: a.room,
        }),
        Some(a) => Err(RosterError::PersonTwice {
            name: name_of(experts, staff_id),
            when,
            rooms: (a.room, room.to_string()),
        }),
        None => Ok(()),
    }
}

fn on_duty(
    state: &RosterState,
    experts: &[Expert],
    staff_id: i64,
    when: HalfDay,
) -> Result<Assignment, RosterError> {
    find(state, staff_id, when).ok_or_else(|| RosterError::NotOnDuty {
        name: name_of(experts, staff_id),
        when,
    })
}

/// What `edit` does to the explicit rows, checked: the rows of the half-days it touches (and
/// every pattern reaching them) are in `state`. Nothing before `today` may change.
pub fn plan(
    edit: &RosterEdit,
    state: &RosterState,
    experts: &[Expert],
    today: NaiveDate,
) -> Result<Vec<RowChange>, RosterError> {
    for when in edit.half_days() {
        check_not_past(when.day, today)?;
    }
    let (changes, changed): (Vec<RowChange>, Vec<i64>) = match edit {
        RosterEdit::Add {
            staff_id,
            when,
            room,
        } => {
            check_eligible(experts, *staff_id)?;
            check_room(room, *when)?;
            check_free(state, experts, *staff_id, *when, room)?;
            (vec![on(*staff_id, *when, room)], vec![*staff_id])
        }
        RosterEdit::Move {
            staff_id,
            from,
            to,
            room,
        } => {
            check_eligible(experts, *staff_id)?;
            check_room(room, *to)?;
            let now = on_duty(state, experts, *staff_id, *from)?;
            if from == to {
                if now.room == *room {
                    return Err(RosterError::AlreadyThere {
                        name: name_of(experts, *staff_id),
                        when: *to,
                        room: now.room,
                    });
                }
                (vec![on(*staff_id, *to, room)], vec![*staff_id])
            } else {
                check_free(state, experts, *staff_id, *to, room)?;
                (
                    vec![off(state, *staff_id, *from, ""), on(*staff_id, *to, room)],
                    vec![*staff_id],
                )
            }
        }
        RosterEdit::Swap { a, b } => {
            if a == b {
                return Err(RosterError::SameSlot);
            }
            let first = on_duty(state, experts, a.0, a.1)?;
            let second = on_duty(state, experts, b.0, b.1)?;
            check_eligible(experts, a.0)?;
            check_eligible(experts, b.0)?;
            let changes = if a.0 == b.0 || a.1 == b.1 {
                // Only the rooms change hands.
                vec![on(a.0, a.1, &second.room), on(b.0, b.1, &first.room)]
            } else {
                check_free(state, experts, a.0, b.1, &second.room)?;
                check_free(state, experts, b.0, a.1, &first.room)?;
                vec![
                    off(state, a.0, a.1, ""),
                    off(state, b.0, b.1, ""),
                    on(a.0, b.1, &second.room),
                    on(b.0, a.1, &first.room),
                ]
            };
            (changes, vec![a.0, b.0])
        }
        RosterEdit::Remove {
            staff_id,
            when,
            reason,
        } => {
            check_note(reason)?;
            on_duty(state, experts, *staff_id, *when)?;
            (vec![off(state, *staff_id, *when, reason)], vec![*staff_id])
        }
        RosterEdit::Substitute {
            absent,
            when,
            by,
            reason,
        } => {
            check_note(reason)?;
            let slot = on_duty(state, experts, *absent, *when)?;
            if absent == by {
                return Err(RosterError::SubstituteIsAbsent {
                    name: name_of(experts, *by),
                });
            }
            check_eligible(experts, *by)?;
            check_free(state, experts, *by, *when, &slot.room)?;
            let away = RowChange::Put(DutyRow {
                when: *when,
                staff_id: *absent,
                kind: RowKind::Off,
                room: String::new(),
                substitute_for: None,
                note: reason.clone(),
            });
            let stand_in = RowChange::Put(DutyRow {
                when: *when,
                staff_id: *by,
                kind: RowKind::On,
                room: slot.room.clone(),
                substitute_for: Some(*absent),
                note: reason.clone(),
            });
            (vec![away, stand_in], vec![*by])
        }
    };
    let after = apply(state, &changes);
    for when in edit.half_days() {
        check_half_day(&effective::at(&after, when), &changed, experts)?;
    }
    Ok(changes)
}

/// The first day on or after `day` that is a `weekday`.
pub fn first_on_or_after(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    day + Duration::days(i64::from(ahead))
}

/// Check a new weekly pattern against the patterns there are and the explicit rows of its
/// weekday and half on and after its first day (`state` holds them). Returns the pattern
/// with its room cleaned.
pub fn check_pattern(
    new: &NewPattern,
    state: &RosterState,
    experts: &[Expert],
    today: NaiveDate,
) -> Result<NewPattern, RosterError> {
    let room = clean_line(&new.room).trim().to_string();
    let first = first_on_or_after(new.from, new.weekday);
    check_not_past(new.from, today)?;
    check_eligible(experts, new.staff_id)?;
    check_room(&room, HalfDay::new(first, new.afternoon))?;
    if new.until.is_some_and(|u| u < new.from) {
        return Err(RosterError::PatternEndsBeforeStart);
    }
    let candidate = Pattern {
        id: 0,
        staff_id: new.staff_id,
        weekday: new.weekday,
        afternoon: new.afternoon,
        room: room.clone(),
        from: new.from,
        until: new.until,
    };
    // Where a clash could first show: the first shared day with each pattern of the same
    // weekday and half, and every dated row of that weekday and half in its span.
    let mut days: Vec<NaiveDate> = state
        .patterns
        .iter()
        .filter(|p| p.weekday == new.weekday && p.afternoon == new.afternoon)
        .filter_map(|p| {
            let day = first_on_or_after(p.from.max(new.from), new.weekday);
            let last = match (p.until, new.until) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            last.is_none_or(|l| day <= l).then_some(day)
        })
        .collect();
    days.extend(
        state
            .rows
            .iter()
            .map(|r| r.when)
            .filter(|w| candidate.applies(*w))
            .map(|w| w.day),
    );
    days.push(first);
    days.sort();
    days.dedup();
    let mut with = state.clone();
    with.patterns.push(candidate);
    for day in days {
        let when = HalfDay::new(day, new.afternoon);
        check_half_day(&effective::at(&with, when), &[new.staff_id], experts)?;
    }
    Ok(NewPattern {
        room,
        ..new.clone()
    })
}

/// What ending a pattern after `last_day` comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternEnd {
    /// It never applied: it goes.
    Delete,
    /// Its last day is now `last_day`.
    Until(NaiveDate),
}

/// End a weekly pattern after `last_day` (yesterday at the earliest: the past stays as it
/// was). Ending it can make no clash.
pub fn end_pattern(
    pattern: &Pattern,
    last_day: NaiveDate,
    today: NaiveDate,
) -> Result<PatternEnd, RosterError> {
    let yesterday = today - Duration::days(1);
    if last_day < yesterday {
        return Err(RosterError::Past { day: last_day });
    }
    if let Some(until) = pattern.until
        && until <= last_day
    {
        return Err(RosterError::PatternAlreadyEnds { until });
    }
    if last_day < pattern.from {
        Ok(PatternEnd::Delete)
    } else {
        Ok(PatternEnd::Until(last_day))
    }
}

/// Check an expert's profile as a manager set it: an expert or leader, a bounded title, a
/// date not in the future, categories that exist. Returns it cleaned, specialties once each.
pub fn check_profile(
    edit: &ProfileEdit,
    experts: &[Expert],
    categories: &[i64],
    today: NaiveDate,
) -> Result<ProfileEdit, RosterError> {
    check_eligible(experts, edit.staff_id)?;
    let title = clean_line(&edit.title).trim().to_string();
    let has = title.chars().count();
    if has > MAX_TITLE_CHARS {
        return Err(RosterError::TitleTooLong {
            max: MAX_TITLE_CHARS,
            has,
        });
    }
    if edit.since.is_some_and(|s| s > today) {
        return Err(RosterError::SinceInFuture);
    }
    let mut specialties = vec![];
    for c in &edit.specialties {
        if !categories.contains(c) {
            return Err(RosterError::NoSuchCategory);
        }
        if !specialties.contains(c) {
            specialties.push(*c);
        }
    }
    Ok(ProfileEdit {
        title,
        specialties,
        ..edit.clone()
    })
}

#[cfg(test)]
mod tests;
