//! The steps of a case's life: each taken in one transaction with its record, the state
//! change (optimistic: a stale version is refused and says who changed it), its clocks and
//! its audit entry; and the timeline that reads them back.

use super::audit::{self, Actor};
use super::clocks::{calendar_in, counting_of, one_running_clock, refresh_case_due, rule_by_name};
use super::{
    CaseRefusal, Result, Store, StoreError, fmt_date, fmt_ts, parse_date, parse_timestamp,
};
use crate::domain::Staff;
use crate::domain::calendar::{ClockSpec, Suspension, check_extension, check_suspension, count};
use crate::domain::case::{CaseState, MatterKind};
use crate::domain::document::DocumentKind;
use crate::domain::permission::{Act, require};
use crate::domain::timeline::{
    Incident, Material, NoticeOnCase, PersonNote, ShareDue, StepRecord, TimelineEntry, TimelineItem,
};
use crate::domain::workflow::{
    self, CaseFacts, ClockChange, Handling, HandlingKind, LegalChannel, Plan, Step, StepError,
    StepKind,
};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

/// What a step taken hands back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDone {
    pub case_id: i64,
    pub number: String,
    pub state: CaseState,
    pub version: i64,
    pub step_id: i64,
}

/// The parts of a step's record that are not columns, as JSON in `case_steps.detail`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Detail {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text2: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    legal_channel: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    co_units: Vec<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    report_by: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    assign: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    way: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    accepted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to_staff: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<String>,
}

/// The columns and detail a step is recorded with.
pub(crate) struct Record {
    pub(crate) text: String,
    handling: Option<HandlingKind>,
    unit_id: Option<i64>,
    rating: Option<&'static str>,
    settled: Option<bool>,
    on_day: Option<NaiveDate>,
    detail: Detail,
}

pub(crate) fn record_of(step: &Step) -> Record {
    let mut r = Record {
        text: String::new(),
        handling: None,
        unit_id: None,
        rating: None,
        settled: None,
        on_day: None,
        detail: Detail::default(),
    };
    match step {
        Step::Propose { handling, opinion } => {
            r.text = opinion.clone();
            r.handling = Some(handling.kind());
            match handling {
                Handling::Transfer { unit_id } => r.unit_id = Some(*unit_id),
                Handling::NotAccepted { reason, channel } => {
                    r.detail.text2 = reason.clone();
                    r.detail.legal_channel = Some(channel.code().to_string());
                }
                Handling::HandleHere | Handling::AlreadyHandled => {}
            }
        }
        Step::Approve { note }
        | Step::HandleHere { note }
        | Step::Reject { note }
        | Step::Close { note }
        | Step::TakeCharge { note } => r.text = note.clone(),
        Step::Return { reason } | Step::Recuse { reason } => r.text = reason.clone(),
        Step::Transfer {
            lead_unit,
            co_units,
            assign,
            report_by,
        } => {
            r.unit_id = Some(*lead_unit);
            r.detail.co_units = co_units.clone();
            r.detail.assign = *assign;
            r.detail.report_by = report_by.map(fmt_date);
        }
        Step::Reply {
            findings,
            resolution,
        } => {
            r.text = findings.clone();
            r.detail.text2 = resolution.clone();
        }
        Step::Review { accept, reason } => {
            r.text = reason.clone();
            r.detail.accepted = Some(*accept);
        }
        Step::Feedback {
            way,
            on,
            rating,
            note,
        } => {
            r.text = note.clone();
            r.on_day = Some(*on);
            r.rating = Some(rating.code());
            r.detail.way = Some(way.code().to_string());
        }
        Step::FollowUp { settled, note } => {
            r.text = note.clone();
            r.settled = Some(*settled);
        }
        Step::Reopen {
            level,
            received_on,
            request,
            override_reason,
        } => {
            r.text = request.clone();
            r.on_day = Some(*received_on);
            r.detail.level = Some(level.code().to_string());
            r.detail.text2 = override_reason.clone().unwrap_or_default();
        }
        Step::Extend { days, reason } => {
            r.text = reason.clone();
            r.detail.days = Some(*days);
        }
        Step::Suspend { from, to, reason } => {
            r.text = reason.clone();
            r.on_day = Some(*from);
            r.detail.until = Some(fmt_date(*to));
        }
        Step::Assign { to_staff, reason } => {
            r.text = reason.clone();
            r.detail.to_staff = Some(*to_staff);
        }
        Step::JointReview {
            held_on,
            lead_unit,
            solution,
            ..
        } => {
            r.text = solution.clone();
            r.on_day = Some(*held_on);
            r.unit_id = Some(*lead_unit);
        }
        Step::Supervise { supervisor, note } => {
            r.text = note.clone();
            r.detail.to_staff = Some(*supervisor);
        }
        Step::Urge { note } => r.text = note.clone(),
        Step::ExtensionRequest { days, reason } => {
            r.text = reason.clone();
            r.detail.days = Some(*days);
        }
        Step::SupervisionOrder {
            requirement,
            report_by,
        } => {
            r.text = requirement.clone();
            r.detail.report_by = Some(fmt_date(*report_by));
        }
        Step::Talk {
            held_on,
            with,
            notes,
        } => {
            r.text = notes.clone();
            r.on_day = Some(*held_on);
            r.detail.text2 = with.clone();
        }
        Step::ListSupervision { reason, report_by } => {
            r.text = reason.clone();
            r.detail.report_by = Some(fmt_date(*report_by));
        }
        Step::Accountability { target, proposal } => {
            r.text = proposal.clone();
            r.detail.text2 = target.clone();
        }
    }
    r
}

