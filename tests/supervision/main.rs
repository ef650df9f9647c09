//! Supervision from outside: the ladder and notices through the store, `xfdesk check` and
//! `xfdesk report` as the real binary, on hand-made offices whose figures are counted by
//! hand. One test binary with a module per feature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

#[path = "../common/mod.rs"]
mod common;

mod check;
mod ladder;
mod office;
mod report;
