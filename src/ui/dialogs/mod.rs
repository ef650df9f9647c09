//! Each dialog's drawing, mirroring `app::dialogs`.

mod experts;
pub(crate) mod filter;
mod form;
mod help;
mod history;
mod materials;
mod notifications;
mod question;
mod representatives;

use super::Theme;
use crate::app::App;
use crate::app::dialogs::Dialog;
use crate::app::keymap::{Scope, bindings_of};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// Draw a dialog over the pane's `body`; returns where the terminal cursor belongs (None hides
/// it: a dialog without a text field takes the cursor away from the form under it).
pub fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    dialog: &Dialog,
    app: &App,
    theme: &Theme,
) -> Option<Position> {
    match dialog {
        Dialog::Help(d) => help::draw(frame, body, d, app, theme),
        Dialog::Question(d) => question::draw(frame, body, d, app, theme),
        Dialog::History(d) => history::draw(frame, body, d, app, theme),
        Dialog::Experts(d) => experts::draw(frame, body, d, app, theme),
        Dialog::Filter(d) => filter::draw(frame, body, d, app, theme),
        Dialog::Representatives(d) => return representatives::draw(frame, body, d, app, theme),
        Dialog::Form(d) => return form::draw(frame, body, &d.form, app, theme),
        Dialog::Materials(d) => return materials::draw(frame, body, d, app, theme),
        Dialog::RosterForm(d) => return form::draw(frame, body, &d.form, app, theme),
        Dialog::Notifications(d) => notifications::draw(frame, body, d, app, theme),
    }
    None
}

/// A dialog's own keys in one line ("Tab next cell  F6 done"), from the keymap's legend rows
/// of its scope that can be used now.
fn key_hint(scope: Scope, app: &App) -> String {
    let lang = app.session().lang;
    bindings_of(scope)
        .filter(|b| b.legend && app.available(b))
        .map(|b| format!("{} {}", b.keys.name(lang), b.does.get(lang)))
        .collect::<Vec<_>>()
        .join("  ")
}
