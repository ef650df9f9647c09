//! Finding a returning petitioner while the form is typed (DESIGN §5, 条例 Art. 19).
//!
//! Exact resident ID first, then exact phone, then the same name; a name typed as pinyin
//! initials (`zs`) finds 张三 too. The most certain key decides what the panel shows.

use super::case::CaseState;
use super::id_number::IdNumber;
use super::petitioner::Sex;
use super::phone::normalize_phone;
use chrono::{NaiveDate, NaiveDateTime};
use pinyin::ToPinyin;

/// What to look a person up by, most certain first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupKey {
    IdNumber(String),
    Phone(String),
    Name(String),
    Initials(String),
}

impl LookupKey {
    /// How sure a match by this key is: an ID number names one person; a name many.
    pub fn certainty(&self) -> u8 {
        match self {
            LookupKey::IdNumber(_) => 3,
            LookupKey::Phone(_) => 2,
            LookupKey::Name(_) => 1,
            LookupKey::Initials(_) => 0,
        }
    }
}

/// A person found while the form is typed, with their prior cases newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonHistory {
    pub petitioner_id: i64,
    pub id_number: Option<String>,
    pub name: String,
    pub sex: Option<Sex>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub work_unit: Option<String>,
    /// The key that found them (its certainty orders the list).
    pub matched_by: LookupKey,
    pub cases: Vec<PriorCase>,
}

/// One of a returning petitioner's earlier cases.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorCase {
    pub case_id: i64,
    pub number: String,
    pub received_at: NaiveDateTime,
    pub category: String,
    pub state: CaseState,
    pub due: Option<NaiveDate>,
    pub summary: String,
    pub contacts: u32,
}

/// The keys by which a petitioner can be looked up, as stored; for benchmarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionerKeys {
    pub id_number: Option<String>,
    pub phone: Option<String>,
    pub name: String,
    pub initials: String,
}

/// The keys the typed fields allow, most certain first. Partial input gives no key: an
/// incomplete ID number or phone is not looked up (a prefix would list strangers).
pub fn lookup_keys(id_number: &str, phone: &str, name: &str, today: NaiveDate) -> Vec<LookupKey> {
    let mut keys = vec![];
    if let Ok(id) = IdNumber::parse(id_number, today) {
        keys.push(LookupKey::IdNumber(id.as_str().to_string()));
    }
    if let Ok((p, _)) = normalize_phone(phone) {
        keys.push(LookupKey::Phone(p));
    }
    let name = name.trim();
    if !name.is_empty() {
        if name.chars().all(|c| c.is_ascii_alphabetic()) {
            if name.len() >= 2 {
                keys.push(LookupKey::Initials(name.to_ascii_lowercase()));
            }
        } else if name.chars().count() >= 2 {
            keys.push(LookupKey::Name(name.to_string()));
        }
    }
    keys
}

/// Pinyin initials of a Chinese name (`张三` → `zs`); letters pass through lower-cased, other
/// characters are skipped. Polyphonic surnames take their most common reading.
pub fn name_initials(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if let Some(p) = c.to_pinyin() {
            out.push_str(p.first_letter());
        } else if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Whether this contact opens a new case (its 初信初访) or repeats an open one (重复信访).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    FirstContact,
    RepeatOf(i64),
}

/// Why a contact cannot be attached to a case as a repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepeatError {
    /// A closed case is reopened by a 复查/复核 request, not by a repeat contact.
    CaseClosed,
}

/// Attaching a repeat needs the case still open (条例 Art. 19: a matter in progress within its
/// time limit is not accepted again; the person is told it is in progress).
pub fn check_repeat(case_open: bool) -> Result<(), RepeatError> {
    if case_open {
        Ok(())
    } else {
        Err(RepeatError::CaseClosed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_complete_valid_id_comes_first_then_phone_then_name() {
        let keys = lookup_keys("11010519491231002x", "138 0013 8000", "张三", today());
        assert_eq!(
            keys,
            vec![
                LookupKey::IdNumber("11010519491231002X".into()),
                LookupKey::Phone("13800138000".into()),
                LookupKey::Name("张三".into()),
            ]
        );
        assert!(keys.windows(2).all(|w| w[0].certainty() > w[1].certainty()));
    }

    #[test]
    fn partial_or_invalid_numbers_are_not_looked_up() {
        assert!(lookup_keys("1101051949", "1380013", "", today()).is_empty());
        assert!(lookup_keys("110105194912310021", "", "", today()).is_empty());
    }

    #[test]
    fn a_name_in_latin_letters_is_pinyin_initials() {
        assert_eq!(
            lookup_keys("", "", "ZS", today()),
            vec![LookupKey::Initials("zs".into())]
        );
        assert!(
            lookup_keys("", "", "张", today()).is_empty(),
            "one character is too little"
        );
    }

    #[test]
    fn initials_of_chinese_names() {
        assert_eq!(name_initials("张三"), "zs");
        assert_eq!(name_initials("欧阳娜娜"), "oynn");
        assert_eq!(name_initials("王秀英"), "wxy");
        assert_eq!(name_initials("李 Ming"), "lming");
    }

    #[test]
    fn repeats_go_only_to_open_cases() {
        assert_eq!(check_repeat(true), Ok(()));
        assert_eq!(check_repeat(false), Err(RepeatError::CaseClosed));
    }
}
