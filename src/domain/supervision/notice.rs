//! 通报: a manager's accountability notice naming a unit or a staff member, the cases and the
//! failure, with the measures required. Numbered per year (`TB-2026-003`), listed and
//! printable, counted in the statistics by the unit or person it names.

use crate::domain::permission::{Act, PermissionDenied, require};
use crate::domain::staff::Staff;
use crate::domain::text::clean_text;
use chrono::NaiveDateTime;

/// The most cases one notice names.
pub const MAX_NOTICE_CASES: usize = 50;
/// The longest failure or measures text.
pub const MAX_NOTICE_CHARS: usize = 2_000;

/// Whom a notice names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeTarget {
    Unit(i64),
    Staff(i64),
}

/// A notice as the manager gives it, before it is numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    pub target: NoticeTarget,
    pub case_ids: Vec<i64>,
    /// The failure, in words (逾期未办结、敷衍塞责……).
    pub failure: String,
    /// What is required now (整改要求), may be empty.
    pub measures: String,
}

/// Why a notice was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeError {
    Denied(PermissionDenied),
    /// A notice names at least one case.
    NoCases,
    TooManyCases {
        max: usize,
    },
    /// The failure must be said in words.
    FailureMissing,
    TooLong {
        max: usize,
    },
    /// A case number that is not a case.
    UnknownCase(String),
    /// The unit or staff member named does not exist (or is not active staff).
    UnknownTarget,
}

impl std::fmt::Display for NoticeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::supervision::notice_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for NoticeError {}

/// Check a notice by `actor` (a manager) and return it cleaned: texts without control
/// characters, each case once, in the order given.
pub fn check_notice(actor: &Staff, notice: &NewNotice) -> Result<NewNotice, NoticeError> {
    require(actor, Act::IssueNotice).map_err(NoticeError::Denied)?;
    let failure = clean_text(&notice.failure, true).trim().to_string();
    let measures = clean_text(&notice.measures, true).trim().to_string();
    if failure.is_empty() {
        return Err(NoticeError::FailureMissing);
    }
    if failure.chars().count() > MAX_NOTICE_CHARS || measures.chars().count() > MAX_NOTICE_CHARS {
        return Err(NoticeError::TooLong {
            max: MAX_NOTICE_CHARS,
        });
    }
    let mut case_ids: Vec<i64> = Vec::with_capacity(notice.case_ids.len());
    for id in &notice.case_ids {
        if !case_ids.contains(id) {
            case_ids.push(*id);
        }
    }
    if case_ids.is_empty() {
        return Err(NoticeError::NoCases);
    }
    if case_ids.len() > MAX_NOTICE_CASES {
        return Err(NoticeError::TooManyCases {
            max: MAX_NOTICE_CASES,
        });
    }
    Ok(NewNotice {
        target: notice.target,
        case_ids,
        failure,
        measures,
    })
}

/// A notice's number: `TB-2026-003`.
pub fn notice_number(year: i32, seq: u32) -> String {
    format!("TB-{year}-{seq:03}")
}

/// Case numbers typed into a notice: separated by spaces, commas or the Chinese comma.
pub fn case_numbers(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A notice as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: i64,
    pub number: String,
    pub at: NaiveDateTime,
    /// The manager who issued it.
    pub issued_by: String,
    /// The unit named, or the staff member named (with their login).
    pub unit: Option<String>,
    pub staff: Option<(String, String)>,
    /// The numbers of the cases it names.
    pub cases: Vec<String>,
    pub failure: String,
    pub measures: String,
}

impl Notice {
    /// Whom it names, in words.
    pub fn target(&self) -> String {
        match (&self.unit, &self.staff) {
            (Some(u), _) => u.clone(),
            (None, Some((_, name))) => name.clone(),
            (None, None) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn staff(roles: &[Role]) -> Staff {
        Staff {
            id: 1,
            login: "wang".into(),
            name: "王局长".into(),
            roles: roles.to_vec(),
            active: true,
        }
    }

    fn notice(cases: Vec<i64>, failure: &str) -> NewNotice {
        NewNotice {
            target: NoticeTarget::Unit(3),
            case_ids: cases,
            failure: failure.into(),
            measures: String::new(),
        }
    }

    #[test]
    fn a_manager_issues_a_notice_naming_cases_and_the_failure() {
        let ok = check_notice(
            &staff(&[Role::Manager]),
            &notice(vec![5, 7, 5], " 逾期未回复\u{1b}[31m "),
        )
        .unwrap();
        assert_eq!(ok.case_ids, vec![5, 7], "each case once");
        assert_eq!(ok.failure, "逾期未回复", "the escape sequence is gone");
    }

    #[test]
    fn a_supervisor_or_receptionist_is_refused_and_bad_notices_say_why() {
        for r in [Role::Supervisor, Role::Reception] {
            assert!(matches!(
                check_notice(&staff(&[r]), &notice(vec![1], "逾期")),
                Err(NoticeError::Denied(_))
            ));
        }
        let m = staff(&[Role::Manager]);
        assert_eq!(
            check_notice(&m, &notice(vec![], "逾期")),
            Err(NoticeError::NoCases)
        );
        assert_eq!(
            check_notice(&m, &notice(vec![1], "  ")),
            Err(NoticeError::FailureMissing)
        );
        assert_eq!(
            check_notice(&m, &notice((1..=51).collect(), "逾期")),
            Err(NoticeError::TooManyCases { max: 50 })
        );
        assert!(matches!(
            check_notice(&m, &notice(vec![1], &"误".repeat(2001))),
            Err(NoticeError::TooLong { .. })
        ));
    }

    #[test]
    fn numbers_and_typed_case_lists() {
        assert_eq!(notice_number(2026, 3), "TB-2026-003");
        assert_eq!(
            case_numbers("xf-2026-000001，XF-2026-000002、 XF-2026-000003"),
            vec!["XF-2026-000001", "XF-2026-000002", "XF-2026-000003"]
        );
    }
}
