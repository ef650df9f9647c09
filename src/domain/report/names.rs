//! The names a report is printed with: units, staff and categories by id.

use crate::domain::{Category, Staff, Unit};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Unit id → (code, name).
    pub units: HashMap<i64, (String, String)>,
    /// Staff id → (login, name).
    pub staff: HashMap<i64, (String, String)>,
    /// Category id → the category.
    pub categories: HashMap<i64, Category>,
}

impl Names {
    pub fn new(units: &[Unit], staff: &[Staff], categories: &[Category]) -> Self {
        Self {
            units: units
                .iter()
                .map(|u| (u.id, (u.code.clone(), u.name.clone())))
                .collect(),
            staff: staff
                .iter()
                .map(|s| (s.id, (s.login.clone(), s.name.clone())))
                .collect(),
            categories: categories.iter().map(|c| (c.id, c.clone())).collect(),
        }
    }

    pub fn unit(&self, id: Option<i64>) -> Option<&(String, String)> {
        id.and_then(|i| self.units.get(&i))
    }

    pub fn staff(&self, id: Option<i64>) -> Option<&(String, String)> {
        id.and_then(|i| self.staff.get(&i))
    }
}
