//! Supervision (督办), mirroring `app::panes::supervision`: the list of open cases by urgency,
//! what the nightly check found, the notices, the statistics.

mod charts;
mod findings;
mod list;
mod notices;
mod stats;

use super::super::Theme;
use crate::app::App;
use crate::app::panes::supervision::View;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    match app.panes().supervision.view {
        View::List => list::draw(frame, area, app, theme),
        View::Findings => findings::draw(frame, area, app, theme),
        View::Notices => notices::draw(frame, area, app, theme),
        View::Stats => stats::draw(frame, area, app, theme),
    }
}

/// A cell of a table `w` columns wide: the text cut or padded to leave one blank column.
fn cell(s: &str, w: usize) -> String {
    format!("{} ", super::super::widgets::pad(s, w.saturating_sub(1)))
}

/// Whether the screen is wide enough for the extra columns (due date, petitioner).
fn wide(area: Rect) -> bool {
    area.width >= 100
}

#[cfg(test)]
mod tests;
