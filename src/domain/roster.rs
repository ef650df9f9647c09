//! 值班/接访安排: experts on duty by half-day, and the visitors routed to them.

use chrono::{NaiveDate, NaiveDateTime};

/// An expert on duty in one half-day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutySlot {
    pub day: NaiveDate,
    pub afternoon: bool,
    pub staff_name: String,
    pub room: String,
    pub specialties: Vec<String>,
    pub waiting: u32,
}

impl DutySlot {
    /// Whether this slot is the half-day going on at `now` (office-local).
    pub fn is_at(&self, now: NaiveDateTime) -> bool {
        use chrono::Timelike;
        self.day == now.date() && self.afternoon == (now.hour() >= 12)
    }
}

/// An expert on duty now, for routing a visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertOnDuty {
    pub staff_id: i64,
    pub name: String,
    pub room: String,
    pub waiting: u32,
    /// Whether the expert's specialties cover the chosen category.
    pub covers: bool,
}

/// A visitor routed to an expert and still waiting to be seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingVisitor {
    pub case_id: i64,
    pub number: String,
    pub petitioner_name: String,
    pub routed_at: NaiveDateTime,
}

/// Where a routed visitor goes: the expert's name and room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutedTo {
    pub expert_name: String,
    pub room: String,
}
