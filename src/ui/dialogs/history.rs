//! The history panel with the keys: drawn where the intake shows it, highlighted.

use super::super::Theme;
use super::super::panes::intake::history::{Panel, draw as draw_panel};
use super::super::panes::intake::{IntakeLayout, inner_area};
use crate::app::App;
use crate::app::dialogs::history::HistoryDialog;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn draw(frame: &mut Frame<'_>, body: Rect, dialog: &HistoryDialog, app: &App, theme: &Theme) {
    let Some(layout) = IntakeLayout::of(inner_area(body), !dialog.people.is_empty()) else {
        return;
    };
    let panel = Panel {
        people: &dialog.people,
        pick: Some(dialog.pick),
        attached: dialog.attached,
    };
    draw_panel(frame, layout.history_area(), &panel, app, theme);
}