/// One step's record, as written by a step taken now or by a bulk load of past ones.
pub(crate) struct StepRow<'a> {
    pub case_id: i64,
    pub step: &'a Step,
    pub round: u8,
    pub from: CaseState,
    /// The state it moved the case to; None for a step that does not move it.
    pub to: Option<CaseState>,
    pub at: NaiveDateTime,
    pub staff_id: i64,
}

/// Write a step's record (its words, its columns for statistics, its detail) and return its id.
pub(crate) fn insert_step(conn: &Connection, row: &StepRow<'_>) -> Result<i64> {
    let record = record_of(row.step);
    conn.prepare_cached(
        "INSERT INTO case_steps (case_id, kind, round, from_state, to_state, at, staff_id,
            text, handling, unit_id, rating, settled, on_day, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        row.case_id,
        row.step.kind().code(),
        row.round,
        row.from.code(),
        row.to.map(|s| s.code()),
        fmt_ts(row.at),
        row.staff_id,
        record.text,
        record.handling.map(|h| h.code()),
        record.unit_id,
        record.rating,
        record.settled,
        record.on_day.map(fmt_date),
        serde_json::to_string(&record.detail).map_err(|e| StoreError::Invalid(e.to_string()))?
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The case row a step starts from.
struct CaseHead {
    number: String,
    state: CaseState,
    version: i64,
    updated_by: Option<String>,
    updated_at: String,
}

fn case_head(tx: &Connection, case_id: i64) -> Result<CaseHead> {
    let raw: Option<(String, String, i64, Option<String>, String)> = tx
        .query_row(
            "SELECT c.number, c.state, c.version, s.name, c.updated_at FROM cases c
             LEFT JOIN staff s ON s.id = c.updated_by WHERE c.id = ?1",
            [case_id],
            |r| r.try_into(),
        )
        .optional()?;
    let (number, state, version, updated_by, updated_at) =
        raw.ok_or_else(|| StoreError::NotFound(format!("no case with id {case_id}")))?;
    Ok(CaseHead {
        number,
        state: state.parse().map_err(StoreError::Invalid)?,
        version,
        updated_by,
        updated_at,
    })
}

/// A case's columns the workflow reads: state, kind, round, expert, leader, first handler,
/// supervisor.
type RawFacts = (
    String,
    String,
    u8,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// What the workflow needs to know of a case, as this connection sees it now.
pub(crate) fn case_facts(conn: &Connection, case_id: i64) -> Result<CaseFacts> {
    let (state, kind, round, expert, leader, first_handler, supervisor): RawFacts = conn
        .query_row(
            "SELECT state, kind, round, expert_id, leader_id, first_handler_id, supervisor_id
             FROM cases WHERE id = ?1",
            [case_id],
            |r| r.try_into(),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("no case with id {case_id}")))?;
    let state: CaseState = state.parse().map_err(StoreError::Invalid)?;
    let kind: MatterKind = kind.parse().map_err(StoreError::Invalid)?;
    let mut facts = CaseFacts::new(state, kind);
    facts.round = round;
    facts.expert_routed = expert.is_some();
    facts.leader_id = leader;
    facts.first_handler_id = first_handler;
    facts.supervisor_id = supervisor;
    (facts.ladder, facts.extension_requested) = super::supervision::ladder_of(conn, case_id)?;
    let proposed: Option<String> = conn
        .query_row(
            "SELECT handling FROM case_steps WHERE case_id = ?1 AND round = ?2 AND kind = 'propose'
             ORDER BY id DESC LIMIT 1",
            params![case_id, round],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    facts.proposed_handling = proposed
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(StoreError::Invalid)?;
    // Past Proposed on this round's path, the latest opinion is the approved one.
    use CaseState::*;
    if matches!(
        state,
        Approved
            | Transferred
            | HandledHere
            | NotAccepted
            | Replied
            | Reviewed
            | FeedbackGiven
            | Closed
    ) {
        facts.approved_handling = facts.proposed_handling;
    }
    facts.transferred = exists(
        conn,
        "SELECT 1 FROM case_steps WHERE case_id = ?1 AND round = ?2 AND kind = 'transfer'",
        params![case_id, round],
    )?;
    if kind == MatterKind::Accusation {
        facts.accused_units = conn
            .prepare_cached("SELECT unit_id FROM case_units WHERE case_id = ?1")?
            .query_map([case_id], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
    }
    let handle: Option<(bool, u32)> = conn
        .query_row(
            "SELECT stopped IS NULL, extension_days FROM clocks WHERE case_id = ?1 AND rule = 'handle'",
            [case_id],
            |r| r.try_into(),
        )
        .optional()?;
    facts.handle_running = handle.is_some_and(|(running, _)| running);
    facts.extended = handle.is_some_and(|(_, ext)| ext > 0);
    facts.any_running = exists(
        conn,
        "SELECT 1 FROM clocks WHERE case_id = ?1 AND stopped IS NULL",
        params![case_id],
    )?;
    let reply: Option<String> = conn
        .query_row(
            "SELECT on_day FROM case_steps WHERE case_id = ?1 AND kind = 'feedback'
             ORDER BY id DESC LIMIT 1",
            [case_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    facts.reply_on = reply.as_deref().map(parse_date).transpose()?;
    facts.followed_up = exists(
        conn,
        "SELECT 1 FROM case_steps f WHERE f.case_id = ?1 AND f.kind = 'follow-up'
           AND f.id > coalesce((SELECT max(id) FROM case_steps c WHERE c.case_id = ?1 AND c.kind = 'close'), 0)",
        params![case_id],
    )?;
    facts.recused = conn
        .prepare_cached("SELECT staff_id FROM recusals WHERE case_id = ?1")?
        .query_map([case_id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(facts)
}

fn exists(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<bool> {
    Ok(conn.query_row(&format!("SELECT EXISTS({sql})"), args, |r| r.get(0))?)
}

/// The acting account as it is now: a session's copy may be out of date (disabled, roles
/// changed), and every write goes by the account's present state.
fn fresh_actor(tx: &Transaction<'_>, actor: &Staff) -> Result<Staff> {
    match super::staff::staff_by_id(tx, actor.id)? {
        Some(s) if s.active => Ok(s),
        _ => Err(StoreError::Denied(
            crate::domain::permission::PermissionDenied {
                login: actor.login.clone(),
                act: Act::RegisterIntake,
                disabled: true,
            },
        )),
    }
}

/// One step on one case inside the caller's transaction: the case as it is now (and, with
/// `version`, as the actor saw it), the actor's account as it is now, the domain's check, the
/// record, the state, the clocks, the audit entry.
fn step_in(
    tx: &audit::Tx<'_>,
    actor: &Staff,
    case_id: i64,
    version: Option<i64>,
    step: &Step,
    now: NaiveDateTime,
    max_extension: u32,
) -> Result<StepDone> {
    let today = now.date();
    let head = case_head(tx, case_id)?;
    // A supervision step is a record beside the case's handling: it neither waits for nor
    // changes the case's version, and it is not its handlers' activity.
    let overlay = step.kind().is_supervision();
    if !overlay && version.is_some_and(|v| v != head.version) {
        return Err(StoreError::Stale {
            by: head.updated_by.unwrap_or_else(|| "?".into()),
            at: head.updated_at,
        });
    }
    let actor = fresh_actor(tx, actor)?;
    let facts = case_facts(tx, case_id)?;
    let last_day = match &step {
        Step::Reopen { .. } => reopen_last_day(tx, case_id, facts.round)?,
        _ => None,
    };
    let plan: Plan =
        workflow::check(&actor, step, &facts, today, last_day).map_err(StoreError::Step)?;
    let to = plan.to.unwrap_or(head.state);
    let round = match &step {
        Step::Reopen { level, .. } => level.round().max(facts.round + 1),
        _ => facts.round,
    };
    let step_id = insert_step(
        tx,
        &StepRow {
            case_id,
            step,
            round,
            from: head.state,
            to: plan.to,
            at: now,
            staff_id: actor.id,
        },
    )?;
    let record_text = record_of(step).text;
    side_effects(
        tx,
        &actor,
        case_id,
        step_id,
        step,
        &facts,
        now,
        max_extension,
    )?;
    if overlay {
        super::supervision::after_supervision_step(
            tx, &actor, case_id, step, step_id, &facts, now,
        )?;
    } else {
        tx.execute(
            "UPDATE cases SET state = ?1, round = ?2, version = version + 1, updated_at = ?3,
                updated_by = ?4
             WHERE id = ?5 AND version = ?6",
            params![
                to.code(),
                round,
                fmt_ts(now),
                actor.id,
                case_id,
                head.version
            ],
        )?;
    }
    apply_clocks(tx, case_id, &plan.clocks, today)?;
    tell_those_concerned(tx, &actor, case_id, step_id, step, head.state, now)?;
    audit::append(
        tx,
        &Actor::from(&actor),
        now,
        &format!("case.{}", step.kind().code()),
        "case",
        Some(case_id),
        &serde_json::json!({
            "number": head.number,
            "from": head.state.code(),
            "to": to.code(),
            "step_id": step_id,
            "text": record_text,
        })
        .to_string(),
    )?;
    Ok(StepDone {
        case_id,
        number: head.number,
        state: to,
        version: if overlay {
            head.version
        } else {
            head.version + 1
        },
        step_id,
    })
}

/// The last day a review request could come: the request window's clock, counted from the
/// reply.
fn reopen_last_day(tx: &Transaction<'_>, case_id: i64, round: u8) -> Result<Option<NaiveDate>> {
    let rule = if round == 0 {
        "review-request"
    } else {
        "rereview-request"
    };
    let due: Option<String> = tx
        .query_row(
            "SELECT due FROM clocks WHERE case_id = ?1 AND rule = ?2",
            params![case_id, rule],
            |r| r.get(0),
        )
        .optional()?;
    due.as_deref().map(parse_date).transpose()
}

fn apply_clocks(
    tx: &Transaction<'_>,
    case_id: i64,
    changes: &[ClockChange],
    today: NaiveDate,
) -> Result<()> {
    let calendar = calendar_in(tx)?;
    let counting = counting_of(tx)?;
    for change in changes {
        match *change {
            ClockChange::Start { rule, from } => {
                let exists: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM clocks WHERE case_id = ?1 AND rule = ?2)",
                    params![case_id, rule],
                    |r| r.get(0),
                )?;
                if exists {
                    continue;
                }
                let rule = rule_by_name(tx, rule)?.ok_or_else(|| {
                    StoreError::NotFound(format!(
                        "the deadline rule '{rule}' is missing: run `xfdesk init`"
                    ))
                })?;
                let due = count(&calendar, counting, &ClockSpec::new(from, rule.period));
                tx.execute(
                    "INSERT INTO clocks (case_id, rule, started, days, working, due)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        case_id,
                        rule.name,
                        fmt_date(from),
                        rule.period.days,
                        rule.period.working,
                        fmt_date(due.due)
                    ],
                )?;
            }
            ClockChange::Stop { rule } => {
                tx.execute(
                    "UPDATE clocks SET stopped = ?3 WHERE case_id = ?1 AND rule = ?2 AND stopped IS NULL",
                    params![case_id, rule, fmt_date(today)],
                )?;
            }
            ClockChange::StopAll => {
                tx.execute(
                    "UPDATE clocks SET stopped = ?2 WHERE case_id = ?1 AND stopped IS NULL",
                    params![case_id, fmt_date(today)],
                )?;
                tx.execute(
                    "UPDATE joint_review_shares SET done_on = ?2 WHERE case_id = ?1 AND done_on IS NULL",
                    params![case_id, fmt_date(today)],
                )?;
            }
        }
    }
    refresh_case_due(tx, case_id)
}

impl Store {
    /// The case with this number, if there is one.
    pub fn case_id_by_number(&self, number: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM cases WHERE number = ?1", [number], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// What the workflow knows of a case now.
    pub fn case_facts(&self, case_id: i64) -> Result<CaseFacts> {
        case_facts(&self.conn, case_id)
    }

    /// Take one step on a case: the domain checks it against the account as it is now and
    /// the case as it is now; `version` is the one the actor saw, and if someone saved the
    /// case since, nothing changes and the error says who and when. The record, the state
    /// change, the clocks and the audit entry are one transaction.
    pub fn take_step(
        &mut self,
        actor: &Staff,
        case_id: i64,
        version: i64,
        step: Step,
    ) -> Result<StepDone> {
        let step = step.cleaned();
        let now = self.now();
        let max_extension = self.rule("extend")?.map_or(30, |r| r.period.days);
        self.write(|tx| step_in(tx, actor, case_id, Some(version), &step, now, max_extension))
    }

    /// 批量: the same step on each of `case_ids` (a manager's marked selection), as the cases
    /// are now, in one transaction: all of them, or — if the step does not apply to some, or
    /// someone may not take it — none, with every case that refused and why.
    pub fn take_step_on_each(
        &mut self,
        actor: &Staff,
        case_ids: &[i64],
        step: Step,
    ) -> Result<Vec<StepDone>> {
        require(actor, Act::BulkAct)?;
        workflow::check_bulk(step.kind()).map_err(StoreError::Step)?;
        let step = step.cleaned();
        let now = self.now();
        let max_extension = self.rule("extend")?.map_or(30, |r| r.period.days);
        self.write(|tx| {
            let mut done = Vec::with_capacity(case_ids.len());
            let mut refused = Vec::new();
            for &case_id in case_ids {
                match step_in(tx, actor, case_id, None, &step, now, max_extension) {
                    Ok(d) => done.push(d),
                    Err(
                        e @ (StoreError::Step(_)
                        | StoreError::Denied(_)
                        | StoreError::Transition(_)
                        | StoreError::Invalid(_)
                        | StoreError::NotFound(_)),
                    ) => refused.push(CaseRefusal {
                        number: case_head(tx, case_id)
                            .map(|h| h.number)
                            .unwrap_or_else(|_| case_id.to_string()),
                        error: Box::new(e),
                    }),
                    Err(other) => return Err(other),
                }
            }
            if refused.is_empty() {
                Ok(done)
            } else {
                Err(StoreError::Refusals(refused))
            }
        })
    }

    /// Record that a statutory document was issued, for the timeline and the audit log.
    pub fn record_document(
        &mut self,
        actor: &Staff,
        case_id: i64,
        kind: DocumentKind,
    ) -> Result<()> {
        require(actor, Act::IssueDocument)?;
        let now = self.now();
        self.write(|tx| {
            let actor = fresh_actor(tx, actor)?;
            require(&actor, Act::IssueDocument)?;
            let round: u8 =
                tx.query_row("SELECT round FROM cases WHERE id = ?1", [case_id], |r| {
                    r.get(0)
                })?;
            let detail = Detail {
                document: Some(kind.code().to_string()),
                ..Detail::default()
            };
            tx.execute(
                "INSERT INTO case_steps (case_id, kind, round, at, staff_id, detail)
                 VALUES (?1, 'document', ?2, ?3, ?4, ?5)",
                params![
                    case_id,
                    round,
                    fmt_ts(now),
                    actor.id,
                    serde_json::to_string(&detail)
                        .map_err(|e| StoreError::Invalid(e.to_string()))?
                ],
            )?;
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "case.document",
                "case",
                Some(case_id),
                kind.code(),
            )
        })
    }

    /// Everything that happened to a case, in order.
    pub fn timeline(&self, case_id: i64) -> Result<Vec<TimelineEntry>> {
        timeline(&self.conn, case_id)
    }

    /// Confirmed incidents on a petitioner, as dated notes.
    pub fn person_notes(&self, petitioner_id: i64) -> Result<Vec<PersonNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.confirmed_at, c.number, i.text FROM incidents i JOIN cases c ON c.id = i.case_id
             WHERE i.petitioner_id = ?1 AND i.confirmed_at IS NOT NULL ORDER BY i.confirmed_at",
        )?;
        let raws: Vec<(String, String, String)> = stmt
            .query_map([petitioner_id], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(|(at, case_number, text)| {
                Ok(PersonNote {
                    on: parse_timestamp(&at)?.date(),
                    case_number,
                    text,
                })
            })
            .collect()
    }

    /// A case's joint-review shares with their due dates.
    pub fn shares(&self, case_id: i64) -> Result<Vec<ShareDue>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.name, s.share, s.due, s.done_on FROM joint_review_shares s
             JOIN units u ON u.id = s.unit_id WHERE s.case_id = ?1 ORDER BY s.due, s.id",
        )?;
        let raws: Vec<(String, String, String, Option<String>)> = stmt
            .query_map([case_id], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter()
            .map(|(unit, share, due, done)| {
                Ok(ShareDue {
                    unit,
                    share,
                    due: parse_date(&due)?,
                    done_on: done.as_deref().map(parse_date).transpose()?,
                })
            })
            .collect()
    }

    /// Names of the staff who stepped aside from a case.
    pub fn recused_names(&self, case_id: i64) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT s.name FROM recusals r JOIN staff s ON s.id = r.staff_id
                 WHERE r.case_id = ?1 ORDER BY r.at",
            )?
            .query_map([case_id], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?)
    }
}

/// Who hears of a step: a transfer, everyone the case concerns (its first handler, its
/// expert, the leader in charge); a return, whoever did the work that comes back (the one
/// whose step brought the case to the state it leaves, else its first handler). Never the
/// actor, who knows.
fn tell_those_concerned(
    tx: &audit::Tx<'_>,
    actor: &Staff,
    case_id: i64,
    step_id: i64,
    step: &Step,
    left: CaseState,
    now: NaiveDateTime,
) -> Result<()> {
    use super::notifications::{record, record_for_case};
    use crate::domain::notification::{NewNotification, NotificationKind};
    match step {
        Step::Transfer { lead_unit, .. } => {
            let unit: String = tx
                .query_row("SELECT name FROM units WHERE id = ?1", [lead_unit], |r| {
                    r.get(0)
                })
                .optional()?
                .unwrap_or_default();
            record_for_case(
                tx,
                actor,
                now,
                case_id,
                NotificationKind::Transfer,
                "",
                &unit,
            )?;
        }
        Step::Return { reason } => {
            let author: Option<i64> = tx
                .query_row(
                    "SELECT staff_id FROM case_steps
                     WHERE case_id = ?1 AND to_state = ?2 AND id < ?3 ORDER BY id DESC LIMIT 1",
                    params![case_id, left.code(), step_id],
                    |r| r.get(0),
                )
                .optional()?;
            let to = match author {
                Some(id) => Some(id),
                None => tx
                    .query_row(
                        "SELECT first_handler_id FROM cases WHERE id = ?1",
                        [case_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten(),
            };
            if let Some(to_staff) = to.filter(|id| *id != actor.id) {
                record(
                    tx,
                    actor,
                    now,
                    &NewNotification {
                        to_staff,
                        kind: NotificationKind::Return,
                        case_id: Some(case_id),
                        note: reason.clone(),
                        place: String::new(),
                    },
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// What a step changes beyond its record and the state.
#[allow(clippy::too_many_arguments)]
fn side_effects(
    tx: &Transaction<'_>,
    actor: &Staff,
    case_id: i64,
    step_id: i64,
    step: &Step,
    facts: &CaseFacts,
    now: NaiveDateTime,
    max_extension: u32,
) -> Result<()> {
    match step {
        Step::Transfer { lead_unit, .. } => {
            tx.execute(
                "UPDATE cases SET unit_id = ?2 WHERE id = ?1",
                params![case_id, lead_unit],
            )?;
        }
        Step::Assign { to_staff, .. } => {
            let active: bool = tx
                .query_row("SELECT active FROM staff WHERE id = ?1", [to_staff], |r| {
                    r.get(0)
                })
                .optional()?
                .unwrap_or(false);
            if !active {
                return Err(StoreError::NotFound(
                    "the staff member to assign is not active staff".into(),
                ));
            }
            tx.execute(
                "UPDATE cases SET first_handler_id = ?2 WHERE id = ?1",
                params![case_id, to_staff],
            )?;
        }
        Step::TakeCharge { .. } => {
            tx.execute(
                "UPDATE cases SET leader_id = ?2 WHERE id = ?1",
                params![case_id, actor.id],
            )?;
        }
        Step::Recuse { reason } => {
            tx.execute(
                "INSERT INTO recusals (case_id, staff_id, reason, at) VALUES (?1, ?2, ?3, ?4)",
                params![case_id, actor.id, reason, fmt_ts(now)],
            )?;
        }
        Step::JointReview { shares, .. } => {
            for s in shares {
                tx.execute(
                    "INSERT INTO joint_review_shares (case_id, step_id, unit_id, share, due)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![case_id, step_id, s.unit, s.share, fmt_date(s.due)],
                )?;
            }
        }
        Step::Reopen {
            level,
            received_on,
            request,
            ..
        } => {
            // A review request is a new contact on the same case, with its own deadline.
            let petitioner: Option<i64> = tx.query_row(
                "SELECT petitioner_id FROM cases WHERE id = ?1",
                [case_id],
                |r| r.get(0),
            )?;
            let at = received_on
                .and_hms_opt(9, 0, 0)
                .unwrap_or_else(|| received_on.and_time(chrono::NaiveTime::MIN));
            tx.execute(
                "INSERT INTO contacts (case_id, petitioner_id, channel, received_at, is_repeat,
                    head_count, leapfrog, recorded_by, recorded_at, summary, review_level)
                 VALUES (?1, ?2, 'letter', ?3, 1, 1, 0, ?4, ?5, ?6, ?7)",
                params![
                    case_id,
                    petitioner,
                    fmt_ts(at),
                    actor.id,
                    fmt_ts(now),
                    request,
                    level.code()
                ],
            )?;
        }
        Step::Supervise { supervisor, .. } => {
            let named = super::staff::staff_by_id(tx, *supervisor)?;
            if !named
                .as_ref()
                .is_some_and(crate::domain::supervision::may_supervise)
            {
                return Err(StoreError::Step(StepError::NotSupervisor));
            }
            tx.execute(
                "UPDATE cases SET supervisor_id = ?2 WHERE id = ?1",
                params![case_id, supervisor],
            )?;
        }
        Step::ExtensionRequest { days, reason } => {
            // Asked within what a manager may grant: once, at most the rule's days.
            check_extension(facts.extended, *days, max_extension, reason)
                .map_err(StoreError::Clock)?;
        }
        Step::Extend { days, reason } => {
            let mut c = one_running_clock(tx, case_id, "handle")?;
            check_extension(facts.extended, *days, max_extension, reason)
                .map_err(StoreError::Clock)?;
            c.spec.extension_days = *days;
            let due = count(&calendar_in(tx)?, counting_of(tx)?, &c.spec);
            tx.execute(
                "UPDATE clocks SET extension_days = ?1, due = ?2 WHERE id = ?3",
                params![days, fmt_date(due.due), c.id],
            )?;
        }
        Step::Suspend { from, to, reason } => {
            let suspension = Suspension {
                from: *from,
                to: *to,
            };
            check_suspension(suspension, reason).map_err(StoreError::Clock)?;
            let running: Vec<i64> = tx
                .prepare_cached("SELECT id FROM clocks WHERE case_id = ?1 AND stopped IS NULL")?
                .query_map([case_id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?;
            for clock_id in running {
                tx.execute(
                    "INSERT INTO clock_suspensions (clock_id, from_day, to_day, reason, by_staff, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![clock_id, fmt_date(*from), fmt_date(*to), reason, actor.id, fmt_ts(now)],
                )?;
            }
            recount_running(tx, case_id)?;
        }
        _ => {}
    }
    Ok(())
}

/// Count every running clock of a case again (after a suspension).
fn recount_running(tx: &Transaction<'_>, case_id: i64) -> Result<()> {
    let calendar = calendar_in(tx)?;
    let counting = counting_of(tx)?;
    let rules: Vec<String> = tx
        .prepare_cached("SELECT rule FROM clocks WHERE case_id = ?1 AND stopped IS NULL")?
        .query_map([case_id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    for rule in rules {
        let c = one_running_clock(tx, case_id, &rule)?;
        let due = count(&calendar, counting, &c.spec);
        tx.execute(
            "UPDATE clocks SET due = ?1 WHERE id = ?2",
            params![fmt_date(due.due), c.id],
        )?;
    }
    Ok(())
}

/// A step row as SQLite returns it.
type RawStep = (
    i64,
    String,
    u8,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<bool>,
    Option<String>,
    String,
);

/// A material row: id, at, recorded by, title, pages, original?, returned?, file.
type RawMaterial = (i64, String, String, String, u32, bool, bool, Option<String>);

/// An incident row: id, at, recorded by, text, confirmed by, confirmed at.
type RawIncident = (i64, String, String, String, Option<String>, Option<String>);

fn unit_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .query_row("SELECT name FROM units WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

fn staff_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .query_row("SELECT name FROM staff WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

pub(crate) fn timeline(conn: &Connection, case_id: i64) -> Result<Vec<TimelineEntry>> {
    let mut out: Vec<TimelineEntry> = vec![];
    for (at, who, contact) in super::cases::contacts_of(conn, case_id)? {
        out.push(TimelineEntry {
            at,
            who,
            item: TimelineItem::Contact(contact),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT st.id, st.kind, st.round, st.from_state, st.to_state, st.at, s.name, st.text,
            st.handling, u.name, st.rating, st.settled, st.on_day, st.detail
         FROM case_steps st JOIN staff s ON s.id = st.staff_id
         LEFT JOIN units u ON u.id = st.unit_id
         WHERE st.case_id = ?1 ORDER BY st.id",
    )?;
    let raws: Vec<RawStep> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    for (
        id,
        kind,
        round,
        from,
        to,
        at,
        who,
        text,
        handling,
        unit,
        rating,
        settled,
        on_day,
        detail,
    ) in raws
    {
        let detail: Detail = serde_json::from_str(&detail).unwrap_or_default();
        let at = parse_timestamp(&at)?;
        if let Some(doc) = &detail.document {
            if let Ok(kind) = doc.parse::<DocumentKind>() {
                out.push(TimelineEntry {
                    at,
                    who,
                    item: TimelineItem::Document(kind),
                });
            }
            continue;
        }
        let mut co_units = vec![];
        for u in &detail.co_units {
            co_units.push(unit_name(conn, *u)?);
        }
        let shares: Vec<(String, String, NaiveDate)> = if kind == "joint-review" {
            let mut s = conn.prepare_cached(
                "SELECT u.name, j.share, j.due FROM joint_review_shares j JOIN units u ON u.id = j.unit_id
                 WHERE j.step_id = ?1 ORDER BY j.id",
            )?;
            let raws: Vec<(String, String, String)> = s
                .query_map([id], |r| r.try_into())?
                .collect::<std::result::Result<_, _>>()?;
            raws.into_iter()
                .map(|(u, share, due)| Ok((u, share, parse_date(&due)?)))
                .collect::<Result<_>>()?
        } else {
            vec![]
        };
        let record = StepRecord {
            id,
            kind: StepKind::from_code(&kind),
            round,
            from: from.as_deref().and_then(|s| s.parse().ok()),
            to: to.as_deref().and_then(|s| s.parse().ok()),
            text,
            text2: detail.text2,
            handling: handling.as_deref().and_then(|s| s.parse().ok()),
            legal_channel: detail
                .legal_channel
                .as_deref()
                .and_then(|s| s.parse::<LegalChannel>().ok()),
            unit,
            co_units,
            report_by: detail.report_by.as_deref().map(parse_date).transpose()?,
            assign: detail.assign,
            way: detail.way.as_deref().and_then(|s| s.parse().ok()),
            on_day: on_day.as_deref().map(parse_date).transpose()?,
            until: detail.until.as_deref().map(parse_date).transpose()?,
            rating: rating.as_deref().and_then(|s| s.parse().ok()),
            settled,
            accepted: detail.accepted,
            level: detail.level.as_deref().and_then(|s| s.parse().ok()),
            days: detail.days,
            to_staff: detail.to_staff.map(|id| staff_name(conn, id)).transpose()?,
            shares,
        };
        out.push(TimelineEntry {
            at,
            who,
            item: TimelineItem::Step(record),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.at, s.name, m.title, m.pages, m.original, m.returned, m.file
         FROM materials m JOIN staff s ON s.id = m.recorded_by WHERE m.case_id = ?1 ORDER BY m.id",
    )?;
    let raws: Vec<RawMaterial> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    for (id, at, who, title, pages, original, returned, file) in raws {
        out.push(TimelineEntry {
            at: parse_timestamp(&at)?,
            who,
            item: TimelineItem::Material(Material {
                id,
                title,
                pages,
                original,
                returned,
                file,
            }),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.at, s.name, i.text, c.name, i.confirmed_at
         FROM incidents i JOIN staff s ON s.id = i.recorded_by
         LEFT JOIN staff c ON c.id = i.confirmed_by WHERE i.case_id = ?1 ORDER BY i.id",
    )?;
    let raws: Vec<RawIncident> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    for (id, at, who, text, confirmed_by, confirmed_at) in raws {
        out.push(TimelineEntry {
            at: parse_timestamp(&at)?,
            who,
            item: TimelineItem::Incident(Incident {
                id,
                text,
                confirmed_by,
                confirmed_at: confirmed_at.as_deref().map(parse_timestamp).transpose()?,
            }),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT n.at, s.name, n.number, coalesce(u.name, t.name, ''), n.failure
         FROM notice_cases nc JOIN notices n ON n.id = nc.notice_id
         JOIN staff s ON s.id = n.staff_id
         LEFT JOIN units u ON u.id = n.unit_id
         LEFT JOIN staff t ON t.id = n.target_staff_id
         WHERE nc.case_id = ?1 ORDER BY n.id",
    )?;
    let raws: Vec<(String, String, String, String, String)> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    for (at, who, number, target, failure) in raws {
        out.push(TimelineEntry {
            at: parse_timestamp(&at)?,
            who,
            item: TimelineItem::Notice(NoticeOnCase {
                number,
                target,
                failure,
            }),
        });
    }
    // In time order; a stable sort keeps a contact before the steps recorded the same minute.
    out.sort_by_key(|e| e.at);
    Ok(out)
}

impl From<StepError> for StoreError {
    fn from(e: StepError) -> Self {
        StoreError::Step(e)
    }
}
