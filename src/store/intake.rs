//! Saving an intake (a new case with its first contact, or a repeat contact on an open case),
//! looking up returning petitioners, duty experts for routing, and drafts.

use super::audit::{self, Actor};
use super::clocks::{
    calendar_in, counted, counting_of, refresh_case_due, rule_by_name, start_clock,
};
use super::staff::acting;
use super::{Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp};
use crate::domain::calendar::ClockSpec;
use crate::domain::case::{CaseState, check_step};
use crate::domain::intake::StoredDraft;
use crate::domain::lookup::{
    ContactKind, LookupKey, PersonHistory, PetitionerKeys, PriorCase, check_repeat, name_initials,
};
use crate::domain::permission::{Act, require};
use crate::domain::{NewIntake, RoutedTo, SavedCase, Sex, Staff, UrgentCase, WaitingVisitor};
use chrono::{Datelike, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, params};

/// A petitioner row: id, ID number, name, sex, phone, address, work unit.
type RawPerson = (
    i64,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A prior case row: id, number, received, category, state, due, summary, contacts.
type RawPrior = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    u32,
);

/// Drafts belong to an active staff member: a disabled account's open session writes nothing.
fn active_staff(tx: &Transaction<'_>, staff_id: i64) -> Result<()> {
    match super::staff::staff_by_id(tx, staff_id)? {
        Some(s) if s.active => Ok(()),
        found => Err(StoreError::Denied(
            crate::domain::permission::PermissionDenied {
                login: found
                    .map(|s| s.login)
                    .unwrap_or_else(|| format!("#{staff_id}")),
                act: Act::RegisterIntake,
                disabled: true,
            },
        )),
    }
}

const PRIOR_CASES: u32 = 20;
const PEOPLE: u32 = 8;

