//! 督办: open cases by how pressing their deadlines are.

/// Open cases by how pressing their running clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UrgencyCounts {
    pub open: u64,
    pub overdue: u64,
    pub due_soon: u64,
}
