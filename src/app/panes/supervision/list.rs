//! The supervision list: open cases by deadline (overdue, due soon, the rest) under the
//! queue's filters, a page at a time by keyset, with the counts of each class and what the
//! last nightly check found.

use super::paging::PagedRows;
use crate::app::context::Ctx;
use crate::domain::query::{CaseQuery, Cursor, DueWindow, Filters, Sort};
use crate::domain::supervision::{SupervisedCase, UrgencyCounts};
use crate::store::{CheckRun, Result};

/// Lines the list shows above its header: the counts and the last check.
pub const LINES_ABOVE: usize = 2;

#[derive(Debug, Default)]
pub struct CaseList {
    pub filters: Filters,
    pub rows: Vec<SupervisedCase>,
    pub selected: usize,
    /// Where the page starts: the cursor of the row before it (None: the first page).
    pub page_after: Option<Cursor>,
    pub counts: UrgencyCounts,
    pub last_check: Option<CheckRun>,
    /// The day the list was counted on and its due-soon window.
    pub window: Option<DueWindow>,
}

impl CaseList {
    pub fn query(&self, ctx: &Ctx<'_>) -> CaseQuery {
        CaseQuery {
            search: None,
            filters: self.filters,
            sort: Sort::Deadline,
            me: ctx.session.me.id,
            window: DueWindow {
                today: ctx.session.today(),
                soon_until: ctx.session.due_soon_until(),
            },
        }
    }

    fn limit(ctx: &Ctx<'_>) -> u32 {
        u32::try_from(ctx.session.page_rows.saturating_sub(LINES_ABOVE).max(1)).unwrap_or(1)
    }

    /// Load the page again, with its counts; true if what the list shows changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let q = self.query(ctx);
        let limit = Self::limit(ctx);
        let mut rows = ctx.store.supervision_page(&q, self.page_after, limit)?;
        if rows.is_empty() && self.page_after.is_some() {
            self.page_after = None;
            rows = ctx.store.supervision_page(&q, None, limit)?;
        }
        let counts = ctx.store.supervision_counts(&q)?;
        let last_check = ctx.store.last_check_run()?;
        let changed = rows != self.rows
            || counts != self.counts
            || last_check != self.last_check
            || self.window != Some(q.window);
        self.rows = rows;
        self.counts = counts;
        self.last_check = last_check;
        self.window = Some(q.window);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(changed)
    }

    /// Back to the first page (after a new filter).
    pub fn to_first(&mut self) {
        self.page_after = None;
        self.selected = 0;
    }

    pub fn selected_row(&self) -> Option<&SupervisedCase> {
        self.rows.get(self.selected)
    }
}

impl PagedRows for CaseList {
    /// The page after the last row; false if there is none.
    fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(last) = self.rows.last() else {
            return Ok(false);
        };
        let cursor = last.listed.cursor;
        let rows = ctx
            .store
            .supervision_page(&self.query(ctx), Some(cursor), Self::limit(ctx))?;
        if rows.is_empty() {
            return Ok(false);
        }
        self.rows = rows;
        self.page_after = Some(cursor);
        Ok(true)
    }

    /// The page before the first row; false if this is the first page.
    fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(first) = self.rows.first() else {
            return Ok(false);
        };
        let q = self.query(ctx);
        let rows = ctx
            .store
            .supervision_page_before(&q, first.listed.cursor, Self::limit(ctx))?;
        let Some(top) = rows.first() else {
            return Ok(false);
        };
        // The page now starts at its first row; the row before it (if any) is the anchor.
        self.page_after = ctx
            .store
            .supervision_page_before(&q, top.listed.cursor, 1)?
            .first()
            .map(|r| r.listed.cursor);
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
