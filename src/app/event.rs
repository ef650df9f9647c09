//! What components ask of the application when they are done with a key: dialogs talk back
//! through these instead of reaching into the panes.

use super::dialogs::Dialog;
use super::panes::Pane;
use super::panes::intake::IntakeEvent;
use crate::domain::query::Filters;

#[derive(Debug, Clone)]
pub enum AppEvent {
    /// Put a dialog on top of the stack, over `Pane` (or over every pane when None).
    Open(Option<Pane>, Box<Dialog>),
    /// Quit, asking first if a form holds unsaved text.
    Quit,
    /// Quit without asking (the user said yes).
    QuitNow,
    ShowPane(Pane),
    /// This session changed the database: views reload (its own writes do not move the
    /// connection's data version).
    DataChanged,
    /// Read the current pane again, keeping the user's place.
    Reload,
    /// The form on top asks to be submitted.
    SubmitForm,
    /// Close the dialog on top of the current pane (a form the user chose to discard).
    CloseTopDialog,
    /// Something for the intake pane to do (from its dialogs or a question's answer).
    Intake(IntakeEvent),
    /// Open this case's detail; Esc there goes back to the pane given.
    OpenCase(i64, Pane),
    /// A list's filters, as chosen in their dialog, for the pane shown.
    Filters(Filters),
    /// Something the notifications list asks for.
    Notice(super::dialogs::notifications::NoticeAction),
}
