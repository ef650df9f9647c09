//! Validating an intake form before anything is saved.

use super::id_number::{IdNumber, IdNumberError};
use super::phone::{PhoneError, normalize_phone};
use super::text::{clean_line, clean_text};
use super::types::{Channel, MatterKind, NewIntake};
use chrono::NaiveDateTime;

/// The fields of the intake form, in the order the form visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntakeField {
    IdNumber,
    Name,
    Phone,
    Channel,
    Kind,
    Category,
    Summary,
}

impl IntakeField {
    pub const ORDER: [IntakeField; 7] = [
        IntakeField::IdNumber,
        IntakeField::Name,
        IntakeField::Phone,
        IntakeField::Channel,
        IntakeField::Kind,
        IntakeField::Category,
        IntakeField::Summary,
    ];
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeProblem {
    IdNumber(IdNumberError),
    NameMissing,
    NameTooLong,
    Phone(PhoneError),
    CategoryMissing,
    SummaryMissing,
    SummaryTooLong(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeError {
    pub field: IntakeField,
    pub problem: IntakeProblem,
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct IntakeInput {
    pub id_number: String,
    pub name: String,
    pub phone: String,
    pub channel: Channel,
    pub kind: MatterKind,
    pub category_id: Option<i64>,
    pub summary: String,
    pub account: String,
    pub received_at: NaiveDateTime,
}

pub const SUMMARY_MAX_CHARS: usize = 100;
pub const NAME_MAX_CHARS: usize = 40;

/// Validate the form; the first problem in field order is returned, so focus can go there.
pub fn validate_intake(input: &IntakeInput) -> Result<NewIntake, IntakeError> {
    let err = |field, problem| IntakeError { field, problem };
    let today = input.received_at.date();
    let id_text = clean_line(&input.id_number);
    let id_number = if id_text.trim().is_empty() {
        None
    } else {
        Some(
            IdNumber::parse(&id_text, today)
                .map_err(|e| err(IntakeField::IdNumber, IntakeProblem::IdNumber(e)))?
                .as_str()
                .to_string(),
        )
    };
    let name = clean_line(&input.name).trim().to_string();
    // A letter may be anonymous (匿名, mostly 检举控告); anyone at the counter gives a name.
    let name = if name.is_empty() {
        if input.channel == Channel::Letter && id_number.is_none() {
            "匿名".to_string()
        } else {
            return Err(err(IntakeField::Name, IntakeProblem::NameMissing));
        }
    } else {
        name
    };
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(err(IntakeField::Name, IntakeProblem::NameTooLong));
    }
    let phone_text = clean_line(&input.phone);
    let phone = if phone_text.trim().is_empty() {
        None
    } else {
        Some(
            normalize_phone(&phone_text)
                .map_err(|e| err(IntakeField::Phone, IntakeProblem::Phone(e)))?
                .0,
        )
    };
    let category_id = input
        .category_id
        .ok_or(err(IntakeField::Category, IntakeProblem::CategoryMissing))?;
    let summary = clean_line(&input.summary).trim().to_string();
    if summary.is_empty() {
        return Err(err(IntakeField::Summary, IntakeProblem::SummaryMissing));
    }
    let summary_len = summary.chars().count();
    if summary_len > SUMMARY_MAX_CHARS {
        return Err(err(
            IntakeField::Summary,
            IntakeProblem::SummaryTooLong(summary_len),
        ));
    }
    Ok(NewIntake {
        id_number,
        name,
        phone,
        channel: input.channel,
        kind: input.kind,
        category_id,
        summary,
        account: clean_text(&input.account, true),
        received_at: input.received_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> IntakeInput {
        IntakeInput {
            id_number: "11010519491231002X".into(),
            name: "张三".into(),
            phone: "13800138000".into(),
            channel: Channel::Visit,
            kind: MatterKind::Request,
            category_id: Some(1),
            summary: "征地补偿款未到位".into(),
            account: String::new(),
            received_at: chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
                .unwrap()
                .and_hms_opt(9, 30, 0)
                .unwrap(),
        }
    }

    #[test]
    fn a_complete_form_validates() {
        let ok = validate_intake(&input()).unwrap();
        assert_eq!(ok.name, "张三");
        assert_eq!(ok.id_number.as_deref(), Some("11010519491231002X"));
    }

    #[test]
    fn first_problem_names_its_field() {
        let mut i = input();
        i.id_number = "110105194912310021".into();
        i.summary = String::new();
        let e = validate_intake(&i).unwrap_err();
        assert_eq!(e.field, IntakeField::IdNumber);
        assert!(matches!(
            e.problem,
            IntakeProblem::IdNumber(IdNumberError::WrongCheckDigit { .. })
        ));
    }

    #[test]
    fn phone_summary_category_are_checked() {
        let mut i = input();
        i.phone = "1380013".into();
        assert_eq!(validate_intake(&i).unwrap_err().field, IntakeField::Phone);
        let mut i = input();
        i.category_id = None;
        assert_eq!(
            validate_intake(&i).unwrap_err().field,
            IntakeField::Category
        );
        let mut i = input();
        i.summary = "   ".into();
        assert_eq!(
            validate_intake(&i).unwrap_err().problem,
            IntakeProblem::SummaryMissing
        );
    }

    #[test]
    fn anonymous_letters_are_allowed_but_visitors_give_a_name() {
        let mut i = input();
        i.id_number.clear();
        i.name.clear();
        assert_eq!(validate_intake(&i).unwrap_err().field, IntakeField::Name);
        i.channel = Channel::Letter;
        assert_eq!(validate_intake(&i).unwrap().name, "匿名");
    }

    #[test]
    fn escape_sequences_never_reach_the_saved_intake() {
        let mut i = input();
        i.summary = "工资\u{1b}[2J拖欠".into();
        assert_eq!(validate_intake(&i).unwrap().summary, "工资拖欠");
    }
}
