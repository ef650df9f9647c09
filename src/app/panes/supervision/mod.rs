//! Supervision (督办): open cases by urgency under the queue's filters, the ladder taken on
//! them (put under supervision, urge, 督办单, talk, list, accountability, extension requests),
//! accountability notices, what the nightly check found, and the statistics view. Every
//! action is a dialog submitted in one transaction; the list follows other sessions' changes.

mod actions;
mod findings;
mod list;
mod notices;
mod paging;
mod stats;

pub use findings::Findings;
pub use list::{CaseList, LINES_ABOVE};
pub use notices::Notices;
pub use stats::{StatsCommand, StatsPage, StatsView};

use crate::app::context::Ctx;
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::domain::workflow::StepKind;
use crate::store::Result;
use paging::PagedRows;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupervisionCommand {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    /// Open the highlighted case's detail (Esc there comes back here).
    Open,
    /// A step of the supervision ladder on the highlighted case (its dialog opens).
    Step(StepKind),
    /// Record an accountability notice (通报), naming the highlighted case to begin with.
    Notice,
    Filter,
    ClearFilter,
    ShowFindings,
    ShowNotices,
    ShowStats,
    /// Back to the list from the findings or the notices.
    Back,
    /// Print the highlighted notice.
    Print,
}

/// What the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    List,
    Findings,
    Notices,
    Stats,
}

#[derive(Debug, Default)]
pub struct SupervisionPane {
    pub view: View,
    pub list: CaseList,
    pub findings: Findings,
    pub notices: Notices,
    pub stats: StatsView,
    /// The case a ladder dialog was opened on, as it was then.
    acting: Option<crate::domain::CaseDetail>,
}

impl SupervisionPane {
    /// Load what the view shows again; true if it changed. The statistics are counted on
    /// request only.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        match self.view {
            View::List => self.list.reload(ctx),
            View::Findings => self.findings.reload(ctx),
            View::Notices => self.notices.reload(ctx),
            View::Stats => Ok(false),
        }
    }

    pub fn handle(&mut self, command: SupervisionCommand, ctx: &mut Ctx<'_>) {
        if let Err(e) = self.try_handle(command, ctx) {
            ctx.fail(&e);
        }
    }

    fn try_handle(&mut self, command: SupervisionCommand, ctx: &mut Ctx<'_>) -> Result<()> {
        use SupervisionCommand as C;
        match (self.view, command) {
            (View::List, C::Up) => self.list.up(ctx)?,
            (View::List, C::Down) => self.list.down(ctx)?,
            (View::List, C::PageDown) => self.list.next_page(ctx)?,
            (View::List, C::PageUp) => self.list.prev_page(ctx)?,
            (View::List, C::First) => {
                self.list.to_first();
                self.list.reload(ctx)?;
            }
            (View::Findings, C::Up) => self.findings.up(ctx)?,
            (View::Findings, C::Down) => self.findings.down(ctx)?,
            (View::Findings, C::PageDown) => self.findings.next_page(ctx)?,
            (View::Findings, C::PageUp) => self.findings.prev_page(ctx)?,
            (View::Notices, C::Up) => self.notices.up(ctx)?,
            (View::Notices, C::Down) => self.notices.down(ctx)?,
            (View::Notices, C::PageDown) => self.notices.next_page(ctx)?,
            (View::Notices, C::PageUp) => self.notices.prev_page(ctx)?,
            (View::Notices, C::Print) => self.notices.print(ctx),
            (View::List, C::Open) => {
                if let Some(row) = self.list.selected_row() {
                    ctx.emit(AppEvent::OpenCase(row.listed.row.id, Pane::Supervision));
                }
            }
            (View::Findings, C::Open) => {
                if let Some(id) = self.findings.selected_case() {
                    ctx.emit(AppEvent::OpenCase(id, Pane::Supervision));
                }
            }
            (View::List, C::Step(kind)) => self.open_step(kind, ctx)?,
            (View::List, C::Notice) => self.open_notice(ctx)?,
            (View::List, C::Filter) => self.open_filter(ctx),
            (View::List, C::ClearFilter) => {
                self.list.filters = Default::default();
                self.list.to_first();
                self.list.reload(ctx)?;
            }
            (_, C::ShowFindings) => {
                self.view = View::Findings;
                self.findings.reload(ctx)?;
            }
            (_, C::ShowNotices) => {
                self.view = View::Notices;
                self.notices.reopen(ctx)?;
            }
            (_, C::ShowStats) => {
                self.view = View::Stats;
                self.stats.count(ctx)?;
            }
            (_, C::Back) => {
                self.view = View::List;
                self.list.reload(ctx)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A key of the statistics view.
    pub fn handle_stats(&mut self, command: StatsCommand, ctx: &mut Ctx<'_>) {
        match self.stats.handle(command, ctx) {
            Ok(true) => {
                self.view = View::List;
                if let Err(e) = self.list.reload(ctx) {
                    ctx.fail(&e);
                }
            }
            Ok(false) => {}
            Err(e) => ctx.fail(&e),
        }
    }
}
