//! xfdesk (信访接待台): the reception desk of a petition office, in a terminal.

pub mod app;
pub mod cli;
pub mod documents;
pub mod domain;
pub mod i18n;
pub mod os;
pub mod store;
pub mod tui;
pub mod ui;
