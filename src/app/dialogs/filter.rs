//! A list's filters (`f` in the queue and the supervision pane): one line per filter, ↑/↓ to
//! the line, ←/→ (or Space) through its values, Enter to list under them, Esc to leave them
//! as they were, Del to clear all. The pane shown takes the filters chosen.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::step;
use crate::domain::query::{ContactsFilter, DueFilter, Filters, StateFilter};
use crate::domain::{CaseState, Category, Channel, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterCommand {
    Up,
    Down,
    Prev,
    Next,
    Apply,
    Cancel,
    Reset,
}

/// The lines of the dialog, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterLine {
    State,
    Unit,
    Category,
    Channel,
    Due,
    Contacts,
    Mine,
    Supervised,
}

impl FilterLine {
    pub const ALL: [FilterLine; 8] = [
        FilterLine::State,
        FilterLine::Unit,
        FilterLine::Category,
        FilterLine::Channel,
        FilterLine::Due,
        FilterLine::Contacts,
        FilterLine::Mine,
        FilterLine::Supervised,
    ];

    /// A list of open cases only (the supervision pane) has no state to choose.
    pub const OPEN_CASES: [FilterLine; 7] = [
        FilterLine::Unit,
        FilterLine::Category,
        FilterLine::Channel,
        FilterLine::Due,
        FilterLine::Contacts,
        FilterLine::Mine,
        FilterLine::Supervised,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterDialog {
    pub filters: Filters,
    /// The lines this list offers, in order.
    pub lines: &'static [FilterLine],
    /// The line with focus (an index into `lines`).
    pub line: usize,
    /// The office's units and categories, to go through.
    pub units: Vec<Unit>,
    pub categories: Vec<Category>,
}

/// The states a list can keep to: all, open, or one state.
fn states() -> Vec<StateFilter> {
    let mut out = vec![StateFilter::All, StateFilter::Open];
    out.extend(CaseState::ALL.into_iter().map(StateFilter::Only));
    out
}

/// The value after (or before) `current` among `values`, round.
fn cycle<T: PartialEq + Copy>(values: &[T], current: T, forward: bool) -> T {
    let n = values.len();
    let i = values.iter().position(|v| *v == current).unwrap_or(0);
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    values.get(next).copied().unwrap_or(current)
}

impl FilterDialog {
    pub fn new(
        filters: Filters,
        lines: &'static [FilterLine],
        units: &[Unit],
        categories: &[Category],
    ) -> Self {
        Self {
            filters,
            lines,
            line: 0,
            units: units.to_vec(),
            categories: categories.to_vec(),
        }
    }

    pub fn focused(&self) -> FilterLine {
        self.lines
            .get(self.line)
            .copied()
            .unwrap_or(FilterLine::Unit)
    }

    pub fn handle(&mut self, command: FilterCommand, events: &mut Vec<AppEvent>) -> After {
        match command {
            FilterCommand::Up | FilterCommand::Down => step(
                &mut self.line,
                self.lines.len(),
                command == FilterCommand::Down,
            ),
            FilterCommand::Prev => self.change(false),
            FilterCommand::Next => self.change(true),
            FilterCommand::Reset => {
                // Clear what this list offers; what it does not (an open-cases list's state)
                // stays as the list keeps it.
                let state = self.filters.state;
                self.filters = Filters::default();
                if !self.lines.contains(&FilterLine::State) {
                    self.filters.state = state;
                }
            }
            FilterCommand::Apply => {
                events.push(AppEvent::Filters(self.filters));
                return After::Close;
            }
            FilterCommand::Cancel => return After::Close,
        }
        After::Stay
    }

    /// The focused filter's next (or previous) value.
    fn change(&mut self, forward: bool) {
        let line = self.focused();
        let f = &mut self.filters;
        let ids = |all: &mut dyn Iterator<Item = i64>| -> Vec<Option<i64>> {
            std::iter::once(None).chain(all.map(Some)).collect()
        };
        match line {
            FilterLine::State => f.state = cycle(&states(), f.state, forward),
            FilterLine::Unit => {
                let units = ids(&mut self.units.iter().map(|u| u.id));
                f.unit_id = cycle(&units, f.unit_id, forward);
            }
            FilterLine::Category => {
                let categories = ids(&mut self.categories.iter().map(|c| c.id));
                f.category_id = cycle(&categories, f.category_id, forward);
            }
            FilterLine::Channel => {
                let channels: Vec<Option<Channel>> = std::iter::once(None)
                    .chain(Channel::ALL.into_iter().map(Some))
                    .collect();
                f.channel = cycle(&channels, f.channel, forward);
            }
            FilterLine::Due => {
                let due = [None, Some(DueFilter::Overdue), Some(DueFilter::DueSoon)];
                f.due = cycle(&due, f.due, forward);
            }
            FilterLine::Contacts => {
                let contacts = [
                    ContactsFilter::Any,
                    ContactsFilter::FirstOnly,
                    ContactsFilter::Repeated,
                ];
                f.contacts = cycle(&contacts, f.contacts, forward);
            }
            FilterLine::Mine => f.mine = !f.mine,
            FilterLine::Supervised => f.supervised = !f.supervised,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog() -> FilterDialog {
        let units = vec![Unit {
            id: 7,
            code: "zrzy".into(),
            name: "县自然资源局".into(),
            initials: "xzrzyj".into(),
        }];
        FilterDialog::new(Filters::default(), &FilterLine::ALL, &units, &[])
    }

    #[test]
    fn values_go_round_and_enter_hands_them_to_the_queue() {
        let mut d = dialog();
        let mut events = vec![];
        d.handle(FilterCommand::Next, &mut events);
        assert_eq!(d.filters.state, StateFilter::Open);
        d.handle(FilterCommand::Prev, &mut events);
        d.handle(FilterCommand::Prev, &mut events);
        assert_eq!(d.filters.state, StateFilter::Only(CaseState::Closed));
        d.handle(FilterCommand::Down, &mut events);
        d.handle(FilterCommand::Next, &mut events);
        assert_eq!(d.filters.unit_id, Some(7));
        d.handle(FilterCommand::Next, &mut events);
        assert_eq!(d.filters.unit_id, None, "round to all units");
        assert_eq!(d.handle(FilterCommand::Apply, &mut events), After::Close);
        assert!(
            matches!(events.as_slice(), [AppEvent::Filters(f)] if f.state == StateFilter::Only(CaseState::Closed))
        );
    }

    #[test]
    fn escape_leaves_the_filters_and_delete_clears_them() {
        let mut d = dialog();
        let mut events = vec![];
        d.handle(FilterCommand::Next, &mut events);
        d.handle(FilterCommand::Reset, &mut events);
        assert!(d.filters.is_empty());
        assert_eq!(d.handle(FilterCommand::Cancel, &mut events), After::Close);
        assert!(events.is_empty());
    }
}
