//! Supervision (督办) in the store: the supervision list (the queue's own search and filters,
//! open cases in deadline order, with who is responsible and how far up the ladder each has
//! gone), the ladder read from a case's steps, what a supervision step does beyond its
//! record, accountability notices (`notices`) and the nightly check's record (`check`).

mod check;
mod notices;
mod runs;

pub use runs::{CheckRun, RecordedFinding};

use super::audit::Tx;
use super::{Result, Store, parse_timestamp};
use crate::domain::Staff;
use crate::domain::notification::{NewNotification, NotificationKind};
use crate::domain::query::{CaseQuery, Cursor, DueFilter, ListedCase, StateFilter};
use crate::domain::supervision::{Ladder, SupervisedCase, UrgencyCounts};
use crate::domain::workflow::{CaseFacts, Step, StepKind};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

/// What a case has had of the ladder, whether an extension request waits for a manager, and
/// when it was last urged.
pub(crate) struct LadderRow {
    pub ladder: Ladder,
    pub extension_requested: bool,
    pub last_urged: Option<NaiveDate>,
}

fn ladder_row(conn: &Connection, case_id: i64) -> Result<LadderRow> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, count(*), max(at) FROM case_steps
         WHERE case_id = ?1 AND kind IN ('urge', 'supervision-order', 'talk', 'list',
            'accountability', 'extension-request')
         GROUP BY kind",
    )?;
    let rows: Vec<(String, u32, String)> = stmt
        .query_map([case_id], |r| r.try_into())?
        .collect::<std::result::Result<_, _>>()?;
    let mut out = LadderRow {
        ladder: Ladder::default(),
        extension_requested: false,
        last_urged: None,
    };
    for (kind, n, at) in rows {
        match StepKind::from_code(&kind) {
            Some(StepKind::Urge) => {
                out.ladder.urged = n;
                out.last_urged = Some(parse_timestamp(&at)?.date());
            }
            Some(StepKind::SupervisionOrder) => out.ladder.ordered = true,
            Some(StepKind::Talk) => out.ladder.talked = true,
            Some(StepKind::ListSupervision) => out.ladder.listed = true,
            Some(StepKind::Accountability) => out.ladder.accountability = true,
            Some(StepKind::ExtensionRequest) => out.extension_requested = true,
            _ => {}
        }
    }
    out.ladder.noticed = conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM notice_cases WHERE case_id = ?1)")?
        .query_row([case_id], |r| r.get(0))?;
    Ok(out)
}

/// The ladder of a case and whether an extension was asked for, for its workflow facts.
pub(crate) fn ladder_of(conn: &Connection, case_id: i64) -> Result<(Ladder, bool)> {
    let row = ladder_row(conn, case_id)?;
    Ok((row.ladder, row.extension_requested))
}

/// What happened on a case under supervision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SupervisionWhat {
    /// A supervision step (urged, put under supervision, …), with what its record says.
    Step { kind: StepKind, record: String },
    /// A notice (通报) named the case.
    Notice { number: String },
}

/// A supervision event that concerns someone: what happened, on which case, and whom it
/// concerns (`domain::supervision::concerned`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SupervisionEvent {
    pub what: SupervisionWhat,
    pub case_id: i64,
    pub to_staff: Vec<i64>,
}

/// Tell the people concerned of a supervision event, inside its own transaction: an urging,
/// a case put under supervision, a further rung of the ladder, a notice naming the case.
/// The office's notify command hears of them after the commit, with every other notification.
pub(crate) fn notify_supervision_event(
    tx: &Tx<'_>,
    by: &Staff,
    at: NaiveDateTime,
    event: &SupervisionEvent,
) -> Result<()> {
    let (kind, note) = match &event.what {
        SupervisionWhat::Step {
            kind: StepKind::Urge,
            record,
        } => (NotificationKind::Urge, record.clone()),
        SupervisionWhat::Step {
            kind: StepKind::Supervise,
            record,
        } => (NotificationKind::Supervise, record.clone()),
        SupervisionWhat::Step { record, .. } => (NotificationKind::Escalated, record.clone()),
        SupervisionWhat::Notice { number } => (NotificationKind::Notice, number.clone()),
    };
    for to_staff in &event.to_staff {
        super::notifications::record(
            tx,
            by,
            at,
            &NewNotification {
                to_staff: *to_staff,
                kind,
                case_id: Some(event.case_id),
                note: note.clone(),
                place: String::new(),
            },
        )?;
    }
    Ok(())
}

