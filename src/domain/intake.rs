//! Validating an intake form before anything is saved.

use super::case::MatterKind;
use super::contact::{Channel, CollectiveVisit, Leapfrog, Representative};
use super::id_number::{IdNumber, IdNumberError};
use super::lookup::ContactKind;
use super::petitioner::Sex;
use super::phone::{PhoneError, normalize_phone};
use super::text::{clean_line, clean_text};
use chrono::{Duration, NaiveDateTime};

/// The fields of the intake form, in the fixed order the form visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntakeField {
    IdNumber,
    Name,
    Sex,
    Phone,
    Address,
    WorkUnit,
    Channel,
    /// Major or urgent (条例 Art. 25): managers are told at once.
    Urgent,
    ReceivedAt,
    Collective,
    HeadCount,
    Representatives,
    Category,
    Kind,
    Units,
    Leapfrog,
    Summary,
    Account,
    /// The materials received (edited in their own dialog, not a field Tab visits).
    Materials,
}

impl IntakeField {
    pub const ORDER: [IntakeField; 18] = [
        IntakeField::IdNumber,
        IntakeField::Name,
        IntakeField::Sex,
        IntakeField::Phone,
        IntakeField::Address,
        IntakeField::WorkUnit,
        IntakeField::Channel,
        IntakeField::Urgent,
        IntakeField::ReceivedAt,
        IntakeField::Collective,
        IntakeField::HeadCount,
        IntakeField::Representatives,
        IntakeField::Category,
        IntakeField::Kind,
        IntakeField::Units,
        IntakeField::Leapfrog,
        IntakeField::Summary,
        IntakeField::Account,
    ];
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeProblem {
    IdNumber(IdNumberError),
    NameMissing,
    TooLong {
        max: usize,
        has: usize,
    },
    /// The sex chosen contradicts the one the ID number encodes.
    SexMismatch,
    Phone(PhoneError),
    ReceivedAtInvalid,
    ReceivedAtFuture,
    /// Before the office's first day: a typo (1900 for 2026), never a real receipt.
    ReceivedAtBeforeOffice(chrono::NaiveDate),
    /// More than a year back: possible (a letter found late) but usually a typo, so it needs
    /// the receptionist's confirmation.
    ReceivedAtLongAgo {
        days: i64,
    },
    HeadCountInvalid,
    /// A collective visit (集体访) is 5 or more people.
    CollectiveTooFew(u32),
    /// A collective visit names 1 to 5 representatives (条例 Art. 20).
    RepresentativesMissing,
    /// Representative `n` (1-based) has a problem of its own.
    Representative(usize, Box<IntakeProblem>),
    /// Material `n` (1-based) has a problem.
    Material(usize, super::contact::MaterialProblem),
    CategoryMissing,
    SummaryMissing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeError {
    pub field: IntakeField,
    pub problem: IntakeProblem,
}

/// One representative as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RepresentativeInput {
    pub name: String,
    pub id_number: String,
    pub phone: String,
}

impl RepresentativeInput {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.id_number.trim().is_empty()
            && self.phone.trim().is_empty()
    }
}

/// The form as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct IntakeInput {
    pub id_number: String,
    pub name: String,
    pub sex: Option<Sex>,
    pub phone: String,
    pub address: String,
    pub work_unit: String,
    pub channel: Channel,
    pub urgent: bool,
    /// `YYYY-MM-DD HH:MM`, office-local.
    pub received_at: String,
    pub collective: bool,
    pub head_count: String,
    pub representatives: Vec<RepresentativeInput>,
    pub category_id: Option<i64>,
    pub kind: MatterKind,
    pub unit_ids: Vec<i64>,
    pub leapfrog: Option<Leapfrog>,
    pub summary: String,
    pub account: String,
    pub contact: ContactKind,
    pub expert_id: Option<i64>,
    /// The person in the records the form was filled from, when their ID number is not shown
    /// to this role: the contact is theirs without the number being typed.
    pub known_petitioner: Option<i64>,
    /// The receptionist confirmed a receipt time more than a year back.
    pub long_ago_confirmed: bool,
    /// The materials received with this contact.
    pub materials: Vec<super::contact::NewMaterial>,
}

/// What the office decides about intakes: its first day (no receipt is earlier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeRules {
    pub office_opened: chrono::NaiveDate,
}

