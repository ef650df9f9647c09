//! 问题类别 and 责任单位: the office's taxonomy of matters and the units that handle them.

/// 问题类别.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Pinyin initials of the Chinese name (`zdcq` for 征地拆迁), for the picker.
    pub initials: String,
}

/// 责任单位.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub initials: String,
}