/// What a supervision step does beyond its record: the step is counted against the unit the
/// case is with now (so statistics keep it there if the case moves on), and those concerned
/// are told.
pub(crate) fn after_supervision_step(
    tx: &Tx<'_>,
    actor: &Staff,
    case_id: i64,
    step: &Step,
    step_id: i64,
    facts: &CaseFacts,
    now: NaiveDateTime,
) -> Result<()> {
    tx.execute(
        "UPDATE case_steps SET unit_id = (SELECT unit_id FROM cases WHERE id = ?1)
         WHERE id = ?2 AND unit_id IS NULL",
        params![case_id, step_id],
    )?;
    let supervisor: Option<i64> = tx
        .query_row(
            "SELECT supervisor_id FROM cases WHERE id = ?1",
            [case_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let kind = step.kind();
    notify_supervision_event(
        tx,
        actor,
        now,
        &SupervisionEvent {
            what: SupervisionWhat::Step {
                kind,
                record: super::workflow::record_of(step).text,
            },
            case_id,
            to_staff: crate::domain::supervision::concerned(
                kind,
                actor.id,
                facts.first_handler_id,
                supervisor,
            ),
        },
    )
}

/// The people and unit of a listed case.
type RawPeople = (i64, Option<String>, Option<String>, Option<String>, bool);

impl Store {
    /// Open cases matching the list's filters, counted by urgency as of its day: all of them,
    /// overdue, due soon. The list's own due filter is set aside: the counts say how the open
    /// cases of the other filters stand.
    pub fn supervision_counts(&self, query: &CaseQuery) -> Result<UrgencyCounts> {
        let mut q = query.clone();
        q.search = None;
        q.filters.state = StateFilter::Open;
        q.filters.due = None;
        let open = self.count_cases(&q)?;
        q.filters.due = Some(DueFilter::Overdue);
        let overdue = self.count_cases(&q)?;
        q.filters.due = Some(DueFilter::DueSoon);
        let due_soon = self.count_cases(&q)?;
        Ok(UrgencyCounts {
            open,
            overdue,
            due_soon,
        })
    }

    /// A page of the supervision list after `after` (None: from the start): the queue's
    /// search and filters over open cases, soonest deadline first, each with its people and
    /// ladder.
    pub fn supervision_page(
        &self,
        query: &CaseQuery,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<Vec<SupervisedCase>> {
        let listed = self.cases_after(&supervision_query(query), after, limit)?;
        self.decorate(listed)
    }

    /// The page just before `before`, in list order.
    pub fn supervision_page_before(
        &self,
        query: &CaseQuery,
        before: Cursor,
        limit: u32,
    ) -> Result<Vec<SupervisedCase>> {
        let listed = self.cases_before(&supervision_query(query), before, limit)?;
        self.decorate(listed)
    }

    fn decorate(&self, listed: Vec<ListedCase>) -> Result<Vec<SupervisedCase>> {
        let mut people = self.conn.prepare_cached(
            "SELECT c.id, u.name, h.name, s.name,
                coalesce((SELECT k.extension_days = 0 FROM clocks k
                          WHERE k.case_id = c.id AND k.rule = 'handle'), 1)
             FROM cases c
             LEFT JOIN units u ON u.id = c.unit_id
             LEFT JOIN staff h ON h.id = c.first_handler_id
             LEFT JOIN staff s ON s.id = c.supervisor_id
             WHERE c.id = ?1",
        )?;
        let mut out = Vec::with_capacity(listed.len());
        for l in listed {
            let (_, unit, first_handler, supervisor, not_extended): RawPeople =
                people.query_row([l.row.id], |r| r.try_into())?;
            let ladder = ladder_row(&self.conn, l.row.id)?;
            out.push(SupervisedCase {
                listed: l,
                unit,
                first_handler,
                supervisor,
                ladder: ladder.ladder,
                extension_requested: ladder.extension_requested && not_extended,
                last_urged: ladder.last_urged,
            });
        }
        Ok(out)
    }
}

/// The supervision list's query: open cases by deadline, whatever the list asked.
fn supervision_query(query: &CaseQuery) -> CaseQuery {
    let mut q = query.clone();
    q.filters.state = StateFilter::Open;
    q.sort = crate::domain::query::Sort::Deadline;
    q
}
