//! The roster (值班): this week's duty slots, who is on duty now, and their waiting visitors.

use super::step;
use crate::app::context::Ctx;
use crate::domain::DutySlot;
use crate::store::Result;
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterCommand {
    Up,
    Down,
}

#[derive(Debug, Default)]
pub struct RosterPane {
    pub week_start: Option<NaiveDate>,
    pub slots: Vec<DutySlot>,
    pub selected: usize,
}

impl RosterPane {
    /// Load this week's slots; true if what the pane shows changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let today = ctx.session.today();
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let slots = ctx.store.duty_slots(monday, monday + Duration::days(6))?;
        let changed = slots != self.slots || self.week_start != Some(monday);
        self.week_start = Some(monday);
        self.slots = slots;
        self.selected = self.selected.min(self.slots.len().saturating_sub(1));
        Ok(changed)
    }

    pub fn handle(&mut self, command: RosterCommand) {
        step(
            &mut self.selected,
            self.slots.len(),
            command == RosterCommand::Down,
        );
    }
}
