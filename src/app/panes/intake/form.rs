//! The intake form's model: its fields in the fixed order, which has focus, the typed text and
//! the choices made. No store, no terminal.

use crate::app::text_field::{
    TextKind, line_field, line_field_with, lines_of, multi_line_field, text_of,
};
use crate::domain::contact::NewMaterial;
use crate::domain::intake::{IntakeField, IntakeInput, RepresentativeInput, format_received};
use crate::domain::lookup::ContactKind;
use crate::domain::{Category, Channel, ExpertOnDuty, Leapfrog, MatterKind, Sex, Unit};
use chrono::NaiveDateTime;
use ratatui_textarea::TextArea;

/// The one-line text fields, in form order.
pub const LINE_FIELDS: [IntakeField; 10] = [
    IntakeField::IdNumber,
    IntakeField::Name,
    IntakeField::Phone,
    IntakeField::Address,
    IntakeField::WorkUnit,
    IntakeField::ReceivedAt,
    IntakeField::HeadCount,
    IntakeField::Category,
    IntakeField::Units,
    IntakeField::Summary,
];

/// A person in the records the form was filled from, whose ID number this role is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub petitioner_id: i64,
    /// The ID number as lists show it (`110105********002X`), if the person has one.
    pub masked_id: Option<String>,
}

/// Rows of the representatives table (条例 Art. 20: at most five).
pub const REPRESENTATIVES: usize = crate::domain::intake::MAX_REPRESENTATIVES;

pub struct IntakeForm {
    pub focus: IntakeField,
    /// The one-line fields, in the order of `LINE_FIELDS`.
    lines: Vec<TextArea<'static>>,
    /// 诉求及事实: the multi-line account.
    pub account: TextArea<'static>,
    pub sex: Option<Sex>,
    pub channel: Channel,
    pub urgent: bool,
    pub collective: bool,
    pub kind: MatterKind,
    pub leapfrog: Option<Leapfrog>,
    pub category: Option<Category>,
    /// The highlighted match while a picker is open.
    pub pick: usize,
    pub units: Vec<Unit>,
    /// Representatives of a collective visit, one per row (empty rows are blank).
    pub representatives: Vec<RepresentativeInput>,
    pub contact: ContactKind,
    /// The number of the case a repeat is attached to, for the screen.
    pub repeat_number: Option<String>,
    pub expert: Option<ExpertOnDuty>,
    /// The field validation complained about, and the message.
    pub error: Option<(IntakeField, String)>,
    /// Filled from a record whose ID number is masked for this role.
    pub known: Option<KnownPerson>,
    /// The receipt time was typed: it no longer follows the clock.
    pub received_edited: bool,
    /// The receptionist confirmed a receipt time more than a year back.
    pub long_ago_confirmed: bool,
    /// The materials received with this contact.
    pub materials: Vec<NewMaterial>,
    /// The receptionist chose a new case although the person has an open one like it.
    pub new_case_confirmed: bool,
}

impl IntakeForm {
    pub fn new(now: NaiveDateTime) -> Self {
        let lines = LINE_FIELDS
            .iter()
            .map(|f| match f {
                IntakeField::ReceivedAt => line_field_with(&format_received(now)),
                _ => line_field(),
            })
            .collect();
        Self {
            focus: IntakeField::IdNumber,
            lines,
            account: multi_line_field(),
            sex: None,
            channel: Channel::Visit,
            urgent: false,
            collective: false,
            kind: MatterKind::Request,
            leapfrog: None,
            category: None,
            pick: 0,
            units: vec![],
            representatives: vec![RepresentativeInput::default(); REPRESENTATIVES],
            contact: ContactKind::FirstContact,
            repeat_number: None,
            expert: None,
            error: None,
            known: None,
            received_edited: false,
            long_ago_confirmed: false,
            materials: vec![],
            new_case_confirmed: false,
        }
    }

    /// Until the receptionist types a receipt time, it is the time now (a form cleared at nine
    /// and used at eleven says eleven). Returns true if the time shown changed.
    pub fn follow_clock(&mut self, now: NaiveDateTime) -> bool {
        if self.received_edited {
            return false;
        }
        let shown = format_received(now);
        if self.text(IntakeField::ReceivedAt) == shown {
            return false;
        }
        self.set_text(IntakeField::ReceivedAt, &shown);
        true
    }

