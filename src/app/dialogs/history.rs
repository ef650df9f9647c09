//! The history panel with the keys (F5): a returning petitioner's earlier cases; Enter makes
//! this contact a repeat on the chosen open case, F8 fills the form from the person's record.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::app::panes::step;
use crate::domain::lookup::{PersonHistory, PriorCase};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryCommand {
    Up,
    Down,
    AttachRepeat,
    Fill,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryDialog {
    pub people: Vec<PersonHistory>,
    /// The highlighted case, counted across all people found.
    pub pick: usize,
    /// The case this contact is attached to as a repeat, if any.
    pub attached: Option<i64>,
}

impl HistoryDialog {
    pub fn new(people: Vec<PersonHistory>, attached: Option<i64>) -> Self {
        Self {
            people,
            pick: 0,
            attached,
        }
    }

    /// Every prior case with the index of its person, in the order the panel lists them.
    pub fn cases(&self) -> Vec<(usize, &PriorCase)> {
        self.people
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.cases.iter().map(move |c| (i, c)))
            .collect()
    }

    pub fn handle(&mut self, command: HistoryCommand, events: &mut Vec<AppEvent>) -> After {
        let picked = self.cases().get(self.pick).map(|(i, c)| (*i, (*c).clone()));
        match command {
            HistoryCommand::Up | HistoryCommand::Down => {
                let n = self.cases().len();
                step(&mut self.pick, n, command == HistoryCommand::Down);
                After::Stay
            }
            HistoryCommand::AttachRepeat => match picked {
                Some((_, case)) => {
                    events.push(AppEvent::Intake(IntakeEvent::AttachRepeat(case)));
                    After::Close
                }
                None => After::Stay,
            },
            HistoryCommand::Fill => {
                let person = picked.map_or(0, |(i, _)| i);
                if let Some(p) = self.people.get(person) {
                    events.push(AppEvent::Intake(IntakeEvent::FillFrom(p.clone())));
                }
                After::Close
            }
            HistoryCommand::Close => After::Close,
        }
    }
}
