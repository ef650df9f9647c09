//! Types, rules, the case state machine, deadlines and validation. No terminal, no SQL.

pub mod calendar;
pub mod case;
pub mod id_number;
pub mod intake;
pub mod lookup;
pub mod permission;
pub mod phone;
pub mod receipt;
pub mod reference;
pub mod role;
pub mod text;
pub mod types;

pub use case::CaseState;
pub use role::Role;
pub use types::*;
