//! Records kept on a contact beside the workflow: the materials received (材料) and the
//! incidents during a visit, which show on the person only once a manager confirms them.

use super::audit::{self, Actor};
use super::{Result, Store, StoreError, fmt_ts};
use crate::domain::Staff;
use crate::domain::contact::NewMaterial;
use crate::domain::permission::{Act, require};
use rusqlite::{OptionalExtension, Transaction, params};

/// The case's newest contact, or the one named if it belongs to the case.
fn contact_of(tx: &Transaction<'_>, case_id: i64) -> Result<(i64, Option<i64>)> {
    tx.query_row(
        "SELECT id, petitioner_id FROM contacts WHERE case_id = ?1 ORDER BY received_at DESC, id DESC LIMIT 1",
        [case_id],
        |r| r.try_into(),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("case {case_id} has no contact")))
}

fn fresh(tx: &Transaction<'_>, actor: &Staff, act: Act) -> Result<Staff> {
    let now = super::staff::staff_by_id(tx, actor.id)?
        .filter(|s| s.active)
        .ok_or_else(|| {
            StoreError::Denied(crate::domain::permission::PermissionDenied {
                login: actor.login.clone(),
                act,
                disabled: true,
            })
        })?;
    require(&now, act)?;
    Ok(now)
}

pub(crate) fn insert_material(
    tx: &Transaction<'_>,
    actor: &Staff,
    case_id: i64,
    contact_id: i64,
    m: &NewMaterial,
    at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO materials (case_id, contact_id, title, pages, original, returned, file,
            recorded_by, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            case_id, contact_id, m.title, m.pages, m.original, m.returned, m.file, actor.id, at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    /// The materials received with the case's newest contact.
    pub fn materials_of_latest_contact(
        &self,
        case_id: i64,
    ) -> Result<Vec<crate::domain::timeline::Material>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, pages, original, returned, file FROM materials
             WHERE contact_id = (SELECT id FROM contacts WHERE case_id = ?1
                                 ORDER BY received_at DESC, id DESC LIMIT 1)
             ORDER BY id",
        )?;
        let rows = stmt
            .query_map([case_id], |r| {
                Ok(crate::domain::timeline::Material {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    pages: r.get(2)?,
                    original: r.get(3)?,
                    returned: r.get(4)?,
                    file: r.get(5)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }

    /// Record a material received with the case's newest contact.
    pub fn add_material(
        &mut self,
        actor: &Staff,
        case_id: i64,
        material: NewMaterial,
    ) -> Result<i64> {
        let m = material.checked().map_err(|p| {
            StoreError::Invalid(crate::i18n::errors::material_problem(
                crate::i18n::Lang::En,
                p,
            ))
        })?;
        require(actor, Act::RecordMaterial)?;
        let now = self.now();
        self.write(|tx| {
            let actor = fresh(tx, actor, Act::RecordMaterial)?;
            let (contact_id, _) = contact_of(tx, case_id)?;
            let id = insert_material(tx, &actor, case_id, contact_id, &m, &fmt_ts(now))?;
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "material.add",
                "case",
                Some(case_id),
                &serde_json::json!({ "title": m.title, "pages": m.pages, "original": m.original,
                    "returned": m.returned })
                .to_string(),
            )?;
            Ok(id)
        })
    }

    /// Record what happened during the case's newest contact, in words.
    pub fn record_incident(&mut self, actor: &Staff, case_id: i64, text: &str) -> Result<i64> {
        let text = crate::domain::text::clean_text(text, true)
            .trim()
            .to_string();
        if text.is_empty() {
            return Err(StoreError::Step(
                crate::domain::workflow::StepError::TextRequired,
            ));
        }
        require(actor, Act::RecordIncident)?;
        let now = self.now();
        self.write(|tx| {
            let actor = fresh(tx, actor, Act::RecordIncident)?;
            let (contact_id, petitioner) = contact_of(tx, case_id)?;
            tx.execute(
                "INSERT INTO incidents (case_id, contact_id, petitioner_id, text, recorded_by, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![case_id, contact_id, petitioner, text, actor.id, fmt_ts(now)],
            )?;
            let id = tx.last_insert_rowid();
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "incident.record",
                "case",
                Some(case_id),
                &text,
            )?;
            Ok(id)
        })
    }

    /// A manager confirms an incident: it then shows as a dated note on the person.
    pub fn confirm_incident(&mut self, actor: &Staff, incident_id: i64) -> Result<()> {
        require(actor, Act::ConfirmIncident)?;
        let now = self.now();
        self.write(|tx| {
            let actor = fresh(tx, actor, Act::ConfirmIncident)?;
            let case_id: i64 = tx
                .query_row(
                    "SELECT case_id FROM incidents WHERE id = ?1 AND confirmed_at IS NULL",
                    [incident_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound("no such unconfirmed incident".into()))?;
            tx.execute(
                "UPDATE incidents SET confirmed_by = ?2, confirmed_at = ?3 WHERE id = ?1",
                params![incident_id, actor.id, fmt_ts(now)],
            )?;
            audit::append(
                tx,
                &Actor::from(&actor),
                now,
                "incident.confirm",
                "case",
                Some(case_id),
                &incident_id.to_string(),
            )
        })
    }
}
