//! The four panes, each one key away from anywhere (DESIGN §5). Each pane is a folder or file
//! with its state, its loading and its actions; `ui::panes` draws them.

pub mod intake;
pub mod queue;
pub mod roster;
pub mod supervision;

use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Intake,
    Queue,
    Roster,
    Supervision,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Intake, Pane::Queue, Pane::Roster, Pane::Supervision];

    pub fn name(self) -> Text {
        match self {
            Pane::Intake => Text::PaneIntake,
            Pane::Queue => Text::PaneQueue,
            Pane::Roster => Text::PaneRoster,
            Pane::Supervision => Text::PaneSupervision,
        }
    }
}

/// The four panes' states.
pub struct Panes {
    pub intake: intake::IntakePane,
    pub queue: queue::QueuePane,
    pub roster: roster::RosterPane,
    pub supervision: supervision::SupervisionPane,
}

/// Move a list's highlight one row, staying within it.
pub fn step(selected: &mut usize, len: usize, down: bool) {
    if len == 0 {
        *selected = 0;
    } else if down {
        *selected = (*selected + 1).min(len - 1);
    } else {
        *selected = selected.saturating_sub(1);
    }
}
