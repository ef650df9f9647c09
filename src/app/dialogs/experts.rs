//! The duty-expert picker (F7): Enter routes the visitor to the highlighted expert, or takes
//! the routing back if it is that expert already.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::app::panes::step;
use crate::domain::ExpertOnDuty;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpertsCommand {
    Up,
    Down,
    Choose,
    Close,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertPicker {
    pub experts: Vec<ExpertOnDuty>,
    pub pick: usize,
    /// The expert the visitor is routed to now, if any.
    pub chosen: Option<i64>,
}

impl ExpertPicker {
    pub fn new(experts: Vec<ExpertOnDuty>, chosen: Option<i64>) -> Self {
        Self {
            experts,
            pick: 0,
            chosen,
        }
    }

    pub fn handle(&mut self, command: ExpertsCommand, events: &mut Vec<AppEvent>) -> After {
        match command {
            ExpertsCommand::Up | ExpertsCommand::Down => {
                step(
                    &mut self.pick,
                    self.experts.len(),
                    command == ExpertsCommand::Down,
                );
                After::Stay
            }
            ExpertsCommand::Choose => {
                if let Some(e) = self.experts.get(self.pick) {
                    events.push(AppEvent::Intake(IntakeEvent::Route(e.clone())));
                }
                After::Close
            }
            ExpertsCommand::Close => After::Close,
        }
    }
}
