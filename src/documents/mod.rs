//! Documents handed to petitioners and units, as plain text ready to print: the receipt
//! (回执) now, the statutory notices later. They are in Chinese, whatever the screen's language.

pub mod notices;
pub mod receipt;
pub mod roster_notice;
