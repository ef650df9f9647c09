//! Loading the queue's page: by keyset after the row before it, page by page in either
//! direction, and again when the data changes, without moving the user's place.

use super::{ABOVE_LINES, QueuePane};
use crate::app::context::Ctx;
use crate::store::Result;

impl QueuePane {
    /// Load the page again (and the open case); true if what it shows changed.
    ///
    /// At the start of the list, new cases come in at the top and the highlighted case keeps
    /// its highlight. Further down, the page stays where the user is: the highlighted case
    /// (or, if it no longer matches, its place in the order) keeps its line on the screen.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let query = self.query(ctx);
        let limit = page_limit(ctx);
        let kept = self.selected_row().map(|r| (r.row.id, r.cursor));
        let mut rows = ctx.store.cases_after(&query, self.page_after, limit)?;
        let mut page_after = self.page_after;
        if let Some((id, cursor)) = kept
            && page_after.is_some()
            && rows.get(self.selected).is_none_or(|r| r.row.id != id)
        {
            let above = u32::try_from(self.selected).unwrap_or(u32::MAX);
            let before = ctx.store.cases_before(&query, cursor, above)?;
            let from = before.last().map(|r| r.cursor);
            let rest = limit.saturating_sub(u32::try_from(before.len()).unwrap_or(u32::MAX));
            page_after = match before.first() {
                Some(first) => ctx
                    .store
                    .cases_before(&query, first.cursor, 1)?
                    .first()
                    .map(|r| r.cursor),
                None => None,
            };
            rows = before;
            rows.extend(ctx.store.cases_after(&query, from, rest)?);
        }
        if rows.is_empty() && page_after.is_some() {
            page_after = None;
            rows = ctx.store.cases_after(&query, None, limit)?;
        }
        let selected = kept
            .and_then(|(id, _)| rows.iter().position(|r| r.row.id == id))
            .unwrap_or(self.selected)
            .min(rows.len().saturating_sub(1));
        let total = ctx.store.count_cases(&query)?;
        let mut changed = rows != self.rows
            || total != self.total
            || selected != self.selected
            || page_after != self.page_after;
        self.rows = rows;
        self.total = total;
        self.selected = selected;
        self.page_after = page_after;
        if let Some(d) = &mut self.detail {
            changed |= d.reload(ctx)?;
        }
        Ok(changed)
    }

    /// Back to the start of the list, as after a save.
    pub fn to_newest(&mut self) {
        self.page_after = None;
        self.selected = 0;
    }

    /// Load the page after the last row; false if there is none.
    pub(super) fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(last) = self.rows.last() else {
            return Ok(false);
        };
        let key = last.cursor;
        let query = self.query(ctx);
        let rows = ctx.store.cases_after(&query, Some(key), page_limit(ctx))?;
        if rows.is_empty() {
            return Ok(false);
        }
        self.rows = rows;
        self.page_after = Some(key);
        Ok(true)
    }

    /// Load the page before the first row; false if this is the first page.
    pub(super) fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(first) = self.rows.first() else {
            return Ok(false);
        };
        let query = self.query(ctx);
        let rows = ctx
            .store
            .cases_before(&query, first.cursor, page_limit(ctx))?;
        let Some(top) = rows.first() else {
            return Ok(false);
        };
        // The page starts at its top row; the row before that (if any) is the anchor.
        self.page_after = ctx
            .store
            .cases_before(&query, top.cursor, 1)?
            .first()
            .map(|r| r.cursor);
        self.rows = rows;
        Ok(true)
    }
}

/// Rows of a page: as many as the screen shows under the search and filter lines.
fn page_limit(ctx: &Ctx<'_>) -> u32 {
    let rows = ctx.session.page_rows.saturating_sub(ABOVE_LINES).max(1);
    u32::try_from(rows).unwrap_or(u32::MAX)
}
