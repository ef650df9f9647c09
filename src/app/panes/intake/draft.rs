//! Drafts: the half-typed form is kept as this staff member's draft shortly after typing stops
//! and whenever the session ends, and offered back at the next start.

use super::IntakePane;
use super::form::{IntakeForm, KnownPerson, REPRESENTATIVES};
use crate::app::context::Ctx;
use crate::app::session::StatusKind;
use crate::app::text_field::multi_line_field_with;
use crate::domain::intake::{IntakeField, RepresentativeInput};
use crate::domain::lookup::ContactKind;
use crate::domain::{Category, Channel, Leapfrog, MatterKind, Sex, Unit};
use crate::i18n::Msg;
use crate::store::{Store, StoreError};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

/// Typing pauses this long before the draft is written (and on hang-up at once).
pub const DRAFT_DEBOUNCE: Duration = Duration::from_millis(700);

/// When the form last changed without its draft being written.
#[derive(Debug, Default)]
pub struct DraftClock {
    changed_at: Option<Instant>,
}

impl DraftClock {
    pub fn changed(&mut self) {
        self.changed_at = Some(Instant::now());
    }

    pub fn saved(&mut self) {
        self.changed_at = None;
    }

    pub fn pending(&self) -> bool {
        self.changed_at.is_some()
    }

    /// When the pending draft should be written, if one is pending.
    pub fn due(&self) -> Option<Instant> {
        self.changed_at.map(|t| t + DRAFT_DEBOUNCE)
    }
}

/// A half-typed form, as saved in the drafts table (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeDraft {
    pub focus: usize,
    pub lines: Vec<String>,
    pub account: String,
    pub sex: Option<Sex>,
    pub channel: String,
    #[serde(default)]
    pub urgent: bool,
    pub collective: bool,
    pub kind: String,
    /// Drafts written before the field had its DESIGN name call it `skipped_level`.
    #[serde(alias = "skipped_level")]
    pub leapfrog: Option<Leapfrog>,
    pub category_id: Option<i64>,
    pub unit_ids: Vec<i64>,
    pub representatives: Vec<RepresentativeInput>,
    pub repeat_of: Option<i64>,
    pub repeat_number: Option<String>,
    #[serde(default)]
    pub known_petitioner: Option<i64>,
    #[serde(default)]
    pub known_masked_id: Option<String>,
    #[serde(default)]
    pub received_edited: bool,
    #[serde(default)]
    pub materials: Vec<crate::domain::contact::NewMaterial>,
}

impl IntakeDraft {
    pub fn of(form: &IntakeForm) -> Self {
        IntakeDraft {
            focus: IntakeField::ORDER
                .iter()
                .position(|f| *f == form.focus)
                .unwrap_or(0),
            lines: form.line_texts(),
            account: crate::app::text_field::lines_of(&form.account),
            sex: form.sex,
            channel: form.channel.code().to_string(),
            urgent: form.urgent,
            collective: form.collective,
            kind: form.kind.code().to_string(),
            leapfrog: form.leapfrog,
            category_id: form.category.as_ref().map(|c| c.id),
            unit_ids: form.units.iter().map(|u| u.id).collect(),
            representatives: form.representatives.clone(),
            repeat_of: match form.contact {
                ContactKind::RepeatOf(id) => Some(id),
                ContactKind::FirstContact => None,
            },
            repeat_number: form.repeat_number.clone(),
            known_petitioner: form.known.as_ref().map(|k| k.petitioner_id),
            known_masked_id: form.known.as_ref().and_then(|k| k.masked_id.clone()),
            received_edited: form.received_edited,
            materials: form.materials.clone(),
        }
    }

    /// Rebuild a form from this draft, with the reference lists to resolve ids.
    pub fn to_form(
        &self,
        now: NaiveDateTime,
        categories: &[Category],
        units: &[Unit],
    ) -> IntakeForm {
        let mut f = IntakeForm::new(now);
        f.set_line_texts(&self.lines);
        f.account = multi_line_field_with(&self.account);
        f.sex = self.sex;
        f.channel = self.channel.parse().unwrap_or(Channel::Visit);
        f.urgent = self.urgent;
        f.collective = self.collective;
        f.kind = self.kind.parse().unwrap_or(MatterKind::Request);
        f.leapfrog = self.leapfrog;
        f.category = self
            .category_id
            .and_then(|id| categories.iter().find(|c| c.id == id).cloned());
        f.units = self
            .unit_ids
            .iter()
            .filter_map(|id| units.iter().find(|u| u.id == *id).cloned())
            .collect();
        for (row, r) in f
            .representatives
            .iter_mut()
            .zip(self.representatives.iter().take(REPRESENTATIVES))
        {
            *row = r.clone();
        }
        f.known = self.known_petitioner.map(|petitioner_id| KnownPerson {
            petitioner_id,
            masked_id: self.known_masked_id.clone(),
        });
        f.materials = self.materials.clone();
        // A time that was never typed follows the clock again.
        f.received_edited = self.received_edited;
        if !f.received_edited {
            f.follow_clock(now);
        }
        if let Some(id) = self.repeat_of {
            f.contact = ContactKind::RepeatOf(id);
            f.repeat_number = self.repeat_number.clone();
        }
        f.focus = IntakeField::ORDER
            .get(self.focus)
            .copied()
            .unwrap_or(IntakeField::IdNumber);
        f
    }
}