impl Default for IntakeRules {
    /// Without the office's own date, the first day this system can have been in use.
    fn default() -> Self {
        Self {
            office_opened: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
        }
    }
}

/// A receipt time further back than this needs a confirmation.
pub const LONG_AGO_DAYS: i64 = 365;

impl IntakeInput {
    /// An empty form received at `now`.
    pub fn blank(now: NaiveDateTime) -> Self {
        Self {
            id_number: String::new(),
            name: String::new(),
            sex: None,
            phone: String::new(),
            address: String::new(),
            work_unit: String::new(),
            channel: Channel::Visit,
            urgent: false,
            received_at: format_received(now),
            collective: false,
            head_count: String::new(),
            representatives: vec![],
            category_id: None,
            kind: MatterKind::Request,
            unit_ids: vec![],
            leapfrog: None,
            summary: String::new(),
            account: String::new(),
            contact: ContactKind::FirstContact,
            expert_id: None,
            known_petitioner: None,
            long_ago_confirmed: false,
            materials: vec![],
        }
    }
}

/// A validated intake: the petitioner, and either a new case with its first contact or a
/// repeat contact on an open case, ready to be saved in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIntake {
    pub id_number: Option<String>,
    pub name: String,
    pub sex: Option<Sex>,
    pub phone: Option<String>,
    pub address: String,
    pub work_unit: String,
    pub channel: Channel,
    /// A major or urgent matter (条例 Art. 25): reported to managers at once.
    pub urgent: bool,
    pub kind: MatterKind,
    /// None only for a repeat, whose case has its category.
    pub category_id: Option<i64>,
    pub summary: String,
    pub account: String,
    pub received_at: NaiveDateTime,
    /// Set for a collective visit (集体访); a single visitor otherwise.
    pub collective: Option<CollectiveVisit>,
    pub unit_ids: Vec<i64>,
    pub leapfrog: Option<Leapfrog>,
    pub contact: ContactKind,
    /// The duty expert the visitor is routed to (专家门诊式接访).
    pub expert_id: Option<i64>,
    /// The person in the records this contact is from, when known without the ID number.
    pub known_petitioner: Option<i64>,
    /// The materials received with this contact, checked.
    pub materials: Vec<super::contact::NewMaterial>,
}

impl NewIntake {
    /// People who came: the head-count of a collective visit, else one.
    pub fn head_count(&self) -> u32 {
        self.collective.as_ref().map_or(1, |c| c.head_count)
    }
}

/// A half-typed form as the store keeps it: when it was saved and its body (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDraft {
    pub saved_at: String,
    pub body: String,
}

pub const SUMMARY_MAX_CHARS: usize = 100;
pub const NAME_MAX_CHARS: usize = 40;
pub const LINE_MAX_CHARS: usize = 100;
/// A long account is allowed (a pasted petition letter); beyond this it belongs in a material.
pub const ACCOUNT_MAX_CHARS: usize = 200_000;
pub const MAX_REPRESENTATIVES: usize = 5;
pub const COLLECTIVE_MIN: u32 = 5;

