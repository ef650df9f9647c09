//! Drawing: pure functions from the application's state to a ratatui frame, mirroring `app`
//! (a module per pane, a file per dialog). No SQL, no I/O, no clock: time comes from the
//! session.

mod chrome;
pub mod dialogs;
pub mod panes;
mod theme;
pub mod widgets;

pub use theme::Theme;
pub use widgets::list::rows_for_height as list_rows_for_height;

use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let [tabs, body, status, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    chrome::draw_tabs(frame, tabs, app, theme);
    let mut cursor = panes::draw(frame, body, app, theme);
    // Dialogs over the pane, bottom first; the top one decides where the cursor goes.
    for dialog in app.dialogs().shown(app.pane()) {
        cursor = dialogs::draw(frame, body, dialog, app, theme);
    }
    chrome::draw_status(frame, status, app, theme);
    chrome::draw_legend(frame, legend, app, theme);
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

#[cfg(test)]
pub(crate) mod test_support;
