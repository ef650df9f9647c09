//! The representatives of a collective visit (F6): up to five people, each a name, an ID
//! number and a phone. The form keeps the text; this dialog edits it and reports each change.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::app::text_field::{self, TextCommand, TextKind, line_field_with, text_of};
use crate::domain::intake::RepresentativeInput;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepresentativesCommand {
    NextCell,
    PrevCell,
    NextRow,
    PrevRow,
    Done,
    /// Close and save the form.
    Save,
}

/// Columns of a row: name, ID number, phone.
pub const COLUMNS: usize = 3;

#[derive(Debug, Clone)]
pub struct RepresentativesDialog {
    pub cells: Vec<[TextArea<'static>; COLUMNS]>,
    /// The cell with focus: (row, column).
    pub focus: (usize, usize),
}

impl RepresentativesDialog {
    pub fn new(rows: &[RepresentativeInput]) -> Self {
        Self {
            cells: rows
                .iter()
                .map(|r| {
                    [
                        line_field_with(&r.name),
                        line_field_with(&r.id_number),
                        line_field_with(&r.phone),
                    ]
                })
                .collect(),
            focus: (0, 0),
        }
    }

    pub fn rows(&self) -> Vec<RepresentativeInput> {
        self.cells
            .iter()
            .map(|[name, id, phone]| RepresentativeInput {
                name: text_of(name),
                id_number: text_of(id),
                phone: text_of(phone),
            })
            .collect()
    }

    fn move_by(&mut self, cells: isize) {
        let n = (self.cells.len() * COLUMNS) as isize;
        if n == 0 {
            return;
        }
        let (r, c) = self.focus;
        let i = ((r * COLUMNS + c) as isize + cells).rem_euclid(n) as usize;
        self.focus = (i / COLUMNS, i % COLUMNS);
    }

    pub fn handle(&mut self, command: RepresentativesCommand, events: &mut Vec<AppEvent>) -> After {
        match command {
            RepresentativesCommand::NextCell => self.move_by(1),
            RepresentativesCommand::PrevCell => self.move_by(-1),
            RepresentativesCommand::NextRow => self.move_by(COLUMNS as isize),
            RepresentativesCommand::PrevRow => self.move_by(-(COLUMNS as isize)),
            RepresentativesCommand::Done => return After::Close,
            RepresentativesCommand::Save => {
                events.push(AppEvent::Intake(IntakeEvent::Save));
                return After::Close;
            }
        }
        After::Stay
    }

    fn focused(&mut self) -> Option<&mut TextArea<'static>> {
        let (r, c) = self.focus;
        self.cells.get_mut(r).and_then(|row| row.get_mut(c))
    }

    pub fn edit(
        &mut self,
        command: TextCommand,
        key: &KeyEvent,
        events: &mut Vec<AppEvent>,
    ) -> bool {
        let Some(cell) = self.focused() else {
            return false;
        };
        if text_field::edit(cell, command, key) {
            events.push(AppEvent::Intake(IntakeEvent::RepresentativesEdited(
                self.rows(),
            )));
        }
        true
    }

    pub fn paste(&mut self, text: &str, events: &mut Vec<AppEvent>) -> bool {
        let Some(cell) = self.focused() else {
            return false;
        };
        let changed = text_field::paste(cell, text, TextKind::SingleLine);
        if changed {
            events.push(AppEvent::Intake(IntakeEvent::RepresentativesEdited(
                self.rows(),
            )));
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_name_id_phone_then_the_next_row_and_round() {
        let mut d = RepresentativesDialog::new(&vec![RepresentativeInput::default(); 5]);
        let mut events = vec![];
        for _ in 0..3 {
            d.handle(RepresentativesCommand::NextCell, &mut events);
        }
        assert_eq!(d.focus, (1, 0));
        d.handle(RepresentativesCommand::PrevRow, &mut events);
        d.handle(RepresentativesCommand::PrevRow, &mut events);
        assert_eq!(d.focus, (4, 0), "up from the first row goes round");
    }
}
