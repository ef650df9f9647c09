//! Supervision (督办): open cases by how pressing their deadlines are, soonest due first.

use super::step;
use crate::app::context::Ctx;
use crate::domain::calendar::Urgency;
use crate::domain::{CaseRow, UrgencyCounts};
use crate::store::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupervisionCommand {
    Up,
    Down,
}

#[derive(Debug, Default)]
pub struct SupervisionPane {
    pub counts: UrgencyCounts,
    pub rows: Vec<(CaseRow, Urgency)>,
    pub selected: usize,
}

impl SupervisionPane {
    /// Count and list again; true if what the pane shows changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let today = ctx.session.today();
        let counts = ctx
            .store
            .urgency_counts(today, ctx.session.due_soon_until())?;
        let limit = u32::try_from(ctx.session.page_rows).unwrap_or(u32::MAX);
        let rows: Vec<(CaseRow, Urgency)> = ctx
            .store
            .open_cases_by_due(limit)?
            .into_iter()
            .map(|r| {
                let u = r.due.map_or(Urgency::Normal, |d| ctx.session.urgency_of(d));
                (r, u)
            })
            .collect();
        let changed = counts != self.counts || rows != self.rows;
        self.counts = counts;
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(changed)
    }

    pub fn handle(&mut self, command: SupervisionCommand) {
        step(
            &mut self.selected,
            self.rows.len(),
            command == SupervisionCommand::Down,
        );
    }
}
