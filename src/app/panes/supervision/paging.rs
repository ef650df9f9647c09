//! What the supervision pane's three lists (open cases, the night's findings, notices) share:
//! each is read a page at a time by keyset, with one row highlighted; moving past either end
//! of the page reads the next or the one before.

use crate::app::context::Ctx;
use crate::app::panes::step;
use crate::store::Result;

pub trait PagedRows {
    /// The page after the last row shown; false if there is none (the page stays).
    fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool>;
    /// The page before the first row shown; false if there is none.
    fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool>;
    /// How many rows the page shows.
    fn shown(&self) -> usize;
    /// The highlighted row's index in the page.
    fn highlight(&mut self) -> &mut usize;

    /// The next page, its first row highlighted.
    fn next_page(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        if self.page_down(ctx)? {
            *self.highlight() = 0;
        }
        Ok(())
    }

    /// The page before, its first row highlighted.
    fn prev_page(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        if self.page_up(ctx)? {
            *self.highlight() = 0;
        }
        Ok(())
    }

    /// One row up; from the first row, the last row of the page before.
    fn up(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        if *self.highlight() == 0 {
            if self.page_up(ctx)? {
                *self.highlight() = self.shown().saturating_sub(1);
            }
        } else {
            let len = self.shown();
            step(self.highlight(), len, false);
        }
        Ok(())
    }

    /// One row down; from the last row, the first row of the page after.
    fn down(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        if *self.highlight() + 1 >= self.shown() {
            if self.page_down(ctx)? {
                *self.highlight() = 0;
            }
        } else {
            let len = self.shown();
            step(self.highlight(), len, true);
        }
        Ok(())
    }
}
