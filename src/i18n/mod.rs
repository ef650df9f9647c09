//! Messages in zh-CN and en. The language follows `--lang`, else LC_ALL / LC_MESSAGES / LANG
//! (a zh locale need not be installed: only the variable is read).

//! Every message, label and hint of the product lives here, in Chinese and English: fixed
//! texts in `text`, messages with values in `messages`, names of the domain's words in
//! `labels`, refusals in `errors`.

mod catalog;
pub mod cli;
mod due;
pub mod errors;
mod labels;
mod messages;
pub mod notifications;
pub mod report;
pub mod roster;
pub mod supervision;
mod text;
pub mod timeline;

pub use due::explain_due;
pub use errors::store_error;
pub use labels::{Label, field_label, rule_name};
pub use messages::Msg;
pub use text::Text;

use crate::domain::id_number::IdNumberError;
use crate::domain::intake::{IntakeError, IntakeProblem};
use crate::domain::phone::PhoneError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `zh`, `zh_CN.UTF-8`, `zh-CN` → Chinese; `en*`, `C`, `POSIX` → English.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s.starts_with("c.") || s == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the environment, as the C library would choose the message language. With no
    /// locale set the office default is Chinese.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return Lang::parse(&v).unwrap_or(Lang::En);
            }
        }
        Lang::Zh
    }

    /// The message in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn is_zh(self) -> bool {
        self == Lang::Zh
    }
}

pub fn id_number_problem(lang: Lang, e: &IdNumberError) -> String {
    match (lang, e) {
        (Lang::Zh, IdNumberError::WrongLength(n)) => format!("应为18位（或旧式15位），现为{n}位"),
        (Lang::En, IdNumberError::WrongLength(n)) => {
            format!("must have 18 characters (or 15 for an old card), has {n}")
        }
        (Lang::Zh, IdNumberError::BadCharacter) => "只能是数字，18位号码末位可为X".into(),
        (Lang::En, IdNumberError::BadCharacter) => {
            "digits only; an 18-character number may end in X".into()
        }
        (Lang::Zh, IdNumberError::ImpossibleBirthDate) => "其中的出生日期不存在".into(),
        (Lang::En, IdNumberError::ImpossibleBirthDate) => {
            "the birth date inside it does not exist".into()
        }
        (Lang::Zh, IdNumberError::BirthDateInFuture) => "其中的出生日期晚于今天".into(),
        (Lang::En, IdNumberError::BirthDateInFuture) => {
            "the birth date inside it is in the future".into()
        }
        (Lang::Zh, IdNumberError::WrongCheckDigit { expected, found }) => {
            format!("校验码错误：末位应为 {expected}，输入的是 {found}，请核对号码")
        }
        (Lang::En, IdNumberError::WrongCheckDigit { expected, found }) => format!(
            "wrong check digit: the last character should be {expected}, not {found}; check the number"
        ),
    }
}

