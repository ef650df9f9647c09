//! What the last nightly check found, as it recorded it: the same lapses cron mailed, grouped
//! by unit and first handler, a page at a time.

use super::paging::PagedRows;
use crate::app::context::Ctx;
use crate::store::{CheckRun, RecordedFinding, Result};

#[derive(Debug, Default)]
pub struct Findings {
    pub run: Option<CheckRun>,
    pub rows: Vec<RecordedFinding>,
    pub selected: usize,
    /// The finding before this page (None: the first page).
    pub page_after: Option<i64>,
}

fn limit(ctx: &Ctx<'_>) -> u32 {
    // One line above the header: the counts by kind.
    u32::try_from(ctx.session.page_rows.saturating_sub(1).max(1)).unwrap_or(1)
}

impl Findings {
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let run = ctx.store.last_check_run()?;
        if run.as_ref().map(|r| r.id) != self.run.as_ref().map(|r| r.id) {
            self.page_after = None;
            self.selected = 0;
        }
        let rows = match &run {
            Some(r) => ctx.store.findings_page(r.id, self.page_after, limit(ctx))?,
            None => vec![],
        };
        let changed = rows != self.rows || run != self.run;
        self.run = run;
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(changed)
    }

    pub fn selected_case(&self) -> Option<i64> {
        self.rows.get(self.selected).map(|f| f.case_id)
    }
}

impl PagedRows for Findings {
    fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let (Some(run), Some(last)) = (&self.run, self.rows.last()) else {
            return Ok(false);
        };
        let rows = ctx.store.findings_page(run.id, Some(last.id), limit(ctx))?;
        if rows.is_empty() {
            return Ok(false);
        }
        self.page_after = Some(last.id);
        self.rows = rows;
        Ok(true)
    }

    fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let (Some(run), Some(first)) = (&self.run, self.rows.first()) else {
            return Ok(false);
        };
        let rows = ctx
            .store
            .findings_page_before(run.id, first.id, limit(ctx))?;
        let Some(top) = rows.first() else {
            return Ok(false);
        };
        self.page_after = ctx
            .store
            .findings_page_before(run.id, top.id, 1)?
            .first()
            .map(|f| f.id);
        self.rows = rows;
        Ok(true)
    }

    fn shown(&self) -> usize {
        self.rows.len()
    }

    fn highlight(&mut self) -> &mut usize {
        &mut self.selected
    }
}
