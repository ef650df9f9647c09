//! Notifications: recorded for their recipient inside the transaction of what they tell of,
//! read back by the recipient's sessions, marked read; and what became of the office's notify
//! command for each (sent, or failed with the reason, also in the audit log).
//!
//! To notify someone of an event, call [`record`] inside the event's own write transaction
//! (e.g. `notifications::record(tx, &actor, now, &NewNotification { .. })`); [`concerned`]
//! names the staff a case concerns. Once the transaction commits, the event is handed to the
//! notify command by whoever owns the session (see `Store::take_notification_events`).

use super::audit::{self, Actor, Tx};
use super::{Result, Store, StoreError, fmt_ts, parse_timestamp};
use crate::domain::Staff;
use crate::domain::notification::{
    NewNotification, Notification, NotificationEvent, NotificationKind, Unread,
};
use crate::domain::text::clean_line;
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

/// The longest note a notification keeps.
pub const MAX_NOTE_CHARS: usize = 500;

fn bounded(text: &str, max: usize) -> String {
    clean_line(text).trim().chars().take(max).collect()
}

/// Record a notification for `n.to_staff` of something `by` did, in the caller's transaction;
/// it is shown to the recipient once the transaction commits, and handed to the notify
/// command. Returns its id.
pub(crate) fn record(
    tx: &Tx<'_>,
    by: &Staff,
    at: NaiveDateTime,
    n: &NewNotification,
) -> Result<i64> {
    let note = bounded(&n.note, MAX_NOTE_CHARS);
    let place = bounded(&n.place, 100);
    let to: (String, String) = tx
        .query_row(
            "SELECT login, name FROM staff WHERE id = ?1",
            [n.to_staff],
            |r| r.try_into(),
        )
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("no staff member with id {}", n.to_staff)))?;
    tx.execute(
        "INSERT INTO notifications (staff_id, kind, case_id, at, by_staff, note, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            n.to_staff,
            n.kind.code(),
            n.case_id,
            fmt_ts(at),
            by.id,
            note,
            place
        ],
    )?;
    let id = tx.last_insert_rowid();
    let case_number: Option<String> = match n.case_id {
        Some(case) => tx
            .query_row("SELECT number FROM cases WHERE id = ?1", [case], |r| {
                r.get(0)
            })
            .optional()?,
        None => None,
    };
    tx.outbox.borrow_mut().push(NotificationEvent {
        id,
        kind: n.kind,
        at,
        to_login: to.0,
        to_name: to.1,
        by_login: by.login.clone(),
        by_name: by.name.clone(),
        case_number,
        note,
        place,
    });
    Ok(id)
}

