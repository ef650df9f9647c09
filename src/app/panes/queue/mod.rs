//! The queue (案件): every case, newest first, a page at a time by keyset (a million cases page
//! as fast as ten), and the detail of one.

mod detail;

pub use detail::{DetailCommand, DetailView};

use super::step;
use crate::app::context::Ctx;
use crate::domain::{CaseRow, PageKey};
use crate::store::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueCommand {
    Up,
    Down,
    PageUp,
    PageDown,
    Newest,
    Open,
}

#[derive(Debug, Default)]
pub struct QueuePane {
    pub rows: Vec<CaseRow>,
    pub selected: usize,
    /// The row just before this page (None: the page starts at the newest case).
    pub page_after: Option<PageKey>,
    pub total: u64,
    pub detail: Option<DetailView>,
}

impl QueuePane {
    /// Load the page again (and the open case); true if what it shows changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let limit = page_limit(ctx);
        let mut rows = ctx.store.queue_page(self.page_after, limit)?;
        if rows.is_empty() && self.page_after.is_some() {
            self.page_after = None;
            rows = ctx.store.queue_page(None, limit)?;
        }
        let total = ctx.store.case_count()?;
        let mut changed = rows != self.rows || total != self.total;
        self.rows = rows;
        self.total = total;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        if let Some(d) = &mut self.detail {
            changed |= d.reload(ctx)?;
        }
        Ok(changed)
    }

    /// Back to the newest case, as after a save.
    pub fn to_newest(&mut self) {
        self.page_after = None;
        self.selected = 0;
    }

    pub fn handle(&mut self, command: QueueCommand, ctx: &mut Ctx<'_>) {
        let result = match command {
            QueueCommand::Up => self.step(false, ctx),
            QueueCommand::Down => self.step(true, ctx),
            QueueCommand::PageDown => self.page_down(ctx).map(|moved| {
                if moved {
                    self.selected = 0;
                }
            }),
            QueueCommand::PageUp => self.page_up(ctx).map(|moved| {
                if moved {
                    self.selected = 0;
                }
            }),
            QueueCommand::Newest => {
                self.to_newest();
                self.reload(ctx).map(|_| ())
            }
            QueueCommand::Open => self.open(ctx),
        };
        if let Err(e) = result {
            ctx.fail(&e);
        }
    }

    fn step(&mut self, down: bool, ctx: &mut Ctx<'_>) -> Result<()> {
        let n = self.rows.len();
        if down && self.selected + 1 >= n {
            if self.page_down(ctx)? {
                self.selected = 0;
            }
        } else if !down && self.selected == 0 {
            if self.page_up(ctx)? {
                self.selected = self.rows.len().saturating_sub(1);
            }
        } else {
            step(&mut self.selected, n, down);
        }
        Ok(())
    }

    /// Load the page after the last row; false if there is none.
    fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(last) = self.rows.last() else {
            return Ok(false);
        };
        let key = last.page_key();
        let rows = ctx.store.queue_page(Some(key), page_limit(ctx))?;
        if rows.is_empty() {
            return Ok(false);
        }
        self.rows = rows;
        self.page_after = Some(key);
        Ok(true)
    }

    /// Load the page before the first row; false if this is the first page.
    fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(first) = self.rows.first() else {
            return Ok(false);
        };
        let rows = ctx
            .store
            .queue_page_before(first.page_key(), page_limit(ctx))?;
        let Some(newest) = rows.first() else {
            return Ok(false);
        };
        // The page now starts at its newest row; the row before that (if any) is the anchor.
        self.page_after = ctx
            .store
            .queue_page_before(newest.page_key(), 1)?
            .first()
            .map(CaseRow::page_key);
        self.rows = rows;
        Ok(true)
    }

    fn open(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        let Some(row) = self.rows.get(self.selected) else {
            return Ok(());
        };
        self.detail = ctx.store.case_detail(row.id)?.map(DetailView::new);
        Ok(())
    }
}

fn page_limit(ctx: &Ctx<'_>) -> u32 {
    u32::try_from(ctx.session.page_rows).unwrap_or(u32::MAX)
}
