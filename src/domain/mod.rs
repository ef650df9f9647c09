//! Types, rules, the case state machine, deadlines and validation. No terminal, no SQL.
//! One file per concept of DESIGN §2.

pub mod calendar;
pub mod case;
pub mod category;
pub mod contact;
pub mod csv;
pub mod document;
pub mod id_number;
pub mod intake;
pub mod lookup;
pub mod notification;
pub mod permission;
pub mod petitioner;
pub mod phone;
pub mod query;
pub mod reference;
pub mod report;
pub mod role;
pub mod roster;
pub mod settings;
pub mod staff;
pub mod supervision;
pub mod text;
pub mod timeline;
pub mod words;
pub mod workflow;

pub use case::{CaseDetail, CaseRow, CaseState, MatterKind, PageKey, SavedCase, UrgentCase};
pub use category::{Category, Unit};
pub use contact::{Channel, CollectiveVisit, Contact, Leapfrog, Representative};
pub use intake::NewIntake;
pub use petitioner::{Petitioner, Sex};
pub use role::Role;
pub use roster::{DutySlot, ExpertOnDuty, RoutedTo, WaitingVisitor};
pub use staff::Staff;
pub use supervision::UrgencyCounts;