fn problem_text(lang: Lang, problem: &IntakeProblem) -> String {
    match problem {
        IntakeProblem::IdNumber(err) => id_number_problem(lang, err),
        IntakeProblem::NameMissing => lang
            .pick(
                "必须填写姓名（只有来信可以匿名）",
                "a name is required (only letters may be anonymous)",
            )
            .into(),
        IntakeProblem::TooLong { max, has } => match lang {
            Lang::Zh => format!("最多{max}字，现为{has}字"),
            Lang::En => format!("at most {max} characters, has {has}"),
        },
        IntakeProblem::SexMismatch => lang
            .pick(
                "与身份证号中的性别不符",
                "does not match the sex the ID number encodes",
            )
            .into(),
        IntakeProblem::Phone(PhoneError::BadCharacter) => lang
            .pick("只能是数字和连字符", "digits and a hyphen only")
            .into(),
        IntakeProblem::Phone(PhoneError::BadMobile) => lang
            .pick(
                "手机号应为11位，以13–19开头",
                "a mobile number has 11 digits starting 13–19",
            )
            .into(),
        IntakeProblem::Phone(PhoneError::BadLandline) => lang
            .pick(
                "固定电话应为区号加7–8位号码，如 010-12345678",
                "a landline is an area code and 7–8 digits, e.g. 010-12345678",
            )
            .into(),
        IntakeProblem::ReceivedAtInvalid => lang
            .pick(
                "应写成 年-月-日 时:分，如 2026-11-25 09:30",
                "write it as YYYY-MM-DD HH:MM",
            )
            .into(),
        IntakeProblem::ReceivedAtBeforeOffice(first) => match lang {
            Lang::Zh => format!("早于本机关开始受理的日期 {first}，请核对"),
            Lang::En => format!("is before the office's first day, {first}; check it"),
        },
        IntakeProblem::ReceivedAtLongAgo { days } => match lang {
            Lang::Zh => format!("在 {days} 天前（一年以上），请核对；确认无误需再次确认"),
            Lang::En => format!("is {days} days back (over a year); check it, then confirm"),
        },
        IntakeProblem::ReceivedAtFuture => {
            lang.pick("不能晚于现在", "cannot be in the future").into()
        }
        IntakeProblem::HeadCountInvalid => {
            lang.pick("请填写人数", "give the number of people").into()
        }
        IntakeProblem::CollectiveTooFew(n) => match lang {
            Lang::Zh => format!("集体访应为5人以上，现为{n}人"),
            Lang::En => format!("a collective visit is 5 or more people, not {n}"),
        },
        IntakeProblem::RepresentativesMissing => lang
            .pick(
                "集体访须推选1至5名代表",
                "a collective visit names 1 to 5 representatives",
            )
            .into(),
        IntakeProblem::Material(n, p) => match lang {
            Lang::Zh => format!("第{n}件：{}", errors::material_problem(lang, *p)),
            Lang::En => format!("item {n}: {}", errors::material_problem(lang, *p)),
        },
        IntakeProblem::Representative(n, inner) => match lang {
            Lang::Zh => format!("第{n}位代表：{}", problem_text(lang, inner)),
            Lang::En => format!("representative {n}: {}", problem_text(lang, inner)),
        },
        IntakeProblem::CategoryMissing => lang
            .pick(
                "请选择问题类别（输入编号、名称或拼音首字母）",
                "choose a category (number, name or pinyin initials)",
            )
            .into(),
        IntakeProblem::SummaryMissing => lang.pick("不能为空", "must not be empty").into(),
    }
}

pub fn intake_error(lang: Lang, e: &IntakeError) -> String {
    let field = e.field.label(lang);
    let problem = problem_text(lang, &e.problem);
    match lang {
        Lang::Zh => format!("{field}：{problem}"),
        Lang::En => format!("{field}: {problem}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::IntakeField;

    #[test]
    fn language_from_locale_names() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }

    /// Every Chinese template has Chinese in it, every English one none, and both name the
    /// same values.
    #[test]
    fn every_message_has_both_languages_with_the_same_values() {
        fn placeholders(t: &str) -> Vec<String> {
            let mut out: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split('}').next())
                .map(|p| p.split(':').next().unwrap_or("").to_string())
                .collect();
            out.sort();
            out
        }
        // Chinese characters, or the full-width punctuation Chinese text uses.
        let is_cjk = |c: char| {
            ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        assert!(Text::TEMPLATES.len() > 100 && Msg::TEMPLATES.len() > 50);
        for (name, zh, en) in Text::TEMPLATES.iter().chain(Msg::TEMPLATES) {
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{name} is empty"
            );
            assert!(
                zh.chars().any(is_cjk),
                "{name}: Chinese lacks Chinese: {zh}"
            );
            assert!(!en.chars().any(is_cjk), "{name}: English has Chinese: {en}");
            assert_eq!(placeholders(zh), placeholders(en), "{name}");
        }
    }

    #[test]
    fn check_digit_message_names_the_field_in_both_languages() {
        let e = IntakeError {
            field: IntakeField::IdNumber,
            problem: IntakeProblem::IdNumber(IdNumberError::WrongCheckDigit {
                expected: 'X',
                found: '1',
            }),
        };
        assert!(intake_error(Lang::Zh, &e).starts_with("身份证号：校验码错误"));
        assert!(intake_error(Lang::En, &e).starts_with("ID number: wrong check digit"));
    }
}
