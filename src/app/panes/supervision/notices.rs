//! Accountability notices (通报), newest first, a page at a time; the highlighted one printed
//! (written to a file beside the database, and to the printer when one is set).

use super::paging::PagedRows;
use crate::app::context::Ctx;
use crate::app::session::StatusKind;
use crate::domain::supervision::notice::Notice;
use crate::i18n::supervision::Sv;
use crate::store::Result;

#[derive(Debug, Default)]
pub struct Notices {
    pub rows: Vec<Notice>,
    pub selected: usize,
    /// The notice just newer than this page (None: the page starts at the newest).
    pub page_before: Option<i64>,
    pub total: u64,
}

fn limit(ctx: &Ctx<'_>) -> u32 {
    u32::try_from(ctx.session.page_rows.max(1)).unwrap_or(1)
}

impl Notices {
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let mut rows = ctx.store.notices_page(self.page_before, limit(ctx))?;
        if rows.is_empty() && self.page_before.is_some() {
            self.page_before = None;
            rows = ctx.store.notices_page(None, limit(ctx))?;
        }
        let total = ctx.store.notice_count()?;
        let changed = rows != self.rows || total != self.total;
        // The highlight stays on the same notice when a new one comes in above it: `p`
        // prints the notice the user chose, never the one that moved into its row.
        let highlighted = self.rows.get(self.selected).map(|n| n.id);
        self.rows = rows;
        self.total = total;
        self.selected = highlighted
            .and_then(|id| self.rows.iter().position(|n| n.id == id))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        Ok(changed)
    }

    /// Open on the newest notice.
    pub fn reopen(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        self.page_before = None;
        self.rows.clear();
        self.selected = 0;
        self.reload(ctx)
    }

    /// Print the highlighted notice: a file beside the database (or in `document_dir`), and
    /// the printer when one is set.
    pub fn print(&self, ctx: &mut Ctx<'_>) {
        let Some(notice) = self.rows.get(self.selected) else {
            return;
        };
        let text = crate::documents::notice::render(notice, &ctx.office());
        let lang = ctx.session.lang;
        let number = notice.number.clone();
        match ctx.publish(&notice.number, &text) {
            Ok((path, false)) => ctx.session.say_text(
                StatusKind::Success,
                Sv::NoticeWritten { number, path }.text(lang),
            ),
            Ok((path, true)) => ctx.session.say_text(
                StatusKind::Success,
                Sv::NoticePrinted { number, path }.text(lang),
            ),
            Err(why) => ctx.session.say_text(StatusKind::Error, why),
        }
    }
}

impl PagedRows for Notices {
    fn page_down(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(last) = self.rows.last() else {
            return Ok(false);
        };
        let rows = ctx.store.notices_page(Some(last.id), limit(ctx))?;
        if rows.is_empty() {
            return Ok(false);
        }
        self.page_before = Some(last.id);
        self.rows = rows;
        Ok(true)
    }

    fn page_up(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(first) = self.rows.first() else {
            return Ok(false);
        };
        let rows = ctx.store.notices_page_after(first.id, limit(ctx))?;
        let Some(top) = rows.first() else {
            return Ok(false);
        };
        self.page_before = ctx
            .store
            .notices_page_after(top.id, 1)?
            .first()
            .map(|n| n.id);
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