/// The staff a case concerns: its first handler, the expert it was routed to and the leader
/// in charge of it, each once.
pub(crate) fn concerned(conn: &Connection, case_id: i64) -> Result<Vec<i64>> {
    let ids: Option<(Option<i64>, Option<i64>, Option<i64>)> = conn
        .query_row(
            "SELECT first_handler_id, expert_id, leader_id FROM cases WHERE id = ?1",
            [case_id],
            |r| r.try_into(),
        )
        .optional()?;
    let mut out = vec![];
    if let Some((a, b, c)) = ids {
        for id in [a, b, c].into_iter().flatten() {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    Ok(out)
}

/// Tell everyone a case concerns (but `by`, who knows) of `kind`.
pub(crate) fn record_for_case(
    tx: &Tx<'_>,
    by: &Staff,
    at: NaiveDateTime,
    case_id: i64,
    kind: NotificationKind,
    note: &str,
    place: &str,
) -> Result<Vec<i64>> {
    let mut ids = vec![];
    for to_staff in concerned(tx, case_id)? {
        if to_staff == by.id {
            continue;
        }
        ids.push(record(
            tx,
            by,
            at,
            &NewNotification {
                to_staff,
                kind,
                case_id: Some(case_id),
                note: note.to_string(),
                place: place.to_string(),
            },
        )?);
    }
    Ok(ids)
}

type RawNotification = (
    i64,
    String,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    bool,
);

const SELECT: &str = "SELECT n.id, n.kind, n.at, n.case_id, c.number, p.name, s.name, n.note,
        n.place, n.read_at IS NOT NULL
     FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
     LEFT JOIN petitioners p ON p.id = c.petitioner_id
     LEFT JOIN staff s ON s.id = n.by_staff";

fn notification_of(raw: RawNotification) -> Result<Notification> {
    let (id, kind, at, case_id, case_number, petitioner_name, by_name, note, place, read) = raw;
    Ok(Notification {
        id,
        kind: NotificationKind::parse(&kind)
            .ok_or_else(|| StoreError::Invalid(format!("unknown notification kind: {kind}")))?,
        at: parse_timestamp(&at)?,
        case_id,
        case_number,
        petitioner_name,
        by_name,
        note,
        place,
        read,
    })
}

/// The account may still write (an open session of a disabled account marks nothing).
fn still_active(conn: &Connection, actor: &Staff) -> Result<()> {
    match super::staff::staff_by_id(conn, actor.id)? {
        Some(s) if s.active && s.login == actor.login => Ok(()),
        _ => Err(StoreError::Denied(
            crate::domain::permission::PermissionDenied {
                login: actor.login.clone(),
                act: crate::domain::permission::Act::AnchorAudit,
                disabled: true,
            },
        )),
    }
}

impl Store {
    /// Notify someone of something `actor` did, in a transaction of its own, audited. For an
    /// event written in its own transaction, record the notification there instead
    /// (`store::notifications::record`), so that both are saved or neither.
    pub fn notify(&mut self, actor: &Staff, n: &NewNotification) -> Result<i64> {
        let now = self.now();
        self.write(|tx| {
            still_active(tx, actor)?;
            let id = record(tx, actor, now, n)?;
            audit::append(
                tx,
                &Actor::from(actor),
                now,
                &format!("notify.{}", n.kind.code()),
                "notification",
                Some(id),
                &serde_json::json!({"to": n.to_staff, "case_id": n.case_id}).to_string(),
            )?;
            Ok(id)
        })
    }

    /// The notifications committed by this connection since the last call, for the notify
    /// command.
    pub fn take_notification_events(&mut self) -> Vec<NotificationEvent> {
        std::mem::take(&mut self.outbox)
    }

    /// How many notifications `staff_id` has not read, and the newest of them.
    pub fn unread_notifications(&self, staff_id: i64) -> Result<Unread> {
        let count: u32 = self.conn.query_row(
            "SELECT count(*) FROM notifications WHERE staff_id = ?1 AND read_at IS NULL",
            [staff_id],
            |r| r.get(0),
        )?;
        let raw: Option<RawNotification> = self
            .conn
            .query_row(
                &format!("{SELECT} WHERE n.staff_id = ?1 AND n.read_at IS NULL ORDER BY n.id DESC LIMIT 1"),
                [staff_id],
                |r| r.try_into(),
            )
            .optional()?;
        Ok(Unread {
            count,
            newest: raw.map(notification_of).transpose()?,
        })
    }

    /// `staff_id`'s notifications, newest first, at most `limit`.
    pub fn notifications_for(&self, staff_id: i64, limit: u32) -> Result<Vec<Notification>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE n.staff_id = ?1 ORDER BY n.id DESC LIMIT ?2"
        ))?;
        let raws: Vec<RawNotification> = stmt
            .query_map(params![staff_id, limit], |r| r.try_into())?
            .collect::<std::result::Result<_, _>>()?;
        raws.into_iter().map(notification_of).collect()
    }

    /// Mark one of the actor's own notifications read (someone else's is left alone).
    pub fn mark_notification_read(&mut self, actor: &Staff, id: i64) -> Result<()> {
        let now = fmt_ts(self.now());
        self.write(|tx| {
            still_active(tx, actor)?;
            tx.execute(
                "UPDATE notifications SET read_at = ?3
                 WHERE id = ?1 AND staff_id = ?2 AND read_at IS NULL",
                params![id, actor.id, now],
            )?;
            Ok(())
        })
    }

    /// Mark all of the actor's notifications read; returns how many were unread.
    pub fn mark_all_notifications_read(&mut self, actor: &Staff) -> Result<usize> {
        let now = fmt_ts(self.now());
        self.write(|tx| {
            still_active(tx, actor)?;
            Ok(tx.execute(
                "UPDATE notifications SET read_at = ?2 WHERE staff_id = ?1 AND read_at IS NULL",
                params![actor.id, now],
            )?)
        })
    }

    /// What became of the notify command for notification `id`: sent, or failed with the
    /// reason (a failure is also written to the audit log, as `actor`'s).
    pub fn record_delivery(
        &mut self,
        actor: &Staff,
        id: i64,
        outcome: &std::result::Result<(), String>,
    ) -> Result<()> {
        let now = self.now();
        self.write(|tx| {
            let (state, note) = match outcome {
                Ok(()) => ("sent", String::new()),
                Err(why) => ("failed", bounded(why, MAX_NOTE_CHARS)),
            };
            tx.execute(
                "UPDATE notifications SET delivery = ?2, delivery_note = ?3, delivered_at = ?4
                 WHERE id = ?1",
                params![id, state, note, fmt_ts(now)],
            )?;
            if outcome.is_err() {
                audit::append(
                    tx,
                    &Actor::from(actor),
                    now,
                    "notify.failed",
                    "notification",
                    Some(id),
                    &note,
                )?;
            }
            Ok(())
        })
    }

    /// The notify command's outcome for a notification: `sent`, `failed` with the reason, or
    /// None while it has none.
    pub fn delivery_of(&self, id: i64) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT delivery, delivery_note FROM notifications WHERE id = ?1 AND delivery IS NOT NULL",
                [id],
                |r| r.try_into(),
            )
            .optional()?)
    }
}
