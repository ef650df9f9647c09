//! Documents handed to petitioners and units, as plain text ready to print: the receipt
//! (回执), the statutory notices and the 督办单, accountability notices (通报) — in Chinese,
//! whatever the screen's language — and what the office reads: the nightly check and the
//! statistics (in the reader's language).

pub mod check;
pub mod columns;
pub mod notice;
pub mod notices;
pub mod receipt;
pub mod report;
pub mod roster_notice;