pub fn format_received(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn limit(text: &str, max: usize) -> Result<(), IntakeProblem> {
    let has = text.chars().count();
    if has > max {
        Err(IntakeProblem::TooLong { max, has })
    } else {
        Ok(())
    }
}

fn optional_id(text: &str, today: chrono::NaiveDate) -> Result<Option<IdNumber>, IntakeProblem> {
    let t = clean_line(text);
    if t.trim().is_empty() {
        Ok(None)
    } else {
        IdNumber::parse(&t, today)
            .map(Some)
            .map_err(IntakeProblem::IdNumber)
    }
}

fn optional_phone(text: &str) -> Result<Option<String>, IntakeProblem> {
    let t = clean_line(text);
    if t.trim().is_empty() {
        Ok(None)
    } else {
        normalize_phone(&t)
            .map(|(p, _)| Some(p))
            .map_err(IntakeProblem::Phone)
    }
}

/// Validate the form as of `now` with the office's default rules.
pub fn validate_intake(input: &IntakeInput, now: NaiveDateTime) -> Result<NewIntake, IntakeError> {
    validate_intake_under(input, now, &IntakeRules::default())
}

/// Validate the form as of `now`; the first problem in field order is returned, so focus can go
/// there. A repeat contact needs no category or summary: its case has them.
pub fn validate_intake_under(
    input: &IntakeInput,
    now: NaiveDateTime,
    rules: &IntakeRules,
) -> Result<NewIntake, IntakeError> {
    let err = |field| move |problem| IntakeError { field, problem };
    let today = now.date();
    let id = optional_id(&input.id_number, today).map_err(err(IntakeField::IdNumber))?;
    let name = clean_line(&input.name).trim().to_string();
    // A letter may be anonymous (匿名, mostly 检举控告); anyone at the counter gives a name.
    let name = if name.is_empty() {
        if input.channel == Channel::Letter && id.is_none() {
            "匿名".to_string()
        } else {
            return Err(err(IntakeField::Name)(IntakeProblem::NameMissing));
        }
    } else {
        name
    };
    limit(&name, NAME_MAX_CHARS).map_err(err(IntakeField::Name))?;
    let sex = match (&id, input.sex) {
        (Some(id), Some(s)) if (s == Sex::Male) != id.is_male() => {
            return Err(err(IntakeField::Sex)(IntakeProblem::SexMismatch));
        }
        (Some(id), None) => Some(if id.is_male() { Sex::Male } else { Sex::Female }),
        (_, s) => s,
    };
    let phone = optional_phone(&input.phone).map_err(err(IntakeField::Phone))?;
    let address = clean_line(&input.address).trim().to_string();
    limit(&address, LINE_MAX_CHARS).map_err(err(IntakeField::Address))?;
    let work_unit = clean_line(&input.work_unit).trim().to_string();
    limit(&work_unit, LINE_MAX_CHARS).map_err(err(IntakeField::WorkUnit))?;
    let received_at = NaiveDateTime::parse_from_str(input.received_at.trim(), "%Y-%m-%d %H:%M")
        .map_err(|_| err(IntakeField::ReceivedAt)(IntakeProblem::ReceivedAtInvalid))?;
    // A few minutes of clock difference between a clerk's watch and the server are normal.
    if received_at > now + Duration::minutes(10) {
        return Err(err(IntakeField::ReceivedAt)(
            IntakeProblem::ReceivedAtFuture,
        ));
    }
    if received_at.date() < rules.office_opened {
        return Err(err(IntakeField::ReceivedAt)(
            IntakeProblem::ReceivedAtBeforeOffice(rules.office_opened),
        ));
    }
    let days = (now.date() - received_at.date()).num_days();
    if days > LONG_AGO_DAYS && !input.long_ago_confirmed {
        return Err(err(IntakeField::ReceivedAt)(
            IntakeProblem::ReceivedAtLongAgo { days },
        ));
    }
    let mut collective = None;
    if input.collective {
        let head_count = input
            .head_count
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0 && *n < 100_000)
            .ok_or(err(IntakeField::HeadCount)(IntakeProblem::HeadCountInvalid))?;
        if head_count < COLLECTIVE_MIN {
            return Err(err(IntakeField::HeadCount)(
                IntakeProblem::CollectiveTooFew(head_count),
            ));
        }
        let mut representatives = vec![];
        let rep_err = |i: usize| {
            move |p: IntakeProblem| IntakeError {
                field: IntakeField::Representatives,
                problem: IntakeProblem::Representative(i + 1, Box::new(p)),
            }
        };
        for (i, r) in input
            .representatives
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_empty())
        {
            let rname = clean_line(&r.name).trim().to_string();
            if rname.is_empty() {
                return Err(rep_err(i)(IntakeProblem::NameMissing));
            }
            limit(&rname, NAME_MAX_CHARS).map_err(rep_err(i))?;
            let rid = optional_id(&r.id_number, today).map_err(rep_err(i))?;
            let rphone = optional_phone(&r.phone).map_err(rep_err(i))?;
            representatives.push(Representative {
                name: rname,
                id_number: rid.map(|x| x.as_str().to_string()),
                phone: rphone,
            });
        }
        if representatives.is_empty() || representatives.len() > MAX_REPRESENTATIVES {
            return Err(err(IntakeField::Representatives)(
                IntakeProblem::RepresentativesMissing,
            ));
        }
        collective = Some(CollectiveVisit {
            head_count,
            representatives,
        });
    }
    let first_contact = input.contact == ContactKind::FirstContact;
    let category_id = match (input.category_id, first_contact) {
        (Some(c), _) => Some(c),
        (None, false) => None,
        (None, true) => return Err(err(IntakeField::Category)(IntakeProblem::CategoryMissing)),
    };
    let summary = clean_line(&input.summary).trim().to_string();
    if summary.is_empty() && first_contact {
        return Err(err(IntakeField::Summary)(IntakeProblem::SummaryMissing));
    }
    limit(&summary, SUMMARY_MAX_CHARS).map_err(err(IntakeField::Summary))?;
    let account = clean_text(&input.account, true);
    limit(&account, ACCOUNT_MAX_CHARS).map_err(err(IntakeField::Account))?;
    let mut materials = vec![];
    for (i, m) in input.materials.iter().enumerate() {
        materials.push(m.clone().checked().map_err(|p| IntakeError {
            field: IntakeField::Materials,
            problem: IntakeProblem::Material(i + 1, p),
        })?);
    }
    let mut unit_ids = input.unit_ids.clone();
    unit_ids.dedup();
    Ok(NewIntake {
        id_number: id.map(|x| x.as_str().to_string()),
        name,
        sex,
        phone,
        address,
        work_unit,
        channel: input.channel,
        urgent: input.urgent,
        kind: input.kind,
        category_id,
        summary,
        account,
        received_at,
        collective,
        unit_ids,
        leapfrog: input.leapfrog,
        contact: input.contact,
        expert_id: input.expert_id,
        known_petitioner: input.known_petitioner,
        materials,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    fn input() -> IntakeInput {
        IntakeInput {
            id_number: "11010519491231002X".into(),
            name: "张三".into(),
            phone: "13800138000".into(),
            category_id: Some(1),
            summary: "征地补偿款未到位".into(),
            ..IntakeInput::blank(now())
        }
    }

    #[test]
    fn a_complete_form_validates_and_takes_sex_from_the_id() {
        let ok = validate_intake(&input(), now()).unwrap();
        assert_eq!(ok.name, "张三");
        assert_eq!(ok.id_number.as_deref(), Some("11010519491231002X"));
        assert_eq!(ok.sex, Some(Sex::Female));
        assert_eq!(ok.received_at, now());
        assert_eq!(ok.head_count(), 1);
    }

    #[test]
    fn first_problem_names_its_field() {
        let mut i = input();
        i.id_number = "110105194912310021".into();
        i.summary = String::new();
        let e = validate_intake(&i, now()).unwrap_err();
        assert_eq!(e.field, IntakeField::IdNumber);
        assert!(matches!(
            e.problem,
            IntakeProblem::IdNumber(IdNumberError::WrongCheckDigit { .. })
        ));
    }

    #[test]
    fn sex_must_agree_with_the_id() {
        let mut i = input();
        i.sex = Some(Sex::Male);
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::SexMismatch
        );
    }

    #[test]
    fn phone_summary_category_and_dates_are_checked() {
        let mut i = input();
        i.phone = "1380013".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().field,
            IntakeField::Phone
        );
        let mut i = input();
        i.category_id = None;
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().field,
            IntakeField::Category
        );
        let mut i = input();
        i.summary = "   ".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::SummaryMissing
        );
        let mut i = input();
        i.received_at = "2026-11-26 09:00".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::ReceivedAtFuture
        );
        i.received_at = "2026-11-31 09:00".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::ReceivedAtInvalid
        );
        i.received_at = "2026-10-08 14:05".into();
        assert!(
            validate_intake(&i, now()).is_ok(),
            "a letter posted earlier is fine"
        );
        i.received_at = "2026-11-25 09:39".into();
        assert!(
            validate_intake(&i, now()).is_ok(),
            "a watch a few minutes fast"
        );
    }

    /// 1900-01-01 made case XF-1900-000001: a time before the office's first day is refused,
    /// and one more than a year back needs a confirmation.
    #[test]
    fn an_impossible_receipt_time_is_refused_and_a_very_old_one_must_be_confirmed() {
        let mut i = input();
        i.received_at = "1900-01-01 09:00".into();
        let opened = NaiveDate::from_ymd_opt(2010, 3, 1).unwrap();
        let rules = IntakeRules {
            office_opened: opened,
        };
        assert_eq!(
            validate_intake_under(&i, now(), &rules)
                .unwrap_err()
                .problem,
            IntakeProblem::ReceivedAtBeforeOffice(opened)
        );
        i.long_ago_confirmed = true;
        assert!(
            validate_intake_under(&i, now(), &rules).is_err(),
            "no confirmation makes 1900 possible"
        );
        i.received_at = "2024-06-01 09:00".into();
        i.long_ago_confirmed = false;
        assert!(matches!(
            validate_intake_under(&i, now(), &rules).unwrap_err().problem,
            IntakeProblem::ReceivedAtLongAgo { days } if days > 365
        ));
        i.long_ago_confirmed = true;
        assert!(validate_intake_under(&i, now(), &rules).is_ok());
    }

    #[test]
    fn a_collective_visit_needs_five_people_and_one_to_five_representatives() {
        let mut i = input();
        i.collective = true;
        i.head_count = "4".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::CollectiveTooFew(4)
        );
        i.head_count = "30".into();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::RepresentativesMissing
        );
        i.representatives = vec![
            RepresentativeInput {
                name: "李四".into(),
                id_number: "440524188001010014".into(),
                phone: String::new(),
            },
            RepresentativeInput::default(),
            RepresentativeInput {
                name: "王五".into(),
                id_number: String::new(),
                phone: "13912345678".into(),
            },
        ];
        let ok = validate_intake(&i, now()).unwrap();
        assert_eq!(ok.head_count(), 30);
        let group = ok.collective.unwrap();
        assert_eq!(group.representatives.len(), 2, "empty rows are skipped");
        i.representatives[2].phone = "123".into();
        let e = validate_intake(&i, now()).unwrap_err();
        assert_eq!(e.field, IntakeField::Representatives);
        assert!(
            matches!(e.problem, IntakeProblem::Representative(3, _)),
            "{:?}",
            e.problem
        );
        i.representatives = (0..6)
            .map(|n| RepresentativeInput {
                name: format!("代表{n}"),
                ..Default::default()
            })
            .collect();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().problem,
            IntakeProblem::RepresentativesMissing
        );
    }

    #[test]
    fn anonymous_letters_are_allowed_but_visitors_give_a_name() {
        let mut i = input();
        i.id_number.clear();
        i.name.clear();
        assert_eq!(
            validate_intake(&i, now()).unwrap_err().field,
            IntakeField::Name
        );
        i.channel = Channel::Letter;
        assert_eq!(validate_intake(&i, now()).unwrap().name, "匿名");
    }

    #[test]
    fn a_repeat_needs_no_category_or_summary() {
        let mut i = input();
        i.category_id = None;
        i.summary.clear();
        i.contact = ContactKind::RepeatOf(7);
        let ok = validate_intake(&i, now()).unwrap();
        assert_eq!(ok.contact, ContactKind::RepeatOf(7));
        assert_eq!(ok.category_id, None);
    }

    proptest::proptest! {
        /// Whatever is typed or pasted into any field, validation answers in words: no panic,
        /// and nothing saved holds a control character.
        #[test]
        fn any_input_is_answered_without_panicking(
            id in "\\PC{0,24}", name in "\\PC{0,50}", phone in "\\PC{0,20}",
            summary in "\\PC{0,120}", account in "(\\PC|\n|\u{1b}|\r){0,200}",
            received in "\\PC{0,20}", head in "\\PC{0,6}", collective: bool,
        ) {
            let mut i = input();
            i.id_number = id;
            i.name = name;
            i.phone = phone;
            i.summary = summary;
            i.account = account;
            i.received_at = received;
            i.head_count = head;
            i.collective = collective;
            if let Ok(ok) = validate_intake(&i, now()) {
                for text in [&ok.name, &ok.summary, &ok.address] {
                    proptest::prop_assert!(!text.chars().any(char::is_control));
                }
                proptest::prop_assert!(!ok.account.chars().any(|c| c.is_control() && c != '\n'));
            }
        }
    }

    #[test]
    fn escape_sequences_never_reach_the_saved_intake() {
        let mut i = input();
        i.summary = "工资\u{1b}[2J拖欠".into();
        i.account = "第一段\u{1b}]52;c;eA==\u{7}\n第二段\u{202e}".into();
        let ok = validate_intake(&i, now()).unwrap();
        assert_eq!(ok.summary, "工资拖欠");
        assert_eq!(ok.account, "第一段\n第二段");
    }
}
