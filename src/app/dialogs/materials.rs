//! The materials received with this contact (材料, F11): what each is, how many pages, original
//! or copy, given back or kept. The form keeps them; this dialog edits them and reports each
//! change, so the draft and the receipt always have them.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::app::text_field::{self, TextCommand, TextKind, line_field_with, text_of};
use crate::domain::contact::NewMaterial;
use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaterialsCommand {
    NextCell,
    PrevCell,
    NextRow,
    PrevRow,
    /// Space on a yes/no cell.
    Toggle,
    Done,
    Save,
}

/// Rows the dialog offers.
pub const ROWS: usize = 8;

/// The columns of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    Pages,
    Original,
    Returned,
}

pub const COLUMNS: [Column; 4] = [
    Column::Title,
    Column::Pages,
    Column::Original,
    Column::Returned,
];

#[derive(Debug, Clone)]
pub struct MaterialRow {
    pub title: TextArea<'static>,
    pub pages: TextArea<'static>,
    pub original: bool,
    pub returned: bool,
}

#[derive(Debug, Clone)]
pub struct MaterialsDialog {
    pub rows: Vec<MaterialRow>,
    /// (row, column index).
    pub focus: (usize, usize),
}

impl MaterialsDialog {
    pub fn new(materials: &[NewMaterial]) -> Self {
        let mut rows: Vec<MaterialRow> = materials
            .iter()
            .take(ROWS)
            .map(|m| MaterialRow {
                title: line_field_with(&m.title),
                pages: line_field_with(&m.pages.to_string()),
                original: m.original,
                returned: m.returned,
            })
            .collect();
        while rows.len() < ROWS {
            rows.push(MaterialRow {
                title: line_field_with(""),
                pages: line_field_with(""),
                original: false,
                returned: false,
            });
        }
        Self {
            rows,
            focus: (0, 0),
        }
    }

    /// The rows with a title or a page count, as the form keeps them. A page count that is
    /// not a number counts as none; validation names the row.
    pub fn materials(&self) -> Vec<NewMaterial> {
        self.rows
            .iter()
            .filter(|r| !r.title.is_empty() || !r.pages.is_empty())
            .map(|r| NewMaterial {
                title: text_of(&r.title),
                pages: text_of(&r.pages).trim().parse().unwrap_or(0),
                original: r.original,
                returned: r.returned,
                file: None,
            })
            .collect()
    }

    pub fn column(&self) -> Column {
        COLUMNS.get(self.focus.1).copied().unwrap_or(Column::Title)
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        matches!(self.column(), Column::Title | Column::Pages).then_some(TextKind::SingleLine)
    }

    fn move_by(&mut self, cells: isize) {
        let n = (self.rows.len() * COLUMNS.len()) as isize;
        if n == 0 {
            return;
        }
        let (r, c) = self.focus;
        let i = ((r * COLUMNS.len() + c) as isize + cells).rem_euclid(n) as usize;
        self.focus = (i / COLUMNS.len(), i % COLUMNS.len());
    }

    fn changed(&self, events: &mut Vec<AppEvent>) {
        events.push(AppEvent::Intake(IntakeEvent::MaterialsEdited(
            self.materials(),
        )));
    }

    pub fn handle(&mut self, command: MaterialsCommand, events: &mut Vec<AppEvent>) -> After {
        match command {
            MaterialsCommand::NextCell => self.move_by(1),
            MaterialsCommand::PrevCell => self.move_by(-1),
            MaterialsCommand::NextRow => self.move_by(COLUMNS.len() as isize),
            MaterialsCommand::PrevRow => self.move_by(-(COLUMNS.len() as isize)),
            MaterialsCommand::Toggle => {
                let column = self.column();
                if let Some(row) = self.rows.get_mut(self.focus.0) {
                    match column {
                        Column::Original => row.original = !row.original,
                        Column::Returned => row.returned = !row.returned,
                        Column::Title | Column::Pages => return After::Stay,
                    }
                    self.changed(events);
                }
            }
            MaterialsCommand::Done => return After::Close,
            MaterialsCommand::Save => {
                events.push(AppEvent::Intake(IntakeEvent::Save));
                return After::Close;
            }
        }
        After::Stay
    }

    fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        let column = self.column();
        let row = self.rows.get_mut(self.focus.0)?;
        match column {
            Column::Title => Some(&mut row.title),
            Column::Pages => Some(&mut row.pages),
            Column::Original | Column::Returned => None,
        }
    }

    pub fn edit(
        &mut self,
        command: TextCommand,
        key: &KeyEvent,
        events: &mut Vec<AppEvent>,
    ) -> bool {
        let Some(cell) = self.focused_text() else {
            return false;
        };
        if text_field::edit(cell, command, key) {
            self.changed(events);
        }
        true
    }

    pub fn paste(&mut self, text: &str, events: &mut Vec<AppEvent>) -> bool {
        let Some(cell) = self.focused_text() else {
            return false;
        };
        let changed = text_field::paste(cell, text, TextKind::SingleLine);
        if changed {
            self.changed(events);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_words_become_materials_and_space_toggles_the_yes_no_cells() {
        let mut d = MaterialsDialog::new(&[]);
        let mut events = vec![];
        d.rows[0].title = line_field_with("身份证复印件");
        d.rows[0].pages = line_field_with("1");
        d.focus = (0, 2);
        d.handle(MaterialsCommand::Toggle, &mut events);
        assert_eq!(events.len(), 1);
        let m = d.materials();
        assert_eq!(m.len(), 1, "empty rows are not materials");
        assert!(m[0].original && !m[0].returned);
        assert_eq!(m[0].pages, 1);
    }
}
