//! A submitted form's values, read field by field, each refused in words naming its field.

use super::{FieldKind, Form};
use crate::app::text_field::{self, text_of};

/// Read access to a submitted form's values, field by field.
pub struct FormValues<'a> {
    form: &'a Form,
}

/// Why a value could not be read, naming the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueProblem {
    Missing(String),
    BadDate(String),
    BadNumber(String),
}

impl<'a> FormValues<'a> {
    pub(super) fn of(form: &'a Form) -> Self {
        Self { form }
    }

    fn field(&self, i: usize) -> Option<&super::Field> {
        self.form.fields.get(i)
    }

    fn label(&self, i: usize) -> String {
        self.field(i).map(|f| f.label.clone()).unwrap_or_default()
    }

    /// The label of field `i`, for a refusal that names it.
    pub fn label_of(&self, i: usize) -> String {
        self.label(i)
    }

    pub fn text(&self, i: usize) -> String {
        match self.field(i) {
            Some(f) if matches!(f.kind, FieldKind::Lines) => text_field::lines_of(&f.text),
            Some(f) => text_of(&f.text).trim().to_string(),
            None => String::new(),
        }
    }

    /// The text, which must not be empty.
    pub fn required_text(&self, i: usize) -> Result<String, ValueProblem> {
        let t = self.text(i);
        if t.trim().is_empty() {
            Err(ValueProblem::Missing(self.label(i)))
        } else {
            Ok(t)
        }
    }

    pub fn choice(&self, i: usize) -> usize {
        self.field(i).map_or(0, |f| f.choice)
    }

    pub fn date(&self, i: usize) -> Result<chrono::NaiveDate, ValueProblem> {
        let t = self.text(i);
        if t.is_empty() {
            return Err(ValueProblem::Missing(self.label(i)));
        }
        chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|_| ValueProblem::BadDate(self.label(i)))
    }

    pub fn number(&self, i: usize) -> Result<u32, ValueProblem> {
        let t = self.text(i);
        if t.is_empty() {
            return Err(ValueProblem::Missing(self.label(i)));
        }
        t.parse()
            .map_err(|_| ValueProblem::BadNumber(self.label(i)))
    }

    pub fn picked(&self, i: usize) -> Vec<i64> {
        self.field(i).map(|f| f.picked.clone()).unwrap_or_default()
    }

    /// The one item picked, which must be there.
    pub fn one_picked(&self, i: usize) -> Result<i64, ValueProblem> {
        self.picked(i)
            .first()
            .copied()
            .ok_or_else(|| ValueProblem::Missing(self.label(i)))
    }
}