impl IntakePane {
    /// Write the draft now if the form changed (after the debounce, and when the session
    /// ends). An empty form removes the draft. A database busy with another process's write
    /// leaves the draft pending, to be written at the next pause.
    pub fn save_draft(&mut self, store: &mut Store, staff_id: i64) -> Result<(), StoreError> {
        if !self.draft.pending() {
            return Ok(());
        }
        let result = if self.form.has_text() {
            serde_json::to_string(&IntakeDraft::of(&self.form))
                .map_err(|e| StoreError::Invalid(e.to_string()))
                .and_then(|body| store.save_draft(staff_id, &body))
        } else {
            store.delete_draft(staff_id)
        };
        match &result {
            Err(e) if crate::i18n::errors::is_busy(e) => self.draft.changed(),
            _ => self.draft.saved(),
        }
        result
    }

    pub(super) fn restore_draft(&mut self, ctx: &mut Ctx<'_>) {
        match ctx.store.draft(ctx.session.me.id) {
            Ok(Some(stored)) => match serde_json::from_str::<IntakeDraft>(&stored.body) {
                Ok(d) => {
                    self.form =
                        d.to_form(ctx.session.now, &ctx.session.categories, &ctx.session.units);
                    self.look_up(ctx, false);
                    ctx.say(
                        StatusKind::Info,
                        Msg::DraftRestored {
                            at: stored.saved_at,
                        },
                    );
                }
                Err(e) => ctx.say(
                    StatusKind::Error,
                    Msg::DraftUnreadable { why: e.to_string() },
                ),
            },
            Ok(None) => {}
            Err(e) => ctx.fail(&e),
        }
    }

    pub(super) fn discard_draft(&mut self, ctx: &mut Ctx<'_>) {
        if let Err(e) = ctx.store.delete_draft(ctx.session.me.id) {
            ctx.fail(&e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_field::text_of;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn cats() -> Vec<Category> {
        vec![
            Category {
                id: 1,
                code: "land".into(),
                name_zh: "征地拆迁".into(),
                name_en: "Land".into(),
                initials: "zdcq".into(),
            },
            Category {
                id: 2,
                code: "wages".into(),
                name_zh: "拖欠工资".into(),
                name_en: "Wages".into(),
                initials: "tqgz".into(),
            },
        ]
    }

    #[test]
    fn a_draft_brings_the_form_back_whole() {
        let mut f = IntakeForm::new(now());
        f.set_text(IntakeField::Name, "张三");
        f.account = multi_line_field_with("第一行\n第二行");
        f.collective = true;
        f.representatives[1] = RepresentativeInput {
            name: "李四".into(),
            id_number: String::new(),
            phone: "13912345678".into(),
        };
        f.category = Some(cats()[1].clone());
        f.focus = IntakeField::Account;
        let json = serde_json::to_string(&IntakeDraft::of(&f)).unwrap();
        let back: IntakeDraft = serde_json::from_str(&json).unwrap();
        let g = back.to_form(now(), &cats(), &[]);
        assert_eq!(g.text(IntakeField::Name), "张三");
        assert_eq!(g.account.lines(), ["第一行", "第二行"]);
        assert!(g.collective);
        assert_eq!(g.representatives[1].name, "李四");
        assert_eq!(g.category.as_ref().map(|c| c.id), Some(2));
        assert_eq!(g.focus, IntakeField::Account);
        assert_eq!(IntakeDraft::of(&g), IntakeDraft::of(&f));
        assert_eq!(text_of(g.line(IntakeField::Name).unwrap()), "张三");
    }

    #[test]
    fn a_draft_saved_before_leapfrog_had_its_name_still_reads() {
        let old = r#"{"focus":0,"lines":["","张三"],"account":"","sex":null,"channel":"visit",
            "collective":false,"kind":"request","skipped_level":"County","category_id":null,
            "unit_ids":[],"representatives":[],"repeat_of":null,"repeat_number":null}"#;
        let d: IntakeDraft = serde_json::from_str(old).unwrap();
        assert_eq!(d.leapfrog, Some(Leapfrog::County));
    }
}
