//! The roster (值班): the week by day and half-day (the half-day on duty now marked ▶, leaders'
//! reception days named above the list and each leader's slot marked), the waiting visitors
//! of the highlighted expert under it; or the weekly patterns.

mod patterns;
mod week;

use super::super::Theme;
use crate::app::App;
use crate::app::panes::roster::RosterView;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    match app.panes().roster.view {
        RosterView::Week => week::draw(frame, area, app, theme),
        RosterView::Patterns => patterns::draw(frame, area, app, theme),
    }
}

#[cfg(test)]
mod tests;