    pub fn line(&self, field: IntakeField) -> Option<&TextArea<'static>> {
        LINE_FIELDS
            .iter()
            .position(|f| *f == field)
            .and_then(|i| self.lines.get(i))
    }

    fn line_mut(&mut self, field: IntakeField) -> Option<&mut TextArea<'static>> {
        LINE_FIELDS
            .iter()
            .position(|f| *f == field)
            .and_then(move |i| self.lines.get_mut(i))
    }

    pub fn text(&self, field: IntakeField) -> String {
        self.line(field).map(text_of).unwrap_or_default()
    }

    pub fn set_text(&mut self, field: IntakeField, value: &str) {
        if let Some(t) = self.line_mut(field) {
            *t = line_field_with(value);
        }
    }

    /// The focused text field, with its kind, if focus is on one.
    pub fn focused_text(&mut self) -> Option<(&mut TextArea<'static>, TextKind)> {
        if self.focus == IntakeField::Account {
            return Some((&mut self.account, TextKind::MultiLine));
        }
        let f = self.focus;
        self.line_mut(f).map(|t| (t, TextKind::SingleLine))
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        if self.focus == IntakeField::Account {
            Some(TextKind::MultiLine)
        } else if LINE_FIELDS.contains(&self.focus) {
            Some(TextKind::SingleLine)
        } else {
            None
        }
    }

    /// Anything typed that would be lost by clearing the form (the default time aside).
    pub fn has_text(&self) -> bool {
        LINE_FIELDS
            .iter()
            .zip(&self.lines)
            .any(|(f, t)| *f != IntakeField::ReceivedAt && !t.is_empty())
            || !self.account.is_empty()
            || self.representatives.iter().any(|r| !r.is_empty())
            || !self.materials.is_empty()
    }

    /// Whether a field is in use: head-count and representatives only for a collective visit.
    pub fn enabled(&self, field: IntakeField) -> bool {
        match field {
            IntakeField::HeadCount | IntakeField::Representatives => self.collective,
            _ => true,
        }
    }

    /// Tab and Shift-Tab: the next field in use, in the fixed order, round the end.
    pub fn move_focus(&mut self, forward: bool) {
        let order = IntakeField::ORDER;
        let n = order.len();
        let mut i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if order.get(i).is_some_and(|f| self.enabled(*f)) {
                break;
            }
        }
        self.focus = order.get(i).copied().unwrap_or(IntakeField::IdNumber);
        self.pick = 0;
    }

    /// The form as typed, for validation.
    pub fn input(&self) -> IntakeInput {
        IntakeInput {
            id_number: self.text(IntakeField::IdNumber),
            name: self.text(IntakeField::Name),
            sex: self.sex,
            phone: self.text(IntakeField::Phone),
            address: self.text(IntakeField::Address),
            work_unit: self.text(IntakeField::WorkUnit),
            channel: self.channel,
            urgent: self.urgent,
            received_at: self.text(IntakeField::ReceivedAt),
            collective: self.collective,
            head_count: self.text(IntakeField::HeadCount),
            representatives: self.representatives.clone(),
            category_id: self.category.as_ref().map(|c| c.id),
            kind: self.kind,
            unit_ids: self.units.iter().map(|u| u.id).collect(),
            leapfrog: self.leapfrog,
            summary: self.text(IntakeField::Summary),
            account: lines_of(&self.account),
            contact: self.contact,
            expert_id: self.expert.as_ref().map(|e| e.staff_id),
            known_petitioner: self.known.as_ref().map(|k| k.petitioner_id),
            long_ago_confirmed: self.long_ago_confirmed,
            materials: self.materials.clone(),
        }
    }

    pub fn set_category(&mut self, category: Category) {
        self.set_text(IntakeField::Category, &category.name_zh);
        self.category = Some(category);
        self.pick = 0;
    }

    pub fn add_unit(&mut self, unit: Unit) {
        if !self.units.iter().any(|u| u.id == unit.id) {
            self.units.push(unit);
        }
        self.set_text(IntakeField::Units, "");
        self.pick = 0;
    }

    /// Representatives with anything typed, for the form's count.
    pub fn representatives_named(&self) -> usize {
        self.representatives
            .iter()
            .filter(|r| !r.is_empty())
            .count()
    }

    /// The texts of the one-line fields in form order (for the draft).
    pub(super) fn line_texts(&self) -> Vec<String> {
        self.lines.iter().map(text_of).collect()
    }

    /// Restore the one-line fields from a draft's texts.
    pub(super) fn set_line_texts(&mut self, texts: &[String]) {
        for (field, text) in self.lines.iter_mut().zip(texts) {
            *field = line_field_with(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn tab_skips_head_count_and_representatives_unless_collective() {
        let mut f = IntakeForm::new(now());
        f.focus = IntakeField::Collective;
        f.move_focus(true);
        assert_eq!(f.focus, IntakeField::Category);
        f.focus = IntakeField::Collective;
        f.collective = true;
        f.move_focus(true);
        assert_eq!(f.focus, IntakeField::HeadCount);
    }

    #[test]
    fn shift_tab_from_the_first_field_goes_round_to_the_account() {
        let mut f = IntakeForm::new(now());
        f.move_focus(false);
        assert_eq!(f.focus, IntakeField::Account);
    }

    #[test]
    fn a_new_form_holds_only_the_time_and_counts_as_empty() {
        let f = IntakeForm::new(now());
        assert_eq!(f.text(IntakeField::ReceivedAt), "2026-11-25 09:00");
        assert!(!f.has_text());
    }
}
