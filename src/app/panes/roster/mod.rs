//! The roster (值班): a week of duty slots by day and half-day, the half-day on duty now
//! marked, each expert's waiting visitors; leaders' reception days; the weekly patterns; and
//! managers' changes (`edit`), each a dialog.

mod edit;

use super::step;
use crate::app::context::Ctx;
use crate::domain::WaitingVisitor;
use crate::domain::roster::week::monday_of;
use crate::domain::roster::{DutySlot, PatternView, RosterWeek};
use crate::store::Result;
use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterCommand {
    Up,
    Down,
    PrevWeek,
    NextWeek,
    ThisWeek,
    /// Between the week and the weekly patterns.
    TogglePatterns,
    Add,
    Move,
    Swap,
    Remove,
    Substitute,
    /// The selected expert's rank, title, seniority and specialties.
    Profile,
    AddPattern,
    EndPattern,
}

/// What the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RosterView {
    #[default]
    Week,
    Patterns,
}

#[derive(Debug, Default)]
pub struct RosterPane {
    pub view: RosterView,
    pub week: RosterWeek,
    pub patterns: Vec<PatternView>,
    /// The highlighted row of the view on show.
    pub selected: usize,
    /// Visitors waiting for the selected slot's expert.
    pub waiting: Vec<WaitingVisitor>,
    /// The week on show, once chosen (None: this week).
    chosen: Option<NaiveDate>,
}

impl RosterPane {
    /// The Monday of the week on show.
    pub fn monday(&self, today: NaiveDate) -> NaiveDate {
        self.chosen.unwrap_or_else(|| monday_of(today))
    }

    pub fn selected_slot(&self) -> Option<&DutySlot> {
        match self.view {
            RosterView::Week => self.week.slots.get(self.selected),
            RosterView::Patterns => None,
        }
    }

    pub fn selected_pattern(&self) -> Option<&PatternView> {
        match self.view {
            RosterView::Patterns => self.patterns.get(self.selected),
            RosterView::Week => None,
        }
    }

    fn rows(&self) -> usize {
        match self.view {
            RosterView::Week => self.week.slots.len(),
            RosterView::Patterns => self.patterns.len(),
        }
    }

    /// Read the view again; true if what the pane shows changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let today = ctx.session.today();
        let monday = self.monday(today);
        let first_look = self.week.monday != Some(monday);
        let keep = self.selected_slot().map(|s| (s.staff_id, s.when()));
        let week = ctx.store.roster_week(monday)?;
        let patterns = ctx.store.pattern_views(today)?;
        let mut changed = week != self.week || patterns != self.patterns;
        self.week = week;
        self.patterns = patterns;
        if self.view == RosterView::Week {
            let now = ctx.session.now;
            self.selected = match keep {
                Some(k) if !first_look => self
                    .week
                    .slots
                    .iter()
                    .position(|s| (s.staff_id, s.when()) == k)
                    .unwrap_or(self.selected),
                // A week seen anew starts at the half-day on duty now, if it is in it.
                _ => self
                    .week
                    .slots
                    .iter()
                    .position(|s| s.is_at(now))
                    .unwrap_or(0),
            };
        }
        self.selected = self.selected.min(self.rows().saturating_sub(1));
        changed |= self.load_waiting(ctx)?;
        Ok(changed)
    }

    /// The visitors waiting for the selected slot's expert; true if they changed.
    fn load_waiting(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        let waiting = match self.selected_slot() {
            Some(s) => ctx.store.waiting_for(s.staff_id)?,
            None => vec![],
        };
        let changed = waiting != self.waiting;
        self.waiting = waiting;
        Ok(changed)
    }

    fn show_week(&mut self, monday: Option<NaiveDate>, ctx: &mut Ctx<'_>) -> Result<()> {
        self.chosen = monday;
        self.selected = 0;
        self.reload(ctx).map(|_| ())
    }

    pub fn handle(&mut self, command: RosterCommand, ctx: &mut Ctx<'_>) {
        let monday = self.monday(ctx.session.today());
        let result = match command {
            RosterCommand::Up | RosterCommand::Down => {
                let rows = self.rows();
                step(&mut self.selected, rows, command == RosterCommand::Down);
                self.load_waiting(ctx).map(|_| ())
            }
            RosterCommand::PrevWeek => self.show_week(Some(monday - Duration::days(7)), ctx),
            RosterCommand::NextWeek => self.show_week(Some(monday + Duration::days(7)), ctx),
            RosterCommand::ThisWeek => self.show_week(None, ctx),
            RosterCommand::TogglePatterns => {
                self.view = match self.view {
                    RosterView::Week => RosterView::Patterns,
                    RosterView::Patterns => RosterView::Week,
                };
                self.selected = 0;
                self.reload(ctx).map(|_| ())
            }
            RosterCommand::Add
            | RosterCommand::Move
            | RosterCommand::Swap
            | RosterCommand::Remove
            | RosterCommand::Substitute
            | RosterCommand::Profile
            | RosterCommand::AddPattern
            | RosterCommand::EndPattern => self.open(command, ctx),
        };
        if let Err(e) = result {
            ctx.fail(&e);
        }
    }
}
