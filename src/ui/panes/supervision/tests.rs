//! The supervision pane and the statistics view on a test terminal.
