//! End to end: the real binary in a pseudo-terminal, the screen read back through vt100. One
//! test binary (built once) with a module per feature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

#[path = "../common/mod.rs"]
mod common;

mod busy;
mod intake;
mod printing;
mod queue;
mod roster;
mod search;
mod session;
mod supervision;
mod terminal;
mod workflow;
