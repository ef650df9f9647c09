//! The queue (案件): every case the user may see, searched (`/`), filtered (`f`) and sorted
//! (`s`), a page at a time by keyset (a million cases page as fast as ten), and the detail of
//! one.

mod bulk;
mod detail;
mod list;

pub use bulk::MarkedCase;

pub use detail::{DetailCommand, DetailView};

use super::{Pane, step};
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::filter::{FilterDialog, FilterLine};
use crate::app::event::AppEvent;
use crate::app::session::StatusKind;
use crate::app::text_field::{self, TextCommand, TextKind, line_field, text_of};
use crate::domain::query::{CaseQuery, Cursor, DueWindow, Filters, ListedCase, Search, Sort};
use crate::i18n::Msg;
use crate::store::Result;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

/// Lines the queue shows between its title and its column headings: the search, the filters.
pub const ABOVE_LINES: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueCommand {
    Up,
    Down,
    PageUp,
    PageDown,
    Newest,
    Open,
    /// `/`: put the keys in the search field.
    StartSearch,
    /// Enter in the search field: list what it finds.
    RunSearch,
    /// Esc: empty the search field and list everything the filters allow.
    ClearSearch,
    /// Choose the filters in a dialog.
    Filters,
    /// The next order: newest, deadline, last updated.
    Sort,
    /// Space: mark the highlighted case for a bulk step, or unmark it.
    Mark,
    /// Forget every mark.
    ClearMarks,
    /// A step on every marked case (a manager's): transfer, or a new first handler.
    Bulk(crate::domain::workflow::StepKind),
}

#[derive(Debug)]
pub struct QueuePane {
    pub rows: Vec<ListedCase>,
    pub selected: usize,
    /// Where the page starts: the cursor of the row just before it (None: the page starts
    /// the list).
    pub page_after: Option<Cursor>,
    /// How many cases the search and filters find.
    pub total: u64,
    pub detail: Option<DetailView>,
    pub filters: Filters,
    pub sort: Sort,
    /// The search field at the top of the list.
    pub search_field: TextArea<'static>,
    /// The search field has the keys.
    pub searching: bool,
    /// The search the list shows (run with Enter; None lists everything).
    pub search: Option<Search>,
    /// Cases marked for a bulk step, in the order they were marked.
    pub marked: Vec<MarkedCase>,
}

impl Default for QueuePane {
    fn default() -> Self {
        Self {
            rows: vec![],
            selected: 0,
            page_after: None,
            total: 0,
            detail: None,
            filters: Filters::default(),
            sort: Sort::default(),
            search_field: line_field(),
            searching: false,
            search: None,
            marked: vec![],
        }
    }
}

impl QueuePane {
    /// What the list asks the store for now (who asks, and today, come from the session).
    pub fn query(&self, ctx: &Ctx<'_>) -> CaseQuery {
        CaseQuery {
            search: self.search.clone(),
            filters: self.filters,
            sort: self.sort,
            me: ctx.session.me.id,
            window: DueWindow {
                today: ctx.session.today(),
                soon_until: ctx.session.due_soon_until(),
            },
        }
    }

    /// Whether the list is narrowed by a search or a filter.
    pub fn narrowed(&self) -> bool {
        self.search.is_some() || !self.filters.is_empty()
    }

    pub fn selected_row(&self) -> Option<&ListedCase> {
        self.rows.get(self.selected)
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        (self.searching && self.detail.is_none()).then_some(TextKind::SingleLine)
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
            QueueCommand::Newest => self.relist(ctx),
            QueueCommand::Open => self.open(ctx),
            QueueCommand::StartSearch => {
                self.searching = true;
                Ok(())
            }
            QueueCommand::RunSearch => self.run_search(ctx),
            QueueCommand::ClearSearch => {
                self.search_field = line_field();
                self.searching = false;
                self.search = None;
                self.relist(ctx)
            }
            QueueCommand::Filters => {
                let dialog = FilterDialog::new(
                    self.filters,
                    &FilterLine::ALL,
                    &ctx.session.units,
                    &ctx.session.categories,
                );
                ctx.emit(AppEvent::Open(
                    Some(Pane::Queue),
                    Box::new(Dialog::Filter(dialog)),
                ));
                Ok(())
            }
            QueueCommand::Sort => {
                self.sort = self.sort.next();
                self.relist(ctx)
            }
            QueueCommand::Mark => {
                self.toggle_mark(ctx);
                Ok(())
            }
            QueueCommand::ClearMarks => {
                self.clear_marks();
                Ok(())
            }
            QueueCommand::Bulk(kind) => self.open_bulk(kind, ctx),
        };
        if let Err(e) = result {
            ctx.fail(&e);
        }
    }

    /// The filters chosen in their dialog: the list starts again under them.
    /// Show a case's detail, coming back to `back_to` when it is closed (when not the queue
    /// itself). False when there is no such case (the status line says so).
    pub fn open_case(&mut self, case_id: i64, back_to: Pane, ctx: &mut Ctx<'_>) -> Result<bool> {
        let Some(case) = ctx.store.case_detail(case_id)? else {
            ctx.say(StatusKind::Error, Msg::CaseNotFound);
            return Ok(false);
        };
        let mut view = DetailView::new(case);
        view.back_to = (back_to != Pane::Queue).then_some(back_to);
        self.detail = Some(view);
        Ok(true)
    }

    pub fn set_filters(&mut self, filters: Filters, ctx: &mut Ctx<'_>) {
        self.filters = filters;
        if let Err(e) = self.relist(ctx) {
            ctx.fail(&e);
        }
    }

    /// Edit the search field; true when the screen changed.
    pub fn edit(&mut self, command: TextCommand, key: &KeyEvent) -> bool {
        text_field::edit(&mut self.search_field, command, key);
        true
    }

    /// A paste into the search field, cleaned, on one line.
    pub fn paste(&mut self, text: &str) -> bool {
        self.searching && text_field::paste(&mut self.search_field, text, TextKind::SingleLine)
    }

    fn run_search(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        let typed = text_of(&self.search_field);
        self.searching = false;
        self.search = Search::parse(&typed, ctx.session.today());
        if self.search.is_none() && !typed.trim().is_empty() {
            ctx.say(StatusKind::Info, Msg::NothingToSearchFor);
        }
        self.relist(ctx)
    }

    /// Back to the start of the list under the current search, filters and order.
    fn relist(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        self.to_newest();
        self.reload(ctx).map(|_| ())
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

    fn open(&mut self, ctx: &mut Ctx<'_>) -> Result<()> {
        let Some(row) = self.rows.get(self.selected) else {
            return Ok(());
        };
        self.detail = ctx.store.case_detail(row.row.id)?.map(DetailView::new);
        Ok(())
    }
}
