//! Each pane's drawing, mirroring `app::panes`.

pub mod intake;
pub mod queue;
pub mod roster;
pub mod supervision;

use super::Theme;
use crate::app::App;
use crate::app::panes::Pane;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// Draw the current pane; returns where the terminal cursor belongs, if a text field has focus.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    match app.pane() {
        Pane::Intake => intake::draw(frame, area, app, theme),
        Pane::Queue => queue::draw(frame, area, app, theme),
        Pane::Roster => {
            roster::draw(frame, area, app, theme);
            None
        }
        Pane::Supervision => {
            supervision::draw(frame, area, app, theme);
            None
        }
    }
}