fn save_petitioner(tx: &Transaction<'_>, intake: &NewIntake, now: &str) -> Result<i64> {
    let existing: Option<i64> = if let Some(known) = intake.known_petitioner {
        // Filled from the record without the ID number shown: that person, if still there.
        Some(
            tx.query_row("SELECT id FROM petitioners WHERE id = ?1", [known], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no petitioner with id {known}")))?,
        )
    } else if let Some(idn) = &intake.id_number {
        tx.query_row(
            "SELECT id FROM petitioners WHERE id_number = ?1",
            [idn],
            |r| r.get(0),
        )
        .optional()?
    } else if let Some(phone) = &intake.phone {
        tx.query_row(
            "SELECT id FROM petitioners WHERE phone = ?1 AND name = ?2 AND id_number IS NULL",
            params![phone, intake.name],
            |r| r.get(0),
        )
        .optional()?
    } else {
        None
    };
    let blank = |s: &str| (!s.is_empty()).then(|| s.to_string());
    match existing {
        Some(id) => {
            // The newest details a person gives replace the old; a blank field keeps the old.
            tx.execute(
                "UPDATE petitioners SET name = ?2, name_initials = ?3,
                    sex = coalesce(?4, sex), phone = coalesce(?5, phone),
                    address = coalesce(?6, address), work_unit = coalesce(?7, work_unit),
                    version = version + 1
                 WHERE id = ?1",
                params![
                    id,
                    intake.name,
                    name_initials(&intake.name),
                    intake.sex.map(|s| s.code()),
                    intake.phone,
                    blank(&intake.address),
                    blank(&intake.work_unit)
                ],
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO petitioners (id_number, name, name_initials, sex, phone, address,
                    work_unit, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    intake.id_number,
                    intake.name,
                    name_initials(&intake.name),
                    intake.sex.map(|s| s.code()),
                    intake.phone,
                    blank(&intake.address),
                    blank(&intake.work_unit),
                    now
                ],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

fn save_contact(
    tx: &Transaction<'_>,
    actor: &Staff,
    case_id: i64,
    petitioner_id: i64,
    intake: &NewIntake,
    repeat: bool,
    now: &str,
) -> Result<i64> {
    let words = |s: &str| (repeat && !s.is_empty()).then(|| s.to_string());
    tx.execute(
        "INSERT INTO contacts (case_id, petitioner_id, channel, received_at, is_repeat, head_count,
            leapfrog, skipped_level, expert_id, recorded_by, recorded_at, summary, account)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            case_id,
            petitioner_id,
            intake.channel.code(),
            fmt_ts(intake.received_at),
            repeat,
            intake.head_count(),
            intake.leapfrog.is_some(),
            intake.leapfrog.map(|l| l.code()),
            intake.expert_id,
            actor.id,
            now,
            words(&intake.summary),
            words(&intake.account)
        ],
    )?;
    let contact_id = tx.last_insert_rowid();
    for m in &intake.materials {
        super::records::insert_material(tx, actor, case_id, contact_id, m, now)?;
    }
    let representatives = intake.collective.iter().flat_map(|c| &c.representatives);
    for (i, r) in representatives.enumerate() {
        tx.execute(
            "INSERT INTO representatives (contact_id, position, name, id_number, phone)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![contact_id, (i + 1) as i64, r.name, r.id_number, r.phone],
        )?;
    }
    Ok(contact_id)
}

/// The expert's name and the room they receive in now (or that day), for telling the visitor
/// where to go.
fn expert_room(tx: &Transaction<'_>, expert_id: i64, now: NaiveDateTime) -> Result<RoutedTo> {
    let name: String = tx
        .query_row(
            "SELECT name FROM staff WHERE id = ?1 AND active = 1",
            [expert_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound("the chosen expert is not active staff".into()))?;
    let room = super::roster::room_of(tx, expert_id, crate::domain::roster::HalfDay::of(now))?;
    Ok(RoutedTo {
        expert_name: name,
        room: room.unwrap_or_default(),
    })
}

/// The expert a visitor was routed to hears of it: their notification says which case and
/// which room. Even an expert who routed the visitor themselves gets it: it is the visitor
/// waiting in their list.
fn tell_expert(
    tx: &super::audit::Tx<'_>,
    actor: &Staff,
    now: NaiveDateTime,
    case_id: i64,
    expert_id: i64,
    room: &str,
) -> Result<()> {
    super::notifications::record(
        tx,
        actor,
        now,
        &crate::domain::notification::NewNotification {
            to_staff: expert_id,
            kind: crate::domain::notification::NotificationKind::Routed,
            case_id: Some(case_id),
            note: String::new(),
            place: room.to_string(),
        },
    )?;
    Ok(())
}

impl Store {
    /// Save an intake in one transaction: the petitioner (found or created, details updated),
    /// then either a new case (its clocks, its units, routing) with its first contact, or a
    /// repeat contact on an open case; representatives; the audit entry.
    pub fn save_intake(&mut self, actor: &Staff, intake: &NewIntake) -> Result<SavedCase> {
        require(actor, Act::RegisterIntake)?;
        let now = self.now();
        let now_text = fmt_ts(now);
        self.write(|tx| {
            let fresh = acting(tx, actor, Act::RegisterIntake)?;
            if intake.expert_id.is_some() {
                check_step(&fresh.roles, CaseState::Registered, CaseState::WithExpert)?;
            }
            let petitioner_id = save_petitioner(tx, intake, &now_text)?;
            let routed_to = match intake.expert_id {
                Some(e) => Some(expert_room(tx, e, now)?),
                None => None,
            };
            match intake.contact {
                ContactKind::FirstContact => {
                    let saved = new_case(tx, actor, intake, petitioner_id, &now_text, now)?;
                    if let (Some(expert), Some(to)) = (intake.expert_id, &routed_to) {
                        tell_expert(tx, actor, now, saved.case_id, expert, &to.room)?;
                    }
                    Ok(SavedCase { routed_to, ..saved })
                }
                ContactKind::RepeatOf(case_id) => {
                    let (number, state): (String, String) = tx
                        .query_row(
                            "SELECT number, state FROM cases WHERE id = ?1",
                            [case_id],
                            |r| r.try_into(),
                        )
                        .optional()?
                        .ok_or_else(|| StoreError::NotFound(format!("no case with id {case_id}")))?;
                    let state: CaseState = state.parse().map_err(StoreError::Invalid)?;
                    check_repeat(state.is_open()).map_err(|_| {
                        StoreError::Invalid(format!(
                            "{number} is closed: a closed matter is reopened by a review (复查) request, not a repeat contact"
                        ))
                    })?;
                    let contact_id =
                        save_contact(tx, actor, case_id, petitioner_id, intake, true, &now_text)?;
                    if intake.urgent {
                        tx.execute(
                            "UPDATE cases SET urgent = 1, urgent_at = ?2 WHERE id = ?1",
                            params![case_id, now_text],
                        )?;
                    }
                    if let Some(expert) = intake.expert_id
                        && state == CaseState::Registered
                    {
                        tx.execute(
                            "UPDATE cases SET state = 'with_expert', expert_id = ?2,
                                version = version + 1, updated_at = ?3, updated_by = ?4
                             WHERE id = ?1",
                            params![case_id, expert, now_text, actor.id],
                        )?;
                        if let Some(to) = &routed_to {
                            tell_expert(tx, actor, now, case_id, expert, &to.room)?;
                        }
                    }
                    let detail = serde_json::json!({
                        "number": number,
                        "contact_id": contact_id,
                        "petitioner_id": petitioner_id,
                        "channel": intake.channel.code(),
                        "received_at": fmt_ts(intake.received_at),
                        "head_count": intake.head_count(),
                        "expert_id": intake.expert_id,
                        "urgent": intake.urgent,
                        "repeat": true,
                    });
                    audit::append(
                        tx,
                        &Actor::from(actor),
                        now,
                        "intake.repeat",
                        "case",
                        Some(case_id),
                        &detail.to_string(),
                    )?;
                    Ok(SavedCase {
                        case_id,
                        number,
                        petitioner_id,
                        repeat: true,
                        accept: None,
                        routed_to,
                    })
                }
            }
        })
    }

    /// People matching the typed keys, most certain match first, each with their prior cases
    /// newest first. Uses the indexes on ID number, phone, name and name initials.
    pub fn find_history(&self, keys: &[LookupKey]) -> Result<Vec<PersonHistory>> {
        let mut people: Vec<PersonHistory> = vec![];
        for key in keys {
            let (sql, arg) = match key {
                LookupKey::IdNumber(v) => ("id_number = ?1", v),
                LookupKey::Phone(v) => ("phone = ?1", v),
                LookupKey::Name(v) => ("name = ?1", v),
                LookupKey::Initials(v) => ("name_initials = ?1", v),
            };
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT id, id_number, name, sex, phone, address, work_unit FROM petitioners
                 WHERE {sql} ORDER BY id DESC LIMIT {PEOPLE}"
            ))?;
            let found: Vec<RawPerson> = stmt
                .query_map([arg], |r| r.try_into())?
                .collect::<std::result::Result<_, _>>()?;
            for (id, id_number, name, sex, phone, address, work_unit) in found {
                if people.iter().any(|p| p.petitioner_id == id) || people.len() >= PEOPLE as usize {
                    continue;
                }
                people.push(PersonHistory {
                    petitioner_id: id,
                    id_number,
                    name,
                    sex: sex.as_deref().and_then(Sex::from_code),
                    phone,
                    address,
                    work_unit,
                    matched_by: key.clone(),
                    cases: self.prior_cases(id)?,
                });
            }
        }
        Ok(people)
    }

    fn prior_cases(&self, petitioner_id: i64) -> Result<Vec<PriorCase>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.number, c.received_at, cat.name_zh, c.state, c.due, c.summary,
                (SELECT count(*) FROM contacts ct WHERE ct.case_id = c.id)
             FROM cases c JOIN categories cat ON cat.id = c.category_id
             WHERE c.petitioner_id = ?1 ORDER BY c.received_at DESC LIMIT ?2",
        )?;
        let raws: Vec<RawPrior> = stmt
            .query_map(params![petitioner_id, PRIOR_CASES], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(
                |(case_id, number, received, category, state, due, summary, contacts)| {
                    Ok(PriorCase {
                        case_id,
                        number,
                        received_at: parse_timestamp(&received)?,
                        category,
                        state: state.parse().map_err(StoreError::Invalid)?,
                        due: due.as_deref().map(parse_date).transpose()?,
                        summary,
                        contacts,
                    })
                },
            )
            .collect()
    }

    /// Visitors routed to `expert_id` and still waiting, newest first.
    pub fn waiting_for(&self, expert_id: i64) -> Result<Vec<WaitingVisitor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.number, coalesce(p.name, ''), c.updated_at FROM cases c
             LEFT JOIN petitioners p ON p.id = c.petitioner_id
             WHERE c.expert_id = ?1 AND c.state = 'with_expert' ORDER BY c.updated_at DESC LIMIT 20",
        )?;
        let raws: Vec<(i64, String, String, String)> = stmt
            .query_map([expert_id], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(|(case_id, number, petitioner_name, at)| {
                Ok(WaitingVisitor {
                    case_id,
                    number,
                    petitioner_name,
                    routed_at: parse_timestamp(&at)?,
                })
            })
            .collect()
    }

    /// The whole ID number of a case's petitioner, for a role that needs it; the reveal is
    /// written to the audit log in the same transaction.
    pub fn reveal_id_number(&mut self, actor: &Staff, case_id: i64) -> Result<Option<String>> {
        require(actor, Act::RevealIdNumber)?;
        let now = self.now();
        self.write(|tx| {
            acting(tx, actor, Act::RevealIdNumber)?;
            let found: Option<Option<String>> = tx
                .query_row(
                    "SELECT p.id_number FROM cases c JOIN petitioners p ON p.id = c.petitioner_id
                     WHERE c.id = ?1",
                    [case_id],
                    |r| r.get(0),
                )
                .optional()?;
            let id_number = found.flatten();
            if id_number.is_some() {
                audit::append(
                    tx,
                    &Actor::from(actor),
                    now,
                    "id_number.reveal",
                    "case",
                    Some(case_id),
                    "resident ID number shown whole",
                )?;
            }
            Ok(id_number)
        })
    }

    /// The whole ID number of a petitioner, for a role that needs it (filling the form from
    /// the record); the reveal is written to the audit log in the same transaction.
    pub fn reveal_petitioner_id(
        &mut self,
        actor: &Staff,
        petitioner_id: i64,
    ) -> Result<Option<String>> {
        require(actor, Act::RevealIdNumber)?;
        let now = self.now();
        self.write(|tx| {
            let id_number: Option<String> = tx
                .query_row(
                    "SELECT id_number FROM petitioners WHERE id = ?1",
                    [petitioner_id],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            if id_number.is_some() {
                audit::append(
                    tx,
                    &Actor::from(actor),
                    now,
                    "id_number.reveal",
                    "petitioner",
                    Some(petitioner_id),
                    "resident ID number shown whole when filling the form from the record",
                )?;
            }
            Ok(id_number)
        })
    }

    /// The open case flagged urgent most recently.
    pub fn latest_urgent(&self) -> Result<Option<UrgentCase>> {
        let raw: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT c.urgent_at, c.number, coalesce(p.name, ''), c.summary FROM cases c
                 LEFT JOIN petitioners p ON p.id = c.petitioner_id
                 WHERE c.urgent = 1 AND c.state <> 'closed' AND c.urgent_at IS NOT NULL
                 ORDER BY c.urgent_at DESC LIMIT 1",
                [],
                |r| r.try_into(),
            )
            .optional()?;
        Ok(raw.map(
            |(flagged_at, number, petitioner_name, summary)| UrgentCase {
                flagged_at,
                number,
                petitioner_name,
                summary,
            },
        ))
    }

    /// Keep this staff member's half-typed form (one draft each), replacing the last.
    pub fn save_draft(&mut self, staff_id: i64, body: &str) -> Result<()> {
        let now = fmt_ts(self.now());
        self.write(|tx| {
            active_staff(tx, staff_id)?;
            tx.execute(
                "INSERT INTO drafts (staff_id, saved_at, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT(staff_id) DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body",
                params![staff_id, now, body],
            )?;
            Ok(())
        })?;
        self.clear_spooled_drafts(staff_id);
        Ok(())
    }

    /// The draft left by this staff member, if any: the newer of the one in the database and
    /// one spooled to a file when the database could not take it.
    pub fn draft(&self, staff_id: i64) -> Result<Option<StoredDraft>> {
        let stored = self.stored_draft(staff_id)?;
        let spooled = self.spooled_draft(staff_id);
        Ok(match (stored, spooled) {
            (Some(a), Some(b)) if b.saved_at > a.saved_at => Some(b),
            (None, Some(b)) => Some(b),
            (a, _) => a,
        })
    }

    fn stored_draft(&self, staff_id: i64) -> Result<Option<StoredDraft>> {
        Ok(self
            .conn
            .query_row(
                "SELECT saved_at, body FROM drafts WHERE staff_id = ?1",
                [staff_id],
                |r| {
                    Ok(StoredDraft {
                        saved_at: r.get(0)?,
                        body: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn delete_draft(&mut self, staff_id: i64) -> Result<()> {
        self.write(|tx| {
            active_staff(tx, staff_id)?;
            tx.execute("DELETE FROM drafts WHERE staff_id = ?1", [staff_id])?;
            Ok(())
        })?;
        self.clear_spooled_drafts(staff_id);
        Ok(())
    }

    /// Up to `n` petitioners spread over the table, for benchmarks.
    pub fn sample_petitioners(&self, n: usize) -> Result<Vec<PetitionerKeys>> {
        let max: i64 =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM petitioners", [], |r| {
                    r.get(0)
                })?;
        let step = (max / n.max(1) as i64).max(1);
        let mut stmt = self.conn.prepare(
            "SELECT id_number, phone, name, coalesce(name_initials, '') FROM petitioners
             WHERE id % ?1 = 0 LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![step, n as i64], |r| {
                Ok(PetitionerKeys {
                    id_number: r.get(0)?,
                    phone: r.get(1)?,
                    name: r.get(2)?,
                    initials: r.get(3)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }

    pub fn units(&self) -> Result<Vec<crate::domain::Unit>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, code, name, initials FROM units ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(crate::domain::Unit {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    initials: r.get(3)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }
}

fn new_case(
    tx: &super::audit::Tx<'_>,
    actor: &Staff,
    intake: &NewIntake,
    petitioner_id: i64,
    now_text: &str,
    now: NaiveDateTime,
) -> Result<SavedCase> {
    let category_id = intake
        .category_id
        .ok_or_else(|| StoreError::Invalid("a new case needs a category".into()))?;
    let calendar = calendar_in(tx)?;
    let counting = counting_of(tx)?;
    let rule = |name: &str| {
        rule_by_name(tx, name)?.ok_or_else(|| {
            StoreError::NotFound(format!(
                "the deadline rule '{name}' is missing: run `xfdesk init`"
            ))
        })
    };
    let register_rule = rule("register")?;
    let accept_rule = rule("accept")?;
    let received_day = intake.received_at.date();
    let accept = counted(
        &calendar,
        counting,
        &ClockSpec::new(received_day, accept_rule.period),
    )?;
    let number = super::cases::next_case_number(tx, intake.received_at.year())?;
    let received = fmt_ts(intake.received_at);
    let state = if intake.expert_id.is_some() {
        CaseState::WithExpert
    } else {
        CaseState::Registered
    };
    // Whoever registers the first contact is the case's first handler (首办责任人), accountable
    // for it until it is closed; the channel of that contact is the case's.
    tx.execute(
        "INSERT INTO cases (number, petitioner_id, kind, category_id, unit_id, expert_id, state,
            summary, account, received_at, accept_due, due, version, updated_at, updated_by,
            urgent, urgent_at, channel, first_handler_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, 1, ?12, ?13, ?14,
            CASE WHEN ?14 THEN ?12 END, ?15, ?13)",
        params![
            number,
            petitioner_id,
            intake.kind.code(),
            category_id,
            intake.unit_ids.first(),
            intake.expert_id,
            state.code(),
            intake.summary,
            intake.account,
            received,
            fmt_date(accept.due),
            now_text,
            actor.id,
            intake.urgent,
            intake.channel.code()
        ],
    )?;
    let case_id = tx.last_insert_rowid();
    for unit in &intake.unit_ids {
        tx.execute(
            "INSERT OR IGNORE INTO case_units (case_id, unit_id) VALUES (?1, ?2)",
            params![case_id, unit],
        )?;
    }
    start_clock(
        tx,
        &calendar,
        counting,
        case_id,
        &register_rule,
        received_day,
    )?;
    start_clock(tx, &calendar, counting, case_id, &accept_rule, received_day)?;
    refresh_case_due(tx, case_id)?;
    let contact_id = save_contact(tx, actor, case_id, petitioner_id, intake, false, now_text)?;
    let detail = serde_json::json!({
        "number": number,
        "petitioner_id": petitioner_id,
        "contact_id": contact_id,
        "channel": intake.channel.code(),
        "kind": intake.kind.code(),
        "category_id": category_id,
        "unit_ids": intake.unit_ids,
        "summary": intake.summary,
        "received_at": received,
        "head_count": intake.head_count(),
        "representatives": intake.collective.as_ref().map_or(0, |c| c.representatives.len()),
        "leapfrog": intake.leapfrog.map(|l| l.code()),
        "accept_due": fmt_date(accept.due),
        "expert_id": intake.expert_id,
        "urgent": intake.urgent,
        "state": state.code(),
        "first_contact": true,
    });
    audit::append(
        tx,
        &Actor::from(actor),
        now,
        "intake.new_case",
        "case",
        Some(case_id),
        &detail.to_string(),
    )?;
    Ok(SavedCase {
        case_id,
        number,
        petitioner_id,
        repeat: false,
        accept: Some(accept),
        routed_to: None,
    })
}
