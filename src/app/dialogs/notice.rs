//! The notice (通报) a manager records: whom it names (a unit or a staff member), the cases
//! by number, the failure, and what is required now.

use super::form::{Field, FormDialog, FormPurpose, FormValues, PickItem, ValueProblem};
use crate::domain::supervision::notice::{NewNotice, NoticeTarget, case_numbers};
use crate::domain::{Staff, Unit};
use crate::i18n::Lang;
use crate::i18n::supervision::Sv;

const TARGET: usize = 0;
const UNIT: usize = 1;
const STAFF: usize = 2;
const CASES: usize = 3;
const FAILURE: usize = 4;
const MEASURES: usize = 5;

pub fn dialog(
    lang: Lang,
    units: &[Unit],
    staff: &[Staff],
    case_number: Option<&str>,
    unit_id: Option<i64>,
) -> FormDialog {
    let t = |s: Sv| s.text(lang);
    let mut unit = Field::pick(
        t(Sv::FieldNoticeUnit),
        units
            .iter()
            .map(|u| PickItem {
                id: u.id,
                name: u.name.clone(),
                also: [u.initials.clone(), u.code.clone()],
            })
            .collect(),
        false,
    )
    .only_when(TARGET, 0);
    unit.picked = unit_id.into_iter().collect();
    let person = Field::pick(
        t(Sv::FieldNoticeStaff),
        staff
            .iter()
            .filter(|s| s.active)
            .map(|s| PickItem {
                id: s.id,
                name: s.name.clone(),
                also: [
                    crate::domain::lookup::name_initials(&s.name),
                    s.login.clone(),
                ],
            })
            .collect(),
        false,
    )
    .only_when(TARGET, 1);
    FormDialog::new(
        t(Sv::NoticeTitle),
        FormPurpose::Notice,
        vec![t(Sv::NoticeHint)],
        vec![
            Field::choice(
                t(Sv::FieldNoticeTarget),
                vec![t(Sv::TargetUnit), t(Sv::TargetStaff)],
            ),
            unit,
            person,
            Field::line(t(Sv::FieldNoticeCases)).with_text(case_number.unwrap_or("")),
            Field::lines(t(Sv::FieldFailure)),
            Field::lines(t(Sv::FieldMeasures)),
        ],
    )
}

/// A notice as typed: the cases still as numbers.
pub struct TypedNotice {
    pub target: NoticeTarget,
    pub numbers: Vec<String>,
    pub failure: String,
    pub measures: String,
}

impl TypedNotice {
    pub fn notice(self, case_ids: Vec<i64>) -> NewNotice {
        NewNotice {
            target: self.target,
            case_ids,
            failure: self.failure,
            measures: self.measures,
        }
    }
}

/// The notice the form's values make; a missing target, case or failure names its field.
pub fn values(v: &FormValues<'_>) -> Result<TypedNotice, ValueProblem> {
    let target = if v.choice(TARGET) == 0 {
        NoticeTarget::Unit(v.one_picked(UNIT)?)
    } else {
        NoticeTarget::Staff(v.one_picked(STAFF)?)
    };
    let numbers = case_numbers(&v.required_text(CASES)?);
    Ok(TypedNotice {
        target,
        numbers,
        failure: v.required_text(FAILURE)?,
        measures: v.text(MEASURES),
    })
}
